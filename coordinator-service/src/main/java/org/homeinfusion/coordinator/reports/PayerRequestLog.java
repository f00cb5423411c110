package org.homeinfusion.coordinator.reports;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.homeinfusion.coordinator.alerts.AlertProperties;
import org.homeinfusion.coordinator.cases.CaseChange;
import org.homeinfusion.coordinator.cases.CaseFollowUp;
import org.homeinfusion.coordinator.readiness.Authorization;
import org.homeinfusion.coordinator.readiness.AuthorizationStatus;
import org.homeinfusion.coordinator.readiness.PayerSubmission;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records each authorization request's life with its payer, in the transaction of the pillar event that changed it:
 * submitted, first decided (the turnaround), last decided, denied then approved (overturned on appeal). Written only
 * when a request appears or its status changes, so a replayed event writes nothing. The decision time is when the
 * coordinator learned of it, which is within moments of the payer's answer while the intake keeps up.
 */
@Component
class PayerRequestLog implements CaseFollowUp {

    static final Set<AuthorizationStatus> DECISIONS = EnumSet.of(AuthorizationStatus.APPROVED,
            AuthorizationStatus.PARTIALLY_APPROVED, AuthorizationStatus.DENIED);
    private static final Set<AuthorizationStatus> UNDECIDED = EnumSet.of(AuthorizationStatus.REQUESTED,
            AuthorizationStatus.PENDED);

    private final NamedParameterJdbcTemplate named;
    private final AlertProperties alerts;
    private final MeterRegistry meters;

    PayerRequestLog(NamedParameterJdbcTemplate named, AlertProperties alerts, MeterRegistry meters) {
        this.named = named;
        this.alerts = alerts;
        this.meters = meters;
    }

    /** Nothing to publish: the log feeds the report and the histogram only. */
    @Override
    public String topic() {
        return "none";
    }

    @Override
    public Outcome afterChanges(List<CaseChange> changes, Instant now) {
        List<MapSqlParameterSource> rows = new ArrayList<>();
        for (CaseChange change : changes) {
            for (Authorization after : change.after().authorizations().all()) {
                Optional<Authorization> before = change.before().authorizations().find(after.id());
                if (before.isPresent() && before.get().status() == after.status()) {
                    continue;
                }
                // Bundled supplies never go to a payer; a copy without any time cannot be measured.
                if (after.status() == AuthorizationStatus.NOT_REQUIRED
                        || after.submissionOrDefault().submittedAt() == null) {
                    continue;
                }
                rows.add(row(change, after, now));
                boolean firstDecision = DECISIONS.contains(after.status())
                        && before.map(b -> UNDECIDED.contains(b.status())).orElse(true);
                if (firstDecision) {
                    record(after, now);
                }
            }
        }
        if (!rows.isEmpty()) {
            named.batchUpdate(UPSERT, rows.toArray(MapSqlParameterSource[]::new));
        }
        return Outcome.NOTHING;
    }

    private static final String UPSERT = """
            INSERT INTO payer_request (authorization_id, specialist_org_id, case_id, payer_id, pillar, urgency,
                                       submitted_at, due_at, first_decided_at, first_outcome, last_outcome, ever_denied,
                                       overturned)
            VALUES (:id, :org, :caseId, :payerId, :pillar, :urgency, :submittedAt, :dueAt, :decidedAt, :outcome, :outcome,
                    :denied, false)
            ON CONFLICT (authorization_id) DO UPDATE SET
                first_decided_at = COALESCE(payer_request.first_decided_at, EXCLUDED.first_decided_at),
                first_outcome = COALESCE(payer_request.first_outcome, EXCLUDED.first_outcome),
                last_outcome = COALESCE(EXCLUDED.last_outcome, payer_request.last_outcome),
                overturned = payer_request.overturned
                    OR (payer_request.ever_denied AND EXCLUDED.last_outcome IN ('APPROVED', 'PARTIALLY_APPROVED')),
                ever_denied = payer_request.ever_denied OR EXCLUDED.ever_denied""";

    private MapSqlParameterSource row(CaseChange change, Authorization authorization, Instant now) {
        PayerSubmission submission = authorization.submissionOrDefault();
        boolean decided = DECISIONS.contains(authorization.status());
        Duration clock = alerts.decisionClock().of(authorization.pillar(), submission.urgency());
        return new MapSqlParameterSource("id", authorization.id())
                .addValue("org", change.after().key().specialistOrgId())
                .addValue("caseId", change.after().key().caseId())
                .addValue("payerId", submission.payerId())
                .addValue("pillar", authorization.pillar().name())
                .addValue("urgency", submission.urgency().name())
                .addValue("submittedAt", Timestamp.from(submission.submittedAt()))
                .addValue("dueAt", Timestamp.from(submission.submittedAt().plus(clock)))
                .addValue("decidedAt", decided ? Timestamp.from(now) : null)
                .addValue("outcome", decided ? authorization.status().name() : null)
                .addValue("denied", authorization.status() == AuthorizationStatus.DENIED);
    }

    private void record(Authorization authorization, Instant now) {
        PayerSubmission submission = authorization.submissionOrDefault();
        Duration took = Duration.between(submission.submittedAt(), now);
        if (took.isNegative()) {
            return; // a submission time ahead of this coordinator's clock: no turnaround to measure
        }
        Timer.builder("payer.decision.time")
                .description("From a request's submission to the payer's first decision")
                .tag("payer", String.valueOf(submission.payerId()))
                .tag("pillar", authorization.pillar().name())
                .tag("urgency", submission.urgency().name())
                .tag("outcome", authorization.status().name())
                .publishPercentileHistogram()
                .register(meters)
                .record(took);
    }
}
