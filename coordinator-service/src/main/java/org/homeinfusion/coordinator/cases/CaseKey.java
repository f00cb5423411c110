package org.homeinfusion.coordinator.cases;

/** A case is identified by the specialist organization that owns it and its caseId (CONTRACT §3). */
public record CaseKey(String specialistOrgId, String caseId) implements Comparable<CaseKey> {

    /** A fixed order, so concurrent instances lock cases in the same sequence and never deadlock. */
    @Override
    public int compareTo(CaseKey other) {
        int byOrg = specialistOrgId.compareTo(other.specialistOrgId);
        return byOrg != 0 ? byOrg : caseId.compareTo(other.caseId);
    }
}
