-- Tables of the shared service kit, created in every service's own database.
-- Migration versions are timestamps (VyyyyMMdd_HHmm) in the kit and in every service, so a
-- migration added to either later always sorts after everything already applied.

-- Transactional outbox: written in the same transaction as the state change it announces.
CREATE TABLE kit_outbox (
    id            BIGSERIAL PRIMARY KEY,            -- publication order
    event_id      TEXT        NOT NULL UNIQUE,      -- the CloudEvent id, stable across re-sends
    topic         TEXT        NOT NULL,
    message_key   TEXT,
    payload       TEXT        NOT NULL,             -- the CloudEvent, structured JSON
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at       TIMESTAMPTZ,
    attempts      INTEGER     NOT NULL DEFAULT 0,
    last_error    TEXT
);
CREATE INDEX kit_outbox_unsent ON kit_outbox (id) WHERE sent_at IS NULL;
CREATE INDEX kit_outbox_sent_at ON kit_outbox (sent_at) WHERE sent_at IS NOT NULL;

-- One row: which replica currently runs the relay (keeps per-key order across replicas).
CREATE TABLE kit_outbox_lease (
    id          SMALLINT PRIMARY KEY CHECK (id = 1),
    holder      TEXT,
    expires_at  TIMESTAMPTZ NOT NULL DEFAULT 'epoch'
);
INSERT INTO kit_outbox_lease (id) VALUES (1);

-- Idempotent consumers: an event id recorded in the transaction that applied it.
CREATE TABLE kit_processed_event (
    consumer      TEXT        NOT NULL,
    event_id      TEXT        NOT NULL,
    event_type    TEXT,
    processed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- Due-time timers: claimed with FOR UPDATE SKIP LOCKED, fired once across replicas.
CREATE TABLE kit_timer (
    id          BIGSERIAL PRIMARY KEY,
    kind        TEXT        NOT NULL,
    timer_key   TEXT        NOT NULL,
    due_at      TIMESTAMPTZ NOT NULL,
    payload     TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    fired_at    TIMESTAMPTZ,
    cancelled_at TIMESTAMPTZ,
    dead_at     TIMESTAMPTZ,
    attempts    INTEGER     NOT NULL DEFAULT 0,
    last_error  TEXT
);
-- At most one pending timer per (kind, key): scheduling again moves it.
CREATE UNIQUE INDEX kit_timer_pending_key ON kit_timer (kind, timer_key)
    WHERE fired_at IS NULL AND cancelled_at IS NULL AND dead_at IS NULL;
CREATE INDEX kit_timer_due ON kit_timer (due_at)
    WHERE fired_at IS NULL AND cancelled_at IS NULL AND dead_at IS NULL;
