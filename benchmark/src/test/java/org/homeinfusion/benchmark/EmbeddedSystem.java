package org.homeinfusion.benchmark;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.homeinfusion.benchmark.observe.ProcessGroup;
import org.homeinfusion.benchmark.stack.ListeningProcesses;
import org.homeinfusion.benchmark.stack.ServiceSet;
import org.homeinfusion.benchmark.stack.SystemUnderTest;
import org.homeinfusion.testsupport.RealInfrastructure;

/**
 * The four service jars on free ports against the tests' shared broker and PostgreSQL ({@link RealInfrastructure}:
 * embedded here, Testcontainers where Docker exists), as the end-to-end tests run them.
 */
final class EmbeddedSystem implements SystemUnderTest {

    private final ServiceSet services;

    private EmbeddedSystem(ServiceSet services) {
        this.services = services;
    }

    static EmbeddedSystem start(Path repositoryRoot, Path workDirectory) {
        String kafka = RealInfrastructure.kafkaBootstrapServers();
        return new EmbeddedSystem(ServiceSet.start(repositoryRoot, workDirectory, true, definition ->
                ServiceSet.environment(definition, RealInfrastructure.jdbcUrl(definition.database()),
                        RealInfrastructure.username(), RealInfrastructure.password(), kafka)));
    }

    @Override
    public String baseUrl(String module) {
        return services.baseUrl(module);
    }

    @Override
    public String kafkaBootstrapServers() {
        return RealInfrastructure.kafkaBootstrapServers();
    }

    @Override
    public List<ProcessGroup> processes() {
        List<ProcessGroup> groups = new ArrayList<>(services.processes());
        groups.add(ProcessGroup.of("kafka broker (test JVM)", "broker", ProcessHandle.current().pid()));
        int postgresPort = URI.create(RealInfrastructure.jdbcUrl("postgres").substring("jdbc:".length())).getPort();
        groups.add(ListeningProcesses.postgres(postgresPort));
        return groups;
    }

    @Override
    public String postgresJdbcUrl() {
        return RealInfrastructure.jdbcUrl("postgres");
    }

    @Override
    public Map<String, String> versions() {
        return services.versions();
    }

    @Override
    public boolean controlsCoordinator() {
        return true;
    }

    @Override
    public void stopCoordinator() {
        services.stop(COORDINATOR);
    }

    @Override
    public Duration startCoordinator() {
        return services.start(COORDINATOR);
    }

    @Override
    public String description() {
        return "test: the four service jars on free ports, " + RealInfrastructure.mode() + " Kafka "
                + kafkaBootstrapServers();
    }

    @Override
    public void close() {
        services.close();
    }
}
