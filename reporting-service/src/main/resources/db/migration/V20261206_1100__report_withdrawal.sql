-- A notifier may withdraw their report until it is decided (status WITHDRAWN): when, by whom and why are kept.
-- Replies on a report's thread may add evidence links; they are appended to evidence_urls.
ALTER TABLE report
    ADD COLUMN withdrawn_at      TIMESTAMPTZ,
    ADD COLUMN withdrawn_by      TEXT,
    ADD COLUMN withdrawal_reason TEXT;
