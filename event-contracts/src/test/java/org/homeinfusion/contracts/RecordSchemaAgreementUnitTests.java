package org.homeinfusion.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import org.homeinfusion.contracts.drug.DrugAuthorization;
import org.homeinfusion.contracts.drug.DrugAuthorizationDecided;
import org.homeinfusion.contracts.drug.DrugAuthorizationRequested;
import org.homeinfusion.contracts.drug.DrugDeliveryScheduled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the Java records write is what the schemas describe: every record validates, every component
 * the record writes is a declared and required property, and the records of the seed story write
 * exactly the golden samples.
 */
class RecordSchemaAgreementUnitTests {

    static java.util.stream.Stream<String> eventNames() {
        return ContractResources.eventNames();
    }

    @ParameterizedTest
    @MethodSource("eventNames")
    void recordWrittenFromJavaValidatesAgainstItsSchema(String eventName) {
        assertThat(ContractResources.violations(eventName, written(SeedStory.events().get(eventName)))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("eventNames")
    void schemaDeclaresAndRequiresEveryPropertyTheRecordWrites(String eventName) {
        assertThat(new SchemaCoverage().gaps(eventName, written(SeedStory.events().get(eventName)))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("eventNames")
    void recordOfTheSeedStoryWritesItsGoldenSample(String eventName) {
        assertThat(written(SeedStory.events().get(eventName))).isEqualTo(ContractResources.sample(eventName));
    }

    @Test
    void coverageCheckNoticesPropertiesTheSchemaDoesNotDeclare() {
        ObjectNode value = (ObjectNode) ContractResources.sample("ReadinessWithdrawn");
        value.put("courier", "X");
        ((ObjectNode) value.at("/blockers/0")).put("severity", "HIGH");

        assertThat(new SchemaCoverage().gaps("ReadinessWithdrawn", value))
                .containsExactlyInAnyOrder("/courier: not declared", "/blockers/0/severity: not declared");
    }

    @Test
    void seedStoryCoversTheWholeCatalog() {
        assertThat(SeedStory.events().keySet()).isEqualTo(EventCatalog.all().keySet());
    }

    @Test
    void unlistedDrugWithItsNdcAndFractionalDoseValidates() {
        assertThat(ContractResources.violations("DrugAuthorizationRequested",
                written(new DrugAuthorizationRequested(unlistedDrug(AuthorizationStatus.REQUESTED))))).isEmpty();
        assertThat(ContractResources.violations("DrugAuthorizationDecided",
                written(new DrugAuthorizationDecided(unlistedDrug(AuthorizationStatus.PENDED))))).isEmpty();
    }

    @Test
    void deliveryWithoutBeyondUseTimeOrTrackingValidates() {
        DrugAuthorization.Delivery bare = new DrugAuthorization.Delivery(SeedStory.at("2026-12-08T08:00:00-05:00"),
                SeedStory.at("2026-12-08T11:00:00-05:00"), null, null);
        DrugAuthorization approved = SeedStory.drug(AuthorizationStatus.APPROVED, "12345", SeedStory.date("2026-12-01"),
                SeedStory.date("2027-05-31"), 56, bare, 5, "2026-12-03T18:00:00Z");

        assertThat(ContractResources.violations("DrugDeliveryScheduled", written(new DrugDeliveryScheduled(approved))))
                .isEmpty();
    }

    private static DrugAuthorization unlistedDrug(AuthorizationStatus status) {
        return new DrugAuthorization(SeedStory.DRUG_AUTHORIZATION, "CASE-2001", "SPEC-2", "PHARM-9",
                new Payer("PAYER-XYZ", "MEDICAID"), "12", "J3490", "00944270002",
                new DrugAuthorization.Dose(new BigDecimal("1.5"), "mg"), 1, SeedStory.date("2026-12-01"),
                SeedStory.date("2026-12-31"), status, null, null, null, null, null, 2,
                Instant.parse("2026-11-30T10:00:00Z"), Instant.parse("2026-11-30T10:05:00.250Z"), Urgency.EXPEDITED,
                Instant.parse("2026-11-29T22:00:00Z"));
    }

    private static JsonNode written(Object value) {
        return EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(value));
    }
}
