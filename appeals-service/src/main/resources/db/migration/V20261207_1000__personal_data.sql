-- appeals-service: personal data (issue 26) — erasure and the retention schedule (see the README's "Personal data").

-- When an appeal's appellant was replaced by an anonymous reference (an erasure request, or the resolved-appeals
-- retention rule): the row stays for the complaint figures (DSA Arts. 15(1)(d), 24(1)(b)); null while it names them.
ALTER TABLE appeal ADD COLUMN anonymised_at TIMESTAMPTZ;

-- The retention rules' scans: each finds its next batch on an index, oldest first, and never the rows it already did.
CREATE INDEX appeal_resolved_identified ON appeal (resolved_at) WHERE status = 'RESOLVED' AND anonymised_at IS NULL;
CREATE INDEX appellant_standing_updated ON appellant_standing (updated_at);
CREATE INDEX report_notifier_filed ON report_notifier (filed_at);
CREATE INDEX dispute_settled_with_notes ON dispute (settled_on) WHERE notes IS NOT NULL;

-- A data subject's request finds the person by account id or address, not only by appellant key.
CREATE INDEX appeal_appellant_id ON appeal (appellant_id) WHERE appellant_id IS NOT NULL;
CREATE INDEX appeal_appellant_email ON appeal (lower(appellant_email)) WHERE appellant_email IS NOT NULL;
CREATE INDEX decision_copy_owner ON decision_copy (owner_id);
