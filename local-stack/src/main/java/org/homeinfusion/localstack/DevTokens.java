package org.homeinfusion.localstack;

import java.nio.charset.StandardCharsets;
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
import com.nimbusds.jwt.SignedJWT;

/**
 * HS256 tokens the locally running services accept (contract §3), signed with {@value #SECRET_ENV} or the documented
 * dev default, exactly as the services resolve it.
 */
final class DevTokens {

    static final String SECRET_ENV = "HOME_INFUSION_JWT_SECRET";
    static final String DEV_DEFAULT_SECRET = "dev-only-home-infusion-secret-change-me-0123456789";

    private DevTokens() {
    }

    static String mint(String subject, String org, List<String> roles, Duration validity) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("org", org)
                .claim("roles", List.copyOf(roles))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validity)))
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

    static boolean usesDevDefaultSecret() {
        String configured = System.getenv(SECRET_ENV);
        return configured == null || configured.isBlank();
    }

    private static byte[] secret() {
        String secret = usesDevDefaultSecret() ? DEV_DEFAULT_SECRET : System.getenv(SECRET_ENV);
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
