-- 60_sro: the penetapan and the registry's mark never switch to the owner outside a security-restricted
-- operation (issue 18, section 1).  The same objects as in sql/install/41_registri_aturan.sql,
-- 84_penetapan.sql and 84_penetapan_agregat.sql (copied verbatim; dtks.penetapan_jalankan is redefined
-- in 20_penetapan.sql).  The shared library decides by these objects: a database still at 1.0 keeps
-- its old paths until it is updated.

-- The registry's mark: the writer inserts it itself, naming only its own transaction.
ALTER TABLE dtks.registri_tertunda
    ADD CONSTRAINT registri_tertunda_transaksi_ini CHECK (transaksi OPERATOR(pg_catalog.=) pg_catalog.pg_current_xact_id());
COMMENT ON CONSTRAINT registri_tertunda_transaksi_ini ON dtks.registri_tertunda IS
    'A row names the transaction that inserts it (the check deletes it before commit; the table is empty between transactions and not dumped)';
-- the writer marks its own transaction (dtks.registri_catat, no switch to the owner); no UPDATE, DELETE or TRUNCATE
GRANT INSERT ON dtks.registri_tertunda TO PUBLIC;

-- The penetapan's own check of the registry rules (no mark while it runs).
CREATE FUNCTION dtks.registri_periksa_sekarang() RETURNS void
    AS 'MODULE_PATHNAME', 'registri_periksa_sekarang' LANGUAGE C VOLATILE PARALLEL UNSAFE;
REVOKE ALL ON FUNCTION dtks.registri_periksa_sekarang() FROM PUBLIC;
COMMENT ON FUNCTION dtks.registri_periksa_sekarang() IS
    'Part of dtks.penetapan_jalankan: check the registry rules now for every key recorded in the transaction, as the commit check does (which the penetapan''s restricted operation cannot queue); raises as it does';

-- The penetapan's work tables, created by the caller before the owner's restricted run.
CREATE FUNCTION dtks.penetapan_meja_kerja() RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    sisa text;
    angka text[];
    ubah text[];
BEGIN
    -- (left by an earlier penetapan in this transaction that failed inside a savepoint)
    FOR sisa IN SELECT c.oid::regclass::text FROM pg_catalog.pg_class c
                 WHERE c.relnamespace = pg_catalog.pg_my_temp_schema() AND c.relkind = 'r'
                   AND c.relname = ANY (ARRAY['penetapan_usulan', 'penetapan_kk', 'penetapan_riwayat_kk', 'penetapan_kk_anggota', 'penetapan_alasan', 'penetapan_ini',
                                              'penetapan_masuk', 'penetapan_masalah', 'penetapan_keluarga_kini',
                                              'penetapan_anggota_kini', 'penetapan_alasan_kk', 'penetapan_alasan_nik', 'penetapan_usulan_kk',
                                              'penetapan_keluarga_tutup', 'penetapan_keluarga_buka', 'penetapan_keluarga_tetap', 'penetapan_anggota_tetap',
                                              'penetapan_anggota_tutup', 'penetapan_anggota_buka',
                                              'penetapan_program_ubah', 'penetapan_program_tetap', 'penetapan_ubah',
                                              'penetapan_ubah_desa', 'penetapan_ubah_program', 'penetapan_agregat_baru']) LOOP
        EXECUTE 'DROP TABLE ' || sisa;
    END LOOP;

    -- dtks.penetapan_jalankan: the month's usulan, the families touched, why they leave, what the history names
    CREATE TEMP TABLE penetapan_usulan (id bigint PRIMARY KEY, jenis text, sumber text, kode_wilayah dtks.kode_wilayah,
                                        no_kk dtks.no_kk, data jsonb, program text, alasan_penghentian text,
                                        putaran integer) ON COMMIT DROP;
    CREATE TEMP TABLE penetapan_kk (no_kk dtks.no_kk PRIMARY KEY) ON COMMIT DROP;
    CREATE TEMP TABLE penetapan_alasan (no_kk dtks.no_kk, nik dtks.nik, alasan text, usulan bigint) ON COMMIT DROP;
    CREATE TEMP TABLE penetapan_riwayat_kk (no_kk dtks.no_kk PRIMARY KEY, anggota boolean) ON COMMIT DROP;
    CREATE TEMP TABLE penetapan_kk_anggota (no_kk dtks.no_kk) ON COMMIT DROP;
    -- dtks.penetapan_periksa_data
    CREATE TEMP TABLE penetapan_masalah (id bigint, jenis text, masalah text) ON COMMIT DROP;
    -- dtks.penetapan_terapkan: one round (emptied each round)
    CREATE TEMP TABLE penetapan_ini (id bigint, jenis text, no_kk dtks.no_kk, kode_wilayah dtks.kode_wilayah, data jsonb,
                                     alasan_penghentian text, rt_id bigint, rt_baru boolean) ON COMMIT DROP;
    CREATE TEMP TABLE penetapan_masuk (id bigint, jenis text, no_kk dtks.no_kk, alasan_penghentian text, nik dtks.nik,
                                       shdk smallint, sejak date, keluar text, ubah jsonb) ON COMMIT DROP;
    -- dtks.penetapan_skor
    CREATE TEMP TABLE penetapan_keluarga_kini (no_kk dtks.no_kk PRIMARY KEY, rumah_tangga_id bigint,
                                               kode_wilayah dtks.kode_wilayah, skor double precision, desil smallint)
        ON COMMIT DROP;
    -- dtks.penetapan_selaraskan
    CREATE TEMP TABLE penetapan_alasan_kk (no_kk dtks.no_kk, alasan text) ON COMMIT DROP;
    CREATE TEMP TABLE penetapan_alasan_nik (nik dtks.nik, alasan text) ON COMMIT DROP;
    CREATE TEMP TABLE penetapan_usulan_kk (no_kk dtks.no_kk, usulan bigint) ON COMMIT DROP;
    CREATE TEMP TABLE penetapan_anggota_kini (nik dtks.nik, no_kk dtks.no_kk, kode_wilayah dtks.kode_wilayah,
                                              shdk dtks.kode_shdk, jenis_kelamin dtks.kode_jenis_kelamin,
                                              tanggal_lahir date) ON COMMIT DROP;
    CREATE TEMP TABLE penetapan_keluarga_tutup (no_kk dtks.no_kk, rumah_tangga_id bigint, kode_wilayah dtks.kode_wilayah,
                                                desil smallint, alasan_keluar dtks.alasan_keluar) ON COMMIT DROP;
    CREATE TEMP TABLE penetapan_keluarga_tetap (no_kk dtks.no_kk) ON COMMIT DROP;
    CREATE TEMP TABLE penetapan_keluarga_buka (no_kk dtks.no_kk, rumah_tangga_id bigint, kode_wilayah dtks.kode_wilayah,
                                               desil smallint, masuk boolean) ON COMMIT DROP;
    CREATE TEMP TABLE penetapan_anggota_tutup (nik dtks.nik, kode_wilayah dtks.kode_wilayah,
                                               jenis_kelamin dtks.kode_jenis_kelamin, tanggal_lahir date,
                                               alasan_keluar dtks.alasan_keluar) ON COMMIT DROP;
    CREATE TEMP TABLE penetapan_anggota_tetap (nik dtks.nik) ON COMMIT DROP;
    CREATE TEMP TABLE penetapan_anggota_buka (nik dtks.nik, kode_wilayah dtks.kode_wilayah,
                                              jenis_kelamin dtks.kode_jenis_kelamin, tanggal_lahir date,
                                              masuk boolean) ON COMMIT DROP;
    CREATE TEMP TABLE penetapan_program_tetap (no_kk dtks.no_kk, program text) ON COMMIT DROP;
    CREATE TEMP TABLE penetapan_program_ubah (no_kk dtks.no_kk, program text, n integer) ON COMMIT DROP;

    -- dtks.penetapan_agregat_hitung: its measures as it reads them (figures, then entries and exits), in its order
    SELECT pg_catalog.array_agg(a.attname::text ORDER BY a.attnum) FILTER (WHERE a.attname OPERATOR(pg_catalog.!~) '_(masuk|keluar_[a-z]+)$'),
           pg_catalog.array_agg(a.attname::text ORDER BY a.attnum) FILTER (WHERE a.attname OPERATOR(pg_catalog.~) '_(masuk|keluar_[a-z]+)$')
      INTO angka, ubah
      FROM pg_catalog.pg_attribute a
     WHERE a.attrelid OPERATOR(pg_catalog.=) 'dtks.penetapan_agregat'::regclass AND a.attnum OPERATOR(pg_catalog.>) 0
       AND NOT a.attisdropped AND a.atttypid OPERATOR(pg_catalog.=) 'bigint'::regtype;
    CREATE TEMP TABLE penetapan_ubah (kode_wilayah dtks.kode_wilayah, ukuran text, n integer) ON COMMIT DROP;
    EXECUTE pg_catalog.format('CREATE TEMP TABLE penetapan_ubah_desa (kode dtks.kode_wilayah, %s) ON COMMIT DROP',
        (SELECT pg_catalog.string_agg(pg_catalog.format('%I integer', u), ', ') FROM pg_catalog.unnest(angka OPERATOR(pg_catalog.||) ubah) u));
    CREATE TEMP TABLE penetapan_ubah_program (kode dtks.kode_wilayah, program jsonb) ON COMMIT DROP;
    EXECUTE pg_catalog.format('CREATE TEMP TABLE penetapan_agregat_baru (kode_wilayah dtks.kode_wilayah, tingkat smallint, '
                              'mulai date, %s, program jsonb, %s) ON COMMIT DROP',
        (SELECT pg_catalog.string_agg(pg_catalog.format('%I bigint', u), ', ') FROM pg_catalog.unnest(angka) u),
        (SELECT pg_catalog.string_agg(pg_catalog.format('%I bigint', u), ', ') FROM pg_catalog.unnest(ubah) u));
END
$$;
REVOKE ALL ON FUNCTION dtks.penetapan_meja_kerja() FROM PUBLIC;
COMMENT ON FUNCTION dtks.penetapan_meja_kerja() IS
    'Part of dtks.tetapkan (which calls it directly, as its caller, before the owner''s security-restricted run of dtks.penetapan_jalankan): drops what a failed penetapan of the transaction left, and creates the month''s temporary work tables empty (ON COMMIT DROP)';
COMMENT ON FUNCTION dtks.penetapan_jalankan(date) IS
    'The set-based penetapan behind dtks.tetapkan (which alone may call it, as the owner in a security-restricted operation, taking the steps as penetapan, after dtks.penetapan_meja_kerja): determines the sent usulan, applies them, scores, updates the presence periods and the monthly figures';

-- The parts of the run: they fill the work tables (INSERT, TRUNCATE) instead of creating them.
CREATE OR REPLACE FUNCTION dtks.penetapan_periksa_data(bulan date) RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, dtks, pg_temp
AS $$
DECLARE
    n bigint;
    pertama record;
    daftar text;
BEGIN
    INSERT INTO pg_temp.penetapan_masalah
    WITH anggota AS (
        SELECT u.id, u.jenis, e.value AS e,
               CASE WHEN dtks.nik_valid(e.value ->> 'nik') THEN (e.value ->> 'nik')::dtks.nik END AS nik
          FROM pg_temp.penetapan_usulan u, jsonb_array_elements(CASE jsonb_typeof(u.data -> 'anggota')
                                                                    WHEN 'array' THEN u.data -> 'anggota' ELSE '[]' END) e),
    -- the kepala rumah tangga an usulan names for the household it creates (baru) or corrects (perbaikan), and that
    -- household (NULL for a new one)
    kepala AS (
        SELECT u.id, u.jenis,
               CASE WHEN dtks.nik_valid(u.data #>> '{rumah_tangga,kepala_nik}') THEN (u.data #>> '{rumah_tangga,kepala_nik}')::dtks.nik END AS nik,
               CASE WHEN u.jenis = 'perbaikan' THEN (SELECT f.rumah_tangga_id FROM dtks.keluarga f WHERE f.no_kk = u.no_kk) END AS rt
          FROM pg_temp.penetapan_usulan u
         WHERE (u.jenis = 'perbaikan' OR (u.jenis = 'baru' AND NOT (u.data ? 'rumah_tangga_id')))
           AND jsonb_typeof(u.data -> 'rumah_tangga') = 'object' AND u.data -> 'rumah_tangga' ? 'kepala_nik'),
    -- where the usulan of the month bring that kepala as a member (not leaving): into a family of the household (or
    -- by the naming usulan itself), or into a family of another household
    bawa AS (
        SELECT k.id, bool_or(x.ke_rt) AS ke_rt, bool_or(NOT x.ke_rt) AS ke_luar
          FROM kepala k JOIN anggota a ON a.nik = k.nik AND a.jenis IN ('baru', 'perbaikan') AND NOT (a.e ? 'keluar')
          JOIN pg_temp.penetapan_usulan v ON v.id = a.id,
               LATERAL (SELECT v.id = k.id
                               OR EXISTS (SELECT 1 FROM dtks.keluarga g WHERE g.no_kk = v.no_kk AND g.rumah_tangga_id = k.rt)
                               OR coalesce(v.data ->> 'rumah_tangga_id' = k.rt::text, false) AS ke_rt) x
         GROUP BY k.id)
    SELECT u.id, u.jenis, 'it names no KK (no_kk, or data.no_kk)' AS masalah
      FROM pg_temp.penetapan_usulan u WHERE u.no_kk IS NULL
    UNION ALL
    SELECT u.id, u.jenis, 'data.anggota is not a non-empty list of members'
      FROM pg_temp.penetapan_usulan u
     WHERE u.jenis = 'baru' AND (jsonb_typeof(u.data -> 'anggota') IS DISTINCT FROM 'array' OR jsonb_array_length(u.data -> 'anggota') = 0)
    UNION ALL
    SELECT u.id, u.jenis, 'data.anggota is not a list of members'
      FROM pg_temp.penetapan_usulan u
     WHERE u.jenis <> 'baru' AND u.data ? 'anggota' AND jsonb_typeof(u.data -> 'anggota') <> 'array'
    UNION ALL
    SELECT DISTINCT a.id, a.jenis, 'a member has no nik'
      FROM anggota a WHERE jsonb_typeof(a.e) <> 'object' OR coalesce(a.e ->> 'nik', '') = ''
    UNION ALL
    SELECT DISTINCT a.id, a.jenis, 'a member''s nik is not a valid NIK'
      FROM anggota a WHERE coalesce(a.e ->> 'nik', '') <> '' AND a.nik IS NULL
    UNION ALL
    SELECT DISTINCT a.id, a.jenis, 'a new person lacks nama, jenis_kelamin or tanggal_lahir'
      FROM anggota a
     WHERE a.jenis IN ('baru', 'perbaikan') AND NOT (a.e ? 'keluar')
       AND a.nik IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dtks.anggota x WHERE x.nik = a.nik)
       AND NOT (a.e ?& ARRAY['nama', 'jenis_kelamin', 'tanggal_lahir'])
    UNION ALL
    SELECT DISTINCT a.id, a.jenis, 'a member joining the family has no shdk'
      FROM anggota a JOIN pg_temp.penetapan_usulan u ON u.id = a.id
     WHERE a.jenis IN ('baru', 'perbaikan') AND NOT (a.e ? 'keluar') AND NOT (a.e ? 'shdk')
       AND NOT EXISTS (SELECT 1 FROM dtks.keanggotaan m
                        WHERE m.nik = a.nik AND m.no_kk = u.no_kk AND upper_inf(m.berlaku))
    UNION ALL
    SELECT DISTINCT a.id, a.jenis, 'data.anggota.keluar is not meninggal, pindah, ganda or lainnya'
      FROM anggota a WHERE a.e ? 'keluar' AND a.e ->> 'keluar' NOT IN ('meninggal', 'pindah', 'ganda', 'lainnya')
    UNION ALL
    SELECT u.id, u.jenis, 'the household is neither given (data.rumah_tangga with alamat) nor an existing data.rumah_tangga_id'
      FROM pg_temp.penetapan_usulan u
     WHERE u.jenis = 'baru'
       AND NOT (jsonb_typeof(u.data -> 'rumah_tangga') = 'object' AND coalesce(u.data #>> '{rumah_tangga,alamat}', '') <> '')
       AND NOT EXISTS (SELECT 1 FROM dtks.rumah_tangga h WHERE h.id::text = u.data ->> 'rumah_tangga_id')
    UNION ALL
    SELECT u.id, u.jenis, 'the family is already active in DTKS'
      FROM pg_temp.penetapan_usulan u JOIN dtks.keluarga f ON f.no_kk = u.no_kk
     WHERE u.jenis = 'baru' AND f.status = 'aktif'
    UNION ALL
    SELECT u.id, u.jenis, 'the family is not active in DTKS'
      FROM pg_temp.penetapan_usulan u
     WHERE u.jenis <> 'baru'
       AND NOT EXISTS (SELECT 1 FROM dtks.keluarga f WHERE f.no_kk = u.no_kk AND f.status = 'aktif')
       AND NOT EXISTS (SELECT 1 FROM pg_temp.penetapan_usulan b WHERE b.no_kk = u.no_kk AND b.jenis = 'baru')
    UNION ALL
    SELECT DISTINCT a.id, a.jenis, 'a member to stop is not a current member of the family'
      FROM anggota a JOIN pg_temp.penetapan_usulan u ON u.id = a.id
     WHERE a.jenis = 'penghentian'
       AND NOT EXISTS (SELECT 1 FROM dtks.keanggotaan m
                        WHERE m.nik = a.nik AND m.no_kk = u.no_kk AND upper_inf(m.berlaku))
    UNION ALL
    SELECT k.id, k.jenis, 'data.rumah_tangga.kepala_nik is not a valid NIK' FROM kepala k WHERE k.nik IS NULL
    UNION ALL
    -- the kepala must be in the household after the month: a current member of one of its active families, or a member
    -- that this usulan or another of the month brings into one of them (a re-heading would otherwise replace it silently)
    SELECT k.id, k.jenis, 'data.rumah_tangga.kepala_nik is not a member of the household (now, or by an usulan of the month)'
      FROM kepala k
     WHERE k.nik IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM dtks.keluarga f
                         JOIN dtks.keanggotaan m ON m.no_kk = f.no_kk AND upper_inf(m.berlaku) AND m.nik = k.nik
                        WHERE f.rumah_tangga_id = k.rt AND f.status = 'aktif')
       AND NOT EXISTS (SELECT 1 FROM bawa b WHERE b.id = k.id AND b.ke_rt)
    UNION ALL
    -- nor may an usulan of the month take the kepala out (the re-heading would otherwise replace the kepala named,
    -- silently): out of DTKS (died, moved away, a duplicate), into a family of another household, or out of its
    -- family (stopped alone or with it) with no usulan of the month bringing it into another of the household's
    SELECT k.id, k.jenis, 'data.rumah_tangga.kepala_nik leaves the household by an usulan of the month'
      FROM kepala k LEFT JOIN bawa b ON b.id = k.id
     WHERE k.nik IS NOT NULL
       AND (EXISTS (SELECT 1 FROM anggota a JOIN pg_temp.penetapan_usulan v ON v.id = a.id
                     WHERE a.nik = k.nik
                       AND CASE WHEN a.jenis = 'penghentian' THEN v.alasan_penghentian ELSE a.e ->> 'keluar' END
                           IN ('meninggal', 'pindah', 'ganda'))
            OR coalesce(b.ke_luar, false)
            OR (NOT coalesce(b.ke_rt, false)
                AND (EXISTS (SELECT 1 FROM anggota a WHERE a.nik = k.nik AND (a.jenis = 'penghentian' OR a.e ? 'keluar'))
                     OR EXISTS (SELECT 1 FROM pg_temp.penetapan_usulan v
                                  JOIN dtks.keanggotaan m ON m.no_kk = v.no_kk AND upper_inf(m.berlaku) AND m.nik = k.nik
                                 WHERE v.jenis = 'penghentian' AND NOT (v.data ? 'anggota')))))
    UNION ALL
    SELECT u.id, u.jenis, 'a second baru for the same KK in one month'
      FROM pg_temp.penetapan_usulan u WHERE u.jenis = 'baru' AND u.putaran > 1;
    SELECT count(*) INTO n FROM pg_temp.penetapan_masalah;
    IF n > 0 THEN
        SELECT * INTO pertama FROM pg_temp.penetapan_masalah ORDER BY id, masalah LIMIT 1;
        SELECT string_agg(format('usulan %s (%s): %s', m.id, m.jenis, m.masalah), '; ' ORDER BY m.id, m.masalah)
          INTO daftar FROM (SELECT * FROM pg_temp.penetapan_masalah ORDER BY id, masalah LIMIT 10) m;
        RAISE EXCEPTION 'penetapan of %: usulan % (%) cannot be applied: %', to_char(bulan, 'YYYY-MM'),
                        pertama.id, pertama.jenis, pertama.masalah
            USING ERRCODE = 'DTK05',
                  DETAIL = format('%s problem(s): %s%s. Nothing was determined; return (dikembalikan) or correct these usulan and run the month again.',
                                  n, daftar, CASE WHEN n > 10 THEN '; ...' ELSE '' END);
    END IF;
    DROP TABLE pg_temp.penetapan_masalah;
END
$$;
CREATE OR REPLACE FUNCTION dtks.penetapan_terapkan(bulan date, putaran integer, kolom_rt text, kolom_kel text, kolom_ang text)
    RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, dtks, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    r_rt text := 'r.' || replace(kolom_rt, ', ', ', r.');
    r_kel text := 'r.' || replace(kolom_kel, ', ', ', r.');
    r_ang text := 'r.' || replace(kolom_ang, ', ', ', r.');
BEGIN
    TRUNCATE pg_temp.penetapan_ini, pg_temp.penetapan_masuk;
    INSERT INTO pg_temp.penetapan_ini
    SELECT u.id, u.jenis, u.no_kk, u.kode_wilayah, u.data, u.alasan_penghentian,
           CASE WHEN u.jenis = 'baru' THEN coalesce((u.data ->> 'rumah_tangga_id')::bigint,
                                                    nextval('dtks.rumah_tangga_id_seq'::regclass)) END AS rt_id,
           u.jenis = 'baru' AND NOT (u.data ? 'rumah_tangga_id') AS rt_baru
      FROM pg_temp.penetapan_usulan u WHERE u.putaran = penetapan_terapkan.putaran;
    ANALYZE pg_temp.penetapan_ini;

    -- baru: the household (new, in the usulan's desa), the family (new, or back in DTKS)
    EXECUTE format($q$
        INSERT INTO dtks.rumah_tangga (id, %1$s) OVERRIDING SYSTEM VALUE
        SELECT b.rt_id, %2$s
          FROM pg_temp.penetapan_ini b,
               LATERAL jsonb_populate_record(NULL::dtks.rumah_tangga,
                   b.data -> 'rumah_tangga'
                   || jsonb_build_object('kode_wilayah', b.kode_wilayah::text,
                                         'kepala_nik', coalesce(b.data #>> '{rumah_tangga,kepala_nik}',
                                             (SELECT e ->> 'nik' FROM jsonb_array_elements(b.data -> 'anggota') e
                                               WHERE e ->> 'shdk' = '1' LIMIT 1)))) r
         WHERE b.rt_baru$q$, kolom_rt, r_rt);
    EXECUTE format($q$
        UPDATE dtks.keluarga f SET (rumah_tangga_id, status, %1$s) =
               (SELECT b.rt_id, 'aktif', %2$s
                  FROM jsonb_populate_record(f, jsonb_build_object('alasan_terbit', 'baru') || coalesce(b.data -> 'keluarga', '{}')) r)
          FROM pg_temp.penetapan_ini b
         WHERE b.jenis = 'baru' AND f.no_kk = b.no_kk$q$, kolom_kel, r_kel);
    EXECUTE format($q$
        INSERT INTO dtks.keluarga (no_kk, rumah_tangga_id, status, %1$s)
        SELECT b.no_kk, b.rt_id, 'aktif', %2$s
          FROM pg_temp.penetapan_ini b,
               LATERAL jsonb_populate_record(NULL::dtks.keluarga,
                                             jsonb_build_object('alasan_terbit', 'baru') || coalesce(b.data -> 'keluarga', '{}')) r
         WHERE b.jenis = 'baru' AND NOT EXISTS (SELECT 1 FROM dtks.keluarga f WHERE f.no_kk = b.no_kk)$q$, kolom_kel, r_kel);

    -- perbaikan: corrections of the household and the family
    EXECUTE format($q$
        UPDATE dtks.rumah_tangga h SET (%1$s) = (SELECT %2$s FROM jsonb_populate_record(h, p.ubah) r)
          FROM (SELECT DISTINCT ON (f.rumah_tangga_id) f.rumah_tangga_id, b.data -> 'rumah_tangga' AS ubah
                  FROM pg_temp.penetapan_ini b JOIN dtks.keluarga f ON f.no_kk = b.no_kk
                 WHERE b.jenis = 'perbaikan' AND jsonb_typeof(b.data -> 'rumah_tangga') = 'object'
                 ORDER BY f.rumah_tangga_id, b.id DESC) p
         WHERE h.id = p.rumah_tangga_id$q$, kolom_rt, r_rt);
    EXECUTE format($q$
        UPDATE dtks.keluarga f SET (%1$s) = (SELECT %2$s FROM jsonb_populate_record(f, b.data -> 'keluarga') r)
          FROM pg_temp.penetapan_ini b
         WHERE b.jenis = 'perbaikan' AND f.no_kk = b.no_kk AND jsonb_typeof(b.data -> 'keluarga') = 'object'$q$,
        kolom_kel, r_kel);

    -- the members named: corrected or new persons (a member who leaves keeps the data it had)
    INSERT INTO pg_temp.penetapan_masuk
    SELECT b.id, b.jenis, b.no_kk, b.alasan_penghentian, (e ->> 'nik')::dtks.nik AS nik,
           (e ->> 'shdk')::smallint AS shdk, coalesce((e ->> 'sejak')::date, bulan) AS sejak,
           CASE WHEN b.jenis = 'penghentian' THEN b.alasan_penghentian ELSE e ->> 'keluar' END AS keluar,
           e - ARRAY['nik', 'shdk', 'sejak', 'keluar'] AS ubah
      FROM pg_temp.penetapan_ini b, jsonb_array_elements(b.data -> 'anggota') e
     WHERE b.jenis IN ('baru', 'perbaikan', 'penghentian') AND jsonb_typeof(b.data -> 'anggota') = 'array';
    ANALYZE pg_temp.penetapan_masuk;
    EXECUTE format($q$
        UPDATE dtks.anggota a SET (%1$s) = (SELECT %2$s FROM jsonb_populate_record(a, m.ubah) r)
          FROM pg_temp.penetapan_masuk m
         WHERE a.nik = m.nik AND m.jenis <> 'penghentian' AND m.keluar IS NULL AND m.ubah <> '{}'$q$, kolom_ang, r_ang);
    EXECUTE format($q$
        INSERT INTO dtks.anggota (nik, %1$s)
        SELECT m.nik, %2$s
          FROM pg_temp.penetapan_masuk m,
               LATERAL jsonb_populate_record(NULL::dtks.anggota, jsonb_build_object('status_hidup', 'aktif') || m.ubah) r
         WHERE m.keluar IS NULL AND NOT EXISTS (SELECT 1 FROM dtks.anggota a WHERE a.nik = m.nik)$q$, kolom_ang, r_ang);

    -- penghentian of a whole family: every current member leaves, the KK is no longer active
    INSERT INTO pg_temp.penetapan_masuk (id, jenis, no_kk, alasan_penghentian, nik, shdk, sejak, keluar, ubah)
    SELECT b.id, b.jenis, b.no_kk, b.alasan_penghentian, m.nik, m.shdk, bulan, b.alasan_penghentian, '{}'
      FROM pg_temp.penetapan_ini b JOIN dtks.keanggotaan m ON m.no_kk = b.no_kk AND upper_inf(m.berlaku)
     WHERE b.jenis = 'penghentian' AND NOT (b.data ? 'anggota');
    UPDATE dtks.keluarga f SET status = 'nonaktif'
      FROM pg_temp.penetapan_ini b
     WHERE b.jenis = 'penghentian' AND NOT (b.data ? 'anggota') AND f.no_kk = b.no_kk;
    INSERT INTO pg_temp.penetapan_alasan (no_kk, nik, alasan, usulan)
    SELECT b.no_kk, NULL, b.alasan_penghentian, b.id
      FROM pg_temp.penetapan_ini b WHERE b.jenis = 'penghentian' AND NOT (b.data ? 'anggota');

    -- who leaves: the life status it leaves for, its membership closed at the month
    INSERT INTO pg_temp.penetapan_alasan (no_kk, nik, alasan, usulan)
    SELECT m.no_kk, m.nik, CASE WHEN m.keluar IN ('meninggal', 'pindah', 'mampu', 'ganda') THEN m.keluar ELSE 'lainnya' END, m.id
      FROM pg_temp.penetapan_masuk m WHERE m.keluar IS NOT NULL;
    UPDATE dtks.anggota a
       SET status_hidup = m.keluar,
           tanggal_meninggal = CASE WHEN m.keluar = 'meninggal'
                                    THEN coalesce(a.tanggal_meninggal, (m.ubah ->> 'tanggal_meninggal')::date, bulan - 1) END
      FROM pg_temp.penetapan_masuk m
     WHERE a.nik = m.nik AND m.keluar IN ('meninggal', 'pindah', 'ganda') AND a.status_hidup = 'aktif';
    UPDATE dtks.keanggotaan k SET berlaku = daterange(lower(k.berlaku), greatest(bulan, lower(k.berlaku) + 1))
      FROM pg_temp.penetapan_masuk m
     WHERE m.keluar IS NOT NULL AND k.nik = m.nik AND k.no_kk = m.no_kk AND upper_inf(k.berlaku);

    -- who joins or changes SHDK: a current membership elsewhere (or with another SHDK) ends, one opens
    INSERT INTO pg_temp.penetapan_kk
    SELECT DISTINCT k.no_kk FROM pg_temp.penetapan_masuk m JOIN dtks.keanggotaan k ON k.nik = m.nik AND upper_inf(k.berlaku)
     WHERE m.keluar IS NULL AND k.no_kk <> m.no_kk
    ON CONFLICT DO NOTHING;
    UPDATE dtks.keanggotaan k SET berlaku = daterange(lower(k.berlaku), greatest(m.sejak, lower(k.berlaku) + 1))
      FROM pg_temp.penetapan_masuk m
     WHERE m.keluar IS NULL AND k.nik = m.nik AND upper_inf(k.berlaku)
       AND (k.no_kk <> m.no_kk OR k.shdk <> coalesce(m.shdk, k.shdk));
    INSERT INTO dtks.keanggotaan (nik, no_kk, shdk, berlaku)
    SELECT m.nik, m.no_kk, m.shdk, daterange(m.sejak, NULL)
      FROM pg_temp.penetapan_masuk m
     WHERE m.keluar IS NULL AND m.shdk IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM dtks.keanggotaan k WHERE k.nik = m.nik AND k.no_kk = m.no_kk AND upper_inf(k.berlaku));
END
$$;
CREATE OR REPLACE FUNCTION dtks.penetapan_skor(bulan date, model text, acuan_desil date) RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, dtks, pg_temp
AS $$
DECLARE
    semua boolean := acuan_desil = bulan;
    n bigint;
BEGIN
    INSERT INTO pg_temp.penetapan_keluarga_kini (no_kk, rumah_tangga_id, kode_wilayah)
    SELECT f.no_kk, f.rumah_tangga_id, h.kode_wilayah
      FROM pg_temp.penetapan_kk t
      JOIN dtks.keluarga f ON f.no_kk = t.no_kk AND f.status = 'aktif'
      JOIN dtks.rumah_tangga h ON h.id = f.rumah_tangga_id
     WHERE EXISTS (SELECT 1 FROM dtks.keanggotaan m JOIN dtks.anggota a ON a.nik = m.nik
                    WHERE m.no_kk = f.no_kk AND upper_inf(m.berlaku) AND a.status_hidup = 'aktif');
    ANALYZE pg_temp.penetapan_keluarga_kini;
    IF semua THEN
        IF NOT EXISTS (SELECT 1 FROM dtks.skor_keluarga s WHERE s.versi = model AND s.dihitung = bulan AND s.lingkup = 'nasional') THEN
            PERFORM dtks.hitung_desil('nasional', model, bulan);
        END IF;
        UPDATE pg_temp.penetapan_keluarga_kini k SET skor = s.skor, desil = s.desil
          FROM dtks.skor_keluarga s
         WHERE s.no_kk = k.no_kk AND s.versi = model AND s.dihitung = bulan AND s.lingkup = 'nasional';
    ELSE
        -- what the scorer reads, for the touched families only (the same summary as dtks.skor_masukan), in one query
        -- (per family through the membership index: the month's families are few)
        WITH dinilai AS (
            SELECT f.no_kk,
                   dtks.skor_kesejahteraan(h, f, r.kepala,
                       ARRAY[r.jumlah, r.balita, r.sekolah, r.lansia, r.disabilitas, r.bekerja,
                             h.luas_lantai / nullif(r.jumlah, 0)]::integer[],
                       model) AS skor
              FROM pg_temp.penetapan_keluarga_kini t
              JOIN dtks.keluarga f ON f.no_kk = t.no_kk
              JOIN dtks.rumah_tangga h ON h.id = f.rumah_tangga_id
              CROSS JOIN LATERAL (
                  SELECT count(*) AS jumlah,
                         count(*) FILTER (WHERE a.tanggal_lahir > bulan - interval '5 years') AS balita,
                         count(*) FILTER (WHERE a.partisipasi_sekolah = 2) AS sekolah,
                         count(*) FILTER (WHERE a.tanggal_lahir <= bulan - interval '60 years') AS lansia,
                         count(*) FILTER (WHERE least(a.sulit_melihat, a.sulit_mendengar, a.sulit_berjalan, a.sulit_tangan,
                                                      a.sulit_belajar, a.sulit_perilaku, a.sulit_bicara,
                                                      a.sulit_mengurus_diri, a.sulit_mengingat) <= 2) AS disabilitas,
                         count(*) FILTER (WHERE a.bekerja) AS bekerja,
                         (array_agg(a) FILTER (WHERE m.shdk = 1))[1] AS kepala
                    FROM dtks.keanggotaan m JOIN dtks.anggota a ON a.nik = m.nik
                   WHERE m.no_kk = f.no_kk AND m.berlaku @> bulan AND a.status_hidup = 'aktif') r)
        UPDATE pg_temp.penetapan_keluarga_kini k SET skor = d.skor FROM dinilai d WHERE d.no_kk = k.no_kk;
        UPDATE pg_temp.penetapan_keluarga_kini k
           SET desil = coalesce((SELECT min(b.desil) FROM dtks.penetapan_desil_batas b
                                  WHERE b.acuan = penetapan_skor.acuan_desil AND b.versi = model AND k.skor <= b.skor_atas), 10)
         WHERE k.skor IS NOT NULL;
        INSERT INTO dtks.skor_keluarga (no_kk, versi, dihitung, lingkup, kode_lingkup, skor, desil)
        SELECT k.no_kk, model, bulan, 'nasional', NULL, k.skor, k.desil
          FROM pg_temp.penetapan_keluarga_kini k WHERE k.skor IS NOT NULL
        ON CONFLICT DO NOTHING;
    END IF;
    SELECT count(*) INTO n FROM pg_temp.penetapan_keluarga_kini k WHERE k.skor IS NOT NULL;
    RETURN n;
END
$$;
CREATE OR REPLACE FUNCTION dtks.penetapan_selaraskan(bulan date, lalu date)
    RETURNS TABLE (keluarga_masuk bigint, keluarga_keluar bigint, anggota_masuk bigint, anggota_keluar bigint,
                   program_mulai bigint, program_selesai bigint)
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, dtks, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    tanpa record;
BEGIN
    -- why each family and member leaves, if it does: its own reason, else its family's, else lainnya
    INSERT INTO pg_temp.penetapan_alasan_kk
    SELECT DISTINCT ON (a.no_kk) a.no_kk, a.alasan
      FROM pg_temp.penetapan_alasan a ORDER BY a.no_kk, (a.nik IS NULL) DESC, a.usulan DESC;
    INSERT INTO pg_temp.penetapan_alasan_nik
    SELECT DISTINCT ON (a.nik) a.nik, a.alasan
      FROM pg_temp.penetapan_alasan a WHERE a.nik IS NOT NULL ORDER BY a.nik, a.usulan DESC;
    CREATE INDEX ON pg_temp.penetapan_alasan_nik (nik);
    CREATE INDEX ON pg_temp.penetapan_alasan_kk (no_kk);
    ANALYZE pg_temp.penetapan_alasan_nik, pg_temp.penetapan_alasan_kk;
    INSERT INTO pg_temp.penetapan_usulan_kk
    SELECT u.no_kk, max(u.id) AS usulan FROM pg_temp.penetapan_usulan u GROUP BY u.no_kk;
    CREATE UNIQUE INDEX ON pg_temp.penetapan_usulan_kk (no_kk);
    ANALYZE pg_temp.penetapan_usulan_kk;

    -- members wanted: the current living members of the families in DTKS whose members may have changed
    INSERT INTO pg_temp.penetapan_anggota_kini
    SELECT m.nik, m.no_kk, k.kode_wilayah, m.shdk, a.jenis_kelamin, a.tanggal_lahir
      FROM pg_temp.penetapan_keluarga_kini k
      JOIN pg_temp.penetapan_kk_anggota t ON t.no_kk = k.no_kk
      JOIN dtks.keanggotaan m ON m.no_kk = k.no_kk AND upper_inf(m.berlaku)
      JOIN dtks.anggota a ON a.nik = m.nik AND a.status_hidup = 'aktif';
    CREATE INDEX ON pg_temp.penetapan_anggota_kini (nik);
    ANALYZE pg_temp.penetapan_anggota_kini;

    -- families
    WITH tutup AS (
        UPDATE dtks.penetapan_keluarga p
           SET berlaku = daterange(lower(p.berlaku), bulan),
               alasan_keluar = CASE WHEN NOT c.ada THEN coalesce(r.alasan, 'lainnya') END
          FROM (SELECT t.no_kk, k.no_kk IS NOT NULL AS ada, k.rumah_tangga_id, k.kode_wilayah, k.skor, k.desil
                  FROM pg_temp.penetapan_kk t LEFT JOIN pg_temp.penetapan_keluarga_kini k ON k.no_kk = t.no_kk) c
          LEFT JOIN pg_temp.penetapan_alasan_kk r ON r.no_kk = c.no_kk
         WHERE p.no_kk = c.no_kk AND upper_inf(p.berlaku)
           AND (NOT c.ada OR (c.rumah_tangga_id, c.kode_wilayah::text, c.skor, c.desil)
                              IS DISTINCT FROM (p.rumah_tangga_id, p.kode_wilayah::text, p.skor, p.desil))
        RETURNING p.no_kk, p.rumah_tangga_id, p.kode_wilayah, p.desil, p.alasan_keluar)
    INSERT INTO pg_temp.penetapan_keluarga_tutup SELECT * FROM tutup;
    CREATE INDEX ON pg_temp.penetapan_keluarga_tutup (no_kk);
    ANALYZE pg_temp.penetapan_keluarga_tutup;
    -- (which still have a current row is read before the insert: probing the table the insert grows
    -- would revisit its new rows for every row inserted)
    INSERT INTO pg_temp.penetapan_keluarga_tetap
    SELECT k.no_kk FROM pg_temp.penetapan_keluarga_kini k
     WHERE EXISTS (SELECT 1 FROM dtks.penetapan_keluarga p WHERE p.no_kk = k.no_kk AND upper_inf(p.berlaku));
    CREATE UNIQUE INDEX ON pg_temp.penetapan_keluarga_tetap (no_kk);
    ANALYZE pg_temp.penetapan_keluarga_tetap;
    WITH buka AS (
        INSERT INTO dtks.penetapan_keluarga (no_kk, rumah_tangga_id, kode_wilayah, skor, desil, berlaku, usulan)
        SELECT k.no_kk, k.rumah_tangga_id, k.kode_wilayah, k.skor, k.desil, daterange(bulan, NULL), u.usulan
          FROM pg_temp.penetapan_keluarga_kini k
          LEFT JOIN pg_temp.penetapan_usulan_kk u ON u.no_kk = k.no_kk
          LEFT JOIN pg_temp.penetapan_keluarga_tetap x ON x.no_kk = k.no_kk
         WHERE x.no_kk IS NULL
        RETURNING no_kk, rumah_tangga_id, kode_wilayah, desil)
    INSERT INTO pg_temp.penetapan_keluarga_buka
    SELECT b.*, NOT EXISTS (SELECT 1 FROM pg_temp.penetapan_keluarga_tutup x
                             WHERE x.no_kk = b.no_kk AND x.alasan_keluar IS NULL) AS masuk
      FROM buka b;

    -- members: those of the families whose members may have changed, and those now wanted (they may come from elsewhere)
    WITH calon AS (
        SELECT c.id, d.nik, d.no_kk, d.kode_wilayah, d.shdk, d.jenis_kelamin, d.tanggal_lahir
          FROM (SELECT p.id, p.nik FROM pg_temp.penetapan_kk_anggota t
                  JOIN dtks.penetapan_anggota p ON p.no_kk = t.no_kk AND upper_inf(p.berlaku)
                UNION
                SELECT p.id, p.nik FROM pg_temp.penetapan_anggota_kini d
                  JOIN dtks.penetapan_anggota p ON p.nik = d.nik AND upper_inf(p.berlaku)) c
          LEFT JOIN pg_temp.penetapan_anggota_kini d ON d.nik = c.nik),
    tutup AS (
        UPDATE dtks.penetapan_anggota p
           SET berlaku = daterange(lower(p.berlaku), bulan),
               alasan_keluar = CASE WHEN d.nik IS NULL
                                    THEN coalesce((SELECT a.alasan FROM pg_temp.penetapan_alasan_nik a WHERE a.nik = p.nik),
                                                  (SELECT r.alasan FROM pg_temp.penetapan_alasan_kk r WHERE r.no_kk = p.no_kk),
                                                  'lainnya') END
          FROM calon d
         WHERE p.id = d.id
           AND (d.nik IS NULL OR (d.no_kk::text, d.kode_wilayah::text, d.shdk, d.jenis_kelamin, d.tanggal_lahir)
                                  IS DISTINCT FROM (p.no_kk::text, p.kode_wilayah::text, p.shdk, p.jenis_kelamin, p.tanggal_lahir))
        RETURNING p.nik, p.kode_wilayah, p.jenis_kelamin, p.tanggal_lahir, p.alasan_keluar)
    INSERT INTO pg_temp.penetapan_anggota_tutup SELECT * FROM tutup;
    CREATE INDEX ON pg_temp.penetapan_anggota_tutup (nik);
    ANALYZE pg_temp.penetapan_anggota_tutup;
    INSERT INTO pg_temp.penetapan_anggota_tetap
    SELECT d.nik FROM pg_temp.penetapan_anggota_kini d
     WHERE EXISTS (SELECT 1 FROM dtks.penetapan_anggota p WHERE p.nik = d.nik AND upper_inf(p.berlaku));
    CREATE UNIQUE INDEX ON pg_temp.penetapan_anggota_tetap (nik);
    ANALYZE pg_temp.penetapan_anggota_tetap;
    WITH buka AS (
        INSERT INTO dtks.penetapan_anggota (nik, no_kk, kode_wilayah, shdk, jenis_kelamin, tanggal_lahir, berlaku, usulan)
        SELECT d.nik, d.no_kk, d.kode_wilayah, d.shdk, d.jenis_kelamin, d.tanggal_lahir, daterange(bulan, NULL), u.usulan
          FROM pg_temp.penetapan_anggota_kini d
          LEFT JOIN pg_temp.penetapan_usulan_kk u ON u.no_kk = d.no_kk
          LEFT JOIN pg_temp.penetapan_anggota_tetap x ON x.nik = d.nik
         WHERE x.nik IS NULL
        RETURNING nik, kode_wilayah, jenis_kelamin, tanggal_lahir)
    INSERT INTO pg_temp.penetapan_anggota_buka
    SELECT b.*, NOT EXISTS (SELECT 1 FROM pg_temp.penetapan_anggota_tutup x
                             WHERE x.nik = b.nik AND x.alasan_keluar IS NULL) AS masuk
      FROM buka b;

    -- programs: a family that left ends them; a bansos usulan starts one
    SELECT u.id, u.program INTO tanpa
      FROM pg_temp.penetapan_usulan u
     WHERE u.jenis = 'bansos' AND NOT EXISTS (SELECT 1 FROM pg_temp.penetapan_keluarga_kini k WHERE k.no_kk = u.no_kk)
       AND NOT EXISTS (SELECT 1 FROM dtks.penetapan_keluarga p WHERE p.no_kk = u.no_kk AND upper_inf(p.berlaku)
                          AND NOT EXISTS (SELECT 1 FROM pg_temp.penetapan_kk t WHERE t.no_kk = u.no_kk))
     ORDER BY u.id LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'penetapan of %: usulan % (bansos) cannot be applied: the family is not in DTKS after the month', to_char(bulan, 'YYYY-MM'), tanpa.id
            USING ERRCODE = 'DTK05',
                  DETAIL = format('A program (%s) starts only for a family in DTKS; this month''s usulan end or do not add it. Nothing was determined.', tanpa.program);
    END IF;
    INSERT INTO pg_temp.penetapan_program_tetap
    SELECT DISTINCT u.no_kk, u.program FROM pg_temp.penetapan_usulan u
     WHERE u.jenis = 'bansos'
       AND EXISTS (SELECT 1 FROM dtks.penetapan_program p WHERE p.no_kk = u.no_kk AND p.program = u.program AND upper_inf(p.berlaku));
    CREATE INDEX ON pg_temp.penetapan_program_tetap (no_kk, program);
    ANALYZE pg_temp.penetapan_program_tetap;
    WITH selesai AS (
        UPDATE dtks.penetapan_program p
           SET berlaku = daterange(lower(p.berlaku), bulan), alasan_selesai = t.alasan_keluar
          FROM pg_temp.penetapan_keluarga_tutup t
         WHERE p.no_kk = t.no_kk AND upper_inf(p.berlaku) AND t.alasan_keluar IS NOT NULL
        RETURNING p.no_kk, p.program, -1 AS n),
    mulai AS (
        INSERT INTO dtks.penetapan_program (no_kk, program, berlaku, usulan)
        SELECT DISTINCT ON (u.no_kk, u.program) u.no_kk, u.program, daterange(bulan, NULL), u.id
          FROM pg_temp.penetapan_usulan u
         WHERE u.jenis = 'bansos'
           AND NOT EXISTS (SELECT 1 FROM pg_temp.penetapan_program_tetap x WHERE x.no_kk = u.no_kk AND x.program = u.program)
         ORDER BY u.no_kk, u.program, u.id
        RETURNING no_kk, program, 1 AS n)
    INSERT INTO pg_temp.penetapan_program_ubah SELECT * FROM selesai UNION ALL SELECT * FROM mulai;

    RETURN QUERY
    SELECT (SELECT count(*) FROM pg_temp.penetapan_keluarga_buka b WHERE b.masuk),
           (SELECT count(*) FROM pg_temp.penetapan_keluarga_tutup t WHERE t.alasan_keluar IS NOT NULL),
           (SELECT count(*) FROM pg_temp.penetapan_anggota_buka b WHERE b.masuk),
           (SELECT count(*) FROM pg_temp.penetapan_anggota_tutup t WHERE t.alasan_keluar IS NOT NULL),
           (SELECT count(*) FROM pg_temp.penetapan_program_ubah p WHERE p.n > 0),
           (SELECT count(*) FROM pg_temp.penetapan_program_ubah p WHERE p.n < 0);
END
$$;
CREATE OR REPLACE FUNCTION dtks.penetapan_agregat_hitung(bulan date, lalu date) RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, dtks, pg_temp
    SET work_mem = '64MB'
AS $$
DECLARE
    angka text[];
    ubah text[];
    kolom text;
BEGIN
    -- the measures: figures, and the month's entries and exits (named *_masuk, *_keluar_*)
    SELECT array_agg(a.attname::text ORDER BY a.attnum) FILTER (WHERE a.attname !~ '_(masuk|keluar_[a-z]+)$'),
           array_agg(a.attname::text ORDER BY a.attnum) FILTER (WHERE a.attname ~ '_(masuk|keluar_[a-z]+)$')
      INTO angka, ubah
      FROM pg_catalog.pg_attribute a
     WHERE a.attrelid = 'dtks.penetapan_agregat'::regclass AND a.attnum > 0 AND NOT a.attisdropped
       AND a.atttypid = 'bigint'::regtype;
    -- the table's columns in its order: the new rows are built in it
    kolom := (SELECT string_agg(quote_ident(u), ', ')
                FROM unnest(ARRAY['kode_wilayah', 'tingkat', 'mulai'] || angka || 'program'::text || ubah) u);

    -- the month's changes per desa: -1 for what was counted last month, +1 for what counts now
    INSERT INTO pg_temp.penetapan_ubah
    WITH rt_ubah AS (
        SELECT t.rumah_tangga_id AS id FROM pg_temp.penetapan_keluarga_tutup t
        UNION SELECT b.rumah_tangga_id FROM pg_temp.penetapan_keluarga_buka b),
    program_kk AS (
        SELECT t.no_kk FROM pg_temp.penetapan_keluarga_tutup t
        UNION SELECT b.no_kk FROM pg_temp.penetapan_keluarga_buka b
        UNION SELECT p.no_kk FROM pg_temp.penetapan_program_ubah p)
    -- families
    SELECT t.kode_wilayah, u.ukuran, u.n
      FROM pg_temp.penetapan_keluarga_tutup t,
           LATERAL (VALUES ('keluarga', -1), ('desil_' || coalesce(t.desil::text, 'kosong'), -1),
                           ('keluarga_keluar_' || t.alasan_keluar, 1)) u(ukuran, n)
     WHERE u.ukuran IS NOT NULL
    UNION ALL
    SELECT b.kode_wilayah, u.ukuran, u.n
      FROM pg_temp.penetapan_keluarga_buka b,
           LATERAL (VALUES ('keluarga', 1), ('desil_' || coalesce(b.desil::text, 'kosong'), 1),
                           (CASE WHEN b.masuk THEN 'keluarga_masuk' END, 1)) u(ukuran, n)
     WHERE u.ukuran IS NOT NULL
    -- members
    UNION ALL
    SELECT t.kode_wilayah, u.ukuran, u.n
      FROM pg_temp.penetapan_anggota_tutup t,
           LATERAL (VALUES ('anggota', -1), (CASE t.jenis_kelamin WHEN 'L' THEN 'laki_laki' ELSE 'perempuan' END, -1),
                           ('umur_' || dtks.kelompok_umur(t.tanggal_lahir, lalu), -1),
                           ('anggota_keluar_' || t.alasan_keluar, 1)) u(ukuran, n)
     WHERE u.ukuran IS NOT NULL
    UNION ALL
    SELECT b.kode_wilayah, u.ukuran, u.n
      FROM pg_temp.penetapan_anggota_buka b,
           LATERAL (VALUES ('anggota', 1), (CASE b.jenis_kelamin WHEN 'L' THEN 'laki_laki' ELSE 'perempuan' END, 1),
                           ('umur_' || dtks.kelompok_umur(b.tanggal_lahir, bulan), 1),
                           (CASE WHEN b.masuk THEN 'anggota_masuk' END, 1)) u(ukuran, n)
     WHERE u.ukuran IS NOT NULL
    -- members who stayed and crossed an age band (6, 18 or 60) since last month
    UNION ALL
    SELECT a.kode_wilayah, u.ukuran, u.n
      FROM dtks.penetapan_anggota a,
           LATERAL (VALUES ('umur_' || dtks.kelompok_umur(a.tanggal_lahir, lalu), -1),
                           ('umur_' || dtks.kelompok_umur(a.tanggal_lahir, bulan), 1)) u(ukuran, n)
     WHERE lalu IS NOT NULL AND upper_inf(a.berlaku) AND lower(a.berlaku) < bulan
       AND (a.tanggal_lahir BETWEEN (lalu - interval '6 years' - interval '1 day')::date AND (bulan - interval '6 years')::date
            OR a.tanggal_lahir BETWEEN (lalu - interval '18 years' - interval '1 day')::date AND (bulan - interval '18 years')::date
            OR a.tanggal_lahir BETWEEN (lalu - interval '60 years' - interval '1 day')::date AND (bulan - interval '60 years')::date)
       AND dtks.kelompok_umur(a.tanggal_lahir, lalu) <> dtks.kelompok_umur(a.tanggal_lahir, bulan)
    -- households with a family in DTKS, before and after, for the households touched
    UNION ALL
    SELECT x.kode_wilayah, 'rumah_tangga', -1
      FROM (SELECT DISTINCT p.rumah_tangga_id, p.kode_wilayah
              FROM rt_ubah r JOIN dtks.penetapan_keluarga p ON p.rumah_tangga_id = r.id AND p.berlaku @> lalu) x
    UNION ALL
    SELECT x.kode_wilayah, 'rumah_tangga', 1
      FROM (SELECT DISTINCT p.rumah_tangga_id, p.kode_wilayah
              FROM rt_ubah r JOIN dtks.penetapan_keluarga p ON p.rumah_tangga_id = r.id AND p.berlaku @> bulan) x
    -- programs of the families touched, where they were and where they are
    UNION ALL
    SELECT k.kode_wilayah, 'program:' || p.program, -1
      FROM program_kk c
      JOIN dtks.penetapan_program p ON p.no_kk = c.no_kk AND p.berlaku @> lalu
      JOIN dtks.penetapan_keluarga k ON k.no_kk = c.no_kk AND k.berlaku @> lalu
    UNION ALL
    SELECT k.kode_wilayah, 'program:' || p.program, 1
      FROM program_kk c
      JOIN dtks.penetapan_program p ON p.no_kk = c.no_kk AND p.berlaku @> bulan
      JOIN dtks.penetapan_keluarga k ON k.no_kk = c.no_kk AND k.berlaku @> bulan;

    -- per desa, every measure a column (a desa whose only change is a program gets zeros); a
    -- month's change in one desa fits an integer, whose sums add up in bigint without numeric
    EXECUTE format($q$
        INSERT INTO pg_temp.penetapan_ubah_desa
        SELECT w.kode_wilayah AS kode, %s
          FROM (SELECT d.kode_wilayah, d.ukuran, sum(d.n) AS n FROM pg_temp.penetapan_ubah d GROUP BY 1, 2) w
         GROUP BY w.kode_wilayah$q$,
        (SELECT string_agg(format('coalesce(sum(w.n) FILTER (WHERE w.ukuran = %L), 0)::integer AS %I', u, u), ', ')
           FROM unnest(angka || ubah) u));
    -- the program counts per region at every level, as {"program": change}
    INSERT INTO pg_temp.penetapan_ubah_program
    SELECT x.kode, jsonb_object_agg(x.program, x.n) AS program
      FROM (SELECT dtks.leluhur(d.kode_wilayah, t) AS kode, substr(d.ukuran, 9) AS program, sum(d.n) AS n
              FROM pg_temp.penetapan_ubah d, generate_series(1, 4) t
             WHERE d.ukuran LIKE 'program:%'
             GROUP BY 1, 2 HAVING sum(d.n) <> 0) x
     GROUP BY x.kode;
    CREATE UNIQUE INDEX ON pg_temp.penetapan_ubah_program (kode);
    ANALYZE pg_temp.penetapan_ubah_program;

    -- every region touched: its latest row plus the changes, where anything changed (computed
    -- before the insert: a probe of the table an insert grows would revisit its new rows)
    EXECUTE format($q$
        INSERT INTO pg_temp.penetapan_agregat_baru
        SELECT w.kode AS kode_wilayah, w.tingkat, %5$L::date AS mulai, %1$s,
               CASE WHEN g.program IS NULL THEN coalesce(a.program, '{}')
                    ELSE dtks.jumlah_per_kunci(coalesce(a.program, '{}'), g.program) END AS program,
               %2$s
          FROM (SELECT dtks.leluhur(d.kode, t) AS kode, t::smallint AS tingkat, %3$s
                  FROM pg_temp.penetapan_ubah_desa d, generate_series(1, 4) t
                 GROUP BY 1, 2) w
          LEFT JOIN pg_temp.penetapan_ubah_program g ON g.kode = w.kode
          LEFT JOIN LATERAL (SELECT * FROM dtks.penetapan_agregat x WHERE x.kode_wilayah = w.kode
                              ORDER BY x.mulai DESC LIMIT 1) a ON true
         WHERE a.kode_wilayah IS NULL OR g.program IS NOT NULL OR %4$s$q$,
        (SELECT string_agg(format('coalesce(a.%1$I, 0) + w.%1$I AS %1$I', u), ', ') FROM unnest(angka) u),
        (SELECT string_agg(format('w.%1$I', u), ', ') FROM unnest(ubah) u),
        (SELECT string_agg(format('sum(d.%1$I) AS %1$I', u), ', ') FROM unnest(angka || ubah) u),
        (SELECT string_agg(format('w.%I <> 0', u), ' OR ') FROM unnest(angka || ubah) u),
        bulan);
    EXECUTE format('INSERT INTO dtks.penetapan_agregat (%1$s) SELECT %1$s FROM pg_temp.penetapan_agregat_baru', kolom);
    DROP TABLE pg_temp.penetapan_ubah, pg_temp.penetapan_ubah_desa, pg_temp.penetapan_ubah_program, pg_temp.penetapan_agregat_baru;
END
$$;
