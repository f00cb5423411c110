package org.homeinfusion.coordinator.console;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The production sign-in: OpenID Connect through the organization's identity provider (Spring Security
 * {@code oauth2Login}). After the login the console keeps the provider's <em>access token</em>, the bearer token the
 * APIs verify against the same issuer, and takes the organization and roles from its {@code org} and {@code roles}
 * claims exactly as the APIs do. A token the APIs would refuse (another issuer, no {@code org}) ends the sign-in.
 */
final class OidcSignIn implements AuthenticationSuccessHandler {

    static final String AUTHORIZATION_BASE = "/console/oauth2/authorization";
    static final String CALLBACK = "/console/login/oauth2/code/*";

    private final OAuth2AuthorizedClientService clients;
    private final JwtDecoder decoder;
    private final SecurityContextRepository contexts;

    OidcSignIn(OAuth2AuthorizedClientService clients, JwtDecoder decoder, SecurityContextRepository contexts) {
        this.clients = clients;
        this.decoder = decoder;
        this.contexts = contexts;
    }

    /** The configured providers, as sign-in links: registration id and its display name. */
    static List<String[]> providers(ClientRegistrationRepository registrations) {
        List<String[]> providers = new ArrayList<>();
        if (registrations instanceof Iterable<?> all) {
            for (Object each : all) {
                ClientRegistration registration = (ClientRegistration) each;
                providers.add(new String[] {AUTHORIZATION_BASE + "/" + registration.getRegistrationId(),
                        registration.getClientName()});
            }
        }
        return providers;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        OAuth2AuthenticationToken login = (OAuth2AuthenticationToken) authentication;
        OAuth2AuthorizedClient client = clients.loadAuthorizedClient(login.getAuthorizedClientRegistrationId(),
                login.getName());
        Jwt jwt;
        try {
            jwt = decoder.decode(client.getAccessToken().getTokenValue());
        } catch (JwtException | NullPointerException refused) {
            SecurityContextHolder.clearContext();
            request.getSession().invalidate();
            response.sendRedirect(ConsoleSecurityConfiguration.SIGN_IN + "?refused");
            return;
        }
        List<String> roles = jwt.getClaimAsStringList("roles") == null ? List.of() : jwt.getClaimAsStringList("roles");
        ConsoleUser user = new ConsoleUser(jwt.getSubject(), jwt.getClaimAsString("org"), roles, jwt.getTokenValue(),
                jwt.getExpiresAt());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        response.sendRedirect("/console/");
    }
}
