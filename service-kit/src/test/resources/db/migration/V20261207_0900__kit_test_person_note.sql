-- A record naming a person, for the kit's personal-data tests: some are under a legal hold, all expire.
CREATE TABLE kit_test_person_note (
    id           UUID        PRIMARY KEY,
    owner_email  TEXT        NOT NULL,
    body         TEXT        NOT NULL,
    held         BOOLEAN     NOT NULL DEFAULT FALSE,
    written_at   TIMESTAMPTZ NOT NULL
);
