package org.homeinfusion.nursingauth.authorization;

import java.time.LocalDate;

import org.homeinfusion.support.decision.DecisionOutcome;

/** Decide a nursing authorization: the payer's outcome, its authorization number and window, and the visits approved. */
record NursingDecision(
        DecisionOutcome outcome,
        String authorizationNumber,
        LocalDate validFrom,
        LocalDate validTo,
        Integer approvedVisits,
        String reason) {
}
