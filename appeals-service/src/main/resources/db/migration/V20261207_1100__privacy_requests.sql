-- appeals-service: the ledger of data subjects' requests (GDPR Arts. 15 and 17) and every service's answer to each.
-- Kept 3 years after a request completed (GDPR Art. 5(2): proof that it was answered; retention rule
-- privacy-requests), then deleted with its answers.

CREATE TABLE privacy_request (
    id              UUID        PRIMARY KEY,
    kind            TEXT        NOT NULL CHECK (kind IN ('ACCESS', 'ERASURE')),
    account_id      TEXT,
    emails          TEXT[]      NOT NULL DEFAULT '{}',      -- lower-cased
    note            TEXT,
    requested_by    TEXT        NOT NULL,
    requested_at    TIMESTAMPTZ NOT NULL,
    completed_at    TIMESTAMPTZ,                            -- when the last expected service had answered in full
    CHECK (account_id IS NOT NULL OR cardinality(emails) > 0)
);
-- The staff list, newest first, paged by (requested_at, id).
CREATE INDEX privacy_request_newest ON privacy_request (requested_at DESC, id DESC);
-- The retention rule's scan.
CREATE INDEX privacy_request_completed ON privacy_request (completed_at) WHERE completed_at IS NOT NULL;

-- One part of one service's answer, as it arrived on privacy.answers (a long answer comes in several parts).
CREATE TABLE privacy_answer (
    request_id      UUID        NOT NULL REFERENCES privacy_request (id) ON DELETE CASCADE,
    service         TEXT        NOT NULL,
    part            INT         NOT NULL CHECK (part >= 1),
    parts           INT         NOT NULL CHECK (parts >= part),
    items           JSONB       NOT NULL,                   -- a JSON array of PersonalDataItem
    answered_at     TIMESTAMPTZ NOT NULL,                   -- when the service answered
    stored_at       TIMESTAMPTZ NOT NULL,                   -- when it reached the ledger
    PRIMARY KEY (request_id, service, part)
);
