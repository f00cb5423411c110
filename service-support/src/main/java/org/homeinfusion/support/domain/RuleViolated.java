package org.homeinfusion.support.domain;

/**
 * An aggregate refusing a value a domain rule forbids whatever its state (a drug whose beyond-use time comes
 * before it is even delivered). It names the {@code field} at fault and the rule's stable {@code code}; the edge
 * turns it into a 422 problem with that violation.
 */
public class RuleViolated extends RuntimeException {

    private final String field;
    private final String code;

    public RuleViolated(String field, String code, String message) {
        super(message);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    /** The broken rule, e.g. {@code BEYOND_USE_BEFORE_DELIVERY}; stable across releases. */
    public String code() {
        return code;
    }
}
