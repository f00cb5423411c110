package org.homeinfusion.nursingauth.authorization;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.homeinfusion.contracts.EventJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores each aggregate as one JSON document beside the columns we search by. Writes check the
 * version they replace, so a lost update cannot slip through even outside a row lock.
 */
@Repository
class NursingAuthorizationRepository {

    private final JdbcClient jdbc;

    NursingAuthorizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(NursingAuthorization authorization) {
        jdbc.sql("""
                        INSERT INTO nursing_authorization (id, specialist_org_id, case_id, agency_org_id, payer_id,
                                                           version, requested_at, state)
                        VALUES (:id, :specialist, :caseId, :agency, :payer, :version, :requestedAt, CAST(:state AS jsonb))""")
                .param("id", authorization.id())
                .param("specialist", authorization.specialistOrgId())
                .param("caseId", authorization.caseId())
                .param("agency", authorization.agencyOrgId())
                .param("payer", authorization.payerId())
                .param("version", authorization.version())
                .param("requestedAt", Timestamp.from(authorization.requestedAt()))
                .param("state", EventJson.mapper().writeValueAsString(authorization))
                .update();
    }

    void update(NursingAuthorization authorization) {
        int updated = jdbc.sql("""
                        UPDATE nursing_authorization SET version = :version, state = CAST(:state AS jsonb)
                        WHERE id = :id AND version = :previous""")
                .param("id", authorization.id())
                .param("version", authorization.version())
                .param("previous", authorization.version() - 1)
                .param("state", EventJson.mapper().writeValueAsString(authorization))
                .update();
        if (updated != 1) {
            throw new IllegalStateException("Nursing authorization " + authorization.id() + " changed concurrently");
        }
    }

    Optional<NursingAuthorization> find(UUID id) {
        return jdbc.sql("SELECT state FROM nursing_authorization WHERE id = :id")
                .param("id", id).query(String.class).optional().map(NursingAuthorizationRepository::read);
    }

    /**
     * Reads and locks the row, so concurrent changes of one authorization queue instead of conflicting:
     * a visit completed twice at once is counted once, and visits used never pass the approved visits.
     */
    Optional<NursingAuthorization> lock(UUID id) {
        return jdbc.sql("SELECT state FROM nursing_authorization WHERE id = :id FOR UPDATE")
                .param("id", id).query(String.class).optional().map(NursingAuthorizationRepository::read);
    }

    List<NursingAuthorization> findByCaseVisibleTo(String caseId, String org) {
        return jdbc.sql("""
                        SELECT state FROM nursing_authorization
                        WHERE case_id = :caseId AND (specialist_org_id = :org OR agency_org_id = :org OR payer_id = :org)
                        ORDER BY requested_at, id""")
                .param("caseId", caseId).param("org", org)
                .query(String.class).list().stream().map(NursingAuthorizationRepository::read).toList();
    }

    private static NursingAuthorization read(String json) {
        return EventJson.mapper().readValue(json, NursingAuthorization.class);
    }
}
