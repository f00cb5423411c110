-- Every readiness version a case announced (docs/api.md, Readiness history), written in the transaction that
-- appends the event to the outbox, so the history holds exactly the versions that reach case-readiness.events.
CREATE TABLE case_readiness_history (
    specialist_org_id TEXT        NOT NULL,
    case_id           TEXT        NOT NULL,
    readiness_version BIGINT      NOT NULL,
    event_type        TEXT        NOT NULL,
    event             JSONB       NOT NULL,
    occurred_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (specialist_org_id, case_id, readiness_version)
);
