package org.homeinfusion.benchmark.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

import org.homeinfusion.benchmark.observe.HarnessClock;
import org.homeinfusion.benchmark.observe.LatencyHistogram;

/**
 * Starts cases by the clock: case {@code i} is due at {@code start + i / rate}, whatever happened to the cases before
 * it. A slow system therefore meets the same arrivals as a fast one and its queueing shows in the latencies, instead of
 * the load generator slowing down with it (coordinated omission).
 */
public final class OpenLoop {

    private OpenLoop() {
    }

    /**
     * @param subjects        the cases, in arrival order
     * @param started         their outcomes, in the same order
     * @param startLag        how late the harness started cases against their due time (its own saturation)
     * @param firstDueNanos   when the first case was due
     * @param windowEndNanos  when the arrival window closed ({@code firstDue + duration})
     */
    public record Arrivals(List<SyntheticCase> subjects, List<CompletableFuture<CaseOutcome>> started,
            LatencyHistogram.Percentiles startLag, long firstDueNanos, long windowEndNanos) {
    }

    /** Blocks the calling thread for the arrival window only; the cases go on asynchronously after it. */
    public static Arrivals run(double casesPerSecond, Duration duration, IntFunction<? extends Arrival> caseFactory,
            CallStats stats) {
        if (casesPerSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive");
        }
        int count = (int) Math.max(1, Math.round(casesPerSecond * duration.toNanos() / 1e9));
        double intervalNanos = 1e9 / casesPerSecond;
        LatencyHistogram lag = new LatencyHistogram();
        List<CompletableFuture<CaseOutcome>> started = new ArrayList<>(count);
        List<SyntheticCase> subjects = new ArrayList<>(count);
        long firstDue = HarnessClock.now() + 10_000_000L;
        long windowEnd = firstDue + duration.toNanos();
        stats.windowEndsAt(windowEnd);
        for (int i = 0; i < count; i++) {
            long due = firstDue + Math.round(i * intervalNanos);
            long now;
            while ((now = HarnessClock.now()) < due) {
                LockSupport.parkNanos(due - now);
            }
            lag.recordNanos(now - due);
            Arrival run = caseFactory.apply(i);
            subjects.add(run.subject());
            started.add(run.start(due));
        }
        return new Arrivals(subjects, started, lag.percentiles(), firstDue, windowEnd);
    }
}
