package org.homeinfusion.drugauth.authorization;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.homeinfusion.contracts.Urgency;
import org.homeinfusion.support.api.Bounds;
import org.homeinfusion.support.api.PayerRequest;

/** {@code POST /api/drug-authorizations}. */
record CreateDrugAuthorization(
        @NotNull @Pattern(regexp = Bounds.ID, message = Bounds.ID_MESSAGE) String caseId,
        @NotNull @Pattern(regexp = Bounds.ID, message = Bounds.ID_MESSAGE) String patientRef,
        @NotNull @Valid PayerRequest payer,
        @NotNull @Pattern(regexp = "\\d{2}", message = "must be a two-digit place of service code") String placeOfService,
        @NotNull @Pattern(regexp = "[A-Za-z]\\d{4}", message = "must be a HCPCS code such as J1569") String hcpcsCode,
        @Pattern(regexp = "\\d{11}", message = "must be the 11-digit NDC, without dashes") String ndc,
        @NotNull @Valid Dose dose,
        @NotNull @Pattern(regexp = Bounds.ID, message = Bounds.ID_MESSAGE) String pharmacyOrgId,
        @NotNull LocalDate requestedFrom,
        @NotNull LocalDate requestedTo,
        Urgency urgency,
        OffsetDateTime submittedAt) {

    record Dose(@NotNull @Positive @DecimalMax("100000") BigDecimal quantity,
                @NotBlank @Size(max = 16) String unit) {
    }

    @AssertTrue(message = "requestedTo must not be before requestedFrom")
    boolean isRequestedWindowInOrder() {
        return requestedFrom == null || requestedTo == null || !requestedTo.isBefore(requestedFrom);
    }

    String normalizedCode() {
        return hcpcsCode.toUpperCase(Locale.ROOT);
    }
}
