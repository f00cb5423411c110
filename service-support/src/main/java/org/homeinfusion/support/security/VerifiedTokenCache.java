package org.homeinfusion.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers tokens whose signature was verified, so a client that sends the same bearer token on every call
 * (as clients do for the token's lifetime) pays for parsing and signature verification once every few minutes
 * rather than on every request (7 % of a request's CPU in the benchmark's profile). The validators (expiry,
 * not-before, issuer, organization) still run on every call, so a token is refused the moment it expires,
 * exactly as without the cache. An entry is verified again after {@code reverifyAfter}, so a signing key
 * removed from a JWK set stops being honoured within that time. Only verified tokens get in, so nobody
 * without a valid token can fill it; when full it simply starts over.
 */
final class VerifiedTokenCache implements JwtDecoder {

    private record Verified(Jwt jwt, Instant verifiedAt) {
    }

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Duration reverifyAfter;
    private final int maxEntries;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /**
     * @param verifier  verifies the signature and runs {@code validator} itself (e.g. a Nimbus decoder)
     * @param validator the same validators, run again on every cache hit
     */
    VerifiedTokenCache(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, Duration reverifyAfter, int maxEntries,
            Clock clock) {
        this.verifier = verifier;
        this.validator = validator;
        this.reverifyAfter = reverifyAfter;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        if (token == null) {
            throw new BadJwtException("No token");
        }
        Instant now = clock.instant();
        Verified hit = verified.get(token);
        if (hit != null && hit.verifiedAt().plus(reverifyAfter).isAfter(now)) {
            OAuth2TokenValidatorResult result = validator.validate(hit.jwt());
            if (result.hasErrors()) {
                verified.remove(token);
                throw new JwtValidationException("Token no longer valid", result.getErrors());
            }
            return hit.jwt();
        }
        Jwt jwt = verifier.decode(token);
        if (verified.size() >= maxEntries) {
            verified.clear();
        }
        verified.put(token, new Verified(jwt, now));
        return jwt;
    }
}
