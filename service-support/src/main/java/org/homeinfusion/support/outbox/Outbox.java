package org.homeinfusion.support.outbox;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.homeinfusion.contracts.CloudEventHeaders;
import org.homeinfusion.contracts.ContractEvent;
import org.homeinfusion.contracts.EventJson;
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

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String source;
    private final boolean appendsInCommitOrder;
    private final Runnable afterCommit;
    private final JsonMapper jsonMapper = EventJson.mapper();

    Outbox(JdbcClient jdbc, Clock clock, String source, boolean appendsInCommitOrder, Runnable afterCommit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.source = source;
        this.appendsInCommitOrder = appendsInCommitOrder;
        this.afterCommit = afterCommit;
    }

    /** Stores {@code event} for {@code topic}, keyed by its caseId. Must run inside a transaction. */
    public UUID append(String topic, ContractEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.append needs the transaction of the state change it reports");
        }
        if (appendsInCommitOrder) {
            // The exactly-once relay resumes after the highest position it published, so positions must
            // become visible in increasing order: writers queue here until the previous one commits.
            jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", APPEND_ORDER_LOCK).query().singleRow();
        }
        UUID eventId = UUID.randomUUID();
        Map<String, String> headers = CloudEventHeaders.of(eventId, event.eventName(), source, clock.instant(),
                event.caseId());
        jdbc.sql("""
                        INSERT INTO outbox_record (topic, record_key, event_id, event_type, headers, payload)
                        VALUES (:topic, :key, :eventId, :type, CAST(:headers AS jsonb), :payload)""")
                .param("topic", topic)
                .param("key", event.caseId())
                .param("eventId", eventId)
                .param("type", event.eventName())
                .param("headers", jsonMapper.writeValueAsString(headers))
                .param("payload", jsonMapper.writeValueAsString(event))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                afterCommit.run();
            }
        });
        return eventId;
    }
}
