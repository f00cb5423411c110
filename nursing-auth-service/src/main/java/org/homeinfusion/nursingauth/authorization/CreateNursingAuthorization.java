package org.homeinfusion.nursingauth.authorization;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.homeinfusion.contracts.Urgency;
import org.homeinfusion.support.api.Bounds;
import org.homeinfusion.support.api.PayerRequest;

/** {@code POST /api/nursing-authorizations}. The frequency is read by {@link VisitFrequency}. */
record CreateNursingAuthorization(
        @NotNull @Pattern(regexp = Bounds.ID, message = Bounds.ID_MESSAGE) String caseId,
        @NotNull @Pattern(regexp = Bounds.ID, message = Bounds.ID_MESSAGE) String patientRef,
        @NotNull @Valid PayerRequest payer,
        @NotNull @Pattern(regexp = Bounds.ID, message = Bounds.ID_MESSAGE) String agencyOrgId,
        @NotNull @Pattern(regexp = "[A-Za-z0-9]{5}", message = "must be a five-character HCPCS or CPT code such as 99601") String serviceCode,
        @NotNull String frequency,
        @NotNull LocalDate requestedFrom,
        @NotNull LocalDate requestedTo,
        Urgency urgency,
        OffsetDateTime submittedAt) {

    @AssertTrue(message = "requestedTo must not be before requestedFrom")
    boolean isRequestedWindowInOrder() {
        return requestedFrom == null || requestedTo == null || !requestedTo.isBefore(requestedFrom);
    }

    String normalizedCode() {
        return serviceCode.toUpperCase(Locale.ROOT);
    }

    VisitFrequency visitFrequency() {
        return VisitFrequency.parse(frequency);
    }
}
