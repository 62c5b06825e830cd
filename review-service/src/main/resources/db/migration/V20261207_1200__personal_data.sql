-- Personal data (issue 26): erasure finds a person's rows by index, and the retention rules walk only what still
-- names someone, oldest first, so each daily batch reads about as many index entries as it changes.
-- (V20261207_1000 was taken by linked_removal_reversed in this module; this follows it.)

-- An owner request's address goes when its case has been closed long enough, or at the owner's request; the row
-- stays with the case (what was asked, when, how it was answered).
ALTER TABLE owner_request ALTER COLUMN owner_email DROP NOT NULL;

-- Finding a person: as a reporter, as the owner a decision or request concerns.
CREATE INDEX case_report_reporter_id ON case_report (reporter_id) WHERE reporter_id IS NOT NULL;
CREATE INDEX case_report_reporter_email ON case_report (lower(reporter_email)) WHERE reporter_email IS NOT NULL;
CREATE INDEX decision_owner_id ON decision (owner_id);
CREATE INDEX decision_owner_email ON decision (lower(owner_email)) WHERE owner_email IS NOT NULL;
CREATE INDEX owner_request_owner_id ON owner_request (owner_id);
CREATE INDEX owner_request_owner_email ON owner_request (lower(owner_email)) WHERE owner_email IS NOT NULL;

-- Retention: closed cases by closing time; reports still naming their reporter; decisions and owner requests still
-- holding the owner's address.
CREATE INDEX review_case_closed ON review_case (closed_at) WHERE state = 'CLOSED';
CREATE INDEX case_report_identified ON case_report (case_id)
    WHERE reporter_email IS NOT NULL OR (reporter_id IS NOT NULL AND reporter_id NOT LIKE 'erased:%');
CREATE INDEX decision_owner_contact ON decision ((coalesce(decided_at, created_at))) WHERE owner_email IS NOT NULL;
CREATE INDEX owner_request_contact ON owner_request (case_id) WHERE owner_email IS NOT NULL;
