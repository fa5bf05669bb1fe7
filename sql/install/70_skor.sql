-- Welfare score models as data: versioned, inspectable, replaceable.
--
-- A model (dtks.skor_model) has a version, a validity period and a constant; its weights
-- (dtks.skor_bobot) are per variable, and per code for coded answers; per-region overrides
-- (dtks.skor_bobot_wilayah) replace a weight inside a region, the most specific region winning.
-- The variables (dtks.skor_variabel) name the registry column each one reads.  The score is
-- the constant plus the sum of contributions: higher is better off; desil 1 is the lowest tenth.
-- Weights have three decimals and the scorer (C, src/skor.c) adds them as exact integers.

CREATE TABLE dtks.skor_variabel (
    nama text PRIMARY KEY CHECK (nama ~ '^[a-z][a-z0-9_]*$'),
    sumber text NOT NULL CHECK (sumber IN ('rumah_tangga', 'keluarga', 'kepala', 'ringkasan')),
    kolom text NOT NULL,
    jenis text NOT NULL CHECK (jenis IN ('kode', 'ya_tidak', 'angka')),
    kode_sah smallint[] CHECK ((jenis = 'kode') = (kode_sah IS NOT NULL)),
    keterangan text NOT NULL,
    bawaan boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE dtks.skor_variabel IS
    'Variables a score model can weigh: where each is read (household, family, the kepala keluarga, or the family summary) and how (a code, yes/no, a number)';
COMMENT ON COLUMN dtks.skor_variabel.nama IS 'Variable name used in the weights';
COMMENT ON COLUMN dtks.skor_variabel.sumber IS 'rumah_tangga, keluarga, kepala (the current kepala keluarga''s anggota row) or ringkasan (counts over the current members)';
COMMENT ON COLUMN dtks.skor_variabel.kolom IS 'Column of that row (for ringkasan: jumlah_anggota, balita, anak_sekolah, lansia, disabilitas, bekerja, luas_per_orang)';
COMMENT ON COLUMN dtks.skor_variabel.jenis IS 'kode: one weight per code; ya_tidak: a weight when true; angka: a weight per unit, up to batas';
COMMENT ON COLUMN dtks.skor_variabel.kode_sah IS 'For kode variables: the codes a weight may name';
COMMENT ON COLUMN dtks.skor_variabel.keterangan IS 'What the variable is (questionnaire item)';
COMMENT ON COLUMN dtks.skor_variabel.bawaan IS 'Shipped with the extension (pg_dump keeps every row not as shipped: see dtks.aturan_bawaan)';
COMMENT ON INDEX dtks.skor_variabel_pkey IS 'One row per variable';
SELECT pg_catalog.pg_extension_config_dump('dtks.skor_variabel'::regclass,
    'WHERE NOT dtks.aturan_utuh(''skor_variabel'', skor_variabel)');

CREATE TABLE dtks.skor_model (
    versi text PRIMARY KEY CHECK (versi ~ '^[A-Za-z0-9._-]{1,63}$'),
    nama text NOT NULL,
    berlaku daterange NOT NULL CHECK (NOT pg_catalog.isempty(berlaku) AND NOT pg_catalog.lower_inf(berlaku)),
    konstanta numeric(10, 3) NOT NULL DEFAULT 0,
    keterangan text NOT NULL,
    bawaan boolean NOT NULL DEFAULT false,
    CONSTRAINT skor_model_berlaku_tumpang_tindih EXCLUDE USING gist (berlaku WITH OPERATOR(pg_catalog.&&)) WHERE (NOT bawaan)
);
COMMENT ON TABLE dtks.skor_model IS
    'Score model versions; the validity periods of the agency''s models do not overlap, so one holds on any date, and the shipped model holds where none does';
COMMENT ON COLUMN dtks.skor_model.versi IS 'Version label, e.g. dtks-deprivasi-2026.1';
COMMENT ON COLUMN dtks.skor_model.nama IS 'What the model is';
COMMENT ON COLUMN dtks.skor_model.berlaku IS 'Dates on which this model is the one in force';
COMMENT ON COLUMN dtks.skor_model.konstanta IS 'Score before any contribution';
COMMENT ON COLUMN dtks.skor_model.keterangan IS 'Sources and method';
COMMENT ON COLUMN dtks.skor_model.bawaan IS 'Shipped with the extension: read-only (copy it with dtks.skor_model_salin), in force where no other model is; pg_dump keeps every row not as shipped (dtks.aturan_bawaan)';
COMMENT ON CONSTRAINT skor_model_berlaku_tumpang_tindih ON dtks.skor_model IS 'At most one of the agency''s models in force on any date';
COMMENT ON INDEX dtks.skor_model_pkey IS 'One row per version';
COMMENT ON INDEX dtks.skor_model_berlaku_tumpang_tindih IS 'Enforces non-overlapping validity';
SELECT pg_catalog.pg_extension_config_dump('dtks.skor_model'::regclass,
    'WHERE NOT dtks.aturan_utuh(''skor_model'', skor_model)');

CREATE TABLE dtks.skor_bobot (
    versi text NOT NULL REFERENCES dtks.skor_model (versi) ON UPDATE RESTRICT ON DELETE CASCADE,
    variabel text NOT NULL REFERENCES dtks.skor_variabel (nama),
    kode smallint,
    bobot numeric(10, 3) NOT NULL,
    batas integer CHECK (batas > 0),
    UNIQUE NULLS NOT DISTINCT (versi, variabel, kode)
);
COMMENT ON TABLE dtks.skor_bobot IS
    'Weights of a model: per code for kode variables, kode NULL for ya_tidak (weight when true) and angka (weight per unit, counted up to batas)';
COMMENT ON COLUMN dtks.skor_bobot.versi IS 'Model version';
COMMENT ON COLUMN dtks.skor_bobot.variabel IS 'Variable (dtks.skor_variabel)';
COMMENT ON COLUMN dtks.skor_bobot.kode IS 'The answer code weighed (kode variables only)';
COMMENT ON COLUMN dtks.skor_bobot.bobot IS 'Contribution to the score';
COMMENT ON COLUMN dtks.skor_bobot.batas IS 'For angka variables: the value is counted up to this (NULL: no limit)';
COMMENT ON INDEX dtks.skor_bobot_versi_variabel_kode_key IS 'One weight per model, variable and code';
SELECT pg_catalog.pg_extension_config_dump('dtks.skor_bobot'::regclass,
    'WHERE NOT dtks.aturan_utuh(''skor_bobot'', skor_bobot)');

CREATE TABLE dtks.skor_bobot_wilayah (
    versi text NOT NULL REFERENCES dtks.skor_model (versi) ON UPDATE RESTRICT ON DELETE CASCADE,
    kode_wilayah dtks.kode_wilayah NOT NULL,
    variabel text NOT NULL REFERENCES dtks.skor_variabel (nama),
    kode smallint,
    bobot numeric(10, 3) NOT NULL,
    UNIQUE NULLS NOT DISTINCT (versi, kode_wilayah, variabel, kode)
);
COMMENT ON TABLE dtks.skor_bobot_wilayah IS
    'Per-region weights replacing the model''s inside a region; for a household the most specific region (desa over kecamatan over kab/kota over province) wins';
COMMENT ON COLUMN dtks.skor_bobot_wilayah.versi IS 'Model version';
COMMENT ON COLUMN dtks.skor_bobot_wilayah.kode_wilayah IS 'Region (a code of dtks.wilayah when written)';
COMMENT ON COLUMN dtks.skor_bobot_wilayah.variabel IS 'Variable';
COMMENT ON COLUMN dtks.skor_bobot_wilayah.kode IS 'The answer code (kode variables only)';
COMMENT ON COLUMN dtks.skor_bobot_wilayah.bobot IS 'Weight inside the region';
COMMENT ON INDEX dtks.skor_bobot_wilayah_versi_kode_wilayah_variabel_kode_key IS 'One override per model, region, variable and code';
SELECT pg_catalog.pg_extension_config_dump('dtks.skor_bobot_wilayah'::regclass, '');

-- Scores computed, with the model version and the date: rows are only added.
CREATE TABLE dtks.skor_keluarga (
    no_kk dtks.no_kk NOT NULL,
    versi text NOT NULL REFERENCES dtks.skor_model (versi),
    dihitung date NOT NULL,
    lingkup text NOT NULL CHECK (lingkup IN ('nasional', 'provinsi', 'kabkota')),
    kode_lingkup dtks.kode_wilayah,
    skor double precision NOT NULL,
    desil smallint NOT NULL CHECK (desil BETWEEN 1 AND 10),
    PRIMARY KEY (no_kk, versi, dihitung, lingkup)
);
COMMENT ON TABLE dtks.skor_keluarga IS
    'Each family''s score and desil as computed on a date with a model version and a ranking scope; a model with stored scores can no longer be changed';
COMMENT ON COLUMN dtks.skor_keluarga.no_kk IS 'The family';
COMMENT ON COLUMN dtks.skor_keluarga.versi IS 'Model version used';
COMMENT ON COLUMN dtks.skor_keluarga.dihitung IS 'Date of the computation (the registry as on that date)';
COMMENT ON COLUMN dtks.skor_keluarga.lingkup IS 'Ranking scope: nasional, provinsi or kabkota';
COMMENT ON COLUMN dtks.skor_keluarga.kode_lingkup IS 'The province or kab/kota ranked within (NULL for nasional)';
COMMENT ON COLUMN dtks.skor_keluarga.skor IS 'Welfare score (higher is better off)';
COMMENT ON COLUMN dtks.skor_keluarga.desil IS 'Desil within the scope, 1 the lowest scores; ties ordered by KK number';
COMMENT ON INDEX dtks.skor_keluarga_pkey IS 'One score per family, model, date and scope';
CREATE INDEX skor_keluarga_terbaru ON dtks.skor_keluarga (no_kk, dihitung DESC);
COMMENT ON INDEX dtks.skor_keluarga_terbaru IS 'A family''s latest scores';
SELECT pg_catalog.pg_extension_config_dump('dtks.skor_keluarga'::regclass, '');
