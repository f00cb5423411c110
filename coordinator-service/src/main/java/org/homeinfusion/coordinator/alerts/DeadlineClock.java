package org.homeinfusion.coordinator.alerts;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.homeinfusion.coordinator.cases.CaseKey;
import org.homeinfusion.coordinator.cases.CaseProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Brings back the cases whose time to be revisited came (their earliest waiting deadline), every
 * {@code tickInterval}, on every instance: the cases' row locks make the instances share the work without raising
 * anything twice. Deadlines that fell due while no
 * instance ran are simply due at the first tick after start.
 */
@Component
class DeadlineClock implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadlineClock.class);

    private final CaseProcessor processor;
    private final AlertProperties properties;
    private final Clock clock;
    private ScheduledExecutorService executor;

    DeadlineClock(CaseProcessor processor, AlertProperties properties, Clock clock) {
        this.processor = processor;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Revisits due cases a batch per transaction until none is left. Stops early when a batch made no progress
     * (its cases are held by the intake, which raises their alerts itself) rather than spinning on them.
     *
     * @return how many cases were revisited
     */
    int tick() {
        int revisited = 0;
        while (true) {
            List<CaseKey> due = processor.casesToRevisit(clock.instant(), properties.tickBatchSize());
            if (due.isEmpty()) {
                return revisited;
            }
            int done = processor.revisit(due);
            revisited += done;
            if (done == 0 || due.size() < properties.tickBatchSize()) {
                return revisited;
            }
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "deadline-clock");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.tickInterval().toMillis();
        executor.scheduleWithFixedDelay(this::tickQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** A database outage skips ticks, never deadlines: what fell due meanwhile is due at the next tick. */
    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException failure) {
            log.warn("Looking for due deadlines failed; trying again in {}: {}", properties.tickInterval(),
                    failure.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
