package org.homeinfusion.coordinator.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.homeinfusion.support.problem.ApiProblem;
import org.junit.jupiter.api.Test;

class SubscriptionRequestUnitTests {

    private static final String SECRET = "0123456789abcdef";

    @Test
    void eventTypesAreKeptOnceEachInTheContractsOrder() {
        SubscriptionRequest.Checked checked = new SubscriptionRequest("https://hooks.example.org/readiness", SECRET,
                List.of("ReadinessWithdrawn", "ReadyToSchedule", "ReadinessWithdrawn")).checked();

        assertThat(checked.eventTypes()).containsExactly("ReadyToSchedule", "ReadinessWithdrawn");
        assertThat(checked.callbackUrl()).hasHost("hooks.example.org");
    }

    @Test
    void everyBrokenRuleIsReportedAtOnceWithItsField() {
        assertThat(codes(new SubscriptionRequest(null, null, null)))
                .containsExactly("callbackUrl:REQUIRED", "secret:REQUIRED", "eventTypes:REQUIRED");
        assertThat(codes(new SubscriptionRequest("https://h.example.org/#top", "x".repeat(15), Arrays.asList("Ready", null))))
                .containsExactly("callbackUrl:INVALID_URL", "secret:SECRET_LENGTH", "eventTypes:UNKNOWN_EVENT_TYPE");
        assertThat(codes(new SubscriptionRequest("https://h.example.org/" + "a".repeat(2048), SECRET, List.of("ReadyToSchedule"))))
                .containsExactly("callbackUrl:URL_TOO_LONG");
        assertThat(codes(new SubscriptionRequest("https://user@h.example.org/", SECRET, List.of("ReadyToSchedule"))))
                .containsExactly("callbackUrl:USER_INFO_NOT_ALLOWED");
    }

    @Test
    void theSecretNeverAppearsWhenTheRequestIsPrinted() {
        assertThat(new SubscriptionRequest("https://h.example.org/", SECRET, List.of("ReadyToSchedule")).toString())
                .doesNotContain(SECRET);
    }

    private static List<String> codes(SubscriptionRequest request) {
        try {
            request.checked();
        } catch (ApiProblem problem) {
            return problem.violations().stream().map(v -> v.field() + ":" + v.code()).toList();
        }
        throw new AssertionError("accepted " + request);
    }
}
