-- Usulan (proposals) and the steps they may take: usulan -> verval -> penetapan.
--
-- The steps are data (dtks.usulan_langkah); a C row trigger (dtks.usulan_periksa) refuses any
-- other, by any client, and a statement trigger appends every step taken to dtks.usulan_riwayat.

-- The group roles of the offices, created where missing (they are cluster-wide: DROP EXTENSION
-- leaves them).
DO $peran$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['dtks_desa', 'dtks_kabkota', 'dtks_provinsi', 'dtks_pusat', 'dtks_pt', 'dtks_pembaca'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = r) THEN
            EXECUTE pg_catalog.format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END
$peran$;

-- Which office a login role works for, and where.
CREATE TABLE dtks.petugas_peran (
    pengguna name PRIMARY KEY,
    peran text NOT NULL CHECK (peran IN ('desa', 'kabkota', 'provinsi', 'pusat', 'pt')),
    kode_wilayah dtks.kode_wilayah,
    CHECK ((peran IN ('pusat', 'pt')) = (kode_wilayah IS NULL)),
    CHECK (peran <> 'desa' OR dtks.tingkat(kode_wilayah) = 4),
    CHECK (peran <> 'kabkota' OR dtks.tingkat(kode_wilayah) = 2),
    CHECK (peran <> 'provinsi' OR dtks.tingkat(kode_wilayah) = 1)
);
COMMENT ON TABLE dtks.petugas_peran IS
    'The office of each login role (desa/kelurahan operator, kab/kota Dinas Sosial, province, ministry, university quality control) and its region';
COMMENT ON COLUMN dtks.petugas_peran.pengguna IS 'Login role';
COMMENT ON COLUMN dtks.petugas_peran.peran IS 'desa, kabkota, provinsi, pusat or pt';
COMMENT ON COLUMN dtks.petugas_peran.kode_wilayah IS 'The desa, kab/kota or province it works in (NULL for pusat and pt)';
COMMENT ON INDEX dtks.petugas_peran_pkey IS 'One office per login role';
SELECT pg_catalog.pg_extension_config_dump('dtks.petugas_peran'::regclass, '');

-- The steps an usulan may take, and who takes them.
CREATE TABLE dtks.usulan_langkah (
    dari text NOT NULL,
    ke text NOT NULL,
    peran text NOT NULL CHECK (peran IN ('desa', 'kabkota', 'pusat', 'pt', 'pemadanan', 'penetapan')),
    syarat text CHECK (syarat IN ('berita_acara', 'kunjungan', 'surat_pengesahan', 'alasan')),
    tahap text CHECK (tahap IN ('pendaftaran', 'verval')),
    PRIMARY KEY (dari, ke, peran)
);
COMMENT ON TABLE dtks.usulan_langkah IS
    'Allowed steps of an usulan (shipped by the extension, editable by the DBA, edits kept by pg_dump; from Kepmensos 150/HUK/2022 as domain.md 4.7 sketches it): from, to, the office that takes it (pemadanan: the Dukcapil matching run by the kab/kota; penetapan: only the monthly penetapan) and what the step needs';
REVOKE ALL ON dtks.usulan_langkah FROM PUBLIC;
COMMENT ON COLUMN dtks.usulan_langkah.dari IS 'Status before';
COMMENT ON COLUMN dtks.usulan_langkah.ke IS 'Status after';
COMMENT ON COLUMN dtks.usulan_langkah.peran IS 'Who takes the step';
COMMENT ON COLUMN dtks.usulan_langkah.syarat IS 'What the step needs: berita_acara (musdes/muskel), kunjungan (visit date and officer), surat_pengesahan, alasan (a reason)';
COMMENT ON COLUMN dtks.usulan_langkah.tahap IS 'The schedule stage the step belongs to (dtks.usulan_jadwal): pendaftaran or verval; NULL if unscheduled';
COMMENT ON INDEX dtks.usulan_langkah_pkey IS 'One row per step and office';
INSERT INTO dtks.usulan_langkah (dari, ke, peran, syarat, tahap) VALUES
    ('draf', 'diajukan', 'desa', 'berita_acara', 'pendaftaran'),
    ('draf', 'dibatalkan', 'desa', NULL, NULL),
    ('diajukan', 'padan', 'pemadanan', NULL, NULL),
    ('diajukan', 'tidak_padan', 'pemadanan', 'alasan', NULL),
    ('tidak_padan', 'diajukan', 'desa', NULL, 'pendaftaran'),
    ('tidak_padan', 'ditolak', 'kabkota', 'alasan', NULL),
    ('dikembalikan', 'ditolak', 'kabkota', 'alasan', NULL),
    ('padan', 'layak', 'kabkota', 'kunjungan', 'verval'),
    ('padan', 'tidak_layak', 'kabkota', 'kunjungan', 'verval'),
    ('layak', 'disahkan', 'kabkota', 'surat_pengesahan', NULL),
    ('disahkan', 'dikirim', 'kabkota', NULL, NULL),
    ('dikirim', 'pengendalian', 'pusat', NULL, NULL),
    ('dikirim', 'dikembalikan', 'pusat', 'alasan', NULL),
    ('pengendalian', 'dikirim', 'pt', NULL, NULL),
    ('pengendalian', 'dikirim', 'pusat', NULL, NULL),
    ('pengendalian', 'dikembalikan', 'pt', 'alasan', NULL),
    ('pengendalian', 'dikembalikan', 'pusat', 'alasan', NULL),
    ('dikembalikan', 'diajukan', 'desa', NULL, 'pendaftaran'),
    ('dikirim', 'ditetapkan', 'penetapan', NULL, NULL);

-- Windows of the schedule per region (pendaftaran, verval), as in the DKI Jakarta instruction.
CREATE TABLE dtks.usulan_jadwal (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kode_wilayah dtks.kode_wilayah NOT NULL,
    tahap text NOT NULL CHECK (tahap IN ('pendaftaran', 'verval')),
    berlaku daterange NOT NULL CHECK (NOT pg_catalog.isempty(berlaku)),
    keterangan text
);
COMMENT ON TABLE dtks.usulan_jadwal IS
    'Schedule windows per region: when dtks.tegakkan_jadwal is on, a step of a stage (dtks.usulan_langkah.tahap) is taken only inside a window of that stage of the usulan''s region or a region containing it; a stage with no window in the region is not restricted';
COMMENT ON COLUMN dtks.usulan_jadwal.id IS 'The window';
COMMENT ON COLUMN dtks.usulan_jadwal.kode_wilayah IS 'The region (any level) the window applies to, with everything inside it';
COMMENT ON COLUMN dtks.usulan_jadwal.tahap IS 'pendaftaran (submitting usulan) or verval (the home visit)';
COMMENT ON COLUMN dtks.usulan_jadwal.berlaku IS 'The dates of the window';
COMMENT ON COLUMN dtks.usulan_jadwal.keterangan IS 'Where it comes from (e.g. the instruction that sets it)';
COMMENT ON INDEX dtks.usulan_jadwal_pkey IS 'One row per window';
COMMENT ON SEQUENCE dtks.usulan_jadwal_id_seq IS 'Window numbers';
SELECT pg_catalog.pg_extension_config_dump('dtks.usulan_jadwal'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.usulan_jadwal_id_seq'::regclass, '');
CREATE INDEX usulan_jadwal_wilayah ON dtks.usulan_jadwal (kode_wilayah, tahap);
COMMENT ON INDEX dtks.usulan_jadwal_wilayah IS 'Windows of a region and stage';

-- The steps and windows are cached by every backend: a change reloads them everywhere.
CREATE FUNCTION dtks.usulan_aturan_berubah() RETURNS trigger
    AS 'MODULE_PATHNAME', 'usulan_aturan_berubah' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION dtks.usulan_aturan_berubah() IS
    'Statement trigger: the steps or the schedule changed; every backend reads them again before its next check';
CREATE TRIGGER usulan_aturan_berubah AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON dtks.usulan_langkah
    FOR EACH STATEMENT EXECUTE FUNCTION dtks.usulan_aturan_berubah();
COMMENT ON TRIGGER usulan_aturan_berubah ON dtks.usulan_langkah IS 'Reload the cached steps everywhere';
CREATE TRIGGER usulan_aturan_berubah AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON dtks.usulan_jadwal
    FOR EACH STATEMENT EXECUTE FUNCTION dtks.usulan_aturan_berubah();
COMMENT ON TRIGGER usulan_aturan_berubah ON dtks.usulan_jadwal IS 'Reload the cached windows everywhere';

CREATE TABLE dtks.usulan (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    jenis text NOT NULL CHECK (jenis IN ('baru', 'bansos', 'perbaikan', 'penghentian')),
    sumber text NOT NULL CHECK (sumber IN ('musdes', 'muskel', 'mandiri', 'kemensos', 'dinas')),
    kode_wilayah dtks.kode_wilayah NOT NULL CHECK (dtks.tingkat(kode_wilayah) = 4),
    no_kk dtks.no_kk,
    data jsonb NOT NULL DEFAULT '{}',
    program text REFERENCES dtks.program (kode),
    alasan_penghentian text CHECK (alasan_penghentian IN ('meninggal', 'pindah', 'mampu', 'ganda')),
    status text NOT NULL DEFAULT 'draf' CHECK (status IN ('draf', 'diajukan', 'padan', 'tidak_padan', 'layak', 'tidak_layak',
                                                         'disahkan', 'dikirim', 'pengendalian', 'dikembalikan',
                                                         'ditetapkan', 'ditolak', 'dibatalkan')),
    berita_acara text,
    tanggal_kunjungan date,
    petugas_verval text,
    surat_pengesahan text,
    alasan text,
    periode_penetapan date,
    dibuat timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    dibuat_oleh name NOT NULL DEFAULT CURRENT_USER,
    CHECK ((jenis = 'bansos') = (program IS NOT NULL)),
    CHECK ((jenis = 'penghentian') = (alasan_penghentian IS NOT NULL)),
    CHECK (jenis = 'baru' OR no_kk IS NOT NULL)
);
COMMENT ON TABLE dtks.usulan IS
    'Proposals to change DTKS: enter (baru), join a program (bansos), correct data (perbaikan) or deactivate (penghentian); every status change is checked by dtks.usulan_periksa and recorded in dtks.usulan_riwayat';
COMMENT ON COLUMN dtks.usulan.id IS 'The usulan';
COMMENT ON COLUMN dtks.usulan.jenis IS 'baru, bansos, perbaikan or penghentian';
COMMENT ON COLUMN dtks.usulan.sumber IS 'musdes, muskel, mandiri (self-registration), kemensos (the ministry) or dinas (other agencies'' lists)';
COMMENT ON COLUMN dtks.usulan.kode_wilayah IS 'The desa/kelurahan';
COMMENT ON COLUMN dtks.usulan.no_kk IS 'The family concerned (NULL for a new family)';
COMMENT ON COLUMN dtks.usulan.data IS
    'The proposed family and member data, or the corrections: {"no_kk": "...", "anggota": [{"nik", "nama", "tanggal_lahir" (YYYY-MM-DD), "jenis_kelamin", "shdk", ...}], ...}; in a perbaikan a member {"nik_lama": its NIK now, "nik": the corrected NIK, ...} replaces its NIK (dtks.nik_koreksi); without "anggota" the matching checks the family''s current members';
COMMENT ON COLUMN dtks.usulan.program IS 'For bansos: the program';
COMMENT ON COLUMN dtks.usulan.alasan_penghentian IS 'For penghentian: meninggal, pindah, mampu or ganda';
COMMENT ON COLUMN dtks.usulan.status IS 'Where the usulan is (dtks.usulan_langkah lists the steps)';
COMMENT ON COLUMN dtks.usulan.berita_acara IS 'Reference of the musyawarah desa/kelurahan minutes (needed to submit a musdes/muskel usulan)';
COMMENT ON COLUMN dtks.usulan.tanggal_kunjungan IS 'Date of the verval home visit';
COMMENT ON COLUMN dtks.usulan.petugas_verval IS 'Officer of the verval visit';
COMMENT ON COLUMN dtks.usulan.surat_pengesahan IS 'The bupati/wali kota''s pengesahan letter';
COMMENT ON COLUMN dtks.usulan.alasan IS 'Reason of the last step that needs one (tidak_padan, dikembalikan, ditolak)';
COMMENT ON COLUMN dtks.usulan.periode_penetapan IS 'Month of the penetapan the usulan goes to, set when it is sent (cut-off day dtks.hari_batas)';
COMMENT ON COLUMN dtks.usulan.dibuat IS 'When the usulan was created';
COMMENT ON COLUMN dtks.usulan.dibuat_oleh IS 'Who created it';
COMMENT ON INDEX dtks.usulan_pkey IS 'One row per usulan';
COMMENT ON SEQUENCE dtks.usulan_id_seq IS 'Usulan numbers';
CREATE INDEX usulan_wilayah_status ON dtks.usulan (kode_wilayah, status);
COMMENT ON INDEX dtks.usulan_wilayah_status IS 'Usulan of a region in a status (the matching and the penetapan read them)';
SELECT pg_catalog.pg_extension_config_dump('dtks.usulan'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.usulan_id_seq'::regclass, '');

-- Every step taken: from, to, by which office and user, when, why.
CREATE TABLE dtks.usulan_riwayat (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    usulan bigint NOT NULL,
    dari text NOT NULL,
    ke text NOT NULL,
    peran text NOT NULL,
    pengguna name NOT NULL DEFAULT SESSION_USER,
    pelaku name,
    petugas text DEFAULT NULLIF(pg_catalog.current_setting('dtks.petugas', true), ''),
    waktu timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    alasan text
);
COMMENT ON TABLE dtks.usulan_riwayat IS 'Append-only history of the steps of every usulan; only a superuser can change or remove it';
COMMENT ON COLUMN dtks.usulan_riwayat.id IS 'Order of recording';
COMMENT ON COLUMN dtks.usulan_riwayat.usulan IS 'The usulan';
COMMENT ON COLUMN dtks.usulan_riwayat.dari IS 'Status before the step';
COMMENT ON COLUMN dtks.usulan_riwayat.ke IS 'Status after';
COMMENT ON COLUMN dtks.usulan_riwayat.peran IS 'The office that took it';
COMMENT ON COLUMN dtks.usulan_riwayat.pengguna IS 'Session user (the login)';
COMMENT ON COLUMN dtks.usulan_riwayat.pelaku IS 'The role that took the step (the current user, e.g. after SET ROLE; for the matching or the penetapan, who started it)';
COMMENT ON COLUMN dtks.usulan_riwayat.petugas IS 'The application''s own user, from SET dtks.petugas';
COMMENT ON COLUMN dtks.usulan_riwayat.waktu IS 'When';
COMMENT ON COLUMN dtks.usulan_riwayat.alasan IS 'The reason given, where the step has one';
COMMENT ON INDEX dtks.usulan_riwayat_pkey IS 'One row per step';
COMMENT ON SEQUENCE dtks.usulan_riwayat_id_seq IS 'Order of recording';
CREATE INDEX usulan_riwayat_usulan ON dtks.usulan_riwayat (usulan);
COMMENT ON INDEX dtks.usulan_riwayat_usulan IS 'The steps of one usulan';
SELECT pg_catalog.pg_extension_config_dump('dtks.usulan_riwayat'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.usulan_riwayat_id_seq'::regclass, '');
CREATE TRIGGER riwayat_tolak_ubah BEFORE UPDATE OR DELETE ON dtks.usulan_riwayat
    FOR EACH ROW EXECUTE FUNCTION dtks.riwayat_tolak_ubah();
COMMENT ON TRIGGER riwayat_tolak_ubah ON dtks.usulan_riwayat IS 'History is append-only';
CREATE TRIGGER riwayat_tolak_kosongkan BEFORE TRUNCATE ON dtks.usulan_riwayat
    FOR EACH STATEMENT EXECUTE FUNCTION dtks.riwayat_tolak_ubah();
COMMENT ON TRIGGER riwayat_tolak_kosongkan ON dtks.usulan_riwayat IS 'History is append-only';

-- The state machine, on the table itself: every client obeys the same steps.
CREATE FUNCTION dtks.usulan_periksa() RETURNS trigger
    AS 'MODULE_PATHNAME', 'usulan_periksa' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION dtks.usulan_periksa() IS
    'Row trigger: a new usulan starts as draf; a status change must be an allowed step (DTK01), of the user''s office and inside its region (42501), with what the step needs (23514), inside the schedule when enforced (DTK02); the proposal changes only while with the desa (DTK03); sets periode_penetapan when sent';
CREATE TRIGGER usulan_periksa BEFORE INSERT OR UPDATE ON dtks.usulan
    FOR EACH ROW EXECUTE FUNCTION dtks.usulan_periksa();
COMMENT ON TRIGGER usulan_periksa ON dtks.usulan IS 'The usulan steps, enforced';

CREATE FUNCTION dtks.usulan_pelaku() RETURNS name
    AS 'MODULE_PATHNAME', 'usulan_pelaku' LANGUAGE C STABLE PARALLEL RESTRICTED;
COMMENT ON FUNCTION dtks.usulan_pelaku() IS
    'The role that took the usulan steps just checked in this transaction (the current user, or who started the matching or penetapan run); NULL if none';

CREATE FUNCTION dtks.usulan_peran() RETURNS text
    AS 'MODULE_PATHNAME', 'usulan_peran' LANGUAGE C STABLE PARALLEL RESTRICTED;
COMMENT ON FUNCTION dtks.usulan_peran() IS
    'The office that took the usulan steps just checked in this transaction (the user''s in dtks.petugas_peran, or pemadanan/penetapan inside those runs); NULL if none';

-- Statement trigger: append every step the statement took, from its transition tables.
-- SECURITY DEFINER: offices append history without INSERT on it; the path is pinned.
CREATE FUNCTION dtks.usulan_catat() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    -- (pairing the transition tables by id is a hash join, whatever the caller turned off)
    SET enable_hashjoin = on
AS $$
BEGIN
    INSERT INTO dtks.usulan_riwayat (usulan, dari, ke, peran, pengguna, pelaku, alasan)
    SELECT b.id, l.status, b.status, coalesce(dtks.usulan_peran(), 'tanpa_peran'), SESSION_USER, dtks.usulan_pelaku(),
           CASE WHEN b.alasan IS DISTINCT FROM l.alasan THEN b.alasan END
      FROM usulan_baru b JOIN usulan_lama l ON l.id = b.id
     WHERE b.status <> l.status
     ORDER BY b.id;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION dtks.usulan_catat() IS 'Statement trigger: append the steps of an UPDATE on dtks.usulan to dtks.usulan_riwayat';
CREATE TRIGGER usulan_catat AFTER UPDATE ON dtks.usulan
    REFERENCING OLD TABLE AS usulan_lama NEW TABLE AS usulan_baru
    FOR EACH STATEMENT EXECUTE FUNCTION dtks.usulan_catat();
COMMENT ON TRIGGER usulan_catat ON dtks.usulan IS 'Every step lands in the history';

-- The same step as a function: move an usulan to a status, with a reason and other details.
CREATE FUNCTION dtks.ubah_status(usulan bigint, status_baru text, alasan text DEFAULT NULL, rincian jsonb DEFAULT '{}')
    RETURNS text
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    hasil text;
BEGIN
    UPDATE dtks.usulan u
       SET status = status_baru,
           alasan = coalesce(ubah_status.alasan, u.alasan),
           berita_acara = coalesce(rincian ->> 'berita_acara', u.berita_acara),
           tanggal_kunjungan = coalesce((rincian ->> 'tanggal_kunjungan')::date, u.tanggal_kunjungan),
           petugas_verval = coalesce(rincian ->> 'petugas_verval', u.petugas_verval),
           surat_pengesahan = coalesce(rincian ->> 'surat_pengesahan', u.surat_pengesahan)
     WHERE u.id = ubah_status.usulan
    RETURNING u.status INTO hasil;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'usulan % does not exist or is not visible to role %', ubah_status.usulan, CURRENT_USER
            USING ERRCODE = '42704',
                  DETAIL = 'Row-level security shows an office only the usulan of its own region.';
    END IF;
    RETURN hasil;
END
$$;
COMMENT ON FUNCTION dtks.ubah_status(bigint, text, text, jsonb) IS
    'Move an usulan to status_baru: the same rules as a plain UPDATE (the trigger checks it); alasan and the details (berita_acara, tanggal_kunjungan, petugas_verval, surat_pengesahan in rincian) are set in the same step';
