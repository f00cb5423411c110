package org.homeinfusion.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The access log names who called what and how it ended, and nothing a request carried: no body, no
 * token, no query value it does not know to be an identifier, no character that could forge a line.
 */
@ExtendWith(OutputCaptureExtension.class)
class AccessLogFilterUnitTests {

    static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEifQ.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";

    final AccessLogFilter filter = new AccessLogFilter();

    @AfterEach
    void clearCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void logsMethodPathStatusDurationAndTheVerifiedCallerButNeitherBodyNorToken(CapturedOutput output) throws Exception {
        MockHttpServletRequest request = request("POST", "/api/drug-authorizations", null);
        request.setContent("{\"patientRef\":\"PT-DISTINCTIVE-4711\"}".getBytes(StandardCharsets.UTF_8));

        filter.doFilter(request, new MockHttpServletResponse(), authenticatedAs("SPEC-1", "user-7", 201));

        assertThat(output.getOut()).containsPattern(
                "method=POST path=/api/drug-authorizations query=- status=201 durationMs=\\d+ org=SPEC-1 sub=user-7")
                .doesNotContain("PT-DISTINCTIVE-4711")
                .doesNotContain(TOKEN);
    }

    @Test
    void keepsIdentifierParametersAndRedactsEveryOtherOneWithItsName(CapturedOutput output) throws Exception {
        MockHttpServletRequest request = request("GET", "/api/cases",
                "state=READY&patientName=Mary%20Jones&caseId=CASE-1001&access_token=" + TOKEN + "&limit=5");

        filter.doFilter(request, new MockHttpServletResponse(), authenticatedAs("PHARM-1", "user-9", 200));

        assertThat(output.getOut())
                .contains("query=state=READY&[redacted]&caseId=CASE-1001&[redacted]&limit=5 status=200")
                .doesNotContain("Mary").doesNotContain("patientName").doesNotContain(TOKEN);
    }

    @Test
    void logsARefusedCallerWithoutAnOrganization(CapturedOutput output) throws Exception {
        filter.doFilter(request("GET", "/api/subscriptions", null), new MockHttpServletResponse(),
                (req, res) -> ((MockHttpServletResponse) res).setStatus(401));

        assertThat(output.getOut()).containsPattern("method=GET path=/api/subscriptions query=- status=401 durationMs=\\d+ org=- sub=-");
    }

    @Test
    void logsAFailureThatEscapesEveryHandlerAsA500(CapturedOutput output) {
        assertThatThrownBy(() -> filter.doFilter(request("DELETE", "/api/subscriptions/x", null),
                new MockHttpServletResponse(), (req, res) -> {
                    throw new IllegalStateException("database gone");
                })).isInstanceOf(IllegalStateException.class);

        assertThat(output.getOut()).contains("method=DELETE path=/api/subscriptions/x query=- status=500");
    }

    @Test
    void cannotBeMadeToWriteASecondLineOrAnotherField(CapturedOutput output) throws Exception {
        filter.doFilter(request("GET", "/api/cases/CASE-1\r\nmethod=GET org=PAYER-1 /readiness", "caseId=a b\nc"),
                new MockHttpServletResponse(), authenticatedAs("SPEC-1", "user 1\nforged", 404));

        assertThat(output.getOut()).contains(
                "path=/api/cases/CASE-1??method=GET?org=PAYER-1?/readiness query=caseId=a?b?c status=404")
                .contains("sub=user?1?forged")
                .doesNotContain("\nmethod=GET org=PAYER-1");
    }

    @Test
    void leavesEverythingOutsideTheApiAlone(CapturedOutput output) throws Exception {
        filter.doFilter(request("GET", "/actuator/health", null), new MockHttpServletResponse(), (req, res) -> { });
        filter.doFilter(request("GET", "/apiary", null), new MockHttpServletResponse(), (req, res) -> { });

        assertThat(output.getOut()).doesNotContain("method=GET");
    }

    private static MockHttpServletRequest request(String method, String path, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setQueryString(query);
        request.addHeader("Authorization", "Bearer " + TOKEN);
        request.setContentType("application/json");
        return request;
    }

    /** The rest of the chain: verifies the caller (as the bearer token filter would) and answers {@code status}. */
    private static FilterChain authenticatedAs(String org, String subject, int status) {
        return (request, response) -> {
            Jwt jwt = Jwt.withTokenValue(TOKEN).header("alg", "HS256").subject(subject).claim("org", org)
                    .claim("roles", List.of("SPECIALIST")).issuedAt(Instant.now())
                    .expiresAt(Instant.now().plusSeconds(60)).build();
            SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, List.of()));
            ((MockHttpServletResponse) response).setStatus(status);
        };
    }
}
