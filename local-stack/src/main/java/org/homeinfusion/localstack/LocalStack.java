package org.homeinfusion.localstack;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.homeinfusion.infrastructure.Directories;
import org.homeinfusion.infrastructure.EmbeddedKafkaBroker;
import org.homeinfusion.infrastructure.EmbeddedPostgres;
import org.homeinfusion.infrastructure.FreePorts;
import org.homeinfusion.infrastructure.ServiceDefinition;
import org.homeinfusion.infrastructure.ServiceProcess;

/**
 * Starts the whole system on one machine without Docker: a KRaft broker and PostgreSQL in this JVM, then the four
 * services as child JVMs, and keeps them running until Ctrl-C.
 *
 * <p>Startup order follows the dependencies (broker and databases before services); shutdown reverses it so services
 * can flush their outboxes and commit offsets while Kafka and PostgreSQL are still there.
 */
public final class LocalStack {

    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(120);
    static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final int LOG_TAIL_LINES = 40;

    private final LaunchOptions options;
    private final Path root;
    private final Path stateDirectory;
    private final StaleProcesses staleProcesses;
    private final List<ServiceProcess> services = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile EmbeddedKafkaBroker kafka;
    private volatile EmbeddedPostgres postgres;
    private volatile boolean shuttingDown;

    private LocalStack(LaunchOptions options, Path root) {
        this.options = options;
        this.root = root;
        this.stateDirectory = root.resolve(".local-stack");
        this.staleProcesses = new StaleProcesses(stateDirectory, postgresData());
    }

    public static void main(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LaunchOptions.USAGE);
            return;
        }
        Path root = options.root() != null ? options.root().toAbsolutePath().normalize() : findRepositoryRoot();
        LocalStack stack = new LocalStack(options, root);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::shutdown, "local-stack-shutdown"));
        int exitCode;
        try {
            exitCode = stack.run();
        } catch (StartupFailure e) {
            System.err.println();
            System.err.println("Local stack failed to start: " + e.getMessage());
            exitCode = 1;
        }
        // Exiting runs the shutdown hook, which stops whatever did start.
        System.exit(exitCode);
    }

    private int run() {
        Optional<Long> other = staleProcesses.runningLauncher();
        if (other.isPresent()) {
            throw new StartupFailure("another local stack is running from " + root + " (pid " + other.get()
                    + "); stop it with Ctrl-C or `kill " + other.get() + "`");
        }
        try {
            staleProcesses.removeLeftovers();
            if (options.reset()) {
                System.out.println("Deleting " + root.relativize(dataDirectory()) + " (--reset)");
                Directories.deleteRecursively(dataDirectory());
            }
            Files.createDirectories(dataDirectory());
            Files.createDirectories(logDirectory());
            staleProcesses.recordLauncher();
        } catch (IOException e) {
            throw new StartupFailure("cannot prepare " + stateDirectory + ": " + e.getMessage());
        }

        startKafka();
        startPostgres();
        if (options.infrastructureOnly()) {
            printInfrastructure();
            System.out.println("Infrastructure only (--infra-only). Ctrl-C to stop.");
            awaitStop();
            return 0;
        }
        // Checked after the databases exist, which is what a service run from the IDE needs anyway.
        startServices(locateJars());
        awaitHealthy();
        printSummary();
        if (options.demo()) {
            runDemo();
        }
        System.out.println("Local stack is running. Ctrl-C to stop.");
        watchServices();
        return 0;
    }

    private void startKafka() {
        int port = options.kafkaPort();
        if (!FreePorts.isFree(port)) {
            throw new StartupFailure("Kafka port " + port + " on 127.0.0.1 is in use (another broker?). Free it, or"
                    + " pick another with --kafka-port (services are configured accordingly).");
        }
        System.out.print("Starting Kafka (KRaft) on 127.0.0.1:" + port + " ... ");
        long started = System.nanoTime();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
                .port(port)
                .logDirectory(dataDirectory().resolve("kafka"))
                .build();
        kafka = broker;
        try {
            broker.start();
        } catch (RuntimeException e) {
            throw new StartupFailure("Kafka did not start: " + rootCause(e));
        }
        System.out.println("up in " + millisSince(started) + " ms");
    }

    private void startPostgres() {
        int port = options.postgresPort();
        if (!FreePorts.isFree(port)) {
            int fallback = FreePorts.pick();
            System.out.println("PostgreSQL port " + port + " is in use (a system PostgreSQL?); using " + fallback
                    + " instead. Use --postgres-port to choose one.");
            port = fallback;
        }
        System.out.print("Starting PostgreSQL 17 on 127.0.0.1:" + port + " ... ");
        long started = System.nanoTime();
        try {
            postgres = EmbeddedPostgres.start(port, postgresData());
        } catch (RuntimeException e) {
            throw new StartupFailure("PostgreSQL did not start: " + rootCause(e)
                    + ". If its data is damaged, start again with --reset.");
        }
        System.out.println("up in " + millisSince(started) + " ms");
        for (ServiceDefinition service : ServiceDefinition.ALL) {
            postgres.createDatabaseIfMissing(service.database());
        }
        System.out.println("Databases ready: " + String.join(", ",
                ServiceDefinition.ALL.stream().map(ServiceDefinition::database).toList()));
    }

    /** All four jars must exist; reports every missing one at once with how to build it. */
    private List<Path> locateJars() {
        List<Path> jars = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (ServiceDefinition service : ServiceDefinition.ALL) {
            Optional<Path> jar = findJar(service.module());
            if (jar.isPresent()) {
                jars.add(jar.get());
            } else {
                missing.add("  " + service.module() + ": no " + service.module() + "/target/" + service.module()
                        + ".jar");
            }
        }
        if (!missing.isEmpty()) {
            throw new StartupFailure("service jar(s) missing:\n" + String.join("\n", missing)
                    + "\nBuild them with `./mvnw -B -DskipTests package` (or run ./run-local.sh without --no-build)."
                    + "\nTo run only Kafka and PostgreSQL, use --infra-only.");
        }
        return jars;
    }

    /** Prefers {@code <module>.jar}; accepts the default {@code <module>-<version>.jar} as well. */
    private Optional<Path> findJar(String module) {
        Path target = root.resolve(module).resolve("target");
        Path preferred = target.resolve(module + ".jar");
        if (Files.isRegularFile(preferred)) {
            return Optional.of(preferred);
        }
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(target, module + "-*.jar")) {
            for (Path candidate : candidates) {
                String name = candidate.getFileName().toString();
                if (!name.endsWith("-plain.jar") && !name.endsWith("-sources.jar") && !name.endsWith("-tests.jar")
                        && !name.endsWith("-javadoc.jar")) {
                    return Optional.of(candidate);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private void startServices(List<Path> jars) {
        List<Long> pids = new ArrayList<>();
        for (int i = 0; i < ServiceDefinition.ALL.size(); i++) {
            ServiceDefinition service = ServiceDefinition.ALL.get(i);
            if (!FreePorts.isFree(service.port())) {
                throw new StartupFailure(service.module() + "'s port " + service.port() + " is in use");
            }
            ServiceProcess process = ServiceProcess.launch(service, jars.get(i), logDirectory(), environmentFor(service));
            services.add(process);
            pids.add(process.pid());
            System.out.println("Started " + service.module() + " (pid " + process.pid() + ", log "
                    + root.relativize(process.logFile()) + ")");
        }
        try {
            staleProcesses.recordServices(pids);
        } catch (IOException e) {
            System.out.println("Could not record service pids: " + e.getMessage());
        }
    }

    private Map<String, String> environmentFor(ServiceDefinition service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", String.valueOf(service.port()));
        env.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl(service.database()));
        env.put("SPRING_DATASOURCE_USERNAME", postgres.username());
        env.put("SPRING_DATASOURCE_PASSWORD", postgres.password());
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", kafka.bootstrapServers());
        // Local conveniences such as loopback webhook receivers hang off this profile unless the user chose one.
        if (System.getenv("SPRING_PROFILES_ACTIVE") == null) {
            env.put("SPRING_PROFILES_ACTIVE", "local");
        }
        if (service.module().equals("coordinator-service")) {
            // The console acts through the pillar services' APIs.
            env.put("HOME_INFUSION_CONSOLE_DRUG_URL", ServiceDefinition.named("drug-auth-service").baseUrl());
            env.put("HOME_INFUSION_CONSOLE_NURSING_URL", ServiceDefinition.named("nursing-auth-service").baseUrl());
            env.put("HOME_INFUSION_CONSOLE_SUPPLIES_URL", ServiceDefinition.named("supplies-auth-service").baseUrl());
        }
        // HOME_INFUSION_JWT_SECRET is inherited from this process's environment when set.
        return env;
    }

    private void awaitHealthy() {
        System.out.print("Waiting for the services to report UP (up to " + HEALTH_TIMEOUT.toSeconds() + " s) ");
        long started = System.nanoTime();
        long deadline = started + HEALTH_TIMEOUT.toNanos();
        List<ServiceProcess> pending = new ArrayList<>(services);
        while (!pending.isEmpty()) {
            for (ServiceProcess service : List.copyOf(pending)) {
                if (!service.isAlive()) {
                    System.out.println();
                    throw new StartupFailure(service.definition().module() + " exited with code "
                            + service.exitValue() + " during startup. Last lines of " + root.relativize(service.logFile())
                            + ":\n" + service.logTail(LOG_TAIL_LINES));
                }
                if (service.isHealthy()) {
                    pending.remove(service);
                    System.out.print("\n  " + service.definition().module() + " UP after "
                            + millisSince(started) / 1000 + " s ");
                }
            }
            if (pending.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                System.out.println();
                StringBuilder report = new StringBuilder("not UP within " + HEALTH_TIMEOUT.toSeconds() + " s: ");
                report.append(String.join(", ", pending.stream().map(s -> s.definition().module()).toList()));
                for (ServiceProcess service : pending) {
                    report.append("\n--- last lines of ").append(root.relativize(service.logFile())).append(" ---\n")
                            .append(service.logTail(LOG_TAIL_LINES));
                }
                throw new StartupFailure(report.toString());
            }
            System.out.print(".");
            sleep(Duration.ofSeconds(1));
        }
        System.out.println();
    }

    private void printInfrastructure() {
        System.out.println();
        System.out.println("Kafka bootstrap     " + kafka.bootstrapServers());
        for (ServiceDefinition service : ServiceDefinition.ALL) {
            System.out.printf("%-19s %s (user postgres, password postgres)%n", "JDBC " + service.database(),
                    postgres.jdbcUrl(service.database()));
        }
        System.out.println("Data                " + root.relativize(dataDirectory()) + " (kept across restarts; --reset wipes it)");
    }

    private void printSummary() {
        printInfrastructure();
        System.out.println("Logs                " + root.relativize(logDirectory()));
        System.out.println();
        System.out.printf("%-22s %-28s %-44s %-48s %s%n", "service", "API base", "health", "prometheus", "OpenAPI UI");
        List<ServiceDefinition> byPort = new ArrayList<>(ServiceDefinition.ALL);
        byPort.sort((a, b) -> Integer.compare(a.port(), b.port()));
        for (ServiceDefinition service : byPort) {
            String base = service.baseUrl();
            System.out.printf("%-22s %-28s %-44s %-48s %s%n", service.module(), base + "/api",
                    base + "/actuator/health", base + "/actuator/prometheus", base + "/swagger-ui.html");
        }
        System.out.println();
        System.out.println("Get a token (valid 8 h) and call an API:");
        System.out.println("  TOKEN=$(java -cp local-stack/target/local-stack.jar org.homeinfusion.localstack.MintToken"
                + " --org SPEC-1 --roles SPECIALIST)");
        System.out.println("  curl -H \"Authorization: Bearer $TOKEN\" http://127.0.0.1:8080/api/cases");
        System.out.println("  Roles: SPECIALIST, PHARMACY, AGENCY, SUPPLIER, PAYER. Signing secret: "
                + (DevTokens.usesDevDefaultSecret() ? "the dev default" : "$" + DevTokens.SECRET_ENV) + ".");
        System.out.println("  Seed story: ./run-local.sh --no-build --demo");
        System.out.println();
        System.out.println("Console             " + ServiceDefinition.named("coordinator-service").baseUrl() + "/console/");
        System.out.println("  Sign in with an organization and a role, e.g. SPEC-1 / SPECIALIST, PHARM-1 / PHARMACY,"
                + " HHA-7 / AGENCY, PAYER-ABC / PAYER" + (DevTokens.usesDevDefaultSecret() ? "."
                : " (the dev sign-in needs the dev default secret; unset $" + DevTokens.SECRET_ENV + ")."));
        System.out.println();
    }

    private void runDemo() {
        try {
            new DemoStory(ServiceDefinition.named("drug-auth-service").baseUrl(),
                    ServiceDefinition.named("nursing-auth-service").baseUrl(),
                    ServiceDefinition.named("supplies-auth-service").baseUrl(),
                    ServiceDefinition.named("coordinator-service").baseUrl(), System.out).play();
        } catch (DemoStory.DemoFailed e) {
            System.out.println("Demo stopped: " + e.getMessage());
            System.out.println("The stack keeps running; see the logs in " + root.relativize(logDirectory()) + ".");
        }
    }

    /** Reports a service that dies while the stack runs; the others keep going. */
    private void watchServices() {
        List<ServiceProcess> reported = new ArrayList<>();
        while (true) {
            try {
                if (stopped.await(2, TimeUnit.SECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            for (ServiceProcess service : List.copyOf(services)) {
                if (!shuttingDown && !service.isAlive() && !reported.contains(service)) {
                    reported.add(service);
                    System.out.println(service.definition().module() + " exited with code " + service.exitValue()
                            + ". Last lines of its log:\n" + service.logTail(LOG_TAIL_LINES));
                }
            }
        }
    }

    private void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Services first (they still need Kafka and PostgreSQL to shut down cleanly), then PostgreSQL, then Kafka. */
    private synchronized void shutdown() {
        if (shuttingDown) {
            return;
        }
        shuttingDown = true;
        stopped.countDown();
        List<ServiceProcess> running = List.copyOf(services);
        if (!running.isEmpty()) {
            System.out.println("Stopping services ...");
            running.forEach(ServiceProcess::requestStop);
            long deadline = System.nanoTime() + STOP_GRACE.toNanos();
            running.forEach(service -> service.awaitStop(deadline));
        }
        EmbeddedPostgres database = postgres;
        if (database != null) {
            System.out.println("Stopping PostgreSQL ...");
            try {
                database.close();
            } catch (RuntimeException e) {
                System.out.println("PostgreSQL did not stop cleanly: " + rootCause(e));
            }
        }
        EmbeddedKafkaBroker broker = kafka;
        if (broker != null) {
            System.out.println("Stopping Kafka ...");
            try {
                broker.stop();
            } catch (RuntimeException e) {
                System.out.println("Kafka did not stop cleanly: " + rootCause(e));
            }
        }
        staleProcesses.forget();
        System.out.println("Local stack stopped.");
    }

    private Path dataDirectory() {
        return stateDirectory.resolve("data");
    }

    private Path postgresData() {
        return dataDirectory().resolve("postgres");
    }

    private Path logDirectory() {
        return stateDirectory.resolve("logs");
    }

    /** The directory holding the root pom and local-stack/, found upwards from this jar (or from the working dir). */
    static Path findRepositoryRoot() {
        List<Path> starts = new ArrayList<>();
        try {
            starts.add(Path.of(LocalStack.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            // Fall back to the working directory below.
        }
        starts.add(Path.of("").toAbsolutePath());
        for (Path start : starts) {
            for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("local-stack"))) {
                    return dir;
                }
            }
        }
        throw new IllegalStateException("Cannot find the repository root; pass --root");
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailure("interrupted");
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + cause + ")";
    }

    /** A startup problem explained to the user; the stack shuts down what had started. */
    static final class StartupFailure extends RuntimeException {
        StartupFailure(String message) {
            super(message);
        }
    }
}
