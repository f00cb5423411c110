package org.homeinfusion.benchmark.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramUnitTests {

    @Test
    void reportsPercentilesInMilliseconds() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int millis = 1; millis <= 100; millis++) {
            histogram.recordMillis(millis);
        }
        LatencyHistogram.Percentiles p = histogram.percentiles();
        assertThat(p.count()).isEqualTo(100);
        assertThat(p.p50()).isCloseTo(50, within(0.1));
        assertThat(p.p99()).isCloseTo(99, within(0.1));
        assertThat(p.max()).isCloseTo(100, within(0.1));
    }

    @Test
    void countsANegativeSampleAsZeroAndSaysSo() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.recordNanos(-5_000_000);
        assertThat(histogram.clampedNegative()).isEqualTo(1);
        assertThat(histogram.percentiles().max()).isLessThan(0.01);
    }

    @Test
    void anEmptyHistogramHasNoPercentiles() {
        assertThat(new LatencyHistogram().percentiles()).isEqualTo(LatencyHistogram.Percentiles.EMPTY);
    }
}
