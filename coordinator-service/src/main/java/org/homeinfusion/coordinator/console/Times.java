package org.homeinfusion.coordinator.console;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/** Times as people read them on the console: in the time's own offset (the patient's local time), to the minute. */
final class Times {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE MMM d HH:mm", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.US);

    private Times() {
    }

    static OffsetDateTime parse(JsonNode node) {
        if (node == null || !node.isString() || node.asString().isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asString());
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(node.asString()).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notInstant) {
                return null;
            }
        }
    }

    static String dayTime(OffsetDateTime time) {
        return time == null ? "" : DAY_TIME.format(time) + offset(time);
    }

    static String time(OffsetDateTime time) {
        return time == null ? "" : TIME.format(time);
    }

    /** A window on one day reads "Tue Dec 8 08:00–11:00", across days with both dates. */
    static String window(OffsetDateTime start, OffsetDateTime end) {
        if (start == null || end == null) {
            return "";
        }
        return start.toLocalDate().equals(end.toLocalDate())
                ? DAY_TIME.format(start) + "–" + TIME.format(end) + offset(start)
                : DAY_TIME.format(start) + " – " + DAY_TIME.format(end) + offset(start);
    }

    private static String offset(OffsetDateTime time) {
        return time.getOffset().equals(ZoneOffset.UTC) ? " UTC" : " (" + time.getOffset() + ")";
    }
}
