package org.homeinfusion.coordinator.notification;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The organizations taking part in a case, as the saga last recorded them: its specialist organization
 * and every organization assigned to one of its live authorizations. Only they are told about the case.
 */
@Component
class CaseParticipants {

    private final JdbcClient jdbc;

    CaseParticipants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Never empty: the specialist organization owns the case even before its row is visible here. */
    Set<String> of(String specialistOrgId, String caseId) {
        Set<String> participants = new LinkedHashSet<>();
        participants.add(specialistOrgId);
        jdbc.sql("SELECT participants FROM case_readiness WHERE specialist_org_id = :org AND case_id = :caseId")
                .param("org", specialistOrgId).param("caseId", caseId)
                .query(rs -> {
                    participants.addAll(Arrays.asList((String[]) rs.getArray(1).getArray()));
                });
        return participants;
    }
}
