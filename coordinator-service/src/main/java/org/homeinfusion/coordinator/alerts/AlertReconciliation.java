package org.homeinfusion.coordinator.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Compares what holds for a case now (the planned alerts) with what was stored, and says what to change: plan,
 * re-date or drop waiting deadlines, raise the ones that fell due, resolve open alerts whose condition ended. A pure
 * function of its inputs; run under the case's row lock, so two runs never decide about the same alert at once.
 */
record AlertReconciliation(List<PlannedAlert> toSchedule, List<PlannedAlert> toReschedule, List<UUID> toCancel,
                           List<PlannedAlert> toRaise, List<PlannedAlert> toSkip, List<StoredAlert> toResolve) {

    static AlertReconciliation of(List<StoredAlert> stored, List<PlannedAlert> planned, Instant now) {
        Map<UUID, StoredAlert> byId = new HashMap<>();
        stored.forEach(alert -> byId.put(alert.alertId(), alert));
        Set<UUID> holding = new HashSet<>();
        List<PlannedAlert> schedule = new ArrayList<>();
        List<PlannedAlert> reschedule = new ArrayList<>();
        List<PlannedAlert> due = new ArrayList<>();
        for (PlannedAlert alert : planned) {
            holding.add(alert.alertId());
            StoredAlert known = byId.get(alert.alertId());
            if (known != null && known.state() != AlertState.PENDING) {
                continue; // raised, resolved or skipped once: never again
            }
            if (!alert.dueAt().isAfter(now)) {
                due.add(alert);
            } else if (known == null) {
                schedule.add(alert);
            } else if (!known.dueAt().equals(alert.dueAt())) {
                reschedule.add(alert);
            }
        }
        List<PlannedAlert> raise = new ArrayList<>();
        List<PlannedAlert> skip = new ArrayList<>();
        Map<String, PlannedAlert> latestOfSeries = new HashMap<>();
        for (PlannedAlert alert : due) {
            if (alert.series() != null) {
                latestOfSeries.merge(alert.series(), alert, (a, b) -> b.dueAt().isAfter(a.dueAt()) ? b : a);
            }
        }
        for (PlannedAlert alert : due) {
            if (alert.series() == null || latestOfSeries.get(alert.series()) == alert) {
                raise.add(alert);
            } else {
                skip.add(alert);
            }
        }
        List<UUID> cancel = new ArrayList<>();
        List<StoredAlert> resolve = new ArrayList<>();
        for (StoredAlert alert : stored) {
            if (holding.contains(alert.alertId())) {
                continue;
            }
            if (alert.state() == AlertState.PENDING) {
                cancel.add(alert.alertId());
            } else if (alert.state() == AlertState.OPEN) {
                resolve.add(alert);
            }
        }
        return new AlertReconciliation(schedule, reschedule, cancel, raise, skip, resolve);
    }

    boolean isEmpty() {
        return toSchedule.isEmpty() && toReschedule.isEmpty() && toCancel.isEmpty() && toRaise.isEmpty()
                && toSkip.isEmpty() && toResolve.isEmpty();
    }
}
