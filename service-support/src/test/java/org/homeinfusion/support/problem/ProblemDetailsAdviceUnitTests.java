package org.homeinfusion.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.homeinfusion.support.domain.TransitionRefused;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ProblemDetailsAdviceUnitTests {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    @Test
    void rendersARefusedTransitionAsTheConflictProblemClientsAlreadyKnow() {
        ResponseEntity<Object> response = advice.transitionRefused(
                new TransitionRefused("AUTHORIZATION_CANCELLED", "Drug authorization 7 is cancelled"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemDetail problem = (ProblemDetail) response.getBody();
        assertThat(problem.getType()).isEqualTo(URI.create("https://home-infusion.example.org/problems/conflict"));
        assertThat(problem.getTitle()).isEqualTo("Transition not allowed");
        assertThat(problem.getDetail()).isEqualTo("Drug authorization 7 is cancelled");
        assertThat(problem.getProperties()).containsEntry("violations",
                List.of(Violation.of("AUTHORIZATION_CANCELLED", "Drug authorization 7 is cancelled")));
    }
}
