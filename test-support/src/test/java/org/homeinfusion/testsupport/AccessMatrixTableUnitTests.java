package org.homeinfusion.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import org.homeinfusion.testsupport.AccessMatrixTable.Row;
import org.homeinfusion.testsupport.CaseOrganizations.Party;
import org.junit.jupiter.api.Test;

class AccessMatrixTableUnitTests {

    enum Role {
        SPECIALIST, PHARMACY, AGENCY, SUPPLIER, PAYER
    }

    enum Endpoint {
        READ, DECIDE
    }

    private static final Map<String, String> PROBLEM_JSON = Map.of("content-type", "application/problem+json");

    private final CaseOrganizations organizations = CaseOrganizations.forThisRun(Role.PHARMACY);

    /** Only the payer of the case may decide; everyone may read. */
    private List<Row<Endpoint, Role>> rows() {
        return AccessMatrixTable.rows(organizations, Endpoint.values(), Role.values(), (endpoint, role, party, org) ->
                endpoint == Endpoint.READ ? 200 : role != Role.PAYER ? 403 : org.equals(organizations.of(role)) ? 200 : 404)
                .toList();
    }

    @Test
    void triesEveryRoleOfEveryPartyOnEveryEndpointEndpointByEndpoint() {
        List<Row<Endpoint, Role>> rows = rows();

        assertThat(rows).hasSize(2 * 5 * 3);
        assertThat(rows.subList(0, 15)).extracting(Row::endpoint).containsOnly(Endpoint.READ);
        assertThat(rows.subList(0, 3)).extracting(Row::party).containsExactly(Party.OWN, Party.OTHER, Party.PARTNER);
    }

    @Test
    void givesEachRowTheRulesStatusForItsOrganizationAndNamesItForTheReport() {
        List<Row<Endpoint, Role>> decisionsByThePayer = rows().stream()
                .filter(row -> row.endpoint() == Endpoint.DECIDE && row.role() == Role.PAYER).toList();

        assertThat(decisionsByThePayer).extracting(Row::status).containsExactly(200, 404, 404);
        assertThat(decisionsByThePayer).extracting(Row::toString).containsExactly(
                "DECIDE by PAYER of PAYER-A (own) -> 200", "DECIDE by PAYER of PAYER-B (other) -> 404",
                "DECIDE by PAYER of SPEC-A (partner) -> 404");
        assertThat(decisionsByThePayer).extracting(Row::accepted).containsExactly(true, false, false);
    }

    @Test
    void callsWithATokenOfTheRowsOrganizationHoldingItsRoleAlone() throws Exception {
        Row<Endpoint, Role> row = rows().get(4);

        var claims = SignedJWT.parse(row.token().substring("Bearer ".length())).getJWTClaimsSet();

        assertThat(claims.getStringClaim("org")).isEqualTo(row.org());
        assertThat(claims.getStringListClaim("roles")).containsExactly(row.role().name());
    }

    @Test
    void acceptsTheRowsStatusAndForARefusalOnlyAProblem() {
        Row<Endpoint, Role> refused = rows().stream().filter(row -> row.status() == 403).findFirst().orElseThrow();
        Row<Endpoint, Role> accepted = rows().get(0);

        assertThatCode(() -> accepted.assertAnswered(new ApiClient.Response(200, Map.of(), "{}")))
                .doesNotThrowAnyException();
        assertThatCode(() -> refused.assertAnswered(new ApiClient.Response(403, PROBLEM_JSON, "{\"status\":403}")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> refused.assertAnswered(new ApiClient.Response(403, Map.of(), "")))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> accepted.assertAnswered(new ApiClient.Response(201, Map.of(), "{}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("READ by SPECIALIST of SPEC-A (own) -> 200");
    }
}
