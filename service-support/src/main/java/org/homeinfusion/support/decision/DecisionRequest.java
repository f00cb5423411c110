package org.homeinfusion.support.decision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.homeinfusion.support.api.Bounds;
import org.homeinfusion.support.problem.ApiProblem;
import org.homeinfusion.support.problem.Violation;

/**
 * {@code POST …/decision}, the body every pillar accepts. Approvals need the payer's authorization number and
 * validity window; {@code approvedUnits} belongs to drug, {@code approvedVisits} to nursing authorizations. Each
 * pillar's controller turns it into the pillar's own decision command through {@link #approvedQuantity}.
 */
public record DecisionRequest(
        @NotNull DecisionOutcome outcome,
        @Pattern(regexp = Bounds.ID, message = Bounds.ID_MESSAGE) String authorizationNumber,
        LocalDate validFrom,
        LocalDate validTo,
        @PositiveOrZero @Max(100_000) Integer approvedUnits,
        @PositiveOrZero @Max(10_000) Integer approvedVisits,
        @Size(max = Bounds.REASON_MAX) String reason) {

    /** The rules between fields; a 400 listing every missing or inconsistent one. */
    public DecisionRequest checked() {
        List<Violation> violations = new ArrayList<>();
        if (outcome != null && outcome.approves()) {
            if (authorizationNumber == null) {
                violations.add(new Violation("authorizationNumber", "REQUIRED", "an approval needs the payer's authorization number"));
            }
            if (validFrom == null) {
                violations.add(new Violation("validFrom", "REQUIRED", "an approval needs the first valid date"));
            }
            if (validTo == null) {
                violations.add(new Violation("validTo", "REQUIRED", "an approval needs the last valid date"));
            }
        }
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            violations.add(new Violation("validTo", "WINDOW_REVERSED", "validTo must not be before validFrom"));
        }
        if (!violations.isEmpty()) {
            throw new ApiProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "Invalid request",
                    violations.get(0).message(), violations);
        }
        return this;
    }

    /**
     * The checked request's approved quantity as the pillar that counts {@code counted} reads it. A count
     * that belongs to another pillar is refused, so a client's mix-up is not silently dropped.
     */
    public Integer approvedQuantity(ApprovedQuantity counted) {
        checked();
        for (ApprovedQuantity other : ApprovedQuantity.values()) {
            if (other != counted && other.in(this) != null) {
                throw ApiProblem.invalid(other.field(), "NOT_APPLICABLE",
                        other.field() + " does not apply to this kind of authorization");
            }
        }
        return counted.in(this);
    }
}
