package org.homeinfusion.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ScenarioUnitTests {

    @Test
    void everyScenarioAppearsInTheFirstFiveCasesSoEvenASmokeRunCoversThemAll() {
        Set<Scenario> firstFive = EnumSet.noneOf(Scenario.class);
        for (int i = 0; i < 5; i++) {
            firstFive.add(Scenario.forCase(i));
        }
        assertThat(firstFive).containsExactlyInAnyOrder(Scenario.values());
    }

    @Test
    void theMixAveragesAboutNineCallsPerCaseAsTheTargetsAssume() {
        assertThat(Scenario.meanApiCalls()).isBetween(8.0, 9.0);
    }

    @Test
    void caseIdsAreUniqueAndWithinTheContractsIdRules() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            SyntheticCase c = SyntheticCase.of("BMTP5P3K-r200-", i);
            assertThat(c.caseId()).matches("[A-Za-z0-9._-]{1,64}");
            ids.add(c.caseId());
            assertThat(c.visitDay()).isBetween(java.time.LocalDate.of(2026, 12, 1), java.time.LocalDate.of(2027, 5, 31));
        }
        assertThat(ids).hasSize(10_000);
    }
}
