package org.homeinfusion.coordinator.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WebhookSignatureUnitTests {

    private static final byte[] BODY = "{\"caseId\":\"CASE-1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTheTimestampADotAndTheBodyWithTheSubscribersSecret() {
        // printf '1700000000.{"caseId":"CASE-1"}' | openssl dgst -sha256 -hmac 'a-secret-of-24-characters'
        assertThat(WebhookSignature.sign("a-secret-of-24-characters", 1_700_000_000L, BODY))
                .isEqualTo("sha256=499902ccec3c9af4d14075bafcf11a9dc4aea8ce81dd5c8305d993d94dd25054");
    }

    @Test
    void aDifferentTimestampOrSecretGivesADifferentSignature() {
        String signature = WebhookSignature.sign("a-secret-of-24-characters", 1_700_000_000L, BODY);

        assertThat(WebhookSignature.sign("a-secret-of-24-characters", 1_700_000_001L, BODY)).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign("another-secret-of-24-chars", 1_700_000_000L, BODY)).isNotEqualTo(signature);
    }
}
