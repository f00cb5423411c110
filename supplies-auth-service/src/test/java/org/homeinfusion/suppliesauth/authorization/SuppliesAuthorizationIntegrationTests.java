package org.homeinfusion.suppliesauth.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeinfusion.testsupport.CloudEventMatchers.event;
import static org.homeinfusion.testsupport.ProblemAssertions.assertProblem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * The supplies pillar through its HTTP API against a real PostgreSQL and a real Kafka broker: every
 * accepted change is exactly one event on {@code supplies-auth.events}; every refused one is none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SuppliesAuthorizationIntegrationTests {

    static final String SPECIALIST = TestTokens.bearer("SPEC-1", "SPECIALIST");
    static final String PAYER = TestTokens.bearer("PAYER-ABC", "PAYER");
    static final String SUPPLIER = TestTokens.bearer("DME-3", "SUPPLIER");
    static final Map<String, String> DELIVERY = Map.of(
            "etaStart", "2026-12-09T09:00:00-05:00", "etaEnd", "2026-12-09T12:00:00-05:00");

    @RegisterExtension
    static final CapturedTopic events = CapturedTopic.of(Topics.SUPPLIES_AUTH_EVENTS);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.registerProperties(registry, "supplies_auth");
    }

    final ApiClient api;
    /** JUnit makes a new instance for every test, so every test has a case of its own. */
    final String caseId = CaseIds.unique();

    SuppliesAuthorizationIntegrationTests(@LocalServerPort int port) {
        api = ApiClient.onPort(port);
    }

    @Test
    void bundledCoverageIsRecordedAsNotRequiredAndPublishedWithoutPatientData() {
        ApiClient.Response created = api.post("/api/supplies-authorizations", SPECIALIST, bundled(caseId));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.get("status").asString()).isEqualTo("NOT_REQUIRED");
        assertThat(body.get("coverage").asString()).isEqualTo("BUNDLED");
        assertThat(body.get("perDiemCode").asString()).isEqualTo("S9338");
        assertThat(body.get("specialistOrgId").asString()).isEqualTo("SPEC-1");
        assertThat(created.header("location")).endsWith(body.get("id").asString());

        CapturedRecord event = awaitEvent("SuppliesAuthorizationRequested", 1);
        assertThat(event.header("ce_id")).isNotBlank();
        assertThat(event.header("ce_source")).isEqualTo("/supplies-auth-service");
        assertThat(event.header("ce_subject")).isEqualTo(caseId);
        assertThat(event.header("ce_specversion")).isEqualTo("1.0");
        assertThat(event.header("ce_time")).isNotBlank();
        assertThat(event.value()).contains("\"status\":\"NOT_REQUIRED\"", "\"coverage\":\"BUNDLED\"",
                "\"perDiemCode\":\"S9338\"", "\"items\":[]", "\"delivery\":null")
                .doesNotContain("PT-88").doesNotContain("patientRef");
    }

    @Test
    void medicareBundlesHomeIvigSuppliesWithQ2052() {
        Map<String, Object> medicare = bundled(caseId);
        medicare.put("payer", Map.of("payerId", "PAYER-MCR", "plan", "MEDICARE"));
        medicare.put("perDiemCode", "Q2052");

        ApiClient.Response created = api.post("/api/supplies-authorizations", SPECIALIST, medicare);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("NOT_REQUIRED");
        assertThat(awaitEvent("SuppliesAuthorizationRequested", 1).value()).contains("\"perDiemCode\":\"Q2052\"");
    }

    @Test
    void everyChangeOfSeparateCoverageIsOneEventWithTheNextVersion() {
        ApiClient.Response created = api.post("/api/supplies-authorizations", SPECIALIST, separate(caseId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("REQUESTED");
        assertThat(created.json().get("items").findValuesAsString("hcpcsCode")).containsExactly("E0781", "E0776", "A4222");
        String id = created.json().get("id").asString();
        assertThat(awaitEvent("SuppliesAuthorizationRequested", 1).value())
                .contains("\"status\":\"REQUESTED\"", "{\"hcpcsCode\":\"A4222\",\"quantity\":30}");

        ApiClient.Response decided = api.post(path(id) + "/decision", PAYER, approval());
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(awaitEvent("SuppliesAuthorizationDecided", 2).value())
                .contains("\"status\":\"APPROVED\"", "\"authorizationNumber\":\"24680\"", "\"validTo\":\"2027-05-31\"");

        ApiClient.Response delivery = api.put(path(id) + "/delivery", SUPPLIER, DELIVERY);
        assertThat(delivery.status()).as(delivery.toString()).isEqualTo(200);
        assertThat(delivery.json().get("delivery").get("etaStart").asString()).isEqualTo("2026-12-09T09:00:00-05:00");
        assertThat(awaitEvent("SuppliesDeliveryScheduled", 3).value()).contains("2026-12-09T12:00:00-05:00");

        assertThat(api.delete(path(id) + "/delivery", SUPPLIER).status()).isEqualTo(200);
        assertThat(awaitEvent("SuppliesDeliveryCancelled", 4).value()).contains("\"delivery\":null");
        // Cancelling again changes nothing and publishes nothing.
        ApiClient.Response again = api.delete(path(id) + "/delivery", SUPPLIER);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("version").asLong()).isEqualTo(4);

        assertThat(api.get(path(id), SPECIALIST).json().get("version").asLong()).isEqualTo(4);
        assertThat(api.get("/api/supplies-authorizations?caseId=" + caseId, SUPPLIER).json().size()).isEqualTo(1);
        assertThat(api.get("/api/supplies-authorizations?caseId=" + caseId, PAYER).json().size()).isEqualTo(1);
        events.assertNoFurtherRecord(r -> caseId.equals(r.key()), Duration.ofSeconds(1));
    }

    @Test
    void aPharmacyThatShipsTheSuppliesPostsTheirDeliveryWindow() {
        Map<String, Object> request = separate(caseId);
        request.put("supplierOrgId", "PHARM-1");
        String id = create(request);

        ApiClient.Response delivery = api.put(path(id) + "/delivery", TestTokens.bearer("PHARM-1", "PHARMACY"), DELIVERY);

        assertThat(delivery.status()).as(delivery.toString()).isEqualTo(200);
        awaitEvent("SuppliesDeliveryScheduled", 2);
    }

    @Test
    void anAppealOverturnsADenial() {
        String id = create(separate(caseId));

        assertThat(api.post(path(id) + "/decision", PAYER, Map.of("outcome", "DENIED", "reason", "not medically necessary"))
                .status()).isEqualTo(200);
        ApiClient.Response overturned = api.post(path(id) + "/decision", SPECIALIST, approval());

        assertThat(overturned.status()).as(overturned.toString()).isEqualTo(200);
        assertThat(overturned.json().get("status").asString()).isEqualTo("APPROVED");
        awaitEvent("SuppliesAuthorizationDecided", 2);
        awaitEvent("SuppliesAuthorizationDecided", 3);
    }

    @Test
    void retriesWithOneIdempotencyKeyCreateOneAuthorization() {
        Map<String, String> key = Map.of("Idempotency-Key", "create-" + caseId);

        ApiClient.Response first = api.post("/api/supplies-authorizations", SPECIALIST, separate(caseId), key);
        ApiClient.Response retry = api.post("/api/supplies-authorizations", SPECIALIST, separate(caseId), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(retry.header("idempotent-replayed")).isEqualTo("true");
        assertThat(api.get("/api/supplies-authorizations?caseId=" + caseId, SPECIALIST).json().size()).isEqualTo(1);
        awaitEvent("SuppliesAuthorizationRequested", 1);
        events.assertNoFurtherRecord(r -> caseId.equals(r.key()), Duration.ofSeconds(1));

        Map<String, Object> different = separate(caseId);
        different.put("supplierOrgId", "DME-4");
        ApiClient.Response reused = api.post("/api/supplies-authorizations", SPECIALIST, different, key);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.body()).contains("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void anEventCommittedWhileTheBrokerIsDownArrivesAfterItReturns() {
        String[] id = new String[1];
        RealInfrastructure.withKafkaDown(() -> id[0] = create(bundled(caseId)));

        CapturedRecord event = events.awaitRecord(r -> caseId.equals(r.key()), Duration.ofSeconds(60));
        assertThat(event.value()).contains(id[0]);
    }

    @Test
    void refusesAnSCodePerDiemForMedicareWith422PointingToQ2052AndPublishesNothing() {
        Map<String, Object> medicare = bundled(caseId);
        medicare.put("payer", Map.of("payerId", "PAYER-MCR", "plan", "MEDICARE"));

        ApiClient.Response refused = api.post("/api/supplies-authorizations", SPECIALIST, medicare);

        assertProblem(refused, 422);
        assertThat(refused.json().get("violations").findValuesAsString("code")).containsExactly("S_CODE_NOT_VALID_FOR_MEDICARE");
        assertThat(refused.json().get("violations").findValuesAsString("message")).anySatisfy(m -> assertThat(m).contains("Q2052"));
        events.assertNoFurtherRecord(r -> caseId.equals(r.key()), Duration.ofSeconds(1));
    }

    @Test
    void reportsEveryRefusedCodeAtOnceWith422AndPublishesNothing() {
        Map<String, Object> request = separate(caseId);
        request.put("payer", Map.of("payerId", "PAYER-MCR", "plan", "MEDICARE"));
        request.put("items", List.of(Map.of("hcpcsCode", "E9999", "quantity", 1), Map.of("hcpcsCode", "E0781", "quantity", 1),
                Map.of("hcpcsCode", "S9338", "quantity", 1)));

        ApiClient.Response refused = api.post("/api/supplies-authorizations", SPECIALIST, request);

        assertProblem(refused, 422);
        assertThat(refused.json().get("violations").findValuesAsString("code"))
                .containsExactly("UNKNOWN_SUPPLY_CODE", "UNKNOWN_SUPPLY_CODE", "S_CODE_NOT_VALID_FOR_MEDICARE");
        assertThat(refused.json().get("violations").findValuesAsString("field"))
                .containsExactly("items[0].hcpcsCode", "items[2].hcpcsCode", "items[2].hcpcsCode");
        events.assertNoFurtherRecord(r -> caseId.equals(r.key()), Duration.ofSeconds(1));
    }

    @Test
    void refusesMissingItemsOrPerDiemCodeAndUnknownPerDiemCodesWith422() {
        Map<String, Object> noItems = separate(caseId);
        noItems.put("items", List.of());
        assertViolation(api.post("/api/supplies-authorizations", SPECIALIST, noItems), 422, "ITEMS_REQUIRED");
        Map<String, Object> noPerDiem = bundled(caseId);
        noPerDiem.remove("perDiemCode");
        assertViolation(api.post("/api/supplies-authorizations", SPECIALIST, noPerDiem), 422, "PER_DIEM_CODE_REQUIRED");
        Map<String, Object> pumpAsPerDiem = bundled(caseId);
        pumpAsPerDiem.put("perDiemCode", "E0781");
        assertViolation(api.post("/api/supplies-authorizations", SPECIALIST, pumpAsPerDiem), 422, "UNKNOWN_PER_DIEM_CODE");
        events.assertNoFurtherRecord(r -> caseId.equals(r.key()), Duration.ofSeconds(1));
    }

    @Test
    void refusesFieldsOfTheOtherCoverageModeWith400() {
        Map<String, Object> bundledWithItems = bundled(caseId);
        bundledWithItems.put("items", List.of(Map.of("hcpcsCode", "E0781", "quantity", 1)));
        assertViolation(api.post("/api/supplies-authorizations", SPECIALIST, bundledWithItems), 400, "NOT_APPLICABLE");
        Map<String, Object> separateWithPerDiem = separate(caseId);
        separateWithPerDiem.put("perDiemCode", "S9338");
        assertViolation(api.post("/api/supplies-authorizations", SPECIALIST, separateWithPerDiem), 400, "NOT_APPLICABLE");
        events.assertNoFurtherRecord(r -> caseId.equals(r.key()), Duration.ofSeconds(1));
    }

    @Test
    void refusesMalformedAndOversizedInputWith400() {
        assertProblem(api.post("/api/supplies-authorizations", SPECIALIST, "{\"caseId\": "), 400);
        assertProblem(api.post("/api/supplies-authorizations", SPECIALIST, "[]"), 400);
        Map<String, Object> missing = separate(caseId);
        missing.remove("coverage");
        assertProblem(api.post("/api/supplies-authorizations", SPECIALIST, missing), 400);
        Map<String, Object> unknownCoverage = separate(caseId);
        unknownCoverage.put("coverage", "PARTIAL");
        assertProblem(api.post("/api/supplies-authorizations", SPECIALIST, unknownCoverage), 400);
        assertProblem(api.post("/api/supplies-authorizations", SPECIALIST, separate("C".repeat(65))), 400);
        Map<String, Object> unknownField = separate(caseId);
        unknownField.put("patientName", "Mary Jones");
        assertProblem(api.post("/api/supplies-authorizations", SPECIALIST, unknownField), 400);
        Map<String, Object> zeroQuantity = separate(caseId);
        zeroQuantity.put("items", List.of(Map.of("hcpcsCode", "E0781", "quantity", 0)));
        assertProblem(api.post("/api/supplies-authorizations", SPECIALIST, zeroQuantity), 400);
        Map<String, Object> hugeQuantity = separate(caseId);
        hugeQuantity.put("items", List.of(Map.of("hcpcsCode", "A4222", "quantity", 1001)));
        assertProblem(api.post("/api/supplies-authorizations", SPECIALIST, hugeQuantity), 400);
        Map<String, Object> tooManyItems = separate(caseId);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            items.add(Map.of("hcpcsCode", "A4222", "quantity", 1));
        }
        tooManyItems.put("items", items);
        assertProblem(api.post("/api/supplies-authorizations", SPECIALIST, tooManyItems), 400);
        Map<String, Object> reversed = separate(caseId);
        reversed.put("requestedFrom", "2026-12-01");
        reversed.put("requestedTo", "2026-11-01");
        assertProblem(api.post("/api/supplies-authorizations", SPECIALIST, reversed), 400);
        assertProblem(api.get("/api/supplies-authorizations/not-a-uuid", SPECIALIST), 400);
        events.assertNoFurtherRecord(r -> caseId.equals(r.key()), Duration.ofSeconds(1));
    }

    @Test
    void refusesADeliveryWindowThatEndsBeforeItStarts() {
        String id = create(separate(caseId));

        ApiClient.Response refused = api.put(path(id) + "/delivery", SUPPLIER,
                Map.of("etaStart", "2026-12-09T12:00:00-05:00", "etaEnd", "2026-12-09T09:00:00-05:00"));

        assertProblem(refused, 400);
        assertThat(api.get(path(id), SPECIALIST).json().get("delivery").isNull()).isTrue();
        awaitEvent("SuppliesAuthorizationRequested", 1);
        events.assertNoFurtherRecord(r -> caseId.equals(r.key()), Duration.ofSeconds(1));
    }

    @Test
    void aCancelledAuthorizationTakesNoFurtherDecisionOrDelivery() {
        String id = create(separate(caseId));
        assertThat(api.post(path(id) + "/decision", SPECIALIST, Map.of("outcome", "CANCELLED", "reason", "therapy changed")).status())
                .isEqualTo(200);
        awaitEvent("SuppliesAuthorizationRequested", 1);
        assertThat(awaitEvent("SuppliesAuthorizationDecided", 2).value()).contains("\"status\":\"CANCELLED\"");

        assertViolation(api.post(path(id) + "/decision", PAYER, approval()), 409, "AUTHORIZATION_CANCELLED");
        assertViolation(api.put(path(id) + "/delivery", SUPPLIER, DELIVERY), 409, "AUTHORIZATION_CANCELLED");
        events.assertNoFurtherRecord(r -> caseId.equals(r.key()), Duration.ofSeconds(1));
    }

    @Test
    void bundledCoverageTakesNoDecisionAndNoDeliveryButMayBeCancelled() {
        String id = create(bundled(caseId));
        awaitEvent("SuppliesAuthorizationRequested", 1);

        assertViolation(api.post(path(id) + "/decision", PAYER, approval()), 409, "COVERAGE_BUNDLED");
        assertViolation(api.post(path(id) + "/decision", SPECIALIST, Map.of("outcome", "DENIED")), 409, "COVERAGE_BUNDLED");
        String pharmacy = TestTokens.bearer("PHARM-1", "PHARMACY");
        assertViolation(api.put(path(id) + "/delivery", pharmacy, DELIVERY), 409, "COVERAGE_BUNDLED");
        assertViolation(api.delete(path(id) + "/delivery", pharmacy), 409, "COVERAGE_BUNDLED");
        events.assertNoFurtherRecord(r -> caseId.equals(r.key()), Duration.ofSeconds(1));
        assertThat(api.get(path(id), SPECIALIST).json().get("status").asString()).isEqualTo("NOT_REQUIRED");

        ApiClient.Response cancelled = api.post(path(id) + "/decision", SPECIALIST, Map.of("outcome", "CANCELLED"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(awaitEvent("SuppliesAuthorizationDecided", 2).value()).contains("\"status\":\"CANCELLED\"");
    }

    @Test
    void anApprovalWithoutNumberOrWindowOrWithAnotherPillarsFieldsIsRefused() {
        String id = create(separate(caseId));

        ApiClient.Response refused = api.post(path(id) + "/decision", PAYER, Map.of("outcome", "APPROVED"));
        assertProblem(refused, 400);
        assertThat(refused.json().get("violations").findValuesAsString("field"))
                .contains("authorizationNumber", "validFrom", "validTo");

        Map<String, Object> withUnits = new LinkedHashMap<>(approval());
        withUnits.put("approvedUnits", 56);
        assertViolation(api.post(path(id) + "/decision", PAYER, withUnits), 400, "NOT_APPLICABLE");
        Map<String, Object> withVisits = new LinkedHashMap<>(approval());
        withVisits.put("approvedVisits", 8);
        assertViolation(api.post(path(id) + "/decision", PAYER, withVisits), 400, "NOT_APPLICABLE");
    }

    @Test
    void anotherOrganizationSeesNothingAndChangesNothing() {
        String id = create(separate(caseId));

        assertProblem(api.put(path(id) + "/delivery", TestTokens.bearer("DME-4", "SUPPLIER"), DELIVERY), 404);
        assertProblem(api.delete(path(id) + "/delivery", TestTokens.bearer("PHARM-1", "PHARMACY")), 404);
        assertProblem(api.get(path(id), TestTokens.bearer("SPEC-2", "SPECIALIST")), 404);
        assertProblem(api.get(path(id), TestTokens.bearer("HHA-7", "AGENCY")), 404);
        assertProblem(api.post(path(id) + "/decision", TestTokens.bearer("PAYER-XYZ", "PAYER"), approval()), 404);
        assertProblem(api.post(path(id) + "/decision", TestTokens.bearer("SPEC-2", "SPECIALIST"), approval()), 404);
        assertProblem(api.get(path(UUID.randomUUID().toString()), SPECIALIST), 404);
        assertThat(api.get("/api/supplies-authorizations?caseId=" + caseId, TestTokens.bearer("SPEC-2", "SPECIALIST")).json().size())
                .isZero();
        awaitEvent("SuppliesAuthorizationRequested", 1);
        events.assertNoFurtherRecord(r -> caseId.equals(r.key()), Duration.ofSeconds(1));
    }

    @Test
    void refusesCallsWithoutAValidTokenOrTheRightRole() {
        assertProblem(api.post("/api/supplies-authorizations", null, separate(caseId)), 401);
        assertProblem(api.post("/api/supplies-authorizations", TestTokens.expired("SPEC-1", "SPECIALIST"), separate(caseId)), 401);
        assertProblem(api.post("/api/supplies-authorizations", TestTokens.signedWithWrongSecret("SPEC-1", "SPECIALIST"), separate(caseId)), 401);
        assertProblem(api.post("/api/supplies-authorizations", TestTokens.unsignedAlgNone("SPEC-1", "SPECIALIST"), separate(caseId)), 401);
        assertProblem(api.post("/api/supplies-authorizations", SUPPLIER, separate(caseId)), 403);
        assertProblem(api.post("/api/supplies-authorizations", PAYER, separate(caseId)), 403);

        String id = create(separate(caseId));
        assertProblem(api.put(path(id) + "/delivery", TestTokens.bearer("DME-3", "AGENCY"), DELIVERY), 403);
        assertProblem(api.put(path(id) + "/delivery", TestTokens.bearer("DME-3", "SPECIALIST"), DELIVERY), 403);
        assertProblem(api.post(path(id) + "/decision", TestTokens.bearer("PAYER-ABC", "SUPPLIER"), approval()), 403);
        assertProblem(api.get(path(id), null), 401);
        awaitEvent("SuppliesAuthorizationRequested", 1);
        events.assertNoFurtherRecord(r -> caseId.equals(r.key()), Duration.ofSeconds(1));
    }

    @Test
    void describesItsEndpointsInOpenApi() {
        ApiClient.Response description = api.get("/v3/api-docs", null);

        assertThat(description.status()).as(description.toString()).isEqualTo(200);
        assertThat(description.json().get("paths").propertyNames()).contains("/api/supplies-authorizations",
                "/api/supplies-authorizations/{id}", "/api/supplies-authorizations/{id}/decision",
                "/api/supplies-authorizations/{id}/delivery");
    }

    @Test
    void noEventCarriesThePatientRefOrTheDecisionReason() {
        String patientRef = "PT-" + caseId;
        String approvedBecause = "Approved: Mary Jones, DOB 1950-02-03, pump needed " + caseId;
        String cancelledBecause = "Cancelled: patient " + patientRef + " moved to hospice";
        Map<String, Object> request = separate(caseId);
        request.put("patientRef", patientRef);
        String id = create(request);
        Map<String, Object> approval = new LinkedHashMap<>(approval());
        approval.put("reason", approvedBecause);
        assertThat(api.post(path(id) + "/decision", PAYER, approval).status()).isEqualTo(200);
        assertThat(api.put(path(id) + "/delivery", SUPPLIER, DELIVERY).status()).isEqualTo(200);
        assertThat(api.delete(path(id) + "/delivery", SUPPLIER).status()).isEqualTo(200);
        assertThat(api.post(path(id) + "/decision", SPECIALIST, Map.of("outcome", "CANCELLED", "reason", cancelledBecause))
                .status()).isEqualTo(200);
        Map<String, Object> bundled = bundled(caseId);
        bundled.put("patientRef", patientRef);
        create(bundled);
        // The service keeps both for the organizations that may read the authorization...
        JsonNode kept = api.get(path(id), SPECIALIST).json();
        assertThat(kept.get("patientRef").asString()).isEqualTo(patientRef);
        assertThat(kept.get("reason").asString()).isEqualTo(cancelledBecause);

        // ...and no event of any type carries them.
        List<CapturedRecord> published = List.of(awaitEvent("SuppliesAuthorizationRequested", 1),
                awaitEvent("SuppliesAuthorizationDecided", 2), awaitEvent("SuppliesDeliveryScheduled", 3),
                awaitEvent("SuppliesDeliveryCancelled", 4), awaitEvent("SuppliesAuthorizationDecided", 5),
                awaitEvent("SuppliesAuthorizationRequested", 1));
        for (CapturedRecord event : published) {
            assertThat(event.value()).doesNotContain(patientRef).doesNotContain("patientRef")
                    .doesNotContain("Mary Jones").doesNotContain("hospice").doesNotContain("\"reason\"");
            assertThat(event.headers().values()).noneMatch(header -> header.contains(patientRef));
        }
    }

    private CapturedRecord awaitEvent(String eventName, long version) {
        return events.awaitRecord(event(caseId, eventName, version));
    }

    private String create(Map<String, Object> request) {
        ApiClient.Response created = api.post("/api/supplies-authorizations", SPECIALIST, request);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String path(String id) {
        return "/api/supplies-authorizations/" + id;
    }

    private static void assertViolation(ApiClient.Response response, int status, String code) {
        assertProblem(response, status);
        assertThat(response.json().get("violations").findValuesAsString("code")).as(response.toString()).contains(code);
    }

    static Map<String, Object> bundled(String caseId) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("caseId", caseId);
        request.put("patientRef", "PT-88");
        request.put("payer", Map.of("payerId", "PAYER-ABC", "plan", "COMMERCIAL"));
        request.put("supplierOrgId", "PHARM-1");
        request.put("coverage", "BUNDLED");
        request.put("perDiemCode", "S9338");
        request.put("requestedFrom", "2026-12-01");
        request.put("requestedTo", "2027-05-31");
        return request;
    }

    static Map<String, Object> separate(String caseId) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("caseId", caseId);
        request.put("patientRef", "PT-88");
        request.put("payer", Map.of("payerId", "PAYER-ABC", "plan", "COMMERCIAL"));
        request.put("supplierOrgId", "DME-3");
        request.put("coverage", "SEPARATE");
        request.put("items", List.of(Map.of("hcpcsCode", "E0781", "quantity", 1), Map.of("hcpcsCode", "E0776", "quantity", 1),
                Map.of("hcpcsCode", "A4222", "quantity", 30)));
        return request;
    }

    static Map<String, Object> approval() {
        return Map.of("outcome", "APPROVED", "authorizationNumber", "24680", "validFrom", "2026-12-01",
                "validTo", "2027-05-31");
    }
}
