package org.homeinfusion.suppliesauth.authorization;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.homeinfusion.support.decision.DecisionOutcome;
import org.homeinfusion.support.decision.Submission;
import org.homeinfusion.support.domain.TransitionRefused;
import org.homeinfusion.suppliesauth.catalog.Coverage;

/**
 * The supplies authorization aggregate. Every change returns a new value with {@code version + 1}; the
 * aggregate refuses changes its status or coverage does not allow. A cancelled authorization is final;
 * a BUNDLED one is paid through the pharmacy's per diem, so it starts and stays NOT_REQUIRED, takes no
 * payer decision and has no delivery of its own (the supplies travel with the drug delivery). It may
 * only be cancelled, e.g. when the therapy changes and the specialist requests again.
 *
 * <p>Its state is grouped by who writes it: the specialist's {@link Request}, the payer's {@link Decision}
 * and the supplier's {@link Delivery}, so a change replaces one part and keeps the others as they are. The
 * request and the decision are stored unwrapped, so the stored document keeps its flat shape.
 */
record SuppliesAuthorization(
        UUID id,
        String caseId,
        String patientRef,
        String specialistOrgId,
        String supplierOrgId,
        String payerId,
        @JsonUnwrapped Request request,
        @JsonUnwrapped Decision decision,
        Delivery delivery,
        long version,
        Instant requestedAt,
        Instant updatedAt,
        Submission submission) {

    enum Status { REQUESTED, PENDED, APPROVED, PARTIALLY_APPROVED, DENIED, CANCELLED, NOT_REQUIRED }

    /** What the specialist asked the payer for: the plan, the coverage with its per diem or items, and the window. */
    record Request(String plan, Coverage coverage, String perDiemCode, List<Item> items, LocalDate requestedFrom,
            LocalDate requestedTo) {

        Request {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** Where the payer stands: REQUESTED (or NOT_REQUIRED) until a decision, then its outcome, number and window. */
    record Decision(Status status, String authorizationNumber, LocalDate validFrom, LocalDate validTo,
            @JsonProperty("decisionReason") String reason) {

        static Decision noneYet(Status initial) {
            return new Decision(initial, null, null, null, null);
        }

        static Decision of(SuppliesDecision decision) {
            return new Decision(Status.valueOf(decision.outcome().name()), decision.authorizationNumber(),
                    decision.validFrom(), decision.validTo(), decision.reason());
        }
    }

    record Item(String hcpcsCode, int quantity) {
    }

    record Delivery(OffsetDateTime etaStart, OffsetDateTime etaEnd) {
    }

    static SuppliesAuthorization request(UUID id, String specialistOrgId, CreateSuppliesAuthorization request,
            Submission submission, Instant now) {
        boolean bundled = request.coverage() == Coverage.BUNDLED;
        Request requested = new Request(request.payer().plan().name(), request.coverage(),
                bundled ? request.normalizedPerDiemCode() : null, bundled ? List.of() : request.normalizedItems(),
                request.requestedFrom(), request.requestedTo());
        return new SuppliesAuthorization(id, request.caseId(), request.patientRef(), specialistOrgId,
                request.supplierOrgId(), request.payer().payerId(), requested,
                Decision.noneYet(bundled ? Status.NOT_REQUIRED : Status.REQUESTED), null, 1, now, now, submission);
    }

    /**
     * A payer decision; an appeal may overturn a denial, but nothing reopens a cancellation. Bundled
     * supplies are authorized with the per diem, so the only decision they take is a cancellation.
     */
    SuppliesAuthorization decide(SuppliesDecision decision, Instant now) {
        requireNotCancelled();
        if (request.coverage() == Coverage.BUNDLED && decision.outcome() != DecisionOutcome.CANCELLED) {
            throw bundled("takes no payer decision of its own; only a cancellation");
        }
        return next(Decision.of(decision), delivery, now);
    }

    /** Posts or replaces the supplier's delivery window. */
    SuppliesAuthorization scheduleDelivery(Delivery newDelivery, Instant now) {
        requireNotCancelled();
        requireSeparateDelivery();
        return withDelivery(newDelivery, now);
    }

    /** Withdraws the supplier's delivery window; empty when there is none, so a repeated DELETE changes nothing. */
    Optional<SuppliesAuthorization> cancelDelivery(Instant now) {
        requireSeparateDelivery();
        if (delivery == null) {
            return Optional.empty();
        }
        requireNotCancelled();
        return Optional.of(withDelivery(null, now));
    }

    private SuppliesAuthorization withDelivery(Delivery newDelivery, Instant now) {
        return next(decision, newDelivery, now);
    }

    /** The one place a change is written: the parts it replaces, the next version, and when. */
    private SuppliesAuthorization next(Decision newDecision, Delivery newDelivery, Instant now) {
        return new SuppliesAuthorization(id, caseId, patientRef, specialistOrgId, supplierOrgId, payerId, request,
                newDecision, newDelivery, version + 1, requestedAt, now, submission);
    }

    private void requireNotCancelled() {
        if (decision.status() == Status.CANCELLED) {
            throw new TransitionRefused("AUTHORIZATION_CANCELLED",
                    "Supplies authorization " + id + " is cancelled; request a new one instead");
        }
    }

    private void requireSeparateDelivery() {
        if (request.coverage() == Coverage.BUNDLED) {
            throw bundled("has no delivery of its own; the supplies travel with the pharmacy's drug delivery");
        }
    }

    private TransitionRefused bundled(String consequence) {
        return new TransitionRefused("COVERAGE_BUNDLED", "Supplies authorization " + id + " is bundled into per diem "
                + request.perDiemCode() + " and " + consequence);
    }

    /** The specialist org that owns the case, the assigned supplier, and the deciding payer may read it. */
    boolean visibleTo(String org) {
        return specialistOrgId.equals(org) || supplierOrgId.equals(org) || payerId.equals(org);
    }
}
