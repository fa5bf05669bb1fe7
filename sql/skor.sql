-- Welfare score models as data: what is refused when written, why a family has its score, desil.
SET search_path = dtks, public;

-- the shipped model: a transparent deprivation index, not the official PMT
SELECT versi, berlaku, konstanta, bawaan, (SELECT count(*) FROM skor_bobot b WHERE b.versi = m.versi) AS bobot
  FROM skor_model m;

-- a model of the agency's own, copied from the shipped one (which holds wherever no agency model does)
SELECT skor_model_salin('dtks-deprivasi-2026.1', 'dinsos-uji-2027', 'Model uji', daterange('2030-01-01', NULL));
-- refused when written: unknown variable, unknown code, a code for a yes/no variable, batas on a code variable
INSERT INTO skor_bobot (versi, variabel, kode, bobot) VALUES ('dinsos-uji-2027', 'jenis_pagar', 1, -2);
INSERT INTO skor_bobot (versi, variabel, kode, bobot) VALUES ('dinsos-uji-2027', 'jenis_lantai', 12, -2);
INSERT INTO skor_bobot (versi, variabel, kode, bobot) VALUES ('dinsos-uji-2027', 'punya_mobil', 1, 5);
INSERT INTO skor_bobot (versi, variabel, kode, bobot, batas) VALUES ('dinsos-uji-2027', 'jenis_atap', 1, 1, 3);
-- an overlapping validity period
INSERT INTO skor_model (versi, nama, berlaku, keterangan) VALUES ('dinsos-tumpang', 'x', daterange('2031-01-01', '2032-01-01'), 'x');
-- region overrides: an unknown region, a weight the model does not have
INSERT INTO skor_bobot_wilayah (versi, kode_wilayah, variabel, kode, bobot) VALUES ('dinsos-uji-2027', '34.99', 'jenis_lantai', 8, -12);
INSERT INTO skor_bobot_wilayah (versi, kode_wilayah, variabel, kode, bobot) VALUES ('dinsos-uji-2027', '34.71', 'jenis_lantai', 3, -1);
INSERT INTO skor_bobot_wilayah (versi, kode_wilayah, variabel, kode, bobot) VALUES ('dinsos-uji-2027', '34.71', 'jenis_lantai', 8, -12);
-- the shipped model is read-only
UPDATE skor_bobot SET bobot = -20 WHERE versi = 'dtks-deprivasi-2026.1' AND variabel = 'jenis_lantai' AND kode = 8;
-- an unknown version
SELECT skor_kesejahteraan(NULL::rumah_tangga, NULL::keluarga, NULL::anggota, '{}', 'tidak-ada');

-- a family, and why it has its score
SELECT sintetis_muat(2027, 40, '34.71') IS NOT NULL AS dimuat;
SELECT variabel, nilai, bobot, kontribusi FROM skor_rinci((SELECT f.no_kk FROM keluarga f JOIN rumah_tangga h ON h.id = f.rumah_tangga_id WHERE h.kode_wilayah <@ '34.71' ORDER BY f.no_kk LIMIT 1), NULL, '2026-01-01')
 WHERE kontribusi <> 0 ORDER BY variabel;
SELECT skor_kesejahteraan((SELECT f.no_kk FROM keluarga f JOIN rumah_tangga h ON h.id = f.rumah_tangga_id WHERE h.kode_wilayah <@ '34.71' ORDER BY f.no_kk LIMIT 1), NULL, '2026-01-01') AS skor,
       (SELECT sum(kontribusi) FROM skor_rinci((SELECT f.no_kk FROM keluarga f JOIN rumah_tangga h ON h.id = f.rumah_tangga_id WHERE h.kode_wilayah <@ '34.71' ORDER BY f.no_kk LIMIT 1), NULL, '2026-01-01')) AS jumlah_kontribusi;

-- the model cache follows a change made by another session (an invalidation sent at its commit)
\setenv PGDATABASE :DBNAME
SELECT skor_kesejahteraan((SELECT f.no_kk FROM keluarga f JOIN rumah_tangga h ON h.id = f.rumah_tangga_id WHERE h.kode_wilayah <@ '34.71' ORDER BY f.no_kk LIMIT 1), 'dinsos-uji-2027', '2026-01-01') AS sebelum;
\! psql -X -q -c "UPDATE dtks.skor_model SET konstanta = 50 WHERE versi = 'dinsos-uji-2027'"
SELECT skor_kesejahteraan((SELECT f.no_kk FROM keluarga f JOIN rumah_tangga h ON h.id = f.rumah_tangga_id WHERE h.kode_wilayah <@ '34.71' ORDER BY f.no_kk LIMIT 1), 'dinsos-uji-2027', '2026-01-01') AS sesudah;

-- desil within kab/kota, stored; a used model keeps its weights
SELECT hitung_desil('kabkota', NULL, '2026-01-01') AS keluarga;
SELECT desil, count(*) FROM skor_keluarga GROUP BY desil ORDER BY desil;
SELECT hitung_desil('kabkota', NULL, '2026-01-01');
SELECT hitung_desil('kecamatan', NULL, '2026-01-01');
UPDATE skor_model SET berlaku = daterange('2020-01-01', '2029-01-01') WHERE versi = 'dtks-deprivasi-2026.1';
SELECT skor_model_pada('2026-01-01') AS berlaku_2026, skor_model_pada('2031-01-01') AS berlaku_2031;
SELECT skor_model_salin('dtks-deprivasi-2026.1', 'dinsos-uji-2028', 'Model uji 2', daterange('2029-01-01', '2030-01-01'));
SELECT hitung_desil('nasional', 'dinsos-uji-2028', '2026-01-01') AS keluarga;
UPDATE skor_bobot SET bobot = -11 WHERE versi = 'dinsos-uji-2028' AND variabel = 'jenis_lantai' AND kode = 8;
DELETE FROM skor_model WHERE versi = 'dinsos-uji-2028';

-- eligibility, with every reason a family is not eligible
SELECT p.kode, l.layak, l.alasan
  FROM program p, layak_program((SELECT f.no_kk FROM keluarga f JOIN rumah_tangga h ON h.id = f.rumah_tangga_id WHERE h.kode_wilayah <@ '34.71' ORDER BY f.no_kk LIMIT 1), p.kode, '2026-02-01') l
 ORDER BY p.kode;
SELECT * FROM layak_program('3171012505180003', 'BANSOS_X', '2026-02-01');
SELECT * FROM layak_program('3171010101990001', 'PKH', '2026-02-01');
-- the BPS 14 criteria of that family (8-11 are not recorded), and Kepmensos 262
SELECT * FROM kriteria_bps14_rinci((SELECT f.no_kk FROM keluarga f JOIN rumah_tangga h ON h.id = f.rumah_tangga_id WHERE h.kode_wilayah <@ '34.71' ORDER BY f.no_kk LIMIT 1), '2026-01-01');
SELECT * FROM kriteria_bps14((SELECT f.no_kk FROM keluarga f JOIN rumah_tangga h ON h.id = f.rumah_tangga_id WHERE h.kode_wilayah <@ '34.71' ORDER BY f.no_kk LIMIT 1), '2026-01-01');
SELECT * FROM kriteria_kemensos262((SELECT f.no_kk FROM keluarga f JOIN rumah_tangga h ON h.id = f.rumah_tangga_id WHERE h.kode_wilayah <@ '34.71' ORDER BY f.no_kk LIMIT 1), '2026-01-01');
