-- pgTAP: the region reference loaded by scripts/load-wilayah from ../shared/data:
-- counts, editions, history look-ups, hierarchy, and wilayah_di_titik.
\ir lib/awal.psql

SELECT plan(45);

CREATE FUNCTION pg_temp.titik(x float8, y float8) RETURNS geometry
LANGUAGE sql IMMUTABLE RETURN public.ST_SetSRID(public.ST_MakePoint(x, y), 4326);

------------------------------------------------------------------------------
-- 1. Counts, editions, history
------------------------------------------------------------------------------
SELECT results_eq('SELECT tingkat, count(*) FROM dtks.wilayah GROUP BY tingkat ORDER BY tingkat',
                  $$VALUES (1, 38::bigint), (2, 514), (3, 7285), (4, 83762)$$,
                  'dtks.wilayah has 38 / 514 / 7,285 / 83,762 codes per level');
SELECT is((SELECT count(*) FROM dtks.wilayah), 91599::bigint, '91,599 codes in the current edition');
SELECT results_eq('SELECT edisi FROM dtks.wilayah_edisi ORDER BY edisi',
                  ARRAY[2016, 2018, 2020, 2022, 2023, 2025]::smallint[],
                  'editions 2016, 2018, 2020, 2022, 2023 and 2025 are loaded');
SELECT results_eq('SELECT edisi FROM dtks.wilayah_edisi WHERE terkini', ARRAY[2025]::smallint[],
                  'exactly one edition is terkini: 2025');
SELECT is((SELECT count(*) FROM dtks.wilayah_riwayat WHERE edisi = 2025), (SELECT count(*) FROM dtks.wilayah),
          'the current edition''s codes are all in wilayah_riwayat');
SELECT is_empty($$SELECT kode FROM dtks.wilayah EXCEPT SELECT kode FROM dtks.wilayah_riwayat WHERE edisi = 2025$$,
                'wilayah and the 2025 rows of wilayah_riwayat hold the same codes');
SELECT is_empty($$SELECT w.kode FROM dtks.wilayah w JOIN dtks.wilayah_riwayat r ON r.kode = w.kode AND r.edisi = 2025
                   WHERE r.nama <> w.nama$$, 'and the same names');
SELECT results_eq($$SELECT edisi::int, count(*) FILTER (WHERE tingkat(kode) = 1), count(*) FILTER (WHERE tingkat(kode) = 2),
                           count(*) FILTER (WHERE tingkat(kode) = 3), count(*) FILTER (WHERE tingkat(kode) = 4)
                      FROM dtks.wilayah_riwayat GROUP BY edisi ORDER BY edisi$$,
                  $$VALUES (2016, 34::bigint, 514::bigint, 7160::bigint, 83184::bigint),
                           (2018, 34, 514, 7201, 83436), (2020, 34, 514, 7230, 83449),
                           (2022, 34, 514, 7266, 83467), (2023, 37, 514, 7277, 83763),
                           (2025, 38, 514, 7285, 83762)$$,
                  'codes per level in every edition (as documented in ../shared/data/README.md)');

-- which editions contain 91.01.01 (Merauke before the 2022 Papua split)?
SELECT results_eq($$SELECT edisi FROM dtks.wilayah_riwayat WHERE kode = '91.01.01' ORDER BY edisi$$,
                  ARRAY[2016, 2018, 2020, 2022]::smallint[],
                  '91.01.01 is in the editions 2016, 2018, 2020 and 2022');
SELECT is_empty($$SELECT 1 FROM dtks.wilayah_riwayat WHERE kode = '91.01.01' AND edisi IN (2023, 2025)$$,
                '91.01.01 is in neither 2023 (Kepmendagri 100.1.1-6117/2022) nor 2025');
SELECT is_empty($$SELECT 1 FROM dtks.wilayah WHERE kode = '91.01.01'$$, '91.01.01 is not in the current edition');
SELECT is((SELECT nama FROM dtks.wilayah_riwayat WHERE kode = '93.01' AND edisi = 2025), 'Kabupaten Merauke',
          '93.01 was called Kabupaten Merauke in 2025');
SELECT is((SELECT nama FROM dtks.wilayah_riwayat WHERE kode = '93.01' AND edisi = 2023), 'KAB. MERAUKE',
          '93.01 was called KAB. MERAUKE in 2023');
SELECT is((SELECT nama FROM dtks.wilayah WHERE kode = '93.01'), 'Kabupaten Merauke', 'and is Kabupaten Merauke now');
SELECT results_eq($$SELECT edisi FROM dtks.wilayah_riwayat WHERE kode = '93.01' ORDER BY edisi$$,
                  ARRAY[2023, 2025]::smallint[], '93.01 exists from the 2023 edition on');

------------------------------------------------------------------------------
-- 2. Hierarchy
------------------------------------------------------------------------------
SELECT is_empty($$SELECT kode FROM dtks.wilayah c
                   WHERE c.induk IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dtks.wilayah p WHERE p.kode = c.induk)$$,
                'every induk exists');
SELECT is_empty($$SELECT kode FROM dtks.wilayah WHERE (induk IS NULL) <> (tingkat = 1)$$,
                'exactly the provinces have no induk');
SELECT is_empty($$SELECT kode FROM dtks.wilayah p WHERE tingkat < 4
                   AND NOT EXISTS (SELECT 1 FROM dtks.wilayah c WHERE c.induk = p.kode)$$,
                'every province, kab/kota and kecamatan has a child');
SELECT is_empty($$SELECT kode FROM dtks.wilayah WHERE nama = '' OR nama <> btrim(nama)$$,
                'no empty or untrimmed names');
SELECT results_eq($$SELECT tingkat, count(batas) FROM dtks.wilayah GROUP BY tingkat ORDER BY tingkat$$,
                  $$VALUES (1, 38::bigint), (2, 514), (3, 7285), (4, 983)$$,
                  'boundaries: every province, kab/kota and kecamatan, 983 desa/kelurahan (DKI, DIY, TTS)');
SELECT is_empty($$SELECT kode FROM dtks.wilayah
                   WHERE batas IS NOT NULL AND (ST_SRID(batas) <> 4326 OR NOT ST_IsValid(batas))$$,
                'every boundary is a valid SRID 4326 geometry');

------------------------------------------------------------------------------
-- 3. wilayah_di_titik
------------------------------------------------------------------------------
-- the landmark coordinates really fall in the documented polygons
SELECT ok(ST_Covers((SELECT batas FROM dtks.wilayah WHERE kode = '31.71.01.1001'), pg_temp.titik(106.8272, -6.1754)),
          'Monas (106.8272, -6.1754) lies in the polygon of 31.71.01.1001 Gambir');
SELECT ok(ST_Covers((SELECT batas FROM dtks.wilayah WHERE kode = '31.73.03.1008'), pg_temp.titik(106.8133, -6.1352)),
          'Kota Tua (106.8133, -6.1352) lies in the polygon of 31.73.03.1008 Pinangsia');
SELECT ok(ST_Covers((SELECT batas FROM dtks.wilayah WHERE kode = '34.71.09.1002'), pg_temp.titik(110.3644, -7.8053)),
          'Kraton Yogyakarta (110.3644, -7.8053) lies in the polygon of 34.71.09.1002 Panembahan');

SELECT is(wilayah_di_titik(pg_temp.titik(106.8272, -6.1754)), '31.71.01.1001'::kode_wilayah, 'Monas -> 31.71.01.1001 Gambir');
SELECT is(wilayah_di_titik(pg_temp.titik(106.8133, -6.1352)), '31.73.03.1008'::kode_wilayah, 'Kota Tua -> 31.73.03.1008 Pinangsia');
SELECT is(wilayah_di_titik(pg_temp.titik(110.3644, -7.8053)), '34.71.09.1002'::kode_wilayah, 'Kraton Yogyakarta -> 34.71.09.1002 Panembahan');
SELECT is(wilayah_di_titik(pg_temp.titik(0, 0)), NULL, 'a point in the sea (0, 0) -> NULL');
SELECT is(wilayah_di_titik(pg_temp.titik(107.6191, -6.9175)), '32.73.19'::kode_wilayah,
          'Bandung (107.6191, -6.9175) -> the kecamatan 32.73.19 Sumur Bandung (no desa polygons there)');
SELECT is(tingkat(wilayah_di_titik(pg_temp.titik(107.6191, -6.9175))), 3, 'Bandung gives a level-3 code');
SELECT is(wilayah_di_titik(NULL), NULL, 'wilayah_di_titik(NULL) is NULL');
SELECT is(wilayah_di_titik('SRID=4326;POINT EMPTY'::geometry), NULL, 'an empty point -> NULL');
SELECT throws_ok($$SELECT dtks.wilayah_di_titik(public.ST_Transform(public.ST_SetSRID(public.ST_MakePoint(106.8272, -6.1754), 4326), 3857))$$,
                 '22023', 'wilayah_di_titik expects a point in SRID 4326 (WGS 84 longitude/latitude)',
                 'a point in SRID 3857 raises 22023');
SELECT throws_ok($$SELECT dtks.wilayah_di_titik(public.ST_MakePoint(106.8272, -6.1754))$$,
                 '22023', NULL, 'a point without an SRID raises 22023');
SELECT throws_ok($$SELECT dtks.wilayah_di_titik('SRID=4326;LINESTRING(106.82 -6.17, 106.83 -6.18)'::public.geometry)$$,
                 '22023', 'wilayah_di_titik expects a point', 'a LINESTRING raises 22023');
SELECT throws_ok($$SELECT dtks.wilayah_di_titik('SRID=4326;POLYGON((106.82 -6.17, 106.83 -6.17, 106.83 -6.18, 106.82 -6.17))'::public.geometry)$$,
                 '22023', NULL, 'a POLYGON raises 22023');
SELECT throws_ok($$SELECT dtks.wilayah_di_titik('SRID=4326;MULTIPOINT((106.8272 -6.1754))'::public.geometry)$$,
                 '22023', NULL, 'a MULTIPOINT raises 22023');
SELECT throws_ok($$SELECT dtks.wilayah_di_titik('SRID=4326;LINESTRING(0 0, 1 1)'::public.geometry)$$,
                 '22023', NULL, 'a LINESTRING that covers no region raises 22023 too');

-- determinism
SELECT is((SELECT count(DISTINCT wilayah_di_titik(pg_temp.titik(106.8272, -6.1754))) FROM generate_series(1, 20)),
          1::bigint, 'the same point twenty times gives one answer');
SELECT ok((SELECT bool_and(wilayah_di_titik(pg_temp.titik(x, y)) IS NOT DISTINCT FROM wilayah_di_titik(pg_temp.titik(x, y)))
             FROM (SELECT 106.70 + i * 0.003, -6.30 + j * 0.003 FROM generate_series(0, 20) i, generate_series(0, 20) j) g(x, y)),
          'two calls agree on a 21 x 21 grid over Jakarta');

-- a point where two kelurahan polygons overlap: the smaller one wins
CREATE TEMP TABLE tumpang AS
SELECT a.kode AS a, b.kode AS b, ST_Area(a.batas) AS luas_a, ST_Area(b.batas) AS luas_b,
       ST_PointOnSurface(ST_Intersection(a.batas, b.batas)) AS titik
  FROM dtks.wilayah a
  JOIN dtks.wilayah b ON a.kode < b.kode AND ST_Overlaps(a.batas, b.batas)
 WHERE a.tingkat = 4 AND b.tingkat = 4 AND a.kode <@ '31.71' AND b.kode <@ '31.71'
 ORDER BY ST_Area(ST_Intersection(a.batas, b.batas)) DESC, a.kode, b.kode
 LIMIT 1;
SELECT is((SELECT count(*) FROM tumpang), 1::bigint, 'two overlapping kelurahan polygons are found in Jakarta Pusat');
SELECT is((SELECT count(*) FROM dtks.wilayah w, tumpang t WHERE w.tingkat = 4 AND ST_Covers(w.batas, t.titik)), 2::bigint,
          'their overlap point is covered by exactly two kelurahan');
SELECT isnt((SELECT luas_a FROM tumpang), (SELECT luas_b FROM tumpang), 'the two have different areas');
SELECT is((SELECT wilayah_di_titik(titik) FROM tumpang),
          (SELECT CASE WHEN luas_a < luas_b THEN a ELSE b END FROM tumpang),
          'wilayah_di_titik on the overlap returns the smaller kelurahan');
SELECT is((SELECT wilayah_di_titik(titik) FROM tumpang),
          (SELECT w.kode FROM dtks.wilayah w, tumpang t WHERE ST_Covers(w.batas, t.titik)
            ORDER BY w.tingkat DESC, ST_Area(w.batas), w.kode LIMIT 1),
          'and agrees with the documented rule (deepest, then smallest, then lowest code)');

SELECT * FROM finish();
ROLLBACK;
