package org.homeinfusion.contracts;

/**
 * Where the JSON Schema and the golden sample of each event live on the classpath of this jar.
 * <p>
 * Every schema's {@code $id} is {@link #BASE_URI} plus its file name, and the event schemas refer
 * to {@value #COMMON_SCHEMA} relatively. The base URI is a name, not a download address: a
 * validator maps it to the classpath directory {@value #SCHEMA_DIRECTORY}, e.g. with networknt
 * {@code schemaIdResolvers(r -> r.mapPrefix(BASE_URI, "classpath:" + SCHEMA_DIRECTORY))}.
 */
public final class EventSchemas {

    /** The prefix of every schema's {@code $id}. */
    public static final String BASE_URI = "https://homeinfusion.example/schemas/events/";

    public static final String SCHEMA_DIRECTORY = "schemas/";

    public static final String SAMPLE_DIRECTORY = "samples/";

    /** Definitions the event schemas share. */
    public static final String COMMON_SCHEMA = SCHEMA_DIRECTORY + "common.schema.json";

    private EventSchemas() {
    }

    /** Classpath resource of an event's schema, for an event name or a full {@code ce_type}. */
    public static String schemaFor(String eventNameOrCeType) {
        return SCHEMA_DIRECTORY + known(eventNameOrCeType) + ".schema.json";
    }

    /** The {@code $id} of an event's schema, for an event name or a full {@code ce_type}. */
    public static String schemaIdFor(String eventNameOrCeType) {
        return BASE_URI + known(eventNameOrCeType) + ".schema.json";
    }

    /** Classpath resource of an event's golden sample value, for an event name or a full {@code ce_type}. */
    public static String sampleFor(String eventNameOrCeType) {
        return SAMPLE_DIRECTORY + known(eventNameOrCeType) + ".json";
    }

    private static String known(String eventNameOrCeType) {
        if (eventNameOrCeType == null) {
            throw new IllegalArgumentException("An event name is required");
        }
        return EventCatalog.typeOf(eventNameOrCeType)
                .map(Class::getSimpleName)
                .orElseThrow(() -> new IllegalArgumentException("Not an event of the contract: " + eventNameOrCeType));
    }
}
