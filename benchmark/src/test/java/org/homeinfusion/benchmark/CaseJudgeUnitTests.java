package org.homeinfusion.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.homeinfusion.benchmark.observe.ReadinessObservation;
import org.junit.jupiter.api.Test;

class CaseJudgeUnitTests {

    @Test
    void acceptsOneReadyToScheduleForAStraightCase() {
        assertThat(CaseJudge.sequenceProblem(records(ready(1)), Set.of(1L))).isNull();
    }

    @Test
    void acceptsReadyWithdrawnReadyForANurseCancellation() {
        assertThat(CaseJudge.sequenceProblem(records(ready(1), withdrawn(2), ready(3)), Set.of(3L))).isNull();
    }

    @Test
    void reportsAMissingRecordAsMissing() {
        assertThat(CaseJudge.sequenceProblem(records(), Set.of(1L))).startsWith("missing");
        assertThat(CaseJudge.sequenceProblem(records(ready(1)), Set.of(3L))).startsWith("missing");
    }

    @Test
    void refusesAGapInTheVersions() {
        assertThat(CaseJudge.sequenceProblem(records(ready(1), ready(3)), Set.of(3L))).contains("missing version 2");
    }

    @Test
    void refusesAVersionOfTheWrongType() {
        assertThat(CaseJudge.sequenceProblem(records(ready(1), ready(2), ready(3)), Set.of(3L)))
                .contains("version 2 is ReadyToSchedule");
    }

    @Test
    void refusesEndingOnAVersionTheScenarioDoesNotAllow() {
        assertThat(CaseJudge.sequenceProblem(records(ready(1), withdrawn(2), ready(3)), Set.of(1L)))
                .contains("ends on version 3");
    }

    @Test
    void acceptsEitherEndingWhenTheCoordinatorMayHaveSeenTheCancellationEarly() {
        assertThat(CaseJudge.sequenceProblem(records(ready(1)), Set.of(1L, 3L))).isNull();
        assertThat(CaseJudge.sequenceProblem(records(ready(1), withdrawn(2), ready(3)), Set.of(1L, 3L))).isNull();
    }

    private static ReadinessObservation ready(long version) {
        return new ReadinessObservation(ReadinessObservation.READY, version, version, version, 0, version);
    }

    private static ReadinessObservation withdrawn(long version) {
        return new ReadinessObservation(ReadinessObservation.WITHDRAWN, version, version, version, 0, version);
    }

    private static Map<Long, List<ReadinessObservation>> records(ReadinessObservation... observations) {
        Map<Long, List<ReadinessObservation>> records = new TreeMap<>();
        for (ReadinessObservation observation : observations) {
            records.put(observation.readinessVersion(), List.of(observation));
        }
        return records;
    }
}
