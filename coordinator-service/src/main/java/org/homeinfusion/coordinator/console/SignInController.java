package org.homeinfusion.coordinator.console;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dev sign-in: an organization id and a role become a short-lived token minted here, verified by the same
 * decoder the APIs use, and kept in the session. Absent (the form says so) unless the development secret is in use.
 */
@Controller
class SignInController {

    static final List<String> ROLES = List.of("SPECIALIST", "PHARMACY", "AGENCY", "SUPPLIER", "PAYER");
    private static final Pattern ORG_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final DevTokenMinter minter;
    private final JwtDecoder decoder;
    private final SecurityContextRepository contexts;
    private final HttpSessionRequestCache savedRequests;
    private final List<String[]> providers;

    SignInController(DevTokenMinter minter, JwtDecoder decoder, SecurityContextRepository consoleSecurityContextRepository,
            HttpSessionRequestCache consoleRequestCache, ObjectProvider<ClientRegistrationRepository> registrations) {
        this.minter = minter;
        this.decoder = decoder;
        this.contexts = consoleSecurityContextRepository;
        this.savedRequests = consoleRequestCache;
        ClientRegistrationRepository configured = registrations.getIfAvailable();
        this.providers = configured == null ? List.of() : OidcSignIn.providers(configured);
    }

    @GetMapping(ConsoleSecurityConfiguration.SIGN_IN)
    String form(Model model) {
        model.addAttribute("providers", providers);
        model.addAttribute("devSignIn", minter.available());
        model.addAttribute("roles", ROLES);
        model.addAttribute("org", "");
        model.addAttribute("role", "SPECIALIST");
        return "console/sign-in";
    }

    @PostMapping(ConsoleSecurityConfiguration.SIGN_IN)
    String signIn(@RequestParam(defaultValue = "") String org, @RequestParam(defaultValue = "") String role,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        String organization = org.strip();
        String error = !minter.available() ? "The dev sign-in is not available on this deployment"
                : !ORG_ID.matcher(organization).matches()
                        ? "Enter an organization id of 1 to 64 letters, digits, dots, dashes or underscores"
                        : !ROLES.contains(role) ? "Choose one of the roles" : null;
        if (error != null) {
            model.addAttribute("providers", providers);
            model.addAttribute("devSignIn", minter.available());
            model.addAttribute("roles", ROLES);
            model.addAttribute("org", organization);
            model.addAttribute("role", role);
            model.addAttribute("orgError", error);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "console/sign-in";
        }
        Jwt jwt = decoder.decode(minter.mint(organization, role));
        ConsoleUser user = new ConsoleUser(jwt.getSubject(), jwt.getClaimAsString("org"), jwt.getClaimAsStringList("roles"),
                jwt.getTokenValue(), jwt.getExpiresAt());
        establish(user, request, response);
        SavedRequest saved = savedRequests.getRequest(request, response);
        savedRequests.removeRequest(request, response);
        return "redirect:" + (saved != null && isPage(saved.getRedirectUrl()) ? saved.getRedirectUrl() : "/console/");
    }

    /** Back to the page the user asked for, never to a fragment or the stream a live page was polling. */
    private static boolean isPage(String url) {
        return url.contains("/console/") && !url.contains("/console/stream") && !url.endsWith("/live")
                && !url.contains("/live?") && !url.contains("-rows");
    }

    /** A new session id on every sign-in, so a session id known before it (fixation) is worth nothing after. */
    private void establish(ConsoleUser user, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(user,
                null, user.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
