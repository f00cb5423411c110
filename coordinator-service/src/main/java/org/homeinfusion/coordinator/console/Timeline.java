package org.homeinfusion.coordinator.console;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * The case's schedule drawn to scale: one horizontal axis of time from shortly before the first delivery to shortly
 * after the visit, with the delivery windows, the drug's lead time, the beyond-use moment, the visit and the
 * authorization windows on it (a window longer than the axis runs off its edge, marked as such). Positions are in
 * the SVG's user units ({@link #WIDTH} wide), so the browser scales the whole drawing to the screen.
 */
public record Timeline(List<Bar> bars, List<Tick> ticks, int height, String description) {

    static final int WIDTH = 600;
    static final int ROW = 36;
    private static final int TOP = 8;
    private static final Duration PADDING = Duration.ofHours(1);

    /**
     * @param kind    delivery, lead, beyond-use, visit or authorization (the CSS class)
     * @param clipped the window goes on beyond the right (or left) edge of the axis
     */
    public record Bar(String label, String kind, double x, double width, double y, boolean clipped) {

        public double labelY() {
            return y - 4;
        }
    }

    public record Tick(double x, String label) {
    }

    static Timeline empty() {
        return new Timeline(List.of(), List.of(), 0, "Nothing is scheduled yet");
    }

    public boolean isEmpty() {
        return bars.isEmpty();
    }

    public int width() {
        return WIDTH;
    }

    static Timeline of(JsonNode pillars, Duration minimumDrugLeadTime) {
        JsonNode drug = pillars.path("drug");
        JsonNode nursing = pillars.path("nursing");
        JsonNode supplies = pillars.path("supplies");
        OffsetDateTime drugStart = Times.parse(drug.path("delivery").path("etaStart"));
        OffsetDateTime drugEnd = Times.parse(drug.path("delivery").path("etaEnd"));
        OffsetDateTime beyondUse = Times.parse(drug.path("beyondUseAt"));
        OffsetDateTime suppliesStart = Times.parse(supplies.path("delivery").path("etaStart"));
        OffsetDateTime suppliesEnd = Times.parse(supplies.path("delivery").path("etaEnd"));
        OffsetDateTime visitStart = Times.parse(nursing.path("visit").path("start"));
        int visitMinutes = nursing.path("visit").path("expectedDurationMinutes").asInt(0);
        OffsetDateTime visitEnd = visitStart == null ? null : visitStart.plusMinutes(visitMinutes);
        OffsetDateTime leadEnd = drugEnd == null ? null : drugEnd.plus(minimumDrugLeadTime);

        List<OffsetDateTime> moments = new ArrayList<>();
        for (OffsetDateTime moment : new OffsetDateTime[] {drugStart, drugEnd, leadEnd, beyondUse, suppliesStart,
                suppliesEnd, visitStart, visitEnd}) {
            if (moment != null) {
                moments.add(moment);
            }
        }
        if (moments.isEmpty()) {
            return empty();
        }
        // Read in the patient's local time: the visit's offset, else the first delivery's.
        ZoneOffset offset = visitStart != null ? visitStart.getOffset() : moments.get(0).getOffset();
        OffsetDateTime from = moments.stream().min(OffsetDateTime::compareTo).orElseThrow().minus(PADDING)
                .withOffsetSameInstant(offset).truncatedTo(ChronoUnit.HOURS);
        OffsetDateTime last = moments.stream().max(OffsetDateTime::compareTo).orElseThrow().plus(PADDING)
                .withOffsetSameInstant(offset);
        OffsetDateTime to = last.truncatedTo(ChronoUnit.HOURS).equals(last) ? last
                : last.truncatedTo(ChronoUnit.HOURS).plusHours(1);
        Axis axis = new Axis(from, to);

        List<Bar> bars = new ArrayList<>();
        if (drugStart != null && drugEnd != null) {
            bars.add(axis.bar("Drug delivery " + Times.window(drugStart, drugEnd), "delivery", drugStart, drugEnd, bars.size()));
            bars.add(axis.bar("Lead time " + minimumDrugLeadTime.toMinutes() + " min", "lead", drugEnd, leadEnd, bars.size()));
        }
        if (beyondUse != null) {
            bars.add(axis.bar("Beyond use " + Times.dayTime(beyondUse), "beyond-use", beyondUse, beyondUse, bars.size()));
        }
        if (suppliesStart != null && suppliesEnd != null) {
            bars.add(axis.bar("Supplies delivery " + Times.window(suppliesStart, suppliesEnd), "delivery", suppliesStart,
                    suppliesEnd, bars.size()));
        }
        if (visitStart != null) {
            bars.add(axis.bar("Nurse visit " + Times.window(visitStart, visitEnd), "visit", visitStart, visitEnd, bars.size()));
        }
        for (String pillar : List.of("drug", "nursing", "supplies")) {
            JsonNode authorization = pillars.path(pillar);
            String validFrom = authorization.path("validFrom").asString("");
            String validTo = authorization.path("validTo").asString("");
            if (!validFrom.isEmpty() && !validTo.isEmpty()) {
                OffsetDateTime start = LocalDate.parse(validFrom).atStartOfDay().atOffset(offset);
                OffsetDateTime end = LocalDate.parse(validTo).plusDays(1).atStartOfDay().atOffset(offset);
                if (end.isAfter(from) && start.isBefore(to)) {
                    bars.add(axis.bar(capitalized(pillar) + " authorization " + validFrom + " to " + validTo,
                            "authorization", start, end, bars.size()));
                }
            }
        }
        String description = "Timeline from " + Times.dayTime(from) + " to " + Times.dayTime(to) + ": "
                + String.join("; ", bars.stream().map(Bar::label).toList());
        return new Timeline(List.copyOf(bars), axis.ticks(), TOP + ROW * bars.size() + 24, description);
    }

    private static String capitalized(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    /** Maps instants onto [0, WIDTH]. */
    private record Axis(OffsetDateTime from, OffsetDateTime to) {

        double x(OffsetDateTime moment) {
            double span = Duration.between(from, to).toSeconds();
            double at = Duration.between(from, moment).toSeconds();
            return Math.max(0, Math.min(WIDTH, WIDTH * at / span));
        }

        Bar bar(String label, String kind, OffsetDateTime start, OffsetDateTime end, int row) {
            double x = x(start);
            double width = Math.max(3, x(end) - x);
            boolean clipped = start.isBefore(from) || end.isAfter(to);
            return new Bar(label, kind, x, Math.min(width, WIDTH - x), TOP + 16 + ROW * row, clipped);
        }

        List<Tick> ticks() {
            long hours = Duration.between(from, to).toHours();
            long step = Math.max(1, (long) Math.ceil(hours / 6.0));
            List<Tick> ticks = new ArrayList<>();
            for (OffsetDateTime tick = from; !tick.isAfter(to); tick = tick.plusHours(step)) {
                ticks.add(new Tick(x(tick), Times.time(tick)));
            }
            return ticks;
        }
    }
}
