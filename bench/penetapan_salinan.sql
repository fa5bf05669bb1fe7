-- The baseline of bench/penetapan.sh and bench/penetapan_lantai.sh: what a system without validity periods does
-- every month, a snapshot of every active member with its family, region, household, SHDK, sex, birth date, latest
-- national desil and score and current programs (the columns of dtks.penetapan_pada), read from the registry.
-- The scripts run it as CREATE TABLE ... AS (this query), so it ends without a semicolon.
SELECT m.nik, m.no_kk, h.kode_wilayah, f.rumah_tangga_id, m.shdk, a.jenis_kelamin, a.tanggal_lahir, s.desil, s.skor,
       coalesce(p.program, '{}') AS program
  FROM dtks.keanggotaan m
  JOIN dtks.anggota a ON a.nik = m.nik AND a.status_hidup = 'aktif'
  JOIN dtks.keluarga f ON f.no_kk = m.no_kk AND f.status = 'aktif'
  JOIN dtks.rumah_tangga h ON h.id = f.rumah_tangga_id
  LEFT JOIN (SELECT DISTINCT ON (x.no_kk) x.no_kk, x.desil, x.skor FROM dtks.skor_keluarga x
              WHERE x.lingkup = 'nasional' ORDER BY x.no_kk, x.dihitung DESC) s ON s.no_kk = m.no_kk
  LEFT JOIN (SELECT g.no_kk, array_agg(g.program ORDER BY g.program) AS program FROM dtks.penetapan_program g
              WHERE upper_inf(g.berlaku) GROUP BY g.no_kk) p ON p.no_kk = m.no_kk
 WHERE upper_inf(m.berlaku)
