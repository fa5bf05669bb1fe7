-- pgTAP: the commit-time check of a bulk change (more keys than half the memberships, or a first
-- load) checks the whole registry; a small change checks only what it touched.
\ir lib/awal.psql
SELECT plan(4);

-- a violation stored with the triggers off (as a restore would): a person in two families at once
SELECT lives_ok($$SELECT dtks.sintetis_muat(41, 50, '34.71')$$, 'generating 50 families');
SELECT lives_ok('SET CONSTRAINTS ALL IMMEDIATE', 'they pass the rules');
SET CONSTRAINTS ALL DEFERRED;
-- statistics of this small registry (another suite may have left larger ones)
ANALYZE dtks.keanggotaan;
SET LOCAL session_replication_role = replica;
INSERT INTO dtks.keanggotaan (nik, no_kk, shdk, berlaku)
SELECT m.nik, (SELECT max(no_kk) FROM dtks.keluarga), 4, daterange(DATE '2026-01-01', NULL)
  FROM dtks.keanggotaan m WHERE m.shdk = 4 AND m.no_kk <> (SELECT max(no_kk) FROM dtks.keluarga) LIMIT 1;
SET LOCAL session_replication_role = origin;
-- a small change elsewhere checks only its own keys
SELECT lives_ok($$UPDATE dtks.keluarga SET punya_sepeda = true WHERE no_kk = (SELECT min(no_kk) FROM dtks.keluarga);
                  SET CONSTRAINTS ALL IMMEDIATE$$,
                'a small change is checked on what it touched only');
SET CONSTRAINTS ALL DEFERRED;
-- a bulk load (more than 1,000 keys, over half of the memberships) checks everything, and finds it
SELECT throws_ok($$SELECT dtks.sintetis_muat(42, 400, '34.71'); SET CONSTRAINTS ALL IMMEDIATE$$,
                 '23P01', NULL, 'a bulk load checks the whole registry and finds the stored overlap');

SELECT * FROM finish();
ROLLBACK;
