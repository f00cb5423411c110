package org.homeinfusion.coordinator.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.homeinfusion.coordinator.readiness.Authorization;
import org.homeinfusion.coordinator.readiness.AuthorizationStatus;
import org.homeinfusion.coordinator.readiness.CaseAuthorizations;
import org.homeinfusion.coordinator.readiness.CaseReadinessSaga;
import org.homeinfusion.coordinator.readiness.CaseReadinessStep;
import org.homeinfusion.coordinator.readiness.Emission;
import org.homeinfusion.coordinator.readiness.Readiness;
import org.homeinfusion.coordinator.readiness.RecordedReadiness;
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
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer timeToReady;

    CaseProcessor(CaseStore store, CaseReadinessSaga saga, ReadinessEventPublisher publisher, Clock clock,
            MeterRegistry meters) {
        this.store = store;
        this.saga = saga;
        this.publisher = publisher;
        this.clock = clock;
        this.meters = meters;
        this.timeToReady = Timer.builder("readiness.time.to.ready")
                .description("From a case's first pillar event to its first READY")
                .publishPercentileHistogram().register(meters);
    }

    /** Processes the batch and returns the events it emitted, in order. */
    @Transactional
    public List<Emission> process(List<PillarUpdate> updates) {
        // Cases are locked in a fixed order so two instances sharing a batch's cases cannot deadlock.
        Map<CaseKey, List<Authorization>> byCase = new TreeMap<>();
        for (PillarUpdate update : updates) {
            byCase.computeIfAbsent(update.caseKey(), key -> new ArrayList<>()).add(update.authorization());
        }
        List<Emission> emitted = new ArrayList<>();
        Instant now = clock.instant();
        for (Map.Entry<CaseKey, List<Authorization>> entry : byCase.entrySet()) {
            emitted.addAll(processCase(entry.getKey(), entry.getValue(), now));
        }
        return emitted;
    }

    private List<Emission> processCase(CaseKey key, List<Authorization> incoming, Instant now) {
        CaseRecord before = store.lock(key, now);
        CaseAuthorizations authorizations = before.authorizations();
        RecordedReadiness recorded = before.recorded();
        Readiness readiness = before.readiness();
        Instant readyAt = before.readyAt();
        List<Emission> emitted = new ArrayList<>();
        for (Authorization authorization : incoming) {
            CaseReadinessStep step = saga.handle(authorizations, recorded, authorization);
            authorizations = step.authorizations();
            recorded = step.recorded();
            readiness = step.readiness();
            step.emission().ifPresent(emission -> {
                publisher.publish(key, emission);
                emitted.add(emission);
                meters.counter("readiness.events", "type", emission.getClass().getSimpleName()).increment();
            });
            if (readyAt == null && readiness.isReady()) {
                readyAt = now;
                timeToReady.record(Duration.between(before.firstEventAt(), now));
            }
        }
        if (readiness == null) {
            return emitted;
        }
        store.save(before, new CaseRecord(key, authorizations, recorded, readiness,
                participants(key, authorizations), before.firstEventAt(), readyAt, now));
        return emitted;
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

    Optional<CaseRecord> find(CaseKey key) {
        return store.find(key);
    }
}
