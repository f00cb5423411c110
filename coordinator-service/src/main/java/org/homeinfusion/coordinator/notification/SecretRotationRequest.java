package org.homeinfusion.coordinator.notification;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.homeinfusion.support.problem.ApiProblem;
import org.homeinfusion.support.problem.Violation;
import org.springframework.http.HttpStatus;

/**
 * {@code POST /api/subscriptions/{id}/secret-rotation}: the new secret, and how long the replaced one keeps
 * signing beside it ({@code overlap}, an ISO-8601 duration such as {@code PT24H}; {@code PT0S} drops it at once).
 */
record SecretRotationRequest(String secret, String overlap) {

    /** The overlap to apply, or a 400 listing everything wrong. */
    Duration checkedOverlap(SecretRotationProperties properties) {
        List<Violation> violations = new ArrayList<>();
        SubscriptionRequest.checkSecret(secret, violations);
        Duration parsed = properties.defaultOverlap();
        if (overlap != null) {
            try {
                parsed = Duration.parse(overlap);
                if (parsed.isNegative()) {
                    violations.add(new Violation("overlap", "INVALID_OVERLAP", "overlap must not be negative"));
                } else if (parsed.compareTo(properties.maxOverlap()) > 0) {
                    violations.add(new Violation("overlap", "OVERLAP_TOO_LONG",
                            "overlap must be at most " + properties.maxOverlap()));
                }
            } catch (DateTimeParseException notADuration) {
                violations.add(new Violation("overlap", "INVALID_OVERLAP",
                        "overlap must be an ISO-8601 duration such as PT24H"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", violations.get(0).message(), violations);
        }
        return parsed;
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "SecretRotationRequest[overlap=" + overlap + "]";
    }
}
