package org.homeinfusion.suppliesauth.authorization;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.homeinfusion.contracts.Urgency;
import org.homeinfusion.support.api.Bounds;
import org.homeinfusion.support.api.PayerRequest;
import org.homeinfusion.support.problem.ApiProblem;
import org.homeinfusion.support.problem.Violation;
import org.homeinfusion.suppliesauth.catalog.Coverage;
import org.springframework.http.HttpStatus;

/**
 * {@code POST /api/supplies-authorizations}. SEPARATE coverage lists the items, BUNDLED names the per
 * diem code that covers them; the requested window is optional.
 */
record CreateSuppliesAuthorization(
        @NotNull @Pattern(regexp = Bounds.ID, message = Bounds.ID_MESSAGE) String caseId,
        @NotNull @Pattern(regexp = Bounds.ID, message = Bounds.ID_MESSAGE) String patientRef,
        @NotNull @Valid PayerRequest payer,
        @NotNull @Pattern(regexp = Bounds.ID, message = Bounds.ID_MESSAGE) String supplierOrgId,
        @NotNull Coverage coverage,
        @Pattern(regexp = HCPCS_CODE, message = HCPCS_CODE_MESSAGE) String perDiemCode,
        @Size(max = MAX_ITEMS, message = "must list at most " + MAX_ITEMS + " items") List<@NotNull @Valid Item> items,
        LocalDate requestedFrom,
        LocalDate requestedTo,
        Urgency urgency,
        OffsetDateTime submittedAt) {

    /** A supplies request is a handful of lines; the bound keeps one request from carrying arbitrary data. */
    static final int MAX_ITEMS = 50;
    static final String HCPCS_CODE = "[A-Za-z0-9]{5}";
    static final String HCPCS_CODE_MESSAGE = "must be a five-character HCPCS code such as E0781";

    record Item(@NotNull @Pattern(regexp = HCPCS_CODE, message = HCPCS_CODE_MESSAGE) String hcpcsCode,
                @NotNull @Min(1) @Max(1000) Integer quantity) {
    }

    @AssertTrue(message = "requestedTo must not be before requestedFrom")
    boolean isRequestedWindowInOrder() {
        return requestedFrom == null || requestedTo == null || !requestedTo.isBefore(requestedFrom);
    }

    /**
     * The shape each coverage mode allows: a 400 listing every field that belongs to the other mode,
     * so a client's mix-up is not silently dropped. Missing items or per diem code are domain refusals
     * (422), reported by the coverage preflight.
     */
    CreateSuppliesAuthorization checked() {
        List<Violation> violations = new ArrayList<>();
        if (coverage == Coverage.SEPARATE && perDiemCode != null) {
            violations.add(new Violation("perDiemCode", "NOT_APPLICABLE",
                    "perDiemCode applies to coverage BUNDLED only; with coverage SEPARATE list the supplies as items"));
        }
        if (coverage == Coverage.BUNDLED && items != null && !items.isEmpty()) {
            violations.add(new Violation("items", "NOT_APPLICABLE",
                    "items apply to coverage SEPARATE only; the per diem of coverage BUNDLED already covers supplies and equipment"));
        }
        if (!violations.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", violations.get(0).message(), violations);
        }
        return this;
    }

    String normalizedPerDiemCode() {
        return perDiemCode == null ? null : perDiemCode.toUpperCase(Locale.ROOT);
    }

    List<SuppliesAuthorization.Item> normalizedItems() {
        return items == null ? List.of() : items.stream()
                .map(item -> new SuppliesAuthorization.Item(item.hcpcsCode().toUpperCase(Locale.ROOT), item.quantity()))
                .toList();
    }
}
