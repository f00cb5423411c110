package org.homeinfusion.coordinator.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.homeinfusion.contracts.ContractEvent;
import org.homeinfusion.contracts.EventJson;
import org.homeinfusion.contracts.readiness.ReadinessEvent;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Every readiness version each case announced, kept beside the outbox append that announces it (same transaction),
 * so the console can show a case's history without replaying the topic.
 */
@Component
class ReadinessHistory {

    /** One announced version: {@code GET /api/cases/{caseId}/readiness/history}. */
    record Entry(long readinessVersion, String eventType, Instant occurredAt, JsonNode event) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    ReadinessHistory(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** One statement per batch; a version already recorded (a retried transaction) stays as it was. */
    void record(List<ContractEvent> events) {
        List<MapSqlParameterSource> rows = events.stream().filter(ReadinessEvent.class::isInstance)
                .map(ReadinessEvent.class::cast)
                .map(event -> new MapSqlParameterSource()
                        .addValue("org", event.specialistOrgId())
                        .addValue("caseId", event.caseId())
                        .addValue("version", event.readinessVersion())
                        .addValue("type", event.eventName())
                        .addValue("event", EventJson.mapper().writeValueAsString(event))
                        .addValue("occurredAt", Timestamp.from(event.occurredAt())))
                .toList();
        if (rows.isEmpty()) {
            return;
        }
        named.batchUpdate("""
                INSERT INTO case_readiness_history
                    (specialist_org_id, case_id, readiness_version, event_type, event, occurred_at)
                VALUES (:org, :caseId, :version, :type, CAST(:event AS jsonb), :occurredAt)
                ON CONFLICT DO NOTHING""", rows.toArray(MapSqlParameterSource[]::new));
    }

    /** The case's versions, newest first. */
    List<Entry> of(CaseKey key) {
        return jdbc.sql("""
                        SELECT readiness_version, event_type, occurred_at, event::text FROM case_readiness_history
                        WHERE specialist_org_id = :org AND case_id = :caseId ORDER BY readiness_version DESC""")
                .param("org", key.specialistOrgId()).param("caseId", key.caseId())
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        EventJson.mapper().readTree(rs.getString(4))))
                .list();
    }
}
