package org.homeinfusion.contracts.alerts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A payer has not decided an authorization within its decision clock ({@code dueAt} = {@code submittedAt} + the
 * clock of its {@code urgency}). Always CRITICAL.
 */
public record PayerDecisionOverdue(
        UUID alertId,
        String type,
        String specialistOrgId,
        String caseId,
        String severity,
        Instant raisedAt,
        Instant dueAt,
        String pillar,
        UUID authorizationId,
        String payerId,
        String urgency,
        Instant submittedAt,
        List<AlertAction> actions) implements AlertEvent {
}
