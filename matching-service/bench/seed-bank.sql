-- Seeds the bank with :n synthetic hashes (sha256 of the numbers 0 .. n-1) as one IMPORT source, straight in
-- PostgreSQL, in chunks of 65,536 sorted hashes: the shape the service loads. For benchmarks only.
--
--   psql "$MATCHING_DB_URL" -v n=10000000 -f matching-service/bench/seed-bank.sql
--
-- Ten million take about a minute here. A running replica picks the new source up at its next poll
-- (matching.bank.refresh); a starting one loads it before it reports ready. Remove it with
-- DELETE /api/v1/bank/imports/<id> (the id is printed at the end) or by dropping the database.
\set ON_ERROR_STOP on
BEGIN;
UPDATE bank_revision SET rev = rev + 1 WHERE id = 1;
INSERT INTO bank_import (id, rows, new_hashes, already_banked, body_sha256, imported_by, imported_at)
VALUES (gen_random_uuid(), :n, :n, 0, 'seed-bank.sql', 'bench', now());
INSERT INTO bank_source (kind, import_id, list_source, reason, verdict, active, hashes, rev)
SELECT 'IMPORT', (SELECT id FROM bank_import WHERE body_sha256 = 'seed-bank.sql' ORDER BY imported_at DESC LIMIT 1),
       'bench-seed', 'Synthetic hashes for a benchmark', 'HOLD_FOR_REVIEW', true, :n,
       (SELECT rev FROM bank_revision WHERE id = 1);
-- Sorted globally, then cut into runs of 65,536: every chunk sorted, the chunks in order.
INSERT INTO bank_chunk (source_id, seq, hashes)
SELECT currval('bank_source_id_seq'), (rn - 1) / 65536, string_agg(h, ''::bytea ORDER BY h)
FROM (SELECT h, row_number() OVER (ORDER BY h) AS rn
      FROM (SELECT sha256(int8send(i)) AS h FROM generate_series(0, :n - 1) AS i) hashes) numbered
GROUP BY (rn - 1) / 65536;
SELECT currval('bank_source_id_seq') AS source_id,
       (SELECT import_id FROM bank_source WHERE id = currval('bank_source_id_seq')) AS import_id;
COMMIT;
-- The hash of number i, to check for: SELECT encode(sha256(int8send(42::int8)), 'hex');
