-- 1.1: every function and operator name in dtks's stored bodies qualified (pg_catalog., dtks.,
-- OPERATOR(pg_catalog.x), OPERATOR(dtks.x)): the install and the update bind them by schema, not
-- through the search_path of the script, in which an untrusted role might have planted an
-- exact-type shadow (CVE-2018-1058).  Each object is re-created with the text of sql/install/;
-- what it binds is unchanged (the same functions and operators), so are its comment and grants.

-- sql/install/30_wilayah.sql
CREATE OR REPLACE FUNCTION dtks.nik_wilayah_dikenal(nik dtks.nik) RETURNS boolean
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT EXISTS (SELECT 1 FROM dtks.wilayah_riwayat r
                    WHERE r.kode OPERATOR(dtks.=) dtks.nik_kode_wilayah(nik));
END;
-- sql/install/40_registri.sql
CREATE OR REPLACE FUNCTION dtks.kk_pada(nik dtks.nik, tanggal date) RETURNS dtks.no_kk
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT m.no_kk FROM dtks.keanggotaan m WHERE m.nik OPERATOR(dtks.=) kk_pada.nik AND m.berlaku OPERATOR(pg_catalog.@>) kk_pada.tanggal
     ORDER BY pg_catalog.lower(m.berlaku) DESC LIMIT 1;
END;
-- sql/install/41_registri_aturan.sql
CREATE OR REPLACE FUNCTION dtks.registri_pelanggaran(nik_diubah dtks.nik[], kk_diubah dtks.no_kk[], rt_diubah bigint[])
    RETURNS TABLE (aturan integer, no_kk dtks.no_kk, nik dtks.nik, rumah_tangga_id bigint, pesan text, rincian text)
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
-- The rules read only the scoped sets below.  Each scoped set has a branch that
-- starts from the given keys (index probes) and a branch that reads the whole
-- table when that kind of key is NULL; the planner drops the branch whose
-- constant condition is false.
WITH
    nik_ubah AS (SELECT DISTINCT u AS nik FROM pg_catalog.unnest(nik_diubah) AS u),
    -- the KKs given, and the current KK of every NIK given
    kk AS (SELECT DISTINCT x AS no_kk FROM (
              SELECT u FROM pg_catalog.unnest(kk_diubah) AS u
              UNION ALL
              SELECT m.no_kk FROM nik_ubah n JOIN dtks.keanggotaan m ON m.nik OPERATOR(dtks.=) n.nik AND pg_catalog.upper_inf(m.berlaku)) AS s(x)),
    -- every membership, current or closed, of the NIKs checked
    milik_nik AS NOT MATERIALIZED (
        SELECT m.id, m.nik, m.no_kk, m.shdk, m.berlaku FROM nik_ubah n JOIN dtks.keanggotaan m ON m.nik OPERATOR(dtks.=) n.nik
         WHERE nik_diubah IS NOT NULL
        UNION ALL
        SELECT m.id, m.nik, m.no_kk, m.shdk, m.berlaku FROM dtks.keanggotaan m WHERE nik_diubah IS NULL),
    -- every membership of the KKs checked
    milik_kk AS NOT MATERIALIZED (
        SELECT m.id, m.nik, m.no_kk, m.shdk, m.berlaku FROM kk JOIN dtks.keanggotaan m ON m.no_kk OPERATOR(dtks.=) kk.no_kk
         WHERE kk_diubah IS NOT NULL
        UNION ALL
        SELECT m.id, m.nik, m.no_kk, m.shdk, m.berlaku FROM dtks.keanggotaan m WHERE kk_diubah IS NULL),
    -- the families checked
    keluarga_kk AS NOT MATERIALIZED (
        SELECT f.no_kk, f.status, f.rumah_tangga_id, f.asal_no_kk FROM kk JOIN dtks.keluarga f ON f.no_kk OPERATOR(dtks.=) kk.no_kk
         WHERE kk_diubah IS NOT NULL
        UNION ALL
        SELECT f.no_kk, f.status, f.rumah_tangga_id, f.asal_no_kk FROM dtks.keluarga f WHERE kk_diubah IS NULL),
    -- their current kepala keluarga, suami and istri, with the recorded sex
    inti AS (SELECT k.no_kk, k.nik, k.shdk, a.jenis_kelamin
               FROM milik_kk k JOIN dtks.anggota a ON a.nik OPERATOR(dtks.=) k.nik
              WHERE pg_catalog.upper_inf(k.berlaku) AND k.shdk OPERATOR(pg_catalog.=) ANY (ARRAY[1, 2, 3])),
    -- their current membership counts
    ringkas AS (SELECT f.no_kk, f.status, f.rumah_tangga_id,
                       coalesce(h.kepala, 0) AS kepala, coalesce(h.suami, 0) AS suami,
                       coalesce(h.istri, 0) AS istri, coalesce(h.anggota, 0) AS anggota
                  FROM keluarga_kk f
                  LEFT JOIN (SELECT k.no_kk,
                                    pg_catalog.count(*) FILTER (WHERE k.shdk OPERATOR(pg_catalog.=) 1) AS kepala,
                                    pg_catalog.count(*) FILTER (WHERE k.shdk OPERATOR(pg_catalog.=) 2) AS suami,
                                    pg_catalog.count(*) FILTER (WHERE k.shdk OPERATOR(pg_catalog.=) 3) AS istri,
                                    pg_catalog.count(*) AS anggota
                               FROM milik_kk k WHERE pg_catalog.upper_inf(k.berlaku) GROUP BY k.no_kk) AS h ON h.no_kk OPERATOR(dtks.=) f.no_kk),
    -- the households given and those of the families checked
    rt AS (SELECT h.id, h.kepala_nik, h.kode_wilayah
             FROM (SELECT DISTINCT x AS id FROM (SELECT u FROM pg_catalog.unnest(rt_diubah) AS u
                                                UNION ALL
                                                SELECT r.rumah_tangga_id FROM ringkas r) AS s(x)) AS d
             JOIN dtks.rumah_tangga h ON h.id OPERATOR(pg_catalog.=) d.id
            WHERE rt_diubah IS NOT NULL
           UNION ALL
           SELECT h.id, h.kepala_nik, h.kode_wilayah FROM dtks.rumah_tangga h WHERE rt_diubah IS NULL)
SELECT 1, b.no_kk, a.nik, NULL::bigint,
       pg_catalog.format('rule 1 (one family at a time): NIK %s is in KK %s and KK %s at the same time', a.nik, a.no_kk, b.no_kk),
       pg_catalog.format('The memberships overlap on %s; close one (set the end of its berlaku) before opening the other.',
              a.berlaku OPERATOR(pg_catalog.*) b.berlaku)
  FROM milik_nik a
  JOIN dtks.keanggotaan b ON b.nik OPERATOR(dtks.=) a.nik AND b.id OPERATOR(pg_catalog.>) a.id AND b.berlaku OPERATOR(pg_catalog.&&) a.berlaku
UNION ALL
SELECT 2, r.no_kk, NULL, r.rumah_tangga_id,
       pg_catalog.format('rule 2 (one kepala keluarga): active KK %s has %s kepala keluarga', r.no_kk, r.kepala),
       'An active family has exactly one current member with SHDK 1; the rule is checked at commit, so members can be added in any order.'
  FROM ringkas r WHERE r.status OPERATOR(pg_catalog.=) 'aktif' AND r.kepala OPERATOR(pg_catalog.<>) 1
UNION ALL
SELECT 2, r.no_kk, NULL, r.rumah_tangga_id,
       pg_catalog.format('rule 2 (one kepala keluarga): KK %s is nonaktif but has %s current members', r.no_kk, r.anggota),
       'When a KK is replaced or dissolved, close the memberships of its members.'
  FROM ringkas r WHERE r.status OPERATOR(pg_catalog.=) 'nonaktif' AND r.anggota OPERATOR(pg_catalog.>) 0
UNION ALL
SELECT 3, r.no_kk, NULL, r.rumah_tangga_id,
       pg_catalog.format('rule 3 (suami and istri): KK %s has %s suami', r.no_kk, r.suami),
       'A family has at most one member with SHDK 2 (suami).'
  FROM ringkas r WHERE r.suami OPERATOR(pg_catalog.>) 1
UNION ALL
SELECT 3, k.no_kk, k.nik, NULL,
       pg_catalog.format('rule 3 (suami and istri): NIK %s is %s in KK %s but is recorded as %s', k.nik,
              CASE WHEN k.shdk OPERATOR(pg_catalog.=) 2 THEN 'suami' ELSE 'istri' END, k.no_kk,
              CASE WHEN k.jenis_kelamin OPERATOR(pg_catalog.=) 'L' THEN 'male' ELSE 'female' END),
       'A suami (SHDK 2) is male and an istri (SHDK 3) is female.'
  FROM inti k WHERE (k.shdk OPERATOR(pg_catalog.=) 2 AND k.jenis_kelamin OPERATOR(pg_catalog.<>) 'L') OR (k.shdk OPERATOR(pg_catalog.=) 3 AND k.jenis_kelamin OPERATOR(pg_catalog.<>) 'P')
UNION ALL
SELECT 3, k.no_kk, k.nik, NULL,
       pg_catalog.format('rule 3 (suami and istri): NIK %s is %s in KK %s whose kepala keluarga is also %s', k.nik,
              CASE WHEN k.shdk OPERATOR(pg_catalog.=) 2 THEN 'suami' ELSE 'istri' END, k.no_kk,
              CASE WHEN k.kepala_kelamin OPERATOR(pg_catalog.=) 'L' THEN 'male' ELSE 'female' END),
       'A suami or istri is only recorded where the kepala keluarga is of the other sex.'
  -- (the kepala's sex beside each member by a window, not a self-join the planner misjudges)
  FROM (SELECT i.*, pg_catalog.max(i.jenis_kelamin) FILTER (WHERE i.shdk OPERATOR(pg_catalog.=) 1) OVER (PARTITION BY i.no_kk) AS kepala_kelamin
          FROM inti i) k
 WHERE (k.shdk OPERATOR(pg_catalog.=) 2 AND k.kepala_kelamin OPERATOR(pg_catalog.=) 'L') OR (k.shdk OPERATOR(pg_catalog.=) 3 AND k.kepala_kelamin OPERATOR(pg_catalog.=) 'P')
UNION ALL
SELECT 4, NULL, NULL, h.id,
       pg_catalog.format('rule 4 (one kepala rumah tangga): household %s has no kepala rumah tangga', h.id),
       'A household with active families names exactly one kepala rumah tangga (kepala_nik), a current member of one of them.'
  FROM rt h
 WHERE h.kepala_nik IS NULL
   AND EXISTS (SELECT 1 FROM dtks.keluarga f WHERE f.rumah_tangga_id OPERATOR(pg_catalog.=) h.id AND f.status OPERATOR(pg_catalog.=) 'aktif')
UNION ALL
SELECT 4, NULL, h.kepala_nik, h.id,
       pg_catalog.format('rule 4 (one kepala rumah tangga): NIK %s heads household %s but is not a current member of its active families',
              h.kepala_nik, h.id),
       'A household with active families names exactly one kepala rumah tangga (kepala_nik), a current member of one of them.'
  FROM rt h
  LEFT JOIN (dtks.keanggotaan m JOIN dtks.keluarga f ON f.no_kk OPERATOR(dtks.=) m.no_kk AND f.status OPERATOR(pg_catalog.=) 'aktif')
         ON m.nik OPERATOR(dtks.=) h.kepala_nik AND pg_catalog.upper_inf(m.berlaku) AND f.rumah_tangga_id OPERATOR(pg_catalog.=) h.id
 WHERE h.kepala_nik IS NOT NULL AND m.id IS NULL
UNION ALL
SELECT 0, m.no_kk, m.nik, NULL::bigint,
       pg_catalog.format('references: membership %s points to NIK %s that does not exist', m.id, m.nik),
       'Every membership names an existing person (dtks.anggota) and an existing KK (dtks.keluarga).'
  FROM milik_nik m
 WHERE NOT EXISTS (SELECT 1 FROM dtks.anggota a WHERE a.nik OPERATOR(dtks.=) m.nik)
UNION ALL
SELECT 0, m.no_kk, m.nik, NULL::bigint,
       pg_catalog.format('references: membership %s points to KK %s that does not exist', m.id, m.no_kk),
       'Every membership names an existing person (dtks.anggota) and an existing KK (dtks.keluarga).'
  FROM milik_kk m
 WHERE NOT EXISTS (SELECT 1 FROM dtks.keluarga f WHERE f.no_kk OPERATOR(dtks.=) m.no_kk)
UNION ALL
SELECT 0, f.no_kk, NULL, f.rumah_tangga_id,
       pg_catalog.format('references: KK %s points to household %s that does not exist', f.no_kk, f.rumah_tangga_id),
       'A KK lives in an existing household, and the KK it came from (asal_no_kk) exists.'
  FROM (SELECT g.no_kk, g.rumah_tangga_id FROM keluarga_kk g
        UNION ALL
        SELECT g.no_kk, g.rumah_tangga_id FROM pg_catalog.unnest(rt_diubah) AS u JOIN dtks.keluarga g ON g.rumah_tangga_id OPERATOR(pg_catalog.=) u) AS f
 WHERE NOT EXISTS (SELECT 1 FROM dtks.rumah_tangga h WHERE h.id OPERATOR(pg_catalog.=) f.rumah_tangga_id)
UNION ALL
SELECT 0, f.no_kk, NULL, f.rumah_tangga_id,
       pg_catalog.format('references: KK %s points to KK %s that does not exist', f.no_kk, f.asal_no_kk),
       'A KK lives in an existing household, and the KK it came from (asal_no_kk) exists.'
  FROM (SELECT g.no_kk, g.rumah_tangga_id, g.asal_no_kk FROM keluarga_kk g
        UNION ALL
        SELECT g.no_kk, g.rumah_tangga_id, g.asal_no_kk FROM pg_catalog.unnest(kk_diubah) AS u JOIN dtks.keluarga g ON g.asal_no_kk OPERATOR(dtks.=) u) AS f
 WHERE f.asal_no_kk IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dtks.keluarga g WHERE g.no_kk OPERATOR(dtks.=) f.asal_no_kk)
UNION ALL
SELECT 5, NULL, NULL, h.id,
       pg_catalog.format('rule 5 (region of the current edition): household %s is in %s, which is not a code of the current edition',
              h.id, h.kode_wilayah),
       'A household''s kode_wilayah is a desa/kelurahan in dtks.wilayah (the current edition).'
  FROM rt h
 WHERE NOT EXISTS (SELECT 1 FROM dtks.wilayah w WHERE w.kode OPERATOR(dtks.=) h.kode_wilayah);
END;
-- sql/install/45_riwayat.sql
CREATE OR REPLACE VIEW dtks.riwayat AS
SELECT r.id, r.waktu, r.transaksi, r.pengguna, r.petugas, r.tabel, r.operasi, r.kunci,
       CASE WHEN r.operasi OPERATOR(pg_catalog.=) 'UPDATE' AND r.baru IS NOT NULL THEN dtks.riwayat_beda(r.lama, r.baru) ELSE r.lama END AS lama,
       CASE WHEN r.operasi OPERATOR(pg_catalog.=) 'UPDATE' AND r.lama IS NOT NULL THEN dtks.riwayat_beda(r.baru, r.lama) ELSE r.baru END AS baru
  FROM (SELECT h.id, h.waktu, h.transaksi, h.pengguna, h.petugas, 'rumah_tangga'::name AS tabel, h.operasi,
               pg_catalog.jsonb_build_object('id', (coalesce(h.baru, h.lama)).id) AS kunci,
               pg_catalog.to_jsonb(h.lama) AS lama, pg_catalog.to_jsonb(h.baru) AS baru
          FROM dtks.riwayat_rumah_tangga h
        UNION ALL
        SELECT h.id, h.waktu, h.transaksi, h.pengguna, h.petugas, 'keluarga'::name, h.operasi,
               pg_catalog.jsonb_build_object('no_kk', (coalesce(h.baru, h.lama)).no_kk),
               pg_catalog.to_jsonb(h.lama), pg_catalog.to_jsonb(h.baru)
          FROM dtks.riwayat_keluarga h
        UNION ALL
        SELECT h.id, h.waktu, h.transaksi, h.pengguna, h.petugas, 'anggota'::name, h.operasi,
               pg_catalog.jsonb_build_object('nik', (coalesce(h.baru, h.lama)).nik),
               pg_catalog.to_jsonb(h.lama), pg_catalog.to_jsonb(h.baru)
          FROM dtks.riwayat_anggota h
        UNION ALL
        SELECT h.id, h.waktu, h.transaksi, h.pengguna, h.petugas, 'keanggotaan'::name, h.operasi,
               pg_catalog.jsonb_build_object('id', (coalesce(h.baru, h.lama)).id),
               pg_catalog.to_jsonb(h.lama), pg_catalog.to_jsonb(h.baru)
          FROM dtks.riwayat_keanggotaan h) AS r;
-- sql/install/50_kk_periksa.sql
CREATE OR REPLACE FUNCTION dtks.kk_periksa_daftar(daftar dtks.no_kk[], acuan date)
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
CREATE OR REPLACE FUNCTION dtks.kk_periksa_wilayah(wilayah dtks.kode_wilayah, acuan date DEFAULT CURRENT_DATE)
    RETURNS TABLE (no_kk dtks.no_kk, nik dtks.nik, aturan text, tingkat text, keterangan text)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT p.no_kk, p.nik, p.aturan, p.tingkat, p.keterangan
      FROM dtks.kk_periksa_daftar(ARRAY(SELECT f.no_kk FROM dtks.keluarga f
                                          JOIN dtks.rumah_tangga h ON h.id OPERATOR(pg_catalog.=) f.rumah_tangga_id
                                         WHERE h.kode_wilayah OPERATOR(dtks.<@) wilayah AND f.status OPERATOR(pg_catalog.=) 'aktif'), acuan) p
     ORDER BY p.no_kk, p.nik NULLS FIRST, p.aturan;
END;
-- sql/install/51_kk_graf.sql
CREATE OR REPLACE FUNCTION dtks.kk_graf(no_kk dtks.no_kk, acuan date DEFAULT CURRENT_DATE)
    RETURNS TABLE (nik_a dtks.nik, nik_b dtks.nik, hubungan text)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
WITH
    kini AS (SELECT m.nik, m.shdk FROM dtks.keanggotaan m
              WHERE m.no_kk OPERATOR(dtks.=) kk_graf.no_kk AND m.berlaku OPERATOR(pg_catalog.@>) acuan),
    -- (SHDK of a, SHDK of b, how a relates to b): 1 kepala, 2 suami, 3 istri, 4 anak, 5 menantu,
    -- 6 cucu, 7 orang tua (of the kepala), 8 mertua (parent of the kepala's spouse)
    aturan (shdk_a, shdk_b, hubungan) AS (VALUES
        (1, 2, 'pasangan'), (1, 3, 'pasangan'),
        (1, 4, 'orang_tua-anak'), (2, 4, 'orang_tua-anak'), (3, 4, 'orang_tua-anak'),
        (7, 1, 'orang_tua-anak'), (8, 2, 'orang_tua-anak'), (8, 3, 'orang_tua-anak'),
        (1, 6, 'kakek_nenek-cucu'), (2, 6, 'kakek_nenek-cucu'), (3, 6, 'kakek_nenek-cucu'),
        (7, 4, 'kakek_nenek-cucu'), (8, 4, 'kakek_nenek-cucu'),
        (1, 5, 'mertua-menantu'), (2, 5, 'mertua-menantu'), (3, 5, 'mertua-menantu'),
        (8, 1, 'mertua-menantu'), (7, 2, 'mertua-menantu'), (7, 3, 'mertua-menantu'),
        (4, 4, 'saudara'))
SELECT a.nik, b.nik, r.hubungan
  FROM aturan r
  JOIN kini a ON a.shdk OPERATOR(pg_catalog.=) r.shdk_a
  JOIN kini b ON b.shdk OPERATOR(pg_catalog.=) r.shdk_b AND b.nik OPERATOR(dtks.<>) a.nik
 WHERE r.shdk_a OPERATOR(pg_catalog.<>) r.shdk_b OR a.nik OPERATOR(dtks.<) b.nik
 ORDER BY 3, 1, 2;
END;
-- sql/install/60_sintetis.sql
CREATE OR REPLACE FUNCTION dtks.sintetis_acak(benih bigint, baris bigint, medan integer) RETURNS double precision
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN ((pg_catalog.hashint8extended(baris OPERATOR(pg_catalog.*) 128 OPERATOR(pg_catalog.+) medan, benih) OPERATOR(pg_catalog.&) 9007199254740991)::double precision OPERATOR(pg_catalog.+) 0.5)
           OPERATOR(pg_catalog./) 9007199254740992.0;
CREATE OR REPLACE FUNCTION dtks.sintetis_pilih(u double precision, kode integer[], batas double precision[]) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN kode[pg_catalog.width_bucket(u, batas) OPERATOR(pg_catalog.+) 1];
CREATE OR REPLACE FUNCTION dtks.sintetis_titik(batas geometry, benih bigint, baris bigint) RETURNS geometry
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN ST_SetSRID(ST_GeometryN(ST_GeneratePoints(
                          dtks.sintetis_batas_periksa(batas, ST_SRID(batas), GeometryType(batas), ST_IsEmpty(batas), ST_Area(batas)),
                          1, 1 OPERATOR(pg_catalog.+) (pg_catalog.hashint8extended(baris, benih) OPERATOR(pg_catalog.&) 2147483646)::integer), 1), 4326);
-- sql/install/72_skor_fungsi.sql
CREATE OR REPLACE FUNCTION dtks.skor_ringkasan(no_kk dtks.no_kk, acuan date DEFAULT CURRENT_DATE) RETURNS integer[]
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT ARRAY[pg_catalog.count(*),
                 pg_catalog.count(*) FILTER (WHERE a.tanggal_lahir OPERATOR(pg_catalog.>) (acuan OPERATOR(pg_catalog.-) interval '5 years')),
                 pg_catalog.count(*) FILTER (WHERE a.partisipasi_sekolah OPERATOR(pg_catalog.=) 2),
                 pg_catalog.count(*) FILTER (WHERE a.tanggal_lahir OPERATOR(pg_catalog.<=) (acuan OPERATOR(pg_catalog.-) interval '60 years')),
                 pg_catalog.count(*) FILTER (WHERE 1 OPERATOR(pg_catalog.=) ANY (ARRAY[a.sulit_melihat, a.sulit_mendengar, a.sulit_berjalan, a.sulit_tangan,
                                              a.sulit_belajar, a.sulit_perilaku, a.sulit_bicara,
                                              a.sulit_mengurus_diri, a.sulit_mengingat])
                                     OR 2 OPERATOR(pg_catalog.=) ANY (ARRAY[a.sulit_melihat, a.sulit_mendengar, a.sulit_berjalan, a.sulit_tangan,
                                              a.sulit_belajar, a.sulit_perilaku, a.sulit_bicara,
                                              a.sulit_mengurus_diri, a.sulit_mengingat])),
                 pg_catalog.count(*) FILTER (WHERE a.bekerja),
                 (SELECT h.luas_lantai FROM dtks.keluarga f JOIN dtks.rumah_tangga h ON h.id OPERATOR(pg_catalog.=) f.rumah_tangga_id
                   WHERE f.no_kk OPERATOR(dtks.=) skor_ringkasan.no_kk) OPERATOR(pg_catalog./) nullif(pg_catalog.count(*), 0)]::integer[]
      FROM dtks.keanggotaan m JOIN dtks.anggota a ON a.nik OPERATOR(dtks.=) m.nik
     WHERE m.no_kk OPERATOR(dtks.=) skor_ringkasan.no_kk AND m.berlaku OPERATOR(pg_catalog.@>) acuan AND a.status_hidup OPERATOR(pg_catalog.=) 'aktif';
END;
CREATE OR REPLACE FUNCTION dtks.skor_model_pada(acuan date DEFAULT CURRENT_DATE) RETURNS text
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT m.versi FROM dtks.skor_model m WHERE m.berlaku OPERATOR(pg_catalog.@>) acuan ORDER BY m.bawaan, m.versi LIMIT 1;
END;
CREATE OR REPLACE FUNCTION dtks.skor_masukan_kk(no_kk dtks.no_kk, acuan date DEFAULT CURRENT_DATE)
    RETURNS TABLE (rumah_tangga dtks.rumah_tangga, keluarga dtks.keluarga, kepala dtks.anggota, ringkasan integer[])
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT h, f, k, dtks.skor_ringkasan(f.no_kk, acuan)
      FROM dtks.keluarga f
      JOIN dtks.rumah_tangga h ON h.id OPERATOR(pg_catalog.=) f.rumah_tangga_id
      LEFT JOIN (dtks.keanggotaan m JOIN dtks.anggota k ON k.nik OPERATOR(dtks.=) m.nik)
             ON m.no_kk OPERATOR(dtks.=) f.no_kk AND m.shdk OPERATOR(pg_catalog.=) 1 AND m.berlaku OPERATOR(pg_catalog.@>) acuan
     WHERE f.no_kk OPERATOR(dtks.=) skor_masukan_kk.no_kk;
END;
CREATE OR REPLACE FUNCTION dtks.skor_sql(versi text) RETURNS text
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    WITH v AS (
        SELECT x.nama, x.jenis, x.sumber, x.kolom,
               CASE x.sumber WHEN 'rumah_tangga' THEN 'h.' WHEN 'keluarga' THEN 'f.' WHEN 'kepala' THEN 'k.' END
                 OPERATOR(pg_catalog.||) pg_catalog.quote_ident(x.kolom) AS ekspr_kolom,
               CASE x.kolom WHEN 'jumlah_anggota' THEN 1 WHEN 'balita' THEN 2 WHEN 'anak_sekolah' THEN 3
                            WHEN 'lansia' THEN 4 WHEN 'disabilitas' THEN 5 WHEN 'bekerja' THEN 6
                            WHEN 'luas_per_orang' THEN 7 END AS posisi
          FROM dtks.skor_variabel x),
    -- one weight expression per (variable, code): region overrides, most specific first, then the base
    bobot AS (
        SELECT b.variabel, b.kode, b.batas,
               CASE WHEN pg_catalog.count(o.*) OPERATOR(pg_catalog.=) 0 THEN b.bobot::text
                    ELSE 'CASE ' OPERATOR(pg_catalog.||) pg_catalog.string_agg(pg_catalog.format('WHEN h.kode_wilayah OPERATOR(dtks.<@) %L::dtks.kode_wilayah THEN %s',
                                                      o.kode_wilayah, o.bobot), ' '
                                               ORDER BY dtks.tingkat(o.kode_wilayah) DESC, o.kode_wilayah)
                         OPERATOR(pg_catalog.||) ' ELSE ' OPERATOR(pg_catalog.||) b.bobot OPERATOR(pg_catalog.||) ' END' END AS w
          FROM dtks.skor_bobot b
          LEFT JOIN dtks.skor_bobot_wilayah o ON o.versi OPERATOR(pg_catalog.=) b.versi AND o.variabel OPERATOR(pg_catalog.=) b.variabel
                                             AND o.kode IS NOT DISTINCT FROM b.kode
         WHERE b.versi OPERATOR(pg_catalog.=) skor_sql.versi
         GROUP BY b.variabel, b.kode, b.batas, b.bobot),
    suku AS (
        SELECT v.nama,
               CASE v.jenis
                    WHEN 'kode' THEN 'CASE ' OPERATOR(pg_catalog.||) (CASE WHEN v.sumber OPERATOR(pg_catalog.=) 'ringkasan' THEN 'r[' OPERATOR(pg_catalog.||) v.posisi OPERATOR(pg_catalog.||) ']' ELSE v.ekspr_kolom END)
                                     OPERATOR(pg_catalog.||) ' ' OPERATOR(pg_catalog.||) pg_catalog.string_agg(pg_catalog.format('WHEN %s THEN %s', b.kode, b.w), ' ' ORDER BY b.kode) OPERATOR(pg_catalog.||) ' ELSE 0 END'
                    WHEN 'ya_tidak' THEN pg_catalog.format('CASE WHEN %s THEN %s ELSE 0 END', v.ekspr_kolom, pg_catalog.min(b.w))
                    -- a missing answer counts 0 (least() would skip the NULL)
                    ELSE pg_catalog.format('CASE WHEN %1$s IS NULL THEN 0 ELSE (%2$s) * %3$s END',
                                CASE WHEN v.sumber OPERATOR(pg_catalog.=) 'ringkasan' THEN 'r[' OPERATOR(pg_catalog.||) v.posisi OPERATOR(pg_catalog.||) ']' ELSE v.ekspr_kolom END,
                                pg_catalog.min(b.w),
                                CASE WHEN pg_catalog.min(b.batas) IS NULL
                                     THEN (CASE WHEN v.sumber OPERATOR(pg_catalog.=) 'ringkasan' THEN 'r[' OPERATOR(pg_catalog.||) v.posisi OPERATOR(pg_catalog.||) ']' ELSE v.ekspr_kolom END)
                                     ELSE pg_catalog.format('least(%s, %s)', CASE WHEN v.sumber OPERATOR(pg_catalog.=) 'ringkasan' THEN 'r[' OPERATOR(pg_catalog.||) v.posisi OPERATOR(pg_catalog.||) ']' ELSE v.ekspr_kolom END,
                                                 pg_catalog.min(b.batas)) END)
               END AS ekspr
          FROM bobot b JOIN v ON v.nama OPERATOR(pg_catalog.=) b.variabel
         GROUP BY v.nama, v.jenis, v.sumber, v.ekspr_kolom, v.posisi)
    SELECT '(' OPERATOR(pg_catalog.||) (SELECT m.konstanta::text FROM dtks.skor_model m WHERE m.versi OPERATOR(pg_catalog.=) skor_sql.versi)
           OPERATOR(pg_catalog.||) coalesce(' + ' OPERATOR(pg_catalog.||) pg_catalog.string_agg(s.ekspr, E'\n + ' ORDER BY s.nama), '') OPERATOR(pg_catalog.||) ')::double precision'
      FROM suku s;
END;
-- sql/install/73_skor_model_bawaan.sql
CREATE OR REPLACE FUNCTION dtks.skor_model_salin(versi_asal text, versi_baru text, nama text, berlaku daterange)
    RETURNS text
    LANGUAGE sql VOLATILE STRICT PARALLEL UNSAFE
BEGIN ATOMIC
    INSERT INTO dtks.skor_model (versi, nama, berlaku, konstanta, keterangan)
    SELECT versi_baru, skor_model_salin.nama, skor_model_salin.berlaku, m.konstanta, 'Copied from ' OPERATOR(pg_catalog.||) m.versi OPERATOR(pg_catalog.||) '. ' OPERATOR(pg_catalog.||) m.keterangan
      FROM dtks.skor_model m WHERE m.versi OPERATOR(pg_catalog.=) versi_asal;
    INSERT INTO dtks.skor_bobot (versi, variabel, kode, bobot, batas)
    SELECT versi_baru, b.variabel, b.kode, b.bobot, b.batas FROM dtks.skor_bobot b WHERE b.versi OPERATOR(pg_catalog.=) versi_asal;
    INSERT INTO dtks.skor_bobot_wilayah (versi, kode_wilayah, variabel, kode, bobot)
    SELECT versi_baru, o.kode_wilayah, o.variabel, o.kode, o.bobot FROM dtks.skor_bobot_wilayah o WHERE o.versi OPERATOR(pg_catalog.=) versi_asal;
    SELECT m.versi FROM dtks.skor_model m WHERE m.versi OPERATOR(pg_catalog.=) versi_baru;
END;
-- sql/install/74_skor_desil.sql
CREATE OR REPLACE FUNCTION dtks.skor_masukan(acuan date DEFAULT CURRENT_DATE)
    RETURNS TABLE (no_kk dtks.no_kk, kode_wilayah dtks.kode_wilayah, rumah_tangga dtks.rumah_tangga,
                   keluarga dtks.keluarga, kepala dtks.anggota, ringkasan integer[])
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    WITH anggota_kini AS (
        SELECT m.no_kk, m.shdk, a
          FROM dtks.keanggotaan m JOIN dtks.anggota a ON a.nik OPERATOR(dtks.=) m.nik
         WHERE m.berlaku OPERATOR(pg_catalog.@>) acuan AND a.status_hidup OPERATOR(pg_catalog.=) 'aktif'),
    ringkas AS (
        SELECT x.no_kk,
               pg_catalog.count(*) AS jumlah,
               pg_catalog.count(*) FILTER (WHERE (x.a).tanggal_lahir OPERATOR(pg_catalog.>) (acuan OPERATOR(pg_catalog.-) interval '5 years')) AS balita,
               pg_catalog.count(*) FILTER (WHERE (x.a).partisipasi_sekolah OPERATOR(pg_catalog.=) 2) AS sekolah,
               pg_catalog.count(*) FILTER (WHERE (x.a).tanggal_lahir OPERATOR(pg_catalog.<=) (acuan OPERATOR(pg_catalog.-) interval '60 years')) AS lansia,
               pg_catalog.count(*) FILTER (WHERE least((x.a).sulit_melihat, (x.a).sulit_mendengar, (x.a).sulit_berjalan, (x.a).sulit_tangan,
                                            (x.a).sulit_belajar, (x.a).sulit_perilaku, (x.a).sulit_bicara,
                                            (x.a).sulit_mengurus_diri, (x.a).sulit_mengingat) OPERATOR(pg_catalog.<=) 2) AS disabilitas,
               pg_catalog.count(*) FILTER (WHERE (x.a).bekerja) AS bekerja,
               (pg_catalog.array_agg(x.a) FILTER (WHERE x.shdk OPERATOR(pg_catalog.=) 1))[1] AS kepala
          FROM anggota_kini x GROUP BY x.no_kk)
    SELECT f.no_kk, h.kode_wilayah, h, f, r.kepala,
           ARRAY[coalesce(r.jumlah, 0), coalesce(r.balita, 0), coalesce(r.sekolah, 0), coalesce(r.lansia, 0),
                 coalesce(r.disabilitas, 0), coalesce(r.bekerja, 0), h.luas_lantai OPERATOR(pg_catalog./) nullif(r.jumlah, 0)]::integer[]
      FROM dtks.keluarga f
      JOIN dtks.rumah_tangga h ON h.id OPERATOR(pg_catalog.=) f.rumah_tangga_id
      LEFT JOIN ringkas r ON r.no_kk OPERATOR(dtks.=) f.no_kk
     WHERE f.status OPERATOR(pg_catalog.=) 'aktif';
END;
CREATE OR REPLACE FUNCTION dtks.desil_terakhir(no_kk dtks.no_kk, lingkup text DEFAULT 'nasional')
    RETURNS TABLE (versi text, dihitung date, skor double precision, desil smallint)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT s.versi, s.dihitung, s.skor, s.desil FROM dtks.skor_keluarga s
     WHERE s.no_kk OPERATOR(dtks.=) desil_terakhir.no_kk AND s.lingkup OPERATOR(pg_catalog.=) desil_terakhir.lingkup
     ORDER BY s.dihitung DESC, s.versi LIMIT 1;
END;
-- sql/install/75_program.sql
CREATE OR REPLACE FUNCTION dtks.layak_program(no_kk dtks.no_kk, program text, acuan date DEFAULT CURRENT_DATE)
    RETURNS TABLE (layak boolean, alasan text[])
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    WITH p AS (SELECT * FROM dtks.program x WHERE x.kode OPERATOR(pg_catalog.=) layak_program.program),
    f AS (SELECT k.no_kk, k.status, h.kode_wilayah FROM dtks.keluarga k JOIN dtks.rumah_tangga h ON h.id OPERATOR(pg_catalog.=) k.rumah_tangga_id
           WHERE k.no_kk OPERATOR(dtks.=) layak_program.no_kk),
    orang AS (SELECT a.* FROM dtks.keanggotaan m JOIN dtks.anggota a ON a.nik OPERATOR(dtks.=) m.nik
               WHERE m.no_kk OPERATOR(dtks.=) layak_program.no_kk AND m.berlaku OPERATOR(pg_catalog.@>) acuan AND a.status_hidup OPERATOR(pg_catalog.=) 'aktif'),
    d AS (SELECT s.desil FROM dtks.skor_keluarga s, p
           WHERE s.no_kk OPERATOR(dtks.=) layak_program.no_kk AND s.lingkup OPERATOR(pg_catalog.=) p.lingkup_desil AND s.dihitung OPERATOR(pg_catalog.<=) acuan
           ORDER BY s.dihitung DESC, s.versi LIMIT 1),
    komponen AS (SELECT pg_catalog.bool_or(o.hamil) AS hamil,
                        pg_catalog.bool_or(o.tanggal_lahir OPERATOR(pg_catalog.>) (acuan OPERATOR(pg_catalog.-) interval '6 years')) AS anak_kecil,
                        pg_catalog.bool_or(o.partisipasi_sekolah OPERATOR(pg_catalog.=) 2 AND o.tanggal_lahir BETWEEN acuan OPERATOR(pg_catalog.-) interval '21 years' AND acuan OPERATOR(pg_catalog.-) interval '6 years') AS sekolah,
                        pg_catalog.bool_or(o.tanggal_lahir OPERATOR(pg_catalog.<=) (acuan OPERATOR(pg_catalog.-) interval '60 years')) AS lansia,
                        pg_catalog.bool_or(1 OPERATOR(pg_catalog.=) ANY (ARRAY[o.sulit_melihat, o.sulit_mendengar, o.sulit_berjalan, o.sulit_tangan, o.sulit_belajar,
                                      o.sulit_perilaku, o.sulit_bicara, o.sulit_mengurus_diri, o.sulit_mengingat])) AS disabilitas_berat
                   FROM orang o),
    alasan AS (
        SELECT 1 AS urut, pg_catalog.format('program %s does not exist', layak_program.program) AS teks WHERE NOT EXISTS (SELECT 1 FROM p)
        UNION ALL
        SELECT 2, pg_catalog.format('KK %s is not in the registry', layak_program.no_kk) WHERE NOT EXISTS (SELECT 1 FROM f)
        UNION ALL
        SELECT 3, 'the family is not active' FROM f WHERE f.status OPERATOR(pg_catalog.<>) 'aktif'
        UNION ALL
        SELECT 4, pg_catalog.format('the household is outside %s, which the program serves', p.wilayah) FROM p, f
         WHERE p.wilayah IS NOT NULL AND NOT f.kode_wilayah OPERATOR(dtks.<@) p.wilayah
        UNION ALL
        SELECT 5, pg_catalog.format('no desil computed (%s scope) on or before %s', p.lingkup_desil, acuan) FROM p
         WHERE p.desil_maks IS NOT NULL AND EXISTS (SELECT 1 FROM f) AND NOT EXISTS (SELECT 1 FROM d)
        UNION ALL
        SELECT 6, pg_catalog.format('desil %s is above the program''s ceiling %s', d.desil, p.desil_maks) FROM p, d WHERE d.desil OPERATOR(pg_catalog.>) p.desil_maks
        UNION ALL
        SELECT 7, 'no PKH component (pregnant member, child under 6, child in school, elderly 60+, severe disability)'
          FROM p, komponen c
         WHERE p.butuh_komponen_pkh AND EXISTS (SELECT 1 FROM f)
           AND NOT coalesce(c.hamil OR c.anak_kecil OR c.sekolah OR c.lansia OR c.disabilitas_berat, false)
        UNION ALL
        SELECT 8, 'no member aged 6-21 in school' FROM p, komponen c
         WHERE p.butuh_anak_sekolah AND EXISTS (SELECT 1 FROM f) AND NOT coalesce(c.sekolah, false)
        UNION ALL
        SELECT 9, pg_catalog.format('%s (%s)', e.alasan, pg_catalog.string_agg(DISTINCT l.sumber, ', '))
          FROM p JOIN dtks.program_pengecualian e ON e.program OPERATOR(pg_catalog.=) p.kode
          JOIN dtks.data_luar l ON l.jenis OPERATOR(pg_catalog.=) e.jenis AND l.berlaku OPERATOR(pg_catalog.@>) acuan
                               AND (e.nilai_lebih_dari IS NULL OR l.nilai OPERATOR(pg_catalog.>) e.nilai_lebih_dari)
          JOIN orang o ON o.nik OPERATOR(dtks.=) l.nik
         GROUP BY e.alasan)
    SELECT pg_catalog.count(*) OPERATOR(pg_catalog.=) 0, coalesce(pg_catalog.array_agg(a.teks ORDER BY a.urut, a.teks), '{}') FROM alasan a;
END;
-- sql/install/76_kriteria.sql
CREATE OR REPLACE FUNCTION dtks.kriteria_bps14_rinci(no_kk dtks.no_kk, acuan date DEFAULT CURRENT_DATE)
    RETURNS TABLE (nomor integer, kriteria text, terpenuhi boolean)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    WITH x AS (SELECT s.rumah_tangga AS h, s.keluarga AS f, s.kepala AS k, s.ringkasan AS r
                 FROM dtks.skor_masukan_kk(kriteria_bps14_rinci.no_kk, acuan) s)
    SELECT v.nomor, v.kriteria, v.terpenuhi FROM x, LATERAL (VALUES
        (1, 'floor area under 8 m2 per person', ((x.h).luas_lantai::numeric OPERATOR(pg_catalog./) nullif((x.r)[1], 0)) OPERATOR(pg_catalog.<) 8),
        (2, 'floor of earth, bamboo or cheap wood', (x.h).jenis_lantai OPERATOR(pg_catalog.=) ANY (ARRAY[5, 7, 8])),
        (3, 'walls of bamboo, rumbia, poor wood or unplastered', (x.h).jenis_dinding OPERATOR(pg_catalog.=) ANY (ARRAY[4, 5, 6, 7])),
        (4, 'no toilet, or one shared with other households', (x.h).fasilitas_bab OPERATOR(pg_catalog.=) ANY (ARRAY[2, 3, 4, 5, 6])),
        (5, 'lighting not electricity', (x.h).sumber_penerangan OPERATOR(pg_catalog.=) 4),
        (6, 'drinking water from an unprotected well or spring, a river or rain', (x.h).sumber_air_minum OPERATOR(pg_catalog.=) ANY (ARRAY[6, 8, 9, 10])),
        (7, 'cooking with firewood, charcoal or kerosene', (x.h).bahan_bakar OPERATOR(pg_catalog.=) ANY (ARRAY[7, 9, 10])),
        (8, 'meat, milk or chicken at most once a week (not recorded)', NULL::boolean),
        (9, 'one new set of clothes a year (not recorded)', NULL),
        (10, 'one or two meals a day (not recorded)', NULL),
        (11, 'cannot pay for the puskesmas or a clinic (not recorded)', NULL),
        (12, 'the head does not work, or works as a casual or family worker',
             CASE WHEN (x.k).bekerja IS NULL THEN NULL
                  ELSE NOT (x.k).bekerja OR (x.k).kedudukan_pekerjaan OPERATOR(pg_catalog.=) ANY (ARRAY[6, 7, 8]) END),
        (13, 'the head has no certificate, or primary school at most', (x.k).ijazah_tertinggi OPERATOR(pg_catalog.=) 23 OR (x.k).ijazah_tertinggi OPERATOR(pg_catalog.<=) 4),
        (14, 'no saleable goods of Rp500.000 (motorcycle, gold, livestock, motor boat)',
             NOT (coalesce((x.f).punya_sepeda_motor, false) OR coalesce((x.f).punya_emas, false)
                  OR coalesce((x.f).punya_perahu_motor, false) OR coalesce((x.f).punya_mobil, false)
                  OR coalesce((x.f).jumlah_sapi, 0) OPERATOR(pg_catalog.+) coalesce((x.f).jumlah_kerbau, 0) OPERATOR(pg_catalog.+) coalesce((x.f).jumlah_kuda, 0)
                     OPERATOR(pg_catalog.+) coalesce((x.f).jumlah_babi, 0) OPERATOR(pg_catalog.+) coalesce((x.f).jumlah_kambing, 0) OPERATOR(pg_catalog.>) 0))
    ) AS v(nomor, kriteria, terpenuhi);
END;
CREATE OR REPLACE FUNCTION dtks.kriteria_bps14(no_kk dtks.no_kk, acuan date DEFAULT CURRENT_DATE,
                                    OUT terpenuhi integer, OUT dinilai integer, OUT miskin boolean, OUT nomor integer[])
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT pg_catalog.count(*) FILTER (WHERE r.terpenuhi)::integer, pg_catalog.count(r.terpenuhi)::integer,
           pg_catalog.count(*) FILTER (WHERE r.terpenuhi) OPERATOR(pg_catalog.>=) 9,
           coalesce(pg_catalog.array_agg(r.nomor ORDER BY r.nomor) FILTER (WHERE r.terpenuhi), '{}')
      FROM dtks.kriteria_bps14_rinci(no_kk, acuan) r
    HAVING pg_catalog.count(*) OPERATOR(pg_catalog.>) 0;
END;
CREATE OR REPLACE FUNCTION dtks.kriteria_kemensos262_rinci(no_kk dtks.no_kk, acuan date DEFAULT CURRENT_DATE)
    RETURNS TABLE (nomor integer, kriteria text, terpenuhi boolean)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    WITH x AS (SELECT s.rumah_tangga AS h, s.keluarga AS f, s.kepala AS k, s.ringkasan AS r
                 FROM dtks.skor_masukan_kk(kriteria_kemensos262_rinci.no_kk, acuan) s)
    SELECT v.nomor, v.kriteria, v.terpenuhi FROM x, LATERAL (VALUES
        (1, 'no dwelling of its own (lives with others)', (x.h).status_bangunan OPERATOR(pg_catalog.=) 6),
        (2, 'the head or carer does not work', NOT (x.k).bekerja),
        (3, 'worried about food or went without in the past year (not recorded)', NULL::boolean),
        (4, 'food is over half of spending (not recorded)', NULL),
        (5, 'no spending on clothes in the past year (not recorded)', NULL),
        (6, 'floor mostly earth or cement', (x.h).jenis_lantai OPERATOR(pg_catalog.=) ANY (ARRAY[6, 8])),
        (7, 'walls of bamboo, wire, board, tarpaulin, cardboard, unplastered brick, rumbia or zinc', (x.h).jenis_dinding OPERATOR(pg_catalog.=) ANY (ARRAY[2, 3, 4, 5, 6, 7])),
        (8, 'no latrine of its own, or a shared one', (x.h).fasilitas_bab OPERATOR(pg_catalog.=) ANY (ARRAY[2, 3, 4, 5, 6])),
        (9, 'lighting of 450 W or not electric', (x.h).sumber_penerangan OPERATOR(pg_catalog.=) 4 OR (x.h).daya_listrik OPERATOR(pg_catalog.=) '{1}')
    ) AS v(nomor, kriteria, terpenuhi);
END;
CREATE OR REPLACE FUNCTION dtks.kriteria_kemensos262(no_kk dtks.no_kk, acuan date DEFAULT CURRENT_DATE,
                                          OUT terpenuhi integer, OUT dinilai integer, OUT nomor integer[])
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT pg_catalog.count(*) FILTER (WHERE r.terpenuhi)::integer, pg_catalog.count(r.terpenuhi)::integer,
           coalesce(pg_catalog.array_agg(r.nomor ORDER BY r.nomor) FILTER (WHERE r.terpenuhi), '{}')
      FROM dtks.kriteria_kemensos262_rinci(no_kk, acuan) r
    HAVING pg_catalog.count(*) OPERATOR(pg_catalog.>) 0;
END;
-- sql/install/82_pemadanan.sql
CREATE OR REPLACE FUNCTION dtks.pemadanan_jalankan(wilayah dtks.kode_wilayah,
                                        OUT diperiksa bigint, OUT padan bigint, OUT tidak_padan bigint)
    LANGUAGE sql VOLATILE PARALLEL UNSAFE
BEGIN ATOMIC
WITH dipilih AS MATERIALIZED (
    SELECT u.id, u.jenis, u.no_kk, u.alasan_penghentian,
           CASE WHEN pg_catalog.jsonb_typeof(u.data OPERATOR(pg_catalog.->) 'anggota') OPERATOR(pg_catalog.=) 'array' THEN u.data OPERATOR(pg_catalog.->) 'anggota' END AS anggota,
           coalesce(u.data OPERATOR(pg_catalog.->>) 'no_kk', u.no_kk::text) AS kk_teks
      FROM dtks.usulan u
     WHERE u.status OPERATOR(pg_catalog.=) 'diajukan' AND (wilayah IS NULL OR u.kode_wilayah OPERATOR(dtks.<@) wilayah)
       FOR UPDATE
),
anggota_usul AS MATERIALIZED (
    -- the members proposed in data->'anggota'
    SELECT d.id AS usulan, a.urutan::integer AS urutan, a.e OPERATOR(pg_catalog.->>) 'nik' AS nik_teks, a.e OPERATOR(pg_catalog.->>) 'nama' AS nama,
           a.e OPERATOR(pg_catalog.->>) 'tanggal_lahir' AS lahir_teks, d.kk_teks, d.jenis, d.alasan_penghentian
      FROM dipilih d CROSS JOIN LATERAL pg_catalog.jsonb_array_elements(d.anggota) WITH ORDINALITY AS a(e, urutan)
    UNION ALL
    -- else the family's current members in DTKS
    SELECT d.id, (pg_catalog.row_number() OVER (PARTITION BY d.id ORDER BY m.nik))::integer, m.nik::text, g.nama,
           pg_catalog.to_char(g.tanggal_lahir, 'YYYY-MM-DD'), d.kk_teks, d.jenis, d.alasan_penghentian
      FROM dipilih d
      JOIN dtks.keanggotaan m ON m.no_kk OPERATOR(dtks.=) d.no_kk AND m.berlaku OPERATOR(pg_catalog.@>) CURRENT_DATE
      JOIN dtks.anggota g ON g.nik OPERATOR(dtks.=) m.nik
     WHERE d.anggota IS NULL
),
cek AS (
    SELECT a.*, n.nik, p.nik IS NOT NULL AS ada, p.nama AS nama_dukcapil, p.tanggal_lahir AS lahir_dukcapil,
           p.hidup, p.no_kk AS kk_dukcapil, n.kk, aktif.no_kk AS kk_aktif
      FROM anggota_usul a
     CROSS JOIN LATERAL (SELECT CASE WHEN dtks.nik_valid(a.nik_teks) THEN a.nik_teks::dtks.nik END AS nik,
                                CASE WHEN dtks.no_kk_valid(a.kk_teks) THEN a.kk_teks::dtks.no_kk END AS kk) n
      LEFT JOIN dtks.penduduk p ON p.nik OPERATOR(dtks.=) n.nik
      LEFT JOIN (SELECT m.nik, m.no_kk
                   FROM dtks.keanggotaan m JOIN dtks.keluarga k ON k.no_kk OPERATOR(dtks.=) m.no_kk
                  WHERE m.berlaku OPERATOR(pg_catalog.@>) CURRENT_DATE AND k.status OPERATOR(pg_catalog.=) 'aktif') aktif ON aktif.nik OPERATOR(dtks.=) n.nik
),
temuan AS (
    SELECT c.usulan, c.urutan, c.nik, t.temuan, t.menghalangi
      FROM cek c
     CROSS JOIN LATERAL (VALUES
        ('nik_tidak_sah', c.nik IS NULL, true),
        ('nik_tidak_ada', c.nik IS NOT NULL AND NOT c.ada, true),
        ('nama_beda', c.ada AND c.nama IS NOT NULL AND dtks.nama_kunci(c.nama) OPERATOR(pg_catalog.<>) dtks.nama_kunci(c.nama_dukcapil), true),
        ('tanggal_lahir_beda', c.ada AND c.lahir_teks IS NOT NULL
                               AND c.lahir_teks IS DISTINCT FROM pg_catalog.to_char(c.lahir_dukcapil, 'YYYY-MM-DD'), true),
        ('meninggal', c.ada AND NOT c.hidup, NOT (c.jenis OPERATOR(pg_catalog.=) 'penghentian' AND c.alasan_penghentian OPERATOR(pg_catalog.=) 'meninggal')),
        ('kk_beda', c.ada AND c.kk IS NOT NULL AND NOT coalesce(c.kk_dukcapil OPERATOR(dtks.=) c.kk, false), true),
        ('aktif_di_kk_lain', c.kk_aktif IS NOT NULL AND NOT coalesce(c.kk_aktif OPERATOR(dtks.=) c.kk, false),
                             c.jenis OPERATOR(pg_catalog.<>) 'perbaikan')
     ) AS t(temuan, ditemukan, menghalangi)
     WHERE t.ditemukan
    UNION ALL
    SELECT d.id, NULL, NULL, 'tanpa_anggota', true
      FROM dipilih d
     WHERE NOT EXISTS (SELECT 1 FROM anggota_usul a WHERE a.usulan OPERATOR(pg_catalog.=) d.id)
),
putaran AS (
    SELECT pg_catalog.nextval('dtks.usulan_temuan_putaran') AS nomor
),
simpan AS (
    INSERT INTO dtks.usulan_temuan (putaran, usulan, urutan, nik, temuan, menghalangi)
    SELECT p.nomor, t.usulan, t.urutan, t.nik, t.temuan, t.menghalangi FROM temuan t, putaran p
),
ringkas AS (
    SELECT x.usulan, pg_catalog.string_agg(x.temuan OPERATOR(pg_catalog.||) ' ' OPERATOR(pg_catalog.||) x.jumlah, ', ' ORDER BY x.temuan) AS temuan
      FROM (SELECT t.usulan, t.temuan, pg_catalog.count(*) AS jumlah FROM temuan t WHERE t.menghalangi GROUP BY 1, 2) x
     GROUP BY x.usulan
),
ubah AS (
    UPDATE dtks.usulan u
       SET status = CASE WHEN r.usulan IS NULL THEN 'padan' ELSE 'tidak_padan' END,
           alasan = CASE WHEN r.usulan IS NULL THEN u.alasan
                         ELSE 'pemadanan ' OPERATOR(pg_catalog.||) p.nomor OPERATOR(pg_catalog.||) ': ' OPERATOR(pg_catalog.||) r.temuan END
      FROM dipilih d CROSS JOIN putaran p LEFT JOIN ringkas r ON r.usulan OPERATOR(pg_catalog.=) d.id
     WHERE u.id OPERATOR(pg_catalog.=) d.id
    RETURNING u.status
)
SELECT pg_catalog.count(*), pg_catalog.count(*) FILTER (WHERE status OPERATOR(pg_catalog.=) 'padan'), pg_catalog.count(*) FILTER (WHERE status OPERATOR(pg_catalog.=) 'tidak_padan') FROM ubah;
END;
-- sql/install/83_akses.sql
ALTER POLICY petugas_sendiri ON dtks.petugas_peran
    USING (pengguna OPERATOR(pg_catalog.=) CURRENT_USER);
ALTER POLICY usulan_tambah ON dtks.usulan
    WITH CHECK ((SELECT dtks.peran_petugas()) OPERATOR(pg_catalog.=) 'pusat'
                OR ((SELECT dtks.peran_petugas()) OPERATOR(pg_catalog.=) ANY (ARRAY['desa', 'kabkota'])
                    AND kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas())));
ALTER POLICY usulan_riwayat_lihat ON dtks.usulan_riwayat
    USING (EXISTS (SELECT 1 FROM dtks.usulan u WHERE u.id OPERATOR(pg_catalog.=) usulan));
ALTER POLICY usulan_temuan_lihat ON dtks.usulan_temuan
    USING (EXISTS (SELECT 1 FROM dtks.usulan u WHERE u.id OPERATOR(pg_catalog.=) usulan));
ALTER POLICY wilayah_petugas ON dtks.keanggotaan
    USING ((SELECT dtks.petugas_nasional())
           OR no_kk IN (SELECT k.no_kk FROM dtks.keluarga k JOIN dtks.rumah_tangga r ON r.id OPERATOR(pg_catalog.=) k.rumah_tangga_id
                         WHERE r.kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas())));
ALTER POLICY wilayah_petugas ON dtks.anggota
    USING ((SELECT dtks.petugas_nasional())
           OR nik IN (SELECT m.nik FROM dtks.keanggotaan m
                        JOIN dtks.keluarga k ON k.no_kk OPERATOR(dtks.=) m.no_kk
                        JOIN dtks.rumah_tangga r ON r.id OPERATOR(pg_catalog.=) k.rumah_tangga_id
                       WHERE r.kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas())));
ALTER POLICY wilayah_petugas ON dtks.skor_keluarga
    USING ((SELECT dtks.petugas_nasional())
           OR no_kk IN (SELECT k.no_kk FROM dtks.keluarga k JOIN dtks.rumah_tangga r ON r.id OPERATOR(pg_catalog.=) k.rumah_tangga_id
                         WHERE r.kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas())));
-- sql/install/84_penetapan.sql
CREATE OR REPLACE FUNCTION dtks.penetapan_pada(periode date, wilayah dtks.kode_wilayah DEFAULT NULL)
    RETURNS TABLE (nik dtks.nik, no_kk dtks.no_kk, kode_wilayah dtks.kode_wilayah, rumah_tangga_id bigint,
                   shdk smallint, jenis_kelamin char(1), tanggal_lahir date, desil smallint, skor double precision,
                   program text[])
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT a.nik, a.no_kk, a.kode_wilayah, k.rumah_tangga_id, a.shdk, a.jenis_kelamin, a.tanggal_lahir, k.desil, k.skor,
           coalesce((SELECT pg_catalog.array_agg(p.program ORDER BY p.program) FROM dtks.penetapan_program p
                      WHERE p.no_kk OPERATOR(dtks.=) a.no_kk
                        AND p.berlaku OPERATOR(pg_catalog.@>) pg_catalog.date_trunc('month', penetapan_pada.periode)::date), '{}')
      FROM dtks.penetapan_anggota a
      JOIN dtks.penetapan_keluarga k ON k.no_kk OPERATOR(dtks.=) a.no_kk
                                     AND k.berlaku OPERATOR(pg_catalog.@>) pg_catalog.date_trunc('month', penetapan_pada.periode)::date
     WHERE a.berlaku OPERATOR(pg_catalog.@>) pg_catalog.date_trunc('month', penetapan_pada.periode)::date
       AND (penetapan_pada.wilayah IS NULL OR a.kode_wilayah OPERATOR(dtks.<@) penetapan_pada.wilayah);
END;
-- sql/install/84_penetapan_agregat.sql
CREATE OR REPLACE FUNCTION dtks.jumlah_per_kunci(a jsonb, b jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT coalesce(pg_catalog.jsonb_object_agg(x.key, x.n ORDER BY x.key) FILTER (WHERE x.n OPERATOR(pg_catalog.<>) 0), '{}')
      FROM (SELECT e.key, pg_catalog.sum(e.value::bigint) AS n
              FROM (SELECT * FROM pg_catalog.jsonb_each_text(a) UNION ALL SELECT * FROM pg_catalog.jsonb_each_text(b)) e
             GROUP BY e.key) x;
END;
-- sql/install/85_penggunaan.sql
ALTER POLICY permohonan_tambah ON dtks.permohonan_data
    WITH CHECK ((SELECT dtks.peran_petugas()) OPERATOR(pg_catalog.=) 'pusat'
                OR ((SELECT dtks.peran_petugas()) OPERATOR(pg_catalog.=) 'kabkota'
                    AND kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas())));
ALTER POLICY permohonan_ubah ON dtks.permohonan_data
    USING ((SELECT dtks.peran_petugas()) OPERATOR(pg_catalog.=) 'pusat'
           OR ((SELECT dtks.peran_petugas()) OPERATOR(pg_catalog.=) 'kabkota' AND kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas())))
    WITH CHECK ((SELECT dtks.peran_petugas()) OPERATOR(pg_catalog.=) 'pusat'
                OR ((SELECT dtks.peran_petugas()) OPERATOR(pg_catalog.=) 'kabkota'
                    AND kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas())));
ALTER POLICY berita_acara_lihat ON dtks.berita_acara_serah_terima
    USING (EXISTS (SELECT 1 FROM dtks.permohonan_data d WHERE d.id OPERATOR(pg_catalog.=) permohonan));
ALTER POLICY berita_acara_tambah ON dtks.berita_acara_serah_terima
    WITH CHECK (EXISTS (SELECT 1 FROM dtks.permohonan_data d WHERE d.id OPERATOR(pg_catalog.=) permohonan));
ALTER POLICY laporan_lihat ON dtks.laporan_pemanfaatan
    USING (EXISTS (SELECT 1 FROM dtks.permohonan_data d WHERE d.id OPERATOR(pg_catalog.=) permohonan));
ALTER POLICY laporan_tambah ON dtks.laporan_pemanfaatan
    WITH CHECK (EXISTS (SELECT 1 FROM dtks.permohonan_data d WHERE d.id OPERATOR(pg_catalog.=) permohonan));
ALTER POLICY penerima_lihat ON dtks.laporan_pemanfaatan_penerima
    USING (EXISTS (SELECT 1 FROM dtks.laporan_pemanfaatan l WHERE l.id OPERATOR(pg_catalog.=) laporan));
ALTER POLICY penerima_tambah ON dtks.laporan_pemanfaatan_penerima
    WITH CHECK (EXISTS (SELECT 1 FROM dtks.laporan_pemanfaatan l WHERE l.id OPERATOR(pg_catalog.=) laporan));
ALTER POLICY ekspor_log_lihat ON dtks.ekspor_log
    USING (EXISTS (SELECT 1 FROM dtks.permohonan_data d WHERE d.id OPERATOR(pg_catalog.=) permohonan));
-- sql/install/86_penetapan_bi.sql
CREATE OR REPLACE VIEW dtks.penetapan_agregat_bulan AS
SELECT p.periode, a.*
  FROM dtks.penetapan p
  JOIN dtks.penetapan_agregat a ON a.mulai OPERATOR(pg_catalog.<=) p.periode
 WHERE NOT EXISTS (SELECT 1 FROM dtks.penetapan_agregat n
                    WHERE n.kode_wilayah OPERATOR(dtks.=) a.kode_wilayah AND n.mulai OPERATOR(pg_catalog.>) a.mulai AND n.mulai OPERATOR(pg_catalog.<=) p.periode);
CREATE OR REPLACE VIEW dtks.v_penetapan_bulanan AS
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
CREATE OR REPLACE VIEW dtks.v_penetapan_program AS
SELECT a.periode, a.tingkat::integer AS tingkat, a.kode_wilayah::text AS kode_wilayah,
       (SELECT w.nama FROM dtks.wilayah w WHERE w.kode OPERATOR(dtks.=) a.kode_wilayah) AS nama_wilayah,
       p.key AS program, g.nama AS nama_program, p.value::bigint AS keluarga
  FROM dtks.penetapan_agregat_bulan a
  CROSS JOIN LATERAL pg_catalog.jsonb_each_text(a.program) p
  LEFT JOIN dtks.program g ON g.kode OPERATOR(pg_catalog.=) p.key;
CREATE OR REPLACE VIEW dtks.v_penetapan_perubahan AS
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
CREATE OR REPLACE VIEW dtks.v_usulan_rekap AS
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

-- Defaults and CHECKs: the same, re-created with their qualified text (their comments kept).  Not
-- re-created, as they bind the same pg_catalog functions and operators already: the CHECKs of the
-- domains kode_daya_listrik, masa_berlaku and masa_bulan (a domain used inside a stored row type,
-- the history's lama/baru, cannot have a constraint dropped), the indexes whose expression or
-- predicate names upper_inf/lower (84_penetapan.sql) and the exclusion constraint on dtks.skor_model
-- (each would be an index build).
ALTER TABLE dtks.keanggotaan ALTER COLUMN berlaku SET DEFAULT pg_catalog.daterange(CURRENT_DATE, NULL);
ALTER TABLE dtks.data_luar ALTER COLUMN berlaku SET DEFAULT pg_catalog.daterange(CURRENT_DATE, NULL);
ALTER TABLE dtks.skor_model DROP CONSTRAINT skor_model_berlaku_check,
    ADD CONSTRAINT skor_model_berlaku_check CHECK (NOT pg_catalog.isempty(berlaku) AND NOT pg_catalog.lower_inf(berlaku));
ALTER TABLE dtks.usulan_jadwal DROP CONSTRAINT usulan_jadwal_berlaku_check,
    ADD CONSTRAINT usulan_jadwal_berlaku_check CHECK (NOT pg_catalog.isempty(berlaku));
ALTER TABLE dtks.penetapan DROP CONSTRAINT penetapan_awal_bulan,
    ADD CONSTRAINT penetapan_awal_bulan CHECK (extract(day FROM periode) OPERATOR(pg_catalog.=) 1);
COMMENT ON CONSTRAINT penetapan_awal_bulan ON dtks.penetapan IS 'A month is named by its first day';
ALTER TABLE dtks.penetapan_keluarga DROP CONSTRAINT penetapan_keluarga_alasan,
    ADD CONSTRAINT penetapan_keluarga_alasan CHECK (alasan_keluar IS NULL OR NOT pg_catalog.upper_inf(berlaku));
COMMENT ON CONSTRAINT penetapan_keluarga_alasan ON dtks.penetapan_keluarga IS 'Only an ended stretch has a reason to leave';
ALTER TABLE dtks.penetapan_anggota DROP CONSTRAINT penetapan_anggota_alasan,
    ADD CONSTRAINT penetapan_anggota_alasan CHECK (alasan_keluar IS NULL OR NOT pg_catalog.upper_inf(berlaku));
COMMENT ON CONSTRAINT penetapan_anggota_alasan ON dtks.penetapan_anggota IS 'Only an ended stretch has a reason to leave';
ALTER TABLE dtks.penetapan_program DROP CONSTRAINT penetapan_program_alasan,
    ADD CONSTRAINT penetapan_program_alasan CHECK (alasan_selesai IS NULL OR NOT pg_catalog.upper_inf(berlaku));
COMMENT ON CONSTRAINT penetapan_program_alasan ON dtks.penetapan_program IS 'Only an ended membership has a reason';
ALTER TABLE dtks.penetapan_agregat DROP CONSTRAINT penetapan_agregat_awal_bulan,
    ADD CONSTRAINT penetapan_agregat_awal_bulan CHECK (extract(day FROM mulai) OPERATOR(pg_catalog.=) 1);
COMMENT ON CONSTRAINT penetapan_agregat_awal_bulan ON dtks.penetapan_agregat IS 'A month is named by its first day';
