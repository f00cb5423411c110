package org.homeinfusion.contracts.alerts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A case with a confirmed visit is still not ready {@code horizon} before the visit starts (PT0S: the visit has
 * started). One per case, visit start and horizon; CRITICAL at PT0S, WARNING before.
 */
public record CaseAtRisk(
        UUID alertId,
        String type,
        String specialistOrgId,
        String caseId,
        String severity,
        Instant raisedAt,
        Instant dueAt,
        OffsetDateTime visitStart,
        String horizon,
        List<Blocker> blockers,
        List<AlertAction> actions) implements AlertEvent {

    public record Blocker(String code, String pillar, String message) {
    }
}
