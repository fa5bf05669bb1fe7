
-- 20_penetapan: the penetapan's month order, the reference date, and progress reports (issue 18).
-- The same objects as sql/install/05_kemajuan.sql, 06_tanggal_acuan.sql, and the functions below as
-- in 60_sintetis.sql, 74_skor_desil.sql and 84_penetapan.sql (copied verbatim).

-- Progress reports of the long operations (tetapkan, sintetis_muat, hitung_desil, padankan_usulan,
-- kk_komponen): each phase with its rows and time, when dtks.laporan_kemajuan (off, notice, log) asks.

-- Start the progress report of a long operation (C: returns at once while the setting is off).
CREATE FUNCTION dtks.kemajuan_mulai(operasi text, keterangan text DEFAULT NULL) RETURNS void
    AS 'MODULE_PATHNAME', 'kemajuan_mulai_sql' LANGUAGE C VOLATILE PARALLEL RESTRICTED;
COMMENT ON FUNCTION dtks.kemajuan_mulai(text, text) IS
    'Start the clock of a long operation and report "<operasi>: started (<keterangan>)" at the level dtks.laporan_kemajuan asks for (nothing while it is off)';

-- Report a phase of a long operation that ended: its rows, its time and the time since the start.
CREATE FUNCTION dtks.lapor_kemajuan(operasi text, fase text, baris bigint DEFAULT NULL) RETURNS void
    AS 'MODULE_PATHNAME', 'lapor_kemajuan' LANGUAGE C VOLATILE PARALLEL RESTRICTED;
COMMENT ON FUNCTION dtks.lapor_kemajuan(text, text, bigint) IS
    'Report a phase of a long operation that ended, "<operasi>: <fase>: <baris> rows", with its time and the time since dtks.kemajuan_mulai in the detail, at the level dtks.laporan_kemajuan asks for (nothing while it is off)';

-- The reference date the penetapan's coming month and the usulan's month are counted from:
-- dtks.tanggal_acuan (superuser only), else the current date.
CREATE FUNCTION dtks.tanggal_acuan() RETURNS date
    AS 'MODULE_PATHNAME', 'tanggal_acuan' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.tanggal_acuan() IS
    'The reference date of the process: the setting dtks.tanggal_acuan when a superuser set it (a data centre loading or replaying earlier months, tests), else the current date; dtks.tetapkan determines no month after the one following it, and an usulan sent goes to its month';

-- sintetis_muat reports its phases (60_sintetis.sql): redefined in 50_fuzz.sql, which checks its arguments too.

-- hitung_desil reports its phase (74_skor_desil.sql).
CREATE OR REPLACE FUNCTION dtks.hitung_desil(lingkup text DEFAULT 'nasional', versi text DEFAULT NULL, acuan date DEFAULT CURRENT_DATE)
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

-- The penetapan refuses a month after the coming one or after a month not determined (DTK04), and reports
-- its phases (84_penetapan.sql).
CREATE OR REPLACE FUNCTION dtks.penetapan_jalankan(bulan_diminta date)
    RETURNS TABLE (periode date, usulan bigint, keluarga_masuk bigint, keluarga_keluar bigint,
                   anggota_masuk bigint, anggota_keluar bigint, program_mulai bigint, program_selesai bigint,
                   skor_dihitung bigint, desil_ulang boolean)
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, dtks, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    bulan date := bulan_diminta;
    lalu dtks.penetapan;
    model text := dtks.skor_model_pada(bulan_diminta);
    acuan date;
    semua boolean;
    putaran integer;
    jumlah_putaran integer;
    n_usulan bigint;
    n_skor bigint;
    kolom_rt text;
    kolom_kel text;
    kolom_ang text;
    hasil record;
    -- the coming month (the one after the reference date's): the latest that may be determined
    datang date := (pg_catalog.date_trunc('month', dtks.tanggal_acuan()::timestamp) OPERATOR(pg_catalog.+) interval '1 month')::date;
    n_baris bigint;
BEGIN
    PERFORM dtks.kemajuan_mulai('tetapkan', pg_catalog.to_char(bulan, 'YYYY-MM'));
    -- one penetapan at a time; a month once, in order; the registry holds still while the month reads it
    LOCK TABLE dtks.penetapan IN SHARE ROW EXCLUSIVE MODE;
    LOCK TABLE dtks.rumah_tangga, dtks.keluarga, dtks.anggota, dtks.keanggotaan IN SHARE ROW EXCLUSIVE MODE;
    IF EXISTS (SELECT 1 FROM dtks.penetapan p WHERE p.periode = bulan) THEN
        RAISE EXCEPTION 'penetapan of % is already made', to_char(bulan, 'YYYY-MM')
            USING ERRCODE = '23505', DETAIL = 'A month is determined once; what arrives later goes to the next month.';
    END IF;
    SELECT * INTO lalu FROM dtks.penetapan p ORDER BY p.periode DESC LIMIT 1;
    IF lalu.periode > bulan THEN
        RAISE EXCEPTION 'penetapan of % is earlier than the last one made (%)', to_char(bulan, 'YYYY-MM'), to_char(lalu.periode, 'YYYY-MM')
            USING ERRCODE = 'DTK04', DETAIL = 'Months are determined in order; a later month carries every earlier usulan still sent.';
    END IF;
    -- no month beyond the coming one, and none after a month not determined: every month is determined, one after
    -- another, a month without changes as it is (Permensos 3/2021 art. 12(3), 12(4)); the first month is free
    IF bulan OPERATOR(pg_catalog.>) datang THEN
        RAISE EXCEPTION 'penetapan of % is later than the coming month (%)', pg_catalog.to_char(bulan, 'YYYY-MM'), pg_catalog.to_char(datang, 'YYYY-MM')
            USING ERRCODE = 'DTK04',
                  DETAIL = pg_catalog.format('The latest month that may be determined is %s, the month after the reference date %s.',
                                             pg_catalog.to_char(datang, 'YYYY-MM'), pg_catalog.to_char(dtks.tanggal_acuan(), 'YYYY-MM-DD')),
                  HINT = 'A month is determined when it comes. The reference date is dtks.tanggal_acuan (empty: today), which a superuser sets to load or replay earlier months.';
    END IF;
    IF lalu.periode OPERATOR(pg_catalog.<) (bulan::timestamp OPERATOR(pg_catalog.-) interval '1 month')::date THEN
        RAISE EXCEPTION 'penetapan of % is out of sequence: the month before it is not determined', pg_catalog.to_char(bulan, 'YYYY-MM')
            USING ERRCODE = 'DTK04',
                  DETAIL = pg_catalog.format('Month %s is not determined; months are determined in order, one after another (the last one determined is %s).',
                                             pg_catalog.to_char(lalu.periode::timestamp OPERATOR(pg_catalog.+) interval '1 month', 'YYYY-MM'),
                                             pg_catalog.to_char(lalu.periode, 'YYYY-MM')),
                  HINT = pg_catalog.format('Determine %s first; a month without changes is determined as it is.',
                                           pg_catalog.to_char(lalu.periode::timestamp OPERATOR(pg_catalog.+) interval '1 month', 'YYYY-MM'));
    END IF;
    IF model IS NULL THEN
        RAISE EXCEPTION 'penetapan of %: no score model is in force', to_char(bulan, 'YYYY-MM')
            USING ERRCODE = '22023', DETAIL = 'Every month is scored with the model whose validity (dtks.skor_model.berlaku) holds its first day.';
    END IF;
    PERFORM dtks.lapor_kemajuan('tetapkan', 'registry locked, month checked', NULL);
    -- the first month and a new model rank everyone; other months place scores by the last cut points
    semua := lalu.periode IS NULL OR lalu.model <> model
             OR NOT EXISTS (SELECT 1 FROM dtks.penetapan_desil_batas b WHERE b.acuan = lalu.acuan_desil AND b.versi = model);
    acuan := CASE WHEN semua THEN bulan ELSE lalu.acuan_desil END;

    -- a month's few thousand touched keys probe the big tables through their indexes: the estimates
    -- (a third of the rows current, random_page_cost 4) would pick whole-table hash and merge joins;
    -- every join between the month's own temporary tables has an index to probe instead
    -- (a function with SET clauses restores every setting changed inside it when it returns)
    IF NOT semua THEN
        PERFORM set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true);
    END IF;

    -- the usulan of the month (and of earlier months still sent): determined now
    -- (every work table in pg_temp was created empty by the caller, dtks.penetapan_meja_kerja: a security-restricted
    -- operation fills temporary tables but creates none)
    WITH u AS (
        UPDATE dtks.usulan u SET status = 'ditetapkan'
         WHERE u.status = 'dikirim' AND u.periode_penetapan <= bulan
        RETURNING u.id, u.jenis, u.sumber, u.kode_wilayah, coalesce(u.no_kk, (u.data ->> 'no_kk')::dtks.no_kk) AS no_kk,
                  u.data, u.program, u.alasan_penghentian)
    INSERT INTO pg_temp.penetapan_usulan
    SELECT u.*, row_number() OVER (PARTITION BY u.no_kk
                                   ORDER BY array_position(ARRAY['baru', 'perbaikan', 'bansos', 'penghentian'], u.jenis), u.id)
      FROM u;
    GET DIAGNOSTICS n_usulan = ROW_COUNT;
    CREATE INDEX ON pg_temp.penetapan_usulan (no_kk);
    ANALYZE pg_temp.penetapan_usulan;
    PERFORM dtks.lapor_kemajuan('tetapkan', 'usulan taken (dikirim -> ditetapkan)', n_usulan);
    PERFORM dtks.penetapan_periksa_data(bulan);
    PERFORM dtks.lapor_kemajuan('tetapkan', 'usulan data checked', n_usulan);

    -- the registry's columns, for applying the proposed data whatever columns it carries
    SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FILTER (WHERE a.attrelid = 'dtks.rumah_tangga'::regclass AND a.attname <> 'id'),
           string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FILTER (WHERE a.attrelid = 'dtks.keluarga'::regclass AND a.attname NOT IN ('no_kk', 'rumah_tangga_id', 'status')),
           string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FILTER (WHERE a.attrelid = 'dtks.anggota'::regclass AND a.attname <> 'nik')
      INTO kolom_rt, kolom_kel, kolom_ang
      FROM pg_catalog.pg_attribute a
     WHERE a.attrelid IN ('dtks.rumah_tangga'::regclass, 'dtks.keluarga'::regclass, 'dtks.anggota'::regclass)
       AND a.attnum > 0 AND NOT a.attisdropped;

    -- the families whose presence may change, and why members and families leave
    INSERT INTO pg_temp.penetapan_kk SELECT DISTINCT u.no_kk FROM pg_temp.penetapan_usulan u ON CONFLICT DO NOTHING;
    SELECT max(u.putaran) INTO jumlah_putaran FROM pg_temp.penetapan_usulan u;
    FOR putaran IN 1 .. coalesce(jumlah_putaran, 0) LOOP
        PERFORM dtks.penetapan_terapkan(bulan, putaran, kolom_rt, kolom_kel, kolom_ang);
    END LOOP;
    PERFORM dtks.lapor_kemajuan('tetapkan', pg_catalog.format('usulan applied to the registry (rounds: %s)', coalesce(jumlah_putaran, 0)), n_usulan);

    -- the KKs the registry history names since the last month (the month's own writes, and edits made outside the
    -- usulan such as a DBA's correction: the lock above lets no writer of the registry still be open), each marked
    -- when its members' presence may change: memberships, members' sex, birth date or life, family status or
    -- household, household region (so every family of a household that moved moves with it) or kepala (so the
    -- household is checked for a kepala below)
    IF lalu.riwayat_sampai IS NOT NULL THEN
        INSERT INTO pg_temp.penetapan_riwayat_kk
        SELECT x.no_kk, bool_or(x.anggota) FROM (
            SELECT unnest(ARRAY[(r.lama).no_kk, (r.baru).no_kk]) AS no_kk, true AS anggota FROM dtks.riwayat_keanggotaan r
             WHERE r.id > lalu.riwayat_sampai
            UNION ALL
            SELECT unnest(ARRAY[(r.lama).no_kk, (r.baru).no_kk]),
                   ((r.lama).rumah_tangga_id, (r.lama).status) IS DISTINCT FROM ((r.baru).rumah_tangga_id, (r.baru).status)
              FROM dtks.riwayat_keluarga r WHERE r.id > lalu.riwayat_sampai
            UNION ALL
            SELECT k.no_kk, ((r.lama).jenis_kelamin, (r.lama).tanggal_lahir, (r.lama).status_hidup)
                            IS DISTINCT FROM ((r.baru).jenis_kelamin, (r.baru).tanggal_lahir, (r.baru).status_hidup)
              FROM dtks.riwayat_anggota r JOIN dtks.keanggotaan k ON k.nik = (coalesce(r.baru, r.lama)).nik AND upper_inf(k.berlaku)
             WHERE r.id > lalu.riwayat_sampai
            UNION ALL
            SELECT f.no_kk, ((r.lama).kode_wilayah, (r.lama).kepala_nik) IS DISTINCT FROM ((r.baru).kode_wilayah, (r.baru).kepala_nik)
              FROM dtks.riwayat_rumah_tangga r JOIN dtks.keluarga f ON f.rumah_tangga_id = (coalesce(r.baru, r.lama)).id
             WHERE r.id > lalu.riwayat_sampai) x
         WHERE x.no_kk IS NOT NULL
         GROUP BY x.no_kk;
        GET DIAGNOSTICS n_baris = ROW_COUNT;
        INSERT INTO pg_temp.penetapan_kk SELECT r.no_kk FROM pg_temp.penetapan_riwayat_kk r ON CONFLICT DO NOTHING;
        PERFORM dtks.lapor_kemajuan('tetapkan', 'registry history read (KKs named since the last month)', n_baris);
    END IF;

    -- a household whose kepala left its families is headed by the kepala keluarga of one still active; only a
    -- household with a membership, family or kepala change can have lost its kepala (every KK of the month when
    -- there was no history bound to read from)
    UPDATE dtks.rumah_tangga h
       SET kepala_nik = (SELECT m.nik FROM dtks.keluarga f
                           JOIN dtks.keanggotaan m ON m.no_kk OPERATOR(dtks.=) f.no_kk AND upper_inf(m.berlaku) AND m.shdk = 1
                          WHERE f.rumah_tangga_id = h.id AND f.status = 'aktif'
                          ORDER BY f.no_kk LIMIT 1)
     WHERE h.id IN (SELECT f.rumah_tangga_id FROM pg_temp.penetapan_kk t JOIN dtks.keluarga f ON f.no_kk OPERATOR(dtks.=) t.no_kk
                     WHERE lalu.riwayat_sampai IS NULL
                        OR EXISTS (SELECT 1 FROM pg_temp.penetapan_riwayat_kk r WHERE r.no_kk = t.no_kk AND r.anggota))
       AND NOT EXISTS (SELECT 1 FROM dtks.keanggotaan m JOIN dtks.keluarga f ON f.no_kk OPERATOR(dtks.=) m.no_kk
                        WHERE m.nik OPERATOR(dtks.=) h.kepala_nik AND upper_inf(m.berlaku)
                          AND f.rumah_tangga_id = h.id AND f.status = 'aktif');
    GET DIAGNOSTICS n_baris = ROW_COUNT;
    PERFORM dtks.lapor_kemajuan('tetapkan', 'households re-headed', n_baris);

    -- the registry's rules now, so that a violation is named before anything else is computed: every key recorded
    -- in the transaction (the registry's triggers insert no mark while the penetapan runs: its deferred event is
    -- refused in this security-restricted operation; what comes after is checked at commit)
    PERFORM dtks.registri_periksa_sekarang();
    PERFORM dtks.lapor_kemajuan('tetapkan', 'registry rules checked', NULL);

    -- every family, on the first month or a new model
    IF semua THEN
        INSERT INTO pg_temp.penetapan_kk
        SELECT f.no_kk FROM dtks.keluarga f
        UNION SELECT p.no_kk FROM dtks.penetapan_keluarga p WHERE upper_inf(p.berlaku)
        ON CONFLICT DO NOTHING;
    END IF;

    -- the families whose members' presence is compared: those the history marks (a family whose house or score alone
    -- changed keeps its members' rows unread); every family on the first month, a new model, or after a month that
    -- recorded no history bound
    IF semua OR lalu.riwayat_sampai IS NULL THEN
        INSERT INTO pg_temp.penetapan_kk_anggota SELECT t.no_kk FROM pg_temp.penetapan_kk t;
    ELSE
        INSERT INTO pg_temp.penetapan_kk_anggota
        SELECT r.no_kk FROM pg_temp.penetapan_riwayat_kk r WHERE r.anggota;
    END IF;
    CREATE UNIQUE INDEX ON pg_temp.penetapan_kk_anggota (no_kk);
    ANALYZE pg_temp.penetapan_kk, pg_temp.penetapan_kk_anggota;

    -- the families in DTKS after the month, scored
    n_skor := dtks.penetapan_skor(bulan, model, acuan);
    IF semua THEN
        INSERT INTO dtks.penetapan_desil_batas (acuan, versi, desil, skor_atas)
        SELECT bulan, model, s.desil, max(s.skor) FROM pg_temp.penetapan_keluarga_kini s GROUP BY s.desil;
    END IF;
    PERFORM dtks.lapor_kemajuan('tetapkan', CASE WHEN semua THEN 'families scored and ranked again' ELSE 'families scored' END, n_skor);

    -- presence: end what changed or left, open what changed or entered; then the figures
    SELECT * INTO hasil FROM dtks.penetapan_selaraskan(bulan, lalu.periode);
    -- a month that filled the presence tables gives them statistics before the figures read them
    -- (on the first month they were empty when last analysed) and for the next month's plans
    IF semua THEN
        ANALYZE dtks.penetapan_keluarga, dtks.penetapan_anggota, dtks.penetapan_program;
    END IF;
    PERFORM dtks.lapor_kemajuan('tetapkan', 'presence periods updated (families and members in and out, programs)',
                                hasil.keluarga_masuk OPERATOR(pg_catalog.+) hasil.keluarga_keluar OPERATOR(pg_catalog.+)
                                hasil.anggota_masuk OPERATOR(pg_catalog.+) hasil.anggota_keluar OPERATOR(pg_catalog.+)
                                hasil.program_mulai OPERATOR(pg_catalog.+) hasil.program_selesai);
    PERFORM dtks.penetapan_agregat_hitung(bulan, lalu.periode);
    IF semua THEN
        ANALYZE dtks.penetapan_agregat;
    END IF;
    PERFORM dtks.lapor_kemajuan('tetapkan', 'monthly figures updated', NULL);

    INSERT INTO dtks.penetapan (periode, pelaku, model, acuan_desil, usulan, keluarga_masuk, keluarga_keluar,
                                anggota_masuk, anggota_keluar, program_mulai, program_selesai, skor_dihitung, desil_ulang,
                                riwayat_sampai)
    VALUES (bulan, coalesce(dtks.usulan_pelaku(), CURRENT_USER), model, acuan, n_usulan, hasil.keluarga_masuk,
            hasil.keluarga_keluar, hasil.anggota_masuk, hasil.anggota_keluar, hasil.program_mulai,
            hasil.program_selesai, n_skor, semua,
            (SELECT CASE WHEN q.is_called THEN q.last_value ELSE 0 END FROM dtks.riwayat_id_seq q));
    PERFORM dtks.lapor_kemajuan('tetapkan', 'month recorded', NULL);
    RETURN QUERY SELECT bulan, n_usulan, hasil.keluarga_masuk, hasil.keluarga_keluar, hasil.anggota_masuk,
                        hasil.anggota_keluar, hasil.program_mulai, hasil.program_selesai, n_skor, semua;
END
$$;
COMMENT ON FUNCTION dtks.tetapkan(date) IS
    'The monthly penetapan (pusat or a superuser; 42501 otherwise): every usulan dikirim for the month of periode or earlier becomes ditetapkan and is applied (baru adds the family and members, perbaikan corrects, penghentian ends with its reason, bansos starts the program); changed families are scored and placed in desil (all ranked again on the first month or a new model); presence periods and monthly figures are updated. A month once (23505), in order (DTK04: not before the last, not after the coming month, i.e. the one after dtks.tanggal_acuan or today, not with the month before it not determined; the first month is free); an usulan that cannot be applied refuses the month (DTK05); all or nothing';
