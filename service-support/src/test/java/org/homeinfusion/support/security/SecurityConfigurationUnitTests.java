package org.homeinfusion.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a service verifies tokens, started the way it starts in production: the shared security
 * configuration in a servlet context, no broker, no database. The dev secret and short secrets never
 * reach production; an issuer or JWK set replaces the secret, and then only that issuer's tokens pass.
 */
class SecurityConfigurationUnitTests {

    static final String ISSUER_PATH = "/realms/home-infusion";

    static RSAKey issuerKey;
    static HttpServer identityProvider;
    static String issuer;

    final WebApplicationContextRunner service = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SecurityConfiguration.class))
            .withUserConfiguration(WebSecurity.class)
            // Blank means "not configured" whatever the machine's environment says.
            .withPropertyValues("home-infusion.security.jwt-secret=", "home-infusion.security.issuer-uri=",
                    "home-infusion.security.jwk-set-uri=");

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class WebSecurity {

        @Bean
        JsonMapper jsonMapper() {
            return JsonMapper.builder().build();
        }
    }

    /** A stand-in identity provider: OpenID discovery and its JWK set, on a local port. */
    @BeforeAll
    static void startIdentityProvider() throws Exception {
        issuerKey = new RSAKeyGenerator(2048).keyID("idp-key-1").generate();
        identityProvider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + identityProvider.getAddress().getPort() + ISSUER_PATH;
        identityProvider.createContext(ISSUER_PATH + "/.well-known/openid-configuration", exchange -> respond(exchange,
                "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\","
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"],\"subject_types_supported\":[\"public\"]}"));
        identityProvider.createContext(ISSUER_PATH + "/jwks",
                exchange -> respond(exchange, new JWKSet(issuerKey.toPublicJWK()).toString()));
        identityProvider.start();
    }

    @AfterAll
    static void stopIdentityProvider() {
        identityProvider.stop(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "production"})
    void refusesToStartInProductionWithTheDevelopmentSecret(String profile) {
        service.withPropertyValues("spring.profiles.active=" + profile).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Refusing to start")
                    .hasMessageContaining("HOME_INFUSION_JWT_SECRET")
                    .hasMessageContaining("issuer / JWK set")
                    .hasMessageContaining("development secret");
        });
    }

    @Test
    void refusesTheDevelopmentSecretInProductionAlsoWhenItIsSetExplicitly() {
        service.withPropertyValues("spring.profiles.active=prod",
                "home-infusion.security.jwt-secret=" + SecurityProperties.DEV_DEFAULT_SECRET).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("Refusing to start");
        });
    }

    @Test
    void startsWithTheDevelopmentSecretOutsideProduction() {
        service.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(JwtDecoder.class)
                    .decode(hs256(SecurityProperties.DEV_DEFAULT_SECRET, "SPEC-1")).getClaimAsString("org"))
                    .isEqualTo("SPEC-1");
        });
    }

    @Test
    void startsInProductionWithItsOwnSecretAndAcceptsOnlyTokensItSigned() {
        String secret = "a-production-secret-of-at-least-32-bytes";
        service.withPropertyValues("spring.profiles.active=prod", "home-infusion.security.jwt-secret=" + secret)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    JwtDecoder decoder = context.getBean(JwtDecoder.class);
                    assertThat(decoder.decode(hs256(secret, "SPEC-1")).getSubject()).isEqualTo("user-SPEC-1");
                    assertThatThrownBy(() -> decoder.decode(hs256(SecurityProperties.DEV_DEFAULT_SECRET, "SPEC-1")))
                            .isInstanceOf(JwtException.class);
                });
    }

    @Test
    void refusesASecretShorterThan32Bytes() {
        String thirtyOneBytes = "x".repeat(31);
        service.withPropertyValues("home-infusion.security.jwt-secret=" + thirtyOneBytes).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("HOME_INFUSION_JWT_SECRET must be at least 32 bytes");
        });
        service.withPropertyValues("spring.profiles.active=prod", "home-infusion.security.jwt-secret=" + thirtyOneBytes)
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("at least 32 bytes"));
        service.withPropertyValues("home-infusion.security.jwt-secret=" + "x".repeat(32))
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void startsInProductionWithAnIssuerAndNoSecretAndAcceptsOnlyThatIssuersTokens() {
        service.withPropertyValues("spring.profiles.active=prod", "home-infusion.security.issuer-uri=" + issuer)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    JwtDecoder decoder = context.getBean(JwtDecoder.class);

                    assertThat(decoder.decode(rs256(issuer, "SPEC-1")).getClaimAsString("org")).isEqualTo("SPEC-1");
                    // Same keys, another issuer: e.g. another tenant of a shared identity provider.
                    assertThatThrownBy(() -> decoder.decode(rs256("https://other-tenant.example.org", "SPEC-1")))
                            .isInstanceOf(JwtException.class).hasMessageContaining("iss");
                    assertThatThrownBy(() -> decoder.decode(rs256(issuer, null)))
                            .isInstanceOf(JwtException.class).hasMessageContaining("org");
                    assertThatThrownBy(() -> decoder.decode(hs256(SecurityProperties.DEV_DEFAULT_SECRET, "SPEC-1")))
                            .isInstanceOf(JwtException.class);
                });
    }

    @Test
    void startsInProductionWithAJwkSetAndNoSecretAndRefusesTokensSignedWithTheDevelopmentSecret() {
        service.withPropertyValues("spring.profiles.active=prod", "home-infusion.security.jwk-set-uri=" + issuer + "/jwks")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    JwtDecoder decoder = context.getBean(JwtDecoder.class);

                    assertThat(decoder.decode(rs256(issuer, "PHARM-1")).getClaimAsString("org")).isEqualTo("PHARM-1");
                    assertThatThrownBy(() -> decoder.decode(hs256(SecurityProperties.DEV_DEFAULT_SECRET, "PHARM-1")))
                            .isInstanceOf(JwtException.class);
                });
    }

    private static String hs256(String secret, String org) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(null, org));
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static String rs256(String tokenIssuer, String org) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(issuerKey.getKeyID()).build(),
                claims(tokenIssuer, org));
        jwt.sign(new RSASSASigner(issuerKey));
        return jwt.serialize();
    }

    private static JWTClaimsSet claims(String tokenIssuer, String org) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(tokenIssuer)
                .subject("user-" + org)
                .claim("org", org)
                .claim("roles", List.of("SPECIALIST"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .build();
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
