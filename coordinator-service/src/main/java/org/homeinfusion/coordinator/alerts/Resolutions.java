package org.homeinfusion.coordinator.alerts;

import org.homeinfusion.coordinator.cases.CaseRecord;

/** Why an open alert's condition ended, in words for the worklist and the AlertResolved event. */
final class Resolutions {

    private Resolutions() {
    }

    static String reason(StoredAlert alert, CaseRecord now) {
        return switch (alert.type()) {
            case CaseAtRisk -> now.readiness().isReady() ? "The case is ready to schedule."
                    : "The visit was moved, cancelled or completed.";
            case ReauthorizationDue -> "The authorization was renewed, replaced or cancelled, or its count changed.";
            case PayerDecisionOverdue -> "The payer decided, or the request was cancelled.";
        };
    }
}
