package org.homeinfusion.contracts.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The authorization a case relies on needs renewing: {@code reason} EXPIRING (its {@code validTo} is within the
 * notice) or VISITS_LOW (few approved nursing visits are left, {@code visitsRemaining}).
 */
public record ReauthorizationDue(
        UUID alertId,
        String type,
        String specialistOrgId,
        String caseId,
        String severity,
        Instant raisedAt,
        Instant dueAt,
        String reason,
        String pillar,
        UUID authorizationId,
        String authorizationNumber,
        LocalDate validTo,
        Integer visitsRemaining,
        List<AlertAction> actions) implements AlertEvent {
}
