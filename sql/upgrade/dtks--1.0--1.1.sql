-- dtks upgrade script 1.0 -> 1.1, assembled by `make upgrade-script` from
-- sql/upgrade/1.0--1.1/*.sql in name order (edit those, not this file).  Each fragment carries one
-- change of 1.1 to a database created at 1.0; the same change is in
-- sql/install/ for a fresh install, and the upgrade test compares the two.
\echo Use "ALTER EXTENSION dtks UPDATE TO '1.1'" to load this file. \quit

-- Refuse to run where any role may plant objects on this script's path.  The script binds the
-- names in dtks's stored bodies (SQL-standard functions, views, policies, defaults) as it runs,
-- through the search_path that CREATE / ALTER EXTENSION gives it: dtks, the schemas of PostGIS and
-- pg_trgm (and pg_catalog, first).  A function or operator with an exact type match planted in a
-- schema of that path beats the built-in one and would be bound into dtks for good
-- (CVE-2018-1058).  So a schema of the path in which PUBLIC may create (as in public before
-- PostgreSQL 15) stops the install or update.  The same fragment opens the upgrade script.
DO $jaga$
DECLARE
    terbuka text;
BEGIN
    SELECT pg_catalog.string_agg(pg_catalog.quote_ident(n.nspname), ', ' ORDER BY n.nspname) INTO terbuka
      FROM pg_catalog.pg_namespace n
     WHERE n.nspname OPERATOR(pg_catalog.=) ANY (pg_catalog.current_schemas(false))
       AND pg_catalog.has_schema_privilege('public', n.oid, 'CREATE');
    IF terbuka IS NOT NULL THEN
        RAISE EXCEPTION 'dtks is not installed or updated while every role may create objects in schema %', terbuka
            USING ERRCODE = '42501',
                  DETAIL = 'The script binds the names of dtks''s function bodies, views and policies through that '
                           'schema: an object planted there would be bound into dtks (CVE-2018-1058).',
                  HINT = pg_catalog.format('REVOKE CREATE ON SCHEMA %s FROM PUBLIC; then run the command again.', terbuka);
    END IF;
END
$jaga$;
-- 1.1: the table of dtks's own SQLSTATEs, dtks.galat_kode (its rows follow at the end of the
-- script, generated from src/galat_kode.txt); the same as sql/install/87_galat_kode.sql.
CREATE TABLE dtks.galat_kode (
    kode text PRIMARY KEY CONSTRAINT galat_kode_bentuk CHECK (kode ~ '^DTK[0-9]{2}$'),
    nama text NOT NULL UNIQUE,
    makna text NOT NULL UNIQUE
);
COMMENT ON TABLE dtks.galat_kode IS
    'dtks''s own SQLSTATEs (class DTK): each code, its name and its one meaning, as in src/galat_kode.txt and README.md (section SQLSTATEs); fixed by the extension';
COMMENT ON COLUMN dtks.galat_kode.kode IS 'The SQLSTATE (DTK and two digits), as in the error''s SQLSTATE or a handler''s WHEN SQLSTATE';
COMMENT ON COLUMN dtks.galat_kode.nama IS 'Its name (the C code raises it as ERRCODE_DTKS_ and the name in capitals)';
COMMENT ON COLUMN dtks.galat_kode.makna IS 'What it means: the rule that was broken';
COMMENT ON CONSTRAINT galat_kode_bentuk ON dtks.galat_kode IS 'A code of class DTK: DTK and two digits';
COMMENT ON INDEX dtks.galat_kode_pkey IS 'One row per code';
COMMENT ON INDEX dtks.galat_kode_nama_key IS 'One code per name';
COMMENT ON INDEX dtks.galat_kode_makna_key IS 'One code per meaning';
REVOKE ALL ON dtks.galat_kode FROM PUBLIC;
GRANT SELECT ON dtks.galat_kode TO dtks_desa, dtks_kabkota, dtks_provinsi, dtks_pusat, dtks_pt, dtks_pembaca;
-- 10_keamanan: no internal query resolves a name through the caller's search_path.
-- The fix itself is in the shared library (src/spi_aman.c: every query the C code runs pins
-- search_path = pg_catalog, pg_temp, names its functions and operators with their schema, and
-- switches to the owner in a security-restricted operation), which a 1.0 database runs as soon as
-- it is installed.  Every SQL and PL/pgSQL body of 1.0 was audited and needs no change (standard-SQL
-- bodies are stored parsed; every PL/pgSQL function has a pinned search_path): see the README.
-- What changes in the schema: the comment of dtks.jalankan_sebagai says how its statement is run.
COMMENT ON FUNCTION dtks.jalankan_sebagai(text, text) IS
    'Superuser only: run one statement taking usulan steps as a system office (pemadanan or penetapan), e.g. to apply results of Dukcapil''s online matching; the history records the office and the session user; returns the rows processed.  The statement is parsed with the caller''s own search_path (qualify its names) and runs as the owner of dtks.usulan in a security-restricted operation';

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
-- dtks.petugas is a defined setting in 1.1 (the dtks. prefix is reserved, so it must be): unset, it
-- reads as '' instead of NULL.  The histories keep recording NULL for "no application user", as 1.0
-- did: the history trigger and the column defaults take NULLIF(..., '').
CREATE OR REPLACE FUNCTION dtks.riwayat_catat() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    -- (pairing the transition tables needs a hash or merge join, whatever the caller turned off)
    SET enable_hashjoin = on SET enable_mergejoin = on
AS $$
DECLARE
    kolom_kunci text := TG_ARGV[0];
    tujuan text := pg_catalog.format('dtks.%I', 'riwayat_' || TG_TABLE_NAME);
    jenis text := pg_catalog.format('dtks.%I', TG_TABLE_NAME);
    waktu timestamptz := pg_catalog.clock_timestamp();
    -- (dtks.petugas is a defined setting: unset, it reads as '' and is recorded as NULL)
    petugas text := NULLIF(pg_catalog.current_setting('dtks.petugas', true), '');
    -- the key's equality: the dtks types' own operator, or the built-in one for bigint ids
    sama text := CASE WHEN kolom_kunci IN ('nik', 'no_kk') THEN 'OPERATOR(dtks.=)' ELSE 'OPERATOR(pg_catalog.=)' END;
BEGIN
    IF TG_OP = 'INSERT' THEN
        EXECUTE pg_catalog.format('INSERT INTO %s (waktu, petugas, operasi, baru) '
                                  'SELECT $1, $2, ''INSERT'', ROW(b.*)::%s FROM riwayat_baru b', tujuan, jenis)
            USING waktu, petugas;
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE pg_catalog.format('INSERT INTO %s (waktu, petugas, operasi, lama) '
                                  'SELECT $1, $2, ''DELETE'', ROW(l.*)::%s FROM riwayat_lama l', tujuan, jenis)
            USING waktu, petugas;
    ELSE
        -- old and new rows paired by key; a row whose key changed gives one row per side
        EXECUTE pg_catalog.format('INSERT INTO %1$s (waktu, petugas, operasi, lama, baru) '
                                  'SELECT $1, $2, ''UPDATE'', CASE WHEN l.%3$I IS NOT NULL THEN ROW(l.*)::%2$s END, '
                                  '       CASE WHEN b.%3$I IS NOT NULL THEN ROW(b.*)::%2$s END '
                                  '  FROM riwayat_lama l FULL JOIN riwayat_baru b ON l.%3$I %4$s b.%3$I',
                                  tujuan, jenis, kolom_kunci, sama)
            USING waktu, petugas;
    END IF;
    RETURN NULL;
END
$$;
ALTER TABLE dtks.riwayat_rumah_tangga ALTER COLUMN petugas SET DEFAULT NULLIF(pg_catalog.current_setting('dtks.petugas', true), '');
ALTER TABLE dtks.riwayat_keluarga ALTER COLUMN petugas SET DEFAULT NULLIF(pg_catalog.current_setting('dtks.petugas', true), '');
ALTER TABLE dtks.riwayat_anggota ALTER COLUMN petugas SET DEFAULT NULLIF(pg_catalog.current_setting('dtks.petugas', true), '');
ALTER TABLE dtks.riwayat_keanggotaan ALTER COLUMN petugas SET DEFAULT NULLIF(pg_catalog.current_setting('dtks.petugas', true), '');
ALTER TABLE dtks.usulan_riwayat ALTER COLUMN petugas SET DEFAULT NULLIF(pg_catalog.current_setting('dtks.petugas', true), '');
-- 1.1: backup and restore (sql/install/90_cadangan.sql, and the registrations and comments in
-- 70_skor.sql, 75_program.sql, 85_penggunaan.sql).  A 1.0 database may hold the DBA's edits of the
-- tables of policy: what 1.0 shipped is written here as it was shipped (1.0 is never changed), so an
-- edited shipped row is kept by pg_dump from now on and a shipped row already deleted is recorded
-- as deleted.

-- Backup and restore.
--
-- 1. The tables of policy a DBA may edit (steps, export fields, score variables and the shipped model,
-- programs and their exclusions) keep the DBA's edits through pg_dump/pg_restore.  The extension
-- records what it shipped (dtks.aturan_bawaan, written by CREATE EXTENSION, never dumped); pg_dump
-- dumps every row that is not a shipped row as shipped (edited shipped rows and new rows), and the
-- shipped rows the DBA deleted (dtks.aturan_dihapus, kept by a row trigger, dumped whole).  A restore
-- runs CREATE EXTENSION (the shipped rows again), then loads these: a loaded row whose key is a
-- shipped row still as shipped replaces it, and a loaded deletion deletes it.  The triggers fire
-- ALWAYS, so the recipe with session_replication_role = replica works the same way.  Whatever changes
-- the shipped rows later (an upgrade fragment, a new version) changes dtks.aturan_bawaan with them
-- (the upgrade test compares it with a fresh install's).
--
-- 2. A dump loaded with the tables' own triggers on (a plain pg_restore, as GUIs run it, or psql
-- loading a plain dump) would be refused table by table (the registry checked before all its tables
-- are in, usulan and permohonan rows not starting their process, the history recorded twice).  A
-- statement trigger on those tables recognises a COPY loading a dump: for a superuser it turns the
-- triggers off for that transaction (what the README's recipe does for the whole restore); anyone
-- else gets an error saying how to restore.

-- The tables of policy and the columns that identify a row of each.
CREATE TABLE dtks.aturan_tabel (
    tabel text PRIMARY KEY,
    kunci text[] NOT NULL
);
COMMENT ON TABLE dtks.aturan_tabel IS
    'The tables of policy shipped with rows a DBA may edit (all in schema dtks), and the columns that identify a row; their edits survive pg_dump/pg_restore';
COMMENT ON COLUMN dtks.aturan_tabel.tabel IS 'Table name in schema dtks';
COMMENT ON COLUMN dtks.aturan_tabel.kunci IS 'The columns of its primary or unique key';
COMMENT ON INDEX dtks.aturan_tabel_pkey IS 'One row per table';
INSERT INTO dtks.aturan_tabel (tabel, kunci) VALUES
    ('skor_variabel', '{nama}'),
    ('skor_model', '{versi}'),
    ('skor_bobot', '{versi,variabel,kode}'),
    ('program', '{kode}'),
    ('program_pengecualian', '{program,jenis}'),
    ('usulan_langkah', '{dari,ke,peran}'),
    ('ekspor_kolom', '{kolom}');

-- The rows the extension shipped, as shipped.
CREATE TABLE dtks.aturan_bawaan (
    tabel text NOT NULL REFERENCES dtks.aturan_tabel (tabel),
    kunci jsonb NOT NULL,
    baris jsonb NOT NULL,
    PRIMARY KEY (tabel, kunci)
);
COMMENT ON TABLE dtks.aturan_bawaan IS
    'The rows of the tables of policy as the extension shipped them (written by CREATE EXTENSION and its updates, not dumped): pg_dump leaves out a row still equal to its shipped row, and a restored row replaces such a row';
COMMENT ON COLUMN dtks.aturan_bawaan.tabel IS 'Table (dtks.aturan_tabel)';
COMMENT ON COLUMN dtks.aturan_bawaan.kunci IS 'The key columns of the row (dtks.aturan_kunci)';
COMMENT ON COLUMN dtks.aturan_bawaan.baris IS 'The whole row as shipped (dtks.aturan_baris)';
COMMENT ON INDEX dtks.aturan_bawaan_pkey IS 'One row per table and key';

-- The shipped rows the DBA deleted.
CREATE TABLE dtks.aturan_dihapus (
    tabel text NOT NULL REFERENCES dtks.aturan_tabel (tabel),
    kunci jsonb NOT NULL,
    dihapus timestamptz NOT NULL DEFAULT pg_catalog.now(),
    PRIMARY KEY (tabel, kunci)
);
COMMENT ON TABLE dtks.aturan_dihapus IS
    'Shipped rows of the tables of policy that were deleted (kept by a trigger, dumped): loading a row here deletes that shipped row, which is how a restore deletes it again after CREATE EXTENSION; inserting the key again removes the row from here';
COMMENT ON COLUMN dtks.aturan_dihapus.tabel IS 'Table (dtks.aturan_tabel)';
COMMENT ON COLUMN dtks.aturan_dihapus.kunci IS 'The key of the deleted shipped row (dtks.aturan_kunci)';
COMMENT ON COLUMN dtks.aturan_dihapus.dihapus IS 'When it was deleted (for rows deleted before 1.1: when the update to 1.1 found them missing)';
COMMENT ON INDEX dtks.aturan_dihapus_pkey IS 'One row per table and key';
REVOKE ALL ON dtks.aturan_dihapus FROM PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('dtks.aturan_dihapus'::regclass, '');

-- A row as jsonb in one fixed text form (ISO dates whatever the session's DateStyle).
CREATE FUNCTION dtks.aturan_baris(baris anyelement) RETURNS jsonb
    LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    SET datestyle = 'ISO, YMD'
    SET intervalstyle = 'postgres'
AS $$
BEGIN
    RETURN pg_catalog.to_jsonb(baris);
END
$$;
COMMENT ON FUNCTION dtks.aturan_baris(anyelement) IS
    'A row as jsonb, with dates in ISO form whatever the session''s DateStyle: how shipped and current rows of the tables of policy are compared';

-- The key of a row of a table of policy (its key columns), as jsonb.
CREATE FUNCTION dtks.aturan_kunci(tabel text, baris jsonb) RETURNS jsonb
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT pg_catalog.jsonb_object_agg(k.kolom, baris OPERATOR(pg_catalog.->) k.kolom)
      FROM dtks.aturan_tabel t, pg_catalog.unnest(t.kunci) AS k(kolom)
     WHERE t.tabel OPERATOR(pg_catalog.=) aturan_kunci.tabel;
END;
COMMENT ON FUNCTION dtks.aturan_kunci(text, jsonb) IS
    'The key columns of a row (given as dtks.aturan_baris) of a table of policy, as a jsonb object; NULL for a table not in dtks.aturan_tabel';

-- Is this row a shipped row as shipped?  (pg_dump leaves such rows out.)
CREATE FUNCTION dtks.aturan_utuh(tabel text, baris anyelement) RETURNS boolean
    LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    j jsonb := dtks.aturan_baris(baris);
BEGIN
    RETURN EXISTS (SELECT 1 FROM dtks.aturan_bawaan b
                    WHERE b.tabel OPERATOR(pg_catalog.=) aturan_utuh.tabel
                      AND b.kunci OPERATOR(pg_catalog.=) dtks.aturan_kunci(aturan_utuh.tabel, j)
                      AND b.baris OPERATOR(pg_catalog.=) j);
END
$$;
COMMENT ON FUNCTION dtks.aturan_utuh(text, anyelement) IS
    'Whether a row of a table of policy is a shipped row exactly as shipped (the config-dump condition of these tables keeps every other row)';

-- The condition matching a table's row whose key equals that of a record (an SQL expression).
CREATE FUNCTION dtks.aturan_syarat(tabel text, rekaman text) RETURNS text
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT pg_catalog.string_agg(pg_catalog.format('t.%1$I IS NOT DISTINCT FROM (%2$s).%1$I', k.kolom, rekaman), ' AND ')
      FROM dtks.aturan_tabel t, pg_catalog.unnest(t.kunci) AS k(kolom)
     WHERE t.tabel OPERATOR(pg_catalog.=) aturan_syarat.tabel;
END;
COMMENT ON FUNCTION dtks.aturan_syarat(text, text) IS
    'The WHERE condition (on alias t) selecting the row of a table of policy whose key equals that of a record given as an SQL expression of the table''s row type';

-- Row trigger BEFORE INSERT on a table of policy: a row whose key is a shipped row still as shipped
-- replaces it (as an UPDATE: nothing referencing it cascades) instead of colliding with it.
CREATE FUNCTION dtks.aturan_pulihkan() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    baru jsonb := dtks.aturan_baris(NEW);
    kunci_baru jsonb := dtks.aturan_kunci(TG_TABLE_NAME, baru);
    bawaan jsonb;
    lama jsonb;
BEGIN
    SELECT b.baris INTO bawaan FROM dtks.aturan_bawaan b
     WHERE b.tabel OPERATOR(pg_catalog.=) TG_TABLE_NAME AND b.kunci OPERATOR(pg_catalog.=) kunci_baru;
    IF NOT FOUND THEN
        RETURN NEW;
    END IF;
    EXECUTE pg_catalog.format('SELECT dtks.aturan_baris(t) FROM dtks.%I AS t WHERE %s FOR UPDATE',
                              TG_TABLE_NAME, dtks.aturan_syarat(TG_TABLE_NAME, '$1'))
       INTO lama USING NEW;
    IF lama IS NULL OR lama OPERATOR(pg_catalog.<>) bawaan THEN
        RETURN NEW;    -- a deleted shipped row comes back; an edited one collides as any duplicate does
    ELSIF lama OPERATOR(pg_catalog.=) baru THEN
        RETURN NULL;   -- the same row: nothing to do
    END IF;
    EXECUTE pg_catalog.format('UPDATE dtks.%1$I AS t SET (%2$s) = (SELECT %2$s FROM (SELECT ($1).*) AS s) WHERE %3$s',
                              TG_TABLE_NAME,
                              (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname), ', ' ORDER BY a.attnum)
                                 FROM pg_catalog.pg_attribute a
                                WHERE a.attrelid OPERATOR(pg_catalog.=) TG_RELID AND a.attnum OPERATOR(pg_catalog.>) 0
                                  AND NOT a.attisdropped),
                              dtks.aturan_syarat(TG_TABLE_NAME, '$1'))
       USING NEW;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION dtks.aturan_pulihkan() IS
    'Row trigger BEFORE INSERT on a table of policy: a row whose key is a shipped row still as shipped replaces that row (how a restore brings an edited shipped row back after CREATE EXTENSION inserted the shipped one); a row equal to it is skipped';

-- Row trigger AFTER INSERT, UPDATE or DELETE on a table of policy: keep dtks.aturan_dihapus.
CREATE FUNCTION dtks.aturan_catat() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    kunci_lama jsonb;
    kunci_baru jsonb;
BEGIN
    IF TG_TABLE_SCHEMA OPERATOR(pg_catalog.<>) 'dtks' THEN
        RAISE EXCEPTION 'dtks.aturan_catat: only for the tables of policy in schema dtks' USING ERRCODE = '39P01';
    END IF;
    IF TG_OP OPERATOR(pg_catalog.<>) 'INSERT' THEN
        kunci_lama := dtks.aturan_kunci(TG_TABLE_NAME, dtks.aturan_baris(OLD));
    END IF;
    IF TG_OP OPERATOR(pg_catalog.<>) 'DELETE' THEN
        kunci_baru := dtks.aturan_kunci(TG_TABLE_NAME, dtks.aturan_baris(NEW));
        DELETE FROM dtks.aturan_dihapus d
         WHERE d.tabel OPERATOR(pg_catalog.=) TG_TABLE_NAME AND d.kunci OPERATOR(pg_catalog.=) kunci_baru;
    END IF;
    IF kunci_lama IS DISTINCT FROM kunci_baru THEN
        INSERT INTO dtks.aturan_dihapus (tabel, kunci)
        SELECT b.tabel, b.kunci FROM dtks.aturan_bawaan b
         WHERE b.tabel OPERATOR(pg_catalog.=) TG_TABLE_NAME AND b.kunci OPERATOR(pg_catalog.=) kunci_lama
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION dtks.aturan_catat() IS
    'Row trigger AFTER INSERT, UPDATE or DELETE on a table of policy: a shipped row deleted (or its key changed) is recorded in dtks.aturan_dihapus, a key inserted again is removed from it';

-- Statement trigger AFTER TRUNCATE on a table of policy: every shipped row of it is deleted.
CREATE FUNCTION dtks.aturan_kosongkan() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_TABLE_SCHEMA OPERATOR(pg_catalog.<>) 'dtks' THEN
        RAISE EXCEPTION 'dtks.aturan_kosongkan: only for the tables of policy in schema dtks' USING ERRCODE = '39P01';
    END IF;
    INSERT INTO dtks.aturan_dihapus (tabel, kunci)
    SELECT b.tabel, b.kunci FROM dtks.aturan_bawaan b WHERE b.tabel OPERATOR(pg_catalog.=) TG_TABLE_NAME
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION dtks.aturan_kosongkan() IS
    'Statement trigger AFTER TRUNCATE on a table of policy: every shipped row of the table is recorded in dtks.aturan_dihapus';
-- (they write dtks.aturan_dihapus as its owner: no one attaches them to a table of their own)
REVOKE ALL ON FUNCTION dtks.aturan_catat(), dtks.aturan_kosongkan() FROM PUBLIC;

-- Row trigger BEFORE INSERT on dtks.aturan_dihapus: a deletion loaded (by a restore) deletes the shipped row.
CREATE FUNCTION dtks.aturan_dihapus_terapkan() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    bawaan jsonb;
    contoh text;
    lama jsonb;
BEGIN
    SELECT b.baris INTO bawaan FROM dtks.aturan_bawaan b
     WHERE b.tabel OPERATOR(pg_catalog.=) NEW.tabel AND b.kunci OPERATOR(pg_catalog.=) NEW.kunci;
    IF NOT FOUND THEN
        RETURN NULL;   -- not a shipped row of this version: nothing to delete
    END IF;
    -- the key as a record of the table's type, to find its row
    contoh := pg_catalog.format('pg_catalog.jsonb_populate_record(NULL::dtks.%I, $1)', NEW.tabel);
    EXECUTE pg_catalog.format('SELECT dtks.aturan_baris(t) FROM dtks.%I AS t WHERE %s FOR UPDATE',
                              NEW.tabel, dtks.aturan_syarat(NEW.tabel, contoh))
       INTO lama USING NEW.kunci;
    IF lama IS NULL THEN
        -- already gone (a cascade from a deletion loaded before recorded it, or none did)
        IF EXISTS (SELECT 1 FROM dtks.aturan_dihapus d
                    WHERE d.tabel OPERATOR(pg_catalog.=) NEW.tabel AND d.kunci OPERATOR(pg_catalog.=) NEW.kunci) THEN
            RETURN NULL;
        END IF;
        RETURN NEW;
    ELSIF lama OPERATOR(pg_catalog.<>) bawaan THEN
        RAISE EXCEPTION 'dtks.%: the shipped row % was deleted in the dump but is changed here', NEW.tabel, NEW.kunci
            USING ERRCODE = '23505',
                  DETAIL = 'A restore deletes a shipped row only while it is as shipped.',
                  HINT = 'Restore into a new database, or delete the row first.';
    END IF;
    -- the delete records the deletion (dtks.aturan_catat)
    EXECUTE pg_catalog.format('DELETE FROM dtks.%I AS t WHERE %s', NEW.tabel, dtks.aturan_syarat(NEW.tabel, contoh))
      USING NEW.kunci;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION dtks.aturan_dihapus_terapkan() IS
    'Row trigger BEFORE INSERT on dtks.aturan_dihapus: a deletion loaded by a restore deletes that shipped row (still as shipped) again; deletions of rows this version does not ship are dropped';
CREATE TRIGGER aturan_dihapus_terapkan BEFORE INSERT ON dtks.aturan_dihapus
    FOR EACH ROW EXECUTE FUNCTION dtks.aturan_dihapus_terapkan();
COMMENT ON TRIGGER aturan_dihapus_terapkan ON dtks.aturan_dihapus IS 'A loaded deletion deletes the shipped row';
ALTER TABLE dtks.aturan_dihapus ENABLE ALWAYS TRIGGER aturan_dihapus_terapkan;

-- The triggers on every table of policy, fired also under session_replication_role = replica.
DO $aturan$
DECLARE
    t text;
BEGIN
    FOR t IN SELECT a.tabel FROM dtks.aturan_tabel a ORDER BY a.tabel LOOP
        EXECUTE pg_catalog.format('CREATE TRIGGER aturan_pulihkan BEFORE INSERT ON dtks.%I '
                                  'FOR EACH ROW EXECUTE FUNCTION dtks.aturan_pulihkan()', t);
        EXECUTE pg_catalog.format('COMMENT ON TRIGGER aturan_pulihkan ON dtks.%I IS %L', t,
                                  'A restored row replaces the shipped row of its key while that is as shipped');
        EXECUTE pg_catalog.format('CREATE TRIGGER aturan_catat AFTER INSERT OR UPDATE OR DELETE ON dtks.%I '
                                  'FOR EACH ROW EXECUTE FUNCTION dtks.aturan_catat()', t);
        EXECUTE pg_catalog.format('COMMENT ON TRIGGER aturan_catat ON dtks.%I IS %L', t,
                                  'Deleted shipped rows are recorded in dtks.aturan_dihapus');
        EXECUTE pg_catalog.format('CREATE TRIGGER aturan_kosongkan AFTER TRUNCATE ON dtks.%I '
                                  'FOR EACH STATEMENT EXECUTE FUNCTION dtks.aturan_kosongkan()', t);
        EXECUTE pg_catalog.format('COMMENT ON TRIGGER aturan_kosongkan ON dtks.%I IS %L', t,
                                  'A truncation deletes every shipped row');
        EXECUTE pg_catalog.format('ALTER TABLE dtks.%I ENABLE ALWAYS TRIGGER aturan_pulihkan, '
                                  'ENABLE ALWAYS TRIGGER aturan_catat, ENABLE ALWAYS TRIGGER aturan_kosongkan', t);
    END LOOP;
END
$aturan$;

-- What 1.0 shipped (the same rows as 1.1 ships), as 1.0's install script left them.
INSERT INTO dtks.aturan_bawaan (tabel, kunci, baris)
SELECT v.tabel, dtks.aturan_kunci(v.tabel, v.baris::jsonb), v.baris::jsonb FROM (VALUES
    ('ekspor_kolom', '{"kolom": "alamat", "sumber": "dtks.rumah_tangga.alamat", "urutan": 7, "pribadi": true, "keterangan": "Street address of the household"}'),
    ('ekspor_kolom', '{"kolom": "desil", "sumber": "dtks.penetapan_pada: desil", "urutan": 15, "pribadi": false, "keterangan": "Welfare desil of the family in the month (1 poorest ... 10)"}'),
    ('ekspor_kolom', '{"kolom": "jenis_kelamin", "sumber": "dtks.penetapan_pada: jenis_kelamin", "urutan": 4, "pribadi": false, "keterangan": "L or P"}'),
    ('ekspor_kolom', '{"kolom": "kode_wilayah", "sumber": "dtks.penetapan_pada: kode_wilayah", "urutan": 10, "pribadi": false, "keterangan": "Kemendagri code of the desa/kelurahan"}'),
    ('ekspor_kolom', '{"kolom": "nama", "sumber": "dtks.anggota.nama", "urutan": 3, "pribadi": true, "keterangan": "Name as on the KK"}'),
    ('ekspor_kolom', '{"kolom": "nama_desa", "sumber": "dtks.wilayah.nama (level 4)", "urutan": 11, "pribadi": false, "keterangan": "Name of the desa/kelurahan"}'),
    ('ekspor_kolom', '{"kolom": "nama_kabkota", "sumber": "dtks.wilayah.nama (level 2)", "urutan": 13, "pribadi": false, "keterangan": "Name of the kabupaten/kota"}'),
    ('ekspor_kolom', '{"kolom": "nama_kecamatan", "sumber": "dtks.wilayah.nama (level 3)", "urutan": 12, "pribadi": false, "keterangan": "Name of the kecamatan"}'),
    ('ekspor_kolom', '{"kolom": "nik", "sumber": "dtks.penetapan_pada: nik", "urutan": 1, "pribadi": true, "keterangan": "NIK of the member"}'),
    ('ekspor_kolom', '{"kolom": "no_kk", "sumber": "dtks.penetapan_pada: no_kk", "urutan": 2, "pribadi": true, "keterangan": "KK number of the member''s family"}'),
    ('ekspor_kolom', '{"kolom": "program", "sumber": "dtks.penetapan_pada: program", "urutan": 16, "pribadi": false, "keterangan": "Programs the family is in that month (codes of dtks.program)"}'),
    ('ekspor_kolom', '{"kolom": "rt", "sumber": "dtks.rumah_tangga.rt", "urutan": 8, "pribadi": false, "keterangan": "Rukun tetangga"}'),
    ('ekspor_kolom', '{"kolom": "rumah_tangga_id", "sumber": "dtks.penetapan_pada: rumah_tangga_id", "urutan": 14, "pribadi": false, "keterangan": "The household (to group members by dwelling)"}'),
    ('ekspor_kolom', '{"kolom": "rw", "sumber": "dtks.rumah_tangga.rw", "urutan": 9, "pribadi": false, "keterangan": "Rukun warga"}'),
    ('ekspor_kolom', '{"kolom": "shdk", "sumber": "dtks.penetapan_pada: shdk", "urutan": 6, "pribadi": false, "keterangan": "Relationship to the kepala keluarga (1 kepala keluarga ... 11 lainnya)"}'),
    ('ekspor_kolom', '{"kolom": "tanggal_lahir", "sumber": "dtks.penetapan_pada: tanggal_lahir", "urutan": 5, "pribadi": true, "keterangan": "Date of birth (YYYY-MM-DD)"}'),
    ('program', '{"kode": "BPNT", "nama": "Bantuan Pangan Non Tunai / Sembako", "bawaan": true, "wilayah": null, "desil_maks": 4, "keterangan": "Food aid; ceiling desil 4.", "lingkup_desil": "nasional", "butuh_anak_sekolah": false, "butuh_komponen_pkh": false}'),
    ('program', '{"kode": "KJP_PLUS", "nama": "Kartu Jakarta Pintar Plus (DKI Jakarta)", "bawaan": true, "wilayah": "31", "desil_maks": 4, "keterangan": "DKI Jakarta school aid for DTKS families, with the Dinas Sosial DKI exclusions (beritajakarta.id 2021; Kepgub DKI 1250/2021).", "lingkup_desil": "nasional", "butuh_anak_sekolah": true, "butuh_komponen_pkh": false}'),
    ('program', '{"kode": "PBI_JKN", "nama": "Penerima Bantuan Iuran JKN", "bawaan": true, "wilayah": null, "desil_maks": 4, "keterangan": "Health insurance premium paid by the state; ceiling desil 4.", "lingkup_desil": "nasional", "butuh_anak_sekolah": false, "butuh_komponen_pkh": false}'),
    ('program', '{"kode": "PIP", "nama": "Program Indonesia Pintar", "bawaan": true, "wilayah": null, "desil_maks": 4, "keterangan": "School aid; a family with a child in school; ceiling desil 4.", "lingkup_desil": "nasional", "butuh_anak_sekolah": true, "butuh_komponen_pkh": false}'),
    ('program', '{"kode": "PKH", "nama": "Program Keluarga Harapan", "bawaan": true, "wilayah": null, "desil_maks": 4, "keterangan": "Conditional cash transfer; a family with at least one component. Ceiling desil 4 (bansos generally desil 1-4, domain.md 5.2).", "lingkup_desil": "nasional", "butuh_anak_sekolah": false, "butuh_komponen_pkh": true}'),
    ('program_pengecualian', '{"jenis": "mobil", "alasan": "a member owns a car (Bapenda vehicle register)", "bawaan": true, "program": "KJP_PLUS", "nilai_lebih_dari": null}'),
    ('program_pengecualian', '{"jenis": "njop", "alasan": "a member owns land or a building with NJOP above Rp1 miliar", "bawaan": true, "program": "KJP_PLUS", "nilai_lebih_dari": 1000000000}'),
    ('program_pengecualian', '{"jenis": "pns_tni_polri", "alasan": "a member is a civil servant, soldier or police officer", "bawaan": true, "program": "KJP_PLUS", "nilai_lebih_dari": null}'),
    ('skor_bobot', '{"kode": 0, "batas": null, "bobot": -2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "internet"}'),
    ('skor_bobot', '{"kode": 1, "batas": null, "bobot": 3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "bahan_bakar"}'),
    ('skor_bobot', '{"kode": 1, "batas": null, "bobot": -3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 1, "batas": null, "bobot": 3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "internet"}'),
    ('skor_bobot', '{"kode": 1, "batas": null, "bobot": 4.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_lantai"}'),
    ('skor_bobot', '{"kode": 1, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "rekening"}'),
    ('skor_bobot', '{"kode": 1, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "sumber_air_minum"}'),
    ('skor_bobot', '{"kode": 10, "batas": null, "bobot": -8.000, "versi": "dtks-deprivasi-2026.1", "variabel": "bahan_bakar"}'),
    ('skor_bobot', '{"kode": 10, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 10, "batas": null, "bobot": -6.000, "versi": "dtks-deprivasi-2026.1", "variabel": "sumber_air_minum"}'),
    ('skor_bobot', '{"kode": 11, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 11, "batas": null, "bobot": -4.000, "versi": "dtks-deprivasi-2026.1", "variabel": "sumber_air_minum"}'),
    ('skor_bobot', '{"kode": 12, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 12, "batas": null, "bobot": 1.000, "versi": "dtks-deprivasi-2026.1", "variabel": "sumber_air_minum"}'),
    ('skor_bobot', '{"kode": 13, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 14, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 15, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 16, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 17, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 18, "batas": null, "bobot": 4.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 19, "batas": null, "bobot": 6.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 2, "batas": null, "bobot": -4.000, "versi": "dtks-deprivasi-2026.1", "variabel": "fasilitas_bab"}'),
    ('skor_bobot', '{"kode": 2, "batas": null, "bobot": -3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 2, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "internet"}'),
    ('skor_bobot', '{"kode": 2, "batas": null, "bobot": -3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_dinding"}'),
    ('skor_bobot', '{"kode": 2, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_lantai"}'),
    ('skor_bobot', '{"kode": 2, "batas": null, "bobot": -3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "sumber_penerangan"}'),
    ('skor_bobot', '{"kode": 20, "batas": null, "bobot": 6.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 21, "batas": null, "bobot": 6.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 22, "batas": null, "bobot": 6.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 23, "batas": null, "bobot": -6.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 3, "batas": null, "bobot": 3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "bahan_bakar"}'),
    ('skor_bobot', '{"kode": 3, "batas": null, "bobot": -5.000, "versi": "dtks-deprivasi-2026.1", "variabel": "fasilitas_bab"}'),
    ('skor_bobot', '{"kode": 3, "batas": null, "bobot": -3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 3, "batas": null, "bobot": -1.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_atap"}'),
    ('skor_bobot', '{"kode": 3, "batas": null, "bobot": -4.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_dinding"}'),
    ('skor_bobot', '{"kode": 3, "batas": null, "bobot": 3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "rekening"}'),
    ('skor_bobot', '{"kode": 3, "batas": null, "bobot": 1.000, "versi": "dtks-deprivasi-2026.1", "variabel": "sumber_air_minum"}'),
    ('skor_bobot', '{"kode": 3, "batas": null, "bobot": -5.000, "versi": "dtks-deprivasi-2026.1", "variabel": "sumber_penerangan"}'),
    ('skor_bobot', '{"kode": 4, "batas": null, "bobot": -6.000, "versi": "dtks-deprivasi-2026.1", "variabel": "fasilitas_bab"}'),
    ('skor_bobot', '{"kode": 4, "batas": null, "bobot": -3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 4, "batas": null, "bobot": -8.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_dinding"}'),
    ('skor_bobot', '{"kode": 4, "batas": null, "bobot": -2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "rekening"}'),
    ('skor_bobot', '{"kode": 4, "batas": null, "bobot": -10.000, "versi": "dtks-deprivasi-2026.1", "variabel": "sumber_penerangan"}'),
    ('skor_bobot', '{"kode": 5, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "bahan_bakar"}'),
    ('skor_bobot', '{"kode": 5, "batas": null, "bobot": -8.000, "versi": "dtks-deprivasi-2026.1", "variabel": "fasilitas_bab"}'),
    ('skor_bobot', '{"kode": 5, "batas": null, "bobot": -2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_atap"}'),
    ('skor_bobot', '{"kode": 5, "batas": null, "bobot": -6.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_dinding"}'),
    ('skor_bobot', '{"kode": 5, "batas": null, "bobot": -4.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_lantai"}'),
    ('skor_bobot', '{"kode": 5, "batas": null, "bobot": 8.000, "versi": "dtks-deprivasi-2026.1", "variabel": "kedudukan_kepala"}'),
    ('skor_bobot', '{"kode": 6, "batas": null, "bobot": -10.000, "versi": "dtks-deprivasi-2026.1", "variabel": "fasilitas_bab"}'),
    ('skor_bobot', '{"kode": 6, "batas": null, "bobot": -5.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_atap"}'),
    ('skor_bobot', '{"kode": 6, "batas": null, "bobot": -8.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_dinding"}'),
    ('skor_bobot', '{"kode": 6, "batas": null, "bobot": -3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_lantai"}'),
    ('skor_bobot', '{"kode": 6, "batas": null, "bobot": -3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "status_bangunan"}'),
    ('skor_bobot', '{"kode": 6, "batas": null, "bobot": -6.000, "versi": "dtks-deprivasi-2026.1", "variabel": "sumber_air_minum"}'),
    ('skor_bobot', '{"kode": 7, "batas": null, "bobot": -4.000, "versi": "dtks-deprivasi-2026.1", "variabel": "bahan_bakar"}'),
    ('skor_bobot', '{"kode": 7, "batas": null, "bobot": -6.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_atap"}'),
    ('skor_bobot', '{"kode": 7, "batas": null, "bobot": -6.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_dinding"}'),
    ('skor_bobot', '{"kode": 7, "batas": null, "bobot": -8.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_lantai"}'),
    ('skor_bobot', '{"kode": 8, "batas": null, "bobot": -4.000, "versi": "dtks-deprivasi-2026.1", "variabel": "bahan_bakar"}'),
    ('skor_bobot', '{"kode": 8, "batas": null, "bobot": -3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_atap"}'),
    ('skor_bobot', '{"kode": 8, "batas": null, "bobot": -10.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_lantai"}'),
    ('skor_bobot', '{"kode": 8, "batas": null, "bobot": -6.000, "versi": "dtks-deprivasi-2026.1", "variabel": "sumber_air_minum"}'),
    ('skor_bobot', '{"kode": 9, "batas": null, "bobot": -6.000, "versi": "dtks-deprivasi-2026.1", "variabel": "bahan_bakar"}'),
    ('skor_bobot', '{"kode": 9, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 9, "batas": null, "bobot": -4.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_lantai"}'),
    ('skor_bobot', '{"kode": 9, "batas": null, "bobot": -8.000, "versi": "dtks-deprivasi-2026.1", "variabel": "sumber_air_minum"}'),
    ('skor_bobot', '{"kode": null, "batas": 4, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "anggota_bekerja"}'),
    ('skor_bobot', '{"kode": null, "batas": 3, "bobot": -1.000, "versi": "dtks-deprivasi-2026.1", "variabel": "balita"}'),
    ('skor_bobot', '{"kode": null, "batas": 3, "bobot": -3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "disabilitas"}'),
    ('skor_bobot', '{"kode": null, "batas": 10, "bobot": -1.500, "versi": "dtks-deprivasi-2026.1", "variabel": "jumlah_anggota"}'),
    ('skor_bobot', '{"kode": null, "batas": 10, "bobot": 1.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jumlah_babi"}'),
    ('skor_bobot', '{"kode": null, "batas": 10, "bobot": 0.500, "versi": "dtks-deprivasi-2026.1", "variabel": "jumlah_kambing"}'),
    ('skor_bobot', '{"kode": null, "batas": 5, "bobot": 3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jumlah_kerbau"}'),
    ('skor_bobot', '{"kode": null, "batas": 5, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jumlah_kuda"}'),
    ('skor_bobot', '{"kode": null, "batas": 5, "bobot": 3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jumlah_sapi"}'),
    ('skor_bobot', '{"kode": null, "batas": null, "bobot": 3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "kepala_bekerja"}'),
    ('skor_bobot', '{"kode": null, "batas": 3, "bobot": -1.000, "versi": "dtks-deprivasi-2026.1", "variabel": "lansia"}'),
    ('skor_bobot', '{"kode": null, "batas": 30, "bobot": 0.500, "versi": "dtks-deprivasi-2026.1", "variabel": "luas_per_orang"}'),
    ('skor_bobot', '{"kode": null, "batas": null, "bobot": 5.000, "versi": "dtks-deprivasi-2026.1", "variabel": "punya_ac"}'),
    ('skor_bobot', '{"kode": null, "batas": null, "bobot": 4.000, "versi": "dtks-deprivasi-2026.1", "variabel": "punya_emas"}'),
    ('skor_bobot', '{"kode": null, "batas": null, "bobot": 4.000, "versi": "dtks-deprivasi-2026.1", "variabel": "punya_komputer"}'),
    ('skor_bobot', '{"kode": null, "batas": null, "bobot": 5.000, "versi": "dtks-deprivasi-2026.1", "variabel": "punya_lahan_lain"}'),
    ('skor_bobot', '{"kode": null, "batas": null, "bobot": 3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "punya_lemari_es"}'),
    ('skor_bobot', '{"kode": null, "batas": null, "bobot": 12.000, "versi": "dtks-deprivasi-2026.1", "variabel": "punya_mobil"}'),
    ('skor_bobot', '{"kode": null, "batas": null, "bobot": 3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "punya_pemanas_air"}'),
    ('skor_bobot', '{"kode": null, "batas": null, "bobot": 4.000, "versi": "dtks-deprivasi-2026.1", "variabel": "punya_perahu_motor"}'),
    ('skor_bobot', '{"kode": null, "batas": null, "bobot": 8.000, "versi": "dtks-deprivasi-2026.1", "variabel": "punya_rumah_lain"}'),
    ('skor_bobot', '{"kode": null, "batas": null, "bobot": 4.000, "versi": "dtks-deprivasi-2026.1", "variabel": "punya_sepeda_motor"}'),
    ('skor_bobot', '{"kode": null, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "punya_smartphone"}'),
    ('skor_bobot', '{"kode": null, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "punya_tabung_gas"}'),
    ('skor_bobot', '{"kode": null, "batas": null, "bobot": 1.000, "versi": "dtks-deprivasi-2026.1", "variabel": "punya_telepon_rumah"}'),
    ('skor_bobot', '{"kode": null, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "punya_televisi"}'),
    ('skor_model', '{"nama": "Indeks deprivasi transparan (BPS 14 kriteria, Kepmensos 262/HUK/2022, aset Regsosek 2022)", "versi": "dtks-deprivasi-2026.1", "bawaan": true, "berlaku": "[2020-01-01,)", "konstanta": 100.000, "keterangan": "Not the official PMT (its coefficients are not published). Deprivations from the BPS 14 criteria and the 9 criteria of Kepmensos 262/HUK/2022 lower the score, Regsosek 2022 assets raise it; round weights, readable in dtks.skor_bobot. Replace with a new version when an agency loads its own model."}'),
    ('skor_variabel', '{"nama": "anggota_bekerja", "jenis": "angka", "kolom": "bekerja", "bawaan": true, "sumber": "ringkasan", "kode_sah": null, "keterangan": "Members who worked last week"}'),
    ('skor_variabel', '{"nama": "bahan_bakar", "jenis": "kode", "kolom": "bahan_bakar", "bawaan": true, "sumber": "rumah_tangga", "kode_sah": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], "keterangan": "308 cooking fuel (BPS 14 no. 7)"}'),
    ('skor_variabel', '{"nama": "balita", "jenis": "angka", "kolom": "balita", "bawaan": true, "sumber": "ringkasan", "kode_sah": null, "keterangan": "Members under 5"}'),
    ('skor_variabel', '{"nama": "disabilitas", "jenis": "angka", "kolom": "disabilitas", "bawaan": true, "sumber": "ringkasan", "kode_sah": null, "keterangan": "Members with a lot of difficulty or unable in a 428 item"}'),
    ('skor_variabel', '{"nama": "fasilitas_bab", "jenis": "kode", "kolom": "fasilitas_bab", "bawaan": true, "sumber": "rumah_tangga", "kode_sah": [1, 2, 3, 4, 5, 6], "keterangan": "309a toilet (BPS 14 no. 4, Kepmensos 262 no. 8)"}'),
    ('skor_variabel', '{"nama": "ijazah_kepala", "jenis": "kode", "kolom": "ijazah_tertinggi", "bawaan": true, "sumber": "kepala", "kode_sah": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23], "keterangan": "415 the head''s highest certificate (BPS 14 no. 13)"}'),
    ('skor_variabel', '{"nama": "internet", "jenis": "kode", "kolom": "internet", "bawaan": true, "sumber": "keluarga", "kode_sah": [0, 1, 2, 3], "keterangan": "Blok V internet access"}'),
    ('skor_variabel', '{"nama": "jenis_atap", "jenis": "kode", "kolom": "jenis_atap", "bawaan": true, "sumber": "rumah_tangga", "kode_sah": [1, 2, 3, 4, 5, 6, 7, 8], "keterangan": "305 roof"}'),
    ('skor_variabel', '{"nama": "jenis_dinding", "jenis": "kode", "kolom": "jenis_dinding", "bawaan": true, "sumber": "rumah_tangga", "kode_sah": [1, 2, 3, 4, 5, 6, 7], "keterangan": "304 walls (BPS 14 no. 3, Kepmensos 262 no. 7)"}'),
    ('skor_variabel', '{"nama": "jenis_lantai", "jenis": "kode", "kolom": "jenis_lantai", "bawaan": true, "sumber": "rumah_tangga", "kode_sah": [1, 2, 3, 4, 5, 6, 7, 8, 9], "keterangan": "303 floor (BPS 14 no. 2, Kepmensos 262 no. 6)"}'),
    ('skor_variabel', '{"nama": "jumlah_anggota", "jenis": "angka", "kolom": "jumlah_anggota", "bawaan": true, "sumber": "ringkasan", "kode_sah": null, "keterangan": "Current living members"}'),
    ('skor_variabel', '{"nama": "jumlah_babi", "jenis": "angka", "kolom": "jumlah_babi", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V pigs"}'),
    ('skor_variabel', '{"nama": "jumlah_kambing", "jenis": "angka", "kolom": "jumlah_kambing", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V goats/sheep"}'),
    ('skor_variabel', '{"nama": "jumlah_kerbau", "jenis": "angka", "kolom": "jumlah_kerbau", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V buffalo"}'),
    ('skor_variabel', '{"nama": "jumlah_kuda", "jenis": "angka", "kolom": "jumlah_kuda", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V horses"}'),
    ('skor_variabel', '{"nama": "jumlah_sapi", "jenis": "angka", "kolom": "jumlah_sapi", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V cattle (BPS 14 no. 14)"}'),
    ('skor_variabel', '{"nama": "kedudukan_kepala", "jenis": "kode", "kolom": "kedudukan_pekerjaan", "bawaan": true, "sumber": "kepala", "kode_sah": [1, 2, 3, 4, 5, 6, 7, 8], "keterangan": "418 the head''s employment status"}'),
    ('skor_variabel', '{"nama": "kepala_bekerja", "jenis": "ya_tidak", "kolom": "bekerja", "bawaan": true, "sumber": "kepala", "kode_sah": null, "keterangan": "416a the head worked last week (BPS 14 no. 12, Kepmensos 262 no. 2)"}'),
    ('skor_variabel', '{"nama": "lansia", "jenis": "angka", "kolom": "lansia", "bawaan": true, "sumber": "ringkasan", "kode_sah": null, "keterangan": "Members 60 and over"}'),
    ('skor_variabel', '{"nama": "luas_per_orang", "jenis": "angka", "kolom": "luas_per_orang", "bawaan": true, "sumber": "ringkasan", "kode_sah": null, "keterangan": "302 floor area per member, m2 (BPS 14 no. 1)"}'),
    ('skor_variabel', '{"nama": "punya_ac", "jenis": "ya_tidak", "kolom": "punya_ac", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V air conditioner"}'),
    ('skor_variabel', '{"nama": "punya_emas", "jenis": "ya_tidak", "kolom": "punya_emas", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V gold/jewellery of 10 g or more (BPS 14 no. 14)"}'),
    ('skor_variabel', '{"nama": "punya_komputer", "jenis": "ya_tidak", "kolom": "punya_komputer", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V computer/laptop"}'),
    ('skor_variabel', '{"nama": "punya_lahan_lain", "jenis": "ya_tidak", "kolom": "punya_lahan_lain", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V other land"}'),
    ('skor_variabel', '{"nama": "punya_lemari_es", "jenis": "ya_tidak", "kolom": "punya_lemari_es", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V refrigerator"}'),
    ('skor_variabel', '{"nama": "punya_mobil", "jenis": "ya_tidak", "kolom": "punya_mobil", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V car"}'),
    ('skor_variabel', '{"nama": "punya_pemanas_air", "jenis": "ya_tidak", "kolom": "punya_pemanas_air", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V water heater"}'),
    ('skor_variabel', '{"nama": "punya_perahu_motor", "jenis": "ya_tidak", "kolom": "punya_perahu_motor", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V motor boat (BPS 14 no. 14)"}'),
    ('skor_variabel', '{"nama": "punya_rumah_lain", "jenis": "ya_tidak", "kolom": "punya_rumah_lain", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V another house"}'),
    ('skor_variabel', '{"nama": "punya_sepeda_motor", "jenis": "ya_tidak", "kolom": "punya_sepeda_motor", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V motorcycle (BPS 14 no. 14)"}'),
    ('skor_variabel', '{"nama": "punya_smartphone", "jenis": "ya_tidak", "kolom": "punya_smartphone", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V smartphone"}'),
    ('skor_variabel', '{"nama": "punya_tabung_gas", "jenis": "ya_tidak", "kolom": "punya_tabung_gas", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V gas cylinder 5.5 kg or more"}'),
    ('skor_variabel', '{"nama": "punya_telepon_rumah", "jenis": "ya_tidak", "kolom": "punya_telepon_rumah", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V landline"}'),
    ('skor_variabel', '{"nama": "punya_televisi", "jenis": "ya_tidak", "kolom": "punya_televisi", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V flat television"}'),
    ('skor_variabel', '{"nama": "rekening", "jenis": "kode", "kolom": "rekening", "bawaan": true, "sumber": "keluarga", "kode_sah": [1, 2, 3, 4], "keterangan": "Blok V bank account"}'),
    ('skor_variabel', '{"nama": "status_bangunan", "jenis": "kode", "kolom": "status_bangunan", "bawaan": true, "sumber": "rumah_tangga", "kode_sah": [1, 2, 3, 4, 5, 6], "keterangan": "301a tenure (Kepmensos 262 no. 1)"}'),
    ('skor_variabel', '{"nama": "sumber_air_minum", "jenis": "kode", "kolom": "sumber_air_minum", "bawaan": true, "sumber": "rumah_tangga", "kode_sah": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], "keterangan": "306a drinking water (BPS 14 no. 6)"}'),
    ('skor_variabel', '{"nama": "sumber_penerangan", "jenis": "kode", "kolom": "sumber_penerangan", "bawaan": true, "sumber": "rumah_tangga", "kode_sah": [1, 2, 3, 4], "keterangan": "307a lighting (BPS 14 no. 5, Kepmensos 262 no. 9)"}'),
    ('usulan_langkah', '{"ke": "diajukan", "dari": "dikembalikan", "peran": "desa", "tahap": "pendaftaran", "syarat": null}'),
    ('usulan_langkah', '{"ke": "diajukan", "dari": "draf", "peran": "desa", "tahap": "pendaftaran", "syarat": "berita_acara"}'),
    ('usulan_langkah', '{"ke": "diajukan", "dari": "tidak_padan", "peran": "desa", "tahap": "pendaftaran", "syarat": null}'),
    ('usulan_langkah', '{"ke": "dibatalkan", "dari": "draf", "peran": "desa", "tahap": null, "syarat": null}'),
    ('usulan_langkah', '{"ke": "dikembalikan", "dari": "dikirim", "peran": "pusat", "tahap": null, "syarat": "alasan"}'),
    ('usulan_langkah', '{"ke": "dikembalikan", "dari": "pengendalian", "peran": "pt", "tahap": null, "syarat": "alasan"}'),
    ('usulan_langkah', '{"ke": "dikembalikan", "dari": "pengendalian", "peran": "pusat", "tahap": null, "syarat": "alasan"}'),
    ('usulan_langkah', '{"ke": "dikirim", "dari": "disahkan", "peran": "kabkota", "tahap": null, "syarat": null}'),
    ('usulan_langkah', '{"ke": "dikirim", "dari": "pengendalian", "peran": "pt", "tahap": null, "syarat": null}'),
    ('usulan_langkah', '{"ke": "dikirim", "dari": "pengendalian", "peran": "pusat", "tahap": null, "syarat": null}'),
    ('usulan_langkah', '{"ke": "disahkan", "dari": "layak", "peran": "kabkota", "tahap": null, "syarat": "surat_pengesahan"}'),
    ('usulan_langkah', '{"ke": "ditetapkan", "dari": "dikirim", "peran": "penetapan", "tahap": null, "syarat": null}'),
    ('usulan_langkah', '{"ke": "ditolak", "dari": "dikembalikan", "peran": "kabkota", "tahap": null, "syarat": "alasan"}'),
    ('usulan_langkah', '{"ke": "ditolak", "dari": "tidak_padan", "peran": "kabkota", "tahap": null, "syarat": "alasan"}'),
    ('usulan_langkah', '{"ke": "layak", "dari": "padan", "peran": "kabkota", "tahap": "verval", "syarat": "kunjungan"}'),
    ('usulan_langkah', '{"ke": "padan", "dari": "diajukan", "peran": "pemadanan", "tahap": null, "syarat": null}'),
    ('usulan_langkah', '{"ke": "pengendalian", "dari": "dikirim", "peran": "pusat", "tahap": null, "syarat": null}'),
    ('usulan_langkah', '{"ke": "tidak_layak", "dari": "padan", "peran": "kabkota", "tahap": "verval", "syarat": "kunjungan"}'),
    ('usulan_langkah', '{"ke": "tidak_padan", "dari": "diajukan", "peran": "pemadanan", "tahap": null, "syarat": "alasan"}')) AS v(tabel, baris);

-- The shipped rows deleted before this update.
DO $dihapus$
DECLARE
    t text;
BEGIN
    FOR t IN SELECT a.tabel FROM dtks.aturan_tabel a ORDER BY a.tabel LOOP
        EXECUTE pg_catalog.format('INSERT INTO dtks.aturan_dihapus (tabel, kunci) '
                                  'SELECT b.tabel, b.kunci FROM dtks.aturan_bawaan b '
                                  'WHERE b.tabel OPERATOR(pg_catalog.=) %1$L AND NOT EXISTS (SELECT 1 FROM dtks.%1$I AS x '
                                  'WHERE dtks.aturan_kunci(%1$L, dtks.aturan_baris(x)) OPERATOR(pg_catalog.=) b.kunci)', t);
    END LOOP;
END
$dihapus$;

-- pg_dump keeps every row of the tables of policy that is not as shipped (1.0 left out the shipped
-- rows whatever their edits, and the two lists whole).
SELECT pg_catalog.pg_extension_config_dump('dtks.skor_variabel'::regclass,
    'WHERE NOT dtks.aturan_utuh(''skor_variabel'', skor_variabel)');
SELECT pg_catalog.pg_extension_config_dump('dtks.skor_model'::regclass,
    'WHERE NOT dtks.aturan_utuh(''skor_model'', skor_model)');
SELECT pg_catalog.pg_extension_config_dump('dtks.skor_bobot'::regclass,
    'WHERE NOT dtks.aturan_utuh(''skor_bobot'', skor_bobot)');
SELECT pg_catalog.pg_extension_config_dump('dtks.program'::regclass,
    'WHERE NOT dtks.aturan_utuh(''program'', program)');
SELECT pg_catalog.pg_extension_config_dump('dtks.program_pengecualian'::regclass,
    'WHERE NOT dtks.aturan_utuh(''program_pengecualian'', program_pengecualian)');
COMMENT ON COLUMN dtks.skor_variabel.bawaan IS 'Shipped with the extension (pg_dump keeps every row not as shipped: see dtks.aturan_bawaan)';
COMMENT ON COLUMN dtks.skor_model.bawaan IS 'Shipped with the extension: read-only (copy it with dtks.skor_model_salin), in force where no other model is; pg_dump keeps every row not as shipped (dtks.aturan_bawaan)';
COMMENT ON COLUMN dtks.program.bawaan IS 'Shipped with the extension (pg_dump keeps every row not as shipped: see dtks.aturan_bawaan)';
COMMENT ON COLUMN dtks.program_pengecualian.bawaan IS 'Shipped with the extension (pg_dump keeps every row not as shipped: see dtks.aturan_bawaan)';

COMMENT ON TABLE dtks.usulan_langkah IS
    'Allowed steps of an usulan (shipped by the extension, editable by the DBA, edits kept by pg_dump; from Kepmensos 150/HUK/2022 as domain.md 4.7 sketches it): from, to, the office that takes it (pemadanan: the Dukcapil matching run by the kab/kota; penetapan: only the monthly penetapan) and what the step needs';
COMMENT ON TABLE dtks.ekspor_kolom IS
    'The export catalogue: the fields a permohonan may ask for (shipped by the extension, editable by the DBA, edits kept by pg_dump); dtks.ekspor_data builds each row with these keys and keeps only the requested ones';

-- The export fields can swap places (a restore replaces them one row at a time).
ALTER TABLE dtks.ekspor_kolom DROP CONSTRAINT ekspor_kolom_urutan_key,
    ADD CONSTRAINT ekspor_kolom_urutan_key UNIQUE (urutan) DEFERRABLE INITIALLY DEFERRED;
COMMENT ON INDEX dtks.ekspor_kolom_urutan_key IS 'One field per position (checked at commit: fields can swap places)';

-- pg_dump keeps every row of the two lists that is not as shipped (the others are registered where they are created).
SELECT pg_catalog.pg_extension_config_dump('dtks.usulan_langkah'::regclass,
    'WHERE NOT dtks.aturan_utuh(''usulan_langkah'', usulan_langkah)');
SELECT pg_catalog.pg_extension_config_dump('dtks.ekspor_kolom'::regclass,
    'WHERE NOT dtks.aturan_utuh(''ekspor_kolom'', ekspor_kolom)');

-- Statement trigger BEFORE INSERT on the tables whose triggers check or record rows: a COPY that loads
-- a dump (pg_restore, or psql running a plain dump: COPY ... FROM stdin with pg_dump's session
-- settings) runs, for a superuser, with the tables' triggers off for the rest of its transaction, as
-- the README's recipe runs the whole restore; anyone else is told how to restore.  (No pinned
-- search_path: it reads the caller's; every name is qualified.)
CREATE FUNCTION dtks.pemulihan_periksa() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
AS $$
BEGIN
    IF pg_catalog.current_query() OPERATOR(pg_catalog.~*) '^[[:space:]]*COPY[[:space:]].*[[:space:]]FROM[[:space:]]+stdin'
       AND pg_catalog.current_setting('search_path') OPERATOR(pg_catalog.=) ''
       AND pg_catalog.current_setting('row_security') OPERATOR(pg_catalog.=) 'off'
       AND pg_catalog.current_setting('check_function_bodies') OPERATOR(pg_catalog.=) 'off' THEN
        IF pg_catalog.current_setting('is_superuser') OPERATOR(pg_catalog.=) 'on' THEN
            PERFORM pg_catalog.set_config('session_replication_role', 'replica', true);
            RAISE LOG 'dtks: a dump is loaded into dtks.%; the tables'' triggers are off for this transaction', TG_TABLE_NAME;
        ELSE
            RAISE EXCEPTION 'dtks: a dump is restored by a superuser, with the tables'' triggers off'
                USING ERRCODE = '42501',
                      DETAIL = pg_catalog.format('dtks.%s is loaded from a dump by %s, who is not a superuser; its triggers would check the rows again, before the tables they need are loaded.',
                                                 TG_TABLE_NAME, CURRENT_USER),
                      HINT = 'As a superuser: PGOPTIONS=''-c session_replication_role=replica'' pg_restore --single-transaction -d DB FILE (README, "Backup and restore").';
        END IF;
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION dtks.pemulihan_periksa() IS
    'Statement trigger BEFORE INSERT: a COPY loading a dump (pg_restore or psql, pg_dump''s session settings) runs for a superuser with the triggers off for its transaction (session_replication_role = replica, as the README''s recipe); others get 42501 with the recipe';
DO $pemulihan$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['rumah_tangga', 'keluarga', 'anggota', 'keanggotaan', 'skor_bobot', 'skor_bobot_wilayah',
                             'usulan', 'permohonan_data', 'berita_acara_serah_terima', 'laporan_pemanfaatan',
                             'laporan_pemanfaatan_penerima'] LOOP
        EXECUTE pg_catalog.format('CREATE TRIGGER pemulihan BEFORE INSERT ON dtks.%I '
                                  'FOR EACH STATEMENT EXECUTE FUNCTION dtks.pemulihan_periksa()', t);
        EXECUTE pg_catalog.format('COMMENT ON TRIGGER pemulihan ON dtks.%I IS %L', t,
                                  'A dump loaded with the triggers on: off for a superuser''s transaction, refused with the recipe for others');
    END LOOP;
END
$pemulihan$;
-- 1.1, bad arguments (fuzz pass): sintetis_titik refuses a boundary that cannot hold a point
-- (22023 from sintetis_batas_periksa) instead of PostGIS's internal error; sintetis_muat refuses
-- NULL seed, count or date (22004), more than 10,000,000 families (54000), a date that is not
-- finite and a laju_galat that is not an object of rates in [0, 1] (22023).
-- The same definitions as sql/install/60_sintetis.sql.

-- The boundary, once checked that a point can be generated inside it (22023 naming what is wrong).
CREATE FUNCTION dtks.sintetis_batas_periksa(batas geometry, srid integer, jenis text, kosong boolean,
                                            luas double precision) RETURNS geometry
    AS 'MODULE_PATHNAME', 'sintetis_batas_periksa' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.sintetis_batas_periksa(geometry, integer, text, boolean, double precision) IS
    'The boundary unchanged if it is a (multi)polygon, not empty, in SRID 4326, with a positive finite area (given its SRID, GeometryType, ST_IsEmpty and ST_Area); else raises 22023 naming what is wrong (argument check of sintetis_titik)';

-- sintetis_titik checks its boundary through sintetis_batas_periksa: redefined, qualified, in 70_kualifikasi.sql.
COMMENT ON FUNCTION dtks.sintetis_titik(geometry, bigint, bigint) IS
    'A deterministic point inside a boundary, for a synthetic household''s location; the boundary is a (multi)polygon with an area in SRID 4326 (22023 otherwise)';

CREATE OR REPLACE FUNCTION dtks.sintetis_muat(benih bigint, jumlah_keluarga integer, wilayah dtks.kode_wilayah DEFAULT NULL,
                                   laju_galat jsonb DEFAULT '{}', acuan date DEFAULT DATE '2026-01-01')
    RETURNS TABLE (rumah_tangga bigint, keluarga bigint, anggota bigint, galat bigint)
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
    SET jit = off
AS $$
DECLARE
    desa dtks.kode_wilayah[];
    kecamatan dtks.kode_wilayah[];
    id_awal bigint;
    n_rt bigint; n_kk bigint; n_orang bigint; n_galat bigint; n_baris bigint;
    laju_tanggal double precision;
    laju_meninggal double precision;
    laju_dua_kk double precision;
    laju_ganda double precision;
    salah text;
BEGIN
    -- the arguments: a NULL region means every region, a NULL laju_galat no faults
    salah := CASE WHEN benih IS NULL THEN 'benih' WHEN jumlah_keluarga IS NULL THEN 'jumlah_keluarga'
                  WHEN acuan IS NULL THEN 'acuan' END;
    IF salah IS NOT NULL THEN
        RAISE EXCEPTION 'sintetis_muat needs a seed, a number of families and a reference date' USING ERRCODE = '22004',
            DETAIL = pg_catalog.format('%s is NULL.', salah);
    END IF;
    IF jumlah_keluarga < 1 THEN
        RAISE EXCEPTION 'sintetis_muat needs at least one family' USING ERRCODE = '22023',
            DETAIL = format('jumlah_keluarga is %s.', jumlah_keluarga);
    END IF;
    IF jumlah_keluarga > 10000000 THEN
        RAISE EXCEPTION 'sintetis_muat generates at most 10000000 families in one call' USING ERRCODE = '54000',
            DETAIL = pg_catalog.format('jumlah_keluarga is %s.', jumlah_keluarga),
            HINT = 'Call it again with another seed: each call adds to the registry.';
    END IF;
    IF NOT pg_catalog.isfinite(acuan) THEN
        RAISE EXCEPTION 'sintetis_muat needs a finite reference date' USING ERRCODE = '22023',
            DETAIL = pg_catalog.format('acuan is %s.', acuan);
    END IF;
    IF pg_catalog.jsonb_typeof(laju_galat) <> 'object' THEN
        RAISE EXCEPTION 'sintetis_muat: laju_galat must be a JSON object of fault rates' USING ERRCODE = '22023',
            DETAIL = pg_catalog.format('laju_galat is a JSON %s.', pg_catalog.jsonb_typeof(laju_galat));
    END IF;
    SELECT pg_catalog.format('%s is %s', e.key, e.value) INTO salah
      FROM pg_catalog.jsonb_each(laju_galat) e
     WHERE e.key NOT IN ('nik_tanggal_beda', 'meninggal_aktif', 'dua_kk', 'nik_ganda')
        OR CASE WHEN pg_catalog.jsonb_typeof(e.value) <> 'number' THEN true
                ELSE e.value::text::numeric NOT BETWEEN 0 AND 1 END
     ORDER BY e.key LIMIT 1;
    IF salah IS NOT NULL THEN
        RAISE EXCEPTION 'sintetis_muat: laju_galat takes rates between 0 and 1 of nik_tanggal_beda, meninggal_aktif, dua_kk and nik_ganda'
            USING ERRCODE = '22023', DETAIL = salah || '.';
    END IF;
    laju_tanggal := coalesce((laju_galat ->> 'nik_tanggal_beda')::double precision, 0);
    laju_meninggal := coalesce((laju_galat ->> 'meninggal_aktif')::double precision, 0);
    laju_dua_kk := coalesce((laju_galat ->> 'dua_kk')::double precision, 0);
    laju_ganda := coalesce((laju_galat ->> 'nik_ganda')::double precision, 0);
    desa := ARRAY(SELECT w.kode FROM dtks.wilayah w
                   WHERE w.tingkat = 4 AND (wilayah IS NULL OR w.kode OPERATOR(dtks.<@) wilayah) ORDER BY w.kode);
    IF cardinality(desa) = 0 THEN
        RAISE EXCEPTION 'sintetis_muat: no desa/kelurahan of the current edition in the region' USING ERRCODE = '22023',
            DETAIL = format('The region is %s; load the region reference first (scripts/load-wilayah).', coalesce(wilayah::text, 'all'));
    END IF;
    kecamatan := ARRAY(SELECT w.kode FROM dtks.wilayah w WHERE w.tingkat = 3 ORDER BY w.kode);
    id_awal := coalesce((SELECT max(h.id) FROM dtks.rumah_tangga h), 0);
    PERFORM dtks.kemajuan_mulai('sintetis_muat', pg_catalog.format('%s families, seed %s, region %s', jumlah_keluarga, benih,
                                                                   coalesce(wilayah::text, 'all')));

    -- families: structure, household (5% share the previous family's), KK issue date
    CREATE TEMP TABLE sintetis_kk ON COMMIT DROP AS
    WITH dasar AS (
        SELECT f,
               dtks.sintetis_pilih(dtks.sintetis_acak(benih, f, 2), '{1,2,3,4,5}', '{0.10,0.25,0.75,0.85}') AS tipe,
               (f > 1 AND dtks.sintetis_acak(benih, f, 5) < 0.05) AS berbagi
          FROM generate_series(1, jumlah_keluarga) AS f),
    rt AS (
        SELECT d.*, max(CASE WHEN NOT d.berbagi THEN d.f END) OVER (ORDER BY d.f) AS rt FROM dasar d)
    SELECT r.f, r.tipe, id_awal + r.rt AS rt_id, NOT r.berbagi AS kepala_rt,
           desa[1 + floor(dtks.sintetis_acak(benih, r.rt, 1) * cardinality(desa))::int] AS desa,
           CASE r.tipe WHEN 1 THEN 0 WHEN 2 THEN 0 WHEN 3 THEN 1 + floor(dtks.sintetis_acak(benih, r.f, 3) * 4)::int
                       ELSE 1 + floor(dtks.sintetis_acak(benih, r.f, 3) * 3)::int END AS anak,
           r.tipe IN (2, 3, 5) AS berpasangan,
           CASE WHEN r.tipe = 4 THEN (CASE WHEN dtks.sintetis_acak(benih, r.f, 4) < 0.7 THEN 'P' ELSE 'L' END)
                WHEN r.tipe = 1 THEN (CASE WHEN dtks.sintetis_acak(benih, r.f, 4) < 0.5 THEN 'P' ELSE 'L' END)
                ELSE (CASE WHEN dtks.sintetis_acak(benih, r.f, 4) < 0.95 THEN 'L' ELSE 'P' END) END AS jk_kepala,
           acuan - (365.25 * (25 + 45 * dtks.sintetis_acak(benih, r.f, 6)))::int AS lahir_kepala,
           acuan - (30 + 15 * 365 * dtks.sintetis_acak(benih, r.f, 7))::int AS terbit,
           CASE WHEN dtks.sintetis_acak(benih, r.f, 8) < 0.5 THEN 7 ELSE 6 END AS tambahan
      FROM rt r;
    GET DIAGNOSTICS n_baris = ROW_COUNT;
    ANALYZE sintetis_kk;
    PERFORM dtks.lapor_kemajuan('sintetis_muat', 'families drawn', n_baris);

    -- people: one row per member slot
    CREATE TEMP TABLE sintetis_orang ON COMMIT DROP AS
    WITH slot AS (
        SELECT k.*, s.slot, k.f * 16 + s.slot AS o,
               1 + k.berpasangan::int + k.anak + (k.tipe = 5)::int AS ukuran
          FROM sintetis_kk k, generate_series(1, 1 + k.berpasangan::int + k.anak + (k.tipe = 5)::int) AS s(slot)),
    peran AS (
        SELECT s.*,
               CASE WHEN s.slot = 1 THEN 1
                    WHEN s.slot = 2 AND s.berpasangan THEN CASE s.jk_kepala WHEN 'L' THEN 3 ELSE 2 END
                    WHEN s.slot = s.ukuran AND s.tipe = 5 THEN s.tambahan
                    ELSE 4 END AS shdk
          FROM slot s),
    lahir AS (
        SELECT p.*,
               CASE p.shdk
                    WHEN 1 THEN p.jk_kepala
                    WHEN 2 THEN 'L' WHEN 3 THEN 'P'
                    ELSE CASE WHEN dtks.sintetis_acak(benih, p.o, 10) < 0.5 THEN 'L' ELSE 'P' END END AS jk,
               CASE p.shdk
                    WHEN 1 THEN p.lahir_kepala
                    WHEN 3 THEN p.lahir_kepala + (365 * (-1 + 7 * dtks.sintetis_acak(benih, p.o, 11)))::int
                    WHEN 2 THEN p.lahir_kepala - (365 * (1 + 5 * dtks.sintetis_acak(benih, p.o, 11)))::int
                    WHEN 7 THEN p.lahir_kepala - (365 * (20 + 15 * dtks.sintetis_acak(benih, p.o, 11)))::int
                    WHEN 6 THEN least(p.lahir_kepala + (365 * (42 + 8 * dtks.sintetis_acak(benih, p.o, 11)))::int,
                                      acuan - (30 + 700 * dtks.sintetis_acak(benih, p.o, 12))::int)
                    ELSE least(p.lahir_kepala + (365 * (20 + 15 * dtks.sintetis_acak(benih, p.o, 11) + 2 * (p.slot - 2)))::int,
                               acuan - (30 + 3000 * dtks.sintetis_acak(benih, p.o, 12))::int) END AS lahir
          FROM peran p),
    nik AS (
        SELECT l.*,
               (CASE WHEN dtks.sintetis_acak(benih, l.o, 13) < 0.9 THEN dtks.leluhur(l.desa, 3)
                     ELSE kecamatan[1 + floor(dtks.sintetis_acak(benih, l.o, 14) * cardinality(kecamatan))::int] END)::text AS prefiks,
               (extract(day FROM l.lahir)::int + CASE l.jk WHEN 'P' THEN 40 ELSE 0 END) * 10000
                 + extract(month FROM l.lahir)::int * 100 + extract(year FROM l.lahir)::int % 100 AS ddmmyy
          FROM lahir l),
    kunci AS (
        SELECT n.*, (replace(n.prefiks, '.', '') || lpad(n.ddmmyy::text, 6, '0'))::bigint AS awalan FROM nik n),
    -- serials continue after those of the NIKs already in the registry with the same first 12 digits
    -- (one pass over the registry's NIKs, not one probe per prefix)
    terpakai AS (
        SELECT x.nik::bigint / 10000 AS awalan, max(x.nik::bigint % 10000) AS sudah
          FROM dtks.anggota x
         WHERE x.nik::bigint / 10000 IN (SELECT k.awalan FROM kunci k)
         GROUP BY 1)
    SELECT k.f, k.o, k.slot, k.shdk, k.jk, k.lahir, k.berpasangan, k.tipe,
           (k.awalan * 10000 + coalesce(t.sudah, 0) + row_number() OVER (PARTITION BY k.awalan ORDER BY k.o))::dtks.nik AS nik_orang
      FROM kunci k LEFT JOIN terpakai t ON t.awalan = k.awalan;
    GET DIAGNOSTICS n_baris = ROW_COUNT;
    ANALYZE sintetis_orang;
    PERFORM dtks.lapor_kemajuan('sintetis_muat', 'people drawn, with their NIKs', n_baris);

    -- KK numbers: the family's kecamatan, the issue date, a serial
    CREATE TEMP TABLE sintetis_no_kk ON COMMIT DROP AS
    WITH kunci AS (
        SELECT k.f, (replace(dtks.leluhur(k.desa, 3)::text, '.', '') || to_char(k.terbit, 'DDMMYY'))::bigint AS awalan
          FROM sintetis_kk k),
    terpakai AS (
        SELECT x.no_kk::bigint / 10000 AS awalan, max(x.no_kk::bigint % 10000) AS sudah
          FROM dtks.keluarga x
         WHERE x.no_kk::bigint / 10000 IN (SELECT k.awalan FROM kunci k)
         GROUP BY 1)
    SELECT k.f, (k.awalan * 10000 + coalesce(t.sudah, 0) + row_number() OVER (PARTITION BY k.awalan ORDER BY k.f))::dtks.no_kk AS no_kk
      FROM kunci k LEFT JOIN terpakai t ON t.awalan = k.awalan;
    GET DIAGNOSTICS n_baris = ROW_COUNT;
    ANALYZE sintetis_no_kk;
    PERFORM dtks.lapor_kemajuan('sintetis_muat', 'KK numbers drawn', n_baris);

    INSERT INTO dtks.anggota (nik, nama, jenis_kelamin, tanggal_lahir, status_kawin, status_hidup, tanggal_meninggal,
                              kartu_identitas, partisipasi_sekolah, jenjang_pendidikan, bekerja, jam_kerja,
                              lapangan_usaha, penyakit_kronis, jaminan_kesehatan, sulit_melihat, sulit_berjalan)
    SELECT o.nik_orang,
           (CASE o.jk WHEN 'L' THEN (ARRAY['Agus','Budi','Bambang','Joko','Eko','Andi','Dedi','Hendra','Rudi','Slamet',
                                            'Wahyu','Yusuf','Ahmad','Muhammad','Rizky','Fajar','Dimas','Arif','Hadi','Iwan',
                                            'Teguh','Sugeng','Heru','Yohanes','Petrus','Made','Ketut','Nyoman','Putu','Yakobus'])
                                           [1 + floor(dtks.sintetis_acak(benih, o.o, 15) * 30)::int]
                      ELSE (ARRAY['Siti','Sri','Dewi','Wati','Ani','Yuni','Rina','Nur','Fitri','Lestari',
                                  'Sari','Indah','Maria','Ayu','Putri','Ratna','Endang','Suminah','Kartini','Nurul',
                                  'Dian','Wulan','Rini','Tuti','Yuliana','Agnes','Fatimah','Aisyah','Veronika','Margaretha'])
                                  [1 + floor(dtks.sintetis_acak(benih, o.o, 15) * 30)::int] END)
             || ' ' || (ARRAY['Santoso','Wijaya','Saputra','Hidayat','Nugroho','Pratama','Siregar','Nasution','Lubis',
                              'Harahap','Simanjuntak','Hutapea','Manurung','Tanjung','Kurniawan','Setiawan','Gunawan',
                              'Susanto','Purnomo','Rahman','Hasibuan','Ndun','Nenobais','Tefa','Banunaek','Nope','Taneo',
                              'Bria','Sulistyo','Wibowo'])[1 + floor(dtks.sintetis_acak(benih, o.o, 16) * 30)::int],
           o.jk,
           o.lahir - CASE WHEN dtks.sintetis_acak(benih, o.o, 40) < laju_tanggal THEN 365 ELSE 0 END,
           CASE WHEN o.shdk IN (2, 3) OR (o.shdk = 1 AND o.berpasangan) THEN 2
                WHEN o.shdk = 1 AND o.tipe = 4 THEN 3 + (dtks.sintetis_acak(benih, o.o, 17) < 0.6)::int
                WHEN o.shdk IN (7, 8) THEN 4
                ELSE 1 END,
           CASE WHEN dtks.sintetis_acak(benih, o.o, 41) < laju_meninggal AND acuan - o.lahir > 365 THEN 'meninggal' ELSE 'aktif' END,
           CASE WHEN dtks.sintetis_acak(benih, o.o, 41) < laju_meninggal AND acuan - o.lahir > 365 THEN acuan - 100 END,
           CASE WHEN acuan - o.lahir >= 17 * 365 THEN 5 ELSE 1 + 2 * (dtks.sintetis_acak(benih, o.o, 18) < 0.6)::int END,
           CASE WHEN acuan - o.lahir < 5 * 365 THEN NULL
                WHEN acuan - o.lahir < 19 * 365 THEN CASE WHEN dtks.sintetis_acak(benih, o.o, 19) < 0.92 THEN 2 ELSE 3 END
                ELSE CASE WHEN dtks.sintetis_acak(benih, o.o, 19) < 0.06 THEN 1 ELSE 3 END END,
           CASE WHEN acuan - o.lahir < 5 * 365 THEN NULL
                WHEN dtks.sintetis_acak(benih, o.o, 19) < 0.06 AND acuan - o.lahir >= 19 * 365 THEN NULL
                ELSE dtks.sintetis_pilih(dtks.sintetis_acak(benih, o.o, 20), '{1,5,8,13,15,18,19,21}',
                                         '{0.05,0.30,0.55,0.78,0.88,0.92,0.99}') END,
           CASE WHEN acuan - o.lahir < 10 * 365 THEN NULL ELSE dtks.sintetis_acak(benih, o.o, 21) < 0.55 END,
           CASE WHEN acuan - o.lahir >= 10 * 365 AND dtks.sintetis_acak(benih, o.o, 21) < 0.55
                THEN (20 + 40 * dtks.sintetis_acak(benih, o.o, 22))::int END,
           CASE WHEN acuan - o.lahir >= 10 * 365 AND dtks.sintetis_acak(benih, o.o, 21) < 0.55
                THEN 1 + floor(dtks.sintetis_acak(benih, o.o, 23) * 26)::int END,
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, o.o, 24), '{1,2,6,3,5,4,18}', '{0.82,0.90,0.94,0.96,0.98,0.99}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, o.o, 25), '{1,2,4,0}', '{0.45,0.63,0.80}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, o.o, 26), '{4,3,2,1}', '{0.93,0.985,0.997}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, o.o, 27), '{4,3,2,1}', '{0.95,0.99,0.998}')
      FROM sintetis_orang o;
    GET DIAGNOSTICS n_baris = ROW_COUNT;
    PERFORM dtks.lapor_kemajuan('sintetis_muat', 'anggota stored', n_baris);

    INSERT INTO dtks.rumah_tangga (id, kode_wilayah, alamat, rt, rw, lokasi, kepala_nik, status_bangunan, bukti_lahan,
                                   luas_lantai, jenis_lantai, jenis_dinding, jenis_atap, sumber_air_minum, jarak_tinja,
                                   sumber_penerangan, daya_listrik, bahan_bakar, fasilitas_bab, jenis_kloset, pembuangan_tinja)
    OVERRIDING SYSTEM VALUE
    SELECT k.rt_id, k.desa,
           'Jl. ' || (ARRAY['Merdeka','Sudirman','Diponegoro','Kartini','Pemuda','Mawar','Melati','Kenanga','Flamboyan',
                            'Cempaka','Anggrek','Masjid','Pasar','Sekolah','Raya'])[1 + floor(dtks.sintetis_acak(benih, k.f, 30) * 15)::int]
             || ' No. ' || (1 + floor(dtks.sintetis_acak(benih, k.f, 31) * 150)::int),
           lpad((1 + floor(dtks.sintetis_acak(benih, k.f, 32) * 15)::int)::text, 3, '0'),
           lpad((1 + floor(dtks.sintetis_acak(benih, k.f, 33) * 8)::int)::text, 3, '0'),
           (SELECT dtks.sintetis_titik(w.batas, benih, k.f) FROM dtks.wilayah w WHERE w.kode OPERATOR(dtks.=) k.desa AND w.batas IS NOT NULL),
           o.nik_orang,
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 34), '{1,2,3,6,4,5}', '{0.80,0.90,0.96,0.98,0.99}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 35), '{1,5,4,6,2,3}', '{0.45,0.65,0.75,0.92,0.96}'),
           (18 + 120 * dtks.sintetis_acak(benih, k.f, 36) ^ 2)::int,
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 37), '{2,6,4,8,5,1,7,3,9}', '{0.50,0.75,0.82,0.89,0.95,0.97,0.985,0.995}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 38), '{1,3,4,2,6,5,7}', '{0.75,0.85,0.92,0.96,0.98,0.99}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 39), '{2,3,4,1,5,7,6,8}', '{0.48,0.80,0.88,0.94,0.97,0.99,0.995}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 40), '{2,4,3,5,1,6,7,9,10,12,11,8,13}',
                               '{0.40,0.62,0.72,0.82,0.87,0.90,0.92,0.94,0.96,0.97,0.98,0.99}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 41), '{2,1,3}', '{0.70,0.95}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 42), '{1,2,3,4}', '{0.93,0.97,0.99}'),
           ARRAY[dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 43), '{1,2,3,4,5}', '{0.30,0.75,0.90,0.97}')]::smallint[],
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 44), '{4,3,10,1,7,2,12,11}', '{0.70,0.78,0.90,0.93,0.95,0.97,0.99}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 45), '{1,2,4,3,6,5}', '{0.82,0.88,0.92,0.95,0.98}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 46), '{1,2,3,4}', '{0.88,0.94,0.97}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 47), '{1,4,3,5,2,6}', '{0.70,0.82,0.92,0.96,0.99}')
      FROM sintetis_kk k JOIN sintetis_orang o ON o.f = k.f AND o.slot = 1
     WHERE k.kepala_rt;
    GET DIAGNOSTICS n_baris = ROW_COUNT;
    PERFORM dtks.lapor_kemajuan('sintetis_muat', 'rumah_tangga stored', n_baris);
    PERFORM pg_catalog.setval(pg_catalog.pg_get_serial_sequence('dtks.rumah_tangga', 'id'),
                              greatest(id_awal + jumlah_keluarga, 1));

    INSERT INTO dtks.keluarga (no_kk, rumah_tangga_id, alasan_terbit, bpnt_sejak, pkh_sejak, subsidi_listrik_sejak,
                               punya_tabung_gas, punya_lemari_es, punya_ac, punya_televisi, punya_emas, punya_komputer,
                               punya_sepeda_motor, punya_mobil, punya_smartphone, jumlah_sapi, jumlah_kambing,
                               punya_lahan_lain, internet, rekening)
    SELECT n.no_kk, k.rt_id, CASE WHEN k.kepala_rt THEN 'baru' ELSE 'pecah_kk' END,
           CASE WHEN dtks.sintetis_acak(benih, k.f, 50) < 0.20 THEN date_trunc('month', k.terbit + 60)::date END,
           CASE WHEN dtks.sintetis_acak(benih, k.f, 51) < 0.10 THEN date_trunc('month', k.terbit + 90)::date END,
           CASE WHEN dtks.sintetis_acak(benih, k.f, 52) < 0.35 THEN date_trunc('month', k.terbit + 30)::date END,
           dtks.sintetis_acak(benih, k.f, 53) < 0.30, dtks.sintetis_acak(benih, k.f, 54) < 0.55,
           dtks.sintetis_acak(benih, k.f, 55) < 0.10, dtks.sintetis_acak(benih, k.f, 56) < 0.45,
           dtks.sintetis_acak(benih, k.f, 57) < 0.15, dtks.sintetis_acak(benih, k.f, 58) < 0.20,
           dtks.sintetis_acak(benih, k.f, 59) < 0.75, dtks.sintetis_acak(benih, k.f, 60) < 0.08,
           dtks.sintetis_acak(benih, k.f, 61) < 0.80,
           CASE WHEN dtks.sintetis_acak(benih, k.f, 62) < 0.08 THEN (1 + floor(dtks.sintetis_acak(benih, k.f, 63) * 4))::int ELSE 0 END,
           CASE WHEN dtks.sintetis_acak(benih, k.f, 64) < 0.12 THEN (1 + floor(dtks.sintetis_acak(benih, k.f, 65) * 6))::int ELSE 0 END,
           dtks.sintetis_acak(benih, k.f, 66) < 0.25,
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 67), '{3,0,2,1}', '{0.55,0.80,0.96}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 68), '{4,2,1,3}', '{0.45,0.90,0.95}')
      FROM sintetis_kk k JOIN sintetis_no_kk n ON n.f = k.f;
    GET DIAGNOSTICS n_baris = ROW_COUNT;
    PERFORM dtks.lapor_kemajuan('sintetis_muat', 'keluarga stored', n_baris);

    INSERT INTO dtks.keanggotaan (nik, no_kk, shdk, berlaku)
    SELECT o.nik_orang, n.no_kk, o.shdk, daterange(greatest(k.terbit, o.lahir), NULL)
      FROM sintetis_orang o JOIN sintetis_kk k ON k.f = o.f JOIN sintetis_no_kk n ON n.f = o.f;
    GET DIAGNOSTICS n_baris = ROW_COUNT;
    PERFORM dtks.lapor_kemajuan('sintetis_muat', 'keanggotaan stored', n_baris);

    -- the injected faults: loaded ones, and the two kinds the rules refuse, kept aside to be tried
    INSERT INTO dtks.sintetis_galat (benih, jenis, nik, no_kk, dimuat, shdk, nama, jenis_kelamin, tanggal_lahir)
    SELECT benih, 'nik_tanggal_beda', o.nik_orang, n.no_kk, true, NULL::integer, NULL::text, NULL::text, NULL::date
      FROM sintetis_orang o JOIN sintetis_no_kk n ON n.f = o.f WHERE dtks.sintetis_acak(benih, o.o, 40) < laju_tanggal
    UNION ALL
    SELECT benih, 'meninggal_aktif', o.nik_orang, n.no_kk, true, NULL, NULL, NULL, NULL
      FROM sintetis_orang o JOIN sintetis_no_kk n ON n.f = o.f
     WHERE dtks.sintetis_acak(benih, o.o, 41) < laju_meninggal AND acuan - o.lahir > 365
    UNION ALL
    SELECT benih, 'dua_kk', o.nik_orang, n.no_kk, false, 4, NULL, NULL, NULL
      FROM sintetis_orang o JOIN sintetis_no_kk n ON n.f = o.f % jumlah_keluarga + 1
     WHERE jumlah_keluarga > 1 AND dtks.sintetis_acak(benih, o.o, 42) < laju_dua_kk
    UNION ALL
    SELECT benih, 'nik_ganda', o.nik_orang, n.no_kk, false, 11, 'Ganda ' || o.o, o.jk, o.lahir
      FROM sintetis_orang o JOIN sintetis_no_kk n ON n.f = o.f % jumlah_keluarga + 1
     WHERE dtks.sintetis_acak(benih, o.o, 43) < laju_ganda;
    GET DIAGNOSTICS n_baris = ROW_COUNT;
    PERFORM dtks.lapor_kemajuan('sintetis_muat', 'faults recorded (dtks.sintetis_galat)', n_baris);

    SELECT count(*) FILTER (WHERE k.kepala_rt), count(*) INTO n_rt, n_kk FROM sintetis_kk k;
    SELECT count(*) INTO n_orang FROM sintetis_orang;
    SELECT count(*) INTO n_galat FROM dtks.sintetis_galat g WHERE g.benih = sintetis_muat.benih;
    DROP TABLE sintetis_kk, sintetis_orang, sintetis_no_kk;
    RETURN QUERY SELECT n_rt, n_kk, n_orang, n_galat;
END
$$;
COMMENT ON FUNCTION dtks.sintetis_muat(bigint, integer, dtks.kode_wilayah, jsonb, date) IS
    'Load jumlah_keluarga synthetic families (same seed, same data) into the registry in a region''s desa, with realistic structure, valid NIKs and KK numbers, questionnaire answers and locations; laju_galat injects faults, e.g. {"nik_tanggal_beda": 0.01, "meninggal_aktif": 0.005, "dua_kk": 0.001, "nik_ganda": 0.001}';
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
-- 1.1: dtks.nama_kunci closes the gaps found with realistic names (issue 19): Tanjoeng keys as
-- TANJUNG again (an NJ or J inside a word is the old NY or Y only after an earlier old mark), HJ
-- and the old J of Jusuf, Junus, Jakub, Jasin, Jazid, Jahja read as Y, the degrees of Permenristekdikti 59/2018 with
-- dots (A.Md.*, S.Tr.*, Sp.*, ...) and without them at the end, religious and customary titles,
-- the forms of Ahmad.  The function moves to the C symbol nama_kunci_11; the symbol nama_kunci a
-- 1.0 database declares keeps the 1.0 rules, so that what such a database stored from the key
-- stays right while it runs the new library before this update.
--
-- The key is IMMUTABLE, so whatever was stored from it must be made again now that it changes:
-- 1.0 itself stores no key (dtks.instansi.nama_kunci is a generated column of its own, an
-- upper-cased regexp_replace of the agency's name that does not call dtks.nama_kunci, and no index
-- of 1.0 is on it; padankan_usulan compares the keys at run time), but a site may have built an
-- expression index, a stored generated column or a materialized view on it, and an earlier
-- fragment of this update may have.  Those are found through pg_depend and rebuilt below: indexes
-- REINDEXed, generated columns recomputed by an UPDATE of their table, materialized views
-- refreshed.  A CHECK constraint calling it is not re-checked (PostgreSQL does not re-validate a
-- valid constraint); a notice names it.  The findings of earlier matching runs (usulan_temuan
-- nama_beda) are not rewritten: they record what each run decided; the next padankan_usulan run
-- compares with the new key.  A UNIQUE index on the key fails the update (unique_violation, naming
-- the index) when two rows that differed under the 1.0 rules now meet (Budi Santoso SE and Budi
-- Santoso): such rows are one person under the new rules, and the site decides which stays.
-- Rebuilding needs the right to REINDEX and UPDATE those objects (their owner or a superuser).

CREATE OR REPLACE FUNCTION dtks.nama_kunci(nama text) RETURNS text
    AS 'MODULE_PATHNAME', 'nama_kunci_11' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nama_kunci(text) IS
    'A matching key for an Indonesian personal name: upper case, letters only; degrees after a comma, written with dots (S.Pd., A.Md.Kep., S.Tr.Kes., Sp.PD, Lc.) or without them at the end (SE, MM) dropped; titles before the name dropped (H., Hj., Drs., Prof., K.H., Kyai, Ust., Pdt., Sr., Pastor, Romo, Tuan Guru, Raden), names such as I, Ni, Ida Bagus, Andi, Teuku, Cut, Habib kept; the old spelling read in words that carry it (oe/u, dj/j, tj/c, sj/sy, hj/hy; j/y and nj/ny after an earlier mark, nj/ny also at the start of a word) and j/y in Jusuf, Junus, Jakub, Jasin, Jazid, Jahja; CH/KH/DH/TH/PH/Q folded, doubled letters once; the forms of Muhammad as MUHAMAD and of Ahmad as AHMAD';

DO $nama_kunci$
DECLARE
    fungsi oid := 'dtks.nama_kunci(text)'::pg_catalog.regprocedure;
    r record;
BEGIN
    -- expression and partial indexes on the key (their own dependency on the function)
    FOR r IN SELECT DISTINCT d.objid::pg_catalog.regclass AS indeks
               FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) d.objid
              WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
                AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
                AND d.refobjid OPERATOR(pg_catalog.=) fungsi AND c.relkind IN ('i', 'I')
    LOOP
        EXECUTE pg_catalog.format('REINDEX INDEX %s', r.indeks);
    END LOOP;
    -- stored generated columns computed from the key: an UPDATE that assigns the table's ordinary
    -- columns to themselves computes them again (PostgreSQL recomputes a generated column only when a
    -- column it reads is assigned), and its indexes follow
    FOR r IN SELECT DISTINCT a.adrelid::pg_catalog.regclass AS tabel,
                    (SELECT pg_catalog.string_agg(pg_catalog.format('%1$I = %1$I', k.attname), ', ' ORDER BY k.attnum)
                       FROM pg_catalog.pg_attribute k
                      WHERE k.attrelid OPERATOR(pg_catalog.=) a.adrelid AND k.attnum OPERATOR(pg_catalog.>) 0
                        AND NOT k.attisdropped AND k.attgenerated OPERATOR(pg_catalog.=) ''
                        AND k.attidentity OPERATOR(pg_catalog.<>) 'a') AS kolom
               FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_attrdef a ON a.oid OPERATOR(pg_catalog.=) d.objid
              WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_attrdef'::pg_catalog.regclass
                AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
                AND d.refobjid OPERATOR(pg_catalog.=) fungsi
    LOOP
        IF r.kolom IS NOT NULL THEN
            EXECUTE pg_catalog.format('UPDATE %s SET %s', r.tabel, r.kolom);
        END IF;
    END LOOP;
    -- materialized views reading the key
    FOR r IN SELECT DISTINCT w.ev_class::pg_catalog.regclass AS tampilan
               FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_rewrite w ON w.oid OPERATOR(pg_catalog.=) d.objid
               JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) w.ev_class
              WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_rewrite'::pg_catalog.regclass
                AND d.refobjid OPERATOR(pg_catalog.=) fungsi AND c.relkind OPERATOR(pg_catalog.=) 'm'
                AND c.relispopulated
    LOOP
        EXECUTE pg_catalog.format('REFRESH MATERIALIZED VIEW %s', r.tampilan);
    END LOOP;
    FOR r IN SELECT DISTINCT o.conname, o.conrelid::pg_catalog.regclass AS tabel
               FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_constraint o ON o.oid OPERATOR(pg_catalog.=) d.objid
              WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_constraint'::pg_catalog.regclass
                AND d.refobjid OPERATOR(pg_catalog.=) fungsi
    LOOP
        RAISE NOTICE 'constraint % on % calls dtks.nama_kunci, whose rules changed: it is not checked again', r.conname, r.tabel;
    END LOOP;
END
$nama_kunci$;
-- 1.1: the comparison kernel (sql/install/80_banding.sql, the same text).

CREATE FUNCTION dtks.jaro_winkler(a text, b text) RETURNS double precision
    AS 'MODULE_PATHNAME', 'jaro_winkler' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.jaro_winkler(text, text) IS
    'Jaro-Winkler similarity of two strings in [0, 1], on characters: Jaro (matches within half the longer length less one, half the out-of-order matches as transpositions) plus 0.1 per common prefix character (at most 4) of what is left to 1; 1 for two empty strings; strings of more than 255 characters are refused (54000)';

CREATE FUNCTION dtks.damerau_levenshtein(a text, b text) RETURNS integer
    AS 'MODULE_PATHNAME', 'damerau_levenshtein' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.damerau_levenshtein(text, text) IS
    'Optimal string alignment distance of two strings, on characters: the fewest insertions, deletions, substitutions and swaps of two adjacent characters (a swapped pair not edited again); strings of more than 255 characters are refused (54000)';

CREATE FUNCTION dtks.nama_banding(a text, b text) RETURNS double precision
    AS 'MODULE_PATHNAME', 'nama_banding' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nama_banding(text, text) IS
    'Similarity in [0, 1] of two name keys (dtks.nama_kunci) word by word, order free: the words paired one to one to maximise the sum S of pair scores (1 equal, 0.9 a one-letter initial and a word starting with it, else Jaro-Winkler when at least 0.8, no pair below); with P pairs and U words left unpaired the result is 2S / (2P + 0.5U), so a dropped word costs less than a wrong one; when only one key has BIN or BINTI (with the father''s name after it), 0.95 of the comparison of the words before it counts if higher; 1 for two keys without words, 0 when one has none; keys of more than 255 characters or 12 words are refused (54000)';

CREATE FUNCTION dtks.nik_banding(diketik text, nik dtks.nik) RETURNS text
    AS 'MODULE_PATHNAME', 'nik_banding' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nik_banding(text, dtks.nik) IS
    'The class of the difference of a typed NIK (its digits; anything else typed is skipped) from a real one: sama, satu_digit (one digit wrong), tukar_berdekatan (two adjacent digits swapped), tanggal_bulan_tertukar (day and month fields, digits 7-8 and 9-10, swapped as typed or with the female +40 moved to the new day), digit_hilang (a digit dropped), digit_lebih (a digit added), kosong (no digit), lain';

CREATE FUNCTION dtks.nik_jarak(diketik text, nik dtks.nik) RETURNS integer
    AS 'MODULE_PATHNAME', 'nik_jarak' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nik_jarak(text, dtks.nik) IS
    'Optimal string alignment distance of the digits of a typed NIK (anything else typed is skipped) from the 16 digits of a real one';

CREATE FUNCTION dtks.nik_kunci_sekitar(teks text) RETURNS text[]
    AS 'MODULE_PATHNAME', 'nik_kunci_sekitar' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nik_kunci_sekitar(text) IS
    'Keys of the neighbourhood of the digits of a text (anything else skipped), for a GIN index: a typed NIK and a real one of any class of dtks.nik_banding but lain and kosong share a key.  16 digits: the digits, with one position written _ (16 keys), two adjacent ones (15), digits 7-10, and with one digit deleted (16); 15 digits: the digits; 17: with one digit deleted (17); otherwise none';
-- 1.1: the matching with Dukcapil by NIK, name and address (sql/install/81_padan_model.sql,
-- 82_pemadanan.sql, 82_pemadanan_cari.sql, 82_pemadanan_jalankan.sql, 83_akses.sql, 90_cadangan.sql; the same text).

-- The score model of the matching with Dukcapil (src/padan.c): how alike a typed person and a record
-- are, as a Fellegi-Sunter sum.  Each field is compared to a level (dtks.padan_tingkat); each level
-- has, per model, the chance m of that level when the two are one person and u when they are two
-- (dtks.padan_bobot); the level weighs log2(m/u) and the score is the sum over the fields.  The
-- weights are data: a DBA may edit them (pg_dump keeps the edits), and every backend reads them
-- again after a change.  dtks.cari_penduduk and dtks.padankan_usulan use the model 'dukcapil'; the
-- FEBRL benchmark (bench/febrl.sh) its own.

-- The fields and their comparison levels.
CREATE TABLE dtks.padan_tingkat (
    bidang text NOT NULL,
    tingkat text NOT NULL,
    urutan integer NOT NULL,
    keterangan text NOT NULL,
    PRIMARY KEY (bidang, tingkat)
);
COMMENT ON TABLE dtks.padan_tingkat IS
    'The fields the score model compares and the levels of each comparison (fixed by src/padan.c)';
COMMENT ON COLUMN dtks.padan_tingkat.bidang IS 'Field: nik, nama, tanggal_lahir, jenis_kelamin, wilayah, nik_wilayah, alamat';
COMMENT ON COLUMN dtks.padan_tingkat.tingkat IS 'Level of the comparison';
COMMENT ON COLUMN dtks.padan_tingkat.urutan IS 'Order of the level within its field, closest first';
COMMENT ON COLUMN dtks.padan_tingkat.keterangan IS 'When a comparison has this level';
COMMENT ON INDEX dtks.padan_tingkat_pkey IS 'One row per field and level';
INSERT INTO dtks.padan_tingkat (bidang, tingkat, urutan, keterangan) VALUES
    ('nik', 'sama', 1, 'the typed digits are the NIK'),
    ('nik', 'satu_digit', 2, 'one digit wrong'),
    ('nik', 'tukar_berdekatan', 3, 'two adjacent digits swapped'),
    ('nik', 'tanggal_bulan_tertukar', 4, 'day and month fields (digits 7-8, 9-10) swapped, as typed or before the woman''s +40'),
    ('nik', 'digit_hilang', 5, 'one digit dropped'),
    ('nik', 'digit_lebih', 6, 'one digit too many'),
    ('nik', 'no_kk', 7, 'the number of the record''s family card (KK) typed for the NIK'),
    ('nik', 'lain', 8, 'any other difference'),
    ('nik', 'kosong', 9, 'no NIK typed: no digit, one digit repeated (0000000000000000), or fewer than 14 against a NIK; or no number on the record'),
    ('nama', 'sama', 1, 'dtks.nama_banding of the name keys at least 0.999 (the same words, in any order)'),
    ('nama', 'hampir', 2, 'dtks.nama_banding at least 0.93 (a typing error, an initial)'),
    ('nama', 'mirip', 3, 'dtks.nama_banding at least 0.85 (a dropped word, two errors)'),
    ('nama', 'agak', 4, 'dtks.nama_banding at least 0.75'),
    ('nama', 'beda', 5, 'dtks.nama_banding below 0.75'),
    ('nama', 'kosong', 6, 'a name key is empty or missing'),
    ('tanggal_lahir', 'sama', 1, 'the same date'),
    ('tanggal_lahir', 'tertukar', 2, 'day and month swapped'),
    ('tanggal_lahir', 'hari', 3, 'only the day differs, or the dates are one day apart'),
    ('tanggal_lahir', 'bulan', 4, 'only the month differs'),
    ('tanggal_lahir', 'tahun', 5, 'only the year differs'),
    ('tanggal_lahir', 'baku', 6, 'one is 1 January or 31 December, the placeholder of an unknown day, in the other''s year'),
    ('tanggal_lahir', 'beda', 7, 'any other difference'),
    ('tanggal_lahir', 'kosong', 8, 'a date is missing'),
    ('jenis_kelamin', 'sama', 1, 'the same sex (L, P; laki-laki, perempuan, pria, wanita, 1, 2 read as L or P)'),
    ('jenis_kelamin', 'beda', 2, 'another sex'),
    ('jenis_kelamin', 'kosong', 3, 'not given or not readable'),
    ('wilayah', 'desa', 1, 'the same desa/kelurahan'),
    ('wilayah', 'kecamatan', 2, 'the same kecamatan (or the typed region is a kecamatan and holds the record''s)'),
    ('wilayah', 'kabkota', 3, 'the same kab/kota'),
    ('wilayah', 'provinsi', 4, 'the same province'),
    ('wilayah', 'beda', 5, 'another province'),
    ('wilayah', 'kosong', 6, 'a region is missing'),
    ('nik_wilayah', 'kecamatan', 1, 'the record''s NIK was first registered in the typed kecamatan (counted only when the typed NIK is kosong or lain)'),
    ('nik_wilayah', 'kabkota', 2, 'in another kecamatan of the typed kab/kota'),
    ('nik_wilayah', 'beda', 3, 'elsewhere'),
    ('nik_wilayah', 'kosong', 4, 'not counted (the typed NIK is near the record''s, or no region or NIK)'),
    ('alamat', 'sama', 1, 'pg_trgm similarity of the addresses at least 0.8'),
    ('alamat', 'mirip', 2, 'at least 0.45'),
    ('alamat', 'beda', 3, 'below 0.45'),
    ('alamat', 'kosong', 4, 'no address compared');

-- The weights: m and u per model, field and level.
CREATE TABLE dtks.padan_bobot (
    model text NOT NULL CHECK (model ~ '^[a-z0-9_]{1,63}$'),
    bidang text NOT NULL,
    tingkat text NOT NULL,
    m double precision NOT NULL CHECK (m > 0 AND m <= 1),
    u double precision NOT NULL CHECK (u > 0 AND u <= 1),
    keterangan text,
    bawaan boolean NOT NULL DEFAULT false,
    PRIMARY KEY (model, bidang, tingkat),
    FOREIGN KEY (bidang, tingkat) REFERENCES dtks.padan_tingkat (bidang, tingkat)
);
COMMENT ON TABLE dtks.padan_bobot IS
    'Fellegi-Sunter weights of the score model: per model, field and level, m = P(level | one person) and u = P(level | two people); the level weighs log2(m/u), a level without a row 0; read again by every backend after a change';
COMMENT ON COLUMN dtks.padan_bobot.model IS 'Model name (dukcapil: the candidate search and the matching)';
COMMENT ON COLUMN dtks.padan_bobot.bidang IS 'Field (dtks.padan_tingkat)';
COMMENT ON COLUMN dtks.padan_bobot.tingkat IS 'Level of the field''s comparison';
COMMENT ON COLUMN dtks.padan_bobot.m IS 'Chance of the level when the typed person and the record are one person';
COMMENT ON COLUMN dtks.padan_bobot.u IS 'Chance of the level when they are two people (of one kab/kota, the scope of a search)';
COMMENT ON COLUMN dtks.padan_bobot.keterangan IS 'Where m and u come from';
COMMENT ON COLUMN dtks.padan_bobot.bawaan IS 'Shipped with the extension (pg_dump keeps every row not as shipped: see dtks.aturan_bawaan)';
COMMENT ON INDEX dtks.padan_bobot_pkey IS 'One row per model, field and level';
SELECT pg_catalog.pg_extension_config_dump('dtks.padan_bobot'::regclass,
    'WHERE NOT dtks.aturan_utuh(''padan_bobot'', padan_bobot)');

CREATE FUNCTION dtks.padan_bobot_berubah() RETURNS trigger
    AS 'MODULE_PATHNAME', 'padan_bobot_berubah' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION dtks.padan_bobot_berubah() IS
    'Statement trigger on dtks.padan_bobot: every backend reads the weights again before its next score';
CREATE TRIGGER padan_bobot_berubah AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON dtks.padan_bobot
    FOR EACH STATEMENT EXECUTE FUNCTION dtks.padan_bobot_berubah();
COMMENT ON TRIGGER padan_bobot_berubah ON dtks.padan_bobot IS 'Read the weights again everywhere';

-- The shipped models.  dukcapil: m from the error rates of Indonesian data entry the test-set
-- generator documents (bench/pemadanan/README.md), u from pairs of different people of one kab/kota.
INSERT INTO dtks.padan_bobot (model, bidang, tingkat, m, u, keterangan, bawaan) VALUES
    ('dukcapil', 'nik', 'sama', 0.83, 0.0001, 'a NIK typed right; another person''s NIK typed by mistake', true),
    ('dukcapil', 'nik', 'satu_digit', 0.06, 0.0005, 'one key wrong', true),
    ('dukcapil', 'nik', 'tukar_berdekatan', 0.03, 0.0002, 'two keys swapped', true),
    ('dukcapil', 'nik', 'tanggal_bulan_tertukar', 0.01, 0.00005, 'the date fields written the other way round', true),
    ('dukcapil', 'nik', 'digit_hilang', 0.02, 0.0002, 'a key missed', true),
    ('dukcapil', 'nik', 'digit_lebih', 0.01, 0.0001, 'a key pressed twice', true),
    ('dukcapil', 'nik', 'no_kk', 0.02, 0.01, 'the KK number typed: it names the family, not the person', true),
    ('dukcapil', 'nik', 'lain', 0.04, 0.9992, 'two errors, or another number typed', true),
    ('dukcapil', 'nik', 'kosong', 1, 1, 'no evidence', true),
    ('dukcapil', 'nama', 'sama', 0.64, 0.001, 'the same key (old spelling, titles, degrees, word order folded)', true),
    ('dukcapil', 'nama', 'hampir', 0.30, 0.004, 'one typing error or an initial', true),
    ('dukcapil', 'nama', 'mirip', 0.10, 0.02, 'a dropped word or two errors; also siblings', true),
    ('dukcapil', 'nama', 'agak', 0.12, 0.05, 'a dropped word, a nickname', true),
    ('dukcapil', 'nama', 'beda', 0.003, 0.925, 'another name (a relative: another given name)', true),
    ('dukcapil', 'nama', 'kosong', 1, 1, 'no evidence', true),
    ('dukcapil', 'tanggal_lahir', 'sama', 0.85, 0.0005, 'the same date', true),
    ('dukcapil', 'tanggal_lahir', 'tertukar', 0.02, 0.00005, 'day and month swapped', true),
    ('dukcapil', 'tanggal_lahir', 'hari', 0.06, 0.002, 'the day mistyped', true),
    ('dukcapil', 'tanggal_lahir', 'bulan', 0.03, 0.001, 'the month mistyped', true),
    ('dukcapil', 'tanggal_lahir', 'tahun', 0.03, 0.002, 'the year mistyped', true),
    ('dukcapil', 'tanggal_lahir', 'baku', 0.03, 0.003, 'the day unknown when typed, or to Dukcapil', true),
    ('dukcapil', 'tanggal_lahir', 'beda', 0.02, 0.99, 'another date (a father, a relative)', true),
    ('dukcapil', 'tanggal_lahir', 'kosong', 1, 1, 'no evidence', true),
    ('dukcapil', 'jenis_kelamin', 'sama', 0.97, 0.5, 'the same sex', true),
    ('dukcapil', 'jenis_kelamin', 'beda', 0.008, 0.5, 'the sex mistyped', true),
    ('dukcapil', 'jenis_kelamin', 'kosong', 1, 1, 'no evidence', true),
    ('dukcapil', 'wilayah', 'desa', 0.75, 0.05, 'living where Dukcapil has the address', true),
    ('dukcapil', 'wilayah', 'kecamatan', 0.10, 0.10, 'moved within the kecamatan', true),
    ('dukcapil', 'wilayah', 'kabkota', 0.07, 0.25, 'moved within the kab/kota', true),
    ('dukcapil', 'wilayah', 'provinsi', 0.04, 0.30, 'moved within the province', true),
    ('dukcapil', 'wilayah', 'beda', 0.04, 0.30, 'moved further', true),
    ('dukcapil', 'wilayah', 'kosong', 1, 1, 'no evidence', true),
    ('dukcapil', 'nik_wilayah', 'kecamatan', 0.3, 0.1, 'registered where born and still living there', true),
    ('dukcapil', 'nik_wilayah', 'kabkota', 0.3, 0.5, 'registered in the kab/kota', true),
    ('dukcapil', 'nik_wilayah', 'beda', 0.2, 0.4, 'registered elsewhere', true),
    ('dukcapil', 'nik_wilayah', 'kosong', 1, 1, 'not counted', true),
    ('dukcapil', 'alamat', 'sama', 0.6, 0.05, 'the same address text', true),
    ('dukcapil', 'alamat', 'mirip', 0.25, 0.2, 'the address written otherwise', true),
    ('dukcapil', 'alamat', 'beda', 0.15, 0.75, 'another address (or moved)', true),
    ('dukcapil', 'alamat', 'kosong', 1, 1, 'no evidence', true);

-- The score: the sum of the weights of every field's level.
CREATE FUNCTION dtks.padan_nilai(model text, nik_ketik text, nik_calon text, kunci_ketik text, kunci_calon text,
                                 lahir_ketik date, lahir_calon date, jk_ketik text, jk_calon text,
                                 wilayah_ketik dtks.kode_wilayah, wilayah_calon dtks.kode_wilayah,
                                 alamat_mirip double precision, kk_calon text DEFAULT NULL) RETURNS double precision
    AS 'MODULE_PATHNAME', 'padan_nilai' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION dtks.padan_nilai(text, text, text, text, text, date, date, text, text, dtks.kode_wilayah, dtks.kode_wilayah, double precision, text) IS
    'Score of a typed person (the _ketik arguments) against a record (_calon): every field compared to its level (dtks.padan_tingkat: the NIK by dtks.nik_banding on the digits, or the same classes for numbers of another length; the name keys by dtks.nama_banding; dates, sex, desa, the record NIK''s kecamatan of first registration; alamat_mirip, a similarity of the addresses the caller measured; kk_calon, the record''s KK number, tells a KK number typed for the NIK), the sum of log2(m/u) of those levels in the model''s dtks.padan_bobot (NULL model: dukcapil); a NULL argument is the level kosong; 42704 for a model without weights';

-- The same, field by field.
CREATE FUNCTION dtks.padan_rincian(model text, nik_ketik text, nik_calon text, kunci_ketik text, kunci_calon text,
                                   lahir_ketik date, lahir_calon date, jk_ketik text, jk_calon text,
                                   wilayah_ketik dtks.kode_wilayah, wilayah_calon dtks.kode_wilayah,
                                   alamat_mirip double precision, kk_calon text DEFAULT NULL) RETURNS jsonb
    AS 'MODULE_PATHNAME', 'padan_rincian' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION dtks.padan_rincian(text, text, text, text, text, date, date, text, text, dtks.kode_wilayah, dtks.kode_wilayah, double precision, text) IS
    'dtks.padan_nilai field by field: {"skor": the sum, "<field>": {"tingkat": level, "nilai": the name or address similarity, "bobot": its weight}, ...}';

-- The neighbourhoods the candidate search looks up.
CREATE FUNCTION dtks.nik_sekitar(teks text) RETURNS dtks.nik[]
    AS 'MODULE_PATHNAME', 'nik_sekitar' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nik_sekitar(text) IS
    'The valid NIKs one typing error from the digits of a text (anything else skipped), sorted: 16 digits give themselves, every digit changed, every adjacent pair swapped, the day and month fields swapped; 15 digits a digit inserted anywhere; 17 a digit deleted; none for other counts.  Every NIK whose dtks.nik_banding with the text is neither lain nor kosong is among them';

CREATE FUNCTION dtks.tanggal_sekitar(tanggal date) RETURNS date[]
    AS 'MODULE_PATHNAME', 'tanggal_sekitar' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.tanggal_sekitar(date) IS
    'The date, the days before and after it, the same day of the months and of the years before and after, and the date with day and month swapped, where the calendar has them, sorted: where a mistyped birth date is looked up';

CREATE FUNCTION dtks.tanggal_dari_teks(teks text) RETURNS date
    AS 'MODULE_PATHNAME', 'tanggal_dari_teks' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.tanggal_dari_teks(text) IS
    'The date of a text written YYYY-MM-DD (as usulan data holds birth dates), NULL for anything else or a day the calendar does not have: no error for what a desa typed';

-- The extract: the name key each record is compared by, and the indexes of the candidate search.
ALTER TABLE dtks.penduduk ADD COLUMN nama_kunci text GENERATED ALWAYS AS (dtks.nama_kunci(nama)) STORED;
COMMENT ON COLUMN dtks.penduduk.nama_kunci IS 'dtks.nama_kunci of the name (generated; COPY without a column list leaves it out), what the candidate search compares';
COMMENT ON INDEX dtks.penduduk_pkey IS 'One row per NIK (the candidate search looks up the NIKs near a typed one here)';
CREATE INDEX penduduk_nama_kunci ON dtks.penduduk USING gin (nama_kunci gin_trgm_ops);
COMMENT ON INDEX dtks.penduduk_nama_kunci IS 'Trigrams of the name keys (pg_trgm): the candidate search by name';
CREATE INDEX penduduk_tanggal_lahir ON dtks.penduduk (tanggal_lahir, kode_wilayah) INCLUDE (nik, nama_kunci, jenis_kelamin, no_kk);
COMMENT ON INDEX dtks.penduduk_tanggal_lahir IS 'Birth dates and desa with what the score compares: the candidate search by the dates near a typed one inside a region, read from the index alone';

-- The findings: the proposed NIK with its score and comparison, and the new kinds.
ALTER TABLE dtks.usulan_temuan DROP CONSTRAINT usulan_temuan_temuan_check;
ALTER TABLE dtks.usulan_temuan ADD COLUMN nik_usulan dtks.nik, ADD COLUMN skor double precision, ADD COLUMN rincian jsonb;
ALTER TABLE dtks.usulan_temuan ADD CONSTRAINT usulan_temuan_temuan_check
        CHECK (temuan IN ('nik_tidak_sah', 'nik_tidak_ada', 'nama_beda', 'tanggal_lahir_beda', 'meninggal', 'kk_beda',
                          'aktif_di_kk_lain', 'tanpa_anggota', 'nik_salah', 'alamat_beda',
                          'luar_wilayah'));
COMMENT ON COLUMN dtks.usulan_temuan.temuan IS
    'nik_tidak_sah (not a valid NIK), nik_tidak_ada (not in Dukcapil), nik_salah (the NIK is another person''s: a candidate fits far better), each with the Dukcapil NIK proposed in nik_usulan when a candidate is credible and clear; nama_beda (names differ after dtks.nama_kunci), tanggal_lahir_beda, meninggal (dead in Dukcapil), kk_beda (Dukcapil has another KK), aktif_di_kk_lain (already active in another DTKS family), alamat_beda (Dukcapil''s desa is another, or the address text differs), luar_wilayah (Dukcapil or DTKS has the person outside the usulan''s kab/kota: nothing more is told), tanpa_anggota (no member to match)';
COMMENT ON COLUMN dtks.usulan_temuan.menghalangi IS
    'Whether it blocks: meninggal does not for a penghentian because of death; aktif_di_kk_lain does not for a perbaikan (a move) unless the member''s NIK is corrected (nik_lama); alamat_beda as dtks.alamat_beda_menghalangi says';
COMMENT ON COLUMN dtks.usulan_temuan.waktu IS 'When the run took place';
COMMENT ON COLUMN dtks.usulan_temuan.nik_usulan IS 'For nik_tidak_sah, nik_tidak_ada and nik_salah: the Dukcapil NIK proposed for the member (the candidate of dtks.cari_penduduk the matching linked), NULL when none is credible and clear';
COMMENT ON COLUMN dtks.usulan_temuan.skor IS 'With nik_usulan: the candidate''s score (dtks.padan_nilai)';
COMMENT ON COLUMN dtks.usulan_temuan.rincian IS 'With nik_usulan: the comparison field by field (dtks.padan_rincian, with hidup); for alamat_beda: {"desa_sama", "kemiripan"}';
COMMENT ON CONSTRAINT usulan_temuan_temuan_check ON dtks.usulan_temuan IS 'The kinds of finding';

-- What a matching run linked, per usulan and member.
CREATE TABLE dtks.usulan_padan (
    putaran bigint NOT NULL,
    usulan bigint NOT NULL,
    urutan integer NOT NULL,
    nik_ketik text,
    nik dtks.nik,
    skor double precision,
    cara text NOT NULL CHECK (cara IN ('nik', 'calon', 'tidak_ada', 'luar_wilayah')),
    PRIMARY KEY (usulan, putaran, urutan)
);
COMMENT ON TABLE dtks.usulan_padan IS
    'The Dukcapil record each member of an usulan was linked to by a matching run (dtks.padankan_usulan)';
COMMENT ON COLUMN dtks.usulan_padan.putaran IS 'The matching run';
COMMENT ON COLUMN dtks.usulan_padan.usulan IS 'The usulan';
COMMENT ON COLUMN dtks.usulan_padan.urutan IS 'Position of the member, as in dtks.usulan_temuan';
COMMENT ON COLUMN dtks.usulan_padan.nik_ketik IS 'The NIK as typed (NULL when none was)';
COMMENT ON COLUMN dtks.usulan_padan.nik IS 'The linked Dukcapil NIK (NULL when none, or outside the usulan''s kab/kota)';
COMMENT ON COLUMN dtks.usulan_padan.skor IS 'Score of the linked record (dtks.padan_nilai) where it was weighed: a candidate, or a typed NIK whose record differs from the member in name or birth date (NULL for a typed NIK whose record agrees)';
COMMENT ON COLUMN dtks.usulan_padan.cara IS 'nik (the typed NIK), calon (the top candidate, credible and clear), tidak_ada (no record), luar_wilayah (a record outside the usulan''s kab/kota, not told)';
COMMENT ON INDEX dtks.usulan_padan_pkey IS 'One row per usulan, run and member (the links of one usulan)';
SELECT pg_catalog.pg_extension_config_dump('dtks.usulan_padan'::regclass, '');

-- The link of dtks.usulan_padan to dtks.usulan, checked once per statement rather than as a foreign key: a
-- matching run writes a row per member (358,720 for 100,000 usulan), and a foreign key's check per row cost more
-- than the rest of the writing (bench/pemadanan_cepat.sh).  The same guarantees: every row names an usulan, which
-- is locked FOR KEY SHARE until the end of the transaction; an usulan that rows name is neither deleted, renumbered
-- nor truncated away (23503).  pg_dump loads dtks.usulan before dtks.usulan_padan (by name).
CREATE FUNCTION dtks.usulan_padan_periksa() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    hilang bigint;
    dikunci bigint;
    dinamai bigint;
BEGIN
    IF TG_TABLE_NAME OPERATOR(pg_catalog.=) 'usulan_padan' THEN
        -- the usulan the new rows name, locked as a foreign key locks them: as many as the rows name, or one is missing
        SELECT pg_catalog.count(*) INTO dikunci
          FROM (SELECT FROM dtks.usulan u WHERE u.id OPERATOR(pg_catalog.=) ANY (
                    ARRAY(SELECT DISTINCT b.usulan FROM baru b)) FOR KEY SHARE OF u) x;
        SELECT pg_catalog.count(DISTINCT b.usulan) INTO dinamai FROM baru b;
        IF dikunci OPERATOR(pg_catalog.<) dinamai THEN
            SELECT b.usulan INTO hilang FROM baru b
             WHERE NOT EXISTS (SELECT FROM dtks.usulan u WHERE u.id OPERATOR(pg_catalog.=) b.usulan) LIMIT 1;
            RAISE EXCEPTION 'a link of dtks.usulan_padan names no usulan'
                USING ERRCODE = '23503', DETAIL = pg_catalog.format('Usulan %s is not in dtks.usulan.', hilang);
        END IF;
    ELSIF TG_OP OPERATOR(pg_catalog.=) 'TRUNCATE' THEN
        IF EXISTS (SELECT FROM dtks.usulan_padan) THEN
            RAISE EXCEPTION 'dtks.usulan cannot be emptied while dtks.usulan_padan links to it'
                USING ERRCODE = '23503', DETAIL = 'Truncate dtks.usulan_padan in the same command.';
        END IF;
    ELSIF TG_LEVEL OPERATOR(pg_catalog.=) 'ROW' THEN
        -- an usulan renumbered (UPDATE OF id): not while links name it
        IF EXISTS (SELECT FROM dtks.usulan_padan p WHERE p.usulan OPERATOR(pg_catalog.=) OLD.id) THEN
            RAISE EXCEPTION 'usulan % is linked by dtks.usulan_padan', OLD.id
                USING ERRCODE = '23503', DETAIL = 'The links of a matching run keep their usulan.';
        END IF;
        RETURN NEW;
    ELSE
        -- DELETE: no usulan that is gone may be named
        SELECT l.id INTO hilang FROM lama l
         WHERE EXISTS (SELECT FROM dtks.usulan_padan p WHERE p.usulan OPERATOR(pg_catalog.=) l.id)
           AND NOT EXISTS (SELECT FROM dtks.usulan u WHERE u.id OPERATOR(pg_catalog.=) l.id) LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION 'usulan % is linked by dtks.usulan_padan', hilang
                USING ERRCODE = '23503', DETAIL = 'The links of a matching run keep their usulan.';
        END IF;
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION dtks.usulan_padan_periksa() IS
    'Trigger: the link of dtks.usulan_padan to dtks.usulan, checked set-wise per statement (every row names an existing usulan, locked FOR KEY SHARE; no named usulan deleted or truncated away) and per row for a renumbered usulan: 23503';
CREATE TRIGGER usulan_padan_periksa AFTER INSERT ON dtks.usulan_padan REFERENCING NEW TABLE AS baru
    FOR EACH STATEMENT EXECUTE FUNCTION dtks.usulan_padan_periksa();
COMMENT ON TRIGGER usulan_padan_periksa ON dtks.usulan_padan IS 'Every new row names an existing usulan (23503)';
CREATE TRIGGER usulan_padan_periksa_ubah AFTER UPDATE ON dtks.usulan_padan REFERENCING NEW TABLE AS baru
    FOR EACH STATEMENT EXECUTE FUNCTION dtks.usulan_padan_periksa();
COMMENT ON TRIGGER usulan_padan_periksa_ubah ON dtks.usulan_padan IS 'Every changed row names an existing usulan (23503)';
CREATE TRIGGER usulan_padan_rujukan AFTER DELETE ON dtks.usulan REFERENCING OLD TABLE AS lama
    FOR EACH STATEMENT EXECUTE FUNCTION dtks.usulan_padan_periksa();
COMMENT ON TRIGGER usulan_padan_rujukan ON dtks.usulan IS 'No usulan that dtks.usulan_padan names is deleted (23503)';
CREATE TRIGGER usulan_padan_rujukan_ubah BEFORE UPDATE OF id ON dtks.usulan
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION dtks.usulan_padan_periksa();
COMMENT ON TRIGGER usulan_padan_rujukan_ubah ON dtks.usulan IS 'No usulan that dtks.usulan_padan names is renumbered (23503)';
CREATE TRIGGER usulan_padan_rujukan_kosongkan AFTER TRUNCATE ON dtks.usulan
    FOR EACH STATEMENT EXECUTE FUNCTION dtks.usulan_padan_periksa();
COMMENT ON TRIGGER usulan_padan_rujukan_kosongkan ON dtks.usulan IS 'dtks.usulan is not emptied while dtks.usulan_padan links to it (23503)';

GRANT SELECT ON dtks.usulan_padan TO dtks_desa, dtks_kabkota, dtks_provinsi, dtks_pusat, dtks_pt;
ALTER TABLE dtks.usulan_padan ENABLE ROW LEVEL SECURITY;
CREATE POLICY usulan_padan_lihat ON dtks.usulan_padan FOR SELECT
    USING (EXISTS (SELECT 1 FROM dtks.usulan u WHERE u.id OPERATOR(pg_catalog.=) usulan));
COMMENT ON POLICY usulan_padan_lihat ON dtks.usulan_padan IS 'The links of the usulan the role may see';
GRANT SELECT ON dtks.padan_tingkat, dtks.padan_bobot
    TO dtks_desa, dtks_kabkota, dtks_provinsi, dtks_pusat, dtks_pt, dtks_pembaca;

-- The weights are a table of policy: their edits survive pg_dump/pg_restore (see 40_cadangan.sql).
INSERT INTO dtks.aturan_tabel (tabel, kunci) VALUES ('padan_bobot', '{model,bidang,tingkat}');
CREATE TRIGGER aturan_pulihkan BEFORE INSERT ON dtks.padan_bobot FOR EACH ROW EXECUTE FUNCTION dtks.aturan_pulihkan();
COMMENT ON TRIGGER aturan_pulihkan ON dtks.padan_bobot IS 'A restored row replaces the shipped row of its key while that is as shipped';
CREATE TRIGGER aturan_catat AFTER INSERT OR UPDATE OR DELETE ON dtks.padan_bobot FOR EACH ROW EXECUTE FUNCTION dtks.aturan_catat();
COMMENT ON TRIGGER aturan_catat ON dtks.padan_bobot IS 'Deleted shipped rows are recorded in dtks.aturan_dihapus';
CREATE TRIGGER aturan_kosongkan AFTER TRUNCATE ON dtks.padan_bobot FOR EACH STATEMENT EXECUTE FUNCTION dtks.aturan_kosongkan();
COMMENT ON TRIGGER aturan_kosongkan ON dtks.padan_bobot IS 'A truncation deletes every shipped row';
ALTER TABLE dtks.padan_bobot ENABLE ALWAYS TRIGGER aturan_pulihkan, ENABLE ALWAYS TRIGGER aturan_catat, ENABLE ALWAYS TRIGGER aturan_kosongkan;
INSERT INTO dtks.aturan_bawaan (tabel, kunci, baris)
SELECT 'padan_bobot', dtks.aturan_kunci('padan_bobot', s.j), s.j
  FROM (SELECT dtks.aturan_baris(x) AS j FROM dtks.padan_bobot AS x) AS s;

-- The candidate search of the Dukcapil extract (src/cari_penduduk.c, src/penduduk_calon.c, src/padan.c): who in dtks.penduduk may be
-- the person a desa typed, and who in the extract, the registry and one month's usulan may be one person twice.
--
-- Candidates come from indexes only: the NIKs one typing error from the typed one (dtks.nik_sekitar, on the
-- primary key), the birth dates one entry error from the typed one (dtks.tanggal_sekitar, on
-- penduduk_tanggal_lahir, read from the index alone), and, when neither gives a record the matching would
-- link, the name keys alike by trigrams (penduduk_nama_kunci, pg_trgm).  Each is scored by dtks.padan_nilai
-- (model dukcapil); the thresholds are the settings dtks.padan_ambang_calon, dtks.padan_ambang_tautan and
-- dtks.padan_ambang_nama.
--
-- What a caller may learn: the people whose Dukcapil address is inside the kab/kota of its office's region
-- (the unit Dukcapil grants data access to by agreement), every region for pusat, pt and a superuser.

-- The search itself (src/penduduk_calon.c): called by dtks.cari_penduduk and the matching only, as the table
-- owner; it probes the indexes directly, one call per person.  The channels in turn, each only when those before
-- gave no record scoring ambang_tautan: the typed NIK itself and the typed birth date (inside lingkup, read from
-- penduduk_tanggal_lahir alone where the page is all visible), then the birth dates one entry error from it, then
-- the NIKs near the typed one, then (when cari_nama, or when no date was typed) the name keys alike by trigrams.
CREATE FUNCTION dtks.penduduk_calon(nik_ketik text, kunci text, tanggal_lahir date, jenis_kelamin text,
                                    kode_wilayah dtks.kode_wilayah, batas integer, lingkup dtks.kode_wilayah,
                                    ambang_calon double precision, ambang_tautan double precision, cari_nama boolean,
                                    dengan_rincian boolean)
    RETURNS TABLE (nik dtks.nik, skor double precision, skor_berikut double precision, rincian jsonb)
    AS 'MODULE_PATHNAME', 'penduduk_calon' LANGUAGE C STABLE PARALLEL UNSAFE ROWS 5;
REVOKE ALL ON FUNCTION dtks.penduduk_calon(text, text, date, text, dtks.kode_wilayah, integer, dtks.kode_wilayah,
                                           double precision, double precision, boolean, boolean) FROM PUBLIC;
COMMENT ON FUNCTION dtks.penduduk_calon(text, text, date, text, dtks.kode_wilayah, integer, dtks.kode_wilayah,
                                        double precision, double precision, boolean, boolean) IS
    'The candidate search behind dtks.cari_penduduk and the matching (which alone call it, as the owner; it reads dtks.penduduk through its indexes below the executor, refusing a role without SELECT or under row security): for the name key kunci (dtks.nama_kunci), the records of dtks.penduduk inside lingkup (NULL: everywhere) with the typed NIK or the typed birth date; when none of those scores ambang_tautan, with a birth date near it (dtks.tanggal_sekitar); when none of those does either, with a NIK near nik_ketik (dtks.nik_sekitar); when none of those does either, and cari_nama is true or no date was typed, with a name key alike by trigrams (pg_trgm %, at the threshold the caller set). Scored by dtks.padan_nilai (model dukcapil), those scoring ambang_calon or more, best first, at most batas; skor_berikut is the score of the record ranked next among all scored (NULL: none), rincian (when dengan_rincian) the dtks.padan_rincian of the record with hidup, whether Dukcapil has the person alive';

-- The candidate search for a DBA, an agency application or the desa's own screen.
CREATE FUNCTION dtks.cari_penduduk(nik_ketik text, nama text, tanggal_lahir date, jenis_kelamin text,
                                   kode_wilayah dtks.kode_wilayah, batas integer DEFAULT 5)
    RETURNS TABLE (nik dtks.nik, skor double precision, rincian jsonb)
    AS 'MODULE_PATHNAME', 'cari_penduduk' LANGUAGE C STABLE PARALLEL UNSAFE ROWS 5;
REVOKE ALL ON FUNCTION dtks.cari_penduduk(text, text, date, text, dtks.kode_wilayah, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dtks.cari_penduduk(text, text, date, text, dtks.kode_wilayah, integer)
    TO dtks_desa, dtks_kabkota, dtks_provinsi, dtks_pusat, dtks_pt;
COMMENT ON FUNCTION dtks.cari_penduduk(text, text, date, text, dtks.kode_wilayah, integer) IS
    'The people of the Dukcapil extract (dtks.penduduk) who may be the person typed, best first, at most batas (1-100; 22023 otherwise), only those scoring dtks.padan_ambang_calon or more: an empty result when nobody is credible.  Any argument may be NULL or wrong (the NIK is text: what was typed).  rincian gives each field''s level and weight (dtks.padan_rincian) and hidup.  A desa, kab/kota or provinsi office sees the people whose Dukcapil address is in the kab/kota of its region (its province for a provinsi office); pusat, pt and a superuser everywhere; a role without an office gets 42501';

-- Pairs that may be one person twice, inside a region.
CREATE FUNCTION dtks.ganda_cari(wilayah dtks.kode_wilayah, ambang double precision)
    RETURNS TABLE (sumber text, nik_a dtks.nik, nik_b dtks.nik, usulan_a bigint, usulan_b bigint,
                   skor double precision, alasan text)
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
WITH dukcapil AS (
    SELECT p.nik, p.no_kk, p.nama_kunci, p.tanggal_lahir, p.jenis_kelamin::text AS jk, p.kode_wilayah, p.hidup
      FROM dtks.penduduk p
     WHERE ganda_cari.wilayah IS NULL OR p.kode_wilayah OPERATOR(dtks.<@) ganda_cari.wilayah
),
registri AS (
    SELECT DISTINCT ON (g.nik) g.nik, m.no_kk, dtks.nama_kunci(g.nama) AS nama_kunci, g.tanggal_lahir,
           g.jenis_kelamin::text AS jk, r.kode_wilayah
      FROM dtks.anggota g
      JOIN dtks.keanggotaan m ON m.nik OPERATOR(dtks.=) g.nik AND m.berlaku OPERATOR(pg_catalog.@>) CURRENT_DATE
      JOIN dtks.keluarga k ON k.no_kk OPERATOR(dtks.=) m.no_kk AND k.status OPERATOR(pg_catalog.=) 'aktif'
      JOIN dtks.rumah_tangga r ON r.id OPERATOR(pg_catalog.=) k.rumah_tangga_id
     WHERE ganda_cari.wilayah IS NULL OR r.kode_wilayah OPERATOR(dtks.<@) ganda_cari.wilayah
     ORDER BY g.nik
),
usul AS (
    -- the members of the usulan still in process, by the month they go to (or were made in)
    SELECT u.id AS usulan, a.urutan,
           CASE WHEN dtks.nik_valid(a.e OPERATOR(pg_catalog.->>) 'nik') THEN (a.e OPERATOR(pg_catalog.->>) 'nik')::dtks.nik END AS nik,
           dtks.nama_kunci(a.e OPERATOR(pg_catalog.->>) 'nama') AS nama_kunci,
           dtks.tanggal_dari_teks(a.e OPERATOR(pg_catalog.->>) 'tanggal_lahir') AS tanggal_lahir,
           a.e OPERATOR(pg_catalog.->>) 'jenis_kelamin' AS jk, u.kode_wilayah,
           coalesce(u.periode_penetapan, pg_catalog.date_trunc('month', u.dibuat)::date) AS bulan
      FROM dtks.usulan u
     CROSS JOIN LATERAL pg_catalog.jsonb_array_elements(CASE WHEN pg_catalog.jsonb_typeof(u.data OPERATOR(pg_catalog.->) 'anggota') OPERATOR(pg_catalog.=) 'array'
                                                             THEN u.data OPERATOR(pg_catalog.->) 'anggota' ELSE '[]'::jsonb END) WITH ORDINALITY AS a(e, urutan)
     WHERE u.status OPERATOR(pg_catalog.<>) ALL (ARRAY['ditolak', 'dibatalkan', 'ditetapkan', 'tidak_layak'])
       AND u.jenis OPERATOR(pg_catalog.<>) 'penghentian'
       AND (ganda_cari.wilayah IS NULL OR u.kode_wilayah OPERATOR(dtks.<@) ganda_cari.wilayah)
),
pasangan AS (
    SELECT 'dukcapil'::text AS sumber, a.nik AS nik_a, b.nik AS nik_b, NULL::bigint AS usulan_a, NULL::bigint AS usulan_b,
           dtks.padan_nilai('dukcapil', NULL, NULL, a.nama_kunci, b.nama_kunci, a.tanggal_lahir, b.tanggal_lahir,
                            a.jk, b.jk, a.kode_wilayah, b.kode_wilayah, NULL) AS skor,
           a.nama_kunci, b.nama_kunci AS nama_kunci_b, a.tanggal_lahir, b.tanggal_lahir AS tanggal_lahir_b,
           a.kode_wilayah, b.kode_wilayah AS kode_wilayah_b,
           a.no_kk IS NOT NULL AND a.no_kk OPERATOR(dtks.=) b.no_kk AS satu_kk, NOT (a.hidup AND b.hidup) AS meninggal
      FROM dukcapil a CROSS JOIN LATERAL pg_catalog.unnest(dtks.tanggal_sekitar(a.tanggal_lahir)) AS d(tanggal)
      JOIN dukcapil b ON b.tanggal_lahir OPERATOR(pg_catalog.=) d.tanggal AND b.nik OPERATOR(dtks.>) a.nik
    UNION ALL
    SELECT 'registri', a.nik, b.nik, NULL, NULL,
           dtks.padan_nilai('dukcapil', NULL, NULL, a.nama_kunci, b.nama_kunci, a.tanggal_lahir, b.tanggal_lahir,
                            a.jk, b.jk, a.kode_wilayah, b.kode_wilayah, NULL),
           a.nama_kunci, b.nama_kunci, a.tanggal_lahir, b.tanggal_lahir, a.kode_wilayah, b.kode_wilayah,
           a.no_kk OPERATOR(dtks.=) b.no_kk, false
      FROM registri a CROSS JOIN LATERAL pg_catalog.unnest(dtks.tanggal_sekitar(a.tanggal_lahir)) AS d(tanggal)
      JOIN registri b ON b.tanggal_lahir OPERATOR(pg_catalog.=) d.tanggal AND b.nik OPERATOR(dtks.>) a.nik
    UNION ALL
    SELECT 'usulan', a.nik, b.nik, a.usulan, b.usulan,
           CASE WHEN a.nik OPERATOR(dtks.=) b.nik THEN 'Infinity'::double precision
                ELSE dtks.padan_nilai('dukcapil', NULL, NULL, a.nama_kunci, b.nama_kunci, a.tanggal_lahir, b.tanggal_lahir,
                                      a.jk, b.jk, a.kode_wilayah, b.kode_wilayah, NULL) END,
           a.nama_kunci, b.nama_kunci, a.tanggal_lahir, b.tanggal_lahir, a.kode_wilayah, b.kode_wilayah, false, false
      FROM usul a
      JOIN usul b ON b.bulan OPERATOR(pg_catalog.=) a.bulan AND b.usulan OPERATOR(pg_catalog.>) a.usulan
                 AND (b.nik OPERATOR(dtks.=) a.nik
                      OR b.tanggal_lahir OPERATOR(pg_catalog.=) ANY (dtks.tanggal_sekitar(a.tanggal_lahir)))
                 -- (the members of one month's usulan are few: this join stays small)
)
SELECT x.sumber, x.nik_a, x.nik_b, x.usulan_a, x.usulan_b, x.skor,
       CASE WHEN x.sumber OPERATOR(pg_catalog.=) 'usulan' AND x.nik_a OPERATOR(dtks.=) x.nik_b THEN 'the same NIK proposed in two usulan of one month'
            ELSE pg_catalog.concat_ws(', ',
                     'nama ' OPERATOR(pg_catalog.||) (r.j OPERATOR(pg_catalog.#>>) '{nama,tingkat}'),
                     'tanggal_lahir ' OPERATOR(pg_catalog.||) (r.j OPERATOR(pg_catalog.#>>) '{tanggal_lahir,tingkat}'),
                     'wilayah ' OPERATOR(pg_catalog.||) (r.j OPERATOR(pg_catalog.#>>) '{wilayah,tingkat}'),
                     CASE WHEN x.meninggal THEN 'one of the two recorded dead' END) END
  FROM pasangan x
 CROSS JOIN LATERAL (SELECT dtks.padan_rincian('dukcapil', NULL, NULL, x.nama_kunci, x.nama_kunci_b, x.tanggal_lahir,
                                               x.tanggal_lahir_b, NULL, NULL, x.kode_wilayah, x.kode_wilayah_b, NULL) AS j) r
 WHERE x.skor OPERATOR(pg_catalog.>=) ganda_cari.ambang
   -- two people of one KK are relatives (twins), not one person twice, unless their names are alike (a typing error)
   AND (NOT x.satu_kk OR dtks.nama_banding(x.nama_kunci, x.nama_kunci_b) OPERATOR(pg_catalog.>=) 0.93)
 ORDER BY x.skor DESC, x.sumber, x.nik_a, x.nik_b;
END;
REVOKE ALL ON FUNCTION dtks.ganda_cari(dtks.kode_wilayah, double precision) FROM PUBLIC;
COMMENT ON FUNCTION dtks.ganda_cari(dtks.kode_wilayah, double precision) IS
    'The search behind dtks.calon_ganda (which alone calls it, as the owner): pairs of people of the Dukcapil extract (one of them may be recorded dead), of members active in the registry, and of members proposed in two usulan going to one month, inside wilayah (NULL: everywhere), born on dates one entry error apart and scoring ambang or more on name, date, sex and desa (dtks.padan_nilai, model dukcapil, without the NIKs); two people of one KK only when their names are alike (dtks.nama_banding at least 0.93); the same NIK in two usulan of a month always';

-- Pairs that may be one person twice, for the kab/kota Dinas Sosial, the ministry or a DBA.
CREATE FUNCTION dtks.calon_ganda(kode_wilayah dtks.kode_wilayah)
    RETURNS TABLE (sumber text, nik_a dtks.nik, nik_b dtks.nik, usulan_a bigint, usulan_b bigint,
                   skor double precision, alasan text)
    AS 'MODULE_PATHNAME', 'calon_ganda' LANGUAGE C STABLE PARALLEL UNSAFE;
REVOKE ALL ON FUNCTION dtks.calon_ganda(dtks.kode_wilayah) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dtks.calon_ganda(dtks.kode_wilayah) TO dtks_kabkota, dtks_provinsi, dtks_pusat, dtks_pt;
COMMENT ON FUNCTION dtks.calon_ganda(dtks.kode_wilayah) IS
    'Pairs that are likely one person under two NIKs (sumber dukcapil: two records of the extract, one perhaps recorded dead; registri: two members active in DTKS) and the same person proposed twice in one month (sumber usulan, with the two usulan), inside the region, with the score (dtks.padan_nilai; Infinity for one NIK proposed twice) and the reason; those scoring dtks.padan_ambang_ganda or more.  Inside what the caller may see (dtks.cari_penduduk); NULL is that whole scope; 42501 for a region outside it';

-- The desa takes the NIKs the matching proposed: one step, then the usulan can go back to the matching.
CREATE FUNCTION dtks.usulan_pakai_nik(usulan bigint) RETURNS integer
    LANGUAGE sql VOLATILE STRICT PARALLEL UNSAFE
BEGIN ATOMIC
WITH usul AS (
    SELECT t.urutan, t.nik_usulan
      FROM dtks.usulan_temuan t
     WHERE t.usulan OPERATOR(pg_catalog.=) usulan_pakai_nik.usulan AND t.nik_usulan IS NOT NULL
       AND t.temuan OPERATOR(pg_catalog.=) ANY (ARRAY['nik_tidak_sah', 'nik_tidak_ada', 'nik_salah'])
       AND t.putaran OPERATOR(pg_catalog.=) (SELECT pg_catalog.max(s.putaran) FROM dtks.usulan_temuan s
                                              WHERE s.usulan OPERATOR(pg_catalog.=) usulan_pakai_nik.usulan)
),
ubah AS (
    UPDATE dtks.usulan u
       SET data = pg_catalog.jsonb_set(u.data, '{anggota}',
                      (SELECT pg_catalog.jsonb_agg(CASE WHEN s.nik_usulan IS NULL THEN a.e
                                                        ELSE a.e OPERATOR(pg_catalog.||) pg_catalog.jsonb_build_object('nik', s.nik_usulan::text) END
                                                   ORDER BY a.i)
                         FROM pg_catalog.jsonb_array_elements(u.data OPERATOR(pg_catalog.->) 'anggota') WITH ORDINALITY AS a(e, i)
                         LEFT JOIN usul s ON s.urutan OPERATOR(pg_catalog.=) a.i))
     WHERE u.id OPERATOR(pg_catalog.=) usulan_pakai_nik.usulan
       AND pg_catalog.jsonb_typeof(u.data OPERATOR(pg_catalog.->) 'anggota') OPERATOR(pg_catalog.=) 'array'
       AND EXISTS (SELECT 1 FROM usul)
    RETURNING u.id
)
SELECT CASE WHEN EXISTS (SELECT 1 FROM ubah) THEN (SELECT pg_catalog.count(*)::integer FROM usul) ELSE 0 END;
END;
GRANT EXECUTE ON FUNCTION dtks.usulan_pakai_nik(bigint) TO dtks_desa, dtks_kabkota, dtks_pusat;
COMMENT ON FUNCTION dtks.usulan_pakai_nik(bigint) IS
    'The desa''s one-step correction: every member NIK the last matching run of the usulan proposed (nik_usulan of its finding nik_tidak_sah, nik_tidak_ada or nik_salah) replaces the typed one in data->''anggota''; returns how many.  Runs with the caller''s rights: only usulan it may change, in a status that may be corrected (draf, tidak_padan, dikembalikan; the state machine refuses others); then submit it again (tidak_padan -> diajukan)';

-- The matching itself, set-based: called by dtks.padankan_usulan only, as the table owner.  Per member: the
-- typed NIK's record scored (dtks.padan_nilai); where it is missing or differs in name or birth date, the
-- candidate search (dtks.penduduk_calon) inside the usulan's kab/kota; the member is linked to the top
-- candidate when it scores dtks.padan_ambang_tautan and leads the next (and the typed NIK's record) by
-- dtks.padan_selisih, else to the typed NIK's record.  The findings compare the member with the linked record;
-- of a record outside the usulan's kab/kota only luar_wilayah is told.
CREATE OR REPLACE FUNCTION dtks.pemadanan_jalankan(wilayah dtks.kode_wilayah,
                                        OUT diperiksa bigint, OUT padan bigint, OUT tidak_padan bigint)
    LANGUAGE sql VOLATILE PARALLEL UNSAFE
BEGIN ATOMIC
WITH ambang AS MATERIALIZED (
    SELECT pg_catalog.current_setting('dtks.padan_ambang_calon')::double precision AS calon,
           pg_catalog.current_setting('dtks.padan_ambang_tautan')::double precision AS tautan,
           pg_catalog.current_setting('dtks.padan_selisih')::double precision AS selisih,
           pg_catalog.current_setting('dtks.alamat_ambang')::double precision AS alamat,
           pg_catalog.current_setting('dtks.alamat_beda_menghalangi')::boolean AS alamat_menghalangi
),
dipilih AS MATERIALIZED (
    -- the usulan, locked; narrow (the members are read from data again below): every later step scans it
    SELECT u.id, u.jenis, u.no_kk, u.alasan_penghentian, u.kode_wilayah, dtks.leluhur(u.kode_wilayah, 2) AS lingkup,
           coalesce(pg_catalog.jsonb_typeof(u.data OPERATOR(pg_catalog.->) 'anggota') OPERATOR(pg_catalog.=) 'array', false) AS ada_anggota,
           coalesce(u.data OPERATOR(pg_catalog.->>) 'no_kk', u.no_kk::text) AS kk_teks,
           coalesce(u.data OPERATOR(pg_catalog.#>>) '{rumah_tangga,alamat}', r.alamat) AS alamat
      FROM dtks.usulan u
      LEFT JOIN dtks.keluarga k ON k.no_kk OPERATOR(dtks.=) u.no_kk
      LEFT JOIN dtks.rumah_tangga r ON r.id OPERATOR(pg_catalog.=) k.rumah_tangga_id
     WHERE u.status OPERATOR(pg_catalog.=) 'diajukan' AND (wilayah IS NULL OR u.kode_wilayah OPERATOR(dtks.<@) wilayah)
       FOR UPDATE OF u
),
anggota_usul AS MATERIALIZED (
    -- the members proposed in data->'anggota'; a NIK correction (nik_lama) is the registry's person under the new
    -- NIK: what the element does not give is the registry record of nik_lama, compared with Dukcapil's of the new NIK
    SELECT d.id AS usulan, a.urutan::integer AS urutan, a.e OPERATOR(pg_catalog.->>) 'nik' AS nik_teks,
           coalesce(a.e OPERATOR(pg_catalog.->>) 'nama', l.nama) AS nama,
           coalesce(a.e OPERATOR(pg_catalog.->>) 'tanggal_lahir', pg_catalog.to_char(l.tanggal_lahir, 'YYYY-MM-DD')) AS lahir_teks,
           coalesce(a.e OPERATOR(pg_catalog.->>) 'jenis_kelamin', l.jenis_kelamin::text) AS jk,
           coalesce(a.e OPERATOR(pg_catalog.->>) 'alamat', d.alamat) AS alamat, d.kk_teks, d.jenis, d.alasan_penghentian,
           d.kode_wilayah, d.lingkup, a.e OPERATOR(pg_catalog.?) 'nik_lama' AS koreksi
      FROM dipilih d JOIN dtks.usulan u ON u.id OPERATOR(pg_catalog.=) d.id
     CROSS JOIN LATERAL pg_catalog.jsonb_array_elements(u.data OPERATOR(pg_catalog.->) 'anggota') WITH ORDINALITY AS a(e, urutan)
      LEFT JOIN dtks.anggota l ON l.nik OPERATOR(dtks.=) CASE WHEN dtks.nik_valid(a.e OPERATOR(pg_catalog.->>) 'nik_lama')
                                                              THEN (a.e OPERATOR(pg_catalog.->>) 'nik_lama')::dtks.nik END
     WHERE d.ada_anggota
    UNION ALL
    -- else the family's current members in DTKS
    SELECT d.id, (pg_catalog.row_number() OVER (PARTITION BY d.id ORDER BY m.nik))::integer, m.nik::text, g.nama,
           pg_catalog.to_char(g.tanggal_lahir, 'YYYY-MM-DD'), g.jenis_kelamin::text, d.alamat, d.kk_teks, d.jenis,
           d.alasan_penghentian, d.kode_wilayah, d.lingkup, false
      FROM dipilih d
      JOIN dtks.keanggotaan m ON m.no_kk OPERATOR(dtks.=) d.no_kk AND m.berlaku OPERATOR(pg_catalog.@>) CURRENT_DATE
      JOIN dtks.anggota g ON g.nik OPERATOR(dtks.=) m.nik
     WHERE NOT d.ada_anggota
),
ketik AS MATERIALIZED (
    -- the typed NIK and its record; scored where there is one and it differs from the member in name or birth date
    SELECT k.usulan, k.urutan, k.nik_teks, k.ada_nama, k.ada_lahir, k.jk, k.alamat, k.jenis, k.alasan_penghentian,
           k.kode_wilayah, k.lingkup, k.koreksi, k.nik, k.kk, k.lahir, k.kunci, k.t_nik, k.t_kunci, k.t_lahir,
           k.t_wilayah, k.t_hidup, k.t_kk, k.t_alamat, k.t_cocok,
           CASE WHEN k.t_nik IS NOT NULL AND NOT k.t_cocok THEN dtks.padan_nilai('dukcapil', k.nik_teks, k.t_nik::text, k.kunci, k.t_kunci,
                                                         k.lahir, k.t_lahir, k.jk, k.t_jk, k.kode_wilayah, k.t_wilayah, NULL, k.t_kk::text) END AS t_skor
      FROM (SELECT a.usulan, a.urutan, a.nik_teks, a.nama IS NOT NULL AS ada_nama, a.lahir_teks IS NOT NULL AS ada_lahir,
                   a.jk, a.alamat, a.jenis, a.alasan_penghentian, a.kode_wilayah, a.lingkup, a.koreksi,
                   n.nik, n.kk, n.lahir, n.kunci, t.nik AS t_nik, t.nama_kunci AS t_kunci, t.tanggal_lahir AS t_lahir,
                   t.jenis_kelamin::text AS t_jk, t.kode_wilayah AS t_wilayah, t.hidup AS t_hidup, t.no_kk AS t_kk,
                   t.alamat AS t_alamat,
                   t.nik IS NOT NULL AND (a.nama IS NULL OR n.kunci OPERATOR(pg_catalog.=) t.nama_kunci)
                                     AND (a.lahir_teks IS NULL OR n.lahir OPERATOR(pg_catalog.=) t.tanggal_lahir) AS t_cocok
              FROM anggota_usul a
             CROSS JOIN LATERAL (SELECT CASE WHEN dtks.nik_valid(a.nik_teks) THEN a.nik_teks::dtks.nik END AS nik,
                                        CASE WHEN dtks.no_kk_valid(a.kk_teks) THEN a.kk_teks::dtks.no_kk END AS kk,
                                        dtks.tanggal_dari_teks(a.lahir_teks) AS lahir,
                                        dtks.nama_kunci(a.nama) AS kunci) n
              LEFT JOIN dtks.penduduk t ON t.nik OPERATOR(dtks.=) n.nik) k
),
tautan AS (
    -- the candidate search for the members whose typed NIK does not settle them (no record, or one that differs
    -- from the member in name or birth date: the NIK may be another person's): dtks.penduduk_calon inside the
    -- usulan's kab/kota, the names alike only where no date was typed (a trigram search of a common name is costly
    -- at national scale; dtks.cari_penduduk takes it whenever the dates and NIKs gave nobody).  The member is
    -- linked to the best candidate when it scores dtks.padan_ambang_tautan and leads the next one and the typed
    -- NIK's record by dtks.padan_selisih, else to the typed NIK's record.
    SELECT k.*, c.c_skor, x.cara,
           CASE WHEN x.calon THEN c.c_nik ELSE k.t_nik END AS l_nik,
           CASE WHEN x.calon THEN c.c_skor ELSE k.t_skor END AS l_skor,
           CASE WHEN x.calon THEN c.c_kunci ELSE k.t_kunci END AS kunci_dukcapil,
           CASE WHEN x.calon THEN c.c_lahir ELSE k.t_lahir END AS lahir_dukcapil,
           CASE WHEN x.calon THEN c.c_hidup ELSE k.t_hidup END AS hidup,
           CASE WHEN x.calon THEN c.c_kk ELSE k.t_kk END AS kk_dukcapil,
           CASE WHEN x.calon THEN c.c_wilayah ELSE k.t_wilayah END AS wilayah_dukcapil,
           CASE WHEN x.calon THEN c.c_alamat ELSE k.t_alamat END AS alamat_dukcapil,
           CASE WHEN x.calon THEN c.c_rincian END AS c_rincian
      FROM ketik k CROSS JOIN ambang b
      LEFT JOIN LATERAL (
            SELECT c.nik AS c_nik, c.skor AS c_skor, c.skor_berikut AS c_skor2, c.rincian AS c_rincian,
                   p.nama_kunci AS c_kunci, p.tanggal_lahir AS c_lahir, p.kode_wilayah AS c_wilayah,
                   p.hidup AS c_hidup, p.no_kk AS c_kk, p.alamat AS c_alamat
              -- at most one candidate with its breakdown, and none (no search: batas 0) for a member its typed NIK
              -- settles
              FROM dtks.penduduk_calon(k.nik_teks, k.kunci, k.lahir, k.jk, k.kode_wilayah,
                                       CASE WHEN coalesce(k.t_cocok, false) THEN 0 ELSE 1 END, k.lingkup,
                                       b.tautan, b.tautan, false, true) c
              JOIN dtks.penduduk p ON p.nik OPERATOR(dtks.=) c.nik) c ON true
     CROSS JOIN LATERAL (
            SELECT c.c_nik IS NOT NULL AND c.c_nik IS DISTINCT FROM k.t_nik AND c.c_skor OPERATOR(pg_catalog.>=) b.tautan
                   AND coalesce(c.c_skor OPERATOR(pg_catalog.-) GREATEST(c.c_skor2, k.t_skor) OPERATOR(pg_catalog.>=) b.selisih, true) AS calon) y
     CROSS JOIN LATERAL (
            SELECT y.calon, CASE WHEN y.calon THEN 'calon' WHEN k.t_nik IS NOT NULL THEN 'nik' ELSE 'tidak_ada' END AS cara) x
),
cek AS MATERIALIZED (
    -- per member the linked record and what the findings compare (of a record outside the usulan's kab/kota only
    -- luar_wilayah is told)
    SELECT l.usulan, l.urutan, l.nik_teks, l.nik, l.t_nik, l.jenis, l.alasan_penghentian, l.koreksi, l.cara,
           l.l_nik, l.l_skor, l.c_skor, l.c_rincian, d.p_luar,
           d.ada AND l.ada_nama AND l.kunci OPERATOR(pg_catalog.<>) l.kunci_dukcapil AS nama_beda,
           d.ada AND l.ada_lahir AND NOT coalesce(l.lahir OPERATOR(pg_catalog.=) l.lahir_dukcapil, false) AS lahir_beda,
           d.ada AND NOT l.hidup AS meninggal,
           d.ada AND l.kk IS NOT NULL AND NOT coalesce(l.kk_dukcapil OPERATOR(dtks.=) l.kk, false) AS kk_beda,
           d.ada AND l.wilayah_dukcapil IS NOT NULL
                 AND (NOT l.wilayah_dukcapil OPERATOR(dtks.=) l.kode_wilayah OR d.alamat_mirip OPERATOR(pg_catalog.<) b.alamat) AS alamat_beda,
           l.wilayah_dukcapil OPERATOR(dtks.=) l.kode_wilayah AS desa_sama, d.alamat_mirip,
           -- the member active in another family in DTKS, and whether that family lives outside the kab/kota
           CASE WHEN aktif.no_kk IS NOT NULL AND NOT coalesce(aktif.no_kk OPERATOR(dtks.=) l.kk, false)
                THEN NOT (SELECT r.kode_wilayah OPERATOR(dtks.<@) l.lingkup
                            FROM dtks.keluarga f JOIN dtks.rumah_tangga r ON r.id OPERATOR(pg_catalog.=) f.rumah_tangga_id
                           WHERE f.no_kk OPERATOR(dtks.=) aktif.no_kk) END AS aktif_luar
      FROM tautan l CROSS JOIN ambang b
     CROSS JOIN LATERAL (
            SELECT l.l_nik IS NOT NULL AND NOT coalesce(NOT l.wilayah_dukcapil OPERATOR(dtks.<@) l.lingkup, false) AS ada,
                   coalesce(NOT l.wilayah_dukcapil OPERATOR(dtks.<@) l.lingkup, false) AS p_luar,
                   CASE WHEN l.l_nik IS NULL OR l.alamat IS NULL OR l.alamat_dukcapil IS NULL THEN NULL
                        WHEN pg_catalog.upper(l.alamat) OPERATOR(pg_catalog.=) pg_catalog.upper(l.alamat_dukcapil) THEN 1
                        ELSE similarity(pg_catalog.upper(l.alamat), pg_catalog.upper(l.alamat_dukcapil)) END AS alamat_mirip) d
      LEFT JOIN (SELECT m.nik, m.no_kk
                   FROM dtks.keanggotaan m JOIN dtks.keluarga f ON f.no_kk OPERATOR(dtks.=) m.no_kk
                  WHERE m.berlaku OPERATOR(pg_catalog.@>) CURRENT_DATE AND f.status OPERATOR(pg_catalog.=) 'aktif') aktif
             ON aktif.nik OPERATOR(dtks.=) coalesce(l.l_nik, l.nik)
),
temuan AS (
    -- two scans of the members: each kind of finding where it holds, for the few members with any
    SELECT c.usulan, c.urutan, c.nik, t.temuan, t.menghalangi, t.nik_usulan, t.skor, t.rincian
      FROM cek c
     CROSS JOIN LATERAL (SELECT CASE WHEN c.cara OPERATOR(pg_catalog.=) 'calon' THEN c.l_nik END AS usul_nik,
                                CASE WHEN c.cara OPERATOR(pg_catalog.=) 'calon' THEN c.c_skor END AS usul_skor,
                                CASE WHEN c.cara OPERATOR(pg_catalog.=) 'calon' THEN c.c_rincian END AS usul_rincian) x
     CROSS JOIN LATERAL (VALUES
        -- a wrong or missing NIK's finding carries the Dukcapil NIK proposed, with its score and comparison
        ('nik_tidak_sah', c.nik IS NULL, true, x.usul_nik, x.usul_skor, x.usul_rincian),
        ('nik_tidak_ada', c.nik IS NOT NULL AND c.t_nik IS NULL, true, x.usul_nik, x.usul_skor, x.usul_rincian),
        ('nik_salah', c.cara OPERATOR(pg_catalog.=) 'calon' AND c.t_nik IS NOT NULL, true, x.usul_nik, x.usul_skor, x.usul_rincian),
        ('luar_wilayah', c.p_luar OR c.aktif_luar, c.p_luar OR c.jenis OPERATOR(pg_catalog.<>) 'perbaikan' OR c.koreksi, NULL, NULL, NULL),
        ('aktif_di_kk_lain', NOT c.aktif_luar, c.jenis OPERATOR(pg_catalog.<>) 'perbaikan' OR c.koreksi, NULL, NULL, NULL)
     ) AS t(temuan, ditemukan, menghalangi, nik_usulan, skor, rincian)
     WHERE (c.nik IS NULL OR c.t_nik IS NULL OR c.cara OPERATOR(pg_catalog.=) 'calon' OR c.p_luar OR c.aktif_luar IS NOT NULL)
       AND t.ditemukan
    UNION ALL
    SELECT c.usulan, c.urutan, c.nik, t.temuan, t.menghalangi, NULL, NULL, t.rincian
      FROM cek c CROSS JOIN ambang b
     CROSS JOIN LATERAL (VALUES
        ('nama_beda', c.nama_beda, true, NULL::jsonb),
        ('tanggal_lahir_beda', c.lahir_beda, true, NULL),
        ('meninggal', c.meninggal,
                      NOT (c.jenis OPERATOR(pg_catalog.=) 'penghentian' AND c.alasan_penghentian OPERATOR(pg_catalog.=) 'meninggal'), NULL),
        ('kk_beda', c.kk_beda, true, NULL),
        ('alamat_beda', c.alamat_beda, b.alamat_menghalangi,
                        CASE WHEN c.alamat_beda THEN pg_catalog.jsonb_build_object('desa_sama', c.desa_sama,
                                                   'kemiripan', pg_catalog.round(c.alamat_mirip::numeric, 2)) END)
     ) AS t(temuan, ditemukan, menghalangi, rincian)
     WHERE (c.nama_beda OR c.lahir_beda OR c.meninggal OR c.kk_beda OR c.alamat_beda) AND t.ditemukan
    UNION ALL
    SELECT d.id, NULL, NULL, 'tanpa_anggota', true, NULL, NULL, NULL
      FROM dipilih d
     WHERE NOT EXISTS (SELECT 1 FROM anggota_usul a WHERE a.usulan OPERATOR(pg_catalog.=) d.id)
),
putaran AS (
    SELECT pg_catalog.nextval('dtks.usulan_temuan_putaran') AS nomor
),
simpan AS (
    INSERT INTO dtks.usulan_temuan (putaran, usulan, urutan, nik, temuan, menghalangi, nik_usulan, skor, rincian)
    SELECT p.nomor, t.usulan, t.urutan, t.nik, t.temuan, t.menghalangi, t.nik_usulan, t.skor, t.rincian FROM temuan t, putaran p
),
simpan_padan AS (
    INSERT INTO dtks.usulan_padan (putaran, usulan, urutan, nik_ketik, nik, skor, cara)
    SELECT p.nomor, c.usulan, c.urutan, NULLIF(c.nik_teks, ''),
           CASE WHEN c.p_luar THEN NULL ELSE c.l_nik END,
           CASE WHEN c.p_luar THEN NULL ELSE c.l_skor END,
           CASE WHEN c.l_nik IS NOT NULL AND c.p_luar THEN 'luar_wilayah' ELSE c.cara END
      FROM cek c, putaran p
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
-- 1.1: perbaikan NIK (issue 19): a perbaikan naming {"nik_lama", "nik"} replaces a member's NIK at the
-- penetapan.  The same objects as in sql/install/88_nik_koreksi.sql (copied verbatim), and the penetapan's
-- parts that apply it, as in sql/install/84_penetapan.sql (copied verbatim): the work table of the month's
-- corrections (dtks.penetapan_meja_kerja), the member checks that a correction's new NIK is exempt from
-- (dtks.penetapan_periksa_data), the call and the mapping of a corrected NIK (dtks.penetapan_terapkan) and
-- the presence row that continues under the new NIK (dtks.penetapan_selaraskan).

COMMENT ON COLUMN dtks.usulan.data IS
    'The proposed family and member data, or the corrections: {"no_kk": "...", "anggota": [{"nik", "nama", "tanggal_lahir" (YYYY-MM-DD), "jenis_kelamin", "shdk", ...}], ...}; in a perbaikan a member {"nik_lama": its NIK now, "nik": the corrected NIK, ...} replaces its NIK (dtks.nik_koreksi); without "anggota" the matching checks the family''s current members';

CREATE TABLE dtks.nik_koreksi (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    nik_lama dtks.nik NOT NULL,
    nik dtks.nik NOT NULL,
    usulan bigint NOT NULL REFERENCES dtks.usulan (id),
    periode date NOT NULL CONSTRAINT nik_koreksi_awal_bulan CHECK (extract(day FROM periode) OPERATOR(pg_catalog.=) 1),
    no_kk dtks.no_kk NOT NULL,
    kode_wilayah dtks.kode_wilayah NOT NULL,
    shdk dtks.kode_shdk NOT NULL,
    dicatat timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    CONSTRAINT nik_koreksi_beda CHECK (nik_lama OPERATOR(dtks.<>) nik)
);
COMMENT ON TABLE dtks.nik_koreksi IS
    'NIK corrections applied by the penetapan (perbaikan usulan naming nik_lama and nik): the person recorded under nik_lama continues under nik from the month periode (personal data)';
COMMENT ON COLUMN dtks.nik_koreksi.id IS 'Order of the corrections (within a month, in the order the penetapan applied them)';
COMMENT ON COLUMN dtks.nik_koreksi.nik_lama IS 'The NIK the member had in the family until the month before (its record is kept, status_hidup ganda)';
COMMENT ON COLUMN dtks.nik_koreksi.nik IS 'The corrected NIK, checked against dtks.penduduk, from the month on';
COMMENT ON COLUMN dtks.nik_koreksi.usulan IS 'The perbaikan usulan that asked for it';
COMMENT ON COLUMN dtks.nik_koreksi.periode IS 'The penetapan month that applied it (its first day): dtks.penetapan_pada answers nik_lama before it, nik from it on';
COMMENT ON COLUMN dtks.nik_koreksi.no_kk IS 'The family the member is in';
COMMENT ON COLUMN dtks.nik_koreksi.kode_wilayah IS 'The usulan''s desa/kelurahan (who may read the row)';
COMMENT ON COLUMN dtks.nik_koreksi.shdk IS 'The member''s SHDK when corrected (its membership continues with it under the new NIK)';
COMMENT ON COLUMN dtks.nik_koreksi.dicatat IS 'When the penetapan applied it';
COMMENT ON CONSTRAINT nik_koreksi_awal_bulan ON dtks.nik_koreksi IS 'A month is named by its first day';
COMMENT ON CONSTRAINT nik_koreksi_beda ON dtks.nik_koreksi IS 'A correction changes the NIK';
COMMENT ON INDEX dtks.nik_koreksi_pkey IS 'One row per correction';
COMMENT ON SEQUENCE dtks.nik_koreksi_id_seq IS 'Numbers the NIK corrections';
CREATE INDEX nik_koreksi_nik_lama ON dtks.nik_koreksi (nik_lama);
COMMENT ON INDEX dtks.nik_koreksi_nik_lama IS 'What a NIK was corrected to';
CREATE INDEX nik_koreksi_nik ON dtks.nik_koreksi (nik);
COMMENT ON INDEX dtks.nik_koreksi_nik IS 'What a NIK was corrected from';
CREATE INDEX nik_koreksi_usulan ON dtks.nik_koreksi (usulan);
COMMENT ON INDEX dtks.nik_koreksi_usulan IS 'The corrections of an usulan';
SELECT pg_catalog.pg_extension_config_dump('dtks.nik_koreksi'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.nik_koreksi_id_seq'::regclass, '');

-- Offices read the corrections of their region (personal data: not dtks_pembaca).
GRANT SELECT ON dtks.nik_koreksi TO dtks_desa, dtks_kabkota, dtks_provinsi, dtks_pusat, dtks_pt;
ALTER TABLE dtks.nik_koreksi ENABLE ROW LEVEL SECURITY;
CREATE POLICY wilayah_petugas ON dtks.nik_koreksi FOR SELECT
    USING ((SELECT dtks.petugas_nasional()) OR kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas()));
COMMENT ON POLICY wilayah_petugas ON dtks.nik_koreksi IS 'NIK corrections inside the office''s region (every region for pusat and pt)';

-- Check and apply the NIK corrections of one round of the penetapan (called by dtks.penetapan_terapkan,
-- before the round's members are applied, which then find the member under its new NIK).
CREATE FUNCTION dtks.penetapan_koreksi_nik(bulan date, kolom_ang text) RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, dtks, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    n bigint;
    daftar text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_temp.penetapan_ini b, jsonb_array_elements(b.data -> 'anggota') e
                    WHERE jsonb_typeof(b.data -> 'anggota') = 'array' AND jsonb_typeof(e) = 'object' AND e ? 'nik_lama') THEN
        RETURN 0;
    END IF;
    -- the round's corrections and what is wrong with each (the data.anggota position, never the NIK, names it)
    WITH koreksi AS (
        SELECT b.id, b.jenis, b.no_kk, e.urutan,
               CASE WHEN dtks.nik_valid(e.value ->> 'nik_lama') THEN (e.value ->> 'nik_lama')::dtks.nik END AS nik_lama,
               CASE WHEN dtks.nik_valid(e.value ->> 'nik') THEN (e.value ->> 'nik')::dtks.nik END AS nik
          FROM pg_temp.penetapan_ini b, jsonb_array_elements(b.data -> 'anggota') WITH ORDINALITY e(value, urutan)
         WHERE jsonb_typeof(b.data -> 'anggota') = 'array' AND jsonb_typeof(e.value) = 'object' AND e.value ? 'nik_lama'),
    dinilai AS (
        SELECT k.*,
               count(*) OVER (PARTITION BY k.id, k.nik_lama) AS kali_lama,
               count(*) OVER (PARTITION BY k.nik) AS kali_baru
          FROM koreksi k)
    SELECT count(*),
           string_agg(format('usulan %s, member %s of data.anggota: %s', m.id, m.urutan, m.masalah), '; '
                      ORDER BY m.id, m.urutan, m.masalah) FILTER (WHERE m.nomor <= 10)
      INTO n, daftar
      FROM (SELECT d.id, d.urutan, x.masalah, row_number() OVER (ORDER BY d.id, d.urutan, x.masalah) AS nomor
              FROM dinilai d,
                   LATERAL (VALUES
                       (CASE WHEN d.jenis <> 'perbaikan' THEN 'nik_lama (a NIK correction) is only for a perbaikan' END),
                       (CASE WHEN d.nik IS NULL THEN 'the new NIK (nik) is not a valid NIK' END),
                       (CASE WHEN d.nik_lama IS NOT NULL AND d.nik_lama = d.nik THEN 'nik_lama and the new NIK (nik) are the same NIK' END),
                       (CASE WHEN d.jenis = 'perbaikan' AND (d.nik_lama IS NULL OR NOT EXISTS (
                                      SELECT 1 FROM dtks.keanggotaan m
                                       WHERE m.nik = d.nik_lama AND m.no_kk = d.no_kk AND upper_inf(m.berlaku)))
                             THEN 'nik_lama is not a current member of the usulan''s family' END),
                       (CASE WHEN d.nik_lama IS NOT NULL AND d.kali_lama > 1 THEN 'nik_lama is corrected twice by the usulan' END),
                       (CASE WHEN d.nik IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dtks.penduduk p WHERE p.nik = d.nik)
                             THEN 'the new NIK (nik) is not in dtks.penduduk (unknown to Dukcapil)' END),
                       (CASE WHEN d.nik IS NOT NULL AND d.nik IS DISTINCT FROM d.nik_lama AND EXISTS (
                                      SELECT 1 FROM dtks.keanggotaan m
                                       WHERE m.nik = d.nik AND m.no_kk <> d.no_kk AND upper_inf(m.berlaku))
                             THEN 'the new NIK (nik) is active in another family' END),
                       (CASE WHEN d.nik IS NOT NULL AND d.nik IS DISTINCT FROM d.nik_lama AND EXISTS (
                                      SELECT 1 FROM dtks.keanggotaan m
                                       WHERE m.nik = d.nik AND m.no_kk = d.no_kk AND upper_inf(m.berlaku))
                             THEN 'the new NIK (nik) is already another member of the family' END),
                       (CASE WHEN d.nik IS NOT NULL AND d.nik IS DISTINCT FROM d.nik_lama
                              AND EXISTS (SELECT 1 FROM dtks.anggota a WHERE a.nik = d.nik)
                              AND NOT EXISTS (SELECT 1 FROM dtks.keanggotaan m WHERE m.nik = d.nik AND upper_inf(m.berlaku))
                             THEN 'the new NIK (nik) is already a person in the registry, not active (the correction would merge two records)' END),
                       (CASE WHEN d.nik IS NOT NULL AND d.kali_baru > 1 THEN 'the new NIK (nik) is given by another correction of the month too' END)
                   ) x(masalah)
             WHERE x.masalah IS NOT NULL) m;
    IF n > 0 THEN
        RAISE EXCEPTION 'penetapan of %: a NIK correction cannot be applied: %', to_char(bulan, 'YYYY-MM'),
                        split_part(daftar, '; ', 1)
            USING ERRCODE = 'DTK11',
                  DETAIL = format('%s problem(s): %s%s. Nothing was determined; return (dikembalikan) or correct these usulan and run the month again.',
                                  n, daftar, CASE WHEN n > 10 THEN '; ...' ELSE '' END);
    END IF;

    -- the corrections, in the order of the usulan and their members
    WITH koreksi AS (
        SELECT b.id, b.no_kk, b.kode_wilayah, e.urutan, (e.value ->> 'nik_lama')::dtks.nik AS nik_lama,
               (e.value ->> 'nik')::dtks.nik AS nik
          FROM pg_temp.penetapan_ini b, jsonb_array_elements(b.data -> 'anggota') WITH ORDINALITY e(value, urutan)
         WHERE jsonb_typeof(b.data -> 'anggota') = 'array' AND jsonb_typeof(e.value) = 'object' AND e.value ? 'nik_lama')
    INSERT INTO dtks.nik_koreksi (nik_lama, nik, usulan, periode, no_kk, kode_wilayah, shdk)
    SELECT k.nik_lama, k.nik, k.id, bulan, k.no_kk, k.kode_wilayah, m.shdk
      FROM koreksi k JOIN dtks.keanggotaan m ON m.nik = k.nik_lama AND m.no_kk = k.no_kk AND upper_inf(m.berlaku)
     ORDER BY k.id, k.urutan;
    GET DIAGNOSTICS n = ROW_COUNT;

    -- the month's map from a NIK corrected to the NIK it has now (a chain in one month ends at its last)
    UPDATE pg_temp.penetapan_koreksi t SET nik = k.nik
      FROM dtks.nik_koreksi k JOIN pg_temp.penetapan_ini b ON b.id = k.usulan
     WHERE t.nik = k.nik_lama;
    INSERT INTO pg_temp.penetapan_koreksi (nik_lama, nik)
    SELECT k.nik_lama, k.nik FROM dtks.nik_koreksi k JOIN pg_temp.penetapan_ini b ON b.id = k.usulan;

    -- the person under the new NIK: a copy of the record; the old record is superseded (ganda), its history kept
    EXECUTE format($q$
        INSERT INTO dtks.anggota (nik, %1$s)
        SELECT k.nik, %2$s
          FROM dtks.nik_koreksi k JOIN pg_temp.penetapan_ini b ON b.id = k.usulan
          JOIN dtks.anggota a ON a.nik = k.nik_lama$q$, kolom_ang, 'a.' || replace(kolom_ang, ', ', ', a.'));
    UPDATE dtks.anggota a SET status_hidup = 'ganda', tanggal_meninggal = NULL
      FROM dtks.nik_koreksi k JOIN pg_temp.penetapan_ini b ON b.id = k.usulan
     WHERE a.nik = k.nik_lama;
    -- the membership continues: the old NIK's closes where the new NIK's opens, same KK and SHDK
    WITH tutup AS (
        UPDATE dtks.keanggotaan m SET berlaku = daterange(lower(m.berlaku), greatest(bulan, lower(m.berlaku) + 1))
          FROM dtks.nik_koreksi k JOIN pg_temp.penetapan_ini b ON b.id = k.usulan
         WHERE m.nik = k.nik_lama AND m.no_kk = k.no_kk AND upper_inf(m.berlaku)
        RETURNING k.nik, m.no_kk, m.shdk, upper(m.berlaku) AS sejak)
    INSERT INTO dtks.keanggotaan (nik, no_kk, shdk, berlaku)
    SELECT t.nik, t.no_kk, t.shdk, daterange(t.sejak, NULL) FROM tutup t;
    -- the household it heads
    UPDATE dtks.rumah_tangga h SET kepala_nik = k.nik
      FROM dtks.nik_koreksi k JOIN pg_temp.penetapan_ini b ON b.id = k.usulan
     WHERE h.kepala_nik = k.nik_lama;
    RETURN n;
END
$$;
REVOKE ALL ON FUNCTION dtks.penetapan_koreksi_nik(date, text) FROM PUBLIC;
COMMENT ON FUNCTION dtks.penetapan_koreksi_nik(date, text) IS
    'Part of dtks.penetapan_terapkan: checks the NIK corrections (data.anggota elements with nik_lama) of one round, refusing the month (DTK11) on the first failed check with every problem listed, then applies them: records dtks.nik_koreksi, copies the person to the new NIK, marks the old record ganda, continues its membership and the household''s kepala under the new NIK; returns how many were applied';

-- Every NIK of one person, by the corrections (in both directions), with the months each was in use.
CREATE FUNCTION dtks.nik_rantai(nik dtks.nik)
    RETURNS TABLE (nik dtks.nik, sejak date, sampai date)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    WITH RECURSIVE orang(nik) AS (
        SELECT nik_rantai.nik
        UNION
        SELECT CASE WHEN k.nik OPERATOR(dtks.=) o.nik THEN k.nik_lama ELSE k.nik END
          FROM orang o JOIN dtks.nik_koreksi k ON k.nik OPERATOR(dtks.=) o.nik OR k.nik_lama OPERATOR(dtks.=) o.nik)
    SELECT o.nik,
           (SELECT pg_catalog.max(k.periode) FROM dtks.nik_koreksi k WHERE k.nik OPERATOR(dtks.=) o.nik),
           (SELECT pg_catalog.max(k.periode) FROM dtks.nik_koreksi k WHERE k.nik_lama OPERATOR(dtks.=) o.nik)
      FROM orang o
     ORDER BY 2 NULLS FIRST, 3 NULLS LAST, 1;
END;
COMMENT ON FUNCTION dtks.nik_rantai(dtks.nik) IS
    'Every NIK the person with this NIK had or has, by the NIK corrections (dtks.nik_koreksi, as the caller may read it): each with the month it was given (sejak, NULL for the first) and the month it was corrected away (sampai, NULL for the one in use); its history is that of all of them';
GRANT EXECUTE ON FUNCTION dtks.nik_rantai(dtks.nik) TO dtks_desa, dtks_kabkota, dtks_provinsi, dtks_pusat, dtks_pt;

-- the penetapan's parts (sql/install/84_penetapan.sql)
CREATE OR REPLACE FUNCTION dtks.penetapan_meja_kerja() RETURNS void
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
                                              'penetapan_ubah_desa', 'penetapan_ubah_program', 'penetapan_agregat_baru', 'penetapan_koreksi']) LOOP
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
    -- dtks.penetapan_koreksi_nik: the month's NIK corrections, each old NIK with the NIK it has now
    CREATE TEMP TABLE penetapan_koreksi (nik_lama dtks.nik, nik dtks.nik) ON COMMIT DROP;
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
     WHERE a.jenis IN ('baru', 'perbaikan') AND NOT (a.e ? 'keluar') AND NOT (a.e ? 'nik_lama')
       AND a.nik IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dtks.anggota x WHERE x.nik = a.nik)
       AND NOT (a.e ?& ARRAY['nama', 'jenis_kelamin', 'tanggal_lahir'])
    UNION ALL
    SELECT DISTINCT a.id, a.jenis, 'a member joining the family has no shdk'
      FROM anggota a JOIN pg_temp.penetapan_usulan u ON u.id = a.id
     WHERE a.jenis IN ('baru', 'perbaikan') AND NOT (a.e ? 'keluar') AND NOT (a.e ? 'shdk') AND NOT (a.e ? 'nik_lama')
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

    -- perbaikan NIK first (88_nik_koreksi.sql): the members below are then found under their new NIK
    PERFORM dtks.penetapan_koreksi_nik(bulan, kolom_ang);

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

    -- the members named: corrected or new persons (a member who leaves keeps the data it had); a NIK corrected
    -- earlier in the month is the person under the NIK it has now
    INSERT INTO pg_temp.penetapan_masuk
    SELECT b.id, b.jenis, b.no_kk, b.alasan_penghentian,
           coalesce((SELECT k.nik FROM pg_temp.penetapan_koreksi k WHERE k.nik_lama = (e ->> 'nik')::dtks.nik LIMIT 1),
                    (e ->> 'nik')::dtks.nik) AS nik,
           (e ->> 'shdk')::smallint AS shdk, coalesce((e ->> 'sejak')::date, bulan) AS sejak,
           CASE WHEN b.jenis = 'penghentian' THEN b.alasan_penghentian ELSE e ->> 'keluar' END AS keluar,
           e - ARRAY['nik', 'nik_lama', 'shdk', 'sejak', 'keluar'] AS ubah
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
               alasan_keluar = CASE WHEN d.nik IS NULL AND NOT EXISTS (SELECT 1 FROM pg_temp.penetapan_koreksi k
                                                                  JOIN pg_temp.penetapan_anggota_kini w ON w.nik = k.nik
                                                                 WHERE k.nik_lama = p.nik)
                                    THEN coalesce((SELECT a.alasan FROM pg_temp.penetapan_alasan_nik a
                                                    WHERE a.nik = coalesce((SELECT k.nik FROM pg_temp.penetapan_koreksi k
                                                                             WHERE k.nik_lama = p.nik LIMIT 1), p.nik)),
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
    -- (a member whose NIK was corrected continues: its old NIK's row ended as a changed row)
    INSERT INTO pg_temp.penetapan_anggota_buka
    SELECT b.*, NOT EXISTS (SELECT 1 FROM pg_temp.penetapan_anggota_tutup x
                             WHERE x.alasan_keluar IS NULL
                               AND (x.nik = b.nik OR x.nik IN (SELECT k.nik_lama FROM pg_temp.penetapan_koreksi k WHERE k.nik = b.nik))) AS masuk
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
COMMENT ON FUNCTION dtks.penetapan_terapkan(date, integer, text, text, text) IS
    'Part of dtks.penetapan_jalankan: applies one round of the month''s usulan to the registry (baru adds the household, family and members; perbaikan corrects them, replaces a member''s NIK (nik_lama, dtks.penetapan_koreksi_nik) and adds or ends members; penghentian ends members or the whole family with its reason)';
COMMENT ON FUNCTION dtks.tetapkan(date) IS
    'The monthly penetapan (pusat or a superuser; 42501 otherwise): every usulan dikirim for the month of periode or earlier becomes ditetapkan and is applied (baru adds the family and members, perbaikan corrects, penghentian ends with its reason, bansos starts the program); changed families are scored and placed in desil (all ranked again on the first month or a new model); presence periods and monthly figures are updated. A month once (23505), in order (DTK04: not before the last, not after the coming month, i.e. the one after dtks.tanggal_acuan or today, not with the month before it not determined; the first month is free); an usulan that cannot be applied refuses the month (DTK05), and so does a NIK correction (nik_lama) that fails its checks (DTK11); all or nothing';
-- 1.1: address text to region (issue 20; sql/install/80_wilayah_alamat.sql, 83_akses.sql, 90_cadangan.sql; the
-- same text).  The names are built by scripts/load-wilayah (dtks.wilayah_nama_segarkan) and once here.

-- Address text to region (issue 20): the words of an address (src/alamat.c), the names of every region as the
-- search compares them (current and earlier editions, and the short forms people write), and the search.

CREATE FUNCTION dtks.alamat_pecah(alamat text) RETURNS text[]
    AS 'MODULE_PATHNAME', 'alamat_pecah' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.alamat_pecah(text) IS
    'The words of an address as dtks.wilayah_dari_alamat reads them, upper case: level words as markers with their word (<1>PROVINSI, <2b>KAB, <2k>KOTA, <3>KEC, <4>DESA for every local word: Kelurahan, Gampong, Nagari, Kampung, Kalurahan, Kapanewon, Kemantren, Distrik ...), "|" where a part ends (comma, semicolon, slash, line break), streets, sub-desa units (Dusun, Banjar, Jorong, Lingkungan, RT, RW), house numbers and postcodes dropped';

CREATE FUNCTION dtks.alamat_kunci(nama text) RETURNS text
    AS 'MODULE_PATHNAME', 'alamat_kunci' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.alamat_kunci(text) IS
    'A region name as the address search compares it: its words upper case, one space apart, apostrophes dropped';

-- The short forms people write for region names: a table of policy (a DBA adds the local ones; pg_dump keeps them).
CREATE TABLE dtks.wilayah_singkatan (
    singkatan text PRIMARY KEY CHECK (singkatan OPERATOR(pg_catalog.=) dtks.alamat_kunci(singkatan) AND singkatan OPERATOR(pg_catalog.<>) ''
                                      AND pg_catalog.strpos(singkatan, ' ') OPERATOR(pg_catalog.=) 0),
    kepanjangan text NOT NULL CHECK (kepanjangan OPERATOR(pg_catalog.=) dtks.alamat_kunci(kepanjangan) AND kepanjangan OPERATOR(pg_catalog.<>) '')
);
COMMENT ON TABLE dtks.wilayah_singkatan IS
    'Short forms of region names in addresses (one word) and the words they stand for, read by dtks.wilayah_dari_alamat';
COMMENT ON COLUMN dtks.wilayah_singkatan.singkatan IS 'The short form, as dtks.alamat_kunci writes it (one word)';
COMMENT ON COLUMN dtks.wilayah_singkatan.kepanjangan IS 'What it stands for, as dtks.alamat_kunci writes it';
COMMENT ON INDEX dtks.wilayah_singkatan_pkey IS 'One meaning per short form';
SELECT pg_catalog.pg_extension_config_dump('dtks.wilayah_singkatan'::regclass,
    'WHERE NOT dtks.aturan_utuh(''wilayah_singkatan'', wilayah_singkatan)');
INSERT INTO dtks.wilayah_singkatan (singkatan, kepanjangan) VALUES
    ('DKI', 'DAERAH KHUSUS IBUKOTA JAKARTA'), ('JKT', 'JAKARTA'), ('JAKSEL', 'JAKARTA SELATAN'),
    ('JAKPUS', 'JAKARTA PUSAT'), ('JAKUT', 'JAKARTA UTARA'), ('JAKBAR', 'JAKARTA BARAT'), ('JAKTIM', 'JAKARTA TIMUR'),
    ('DIY', 'DAERAH ISTIMEWA YOGYAKARTA'), ('JOGJA', 'YOGYAKARTA'), ('JOGYA', 'YOGYAKARTA'), ('YOGYA', 'YOGYAKARTA'),
    ('JOGJAKARTA', 'YOGYAKARTA'), ('JOGYAKARTA', 'YOGYAKARTA'), ('DJOGJAKARTA', 'YOGYAKARTA'),
    ('JABAR', 'JAWA BARAT'), ('JATENG', 'JAWA TENGAH'), ('JATIM', 'JAWA TIMUR'), ('NAD', 'ACEH'),
    ('SUMUT', 'SUMATERA UTARA'), ('SUMBAR', 'SUMATERA BARAT'), ('SUMSEL', 'SUMATERA SELATAN'),
    ('BABEL', 'KEPULAUAN BANGKA BELITUNG'), ('KEPRI', 'KEPULAUAN RIAU'), ('NTB', 'NUSA TENGGARA BARAT'),
    ('NTT', 'NUSA TENGGARA TIMUR'), ('KALBAR', 'KALIMANTAN BARAT'), ('KALTENG', 'KALIMANTAN TENGAH'),
    ('KALSEL', 'KALIMANTAN SELATAN'), ('KALTIM', 'KALIMANTAN TIMUR'), ('KALTARA', 'KALIMANTAN UTARA'),
    ('SULUT', 'SULAWESI UTARA'), ('SULTENG', 'SULAWESI TENGAH'), ('SULSEL', 'SULAWESI SELATAN'),
    ('SULTRA', 'SULAWESI TENGGARA'), ('SULBAR', 'SULAWESI BARAT'), ('MALUT', 'MALUKU UTARA'),
    ('PABAR', 'PAPUA BARAT'), ('PBD', 'PAPUA BARAT DAYA'), ('TTS', 'TIMOR TENGAH SELATAN'), ('TTU', 'TIMOR TENGAH UTARA'),
    ('BDG', 'BANDUNG'), ('SBY', 'SURABAYA'), ('SMG', 'SEMARANG'), ('MKS', 'MAKASSAR'), ('MDN', 'MEDAN'),
    ('PLG', 'PALEMBANG'), ('BPN', 'BALIKPAPAN'), ('BJM', 'BANJARMASIN'),
    ('UJUNGPANDANG', 'MAKASSAR'), ('KULONPROGO', 'KULON PROGO');

-- The names of every region as the search compares them: today's names, earlier editions' names of codes that
-- still exist, and the provinces of earlier editions over the kab/kota they held (the 2022 Papua split). Rebuilt by
-- dtks.wilayah_nama_segarkan (scripts/load-wilayah calls it).
CREATE TABLE dtks.wilayah_nama (
    kunci text NOT NULL,
    kode dtks.kode_wilayah NOT NULL,
    tingkat smallint NOT NULL,
    jenis "char",
    lama boolean NOT NULL DEFAULT false,
    PRIMARY KEY (kunci, kode)
);
COMMENT ON TABLE dtks.wilayah_nama IS
    'The region names the address search compares (dtks.wilayah_dari_alamat), from dtks.wilayah and dtks.wilayah_riwayat; rebuilt by dtks.wilayah_nama_segarkan';
COMMENT ON COLUMN dtks.wilayah_nama.kunci IS 'The name as dtks.alamat_kunci writes it, without Kabupaten/Kota for a kab/kota';
COMMENT ON COLUMN dtks.wilayah_nama.kode IS 'Today''s code of the region';
COMMENT ON COLUMN dtks.wilayah_nama.tingkat IS 'Level 1-4';
COMMENT ON COLUMN dtks.wilayah_nama.jenis IS 'For a kab/kota: b (kabupaten) or k (kota)';
COMMENT ON COLUMN dtks.wilayah_nama.lama IS 'A name of an earlier edition';
COMMENT ON INDEX dtks.wilayah_nama_pkey IS 'Exact lookups of the words of an address';
CREATE INDEX wilayah_nama_kode ON dtks.wilayah_nama (kode);
COMMENT ON INDEX dtks.wilayah_nama_kode IS 'The names of the regions inside one (kode <@ region): the typing errors are looked for there';
CREATE INDEX wilayah_nama_trgm ON dtks.wilayah_nama USING gin (kunci gin_trgm_ops);
COMMENT ON INDEX dtks.wilayah_nama_trgm IS 'Trigrams of the names: a mistyped name with nothing else to place it';
SELECT pg_catalog.pg_extension_config_dump('dtks.wilayah_nama'::regclass, '');

-- A kab/kota name without its kind, and the kind: 'Kabupaten Bandung' -> (BANDUNG, b), 'Kota Administrasi Jakarta
-- Selatan' -> (JAKARTA SELATAN, k).
CREATE FUNCTION dtks.wilayah_nama_pisah(nama text, tingkat integer, OUT kunci text, OUT jenis "char")
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT CASE WHEN tingkat OPERATOR(pg_catalog.=) 2
                THEN pg_catalog.regexp_replace(dtks.alamat_kunci(nama), '^(KABUPATEN|KAB|KOTA ADMINISTRASI|KOTA ADM|KOTA) ', '')
                ELSE dtks.alamat_kunci(nama) END,
           CASE WHEN tingkat OPERATOR(pg_catalog.<>) 2 THEN NULL
                WHEN dtks.alamat_kunci(nama) OPERATOR(pg_catalog.~) '^KOTA ' THEN 'k'::"char" ELSE 'b'::"char" END;
END;
COMMENT ON FUNCTION dtks.wilayah_nama_pisah(text, integer) IS
    'A region name as dtks.wilayah_nama keeps it: the key (dtks.alamat_kunci; a kab/kota without Kabupaten/Kota) and, for a kab/kota, b or k';

-- Rebuild dtks.wilayah_nama from the region reference; returns the rows.
CREATE FUNCTION dtks.wilayah_nama_segarkan() RETURNS bigint
    LANGUAGE sql VOLATILE PARALLEL UNSAFE
BEGIN ATOMIC
    DELETE FROM dtks.wilayah_nama;
    INSERT INTO dtks.wilayah_nama (kunci, kode, tingkat, jenis, lama)
    SELECT DISTINCT ON (x.kunci, x.kode) x.kunci, x.kode, x.tingkat, x.jenis, x.lama
      FROM (SELECT p.kunci, w.kode, w.tingkat::smallint AS tingkat, p.jenis, false AS lama
              FROM dtks.wilayah w CROSS JOIN LATERAL dtks.wilayah_nama_pisah(w.nama, w.tingkat) p
            UNION ALL
            -- the names earlier editions gave codes that still exist
            SELECT p.kunci, w.kode, w.tingkat::smallint, p.jenis, true
              FROM dtks.wilayah_riwayat r JOIN dtks.wilayah w ON w.kode OPERATOR(dtks.=) r.kode
             CROSS JOIN LATERAL dtks.wilayah_nama_pisah(r.nama, w.tingkat) p
            UNION ALL
            -- a province of an earlier edition over the provinces that now hold its kab/kota (same name, new code)
            SELECT pl.kunci, dtks.leluhur(k.kode, 1), 1::smallint, NULL::"char", true
              FROM dtks.wilayah_riwayat kl
              JOIN dtks.wilayah_riwayat prl ON prl.edisi OPERATOR(pg_catalog.=) kl.edisi
                                           AND prl.kode OPERATOR(dtks.=) dtks.leluhur(kl.kode, 1)
             CROSS JOIN LATERAL dtks.wilayah_nama_pisah(kl.nama, 2) kp
             CROSS JOIN LATERAL dtks.wilayah_nama_pisah(prl.nama, 1) pl
              JOIN dtks.wilayah k ON k.tingkat OPERATOR(pg_catalog.=) 2
                                 AND (dtks.wilayah_nama_pisah(k.nama, 2)).kunci OPERATOR(pg_catalog.=) kp.kunci
                                 AND NOT dtks.leluhur(k.kode, 1) OPERATOR(dtks.=) dtks.leluhur(kl.kode, 1)
             WHERE dtks.tingkat(kl.kode) OPERATOR(pg_catalog.=) 2
               AND NOT EXISTS (SELECT 1 FROM dtks.wilayah c WHERE c.kode OPERATOR(dtks.=) kl.kode
                                  AND (dtks.wilayah_nama_pisah(c.nama, 2)).kunci OPERATOR(pg_catalog.=) kp.kunci)) x
     WHERE x.kunci OPERATOR(pg_catalog.<>) ''
     ORDER BY x.kunci, x.kode, x.lama;
    SELECT pg_catalog.count(*) FROM dtks.wilayah_nama;
END;
COMMENT ON FUNCTION dtks.wilayah_nama_segarkan() IS
    'Rebuild dtks.wilayah_nama from dtks.wilayah and dtks.wilayah_riwayat (scripts/load-wilayah calls it after a load); returns its rows';

-- The search.  The words of the address, short forms expanded, cut into parts at part breaks and level words
-- (a level word says which level the part names); every run of up to four words of a part is looked up
-- exactly; a part nothing matched is compared, by Jaro-Winkler, with the names inside the regions the rest of
-- the text found (or by trigrams over all names when it found none).  Each region found is scored with the
-- evidence for it and for each of its ancestors (levels weigh 1, 2, 2, 3 from the province down; an exact name
-- 1, a name matched at a level its level word does not say 0.85, a mistyped one its similarity); a region the
-- text names at a level where the candidate has another loses half that level's weight.  The deepest regions
-- named themselves, best first; skor is the share of what the text could support.
CREATE FUNCTION dtks.wilayah_dari_alamat(alamat text)
    RETURNS TABLE (kode_wilayah dtks.kode_wilayah, skor double precision, rincian jsonb)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 5
    -- a few dozen rows in each step, each name looked up on an index: the planner cannot know (it would hash all
    -- 97,000 names for a handful of lookups, and compile the query)
    SET jit = off SET enable_hashjoin = off SET enable_mergejoin = off
BEGIN ATOMIC
WITH token AS MATERIALIZED (
    -- the words, each short form replaced by its words
    SELECT pg_catalog.row_number() OVER (ORDER BY t.i, w.j) AS pos, w.kata AS tok
      FROM pg_catalog.unnest(dtks.alamat_pecah(wilayah_dari_alamat.alamat)) WITH ORDINALITY AS t(tok, i)
      LEFT JOIN dtks.wilayah_singkatan s ON s.singkatan OPERATOR(pg_catalog.=) t.tok
     CROSS JOIN LATERAL pg_catalog.unnest(pg_catalog.string_to_array(coalesce(s.kepanjangan, t.tok), ' ')) WITH ORDINALITY AS w(kata, j)
),
bagian AS MATERIALIZED (
    -- parts: a level word or a break starts one; its level (from the level word) and its words
    SELECT b.bagian, pg_catalog.min(b.tanda) FILTER (WHERE b.tanda IS NOT NULL) AS tanda,
           pg_catalog.array_agg(b.tok ORDER BY b.pos) FILTER (WHERE b.tanda IS NULL AND b.tok OPERATOR(pg_catalog.<>) '|') AS kata,
           pg_catalog.min(b.kata_tanda) AS kata_tanda
      FROM (SELECT t.pos, t.tok,
                   CASE WHEN t.tok OPERATOR(pg_catalog.~) '^<' THEN pg_catalog.substring(t.tok, '^<([0-9a-z]+)>') END AS tanda,
                   CASE WHEN t.tok OPERATOR(pg_catalog.~) '^<' THEN pg_catalog.substring(t.tok, '>(.*)$') END AS kata_tanda,
                   pg_catalog.sum(CASE WHEN t.tok OPERATOR(pg_catalog.~) '^<' OR t.tok OPERATOR(pg_catalog.=) '|' THEN 1 ELSE 0 END)
                       OVER (ORDER BY t.pos) AS bagian
              FROM token t) b
     GROUP BY b.bagian
),
gram AS MATERIALIZED (
    -- every run of up to four words of a part, with the part's level word (also with that word in front: Kota Baru)
    SELECT b.bagian, b.tanda, a AS mulai, d OPERATOR(pg_catalog.+) 1 AS panjang,
           pg_catalog.array_to_string(b.kata[a:x.e], ' ') AS kunci,
           a OPERATOR(pg_catalog.=) 1 AND x.e OPERATOR(pg_catalog.=) pg_catalog.cardinality(b.kata) AS utuh,
           pg_catalog.cardinality(b.kata) AS kata_bagian
      FROM bagian b, pg_catalog.generate_series(1, 16) a, pg_catalog.generate_series(0, 3) d,
           LATERAL (SELECT a OPERATOR(pg_catalog.+) d AS e) x
     WHERE b.kata IS NOT NULL AND x.e OPERATOR(pg_catalog.<=) pg_catalog.cardinality(b.kata)
    UNION ALL
    SELECT b.bagian, NULL, 0, e OPERATOR(pg_catalog.+) 1, b.kata_tanda OPERATOR(pg_catalog.||) ' ' OPERATOR(pg_catalog.||) pg_catalog.array_to_string(b.kata[1:e], ' '),
           e OPERATOR(pg_catalog.=) pg_catalog.cardinality(b.kata), pg_catalog.cardinality(b.kata) OPERATOR(pg_catalog.+) 1
      FROM bagian b, pg_catalog.generate_series(1, 3) e
     WHERE b.kata_tanda IS NOT NULL AND b.kata IS NOT NULL AND e OPERATOR(pg_catalog.<=) pg_catalog.cardinality(b.kata)
    UNION ALL
    -- and with the level word that follows it (Gampong Lampeuneurut Gampong, Desa Sumber Desa)
    SELECT b.bagian, b.tanda, pg_catalog.cardinality(b.kata) OPERATOR(pg_catalog.-) k OPERATOR(pg_catalog.+) 1, k OPERATOR(pg_catalog.+) 1,
           pg_catalog.array_to_string(b.kata[pg_catalog.cardinality(b.kata) OPERATOR(pg_catalog.-) k OPERATOR(pg_catalog.+) 1:pg_catalog.cardinality(b.kata)], ' ')
               OPERATOR(pg_catalog.||) ' ' OPERATOR(pg_catalog.||) c.kata_tanda,
           k OPERATOR(pg_catalog.=) pg_catalog.cardinality(b.kata), pg_catalog.cardinality(b.kata) OPERATOR(pg_catalog.+) 1
      FROM bagian b JOIN bagian c ON c.bagian OPERATOR(pg_catalog.=) (b.bagian OPERATOR(pg_catalog.+) 1) AND c.kata_tanda IS NOT NULL,
           pg_catalog.generate_series(1, 3) k
     WHERE b.kata IS NOT NULL AND k OPERATOR(pg_catalog.<=) pg_catalog.cardinality(b.kata)
),
tepat AS MATERIALIZED (
    -- the exact names: the first words of a part at the level its level word says (any level without one), later
    -- words of the part at that level or above (Kec. Imogiri Bantul)
    SELECT n.kode, n.tingkat, g.bagian, GREATEST(g.mulai, 1) AS mulai, g.panjang, g.utuh,
           -- a name of an earlier edition weighs a little less than today's (codes were renumbered)
           -- and a name that covers only some words of its part by the share it covers (half for none)
           CASE WHEN g.tanda IS NOT NULL OR g.panjang OPERATOR(pg_catalog.>=) 2 OR n.tingkat OPERATOR(pg_catalog.<=) 2 THEN 1.0
                ELSE 0.85 END::double precision OPERATOR(pg_catalog.*) CASE WHEN n.lama THEN 0.95 ELSE 1.0 END
                OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) (0.5 OPERATOR(pg_catalog.*) g.panjang OPERATOR(pg_catalog./) g.kata_bagian)) AS nilai
      FROM gram g JOIN dtks.wilayah_nama n ON n.kunci OPERATOR(pg_catalog.=) g.kunci
     CROSS JOIN LATERAL (SELECT CASE g.tanda WHEN '1' THEN 1 WHEN '2b' THEN 2 WHEN '2k' THEN 2 WHEN '3' THEN 3 WHEN '4' THEN 4 END AS t) h
     WHERE g.tanda IS NULL
        OR (g.mulai OPERATOR(pg_catalog.=) 1 AND n.tingkat OPERATOR(pg_catalog.=) h.t
            AND (h.t OPERATOR(pg_catalog.<>) 2 OR n.jenis OPERATOR(pg_catalog.=) pg_catalog.right(g.tanda, 1)::"char"))
        OR (g.mulai OPERATOR(pg_catalog.>) 1 AND n.tingkat OPERATOR(pg_catalog.<=) h.t)
),
konteks AS MATERIALIZED (
    -- the kab/kota and kecamatan the exact names place the address in, and which part says so
    SELECT DISTINCT dtks.leluhur(t.kode, LEAST(t.tingkat, 3)) AS kode, t.bagian
      FROM tepat t WHERE t.tingkat OPERATOR(pg_catalog.>=) 2
),
sisa AS MATERIALIZED (
    -- per part, the whole text (a mistyped name may share a word with another name) and the words no exact name
    -- covers, as one text
    SELECT b.bagian, b.tanda, pg_catalog.array_to_string(b.kata, ' ') AS kunci, 1 AS mulai, false AS tersisa
      FROM bagian b
     WHERE b.kata IS NOT NULL
       -- not a part whose whole text is the name of a region inside what another part found
       AND NOT EXISTS (SELECT 1 FROM tepat t JOIN konteks k ON k.bagian OPERATOR(pg_catalog.<>) t.bagian
                                                         AND t.kode OPERATOR(dtks.<@) k.kode
                        WHERE t.bagian OPERATOR(pg_catalog.=) b.bagian AND t.utuh)
    UNION
    SELECT b.bagian, b.tanda, pg_catalog.array_to_string(pg_catalog.array_agg(k.kata ORDER BY k.i), ' '),
           pg_catalog.min(k.i)::integer, true
      FROM bagian b CROSS JOIN LATERAL pg_catalog.unnest(b.kata) WITH ORDINALITY AS k(kata, i)
     WHERE NOT EXISTS (SELECT 1 FROM tepat t
                        WHERE t.bagian OPERATOR(pg_catalog.=) b.bagian AND k.i OPERATOR(pg_catalog.>=) t.mulai
                          AND k.i OPERATOR(pg_catalog.<) (t.mulai OPERATOR(pg_catalog.+) t.panjang))
     GROUP BY b.bagian, b.tanda
),
salah_ketik AS (
    -- those words against the names inside the regions found (or everywhere by trigrams)
    SELECT n.kode, n.tingkat, s.bagian, s.mulai,
           -- Jaro-Winkler 0.84 counts nearly nothing, 1 almost as an exact name
           0.95 OPERATOR(pg_catalog.*) (dtks.jaro_winkler(n.kunci, s.kunci) OPERATOR(pg_catalog.-) 0.8) OPERATOR(pg_catalog./) 0.2 AS nilai
      FROM sisa s CROSS JOIN (SELECT DISTINCT k.kode FROM konteks k) k
      JOIN dtks.wilayah_nama n ON n.kode OPERATOR(dtks.<@) k.kode AND NOT n.kode OPERATOR(dtks.=) k.kode
     WHERE (s.tanda IS NULL OR (s.tanda OPERATOR(pg_catalog.=) '3' AND n.tingkat OPERATOR(pg_catalog.=) 3)
            OR (s.tanda OPERATOR(pg_catalog.=) '4' AND n.tingkat OPERATOR(pg_catalog.=) 4))
       AND pg_catalog.length(s.kunci) OPERATOR(pg_catalog.>=) 4
       AND dtks.jaro_winkler(n.kunci, s.kunci) OPERATOR(pg_catalog.>=) 0.84
    UNION ALL
    SELECT n.kode, n.tingkat, s.bagian, s.mulai,
           0.9 OPERATOR(pg_catalog.*) similarity(n.kunci, s.kunci)
      FROM sisa s JOIN dtks.wilayah_nama n ON n.kunci % s.kunci
     WHERE NOT EXISTS (SELECT 1 FROM konteks) AND s.tersisa
       AND pg_catalog.length(s.kunci) OPERATOR(pg_catalog.>=) 4
       AND (s.tanda IS NULL OR (s.tanda OPERATOR(pg_catalog.=) '1' AND n.tingkat OPERATOR(pg_catalog.=) 1)
            OR (s.tanda OPERATOR(pg_catalog.~) '^2' AND n.tingkat OPERATOR(pg_catalog.=) 2)
            OR (s.tanda OPERATOR(pg_catalog.=) '3' AND n.tingkat OPERATOR(pg_catalog.=) 3)
            OR (s.tanda OPERATOR(pg_catalog.=) '4' AND n.tingkat OPERATOR(pg_catalog.=) 4))
),
bukti AS MATERIALIZED (
    -- every piece of evidence: a region, how well the text names it, and where
    SELECT kode, tingkat, nilai, bagian, mulai FROM tepat
    UNION ALL
    SELECT kode, tingkat, nilai, bagian, mulai FROM salah_ketik
),
terbaik AS MATERIALIZED (
    -- each region named: its best evidence, and where
    SELECT DISTINCT ON (b.kode) b.kode, b.tingkat, b.nilai, b.bagian OPERATOR(pg_catalog.*) 1000 OPERATOR(pg_catalog.+) b.mulai AS tempat
      FROM bukti b ORDER BY b.kode, b.nilai DESC, b.bagian, b.mulai
),
ditandai AS (
    -- the levels the text names with a level word or a name of two words and more: a candidate with another region there loses
    SELECT DISTINCT t.tingkat FROM tepat t WHERE t.nilai OPERATOR(pg_catalog.=) 1.0
),
per_tingkat AS MATERIALIZED (
    -- per candidate and each of its levels, the best evidence for its region there, and where in the text
    SELECT c.kode, c.tingkat AS tingkat_calon, w.tingkat, w.bobot, e.nilai, e.tempat, d.tingkat IS NOT NULL AS ditandai
      FROM terbaik c
      JOIN (VALUES (1, 1.0::double precision), (2, 2.0), (3, 2.0), (4, 3.0)) w(tingkat, bobot)
        ON w.tingkat OPERATOR(pg_catalog.<=) c.tingkat
      LEFT JOIN terbaik e ON e.kode OPERATOR(dtks.=) dtks.leluhur(c.kode, w.tingkat)
      LEFT JOIN ditandai d ON d.tingkat OPERATOR(pg_catalog.=) w.tingkat
),
sendiri AS (
    -- the candidates named by a place of their own: not where one of their ancestors is named (Namlea, Kab. Buru
    -- is the kecamatan Namlea, not its desa Namlea)
    SELECT a.kode FROM per_tingkat a
     WHERE a.tingkat OPERATOR(pg_catalog.=) a.tingkat_calon AND a.nilai IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM per_tingkat o
                        WHERE o.kode OPERATOR(dtks.=) a.kode AND o.tingkat OPERATOR(pg_catalog.<) a.tingkat
                          AND o.tempat OPERATOR(pg_catalog.=) a.tempat)
),
nilai AS (
    -- the sum; one place in the text counts for one level only, its best; a level the text names otherwise loses half
    SELECT p.kode, p.tingkat_calon AS tingkat,
           coalesce(q.jumlah, 0) OPERATOR(pg_catalog.-)
               pg_catalog.sum(CASE WHEN p.nilai IS NULL AND p.ditandai THEN 0.5 OPERATOR(pg_catalog.*) p.bobot ELSE 0 END) AS jumlah,
           pg_catalog.count(p.nilai) AS berbukti,
           pg_catalog.jsonb_object_agg(p.tingkat, pg_catalog.round(coalesce(p.nilai, 0)::numeric, 3)) AS tingkat_bukti
      FROM per_tingkat p JOIN sendiri s ON s.kode OPERATOR(dtks.=) p.kode
      LEFT JOIN (SELECT y.kode, pg_catalog.sum(y.m) AS jumlah
                   FROM (SELECT z.kode, pg_catalog.max(z.bobot OPERATOR(pg_catalog.*) z.nilai) AS m
                           FROM per_tingkat z WHERE z.nilai IS NOT NULL GROUP BY z.kode, z.tempat) y
                  GROUP BY y.kode) q ON q.kode OPERATOR(dtks.=) p.kode
     GROUP BY p.kode, p.tingkat_calon, q.jumlah
),
urut AS (
    -- how many candidates share each score (a name shared by many, alone, is not credible)
    SELECT n.*, pg_catalog.count(*) OVER (PARTITION BY n.jumlah) AS sama_banyak
      FROM nilai n
)
-- credible: named at two levels or more, or alone with its score; of equal scores the shallower (the deeper
-- added nothing)
SELECT u.kode, u.jumlah OPERATOR(pg_catalog./) 8.0,
       pg_catalog.jsonb_build_object('tingkat', u.tingkat, 'bukti', u.tingkat_bukti)
  FROM urut u
 WHERE u.jumlah OPERATOR(pg_catalog.>=) 2.5
   AND (u.berbukti OPERATOR(pg_catalog.>=) 2 OR u.sama_banyak OPERATOR(pg_catalog.=) 1)
 ORDER BY u.jumlah DESC, u.tingkat, u.kode
 LIMIT 5;
END;
COMMENT ON FUNCTION dtks.wilayah_dari_alamat(text) IS
    'The regions an address text names, best first (at most 5; empty when nothing is credible): each at the deepest level the text names itself (a desa where one is named, else the kecamatan or kab/kota), skor the share of the evidence (levels weigh 1, 2, 2, 3 from the province down, of 8) and rincian the evidence per level. Reads level words of every kind, short forms (dtks.wilayah_singkatan), names of earlier editions, typing errors inside the regions the rest of the text found; streets, RT/RW, numbers and sub-desa units are noise';

GRANT SELECT ON dtks.wilayah_singkatan, dtks.wilayah_nama
    TO dtks_desa, dtks_kabkota, dtks_provinsi, dtks_pusat, dtks_pt, dtks_pembaca;

-- The short forms are a table of policy: their edits survive pg_dump/pg_restore (see 40_cadangan.sql).
INSERT INTO dtks.aturan_tabel (tabel, kunci) VALUES ('wilayah_singkatan', '{singkatan}');
CREATE TRIGGER aturan_pulihkan BEFORE INSERT ON dtks.wilayah_singkatan FOR EACH ROW EXECUTE FUNCTION dtks.aturan_pulihkan();
COMMENT ON TRIGGER aturan_pulihkan ON dtks.wilayah_singkatan IS 'A restored row replaces the shipped row of its key while that is as shipped';
CREATE TRIGGER aturan_catat AFTER INSERT OR UPDATE OR DELETE ON dtks.wilayah_singkatan FOR EACH ROW EXECUTE FUNCTION dtks.aturan_catat();
COMMENT ON TRIGGER aturan_catat ON dtks.wilayah_singkatan IS 'Deleted shipped rows are recorded in dtks.aturan_dihapus';
CREATE TRIGGER aturan_kosongkan AFTER TRUNCATE ON dtks.wilayah_singkatan FOR EACH STATEMENT EXECUTE FUNCTION dtks.aturan_kosongkan();
COMMENT ON TRIGGER aturan_kosongkan ON dtks.wilayah_singkatan IS 'A truncation deletes every shipped row';
ALTER TABLE dtks.wilayah_singkatan ENABLE ALWAYS TRIGGER aturan_pulihkan, ENABLE ALWAYS TRIGGER aturan_catat, ENABLE ALWAYS TRIGGER aturan_kosongkan;
INSERT INTO dtks.aturan_bawaan (tabel, kunci, baris)
SELECT 'wilayah_singkatan', dtks.aturan_kunci('wilayah_singkatan', s.j), s.j
  FROM (SELECT dtks.aturan_baris(x) AS j FROM dtks.wilayah_singkatan AS x) AS s;

-- the names of the regions already loaded
SELECT dtks.wilayah_nama_segarkan();
-- 1.1: the household's location checked against its desa or kecamatan (issue 20; sql/install/50_kk_periksa.sql, the
-- same text; the setting dtks.lokasi_toleransi is the module's).

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
-- 1.1: point to region at scale, and off the coast (issue 20; sql/install/30_wilayah.sql, 83_akses.sql, the same
-- text; the setting dtks.laut_toleransi is the module's).

-- The boundaries cut into pieces of at most 64 vertices (ST_Subdivide) for the point lookups: a point is tested
-- against the few small pieces whose boxes hold it, not against whole provinces of thousands of vertices.  Rebuilt by
-- dtks.wilayah_batas_segarkan (scripts/load-wilayah calls it); the area is the whole region's.
CREATE TABLE dtks.wilayah_batas_bagian (
    kode dtks.kode_wilayah NOT NULL,
    tingkat smallint NOT NULL,
    luas double precision NOT NULL,
    bagian geometry(Polygon, 4326) NOT NULL
);
COMMENT ON TABLE dtks.wilayah_batas_bagian IS
    'dtks.wilayah.batas cut into pieces of at most 64 vertices, what dtks.wilayah_di_titik tests a point against; rebuilt by dtks.wilayah_batas_segarkan';
COMMENT ON COLUMN dtks.wilayah_batas_bagian.kode IS 'The region';
COMMENT ON COLUMN dtks.wilayah_batas_bagian.tingkat IS 'Its level';
COMMENT ON COLUMN dtks.wilayah_batas_bagian.luas IS 'The area of the whole region''s boundary (ST_Area, square degrees): the smaller of overlapping regions wins';
COMMENT ON COLUMN dtks.wilayah_batas_bagian.bagian IS 'One piece of the boundary';
CREATE INDEX wilayah_batas_bagian_bagian ON dtks.wilayah_batas_bagian USING gist (bagian);
COMMENT ON INDEX dtks.wilayah_batas_bagian_bagian IS 'The pieces whose box holds a point';
SELECT pg_catalog.pg_extension_config_dump('dtks.wilayah_batas_bagian'::regclass, '');

CREATE FUNCTION dtks.wilayah_batas_segarkan() RETURNS bigint
    LANGUAGE sql VOLATILE PARALLEL UNSAFE
BEGIN ATOMIC
    DELETE FROM dtks.wilayah_batas_bagian;
    INSERT INTO dtks.wilayah_batas_bagian (kode, tingkat, luas, bagian)
    SELECT w.kode, w.tingkat, ST_Area(w.batas), ST_Subdivide(w.batas, 64)
      FROM dtks.wilayah w WHERE w.batas IS NOT NULL;
    SELECT pg_catalog.count(*) FROM dtks.wilayah_batas_bagian;
END;
COMMENT ON FUNCTION dtks.wilayah_batas_segarkan() IS
    'Rebuild dtks.wilayah_batas_bagian from dtks.wilayah.batas (scripts/load-wilayah calls it after a load); returns its rows';

CREATE OR REPLACE FUNCTION dtks.wilayah_di_titik(titik geometry) RETURNS dtks.kode_wilayah
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT b.kode
      FROM dtks.wilayah_batas_bagian b
     WHERE dtks.titik_wgs84_periksa(ST_SRID(titik), GeometryType(titik))
       AND ST_Covers(b.bagian, titik)
     ORDER BY b.tingkat DESC, b.luas, b.kode
     LIMIT 1;
END;
COMMENT ON FUNCTION dtks.wilayah_di_titik(geometry) IS
    'Deepest loaded region whose boundary covers a WGS 84 point (tested against the pieces of dtks.wilayah_batas_bagian); where simplified polygons overlap, the smallest, then the lowest code; NULL if none';

-- A point in the sea near the coast: the nearest region within dtks.laut_toleransi metres, flagged.
CREATE FUNCTION dtks.wilayah_di_titik_rinci(titik geometry, OUT kode_wilayah dtks.kode_wilayah, OUT di_laut boolean,
                                            OUT jarak double precision)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    WITH tepat AS (
        SELECT dtks.wilayah_di_titik(titik) AS kode
    ),
    dekat AS (
        -- the nearest pieces, then the deepest region among those within the tolerance
        SELECT x.kode, x.jarak
          FROM (SELECT b.kode, b.tingkat, b.luas, ST_Distance(b.bagian::geography, titik::geography) AS jarak
                  FROM dtks.wilayah_batas_bagian b, tepat t
                 WHERE t.kode IS NULL
                 ORDER BY b.bagian <-> titik
                 LIMIT 32) x
         WHERE x.jarak OPERATOR(pg_catalog.<=) pg_catalog.current_setting('dtks.laut_toleransi')::double precision
         ORDER BY x.tingkat DESC, x.jarak, x.luas, x.kode
         LIMIT 1
    )
    SELECT coalesce(t.kode, d.kode), t.kode IS NULL AND d.kode IS NOT NULL, CASE WHEN t.kode IS NOT NULL THEN 0 ELSE d.jarak END
      FROM tepat t LEFT JOIN dekat d ON true;
END;
COMMENT ON FUNCTION dtks.wilayah_di_titik_rinci(geometry) IS
    'dtks.wilayah_di_titik, and for a point no boundary covers (the sea, or a gap of the simplified polygons) the deepest region within dtks.laut_toleransi metres of it, nearest first: di_laut true and jarak its distance (metres on the spheroid); NULL when none is that near';
GRANT SELECT ON dtks.wilayah_batas_bagian TO dtks_desa, dtks_kabkota, dtks_provinsi, dtks_pusat, dtks_pt, dtks_pembaca;
-- the boundaries already loaded
SELECT dtks.wilayah_batas_segarkan();
-- The rows of dtks.galat_kode, generated from src/galat_kode.txt by scripts/galat-kode (edit that
-- file, not this one); appended to the install script and to the upgrade script, so that
-- the table is the catalogue of the version installed.
DELETE FROM dtks.galat_kode;
INSERT INTO dtks.galat_kode (kode, nama, makna) VALUES
    ('DTK01', 'langkah_tidak_ada', 'an usulan status change that is not a step of the usulan process: no such step in dtks.usulan_langkah, the usulan already in that status (the loser of two sessions racing on one usulan), or a new usulan not starting as draf'),
    ('DTK02', 'di_luar_jadwal', 'an usulan step outside every window of its stage in dtks.usulan_jadwal for the usulan''s region, while dtks.tegakkan_jadwal is on'),
    ('DTK03', 'usulan_terkunci', 'an usulan changed where only the process may change it: its proposal (jenis, sumber, kode_wilayah, no_kk, data, program, alasan_penghentian) outside draf, tidak_padan and dikembalikan, or a column only the process sets (periode_penetapan, dibuat, dibuat_oleh) written'),
    ('DTK04', 'penetapan_tidak_berurutan', 'a penetapan month out of sequence: earlier than the last one determined, later than the coming month, or its previous month not determined'),
    ('DTK05', 'usulan_tidak_dapat_diterapkan', 'an usulan of the penetapan month cannot be applied to the registry (every problem listed in the detail); nothing of the month is determined'),
    ('DTK06', 'laporan_tertunggak', 'the agency (dtks.instansi) holds data handed over to it without a laporan hasil pemanfaatan: no new permohonan, approval, handover or export for it until it reports'),
    ('DTK07', 'kolom_ekspor_tidak_ada', 'a permohonan asks for a field that is not in the export catalogue dtks.ekspor_kolom'),
    ('DTK08', 'langkah_permohonan_tidak_ada', 'a permohonan status change that is not a step of the permohonan process: no such step, the permohonan already in that status (the loser of two sessions taking one step), or a new permohonan not starting as diajukan'),
    ('DTK09', 'permohonan_terkunci', 'a permohonan changed where it may not: its instansi at any time, its content once it is no longer diajukan, or a column only the process sets (dicatat, dicatat_oleh, diputuskan, diputuskan_oleh) written'),
    ('DTK10', 'ekspor_tidak_terbuka', 'an export (dtks.ekspor_data) of a permohonan that is neither approved (disetujui) nor handed over (diserahkan): not decided yet, refused, or closed by its laporan'),
    ('DTK11', 'nik_koreksi_ditolak', 'a NIK correction (perbaikan naming nik_lama and nik) of the penetapan month that cannot be applied: the new NIK not in dtks.penduduk, active in another family or already a person in the registry, nik_lama not a current member of the family, or equal to nik (every problem listed in the detail); nothing of the month is determined');
