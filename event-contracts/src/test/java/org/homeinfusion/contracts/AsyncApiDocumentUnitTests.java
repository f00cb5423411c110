package org.homeinfusion.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.homeinfusion.contracts.alerts.AlertEvent;
import org.homeinfusion.contracts.drug.DrugAuthEvent;
import org.homeinfusion.contracts.nursing.NursingAuthEvent;
import org.homeinfusion.contracts.readiness.ReadinessEvent;
import org.homeinfusion.contracts.supplies.SuppliesAuthEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The AsyncAPI catalogue ({@code asyncapi.yaml}, shipped in this jar) is a valid AsyncAPI 3.0.0 document and
 * describes every topic and every event there is, so it cannot fall behind the code.
 */
class AsyncApiDocumentUnitTests {

    private static final String DOCUMENT = "asyncapi.yaml";
    /** The official schema, copied from asyncapi/spec-json-schemas (see the README beside it). */
    private static final String OFFICIAL_SCHEMA = "asyncapi/asyncapi-3.0.0.schema.json";

    private static final Map<Class<? extends ContractEvent>, String> TOPIC_OF_FAMILY = Map.of(
            DrugAuthEvent.class, Topics.DRUG_AUTH_EVENTS,
            NursingAuthEvent.class, Topics.NURSING_AUTH_EVENTS,
            SuppliesAuthEvent.class, Topics.SUPPLIES_AUTH_EVENTS,
            ReadinessEvent.class, Topics.CASE_READINESS_EVENTS,
            AlertEvent.class, Topics.CASE_ALERTS_EVENTS);

    private static final JsonNode ASYNCAPI = new YAMLMapper().readTree(ContractResources.text(DOCUMENT));

    static Stream<String> eventNames() {
        return ContractResources.eventNames();
    }

    @Test
    void isAValidAsyncApi300Document() {
        assertThat(ASYNCAPI.get("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(officialViolations(ASYNCAPI)).isEmpty();
    }

    @Test
    void theOfficialSchemaRefusesABrokenDocument() {
        ObjectNode withoutInfo = (ObjectNode) ASYNCAPI.deepCopy();
        withoutInfo.remove("info");
        ObjectNode withAStrayField = (ObjectNode) ASYNCAPI.deepCopy();
        ((ObjectNode) withAStrayField.get("channels").get("drugAuthEvents")).put("topic", "drug-auth.events");

        assertThat(officialViolations(withoutInfo)).isNotEmpty();
        assertThat(officialViolations(withAStrayField)).isNotEmpty();
    }

    @Test
    void everyTopicIsAChannelAndEveryChannelATopic() throws IllegalAccessException {
        Set<String> topics = new HashSet<>();
        for (Field field : Topics.class.getDeclaredFields()) {
            if (Modifier.isPublic(field.getModifiers()) && field.getType() == String.class) {
                topics.add((String) field.get(null));
            }
        }
        Set<String> addresses = new HashSet<>();
        ASYNCAPI.get("channels").forEach(channel -> addresses.add(channel.get("address").asString()));

        assertThat(addresses).isEqualTo(topics);
    }

    @ParameterizedTest
    @MethodSource("eventNames")
    void everyEventIsAMessageOnItsTopicWithItsTypeAndItsSchema(String eventName) {
        String topic = topicOf(EventCatalog.typeOf(eventName).orElseThrow());
        JsonNode channel = channelAt(topic);
        assertThat(channel.get("messages").get(eventName)).as("message %s on %s", eventName, topic).isNotNull();
        assertThat(channel.get("messages").get(eventName).get("$ref").asString()).isEqualTo("#/components/messages/" + eventName);

        JsonNode message = ASYNCAPI.get("components").get("messages").get(eventName);
        assertThat(message.get("name").asString()).isEqualTo(eventName);
        assertThat(message.get("headers").toString()).contains("\"const\":\"" + CloudEventHeaders.TYPE_PREFIX + eventName + "\"");
        assertThat(message.get("payload").get("schemaFormat").asString())
                .isEqualTo("application/schema+json;version=draft-2020-12");
        String schemaRef = message.get("payload").get("schema").get("$ref").asString();
        // Relative to asyncapi.yaml at the root of the jar, i.e. the classpath resource of the event's schema.
        assertThat(schemaRef.replaceFirst("^\\./", "")).isEqualTo(EventSchemas.schemaFor(eventName));
        assertThat(ContractResources.text(EventSchemas.schemaFor(eventName))).contains("\"title\": \"" + eventName + "\"");
        assertThat(ContractResources.text(message.get("x-golden-sample").asString()))
                .isEqualTo(ContractResources.sampleText(eventName));
    }

    @Test
    void everyMessageIsACatalogEventOrTheDeadLetter() {
        Set<String> messages = new HashSet<>();
        ASYNCAPI.get("components").get("messages").propertyNames().forEach(messages::add);

        Set<String> expected = new HashSet<>(EventCatalog.all().keySet());
        expected.add("PillarEventDeadLetter");
        assertThat(messages).isEqualTo(expected);
    }

    @Test
    void everyInternalReferenceResolves() {
        List<String> references = new ArrayList<>();
        collectReferences(ASYNCAPI, references);

        assertThat(references).isNotEmpty();
        assertThat(references.stream().filter(ref -> ref.startsWith("#/"))
                .filter(ref -> ASYNCAPI.at(ref.substring(1)).isMissingNode())
                .collect(Collectors.toList())).isEmpty();
    }

    private static List<String> officialViolations(JsonNode document) {
        Schema official = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(ContractResources.text(OFFICIAL_SCHEMA));
        return official.validate(document).stream().map(Error::toString).toList();
    }

    private static String topicOf(Class<? extends ContractEvent> type) {
        return TOPIC_OF_FAMILY.entrySet().stream().filter(family -> family.getKey().isAssignableFrom(type))
                .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new AssertionError("No topic for " + type));
    }

    private static JsonNode channelAt(String topic) {
        List<JsonNode> channels = new ArrayList<>();
        ASYNCAPI.get("channels").forEach(channel -> {
            if (topic.equals(channel.get("address").asString())) {
                channels.add(channel);
            }
        });
        assertThat(channels).as("channels at %s", topic).hasSize(1);
        return channels.get(0);
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isString()) {
                references.add(ref.asString());
            }
        }
        node.forEach(child -> collectReferences(child, references));
    }
}
