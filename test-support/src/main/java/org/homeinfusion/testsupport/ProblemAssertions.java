package org.homeinfusion.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assertions on the RFC 9457 problem details every service answers a refused request with, so a test
 * proves the client gets a problem it can read, not only a status code.
 */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    /** The response has {@code status}, is {@code application/problem+json} and names the same status in its body. */
    public static void assertProblem(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
    }
}
