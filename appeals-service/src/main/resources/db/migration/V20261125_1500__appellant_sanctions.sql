-- Each step of the misuse ladder (DSA Art. 23(2)) as it happened, for the Art. 24(1)(b) figures
-- (suspensions for manifestly unfounded complaints) and for staff's history of an appellant.
CREATE TABLE appellant_sanction (
    id              UUID        PRIMARY KEY,
    appellant_key   TEXT        NOT NULL,
    kind            TEXT        NOT NULL,           -- WARNED / SUSPENDED / REINSTATED
    reason          TEXT        NOT NULL,
    until           TIMESTAMPTZ,                    -- end of a suspension
    unfounded_appeals TEXT      NOT NULL DEFAULT '', -- ids of the appeals counted, comma-separated
    at              TIMESTAMPTZ NOT NULL
);
CREATE INDEX appellant_sanction_at ON appellant_sanction (at, kind);
CREATE INDEX appellant_sanction_appellant ON appellant_sanction (appellant_key, at);
