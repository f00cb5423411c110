package org.homeinfusion.coordinator.readiness;

import java.util.Optional;

/**
 * The saga's decision for one new verdict. Persist {@code recorded} and the emission together (an
 * outbox), or a crash between the two would lose or repeat an announcement.
 */
public record ReadinessTransition(RecordedReadiness recorded, Optional<Emission> emission) {
}
