CREATE TABLE kit_test_note (
    id    UUID PRIMARY KEY,
    text  TEXT NOT NULL
);
CREATE TABLE kit_test_applied (
    event_id    TEXT NOT NULL,
    text        TEXT NOT NULL,
    applied_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
CREATE TABLE kit_test_fired (
    timer_key  TEXT NOT NULL,
    worker     TEXT,
    fired_at   TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
