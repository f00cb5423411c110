package org.homeinfusion.support.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes Idempotency-Keys past their retention, every {@code purge-interval}, on every instance (the deletes
 * are idempotent). Time comes from the injected {@link Clock}, so tests move it instead of waiting a day.
 */
public class IdempotencyKeyPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurge.class);

    private final JdbcClient jdbc;
    private final IdempotencyProperties properties;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public IdempotencyKeyPurge(JdbcClient jdbc, IdempotencyProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return how many expired keys were deleted */
    public int purgeExpired() {
        Instant expiredBefore = clock.instant().minus(properties.retention());
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("""
                            DELETE FROM idempotency_key WHERE ctid IN (
                                SELECT ctid FROM idempotency_key WHERE created_at <= :before LIMIT :batch)""")
                    .param("before", Timestamp.from(expiredBefore)).param("batch", properties.purgeBatch())
                    .update();
            total += deleted;
        } while (deleted == properties.purgeBatch());
        return total;
    }

    private void purgeQuietly() {
        try {
            int deleted = purgeExpired();
            if (deleted > 0) {
                log.debug("Purged {} expired Idempotency-Keys", deleted);
            }
        } catch (RuntimeException failure) {
            // The next run tries again; expired keys are ignored by lookups meanwhile.
            log.warn("Purging expired Idempotency-Keys failed: {}", failure.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "idempotency-key-purge");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.purgeInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::purgeQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
