package org.homeinfusion.support.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpMethod;

/**
 * Which roles may call which endpoint: each service declares its table once, as a bean, and the
 * shared security filter enforces it (403 for a role not listed). Whether the caller's organization
 * owns the resource is then the domain's question (404 when it does not).
 */
public final class AccessMatrix {

    public record Rule(HttpMethod method, String pathPattern, Set<Role> roles) {
    }

    private final List<Rule> rules = new ArrayList<>();

    public static AccessMatrix builder() {
        return new AccessMatrix();
    }

    public AccessMatrix allow(HttpMethod method, String pathPattern, Role first, Role... others) {
        rules.add(new Rule(method, pathPattern, EnumSet.of(first, others)));
        return this;
    }

    /** Any authenticated caller, whatever its role; ownership is checked by the resource. */
    public AccessMatrix allowAnyRole(HttpMethod method, String pathPattern) {
        rules.add(new Rule(method, pathPattern, EnumSet.allOf(Role.class)));
        return this;
    }

    public List<Rule> rules() {
        return List.copyOf(rules);
    }
}
