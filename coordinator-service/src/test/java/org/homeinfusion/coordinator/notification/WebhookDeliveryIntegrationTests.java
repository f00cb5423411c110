package org.homeinfusion.coordinator.notification;

import org.homeinfusion.testsupport.CaseIds;
import org.homeinfusion.testsupport.WebhookReceiver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.homeinfusion.coordinator.SeedStoryEvents;
import org.homeinfusion.testsupport.CapturedRecord;
import org.homeinfusion.testsupport.RealInfrastructure;
import org.homeinfusion.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks end to end: pillar events drive a case to READY through the real broker, the coordinator
 * publishes the readiness event, and real HTTP receivers get it signed, retried and isolated from
 * each other as docs/api.md (Notifications) promises.
 */
class WebhookDeliveryIntegrationTests extends NotificationIntegrationSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSpecialistsReceiverGetsReadyToScheduleOnceAndSignedAndOtherOrganizationsGetNothing() throws Exception {
        String specialist = newOrg("SPEC");
        String outsider = newOrg("SPEC");
        String caseId = CaseIds.unique();
        try (WebhookReceiver ours = WebhookReceiver.healthy();
                WebhookReceiver withdrawalsOnly = WebhookReceiver.healthy();
                WebhookReceiver theirs = WebhookReceiver.healthy();
                SeedStoryEvents story = new SeedStoryEvents(specialist, caseId)) {
            UUID subscription = subscribe(specialist, ours.url(), "ReadyToSchedule");
            subscribe(specialist, withdrawalsOnly.url(), "ReadinessWithdrawn");
            subscribe(outsider, theirs.url(), "ReadyToSchedule", "ReadinessWithdrawn");

            story.send(story.readyStory());
            CapturedRecord event = awaitReadiness(caseId, "ReadyToSchedule");

            WebhookReceiver.Request request = ours.awaitRequests(1, Duration.ofSeconds(30)).get(0);
            assertThat(request.header("X-Event-Id")).isEqualTo(event.header("ce_id"));
            assertThat(request.header("X-Event-Type")).isEqualTo("ReadyToSchedule");
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(request.body()).isEqualTo(event.value());
            assertThat(Long.parseLong(request.header("X-Timestamp"))).isCloseTo(Instant.now().getEpochSecond(), within(60L));
            assertThat(request.header("X-Signature"))
                    .isEqualTo(expectedSignature(SECRET, request.header("X-Timestamp"), request.body()));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode delivery = deliveries(specialist, subscription).get(0);
                assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
                assertThat(delivery.get("eventId").asString()).isEqualTo(event.header("ce_id"));
                assertThat(delivery.get("caseId").asString()).isEqualTo(caseId);
                assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
                assertThat(delivery.get("lastHttpStatus").asInt()).isEqualTo(200);
            });
            // The same record again, as a redelivery after a rebalance would bring it: nothing new is sent.
            republish(event);
            Thread.sleep(3_000);
            assertThat(ours.requests()).hasSize(1);
            assertThat(deliveries(specialist, subscription).size()).isEqualTo(1);
            assertThat(withdrawalsOnly.requests()).isEmpty();
            assertThat(theirs.requests()).isEmpty();
        }
    }

    @Test
    void aBatchOfReadinessRecordsSchedulesEachEventOnceAndOnlyWhatTheSubscriberCanAskFor() throws Exception {
        String specialist = newOrg("SPEC");
        try (WebhookReceiver receiver = WebhookReceiver.healthy()) {
            subscribe(specialist, receiver.url(), "ReadyToSchedule", "ReadinessWithdrawn");
            Instant subscribed = Instant.now();
            String ready = UUID.randomUUID().toString();
            String withdrawn = UUID.randomUUID().toString();
            // Sent together, so the coordinator reads them as one batch.
            publishTogether(List.of(
                    readinessRecord(ready, "ReadyToSchedule", specialist, subscribed.plusSeconds(1)),
                    readinessRecord(ready, "ReadyToSchedule", specialist, subscribed.plusSeconds(1)),
                    readinessRecord(UUID.randomUUID().toString(), "ReadinessWithdrawn", specialist,
                            subscribed.minusSeconds(3600)),
                    readinessRecord(withdrawn, "ReadinessWithdrawn", specialist, subscribed.plusSeconds(2)),
                    unreadable(readinessRecord(UUID.randomUUID().toString(), "ReadyToSchedule", specialist,
                            subscribed.plusSeconds(3)))));

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.requests().size() >= 2);
            Thread.sleep(2_000);
            assertThat(receiver.requests()).extracting(request -> request.header("X-Event-Id"))
                    .containsExactlyInAnyOrder(ready, withdrawn);
        }
    }

    @Test
    void deliveriesLeftBehindByAStoppedOrCrashedInstanceAreTakenOverAndDelivered() throws Exception {
        String specialist = newOrg("SPEC");
        try (WebhookReceiver receiver = WebhookReceiver.healthy()) {
            UUID subscription = subscribe(specialist, receiver.url(), "ReadyToSchedule");
            // As the queue holds them after a restart: one still pending, one claimed by an instance that died mid-cycle.
            String pending = leftBehind(subscription, specialist, "PENDING", null);
            String orphaned = leftBehind(subscription, specialist, "IN_FLIGHT", UUID.randomUUID());

            await().atMost(Duration.ofSeconds(15)).until(() -> receiver.requests().size() >= 2);
            assertThat(receiver.requests()).extracting(request -> request.header("X-Event-Id"))
                    .containsExactlyInAnyOrder(pending, orphaned);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(texts(deliveries(specialist, subscription), "status")).containsOnly("DELIVERED"));
        }
    }

    @Test
    void everyOrganizationTakingPartInTheCaseIsNotified() throws Exception {
        String specialist = newOrg("SPEC");
        String caseId = CaseIds.unique();
        // The seed story assigns the nursing pillar to agency HHA-7, so HHA-7 takes part in the case.
        try (WebhookReceiver agency = WebhookReceiver.healthy(); SeedStoryEvents story = new SeedStoryEvents(specialist, caseId)) {
            UUID subscription = subscribe("HHA-7", agency.url(), "ReadyToSchedule");
            try {
                story.send(story.readyStory());
                CapturedRecord event = awaitReadiness(caseId, "ReadyToSchedule");

                await().atMost(Duration.ofSeconds(30)).until(() -> agency.requests().stream()
                        .anyMatch(r -> event.header("ce_id").equals(r.header("X-Event-Id"))));
            } finally {
                api().delete("/api/subscriptions/" + subscription, TestTokens.bearer("HHA-7", "AGENCY"));
            }
        }
    }

    @Test
    void aReceiverThatFailsAtFirstGetsTheEventOnRetryWithTheSameEventIdAndAFreshSignature() throws Exception {
        String specialist = newOrg("SPEC");
        String caseId = CaseIds.unique();
        try (WebhookReceiver flaky = WebhookReceiver.failingFirst(2); SeedStoryEvents story = new SeedStoryEvents(specialist, caseId)) {
            UUID subscription = subscribe(specialist, flaky.url(), "ReadyToSchedule");

            story.send(story.readyStory());
            CapturedRecord event = awaitReadiness(caseId, "ReadyToSchedule");

            List<WebhookReceiver.Request> requests = flaky.awaitRequests(3, Duration.ofSeconds(30));
            for (WebhookReceiver.Request request : requests) {
                assertThat(request.header("X-Event-Id")).isEqualTo(event.header("ce_id"));
                assertThat(request.body()).isEqualTo(event.value());
                assertThat(request.header("X-Signature"))
                        .isEqualTo(expectedSignature(SECRET, request.header("X-Timestamp"), request.body()));
            }
            // Backoff: the retries are spread out, not fired back to back.
            assertThat(Duration.between(requests.get(0).receivedAt(), requests.get(2).receivedAt()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(2_500));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode delivery = deliveries(specialist, subscription).get(0);
                assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
                assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
                List<String> outcomes = new ArrayList<>();
                List<Integer> statuses = new ArrayList<>();
                delivery.get("recentAttempts").forEach(attempt -> {
                    outcomes.add(attempt.get("outcome").asString());
                    statuses.add(attempt.get("httpStatus").asInt());
                });
                assertThat(outcomes).containsExactly("HTTP_ERROR", "HTTP_ERROR", "DELIVERED");
                assertThat(statuses).containsExactly(500, 500, 200);
            });
        }
    }

    @Test
    void aDeadEndpointDoesNotDelayAHealthySubscriber() throws Exception {
        String specialist = newOrg("SPEC");
        String caseId = CaseIds.unique();
        try (SilentEndpoints dead = new SilentEndpoints(); WebhookReceiver healthy = WebhookReceiver.healthy();
                SeedStoryEvents story = new SeedStoryEvents(specialist, caseId)) {
            UUID refusing = subscribe(specialist, dead.refusingUrl(), "ReadyToSchedule");
            UUID hanging = subscribe(specialist, dead.hangingUrl(), "ReadyToSchedule");
            subscribe(specialist, healthy.url(), "ReadyToSchedule");

            story.send(story.readyStory());
            awaitReadiness(caseId, "ReadyToSchedule");

            // Well under the hanging endpoint's 5 s timeout: the healthy subscriber did not wait for it.
            healthy.awaitRequests(1, Duration.ofSeconds(3));

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(texts(deliveries(specialist, refusing).get(0).get("recentAttempts"), "outcome"))
                        .isNotEmpty().containsOnly("NETWORK_ERROR");
                assertThat(texts(deliveries(specialist, hanging).get(0).get("recentAttempts"), "outcome"))
                        .isNotEmpty().containsOnly("TIMEOUT");
            });
        }
    }

    @Test
    void aDeadEndpointsCircuitOpensSoItsDeliveriesWaitInsteadOfHammeringIt() throws Exception {
        String specialist = newOrg("SPEC");
        String caseId = CaseIds.unique();
        try (SilentEndpoints dead = new SilentEndpoints(); SeedStoryEvents story = new SeedStoryEvents(specialist, caseId)) {
            UUID refusing = subscribe(specialist, dead.refusingUrl(), "ReadyToSchedule", "ReadinessWithdrawn");

            // Three events, so that even if two coordinator instances shared the work, one of them would make
            // enough failed calls (minimum-calls, default 5) to open its breaker.
            story.send(story.readyStory());
            awaitReadiness(caseId, "ReadyToSchedule");
            story.send(story.visitCancelled(4));
            awaitReadiness(caseId, "ReadinessWithdrawn");
            story.send(story.visitConfirmed(5, OffsetDateTime.parse("2026-12-10T14:00:00-05:00")));

            await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
                JsonNode log = deliveries(specialist, refusing);
                assertThat(log.size()).isEqualTo(3);
                assertThat(texts(log, "lastError")).anyMatch(error -> error.startsWith("Circuit breaker open"));
                assertThat(texts(log, "status")).containsOnly("PENDING");
            });
        }
    }

    /** A delivery row as a previous instance left it; a lapsed claim has its lease end in the past. */
    private String leftBehind(UUID subscription, String specialist, String status, UUID claimToken) {
        String eventId = UUID.randomUUID().toString();
        jdbc.sql("""
                        INSERT INTO webhook_delivery (id, subscription_id, event_id, event_type, specialist_org_id, case_id,
                                                      payload, status, next_attempt_at, claim_token, created_at)
                        VALUES (:id, :subscription, :eventId, 'ReadyToSchedule', :org, 'CASE-LEFT', :payload, :status,
                                now() - interval '1 second', :token, now() - interval '10 minutes')""")
                .param("id", UUID.randomUUID()).param("subscription", subscription).param("eventId", eventId)
                .param("org", specialist).param("payload", "{\"caseId\":\"CASE-LEFT\"}".getBytes(StandardCharsets.UTF_8))
                .param("status", status).param("token", claimToken)
                .update();
        return eventId;
    }

    /** A readiness record as the coordinator's relay writes it; the value carries only what routing reads. */
    private static ProducerRecord<String, String> readinessRecord(String eventId, String eventName, String specialist,
            Instant occurredAt) {
        String caseId = CaseIds.unique();
        ProducerRecord<String, String> record = new ProducerRecord<>("case-readiness.events", caseId,
                "{\"specialistOrgId\":\"" + specialist + "\",\"caseId\":\"" + caseId + "\",\"occurredAt\":\""
                        + occurredAt + "\"}");
        record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", ("org.homeinfusion." + eventName).getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static ProducerRecord<String, String> unreadable(ProducerRecord<String, String> record) {
        return new ProducerRecord<>(record.topic(), null, record.key(), "{not json", record.headers());
    }

    private static void publishTogether(List<ProducerRecord<String, String>> records) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.LINGER_MS_CONFIG, 50))) {
            records.forEach(producer::send);
            producer.flush();
        }
    }

    /** Writes a copy of a readiness record (same ce_id, same value) onto the topic. */
    private static void republish(CapturedRecord record) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            ProducerRecord<String, String> copy = new ProducerRecord<>(record.topic(), record.key(), record.value());
            record.headers().forEach((name, value) -> copy.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(copy).get(10, TimeUnit.SECONDS);
        }
    }
}
