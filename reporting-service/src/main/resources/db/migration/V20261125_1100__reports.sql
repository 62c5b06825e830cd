-- reporting-service: reports and notifiers' standing (DSA Art. 16, 22, 23).

CREATE TABLE report (
    id                      UUID        PRIMARY KEY,
    subject_key             TEXT,                       -- SubjectRef key; null while a mail awaits the location
    subject_kind            TEXT,
    hub_url                 TEXT,
    category                TEXT,                       -- PolicyCategory name; null when left for staff
    subcategory             TEXT,
    explanation             TEXT        NOT NULL,
    evidence_urls           TEXT        NOT NULL DEFAULT '[]',  -- JSON array of http(s) links, never fetched
    jurisdiction            CHAR(2),
    alleges_illegal         BOOLEAN     NOT NULL DEFAULT FALSE,
    good_faith_statement    BOOLEAN     NOT NULL DEFAULT FALSE,
    contact_email           TEXT,
    reporter_id             TEXT,
    reporter_name           TEXT,
    show_reporter_publicly  BOOLEAN     NOT NULL DEFAULT FALSE,
    notifier_key            TEXT        NOT NULL,       -- 'user:<id>' or 'email:<address>'
    channel                 TEXT        NOT NULL,
    source_type             TEXT        NOT NULL,
    automated_detection     BOOLEAN     NOT NULL DEFAULT FALSE,
    trusted_flagger         BOOLEAN     NOT NULL DEFAULT FALSE,
    visibility              TEXT        NOT NULL,
    status                  TEXT        NOT NULL,
    merged_count            INTEGER     NOT NULL DEFAULT 0,
    idempotency_key         TEXT,
    request_hash            TEXT,
    mail_message_id         TEXT,
    original_text           TEXT,
    decision_id             UUID,
    outcome                 TEXT,
    manifestly_unfounded    BOOLEAN     NOT NULL DEFAULT FALSE,
    decided_at              TIMESTAMPTZ,
    filed_at                TIMESTAMPTZ NOT NULL,
    updated_at              TIMESTAMPTZ NOT NULL
);

-- Idempotency-Key: one report per notifier and key.
CREATE UNIQUE INDEX report_idempotency ON report (notifier_key, idempotency_key) WHERE idempotency_key IS NOT NULL;
-- A redelivered mail never becomes a second report.
CREATE UNIQUE INDEX report_mail_message ON report (mail_message_id) WHERE mail_message_id IS NOT NULL;
-- "My reports", newest first, keyset pagination.
CREATE INDEX report_reporter_filed ON report (reporter_id, filed_at DESC, id DESC) WHERE reporter_id IS NOT NULL;
-- Rate limit, merge window and the misuse ladder look at one notifier's recent reports.
CREATE INDEX report_notifier_filed ON report (notifier_key, filed_at DESC);
CREATE INDEX report_notifier_subject ON report (notifier_key, subject_key, filed_at DESC);
-- Staff search: by subject, category, status, source, and time range.
CREATE INDEX report_subject_filed ON report (subject_key, filed_at DESC, id DESC);
CREATE INDEX report_category_filed ON report (category, filed_at DESC, id DESC);
CREATE INDEX report_status_filed ON report (status, filed_at DESC, id DESC);
CREATE INDEX report_source_filed ON report (source_type, filed_at DESC, id DESC);
CREATE INDEX report_filed ON report (filed_at DESC, id DESC);
-- Outcomes arrive per decision.
CREATE INDEX report_decision ON report (decision_id) WHERE decision_id IS NOT NULL;

-- One row per notifier: trusted-flagger status (Art. 22) and standing (Art. 23). Locked for the
-- length of a filing transaction, so the rate limit and merge checks hold across replicas.
CREATE TABLE notifier_standing (
    notifier_key        TEXT        PRIMARY KEY,
    notifier_id         TEXT,
    notifier_email      TEXT,
    trusted_flagger     BOOLEAN     NOT NULL DEFAULT FALSE,
    trusted_since       TIMESTAMPTZ,
    reports_filed       INTEGER     NOT NULL DEFAULT 0,
    unfounded_reports   INTEGER     NOT NULL DEFAULT 0,
    warnings            INTEGER     NOT NULL DEFAULT 0,
    last_warned_at      TIMESTAMPTZ,
    suspensions         INTEGER     NOT NULL DEFAULT 0,
    suspended_at        TIMESTAMPTZ,
    suspended_until     TIMESTAMPTZ,
    suspension_reason   TEXT,
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX notifier_standing_trusted ON notifier_standing (notifier_key) WHERE trusted_flagger;
