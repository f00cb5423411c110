package org.homeinfusion.suppliesauth.authorization;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.homeinfusion.contracts.Urgency;
import org.homeinfusion.support.api.PayerRequest;
import org.homeinfusion.support.decision.Submission;
import org.homeinfusion.suppliesauth.catalog.Coverage;

/** The API representation of a supplies authorization. */
record SuppliesAuthorizationView(
        UUID id,
        String caseId,
        String patientRef,
        String specialistOrgId,
        String supplierOrgId,
        PayerRequest payer,
        Coverage coverage,
        String perDiemCode,
        List<SuppliesAuthorization.Item> items,
        LocalDate requestedFrom,
        LocalDate requestedTo,
        SuppliesAuthorization.Status status,
        String authorizationNumber,
        LocalDate validFrom,
        LocalDate validTo,
        String reason,
        SuppliesAuthorization.Delivery delivery,
        long version,
        Instant requestedAt,
        Instant updatedAt,
        Urgency urgency,
        Instant submittedAt) {

    static SuppliesAuthorizationView of(SuppliesAuthorization a) {
        Submission submission = Submission.orDefault(a.submission(), a.requestedAt());
        SuppliesAuthorization.Request r = a.request();
        SuppliesAuthorization.Decision decision = a.decision();
        return new SuppliesAuthorizationView(a.id(), a.caseId(), a.patientRef(), a.specialistOrgId(), a.supplierOrgId(),
                new PayerRequest(a.payerId(), PayerRequest.Plan.valueOf(r.plan())), r.coverage(), r.perDiemCode(),
                r.items(), r.requestedFrom(), r.requestedTo(), decision.status(), decision.authorizationNumber(),
                decision.validFrom(), decision.validTo(), decision.reason(), a.delivery(), a.version(), a.requestedAt(), a.updatedAt(),
                submission.urgency(), submission.submittedAt());
    }
}
