-- Perbaikan NIK: the exact refusals (DTK11) of a NIK correction at the penetapan, and what a correction
-- that goes through records.  All in one transaction, rolled back: the suites after it see nothing.
SET search_path = dtks, public;
\set SHOW_CONTEXT never
\set ON_ERROR_ROLLBACK on
BEGIN;
SET LOCAL client_min_messages = warning;
CREATE ROLE uji_pusat_koreksi;
SELECT petugas_tetapkan('uji_pusat_koreksi', 'pusat');
RESET client_min_messages;
-- the month after the last one determined by the suites before, as on its 10th day
SELECT to_char(max(periode) + interval '1 month', 'YYYY-MM-DD') AS bulan FROM penetapan \gset
SELECT set_config('dtks.tanggal_acuan', to_char(:'bulan'::date + 9, 'YYYY-MM-DD'), true) IS NOT NULL AS acuan;
-- a family in DTKS with at least two current members, one of them not the kepala keluarga
CREATE TEMP TABLE kk AS
SELECT f.no_kk, h.kode_wilayah, row_number() OVER (ORDER BY f.no_kk) AS r,
       (SELECT m.nik FROM keanggotaan m WHERE m.no_kk = f.no_kk AND upper_inf(m.berlaku) AND m.shdk <> 1 ORDER BY m.nik LIMIT 1) AS anggota
  FROM keluarga f JOIN rumah_tangga h ON h.id = f.rumah_tangga_id
 WHERE f.status = 'aktif'
   AND EXISTS (SELECT 1 FROM penetapan_keluarga p WHERE p.no_kk = f.no_kk AND upper_inf(p.berlaku))
   AND EXISTS (SELECT 1 FROM keanggotaan m JOIN anggota a USING (nik)
                WHERE m.no_kk = f.no_kk AND upper_inf(m.berlaku) AND m.shdk <> 1 AND a.status_hidup = 'aktif')
 ORDER BY f.no_kk LIMIT 2;
SELECT count(*) AS keluarga FROM kk;
SELECT no_kk AS kk1, anggota AS x FROM kk WHERE r = 1 \gset
SELECT no_kk AS kk2, anggota AS y FROM kk WHERE r = 2 \gset
-- the corrected NIK: the member's own with another serial number; Dukcapil knows it and the second member
SELECT left(:'x', 12) || '9001' AS x2, left(:'x', 12) || '9002' AS x_asing \gset
INSERT INTO penduduk (nik, nama) VALUES (:'x2', 'Nik Dibetulkan'), (:'y', 'Anggota Lain') ON CONFLICT DO NOTHING;
CREATE FUNCTION pg_temp.koreksi(no_kk dtks.no_kk, daftar jsonb) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    id bigint;
BEGIN
    ALTER TABLE dtks.usulan DISABLE TRIGGER usulan_periksa;
    INSERT INTO dtks.usulan (jenis, sumber, kode_wilayah, no_kk, data, status, periode_penetapan)
    SELECT 'perbaikan', 'dinas', k.kode_wilayah, k.no_kk, jsonb_build_object('anggota', daftar), 'dikirim',
           date_trunc('month', current_setting('dtks.tanggal_acuan')::date)::date
      FROM pg_temp.kk k WHERE k.no_kk = koreksi.no_kk
    RETURNING usulan.id INTO id;
    ALTER TABLE dtks.usulan ENABLE TRIGGER usulan_periksa;
    RETURN id;
END $$;
CREATE FUNCTION pg_temp.kembalikan() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    ALTER TABLE dtks.usulan DISABLE TRIGGER usulan_periksa;
    UPDATE dtks.usulan SET status = 'dikembalikan', alasan = 'NIK belum benar' WHERE status = 'dikirim';
    ALTER TABLE dtks.usulan ENABLE TRIGGER usulan_periksa;
END $$;
SELECT count(*) AS dikirim_sebelumnya FROM usulan WHERE status = 'dikirim';
-- the new NIK unknown to Dukcapil
SELECT pg_temp.koreksi(:'kk1', jsonb_build_array(jsonb_build_object('nik_lama', :'x', 'nik', :'x_asing'))) > 0 AS dikirim;
SET ROLE uji_pusat_koreksi;
SELECT periode FROM tetapkan(:'bulan');
RESET ROLE;
SELECT pg_temp.kembalikan();
-- the new NIK active in another family
SELECT pg_temp.koreksi(:'kk1', jsonb_build_array(jsonb_build_object('nik_lama', :'x', 'nik', :'y'))) > 0 AS dikirim;
SET ROLE uji_pusat_koreksi;
SELECT periode FROM tetapkan(:'bulan');
RESET ROLE;
SELECT pg_temp.kembalikan();
-- nik_lama not a current member of the usulan's family, and nik_lama equal to nik: both listed
SELECT pg_temp.koreksi(:'kk1', jsonb_build_array(jsonb_build_object('nik_lama', :'y', 'nik', :'x2'),
                                                 jsonb_build_object('nik_lama', :'x', 'nik', :'x'))) > 0 AS dikirim;
SET ROLE uji_pusat_koreksi;
SELECT periode FROM tetapkan(:'bulan');
RESET ROLE;
SELECT pg_temp.kembalikan();
-- nik_lama in an usulan that is not a perbaikan
ALTER TABLE usulan DISABLE TRIGGER usulan_periksa;
INSERT INTO usulan (jenis, sumber, kode_wilayah, no_kk, data, alasan_penghentian, status, periode_penetapan)
SELECT 'penghentian', 'dinas', k.kode_wilayah, k.no_kk,
       jsonb_build_object('anggota', jsonb_build_array(jsonb_build_object('nik_lama', :'x2', 'nik', :'x'))), 'pindah', 'dikirim', :'bulan'
  FROM kk k WHERE k.r = 1;
ALTER TABLE usulan ENABLE TRIGGER usulan_periksa;
SET ROLE uji_pusat_koreksi;
SELECT periode FROM tetapkan(:'bulan');
RESET ROLE;
SELECT pg_temp.kembalikan();
SELECT count(*) AS koreksi, (SELECT count(*) FROM penetapan WHERE periode = :'bulan') AS bulan_tercatat FROM nik_koreksi;
-- the correction goes through: recorded, the member under the new NIK from the month, neither in nor out
SELECT pg_temp.koreksi(:'kk1', jsonb_build_array(jsonb_build_object('nik_lama', :'x', 'nik', :'x2'))) > 0 AS dikirim;
SET ROLE uji_pusat_koreksi;
SELECT usulan, anggota_masuk, anggota_keluar FROM tetapkan(:'bulan');
RESET ROLE;
SELECT nik_lama = :'x' AS nik_lama, nik = :'x2' AS nik, periode = :'bulan' AS periode, no_kk = :'kk1' AS no_kk FROM nik_koreksi;
SELECT nik = :'x2' AS nik_baru, status_hidup FROM anggota WHERE nik IN (:'x', :'x2') ORDER BY status_hidup;
SELECT (SELECT count(*) FROM penetapan_pada((:'bulan'::date - interval '1 month')::date) WHERE nik = :'x') AS bulan_lalu_lama,
       (SELECT count(*) FROM penetapan_pada((:'bulan'::date - interval '1 month')::date) WHERE nik = :'x2') AS bulan_lalu_baru,
       (SELECT count(*) FROM penetapan_pada(:'bulan') WHERE nik = :'x') AS bulan_ini_lama,
       (SELECT count(*) FROM penetapan_pada(:'bulan') WHERE nik = :'x2') AS bulan_ini_baru;
SELECT nik = :'x' AS lama, sejak = :'bulan' AS sejak_bulan_ini, sampai = :'bulan' AS sampai_bulan_ini FROM nik_rantai(:'x2');
ROLLBACK;
