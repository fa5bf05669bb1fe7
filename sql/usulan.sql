-- The usulan state machine: each step by its office, inside its region, with what it needs.
SET search_path = dtks, public;
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'uji_desa_gambir') THEN CREATE ROLE uji_desa_gambir; END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'uji_dinsos_jakpus') THEN CREATE ROLE uji_dinsos_jakpus; END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'uji_dinsos_yogya') THEN CREATE ROLE uji_dinsos_yogya; END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'uji_pusat') THEN CREATE ROLE uji_pusat; END IF;
END $$;
SELECT petugas_tetapkan('uji_desa_gambir', 'desa', '31.71.01.1001'), petugas_tetapkan('uji_dinsos_jakpus', 'kabkota', '31.71'),
       petugas_tetapkan('uji_dinsos_yogya', 'kabkota', '34.71'), petugas_tetapkan('uji_pusat', 'pusat');
INSERT INTO usulan (jenis, sumber, kode_wilayah, data) VALUES ('baru', 'musdes', '31.71.01.1001', '{"catatan": "keluarga baru"}');

SET ROLE uji_desa_gambir;
-- submitting a musdes usulan needs the berita acara
UPDATE usulan SET status = 'diajukan' WHERE id = 1;
UPDATE usulan SET status = 'diajukan', berita_acara = 'BA/MUSDES/2026/07' WHERE id = 1;
-- a step that does not exist, and one that is another office's
UPDATE usulan SET status = 'layak' WHERE id = 1;
UPDATE usulan SET status = 'padan' WHERE id = 1;
RESET ROLE;
-- the matching's step is taken by the matching run only; here, as a test, set directly by the owner
ALTER TABLE usulan DISABLE TRIGGER usulan_periksa;
UPDATE usulan SET status = 'padan' WHERE id = 1;
ALTER TABLE usulan ENABLE TRIGGER usulan_periksa;
-- verval by the kab/kota: outside its region, without the visit, then properly
SET ROLE uji_dinsos_yogya;
UPDATE usulan SET status = 'layak', tanggal_kunjungan = '2026-03-02', petugas_verval = 'Rina' WHERE id = 1;
SET ROLE uji_dinsos_jakpus;
UPDATE usulan SET status = 'layak' WHERE id = 1;
SELECT ubah_status(1, 'layak', NULL, '{"tanggal_kunjungan": "2026-03-02", "petugas_verval": "Rina"}');
SELECT ubah_status(1, 'disahkan');
SELECT ubah_status(1, 'disahkan', NULL, '{"surat_pengesahan": "SK Walikota 12/2026"}');
RESET ROLE;
SET dtks.hari_batas = 28;
SET ROLE uji_dinsos_jakpus;
SELECT ubah_status(1, 'dikirim');
SELECT ubah_status(1, 'dikirim');
RESET ROLE;
SELECT status, periode_penetapan = date_trunc('month', CURRENT_DATE)::date AS bulan_ini FROM usulan WHERE id = 1;
-- returned by the ministry with a reason, then refused a second time without a new one
SET ROLE uji_pusat;
SELECT ubah_status(1, 'dikembalikan');
SELECT ubah_status(1, 'dikembalikan', 'foto rumah tidak jelas');
RESET ROLE;
-- every step taken is in the history, and only there
SELECT usulan, dari, ke, peran, alasan FROM usulan_riwayat ORDER BY id;
-- an unknown usulan; a role without an office
SELECT ubah_status(99, 'diajukan');
UPDATE usulan SET status = 'diajukan' WHERE id = 1;

-- plain SQL meets the same gate: a row inserted past draf, a process column set by hand
INSERT INTO usulan (jenis, sumber, kode_wilayah, status) VALUES ('baru', 'mandiri', '31.71.01.1001', 'ditetapkan');
INSERT INTO usulan (jenis, sumber, kode_wilayah, periode_penetapan) VALUES ('baru', 'mandiri', '31.71.01.1001', '2026-01-01');
UPDATE usulan SET periode_penetapan = '2020-01-01' WHERE id = 1;

-- Dukcapil matching: the civil-registry extract (loaded by COPY), and three usulan submitted by the desa
COPY penduduk (nik, no_kk, nama, tempat_lahir, tanggal_lahir, jenis_kelamin, alamat, kode_wilayah, hidup) FROM stdin (FORMAT csv);
3171010203900001,3171010102200001,DJOKO SUSILO,JAKARTA,1990-03-02,L,JL. GAMBIR I,31.71.01.1001,true
3171014506920002,3171010102200001,"SITI RAHAYU, S.PD.",BANDUNG,1992-06-05,P,JL. GAMBIR I,31.71.01.1001,true
3171011111110003,3171010102200001,MUHAMMAD RIZKI,JAKARTA,2011-11-11,L,JL. GAMBIR I,31.71.01.1001,true
3171010505500004,3171010102200009,SUPARMAN,SOLO,1950-05-05,L,JL. GAMBIR II,31.71.01.1001,false
\.
SELECT count(*) AS penduduk FROM penduduk;
SET ROLE uji_desa_gambir;
INSERT INTO usulan (jenis, sumber, kode_wilayah, data) VALUES
    ('baru', 'mandiri', '31.71.01.1001', '{"no_kk": "3171010102200001", "anggota": [
        {"nik": "3171010203900001", "nama": "Joko Susilo", "tanggal_lahir": "1990-03-02"},
        {"nik": "3171014506920002", "nama": "Hj. Siti Rahayu", "tanggal_lahir": "1992-06-05"},
        {"nik": "3171011111110003", "nama": "Mohammad Rizky", "tanggal_lahir": "2011-11-11"}]}'),
    ('baru', 'mandiri', '31.71.01.1001', '{"no_kk": "3171010102200002", "anggota": [
        {"nik": "31710199", "nama": "Tanpa NIK"},
        {"nik": "3171010505500004", "nama": "Suparman", "tanggal_lahir": "1950-05-05"},
        {"nik": "3171016601950005", "nama": "Wati", "tanggal_lahir": "1995-01-26"},
        {"nik": "3171010203900001", "nama": "Joko Susilo", "tanggal_lahir": "1990-02-03"}]}'),
    ('baru', 'mandiri', '31.71.01.1001', '{}');
SELECT count(*) AS diajukan FROM (SELECT ubah_status(id, 'diajukan') FROM usulan WHERE status = 'draf' AND jenis = 'baru' AND sumber = 'mandiri') s;
-- the desa may neither run the matching nor take its step; a kab/kota only in its own region
SELECT * FROM padankan_usulan('31.71');
RESET ROLE;
SET ROLE uji_dinsos_yogya;
SELECT * FROM padankan_usulan('31.71');
SET ROLE uji_dinsos_jakpus;
SELECT * FROM padankan_usulan('31.71');
RESET ROLE;
SELECT id, status, alasan FROM usulan WHERE sumber = 'mandiri' ORDER BY id;
SELECT usulan, urutan, nik, temuan, menghalangi FROM usulan_temuan ORDER BY usulan, urutan, temuan;
SELECT usulan, dari, ke, peran FROM usulan_riwayat WHERE peran = 'pemadanan' ORDER BY id;
-- the proposal is locked once submitted
SET ROLE uji_dinsos_jakpus;
UPDATE usulan SET data = '{}' WHERE status = 'padan';
-- the schedule: verval windows of DKI Jakarta, enforced
RESET ROLE;
INSERT INTO usulan_jadwal (kode_wilayah, tahap, berlaku, keterangan) VALUES
    ('31', 'verval', '[2000-01-01,2000-02-01)', 'Ingub 2/2022 (contoh)'),
    ('31', 'verval', '[2999-01-01,2999-02-01)', 'Ingub 2/2022 (contoh)');
SET dtks.tegakkan_jadwal = on;
SET ROLE uji_dinsos_jakpus;
SELECT ubah_status(id, 'layak', NULL, '{"tanggal_kunjungan": "2026-03-02", "petugas_verval": "Rina"}') FROM usulan WHERE status = 'padan';
RESET ROLE;
INSERT INTO usulan_jadwal (kode_wilayah, tahap, berlaku) VALUES ('31.71', 'verval', daterange(CURRENT_DATE, CURRENT_DATE + 14));
SET ROLE uji_dinsos_jakpus;
SELECT ubah_status(id, 'layak', NULL, '{"tanggal_kunjungan": "2026-03-02", "petugas_verval": "Rina"}') FROM usulan WHERE status = 'padan';
-- only a superuser may take steps as a system office
SELECT jalankan_sebagai('pemadanan', 'UPDATE dtks.usulan SET status = ''padan'' WHERE status = ''diajukan''');
RESET ROLE;
RESET dtks.tegakkan_jadwal;
SELECT jalankan_sebagai('dinsos', 'SELECT 1');
-- the statement runs inside the caller's transaction: no transaction control, no COPY with the client
SELECT jalankan_sebagai('pemadanan', 'COMMIT');
SELECT jalankan_sebagai('pemadanan', 'COPY dtks.program TO STDOUT');
-- a column the checks read cannot be set to NULL
UPDATE usulan SET status = NULL WHERE id = 1;
UPDATE usulan SET sumber = NULL WHERE id = 1;
UPDATE usulan SET kode_wilayah = NULL WHERE id = 1;
DROP OWNED BY uji_desa_gambir, uji_dinsos_jakpus, uji_dinsos_yogya, uji_pusat;
DELETE FROM petugas_peran;
TRUNCATE penduduk;
DELETE FROM usulan_jadwal;
DROP ROLE uji_desa_gambir, uji_dinsos_jakpus, uji_dinsos_yogya, uji_pusat;
