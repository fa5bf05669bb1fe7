-- Penggunaan: other agencies' use of DTKS data (Keputusan Wali Kota Bekasi 2023, juknis IKST,
-- "penggunaan" items 10-11): a written request (dtks.permohonan_data) to the Dinas Sosial, the
-- handover with a berita acara serah terima (dtks.berita_acara_serah_terima), and a laporan hasil
-- pemanfaatan (dtks.laporan_pemanfaatan) naming at least the NIK, name and address of every
-- recipient.  "Apabila belum menyampaikan laporan hasil pemanfaatan ... maka Permohonan
-- selanjutnya tidak diberikan": the database refuses a new request, its approval, its handover
-- and its export while the agency holds handed-over data it has not reported on.
--
-- A request: diajukan -> disetujui | ditolak; disetujui -> diserahkan (the berita acara takes the
-- step); diserahkan -> dilaporkan (the laporan takes the step).  It is handled by the kab/kota
-- Dinas Sosial whose region holds the request's region, by the ministry (pusat), or a superuser.
-- dtks.ekspor_data gives an approved request exactly its fields of the DTKS members of its region
-- in the latest determined month, and logs every export in dtks.ekspor_log.
--
-- SQLSTATEs of this file (DTK01-DTK03 are the usulan's, DTK04-DTK05 the penetapan's):
--   DTK06  the agency has not reported on data handed over to it (the rule above)
--   DTK07  a requested field is not in the export catalogue (dtks.ekspor_kolom)
--   DTK08  not a step of the permohonan process (or a new permohonan not starting as diajukan)
--   DTK09  the permohonan cannot change: its agency never, its content once decided, the
--          process columns by hand
--   DTK10  the permohonan is not open for export (not approved, or already closed)
-- and standard ones: 42501 another office or region, 23514 a step without what it needs, 23503
-- an unknown region, 42704 an unknown permohonan, 55000 no month determined yet.

-- The fields an agency may ask for, shipped by the extension (like dtks.usulan_langkah; the DBA may edit them).
CREATE TABLE dtks.ekspor_kolom (
    kolom text PRIMARY KEY,
    urutan smallint NOT NULL UNIQUE DEFERRABLE INITIALLY DEFERRED,
    sumber text NOT NULL,
    pribadi boolean NOT NULL,
    keterangan text NOT NULL
);
COMMENT ON TABLE dtks.ekspor_kolom IS
    'The export catalogue: the fields a permohonan may ask for (shipped by the extension, editable by the DBA, edits kept by pg_dump); dtks.ekspor_data builds each row with these keys and keeps only the requested ones';
COMMENT ON COLUMN dtks.ekspor_kolom.kolom IS 'The key of the field in the exported JSON object';
COMMENT ON COLUMN dtks.ekspor_kolom.urutan IS 'Order of the field (a request''s fields are kept in this order)';
COMMENT ON COLUMN dtks.ekspor_kolom.sumber IS 'Where the value comes from';
COMMENT ON COLUMN dtks.ekspor_kolom.pribadi IS 'Whether the field identifies a person (personal data: NIK, KK, name, birth date, address)';
COMMENT ON COLUMN dtks.ekspor_kolom.keterangan IS 'What the field holds';
COMMENT ON INDEX dtks.ekspor_kolom_pkey IS 'One row per field';
COMMENT ON INDEX dtks.ekspor_kolom_urutan_key IS 'One field per position (checked at commit: fields can swap places)';
REVOKE ALL ON dtks.ekspor_kolom FROM PUBLIC;
INSERT INTO dtks.ekspor_kolom (kolom, urutan, sumber, pribadi, keterangan) VALUES
    ('nik', 1, 'dtks.penetapan_pada: nik', true, 'NIK of the member'),
    ('no_kk', 2, 'dtks.penetapan_pada: no_kk', true, 'KK number of the member''s family'),
    ('nama', 3, 'dtks.anggota.nama', true, 'Name as on the KK'),
    ('jenis_kelamin', 4, 'dtks.penetapan_pada: jenis_kelamin', false, 'L or P'),
    ('tanggal_lahir', 5, 'dtks.penetapan_pada: tanggal_lahir', true, 'Date of birth (YYYY-MM-DD)'),
    ('shdk', 6, 'dtks.penetapan_pada: shdk', false, 'Relationship to the kepala keluarga (1 kepala keluarga ... 11 lainnya)'),
    ('alamat', 7, 'dtks.rumah_tangga.alamat', true, 'Street address of the household'),
    ('rt', 8, 'dtks.rumah_tangga.rt', false, 'Rukun tetangga'),
    ('rw', 9, 'dtks.rumah_tangga.rw', false, 'Rukun warga'),
    ('kode_wilayah', 10, 'dtks.penetapan_pada: kode_wilayah', false, 'Kemendagri code of the desa/kelurahan'),
    ('nama_desa', 11, 'dtks.wilayah.nama (level 4)', false, 'Name of the desa/kelurahan'),
    ('nama_kecamatan', 12, 'dtks.wilayah.nama (level 3)', false, 'Name of the kecamatan'),
    ('nama_kabkota', 13, 'dtks.wilayah.nama (level 2)', false, 'Name of the kabupaten/kota'),
    ('rumah_tangga_id', 14, 'dtks.penetapan_pada: rumah_tangga_id', false, 'The household (to group members by dwelling)'),
    ('desil', 15, 'dtks.penetapan_pada: desil', false, 'Welfare desil of the family in the month (1 poorest ... 10)'),
    ('program', 16, 'dtks.penetapan_pada: program', false, 'Programs the family is in that month (codes of dtks.program)');

-- The requesting agencies.  A request names a registered agency by id, so that "the same agency"
-- is one row however its name is typed; the normalised name keeps one row per agency.
CREATE TABLE dtks.instansi (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    nama text NOT NULL CONSTRAINT instansi_nama_isi CHECK (pg_catalog.btrim(nama) <> ''),
    nama_kunci text NOT NULL GENERATED ALWAYS AS
        (pg_catalog.btrim(pg_catalog.upper(pg_catalog.regexp_replace(nama, '[^[:alnum:]]+', ' ', 'g')))) STORED,
    jenis text NOT NULL CONSTRAINT instansi_jenis CHECK (jenis IN ('perangkat_daerah', 'instansi_pusat', 'lembaga', 'masyarakat')),
    keterangan text,
    dicatat timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    dicatat_oleh name NOT NULL DEFAULT CURRENT_USER,
    CONSTRAINT instansi_nama_kunci_unik UNIQUE (nama_kunci)
);
COMMENT ON TABLE dtks.instansi IS
    'Agencies (and persons) that ask for DTKS data; every permohonan names one, and the reporting rule (DTK06) holds per agency across all regions';
COMMENT ON COLUMN dtks.instansi.id IS 'The agency';
COMMENT ON COLUMN dtks.instansi.nama IS 'Its name as written';
COMMENT ON COLUMN dtks.instansi.nama_kunci IS 'The name upper-cased, punctuation and repeated spaces folded to one space: one agency per key';
COMMENT ON COLUMN dtks.instansi.jenis IS
    'perangkat_daerah (a local government office), instansi_pusat (a ministry or national agency), lembaga (another institution or organisation), masyarakat (a member of the public): the users of juknis item 9';
COMMENT ON COLUMN dtks.instansi.keterangan IS 'Address, contact or other notes';
COMMENT ON COLUMN dtks.instansi.dicatat IS 'When it was registered';
COMMENT ON COLUMN dtks.instansi.dicatat_oleh IS 'Who registered it';
COMMENT ON CONSTRAINT instansi_nama_isi ON dtks.instansi IS 'A name is not blank';
COMMENT ON CONSTRAINT instansi_jenis ON dtks.instansi IS 'The kinds of user of juknis item 9';
COMMENT ON INDEX dtks.instansi_pkey IS 'One row per agency';
COMMENT ON INDEX dtks.instansi_nama_kunci_unik IS 'One agency per normalised name';
COMMENT ON SEQUENCE dtks.instansi_id_seq IS 'Agency ids';
SELECT pg_catalog.pg_extension_config_dump('dtks.instansi'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.instansi_id_seq'::regclass, '');

-- The written requests.
CREATE TABLE dtks.permohonan_data (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    instansi bigint NOT NULL REFERENCES dtks.instansi (id),
    nomor_surat text NOT NULL CONSTRAINT permohonan_data_nomor_isi CHECK (pg_catalog.btrim(nomor_surat) <> ''),
    tanggal_surat date NOT NULL,
    tujuan text NOT NULL CONSTRAINT permohonan_data_tujuan CHECK (tujuan IN (
        'bantuan_sosial', 'subsidi', 'pemberdayaan_sosial', 'penanganan_fakir_miskin', 'rehabilitasi_sosial',
        'jaminan_sosial', 'perlindungan_sosial', 'perencanaan', 'penelitian', 'lainnya')),
    uraian text,
    kode_wilayah dtks.kode_wilayah NOT NULL,
    kolom text[] NOT NULL
        CONSTRAINT permohonan_data_kolom_isi CHECK (pg_catalog.cardinality(kolom) > 0 AND pg_catalog.array_position(kolom, NULL) IS NULL),
    status text NOT NULL DEFAULT 'diajukan'
        CONSTRAINT permohonan_data_status CHECK (status IN ('diajukan', 'disetujui', 'ditolak', 'diserahkan', 'dilaporkan')),
    alasan text,
    dicatat timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    dicatat_oleh name NOT NULL DEFAULT CURRENT_USER,
    diputuskan timestamptz,
    diputuskan_oleh name,
    CONSTRAINT permohonan_data_lainnya_diuraikan CHECK (tujuan <> 'lainnya' OR uraian IS NOT NULL),
    CONSTRAINT permohonan_data_ditolak_beralasan CHECK (status <> 'ditolak' OR alasan IS NOT NULL),
    CONSTRAINT permohonan_data_diputuskan CHECK ((status = 'diajukan') = (diputuskan IS NULL AND diputuskan_oleh IS NULL))
);
COMMENT ON TABLE dtks.permohonan_data IS
    'Written requests for DTKS data (juknis penggunaan item 10); every change is checked by dtks.permohonan_periksa: the steps diajukan -> disetujui | ditolak, disetujui -> diserahkan (berita acara), diserahkan -> dilaporkan (laporan), by the office of the region, and the reporting rule (DTK06)';
COMMENT ON COLUMN dtks.permohonan_data.id IS 'The permohonan';
COMMENT ON COLUMN dtks.permohonan_data.instansi IS 'The requesting agency (never changes)';
COMMENT ON COLUMN dtks.permohonan_data.nomor_surat IS 'Number of the request letter';
COMMENT ON COLUMN dtks.permohonan_data.tanggal_surat IS 'Date of the request letter';
COMMENT ON COLUMN dtks.permohonan_data.tujuan IS
    'Purpose: bantuan_sosial, subsidi, pemberdayaan_sosial, penanganan_fakir_miskin (juknis item 11), rehabilitasi_sosial, jaminan_sosial, perlindungan_sosial (UU 11/2009), perencanaan, penelitian or lainnya (described in uraian)';
COMMENT ON COLUMN dtks.permohonan_data.uraian IS 'The program or use the data is for, in the letter''s words';
COMMENT ON COLUMN dtks.permohonan_data.kode_wilayah IS 'The region asked for (any level; a region of dtks.wilayah when recorded)';
COMMENT ON COLUMN dtks.permohonan_data.kolom IS 'The fields asked for, from dtks.ekspor_kolom (kept without duplicates, in catalogue order)';
COMMENT ON COLUMN dtks.permohonan_data.status IS 'diajukan, disetujui, ditolak, diserahkan (handed over, report due) or dilaporkan (reported: closed)';
COMMENT ON COLUMN dtks.permohonan_data.alasan IS 'Why it was refused (needed for ditolak)';
COMMENT ON COLUMN dtks.permohonan_data.dicatat IS 'When it was recorded (set by the process)';
COMMENT ON COLUMN dtks.permohonan_data.dicatat_oleh IS 'The role that recorded it (set by the process)';
COMMENT ON COLUMN dtks.permohonan_data.diputuskan IS 'When it was approved or refused (set by the process)';
COMMENT ON COLUMN dtks.permohonan_data.diputuskan_oleh IS 'The role that approved or refused it (set by the process)';
COMMENT ON CONSTRAINT permohonan_data_nomor_isi ON dtks.permohonan_data IS 'A letter number is not blank';
COMMENT ON CONSTRAINT permohonan_data_tujuan ON dtks.permohonan_data IS 'The purposes of juknis item 11, UU 11/2009, planning, research, or other';
COMMENT ON CONSTRAINT permohonan_data_kolom_isi ON dtks.permohonan_data IS 'At least one field, none NULL';
COMMENT ON CONSTRAINT permohonan_data_status ON dtks.permohonan_data IS 'The statuses of a permohonan';
COMMENT ON CONSTRAINT permohonan_data_lainnya_diuraikan ON dtks.permohonan_data IS 'An other purpose is described';
COMMENT ON CONSTRAINT permohonan_data_ditolak_beralasan ON dtks.permohonan_data IS 'A refusal has a reason';
COMMENT ON CONSTRAINT permohonan_data_diputuskan ON dtks.permohonan_data IS 'Exactly a decided permohonan has its decision time and role';
COMMENT ON INDEX dtks.permohonan_data_pkey IS 'One row per permohonan';
COMMENT ON SEQUENCE dtks.permohonan_data_id_seq IS 'Permohonan numbers';
CREATE INDEX permohonan_data_instansi ON dtks.permohonan_data (instansi, status);
COMMENT ON INDEX dtks.permohonan_data_instansi IS 'The permohonan of an agency in a status (the reporting rule reads them)';
CREATE INDEX permohonan_data_wilayah ON dtks.permohonan_data (kode_wilayah, status);
COMMENT ON INDEX dtks.permohonan_data_wilayah IS 'The permohonan of a region in a status';
-- The rule's backstop at any isolation level: an agency holds at most one unreported handover.
CREATE UNIQUE INDEX permohonan_data_satu_diserahkan ON dtks.permohonan_data (instansi) WHERE status = 'diserahkan';
COMMENT ON INDEX dtks.permohonan_data_satu_diserahkan IS
    'An agency holds at most one handed-over permohonan without a laporan (the reporting rule, enforced even where two transactions race)';
SELECT pg_catalog.pg_extension_config_dump('dtks.permohonan_data'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.permohonan_data_id_seq'::regclass, '');

-- The handover: one berita acara serah terima per permohonan.
CREATE TABLE dtks.berita_acara_serah_terima (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    permohonan bigint NOT NULL UNIQUE REFERENCES dtks.permohonan_data (id),
    nomor text NOT NULL CONSTRAINT berita_acara_serah_terima_nomor_isi CHECK (pg_catalog.btrim(nomor) <> ''),
    tanggal date NOT NULL,
    diserahkan_oleh text NOT NULL CONSTRAINT berita_acara_serah_terima_penyerah_isi CHECK (pg_catalog.btrim(diserahkan_oleh) <> ''),
    diterima_oleh text NOT NULL CONSTRAINT berita_acara_serah_terima_penerima_isi CHECK (pg_catalog.btrim(diterima_oleh) <> ''),
    dicatat timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    dicatat_oleh name NOT NULL DEFAULT CURRENT_USER
);
COMMENT ON TABLE dtks.berita_acara_serah_terima IS
    'The handover of the data to the requester (juknis item 10); recording it takes the permohonan from disetujui to diserahkan';
COMMENT ON COLUMN dtks.berita_acara_serah_terima.id IS 'The berita acara';
COMMENT ON COLUMN dtks.berita_acara_serah_terima.permohonan IS 'The permohonan handed over';
COMMENT ON COLUMN dtks.berita_acara_serah_terima.nomor IS 'Number of the berita acara';
COMMENT ON COLUMN dtks.berita_acara_serah_terima.tanggal IS 'Date of the handover';
COMMENT ON COLUMN dtks.berita_acara_serah_terima.diserahkan_oleh IS 'The Dinas Sosial officer who handed the data over (name and position)';
COMMENT ON COLUMN dtks.berita_acara_serah_terima.diterima_oleh IS 'Who received it for the requester (name and position)';
COMMENT ON COLUMN dtks.berita_acara_serah_terima.dicatat IS 'When it was recorded';
COMMENT ON COLUMN dtks.berita_acara_serah_terima.dicatat_oleh IS 'The role that recorded it';
COMMENT ON CONSTRAINT berita_acara_serah_terima_nomor_isi ON dtks.berita_acara_serah_terima IS 'A number is not blank';
COMMENT ON CONSTRAINT berita_acara_serah_terima_penyerah_isi ON dtks.berita_acara_serah_terima IS 'Who handed over is named';
COMMENT ON CONSTRAINT berita_acara_serah_terima_penerima_isi ON dtks.berita_acara_serah_terima IS 'Who received is named';
COMMENT ON INDEX dtks.berita_acara_serah_terima_pkey IS 'One row per berita acara';
COMMENT ON INDEX dtks.berita_acara_serah_terima_permohonan_key IS 'One handover per permohonan';
COMMENT ON SEQUENCE dtks.berita_acara_serah_terima_id_seq IS 'Berita acara ids';
SELECT pg_catalog.pg_extension_config_dump('dtks.berita_acara_serah_terima'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.berita_acara_serah_terima_id_seq'::regclass, '');

-- The report on the use of the data: one per permohonan.
CREATE TABLE dtks.laporan_pemanfaatan (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    permohonan bigint NOT NULL UNIQUE REFERENCES dtks.permohonan_data (id),
    nomor text NOT NULL CONSTRAINT laporan_pemanfaatan_nomor_isi CHECK (pg_catalog.btrim(nomor) <> ''),
    tanggal date NOT NULL,
    pemanfaatan text NOT NULL CONSTRAINT laporan_pemanfaatan_pemanfaatan_isi CHECK (pg_catalog.btrim(pemanfaatan) <> ''),
    jumlah_penerima integer NOT NULL CONSTRAINT laporan_pemanfaatan_jumlah CHECK (jumlah_penerima >= 0),
    dokumen text,
    dicatat timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    dicatat_oleh name NOT NULL DEFAULT CURRENT_USER
);
COMMENT ON TABLE dtks.laporan_pemanfaatan IS
    'Laporan hasil pemanfaatan (juknis item 11): the requester''s report on how it used the data, with every recipient in dtks.laporan_pemanfaatan_penerima; recording it takes the permohonan from diserahkan to dilaporkan and lets the agency ask again';
COMMENT ON COLUMN dtks.laporan_pemanfaatan.id IS 'The laporan';
COMMENT ON COLUMN dtks.laporan_pemanfaatan.permohonan IS 'The permohonan whose data it reports on';
COMMENT ON COLUMN dtks.laporan_pemanfaatan.nomor IS 'Number of the report letter';
COMMENT ON COLUMN dtks.laporan_pemanfaatan.tanggal IS 'Date of the report';
COMMENT ON COLUMN dtks.laporan_pemanfaatan.pemanfaatan IS 'The program or use the data served (e.g. the aid given)';
COMMENT ON COLUMN dtks.laporan_pemanfaatan.jumlah_penerima IS
    'Number of recipients; exactly that many are listed in dtks.laporan_pemanfaatan_penerima (checked at commit)';
COMMENT ON COLUMN dtks.laporan_pemanfaatan.dokumen IS 'Reference of the signed report (archive number or file)';
COMMENT ON COLUMN dtks.laporan_pemanfaatan.dicatat IS 'When it was recorded';
COMMENT ON COLUMN dtks.laporan_pemanfaatan.dicatat_oleh IS 'The role that recorded it';
COMMENT ON CONSTRAINT laporan_pemanfaatan_nomor_isi ON dtks.laporan_pemanfaatan IS 'A number is not blank';
COMMENT ON CONSTRAINT laporan_pemanfaatan_pemanfaatan_isi ON dtks.laporan_pemanfaatan IS 'The use is described';
COMMENT ON CONSTRAINT laporan_pemanfaatan_jumlah ON dtks.laporan_pemanfaatan IS 'A count is not negative';
COMMENT ON INDEX dtks.laporan_pemanfaatan_pkey IS 'One row per laporan';
COMMENT ON INDEX dtks.laporan_pemanfaatan_permohonan_key IS 'One laporan per permohonan';
COMMENT ON SEQUENCE dtks.laporan_pemanfaatan_id_seq IS 'Laporan ids';
SELECT pg_catalog.pg_extension_config_dump('dtks.laporan_pemanfaatan'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.laporan_pemanfaatan_id_seq'::regclass, '');

-- The recipients of a laporan, one row each.  A child table rather than a jsonb list: the NIK is
-- a checked dtks.nik, a recipient is listed once per laporan (a key), the list is loadable by
-- COPY, indexed by NIK (which agencies reported giving aid to a person), and shielded row by row
-- by the region's row-level security.  Personal data.
CREATE TABLE dtks.laporan_pemanfaatan_penerima (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    laporan bigint NOT NULL REFERENCES dtks.laporan_pemanfaatan (id),
    nik dtks.nik NOT NULL,
    no_kk dtks.no_kk,
    nama text NOT NULL CONSTRAINT laporan_pemanfaatan_penerima_nama_isi CHECK (pg_catalog.btrim(nama) <> ''),
    alamat text NOT NULL CONSTRAINT laporan_pemanfaatan_penerima_alamat_isi CHECK (pg_catalog.btrim(alamat) <> ''),
    bantuan text,
    CONSTRAINT laporan_pemanfaatan_penerima_sekali UNIQUE (laporan, nik)
);
COMMENT ON TABLE dtks.laporan_pemanfaatan_penerima IS
    'The recipients reported in a laporan hasil pemanfaatan, with at least NIK, name and address as juknis item 11 requires (personal data)';
COMMENT ON COLUMN dtks.laporan_pemanfaatan_penerima.id IS 'The row';
COMMENT ON COLUMN dtks.laporan_pemanfaatan_penerima.laporan IS 'The laporan';
COMMENT ON COLUMN dtks.laporan_pemanfaatan_penerima.nik IS 'NIK of the recipient';
COMMENT ON COLUMN dtks.laporan_pemanfaatan_penerima.no_kk IS 'The recipient''s KK in DTKS (its identity in the data handed over), where the report gives it';
COMMENT ON COLUMN dtks.laporan_pemanfaatan_penerima.nama IS 'Name of the recipient';
COMMENT ON COLUMN dtks.laporan_pemanfaatan_penerima.alamat IS 'Address of the recipient';
COMMENT ON COLUMN dtks.laporan_pemanfaatan_penerima.bantuan IS 'What the recipient received, where the report says';
COMMENT ON CONSTRAINT laporan_pemanfaatan_penerima_nama_isi ON dtks.laporan_pemanfaatan_penerima IS 'A name is not blank';
COMMENT ON CONSTRAINT laporan_pemanfaatan_penerima_alamat_isi ON dtks.laporan_pemanfaatan_penerima IS 'An address is not blank';
COMMENT ON INDEX dtks.laporan_pemanfaatan_penerima_pkey IS 'One row per recipient row';
COMMENT ON INDEX dtks.laporan_pemanfaatan_penerima_sekali IS 'A recipient is listed once per laporan (and the recipients of a laporan are read by it)';
COMMENT ON SEQUENCE dtks.laporan_pemanfaatan_penerima_id_seq IS 'Recipient row ids';
CREATE INDEX laporan_pemanfaatan_penerima_nik ON dtks.laporan_pemanfaatan_penerima (nik);
COMMENT ON INDEX dtks.laporan_pemanfaatan_penerima_nik IS 'The reports that name a person';
SELECT pg_catalog.pg_extension_config_dump('dtks.laporan_pemanfaatan_penerima'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.laporan_pemanfaatan_penerima_id_seq'::regclass, '');

-- Every export: who, when, which permohonan, which month, fields and row count.  Append-only.
CREATE TABLE dtks.ekspor_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    permohonan bigint NOT NULL REFERENCES dtks.permohonan_data (id),
    waktu timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    pengguna name NOT NULL DEFAULT SESSION_USER,
    pelaku name NOT NULL,
    peran text NOT NULL,
    periode date NOT NULL,
    kode_wilayah dtks.kode_wilayah NOT NULL,
    kolom text[] NOT NULL,
    jumlah_baris bigint NOT NULL
);
COMMENT ON TABLE dtks.ekspor_log IS 'Append-only log of every dtks.ekspor_data call that gave data; only a superuser can change or remove it';
COMMENT ON COLUMN dtks.ekspor_log.id IS 'Order of recording';
COMMENT ON COLUMN dtks.ekspor_log.permohonan IS 'The permohonan exported';
COMMENT ON COLUMN dtks.ekspor_log.waktu IS 'When';
COMMENT ON COLUMN dtks.ekspor_log.pengguna IS 'Session user (the login)';
COMMENT ON COLUMN dtks.ekspor_log.pelaku IS 'The role that called the export (the current role under SET ROLE)';
COMMENT ON COLUMN dtks.ekspor_log.peran IS 'Its office (kabkota or pusat), or superuser';
COMMENT ON COLUMN dtks.ekspor_log.periode IS 'The month of DTKS exported (the latest in dtks.penetapan)';
COMMENT ON COLUMN dtks.ekspor_log.kode_wilayah IS 'The region exported (the permohonan''s)';
COMMENT ON COLUMN dtks.ekspor_log.kolom IS 'The fields exported';
COMMENT ON COLUMN dtks.ekspor_log.jumlah_baris IS 'Rows (members) exported';
COMMENT ON INDEX dtks.ekspor_log_pkey IS 'One row per export';
COMMENT ON SEQUENCE dtks.ekspor_log_id_seq IS 'Order of recording';
CREATE INDEX ekspor_log_permohonan ON dtks.ekspor_log (permohonan);
COMMENT ON INDEX dtks.ekspor_log_permohonan IS 'The exports of one permohonan';
SELECT pg_catalog.pg_extension_config_dump('dtks.ekspor_log'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.ekspor_log_id_seq'::regclass, '');
CREATE TRIGGER riwayat_tolak_ubah BEFORE UPDATE OR DELETE ON dtks.ekspor_log
    FOR EACH ROW EXECUTE FUNCTION dtks.riwayat_tolak_ubah();
COMMENT ON TRIGGER riwayat_tolak_ubah ON dtks.ekspor_log IS 'The export log is append-only';
CREATE TRIGGER riwayat_tolak_kosongkan BEFORE TRUNCATE ON dtks.ekspor_log
    FOR EACH STATEMENT EXECUTE FUNCTION dtks.riwayat_tolak_ubah();
COMMENT ON TRIGGER riwayat_tolak_kosongkan ON dtks.ekspor_log IS 'The export log is append-only';

-- The reporting rule, for the triggers and the export: lock the agency, refuse if it holds
-- handed-over data without a laporan (DTK06).  SECURITY DEFINER: an office sees only its own
-- region's permohonan, but the rule counts the agency's permohonan everywhere; the path is pinned.
-- The lock is an UPDATE of the agency's row: concurrent checks of one agency queue on it, and at
-- REPEATABLE READ or SERIALIZABLE the later one fails to serialise (40001) instead of missing the
-- other's step; dtks.permohonan_data_satu_diserahkan backs it for the handover.
CREATE FUNCTION dtks.laporan_tertunggak_periksa(instansi bigint, permohonan bigint, tindakan text) RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    tunggak record;
    judul text;
BEGIN
    judul := CASE tindakan
                 WHEN 'baru' THEN 'new permohonan refused'
                 WHEN 'disetujui' THEN format('permohonan %s cannot be approved', permohonan)
                 WHEN 'diserahkan' THEN format('permohonan %s cannot be handed over', permohonan)
                 WHEN 'ekspor' THEN format('permohonan %s cannot be exported', permohonan)
             END;
    IF judul IS NULL THEN
        RAISE EXCEPTION 'laporan_tertunggak_periksa: unknown action %', coalesce(quote_literal(tindakan), 'NULL')
            USING ERRCODE = '22023', DETAIL = 'The actions are baru, disetujui, diserahkan and ekspor.';
    END IF;
    UPDATE dtks.instansi i SET nama = i.nama WHERE i.id = laporan_tertunggak_periksa.instansi;
    SELECT d.id, d.nomor_surat INTO tunggak
      FROM dtks.permohonan_data d
     WHERE d.instansi = laporan_tertunggak_periksa.instansi AND d.status = 'diserahkan'
       AND d.id IS DISTINCT FROM laporan_tertunggak_periksa.permohonan
     ORDER BY d.id LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION '%: instansi % has not reported on the data handed over to it', judul, instansi
            USING ERRCODE = 'DTK06',
                  DETAIL = format('Permohonan %s (letter %s) was handed over and has no laporan hasil pemanfaatan.',
                                  tunggak.id, tunggak.nomor_surat),
                  HINT = 'Record its laporan in dtks.laporan_pemanfaatan first (juknis penggunaan: no further data before the report).';
    END IF;
END
$$;
REVOKE ALL ON FUNCTION dtks.laporan_tertunggak_periksa(bigint, bigint, text) FROM PUBLIC;
COMMENT ON FUNCTION dtks.laporan_tertunggak_periksa(bigint, bigint, text) IS
    'The reporting rule (DTK06): lock the agency''s row, then refuse the action (baru, disetujui, diserahkan, ekspor) of permohonan if the agency has another permohonan handed over without a laporan; reads every region (SECURITY DEFINER)';

-- Row trigger on dtks.permohonan_data: who handles it (42501), a new one starts as diajukan and
-- asks for known fields of a known region, the steps (DTK08) and what each needs (23514), the
-- lock on its content (DTK09), and the reporting rule (DTK06).  Runs as the user: the office
-- helpers read the current user's office.  With argument 'sama' (trigger
-- permohonan_langkah_sama) it only refuses a status set to itself.
CREATE FUNCTION dtks.permohonan_periksa() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    super boolean;
    peran text;
    wilayah dtks.kode_wilayah;
    asing text;
    berubah text;
    proses constant text[] := ARRAY['dicatat', 'dicatat_oleh', 'diputuskan', 'diputuskan_oleh'];
    isi constant text[] := ARRAY['nomor_surat', 'tanggal_surat', 'tujuan', 'uraian', 'kode_wilayah', 'kolom', 'alasan'];
BEGIN
    IF TG_WHEN <> 'BEFORE' OR TG_LEVEL <> 'ROW' OR TG_OP NOT IN ('INSERT', 'UPDATE') THEN
        RAISE EXCEPTION 'permohonan_periksa: must run BEFORE INSERT OR UPDATE FOR EACH ROW'
            USING ERRCODE = '39P01', DETAIL = format('It was fired %s %s for each %s.', TG_WHEN, TG_OP, TG_LEVEL);
    END IF;
    IF TG_NARGS > 0 AND TG_ARGV[0] = 'sama' THEN
        RAISE EXCEPTION 'permohonan % is already %', OLD.id, OLD.status
            USING ERRCODE = 'DTK08', DETAIL = 'Another session may have taken this step first.';
    END IF;

    -- who: a superuser, the ministry, or the kab/kota Dinas Sosial whose region holds the request's
    SELECT r.rolsuper INTO super FROM pg_catalog.pg_roles r WHERE r.rolname = CURRENT_USER;
    IF NOT coalesce(super, false) THEN
        peran := dtks.peran_petugas();
        wilayah := dtks.wilayah_petugas();
        IF peran IS NULL OR peran NOT IN ('kabkota', 'pusat') THEN
            RAISE EXCEPTION 'permohonan data is handled by a kab/kota Dinas Sosial or the ministry, not by %',
                            coalesce(peran, 'a role without a dtks office')
                USING ERRCODE = '42501',
                      DETAIL = CASE WHEN peran IS NULL THEN format('Role %s is not in dtks.petugas_peran.', CURRENT_USER)
                                    ELSE format('Role %s works for a %s office.', CURRENT_USER, peran) END;
        END IF;
        IF peran = 'kabkota' THEN
            IF TG_OP = 'UPDATE' AND NOT OLD.kode_wilayah OPERATOR(dtks.<@) wilayah THEN
                berubah := OLD.kode_wilayah::text;
            ELSIF NOT NEW.kode_wilayah OPERATOR(dtks.<@) wilayah THEN
                berubah := NEW.kode_wilayah::text;
            END IF;
            IF berubah IS NOT NULL THEN
                RAISE EXCEPTION 'permohonan for region % is outside the region of role %', berubah, CURRENT_USER
                    USING ERRCODE = '42501',
                          DETAIL = format('A kab/kota Dinas Sosial handles permohonan for regions inside %s only.', wilayah);
            END IF;
        END IF;
    END IF;

    IF TG_OP = 'INSERT' THEN
        IF NEW.status IS DISTINCT FROM 'diajukan' THEN
            RAISE EXCEPTION 'a new permohonan must start as diajukan'
                USING ERRCODE = 'DTK08',
                      DETAIL = format('The row was inserted with status %s; later statuses are reached only by the steps of the process.',
                                      coalesce(NEW.status, 'NULL'));
        END IF;
        NEW.dicatat := pg_catalog.clock_timestamp();
        NEW.dicatat_oleh := CURRENT_USER;
    ELSE
        IF NEW.instansi IS DISTINCT FROM OLD.instansi THEN
            RAISE EXCEPTION 'permohonan %: the requesting instansi cannot change', OLD.id
                USING ERRCODE = 'DTK09', DETAIL = 'A request of another agency is a new permohonan.';
        END IF;
        -- the first column (of a list) whose value the UPDATE changes
        SELECT b.key INTO berubah
          FROM pg_catalog.jsonb_each(pg_catalog.to_jsonb(NEW)) b JOIN pg_catalog.jsonb_each(pg_catalog.to_jsonb(OLD)) l USING (key)
         WHERE b.key = ANY (proses) AND b.value IS DISTINCT FROM l.value
         ORDER BY pg_catalog.array_position(proses, b.key) LIMIT 1;
        IF berubah IS NOT NULL THEN
            RAISE EXCEPTION 'permohonan %: column % is set by the process only', OLD.id, berubah
                USING ERRCODE = 'DTK09', DETAIL = 'It cannot be changed by UPDATE.';
        END IF;
        IF OLD.status <> 'diajukan' THEN
            SELECT b.key INTO berubah
              FROM pg_catalog.jsonb_each(pg_catalog.to_jsonb(NEW)) b JOIN pg_catalog.jsonb_each(pg_catalog.to_jsonb(OLD)) l USING (key)
             WHERE b.key = ANY (isi) AND b.value IS DISTINCT FROM l.value
             ORDER BY pg_catalog.array_position(isi, b.key) LIMIT 1;
            IF berubah IS NOT NULL THEN
                RAISE EXCEPTION 'permohonan %: column % cannot change once the permohonan is %', OLD.id, berubah, OLD.status
                    USING ERRCODE = 'DTK09', DETAIL = 'A permohonan is corrected only while diajukan; more data needs a new permohonan.';
            END IF;
        END IF;
    END IF;

    -- a region of dtks.wilayah, and fields of the catalogue (kept in its order, once each)
    IF NEW.kode_wilayah IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.kode_wilayah OPERATOR(dtks.<>) OLD.kode_wilayah)
       AND NOT EXISTS (SELECT 1 FROM dtks.wilayah w WHERE w.kode OPERATOR(dtks.=) NEW.kode_wilayah) THEN
        RAISE EXCEPTION 'permohonan: region % is not in dtks.wilayah', NEW.kode_wilayah
            USING ERRCODE = '23503', DETAIL = 'A permohonan asks for a region of the current edition, at any level.';
    END IF;
    IF TG_OP = 'INSERT' OR NEW.kolom IS DISTINCT FROM OLD.kolom THEN
        SELECT u.k INTO asing
          FROM pg_catalog.unnest(NEW.kolom) WITH ORDINALITY AS u(k, i)
         WHERE u.k IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dtks.ekspor_kolom e WHERE e.kolom = u.k)
         ORDER BY u.i LIMIT 1;
        IF asing IS NOT NULL THEN
            RAISE EXCEPTION 'permohonan: field "%" is not in the export catalogue', asing
                USING ERRCODE = 'DTK07',
                      DETAIL = format('The fields that may be asked for (dtks.ekspor_kolom) are: %s.',
                                      (SELECT pg_catalog.string_agg(e.kolom, ', ' ORDER BY e.urutan) FROM dtks.ekspor_kolom e));
        END IF;
        IF pg_catalog.array_position(NEW.kolom, NULL) IS NULL THEN
            NEW.kolom := ARRAY(SELECT e.kolom FROM dtks.ekspor_kolom e WHERE e.kolom = ANY (NEW.kolom) ORDER BY e.urutan);
        END IF;
    END IF;

    IF TG_OP = 'INSERT' THEN
        PERFORM dtks.laporan_tertunggak_periksa(NEW.instansi, NEW.id, 'baru');
        RETURN NEW;
    END IF;

    -- the step, if any
    IF NEW.status IS NOT DISTINCT FROM OLD.status THEN
        RETURN NEW;
    END IF;
    IF (OLD.status, NEW.status) NOT IN (('diajukan', 'disetujui'), ('diajukan', 'ditolak'),
                                        ('disetujui', 'diserahkan'), ('diserahkan', 'dilaporkan')) THEN
        RAISE EXCEPTION 'permohonan %: % -> % is not a step of the permohonan process', OLD.id, OLD.status, NEW.status
            USING ERRCODE = 'DTK08',
                  DETAIL = 'The steps are diajukan -> disetujui or ditolak, disetujui -> diserahkan (by recording the berita acara serah terima) and diserahkan -> dilaporkan (by recording the laporan hasil pemanfaatan).';
    END IF;
    IF NEW.status = 'ditolak' AND pg_catalog.btrim(coalesce(NEW.alasan, '')) = '' THEN
        RAISE EXCEPTION 'permohonan %: step diajukan -> ditolak needs a reason', OLD.id
            USING ERRCODE = '23514', DETAIL = 'Set alasan in the same UPDATE.';
    ELSIF NEW.status = 'diserahkan'
          AND NOT EXISTS (SELECT 1 FROM dtks.berita_acara_serah_terima b WHERE b.permohonan = NEW.id) THEN
        RAISE EXCEPTION 'permohonan %: step disetujui -> diserahkan needs the berita acara serah terima', OLD.id
            USING ERRCODE = '23514', DETAIL = 'Insert it into dtks.berita_acara_serah_terima, which takes the step.';
    ELSIF NEW.status = 'dilaporkan'
          AND NOT EXISTS (SELECT 1 FROM dtks.laporan_pemanfaatan l WHERE l.permohonan = NEW.id) THEN
        RAISE EXCEPTION 'permohonan %: step diserahkan -> dilaporkan needs the laporan hasil pemanfaatan', OLD.id
            USING ERRCODE = '23514', DETAIL = 'Insert it into dtks.laporan_pemanfaatan with its recipients, which takes the step.';
    END IF;
    IF NEW.status IN ('disetujui', 'ditolak') THEN
        NEW.diputuskan := pg_catalog.clock_timestamp();
        NEW.diputuskan_oleh := CURRENT_USER;
    END IF;
    IF NEW.status IN ('disetujui', 'diserahkan') THEN
        PERFORM dtks.laporan_tertunggak_periksa(NEW.instansi, NEW.id, NEW.status);
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION dtks.permohonan_periksa() IS
    'Row trigger: a permohonan is handled by the kab/kota Dinas Sosial of its region, the ministry or a superuser (42501); it starts as diajukan with a known region (23503) and catalogue fields (DTK07); only the steps of the process (DTK08), each with what it needs (23514); its agency never changes and its content only while diajukan (DTK09); no new, approved or handed-over permohonan while the agency owes a laporan (DTK06)';
CREATE TRIGGER permohonan_periksa BEFORE INSERT OR UPDATE ON dtks.permohonan_data
    FOR EACH ROW EXECUTE FUNCTION dtks.permohonan_periksa();
COMMENT ON TRIGGER permohonan_periksa ON dtks.permohonan_data IS 'The permohonan process, enforced for every client';
CREATE TRIGGER permohonan_langkah_sama BEFORE UPDATE OF status ON dtks.permohonan_data
    FOR EACH ROW WHEN (OLD.status = NEW.status) EXECUTE FUNCTION dtks.permohonan_periksa('sama');
COMMENT ON TRIGGER permohonan_langkah_sama ON dtks.permohonan_data IS
    'A status set to the one it has is refused (DTK08): the loser of two sessions taking the same step is told';

-- Row trigger: recording a berita acara or a laporan takes its permohonan's step (argument: the status).
CREATE FUNCTION dtks.permohonan_langkah_catat() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_WHEN <> 'AFTER' OR TG_LEVEL <> 'ROW' OR TG_OP <> 'INSERT' OR TG_NARGS <> 1
       OR TG_ARGV[0] NOT IN ('diserahkan', 'dilaporkan') THEN
        RAISE EXCEPTION 'permohonan_langkah_catat: must run AFTER INSERT FOR EACH ROW with the status to take'
            USING ERRCODE = '39P01', DETAIL = 'The argument is diserahkan or dilaporkan.';
    END IF;
    UPDATE dtks.permohonan_data d SET status = TG_ARGV[0] WHERE d.id = NEW.permohonan;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'permohonan % does not exist or is not visible to role %', NEW.permohonan, CURRENT_USER
            USING ERRCODE = '42704', DETAIL = 'Row-level security shows an office only the permohonan of its own region.';
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION dtks.permohonan_langkah_catat() IS
    'Row trigger (argument: diserahkan or dilaporkan): the recorded berita acara or laporan takes its permohonan''s step, checked by dtks.permohonan_periksa';
CREATE TRIGGER permohonan_langkah_catat AFTER INSERT ON dtks.berita_acara_serah_terima
    FOR EACH ROW EXECUTE FUNCTION dtks.permohonan_langkah_catat('diserahkan');
COMMENT ON TRIGGER permohonan_langkah_catat ON dtks.berita_acara_serah_terima IS 'The handover takes the permohonan to diserahkan';
CREATE TRIGGER permohonan_langkah_catat AFTER INSERT ON dtks.laporan_pemanfaatan
    FOR EACH ROW EXECUTE FUNCTION dtks.permohonan_langkah_catat('dilaporkan');
COMMENT ON TRIGGER permohonan_langkah_catat ON dtks.laporan_pemanfaatan IS 'The laporan takes the permohonan to dilaporkan';

-- The recipients of a laporan match its count: at commit exactly jumlah_penerima (deferred
-- constraint trigger on the laporan), and never more at any time (statement trigger on the list,
-- so no recipient is added once the laporan is committed).  SECURITY DEFINER: the count must not
-- depend on which role commits (a deferred check runs as the role current at COMMIT); path pinned.
CREATE FUNCTION dtks.laporan_penerima_periksa() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    l record;
BEGIN
    IF TG_LEVEL = 'ROW' AND TG_TABLE_NAME = 'laporan_pemanfaatan' THEN
        SELECT x.id, x.jumlah_penerima,
               (SELECT count(*) FROM dtks.laporan_pemanfaatan_penerima p WHERE p.laporan = x.id) AS tercatat
          INTO l
          FROM dtks.laporan_pemanfaatan x WHERE x.id = NEW.id;
        IF FOUND AND l.tercatat <> l.jumlah_penerima THEN
            RAISE EXCEPTION 'laporan pemanfaatan % declares % recipients but lists %', l.id, l.jumlah_penerima, l.tercatat
                USING ERRCODE = '23514',
                      DETAIL = 'Every recipient (at least NIK, nama and alamat) is listed in dtks.laporan_pemanfaatan_penerima, in the transaction that records the laporan.';
        END IF;
    ELSIF TG_LEVEL = 'STATEMENT' AND TG_TABLE_NAME = 'laporan_pemanfaatan_penerima' AND TG_OP = 'INSERT' THEN
        SELECT x.id, x.jumlah_penerima, c.tercatat INTO l
          FROM dtks.laporan_pemanfaatan x
         CROSS JOIN LATERAL (SELECT count(*) AS tercatat FROM dtks.laporan_pemanfaatan_penerima p WHERE p.laporan = x.id) c
         WHERE x.id IN (SELECT b.laporan FROM penerima_baru b) AND c.tercatat > x.jumlah_penerima
         ORDER BY x.id LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION 'laporan pemanfaatan % declares % recipients, not %', l.id, l.jumlah_penerima, l.tercatat
                USING ERRCODE = '23514', DETAIL = 'A recorded laporan is not extended; its recipients are listed with it.';
        END IF;
    ELSE
        RAISE EXCEPTION 'laporan_penerima_periksa: fired the wrong way (% % for each % on %)', TG_WHEN, TG_OP, TG_LEVEL, TG_TABLE_NAME
            USING ERRCODE = '39P01',
                  DETAIL = 'It is a deferred row trigger of dtks.laporan_pemanfaatan and an INSERT statement trigger of dtks.laporan_pemanfaatan_penerima.';
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION dtks.laporan_penerima_periksa() IS
    'Trigger: a laporan lists exactly jumlah_penerima recipients at commit (deferred constraint trigger on dtks.laporan_pemanfaatan) and never more (statement trigger on dtks.laporan_pemanfaatan_penerima); 23514';
CREATE CONSTRAINT TRIGGER laporan_penerima_periksa AFTER INSERT OR UPDATE ON dtks.laporan_pemanfaatan
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dtks.laporan_penerima_periksa();
COMMENT ON TRIGGER laporan_penerima_periksa ON dtks.laporan_pemanfaatan IS 'At commit: exactly jumlah_penerima recipients listed';
CREATE TRIGGER laporan_penerima_periksa AFTER INSERT ON dtks.laporan_pemanfaatan_penerima
    REFERENCING NEW TABLE AS penerima_baru
    FOR EACH STATEMENT EXECUTE FUNCTION dtks.laporan_penerima_periksa();
COMMENT ON TRIGGER laporan_penerima_periksa ON dtks.laporan_pemanfaatan_penerima IS 'Never more recipients than the laporan declares';
COMMENT ON CONSTRAINT laporan_penerima_periksa ON dtks.laporan_pemanfaatan IS
    'The deferred recipient count check (the constraint behind the constraint trigger)';

-- The export: the DTKS members of the permohonan's region in the latest determined month, each as
-- one JSON object with exactly the fields asked for; logged.  SECURITY DEFINER: it reads the
-- whole month regardless of the caller's row-level security and writes the log, which no office
-- may write; the path is pinned.  Inside it CURRENT_USER is the owner, so the caller is the
-- role set by SET ROLE, else the session user; that role must be a superuser, the ministry or
-- the kab/kota Dinas Sosial whose region holds the permohonan's.
CREATE FUNCTION dtks.ekspor_data(permohonan bigint) RETURNS SETOF jsonb
    LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    pemanggil name := CASE WHEN pg_catalog.current_setting('role') = 'none' THEN SESSION_USER
                           ELSE pg_catalog.current_setting('role')::name END;
    super boolean;
    kantor record;
    p record;
    periode_terakhir date;
    -- every key the row below is built with: all but the requested ones are removed
    semua constant text[] := ARRAY['nik', 'no_kk', 'nama', 'jenis_kelamin', 'tanggal_lahir', 'shdk', 'alamat', 'rt', 'rw',
                                   'kode_wilayah', 'nama_desa', 'nama_kecamatan', 'nama_kabkota', 'rumah_tangga_id',
                                   'desil', 'program'];
    hapus text[];
    n bigint;
BEGIN
    SELECT r.rolsuper INTO super FROM pg_catalog.pg_roles r WHERE r.rolname = pemanggil;
    SELECT o.peran, o.kode_wilayah INTO kantor FROM dtks.petugas_peran o WHERE o.pengguna = pemanggil;
    SELECT d.id, d.instansi, d.status, d.kode_wilayah, d.kolom INTO p
      FROM dtks.permohonan_data d WHERE d.id = ekspor_data.permohonan
       FOR SHARE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'permohonan % does not exist', ekspor_data.permohonan
            USING ERRCODE = '42704', DETAIL = 'dtks.permohonan_data has no such id.';
    END IF;
    IF NOT coalesce(super, false)
       AND NOT coalesce(kantor.peran = 'pusat'
                        OR (kantor.peran = 'kabkota' AND p.kode_wilayah OPERATOR(dtks.<@) kantor.kode_wilayah), false) THEN
        RAISE EXCEPTION 'permohonan % is exported by the kab/kota Dinas Sosial of region % or the ministry, not by role %',
                        p.id, p.kode_wilayah, pemanggil
            USING ERRCODE = '42501',
                  DETAIL = CASE WHEN kantor.peran IS NULL THEN format('Role %s is not in dtks.petugas_peran.', pemanggil)
                                WHEN kantor.peran = 'kabkota' THEN format('Role %s works for kab/kota %s.', pemanggil, kantor.kode_wilayah)
                                ELSE format('Role %s works for a %s office.', pemanggil, kantor.peran) END;
    END IF;
    IF p.status NOT IN ('disetujui', 'diserahkan') THEN
        RAISE EXCEPTION 'permohonan % is %: only an approved (disetujui) or handed-over (diserahkan) permohonan is exported', p.id, p.status
            USING ERRCODE = 'DTK10',
                  DETAIL = CASE p.status WHEN 'diajukan' THEN 'It has not been decided yet.'
                                         WHEN 'ditolak' THEN 'It was refused.'
                                         ELSE 'Its use has been reported, which closes it; more data needs a new permohonan.' END;
    END IF;
    PERFORM dtks.laporan_tertunggak_periksa(p.instansi, p.id, 'ekspor');
    SELECT max(t.periode) INTO periode_terakhir FROM dtks.penetapan t;
    IF periode_terakhir IS NULL THEN
        RAISE EXCEPTION 'permohonan % cannot be exported: no month of DTKS has been determined yet', p.id
            USING ERRCODE = '55000', DETAIL = 'dtks.penetapan is empty; the export gives the members of the latest determined month.';
    END IF;

    hapus := ARRAY(SELECT k FROM pg_catalog.unnest(semua) k WHERE k <> ALL (p.kolom));
    RETURN QUERY
    SELECT pg_catalog.jsonb_build_object(
               'nik', t.nik::text, 'no_kk', t.no_kk::text, 'nama', a.nama::text, 'jenis_kelamin', t.jenis_kelamin::text,
               'tanggal_lahir', t.tanggal_lahir, 'shdk', t.shdk, 'alamat', r.alamat, 'rt', r.rt, 'rw', r.rw,
               'kode_wilayah', t.kode_wilayah::text, 'nama_desa', wd.nama, 'nama_kecamatan', wc.nama, 'nama_kabkota', wk.nama,
               'rumah_tangga_id', t.rumah_tangga_id, 'desil', t.desil, 'program', pg_catalog.to_jsonb(t.program))
           OPERATOR(pg_catalog.-) hapus
      FROM dtks.penetapan_pada(periode_terakhir, p.kode_wilayah) t
      LEFT JOIN dtks.anggota a ON a.nik OPERATOR(dtks.=) t.nik
      LEFT JOIN dtks.rumah_tangga r ON r.id = t.rumah_tangga_id
      LEFT JOIN dtks.wilayah wd ON wd.kode OPERATOR(dtks.=) t.kode_wilayah
      LEFT JOIN dtks.wilayah wc ON wc.kode OPERATOR(dtks.=) dtks.leluhur(t.kode_wilayah, 3)
      LEFT JOIN dtks.wilayah wk ON wk.kode OPERATOR(dtks.=) dtks.leluhur(t.kode_wilayah, 2)
     WHERE t.kode_wilayah OPERATOR(dtks.<@) p.kode_wilayah
     ORDER BY t.kode_wilayah, t.no_kk, t.shdk, t.nik;
    GET DIAGNOSTICS n = ROW_COUNT;
    INSERT INTO dtks.ekspor_log (permohonan, pengguna, pelaku, peran, periode, kode_wilayah, kolom, jumlah_baris)
    VALUES (p.id, SESSION_USER, pemanggil, CASE WHEN coalesce(super, false) THEN 'superuser' ELSE kantor.peran END,
            periode_terakhir, p.kode_wilayah, p.kolom, n);
    RETURN;
END
$$;
REVOKE ALL ON FUNCTION dtks.ekspor_data(bigint) FROM PUBLIC;
COMMENT ON FUNCTION dtks.ekspor_data(bigint) IS
    'Export for an approved or handed-over permohonan (DTK10 otherwise): one JSON object per DTKS member of its region in the latest month of dtks.penetapan (55000 if none), with exactly its fields; logged in dtks.ekspor_log. Called by the kab/kota Dinas Sosial of the region, the ministry or a superuser (42501); refused while the agency owes a laporan (DTK06)';

-- Privileges.  The catalogue holds no personal data: every office and the BI readers read it.
-- Everything else here is personal data or about it: the handling offices (kab/kota, pusat)
-- record and read, the province monitors its region, dtks_pembaca gets nothing.
GRANT SELECT ON dtks.ekspor_kolom TO dtks_desa, dtks_kabkota, dtks_provinsi, dtks_pusat, dtks_pt, dtks_pembaca;
GRANT SELECT ON dtks.instansi, dtks.permohonan_data, dtks.berita_acara_serah_terima, dtks.laporan_pemanfaatan,
    dtks.laporan_pemanfaatan_penerima, dtks.ekspor_log
    TO dtks_kabkota, dtks_provinsi, dtks_pusat;
GRANT INSERT (nama, jenis, keterangan) ON dtks.instansi TO dtks_kabkota, dtks_pusat;
GRANT INSERT (instansi, nomor_surat, tanggal_surat, tujuan, uraian, kode_wilayah, kolom)
    ON dtks.permohonan_data TO dtks_kabkota, dtks_pusat;
GRANT UPDATE (nomor_surat, tanggal_surat, tujuan, uraian, kode_wilayah, kolom, status, alasan)
    ON dtks.permohonan_data TO dtks_kabkota, dtks_pusat;
GRANT INSERT (permohonan, nomor, tanggal, diserahkan_oleh, diterima_oleh)
    ON dtks.berita_acara_serah_terima TO dtks_kabkota, dtks_pusat;
GRANT INSERT (permohonan, nomor, tanggal, pemanfaatan, jumlah_penerima, dokumen)
    ON dtks.laporan_pemanfaatan TO dtks_kabkota, dtks_pusat;
GRANT INSERT (laporan, nik, no_kk, nama, alamat, bantuan)
    ON dtks.laporan_pemanfaatan_penerima TO dtks_kabkota, dtks_pusat;
GRANT EXECUTE ON FUNCTION dtks.ekspor_data(bigint), dtks.laporan_tertunggak_periksa(bigint, bigint, text)
    TO dtks_kabkota, dtks_pusat;

-- Row-level security by region: an office sees (and changes) the permohonan of its region and
-- what hangs on them; pusat every region.
ALTER TABLE dtks.permohonan_data ENABLE ROW LEVEL SECURITY;
CREATE POLICY permohonan_lihat ON dtks.permohonan_data FOR SELECT
    USING ((SELECT dtks.petugas_nasional()) OR kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas()));
COMMENT ON POLICY permohonan_lihat ON dtks.permohonan_data IS 'Permohonan for regions inside the office''s region (every region for pusat)';
CREATE POLICY permohonan_tambah ON dtks.permohonan_data FOR INSERT
    WITH CHECK ((SELECT dtks.peran_petugas()) OPERATOR(pg_catalog.=) 'pusat'
                OR ((SELECT dtks.peran_petugas()) OPERATOR(pg_catalog.=) 'kabkota'
                    AND kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas())));
COMMENT ON POLICY permohonan_tambah ON dtks.permohonan_data IS 'A kab/kota records permohonan for regions inside its own, the ministry for any';
CREATE POLICY permohonan_ubah ON dtks.permohonan_data FOR UPDATE
    USING ((SELECT dtks.peran_petugas()) OPERATOR(pg_catalog.=) 'pusat'
           OR ((SELECT dtks.peran_petugas()) OPERATOR(pg_catalog.=) 'kabkota' AND kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas())))
    WITH CHECK ((SELECT dtks.peran_petugas()) OPERATOR(pg_catalog.=) 'pusat'
                OR ((SELECT dtks.peran_petugas()) OPERATOR(pg_catalog.=) 'kabkota'
                    AND kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas())));
COMMENT ON POLICY permohonan_ubah ON dtks.permohonan_data IS 'Permohonan are decided and corrected by the kab/kota of their region or the ministry, and stay in that region';
ALTER TABLE dtks.berita_acara_serah_terima ENABLE ROW LEVEL SECURITY;
CREATE POLICY berita_acara_lihat ON dtks.berita_acara_serah_terima FOR SELECT
    USING (EXISTS (SELECT 1 FROM dtks.permohonan_data d WHERE d.id OPERATOR(pg_catalog.=) permohonan));
COMMENT ON POLICY berita_acara_lihat ON dtks.berita_acara_serah_terima IS 'The handovers of the permohonan the role may see';
CREATE POLICY berita_acara_tambah ON dtks.berita_acara_serah_terima FOR INSERT
    WITH CHECK (EXISTS (SELECT 1 FROM dtks.permohonan_data d WHERE d.id OPERATOR(pg_catalog.=) permohonan));
COMMENT ON POLICY berita_acara_tambah ON dtks.berita_acara_serah_terima IS 'A handover is recorded for a permohonan the role may see';
ALTER TABLE dtks.laporan_pemanfaatan ENABLE ROW LEVEL SECURITY;
CREATE POLICY laporan_lihat ON dtks.laporan_pemanfaatan FOR SELECT
    USING (EXISTS (SELECT 1 FROM dtks.permohonan_data d WHERE d.id OPERATOR(pg_catalog.=) permohonan));
COMMENT ON POLICY laporan_lihat ON dtks.laporan_pemanfaatan IS 'The laporan of the permohonan the role may see';
CREATE POLICY laporan_tambah ON dtks.laporan_pemanfaatan FOR INSERT
    WITH CHECK (EXISTS (SELECT 1 FROM dtks.permohonan_data d WHERE d.id OPERATOR(pg_catalog.=) permohonan));
COMMENT ON POLICY laporan_tambah ON dtks.laporan_pemanfaatan IS 'A laporan is recorded for a permohonan the role may see';
ALTER TABLE dtks.laporan_pemanfaatan_penerima ENABLE ROW LEVEL SECURITY;
CREATE POLICY penerima_lihat ON dtks.laporan_pemanfaatan_penerima FOR SELECT
    USING (EXISTS (SELECT 1 FROM dtks.laporan_pemanfaatan l WHERE l.id OPERATOR(pg_catalog.=) laporan));
COMMENT ON POLICY penerima_lihat ON dtks.laporan_pemanfaatan_penerima IS 'The recipients of the laporan the role may see';
CREATE POLICY penerima_tambah ON dtks.laporan_pemanfaatan_penerima FOR INSERT
    WITH CHECK (EXISTS (SELECT 1 FROM dtks.laporan_pemanfaatan l WHERE l.id OPERATOR(pg_catalog.=) laporan));
COMMENT ON POLICY penerima_tambah ON dtks.laporan_pemanfaatan_penerima IS 'Recipients are listed for a laporan the role may see';
ALTER TABLE dtks.ekspor_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY ekspor_log_lihat ON dtks.ekspor_log FOR SELECT
    USING (EXISTS (SELECT 1 FROM dtks.permohonan_data d WHERE d.id OPERATOR(pg_catalog.=) permohonan));
COMMENT ON POLICY ekspor_log_lihat ON dtks.ekspor_log IS 'The exports of the permohonan the role may see';
