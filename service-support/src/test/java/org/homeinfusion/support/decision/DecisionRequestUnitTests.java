package org.homeinfusion.support.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.homeinfusion.support.problem.ApiProblem;
import org.homeinfusion.support.problem.Violation;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class DecisionRequestUnitTests {

    private static final LocalDate FROM = LocalDate.parse("2026-12-01");
    private static final LocalDate TO = LocalDate.parse("2027-05-31");

    @Test
    void eachPillarReadsItsOwnCount() {
        assertThat(approval(56, null).approvedQuantity(ApprovedQuantity.UNITS)).isEqualTo(56);
        assertThat(approval(null, 8).approvedQuantity(ApprovedQuantity.VISITS)).isEqualTo(8);
        assertThat(approval(null, null).approvedQuantity(ApprovedQuantity.NONE)).isNull();
    }

    @Test
    void refusesTheCountOfAnotherPillarInsteadOfDroppingIt() {
        assertRefused(() -> approval(56, 8).approvedQuantity(ApprovedQuantity.UNITS), "approvedVisits", "NOT_APPLICABLE");
        assertRefused(() -> approval(56, 8).approvedQuantity(ApprovedQuantity.VISITS), "approvedUnits", "NOT_APPLICABLE");
        assertRefused(() -> approval(null, 8).approvedQuantity(ApprovedQuantity.NONE), "approvedVisits", "NOT_APPLICABLE");
    }

    @Test
    void checksTheRulesBetweenFieldsBeforeTheCounts() {
        DecisionRequest unnumbered = new DecisionRequest(DecisionOutcome.APPROVED, null, FROM, TO, null, 8, null);

        assertRefused(() -> unnumbered.approvedQuantity(ApprovedQuantity.UNITS), "authorizationNumber", "REQUIRED");
    }

    private static DecisionRequest approval(Integer units, Integer visits) {
        return new DecisionRequest(DecisionOutcome.APPROVED, "12345", FROM, TO, units, visits, null);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable read, String field, String code) {
        assertThatThrownBy(read).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(problem.violations()).first().extracting(Violation::field, Violation::code)
                    .containsExactly(field, code);
        });
    }
}
