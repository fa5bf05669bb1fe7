-- Checks that do not block: findings about the members of families on a reference date.

CREATE FUNCTION dtks.kk_periksa_daftar(daftar dtks.no_kk[], acuan date)
    RETURNS TABLE (no_kk dtks.no_kk, nik dtks.nik, aturan text, tingkat text, keterangan text)
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
WITH
    kk AS (SELECT DISTINCT d AS no_kk FROM pg_catalog.unnest(daftar) AS d),
    -- each member with the birth dates of its KK's kepala and the NIKs sharing its name and birth date in the KK,
    -- as window aggregates: a self-join of this CTE is a nested loop over its rows (the list's size is unknown to
    -- the planner), quadratic in the KKs checked
    kini AS (SELECT m.no_kk, m.nik, m.shdk, a.nama, a.jenis_kelamin, a.tanggal_lahir, a.status_kawin,
                    a.status_hidup, a.kartu_identitas, a.partisipasi_sekolah, a.jenjang_pendidikan, a.bekerja,
                    a.penyakit_kronis, a.jaminan_kesehatan,
                    pg_catalog.array_agg(a.tanggal_lahir) FILTER (WHERE m.shdk OPERATOR(pg_catalog.=) 1) OVER (PARTITION BY m.no_kk) AS lahir_kepala,
                    pg_catalog.array_agg(m.nik) OVER (PARTITION BY m.no_kk, pg_catalog.lower(a.nama), a.tanggal_lahir) AS sama
               FROM kk JOIN dtks.keanggotaan m ON m.no_kk OPERATOR(dtks.=) kk.no_kk AND m.berlaku OPERATOR(pg_catalog.@>) acuan
               JOIN dtks.anggota a ON a.nik OPERATOR(dtks.=) m.nik)
SELECT k.no_kk, k.nik, 'nik_tanggal_lahir', 'peringatan',
       pg_catalog.format('the birth date in the NIK (%s) differs from the recorded one (%s); legitimate after a correction',
              pg_catalog.to_char(dtks.nik_tanggal_lahir(k.nik, acuan), 'DD-MM-YY'), pg_catalog.to_char(k.tanggal_lahir, 'DD-MM-YY'))
  FROM kini k WHERE dtks.nik_tanggal_lahir(k.nik, k.tanggal_lahir) IS DISTINCT FROM k.tanggal_lahir
UNION ALL
SELECT k.no_kk, k.nik, 'nik_jenis_kelamin', 'peringatan',
       pg_catalog.format('the NIK says %s, the record says %s', dtks.nik_jenis_kelamin(k.nik), k.jenis_kelamin)
  FROM kini k WHERE dtks.nik_jenis_kelamin(k.nik) OPERATOR(pg_catalog.<>) k.jenis_kelamin
UNION ALL
SELECT k.no_kk, k.nik, 'anak_lebih_tua', 'galat',
       pg_catalog.format('an anak (SHDK 4) born %s is not younger than the kepala keluarga (born %s)', k.tanggal_lahir, p.lahir)
  FROM kini k CROSS JOIN LATERAL pg_catalog.unnest(k.lahir_kepala) AS p(lahir) WHERE k.shdk OPERATOR(pg_catalog.=) 4 AND k.tanggal_lahir OPERATOR(pg_catalog.<=) p.lahir
UNION ALL
SELECT k.no_kk, k.nik, 'anak_selisih_umur', 'peringatan',
       pg_catalog.format('an anak (SHDK 4) is only %s years younger than the kepala keluarga (less than 12)',
              pg_catalog.date_part('year', pg_catalog.age(k.tanggal_lahir, p.lahir)))
  FROM kini k CROSS JOIN LATERAL pg_catalog.unnest(k.lahir_kepala) AS p(lahir)
 WHERE k.shdk OPERATOR(pg_catalog.=) 4 AND k.tanggal_lahir OPERATOR(pg_catalog.>) p.lahir AND k.tanggal_lahir OPERATOR(pg_catalog.<) (p.lahir OPERATOR(pg_catalog.+) interval '12 years')
UNION ALL
SELECT k.no_kk, k.nik, 'kawin_di_bawah_umur', 'peringatan',
       pg_catalog.format('married status %s at age %s; the minimum age of marriage is 19 (UU 16/2019)', k.status_kawin,
              pg_catalog.date_part('year', pg_catalog.age(acuan, k.tanggal_lahir)))
  FROM kini k WHERE k.status_kawin OPERATOR(pg_catalog.=) ANY (ARRAY[2, 3, 4]) AND pg_catalog.age(acuan, k.tanggal_lahir) OPERATOR(pg_catalog.<) interval '19 years'
UNION ALL
SELECT k.no_kk, k.nik, 'wilayah_nik_tidak_dikenal', 'galat',
       pg_catalog.format('the NIK prefix %s is not a kecamatan in any loaded edition of the region codes', dtks.nik_kode_wilayah(k.nik))
  FROM kini k WHERE NOT dtks.nik_wilayah_dikenal(k.nik)
UNION ALL
SELECT k.no_kk, k.nik, 'nama_lahir_ganda', 'galat',
       pg_catalog.format('another member of the KK has the same name and birth date (NIK %s)', l.nik)
  FROM kini k CROSS JOIN LATERAL pg_catalog.unnest(k.sama) AS l(nik)
 WHERE pg_catalog.cardinality(k.sama) OPERATOR(pg_catalog.>) 1 AND l.nik OPERATOR(dtks.<>) k.nik
UNION ALL
SELECT k.no_kk, k.nik, 'meninggal_masih_anggota', 'galat',
       'the person is recorded as dead but is still a current member of the KK'
  FROM kini k WHERE k.status_hidup OPERATOR(pg_catalog.=) 'meninggal'
UNION ALL
SELECT k.no_kk, k.nik, 'tidak_lengkap', 'peringatan',
       'missing: ' OPERATOR(pg_catalog.||) pg_catalog.concat_ws(', ',
           CASE WHEN k.status_kawin IS NULL THEN 'status_kawin' END,
           CASE WHEN k.kartu_identitas IS NULL THEN 'kartu_identitas' END,
           CASE WHEN k.partisipasi_sekolah IS NULL AND pg_catalog.age(acuan, k.tanggal_lahir) OPERATOR(pg_catalog.>=) interval '5 years' THEN 'partisipasi_sekolah' END,
           CASE WHEN k.jenjang_pendidikan IS NULL AND k.partisipasi_sekolah OPERATOR(pg_catalog.=) ANY (ARRAY[2, 3]) THEN 'jenjang_pendidikan' END,
           CASE WHEN k.bekerja IS NULL AND pg_catalog.age(acuan, k.tanggal_lahir) OPERATOR(pg_catalog.>=) interval '10 years' THEN 'bekerja' END,
           CASE WHEN k.penyakit_kronis IS NULL THEN 'penyakit_kronis' END,
           CASE WHEN k.jaminan_kesehatan IS NULL THEN 'jaminan_kesehatan' END)
  FROM kini k
 WHERE k.status_kawin IS NULL OR k.kartu_identitas IS NULL OR k.penyakit_kronis IS NULL OR k.jaminan_kesehatan IS NULL
    OR (k.partisipasi_sekolah IS NULL AND pg_catalog.age(acuan, k.tanggal_lahir) OPERATOR(pg_catalog.>=) interval '5 years')
    OR (k.jenjang_pendidikan IS NULL AND k.partisipasi_sekolah OPERATOR(pg_catalog.=) ANY (ARRAY[2, 3]))
    OR (k.bekerja IS NULL AND pg_catalog.age(acuan, k.tanggal_lahir) OPERATOR(pg_catalog.>=) interval '10 years')
UNION ALL
-- the household's location outside its desa (or, where the desa has no boundary, its kecamatan) by more than
-- dtks.lokasi_toleransi metres (on the spheroid; the boundaries are simplified)
SELECT f.no_kk, NULL, 'lokasi_luar_wilayah', 'galat',
       pg_catalog.format('the household''s location lies %s m outside its %s %s (tolerance %s m)',
              pg_catalog.round(j.jarak::numeric), CASE b.tingkat WHEN 4 THEN 'desa' ELSE 'kecamatan' END, b.kode,
              pg_catalog.current_setting('dtks.lokasi_toleransi'))
  FROM kk JOIN dtks.keluarga f ON f.no_kk OPERATOR(dtks.=) kk.no_kk JOIN dtks.rumah_tangga h ON h.id OPERATOR(pg_catalog.=) f.rumah_tangga_id
 CROSS JOIN LATERAL (SELECT w.kode, w.tingkat, w.batas FROM dtks.wilayah w
                      WHERE w.batas IS NOT NULL
                        AND w.kode OPERATOR(dtks.=) ANY (ARRAY[h.kode_wilayah, dtks.leluhur(h.kode_wilayah, 3)])
                      ORDER BY w.tingkat DESC LIMIT 1) b
 CROSS JOIN LATERAL (SELECT ST_Distance(b.batas::geography, h.lokasi::geography) AS jarak) j
 WHERE h.lokasi IS NOT NULL AND NOT ST_Covers(b.batas, h.lokasi)
   AND j.jarak OPERATOR(pg_catalog.>) pg_catalog.current_setting('dtks.lokasi_toleransi')::double precision
UNION ALL
SELECT f.no_kk, NULL, 'tidak_lengkap', 'peringatan',
       'household (Blok III) missing: ' OPERATOR(pg_catalog.||) pg_catalog.concat_ws(', ',
           CASE WHEN h.status_bangunan IS NULL THEN 'status_bangunan' END,
           CASE WHEN h.luas_lantai IS NULL THEN 'luas_lantai' END,
           CASE WHEN h.jenis_lantai IS NULL THEN 'jenis_lantai' END,
           CASE WHEN h.jenis_dinding IS NULL THEN 'jenis_dinding' END,
           CASE WHEN h.jenis_atap IS NULL THEN 'jenis_atap' END,
           CASE WHEN h.sumber_air_minum IS NULL THEN 'sumber_air_minum' END,
           CASE WHEN h.sumber_penerangan IS NULL THEN 'sumber_penerangan' END,
           CASE WHEN h.bahan_bakar IS NULL THEN 'bahan_bakar' END,
           CASE WHEN h.fasilitas_bab IS NULL THEN 'fasilitas_bab' END)
  FROM kk JOIN dtks.keluarga f ON f.no_kk OPERATOR(dtks.=) kk.no_kk JOIN dtks.rumah_tangga h ON h.id OPERATOR(pg_catalog.=) f.rumah_tangga_id
 WHERE h.status_bangunan IS NULL OR h.luas_lantai IS NULL OR h.jenis_lantai IS NULL OR h.jenis_dinding IS NULL
    OR h.jenis_atap IS NULL OR h.sumber_air_minum IS NULL OR h.sumber_penerangan IS NULL OR h.bahan_bakar IS NULL
    OR h.fasilitas_bab IS NULL;
END;
COMMENT ON FUNCTION dtks.kk_periksa_daftar(dtks.no_kk[], date) IS
    'Non-blocking findings (galat or peringatan) about the members of the given KKs on a date; the core of kk_periksa and kk_periksa_wilayah';

CREATE FUNCTION dtks.kk_periksa(no_kk dtks.no_kk, acuan date DEFAULT CURRENT_DATE)
    RETURNS TABLE (nik dtks.nik, aturan text, tingkat text, keterangan text)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT p.nik, p.aturan, p.tingkat, p.keterangan
      FROM dtks.kk_periksa_daftar(ARRAY[kk_periksa.no_kk], acuan) p
     ORDER BY p.nik NULLS FIRST, p.aturan;
END;
COMMENT ON FUNCTION dtks.kk_periksa(dtks.no_kk, date) IS
    'One row per finding about a KK: NIK date/sex differing from the record, child age, marriage under 19, unknown NIK region, same name and birth date, dead but current, missing attributes';

CREATE FUNCTION dtks.kk_periksa_wilayah(wilayah dtks.kode_wilayah, acuan date DEFAULT CURRENT_DATE)
    RETURNS TABLE (no_kk dtks.no_kk, nik dtks.nik, aturan text, tingkat text, keterangan text)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT p.no_kk, p.nik, p.aturan, p.tingkat, p.keterangan
      FROM dtks.kk_periksa_daftar(ARRAY(SELECT f.no_kk FROM dtks.keluarga f
                                          JOIN dtks.rumah_tangga h ON h.id OPERATOR(pg_catalog.=) f.rumah_tangga_id
                                         WHERE h.kode_wilayah OPERATOR(dtks.<@) wilayah AND f.status OPERATOR(pg_catalog.=) 'aktif'), acuan) p
     ORDER BY p.no_kk, p.nik NULLS FIRST, p.aturan;
END;
COMMENT ON FUNCTION dtks.kk_periksa_wilayah(dtks.kode_wilayah, date) IS
    'kk_periksa over every active KK of the households in a region (any level)';
