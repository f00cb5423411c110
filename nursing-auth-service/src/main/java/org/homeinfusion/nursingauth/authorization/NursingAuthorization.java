package org.homeinfusion.nursingauth.authorization;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.homeinfusion.support.decision.Submission;
import org.homeinfusion.support.domain.TransitionRefused;

/**
 * The nursing authorization aggregate. Every change returns a new value with {@code version + 1}; the
 * aggregate refuses changes its status does not allow (a cancelled authorization is final) and never
 * counts more visits used than the payer approved.
 *
 * <p>Its state is grouped by who writes it: the specialist's {@link Request}, the payer's {@link Decision}
 * and the agency's visits (the count used and the next {@link Visit}), so a change replaces one part and keeps
 * the others as they are. The request and the decision are stored unwrapped, so the stored document keeps its
 * flat shape.
 */
record NursingAuthorization(
        UUID id,
        String caseId,
        String patientRef,
        String specialistOrgId,
        String agencyOrgId,
        String payerId,
        @JsonUnwrapped Request request,
        @JsonUnwrapped Decision decision,
        int visitsUsed,
        Visit visit,
        long version,
        Instant requestedAt,
        Instant updatedAt,
        Submission submission) {

    enum Status { REQUESTED, PENDED, APPROVED, PARTIALLY_APPROVED, DENIED, CANCELLED }

    /** What the specialist asked the payer for: the plan, the service code and frequency, and the requested window. */
    record Request(String plan, String serviceCode, String frequency, int visitsRequested, LocalDate requestedFrom,
            LocalDate requestedTo) {
    }

    /** Where the payer stands: REQUESTED until a decision, then its outcome, number, window and visits. */
    record Decision(Status status, String authorizationNumber, LocalDate validFrom, LocalDate validTo,
            Integer approvedVisits, @JsonProperty("decisionReason") String reason) {

        static final Decision NONE_YET = new Decision(Status.REQUESTED, null, null, null, null, null);

        static Decision of(NursingDecision decision) {
            return new Decision(Status.valueOf(decision.outcome().name()), decision.authorizationNumber(),
                    decision.validFrom(), decision.validTo(), decision.approvedVisits(), decision.reason());
        }
    }

    /** The next confirmed visit; {@code nurseName} is the nurse's, never the patient's. */
    record Visit(OffsetDateTime visitStart, int expectedDurationMinutes, String nurseName) {
    }

    static NursingAuthorization request(UUID id, String specialistOrgId, CreateNursingAuthorization request,
            VisitFrequency frequency, Submission submission, Instant now) {
        Request requested = new Request(request.payer().plan().name(), request.normalizedCode(), frequency.text(),
                frequency.visits(), request.requestedFrom(), request.requestedTo());
        return new NursingAuthorization(id, request.caseId(), request.patientRef(), specialistOrgId,
                request.agencyOrgId(), request.payer().payerId(), requested, Decision.NONE_YET, 0, null, 1, now, now,
                submission);
    }

    /**
     * A payer decision; an appeal may overturn a denial, but nothing reopens a cancellation. Visits
     * already used stay used whatever the new decision says.
     */
    NursingAuthorization decide(NursingDecision decision, Instant now) {
        requireNotCancelled();
        return next(Decision.of(decision), visitsUsed, visit, now);
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
        Integer approvedVisits = decision.approvedVisits();
        if (approvedVisits != null && visitsUsed >= approvedVisits) {
            throw new TransitionRefused("VISITS_EXHAUSTED", "Nursing authorization " + id + " has used all "
                    + approvedVisits + " approved visits; ask the payer for more before recording another");
        }
        return with(null, visitsUsed + 1, now);
    }

    /** Approved visits not used yet; unknown (null) until a decision states how many were approved. */
    Integer visitsRemaining() {
        return decision.approvedVisits() == null ? null : decision.approvedVisits() - visitsUsed;
    }

    boolean hasVisit() {
        return visit != null;
    }

    private NursingAuthorization with(Visit newVisit, int newVisitsUsed, Instant now) {
        return next(decision, newVisitsUsed, newVisit, now);
    }

    /** The one place a change is written: the parts it replaces, the next version, and when. */
    private NursingAuthorization next(Decision newDecision, int newVisitsUsed, Visit newVisit, Instant now) {
        return new NursingAuthorization(id, caseId, patientRef, specialistOrgId, agencyOrgId, payerId, request,
                newDecision, newVisitsUsed, newVisit, version + 1, requestedAt, now, submission);
    }

    private void requireNotCancelled() {
        if (decision.status() == Status.CANCELLED) {
            throw new TransitionRefused("AUTHORIZATION_CANCELLED",
                    "Nursing authorization " + id + " is cancelled; request a new one instead");
        }
    }

    /** The specialist org that owns the case, the assigned agency, and the deciding payer may read it. */
    boolean visibleTo(String org) {
        return specialistOrgId.equals(org) || agencyOrgId.equals(org) || payerId.equals(org);
    }
}
