-- The hash bank. PostgreSQL is the source of truth; every replica holds the active hashes in memory (HashIndex).

-- One counter every change to the bank bumps in its own transaction. Writers take its row lock, so revisions
-- commit in the order they were handed out and a replica that has seen revision n has seen every change up to n.
CREATE TABLE bank_revision (
    id  int    PRIMARY KEY CHECK (id = 1),
    rev bigint NOT NULL
);
INSERT INTO bank_revision (id, rev) VALUES (1, 0);

-- An import of a CSV list (who, when, what): its rows become IMPORT sources.
CREATE TABLE bank_import (
    id             uuid         PRIMARY KEY,
    rows           int          NOT NULL,
    new_hashes     int          NOT NULL,
    already_banked int          NOT NULL,
    body_sha256    text         NOT NULL,
    imported_by    text         NOT NULL,
    imported_at    timestamptz  NOT NULL,
    withdrawn_by   text,
    withdrawn_at   timestamptz
);
CREATE INDEX bank_import_at ON bank_import (imported_at DESC, id DESC);

-- Why a set of hashes is banked: a decision (one source per decision) or an import (one source per import and
-- distinct list source, reason and verdict). A withdrawn source stays, inactive, for the record.
CREATE TABLE bank_source (
    id          serial       PRIMARY KEY,
    kind        text         NOT NULL CHECK (kind IN ('DECISION', 'IMPORT')),
    decision_id uuid         UNIQUE,
    subject_key text,
    import_id   uuid         REFERENCES bank_import (id),
    list_source text,
    reason      text         NOT NULL,
    verdict     text         NOT NULL CHECK (verdict IN ('REFUSE', 'HOLD_FOR_REVIEW')),
    active      boolean      NOT NULL,
    hashes      int          NOT NULL DEFAULT 0,
    rev         bigint       NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    withdrawn_at timestamptz,
    CHECK ((kind = 'DECISION') = (decision_id IS NOT NULL)),
    CHECK ((kind = 'IMPORT') = (list_source IS NOT NULL))
);
CREATE INDEX bank_source_rev ON bank_source (rev);
CREATE INDEX bank_source_import ON bank_source (import_id);

-- A source's hashes: sorted 32-byte sha256 values concatenated, at most 65,536 (2 MiB) per row, so ten million
-- hashes load as ~150 rows rather than ten million.
CREATE TABLE bank_chunk (
    source_id int   NOT NULL REFERENCES bank_source (id),
    seq       int   NOT NULL,
    hashes    bytea NOT NULL CHECK (length(hashes) % 32 = 0 AND length(hashes) <= 2097152),
    PRIMARY KEY (source_id, seq)
);

-- A reversal seen before its decision: the decision, when it arrives, is banked withdrawn.
CREATE TABLE bank_withdrawal (
    decision_id uuid        PRIMARY KEY,
    reversed_at timestamptz NOT NULL
);

-- UploadMatched published for a repository and a source (and how it matched): not again within
-- matching.events.repeat-after.
CREATE TABLE upload_match (
    repository   text        NOT NULL,
    source_id    int         NOT NULL REFERENCES bank_source (id),
    kind         text        NOT NULL,
    published_at timestamptz NOT NULL,
    PRIMARY KEY (repository, source_id, kind)
);

-- DerivativeFound published once per decision and derived model.
CREATE TABLE derivative_found (
    decision_id uuid        NOT NULL,
    model       text        NOT NULL,
    found_at    timestamptz NOT NULL,
    PRIMARY KEY (decision_id, model)
);
