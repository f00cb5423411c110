package org.homeinfusion.coordinator.notification;

/** Where a delivery stands; DELIVERED and ABANDONED are final. */
enum DeliveryStatus {
    /** Waiting for its next attempt. */
    PENDING,
    /** Claimed by a dispatcher; if that dispatcher dies, the claim lapses and another takes it over. */
    IN_FLIGHT,
    DELIVERED,
    /** Still failing when the maximum age was reached. */
    ABANDONED
}
