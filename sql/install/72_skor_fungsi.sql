-- Scoring functions: the C scorer on rows, and the forms by KK number.

CREATE FUNCTION dtks.skor_kesejahteraan(rumah_tangga dtks.rumah_tangga, keluarga dtks.keluarga, kepala dtks.anggota,
                                        ringkasan integer[], versi text) RETURNS double precision
    AS 'MODULE_PATHNAME', 'skor_kesejahteraan_baris' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION dtks.skor_kesejahteraan(dtks.rumah_tangga, dtks.keluarga, dtks.anggota, integer[], text) IS
    'Welfare score (higher is better off) of a family from its household, family and kepala rows and its summary (dtks.skor_ringkasan), with model versi; computed in C, the model cached per backend';

CREATE FUNCTION dtks.skor_rinci(rumah_tangga dtks.rumah_tangga, keluarga dtks.keluarga, kepala dtks.anggota,
                                ringkasan integer[], versi text)
    RETURNS TABLE (variabel text, nilai integer, bobot double precision, kontribusi double precision)
    AS 'MODULE_PATHNAME', 'skor_rinci_baris' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION dtks.skor_rinci(dtks.rumah_tangga, dtks.keluarga, dtks.anggota, integer[], text) IS
    'Each weighted variable of a family: its answer, the weight that applies (region overrides included) and its contribution; the contributions add up to the score';

-- The family summary the scorer reads: counts over the current, living members.
CREATE FUNCTION dtks.skor_ringkasan(no_kk dtks.no_kk, acuan date DEFAULT CURRENT_DATE) RETURNS integer[]
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
COMMENT ON FUNCTION dtks.skor_ringkasan(dtks.no_kk, date) IS
    'The family summary the scorer reads, over current living members on acuan: {jumlah_anggota, balita (under 5), anak_sekolah (in school), lansia (60+), disabilitas (a lot of difficulty or cannot, any 428 item), bekerja, luas_per_orang (floor m2 per member)}';

CREATE FUNCTION dtks.skor_model_pada(acuan date DEFAULT CURRENT_DATE) RETURNS text
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT m.versi FROM dtks.skor_model m WHERE m.berlaku OPERATOR(pg_catalog.@>) acuan ORDER BY m.bawaan, m.versi LIMIT 1;
END;
COMMENT ON FUNCTION dtks.skor_model_pada(date) IS 'The model version in force on a date: the agency''s model valid then, else the shipped one (NULL if none)';

-- What the scorer reads for one family on a date: its household, the family, its current kepala
-- keluarga and its summary.
CREATE FUNCTION dtks.skor_masukan_kk(no_kk dtks.no_kk, acuan date DEFAULT CURRENT_DATE)
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
COMMENT ON FUNCTION dtks.skor_masukan_kk(dtks.no_kk, date) IS
    'What the scorer reads for one family on a date: household, family, current kepala keluarga (NULL if none) and summary (dtks.skor_ringkasan)';

CREATE FUNCTION dtks.skor_kesejahteraan(no_kk dtks.no_kk, versi text DEFAULT NULL, acuan date DEFAULT CURRENT_DATE)
    RETURNS double precision
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT dtks.skor_kesejahteraan(x.rumah_tangga, x.keluarga, x.kepala, x.ringkasan, coalesce(versi, dtks.skor_model_pada(acuan)))
      FROM dtks.skor_masukan_kk(no_kk, acuan) x;
END;
COMMENT ON FUNCTION dtks.skor_kesejahteraan(dtks.no_kk, text, date) IS
    'Welfare score of a family on a date, with the model in force then unless versi is given';

CREATE FUNCTION dtks.skor_rinci(no_kk dtks.no_kk, versi text DEFAULT NULL, acuan date DEFAULT CURRENT_DATE)
    RETURNS TABLE (variabel text, nilai integer, bobot double precision, kontribusi double precision)
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT r.variabel, r.nilai, r.bobot, r.kontribusi
      FROM dtks.skor_masukan_kk(no_kk, acuan) x,
           dtks.skor_rinci(x.rumah_tangga, x.keluarga, x.kepala, x.ringkasan, coalesce(versi, dtks.skor_model_pada(acuan))) AS r;
END;
COMMENT ON FUNCTION dtks.skor_rinci(dtks.no_kk, text, date) IS
    'Why a family has its score: each variable''s answer, weight and contribution (the first row is the model''s constant)';

-- The same model as one SQL expression over h (rumah_tangga), f (keluarga), k (kepala) and r
-- (the summary): what the scorer computes, for inspection and as the benchmark's baseline.
CREATE FUNCTION dtks.skor_sql(versi text) RETURNS text
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
COMMENT ON FUNCTION dtks.skor_sql(text) IS
    'A model as one SQL expression over h (rumah_tangga), f (keluarga), k (the kepala''s anggota row) and r (dtks.skor_ringkasan): the same score as the C scorer, written out for inspection and comparison';
