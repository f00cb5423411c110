package org.homeinfusion.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.homeinfusion.contracts.drug.DrugDeliveryScheduled;
import org.homeinfusion.contracts.nursing.NurseVisitConfirmed;
import org.homeinfusion.contracts.readiness.ReadyToSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The golden samples are what consumers test against, so they must be valid, readable and free of patient data. */
class GoldenSampleUnitTests {

    private static final ZoneOffset EASTERN_STANDARD = ZoneOffset.ofHours(-5);

    private static final Set<String> PATIENT_KEYS = Set.of("patientname", "birthdate", "dateofbirth", "address", "patientref");

    static java.util.stream.Stream<String> eventNames() {
        return ContractResources.eventNames();
    }

    @ParameterizedTest
    @MethodSource("eventNames")
    void sampleValidatesAgainstItsSchema(String eventName) {
        assertThat(ContractResources.violations(eventName, ContractResources.sample(eventName))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("eventNames")
    void sampleReadsIntoItsRecordAndWritesBackUnchanged(String eventName) {
        Class<? extends ContractEvent> type = EventCatalog.typeOf(eventName).orElseThrow();

        ContractEvent event = EventJson.mapper().readValue(ContractResources.sampleText(eventName), type);
        JsonNode written = EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(event));

        assertThat(event.eventName()).isEqualTo(eventName);
        assertThat(written).isEqualTo(ContractResources.sample(eventName));
    }

    @ParameterizedTest
    @MethodSource("eventNames")
    void sampleNamesNoPatient(String eventName) {
        List<String> keys = new ArrayList<>();
        collectKeys(ContractResources.sample(eventName), keys);

        assertThat(keys).isNotEmpty()
                .noneMatch(key -> PATIENT_KEYS.contains(key.toLowerCase(Locale.ROOT)))
                .noneMatch(key -> key.toLowerCase(Locale.ROOT).contains("patient"));
    }

    @Test
    void deliveryAndVisitTimesKeepTheirOffsetThroughTheRecords() {
        DrugDeliveryScheduled delivery = read(DrugDeliveryScheduled.class);
        NurseVisitConfirmed visit = read(NurseVisitConfirmed.class);
        ReadyToSchedule ready = read(ReadyToSchedule.class);

        assertThat(delivery.authorization().delivery().etaStart().getOffset()).isEqualTo(EASTERN_STANDARD);
        assertThat(visit.authorization().visit().visitStart().getOffset()).isEqualTo(EASTERN_STANDARD);
        assertThat(ready.visit().start().getOffset()).isEqualTo(EASTERN_STANDARD);
        assertThat(EventJson.mapper().writeValueAsString(ready))
                .contains("\"start\":\"2026-12-08T14:00:00-05:00\"")
                .contains("\"etaStart\":\"2026-12-08T08:00:00-05:00\"")
                .contains("\"etaEnd\":\"2026-12-08T11:00:00-05:00\"");
    }

    @Test
    void lateEveningVisitKeepsItsLocalDateInsteadOfMovingToTheNextUtcDay() {
        ObjectNode sample = (ObjectNode) ContractResources.sample("NurseVisitConfirmed");
        ((ObjectNode) sample.at("/authorization/visit")).put("visitStart", "2026-12-08T23:30:00-05:00");

        NurseVisitConfirmed visit = EventJson.mapper().treeToValue(sample, NurseVisitConfirmed.class);

        assertThat(visit.authorization().visit().visitStart().toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(EventJson.mapper().writeValueAsString(visit)).contains("2026-12-08T23:30:00-05:00");
    }

    @Test
    void readyToScheduleSampleRepeatsWhatThePillarSamplesSay() {
        JsonNode ready = ContractResources.sample("ReadyToSchedule");
        JsonNode drug = ContractResources.sample("DrugDeliveryScheduled").get("authorization");
        JsonNode nursing = ContractResources.sample("NurseVisitConfirmed").get("authorization");
        JsonNode supplies = ContractResources.sample("SuppliesAuthorizationRequested").get("authorization");

        for (JsonNode pillar : List.of(drug, nursing, supplies)) {
            assertThat(pillar.get("caseId")).isEqualTo(ready.get("caseId"));
            assertThat(pillar.get("specialistOrgId")).isEqualTo(ready.get("specialistOrgId"));
        }
        assertThat(ready.at("/visit/start")).isEqualTo(nursing.at("/visit/visitStart"));
        assertThat(ready.at("/visit/expectedDurationMinutes")).isEqualTo(nursing.at("/visit/expectedDurationMinutes"));
        assertThat(ready.at("/visit/nurseName")).isEqualTo(nursing.at("/visit/nurseName"));
        assertThat(ready.at("/drugDelivery/etaStart")).isEqualTo(drug.at("/delivery/etaStart"));
        assertThat(ready.at("/drugDelivery/etaEnd")).isEqualTo(drug.at("/delivery/etaEnd"));
        assertThat(ready.at("/authorizations/drug/authorizationId")).isEqualTo(drug.get("authorizationId"));
        assertThat(ready.at("/authorizations/drug/authorizationNumber")).isEqualTo(drug.get("authorizationNumber"));
        assertThat(ready.at("/authorizations/nursing/authorizationId")).isEqualTo(nursing.get("authorizationId"));
        assertThat(ready.at("/authorizations/nursing/authorizationNumber")).isEqualTo(nursing.get("authorizationNumber"));
        assertThat(ready.at("/authorizations/supplies/authorizationId")).isEqualTo(supplies.get("authorizationId"));
        assertThat(ready.at("/authorizations/supplies/perDiemCode")).isEqualTo(supplies.get("perDiemCode"));
    }

    @Test
    void readinessVersionsFollowOneAnotherInTheStory() {
        assertThat(ContractResources.sample("ReadyToSchedule").get("readinessVersion").asLong()).isEqualTo(1);
        assertThat(ContractResources.sample("ReadinessWithdrawn").get("readinessVersion").asLong()).isEqualTo(2);
        assertThat(ContractResources.sample("ReadinessWithdrawn").at("/blockers/0/code").asString())
                .isEqualTo("NURSE_VISIT_NOT_CONFIRMED");
        assertThat(ContractResources.sample("NurseVisitCancelled").at("/authorization/version").asLong())
                .isGreaterThan(ContractResources.sample("NurseVisitConfirmed").at("/authorization/version").asLong());
    }

    private static <T extends ContractEvent> T read(Class<T> type) {
        return EventJson.mapper().readValue(ContractResources.sampleText(type.getSimpleName()), type);
    }

    private static void collectKeys(JsonNode node, List<String> keys) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                keys.add(entry.getKey());
                collectKeys(entry.getValue(), keys);
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectKeys(element, keys));
        }
    }
}
