package org.homeinfusion.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeinfusion.testsupport.ProblemAssertions.assertProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.homeinfusion.testsupport.CaseOrganizations.Party;

/**
 * A service's access matrix as a table for a parameterized test: one row for every endpoint, every role and every
 * {@link Party} to the case, each with the exact status the contract gives that caller. The service supplies its
 * endpoints and the rule; the table supplies the callers, so every service tries the same ones.
 */
public final class AccessMatrixTable {

    /** The contract's answer to one caller on one endpoint. */
    @FunctionalInterface
    public interface ExpectedStatus<E, R> {
        int of(E endpoint, R role, Party party, String org);
    }

    /** One caller on one endpoint and the status it must get; named for the test report. */
    public record Row<E, R extends Enum<R>>(E endpoint, R role, Party party, String org, int status) {

        /** Whether the contract lets this caller through; a refused caller must change nothing. */
        public boolean accepted() {
            return status < 300;
        }

        /** A valid token of the row's organization holding the row's role alone. */
        public String token() {
            return TestTokens.bearer(org, role.name());
        }

        /** The response has exactly the row's status, and a refusal is a problem the client can read. */
        public void assertAnswered(ApiClient.Response response) {
            assertThat(response.status()).as("%s, got %s", this, response).isEqualTo(status);
            if (!accepted()) {
                assertProblem(response, status);
            }
        }

        @Override
        public String toString() {
            return endpoint + " by " + role + " of " + CaseOrganizations.withoutRun(org) + " ("
                    + party.name().toLowerCase() + ") -> " + status;
        }
    }

    private AccessMatrixTable() {
    }

    /** Every endpoint by every role of every party, in that nesting, so the report reads endpoint by endpoint. */
    public static <E, R extends Enum<R>> Stream<Row<E, R>> rows(CaseOrganizations organizations, E[] endpoints,
            R[] roles, ExpectedStatus<E, R> expected) {
        List<Row<E, R>> rows = new ArrayList<>();
        for (E endpoint : endpoints) {
            for (R role : roles) {
                for (Party party : Party.values()) {
                    String org = organizations.of(party, role);
                    rows.add(new Row<>(endpoint, role, party, org, expected.of(endpoint, role, party, org)));
                }
            }
        }
        return rows.stream();
    }
}
