package org.homeinfusion.coordinator.notification;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Signature: sha256=<hex HMAC-SHA256(secret, X-Timestamp + "." + body)>} (docs/api.md, Notifications). The
 * timestamp is inside the signed text so a receiver can refuse an old, replayed request.
 */
final class WebhookSignature {

    static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    static String sign(String secret, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            // Every JRE ships HmacSHA256, and an HMAC accepts a key of any length.
            throw new IllegalStateException(impossible);
        }
    }
}
