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
    diperbarui date
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
COMMENT ON INDEX dtks.penduduk_pkey IS 'One row per NIK';
SELECT pg_catalog.pg_extension_config_dump('dtks.penduduk'::regclass, '');

-- What a matching run found, per usulan and member.
CREATE TABLE dtks.usulan_temuan (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    putaran bigint NOT NULL,
    usulan bigint NOT NULL REFERENCES dtks.usulan (id),
    urutan integer,
    nik dtks.nik,
    temuan text NOT NULL CHECK (temuan IN ('nik_tidak_sah', 'nik_tidak_ada', 'nama_beda', 'tanggal_lahir_beda',
                                           'meninggal', 'kk_beda', 'aktif_di_kk_lain', 'tanpa_anggota')),
    menghalangi boolean NOT NULL,
    waktu timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE dtks.usulan_temuan IS
    'Findings of the Dukcapil matching per usulan and member; an usulan with a blocking finding goes to tidak_padan';
COMMENT ON COLUMN dtks.usulan_temuan.id IS 'The finding';
COMMENT ON COLUMN dtks.usulan_temuan.putaran IS 'The matching run (one number per dtks.padankan_usulan call)';
COMMENT ON COLUMN dtks.usulan_temuan.usulan IS 'The usulan';
COMMENT ON COLUMN dtks.usulan_temuan.urutan IS 'Position of the member in data->''anggota'' (or among the family''s current members); NULL for the usulan as a whole';
COMMENT ON COLUMN dtks.usulan_temuan.nik IS 'The member''s NIK (NULL when it is not a valid NIK)';
COMMENT ON COLUMN dtks.usulan_temuan.temuan IS
    'nik_tidak_sah (not a valid NIK), nik_tidak_ada (not in Dukcapil), nama_beda (names differ after dtks.nama_kunci), tanggal_lahir_beda, meninggal (dead in Dukcapil), kk_beda (Dukcapil has another KK), aktif_di_kk_lain (already active in another DTKS family), tanpa_anggota (no member to match)';
COMMENT ON COLUMN dtks.usulan_temuan.menghalangi IS
    'Whether it blocks: meninggal does not for a penghentian because of death; aktif_di_kk_lain does not for a perbaikan (a move)';
COMMENT ON COLUMN dtks.usulan_temuan.waktu IS 'When the run took place';
COMMENT ON INDEX dtks.usulan_temuan_pkey IS 'One row per finding';
COMMENT ON SEQUENCE dtks.usulan_temuan_id_seq IS 'Finding numbers';
CREATE INDEX usulan_temuan_usulan ON dtks.usulan_temuan (usulan);
COMMENT ON INDEX dtks.usulan_temuan_usulan IS 'The findings of one usulan';
CREATE SEQUENCE dtks.usulan_temuan_putaran;
COMMENT ON SEQUENCE dtks.usulan_temuan_putaran IS 'Matching run numbers';
SELECT pg_catalog.pg_extension_config_dump('dtks.usulan_temuan'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.usulan_temuan_id_seq'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.usulan_temuan_putaran'::regclass, '');

-- The matching itself, set-based: called by dtks.padankan_usulan only, as the table owner.
CREATE FUNCTION dtks.pemadanan_jalankan(wilayah dtks.kode_wilayah,
                                        OUT diperiksa bigint, OUT padan bigint, OUT tidak_padan bigint)
    LANGUAGE sql VOLATILE PARALLEL UNSAFE
BEGIN ATOMIC
WITH dipilih AS MATERIALIZED (
    SELECT u.id, u.jenis, u.no_kk, u.alasan_penghentian,
           CASE WHEN pg_catalog.jsonb_typeof(u.data OPERATOR(pg_catalog.->) 'anggota') OPERATOR(pg_catalog.=) 'array' THEN u.data OPERATOR(pg_catalog.->) 'anggota' END AS anggota,
           coalesce(u.data OPERATOR(pg_catalog.->>) 'no_kk', u.no_kk::text) AS kk_teks
      FROM dtks.usulan u
     WHERE u.status OPERATOR(pg_catalog.=) 'diajukan' AND (wilayah IS NULL OR u.kode_wilayah OPERATOR(dtks.<@) wilayah)
       FOR UPDATE
),
anggota_usul AS MATERIALIZED (
    -- the members proposed in data->'anggota'
    SELECT d.id AS usulan, a.urutan::integer AS urutan, a.e OPERATOR(pg_catalog.->>) 'nik' AS nik_teks, a.e OPERATOR(pg_catalog.->>) 'nama' AS nama,
           a.e OPERATOR(pg_catalog.->>) 'tanggal_lahir' AS lahir_teks, d.kk_teks, d.jenis, d.alasan_penghentian
      FROM dipilih d CROSS JOIN LATERAL pg_catalog.jsonb_array_elements(d.anggota) WITH ORDINALITY AS a(e, urutan)
    UNION ALL
    -- else the family's current members in DTKS
    SELECT d.id, (pg_catalog.row_number() OVER (PARTITION BY d.id ORDER BY m.nik))::integer, m.nik::text, g.nama,
           pg_catalog.to_char(g.tanggal_lahir, 'YYYY-MM-DD'), d.kk_teks, d.jenis, d.alasan_penghentian
      FROM dipilih d
      JOIN dtks.keanggotaan m ON m.no_kk OPERATOR(dtks.=) d.no_kk AND m.berlaku OPERATOR(pg_catalog.@>) CURRENT_DATE
      JOIN dtks.anggota g ON g.nik OPERATOR(dtks.=) m.nik
     WHERE d.anggota IS NULL
),
cek AS (
    SELECT a.*, n.nik, p.nik IS NOT NULL AS ada, p.nama AS nama_dukcapil, p.tanggal_lahir AS lahir_dukcapil,
           p.hidup, p.no_kk AS kk_dukcapil, n.kk, aktif.no_kk AS kk_aktif
      FROM anggota_usul a
     CROSS JOIN LATERAL (SELECT CASE WHEN dtks.nik_valid(a.nik_teks) THEN a.nik_teks::dtks.nik END AS nik,
                                CASE WHEN dtks.no_kk_valid(a.kk_teks) THEN a.kk_teks::dtks.no_kk END AS kk) n
      LEFT JOIN dtks.penduduk p ON p.nik OPERATOR(dtks.=) n.nik
      LEFT JOIN (SELECT m.nik, m.no_kk
                   FROM dtks.keanggotaan m JOIN dtks.keluarga k ON k.no_kk OPERATOR(dtks.=) m.no_kk
                  WHERE m.berlaku OPERATOR(pg_catalog.@>) CURRENT_DATE AND k.status OPERATOR(pg_catalog.=) 'aktif') aktif ON aktif.nik OPERATOR(dtks.=) n.nik
),
temuan AS (
    SELECT c.usulan, c.urutan, c.nik, t.temuan, t.menghalangi
      FROM cek c
     CROSS JOIN LATERAL (VALUES
        ('nik_tidak_sah', c.nik IS NULL, true),
        ('nik_tidak_ada', c.nik IS NOT NULL AND NOT c.ada, true),
        ('nama_beda', c.ada AND c.nama IS NOT NULL AND dtks.nama_kunci(c.nama) OPERATOR(pg_catalog.<>) dtks.nama_kunci(c.nama_dukcapil), true),
        ('tanggal_lahir_beda', c.ada AND c.lahir_teks IS NOT NULL
                               AND c.lahir_teks IS DISTINCT FROM pg_catalog.to_char(c.lahir_dukcapil, 'YYYY-MM-DD'), true),
        ('meninggal', c.ada AND NOT c.hidup, NOT (c.jenis OPERATOR(pg_catalog.=) 'penghentian' AND c.alasan_penghentian OPERATOR(pg_catalog.=) 'meninggal')),
        ('kk_beda', c.ada AND c.kk IS NOT NULL AND NOT coalesce(c.kk_dukcapil OPERATOR(dtks.=) c.kk, false), true),
        ('aktif_di_kk_lain', c.kk_aktif IS NOT NULL AND NOT coalesce(c.kk_aktif OPERATOR(dtks.=) c.kk, false),
                             c.jenis OPERATOR(pg_catalog.<>) 'perbaikan')
     ) AS t(temuan, ditemukan, menghalangi)
     WHERE t.ditemukan
    UNION ALL
    SELECT d.id, NULL, NULL, 'tanpa_anggota', true
      FROM dipilih d
     WHERE NOT EXISTS (SELECT 1 FROM anggota_usul a WHERE a.usulan OPERATOR(pg_catalog.=) d.id)
),
putaran AS (
    SELECT pg_catalog.nextval('dtks.usulan_temuan_putaran') AS nomor
),
simpan AS (
    INSERT INTO dtks.usulan_temuan (putaran, usulan, urutan, nik, temuan, menghalangi)
    SELECT p.nomor, t.usulan, t.urutan, t.nik, t.temuan, t.menghalangi FROM temuan t, putaran p
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
REVOKE ALL ON FUNCTION dtks.pemadanan_jalankan(dtks.kode_wilayah) FROM PUBLIC;
COMMENT ON FUNCTION dtks.pemadanan_jalankan(dtks.kode_wilayah) IS
    'The set-based Dukcapil matching behind dtks.padankan_usulan (which alone may call it, as the owner, taking the steps as pemadanan): findings per member into dtks.usulan_temuan, each usulan to padan or tidak_padan';

CREATE FUNCTION dtks.padankan_usulan(kode_wilayah dtks.kode_wilayah,
                                     OUT diperiksa bigint, OUT padan bigint, OUT tidak_padan bigint)
    AS 'MODULE_PATHNAME', 'padankan_usulan' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION dtks.padankan_usulan(dtks.kode_wilayah) IS
    'Dukcapil matching: every diajukan usulan in the region (NULL: everywhere, ministry only) goes to padan, or to tidak_padan with the blocking findings as its reason; per-member findings in dtks.usulan_temuan. Run by the kab/kota Dinas Sosial inside its region, the ministry or a superuser (42501 otherwise)';

CREATE FUNCTION dtks.jalankan_sebagai(peran text, perintah text) RETURNS bigint
    AS 'MODULE_PATHNAME', 'jalankan_sebagai' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
REVOKE ALL ON FUNCTION dtks.jalankan_sebagai(text, text) FROM PUBLIC;
COMMENT ON FUNCTION dtks.jalankan_sebagai(text, text) IS
    'Superuser only: run one statement taking usulan steps as a system office (pemadanan or penetapan), e.g. to apply results of Dukcapil''s online matching; the history records the office and the session user; returns the rows processed.  The statement is parsed with the caller''s own search_path (qualify its names) and runs as the owner of dtks.usulan in a security-restricted operation';
