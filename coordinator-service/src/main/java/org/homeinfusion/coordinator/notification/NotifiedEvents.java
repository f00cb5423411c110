package org.homeinfusion.coordinator.notification;

import java.util.List;

import org.homeinfusion.contracts.alerts.AlertResolved;
import org.homeinfusion.contracts.alerts.CaseAtRisk;
import org.homeinfusion.contracts.alerts.PayerDecisionOverdue;
import org.homeinfusion.contracts.alerts.ReauthorizationDue;
import org.homeinfusion.contracts.readiness.ReadinessWithdrawn;
import org.homeinfusion.contracts.readiness.ReadyToSchedule;

/** The readiness and alert events a subscriber can ask for, by their contract names (docs/events.md). */
final class NotifiedEvents {

    static final String READY_TO_SCHEDULE = ReadyToSchedule.class.getSimpleName();
    static final String READINESS_WITHDRAWN = ReadinessWithdrawn.class.getSimpleName();

    /** In the contract's order, which is also the order subscriptions list them in. */
    static final List<String> ALL = List.of(READY_TO_SCHEDULE, READINESS_WITHDRAWN,
            CaseAtRisk.class.getSimpleName(), ReauthorizationDue.class.getSimpleName(),
            PayerDecisionOverdue.class.getSimpleName(), AlertResolved.class.getSimpleName());

    private NotifiedEvents() {
    }

    static boolean isNotified(String eventName) {
        return eventName != null && ALL.contains(eventName);
    }
}
