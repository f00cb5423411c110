package org.homeinfusion.drugauth.authorization;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.homeinfusion.contracts.Urgency;
import org.homeinfusion.support.api.PayerRequest;
import org.homeinfusion.support.decision.Submission;

/** The API representation of a drug authorization. */
record DrugAuthorizationView(
        UUID id,
        String caseId,
        String patientRef,
        String specialistOrgId,
        String pharmacyOrgId,
        PayerRequest payer,
        String placeOfService,
        String hcpcsCode,
        String ndc,
        Dose dose,
        int billingUnitsPerDose,
        LocalDate requestedFrom,
        LocalDate requestedTo,
        DrugAuthorization.Status status,
        String authorizationNumber,
        LocalDate validFrom,
        LocalDate validTo,
        Integer approvedUnits,
        String reason,
        DrugAuthorization.Delivery delivery,
        long version,
        Instant requestedAt,
        Instant updatedAt,
        Urgency urgency,
        Instant submittedAt) {

    record Dose(BigDecimal quantity, String unit) {
    }

    static DrugAuthorizationView of(DrugAuthorization a) {
        Submission submission = Submission.orDefault(a.submission(), a.requestedAt());
        DrugAuthorization.Request r = a.request();
        DrugAuthorization.Decision decision = a.decision();
        return new DrugAuthorizationView(a.id(), a.caseId(), a.patientRef(), a.specialistOrgId(), a.pharmacyOrgId(),
                new PayerRequest(a.payerId(), PayerRequest.Plan.valueOf(r.plan())), r.placeOfService(), r.hcpcsCode(),
                r.ndc(), new Dose(r.doseQuantity(), r.doseUnit()), r.billingUnitsPerDose(), r.requestedFrom(),
                r.requestedTo(), decision.status(), decision.authorizationNumber(), decision.validFrom(),
                decision.validTo(), decision.approvedUnits(), decision.reason(), a.delivery(), a.version(), a.requestedAt(), a.updatedAt(),
                submission.urgency(), submission.submittedAt());
    }
}
