package org.homeinfusion.coordinator.alerts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.homeinfusion.contracts.alerts.AlertEvent;
import org.homeinfusion.contracts.alerts.AlertResolved;
import org.homeinfusion.contracts.alerts.CaseAtRisk;
import org.homeinfusion.contracts.alerts.PayerDecisionOverdue;
import org.homeinfusion.contracts.alerts.ReauthorizationDue;
import org.homeinfusion.coordinator.cases.CaseKey;

/** The edge where the alerts' own types become the contract's events on {@code case-alerts.events}. */
final class AlertEvents {

    private AlertEvents() {
    }

    static AlertEvent raised(CaseKey key, PlannedAlert alert, Instant raisedAt) {
        List<org.homeinfusion.contracts.alerts.AlertAction> actions = actions(alert.actions());
        String severity = alert.severity().name();
        PlannedAlert.Subject subject = alert.subject();
        if (subject instanceof PlannedAlert.VisitAtRisk risk) {
            return new CaseAtRisk(alert.alertId(), AlertType.CaseAtRisk.name(), key.specialistOrgId(), key.caseId(),
                    severity, raisedAt, alert.dueAt(), risk.visitStart(), risk.horizon().toString(),
                    risk.blockers().stream().map(b -> new CaseAtRisk.Blocker(b.code(), b.pillar().name(), b.message()))
                            .toList(),
                    actions);
        }
        if (subject instanceof PlannedAlert.AuthorizationEnding ending) {
            return new ReauthorizationDue(alert.alertId(), AlertType.ReauthorizationDue.name(), key.specialistOrgId(),
                    key.caseId(), severity, raisedAt, alert.dueAt(), "EXPIRING", ending.pillar().name(),
                    ending.authorizationId(), ending.authorizationNumber(), ending.validTo(), null, actions);
        }
        if (subject instanceof PlannedAlert.VisitsRunningLow low) {
            return new ReauthorizationDue(alert.alertId(), AlertType.ReauthorizationDue.name(), key.specialistOrgId(),
                    key.caseId(), severity, raisedAt, alert.dueAt(), "VISITS_LOW", "NURSING", low.authorizationId(),
                    low.authorizationNumber(), null, low.visitsRemaining(), actions);
        }
        PlannedAlert.DecisionOverdue overdue = (PlannedAlert.DecisionOverdue) subject;
        return new PayerDecisionOverdue(alert.alertId(), AlertType.PayerDecisionOverdue.name(), key.specialistOrgId(),
                key.caseId(), severity, raisedAt, alert.dueAt(), overdue.pillar().name(), overdue.authorizationId(),
                overdue.submission().payerId(), overdue.submission().urgency().name(),
                overdue.submission().submittedAt(), actions);
    }

    static AlertResolved resolved(CaseKey key, StoredAlert alert, String reason, Instant resolvedAt) {
        return new AlertResolved(resolutionId(alert.alertId()), AlertResolved.class.getSimpleName(),
                key.specialistOrgId(), key.caseId(), resolvedAt, alert.alertId(), alert.type().name(), reason,
                actions(alert.actions()));
    }

    /** The resolution of an alert has an id of its own, derived from the alert's: it too is published once. */
    static UUID resolutionId(UUID alertId) {
        return AlertPlanner.id("AlertResolved|" + alertId);
    }

    private static List<org.homeinfusion.contracts.alerts.AlertAction> actions(List<AlertAction> actions) {
        return actions == null ? List.of() : actions.stream()
                .map(a -> new org.homeinfusion.contracts.alerts.AlertAction(a.orgId(), a.role(), a.action())).toList();
    }
}
