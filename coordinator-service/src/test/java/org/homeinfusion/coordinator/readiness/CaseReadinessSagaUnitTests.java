package org.homeinfusion.coordinator.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeinfusion.coordinator.readiness.SeedCase.at;
import static org.homeinfusion.coordinator.readiness.SeedCase.bundledSupplies;
import static org.homeinfusion.coordinator.readiness.SeedCase.drug;
import static org.homeinfusion.coordinator.readiness.SeedCase.nursing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CaseReadinessSagaUnitTests {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final CaseReadinessSaga saga = new CaseReadinessSaga(new ReadinessPolicy(), Clock.fixed(NOW, ZoneOffset.UTC));

    /** The saga's persisted state for one case, fed one copy at a time as the listener would. */
    private final class Case {
        private CaseAuthorizations authorizations = CaseAuthorizations.empty();
        private RecordedReadiness recorded = RecordedReadiness.neverEmitted();

        Optional<Emission> receive(Authorization incoming) {
            CaseReadinessStep step = saga.handle(authorizations, recorded, incoming);
            authorizations = step.authorizations();
            recorded = step.recorded();
            return step.emission();
        }

        /** The seed story arriving pillar by pillar: ready once the last pillar is in. */
        Emission readyWithTheSeedStory() {
            assertThat(receive(drug().build())).isEmpty();
            assertThat(receive(nursing().build())).isEmpty();
            return receive(bundledSupplies().build()).orElseThrow();
        }
    }

    @Test
    void announcesReadyToScheduleVersionOneWhenTheLastPillarFallsIntoPlace() {
        Case seed = new Case();

        Emission emission = seed.readyWithTheSeedStory();

        assertThat(emission).isInstanceOfSatisfying(Emission.ReadyToSchedule.class, ready -> {
            assertThat(ready.readinessVersion()).isEqualTo(1);
            assertThat(ready.summary()).isEqualTo(SeedCase.SEED_SUMMARY);
            assertThat(ready.schedule().visit().nurseName()).isEqualTo("Jones");
            assertThat(ready.occurredAt()).isEqualTo(NOW);
        });
        assertThat(seed.recorded).isEqualTo(new RecordedReadiness(ReadinessState.READY, 1, ((Emission.ReadyToSchedule) emission).schedule()));
    }

    @Test
    void withdrawsReadinessWhenTheVisitIsCancelledAndReReadiesForANewSlot() {
        Case seed = new Case();
        seed.readyWithTheSeedStory();

        Emission withdrawn = seed.receive(nursing().version(2).visit(null).build()).orElseThrow();
        Emission reReadied = seed.receive(nursing().version(3).visitAt("2026-12-09T14:00-05:00").build()).orElseThrow();

        assertThat(withdrawn).isInstanceOfSatisfying(Emission.ReadinessWithdrawn.class, withdrawal -> {
            assertThat(withdrawal.readinessVersion()).isEqualTo(2);
            assertThat(withdrawal.blockers()).extracting(Blocker::code).containsExactly("NURSE_VISIT_NOT_CONFIRMED");
        });
        assertThat(reReadied).isInstanceOfSatisfying(Emission.ReadyToSchedule.class, ready -> {
            assertThat(ready.readinessVersion()).isEqualTo(3);
            assertThat(ready.schedule().visit().start()).isEqualTo(at("2026-12-09T14:00-05:00"));
            assertThat(ready.summary()).contains("nurse Jones visiting Wed Dec 9 14:00");
        });
        assertThat(seed.recorded.readinessVersion()).isEqualTo(3);
    }

    @Test
    void withdrawsReadinessWhenTheDrugAuthorizationIsCancelled() {
        Case seed = new Case();
        seed.readyWithTheSeedStory();

        Emission withdrawn = seed.receive(drug().version(2).status(AuthorizationStatus.CANCELLED).build()).orElseThrow();

        assertThat(withdrawn).isInstanceOfSatisfying(Emission.ReadinessWithdrawn.class, withdrawal ->
                assertThat(withdrawal.blockers()).extracting(Blocker::code)
                        .containsExactly("DRUG_AUTH_MISSING", "DRUG_DELIVERY_NOT_SCHEDULED"));
        assertThat(seed.recorded).isEqualTo(new RecordedReadiness(ReadinessState.NOT_READY, 2, null));
    }

    @Test
    void announcesANewScheduleWhenTheVisitMovesWhileReady() {
        Case seed = new Case();
        seed.readyWithTheSeedStory();

        Emission moved = seed.receive(nursing().version(2).visitAt("2026-12-08T15:00-05:00").build()).orElseThrow();

        assertThat(moved).isInstanceOfSatisfying(Emission.ReadyToSchedule.class, ready -> {
            assertThat(ready.readinessVersion()).isEqualTo(2);
            assertThat(ready.summary()).contains("visiting Tue Dec 8 15:00");
        });
    }

    @Test
    void announcesANewScheduleWhenAnAuthorizationNumberChangesWhileReady() {
        Case seed = new Case();
        seed.readyWithTheSeedStory();

        Emission renumbered = seed.receive(drug().version(2).authorizationNumber("12346").build()).orElseThrow();

        assertThat(renumbered).isInstanceOfSatisfying(Emission.ReadyToSchedule.class, ready -> {
            assertThat(ready.readinessVersion()).isEqualTo(2);
            assertThat(ready.schedule().authorizations().drug().authorizationNumber()).isEqualTo("12346");
        });
    }

    @Test
    void staysSilentWhenAChangeLeavesAReadyScheduleAsItWas() {
        Case seed = new Case();
        seed.readyWithTheSeedStory();

        Optional<Emission> afterUsedVisit = seed.receive(nursing().version(2).visitsUsed(3).build());

        assertThat(afterUsedVisit).isEmpty();
        assertThat(seed.recorded.readinessVersion()).isEqualTo(1);
    }

    @Test
    void staysSilentForDuplicateAndStaleCopies() {
        Case seed = new Case();
        seed.readyWithTheSeedStory();
        seed.receive(nursing().version(2).visit(null).build());

        assertThat(seed.receive(nursing().version(2).visit(null).build())).isEmpty();
        assertThat(seed.receive(nursing().version(1).build())).as("the cancelled slot's older copy").isEmpty();
        assertThat(seed.recorded).isEqualTo(new RecordedReadiness(ReadinessState.NOT_READY, 2, null));
    }

    @Test
    void emitsNothingWhileACaseStaysNotReady() {
        Case undecided = new Case();

        assertThat(undecided.receive(drug().undecided().build())).isEmpty();
        assertThat(undecided.receive(nursing().status(AuthorizationStatus.PENDED).build())).isEmpty();
        assertThat(undecided.receive(drug().version(2).status(AuthorizationStatus.DENIED).build())).isEmpty();
        assertThat(undecided.receive(bundledSupplies().build())).isEmpty();
        assertThat(undecided.recorded).isEqualTo(RecordedReadiness.neverEmitted());
    }

    @Test
    void reReadiesWithTheVerySameScheduleAfterAWithdrawal() {
        Readiness ready = new ReadinessPolicy().evaluate(SeedCase.seedCase());
        RecordedReadiness withdrawn = new RecordedReadiness(ReadinessState.NOT_READY, 2, null);

        ReadinessTransition transition = saga.decide(withdrawn, ready);

        assertThat(transition.emission()).containsInstanceOf(Emission.ReadyToSchedule.class);
        assertThat(transition.recorded()).isEqualTo(new RecordedReadiness(ReadinessState.READY, 3, ready.schedule()));
    }
}
