package org.homeinfusion.coordinator.intake;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One raw pillar record as the binder hands it over: where it came from, key, headers, value. */
record IncomingRecord(String topic, int partition, long offset, String key, Map<String, byte[]> headers, byte[] value) {

    String header(String name) {
        byte[] value = headers.get(name);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    String origin() {
        return topic + "-" + partition + "@" + offset;
    }
}
