-- The monthly penetapan: who may run it, a month once and in order, bad data refusing the month,
-- and what a small month looks like in the BI views.
SET search_path = dtks, public;
\set SHOW_CONTEXT never
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'uji_pusat_tetapkan') THEN CREATE ROLE uji_pusat_tetapkan; END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'uji_kabkota_tetapkan') THEN CREATE ROLE uji_kabkota_tetapkan; END IF;
END $$;
SET client_min_messages = warning;
SELECT petugas_tetapkan('uji_pusat_tetapkan', 'pusat'), petugas_tetapkan('uji_kabkota_tetapkan', 'kabkota', '34.71');
RESET client_min_messages;
-- the months below are determined as on 2030-01-10 (a superuser's setting): the coming month is 2030-02
SET dtks.tanggal_acuan = '2030-01-10';
-- what earlier suites left waiting for a penetapan
SELECT id, jenis, status, data ? 'anggota' AS ada_anggota FROM usulan WHERE status = 'dikirim' ORDER BY id;
-- a kab/kota office cannot determine a month
SET ROLE uji_kabkota_tetapkan;
SELECT * FROM tetapkan('2030-01-01');
RESET ROLE;
SET ROLE uji_pusat_tetapkan;
-- the sent usulan without members cannot be applied: the whole month is refused
SELECT * FROM tetapkan('2030-01-01');
RESET ROLE;
SELECT count(*) AS bulan_tercatat FROM penetapan;
-- the ministry returns them; the month goes through
ALTER TABLE usulan DISABLE TRIGGER usulan_periksa;
UPDATE usulan SET status = 'dikembalikan', alasan = 'anggota keluarga belum diisi' WHERE status = 'dikirim' AND NOT data ? 'anggota';
ALTER TABLE usulan ENABLE TRIGGER usulan_periksa;
SET ROLE uji_pusat_tetapkan;
SELECT periode, usulan, keluarga_keluar, anggota_keluar, program_mulai, desil_ulang, keluarga_masuk = (SELECT count(*) FROM keluarga WHERE status = 'aktif') AS semua_masuk
  FROM tetapkan('2030-01-17');
-- once, and in order
SELECT * FROM tetapkan('2030-01-01');
SELECT * FROM tetapkan('2029-12-01');
-- not beyond the coming month, and not with the month before it not determined (the first month was free)
SELECT * FROM tetapkan('2999-12-01');
SET dtks.tanggal_acuan = '2030-03-05';
RESET ROLE;
SET dtks.tanggal_acuan = '2030-03-05';
SET ROLE uji_pusat_tetapkan;
SELECT * FROM tetapkan('2030-03-01');
SELECT * FROM tetapkan('2030-05-01');
-- a perbaikan naming as kepala rumah tangga a person of another household: refused, not silently re-headed
RESET ROLE;
ALTER TABLE usulan DISABLE TRIGGER usulan_periksa;
INSERT INTO usulan (jenis, sumber, kode_wilayah, no_kk, data, status, periode_penetapan)
SELECT 'perbaikan', 'dinas', h.kode_wilayah, f.no_kk,
       jsonb_build_object('rumah_tangga', jsonb_build_object('kepala_nik',
           (SELECT m.nik::text FROM keanggotaan m JOIN keluarga g ON g.no_kk = m.no_kk
             WHERE upper_inf(m.berlaku) AND g.status = 'aktif' AND g.rumah_tangga_id <> f.rumah_tangga_id ORDER BY m.nik LIMIT 1))),
       'dikirim', '2030-02-01'
  FROM (SELECT f.* FROM keluarga f JOIN penetapan_keluarga k ON k.no_kk = f.no_kk AND upper_inf(k.berlaku) ORDER BY f.no_kk LIMIT 1) f
  JOIN rumah_tangga h ON h.id = f.rumah_tangga_id;
ALTER TABLE usulan ENABLE TRIGGER usulan_periksa;
SET ROLE uji_pusat_tetapkan;
SELECT * FROM tetapkan('2030-02-01');
RESET ROLE;
ALTER TABLE usulan DISABLE TRIGGER usulan_periksa;
UPDATE usulan SET status = 'dikembalikan', alasan = 'kepala rumah tangga di luar rumah tangga' WHERE status = 'dikirim';
ALTER TABLE usulan ENABLE TRIGGER usulan_periksa;
-- a perbaikan naming as kepala rumah tangga a member that another usulan of the month stops: refused too
ALTER TABLE usulan DISABLE TRIGGER usulan_periksa;
WITH f AS (SELECT f.*, (SELECT m.nik::text FROM keanggotaan m WHERE m.no_kk = f.no_kk AND upper_inf(m.berlaku) AND m.shdk <> 1
                         ORDER BY m.nik LIMIT 1) AS anggota
             FROM keluarga f JOIN penetapan_keluarga k ON k.no_kk = f.no_kk AND upper_inf(k.berlaku)
            WHERE EXISTS (SELECT 1 FROM keanggotaan m WHERE m.no_kk = f.no_kk AND upper_inf(m.berlaku) AND m.shdk <> 1)
            ORDER BY f.no_kk LIMIT 1)
INSERT INTO usulan (jenis, sumber, kode_wilayah, no_kk, data, alasan_penghentian, status, periode_penetapan)
SELECT j.jenis, 'dinas', h.kode_wilayah, f.no_kk, j.data, j.alasan, 'dikirim', '2030-02-01'
  FROM f JOIN rumah_tangga h ON h.id = f.rumah_tangga_id,
       LATERAL (VALUES ('perbaikan', jsonb_build_object('rumah_tangga', jsonb_build_object('kepala_nik', f.anggota)), NULL),
                       ('penghentian', jsonb_build_object('anggota', jsonb_build_array(jsonb_build_object('nik', f.anggota))), 'meninggal'))
               j(jenis, data, alasan);
ALTER TABLE usulan ENABLE TRIGGER usulan_periksa;
SET ROLE uji_pusat_tetapkan;
SELECT * FROM tetapkan('2030-02-01');
RESET ROLE;
ALTER TABLE usulan DISABLE TRIGGER usulan_periksa;
UPDATE usulan SET status = 'dikembalikan', alasan = 'kepala rumah tangga berhenti di bulan yang sama' WHERE status = 'dikirim';
ALTER TABLE usulan ENABLE TRIGGER usulan_periksa;
-- a bansos usulan for a family that leaves in the same month
RESET ROLE;
ALTER TABLE usulan DISABLE TRIGGER usulan_periksa;
INSERT INTO usulan (jenis, sumber, kode_wilayah, no_kk, program, alasan_penghentian, status, periode_penetapan)
SELECT j.jenis, 'dinas', h.kode_wilayah, f.no_kk, j.program, j.alasan, 'dikirim', '2030-02-01'
  FROM (SELECT f.* FROM keluarga f JOIN penetapan_keluarga k ON k.no_kk = f.no_kk AND upper_inf(k.berlaku) ORDER BY f.no_kk LIMIT 1) f
  JOIN rumah_tangga h ON h.id = f.rumah_tangga_id,
       (VALUES ('bansos', 'PKH', NULL), ('penghentian', NULL, 'mampu')) j(jenis, program, alasan);
ALTER TABLE usulan ENABLE TRIGGER usulan_periksa;
SET ROLE uji_pusat_tetapkan;
SELECT * FROM tetapkan('2030-02-01');
RESET ROLE;
-- the BI views of the month determined
SELECT periode, tingkat_nama, kode_wilayah, nama_wilayah, keluarga, anggota, rumah_tangga,
       desil_1 + desil_2 + desil_3 + desil_4 AS desil_1_4, laki_laki + perempuan = anggota AS jenis_kelamin_utuh,
       umur_0_5 + umur_6_17 + umur_18_59 + umur_60_lebih = anggota AS umur_utuh
  FROM v_penetapan_bulanan WHERE tingkat <= 2 ORDER BY periode, kode_wilayah;
-- a region with the regions above it, by name (a BI tool filters on any of the code columns)
SELECT tingkat_nama, kode_wilayah, nama_provinsi, nama_kabkota, kode_kecamatan, nama_kecamatan, kode_desa, nama_desa
  FROM v_penetapan_bulanan WHERE periode = '2030-01-01' AND kode_kecamatan = '34.71.01'
 ORDER BY tingkat, kode_wilayah LIMIT 3;
SELECT periode, kode_wilayah, keluarga_awal, keluarga_masuk, keluarga_keluar, keluarga_tetap, keluarga_akhir
  FROM v_penetapan_perubahan WHERE tingkat = 1 ORDER BY periode, kode_wilayah;
SELECT tingkat, kode_wilayah, nama_wilayah, jenis, sumber, jumlah, dikirim, ditetapkan, dikembalikan
  FROM v_usulan_rekap WHERE tingkat = 2 ORDER BY kode_wilayah, jenis, sumber;
