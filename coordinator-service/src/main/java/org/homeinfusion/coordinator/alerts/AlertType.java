package org.homeinfusion.coordinator.alerts;

/** The alerts the coordinator raises, by their event names on {@code case-alerts.events}. */
public enum AlertType {
    CaseAtRisk, ReauthorizationDue, PayerDecisionOverdue
}
