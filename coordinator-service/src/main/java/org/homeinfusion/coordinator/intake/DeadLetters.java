package org.homeinfusion.coordinator.intake;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.homeinfusion.contracts.Topics;
import org.homeinfusion.coordinator.kafka.IncomingRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Parks a pillar record the coordinator cannot use on {@code coordinator.pillar-events.dlq}, with the
 * original headers and value and the reason, so the intake keeps going and nothing is silently dropped.
 * The send is synchronous: the batch's offsets are committed only after the dead letter is stored.
 */
@Component
class DeadLetters implements DisposableBean {

    static final String REASON_HEADER = "x-dead-letter-reason";
    static final String ORIGIN_HEADER = "x-dead-letter-origin";
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final Producer<String, byte[]> producer;

    DeadLetters(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        this.producer = new KafkaProducer<>(config);
    }

    void park(IncomingRecord record, String reason) {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(Topics.COORDINATOR_DEAD_LETTERS, record.key(), record.value());
        record.headers().forEach((name, value) -> letter.headers().add(name, value));
        letter.headers().add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        letter.headers().add(ORIGIN_HEADER, record.origin().getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(letter).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Not stored: fail the batch so it is redelivered rather than lost.
            throw new IllegalStateException("Could not write a dead letter", e);
        }
        // The reason may quote the payload's structure, never its values: log only where it came from.
        log.warn("Parked pillar record {} on {}: {}", record.origin(), Topics.COORDINATOR_DEAD_LETTERS,
                reason.length() > 200 ? reason.substring(0, 200) : reason);
    }

    @Override
    public void destroy() {
        producer.close();
    }
}
