package org.homeinfusion.coordinator.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A subscription as the API shows it: everything but the secret, which cannot be read back. */
record SubscriptionView(UUID id, String callbackUrl, List<String> eventTypes, Instant createdAt) {

    static SubscriptionView of(Subscription subscription) {
        return new SubscriptionView(subscription.id(), subscription.callbackUrl().toString(), subscription.eventTypes(),
                subscription.createdAt());
    }
}
