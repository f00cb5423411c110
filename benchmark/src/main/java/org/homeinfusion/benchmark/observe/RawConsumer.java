package org.homeinfusion.benchmark.observe;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The ceiling for the coordinator's catch-up on this machine: a plain consumer that reads the same backlog (same
 * partitions, same offsets) and does nothing with it.
 */
public final class RawConsumer {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private RawConsumer() {
    }

    /** Records read, and the time from the first poll until the last partition reached its end. */
    public record Rate(long records, double seconds) {

        public double perSecond() {
            return seconds > 0 ? records / seconds : 0;
        }
    }

    public static Rate read(String bootstrapServers, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "benchmark-raw-consumer");
        // As the coordinator's binder is configured.
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = List.copyOf(to.keySet());
            consumer.assign(partitions);
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, from.getOrDefault(partition, 0L));
            }
            // Connect and resolve the positions before the clock starts: the ceiling is reading, not connecting.
            partitions.forEach(consumer::position);
            Map<TopicPartition, Long> remaining = new HashMap<>(to);
            remaining.entrySet().removeIf(e -> from.getOrDefault(e.getKey(), 0L) >= e.getValue());
            long records = 0;
            long started = System.nanoTime();
            long deadline = started + TIMEOUT.toNanos();
            while (!remaining.isEmpty() && System.nanoTime() < deadline) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(100));
                records += batch.count();
                remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
            return new Rate(records, (System.nanoTime() - started) / 1e9);
        }
    }
}
