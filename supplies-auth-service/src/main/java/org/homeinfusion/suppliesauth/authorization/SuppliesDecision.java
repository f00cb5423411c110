package org.homeinfusion.suppliesauth.authorization;

import java.time.LocalDate;

import org.homeinfusion.support.decision.DecisionOutcome;

/** Decide a supplies authorization: the payer's outcome, its authorization number and window (supplies count no quantity). */
record SuppliesDecision(
        DecisionOutcome outcome,
        String authorizationNumber,
        LocalDate validFrom,
        LocalDate validTo,
        String reason) {
}
