package org.homeinfusion.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.homeinfusion.infrastructure.FreePorts;
import org.homeinfusion.infrastructure.ServiceDefinition;
import org.homeinfusion.infrastructure.ServiceProcess;
import org.homeinfusion.testsupport.ApiClient;
import org.homeinfusion.testsupport.RealInfrastructure;

/**
 * The four real service jars, started as separate processes on free ports against the test's Kafka
 * broker and PostgreSQL, exactly as the local stack runs them. Tests talk to them only over HTTP.
 */
public final class RunningSystem implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    private final Path root;
    private final Path logs;
    private final Map<String, ServiceDefinition> definitions = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();

    private RunningSystem(Path root) throws IOException {
        this.root = root;
        this.logs = Files.createDirectories(root.resolve("end-to-end-tests/target/service-logs"));
        for (ServiceDefinition service : ServiceDefinition.ALL) {
            definitions.put(service.module(), service.onPort(FreePorts.pick()));
        }
    }

    public static RunningSystem start() {
        try {
            RunningSystem system = new RunningSystem(repositoryRoot());
            try {
                system.definitions.keySet().forEach(system::launch);
                system.awaitHealthy(new ArrayList<>(system.definitions.keySet()));
            } catch (RuntimeException failedToStart) {
                // The tests never get a handle to close: stop what did start, or it outlives the build.
                system.close();
                throw failedToStart;
            }
            return system;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a service process writes its log. */
    Path logFile(String module) {
        return processes.get(module).logFile();
    }

    public ApiClient drug() {
        return api("drug-auth-service");
    }

    public ApiClient nursing() {
        return api("nursing-auth-service");
    }

    public ApiClient supplies() {
        return api("supplies-auth-service");
    }

    public ApiClient coordinator() {
        return api("coordinator-service");
    }

    /** Kills the service as a crash would (no graceful shutdown), then starts it again and waits for UP. */
    void crashAndRestart(String module) {
        processes.get(module).kill();
        launch(module);
        awaitHealthy(List.of(module));
    }

    void kill(String module) {
        processes.get(module).kill();
    }

    void restart(String module) {
        launch(module);
        awaitHealthy(List.of(module));
    }

    /**
     * Starts another instance of a service beside the running one: same database, same consumer group,
     * its own port. Returns the name to {@link #kill} it by.
     */
    String startAnotherInstance(String module) {
        String instance = module + "-2";
        ServiceDefinition original = definitions.get(module);
        definitions.put(instance, new ServiceDefinition(instance, FreePorts.pick(), original.database(),
                original.initialHeapMb(), original.maxHeapMb()));
        launch(instance, module);
        awaitHealthy(List.of(instance));
        return instance;
    }

    private ApiClient api(String module) {
        return new ApiClient(definitions.get(module).baseUrl());
    }

    private void launch(String module) {
        launch(module, module);
    }

    private void launch(String instance, String module) {
        ServiceDefinition service = definitions.get(instance);
        Path jar = root.resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Missing " + jar + ": build the services first (./mvnw -B verify does)");
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", String.valueOf(service.port()));
        env.put("SPRING_DATASOURCE_URL", RealInfrastructure.jdbcUrl(service.database()));
        env.put("SPRING_DATASOURCE_USERNAME", RealInfrastructure.username());
        env.put("SPRING_DATASOURCE_PASSWORD", RealInfrastructure.password());
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", RealInfrastructure.kafkaBootstrapServers());
        env.put("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", RealInfrastructure.kafkaBootstrapServers());
        if (module.equals("coordinator-service")) {
            // The console calls the pillar services' APIs; here they listen on free ports, not the default ones.
            env.put("HOME_INFUSION_CONSOLE_DRUG_URL", definitions.get("drug-auth-service").baseUrl());
            env.put("HOME_INFUSION_CONSOLE_NURSING_URL", definitions.get("nursing-auth-service").baseUrl());
            env.put("HOME_INFUSION_CONSOLE_SUPPLIES_URL", definitions.get("supplies-auth-service").baseUrl());
        }
        processes.put(instance, ServiceProcess.launch(service, jar, logs, env));
    }

    private void awaitHealthy(List<String> modules) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        for (String module : modules) {
            ServiceProcess process = processes.get(module);
            while (!process.isHealthy()) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException(module + " did not come UP:\n" + process.logTail(60));
                }
                sleep(Duration.ofMillis(250));
            }
        }
    }

    /** Where a browser finds the console: the coordinator's own address. */
    public String consoleUrl() {
        return definitions.get("coordinator-service").baseUrl() + "/console/";
    }

    @Override
    public void close() {
        processes.values().forEach(ServiceProcess::requestStop);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        processes.values().forEach(process -> process.awaitStop(deadline));
    }

    private static Path repositoryRoot() {
        String configured = System.getProperty("homeinfusion.repository.root");
        Path root = configured == null || configured.isBlank() ? Path.of("..") : Path.of(configured);
        return root.toAbsolutePath().normalize();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
