package org.homeinfusion.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

/**
 * The actuator endpoints every service serves to anyone (docs/api.md, Operations: health with its probe groups, and
 * metrics for Prometheus) and those that would reveal configuration, beans or memory and so must never
 * answer 200, with or without a token.
 */
public final class ManagementEndpoints {

    public static final List<String> OPEN = List.of(
            "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness", "/actuator/prometheus");

    public static final List<String> CLOSED = List.of(
            "/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump",
            "/actuator/loggers", "/actuator/mappings", "/actuator/threaddump", "/actuator/shutdown");

    private ManagementEndpoints() {
    }

    /**
     * One test per endpoint: each open one answers 200 with a body to a caller without a token; each closed one
     * is 401 or 404 both without a token and with one of {@code org} holding every role in {@code roles}, so no
     * role, however many a token carries, opens it.
     */
    public static Stream<DynamicTest> exposureChecks(ApiClient api, String org, Enum<?>... roles) {
        String everyRole = TestTokens.bearer(org, Arrays.stream(roles).map(Enum::name).toArray(String[]::new));
        Stream<DynamicTest> open = OPEN.stream().map(path -> dynamicTest(path + " answers without a token", () -> {
            ApiClient.Response response = api.get(path, null);

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.body()).isNotBlank();
        }));
        Stream<DynamicTest> closed = CLOSED.stream().map(path -> dynamicTest(path + " reveals nothing", () -> {
            assertThat(api.get(path, null).status()).isIn(401, 404);
            assertThat(api.get(path, everyRole).status()).isIn(401, 404);
        }));
        return Stream.concat(open, closed);
    }
}
