package org.homeinfusion.support.security;

/** Claim names of the contract's tokens. */
final class JwtClaims {

    static final String ORG = "org";
    static final String ROLES = "roles";

    private JwtClaims() {
    }
}
