package org.homeinfusion.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokenCacheUnitTests {

    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicBoolean stillValid = new AtomicBoolean(true);
    private final OAuth2TokenValidator<Jwt> validator = jwt -> stillValid.get() ? OAuth2TokenValidatorResult.success()
            : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "expired", null));
    /** Accepts tokens named "good-…" (as a signature check would), refuses everything else. */
    private final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good-") || validator.validate(jwt(token)).hasErrors()) {
            throw new BadJwtException("bad signature");
        }
        return jwt(token);
    };
    private Instant now = Instant.parse("2026-11-27T12:00:00Z");
    private final VerifiedTokenCache cache = new VerifiedTokenCache(verifier, validator, Duration.ofMinutes(5), 2,
            new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            });

    @Test
    void aTokenSentAgainIsNotVerifiedAgain() {
        assertThat(cache.decode("good-1").getSubject()).isEqualTo("good-1");
        assertThat(cache.decode("good-1").getSubject()).isEqualTo("good-1");
        assertThat(verifications).hasValue(1);
    }

    @Test
    void theValidatorsStillRunOnEveryCallSoAnExpiredTokenIsRefusedAtOnce() {
        cache.decode("good-1");
        stillValid.set(false);

        assertThatThrownBy(() -> cache.decode("good-1")).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> cache.decode("good-1")).as("and it is not remembered any more")
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void aTokenThatFailsVerificationIsNeverRemembered() {
        assertThatThrownBy(() -> cache.decode("forged-1")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged-1")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRememberedTokenIsVerifiedAgainAfterAWhile() {
        cache.decode("good-1");
        now = now.plus(Duration.ofMinutes(5));
        cache.decode("good-1");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void itHoldsABoundedNumberOfTokens() {
        cache.decode("good-1");
        cache.decode("good-2");
        cache.decode("good-3");
        cache.decode("good-3");
        cache.decode("good-1");
        assertThat(verifications).as("full at two: starting over forgot good-1").hasValue(4);
    }

    private static Jwt jwt(String token) {
        return Jwt.withTokenValue(token).header("alg", "HS256").subject(token).claim("org", "SPEC-1").build();
    }
}
