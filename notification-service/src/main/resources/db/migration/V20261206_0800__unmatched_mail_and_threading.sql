-- Issue 21: mail on no thread of ours and no intake (feedback@) is kept for staff; hostile mail is quarantined once;
-- answers to a person's mail thread with In-Reply-To / References.

-- The Message-ID of the person's mail a delivery answers (NotificationRequested.inReplyTo), sent as In-Reply-To and
-- References so their client shows one conversation.
ALTER TABLE mail_delivery ADD COLUMN in_reply_to TEXT;

-- inbound_mail.disposition now also: KEPT_FOR_STAFF (no owner: kept in unmatched_mail), QUARANTINED (unparsable,
-- oversized or too slow to parse; recorded before the IMAP move, so a failed move never means a second parse).
ALTER TABLE inbound_mail ADD COLUMN reason TEXT;

-- Mail no service owns, for staff to read and mark handled; its attachments are in inbound_attachment (mail_id = id),
-- its receipt is the mail_delivery with idempotency_key 'mail-received:<id>'.
CREATE TABLE unmatched_mail (
    id             UUID        PRIMARY KEY REFERENCES inbound_mail (id),
    mailbox        TEXT        NOT NULL,
    message_id     TEXT        NOT NULL,
    from_address   TEXT        NOT NULL,
    subject_line   TEXT        NOT NULL,
    text_body      TEXT        NOT NULL,                -- bounded by notification.inbound.max-text-chars
    thread_key     TEXT,                                -- a thread we know but no service owns (a reply to a receipt)
    received_at    TIMESTAMPTZ NOT NULL,
    handled_at     TIMESTAMPTZ,
    handled_by     TEXT
);
-- Staff list: newest first, keyset-paged.
CREATE INDEX unmatched_mail_received ON unmatched_mail (received_at DESC, id DESC);
