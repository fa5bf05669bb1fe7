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
