-- pgTAP: score models as data; the C scorer equals the model's SQL expression; region overrides
-- (the most specific wins); the cache follows model changes; desil; what is refused, by SQLSTATE.
\ir lib/awal.psql
SELECT plan(19);

SELECT lives_ok($$SELECT dtks.sintetis_muat(404, 600, '34')$$, 'generating 600 families in DI Yogyakarta');
-- statistics after the load, as a DBA would take them (a vacuumed empty table otherwise claims 0 rows)
ANALYZE dtks.keanggotaan;
ANALYZE dtks.anggota;
ANALYZE dtks.keluarga;
ANALYZE dtks.rumah_tangga;
-- C against the SQL expression of the shipped model, on every family
CREATE TEMP TABLE masuk AS SELECT * FROM dtks.skor_masukan(DATE '2026-01-01');
SELECT is((SELECT count(*) FROM masuk), (SELECT count(*) FROM dtks.keluarga WHERE status = 'aktif'), 'skor_masukan: one row per active family');
CREATE FUNCTION pg_temp.beda_c_sql(versi text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
    EXECUTE format('SELECT count(*) FROM (SELECT dtks.skor_kesejahteraan(x.rumah_tangga, x.keluarga, x.kepala, x.ringkasan, %L) AS c,
                           (SELECT %s FROM (SELECT (x.rumah_tangga).*) h, (SELECT (x.keluarga).*) f,
                                   (SELECT (x.kepala).*) k, (SELECT x.ringkasan AS r) rr) AS s
                      FROM masuk x) y WHERE c IS DISTINCT FROM s', versi, dtks.skor_sql(versi)) INTO n;
    RETURN n;
END $$;
SELECT is(pg_temp.beda_c_sql('dtks-deprivasi-2026.1'), 0::bigint, 'the C scorer gives exactly the SQL expression''s score for every family');
SELECT is((SELECT count(*) FROM masuk x
            WHERE dtks.skor_kesejahteraan(x.no_kk, NULL, DATE '2026-01-01')
                  IS DISTINCT FROM dtks.skor_kesejahteraan(x.rumah_tangga, x.keluarga, x.kepala, x.ringkasan, 'dtks-deprivasi-2026.1')),
          0::bigint, 'the form by KK number gives the same score as the set-based inputs');
SELECT is((SELECT count(*) FROM masuk x
            WHERE abs((SELECT sum(r.kontribusi) FROM dtks.skor_rinci(x.no_kk, NULL, DATE '2026-01-01') r)
                      - dtks.skor_kesejahteraan(x.no_kk, NULL, DATE '2026-01-01')) > 1e-9),
          0::bigint, 'skor_rinci: the contributions add up to the score');

-- an agency's model with region overrides: the most specific region wins
SELECT is(dtks.skor_model_salin('dtks-deprivasi-2026.1', 'uji-wilayah', 'uji', daterange('2026-06-01', NULL)), 'uji-wilayah', 'copying a model');
CREATE TEMP TABLE lantai AS SELECT kode FROM (VALUES (1), (2)) v(kode);
INSERT INTO dtks.skor_bobot_wilayah (versi, kode_wilayah, variabel, kode, bobot) VALUES
    ('uji-wilayah', '34', 'jenis_lantai', 2, 20), ('uji-wilayah', '34.71', 'jenis_lantai', 2, 30),
    ('uji-wilayah', '34.71', 'punya_televisi', NULL, 7);
SELECT is(pg_temp.beda_c_sql('uji-wilayah'), 0::bigint, 'with region overrides, C and SQL still agree on every family');
SELECT is((SELECT count(*) FROM masuk x, dtks.skor_rinci(x.rumah_tangga, x.keluarga, x.kepala, x.ringkasan, 'uji-wilayah') r
            WHERE r.variabel = 'jenis_lantai' AND r.nilai = 2
              AND r.bobot <> CASE WHEN x.kode_wilayah <@ '34.71' THEN 30 ELSE 20 END),
          0::bigint, 'a keramik floor weighs 30 in Kota Yogyakarta and 20 elsewhere in the province');
SELECT cmp_ok((SELECT count(*) FROM masuk x WHERE x.kode_wilayah <@ '34.71' AND (x.rumah_tangga).jenis_lantai = 2), '>', 0::bigint,
              'some households in Kota Yogyakarta have that floor');
-- the cache follows a change in the same session
CREATE TEMP TABLE sebelum AS SELECT x.no_kk, dtks.skor_kesejahteraan(x.rumah_tangga, x.keluarga, x.kepala, x.ringkasan, 'uji-wilayah') AS s FROM masuk x;
UPDATE dtks.skor_bobot SET bobot = bobot + 1 WHERE versi = 'uji-wilayah' AND variabel = 'kepala_bekerja';
SELECT is((SELECT count(*) FROM masuk x JOIN sebelum b USING (no_kk)
            WHERE dtks.skor_kesejahteraan(x.rumah_tangga, x.keluarga, x.kepala, x.ringkasan, 'uji-wilayah')
                  <> b.s + CASE WHEN (x.kepala).bekerja THEN 1 ELSE 0 END),
          0::bigint, 'after a weight changes, the next score uses it (the model cache was invalidated)');

-- desil
SELECT is(dtks.hitung_desil('kabkota', 'dtks-deprivasi-2026.1', DATE '2026-01-01'), (SELECT count(*) FROM masuk), 'hitung_desil scores every active family');
SELECT is((SELECT count(DISTINCT desil) FROM dtks.skor_keluarga), 10::bigint, 'ten desil');
SELECT is((SELECT count(*) FROM (SELECT kode_lingkup, desil, max(skor) AS hi, lead(min(skor)) OVER (PARTITION BY kode_lingkup ORDER BY desil) AS lo_next
                                   FROM dtks.skor_keluarga GROUP BY 1, 2) d WHERE hi > lo_next),
          0::bigint, 'within each kab/kota a higher desil never has a lower score');
SELECT is((SELECT count(*) FROM dtks.skor_keluarga s JOIN masuk x USING (no_kk) WHERE s.kode_lingkup IS DISTINCT FROM dtks.leluhur(x.kode_wilayah, 2)),
          0::bigint, 'each family is ranked within its own kab/kota');
SELECT throws_ok($$SELECT dtks.hitung_desil('kabkota', 'dtks-deprivasi-2026.1', DATE '2026-01-01')$$, '23505', NULL, 'a date, model and scope is computed once');
SELECT throws_ok($$SELECT dtks.hitung_desil('kelurahan')$$, '22023', NULL, 'an unknown scope');

-- refused
SELECT throws_ok($$UPDATE dtks.skor_bobot SET bobot = 1 WHERE versi = 'dtks-deprivasi-2026.1' AND variabel = 'punya_ac'$$, '55000', NULL,
                 'the shipped model''s weights are read-only');
SELECT throws_ok($$INSERT INTO dtks.skor_model (versi, nama, berlaku, keterangan) VALUES ('tumpang', 'x', daterange('2027-01-01', NULL), 'x')$$,
                 '23P01', NULL, 'validity periods do not overlap');
SELECT throws_ok($$INSERT INTO dtks.skor_bobot (versi, variabel, kode, bobot) VALUES ('uji-wilayah', 'jenis_lantai', 42, 1)$$, '23514', NULL,
                 'a code the variable does not have');

SELECT * FROM finish();
ROLLBACK;
