package org.homeinfusion.infrastructure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running inside this JVM.
 *
 * <p>It can be stopped and started again on the same port and log directory, which is how tests simulate a broker
 * outage and how the local stack keeps its topics across restarts. It uses Kafka's internal server classes, so the
 * Kafka version is pinned by the build.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final String TEMP_PREFIX = "embedded-kafka-";
    private static final String OWNER_FILE = "owner.pid";

    private final int port;
    private final Path logDirectory;
    private final boolean deleteLogDirectoryOnClose;
    private final Map<String, String> overrides;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(Builder builder) {
        this.port = builder.port == 0 ? FreePorts.pick() : builder.port;
        this.logDirectory = builder.logDirectory != null ? builder.logDirectory : createTempDirectory();
        this.deleteLogDirectoryOnClose = builder.logDirectory == null;
        this.overrides = Map.copyOf(builder.overrides);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Formats the log directory unless it already holds a broker's data, then starts and waits until it serves. */
    public synchronized EmbeddedKafkaBroker start() {
        if (server != null) {
            return this;
        }
        QuietLogging.warnOnly(QuietLogging.KAFKA_LOGGERS);
        long started = System.nanoTime();
        // The controller listener only talks to this very node: a fresh port each start is fine and avoids a clash.
        Properties properties = serverProperties(FreePorts.pick());
        formatIfNeeded(properties);
        KafkaRaftServer candidate = new KafkaRaftServer(new KafkaConfig(properties), Time.SYSTEM);
        try {
            candidate.startup();
            awaitServing();
        } catch (RuntimeException e) {
            candidate.shutdown();
            candidate.awaitShutdown();
            throw new IllegalStateException("Kafka broker did not start on " + bootstrapServers(), e);
        }
        server = candidate;
        log.info("Kafka broker serving on {} (log dir {}) after {} ms", bootstrapServers(), logDirectory,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return this;
    }

    /** Shuts the broker down cleanly and waits for it; the data stays for a later {@link #start()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer stopping = server;
        server = null;
        stopping.shutdown();
        stopping.awaitShutdown();
        log.info("Kafka broker on {} stopped", bootstrapServers());
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** {@code 127.0.0.1:<port>}; known before the first start, stable across restarts. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path logDirectory() {
        return logDirectory;
    }

    @Override
    public void close() {
        stop();
        if (deleteLogDirectoryOnClose) {
            Directories.deleteRecursively(logDirectory);
        }
    }

    private Properties serverProperties(int controllerPort) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("node.id", String.valueOf(NODE_ID));
        settings.put("process.roles", "broker,controller");
        settings.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("log.dirs", logDirectory.toAbsolutePath().toString());
        settings.put("num.partitions", "3");
        settings.put("auto.create.topics.enable", "true");
        // A single node can hold only one replica of the internal topics.
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("offsets.topic.num.partitions", "5");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("transaction.state.log.num.partitions", "5");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("min.insync.replicas", "1");
        settings.put("default.replication.factor", "1");
        // Consumers in tests must get their partitions at once, not after the 3 s production default.
        settings.put("group.initial.rebalance.delay.ms", "0");
        // The broker shares a small machine (and often the test JVM's heap) with the services.
        settings.put("num.network.threads", "2");
        settings.put("num.io.threads", "2");
        settings.put("background.threads", "2");
        settings.put("log.cleaner.threads", "1");
        settings.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        settings.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        settings.putAll(overrides);
        Properties properties = new Properties();
        properties.putAll(settings);
        return properties;
    }

    private void formatIfNeeded(Properties properties) {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDirectory);
            Path config = Files.createTempFile("embedded-kafka-config-", ".properties");
            try {
                try (OutputStream out = Files.newOutputStream(config)) {
                    properties.store(out, "embedded Kafka broker");
                }
                ByteArrayOutputStream output = new ByteArrayOutputStream();
                int exitCode;
                try (PrintStream printer = new PrintStream(output, true, StandardCharsets.UTF_8)) {
                    exitCode = StorageTool.execute(new String[] {"format", "--ignore-formatted",
                            "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString()}, printer);
                }
                if (exitCode != 0) {
                    throw new IllegalStateException("Formatting " + logDirectory + " failed (" + exitCode + "): "
                            + output.toString(StandardCharsets.UTF_8));
                }
            } finally {
                Files.deleteIfExists(config);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot format Kafka log directory " + logDirectory, e);
        }
    }

    /** {@code startup()} returns once the broker is unfenced; this confirms clients can actually reach it. */
    private void awaitServing() {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the broker", e);
        } catch (Exception e) {
            throw new IllegalStateException("Broker on " + bootstrapServers() + " does not answer", e);
        }
    }

    /**
     * A JVM killed before {@link #close()} leaves its temporary log directory behind; each new one is tagged with its
     * owner's pid so the next broker can remove those whose owner is gone.
     */
    private static Path createTempDirectory() {
        try {
            Path directory = Files.createTempDirectory(TEMP_PREFIX);
            Files.writeString(directory.resolve(OWNER_FILE), String.valueOf(ProcessHandle.current().pid()));
            removeAbandonedTempDirectories(directory.getParent());
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeAbandonedTempDirectories(Path tempRoot) {
        try (var candidates = Files.newDirectoryStream(tempRoot, TEMP_PREFIX + "*")) {
            for (Path candidate : candidates) {
                Path owner = candidate.resolve(OWNER_FILE);
                if (Files.isRegularFile(owner) && !isAlive(Files.readString(owner).trim())) {
                    Directories.deleteRecursively(candidate);
                }
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Could not clean abandoned Kafka temp directories in {}", tempRoot, e);
        }
    }

    private static boolean isAlive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** Settings of a broker not started yet. */
    public static final class Builder {
        private int port;
        private Path logDirectory;
        private final Map<String, String> overrides = new LinkedHashMap<>();

        private Builder() {
        }

        /** The client port; 0 (the default) picks a free one once, kept across restarts. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("Not a port: " + port);
            }
            this.port = port;
            return this;
        }

        /** Where the data lives and survives restarts; unset means a temporary directory deleted on close. */
        public Builder logDirectory(Path logDirectory) {
            this.logDirectory = Objects.requireNonNull(logDirectory);
            return this;
        }

        public Builder partitions(int partitions) {
            return property("num.partitions", String.valueOf(partitions));
        }

        /** Any broker setting, applied last. */
        public Builder property(String name, String value) {
            overrides.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        public EmbeddedKafkaBroker build() {
            return new EmbeddedKafkaBroker(this);
        }
    }
}
