-- Lets the purge of expired Idempotency-Keys (IdempotencyKeyPurge) find them without scanning the table.
-- Repeatable rather than versioned: a V0_2 here would sort before the migrations services have already
-- applied, and Flyway refuses such a late arrival.
CREATE INDEX IF NOT EXISTS idempotency_key_created_at ON idempotency_key (created_at);
