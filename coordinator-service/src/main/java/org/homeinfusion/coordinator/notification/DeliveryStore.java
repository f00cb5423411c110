package org.homeinfusion.coordinator.notification;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The durable delivery queue. Each statement stands alone (no transaction spans an HTTP call): rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED} so instances never share one, and a claim carries a token
 * so a dispatcher whose lease lapsed cannot overwrite the outcome of the one that took over.
 */
@Repository
class DeliveryStore {

    private static final int ERROR_MAX = 500;

    private final JdbcClient jdbc;

    DeliveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A delivery claimed for one retry cycle, with what is needed to send it. {@code previousSecret} is the secret
     * a rotation replaced, still signing until {@code previousSecretExpiresAt} (both null outside an overlap).
     */
    record Claimed(UUID id, UUID claimToken, String eventId, String eventType, byte[] payload, Instant createdAt,
                   URI callbackUrl, String secret, String previousSecret, Instant previousSecretExpiresAt,
                   String traceParent) {

        /** The secrets that sign an attempt made at {@code now}: the replaced one first while it is still active. */
        List<String> activeSecrets(Instant now) {
            return previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)
                    ? List.of(previousSecret, secret) : List.of(secret);
        }

        @Override
        public String toString() {
            return "Claimed[id=" + id + ", eventId=" + eventId + ", callbackUrl=" + callbackUrl + "]";
        }
    }

    /** One finished HTTP attempt. */
    record Attempt(Instant startedAt, long durationMs, AttemptOutcome outcome, Integer httpStatus, String error) {
    }

    /**
     * Schedules each event for every subscription that asked for its type, belongs to an organization taking part
     * in its case (the specialist organization, or one in the participants the saga last recorded, as
     * {@link CaseParticipants} reads them; for an alert, its own audience) and existed when the readiness changed: a new subscriber is not sent
     * history it never asked for. One statement per batch, whatever its size; idempotent, so a redelivered record
     * finds its rows already there.
     *
     * @return how many deliveries were created now
     */
    int scheduleAll(List<ReadinessRecord> records, Instant now) {
        Map<String, ReadinessRecord> byEventId = new LinkedHashMap<>();
        records.forEach(record -> byEventId.putIfAbsent(record.eventId(), record));
        List<ReadinessRecord> events = List.copyOf(byEventId.values());
        return jdbc.sql("""
                        INSERT INTO webhook_delivery (id, subscription_id, event_id, event_type, specialist_org_id, case_id,
                                                      payload, status, attempts, next_attempt_at, created_at, trace_parent)
                        SELECT gen_random_uuid(), s.id, e.event_id, e.event_type, e.specialist_org_id, e.case_id,
                               e.payload, 'PENDING', 0, :now, :now, e.trace_parent
                        FROM unnest(CAST(:eventIds AS text[]), CAST(:eventTypes AS text[]), CAST(:orgs AS text[]),
                                    CAST(:caseIds AS text[]), CAST(:payloads AS bytea[]), CAST(:occurredAts AS timestamptz[]),
                                    CAST(:audiences AS text[]), CAST(:traceParents AS text[]))
                             AS e(event_id, event_type, specialist_org_id, case_id, payload, occurred_at, audience,
                                  trace_parent)
                        LEFT JOIN case_readiness c ON c.specialist_org_id = e.specialist_org_id AND c.case_id = e.case_id
                        JOIN webhook_subscription s
                          ON e.event_type = ANY (s.event_types)
                         AND (CASE WHEN e.audience IS NULL
                                   THEN s.org_id = e.specialist_org_id OR s.org_id = ANY (c.participants)
                                   ELSE s.org_id = ANY (string_to_array(e.audience, ',')) END)
                         AND (e.occurred_at IS NULL OR s.created_at <= e.occurred_at)
                        ON CONFLICT (subscription_id, event_id) DO NOTHING""")
                .param("eventIds", events.stream().map(ReadinessRecord::eventId).toArray(String[]::new))
                .param("eventTypes", events.stream().map(ReadinessRecord::eventType).toArray(String[]::new))
                .param("orgs", events.stream().map(ReadinessRecord::specialistOrgId).toArray(String[]::new))
                .param("caseIds", events.stream().map(ReadinessRecord::caseId).toArray(String[]::new))
                .param("payloads", events.stream().map(ReadinessRecord::payload).toArray(byte[][]::new))
                .param("occurredAts", events.stream()
                        .map(event -> event.occurredAt() == null ? null : event.occurredAt().toString())
                        .toArray(String[]::new))
                .param("audiences", events.stream().map(ReadinessRecord::audienceList).toArray(String[]::new))
                .param("traceParents", events.stream().map(ReadinessRecord::traceParent).toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Claims up to {@code limit} due deliveries: pending ones whose time has come and in-flight ones whose
     * lease lapsed (their dispatcher died). The lease end becomes their due time, so a claim that is never
     * released makes the row due again by itself.
     */
    List<Claimed> claimDue(int limit, Instant now, Instant leaseEnd, UUID token) {
        return jdbc.sql("""
                        WITH due AS (
                            SELECT id FROM webhook_delivery
                            WHERE status IN ('PENDING', 'IN_FLIGHT') AND next_attempt_at <= :now
                            ORDER BY next_attempt_at
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED)
                        UPDATE webhook_delivery d SET status = 'IN_FLIGHT', claim_token = :token, next_attempt_at = :leaseEnd
                        FROM due, webhook_subscription s
                        WHERE d.id = due.id AND s.id = d.subscription_id
                        RETURNING d.id, d.event_id, d.event_type, d.payload, d.created_at, s.callback_url, s.secret,
                                  s.previous_secret, s.previous_secret_expires_at, d.trace_parent""")
                .param("now", Timestamp.from(now)).param("limit", limit)
                .param("token", token).param("leaseEnd", Timestamp.from(leaseEnd))
                .query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), token, rs.getString("event_id"),
                        rs.getString("event_type"), rs.getBytes("payload"), rs.getTimestamp("created_at").toInstant(),
                        URI.create(rs.getString("callback_url")), rs.getString("secret"), rs.getString("previous_secret"),
                        instant(rs, "previous_secret_expires_at"), rs.getString("trace_parent")))
                .list();
    }

    /** Logs an attempt and numbers it; done whether or not the claim still holds, because the attempt happened. */
    void recordAttempt(UUID deliveryId, Attempt attempt) {
        String error = bounded(attempt.error());
        jdbc.sql("""
                        WITH counted AS (
                            UPDATE webhook_delivery SET attempts = attempts + 1, last_http_status = CAST(:status AS integer),
                                   last_error = CAST(:error AS text), last_attempt_at = CAST(:startedAt AS timestamptz)
                            WHERE id = :id
                            RETURNING id, attempts)
                        INSERT INTO webhook_delivery_attempt (delivery_id, attempt, started_at, duration_ms, outcome, http_status, error)
                        SELECT id, attempts, CAST(:startedAt AS timestamptz), :durationMs, :outcome,
                               CAST(:status AS integer), CAST(:error AS text)
                        FROM counted""")
                .param("id", deliveryId).param("status", attempt.httpStatus()).param("error", error)
                .param("startedAt", Timestamp.from(attempt.startedAt())).param("durationMs", attempt.durationMs())
                .param("outcome", attempt.outcome().name())
                .update();
    }

    boolean markDelivered(Claimed claimed, Instant now) {
        return jdbc.sql("""
                        UPDATE webhook_delivery SET status = 'DELIVERED', claim_token = NULL, finished_at = :now
                        WHERE id = :id AND claim_token = :token""")
                .param("id", claimed.id()).param("token", claimed.claimToken()).param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** Releases the claim; the delivery is due again at {@code nextAttemptAt}. A non-null note replaces the last error. */
    boolean reschedule(Claimed claimed, Instant nextAttemptAt, String note) {
        return jdbc.sql("""
                        UPDATE webhook_delivery SET status = 'PENDING', claim_token = NULL, next_attempt_at = :next,
                               last_error = COALESCE(CAST(:note AS text), last_error)
                        WHERE id = :id AND claim_token = :token""")
                .param("id", claimed.id()).param("token", claimed.claimToken())
                .param("next", Timestamp.from(nextAttemptAt)).param("note", bounded(note))
                .update() == 1;
    }

    boolean abandon(Claimed claimed, Instant now, String note) {
        return jdbc.sql("""
                        UPDATE webhook_delivery SET status = 'ABANDONED', claim_token = NULL, finished_at = :now,
                               last_error = COALESCE(CAST(:note AS text), last_error)
                        WHERE id = :id AND claim_token = :token""")
                .param("id", claimed.id()).param("token", claimed.claimToken()).param("now", Timestamp.from(now))
                .param("note", bounded(note))
                .update() == 1;
    }

    /** The subscription's most recent deliveries, newest first, each with its last few attempts. */
    List<DeliveryView> recent(UUID subscriptionId, int limit, int attemptsPerDelivery) {
        List<DeliveryView> deliveries = jdbc.sql("""
                        SELECT * FROM webhook_delivery WHERE subscription_id = :subscription
                        ORDER BY created_at DESC, event_id DESC LIMIT :limit""")
                .param("subscription", subscriptionId).param("limit", limit)
                .query((rs, n) -> mapDelivery(rs)).list();
        if (deliveries.isEmpty()) {
            return deliveries;
        }
        Map<UUID, List<DeliveryView.AttemptView>> attempts = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT * FROM (
                            SELECT a.*, row_number() OVER (PARTITION BY delivery_id ORDER BY attempt DESC) AS recency
                            FROM webhook_delivery_attempt a WHERE delivery_id IN (:ids)) recent
                        WHERE recency <= :perDelivery
                        ORDER BY delivery_id, attempt""")
                .param("ids", deliveries.stream().map(DeliveryView::id).toList())
                .param("perDelivery", attemptsPerDelivery)
                .query(rs -> {
                    attempts.computeIfAbsent(rs.getObject("delivery_id", UUID.class), id -> new ArrayList<>())
                            .add(new DeliveryView.AttemptView(rs.getInt("attempt"), instant(rs, "started_at"),
                                    rs.getLong("duration_ms"), AttemptOutcome.valueOf(rs.getString("outcome")),
                                    (Integer) rs.getObject("http_status"), rs.getString("error")));
                });
        return deliveries.stream().map(d -> new DeliveryView(d.id(), d.eventId(), d.eventType(), d.specialistOrgId(),
                d.caseId(), d.status(), d.attempts(), d.lastHttpStatus(), d.lastError(), d.createdAt(), d.lastAttemptAt(),
                d.nextAttemptAt(), d.finishedAt(), attempts.getOrDefault(d.id(), List.of()))).toList();
    }

    /** Deliveries not yet finished, by status, for the backlog gauge. */
    Map<DeliveryStatus, Long> backlog() {
        Map<DeliveryStatus, Long> counts = new LinkedHashMap<>();
        counts.put(DeliveryStatus.PENDING, 0L);
        counts.put(DeliveryStatus.IN_FLIGHT, 0L);
        jdbc.sql("SELECT status, count(*) FROM webhook_delivery WHERE status IN ('PENDING', 'IN_FLIGHT') GROUP BY status")
                .query(rs -> {
                    counts.put(DeliveryStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    /** Deletes up to {@code batch} deliveries finished before {@code before}, with their attempts. */
    int purgeFinishedBefore(Instant before, int batch) {
        return jdbc.sql("""
                        DELETE FROM webhook_delivery WHERE id IN (
                            SELECT id FROM webhook_delivery WHERE finished_at < :before LIMIT :batch)""")
                .param("before", Timestamp.from(before)).param("batch", batch)
                .update();
    }

    private static DeliveryView mapDelivery(ResultSet rs) throws SQLException {
        DeliveryStatus status = DeliveryStatus.valueOf(rs.getString("status"));
        return new DeliveryView(rs.getObject("id", UUID.class), rs.getString("event_id"), rs.getString("event_type"),
                rs.getString("specialist_org_id"), rs.getString("case_id"), status, rs.getInt("attempts"),
                (Integer) rs.getObject("last_http_status"), rs.getString("last_error"), instant(rs, "created_at"),
                instant(rs, "last_attempt_at"),
                status == DeliveryStatus.PENDING ? instant(rs, "next_attempt_at") : null,
                instant(rs, "finished_at"), List.of());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String bounded(String text) {
        return text == null || text.length() <= ERROR_MAX ? text : text.substring(0, ERROR_MAX);
    }
}
