package org.homeinfusion.contracts;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * The JSON mapping of every event. Timestamps keep their own offset on the way in and out:
 * readiness compares the visit's <em>local</em> date with authorization windows, so normalizing
 * to UTC would move a 00:30-05:00 visit to the day before.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();

    private EventJson() {
    }

    /** The shared mapper; thread-safe. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** Applies the event mapping rules to a builder, so services can add their own modules on top. */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder
                .addModule(IsoDateTimeReaders.module())
                .addModule(IsoDateTimeWriters.module())
                // Jackson 3.1 calls a record's constructor through MethodHandle.invokeWithArguments, which builds a
                // spreader for every call; Blackbird binds one per record type (and lambda accessors for its fields).
                .addModule(new BlackbirdModule())
                .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                // Readers tolerate fields added later; the contract only ever adds fields.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
