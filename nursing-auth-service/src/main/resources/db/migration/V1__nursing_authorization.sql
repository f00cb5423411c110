-- One row per nursing authorization: the aggregate as a JSON document, plus the columns we search by.
CREATE TABLE nursing_authorization (
    id                UUID PRIMARY KEY,
    specialist_org_id TEXT        NOT NULL,
    case_id           TEXT        NOT NULL,
    agency_org_id     TEXT        NOT NULL,
    payer_id          TEXT        NOT NULL,
    version           BIGINT      NOT NULL,
    requested_at      TIMESTAMPTZ NOT NULL,
    state             JSONB       NOT NULL
);

CREATE INDEX nursing_authorization_by_case ON nursing_authorization (case_id, specialist_org_id);
