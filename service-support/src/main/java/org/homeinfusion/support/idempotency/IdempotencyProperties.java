package org.homeinfusion.support.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long an Idempotency-Key is remembered. Clients retry within minutes; a day covers a retry after an
 * overnight outage, and bounds the table instead of keeping every key forever.
 *
 * @param retention     a key older than this is forgotten: the same key then creates a new resource
 * @param purgeInterval how often expired keys are deleted (they are ignored from the moment they expire)
 * @param purgeBatch    keys deleted per statement, so each delete stays short
 */
@ConfigurationProperties("home-infusion.idempotency")
public record IdempotencyProperties(
        @DefaultValue("24h") Duration retention,
        @DefaultValue("10m") Duration purgeInterval,
        @DefaultValue("1000") int purgeBatch) {

    public IdempotencyProperties {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("home-infusion.idempotency.retention must be positive");
        }
        if (purgeInterval.isNegative() || purgeInterval.isZero() || purgeBatch < 1) {
            throw new IllegalArgumentException("home-infusion.idempotency.purge-interval and purge-batch must be positive");
        }
    }
}
