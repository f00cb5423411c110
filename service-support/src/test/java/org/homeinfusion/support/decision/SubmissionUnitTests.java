package org.homeinfusion.support.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.homeinfusion.contracts.Urgency;
import org.homeinfusion.support.problem.ApiProblem;
import org.junit.jupiter.api.Test;

class SubmissionUnitTests {

    private static final Instant NOW = Instant.parse("2026-12-04T15:00:00Z");

    @Test
    void withoutUrgencyOrTimeARequestIsStandardAndSubmittedNow() {
        assertThat(Submission.of(null, null, NOW)).isEqualTo(new Submission(Urgency.STANDARD, NOW));
    }

    @Test
    void keepsTheUrgencyAndTheInstantOfTheGivenTime() {
        assertThat(Submission.of(Urgency.EXPEDITED, OffsetDateTime.parse("2026-12-04T09:00:00-05:00"), NOW))
                .isEqualTo(new Submission(Urgency.EXPEDITED, Instant.parse("2026-12-04T14:00:00Z")));
        assertThat(Submission.of(null, OffsetDateTime.parse("2026-12-04T10:00:00-05:00"), NOW).submittedAt())
                .as("exactly now is not the future").isEqualTo(NOW);
    }

    @Test
    void refusesATimeInTheFutureNamingTheField() {
        assertThatThrownBy(() -> Submission.of(null, OffsetDateTime.parse("2026-12-04T15:00:00.001Z"), NOW))
                .isInstanceOfSatisfying(ApiProblem.class, problem ->
                        assertThat(problem.violations()).extracting(v -> v.field()).containsExactly("submittedAt"));
    }

    @Test
    void documentsStoredBeforeSubmissionsReadAsStandardSubmittedWhenRequested() {
        Instant requested = Instant.parse("2026-11-20T15:00:00Z");
        assertThat(Submission.orDefault(null, requested)).isEqualTo(new Submission(Urgency.STANDARD, requested));
    }
}
