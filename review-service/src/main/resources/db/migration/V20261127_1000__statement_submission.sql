-- Statements of reasons for the EU DSA Transparency Database (Art. 24(5)): the export reads
-- enforced decisions by the time they took effect; the submitter keeps one row per statement.

-- The export and the report walk enforced decisions in (decided_at, id) order.
CREATE INDEX decision_enforced_at ON decision (decided_at, id) WHERE status = 'ENFORCED' AND kind = 'DECISION';

-- One row per statement to submit, written in the transaction that enforces the decision.
CREATE TABLE statement_submission (
    decision_id     UUID        PRIMARY KEY REFERENCES decision (id),
    puid            TEXT        NOT NULL UNIQUE,    -- the platform's id of the statement: never reused
    state           TEXT        NOT NULL,           -- PENDING, SUBMITTED, INVALID, SKIPPED
    attempts        INTEGER     NOT NULL DEFAULT 0, -- sends that may have reached the database
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT,
    database_id     TEXT,                           -- the database's uuid for the statement, when it says
    created_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ
);
CREATE INDEX statement_submission_due ON statement_submission (next_attempt_at) WHERE state = 'PENDING';

-- Decisions enforced before this table existed are submitted too.
INSERT INTO statement_submission (decision_id, puid, state, next_attempt_at, created_at)
SELECT id, 'modhub-sor-' || id, 'PENDING', decided_at, decided_at
FROM decision
WHERE status = 'ENFORCED' AND kind = 'DECISION' AND statement IS NOT NULL;
