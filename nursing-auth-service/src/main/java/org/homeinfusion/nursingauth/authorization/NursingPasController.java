package org.homeinfusion.nursingauth.authorization;

import java.util.List;
import java.util.UUID;

import org.homeinfusion.pas.ApprovedQuantity;
import org.homeinfusion.pas.ClaimFacts;
import org.homeinfusion.pas.PasExchange;
import org.homeinfusion.pas.PasFhir;
import org.homeinfusion.support.problem.ApiProblem;
import org.homeinfusion.support.security.Actor;
import org.homeinfusion.support.security.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The nursing authorization in the payers' dialect (Da Vinci PAS, FHIR R4): the claim to submit, and the
 * payer's {@code ClaimResponse} taken as a decision through the very same use case as the JSON form.
 */
@RestController
@RequestMapping("/api/nursing-authorizations")
class NursingPasController {

    private final NursingAuthorizations authorizations;

    NursingPasController(NursingAuthorizations authorizations) {
        this.authorizations = authorizations;
    }

    @GetMapping("/{id}/pas-claim")
    ResponseEntity<byte[]> pasClaim(Actor actor, @PathVariable UUID id) {
        NursingAuthorization authorization = authorizations.get(actor, id);
        // Only the organization that owns the case submits its claim; to anyone else it does not exist.
        if (!actor.actsAs(Role.SPECIALIST, authorization.specialistOrgId())) {
            throw ApiProblem.notFound("Nursing authorization", id);
        }
        return PasExchange.claimBundle(claimFacts(authorization));
    }

    @PostMapping(path = "/{id}/decision", consumes = PasFhir.MEDIA_TYPE)
    NursingAuthorizationView decide(Actor actor, @PathVariable UUID id, @RequestBody byte[] claimResponse) {
        NursingAuthorization authorization = authorizations.get(actor, id);
        return NursingAuthorizationView.of(authorizations.decide(actor, id,
                PasExchange.decision(claimResponse, claimFacts(authorization), ApprovedQuantity.VISITS)));
    }

    static ClaimFacts claimFacts(NursingAuthorization authorization) {
        return new ClaimFacts(authorization.id(), authorization.caseId(), authorization.patientRef(),
                authorization.specialistOrgId(), ClaimFacts.Servicing.AGENCY, authorization.agencyOrgId(),
                authorization.payerId(), authorization.plan(), null, authorization.requestedFrom(),
                authorization.requestedTo(), authorization.requestedAt(),
                List.of(new ClaimFacts.Line(authorization.serviceCode(), authorization.visitsRequested(), null,
                        authorization.frequency())));
    }
}
