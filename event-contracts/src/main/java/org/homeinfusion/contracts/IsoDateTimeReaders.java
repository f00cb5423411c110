package org.homeinfusion.contracts;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.annotation.JsonFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads the ISO-8601 shapes every service writes ({@code 2026-12-01}, {@code 2026-11-27T17:41:36.661453874Z},
 * {@code 2026-12-19T08:00:00-05:00}) by counting digits instead of going through {@code DateTimeFormatter}.
 * Why: dates were 60 % of the time it takes to read a pillar event (9 of 14.5 µs on the services' C1-only
 * JVMs), and every request body, stored document and event carries several. The JDK's instant parser also builds
 * a new formatter for every text it reads and adds the fraction up in {@code BigDecimal}s: a fifth of what the
 * coordinator allocated reading the records of a catch-up, during which it stood still for garbage collection a
 * quarter of the time (ADR 5, fifth session, with the before/after figures). Anything else — another
 * shape, an impossible date, a number, a per-property format, time-zone adjustment switched on — goes to
 * Jackson's own deserializer, so what is accepted and every error message stay exactly Jackson's.
 */
final class IsoDateTimeReaders {

    private IsoDateTimeReaders() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("iso-date-time-readers");
        add(module, LocalDate.class, new Reader<>(LocalDateDeserializer.INSTANCE, IsoDateTimeReaders::localDate));
        add(module, Instant.class, new Reader<>(InstantDeserializer.INSTANT, IsoDateTimeReaders::instant));
        add(module, OffsetDateTime.class, new Reader<>(InstantDeserializer.OFFSET_DATE_TIME, IsoDateTimeReaders::offsetDateTime));
        return module;
    }

    /** A {@link DelegatingDeserializer} is typed for Object whatever it reads; it reads {@code T} here. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> void add(SimpleModule module, Class<T> type, Reader<T> reader) {
        module.addDeserializer(type, (ValueDeserializer) reader);
    }

    /** A parse of the canonical shape, or null when the text is anything else. */
    @FunctionalInterface
    interface CanonicalParser<T> {
        T parse(String text);
    }

    /** Tries the canonical shape first and hands everything else to the deserializer Jackson would have used. */
    static final class Reader<T> extends DelegatingDeserializer {

        private final CanonicalParser<T> parser;

        Reader(ValueDeserializer<?> standard, CanonicalParser<T> parser) {
            super(standard);
            this.parser = parser;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> contextual) {
            return new Reader<>(contextual, parser);
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            ValueDeserializer<?> contextual = super.createContextual(ctxt, property);
            // A format of the property's (or the mapper's) own makes the canonical reading wrong.
            return hasOwnFormat(findFormatOverrides(ctxt, property, handledType()))
                    && contextual instanceof Reader<?> reader ? reader.getDelegatee() : contextual;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            if (p.hasToken(JsonToken.VALUE_STRING)
                    && !ctxt.isEnabled(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)) {
                T parsed = parser.parse(p.getString());
                if (parsed != null) {
                    return parsed;
                }
            }
            return super.deserialize(p, ctxt);
        }
    }

    /**
     * Whether a property (or its type, or the mapper) sets a pattern, shape, time zone or date feature of its own:
     * then the canonical text is not what Jackson reads or writes, and Jackson's own (de)serializer must.
     */
    static boolean hasOwnFormat(JsonFormat.Value format) {
        return format != null && (format.hasPattern() || format.getShape() != JsonFormat.Shape.ANY
                || format.hasTimeZone() || format.getFeature(JsonFormat.Feature.WRITE_DATES_WITH_ZONE_ID) != null
                || format.getFeature(JsonFormat.Feature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS) != null);
    }

    /** {@code yyyy-MM-dd}. */
    static LocalDate localDate(String text) {
        return text.length() == 10 ? date(text) : null;
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f…]Z}, the shape {@link Instant#toString()} writes. */
    static Instant instant(String text) {
        int end = text.length() - 1;
        if (end < 19 || text.charAt(end) != 'Z') {
            return null;
        }
        LocalDateTime dateTime = dateTime(text, end);
        return dateTime == null ? null : dateTime.toInstant(ZoneOffset.UTC);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f…]} then {@code Z} or {@code ±HH:MM}, the offset kept as written. */
    static OffsetDateTime offsetDateTime(String text) {
        int length = text.length();
        if (length < 20) {
            return null;
        }
        if (text.charAt(length - 1) == 'Z') {
            LocalDateTime dateTime = dateTime(text, length - 1);
            return dateTime == null ? null : OffsetDateTime.of(dateTime, ZoneOffset.UTC);
        }
        int offsetAt = length - 6;
        char sign = text.charAt(offsetAt);
        if (offsetAt < 19 || (sign != '+' && sign != '-') || text.charAt(length - 3) != ':') {
            return null;
        }
        int hours = digits(text, offsetAt + 1, 2);
        int minutes = digits(text, length - 2, 2);
        LocalDateTime dateTime = dateTime(text, offsetAt);
        if (hours < 0 || minutes < 0 || dateTime == null) {
            return null;
        }
        try {
            ZoneOffset offset = sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes)
                    : ZoneOffset.ofHoursMinutes(-hours, -minutes);
            return OffsetDateTime.of(dateTime, offset);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f…]} ending right before {@code end}; seconds required, 1 to 9 fraction digits. */
    private static LocalDateTime dateTime(String text, int end) {
        if (text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        LocalDate date = date(text);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int nano = 0;
        if (end > 19) {
            int fractionDigits = end - 20;
            if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            nano = digits(text, 20, fractionDigits);
            for (int i = fractionDigits; i < 9 && nano >= 0; i++) {
                nano *= 10;
            }
        }
        if (date == null || hour < 0 || minute < 0 || second < 0 || nano < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(date, LocalTime.of(hour, minute, second, nano));
        } catch (DateTimeException outOfRange) {
            return null; // 24:00, a leap second, …: Jackson's answer, whatever it is
        }
    }

    /** The {@code yyyy-MM-dd} at the start of {@code text}, or null. */
    private static LocalDate date(String text) {
        if (text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    /** The non-negative number written by {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
