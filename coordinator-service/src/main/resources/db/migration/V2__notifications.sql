-- Webhook subscriptions and their durable delivery queue (CONTRACT §10).

-- secret is kept as given because every delivery is signed with it; the API never returns it.
CREATE TABLE webhook_subscription (
    id           UUID PRIMARY KEY,
    org_id       TEXT        NOT NULL,
    callback_url TEXT        NOT NULL,
    secret       TEXT        NOT NULL,
    event_types  TEXT[]      NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX webhook_subscription_by_org ON webhook_subscription (org_id, created_at DESC);

-- One row per (subscription, event): the unique key makes a redelivered readiness record schedule
-- nothing twice. status PENDING is due at next_attempt_at; IN_FLIGHT belongs to the dispatcher holding
-- claim_token until next_attempt_at (its lease), after which any instance may reclaim it; DELIVERED and
-- ABANDONED are final.
CREATE TABLE webhook_delivery (
    id                UUID PRIMARY KEY,
    subscription_id   UUID        NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id          TEXT        NOT NULL,
    event_type        TEXT        NOT NULL,
    specialist_org_id TEXT        NOT NULL,
    case_id           TEXT        NOT NULL,
    payload           BYTEA       NOT NULL,
    status            TEXT        NOT NULL,
    attempts          INT         NOT NULL DEFAULT 0,
    next_attempt_at   TIMESTAMPTZ NOT NULL,
    claim_token       UUID,
    last_http_status  INT,
    last_error        TEXT,
    created_at        TIMESTAMPTZ NOT NULL,
    last_attempt_at   TIMESTAMPTZ,
    finished_at       TIMESTAMPTZ,
    UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status IN ('PENDING', 'IN_FLIGHT');
CREATE INDEX webhook_delivery_by_subscription ON webhook_delivery (subscription_id, created_at DESC);
CREATE INDEX webhook_delivery_finished ON webhook_delivery (finished_at) WHERE finished_at IS NOT NULL;

-- Every HTTP attempt, for the subscriber's delivery log.
CREATE TABLE webhook_delivery_attempt (
    delivery_id UUID        NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempt     INT         NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL,
    duration_ms BIGINT      NOT NULL,
    outcome     TEXT        NOT NULL,
    http_status INT,
    error       TEXT,
    PRIMARY KEY (delivery_id, attempt)
);
