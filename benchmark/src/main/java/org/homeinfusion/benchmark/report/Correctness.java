package org.homeinfusion.benchmark.report;

import java.util.List;

/**
 * Correctness of a set of cases.
 *
 * @param cases               cases started
 * @param ready               cases whose readiness records and final state are exactly as expected
 * @param apiFailures         cases a call of which did not get the contract's success answer
 * @param missingRecords      cases missing an expected readiness record (after waiting)
 * @param duplicateRecords    (specialistOrgId, caseId, readinessVersion) seen more than once
 * @param wrongSequences      cases whose versions are not 1..n alternating ReadyToSchedule / ReadinessWithdrawn,
 *                            or end on an unexpected version
 * @param wrongFinalState     cases the coordinator's API does not report READY at the last version
 * @param samples             a few examples of what went wrong
 */
public record Correctness(int cases, int ready, int apiFailures, int missingRecords, long duplicateRecords,
        int wrongSequences, int wrongFinalState, List<String> samples) {

    public boolean passed() {
        return cases == ready && apiFailures == 0 && missingRecords == 0 && duplicateRecords == 0
                && wrongSequences == 0 && wrongFinalState == 0;
    }
}
