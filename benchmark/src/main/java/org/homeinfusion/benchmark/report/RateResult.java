package org.homeinfusion.benchmark.report;

import java.util.Map;

import org.homeinfusion.benchmark.load.CallStats;
import org.homeinfusion.benchmark.observe.Footprint;
import org.homeinfusion.benchmark.observe.LatencyHistogram.Percentiles;

/**
 * One arrival rate.
 *
 * @param timeToReady            last enabling HTTP response → ReadyToSchedule received by the harness's read_committed
 *                               consumer (harness clock), ms
 * @param timeToReadyBrokerTime  last enabling HTTP response → the record's broker timestamp (CreateTime, stamped by
 *                               the coordinator's relay before its transaction commits), ms; same machine's wall clock
 * @param caseStartToReady       case due (arrival) → first ReadyToSchedule received, ms: the whole path, API included
 * @param stages                 time-to-ready split at broker timestamps: pillar relay, coordinator, delivery
 * @param startLag               harness lateness starting cases against the schedule (its own saturation)
 * @param apiCallsPerSecond      calls completed inside the arrival window / window
 * @param readyWithinWindowPerSecond  cases whose last record arrived inside the window / window
 * @param drainSeconds           window end → last expected record of the rate's cases
 * @param databaseActivity       busiest (database | wait | statement) in pg_stat_activity during the arrival window,
 *                               as average active backends
 * @param maxQueuedCalls         most calls waiting in the harness for one of the in-flight slots
 */
public record RateResult(double offeredCasesPerSecond, double windowSeconds, int cases, double apiCallsPerSecond,
        double readyWithinWindowPerSecond, double drainSeconds, Percentiles timeToReady,
        Percentiles timeToReadyBrokerTime, Percentiles caseStartToReady, Map<String, Percentiles> stages,
        Percentiles startLag, long negativeTimeToReady,
        CallStats.Summary http, CallStats.Summary verification, Correctness correctness, Footprint.Result footprint,
        Map<String, Double> databaseActivity, int maxQueuedCalls, boolean keptUp, boolean sustained, String verdict) {
}
