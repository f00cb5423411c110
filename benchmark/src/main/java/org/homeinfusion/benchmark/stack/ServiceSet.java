package org.homeinfusion.benchmark.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.homeinfusion.benchmark.observe.ProcessGroup;
import org.homeinfusion.infrastructure.FreePorts;
import org.homeinfusion.infrastructure.ServiceDefinition;
import org.homeinfusion.infrastructure.ServiceProcess;

/**
 * The four service jars as child processes, started with {@link ServiceProcess} exactly as the local stack and the
 * end-to-end tests start them (same JVM options, same environment variables).
 *
 * <p>The jars are copied first: other builds on the machine may rewrite a module's {@code target/<module>.jar} while a run is going.
 */
public final class ServiceSet implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final Map<String, ServiceDefinition> definitions = new LinkedHashMap<>();
    private final Map<String, Path> jars = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();
    private final Path logs;
    private final Function<ServiceDefinition, Map<String, String>> environment;

    private ServiceSet(Path logs, Function<ServiceDefinition, Map<String, String>> environment) {
        this.logs = logs;
        this.environment = environment;
    }

    /**
     * Copies the jars from {@code repositoryRoot/<module>/target/<module>.jar} into {@code workDirectory/jars} and
     * starts every service, the coordinator last (it finds the pillar topics then), waiting for all to be UP.
     */
    public static ServiceSet start(Path repositoryRoot, Path workDirectory, boolean freePorts,
            Function<ServiceDefinition, Map<String, String>> environment) {
        ServiceSet set;
        try {
            Path jarDirectory = Files.createDirectories(workDirectory.resolve("jars"));
            set = new ServiceSet(Files.createDirectories(workDirectory.resolve("logs")), environment);
            List<String> missing = new ArrayList<>();
            for (ServiceDefinition service : ServiceDefinition.ALL) {
                Path jar = repositoryRoot.resolve(service.module()).resolve("target").resolve(service.module() + ".jar");
                if (!Files.isRegularFile(jar)) {
                    missing.add(jar.toString());
                    continue;
                }
                Path copy = jarDirectory.resolve(service.module() + ".jar");
                Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                set.jars.put(service.module(), copy);
                ServiceDefinition definition = freePorts ? service.onPort(FreePorts.pick()) : service;
                if (!FreePorts.isFree(definition.port())) {
                    throw new IllegalStateException(service.module() + "'s port " + definition.port()
                            + " is in use; stop what listens there or use --free-ports");
                }
                set.definitions.put(service.module(), definition);
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Service jar(s) missing: " + missing
                        + "; build them with ./mvnw -B -DskipTests package");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            for (String module : set.definitions.keySet()) {
                set.launch(module);
            }
            set.awaitHealthy(new ArrayList<>(set.definitions.keySet()));
        } catch (RuntimeException e) {
            set.close();
            throw e;
        }
        return set;
    }

    /** Module → "built <time>, sha256 <first 12 hex>" of the copied jar, so a report says which build it measured. */
    public Map<String, String> versions() {
        Map<String, String> versions = new LinkedHashMap<>();
        jars.forEach((module, jar) -> {
            try {
                java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
                try (java.io.InputStream in = Files.newInputStream(jar)) {
                    byte[] buffer = new byte[1 << 16];
                    int read;
                    while ((read = in.read(buffer)) > 0) {
                        digest.update(buffer, 0, read);
                    }
                }
                ServiceProcess process = running.get(module);
                String jvm = process == null ? "" : ProcessHandle.of(process.pid()).flatMap(p -> p.info().arguments())
                        .map(arguments -> java.util.Arrays.stream(arguments).takeWhile(a -> !a.equals("-jar"))
                                .collect(java.util.stream.Collectors.joining(" ")))
                        .map(arguments -> ", JVM " + arguments).orElse("");
                versions.put(module, "built " + Files.getLastModifiedTime(jar) + ", sha256 "
                        + java.util.HexFormat.of().formatHex(digest.digest()).substring(0, 12) + jvm);
            } catch (IOException | java.security.NoSuchAlgorithmException e) {
                versions.put(module, "unknown: " + e.getMessage());
            }
        });
        return versions;
    }

    public String baseUrl(String module) {
        return definitions.get(module).baseUrl();
    }

    public List<ProcessGroup> processes() {
        List<ProcessGroup> groups = new ArrayList<>();
        for (String module : definitions.keySet()) {
            groups.add(new ProcessGroup(module, "service", () -> {
                ServiceProcess process = running.get(module);
                return process != null && process.isAlive() ? List.of(process.pid()) : List.of();
            }));
        }
        return groups;
    }

    public synchronized void stop(String module) {
        ServiceProcess process = running.remove(module);
        if (process != null) {
            process.requestStop();
            process.awaitStop(System.nanoTime() + STOP_GRACE.toNanos());
        }
    }

    public Duration start(String module) {
        long started = System.nanoTime();
        launch(module);
        awaitHealthy(List.of(module));
        return Duration.ofNanos(System.nanoTime() - started);
    }

    public long pid(String module) {
        ServiceProcess process = running.get(module);
        return process == null ? -1 : process.pid();
    }

    public String logTail(String module, int lines) {
        ServiceProcess process = running.get(module);
        return process == null ? "(not running)" : process.logTail(lines);
    }

    private synchronized void launch(String module) {
        ServiceDefinition definition = definitions.get(module);
        running.put(module, ServiceProcess.launch(definition, jars.get(module), logs, environment.apply(definition)));
    }

    private void awaitHealthy(List<String> modules) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        for (String module : modules) {
            ServiceProcess process = running.get(module);
            while (!process.isHealthy()) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException(module + " did not come UP; last lines of its log:\n"
                            + process.logTail(60));
                }
                sleep(250);
            }
        }
    }

    /** Stops every service in parallel, waiting for the graceful shutdown before killing. */
    @Override
    public synchronized void close() {
        List<ServiceProcess> processes = new ArrayList<>(running.values());
        processes.forEach(ServiceProcess::requestStop);
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        processes.forEach(process -> process.awaitStop(deadline));
        running.clear();
    }

    /** The environment the local stack gives a service (see LocalStack.environmentFor). */
    public static Map<String, String> environment(ServiceDefinition service, String jdbcUrl, String username,
            String password, String kafkaBootstrapServers) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", String.valueOf(service.port()));
        env.put("SPRING_DATASOURCE_URL", jdbcUrl);
        env.put("SPRING_DATASOURCE_USERNAME", username);
        env.put("SPRING_DATASOURCE_PASSWORD", password);
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        env.put("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", kafkaBootstrapServers);
        if (System.getenv("SPRING_PROFILES_ACTIVE") == null) {
            env.put("SPRING_PROFILES_ACTIVE", "local");
        }
        return env;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
