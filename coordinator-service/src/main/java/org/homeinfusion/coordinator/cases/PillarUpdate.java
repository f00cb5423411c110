package org.homeinfusion.coordinator.cases;

import org.homeinfusion.coordinator.readiness.Authorization;

/** One authorization copy read from a pillar topic, for the case it belongs to. */
public record PillarUpdate(CaseKey caseKey, Authorization authorization) {
}
