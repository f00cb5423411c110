package org.homeinfusion.benchmark.observe;

import java.time.Instant;

/**
 * One monotonic clock for every timestamp the harness takes (HTTP schedule, send and response, Kafka receive), so
 * latencies never mix clocks. Epoch milliseconds are derived from one anchor, for comparison with broker timestamps
 * taken on the same machine.
 */
public final class HarnessClock {

    private static final long ANCHOR_NANOS = System.nanoTime();
    private static final long ANCHOR_EPOCH_MICROS = epochMicros(Instant.now());

    private HarnessClock() {
    }

    public static long now() {
        return System.nanoTime();
    }

    /** The wall-clock time of a harness timestamp, in epoch milliseconds (fractional). */
    public static double epochMillis(long harnessNanos) {
        return (ANCHOR_EPOCH_MICROS + (harnessNanos - ANCHOR_NANOS) / 1_000.0) / 1_000.0;
    }

    private static long epochMicros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }
}
