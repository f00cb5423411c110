package org.homeinfusion.suppliesauth.authorization;

import java.util.List;
import java.util.UUID;

import org.homeinfusion.pas.ApprovedQuantity;
import org.homeinfusion.pas.ClaimFacts;
import org.homeinfusion.pas.PasExchange;
import org.homeinfusion.pas.PasFhir;
import org.homeinfusion.support.problem.ApiProblem;
import org.homeinfusion.support.security.Actor;
import org.homeinfusion.support.security.Role;
import org.homeinfusion.suppliesauth.catalog.Coverage;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supplies authorization in the payers' dialect (Da Vinci PAS, FHIR R4): the claim to submit, and the
 * payer's {@code ClaimResponse} taken as a decision through the very same use case as the JSON form.
 */
@RestController
@RequestMapping("/api/supplies-authorizations")
class SuppliesPasController {

    private final SuppliesAuthorizations authorizations;

    SuppliesPasController(SuppliesAuthorizations authorizations) {
        this.authorizations = authorizations;
    }

    @GetMapping("/{id}/pas-claim")
    ResponseEntity<byte[]> pasClaim(Actor actor, @PathVariable UUID id) {
        SuppliesAuthorization authorization = authorizations.get(actor, id);
        // Only the organization that owns the case submits its claim; to anyone else it does not exist.
        if (!actor.actsAs(Role.SPECIALIST, authorization.specialistOrgId())) {
            throw ApiProblem.notFound("Supplies authorization", id);
        }
        return PasExchange.claimBundle(claimFacts(authorization));
    }

    @PostMapping(path = "/{id}/decision", consumes = PasFhir.MEDIA_TYPE)
    SuppliesAuthorizationView decide(Actor actor, @PathVariable UUID id, @RequestBody byte[] claimResponse) {
        SuppliesAuthorization authorization = authorizations.get(actor, id);
        return SuppliesAuthorizationView.of(authorizations.decide(actor, id,
                PasExchange.decision(claimResponse, claimFacts(authorization), ApprovedQuantity.NONE)));
    }

    static ClaimFacts claimFacts(SuppliesAuthorization authorization) {
        return new ClaimFacts(authorization.id(), authorization.caseId(), authorization.patientRef(),
                authorization.specialistOrgId(), ClaimFacts.Servicing.SUPPLIER, authorization.supplierOrgId(),
                authorization.payerId(), authorization.plan(), null, authorization.requestedFrom(),
                authorization.requestedTo(), authorization.requestedAt(), lines(authorization));
    }

    /** Separately billed supplies are one line per item; bundled ones are the pharmacy's per diem code. */
    private static List<ClaimFacts.Line> lines(SuppliesAuthorization authorization) {
        if (authorization.coverage() == Coverage.BUNDLED) {
            return List.of(ClaimFacts.Line.of(authorization.perDiemCode(), null));
        }
        return authorization.items().stream().map(item -> ClaimFacts.Line.of(item.hcpcsCode(), item.quantity())).toList();
    }
}
