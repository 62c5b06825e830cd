-- Personal data (issue 26): erasure and retention of notifiers' identities (GDPR Arts. 5(1)(e), 17).
-- A report stays for review's record and the transparency figures (DSA Arts. 15, 24); what identified its notifier
-- (reporter_id, reporter_name, contact_email, notifier_key, withdrawn_by, the raw mail and its Message-ID, the
-- Idempotency-Key) is replaced or cleared, and the notifier's words keep their text with the person's identifiers
-- replaced. anonymised_at says when; a report is anonymised once.
ALTER TABLE report ADD COLUMN anonymised_at TIMESTAMPTZ;

-- closed-reports: when a report's notifier identity starts its retention period: its decision, its withdrawal, or
-- for a mail still awaiting the content's location, its last change (the sender never answered). Null while the
-- report is open. The expression is repeated verbatim in ClosedReportsRetention, so this index serves its batches.
CREATE INDEX report_identity_retention ON report ((CASE status
        WHEN 'DECIDED' THEN decided_at
        WHEN 'WITHDRAWN' THEN withdrawn_at
        WHEN 'AWAITING_LOCATION' THEN updated_at END))
    WHERE anonymised_at IS NULL;

-- notifier-standing: rows untouched longest come first.
CREATE INDEX notifier_standing_updated ON notifier_standing (updated_at);

-- The text with every needle (at least 3 characters, longest first) replaced by ref, case-insensitively and only
-- where it stands on its own (not inside a longer word or address): how a notifier's own words lose their
-- identifiers. The needles are matched literally.
CREATE FUNCTION report_scrub(body TEXT, needles TEXT[], ref TEXT) RETURNS TEXT
    LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    needle TEXT;
BEGIN
    IF body IS NULL THEN
        RETURN NULL;
    END IF;
    FOR needle IN SELECT n FROM (SELECT DISTINCT n FROM unnest(needles) AS n WHERE n IS NOT NULL AND length(n) >= 3) d
            ORDER BY length(n) DESC, n LOOP
        body := regexp_replace(
                body,
                '(?<![[:alnum:]_.@+-])' || regexp_replace(needle, '([.^$|?*+()\[\]{}\\])', '\\\1', 'g')
                        || '(?![[:alnum:]_@-])',
                replace(ref, '\', '\\'),
                'gi');
    END LOOP;
    RETURN body;
END;
$$;
