package org.homeinfusion.support.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox relays.
 *
 * @param delivery         AT_LEAST_ONCE for pillar events (consumers drop versions they have seen);
 *                         EXACTLY_ONCE where the contract promises one record per version
 * @param batchSize        rows relayed per broker round trip
 * @param pollInterval     how often to look for rows committed by other instances; rows committed by
 *                         this instance wake the relay at once
 * @param relayName        names the relay's transactional id and checkpoint topic (EXACTLY_ONCE)
 * @param topicPartitions  partitions of the topics this service creates
 * @param retryBackoff     pause after a failed relay attempt (broker down), before trying again
 */
@ConfigurationProperties("home-infusion.outbox")
public record OutboxProperties(
        @DefaultValue("AT_LEAST_ONCE") Delivery delivery,
        @DefaultValue("500") int batchSize,
        @DefaultValue("250ms") Duration pollInterval,
        String relayName,
        @DefaultValue("6") int topicPartitions,
        @DefaultValue("1s") Duration retryBackoff) {

    public enum Delivery { AT_LEAST_ONCE, EXACTLY_ONCE }
}
