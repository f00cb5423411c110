package org.homeinfusion.coordinator.cases;

import java.util.List;
import java.util.Objects;

import org.homeinfusion.coordinator.readiness.Blocker;
import org.homeinfusion.coordinator.readiness.Readiness;
import org.homeinfusion.coordinator.readiness.ReadinessState;
import org.homeinfusion.coordinator.readiness.RecordedReadiness;

/**
 * A case's latest verdict as {@code case_readiness.readiness} keeps it: without the schedule, because a READY
 * verdict's schedule is always the one announced and already kept in {@code recorded} (the saga announces any
 * other). Storing it twice made the row ≈ 2 KB, past the size where PostgreSQL compresses it on every update, and
 * it was written with every pillar event. Rows written with the schedule read the same (the extra field is ignored).
 */
record StoredVerdict(ReadinessState state, List<Blocker> blockers, String summary) {

    static StoredVerdict of(Readiness readiness, RecordedReadiness recorded) {
        if (readiness.isReady() && !(recorded.isReady()
                && Objects.equals(readiness.schedule(), recorded.lastEmittedSchedule()))) {
            throw new IllegalStateException("a READY verdict whose schedule was not announced");
        }
        return new StoredVerdict(readiness.state(), readiness.blockers(), readiness.summary());
    }

    Readiness with(RecordedReadiness recorded) {
        return new Readiness(state, blockers, state == ReadinessState.READY ? recorded.lastEmittedSchedule() : null,
                summary);
    }
}
