package org.homeinfusion.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeinfusion.testsupport.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

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
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.homeinfusion.testsupport.AccessMatrixTable.Row;
import org.homeinfusion.testsupport.CaseOrganizations.Party;
import org.homeinfusion.testsupport.PillarEndpoint.Effect;
import org.junit.jupiter.api.DynamicTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One pillar service's authorizations as its access-matrix test drives them over HTTP. docs/api.md gives the drug,
 * nursing and supplies pillars the same shape (create in a case, read, list by case, change), so what a call must
 * show beyond its status is the same in all three and is checked here. Every authorization made through this class
 * is remembered, so the test can end by proving the topic holds exactly the versions the accepted calls made.
 */
public final class PillarAuthorizations {

    /** Sends {@code endpoint}'s request for authorization {@code id}, or in case {@code caseId}. */
    @FunctionalInterface
    public interface Call<E> {
        ApiClient.Response send(E endpoint, String id, String caseId, String authorization);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SPECIALIST = "SPECIALIST";

    private final ApiClient api;
    private final String base;
    private final CaseOrganizations organizations;
    private final String assigneeField;
    private final AtomicInteger cases = new AtomicInteger();
    /** Every authorization made, with the specialist organization that may read it back. */
    private final Map<String, String> made = new ConcurrentHashMap<>();

    /**
     * @param base the path of the pillar's authorizations, e.g. {@code /api/drug-authorizations}
     * @param assigneeField the field naming the organization that fulfils an authorization, which may read it along
     *     with its specialist and its payer (docs/api.md), e.g. {@code pharmacyOrgId}
     */
    public PillarAuthorizations(ApiClient api, String base, CaseOrganizations organizations, String assigneeField) {
        this.api = api;
        this.base = base;
        this.organizations = organizations;
        this.assigneeField = assigneeField;
    }

    /** A case id no call has used yet. */
    public String newCase() {
        return organizations.casePrefix() + cases.incrementAndGet();
    }

    /** Requests an authorization as the case's specialist, which must succeed, and remembers it. */
    public String request(Map<String, Object> request) {
        ApiClient.Response requested = api.post(base, specialist(), request);
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        String id = requested.json().get("id").asString();
        remember(id, organizations.specialist(Party.OWN));
        return id;
    }

    /** Remembers an authorization the test made some other way, with the specialist organization that made it. */
    public void remember(String id, String specialistOrg) {
        made.put(id, specialistOrg);
    }

    /** The authorization as the case's specialist reads it; it must be there. */
    public JsonNode read(String id) {
        ApiClient.Response response = api.get(base + "/" + id, specialist());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /**
     * Makes the authorization the matrix rows are tried on, in a case of its own. {@code readyForEveryChange} makes
     * one in a given case on which every change would succeed for a caller allowed to make it; it is used again for
     * each row whose change must succeed, so that the shared one stays as every row found it.
     */
    public SharedAuthorization share(UnaryOperator<String> readyForEveryChange) {
        String caseId = newCase();
        return new SharedAuthorization(readyForEveryChange.apply(caseId), caseId, readyForEveryChange);
    }

    /** One test per endpoint that takes an id: an unknown id is 404 even to a caller allowed to use the endpoint. */
    public <E extends PillarEndpoint> Stream<DynamicTest> unknownIdChecks(E[] endpoints,
            Function<E, ? extends Enum<?>> allowedRole, Call<E> call) {
        return Arrays.stream(endpoints)
                .filter(endpoint -> endpoint.effect() == Effect.READS || endpoint.effect() == Effect.CHANGES)
                .map(endpoint -> dynamicTest(endpoint + " of an unknown id -> 404", () -> assertProblem(call.send(
                        endpoint, UUID.randomUUID().toString(), newCase(),
                        organizations.bearer(allowedRole.apply(endpoint))), 404)));
    }

    /** Listing a case nobody has used is an empty list, not an error. */
    public void assertAnUnknownCaseListsNothing() {
        ApiClient.Response response = api.get(base + "?caseId=" + newCase(), specialist());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().size()).isZero();
    }

    /**
     * Idempotency keys are the caller's organization's: a specialist of another organization sending the same key,
     * with the same body or another, neither replays the first one's authorization nor collides with it.
     */
    public void assertAnIdempotencyKeyIsTheCallersOrganizationsOnly(Function<String, Map<String, Object>> requestIn) {
        Map<String, String> key = Map.of("Idempotency-Key", "shared-key-" + organizations.run());
        String caseId = newCase();
        String own = organizations.specialist(Party.OWN);
        String other = organizations.specialist(Party.OTHER);
        String partner = organizations.specialist(Party.PARTNER);

        ApiClient.Response first = api.post(base, TestTokens.bearer(own, SPECIALIST), requestIn.apply(caseId), key);
        ApiClient.Response sameBody = api.post(base, TestTokens.bearer(other, SPECIALIST), requestIn.apply(caseId), key);
        ApiClient.Response otherBody =
                api.post(base, TestTokens.bearer(partner, SPECIALIST), requestIn.apply(newCase()), key);

        assertThat(List.of(first.status(), sameBody.status(), otherBody.status())).containsExactly(201, 201, 201);
        assertThat(sameBody.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(sameBody.json().get("id")).isNotEqualTo(first.json().get("id"));
        assertThat(sameBody.json().get("specialistOrgId").asString()).isEqualTo(other);
        assertThat(otherBody.json().get("specialistOrgId").asString()).isEqualTo(partner);
        remember(first.json().get("id").asString(), own);
        remember(sameBody.json().get("id").asString(), other);
        remember(otherBody.json().get("id").asString(), partner);
    }

    /**
     * What reached the topic for this run's cases is exactly one event per version of every authorization made, so
     * no refused call published anything; and none carries {@code patientRef} or {@code reason}, by value or by
     * field name. Run it last.
     */
    public void assertTheTopicHoldsExactlyTheVersionsMade(EventCapture events, String patientRef, String reason) {
        Map<String, Set<Long>> expected = new LinkedHashMap<>();
        made.forEach((id, org) -> expected.put(id, LongStream.rangeClosed(1,
                api.get(base + "/" + id, TestTokens.bearer(org, SPECIALIST)).json().get("version").asLong())
                .boxed().collect(Collectors.toCollection(TreeSet::new))));
        int total = expected.values().stream().mapToInt(Set::size).sum();
        Predicate<CapturedRecord> ofThisRun = record -> record.key().startsWith(organizations.casePrefix());

        List<CapturedRecord> records = events.awaitRecords(total, ofThisRun, Duration.ofSeconds(60));
        events.assertNoFurtherRecord(ofThisRun, Duration.ofSeconds(2));

        Map<String, Set<Long>> published = new LinkedHashMap<>();
        for (CapturedRecord record : records) {
            JsonNode authorization = JSON.readTree(record.value()).get("authorization");
            published.computeIfAbsent(authorization.get("authorizationId").asString(), id -> new TreeSet<>())
                    .add(authorization.get("version").asLong());
            assertThat(record.value()).doesNotContain(patientRef).doesNotContain(reason)
                    .doesNotContain("patientRef").doesNotContain("\"reason\"");
            assertThat(record.headers().values())
                    .noneMatch(header -> header.contains(patientRef) || header.contains(reason));
        }
        assertThat(published).isEqualTo(expected);
    }

    private String specialist() {
        return TestTokens.bearer(organizations.specialist(Party.OWN), SPECIALIST);
    }

    /** The authorization the matrix rows are tried on, which none of them may change. */
    public final class SharedAuthorization {

        private final String id;
        private final String caseId;
        private final UnaryOperator<String> readyForEveryChange;

        private SharedAuthorization(String id, String caseId, UnaryOperator<String> readyForEveryChange) {
            this.id = id;
            this.caseId = caseId;
            this.readyForEveryChange = readyForEveryChange;
        }

        /**
         * Sends the row's call and checks, besides its status: an accepted creation names the caller as specialist,
         * a refused one left the case without any; a read returns this authorization; a listing holds this one
         * exactly when {@code callerMayReadIt} and nothing that does not name the caller; an accepted change adds
         * one version. A creation goes to a new case and an accepted change to a new authorization made ready for
         * it, so whatever the row did, this one must be unchanged afterwards.
         */
        public <E extends PillarEndpoint> void assertRow(Row<E, ?> row, Call<E> call, boolean callerMayReadIt) {
            Effect effect = row.endpoint().effect();
            String rowCase = effect == Effect.CREATES ? newCase() : caseId;
            String target = effect == Effect.CHANGES && row.accepted() ? readyForEveryChange.apply(newCase()) : id;
            JsonNode before = read(id);
            long versionBefore = read(target).get("version").asLong();

            ApiClient.Response response = call.send(row.endpoint(), target, rowCase, row.token());

            row.assertAnswered(response);
            switch (effect) {
                case CREATES -> {
                    if (row.accepted()) {
                        assertThat(response.json().get("specialistOrgId").asString()).isEqualTo(row.org());
                        remember(response.json().get("id").asString(), row.org());
                    } else {
                        assertThat(api.get(base + "?caseId=" + rowCase, row.token()).json().size()).isZero();
                    }
                }
                case READS -> {
                    if (row.accepted()) {
                        assertThat(response.json().get("id").asString()).isEqualTo(id);
                    }
                }
                case LISTS_BY_CASE -> {
                    List<String> ids = response.json().findValuesAsString("id");
                    assertThat(ids.contains(id)).as("%s sees the authorization", row.org()).isEqualTo(callerMayReadIt);
                    for (JsonNode listed : response.json()) {
                        assertThat(List.of(listed.get("specialistOrgId").asString(),
                                listed.get(assigneeField).asString(), listed.get("payer").get("payerId").asString()))
                                .contains(row.org());
                    }
                }
                case CHANGES -> {
                    if (row.accepted()) {
                        assertThat(response.json().get("version").asLong()).isEqualTo(versionBefore + 1);
                    }
                }
            }
            assertThat(read(id)).as("the shared authorization after %s", row).isEqualTo(before);
        }

        /**
         * A call to {@code endpoint} that must be refused, on this authorization or, for a creation, in a new case:
         * afterwards this one must be unchanged and the case must list exactly what it did before, this one or none.
         */
        public <E extends PillarEndpoint> RejectedTokenSweep.Attempt refusedAttempt(E endpoint, Call<E> call) {
            String attemptCase = endpoint.effect() == Effect.CREATES ? newCase() : caseId;
            JsonNode before = read(id);
            return RejectedTokenSweep.Attempt.of(authorization -> call.send(endpoint, id, attemptCase, authorization),
                    () -> assertNothingChangedSince(before, attemptCase));
        }

        private void assertNothingChangedSince(JsonNode before, String attemptCase) {
            assertThat(read(id)).isEqualTo(before);
            assertThat(api.get(base + "?caseId=" + attemptCase, specialist()).json().size())
                    .isEqualTo(attemptCase.equals(caseId) ? 1 : 0);
        }
    }
}
