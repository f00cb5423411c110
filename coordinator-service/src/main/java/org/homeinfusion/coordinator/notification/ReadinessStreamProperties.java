package org.homeinfusion.coordinator.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live readiness stream ({@code GET /api/readiness/stream}).
 *
 * @param heartbeatInterval          a comment is sent this often so proxies keep an idle stream open
 * @param timeout                    a stream is closed after this long; clients reconnect (EventSource does so itself)
 * @param maxClientsPerOrganization  open streams allowed per organization on one instance (429 beyond)
 * @param queueCapacity              events waiting for one slow client before it is disconnected
 * @param senderThreads              threads writing to clients, so a slow client never holds up the Kafka consumer
 * @param replayWindow               how long events are kept for streams that reconnect with {@code Last-Event-ID}
 * @param replayCapacity             at most this many events are kept for them (the newest)
 */
@ConfigurationProperties("home-infusion.readiness-stream")
record ReadinessStreamProperties(
        @DefaultValue("15s") Duration heartbeatInterval,
        @DefaultValue("30m") Duration timeout,
        @DefaultValue("20") int maxClientsPerOrganization,
        @DefaultValue("100") int queueCapacity,
        @DefaultValue("4") int senderThreads,
        @DefaultValue("15m") Duration replayWindow,
        @DefaultValue("5000") int replayCapacity) {
}
