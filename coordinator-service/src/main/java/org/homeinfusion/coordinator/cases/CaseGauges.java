package org.homeinfusion.coordinator.cases;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.homeinfusion.coordinator.readiness.BlockerCode;
import org.homeinfusion.coordinator.readiness.ReadinessState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code readiness.cases{state}} and {@code readiness.blockers{code}}: how many cases are in each state
 * and how often each blocker holds, across all cases. They are counted in the database on a schedule
 * ({@code home-infusion.metrics.gauge-refresh-interval}, default 30s) rather than on every scrape, so
 * scrapes stay cheap however many cases there are. Every instance reports the same totals, so
 * dashboards take the maximum across instances, not the sum. Every state and every blocker code is
 * always reported, a zero included, so a series never vanishes when its count drops to nothing.
 */
@Component
class CaseGauges {

    private static final Logger log = LoggerFactory.getLogger(CaseGauges.class);

    private final CaseStore store;
    private final Map<ReadinessState, AtomicLong> byState = new EnumMap<>(ReadinessState.class);
    private final Map<BlockerCode, AtomicLong> byBlocker = new EnumMap<>(BlockerCode.class);

    CaseGauges(CaseStore store, MeterRegistry meters) {
        this.store = store;
        for (ReadinessState state : ReadinessState.values()) {
            AtomicLong count = new AtomicLong();
            byState.put(state, count);
            Gauge.builder("readiness.cases", count, AtomicLong::get).description("Cases by readiness state")
                    .tag("state", state.name()).register(meters);
        }
        for (BlockerCode code : BlockerCode.values()) {
            AtomicLong count = new AtomicLong();
            byBlocker.put(code, count);
            Gauge.builder("readiness.blockers", count, AtomicLong::get).description("Cases held up by each blocker")
                    .tag("code", code.name()).register(meters);
        }
    }

    @Scheduled(fixedDelayString = "${home-infusion.metrics.gauge-refresh-interval:30s}")
    void refresh() {
        try {
            for (ReadinessState state : ReadinessState.values()) {
                byState.get(state).set(store.countByState(state));
            }
            Map<BlockerCode, Long> counted = new EnumMap<>(BlockerCode.class);
            for (Object[] row : store.countBlockers()) {
                // A code this version no longer knows is not reported.
                Arrays.stream(BlockerCode.values()).filter(code -> code.name().equals(row[0]))
                        .findFirst().ifPresent(code -> counted.put(code, (Long) row[1]));
            }
            byBlocker.forEach((code, count) -> count.set(counted.getOrDefault(code, 0L)));
        } catch (RuntimeException failure) {
            // Keep the last values: a gap in the database is not a drop to zero cases.
            log.warn("Refreshing the case gauges failed: {}", failure.toString());
        }
    }
}
