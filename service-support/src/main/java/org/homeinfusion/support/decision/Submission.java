package org.homeinfusion.support.decision;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

import org.homeinfusion.contracts.Urgency;
import org.homeinfusion.support.problem.ApiProblem;

/**
 * How and when an authorization request went to the payer: the start and the length of the payer's decision
 * clock (CMS-0057-F: 72 hours for EXPEDITED, 7 days for STANDARD), which the coordinator watches.
 */
public record Submission(Urgency urgency, Instant submittedAt) {

    public Submission {
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(submittedAt, "submittedAt");
    }

    /**
     * What a create request said, checked against the service's clock: STANDARD and "now" unless told otherwise.
     * A request cannot have gone to the payer in the future, so such a time is refused rather than trusted.
     */
    public static Submission of(Urgency urgency, OffsetDateTime submittedAt, Instant now) {
        if (submittedAt != null && submittedAt.toInstant().isAfter(now)) {
            throw ApiProblem.invalid("submittedAt", "SUBMITTED_IN_FUTURE",
                    "submittedAt must not be in the future: it is when the request went to the payer");
        }
        return new Submission(urgency == null ? Urgency.STANDARD : urgency,
                submittedAt == null ? now : submittedAt.toInstant());
    }

    /** Authorizations stored before submissions were recorded read as STANDARD, submitted when requested. */
    public static Submission orDefault(Submission stored, Instant requestedAt) {
        return stored != null ? stored : new Submission(Urgency.STANDARD, requestedAt);
    }
}
