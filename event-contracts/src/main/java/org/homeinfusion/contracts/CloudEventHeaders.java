package org.homeinfusion.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * CloudEvents 1.0 Kafka binary-mode headers. The event name travels in {@code ce_type}, so the
 * JSON value carries only the event's data.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";

    /** Prefix of every {@code ce_type}: {@code org.homeinfusion.DrugAuthorizationDecided}. */
    public static final String TYPE_PREFIX = "org.homeinfusion.";

    private CloudEventHeaders() {
    }

    /** The headers of one record, in a stable order. */
    public static Map<String, String> of(UUID id, String eventName, String source, Instant time, String caseId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, id.toString());
        headers.put(TYPE, TYPE_PREFIX + eventName);
        headers.put(SOURCE, source);
        headers.put(TIME, IsoDateTimeWriters.text(time));
        headers.put(SUBJECT, caseId);
        headers.put(SPEC_VERSION, "1.0");
        headers.put(CONTENT_TYPE, "application/json");
        return headers;
    }

    /** The event name inside a {@code ce_type} value, or the value itself when it has no known prefix. */
    public static String eventName(String ceType) {
        return ceType != null && ceType.startsWith(TYPE_PREFIX) ? ceType.substring(TYPE_PREFIX.length()) : ceType;
    }

    public static String text(byte[] headerValue) {
        return headerValue == null ? null : new String(headerValue, StandardCharsets.UTF_8);
    }
}
