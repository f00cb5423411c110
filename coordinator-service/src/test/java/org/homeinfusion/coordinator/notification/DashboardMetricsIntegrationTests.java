package org.homeinfusion.coordinator.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.homeinfusion.coordinator.SeedStoryEvents;
import org.homeinfusion.testsupport.CaseIds;
import org.homeinfusion.testsupport.WebhookReceiver;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every metric the Grafana dashboards query exists on a real service's {@code /actuator/prometheus} once the
 * service has done its ordinary work, so a renamed meter cannot leave a panel silently empty. The coordinator
 * serves a superset of the pillar services' metrics (HTTP, JVM, outbox), so scraping it covers every panel.
 */
class DashboardMetricsIntegrationTests extends NotificationIntegrationSupport {

    private static final Path DASHBOARDS = Path.of("..", "docker", "grafana", "dashboards");
    private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without)\\s*\\([^)]*\\)");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern IDENTIFIER = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(\\s*\\()?");

    @Test
    void everyMetricTheDashboardsQueryIsServedAfterAReadyCaseAndAWebhookDelivery() throws Exception {
        Set<String> queried = metricsQueriedByTheDashboards();
        assertThat(queried).contains("readiness_time_to_ready_seconds_bucket", "http_server_requests_seconds_bucket",
                "spring_cloud_stream_binder_kafka_offset", "outbox_backlog");

        String specialist = newOrg("SPEC");
        String caseId = CaseIds.unique();
        try (WebhookReceiver receiver = WebhookReceiver.healthy(); SeedStoryEvents story = new SeedStoryEvents(specialist, caseId)) {
            subscribe(specialist, receiver.url(), "ReadyToSchedule");
            story.send(story.readyStory());
            receiver.awaitRequests(1, Duration.ofSeconds(60));
        }
        assertThat(api().get("/api/cases/" + caseId + "/readiness", bearer(specialist)).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Set<String> served = servedMetrics();
            assertThat(queried.stream().filter(metric -> !served.contains(metric)).toList()).as("queried but not served")
                    .isEmpty();
        });
    }

    private Set<String> servedMetrics() {
        return Arrays.stream(api().get("/actuator/prometheus", null).body().split("\n"))
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toSet());
    }

    /** The metric names in every panel's PromQL: what is left once labels, groupings, ranges and functions go. */
    static Set<String> metricsQueriedByTheDashboards() throws IOException {
        Set<String> metrics = new TreeSet<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode dashboard = JsonMapper.builder().build().readTree(file.toFile());
                for (JsonNode expr : dashboard.findValues("expr")) {
                    metrics.addAll(metricsIn(expr.asString()));
                }
            }
        }
        return metrics;
    }

    static Set<String> metricsIn(String promql) {
        String bare = RANGES.matcher(GROUPING.matcher(LABEL_MATCHERS.matcher(promql).replaceAll("")).replaceAll(""))
                .replaceAll("");
        Set<String> metrics = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            boolean function = identifier.group(2) != null;
            if (!function && !Set.of("by", "without", "and", "or", "unless", "on", "ignoring", "offset", "bool")
                    .contains(identifier.group(1))) {
                metrics.add(identifier.group(1));
            }
        }
        return metrics;
    }

    @Test
    void readsMetricNamesOutOfPromQl() {
        assertThat(metricsIn("histogram_quantile(0.95, sum by (le, job) (rate(http_server_requests_seconds_bucket"
                + "{uri=~\"/api/.*\", status=~\"5..\"}[5m])))")).containsExactly("http_server_requests_seconds_bucket");
        assertThat(metricsIn("max by (state) (readiness_cases)")).containsExactly("readiness_cases");
    }
}
