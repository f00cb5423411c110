package org.homeinfusion.benchmark.stack;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.homeinfusion.benchmark.observe.ProcessGroup;
import org.homeinfusion.infrastructure.ServiceDefinition;

/**
 * A system someone else started, e.g. {@code ./run-local.sh}: the services on the contract's ports of the target
 * host. The harness cannot stop its coordinator, so the catch-up is skipped. When the target is this machine, the
 * processes behind the ports are found in /proc for the footprint.
 */
public final class TargetStack implements SystemUnderTest {

    private final URI target;
    private final String kafkaBootstrapServers;
    private final int postgresPort;

    public TargetStack(URI target, String kafkaBootstrapServers, int postgresPort) {
        this.target = target;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.postgresPort = postgresPort;
    }

    @Override
    public String baseUrl(String module) {
        int port = ServiceDefinition.named(module).port();
        return target.getScheme() + "://" + target.getHost() + ":" + port;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    @Override
    public List<ProcessGroup> processes() {
        if (!isLocal(target.getHost())) {
            return List.of();
        }
        List<ProcessGroup> groups = new ArrayList<>();
        for (ServiceDefinition service : ServiceDefinition.ALL) {
            groups.add(new ProcessGroup(service.module(), "service", () -> listener(service.port())));
        }
        int kafkaPort = Integer.parseInt(kafkaBootstrapServers.substring(kafkaBootstrapServers.lastIndexOf(':') + 1));
        groups.add(new ProcessGroup("kafka broker (launcher JVM)", "broker", () -> listener(kafkaPort)));
        groups.add(ListeningProcesses.postgres(postgresPort));
        return groups;
    }

    private static List<Long> listener(int port) {
        Optional<Long> pid = ListeningProcesses.pidListeningOn(port);
        return pid.map(List::of).orElse(List.of());
    }

    private static boolean isLocal(String host) {
        return Map.of("127.0.0.1", true, "localhost", true, "[::1]", true, "::1", true).getOrDefault(host, false);
    }

    @Override
    public String postgresJdbcUrl() {
        return isLocal(target.getHost()) ? "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres" : null;
    }

    @Override
    public boolean controlsCoordinator() {
        return false;
    }

    @Override
    public void stopCoordinator() {
        throw new UnsupportedOperationException("the harness does not control a targeted system");
    }

    @Override
    public Duration startCoordinator() {
        throw new UnsupportedOperationException("the harness does not control a targeted system");
    }

    @Override
    public String description() {
        return "target: " + target + " (services on ports 8080-8083), Kafka " + kafkaBootstrapServers;
    }

    @Override
    public void close() {
        // Not ours to stop.
    }
}
