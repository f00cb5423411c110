package org.homeinfusion.nursingauth.authorization;

import java.util.List;

import org.homeinfusion.pas.ClaimFacts;
import org.homeinfusion.pas.PasEndpoints;
import org.homeinfusion.support.decision.ApprovedQuantity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The nursing authorization in the payers' dialect (Da Vinci PAS, FHIR R4): the claim to submit, and the
 * payer's {@code ClaimResponse} taken as a decision through the very same use case as the JSON form.
 */
@RestController
@RequestMapping("/api/nursing-authorizations")
class NursingPasController extends PasEndpoints<NursingAuthorization, NursingAuthorizationView> {

    NursingPasController(NursingAuthorizations authorizations) {
        super("Nursing authorization", ApprovedQuantity.VISITS, authorizations::get, NursingAuthorization::specialistOrgId,
                NursingPasController::claimFacts,
                (actor, id, decision) -> NursingAuthorizationView.of(
                        authorizations.decide(actor, id, NursingAuthorizationController.command(decision))));
    }

    static ClaimFacts claimFacts(NursingAuthorization authorization) {
        NursingAuthorization.Request requested = authorization.request();
        return new ClaimFacts(authorization.id(), authorization.caseId(), authorization.patientRef(),
                authorization.specialistOrgId(), ClaimFacts.Servicing.AGENCY, authorization.agencyOrgId(),
                authorization.payerId(), requested.plan(), null, requested.requestedFrom(),
                requested.requestedTo(), authorization.requestedAt(),
                List.of(new ClaimFacts.Line(requested.serviceCode(), requested.visitsRequested(), null,
                        requested.frequency())));
    }
}
