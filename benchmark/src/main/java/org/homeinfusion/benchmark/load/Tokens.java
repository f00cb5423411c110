package org.homeinfusion.benchmark.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * HS256 bearer tokens the local services accept (contract §3), signed with {@code HOME_INFUSION_JWT_SECRET} or the
 * documented dev default, as the local stack's DevTokens mints them (that class is package-private there). One token
 * per organization and role, minted once and valid for the whole run.
 */
public final class Tokens {

    private static final String SECRET_ENV = "HOME_INFUSION_JWT_SECRET";
    private static final String DEV_DEFAULT_SECRET = "dev-only-home-infusion-secret-change-me-0123456789";
    private static final Duration VALIDITY = Duration.ofHours(6);

    private final Map<String, String> minted = new ConcurrentHashMap<>();

    public String bearer(String org, String role) {
        return minted.computeIfAbsent(org + "/" + role, key -> "Bearer " + mint(org, role));
    }

    private static String mint(String org, String role) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject("benchmark-" + org.toLowerCase(java.util.Locale.ROOT))
                .claim("org", org)
                .claim("roles", List.of(role))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(VALIDITY)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("HS256 needs a secret of at least 32 bytes; check " + SECRET_ENV, e);
        }
    }

    private static byte[] secret() {
        String configured = System.getenv(SECRET_ENV);
        String secret = configured == null || configured.isBlank() ? DEV_DEFAULT_SECRET : configured;
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
