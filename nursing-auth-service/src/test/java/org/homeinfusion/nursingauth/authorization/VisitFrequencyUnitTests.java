package org.homeinfusion.nursingauth.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.homeinfusion.support.problem.ApiProblem;
import org.homeinfusion.support.problem.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

class VisitFrequencyUnitTests {

    @ParameterizedTest(name = "{0} is {1} a week for {2} weeks = {3} visits")
    @CsvSource({
            "2w4,   2,  4,  8",
            "1w1,   1,  1,  1",
            "3w2,   3,  2,  6",
            "7w12,  7,  12, 84",
            "21w1,  21, 1,  21",
            "1w52,  1,  52, 52",
            "21w52, 21, 52, 1092",
            "2W4,   2,  4,  8",
    })
    void readsVisitsAWeekForWeeks(String text, int visitsPerWeek, int weeks, int visits) {
        VisitFrequency frequency = VisitFrequency.parse(text);

        assertThat(frequency.visitsPerWeek()).isEqualTo(visitsPerWeek);
        assertThat(frequency.weeks()).isEqualTo(weeks);
        assertThat(frequency.visits()).isEqualTo(visits);
        assertThat(frequency.text()).isEqualTo(visitsPerWeek + "w" + weeks);
    }

    @Test
    void readsEveryFrequencyWithinTheBoundsAndWritesItBackCanonically() {
        for (int n = 1; n <= VisitFrequency.MAX_VISITS_PER_WEEK; n++) {
            for (int m = 1; m <= VisitFrequency.MAX_WEEKS; m++) {
                VisitFrequency frequency = VisitFrequency.parse(n + "w" + m);
                assertThat(frequency.visits()).isEqualTo(n * m);
                // The event contract writes N and M with at most two digits, without leading zeros.
                assertThat(frequency.text()).matches("[1-9][0-9]?w[1-9][0-9]?");
            }
        }
    }

    @ParameterizedTest(name = "''{0}'' is refused: {1}")
    @CsvSource({
            "2x4,           written NwM",
            "w4,            written NwM",
            "2w,            written NwM",
            "2,             written NwM",
            "'2 w4',        written NwM",
            "' 2w4',        written NwM",
            "2w4w1,         written NwM",
            "-1w4,          written NwM",
            "2.5w4,         written NwM",
            "02w4,          leading zeros",
            "2w04,          leading zeros",
            "9999999999w1,  written NwM",
            "0w4,           1 to 21 visits a week",
            "22w1,          1 to 21 visits a week",
            "99999w1,       1 to 21 visits a week",
            "2w0,           1 to 52 weeks",
            "1w53,          1 to 52 weeks",
            "1w104,         1 to 52 weeks",
    })
    void refusesAMalformedOrOutOfRangeFrequencyWithAClear400(String text, String explanation) {
        ApiProblem problem = refusal(text);

        assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problem.violations()).extracting(Violation::field).containsOnly("frequency");
        assertThat(problem.violations()).extracting(Violation::code).containsOnly("INVALID_FREQUENCY");
        assertThat(problem.getMessage()).contains(explanation);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void refusesAMissingFrequencyAsRequired(String text) {
        assertThat(refusal(text).getMessage()).startsWith("frequency is required").contains("e.g. 2w4");
    }

    @Test
    void reportsBothNumbersWhenBothAreOutOfRange() {
        assertThat(refusal("0w99").violations()).extracting(Violation::message).containsExactly(
                "frequency must have 1 to 21 visits a week", "frequency must run for 1 to 52 weeks");
    }

    private static ApiProblem refusal(String text) {
        ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> VisitFrequency.parse(text));
        assertThat(problem).as("'%s' should be refused", text).isNotNull();
        return problem;
    }
}
