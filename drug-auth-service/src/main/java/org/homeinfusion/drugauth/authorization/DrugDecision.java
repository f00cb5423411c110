package org.homeinfusion.drugauth.authorization;

import java.time.LocalDate;

import org.homeinfusion.support.decision.DecisionOutcome;

/** Decide a drug authorization: the payer's outcome, its authorization number and window, and the billing units approved. */
record DrugDecision(
        DecisionOutcome outcome,
        String authorizationNumber,
        LocalDate validFrom,
        LocalDate validTo,
        Integer approvedUnits,
        String reason) {
}
