-- Each statement of reasons as the Transparency Database takes it (redacted, checked, JSON), rendered
-- once in the transaction that enforces its decision: the export streams it as stored and the
-- submitter sends the same text. NULL for statements enforced before this column, or that failed the
-- checks; those are rendered when read, as before.
ALTER TABLE statement_submission ADD COLUMN statement TEXT;
