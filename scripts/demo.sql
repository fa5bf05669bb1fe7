-- What a Dinas Sosial DBA sees on a fresh dtks database (run by scripts/demo).
\pset footer off
\set VERBOSITY default

\echo
\echo '--- A NIK is a type: parsed, checked and stored in 8 bytes'
SELECT n::nik AS nik, nik_jenis_kelamin(n::nik) AS jk, nik_tanggal_lahir(n::nik) AS lahir,
       nik_kode_wilayah(n::nik) AS kecamatan_daftar, w.nama
  FROM unnest(ARRAY['3171011708450001', '3171015708450001', '3404075708900002', '5302014101850003']) AS n
  LEFT JOIN wilayah w ON w.kode = nik_kode_wilayah(n::nik);

\echo
\echo '--- Bad input is refused with SQLSTATE 22P02; the error never repeats the NIK'
SELECT '3171013002001234'::nik;
SELECT '3171018108450001'::nik;

\echo
\echo '--- Cleaning an import: why is each NIK wrong? (never raises)'
SELECT x AS masukan, nik_alasan(x) AS alasan
  FROM unnest(ARRAY['3171011708450001', '31710117084500', '3171O11708450001', '9971011708450001',
                    '3100011708450001', '3171013208450001', '3273010119800002', '3171012902011234',
                    '3171011708450000']) AS x;

\echo
\echo '--- A NIK keeps its first-registration kecamatan for life: Merauke was 91.01 before the 2022 split'
SELECT '9101011708450001'::nik AS nik, nik_wilayah_dikenal('9101011708450001') AS dikenal,
       (SELECT string_agg(edisi::text, ', ' ORDER BY edisi) FROM wilayah_riwayat WHERE kode = '91.01.01') AS edisi_yang_memuat,
       (SELECT nama FROM wilayah_riwayat WHERE kode = '91.01.01' AND edisi = 2022) AS nama_2022;

\echo
\echo '--- KK numbers: only the certain part rejects; the believed date and serial only warn'
SELECT k::no_kk AS no_kk, no_kk_kode_wilayah(k::no_kk) AS kecamatan_terbit,
       no_kk_tanggal_terbit(k::no_kk) AS tanggal_terbit, no_kk_alasan(k) AS peringatan
  FROM unnest(ARRAY['3171012505180003', '3171014513180003', '3171010101180000']) AS k;

\echo
\echo '--- Region codes: dotted or not, ordered so a region comes right before its descendants'
SELECT k::kode_wilayah AS kode, tingkat(k::kode_wilayah), induk(k::kode_wilayah), jenis_desa(k::kode_wilayah),
       (SELECT nama FROM wilayah WHERE kode = k::kode_wilayah) AS nama
  FROM unnest(ARRAY['34', '3471', '34.71.09', '3471091002', '91.03.01.3007']) AS k;

\echo
\echo '--- Everything inside Kota Yogyakarta: a btree index range scan'
EXPLAIN (COSTS OFF) SELECT kode, nama FROM wilayah WHERE kode <@ '34.71';
SELECT tingkat, count(*) FROM wilayah WHERE kode <@ '34.71' GROUP BY tingkat ORDER BY tingkat;

\echo
\echo '--- Which desa/kelurahan is this coordinate in?'
SELECT tempat, kode, (SELECT nama FROM wilayah w WHERE w.kode = v.kode) AS nama
  FROM (VALUES
    ('Monas, Jakarta', wilayah_di_titik(ST_SetSRID(ST_MakePoint(106.8272, -6.1754), 4326))),
    ('Kraton Yogyakarta', wilayah_di_titik(ST_SetSRID(ST_MakePoint(110.3644, -7.8053), 4326))),
    ('Pasar Soe, Timor Tengah Selatan', wilayah_di_titik(ST_SetSRID(ST_MakePoint(124.2779, -9.8611), 4326))),
    ('Gedung Sate, Bandung (no desa polygons loaded: kecamatan)', wilayah_di_titik(ST_SetSRID(ST_MakePoint(107.6186, -6.9025), 4326))),
    ('Indian Ocean', wilayah_di_titik(ST_SetSRID(ST_MakePoint(100.0, -12.0), 4326)))) AS v(tempat, kode);

\echo
\echo '--- The registry: 500 synthetic families in Kota Yogyakarta (seed 2026), with a few injected faults'
SELECT * FROM sintetis_muat(2026, 500, '34.71', '{"nik_tanggal_beda": 0.02, "meninggal_aktif": 0.01, "dua_kk": 0.01}');
SELECT shdk, count(*) AS anggota FROM keanggotaan GROUP BY shdk ORDER BY shdk;

\echo
\echo '--- The rules hold at commit: putting a person in a second KK at the same time is refused, nothing is stored'
BEGIN;
INSERT INTO keanggotaan (nik, no_kk, shdk, berlaku)
SELECT nik, no_kk, shdk, '[2025-06-01,)' FROM sintetis_galat WHERE jenis = 'dua_kk' LIMIT 1;
COMMIT;

\echo
\echo '--- Findings that do not block, per rule, over the whole kota'
SELECT aturan, tingkat, count(*) FROM kk_periksa_wilayah('34.71', DATE '2026-01-01') GROUP BY 1, 2 ORDER BY 2, 1;

\echo
\echo '--- One family as a graph (for an app or BI tool to draw)'
SELECT a.nama AS dari, g.hubungan, b.nama AS ke
  FROM kk_graf((SELECT no_kk FROM keanggotaan GROUP BY no_kk ORDER BY count(*) DESC, no_kk LIMIT 1), DATE '2026-01-01') g
  JOIN anggota a ON a.nik = g.nik_a JOIN anggota b ON b.nik = g.nik_b;

\echo
\echo '--- Families linked by shared households (union-find in C)'
SELECT ukuran AS kk_per_komponen, count(*) AS komponen FROM (SELECT DISTINCT komponen, ukuran FROM kk_komponen()) k
 GROUP BY 1 ORDER BY 1;

\echo
\echo '--- Every change is in the append-only history'
SELECT tabel, operasi, count(*) FROM riwayat GROUP BY 1, 2 ORDER BY 1, 2;

\echo
\echo '--- Welfare score (the shipped transparent deprivation index, not the official PMT) and desil within the kota'
SELECT hitung_desil('kabkota', NULL, DATE '2026-01-01') AS keluarga_diberi_desil;
SELECT desil, count(*) AS keluarga, min(skor) AS skor_min, max(skor) AS skor_maks
  FROM skor_keluarga WHERE lingkup = 'kabkota' GROUP BY desil ORDER BY desil;

\echo
\echo '--- Why is this family in its desil? (each answer, weight and contribution)'
SELECT s.no_kk, s.desil, r.variabel, r.nilai, r.bobot, r.kontribusi
  FROM (SELECT no_kk, desil FROM skor_keluarga WHERE lingkup = 'kabkota' AND desil = 6 ORDER BY no_kk LIMIT 1) s,
       skor_rinci(s.no_kk, NULL, DATE '2026-01-01') r
 WHERE r.kontribusi <> 0 ORDER BY r.kontribusi;

\echo
\echo '--- Eligibility per program (national desil ceiling 4, components, region; KJP Plus is for DKI Jakarta)'
SELECT hitung_desil('nasional', NULL, DATE '2026-01-01') AS keluarga_diberi_desil_nasional;
SELECT p.kode AS program, count(*) FILTER (WHERE l.layak) AS layak, count(*) FILTER (WHERE NOT l.layak) AS tidak_layak
  FROM keluarga f, program p, layak_program(f.no_kk, p.kode, DATE '2026-02-01') l
 GROUP BY p.kode ORDER BY p.kode;
\echo '    the reasons most often given:'
SELECT unnest(l.alasan) AS alasan, count(*) FROM keluarga f, program p, layak_program(f.no_kk, p.kode, DATE '2026-02-01') l
 GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 6;

\echo
\echo '--- BPS 14 criteria (4 of them are not recorded by Regsosek): families by criteria met'
SELECT k.terpenuhi AS kriteria_terpenuhi, count(*) AS keluarga FROM keluarga f, kriteria_bps14(f.no_kk, DATE '2026-01-01') k
 GROUP BY 1 ORDER BY 1;

\echo
\echo '--- Usulan: offices are login roles with a region (the desa of the most families, Dinas Sosial Kota Yogyakarta)'
SELECT r.kode_wilayah AS desa_demo FROM rumah_tangga r GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1 \gset
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'demo_operator_desa') THEN CREATE ROLE demo_operator_desa LOGIN; END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'demo_dinsos_yogya') THEN CREATE ROLE demo_dinsos_yogya LOGIN; END IF;
END $$;
SELECT petugas_tetapkan('demo_operator_desa', 'desa', :'desa_demo'), petugas_tetapkan('demo_dinsos_yogya', 'kabkota', '34.71');
SELECT p.pengguna, p.peran, p.kode_wilayah, w.nama FROM petugas_peran p JOIN wilayah w ON w.kode = p.kode_wilayah ORDER BY 2 DESC;
\echo '    the Dukcapil extract: the registry as Dukcapil has it (dead people recorded dead, NIK-based birth dates)'
INSERT INTO penduduk (nik, no_kk, nama, tanggal_lahir, jenis_kelamin, kode_wilayah, hidup)
SELECT a.nik, m.no_kk, upper(a.nama), nik_tanggal_lahir(a.nik), a.jenis_kelamin, r.kode_wilayah,
       NOT EXISTS (SELECT 1 FROM sintetis_galat g WHERE g.nik = a.nik AND g.jenis = 'meninggal_aktif')
  FROM anggota a JOIN keanggotaan m ON m.nik = a.nik AND upper_inf(m.berlaku)
  JOIN keluarga k ON k.no_kk = m.no_kk JOIN rumah_tangga r ON r.id = k.rumah_tangga_id;
SELECT count(*) AS penduduk, count(*) FILTER (WHERE NOT hidup) AS meninggal FROM penduduk;

\echo
\echo '--- The desa operator proposes every family of the desa for PKH (from a musdes), and submits them'
SET ROLE demo_operator_desa;
INSERT INTO usulan (jenis, sumber, kode_wilayah, no_kk, program, berita_acara)
SELECT 'bansos', 'musdes', r.kode_wilayah, k.no_kk, 'PKH', 'BA/MUSDES/2026/11'
  FROM keluarga k JOIN rumah_tangga r ON r.id = k.rumah_tangga_id;
SELECT count(ubah_status(id, 'diajukan')) AS diajukan FROM usulan WHERE status = 'draf';
\echo '    (it cannot take the matching''s step itself: refused with 42501)'
UPDATE usulan SET status = 'padan' WHERE id = (SELECT min(id) FROM usulan);
RESET ROLE;

\echo
\echo '--- Dinas Sosial matches them with Dukcapil: padan / tidak_padan, with the findings per member'
SET ROLE demo_dinsos_yogya;
SELECT * FROM padankan_usulan('34.71');
SELECT temuan, menghalangi, count(*) FROM usulan_temuan GROUP BY 1, 2 ORDER BY 3 DESC;
SELECT id, no_kk, alasan FROM usulan WHERE status = 'tidak_padan' ORDER BY id LIMIT 3;
\echo '    verval visits (one in ten found not eligible), pengesahan by the wali kota, sending to the ministry'
SELECT count(ubah_status(id, CASE WHEN id % 10 = 0 THEN 'tidak_layak' ELSE 'layak' END, NULL,
                         '{"tanggal_kunjungan": "2026-11-10", "petugas_verval": "Tim Verval Kota"}')) AS verval
  FROM usulan WHERE status = 'padan';
SELECT count(ubah_status(id, 'disahkan', NULL, '{"surat_pengesahan": "SK Wali Kota Yogyakarta 400/2026"}')) AS disahkan
  FROM usulan WHERE status = 'layak';
SELECT count(ubah_status(id, 'dikirim')) AS dikirim FROM usulan WHERE status = 'disahkan';
SELECT status, periode_penetapan, count(*) FROM usulan GROUP BY 1, 2 ORDER BY 3 DESC;
RESET ROLE;

\echo
\echo '--- Every step, by whom (the append-only history)'
SELECT dari, ke, peran, pelaku, count(*) FROM usulan_riwayat GROUP BY 1, 2, 3, 4 ORDER BY min(id);
