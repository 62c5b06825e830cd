-- notification-service: the outbound delivery log, thread tokens, suppression, and the inbound gateway's record.

-- One row per idempotency key: the mail is sent at most once per row (see README, "Delivery guarantee").
CREATE TABLE mail_delivery (
    id                 UUID        PRIMARY KEY,
    idempotency_key    TEXT        NOT NULL UNIQUE,
    request_event_id   TEXT        NOT NULL,            -- the NotificationRequested CloudEvent id
    template_id        TEXT        NOT NULL,
    locale             TEXT        NOT NULL,
    recipient          TEXT        NOT NULL,            -- lower-cased address
    recipient_user_id  TEXT,
    thread_key         TEXT        NOT NULL,
    reply_mailbox      TEXT        NOT NULL,
    parameters         TEXT        NOT NULL,            -- JSON object, as requested
    message_id         TEXT        NOT NULL UNIQUE,     -- fixed at queue time: every attempt carries the same one
    subject_line       TEXT,
    status             TEXT        NOT NULL,            -- QUEUED, SENDING, SENT, FAILED, BOUNCED, SUPPRESSED
    attempts           INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at    TIMESTAMPTZ,
    lease_until        TIMESTAMPTZ,                     -- a SENDING row whose lease lapsed was interrupted
    last_error         TEXT,
    requested_at       TIMESTAMPTZ NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    sent_at            TIMESTAMPTZ
);
CREATE INDEX mail_delivery_due ON mail_delivery (next_attempt_at) WHERE status = 'QUEUED';
CREATE INDEX mail_delivery_interrupted ON mail_delivery (lease_until) WHERE status = 'SENDING';
CREATE INDEX mail_delivery_recipient ON mail_delivery (recipient, created_at DESC);
CREATE INDEX mail_delivery_thread ON mail_delivery (thread_key);
CREATE INDEX mail_delivery_created ON mail_delivery (created_at DESC, id DESC);
-- The rate limit counts what went out to a recipient recently.
CREATE INDEX mail_delivery_recent_sent ON mail_delivery (recipient, sent_at) WHERE status IN ('SENT', 'BOUNCED');

-- Opaque plus-address tokens: safety+<token>@ names a thread without revealing its key.
CREATE TABLE mail_thread (
    token        TEXT        PRIMARY KEY,
    thread_key   TEXT        NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL
);

-- Hard-bounced (or permanently refused) addresses get no more mail.
CREATE TABLE mail_suppression (
    address      TEXT        PRIMARY KEY,               -- lower-cased
    reason       TEXT        NOT NULL,
    delivery_id  UUID,
    created_at   TIMESTAMPTZ NOT NULL
);

-- Every inbound mail the gateway handled, once per mailbox and Message-ID.
CREATE TABLE inbound_mail (
    id            UUID        PRIMARY KEY,
    mailbox       TEXT        NOT NULL,
    message_id    TEXT        NOT NULL,
    disposition   TEXT        NOT NULL,                 -- PUBLISHED, AUTOMATED (auto-reply), BOUNCE (DSN)
    event_id      TEXT,                                 -- the mail.inbound CloudEvent, when published
    from_address  TEXT,
    thread_key    TEXT,
    received_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (mailbox, message_id)
);

-- Attachments kept as evidence (size-limited), with their metadata.
CREATE TABLE inbound_attachment (
    id            UUID        PRIMARY KEY,
    mail_id       UUID        NOT NULL REFERENCES inbound_mail (id),
    name          TEXT,
    content_type  TEXT        NOT NULL,
    size          BIGINT      NOT NULL,
    sha256        TEXT        NOT NULL,
    content       BYTEA,                                -- null when larger than the limit
    truncated     BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX inbound_attachment_mail ON inbound_attachment (mail_id);
