package org.homeinfusion.coordinator.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.homeinfusion.contracts.EventJson;
import org.homeinfusion.contracts.EventSchemas;
import org.homeinfusion.contracts.Topics;
import org.homeinfusion.coordinator.readiness.PayerSubmission;
import org.homeinfusion.coordinator.readiness.Urgency;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Pillar events written before urgency and submittedAt existed still read, as STANDARD and submitted when requested. */
class PillarEventReaderUnitTests {

    private final PillarEventReader reader = new PillarEventReader();

    @Test
    void readsTheUrgencyAndSubmissionTimeAnEventCarries() throws IOException {
        ObjectNode event = sample("DrugAuthorizationRequested");
        ((ObjectNode) event.get("authorization")).put("urgency", "EXPEDITED").put("submittedAt", "2026-11-22T08:00:00Z");

        assertThat(submissionOf(event)).isEqualTo(
                new PayerSubmission("PAYER-ABC", Urgency.EXPEDITED, Instant.parse("2026-11-22T08:00:00Z")));
    }

    @Test
    void anEventWrittenBeforeUrgencyExistedIsStandardAndSubmittedWhenRequested() throws IOException {
        ObjectNode event = sample("DrugAuthorizationRequested");
        ((ObjectNode) event.get("authorization")).remove("urgency");
        ((ObjectNode) event.get("authorization")).remove("submittedAt");

        assertThat(submissionOf(event)).isEqualTo(
                new PayerSubmission("PAYER-ABC", Urgency.STANDARD, Instant.parse("2026-11-23T15:00:00Z")));
    }

    private PayerSubmission submissionOf(ObjectNode event) {
        PillarEventReader.Outcome outcome = reader.read(Topics.DRUG_AUTH_EVENTS, "CASE-1001",
                "org.homeinfusion.DrugAuthorizationRequested",
                EventJson.mapper().writeValueAsString(event).getBytes(StandardCharsets.UTF_8));
        assertThat(outcome.deadLetterReason()).isNull();
        return outcome.update().authorization().submission();
    }

    private static ObjectNode sample(String eventName) throws IOException {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(EventSchemas.sampleFor(eventName))) {
            return (ObjectNode) EventJson.mapper().readTree(in.readAllBytes());
        }
    }
}
