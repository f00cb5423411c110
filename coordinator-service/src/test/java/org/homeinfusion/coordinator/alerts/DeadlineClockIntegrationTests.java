package org.homeinfusion.coordinator.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.homeinfusion.contracts.AuthorizationStatus;
import org.homeinfusion.contracts.EventJson;
import org.homeinfusion.contracts.Topics;
import org.homeinfusion.coordinator.SeedStoryEvents;
import org.homeinfusion.testsupport.ApiClient;
import org.homeinfusion.testsupport.CapturedRecord;
import org.homeinfusion.testsupport.CapturedTopic;
import org.homeinfusion.testsupport.CaseIds;
import org.homeinfusion.testsupport.RealInfrastructure;
import org.homeinfusion.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The coordinator's deadlines against the real broker and PostgreSQL, with its one clock moved by the test: an
 * alert is raised when the clock reaches its moment, once, to the organizations it concerns, and resolved by the
 * pillar event that ends its condition. The clock ticks only when the test says so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "home-infusion.alerts.tick-interval=1h")
@Import(DeadlineClockIntegrationTests.MovedClock.class)
class DeadlineClockIntegrationTests {

    @RegisterExtension
    static final CapturedTopic alerts = CapturedTopic.of(Topics.CASE_ALERTS_EVENTS);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.registerProperties(registry, "coordinator");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class MovedClock {
        @Bean
        MovableClock clock() {
            return new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    MovableClock clock;
    @Autowired
    DeadlineClock deadlines;

    String caseId;
    SeedStoryEvents story;
    OffsetDateTime visit;

    @BeforeEach
    void newCaseWithoutDelivery() {
        caseId = CaseIds.unique();
        story = new SeedStoryEvents("SPEC-1", caseId);
        // Three days ahead of the test's clock, in the patient's offset.
        visit = clock.instant().plus(Duration.ofDays(3)).atOffset(ZoneOffset.ofHours(-5));
        story.send(story.suppliesBundled(), story.drugApproved(2), story.nursingApproved(2),
                story.visitConfirmed(3, visit));
        await().atMost(Duration.ofSeconds(30)).until(() -> readiness().status() == 200
                && visit.toInstant().minus(Duration.ofHours(48)).toString()
                        .equals(readiness().json().path("nextDeadline").asString(null)));
    }

    @AfterEach
    void close() {
        story.close();
    }

    @Test
    void anAlertIsRaisedWhenTheClockReachesItsMomentAndNotBefore() {
        Instant dueAt = visit.toInstant().minus(Duration.ofHours(48));

        clock.moveTo(dueAt.minusMillis(1));
        deadlines.tick();
        alerts.assertNoFurtherRecord(this::ofThisCase, Duration.ofSeconds(2));

        clock.moveTo(dueAt);
        deadlines.tick();
        CapturedRecord raised = alerts.awaitRecord(this::ofThisCase, Duration.ofSeconds(20));
        JsonNode alert = json(raised);
        assertThat(raised.header("ce_type")).isEqualTo("org.homeinfusion.CaseAtRisk");
        assertThat(alert.path("horizon").asString()).isEqualTo("PT48H");
        assertThat(alert.path("dueAt").asString()).isEqualTo(dueAt.toString());
        assertThat(alert.path("blockers").get(0).path("code").asString()).isEqualTo("DRUG_DELIVERY_NOT_SCHEDULED");
        assertThat(alert.path("actions").get(0).path("orgId").asString()).isEqualTo("PHARM-1");

        // More ticks at the same moment, and a duplicate of every pillar event: nothing is said twice.
        deadlines.tick();
        story.send(story.suppliesBundled(), story.drugApproved(2), story.nursingApproved(2),
                story.visitConfirmed(3, visit));
        deadlines.tick();
        alerts.assertNoFurtherRecord(r -> ofThisCase(r) && r.offset() != raised.offset(), Duration.ofSeconds(3));

        JsonNode view = readiness().json();
        assertThat(view.path("openAlerts").asLong()).isEqualTo(1);
        assertThat(view.path("nextDeadline").asString()).isEqualTo(visit.toInstant().minus(Duration.ofHours(24)).toString());
    }

    @Test
    void theWorklistShowsTheAlertToTheSpecialistAndThePharmacyOnly() {
        clock.moveTo(visit.toInstant().minus(Duration.ofHours(20)));
        deadlines.tick();
        String alertId = json(alerts.awaitRecord(this::ofThisCase, Duration.ofSeconds(20))).path("alertId").asString();

        assertThat(alertIds("/api/alerts?caseId=" + caseId, "SPEC-1", "SPECIALIST")).containsExactly(alertId);
        assertThat(alertIds("/api/alerts?caseId=" + caseId, "PHARM-1", "PHARMACY")).containsExactly(alertId);
        assertThat(alertIds("/api/alerts?caseId=" + caseId, "HHA-7", "AGENCY")).isEmpty();
        assertThat(alertIds("/api/alerts?caseId=" + caseId, "SPEC-2", "SPECIALIST")).isEmpty();
        assertThat(alertIds("/api/cases/" + caseId + "/alerts", "SPEC-1", "SPECIALIST")).containsExactly(alertId);
        assertThat(api().get("/api/cases/" + caseId + "/alerts", TestTokens.bearer("SPEC-2", "SPECIALIST")).status())
                .isEqualTo(404);
        assertThat(api().get("/api/alerts?size=201", TestTokens.bearer("SPEC-1", "SPECIALIST")).status()).isEqualTo(400);
        assertThat(api().get("/api/alerts?state=PENDING", TestTokens.bearer("SPEC-1", "SPECIALIST")).status())
                .isEqualTo(400);
    }

    @Test
    void theDeliveryThatMakesTheCaseReadyResolvesTheAlert() {
        clock.moveTo(visit.toInstant().minus(Duration.ofHours(20)));
        deadlines.tick();
        String alertId = json(alerts.awaitRecord(this::ofThisCase, Duration.ofSeconds(20))).path("alertId").asString();

        story.send(story.drugApprovedWithDelivery(3, visit.minusHours(6), visit.minusHours(3)));

        CapturedRecord resolved = alerts.awaitRecord(r -> ofThisCase(r)
                && "org.homeinfusion.AlertResolved".equals(r.header("ce_type")), Duration.ofSeconds(20));
        assertThat(json(resolved).path("resolvedAlertId").asString()).isEqualTo(alertId);
        assertThat(json(resolved).path("reason").asString()).isEqualTo("The case is ready to schedule.");
        JsonNode view = readiness().json();
        assertThat(view.path("state").asString()).isEqualTo("READY");
        assertThat(view.path("openAlerts").asLong()).isZero();
        List<String> states = api().get("/api/cases/" + caseId + "/alerts", TestTokens.bearer("SPEC-1", "SPECIALIST"))
                .json().findValuesAsString("state");
        assertThat(states).containsExactly("RESOLVED");
    }

    @Test
    void thePayerTurnaroundReportCountsDecisionsHoursAndOverturnedDenials() {
        String specialist = "SPEC-R" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.bearer(specialist, "SPECIALIST");
        Instant submittedAt = clock.instant().minus(Duration.ofHours(10));
        try (SeedStoryEvents payerCase = new SeedStoryEvents(specialist, caseId)) {
            payerCase.send(payerCase.drugRequested(submittedAt));
            awaitDrugStatus(token, "REQUESTED");
            payerCase.send(payerCase.drugDecided(2, AuthorizationStatus.DENIED, submittedAt));
            awaitDrugStatus(token, "DENIED");
            payerCase.send(payerCase.drugDecided(3, AuthorizationStatus.APPROVED, submittedAt));
            awaitDrugStatus(token, "APPROVED");
        }
        String today = clock.instant().atOffset(ZoneOffset.UTC).toLocalDate().toString();

        ApiClient.Response report = api().get("/api/reports/payer-turnaround?from=2026-01-01&to=" + today, token);

        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        JsonNode row = report.json().path("rows").get(0);
        assertThat(report.json().path("rows").size()).isEqualTo(1);
        assertThat(row.path("payerId").asString()).isEqualTo("PAYER-ABC");
        assertThat(row.path("pillar").asString()).isEqualTo("DRUG");
        assertThat(row.path("urgency").asString()).isEqualTo("STANDARD");
        assertThat(row.path("requested").asLong()).isEqualTo(1);
        assertThat(row.path("decided").asLong()).isEqualTo(1);
        assertThat(row.path("approved").asLong()).isEqualTo(1);
        assertThat(row.path("denied").asLong()).isZero();
        assertThat(row.path("overturnedOnAppeal").asLong()).isEqualTo(1);
        assertThat(row.path("medianHoursToDecision").asDouble()).isEqualTo(10.0);
        assertThat(row.path("overdue").asLong()).isZero();

        assertThat(api().get("/api/reports/payer-turnaround?from=2026-01-01&to=" + today,
                TestTokens.bearer("PAYER-ABC", "PAYER")).status()).isEqualTo(403);
        assertThat(api().get("/api/reports/payer-turnaround?from=2026-02-01&to=2026-01-01", token).status())
                .isEqualTo(400);
        assertThat(api().get("/api/reports/payer-turnaround?from=yesterday&to=2026-01-01", token).status())
                .isEqualTo(400);
    }

    private void awaitDrugStatus(String token, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ApiClient.Response view = api().get("/api/cases/" + caseId + "/readiness", token);
            return view.status() == 200 && status.equals(view.json().path("pillars").path("drug").path("status").asString(""));
        });
    }

    private static JsonNode json(CapturedRecord record) {
        return EventJson.mapper().readTree(record.value());
    }

    private boolean ofThisCase(CapturedRecord record) {
        return caseId.equals(record.key());
    }

    private ApiClient.Response readiness() {
        return api().get("/api/cases/" + caseId + "/readiness", TestTokens.bearer("SPEC-1", "SPECIALIST"));
    }

    private List<String> alertIds(String path, String org, String role) {
        ApiClient.Response response = api().get(path, TestTokens.bearer(org, role));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().findValuesAsString("alertId");
    }

    private ApiClient api() {
        return ApiClient.onPort(port);
    }
}
