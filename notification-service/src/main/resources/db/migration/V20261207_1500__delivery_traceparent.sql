-- Issue 29: the trace a queued mail belongs to (the W3C traceparent of the consumer span that queued it), so the
-- sender sends it in a span of the same trace as the report or decision that asked for it. Null for mail queued before.
ALTER TABLE mail_delivery ADD COLUMN traceparent TEXT;
