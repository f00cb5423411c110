package org.homeinfusion.testsupport;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Watches a topic the way a downstream subscriber would (committed records only, from the beginning) so a test can
 * wait for the record it expects and then prove that no other one follows.
 *
 * <p>Each record is handed out once: {@link #awaitRecord} claims the earliest unclaimed match, so waiting twice for
 * the same predicate needs two records. {@link #assertNoFurtherRecord} looks only at unclaimed records, which is how
 * "exactly one event per version" is asserted.
 *
 * <pre>{@code
 * try (EventCapture readiness = EventCapture.subscribe("case-readiness.events")) {
 *     CapturedRecord ready = readiness.awaitRecord(r -> "CASE-1".equals(r.key()) && r.value().contains("ReadyToSchedule"));
 *     readiness.assertNoFurtherRecord(r -> "CASE-1".equals(r.key()), Duration.ofSeconds(3));
 * }
 * }</pre>
 */
public final class EventCapture implements AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration ASSIGNMENT_TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    private final List<CapturedRecord> records = new ArrayList<>();
    private final Set<CapturedRecord> claimed = new HashSet<>();
    private final Set<String> seen = new HashSet<>();
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final Thread poller;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    private EventCapture(String bootstrapServers, String topic) {
        this.topic = topic;
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "event-capture-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Notice topics created after we subscribed within a second instead of the five-minute default.
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1_000);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        this.poller = new Thread(this::pollUntilClosed, "event-capture-" + topic);
        this.poller.setDaemon(true);
    }

    /** Captures {@code topic} on the shared {@link RealInfrastructure} broker. */
    public static EventCapture subscribe(String topic) {
        return subscribe(RealInfrastructure.kafkaBootstrapServers(), topic);
    }

    /** Captures {@code topic} on any broker; returns once partitions are assigned, so nothing produced later is missed. */
    public static EventCapture subscribe(String bootstrapServers, String topic) {
        EventCapture capture = new EventCapture(bootstrapServers, topic);
        capture.poller.start();
        capture.awaitAssignment();
        return capture;
    }

    /** Waits up to {@link #DEFAULT_TIMEOUT} for an unclaimed record matching {@code matching} and claims it. */
    public CapturedRecord awaitRecord(Predicate<CapturedRecord> matching) {
        return awaitRecord(matching, DEFAULT_TIMEOUT);
    }

    public CapturedRecord awaitRecord(Predicate<CapturedRecord> matching, Duration timeout) {
        return awaitRecords(1, matching, timeout).get(0);
    }

    /** Waits until {@code count} unclaimed records match and claims them, oldest first. */
    public List<CapturedRecord> awaitRecords(int count, Predicate<CapturedRecord> matching, Duration timeout) {
        try {
            await().alias("records on " + topic)
                    .atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> unclaimed(matching).size() >= count);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Expected " + count + " matching record(s) on " + topic + " within " + timeout
                    + " but found " + unclaimed(matching).size() + "; everything received:\n" + describe(records()), e);
        }
        synchronized (records) {
            List<CapturedRecord> found = unclaimed(matching).subList(0, count);
            claimed.addAll(found);
            return List.copyOf(found);
        }
    }

    /** Fails if any unclaimed record arrives (or has arrived) during {@code during}. */
    public void assertNoFurtherRecord(Duration during) {
        assertNoFurtherRecord(record -> true, during);
    }

    /** Fails if an unclaimed record matching {@code matching} is there now or arrives during {@code during}. */
    public void assertNoFurtherRecord(Predicate<CapturedRecord> matching, Duration during) {
        long deadline = System.nanoTime() + during.toNanos();
        do {
            List<CapturedRecord> unexpected = unclaimed(matching);
            if (!unexpected.isEmpty()) {
                throw new AssertionError("Expected no further matching record on " + topic + " but got:\n"
                        + describe(unexpected));
            }
            sleep(Duration.ofMillis(50));
        } while (System.nanoTime() < deadline);
    }

    /** Every record received so far, claimed or not, in arrival order. */
    public List<CapturedRecord> records() {
        checkHealthy();
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            poller.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<CapturedRecord> unclaimed(Predicate<CapturedRecord> matching) {
        checkHealthy();
        synchronized (records) {
            return records.stream().filter(r -> !claimed.contains(r)).filter(matching).toList();
        }
    }

    private void awaitAssignment() {
        try {
            if (!assigned.await(ASSIGNMENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                checkHealthy();
                throw new IllegalStateException("No partitions of " + topic + " assigned within " + ASSIGNMENT_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("Interrupted while subscribing to " + topic, e);
        }
    }

    private void pollUntilClosed() {
        try (consumer) {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(java.util.Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(java.util.Collection<TopicPartition> partitions) {
                    if (!partitions.isEmpty()) {
                        assigned.countDown();
                    }
                }
            });
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    // Nothing is committed, so a rejoin after a broker outage reads from the start again.
                    if (seen.add(new TopicPartition(record.topic(), record.partition()) + "@" + record.offset())) {
                        CapturedRecord captured = toCaptured(record);
                        synchronized (records) {
                            records.add(captured);
                        }
                    }
                }
            }
        } catch (WakeupException e) {
            if (running) {
                failure = new IllegalStateException("Capture of " + topic + " woken up unexpectedly", e);
            }
        } catch (RuntimeException e) {
            failure = new IllegalStateException("Capture of " + topic + " failed", e);
        }
    }

    private static CapturedRecord toCaptured(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        headers.values().removeIf(java.util.Objects::isNull);
        return new CapturedRecord(record.topic(), record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()), record.key(), headers, record.value());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private void checkHealthy() {
        RuntimeException failed = failure;
        if (failed != null) {
            throw failed;
        }
    }

    private static String describe(List<CapturedRecord> found) {
        if (found.isEmpty()) {
            return "  (none)";
        }
        StringBuilder text = new StringBuilder();
        found.forEach(record -> text.append("  ").append(record).append('\n'));
        return text.toString();
    }
}
