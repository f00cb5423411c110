package org.homeinfusion.pas;

/** Which field of the decision an authorized quantity lands in: each pillar counts something else. */
public enum ApprovedQuantity {
    /** Drug: billing units. */
    UNITS,
    /** Nursing: visits. */
    VISITS,
    /** Supplies: the decision carries no quantity. */
    NONE
}
