package org.homeinfusion.support.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The authenticated caller: who ({@code subject}), for which organization, in which roles. Controllers
 * receive it as a parameter; ownership checks compare its {@code org} with the resource's organizations.
 */
public record Actor(String subject, String org, Set<Role> roles) {

    public Actor {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** True when the caller acts in {@code role} for {@code organizationId}. */
    public boolean actsAs(Role role, String organizationId) {
        return has(role) && org.equals(organizationId);
    }

    static Actor of(Jwt jwt) {
        return new Actor(jwt.getSubject(), jwt.getClaimAsString(JwtClaims.ORG), rolesOf(jwt));
    }

    /** The actor of the current request; only valid on an authenticated request thread. */
    public static Actor current() {
        return authenticated().orElseThrow(() -> new IllegalStateException("No authenticated actor on this thread"));
    }

    /** The actor of the current request, or empty when it carries no verified token (yet). */
    static Optional<Actor> authenticated() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return Optional.of(of(token.getToken()));
        }
        return Optional.empty();
    }

    static Set<Role> rolesOf(Jwt jwt) {
        Object claim = jwt.getClaims().get(JwtClaims.ROLES);
        Collection<?> values = claim instanceof Collection<?> collection ? collection
                : claim instanceof String text ? List.of(text.split("[ ,]+")) : List.of();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object value : values) {
            for (Role role : Role.values()) {
                if (role.name().equals(String.valueOf(value))) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }
}
