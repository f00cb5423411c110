package org.homeinfusion.nursingauth.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.homeinfusion.contracts.EventJson;
import org.homeinfusion.support.api.PayerRequest;
import org.homeinfusion.support.decision.Submission;
import org.homeinfusion.support.decision.DecisionOutcome;
import org.homeinfusion.support.domain.TransitionRefused;
import org.junit.jupiter.api.Test;

class NursingAuthorizationUnitTests {

    private static final Instant NOW = Instant.parse("2026-11-23T15:05:00Z");
    private static final NursingAuthorization.Visit VISIT = new NursingAuthorization.Visit(
            OffsetDateTime.parse("2026-12-08T14:00:00-05:00"), 240, "Jones");

    @Test
    void aNewRequestAsksForTheVisitsOfItsFrequencyAndHasNoneRemainingYet() {
        NursingAuthorization requested = requested();

        assertThat(requested.decision().status()).isEqualTo(NursingAuthorization.Status.REQUESTED);
        assertThat(requested.request().frequency()).isEqualTo("2w4");
        assertThat(requested.request().visitsRequested()).isEqualTo(8);
        assertThat(requested.visitsUsed()).isZero();
        assertThat(requested.visitsRemaining()).isNull();
        assertThat(requested.version()).isEqualTo(1);
    }

    @Test
    void completingAVisitCountsItClearsTheSlotAndLowersTheVisitsRemaining() {
        NursingAuthorization approved = requested().decide(approval(8), NOW);
        NursingAuthorization completed = approved.confirmVisit(VISIT, NOW).completeVisit(NOW);

        assertThat(approved.visitsRemaining()).isEqualTo(8);
        assertThat(completed.visitsUsed()).isEqualTo(1);
        assertThat(completed.visitsRemaining()).isEqualTo(7);
        assertThat(completed.visit()).isNull();
        assertThat(completed.version()).isEqualTo(4);
    }

    @Test
    void refusesToCompleteAVisitThatWasNeverConfirmed() {
        assertThat(refusal(() -> requested().decide(approval(8), NOW).completeVisit(NOW))).isEqualTo("NO_VISIT_CONFIRMED");
    }

    @Test
    void refusesToCompleteTheSameVisitTwice() {
        NursingAuthorization completed = requested().confirmVisit(VISIT, NOW).completeVisit(NOW);

        assertThat(refusal(() -> completed.completeVisit(NOW))).isEqualTo("NO_VISIT_CONFIRMED");
    }

    @Test
    void refusesAVisitBeyondTheApprovedVisits() {
        NursingAuthorization exhausted = requested().decide(approval(1), NOW).confirmVisit(VISIT, NOW).completeVisit(NOW)
                .confirmVisit(VISIT, NOW);

        assertThat(exhausted.visitsRemaining()).isZero();
        assertThat(refusal(() -> exhausted.completeVisit(NOW))).isEqualTo("VISITS_EXHAUSTED");
    }

    @Test
    void countsVisitsBeforeAnyDecisionStatesHowManyWereApproved() {
        NursingAuthorization completed = requested().confirmVisit(VISIT, NOW).completeVisit(NOW);

        assertThat(completed.visitsUsed()).isEqualTo(1);
        assertThat(completed.visitsRemaining()).isNull();
        assertThat(completed.decide(approval(8), NOW).visitsRemaining()).isEqualTo(7);
    }

    @Test
    void aNewDecisionKeepsTheVisitsUsedAndTheConfirmedVisit() {
        NursingAuthorization visited = requested().decide(approval(8), NOW).confirmVisit(VISIT, NOW).completeVisit(NOW)
                .confirmVisit(VISIT, NOW);

        NursingAuthorization reduced = visited.decide(approval(4), NOW);

        assertThat(reduced.visitsUsed()).isEqualTo(1);
        assertThat(reduced.visitsRemaining()).isEqualTo(3);
        assertThat(reduced.visit()).isEqualTo(VISIT);
    }

    @Test
    void aCancelledAuthorizationTakesNoDecisionAndNoVisit() {
        NursingAuthorization cancelled = requested().confirmVisit(VISIT, NOW).decide(
                new NursingDecision(DecisionOutcome.CANCELLED, null, null, null, null, "therapy changed"), NOW);

        for (Runnable change : new Runnable[] {
                () -> cancelled.decide(approval(8), NOW),
                () -> cancelled.confirmVisit(VISIT, NOW),
                () -> cancelled.cancelVisit(NOW),
                () -> cancelled.completeVisit(NOW)}) {
            assertThat(refusal(change)).isEqualTo("AUTHORIZATION_CANCELLED");
        }
    }

    /** Documents stored before the state was grouped read back, and new ones are written in the same flat shape. */
    @Test
    void keepsTheFlatShapeOfTheStoredDocument() {
        NursingAuthorization decided = requested().confirmVisit(VISIT, NOW).decide(approval(8), NOW);

        String json = EventJson.mapper().writeValueAsString(decided);

        assertThat(EventJson.mapper().readTree(json).propertyNames()).containsExactlyInAnyOrder("id", "caseId",
                "patientRef", "specialistOrgId", "agencyOrgId", "payerId", "plan", "serviceCode", "frequency",
                "visitsRequested", "requestedFrom", "requestedTo", "status", "authorizationNumber", "validFrom",
                "validTo", "approvedVisits", "decisionReason", "visitsUsed", "visit", "version", "requestedAt",
                "updatedAt", "submission");
        assertThat(EventJson.mapper().readValue(json, NursingAuthorization.class)).isEqualTo(decided);
    }

    @Test
    void isVisibleToTheSpecialistTheAgencyAndThePayerOnly() {
        NursingAuthorization requested = requested();

        assertThat(requested.visibleTo("SPEC-1")).isTrue();
        assertThat(requested.visibleTo("HHA-7")).isTrue();
        assertThat(requested.visibleTo("PAYER-ABC")).isTrue();
        assertThat(requested.visibleTo("HHA-8")).isFalse();
    }

    private static NursingAuthorization requested() {
        CreateNursingAuthorization request = new CreateNursingAuthorization("CASE-1001", "PT-88",
                new PayerRequest("PAYER-ABC", PayerRequest.Plan.COMMERCIAL), "HHA-7", "99601", "2w4",
                LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-28"), null, null);
        return NursingAuthorization.request(UUID.randomUUID(), "SPEC-1", request, request.visitFrequency(),
                Submission.of(null, null, NOW), NOW);
    }

    private static NursingDecision approval(int visits) {
        return new NursingDecision(DecisionOutcome.APPROVED, "67890", LocalDate.parse("2026-12-01"),
                LocalDate.parse("2026-12-28"), visits, null);
    }

    /** The code of the rule that refused the change (the API's 409). */
    private static String refusal(Runnable change) {
        TransitionRefused refused = catchThrowableOfType(TransitionRefused.class, change::run);
        assertThat(refused).isNotNull();
        return refused.code();
    }
}
