-- pgTAP: forced parallel plans give the same results as serial ones over
-- 100,000 synthetic rows of nik, no_kk and kode_wilayah.  Each query runs as
-- EXPLAIN ANALYZE CREATE TEMP TABLE ... AS <query>, so the very execution
-- that produced the result is the one whose plan (Gather, workers launched)
-- is checked.  Temp tables are not scanned in parallel: the data is in a
-- regular table created inside this (rolled back) transaction.
\ir lib/awal.psql

SELECT plan(65);

-- Run "CREATE TEMP TABLE nama AS query" under EXPLAIN ANALYZE; return the plan.
CREATE FUNCTION pg_temp.jalankan(nama text, query text) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    rencana json;
BEGIN
    EXECUTE format('EXPLAIN (ANALYZE, FORMAT JSON, COSTS OFF, TIMING OFF, SUMMARY OFF) CREATE TEMP TABLE %I AS %s',
                   nama, query) INTO rencana;
    RETURN rencana::jsonb;
END $$;
-- Workers launched by the Gather / Gather Merge nodes of a plan (0 if none).
CREATE FUNCTION pg_temp.pekerja(rencana jsonb) RETURNS bigint
LANGUAGE sql IMMUTABLE RETURN
    (SELECT coalesce(sum(x::text::bigint), 0)
       FROM jsonb_path_query(rencana, 'lax $.**."Workers Launched"') x);
CREATE FUNCTION pg_temp.ada_gather(rencana jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE RETURN
    jsonb_path_exists(rencana, 'lax $.** ? (@."Node Type" == "Gather" || @."Node Type" == "Gather Merge")');

------------------------------------------------------------------------------
-- The data: 100,000 rows, about 10 % of the NIK texts corrupted
------------------------------------------------------------------------------
CREATE TABLE public.dtks_uji_paralel (
    g int PRIMARY KEY, teks text, n nik, k no_kk, w kode_wilayah, x float8, y float8);
SELECT setseed(0.5);
INSERT INTO public.dtks_uji_paralel (g, teks, x, y)
SELECT g,
       CASE WHEN random() < 0.1
            THEN overlay(nik PLACING floor(random() * 10)::int::text FROM 1 + floor(random() * 16)::int FOR 1)
            ELSE nik END,
       106.70 + random() * 0.25, -6.35 + random() * 0.25
  FROM (SELECT g,
               lpad(((SELECT array_agg(p) FROM unnest(ARRAY[11,12,13,14,15,16,17,18,19,21,31,32,33,34,35,36,51,52,53,
                                                              61,62,63,64,65,71,72,73,74,75,76,81,82,91,92,93,94,95,96]) p)
                      [1 + floor(random() * 38)::int])::text, 2, '0')
               || lpad((1 + floor(random() * 30))::int::text, 2, '0')
               || lpad((1 + floor(random() * 30))::int::text, 2, '0')
               || lpad((extract(day FROM d)::int + CASE WHEN random() < 0.5 THEN 40 ELSE 0 END)::text, 2, '0')
               || to_char(d, 'MMYY')
               || lpad((1 + floor(random() * 9999))::int::text, 4, '0') AS nik
          FROM (SELECT g, DATE '1930-01-01' + floor(random() * 35000)::int AS d
                  FROM generate_series(1, 100000) g) s) s;
UPDATE public.dtks_uji_paralel
   SET n = CASE WHEN nik_valid(teks) THEN teks::nik END,
       k = CASE WHEN no_kk_valid(teks) THEN (left(teks, 6) || lpad((g::bigint * 7919 % 10000000000)::text, 10, '0'))::no_kk END,
       w = CASE WHEN no_kk_valid(teks) THEN
                CASE g % 4
                     WHEN 0 THEN leluhur(left(teks, 6)::kode_wilayah, 1)
                     WHEN 1 THEN leluhur(left(teks, 6)::kode_wilayah, 2)
                     WHEN 2 THEN left(teks, 6)::kode_wilayah
                     ELSE (left(teks, 6) || (1000 + g % 3000)::text)::kode_wilayah
                END
           END;
ANALYZE public.dtks_uji_paralel;

SELECT is((SELECT count(*) FROM public.dtks_uji_paralel), 100000::bigint, '100,000 rows');
SELECT cmp_ok((SELECT count(n) FROM public.dtks_uji_paralel), '>', 85000::bigint, 'most rows hold a valid NIK');
SELECT cmp_ok((SELECT count(*) FROM public.dtks_uji_paralel WHERE n IS NULL), '>', 1000::bigint, 'some do not');

CREATE TEMP TABLE kueri (nama text PRIMARY KEY, query text, urut text);
INSERT INTO kueri VALUES
    ('agregat', $q$SELECT count(*) FILTER (WHERE nik_valid(teks)) AS sah, count(*) AS semua,
                          sum(nik_nomor_urut(n)) AS jumlah_urut,
                          min(nik_tanggal_lahir(n, DATE '2026-01-01')) AS lahir_min,
                          max(nik_tanggal_lahir(n, DATE '2026-01-01')) AS lahir_max,
                          count(*) FILTER (WHERE w <@ '31') AS di_31,
                          count(*) FILTER (WHERE '32' @> w) AS di_32,
                          count(*) FILTER (WHERE no_kk_alasan(k::text) IS NOT NULL) AS kk_peringatan,
                          min(no_kk_tanggal_terbit(k, DATE '2026-01-01')) AS terbit_min,
                          max(no_kk_tanggal_terbit(k, DATE '2026-01-01')) AS terbit_maks,
                          sum(tingkat(w)) AS jumlah_tingkat,
                          count(*) FILTER (WHERE nik_wilayah_dikenal(n)) AS dikenal
                     FROM public.dtks_uji_paralel$q$, NULL),
    ('jenis_kelamin', $q$SELECT nik_jenis_kelamin(n) AS jk, count(*) AS jumlah FROM public.dtks_uji_paralel GROUP BY 1$q$, NULL),
    ('alasan', $q$SELECT nik_alasan(teks) AS alasan, count(*) AS jumlah FROM public.dtks_uji_paralel GROUP BY 1$q$, NULL),
    ('provinsi', $q$SELECT leluhur(w, 1) AS provinsi, count(*) AS jumlah, sum(nik_nomor_urut(n)) AS urut
                      FROM public.dtks_uji_paralel GROUP BY 1$q$, NULL),
    ('kecamatan', $q$SELECT nik_kode_wilayah(n) AS kecamatan, count(*) AS jumlah,
                            min(nik_tanggal_lahir(n, DATE '2026-01-01')) AS lahir_min
                       FROM public.dtks_uji_paralel GROUP BY 1$q$, NULL),
    ('dimuat', $q$SELECT count(*) AS jumlah FROM public.dtks_uji_paralel WHERE w <@ '32.15'$q$, NULL),
    ('urut_nik', $q$SELECT n FROM public.dtks_uji_paralel WHERE n IS NOT NULL ORDER BY n LIMIT 2000$q$, 'n'),
    ('urut_kk', $q$SELECT k FROM public.dtks_uji_paralel WHERE k IS NOT NULL ORDER BY k DESC LIMIT 2000$q$, 'k DESC'),
    ('gabung', $q$SELECT count(*) AS jumlah, sum(nik_nomor_urut(a.n)) AS urut
                    FROM public.dtks_uji_paralel a JOIN public.dtks_uji_paralel b ON a.n = b.n$q$, NULL),
    ('gabung_kode', $q$SELECT count(*) AS jumlah FROM public.dtks_uji_paralel a
                        JOIN public.dtks_uji_paralel b ON leluhur(a.w, 1) = b.w AND b.g % 100 = 0$q$, NULL),
    ('titik', $q$SELECT wilayah_di_titik(ST_SetSRID(ST_MakePoint(x, y), 4326)) AS kode, count(*) AS jumlah
                   FROM public.dtks_uji_paralel WHERE g % 200 = 0 GROUP BY 1$q$, NULL);

-- serial
SET LOCAL max_parallel_workers_per_gather = 0;
SET LOCAL force_parallel_mode = off;
CREATE TEMP TABLE rencana_serial AS SELECT nama, pg_temp.jalankan('serial_' || nama, query) AS rencana FROM kueri;

-- forced parallel
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL min_parallel_index_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL force_parallel_mode = on;
CREATE TEMP TABLE rencana_paralel AS SELECT nama, pg_temp.jalankan('paralel_' || nama, query) AS rencana FROM kueri;
RESET force_parallel_mode;
RESET max_parallel_workers_per_gather;

SELECT is((SELECT count(*) FROM rencana_serial), 11::bigint, 'eleven queries ran serially');
SELECT is((SELECT count(*) FROM rencana_paralel), 11::bigint, 'and in parallel');
-- 11 each
SELECT ok(NOT pg_temp.ada_gather(rencana), format('serial %s: no Gather', nama)) FROM rencana_serial ORDER BY nama;
SELECT ok(pg_temp.ada_gather(rencana), format('parallel %s: the plan has a Gather', nama)) FROM rencana_paralel ORDER BY nama;
SELECT cmp_ok(pg_temp.pekerja(rencana), '>', 0::bigint, format('parallel %s: workers were launched', nama))
  FROM rencana_paralel ORDER BY nama;
SELECT ok(jsonb_path_exists(rencana, 'lax $.** ? (@."Parallel Aware" == true)'),
          format('parallel %s: a parallel-aware node (a partial plan, not only a single-copy Gather)', nama))
  FROM rencana_paralel ORDER BY nama;
SELECT CASE WHEN urut IS NULL
            THEN set_eq(format('SELECT * FROM %I', 'paralel_' || nama), format('SELECT * FROM %I', 'serial_' || nama),
                        format('%s: the parallel result equals the serial one', nama))
            ELSE results_eq(format('SELECT * FROM %I ORDER BY %s', 'paralel_' || nama, urut),
                            format('SELECT * FROM %I ORDER BY %s', 'serial_' || nama, urut),
                            format('%s: the parallel result equals the serial one, in order', nama))
       END
  FROM kueri ORDER BY nama;

-- the serial results are right, not just equal
SELECT ok((SELECT sah BETWEEN 85000 AND 99000 FROM serial_agregat),
          'about 90% of the texts are valid NIKs (a tenth had a digit replaced)');
SELECT is((SELECT jumlah FROM serial_jenis_kelamin WHERE jk = 'P'),
          (SELECT count(*) FROM public.dtks_uji_paralel WHERE n IS NOT NULL AND substr(teks, 7, 2)::int > 40),
          'the P count equals the valid NIKs whose day field (read from the text) is above 40');
SELECT is((SELECT jumlah FROM serial_dimuat), (SELECT count(*) FROM public.dtks_uji_paralel WHERE w::text LIKE '32.15%'),
          'kode <@ 32.15 counts the codes whose text starts with 32.15');
SELECT cmp_ok((SELECT jumlah FROM serial_dimuat), '>', 50::bigint, 'and there are such codes');
SELECT cmp_ok((SELECT count(*) FROM serial_titik WHERE kode IS NOT NULL), '>', 5::bigint,
              'the points fall in several regions of Jakarta');

DROP TABLE public.dtks_uji_paralel;

SELECT * FROM finish();
ROLLBACK;
