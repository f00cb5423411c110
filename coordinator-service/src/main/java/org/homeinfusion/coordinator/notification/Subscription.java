package org.homeinfusion.coordinator.notification;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An organization's request to be called back when readiness changes in a case it takes part in.
 * {@code rotationEndsAt} is when the secret replaced by the last rotation stops signing (null: never rotated,
 * or rotated without overlap).
 */
record Subscription(UUID id, String orgId, URI callbackUrl, String secret, List<String> eventTypes, Instant createdAt,
                    Instant rotationEndsAt) {

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "Subscription[id=" + id + ", orgId=" + orgId + ", callbackUrl=" + callbackUrl + ", eventTypes=" + eventTypes + "]";
    }
}
