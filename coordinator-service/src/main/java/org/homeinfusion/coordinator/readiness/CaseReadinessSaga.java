package org.homeinfusion.coordinator.readiness;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The coordinator's saga for one case, as a plain state machine: keep the newest copy of each
 * authorization, judge the case, and announce only changes of what subscribers were told. Because
 * the verdict depends on the authorizations alone and the announcement on the recorded state alone,
 * duplicated, replayed or reordered input can never produce a second event for a version.
 */
public final class CaseReadinessSaga {

    private final ReadinessPolicy policy;
    private final Clock clock;

    public CaseReadinessSaga(ReadinessPolicy policy, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One incoming authorization copy against the case's persisted state. */
    public CaseReadinessStep handle(CaseAuthorizations known, RecordedReadiness recorded, Authorization incoming) {
        CaseAuthorizations authorizations = known.apply(incoming);
        Readiness readiness = policy.evaluate(authorizations);
        ReadinessTransition transition = decide(recorded, readiness);
        return new CaseReadinessStep(authorizations, transition.recorded(), readiness, transition.emission());
    }

    /** Compares the new verdict with what subscribers were last told. */
    public ReadinessTransition decide(RecordedReadiness recorded, Readiness readiness) {
        if (readiness.isReady()) {
            if (recorded.isReady() && readiness.schedule().equals(recorded.lastEmittedSchedule())) {
                return unchanged(recorded);
            }
            return announceReady(recorded, readiness);
        }
        if (recorded.isReady()) {
            return withdraw(recorded, readiness);
        }
        return unchanged(recorded);
    }

    private ReadinessTransition announceReady(RecordedReadiness recorded, Readiness readiness) {
        long version = recorded.readinessVersion() + 1;
        Emission ready = new Emission.ReadyToSchedule(version, readiness.schedule(), readiness.summary(), clock.instant());
        return new ReadinessTransition(
                new RecordedReadiness(ReadinessState.READY, version, readiness.schedule()), Optional.of(ready));
    }

    private ReadinessTransition withdraw(RecordedReadiness recorded, Readiness readiness) {
        long version = recorded.readinessVersion() + 1;
        Emission withdrawn = new Emission.ReadinessWithdrawn(
                version, readiness.blockers(), readiness.summary(), clock.instant());
        return new ReadinessTransition(
                new RecordedReadiness(ReadinessState.NOT_READY, version, null), Optional.of(withdrawn));
    }

    private static ReadinessTransition unchanged(RecordedReadiness recorded) {
        return new ReadinessTransition(recorded, Optional.empty());
    }
}
