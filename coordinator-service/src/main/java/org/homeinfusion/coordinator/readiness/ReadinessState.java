package org.homeinfusion.coordinator.readiness;

/** Whether a case may be scheduled. */
public enum ReadinessState {
    READY, NOT_READY
}
