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
    public static final class Row<E, R extends Enum<R>> {

        private final E endpoint;
        private final R role;
        private final Party party;
        private final String org;
        private final int status;
        private final String name;

        private Row(E endpoint, R role, Party party, String org, int status, String shortOrg) {
            this.endpoint = endpoint;
            this.role = role;
            this.party = party;
            this.org = org;
            this.status = status;
            this.name = endpoint + " by " + role + " of " + shortOrg + " (" + party.name().toLowerCase() + ") -> "
                    + status;
        }

        public E endpoint() {
            return endpoint;
        }

        public R role() {
            return role;
        }

        public Party party() {
            return party;
        }

        public String org() {
            return org;
        }

        public int status() {
            return status;
        }

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
            return name;
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
                    rows.add(new Row<>(endpoint, role, party, org, expected.of(endpoint, role, party, org),
                            organizations.shortName(org)));
                }
            }
        }
        return rows.stream();
    }
}
