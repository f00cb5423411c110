package org.homeinfusion.benchmark.load;

import java.util.Map;
import java.util.Set;

/**
 * How a case's API calls went.
 *
 * @param enablingResponseNanos  per readiness version that the case's calls should produce as a ReadyToSchedule, the
 *                               response time of the last call it needed
 * @param failure                why the case stopped early, or {@code null}
 */
public record CaseOutcome(SyntheticCase subject, long scheduledNanos, long finishedNanos, int calls,
        Map<Long, Long> enablingResponseNanos, Set<Long> acceptableFinalVersions, String failure) {

    public boolean apiSucceeded() {
        return failure == null;
    }
}
