package org.homeinfusion.support.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.homeinfusion.contracts.CloudEventHeaders;
import org.homeinfusion.contracts.ContractEvent;
import org.homeinfusion.contracts.EventJson;
import org.homeinfusion.support.tracing.TracePropagation;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends events to the outbox inside the caller's transaction. Nothing is sent here: the relay sends
 * after commit, so a rolled-back change never leaks an event and a committed one is never lost.
 */
public class Outbox {

    /** Any constant works; it only has to be the same for every writer of this database. */
    private static final long APPEND_ORDER_LOCK = 0x0_0B_0C_5EL;

    private final NamedParameterJdbcTemplate named;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String source;
    private final boolean appendsInCommitOrder;
    private final Runnable afterCommit;
    private final TracePropagation tracing;
    private final JsonMapper jsonMapper = EventJson.mapper();

    Outbox(NamedParameterJdbcTemplate named, Clock clock, String source, boolean appendsInCommitOrder,
            Runnable afterCommit, TracePropagation tracing) {
        this.named = named;
        this.jdbc = JdbcClient.create(named);
        this.clock = clock;
        this.source = source;
        this.appendsInCommitOrder = appendsInCommitOrder;
        this.afterCommit = afterCommit;
        this.tracing = tracing;
    }

    /** Stores {@code event} for {@code topic}, keyed by its caseId. Must run inside a transaction. */
    public UUID append(String topic, ContractEvent event) {
        return appendAll(topic, List.of(event)).get(0);
    }

    /**
     * Stores {@code events} for {@code topic}, in order, each keyed by its caseId, with one statement
     * (the JDBC driver rewrites the batch into a multi-row insert). Must run inside a transaction; a
     * caller with many events appends them together just before it commits, since in exactly-once mode
     * the append-order lock is held from here to the commit.
     */
    public List<UUID> appendAll(String topic, List<? extends ContractEvent> events) {
        Map<String, String> trace = tracing.currentHeaders();
        return appendAll(topic, events, event -> trace);
    }

    /**
     * As {@link #appendAll(String, List)}, each event carrying the trace context {@code traceOf} gives it (its
     * {@code traceparent} header) instead of the current span's: a batch that changes many cases continues, for
     * each case, the trace of the record that changed it.
     */
    public List<UUID> appendAll(String topic, List<? extends ContractEvent> events,
            Function<? super ContractEvent, Map<String, String>> traceOf) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.append needs the transaction of the state change it reports");
        }
        if (events.isEmpty()) {
            return List.of();
        }
        if (appendsInCommitOrder) {
            // The exactly-once relay resumes after the highest position it published, so positions must
            // become visible in increasing order: writers queue here until the previous one commits.
            jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", APPEND_ORDER_LOCK).query().singleRow();
        }
        List<UUID> eventIds = new ArrayList<>(events.size());
        MapSqlParameterSource[] rows = new MapSqlParameterSource[events.size()];
        for (int i = 0; i < rows.length; i++) {
            ContractEvent event = events.get(i);
            UUID eventId = UUID.randomUUID();
            eventIds.add(eventId);
            Map<String, String> headers = new LinkedHashMap<>(CloudEventHeaders.of(eventId, event.eventName(), source,
                    clock.instant(), event.caseId()));
            headers.putAll(traceOf.apply(event));
            rows[i] = new MapSqlParameterSource()
                    .addValue("topic", topic)
                    .addValue("key", event.caseId())
                    .addValue("eventId", eventId)
                    .addValue("type", event.eventName())
                    .addValue("headers", jsonMapper.writeValueAsString(headers))
                    .addValue("payload", jsonMapper.writeValueAsString(event));
        }
        named.batchUpdate("""
                INSERT INTO outbox_record (topic, record_key, event_id, event_type, headers, payload)
                VALUES (:topic, :key, :eventId, :type, CAST(:headers AS jsonb), :payload)""", rows);
        if (!wakesAfterCommit()) {
            TransactionSynchronizationManager.registerSynchronization(new WakeRelayAfterCommit());
        }
        return eventIds;
    }

    /** One wake-up per transaction, however many appends it made. */
    private static boolean wakesAfterCommit() {
        return TransactionSynchronizationManager.getSynchronizations().stream()
                .anyMatch(WakeRelayAfterCommit.class::isInstance);
    }

    private final class WakeRelayAfterCommit implements TransactionSynchronization {
        @Override
        public void afterCommit() {
            afterCommit.run();
        }
    }
}
