-- The registry and its integrity rules (checked at commit; a failing transaction stores nothing).
SET search_path = dtks, public;

-- a family added in any order: child first, head last
BEGIN;
INSERT INTO anggota (nik, nama, jenis_kelamin, tanggal_lahir, status_kawin) VALUES
    ('3171011708750001', 'Budi Santoso', 'L', '1975-08-17', 2),
    ('3171015708780001', 'Siti Aminah', 'P', '1978-08-17', 2),
    ('3171010101050001', 'Andi', 'L', '2005-01-01', 1);
INSERT INTO rumah_tangga (kode_wilayah, alamat, rt, rw, kepala_nik, jenis_lantai, sumber_penerangan, daya_listrik)
VALUES ('31.71.01.1001', 'Jl. Gambir I No. 1', '001', '002', '3171011708750001', 2, 1, '{2}');
INSERT INTO keluarga (no_kk, rumah_tangga_id, alasan_terbit)
VALUES ('3171012505180003', (SELECT id FROM rumah_tangga WHERE alamat = 'Jl. Gambir I No. 1'), 'baru');
INSERT INTO keanggotaan (nik, no_kk, shdk, berlaku) VALUES ('3171010101050001', '3171012505180003', 4, '[2018-05-25,)');
INSERT INTO keanggotaan (nik, no_kk, shdk, berlaku) VALUES ('3171015708780001', '3171012505180003', 3, '[2018-05-25,)');
INSERT INTO keanggotaan (nik, no_kk, shdk, berlaku) VALUES ('3171011708750001', '3171012505180003', 1, '[2018-05-25,)');
COMMIT;
SELECT no_kk, nik, shdk, berlaku FROM keanggotaan ORDER BY shdk;

-- rule 1: a NIK in a second KK at the same time
BEGIN;
INSERT INTO keluarga (no_kk, rumah_tangga_id) VALUES ('3171010101190001', (SELECT id FROM rumah_tangga LIMIT 1));
INSERT INTO keanggotaan (nik, no_kk, shdk, berlaku) VALUES ('3171010101050001', '3171010101190001', 1, '[2019-01-01,)');
COMMIT;
-- rule 2: an active KK without a kepala keluarga, and one with two
BEGIN;
INSERT INTO anggota (nik, nama, jenis_kelamin, tanggal_lahir) VALUES ('3171011708800002', 'Joko', 'L', '1980-08-17');
INSERT INTO keluarga (no_kk, rumah_tangga_id) VALUES ('3171010101190001', (SELECT id FROM rumah_tangga LIMIT 1));
INSERT INTO keanggotaan (nik, no_kk, shdk) VALUES ('3171011708800002', '3171010101190001', 4);
COMMIT;
BEGIN;
UPDATE keanggotaan SET berlaku = daterange(lower(berlaku), '2020-01-01') WHERE nik = '3171015708780001';
INSERT INTO keanggotaan (nik, no_kk, shdk, berlaku) VALUES ('3171015708780001', '3171012505180003', 1, '[2020-01-01,)');
COMMIT;
-- rule 3: an istri recorded as male; a suami beside a male kepala; two suami
BEGIN;
UPDATE anggota SET jenis_kelamin = 'L' WHERE nik = '3171015708780001';
COMMIT;
BEGIN;
INSERT INTO anggota (nik, nama, jenis_kelamin, tanggal_lahir) VALUES ('3171011708800002', 'Joko', 'L', '1980-08-17');
INSERT INTO keanggotaan (nik, no_kk, shdk) VALUES ('3171011708800002', '3171012505180003', 2);
COMMIT;
-- rule 4: the kepala rumah tangga is not a member of the household's families
BEGIN;
INSERT INTO anggota (nik, nama, jenis_kelamin, tanggal_lahir) VALUES ('3171011708800002', 'Joko', 'L', '1980-08-17');
UPDATE rumah_tangga SET kepala_nik = '3171011708800002';
COMMIT;
BEGIN;
INSERT INTO rumah_tangga (kode_wilayah, alamat) VALUES ('31.71.01.1002', 'Jl. Kebon Kelapa 2');
INSERT INTO anggota (nik, nama, jenis_kelamin, tanggal_lahir) VALUES ('3171011708800002', 'Joko', 'L', '1980-08-17');
INSERT INTO keluarga (no_kk, rumah_tangga_id) VALUES ('3171010101190001', currval('rumah_tangga_id_seq'));
INSERT INTO keanggotaan (nik, no_kk, shdk) VALUES ('3171011708800002', '3171010101190001', 1);
COMMIT;
-- rule 5: a household's region is a desa/kelurahan of the current edition
INSERT INTO rumah_tangga (kode_wilayah, alamat) VALUES ('31.71.01', 'Jl. Tanpa Desa');
INSERT INTO rumah_tangga (kode_wilayah, alamat) VALUES ('91.01.01.2001', 'Jl. Merauke Lama');
-- SET CONSTRAINTS ALL IMMEDIATE checks at once, inside the transaction
BEGIN;
INSERT INTO anggota (nik, nama, jenis_kelamin, tanggal_lahir) VALUES ('3171011708800002', 'Joko', 'L', '1980-08-17');
INSERT INTO keanggotaan (nik, no_kk, shdk) VALUES ('3171011708800002', '3171012505180003', 1);
SET CONSTRAINTS ALL IMMEDIATE;
ROLLBACK;
-- a failed check rolled back to a savepoint is checked again at commit
BEGIN;
INSERT INTO anggota (nik, nama, jenis_kelamin, tanggal_lahir) VALUES ('3171011708900002', 'Eko', 'L', '1990-08-17');
INSERT INTO keluarga (no_kk, rumah_tangga_id) VALUES ('3171010202200001', (SELECT id FROM rumah_tangga LIMIT 1));
INSERT INTO keanggotaan (nik, no_kk, shdk) VALUES ('3171011708900002', '3171010202200001', 4);
SAVEPOINT sebelum_periksa;
SET CONSTRAINTS ALL IMMEDIATE;
ROLLBACK TO SAVEPOINT sebelum_periksa;
SET CONSTRAINTS ALL DEFERRED;
COMMIT;
-- nothing of the failed transactions was stored
SELECT (SELECT count(*) FROM anggota) AS anggota, (SELECT count(*) FROM keluarga) AS keluarga,
       (SELECT count(*) FROM keanggotaan) AS keanggotaan, (SELECT count(*) FROM rumah_tangga) AS rumah_tangga;

-- membership is history: it can only be closed, never rewritten
UPDATE keanggotaan SET shdk = 4 WHERE nik = '3171015708780001';
UPDATE keanggotaan SET berlaku = '[2017-01-01,)' WHERE nik = '3171015708780001';
-- a pecah KK: the son leaves on 2024-03-01 and heads a new KK in a new household
BEGIN;
UPDATE keanggotaan SET berlaku = daterange(lower(berlaku), '2024-03-01') WHERE nik = '3171010101050001';
INSERT INTO rumah_tangga (kode_wilayah, alamat, kepala_nik) VALUES ('31.71.01.1003', 'Jl. Petojo 3', '3171010101050001');
INSERT INTO keluarga (no_kk, rumah_tangga_id, asal_no_kk, alasan_terbit)
VALUES ('3171010103240001', currval('rumah_tangga_id_seq'), '3171012505180003', 'pecah_kk');
INSERT INTO keanggotaan (nik, no_kk, shdk, berlaku) VALUES ('3171010101050001', '3171010103240001', 1, '[2024-03-01,)');
COMMIT;
-- which KK was this person in on a date
SELECT d, kk_pada('3171010101050001', d) FROM unnest(ARRAY[DATE '2010-01-01', '2020-06-01', '2024-02-29', '2024-03-01']) AS d;
SELECT no_kk, shdk, berlaku FROM keanggotaan WHERE nik = '3171010101050001' ORDER BY berlaku;

-- the rules can be checked on demand over any keys
SELECT aturan, pesan FROM registri_pelanggaran(ARRAY(SELECT nik FROM anggota), ARRAY(SELECT no_kk FROM keluarga), ARRAY(SELECT id FROM rumah_tangga));

-- coded answers are checked against their code lists
UPDATE rumah_tangga SET jenis_lantai = 10 WHERE alamat = 'Jl. Gambir I No. 1';
UPDATE rumah_tangga SET daya_listrik = '{2,6}' WHERE alamat = 'Jl. Gambir I No. 1';
UPDATE anggota SET kartu_identitas = 8 WHERE nik = '3171010101050001';
UPDATE anggota SET status_hidup = 'meninggal' WHERE nik = '3171010101050001';

-- every change lands in the append-only history, with the application's user
SET dtks.petugas = 'operator.gambir';
UPDATE anggota SET nama = 'Andi Santoso', status_kawin = 2 WHERE nik = '3171010101050001';
RESET dtks.petugas;
SELECT tabel, operasi, count(*) FROM riwayat GROUP BY 1, 2 ORDER BY 1, 2;
SELECT pengguna = SESSION_USER AS pengguna_sesi, petugas, kunci, lama, baru
  FROM riwayat WHERE tabel = 'anggota' AND operasi = 'UPDATE';
SELECT kunci, lama, baru FROM riwayat WHERE tabel = 'keanggotaan' AND operasi = 'UPDATE' ORDER BY id;
-- only a superuser may change history, even a role granted the privilege
-- (a kab/kota office given UPDATE on anggota: row-level security keeps it inside 31.71)
CREATE ROLE dtks_operator_uji;
SELECT petugas_tetapkan('dtks_operator_uji', 'kabkota', '31.71');
GRANT UPDATE ON anggota TO dtks_operator_uji;
GRANT SELECT, UPDATE, DELETE, TRUNCATE ON riwayat_anggota TO dtks_operator_uji;
SET ROLE dtks_operator_uji;
UPDATE anggota SET tempat_lahir = 'Jakarta' WHERE nik = '3171010101050001';
DELETE FROM riwayat_anggota;
UPDATE riwayat_anggota SET petugas = 'palsu';
TRUNCATE riwayat_anggota;
RESET ROLE;
-- a change made without dtks.petugas records no application user (NULL, not '')
SELECT petugas IS NULL AS tanpa_petugas FROM riwayat_anggota ORDER BY id DESC LIMIT 1;
-- one row's history, by its key index
SELECT operasi, (lama).nama AS nama_lama, (baru).nama AS nama_baru FROM riwayat_anggota
 WHERE (coalesce(baru, lama)).nik = '3171010101050001' ORDER BY id;
SELECT operasi, pengguna = SESSION_USER AS pengguna_sesi, baru FROM riwayat ORDER BY id DESC LIMIT 1;
DROP OWNED BY dtks_operator_uji;
DELETE FROM petugas_peran WHERE pengguna = 'dtks_operator_uji';
DROP ROLE dtks_operator_uji;
