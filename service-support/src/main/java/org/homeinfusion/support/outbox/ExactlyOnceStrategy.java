package org.homeinfusion.support.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each outbox row exactly once. The records and a checkpoint (the highest outbox position
 * published) go to Kafka in one transaction; after a crash the relay resumes after the committed
 * checkpoint, never after what the database believes. A stable {@code transactional.id} fences a
 * zombie relay, and a PostgreSQL advisory lock keeps one relay active among the service's instances.
 * Positions become visible in commit order because {@link Outbox} serializes appends in this mode.
 */
final class ExactlyOnceStrategy implements OutboxRelay.Strategy {

    private static final Logger log = LoggerFactory.getLogger(ExactlyOnceStrategy.class);
    private static final Duration LEADERSHIP_CHECK = Duration.ofSeconds(5);

    private final OutboxStore store;
    private final DataSource dataSource;
    private final Supplier<Producer<String, String>> producers;
    private final Supplier<Consumer<String, String>> checkpointReaders;
    private final String relayName;
    private final String checkpointTopic;
    private final int batchSize;
    private final Timer delay;
    private final Clock clock;

    private Connection leadership;
    private long leadershipCheckedAt;
    private Producer<String, String> producer;
    private long checkpoint;

    ExactlyOnceStrategy(OutboxStore store, DataSource dataSource, Supplier<Producer<String, String>> producers,
            Supplier<Consumer<String, String>> checkpointReaders, String relayName, String checkpointTopic,
            int batchSize, Timer delay, Clock clock) {
        this.store = store;
        this.dataSource = dataSource;
        this.producers = producers;
        this.checkpointReaders = checkpointReaders;
        this.relayName = relayName;
        this.checkpointTopic = checkpointTopic;
        this.batchSize = batchSize;
        this.delay = delay;
        this.clock = clock;
    }

    @Override
    public int relayNextBatch() throws Exception {
        if (!holdsLeadership()) {
            return 0;
        }
        if (producer == null) {
            resume();
        }
        List<OutboxRecord> batch = store.after(checkpoint, batchSize);
        if (batch.isEmpty()) {
            return 0;
        }
        long last = batch.get(batch.size() - 1).position();
        try {
            producer.beginTransaction();
            for (OutboxRecord row : batch) {
                producer.send(OutboxRelay.toProducerRecord(row));
            }
            producer.send(new ProducerRecord<>(checkpointTopic, relayName, Long.toString(last)));
            producer.commitTransaction();
        } catch (RuntimeException failure) {
            // Whatever the outcome (aborted, fenced, unknown), start over from the committed checkpoint.
            discardProducer();
            throw failure;
        }
        checkpoint = last;
        OutboxRelay.recordDelay(delay, clock, batch);
        // Housekeeping only: the checkpoint, not the table, decides what is published.
        store.deleteUpTo(last);
        return batch.size();
    }

    /** Fences any older relay with our transactional id, then reads where the last committed batch ended. */
    private void resume() {
        Producer<String, String> fresh = producers.get();
        try {
            fresh.initTransactions();
            checkpoint = readCheckpoint();
        } catch (RuntimeException brokerUnavailable) {
            // Not resumed: the next attempt starts over with a new producer and reads the checkpoint again.
            fresh.close(Duration.ZERO);
            throw brokerUnavailable;
        }
        producer = fresh;
        log.info("Outbox relay {} resumes after position {}", relayName, checkpoint);
    }

    private long readCheckpoint() {
        try (Consumer<String, String> reader = checkpointReaders.get()) {
            TopicPartition partition = new TopicPartition(checkpointTopic, 0);
            reader.assign(List.of(partition));
            reader.seekToBeginning(List.of(partition));
            Map<TopicPartition, Long> end = reader.endOffsets(List.of(partition));
            long found = 0;
            while (reader.position(partition) < end.get(partition)) {
                for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(500))) {
                    if (relayName.equals(record.key()) && record.value() != null) {
                        found = Long.parseLong(record.value());
                    }
                }
            }
            return found;
        }
    }

    private boolean holdsLeadership() throws SQLException {
        long now = System.currentTimeMillis();
        if (leadership != null && now - leadershipCheckedAt < LEADERSHIP_CHECK.toMillis()) {
            return true;
        }
        leadershipCheckedAt = now;
        if (leadership != null && leadership.isValid(2)) {
            return true;
        }
        if (leadership != null) {
            // The session (and with it the lock) is gone; another instance may lead now.
            closeQuietly(leadership);
            leadership = null;
            discardProducer();
        }
        Connection connection = dataSource.getConnection();
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, relayName.hashCode());
            try (ResultSet result = statement.executeQuery()) {
                if (result.next() && result.getBoolean(1)) {
                    leadership = connection;
                    log.info("Outbox relay {} is active on this instance", relayName);
                    return true;
                }
            }
        }
        closeQuietly(connection);
        return false;
    }

    private void discardProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException ignored) {
                // Already broken; the next attempt builds a new one.
            }
            producer = null;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing a dead connection may fail; there is nothing left to release.
        }
    }

    @Override
    public void close() {
        discardProducer();
        if (leadership != null) {
            release(leadership);
            leadership = null;
        }
    }

    /** The connection goes back to a pool: give the session-level lock up first. */
    private void release(Connection connection) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, relayName.hashCode());
            statement.execute();
        } catch (SQLException ignored) {
            // A dead session has released its locks already.
        }
        closeQuietly(connection);
    }
}
