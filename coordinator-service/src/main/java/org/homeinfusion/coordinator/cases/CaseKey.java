package org.homeinfusion.coordinator.cases;

/** A case is identified by the specialist organization that owns it and its caseId (CONTRACT §3). */
public record CaseKey(String specialistOrgId, String caseId) {
}
