package org.homeinfusion.testsupport;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real Kafka broker and one real PostgreSQL server shared by every test in the JVM, started on first use and
 * stopped when the JVM exits.
 *
 * <p>Where Docker is available they are Testcontainers ({@code apache/kafka}, {@code postgres:17}); elsewhere they run
 * embedded (see {@code infrastructure-embedded}). Tests see the same API either way. Set the system property or
 * environment variable {@value #MODE_PROPERTY} / {@value #MODE_ENV} to {@code embedded} or {@code containers} to force
 * one.
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     RealInfrastructure.registerProperties(registry, "drug_auth");
 * }
 * }</pre>
 */
public final class RealInfrastructure {

    public static final String MODE_PROPERTY = "homeinfusion.test.infrastructure";
    public static final String MODE_ENV = "HOME_INFUSION_TEST_INFRASTRUCTURE";

    private static final Logger log = LoggerFactory.getLogger(RealInfrastructure.class);
    private static Infrastructure infrastructure;

    private RealInfrastructure() {
    }

    public static String kafkaBootstrapServers() {
        return infrastructure().kafkaBootstrapServers();
    }

    /** A JDBC URL for {@code database}, created on first request; names are plain identifiers like {@code drug_auth}. */
    public static String jdbcUrl(String database) {
        return infrastructure().jdbcUrl(database);
    }

    public static String username() {
        return infrastructure().username();
    }

    public static String password() {
        return infrastructure().password();
    }

    /** Points a Spring Boot test at the shared broker and at its own database. */
    public static void registerProperties(DynamicPropertyRegistry registry, String database) {
        Infrastructure started = infrastructure();
        String jdbcUrl = started.jdbcUrl(database);
        String bootstrapServers = started.kafkaBootstrapServers();
        registry.add("spring.datasource.url", () -> jdbcUrl);
        registry.add("spring.datasource.username", started::username);
        registry.add("spring.datasource.password", started::password);
        registry.add("spring.kafka.bootstrap-servers", () -> bootstrapServers);
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> bootstrapServers);
        registry.add("spring.cloud.stream.kafka.streams.binder.brokers", () -> bootstrapServers);
    }

    /**
     * Takes the broker away to simulate an outage: clients see it unreachable (embedded: shut down; container:
     * paused). {@link #startKafka()} brings it back on the same address with its data.
     */
    public static void stopKafka() {
        infrastructure().stopKafka();
    }

    public static void startKafka() {
        infrastructure().startKafka();
    }

    /**
     * Runs {@code duringOutage} with the broker down and brings it back afterwards even if that fails, so one test's
     * outage never leaks into the next test sharing the JVM.
     */
    public static void withKafkaDown(Runnable duringOutage) {
        stopKafka();
        try {
            duringOutage.run();
        } finally {
            startKafka();
        }
    }

    /** {@code embedded} or {@code containers}, for test reports. */
    public static String mode() {
        return infrastructure().mode();
    }

    private static synchronized Infrastructure infrastructure() {
        if (infrastructure == null) {
            long started = System.nanoTime();
            Infrastructure chosen = useContainers() ? new ContainerInfrastructure() : new EmbeddedInfrastructure();
            try {
                // Broker and database start in parallel: together they dominate a test JVM's first context start.
                // Own threads: the common pool has a single worker on a 2-core machine and would run them in turn.
                ExecutorService starters = Executors.newFixedThreadPool(2);
                try {
                    CompletableFuture<Void> kafka = CompletableFuture.runAsync(chosen::startKafka, starters);
                    CompletableFuture<Void> postgres = CompletableFuture.runAsync(chosen::startPostgres, starters);
                    CompletableFuture.allOf(kafka, postgres).join();
                } finally {
                    starters.shutdown();
                }
            } catch (CompletionException e) {
                chosen.shutdown();
                throw new IllegalStateException("Test infrastructure (" + chosen.mode() + ") did not start",
                        e.getCause());
            }
            Runtime.getRuntime().addShutdownHook(new Thread(chosen::shutdown, "real-infrastructure-shutdown"));
            log.info("Real infrastructure ({}) up in {} ms: Kafka {}", chosen.mode(),
                    (System.nanoTime() - started) / 1_000_000, chosen.kafkaBootstrapServers());
            infrastructure = chosen;
        }
        return infrastructure;
    }

    private static boolean useContainers() {
        String forced = System.getProperty(MODE_PROPERTY, System.getenv(MODE_ENV));
        if (forced != null && !forced.isBlank()) {
            return switch (forced.trim().toLowerCase(Locale.ROOT)) {
                case "embedded" -> false;
                case "containers", "testcontainers" -> true;
                default -> throw new IllegalArgumentException(MODE_PROPERTY + " must be embedded or containers: " + forced);
            };
        }
        return DockerProbe.isDockerAvailable();
    }

    /** The two interchangeable ways of providing the servers. */
    interface Infrastructure {
        String mode();

        void startKafka();

        void stopKafka();

        void startPostgres();

        String kafkaBootstrapServers();

        String jdbcUrl(String database);

        String username();

        String password();

        /** Best effort: runs in a shutdown hook, must not throw. */
        void shutdown();
    }
}
