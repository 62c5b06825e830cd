-- dmca-service: mail that arrives on a notice's or a takedown's thread and is not a revision of an
-- incomplete notice (issue 21). A reply is routed by its thread, whatever mailbox it came to:
--   COURT_ACTION_EVIDENCE   the claimant's evidence of a court action while a counter-notice's clock runs;
--                           AWAITING_CONFIRMATION until legal CONFIRMS it (the clock stops) or DISMISSES it
--   COUNTER_NOTICE          the uploader's counter-notice by mail: ACCEPTED (a counter-notice was filed from it)
--                           or DEFICIENT (512(g)(3) elements missing; the next reply is read with it)
--   COUNTER_NOTICE_ADDITION the uploader adds to their counter-notice: NOTED
--   CORRESPONDENCE          anything else on the thread, kept for staff: NOTED
CREATE TABLE dmca_thread_mail (
    id                  UUID PRIMARY KEY,
    notice_id           UUID        NOT NULL REFERENCES dmca_notice (id),
    takedown_id         UUID        REFERENCES dmca_takedown (id),
    counter_notice_id   UUID        REFERENCES dmca_counter_notice (id),
    kind                TEXT        NOT NULL,
    status              TEXT        NOT NULL,
    mailbox             TEXT        NOT NULL,                -- where it arrived (safety, dmca, legal, feedback)
    sender_email        TEXT        NOT NULL,                -- lower-cased
    mail_message_id     TEXT        NOT NULL UNIQUE,
    subject_line        TEXT        NOT NULL,
    body                TEXT        NOT NULL,                -- bounded by dmca.intake.max-original-text
    links               TEXT        NOT NULL DEFAULT '[]',   -- JSON list of the http(s) links in the body
    attachments         TEXT        NOT NULL DEFAULT '[]',   -- JSON [{name, contentType, size}]; the gateway keeps the bytes
    received_at         TIMESTAMPTZ NOT NULL,
    decided_by          TEXT,                                -- who confirmed or dismissed evidence
    decided_at          TIMESTAMPTZ,
    decision_note       TEXT                                 -- why dismissed; for a deficient counter-notice, what it lacks
);
CREATE INDEX dmca_thread_mail_notice ON dmca_thread_mail (notice_id, received_at);
CREATE INDEX dmca_thread_mail_takedown ON dmca_thread_mail (takedown_id, received_at);
CREATE INDEX dmca_thread_mail_open ON dmca_thread_mail (kind, status, received_at);
