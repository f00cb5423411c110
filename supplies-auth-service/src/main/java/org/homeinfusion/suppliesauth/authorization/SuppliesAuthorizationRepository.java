package org.homeinfusion.suppliesauth.authorization;

import static org.homeinfusion.support.document.DocumentTable.column;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import org.homeinfusion.support.document.DocumentTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Supplies authorizations, each a JSON document beside the organizations that may see it. */
@Repository
class SuppliesAuthorizationRepository extends DocumentTable<SuppliesAuthorization> {

    SuppliesAuthorizationRepository(JdbcClient jdbc) {
        super(jdbc, "supplies_authorization", SuppliesAuthorization.class,
                SuppliesAuthorization::id, SuppliesAuthorization::version, List.of(
                        column("specialist_org_id", SuppliesAuthorization::specialistOrgId),
                        column("case_id", SuppliesAuthorization::caseId),
                        column("supplier_org_id", SuppliesAuthorization::supplierOrgId),
                        column("payer_id", SuppliesAuthorization::payerId),
                        column("requested_at", authorization -> Timestamp.from(authorization.requestedAt()))));
    }

    List<SuppliesAuthorization> findByCaseVisibleTo(String caseId, String org) {
        return findWhere("""
                        case_id = :caseId AND (specialist_org_id = :org OR supplier_org_id = :org OR payer_id = :org)
                        ORDER BY requested_at, id""", Map.of("caseId", caseId, "org", org));
    }
}
