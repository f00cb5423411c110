package org.homeinfusion.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeinfusion.testsupport.CloudEventMatchers.event;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CloudEventMatchersUnitTests {

    private static final CapturedRecord DECIDED = record("CASE-1", "org.homeinfusion.DrugAuthorizationDecided",
            "{\"authorization\":{\"version\":2,\"status\":\"APPROVED\"}}");

    @Test
    void matchesTheEventOfOneAggregateByTypeNameAndVersion() {
        assertThat(event("CASE-1", "DrugAuthorizationDecided")).accepts(DECIDED);
        assertThat(event("CASE-1", "DrugAuthorizationDecided", 2)).accepts(DECIDED);
    }

    @Test
    void passesOverAnotherAggregateTypeOrVersion() {
        assertThat(event("CASE-2", "DrugAuthorizationDecided")).rejects(DECIDED);
        assertThat(event("CASE-1", "AuthorizationDecided")).rejects(DECIDED);
        assertThat(event("CASE-1", "DrugAuthorizationDecided", 1)).rejects(DECIDED);
        assertThat(event("CASE-1", "DrugAuthorizationDecided", 2)).rejects(record("CASE-1",
                "org.homeinfusion.DrugAuthorizationDecided", "{\"authorization\":{\"version\":22,\"status\":\"APPROVED\"}}"));
    }

    private static CapturedRecord record(String key, String type, String value) {
        return new CapturedRecord("drug-auth.events", 0, 0, Instant.EPOCH, key, Map.of("ce_type", type), value);
    }
}
