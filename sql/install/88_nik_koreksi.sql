-- Perbaikan NIK: a perbaikan usulan replaces a member's NIK (the West Sumatra "perbaikan NIK" menu).
--
-- An element of data.anggota naming {"nik_lama": the member's NIK in the family now, "nik": the
-- corrected NIK, ...} is applied by the monthly penetapan (dtks.penetapan_terapkan calls
-- dtks.penetapan_koreksi_nik at the start of each round) after it is checked: the new NIK is in
-- dtks.penduduk (known to Dukcapil), is not active in DTKS (in another family, or as another member of
-- this one), is not already a person in the registry, and is given by no other correction of the round;
-- nik_lama is a current member of the usulan's family and differs from nik.  A failed check refuses the
-- whole month (DTK11), nothing stored.
--
-- The registry's history is never rewritten (memberships are only ever closed): the person continues
-- under the new NIK as a new record, a copy of the old one, whose membership of the family opens
-- where the old one's closes (same KK, same SHDK); the old record is marked ganda (superseded) and
-- keeps its history, the household's kepala_nik follows.  The presence rows (dtks.penetapan_anggota)
-- likewise keep the old NIK's rows: its stretch ends with the month before and the new NIK's opens with
-- the month, as a changed row (neither an exit nor an entry in the figures), so that
-- dtks.penetapan_pada answers with the NIK each month had, with no mapping.  dtks.nik_koreksi links the
-- two; dtks.nik_rantai follows a person through every NIK it had.

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
