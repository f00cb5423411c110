package org.homeinfusion.nursingauth.authorization;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.homeinfusion.support.decision.Submission;
import org.homeinfusion.support.domain.TransitionRefused;

/**
 * The nursing authorization aggregate. Every change returns a new value with {@code version + 1}; the
 * aggregate refuses changes its status does not allow (a cancelled authorization is final) and never
 * counts more visits used than the payer approved.
 */
record NursingAuthorization(
        UUID id,
        String caseId,
        String patientRef,
        String specialistOrgId,
        String agencyOrgId,
        String payerId,
        String plan,
        String serviceCode,
        String frequency,
        int visitsRequested,
        LocalDate requestedFrom,
        LocalDate requestedTo,
        Status status,
        String authorizationNumber,
        LocalDate validFrom,
        LocalDate validTo,
        Integer approvedVisits,
        String decisionReason,
        int visitsUsed,
        Visit visit,
        long version,
        Instant requestedAt,
        Instant updatedAt,
        Submission submission) {

    enum Status { REQUESTED, PENDED, APPROVED, PARTIALLY_APPROVED, DENIED, CANCELLED }

    /** The next confirmed visit; {@code nurseName} is the nurse's, never the patient's. */
    record Visit(OffsetDateTime visitStart, int expectedDurationMinutes, String nurseName) {
    }

    static NursingAuthorization request(UUID id, String specialistOrgId, CreateNursingAuthorization request,
            VisitFrequency frequency, Submission submission, Instant now) {
        return new NursingAuthorization(id, request.caseId(), request.patientRef(), specialistOrgId,
                request.agencyOrgId(), request.payer().payerId(), request.payer().plan().name(),
                request.normalizedCode(), frequency.text(), frequency.visits(), request.requestedFrom(),
                request.requestedTo(), Status.REQUESTED, null, null, null, null, null, 0, null, 1, now, now, submission);
    }

    /**
     * A payer decision; an appeal may overturn a denial, but nothing reopens a cancellation. Visits
     * already used stay used whatever the new decision says.
     */
    NursingAuthorization decide(NursingDecision decision, Instant now) {
        requireNotCancelled();
        return new NursingAuthorization(id, caseId, patientRef, specialistOrgId, agencyOrgId, payerId, plan,
                serviceCode, frequency, visitsRequested, requestedFrom, requestedTo,
                Status.valueOf(decision.outcome().name()), decision.authorizationNumber(), decision.validFrom(),
                decision.validTo(), decision.approvedVisits(), decision.reason(), visitsUsed, visit, version + 1,
                requestedAt, now, submission);
    }

    /** Confirms the next visit, or moves it: there is one slot, the agency's next visit. */
    NursingAuthorization confirmVisit(Visit next, Instant now) {
        requireNotCancelled();
        return with(next, visitsUsed, now);
    }

    NursingAuthorization cancelVisit(Instant now) {
        requireNotCancelled();
        return with(null, visitsUsed, now);
    }

    /** Counts the confirmed visit as done and clears the slot for the next one. */
    NursingAuthorization completeVisit(Instant now) {
        requireNotCancelled();
        if (visit == null) {
            throw new TransitionRefused("NO_VISIT_CONFIRMED",
                    "Nursing authorization " + id + " has no confirmed visit to complete; confirm the visit first");
        }
        if (approvedVisits != null && visitsUsed >= approvedVisits) {
            throw new TransitionRefused("VISITS_EXHAUSTED", "Nursing authorization " + id + " has used all "
                    + approvedVisits + " approved visits; ask the payer for more before recording another");
        }
        return with(null, visitsUsed + 1, now);
    }

    /** Approved visits not used yet; unknown (null) until a decision states how many were approved. */
    Integer visitsRemaining() {
        return approvedVisits == null ? null : approvedVisits - visitsUsed;
    }

    boolean hasVisit() {
        return visit != null;
    }

    private NursingAuthorization with(Visit newVisit, int newVisitsUsed, Instant now) {
        return new NursingAuthorization(id, caseId, patientRef, specialistOrgId, agencyOrgId, payerId, plan,
                serviceCode, frequency, visitsRequested, requestedFrom, requestedTo, status, authorizationNumber,
                validFrom, validTo, approvedVisits, decisionReason, newVisitsUsed, newVisit, version + 1,
                requestedAt, now, submission);
    }

    private void requireNotCancelled() {
        if (status == Status.CANCELLED) {
            throw new TransitionRefused("AUTHORIZATION_CANCELLED",
                    "Nursing authorization " + id + " is cancelled; request a new one instead");
        }
    }

    /** The specialist org that owns the case, the assigned agency, and the deciding payer may read it. */
    boolean visibleTo(String org) {
        return specialistOrgId.equals(org) || agencyOrgId.equals(org) || payerId.equals(org);
    }
}
