package org.homeinfusion.coordinator.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.homeinfusion.coordinator.SeedStoryEvents;
import org.homeinfusion.testsupport.ApiClient;
import org.homeinfusion.testsupport.CapturedRecord;
import org.homeinfusion.testsupport.CaseIds;
import org.homeinfusion.testsupport.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * Real deliveries to a receiver on 127.0.0.1, verified as a subscriber would verify them: with the Standard
 * Webhooks reference library, for both kinds of secret, before, during and after a secret rotation.
 */
class StandardWebhooksIntegrationTests extends NotificationIntegrationSupport {

    private static final String WHSEC = "whsec_" + Base64.getEncoder().encodeToString(
            "thirty-two-random-bytes-go-here!".getBytes(StandardCharsets.UTF_8));

    @Test
    void aDeliveryVerifiesWithTheStandardWebhooksLibraryWhicheverKindOfSecretWasGiven() throws Exception {
        String specialist = newOrg("SPEC");
        String caseId = CaseIds.unique();
        try (WebhookReceiver plain = WebhookReceiver.healthy(); WebhookReceiver standard = WebhookReceiver.healthy();
                SeedStoryEvents story = new SeedStoryEvents(specialist, caseId)) {
            subscribeWithSecret(specialist, plain.url(), SECRET, "ReadyToSchedule");
            subscribeWithSecret(specialist, standard.url(), WHSEC, "ReadyToSchedule");

            story.send(story.readyStory());
            CapturedRecord event = awaitReadiness(caseId, "ReadyToSchedule");

            WebhookReceiver.Request toPlain = plain.awaitRequests(1, Duration.ofSeconds(30)).get(0);
            new Webhook(asWhsec(SECRET)).verify(toPlain.body(), headers(toPlain));
            assertThat(toPlain.header("webhook-id")).isEqualTo(event.header("ce_id")).isEqualTo(toPlain.header("X-Event-Id"));
            assertThat(toPlain.header("webhook-timestamp")).isEqualTo(toPlain.header("X-Timestamp"));
            // The signature receivers already check is unchanged.
            assertThat(toPlain.header("X-Signature"))
                    .isEqualTo(expectedSignature(SECRET, toPlain.header("X-Timestamp"), toPlain.body()));

            WebhookReceiver.Request toStandard = standard.awaitRequests(1, Duration.ofSeconds(30)).get(0);
            new Webhook(WHSEC).verify(toStandard.body(), headers(toStandard));
            assertThat(toStandard.header("webhook-signature")).doesNotContain(" ");
        }
    }

    @Test
    void duringARotationBothSecretsVerifyAndAfterItOnlyTheNewOne() throws Exception {
        String specialist = newOrg("SPEC");
        String caseId = CaseIds.unique();
        String oldSecret = SECRET;
        String newSecret = WHSEC;
        String lastSecret = "the-third-secret-of-this-story";
        try (WebhookReceiver receiver = WebhookReceiver.healthy(); SeedStoryEvents story = new SeedStoryEvents(specialist, caseId)) {
            UUID subscription = subscribeWithSecret(specialist, receiver.url(), oldSecret,
                    "ReadyToSchedule", "ReadinessWithdrawn");

            ApiClient.Response rotated = rotate(specialist, subscription, newSecret, "PT1H");
            assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
            assertThat(Instant.parse(rotated.json().get("rotationEndsAt").asString()))
                    .isBetween(Instant.now().plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofMinutes(61)));
            assertThat(rotated.body()).doesNotContain(newSecret).doesNotContain(oldSecret);
            // A retried rotation (same secret) must not make the new secret the "old" one.
            assertThat(rotate(specialist, subscription, newSecret, "PT1H").status()).isEqualTo(200);

            story.send(story.readyStory());
            awaitReadiness(caseId, "ReadyToSchedule");
            WebhookReceiver.Request during = receiver.awaitRequests(1, Duration.ofSeconds(30)).get(0);
            assertThat(during.header("webhook-signature").split(" ")).hasSize(2);
            new Webhook(asWhsec(oldSecret)).verify(during.body(), headers(during));
            new Webhook(newSecret).verify(during.body(), headers(during));
            // A receiver not yet switched keeps verifying the single-signature header with the replaced secret.
            assertThat(during.header("X-Signature"))
                    .isEqualTo(expectedSignature(oldSecret, during.header("X-Timestamp"), during.body()));

            // Rotating again without overlap ends the first rotation's overlap as well: only the newest secret signs.
            ApiClient.Response immediate = rotate(specialist, subscription, lastSecret, "PT0S");
            assertThat(immediate.status()).as(immediate.toString()).isEqualTo(200);
            assertThat(immediate.json().get("rotationEndsAt").isNull()).isTrue();

            story.send(story.visitCancelled(4));
            awaitReadiness(caseId, "ReadinessWithdrawn");
            WebhookReceiver.Request after = receiver.awaitRequests(2, Duration.ofSeconds(30)).get(1);
            assertThat(after.header("X-Event-Type")).isEqualTo("ReadinessWithdrawn");
            new Webhook(asWhsec(lastSecret)).verify(after.body(), headers(after));
            assertThatThrownBy(() -> new Webhook(newSecret).verify(after.body(), headers(after)))
                    .isInstanceOf(WebhookVerificationException.class);
            assertThatThrownBy(() -> new Webhook(asWhsec(oldSecret)).verify(after.body(), headers(after)))
                    .isInstanceOf(WebhookVerificationException.class);
            assertThat(after.header("X-Signature"))
                    .isEqualTo(expectedSignature(lastSecret, after.header("X-Timestamp"), after.body()));
        }
    }

    @Test
    void aRotationIsRefusedForAnotherOrganizationsSubscriptionOrWithABadSecretOrOverlap() {
        String owner = newOrg("SPEC");
        UUID subscription = subscribeWithSecret(owner, "http://127.0.0.1:9/hooks", SECRET, "ReadyToSchedule");

        assertThat(rotate(newOrg("SPEC"), subscription, WHSEC, null).status()).isEqualTo(404);
        assertThat(rotate(owner, UUID.randomUUID(), WHSEC, null).status()).isEqualTo(404);
        assertViolation(rotate(owner, subscription, "short", null), "secret", "SECRET_LENGTH");
        assertViolation(rotate(owner, subscription, "whsec_not*base64*at*all", null), "secret", "SECRET_NOT_BASE64");
        assertViolation(rotate(owner, subscription, WHSEC, "a day"), "overlap", "INVALID_OVERLAP");
        assertViolation(rotate(owner, subscription, WHSEC, "-PT1H"), "overlap", "INVALID_OVERLAP");
        assertViolation(rotate(owner, subscription, WHSEC, "P30D"), "overlap", "OVERLAP_TOO_LONG");

        ApiClient.Response byDefault = rotate(owner, subscription, WHSEC, null);
        assertThat(byDefault.status()).isEqualTo(200);
        assertThat(Instant.parse(byDefault.json().get("rotationEndsAt").asString()))
                .isAfter(Instant.now().plus(Duration.ofHours(23)));
        assertThat(api().get("/api/subscriptions/" + subscription, bearer(owner)).json().get("rotationEndsAt").asString())
                .isEqualTo(byDefault.json().get("rotationEndsAt").asString());
    }

    private UUID subscribeWithSecret(String org, String callbackUrl, String secret, String... eventTypes) {
        ApiClient.Response created = api().post("/api/subscriptions", bearer(org), subscription(callbackUrl, secret, eventTypes));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private ApiClient.Response rotate(String org, UUID subscription, String secret, String overlap) {
        Map<String, Object> body = new TreeMap<>();
        body.put("secret", secret);
        if (overlap != null) {
            body.put("overlap", overlap);
        }
        return api().post("/api/subscriptions/" + subscription + "/secret-rotation", bearer(org), body);
    }

    private static void assertViolation(ApiClient.Response response, String field, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("violations").findValuesAsString("code")).contains(code);
        assertThat(response.json().get("violations").findValuesAsString("field")).contains(field);
    }

    /** How a subscriber whose secret is not a {@code whsec_} one hands it to a Standard Webhooks library. */
    private static String asWhsec(String secret) {
        return "whsec_" + Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, List<String>> headers(WebhookReceiver.Request request) {
        return Map.of("webhook-id", List.of(request.header("webhook-id")),
                "webhook-timestamp", List.of(request.header("webhook-timestamp")),
                "webhook-signature", List.of(request.header("webhook-signature")));
    }
}
