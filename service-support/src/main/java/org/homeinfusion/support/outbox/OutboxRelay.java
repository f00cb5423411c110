package org.homeinfusion.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Moves committed outbox rows to Kafka on one background thread. Rows committed by this instance wake
 * it at once (low latency); rows of other instances are found by polling. A failed attempt (broker
 * down) leaves the rows in place and is retried after a pause, so nothing is lost.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** One way of getting a batch to the broker: at least once, or exactly once with a checkpoint. */
    interface Strategy extends AutoCloseable {

        /** Publishes the next batch; returns how many rows it published (0 when idle). */
        int relayNextBatch() throws Exception;

        @Override
        void close();
    }

    private final Strategy strategy;
    private final OutboxProperties properties;
    private final Semaphore wakeUp = new Semaphore(0);
    private final Counter published;
    private final Counter failures;
    private volatile boolean running;
    private Thread thread;

    OutboxRelay(Strategy strategy, OutboxProperties properties, MeterRegistry meters) {
        this.strategy = strategy;
        this.properties = properties;
        this.published = Counter.builder("outbox.relay.records").description("Outbox records published to Kafka")
                .register(meters);
        this.failures = Counter.builder("outbox.relay.failures").description("Failed relay attempts (retried)")
                .register(meters);
    }

    /** Called after a transaction that appended to the outbox commits. */
    void wakeUp() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    private void loop() {
        while (running) {
            try {
                int count = strategy.relayNextBatch();
                published.increment(count);
                if (count < properties.batchSize()) {
                    wakeUp.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception failure) {
                failures.increment();
                if (running) {
                    log.warn("Outbox relay attempt failed, retrying in {}: {}", properties.retryBackoff(), failure.toString());
                    pause(properties.retryBackoff());
                }
            }
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        wakeUp();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(15).toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        strategy.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Start after everything else (the web server, the listeners); stop before the data source closes. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    static ProducerRecord<String, String> toProducerRecord(OutboxRecord row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        row.headers().forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** Time from commit to the broker's acknowledgement, per record. */
    static void recordDelay(Timer delay, Clock clock, List<OutboxRecord> rows) {
        long now = clock.millis();
        for (OutboxRecord row : rows) {
            delay.record(Duration.ofMillis(Math.max(0, now - row.createdAt().toEpochMilli())));
        }
    }
}
