package org.homeinfusion.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class OpenLoopUnitTests {

    @Test
    void startsCasesByTheClockEvenWhenNoneEverFinishes() {
        List<Long> dueTimes = new ArrayList<>();
        List<Long> startTimes = new ArrayList<>();
        OpenLoop.Arrivals arrivals = OpenLoop.run(40, Duration.ofMillis(500), i -> new Arrival() {
            @Override
            public SyntheticCase subject() {
                return SyntheticCase.of("T-", i);
            }

            @Override
            public CompletableFuture<CaseOutcome> start(long dueNanos) {
                dueTimes.add(dueNanos);
                startTimes.add(System.nanoTime());
                return new CompletableFuture<>();
            }
        }, new CallStats());

        assertThat(arrivals.started()).hasSize(20).noneMatch(CompletableFuture::isDone);
        for (int i = 1; i < dueTimes.size(); i++) {
            assertThat(dueTimes.get(i) - dueTimes.get(i - 1)).isBetween(24_000_000L, 26_000_000L);
        }
        for (int i = 0; i < dueTimes.size(); i++) {
            assertThat(startTimes.get(i)).isGreaterThanOrEqualTo(dueTimes.get(i));
        }
        assertThat(arrivals.windowEndNanos() - arrivals.firstDueNanos()).isEqualTo(Duration.ofMillis(500).toNanos());
    }
}
