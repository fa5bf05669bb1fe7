-- The Dukcapil matching of usulan (pemadanan): the set-based run and the entry points that start it.

-- The matching itself, set-based: called by dtks.padankan_usulan only, as the table owner.  Per member: the
-- typed NIK's record scored (dtks.padan_nilai); where it is missing, differs in name or birth date, or scores
-- below dtks.padan_ambang_tautan, the candidate search (dtks.penduduk_calon) inside the usulan's kab/kota; the member is linked to the top
-- candidate when it scores dtks.padan_ambang_tautan and leads the next (and the typed NIK's record) by
-- dtks.padan_selisih, else to the typed NIK's record.  The findings compare the member with the linked record;
-- of a record outside the usulan's kab/kota only luar_wilayah is told.
CREATE FUNCTION dtks.pemadanan_jalankan(wilayah dtks.kode_wilayah,
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
    SELECT u.id, u.jenis, u.no_kk, u.alasan_penghentian, u.kode_wilayah, dtks.leluhur(u.kode_wilayah, 2) AS lingkup,
           CASE WHEN pg_catalog.jsonb_typeof(u.data OPERATOR(pg_catalog.->) 'anggota') OPERATOR(pg_catalog.=) 'array' THEN u.data OPERATOR(pg_catalog.->) 'anggota' END AS anggota,
           coalesce(u.data OPERATOR(pg_catalog.->>) 'no_kk', u.no_kk::text) AS kk_teks,
           coalesce(u.data OPERATOR(pg_catalog.#>>) '{rumah_tangga,alamat}',
                    (SELECT r.alamat FROM dtks.keluarga k JOIN dtks.rumah_tangga r ON r.id OPERATOR(pg_catalog.=) k.rumah_tangga_id
                      WHERE k.no_kk OPERATOR(dtks.=) u.no_kk)) AS alamat
      FROM dtks.usulan u
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
      FROM dipilih d CROSS JOIN LATERAL pg_catalog.jsonb_array_elements(d.anggota) WITH ORDINALITY AS a(e, urutan)
      LEFT JOIN dtks.anggota l ON l.nik OPERATOR(dtks.=) CASE WHEN dtks.nik_valid(a.e OPERATOR(pg_catalog.->>) 'nik_lama')
                                                              THEN (a.e OPERATOR(pg_catalog.->>) 'nik_lama')::dtks.nik END
    UNION ALL
    -- else the family's current members in DTKS
    SELECT d.id, (pg_catalog.row_number() OVER (PARTITION BY d.id ORDER BY m.nik))::integer, m.nik::text, g.nama,
           pg_catalog.to_char(g.tanggal_lahir, 'YYYY-MM-DD'), g.jenis_kelamin::text, d.alamat, d.kk_teks, d.jenis,
           d.alasan_penghentian, d.kode_wilayah, d.lingkup, false
      FROM dipilih d
      JOIN dtks.keanggotaan m ON m.no_kk OPERATOR(dtks.=) d.no_kk AND m.berlaku OPERATOR(pg_catalog.@>) CURRENT_DATE
      JOIN dtks.anggota g ON g.nik OPERATOR(dtks.=) m.nik
     WHERE d.anggota IS NULL
),
ketik AS MATERIALIZED (
    -- the typed NIK and its record, scored
    SELECT a.*, n.nik, n.kk, n.lahir, n.kunci, t.nik AS t_nik, t.skor AS t_skor,
           t.nik IS NOT NULL AND (a.nama IS NULL OR n.kunci OPERATOR(pg_catalog.=) t.nama_kunci)
                             AND (a.lahir_teks IS NULL OR n.lahir OPERATOR(pg_catalog.=) t.tanggal_lahir) AS t_cocok
      FROM anggota_usul a
     CROSS JOIN LATERAL (SELECT CASE WHEN dtks.nik_valid(a.nik_teks) THEN a.nik_teks::dtks.nik END AS nik,
                                CASE WHEN dtks.no_kk_valid(a.kk_teks) THEN a.kk_teks::dtks.no_kk END AS kk,
                                dtks.tanggal_dari_teks(a.lahir_teks) AS lahir,
                                dtks.nama_kunci(a.nama) AS kunci) n
      LEFT JOIN LATERAL (SELECT p.nik, dtks.padan_nilai('dukcapil', a.nik_teks, p.nik::text, n.kunci, p.nama_kunci, n.lahir,
                                                        p.tanggal_lahir, a.jk, p.jenis_kelamin::text, a.kode_wilayah,
                                                        p.kode_wilayah, NULL) AS skor, p.nama_kunci, p.tanggal_lahir
                           FROM dtks.penduduk p WHERE p.nik OPERATOR(dtks.=) n.nik) t ON true
),
calon AS MATERIALIZED (
    -- the best candidate (and the next one's score) where the typed NIK gives no record to link, or one whose
    -- name or birth date differs from the member's (the NIK may be another person's)
    SELECT k.usulan, k.urutan, c.nik AS c_nik, c.skor AS c_skor, c.rincian AS c_rincian, c.skor2 AS c_skor2
      FROM ketik k CROSS JOIN ambang b
     CROSS JOIN LATERAL (SELECT x.nik, x.skor, x.rincian,
                                pg_catalog.lead(x.skor) OVER (ORDER BY x.skor DESC, x.nik) AS skor2
                           FROM dtks.penduduk_calon(k.nik_teks, k.nama, k.lahir, k.jk, k.kode_wilayah, 2, k.lingkup,
                                                    b.tautan OPERATOR(pg_catalog.-) b.selisih, b.tautan) x
                          ORDER BY x.skor DESC, x.nik LIMIT 1) c
     WHERE NOT coalesce(k.t_cocok, false) OR k.t_skor OPERATOR(pg_catalog.<) b.tautan
),
tautan AS MATERIALIZED (
    SELECT k.*, c.c_nik, c.c_skor, c.c_rincian,
           CASE WHEN c.c_nik IS NOT NULL AND c.c_nik IS DISTINCT FROM k.t_nik AND c.c_skor OPERATOR(pg_catalog.>=) b.tautan
                     AND coalesce(c.c_skor OPERATOR(pg_catalog.-) GREATEST(c.c_skor2, k.t_skor) OPERATOR(pg_catalog.>=) b.selisih, true)
                     THEN 'calon'
                WHEN k.t_nik IS NOT NULL THEN 'nik'
                ELSE 'tidak_ada' END AS cara
      FROM ketik k CROSS JOIN ambang b
      LEFT JOIN calon c ON c.usulan OPERATOR(pg_catalog.=) k.usulan AND c.urutan OPERATOR(pg_catalog.=) k.urutan
),
cek AS (
    SELECT t.*, t.nama AS nama_usul, p.nik AS l_nik, p.nama AS nama_dukcapil, p.nama_kunci AS kunci_dukcapil,
           p.tanggal_lahir AS lahir_dukcapil, p.hidup, p.no_kk AS kk_dukcapil, p.kode_wilayah AS wilayah_dukcapil,
           p.alamat AS alamat_dukcapil,
           p.kode_wilayah IS NOT NULL AND NOT p.kode_wilayah OPERATOR(dtks.<@) t.lingkup AS p_luar,
           aktif.no_kk AS kk_aktif, aktif.luar AS aktif_luar,
           CASE WHEN t.cara OPERATOR(pg_catalog.=) 'calon' THEN t.c_skor ELSE t.t_skor END AS l_skor
      FROM tautan t
      LEFT JOIN dtks.penduduk p ON p.nik OPERATOR(dtks.=) (CASE WHEN t.cara OPERATOR(pg_catalog.=) 'calon' THEN t.c_nik ELSE t.t_nik END)
      LEFT JOIN LATERAL (SELECT m.no_kk, NOT r.kode_wilayah OPERATOR(dtks.<@) t.lingkup AS luar
                           FROM dtks.keanggotaan m JOIN dtks.keluarga k ON k.no_kk OPERATOR(dtks.=) m.no_kk
                           JOIN dtks.rumah_tangga r ON r.id OPERATOR(pg_catalog.=) k.rumah_tangga_id
                          WHERE m.nik OPERATOR(dtks.=) coalesce(p.nik, t.nik) AND m.berlaku OPERATOR(pg_catalog.@>) CURRENT_DATE
                            AND k.status OPERATOR(pg_catalog.=) 'aktif'
                          LIMIT 1) aktif ON true
),
temuan AS (
    SELECT c.usulan, c.urutan, c.nik, t.temuan, t.menghalangi, t.nik_usulan, t.skor, t.rincian
      FROM cek c CROSS JOIN ambang b
     CROSS JOIN LATERAL (VALUES
        ('nik_tidak_sah', c.nik IS NULL, true, NULL::dtks.nik, NULL::double precision, NULL::jsonb),
        ('nik_tidak_ada', c.nik IS NOT NULL AND c.t_nik IS NULL, true, NULL, NULL, NULL),
        ('luar_wilayah', (c.l_nik IS NOT NULL AND c.p_luar) OR (c.kk_aktif IS NOT NULL AND c.aktif_luar
                                                               AND NOT coalesce(c.kk_aktif OPERATOR(dtks.=) c.kk, false)),
                         NOT (c.l_nik IS NULL OR NOT c.p_luar) OR c.jenis OPERATOR(pg_catalog.<>) 'perbaikan' OR c.koreksi, NULL, NULL, NULL),
        ('nik_salah', c.cara OPERATOR(pg_catalog.=) 'calon' AND c.t_nik IS NOT NULL, true, c.c_nik, c.c_skor, NULL),
        ('nik_diusulkan', c.cara OPERATOR(pg_catalog.=) 'calon', false, c.c_nik, c.c_skor, c.c_rincian),
        ('nama_beda', c.l_nik IS NOT NULL AND NOT c.p_luar AND c.nama_usul IS NOT NULL
                      AND c.kunci OPERATOR(pg_catalog.<>) c.kunci_dukcapil, true, NULL, NULL, NULL),
        ('tanggal_lahir_beda', c.l_nik IS NOT NULL AND NOT c.p_luar AND c.lahir_teks IS NOT NULL
                               AND c.lahir_teks IS DISTINCT FROM pg_catalog.to_char(c.lahir_dukcapil, 'YYYY-MM-DD'), true, NULL, NULL, NULL),
        ('meninggal', c.l_nik IS NOT NULL AND NOT c.p_luar AND NOT c.hidup,
                      NOT (c.jenis OPERATOR(pg_catalog.=) 'penghentian' AND c.alasan_penghentian OPERATOR(pg_catalog.=) 'meninggal'), NULL, NULL, NULL),
        ('kk_beda', c.l_nik IS NOT NULL AND NOT c.p_luar AND c.kk IS NOT NULL
                    AND NOT coalesce(c.kk_dukcapil OPERATOR(dtks.=) c.kk, false), true, NULL, NULL, NULL),
        ('aktif_di_kk_lain', c.kk_aktif IS NOT NULL AND NOT c.aktif_luar AND NOT coalesce(c.kk_aktif OPERATOR(dtks.=) c.kk, false),
                             c.jenis OPERATOR(pg_catalog.<>) 'perbaikan' OR c.koreksi, NULL, NULL, NULL),
        ('alamat_beda', c.l_nik IS NOT NULL AND NOT c.p_luar AND c.wilayah_dukcapil IS NOT NULL
                        AND (NOT c.wilayah_dukcapil OPERATOR(dtks.=) c.kode_wilayah
                             OR (c.alamat IS NOT NULL AND c.alamat_dukcapil IS NOT NULL
                                 AND similarity(pg_catalog.upper(c.alamat), pg_catalog.upper(c.alamat_dukcapil)) OPERATOR(pg_catalog.<) b.alamat)),
                        b.alamat_menghalangi, NULL, NULL,
                        pg_catalog.jsonb_build_object('desa_sama', c.wilayah_dukcapil OPERATOR(dtks.=) c.kode_wilayah,
                                                      'kemiripan', CASE WHEN c.alamat IS NOT NULL AND c.alamat_dukcapil IS NOT NULL
                                                                        THEN pg_catalog.round(similarity(pg_catalog.upper(c.alamat), pg_catalog.upper(c.alamat_dukcapil))::numeric, 2) END))
     ) AS t(temuan, ditemukan, menghalangi, nik_usulan, skor, rincian)
     WHERE t.ditemukan
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
