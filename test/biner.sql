-- pgTAP: binary COPY of nik, no_kk and kode_wilayah: round trips, the wire
-- format (an int8), and receive functions that validate like text input.
-- Server-side COPY to files under /tmp with a name unique to this run; the
-- files are removed at the end (COPY ... TO PROGRAM, as the server user).
\ir lib/awal.psql

SELECT plan(64);

-- a file-name prefix unique to this run
CREATE TEMP TABLE berkas (awalan text);
INSERT INTO berkas
SELECT '/tmp/dtks_biner_' || pg_backend_pid() || '_' || md5(clock_timestamp()::text || random()::text);
CREATE FUNCTION pg_temp.jalur(nama text) RETURNS text
LANGUAGE sql STABLE RETURN (SELECT awalan FROM berkas) || '_' || nama || '.bin';

-- write one bigint (or int4) in a one-column binary COPY file; returns the path
CREATE TEMP TABLE satu_bigint (v bigint);
CREATE TEMP TABLE satu_int4 (v int4);
CREATE FUNCTION pg_temp.tulis_bigint(v bigint) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    jalur text := pg_temp.jalur('bigint_' || replace(v::text, '-', 'm'));
BEGIN
    TRUNCATE satu_bigint;
    INSERT INTO satu_bigint VALUES (v);
    EXECUTE format('COPY satu_bigint TO %L WITH (FORMAT binary)', jalur);
    RETURN jalur;
END $$;
CREATE FUNCTION pg_temp.tulis_int4(v int4) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    jalur text := pg_temp.jalur('int4_' || v);
BEGIN
    TRUNCATE satu_int4;
    INSERT INTO satu_int4 VALUES (v);
    EXECUTE format('COPY satu_int4 TO %L WITH (FORMAT binary)', jalur);
    RETURN jalur;
END $$;

-- does binary COPY of this bigint into a column of type tipe succeed?
CREATE TEMP TABLE terima_nik (v nik);
CREATE TEMP TABLE terima_no_kk (v no_kk);
CREATE TEMP TABLE terima_kode (v kode_wilayah);
CREATE FUNCTION pg_temp.diterima_biner(tabel text, v bigint) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('COPY %I FROM %L WITH (FORMAT binary)', tabel, pg_temp.tulis_bigint(v));
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE;
END $$;

------------------------------------------------------------------------------
-- 1. Round trips
------------------------------------------------------------------------------
CREATE TEMP TABLE asal (i int PRIMARY KEY, n nik, k no_kk, w kode_wilayah);
INSERT INTO asal VALUES
    (1, '3171011708450001', '3171011501200001', '31'),
    (2, '3171015708450001', '3171014501200001', '31.71'),
    (3, '3171012902001234', '3171011501200000', '31.71.01'),
    (4, '9101011708450001', '9101011501200001', '31.71.01.1001'),
    (5, '9671017101999999', '9671019999999999', '99.99.99.9999'),
    (6, '1101010101000001', '1101010000000000', '01'),
    (7, NULL, NULL, NULL),
    (8, '3273012501990001', NULL, '91.03.01.3001');
SELECT lives_ok(format('COPY asal TO %L WITH (FORMAT binary)', pg_temp.jalur('asal')),
                'binary COPY TO a file of nik, no_kk and kode_wilayah');
CREATE TEMP TABLE salinan (LIKE asal);
SELECT lives_ok(format('COPY salinan FROM %L WITH (FORMAT binary)', pg_temp.jalur('asal')),
                'binary COPY FROM that file');
SELECT results_eq('SELECT * FROM salinan ORDER BY i', 'SELECT * FROM asal ORDER BY i',
                  'the copy equals the original, NULLs and KK warnings included');
SELECT set_eq('SELECT n::text, k::text, w::text FROM salinan', 'SELECT n::text, k::text, w::text FROM asal',
              'and prints the same');

-- every region code of the current edition, and a NIK and a KK for every kecamatan
CREATE TEMP TABLE banyak AS
SELECT w.kode AS w,
       CASE WHEN w.tingkat = 3 THEN (replace(w.kode::text, '.', '') || '1708450001')::nik END AS n,
       CASE WHEN w.tingkat = 3 THEN (replace(w.kode::text, '.', '') || '4513200000')::no_kk END AS k
  FROM dtks.wilayah w;
SELECT lives_ok(format('COPY banyak TO %L WITH (FORMAT binary)', pg_temp.jalur('banyak')),
                'binary COPY TO of 91,599 rows');
CREATE TEMP TABLE banyak_salinan (LIKE banyak);
SELECT lives_ok(format('COPY banyak_salinan FROM %L WITH (FORMAT binary)', pg_temp.jalur('banyak')),
                'binary COPY FROM of 91,599 rows');
SELECT is((SELECT count(*) FROM banyak_salinan), 91599::bigint, 'all rows came back');
SELECT is_empty('SELECT * FROM banyak EXCEPT ALL SELECT * FROM banyak_salinan', 'no row was lost or changed');
SELECT is((SELECT count(n) FROM banyak_salinan), 7285::bigint, 'a NIK for every kecamatan');

------------------------------------------------------------------------------
-- 2. The wire format is the int8 of the stored number
------------------------------------------------------------------------------
SELECT is(nik_send('3171011708450001'), int8send(3171011708450001), 'nik_send is int8send of the NIK''s number');
SELECT is(no_kk_send('3171011501200001'), int8send(3171011501200001), 'no_kk_send is int8send of the KK''s number');
SELECT is(kode_wilayah_send('31.71'), int8send(3171000000), 'kode_wilayah_send of 31.71 is int8send(3171000000)');
SELECT is(kode_wilayah_send('31.71.01.1001'), int8send(3171011001), 'kode_wilayah_send of a desa is its 10 digits');
SELECT is(kode_wilayah_send('01'), int8send(100000000), 'kode_wilayah_send of 01 is int8send(100000000)');
CREATE TEMP TABLE sebagai_bigint AS SELECT i, n::bigint AS n, k::bigint AS k,
       (replace(rpad(replace(w::text, '.', ''), 10, '0'), ' ', ''))::bigint AS w FROM asal;
SELECT lives_ok(format('COPY sebagai_bigint TO %L WITH (FORMAT binary)', pg_temp.jalur('sebagai_bigint')),
                'the same rows as bigint');
SELECT is(pg_read_binary_file(pg_temp.jalur('asal')), pg_read_binary_file(pg_temp.jalur('sebagai_bigint')),
          'the binary COPY file of the dtks columns is byte for byte that of the bigint columns');

------------------------------------------------------------------------------
-- 3. Receive functions validate
------------------------------------------------------------------------------
-- nik: every rule of text input, as 22P02
SELECT throws_ok(format('COPY terima_nik FROM %L WITH (FORMAT binary)', pg_temp.tulis_bigint(v)), '22P02', NULL,
                 format('binary nik %s is rejected with 22P02 (%s)', v, why))
  FROM (VALUES (9971011708450001, 'provinsi'), (3100011708450001, 'kabkota'), (3171001708450001, 'kecamatan'),
               (3171013002001234, 'tanggal, day not in month'), (3171018108450001, 'tanggal, day field 81'),
               (3273010119800002, 'bulan'), (3171011708450000, 'nomor_urut'), (31710117084500, '14 digits'),
               (31710117084500011, '17 digits'), (0, 'zero'), (-3171011708450001, 'negative'),
               (9223372036854775807, 'the largest bigint')) t(v, why)
 ORDER BY v;
SELECT throws_ok(format('COPY terima_nik FROM %L WITH (FORMAT binary)', pg_temp.tulis_bigint(9971011708450001)),
                 '22P02', 'invalid input syntax for type nik', 'the binary error names the type');
SELECT is(pg_temp.diterima_biner('terima_nik', 3171011708450001), 'ok', 'a valid binary nik is accepted');
SELECT throws_ok(format('COPY terima_nik FROM %L WITH (FORMAT binary)', pg_temp.tulis_int4(42)), '08P01', NULL,
                 'a 4-byte field is too short for a nik (08P01)');

-- no_kk: the region rules reject, the warnings do not
SELECT throws_ok(format('COPY terima_no_kk FROM %L WITH (FORMAT binary)', pg_temp.tulis_bigint(v)), '22P02', NULL,
                 format('binary no_kk %s is rejected with 22P02 (%s)', v, why))
  FROM (VALUES (9971011501200001, 'provinsi'), (3100011501200001, 'kabkota'), (3171001501200001, 'kecamatan'),
               (31710115012000, '14 digits'), (-3171011501200001, 'negative')) t(v, why)
 ORDER BY v;
SELECT is(pg_temp.diterima_biner('terima_no_kk', v), 'ok', format('binary no_kk %s is accepted (%s)', v, why))
  FROM (VALUES (3171011501200001, 'clean'), (3171014501200001, 'day 45: only a warning'),
               (3171011513200001, 'month 13: only a warning'), (3171011501200000, 'serial 0000: only a warning')) t(v, why)
 ORDER BY v;
SELECT results_eq('SELECT v::text FROM terima_no_kk ORDER BY v',
                  $$VALUES ('3171011501200000'), ('3171011501200001'), ('3171011513200001'), ('3171014501200001')$$,
                  'the accepted KK numbers arrived unchanged');

-- kode_wilayah: malformed encodings are 22P03
SELECT throws_ok(format('COPY terima_kode FROM %L WITH (FORMAT binary)', pg_temp.tulis_bigint(v)), '22P03', NULL,
                 format('binary kode_wilayah %s is rejected with 22P03 (%s)', v, why))
  FROM (VALUES (3100010000, 'kab/kota 00 under a kecamatan'), (3100000001, 'kab/kota 00 under a desa'),
               (3171001001, 'kecamatan 00 under a desa'), (99999999, 'below 01'), (0, 'zero'),
               (10000000000, 'eleven digits'), (-3171000000, 'negative'), (9223372036854775807, 'the largest bigint')) t(v, why)
 ORDER BY v;
SELECT throws_ok(format('COPY terima_kode FROM %L WITH (FORMAT binary)', pg_temp.tulis_bigint(3100010000)),
                 '22P03', 'invalid external binary value for type kode_wilayah', 'the binary error names the type');
SELECT throws_ok(format('COPY terima_kode FROM %L WITH (FORMAT binary)', pg_temp.tulis_int4(31)), '08P01', NULL,
                 'a 4-byte field is too short for a kode_wilayah (08P01)');
TRUNCATE terima_kode;
SELECT is(pg_temp.diterima_biner('terima_kode', v), 'ok', format('binary kode_wilayah %s is accepted', v))
  FROM (VALUES (3100000000), (3171000000), (3171010000), (3171011001), (100000000), (9999999999)) t(v)
 ORDER BY v;
SELECT results_eq('SELECT v::text FROM terima_kode ORDER BY v',
                  $$VALUES ('01'), ('31'), ('31.71'), ('31.71.01'), ('31.71.01.1001'), ('99.99.99.9999')$$,
                  'the accepted codes are the regions their numbers spell');

-- differential: binary input accepts exactly what text input accepts.  The
-- text form of a number PPKKCCDDDD: its groups up to the last non-zero one.
CREATE FUNCTION pg_temp.teks_kode(v bigint) RETURNS text
LANGUAGE sql IMMUTABLE RETURN
    CASE WHEN v % 10000 <> 0 THEN format('%s.%s.%s.%s', lpad((v / 100000000)::text, 2, '0'),
                                         lpad((v / 1000000 % 100)::text, 2, '0'), lpad((v / 10000 % 100)::text, 2, '0'),
                                         lpad((v % 10000)::text, 4, '0'))
         WHEN v % 1000000 <> 0 THEN format('%s.%s.%s', lpad((v / 100000000)::text, 2, '0'),
                                           lpad((v / 1000000 % 100)::text, 2, '0'), lpad((v / 10000 % 100)::text, 2, '0'))
         WHEN v % 100000000 <> 0 THEN format('%s.%s', lpad((v / 100000000)::text, 2, '0'),
                                             lpad((v / 1000000 % 100)::text, 2, '0'))
         ELSE lpad((v / 100000000)::text, 2, '0') END;
CREATE FUNCTION pg_temp.teks_diterima(t text) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM t::dtks.kode_wilayah;
    RETURN true;
EXCEPTION WHEN invalid_text_representation THEN
    RETURN false;
END $$;
SELECT is(pg_temp.teks_kode(3100010000), '31.00.01', 'the text form of 3100010000 is 31.00.01');
SELECT setseed(0.17);
CREATE TEMP TABLE beda_kode AS
SELECT pp::bigint * 100000000 + kk::bigint * 1000000 + cc * 10000 + dddd AS v
  FROM (SELECT floor(random() * 100)::int AS pp,
               CASE WHEN random() < 0.3 THEN 0 ELSE floor(random() * 100)::int END AS kk,
               CASE WHEN random() < 0.3 THEN 0 ELSE floor(random() * 100)::int END AS cc,
               CASE WHEN random() < 0.3 THEN 0 ELSE floor(random() * 10000)::int END AS dddd
          FROM generate_series(1, 300)) s;
SELECT is((SELECT count(*) FROM beda_kode
            WHERE (pg_temp.diterima_biner('terima_kode', v) = 'ok') <> pg_temp.teks_diterima(pg_temp.teks_kode(v))),
          0::bigint, 'binary kode_wilayah: 300 random encodings accepted exactly when their text form is');
SELECT cmp_ok((SELECT count(*) FROM terima_kode), '>', 50::bigint, 'the sample had well-formed codes');

CREATE TEMP TABLE beda_nik AS
SELECT overlay('3171011708450001' PLACING floor(random() * 10)::int::text FROM 1 + floor(random() * 16)::int FOR 1) AS teks
  FROM generate_series(1, 300);
SELECT is((SELECT count(*) FROM beda_nik WHERE (pg_temp.diterima_biner('terima_nik', teks::bigint) = 'ok') <> nik_valid(teks)),
          0::bigint, 'binary nik: 300 one-digit variations accepted exactly when nik_valid');
SELECT is((SELECT count(*) FROM beda_nik WHERE (pg_temp.diterima_biner('terima_no_kk', teks::bigint) = 'ok') <> no_kk_valid(teks)),
          0::bigint, 'binary no_kk: the same 300 numbers accepted exactly when no_kk_valid');

-- remove this run's files
DO $$
BEGIN
    EXECUTE format('COPY (SELECT 1 WHERE false) TO PROGRAM %L',
                   'rm -f ' || (SELECT awalan FROM berkas) || '_*.bin');
END $$;
SELECT is((SELECT count(*) FROM pg_ls_dir('/tmp') f
            WHERE starts_with('/tmp/' || f, (SELECT awalan FROM berkas))), 0::bigint, 'this run''s files are removed');

SELECT * FROM finish();
ROLLBACK;
