-- How often the sender of a mail without a hub URL was asked for the location: bounded, so a
-- correspondent's auto-responder that the filters miss cannot start an endless mail loop.
ALTER TABLE report ADD COLUMN location_requests INTEGER NOT NULL DEFAULT 0;
