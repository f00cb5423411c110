package org.homeinfusion.drugauth.authorization;

import java.util.List;

import org.homeinfusion.pas.ClaimFacts;
import org.homeinfusion.pas.PasEndpoints;
import org.homeinfusion.support.decision.ApprovedQuantity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The drug authorization in the payers' dialect (Da Vinci PAS, FHIR R4): the claim to submit, and the
 * payer's {@code ClaimResponse} taken as a decision through the very same use case as the JSON form.
 */
@RestController
@RequestMapping("/api/drug-authorizations")
class DrugPasController extends PasEndpoints<DrugAuthorization, DrugAuthorizationView> {

    DrugPasController(DrugAuthorizations authorizations) {
        super("Drug authorization", ApprovedQuantity.UNITS, authorizations::get, DrugAuthorization::specialistOrgId,
                DrugPasController::claimFacts,
                (actor, id, decision) -> DrugAuthorizationView.of(
                        authorizations.decide(actor, id, DrugAuthorizationController.command(decision))));
    }

    static ClaimFacts claimFacts(DrugAuthorization authorization) {
        DrugAuthorization.Request requested = authorization.request();
        return new ClaimFacts(authorization.id(), authorization.caseId(), authorization.patientRef(),
                authorization.specialistOrgId(), ClaimFacts.Servicing.PHARMACY, authorization.pharmacyOrgId(),
                authorization.payerId(), requested.plan(), requested.placeOfService(),
                requested.requestedFrom(), requested.requestedTo(), authorization.requestedAt(),
                List.of(new ClaimFacts.Line(requested.hcpcsCode(), requested.billingUnitsPerDose(),
                        requested.ndc(), null)));
    }
}
