package org.homeinfusion.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EventCaptureIntegrationTests {

    @Test
    void handsOutEachRecordOnlyOnce() throws Exception {
        String topic = "capture-" + UUID.randomUUID();
        try (EventCapture capture = EventCapture.subscribe(topic)) {
            RealInfrastructureIntegrationTests.produce(topic, "CASE-1", "v1");

            capture.awaitRecord(r -> "CASE-1".equals(r.key()));

            assertThatThrownBy(() -> capture.awaitRecord(r -> "CASE-1".equals(r.key()), Duration.ofMillis(500)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("v1");
        }
    }

    @Test
    void reportsARecordThatShouldNotHaveArrived() throws Exception {
        String topic = "capture-" + UUID.randomUUID();
        try (EventCapture capture = EventCapture.subscribe(topic)) {
            RealInfrastructureIntegrationTests.produce(topic, "CASE-1", "first");
            capture.awaitRecord(r -> "first".equals(r.value()));
            capture.assertNoFurtherRecord(Duration.ofMillis(300));

            RealInfrastructureIntegrationTests.produce(topic, "CASE-1", "duplicate");

            assertThatThrownBy(() -> capture.assertNoFurtherRecord(Duration.ofSeconds(10)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("duplicate");
        }
    }

    @Test
    void ignoresRecordsOfAbortedTransactions() throws Exception {
        String topic = "capture-" + UUID.randomUUID();
        try (EventCapture capture = EventCapture.subscribe(topic);
                KafkaProducer<String, String> producer = transactionalProducer()) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "CASE-1", "aborted")).get();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "CASE-1", "committed")).get();
            producer.commitTransaction();

            capture.awaitRecord(r -> "committed".equals(r.value()));
            assertThat(capture.records()).extracting(CapturedRecord::value).containsExactly("committed");
        }
    }

    private static KafkaProducer<String, String> transactionalProducer() {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "capture-test-" + UUID.randomUUID());
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
