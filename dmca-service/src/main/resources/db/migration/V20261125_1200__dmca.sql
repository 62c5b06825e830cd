-- dmca-service: takedown notices (17 U.S.C. 512(c)(3)), takedowns per uploader, counter-notices
-- (512(g)(3)) with their restoration clock, and repeat-infringer strikes (512(i)).
-- List-valued elements are JSON text: they are read and written whole, never queried inside.

CREATE TABLE dmca_notice (
    id                  UUID PRIMARY KEY,
    revision_of         UUID REFERENCES dmca_notice (id),   -- the notice this one revises
    revised_by          UUID,                                -- set when a revision supersedes this one
    status              TEXT        NOT NULL,                -- NoticeStatus
    channel             TEXT        NOT NULL,                -- WEB_FORM or EMAIL
    signature           TEXT,                                -- (i)
    works               TEXT        NOT NULL DEFAULT '[]',   -- (ii) [{description, url}]
    material            TEXT        NOT NULL DEFAULT '[]',   -- (iii) [{url, subject, description}]
    subject_keys        TEXT        NOT NULL DEFAULT '[]',   -- (iii) resolved subjects
    contact_name        TEXT,                                -- (iv)
    contact_organisation TEXT,                               -- a company claimant: named in the public archive
    contact_email       TEXT,
    contact_address     TEXT,
    contact_phone       TEXT,
    good_faith          BOOLEAN     NOT NULL DEFAULT FALSE,  -- (v)
    accurate            BOOLEAN     NOT NULL DEFAULT FALSE,  -- (vi) accuracy
    authorised          BOOLEAN     NOT NULL DEFAULT FALSE,  -- (vi) authority under penalty of perjury
    missing_elements    TEXT        NOT NULL DEFAULT '[]',   -- DmcaNoticeElement names
    deficiencies        TEXT        NOT NULL DEFAULT '[]',   -- [{element, field, message}]
    sender_email        TEXT,                                -- lower-cased, for the rate limit and history
    client_address      TEXT,                                -- for the rate limit; null for mail
    original_text       TEXT,                                -- a mailed notice as it came
    mail_message_id     TEXT UNIQUE,
    decision            TEXT,                                -- ACCEPTED / REJECTED reason
    rejection_reason    TEXT,
    review_note         TEXT,
    reviewed_by         TEXT,
    reviewed_at         TIMESTAMPTZ,
    received_at         TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX dmca_notice_status ON dmca_notice (status, received_at);
CREATE INDEX dmca_notice_sender ON dmca_notice (sender_email, received_at);
CREATE INDEX dmca_notice_address ON dmca_notice (client_address, received_at);

-- One takedown per uploader of an accepted notice.
CREATE TABLE dmca_takedown (
    id                  UUID PRIMARY KEY,
    notice_id           UUID        NOT NULL REFERENCES dmca_notice (id),
    uploader_id         TEXT        NOT NULL,
    uploader_name       TEXT        NOT NULL,                -- hub account name (account:<name>)
    uploader_email      TEXT        NOT NULL,
    subject_keys        TEXT        NOT NULL,                -- JSON list
    scope               TEXT        NOT NULL,                -- PARTIAL or WHOLE
    status              TEXT        NOT NULL,                -- TakedownStatus
    removal_deadline    TIMESTAMPTZ,                         -- partial files: the owner's window
    ordered_at          TIMESTAMPTZ,
    ordered_by          TEXT        NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    UNIQUE (notice_id, uploader_id)
);
CREATE INDEX dmca_takedown_uploader ON dmca_takedown (uploader_id);

CREATE TABLE dmca_counter_notice (
    id                  UUID PRIMARY KEY,
    notice_id           UUID        NOT NULL REFERENCES dmca_notice (id),
    takedown_id         UUID        NOT NULL UNIQUE REFERENCES dmca_takedown (id),
    uploader_id         TEXT        NOT NULL,
    signature           TEXT        NOT NULL,                -- (A)
    material            TEXT        NOT NULL,                -- (B) [{url, subject, location}]
    name                TEXT        NOT NULL,                -- (D)
    address             TEXT        NOT NULL,
    phone               TEXT        NOT NULL,
    email               TEXT        NOT NULL,
    status              TEXT        NOT NULL,                -- CounterNoticeStatus
    received_at         TIMESTAMPTZ NOT NULL,
    restore_at          TIMESTAMPTZ NOT NULL,
    court_action        TEXT,                                -- the claimant's evidence, JSON
    court_action_at     TIMESTAMPTZ,
    restored_at         TIMESTAMPTZ
);

-- Repeat-infringer strikes: one per takedown that stood.
CREATE TABLE dmca_strike (
    id                  UUID PRIMARY KEY,
    account_id          TEXT        NOT NULL,
    account_name        TEXT        NOT NULL,
    notice_id           UUID        NOT NULL REFERENCES dmca_notice (id),
    takedown_id         UUID        NOT NULL UNIQUE REFERENCES dmca_takedown (id),
    reason              TEXT        NOT NULL,                -- NOT_COUNTERED or COURT_ACTION
    recorded_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX dmca_strike_account ON dmca_strike (account_id, recorded_at);
