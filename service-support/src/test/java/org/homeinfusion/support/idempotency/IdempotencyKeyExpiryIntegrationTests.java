package org.homeinfusion.support.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.homeinfusion.support.problem.ApiProblem;
import org.homeinfusion.testsupport.RealInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Idempotency-Keys against a real PostgreSQL: remembered for the retention, then forgotten and purged. */
class IdempotencyKeyExpiryIntegrationTests {

    private static final Duration RETENTION = Duration.ofHours(24);

    static JdbcClient jdbc;
    static TransactionTemplate transactions;

    MovableClock clock;
    IdempotentCreation idempotency;
    IdempotencyKeyPurge purge;
    String scope;

    @BeforeAll
    static void database() {
        DataSource dataSource = new DriverManagerDataSource(RealInfrastructure.jdbcUrl("idempotency_expiry"),
                RealInfrastructure.username(), RealInfrastructure.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/support").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @BeforeEach
    void freshClockAndScope() {
        jdbc.sql("DELETE FROM idempotency_key").update();
        clock = new MovableClock(Instant.parse("2026-12-08T12:00:00Z"));
        IdempotencyProperties properties = new IdempotencyProperties(RETENTION, Duration.ofMillis(100), 2);
        idempotency = new IdempotentCreation(jdbc, JsonMapper.builder().build(), clock, properties);
        purge = new IdempotencyKeyPurge(jdbc, properties, clock);
        scope = "ORG-" + UUID.randomUUID() + ":things";
    }

    @Test
    void aRetryJustBeforeTheRetentionEndsReturnsTheOriginal() {
        UUID original = create("key-1", Map.of("name", "first"));
        clock.advance(RETENTION.minusSeconds(1));

        assertThat(create("key-1", Map.of("name", "first"))).isEqualTo(original);
        assertThatThrownBy(() -> create("key-1", Map.of("name", "other")))
                .isInstanceOf(ApiProblem.class).hasMessageContaining("different request body");
    }

    @Test
    void onceTheRetentionHasPassedTheKeyIsForgottenEvenBeforeThePurge() {
        UUID original = create("key-1", Map.of("name", "first"));
        clock.advance(RETENTION);

        UUID again = create("key-1", Map.of("name", "a different body is no longer a reuse"));

        assertThat(again).isNotEqualTo(original);
        assertThat(create("key-1", Map.of("name", "a different body is no longer a reuse"))).isEqualTo(again);
        assertThat(keys()).isEqualTo(1);
    }

    @Test
    void thePurgeDeletesExpiredKeysOnlyInBatchesUntilNoneIsLeft() {
        for (int i = 0; i < 5; i++) {
            create("old-" + i, Map.of("n", i));
        }
        clock.advance(Duration.ofHours(12));
        create("young", Map.of("n", "young"));
        clock.advance(Duration.ofHours(12));

        assertThat(purge.purgeExpired()).isEqualTo(5);
        assertThat(keys()).isEqualTo(1);
        clock.advance(Duration.ofHours(12));
        assertThat(purge.purgeExpired()).isEqualTo(1);
        assertThat(keys()).isZero();
    }

    @Test
    void theScheduledPurgeRunsByItselfOnceTheClockHasMoved() {
        create("key-1", Map.of("name", "first"));
        purge.start();
        try {
            // Runs every 100 ms here, but nothing has expired yet.
            await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> keys() == 1);
            clock.advance(RETENTION.plusSeconds(1));

            await().atMost(Duration.ofSeconds(5)).until(() -> keys() == 0);
        } finally {
            purge.stop();
        }
        assertThat(purge.isRunning()).isFalse();
    }

    private UUID create(String key, Object body) {
        return transactions.execute(status -> idempotency.create(scope, key, body, UUID::randomUUID, id -> id, id -> id))
                .resource();
    }

    private long keys() {
        return jdbc.sql("SELECT count(*) FROM idempotency_key WHERE scope = :scope").param("scope", scope)
                .query(Long.class).single();
    }
}
