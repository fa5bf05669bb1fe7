-- pgTAP: the commit-time check of a bulk change (more keys than half the memberships, or a first
-- load) checks the whole registry (a pass in C, then the query to word what it found); a small
-- change checks only what it touched.  Each violation below is stored with the triggers off, so
-- that only the whole-registry check can see it.
\ir lib/awal.psql
SELECT plan(17);

SELECT lives_ok($$SELECT dtks.sintetis_muat(41, 50, '34.71')$$, 'generating 50 families');
SELECT lives_ok('SET CONSTRAINTS ALL IMMEDIATE', 'they pass the rules');
SET CONSTRAINTS ALL DEFERRED;
-- statistics of this small registry (another suite may have left larger ones)
ANALYZE dtks.keanggotaan;
-- one family of each useful shape, from the generated ones
CREATE TEMP TABLE contoh AS
SELECT (SELECT m.no_kk FROM dtks.keanggotaan m WHERE m.shdk = 3 ORDER BY m.no_kk LIMIT 1) AS kk_istri,
       (SELECT m.nik FROM dtks.keanggotaan m WHERE m.shdk = 3 ORDER BY m.no_kk LIMIT 1) AS nik_istri,
       (SELECT m.nik FROM dtks.keanggotaan m WHERE m.shdk = 1 AND m.no_kk = (SELECT m2.no_kk FROM dtks.keanggotaan m2 WHERE m2.shdk = 2 LIMIT 1)) AS kepala_bersuami,
       (SELECT m.nik FROM dtks.keanggotaan m WHERE m.shdk = 1 ORDER BY m.no_kk LIMIT 1) AS nik_kepala,
       (SELECT m.nik FROM dtks.keanggotaan m WHERE m.shdk = 4 ORDER BY m.no_kk LIMIT 1) AS nik_anak,
       (SELECT min(h.id) FROM dtks.rumah_tangga h) AS rt;
SELECT isnt((SELECT kepala_bersuami FROM contoh), NULL, 'the generated data has a family with a suami');

-- a small change elsewhere checks only its own keys: the stored overlap stays unseen
SET LOCAL session_replication_role = replica;
INSERT INTO dtks.keanggotaan (nik, no_kk, shdk, berlaku)
SELECT nik_anak, kk_istri, 4, daterange(DATE '2026-01-01', NULL) FROM contoh;
SET LOCAL session_replication_role = origin;
SELECT lives_ok($$UPDATE dtks.keluarga SET punya_sepeda = true WHERE no_kk = (SELECT max(no_kk) FROM dtks.keluarga);
                  SET CONSTRAINTS ALL IMMEDIATE$$,
                'a small change is checked on what it touched only');
SET CONSTRAINTS ALL DEFERRED;
SET LOCAL session_replication_role = replica;
DELETE FROM dtks.keanggotaan WHERE nik = (SELECT nik_anak FROM contoh) AND no_kk = (SELECT kk_istri FROM contoh);
SET LOCAL session_replication_role = origin;

-- a violation stored with the triggers off, then a bulk load in the same transaction
CREATE FUNCTION pg_temp.bulk_dengan(pelanggaran text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    SET LOCAL session_replication_role = replica;
    EXECUTE pelanggaran;
    SET LOCAL session_replication_role = origin;
    PERFORM dtks.sintetis_muat(42, 400, '34.71');
    SET CONSTRAINTS ALL IMMEDIATE;
    RETURN NULL;
EXCEPTION WHEN OTHERS THEN
    SET CONSTRAINTS ALL DEFERRED;
    RETURN SQLSTATE;
END $$;

SELECT is(pg_temp.bulk_dengan($$SELECT 1$$), NULL, 'a clean bulk load passes');
SELECT is(pg_temp.bulk_dengan($$INSERT INTO dtks.keanggotaan (nik, no_kk, shdk, berlaku)
    SELECT nik_anak, kk_istri, 4, daterange(DATE '2026-01-01', NULL) FROM contoh$$), '23P01', 'rule 1: a person in two KKs at once');
SELECT is(pg_temp.bulk_dengan($$UPDATE dtks.keanggotaan SET berlaku = daterange(lower(berlaku), DATE '2026-02-01')
    WHERE nik = (SELECT nik_kepala FROM contoh)$$), '23514', 'rule 2: an active KK without its kepala');
SELECT is(pg_temp.bulk_dengan($$UPDATE dtks.keluarga SET status = 'nonaktif' WHERE no_kk = (SELECT kk_istri FROM contoh)$$),
          '23514', 'rule 2: a nonaktif KK with current members');
SELECT is(pg_temp.bulk_dengan($$UPDATE dtks.anggota SET jenis_kelamin = 'L' WHERE nik = (SELECT nik_istri FROM contoh)$$),
          '23514', 'rule 3: an istri recorded male');
SELECT is(pg_temp.bulk_dengan($$UPDATE dtks.anggota SET jenis_kelamin = 'L' WHERE nik = (SELECT kepala_bersuami FROM contoh)$$),
          '23514', 'rule 3: a suami beside a male kepala');
SELECT is(pg_temp.bulk_dengan($$UPDATE dtks.rumah_tangga SET kepala_nik = NULL WHERE id = (SELECT rt FROM contoh)$$),
          '23514', 'rule 4: a household with active families and no kepala');
SELECT is(pg_temp.bulk_dengan($$UPDATE dtks.rumah_tangga SET kepala_nik =
        (SELECT m.nik FROM dtks.keanggotaan m JOIN dtks.keluarga f ON f.no_kk = m.no_kk
          WHERE f.rumah_tangga_id <> (SELECT rt FROM contoh) ORDER BY m.nik LIMIT 1)
    WHERE id = (SELECT rt FROM contoh)$$),
          '23514', 'rule 4: a kepala rumah tangga who is not a member of its families');
SELECT is(pg_temp.bulk_dengan($$DELETE FROM dtks.anggota WHERE nik = (SELECT nik_anak FROM contoh)$$),
          '23503', 'references: a membership of a person who does not exist');
SELECT is(pg_temp.bulk_dengan($$UPDATE dtks.keluarga SET rumah_tangga_id = 999999999 WHERE no_kk = (SELECT kk_istri FROM contoh)$$),
          '23503', 'references: a KK in a household that does not exist');
SELECT is(pg_temp.bulk_dengan($$UPDATE dtks.keluarga SET asal_no_kk = '3471010101990001' WHERE no_kk = (SELECT kk_istri FROM contoh)$$),
          '23503', 'references: a KK that came from a KK that does not exist');
SELECT is(pg_temp.bulk_dengan($$UPDATE dtks.rumah_tangga SET kode_wilayah = '34.71.01.9999' WHERE id = (SELECT rt FROM contoh)$$),
          '23503', 'rule 5: a household in a desa that is not in the current edition');
SELECT is(pg_temp.bulk_dengan($$SELECT 1$$), NULL, 'after all those refusals, a clean bulk load still passes');

SELECT * FROM finish();
ROLLBACK;
