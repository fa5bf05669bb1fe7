-- pgTAP: the usulan state machine.  Every (from, to, office) combination is tried on its own
-- usulan: the steps of the issue's table pass, every other is refused with its SQLSTATE (DTK01 no
-- such step, 42501 another office's step or no privilege); the history gets exactly one row per
-- step taken and cannot be changed; what a step needs (23514), the schedule (DTK02), the
-- proposal lock (DTK03), region checks and row-level security as seen from each office; the
-- Dukcapil matching's callers.  (Real login connections and the race: sql/usulan_akses.sql.)
\ir lib/awal.psql
SELECT plan(1248 + 43);

-- the offices (created in this transaction, gone at its rollback)
CREATE ROLE tap_desa;
CREATE ROLE tap_desa_lain;
CREATE ROLE tap_kabkota;
CREATE ROLE tap_kabkota_lain;
CREATE ROLE tap_provinsi;
CREATE ROLE tap_pusat;
CREATE ROLE tap_pt;
CREATE ROLE tap_tanpa;
CREATE ROLE tap_pembaca IN ROLE dtks_pembaca;
CREATE ROLE tap_kabkota_bypass BYPASSRLS;
SELECT dtks.petugas_tetapkan('tap_desa', 'desa', '31.71.01.1001'), dtks.petugas_tetapkan('tap_desa_lain', 'desa', '31.71.01.1002'),
       dtks.petugas_tetapkan('tap_kabkota', 'kabkota', '31.71'), dtks.petugas_tetapkan('tap_kabkota_lain', 'kabkota', '34.71'),
       dtks.petugas_tetapkan('tap_provinsi', 'provinsi', '31'), dtks.petugas_tetapkan('tap_pusat', 'pusat'),
       dtks.petugas_tetapkan('tap_pt', 'pt'), dtks.petugas_tetapkan('tap_kabkota_bypass', 'kabkota', '34.71');
-- a role without an office, granted UPDATE directly
GRANT USAGE ON SCHEMA dtks TO tap_tanpa;
GRANT SELECT, UPDATE ON dtks.usulan TO tap_tanpa;

-- the steps of the issue, written out here (not read from dtks.usulan_langkah)
CREATE TEMP TABLE langkah_isu (dari text, ke text, peran text);
INSERT INTO langkah_isu VALUES
    ('draf', 'diajukan', 'desa'), ('draf', 'dibatalkan', 'desa'),
    ('diajukan', 'padan', 'pemadanan'), ('diajukan', 'tidak_padan', 'pemadanan'),
    ('tidak_padan', 'diajukan', 'desa'),
    ('tidak_padan', 'ditolak', 'kabkota'), ('dikembalikan', 'ditolak', 'kabkota'),
    ('padan', 'layak', 'kabkota'), ('padan', 'tidak_layak', 'kabkota'),
    ('layak', 'disahkan', 'kabkota'), ('disahkan', 'dikirim', 'kabkota'),
    ('dikirim', 'pengendalian', 'pusat'), ('dikirim', 'dikembalikan', 'pusat'),
    ('pengendalian', 'dikirim', 'pt'), ('pengendalian', 'dikirim', 'pusat'),
    ('pengendalian', 'dikembalikan', 'pt'), ('pengendalian', 'dikembalikan', 'pusat'),
    ('dikembalikan', 'diajukan', 'desa'),
    ('dikirim', 'ditetapkan', 'penetapan');

-- one usulan per (from, to, office), already in "from", with every reference a step may need
CREATE TEMP TABLE kombinasi AS
SELECT row_number() OVER (ORDER BY d.s, k.s, p.p) AS nomor, d.s AS dari, k.s AS ke, p.p AS peran, NULL::bigint AS id,
       NULL::text AS hasil
  FROM unnest(ARRAY['draf', 'diajukan', 'padan', 'tidak_padan', 'layak', 'tidak_layak', 'disahkan', 'dikirim',
                    'pengendalian', 'dikembalikan', 'ditetapkan', 'ditolak', 'dibatalkan']) d(s),
       unnest(ARRAY['draf', 'diajukan', 'padan', 'tidak_padan', 'layak', 'tidak_layak', 'disahkan', 'dikirim',
                    'pengendalian', 'dikembalikan', 'ditetapkan', 'ditolak', 'dibatalkan']) k(s),
       unnest(ARRAY['desa', 'kabkota', 'provinsi', 'pusat', 'pt', 'tanpa', 'pemadanan', 'penetapan']) p(p)
 WHERE d.s <> k.s;
ALTER TABLE dtks.usulan DISABLE TRIGGER usulan_periksa;
WITH baru AS (
    INSERT INTO dtks.usulan (jenis, sumber, kode_wilayah, status, berita_acara, tanggal_kunjungan, petugas_verval,
                             surat_pengesahan, data)
    SELECT 'baru', 'musdes', '31.71.01.1001', k.dari, 'BA/1', DATE '2026-03-02', 'Rina', 'SK 1',
           jsonb_build_object('nomor', k.nomor)
      FROM kombinasi k
    RETURNING id, (data ->> 'nomor')::bigint AS nomor
)
UPDATE kombinasi k SET id = b.id FROM baru b WHERE b.nomor = k.nomor;
ALTER TABLE dtks.usulan ENABLE TRIGGER usulan_periksa;

-- try each: offices through their roles, the matching and the penetapan through jalankan_sebagai
UPDATE kombinasi k
   SET hasil = CASE WHEN k.peran IN ('pemadanan', 'penetapan')
                    THEN pg_temp.sqlstate_dari(format('SELECT dtks.jalankan_sebagai(%L, %L)', k.peran,
                             format('UPDATE dtks.usulan SET status = %L, alasan = ''alasan baru'' WHERE id = %s', k.ke, k.id)))
                    ELSE pg_temp.sebagai('tap_' || k.peran,
                             format('UPDATE dtks.usulan SET status = %L, alasan = ''alasan baru'' WHERE id = %s', k.ke, k.id))
               END;
UPDATE kombinasi SET hasil = 'ok 1' WHERE hasil IS NULL AND peran IN ('pemadanan', 'penetapan');

SELECT is(k.hasil,
          CASE WHEN EXISTS (SELECT 1 FROM langkah_isu l WHERE (l.dari, l.ke, l.peran) = (k.dari, k.ke, k.peran)) THEN 'ok 1'
               WHEN k.peran = 'provinsi' THEN '42501'                      -- monitors only: no UPDATE privilege
               WHEN k.peran = 'tanpa' THEN 'ok 0'                          -- no office: sees no usulan
               WHEN EXISTS (SELECT 1 FROM langkah_isu l WHERE (l.dari, l.ke) = (k.dari, k.ke)) THEN '42501'
               ELSE 'DTK01' END,
          format('%s -> %s by %s', k.dari, k.ke, k.peran))
  FROM kombinasi k ORDER BY k.nomor;

-- the history: one row per step taken, with the office; nothing for a refused one
SELECT set_eq($$SELECT id, dari, ke, peran FROM kombinasi WHERE hasil = 'ok 1'$$,
              $$SELECT usulan, dari, ke, peran FROM dtks.usulan_riwayat WHERE usulan IN (SELECT id FROM kombinasi)$$,
              'every step taken is in the history once, with its office; no refused step is');
SELECT is((SELECT count(DISTINCT pengguna)::int FROM dtks.usulan_riwayat WHERE usulan IN (SELECT id FROM kombinasi)), 1,
          'the history names the session user');
SELECT is((SELECT count(*)::int FROM dtks.usulan_riwayat r JOIN kombinasi k ON k.id = r.usulan
            WHERE r.pelaku IS DISTINCT FROM CASE WHEN k.peran IN ('pemadanan', 'penetapan') THEN SESSION_USER
                                                 ELSE ('tap_' || k.peran)::name END), 0,
          'and the role that took each step (who started the run, for the matching and the penetapan)');
GRANT UPDATE, DELETE, TRUNCATE ON dtks.usulan_riwayat TO tap_pusat;
SELECT is(pg_temp.sebagai('tap_pusat', 'UPDATE dtks.usulan_riwayat SET alasan = ''diubah'''), 'ok 0',
          'history cannot be updated, even with the privilege (no row is open to it)');
SELECT is(pg_temp.sebagai('tap_pusat', 'DELETE FROM dtks.usulan_riwayat'), 'ok 0', 'nor deleted');
SELECT is(pg_temp.sebagai('tap_pusat', 'TRUNCATE dtks.usulan_riwayat'), '42501', 'nor truncated');
GRANT UPDATE, DELETE ON dtks.usulan_riwayat TO tap_kabkota_bypass;
SELECT is(pg_temp.sebagai('tap_kabkota_bypass', 'UPDATE dtks.usulan_riwayat SET alasan = ''diubah'''), '42501',
          'a role bypassing row-level security is refused by the trigger');
SELECT is(pg_temp.sebagai('tap_kabkota_bypass', 'DELETE FROM dtks.usulan_riwayat'), '42501', 'for DELETE too');

-- what a step needs (23514)
ALTER TABLE dtks.usulan DISABLE TRIGGER usulan_periksa;
INSERT INTO dtks.usulan (jenis, sumber, kode_wilayah, status, data) VALUES
    ('baru', 'musdes', '31.71.01.1001', 'draf', '{"uji": "syarat-ba"}'),
    ('baru', 'mandiri', '31.71.01.1001', 'draf', '{"uji": "syarat-mandiri"}'),
    ('baru', 'musdes', '31.71.01.1001', 'padan', '{"uji": "syarat-kunjungan"}'),
    ('baru', 'musdes', '31.71.01.1001', 'layak', '{"uji": "syarat-surat"}'),
    ('baru', 'musdes', '31.71.01.1001', 'dikirim', '{"uji": "syarat-alasan"}'),
    ('baru', 'musdes', '31.71.01.1001', 'padan', '{"uji": "jadwal"}'),
    ('baru', 'musdes', '31.71.01.1001', 'padan', '{"uji": "jadwal-mati"}'),
    ('baru', 'musdes', '34.71.01.1001', 'padan', '{"uji": "wilayah"}');
ALTER TABLE dtks.usulan ENABLE TRIGGER usulan_periksa;
CREATE TEMP TABLE uji AS SELECT data ->> 'uji' AS nama, id FROM dtks.usulan WHERE data ? 'uji';
SELECT is(pg_temp.sebagai('tap_desa', format('UPDATE dtks.usulan SET status = ''diajukan'' WHERE id = %s',
          (SELECT id FROM uji WHERE nama = 'syarat-ba'))), '23514', 'a musdes usulan is submitted with its berita acara');
SELECT is(pg_temp.sebagai('tap_desa', format('UPDATE dtks.usulan SET status = ''diajukan'' WHERE id = %s',
          (SELECT id FROM uji WHERE nama = 'syarat-mandiri'))), 'ok 1', 'a self-registration needs none');
SELECT is(pg_temp.sebagai('tap_kabkota', format('UPDATE dtks.usulan SET status = ''layak'', petugas_verval = ''Rina'' WHERE id = %s',
          (SELECT id FROM uji WHERE nama = 'syarat-kunjungan'))), '23514', 'verval needs the visit date as well as the officer');
SELECT is(pg_temp.sebagai('tap_kabkota', format('UPDATE dtks.usulan SET status = ''disahkan'' WHERE id = %s',
          (SELECT id FROM uji WHERE nama = 'syarat-surat'))), '23514', 'pengesahan needs the letter');
SELECT is(pg_temp.sebagai('tap_pusat', format('UPDATE dtks.usulan SET status = ''dikembalikan'' WHERE id = %s',
          (SELECT id FROM uji WHERE nama = 'syarat-alasan'))), '23514', 'returning needs a reason');

-- the schedule, enforced only when dtks.tegakkan_jadwal is on (DTK02)
INSERT INTO dtks.usulan_jadwal (kode_wilayah, tahap, berlaku) VALUES ('31', 'verval', '[2000-01-01,2000-02-01)');
SELECT is(pg_temp.sebagai('tap_kabkota', format('UPDATE dtks.usulan SET status = ''layak'', tanggal_kunjungan = ''2026-03-02'', petugas_verval = ''Rina'' WHERE id = %s',
          (SELECT id FROM uji WHERE nama = 'jadwal-mati'))), 'ok 1', 'with the schedule not enforced, verval is taken any day');
SET LOCAL dtks.tegakkan_jadwal = on;
SELECT is(pg_temp.sebagai('tap_kabkota', format('UPDATE dtks.usulan SET status = ''layak'', tanggal_kunjungan = ''2026-03-02'', petugas_verval = ''Rina'' WHERE id = %s',
          (SELECT id FROM uji WHERE nama = 'jadwal'))), 'DTK02', 'outside every verval window of DKI Jakarta: refused');
INSERT INTO dtks.usulan_jadwal (kode_wilayah, tahap, berlaku) VALUES ('31.71', 'verval', daterange(CURRENT_DATE, CURRENT_DATE + 1));
SELECT is(pg_temp.sebagai('tap_kabkota', format('UPDATE dtks.usulan SET status = ''layak'', tanggal_kunjungan = ''2026-03-02'', petugas_verval = ''Rina'' WHERE id = %s',
          (SELECT id FROM uji WHERE nama = 'jadwal'))), 'ok 1', 'inside a window of the kab/kota: taken (the new window is seen in the same transaction)');
SELECT is(pg_temp.sebagai('tap_tanpa', 'SET dtks.tegakkan_jadwal = off'), '42501', 'an office cannot switch the schedule off');
SET LOCAL dtks.tegakkan_jadwal = off;

-- the gate for plain SQL: a new usulan starts as draf (DTK01); the proposal is locked after submission (DTK03)
SELECT is(pg_temp.sqlstate_dari($$INSERT INTO dtks.usulan (jenis, sumber, kode_wilayah, status) VALUES ('baru', 'mandiri', '31.71.01.1001', 'ditetapkan')$$),
          'DTK01', 'even the owner cannot insert an usulan past draf');
SELECT is(pg_temp.sebagai('tap_kabkota', format('UPDATE dtks.usulan SET data = ''{}'' WHERE id = %s',
          (SELECT id FROM uji WHERE nama = 'syarat-kunjungan'))), 'DTK03', 'a matched proposal cannot be edited');
SELECT is(pg_temp.sqlstate_dari(format('UPDATE dtks.usulan SET periode_penetapan = ''2020-01-01'' WHERE id = %s',
          (SELECT id FROM uji WHERE nama = 'syarat-alasan'))), 'DTK03', 'periode_penetapan is set by the process only');
SELECT is(pg_temp.sebagai('tap_desa', format('UPDATE dtks.usulan SET data = ''{"anggota": []}'' WHERE id = %s',
          (SELECT id FROM uji WHERE nama = 'syarat-ba'))), 'ok 1', 'a draf is edited by its desa');

-- regions: row-level security hides other regions; the trigger refuses a role that bypasses it
SELECT is(pg_temp.nilai_sebagai('tap_desa', 'SELECT count(*) FROM dtks.usulan WHERE kode_wilayah <@ ''34'''), '0',
          'a desa sees no usulan of another province');
SELECT is(pg_temp.nilai_sebagai('tap_desa_lain', 'SELECT count(*) FROM dtks.usulan'), '0',
          'nor of the next desa');
SELECT is(pg_temp.sebagai('tap_desa_lain', format('UPDATE dtks.usulan SET status = ''dibatalkan'' WHERE id = %s',
          (SELECT id FROM uji WHERE nama = 'syarat-ba'))), 'ok 0', 'and changes none');
SELECT is(pg_temp.sebagai('tap_desa', $$INSERT INTO dtks.usulan (jenis, sumber, kode_wilayah) VALUES ('baru', 'mandiri', '31.71.01.1002')$$),
          '42501', 'a desa creates usulan in its own desa only');
SELECT is(pg_temp.sebagai('tap_desa', $$INSERT INTO dtks.usulan (jenis, sumber, kode_wilayah) VALUES ('baru', 'mandiri', '31.71.01.1001')$$),
          'ok 1', 'and there it does');
SELECT is(pg_temp.sebagai('tap_desa', format('UPDATE dtks.usulan SET kode_wilayah = ''31.71.01.1002'' WHERE id = %s',
          (SELECT id FROM uji WHERE nama = 'syarat-ba'))), '42501', 'nor moves one out of its desa');
SELECT is(pg_temp.nilai_sebagai('tap_kabkota', 'SELECT count(*) = count(*) FILTER (WHERE kode_wilayah <@ ''31.71'') FROM dtks.usulan'),
          'true', 'a kab/kota sees its own region only');
SELECT is(pg_temp.nilai_sebagai('tap_provinsi', 'SELECT count(*) FROM dtks.usulan'),
          (SELECT count(*)::text FROM dtks.usulan WHERE kode_wilayah <@ '31'), 'the province sees its province');
SELECT is(pg_temp.nilai_sebagai('tap_pusat', 'SELECT count(*) FROM dtks.usulan'), (SELECT count(*)::text FROM dtks.usulan),
          'pusat sees every usulan');
SELECT is(pg_temp.nilai_sebagai('tap_pt', 'SELECT count(*) FROM dtks.usulan_riwayat'), (SELECT count(*)::text FROM dtks.usulan_riwayat),
          'pt sees the whole history');
SELECT is(pg_temp.nilai_sebagai('tap_kabkota', 'SELECT count(*) FROM dtks.usulan_riwayat r JOIN dtks.usulan u ON u.id = r.usulan'),
          pg_temp.nilai_sebagai('tap_kabkota', 'SELECT count(*) FROM dtks.usulan_riwayat'),
          'a kab/kota sees the history of its own usulan only');
GRANT UPDATE ON dtks.usulan TO tap_kabkota_bypass;
SELECT is(pg_temp.sebagai('tap_kabkota_bypass', format('UPDATE dtks.usulan SET status = ''layak'', tanggal_kunjungan = ''2026-03-02'', petugas_verval = ''Rina'' WHERE id = %s',
          (SELECT id FROM uji WHERE nama = 'syarat-kunjungan'))), '42501', 'a role bypassing RLS is still held to its region by the trigger');
SELECT is(pg_temp.nilai_sebagai('tap_pembaca', 'SELECT count(*) FROM dtks.usulan'), '42501', 'the BI reader cannot read usulan');
SELECT is(pg_temp.nilai_sebagai('tap_pembaca', 'SELECT count(*) FROM dtks.anggota'), '42501', 'nor any member');
SELECT is(pg_temp.nilai_sebagai('tap_pembaca', 'SELECT count(*) > 80000 FROM dtks.wilayah'), 'true', 'it reads the region codes');

-- the Dukcapil matching: who may run it
SELECT is(pg_temp.sebagai('tap_desa', $$SELECT dtks.padankan_usulan('31.71')$$), '42501', 'a desa may not run the matching');
SELECT is(pg_temp.sebagai('tap_kabkota_lain', $$SELECT dtks.padankan_usulan('31.71')$$), '42501', 'nor another kab/kota');
SELECT is(pg_temp.sebagai('tap_kabkota', $$SELECT dtks.padankan_usulan(NULL)$$), '42501', 'a kab/kota may not match every region');
SELECT is(pg_temp.sebagai('tap_kabkota', $$SELECT dtks.padankan_usulan('31.71.01')$$), 'ok 1', 'it matches inside its own');
SELECT is(pg_temp.sebagai('tap_pusat', $$SELECT dtks.padankan_usulan(NULL)$$), 'ok 1', 'the ministry matches everywhere');
SELECT is(pg_temp.sebagai('tap_pusat', $$SELECT dtks.jalankan_sebagai('pemadanan', 'SELECT 1')$$), '42501',
          'only a superuser takes steps as a system office');
SELECT is(pg_temp.sqlstate_dari($$SELECT dtks.jalankan_sebagai('kabkota', 'SELECT 1')$$), '22023', 'which are pemadanan and penetapan');

SELECT * FROM finish();
ROLLBACK;
