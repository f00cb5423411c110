package org.homeinfusion.contracts.nursing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.homeinfusion.contracts.AuthorizationStatus;
import org.homeinfusion.contracts.Payer;
import org.homeinfusion.contracts.Urgency;

/** Full current state of one nursing authorization, with the agency's next confirmed visit if any. */
public record NursingAuthorization(
        UUID authorizationId,
        String caseId,
        String specialistOrgId,
        String agencyOrgId,
        Payer payer,
        String serviceCode,
        String frequency,
        int visitsRequested,
        LocalDate requestedFrom,
        LocalDate requestedTo,
        AuthorizationStatus status,
        String authorizationNumber,
        LocalDate validFrom,
        LocalDate validTo,
        Integer approvedVisits,
        int visitsUsed,
        Integer visitsRemaining,
        Visit visit,
        long version,
        Instant requestedAt,
        Instant updatedAt,
        Urgency urgency,
        Instant submittedAt) {

    /** The next confirmed visit; {@code nurseName} is the nurse's, never the patient's. */
    public record Visit(OffsetDateTime visitStart, int expectedDurationMinutes, String nurseName) {
    }
}
