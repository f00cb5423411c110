package org.homeinfusion.nursingauth.authorization;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.homeinfusion.support.problem.ApiProblem;
import org.homeinfusion.support.problem.Violation;
import org.springframework.http.HttpStatus;

/**
 * A nursing order's frequency, written {@code NwM}: N visits a week for M weeks, so {@code 2w4} asks
 * for 8 visits.
 * <p>
 * N is at most {@value #MAX_VISITS_PER_WEEK}: three visits a day, every day, is the most an order
 * schedules as separate visits; more is continuous care, billed per hour (S9123/S9124), not per visit.
 * M is at most {@value #MAX_WEEKS}: payers authorize home nursing for a certification period (60 days
 * in home health) and re-authorize after it, so a year is already generous. Both bounds keep the
 * frequency within the event contract, which writes N and M with at most two digits each.
 */
record VisitFrequency(int visitsPerWeek, int weeks) {

    static final int MAX_VISITS_PER_WEEK = 21;
    static final int MAX_WEEKS = 52;

    /** Digits without leading zeros (a lone 0 is read so it can be refused as out of range); nine at most, so they fit an int. */
    private static final Pattern SHAPE = Pattern.compile("(0|[1-9]\\d{0,8})[wW](0|[1-9]\\d{0,8})");
    private static final String FIELD = "frequency";
    private static final String CODE = "INVALID_FREQUENCY";

    /** Reads {@code NwM}; anything else is a 400 naming what is wrong (both numbers, when both are). */
    static VisitFrequency parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid(List.of("frequency is required: N visits a week for M weeks, written NwM, e.g. 2w4"));
        }
        Matcher matcher = SHAPE.matcher(text);
        if (!matcher.matches()) {
            throw invalid(List.of("frequency must be N visits a week for M weeks, written NwM without spaces "
                    + "or leading zeros, e.g. 2w4"));
        }
        int visitsPerWeek = Integer.parseInt(matcher.group(1));
        int weeks = Integer.parseInt(matcher.group(2));
        List<String> problems = new ArrayList<>();
        if (visitsPerWeek < 1 || visitsPerWeek > MAX_VISITS_PER_WEEK) {
            problems.add("frequency must have 1 to " + MAX_VISITS_PER_WEEK + " visits a week");
        }
        if (weeks < 1 || weeks > MAX_WEEKS) {
            problems.add("frequency must run for 1 to " + MAX_WEEKS + " weeks");
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return new VisitFrequency(visitsPerWeek, weeks);
    }

    /** The visits the order asks for in total. */
    int visits() {
        return visitsPerWeek * weeks;
    }

    /** The canonical spelling, e.g. {@code 2w4}, as it travels in events. */
    String text() {
        return visitsPerWeek + "w" + weeks;
    }

    private static ApiProblem invalid(List<String> messages) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", String.join("; ", messages),
                messages.stream().map(message -> new Violation(FIELD, CODE, message)).toList());
    }
}
