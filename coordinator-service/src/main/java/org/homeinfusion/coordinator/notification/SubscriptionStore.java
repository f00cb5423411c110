package org.homeinfusion.coordinator.notification;

import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Subscriptions, always looked up together with the organization that owns them. */
@Repository
class SubscriptionStore {

    private final JdbcClient jdbc;

    SubscriptionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Subscription subscription) {
        jdbc.sql("""
                        INSERT INTO webhook_subscription (id, org_id, callback_url, secret, event_types, created_at)
                        VALUES (:id, :org, :url, :secret, ARRAY[:types]::text[], :createdAt)""")
                .param("id", subscription.id()).param("org", subscription.orgId())
                .param("url", subscription.callbackUrl().toString()).param("secret", subscription.secret())
                .param("types", subscription.eventTypes())
                .param("createdAt", Timestamp.from(subscription.createdAt()))
                .update();
    }

    /**
     * Serializes creations of one organization until commit, so concurrent requests cannot together
     * exceed the per-organization limit.
     */
    long lockAndCount(String org) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:lock, 0))")
                .param("lock", "webhook_subscription|" + org).query().singleRow();
        return jdbc.sql("SELECT count(*) FROM webhook_subscription WHERE org_id = :org")
                .param("org", org).query(Long.class).single();
    }

    Optional<Subscription> find(UUID id, String org) {
        return jdbc.sql("SELECT * FROM webhook_subscription WHERE id = :id AND org_id = :org")
                .param("id", id).param("org", org)
                .query((rs, n) -> map(rs)).optional();
    }

    List<Subscription> list(String org, int limit, int offset) {
        return jdbc.sql("""
                        SELECT * FROM webhook_subscription WHERE org_id = :org
                        ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset""")
                .param("org", org).param("limit", limit).param("offset", offset)
                .query((rs, n) -> map(rs)).list();
    }

    /**
     * The new secret replaces the current one, which becomes the previous secret until {@code previousExpiresAt}
     * (a secret replaced earlier is dropped: two at most are active). One statement, so concurrent rotations
     * cannot lose a secret between them.
     *
     * @return false if the organization has no such subscription
     */
    boolean rotateSecret(UUID id, String org, String secret, Instant previousExpiresAt) {
        return jdbc.sql("""
                        UPDATE webhook_subscription SET
                            previous_secret = CASE WHEN secret = :secret THEN previous_secret
                                                   WHEN CAST(:expiresAt AS timestamptz) IS NULL THEN NULL ELSE secret END,
                            previous_secret_expires_at = CASE WHEN secret = :secret THEN previous_secret_expires_at
                                                              ELSE CAST(:expiresAt AS timestamptz) END,
                            secret = :secret
                        WHERE id = :id AND org_id = :org""")
                .param("id", id).param("org", org).param("secret", secret)
                .param("expiresAt", previousExpiresAt == null ? null : Timestamp.from(previousExpiresAt))
                .update() == 1;
    }

    /** Removes the subscription and, with it, its pending deliveries and their log. */
    boolean delete(UUID id, String org) {
        return jdbc.sql("DELETE FROM webhook_subscription WHERE id = :id AND org_id = :org")
                .param("id", id).param("org", org).update() == 1;
    }

    private static Subscription map(ResultSet rs) throws SQLException {
        Array types = rs.getArray("event_types");
        return new Subscription(rs.getObject("id", UUID.class), rs.getString("org_id"),
                URI.create(rs.getString("callback_url")), rs.getString("secret"),
                List.copyOf(Arrays.asList((String[]) types.getArray())), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("previous_secret_expires_at") == null ? null
                        : rs.getTimestamp("previous_secret_expires_at").toInstant());
    }
}
