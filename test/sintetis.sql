-- pgTAP: the synthetic data generator is deterministic, realistic and passes the rules;
-- its injected faults are found by the checks.
\ir lib/awal.psql
SELECT plan(24);

SELECT lives_ok($$SELECT dtks.sintetis_muat(2026, 300, '34.71',
                   '{"nik_tanggal_beda": 0.05, "meninggal_aktif": 0.03, "dua_kk": 0.02, "nik_ganda": 0.02}')$$,
                'generating 300 families in Kota Yogyakarta');
SELECT lives_ok('SET CONSTRAINTS ALL IMMEDIATE', 'the generated registry passes every rule');
SET CONSTRAINTS ALL DEFERRED;
CREATE TEMP TABLE sidik1 AS SELECT md5(string_agg(a::text, ',' ORDER BY nik)) AS h FROM dtks.anggota a;
SELECT cmp_ok((SELECT count(*) FROM dtks.anggota), '>', 800::bigint, 'about three people per family');
SELECT is((SELECT count(*) FROM dtks.keluarga f WHERE NOT EXISTS (SELECT 1 FROM dtks.keanggotaan m WHERE m.no_kk = f.no_kk AND m.shdk = 1)),
          0::bigint, 'every family has a kepala keluarga');
SELECT is((SELECT count(*) FROM dtks.anggota WHERE NOT nik_valid(nik::text)), 0::bigint, 'every NIK is valid');
SELECT is((SELECT count(*) FROM dtks.keanggotaan m JOIN dtks.keluarga f USING (no_kk) JOIN dtks.rumah_tangga h ON h.id = f.rumah_tangga_id
            WHERE m.shdk = 1 AND nik_kode_wilayah(m.nik) <> leluhur(h.kode_wilayah, 3) AND nik_kode_wilayah(m.nik) <@ '34.71'),
          0::bigint, 'a NIK registered in Yogyakarta carries its household''s kecamatan');
SELECT is((SELECT count(*) FROM dtks.rumah_tangga h JOIN dtks.wilayah w ON w.kode = h.kode_wilayah
            WHERE h.lokasi IS NULL OR NOT ST_Covers(w.batas, h.lokasi)),
          0::bigint, 'every household is located inside its own desa polygon (simplified polygons overlap a little)');
-- the same seed gives the same data
SELECT lives_ok($$DELETE FROM dtks.keanggotaan; DELETE FROM dtks.keluarga; DELETE FROM dtks.rumah_tangga;
                  DELETE FROM dtks.anggota; DELETE FROM dtks.sintetis_galat;
                  SELECT dtks.sintetis_muat(2026, 300, '34.71',
                   '{"nik_tanggal_beda": 0.05, "meninggal_aktif": 0.03, "dua_kk": 0.02, "nik_ganda": 0.02}')$$,
                'generating again with the same seed');
SELECT is((SELECT md5(string_agg(a::text, ',' ORDER BY a.nik)) FROM dtks.anggota a), (SELECT h FROM sidik1),
          'same seed, same people');
-- the checks find the injected faults
SELECT is((SELECT count(*) FROM dtks.sintetis_galat g WHERE g.jenis = 'nik_tanggal_beda'
            AND NOT EXISTS (SELECT 1 FROM dtks.kk_periksa(g.no_kk, DATE '2026-01-01') p WHERE p.nik = g.nik AND p.aturan = 'nik_tanggal_lahir')),
          0::bigint, 'kk_periksa finds every injected NIK date mismatch');
SELECT is((SELECT count(*) FROM dtks.sintetis_galat g WHERE g.jenis = 'meninggal_aktif'
            AND NOT EXISTS (SELECT 1 FROM dtks.kk_periksa(g.no_kk, DATE '2026-01-01') p WHERE p.nik = g.nik AND p.aturan = 'meninggal_masih_anggota')),
          0::bigint, 'kk_periksa finds every injected dead-but-current member');
-- the faults the rules refuse: each is refused when tried
CREATE TEMP TABLE ditolak (jenis text, kode text);
DO $$
DECLARE g record; st text;
BEGIN
  FOR g IN SELECT * FROM dtks.sintetis_galat WHERE NOT dimuat LOOP
    BEGIN
      IF g.jenis = 'dua_kk' THEN
        INSERT INTO dtks.keanggotaan (nik, no_kk, shdk, berlaku) VALUES (g.nik, g.no_kk, g.shdk, '[2025-06-01,)');
      ELSE
        INSERT INTO dtks.anggota (nik, nama, jenis_kelamin, tanggal_lahir) VALUES (g.nik, g.nama, g.jenis_kelamin, g.tanggal_lahir);
      END IF;
      SET CONSTRAINTS ALL IMMEDIATE;
      st := NULL;
      RAISE EXCEPTION 'diterima' USING ERRCODE = 'P0001';
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE;
    END;
    SET CONSTRAINTS ALL DEFERRED;
    INSERT INTO ditolak VALUES (g.jenis, st);
  END LOOP;
END $$;
SELECT results_eq($$SELECT jenis, kode, count(*) > 0 FROM ditolak GROUP BY 1, 2 ORDER BY 1$$,
                  $$VALUES ('dua_kk', '23P01', true), ('nik_ganda', '23505', true)$$,
                  'every person put in a second KK is refused (rule 1) and every second person with a NIK is refused (primary key)');

-- bad arguments are refused with their SQLSTATE before anything is generated
CREATE TEMP TABLE sebelum AS SELECT count(*) AS n FROM dtks.anggota;
SELECT throws_ok($$SELECT dtks.sintetis_muat(NULL, 5, '34.71')$$, '22004', NULL, 'a NULL seed is refused (22004)');
SELECT throws_ok($$SELECT dtks.sintetis_muat(1, NULL, '34.71')$$, '22004', NULL, 'a NULL number of families is refused (22004)');
SELECT throws_ok($$SELECT dtks.sintetis_muat(1, 5, '34.71', '{}', NULL)$$, '22004', NULL, 'a NULL reference date is refused (22004)');
SELECT throws_ok($$SELECT dtks.sintetis_muat(1, 2147483647, '34.71')$$, '54000',
                 'sintetis_muat generates at most 10000000 families in one call', 'an absurd number of families is refused at once (54000)');
SELECT throws_ok($$SELECT dtks.sintetis_muat(1, 5, '34.71', '{}', 'infinity')$$, '22023',
                 'sintetis_muat needs a finite reference date', 'an infinite reference date is refused (22023)');
SELECT throws_ok($$SELECT dtks.sintetis_muat(1, 5, '34.71', '[0.1]')$$, '22023',
                 'sintetis_muat: laju_galat must be a JSON object of fault rates', 'a laju_galat that is not an object is refused');
SELECT throws_ok($$SELECT dtks.sintetis_muat(1, 5, '34.71', '{"nik_ganda": 2}')$$, '22023', NULL, 'a rate above 1 is refused');
SELECT throws_ok($$SELECT dtks.sintetis_muat(1, 5, '34.71', '{"nik_gandaa": 0.1}')$$, '22023', NULL, 'an unknown fault is refused');
SELECT is((SELECT count(*) FROM dtks.anggota), (SELECT n FROM sebelum), 'the refused calls added nobody');
-- a location needs a boundary with an area in WGS 84 (PostGIS raised XX000 for these)
SELECT throws_ok($$SELECT dtks.sintetis_titik('SRID=4326;POINT(110.37 -7.8)', 1, 1)$$, '22023',
                 'sintetis_titik expects a polygon or multipolygon boundary', 'a point is refused (22023)');
SELECT throws_ok($$SELECT dtks.sintetis_titik('SRID=4326;MULTIPOLYGON EMPTY', 1, 1)$$, '22023',
                 'sintetis_titik expects a boundary that is not empty', 'an empty boundary is refused (22023)');
SELECT throws_ok($$SELECT dtks.sintetis_titik('SRID=4326;POLYGON((110 -8, 110.5 -8, NaN -7.5, 110 -8))', 1, 1)$$, '22023',
                 'sintetis_titik expects a boundary with a positive, finite area', 'a NaN coordinate is refused (22023)');

SELECT * FROM finish();
ROLLBACK;
