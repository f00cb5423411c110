package org.homeinfusion.benchmark.observe;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** End offsets of topics and a consumer group's committed offsets, for backlog and lag. */
public final class TopicOffsets implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 15;

    private final Admin admin;

    public TopicOffsets(String bootstrapServers) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "benchmark-offsets");
        this.admin = Admin.create(config);
    }

    public Map<TopicPartition, Long> endOffsets(List<String> topics) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (TopicDescription topic : get(admin.describeTopics(topics).allTopicNames()).values()) {
            topic.partitions().forEach(p -> request.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        get(admin.listOffsets(request).all()).forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /** Committed offsets of {@code group} on {@code partitions}; a partition without a commit counts as 0. */
    public Map<TopicPartition, Long> committed(String group, Iterable<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> found =
                get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        Map<TopicPartition, Long> committed = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = found.get(partition);
            committed.put(partition, offset == null ? 0L : offset.offset());
        }
        return committed;
    }

    /**
     * Whether any member of {@code group} has partitions assigned: from then on it can fetch, so a catch-up is
     * timed from here (its start-up before is not consumption, its first batch is).
     */
    public boolean hasAssignedMember(String group) {
        ConsumerGroupDescription description = get(admin.describeConsumerGroups(List.of(group)).describedGroups().get(group));
        return description.members().stream().anyMatch(member -> !member.assignment().topicPartitions().isEmpty());
    }

    public static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Records between {@code from} and {@code to}, partition by partition. */
    public static long distance(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        long total = 0;
        for (Map.Entry<TopicPartition, Long> end : to.entrySet()) {
            total += Math.max(0, end.getValue() - from.getOrDefault(end.getKey(), 0L));
        }
        return total;
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka admin request failed: " + e, e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
