package org.homeinfusion.testsupport;

import java.util.function.Predicate;

/**
 * Picks the records of one aggregate out of an {@link EventCapture} by the CloudEvents type header and
 * the aggregate's version in the payload, the way the services publish every accepted change.
 */
public final class CloudEventMatchers {

    private CloudEventMatchers() {
    }

    /**
     * Records keyed {@code key} whose {@code ce_type} ends in {@code .eventName}, so tests name the event
     * without the type's namespace prefix.
     */
    public static Predicate<CapturedRecord> event(String key, String eventName) {
        return r -> key.equals(r.key()) && r.header("ce_type").endsWith("." + eventName);
    }

    /** As {@link #event(String, String)}, at {@code version} of the aggregate, so each change is told from the next. */
    public static Predicate<CapturedRecord> event(String key, String eventName, long version) {
        return event(key, eventName).and(r -> r.value().contains("\"version\":" + version + ","));
    }
}
