package org.homeinfusion.coordinator.cases;

import java.time.Instant;
import java.util.Set;

import org.homeinfusion.coordinator.readiness.CaseAuthorizations;
import org.homeinfusion.coordinator.readiness.Readiness;
import org.homeinfusion.coordinator.readiness.RecordedReadiness;

/**
 * Everything the coordinator keeps about one case.
 *
 * @param readiness    the latest verdict (null before the first event was processed)
 * @param firstEventAt when the first pillar event of the case was processed, for time-to-ready
 * @param revision     how many changes of the case were committed (see {@link CaseStateCache})
 */
public record CaseRecord(CaseKey key, CaseAuthorizations authorizations, RecordedReadiness recorded,
                         Readiness readiness, Set<String> participants, Instant firstEventAt, Instant readyAt,
                         Instant updatedAt, long revision) {
}
