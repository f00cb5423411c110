package org.homeinfusion.benchmark.observe;

/** A case as the contract identifies it: the owning specialist organization and its caseId. */
public record CaseKey(String specialistOrgId, String caseId) {
}
