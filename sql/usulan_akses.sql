-- Row-level security seen through real login connections (\c as each office), and two real
-- sessions (dblink) racing on one usulan: one wins, the other is told, one history row.
SET search_path = dtks, public;
CREATE ROLE akses_desa LOGIN;
CREATE ROLE akses_kabkota LOGIN;
CREATE ROLE akses_kabkota_2 LOGIN;
CREATE ROLE akses_yogya LOGIN;
CREATE ROLE akses_provinsi LOGIN;
CREATE ROLE akses_pusat LOGIN;
CREATE ROLE akses_pembaca LOGIN IN ROLE dtks_pembaca;
CREATE ROLE akses_tanpa LOGIN;
SELECT count(petugas_tetapkan(p, r, w::kode_wilayah)) AS petugas
  FROM (VALUES ('akses_desa', 'desa', '31.71.01.1001'), ('akses_kabkota', 'kabkota', '31.71'),
               ('akses_kabkota_2', 'kabkota', '31.71'), ('akses_yogya', 'kabkota', '34.71'),
               ('akses_provinsi', 'provinsi', '31'), ('akses_pusat', 'pusat', NULL)) v(p, r, w);
-- a registry in Jakarta Pusat and Kota Yogyakarta, and usulan in both
SELECT sintetis_muat(7101, 40, '31.71.01') IS NOT NULL AS jakarta, sintetis_muat(7102, 40, '34.71') IS NOT NULL AS yogya;
INSERT INTO usulan (jenis, sumber, kode_wilayah, data)
SELECT 'baru', 'mandiri', w::kode_wilayah, jsonb_build_object('akses', g)
  FROM unnest(ARRAY['31.71.01.1001', '31.71.01.1002', '34.71.01.1001']) w, generate_series(1, 3) g;
-- what the owner sees, per province (the reference for each office below)
SELECT dtks.leluhur(r.kode_wilayah, 1) AS provinsi, count(*) AS rumah_tangga FROM rumah_tangga r GROUP BY 1 ORDER BY 1;
SELECT leluhur(kode_wilayah, 1) AS provinsi, count(*) AS usulan FROM usulan WHERE data ? 'akses' GROUP BY 1 ORDER BY 1;
-- The same questions from each office's own connection.
\c - akses_desa
SELECT current_user, session_user;
SELECT dtks.leluhur(r.kode_wilayah, 4) AS desa, count(*) AS rumah_tangga FROM dtks.rumah_tangga r GROUP BY 1 ORDER BY 1;
SELECT count(*) AS keluarga_di_luar FROM dtks.keluarga k
 WHERE NOT EXISTS (SELECT 1 FROM dtks.rumah_tangga r WHERE r.id = k.rumah_tangga_id AND r.kode_wilayah OPERATOR(dtks.<@) '31.71.01.1001');
SELECT count(*) > 0 AS ada_anggota, count(*) = count(DISTINCT nik) AS unik FROM dtks.anggota;
SELECT kode_wilayah, count(*) AS usulan FROM dtks.usulan WHERE data ? 'akses' GROUP BY 1 ORDER BY 1;
-- it creates usulan in its desa only, and changes nothing elsewhere
INSERT INTO dtks.usulan (jenis, sumber, kode_wilayah) VALUES ('baru', 'mandiri', '31.71.01.1002');
UPDATE dtks.anggota SET nama = 'X';
DELETE FROM dtks.usulan;
\c - akses_kabkota
SELECT dtks.leluhur(r.kode_wilayah, 2) AS kabkota, count(*) AS rumah_tangga FROM dtks.rumah_tangga r GROUP BY 1 ORDER BY 1;
SELECT kode_wilayah, count(*) AS usulan FROM dtks.usulan WHERE data ? 'akses' GROUP BY 1 ORDER BY 1;
SELECT count(*) AS riwayat_di_luar FROM dtks.usulan_riwayat r WHERE NOT EXISTS (SELECT 1 FROM dtks.usulan u WHERE u.id = r.usulan);
\c - akses_yogya
SELECT dtks.leluhur(r.kode_wilayah, 2) AS kabkota, count(*) AS rumah_tangga FROM dtks.rumah_tangga r GROUP BY 1 ORDER BY 1;
SELECT kode_wilayah, count(*) AS usulan FROM dtks.usulan WHERE data ? 'akses' GROUP BY 1 ORDER BY 1;
-- Jakarta's usulan do not exist for Yogyakarta: an UPDATE finds none
UPDATE dtks.usulan SET status = 'diajukan' WHERE kode_wilayah OPERATOR(dtks.<@) '31';
\c - akses_provinsi
SELECT dtks.leluhur(r.kode_wilayah, 1) AS provinsi, count(*) AS rumah_tangga FROM dtks.rumah_tangga r GROUP BY 1 ORDER BY 1;
UPDATE dtks.usulan SET status = 'diajukan';
\c - akses_pusat
SELECT dtks.leluhur(r.kode_wilayah, 1) AS provinsi, count(*) AS rumah_tangga FROM dtks.rumah_tangga r GROUP BY 1 ORDER BY 1;
SELECT dtks.leluhur(kode_wilayah, 1) AS provinsi, count(*) AS usulan FROM dtks.usulan WHERE data ? 'akses' GROUP BY 1 ORDER BY 1;
\c - akses_pembaca
SELECT count(*) FROM dtks.anggota;
SELECT count(*) FROM dtks.usulan;
SELECT count(*) FROM dtks.penduduk;
SELECT count(*) > 0 AS wilayah FROM dtks.wilayah WHERE kode OPERATOR(dtks.<@) '31.71';
\c - akses_tanpa
SELECT count(*) FROM dtks.rumah_tangga;
\c - postgres
SET search_path = dtks, public;

-- The race: two kab/kota officers send the same usulan at once, each from its own connection.
CREATE EXTENSION dblink;
ALTER TABLE usulan DISABLE TRIGGER usulan_periksa;
INSERT INTO usulan (jenis, sumber, kode_wilayah, status, surat_pengesahan, data)
VALUES ('baru', 'musdes', '31.71.01.1001', 'disahkan', 'SK 7/2026', '{"balapan": true}');
ALTER TABLE usulan ENABLE TRIGGER usulan_periksa;
SELECT format('host=%s port=%s dbname=%s', split_part(current_setting('unix_socket_directories'), ',', 1),
              current_setting('port'), current_database()) AS sambungan \gset
SELECT dblink_connect('satu', :'sambungan' || ' user=akses_kabkota');
SELECT dblink_connect('dua', :'sambungan' || ' user=akses_kabkota_2');
SELECT id AS balapan FROM usulan WHERE data ? 'balapan' \gset
SELECT dblink_exec('satu', 'BEGIN');
SELECT dblink_exec('satu', format('UPDATE dtks.usulan SET status = %L WHERE id = %s', 'dikirim', :balapan));
SELECT dblink_send_query('dua', format('UPDATE dtks.usulan SET status = %L WHERE id = %s', 'dikirim', :balapan));
-- the second waits for the first's row lock
DO $$
BEGIN
    FOR i IN 1..200 LOOP
        EXIT WHEN EXISTS (SELECT 1 FROM pg_stat_activity WHERE usename = 'akses_kabkota_2' AND wait_event_type = 'Lock');
        PERFORM pg_sleep(0.05);
    END LOOP;
END $$;
SELECT wait_event_type FROM pg_stat_activity WHERE usename = 'akses_kabkota_2';
SELECT dblink_exec('satu', 'COMMIT');
-- the loser gets the trigger's error (DTK01), not a second step
SELECT * FROM dblink_get_result('dua', false) AS t(hasil text);
SELECT dblink_error_message('dua');
SELECT status, periode_penetapan IS NOT NULL AS berperiode FROM usulan WHERE id = :balapan;
SELECT dari, ke, peran, pengguna FROM usulan_riwayat WHERE usulan = :balapan ORDER BY id;
SELECT dblink_disconnect('satu'), dblink_disconnect('dua');
DROP EXTENSION dblink;

DROP OWNED BY akses_desa, akses_kabkota, akses_kabkota_2, akses_yogya, akses_provinsi, akses_pusat, akses_pembaca, akses_tanpa;
DELETE FROM petugas_peran;
DROP ROLE akses_desa, akses_kabkota, akses_kabkota_2, akses_yogya, akses_provinsi, akses_pusat, akses_pembaca, akses_tanpa;
