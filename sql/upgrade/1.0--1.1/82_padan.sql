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
