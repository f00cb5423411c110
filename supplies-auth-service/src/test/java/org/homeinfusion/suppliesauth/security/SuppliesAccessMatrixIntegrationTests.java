package org.homeinfusion.suppliesauth.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeinfusion.support.security.Role.PAYER;
import static org.homeinfusion.support.security.Role.PHARMACY;
import static org.homeinfusion.support.security.Role.SPECIALIST;
import static org.homeinfusion.support.security.Role.SUPPLIER;
import static org.homeinfusion.testsupport.ProblemAssertions.assertProblem;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.homeinfusion.contracts.EventJson;
import org.homeinfusion.contracts.Topics;
import org.homeinfusion.support.security.Role;
import org.homeinfusion.testsupport.AccessMatrixTable;
import org.homeinfusion.testsupport.AccessMatrixTable.Row;
import org.homeinfusion.testsupport.ApiClient;
import org.homeinfusion.testsupport.CapturedRecord;
import org.homeinfusion.testsupport.CaseOrganizations;
import org.homeinfusion.testsupport.CaseOrganizations.Party;
import org.homeinfusion.testsupport.EventCapture;
import org.homeinfusion.testsupport.ManagementEndpoints;
import org.homeinfusion.testsupport.RealInfrastructure;
import org.homeinfusion.testsupport.RejectedToken;
import org.homeinfusion.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Every role of every organization against every supplies endpoint (CONTRACT §3-4, §7), through HTTP
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

    /** The payer stands in for the specialist's partner: the shipper changes between the matrix's runs, the payer does not. */
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

    enum Endpoint {
        REQUEST, READ, LIST_BY_CASE, DECIDE, SCHEDULE_DELIVERY, CANCEL_DELIVERY;

        boolean changesState() {
            return this != READ && this != LIST_BY_CASE;
        }
    }

    /** An endpoint of the authorization {@code supplier} ships: the matrix runs once per supplier. */
    record Shipped(Supplier supplier, Endpoint endpoint) {

        @Override
        public String toString() {
            return "shipped by " + supplier.name().toLowerCase().replace('_', ' ') + ": " + endpoint;
        }
    }

    /**
     * CONTRACT §3-4 and §7 as a table. Creating needs SPECIALIST (the caller's org becomes the case's
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
    final AtomicInteger cases = new AtomicInteger();
    /** Every authorization this class made, with the organization that may read it back. */
    final Map<String, String> created = new ConcurrentHashMap<>();
    /**
     * One per supplier, approved, with a delivery: every change below would succeed for a caller allowed
     * to make it. The rows outside the matrix use the DME supplier's.
     */
    final Map<Supplier, String> sharedBy = new LinkedHashMap<>();
    final Map<Supplier, String> sharedCaseBy = new LinkedHashMap<>();
    String shared;
    String sharedCase;

    @BeforeAll
    void arrange() {
        api = ApiClient.onPort(port);
        events = EventCapture.subscribe(Topics.SUPPLIES_AUTH_EVENTS);
        for (Supplier supplier : Supplier.values()) {
            sharedCaseBy.put(supplier, newCase());
            sharedBy.put(supplier, approvedWithDelivery(supplier, sharedCaseBy.get(supplier)));
        }
        shared = sharedBy.get(Supplier.DME_SUPPLIER);
        sharedCase = sharedCaseBy.get(Supplier.DME_SUPPLIER);
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
        Endpoint endpoint = row.endpoint().endpoint();
        String token = row.token();
        boolean accepted = row.accepted();
        String shared = sharedBy.get(supplier);
        String caseId = endpoint == Endpoint.REQUEST ? newCase() : sharedCaseBy.get(supplier);
        String target = endpoint.changesState() && accepted && endpoint != Endpoint.REQUEST
                ? approvedWithDelivery(supplier, newCase()) : shared;
        JsonNode sharedBefore = read(shared);
        long versionBefore = read(target).get("version").asLong();

        ApiClient.Response response = call(endpoint, target, caseId, token, supplier);

        row.assertAnswered(response);
        switch (endpoint) {
            case REQUEST -> {
                if (accepted) {
                    assertThat(response.json().get("specialistOrgId").asString()).isEqualTo(row.org());
                    created.put(response.json().get("id").asString(), row.org());
                } else {
                    assertThat(api.get(BASE + "?caseId=" + caseId, token).json().size()).isZero();
                }
            }
            case READ -> {
                if (accepted) {
                    assertThat(response.json().get("id").asString()).isEqualTo(shared);
                }
            }
            case LIST_BY_CASE -> {
                List<String> ids = response.json().findValuesAsString("id");
                assertThat(ids.contains(shared)).as("%s sees the authorization", row.org())
                        .isEqualTo(expectedStatus(supplier, Endpoint.READ, row.role(), row.org()) == 200);
                for (JsonNode listed : response.json()) {
                    assertThat(List.of(listed.get("specialistOrgId").asString(), listed.get("supplierOrgId").asString(),
                            listed.get("payer").get("payerId").asString())).contains(row.org());
                }
            }
            default -> {
                if (accepted) {
                    assertThat(response.json().get("version").asLong()).isEqualTo(versionBefore + 1);
                }
            }
        }
        assertThat(read(shared)).as("the shared authorization after %s", row).isEqualTo(sharedBefore);
    }

    static Stream<Arguments> rejectedTokensOnEveryEndpoint() {
        return Arrays.stream(RejectedToken.values())
                .flatMap(token -> Arrays.stream(Endpoint.values()).map(endpoint -> Arguments.of(token, endpoint)));
    }

    @ParameterizedTest(name = "{0} on {1} -> 401")
    @MethodSource("rejectedTokensOnEveryEndpoint")
    @Order(2)
    void everyEndpointRefusesACallWithoutAValidTokenWith401(RejectedToken rejected, Endpoint endpoint) {
        String caseId = endpoint == Endpoint.REQUEST ? newCase() : sharedCase;
        Map.Entry<Role, String> allowed = allowedCaller(endpoint);
        JsonNode sharedBefore = read(shared);

        ApiClient.Response response = call(endpoint, shared, caseId,
                rejected.header(allowed.getValue(), allowed.getKey().name()));

        assertProblem(response, 401);
        assertThat(read(shared)).isEqualTo(sharedBefore);
        assertThat(api.get(BASE + "?caseId=" + caseId, ORGS.bearer(SPECIALIST)).json().size())
                .isEqualTo(caseId.equals(sharedCase) ? 1 : 0);
    }

    @ParameterizedTest(name = "{0} -> 403")
    @EnumSource(Endpoint.class)
    @Order(3)
    void aTokenWithoutAnyRoleIsForbiddenEverywhere(Endpoint endpoint) {
        String caseId = endpoint == Endpoint.REQUEST ? newCase() : sharedCase;
        JsonNode sharedBefore = read(shared);

        assertProblem(call(endpoint, shared, caseId, TestTokens.bearer(ORGS.of(SPECIALIST))), 403);
        assertThat(read(shared)).isEqualTo(sharedBefore);
    }

    @ParameterizedTest(name = "{0} of an unknown id -> 404")
    @EnumSource(value = Endpoint.class, names = {"READ", "DECIDE", "SCHEDULE_DELIVERY", "CANCEL_DELIVERY"})
    @Order(4)
    void anUnknownIdIsNotFoundEvenForTheRightCaller(Endpoint endpoint) {
        Map.Entry<Role, String> allowed = allowedCaller(endpoint);

        assertProblem(call(endpoint, UUID.randomUUID().toString(), sharedCase,
                TestTokens.bearer(allowed.getValue(), allowed.getKey().name())), 404);
    }

    @Test
    @Order(5)
    void anUnknownCaseListsNothing() {
        ApiClient.Response response = api.get(BASE + "?caseId=" + newCase(), ORGS.bearer(SPECIALIST));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().size()).isZero();
    }

    /** Idempotency keys are the caller's organization's: another's key neither replays nor collides. */
    @Test
    @Order(5)
    void anIdempotencyKeyAnotherOrganizationAlreadyUsedReplaysNothingOfIts() {
        Map<String, String> key = Map.of("Idempotency-Key", "shared-key-" + ORGS.run());
        String caseId = newCase();
        String otherSpecialist = ORGS.of(Party.OTHER, SPECIALIST);
        String partner = ORGS.of(Party.PARTNER, SPECIALIST);

        ApiClient.Response own = api.post(BASE, ORGS.bearer(SPECIALIST), suppliesRequest(caseId, Supplier.DME_SUPPLIER), key);
        ApiClient.Response sameBody = api.post(BASE, TestTokens.bearer(otherSpecialist, "SPECIALIST"), suppliesRequest(caseId, Supplier.DME_SUPPLIER), key);
        ApiClient.Response otherBody = api.post(BASE, TestTokens.bearer(partner, "SPECIALIST"), suppliesRequest(newCase(), Supplier.DME_SUPPLIER), key);

        assertThat(List.of(own.status(), sameBody.status(), otherBody.status())).containsExactly(201, 201, 201);
        assertThat(sameBody.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(sameBody.json().get("id")).isNotEqualTo(own.json().get("id"));
        assertThat(sameBody.json().get("specialistOrgId").asString()).isEqualTo(otherSpecialist);
        assertThat(otherBody.json().get("specialistOrgId").asString()).isEqualTo(partner);
        created.put(own.json().get("id").asString(), ORGS.of(SPECIALIST));
        created.put(sameBody.json().get("id").asString(), otherSpecialist);
        created.put(otherBody.json().get("id").asString(), partner);
    }

    @TestFactory
    @Order(6)
    Stream<DynamicTest> healthProbesAndMetricsAnswerAnyoneAndNothingElseIsExposed() {
        return ManagementEndpoints.exposureChecks(api, ORGS.of(SPECIALIST), Role.values());
    }

    /**
     * Runs last: what reached the topic for this class's cases is exactly one event per version of the
     * authorizations the accepted calls made, so no refused call published anything.
     */
    @Test
    @Order(9)
    void theTopicHoldsExactlyTheVersionsTheAcceptedCallsMadeAndNoPatientData() {
        Map<String, Set<Long>> expected = new LinkedHashMap<>();
        created.forEach((id, org) -> expected.put(id, LongStream.rangeClosed(1,
                api.get(BASE + "/" + id, TestTokens.bearer(org, "SPECIALIST")).json().get("version").asLong())
                .boxed().collect(Collectors.toCollection(TreeSet::new))));
        int total = expected.values().stream().mapToInt(Set::size).sum();

        List<CapturedRecord> records = events.awaitRecords(total, r -> r.key().startsWith(ORGS.casePrefix()), Duration.ofSeconds(60));
        events.assertNoFurtherRecord(r -> r.key().startsWith(ORGS.casePrefix()), Duration.ofSeconds(2));

        Map<String, Set<Long>> published = new LinkedHashMap<>();
        for (CapturedRecord record : records) {
            JsonNode authorization = EventJson.mapper().readTree(record.value()).get("authorization");
            published.computeIfAbsent(authorization.get("authorizationId").asString(), id -> new TreeSet<>())
                    .add(authorization.get("version").asLong());
            assertThat(record.value()).doesNotContain(PATIENT_REF).doesNotContain(REASON)
                    .doesNotContain("patientRef").doesNotContain("\"reason\"");
            assertThat(record.headers().values()).noneMatch(header -> header.contains(PATIENT_REF) || header.contains(REASON));
        }
        assertThat(published).isEqualTo(expected);
    }

    /** A role and organization that may call {@code endpoint} on the shared authorization. */
    static Map.Entry<Role, String> allowedCaller(Endpoint endpoint) {
        return switch (endpoint) {
            case REQUEST, READ, LIST_BY_CASE, DECIDE -> Map.entry(SPECIALIST, ORGS.of(SPECIALIST));
            case SCHEDULE_DELIVERY, CANCEL_DELIVERY -> Map.entry(SUPPLIER, ORGS.of(SUPPLIER));
        };
    }

    private ApiClient.Response call(Endpoint endpoint, String id, String caseId, String authorization) {
        return call(endpoint, id, caseId, authorization, Supplier.DME_SUPPLIER);
    }

    private ApiClient.Response call(Endpoint endpoint, String id, String caseId, String authorization, Supplier supplier) {
        return switch (endpoint) {
            case REQUEST -> api.post(BASE, authorization, suppliesRequest(caseId, supplier));
            case READ -> api.get(BASE + "/" + id, authorization);
            case LIST_BY_CASE -> api.get(BASE + "?caseId=" + caseId, authorization);
            case DECIDE -> api.post(BASE + "/" + id + "/decision", authorization, approval());
            case SCHEDULE_DELIVERY -> api.put(BASE + "/" + id + "/delivery", authorization, delivery());
            case CANCEL_DELIVERY -> api.delete(BASE + "/" + id + "/delivery", authorization);
        };
    }

    private String approvedWithDelivery(Supplier supplier, String caseId) {
        ApiClient.Response requested = api.post(BASE, ORGS.bearer(SPECIALIST),
                suppliesRequest(caseId, supplier));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        String id = requested.json().get("id").asString();
        created.put(id, ORGS.of(SPECIALIST));
        assertThat(api.post(BASE + "/" + id + "/decision", ORGS.bearer(PAYER), approval()).status())
                .isEqualTo(200);
        assertThat(api.put(BASE + "/" + id + "/delivery", ORGS.bearer(supplier.role), delivery())
                .status()).isEqualTo(200);
        return id;
    }

    private JsonNode read(String id) {
        ApiClient.Response response = api.get(BASE + "/" + id, ORGS.bearer(SPECIALIST));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private String newCase() {
        return ORGS.casePrefix() + cases.incrementAndGet();
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
