package org.homeinfusion.coordinator.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class WebhookPropertiesUnitTests {

    @Test
    void theLongestCycleIsEveryAttemptTimingOutPlusEveryPause() {
        // 4 × (2s + 5s) + 1s + 2s + 4s
        assertThat(WebhookProperties.longestCycle(4, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(1),
                2, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(35));
        // Pauses are capped at maxBackoff: 3 × 1s + 1s + 2s (capped)
        assertThat(WebhookProperties.longestCycle(3, Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofSeconds(1),
                10, Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void refusesAClaimThatCouldLapseWhileItsCycleStillRuns() {
        assertThatThrownBy(() -> properties(Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("claim-timeout");
        assertThat(properties(Duration.ofMinutes(2)).claimTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    private static WebhookProperties properties(Duration claimTimeout) {
        return new WebhookProperties(false, false, Duration.ofSeconds(2), Duration.ofSeconds(5), 4, Duration.ofSeconds(1),
                2, Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(24), claimTimeout, Duration.ofSeconds(1),
                64, 4, 8, new WebhookProperties.BreakerSettings(50, 10, 5, Duration.ofSeconds(30)), 25,
                Duration.ofDays(14), Duration.ofSeconds(30), 20);
    }
}
