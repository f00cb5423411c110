package org.homeinfusion.support.decision;

/** What a decision sets an authorization to. */
public enum DecisionOutcome {
    APPROVED, PARTIALLY_APPROVED, DENIED, PENDED, CANCELLED;

    public boolean approves() {
        return this == APPROVED || this == PARTIALLY_APPROVED;
    }
}
