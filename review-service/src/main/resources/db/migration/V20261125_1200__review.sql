-- review-service: cases, their reports and notes, decisions with statements of reasons (DSA Art. 17),
-- the enforcement ledger, owner requests, policy versions and the append-only audit log.

-- A case: at most one open (state <> 'CLOSED') per subject.
CREATE TABLE review_case (
    id                  UUID        PRIMARY KEY,
    subject_key         TEXT        NOT NULL,
    subject_kind        TEXT        NOT NULL,
    state               TEXT        NOT NULL,           -- OPEN, CLAIMED, AWAITING_OWNER, PENDING_APPROVAL, CLOSED
    category            TEXT        NOT NULL,           -- PolicyCategory name of its most severe report
    subcategory         TEXT,
    severity            TEXT        NOT NULL,           -- highest severity among its reports
    -- Queue order: higher is more urgent. queue_key is its negation so one ascending index
    -- (queue_key, due_at, id) serves "priority desc, due asc" with row-value keyset pagination.
    priority            INTEGER     NOT NULL,
    queue_key           INTEGER     GENERATED ALWAYS AS (-priority) STORED,
    origin              TEXT        NOT NULL,           -- DecisionOrigin
    report_count        INTEGER     NOT NULL DEFAULT 0,
    trusted_reports     INTEGER     NOT NULL DEFAULT 0,
    escalated           BOOLEAN     NOT NULL DEFAULT FALSE,
    escalation_reason   TEXT,
    assignee            TEXT,
    claimed_at          TIMESTAMPTZ,
    due_at              TIMESTAMPTZ NOT NULL,
    notice_id           UUID,
    appeal_id           UUID,
    return_reason       TEXT,                           -- why it came back to the queue (rejection, owner answer, deadline)
    opened_at           TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    closed_at           TIMESTAMPTZ,
    CHECK (state <> 'CLAIMED' OR assignee IS NOT NULL)
);
CREATE UNIQUE INDEX review_case_open_subject ON review_case (subject_key) WHERE state <> 'CLOSED';
-- The queue (100k cases): every filter has an index that yields rows already in queue order, so a
-- page reads about `limit` index entries whatever the table size.
CREATE INDEX review_case_queue ON review_case (queue_key, due_at, id) WHERE state <> 'CLOSED';
CREATE INDEX review_case_state_queue ON review_case (state, queue_key, due_at, id);
CREATE INDEX review_case_category_queue ON review_case (category, queue_key, due_at, id) WHERE state <> 'CLOSED';
CREATE INDEX review_case_severity_queue ON review_case (severity, queue_key, due_at, id) WHERE state <> 'CLOSED';
CREATE INDEX review_case_assignee_queue ON review_case (assignee, queue_key, due_at, id) WHERE assignee IS NOT NULL;
CREATE INDEX review_case_due ON review_case (due_at) WHERE state <> 'CLOSED';
CREATE INDEX review_case_subject ON review_case (subject_key, opened_at DESC);
CREATE INDEX review_case_notice ON review_case (notice_id) WHERE notice_id IS NOT NULL;

-- The reports of a case, as ReportFiled carried them (1M rows: read per case only).
CREATE TABLE case_report (
    report_id           UUID        PRIMARY KEY,        -- a redelivered ReportFiled never adds a second row
    case_id             UUID        NOT NULL REFERENCES review_case (id),
    subject_key         TEXT        NOT NULL,
    category            TEXT        NOT NULL,
    subcategory         TEXT,
    severity            TEXT        NOT NULL,
    explanation         TEXT        NOT NULL,
    evidence_urls       TEXT        NOT NULL DEFAULT '[]',
    channel             TEXT        NOT NULL,
    source_type         TEXT        NOT NULL,
    automated_detection BOOLEAN     NOT NULL,
    trusted_flagger     BOOLEAN     NOT NULL,
    reporter_id         TEXT,                           -- staff eyes only; never leaves the staff view
    reporter_email      TEXT,
    jurisdiction        TEXT,
    filed_at            TIMESTAMPTZ NOT NULL,
    withdrawn_at        TIMESTAMPTZ
);
CREATE INDEX case_report_case ON case_report (case_id, filed_at);

-- Notes on a case: internal, or shareable with the owner.
CREATE TABLE case_note (
    id          UUID        PRIMARY KEY,
    case_id     UUID        NOT NULL REFERENCES review_case (id),
    author      TEXT        NOT NULL,
    body        TEXT        NOT NULL,
    shareable   BOOLEAN     NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX case_note_case ON case_note (case_id, created_at);

-- Policy versions; the one in force at t has the greatest effective_at <= t.
CREATE TABLE policy_version (
    version         TEXT        PRIMARY KEY,
    title           TEXT        NOT NULL,
    url             TEXT,
    summary         TEXT        NOT NULL,
    effective_at    TIMESTAMPTZ NOT NULL UNIQUE,
    posted_by       TEXT        NOT NULL,
    posted_at       TIMESTAMPTZ NOT NULL
);
-- The policy the taxonomy transcribes, in force since 10 April 2025.
INSERT INTO policy_version (version, title, url, summary, effective_at, posted_by, posted_at)
VALUES ('2025-04-10', 'Content Policy', 'https://huggingface.co/content-policy',
        'The hub''s content policy as transcribed by the contracts taxonomy.', '2025-04-10T00:00:00Z', 'system',
        '2025-03-31T00:00:00Z');

-- Decisions, each with its full statement of reasons (JSON) and the columns queries need.
CREATE TABLE decision (
    id                      UUID        PRIMARY KEY,
    case_id                 UUID        NOT NULL REFERENCES review_case (id),
    kind                    TEXT        NOT NULL,       -- DECISION or REVERSAL
    status                  TEXT        NOT NULL,       -- PENDING_APPROVAL, REJECTED, ENFORCED
    subject_key             TEXT        NOT NULL,
    owner_id                TEXT        NOT NULL,
    owner_email             TEXT,
    owner_locale            TEXT,
    actions                 TEXT        NOT NULL,       -- JSON array of ModerationAction
    ground                  TEXT,
    category                TEXT        NOT NULL,
    subcategory             TEXT,
    territorial_scope       TEXT        NOT NULL DEFAULT '[]',
    end_date                TIMESTAMPTZ,
    facts                   TEXT        NOT NULL,
    explanation             TEXT        NOT NULL,
    policy_version          TEXT        NOT NULL REFERENCES policy_version (version),
    decided_by              TEXT        NOT NULL,
    approved_by             TEXT,
    automated_decision      TEXT        NOT NULL,
    origin                  TEXT        NOT NULL,
    report_ids              TEXT        NOT NULL DEFAULT '[]',
    notice_id               UUID,
    appeal_id               UUID,
    manifestly_unfounded    BOOLEAN     NOT NULL DEFAULT FALSE,
    reverses_decision_id    UUID        REFERENCES decision (id),
    needs_approval          BOOLEAN     NOT NULL,
    rejected_by             TEXT,
    rejection_reason        TEXT,
    changes_requested       TEXT,                       -- what the owner must change (REQUEST_CHANGES)
    owner_deadline          TIMESTAMPTZ,                -- by when (null: the configured default)
    statement               TEXT,                       -- JSON statement of reasons, set when it takes effect
    created_at              TIMESTAMPTZ NOT NULL,
    decided_at              TIMESTAMPTZ,                -- when it took effect
    CHECK (approved_by IS NULL OR approved_by <> decided_by),
    CHECK (NOT manifestly_unfounded OR actions = '["NO_ACTION"]')
);
CREATE INDEX decision_case ON decision (case_id, created_at);
CREATE INDEX decision_subject ON decision (subject_key, created_at DESC);
CREATE INDEX decision_notice ON decision (notice_id, subject_key) WHERE notice_id IS NOT NULL;
CREATE INDEX decision_pending ON decision (created_at) WHERE status = 'PENDING_APPROVAL';

-- The enforcement ledger: one row per restriction a decision imposed; standing while lifted_at is null.
CREATE TABLE restriction (
    id                  UUID        PRIMARY KEY,
    subject_key         TEXT        NOT NULL,
    action              TEXT        NOT NULL,
    decision_id         UUID        NOT NULL REFERENCES decision (id),
    owner_id            TEXT        NOT NULL,
    territorial_scope   TEXT        NOT NULL,
    imposed_at          TIMESTAMPTZ NOT NULL,
    end_date            TIMESTAMPTZ,
    lifted_at           TIMESTAMPTZ,
    lifted_by_decision  UUID        REFERENCES decision (id),
    lift_reason         TEXT
);
CREATE INDEX restriction_standing ON restriction (subject_key, imposed_at) WHERE lifted_at IS NULL;
CREATE INDEX restriction_subject ON restriction (subject_key, imposed_at DESC);
CREATE INDEX restriction_decision ON restriction (decision_id);

-- Requests to the owner to change the subject, and their answers.
CREATE TABLE owner_request (
    id              UUID        PRIMARY KEY,
    case_id         UUID        NOT NULL REFERENCES review_case (id),
    decision_id     UUID        REFERENCES decision (id),
    owner_id        TEXT        NOT NULL,
    owner_email     TEXT        NOT NULL,
    message         TEXT        NOT NULL,
    deadline        TIMESTAMPTZ NOT NULL,
    requested_by    TEXT        NOT NULL,
    requested_at    TIMESTAMPTZ NOT NULL,
    response        TEXT,                   -- CHANGED, DISPUTED
    response_text   TEXT,
    responded_via   TEXT,                   -- API, MAIL
    responded_at    TIMESTAMPTZ,
    expired_at      TIMESTAMPTZ
);
CREATE INDEX owner_request_case ON owner_request (case_id, requested_at DESC);

-- Append-only audit log of every state change: who, what, when. UPDATE and DELETE are refused.
CREATE TABLE audit_log (
    id          BIGSERIAL   PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    entity_type TEXT        NOT NULL,
    entity_id   TEXT        NOT NULL,
    case_id     UUID,
    subject_key TEXT,
    detail      TEXT
);
CREATE INDEX audit_log_case ON audit_log (case_id, id) WHERE case_id IS NOT NULL;
CREATE INDEX audit_log_entity ON audit_log (entity_id, id);
CREATE INDEX audit_log_actor ON audit_log (actor, id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
