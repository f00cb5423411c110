package org.homeinfusion.coordinator.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;

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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The coordinator against the real broker and PostgreSQL, fed pillar events as the pillar services
 * write them: it announces READY once, withdraws and re-announces, ignores duplicates, and parks
 * records it cannot read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadinessSagaIntegrationTests {

    @RegisterExtension
    static final CapturedTopic readiness = CapturedTopic.of(Topics.CASE_READINESS_EVENTS);
    @RegisterExtension
    static final CapturedTopic deadLetters = CapturedTopic.of(Topics.COORDINATOR_DEAD_LETTERS);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.registerProperties(registry, "coordinator");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    String caseId;
    SeedStoryEvents story;

    @BeforeEach
    void newCase() {
        caseId = CaseIds.unique();
        story = new SeedStoryEvents("SPEC-1", caseId);
    }

    @AfterEach
    void close() {
        story.close();
    }

    @Test
    void theSeedStoryBecomesReadyOnceWithTheSummaryToReadOut() {
        story.send(story.readyStory());

        CapturedRecord ready = awaitReadiness("ReadyToSchedule", 1);
        assertThat(ready.header("ce_subject")).isEqualTo(caseId);
        assertThat(ready.value()).contains("\"specialistOrgId\":\"SPEC-1\"",
                "Pharmacy PHARM-1 delivering Tue Dec 8 08:00–11:00; nurse Jones visiting Tue Dec 8 14:00 for 240 min; "
                        + "drug auth 12345, nursing auth 67890, supplies bundled (S9338).");

        // The same events again, as a replay or a redelivery would bring them: nothing new is said.
        story.send(story.readyStory());
        readiness.assertNoFurtherRecord(r -> caseId.equals(r.key()) && (r.offset() != ready.offset() || r.partition() != ready.partition()), Duration.ofSeconds(3));

        JsonNode view = readinessView("SPEC-1", "SPECIALIST");
        assertThat(view.get("state").asString()).isEqualTo("READY");
        assertThat(view.get("readinessVersion").asLong()).isEqualTo(1);
        assertThat(view.get("blockers").size()).isZero();
        assertThat(view.get("schedule").get("visit").get("start").asString()).isEqualTo("2026-12-08T14:00:00-05:00");
        assertThat(view.get("summary").asString()).startsWith("Pharmacy PHARM-1 delivering Tue Dec 8 08:00–11:00");

        // A row written before the verdict was stored without its schedule reads the same.
        jdbc.update("""
                UPDATE case_readiness SET readiness = readiness
                       || jsonb_build_object('ready', true, 'schedule', recorded -> 'lastEmittedSchedule')
                WHERE case_id = ?""", caseId);
        assertThat(readinessView("SPEC-1", "SPECIALIST")).isEqualTo(view);
    }

    @Test
    void aNurseCancellationWithdrawsReadinessAndANewSlotRestoresIt() {
        story.send(story.readyStory());
        awaitReadiness("ReadyToSchedule", 1);

        story.send(story.visitCancelled(4));
        CapturedRecord withdrawn = awaitReadiness("ReadinessWithdrawn", 2);
        assertThat(withdrawn.value()).contains("NURSE_VISIT_NOT_CONFIRMED");

        JsonNode withdrawnView = readinessView("HHA-7", "AGENCY");
        assertThat(withdrawnView.get("state").asString()).isEqualTo("NOT_READY");
        assertThat(withdrawnView.get("readinessVersion").asLong()).isEqualTo(2);
        assertThat(withdrawnView.get("blockers").findValuesAsString("code")).contains("NURSE_VISIT_NOT_CONFIRMED");
        assertThat(withdrawnView.hasNonNull("schedule")).isFalse();

        story.send(story.visitConfirmed(5, OffsetDateTime.parse("2026-12-10T14:00:00-05:00")));
        assertThat(awaitReadiness("ReadyToSchedule", 3).value()).contains("2026-12-10T14:00:00-05:00");
        JsonNode readyAgain = readinessView("HHA-7", "AGENCY");
        assertThat(readyAgain.get("readinessVersion").asLong()).isEqualTo(3);
        assertThat(readyAgain.get("schedule").get("visit").get("start").asString()).isEqualTo("2026-12-10T14:00:00-05:00");
    }

    private JsonNode readinessView(String org, String role) {
        return ApiClient.onPort(port).get("/api/cases/" + caseId + "/readiness", TestTokens.bearer(org, role)).json();
    }

    @Test
    void aDeliveryAfterTheVisitBlocksAndNothingIsAnnounced() {
        story.send(story.suppliesBundled(), story.drugApprovedWithDelivery(3,
                        OffsetDateTime.parse("2026-12-08T12:00:00-05:00"), OffsetDateTime.parse("2026-12-08T13:30:00-05:00")),
                story.nursingApproved(2), story.visitConfirmed(3, SeedStoryEvents.VISIT));

        ApiClient api = ApiClient.onPort(port);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            JsonNode view = api.get("/api/cases/" + caseId + "/readiness", TestTokens.bearer("HHA-7", "AGENCY")).json();
            assertThat(view.get("blockers").findValuesAsString("code")).containsExactly("DELIVERY_AFTER_VISIT");
        });
        readiness.assertNoFurtherRecord(r -> caseId.equals(r.key()), Duration.ofSeconds(1));
    }

    @Test
    void aRecordItCannotReadGoesToTheDeadLetterTopicAndTheIntakeKeepsGoing() {
        story.sendRaw(Topics.DRUG_AUTH_EVENTS, caseId, "DrugAuthorizationDecided", "{not json");
        story.sendRaw(Topics.NURSING_AUTH_EVENTS, caseId, "SomethingElseEntirely", "{}");

        CapturedRecord parked = deadLetters.awaitRecord(r -> caseId.equals(r.key()) && r.value().equals("{not json"));
        assertThat(parked.header("x-dead-letter-reason")).contains("not a valid DrugAuthorizationDecided");
        assertThat(deadLetters.awaitRecord(r -> caseId.equals(r.key()) && r.value().equals("{}"))
                .header("x-dead-letter-reason")).contains("unknown event type");

        story.send(story.readyStory());
        awaitReadiness("ReadyToSchedule", 1);
    }

    @Test
    void anotherOrganizationCannotSeeTheCase() {
        story.send(story.readyStory());
        awaitReadiness("ReadyToSchedule", 1);
        ApiClient api = ApiClient.onPort(port);

        assertThat(api.get("/api/cases/" + caseId + "/readiness", TestTokens.bearer("SPEC-2", "SPECIALIST")).status()).isEqualTo(404);
        assertThat(api.get("/api/cases/" + caseId + "/readiness", TestTokens.bearer("PHARM-1", "PHARMACY")).status()).isEqualTo(200);
        assertThat(api.get("/api/cases/NEVER-SEEN/readiness", TestTokens.bearer("SPEC-1", "SPECIALIST")).status()).isEqualTo(404);
        assertThat(api.get("/api/cases?state=READY", TestTokens.bearer("SPEC-1", "SPECIALIST")).json()
                .findValuesAsString("caseId")).contains(caseId);
        assertThat(api.get("/api/cases?state=READY", TestTokens.bearer("SPEC-2", "SPECIALIST")).json()
                .findValuesAsString("caseId")).doesNotContain(caseId);
    }

    @Test
    void itContinuesFromWhatAnotherInstanceRecordedNotFromWhatItRemembers() {
        story.send(story.readyStory());
        awaitReadiness("ReadyToSchedule", 1);

        // Another coordinator instance took the case over and announced version 2 (a rebalance between the two).
        // This instance still remembers version 1 in memory; the row's revision tells it that is stale.
        int changed = jdbc.update("""
                UPDATE case_readiness SET revision = revision + 1, readiness_version = 2,
                       recorded = jsonb_set(recorded, '{readinessVersion}', '2')
                WHERE specialist_org_id = 'SPEC-1' AND case_id = ?""", caseId);
        assertThat(changed).isOne();

        story.send(story.visitCancelled(4));
        assertThat(awaitReadiness("ReadinessWithdrawn", 3).value()).contains("NURSE_VISIT_NOT_CONFIRMED");
        readiness.assertNoFurtherRecord(r -> caseId.equals(r.key()) && r.value().contains("\"readinessVersion\":2,"),
                Duration.ofSeconds(1));
    }

    private CapturedRecord awaitReadiness(String eventName, long version) {
        return readiness.awaitRecord(r -> caseId.equals(r.key()) && r.header("ce_type").endsWith("." + eventName)
                && r.value().contains("\"readinessVersion\":" + version + ","), Duration.ofSeconds(60));
    }
}
