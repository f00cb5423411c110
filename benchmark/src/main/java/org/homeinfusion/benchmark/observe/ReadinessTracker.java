package org.homeinfusion.benchmark.observe;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.homeinfusion.contracts.EventJson;
import org.homeinfusion.contracts.Topics;
import tools.jackson.databind.JsonNode;

/**
 * The harness's own subscriber of {@code case-readiness.events}, reading committed records only (as the contract
 * tells subscribers to). It keeps every record of the run's cases by (specialistOrgId, caseId, readinessVersion), so
 * duplicates and gaps show, and completes the futures of callers waiting for a version.
 *
 * <p>It starts at the end of the topic: the run's cases are all created after it started, and older cases (earlier
 * runs on a kept stack) would only cost reading time.
 */
public final class ReadinessTracker implements AutoCloseable {

    private static final Duration TOPIC_WAIT = Duration.ofSeconds(120);
    private static final String CE_TYPE = "ce_type";

    private final KafkaConsumer<String, byte[]> consumer;
    private final String caseIdPrefix;
    private final Map<CaseKey, CaseRecords> cases = new ConcurrentHashMap<>();
    private final AtomicLong ownRecords = new AtomicLong();
    private final AtomicLong otherRecords = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;

    private ReadinessTracker(String bootstrapServers, String caseIdPrefix) {
        this.caseIdPrefix = caseIdPrefix;
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "benchmark-readiness-tracker");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumer = new KafkaConsumer<>(config);
        this.thread = new Thread(this::loop, "readiness-tracker");
        this.thread.setDaemon(true);
    }

    /** Subscribes to every partition at its current end; waits for the topic to exist (the coordinator creates it). */
    public static ReadinessTracker start(String bootstrapServers, String caseIdPrefix) {
        ReadinessTracker tracker = new ReadinessTracker(bootstrapServers, caseIdPrefix);
        try {
            tracker.assignAtEnd();
        } catch (RuntimeException e) {
            tracker.consumer.close(Duration.ofSeconds(2));
            throw e;
        }
        tracker.thread.start();
        return tracker;
    }

    private void assignAtEnd() {
        long deadline = System.nanoTime() + TOPIC_WAIT.toNanos();
        List<PartitionInfo> partitions = List.of();
        while (partitions.isEmpty()) {
            try {
                List<PartitionInfo> found = consumer.partitionsFor(Topics.CASE_READINESS_EVENTS, Duration.ofSeconds(5));
                partitions = found == null ? List.of() : found;
            } catch (RuntimeException notYet) {
                partitions = List.of();
            }
            if (partitions.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(Topics.CASE_READINESS_EVENTS + " does not exist after "
                            + TOPIC_WAIT.toSeconds() + " s; is the coordinator running?");
                }
                sleep(500);
            }
        }
        List<TopicPartition> assigned = partitions.stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(assigned);
        consumer.seekToEnd(assigned);
        assigned.forEach(consumer::position);
    }

    private void loop() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                long received = HarnessClock.now();
                for (ConsumerRecord<String, byte[]> record : records) {
                    accept(record, received);
                }
            }
        } catch (WakeupException stopping) {
            // close() woke us up.
        } catch (Throwable e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void accept(ConsumerRecord<String, byte[]> record, long receivedNanos) {
        if (record.key() == null || !record.key().startsWith(caseIdPrefix)) {
            otherRecords.incrementAndGet();
            return;
        }
        String type = typeOf(record);
        JsonNode json;
        try {
            json = EventJson.mapper().readTree(record.value());
        } catch (RuntimeException e) {
            unreadable.incrementAndGet();
            return;
        }
        JsonNode org = json.get("specialistOrgId");
        JsonNode caseId = json.get("caseId");
        JsonNode version = json.get("readinessVersion");
        if (type == null || org == null || caseId == null || version == null) {
            unreadable.incrementAndGet();
            return;
        }
        ownRecords.incrementAndGet();
        ReadinessObservation observation = new ReadinessObservation(type, version.asLong(), receivedNanos,
                record.timestamp(), record.partition(), record.offset());
        cases.computeIfAbsent(new CaseKey(org.asString(), caseId.asString()), k -> new CaseRecords()).add(observation);
    }

    private static String typeOf(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(CE_TYPE);
        if (header == null) {
            return null;
        }
        String ceType = new String(header.value(), StandardCharsets.UTF_8);
        return ceType.substring(ceType.lastIndexOf('.') + 1);
    }

    /** Completes with the first record of {@code version} of the case, now or when it arrives. */
    public CompletableFuture<ReadinessObservation> await(CaseKey key, long version) {
        return cases.computeIfAbsent(key, k -> new CaseRecords()).await(version);
    }

    /** Every record of the case received so far, by version (more than one per version is a duplicate). */
    public NavigableMap<Long, List<ReadinessObservation>> recordsOf(CaseKey key) {
        CaseRecords records = cases.get(key);
        return records == null ? Collections.emptyNavigableMap() : records.snapshot();
    }

    public long ownRecords() {
        return ownRecords.get();
    }

    public long otherRecords() {
        return otherRecords.get();
    }

    public long unreadableRecords() {
        return unreadable.get();
    }

    /** Why the consumer stopped, if it did. */
    public Throwable failure() {
        return failure;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One case's records and the callers waiting for versions not seen yet. */
    private static final class CaseRecords {
        private final Map<Long, List<ReadinessObservation>> byVersion = new TreeMap<>();
        private final Map<Long, CompletableFuture<ReadinessObservation>> waiting = new HashMap<>();

        synchronized void add(ReadinessObservation observation) {
            byVersion.computeIfAbsent(observation.readinessVersion(), v -> new ArrayList<>(1)).add(observation);
            CompletableFuture<ReadinessObservation> waiter = waiting.remove(observation.readinessVersion());
            if (waiter != null) {
                waiter.complete(observation);
            }
        }

        synchronized CompletableFuture<ReadinessObservation> await(long version) {
            List<ReadinessObservation> seen = byVersion.get(version);
            if (seen != null) {
                return CompletableFuture.completedFuture(seen.get(0));
            }
            return waiting.computeIfAbsent(version, v -> new CompletableFuture<>());
        }

        synchronized NavigableMap<Long, List<ReadinessObservation>> snapshot() {
            NavigableMap<Long, List<ReadinessObservation>> copy = new TreeMap<>();
            byVersion.forEach((version, list) -> copy.put(version, List.copyOf(list)));
            return copy;
        }
    }
}
