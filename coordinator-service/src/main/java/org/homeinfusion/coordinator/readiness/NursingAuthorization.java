package org.homeinfusion.coordinator.readiness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A nursing authorization with the agency's next confirmed visit, if any. */
public record NursingAuthorization(
        UUID id,
        long version,
        Instant requestedAt,
        AuthorizationStatus status,
        String authorizationNumber,
        LocalDate validFrom,
        LocalDate validTo,
        Integer approvedVisits,
        int visitsUsed,
        String agencyOrgId,
        Visit visit,
        PayerSubmission submission) implements Authorization {

    public NursingAuthorization {
        Objects.requireNonNull(id, "id");
    }

    @Override
    public Pillar pillar() {
        return Pillar.NURSING;
    }

    @Override
    public String organizationId() {
        return agencyOrgId;
    }
}
