package org.homeinfusion.suppliesauth.authorization;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.homeinfusion.contracts.supplies.SuppliesAuthorizationDecided;
import org.homeinfusion.contracts.supplies.SuppliesAuthorizationRequested;
import org.homeinfusion.contracts.supplies.SuppliesDeliveryCancelled;
import org.homeinfusion.contracts.supplies.SuppliesDeliveryScheduled;
import org.homeinfusion.support.decision.Submission;
import org.homeinfusion.support.idempotency.IdempotentCreation;
import org.homeinfusion.support.problem.ApiProblem;
import org.homeinfusion.support.problem.Violation;
import org.homeinfusion.support.security.Actor;
import org.homeinfusion.support.security.Role;
import org.homeinfusion.suppliesauth.catalog.CoveragePreflight;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supplies pillar's use cases. Each runs in one transaction that changes the aggregate and appends
 * its event, so the event exists if and only if the change committed. Callers that may not see an
 * authorization get a 404, exactly as if it did not exist.
 */
@Service
class SuppliesAuthorizations {

    private final SuppliesAuthorizationRepository repository;
    private final SuppliesAuthorizationEvents events;
    private final CoveragePreflight preflight;
    private final IdempotentCreation idempotency;
    private final Clock clock;

    SuppliesAuthorizations(SuppliesAuthorizationRepository repository, SuppliesAuthorizationEvents events,
            CoveragePreflight preflight, IdempotentCreation idempotency, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.preflight = preflight;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    record Created(SuppliesAuthorization authorization, boolean replayed) {
    }

    @Transactional
    public Created request(Actor specialist, CreateSuppliesAuthorization request, String idempotencyKey) {
        request.checked();
        IdempotentCreation.Result<SuppliesAuthorization> result = idempotency.create(specialist.org() + ":supplies-authorizations",
                idempotencyKey, request, () -> {
                    Instant now = clock.instant();
                    Submission submission = Submission.of(request.urgency(), request.submittedAt(), now);
                    List<Violation> violations = preflight.check(new CoveragePreflight.SuppliesLine(request.coverage(),
                            request.payer().plan().name(), request.normalizedPerDiemCode(),
                            request.normalizedItems().stream().map(SuppliesAuthorization.Item::hcpcsCode).toList()));
                    if (!violations.isEmpty()) {
                        throw ApiProblem.ruleViolations(violations);
                    }
                    SuppliesAuthorization created = SuppliesAuthorization.request(UUID.randomUUID(), specialist.org(),
                            request, submission, now);
                    repository.insert(created);
                    events.publish(SuppliesAuthorizationRequested::new, created);
                    return created;
                }, SuppliesAuthorization::id, id -> repository.find(id).orElseThrow());
        return new Created(result.resource(), result.replayed());
    }

    @Transactional
    public SuppliesAuthorization decide(Actor actor, UUID id, SuppliesDecision decision) {
        SuppliesAuthorization current = repository.lock(id)
                .filter(a -> actor.actsAs(Role.SPECIALIST, a.specialistOrgId()) || actor.actsAs(Role.PAYER, a.payerId()))
                .orElseThrow(() -> ApiProblem.notFound("Supplies authorization", id));
        SuppliesAuthorization decided = current.decide(decision, clock.instant());
        repository.update(decided);
        events.publish(SuppliesAuthorizationDecided::new, decided);
        return decided;
    }

    @Transactional
    public SuppliesAuthorization scheduleDelivery(Actor supplier, UUID id, DeliveryRequest delivery) {
        SuppliesAuthorization scheduled = assignedTo(supplier, id).scheduleDelivery(delivery.toDelivery(), clock.instant());
        repository.update(scheduled);
        events.publish(SuppliesDeliveryScheduled::new, scheduled);
        return scheduled;
    }

    /** Cancelling a delivery that is not there changes nothing and says nothing: DELETE is idempotent. */
    @Transactional
    public SuppliesAuthorization cancelDelivery(Actor supplier, UUID id) {
        SuppliesAuthorization current = assignedTo(supplier, id);
        return current.cancelDelivery(clock.instant()).map(cancelled -> {
            repository.update(cancelled);
            events.publish(SuppliesDeliveryCancelled::new, cancelled);
            return cancelled;
        }).orElse(current);
    }

    @Transactional(readOnly = true)
    public SuppliesAuthorization get(Actor actor, UUID id) {
        return repository.find(id).filter(a -> a.visibleTo(actor.org()))
                .orElseThrow(() -> ApiProblem.notFound("Supplies authorization", id));
    }

    @Transactional(readOnly = true)
    public List<SuppliesAuthorization> byCase(Actor actor, String caseId) {
        return repository.findByCaseVisibleTo(caseId, actor.org());
    }

    /** The supplier org delivers as a DME supplier or as the pharmacy that also ships the drug. */
    private SuppliesAuthorization assignedTo(Actor supplier, UUID id) {
        return repository.lock(id)
                .filter(a -> supplier.actsAs(Role.SUPPLIER, a.supplierOrgId()) || supplier.actsAs(Role.PHARMACY, a.supplierOrgId()))
                .orElseThrow(() -> ApiProblem.notFound("Supplies authorization", id));
    }
}
