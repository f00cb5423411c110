package org.homeinfusion.coordinator.console;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.homeinfusion.support.security.SecurityProperties;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Mints the short-lived HS256 tokens of the dev sign-in, exactly as the local stack's {@code MintToken} does. It
 * works only while the documented development secret is in use and never under the production profile: a
 * deployment with its own secret or identity provider has no dev sign-in at all.
 */
@Component
class DevTokenMinter {

    private final SecurityProperties security;
    private final ConsoleProperties properties;
    private final boolean production;
    private final Clock clock = Clock.systemUTC();

    DevTokenMinter(SecurityProperties security, ConsoleProperties properties, Environment environment) {
        this.security = security;
        this.properties = properties;
        this.production = environment.acceptsProfiles(Profiles.of("prod", "production"));
    }

    boolean available() {
        return security.usesDevSecret() && !production;
    }

    String mint(String org, String role) {
        if (!available()) {
            throw new IllegalStateException("The dev sign-in is off: the development secret is not in use");
        }
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject("console-" + role.toLowerCase(java.util.Locale.ROOT) + "@" + org)
                .claim("org", org)
                .claim("roles", List.of(role))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.devTokenValidity())))
                .jwtID(UUID.randomUUID().toString())
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(security.jwtSecret().getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a dev token", e);
        }
    }
}
