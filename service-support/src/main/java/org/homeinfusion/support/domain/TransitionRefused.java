package org.homeinfusion.support.domain;

/**
 * An aggregate refusing a change its current state does not allow (a cancelled authorization is final,
 * a visit cannot be completed before it is confirmed). The aggregate names the rule with a stable
 * {@code code} that clients may switch on, and says in {@code message} what to do instead; how the
 * refusal reaches a caller (a 409 problem on the HTTP API) is decided at the edge, not here.
 */
public class TransitionRefused extends RuntimeException {

    private final String code;

    public TransitionRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The refused rule, e.g. {@code AUTHORIZATION_CANCELLED}; stable across releases. */
    public String code() {
        return code;
    }
}
