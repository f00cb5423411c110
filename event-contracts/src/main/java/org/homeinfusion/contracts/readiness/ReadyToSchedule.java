package org.homeinfusion.contracts.readiness;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The case is ready to schedule: all three pillars approved, delivery before the visit, the visit
 * inside every authorization. Emitted when a case becomes READY, and again when a READY case's
 * schedule or authorization numbers change.
 */
public record ReadyToSchedule(
        String specialistOrgId,
        String caseId,
        long readinessVersion,
        Visit visit,
        Window drugDelivery,
        Window suppliesDelivery,
        Authorizations authorizations,
        String summary,
        Instant occurredAt) implements ReadinessEvent {

    public record Visit(OffsetDateTime start, int expectedDurationMinutes, String nurseName) {
    }

    public record Window(OffsetDateTime etaStart, OffsetDateTime etaEnd) {
    }

    public record Authorizations(Authorization drug, Authorization nursing, Authorization supplies) {
    }

    /**
     * One pillar's authorization. For bundled supplies {@code coverage} is BUNDLED, the number is null
     * and {@code perDiemCode} names the code that covers them.
     */
    public record Authorization(UUID authorizationId, String authorizationNumber, LocalDate validFrom,
                                LocalDate validTo, String organizationId, String coverage, String perDiemCode) {
    }
}
