-- Matching usulan with the civil registry (pemadanan Dukcapil, first level).
--
-- dtks.penduduk holds the agency's extract of Dukcapil; dtks.padankan_usulan moves every diajukan
-- usulan of a region to padan or tidak_padan and records what it found per member in
-- dtks.usulan_temuan.  Only the matching takes those steps (office pemadanan).

CREATE TABLE dtks.penduduk (
    nik dtks.nik PRIMARY KEY,
    no_kk dtks.no_kk,
    nama text NOT NULL,
    tempat_lahir text,
    tanggal_lahir date,
    jenis_kelamin dtks.kode_jenis_kelamin,
    alamat text,
    kode_wilayah dtks.kode_wilayah,
    hidup boolean NOT NULL DEFAULT true,
    tanggal_meninggal date,
    diperbarui date,
    nama_kunci text GENERATED ALWAYS AS (dtks.nama_kunci(nama)) STORED
);
COMMENT ON TABLE dtks.penduduk IS
    'The agency''s extract of the civil registry (Dukcapil), loadable by COPY; the Dukcapil matching of usulan reads it';
COMMENT ON COLUMN dtks.penduduk.nik IS 'NIK';
COMMENT ON COLUMN dtks.penduduk.no_kk IS 'The KK the person is on in Dukcapil';
COMMENT ON COLUMN dtks.penduduk.nama IS 'Name as in Dukcapil';
COMMENT ON COLUMN dtks.penduduk.tempat_lahir IS 'Place of birth';
COMMENT ON COLUMN dtks.penduduk.tanggal_lahir IS 'Date of birth';
COMMENT ON COLUMN dtks.penduduk.jenis_kelamin IS 'L or P';
COMMENT ON COLUMN dtks.penduduk.alamat IS 'Address';
COMMENT ON COLUMN dtks.penduduk.kode_wilayah IS 'Desa/kelurahan of the address';
COMMENT ON COLUMN dtks.penduduk.hidup IS 'False when Dukcapil records the person as dead';
COMMENT ON COLUMN dtks.penduduk.tanggal_meninggal IS 'Date of death, where recorded';
COMMENT ON COLUMN dtks.penduduk.diperbarui IS 'Date of the extract the row comes from';
COMMENT ON COLUMN dtks.penduduk.nama_kunci IS 'dtks.nama_kunci of the name (generated; COPY without a column list leaves it out), what the candidate search compares';
COMMENT ON INDEX dtks.penduduk_pkey IS 'One row per NIK (the candidate search looks up the NIKs near a typed one here)';
CREATE INDEX penduduk_nama_kunci ON dtks.penduduk USING gin (nama_kunci gin_trgm_ops);
COMMENT ON INDEX dtks.penduduk_nama_kunci IS 'Trigrams of the name keys (pg_trgm): the candidate search by name';
CREATE INDEX penduduk_tanggal_lahir ON dtks.penduduk (tanggal_lahir, kode_wilayah) INCLUDE (nik, nama_kunci, jenis_kelamin, no_kk);
COMMENT ON INDEX dtks.penduduk_tanggal_lahir IS 'Birth dates and desa with what the score compares: the candidate search by the dates near a typed one inside a region, read from the index alone';
SELECT pg_catalog.pg_extension_config_dump('dtks.penduduk'::regclass, '');

-- What a matching run found, per usulan and member.
CREATE TABLE dtks.usulan_temuan (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    putaran bigint NOT NULL,
    usulan bigint NOT NULL REFERENCES dtks.usulan (id),
    urutan integer,
    nik dtks.nik,
    temuan text NOT NULL,
    menghalangi boolean NOT NULL,
    waktu timestamptz NOT NULL DEFAULT pg_catalog.now(),
    nik_usulan dtks.nik,
    skor double precision,
    rincian jsonb,
    CONSTRAINT usulan_temuan_temuan_check
        CHECK (temuan IN ('nik_tidak_sah', 'nik_tidak_ada', 'nama_beda', 'tanggal_lahir_beda', 'meninggal', 'kk_beda',
                          'aktif_di_kk_lain', 'tanpa_anggota', 'nik_salah', 'alamat_beda',
                          'luar_wilayah'))
);
COMMENT ON TABLE dtks.usulan_temuan IS
    'Findings of the Dukcapil matching per usulan and member; an usulan with a blocking finding goes to tidak_padan';
COMMENT ON COLUMN dtks.usulan_temuan.id IS 'The finding';
COMMENT ON COLUMN dtks.usulan_temuan.putaran IS 'The matching run (one number per dtks.padankan_usulan call)';
COMMENT ON COLUMN dtks.usulan_temuan.usulan IS 'The usulan';
COMMENT ON COLUMN dtks.usulan_temuan.urutan IS 'Position of the member in data->''anggota'' (or among the family''s current members); NULL for the usulan as a whole';
COMMENT ON COLUMN dtks.usulan_temuan.nik IS 'The member''s NIK (NULL when it is not a valid NIK)';
COMMENT ON COLUMN dtks.usulan_temuan.temuan IS
    'nik_tidak_sah (not a valid NIK), nik_tidak_ada (not in Dukcapil), nik_salah (the NIK is another person''s: a candidate fits far better), each with the Dukcapil NIK proposed in nik_usulan when a candidate is credible and clear; nama_beda (names differ after dtks.nama_kunci), tanggal_lahir_beda, meninggal (dead in Dukcapil), kk_beda (Dukcapil has another KK), aktif_di_kk_lain (already active in another DTKS family), alamat_beda (Dukcapil''s desa is another, or the address text differs), luar_wilayah (Dukcapil or DTKS has the person outside the usulan''s kab/kota: nothing more is told), tanpa_anggota (no member to match)';
COMMENT ON COLUMN dtks.usulan_temuan.menghalangi IS
    'Whether it blocks: meninggal does not for a penghentian because of death; aktif_di_kk_lain does not for a perbaikan (a move) unless the member''s NIK is corrected (nik_lama); alamat_beda as dtks.alamat_beda_menghalangi says';
COMMENT ON COLUMN dtks.usulan_temuan.waktu IS 'When the run took place';
COMMENT ON COLUMN dtks.usulan_temuan.nik_usulan IS 'For nik_tidak_sah, nik_tidak_ada and nik_salah: the Dukcapil NIK proposed for the member (the candidate of dtks.cari_penduduk the matching linked), NULL when none is credible and clear';
COMMENT ON COLUMN dtks.usulan_temuan.skor IS 'With nik_usulan: the candidate''s score (dtks.padan_nilai)';
COMMENT ON COLUMN dtks.usulan_temuan.rincian IS 'With nik_usulan: the comparison field by field (dtks.padan_rincian, with hidup); for alamat_beda: {"desa_sama", "kemiripan"}';
COMMENT ON CONSTRAINT usulan_temuan_temuan_check ON dtks.usulan_temuan IS 'The kinds of finding';
COMMENT ON INDEX dtks.usulan_temuan_pkey IS 'One row per finding';
COMMENT ON SEQUENCE dtks.usulan_temuan_id_seq IS 'Finding numbers';
CREATE INDEX usulan_temuan_usulan ON dtks.usulan_temuan (usulan);
COMMENT ON INDEX dtks.usulan_temuan_usulan IS 'The findings of one usulan';
CREATE SEQUENCE dtks.usulan_temuan_putaran;
COMMENT ON SEQUENCE dtks.usulan_temuan_putaran IS 'Matching run numbers';
SELECT pg_catalog.pg_extension_config_dump('dtks.usulan_temuan'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.usulan_temuan_id_seq'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.usulan_temuan_putaran'::regclass, '');

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
