-- The saga's durable memory, per case (specialist organization + caseId).

-- The newest copy of every authorization seen on the pillar topics (older versions are dropped).
CREATE TABLE case_authorization (
    authorization_id  UUID PRIMARY KEY,
    specialist_org_id TEXT   NOT NULL,
    case_id           TEXT   NOT NULL,
    pillar            TEXT   NOT NULL,
    version           BIGINT NOT NULL,
    snapshot          JSONB  NOT NULL
);
CREATE INDEX case_authorization_by_case ON case_authorization (specialist_org_id, case_id);

-- What subscribers were told (recorded: state, readinessVersion, last schedule) and the latest
-- verdict served by the readiness API. participants: every organization taking part in the case.
CREATE TABLE case_readiness (
    specialist_org_id TEXT        NOT NULL,
    case_id           TEXT        NOT NULL,
    state             TEXT        NOT NULL,
    readiness_version BIGINT      NOT NULL,
    recorded          JSONB       NOT NULL,
    readiness         JSONB       NOT NULL,
    participants      TEXT[]      NOT NULL,
    first_event_at    TIMESTAMPTZ NOT NULL,
    ready_at          TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (specialist_org_id, case_id)
);
CREATE INDEX case_readiness_by_participant ON case_readiness USING GIN (participants);
CREATE INDEX case_readiness_by_case_id ON case_readiness (case_id);
