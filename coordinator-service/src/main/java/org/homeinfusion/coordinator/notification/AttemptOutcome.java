package org.homeinfusion.coordinator.notification;

/** How one HTTP attempt of a delivery ended. */
enum AttemptOutcome {
    /** The receiver answered 2xx. */
    DELIVERED,
    /** The receiver answered, but not 2xx. */
    HTTP_ERROR,
    /** No response within the configured timeouts. */
    TIMEOUT,
    /** Connection refused or reset, or the host did not resolve. */
    NETWORK_ERROR,
    /** The host now resolves to an address the policy refuses; nothing was sent. */
    HOST_NOT_ALLOWED
}
