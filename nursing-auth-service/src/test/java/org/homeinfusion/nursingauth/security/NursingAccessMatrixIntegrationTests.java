package org.homeinfusion.nursingauth.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeinfusion.support.security.Role.AGENCY;
import static org.homeinfusion.support.security.Role.PAYER;
import static org.homeinfusion.support.security.Role.SPECIALIST;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every role of every organization against every nursing endpoint (docs/api.md), through HTTP
 * against the real database and broker: the exact status each must get, and for every refusal, that
 * nothing changed. At the end the topic must hold exactly the versions the accepted calls made, none of
 * them carrying the patient reference or the decision's reason.
 *
 * <p>The case: specialist {@code SPEC-A} asked for the nursing visits, agency {@code HHA-A} makes them,
 * payer {@code PAYER-A} decides them; pharmacy {@code PHARM-A} and supplier {@code DME-A} take part in
 * the same case but not in its nursing authorization. Each role is tried from its own organization in
 * the case, from an organization of the same kind outside it, and from a partner's organization (its
 * role, someone else's org).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NursingAccessMatrixIntegrationTests {

    /** The specialist's partner in a nursing authorization is the agency that makes the visits. */
    static final CaseOrganizations ORGS = CaseOrganizations.forThisRun(AGENCY);
    static final String PATIENT_REF = "PT-" + ORGS.run();
    static final String REASON = "Reviewed " + ORGS.run() + " against the plan of care";
    static final String BASE = "/api/nursing-authorizations";

    enum Endpoint implements PillarEndpoint {
        REQUEST, READ, LIST_BY_CASE, DECIDE, CONFIRM_VISIT, CANCEL_VISIT, COMPLETE_VISIT;

        @Override
        public Effect effect() {
            return PillarEndpoint.effectOf(this, REQUEST, READ, LIST_BY_CASE);
        }
    }

    /**
     * docs/api.md as a table. Creating needs SPECIALIST (the caller's org becomes the case's
     * specialist org); reading needs only an organization the authorization names (§4: specialist, agency,
     * and the payer that decides it); deciding needs SPECIALIST of the case's org or PAYER whose org is the
     * payer; the visit slot needs AGENCY whose org is the agency. A role not allowed at all is 403 whatever
     * the id; an allowed role of the wrong organization is 404, as for an unknown id.
     */
    static int expectedStatus(Endpoint endpoint, Role role, String org) {
        boolean named = org.equals(ORGS.of(SPECIALIST)) || org.equals(ORGS.of(AGENCY)) || org.equals(ORGS.of(PAYER));
        return switch (endpoint) {
            case REQUEST -> role == SPECIALIST ? 201 : 403;
            case READ -> named ? 200 : 404;
            case LIST_BY_CASE -> 200;
            case DECIDE -> role == SPECIALIST ? (org.equals(ORGS.of(SPECIALIST)) ? 200 : 404)
                    : role == PAYER ? (org.equals(ORGS.of(PAYER)) ? 200 : 404) : 403;
            case CONFIRM_VISIT, CANCEL_VISIT, COMPLETE_VISIT -> role == AGENCY
                    ? (org.equals(ORGS.of(AGENCY)) ? 200 : 404) : 403;
        };
    }

    static Stream<Row<Endpoint, Role>> matrix() {
        return AccessMatrixTable.rows(ORGS, Endpoint.values(), Role.values(),
                (endpoint, role, party, org) -> expectedStatus(endpoint, role, org));
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.registerProperties(registry, "nursing_auth");
    }

    @LocalServerPort
    int port;
    ApiClient api;
    EventCapture events;
    PillarAuthorizations authorizations;
    /** Approved for 8 visits, the next one confirmed: every change below would succeed for a caller allowed to make it. */
    SharedAuthorization shared;

    @BeforeAll
    void arrange() {
        api = ApiClient.onPort(port);
        events = EventCapture.subscribe(Topics.NURSING_AUTH_EVENTS);
        authorizations = new PillarAuthorizations(api, BASE, ORGS, "agencyOrgId");
        shared = authorizations.share(this::approvedWithVisit);
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
        return RejectedTokenSweep.over(ORGS, Endpoint.values(), NursingAccessMatrixIntegrationTests::allowedRole,
                endpoint -> shared.refusedAttempt(endpoint, this::call));
    }

    @TestFactory
    @Order(4)
    Stream<DynamicTest> anUnknownIdIsNotFoundEvenForTheRightCaller() {
        return authorizations.unknownIdChecks(Endpoint.values(), NursingAccessMatrixIntegrationTests::allowedRole,
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
                NursingAccessMatrixIntegrationTests::nursingRequest);
    }

    @TestFactory
    @Order(6)
    Stream<DynamicTest> healthProbesAndMetricsAnswerAnyoneAndNothingElseIsExposed() {
        return ManagementEndpoints.exposureChecks(api, ORGS.of(SPECIALIST), Role.values());
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
            case CONFIRM_VISIT, CANCEL_VISIT, COMPLETE_VISIT -> AGENCY;
        };
    }

    private ApiClient.Response call(Endpoint endpoint, String id, String caseId, String authorization) {
        return switch (endpoint) {
            case REQUEST -> api.post(BASE, authorization, nursingRequest(caseId));
            case READ -> api.get(BASE + "/" + id, authorization);
            case LIST_BY_CASE -> api.get(BASE + "?caseId=" + caseId, authorization);
            case DECIDE -> api.post(BASE + "/" + id + "/decision", authorization, approval());
            case CONFIRM_VISIT -> api.put(BASE + "/" + id + "/visit", authorization, visit());
            case CANCEL_VISIT -> api.delete(BASE + "/" + id + "/visit", authorization);
            case COMPLETE_VISIT -> api.post(BASE + "/" + id + "/visit/completion", authorization, null);
        };
    }

    private String approvedWithVisit(String caseId) {
        String id = authorizations.request(nursingRequest(caseId));
        assertThat(api.post(BASE + "/" + id + "/decision", ORGS.bearer(PAYER), approval()).status()).isEqualTo(200);
        assertThat(api.put(BASE + "/" + id + "/visit", ORGS.bearer(AGENCY), visit()).status()).isEqualTo(200);
        return id;
    }

    static Map<String, Object> nursingRequest(String caseId) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("caseId", caseId);
        request.put("patientRef", PATIENT_REF);
        request.put("payer", Map.of("payerId", ORGS.of(PAYER), "plan", "COMMERCIAL"));
        request.put("agencyOrgId", ORGS.of(AGENCY));
        request.put("serviceCode", "99601");
        request.put("frequency", "2w4");
        request.put("requestedFrom", "2026-12-01");
        request.put("requestedTo", "2026-12-28");
        return request;
    }

    static Map<String, Object> approval() {
        return Map.of("outcome", "APPROVED", "authorizationNumber", "67890", "validFrom", "2026-12-01",
                "validTo", "2026-12-28", "approvedVisits", 8, "reason", REASON);
    }

    static Map<String, Object> visit() {
        return Map.of("visitStart", "2026-12-08T14:00:00-05:00", "expectedDurationMinutes", 240, "nurseName", "Jones");
    }
}
