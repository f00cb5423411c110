package org.homeinfusion.coordinator.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * One raw record as a batch binding hands it over: where it came from, key, headers, value. The coordinator's
 * three consumers all take batches, so the per-record cost of the binder (conversion, function invocation,
 * observation) is paid once per poll and their database work can be done per batch.
 *
 * @param binderHeaders the record's headers as the binder mapped them (raw bytes, or text for the few it decodes);
 *                      kept as they are, because only {@code ce_type} is read per record and the whole map only
 *                      for a dead letter
 */
public record IncomingRecord(String topic, int partition, long offset, String key, Map<String, ?> binderHeaders,
                             byte[] value) {

    public String header(String name) {
        Object value = binderHeaders.get(name);
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : value instanceof String text ? text : null;
    }

    /** Every header that has a value in bytes or text, as bytes, in the order the binder mapped them. */
    public Map<String, byte[]> headers() {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        binderHeaders.forEach((name, value) -> {
            byte[] bytes = bytes(value);
            if (bytes != null) {
                headers.put(name, bytes);
            }
        });
        return headers;
    }

    /** topic-partition@offset: stable across redeliveries, so it can stand in for a missing event id. */
    public String origin() {
        return topic + "-" + partition + "@" + offset;
    }

    /** The binder delivers a batch as one message whose headers are lists parallel to the payload. */
    @SuppressWarnings("unchecked")
    public static List<IncomingRecord> unpack(Message<List<byte[]>> batch) {
        MessageHeaders headers = batch.getHeaders();
        List<byte[]> values = batch.getPayload();
        List<Object> keys = headers.get(KafkaHeaders.RECEIVED_KEY, List.class);
        List<String> topics = headers.get(KafkaHeaders.RECEIVED_TOPIC, List.class);
        List<Integer> partitions = headers.get(KafkaHeaders.RECEIVED_PARTITION, List.class);
        List<Long> offsets = headers.get(KafkaHeaders.OFFSET, List.class);
        List<Map<String, Object>> recordHeaders = headers.get(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.class);
        List<IncomingRecord> records = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            records.add(new IncomingRecord(at(topics, i, "?"), at(partitions, i, -1), at(offsets, i, -1L),
                    text(at(keys, i, null)), at(recordHeaders, i, Map.of()), values.get(i)));
        }
        return records;
    }

    private static <T> T at(List<T> list, int index, T fallback) {
        return list != null && index < list.size() ? list.get(index) : fallback;
    }

    private static String text(Object key) {
        return key == null ? null : key instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : key.toString();
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        return value instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : null;
    }
}
