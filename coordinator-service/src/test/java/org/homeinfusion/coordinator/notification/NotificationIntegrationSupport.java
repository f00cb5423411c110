package org.homeinfusion.coordinator.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.homeinfusion.contracts.Topics;
import org.homeinfusion.testsupport.ApiClient;
import org.homeinfusion.testsupport.CapturedRecord;
import org.homeinfusion.testsupport.CapturedTopic;
import org.homeinfusion.testsupport.RealInfrastructure;
import org.homeinfusion.testsupport.TestTokens;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The coordinator against the real broker and PostgreSQL, shared by the notification integration tests
 * (one application context for all of them). Every test uses organizations of its own, so the events of
 * other tests, which run on the same broker and database, never reach its receivers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class NotificationIntegrationSupport {

    static final String SECRET = "whsec-0123456789abcdef";

    @RegisterExtension
    static final CapturedTopic readiness = CapturedTopic.of(Topics.CASE_READINESS_EVENTS);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.registerProperties(registry, "coordinator");
    }

    @LocalServerPort
    int port;

    ApiClient api() {
        return ApiClient.onPort(port);
    }

    static String newOrg(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String bearer(String org) {
        return TestTokens.bearer(org, "SPECIALIST");
    }

    static Map<String, Object> subscription(String callbackUrl, String secret, String... eventTypes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("callbackUrl", callbackUrl);
        body.put("secret", secret);
        body.put("eventTypes", List.of(eventTypes));
        return body;
    }

    UUID subscribe(String org, String callbackUrl, String... eventTypes) {
        ApiClient.Response created = api().post("/api/subscriptions", bearer(org), subscription(callbackUrl, SECRET, eventTypes));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    JsonNode deliveries(String org, UUID subscription) {
        ApiClient.Response response = api().get("/api/subscriptions/" + subscription + "/deliveries", bearer(org));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** The non-null text values of {@code field} in each element of {@code array}. */
    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> {
            JsonNode value = element.get(field);
            if (value != null && !value.isNull()) {
                values.add(value.asString());
            }
        });
        return values;
    }

    static CapturedRecord awaitReadiness(String caseId, String eventName) {
        return readiness.awaitRecord(r -> caseId.equals(r.key()) && r.header("ce_type").endsWith("." + eventName),
                Duration.ofSeconds(60));
    }

    static CapturedRecord awaitReadinessVersion(String caseId, String eventName, long version) {
        return readiness.awaitRecord(r -> caseId.equals(r.key()) && r.header("ce_type").endsWith("." + eventName)
                && r.value().contains("\"readinessVersion\":" + version + ","), Duration.ofSeconds(60));
    }

    /** The signature a receiver computes to authenticate a delivery, independently of the service's code. */
    static String expectedSignature(String secret, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }
}
