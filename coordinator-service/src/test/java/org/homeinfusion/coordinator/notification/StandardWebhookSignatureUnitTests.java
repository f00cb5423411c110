package org.homeinfusion.coordinator.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.junit.jupiter.api.Test;

class StandardWebhookSignatureUnitTests {

    private static final String BODY = "{\"caseId\":\"CASE-1\"}";
    private static final String PLAIN = "a-secret-of-24-characters";
    private static final String WHSEC = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void aWhsecSecretIsDecodedAsTheSpecificationSays() throws Exception {
        long now = Instant.now().getEpochSecond();
        String signature = StandardWebhookSignature.sign(List.of(WHSEC), "msg_1", now, bytes(BODY));

        new Webhook(WHSEC).verify(BODY, headers("msg_1", now, signature));
        assertThat(signature).isEqualTo(new Webhook(WHSEC).sign("msg_1", now, BODY));
    }

    @Test
    void anyOtherSecretsUtf8BytesAreTheKey() throws Exception {
        long now = Instant.now().getEpochSecond();
        String signature = StandardWebhookSignature.sign(List.of(PLAIN), "msg_1", now, bytes(BODY));

        new Webhook("whsec_" + Base64.getEncoder().encodeToString(bytes(PLAIN))).verify(BODY, headers("msg_1", now, signature));
        new Webhook(bytes(PLAIN)).verify(BODY, headers("msg_1", now, signature));
    }

    @Test
    void aWhsecPrefixWithoutBase64IsRefusedAtSubscriptionButStillSignsAsText() {
        assertThat(StandardWebhookSignature.isWellFormed("whsec_not*base64*at*all")).isFalse();
        assertThat(StandardWebhookSignature.isWellFormed(WHSEC)).isTrue();
        assertThat(StandardWebhookSignature.isWellFormed(PLAIN)).isTrue();
        assertThat(StandardWebhookSignature.key("whsec_not*base64*at*all"))
                .isEqualTo(bytes("whsec_not*base64*at*all"));
    }

    @Test
    void duringARotationBothSecretsSignAndEitherVerifies() throws Exception {
        long now = Instant.now().getEpochSecond();
        String signature = StandardWebhookSignature.sign(List.of(PLAIN, WHSEC), "msg_2", now, bytes(BODY));

        assertThat(signature.split(" ")).hasSize(2).allMatch(part -> part.startsWith("v1,"));
        new Webhook(WHSEC).verify(BODY, headers("msg_2", now, signature));
        new Webhook(bytes(PLAIN)).verify(BODY, headers("msg_2", now, signature));
        assertThatThrownBy(() -> new Webhook(bytes("some-third-secret-000")).verify(BODY, headers("msg_2", now, signature)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void theIdAndTimestampAreSignedSoNeitherCanBeSwapped() {
        long now = Instant.now().getEpochSecond();
        String signature = StandardWebhookSignature.sign(List.of(WHSEC), "msg_1", now, bytes(BODY));

        assertThatThrownBy(() -> new Webhook(WHSEC).verify(BODY, headers("msg_other", now, signature)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(WHSEC).verify(BODY, headers("msg_1", now - 1, signature)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void theReplacedSecretSignsOnlyUntilTheOverlapEnds() {
        Instant endsAt = Instant.parse("2026-12-08T12:00:00Z");
        DeliveryStore.Claimed claimed = new DeliveryStore.Claimed(UUID.randomUUID(), UUID.randomUUID(), "e", "ReadyToSchedule",
                bytes(BODY), endsAt, URI.create("http://127.0.0.1/"), "new-secret-0000000", "old-secret-0000000", endsAt,
                null);

        assertThat(claimed.activeSecrets(endsAt.minusSeconds(1))).containsExactly("old-secret-0000000", "new-secret-0000000");
        assertThat(claimed.activeSecrets(endsAt)).containsExactly("new-secret-0000000");
    }

    private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(signature));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
