package org.homeinfusion.coordinator.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A subscription as the API shows it: everything but the secret, which cannot be read back. {@code rotationEndsAt}
 * is set while a rotation overlap runs, i.e. while deliveries carry the replaced secret's signature too.
 */
record SubscriptionView(UUID id, String callbackUrl, List<String> eventTypes, Instant createdAt, Instant rotationEndsAt) {

    static SubscriptionView of(Subscription subscription, Instant now) {
        Instant rotationEndsAt = subscription.rotationEndsAt() != null && subscription.rotationEndsAt().isAfter(now)
                ? subscription.rotationEndsAt() : null;
        return new SubscriptionView(subscription.id(), subscription.callbackUrl().toString(), subscription.eventTypes(),
                subscription.createdAt(), rotationEndsAt);
    }
}
