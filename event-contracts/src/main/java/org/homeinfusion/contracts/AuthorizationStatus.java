package org.homeinfusion.contracts;

/** Status of an authorization of any pillar as it travels in events. */
public enum AuthorizationStatus {
    REQUESTED, PENDED, APPROVED, PARTIALLY_APPROVED, DENIED, CANCELLED, NOT_REQUIRED
}
