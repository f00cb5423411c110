package org.homeinfusion.benchmark.load;

import java.util.List;

/**
 * The kinds of case the load is made of. Every case ends READY; they differ in the path there, which is what makes
 * the coordinator's work differ (how many pillar events, how many readiness versions).
 */
public enum Scenario {

    /** Supplies bundled in the pharmacy's per diem: 3 requests, 2 approvals, drug delivery, nurse visit. */
    BUNDLED(false, false, false, false, 7),
    /** Supplies billed separately: also a supplies approval and a supplier delivery. */
    SEPARATE(true, false, false, false, 9),
    /** The pharmacy's first ETA ends too close to the visit (DELIVERY_AFTER_VISIT), a second one makes it. */
    DRUG_ETA_MISS_THEN_MEET(false, true, false, false, 8),
    /** Separate supplies whose first ETA is after the visit (SUPPLIES_AFTER_VISIT), then one that is before. */
    SUPPLIES_ETA_MISS_THEN_MEET(true, false, true, false, 10),
    /** READY, then the agency cancels the nurse (ReadinessWithdrawn), then confirms a new slot (READY again). */
    NURSE_CANCEL_THEN_REBOOK(false, false, false, true, 9);

    /**
     * The mix, one entry per 5 % of cases: every scenario appears in the first five, so even a smoke run of a few
     * cases covers them all. Realistic weights: most cases go straight through, one in five has an ETA problem, one in
     * five a nurse cancellation.
     */
    static final List<Scenario> MIX = List.of(
            BUNDLED, SEPARATE, DRUG_ETA_MISS_THEN_MEET, SUPPLIES_ETA_MISS_THEN_MEET, NURSE_CANCEL_THEN_REBOOK,
            BUNDLED, SEPARATE, BUNDLED, NURSE_CANCEL_THEN_REBOOK, DRUG_ETA_MISS_THEN_MEET,
            BUNDLED, SEPARATE, BUNDLED, SEPARATE, NURSE_CANCEL_THEN_REBOOK,
            BUNDLED, DRUG_ETA_MISS_THEN_MEET, SEPARATE, SUPPLIES_ETA_MISS_THEN_MEET, NURSE_CANCEL_THEN_REBOOK);

    private final boolean separateSupplies;
    private final boolean drugEtaMiss;
    private final boolean suppliesEtaMiss;
    private final boolean nurseCancel;
    private final int apiCalls;

    Scenario(boolean separateSupplies, boolean drugEtaMiss, boolean suppliesEtaMiss, boolean nurseCancel, int apiCalls) {
        this.separateSupplies = separateSupplies;
        this.drugEtaMiss = drugEtaMiss;
        this.suppliesEtaMiss = suppliesEtaMiss;
        this.nurseCancel = nurseCancel;
        this.apiCalls = apiCalls;
    }

    public static Scenario forCase(int sequence) {
        return MIX.get(Math.floorMod(sequence, MIX.size()));
    }

    /** Mean API calls per case of the mix, e.g. to turn cases/s into calls/s. */
    public static double meanApiCalls() {
        return MIX.stream().mapToInt(Scenario::apiCalls).average().orElse(0);
    }

    public boolean separateSupplies() {
        return separateSupplies;
    }

    public boolean drugEtaMiss() {
        return drugEtaMiss;
    }

    public boolean suppliesEtaMiss() {
        return suppliesEtaMiss;
    }

    public boolean nurseCancel() {
        return nurseCancel;
    }

    public int apiCalls() {
        return apiCalls;
    }

    /** Pillar events the case's calls produce: one per successful call. */
    public int pillarEvents() {
        return apiCalls;
    }
}
