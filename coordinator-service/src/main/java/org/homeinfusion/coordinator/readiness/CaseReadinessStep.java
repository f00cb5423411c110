package org.homeinfusion.coordinator.readiness;

import java.util.Optional;

/**
 * The outcome of feeding one authorization copy to a case: its new state to persist, the verdict to
 * serve on the readiness API, and the event to publish, if any.
 */
public record CaseReadinessStep(
        CaseAuthorizations authorizations,
        RecordedReadiness recorded,
        Readiness readiness,
        Optional<Emission> emission) {
}
