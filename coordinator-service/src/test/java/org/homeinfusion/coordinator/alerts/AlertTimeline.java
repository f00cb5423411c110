package org.homeinfusion.coordinator.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.homeinfusion.coordinator.readiness.CaseAuthorizations;
import org.homeinfusion.coordinator.readiness.ReadinessPolicy;

/**
 * One case's alerts over time, without a database: what {@code case_alert} would hold after each look at the case,
 * kept in a map (waiting deadlines are not stored; each look says when to look again). Each {@link #at} is what the intake or the clock does for the case at that moment.
 */
final class AlertTimeline {

    static final AlertProperties DEFAULTS = new AlertProperties(
            List.of(Duration.ofHours(48), Duration.ofHours(24), Duration.ZERO), Duration.ofDays(14), 1,
            new AlertProperties.DecisionClock(Duration.ofDays(7), Duration.ofHours(72), null, null, null, null, null, null),
            Duration.ofSeconds(1), 500);

    private final ReadinessPolicy policy = new ReadinessPolicy();
    private final AlertPlanner planner = new AlertPlanner(DEFAULTS, policy.minimumDrugLeadTime());
    private final Map<UUID, StoredAlert> stored = new LinkedHashMap<>();

    /** What one look raised and resolved, and when the case is to be looked at again. */
    record Look(List<PlannedAlert> raised, List<StoredAlert> resolved, Instant revisitAt) {

        boolean isQuiet() {
            return raised.isEmpty() && resolved.isEmpty();
        }
    }

    Look at(String now, CaseAuthorizations authorizations) {
        return at(Instant.parse(now), authorizations);
    }

    Look at(Instant now, CaseAuthorizations authorizations) {
        List<PlannedAlert> planned = planner.plan("SPEC-1", "CASE-1", authorizations, policy.evaluate(authorizations),
                now);
        AlertReconciliation changes = AlertReconciliation.of(new ArrayList<>(stored.values()), planned, now);
        changes.toSkip().forEach(alert -> store(alert, AlertState.SKIPPED));
        changes.toRaise().forEach(alert -> store(alert, AlertState.OPEN));
        changes.toResolve().forEach(alert -> stored.put(alert.alertId(), new StoredAlert(alert.alertId(), alert.type(),
                AlertState.RESOLVED, alert.dueAt(), alert.series(), alert.actions())));
        return new Look(changes.toRaise(), changes.toResolve(), changes.revisitAt());
    }

    List<StoredAlert> inState(AlertState state) {
        return stored.values().stream().filter(alert -> alert.state() == state).toList();
    }

    private void store(PlannedAlert alert, AlertState state) {
        stored.put(alert.alertId(), new StoredAlert(alert.alertId(), alert.type(), state, alert.dueAt(), alert.series(),
                alert.actions()));
    }
}
