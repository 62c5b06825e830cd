-- Issue 21: the provision of law or policy clause a decision relies on (DSA Art. 17(3)(d), (e)), repeat-infringer
-- cases linked to their strikes (17 U.S.C. 512(i)), and reversals that implement an out-of-court dispute (Art. 21).

ALTER TABLE decision ADD COLUMN legal_provision   TEXT;    -- LegalProvision name, for illegal content
ALTER TABLE decision ADD COLUMN legal_ground_text TEXT;    -- free text precising it (required with OTHER)
ALTER TABLE decision ADD COLUMN policy_clause     TEXT;    -- PolicyClause name, for incompatible content
ALTER TABLE decision ADD COLUMN dispute_id        UUID;    -- the dispute a reversal implements
-- One reversal per dispute: a DisputeSettled recorded again (a corrected ending) reverses nothing twice.
CREATE UNIQUE INDEX decision_dispute ON decision (dispute_id) WHERE dispute_id IS NOT NULL;

-- Decisions taken before decisions named a provision: DMCA takedowns were accepted under 17 U.S.C. 512(c).
UPDATE decision SET legal_provision = 'US_17_USC_512_C'
 WHERE origin = 'DMCA' AND kind = 'DECISION' AND ground = 'DECISION_GROUND_ILLEGAL_CONTENT' AND legal_provision IS NULL;

-- What a case recommends the moderator decide (a repeat infringer's case: TERMINATE_ACCOUNT).
ALTER TABLE review_case ADD COLUMN recommended_action TEXT;

-- The DMCA strikes a repeat-infringer case was opened for, or that were added to it (seq keeps dmca-service's order:
-- oldest strike first).
CREATE TABLE case_strike (
    seq          BIGSERIAL   NOT NULL,
    case_id      UUID        NOT NULL REFERENCES review_case (id),
    notice_id    UUID        NOT NULL,
    account_key  TEXT        NOT NULL,
    added_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (case_id, notice_id)
);
CREATE INDEX case_strike_account ON case_strike (account_key, notice_id);

-- Statements rendered with the placeholder ground ("Law relied on: <category>", which names no law) and not yet
-- sent are rendered again when read, with the provision usual for their subcategory; those already submitted stay
-- as the database got them.
UPDATE statement_submission SET statement = NULL
 WHERE statement LIKE '%"illegal_content_legal_ground":"Law relied on:%' AND state <> 'SUBMITTED';
