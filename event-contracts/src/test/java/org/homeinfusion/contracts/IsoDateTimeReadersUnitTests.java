package org.homeinfusion.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fast date readers must be invisible: for any text, the event mapper answers exactly what Jackson's own
 * java.time deserializers answer — the same value (offset included) or the same error.
 */
class IsoDateTimeReadersUnitTests {

    record Dates(LocalDate date, Instant instant, OffsetDateTime offsetDateTime) {
    }

    /** The event mapping without the fast readers: Jackson's answer. */
    private static final JsonMapper JACKSON = PlainJackson.MAPPER;

    private final Random random = new Random(20261127);

    @Test
    void canonicalTextsReadAsJacksonReadsThem() {
        List<String> dates = new ArrayList<>();
        List<String> instants = new ArrayList<>();
        List<String> offsetDateTimes = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong() % 5_000_000_000L, random.nextInt(1_000_000_000))
                    .truncatedTo(List.of(ChronoUnit.NANOS, ChronoUnit.MICROS, ChronoUnit.MILLIS, ChronoUnit.SECONDS)
                            .get(random.nextInt(4)));
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(145) - 72) * 15 * 60);
            OffsetDateTime offsetDateTime = instant.atOffset(offset);
            dates.add(offsetDateTime.toLocalDate().toString());
            instants.add(instant.toString());
            // toString drops ":00" seconds; the mapper always writes them: both shapes are on the wire.
            offsetDateTimes.add(offsetDateTime.toString());
            offsetDateTimes.add(unquoted(EventJson.mapper().writeValueAsString(offsetDateTime)));
        }
        dates.forEach(text -> assertReadAlike("date", text));
        instants.forEach(text -> assertReadAlike("instant", text));
        offsetDateTimes.forEach(text -> assertReadAlike("offsetDateTime", text));
    }

    @Test
    void theShapesTheServicesWriteAreReadWithoutJackson() {
        assertThat(IsoDateTimeReaders.localDate("2026-12-01")).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(IsoDateTimeReaders.instant("2026-11-27T17:41:36.661453874Z"))
                .isEqualTo(Instant.parse("2026-11-27T17:41:36.661453874Z"));
        assertThat(IsoDateTimeReaders.offsetDateTime("2026-12-19T08:00:00-05:00"))
                .isEqualTo(OffsetDateTime.parse("2026-12-19T08:00:00-05:00"));
        assertThat(IsoDateTimeReaders.offsetDateTime("2026-12-19T08:00:00.25Z"))
                .isEqualTo(OffsetDateTime.parse("2026-12-19T08:00:00.25Z"));
        assertThat(IsoDateTimeReaders.offsetDateTime("2026-12-19T08:00-05:00")).as("left to Jackson").isNull();
    }

    @Test
    void everythingElseIsJacksonsAnswerIncludingItsErrors() {
        List<String> texts = List.of("2024-02-29", "2026-02-29", "2026-13-01", "2026-00-10", "0000-01-01", "+12026-12-01",
                "2026-1-01", "2026/12/01", " 2026-12-01", "2026-12-01 ", "", "1700000000", "２０２６-12-01",
                "2026-12-19T08:00:00Z", "2026-12-19T08:00Z", "2026-12-19t08:00:00Z", "2026-12-19T08:00:00z",
                "2026-12-19T08:00:00.Z", "2026-12-19T08:00:00.1234567891Z", "2026-12-19T24:00:00Z",
                "2026-12-19T23:59:60Z", "2026-12-19T23:60:00Z", "2026-12-19T08:00:00+01:00", "2026-12-19T08:00:00+0100",
                "2026-12-19T08:00:00-05:00", "2026-12-19T08:00:00.5-05:30", "2026-12-19T08:00:00-00:00",
                "2026-12-19T08:00:00+19:00", "2026-12-19T08:00:00+05:60", "2026-12-19T08:00:00+05:30:15",
                "2026-12-19T08:00:00+5:00", "2026-12-19T08:00:00 -05:00", "2026-12-19 08:00:00Z", "2026-12-19T8:00:00Z",
                "2026-12-19T08:00:00.000000000Z", "1969-12-31T23:59:59.999999999Z", "2026-12-19T08:00:00.12a-05:00");
        for (String text : texts) {
            assertReadAlike("date", text);
            assertReadAlike("instant", text);
            assertReadAlike("offsetDateTime", text);
        }
        assertReadAlike("{\"instant\": 1700000000.5}");
        assertReadAlike("{\"date\": [2026, 12, 1]}");
    }

    record Formatted(@JsonFormat(pattern = "yyyy-dd-MM") LocalDate date,
                     @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "yyyy-MM-dd'T'HH:mm:ss.SSSX", timezone = "UTC")
                     Instant instant) {
    }

    @Test
    void aPropertyWithItsOwnFormatIsReadWithThatFormat() {
        String json = "{\"date\":\"2026-01-12\",\"instant\":\"2026-12-19T08:00:00.000Z\"}";

        Formatted read = EventJson.mapper().readValue(json, Formatted.class);

        assertThat(read.date()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(read).isEqualTo(JACKSON.readValue(json, Formatted.class));
    }

    @Test
    void adjustingToTheContextTimeZoneIsStillJacksonsToDo() {
        JsonMapper adjusting = EventJson.configure(JsonMapper.builder())
                .enable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).build();
        JsonMapper jacksonAdjusting = JACKSON.rebuild().enable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).build();
        String json = "{\"offsetDateTime\":\"2026-12-19T08:00:00-05:00\"}";

        assertThat(adjusting.readValue(json, Dates.class)).isEqualTo(jacksonAdjusting.readValue(json, Dates.class));
        assertThat(adjusting.readValue(json, Dates.class).offsetDateTime().getOffset()).isEqualTo(ZoneOffset.UTC);
    }

    private static void assertReadAlike(String field, String text) {
        assertReadAlike("{\"" + field + "\":\"" + text + "\"}");
    }

    private static void assertReadAlike(String json) {
        Object ours = readOrError(EventJson.mapper(), json);
        Object jacksons = readOrError(JACKSON, json);
        assertThat(ours).as(json).isEqualTo(jacksons);
    }

    private static Object readOrError(JsonMapper mapper, String json) {
        try {
            return mapper.readValue(json, Dates.class);
        } catch (RuntimeException failure) {
            return failure.getClass().getName() + ": " + failure.getMessage();
        }
    }

    private static String unquoted(String json) {
        return json.substring(1, json.length() - 1);
    }
}
