package org.homeinfusion.coordinator.readiness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A supplies authorization: either separately authorized and delivered, or bundled into a per diem code. */
public record SuppliesAuthorization(
        UUID id,
        long version,
        Instant requestedAt,
        AuthorizationStatus status,
        Coverage coverage,
        String perDiemCode,
        String authorizationNumber,
        LocalDate validFrom,
        LocalDate validTo,
        String supplierOrgId,
        Delivery delivery,
        PayerSubmission submission) implements Authorization {

    public SuppliesAuthorization {
        Objects.requireNonNull(id, "id");
    }

    @Override
    public Pillar pillar() {
        return Pillar.SUPPLIES;
    }

    @Override
    public String organizationId() {
        return supplierOrgId;
    }

    /**
     * Only an explicit BUNDLED coverage waives the supplies' own delivery and window: when coverage
     * is unknown the coordinator must not assume someone else brings the pump and tubing.
     */
    public boolean isSeparate() {
        return coverage != Coverage.BUNDLED;
    }
}
