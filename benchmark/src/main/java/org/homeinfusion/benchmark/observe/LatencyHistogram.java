package org.homeinfusion.benchmark.observe;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies in microseconds, 1 µs to 10 min at three significant digits (HdrHistogram). Safe to record from the
 * HTTP client's and the Kafka consumer's threads at once.
 */
public final class LatencyHistogram {

    private static final long HIGHEST = TimeUnit.MINUTES.toMicros(10);

    private final Histogram histogram = new ConcurrentHistogram(1, HIGHEST, 3);
    private long clampedNegative;

    public void recordNanos(long nanos) {
        if (nanos < 0) {
            synchronized (this) {
                clampedNegative++;
            }
            nanos = 0;
        }
        histogram.recordValue(Math.min(HIGHEST, Math.max(1, nanos / 1_000)));
    }

    public void recordMillis(double millis) {
        recordNanos((long) (millis * 1_000_000));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** Samples that came out negative (e.g. a record seen before the enabling response) and counted as 0. */
    public synchronized long clampedNegative() {
        return clampedNegative;
    }

    public Percentiles percentiles() {
        if (histogram.getTotalCount() == 0) {
            return Percentiles.EMPTY;
        }
        return new Percentiles(histogram.getTotalCount(), millis(histogram.getValueAtPercentile(50)),
                millis(histogram.getValueAtPercentile(95)), millis(histogram.getValueAtPercentile(99)),
                millis(histogram.getMaxValue()), Math.round(histogram.getMean()) / 1_000.0);
    }

    private static double millis(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }

    /** Milliseconds with two decimals; {@code count} 0 means nothing was recorded. */
    public record Percentiles(long count, double p50, double p95, double p99, double max, double mean) {

        public static final Percentiles EMPTY = new Percentiles(0, 0, 0, 0, 0, 0);
    }
}
