package org.homeinfusion.coordinator.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.homeinfusion.contracts.CloudEventHeaders;
import org.homeinfusion.contracts.EventJson;
import org.homeinfusion.coordinator.kafka.IncomingRecord;
import org.homeinfusion.support.tracing.TracePropagation;
import tools.jackson.databind.JsonNode;

/**
 * One record of {@code case-readiness.events} or {@code case-alerts.events} as the notifications need it: its
 * identity (ce_id), its event name, the case it concerns and the value exactly as published, which is what
 * subscribers get.
 *
 * @param audience who may hear of it when the event says so itself (an alert: its case's specialist organization
 *                 and every organization its actions name); null for readiness events, which go to every
 *                 organization taking part in the case
 * @param traceParent the W3C trace context the record carries (its {@code traceparent} header), or null
 */
record ReadinessRecord(String eventId, String eventType, String specialistOrgId, String caseId, byte[] payload,
                       Instant occurredAt, Set<String> audience, String traceParent) {

    /** Ids longer than this are not ours; refusing them keeps the delivery table's keys bounded. */
    private static final int EVENT_ID_MAX = 128;

    /**
     * The record, or empty when it is not a readiness event a subscriber can ask for or cannot be
     * read; such records are skipped, since they can never be notified.
     */
    static Optional<ReadinessRecord> from(IncomingRecord record) {
        byte[] value = record.value();
        String eventType = CloudEventHeaders.eventName(record.header(CloudEventHeaders.TYPE));
        if (value == null || value.length == 0 || eventType == null || !NotifiedEvents.isNotified(eventType)) {
            return Optional.empty();
        }
        JsonNode event;
        try {
            event = EventJson.mapper().readTree(value);
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
        String specialistOrgId = textField(event, "specialistOrgId");
        String caseId = textField(event, "caseId");
        if (specialistOrgId == null || caseId == null) {
            return Optional.empty();
        }
        String eventId = eventIdOf(record);
        JsonNode actions = event.get("actions");
        Set<String> audience = null;
        if (actions != null && actions.isArray()) {
            audience = new LinkedHashSet<>();
            audience.add(specialistOrgId);
            for (JsonNode action : actions) {
                String orgId = textField(action, "orgId");
                if (orgId != null) {
                    audience.add(orgId);
                }
            }
        }
        String occurredAt = textField(event, "occurredAt");
        return Optional.of(new ReadinessRecord(eventId, eventType, specialistOrgId, caseId, value,
                occurredAt(occurredAt != null ? occurredAt : textField(event, "raisedAt")), audience,
                traceParent(record.header(TracePropagation.TRACEPARENT))));
    }

    /** The record's ce_id; without a usable one, an id still stable across redeliveries: from its position. */
    static String eventIdOf(IncomingRecord record) {
        String eventId = record.header(CloudEventHeaders.ID);
        return eventId == null || eventId.isBlank() || eventId.length() > EVENT_ID_MAX
                ? UUID.nameUUIDFromBytes(record.origin().getBytes(StandardCharsets.UTF_8)).toString() : eventId;
    }

    /** A traceparent is 55 characters; anything much longer is not one and is not kept. */
    private static String traceParent(String header) {
        return header == null || header.length() > 128 ? null : header;
    }

    /** The audience for a delivery query: the organizations joined by commas (ids never hold one), or null. */
    String audienceList() {
        return audience == null ? null : String.join(",", audience);
    }

    String json() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** When the readiness changed; a subscription created later does not receive it. */
    private static Instant occurredAt(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (java.time.format.DateTimeParseException unreadable) {
            return null;
        }
    }

    private static String textField(JsonNode event, String name) {
        JsonNode field = event.get(name);
        return field == null || !field.isString() ? null : field.asString();
    }
}
