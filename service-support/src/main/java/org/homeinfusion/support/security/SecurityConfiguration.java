package org.homeinfusion.support.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.spec.SecretKeySpec;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stateless JWT resource server shared by every service. Health, metrics and the API description
 * are open; everything else needs a token with an {@code org} claim, and the service's
 * {@link AccessMatrix} decides which roles may call each endpoint.
 */
@AutoConfiguration
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    static {
        // The caller comes from the bearer token (ActorArgumentResolver), not from a query parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectProvider<AccessMatrix> accessMatrix,
            JsonMapper jsonMapper) throws Exception {
        ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(jsonMapper);
        List<AccessMatrix.Rule> rules = accessMatrix.getIfAvailable(AccessMatrix::builder).rules();
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // A stateless API of bearer tokens: no saved requests, no logout, no servlet-API wrapping.
                // Each is a filter on every request (they cost CPU under load and do nothing here).
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .servletApi(servletApi -> servletApi.disable())
                .authorizeHttpRequests(authorize -> {
                    authorize.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error").permitAll();
                    for (AccessMatrix.Rule rule : rules) {
                        authorize.requestMatchers(rule.method(), rule.pathPattern())
                                .hasAnyAuthority(rule.roles().stream().map(Role::authority).toArray(String[]::new));
                    }
                    // Endpoints nobody declared stay closed rather than open by accident.
                    authorize.requestMatchers("/api/**").denyAll();
                    authorize.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authenticationConverter()))
                        .authenticationEntryPoint(handlers.entryPoint())
                        .accessDeniedHandler(handlers.accessDenied()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(handlers.entryPoint())
                        .accessDeniedHandler(handlers.accessDenied()))
                // Inside the security context's lifetime, so the line names the verified caller, even of a 401 or 403.
                .addFilterAfter(new AccessLogFilter(), SecurityContextHolderFilter.class);
        return http.build();
    }

    /**
     * No Spring Security observations: they wrap each of the chain's filters, the authentication and the
     * authorization in an observation (a long task timer and a timer per filter per request), which the
     * benchmark measured at about a third of a request's CPU. Requests stay observed as a whole by
     * {@code http.server.requests}, and refusals by the access log.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties, Environment environment) {
        if (properties.usesDevSecret() && environment.acceptsProfiles(Profiles.of("prod", "production"))) {
            throw new IllegalStateException("Refusing to start: the production profile needs HOME_INFUSION_JWT_SECRET "
                    + "or an issuer / JWK set, not the documented development secret");
        }
        NimbusJwtDecoder decoder;
        if (!SecurityProperties.isBlank(properties.jwkSetUri())) {
            decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        } else if (!SecurityProperties.isBlank(properties.issuerUri())) {
            decoder = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(properties.issuerUri());
        } else {
            byte[] secret = properties.jwtSecret().getBytes(StandardCharsets.UTF_8);
            if (secret.length < 32) {
                throw new IllegalStateException("HOME_INFUSION_JWT_SECRET must be at least 32 bytes for HS256");
            }
            decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
                    .macAlgorithm(MacAlgorithm.HS256).build();
        }
        OAuth2TokenValidator<Jwt> hasOrganization = new JwtClaimValidator<String>(JwtClaims.ORG,
                org -> org != null && org.matches("[A-Za-z0-9._-]{1,64}"));
        // With an issuer configured, a token some other issuer signed (e.g. another tenant of a shared
        // identity provider, whose keys the JWK set may also list) must not pass for one of ours.
        OAuth2TokenValidator<Jwt> standard = SecurityProperties.isBlank(properties.issuerUri())
                ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(properties.issuerUri());
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(standard, hasOrganization);
        decoder.setJwtValidator(validator);
        return new VerifiedTokenCache(decoder, validator, Duration.ofMinutes(5), 10_000, Clock.systemUTC());
    }

    @Bean
    WebMvcConfigurer actorArgumentResolver() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new ActorArgumentResolver());
            }
        };
    }

    private static JwtAuthenticationConverter authenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> Actor.rolesOf(jwt).stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .collect(Collectors.toList()));
        return converter;
    }
}
