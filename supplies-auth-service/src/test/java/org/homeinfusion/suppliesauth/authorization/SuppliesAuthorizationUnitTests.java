package org.homeinfusion.suppliesauth.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.homeinfusion.contracts.EventJson;
import org.homeinfusion.support.api.PayerRequest;
import org.homeinfusion.support.decision.Submission;
import org.homeinfusion.support.decision.DecisionOutcome;
import org.homeinfusion.support.domain.TransitionRefused;
import org.homeinfusion.support.problem.ApiProblem;
import org.homeinfusion.support.problem.Violation;
import org.homeinfusion.suppliesauth.catalog.Coverage;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The aggregate's rules as a plain state machine: coverage, lifecycle and versions, without Spring. */
class SuppliesAuthorizationUnitTests {

    static final Instant NOW = Instant.parse("2026-11-24T14:00:00Z");
    static final SuppliesAuthorization.Delivery DELIVERY = new SuppliesAuthorization.Delivery(
            OffsetDateTime.parse("2026-12-09T09:00:00-05:00"), OffsetDateTime.parse("2026-12-09T12:00:00-05:00"));

    @Test
    void bundledCoverageStartsNotRequiredWithThePerDiemAndNoItems() {
        SuppliesAuthorization bundled = bundled();

        assertThat(bundled.decision().status()).isEqualTo(SuppliesAuthorization.Status.NOT_REQUIRED);
        assertThat(bundled.request().perDiemCode()).isEqualTo("S9338");
        assertThat(bundled.request().items()).isEmpty();
        assertThat(bundled.version()).isEqualTo(1);
    }

    @Test
    void separateCoverageStartsRequestedWithNormalizedItems() {
        SuppliesAuthorization separate = separate();

        assertThat(separate.decision().status()).isEqualTo(SuppliesAuthorization.Status.REQUESTED);
        assertThat(separate.request().perDiemCode()).isNull();
        assertThat(separate.request().items()).containsExactly(new SuppliesAuthorization.Item("E0781", 1),
                new SuppliesAuthorization.Item("A4222", 30));
    }

    @Test
    void bundledCoverageTakesNoPayerDecision() {
        assertConflict(() -> bundled().decide(approval(), NOW), "COVERAGE_BUNDLED");
        assertConflict(() -> bundled().decide(decision(DecisionOutcome.DENIED), NOW), "COVERAGE_BUNDLED");
    }

    @Test
    void bundledCoverageMayBeCancelledAndThenTakesNothingMore() {
        SuppliesAuthorization cancelled = bundled().decide(decision(DecisionOutcome.CANCELLED), NOW);

        assertThat(cancelled.decision().status()).isEqualTo(SuppliesAuthorization.Status.CANCELLED);
        assertThat(cancelled.version()).isEqualTo(2);
        assertConflict(() -> cancelled.decide(decision(DecisionOutcome.CANCELLED), NOW), "AUTHORIZATION_CANCELLED");
    }

    @Test
    void bundledCoverageHasNoDeliveryToScheduleOrCancel() {
        assertConflict(() -> bundled().scheduleDelivery(DELIVERY, NOW), "COVERAGE_BUNDLED");
        assertConflict(() -> bundled().cancelDelivery(NOW), "COVERAGE_BUNDLED");
    }

    @Test
    void anAppealOverturnsADenial() {
        SuppliesAuthorization denied = separate().decide(decision(DecisionOutcome.DENIED), NOW);
        SuppliesAuthorization approved = denied.decide(approval(), NOW);

        assertThat(approved.decision().status()).isEqualTo(SuppliesAuthorization.Status.APPROVED);
        assertThat(approved.decision().authorizationNumber()).isEqualTo("24680");
        assertThat(approved.version()).isEqualTo(3);
    }

    @Test
    void aCancelledAuthorizationTakesNoDecisionAndNoNewDelivery() {
        SuppliesAuthorization cancelled = separate().decide(decision(DecisionOutcome.CANCELLED), NOW);

        assertConflict(() -> cancelled.decide(approval(), NOW), "AUTHORIZATION_CANCELLED");
        assertConflict(() -> cancelled.scheduleDelivery(DELIVERY, NOW), "AUTHORIZATION_CANCELLED");
    }

    @Test
    void eachDeliveryChangeIsTheNextVersionAndCancellingNothingIsNoChange() {
        SuppliesAuthorization scheduled = separate().scheduleDelivery(DELIVERY, NOW);
        SuppliesAuthorization cancelled = scheduled.cancelDelivery(NOW).orElseThrow();

        assertThat(scheduled.delivery()).isEqualTo(DELIVERY);
        assertThat(scheduled.version()).isEqualTo(2);
        assertThat(cancelled.delivery()).isNull();
        assertThat(cancelled.version()).isEqualTo(3);
        assertThat(cancelled.cancelDelivery(NOW)).isEmpty();
    }

    @Test
    void refusesFieldsOfTheOtherCoverageModeAllAtOnce() {
        CreateSuppliesAuthorization bundledWithItems = request(Coverage.BUNDLED, "S9338",
                List.of(new CreateSuppliesAuthorization.Item("E0781", 1)));
        CreateSuppliesAuthorization separateWithPerDiem = request(Coverage.SEPARATE, "S9338",
                List.of(new CreateSuppliesAuthorization.Item("E0781", 1)));

        assertThatThrownBy(bundledWithItems::checked).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(problem.violations()).extracting(Violation::field).containsExactly("items");
        });
        assertThatThrownBy(separateWithPerDiem::checked).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(problem.violations()).extracting(Violation::field).containsExactly("perDiemCode");
        });
        assertThat(request(Coverage.BUNDLED, "S9338", List.of()).checked()).isNotNull();
    }

    /** Documents stored before the state was grouped read back, and new ones are written in the same flat shape. */
    @Test
    void keepsTheFlatShapeOfTheStoredDocument() {
        SuppliesAuthorization decided = separate().scheduleDelivery(DELIVERY, NOW).decide(approval(), NOW);

        String json = EventJson.mapper().writeValueAsString(decided);

        assertThat(EventJson.mapper().readTree(json).propertyNames()).containsExactlyInAnyOrder("id", "caseId",
                "patientRef", "specialistOrgId", "supplierOrgId", "payerId", "plan", "coverage", "perDiemCode", "items",
                "requestedFrom", "requestedTo", "status", "authorizationNumber", "validFrom", "validTo",
                "decisionReason", "delivery", "version", "requestedAt", "updatedAt", "submission");
        assertThat(EventJson.mapper().readValue(json, SuppliesAuthorization.class)).isEqualTo(decided);
    }

    @Test
    void theEventStateCarriesNoPatientReferenceAndNoReason() {
        SuppliesAuthorization denied = separate().decide(new SuppliesDecision(DecisionOutcome.DENIED, null, null, null,
                "patient PT-88 has a pump already"), NOW);

        String json = EventJson.mapper().writeValueAsString(SuppliesAuthorizationEvents.state(denied));

        assertThat(json).doesNotContain("PT-88").doesNotContain("patientRef").doesNotContain("reason")
                .contains("\"coverage\":\"SEPARATE\"", "\"hcpcsCode\":\"E0781\"", "\"status\":\"DENIED\"");
    }

    private static void assertConflict(org.assertj.core.api.ThrowableAssert.ThrowingCallable change, String code) {
        assertThatThrownBy(change).isInstanceOfSatisfying(TransitionRefused.class,
                refused -> assertThat(refused.code()).isEqualTo(code));
    }

    private static SuppliesAuthorization bundled() {
        return SuppliesAuthorization.request(UUID.randomUUID(), "SPEC-1", request(Coverage.BUNDLED, "s9338", null),
                Submission.of(null, null, NOW), NOW);
    }

    private static SuppliesAuthorization separate() {
        return SuppliesAuthorization.request(UUID.randomUUID(), "SPEC-1", request(Coverage.SEPARATE, null, List.of(
                new CreateSuppliesAuthorization.Item("e0781", 1), new CreateSuppliesAuthorization.Item("A4222", 30))),
                Submission.of(null, null, NOW), NOW);
    }

    private static CreateSuppliesAuthorization request(Coverage coverage, String perDiemCode,
            List<CreateSuppliesAuthorization.Item> items) {
        return new CreateSuppliesAuthorization("CASE-1002", "PT-88",
                new PayerRequest("PAYER-ABC", PayerRequest.Plan.COMMERCIAL), "DME-3", coverage, perDiemCode, items,
                LocalDate.parse("2026-12-01"), LocalDate.parse("2027-05-31"), null, null);
    }

    private static SuppliesDecision approval() {
        return new SuppliesDecision(DecisionOutcome.APPROVED, "24680", LocalDate.parse("2026-12-01"),
                LocalDate.parse("2027-05-31"), null);
    }

    private static SuppliesDecision decision(DecisionOutcome outcome) {
        return new SuppliesDecision(outcome, null, null, null, null);
    }
}
