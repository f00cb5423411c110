package org.homeinfusion.suppliesauth.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeinfusion.support.security.Role.PAYER;
import static org.homeinfusion.support.security.Role.PHARMACY;
import static org.homeinfusion.support.security.Role.SPECIALIST;
import static org.homeinfusion.support.security.Role.SUPPLIER;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Every role of every organization against every supplies endpoint (docs/api.md), through HTTP
 * against the real database and broker: the exact status each must get, and for every refusal, that
 * nothing changed. At the end the topic must hold exactly the versions the accepted calls made, none of
 * them carrying the patient reference or the decision's reason.
 *
 * <p>The case: specialist {@code SPEC-A} asked for separately billed supplies, payer {@code PAYER-A}
 * decides them, and they are shipped either by a DME supplier {@code DME-A} or by the case's pharmacy
 * {@code PHARM-A} itself; the matrix runs once for each. Agency {@code HHA-A} takes part in the case but
 * not in its supplies. Each role is tried from its own organization in the case, from an organization
 * of the same kind outside it, and from a partner's organization (its role, someone else's org).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuppliesAccessMatrixIntegrationTests {

    /** The payer is the specialist's partner: it is named in the authorization whichever supplier ships it. */
    static final CaseOrganizations ORGS = CaseOrganizations.forThisRun(PAYER);
    static final String PATIENT_REF = "PT-" + ORGS.run();
    static final String REASON = "Reviewed " + ORGS.run() + " against the plan of care";
    static final String BASE = "/api/supplies-authorizations";

    /** Who ships the supplies: the authorization's {@code supplierOrgId}, with the role it ships them in. */
    enum Supplier {
        DME_SUPPLIER(SUPPLIER), HOME_INFUSION_PHARMACY(PHARMACY);

        final Role role;

        Supplier(Role role) {
            this.role = role;
        }

        String org() {
            return ORGS.of(role);
        }
    }

    enum Endpoint implements PillarEndpoint {
        REQUEST, READ, LIST_BY_CASE, DECIDE, SCHEDULE_DELIVERY, CANCEL_DELIVERY;

        @Override
        public Effect effect() {
            return PillarEndpoint.effectOf(this, REQUEST, READ, LIST_BY_CASE);
        }
    }

    /** An endpoint of the authorization {@code supplier} ships: the matrix runs once per supplier. */
    record Shipped(Supplier supplier, Endpoint endpoint) implements PillarEndpoint {

        @Override
        public Effect effect() {
            return endpoint.effect();
        }

        @Override
        public String toString() {
            return "shipped by " + supplier.name().toLowerCase().replace('_', ' ') + ": " + endpoint;
        }
    }

    /**
     * docs/api.md as a table. Creating needs SPECIALIST (the caller's org becomes the case's
     * specialist org); reading needs only an organization the authorization names (§4: specialist,
     * supplier, and the payer that decides it); deciding needs SPECIALIST of the case's org or PAYER whose
     * org is the payer; the delivery needs SUPPLIER or PHARMACY whose org is the supplier. A role not
     * allowed at all is 403 whatever the id; an allowed role of the wrong organization is 404, as for an
     * unknown id.
     */
    static int expectedStatus(Supplier supplier, Endpoint endpoint, Role role, String org) {
        boolean named = org.equals(ORGS.of(SPECIALIST)) || org.equals(supplier.org()) || org.equals(ORGS.of(PAYER));
        return switch (endpoint) {
            case REQUEST -> role == SPECIALIST ? 201 : 403;
            case READ -> named ? 200 : 404;
            case LIST_BY_CASE -> 200;
            case DECIDE -> role == SPECIALIST ? (org.equals(ORGS.of(SPECIALIST)) ? 200 : 404)
                    : role == PAYER ? (org.equals(ORGS.of(PAYER)) ? 200 : 404) : 403;
            case SCHEDULE_DELIVERY, CANCEL_DELIVERY -> role == SUPPLIER || role == PHARMACY
                    ? (org.equals(supplier.org()) ? 200 : 404) : 403;
        };
    }

    static Stream<Row<Shipped, Role>> matrix() {
        Shipped[] endpoints = Arrays.stream(Supplier.values())
                .flatMap(supplier -> Arrays.stream(Endpoint.values()).map(endpoint -> new Shipped(supplier, endpoint)))
                .toArray(Shipped[]::new);
        return AccessMatrixTable.rows(ORGS, endpoints, Role.values(),
                (shipped, role, party, org) -> expectedStatus(shipped.supplier(), shipped.endpoint(), role, org));
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.registerProperties(registry, "supplies_auth");
    }

    @LocalServerPort
    int port;
    ApiClient api;
    EventCapture events;
    PillarAuthorizations authorizations;
    /**
     * One per supplier, approved, with a delivery: every change below would succeed for a caller allowed
     * to make it. The rows outside the matrix use the DME supplier's.
     */
    final Map<Supplier, SharedAuthorization> sharedBy = new EnumMap<>(Supplier.class);

    @BeforeAll
    void arrange() {
        api = ApiClient.onPort(port);
        events = EventCapture.subscribe(Topics.SUPPLIES_AUTH_EVENTS);
        authorizations = new PillarAuthorizations(api, BASE, ORGS, "supplierOrgId");
        for (Supplier supplier : Supplier.values()) {
            sharedBy.put(supplier, authorizations.share(caseId -> approvedWithDelivery(supplier, caseId)));
        }
    }

    @AfterAll
    void closeCapture() {
        events.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    @Order(1)
    void everyRoleOfEveryOrganizationGetsExactlyWhatTheContractAllows(Row<Shipped, Role> row) {
        Supplier supplier = row.endpoint().supplier();
        sharedBy.get(supplier).assertRow(row, this::call,
                expectedStatus(supplier, Endpoint.READ, row.role(), row.org()) == 200);
    }

    @TestFactory
    @Order(2)
    Stream<DynamicContainer> everyEndpointRefusesAnInvalidTokenWith401AndARolelessOneWith403() {
        return RejectedTokenSweep.over(ORGS, Endpoint.values(), SuppliesAccessMatrixIntegrationTests::allowedRole,
                endpoint -> sharedBy.get(Supplier.DME_SUPPLIER).refusedAttempt(endpoint, this::call));
    }

    @TestFactory
    @Order(4)
    Stream<DynamicTest> anUnknownIdIsNotFoundEvenForTheRightCaller() {
        return authorizations.unknownIdChecks(Endpoint.values(), SuppliesAccessMatrixIntegrationTests::allowedRole,
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
                caseId -> suppliesRequest(caseId, Supplier.DME_SUPPLIER));
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

    /** A role that may call {@code endpoint} on the DME supplier's authorization, from its organization in the case. */
    static Role allowedRole(Endpoint endpoint) {
        return switch (endpoint) {
            case REQUEST, READ, LIST_BY_CASE, DECIDE -> SPECIALIST;
            case SCHEDULE_DELIVERY, CANCEL_DELIVERY -> SUPPLIER;
        };
    }

    /** Outside the matrix, every call is about what the DME supplier ships. */
    private ApiClient.Response call(Endpoint endpoint, String id, String caseId, String authorization) {
        return call(new Shipped(Supplier.DME_SUPPLIER, endpoint), id, caseId, authorization);
    }

    private ApiClient.Response call(Shipped shipped, String id, String caseId, String authorization) {
        return switch (shipped.endpoint()) {
            case REQUEST -> api.post(BASE, authorization, suppliesRequest(caseId, shipped.supplier()));
            case READ -> api.get(BASE + "/" + id, authorization);
            case LIST_BY_CASE -> api.get(BASE + "?caseId=" + caseId, authorization);
            case DECIDE -> api.post(BASE + "/" + id + "/decision", authorization, approval());
            case SCHEDULE_DELIVERY -> api.put(BASE + "/" + id + "/delivery", authorization, delivery());
            case CANCEL_DELIVERY -> api.delete(BASE + "/" + id + "/delivery", authorization);
        };
    }

    private String approvedWithDelivery(Supplier supplier, String caseId) {
        String id = authorizations.request(suppliesRequest(caseId, supplier));
        assertThat(api.post(BASE + "/" + id + "/decision", ORGS.bearer(PAYER), approval()).status()).isEqualTo(200);
        assertThat(api.put(BASE + "/" + id + "/delivery", ORGS.bearer(supplier.role), delivery()).status())
                .isEqualTo(200);
        return id;
    }

    static Map<String, Object> suppliesRequest(String caseId, Supplier supplier) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("caseId", caseId);
        request.put("patientRef", PATIENT_REF);
        request.put("payer", Map.of("payerId", ORGS.of(PAYER), "plan", "COMMERCIAL"));
        request.put("supplierOrgId", supplier.org());
        request.put("coverage", "SEPARATE");
        request.put("items", List.of(Map.of("hcpcsCode", "E0781", "quantity", 1), Map.of("hcpcsCode", "A4222", "quantity", 30)));
        return request;
    }

    static Map<String, Object> approval() {
        return Map.of("outcome", "APPROVED", "authorizationNumber", "24680", "validFrom", "2026-12-01",
                "validTo", "2027-05-31", "reason", REASON);
    }

    static Map<String, Object> delivery() {
        return Map.of("etaStart", "2026-12-07T09:00:00-05:00", "etaEnd", "2026-12-07T12:00:00-05:00");
    }
}
