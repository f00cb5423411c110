package org.homeinfusion.coordinator.alerts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.homeinfusion.contracts.EventJson;
import org.homeinfusion.contracts.alerts.AlertEvent;
import org.homeinfusion.coordinator.cases.CaseAlertSummaries;
import org.homeinfusion.coordinator.cases.CaseKey;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code case_alert}: the alerts raised (and resolved) or skipped, per case. Waiting deadlines are not rows here: a
 * case keeps the time of its earliest one ({@code case_readiness.revisit_at}). Rows change only under their case's
 * row lock (see CaseAlerts).
 */
@Repository
class AlertStore {

    private static final JsonMapper JSON = EventJson.mapper();
    private static final TypeReference<List<AlertAction>> ACTIONS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    AlertStore(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** Every alert of these cases that may still change or must never be raised again. */
    Map<CaseKey, List<StoredAlert>> forCases(Collection<CaseKey> keys) {
        Map<CaseKey, List<StoredAlert>> byCase = new HashMap<>();
        jdbc.sql("""
                        SELECT a.specialist_org_id, a.case_id, a.alert_id, a.alert_type, a.state, a.due_at, a.series,
                               a.alert -> 'actions' AS actions
                        FROM case_alert a
                        JOIN unnest(CAST(:orgs AS text[]), CAST(:caseIds AS text[])) AS batch(org, case_id)
                          ON a.specialist_org_id = batch.org AND a.case_id = batch.case_id""")
                .param("orgs", keys.stream().map(CaseKey::specialistOrgId).toArray(String[]::new))
                .param("caseIds", keys.stream().map(CaseKey::caseId).toArray(String[]::new))
                .query((rs, n) -> {
                    String actions = rs.getString("actions");
                    byCase.computeIfAbsent(new CaseKey(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                            .add(new StoredAlert(rs.getObject("alert_id", UUID.class),
                                    AlertType.valueOf(rs.getString("alert_type")), AlertState.valueOf(rs.getString("state")),
                                    rs.getTimestamp("due_at").toInstant(), rs.getString("series"),
                                    actions == null ? List.of() : JSON.readValue(actions, ACTIONS)));
                    return null;
                }).list();
        return byCase;
    }

    /** The changes of a batch of cases, a few statements whatever its size. */
    void apply(Writes writes) {
        // ON CONFLICT DO NOTHING: an alertId that was ever stored is settled (the reconciliation never raises it).
        batch("""
                INSERT INTO case_alert (alert_id, specialist_org_id, case_id, alert_type, state, severity, series, due_at)
                VALUES (:id, :org, :caseId, :type, 'SKIPPED', :severity, :series, :dueAt)
                ON CONFLICT (alert_id) DO NOTHING""", writes.skipped);
        batch("""
                INSERT INTO case_alert (alert_id, specialist_org_id, case_id, alert_type, state, severity, series, due_at,
                                        raised_at, audience, alert)
                VALUES (:id, :org, :caseId, :type, 'OPEN', :severity, :series, :dueAt, :raisedAt,
                        CAST(:audience AS text[]), CAST(:alert AS jsonb))
                ON CONFLICT (alert_id) DO NOTHING""", writes.raised);
        batch("""
                UPDATE case_alert SET state = 'RESOLVED', resolved_at = :resolvedAt, resolution = :reason
                WHERE alert_id = :id AND state = 'OPEN'""", writes.resolved);
    }

    private void batch(String sql, List<MapSqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            named.batchUpdate(sql, rows.toArray(MapSqlParameterSource[]::new));
        }
    }

    /** The statements' parameters, gathered over a batch of cases. */
    static final class Writes {

        private final List<MapSqlParameterSource> skipped = new ArrayList<>();
        private final List<MapSqlParameterSource> raised = new ArrayList<>();
        private final List<MapSqlParameterSource> resolved = new ArrayList<>();

        void skip(CaseKey key, PlannedAlert alert) {
            skipped.add(row(key, alert));
        }

        void raise(CaseKey key, PlannedAlert alert, AlertEvent event) {
            Set<String> audience = new LinkedHashSet<>();
            audience.add(key.specialistOrgId());
            alert.actions().forEach(action -> audience.add(action.orgId()));
            raised.add(row(key, alert).addValue("raisedAt", Timestamp.from(event.raisedAt()))
                    .addValue("audience", audience.toArray(String[]::new))
                    .addValue("alert", JSON.writeValueAsString(event)));
        }

        void resolve(StoredAlert alert, String reason, Instant now) {
            resolved.add(new MapSqlParameterSource("id", alert.alertId()).addValue("reason", reason)
                    .addValue("resolvedAt", Timestamp.from(now)));
        }

        private static MapSqlParameterSource row(CaseKey key, PlannedAlert alert) {
            return new MapSqlParameterSource("id", alert.alertId())
                    .addValue("org", key.specialistOrgId()).addValue("caseId", key.caseId())
                    .addValue("type", alert.type().name()).addValue("severity", alert.severity().name())
                    .addValue("series", alert.series()).addValue("dueAt", Timestamp.from(alert.dueAt()));
        }
    }

    // ---- reads for the API ----

    /** One alert as the worklist shows it: the raised event's fields, with where it stands. */
    record Row(String json, AlertState state, Instant resolvedAt, String resolution) {
    }

    List<Row> worklist(String org, AlertState state, String type, String caseId, int limit, int offset) {
        return jdbc.sql("""
                        SELECT alert::text AS alert, state, resolved_at, resolution FROM case_alert
                        WHERE audience @> ARRAY[CAST(:org AS text)] AND state = :state
                          AND (CAST(:type AS text) IS NULL OR alert_type = :type)
                          AND (CAST(:caseId AS text) IS NULL OR case_id = :caseId)
                        ORDER BY CASE severity WHEN 'CRITICAL' THEN 0 WHEN 'WARNING' THEN 1 ELSE 2 END, due_at, alert_id
                        LIMIT :limit OFFSET :offset""")
                .param("org", org).param("state", state.name()).param("type", type).param("caseId", caseId)
                .param("limit", limit).param("offset", offset)
                .query(AlertStore::row).list();
    }

    /** Every raised alert with this caseId that {@code org} may see, whichever specialist's case it is. */
    List<Row> ofCase(String caseId, String org) {
        return jdbc.sql("""
                        SELECT alert::text AS alert, state, resolved_at, resolution FROM case_alert
                        WHERE case_id = :caseId AND state IN ('OPEN', 'RESOLVED') AND audience @> ARRAY[CAST(:org AS text)]
                        ORDER BY raised_at DESC, alert_id""")
                .param("caseId", caseId).param("org", org)
                .query(AlertStore::row).list();
    }

    /** How many alerts of each case are open. */
    Map<CaseKey, CaseAlertSummaries.Summary> summaries(Collection<CaseKey> keys) {
        Map<CaseKey, CaseAlertSummaries.Summary> summaries = new HashMap<>();
        jdbc.sql("""
                        SELECT a.specialist_org_id, a.case_id, count(*) FILTER (WHERE a.state = 'OPEN')
                        FROM case_alert a
                        JOIN unnest(CAST(:orgs AS text[]), CAST(:caseIds AS text[])) AS batch(org, case_id)
                          ON a.specialist_org_id = batch.org AND a.case_id = batch.case_id
                        GROUP BY a.specialist_org_id, a.case_id""")
                .param("orgs", keys.stream().map(CaseKey::specialistOrgId).toArray(String[]::new))
                .param("caseIds", keys.stream().map(CaseKey::caseId).toArray(String[]::new))
                .query((rs, n) -> {
                    summaries.put(new CaseKey(rs.getString(1), rs.getString(2)), new CaseAlertSummaries.Summary(rs.getLong(3)));
                    return null;
                }).list();
        return summaries;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp resolvedAt = rs.getTimestamp("resolved_at");
        return new Row(rs.getString("alert"), AlertState.valueOf(rs.getString("state")),
                resolvedAt == null ? null : resolvedAt.toInstant(), rs.getString("resolution"));
    }
}
