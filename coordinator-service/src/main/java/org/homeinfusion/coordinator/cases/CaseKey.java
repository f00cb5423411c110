package org.homeinfusion.coordinator.cases;

/** A case is identified by the specialist organization that owns it and its caseId (docs/api.md). */
public record CaseKey(String specialistOrgId, String caseId) {
}
