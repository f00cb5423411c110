package org.homeinfusion.support.document;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import org.homeinfusion.contracts.EventJson;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stores each aggregate as one JSON document beside the columns we search by. Writes check the
 * version they replace, so a lost update cannot slip through even outside a row lock.
 *
 * <p>The table is the service's own (its Flyway script): {@code id UUID PRIMARY KEY}, the indexed
 * columns, {@code version BIGINT} and {@code state JSONB}. A service's repository extends this class
 * with its table and columns and adds the queries only it knows, through {@link #findWhere}.
 *
 * <p>Methods are not final: Spring proxies a {@code @Repository} subclass to translate exceptions, and a
 * final method would run on the proxy's own, empty fields.
 *
 * @param <T> the aggregate, serialized with {@link EventJson#mapper()}
 */
public class DocumentTable<T> {

    private final JdbcClient jdbc;
    private final String table;
    private final Class<T> type;
    private final String name;
    private final Function<T, UUID> id;
    private final ToLongFunction<T> version;
    private final List<Column<T>> columns;
    private final String insert;
    private final String update;
    private final String find;

    /**
     * @param table   the table name, e.g. {@code drug_authorization}; messages name the aggregate after it
     * @param columns the searchable columns besides {@code id}, {@code version} and {@code state}
     */
    protected DocumentTable(JdbcClient jdbc, String table, Class<T> type, Function<T, UUID> id,
            ToLongFunction<T> version, List<Column<T>> columns) {
        this.jdbc = jdbc;
        this.table = table;
        this.type = type;
        this.name = Character.toUpperCase(table.charAt(0)) + table.substring(1).replace('_', ' ');
        this.id = id;
        this.version = version;
        this.columns = List.copyOf(columns);
        String names = this.columns.stream().map(Column::name).collect(Collectors.joining(", "));
        String parameters = this.columns.stream().map(c -> ":" + c.name()).collect(Collectors.joining(", "));
        this.insert = "INSERT INTO " + table + " (id, " + names + ", version, state) VALUES (:id, " + parameters
                + ", :version, CAST(:state AS jsonb))";
        this.update = "UPDATE " + table + " SET version = :version, state = CAST(:state AS jsonb)"
                + " WHERE id = :id AND version = :previous";
        this.find = "SELECT state FROM " + table + " WHERE id = :id";
    }

    /** A column stored beside the document so queries can search or sort by it. */
    public record Column<T>(String name, Function<T, ?> value) {
    }

    /** A column holding {@code value} of the aggregate; give a {@link java.sql.Timestamp} for a {@code TIMESTAMPTZ}. */
    public static <T> Column<T> column(String name, Function<T, ?> value) {
        return new Column<>(name, value);
    }

    public void insert(T aggregate) {
        JdbcClient.StatementSpec statement = jdbc.sql(insert)
                .param("id", id.apply(aggregate))
                .param("version", version.applyAsLong(aggregate))
                .param("state", write(aggregate));
        for (Column<T> column : columns) {
            statement = statement.param(column.name(), column.value().apply(aggregate));
        }
        statement.update();
    }

    /** Replaces the document at the version before the aggregate's; the searchable columns never change. */
    public void update(T aggregate) {
        long next = version.applyAsLong(aggregate);
        int updated = jdbc.sql(update)
                .param("id", id.apply(aggregate))
                .param("version", next)
                .param("previous", next - 1)
                .param("state", write(aggregate))
                .update();
        if (updated != 1) {
            throw new IllegalStateException(name + " " + id.apply(aggregate) + " changed concurrently");
        }
    }

    public Optional<T> find(UUID id) {
        return jdbc.sql(find).param("id", id).query(String.class).optional().map(this::read);
    }

    /** Reads and locks the row, so concurrent changes of one aggregate queue instead of conflicting. */
    public Optional<T> lock(UUID id) {
        return jdbc.sql(find + " FOR UPDATE").param("id", id).query(String.class).optional().map(this::read);
    }

    /**
     * The documents whose row matches {@code condition}: the SQL after {@code WHERE}, with any
     * {@code ORDER BY}, over this table's columns and named {@code parameters}.
     */
    protected List<T> findWhere(String condition, Map<String, ?> parameters) {
        return jdbc.sql("SELECT state FROM " + table + " WHERE " + condition)
                .params(parameters).query(String.class).list().stream().map(this::read).toList();
    }

    private String write(T aggregate) {
        return EventJson.mapper().writeValueAsString(aggregate);
    }

    private T read(String json) {
        return EventJson.mapper().readValue(json, type);
    }
}
