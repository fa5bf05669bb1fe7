-- pgTAP: every function of schema dtks, taken from the catalog, called with NULLs and absurd
-- arguments.  Each call runs in its own subtransaction (rolled back whatever it did) under a
-- statement_timeout, as a superuser and as a desa office; none may raise an internal error
-- (class XX: an elog without errcode, a PostGIS or SPI failure passed through), a system error
-- (class 58), a RAISE without ERRCODE (P0001) or an assertion (P0004), nor run into the timeout.
-- A crash ends the script before its plan is complete, which pg_prove reports as a failure.
-- Not called: trigger functions (only a trigger can call them) and functions taking an internal
-- argument (the binary receive functions, the planner support and selectivity functions: an
-- internal pointer cannot be formed in SQL).
\ir lib/awal.psql
SELECT plan(9);

-- a small registry and a determined month, so that ids, codes and numbers can name real rows
SELECT count(*) FROM dtks.sintetis_muat(1801, 40, '34.71.01') \g /dev/null
CREATE ROLE tap_fuzz_desa;
SELECT dtks.petugas_tetapkan('tap_fuzz_desa', 'desa', '34.71.01.1001') \g /dev/null
SELECT count(*) FROM dtks.tetapkan('2026-01-01') \g /dev/null
SET ROLE tap_fuzz_desa;
INSERT INTO dtks.usulan (jenis, sumber, kode_wilayah, data) VALUES ('baru', 'musdes', '34.71.01.1001', '{}');
RESET ROLE;

-- Values per argument type, as SQL expressions (cast to the type at the call): NULL, one
-- reasonable value (wajar: every other argument has it while one varies) and absurd ones.
CREATE TEMP TABLE nilai (tipe regtype, ekspresi text, wajar boolean DEFAULT false);
INSERT INTO nilai (tipe, ekspresi, wajar) VALUES
    ('bigint', '1', true),
    ('boolean', 'false', true),
    ('integer', '4', true),
    ('double precision', '0.5', true),
    ('text', $$'dtks-deprivasi-2026.1'$$, true),
    ('name', $$'tap_fuzz_desa'$$, true),
    ('date', $$'2026-02-01'$$, true),
    ('daterange', $$'[2026-01-01,)'$$, true),
    ('jsonb', $$'{"a": 1}'$$, true),
    ('cstring', $$'34.71'$$, true),
    ('geometry', $$'SRID=4326;POLYGON((110 -8, 110.5 -8, 110.5 -7.5, 110 -7.5, 110 -8))'$$, true),
    ('dtks.nik', '(SELECT dtks.min(a.nik) FROM dtks.anggota a)', true),
    ('dtks.no_kk', '(SELECT dtks.min(k.no_kk) FROM dtks.keluarga k)', true),
    ('dtks.kode_wilayah', $$'34.71.01.1001'$$, true),
    ('integer[]', $$'{1,2,3}'$$, true),
    ('anyelement', '(SELECT l FROM dtks.usulan_langkah l ORDER BY l.dari, l.ke, l.peran LIMIT 1)', true),
    ('bigint[]', '(SELECT pg_catalog.array_agg(h.id) FROM dtks.rumah_tangga h)', true),
    ('double precision[]', $$'{0.25,0.5,0.75}'$$, true),
    ('dtks.nik[]', '(SELECT pg_catalog.array_agg(a.nik) FROM dtks.anggota a)', true),
    ('dtks.no_kk[]', '(SELECT pg_catalog.array_agg(k.no_kk) FROM dtks.keluarga k)', true),
    ('dtks.rumah_tangga', '(SELECT h FROM dtks.rumah_tangga h ORDER BY h.id LIMIT 1)', true),
    ('dtks.keluarga', '(SELECT k FROM dtks.keluarga k ORDER BY k.no_kk LIMIT 1)', true),
    ('dtks.anggota', '(SELECT a FROM dtks.anggota a ORDER BY a.nik LIMIT 1)', true);
-- NULL of every type
INSERT INTO nilai (tipe, ekspresi) SELECT DISTINCT tipe, 'NULL' FROM nilai;
-- absurd literals
INSERT INTO nilai (tipe, ekspresi)
SELECT v.t::regtype, pg_catalog.quote_literal(v.e) FROM (VALUES
    ('boolean', 'true'),
    ('bigint', '0'), ('bigint', '-1'), ('bigint', '9223372036854775807'), ('bigint', '-9223372036854775808'),
    ('integer', '0'), ('integer', '-1'), ('integer', '1'), ('integer', '5'), ('integer', '2147483647'),
    ('integer', '-2147483648'),
    ('double precision', 'NaN'), ('double precision', 'Infinity'), ('double precision', '-Infinity'),
    ('double precision', '0'), ('double precision', '1'), ('double precision', '-1'), ('double precision', '1e308'),
    ('text', ''), ('text', ' '), ('text', 'x'), ('text', 'desa'), ('text', 'pusat'), ('text', 'pemadanan'),
    ('text', 'penetapan'), ('text', 'baru'), ('text', 'bawaan'), ('text', 'PKH'), ('text', '%s%n'), ('text', 'SELECT 1'),
    ('text', 'SELECT 1; SELECT 2'), ('text', 'BEGIN'), ('text', 'COMMIT'), ('text', 'COPY dtks.program TO STDOUT'),
    ('text', 'diajukan'), ('text', 'dibatalkan'), ('text', 'nasional'), ('text', 'kabkota'), ('text', 'POINT'),
    ('text', 'POLYGON'), ('text', 'ekspor'), ('text', 'bawaan''; --'), ('text', '3471011708450001'), ('text', '34.71.01.1001'),
    ('text', 'é́ ÄÖÜ ẞ ß ǅ ﬁ İ 𝔘 ٣'),
    ('name', ''), ('name', 'postgres'), ('name', 'tidak_ada_peran_ini'), ('name', 'dtks_desa'),
    ('date', 'infinity'), ('date', '-infinity'), ('date', '4713-01-01 BC'), ('date', '5874897-12-31'),
    ('date', '0001-01-01'), ('date', '1900-02-28'), ('date', '2000-02-29'), ('date', '2026-01-31'),
    ('date', '2999-12-01'),
    ('daterange', 'empty'), ('daterange', '(,)'), ('daterange', '[-infinity,infinity]'),
    ('daterange', '[2026-01-01,2026-01-02)'), ('daterange', '[4713-01-01 BC,5874897-12-31]'),
    ('jsonb', '{}'), ('jsonb', '[]'), ('jsonb', 'null'), ('jsonb', '0'), ('jsonb', '"x"'), ('jsonb', 'true'),
    ('jsonb', '{"a": null}'), ('jsonb', '[{"a": 1}, 2, null]'), ('jsonb', '{"a": {"b": [1, {"c": "d"}]}}'),
    ('jsonb', '{"nik_tanggal_beda": "x", "dua_kk": -1, "nik_ganda": 1e400}'),
    ('jsonb', '{"nik_tanggal_beda": 1, "meninggal_aktif": 1, "dua_kk": 1, "nik_ganda": 1}'),
    ('jsonb', '{"anggota": [{}], "rumah_tangga": [], "keluarga": "x"}'),
    ('jsonb', '{"anggota": [{"nik": "x", "tanggal_lahir": "infinity"}], "rumah_tangga": {"lokasi": "POINT EMPTY"}}'),
    ('cstring', ''), ('cstring', ' '), ('cstring', '00'), ('cstring', '3471011708450001'), ('cstring', '-1'),
    ('geometry', 'POINT EMPTY'), ('geometry', 'POLYGON EMPTY'), ('geometry', 'MULTIPOLYGON EMPTY'),
    ('geometry', 'GEOMETRYCOLLECTION EMPTY'), ('geometry', 'SRID=4326;POINT(110.37 -7.8)'),
    ('geometry', 'POINT(110.37 -7.8)'), ('geometry', 'SRID=3857;POINT(12286000 -870000)'),
    ('geometry', 'SRID=4326;POINT ZM (110.37 -7.8 1 2)'), ('geometry', 'SRID=4326;LINESTRING(110 -8, 111 -7)'),
    ('geometry', 'SRID=4326;POLYGON((0 0, 10 10, 10 0, 0 10, 0 0))'),
    ('geometry', 'SRID=4326;POLYGON((0 0, 1e-300 0, 1e-300 1e-300, 0 1e-300, 0 0))'),
    ('geometry', 'SRID=4326;POLYGON((0 0, 1e300 0, 1e300 1e300, 0 1e300, 0 0))'),
    ('geometry', 'SRID=4326;POLYGON((0 0, 1 0, NaN 1, 0 1, 0 0))'),
    ('geometry', 'SRID=3857;POLYGON((0 0, 1000 0, 1000 1000, 0 1000, 0 0))'),
    ('geometry', 'POLYGON((110 -8, 110.5 -8, 110.5 -7.5, 110 -7.5, 110 -8))'),
    ('dtks.kode_wilayah', '11'), ('dtks.kode_wilayah', '34'), ('dtks.kode_wilayah', '96'),
    ('dtks.kode_wilayah', '34.71'), ('dtks.kode_wilayah', '34.71.01'), ('dtks.kode_wilayah', '34.71.01.2001'),
    ('dtks.kode_wilayah', '96.99.99.2999'), ('dtks.kode_wilayah', '11.01.01.2001'),
    ('dtks.nik', '9699999999999999'), ('dtks.nik', '1101014101000001'),
    ('dtks.no_kk', '9699999999999999'), ('dtks.no_kk', '1101010000000000'),
    ('integer[]', '{}'), ('integer[]', '{NULL}'), ('integer[]', '{-1,0,2147483647}'), ('integer[]', '{{1,2},{3,4}}'),
    ('integer[]', '[0:1]={1,2}'), ('integer[]', '{1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20}'),
    ('bigint[]', '{}'), ('bigint[]', '{NULL}'), ('bigint[]', '{-1,0,9223372036854775807}'),
    ('double precision[]', '{}'), ('double precision[]', '{NULL}'), ('double precision[]', '{NaN}'),
    ('double precision[]', '{Infinity,-Infinity}'), ('double precision[]', '{0.9,0.1}'),
    ('double precision[]', '{{0.1,0.2},{0.3,0.4}}'),
    ('dtks.nik[]', '{}'), ('dtks.nik[]', '{NULL}'), ('dtks.no_kk[]', '{}'), ('dtks.no_kk[]', '{NULL}')
) v(t, e);
-- absurd values that take an expression: huge, deep, or rows with empty and extreme fields
INSERT INTO nilai (tipe, ekspresi) VALUES
    ('anyelement', '(SELECT a FROM dtks.anggota a ORDER BY a.nik LIMIT 1)'),
    ('anyelement', '42'),
    ('anyelement', $$'x'::text$$),
    ('anyelement', $$pg_catalog.jsonb_populate_record(NULL::dtks.ekspor_kolom, '{}')$$),
    ('bigint', '(SELECT pg_catalog.max(h.id) FROM dtks.rumah_tangga h)'),
    ('bigint', '(SELECT pg_catalog.max(u.id) FROM dtks.usulan u)'),
    ('text', $$pg_catalog.repeat('x', 1000000)$$),
    ('text', $$pg_catalog.repeat('é', 100000)$$),
    ('cstring', $$pg_catalog.repeat('3', 100000)$$),
    ('jsonb', $$(pg_catalog.repeat('[', 5000) || pg_catalog.repeat(']', 5000))::jsonb$$),
    ('jsonb', $$(SELECT pg_catalog.jsonb_object_agg('k' || g, g) FROM pg_catalog.generate_series(1, 10000) g)$$),
    ('jsonb', $$(SELECT pg_catalog.jsonb_build_object('anggota', pg_catalog.jsonb_agg('{}'::jsonb)) FROM pg_catalog.generate_series(1, 10000) g)$$),
    ('geometry', $$ST_Buffer('SRID=4326;POINT(110.37 -7.8)'::geometry, 0.1, 20000)$$),
    ('geometry', '(SELECT w.batas FROM dtks.wilayah w WHERE w.batas IS NOT NULL ORDER BY w.kode LIMIT 1)'),
    ('integer[]', '(SELECT pg_catalog.array_agg(g) FROM pg_catalog.generate_series(1, 100000) g)'),
    ('bigint[]', '(SELECT pg_catalog.array_agg(g) FROM pg_catalog.generate_series(-100000::bigint, 0) g)'),
    ('double precision[]', '(SELECT pg_catalog.array_agg(g / 1e5) FROM pg_catalog.generate_series(1, 100000) g)'),
    ('dtks.nik[]', '(SELECT pg_catalog.array_fill(dtks.min(a.nik), ARRAY[100000]) FROM dtks.anggota a)'),
    ('dtks.no_kk[]', '(SELECT pg_catalog.array_fill(dtks.min(k.no_kk), ARRAY[100000]) FROM dtks.keluarga k)'),
    ('dtks.rumah_tangga', $$pg_catalog.jsonb_populate_record(NULL::dtks.rumah_tangga, '{}')$$),
    ('dtks.rumah_tangga', $$(SELECT pg_catalog.jsonb_populate_record(h, '{"id": -1, "kode_wilayah": "96", "luas_lantai": 100000, "daya_listrik": [5, 5, 5], "lokasi": "SRID=4326;POINT EMPTY"}') FROM dtks.rumah_tangga h ORDER BY h.id LIMIT 1)$$),
    ('dtks.keluarga', $$pg_catalog.jsonb_populate_record(NULL::dtks.keluarga, '{}')$$),
    ('dtks.keluarga', $$(SELECT pg_catalog.jsonb_populate_record(k, '{"rumah_tangga_id": -1, "pkh_sejak": "infinity", "bpnt_sejak": "-infinity", "jumlah_sapi": 32767, "jumlah_kambing": -32768}') FROM dtks.keluarga k ORDER BY k.no_kk LIMIT 1)$$),
    ('dtks.anggota', $$pg_catalog.jsonb_populate_record(NULL::dtks.anggota, '{}')$$),
    ('dtks.anggota', $$(SELECT pg_catalog.jsonb_populate_record(a, '{"tanggal_lahir": "infinity", "tanggal_meninggal": "-infinity", "jam_kerja": 168}') FROM dtks.anggota a ORDER BY a.nik LIMIT 1)$$),
    ('dtks.anggota', $$(SELECT pg_catalog.jsonb_populate_record(a, '{"tanggal_lahir": "4713-01-01 BC", "status_hidup": "meninggal"}') FROM dtks.anggota a ORDER BY a.nik LIMIT 1)$$);

-- Where the reasonable value of the type makes no sense for an argument (an office, a step, an
-- action...), the reasonable value of that argument, so that the calls varying the others get past it.
CREATE TEMP TABLE wajar_argumen (fungsi name, argumen name, ekspresi text);
INSERT INTO wajar_argumen VALUES
    ('jalankan_sebagai', 'peran', $$'pemadanan'$$), ('jalankan_sebagai', 'perintah', $$'SELECT 1'$$),
    ('ubah_status', 'usulan', '(SELECT pg_catalog.max(u.id) FROM dtks.usulan u)'), ('ubah_status', 'status_baru', $$'diajukan'$$),
    ('layak_program', 'program', $$'PKH'$$), ('petugas_tetapkan', 'peran', $$'desa'$$),
    ('hitung_desil', 'lingkup', $$'nasional'$$), ('desil_terakhir', 'lingkup', $$'nasional'$$),
    ('laporan_tertunggak_periksa', 'tindakan', $$'baru'$$),
    ('titik_wgs84_periksa', 'srid', '4326'), ('titik_wgs84_periksa', 'jenis', $$'POINT'$$),
    ('sintetis_batas_periksa', 'srid', '4326'), ('sintetis_batas_periksa', 'jenis', $$'POLYGON'$$),
    ('sintetis_batas_periksa', 'luas', '1'),
    ('skor_model_salin', 'versi_baru', $$'uji-fuzz'$$), ('skor_model_salin', 'nama', $$'uji'$$);

-- the functions called: every one in dtks but the trigger functions and those taking internal
CREATE TEMP TABLE fungsi AS
SELECT p.oid, p.oid::regprocedure AS nama, p.proname, p.prokind, ARRAY(SELECT unnest(p.proargtypes::oid[])) AS args,
       ARRAY(SELECT x.nama FROM unnest(p.proargnames, coalesce(p.proargmodes::text[], ARRAY(SELECT 'i' FROM unnest(p.proargnames))))
                                WITH ORDINALITY x(nama, mode, i)
              WHERE x.mode IN ('i', 'b', 'v') ORDER BY x.i) AS argnama
  FROM pg_catalog.pg_proc p
 WHERE p.pronamespace OPERATOR(pg_catalog.=) 'dtks'::regnamespace
   AND p.prorettype OPERATOR(pg_catalog.<>) 'trigger'::regtype
   AND NOT ('internal'::regtype OPERATOR(pg_catalog.=) ANY (p.proargtypes::oid[]));

-- every argument type has values (a new type must be given some here)
SELECT is_empty($$SELECT DISTINCT t::regtype FROM fungsi f, unnest(f.args) t
                   WHERE NOT EXISTS (SELECT 1 FROM nilai n WHERE n.tipe = t AND n.wajar)$$,
                'every argument type of a dtks function has values to try');

-- The calls: where the values of all arguments make at most 400 combinations, every
-- combination; else the reasonable call, each argument in turn through all its values (the others
-- reasonable), all NULL, and 16 combinations drawn at random (fixed seed).
SELECT setseed(0.1801);
CREATE TEMP TABLE panggilan AS
WITH a AS (
    SELECT f.oid, o.i::int AS i, o.t, w.ekspresi AS khusus
      FROM fungsi f CROSS JOIN unnest(f.args) WITH ORDINALITY o(t, i)
      LEFT JOIN wajar_argumen w ON w.fungsi = f.proname AND w.argumen = f.argnama[o.i]),
av0 AS (
    SELECT a.oid, a.i, n.ekspresi, n.wajar AND a.khusus IS NULL AS wajar FROM a JOIN nilai n ON n.tipe = a.t
    UNION ALL
    SELECT a.oid, a.i, a.khusus, true FROM a WHERE a.khusus IS NOT NULL),
av AS (
    SELECT v.*, row_number() OVER (PARTITION BY v.oid, v.i ORDER BY v.ekspresi, v.wajar) AS j,
           count(*) OVER (PARTITION BY v.oid, v.i) AS banyak
      FROM av0 v),
ukuran AS (
    SELECT f.oid, (SELECT exp(sum(ln(b.banyak))) FROM (SELECT DISTINCT av.i, av.banyak FROM av WHERE av.oid = f.oid) b) AS kombinasi
      FROM fungsi f),
-- a call is (oid, k), k numbering the combination; pilihan holds the value of each argument i
semua AS (
    SELECT u.oid, k FROM ukuran u, generate_series(1, coalesce(u.kombinasi, 1)::int) k WHERE coalesce(u.kombinasi, 1) <= 400),
pilih_semua AS (
    -- the k-th combination in mixed radix over the arguments
    SELECT s.oid, s.k, av.i, av.ekspresi
      FROM semua s JOIN av ON av.oid = s.oid
     WHERE av.j = 1 + ((s.k - 1) / coalesce((SELECT exp(sum(ln(b.banyak)))::bigint FROM (SELECT DISTINCT v.i, v.banyak FROM av v
                                                                     WHERE v.oid = s.oid AND v.i < av.i) b), 1)) % av.banyak),
lain AS (
    SELECT u.oid FROM ukuran u WHERE u.kombinasi > 400),
satu AS (
    -- each argument through its values, the others reasonable; k = 1000 * argument + value
    SELECT l.oid, 1000 * v.i + v.j AS k, x.i, CASE WHEN x.i = v.i THEN v.ekspresi ELSE w.ekspresi END AS ekspresi
      FROM lain l JOIN av v ON v.oid = l.oid AND NOT v.wajar
      JOIN av x ON x.oid = l.oid AND x.j = 1
      JOIN av w ON w.oid = l.oid AND w.i = x.i AND w.wajar
    UNION ALL
    SELECT l.oid, 0, w.i, w.ekspresi FROM lain l JOIN av w ON w.oid = l.oid AND w.wajar
    UNION ALL
    SELECT l.oid, -1, w.i, 'NULL' FROM lain l JOIN av w ON w.oid = l.oid AND w.wajar),
acak AS (
    SELECT l.oid, -1 - k AS k, g.i,
           (SELECT v.ekspresi FROM av v WHERE v.oid = l.oid AND v.i = g.i ORDER BY random() + k * 0 + g.i * 0 LIMIT 1) AS ekspresi
      FROM lain l, generate_series(1, 16) k, (SELECT DISTINCT av.oid, av.i FROM av) g WHERE g.oid = l.oid),
pilihan AS (
    SELECT * FROM pilih_semua UNION ALL SELECT * FROM satu UNION ALL SELECT * FROM acak)
SELECT f.oid, f.nama, s.k,
       (SELECT string_agg(format('(%s)::%s', p.ekspresi, f.args[p.i]::regtype), ', ' ORDER BY p.i)
          FROM pilihan p WHERE p.oid = s.oid AND p.k = s.k) AS argumen
  FROM (SELECT DISTINCT p.oid, p.k FROM pilihan p UNION SELECT f.oid, 1 FROM fungsi f WHERE cardinality(f.args) = 0) s
  JOIN fungsi f ON f.oid = s.oid;

-- the text of each call: every column of the result is turned to text, so that every output
-- function runs and no column is left unevaluated; an aggregate over a NULL and its argument
ALTER TABLE panggilan ADD COLUMN perintah text;
UPDATE panggilan c SET perintah =
    CASE WHEN f.prokind = 'a'
         THEN format('SELECT pg_catalog.count(x::text) FROM (SELECT dtks.%I(v) AS x FROM (VALUES (NULL::%s), (%s)) AS t(v)) AS s',
                     (SELECT p.proname FROM pg_catalog.pg_proc p WHERE p.oid = c.oid), f.args[1]::regtype,
                     coalesce(c.argumen, 'NULL'))
         ELSE format('SELECT pg_catalog.count(s.x::text) FROM (SELECT dtks.%I(%s) AS x) AS s',
                     (SELECT p.proname FROM pg_catalog.pg_proc p WHERE p.oid = c.oid), coalesce(c.argumen, ''))
    END
  FROM fungsi f WHERE f.oid = c.oid;

-- Run one call as a role (NULL: as the superuser running the test) in a subtransaction that is
-- always rolled back; record its SQLSTATE (NULL when it ran) and message.
CREATE TEMP TABLE hasil (peran name, nama regprocedure, perintah text, kode text, pesan text, rinci text, detik double precision);
CREATE FUNCTION pg_temp.coba(peran name, nama regprocedure, perintah text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    st text; msg text; det text;
    mulai timestamptz := clock_timestamp();
BEGIN
    BEGIN
        IF peran IS NOT NULL THEN
            EXECUTE format('SET LOCAL ROLE %I', peran);
        END IF;
        EXECUTE perintah;
        RAISE SQLSTATE 'DTKOK';
    EXCEPTION
        WHEN query_canceled THEN
            st := 'timeout'; msg := SQLERRM;
        WHEN OTHERS THEN
            GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL;
            IF st = 'DTKOK' THEN
                st := NULL; msg := NULL;
            END IF;
    END;
    INSERT INTO hasil VALUES (peran, nama, perintah, st, msg, det,
                              extract(epoch FROM clock_timestamp() - mulai));
END $$;

-- each call is a statement of its own, so that statement_timeout applies to each (the WARNINGs of
-- REVOKE, when petugas_tetapkan gives the superuser an office, are not shown)
SET LOCAL statement_timeout = '10s';
SET LOCAL client_min_messages = error;
\o /dev/null
SELECT format('SELECT pg_temp.coba(%L, %L, %L)', r.peran, c.nama, c.perintah)
  FROM panggilan c, (VALUES (NULL::name), ('tap_fuzz_desa')) r(peran)
 ORDER BY c.nama::text, c.k, r.peran NULLS FIRST \gexec
\o
RESET statement_timeout;
SET LOCAL client_min_messages = warning;

SELECT cmp_ok((SELECT count(*) FROM hasil), '=', (SELECT 2 * count(*) FROM panggilan), 'every call was made, as each role');
SELECT set_eq('SELECT DISTINCT nama FROM hasil', 'SELECT nama FROM fungsi', 'every callable dtks function was called');
SELECT cmp_ok((SELECT count(*) FROM hasil WHERE kode IS NULL AND peran IS NULL), '>', 1000::bigint,
              'many calls ran to the end');
SELECT is_empty($$SELECT nama, kode, pesan, perintah FROM hasil WHERE kode LIKE 'XX%' ORDER BY 1, 2$$,
                'no call raised an internal error (class XX)');
SELECT is_empty($$SELECT nama, kode, pesan, perintah FROM hasil WHERE kode LIKE '58%' ORDER BY 1, 2$$,
                'no call raised a system error (class 58)');
SELECT is_empty($$SELECT nama, kode, pesan, perintah FROM hasil WHERE kode IN ('P0001', 'P0004') ORDER BY 1, 2$$,
                'no call raised an error without its own SQLSTATE (P0001) or an assertion (P0004)');
SELECT is_empty($$SELECT nama, pesan, perintah FROM hasil WHERE kode = 'timeout' ORDER BY 1$$,
                'no call ran into the 10 s statement_timeout');
SELECT is_empty($$SELECT DISTINCT nama, kode, pesan FROM hasil WHERE kode IS NOT NULL AND peran IS NULL
                   AND pesan !~ '^[a-z"(]' ORDER BY 1, 2$$,
                'every error message starts in lowercase');

SELECT * FROM finish();
ROLLBACK;
