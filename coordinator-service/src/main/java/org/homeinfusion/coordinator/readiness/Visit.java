package org.homeinfusion.coordinator.readiness;

import java.time.OffsetDateTime;

/**
 * The agency's confirmed nurse visit. Its offset is the patient's local time: every date rule and
 * every time read out to the specialist is taken in it.
 */
public record Visit(OffsetDateTime start, int expectedDurationMinutes, String nurseName) {

    public boolean isConfirmed() {
        return start != null;
    }
}
