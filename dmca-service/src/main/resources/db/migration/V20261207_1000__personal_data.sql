-- dmca-service: personal data (issue 26) — what the erasure and the retention rules need.

-- When the dmca-records rule anonymised the notice's claimant and everything on it (takedowns' uploaders,
-- counter-notices, strikes); null while they are kept. The rule never selects a row twice.
ALTER TABLE dmca_notice ADD COLUMN anonymised_at TIMESTAMPTZ;

-- When an accepted notice closed: nothing on it is still moving (no partial-files window, no takedown waiting
-- for its strike or counter-notice, no restoration clock, no court-action evidence waiting for legal), at its
-- last act. Null while open, and for a notice that was never accepted. 17 U.S.C. 507(b)'s three years (and the
-- erasure holds of 512(g)) count from here.
CREATE VIEW dmca_notice_closing AS
SELECT n.id AS notice_id,
       CASE
           WHEN n.status <> 'ACCEPTED' THEN NULL
           WHEN EXISTS (SELECT 1 FROM dmca_takedown t
                        WHERE t.notice_id = n.id
                          AND (t.status IN ('AWAITING_REMOVAL', 'COUNTERED')
                               OR (t.status = 'IN_FORCE'
                                   AND NOT EXISTS (SELECT 1 FROM dmca_strike s WHERE s.takedown_id = t.id))))
               THEN NULL
           WHEN EXISTS (SELECT 1 FROM dmca_counter_notice c
                        WHERE c.notice_id = n.id AND c.status IN ('RUNNING', 'EVIDENCE_PENDING'))
               THEN NULL
           WHEN EXISTS (SELECT 1 FROM dmca_thread_mail m
                        WHERE m.notice_id = n.id AND m.kind = 'COURT_ACTION_EVIDENCE'
                          AND m.status = 'AWAITING_CONFIRMATION')
               THEN NULL
           ELSE GREATEST(
                   n.reviewed_at,
                   (SELECT max(t.updated_at) FROM dmca_takedown t WHERE t.notice_id = n.id),
                   (SELECT max(GREATEST(c.received_at, c.court_action_at, c.restored_at))
                    FROM dmca_counter_notice c WHERE c.notice_id = n.id),
                   (SELECT max(s.recorded_at) FROM dmca_strike s WHERE s.notice_id = n.id),
                   (SELECT max(m.decided_at) FROM dmca_thread_mail m
                    WHERE m.notice_id = n.id AND m.kind = 'COURT_ACTION_EVIDENCE'))
       END AS closed_at
FROM dmca_notice n;

-- A data subject is found by address or account id.
CREATE INDEX dmca_notice_contact_email ON dmca_notice (lower(contact_email));
CREATE INDEX dmca_takedown_uploader_email ON dmca_takedown (lower(uploader_email));
CREATE INDEX dmca_counter_notice_uploader ON dmca_counter_notice (uploader_id);
CREATE INDEX dmca_counter_notice_email ON dmca_counter_notice (lower(email));
CREATE INDEX dmca_thread_mail_sender ON dmca_thread_mail (sender_email);
-- The retention rules' selections.
CREATE INDEX dmca_notice_accepted_kept ON dmca_notice (id) WHERE status = 'ACCEPTED' AND anonymised_at IS NULL;
CREATE INDEX dmca_notice_unacted ON dmca_notice (updated_at) WHERE revised_by IS NULL AND status IN ('REJECTED', 'INCOMPLETE');
CREATE INDEX dmca_notice_client_address_kept ON dmca_notice (received_at) WHERE client_address IS NOT NULL;
CREATE INDEX dmca_thread_mail_received ON dmca_thread_mail (received_at);
CREATE INDEX dmca_strike_notice ON dmca_strike (notice_id);
CREATE INDEX dmca_counter_notice_notice ON dmca_counter_notice (notice_id);
