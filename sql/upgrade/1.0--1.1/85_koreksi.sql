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
