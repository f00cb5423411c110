package org.homeinfusion.drugauth.authorization;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.homeinfusion.support.decision.Submission;
import org.homeinfusion.support.domain.RuleViolated;
import org.homeinfusion.support.domain.TransitionRefused;

/**
 * The drug authorization aggregate. Every change returns a new value with {@code version + 1}; the
 * aggregate refuses changes its status does not allow (a cancelled authorization is final).
 *
 * <p>Its state is grouped by who writes it: the specialist's {@link Request}, the payer's {@link Decision}
 * and the pharmacy's {@link Delivery}, so a change replaces one part and keeps the others as they are. The
 * request and the decision are stored unwrapped, so the stored document keeps its flat shape.
 */
record DrugAuthorization(
        UUID id,
        String caseId,
        String patientRef,
        String specialistOrgId,
        String pharmacyOrgId,
        String payerId,
        @JsonUnwrapped Request request,
        @JsonUnwrapped Decision decision,
        Delivery delivery,
        long version,
        Instant requestedAt,
        Instant updatedAt,
        Submission submission) {

    enum Status { REQUESTED, PENDED, APPROVED, PARTIALLY_APPROVED, DENIED, CANCELLED }

    /** What the specialist asked the payer for: the plan, the billing line and dose, and the requested window. */
    record Request(String plan, String placeOfService, String hcpcsCode, String ndc, BigDecimal doseQuantity,
            String doseUnit, int billingUnitsPerDose, LocalDate requestedFrom, LocalDate requestedTo) {
    }

    /** Where the payer stands: REQUESTED until a decision, then its outcome, number, window and units. */
    record Decision(Status status, String authorizationNumber, LocalDate validFrom, LocalDate validTo,
            Integer approvedUnits, @JsonProperty("decisionReason") String reason) {

        static final Decision NONE_YET = new Decision(Status.REQUESTED, null, null, null, null, null);

        static Decision of(DrugDecision decision) {
            return new Decision(Status.valueOf(decision.outcome().name()), decision.authorizationNumber(),
                    decision.validFrom(), decision.validTo(), decision.approvedUnits(), decision.reason());
        }
    }

    record Delivery(OffsetDateTime etaStart, OffsetDateTime etaEnd, OffsetDateTime beyondUseAt, String trackingRef) {
    }

    static DrugAuthorization request(UUID id, String specialistOrgId, CreateDrugAuthorization request,
            int billingUnitsPerDose, Submission submission, Instant now) {
        Request requested = new Request(request.payer().plan().name(), request.placeOfService(),
                request.normalizedCode(), request.ndc(), request.dose().quantity(), request.dose().unit(),
                billingUnitsPerDose, request.requestedFrom(), request.requestedTo());
        return new DrugAuthorization(id, request.caseId(), request.patientRef(), specialistOrgId,
                request.pharmacyOrgId(), request.payer().payerId(), requested, Decision.NONE_YET, null, 1, now, now,
                submission);
    }

    /** A payer decision; an appeal may overturn a denial, but nothing reopens a cancellation. */
    DrugAuthorization decide(DrugDecision decision, Instant now) {
        requireNotCancelled();
        return next(Decision.of(decision), delivery, now);
    }

    /** Posts or replaces the pharmacy's delivery window. */
    DrugAuthorization scheduleDelivery(Delivery newDelivery, Instant now) {
        requireNotCancelled();
        // A product that is past its beyond-use time before it even arrives can never be infused: refuse the ETA
        // instead of letting the coordinator discover it as PRODUCT_EXPIRES_BEFORE_VISIT.
        if (newDelivery.beyondUseAt() != null && newDelivery.beyondUseAt().isBefore(newDelivery.etaEnd())) {
            throw new RuleViolated("beyondUseAt", "BEYOND_USE_BEFORE_DELIVERY", "The product's beyond-use time "
                    + newDelivery.beyondUseAt() + " is before the delivery window ends (" + newDelivery.etaEnd() + ")");
        }
        return withDelivery(newDelivery, now);
    }

    DrugAuthorization cancelDelivery(Instant now) {
        requireNotCancelled();
        return withDelivery(null, now);
    }

    boolean hasDelivery() {
        return delivery != null;
    }

    private DrugAuthorization withDelivery(Delivery newDelivery, Instant now) {
        return next(decision, newDelivery, now);
    }

    /** The one place a change is written: the parts it replaces, the next version, and when. */
    private DrugAuthorization next(Decision newDecision, Delivery newDelivery, Instant now) {
        return new DrugAuthorization(id, caseId, patientRef, specialistOrgId, pharmacyOrgId, payerId, request,
                newDecision, newDelivery, version + 1, requestedAt, now, submission);
    }

    private void requireNotCancelled() {
        if (decision.status() == Status.CANCELLED) {
            throw new TransitionRefused("AUTHORIZATION_CANCELLED",
                    "Drug authorization " + id + " is cancelled; request a new one instead");
        }
    }

    /** The specialist org that owns the case, the assigned pharmacy, and the deciding payer may read it. */
    boolean visibleTo(String org) {
        return specialistOrgId.equals(org) || pharmacyOrgId.equals(org) || payerId.equals(org);
    }
}
