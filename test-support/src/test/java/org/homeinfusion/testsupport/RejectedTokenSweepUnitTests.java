package org.homeinfusion.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.nimbusds.jwt.JWTParser;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

class RejectedTokenSweepUnitTests {

    enum Role {
        SPECIALIST, PAYER
    }

    enum Endpoint {
        CREATE, DECIDE
    }

    private final CaseOrganizations organizations = CaseOrganizations.forThisRun(Role.PAYER);
    private final List<String> sent = new ArrayList<>();

    @Test
    void triesEveryRejectedTokenOnEveryEndpointThenARolelessOne() {
        List<DynamicContainer> containers = sweep(endpoint -> answering(401));

        assertThat(containers).extracting(DynamicContainer::getDisplayName)
                .containsExactly("every rejected token -> 401", "a valid token without any role -> 403");
        assertThat(containers.get(0).getChildren().map(DynamicNode::getDisplayName).toList())
                .hasSize(RejectedToken.values().length * Endpoint.values().length)
                .startsWith("no token on CREATE -> 401", "no token on DECIDE -> 401", "an expired token on CREATE -> 401");
        assertThat(containers.get(1).getChildren().map(DynamicNode::getDisplayName))
                .containsExactly("CREATE -> 403", "DECIDE -> 403");
    }

    @Test
    void signsEachTokenForTheOrganizationAndRoleTheEndpointWouldLetThrough() throws Throwable {
        List<DynamicContainer> containers = sweep(endpoint -> answering(401));

        named(containers.get(0), "an expired token on DECIDE -> 401").getExecutable().execute();

        var claims = JWTParser.parse(sent.get(0).substring("Bearer ".length())).getJWTClaimsSet();
        assertThat(claims.getStringClaim("org")).isEqualTo(organizations.of(Role.PAYER));
        assertThat(claims.getStringListClaim("roles")).containsExactly("PAYER");
    }

    @Test
    void passesOnlyWhenTheCallIsRefusedWithTheRightProblemAndChangesNothing() {
        Function<Endpoint, RejectedTokenSweep.Attempt> changing = endpoint -> RejectedTokenSweep.Attempt.of(
                authorization -> problem(401), () -> assertThat("after").isEqualTo("before"));

        assertThatCode(() -> first(sweep(endpoint -> answering(401)).get(0)).getExecutable().execute())
                .doesNotThrowAnyException();
        assertThatCode(() -> first(sweep(endpoint -> answering(403)).get(1)).getExecutable().execute())
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> first(sweep(endpoint -> answering(403)).get(0)).getExecutable().execute())
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> first(sweep(endpoint -> RejectedTokenSweep.Attempt.of(
                authorization -> new ApiClient.Response(200, Map.of(), "{}"), () -> { })).get(0)).getExecutable().execute())
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> first(sweep(changing).get(0)).getExecutable().execute())
                .isInstanceOf(AssertionError.class);
    }

    private List<DynamicContainer> sweep(Function<Endpoint, RejectedTokenSweep.Attempt> attempt) {
        return RejectedTokenSweep.over(organizations, Endpoint.values(),
                endpoint -> endpoint == Endpoint.DECIDE ? Role.PAYER : Role.SPECIALIST, attempt).toList();
    }

    /** An endpoint that answers every call with the problem for {@code status} and changes nothing. */
    private RejectedTokenSweep.Attempt answering(int status) {
        return RejectedTokenSweep.Attempt.of(authorization -> {
            sent.add(authorization);
            return problem(status);
        }, () -> { });
    }

    private static ApiClient.Response problem(int status) {
        return new ApiClient.Response(status, Map.of("content-type", "application/problem+json"),
                "{\"status\":" + status + "}");
    }

    private static DynamicTest first(DynamicContainer container) {
        return (DynamicTest) container.getChildren().findFirst().orElseThrow();
    }

    private static DynamicTest named(DynamicContainer container, String name) {
        return (DynamicTest) container.getChildren().filter(node -> node.getDisplayName().equals(name)).findFirst()
                .orElseThrow();
    }
}
