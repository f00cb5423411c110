package org.homeinfusion.coordinator.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.homeinfusion.support.problem.ApiProblem;
import org.homeinfusion.support.security.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/payer-turnaround}: for the caller's own cases, per payer, pillar and urgency, the figures
 * CMS-0057-F has payers publish, measured from the provider's side. Requests are counted by the day they were
 * submitted (UTC), both ends inclusive.
 */
@RestController
class PayerTurnaroundController {

    /** A year of requests is the longest period one report covers. */
    private static final int MAX_DAYS = 366;

    private final JdbcClient jdbc;
    private final Clock clock;

    PayerTurnaroundController(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Row(String payerId, String pillar, String urgency, long requested, long decided, long approved,
               long partiallyApproved, long denied, long overturnedOnAppeal, Double medianHoursToDecision,
               Double p90HoursToDecision, long overdue) {
    }

    record Report(String specialistOrgId, LocalDate from, LocalDate to, List<Row> rows) {
    }

    @GetMapping("/api/reports/payer-turnaround")
    Report payerTurnaround(Actor actor, @RequestParam LocalDate from, @RequestParam LocalDate to) {
        if (to.isBefore(from)) {
            throw ApiProblem.invalid("to", "PERIOD_REVERSED", "to must not be before from");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw ApiProblem.invalid("to", "PERIOD_TOO_LONG", "a report covers at most " + MAX_DAYS + " days");
        }
        List<Row> rows = jdbc.sql("""
                        SELECT payer_id, pillar, urgency, count(*) AS requested,
                               count(first_decided_at) AS decided,
                               count(*) FILTER (WHERE last_outcome = 'APPROVED') AS approved,
                               count(*) FILTER (WHERE last_outcome = 'PARTIALLY_APPROVED') AS partially_approved,
                               count(*) FILTER (WHERE last_outcome = 'DENIED') AS denied,
                               count(*) FILTER (WHERE overturned) AS overturned,
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_decided_at - submitted_at) / 3600)
                                   FILTER (WHERE first_decided_at IS NOT NULL) AS median_hours,
                               percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM first_decided_at - submitted_at) / 3600)
                                   FILTER (WHERE first_decided_at IS NOT NULL) AS p90_hours,
                               count(*) FILTER (WHERE (first_decided_at IS NULL AND due_at < :now)
                                                   OR first_decided_at > due_at) AS overdue
                        FROM payer_request
                        WHERE specialist_org_id = :org AND submitted_at >= :from AND submitted_at < :until
                        GROUP BY payer_id, pillar, urgency
                        ORDER BY payer_id, pillar, urgency""")
                .param("org", actor.org())
                .param("from", Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .param("until", Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
                .param("now", Timestamp.from(clock.instant()))
                .query(PayerTurnaroundController::row).list();
        return new Report(actor.org(), from, to, rows);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("payer_id"), rs.getString("pillar"), rs.getString("urgency"),
                rs.getLong("requested"), rs.getLong("decided"), rs.getLong("approved"),
                rs.getLong("partially_approved"), rs.getLong("denied"), rs.getLong("overturned"),
                hours(rs, "median_hours"), hours(rs, "p90_hours"), rs.getLong("overdue"));
    }

    /** Rounded to a tenth of an hour; null when nothing was decided yet. */
    private static Double hours(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : Math.round(value * 10) / 10.0;
    }
}
