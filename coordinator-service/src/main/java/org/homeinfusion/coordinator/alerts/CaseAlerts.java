package org.homeinfusion.coordinator.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.homeinfusion.contracts.ContractEvent;
import org.homeinfusion.contracts.Topics;
import org.homeinfusion.contracts.alerts.AlertEvent;
import org.homeinfusion.coordinator.cases.CaseAlertSummaries;
import org.homeinfusion.coordinator.cases.CaseChange;
import org.homeinfusion.coordinator.cases.CaseFollowUp;
import org.homeinfusion.coordinator.cases.CaseKey;
import org.homeinfusion.coordinator.cases.CaseRecord;
import org.springframework.stereotype.Component;

/**
 * The alerts of each changed case, in the transaction that changed it (or that the clock opened for it): plan what
 * holds now, reconcile it with what is stored, and return the raised and resolved alerts for the outbox. The case's
 * row lock serializes this with every other change of the case, on every instance, so an alert is raised once.
 */
@Component
class CaseAlerts implements CaseFollowUp, CaseAlertSummaries {

    private final AlertPlanner planner;
    private final AlertStore store;
    private final MeterRegistry meters;

    CaseAlerts(AlertPlanner planner, AlertStore store, MeterRegistry meters) {
        this.planner = planner;
        this.store = store;
        this.meters = meters;
    }

    @Override
    public String topic() {
        return Topics.CASE_ALERTS_EVENTS;
    }

    @Override
    public Outcome afterChanges(List<CaseChange> changes, Instant now) {
        if (changes.isEmpty()) {
            return Outcome.NOTHING;
        }
        Map<CaseKey, List<StoredAlert>> stored = store.forCases(changes.stream().map(c -> c.after().key()).toList());
        AlertStore.Writes writes = new AlertStore.Writes();
        List<ContractEvent> events = new ArrayList<>();
        Map<CaseKey, Instant> revisitAt = new HashMap<>();
        for (CaseChange change : changes) {
            CaseRecord record = change.after();
            CaseKey key = record.key();
            List<PlannedAlert> planned = planner.plan(key.specialistOrgId(), key.caseId(), record.authorizations(),
                    record.readiness(), now);
            AlertReconciliation reconciliation = AlertReconciliation.of(stored.getOrDefault(key, List.of()), planned, now);
            if (reconciliation.revisitAt() != null) {
                revisitAt.put(key, reconciliation.revisitAt());
            }
            if (reconciliation.changesNothingStored()) {
                continue;
            }
            reconciliation.toSkip().forEach(alert -> writes.skip(key, alert));
            for (PlannedAlert alert : reconciliation.toRaise()) {
                AlertEvent event = AlertEvents.raised(key, alert, now);
                writes.raise(key, alert, event);
                events.add(event);
                meters.counter("alerts.raised", "type", alert.type().name(), "severity", alert.severity().name())
                        .increment();
            }
            for (StoredAlert alert : reconciliation.toResolve()) {
                String reason = Resolutions.reason(alert, record);
                writes.resolve(alert, reason, now);
                events.add(AlertEvents.resolved(key, alert, reason, now));
                meters.counter("alerts.resolved", "type", alert.type().name()).increment();
            }
        }
        store.apply(writes);
        return new Outcome(events, revisitAt);
    }

    @Override
    public Map<CaseKey, Summary> of(Collection<CaseKey> keys) {
        return keys.isEmpty() ? Map.of() : store.summaries(keys);
    }
}
