package org.homeinfusion.support.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a locked batch, waits for every acknowledgement, then deletes the rows in the same database
 * transaction. A crash between acknowledgement and delete sends the batch again: consumers of pillar
 * events drop the versions they have already seen.
 */
final class AtLeastOnceStrategy implements OutboxRelay.Strategy {

    private final OutboxStore store;
    private final TransactionTemplate transactions;
    private final Producer<String, String> producer;
    private final int batchSize;
    private final long ackTimeoutMillis;
    private final Timer delay;
    private final Clock clock;

    AtLeastOnceStrategy(OutboxStore store, TransactionTemplate transactions, Producer<String, String> producer,
            int batchSize, long ackTimeoutMillis, Timer delay, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.producer = producer;
        this.batchSize = batchSize;
        this.ackTimeoutMillis = ackTimeoutMillis;
        this.delay = delay;
        this.clock = clock;
    }

    @Override
    public int relayNextBatch() {
        Integer count = transactions.execute(status -> {
            List<OutboxRecord> batch = store.lockOldest(batchSize);
            if (batch.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
            for (OutboxRecord row : batch) {
                acks.add(producer.send(OutboxRelay.toProducerRecord(row)));
            }
            try {
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(ackTimeoutMillis, TimeUnit.MILLISECONDS);
                }
            } catch (Exception notAcknowledged) {
                // Roll back: the rows stay and are sent again once the broker answers.
                throw new IllegalStateException("Broker did not acknowledge the batch", notAcknowledged);
            }
            store.delete(batch.stream().map(OutboxRecord::position).toList());
            OutboxRelay.recordDelay(delay, clock, batch);
            return batch.size();
        });
        return count == null ? 0 : count;
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
