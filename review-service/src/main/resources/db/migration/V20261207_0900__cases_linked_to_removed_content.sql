-- Cases from matching.events (issue 25): a case linked to content a decision removed. The case row keeps its first
-- link (what the queue shows and what CasePriority ranks, without a join); case_link keeps every link, one per match,
-- and makes a match seen again under a new event id change nothing.
ALTER TABLE review_case
    ADD COLUMN linked_decision_id UUID,
    ADD COLUMN linked_subject     TEXT,
    ADD COLUMN detection          TEXT,            -- Detection: REUPLOAD, BASE_MODEL, DERIVATIVE
    ADD COLUMN link_chain         TEXT[] NOT NULL DEFAULT '{}',
    -- A re-upload's files whose content hashes are banked: paths and sha256 side by side, same order.
    ADD COLUMN matched_paths      TEXT[] NOT NULL DEFAULT '{}',
    ADD COLUMN matched_hashes     TEXT[] NOT NULL DEFAULT '{}';

CREATE TABLE case_link (
    seq                BIGSERIAL   NOT NULL,
    -- match:<matchId> for an upload match; derivative:<decisionId>:<subject> for a derivative.
    link_key           TEXT        PRIMARY KEY,
    case_id            UUID        NOT NULL REFERENCES review_case (id),
    detection          TEXT        NOT NULL,
    linked_decision_id UUID,
    linked_subject     TEXT,
    list_source        TEXT,
    reason             TEXT,
    verdict            TEXT,
    relation           TEXT,
    chain              TEXT[]      NOT NULL DEFAULT '{}',
    matched_paths      TEXT[]      NOT NULL DEFAULT '{}',
    matched_hashes     TEXT[]      NOT NULL DEFAULT '{}',
    linked_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX case_link_case ON case_link (case_id, seq);
