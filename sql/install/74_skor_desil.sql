-- Scoring the whole registry and ranking it into desil.

-- What the scorer reads for every active family on a date, set-based: the household, the family,
-- the current kepala keluarga and the summary over current living members.
CREATE FUNCTION dtks.skor_masukan(acuan date DEFAULT CURRENT_DATE)
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
COMMENT ON FUNCTION dtks.skor_masukan(date) IS
    'Every active family with what the scorer reads on a date (household, family, current kepala, summary as dtks.skor_ringkasan gives it), in one set-based pass';

-- Score every active family with a model and rank it into desil within a scope; stores the result.
CREATE FUNCTION dtks.hitung_desil(lingkup text DEFAULT 'nasional', versi text DEFAULT NULL, acuan date DEFAULT CURRENT_DATE)
    RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
    -- every family is read: hash joins, even when statistics are stale (a load in the same transaction)
    SET enable_nestloop = off
AS $$
DECLARE
    model text := coalesce(versi, dtks.skor_model_pada(acuan));
    tingkat integer := CASE lingkup WHEN 'nasional' THEN 0 WHEN 'provinsi' THEN 1 WHEN 'kabkota' THEN 2 END;
    n bigint;
BEGIN
    IF tingkat IS NULL THEN
        RAISE EXCEPTION 'desil: unknown scope "%"', lingkup
            USING ERRCODE = '22023', DETAIL = 'The scope is nasional, provinsi or kabkota.';
    END IF;
    IF model IS NULL OR NOT EXISTS (SELECT 1 FROM dtks.skor_model m WHERE m.versi = model) THEN
        RAISE EXCEPTION 'desil: no score model % on %', coalesce('"' || versi || '"', 'in force'), acuan
            USING ERRCODE = '22023', DETAIL = 'Give an existing version, or a date inside a model''s validity (dtks.skor_model).';
    END IF;
    IF EXISTS (SELECT 1 FROM dtks.skor_keluarga s WHERE s.versi = model AND s.dihitung = acuan AND s.lingkup = hitung_desil.lingkup) THEN
        RAISE EXCEPTION 'desil: already computed for % with % within % scope', acuan, model, lingkup
            USING ERRCODE = '23505', DETAIL = 'Scores once stored are kept as they are; compute on another date or with another version.';
    END IF;
    PERFORM dtks.kemajuan_mulai('hitung_desil', pg_catalog.format('%s, model %s, %s', lingkup, model, pg_catalog.to_char(acuan, 'YYYY-MM-DD')));
    INSERT INTO dtks.skor_keluarga (no_kk, versi, dihitung, lingkup, kode_lingkup, skor, desil)
    SELECT s.no_kk, model, acuan, hitung_desil.lingkup, s.kode_lingkup, s.skor,
           ntile(10) OVER (PARTITION BY s.kode_lingkup ORDER BY s.skor, s.no_kk)
      FROM (SELECT x.no_kk,
                   CASE WHEN tingkat = 0 THEN NULL ELSE dtks.leluhur(x.kode_wilayah, tingkat) END AS kode_lingkup,
                   dtks.skor_kesejahteraan(x.rumah_tangga, x.keluarga, x.kepala, x.ringkasan, model) AS skor
              FROM dtks.skor_masukan(acuan) x) s;
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM dtks.lapor_kemajuan('hitung_desil', 'families scored and ranked into desil', n);
    RETURN n;
END
$$;
COMMENT ON FUNCTION dtks.hitung_desil(text, text, date) IS
    'Score every active family on acuan with a model (the one in force if versi is NULL), rank into desil 1-10 within the scope (nasional, provinsi or kabkota; ties by KK number) and store it in dtks.skor_keluarga; returns the number of families';

-- A family's latest stored desil.
CREATE FUNCTION dtks.desil_terakhir(no_kk dtks.no_kk, lingkup text DEFAULT 'nasional')
    RETURNS TABLE (versi text, dihitung date, skor double precision, desil smallint)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT s.versi, s.dihitung, s.skor, s.desil FROM dtks.skor_keluarga s
     WHERE s.no_kk OPERATOR(dtks.=) desil_terakhir.no_kk AND s.lingkup OPERATOR(pg_catalog.=) desil_terakhir.lingkup
     ORDER BY s.dihitung DESC, s.versi LIMIT 1;
END;
COMMENT ON FUNCTION dtks.desil_terakhir(dtks.no_kk, text) IS 'The latest stored score and desil of a family within a scope';
