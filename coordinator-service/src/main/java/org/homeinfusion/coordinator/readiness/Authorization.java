package org.homeinfusion.coordinator.readiness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The latest known state of one pillar authorization, as carried by that pillar's events. Only the
 * identity is mandatory: every other field may be missing and the readiness rules cope with it.
 */
public sealed interface Authorization permits DrugAuthorization, NursingAuthorization, SuppliesAuthorization {

    UUID id();

    /** Grows by one per change of this authorization, so older and duplicate copies can be recognised. */
    long version();

    /** Decides which authorization of a pillar counts when a re-authorization replaced an earlier one. */
    Instant requestedAt();

    AuthorizationStatus status();

    String authorizationNumber();

    LocalDate validFrom();

    LocalDate validTo();

    Pillar pillar();

    /** The payer, urgency and submission time of the request; null in copies stored before they were carried. */
    PayerSubmission submission();

    /** The submission, reading copies stored before it was carried as STANDARD, submitted when requested. */
    default PayerSubmission submissionOrDefault() {
        PayerSubmission submission = submission();
        if (submission != null && submission.urgency() != null && submission.submittedAt() != null) {
            return submission;
        }
        return new PayerSubmission(submission == null ? null : submission.payerId(), Urgency.STANDARD,
                submission != null && submission.submittedAt() != null ? submission.submittedAt() : requestedAt());
    }

    /** The organization that fulfils this pillar: the pharmacy, the home health agency or the supplier. */
    String organizationId();
}
