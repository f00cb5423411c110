package org.homeinfusion.support.security;

/** The roles a token's {@code roles} claim may carry. */
public enum Role {
    SPECIALIST, PHARMACY, AGENCY, SUPPLIER, PAYER;

    String authority() {
        return "ROLE_" + name();
    }
}
