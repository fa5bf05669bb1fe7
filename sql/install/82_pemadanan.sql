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
                          'aktif_di_kk_lain', 'tanpa_anggota', 'nik_salah', 'nik_diusulkan', 'alamat_beda',
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
    'nik_tidak_sah (not a valid NIK), nik_tidak_ada (not in Dukcapil), nik_salah (the NIK is another person''s: a candidate fits far better), nik_diusulkan (the Dukcapil NIK proposed for a wrong or missing one, in nik_usulan with its skor), nama_beda (names differ after dtks.nama_kunci), tanggal_lahir_beda, meninggal (dead in Dukcapil), kk_beda (Dukcapil has another KK), aktif_di_kk_lain (already active in another DTKS family), alamat_beda (Dukcapil''s desa is another, or the address text differs), luar_wilayah (Dukcapil or DTKS has the person outside the usulan''s kab/kota: nothing more is told), tanpa_anggota (no member to match)';
COMMENT ON COLUMN dtks.usulan_temuan.menghalangi IS
    'Whether it blocks: meninggal does not for a penghentian because of death; aktif_di_kk_lain does not for a perbaikan (a move) unless the member''s NIK is corrected (nik_lama); nik_diusulkan never (the wrong NIK''s own finding does); alamat_beda as dtks.alamat_beda_menghalangi says';
COMMENT ON COLUMN dtks.usulan_temuan.waktu IS 'When the run took place';
COMMENT ON COLUMN dtks.usulan_temuan.nik_usulan IS 'For nik_diusulkan and nik_salah: the Dukcapil NIK that fits the member (a candidate of dtks.cari_penduduk)';
COMMENT ON COLUMN dtks.usulan_temuan.skor IS 'For nik_diusulkan and nik_salah: the candidate''s score (dtks.padan_nilai)';
COMMENT ON COLUMN dtks.usulan_temuan.rincian IS 'For nik_diusulkan: the comparison field by field (dtks.padan_rincian); for alamat_beda: {"desa_sama", "kemiripan"}';
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
    usulan bigint NOT NULL REFERENCES dtks.usulan (id),
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
