package org.homeinfusion.nursingauth.authorization;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.homeinfusion.support.api.Bounds;

/**
 * {@code PUT /api/nursing-authorizations/{id}/visit}: the agency's next visit. {@code visitStart} keeps
 * the offset it was sent with, because readiness takes the visit's local date in that offset.
 */
record VisitRequest(
        @NotNull OffsetDateTime visitStart,
        @NotNull @Min(1) @Max(MAX_DURATION_MINUTES) Integer expectedDurationMinutes,
        @NotBlank @Size(max = Bounds.NAME_MAX)
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String nurseName) {

    /** A visit is at most a day; anything longer is continuous care, not a visit. */
    static final int MAX_DURATION_MINUTES = 1440;

    NursingAuthorization.Visit toVisit() {
        return new NursingAuthorization.Visit(visitStart, expectedDurationMinutes, nurseName);
    }
}
