package org.homeinfusion.drugauth.authorization;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.homeinfusion.contracts.drug.DrugAuthorizationDecided;
import org.homeinfusion.contracts.drug.DrugAuthorizationRequested;
import org.homeinfusion.contracts.drug.DrugDeliveryCancelled;
import org.homeinfusion.contracts.drug.DrugDeliveryScheduled;
import org.homeinfusion.drugauth.billing.BillingCodePreflight;
import org.homeinfusion.support.decision.Submission;
import org.homeinfusion.support.idempotency.IdempotentCreation;
import org.homeinfusion.support.problem.ApiProblem;
import org.homeinfusion.support.security.Actor;
import org.homeinfusion.support.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The drug pillar's use cases. Each runs in one transaction that changes the aggregate and appends
 * its event, so the event exists if and only if the change committed. Callers that may not see an
 * authorization get a 404, exactly as if it did not exist.
 */
@Service
class DrugAuthorizations {

    private final DrugAuthorizationRepository repository;
    private final DrugAuthorizationEvents events;
    private final BillingCodePreflight preflight;
    private final IdempotentCreation idempotency;
    private final Clock clock;

    DrugAuthorizations(DrugAuthorizationRepository repository, DrugAuthorizationEvents events,
            BillingCodePreflight preflight, IdempotentCreation idempotency, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.preflight = preflight;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    record Created(DrugAuthorization authorization, boolean replayed) {
    }

    @Transactional
    public Created request(Actor specialist, CreateDrugAuthorization request, String idempotencyKey) {
        IdempotentCreation.Result<DrugAuthorization> result = idempotency.create(specialist.org() + ":drug-authorizations",
                idempotencyKey, request, () -> {
                    Instant now = clock.instant();
                    Submission submission = Submission.of(request.urgency(), request.submittedAt(), now);
                    BillingCodePreflight.Result checked = preflight.check(new BillingCodePreflight.DrugLine(
                            request.normalizedCode(), request.payer().plan().name(), request.placeOfService(),
                            request.ndc(), request.dose().quantity(), request.dose().unit()));
                    if (!checked.accepted()) {
                        throw ApiProblem.ruleViolations(checked.violations());
                    }
                    DrugAuthorization created = DrugAuthorization.request(UUID.randomUUID(), specialist.org(), request,
                            checked.billingUnitsPerDose(), submission, now);
                    repository.insert(created);
                    events.publish(DrugAuthorizationRequested::new, created);
                    return created;
                }, DrugAuthorization::id, id -> repository.find(id).orElseThrow());
        return new Created(result.resource(), result.replayed());
    }

    @Transactional
    public DrugAuthorization decide(Actor actor, UUID id, DrugDecision decision) {
        DrugAuthorization current = repository.lock(id)
                .filter(a -> actor.actsAs(Role.SPECIALIST, a.specialistOrgId()) || actor.actsAs(Role.PAYER, a.payerId()))
                .orElseThrow(() -> ApiProblem.notFound("Drug authorization", id));
        DrugAuthorization decided = current.decide(decision, clock.instant());
        repository.update(decided);
        events.publish(DrugAuthorizationDecided::new, decided);
        return decided;
    }

    @Transactional
    public DrugAuthorization scheduleDelivery(Actor pharmacy, UUID id, DeliveryRequest delivery) {
        DrugAuthorization scheduled = assignedTo(pharmacy, id).scheduleDelivery(delivery.toDelivery(), clock.instant());
        repository.update(scheduled);
        events.publish(DrugDeliveryScheduled::new, scheduled);
        return scheduled;
    }

    /** Cancelling a delivery that is not there changes nothing and says nothing: DELETE is idempotent. */
    @Transactional
    public DrugAuthorization cancelDelivery(Actor pharmacy, UUID id) {
        DrugAuthorization current = assignedTo(pharmacy, id);
        if (!current.hasDelivery()) {
            return current;
        }
        DrugAuthorization cancelled = current.cancelDelivery(clock.instant());
        repository.update(cancelled);
        events.publish(DrugDeliveryCancelled::new, cancelled);
        return cancelled;
    }

    @Transactional(readOnly = true)
    public DrugAuthorization get(Actor actor, UUID id) {
        return repository.find(id).filter(a -> a.visibleTo(actor.org()))
                .orElseThrow(() -> ApiProblem.notFound("Drug authorization", id));
    }

    @Transactional(readOnly = true)
    public List<DrugAuthorization> byCase(Actor actor, String caseId) {
        return repository.findByCaseVisibleTo(caseId, actor.org());
    }

    private DrugAuthorization assignedTo(Actor pharmacy, UUID id) {
        return repository.lock(id).filter(a -> pharmacy.actsAs(Role.PHARMACY, a.pharmacyOrgId()))
                .orElseThrow(() -> ApiProblem.notFound("Drug authorization", id));
    }
}
