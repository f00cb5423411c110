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
 * @param revisitAt    when time passing alone will next change something for the case (an alert falls due), so
 *                     the clock brings it back then; null while nothing waits
 */
public record CaseRecord(CaseKey key, CaseAuthorizations authorizations, RecordedReadiness recorded,
                         Readiness readiness, Set<String> participants, Instant firstEventAt, Instant readyAt,
                         Instant updatedAt, long revision, Instant revisitAt) {

    /** The same state written again (only its time to be revisited changed), counted as a change of the row. */
    CaseRecord nextRevision() {
        return new CaseRecord(key, authorizations, recorded, readiness, participants, firstEventAt, readyAt, updatedAt,
                revision + 1, revisitAt);
    }

    CaseRecord revisitingAt(Instant next) {
        return java.util.Objects.equals(next, revisitAt) ? this : new CaseRecord(key, authorizations, recorded,
                readiness, participants, firstEventAt, readyAt, updatedAt, revision, next);
    }
}
