-- The saga's clock: when time alone will next give a case something to do (its earliest waiting deadline). One
-- timestamp per case, in the row the intake writes anyway; the clock reads only the cases whose time came.
ALTER TABLE case_readiness ADD COLUMN revisit_at TIMESTAMPTZ;
CREATE INDEX case_readiness_revisit ON case_readiness (revisit_at) WHERE revisit_at IS NOT NULL;

-- The alerts raised (OPEN, then RESOLVED), and those SKIPPED because a later alert of the same series was raised in
-- their place. alert_id is derived from what the alert is about, so it is raised and resolved at most once.
CREATE TABLE case_alert (
    alert_id          UUID PRIMARY KEY,
    specialist_org_id TEXT        NOT NULL,
    case_id           TEXT        NOT NULL,
    alert_type        TEXT        NOT NULL,
    state             TEXT        NOT NULL,
    severity          TEXT        NOT NULL,
    -- Alerts of one series (one visit's horizons) supersede one another when several fall due together.
    series            TEXT,
    due_at            TIMESTAMPTZ NOT NULL,
    raised_at         TIMESTAMPTZ,
    resolved_at       TIMESTAMPTZ,
    resolution        TEXT,
    -- Once raised: the organizations that may see it (the specialist and every organization asked to act), and the
    -- event as published.
    audience          TEXT[],
    alert             JSONB
);
CREATE INDEX case_alert_by_case ON case_alert (case_id, specialist_org_id);
CREATE INDEX case_alert_by_audience ON case_alert USING GIN (audience) WHERE audience IS NOT NULL;

-- Each authorization request's life with its payer, for the payer turnaround report: written when a request
-- appears or its status changes. due_at is submitted_at plus the decision clock of its pillar and urgency.
CREATE TABLE payer_request (
    authorization_id  UUID PRIMARY KEY,
    specialist_org_id TEXT        NOT NULL,
    case_id           TEXT        NOT NULL,
    payer_id          TEXT,
    pillar            TEXT        NOT NULL,
    urgency           TEXT        NOT NULL,
    submitted_at      TIMESTAMPTZ NOT NULL,
    due_at            TIMESTAMPTZ NOT NULL,
    first_decided_at  TIMESTAMPTZ,
    first_outcome     TEXT,
    last_outcome      TEXT,
    ever_denied       BOOLEAN     NOT NULL,
    overturned        BOOLEAN     NOT NULL
);
CREATE INDEX payer_request_by_org ON payer_request (specialist_org_id, submitted_at);
