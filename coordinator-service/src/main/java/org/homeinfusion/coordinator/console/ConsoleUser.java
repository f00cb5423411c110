package org.homeinfusion.coordinator.console;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Who is signed in to the console, kept in the HTTP session: the organization and roles as the token states them,
 * and the bearer token itself, which every API call of this user carries. The console never widens what the token
 * allows: the APIs decide.
 */
public record ConsoleUser(String subject, String org, List<String> roles, String token, Instant expiresAt)
        implements Serializable {

    boolean has(String role) {
        return roles.contains(role);
    }

    /** True when this user acts in {@code role} for {@code organizationId}, the check the APIs make too. */
    boolean actsAs(String role, String organizationId) {
        return has(role) && org.equals(organizationId);
    }

    String bearer() {
        return "Bearer " + token;
    }

    @Override
    public String toString() {
        return "ConsoleUser[" + subject + ", " + org + ", " + roles + "]";
    }
}
