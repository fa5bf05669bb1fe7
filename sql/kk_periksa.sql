-- Non-blocking checks, the kinship graph and the components of families.
SET search_path = dtks, public;

-- a three-generation family in Yogyakarta with every kind of finding in it
BEGIN;
INSERT INTO anggota (nik, nama, jenis_kelamin, tanggal_lahir, status_kawin, status_hidup, tanggal_meninggal,
                     kartu_identitas, partisipasi_sekolah, bekerja, penyakit_kronis, jaminan_kesehatan) VALUES
    -- kepala; his NIK says 17-08-60 but the record was corrected to 1961
    ('3471091708600001', 'Sutrisno', 'L', '1961-08-17', 2, 'aktif', NULL, 4, 3, true, 1, 1),
    -- istri; her NIK says male (day field 01-31)
    ('3471090303650002', 'Suminah', 'P', '1965-03-03', 2, 'aktif', NULL, 4, 3, false, 2, 1),
    -- anak older than the kepala
    ('3471090101550003', 'Paijo', 'L', '1955-01-01', 1, 'aktif', NULL, 4, 3, true, 1, 1),
    -- anak only 10 years younger than the kepala, married at 17 on the reference date
    ('3471094505710004', 'Wati', 'P', '1971-05-05', 2, 'aktif', NULL, 4, 3, false, 1, 1),
    -- twins with the same name and birth date, one NIK from an unknown kecamatan (34.71.99)
    ('3471091012100005', 'Bagus', 'L', '2010-12-10', 1, 'aktif', NULL, 1, 2, NULL, 1, 1),
    ('3471991012100006', 'Bagus', 'L', '2010-12-10', 1, 'aktif', NULL, 1, 2, NULL, 1, 1),
    -- orang tua of the kepala, dead but still a member
    ('3471090101300007', 'Mbah Karto', 'L', '1930-01-01', 4, 'meninggal', '2023-06-01', 4, 3, false, 2, 1),
    -- cucu with missing attributes
    ('3471095002200008', 'Sekar', 'P', '2020-02-10', 1, 'aktif', NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO rumah_tangga (kode_wilayah, alamat, rt, rw, kepala_nik, status_bangunan, luas_lantai, jenis_lantai,
                          jenis_dinding, jenis_atap, sumber_air_minum, sumber_penerangan, bahan_bakar, fasilitas_bab)
VALUES ('34.71.09.1002', 'Jl. Rotowijayan 5', '003', '001', '3471091708600001', 1, 72, 2, 1, 2, 3, 1, 4, 1);
INSERT INTO keluarga (no_kk, rumah_tangga_id) VALUES ('3471090501880001', currval('rumah_tangga_id_seq'));
INSERT INTO keanggotaan (nik, no_kk, shdk, berlaku)
SELECT n::nik, '3471090501880001', s, '[1988-01-05,)'
  FROM (VALUES ('3471091708600001', 1), ('3471090303650002', 3), ('3471090101550003', 4), ('3471094505710004', 4),
               ('3471091012100005', 4), ('3471991012100006', 4), ('3471090101300007', 7), ('3471095002200008', 6)) AS v(n, s);
COMMIT;
SELECT nik, aturan, tingkat, keterangan FROM kk_periksa('3471090501880001', DATE '1988-06-01');
SELECT nik, aturan, tingkat FROM kk_periksa('3471090501880001', DATE '2026-01-01');
SELECT no_kk, count(*) FILTER (WHERE tingkat = 'galat') AS galat, count(*) FILTER (WHERE tingkat = 'peringatan') AS peringatan
  FROM kk_periksa_wilayah('34.71', DATE '2026-01-01') GROUP BY no_kk ORDER BY no_kk;
SELECT count(*) AS di_luar_wilayah FROM kk_periksa_wilayah('31', DATE '2026-01-01') WHERE no_kk = '3471090501880001';

-- the household's location against its desa (dtks.lokasi_toleransi metres; the kecamatan where the desa has no
-- boundary): inside its desa of Kota Yogyakarta, then at Monas in Jakarta, then with a tolerance of 1,000 km
UPDATE rumah_tangga SET lokasi = (SELECT ST_PointOnSurface(batas) FROM wilayah WHERE kode = '34.71.09.1002')
 WHERE kepala_nik = '3471091708600001';
SELECT count(*) AS di_luar_desa FROM kk_periksa('3471090501880001', DATE '2026-01-01') WHERE aturan = 'lokasi_luar_wilayah';
UPDATE rumah_tangga SET lokasi = ST_SetSRID(ST_MakePoint(106.8272, -6.1754), 4326) WHERE kepala_nik = '3471091708600001';
SELECT aturan, tingkat, keterangan FROM kk_periksa('3471090501880001', DATE '2026-01-01') WHERE aturan = 'lokasi_luar_wilayah';
SET dtks.lokasi_toleransi = 1000000;
SELECT count(*) AS di_luar_desa FROM kk_periksa('3471090501880001', DATE '2026-01-01') WHERE aturan = 'lokasi_luar_wilayah';
RESET dtks.lokasi_toleransi;
UPDATE rumah_tangga SET lokasi = NULL WHERE kepala_nik = '3471091708600001';

-- the kinship graph of that family
SELECT nik_a, nik_b, hubungan FROM kk_graf('3471090501880001', DATE '2026-01-01');

-- families connected over time: the son of the Gambir family (registri test) moved out under a new KK;
-- a second family sharing the Yogyakarta household joins that component
BEGIN;
INSERT INTO anggota (nik, nama, jenis_kelamin, tanggal_lahir) VALUES ('3471091708900009', 'Joko', 'L', '1990-08-17');
INSERT INTO keluarga (no_kk, rumah_tangga_id) VALUES ('3471090101200002', (SELECT rumah_tangga_id FROM keluarga WHERE no_kk = '3471090501880001'));
INSERT INTO keanggotaan (nik, no_kk, shdk) VALUES ('3471091708900009', '3471090101200002', 1);
COMMIT;
SELECT no_kk, komponen, ukuran FROM kk_komponen() ORDER BY komponen, no_kk;
