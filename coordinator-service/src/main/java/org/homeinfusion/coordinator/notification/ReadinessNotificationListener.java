package org.homeinfusion.coordinator.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.homeinfusion.contracts.CloudEventHeaders;
import org.homeinfusion.coordinator.CoordinatorProperties;
import org.homeinfusion.coordinator.kafka.IncomingRecord;
import org.homeinfusion.coordinator.kafka.UntilStored;
import org.homeinfusion.support.tracing.TracePropagation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The two readers of {@code case-readiness.events}, both taking batches. {@code readinessNotifications} (one
 * consumer group for all instances) turns a batch of events into durable webhook deliveries in one statement;
 * {@code readinessStream} (an anonymous group per instance, from the latest offset) hands every event to this
 * instance's live streams, since each instance serves its own stream clients.
 */
@Configuration(proxyBeanMethods = false)
class ReadinessNotificationListener {

    private static final Logger log = LoggerFactory.getLogger(ReadinessNotificationListener.class);

    @Bean
    Consumer<Message<List<byte[]>>> readinessNotifications(DeliveryStore deliveries, WebhookDispatcher dispatcher,
            CoordinatorProperties properties, Clock clock, MeterRegistry meters) {
        Counter skipped = Counter.builder("webhook.records.skipped")
                .description("Readiness records no subscriber can ask for, or that could not be read").register(meters);
        return batch -> {
            List<ReadinessRecord> records = new ArrayList<>();
            for (IncomingRecord incoming : IncomingRecord.unpack(batch)) {
                ReadinessRecord.from(incoming).ifPresentOrElse(records::add, skipped::increment);
            }
            if (records.isEmpty()) {
                return;
            }
            // The offset must not move past an event whose deliveries are not stored: its subscribers would never hear of it.
            int scheduled = UntilStored.run("Scheduling webhook deliveries", properties.intakeRetryBackoff(),
                    properties.intakeMaxBackoff(), () -> deliveries.scheduleAll(records, clock.instant()));
            if (scheduled > 0) {
                log.debug("Scheduled {} webhook deliveries of {} events", scheduled, records.size());
                dispatcher.wakeUp();
            }
        };
    }

    /**
     * Hands every event to the streams, which keep the last ones for clients that reconnect. Handing an event to
     * open streams is a span of the trace its record carries.
     */
    @Bean
    Consumer<Message<List<byte[]>>> readinessStream(ReadinessStreams streams, TracePropagation tracing) {
        return batch -> {
            for (IncomingRecord incoming : IncomingRecord.unpack(batch)) {
                if (!streams.hasClients()) {
                    streams.publish(incoming);
                    continue;
                }
                Span span = tracing.start("readiness stream "
                        + CloudEventHeaders.eventName(incoming.header(CloudEventHeaders.TYPE)), Span.Kind.PRODUCER,
                        incoming::header);
                try (Tracer.SpanInScope inScope = tracing.inScope(span)) {
                    streams.publish(incoming);
                } finally {
                    span.end();
                }
            }
        };
    }
}
