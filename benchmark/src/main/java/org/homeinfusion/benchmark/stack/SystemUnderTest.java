package org.homeinfusion.benchmark.stack;

import java.time.Duration;
import java.util.List;

import org.homeinfusion.benchmark.observe.ProcessGroup;

/** What the harness needs of a running system: its addresses, its processes, and control of the coordinator. */
public interface SystemUnderTest extends AutoCloseable {

    String DRUG = "drug-auth-service";
    String NURSING = "nursing-auth-service";
    String SUPPLIES = "supplies-auth-service";
    String COORDINATOR = "coordinator-service";

    /** Base URL (scheme, host, port) of one of the four services, by module name. */
    String baseUrl(String module);

    String kafkaBootstrapServers();

    /** The processes whose memory and CPU the report shows; empty when they cannot be seen from here. */
    List<ProcessGroup> processes();

    /** Whether {@link #stopCoordinator()} and {@link #startCoordinator()} work (the catch-up needs them). */
    boolean controlsCoordinator();

    /** Stops the coordinator gracefully (it commits its offsets) and waits until it is gone. */
    void stopCoordinator();

    /** Starts the coordinator again and waits until it reports UP; returns how long that took. */
    Duration startCoordinator();

    /** What is being measured: for each service jar started, its build time and the start of its SHA-256. */
    default java.util.Map<String, String> versions() {
        return java.util.Map.of();
    }

    /** JDBC URL of the PostgreSQL server's {@code postgres} database (user and password postgres), or null. */
    default String postgresJdbcUrl() {
        return null;
    }

    /** A line for the report, e.g. "managed: launcher pid 123, ports 8080-8083, Kafka 127.0.0.1:9092". */
    String description();

    @Override
    void close();
}
