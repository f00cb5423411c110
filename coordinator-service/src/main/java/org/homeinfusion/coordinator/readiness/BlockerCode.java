package org.homeinfusion.coordinator.readiness;

/**
 * The blockers of docs/readiness-rules.md, in the order of its table: that order is the order they are reported
 * in, so the same case always reads the same way. The codes are public API; never rename one.
 */
public enum BlockerCode {
    DRUG_AUTH_MISSING(Pillar.DRUG, "no drug authorization"),
    NURSING_AUTH_MISSING(Pillar.NURSING, "no nursing authorization"),
    SUPPLIES_AUTH_MISSING(Pillar.SUPPLIES, "no supplies authorization"),
    DRUG_AUTH_NOT_APPROVED(Pillar.DRUG, "drug authorization not approved"),
    NURSING_AUTH_NOT_APPROVED(Pillar.NURSING, "nursing authorization not approved"),
    SUPPLIES_AUTH_NOT_APPROVED(Pillar.SUPPLIES, "supplies authorization not approved"),
    DRUG_UNITS_INSUFFICIENT(Pillar.DRUG, "approved drug units below one dose"),
    NURSING_VISITS_EXHAUSTED(Pillar.NURSING, "no approved nursing visits left"),
    DRUG_DELIVERY_NOT_SCHEDULED(Pillar.DRUG, "drug delivery not scheduled"),
    SUPPLIES_DELIVERY_NOT_SCHEDULED(Pillar.SUPPLIES, "supplies delivery not scheduled"),
    NURSE_VISIT_NOT_CONFIRMED(Pillar.NURSING, "nurse visit not confirmed"),
    DELIVERY_AFTER_VISIT(Pillar.DRUG, "drug arrives too late for the visit"),
    SUPPLIES_AFTER_VISIT(Pillar.SUPPLIES, "supplies arrive after the visit"),
    PRODUCT_EXPIRES_BEFORE_VISIT(Pillar.DRUG, "drug expires before the visit ends"),
    VISIT_OUTSIDE_DRUG_AUTH(Pillar.DRUG, "visit outside the drug authorization dates"),
    VISIT_OUTSIDE_NURSING_AUTH(Pillar.NURSING, "visit outside the nursing authorization dates"),
    VISIT_OUTSIDE_SUPPLIES_AUTH(Pillar.SUPPLIES, "visit outside the supplies authorization dates");

    private final Pillar pillar;
    private final String label;

    BlockerCode(Pillar pillar, String label) {
        this.pillar = pillar;
        this.label = label;
    }

    /** The pillar whose organization has to act to clear the blocker. */
    public Pillar pillar() {
        return pillar;
    }

    /** A few words for the NOT_READY summary, where full messages would be too long to read out. */
    public String label() {
        return label;
    }
}
