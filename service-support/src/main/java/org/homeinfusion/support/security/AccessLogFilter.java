package org.homeinfusion.support.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One line per {@code /api/**} request: method, path, status, duration and the caller's organization and
 * subject, so an operator can tell who did what without a debugger. Request bodies carry case data and
 * headers carry the bearer token, so neither is ever read here; of the query string only the parameters
 * known to hold identifiers or paging keep their values.
 *
 * <p>It runs inside the security filter chain, right after the security context is set up, so it sees
 * the verified caller after the request (also when the request was refused with 401 or 403). Turn it off
 * with {@code logging.level.org.homeinfusion.access=WARN} (env {@code LOGGING_LEVEL_ORG_HOMEINFUSION_ACCESS}).
 */
final class AccessLogFilter extends OncePerRequestFilter {

    /** Lower case, unlike a class name, so the level can be set from an environment variable too. */
    static final String LOGGER = "org.homeinfusion.access";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    /**
     * The query parameters of the API (docs/api.md) whose values are case ids, organization ids, a
     * readiness state or paging. Any other parameter is logged as {@value #REDACTED}, name included, since
     * a client that puts data in a query string must not get it into the log.
     */
    static final Set<String> LOGGED_PARAMETERS = Set.of("caseId", "specialistOrgId", "state", "limit", "offset");
    static final String REDACTED = "[redacted]";
    /** Ids are at most 64 characters, so a path or query is far shorter; anything longer is cut. */
    static final int MAX_VALUE_LENGTH = 256;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = pathOf(request);
        return !(path.equals("/api") || path.startsWith("/api/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        boolean completed = false;
        try {
            chain.doFilter(request, response);
            completed = true;
        } finally {
            // An exception escaping every handler becomes a 500 only after this filter has returned.
            int status = completed ? response.getStatus() : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
            Optional<Actor> caller = Actor.authenticated();
            log.info("method={} path={} query={} status={} durationMs={} org={} sub={}",
                    safe(request.getMethod()), safe(pathOf(request)), query(request.getQueryString()), status,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    caller.map(actor -> safe(actor.org())).orElse("-"),
                    caller.map(actor -> safe(actor.subject())).orElse("-"));
        }
    }

    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String contextPath = request.getContextPath();
        return contextPath != null && !contextPath.isEmpty() && uri.startsWith(contextPath)
                ? uri.substring(contextPath.length()) : uri;
    }

    /** The raw query string with every value outside {@link #LOGGED_PARAMETERS} redacted. */
    static String query(String queryString) {
        if (queryString == null || queryString.isEmpty()) {
            return "-";
        }
        List<String> parameters = new ArrayList<>();
        for (String parameter : queryString.split("&")) {
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            parameters.add(LOGGED_PARAMETERS.contains(name)
                    ? name + "=" + (equals < 0 ? "" : parameter.substring(equals + 1)) : REDACTED);
        }
        return safe(String.join("&", parameters));
    }

    /**
     * Keeps a value on its one line and in its one field: control characters, spaces and anything
     * outside printable ASCII become {@code ?}, so no value can forge a log line or another field.
     */
    static String safe(String value) {
        if (value == null) {
            return "-";
        }
        StringBuilder text = new StringBuilder(Math.min(value.length(), MAX_VALUE_LENGTH + 1));
        for (int i = 0; i < value.length() && i < MAX_VALUE_LENGTH; i++) {
            char c = value.charAt(i);
            text.append(c > ' ' && c < 0x7f ? c : '?');
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            text.append("...");
        }
        return text.toString();
    }
}
