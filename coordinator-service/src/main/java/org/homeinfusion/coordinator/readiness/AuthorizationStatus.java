package org.homeinfusion.coordinator.readiness;

/** The coordinator's own copy of the pillar services' status, so readiness rules never depend on the wire format. */
public enum AuthorizationStatus {
    REQUESTED, PENDED, APPROVED, PARTIALLY_APPROVED, DENIED, CANCELLED, NOT_REQUIRED
}
