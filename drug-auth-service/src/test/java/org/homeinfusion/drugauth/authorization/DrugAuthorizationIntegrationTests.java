package org.homeinfusion.drugauth.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeinfusion.testsupport.CloudEventMatchers.event;
import static org.homeinfusion.testsupport.ProblemAssertions.assertProblem;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.homeinfusion.contracts.Topics;
import org.homeinfusion.testsupport.ApiClient;
import org.homeinfusion.testsupport.CapturedRecord;
import org.homeinfusion.testsupport.CapturedTopic;
import org.homeinfusion.testsupport.CaseIds;
import org.homeinfusion.testsupport.RealInfrastructure;
import org.homeinfusion.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The drug pillar through its HTTP API against a real PostgreSQL and a real Kafka broker: every
 * accepted change is exactly one event on {@code drug-auth.events}; every refused one is none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DrugAuthorizationIntegrationTests {

    static final String SPECIALIST = TestTokens.bearer("SPEC-1", "SPECIALIST");
    static final String PAYER = TestTokens.bearer("PAYER-ABC", "PAYER");
    static final String PHARMACY = TestTokens.bearer("PHARM-1", "PHARMACY");

    @RegisterExtension
    static final CapturedTopic events = CapturedTopic.of(Topics.DRUG_AUTH_EVENTS);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.registerProperties(registry, "drug_auth");
    }

    final ApiClient api;
    /** JUnit makes a new instance for every test, so every test has a case of its own. */
    final String caseId = CaseIds.unique();

    DrugAuthorizationIntegrationTests(@LocalServerPort int port) {
        api = ApiClient.onPort(port);
    }

    @Test
    void requestComputesBillingUnitsAndPublishesTheFullStateWithoutPatientData() {
        ApiClient.Response created = api.post("/api/drug-authorizations", SPECIALIST, ivig(caseId));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(body.get("billingUnitsPerDose").asInt()).isEqualTo(56);
        assertThat(body.get("specialistOrgId").asString()).isEqualTo("SPEC-1");

        CapturedRecord event = awaitEvent("DrugAuthorizationRequested", 1);
        assertThat(event.header("ce_id")).isNotBlank();
        assertThat(event.header("ce_source")).isEqualTo("/drug-auth-service");
        assertThat(event.header("ce_subject")).isEqualTo(caseId);
        assertThat(event.header("ce_specversion")).isEqualTo("1.0");
        assertThat(event.header("ce_time")).isNotBlank();
        assertThat(event.value()).contains("\"billingUnitsPerDose\":56").doesNotContain("PT-88").doesNotContain("patientRef");
    }

    @Test
    void anExpeditedRequestKeepsItsUrgencyAndSubmissionTimeInItsStateAndEvents() {
        Map<String, Object> expedited = ivig(caseId);
        expedited.put("urgency", "EXPEDITED");
        expedited.put("submittedAt", "2026-12-01T09:30:00-05:00");

        ApiClient.Response created = api.post("/api/drug-authorizations", SPECIALIST, expedited);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("urgency").asString()).isEqualTo("EXPEDITED");
        assertThat(created.json().get("submittedAt").asString()).isEqualTo("2026-12-01T14:30:00Z");
        assertThat(awaitEvent("DrugAuthorizationRequested", 1).value())
                .contains("\"urgency\":\"EXPEDITED\"", "\"submittedAt\":\"2026-12-01T14:30:00Z\"");
    }

    @Test
    void withoutUrgencyARequestIsStandardAndSubmittedWhenCreated() {
        ApiClient.Response created = api.post("/api/drug-authorizations", SPECIALIST, ivig(caseId));

        assertThat(created.json().get("urgency").asString()).isEqualTo("STANDARD");
        assertThat(created.json().get("submittedAt").asString()).isEqualTo(created.json().get("requestedAt").asString());
    }

    @Test
    void refusesASubmissionTimeInTheFutureOrAnUnknownUrgencyWith400AndCreatesNothing() {
        Map<String, Object> future = ivig(caseId);
        future.put("submittedAt", java.time.OffsetDateTime.now().plusHours(1).toString());
        ApiClient.Response refused = api.post("/api/drug-authorizations", SPECIALIST, future);
        assertProblem(refused, 400);
        assertThat(refused.json().get("violations").findValuesAsString("field")).containsExactly("submittedAt");

        Map<String, Object> urgent = ivig(caseId);
        urgent.put("urgency", "URGENT");
        assertProblem(api.post("/api/drug-authorizations", SPECIALIST, urgent), 400);

        assertThat(api.get("/api/drug-authorizations?caseId=" + caseId, SPECIALIST).json()).isEmpty();
        events.assertNoFurtherRecord(r -> caseId.equals(r.key()), Duration.ofSeconds(1));
    }

    @Test
    void everyChangeIsOneEventWithTheNextVersion() {
        String id = create(caseId);
        awaitEvent("DrugAuthorizationRequested", 1);

        assertThat(api.post(path(id) + "/decision", PAYER, approval()).status()).isEqualTo(200);
        CapturedRecord decided = awaitEvent("DrugAuthorizationDecided", 2);
        assertThat(decided.value()).contains("\"status\":\"APPROVED\"", "\"authorizationNumber\":\"12345\"", "\"approvedUnits\":56");

        ApiClient.Response delivery = api.put(path(id) + "/delivery", PHARMACY, Map.of(
                "etaStart", "2026-12-08T08:00:00-05:00", "etaEnd", "2026-12-08T11:00:00-05:00",
                "beyondUseAt", "2026-12-09T08:00:00-05:00", "trackingRef", "TRK-1"));
        assertThat(delivery.status()).as(delivery.toString()).isEqualTo(200);
        assertThat(delivery.json().get("delivery").get("etaStart").asString()).isEqualTo("2026-12-08T08:00:00-05:00");
        assertThat(awaitEvent("DrugDeliveryScheduled", 3).value()).contains("2026-12-08T08:00:00-05:00");

        assertThat(api.delete(path(id) + "/delivery", PHARMACY).status()).isEqualTo(200);
        awaitEvent("DrugDeliveryCancelled", 4);
        // Cancelling again changes nothing and publishes nothing.
        assertThat(api.delete(path(id) + "/delivery", PHARMACY).json().get("version").asLong()).isEqualTo(4);

        assertThat(api.get(path(id), SPECIALIST).json().get("version").asLong()).isEqualTo(4);
        assertThat(api.get("/api/drug-authorizations?caseId=" + caseId, PHARMACY).json().size()).isEqualTo(1);
        events.assertNoFurtherRecord(r -> caseId.equals(r.key()) && r.value().contains("\"version\":5"), Duration.ofSeconds(1));
    }

    @Test
    void refusesADeliveryWhoseProductIsBeyondUseBeforeItArrives() {
        String id = create(caseId);
        awaitEvent("DrugAuthorizationRequested", 1);

        ApiClient.Response refused = api.put(path(id) + "/delivery", PHARMACY, Map.of(
                "etaStart", "2026-12-08T08:00:00-05:00", "etaEnd", "2026-12-08T11:00:00-05:00",
                "beyondUseAt", "2026-12-08T10:00:00-05:00"));

        assertProblem(refused, 422);
        assertThat(refused.json().get("violations").get(0).get("field").asString()).isEqualTo("beyondUseAt");
        assertThat(refused.json().get("violations").get(0).get("code").asString()).isEqualTo("BEYOND_USE_BEFORE_DELIVERY");
        assertThat(api.get(path(id), PHARMACY).json().get("version").asLong()).isEqualTo(1);
        events.assertNoFurtherRecord(r -> caseId.equals(r.key()) && r.value().contains("\"version\":2"), Duration.ofSeconds(1));
    }

    @Test
    void retriesWithOneIdempotencyKeyCreateOneAuthorization() {
        Map<String, String> key = Map.of("Idempotency-Key", "create-" + caseId);

        ApiClient.Response first = api.post("/api/drug-authorizations", SPECIALIST, ivig(caseId), key);
        ApiClient.Response retry = api.post("/api/drug-authorizations", SPECIALIST, ivig(caseId), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(api.get("/api/drug-authorizations?caseId=" + caseId, SPECIALIST).json().size()).isEqualTo(1);
        awaitEvent("DrugAuthorizationRequested", 1);
        events.assertNoFurtherRecord(r -> caseId.equals(r.key()), Duration.ofSeconds(1));

        Map<String, Object> different = ivig(caseId);
        different.put("pharmacyOrgId", "PHARM-2");
        ApiClient.Response reused = api.post("/api/drug-authorizations", SPECIALIST, different, key);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.body()).contains("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void anEventCommittedWhileTheBrokerIsDownArrivesAfterItReturns() {
        String[] id = new String[1];
        RealInfrastructure.withKafkaDown(() -> id[0] = create(caseId));

        CapturedRecord event = events.awaitRecord(r -> caseId.equals(r.key()), Duration.ofSeconds(60));
        assertThat(event.value()).contains(id[0]);
    }

    @Test
    void refusesAPreflightFailureWith422AndPublishesNothing() {
        Map<String, Object> perDiem = ivig(caseId);
        perDiem.put("hcpcsCode", "S9338");
        perDiem.put("payer", Map.of("payerId", "PAYER-MCR", "plan", "MEDICARE"));

        ApiClient.Response refused = api.post("/api/drug-authorizations", SPECIALIST, perDiem);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("content-type")).startsWith("application/problem+json");
        assertThat(refused.json().get("violations").findValuesAsString("code"))
                .containsExactlyInAnyOrder("PER_DIEM_CODE_NOT_A_DRUG", "S_CODE_NOT_VALID_FOR_MEDICARE");
        events.assertNoFurtherRecord(r -> caseId.equals(r.key()), Duration.ofSeconds(1));
    }

    @Test
    void refusesMalformedAndOversizedInputWith400() {
        assertProblem(api.post("/api/drug-authorizations", SPECIALIST, "{\"caseId\": "), 400);
        assertProblem(api.post("/api/drug-authorizations", SPECIALIST, "[]"), 400);
        Map<String, Object> missing = ivig(caseId);
        missing.remove("dose");
        assertProblem(api.post("/api/drug-authorizations", SPECIALIST, missing), 400);
        Map<String, Object> oversized = ivig("C".repeat(65));
        ApiClient.Response tooLong = api.post("/api/drug-authorizations", SPECIALIST, oversized);
        assertProblem(tooLong, 400);
        assertThat(tooLong.json().get("violations").findValuesAsString("field")).containsExactly("caseId");
        Map<String, Object> unknownField = ivig(caseId);
        unknownField.put("patientName", "Mary Jones");
        ApiClient.Response unknown = api.post("/api/drug-authorizations", SPECIALIST, unknownField);
        assertProblem(unknown, 400);
        assertThat(unknown.json().get("violations").findValuesAsString("code")).containsExactly("UNKNOWN_FIELD");
        assertThat(unknown.body()).as("the refused value is not echoed back").doesNotContain("Mary Jones");
        Map<String, Object> reversed = ivig(caseId);
        reversed.put("requestedTo", "2026-11-01");
        assertProblem(api.post("/api/drug-authorizations", SPECIALIST, reversed), 400);
        assertProblem(api.get("/api/drug-authorizations/not-a-uuid", SPECIALIST), 400);
        events.assertNoFurtherRecord(r -> caseId.equals(r.key()), Duration.ofSeconds(1));
    }

    @Test
    void refusesADeliveryWindowThatEndsBeforeItStarts() {
        String id = create(caseId);

        ApiClient.Response refused = api.put(path(id) + "/delivery", PHARMACY,
                Map.of("etaStart", "2026-12-08T11:00:00-05:00", "etaEnd", "2026-12-08T08:00:00-05:00"));

        assertProblem(refused, 400);
        assertThat(api.get(path(id), SPECIALIST).json().get("delivery").isNull()).isTrue();
    }

    @Test
    void aCancelledAuthorizationTakesNoFurtherDecision() {
        String id = create(caseId);
        assertThat(api.post(path(id) + "/decision", SPECIALIST, Map.of("outcome", "CANCELLED", "reason", "therapy changed")).status())
                .isEqualTo(200);

        assertProblem(api.post(path(id) + "/decision", PAYER, approval()), 409);
        assertProblem(api.put(path(id) + "/delivery", PHARMACY,
                Map.of("etaStart", "2026-12-08T08:00:00-05:00", "etaEnd", "2026-12-08T11:00:00-05:00")), 409);
    }

    @Test
    void anApprovalWithoutNumberOrWindowIsRefused() {
        String id = create(caseId);

        ApiClient.Response refused = api.post(path(id) + "/decision", PAYER, Map.of("outcome", "APPROVED"));

        assertProblem(refused, 400);
        assertThat(refused.json().get("violations").findValuesAsString("field"))
                .contains("authorizationNumber", "validFrom", "validTo");
    }

    @Test
    void anotherOrganizationSeesNothingAndChangesNothing() {
        String id = create(caseId);

        assertProblem(api.put(path(id) + "/delivery", TestTokens.bearer("PHARM-2", "PHARMACY"),
                Map.of("etaStart", "2026-12-08T08:00:00-05:00", "etaEnd", "2026-12-08T11:00:00-05:00")), 404);
        assertProblem(api.get(path(id), TestTokens.bearer("SPEC-2", "SPECIALIST")), 404);
        assertProblem(api.post(path(id) + "/decision", TestTokens.bearer("PAYER-XYZ", "PAYER"), approval()), 404);
        assertThat(api.get("/api/drug-authorizations?caseId=" + caseId, TestTokens.bearer("SPEC-2", "SPECIALIST")).json().size())
                .isZero();
    }

    @Test
    void refusesCallsWithoutAValidTokenOrTheRightRole() {
        assertProblem(api.post("/api/drug-authorizations", null, ivig(caseId)), 401);
        assertProblem(api.post("/api/drug-authorizations", TestTokens.expired("SPEC-1", "SPECIALIST"), ivig(caseId)), 401);
        assertProblem(api.post("/api/drug-authorizations", TestTokens.signedWithWrongSecret("SPEC-1", "SPECIALIST"), ivig(caseId)), 401);
        assertProblem(api.post("/api/drug-authorizations", TestTokens.unsignedAlgNone("SPEC-1", "SPECIALIST"), ivig(caseId)), 401);
        assertProblem(api.post("/api/drug-authorizations", PHARMACY, ivig(caseId)), 403);
        events.assertNoFurtherRecord(r -> caseId.equals(r.key()), Duration.ofSeconds(1));
    }

    @Test
    void noEventCarriesThePatientRefOrTheDecisionReason() {
        String patientRef = "PT-" + caseId;
        String approvedBecause = "Approved: Mary Jones, DOB 1950-02-03, meets criteria " + caseId;
        String cancelledBecause = "Cancelled: patient " + patientRef + " moved to hospice";
        Map<String, Object> request = ivig(caseId);
        request.put("patientRef", patientRef);
        String id = api.post("/api/drug-authorizations", SPECIALIST, request).json().get("id").asString();
        Map<String, Object> approval = new LinkedHashMap<>(approval());
        approval.put("reason", approvedBecause);
        assertThat(api.post(path(id) + "/decision", PAYER, approval).status()).isEqualTo(200);
        assertThat(api.put(path(id) + "/delivery", PHARMACY,
                Map.of("etaStart", "2026-12-08T08:00:00-05:00", "etaEnd", "2026-12-08T11:00:00-05:00")).status())
                .isEqualTo(200);
        assertThat(api.delete(path(id) + "/delivery", PHARMACY).status()).isEqualTo(200);
        assertThat(api.post(path(id) + "/decision", SPECIALIST, Map.of("outcome", "CANCELLED", "reason", cancelledBecause))
                .status()).isEqualTo(200);
        // The service keeps both for the organizations that may read the authorization...
        JsonNode kept = api.get(path(id), SPECIALIST).json();
        assertThat(kept.get("patientRef").asString()).isEqualTo(patientRef);
        assertThat(kept.get("reason").asString()).isEqualTo(cancelledBecause);

        // ...and no event of any type carries them.
        List<CapturedRecord> published = List.of(awaitEvent("DrugAuthorizationRequested", 1),
                awaitEvent("DrugAuthorizationDecided", 2), awaitEvent("DrugDeliveryScheduled", 3),
                awaitEvent("DrugDeliveryCancelled", 4), awaitEvent("DrugAuthorizationDecided", 5));
        for (CapturedRecord event : published) {
            assertThat(event.value()).doesNotContain(patientRef).doesNotContain("patientRef")
                    .doesNotContain("Mary Jones").doesNotContain("hospice").doesNotContain("\"reason\"");
            assertThat(event.headers().values()).noneMatch(header -> header.contains(patientRef));
        }
    }

    private CapturedRecord awaitEvent(String eventName, long version) {
        return events.awaitRecord(event(caseId, eventName, version));
    }

    private String create(String caseId) {
        ApiClient.Response created = api.post("/api/drug-authorizations", SPECIALIST, ivig(caseId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String path(String id) {
        return "/api/drug-authorizations/" + id;
    }

    static Map<String, Object> ivig(String caseId) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("caseId", caseId);
        request.put("patientRef", "PT-88");
        request.put("payer", Map.of("payerId", "PAYER-ABC", "plan", "COMMERCIAL"));
        request.put("placeOfService", "12");
        request.put("hcpcsCode", "J1569");
        request.put("ndc", null);
        request.put("dose", Map.of("quantity", 28, "unit", "g"));
        request.put("pharmacyOrgId", "PHARM-1");
        request.put("requestedFrom", "2026-12-01");
        request.put("requestedTo", "2027-05-31");
        return request;
    }

    static Map<String, Object> approval() {
        return Map.of("outcome", "APPROVED", "authorizationNumber", "12345", "validFrom", "2026-12-01",
                "validTo", "2027-05-31", "approvedUnits", 56);
    }
}
