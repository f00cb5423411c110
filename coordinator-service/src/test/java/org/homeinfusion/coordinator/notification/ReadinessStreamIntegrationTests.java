package org.homeinfusion.coordinator.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.homeinfusion.contracts.Topics;
import org.homeinfusion.coordinator.SeedStoryEvents;
import org.homeinfusion.testsupport.CapturedRecord;
import org.homeinfusion.testsupport.CaseIds;
import org.homeinfusion.testsupport.RealInfrastructure;
import org.homeinfusion.testsupport.SseClient;
import org.homeinfusion.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live stream (docs/api.md, Notifications): the events of the caller's organization's cases, and no one else's. */
class ReadinessStreamIntegrationTests extends NotificationIntegrationSupport {

    private static boolean streamConsumersAssigned;

    /**
     * The stream's consumer starts at the latest offset, so an event published before it has its partitions
     * would never be streamed; wait until every live stream consumer on the broker has them. (Not in a
     * {@code @BeforeAll}: the application, and with it the consumer, starts with the first test instance.)
     */
    @BeforeEach
    void awaitStreamConsumersAssigned() {
        if (streamConsumersAssigned) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                List<String> anonymous = admin.listConsumerGroups().all().get().stream()
                        .map(ConsumerGroupListing::groupId).filter(id -> id.startsWith("anonymous.")).toList();
                List<ConsumerGroupDescription> live = describe(admin, anonymous).stream()
                        .filter(group -> !group.members().isEmpty()).toList();
                return !live.isEmpty() && live.stream().allMatch(group -> group.members().stream()
                        .anyMatch(member -> member.assignment().topicPartitions().stream()
                                .anyMatch(partition -> partition.topic().equals(Topics.CASE_READINESS_EVENTS))));
            });
        }
        streamConsumersAssigned = true;
    }

    @Test
    void aClientOfAnOrganizationTakingPartReceivesTheEventAndAnotherOrganizationsClientDoesNot() throws Exception {
        String specialist = newOrg("SPEC");
        String caseId = CaseIds.unique();
        try (SseClient specialistStream = SseClient.connect(port, bearer(specialist)).awaitConnected();
                SseClient agencyStream = SseClient.connect(port, TestTokens.bearer("HHA-7", "AGENCY")).awaitConnected();
                SseClient outsiderStream = SseClient.connect(port, bearer(newOrg("SPEC"))).awaitConnected();
                SeedStoryEvents story = new SeedStoryEvents(specialist, caseId)) {
            assertThat(specialistStream.status()).isEqualTo(200);

            story.send(story.readyStory());
            CapturedRecord event = awaitReadiness(caseId, "ReadyToSchedule");

            await().atMost(Duration.ofSeconds(10)).until(() -> !specialistStream.events().isEmpty());
            SseClient.Event streamed = specialistStream.events().get(0);
            assertThat(streamed.name()).isEqualTo("ReadyToSchedule");
            assertThat(streamed.id()).isEqualTo(event.header("ce_id"));
            assertThat(streamed.data()).isEqualTo(event.value());
            // The agency is assigned to the case's nursing pillar, so it takes part too.
            await().atMost(Duration.ofSeconds(10)).until(() -> agencyStream.events().stream()
                    .anyMatch(e -> event.header("ce_id").equals(e.id())));

            Thread.sleep(1_000);
            assertThat(specialistStream.events()).hasSize(1);
            assertThat(outsiderStream.events()).isEmpty();
        }
    }

    @Test
    void aClientReconnectingWithTheLastEventIdGetsWhatItMissedFirst() throws Exception {
        String specialist = newOrg("SPEC");
        String caseId = CaseIds.unique();
        try (SeedStoryEvents story = new SeedStoryEvents(specialist, caseId)) {
            String lastSeen;
            try (SseClient stream = SseClient.connect(port, bearer(specialist)).awaitConnected()) {
                story.send(story.readyStory());
                await().atMost(Duration.ofSeconds(10)).until(() -> !stream.events().isEmpty());
                lastSeen = stream.events().get(0).id();
            }
            // Dropped: meanwhile the nurse's visit is cancelled and then moved to another slot.
            story.send(story.visitCancelled(4));
            CapturedRecord withdrawn = awaitReadiness(caseId, "ReadinessWithdrawn");
            story.send(story.visitConfirmed(5, SeedStoryEvents.VISIT.plusHours(1)));
            CapturedRecord readyAgain = awaitReadinessVersion(caseId, "ReadyToSchedule", 3);

            try (SseClient again = SseClient.reconnect(port, bearer(specialist), lastSeen).awaitConnected()) {
                await().atMost(Duration.ofSeconds(10)).until(() -> again.events().size() >= 2);
                assertThat(again.events()).extracting(SseClient.Event::id)
                        .containsExactly(withdrawn.header("ce_id"), readyAgain.header("ce_id"));
            }
            try (SseClient unknown = SseClient.reconnect(port, bearer(specialist), "no-such-event").awaitConnected()) {
                await().atMost(Duration.ofSeconds(10)).until(() -> unknown.comments().stream()
                        .anyMatch(comment -> comment.contains("missed events unknown")));
                assertThat(unknown.events()).isEmpty();
            }
        }
    }

    @Test
    void theStreamNeedsAToken() {
        assertThat(api().get("/api/readiness/stream", null).status()).isEqualTo(401);
    }

    private static List<ConsumerGroupDescription> describe(Admin admin, List<String> groups)
            throws InterruptedException, ExecutionException {
        return groups.isEmpty() ? List.of() : List.copyOf(admin.describeConsumerGroups(groups).all().get().values());
    }
}
