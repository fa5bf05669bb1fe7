-- The matching with Dukcapil by NIK, name and address: the neighbourhoods looked up, the candidates with their
-- comparison, the findings of a matching run, and the messages of the refusals.  One transaction, rolled back.
SET search_path = dtks, public;
\set ON_ERROR_ROLLBACK on
BEGIN;
SET LOCAL dtks.tanggal_acuan = '2026-11-15';
INSERT INTO penduduk (nik, no_kk, nama, tanggal_lahir, jenis_kelamin, alamat, kode_wilayah, hidup) VALUES
    ('3171011407850001', '3171010101100001', 'BUDI SANTOSO', '1985-07-14', 'L', 'JL. KEBON SIRIH 12 RT 002 RW 003', '31.71.01.1001', true),
    ('3171015203900002', '3171010101100001', 'SITI AMINAH', '1990-03-12', 'P', 'JL. KEBON SIRIH 12 RT 002 RW 003', '31.71.01.1001', true),
    ('3171011008150003', '3171010101100001', 'HASAN BASRI', '2015-08-10', 'L', 'JL. KEBON SIRIH 12 RT 002 RW 003', '31.71.01.1001', true),
    ('3171011008150004', '3171010101100001', 'HUSEN BASRI', '2015-08-10', 'L', 'JL. KEBON SIRIH 12 RT 002 RW 003', '31.71.01.1001', true),
    ('3171014101800009', '3171010501090005', 'NURHAYATI', '1980-01-01', 'P', 'JL. KEBON SIRIH 20', '31.71.01.1001', false),
    ('3171022306820011', '3171020701050007', 'DJOKO WIDODO', '1982-06-23', 'L', 'JL. SALEMBA 7', '31.71.02.1001', true),
    ('3174012306820012', '3171020801160008', 'JOKO WIDODO', '1982-06-23', 'L', 'JL SALEMBA NO 7', '31.71.02.1001', true),
    ('3404011212700008', '3404010401080004', 'SUKARNO HADI', '1970-12-12', 'L', 'DUSUN NGENTAK', '34.04.01.2001', true);
SELECT nama_kunci, tanggal_lahir FROM penduduk WHERE nik = '3171022306820011';
-- the neighbourhoods
SELECT cardinality(nik_sekitar('3171011407850001')) AS enam_belas, cardinality(nik_sekitar('317101140785001')) AS lima_belas,
       cardinality(nik_sekitar('31710114078500011')) AS tujuh_belas, cardinality(nik_sekitar('12345')) AS lain,
       '3171011407850001'::nik = ANY (nik_sekitar('3171010714850001')) AS tanggal_bulan_kembali;
SELECT tanggal_sekitar('1990-03-12'), tanggal_sekitar('2000-02-29'), tanggal_dari_teks('1990-02-30'), tanggal_dari_teks(' 1990-02-28 ');
-- the candidates: one digit wrong and a typing error in the name; the NIK of the twin; nobody
SELECT nik, round(skor::numeric, 2) AS skor, rincian FROM cari_penduduk('3171011407850009', 'Budi Santosa', '1985-07-14', 'L', '31.71.01.1001');
SELECT nik, round(skor::numeric, 2) AS skor, rincian #>> '{nik,tingkat}' AS nik_tingkat, rincian #>> '{nama,tingkat}' AS nama_tingkat
  FROM cari_penduduk('3171011008150004', 'Hasan Basri', '2015-08-10', 'L', '31.71.01.1001');
SELECT count(*) FROM cari_penduduk('3171012509990099', 'Rudi Hartono', '1999-09-25', 'L', '31.71.01.1001');
SELECT nik, rincian -> 'hidup' AS hidup FROM cari_penduduk(NULL, 'Nurhayati', '1980-01-01', 'P', '31.71.01.1001');
-- the duplicates
SELECT sumber, nik_a, nik_b, round(skor::numeric, 2) AS skor, alasan FROM calon_ganda('31.71');
-- the refusals
SELECT * FROM cari_penduduk(NULL, 'Budi', NULL, NULL, NULL, 0);
SELECT padan_nilai('tidak_ada', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
CREATE ROLE uji_tanpa_kantor;
GRANT USAGE ON SCHEMA dtks TO uji_tanpa_kantor;
GRANT EXECUTE ON FUNCTION cari_penduduk(text, text, date, text, kode_wilayah, integer), calon_ganda(kode_wilayah) TO uji_tanpa_kantor;
CREATE ROLE uji_dinsos_sleman;
SELECT petugas_tetapkan('uji_dinsos_sleman', 'kabkota', '34.04');
SET LOCAL ROLE uji_tanpa_kantor;
SELECT * FROM cari_penduduk('3171011407850001', NULL, NULL, NULL, NULL);
RESET ROLE;
SET LOCAL ROLE uji_dinsos_sleman;
SELECT * FROM calon_ganda('31.71');
SELECT nik FROM cari_penduduk('3171011407850001', 'Budi Santoso', '1985-07-14', 'L', NULL);
RESET ROLE;
-- a matching run: the findings per member
ALTER TABLE usulan DISABLE TRIGGER usulan_periksa;
INSERT INTO usulan (jenis, sumber, kode_wilayah, status, berita_acara, data) VALUES
    ('baru', 'musdes', '31.71.01.1001', 'diajukan', 'BA/PADAN/1',
     '{"rumah_tangga": {"alamat": "Jl. Kebon Sirih 12 RT 002 RW 003"},
       "anggota": [{"nik": "3171011407850009", "nama": "Budi Santoso", "tanggal_lahir": "1985-07-14", "jenis_kelamin": "L"},
                   {"nik": "", "nama": "Siti Aminah", "tanggal_lahir": "1990-03-12", "jenis_kelamin": "P"},
                   {"nik": "3171014101800009", "nama": "Nurhayati", "tanggal_lahir": "1980-01-01", "jenis_kelamin": "P"},
                   {"nik": "3404011212700008", "nama": "Bambang", "tanggal_lahir": "1970-12-12", "jenis_kelamin": "L"},
                   {"nik": "3171022306820011", "nama": "Djoko Widodo", "tanggal_lahir": "1982-06-23", "jenis_kelamin": "L"}]}');
ALTER TABLE usulan ENABLE TRIGGER usulan_periksa;
SELECT diperiksa, padan, tidak_padan FROM padankan_usulan('31.71.01.1001');
SELECT t.urutan, t.nik, t.temuan, t.menghalangi, t.nik_usulan, round(t.skor::numeric, 2) AS skor, t.rincian #>> '{nik,tingkat}' AS nik_tingkat,
       CASE WHEN t.temuan = 'alamat_beda' THEN t.rincian END AS alamat
  FROM usulan_temuan t JOIN usulan u ON u.id = t.usulan WHERE u.berita_acara = 'BA/PADAN/1' ORDER BY t.urutan, t.temuan;
SELECT p.urutan, p.nik_ketik, p.nik, p.cara FROM usulan_padan p JOIN usulan u ON u.id = p.usulan
 WHERE u.berita_acara = 'BA/PADAN/1' ORDER BY p.urutan;
SELECT regexp_replace(alasan, '^pemadanan [0-9]+', 'pemadanan N') AS alasan FROM usulan WHERE berita_acara = 'BA/PADAN/1';
ROLLBACK;
