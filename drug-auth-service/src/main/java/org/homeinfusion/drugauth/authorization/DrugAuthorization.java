package org.homeinfusion.drugauth.authorization;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.homeinfusion.support.decision.DecisionRequest;
import org.homeinfusion.support.decision.Submission;
import org.homeinfusion.support.problem.ApiProblem;

/**
 * The drug authorization aggregate. Every change returns a new value with {@code version + 1}; the
 * aggregate refuses changes its status does not allow (a cancelled authorization is final).
 */
record DrugAuthorization(
        UUID id,
        String caseId,
        String patientRef,
        String specialistOrgId,
        String pharmacyOrgId,
        String payerId,
        String plan,
        String placeOfService,
        String hcpcsCode,
        String ndc,
        BigDecimal doseQuantity,
        String doseUnit,
        int billingUnitsPerDose,
        LocalDate requestedFrom,
        LocalDate requestedTo,
        Status status,
        String authorizationNumber,
        LocalDate validFrom,
        LocalDate validTo,
        Integer approvedUnits,
        String decisionReason,
        Delivery delivery,
        long version,
        Instant requestedAt,
        Instant updatedAt,
        Submission submission) {

    enum Status { REQUESTED, PENDED, APPROVED, PARTIALLY_APPROVED, DENIED, CANCELLED }

    record Delivery(OffsetDateTime etaStart, OffsetDateTime etaEnd, OffsetDateTime beyondUseAt, String trackingRef) {
    }

    static DrugAuthorization request(UUID id, String specialistOrgId, CreateDrugAuthorization request,
            int billingUnitsPerDose, Submission submission, Instant now) {
        return new DrugAuthorization(id, request.caseId(), request.patientRef(), specialistOrgId,
                request.pharmacyOrgId(), request.payer().payerId(), request.payer().plan().name(),
                request.placeOfService(), request.normalizedCode(), request.ndc(), request.dose().quantity(),
                request.dose().unit(), billingUnitsPerDose, request.requestedFrom(), request.requestedTo(),
                Status.REQUESTED, null, null, null, null, null, null, 1, now, now, submission);
    }

    /** A payer decision; an appeal may overturn a denial, but nothing reopens a cancellation. */
    DrugAuthorization decide(DecisionRequest decision, Instant now) {
        requireNotCancelled();
        return new DrugAuthorization(id, caseId, patientRef, specialistOrgId, pharmacyOrgId, payerId, plan,
                placeOfService, hcpcsCode, ndc, doseQuantity, doseUnit, billingUnitsPerDose, requestedFrom,
                requestedTo, Status.valueOf(decision.outcome().name()), decision.authorizationNumber(),
                decision.validFrom(), decision.validTo(), decision.approvedUnits(), decision.reason(), delivery,
                version + 1, requestedAt, now, submission);
    }

    /** Posts or replaces the pharmacy's delivery window. */
    DrugAuthorization scheduleDelivery(Delivery newDelivery, Instant now) {
        requireNotCancelled();
        // A product that is past its beyond-use time before it even arrives can never be infused: refuse the ETA
        // instead of letting the coordinator discover it as PRODUCT_EXPIRES_BEFORE_VISIT.
        if (newDelivery.beyondUseAt() != null && newDelivery.beyondUseAt().isBefore(newDelivery.etaEnd())) {
            throw ApiProblem.ruleViolation("beyondUseAt", "BEYOND_USE_BEFORE_DELIVERY", "The product's beyond-use time "
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
        return new DrugAuthorization(id, caseId, patientRef, specialistOrgId, pharmacyOrgId, payerId, plan,
                placeOfService, hcpcsCode, ndc, doseQuantity, doseUnit, billingUnitsPerDose, requestedFrom,
                requestedTo, status, authorizationNumber, validFrom, validTo, approvedUnits, decisionReason,
                newDelivery, version + 1, requestedAt, now, submission);
    }

    private void requireNotCancelled() {
        if (status == Status.CANCELLED) {
            throw ApiProblem.conflict("AUTHORIZATION_CANCELLED",
                    "Drug authorization " + id + " is cancelled; request a new one instead");
        }
    }

    /** The specialist org that owns the case, the assigned pharmacy, and the deciding payer may read it. */
    boolean visibleTo(String org) {
        return specialistOrgId.equals(org) || pharmacyOrgId.equals(org) || payerId.equals(org);
    }
}
