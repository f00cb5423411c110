package org.homeinfusion.support.outbox;

import java.time.Instant;
import java.util.Map;

/** One stored event waiting for the relay. */
record OutboxRecord(long position, String topic, String key, String eventType, Map<String, String> headers,
                    String payload, Instant createdAt) {
}
