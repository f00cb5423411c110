package org.homeinfusion.coordinator.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook subscriptions and their delivery. The defaults are the production posture: callbacks to
 * loopback and private addresses are refused; the local stack opts in to loopback in application.yml.
 *
 * @param allowLoopback                  accept callbacks resolving to 127.0.0.0/8, ::1 or the unspecified address
 * @param allowPrivateNetworks           accept private, link-local, unique-local and carrier-grade NAT addresses
 * @param connectTimeout                 TCP (and TLS) connection set-up per attempt
 * @param requestTimeout                 from sending the request to receiving the response headers
 * @param maxAttempts                    attempts in one retry cycle, the first included
 * @param initialBackoff                 pause before the first retry of a cycle, multiplied by
 *                                       {@code backoffMultiplier} for each further one, capped at {@code maxBackoff}
 * @param rescheduleDelay                after a failed cycle, how long until the next cycle
 * @param maxAge                         a delivery still failing this long after its event arrived is ABANDONED
 * @param claimTimeout                   lease of a claimed delivery; past it another instance may take it over, so it
 *                                       must exceed the longest possible cycle (checked at start-up)
 * @param pollInterval                   how often a dispatcher looks for deliveries other instances scheduled
 * @param maxInFlight                    deliveries one instance works on at once (they do not hold threads)
 * @param maxInFlightPerEndpoint         of those, how many may target one endpoint, so a slow one cannot take all;
 *                                       must be below {@code dispatcherThreads}
 * @param dispatcherThreads              threads for the blocking parts of a delivery (DNS checks, database writes);
 *                                       HTTP exchanges and retry pauses hold no thread
 * @param circuitBreaker                 when one endpoint is considered down and skipped
 * @param maxSubscriptionsPerOrganization refuses more subscriptions than this per organization (422)
 * @param retention                      finished deliveries and their attempts are kept this long for the log
 * @param maintenanceInterval            how often the backlog gauge is refreshed and old deliveries purged
 * @param attemptsShownPerDelivery       how many of a delivery's most recent attempts the delivery log shows
 */
@ConfigurationProperties("home-infusion.webhooks")
record WebhookProperties(
        @DefaultValue("false") boolean allowLoopback,
        @DefaultValue("false") boolean allowPrivateNetworks,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration requestTimeout,
        @DefaultValue("4") int maxAttempts,
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("2") double backoffMultiplier,
        @DefaultValue("30s") Duration maxBackoff,
        @DefaultValue("5m") Duration rescheduleDelay,
        @DefaultValue("24h") Duration maxAge,
        @DefaultValue("2m") Duration claimTimeout,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("64") int maxInFlight,
        @DefaultValue("4") int maxInFlightPerEndpoint,
        @DefaultValue("8") int dispatcherThreads,
        @DefaultValue BreakerSettings circuitBreaker,
        @DefaultValue("25") int maxSubscriptionsPerOrganization,
        @DefaultValue("14d") Duration retention,
        @DefaultValue("30s") Duration maintenanceInterval,
        @DefaultValue("20") int attemptsShownPerDelivery) {

    /**
     * @param failureRateThreshold percentage of failed calls, over the last {@code slidingWindowSize} calls, that opens it
     * @param minimumCalls         calls needed before the rate counts, so one early failure does not open it
     * @param openDuration         how long an open breaker refuses calls before letting one probe through
     */
    record BreakerSettings(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("10") int slidingWindowSize,
            @DefaultValue("5") int minimumCalls,
            @DefaultValue("30s") Duration openDuration) {
    }

    WebhookProperties {
        require(maxAttempts >= 1, "max-attempts must be at least 1");
        require(backoffMultiplier >= 1, "backoff-multiplier must be at least 1");
        require(maxInFlight >= 1 && maxInFlightPerEndpoint >= 1, "max-in-flight limits must be at least 1");
        // Otherwise one endpoint whose DNS lookups hang could hold every dispatcher thread.
        require(maxInFlightPerEndpoint < dispatcherThreads, "max-in-flight-per-endpoint must be below dispatcher-threads");
        require(maxSubscriptionsPerOrganization >= 1, "max-subscriptions-per-organization must be at least 1");
        require(attemptsShownPerDelivery >= 1, "attempts-shown-per-delivery must be at least 1");
        Duration longestCycle = longestCycle(maxAttempts, connectTimeout, requestTimeout, initialBackoff,
                backoffMultiplier, maxBackoff);
        // A lease shorter than a cycle would let a second instance send the same delivery while the first still works on it.
        require(claimTimeout.compareTo(longestCycle) > 0, "claim-timeout (" + claimTimeout
                + ") must exceed the longest retry cycle (" + longestCycle + ")");
    }

    /** Every attempt timing out at connect and at response, plus every pause between them. */
    static Duration longestCycle(int maxAttempts, Duration connectTimeout, Duration requestTimeout,
            Duration initialBackoff, double multiplier, Duration maxBackoff) {
        Duration total = connectTimeout.plus(requestTimeout).multipliedBy(maxAttempts);
        double pause = initialBackoff.toMillis();
        for (int retry = 1; retry < maxAttempts; retry++) {
            total = total.plusMillis((long) Math.min(pause, maxBackoff.toMillis()));
            pause *= multiplier;
        }
        return total;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("home-infusion.webhooks: " + message);
        }
    }
}
