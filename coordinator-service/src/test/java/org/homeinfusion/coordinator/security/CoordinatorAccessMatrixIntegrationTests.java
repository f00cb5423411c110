package org.homeinfusion.coordinator.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.homeinfusion.support.security.Role.AGENCY;
import static org.homeinfusion.support.security.Role.PAYER;
import static org.homeinfusion.support.security.Role.PHARMACY;
import static org.homeinfusion.support.security.Role.SPECIALIST;
import static org.homeinfusion.support.security.Role.SUPPLIER;
import static org.homeinfusion.testsupport.ProblemAssertions.assertProblem;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.homeinfusion.contracts.AuthorizationStatus;
import org.homeinfusion.contracts.Payer;
import org.homeinfusion.contracts.drug.DrugAuthorization;
import org.homeinfusion.contracts.drug.DrugAuthorizationRequested;
import org.homeinfusion.contracts.nursing.NursingAuthorization;
import org.homeinfusion.contracts.nursing.NursingAuthorizationRequested;
import org.homeinfusion.contracts.supplies.SuppliesAuthorization;
import org.homeinfusion.contracts.supplies.SuppliesAuthorizationRequested;
import org.homeinfusion.coordinator.SeedStoryEvents;
import org.homeinfusion.support.security.Role;
import org.homeinfusion.testsupport.AccessMatrixTable;
import org.homeinfusion.testsupport.AccessMatrixTable.Row;
import org.homeinfusion.testsupport.ApiClient;
import org.homeinfusion.testsupport.CaseOrganizations;
import org.homeinfusion.testsupport.CaseOrganizations.Party;
import org.homeinfusion.testsupport.ManagementEndpoints;
import org.homeinfusion.testsupport.RealInfrastructure;
import org.homeinfusion.testsupport.RejectedTokenSweep;
import org.homeinfusion.testsupport.TestTokens;
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
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Every role of every organization against every coordinator endpoint (docs/api.md, docs/readiness-rules.md), through
 * HTTP against the real database and broker: the exact status each must get, and for every refusal,
 * that nothing changed.
 *
 * <p>The case: specialist {@code SPEC-A} requested all three pillars, to be delivered by pharmacy
 * {@code PHARM-A} and supplier {@code DME-A} and visited by agency {@code HHA-A}; payer {@code PAYER-A}
 * pays for them. The case stays NOT_READY, so no readiness event and no webhook is ever sent for it.
 * Readiness is shown to the organizations taking part in the case: the specialist and every organization
 * assigned to one of its authorizations. The payer decides in the pillar services but is not told about
 * schedules, so it sees no readiness. Subscriptions belong to the organization that made them. Each role
 * is tried from its own organization, from one of the same kind outside the case, and from a partner's
 * organization (its role, someone else's org).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CoordinatorAccessMatrixIntegrationTests {

    /** The pharmacy is the specialist's partner; any organization of the case would do, as all see its readiness. */
    static final CaseOrganizations ORGS = CaseOrganizations.forThisRun(PHARMACY);
    static final String CASE_ID = ORGS.casePrefix() + "1";
    static final Set<String> PARTICIPANTS =
            Set.of(ORGS.of(SPECIALIST), ORGS.of(PHARMACY), ORGS.of(AGENCY), ORGS.of(SUPPLIER));
    /** Loopback is allowed by the local configuration; the case never becomes READY, so nothing calls it. */
    static final String CALLBACK = "http://127.0.0.1:9/never-called";

    /** The subscription endpoints act on the subscription the role's own organization made. */
    enum Endpoint {
        READINESS, CASES, SUBSCRIBE, SUBSCRIPTIONS, SUBSCRIPTION, DELIVERIES, UNSUBSCRIBE, STREAM
    }

    /**
     * docs/api.md as a table. Every role may call every endpoint (the access matrix allows them all);
     * what it reaches is its organization's: the readiness of cases it takes part in (a case it has no part
     * in is 404, as one never seen), and the subscriptions it made (another's is 404).
     */
    static int expectedStatus(Endpoint endpoint, Party party, String org) {
        return switch (endpoint) {
            case READINESS -> PARTICIPANTS.contains(org) ? 200 : 404;
            case CASES, SUBSCRIPTIONS, STREAM -> 200;
            case SUBSCRIBE -> 201;
            case SUBSCRIPTION, DELIVERIES -> party == Party.OWN ? 200 : 404;
            case UNSUBSCRIBE -> party == Party.OWN ? 204 : 404;
        };
    }

    static Stream<Row<Endpoint, Role>> matrix() {
        return AccessMatrixTable.rows(ORGS, Endpoint.values(), Role.values(),
                (endpoint, role, party, org) -> expectedStatus(endpoint, party, org));
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.registerProperties(registry, "coordinator");
    }

    @LocalServerPort
    int port;
    ApiClient api;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The subscription each role's own organization made before the rows run. */
    final Map<Role, String> subscriptionOf = new EnumMap<>(Role.class);
    /** Every subscription that should exist now, by owning organization. */
    final Map<String, Set<String>> subscriptionsBy = new ConcurrentHashMap<>();

    @BeforeAll
    void arrange() {
        api = ApiClient.onPort(port);
        Instant now = Instant.now();
        Payer payer = new Payer(ORGS.of(PAYER), "COMMERCIAL");
        LocalDate from = LocalDate.parse("2026-12-01");
        LocalDate to = LocalDate.parse("2027-05-31");
        String specialist = ORGS.of(SPECIALIST);
        try (SeedStoryEvents pillars = new SeedStoryEvents(specialist, CASE_ID)) {
            pillars.send(
                    new DrugAuthorizationRequested(new DrugAuthorization(UUID.randomUUID(), CASE_ID, specialist,
                            ORGS.of(PHARMACY), payer, "12", "J1569", null,
                            new DrugAuthorization.Dose(new BigDecimal("28"), "g"),
                            56, from, to, AuthorizationStatus.REQUESTED, null, null, null, null, null, 1, now, now, null, null)),
                    new NursingAuthorizationRequested(new NursingAuthorization(UUID.randomUUID(), CASE_ID, specialist,
                            ORGS.of(AGENCY), payer, "99601", "2w4", 8, from, to, AuthorizationStatus.REQUESTED, null,
                            null, null, null, 0, null, null, 1, now, now, null, null)),
                    new SuppliesAuthorizationRequested(new SuppliesAuthorization(UUID.randomUUID(), CASE_ID,
                            specialist, ORGS.of(SUPPLIER), payer, "SEPARATE", null,
                            List.of(new SuppliesAuthorization.Item("E0781", 1)), AuthorizationStatus.REQUESTED, null,
                            null, null, null, 1, now, now, null, null)));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String participant : PARTICIPANTS) {
                assertThat(api.get("/api/cases/" + CASE_ID + "/readiness", TestTokens.bearer(participant, "SPECIALIST"))
                        .status()).as(participant).isEqualTo(200);
            }
        });
        for (Role role : Role.values()) {
            subscriptionOf.put(role, subscribe(ORGS.of(role), role));
        }
    }

    @AfterAll
    void unsubscribeEverything() {
        subscriptionsBy.forEach((org, ids) -> ids.forEach(id -> api.delete("/api/subscriptions/" + id,
                TestTokens.bearer(org, "SPECIALIST"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    @Order(1)
    void everyRoleOfEveryOrganizationGetsExactlyWhatTheContractAllows(Row<Endpoint, Role> row) {
        String token = row.token();
        String owner = ORGS.of(row.role());
        boolean accepted = row.accepted();
        if (row.endpoint() == Endpoint.STREAM) {
            assertStreamOpens(token);
            return;
        }
        String subscription = row.endpoint() == Endpoint.UNSUBSCRIBE && accepted
                ? subscribe(owner, row.role()) : subscriptionOf.get(row.role());
        JsonNode readinessBefore = readiness();

        ApiClient.Response response = call(row.endpoint(), subscription, token);

        row.assertAnswered(response);
        switch (row.endpoint()) {
            case READINESS -> {
                if (accepted) {
                    assertThat(response.json().get("caseId").asString()).isEqualTo(CASE_ID);
                    assertThat(response.json().get("specialistOrgId").asString()).isEqualTo(ORGS.of(SPECIALIST));
                }
            }
            case CASES -> assertThat(response.json().findValuesAsString("caseId").contains(CASE_ID))
                    .as("%s lists the case", row.org()).isEqualTo(PARTICIPANTS.contains(row.org()));
            case SUBSCRIBE -> {
                String id = response.json().get("id").asString();
                subscriptionsBy.computeIfAbsent(row.org(), org -> ConcurrentHashMap.newKeySet()).add(id);
                assertThat(api.get("/api/subscriptions/" + id, token).status()).isEqualTo(200);
            }
            case SUBSCRIPTIONS -> assertThat(response.json().findValuesAsString("id").contains(subscription))
                    .as("%s lists %s's subscription", row.org(), owner).isEqualTo(row.party() == Party.OWN);
            case SUBSCRIPTION -> {
                if (accepted) {
                    assertThat(response.json().get("id").asString()).isEqualTo(subscription);
                }
            }
            case DELIVERIES -> {
                if (accepted) {
                    assertThat(response.json().isArray()).isTrue();
                }
            }
            case UNSUBSCRIBE -> {
                if (accepted) {
                    subscriptionsBy.get(owner).remove(subscription);
                    assertProblem(api.get("/api/subscriptions/" + subscription, token), 404);
                }
            }
            case STREAM -> throw new IllegalStateException("handled above");
        }
        assertThat(ownerStillHas(owner, row.role(), subscriptionOf.get(row.role())))
                .as("%s's subscription after %s", owner, row).isTrue();
        assertThat(readiness()).isEqualTo(readinessBefore);
    }

    @TestFactory
    @Order(2)
    Stream<DynamicContainer> everyEndpointRefusesAnInvalidTokenWith401AndARolelessOneWith403() {
        return RejectedTokenSweep.over(ORGS, Endpoint.values(), endpoint -> SPECIALIST, this::refusedAttempt);
    }

    @ParameterizedTest(name = "{0} of an unknown id -> 404")
    @EnumSource(value = Endpoint.class, names = {"READINESS", "SUBSCRIPTION", "DELIVERIES", "UNSUBSCRIBE"})
    @Order(4)
    void anUnknownIdIsNotFoundEvenForItsWouldBeOwner(Endpoint endpoint) {
        String token = ORGS.bearer(SPECIALIST);
        ApiClient.Response response = endpoint == Endpoint.READINESS
                ? api.get("/api/cases/" + ORGS.casePrefix() + "never-seen/readiness", token)
                : call(endpoint, UUID.randomUUID().toString(), token);

        assertProblem(response, 404);
    }

    /** Idempotency keys are the caller's organization's: another's key neither replays nor collides. */
    @Test
    @Order(5)
    void anIdempotencyKeyAnotherOrganizationAlreadyUsedReplaysNothingOfIts() {
        Map<String, String> key = Map.of("Idempotency-Key", "shared-key-" + ORGS.run());
        String otherOrg = ORGS.of(Party.OTHER, SPECIALIST);

        ApiClient.Response own = api.post("/api/subscriptions", ORGS.bearer(SPECIALIST),
                subscriptionRequest("/own"), key);
        ApiClient.Response sameBody = api.post("/api/subscriptions", TestTokens.bearer(otherOrg, "SPECIALIST"),
                subscriptionRequest("/own"), key);
        ApiClient.Response otherBody = api.post("/api/subscriptions", ORGS.bearer(PAYER),
                subscriptionRequest("/payer"), key);

        assertThat(List.of(own.status(), sameBody.status(), otherBody.status())).containsExactly(201, 201, 201);
        assertThat(sameBody.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(sameBody.json().get("id")).isNotEqualTo(own.json().get("id"));
        remember(ORGS.of(SPECIALIST), own);
        remember(otherOrg, sameBody);
        remember(ORGS.of(PAYER), otherBody);
        assertProblem(api.get("/api/subscriptions/" + own.json().get("id").asString(),
                TestTokens.bearer(otherOrg, "SPECIALIST")), 404);
    }

    @TestFactory
    @Order(6)
    Stream<DynamicTest> healthProbesAndMetricsAnswerAnyoneAndNothingElseIsExposed() {
        return ManagementEndpoints.exposureChecks(api, ORGS.of(SPECIALIST), Role.values());
    }

    /** Runs last: each organization has exactly the subscriptions its accepted calls made, and no other. */
    @Test
    @Order(9)
    void everyOrganizationHasExactlyTheSubscriptionsItsAcceptedCallsMade() {
        Set<String> organizations = new HashSet<>(subscriptionsBy.keySet());
        for (Role role : Role.values()) {
            for (Party party : Party.values()) {
                organizations.add(ORGS.of(party, role));
            }
        }
        for (String org : organizations) {
            assertThat(listedSubscriptions(org)).as(org).isEqualTo(subscriptionsBy.getOrDefault(org, Set.of()));
        }
    }

    /** Acts on the specialist's own subscription, so the specialist's subscriptions must be as they were. */
    private RejectedTokenSweep.Attempt refusedAttempt(Endpoint endpoint) {
        Set<String> before = listedSubscriptions(ORGS.of(SPECIALIST));
        String subscription = subscriptionOf.get(SPECIALIST);
        return RejectedTokenSweep.Attempt.of(authorization -> call(endpoint, subscription, authorization),
                () -> assertThat(listedSubscriptions(ORGS.of(SPECIALIST))).isEqualTo(before));
    }

    private ApiClient.Response call(Endpoint endpoint, String subscription, String authorization) {
        return switch (endpoint) {
            case READINESS -> api.get("/api/cases/" + CASE_ID + "/readiness", authorization);
            case CASES -> api.get("/api/cases?state=NOT_READY&limit=500", authorization);
            case SUBSCRIBE -> api.post("/api/subscriptions", authorization, subscriptionRequest("/" + UUID.randomUUID()));
            case SUBSCRIPTIONS -> api.get("/api/subscriptions?limit=500", authorization);
            case SUBSCRIPTION -> api.get("/api/subscriptions/" + subscription, authorization);
            case DELIVERIES -> api.get("/api/subscriptions/" + subscription + "/deliveries", authorization);
            case UNSUBSCRIBE -> api.delete("/api/subscriptions/" + subscription, authorization);
            case STREAM -> api.get("/api/readiness/stream", authorization);
        };
    }

    /** The stream stays open, so only its status and type are read before hanging up. */
    private void assertStreamOpens(String authorization) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/readiness/stream"))
                .header("Authorization", authorization).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("text/event-stream"));
            }
        } catch (IOException e) {
            throw new IllegalStateException("the readiness stream did not open", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String subscribe(String org, Role role) {
        ApiClient.Response created = api.post("/api/subscriptions", TestTokens.bearer(org, role.name()),
                subscriptionRequest("/" + role.name().toLowerCase()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return remember(org, created);
    }

    private String remember(String org, ApiClient.Response created) {
        String id = created.json().get("id").asString();
        subscriptionsBy.computeIfAbsent(org, owner -> ConcurrentHashMap.newKeySet()).add(id);
        return id;
    }

    private boolean ownerStillHas(String owner, Role role, String subscription) {
        return api.get("/api/subscriptions/" + subscription, TestTokens.bearer(owner, role.name())).status() == 200;
    }

    private Set<String> listedSubscriptions(String org) {
        ApiClient.Response listed = api.get("/api/subscriptions?limit=500", TestTokens.bearer(org, "SPECIALIST"));
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        return new HashSet<>(listed.json().findValuesAsString("id"));
    }

    private JsonNode readiness() {
        ApiClient.Response response = api.get("/api/cases/" + CASE_ID + "/readiness", ORGS.bearer(SPECIALIST));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static Map<String, Object> subscriptionRequest(String path) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("callbackUrl", CALLBACK + path);
        request.put("secret", "a-webhook-secret-" + ORGS.run());
        request.put("eventTypes", List.of("ReadyToSchedule", "ReadinessWithdrawn"));
        return request;
    }
}
