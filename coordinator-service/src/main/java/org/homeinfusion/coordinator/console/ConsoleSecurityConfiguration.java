package org.homeinfusion.coordinator.console;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * The console's own filter chain, ahead of the API's: a browser session (cookie) instead of a bearer header, CSRF
 * tokens on every form, and a strict content security policy (every asset is the application's own). The API's
 * stateless chain is untouched: a session never authorizes an API call.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleSecurityConfiguration {

    static final String SIGN_IN = "/console/sign-in";

    @Bean
    SecurityContextRepository consoleSecurityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    /** The page a signed-out user asked for, to return to after the sign-in (without Spring's "?continue" marker). */
    @Bean
    HttpSessionRequestCache consoleRequestCache() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setMatchingRequestParameterName(null);
        return cache;
    }

    @Bean
    @Order(1)
    SecurityFilterChain consoleSecurity(HttpSecurity http, SecurityContextRepository consoleSecurityContextRepository,
            HttpSessionRequestCache consoleRequestCache, ObjectProvider<ClientRegistrationRepository> registrations,
            ObjectProvider<OAuth2AuthorizedClientService> authorizedClients, JwtDecoder jwtDecoder) throws Exception {
        // OpenID Connect only where a provider is configured (spring.security.oauth2.client.registration.*).
        ClientRegistrationRepository providers = registrations.getIfAvailable();
        if (providers != null) {
            OidcSignIn oidc = new OidcSignIn(authorizedClients.getObject(), jwtDecoder, consoleSecurityContextRepository);
            http.oauth2Login(login -> login
                    .loginPage(SIGN_IN)
                    .authorizationEndpoint(endpoint -> endpoint.baseUri(OidcSignIn.AUTHORIZATION_BASE))
                    .redirectionEndpoint(endpoint -> endpoint.baseUri(OidcSignIn.CALLBACK))
                    .successHandler(oidc)
                    .failureUrl(SIGN_IN + "?refused"));
        }
        http
                .securityMatcher("/console", "/console/**")
                .securityContext(context -> context.securityContextRepository(consoleSecurityContextRepository))
                .requestCache(cache -> cache.requestCache(consoleRequestCache))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(SIGN_IN, "/console/assets/**").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(SIGN_IN)))
                .logout(logout -> logout
                        .logoutUrl("/console/sign-out")
                        .logoutSuccessUrl(SIGN_IN + "?signed-out")
                        .invalidateHttpSession(true)
                        .deleteCookies("JSESSIONID"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self'; script-src 'self'; connect-src 'self'; form-action 'self'; "
                                + "frame-ancestors 'none'; base-uri 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
