package org.homeinfusion.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class RealInfrastructureIntegrationTests {

    @Test
    void deliversAProducedRecordToACapture() throws Exception {
        String topic = "self-test-" + UUID.randomUUID();
        try (EventCapture capture = EventCapture.subscribe(topic)) {
            produce(topic, "CASE-1", "{\"hello\":1}");

            CapturedRecord record = capture.awaitRecord(r -> "CASE-1".equals(r.key()));

            assertThat(record.value()).isEqualTo("{\"hello\":1}");
            assertThat(record.header("ce_type")).isEqualTo("SelfTest");
        }
    }

    @Test
    void answersSqlOnTheRequestedDatabase() throws Exception {
        try (Connection connection = DriverManager.getConnection(RealInfrastructure.jdbcUrl("self_test"),
                RealInfrastructure.username(), RealInfrastructure.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select 1, current_database()")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(1);
            assertThat(rows.getString(2)).isEqualTo("self_test");
        }
    }

    @Test
    void bringsKafkaBackOnTheSameAddressWithItsRecords() throws Exception {
        String topic = "outage-" + UUID.randomUUID();
        String address = RealInfrastructure.kafkaBootstrapServers();
        produce(topic, "CASE-2", "before");

        RealInfrastructure.withKafkaDown(() -> {
        });
        produce(topic, "CASE-2", "after");

        assertThat(RealInfrastructure.kafkaBootstrapServers()).isEqualTo(address);
        try (EventCapture capture = EventCapture.subscribe(topic)) {
            assertThat(capture.awaitRecords(2, r -> "CASE-2".equals(r.key()), Duration.ofSeconds(30)))
                    .extracting(CapturedRecord::value)
                    .containsExactly("before", "after");
        }
    }

    @Test
    void pointsSpringAtTheSharedBrokerAndTheServicesOwnDatabase() {
        Map<String, Supplier<Object>> properties = new HashMap<>();
        RealInfrastructure.registerProperties(properties::put, "drug_auth");

        assertThat(properties.get("spring.datasource.url").get()).asString()
                .startsWith("jdbc:postgresql://").endsWith("/drug_auth");
        assertThat(properties.get("spring.datasource.username").get()).isEqualTo(RealInfrastructure.username());
        assertThat(properties.get("spring.datasource.password").get()).isEqualTo(RealInfrastructure.password());
        assertThat(properties.get("spring.kafka.bootstrap-servers").get())
                .isEqualTo(RealInfrastructure.kafkaBootstrapServers());
        assertThat(properties.get("spring.cloud.stream.kafka.binder.brokers").get())
                .isEqualTo(RealInfrastructure.kafkaBootstrapServers());
    }

    static void produce(String topic, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            record.headers().add("ce_type", "SelfTest".getBytes());
            producer.send(record).get();
        }
    }
}
