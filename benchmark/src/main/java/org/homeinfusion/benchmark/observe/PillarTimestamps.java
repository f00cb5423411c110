package org.homeinfusion.benchmark.observe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.homeinfusion.contracts.Topics;

/**
 * Broker timestamps of the run's pillar records, by caseId: the middle of the path from an HTTP response to a
 * ReadyToSchedule. With them time-to-ready splits into the pillar service's outbox relay (response → pillar record),
 * the coordinator (pillar record → readiness record) and the readiness record's way to a subscriber.
 */
public final class PillarTimestamps implements AutoCloseable {

    private static final List<String> TOPICS = List.of(Topics.DRUG_AUTH_EVENTS, Topics.NURSING_AUTH_EVENTS,
            Topics.SUPPLIES_AUTH_EVENTS);

    private final KafkaConsumer<String, Void> consumer;
    private final String caseIdPrefix;
    private final Map<String, List<Long>> timestamps = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    private PillarTimestamps(String bootstrapServers, String caseIdPrefix) {
        this.caseIdPrefix = caseIdPrefix;
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "benchmark-pillar-timestamps");
        // Only keys and broker timestamps are read, never when they arrive here: let the broker collect
        // 64 KiB or 200 ms per fetch, and skip the values. This observer took a quarter of the harness's CPU
        // (and the broker's) fetching record by record, CPU the system under test was short of.
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 64 * 1024);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 200);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), (topic, data) -> null);
        this.thread = new Thread(this::loop, "pillar-timestamps");
        this.thread.setDaemon(true);
    }

    /** Starts at the end of the three pillar topics (the services create them on start-up). */
    public static PillarTimestamps start(String bootstrapServers, String caseIdPrefix) {
        PillarTimestamps tracker = new PillarTimestamps(bootstrapServers, caseIdPrefix);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            List<PartitionInfo> found = tracker.consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (found != null) {
                found.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
        }
        tracker.consumer.assign(partitions);
        tracker.consumer.seekToEnd(partitions);
        partitions.forEach(tracker.consumer::position);
        tracker.thread.start();
        return tracker;
    }

    private void loop() {
        try {
            while (running) {
                for (ConsumerRecord<String, Void> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && record.key().startsWith(caseIdPrefix)) {
                        List<Long> list = timestamps.computeIfAbsent(record.key(), k -> new ArrayList<>());
                        synchronized (list) {
                            list.add(record.timestamp());
                        }
                    }
                }
            }
        } catch (WakeupException stopping) {
            // close() woke us up.
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** The latest pillar record of the case stamped no later than {@code atMs}, or -1. */
    public long latestAtOrBefore(String caseId, long atMs) {
        List<Long> list = timestamps.get(caseId);
        if (list == null) {
            return -1;
        }
        long latest = -1;
        synchronized (list) {
            for (long stamp : list) {
                if (stamp <= atMs && stamp > latest) {
                    latest = stamp;
                }
            }
        }
        return latest;
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
}
