package org.homeinfusion.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (zonky's Maven-shipped binaries) running as a child process of this JVM.
 *
 * <p>Given a data directory, the cluster is created once and reused on later starts, so the local stack keeps its
 * data; without one, a temporary cluster is thrown away on close.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    public static final String USERNAME = "postgres";
    public static final String PASSWORD = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    private final int port;

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
        this.server = server;
        this.port = server.getPort();
    }

    /** A throw-away cluster on a free port. */
    public static EmbeddedPostgres start() {
        return start(0, null);
    }

    /**
     * Starts PostgreSQL on {@code port} (0 picks a free one) keeping its cluster in {@code dataDirectory}; a
     * {@code null} directory means a temporary cluster.
     *
     * @throws IllegalStateException if the port is taken or the server does not come up
     */
    public static EmbeddedPostgres start(int port, Path dataDirectory) {
        if (port != 0 && !FreePorts.isFree(port)) {
            throw new IllegalStateException("Port " + port + " on 127.0.0.1 is already in use");
        }
        QuietLogging.warnOnly(QuietLogging.POSTGRES_LOGGERS);
        long started = System.nanoTime();
        var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setPort(port == 0 ? FreePorts.pick() : port)
                .setPGStartupWait(STARTUP_WAIT)
                // Whoever starts us decides the shutdown order (services before their database).
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "32MB")
                // A cluster that outlives the process (local stack, benchmark) is durable: a commit the API answered
                // for survives a crash. The embedded server defaults to synchronous_commit=off, which would not.
                // Throw-away test clusters skip both, as nothing reads them after a crash.
                .setServerConfig("fsync", dataDirectory == null ? "off" : "on")
                .setServerConfig("synchronous_commit", dataDirectory == null ? "off" : "on");
        if (dataDirectory != null) {
            try {
                Files.createDirectories(dataDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create " + dataDirectory, e);
            }
            builder.setDataDirectory(dataDirectory.toAbsolutePath()).setCleanDataDirectory(false);
        }
        try {
            EmbeddedPostgres postgres = new EmbeddedPostgres(builder.start());
            log.info("PostgreSQL serving on 127.0.0.1:{} (data {}) after {} ms", postgres.port,
                    dataDirectory == null ? "temporary" : dataDirectory,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return postgres;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL did not start on port " + port, e);
        }
    }

    public int port() {
        return port;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + checkedName(database);
    }

    /** Creates {@code name} unless it exists; safe to call from several threads or on a reused cluster. */
    public synchronized void createDatabaseIfMissing(String name) {
        String database = checkedName(name);
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USERNAME, PASSWORD)) {
            try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database \"" + database + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database, e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }

    private static String checkedName(String database) {
        if (database == null || !DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        return database;
    }
}
