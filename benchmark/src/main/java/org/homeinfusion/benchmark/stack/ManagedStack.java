package org.homeinfusion.benchmark.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import org.homeinfusion.benchmark.observe.ProcessGroup;
import org.homeinfusion.infrastructure.FreePorts;
import org.homeinfusion.infrastructure.ServiceDefinition;
import org.homeinfusion.infrastructure.ServiceProcess;

/**
 * The whole system on this machine, started the way {@code ./run-local.sh} starts it: the local stack's launcher
 * ({@code local-stack.jar --infra-only}, with the KRaft broker in its JVM and PostgreSQL as its child process), then
 * the four service jars through {@link ServiceSet}. Starting the services here rather than in the launcher is what
 * lets the catch-up stop and restart the coordinator.
 *
 * <p>The launcher keeps its data under the harness's own work directory ({@code --root}), never in the user's
 * {@code .local-stack}, and wipes it before each run ({@code --reset}) unless asked to keep it.
 */
public final class ManagedStack implements SystemUnderTest {

    private static final Duration INFRASTRUCTURE_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration LAUNCHER_STOP_GRACE = Duration.ofSeconds(30);
    /**
     * As in run-local.sh: the launcher JVM hosts the Kafka broker, with the services' collector and C1 only, since
     * its C2 compiler threads were still 30–40 % of the broker's CPU minutes into a run (ADR 5, sixth session).
     */
    private static final List<String> LAUNCHER_JVM_OPTIONS = Stream.concat(Stream.of("-Xms64m", "-Xmx512m"),
            ServiceProcess.JVM_OPTIONS.stream()).toList();
    private static final String INFRASTRUCTURE_READY = "Infrastructure only";

    private final Process launcher;
    private final int kafkaPort;
    private final int postgresPort;
    private volatile ServiceSet services;
    private boolean closed;

    private ManagedStack(Process launcher, int kafkaPort, int postgresPort) {
        this.launcher = launcher;
        this.kafkaPort = kafkaPort;
        this.postgresPort = postgresPort;
    }

    /** @param extraEnvironment  per service, added to the local stack's environment (experiments, profiling) */
    public static ManagedStack start(Path repositoryRoot, Path workDirectory, boolean freePorts, boolean reset,
            Function<ServiceDefinition, Map<String, String>> extraEnvironment, PrintStream out) {
        Path launcherJar = repositoryRoot.resolve("local-stack/target/local-stack.jar");
        if (!Files.isRegularFile(launcherJar)) {
            throw new IllegalStateException("Missing " + launcherJar + "; build it with ./mvnw -B -DskipTests package");
        }
        int kafkaPort = freePorts ? FreePorts.pick() : 9092;
        int postgresPort = freePorts ? FreePorts.pick() : 5432;
        for (int port : List.of(kafkaPort, postgresPort)) {
            if (!FreePorts.isFree(port)) {
                throw new IllegalStateException("Port " + port + " is in use (a running local stack?); stop it, target"
                        + " it with --target, or use --free-ports");
            }
        }
        Path stackRoot;
        try {
            stackRoot = Files.createDirectories(workDirectory.resolve("stack"));
            Files.createDirectories(workDirectory.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAUNCHER_JVM_OPTIONS);
        command.addAll(List.of("-jar", launcherJar.toString(), "--infra-only", "--root", stackRoot.toString(),
                "--kafka-port", String.valueOf(kafkaPort), "--postgres-port", String.valueOf(postgresPort)));
        if (reset) {
            command.add("--reset");
        }
        out.println("Starting Kafka and PostgreSQL with the local stack's launcher (" + String.join(" ",
                command.subList(command.indexOf("-jar"), command.size())) + ")");
        Process launcher;
        try {
            launcher = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the launcher", e);
        }
        ManagedStack stack = new ManagedStack(launcher, kafkaPort, postgresPort);
        try {
            stack.awaitInfrastructure(workDirectory.resolve("logs/launcher.log"));
            out.println("Kafka on 127.0.0.1:" + kafkaPort + ", PostgreSQL on 127.0.0.1:" + postgresPort
                    + " (launcher pid " + launcher.pid() + "); starting the four services");
            stack.services = ServiceSet.start(repositoryRoot, workDirectory, freePorts, definition -> {
                Map<String, String> env = ServiceSet.environment(definition, stack.jdbcUrl(definition), "postgres",
                        "postgres", stack.kafkaBootstrapServers());
                env.putAll(extraEnvironment.apply(definition));
                return env;
            });
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    /** Copies the launcher's output to its log and returns once it says the infrastructure is up. */
    private void awaitInfrastructure(Path logFile) {
        CountDownLatch ready = new CountDownLatch(1);
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(launcher.getInputStream(),
                    StandardCharsets.UTF_8)); Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    log.write(line);
                    log.write(System.lineSeparator());
                    log.flush();
                    if (line.contains(INFRASTRUCTURE_READY)) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                // The launcher is gone; awaitInfrastructure notices.
            }
        }, "launcher-output");
        pump.setDaemon(true);
        pump.start();
        try {
            long deadline = System.nanoTime() + INFRASTRUCTURE_TIMEOUT.toNanos();
            while (!ready.await(500, TimeUnit.MILLISECONDS)) {
                if (!launcher.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("The launcher did not bring Kafka and PostgreSQL up; see " + logFile
                            + (launcher.isAlive() ? "" : " (exit code " + launcher.exitValue() + ")") + ":\n"
                            + tail(logFile));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String jdbcUrl(ServiceDefinition service) {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + service.database();
    }

    @Override
    public String baseUrl(String module) {
        return services.baseUrl(module);
    }

    @Override
    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    @Override
    public List<ProcessGroup> processes() {
        List<ProcessGroup> groups = new ArrayList<>(services.processes());
        long launcherPid = launcher.pid();
        groups.add(ProcessGroup.of("kafka broker (launcher JVM)", "broker", launcherPid));
        groups.add(ListeningProcesses.postgres(postgresPort));
        return groups;
    }

    @Override
    public String postgresJdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres";
    }

    @Override
    public java.util.Map<String, String> versions() {
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

    public long coordinatorPid() {
        return services.pid(COORDINATOR);
    }

    @Override
    public String description() {
        return "managed: local-stack launcher --infra-only (pid " + launcher.pid() + ", Kafka 127.0.0.1:" + kafkaPort
                + ", PostgreSQL 127.0.0.1:" + postgresPort + ") and the four service jars via ServiceProcess ("
                + String.join(", ", ServiceDefinition.ALL.stream().map(s -> s.module() + " "
                        + services.baseUrl(s.module())).toList()) + ")";
    }

    /** Services first (they flush and commit while Kafka and PostgreSQL are up), then the launcher (SIGTERM). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ServiceSet running = services;
        if (running != null) {
            running.close();
        }
        List<ProcessHandle> descendants = launcher.descendants().toList();
        launcher.destroy();
        try {
            if (!launcher.waitFor(LAUNCHER_STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                launcher.destroyForcibly();
                launcher.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
