-- Counts the committed changes of a case. The coordinator keeps the state it last wrote in memory and
-- uses it only while the row still has the revision it wrote (see CaseStateCache), so a batch reads back
-- the authorizations of a case only when another instance changed it in between.
ALTER TABLE case_readiness ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
