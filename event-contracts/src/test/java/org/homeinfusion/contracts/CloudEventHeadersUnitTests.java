package org.homeinfusion.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CloudEventHeadersUnitTests {

    private static final UUID ID = UUID.fromString("0b9d4c8e-2f1a-4b3c-9d8e-7f6a5b4c3d21");

    static java.util.stream.Stream<String> eventNames() {
        return ContractResources.eventNames();
    }

    @Test
    void carriesAllSixCloudEventsHeadersOfBinaryMode() {
        Map<String, String> headers = CloudEventHeaders.of(ID, "ReadyToSchedule", "coordinator-service",
                Instant.parse("2026-12-04T15:00:01Z"), "CASE-1001");

        assertThat(headers)
                .containsEntry("ce_id", ID.toString())
                .containsEntry("ce_source", "coordinator-service")
                .containsEntry("ce_time", "2026-12-04T15:00:01Z")
                .containsEntry("ce_subject", "CASE-1001")
                .containsEntry("ce_specversion", "1.0")
                .containsKey("ce_type");
        assertThat(headers.keySet().stream().filter(name -> name.startsWith("ce_"))).hasSize(6);
        assertThat(headers.get("ce_type")).contains("ReadyToSchedule");
        assertThat(Instant.parse(headers.get("ce_time"))).isEqualTo(Instant.parse("2026-12-04T15:00:01Z"));
    }

    @ParameterizedTest
    @MethodSource("eventNames")
    void ceTypeLeadsBackToTheRecordOfItsEvent(String eventName) {
        String ceType = CloudEventHeaders.of(UUID.randomUUID(), eventName, "test", Instant.EPOCH, "CASE-1001")
                .get(CloudEventHeaders.TYPE);

        assertThat(ceType).contains(eventName);
        assertThat(CloudEventHeaders.eventName(ceType)).isEqualTo(eventName);
        assertThat(EventCatalog.typeOf(ceType)).contains(EventCatalog.all().get(eventName));
    }

    @Test
    void eachRecordGetsItsOwnId() {
        Map<String, String> first = CloudEventHeaders.of(UUID.randomUUID(), "NurseVisitConfirmed", "nursing-auth-service",
                Instant.EPOCH, "CASE-1001");
        Map<String, String> second = CloudEventHeaders.of(UUID.randomUUID(), "NurseVisitConfirmed", "nursing-auth-service",
                Instant.EPOCH, "CASE-1001");

        assertThat(first.get(CloudEventHeaders.ID)).isNotEqualTo(second.get(CloudEventHeaders.ID));
    }
}
