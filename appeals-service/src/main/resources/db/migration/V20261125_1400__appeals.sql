-- appeals-service: local copy of decisions (from review.events) and reports' notifiers (from
-- reporting.events), appeals (DSA Art. 20), appellants' standing (Art. 23(2)) and out-of-court
-- dispute records (Art. 21, 24(1)(a)).

-- What the service needs of each decision, so an appeal can be filed while review-service is down.
CREATE TABLE decision_copy (
    decision_id             UUID        PRIMARY KEY,
    case_id                 UUID        NOT NULL,
    subject_key             TEXT        NOT NULL,
    owner_id                TEXT        NOT NULL,
    actions                 TEXT        NOT NULL,       -- ModerationAction names, comma-separated
    restricts               BOOLEAN     NOT NULL,
    category                TEXT        NOT NULL,
    decided_by              TEXT        NOT NULL,
    approved_by             TEXT,
    origin                  TEXT        NOT NULL,
    manifestly_unfounded    BOOLEAN     NOT NULL DEFAULT FALSE,
    decided_at              TIMESTAMPTZ NOT NULL,
    -- When the owner and notifiers were told: review- and reporting-service mail them as the
    -- decision is published, so the later of decided_at and when it reached this service.
    told_at                 TIMESTAMPTZ NOT NULL,
    reversed_by_decision    UUID,
    reversed_at             TIMESTAMPTZ,
    learned_at              TIMESTAMPTZ NOT NULL
);
CREATE INDEX decision_copy_case ON decision_copy (case_id, decided_at DESC);

-- The reports a decision answers (their notifiers may appeal a decision that took no action).
CREATE TABLE decision_report (
    decision_id UUID NOT NULL REFERENCES decision_copy (decision_id),
    report_id   UUID NOT NULL,
    PRIMARY KEY (decision_id, report_id)
);
CREATE INDEX decision_report_report ON decision_report (report_id);

-- Who filed each report (from ReportFiled); events of the two topics may arrive in either order.
CREATE TABLE report_notifier (
    report_id       UUID        PRIMARY KEY,
    reporter_id     TEXT,
    reporter_email  TEXT,
    jurisdiction    CHAR(2),
    filed_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX report_notifier_reporter ON report_notifier (reporter_id) WHERE reporter_id IS NOT NULL;
CREATE INDEX report_notifier_email ON report_notifier (lower(reporter_email)) WHERE reporter_email IS NOT NULL;

CREATE TABLE appeal (
    id                  UUID        PRIMARY KEY,
    decision_id         UUID        NOT NULL REFERENCES decision_copy (decision_id),
    subject_key         TEXT        NOT NULL,
    appellant_key       TEXT        NOT NULL,           -- 'user:<id>' or 'email:<address>'
    appellant_id        TEXT,
    appellant_email     TEXT,
    appellant_role      TEXT        NOT NULL,           -- OWNER / NOTIFIER
    identity_verified   BOOLEAN     NOT NULL,           -- false for a mail we could not tie to the decision
    residence           CHAR(2),
    channel             TEXT        NOT NULL,           -- API / EMAIL
    arguments           TEXT        NOT NULL,
    evidence_urls       TEXT        NOT NULL DEFAULT '[]',
    status              TEXT        NOT NULL,           -- OPEN / RESOLVED
    told_at             TIMESTAMPTZ NOT NULL,           -- when the appellant was told of the decision
    window_closes_on    DATE        NOT NULL,           -- last day the appeal could be filed
    filed_at            TIMESTAMPTZ NOT NULL,
    due_at              TIMESTAMPTZ NOT NULL,
    escalated_at        TIMESTAMPTZ,
    outcome             TEXT,
    new_actions         TEXT,
    explanation         TEXT,
    reviewer_id         TEXT,
    manifestly_unfounded BOOLEAN    NOT NULL DEFAULT FALSE,
    resolved_at         TIMESTAMPTZ,
    mail_message_id     TEXT,
    updated_at          TIMESTAMPTZ NOT NULL
);
-- One open appeal per decision and appellant.
CREATE UNIQUE INDEX appeal_one_open ON appeal (decision_id, appellant_key) WHERE status = 'OPEN';
-- A redelivered mail never becomes a second appeal.
CREATE UNIQUE INDEX appeal_mail_message ON appeal (mail_message_id) WHERE mail_message_id IS NOT NULL;
CREATE INDEX appeal_appellant ON appeal (appellant_key, filed_at DESC);
CREATE INDEX appeal_queue ON appeal (status, due_at);

-- Appellants' standing (DSA Art. 23(2)): warning, then time-limited suspension of complaint handling.
CREATE TABLE appellant_standing (
    appellant_key       TEXT        PRIMARY KEY,
    appellant_id        TEXT,
    appellant_email     TEXT,
    appeals_filed       INTEGER     NOT NULL DEFAULT 0,
    unfounded_appeals   INTEGER     NOT NULL DEFAULT 0,
    warnings            INTEGER     NOT NULL DEFAULT 0,
    last_warned_at      TIMESTAMPTZ,
    suspensions         INTEGER     NOT NULL DEFAULT 0,
    suspended_at        TIMESTAMPTZ,
    suspended_until     TIMESTAMPTZ,
    suspension_reason   TEXT,
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Disputes brought before a certified out-of-court settlement body (DSA Art. 21), for the
-- Art. 24(1)(a) figures: number, outcomes, time to settle, share implemented.
CREATE TABLE dispute (
    id              UUID        PRIMARY KEY,
    decision_id     UUID        NOT NULL,
    appeal_id       UUID        REFERENCES appeal (id),
    body            TEXT        NOT NULL,
    submitted_on    DATE        NOT NULL,
    settled_on      DATE,
    outcome         TEXT,                               -- null while pending
    implemented     BOOLEAN,
    implemented_on  DATE,
    notes           TEXT,
    recorded_by     TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX dispute_submitted ON dispute (submitted_on, id);
