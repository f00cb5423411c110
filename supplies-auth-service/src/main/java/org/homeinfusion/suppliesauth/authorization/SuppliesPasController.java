package org.homeinfusion.suppliesauth.authorization;

import java.util.List;

import org.homeinfusion.pas.ClaimFacts;
import org.homeinfusion.pas.PasEndpoints;
import org.homeinfusion.support.decision.ApprovedQuantity;
import org.homeinfusion.suppliesauth.catalog.Coverage;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supplies authorization in the payers' dialect (Da Vinci PAS, FHIR R4): the claim to submit, and the
 * payer's {@code ClaimResponse} taken as a decision through the very same use case as the JSON form.
 */
@RestController
@RequestMapping("/api/supplies-authorizations")
class SuppliesPasController extends PasEndpoints<SuppliesAuthorization, SuppliesAuthorizationView> {

    SuppliesPasController(SuppliesAuthorizations authorizations) {
        super("Supplies authorization", ApprovedQuantity.NONE, authorizations::get, SuppliesAuthorization::specialistOrgId,
                SuppliesPasController::claimFacts,
                (actor, id, decision) -> SuppliesAuthorizationView.of(
                        authorizations.decide(actor, id, SuppliesAuthorizationController.command(decision))));
    }

    static ClaimFacts claimFacts(SuppliesAuthorization authorization) {
        return new ClaimFacts(authorization.id(), authorization.caseId(), authorization.patientRef(),
                authorization.specialistOrgId(), ClaimFacts.Servicing.SUPPLIER, authorization.supplierOrgId(),
                authorization.payerId(), authorization.request().plan(), null, authorization.request().requestedFrom(),
                authorization.request().requestedTo(), authorization.requestedAt(), lines(authorization.request()));
    }

    /** Separately billed supplies are one line per item; bundled ones are the pharmacy's per diem code. */
    private static List<ClaimFacts.Line> lines(SuppliesAuthorization.Request requested) {
        if (requested.coverage() == Coverage.BUNDLED) {
            return List.of(ClaimFacts.Line.of(requested.perDiemCode(), null));
        }
        return requested.items().stream().map(item -> ClaimFacts.Line.of(item.hcpcsCode(), item.quantity())).toList();
    }
}
