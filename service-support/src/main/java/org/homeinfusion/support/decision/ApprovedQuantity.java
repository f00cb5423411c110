package org.homeinfusion.support.decision;

import java.util.function.Function;

/** Which field of the decision an authorized quantity lands in: each pillar counts something else. */
public enum ApprovedQuantity {
    /** Drug: billing units. */
    UNITS("approvedUnits", DecisionRequest::approvedUnits),
    /** Nursing: visits. */
    VISITS("approvedVisits", DecisionRequest::approvedVisits),
    /** Supplies: the decision carries no quantity. */
    NONE(null, request -> null);

    private final String field;
    private final Function<DecisionRequest, Integer> value;

    ApprovedQuantity(String field, Function<DecisionRequest, Integer> value) {
        this.field = field;
        this.value = value;
    }

    /** The request body's field this quantity arrives in; none for {@link #NONE}. */
    public String field() {
        return field;
    }

    Integer in(DecisionRequest request) {
        return value.apply(request);
    }
}
