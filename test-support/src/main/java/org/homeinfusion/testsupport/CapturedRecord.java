package org.homeinfusion.testsupport;

import java.time.Instant;
import java.util.Map;

/**
 * One Kafka record as a test sees it: key, headers and value decoded as UTF-8 text.
 *
 * @param headers the last value of each header name (CloudEvents headers such as {@code ce_type} occur once)
 */
public record CapturedRecord(String topic, int partition, long offset, Instant timestamp, String key,
        Map<String, String> headers, String value) {

    public CapturedRecord {
        headers = Map.copyOf(headers);
    }

    /** The header's value, or {@code null} when absent. */
    public String header(String name) {
        return headers.get(name);
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset + " key=" + key + " headers=" + headers + " value=" + value;
    }
}
