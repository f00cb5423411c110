package org.homeinfusion.coordinator.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.homeinfusion.testsupport.ApiClient;
import org.homeinfusion.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/api.md subscriptions through the HTTP API: validation, ownership, idempotency, and a secret that stays secret. */
class SubscriptionApiIntegrationTests extends NotificationIntegrationSupport {

    private static final String RECEIVER = "http://127.0.0.1:9/hooks";

    @Test
    void aSubscriptionIsCreatedForTheCallersOrganizationAndNeverShowsItsSecret() {
        String org = newOrg("PHARM");
        ApiClient.Response created = api().post("/api/subscriptions", TestTokens.bearer(org, "PHARMACY"),
                subscription(RECEIVER, SECRET, "ReadinessWithdrawn", "ReadyToSchedule"));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/subscriptions/" + id);
        assertThat(created.json().get("callbackUrl").asString()).isEqualTo(RECEIVER);
        assertThat(created.json().get("eventTypes").toString()).isEqualTo("[\"ReadyToSchedule\",\"ReadinessWithdrawn\"]");
        assertThat(created.json().get("createdAt").isNull()).isFalse();

        ApiClient.Response one = api().get("/api/subscriptions/" + id, TestTokens.bearer(org, "PHARMACY"));
        ApiClient.Response all = api().get("/api/subscriptions", TestTokens.bearer(org, "PHARMACY"));
        ApiClient.Response deliveries = api().get("/api/subscriptions/" + id + "/deliveries", TestTokens.bearer(org, "PHARMACY"));
        assertThat(one.status()).isEqualTo(200);
        assertThat(all.json().findValuesAsString("id")).containsExactly(id);
        assertThat(deliveries.status()).isEqualTo(200);
        for (ApiClient.Response response : List.of(created, one, all, deliveries)) {
            assertThat(response.body()).doesNotContain(SECRET).doesNotContain("secret");
        }
    }

    @Test
    void anotherOrganizationsSubscriptionIsNotFound() {
        String owner = newOrg("SPEC");
        UUID id = subscribe(owner, RECEIVER, "ReadyToSchedule");
        String intruder = TestTokens.bearer(newOrg("SPEC"), "SPECIALIST");

        assertThat(api().get("/api/subscriptions/" + id, intruder).status()).isEqualTo(404);
        assertThat(api().get("/api/subscriptions/" + id + "/deliveries", intruder).status()).isEqualTo(404);
        assertThat(api().delete("/api/subscriptions/" + id, intruder).status()).isEqualTo(404);
        assertThat(api().get("/api/subscriptions", intruder).json().size()).isZero();
        assertThat(api().get("/api/subscriptions/" + UUID.randomUUID(), bearer(owner)).status()).isEqualTo(404);

        assertThat(api().delete("/api/subscriptions/" + id, bearer(owner)).status()).isEqualTo(204);
        assertThat(api().get("/api/subscriptions/" + id, bearer(owner)).status()).isEqualTo(404);
        assertThat(api().delete("/api/subscriptions/" + id, bearer(owner)).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.1/hooks", "not a url", "/relative/hooks", "mailto:hooks@example.org",
            "http://user:password@127.0.0.1/hooks", "http:///no-host", "http://127.0.0.1:99999/hooks"})
    void aCallbackThatIsNotAPlainAbsoluteHttpUrlIsRefused(String callbackUrl) {
        ApiClient.Response refused = api().post("/api/subscriptions", bearer(newOrg("SPEC")),
                subscription(callbackUrl, SECRET, "ReadyToSchedule"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("violations").findValuesAsString("field")).contains("callbackUrl");
    }

    @Test
    void aCallbackUrlLongerThan2048CharactersIsRefused() {
        String base = "http://127.0.0.1/";
        String longest = base + "a".repeat(2048 - base.length());

        assertThat(api().post("/api/subscriptions", bearer(newOrg("SPEC")),
                subscription(longest + "a", SECRET, "ReadyToSchedule")).status()).isEqualTo(400);
        assertThat(api().post("/api/subscriptions", bearer(newOrg("SPEC")),
                subscription(longest, SECRET, "ReadyToSchedule")).status()).isEqualTo(201);
    }

    @Test
    void aMissingOrBadlySizedSecretIsRefusedWithoutEchoingIt() {
        String tooShort = "short-secret";
        String tooLong = "s".repeat(257);
        Map<String, Object> missing = subscription(RECEIVER, null, "ReadyToSchedule");

        for (Object body : List.of(missing, subscription(RECEIVER, tooShort, "ReadyToSchedule"),
                subscription(RECEIVER, tooLong, "ReadyToSchedule"))) {
            ApiClient.Response refused = api().post("/api/subscriptions", bearer(newOrg("SPEC")), body);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().has("violations")).as(refused.toString()).isTrue();
            assertThat(refused.json().get("violations").findValuesAsString("field")).containsExactly("secret");
            assertThat(refused.body()).doesNotContain(tooShort).doesNotContain(tooLong);
        }
    }

    @Test
    void unknownOrMissingEventTypesAreRefused() {
        ApiClient.Response unknown = api().post("/api/subscriptions", bearer(newOrg("SPEC")),
                subscription(RECEIVER, SECRET, "ReadyToSchedule", "DrugAuthorizationDecided"));
        ApiClient.Response none = api().post("/api/subscriptions", bearer(newOrg("SPEC")), subscription(RECEIVER, SECRET));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("violations").findValuesAsString("code")).contains("UNKNOWN_EVENT_TYPE");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().has("violations")).as(none.toString()).isTrue();
        assertThat(none.json().get("violations").findValuesAsString("field")).contains("eventTypes");
    }

    @Test
    void aCallbackIntoAPrivateNetworkIsRefusedEvenWhereLoopbackIsAllowed() {
        for (String url : List.of("http://10.0.0.8/hooks", "http://169.254.169.254/latest/meta-data", "http://[fd00::1]/x")) {
            ApiClient.Response refused = api().post("/api/subscriptions", bearer(newOrg("SPEC")),
                    subscription(url, SECRET, "ReadyToSchedule"));

            assertThat(refused.status()).as(url).isEqualTo(422);
            assertThat(refused.json().get("violations").findValuesAsString("code")).containsExactly("CALLBACK_HOST_NOT_ALLOWED");
        }
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyReturnsTheSameSubscription() {
        String org = newOrg("SPEC");
        Map<String, String> key = Map.of("Idempotency-Key", "subscribe-" + UUID.randomUUID());
        Map<String, Object> body = subscription(RECEIVER, SECRET, "ReadyToSchedule");

        ApiClient.Response first = api().post("/api/subscriptions", bearer(org), body, key);
        ApiClient.Response retry = api().post("/api/subscriptions", bearer(org), body, key);
        ApiClient.Response otherBody = api().post("/api/subscriptions", bearer(org),
                subscription(RECEIVER, SECRET + "-changed", "ReadyToSchedule"), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.json().get("violations").findValuesAsString("code")).containsExactly("IDEMPOTENCY_KEY_REUSED");
        assertThat(api().get("/api/subscriptions", bearer(org)).json().size()).isEqualTo(1);
    }

    @Test
    void subscriptionsNeedAToken() {
        assertThat(api().post("/api/subscriptions", null, subscription(RECEIVER, SECRET, "ReadyToSchedule")).status())
                .isEqualTo(401);
        assertThat(api().get("/api/subscriptions", null).status()).isEqualTo(401);
    }
}
