package org.homeinfusion.coordinator.readiness;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A drug authorization with the pharmacy's delivery. {@code beyondUseAt} belongs to the product
 * dispensed for that delivery, so it is only weighed while a delivery is scheduled.
 */
public record DrugAuthorization(
        UUID id,
        long version,
        Instant requestedAt,
        AuthorizationStatus status,
        String authorizationNumber,
        LocalDate validFrom,
        LocalDate validTo,
        Integer approvedUnits,
        int billingUnitsPerDose,
        String pharmacyOrgId,
        Delivery delivery,
        OffsetDateTime beyondUseAt,
        PayerSubmission submission) implements Authorization {

    public DrugAuthorization {
        Objects.requireNonNull(id, "id");
    }

    @Override
    public Pillar pillar() {
        return Pillar.DRUG;
    }

    @Override
    public String organizationId() {
        return pharmacyOrgId;
    }
}
