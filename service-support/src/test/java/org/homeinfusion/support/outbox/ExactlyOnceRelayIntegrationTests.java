package org.homeinfusion.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.homeinfusion.contracts.readiness.ReadinessWithdrawn;
import org.homeinfusion.support.tracing.TracePropagation;
import org.homeinfusion.testsupport.CapturedRecord;
import org.homeinfusion.testsupport.EventCapture;
import org.homeinfusion.testsupport.RealInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The exactly-once relay against a real broker and a real PostgreSQL, through the failures that make
 * a plain outbox relay publish twice: a crash after the Kafka commit but before the database
 * cleanup, a second relay instance, and a rolled-back writer.
 */
class ExactlyOnceRelayIntegrationTests {

    static DataSource dataSource;
    static JdbcClient jdbc;
    static TransactionTemplate transactions;

    String topic;
    String relayName;
    Outbox outbox;

    @BeforeAll
    static void database() {
        dataSource = new DriverManagerDataSource(RealInfrastructure.jdbcUrl("outbox_relay"),
                RealInfrastructure.username(), RealInfrastructure.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/support").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @BeforeEach
    void freshRelay() throws Exception {
        jdbc.sql("DELETE FROM outbox_record").update();
        String id = UUID.randomUUID().toString().substring(0, 8);
        topic = "relay-test-" + id;
        relayName = "relay-" + id;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1),
                    new NewTopic(relayName + ".outbox-checkpoint", 1, (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get();
        }
        outbox = new Outbox(new NamedParameterJdbcTemplate(dataSource), Clock.systemUTC(), "/test", true, () -> { }, TracePropagation.NONE);
    }

    @Test
    void aCrashAfterTheKafkaCommitButBeforeTheCleanupPublishesNothingTwice() throws Exception {
        append(5);
        ExactlyOnceStrategy crashing = relay(new OutboxStore(jdbc) {
            @Override
            void deleteUpTo(long position) {
                throw new IllegalStateException("process died before cleaning up");
            }
        });
        assertThatThrownBy(crashing::relayNextBatch).hasMessageContaining("died");
        crashing.close();
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_record").query(Long.class).single())
                .as("rows the dead relay had already published").isEqualTo(5);

        ExactlyOnceStrategy restarted = relay(new OutboxStore(jdbc));
        assertThat(restarted.relayNextBatch()).as("resumes after the committed checkpoint").isZero();
        append(3);
        assertThat(restarted.relayNextBatch()).isEqualTo(3);
        restarted.close();

        assertExactlyOnce(8);
    }

    @Test
    void onlyOneRelayInstanceIsActiveAndTheNextOneContinuesWhereItStopped() throws Exception {
        ExactlyOnceStrategy first = relay(new OutboxStore(jdbc));
        ExactlyOnceStrategy second = relay(new OutboxStore(jdbc));
        append(4);
        assertThat(first.relayNextBatch()).isEqualTo(4);
        append(2);
        assertThat(second.relayNextBatch()).as("stands by while the first one holds the lock").isZero();

        first.close();
        assertThat(second.relayNextBatch()).isEqualTo(2);
        second.close();

        assertExactlyOnce(6);
    }

    @Test
    void anEventOfARolledBackChangeIsNeverPublished() throws Exception {
        try {
            transactions.executeWithoutResult(status -> {
                outbox.append(topic, event("ROLLED-BACK"));
                throw new IllegalStateException("the state change failed");
            });
        } catch (IllegalStateException expected) {
            // The writer's transaction rolled back, taking its outbox row with it.
        }
        append(1);
        ExactlyOnceStrategy relay = relay(new OutboxStore(jdbc));
        assertThat(relay.relayNextBatch()).isEqualTo(1);
        relay.close();

        assertThat(assertExactlyOnce(1)).noneMatch(record -> "ROLLED-BACK".equals(record.key()));
    }

    @Test
    void eventsAppendedTogetherArePublishedOnceInTheirOrder() throws Exception {
        List<ReadinessWithdrawn> events = List.of(event("BULK-1"), event("BULK-2"), event("BULK-3"), event("BULK-4"));
        List<UUID> eventIds = transactions.execute(status -> outbox.appendAll(topic, events));
        assertThat(jdbc.sql("SELECT record_key FROM outbox_record WHERE record_key LIKE 'BULK-%' ORDER BY position")
                .query(String.class).list()).as("positions follow the list").containsExactly("BULK-1", "BULK-2", "BULK-3", "BULK-4");
        ExactlyOnceStrategy relay = relay(new OutboxStore(jdbc));
        assertThat(relay.relayNextBatch()).isEqualTo(4);
        relay.close();

        List<CapturedRecord> records = assertExactlyOnce(4);
        assertThat(records).extracting(record -> record.header("ce_id"))
                .containsExactlyInAnyOrderElementsOf(eventIds.stream().map(UUID::toString).toList());
    }

    @Test
    void anAppendOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.append(topic, event("NO-TX"))).isInstanceOf(IllegalStateException.class);
    }

    private List<CapturedRecord> assertExactlyOnce(int expected) throws Exception {
        try (EventCapture capture = EventCapture.subscribe(topic)) {
            List<CapturedRecord> records = capture.awaitRecords(expected, r -> true, Duration.ofSeconds(30));
            capture.assertNoFurtherRecord(Duration.ofSeconds(2));
            Set<String> eventIds = records.stream().map(r -> r.header("ce_id")).collect(Collectors.toSet());
            assertThat(eventIds).hasSize(expected);
            return records;
        }
    }

    private void append(int count) {
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                outbox.append(topic, event("CASE-" + UUID.randomUUID().toString().substring(0, 6)));
            }
        });
    }

    private ExactlyOnceStrategy relay(OutboxStore store) {
        Timer delay = Timer.builder("delay").register(new SimpleMeterRegistry());
        return new ExactlyOnceStrategy(store, dataSource, () -> new KafkaProducer<>(producerConfig()),
                () -> new KafkaConsumer<>(readerConfig()), relayName, relayName + ".outbox-checkpoint", 100, delay,
                Clock.systemUTC());
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, relayName + "-outbox-relay");
        return config;
    }

    private static Map<String, Object> readerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return config;
    }

    private static ReadinessWithdrawn event(String caseId) {
        return new ReadinessWithdrawn("SPEC-1", caseId, 2,
                List.of(new ReadinessWithdrawn.Blocker("NURSE_VISIT_NOT_CONFIRMED", "NURSING", "no visit")), Instant.now());
    }
}
