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
        return new DrugAuthorizationView(a.id(), a.caseId(), a.patientRef(), a.specialistOrgId(), a.pharmacyOrgId(),
                new PayerRequest(a.payerId(), PayerRequest.Plan.valueOf(a.plan())), a.placeOfService(), a.hcpcsCode(),
                a.ndc(), new Dose(a.doseQuantity(), a.doseUnit()), a.billingUnitsPerDose(), a.requestedFrom(),
                a.requestedTo(), a.status(), a.authorizationNumber(), a.validFrom(), a.validTo(), a.approvedUnits(),
                a.decisionReason(), a.delivery(), a.version(), a.requestedAt(), a.updatedAt(),
                submission.urgency(), submission.submittedAt());
    }
}
