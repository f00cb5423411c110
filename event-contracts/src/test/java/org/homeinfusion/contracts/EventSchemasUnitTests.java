package org.homeinfusion.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every event of the catalog ships a schema and a sample, and nothing else does. */
class EventSchemasUnitTests {

    static java.util.stream.Stream<String> eventNames() {
        return ContractResources.eventNames();
    }

    @Test
    void everyCatalogEventHasASchemaAndASample() {
        Set<String> schemas = ContractResources.fileNames(EventSchemas.SCHEMA_DIRECTORY, ".schema.json");
        Set<String> samples = ContractResources.fileNames(EventSchemas.SAMPLE_DIRECTORY, ".json");

        assertThat(EventCatalog.all()).hasSize(19);
        EventCatalog.all().keySet().forEach(eventName -> {
            assertThat(schemas).contains(eventName + ".schema.json");
            assertThat(samples).contains(eventName + ".json");
        });
    }

    @Test
    void everySchemaAndSampleBelongsToACatalogEvent() {
        Set<String> schemaEvents = ContractResources.fileNames(EventSchemas.SCHEMA_DIRECTORY, ".schema.json").stream()
                .filter(name -> !EventSchemas.COMMON_SCHEMA.endsWith("/" + name))
                .map(name -> name.substring(0, name.length() - ".schema.json".length()))
                .collect(Collectors.toSet());
        Set<String> sampleEvents = ContractResources.fileNames(EventSchemas.SAMPLE_DIRECTORY, ".json").stream()
                .map(name -> name.substring(0, name.length() - ".json".length()))
                .collect(Collectors.toSet());

        assertThat(schemaEvents).isEqualTo(EventCatalog.all().keySet());
        assertThat(sampleEvents).isEqualTo(EventCatalog.all().keySet());
    }

    @ParameterizedTest
    @MethodSource("eventNames")
    void schemaIsDraft2020WithTheIdConsumersResolve(String eventName) {
        JsonNode schema = ContractResources.schemaDocument(eventName + ".schema.json");

        assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("$id").asString()).isEqualTo(EventSchemas.schemaIdFor(eventName));
        assertThat(schema.get("title").asString()).isEqualTo(eventName);
    }

    @Test
    void resourcesAreFoundByEventNameOrCeType() {
        assertThat(EventSchemas.schemaFor("ReadyToSchedule")).isEqualTo("schemas/ReadyToSchedule.schema.json");
        assertThat(EventSchemas.schemaFor(CloudEventHeaders.TYPE_PREFIX + "NurseVisitConfirmed"))
                .isEqualTo("schemas/NurseVisitConfirmed.schema.json");
        assertThat(EventSchemas.sampleFor("DrugAuthorizationDecided")).isEqualTo("samples/DrugAuthorizationDecided.json");
        assertThat(ContractResources.text(EventSchemas.COMMON_SCHEMA)).contains("\"$defs\"");
    }

    @Test
    void refusesANameOutsideTheContract() {
        assertThatIllegalArgumentException().isThrownBy(() -> EventSchemas.schemaFor("OrderPaid"));
        assertThatIllegalArgumentException().isThrownBy(() -> EventSchemas.sampleFor(null));
    }
}
