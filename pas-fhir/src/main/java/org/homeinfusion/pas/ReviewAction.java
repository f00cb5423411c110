package org.homeinfusion.pas;

import java.util.Arrays;
import java.util.Optional;

import org.homeinfusion.support.decision.DecisionOutcome;

/**
 * The X12 306 review action codes a PAS response carries, and the decision each one means. Codes outside
 * this table (A5 "not certified — partial", A8 …) are refused rather than guessed.
 */
enum ReviewAction {
    A1("Certified in total", DecisionOutcome.APPROVED),
    A2("Certified – partial", DecisionOutcome.PARTIALLY_APPROVED),
    A3("Not certified", DecisionOutcome.DENIED),
    A4("Pended", DecisionOutcome.PENDED),
    A6("Modified", DecisionOutcome.PARTIALLY_APPROVED),
    CT("Contact payer", DecisionOutcome.PENDED);

    static final String SYSTEM = "https://codesystem.x12.org/005010/306";

    private final String display;
    private final DecisionOutcome outcome;

    ReviewAction(String display, DecisionOutcome outcome) {
        this.display = display;
        this.outcome = outcome;
    }

    static Optional<ReviewAction> of(String code) {
        return Arrays.stream(values()).filter(action -> action.name().equals(code)).findFirst();
    }

    String display() {
        return display;
    }

    DecisionOutcome outcome() {
        return outcome;
    }
}
