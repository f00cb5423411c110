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
 * Compares what holds for a case now (the planned alerts) with the alerts it already raised or skipped, and says
 * what to do: raise the ones that fell due, resolve open ones whose condition ended, and when to look again (the
 * earliest deadline still ahead). A pure function of its inputs; run under the case's row lock, so two runs never
 * decide about the same alert at once.
 *
 * @param revisitAt the earliest due time of a planned alert not yet raised, or null when nothing waits
 */
record AlertReconciliation(List<PlannedAlert> toRaise, List<PlannedAlert> toSkip, List<StoredAlert> toResolve,
                           Instant revisitAt) {

    static AlertReconciliation of(List<StoredAlert> stored, List<PlannedAlert> planned, Instant now) {
        Set<UUID> settled = new HashSet<>();
        stored.forEach(alert -> settled.add(alert.alertId()));
        Set<UUID> holding = new HashSet<>();
        List<PlannedAlert> due = new ArrayList<>();
        Instant revisitAt = null;
        for (PlannedAlert alert : planned) {
            holding.add(alert.alertId());
            if (settled.contains(alert.alertId())) {
                continue; // raised, resolved or skipped once: never again
            }
            if (!alert.dueAt().isAfter(now)) {
                due.add(alert);
            } else if (revisitAt == null || alert.dueAt().isBefore(revisitAt)) {
                revisitAt = alert.dueAt();
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
        List<StoredAlert> resolve = new ArrayList<>();
        for (StoredAlert alert : stored) {
            if (alert.state() == AlertState.OPEN && !holding.contains(alert.alertId())) {
                resolve.add(alert);
            }
        }
        return new AlertReconciliation(raise, skip, resolve, revisitAt);
    }

    boolean changesNothingStored() {
        return toRaise.isEmpty() && toSkip.isEmpty() && toResolve.isEmpty();
    }
}
