-- pgTAP: dtks.kk_komponen (union-find in C over hash partitions) gives the same components as a
-- recursive CTE, on generated families large enough to use several partitions, with people
-- moved between families over time.
\ir lib/awal.psql
SELECT plan(6);

-- room on every page, so that closing a membership is a HOT update (the index then points to the
-- old version, and kk_komponen must follow the chain)
ALTER TABLE dtks.keanggotaan SET (fillfactor = 70);
SELECT lives_ok($$SELECT dtks.sintetis_muat(77, 2500, '34.71')$$, 'generating 2,500 families');
-- 10% of the non-heads move to another family on 2025-07-01 (old membership closed, new one opened)
CREATE TEMP TABLE kk_nomor AS SELECT (row_number() OVER (ORDER BY no_kk))::int AS i, no_kk FROM dtks.keluarga;
CREATE TEMP TABLE pindah AS
SELECT m.id, m.nik, k.no_kk AS tujuan
  FROM dtks.keanggotaan m
  JOIN kk_nomor k ON k.i = 1 + (dtks.sintetis_acak(77, m.id, 90) * ((SELECT count(*) FROM kk_nomor) - 1))::int
 WHERE m.shdk <> 1 AND dtks.sintetis_acak(77, m.id, 91) < 0.10 AND lower(m.berlaku) < DATE '2025-07-01';
SET LOCAL session_replication_role = replica;
UPDATE dtks.keanggotaan m SET berlaku = daterange(lower(m.berlaku), DATE '2025-07-01') FROM pindah p WHERE p.id = m.id;
INSERT INTO dtks.keanggotaan (nik, no_kk, shdk, berlaku)
SELECT p.nik, p.tujuan, 4, daterange(DATE '2025-07-01', NULL) FROM pindah p;
-- two families share a household
UPDATE dtks.keluarga SET rumah_tangga_id = (SELECT min(rumah_tangga_id) FROM dtks.keluarga)
 WHERE no_kk = (SELECT max(no_kk) FROM dtks.keluarga);
SET LOCAL session_replication_role = origin;
ANALYZE dtks.keanggotaan;
ANALYZE dtks.keluarga;

CREATE TEMP TABLE hasil_c AS SELECT * FROM dtks.kk_komponen();
CREATE TEMP TABLE hasil_cte AS
WITH RECURSIVE
    tepi AS (SELECT a.no_kk AS x, b.no_kk AS y FROM dtks.keanggotaan a
               JOIN dtks.keanggotaan b ON b.nik = a.nik AND b.no_kk <> a.no_kk
             UNION
             SELECT a.no_kk, b.no_kk FROM dtks.keluarga a
               JOIN dtks.keluarga b ON b.rumah_tangga_id = a.rumah_tangga_id AND b.no_kk <> a.no_kk),
    jangkau (kk, akar) AS (SELECT f.no_kk, f.no_kk FROM dtks.keluarga f
                           UNION
                           SELECT t.y, j.akar FROM jangkau j JOIN tepi t ON t.x = j.kk),
    label AS (SELECT kk AS no_kk, min(akar) AS komponen FROM jangkau GROUP BY kk)
SELECT no_kk, komponen, (count(*) OVER (PARTITION BY komponen))::int AS ukuran FROM label;

SELECT cmp_ok((SELECT count(*) FROM pindah), '>', 500::bigint, 'enough moves to link families');
SELECT cmp_ok(pg_stat_get_xact_tuples_hot_updated('dtks.keanggotaan'::regclass), '>', 100::bigint,
              'many of the moves were HOT updates');
SELECT cmp_ok((SELECT max(ukuran) FROM hasil_c), '>', 2, 'some components join more than two families');
SELECT is((SELECT count(*) FROM hasil_c), (SELECT count(*) FROM dtks.keluarga), 'one row per KK');
SELECT is((SELECT count(*) FROM hasil_c c FULL JOIN hasil_cte e ON e.no_kk = c.no_kk
            WHERE e.no_kk IS NULL OR c.no_kk IS NULL OR e.komponen <> c.komponen OR e.ukuran <> c.ukuran),
          0::bigint, 'the same KKs, component labels and sizes as the recursive CTE');

SELECT * FROM finish();
ROLLBACK;
