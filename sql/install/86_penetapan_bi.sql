-- Views for BI tools: the monthly DTKS figures per region, the changes, the programs and the
-- usulan funnel.  Names and types are stable; codes are text so that any client filters them
-- without the dtks types or operators.  dtks_pembaca reads these and nothing with personal data.

-- a region's series by its code as text (how BI tools filter)
CREATE INDEX penetapan_agregat_kode_teks ON dtks.penetapan_agregat ((kode_wilayah::text), mulai);
COMMENT ON INDEX dtks.penetapan_agregat_kode_teks IS 'A region''s rows by month, by the code as text (the BI views'' kode_wilayah)';

-- Every determined month and region with the figures row in force then (the latest not after it).
CREATE VIEW dtks.penetapan_agregat_bulan AS
SELECT p.periode, a.*
  FROM dtks.penetapan p
  JOIN dtks.penetapan_agregat a ON a.mulai OPERATOR(pg_catalog.<=) p.periode
 WHERE NOT EXISTS (SELECT 1 FROM dtks.penetapan_agregat n
                    WHERE n.kode_wilayah OPERATOR(dtks.=) a.kode_wilayah AND n.mulai OPERATOR(pg_catalog.>) a.mulai AND n.mulai OPERATOR(pg_catalog.<=) p.periode);
COMMENT ON VIEW dtks.penetapan_agregat_bulan IS
    'Each determined month (periode) and region with the row of dtks.penetapan_agregat in force then; its entry and exit counts belong to the month mulai (the BI views count them only when mulai = periode)';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.periode IS 'The month (its first day)';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.kode_wilayah IS 'The region';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.tingkat IS 'Its level: 1 provinsi, 2 kab/kota, 3 kecamatan, 4 desa/kelurahan';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.mulai IS 'The month whose penetapan wrote the row in force (its entry and exit counts are of that month)';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.keluarga IS 'Families in DTKS';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.anggota IS 'Members in DTKS';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.rumah_tangga IS 'Households with a family in DTKS';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.desil_1 IS 'Families in national desil 1';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.desil_2 IS 'Families in national desil 2';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.desil_3 IS 'Families in national desil 3';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.desil_4 IS 'Families in national desil 4';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.desil_5 IS 'Families in national desil 5';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.desil_6 IS 'Families in national desil 6';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.desil_7 IS 'Families in national desil 7';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.desil_8 IS 'Families in national desil 8';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.desil_9 IS 'Families in national desil 9';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.desil_10 IS 'Families in national desil 10';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.desil_kosong IS 'Families without a score';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.laki_laki IS 'Male members';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.perempuan IS 'Female members';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.umur_0_5 IS 'Members aged 0-5 on the first day of the month';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.umur_6_17 IS 'Members aged 6-17';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.umur_18_59 IS 'Members aged 18-59';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.umur_60_lebih IS 'Members aged 60 or more';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.program IS 'Families per program: {"PKH": n, ...} (programs with none are left out)';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.keluarga_masuk IS 'Families that entered DTKS in the month this row starts';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.keluarga_keluar_meninggal IS 'Families that left in that month: died';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.keluarga_keluar_pindah IS 'Families that left in that month: moved away';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.keluarga_keluar_mampu IS 'Families that left in that month: no longer poor';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.keluarga_keluar_ganda IS 'Families that left in that month: duplicate';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.keluarga_keluar_lainnya IS 'Families that left in that month: another reason';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.anggota_masuk IS 'Members that entered DTKS in that month';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.anggota_keluar_meninggal IS 'Members that left in that month: died';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.anggota_keluar_pindah IS 'Members that left in that month: moved away';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.anggota_keluar_mampu IS 'Members that left in that month: their family no longer poor';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.anggota_keluar_ganda IS 'Members that left in that month: duplicate';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.anggota_keluar_lainnya IS 'Members that left in that month: another reason (e.g. left the family)';

CREATE VIEW dtks.v_penetapan_bulanan AS
SELECT a.periode, a.tingkat::integer AS tingkat,
       (ARRAY['provinsi', 'kabkota', 'kecamatan', 'desa'])[a.tingkat] AS tingkat_nama,
       a.kode_wilayah::text AS kode_wilayah, w.nama AS nama_wilayah,
       dtks.leluhur(a.kode_wilayah, 1)::text AS kode_provinsi, w1.nama AS nama_provinsi,
       dtks.leluhur(a.kode_wilayah, 2)::text AS kode_kabkota, w2.nama AS nama_kabkota,
       dtks.leluhur(a.kode_wilayah, 3)::text AS kode_kecamatan, w3.nama AS nama_kecamatan,
       dtks.leluhur(a.kode_wilayah, 4)::text AS kode_desa, CASE WHEN a.tingkat OPERATOR(pg_catalog.=) 4 THEN w.nama END AS nama_desa,
       a.keluarga, a.anggota, a.rumah_tangga,
       a.desil_1, a.desil_2, a.desil_3, a.desil_4, a.desil_5, a.desil_6, a.desil_7, a.desil_8, a.desil_9, a.desil_10,
       a.desil_kosong,
       coalesce((a.program OPERATOR(pg_catalog.->>) 'PKH')::bigint, 0) AS program_pkh,
       coalesce((a.program OPERATOR(pg_catalog.->>) 'BPNT')::bigint, 0) AS program_bpnt,
       coalesce((a.program OPERATOR(pg_catalog.->>) 'PBI_JKN')::bigint, 0) AS program_pbi_jkn,
       coalesce((a.program OPERATOR(pg_catalog.->>) 'PIP')::bigint, 0) AS program_pip,
       coalesce((a.program OPERATOR(pg_catalog.->>) 'KJP_PLUS')::bigint, 0) AS program_kjp_plus,
       a.laki_laki, a.perempuan, a.umur_0_5, a.umur_6_17, a.umur_18_59, a.umur_60_lebih
  -- the region and its ancestors joined by primary key (not a per-row function the planner cannot inline), so that a
  -- filter on any code column is a cheap test made before a name is looked up
  FROM dtks.penetapan_agregat_bulan a
  LEFT JOIN dtks.wilayah w ON w.kode OPERATOR(dtks.=) a.kode_wilayah
  LEFT JOIN dtks.wilayah w1 ON w1.kode OPERATOR(dtks.=) dtks.leluhur(a.kode_wilayah, 1)
  LEFT JOIN dtks.wilayah w2 ON w2.kode OPERATOR(dtks.=) dtks.leluhur(a.kode_wilayah, 2)
  LEFT JOIN dtks.wilayah w3 ON w3.kode OPERATOR(dtks.=) dtks.leluhur(a.kode_wilayah, 3);
COMMENT ON VIEW dtks.v_penetapan_bulanan IS
    'DTKS as determined, per month and region at every level (maintained by each penetapan): families, members, households, desil, programs, sex and age band. Filter on kode_wilayah (text) and periode, or on tingkat and an ancestor''s code (kode_kabkota ...); a region''s series is one index range';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.periode IS 'The month determined (its first day)';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.tingkat IS 'Level of the region: 1 provinsi, 2 kab/kota, 3 kecamatan, 4 desa/kelurahan';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.tingkat_nama IS 'Level as a word: provinsi, kabkota, kecamatan, desa';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.kode_wilayah IS 'Kemendagri code of the region, e.g. 34.71';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.nama_wilayah IS 'Name of the region (current edition)';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.kode_provinsi IS 'Code of its province';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.nama_provinsi IS 'Name of its province';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.kode_kabkota IS 'Code of its kab/kota (NULL for a province)';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.nama_kabkota IS 'Name of its kab/kota';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.kode_kecamatan IS 'Code of its kecamatan (NULL above that level)';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.nama_kecamatan IS 'Name of its kecamatan';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.kode_desa IS 'Code of the desa/kelurahan (desa rows only)';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.nama_desa IS 'Name of the desa/kelurahan';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.keluarga IS 'Families (KK) in DTKS';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.anggota IS 'Members (persons) in DTKS';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.rumah_tangga IS 'Households with at least one family in DTKS';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.desil_1 IS 'Families in national desil 1 (the poorest tenth)';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.desil_2 IS 'Families in national desil 2';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.desil_3 IS 'Families in national desil 3';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.desil_4 IS 'Families in national desil 4';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.desil_5 IS 'Families in national desil 5';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.desil_6 IS 'Families in national desil 6';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.desil_7 IS 'Families in national desil 7';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.desil_8 IS 'Families in national desil 8';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.desil_9 IS 'Families in national desil 9';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.desil_10 IS 'Families in national desil 10 (the best-off tenth)';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.desil_kosong IS 'Families without a score';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.program_pkh IS 'Families in PKH (Program Keluarga Harapan)';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.program_bpnt IS 'Families in BPNT/Sembako';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.program_pbi_jkn IS 'Families in PBI-JKN';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.program_pip IS 'Families in PIP';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.program_kjp_plus IS 'Families in KJP Plus (DKI Jakarta)';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.laki_laki IS 'Male members';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.perempuan IS 'Female members';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.umur_0_5 IS 'Members aged 0-5 on the first day of the month';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.umur_6_17 IS 'Members aged 6-17';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.umur_18_59 IS 'Members aged 18-59';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.umur_60_lebih IS 'Members aged 60 or more';

CREATE VIEW dtks.v_penetapan_program AS
SELECT a.periode, a.tingkat::integer AS tingkat, a.kode_wilayah::text AS kode_wilayah,
       (SELECT w.nama FROM dtks.wilayah w WHERE w.kode OPERATOR(dtks.=) a.kode_wilayah) AS nama_wilayah,
       p.key AS program, g.nama AS nama_program, p.value::bigint AS keluarga
  FROM dtks.penetapan_agregat_bulan a
  CROSS JOIN LATERAL pg_catalog.jsonb_each_text(a.program) p
  LEFT JOIN dtks.program g ON g.kode OPERATOR(pg_catalog.=) p.key;
COMMENT ON VIEW dtks.v_penetapan_program IS
    'Families per program, month and region at every level (every program in dtks.program, including those added later); a program with no family in a region has no row';
COMMENT ON COLUMN dtks.v_penetapan_program.periode IS 'The month';
COMMENT ON COLUMN dtks.v_penetapan_program.tingkat IS 'Level of the region (1-4)';
COMMENT ON COLUMN dtks.v_penetapan_program.kode_wilayah IS 'Code of the region';
COMMENT ON COLUMN dtks.v_penetapan_program.nama_wilayah IS 'Name of the region';
COMMENT ON COLUMN dtks.v_penetapan_program.program IS 'Program code (dtks.program.kode)';
COMMENT ON COLUMN dtks.v_penetapan_program.nama_program IS 'Program name';
COMMENT ON COLUMN dtks.v_penetapan_program.keluarga IS 'Families in the program (keluarga penerima manfaat)';

CREATE VIEW dtks.v_penetapan_perubahan AS
WITH u AS (
    SELECT a.periode, a.tingkat, a.kode_wilayah, a.keluarga, a.anggota,
           CASE WHEN a.mulai OPERATOR(pg_catalog.=) a.periode THEN a.keluarga_masuk ELSE 0 END AS keluarga_masuk,
           CASE WHEN a.mulai OPERATOR(pg_catalog.=) a.periode THEN a.keluarga_keluar_meninggal ELSE 0 END AS keluarga_keluar_meninggal,
           CASE WHEN a.mulai OPERATOR(pg_catalog.=) a.periode THEN a.keluarga_keluar_pindah ELSE 0 END AS keluarga_keluar_pindah,
           CASE WHEN a.mulai OPERATOR(pg_catalog.=) a.periode THEN a.keluarga_keluar_mampu ELSE 0 END AS keluarga_keluar_mampu,
           CASE WHEN a.mulai OPERATOR(pg_catalog.=) a.periode THEN a.keluarga_keluar_ganda ELSE 0 END AS keluarga_keluar_ganda,
           CASE WHEN a.mulai OPERATOR(pg_catalog.=) a.periode THEN a.keluarga_keluar_lainnya ELSE 0 END AS keluarga_keluar_lainnya,
           CASE WHEN a.mulai OPERATOR(pg_catalog.=) a.periode THEN a.anggota_masuk ELSE 0 END AS anggota_masuk,
           CASE WHEN a.mulai OPERATOR(pg_catalog.=) a.periode THEN a.anggota_keluar_meninggal ELSE 0 END AS anggota_keluar_meninggal,
           CASE WHEN a.mulai OPERATOR(pg_catalog.=) a.periode THEN a.anggota_keluar_pindah ELSE 0 END AS anggota_keluar_pindah,
           CASE WHEN a.mulai OPERATOR(pg_catalog.=) a.periode THEN a.anggota_keluar_mampu ELSE 0 END AS anggota_keluar_mampu,
           CASE WHEN a.mulai OPERATOR(pg_catalog.=) a.periode THEN a.anggota_keluar_ganda ELSE 0 END AS anggota_keluar_ganda,
           CASE WHEN a.mulai OPERATOR(pg_catalog.=) a.periode THEN a.anggota_keluar_lainnya ELSE 0 END AS anggota_keluar_lainnya
      FROM dtks.penetapan_agregat_bulan a)
SELECT a.periode, a.tingkat::integer AS tingkat, a.kode_wilayah::text AS kode_wilayah, w.nama AS nama_wilayah,
       dtks.leluhur(a.kode_wilayah, 1)::text AS kode_provinsi, dtks.leluhur(a.kode_wilayah, 2)::text AS kode_kabkota,
       a.keluarga OPERATOR(pg_catalog.-) a.keluarga_masuk OPERATOR(pg_catalog.+) a.keluarga_keluar_meninggal OPERATOR(pg_catalog.+) a.keluarga_keluar_pindah OPERATOR(pg_catalog.+) a.keluarga_keluar_mampu
         OPERATOR(pg_catalog.+) a.keluarga_keluar_ganda OPERATOR(pg_catalog.+) a.keluarga_keluar_lainnya AS keluarga_awal,
       a.keluarga_masuk,
       a.keluarga_keluar_meninggal OPERATOR(pg_catalog.+) a.keluarga_keluar_pindah OPERATOR(pg_catalog.+) a.keluarga_keluar_mampu OPERATOR(pg_catalog.+) a.keluarga_keluar_ganda
         OPERATOR(pg_catalog.+) a.keluarga_keluar_lainnya AS keluarga_keluar,
       a.keluarga_keluar_meninggal, a.keluarga_keluar_pindah, a.keluarga_keluar_mampu, a.keluarga_keluar_ganda,
       a.keluarga_keluar_lainnya,
       a.keluarga OPERATOR(pg_catalog.-) a.keluarga_masuk AS keluarga_tetap,
       a.keluarga AS keluarga_akhir,
       a.anggota_masuk,
       a.anggota_keluar_meninggal OPERATOR(pg_catalog.+) a.anggota_keluar_pindah OPERATOR(pg_catalog.+) a.anggota_keluar_mampu OPERATOR(pg_catalog.+) a.anggota_keluar_ganda
         OPERATOR(pg_catalog.+) a.anggota_keluar_lainnya AS anggota_keluar,
       a.anggota_keluar_meninggal, a.anggota_keluar_pindah, a.anggota_keluar_mampu, a.anggota_keluar_ganda,
       a.anggota_keluar_lainnya,
       a.anggota OPERATOR(pg_catalog.-) a.anggota_masuk AS anggota_tetap,
       a.anggota AS anggota_akhir
  FROM u a
  LEFT JOIN dtks.wilayah w ON w.kode OPERATOR(dtks.=) a.kode_wilayah;
COMMENT ON VIEW dtks.v_penetapan_perubahan IS
    'What each month''s penetapan changed per region at every level: families and members that entered, left (by reason) and stayed; awal + masuk - keluar = akhir';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.periode IS 'The month';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.tingkat IS 'Level of the region (1-4)';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.kode_wilayah IS 'Code of the region';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.nama_wilayah IS 'Name of the region';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.kode_provinsi IS 'Code of its province';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.kode_kabkota IS 'Code of its kab/kota (NULL for a province)';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.keluarga_awal IS 'Families in DTKS the month before';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.keluarga_masuk IS 'Families that entered';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.keluarga_keluar IS 'Families that left, for any reason';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.keluarga_keluar_meninggal IS 'Families that left: died';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.keluarga_keluar_pindah IS 'Families that left: moved away';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.keluarga_keluar_mampu IS 'Families that left: no longer poor';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.keluarga_keluar_ganda IS 'Families that left: duplicate';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.keluarga_keluar_lainnya IS 'Families that left for another reason';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.keluarga_tetap IS 'Families in DTKS both months (in the region: a family that moved between regions counts as staying in its new one)';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.keluarga_akhir IS 'Families in DTKS this month';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.anggota_masuk IS 'Members that entered';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.anggota_keluar IS 'Members that left, for any reason';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.anggota_keluar_meninggal IS 'Members that left: died';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.anggota_keluar_pindah IS 'Members that left: moved away';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.anggota_keluar_mampu IS 'Members that left: their family no longer poor';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.anggota_keluar_ganda IS 'Members that left: duplicate';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.anggota_keluar_lainnya IS 'Members that left for another reason (e.g. left their family)';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.anggota_tetap IS 'Members in DTKS both months';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.anggota_akhir IS 'Members in DTKS this month';

-- The usulan funnel: per month an usulan was made, region (every level), kind and source.
CREATE VIEW dtks.v_usulan_rekap AS
WITH u AS (
    SELECT x.id, pg_catalog.date_trunc('month', x.dibuat)::date AS bulan, x.kode_wilayah, x.jenis, x.sumber, x.status,
           (SELECT pg_catalog.min(r.waktu) FROM dtks.usulan_riwayat r WHERE r.usulan OPERATOR(pg_catalog.=) x.id AND r.ke OPERATOR(pg_catalog.=) 'diajukan') AS diajukan,
           (SELECT pg_catalog.max(r.waktu) FROM dtks.usulan_riwayat r WHERE r.usulan OPERATOR(pg_catalog.=) x.id AND r.ke OPERATOR(pg_catalog.=) 'ditetapkan') AS ditetapkan
      FROM dtks.usulan x)
SELECT u.bulan, t.tingkat, l.kode::text AS kode_wilayah,
       (SELECT w.nama FROM dtks.wilayah w WHERE w.kode OPERATOR(dtks.=) l.kode) AS nama_wilayah,
       u.jenis, u.sumber,
       pg_catalog.count(*) AS jumlah,
       pg_catalog.count(*) FILTER (WHERE u.status OPERATOR(pg_catalog.=) 'draf') AS draf,
       pg_catalog.count(*) FILTER (WHERE u.status OPERATOR(pg_catalog.=) 'diajukan') AS diajukan,
       pg_catalog.count(*) FILTER (WHERE u.status OPERATOR(pg_catalog.=) 'padan') AS padan,
       pg_catalog.count(*) FILTER (WHERE u.status OPERATOR(pg_catalog.=) 'tidak_padan') AS tidak_padan,
       pg_catalog.count(*) FILTER (WHERE u.status OPERATOR(pg_catalog.=) 'layak') AS layak,
       pg_catalog.count(*) FILTER (WHERE u.status OPERATOR(pg_catalog.=) 'tidak_layak') AS tidak_layak,
       pg_catalog.count(*) FILTER (WHERE u.status OPERATOR(pg_catalog.=) 'disahkan') AS disahkan,
       pg_catalog.count(*) FILTER (WHERE u.status OPERATOR(pg_catalog.=) 'dikirim') AS dikirim,
       pg_catalog.count(*) FILTER (WHERE u.status OPERATOR(pg_catalog.=) 'pengendalian') AS pengendalian,
       pg_catalog.count(*) FILTER (WHERE u.status OPERATOR(pg_catalog.=) 'dikembalikan') AS dikembalikan,
       pg_catalog.count(*) FILTER (WHERE u.status OPERATOR(pg_catalog.=) 'ditetapkan') AS ditetapkan,
       pg_catalog.count(*) FILTER (WHERE u.status OPERATOR(pg_catalog.=) 'ditolak') AS ditolak,
       pg_catalog.count(*) FILTER (WHERE u.status OPERATOR(pg_catalog.=) 'dibatalkan') AS dibatalkan,
       (pg_catalog.percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM u.ditetapkan OPERATOR(pg_catalog.-) u.diajukan) OPERATOR(pg_catalog./) 86400.0)
            FILTER (WHERE u.ditetapkan IS NOT NULL AND u.diajukan IS NOT NULL))::numeric(10, 1) AS median_hari_ditetapkan
  FROM u, (VALUES (1), (2), (3), (4)) t(tingkat), LATERAL (SELECT dtks.leluhur(u.kode_wilayah, t.tingkat) AS kode) l
 GROUP BY u.bulan, t.tingkat, l.kode, u.jenis, u.sumber;
COMMENT ON VIEW dtks.v_usulan_rekap IS
    'The usulan funnel: per month an usulan was made, region at every level, kind and source, how many sit in each status now, and the median days from first diajukan to ditetapkan';
COMMENT ON COLUMN dtks.v_usulan_rekap.bulan IS 'Month the usulan were made (first day)';
COMMENT ON COLUMN dtks.v_usulan_rekap.tingkat IS 'Level of the region (1 provinsi ... 4 desa)';
COMMENT ON COLUMN dtks.v_usulan_rekap.kode_wilayah IS 'Code of the region';
COMMENT ON COLUMN dtks.v_usulan_rekap.nama_wilayah IS 'Name of the region';
COMMENT ON COLUMN dtks.v_usulan_rekap.jenis IS 'Kind: baru, bansos, perbaikan, penghentian';
COMMENT ON COLUMN dtks.v_usulan_rekap.sumber IS 'Source: musdes, muskel, mandiri, kemensos, dinas';
COMMENT ON COLUMN dtks.v_usulan_rekap.jumlah IS 'Usulan made';
COMMENT ON COLUMN dtks.v_usulan_rekap.draf IS 'Now in draf';
COMMENT ON COLUMN dtks.v_usulan_rekap.diajukan IS 'Now diajukan (waiting for the Dukcapil matching)';
COMMENT ON COLUMN dtks.v_usulan_rekap.padan IS 'Now padan (waiting for verval)';
COMMENT ON COLUMN dtks.v_usulan_rekap.tidak_padan IS 'Now tidak_padan (back with the desa)';
COMMENT ON COLUMN dtks.v_usulan_rekap.layak IS 'Now layak (waiting for pengesahan)';
COMMENT ON COLUMN dtks.v_usulan_rekap.tidak_layak IS 'Ended tidak_layak at verval';
COMMENT ON COLUMN dtks.v_usulan_rekap.disahkan IS 'Now disahkan (waiting to be sent)';
COMMENT ON COLUMN dtks.v_usulan_rekap.dikirim IS 'Now dikirim (waiting for the penetapan)';
COMMENT ON COLUMN dtks.v_usulan_rekap.pengendalian IS 'Now in quality control';
COMMENT ON COLUMN dtks.v_usulan_rekap.dikembalikan IS 'Now returned by the ministry';
COMMENT ON COLUMN dtks.v_usulan_rekap.ditetapkan IS 'Determined';
COMMENT ON COLUMN dtks.v_usulan_rekap.ditolak IS 'Refused';
COMMENT ON COLUMN dtks.v_usulan_rekap.dibatalkan IS 'Cancelled by the desa';
COMMENT ON COLUMN dtks.v_usulan_rekap.median_hari_ditetapkan IS 'Median days from the first diajukan to ditetapkan, over the determined ones (NULL if none)';

GRANT SELECT ON dtks.v_penetapan_bulanan, dtks.v_penetapan_program, dtks.v_penetapan_perubahan, dtks.v_usulan_rekap
    TO dtks_pembaca, dtks_desa, dtks_kabkota, dtks_provinsi, dtks_pusat, dtks_pt;
