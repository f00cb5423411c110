package org.homeinfusion.suppliesauth.authorization;

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
class SuppliesAuthorizationRepository {

    private final JdbcClient jdbc;

    SuppliesAuthorizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SuppliesAuthorization authorization) {
        jdbc.sql("""
                        INSERT INTO supplies_authorization (id, specialist_org_id, case_id, supplier_org_id, payer_id,
                                                            version, requested_at, state)
                        VALUES (:id, :specialist, :caseId, :supplier, :payer, :version, :requestedAt, CAST(:state AS jsonb))""")
                .param("id", authorization.id())
                .param("specialist", authorization.specialistOrgId())
                .param("caseId", authorization.caseId())
                .param("supplier", authorization.supplierOrgId())
                .param("payer", authorization.payerId())
                .param("version", authorization.version())
                .param("requestedAt", Timestamp.from(authorization.requestedAt()))
                .param("state", EventJson.mapper().writeValueAsString(authorization))
                .update();
    }

    void update(SuppliesAuthorization authorization) {
        int updated = jdbc.sql("""
                        UPDATE supplies_authorization SET version = :version, state = CAST(:state AS jsonb)
                        WHERE id = :id AND version = :previous""")
                .param("id", authorization.id())
                .param("version", authorization.version())
                .param("previous", authorization.version() - 1)
                .param("state", EventJson.mapper().writeValueAsString(authorization))
                .update();
        if (updated != 1) {
            throw new IllegalStateException("Supplies authorization " + authorization.id() + " changed concurrently");
        }
    }

    Optional<SuppliesAuthorization> find(UUID id) {
        return jdbc.sql("SELECT state FROM supplies_authorization WHERE id = :id")
                .param("id", id).query(String.class).optional().map(SuppliesAuthorizationRepository::read);
    }

    /** Reads and locks the row, so concurrent changes of one authorization queue instead of conflicting. */
    Optional<SuppliesAuthorization> lock(UUID id) {
        return jdbc.sql("SELECT state FROM supplies_authorization WHERE id = :id FOR UPDATE")
                .param("id", id).query(String.class).optional().map(SuppliesAuthorizationRepository::read);
    }

    List<SuppliesAuthorization> findByCaseVisibleTo(String caseId, String org) {
        return jdbc.sql("""
                        SELECT state FROM supplies_authorization
                        WHERE case_id = :caseId AND (specialist_org_id = :org OR supplier_org_id = :org OR payer_id = :org)
                        ORDER BY requested_at, id""")
                .param("caseId", caseId).param("org", org)
                .query(String.class).list().stream().map(SuppliesAuthorizationRepository::read).toList();
    }

    private static SuppliesAuthorization read(String json) {
        return EventJson.mapper().readValue(json, SuppliesAuthorization.class);
    }
}
