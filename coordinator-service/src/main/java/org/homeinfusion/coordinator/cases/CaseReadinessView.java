package org.homeinfusion.coordinator.cases;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.homeinfusion.coordinator.readiness.Blocker;
import org.homeinfusion.coordinator.readiness.Pillar;
import org.homeinfusion.coordinator.readiness.ReadinessState;
import org.homeinfusion.coordinator.readiness.Schedule;

/**
 * {@code GET /api/cases/{caseId}/readiness}: the verdict, every blocker, the authorization that counts
 * for each pillar, and (when READY) the schedule and the sentence to read out; with the case's open alerts and
 * its next deadline.
 */
record CaseReadinessView(
        String caseId,
        String specialistOrgId,
        ReadinessState state,
        long readinessVersion,
        List<Blocker> blockers,
        Map<String, Object> pillars,
        Schedule schedule,
        String summary,
        long openAlerts,
        Instant nextDeadline,
        Instant updatedAt) {

    static CaseReadinessView of(CaseRecord record, boolean withPillars, CaseAlertSummaries.Summary alerts) {
        Map<String, Object> pillars = null;
        if (withPillars) {
            pillars = new LinkedHashMap<>();
            for (Pillar pillar : Pillar.values()) {
                pillars.put(pillar.name().toLowerCase(java.util.Locale.ROOT),
                        record.authorizations().current(pillar).orElse(null));
            }
        }
        return new CaseReadinessView(record.key().caseId(), record.key().specialistOrgId(), record.readiness().state(),
                record.recorded().readinessVersion(), record.readiness().blockers(), pillars,
                record.readiness().isReady() ? record.readiness().schedule() : null, record.readiness().summary(),
                alerts.openAlerts(), record.revisitAt(), record.updatedAt());
    }
}
