package org.homeinfusion.coordinator.notification;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.homeinfusion.support.problem.ApiProblem;
import org.homeinfusion.support.problem.Violation;
import org.springframework.http.HttpStatus;

/**
 * {@code POST /api/subscriptions}. Every rule is checked in {@link #checked()} rather than with Bean
 * Validation annotations, so each refusal carries the field and a specific code in its problem details.
 */
record SubscriptionRequest(String callbackUrl, String secret, List<String> eventTypes) {

    static final int URL_MAX = 2048;
    static final int SECRET_MIN = 16;
    static final int SECRET_MAX = 256;

    /** The URL and event types in canonical form, or a 400 listing everything wrong. */
    Checked checked() {
        List<Violation> violations = new ArrayList<>();
        URI url = null;
        if (callbackUrl == null || callbackUrl.isBlank()) {
            violations.add(new Violation("callbackUrl", "REQUIRED", "callbackUrl is required"));
        } else if (callbackUrl.length() > URL_MAX) {
            violations.add(new Violation("callbackUrl", "URL_TOO_LONG", "callbackUrl must be at most " + URL_MAX + " characters"));
        } else {
            url = parseUrl(violations);
        }
        checkSecret(secret, violations);
        List<String> types = new ArrayList<>();
        if (eventTypes == null || eventTypes.isEmpty()) {
            violations.add(new Violation("eventTypes", "REQUIRED", "eventTypes must name at least one event"));
        } else {
            if (!eventTypes.stream().allMatch(NotifiedEvents::isNotified)) {
                violations.add(new Violation("eventTypes", "UNKNOWN_EVENT_TYPE",
                        "eventTypes may only contain " + String.join(", ", NotifiedEvents.ALL)));
            }
            for (String known : NotifiedEvents.ALL) {
                if (eventTypes.contains(known)) {
                    types.add(known);
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", violations.get(0).message(), violations);
        }
        return new Checked(url, types);
    }

    record Checked(URI callbackUrl, List<String> eventTypes) {
    }

    /** The rules of a subscriber's secret, at subscription and at rotation. Messages state the rule, never the value. */
    static void checkSecret(String secret, List<Violation> violations) {
        if (secret == null || secret.isEmpty()) {
            violations.add(new Violation("secret", "REQUIRED", "secret is required"));
        } else if (secret.length() < SECRET_MIN || secret.length() > SECRET_MAX) {
            violations.add(new Violation("secret", "SECRET_LENGTH",
                    "secret must be " + SECRET_MIN + " to " + SECRET_MAX + " characters"));
        } else if (!StandardWebhookSignature.isWellFormed(secret)) {
            // Otherwise the receiver's Standard Webhooks library and we would derive different keys from it.
            violations.add(new Violation("secret", "SECRET_NOT_BASE64",
                    "a secret starting with whsec_ must continue with base64, as Standard Webhooks secrets do"));
        }
    }

    private URI parseUrl(List<Violation> violations) {
        URI url;
        try {
            url = new URI(callbackUrl);
        } catch (URISyntaxException e) {
            violations.add(new Violation("callbackUrl", "INVALID_URL", "callbackUrl is not a valid URL"));
            return null;
        }
        String scheme = url.getScheme() == null ? null : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !("http".equals(scheme) || "https".equals(scheme)) || url.isOpaque()) {
            violations.add(new Violation("callbackUrl", "INVALID_URL", "callbackUrl must be an absolute http or https URL"));
        } else if (url.getHost() == null || url.getHost().isEmpty()) {
            violations.add(new Violation("callbackUrl", "INVALID_URL", "callbackUrl must name a host"));
        } else if (url.getRawUserInfo() != null) {
            // Credentials in a URL end up in logs and in the subscription listing; the secret is the authentication.
            violations.add(new Violation("callbackUrl", "USER_INFO_NOT_ALLOWED", "callbackUrl must not contain user:password@"));
        } else if (url.getPort() > 65535) {
            violations.add(new Violation("callbackUrl", "INVALID_URL", "callbackUrl has an invalid port"));
        } else if (url.getRawFragment() != null) {
            violations.add(new Violation("callbackUrl", "INVALID_URL", "callbackUrl must not have a #fragment"));
        }
        return url;
    }

    /** Never prints the secret, so a logged request cannot leak it. */
    @Override
    public String toString() {
        return "SubscriptionRequest[callbackUrl=" + callbackUrl + ", eventTypes=" + eventTypes + "]";
    }
}
