-- review_statements_invalid is sampled every 15 s (StatementBacklogSample): the statements needing a person are found
-- by this small partial index instead of a scan of every statement ever submitted. PENDING ones have theirs
-- (statement_submission_due).
CREATE INDEX statement_submission_invalid ON statement_submission (created_at) WHERE state = 'INVALID';
