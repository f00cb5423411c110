package org.homeinfusion.coordinator.cases;

import java.util.Map;

import org.homeinfusion.coordinator.readiness.Authorization;

/**
 * One authorization copy read from a pillar topic, for the case it belongs to.
 *
 * @param trace the trace context of the span that consumed it ({@code traceparent}); the case's readiness and
 *              alert events carry it on, so one trace runs from the pillar's API call to the subscriber's webhook
 */
public record PillarUpdate(CaseKey caseKey, Authorization authorization, Map<String, String> trace) {

    public PillarUpdate(CaseKey caseKey, Authorization authorization) {
        this(caseKey, authorization, Map.of());
    }

    public PillarUpdate tracedAs(Map<String, String> trace) {
        return new PillarUpdate(caseKey, authorization, trace);
    }
}
