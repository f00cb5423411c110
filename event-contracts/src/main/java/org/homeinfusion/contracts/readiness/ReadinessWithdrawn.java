package org.homeinfusion.contracts.readiness;

import java.time.Instant;
import java.util.List;

/** A READY case stopped being ready; {@code blockers} says every reason at once. */
public record ReadinessWithdrawn(
        String specialistOrgId,
        String caseId,
        long readinessVersion,
        List<Blocker> blockers,
        Instant occurredAt) implements ReadinessEvent {

    public record Blocker(String code, String pillar, String message) {
    }
}
