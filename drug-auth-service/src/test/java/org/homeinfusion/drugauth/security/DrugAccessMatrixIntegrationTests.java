package org.homeinfusion.drugauth.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.homeinfusion.support.security.Role.PAYER;
import static org.homeinfusion.support.security.Role.PHARMACY;
import static org.homeinfusion.support.security.Role.SPECIALIST;
import static org.homeinfusion.testsupport.ProblemAssertions.assertProblem;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.homeinfusion.contracts.Topics;
import org.homeinfusion.support.security.Role;
import org.homeinfusion.testsupport.AccessMatrixTable;
import org.homeinfusion.testsupport.AccessMatrixTable.Row;
import org.homeinfusion.testsupport.ApiClient;
import org.homeinfusion.testsupport.CaseOrganizations;
import org.homeinfusion.testsupport.EventCapture;
import org.homeinfusion.testsupport.ManagementEndpoints;
import org.homeinfusion.testsupport.PillarAuthorizations;
import org.homeinfusion.testsupport.PillarAuthorizations.SharedAuthorization;
import org.homeinfusion.testsupport.PillarEndpoint;
import org.homeinfusion.testsupport.RealInfrastructure;
import org.homeinfusion.testsupport.RejectedTokenSweep;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every role of every organization against every drug endpoint (docs/api.md), through HTTP against
 * the real database and broker: the exact status each must get, and for every refusal, that nothing
 * changed. At the end the topic must hold exactly the versions the accepted calls made, none of them
 * carrying the patient reference or the decision's reason.
 *
 * <p>The case: specialist {@code SPEC-A} asked for the drug, pharmacy {@code PHARM-A} delivers it, payer
 * {@code PAYER-A} decides it; agency {@code HHA-A} and supplier {@code DME-A} take part in the same case
 * but not in its drug authorization. Each role is tried from its own organization in the case, from
 * an organization of the same kind outside it, and from a partner's organization (its role, someone
 * else's org).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DrugAccessMatrixIntegrationTests {

    /** The specialist's partner in a drug authorization is the pharmacy that delivers it. */
    static final CaseOrganizations ORGS = CaseOrganizations.forThisRun(PHARMACY);
    static final String PATIENT_REF = "PT-" + ORGS.run();
    static final String REASON = "Reviewed " + ORGS.run() + " against the plan of care";
    static final String BASE = "/api/drug-authorizations";

    enum Endpoint implements PillarEndpoint {
        REQUEST, READ, LIST_BY_CASE, DECIDE, SCHEDULE_DELIVERY, CANCEL_DELIVERY;

        @Override
        public Effect effect() {
            return PillarEndpoint.effectOf(this, REQUEST, READ, LIST_BY_CASE);
        }
    }

    /**
     * docs/api.md as a table. Creating needs SPECIALIST (the caller's org becomes the case's specialist
     * org); reading needs only an organization the authorization names (§4: specialist, pharmacy, and the
     * payer that decides it); deciding needs SPECIALIST of the case's org or PAYER whose org is the payer;
     * the delivery needs PHARMACY whose org is the pharmacy. A role not allowed at all is 403 whatever the
     * id; an allowed role of the wrong organization is 404, as for an unknown id.
     */
    static int expectedStatus(Endpoint endpoint, Role role, String org) {
        boolean named = org.equals(ORGS.of(SPECIALIST)) || org.equals(ORGS.of(PHARMACY)) || org.equals(ORGS.of(PAYER));
        return switch (endpoint) {
            case REQUEST -> role == SPECIALIST ? 201 : 403;
            case READ -> named ? 200 : 404;
            case LIST_BY_CASE -> 200;
            case DECIDE -> role == SPECIALIST ? (org.equals(ORGS.of(SPECIALIST)) ? 200 : 404)
                    : role == PAYER ? (org.equals(ORGS.of(PAYER)) ? 200 : 404) : 403;
            case SCHEDULE_DELIVERY, CANCEL_DELIVERY -> role == PHARMACY
                    ? (org.equals(ORGS.of(PHARMACY)) ? 200 : 404) : 403;
        };
    }

    static Stream<Row<Endpoint, Role>> matrix() {
        return AccessMatrixTable.rows(ORGS, Endpoint.values(), Role.values(),
                (endpoint, role, party, org) -> expectedStatus(endpoint, role, org));
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.registerProperties(registry, "drug_auth");
    }

    @LocalServerPort
    int port;
    ApiClient api;
    EventCapture events;
    PillarAuthorizations authorizations;
    /** Approved, with a delivery: every change below would succeed for a caller allowed to make it. */
    SharedAuthorization shared;

    @BeforeAll
    void arrange() {
        api = ApiClient.onPort(port);
        events = EventCapture.subscribe(Topics.DRUG_AUTH_EVENTS);
        authorizations = new PillarAuthorizations(api, BASE, ORGS, "pharmacyOrgId");
        shared = authorizations.share(this::approvedWithDelivery);
    }

    @AfterAll
    void closeCapture() {
        events.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    @Order(1)
    void everyRoleOfEveryOrganizationGetsExactlyWhatTheContractAllows(Row<Endpoint, Role> row) {
        shared.assertRow(row, this::call, expectedStatus(Endpoint.READ, row.role(), row.org()) == 200);
    }

    @TestFactory
    @Order(2)
    Stream<DynamicContainer> everyEndpointRefusesAnInvalidTokenWith401AndARolelessOneWith403() {
        return RejectedTokenSweep.over(ORGS, Endpoint.values(), DrugAccessMatrixIntegrationTests::allowedRole,
                endpoint -> shared.refusedAttempt(endpoint, this::call));
    }

    @TestFactory
    @Order(4)
    Stream<DynamicTest> anUnknownIdIsNotFoundEvenForTheRightCaller() {
        return authorizations.unknownIdChecks(Endpoint.values(), DrugAccessMatrixIntegrationTests::allowedRole,
                this::call);
    }

    @Test
    @Order(5)
    void anUnknownCaseListsNothing() {
        authorizations.assertAnUnknownCaseListsNothing();
    }

    @Test
    @Order(5)
    void anIdempotencyKeyAnotherOrganizationAlreadyUsedReplaysNothingOfIts() {
        authorizations.assertAnIdempotencyKeyIsTheCallersOrganizationsOnly(
                DrugAccessMatrixIntegrationTests::drugRequest);
    }

    @TestFactory
    @Order(6)
    Stream<DynamicTest> healthProbesAndMetricsAnswerAnyoneAndNothingElseIsExposed() {
        return ManagementEndpoints.exposureChecks(api, ORGS.of(SPECIALIST), Role.values());
    }

    @Test
    @Order(8)
    @ExtendWith(OutputCaptureExtension.class)
    void theRequestLogNamesTheCallerButNeverItsTokenOrWhatItSent(CapturedOutput output) {
        String token = ORGS.bearer(SPECIALIST);
        String caseId = authorizations.newCase();
        String probe = "PT-LOGPROBE-" + ORGS.run();
        Map<String, Object> request = drugRequest(caseId);
        request.put("patientRef", probe);
        Map<String, Object> unknownField = drugRequest(caseId);
        unknownField.put("patientName", "Mary " + probe);

        ApiClient.Response accepted = api.post(BASE, token, request);
        assertProblem(api.post(BASE, token, unknownField), 400);
        assertThat(api.get(BASE + "?caseId=" + caseId + "&patientRef=" + probe, token).status()).isEqualTo(200);

        assertThat(accepted.status()).isEqualTo(201);
        authorizations.remember(accepted.json().get("id").asString(), ORGS.of(SPECIALIST));
        String caller = "org=" + ORGS.of(SPECIALIST) + " sub=user-" + ORGS.of(SPECIALIST);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getOut())
                .containsPattern("method=POST path=" + BASE + " query=- status=201 durationMs=\\d+ " + caller)
                .containsPattern("method=POST path=" + BASE + " query=- status=400 durationMs=\\d+ " + caller)
                .containsPattern("method=GET path=" + BASE + " query=caseId=" + caseId
                        + "&\\[redacted\\] status=200 durationMs=\\d+ " + caller));
        assertThat(output.getAll()).doesNotContain(probe).doesNotContain(token.substring("Bearer ".length()));
    }

    /** Runs last, so every authorization the class made is in. */
    @Test
    @Order(9)
    void theTopicHoldsExactlyTheVersionsTheAcceptedCallsMadeAndNoPatientData() {
        authorizations.assertTheTopicHoldsExactlyTheVersionsMade(events, PATIENT_REF, REASON);
    }

    /** A role that may call {@code endpoint} on the shared authorization, from its organization in the case. */
    static Role allowedRole(Endpoint endpoint) {
        return switch (endpoint) {
            case REQUEST, READ, LIST_BY_CASE, DECIDE -> SPECIALIST;
            case SCHEDULE_DELIVERY, CANCEL_DELIVERY -> PHARMACY;
        };
    }

    private ApiClient.Response call(Endpoint endpoint, String id, String caseId, String authorization) {
        return switch (endpoint) {
            case REQUEST -> api.post(BASE, authorization, drugRequest(caseId));
            case READ -> api.get(BASE + "/" + id, authorization);
            case LIST_BY_CASE -> api.get(BASE + "?caseId=" + caseId, authorization);
            case DECIDE -> api.post(BASE + "/" + id + "/decision", authorization, approval());
            case SCHEDULE_DELIVERY -> api.put(BASE + "/" + id + "/delivery", authorization, delivery());
            case CANCEL_DELIVERY -> api.delete(BASE + "/" + id + "/delivery", authorization);
        };
    }

    private String approvedWithDelivery(String caseId) {
        String id = authorizations.request(drugRequest(caseId));
        assertThat(api.post(BASE + "/" + id + "/decision", ORGS.bearer(PAYER), approval()).status()).isEqualTo(200);
        assertThat(api.put(BASE + "/" + id + "/delivery", ORGS.bearer(PHARMACY), delivery()).status()).isEqualTo(200);
        return id;
    }

    static Map<String, Object> drugRequest(String caseId) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("caseId", caseId);
        request.put("patientRef", PATIENT_REF);
        request.put("payer", Map.of("payerId", ORGS.of(PAYER), "plan", "COMMERCIAL"));
        request.put("placeOfService", "12");
        request.put("hcpcsCode", "J1569");
        request.put("ndc", null);
        request.put("dose", Map.of("quantity", 28, "unit", "g"));
        request.put("pharmacyOrgId", ORGS.of(PHARMACY));
        request.put("requestedFrom", "2026-12-01");
        request.put("requestedTo", "2027-05-31");
        return request;
    }

    static Map<String, Object> approval() {
        return Map.of("outcome", "APPROVED", "authorizationNumber", "12345", "validFrom", "2026-12-01",
                "validTo", "2027-05-31", "approvedUnits", 56, "reason", REASON);
    }

    static Map<String, Object> delivery() {
        return Map.of("etaStart", "2026-12-08T08:00:00-05:00", "etaEnd", "2026-12-08T11:00:00-05:00",
                "beyondUseAt", "2026-12-09T08:00:00-05:00", "trackingRef", "TRK-" + ORGS.run());
    }
}
