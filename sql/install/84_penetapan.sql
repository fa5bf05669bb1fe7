-- The monthly penetapan: the ministry determines DTKS once a month (domain.md 4.6).
--
-- dtks.tetapkan(periode) takes every usulan sent (dikirim) for that month or earlier, moves it to
-- ditetapkan, applies it to the registry, and records who is in DTKS as validity periods by
-- month: a family's, a member's and a program membership's presence is one row from the month
-- it began until the month it ended (open while it lasts).  A month therefore writes rows only
-- for what changed, and "who was in DTKS in month M" is one indexed query
-- (dtks.penetapan_pada).  The monthly figures per region are kept up to date as each month is
-- determined (dtks.penetapan_agregat, 84_penetapan_agregat.sql; read through 86_penetapan_bi.sql).

-- The months determined, and what each did.
CREATE TABLE dtks.penetapan (
    periode date PRIMARY KEY CONSTRAINT penetapan_awal_bulan CHECK (extract(day FROM periode) OPERATOR(pg_catalog.=) 1),
    ditetapkan timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    pengguna name NOT NULL DEFAULT SESSION_USER,
    pelaku name NOT NULL,
    model text NOT NULL REFERENCES dtks.skor_model (versi),
    acuan_desil date NOT NULL,
    usulan bigint NOT NULL,
    keluarga_masuk bigint NOT NULL,
    keluarga_keluar bigint NOT NULL,
    anggota_masuk bigint NOT NULL,
    anggota_keluar bigint NOT NULL,
    program_mulai bigint NOT NULL,
    program_selesai bigint NOT NULL,
    skor_dihitung bigint NOT NULL,
    desil_ulang boolean NOT NULL,
    riwayat_sampai bigint
);
COMMENT ON TABLE dtks.penetapan IS 'The months determined by dtks.tetapkan (each once, in order), with what each applied';
COMMENT ON COLUMN dtks.penetapan.periode IS 'The month determined (its first day)';
COMMENT ON COLUMN dtks.penetapan.ditetapkan IS 'When the penetapan ran';
COMMENT ON COLUMN dtks.penetapan.pengguna IS 'The session user who ran it';
COMMENT ON COLUMN dtks.penetapan.pelaku IS 'The role that called dtks.tetapkan (the current user under SET ROLE)';
COMMENT ON COLUMN dtks.penetapan.model IS 'The score model in force for the month';
COMMENT ON COLUMN dtks.penetapan.acuan_desil IS 'The month of the full national ranking whose desil cut points the month used (dtks.penetapan_desil_batas)';
COMMENT ON COLUMN dtks.penetapan.usulan IS 'Usulan determined (dikirim -> ditetapkan)';
COMMENT ON COLUMN dtks.penetapan.keluarga_masuk IS 'Families that entered DTKS';
COMMENT ON COLUMN dtks.penetapan.keluarga_keluar IS 'Families that left DTKS';
COMMENT ON COLUMN dtks.penetapan.anggota_masuk IS 'Members that entered DTKS';
COMMENT ON COLUMN dtks.penetapan.anggota_keluar IS 'Members that left DTKS';
COMMENT ON COLUMN dtks.penetapan.program_mulai IS 'Program memberships started';
COMMENT ON COLUMN dtks.penetapan.program_selesai IS 'Program memberships ended (the family left DTKS)';
COMMENT ON COLUMN dtks.penetapan.skor_dihitung IS 'Families scored this month';
COMMENT ON COLUMN dtks.penetapan.desil_ulang IS 'Whether every family was ranked again (the first month, or a new model in force)';
COMMENT ON COLUMN dtks.penetapan.riwayat_sampai IS 'The last registry history id (dtks.riwayat_id_seq) when the month was determined: the next month also re-reads the KKs of every direct registry edit after it';
COMMENT ON INDEX dtks.penetapan_pkey IS 'One penetapan per month';
COMMENT ON CONSTRAINT penetapan_awal_bulan ON dtks.penetapan IS 'A month is named by its first day';
SELECT pg_catalog.pg_extension_config_dump('dtks.penetapan'::regclass, '');

-- The desil cut points of a full national ranking: a family scored later takes the desil whose
-- range holds its score, so one month's changes do not re-rank the country.
CREATE TABLE dtks.penetapan_desil_batas (
    acuan date NOT NULL,
    versi text NOT NULL REFERENCES dtks.skor_model (versi),
    desil smallint NOT NULL CHECK (desil BETWEEN 1 AND 10),
    skor_atas double precision NOT NULL,
    PRIMARY KEY (acuan, versi, desil)
);
COMMENT ON TABLE dtks.penetapan_desil_batas IS
    'Cut points of a full national desil ranking made by the penetapan: the highest score of each desil; later months place a newly scored family by them';
COMMENT ON COLUMN dtks.penetapan_desil_batas.acuan IS 'The month of the ranking';
COMMENT ON COLUMN dtks.penetapan_desil_batas.versi IS 'The score model';
COMMENT ON COLUMN dtks.penetapan_desil_batas.desil IS 'Desil 1-10';
COMMENT ON COLUMN dtks.penetapan_desil_batas.skor_atas IS 'The highest score ranked into this desil (desil 10 takes every higher score)';
COMMENT ON INDEX dtks.penetapan_desil_batas_pkey IS 'One cut point per ranking, model and desil';
SELECT pg_catalog.pg_extension_config_dump('dtks.penetapan_desil_batas'::regclass, '');

-- Presence periods are whole months: [first month, month it ended).
CREATE DOMAIN dtks.masa_bulan AS daterange
    CHECK (NOT pg_catalog.isempty(VALUE) AND NOT pg_catalog.lower_inf(VALUE) AND extract(day FROM pg_catalog.lower(VALUE)) OPERATOR(pg_catalog.=) 1
           AND (pg_catalog.upper_inf(VALUE) OR extract(day FROM pg_catalog.upper(VALUE)) OPERATOR(pg_catalog.=) 1));
COMMENT ON DOMAIN dtks.masa_bulan IS 'A presence in DTKS by month: from the first day of its first month until the first day of the month it ended (open while it lasts)';

-- Why a presence ended.
CREATE DOMAIN dtks.alasan_keluar AS text CHECK (VALUE IN ('meninggal', 'pindah', 'mampu', 'ganda', 'lainnya'));
COMMENT ON DOMAIN dtks.alasan_keluar IS 'Why a family, member or program membership left DTKS: the penghentian reasons (meninggal, pindah, mampu, ganda) or lainnya (e.g. left its KK)';

-- Each family's presence in DTKS, with its region, household, score and desil.
CREATE TABLE dtks.penetapan_keluarga (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    no_kk dtks.no_kk NOT NULL,
    rumah_tangga_id bigint NOT NULL,
    kode_wilayah dtks.kode_wilayah NOT NULL,
    skor double precision,
    desil smallint CHECK (desil BETWEEN 1 AND 10),
    berlaku dtks.masa_bulan NOT NULL,
    alasan_keluar dtks.alasan_keluar,
    usulan bigint,
    CONSTRAINT penetapan_keluarga_alasan CHECK (alasan_keluar IS NULL OR NOT pg_catalog.upper_inf(berlaku))
);
COMMENT ON TABLE dtks.penetapan_keluarga IS
    'Families in DTKS by month: one row per unchanged stretch (a change of region, household, score or desil ends a row and opens the next; leaving ends it with a reason)';
COMMENT ON COLUMN dtks.penetapan_keluarga.id IS 'Row number';
COMMENT ON COLUMN dtks.penetapan_keluarga.no_kk IS 'The family';
COMMENT ON COLUMN dtks.penetapan_keluarga.rumah_tangga_id IS 'Its household';
COMMENT ON COLUMN dtks.penetapan_keluarga.kode_wilayah IS 'Its desa/kelurahan';
COMMENT ON COLUMN dtks.penetapan_keluarga.skor IS 'Welfare score with the month''s model';
COMMENT ON COLUMN dtks.penetapan_keluarga.desil IS 'National desil (by the full ranking, or its cut points for a family scored later)';
COMMENT ON COLUMN dtks.penetapan_keluarga.berlaku IS 'The months of this stretch';
COMMENT ON COLUMN dtks.penetapan_keluarga.alasan_keluar IS 'Why the family left DTKS when this row ended (NULL: still in, or followed by a changed row)';
COMMENT ON COLUMN dtks.penetapan_keluarga.usulan IS 'The usulan that caused this row (NULL: the first penetapan or a re-ranking)';
COMMENT ON CONSTRAINT penetapan_keluarga_alasan ON dtks.penetapan_keluarga IS 'Only an ended stretch has a reason to leave';
CREATE UNIQUE INDEX penetapan_keluarga_kini ON dtks.penetapan_keluarga (no_kk) WHERE pg_catalog.upper_inf(berlaku);
COMMENT ON INDEX dtks.penetapan_keluarga_kini IS 'At most one current stretch per family';
CREATE INDEX penetapan_keluarga_kk ON dtks.penetapan_keluarga (no_kk, pg_catalog.lower(berlaku));
COMMENT ON INDEX dtks.penetapan_keluarga_kk IS 'A family''s stretches';
CREATE INDEX penetapan_keluarga_rumah_tangga ON dtks.penetapan_keluarga (rumah_tangga_id);
COMMENT ON INDEX dtks.penetapan_keluarga_rumah_tangga IS 'The families of a household (household counts)';
CREATE INDEX penetapan_keluarga_wilayah ON dtks.penetapan_keluarga (kode_wilayah);
COMMENT ON INDEX dtks.penetapan_keluarga_wilayah IS 'The families of a region';
CREATE INDEX penetapan_keluarga_berlaku ON dtks.penetapan_keluarga USING gist (berlaku);
COMMENT ON INDEX dtks.penetapan_keluarga_berlaku IS 'The families in DTKS in a month';
COMMENT ON INDEX dtks.penetapan_keluarga_pkey IS 'Row number';
SELECT pg_catalog.pg_extension_config_dump('dtks.penetapan_keluarga'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.penetapan_keluarga_id_seq'::regclass, '');
COMMENT ON SEQUENCE dtks.penetapan_keluarga_id_seq IS 'Numbers the family presence rows';

-- Each member's presence in DTKS, with the family, SHDK, sex and birth date counted then.
CREATE TABLE dtks.penetapan_anggota (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    nik dtks.nik NOT NULL,
    no_kk dtks.no_kk NOT NULL,
    kode_wilayah dtks.kode_wilayah NOT NULL,
    shdk dtks.kode_shdk NOT NULL,
    jenis_kelamin dtks.kode_jenis_kelamin NOT NULL,
    tanggal_lahir date NOT NULL,
    berlaku dtks.masa_bulan NOT NULL,
    alasan_keluar dtks.alasan_keluar,
    usulan bigint,
    CONSTRAINT penetapan_anggota_alasan CHECK (alasan_keluar IS NULL OR NOT pg_catalog.upper_inf(berlaku))
);
COMMENT ON TABLE dtks.penetapan_anggota IS
    'Members in DTKS by month: one row per unchanged stretch (a change of family, SHDK, region, sex or birth date ends a row and opens the next; leaving ends it with a reason)';
COMMENT ON COLUMN dtks.penetapan_anggota.id IS 'Row number';
COMMENT ON COLUMN dtks.penetapan_anggota.nik IS 'The member';
COMMENT ON COLUMN dtks.penetapan_anggota.no_kk IS 'The family';
COMMENT ON COLUMN dtks.penetapan_anggota.kode_wilayah IS 'The family''s desa/kelurahan';
COMMENT ON COLUMN dtks.penetapan_anggota.shdk IS 'Relationship to the kepala keluarga';
COMMENT ON COLUMN dtks.penetapan_anggota.jenis_kelamin IS 'Sex';
COMMENT ON COLUMN dtks.penetapan_anggota.tanggal_lahir IS 'Birth date (age bands are computed for each month)';
COMMENT ON COLUMN dtks.penetapan_anggota.berlaku IS 'The months of this stretch';
COMMENT ON COLUMN dtks.penetapan_anggota.alasan_keluar IS 'Why the member left DTKS when this row ended (NULL: still in, or followed by a changed row)';
COMMENT ON COLUMN dtks.penetapan_anggota.usulan IS 'The usulan that caused this row (NULL: the first penetapan)';
COMMENT ON CONSTRAINT penetapan_anggota_alasan ON dtks.penetapan_anggota IS 'Only an ended stretch has a reason to leave';
CREATE UNIQUE INDEX penetapan_anggota_kini ON dtks.penetapan_anggota (nik) WHERE pg_catalog.upper_inf(berlaku);
COMMENT ON INDEX dtks.penetapan_anggota_kini IS 'At most one current stretch per member';
CREATE INDEX penetapan_anggota_kk_kini ON dtks.penetapan_anggota (no_kk) WHERE pg_catalog.upper_inf(berlaku);
COMMENT ON INDEX dtks.penetapan_anggota_kk_kini IS 'The current members of a family';
CREATE INDEX penetapan_anggota_lahir_kini ON dtks.penetapan_anggota (tanggal_lahir) WHERE pg_catalog.upper_inf(berlaku);
COMMENT ON INDEX dtks.penetapan_anggota_lahir_kini IS 'Current members by birth date: who moves to another age band in a month';
CREATE INDEX penetapan_anggota_nik ON dtks.penetapan_anggota (nik, pg_catalog.lower(berlaku));
COMMENT ON INDEX dtks.penetapan_anggota_nik IS 'A member''s stretches';
CREATE INDEX penetapan_anggota_wilayah ON dtks.penetapan_anggota (kode_wilayah);
COMMENT ON INDEX dtks.penetapan_anggota_wilayah IS 'The members of a region';
CREATE INDEX penetapan_anggota_berlaku ON dtks.penetapan_anggota USING gist (berlaku);
COMMENT ON INDEX dtks.penetapan_anggota_berlaku IS 'The members in DTKS in a month';
COMMENT ON INDEX dtks.penetapan_anggota_pkey IS 'Row number';
SELECT pg_catalog.pg_extension_config_dump('dtks.penetapan_anggota'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.penetapan_anggota_id_seq'::regclass, '');
COMMENT ON SEQUENCE dtks.penetapan_anggota_id_seq IS 'Numbers the member presence rows';

-- Program memberships (started by a bansos usulan, ended when the family leaves DTKS).
CREATE TABLE dtks.penetapan_program (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    no_kk dtks.no_kk NOT NULL,
    program text NOT NULL REFERENCES dtks.program (kode),
    berlaku dtks.masa_bulan NOT NULL,
    alasan_selesai dtks.alasan_keluar,
    usulan bigint,
    CONSTRAINT penetapan_program_alasan CHECK (alasan_selesai IS NULL OR NOT pg_catalog.upper_inf(berlaku))
);
COMMENT ON TABLE dtks.penetapan_program IS 'Program memberships by month: started by a determined bansos usulan, ended when the family leaves DTKS';
COMMENT ON COLUMN dtks.penetapan_program.id IS 'Row number';
COMMENT ON COLUMN dtks.penetapan_program.no_kk IS 'The family (keluarga penerima manfaat)';
COMMENT ON COLUMN dtks.penetapan_program.program IS 'The program (dtks.program)';
COMMENT ON COLUMN dtks.penetapan_program.berlaku IS 'The months of the membership';
COMMENT ON COLUMN dtks.penetapan_program.alasan_selesai IS 'Why it ended (the family''s reason to leave DTKS)';
COMMENT ON COLUMN dtks.penetapan_program.usulan IS 'The bansos usulan that started it';
COMMENT ON CONSTRAINT penetapan_program_alasan ON dtks.penetapan_program IS 'Only an ended membership has a reason';
CREATE UNIQUE INDEX penetapan_program_kini ON dtks.penetapan_program (no_kk, program) WHERE pg_catalog.upper_inf(berlaku);
COMMENT ON INDEX dtks.penetapan_program_kini IS 'A family is in a program at most once at a time';
CREATE INDEX penetapan_program_kk ON dtks.penetapan_program (no_kk, pg_catalog.lower(berlaku));
COMMENT ON INDEX dtks.penetapan_program_kk IS 'A family''s program memberships';
COMMENT ON INDEX dtks.penetapan_program_pkey IS 'Row number';
SELECT pg_catalog.pg_extension_config_dump('dtks.penetapan_program'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.penetapan_program_id_seq'::regclass, '');
COMMENT ON SEQUENCE dtks.penetapan_program_id_seq IS 'Numbers the program membership rows';

-- The age band of a person on the first day of a month (C: called for every member counted).
CREATE FUNCTION dtks.kelompok_umur(tanggal_lahir date, pada date) RETURNS text
    AS 'MODULE_PATHNAME', 'kelompok_umur' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.kelompok_umur(date, date) IS
    'Age band on a date (0_5: balita and pre-school, 6_17: school age, 18_59: working age, 60_lebih: elderly, the PKH components)';

-- Who was in DTKS in a month (optionally inside a region): every member, its family's desil and programs.
CREATE FUNCTION dtks.penetapan_pada(periode date, wilayah dtks.kode_wilayah DEFAULT NULL)
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
COMMENT ON FUNCTION dtks.penetapan_pada(date, dtks.kode_wilayah) IS
    'Who was in DTKS in the month of periode (as the latest penetapan on or before it left it), inside wilayah if given: each member with its family, SHDK, sex, birth date, the family''s desil and score, and its programs; row-level security shows an office its own region';

-- The penetapan's work tables, created empty before the run: dtks.tetapkan calls it as the caller (the
-- pusat office or a superuser, the tables its own), then runs dtks.penetapan_jalankan as the owner in a
-- security-restricted operation, which may fill, index, analyse and truncate a temporary table but not
-- create one.  The columns are those the statements that fill them give; each index is made where the
-- run fills its table.  The owner is the superuser who installed dtks (the control file's superuser =
-- true), who may use tables of any role.
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
REVOKE ALL ON FUNCTION dtks.penetapan_meja_kerja() FROM PUBLIC;
COMMENT ON FUNCTION dtks.penetapan_meja_kerja() IS
    'Part of dtks.tetapkan (which calls it directly, as its caller, before the owner''s security-restricted run of dtks.penetapan_jalankan): drops what a failed penetapan of the transaction left, and creates the month''s temporary work tables empty (ON COMMIT DROP)';

-- The penetapan itself, set-based: called by dtks.tetapkan only, as the owner, taking the steps as
-- the penetapan office.  Every statement reads and writes only what the month's usulan touch, except
-- the first month and a month with a new model in force, which rank every family.
CREATE FUNCTION dtks.penetapan_jalankan(bulan_diminta date)
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
REVOKE ALL ON FUNCTION dtks.penetapan_jalankan(date) FROM PUBLIC;
COMMENT ON FUNCTION dtks.penetapan_jalankan(date) IS
    'The set-based penetapan behind dtks.tetapkan (which alone may call it, as the owner in a security-restricted operation, taking the steps as penetapan, after dtks.penetapan_meja_kerja): determines the sent usulan, applies them, scores, updates the presence periods and the monthly figures';

-- Refuse the month if an usulan's data cannot be applied: every problem found, the first named.
CREATE FUNCTION dtks.penetapan_periksa_data(bulan date) RETURNS void
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
REVOKE ALL ON FUNCTION dtks.penetapan_periksa_data(date) FROM PUBLIC;
COMMENT ON FUNCTION dtks.penetapan_periksa_data(date) IS
    'Part of dtks.penetapan_jalankan: refuses the month (DTK05) when an usulan''s data cannot be applied, listing every problem found';

-- Apply one round of the month's usulan (the r-th usulan of each KK) to the registry.
CREATE FUNCTION dtks.penetapan_terapkan(bulan date, putaran integer, kolom_rt text, kolom_kel text, kolom_ang text)
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
REVOKE ALL ON FUNCTION dtks.penetapan_terapkan(date, integer, text, text, text) FROM PUBLIC;
COMMENT ON FUNCTION dtks.penetapan_terapkan(date, integer, text, text, text) IS
    'Part of dtks.penetapan_jalankan: applies one round of the month''s usulan to the registry (baru adds the household, family and members; perbaikan corrects them, replaces a member''s NIK (nik_lama, dtks.penetapan_koreksi_nik) and adds or ends members; penghentian ends members or the whole family with its reason)';

-- The families of the month in DTKS after it (an active KK with a current living member), scored
-- and placed in desil: all ranked again on the first month or a new model, else placed by the cut
-- points of the last full ranking.
CREATE FUNCTION dtks.penetapan_skor(bulan date, model text, acuan_desil date) RETURNS bigint
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
REVOKE ALL ON FUNCTION dtks.penetapan_skor(date, text, date) FROM PUBLIC;
COMMENT ON FUNCTION dtks.penetapan_skor(date, text, date) IS
    'Part of dtks.penetapan_jalankan: the touched families in DTKS after the month, with score and national desil (a full ranking when acuan_desil is the month itself, else the cut points of the ranking of acuan_desil); returns how many were scored';

-- End the presence rows that changed or left, open those that changed or entered, start and end
-- program memberships; keeps what it ended and opened for the monthly figures.
CREATE FUNCTION dtks.penetapan_selaraskan(bulan date, lalu date)
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
REVOKE ALL ON FUNCTION dtks.penetapan_selaraskan(date, date) FROM PUBLIC;
COMMENT ON FUNCTION dtks.penetapan_selaraskan(date, date) IS
    'Part of dtks.penetapan_jalankan: ends the presence rows of families and members that changed or left (with the reason), opens those that changed or entered, ends the programs of families that left and starts the bansos ones; returns the counts';

-- The penetapan of a month, by the ministry.
CREATE FUNCTION dtks.tetapkan(periode date)
    RETURNS TABLE (periode date, usulan bigint, keluarga_masuk bigint, keluarga_keluar bigint,
                   anggota_masuk bigint, anggota_keluar bigint, program_mulai bigint, program_selesai bigint,
                   skor_dihitung bigint, desil_ulang boolean)
    AS 'MODULE_PATHNAME', 'tetapkan' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION dtks.tetapkan(date) IS
    'The monthly penetapan (pusat or a superuser; 42501 otherwise): every usulan dikirim for the month of periode or earlier becomes ditetapkan and is applied (baru adds the family and members, perbaikan corrects, penghentian ends with its reason, bansos starts the program); changed families are scored and placed in desil (all ranked again on the first month or a new model); presence periods and monthly figures are updated. A month once (23505), in order (DTK04: not before the last, not after the coming month, i.e. the one after dtks.tanggal_acuan or today, not with the month before it not determined; the first month is free); an usulan that cannot be applied refuses the month (DTK05), and so does a NIK correction (nik_lama) that fails its checks (DTK11); all or nothing';
GRANT EXECUTE ON FUNCTION dtks.tetapkan(date) TO dtks_pusat;

-- Offices read the presence history of their region; the figures are for everyone (86_penetapan_bi.sql).
GRANT SELECT ON dtks.penetapan, dtks.penetapan_keluarga, dtks.penetapan_anggota, dtks.penetapan_program,
                dtks.penetapan_desil_batas
    TO dtks_desa, dtks_kabkota, dtks_provinsi, dtks_pusat, dtks_pt;
ALTER TABLE dtks.penetapan_keluarga ENABLE ROW LEVEL SECURITY;
CREATE POLICY wilayah_petugas ON dtks.penetapan_keluarga FOR SELECT
    USING ((SELECT dtks.petugas_nasional()) OR kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas()));
COMMENT ON POLICY wilayah_petugas ON dtks.penetapan_keluarga IS 'Families in DTKS inside the office''s region (every region for pusat and pt)';
ALTER TABLE dtks.penetapan_anggota ENABLE ROW LEVEL SECURITY;
CREATE POLICY wilayah_petugas ON dtks.penetapan_anggota FOR SELECT
    USING ((SELECT dtks.petugas_nasional()) OR kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas()));
COMMENT ON POLICY wilayah_petugas ON dtks.penetapan_anggota IS 'Members in DTKS inside the office''s region (every region for pusat and pt)';
ALTER TABLE dtks.penetapan_program ENABLE ROW LEVEL SECURITY;
CREATE POLICY wilayah_petugas ON dtks.penetapan_program FOR SELECT
    USING (EXISTS (SELECT 1 FROM dtks.penetapan_keluarga k WHERE k.no_kk OPERATOR(dtks.=) penetapan_program.no_kk));
COMMENT ON POLICY wilayah_petugas ON dtks.penetapan_program IS 'Program memberships of the families the office sees';
GRANT EXECUTE ON FUNCTION dtks.penetapan_pada(date, dtks.kode_wilayah) TO dtks_desa, dtks_kabkota, dtks_provinsi, dtks_pusat, dtks_pt;
