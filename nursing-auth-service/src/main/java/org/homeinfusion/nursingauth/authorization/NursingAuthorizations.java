package org.homeinfusion.nursingauth.authorization;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.homeinfusion.contracts.nursing.NurseVisitCancelled;
import org.homeinfusion.contracts.nursing.NurseVisitCompleted;
import org.homeinfusion.contracts.nursing.NurseVisitConfirmed;
import org.homeinfusion.contracts.nursing.NursingAuthorizationDecided;
import org.homeinfusion.contracts.nursing.NursingAuthorizationRequested;
import org.homeinfusion.nursingauth.servicecode.ServiceCodePreflight;
import org.homeinfusion.support.decision.Submission;
import org.homeinfusion.support.idempotency.IdempotentCreation;
import org.homeinfusion.support.problem.ApiProblem;
import org.homeinfusion.support.problem.Violation;
import org.homeinfusion.support.security.Actor;
import org.homeinfusion.support.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The nursing pillar's use cases. Each runs in one transaction that changes the aggregate and appends
 * its event, so the event exists if and only if the change committed. Changes lock the row first, so
 * concurrent visit completions are counted one after the other. Callers that may not see an
 * authorization get a 404, exactly as if it did not exist.
 */
@Service
class NursingAuthorizations {

    private final NursingAuthorizationRepository repository;
    private final NursingAuthorizationEvents events;
    private final ServiceCodePreflight preflight;
    private final IdempotentCreation idempotency;
    private final Clock clock;

    NursingAuthorizations(NursingAuthorizationRepository repository, NursingAuthorizationEvents events,
            ServiceCodePreflight preflight, IdempotentCreation idempotency, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.preflight = preflight;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    record Created(NursingAuthorization authorization, boolean replayed) {
    }

    @Transactional
    public Created request(Actor specialist, CreateNursingAuthorization request, String idempotencyKey) {
        VisitFrequency frequency = request.visitFrequency();
        IdempotentCreation.Result<NursingAuthorization> result = idempotency.create(specialist.org() + ":nursing-authorizations",
                idempotencyKey, request, () -> {
                    Instant now = clock.instant();
                    Submission submission = Submission.of(request.urgency(), request.submittedAt(), now);
                    List<Violation> violations = preflight.check(new ServiceCodePreflight.ServiceLine(
                            request.normalizedCode(), request.payer().plan().name()));
                    if (!violations.isEmpty()) {
                        throw ApiProblem.ruleViolations(violations);
                    }
                    NursingAuthorization created = NursingAuthorization.request(UUID.randomUUID(), specialist.org(),
                            request, frequency, submission, now);
                    repository.insert(created);
                    events.publish(NursingAuthorizationRequested::new, created);
                    return created;
                }, NursingAuthorization::id, id -> repository.find(id).orElseThrow());
        return new Created(result.resource(), result.replayed());
    }

    @Transactional
    public NursingAuthorization decide(Actor actor, UUID id, NursingDecision decision) {
        NursingAuthorization current = repository.lock(id)
                .filter(a -> actor.actsAs(Role.SPECIALIST, a.specialistOrgId()) || actor.actsAs(Role.PAYER, a.payerId()))
                .orElseThrow(() -> ApiProblem.notFound("Nursing authorization", id));
        NursingAuthorization decided = current.decide(decision, clock.instant());
        repository.update(decided);
        events.publish(NursingAuthorizationDecided::new, decided);
        return decided;
    }

    @Transactional
    public NursingAuthorization confirmVisit(Actor agency, UUID id, VisitRequest visit) {
        NursingAuthorization confirmed = assignedTo(agency, id).confirmVisit(visit.toVisit(), clock.instant());
        repository.update(confirmed);
        events.publish(NurseVisitConfirmed::new, confirmed);
        return confirmed;
    }

    /** Cancelling a visit that is not there changes nothing and says nothing: DELETE is idempotent. */
    @Transactional
    public NursingAuthorization cancelVisit(Actor agency, UUID id) {
        NursingAuthorization current = assignedTo(agency, id);
        if (!current.hasVisit()) {
            return current;
        }
        NursingAuthorization cancelled = current.cancelVisit(clock.instant());
        repository.update(cancelled);
        events.publish(NurseVisitCancelled::new, cancelled);
        return cancelled;
    }

    /**
     * Not idempotent on purpose: each call records one more visit. A retry after a lost response finds
     * the slot cleared and gets a 409, so a visit is never counted twice.
     */
    @Transactional
    public NursingAuthorization completeVisit(Actor agency, UUID id) {
        NursingAuthorization completed = assignedTo(agency, id).completeVisit(clock.instant());
        repository.update(completed);
        events.publish(NurseVisitCompleted::new, completed);
        return completed;
    }

    @Transactional(readOnly = true)
    public NursingAuthorization get(Actor actor, UUID id) {
        return repository.find(id).filter(a -> a.visibleTo(actor.org()))
                .orElseThrow(() -> ApiProblem.notFound("Nursing authorization", id));
    }

    @Transactional(readOnly = true)
    public List<NursingAuthorization> byCase(Actor actor, String caseId) {
        return repository.findByCaseVisibleTo(caseId, actor.org());
    }

    private NursingAuthorization assignedTo(Actor agency, UUID id) {
        return repository.lock(id).filter(a -> agency.actsAs(Role.AGENCY, a.agencyOrgId()))
                .orElseThrow(() -> ApiProblem.notFound("Nursing authorization", id));
    }
}
