package org.homeinfusion.nursingauth.authorization;

import static org.homeinfusion.support.document.DocumentTable.column;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import org.homeinfusion.support.document.DocumentTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Nursing authorizations, each a JSON document beside the organizations that may see it. Visits are
 * changed under {@link #lock}, so a visit completed twice at once is counted once and visits used never
 * pass the approved visits.
 */
@Repository
class NursingAuthorizationRepository extends DocumentTable<NursingAuthorization> {

    NursingAuthorizationRepository(JdbcClient jdbc) {
        super(jdbc, "nursing_authorization", NursingAuthorization.class,
                NursingAuthorization::id, NursingAuthorization::version, List.of(
                        column("specialist_org_id", NursingAuthorization::specialistOrgId),
                        column("case_id", NursingAuthorization::caseId),
                        column("agency_org_id", NursingAuthorization::agencyOrgId),
                        column("payer_id", NursingAuthorization::payerId),
                        column("requested_at", authorization -> Timestamp.from(authorization.requestedAt()))));
    }

    List<NursingAuthorization> findByCaseVisibleTo(String caseId, String org) {
        return findWhere("""
                        case_id = :caseId AND (specialist_org_id = :org OR agency_org_id = :org OR payer_id = :org)
                        ORDER BY requested_at, id""", Map.of("caseId", caseId, "org", org));
    }
}
