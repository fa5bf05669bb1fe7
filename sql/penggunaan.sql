-- Penggunaan: an agency's permohonan data, its steps, the handover, the laporan hasil pemanfaatan,
-- the reporting rule (DTK06) with two real sessions racing to hand data to one agency, and the
-- export.  Assumes a month is already determined (dtks.penetapan) with members in 31.71.01.
-- Messages are pinned with their DETAIL and HINT; the PL/pgSQL CONTEXT lines are not shown.
SET search_path = dtks, public;
\set SHOW_CONTEXT never
SELECT count(*) > 0 AS ada_bulan FROM penetapan;
CREATE ROLE peng_jakpus LOGIN;
CREATE ROLE peng_jakpus_2 LOGIN;
CREATE ROLE peng_bekasi LOGIN;
CREATE ROLE peng_pusat LOGIN;
CREATE ROLE peng_desa LOGIN;
CREATE ROLE peng_pembaca LOGIN IN ROLE dtks_pembaca;
SELECT count(petugas_tetapkan(p, r, w::kode_wilayah)) AS petugas
  FROM (VALUES ('peng_jakpus', 'kabkota', '31.71'), ('peng_jakpus_2', 'kabkota', '31.71'), ('peng_bekasi', 'kabkota', '32.75'),
               ('peng_pusat', 'pusat', NULL), ('peng_desa', 'desa', '31.71.01.1001')) v(p, r, w);

-- agencies: one row per normalised name
SET ROLE peng_jakpus;
INSERT INTO instansi (nama, jenis) VALUES ('Dinas Kesehatan Provinsi DKI Jakarta', 'perangkat_daerah'), ('Baznas Kota Jakarta Pusat', 'lembaga');
INSERT INTO instansi (nama, jenis) VALUES ('DINAS KESEHATAN provinsi  DKI Jakarta.', 'perangkat_daerah');
SELECT id, nama, nama_kunci, jenis FROM instansi ORDER BY id;

-- permohonan: the fields are kept once each in catalogue order; unknown fields and regions,
-- another kab/kota's region, a desa, a row inserted past diajukan
INSERT INTO permohonan_data (instansi, nomor_surat, tanggal_surat, tujuan, kode_wilayah, kolom) VALUES
    (1, '440/101/Dinkes', '2026-02-02', 'bantuan_sosial', '31.71.01', '{alamat,nik,nama,nik}'),
    (1, '440/102/Dinkes', '2026-02-03', 'penanganan_fakir_miskin', '31.71.02', '{nik,desil}'),
    (2, '12/Baznas-JP/2026', '2026-02-04', 'pemberdayaan_sosial', '31.71', '{no_kk,program}'),
    (2, '13/Baznas-JP/2026', '2026-02-05', 'pemberdayaan_sosial', '31.71.03', '{no_kk}');
SELECT id, instansi, tujuan, kode_wilayah, kolom, status, dicatat_oleh FROM permohonan_data ORDER BY id;
INSERT INTO permohonan_data (instansi, nomor_surat, tanggal_surat, tujuan, kode_wilayah, kolom)
VALUES (1, '440/9/Dinkes', '2026-02-06', 'bantuan_sosial', '31.71.01', '{nama,gaji}');
INSERT INTO permohonan_data (instansi, nomor_surat, tanggal_surat, tujuan, kode_wilayah, kolom)
VALUES (1, '440/9/Dinkes', '2026-02-06', 'bantuan_sosial', '31.71.99', '{nama}');
INSERT INTO permohonan_data (instansi, nomor_surat, tanggal_surat, tujuan, kode_wilayah, kolom)
VALUES (1, '440/9/Dinkes', '2026-02-06', 'bantuan_sosial', '32.75', '{nama}');
INSERT INTO permohonan_data (instansi, nomor_surat, tanggal_surat, tujuan, kode_wilayah, kolom)
VALUES (1, '440/9/Dinkes', '2026-02-06', 'lainnya', '31.71', '{nama}');
SET ROLE peng_desa;
INSERT INTO permohonan_data (instansi, nomor_surat, tanggal_surat, tujuan, kode_wilayah, kolom)
VALUES (1, '440/9/Dinkes', '2026-02-06', 'bantuan_sosial', '31.71.01.1001', '{nama}');
RESET ROLE;
INSERT INTO permohonan_data (instansi, nomor_surat, tanggal_surat, tujuan, kode_wilayah, kolom, status)
VALUES (1, '440/9/Dinkes', '2026-02-06', 'bantuan_sosial', '31.71.01', '{nama}', 'disetujui');

-- steps: what is not a step, what a step needs, a second session's same step, the lock
SET ROLE peng_jakpus;
UPDATE permohonan_data SET status = 'diserahkan' WHERE id = 1;
UPDATE permohonan_data SET status = 'ditolak' WHERE id = 4;
UPDATE permohonan_data SET status = 'ditolak', alasan = 'wilayah tidak sesuai program' WHERE id = 4;
UPDATE permohonan_data SET status = 'disetujui' WHERE id = 4;
UPDATE permohonan_data SET status = 'disetujui' WHERE id IN (1, 3);
UPDATE permohonan_data SET status = 'disetujui' WHERE id = 1;
UPDATE permohonan_data SET kolom = '{nik,nama,alamat,tanggal_lahir}' WHERE id = 1;
UPDATE permohonan_data SET status = 'diserahkan' WHERE id = 1;
SET ROLE peng_bekasi;
UPDATE permohonan_data SET status = 'disetujui' WHERE id = 2;
RESET ROLE;
UPDATE permohonan_data SET instansi = 2 WHERE id = 2;
UPDATE permohonan_data SET diputuskan_oleh = 'x' WHERE id = 1;
SELECT id, status, alasan, diputuskan_oleh FROM permohonan_data ORDER BY id;

-- the export: another kab/kota, an undecided permohonan, then the approved one (exactly its region
-- and fields, as of the latest month), logged
SELECT max(periode) AS bulan FROM penetapan \gset
SET ROLE peng_bekasi;
SELECT * FROM ekspor_data(1);
SET ROLE peng_jakpus;
SELECT * FROM ekspor_data(2);
SELECT * FROM ekspor_data(4);
CREATE TEMP TABLE ekspor_1 AS SELECT e FROM ekspor_data(1) e;
RESET ROLE;
SELECT count(*) > 0 AS ada_baris,
       count(*) = (SELECT count(*) FROM penetapan_pada(:'bulan', '31.71.01')) AS semua_anggota,
       bool_and((SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(e) k) = '{alamat,nama,nik}') AS kolom_diminta,
       bool_and((e ->> 'nik')::nik IN (SELECT nik FROM penetapan_pada(:'bulan', '31.71.01'))) AS di_wilayah,
       bool_and(e ->> 'nama' = (SELECT a.nama FROM anggota a WHERE a.nik = (e ->> 'nik')::nik)) AS nama_registri
  FROM ekspor_1;
DROP TABLE ekspor_1;
SELECT permohonan, pengguna, pelaku, peran, periode = :'bulan' AS bulan_terakhir, kode_wilayah, kolom,
       jumlah_baris = (SELECT count(*) FROM penetapan_pada(:'bulan', '31.71.01')) AS jumlah_benar
  FROM ekspor_log ORDER BY id;

-- the handover takes the permohonan to diserahkan; the agency now owes a laporan: no new
-- permohonan (whoever records it), no approval, no export of its other permohonan
SET ROLE peng_jakpus;
INSERT INTO berita_acara_serah_terima (permohonan, nomor, tanggal, diserahkan_oleh, diterima_oleh)
VALUES (2, 'BA/01/2026', '2026-02-10', 'Budi (Kabid Linjamsos)', 'Sari (Dinkes)');
INSERT INTO berita_acara_serah_terima (permohonan, nomor, tanggal, diserahkan_oleh, diterima_oleh)
VALUES (1, 'BA/01/2026', '2026-02-10', 'Budi (Kabid Linjamsos)', 'Sari (Dinkes)');
SELECT id, status FROM permohonan_data WHERE id = 1;
INSERT INTO permohonan_data (instansi, nomor_surat, tanggal_surat, tujuan, kode_wilayah, kolom)
VALUES (1, '440/103/Dinkes', '2026-02-20', 'bantuan_sosial', '31.71.04', '{nik}');
UPDATE permohonan_data SET status = 'disetujui' WHERE id = 2;
SET ROLE peng_pusat;
INSERT INTO permohonan_data (instansi, nomor_surat, tanggal_surat, tujuan, kode_wilayah, kolom)
VALUES (1, '440/104/Dinkes', '2026-02-20', 'bantuan_sosial', '32.75', '{nik}');
RESET ROLE;

-- The race: Baznas has two approved permohonan (3 and a new one); two officers hand both over at
-- once, each from its own connection.  The agency's row is the rule's lock: the second waits,
-- then sees the first handover and is refused; the agency never holds two unreported handovers.
SET ROLE peng_jakpus;
INSERT INTO permohonan_data (instansi, nomor_surat, tanggal_surat, tujuan, kode_wilayah, kolom)
VALUES (2, '14/Baznas-JP/2026', '2026-02-21', 'pemberdayaan_sosial', '31.71.05', '{no_kk}') RETURNING id AS kedua \gset
UPDATE permohonan_data SET status = 'disetujui' WHERE id = :kedua;
RESET ROLE;
CREATE EXTENSION dblink;
SELECT format('host=%s port=%s dbname=%s', split_part(current_setting('unix_socket_directories'), ',', 1),
              current_setting('port'), current_database()) AS sambungan \gset
SELECT dblink_connect('satu', :'sambungan' || ' user=peng_jakpus');
SELECT dblink_connect('dua', :'sambungan' || ' user=peng_jakpus_2');
SELECT dblink_exec('satu', 'BEGIN');
SELECT dblink_exec('satu', $$INSERT INTO dtks.berita_acara_serah_terima (permohonan, nomor, tanggal, diserahkan_oleh, diterima_oleh)
                             VALUES (3, 'BA/02/2026', '2026-02-22', 'Budi', 'Ahmad (Baznas)')$$);
SELECT dblink_send_query('dua', format($$INSERT INTO dtks.berita_acara_serah_terima (permohonan, nomor, tanggal, diserahkan_oleh, diterima_oleh)
                                         VALUES (%s, 'BA/03/2026', '2026-02-22', 'Rina', 'Ahmad (Baznas)')$$, :kedua));
-- the second waits for the agency's row
DO $$
BEGIN
    FOR i IN 1..200 LOOP
        EXIT WHEN EXISTS (SELECT 1 FROM pg_stat_activity WHERE usename = 'peng_jakpus_2' AND wait_event_type = 'Lock');
        PERFORM pg_sleep(0.05);
    END LOOP;
END $$;
SELECT wait_event_type FROM pg_stat_activity WHERE usename = 'peng_jakpus_2';
SELECT dblink_exec('satu', 'COMMIT');
SELECT * FROM dblink_get_result('dua', false) AS t(hasil text);
SELECT split_part(dblink_error_message('dua'), E'\n', 1) AS galat;
SELECT dblink_disconnect('satu'), dblink_disconnect('dua');
DROP EXTENSION dblink;
SELECT id, status FROM permohonan_data WHERE instansi = 2 ORDER BY id;
SELECT permohonan, nomor FROM berita_acara_serah_terima ORDER BY id;

-- the laporan: its recipients are counted at commit, and never grow afterwards
SET ROLE peng_jakpus;
BEGIN;
INSERT INTO laporan_pemanfaatan (permohonan, nomor, tanggal, pemanfaatan, jumlah_penerima, dokumen)
VALUES (1, 'LP/01/Dinkes', '2026-03-02', 'Bantuan gizi balita', 2, 'Arsip 2026/031');
INSERT INTO laporan_pemanfaatan_penerima (laporan, nik, nama, alamat)
SELECT id, '3171011708450001', 'Joko Susilo', 'Jl. Gambir I No. 1' FROM laporan_pemanfaatan WHERE permohonan = 1;
COMMIT;
SELECT status FROM permohonan_data WHERE id = 1;
BEGIN;
INSERT INTO laporan_pemanfaatan (permohonan, nomor, tanggal, pemanfaatan, jumlah_penerima, dokumen)
VALUES (1, 'LP/01/Dinkes', '2026-03-02', 'Bantuan gizi balita', 2, 'Arsip 2026/031');
INSERT INTO laporan_pemanfaatan_penerima (laporan, nik, no_kk, nama, alamat, bantuan)
SELECT id, n::nik, '3171012505180003', m, 'Jl. Gambir I No. 1', 'paket gizi'
  FROM laporan_pemanfaatan, (VALUES ('3171011708450001', 'Joko Susilo'), ('3171015708450001', 'Siti Aminah')) v(n, m)
 WHERE permohonan = 1;
COMMIT;
INSERT INTO laporan_pemanfaatan_penerima (laporan, nik, nama, alamat)
SELECT id, '3171011708450002', 'Andi', 'Jl. Gambir I No. 2' FROM laporan_pemanfaatan WHERE permohonan = 1;
SELECT l.permohonan, l.jumlah_penerima, count(p.*) AS tercatat, d.status
  FROM laporan_pemanfaatan l JOIN laporan_pemanfaatan_penerima p ON p.laporan = l.id JOIN permohonan_data d ON d.id = l.permohonan
 GROUP BY 1, 2, 4;
-- reported: closed for export, and the agency may ask again
SELECT * FROM ekspor_data(1);
UPDATE permohonan_data SET status = 'disetujui' WHERE id = 2;
SELECT id, status FROM permohonan_data WHERE id = 2;
RESET ROLE;

-- the log is append-only, even for a role that holds the privilege and bypasses row-level
-- security; the BI reader reads neither the permohonan nor their recipients
CREATE ROLE peng_audit BYPASSRLS;
GRANT USAGE ON SCHEMA dtks TO peng_audit;
GRANT SELECT, UPDATE, DELETE ON ekspor_log TO peng_audit;
SET ROLE peng_audit;
UPDATE ekspor_log SET jumlah_baris = 0;
DELETE FROM ekspor_log;
SET ROLE peng_pembaca;
SELECT count(*) FROM dtks.laporan_pemanfaatan_penerima;
SELECT count(*) FROM dtks.permohonan_data;
SELECT count(*) FROM dtks.ekspor_data(3);
SELECT count(*) AS katalog FROM dtks.ekspor_kolom;
RESET ROLE;

DROP OWNED BY peng_jakpus, peng_jakpus_2, peng_bekasi, peng_pusat, peng_desa, peng_pembaca, peng_audit;
DELETE FROM petugas_peran WHERE pengguna IN ('peng_jakpus', 'peng_jakpus_2', 'peng_bekasi', 'peng_pusat', 'peng_desa');
DROP ROLE peng_jakpus, peng_jakpus_2, peng_bekasi, peng_pusat, peng_desa, peng_pembaca, peng_audit;
