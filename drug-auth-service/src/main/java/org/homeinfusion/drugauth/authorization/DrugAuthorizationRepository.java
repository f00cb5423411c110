package org.homeinfusion.drugauth.authorization;

import static org.homeinfusion.support.document.DocumentTable.column;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import org.homeinfusion.support.document.DocumentTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Drug authorizations, each a JSON document beside the organizations that may see it. */
@Repository
class DrugAuthorizationRepository extends DocumentTable<DrugAuthorization> {

    DrugAuthorizationRepository(JdbcClient jdbc) {
        super(jdbc, "drug_authorization", DrugAuthorization.class,
                DrugAuthorization::id, DrugAuthorization::version, List.of(
                        column("specialist_org_id", DrugAuthorization::specialistOrgId),
                        column("case_id", DrugAuthorization::caseId),
                        column("pharmacy_org_id", DrugAuthorization::pharmacyOrgId),
                        column("payer_id", DrugAuthorization::payerId),
                        column("requested_at", authorization -> Timestamp.from(authorization.requestedAt()))));
    }

    List<DrugAuthorization> findByCaseVisibleTo(String caseId, String org) {
        return findWhere("""
                        case_id = :caseId AND (specialist_org_id = :org OR pharmacy_org_id = :org OR payer_id = :org)
                        ORDER BY requested_at, id""", Map.of("caseId", caseId, "org", org));
    }
}
