package org.homeinfusion.coordinator.readiness;

import java.util.Objects;

/**
 * What subscribers have been told about a case so far: the saga's memory. It changes only when
 * something is emitted, so re-deriving the same verdict from replayed input changes nothing.
 *
 * @param readinessVersion    the version of the last emitted event; 0 while nothing was ever emitted
 * @param lastEmittedSchedule the schedule announced and still standing; null while NOT_READY
 */
public record RecordedReadiness(ReadinessState state, long readinessVersion, Schedule lastEmittedSchedule) {

    private static final RecordedReadiness NEVER_EMITTED = new RecordedReadiness(ReadinessState.NOT_READY, 0, null);

    public RecordedReadiness {
        Objects.requireNonNull(state, "state");
        if (readinessVersion < 0) {
            throw new IllegalArgumentException("readinessVersion must not be negative: " + readinessVersion);
        }
    }

    /** A case starts NOT_READY without announcing it: nothing is emitted while a case stays NOT_READY. */
    public static RecordedReadiness neverEmitted() {
        return NEVER_EMITTED;
    }

    public boolean isReady() {
        return state == ReadinessState.READY;
    }
}
