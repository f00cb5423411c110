package org.homeinfusion.contracts.drug;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.homeinfusion.contracts.AuthorizationStatus;
import org.homeinfusion.contracts.Payer;
import org.homeinfusion.contracts.Urgency;

/**
 * Full current state of one drug authorization. {@code version} grows by one per change, so a
 * consumer keeps the highest version it has seen and drops older or equal copies. No patient data:
 * the patient is not named here at all, only the case.
 */
public record DrugAuthorization(
        UUID authorizationId,
        String caseId,
        String specialistOrgId,
        String pharmacyOrgId,
        Payer payer,
        String placeOfService,
        String hcpcsCode,
        String ndc,
        Dose dose,
        int billingUnitsPerDose,
        LocalDate requestedFrom,
        LocalDate requestedTo,
        AuthorizationStatus status,
        String authorizationNumber,
        LocalDate validFrom,
        LocalDate validTo,
        Integer approvedUnits,
        Delivery delivery,
        long version,
        Instant requestedAt,
        Instant updatedAt,
        Urgency urgency,
        Instant submittedAt) {

    public record Dose(BigDecimal quantity, String unit) {
    }

    /** The pharmacy's delivery window; {@code beyondUseAt} is the dispensed product's beyond-use time, if known. */
    public record Delivery(java.time.OffsetDateTime etaStart, java.time.OffsetDateTime etaEnd,
                           java.time.OffsetDateTime beyondUseAt, String trackingRef) {
    }
}
