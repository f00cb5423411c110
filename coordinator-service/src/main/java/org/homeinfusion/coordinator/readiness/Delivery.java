package org.homeinfusion.coordinator.readiness;

import java.time.OffsetDateTime;

/** A promised delivery window; it only counts as scheduled when both ends are known. */
public record Delivery(OffsetDateTime etaStart, OffsetDateTime etaEnd) {

    public boolean isScheduled() {
        return etaStart != null && etaEnd != null;
    }
}
