package org.homeinfusion.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TimeZone;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fast date writers must be invisible: for any value and any mapper setting, the event mapper writes exactly
 * the text Jackson's own java.time serializers write.
 */
class IsoDateTimeWritersUnitTests {

    record Dates(Instant instant, OffsetDateTime offsetDateTime, List<Instant> instants,
                 Map<String, OffsetDateTime> offsetDateTimes) {
    }

    /** The event mapping without the fast writers: Jackson's answer. */
    private static final JsonMapper JACKSON = PlainJackson.MAPPER;

    private final Random random = new Random(20261127);

    @Test
    void everyValueIsWrittenAsJacksonWritesIt() {
        for (int i = 0; i < 5_000; i++) {
            Instant instant = randomInstant();
            OffsetDateTime offsetDateTime = randomInstant().atOffset(randomOffset());
            assertWrittenAlike(EventJson.mapper(), JACKSON,
                    new Dates(instant, offsetDateTime, List.of(instant, randomInstant()), Map.of("visit", offsetDateTime)));
            // …and by the writers themselves, not by a fallback to Jackson.
            assertThat(written(IsoDateTimeWriters::instant, instant)).isEqualTo(instant.toString());
            if (offsetDateTime.getOffset().getTotalSeconds() % 60 == 0) {
                assertThat(written(IsoDateTimeWriters::offsetDateTime, offsetDateTime))
                        .isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(offsetDateTime));
            }
        }
    }

    private static <T> String written(IsoDateTimeWriters.CanonicalFormatter<T> formatter, T value) {
        char[] text = new char[40];
        int length = formatter.format(value, text);
        return length < 0 ? "left to Jackson" : new String(text, 0, length);
    }

    @Test
    void theEdgesAreWrittenAsJacksonWritesThem() {
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.MIN, Instant.MAX,
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("0000-01-01T00:00:00Z").minusNanos(1),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("9999-12-31T23:59:59.999999999Z").plusNanos(1),
                Instant.parse("1969-12-31T23:59:59.999999999Z"), Instant.parse("2026-12-19T08:00:00.100Z"),
                Instant.parse("2026-12-19T08:00:00.000100Z"), Instant.parse("2026-12-19T08:00:00.000000100Z"),
                Instant.parse("2024-02-29T23:59:59.5Z")));
        List<ZoneOffset> offsets = List.of(ZoneOffset.UTC, ZoneOffset.MIN, ZoneOffset.MAX, ZoneOffset.ofHoursMinutes(5, 30),
                ZoneOffset.ofHoursMinutes(-5, -30), ZoneOffset.ofHoursMinutesSeconds(5, 30, 15),
                ZoneOffset.ofHoursMinutesSeconds(0, 0, -1), ZoneOffset.ofHours(-5));
        for (Instant instant : instants) {
            for (ZoneOffset offset : offsets) {
                OffsetDateTime offsetDateTime = instant.equals(Instant.MIN) ? OffsetDateTime.MIN
                        : instant.equals(Instant.MAX) ? OffsetDateTime.MAX : instant.atOffset(offset);
                assertWrittenAlike(EventJson.mapper(), JACKSON,
                        new Dates(instant, offsetDateTime, List.of(instant), Map.of("visit", offsetDateTime)));
            }
        }
    }

    @Test
    void theShapesTheServicesReadAreWritten() {
        assertThat(EventJson.mapper().writeValueAsString(Instant.parse("2026-11-27T17:41:36.661453874Z")))
                .isEqualTo("\"2026-11-27T17:41:36.661453874Z\"");
        assertThat(EventJson.mapper().writeValueAsString(Instant.parse("2026-11-27T17:41:36.660Z")))
                .isEqualTo("\"2026-11-27T17:41:36.660Z\"");
        assertThat(EventJson.mapper().writeValueAsString(OffsetDateTime.parse("2026-12-19T08:00-05:00")))
                .isEqualTo("\"2026-12-19T08:00:00-05:00\"");
        assertThat(EventJson.mapper().writeValueAsString(OffsetDateTime.parse("2026-12-19T08:00:00.250Z")))
                .isEqualTo("\"2026-12-19T08:00:00.25Z\"");
        assertThat(IsoDateTimeWriters.text(Instant.parse("2026-11-27T17:41:36Z"))).isEqualTo("2026-11-27T17:41:36Z");
    }

    record Formatted(@JsonFormat(pattern = "yyyy-MM-dd HH:mm", timezone = "UTC") Instant instant,
                     @JsonFormat(shape = JsonFormat.Shape.NUMBER) OffsetDateTime offsetDateTime) {
    }

    @Test
    void aPropertyWithItsOwnFormatIsWrittenWithThatFormat() {
        Formatted value = new Formatted(Instant.parse("2026-12-19T08:00:00Z"), OffsetDateTime.parse("2026-12-19T08:00:00-05:00"));

        String written = EventJson.mapper().writeValueAsString(value);

        assertThat(written).startsWith("{\"instant\":\"2026-12-19 08:00\",\"offsetDateTime\":1797685200");
        assertThat(written).isEqualTo(JACKSON.writeValueAsString(value));
    }

    @Test
    void mapperSettingsThatChangeTheTextAreStillJacksonsToApply() {
        Dates value = new Dates(Instant.parse("2026-12-19T08:00:00.123456789Z"), OffsetDateTime.parse("2026-12-19T08:00:00.5-05:00"),
                List.of(Instant.parse("2026-12-19T13:00:00Z")), Map.of("visit", OffsetDateTime.parse("2026-12-19T08:00:00Z")));
        List<JsonMapper.Builder> ours = new ArrayList<>();
        List<JsonMapper.Builder> jacksons = new ArrayList<>();
        for (DateTimeFeature feature : List.of(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS,
                DateTimeFeature.TRUNCATE_TO_MSECS_ON_WRITE, DateTimeFeature.WRITE_UTC_AS_OFFSET)) {
            ours.add(EventJson.configure(JsonMapper.builder()).enable(feature));
            jacksons.add(JACKSON.rebuild().enable(feature));
        }
        ours.add(EventJson.configure(JsonMapper.builder()).defaultTimeZone(TimeZone.getTimeZone("America/New_York")));
        jacksons.add(JACKSON.rebuild().defaultTimeZone(TimeZone.getTimeZone("America/New_York")));
        for (int i = 0; i < ours.size(); i++) {
            assertWrittenAlike(ours.get(i).build(), jacksons.get(i).build(), value);
        }
    }

    @Test
    void writtenDatesReadBackToTheSameValues() {
        for (int i = 0; i < 1_000; i++) {
            OffsetDateTime offsetDateTime = randomInstant().atOffset(randomOffset());
            Map<String, OffsetDateTime> byName = new LinkedHashMap<>();
            byName.put("visit", offsetDateTime);
            Dates value = new Dates(randomInstant(), offsetDateTime, List.of(randomInstant()), byName);

            Dates read = EventJson.mapper().readValue(EventJson.mapper().writeValueAsString(value), Dates.class);

            assertThat(read).isEqualTo(value);
        }
    }

    private Instant randomInstant() {
        return Instant.ofEpochSecond(random.nextLong() % 5_000_000_000L, random.nextInt(1_000_000_000))
                .truncatedTo(List.of(ChronoUnit.NANOS, ChronoUnit.MICROS, ChronoUnit.MILLIS, ChronoUnit.SECONDS,
                        ChronoUnit.MINUTES).get(random.nextInt(5)));
    }

    private ZoneOffset randomOffset() {
        return random.nextInt(10) == 0 ? ZoneOffset.ofTotalSeconds(random.nextInt(64_801) - 32_400)
                : ZoneOffset.ofTotalSeconds((random.nextInt(145) - 72) * 15 * 60);
    }

    private static void assertWrittenAlike(JsonMapper ours, JsonMapper jacksons, Object value) {
        assertThat(ours.writeValueAsString(value)).isEqualTo(jacksons.writeValueAsString(value));
    }
}
