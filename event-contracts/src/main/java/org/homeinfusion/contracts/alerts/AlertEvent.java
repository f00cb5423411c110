package org.homeinfusion.contracts.alerts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.homeinfusion.contracts.ContractEvent;

/**
 * An event on {@code case-alerts.events}. {@code alertId} is derived from what the alert is about (the case, the
 * visit and the horizon; the authorization and its end date; ...), so the same deadline can never be announced
 * twice. An alert is for the case's specialist organization and for every organization its {@code actions} name.
 */
public sealed interface AlertEvent extends ContractEvent
        permits CaseAtRisk, ReauthorizationDue, PayerDecisionOverdue, AlertResolved {

    UUID alertId();

    /** The event name again, so a reader of the value alone knows what it holds. */
    String type();

    /** When this record's fact was established: the alert raised, or the raised alert resolved. */
    Instant raisedAt();

    List<AlertAction> actions();
}
