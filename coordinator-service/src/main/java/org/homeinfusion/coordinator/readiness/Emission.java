package org.homeinfusion.coordinator.readiness;

import java.time.Instant;
import java.util.List;

/**
 * What the saga decided to announce on {@code case-readiness.events}. Case and organization ids are
 * added by the publisher, which owns the key; the version is the one the event must carry, and the
 * publisher must write at most one record per case and version.
 */
public sealed interface Emission {

    long readinessVersion();

    Instant occurredAt();

    /** The case became READY, or stayed READY with a different schedule or different authorizations. */
    record ReadyToSchedule(long readinessVersion, Schedule schedule, String summary, Instant occurredAt)
            implements Emission {
    }

    /** A READY case stopped being ready; every blocker is listed so each party sees what to fix. */
    record ReadinessWithdrawn(long readinessVersion, List<Blocker> blockers, String summary, Instant occurredAt)
            implements Emission {

        public ReadinessWithdrawn {
            blockers = List.copyOf(blockers);
        }
    }
}
