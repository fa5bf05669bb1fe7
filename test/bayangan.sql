-- pgTAP: no query dtks runs internally resolves a name through the caller's search_path
-- (CVE-2018-1058).  An attacker (a dtks_pembaca role) owns schema penyerang and puts in it a shadow,
-- with an exact type match, of every function and operator of that name that dtks's internal
-- queries use (test/lib/bayangan_nama.psql, collected mechanically by test/bayangan_nama.py;
-- polymorphic originals instantiated with the types of dtks's columns).  Each shadow records who
-- ran it (a row, and a sequence that no rollback undoes) and returns what the original returns.
-- Then every C path (the usulan trigger and its caches with the schedule enforced, the office
-- readers behind the policies, the score cache, the registry's commit check, kk_komponen, the
-- matching, tetapkan, ekspor_data) runs as each office, as the BI reader and as a superuser, with
-- search_path = penyerang, pg_catalog, dtks, public.  No shadow may run.
\ir lib/awal.psql
SELECT plan(105);

CREATE TEMP TABLE nama_dipakai (jenis text, nama text, PRIMARY KEY (jenis, nama));
\ir lib/bayangan_nama.psql

-- the list is not stale: every name before "(" in a dtks function body is in it
SELECT is_empty($$
    SELECT DISTINCT pg_catalog.lower(m[2]) FROM pg_catalog.pg_proc p
      JOIN pg_catalog.pg_language l ON l.oid = p.prolang AND l.lanname IN ('sql', 'plpgsql'),
           LATERAL pg_catalog.regexp_matches(pg_catalog.regexp_replace(
                   CASE WHEN p.prosqlbody IS NOT NULL THEN pg_catalog.pg_get_functiondef(p.oid) ELSE p.prosrc END, '--[^\n]*', ' ', 'g'),
                                             '(^|[^\w$"])([A-Za-z_][A-Za-z0-9_$]*)\s*\(', 'g') m
     WHERE p.pronamespace = 'dtks'::regnamespace
       AND EXISTS (SELECT 1 FROM pg_catalog.pg_proc q WHERE q.proname = pg_catalog.lower(m[2])
                      AND q.pronamespace IN ('pg_catalog'::regnamespace, 'dtks'::regnamespace, 'public'::regnamespace))
       AND pg_catalog.lower(m[2]) NOT IN (SELECT nama FROM pg_temp.nama_dipakai WHERE jenis = 'f')$$,
    'test/lib/bayangan_nama.psql names every function called in a dtks function body (else run test/bayangan_nama.py)');
SELECT ok((SELECT count(*) FROM pg_temp.nama_dipakai WHERE jenis = 'f') > 50
          AND (SELECT count(*) FROM pg_temp.nama_dipakai WHERE jenis = 'o') > 10,
          'the collected list holds the functions and operators of the internal queries');

-- the bodies themselves: no SQL function is parsed when called (a standard-SQL body is stored parsed,
-- else its search_path is pinned), every PL/pgSQL function pins a path of schemas only the owner creates in
SELECT is_empty($$SELECT p.oid::regprocedure FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_language l ON l.oid = p.prolang
                   WHERE p.pronamespace = 'dtks'::regnamespace AND l.lanname = 'sql' AND p.prosqlbody IS NULL
                     AND NOT EXISTS (SELECT 1 FROM pg_catalog.unnest(p.proconfig) c WHERE c LIKE 'search_path=%')$$,
                'every SQL function of dtks has a standard-SQL body or a pinned search_path');
SELECT is_empty($$SELECT p.oid::regprocedure, p.proconfig FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_language l ON l.oid = p.prolang
                   WHERE p.pronamespace = 'dtks'::regnamespace AND l.lanname NOT IN ('c', 'internal')
                     AND p.prosqlbody IS NULL
                     AND p.oid OPERATOR(pg_catalog.<>) 'dtks.pemulihan_periksa()'::pg_catalog.regprocedure
                     AND NOT EXISTS (SELECT 1 FROM pg_catalog.unnest(p.proconfig) c
                                      WHERE c IN ('search_path=pg_catalog, pg_temp', 'search_path=pg_catalog, dtks, pg_temp'))$$,
                'every other SQL or PL/pgSQL function of dtks pins search_path = pg_catalog[, dtks], pg_temp');
-- the one exception: the restore detector reads the caller's own session settings (pg_dump's empty
-- search_path among them), which a SET clause would hide; so it calls pg_catalog functions only,
-- by their qualified names, and every operator as OPERATOR(pg_catalog.x)
SELECT ok((SELECT b !~ '[a-z_]+\s*\(' AND b !~ '[-+*/<>=~!@#%^&|`?]'
             FROM (SELECT pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.regexp_replace(
                              p.prosrc, '''(?:[^'']|'''')*''', '', 'g'),            -- string literals
                              'pg_catalog\.[a-z_]+\s*\(', '(', 'g'),                    -- qualified calls
                              'OPERATOR\(pg_catalog\.[^)]+\)', ' ', 'g'),           -- qualified operators
                              '\m(ERRCODE|MESSAGE|DETAIL|HINT)\s*=', '', 'g') AS b     -- RAISE's USING options
                     FROM pg_catalog.pg_proc p
                    WHERE p.oid OPERATOR(pg_catalog.=) 'dtks.pemulihan_periksa()'::pg_catalog.regprocedure) x),
          'dtks.pemulihan_periksa, which keeps the caller''s path to read it, calls every function and operator qualified');

-- the offices, the BI reader who attacks, and a superuser (the test's own role)
CREATE ROLE tap_desa;
CREATE ROLE tap_kabkota;
CREATE ROLE tap_provinsi;
CREATE ROLE tap_pusat;
CREATE ROLE tap_pt;
CREATE ROLE tap_penyerang IN ROLE dtks_pembaca;
SELECT dtks.petugas_tetapkan('tap_desa', 'desa', '31.71.01.1001'), dtks.petugas_tetapkan('tap_kabkota', 'kabkota', '31.71'),
       dtks.petugas_tetapkan('tap_provinsi', 'provinsi', '31'), dtks.petugas_tetapkan('tap_pusat', 'pusat'),
       dtks.petugas_tetapkan('tap_pt', 'pt') \gset
CREATE SCHEMA penyerang AUTHORIZATION tap_penyerang;

-- the attacker's schema: a log anyone may write, and the shadows
SET LOCAL ROLE tap_penyerang;
GRANT USAGE ON SCHEMA penyerang TO PUBLIC;
CREATE TABLE penyerang.tembakan (pengguna name, sesi name, nama text, urutan bigint);
CREATE SEQUENCE penyerang.hitung;
GRANT INSERT, SELECT ON penyerang.tembakan TO PUBLIC;
GRANT USAGE, SELECT, UPDATE ON SEQUENCE penyerang.hitung TO PUBLIC;
RESET ROLE;

-- the shadows, created by the attacker in its schema (test/lib/bayangan_tanam.psql)
\set bayangan_peran tap_penyerang
SET LOCAL bayangan.skema = penyerang;
\ir lib/bayangan_tanam.psql

SELECT ok((SELECT count(*) FROM pg_temp.bayangan WHERE jenis = 'f' AND dibuat) > 300,
          format('shadow functions created: %s (of %s overloads and instantiations)',
                 (SELECT count(*) FROM pg_temp.bayangan WHERE jenis = 'f' AND dibuat), (SELECT count(*) FROM pg_temp.bayangan WHERE jenis = 'f')));
SELECT ok((SELECT count(*) FROM pg_temp.bayangan WHERE jenis = 'o' AND dibuat) > 300,
          format('shadow operators created: %s (of %s)',
                 (SELECT count(*) FROM pg_temp.bayangan WHERE jenis = 'o' AND dibuat), (SELECT count(*) FROM pg_temp.bayangan WHERE jenis = 'o')));
SELECT is_empty($$SELECT n.jenis, n.nama FROM pg_temp.nama_dipakai n
                   WHERE NOT EXISTS (SELECT 1 FROM pg_temp.bayangan b WHERE b.jenis = n.jenis AND b.nama = n.nama AND b.dibuat)
                     AND (n.jenis = 'o' OR EXISTS (SELECT 1 FROM pg_catalog.pg_proc p WHERE p.proname = n.nama AND p.prokind = 'f'))$$,
                'every collected name has a shadow (but window and ordered-set aggregates)');

-- A statement run as a role (NULL: the superuser) under the attacker's search_path, with cold
-- caches (the steps and windows, the offices, the score models): 'ok' or its SQLSTATE.
CREATE FUNCTION pg_temp.di_jalur_jahat(sebagai name, perintah text[]) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    s text;
BEGIN
    UPDATE dtks.usulan_langkah SET dari = dari WHERE false;
    UPDATE dtks.petugas_peran p SET peran = p.peran WHERE false;
    UPDATE dtks.skor_model SET versi = versi WHERE false;
    IF sebagai IS NOT NULL THEN
        EXECUTE pg_catalog.concat('SET LOCAL ROLE ', pg_catalog.quote_ident(sebagai));
    END IF;
    PERFORM pg_catalog.set_config('search_path', 'penyerang, pg_catalog, dtks, public', true);
    FOREACH s IN ARRAY perintah LOOP
        EXECUTE s;
    END LOOP;
    PERFORM pg_catalog.set_config('search_path', 'dtks, public', true);
    RESET ROLE;
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE;
END $$;

-- the traps are armed: called unqualified under that path, shadows run (and are logged)
CREATE TEMP TABLE hasil (peran text, aksi text, hasil text, tembakan bigint, PRIMARY KEY (peran, aksi));
SELECT pg_catalog.setval('penyerang.hitung', 1, false) \gset
INSERT INTO pg_temp.hasil
SELECT 'postgres', 'jebakan ' || j.nama, pg_temp.di_jalur_jahat(NULL, ARRAY[j.perintah]),
       (SELECT last_value FROM penyerang.hitung) FROM (VALUES
    ('lower', $q$SELECT lower(daterange('2026-01-01', '2026-02-01'))$q$),
    ('=', $q$SELECT '1'::xid8 = '1'::xid8$q$),
    ('count', $q$SELECT count(*) FROM dtks.wilayah_edisi$q$),
    ('st_covers', $q$SELECT st_covers('POINT(0 0)'::public.geometry, 'POINT(0 0)'::public.geometry)$q$)) j (nama, perintah);
SELECT ok((SELECT count(*) FROM penyerang.tembakan WHERE nama = 'lower(anyrange)' AND pengguna = 'postgres') = 1
          AND (SELECT count(*) FROM penyerang.tembakan WHERE nama LIKE '=(xid8,xid8)') = 1
          AND (SELECT count(*) FROM penyerang.tembakan WHERE nama = 'count()') = 1
          AND (SELECT count(*) FROM penyerang.tembakan WHERE nama LIKE 'st_covers(geometry,geometry)') = 1,
          'the shadows run when called unqualified under the attacker''s path: lower(daterange), =(xid8), count(*), st_covers');
SELECT results_eq($$SELECT hasil FROM pg_temp.hasil WHERE aksi LIKE 'jebakan%' ORDER BY aksi$$,
                  ARRAY['ok', 'ok', 'ok', 'ok'], 'and return what the originals return');
TRUNCATE penyerang.tembakan;

-- a small registry in 31.71, an usulan of each office's in draf, a window of each stage open today
SELECT count(*) FROM dtks.sintetis_muat(18, 12, '31.71') \gset
SELECT no_kk AS kk FROM dtks.keluarga ORDER BY no_kk LIMIT 1 \gset
SELECT id AS keanggotaan FROM dtks.keanggotaan ORDER BY id LIMIT 1 \gset
INSERT INTO dtks.usulan_jadwal (kode_wilayah, tahap, berlaku)
VALUES ('31.71', 'pendaftaran', daterange(CURRENT_DATE, CURRENT_DATE + 1)), ('31.71', 'verval', daterange(CURRENT_DATE, CURRENT_DATE + 1));
ALTER TABLE dtks.usulan DISABLE TRIGGER usulan_periksa;
CREATE TEMP TABLE draf AS
WITH u AS (
    INSERT INTO dtks.usulan (jenis, sumber, kode_wilayah, status, berita_acara, data)
    SELECT 'baru', 'musdes', '31.71.01.1001', s, 'BA/1', jsonb_build_object('nomor', s || n)
      FROM unnest(ARRAY['draf', 'diajukan']) s, generate_series(1, 8) n
    RETURNING id, data ->> 'nomor' AS nomor)
SELECT * FROM u;
-- sent for next month (this month's penetapan leaves it): the penetapan office's step through jalankan_sebagai
WITH u AS (
    INSERT INTO dtks.usulan (jenis, sumber, kode_wilayah, status, berita_acara, periode_penetapan, data)
    VALUES ('baru', 'musdes', '31.71.01.1001', 'dikirim', 'BA/1', (date_trunc('month', CURRENT_DATE) + interval '1 month')::date, '{}')
    RETURNING id)
INSERT INTO pg_temp.draf SELECT u.id, 'dikirim' FROM u;
ALTER TABLE dtks.usulan ENABLE TRIGGER usulan_periksa;
SET LOCAL dtks.tegakkan_jadwal = on;

-- every C path, as each office, the BI reader and a superuser
CREATE TEMP TABLE peran_uji (nomor integer, peran text);
INSERT INTO pg_temp.peran_uji VALUES (1, 'tap_desa'), (2, 'tap_kabkota'), (3, 'tap_provinsi'), (4, 'tap_pusat'), (5, 'tap_pt'),
                                     (6, 'tap_penyerang'), (7, NULL);
CREATE TEMP TABLE aksi (nomor integer, aksi text, perintah text[]);
INSERT INTO pg_temp.aksi VALUES
    (1, 'office readers', ARRAY['SELECT dtks.peran_petugas(), dtks.wilayah_petugas(), dtks.petugas_nasional()']),
    (2, 'policies', ARRAY['SELECT pg_catalog.count(*) FROM dtks.usulan', 'SELECT pg_catalog.count(*) FROM dtks.usulan_riwayat',
                          'SELECT pg_catalog.count(*) FROM dtks.keluarga']),
    (3, 'usulan insert', ARRAY[$q$INSERT INTO dtks.usulan (jenis, sumber, kode_wilayah, berita_acara) VALUES ('baru', 'musdes', '31.71.01.1001', 'BA/2')$q$]),
    (4, 'usulan step', ARRAY['UPDATE dtks.usulan SET status = ''diajukan'' WHERE id OPERATOR(pg_catalog.=) %draf%']),
    (5, 'score', ARRAY[format('SELECT dtks.skor_kesejahteraan(%L::dtks.no_kk)', :'kk'),
                       format('SELECT pg_catalog.count(*) FROM dtks.skor_rinci(%L::dtks.no_kk)', :'kk')]),
    (6, 'registry check', ARRAY[format('UPDATE dtks.keanggotaan SET shdk = shdk WHERE id OPERATOR(pg_catalog.=) %s', :'keanggotaan'),
                                'SET CONSTRAINTS ALL IMMEDIATE']),
    (7, 'kk_komponen', ARRAY['SELECT pg_catalog.count(*) FROM dtks.kk_komponen()']),
    (8, 'matching', ARRAY[$q$SELECT * FROM dtks.padankan_usulan('31.71')$q$]),
    (9, 'tetapkan', ARRAY[format('SELECT * FROM dtks.tetapkan(%L)', CURRENT_DATE)]),
    (10, 'ekspor_data', ARRAY['SELECT pg_catalog.count(*) FROM dtks.ekspor_data(1)']),
    (11, 'jalankan_sebagai', ARRAY[format('SELECT dtks.jalankan_sebagai(%L, %L)', 'penetapan',
                                          'UPDATE dtks.usulan SET status = ''ditetapkan'' WHERE id OPERATOR(pg_catalog.=) %dikirim%')]);

SELECT pg_catalog.setval('penyerang.hitung', 1, false) \gset
DO $$
DECLARE
    r record;
    a record;
    perintah text[];
BEGIN
    FOR r IN SELECT * FROM pg_temp.peran_uji ORDER BY nomor LOOP
        FOR a IN SELECT * FROM pg_temp.aksi ORDER BY nomor LOOP
            perintah := ARRAY(SELECT replace(replace(x, '%draf%', (SELECT d.id::text FROM pg_temp.draf d
                                                                     WHERE d.nomor = 'draf' || r.nomor)),
                                             '%dikirim%', (SELECT d.id::text FROM pg_temp.draf d WHERE d.nomor = 'dikirim'))
                                FROM unnest(a.perintah) x);
            INSERT INTO pg_temp.hasil
            VALUES (coalesce(r.peran, 'postgres'), a.aksi, pg_temp.di_jalur_jahat(r.peran, perintah),
                    (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM penyerang.hitung));
            PERFORM pg_catalog.setval('penyerang.hitung', 1, false);
        END LOOP;
    END LOOP;
END $$;

-- no shadow ran, on any path, as anyone (the sequence counts what a rollback took from the log too)
SELECT is(h.tembakan, 0::bigint, format('%s as %s: no shadow ran (result %s)', h.aksi, h.peran, h.hasil))
  FROM pg_temp.hasil h JOIN pg_temp.aksi a ON a.aksi = h.aksi
  JOIN pg_temp.peran_uji p ON coalesce(p.peran, 'postgres') = h.peran
 ORDER BY p.nomor, a.nomor;
SELECT is_empty('SELECT pengguna, sesi, nama, count(*) FROM penyerang.tembakan GROUP BY 1, 2, 3 ORDER BY 1, 2, 3',
                'the shadow log is empty');

-- the paths were taken: what each office may do worked
SELECT results_eq($$SELECT peran || ': ' || aksi || ' ' || hasil FROM pg_temp.hasil
                     WHERE (peran, aksi) IN (('tap_desa', 'usulan insert'), ('tap_desa', 'usulan step'), ('tap_desa', 'office readers'),
                                             ('tap_penyerang', 'office readers'), ('tap_kabkota', 'policies'),
                                             ('tap_kabkota', 'matching'), ('tap_pusat', 'tetapkan'), ('postgres', 'registry check'),
                                             ('postgres', 'kk_komponen'), ('postgres', 'score'), ('tap_pusat', 'score'),
                                             ('postgres', 'jalankan_sebagai'), ('tap_pusat', 'jalankan_sebagai'))
                     ORDER BY 1$$,
                  $$VALUES ('postgres: jalankan_sebagai ok'), ('postgres: kk_komponen ok'), ('postgres: registry check ok'), ('postgres: score ok'),
                           ('tap_desa: office readers ok'), ('tap_desa: usulan insert ok'), ('tap_desa: usulan step ok'),
                           ('tap_kabkota: matching ok'), ('tap_kabkota: policies ok'), ('tap_penyerang: office readers ok'),
                           ('tap_pusat: jalankan_sebagai 42501'), ('tap_pusat: score ok'), ('tap_pusat: tetapkan ok')$$,
                  'the paths ran: the desa''s insert and step, the readers, the matching, the penetapan, the commit check, kk_komponen, the score, jalankan_sebagai (superusers only)');
SELECT is((SELECT status FROM dtks.usulan WHERE id = (SELECT id FROM pg_temp.draf WHERE nomor = 'dikirim')), 'ditetapkan',
          'jalankan_sebagai took the penetapan office''s step under the attacker''s path');
SELECT throws_ok($$SELECT dtks.jalankan_sebagai('pemadanan', 'CREATE TEMP TABLE dalam_sro (x integer)')$$, '42501',
                 'cannot create temporary table within security-restricted operation',
                 'jalankan_sebagai runs its statement as the owner in a security-restricted operation');
SELECT is((SELECT count(*) FROM dtks.penetapan WHERE periode = date_trunc('month', CURRENT_DATE)::date), 1::bigint,
          'the month was determined under the attacker''s path');
SELECT is((SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = 'tap_penyerang'), false, 'the attacker is not a superuser');

-- an error inside a pinned, restricted query (the commit check raising rule 2) restores the path, the
-- user and the security context when it is caught
CREATE FUNCTION pg_temp.galat_di_dalam() RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    BEGIN
        SET CONSTRAINTS ALL DEFERRED;
        INSERT INTO dtks.anggota (nik, nama, jenis_kelamin, tanggal_lahir)
        VALUES ('3171011708750001', 'Bambang', 'L', '1975-08-17'), ('3171010101050001', 'Agus', 'L', '2005-01-01');
        INSERT INTO dtks.rumah_tangga (kode_wilayah, alamat, kepala_nik) VALUES ('31.71.01.1001', 'Gang Satu', '3171011708750001');
        INSERT INTO dtks.keluarga (no_kk, rumah_tangga_id) VALUES ('3171011201100015', currval('dtks.rumah_tangga_id_seq'));
        INSERT INTO dtks.keanggotaan (nik, no_kk, shdk) VALUES ('3171010101050001', '3171011201100015', 4);
        SET CONSTRAINTS ALL IMMEDIATE;
    EXCEPTION WHEN OTHERS THEN
        RETURN SQLSTATE;
    END;
    RETURN 'no error';
END $$;
SET LOCAL search_path = dtks, public;
SELECT is(pg_temp.galat_di_dalam(), '23514', 'a family without its kepala fails the commit check inside its query');
SELECT is(current_setting('search_path'), 'dtks, public', 'after the error the search_path is the caller''s again');
SELECT is(current_user, session_user, 'and the user is the caller again');
SELECT lives_ok('CREATE TEMP TABLE setelah_galat (x integer)', 'and the operation is no longer restricted (a temporary table can be created)');

-- The owner never works outside a security-restricted operation: the penetapan runs as the owner in one (its
-- work tables made first by the caller), the registry's mark is inserted by the writer itself (no switch at
-- all), the commit check runs as the owner in one.  A probe on the tables each writes records, at that moment,
-- the user and whether a temporary table could be created (a restricted operation refuses it, 42501).
CREATE TABLE public.konteks_uji (tabel text, operasi text, pengguna text, terbatas boolean);
GRANT INSERT ON public.konteks_uji TO PUBLIC;
CREATE FUNCTION public.konteks_catat() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    BEGIN
        CREATE TEMP TABLE konteks_coba (x integer);
        DROP TABLE pg_temp.konteks_coba;
        INSERT INTO public.konteks_uji VALUES (TG_TABLE_NAME, TG_OP, current_user, false);
    EXCEPTION WHEN insufficient_privilege THEN
        INSERT INTO public.konteks_uji VALUES (TG_TABLE_NAME, TG_OP, current_user, true);
    END;
    RETURN NULL;
END $$;
CREATE TRIGGER konteks_uji AFTER INSERT ON dtks.penetapan FOR EACH STATEMENT EXECUTE FUNCTION public.konteks_catat();
CREATE TRIGGER konteks_uji AFTER UPDATE ON dtks.rumah_tangga FOR EACH STATEMENT EXECUTE FUNCTION public.konteks_catat();
CREATE TRIGGER konteks_uji AFTER INSERT OR DELETE ON dtks.registri_tertunda FOR EACH STATEMENT EXECUTE FUNCTION public.konteks_catat();
-- a registry writer who is not the owner (a DBA's role)
CREATE ROLE tap_dba BYPASSRLS;
GRANT USAGE ON SCHEMA dtks TO tap_dba;
GRANT SELECT, UPDATE ON dtks.keanggotaan TO tap_dba;
SELECT relowner::regrole::text AS pemilik FROM pg_catalog.pg_class WHERE oid = 'dtks.usulan'::regclass \gset
SELECT is(pg_temp.di_jalur_jahat('tap_dba', ARRAY[format('UPDATE dtks.keanggotaan SET shdk = shdk WHERE id OPERATOR(pg_catalog.=) %s', :'keanggotaan'),
                                                  'SET CONSTRAINTS ALL IMMEDIATE']),
          'ok', 'a registry writer''s edit passes the commit check');
SELECT results_eq($$SELECT tabel, operasi, pengguna, terbatas FROM public.konteks_uji ORDER BY 1, 2$$,
                  format($$VALUES ('registri_tertunda', 'DELETE', %1$L, true), ('registri_tertunda', 'INSERT', 'tap_dba', false)$$, :'pemilik'),
                  'the writer inserts its registry mark itself (no switch to the owner); the commit check removes it as the owner in a security-restricted operation');
TRUNCATE public.konteks_uji;
-- (the checks deferred to commit again, as in a new transaction)
SET CONSTRAINTS ALL DEFERRED;
SELECT is(pg_temp.di_jalur_jahat('tap_pusat', ARRAY[format('SELECT * FROM dtks.tetapkan(%L)', (date_trunc('month', CURRENT_DATE) + interval '1 month')::date)]),
          'ok', 'the ministry determines the next month');
SELECT results_eq($$SELECT tabel, operasi, pengguna, terbatas FROM public.konteks_uji ORDER BY 1, 2$$,
                  format($$VALUES ('penetapan', 'INSERT', %1$L, true), ('rumah_tangga', 'UPDATE', %1$L, true)$$, :'pemilik'),
                  'the penetapan writes the registry and records the month as the owner in a security-restricted operation, inserting no registry mark');
SELECT is(pg_temp.di_jalur_jahat('tap_dba', ARRAY[$q$INSERT INTO dtks.registri_tertunda VALUES ('1')$q$]), '23514',
          'a writer''s mark names its own transaction only');
SELECT is(pg_temp.di_jalur_jahat('tap_dba', ARRAY['DELETE FROM dtks.registri_tertunda']), '42501',
          'nor can a writer remove a mark (and so skip the commit check)');
SELECT is(pg_temp.di_jalur_jahat('tap_desa', ARRAY['TRUNCATE dtks.registri_tertunda']), '42501', 'nor truncate the marks');
SELECT is_empty($$SELECT 1 FROM pg_catalog.pg_extension e, pg_catalog.unnest(e.extconfig) c
                   WHERE e.extname = 'dtks' AND c = 'dtks.registri_tertunda'::regclass$$,
                'the marks are not dumped (the table is empty between transactions)');

SELECT * FROM finish();
ROLLBACK;
