package org.homeinfusion.coordinator.notification;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code webhook-signature} as the Standard Webhooks specification defines it, so receivers can verify a
 * delivery with any of its libraries: {@code v1,<base64 HMAC-SHA256(key, webhook-id + "." + webhook-timestamp
 * + "." + body)>}, one per active secret, separated by spaces.
 *
 * <p>The specification's secrets are {@code whsec_} followed by base64, and the key is the decoded bytes.
 * Subscribers have always been free to choose any secret, so both kinds are accepted: a {@code whsec_}
 * secret whose remainder is base64 is decoded; any other secret's UTF-8 bytes are the key (a receiver passes
 * {@code "whsec_" + base64(secret)} to the libraries). The same rule for every subscriber means an existing
 * subscription needs no change to be verifiable the standard way.
 */
final class StandardWebhookSignature {

    static final String SECRET_PREFIX = "whsec_";
    private static final String ALGORITHM = "HmacSHA256";

    private StandardWebhookSignature() {
    }

    /** The HMAC key a secret stands for. */
    static byte[] key(String secret) {
        if (secret.startsWith(SECRET_PREFIX)) {
            byte[] decoded = decodedOrNull(secret.substring(SECRET_PREFIX.length()));
            if (decoded != null && decoded.length > 0) {
                return decoded;
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether a {@code whsec_} secret carries base64 after its prefix (other secrets are taken as text). */
    static boolean isWellFormed(String secret) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            return true;
        }
        byte[] decoded = decodedOrNull(secret.substring(SECRET_PREFIX.length()));
        return decoded != null && decoded.length > 0;
    }

    /** One {@code v1,…} signature per secret, in the order given, space-separated. */
    static String sign(List<String> secrets, String messageId, long epochSeconds, byte[] body) {
        StringJoiner signatures = new StringJoiner(" ");
        for (String secret : secrets) {
            signatures.add("v1," + Base64.getEncoder().encodeToString(hmac(key(secret), messageId, epochSeconds, body)));
        }
        return signatures.toString();
    }

    private static byte[] hmac(byte[] key, String messageId, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.update((messageId + "." + epochSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            // Every JRE ships HmacSHA256, and an HMAC accepts a non-empty key of any length.
            throw new IllegalStateException(impossible);
        }
    }

    private static byte[] decodedOrNull(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
