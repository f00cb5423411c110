package org.homeinfusion.coordinator.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalDouble;

import org.homeinfusion.coordinator.SeedStoryEvents;
import org.homeinfusion.testsupport.CaseIds;
import org.homeinfusion.testsupport.WebhookReceiver;
import org.junit.jupiter.api.Test;

/** What an operator sees on {@code /actuator/prometheus}: delivery outcomes and latency, cases and blockers. */
class ObservabilityIntegrationTests extends NotificationIntegrationSupport {

    @Test
    void deliveriesAreCountedAndTimedByOutcome() throws Exception {
        String specialist = newOrg("SPEC");
        String caseId = CaseIds.unique();
        double deliveredBefore = metric("webhook_delivery_attempts_total", "outcome=\"delivered\"").orElse(0);
        try (WebhookReceiver receiver = WebhookReceiver.healthy(); SeedStoryEvents story = new SeedStoryEvents(specialist, caseId)) {
            subscribe(specialist, receiver.url(), "ReadyToSchedule");
            story.send(story.readyStory());
            receiver.awaitRequests(1, Duration.ofSeconds(60));
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(metric("webhook_delivery_attempts_total", "outcome=\"delivered\"").orElse(0))
                    .isGreaterThan(deliveredBefore);
            assertThat(metric("webhook_deliveries_total", "outcome=\"delivered\"")).isPresent();
            assertThat(metric("webhook_delivery_latency_seconds_count", "outcome=\"delivered\"")).isPresent();
        });
        assertThat(metric("webhook_deliveries_backlog", "status=\"PENDING\"")).isPresent();
    }

    @Test
    void casesByStateAndBlockersByCodeAreReportedIncludingZeros() {
        assertThat(metric("readiness_cases", "state=\"READY\"")).isPresent();
        assertThat(metric("readiness_cases", "state=\"NOT_READY\"")).isPresent();
        assertThat(metric("readiness_blockers", "code=\"DELIVERY_AFTER_VISIT\"")).isPresent();
        assertThat(metric("readiness_blockers", "code=\"VISIT_OUTSIDE_SUPPLIES_AUTH\"")).isPresent();
        assertThat(metric("readiness_stream_clients", "")).isPresent();
    }

    /** The value of the first sample of {@code name} whose labels contain {@code label}. */
    private OptionalDouble metric(String name, String label) {
        String scrape = api().get("/actuator/prometheus", null).body();
        return Arrays.stream(scrape.split("\n"))
                .filter(line -> line.startsWith(name + "{") && line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }
}
