package org.homeinfusion.coordinator.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeinfusion.coordinator.readiness.SeedCase.at;
import static org.homeinfusion.coordinator.readiness.SeedCase.day;
import static org.homeinfusion.coordinator.readiness.SeedCase.drug;
import static org.homeinfusion.coordinator.readiness.SeedCase.nursing;
import static org.homeinfusion.coordinator.readiness.SeedCase.seedCase;
import static org.homeinfusion.coordinator.readiness.SeedCase.seedCaseWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.homeinfusion.coordinator.readiness.AuthorizationStatus;
import org.homeinfusion.coordinator.readiness.CaseAuthorizations;
import org.homeinfusion.coordinator.readiness.PayerSubmission;
import org.homeinfusion.coordinator.readiness.Urgency;
import org.junit.jupiter.api.Test;

/**
 * The alert rules with a moved clock: each alert is raised at its moment and not a millisecond before, once, and
 * resolved when its condition ends. The seed visit is Tue Dec 8 14:00 -05:00 (19:00Z).
 */
class AlertRulesUnitTests {

    private final AlertTimeline timeline = new AlertTimeline();

    /** The seed case without the pharmacy's delivery: not ready, the pharmacy must act. */
    private static CaseAuthorizations undelivered() {
        return seedCaseWith(drug().delivery(null).build());
    }

    @Test
    void caseAtRiskIsRaisedAtEachHorizonAndNotAMillisecondBefore() {
        AlertTimeline.Look first = timeline.at("2026-12-01T12:00:00Z", undelivered());
        assertThat(first.isQuiet()).isTrue();
        assertThat(first.revisitAt()).as("48 h before the visit").isEqualTo(Instant.parse("2026-12-06T19:00:00Z"));

        assertThat(timeline.at("2026-12-06T18:59:59.999Z", undelivered()).isQuiet()).isTrue();
        assertThat(horizons(timeline.at("2026-12-06T19:00:00Z", undelivered()))).containsExactly(Duration.ofHours(48));
        assertThat(timeline.at("2026-12-07T18:59:59.999Z", undelivered()).isQuiet()).isTrue();
        assertThat(horizons(timeline.at("2026-12-07T19:00:00Z", undelivered()))).containsExactly(Duration.ofHours(24));
        List<PlannedAlert> started = timeline.at("2026-12-08T19:00:00Z", undelivered()).raised();
        assertThat(horizons(started)).containsExactly(Duration.ZERO);
        assertThat(started.get(0).severity()).isEqualTo(Severity.CRITICAL);

        assertThat(timeline.at("2026-12-08T19:00:00Z", undelivered()).isQuiet()).as("the same look again").isTrue();
    }

    @Test
    void onlyTheSmallestPassedHorizonIsRaisedWhenTheConditionArisesLate() {
        List<PlannedAlert> raised = timeline.at("2026-12-07T23:00:00Z", undelivered()).raised();

        assertThat(horizons(raised)).containsExactly(Duration.ofHours(24));
        assertThat(raised.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(timeline.inState(AlertState.SKIPPED)).hasSize(1);
        assertThat(timeline.at("2026-12-08T01:00:00Z", undelivered()).isQuiet()).as("48h is never raised later").isTrue();
    }

    @Test
    void aDeadlineMissedWhileNobodyLookedRaisesOnlyTheLatestOfItsSeries() {
        timeline.at("2026-12-01T12:00:00Z", undelivered());

        assertThat(horizons(timeline.at("2026-12-08T20:00:00Z", undelivered()).raised())).containsExactly(Duration.ZERO);
    }

    @Test
    void caseAtRiskNamesTheOrganizationThatMustActAndTheBlockers() {
        PlannedAlert alert = timeline.at("2026-12-07T23:00:00Z", undelivered()).raised().get(0);

        assertThat(alert.actions()).containsExactly(new AlertAction("PHARM-1", "PHARMACY",
                "PHARM-1 must post a drug delivery ending by Tue Dec 8 13:00."));
        assertThat(((PlannedAlert.VisitAtRisk) alert.subject()).blockers())
                .extracting(blocker -> blocker.code()).containsExactly("DRUG_DELIVERY_NOT_SCHEDULED");
    }

    @Test
    void nothingIsRaisedForAReadyCase() {
        for (String moment : List.of("2026-12-06T19:00:00Z", "2026-12-07T19:00:00Z", "2026-12-08T19:00:00Z")) {
            assertThat(timeline.at(moment, seedCase()).raised()).noneMatch(a -> a.type() == AlertType.CaseAtRisk);
        }
    }

    @Test
    void becomingReadyResolvesTheOpenCaseAtRiskAndDropsTheWaitingHorizons() {
        timeline.at("2026-12-07T23:00:00Z", undelivered());

        AlertTimeline.Look ready = timeline.at("2026-12-07T23:30:00Z", seedCase());

        assertThat(ready.resolved()).extracting(StoredAlert::type).containsExactly(AlertType.CaseAtRisk);
        assertThat(ready.revisitAt()).as("next: 14 days before nursing ends on Jan 31, not the visit")
                .isEqualTo(Instant.parse("2027-01-17T05:00:00Z"));
        assertThat(timeline.at("2026-12-08T19:00:00Z", seedCase()).isQuiet()).isTrue();
    }

    @Test
    void aMovedVisitIsPlannedAgainForItsNewTime() {
        CaseAuthorizations movedToThursday = seedCaseWith(drug().delivery(null).build(),
                nursing().visitAt("2026-12-10T14:00-05:00").build());
        timeline.at("2026-12-01T12:00:00Z", undelivered());
        timeline.at("2026-12-02T12:00:00Z", movedToThursday);

        assertThat(timeline.at("2026-12-06T19:00:00Z", movedToThursday).isQuiet()).isTrue();
        List<PlannedAlert> raised = timeline.at("2026-12-08T19:00:00Z", movedToThursday).raised();
        assertThat(raised).hasSize(1);
        assertThat(((PlannedAlert.VisitAtRisk) raised.get(0).subject()).visitStart()).isEqualTo(at("2026-12-10T14:00-05:00"));
    }

    @Test
    void movingTheVisitAfterItsAlertResolvesItAndPlansTheNewOne() {
        timeline.at("2026-12-07T23:00:00Z", undelivered());

        AlertTimeline.Look moved = timeline.at("2026-12-07T23:10:00Z",
                seedCaseWith(drug().delivery(null).build(), nursing().visitAt("2026-12-15T14:00-05:00").build()));

        assertThat(moved.resolved()).extracting(StoredAlert::type).containsExactly(AlertType.CaseAtRisk);
        assertThat(moved.raised()).isEmpty();
    }

    @Test
    void anAuthorizationEndingWithinTheNoticeIsDueAtTheStartOfThatDayInThePatientsCalendar() {
        CaseAuthorizations endsDec20 = seedCaseWith(nursing().validTo(day("2026-12-20")).build());

        // 14 days before Dec 20 is Dec 6; the visit's offset is -05:00, so the day starts at 05:00Z.
        assertThat(timeline.at("2026-12-06T04:59:59.999Z", endsDec20).isQuiet()).isTrue();
        List<PlannedAlert> raised = timeline.at("2026-12-06T05:00:00Z", endsDec20).raised();

        assertThat(raised).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo(AlertType.ReauthorizationDue);
            assertThat(alert.subject()).isEqualTo(new PlannedAlert.AuthorizationEnding(
                    org.homeinfusion.coordinator.readiness.Pillar.NURSING, nursing().build().id(), "67890",
                    day("2026-12-20")));
            assertThat(alert.actions()).extracting(AlertAction::orgId).containsExactly("SPEC-1");
        });
    }

    @Test
    void anExtendedWindowOrANewApprovalResolvesReauthorizationDue() {
        timeline.at("2026-12-06T05:00:00Z", seedCaseWith(nursing().validTo(day("2026-12-20")).build()));

        AlertTimeline.Look extended = timeline.at("2026-12-06T09:00:00Z",
                seedCaseWith(nursing().version(2).validTo(day("2027-03-31")).build()));
        assertThat(extended.resolved()).extracting(StoredAlert::type).containsExactly(AlertType.ReauthorizationDue);

        AlertTimeline other = new AlertTimeline();
        other.at("2026-12-06T05:00:00Z", seedCaseWith(nursing().validTo(day("2026-12-20")).build()));
        AlertTimeline.Look replaced = other.at("2026-12-06T09:00:00Z", seedCaseWith(
                nursing().validTo(day("2026-12-20")).build(),
                nursing().id(UUID.randomUUID()).requestedAt(Instant.parse("2026-12-05T10:00:00Z"))
                        .authorizationNumber("67891").validTo(day("2027-03-31")).build()));
        assertThat(replaced.resolved()).extracting(StoredAlert::type).containsExactly(AlertType.ReauthorizationDue);
    }

    @Test
    void fewVisitsLeftIsAnnouncedAtOneAndAgainAtZero() {
        AlertTimeline.Look oneLeft = timeline.at("2026-12-01T12:00:00Z",
                seedCaseWith(nursing().visitsUsed(7).build()));
        assertThat(oneLeft.raised()).singleElement().satisfies(alert ->
                assertThat(alert.subject()).isEqualTo(new PlannedAlert.VisitsRunningLow(nursing().build().id(), "67890", 1)));

        AlertTimeline.Look noneLeft = timeline.at("2026-12-02T12:00:00Z",
                seedCaseWith(nursing().version(2).visitsUsed(8).build()));
        assertThat(noneLeft.raised()).extracting(PlannedAlert::subject)
                .contains(new PlannedAlert.VisitsRunningLow(nursing().build().id(), "67890", 0));
        assertThat(noneLeft.resolved()).extracting(StoredAlert::type).contains(AlertType.ReauthorizationDue);

        AlertTimeline.Look renewed = timeline.at("2026-12-03T12:00:00Z",
                seedCaseWith(nursing().version(3).visitsUsed(8).approvedVisits(16).build()));
        assertThat(renewed.resolved()).extracting(StoredAlert::type).contains(AlertType.ReauthorizationDue);
    }

    @Test
    void anUndecidedRequestIsOverdueAtItsDecisionClockAndADecisionResolvesIt() {
        PayerSubmission standard = new PayerSubmission("PAYER-ABC", Urgency.STANDARD, Instant.parse("2026-11-30T15:00:00Z"));
        CaseAuthorizations waiting = seedCaseWith(drug().undecided().submission(standard).build());

        assertThat(overdue(timeline.at("2026-12-07T14:59:59.999Z", waiting))).isEmpty();
        List<PlannedAlert> raised = overdue(timeline.at("2026-12-07T15:00:00Z", waiting));
        assertThat(raised).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo(AlertType.PayerDecisionOverdue);
            assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(alert.actions()).containsExactly(new AlertAction("PAYER-ABC", "PAYER",
                    "Payer PAYER-ABC has not decided the standard drug authorization submitted on Mon Nov 30 within 7 days."));
        });

        AlertTimeline.Look decided = timeline.at("2026-12-07T16:00:00Z",
                seedCaseWith(drug().version(2).delivery(null).submission(standard).build()));
        assertThat(decided.resolved()).extracting(StoredAlert::type).contains(AlertType.PayerDecisionOverdue);
    }

    @Test
    void anExpeditedRequestHasSeventyTwoHours() {
        PayerSubmission expedited = new PayerSubmission("PAYER-ABC", Urgency.EXPEDITED, Instant.parse("2026-12-01T09:00:00Z"));
        CaseAuthorizations waiting = seedCaseWith(nursing().status(AuthorizationStatus.PENDED).submission(expedited).build());

        assertThat(overdue(timeline.at("2026-12-04T08:59:59.999Z", waiting))).isEmpty();
        assertThat(overdue(timeline.at("2026-12-04T09:00:00Z", waiting))).hasSize(1);
    }

    @Test
    void theSameAlertKeyIsNeverRaisedTwiceEvenAfterItWasResolved() {
        timeline.at("2026-12-07T23:00:00Z", undelivered());
        timeline.at("2026-12-07T23:10:00Z", seedCase());

        assertThat(timeline.at("2026-12-07T23:20:00Z", undelivered()).raised()).isEmpty();
    }

    private static List<PlannedAlert> overdue(AlertTimeline.Look look) {
        return look.raised().stream().filter(alert -> alert.type() == AlertType.PayerDecisionOverdue).toList();
    }

    private static List<Duration> horizons(AlertTimeline.Look look) {
        return horizons(look.raised());
    }

    private static List<Duration> horizons(List<PlannedAlert> raised) {
        return raised.stream().filter(alert -> alert.type() == AlertType.CaseAtRisk)
                .map(alert -> ((PlannedAlert.VisitAtRisk) alert.subject()).horizon()).toList();
    }
}
