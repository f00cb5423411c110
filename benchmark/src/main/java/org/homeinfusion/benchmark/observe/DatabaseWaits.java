package org.homeinfusion.benchmark.observe;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Samples PostgreSQL's {@code pg_stat_activity} every 100 ms: which statements of which service database are running
 * or waiting, and on what (a lock, I/O, the client). A statement seen in many samples is where that service's
 * database time goes; "Lock" waits are contention between transactions. Cheap enough to leave on.
 */
public final class DatabaseWaits implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 100;
    private static final String QUERY = """
            SELECT datname, coalesce(wait_event_type || ':' || wait_event, 'on CPU'),
                   regexp_replace(left(query, 70), '\\s+', ' ', 'g')
            FROM pg_stat_activity
            WHERE state = 'active' AND backend_type = 'client backend' AND pid <> pg_backend_pid()""";

    private final Connection connection;
    private final ScheduledExecutorService sampler;
    private volatile Map<String, LongAdder> window = new ConcurrentHashMap<>();
    private final LongAdder samples = new LongAdder();

    private DatabaseWaits(Connection connection) {
        this.connection = connection;
        this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "database-waits");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(this::sample, SAMPLE_MILLIS, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Null when the database cannot be reached (the report then simply has no such section). */
    public static DatabaseWaits start(String jdbcUrl, String username, String password) {
        try {
            return new DatabaseWaits(DriverManager.getConnection(jdbcUrl, username, password));
        } catch (SQLException e) {
            return null;
        }
    }

    private void sample() {
        Map<String, LongAdder> current = window;
        try (PreparedStatement statement = connection.prepareStatement(QUERY); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                current.computeIfAbsent(rows.getString(1) + " | " + rows.getString(2) + " | " + rows.getString(3),
                        k -> new LongAdder()).increment();
            }
            samples.increment();
        } catch (SQLException | RuntimeException e) {
            // A sample lost; the next one tries again.
        }
    }

    /**
     * The busiest (database, wait, statement) triples since the last call, as the average number of backends in that
     * state (1.0 = one backend there all the time), and starts a new window.
     */
    public Map<String, Double> drain(int top) {
        Map<String, LongAdder> closed = window;
        long taken = Math.max(1, samples.sumThenReset());
        window = new ConcurrentHashMap<>();
        Map<String, Double> busiest = new LinkedHashMap<>();
        closed.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
                .limit(top)
                .forEach(e -> busiest.put(e.getKey(), Math.round(100.0 * e.getValue().sum() / taken) / 100.0));
        return busiest;
    }

    static List<String> columns() {
        return List.of("database", "wait", "statement");
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        try {
            connection.close();
        } catch (SQLException e) {
            // Going away anyway.
        }
    }
}
