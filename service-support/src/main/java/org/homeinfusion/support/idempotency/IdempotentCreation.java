package org.homeinfusion.support.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.homeinfusion.support.problem.ApiProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a creation at most once per (scope, Idempotency-Key). The key row is written in the same
 * transaction as the resource, so a crash leaves either both or neither; concurrent retries with one
 * key queue on a transaction-scoped advisory lock instead of racing to create twins. A key is remembered
 * for {@link IdempotencyProperties#retention()}: after that the same key creates anew, whether or not
 * {@link IdempotencyKeyPurge} has deleted it yet.
 */
public class IdempotentCreation {

    /** Keys are opaque to us but bounded, so a client cannot store arbitrary text through them. */
    private static final String KEY_PATTERN = "[A-Za-z0-9._:-]{1,128}";

    private final JdbcClient jdbc;
    private final JsonMapper jsonMapper;
    private final Clock clock;
    private final Duration retention;

    public IdempotentCreation(JdbcClient jdbc, JsonMapper jsonMapper, Clock clock, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.jsonMapper = jsonMapper;
        this.clock = clock;
        this.retention = properties.retention();
    }

    /** The outcome: the resource, and whether it was created now or earlier under the same key. */
    public record Result<T>(T resource, boolean replayed) {
    }

    /**
     * @param scope          who and what the key belongs to, e.g. {@code "SPEC-1:drug-authorizations"}
     * @param idempotencyKey the client's key, or null for a plain create
     * @param request        the request body; a retry must send an equal body
     * @param creation       creates the resource and returns it as stored (no need to read it back)
     * @param idOf           the id a key is remembered with
     * @param stored         loads the resource an earlier request with the same key created
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> Result<T> create(String scope, String idempotencyKey, Object request, Supplier<T> creation,
            Function<T, UUID> idOf, Function<UUID, T> stored) {
        if (idempotencyKey == null) {
            return new Result<>(creation.get(), false);
        }
        if (!idempotencyKey.matches(KEY_PATTERN)) {
            throw ApiProblem.invalid("Idempotency-Key", "INVALID_IDEMPOTENCY_KEY",
                    "Idempotency-Key must be 1-128 characters of letters, digits, '.', '_', ':' or '-'");
        }
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:lock, 0))")
                .param("lock", scope + "|" + idempotencyKey)
                .query().singleRow();
        String fingerprint = fingerprint(request);
        Instant now = clock.instant();
        Optional<StoredKey> storedKey = jdbc.sql("""
                        SELECT request_fingerprint, resource_id, created_at FROM idempotency_key
                        WHERE scope = :scope AND idempotency_key = :key""")
                .param("scope", scope).param("key", idempotencyKey)
                .query((rs, n) -> new StoredKey(rs.getString(1), rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant()))
                .optional();
        if (storedKey.isPresent() && !storedKey.get().createdAt().isAfter(now.minus(retention))) {
            // Expired, not yet purged: forgotten, as if the purge had run.
            jdbc.sql("DELETE FROM idempotency_key WHERE scope = :scope AND idempotency_key = :key")
                    .param("scope", scope).param("key", idempotencyKey).update();
            storedKey = Optional.empty();
        }
        if (storedKey.isPresent()) {
            if (!storedKey.get().fingerprint().equals(fingerprint)) {
                throw ApiProblem.ruleViolation("Idempotency-Key", "IDEMPOTENCY_KEY_REUSED",
                        "This Idempotency-Key was already used with a different request body");
            }
            return new Result<>(stored.apply(storedKey.get().resourceId()), true);
        }
        T created = creation.get();
        UUID id = idOf.apply(created);
        jdbc.sql("""
                        INSERT INTO idempotency_key (scope, idempotency_key, request_fingerprint, resource_id, created_at)
                        VALUES (:scope, :key, :fingerprint, :id, :createdAt)""")
                .param("scope", scope).param("key", idempotencyKey)
                .param("fingerprint", fingerprint).param("id", id).param("createdAt", Timestamp.from(now))
                .update();
        return new Result<>(created, false);
    }

    private String fingerprint(Object request) {
        try {
            byte[] canonical = jsonMapper.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private record StoredKey(String fingerprint, UUID resourceId, Instant createdAt) {
    }
}
