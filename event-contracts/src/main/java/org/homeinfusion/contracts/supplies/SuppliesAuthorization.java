package org.homeinfusion.contracts.supplies;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.homeinfusion.contracts.AuthorizationStatus;
import org.homeinfusion.contracts.Payer;
import org.homeinfusion.contracts.Urgency;

/**
 * Full current state of one supplies authorization. With {@code coverage} BUNDLED the per diem code
 * already covers supplies and equipment: status NOT_REQUIRED, no decision and no delivery of its own.
 */
public record SuppliesAuthorization(
        UUID authorizationId,
        String caseId,
        String specialistOrgId,
        String supplierOrgId,
        Payer payer,
        String coverage,
        String perDiemCode,
        List<Item> items,
        AuthorizationStatus status,
        String authorizationNumber,
        LocalDate validFrom,
        LocalDate validTo,
        Delivery delivery,
        long version,
        Instant requestedAt,
        Instant updatedAt,
        Urgency urgency,
        Instant submittedAt) {

    public record Item(String hcpcsCode, int quantity) {
    }

    public record Delivery(OffsetDateTime etaStart, OffsetDateTime etaEnd) {
    }
}
