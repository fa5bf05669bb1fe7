-- pgTAP: dtks under a hostile search_path.  Fully-qualified calls must work
-- with search_path = pg_catalog, pg_temp and with an empty search_path, in
-- expression indexes and materialized views too; and objects a user puts
-- first in the search_path (schema jahat: now(), =, ST_Covers, ...) must not
-- be called by dtks functions.  pgTAP itself needs public on the path, so the
-- results are collected under the hostile paths and asserted afterwards.
\ir lib/awal.psql

SELECT plan(54);

-- The first value a query returns, as text; or 'GALAT sqlstate: message'.
CREATE FUNCTION pg_temp.coba(perintah text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    hasil text;
BEGIN
    EXECUTE perintah INTO hasil;
    RETURN hasil;
EXCEPTION WHEN OTHERS THEN
    RETURN 'GALAT ' || SQLSTATE || ': ' || SQLERRM;
END $$;
-- Run a statement: 'ok' or 'GALAT sqlstate: message'.
CREATE FUNCTION pg_temp.jalankan(perintah text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE perintah;
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    RETURN 'GALAT ' || SQLSTATE || ': ' || SQLERRM;
END $$;
-- The text of an EXPLAIN (COSTS OFF), one string.
CREATE FUNCTION pg_temp.rencana(perintah text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    baris text;
    hasil text := '';
BEGIN
    FOR baris IN EXECUTE 'EXPLAIN (COSTS OFF) ' || perintah LOOP
        hasil := hasil || baris || E'\n';
    END LOOP;
    RETURN hasil;
EXCEPTION WHEN OTHERS THEN
    RETURN 'GALAT ' || SQLSTATE || ': ' || SQLERRM;
END $$;
CREATE TEMP TABLE hasil (uji text PRIMARY KEY, nilai text);

CREATE TABLE public.dtks_uji_sp (nik dtks.nik PRIMARY KEY);
INSERT INTO public.dtks_uji_sp VALUES ('3171011708450001'), ('9101011708450001'), ('3276055708900002');
-- 53 codes of dtks.wilayah lie in 31.71 (checked below under the normal path)
PREPARE sp_dimuat(dtks.kode_wilayah) AS
    SELECT count(*) FROM dtks.wilayah WHERE kode OPERATOR(dtks.<@) $1;

------------------------------------------------------------------------------
-- A. search_path = pg_catalog, pg_temp
------------------------------------------------------------------------------
SET LOCAL search_path = pg_catalog, pg_temp;
INSERT INTO pg_temp.hasil VALUES
    ('A lahir', pg_temp.coba($$SELECT dtks.nik_tanggal_lahir('3171011708450001'::dtks.nik)::text$$)),
    ('A dikenal lama', pg_temp.coba($$SELECT dtks.nik_wilayah_dikenal('9101011708450001'::dtks.nik)::text$$)),
    ('A dikenal tidak', pg_temp.coba($$SELECT dtks.nik_wilayah_dikenal('1199011708450001'::dtks.nik)::text$$)),
    ('A titik', pg_temp.coba($$SELECT dtks.wilayah_di_titik(public.ST_SetSRID(public.ST_MakePoint(106.8272, -6.1754), 4326))::text$$)),
    ('A titik 3857', pg_temp.coba($$SELECT dtks.wilayah_di_titik(public.ST_SetSRID(public.ST_MakePoint(0, 0), 3857))::text$$)),
    ('A terbit', pg_temp.coba($$SELECT dtks.no_kk_tanggal_terbit('3171011501200001'::dtks.no_kk)::text$$)),
    ('A dimuat', pg_temp.coba($$SELECT count(*)::text FROM dtks.wilayah WHERE kode OPERATOR(dtks.<@) '31.71'::dtks.kode_wilayah$$)),
    ('A indeks kode', pg_temp.jalankan($$CREATE INDEX dtks_uji_sp_kode ON public.dtks_uji_sp (dtks.nik_kode_wilayah(nik))$$)),
    ('A indeks lahir', pg_temp.jalankan($$CREATE INDEX dtks_uji_sp_lahir ON public.dtks_uji_sp (dtks.nik_tanggal_lahir(nik, DATE '2026-01-01'))$$)),
    ('A sisip', pg_temp.jalankan($$INSERT INTO public.dtks_uji_sp VALUES ('3273012501990001')$$)),
    ('A mv buat', pg_temp.jalankan($$CREATE MATERIALIZED VIEW public.dtks_uji_sp_mv AS
        SELECT nik, dtks.nik_kode_wilayah(nik) AS kode, dtks.nik_tanggal_lahir(nik, DATE '2026-01-01') AS lahir,
               dtks.nik_tanggal_lahir(nik) AS lahir_kini, dtks.nik_wilayah_dikenal(nik) AS dikenal,
               dtks.nik_jenis_kelamin(nik) AS jk
          FROM public.dtks_uji_sp$$)),
    ('A mv segarkan', pg_temp.jalankan('REFRESH MATERIALIZED VIEW public.dtks_uji_sp_mv')),
    ('A reindeks', pg_temp.jalankan('REINDEX TABLE public.dtks_uji_sp'));

------------------------------------------------------------------------------
-- B. search_path = ''
------------------------------------------------------------------------------
SELECT set_config('search_path', '', false) IS NULL AS tidak_dicetak \gset
INSERT INTO pg_temp.hasil VALUES
    ('B path', pg_temp.coba($$SELECT pg_catalog.current_setting('search_path')$$)),
    ('B lahir', pg_temp.coba($$SELECT dtks.nik_tanggal_lahir('3171011708450001'::dtks.nik)::text$$)),
    ('B dikenal lama', pg_temp.coba($$SELECT dtks.nik_wilayah_dikenal('9101011708450001'::dtks.nik)::text$$)),
    ('B dikenal tidak', pg_temp.coba($$SELECT dtks.nik_wilayah_dikenal('1199011708450001'::dtks.nik)::text$$)),
    ('B titik', pg_temp.coba($$SELECT dtks.wilayah_di_titik(public.ST_SetSRID(public.ST_MakePoint(110.3644, -7.8053), 4326))::text$$)),
    ('B terbit', pg_temp.coba($$SELECT dtks.no_kk_tanggal_terbit('3171011501200001'::dtks.no_kk)::text$$)),
    ('B dimuat', pg_temp.coba($$SELECT count(*)::text FROM dtks.wilayah WHERE kode OPERATOR(dtks.<@) '31.71'::dtks.kode_wilayah$$)),
    ('B sisip', pg_temp.jalankan($$INSERT INTO public.dtks_uji_sp VALUES ('1101010101900001')$$)),
    ('B indeks', pg_temp.jalankan($$CREATE INDEX dtks_uji_sp_kk ON public.dtks_uji_sp (dtks.nik_jenis_kelamin(nik), dtks.nik_nomor_urut(nik))$$)),
    ('B mv segarkan', pg_temp.jalankan('REFRESH MATERIALIZED VIEW public.dtks_uji_sp_mv'));

------------------------------------------------------------------------------
-- C. A hostile schema first in the search_path
------------------------------------------------------------------------------
SET LOCAL search_path = dtks, public;
CREATE SCHEMA jahat;
CREATE FUNCTION jahat.tolak() RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'an object of schema jahat was called' USING ERRCODE = 'P0001';
END $$;
CREATE FUNCTION jahat.now() RETURNS timestamptz LANGUAGE sql AS 'SELECT CASE WHEN jahat.tolak() THEN pg_catalog.now() END';
CREATE FUNCTION jahat.sama(dtks.kode_wilayah, dtks.kode_wilayah) RETURNS boolean LANGUAGE sql AS 'SELECT jahat.tolak()';
CREATE OPERATOR jahat.= (LEFTARG = dtks.kode_wilayah, RIGHTARG = dtks.kode_wilayah, FUNCTION = jahat.sama);
CREATE FUNCTION jahat.sama_nik(dtks.nik, dtks.nik) RETURNS boolean LANGUAGE sql AS 'SELECT jahat.tolak()';
CREATE OPERATOR jahat.= (LEFTARG = dtks.nik, RIGHTARG = dtks.nik, FUNCTION = jahat.sama_nik);
CREATE FUNCTION jahat.dimuat(dtks.kode_wilayah, dtks.kode_wilayah) RETURNS boolean LANGUAGE sql AS 'SELECT jahat.tolak()';
CREATE OPERATOR jahat.<@ (LEFTARG = dtks.kode_wilayah, RIGHTARG = dtks.kode_wilayah, FUNCTION = jahat.dimuat);
CREATE FUNCTION jahat.st_covers(public.geometry, public.geometry) RETURNS boolean LANGUAGE sql AS 'SELECT jahat.tolak()';
CREATE FUNCTION jahat.st_area(public.geometry) RETURNS float8 LANGUAGE sql AS 'SELECT CASE WHEN jahat.tolak() THEN 0 END';
CREATE FUNCTION jahat.st_srid(public.geometry) RETURNS integer LANGUAGE sql AS 'SELECT CASE WHEN jahat.tolak() THEN 4326 END';
CREATE FUNCTION jahat.geometrytype(public.geometry) RETURNS text LANGUAGE sql AS 'SELECT CASE WHEN jahat.tolak() THEN ''POINT'' END';
CREATE FUNCTION jahat.nik_kode_wilayah(dtks.nik) RETURNS dtks.kode_wilayah LANGUAGE sql
    AS 'SELECT CASE WHEN jahat.tolak() THEN ''31''::dtks.kode_wilayah END';
CREATE FUNCTION jahat.nik_tanggal_lahir(dtks.nik, date) RETURNS date LANGUAGE sql
    AS 'SELECT CASE WHEN jahat.tolak() THEN DATE ''2000-01-01'' END';
CREATE FUNCTION jahat.no_kk_tanggal_terbit(dtks.no_kk, date) RETURNS date LANGUAGE sql
    AS 'SELECT CASE WHEN jahat.tolak() THEN DATE ''2000-01-01'' END';
CREATE FUNCTION jahat.titik_wgs84_periksa(integer, text) RETURNS boolean LANGUAGE sql AS 'SELECT jahat.tolak()';
CREATE FUNCTION jahat.kode_wilayah_akhir(dtks.kode_wilayah) RETURNS dtks.kode_wilayah LANGUAGE sql
    AS 'SELECT CASE WHEN jahat.tolak() THEN $1 END';

SET LOCAL search_path = jahat, public, dtks, pg_catalog, pg_temp;
INSERT INTO pg_temp.hasil VALUES
    -- the traps are armed: unqualified use reaches schema jahat
    ('C jebakan now', pg_temp.coba('SELECT now()::text')),
    ('C jebakan =', pg_temp.coba($$SELECT ('31'::dtks.kode_wilayah = '31'::dtks.kode_wilayah)::text$$)),
    ('C jebakan st_covers', pg_temp.coba($$SELECT st_covers(NULL::public.geometry, NULL::public.geometry)::text$$)),
    ('C jebakan fungsi', pg_temp.coba($$SELECT nik_kode_wilayah('3171011708450001'::dtks.nik)::text$$)),
    -- dtks does not fall into them
    ('C dikenal lama', pg_temp.coba($$SELECT dtks.nik_wilayah_dikenal('9101011708450001'::dtks.nik)::text$$)),
    ('C dikenal tidak', pg_temp.coba($$SELECT dtks.nik_wilayah_dikenal('1199011708450001'::dtks.nik)::text$$)),
    ('C titik', pg_temp.coba($$SELECT dtks.wilayah_di_titik(public.ST_SetSRID(public.ST_MakePoint(106.8133, -6.1352), 4326))::text$$)),
    ('C titik laut', pg_temp.coba($$SELECT coalesce(dtks.wilayah_di_titik(public.ST_SetSRID(public.ST_MakePoint(0, 0), 4326))::text, 'NULL')$$)),
    ('C titik 3857', pg_temp.coba($$SELECT dtks.wilayah_di_titik(public.ST_SetSRID(public.ST_MakePoint(0, 0), 3857))::text$$)),
    ('C lahir', pg_temp.coba($$SELECT dtks.nik_tanggal_lahir('3171011708450001'::dtks.nik)::text$$)),
    ('C terbit', pg_temp.coba($$SELECT dtks.no_kk_tanggal_terbit('3171011501200001'::dtks.no_kk)::text$$)),
    ('C dimuat', pg_temp.coba($$SELECT count(*)::text FROM dtks.wilayah WHERE kode OPERATOR(dtks.<@) '31.71'::dtks.kode_wilayah$$)),
    ('C sama', pg_temp.coba($$SELECT ('31'::dtks.kode_wilayah OPERATOR(dtks.=) '31'::dtks.kode_wilayah)::text$$)),
    ('C sisip', pg_temp.jalankan($$INSERT INTO public.dtks_uji_sp VALUES ('1107090101900001')$$)),
    ('C mv segarkan', pg_temp.jalankan('REFRESH MATERIALIZED VIEW public.dtks_uji_sp_mv')),
    ('C wilayah sisip', pg_temp.jalankan($$INSERT INTO dtks.wilayah (kode, nama) VALUES ('31.71.01.9999', 'Uji jahat')$$)),
    ('C edisi sisip', pg_temp.jalankan($$INSERT INTO dtks.wilayah_edisi (edisi, sumber) VALUES (2999, 'uji')$$));
-- a generic plan of kode <@ $1 through the index: the support function must find dtks.kode_wilayah_akhir
SET LOCAL enable_seqscan = off;
SET LOCAL plan_cache_mode = force_generic_plan;
INSERT INTO pg_temp.hasil VALUES
    ('C generik', pg_temp.coba($$EXECUTE sp_dimuat('31.71')$$)),
    ('C generik rencana', pg_temp.rencana($$EXECUTE sp_dimuat('31.71')$$));

SET LOCAL search_path = dtks, public;
RESET enable_seqscan;
RESET plan_cache_mode;

------------------------------------------------------------------------------
-- Assertions (normal search_path)
------------------------------------------------------------------------------
CREATE TEMP TABLE harapan (uji text PRIMARY KEY, nilai text, arti text);
INSERT INTO harapan VALUES
    ('lahir',         nik_tanggal_lahir('3171011708450001'::nik, CURRENT_DATE)::text,
                      'nik_tanggal_lahir(nik), an SQL function calling the C one'),
    ('dikenal lama',  'true',          'nik_wilayah_dikenal of a historical code'),
    ('dikenal tidak', 'false',         'nik_wilayah_dikenal of an unknown code'),
    ('terbit',        '2020-01-15',    'no_kk_tanggal_terbit(no_kk), an SQL function calling the C one'),
    ('dimuat',        (SELECT count(*)::text FROM wilayah WHERE kode <@ '31.71' AND nama <> 'Uji jahat'),
                      'kode OPERATOR(dtks.<@) constant'),
    ('indeks kode',   'ok',            'CREATE INDEX on dtks.nik_kode_wilayah(col)'),
    ('indeks lahir',  'ok',            'CREATE INDEX on dtks.nik_tanggal_lahir(col, DATE ''2026-01-01'')'),
    ('indeks',        'ok',            'CREATE INDEX on dtks.nik_jenis_kelamin(col), dtks.nik_nomor_urut(col)'),
    ('sisip',         'ok',            'INSERT into the table with the expression indexes'),
    ('mv buat',       'ok',            'CREATE MATERIALIZED VIEW using dtks functions'),
    ('mv segarkan',   'ok',            'REFRESH MATERIALIZED VIEW'),
    ('reindeks',      'ok',            'REINDEX of the expression indexes'),
    ('sama',          'true',          'OPERATOR(dtks.=) beside a hostile ='),
    ('titik laut',    'NULL',          'wilayah_di_titik of a point in the sea'),
    ('wilayah sisip', 'ok',            'INSERT into dtks.wilayah (generated columns, foreign key)'),
    ('edisi sisip',   'ok',            'INSERT into dtks.wilayah_edisi (default pg_catalog.now())'),
    ('generik',       (SELECT count(*)::text FROM wilayah WHERE kode <@ '31.71'),
                      'a generic plan of kode OPERATOR(dtks.<@) $1');
INSERT INTO harapan VALUES
    ('A titik', '31.71.01.1001', 'wilayah_di_titik(public.ST_SetSRID(public.ST_MakePoint(Monas), 4326))'),
    ('B titik', '34.71.09.1002', 'wilayah_di_titik(Kraton Yogyakarta)'),
    ('C titik', '31.73.03.1008', 'wilayah_di_titik(Kota Tua)'),
    ('B path',  '',              'the search_path is empty');

SELECT is(h.nilai, e.nilai, format('%s: %s', CASE left(h.uji, 1) WHEN 'A' THEN 'pg_catalog, pg_temp'
                                                               WHEN 'B' THEN 'empty search_path'
                                                               ELSE 'jahat first' END, e.arti))
  FROM hasil h JOIN harapan e ON e.uji = h.uji OR e.uji = substr(h.uji, 3)
 ORDER BY h.uji;
SELECT is((SELECT count(*) FROM hasil h WHERE NOT EXISTS (SELECT 1 FROM harapan e WHERE e.uji = h.uji OR e.uji = substr(h.uji, 3))),
          7::bigint, 'seven results are checked by pattern below');
SELECT matches(nilai, '^GALAT 22023: wilayah_di_titik expects a point in SRID 4326', format('%s: SRID 3857 still raises 22023', uji))
  FROM hasil WHERE uji IN ('A titik 3857', 'C titik 3857') ORDER BY uji;
SELECT matches(nilai, '^GALAT P0001: an object of schema jahat was called', format('%s: the trap is armed for unqualified use', uji))
  FROM hasil WHERE uji LIKE 'C jebakan%' ORDER BY uji;
SELECT matches((SELECT nilai FROM hasil WHERE uji = 'C generik rencana'), 'Index',
               'jahat first: the generic plan of kode OPERATOR(dtks.<@) $1 uses the index');
SELECT matches((SELECT nilai FROM hasil WHERE uji = 'C generik rencana'),
               'kode <= dtks\.kode_wilayah_akhir\(\$1\)',
               'jahat first: the index range calls dtks.kode_wilayah_akhir, not jahat.kode_wilayah_akhir');

-- what the statements under the hostile paths left behind is right
SELECT results_eq('SELECT tingkat, induk::text FROM wilayah WHERE kode = ''31.71.01.9999''', $$VALUES (4, '31.71.01')$$,
                  'the row inserted under jahat got its generated tingkat and induk');
SELECT is((SELECT dimuat_pada FROM wilayah_edisi WHERE edisi = 2999), now(),
          'the edition inserted under jahat got pg_catalog.now(), not jahat.now()');
SELECT is((SELECT count(*) FROM public.dtks_uji_sp), 6::bigint, 'six NIKs in the table (3 + one per hostile path)');
SELECT results_eq('SELECT nik, kode, lahir, lahir_kini, dikenal, jk FROM public.dtks_uji_sp_mv ORDER BY nik',
                  $$SELECT nik, nik_kode_wilayah(nik), nik_tanggal_lahir(nik, DATE '2026-01-01'), nik_tanggal_lahir(nik),
                           nik_wilayah_dikenal(nik), nik_jenis_kelamin(nik)
                      FROM public.dtks_uji_sp ORDER BY nik$$,
                  'the materialized view refreshed under the hostile paths holds the right values');
SELECT is_empty($$SELECT indexrelid::regclass FROM pg_index
                   WHERE indrelid = 'public.dtks_uji_sp'::regclass AND NOT (indisvalid AND indisready)$$,
                'every index built under the hostile paths is valid');
SET LOCAL enable_seqscan = off;
SELECT matches(pg_temp.rencana($$SELECT nik FROM public.dtks_uji_sp WHERE dtks.nik_kode_wilayah(nik) = '32.73.01'$$),
               'dtks_uji_sp_kode', 'the dtks.nik_kode_wilayah expression index is used');
SELECT results_eq($$SELECT nik::text FROM public.dtks_uji_sp WHERE dtks.nik_kode_wilayah(nik) = '32.73.01'$$,
                  $$VALUES ('3273012501990001')$$, 'and finds the NIK inserted under pg_catalog, pg_temp');
SELECT matches(pg_temp.rencana($$SELECT nik FROM public.dtks_uji_sp WHERE dtks.nik_tanggal_lahir(nik, DATE '2026-01-01') = '1945-08-17'$$),
               'dtks_uji_sp_lahir', 'the dtks.nik_tanggal_lahir expression index is used');
SELECT set_eq($$SELECT nik::text FROM public.dtks_uji_sp WHERE dtks.nik_tanggal_lahir(nik, DATE '2026-01-01') = '1945-08-17'$$,
              ARRAY['3171011708450001', '9101011708450001'], 'and finds the right NIKs');
SELECT set_eq($$SELECT nik::text FROM public.dtks_uji_sp WHERE dtks.nik_tanggal_lahir(nik, DATE '2026-01-01') = '1990-01-01'$$,
              ARRAY['1101010101900001', '1107090101900001'], 'including those inserted under the empty path and under jahat');
RESET enable_seqscan;

SELECT * FROM finish();
ROLLBACK;
