package org.homeinfusion.coordinator.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook secret rotation. Long enough by default for a receiver to deploy its new secret; bounded, because a
 * leaked secret being rotated away must stop working within a known time.
 *
 * @param defaultOverlap how long the replaced secret keeps signing when the request names no overlap
 * @param maxOverlap     the longest overlap a request may ask for (400 {@code OVERLAP_TOO_LONG} beyond)
 */
@ConfigurationProperties("home-infusion.webhooks.secret-rotation")
record SecretRotationProperties(
        @DefaultValue("24h") Duration defaultOverlap,
        @DefaultValue("7d") Duration maxOverlap) {

    SecretRotationProperties {
        if (defaultOverlap.isNegative() || defaultOverlap.compareTo(maxOverlap) > 0) {
            throw new IllegalArgumentException(
                    "home-infusion.webhooks.secret-rotation: default-overlap must be between 0 and max-overlap");
        }
    }
}
