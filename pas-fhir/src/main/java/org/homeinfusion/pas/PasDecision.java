package org.homeinfusion.pas;

import java.time.LocalDate;

import org.homeinfusion.support.decision.ApprovedQuantity;
import org.homeinfusion.support.decision.DecisionOutcome;
import org.homeinfusion.support.decision.DecisionRequest;

/**
 * A payer's decision as read from a PAS response, before it becomes the pillar's {@link DecisionRequest}:
 * the same request the JSON form posts, so both forms share one code path from there on.
 */
public record PasDecision(
        DecisionOutcome outcome,
        String authorizationNumber,
        LocalDate validFrom,
        LocalDate validTo,
        Integer quantity,
        String reason) {

    public DecisionRequest toDecisionRequest(ApprovedQuantity target) {
        return new DecisionRequest(outcome, authorizationNumber, validFrom, validTo,
                target == ApprovedQuantity.UNITS ? quantity : null,
                target == ApprovedQuantity.VISITS ? quantity : null,
                reason);
    }
}
