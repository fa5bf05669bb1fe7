-- Progress reports of the long operations (dtks.laporan_kemajuan): each phase with its rows, its
-- time in the detail (hidden here by VERBOSITY terse: times differ from run to run); nothing while
-- the setting is off.  Every run is rolled back.
SET search_path = dtks, public;
\set VERBOSITY terse
-- off, the default (once the library is loaded): no report
SELECT tanggal_acuan() = CURRENT_DATE AS hari_ini;
SHOW dtks.laporan_kemajuan;
BEGIN;
SELECT * FROM sintetis_muat(71, 20, '34.71');
SELECT hitung_desil('kabkota', NULL, '2030-02-15') AS keluarga;
SELECT count(*) AS keluarga FROM kk_komponen();
ROLLBACK;
-- notice: every phase of every long operation
SET dtks.laporan_kemajuan = notice;
BEGIN;
SELECT * FROM sintetis_muat(71, 20, '34.71');
SELECT hitung_desil('kabkota', NULL, '2030-02-15') AS keluarga;
SELECT count(*) AS keluarga FROM kk_komponen();
SELECT * FROM padankan_usulan('34.71');
-- the month after the last one determined, once what earlier suites left sent is returned
ALTER TABLE usulan DISABLE TRIGGER usulan_periksa;
UPDATE usulan SET status = 'dikembalikan', alasan = 'uji kemajuan' WHERE status = 'dikirim';
ALTER TABLE usulan ENABLE TRIGGER usulan_periksa;
SET LOCAL dtks.tanggal_acuan = '2030-02-05';
SELECT periode, usulan, desil_ulang FROM tetapkan((SELECT max(periode) + 31 FROM penetapan));
ROLLBACK;
-- log: to the server log, and to a client that asks for log messages
SET dtks.laporan_kemajuan = log;
SET client_min_messages = log;
SELECT count(*) AS keluarga FROM kk_komponen();
RESET client_min_messages;
RESET dtks.laporan_kemajuan;
-- the helpers behind the SQL and PL/pgSQL operations say nothing while off
SELECT kemajuan_mulai('uji'), lapor_kemajuan('uji', 'fase', 1);
SET dtks.laporan_kemajuan = notice;
SELECT kemajuan_mulai('uji', 'satu'), lapor_kemajuan('uji', 'fase', 1), lapor_kemajuan('uji', 'fase tanpa baris');
