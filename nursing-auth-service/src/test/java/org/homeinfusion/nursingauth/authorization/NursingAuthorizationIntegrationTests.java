package org.homeinfusion.nursingauth.authorization;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The nursing pillar through its HTTP API against a real PostgreSQL and a real Kafka broker: every
 * accepted change is exactly one event on {@code nursing-auth.events}, valid against the contract's
 * schema; every refused one is none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NursingAuthorizationIntegrationTests {

    static final String SPECIALIST = TestTokens.bearer("SPEC-1", "SPECIALIST");
    static final String PAYER = TestTokens.bearer("PAYER-ABC", "PAYER");
    static final String AGENCY = TestTokens.bearer("HHA-7", "AGENCY");
    static final String OTHER_AGENCY = TestTokens.bearer("HHA-8", "AGENCY");

    @RegisterExtension
    static final CapturedTopic events = CapturedTopic.of(Topics.NURSING_AUTH_EVENTS);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.registerProperties(registry, "nursing_auth");
    }

    final ApiClient api;
    /** JUnit makes a new instance for every test, so every test has a case of its own. */
    final String caseId = CaseIds.unique();

    NursingAuthorizationIntegrationTests(@LocalServerPort int port) {
        api = ApiClient.onPort(port);
    }

    @Test
    void requestCountsTheVisitsOfItsFrequencyAndPublishesTheFullStateWithoutPatientData() {
        ApiClient.Response created = api.post("/api/nursing-authorizations", SPECIALIST, nursing(caseId));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("location")).endsWith("/api/nursing-authorizations/" + created.json().get("id").asString());
        JsonNode body = created.json();
        assertThat(body.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(body.get("frequency").asString()).isEqualTo("2w4");
        assertThat(body.get("visitsRequested").asInt()).isEqualTo(8);
        assertThat(body.get("visitsUsed").asInt()).isZero();
        assertThat(body.get("approvedVisits").isNull()).isTrue();
        assertThat(body.get("visitsRemaining").isNull()).isTrue();
        assertThat(body.get("specialistOrgId").asString()).isEqualTo("SPEC-1");
        assertThat(body.get("patientRef").asString()).isEqualTo("PT-88");

        CapturedRecord event = awaitEvent("NursingAuthorizationRequested", 1);
        assertThat(event.header("ce_id")).isNotBlank();
        assertThat(event.header("ce_source")).isEqualTo("/nursing-auth-service");
        assertThat(event.header("ce_subject")).isEqualTo(caseId);
        assertThat(event.header("ce_specversion")).isEqualTo("1.0");
        assertThat(event.header("ce_time")).isNotBlank();
        assertThat(event.value()).contains("\"visitsRequested\":8", "\"agencyOrgId\":\"HHA-7\"", "\"serviceCode\":\"99601\"")
                .doesNotContain("PT-88").doesNotContain("patientRef");
    }

    @Test
    void everyChangeIsOneEventWithTheNextVersion() {
        String id = create(caseId);
        awaitEvent("NursingAuthorizationRequested", 1);

        Map<String, Object> approval = new LinkedHashMap<>(approval(8));
        approval.put("reason", "medically necessary per plan of care for PT-88");
        ApiClient.Response decided = api.post(path(id) + "/decision", PAYER, approval);
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(decided.json().get("visitsRemaining").asInt()).isEqualTo(8);
        assertThat(awaitEvent("NursingAuthorizationDecided", 2).value())
                .contains("\"status\":\"APPROVED\"", "\"authorizationNumber\":\"67890\"", "\"approvedVisits\":8",
                        "\"visitsRemaining\":8")
                .doesNotContain("medically necessary").doesNotContain("PT-88");

        ApiClient.Response confirmed = api.put(path(id) + "/visit", AGENCY, visit("2026-12-08T14:00:00-05:00"));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().get("visit").get("visitStart").asString()).isEqualTo("2026-12-08T14:00:00-05:00");
        assertThat(awaitEvent("NurseVisitConfirmed", 3).value())
                .contains("\"visitStart\":\"2026-12-08T14:00:00-05:00\"", "\"expectedDurationMinutes\":240",
                        "\"nurseName\":\"Jones\"");

        // Moving the visit is another confirmation of the one slot.
        assertThat(api.put(path(id) + "/visit", AGENCY, visit("2026-12-09T00:30:00-05:00")).status()).isEqualTo(200);
        assertThat(awaitEvent("NurseVisitConfirmed", 4).value()).contains("\"visitStart\":\"2026-12-09T00:30:00-05:00\"");

        assertThat(api.delete(path(id) + "/visit", AGENCY).status()).isEqualTo(200);
        assertThat(awaitEvent("NurseVisitCancelled", 5).value()).contains("\"visit\":null");
        // Cancelling again changes nothing and publishes nothing.
        ApiClient.Response again = api.delete(path(id) + "/visit", AGENCY);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("version").asLong()).isEqualTo(5);

        assertThat(api.put(path(id) + "/visit", AGENCY, visit("2026-12-10T14:00:00-05:00")).status()).isEqualTo(200);
        awaitEvent("NurseVisitConfirmed", 6);
        ApiClient.Response completed = api.post(path(id) + "/visit/completion", AGENCY, null);
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        assertThat(completed.json().get("visitsUsed").asInt()).isEqualTo(1);
        assertThat(completed.json().get("visitsRemaining").asInt()).isEqualTo(7);
        assertThat(completed.json().get("visit").isNull()).isTrue();
        assertThat(awaitEvent("NurseVisitCompleted", 7).value())
                .contains("\"visitsUsed\":1", "\"visitsRemaining\":7", "\"visit\":null");

        for (String reader : new String[] {SPECIALIST, AGENCY, PAYER}) {
            JsonNode current = api.get(path(id), reader).json();
            assertThat(current.get("version").asLong()).isEqualTo(7);
            assertThat(current.get("visitsUsed").asInt()).isEqualTo(1);
            assertThat(api.get("/api/nursing-authorizations?caseId=" + caseId, reader).json().size()).isEqualTo(1);
        }
        events.assertNoFurtherRecord(r -> caseId.equals(r.key()) && r.value().contains("\"version\":8"), Duration.ofSeconds(1));
    }

    @Test
    void retriesWithOneIdempotencyKeyCreateOneAuthorization() {
        Map<String, String> key = Map.of("Idempotency-Key", "create-" + caseId);

        ApiClient.Response first = api.post("/api/nursing-authorizations", SPECIALIST, nursing(caseId), key);
        ApiClient.Response retry = api.post("/api/nursing-authorizations", SPECIALIST, nursing(caseId), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("idempotent-replayed")).isEqualTo("false");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("idempotent-replayed")).isEqualTo("true");
        assertThat(retry.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(api.get("/api/nursing-authorizations?caseId=" + caseId, SPECIALIST).json().size()).isEqualTo(1);
        awaitEvent("NursingAuthorizationRequested", 1);
        events.assertNoFurtherRecord(r -> caseId.equals(r.key()), Duration.ofSeconds(1));

        Map<String, Object> different = nursing(caseId);
        different.put("agencyOrgId", "HHA-8");
        ApiClient.Response reused = api.post("/api/nursing-authorizations", SPECIALIST, different, key);
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
    void refusesServiceCodesAPayerWouldDenyWith422AndPublishesNothing() {
        Map<String, Object> perDiem = nursing(caseId);
        perDiem.put("serviceCode", "S9338");
        perDiem.put("payer", Map.of("payerId", "PAYER-MCR", "plan", "MEDICARE"));
        ApiClient.Response refused = api.post("/api/nursing-authorizations", SPECIALIST, perDiem);

        assertProblem(refused, 422);
        assertThat(refused.json().get("violations").findValuesAsString("code"))
                .containsExactlyInAnyOrder("UNKNOWN_SERVICE_CODE", "S_CODE_NOT_VALID_FOR_MEDICARE");
        assertThat(refused.body()).contains("not a nursing code");

        Map<String, Object> supply = nursing(caseId);
        supply.put("serviceCode", "E0781");
        ApiClient.Response supplyRefused = api.post("/api/nursing-authorizations", SPECIALIST, supply);
        assertProblem(supplyRefused, 422);
        assertThat(supplyRefused.json().get("violations").findValuesAsString("code")).containsExactly("UNKNOWN_SERVICE_CODE");
        assertThat(supplyRefused.body()).contains("not a nursing code");

        Map<String, Object> retired = nursing(caseId);
        retired.put("serviceCode", "G0154");
        ApiClient.Response retiredRefused = api.post("/api/nursing-authorizations", SPECIALIST, retired);
        assertProblem(retiredRefused, 422);
        assertThat(retiredRefused.json().get("violations").findValuesAsString("code")).containsExactly("RETIRED_CODE");

        Map<String, Object> unknown = nursing(caseId);
        unknown.put("serviceCode", "99999");
        assertThat(api.post("/api/nursing-authorizations", SPECIALIST, unknown).json().get("violations")
                .findValuesAsString("code")).containsExactly("UNKNOWN_SERVICE_CODE");

        Map<String, Object> sCodeForMedicare = nursing(caseId);
        sCodeForMedicare.put("serviceCode", "S9123");
        sCodeForMedicare.put("payer", Map.of("payerId", "PAYER-MCR", "plan", "MEDICARE"));
        assertThat(api.post("/api/nursing-authorizations", SPECIALIST, sCodeForMedicare).json().get("violations")
                .findValuesAsString("code")).containsExactly("S_CODE_NOT_VALID_FOR_MEDICARE");

        events.assertNoFurtherRecord(r -> caseId.equals(r.key()), Duration.ofSeconds(1));
    }

    @ParameterizedTest(name = "frequency ''{0}''")
    @ValueSource(strings = {"2x4", "0w4", "w4", "99999w1", "", "2w4 ", "1w104"})
    void refusesAMalformedFrequencyWithA400NamingTheField(String frequency) {
        Map<String, Object> request = nursing(caseId);
        request.put("frequency", frequency);

        ApiClient.Response refused = api.post("/api/nursing-authorizations", SPECIALIST, request);

        assertProblem(refused, 400);
        assertThat(refused.json().get("violations").findValuesAsString("field")).containsOnly("frequency");
        assertThat(refused.json().get("violations").findValuesAsString("code")).containsOnly("INVALID_FREQUENCY");
        assertThat(refused.json().get("detail").asString()).contains("frequency");
        events.assertNoFurtherRecord(r -> caseId.equals(r.key()), Duration.ofMillis(300));
    }

    @Test
    void refusesMalformedAndOversizedInputWith400() {
        assertProblem(api.post("/api/nursing-authorizations", SPECIALIST, "{\"caseId\": "), 400);
        assertProblem(api.post("/api/nursing-authorizations", SPECIALIST, "[]"), 400);
        Map<String, Object> missing = nursing(caseId);
        missing.remove("frequency");
        assertProblem(api.post("/api/nursing-authorizations", SPECIALIST, missing), 400);
        assertProblem(api.post("/api/nursing-authorizations", SPECIALIST, nursing("C".repeat(65))), 400);
        Map<String, Object> unknownField = nursing(caseId);
        unknownField.put("patientName", "Mary Jones");
        assertProblem(api.post("/api/nursing-authorizations", SPECIALIST, unknownField), 400);
        Map<String, Object> reversed = nursing(caseId);
        reversed.put("requestedTo", "2026-11-01");
        assertProblem(api.post("/api/nursing-authorizations", SPECIALIST, reversed), 400);
        Map<String, Object> badCode = nursing(caseId);
        badCode.put("serviceCode", "99601-GT");
        assertProblem(api.post("/api/nursing-authorizations", SPECIALIST, badCode), 400);
        assertProblem(api.get("/api/nursing-authorizations/not-a-uuid", SPECIALIST), 400);

        String id = create(caseId);
        awaitEvent("NursingAuthorizationRequested", 1);
        assertProblem(api.put(path(id) + "/visit", AGENCY, "{\"visitStart\": "), 400);
        for (Map<String, Object> visit : new Map[] {
                visit(Map.of("expectedDurationMinutes", 0)),
                visit(Map.of("expectedDurationMinutes", 1441)),
                visit(Map.of("nurseName", " ")),
                visit(Map.of("nurseName", "N".repeat(201))),
                visit(Map.of("visitStart", "2026-12-08T14:00:00")),
                visit(Map.of("visitStart", "tomorrow")),
                visit(Map.of("room", "12"))}) {
            assertProblem(api.put(path(id) + "/visit", AGENCY, visit), 400);
        }
        assertProblem(api.post(path(id) + "/decision", PAYER, Map.of("outcome", "APPROVED", "authorizationNumber", "67890",
                "validFrom", "2026-12-01", "validTo", "2026-12-28", "approvedUnits", 8)), 400);
        assertThat(api.get(path(id), SPECIALIST).json().get("version").asLong()).isEqualTo(1);
        events.assertNoFurtherRecord(r -> caseId.equals(r.key()), Duration.ofSeconds(1));
    }

    @Test
    void completingAVisitThatWasNeverConfirmedIsAConflict() {
        String id = create(caseId);
        api.post(path(id) + "/decision", PAYER, approval(8));
        awaitEvent("NursingAuthorizationRequested", 1);
        awaitEvent("NursingAuthorizationDecided", 2);

        ApiClient.Response refused = api.post(path(id) + "/visit/completion", AGENCY, null);

        assertProblem(refused, 409);
        assertThat(refused.json().get("violations").findValuesAsString("code")).containsExactly("NO_VISIT_CONFIRMED");
        assertThat(api.get(path(id), AGENCY).json().get("visitsUsed").asInt()).isZero();
        events.assertNoFurtherRecord(r -> caseId.equals(r.key()), Duration.ofSeconds(1));
    }

    @Test
    void completingMoreVisitsThanApprovedIsAConflict() {
        String id = create(caseId);
        api.post(path(id) + "/decision", PAYER, approval(1));
        api.put(path(id) + "/visit", AGENCY, visit("2026-12-08T14:00:00-05:00"));
        assertThat(api.post(path(id) + "/visit/completion", AGENCY, null).status()).isEqualTo(200);
        api.put(path(id) + "/visit", AGENCY, visit("2026-12-10T14:00:00-05:00"));
        awaitEvent("NursingAuthorizationRequested", 1);
        awaitEvent("NursingAuthorizationDecided", 2);
        awaitEvent("NurseVisitConfirmed", 3);
        awaitEvent("NurseVisitCompleted", 4);
        awaitEvent("NurseVisitConfirmed", 5);

        ApiClient.Response refused = api.post(path(id) + "/visit/completion", AGENCY, null);

        assertProblem(refused, 409);
        assertThat(refused.json().get("violations").findValuesAsString("code")).containsExactly("VISITS_EXHAUSTED");
        JsonNode current = api.get(path(id), AGENCY).json();
        assertThat(current.get("visitsUsed").asInt()).isEqualTo(1);
        assertThat(current.get("visitsRemaining").asInt()).isZero();
        events.assertNoFurtherRecord(r -> caseId.equals(r.key()), Duration.ofSeconds(1));
    }

    @Test
    void aCancelledAuthorizationTakesNoFurtherDecisionOrVisit() {
        String id = create(caseId);
        assertThat(api.post(path(id) + "/decision", SPECIALIST, Map.of("outcome", "CANCELLED", "reason", "therapy changed"))
                .status()).isEqualTo(200);
        awaitEvent("NursingAuthorizationRequested", 1);
        awaitEvent("NursingAuthorizationDecided", 2);

        assertProblem(api.post(path(id) + "/decision", PAYER, approval(8)), 409);
        assertProblem(api.put(path(id) + "/visit", AGENCY, visit("2026-12-08T14:00:00-05:00")), 409);
        assertProblem(api.post(path(id) + "/visit/completion", AGENCY, null), 409);
        assertThat(api.get(path(id), SPECIALIST).json().get("status").asString()).isEqualTo("CANCELLED");
        events.assertNoFurtherRecord(r -> caseId.equals(r.key()), Duration.ofSeconds(1));
    }

    @Test
    void anotherOrganizationSeesNothingAndChangesNothing() {
        String id = create(caseId);
        awaitEvent("NursingAuthorizationRequested", 1);

        assertProblem(api.put(path(id) + "/visit", OTHER_AGENCY, visit("2026-12-08T14:00:00-05:00")), 404);
        assertProblem(api.delete(path(id) + "/visit", OTHER_AGENCY), 404);
        assertProblem(api.post(path(id) + "/visit/completion", OTHER_AGENCY, null), 404);
        assertProblem(api.get(path(id), OTHER_AGENCY), 404);
        assertProblem(api.get(path(id), TestTokens.bearer("SPEC-2", "SPECIALIST")), 404);
        assertProblem(api.post(path(id) + "/decision", TestTokens.bearer("PAYER-XYZ", "PAYER"), approval(8)), 404);
        // The case's own specialist org acting as a payer is not the payer.
        assertProblem(api.post(path(id) + "/decision", TestTokens.bearer("SPEC-1", "PAYER"), approval(8)), 404);
        assertThat(api.get("/api/nursing-authorizations?caseId=" + caseId, OTHER_AGENCY).json().size()).isZero();
        assertThat(api.get("/api/nursing-authorizations?caseId=" + caseId, TestTokens.bearer("SPEC-2", "SPECIALIST"))
                .json().size()).isZero();
        assertThat(api.get(path(id), SPECIALIST).json().get("version").asLong()).isEqualTo(1);
        events.assertNoFurtherRecord(r -> caseId.equals(r.key()), Duration.ofSeconds(1));
    }

    @Test
    void refusesCallsWithoutAValidTokenOrTheRightRole() {
        assertProblem(api.post("/api/nursing-authorizations", null, nursing(caseId)), 401);
        assertProblem(api.post("/api/nursing-authorizations", TestTokens.expired("SPEC-1", "SPECIALIST"), nursing(caseId)), 401);
        assertProblem(api.post("/api/nursing-authorizations", TestTokens.signedWithWrongSecret("SPEC-1", "SPECIALIST"),
                nursing(caseId)), 401);
        assertProblem(api.post("/api/nursing-authorizations", TestTokens.unsignedAlgNone("SPEC-1", "SPECIALIST"),
                nursing(caseId)), 401);
        assertProblem(api.post("/api/nursing-authorizations", AGENCY, nursing(caseId)), 403);

        String id = create(caseId);
        awaitEvent("NursingAuthorizationRequested", 1);
        assertProblem(api.put(path(id) + "/visit", null, visit("2026-12-08T14:00:00-05:00")), 401);
        assertProblem(api.put(path(id) + "/visit", SPECIALIST, visit("2026-12-08T14:00:00-05:00")), 403);
        assertProblem(api.put(path(id) + "/visit", TestTokens.bearer("HHA-7", "PHARMACY"), visit("2026-12-08T14:00:00-05:00")), 403);
        assertProblem(api.delete(path(id) + "/visit", PAYER), 403);
        assertProblem(api.post(path(id) + "/visit/completion", SPECIALIST, null), 403);
        assertProblem(api.post(path(id) + "/decision", AGENCY, approval(8)), 403);
        events.assertNoFurtherRecord(r -> caseId.equals(r.key()), Duration.ofSeconds(1));
    }

    @Test
    void describesTheApiInOpenApi() {
        ApiClient.Response description = api.get("/v3/api-docs", null);

        assertThat(description.status()).isEqualTo(200);
        assertThat(description.json().get("paths").propertyNames()).contains("/api/nursing-authorizations",
                "/api/nursing-authorizations/{id}", "/api/nursing-authorizations/{id}/decision",
                "/api/nursing-authorizations/{id}/visit", "/api/nursing-authorizations/{id}/visit/completion");
    }

    @Test
    void noEventCarriesThePatientRefOrTheDecisionReason() {
        String patientRef = "PT-" + caseId;
        String approvedBecause = "Approved: Mary Jones, DOB 1950-02-03, homebound " + caseId;
        String cancelledBecause = "Cancelled: patient " + patientRef + " moved to hospice";
        Map<String, Object> request = nursing(caseId);
        request.put("patientRef", patientRef);
        String id = api.post("/api/nursing-authorizations", SPECIALIST, request).json().get("id").asString();
        Map<String, Object> approval = new LinkedHashMap<>(approval(8));
        approval.put("reason", approvedBecause);
        assertThat(api.post(path(id) + "/decision", PAYER, approval).status()).isEqualTo(200);
        assertThat(api.put(path(id) + "/visit", AGENCY, visit("2026-12-08T14:00:00-05:00")).status()).isEqualTo(200);
        assertThat(api.delete(path(id) + "/visit", AGENCY).status()).isEqualTo(200);
        assertThat(api.put(path(id) + "/visit", AGENCY, visit("2026-12-09T14:00:00-05:00")).status()).isEqualTo(200);
        assertThat(api.post(path(id) + "/visit/completion", AGENCY, null).status()).isEqualTo(200);
        assertThat(api.post(path(id) + "/decision", SPECIALIST, Map.of("outcome", "CANCELLED", "reason", cancelledBecause))
                .status()).isEqualTo(200);
        // The service keeps both for the organizations that may read the authorization...
        JsonNode kept = api.get(path(id), SPECIALIST).json();
        assertThat(kept.get("patientRef").asString()).isEqualTo(patientRef);
        assertThat(kept.get("reason").asString()).isEqualTo(cancelledBecause);

        // ...and no event of any type carries them.
        List<CapturedRecord> published = List.of(awaitEvent("NursingAuthorizationRequested", 1),
                awaitEvent("NursingAuthorizationDecided", 2), awaitEvent("NurseVisitConfirmed", 3),
                awaitEvent("NurseVisitCancelled", 4), awaitEvent("NurseVisitConfirmed", 5),
                awaitEvent("NurseVisitCompleted", 6), awaitEvent("NursingAuthorizationDecided", 7));
        for (CapturedRecord event : published) {
            assertThat(event.value()).doesNotContain(patientRef).doesNotContain("patientRef")
                    .doesNotContain("Mary Jones").doesNotContain("hospice").doesNotContain("\"reason\"");
            assertThat(event.headers().values()).noneMatch(header -> header.contains(patientRef));
        }
    }

    private CapturedRecord awaitEvent(String eventName, long version) {
        return ContractSchemas.assertConforms(events.awaitRecord(event(caseId, eventName, version)));
    }

    private String create(String caseId) {
        ApiClient.Response created = api.post("/api/nursing-authorizations", SPECIALIST, nursing(caseId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String path(String id) {
        return "/api/nursing-authorizations/" + id;
    }

    static Map<String, Object> nursing(String caseId) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("caseId", caseId);
        request.put("patientRef", "PT-88");
        request.put("payer", Map.of("payerId", "PAYER-ABC", "plan", "COMMERCIAL"));
        request.put("agencyOrgId", "HHA-7");
        request.put("serviceCode", "99601");
        request.put("frequency", "2w4");
        request.put("requestedFrom", "2026-12-01");
        request.put("requestedTo", "2026-12-28");
        return request;
    }

    static Map<String, Object> approval(int visits) {
        return Map.of("outcome", "APPROVED", "authorizationNumber", "67890", "validFrom", "2026-12-01",
                "validTo", "2026-12-28", "approvedVisits", visits);
    }

    static Map<String, Object> visit(String visitStart) {
        return visit(Map.of("visitStart", visitStart));
    }

    /** A valid visit with some fields replaced or added. */
    static Map<String, Object> visit(Map<String, Object> changes) {
        Map<String, Object> visit = new LinkedHashMap<>();
        visit.put("visitStart", "2026-12-08T14:00:00-05:00");
        visit.put("expectedDurationMinutes", 240);
        visit.put("nurseName", "Jones");
        visit.putAll(changes);
        return visit;
    }
}
