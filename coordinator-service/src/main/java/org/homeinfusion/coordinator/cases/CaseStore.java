package org.homeinfusion.coordinator.cases;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.homeinfusion.contracts.EventJson;
import org.homeinfusion.coordinator.CoordinatorProperties;
import org.homeinfusion.coordinator.readiness.Authorization;
import org.homeinfusion.coordinator.readiness.CaseAuthorizations;
import org.homeinfusion.coordinator.readiness.DrugAuthorization;
import org.homeinfusion.coordinator.readiness.NursingAuthorization;
import org.homeinfusion.coordinator.readiness.Pillar;
import org.homeinfusion.coordinator.readiness.ReadinessState;
import org.homeinfusion.coordinator.readiness.RecordedReadiness;
import org.homeinfusion.coordinator.readiness.SuppliesAuthorization;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/** The coordinator's SQL: cases, their authorizations and their readiness. */
@Repository
class CaseStore {

    private static final JsonMapper JSON = EventJson.mapper();

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final CaseStateCache cache;

    CaseStore(JdbcClient jdbc, NamedParameterJdbcTemplate named, CoordinatorProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.named = named;
        this.cache = new CaseStateCache(properties.caseCacheSize());
        meters.gauge("coordinator.case.cache.size", cache, CaseStateCache::size);
    }

    /**
     * Locks every case of a batch, creating the rows of cases seen for the first time, in a few statements
     * whatever the batch size: create the missing rows, lock them all in one fixed order (no deadlock
     * between instances; the locks are held until commit, serializing every change of a case), then load
     * the cases whose state the cache does not hold at their current revision. Catch-up speed depends on this.
     */
    Map<CaseKey, CaseRecord> lockAll(Collection<CaseKey> keys, Instant now) {
        String[] orgs = keys.stream().map(CaseKey::specialistOrgId).toArray(String[]::new);
        String[] caseIds = keys.stream().map(CaseKey::caseId).toArray(String[]::new);
        jdbc.sql("""
                        INSERT INTO case_readiness (specialist_org_id, case_id, state, readiness_version, recorded,
                                                    readiness, participants, first_event_at, updated_at)
                        SELECT org, case_id, 'NOT_READY', 0, CAST(:recorded AS jsonb), 'null'::jsonb, ARRAY[org], :now, :now
                        FROM unnest(CAST(:orgs AS text[]), CAST(:caseIds AS text[])) AS batch(org, case_id)
                        ON CONFLICT DO NOTHING""")
                .param("orgs", orgs).param("caseIds", caseIds)
                .param("recorded", JSON.writeValueAsString(RecordedReadiness.neverEmitted()))
                .param("now", Timestamp.from(now))
                .update();
        return lock(orgs, caseIds, "FOR UPDATE OF c");
    }

    /**
     * Locks those of the cases that exist and that no other transaction holds right now, and loads them. For work
     * that may wait for its turn (the clock's), so it never queues behind the intake.
     */
    Map<CaseKey, CaseRecord> lockExisting(Collection<CaseKey> keys) {
        return lock(keys.stream().map(CaseKey::specialistOrgId).toArray(String[]::new),
                keys.stream().map(CaseKey::caseId).toArray(String[]::new), "FOR UPDATE OF c SKIP LOCKED");
    }

    private Map<CaseKey, CaseRecord> lock(String[] orgs, String[] caseIds, String lockClause) {
        Map<CaseKey, CaseRecord> locked = new HashMap<>();
        List<CaseKey> toLoad = new ArrayList<>();
        jdbc.sql("""
                        SELECT c.specialist_org_id, c.case_id, c.revision FROM case_readiness c
                        JOIN unnest(CAST(:orgs AS text[]), CAST(:caseIds AS text[])) AS batch(org, case_id)
                          ON c.specialist_org_id = batch.org AND c.case_id = batch.case_id
                        ORDER BY c.specialist_org_id, c.case_id
                        """ + lockClause)
                .param("orgs", orgs).param("caseIds", caseIds)
                .query((rs, n) -> {
                    CaseKey key = new CaseKey(rs.getString(1), rs.getString(2));
                    cache.find(key, rs.getLong(3)).ifPresentOrElse(cached -> locked.put(key, cached),
                            () -> toLoad.add(key));
                    return null;
                }).list();
        if (!toLoad.isEmpty()) {
            load(toLoad).forEach(record -> locked.put(record.key(), record));
        }
        return locked;
    }

    /** Reads whole cases, with their authorizations, in two statements. */
    private List<CaseRecord> load(List<CaseKey> keys) {
        String[] orgs = keys.stream().map(CaseKey::specialistOrgId).toArray(String[]::new);
        String[] caseIds = keys.stream().map(CaseKey::caseId).toArray(String[]::new);
        Map<CaseKey, List<Authorization>> authorizations = new HashMap<>();
        jdbc.sql("""
                        SELECT a.specialist_org_id, a.case_id, a.pillar, a.snapshot FROM case_authorization a
                        JOIN unnest(CAST(:orgs AS text[]), CAST(:caseIds AS text[])) AS batch(org, case_id)
                          ON a.specialist_org_id = batch.org AND a.case_id = batch.case_id""")
                .param("orgs", orgs).param("caseIds", caseIds)
                .query((rs, n) -> {
                    authorizations.computeIfAbsent(new CaseKey(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                            .add(readAuthorization(Pillar.valueOf(rs.getString(3)), rs.getString(4)));
                    return null;
                }).list();
        return jdbc.sql("""
                        SELECT c.* FROM case_readiness c
                        JOIN unnest(CAST(:orgs AS text[]), CAST(:caseIds AS text[])) AS batch(org, case_id)
                          ON c.specialist_org_id = batch.org AND c.case_id = batch.case_id""")
                .param("orgs", orgs).param("caseIds", caseIds)
                .query((rs, n) -> {
                    CaseKey key = new CaseKey(rs.getString("specialist_org_id"), rs.getString("case_id"));
                    return mapCase(rs, CaseAuthorizations.of(authorizations.getOrDefault(key, List.of())));
                }).list();
    }

    /** Writes a batch's changed authorizations and cases with two JDBC batches; the cache learns them on commit. */
    void saveAll(List<CaseChange> changes) {
        List<MapSqlParameterSource> authorizations = new ArrayList<>();
        List<MapSqlParameterSource> cases = new ArrayList<>();
        for (CaseChange change : changes) {
            CaseRecord previous = change.before();
            CaseRecord updated = change.after();
            for (Authorization authorization : updated.authorizations().all()) {
                Optional<Authorization> before = previous.authorizations().find(authorization.id());
                if (before.isEmpty() || before.get().version() != authorization.version()) {
                    authorizations.add(authorizationParameters(updated.key(), authorization));
                }
            }
            cases.add(caseParameters(previous, updated));
        }
        if (!authorizations.isEmpty()) {
            named.batchUpdate(UPSERT_AUTHORIZATION, authorizations.toArray(MapSqlParameterSource[]::new));
        }
        if (!cases.isEmpty()) {
            named.batchUpdate(UPDATE_CASE, cases.toArray(MapSqlParameterSource[]::new));
        }
        // Only committed state may be reused: a rolled-back batch must leave nothing behind in memory.
        List<CaseRecord> written = changes.stream().map(CaseChange::after).toList();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache.putAll(written);
            }
        });
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

    private static final String UPSERT_AUTHORIZATION = """
            INSERT INTO case_authorization (authorization_id, specialist_org_id, case_id, pillar, version, snapshot)
            VALUES (:id, :org, :caseId, :pillar, :version, CAST(:snapshot AS jsonb))
            ON CONFLICT (authorization_id) DO UPDATE SET version = EXCLUDED.version, snapshot = EXCLUDED.snapshot
            WHERE case_authorization.version < EXCLUDED.version""";

    /** {@code recorded} is written only when it changed (null otherwise): most steps announce nothing. */
    private static final String UPDATE_CASE = """
            UPDATE case_readiness SET state = :state, readiness_version = :version,
                   recorded = COALESCE(CAST(:recorded AS jsonb), recorded), readiness = CAST(:readiness AS jsonb),
                   participants = CAST(:participants AS text[]), ready_at = :readyAt, updated_at = :updatedAt,
                   revision = :revision, revisit_at = :revisitAt
            WHERE specialist_org_id = :org AND case_id = :caseId""";

    private static MapSqlParameterSource authorizationParameters(CaseKey key, Authorization authorization) {
        return new MapSqlParameterSource()
                .addValue("id", authorization.id()).addValue("org", key.specialistOrgId()).addValue("caseId", key.caseId())
                .addValue("pillar", authorization.pillar().name()).addValue("version", authorization.version())
                .addValue("snapshot", JSON.writeValueAsString(authorization));
    }

    private static MapSqlParameterSource caseParameters(CaseRecord previous, CaseRecord updated) {
        RecordedReadiness recorded = updated.recorded();
        return new MapSqlParameterSource()
                .addValue("state", updated.readiness().state().name())
                .addValue("version", recorded.readinessVersion())
                .addValue("recorded", recorded.equals(previous.recorded()) ? null : JSON.writeValueAsString(recorded))
                .addValue("readiness", JSON.writeValueAsString(StoredVerdict.of(updated.readiness(), recorded)))
                .addValue("participants", updated.participants().toArray(String[]::new))
                .addValue("readyAt", updated.readyAt() == null ? null : Timestamp.from(updated.readyAt()))
                .addValue("updatedAt", Timestamp.from(updated.updatedAt()))
                .addValue("revision", updated.revision())
                .addValue("revisitAt", updated.revisitAt() == null ? null : Timestamp.from(updated.revisitAt()))
                .addValue("org", updated.key().specialistOrgId()).addValue("caseId", updated.key().caseId());
    }

    private CaseRecord withAuthorizations(CaseRecord record) {
        List<Authorization> authorizations = jdbc.sql("""
                        SELECT pillar, snapshot FROM case_authorization WHERE specialist_org_id = :org AND case_id = :caseId""")
                .param("org", record.key().specialistOrgId()).param("caseId", record.key().caseId())
                .query((rs, n) -> readAuthorization(Pillar.valueOf(rs.getString(1)), rs.getString(2))).list();
        return new CaseRecord(record.key(), CaseAuthorizations.of(authorizations), record.recorded(), record.readiness(),
                record.participants(), record.firstEventAt(), record.readyAt(), record.updatedAt(), record.revision(),
                record.revisitAt());
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
        RecordedReadiness recorded = JSON.readValue(rs.getString("recorded"), RecordedReadiness.class);
        Timestamp readyAt = rs.getTimestamp("ready_at");
        return new CaseRecord(new CaseKey(rs.getString("specialist_org_id"), rs.getString("case_id")), authorizations,
                recorded,
                readiness == null || "null".equals(readiness) ? null
                        : JSON.readValue(readiness, StoredVerdict.class).with(recorded),
                participantsOf(rs), rs.getTimestamp("first_event_at").toInstant(),
                readyAt == null ? null : readyAt.toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("revision"), instant(rs.getTimestamp("revisit_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Read from the partial index on revisit_at: only the cases whose time came, never a scan of the cases. */
    List<CaseKey> casesToRevisit(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT specialist_org_id, case_id FROM case_readiness
                        WHERE revisit_at <= :now ORDER BY revisit_at LIMIT :limit""")
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query((rs, n) -> new CaseKey(rs.getString(1), rs.getString(2))).list();
    }

    private static LinkedHashSet<String> participantsOf(ResultSet rs) throws SQLException {
        Array array = rs.getArray("participants");
        return new LinkedHashSet<>(Arrays.asList((String[]) array.getArray()));
    }
}
