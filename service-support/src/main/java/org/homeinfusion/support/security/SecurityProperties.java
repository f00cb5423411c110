package org.homeinfusion.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token verification. Locally and in tests, HS256 tokens signed with {@code jwtSecret}
 * (env {@code HOME_INFUSION_JWT_SECRET}); in production an {@code issuerUri} or {@code jwkSetUri}
 * instead. The dev default secret is refused under the {@code prod} profile.
 */
@ConfigurationProperties("home-infusion.security")
public record SecurityProperties(String jwtSecret, String issuerUri, String jwkSetUri) {

    public static final String DEV_DEFAULT_SECRET = "dev-only-home-infusion-secret-change-me-0123456789";

    public SecurityProperties {
        if (jwtSecret == null || jwtSecret.isBlank()) {
            jwtSecret = DEV_DEFAULT_SECRET;
        }
    }

    /** True while tokens are verified with the documented development secret (no issuer, no JWK set). */
    public boolean usesDevSecret() {
        return DEV_DEFAULT_SECRET.equals(jwtSecret) && isBlank(issuerUri) && isBlank(jwkSetUri);
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
