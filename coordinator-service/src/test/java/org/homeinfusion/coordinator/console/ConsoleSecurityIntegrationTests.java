package org.homeinfusion.coordinator.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.homeinfusion.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console's sign-in and session against the real application (real PostgreSQL and Kafka): pages need the session,
 * forms need their CSRF token, and the session never stands in for a bearer token at the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleSecurityIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.registerProperties(registry, "coordinator");
    }

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aPageWithoutASessionSendsTheUserToTheSignIn() throws Exception {
        HttpResponse<String> board = get("/console/");

        assertThat(board.statusCode()).isEqualTo(302);
        assertThat(board.headers().firstValue("Location").orElseThrow()).endsWith("/console/sign-in");
    }

    @Test
    void theSignInNeedsItsCsrfTokenAndThenOpensTheBoardInASession() throws Exception {
        HttpResponse<String> form = get("/console/sign-in");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'");

        assertThat(post("/console/sign-in", "org=SPEC-1&role=SPECIALIST").statusCode()).as("no CSRF token").isEqualTo(403);

        HttpResponse<String> signedIn = post("/console/sign-in", "org=SPEC-1&role=SPECIALIST&_csrf=" + csrf(form.body()));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/console/");
        HttpResponse<String> board = get("/console/");
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).contains("Case board", "SPEC-1 · SPECIALIST");
    }

    @Test
    void theSessionIsNoBearerTokenForTheApi() throws Exception {
        HttpResponse<String> form = get("/console/sign-in");
        post("/console/sign-in", "org=SPEC-1&role=SPECIALIST&_csrf=" + csrf(form.body()));
        assertThat(get("/console/").statusCode()).isEqualTo(200);

        HttpResponse<String> api = get("/api/cases");

        assertThat(api.statusCode()).isEqualTo(401);
    }

    @Test
    void anInvalidOrganizationIdIsRefusedBesideItsField() throws Exception {
        HttpResponse<String> form = get("/console/sign-in");

        HttpResponse<String> refused = post("/console/sign-in", "org=" + URLEncoder.encode("not valid!", StandardCharsets.UTF_8)
                + "&role=SPECIALIST&_csrf=" + csrf(form.body()));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"org-error\"", "aria-invalid=\"true\"");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF token in the form").isTrue();
        return URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
    }
}
