package org.homeinfusion.drugauth.authorization;

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
class DrugAuthorizationRepository {

    private final JdbcClient jdbc;

    DrugAuthorizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(DrugAuthorization authorization) {
        jdbc.sql("""
                        INSERT INTO drug_authorization (id, specialist_org_id, case_id, pharmacy_org_id, payer_id,
                                                        version, requested_at, state)
                        VALUES (:id, :specialist, :caseId, :pharmacy, :payer, :version, :requestedAt, CAST(:state AS jsonb))""")
                .param("id", authorization.id())
                .param("specialist", authorization.specialistOrgId())
                .param("caseId", authorization.caseId())
                .param("pharmacy", authorization.pharmacyOrgId())
                .param("payer", authorization.payerId())
                .param("version", authorization.version())
                .param("requestedAt", Timestamp.from(authorization.requestedAt()))
                .param("state", EventJson.mapper().writeValueAsString(authorization))
                .update();
    }

    void update(DrugAuthorization authorization) {
        int updated = jdbc.sql("""
                        UPDATE drug_authorization SET version = :version, state = CAST(:state AS jsonb)
                        WHERE id = :id AND version = :previous""")
                .param("id", authorization.id())
                .param("version", authorization.version())
                .param("previous", authorization.version() - 1)
                .param("state", EventJson.mapper().writeValueAsString(authorization))
                .update();
        if (updated != 1) {
            throw new IllegalStateException("Drug authorization " + authorization.id() + " changed concurrently");
        }
    }

    Optional<DrugAuthorization> find(UUID id) {
        return jdbc.sql("SELECT state FROM drug_authorization WHERE id = :id")
                .param("id", id).query(String.class).optional().map(DrugAuthorizationRepository::read);
    }

    /** Reads and locks the row, so concurrent changes of one authorization queue instead of conflicting. */
    Optional<DrugAuthorization> lock(UUID id) {
        return jdbc.sql("SELECT state FROM drug_authorization WHERE id = :id FOR UPDATE")
                .param("id", id).query(String.class).optional().map(DrugAuthorizationRepository::read);
    }

    List<DrugAuthorization> findByCaseVisibleTo(String caseId, String org) {
        return jdbc.sql("""
                        SELECT state FROM drug_authorization
                        WHERE case_id = :caseId AND (specialist_org_id = :org OR pharmacy_org_id = :org OR payer_id = :org)
                        ORDER BY requested_at, id""")
                .param("caseId", caseId).param("org", org)
                .query(String.class).list().stream().map(DrugAuthorizationRepository::read).toList();
    }

    private static DrugAuthorization read(String json) {
        return EventJson.mapper().readValue(json, DrugAuthorization.class);
    }
}
