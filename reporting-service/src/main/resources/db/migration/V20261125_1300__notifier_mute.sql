-- Staff can mute a notifier for a period: their reports are still recorded and receipted, but held
-- back from review (report status MUTED) until staff release them. Not an Art. 23 sanction, so no
-- mail and no event; who muted and why is kept for accountability.
ALTER TABLE notifier_standing
    ADD COLUMN muted_until  TIMESTAMPTZ,
    ADD COLUMN mute_reason  TEXT,
    ADD COLUMN muted_by     TEXT;

-- Staff look for held reports by status; the status index covers that.
