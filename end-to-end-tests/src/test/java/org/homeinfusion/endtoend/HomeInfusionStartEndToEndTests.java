package org.homeinfusion.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.homeinfusion.contracts.EventJson;
import org.homeinfusion.contracts.Topics;
import org.homeinfusion.testsupport.ApiClient;
import org.homeinfusion.testsupport.CapturedRecord;
import org.homeinfusion.testsupport.EventCapture;
import org.homeinfusion.testsupport.PasClaimResponses;
import org.homeinfusion.testsupport.RealInfrastructure;
import org.homeinfusion.testsupport.SseClient;
import org.homeinfusion.testsupport.TestTokens;
import org.homeinfusion.testsupport.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole system as its users meet it: four real service processes on one Kafka broker and one
 * PostgreSQL, driven only through their HTTP APIs, observed on {@code case-readiness.events}.
 */
class HomeInfusionStartEndToEndTests {

    static final String SUMMARY = "Pharmacy PHARM-1 delivering Tue Dec 8 08:00–11:00; nurse Jones visiting Tue Dec 8 "
            + "14:00 for 240 min; drug auth 12345, nursing auth 67890, supplies bundled (S9338).";
    static final Duration EVENTUALLY = Duration.ofSeconds(60);

    static RunningSystem system;
    static EventCapture readiness;
    static EventCapture alerts;

    @BeforeAll
    static void startTheSystem() {
        readiness = EventCapture.subscribe(Topics.CASE_READINESS_EVENTS);
        alerts = EventCapture.subscribe(Topics.CASE_ALERTS_EVENTS);
        system = RunningSystem.start();
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
        readiness.close();
        alerts.close();
    }

    @Test
    void theSeedStoryReachesReadyWithTheSummaryASpecialistReadsOut() {
        SeedStory story = new SeedStory(system, newCaseId()).playToReady();

        CapturedRecord ready = awaitReadiness(story.caseId, "ReadyToSchedule", 1);
        assertThat(ready.value()).contains(SUMMARY, "\"specialistOrgId\":\"SPEC-1\"");
        JsonNode view = story.readiness().json();
        assertThat(view.get("state").asString()).isEqualTo("READY");
        assertThat(view.get("summary").asString()).isEqualTo(SUMMARY);
        assertThat(view.get("readinessVersion").asLong()).isEqualTo(1);
    }

    @Test
    void payersAnsweringInDaVinciPasBringTheCaseToReady() {
        SeedStory story = new SeedStory(system, newCaseId());
        story.requestAll();

        // The specialist's system fetches the PAS claims and submits them; the payer answers in FHIR.
        String drugClaim = pasClaimId(system.drug(), "/api/drug-authorizations/" + story.drugId);
        String nursingClaim = pasClaimId(system.nursing(), "/api/nursing-authorizations/" + story.nursingId);
        assertThat(drugClaim).isEqualTo(story.drugId);
        ApiClient.Response drugDecision = system.drug().post("/api/drug-authorizations/" + story.drugId + "/decision",
                SeedStory.PAYER, PasClaimResponses.approving(drugClaim, "A1", "12345", "2026-12-01", "2027-05-31"),
                PasClaimResponses.FHIR_JSON);
        ApiClient.Response nursingDecision = system.nursing().post("/api/nursing-authorizations/" + story.nursingId
                + "/decision", SeedStory.PAYER, PasClaimResponses.approving(nursingClaim, "A1", "67890", "2026-12-01",
                "2027-05-31"), PasClaimResponses.FHIR_JSON);
        assertThat(drugDecision.status()).as(drugDecision.toString()).isEqualTo(200);
        assertThat(drugDecision.json().get("authorizationNumber").asString()).isEqualTo("12345");
        assertThat(nursingDecision.status()).as(nursingDecision.toString()).isEqualTo(200);
        story.deliver("2026-12-08T08:00:00-05:00", "2026-12-08T11:00:00-05:00");
        story.confirmVisit("2026-12-08T14:00:00-05:00");

        CapturedRecord ready = awaitReadiness(story.caseId, "ReadyToSchedule", 1);
        assertThat(ready.value()).contains("drug auth 12345");
        JsonNode view = story.readiness().json();
        assertThat(view.get("state").asString()).isEqualTo("READY");
        assertThat(view.get("summary").asString()).isEqualTo(SUMMARY);
    }

    @Test
    void aNurseCancellationWithdrawsReadinessAndANewSlotRestoresIt() {
        SeedStory story = new SeedStory(system, newCaseId()).playToReady();
        awaitReadiness(story.caseId, "ReadyToSchedule", 1);

        story.cancelVisit();
        CapturedRecord withdrawn = awaitReadiness(story.caseId, "ReadinessWithdrawn", 2);
        assertThat(withdrawn.value()).contains("NURSE_VISIT_NOT_CONFIRMED");

        story.confirmVisit("2026-12-08T15:00:00-05:00");
        CapturedRecord readyAgain = awaitReadiness(story.caseId, "ReadyToSchedule", 3);
        assertThat(readyAgain.value()).contains("nurse Jones visiting Tue Dec 8 15:00");
        assertThat(story.readiness().json().get("readinessVersion").asLong()).isEqualTo(3);

        // The history holds each announced version, newest first, as it went out.
        JsonNode history = system.coordinator().get("/api/cases/" + story.caseId + "/readiness/history",
                SeedStory.AGENCY).json();
        assertThat(history.findValuesAsString("eventType"))
                .containsExactly("ReadyToSchedule", "ReadinessWithdrawn", "ReadyToSchedule");
        assertThat(history.get(1).get("event").get("blockers").findValuesAsString("code"))
                .containsExactly("NURSE_VISIT_NOT_CONFIRMED");
        assertThat(system.coordinator().get("/api/cases/" + story.caseId + "/readiness/history",
                TestTokens.bearer("SPEC-2", "SPECIALIST")).status()).isEqualTo(404);
    }

    @Test
    void aDeliveryArrivingAfterTheVisitBlocksTheStart() {
        SeedStory story = new SeedStory(system, newCaseId());
        story.requestAll();
        story.approveAll();
        story.deliver("2026-12-08T12:00:00-05:00", "2026-12-08T13:30:00-05:00");
        story.confirmVisit("2026-12-08T14:00:00-05:00");

        await().atMost(EVENTUALLY).ignoreExceptions().untilAsserted(() -> assertThat(
                story.readiness().json().get("blockers").findValuesAsString("code")).containsExactly("DELIVERY_AFTER_VISIT"));
        readiness.assertNoFurtherRecord(r -> story.caseId.equals(r.key()), Duration.ofSeconds(2));

        // The pharmacy moves the delivery earlier: now the start is ready.
        story.deliver("2026-12-08T08:00:00-05:00", "2026-12-08T11:00:00-05:00");
        assertThat(awaitReadiness(story.caseId, "ReadyToSchedule", 1).value()).contains(SUMMARY);
    }

    @Test
    void theSameInputTwiceProducesNoSecondReadyToSchedule() {
        SeedStory story = new SeedStory(system, newCaseId()).playToReady();
        awaitReadiness(story.caseId, "ReadyToSchedule", 1);

        // The agency confirms the same slot again (a new pillar version, the same schedule) ...
        story.confirmVisit("2026-12-08T14:00:00-05:00");
        // ... and every pillar record of the case is delivered a second time, as a replay would.
        replayPillarRecordsOf(story.caseId);

        readiness.assertNoFurtherRecord(r -> story.caseId.equals(r.key()), Duration.ofSeconds(5));
        assertThat(story.readiness().json().get("readinessVersion").asLong()).isEqualTo(1);
    }

    @Test
    void aCoordinatorCrashInTheMiddleOfAStreamLosesNothingAndDuplicatesNothing() {
        List<SeedStory> stories = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            SeedStory story = new SeedStory(system, newCaseId());
            story.requestAll();
            story.approveAll();
            stories.add(story);
        }
        system.kill("coordinator-service");
        for (SeedStory story : stories.subList(0, 6)) {
            story.deliver("2026-12-08T08:00:00-05:00", "2026-12-08T11:00:00-05:00");
            story.confirmVisit("2026-12-08T14:00:00-05:00");
        }
        system.restart("coordinator-service");
        for (SeedStory story : stories.subList(6, 12)) {
            story.deliver("2026-12-08T08:00:00-05:00", "2026-12-08T11:00:00-05:00");
            story.confirmVisit("2026-12-08T14:00:00-05:00");
        }
        system.crashAndRestart("coordinator-service");

        for (SeedStory story : stories) {
            readiness.awaitRecord(r -> story.caseId.equals(r.key()) && r.value().contains("\"readinessVersion\":1,"),
                    Duration.ofSeconds(120));
        }
        readiness.assertNoFurtherRecord(r -> stories.stream().anyMatch(s -> s.caseId.equals(r.key())), Duration.ofSeconds(5));
    }

    @Test
    void twoCoordinatorInstancesSharingThePartitionsAnnounceEachVersionExactlyOnce() {
        String second = system.startAnotherInstance("coordinator-service");
        try {
            List<SeedStory> stories = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                stories.add(new SeedStory(system, newCaseId()).playToReady());
            }
            for (SeedStory story : stories) {
                awaitReadiness(story.caseId, "ReadyToSchedule", 1);
            }
            // One instance dies: the other takes over its partitions (and the relay) and carries on.
            system.kill(second);
            for (SeedStory story : stories) {
                story.cancelVisit();
            }
            for (SeedStory story : stories) {
                awaitReadiness(story.caseId, "ReadinessWithdrawn", 2);
            }
            readiness.assertNoFurtherRecord(r -> stories.stream().anyMatch(s -> s.caseId.equals(r.key())),
                    Duration.ofSeconds(5));
        } finally {
            system.kill(second);
        }
    }

    @Test
    void subscribersGetEachEventSignedAndAFailingReceiverGetsItAfterRetries() throws Exception {
        try (WebhookReceiver specialist = WebhookReceiver.healthy();
             WebhookReceiver pharmacy = WebhookReceiver.failingFirst(2)) {
            String specialistSubscription = subscribe(SeedStory.SPECIALIST, specialist.url(), "specialist-secret-0123456789");
            String pharmacySubscription = subscribe(SeedStory.PHARMACY, pharmacy.url(), "pharmacy-secret-0123456789");
            SeedStory story = new SeedStory(system, newCaseId()).playToReady();
            CapturedRecord ready = awaitReadiness(story.caseId, "ReadyToSchedule", 1);
            story.cancelVisit();
            CapturedRecord withdrawn = awaitReadiness(story.caseId, "ReadinessWithdrawn", 2);

            await().atMost(EVENTUALLY).until(() -> delivered(specialist, story.caseId).size() == 2);
            List<WebhookReceiver.Request> received = delivered(specialist, story.caseId);
            assertThat(received).allMatch(request -> request.isSignedWith("specialist-secret-0123456789"));
            assertThat(received).extracting(request -> request.header("X-Event-Id"))
                    .containsExactlyInAnyOrder(ready.header("ce_id"), withdrawn.header("ce_id"));
            assertThat(received).extracting(request -> request.header("X-Event-Type"))
                    .containsExactlyInAnyOrder("ReadyToSchedule", "ReadinessWithdrawn");
            assertThat(received).extracting(WebhookReceiver.Request::body).contains(ready.value());

            // The pharmacy's endpoint answers 500 twice: the first event arrives on the third attempt,
            // with the same event id every time.
            await().atMost(EVENTUALLY).until(() -> delivered(pharmacy, story.caseId).size() >= 4);
            List<WebhookReceiver.Request> attempts = delivered(pharmacy, story.caseId);
            assertThat(attempts).allMatch(request -> request.isSignedWith("pharmacy-secret-0123456789"));
            assertThat(attempts).as("two refused attempts, then each event once").hasSize(4);
            assertThat(attempts.stream().map(request -> request.header("X-Event-Id")).distinct())
                    .containsExactlyInAnyOrder(ready.header("ce_id"), withdrawn.header("ce_id"));
            assertThat(system.coordinator().get("/api/subscriptions/" + pharmacySubscription + "/deliveries",
                    SeedStory.PHARMACY).body()).contains("DELIVERED");

            system.coordinator().delete("/api/subscriptions/" + specialistSubscription, SeedStory.SPECIALIST);
            system.coordinator().delete("/api/subscriptions/" + pharmacySubscription, SeedStory.PHARMACY);
        }
    }

    @Test
    void aPharmacysTracedCallIsOneTraceFromItsRequestToTheSpecialistsWebhook() throws Exception {
        try (WebhookReceiver specialist = WebhookReceiver.healthy()) {
            String subscription = subscribe(SeedStory.SPECIALIST, specialist.url(), "specialist-secret-0123456789");
            SeedStory story = new SeedStory(system, newCaseId());
            story.requestAll();
            story.approveAll();
            story.confirmVisit("2026-12-08T14:00:00-05:00");
            await().atMost(EVENTUALLY).ignoreExceptions().untilAsserted(() -> assertThat(story.readiness().json()
                    .get("blockers").findValuesAsString("code")).containsExactly("DRUG_DELIVERY_NOT_SCHEDULED"));

            // The pharmacy's own system is traced: its call carries a W3C trace context, sampled.
            String traceId = UUID.randomUUID().toString().replace("-", "");
            String traceParent = "00-" + traceId + "-" + traceId.substring(0, 16) + "-01";
            ApiClient.Response delivery = system.drug().send("PUT", "/api/drug-authorizations/" + story.drugId
                    + "/delivery", SeedStory.PHARMACY, Map.of("etaStart", "2026-12-08T08:00:00-05:00",
                    "etaEnd", "2026-12-08T11:00:00-05:00"), Map.of("traceparent", traceParent));
            assertThat(delivery.status()).as(delivery.toString()).isEqualTo(200);

            CapturedRecord ready = awaitReadiness(story.caseId, "ReadyToSchedule", 1);
            assertThat(ready.header("traceparent")).as("the readiness record continues the pharmacy's trace")
                    .startsWith("00-" + traceId + "-").endsWith("-01");
            await().atMost(EVENTUALLY).until(() -> delivered(specialist, story.caseId).size() == 1);
            String webhookTrace = delivered(specialist, story.caseId).get(0).header("traceparent");
            assertThat(webhookTrace).as("the webhook POST continues it too").startsWith("00-" + traceId + "-")
                    .isNotEqualTo(ready.header("traceparent"));
            // Every log line carries the trace: the pharmacy service's access log line for this call names it.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    Files.readAllLines(system.logFile("drug-auth-service"))).anyMatch(line -> line.contains(traceId)
                    && line.contains("path=/api/drug-authorizations/" + story.drugId + "/delivery")));
            system.coordinator().delete("/api/subscriptions/" + subscription, SeedStory.SPECIALIST);
        }
    }

    @Test
    void aVisitTwentyHoursAwayWithTheDrugNotApprovedIsAtRiskUntilEverythingIsInPlace() throws Exception {
        try (WebhookReceiver specialist = WebhookReceiver.healthy();
             SseClient pharmacyStream = SseClient.connect(system.coordinator().baseUrl(), SeedStory.PHARMACY)
                     .awaitConnected()) {
            String subscription = subscribe(SeedStory.SPECIALIST, specialist.url(), "specialist-secret-0123456789",
                    List.of("CaseAtRisk", "AlertResolved"));
            SeedStory story = new SeedStory(system, newCaseId());
            OffsetDateTime visit = OffsetDateTime.now(ZoneOffset.ofHours(-5)).plusHours(20).truncatedTo(ChronoUnit.MINUTES);
            story.requestAll();
            story.approveNursing();
            story.confirmVisit(visit.toString());

            CapturedRecord raised = awaitAlert(story.caseId, "CaseAtRisk");
            JsonNode alert = EventJson.mapper().readTree(raised.value());
            assertThat(alert.path("horizon").asString()).isEqualTo("PT24H");
            assertThat(alert.path("blockers").findValuesAsString("code"))
                    .contains("DRUG_AUTH_NOT_APPROVED", "DRUG_DELIVERY_NOT_SCHEDULED");
            assertThat(alert.path("actions").findValuesAsString("orgId")).contains("PAYER-ABC", "PHARM-1");
            String alertId = alert.path("alertId").asString();

            JsonNode worklist = system.coordinator().get("/api/alerts?caseId=" + story.caseId, SeedStory.SPECIALIST).json();
            assertThat(worklist.findValuesAsString("alertId")).containsExactly(alertId);
            await().atMost(EVENTUALLY).until(() -> delivered(specialist, story.caseId).size() == 1);
            assertThat(delivered(specialist, story.caseId).get(0).header("X-Event-Type")).isEqualTo("CaseAtRisk");
            await().atMost(EVENTUALLY).until(() -> pharmacyStream.events().stream()
                    .anyMatch(event -> "CaseAtRisk".equals(event.name()) && event.data().contains(alertId)));

            story.approveDrug();
            story.deliver(visit.minusHours(6).toString(), visit.minusHours(3).toString());

            CapturedRecord resolved = awaitAlert(story.caseId, "AlertResolved");
            assertThat(resolved.value()).contains("\"resolvedAlertId\":\"" + alertId + "\"");
            assertThat(story.readiness().json().path("state").asString()).isEqualTo("READY");
            assertThat(system.coordinator().get("/api/alerts?caseId=" + story.caseId, SeedStory.SPECIALIST).json()
                    .findValuesAsString("alertId")).isEmpty();
            await().atMost(EVENTUALLY).until(() -> delivered(specialist, story.caseId).size() == 2);
            await().atMost(EVENTUALLY).until(() -> pharmacyStream.events().stream()
                    .anyMatch(event -> "AlertResolved".equals(event.name()) && event.data().contains(alertId)));
            system.coordinator().delete("/api/subscriptions/" + subscription, SeedStory.SPECIALIST);
        }
    }

    @Test
    void aDeadlineThatPassesWhileTheCoordinatorIsStoppedIsRaisedOnceAfterItRestarts() {
        Instant dueAt = Instant.now().plusSeconds(12).truncatedTo(ChronoUnit.SECONDS);
        SeedStory story = new SeedStory(system, newCaseId());
        story.requestAll(Map.of("urgency", "STANDARD", "submittedAt", dueAt.minus(Duration.ofDays(7)).toString()));
        await().atMost(EVENTUALLY).until(() -> story.readiness().status() == 200
                && dueAt.toString().equals(story.readiness().json().path("nextDeadline").asString("")));

        system.kill("coordinator-service");
        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(dueAt.plusSeconds(2)));
        alerts.assertNoFurtherRecord(r -> story.caseId.equals(r.key()), Duration.ofMillis(100));
        system.restart("coordinator-service");

        CapturedRecord overdue = awaitAlert(story.caseId, "PayerDecisionOverdue");
        assertThat(overdue.value()).contains("\"dueAt\":\"" + dueAt + "\"", "\"severity\":\"CRITICAL\"");
        alerts.assertNoFurtherRecord(r -> story.caseId.equals(r.key()) && r.offset() != overdue.offset(),
                Duration.ofSeconds(5));
    }

    @Test
    void twoCoordinatorInstancesOneKilledMidwayRaiseEachAlertExactlyOnce() {
        String second = system.startAnotherInstance("coordinator-service");
        List<SeedStory> stories = new ArrayList<>();
        try {
            Instant firstDue = Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.SECONDS);
            for (int i = 0; i < 10; i++) {
                SeedStory story = new SeedStory(system, newCaseId());
                Instant dueAt = firstDue.plusSeconds(i);
                story.requestAll(Map.of("submittedAt", dueAt.minus(Duration.ofDays(7)).toString()));
                stories.add(story);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(firstDue.plusSeconds(4)));
            system.kill(second);
            for (SeedStory story : stories) {
                awaitAlert(story.caseId, "PayerDecisionOverdue");
            }
            // The pillar records of one case once more, as a replay would bring them: no second alert.
            replayPillarRecordsOf(stories.get(0).caseId);
            alerts.assertNoFurtherRecord(r -> stories.stream().anyMatch(s -> s.caseId.equals(r.key())),
                    Duration.ofSeconds(5));
            for (SeedStory story : stories) {
                List<CapturedRecord> ofCase = alerts.records().stream().filter(r -> story.caseId.equals(r.key())).toList();
                assertThat(ofCase).as("alerts of " + story.caseId).hasSize(1);
            }
        } finally {
            system.kill(second);
        }
    }

    private static CapturedRecord awaitAlert(String caseId, String eventName) {
        return alerts.awaitRecord(r -> caseId.equals(r.key()) && r.header("ce_type").endsWith("." + eventName),
                EVENTUALLY);
    }

    private static String subscribe(String token, String url, String secret) {
        return subscribe(token, url, secret, List.of("ReadyToSchedule", "ReadinessWithdrawn"));
    }

    private static String subscribe(String token, String url, String secret, List<String> eventTypes) {
        ApiClient.Response created = system.coordinator().post("/api/subscriptions", token, Map.of("callbackUrl", url,
                "secret", secret, "eventTypes", eventTypes));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(secret);
        return created.json().get("id").asString();
    }

    /** The id of the Claim in a pillar's PAS request Bundle: the first entry, as the guide lays it out. */
    private static String pasClaimId(ApiClient pillar, String authorizationPath) {
        ApiClient.Response bundle = pillar.get(authorizationPath + "/pas-claim", SeedStory.SPECIALIST);
        assertThat(bundle.status()).as(bundle.toString()).isEqualTo(200);
        JsonNode claim = bundle.json().get("entry").get(0).get("resource");
        assertThat(claim.get("resourceType").asString()).isEqualTo("Claim");
        return claim.get("id").asString();
    }

    /** Each service describes its own API; the build keeps the four documents in target/openapi (see the README). */
    @Test
    void everyServiceServesItsOpenApiDocumentAndTheBuildKeepsACopy() throws Exception {
        Map<String, ApiClient> services = Map.of("drug-auth-service", system.drug(), "nursing-auth-service", system.nursing(),
                "supplies-auth-service", system.supplies(), "coordinator-service", system.coordinator());
        Map<String, String> aPathOfEach = Map.of("drug-auth-service", "/api/drug-authorizations",
                "nursing-auth-service", "/api/nursing-authorizations/{id}/visit/completion",
                "supplies-auth-service", "/api/supplies-authorizations/{id}/delivery",
                "coordinator-service", "/api/subscriptions/{id}/secret-rotation");
        Path directory = Files.createDirectories(Path.of("target", "openapi"));
        for (Map.Entry<String, ApiClient> service : services.entrySet()) {
            ApiClient.Response document = service.getValue().get("/v3/api-docs", null);

            assertThat(document.status()).as(service.getKey()).isEqualTo(200);
            assertThat(document.json().get("openapi").asString()).startsWith("3.");
            assertThat(document.json().get("paths").has(aPathOfEach.get(service.getKey()))).as(service.getKey()).isTrue();
            // The caller is the bearer token's, never a parameter a client could set.
            assertThat(document.json().findValuesAsString("name")).as(service.getKey()).doesNotContain("actor");
            Files.writeString(directory.resolve(service.getKey() + ".json"), document.body());
        }
    }

    private static List<WebhookReceiver.Request> delivered(WebhookReceiver receiver, String caseId) {
        return receiver.requests().stream().filter(request -> request.body().contains("\"" + caseId + "\"")).toList();
    }

    private static CapturedRecord awaitReadiness(String caseId, String eventName, long version) {
        return readiness.awaitRecord(r -> caseId.equals(r.key()) && r.header("ce_type").endsWith("." + eventName)
                && r.value().contains("\"readinessVersion\":" + version + ","), EVENTUALLY);
    }

    /** Reads every pillar record of the case and writes it again, headers and all. */
    private static void replayPillarRecordsOf(String caseId) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (String topic : List.of(Topics.DRUG_AUTH_EVENTS, Topics.NURSING_AUTH_EVENTS, Topics.SUPPLIES_AUTH_EVENTS)) {
                try (EventCapture pillar = EventCapture.subscribe(topic)) {
                    pillar.awaitRecord(r -> caseId.equals(r.key()), EVENTUALLY);
                    Thread.sleep(1000); // let the rest of the case's records arrive behind the first
                    for (CapturedRecord record : pillar.records()) {
                        if (caseId.equals(record.key())) {
                            ProducerRecord<String, String> again = new ProducerRecord<>(topic, record.key(), record.value());
                            record.headers().forEach((name, value) ->
                                    again.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                            producer.send(again).get(10, TimeUnit.SECONDS);
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static String newCaseId() {
        return "E2E-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
