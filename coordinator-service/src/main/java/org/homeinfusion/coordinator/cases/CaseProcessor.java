package org.homeinfusion.coordinator.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.homeinfusion.contracts.ContractEvent;
import org.homeinfusion.coordinator.readiness.Authorization;
import org.homeinfusion.coordinator.readiness.AuthorizationStatus;
import org.homeinfusion.coordinator.readiness.CaseAuthorizations;
import org.homeinfusion.coordinator.readiness.CaseReadinessSaga;
import org.homeinfusion.coordinator.readiness.CaseReadinessStep;
import org.homeinfusion.coordinator.readiness.Emission;
import org.homeinfusion.coordinator.readiness.Readiness;
import org.homeinfusion.coordinator.readiness.RecordedReadiness;
import org.homeinfusion.support.tracing.TracePropagation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the saga over a batch of pillar updates in one database transaction: lock each case, feed it
 * its updates in arrival order, store the new state and append the resulting events to the outbox.
 * Either all of it commits or none, so a crash or a redelivered batch can never emit a version twice:
 * the versions already recorded make the replay a no-op.
 */
@Service
public class CaseProcessor {

    private final CaseStore store;
    private final CaseReadinessSaga saga;
    private final ReadinessEventPublisher publisher;
    private final List<CaseFollowUp> followUps;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer timeToReady;
    private final TracePropagation tracing;

    CaseProcessor(CaseStore store, CaseReadinessSaga saga, ReadinessEventPublisher publisher,
            List<CaseFollowUp> followUps, Clock clock, MeterRegistry meters, TracePropagation tracing) {
        this.tracing = tracing;
        this.store = store;
        this.saga = saga;
        this.publisher = publisher;
        this.followUps = List.copyOf(followUps);
        this.clock = clock;
        this.meters = meters;
        this.timeToReady = Timer.builder("readiness.time.to.ready")
                .description("From a case's first pillar event to its first READY")
                .publishPercentileHistogram().register(meters);
    }

    /** Processes the batch and returns the events it emitted, in order. */
    @Transactional
    public List<Emission> process(List<PillarUpdate> updates) {
        // Hashed, not sorted: comparing thousands of keys by text was 8 % of the intake's CPU samples in a
        // catch-up, and the database takes the row locks in a fixed order (CaseStore.lockAll) whatever the order here.
        Map<CaseKey, List<Authorization>> byCase = new LinkedHashMap<>();
        Map<CaseKey, Map<String, String>> traces = new HashMap<>();
        for (PillarUpdate update : updates) {
            byCase.computeIfAbsent(update.caseKey(), key -> new ArrayList<>()).add(update.authorization());
            if (!update.trace().isEmpty()) {
                traces.put(update.caseKey(), update.trace());
            }
        }
        Instant now = clock.instant();
        Map<CaseKey, CaseRecord> locked = store.lockAll(byCase.keySet(), now);
        List<Emission> emitted = new ArrayList<>();
        List<ContractEvent> events = new ArrayList<>();
        List<CaseChange> changes = new ArrayList<>(byCase.size());
        for (Map.Entry<CaseKey, List<Authorization>> entry : byCase.entrySet()) {
            CaseRecord before = locked.get(entry.getKey());
            CaseRecord after = step(before, entry.getValue(), now, emitted, events);
            if (after != null) {
                changes.add(new CaseChange(before, after));
            }
        }
        List<List<ContractEvent>> followUpEvents = followUp(changes, now);
        store.saveAll(changes);
        Map<String, String> batchTrace = tracing.currentHeaders();
        publish(events, followUpEvents, event -> traces.getOrDefault(
                new CaseKey(event.specialistOrgId(), event.caseId()), batchTrace));
        return emitted;
    }

    /**
     * Brings cases back because time passed rather than because an event came: their follow-ups (the alerts) run
     * again with the current time. Cases another transaction holds are skipped, since that transaction runs the
     * follow-ups itself; a case is never waited for here.
     *
     * @return how many of the cases were revisited
     */
    @Transactional
    public int revisit(Collection<CaseKey> keys) {
        if (keys.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<CaseChange> unchanged = new ArrayList<>(keys.size());
        for (CaseRecord record : store.lockExisting(keys).values()) {
            if (record.readiness() != null) {
                unchanged.add(new CaseChange(record, record));
            }
        }
        List<List<ContractEvent>> followUpEvents = followUp(unchanged, now);
        // Only the time to come back may have changed; write the cases where it did.
        store.saveAll(unchanged.stream().filter(change -> change.after() != change.before())
                .map(change -> new CaseChange(change.before(), change.after().nextRevision())).toList());
        Map<String, String> trace = tracing.currentHeaders();
        publish(List.of(), followUpEvents, event -> trace);
        return unchanged.size();
    }

    /** The cases whose time to be revisited has come, earliest first, read from an index on that time alone. */
    @Transactional(readOnly = true)
    public List<CaseKey> casesToRevisit(Instant now, int limit) {
        return store.casesToRevisit(now, limit);
    }

    /**
     * Runs every follow-up over the changes and records, in each change's new record, the earliest moment any
     * follow-up wants the case back (replacing the change's after-record in place).
     */
    private List<List<ContractEvent>> followUp(List<CaseChange> changes, Instant now) {
        List<List<ContractEvent>> followUpEvents = new ArrayList<>(followUps.size());
        Map<CaseKey, Instant> revisitAt = new HashMap<>();
        for (CaseFollowUp followUp : followUps) {
            CaseFollowUp.Outcome outcome = followUp.afterChanges(changes, now);
            followUpEvents.add(outcome.events());
            outcome.revisitAt().forEach((key, at) -> revisitAt.merge(key, at, (a, b) -> a.isBefore(b) ? a : b));
        }
        for (int i = 0; i < changes.size(); i++) {
            CaseChange change = changes.get(i);
            CaseRecord after = change.after().revisitingAt(revisitAt.get(change.after().key()));
            if (after != change.after()) {
                changes.set(i, new CaseChange(change.before(), after));
            }
        }
        return followUpEvents;
    }

    /** Readiness events first, then each follow-up's, all appended last: the outbox's order lock is held to commit. */
    private void publish(List<ContractEvent> readinessEvents, List<List<ContractEvent>> followUpEvents,
            Function<ContractEvent, Map<String, String>> traceOf) {
        publisher.publishAll(readinessEvents, traceOf);
        for (int i = 0; i < followUps.size(); i++) {
            publisher.publishAll(followUps.get(i).topic(), followUpEvents.get(i), traceOf);
        }
    }

    /** Feeds one case its updates in arrival order; returns its new record, or null if it never got a verdict. */
    private CaseRecord step(CaseRecord before, List<Authorization> incoming, Instant now, List<Emission> emitted,
            List<ContractEvent> events) {
        CaseKey key = before.key();
        CaseAuthorizations authorizations = before.authorizations();
        RecordedReadiness recorded = before.recorded();
        Readiness readiness = before.readiness();
        Instant readyAt = before.readyAt();
        for (Authorization authorization : incoming) {
            CaseReadinessStep step = saga.handle(authorizations, recorded, authorization);
            authorizations = step.authorizations();
            recorded = step.recorded();
            readiness = step.readiness();
            step.emission().ifPresent(emission -> {
                events.add(ReadinessEventPublisher.toEvent(key, emission));
                emitted.add(emission);
                meters.counter("readiness.events", "type", emission.getClass().getSimpleName()).increment();
            });
            if (readyAt == null && readiness.isReady()) {
                readyAt = now;
                // Never negative: a case first seen by another instance whose clock runs ahead of ours.
                Duration sinceFirstEvent = Duration.between(before.firstEventAt(), now);
                timeToReady.record(sinceFirstEvent.isNegative() ? Duration.ZERO : sinceFirstEvent);
            }
        }
        if (readiness == null) {
            return null;
        }
        return new CaseRecord(key, authorizations, recorded, readiness, participants(key, authorizations),
                before.firstEventAt(), readyAt, now, before.revision() + 1, before.revisitAt());
    }

    /** The specialist organization and every organization assigned to a live authorization of the case. */
    private static Set<String> participants(CaseKey key, CaseAuthorizations authorizations) {
        Set<String> participants = new LinkedHashSet<>();
        participants.add(key.specialistOrgId());
        for (Authorization authorization : authorizations.all()) {
            if (authorization.status() != AuthorizationStatus.CANCELLED && authorization.organizationId() != null) {
                participants.add(authorization.organizationId());
            }
        }
        return participants;
    }

    /** The cases using this caseId in which {@code org} takes part, for modules that serve a case's resources. */
    @Transactional(readOnly = true)
    public List<CaseKey> casesVisibleTo(String caseId, String org) {
        return store.casesWithIdVisibleTo(caseId, org);
    }

    Optional<CaseRecord> find(CaseKey key) {
        return store.find(key);
    }
}
