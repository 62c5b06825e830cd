-- Issue 26: personal data. No new columns: an erasure and the retention rules change the existing ones (see README,
-- "Personal data"). These indexes serve the lookups by person and the retention rules' batches by age.

-- A person's deliveries by account (by address: mail_delivery_recipient).
CREATE INDEX mail_delivery_recipient_user ON mail_delivery (recipient_user_id) WHERE recipient_user_id IS NOT NULL;

-- A person's inbound mail by sender; the gateway stores the bare address as the sender wrote it (any case).
CREATE INDEX inbound_mail_from ON inbound_mail (lower(from_address)) WHERE from_address IS NOT NULL;
-- inbound-mail: mail past its period whose sender or attachments are still kept.
CREATE INDEX inbound_mail_received ON inbound_mail (received_at);

-- A person's mail kept for staff, and what a staff member marked handled.
CREATE INDEX unmatched_mail_from ON unmatched_mail (lower(from_address));
CREATE INDEX unmatched_mail_handled_by ON unmatched_mail (handled_by) WHERE handled_by IS NOT NULL;

-- suppressions: addresses past their period.
CREATE INDEX mail_suppression_created ON mail_suppression (created_at);
