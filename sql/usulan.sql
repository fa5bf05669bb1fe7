-- The usulan state machine: each step by its office, inside its region, with what it needs.
SET search_path = dtks, public;
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'uji_desa_gambir') THEN CREATE ROLE uji_desa_gambir; END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'uji_dinsos_jakpus') THEN CREATE ROLE uji_dinsos_jakpus; END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'uji_dinsos_yogya') THEN CREATE ROLE uji_dinsos_yogya; END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'uji_pusat') THEN CREATE ROLE uji_pusat; END IF;
END $$;
GRANT USAGE ON SCHEMA dtks TO uji_desa_gambir, uji_dinsos_jakpus, uji_dinsos_yogya, uji_pusat;
GRANT SELECT, INSERT, UPDATE ON usulan TO uji_desa_gambir, uji_dinsos_jakpus, uji_dinsos_yogya, uji_pusat;
INSERT INTO petugas_peran VALUES ('uji_desa_gambir', 'desa', '31.71.01.1001'), ('uji_dinsos_jakpus', 'kabkota', '31.71'),
                                 ('uji_dinsos_yogya', 'kabkota', '34.71'), ('uji_pusat', 'pusat', NULL);
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
SET dtks.hari_batas = 28;
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
DROP OWNED BY uji_desa_gambir, uji_dinsos_jakpus, uji_dinsos_yogya, uji_pusat;
DELETE FROM petugas_peran;
DROP ROLE uji_desa_gambir, uji_dinsos_jakpus, uji_dinsos_yogya, uji_pusat;
