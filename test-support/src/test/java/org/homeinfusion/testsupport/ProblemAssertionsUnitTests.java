package org.homeinfusion.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.homeinfusion.testsupport.ProblemAssertions.assertProblem;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ProblemAssertionsUnitTests {

    private static final Map<String, String> PROBLEM_JSON = Map.of("content-type", "application/problem+json");

    @Test
    void acceptsAProblemWithTheStatusInItsBody() {
        assertThatCode(() -> assertProblem(new ApiClient.Response(404, PROBLEM_JSON, "{\"status\":404}"), 404))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAnotherStatusAPlainJsonErrorOrABodyNamingAnotherStatus() {
        assertThatThrownBy(() -> assertProblem(new ApiClient.Response(500, PROBLEM_JSON, "{\"status\":500}"), 404))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertProblem(
                new ApiClient.Response(404, Map.of("content-type", "application/json"), "{\"status\":404}"), 404))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertProblem(new ApiClient.Response(404, PROBLEM_JSON, "{\"status\":400}"), 404))
                .isInstanceOf(AssertionError.class);
    }
}
