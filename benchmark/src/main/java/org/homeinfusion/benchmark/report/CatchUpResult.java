package org.homeinfusion.benchmark.report;

import java.util.Map;

import org.homeinfusion.benchmark.load.CallStats;
import org.homeinfusion.benchmark.observe.Footprint;

/**
 * The coordinator catching up on a backlog of pillar events created while it was stopped.
 *
 * @param pillarEvents           records on the three pillar topics past the coordinator group's committed offsets
 * @param coordinatorUpSeconds   process start → actuator UP
 * @param consumingSeconds       a group member with partitions assigned → group lag 0 (both polled every 50 ms)
 * @param drainSeconds           first committed-offset movement seen → group lag 0; leaves out each thread's first
 *                               batch, so it flatters big polls
 * @param eventsInDrainInterval  events committed in the drain interval
 * @param eventsPerSecond        pillarEvents / consumingSeconds
 * @param secondsToLastReady     coordinator process start → last expected readiness record of the catch-up cases
 * @param rawRecordsPerSecond    a plain consumer reading the same backlog in the same run
 * @param ratio                  eventsPerSecond / rawRecordsPerSecond
 * @param footprint              memory and CPU from the coordinator's start to the last readiness record
 * @param databaseActivity       busiest (database | wait | statement) in pg_stat_activity during the drain
 * @param drainFootprint         memory and CPU while consuming (null when it was shorter than a poll),
 *                               since the whole phase also holds the coordinator's start-up
 */
public record CatchUpResult(boolean ran, String skippedBecause, int cases, long pillarEvents,
        double backlogCreationSeconds, double coordinatorUpSeconds, double consumingSeconds, double drainSeconds,
        long eventsInDrainInterval,
        double eventsPerSecond, double secondsToLastReady, long rawRecords, double rawSeconds,
        double rawRecordsPerSecond, double ratio, CallStats.Summary http, Correctness correctness,
        Footprint.Result footprint, Map<String, Double> databaseActivity, Footprint.Result drainFootprint) {

    public static CatchUpResult skipped(String why) {
        return new CatchUpResult(false, why, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null, Map.of(), null);
    }
}
