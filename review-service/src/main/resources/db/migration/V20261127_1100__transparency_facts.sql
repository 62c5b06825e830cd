-- Facts for the DSA transparency report (Art. 15, 24) that other services own and announce on their
-- topics: appeals, appellants' and notifiers' suspensions, out-of-court disputes, DMCA notices,
-- counter-notices, court actions and restorations. Recorded by the consumers, once per event (the
-- kit's processed-event log); reports and decisions are counted from case_report and decision.
-- Ids, times and enumerated values only: no personal data reaches the report.
CREATE TABLE transparency_fact (
    id          BIGSERIAL   PRIMARY KEY,
    kind        TEXT        NOT NULL,   -- TransparencyFacts.Kind
    ref_id      UUID,                   -- appeal, notice, counter-notice or dispute id; null for suspensions
    at          TIMESTAMPTZ NOT NULL,   -- when it happened (filed, resolved, suspended, submitted, settled, ...)
    started_at  TIMESTAMPTZ,            -- the start of what it ends (a dispute's submission), for durations
    detail      TEXT,                   -- outcome, appellant role, restoration reason
    flag        BOOLEAN,                -- a notice complete; a dispute's decision implemented
    recorded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX transparency_fact_kind_at ON transparency_fact (kind, at);
CREATE INDEX transparency_fact_ref ON transparency_fact (ref_id, kind) WHERE ref_id IS NOT NULL;
