package org.homeinfusion.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * HS256 bearer tokens as the services accept them locally (contract §3): claims {@code sub}, {@code org},
 * {@code roles}, {@code iat}, {@code exp}, signed with the secret in {@value #SECRET_ENV} or the documented dev default.
 * The negative variants let tests prove that bad tokens get 401.
 */
public final class TestTokens {

    public static final String SECRET_ENV = "HOME_INFUSION_JWT_SECRET";
    public static final String DEV_DEFAULT_SECRET = "dev-only-home-infusion-secret-change-me-0123456789";

    private static final Duration VALIDITY = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestTokens() {
    }

    /** {@code "Bearer <jwt>"} for subject {@code user-<org>} of {@code org} holding {@code roles}, valid for an hour. */
    public static String bearer(String org, String... roles) {
        return bearerWithSubject("user-" + org, org, roles);
    }

    /** For tests that need two distinct users of one organization. */
    public static String bearerWithSubject(String subject, String org, String... roles) {
        Instant now = Instant.now();
        return "Bearer " + sign(claims(subject, org, roles, now, now.plus(VALIDITY)), secret());
    }

    /** The bare token, for clients that add the scheme themselves (e.g. a WebSocket or SSE client). */
    public static String jwt(String org, String... roles) {
        return bearer(org, roles).substring("Bearer ".length());
    }

    /** Correctly signed but expired an hour ago (beyond any reasonable clock-skew allowance). */
    public static String expired(String org, String... roles) {
        Instant issued = Instant.now().minus(Duration.ofHours(2));
        return "Bearer " + sign(claims("user-" + org, org, roles, issued, issued.plus(VALIDITY)), secret());
    }

    /** Well-formed and unexpired, but signed with a random key the services do not know. */
    public static String signedWithWrongSecret(String org, String... roles) {
        byte[] wrongSecret = new byte[32];
        RANDOM.nextBytes(wrongSecret);
        Instant now = Instant.now();
        return "Bearer " + sign(claims("user-" + org, org, roles, now, now.plus(VALIDITY)), wrongSecret);
    }

    /** {@code alg: none}, the classic attempt to skip signature checks. */
    public static String unsignedAlgNone(String org, String... roles) {
        Instant now = Instant.now();
        return "Bearer " + new PlainJWT(claims("user-" + org, org, roles, now, now.plus(VALIDITY))).serialize();
    }

    /** Correctly signed and unexpired, but without the {@code org} claim every call needs (docs/api.md). */
    public static String withoutOrg(String... roles) {
        Instant now = Instant.now();
        // A null claim is left out of the serialized token altogether.
        return "Bearer " + sign(claims("user-without-org", null, roles, now, now.plus(VALIDITY)), secret());
    }

    /** The signing secret in effect: the environment's, or the dev default when unset or blank. */
    public static byte[] secret() {
        String configured = System.getenv(SECRET_ENV);
        String secret = configured == null || configured.isBlank() ? DEV_DEFAULT_SECRET : configured;
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    private static JWTClaimsSet claims(String subject, String org, String[] roles, Instant issuedAt, Instant expiresAt) {
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("org", org)
                .claim("roles", List.of(roles))
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .build();
    }

    private static String sign(JWTClaimsSet claims, byte[] secret) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("HS256 needs a secret of at least 32 bytes; check " + SECRET_ENV, e);
        }
    }
}
