package org.homeinfusion.contracts.alerts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The condition of an open alert no longer holds. Its own {@code alertId} is derived from the resolved one's, so
 * an alert is resolved at most once; {@code actions} repeats what the resolved alert asked for, so the same
 * organizations hear that it is over.
 */
public record AlertResolved(
        UUID alertId,
        String type,
        String specialistOrgId,
        String caseId,
        Instant raisedAt,
        UUID resolvedAlertId,
        String resolvedType,
        String reason,
        List<AlertAction> actions) implements AlertEvent {
}
