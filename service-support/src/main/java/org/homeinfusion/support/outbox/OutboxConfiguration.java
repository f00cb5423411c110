package org.homeinfusion.support.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.homeinfusion.support.tracing.TracePropagation;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the outbox and the relay matching {@code home-infusion.outbox.delivery}. */
@AutoConfiguration
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

    /** Long enough to ride out a leader election, short enough to notice a dead broker and retry. */
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

    @Bean
    OutboxRelay outboxRelay(OutboxProperties properties, JdbcClient jdbc, DataSource dataSource,
            PlatformTransactionManager transactionManager, KafkaProperties kafka, MeterRegistry meters,
            Clock clock, @Value("${spring.application.name}") String applicationName) {
        OutboxStore store = new OutboxStore(jdbc);
        Timer delay = Timer.builder("outbox.relay.delay").description("Time from commit to broker acknowledgement")
                .publishPercentileHistogram().register(meters);
        String relayName = relayName(properties, applicationName);
        OutboxRelay.Strategy strategy = switch (properties.delivery()) {
            case AT_LEAST_ONCE -> new AtLeastOnceStrategy(store, new TransactionTemplate(transactionManager),
                    instrumented(new KafkaProducer<>(producerConfig(kafka, null)), meters), properties.batchSize(),
                    ACK_TIMEOUT.toMillis(),
                    delay, clock);
            case EXACTLY_ONCE -> new ExactlyOnceStrategy(store, dataSource,
                    () -> instrumented(new KafkaProducer<>(producerConfig(kafka, relayName + "-outbox-relay")), meters),
                    () -> new KafkaConsumer<>(checkpointReaderConfig(kafka)),
                    relayName, checkpointTopic(relayName), properties.batchSize(), delay, clock);
        };
        return new OutboxRelay(strategy, properties, meters);
    }

    @Bean
    OutboxBacklog outboxBacklog(JdbcClient jdbc) {
        return new OutboxBacklog(jdbc);
    }

    @Bean
    Outbox outbox(NamedParameterJdbcTemplate jdbc, Clock clock, OutboxProperties properties, OutboxRelay relay,
            TracePropagation tracing, @Value("${spring.application.name}") String applicationName) {
        return new Outbox(jdbc, clock, "/" + applicationName,
                properties.delivery() == OutboxProperties.Delivery.EXACTLY_ONCE, relay::wakeUp, tracing);
    }

    @Bean
    @ConditionalOnProperty(name = "home-infusion.outbox.delivery", havingValue = "EXACTLY_ONCE")
    NewTopic outboxCheckpointTopic(OutboxProperties properties, @Value("${spring.application.name}") String applicationName) {
        return TopicBuilder.name(checkpointTopic(relayName(properties, applicationName)))
                .partitions(1).replicas(1).compact().build();
    }

    /**
     * The relay's producer is made here, not by Spring Kafka, so its client metrics (record rate, batch size,
     * request latency, errors) are bound here too.
     */
    private static <K, V> KafkaProducer<K, V> instrumented(KafkaProducer<K, V> producer, MeterRegistry meters) {
        new KafkaClientMetrics(producer).bindTo(meters);
        return producer;
    }

    private static String relayName(OutboxProperties properties, String applicationName) {
        return properties.relayName() == null || properties.relayName().isBlank() ? applicationName : properties.relayName();
    }

    private static String checkpointTopic(String relayName) {
        return relayName + ".outbox-checkpoint";
    }

    private static Map<String, Object> producerConfig(KafkaProperties kafka, String transactionalId) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        // Fail fast while the broker is down: the relay retries the whole batch itself.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        if (transactionalId != null) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
            config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);
        }
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + UUID.randomUUID());
        return config;
    }

    private static Map<String, Object> checkpointReaderConfig(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return config;
    }
}
