package org.homeinfusion.coordinator.readiness;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Renders times as the people at the patient's home see them: in the visit's own offset, so a
 * delivery ETA given by a pharmacy in another time zone reads as the same wall clock as the visit.
 */
public final class VisitLocalTime {

    /** Specialists read the summary aloud in English whatever the server's default locale is. */
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE MMM d HH:mm", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.US);

    private final ZoneOffset offset;

    private VisitLocalTime(ZoneOffset offset) {
        this.offset = offset;
    }

    /** Without a visit there is no patient-local offset, so times keep the offset they were given in. */
    public static VisitLocalTime of(Visit visit) {
        return new VisitLocalTime(visit == null || visit.start() == null ? null : visit.start().getOffset());
    }

    public String at(OffsetDateTime time) {
        OffsetDateTime local = local(time);
        return local == null ? String.valueOf(time) : DAY_AND_TIME.format(local);
    }

    public String atPlusMinutes(OffsetDateTime time, long minutes) {
        try {
            return at(time.plusMinutes(minutes));
        } catch (DateTimeException | ArithmeticException outOfRange) {
            return at(time) + " + " + minutes + " min";
        }
    }

    /** A window within one day reads "Tue Dec 8 08:00–11:00"; one spanning midnight names both days. */
    public String window(Delivery delivery) {
        OffsetDateTime start = local(delivery.etaStart());
        OffsetDateTime end = local(delivery.etaEnd());
        if (start == null || end == null) {
            return delivery.etaStart() + "–" + delivery.etaEnd();
        }
        DateTimeFormatter endFormat = start.toLocalDate().equals(end.toLocalDate()) ? TIME : DAY_AND_TIME;
        return DAY_AND_TIME.format(start) + "–" + endFormat.format(end);
    }

    /** Null only when the shift would leave the supported date range: callers fall back to ISO text then. */
    private OffsetDateTime local(OffsetDateTime time) {
        if (time == null) {
            return null;
        }
        try {
            return offset == null ? time : time.withOffsetSameInstant(offset);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }
}
