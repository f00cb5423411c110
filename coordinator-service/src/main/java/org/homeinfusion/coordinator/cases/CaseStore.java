package org.homeinfusion.coordinator.cases;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.homeinfusion.contracts.EventJson;
import org.homeinfusion.coordinator.readiness.Authorization;
import org.homeinfusion.coordinator.readiness.CaseAuthorizations;
import org.homeinfusion.coordinator.readiness.DrugAuthorization;
import org.homeinfusion.coordinator.readiness.NursingAuthorization;
import org.homeinfusion.coordinator.readiness.Pillar;
import org.homeinfusion.coordinator.readiness.Readiness;
import org.homeinfusion.coordinator.readiness.ReadinessState;
import org.homeinfusion.coordinator.readiness.RecordedReadiness;
import org.homeinfusion.coordinator.readiness.SuppliesAuthorization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The coordinator's SQL: cases, their authorizations and their readiness. */
@Repository
class CaseStore {

    private static final JsonMapper JSON = EventJson.mapper();

    private final JdbcClient jdbc;

    CaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the case's row, creating it if this is its first event, and loads the whole case. Holding
     * the row lock until commit serializes every change of one case across threads and instances.
     */
    CaseRecord lock(CaseKey key, Instant now) {
        jdbc.sql("""
                        INSERT INTO case_readiness (specialist_org_id, case_id, state, readiness_version, recorded,
                                                    readiness, participants, first_event_at, updated_at)
                        VALUES (:org, :caseId, 'NOT_READY', 0, CAST(:recorded AS jsonb), 'null'::jsonb,
                                ARRAY[:org]::text[], :now, :now)
                        ON CONFLICT DO NOTHING""")
                .param("org", key.specialistOrgId()).param("caseId", key.caseId())
                .param("recorded", JSON.writeValueAsString(RecordedReadiness.neverEmitted()))
                .param("now", Timestamp.from(now))
                .update();
        CaseRecord locked = jdbc.sql("""
                        SELECT * FROM case_readiness WHERE specialist_org_id = :org AND case_id = :caseId FOR UPDATE""")
                .param("org", key.specialistOrgId()).param("caseId", key.caseId())
                .query((rs, n) -> mapCase(rs, null)).single();
        return withAuthorizations(locked);
    }

    Optional<CaseRecord> find(CaseKey key) {
        return jdbc.sql("SELECT * FROM case_readiness WHERE specialist_org_id = :org AND case_id = :caseId")
                .param("org", key.specialistOrgId()).param("caseId", key.caseId())
                .query((rs, n) -> mapCase(rs, null)).optional()
                .filter(found -> found.readiness() != null)
                .map(this::withAuthorizations);
    }

    /** Cases with this caseId in which {@code org} takes part (as specialist or assigned organization). */
    List<CaseKey> casesWithIdVisibleTo(String caseId, String org) {
        return jdbc.sql("""
                        SELECT specialist_org_id, case_id FROM case_readiness
                        WHERE case_id = :caseId AND participants @> ARRAY[:org]::text[] AND readiness <> 'null'::jsonb
                        ORDER BY specialist_org_id""")
                .param("caseId", caseId).param("org", org)
                .query((rs, n) -> new CaseKey(rs.getString(1), rs.getString(2))).list();
    }

    List<CaseRecord> visibleTo(String org, ReadinessState state, int limit, int offset) {
        return jdbc.sql("""
                        SELECT * FROM case_readiness
                        WHERE participants @> ARRAY[:org]::text[] AND readiness <> 'null'::jsonb
                          AND (CAST(:state AS text) IS NULL OR state = :state)
                        ORDER BY updated_at DESC, specialist_org_id, case_id LIMIT :limit OFFSET :offset""")
                .param("org", org).param("state", state == null ? null : state.name())
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> mapCase(rs, CaseAuthorizations.empty())).list();
    }

    Optional<Collection<String>> participants(CaseKey key) {
        return jdbc.sql("SELECT participants FROM case_readiness WHERE specialist_org_id = :org AND case_id = :caseId")
                .param("org", key.specialistOrgId()).param("caseId", key.caseId())
                .query((rs, n) -> (Collection<String>) participantsOf(rs)).optional();
    }

    /** Writes the authorizations that changed and the case's new readiness. */
    void save(CaseRecord previous, CaseRecord updated) {
        for (Authorization authorization : updated.authorizations().all()) {
            Optional<Authorization> before = previous.authorizations().find(authorization.id());
            if (before.isEmpty() || before.get().version() != authorization.version()) {
                upsert(updated.key(), authorization);
            }
        }
        jdbc.sql("""
                        UPDATE case_readiness SET state = :state, readiness_version = :version,
                               recorded = CAST(:recorded AS jsonb), readiness = CAST(:readiness AS jsonb),
                               participants = CAST(:participants AS text[]), ready_at = :readyAt, updated_at = :updatedAt
                        WHERE specialist_org_id = :org AND case_id = :caseId""")
                .param("state", updated.readiness().state().name())
                .param("version", updated.recorded().readinessVersion())
                .param("recorded", JSON.writeValueAsString(updated.recorded()))
                .param("readiness", JSON.writeValueAsString(updated.readiness()))
                .param("participants", "{" + String.join(",", updated.participants().stream()
                        .map(p -> "\"" + p + "\"").toList()) + "}")
                .param("readyAt", updated.readyAt() == null ? null : Timestamp.from(updated.readyAt()))
                .param("updatedAt", Timestamp.from(updated.updatedAt()))
                .param("org", updated.key().specialistOrgId()).param("caseId", updated.key().caseId())
                .update();
    }

    long countByState(ReadinessState state) {
        return jdbc.sql("SELECT count(*) FROM case_readiness WHERE state = :state AND readiness <> 'null'::jsonb")
                .param("state", state.name()).query(Long.class).single();
    }

    List<Object[]> countBlockers() {
        return jdbc.sql("""
                        SELECT blocker ->> 'code', count(*) FROM case_readiness,
                               jsonb_array_elements(CASE WHEN jsonb_typeof(readiness -> 'blockers') = 'array'
                                                         THEN readiness -> 'blockers' ELSE '[]'::jsonb END) AS blocker
                        GROUP BY 1""")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)}).list();
    }

    private void upsert(CaseKey key, Authorization authorization) {
        jdbc.sql("""
                        INSERT INTO case_authorization (authorization_id, specialist_org_id, case_id, pillar, version, snapshot)
                        VALUES (:id, :org, :caseId, :pillar, :version, CAST(:snapshot AS jsonb))
                        ON CONFLICT (authorization_id) DO UPDATE SET version = EXCLUDED.version, snapshot = EXCLUDED.snapshot
                        WHERE case_authorization.version < EXCLUDED.version""")
                .param("id", authorization.id()).param("org", key.specialistOrgId()).param("caseId", key.caseId())
                .param("pillar", authorization.pillar().name()).param("version", authorization.version())
                .param("snapshot", JSON.writeValueAsString(authorization))
                .update();
    }

    private CaseRecord withAuthorizations(CaseRecord record) {
        List<Authorization> authorizations = jdbc.sql("""
                        SELECT pillar, snapshot FROM case_authorization WHERE specialist_org_id = :org AND case_id = :caseId""")
                .param("org", record.key().specialistOrgId()).param("caseId", record.key().caseId())
                .query((rs, n) -> readAuthorization(Pillar.valueOf(rs.getString(1)), rs.getString(2))).list();
        return new CaseRecord(record.key(), CaseAuthorizations.of(authorizations), record.recorded(), record.readiness(),
                record.participants(), record.firstEventAt(), record.readyAt(), record.updatedAt());
    }

    private static Authorization readAuthorization(Pillar pillar, String json) {
        return switch (pillar) {
            case DRUG -> JSON.readValue(json, DrugAuthorization.class);
            case NURSING -> JSON.readValue(json, NursingAuthorization.class);
            case SUPPLIES -> JSON.readValue(json, SuppliesAuthorization.class);
        };
    }

    private static CaseRecord mapCase(ResultSet rs, CaseAuthorizations authorizations) throws SQLException {
        String readiness = rs.getString("readiness");
        Timestamp readyAt = rs.getTimestamp("ready_at");
        return new CaseRecord(new CaseKey(rs.getString("specialist_org_id"), rs.getString("case_id")), authorizations,
                JSON.readValue(rs.getString("recorded"), RecordedReadiness.class),
                readiness == null || "null".equals(readiness) ? null : JSON.readValue(readiness, Readiness.class),
                participantsOf(rs), rs.getTimestamp("first_event_at").toInstant(),
                readyAt == null ? null : readyAt.toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static LinkedHashSet<String> participantsOf(ResultSet rs) throws SQLException {
        Array array = rs.getArray("participants");
        return new LinkedHashSet<>(Arrays.asList((String[]) array.getArray()));
    }
}
