-- dtks.kode_wilayah: forms, hierarchy functions, containment and its index support.
SET search_path = dtks, public;

-- dotted and undotted forms are the same value; output is dotted
SELECT k::kode_wilayah, tingkat(k::kode_wilayah), induk(k::kode_wilayah), jenis_desa(k::kode_wilayah)
  FROM unnest(ARRAY['31', '3171', '31.71', '317101', '31.71.01', '3171011001', '31.71.01.1001',
                    ' 34.02.01.2001 ', '91.03.01.3007', '11.01.01.4001']) AS k;

-- one malformed form per statement
SELECT ''::kode_wilayah;
SELECT '3'::kode_wilayah;
SELECT '317'::kode_wilayah;
SELECT '31710110011'::kode_wilayah;
SELECT '31-71'::kode_wilayah;
SELECT '31.7'::kode_wilayah;
SELECT '317.1'::kode_wilayah;
SELECT '31.71.'::kode_wilayah;
SELECT '.31'::kode_wilayah;
SELECT '31.71.01.100'::kode_wilayah;
SELECT '31.71.01.1001.01'::kode_wilayah;
SELECT '00'::kode_wilayah;
SELECT '31.00'::kode_wilayah;
SELECT '310001'::kode_wilayah;
SELECT '31.71.01.0000'::kode_wilayah;
-- a text longer than any region code (a NIK cast by mistake) is not repeated
SELECT '3171011708450001'::kode_wilayah;
-- positions count characters, not bytes
SELECT '3é.71'::kode_wilayah;

-- ancestors
SELECT t, leluhur('31.71.01.1001', t) FROM generate_series(1, 4) AS t;
SELECT leluhur('31.71', 3) AS lebih_dalam, induk('31') AS induk_provinsi;
SELECT leluhur('31.71', 5);
SELECT leluhur('31.71', 0);

-- containment: a region contains itself and its descendants only
SELECT a, b, a::kode_wilayah @> b::kode_wilayah AS memuat, b::kode_wilayah <@ a::kode_wilayah AS dimuat
  FROM (VALUES ('31', '31'), ('31', '31.71.01.1001'), ('31.71', '31.72'), ('31.71', '31.71.99.9999'),
               ('31.71.01', '31.71.02.1001'), ('31.71.01.1001', '31.71.01'), ('96', '96.71')) AS v(a, b);
SELECT kode_wilayah_akhir(k) FROM unnest(ARRAY['31', '31.71', '31.71.01', '31.71.01.1001']::kode_wilayah[]) AS k;

-- a region sorts immediately before its descendants
SELECT k FROM unnest(ARRAY['31.72', '31.71.01.1001', '32', '31', '31.71', '31.71.01', '31.71.02', '31.71.01.2001']::kode_wilayah[]) AS k
 ORDER BY k;

-- a btree index serves containment as a range scan (a planner support function)
CREATE TABLE kode_uji (kode kode_wilayah PRIMARY KEY);
INSERT INTO kode_uji
SELECT DISTINCT leluhur(format('%s.%s.%s.%s', p, lpad(k::text, 2, '0'), lpad(c::text, 2, '0'), 2000 + d)::kode_wilayah, t)
  FROM generate_series(11, 19) p, generate_series(1, 20) k, generate_series(1, 10) c, generate_series(1, 10) d,
       generate_series(1, 4) t;
VACUUM ANALYZE kode_uji;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT kode FROM kode_uji WHERE kode <@ '13.07';
SELECT count(*) FROM kode_uji WHERE kode <@ '13.07';
EXPLAIN (COSTS OFF) SELECT kode FROM kode_uji WHERE '13.07' @> kode;
EXPLAIN (COSTS OFF) SELECT kode FROM kode_uji WHERE kode @> '13.07.05.2003';
SELECT kode FROM kode_uji WHERE kode @> '13.07.05.2003' ORDER BY kode;
-- with a parameter and a generic plan the range bound is computed at run time
PREPARE di_dalam(kode_wilayah) AS SELECT count(*) FROM kode_uji WHERE kode <@ $1;
SET plan_cache_mode = force_generic_plan;
EXPLAIN (COSTS OFF) EXECUTE di_dalam('13.07');
EXECUTE di_dalam('13.07');
EXECUTE di_dalam('13.07.05');
RESET plan_cache_mode;
-- only the default btree order makes the rewrite true: a reversed operator class gets no range
CREATE FUNCTION kode_terbalik_cmp(kode_wilayah, kode_wilayah) RETURNS int
    LANGUAGE sql IMMUTABLE STRICT RETURN dtks.kode_wilayah_cmp($2, $1);
CREATE OPERATOR CLASS kode_terbalik_ops FOR TYPE kode_wilayah USING btree AS
    OPERATOR 1 dtks.>, OPERATOR 2 dtks.>=, OPERATOR 3 dtks.=, OPERATOR 4 dtks.<=, OPERATOR 5 dtks.<,
    FUNCTION 1 kode_terbalik_cmp(kode_wilayah, kode_wilayah);
CREATE INDEX kode_uji_terbalik ON kode_uji (kode kode_terbalik_ops);
ALTER TABLE kode_uji DROP CONSTRAINT kode_uji_pkey;
EXPLAIN (COSTS OFF) SELECT count(*) FROM kode_uji WHERE kode <@ '13.07';
SELECT count(*) FROM kode_uji WHERE kode <@ '13.07';
-- a multi-column index serves the range on its first column
CREATE INDEX kode_uji_dua ON kode_uji (kode, (tingkat(kode)));
EXPLAIN (COSTS OFF) SELECT count(*) FROM kode_uji WHERE kode <@ '13.07' AND tingkat(kode) = 3;
SELECT count(*) FROM kode_uji WHERE kode <@ '13.07' AND tingkat(kode) = 3;
RESET enable_bitmapscan;
RESET enable_seqscan;
DROP TABLE kode_uji;
DROP OPERATOR CLASS kode_terbalik_ops USING btree;
DROP OPERATOR FAMILY kode_terbalik_ops USING btree;
DROP FUNCTION kode_terbalik_cmp;
