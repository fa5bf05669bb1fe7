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
    -- the typed NIK and its record; scored where the record differs from the member in name or birth date
    SELECT k.*, CASE WHEN NOT k.t_cocok THEN dtks.padan_nilai('dukcapil', k.nik_teks, k.t_nik::text, k.kunci, k.t_kunci,
                                                           k.lahir, k.t_lahir, k.jk, k.t_jk, k.kode_wilayah, k.t_wilayah, NULL, k.t_kk::text) END AS t_skor
      FROM (SELECT a.*, n.nik, n.kk, n.lahir, n.kunci, t.nik AS t_nik, t.nama_kunci AS t_kunci, t.tanggal_lahir AS t_lahir,
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
cari AS MATERIALIZED (
    -- the members the candidate search is for: no record for the typed NIK, or one that differs from the member in
    -- name or birth date (the NIK may be another person's).  The search of dtks.penduduk_calon, set-wise: the
    -- birth dates near the member's inside the usulan's kab/kota in one hash join, then the NIKs near the typed one
    -- where those gave no record to link, then the names alike where no date was typed (a trigram search of a common name is costly at national scale;
    -- dtks.cari_penduduk also takes it for 1 January and 31 December, the placeholders of an unknown day).
    SELECT k.usulan, k.urutan, k.nik_teks, k.kunci, k.lahir, k.jk, k.kode_wilayah, k.lingkup
      FROM ketik k WHERE NOT coalesce(k.t_cocok, false)
),
lewat_tanggal AS MATERIALIZED (
    SELECT c.usulan, c.urutan, p.nik,
           dtks.padan_nilai('dukcapil', c.nik_teks, p.nik::text, c.kunci, p.nama_kunci, c.lahir, p.tanggal_lahir, c.jk,
                            p.jenis_kelamin::text, c.kode_wilayah, p.kode_wilayah, NULL, p.no_kk::text) AS skor
      FROM cari c
     CROSS JOIN LATERAL (SELECT q.nik, q.nama_kunci, q.tanggal_lahir, q.jenis_kelamin, q.kode_wilayah, q.no_kk
                           FROM dtks.penduduk q
                          WHERE q.tanggal_lahir OPERATOR(pg_catalog.=) ANY (dtks.tanggal_sekitar(c.lahir))
                            AND q.kode_wilayah OPERATOR(dtks.<@) c.lingkup) p
),
lewat_nik AS MATERIALIZED (
    SELECT c.usulan, c.urutan, p.nik,
           dtks.padan_nilai('dukcapil', c.nik_teks, p.nik::text, c.kunci, p.nama_kunci, c.lahir, p.tanggal_lahir, c.jk,
                            p.jenis_kelamin::text, c.kode_wilayah, p.kode_wilayah, NULL, p.no_kk::text) AS skor
      FROM cari c
      JOIN dtks.penduduk p ON p.nik OPERATOR(dtks.=) ANY (dtks.nik_sekitar(c.nik_teks))
     WHERE p.kode_wilayah OPERATOR(dtks.<@) c.lingkup
       AND NOT EXISTS (SELECT 1 FROM lewat_tanggal x CROSS JOIN ambang b
                        WHERE x.usulan OPERATOR(pg_catalog.=) c.usulan AND x.urutan OPERATOR(pg_catalog.=) c.urutan
                          AND x.skor OPERATOR(pg_catalog.>=) b.tautan)
),
lewat_nama AS MATERIALIZED (
    SELECT c.usulan, c.urutan, p.nik,
           dtks.padan_nilai('dukcapil', c.nik_teks, p.nik::text, c.kunci, p.nama_kunci, c.lahir, p.tanggal_lahir, c.jk,
                            p.jenis_kelamin::text, c.kode_wilayah, p.kode_wilayah, NULL, p.no_kk::text) AS skor
      FROM cari c
      JOIN dtks.penduduk p ON p.nama_kunci % c.kunci
     WHERE c.lahir IS NULL AND p.kode_wilayah OPERATOR(dtks.<@) c.lingkup
       AND NOT EXISTS (SELECT 1 FROM lewat_nik x CROSS JOIN ambang b
                        WHERE x.usulan OPERATOR(pg_catalog.=) c.usulan AND x.urutan OPERATOR(pg_catalog.=) c.urutan
                          AND x.skor OPERATOR(pg_catalog.>=) b.tautan)
),
calon AS MATERIALIZED (
    -- the best candidate of each member, and the next one's score
    SELECT x.usulan, x.urutan, x.nik AS c_nik, x.skor AS c_skor, x.skor2 AS c_skor2, p.nama_kunci AS c_kunci,
           p.tanggal_lahir AS c_lahir, p.jenis_kelamin::text AS c_jk, p.kode_wilayah AS c_wilayah, p.hidup AS c_hidup,
           p.no_kk AS c_kk, p.alamat AS c_alamat
      FROM (SELECT y.*, pg_catalog.row_number() OVER w AS nomor, pg_catalog.lead(y.skor) OVER w AS skor2
              FROM (SELECT DISTINCT z.usulan, z.urutan, z.nik, z.skor
                      FROM (SELECT * FROM lewat_tanggal UNION ALL SELECT * FROM lewat_nik UNION ALL SELECT * FROM lewat_nama) z) y
            WINDOW w AS (PARTITION BY y.usulan, y.urutan ORDER BY y.skor DESC, y.nik)) x
      JOIN dtks.penduduk p ON p.nik OPERATOR(dtks.=) x.nik
     WHERE x.nomor OPERATOR(pg_catalog.=) 1
),
tautan AS MATERIALIZED (
    SELECT k.*, c.c_nik, c.c_skor, c.c_kunci, c.c_lahir, c.c_jk, c.c_wilayah, c.c_hidup, c.c_kk, c.c_alamat,
           CASE WHEN c.c_nik IS NOT NULL AND c.c_nik IS DISTINCT FROM k.t_nik AND c.c_skor OPERATOR(pg_catalog.>=) b.tautan
                     AND coalesce(c.c_skor OPERATOR(pg_catalog.-) GREATEST(c.c_skor2, k.t_skor) OPERATOR(pg_catalog.>=) b.selisih, true)
                     THEN 'calon'
                WHEN k.t_nik IS NOT NULL THEN 'nik'
                ELSE 'tidak_ada' END AS cara
      FROM ketik k CROSS JOIN ambang b
      LEFT JOIN calon c ON c.usulan OPERATOR(pg_catalog.=) k.usulan AND c.urutan OPERATOR(pg_catalog.=) k.urutan
),
linked AS (
    -- the linked record: the typed NIK's or the candidate's, with the candidate's comparison
    SELECT t.*, l.*,
           CASE WHEN l.calon THEN dtks.padan_rincian('dukcapil', t.nik_teks, t.c_nik::text, t.kunci, t.c_kunci, t.lahir, t.c_lahir,
                                                     t.jk, t.c_jk, t.kode_wilayah, t.c_wilayah, NULL, t.c_kk::text)
                                  OPERATOR(pg_catalog.||) pg_catalog.jsonb_build_object('hidup', t.c_hidup) END AS c_rincian
      FROM tautan t
     CROSS JOIN LATERAL (SELECT t.cara OPERATOR(pg_catalog.=) 'calon' AS calon) c
     CROSS JOIN LATERAL (SELECT CASE WHEN c.calon THEN t.c_nik ELSE t.t_nik END AS l_nik,
                                CASE WHEN c.calon THEN t.c_kunci ELSE t.t_kunci END AS kunci_dukcapil,
                                CASE WHEN c.calon THEN t.c_lahir ELSE t.t_lahir END AS lahir_dukcapil,
                                CASE WHEN c.calon THEN t.c_hidup ELSE t.t_hidup END AS hidup,
                                CASE WHEN c.calon THEN t.c_kk ELSE t.t_kk END AS kk_dukcapil,
                                CASE WHEN c.calon THEN t.c_wilayah ELSE t.t_wilayah END AS wilayah_dukcapil,
                                CASE WHEN c.calon THEN t.c_alamat ELSE t.t_alamat END AS alamat_dukcapil,
                                CASE WHEN c.calon THEN t.c_skor ELSE t.t_skor END AS l_skor,
                                c.calon) l
),
cek AS (
    SELECT l.*, l.nama AS nama_usul,
           l.wilayah_dukcapil IS NOT NULL AND NOT l.wilayah_dukcapil OPERATOR(dtks.<@) l.lingkup AS p_luar,
           CASE WHEN l.alamat IS NULL OR l.alamat_dukcapil IS NULL THEN NULL
                WHEN pg_catalog.upper(l.alamat) OPERATOR(pg_catalog.=) pg_catalog.upper(l.alamat_dukcapil) THEN 1
                ELSE similarity(pg_catalog.upper(l.alamat), pg_catalog.upper(l.alamat_dukcapil)) END AS alamat_mirip,
           aktif.no_kk AS kk_aktif, NOT aktif.kode_wilayah OPERATOR(dtks.<@) l.lingkup AS aktif_luar
      FROM linked l
      LEFT JOIN (SELECT m.nik, m.no_kk, r.kode_wilayah
                   FROM dtks.keanggotaan m JOIN dtks.keluarga k ON k.no_kk OPERATOR(dtks.=) m.no_kk
                   JOIN dtks.rumah_tangga r ON r.id OPERATOR(pg_catalog.=) k.rumah_tangga_id
                  WHERE m.berlaku OPERATOR(pg_catalog.@>) CURRENT_DATE AND k.status OPERATOR(pg_catalog.=) 'aktif') aktif
             ON aktif.nik OPERATOR(dtks.=) coalesce(l.l_nik, l.nik)
),
temuan AS (
    -- one scan of the members per kind of finding (cheaper than a row per kind and member)
    SELECT c.usulan, c.urutan, c.nik, 'nik_tidak_sah' AS temuan, true AS menghalangi, NULL::dtks.nik AS nik_usulan,
           NULL::double precision AS skor, NULL::jsonb AS rincian
      FROM cek c WHERE c.nik IS NULL
    UNION ALL
    SELECT c.usulan, c.urutan, c.nik, 'nik_tidak_ada', true, NULL, NULL, NULL
      FROM cek c WHERE c.nik IS NOT NULL AND c.t_nik IS NULL
    UNION ALL
    SELECT c.usulan, c.urutan, c.nik, 'luar_wilayah',
           (c.l_nik IS NOT NULL AND c.p_luar) OR c.jenis OPERATOR(pg_catalog.<>) 'perbaikan' OR c.koreksi, NULL, NULL, NULL
      FROM cek c
     WHERE (c.l_nik IS NOT NULL AND c.p_luar)
        OR (c.kk_aktif IS NOT NULL AND c.aktif_luar AND NOT coalesce(c.kk_aktif OPERATOR(dtks.=) c.kk, false))
    UNION ALL
    SELECT c.usulan, c.urutan, c.nik, 'nik_salah', true, c.c_nik, c.c_skor, NULL
      FROM cek c WHERE c.cara OPERATOR(pg_catalog.=) 'calon' AND c.t_nik IS NOT NULL
    UNION ALL
    SELECT c.usulan, c.urutan, c.nik, 'nik_diusulkan', false, c.c_nik, c.c_skor, c.c_rincian
      FROM cek c WHERE c.cara OPERATOR(pg_catalog.=) 'calon'
    UNION ALL
    SELECT c.usulan, c.urutan, c.nik, 'nama_beda', true, NULL, NULL, NULL
      FROM cek c
     WHERE c.l_nik IS NOT NULL AND NOT c.p_luar AND c.nama_usul IS NOT NULL AND c.kunci OPERATOR(pg_catalog.<>) c.kunci_dukcapil
    UNION ALL
    SELECT c.usulan, c.urutan, c.nik, 'tanggal_lahir_beda', true, NULL, NULL, NULL
      FROM cek c
     WHERE c.l_nik IS NOT NULL AND NOT c.p_luar AND c.lahir_teks IS NOT NULL
       AND NOT coalesce(c.lahir OPERATOR(pg_catalog.=) c.lahir_dukcapil, false)
    UNION ALL
    SELECT c.usulan, c.urutan, c.nik, 'meninggal',
           NOT (c.jenis OPERATOR(pg_catalog.=) 'penghentian' AND c.alasan_penghentian OPERATOR(pg_catalog.=) 'meninggal'), NULL, NULL, NULL
      FROM cek c WHERE c.l_nik IS NOT NULL AND NOT c.p_luar AND NOT c.hidup
    UNION ALL
    SELECT c.usulan, c.urutan, c.nik, 'kk_beda', true, NULL, NULL, NULL
      FROM cek c
     WHERE c.l_nik IS NOT NULL AND NOT c.p_luar AND c.kk IS NOT NULL AND NOT coalesce(c.kk_dukcapil OPERATOR(dtks.=) c.kk, false)
    UNION ALL
    SELECT c.usulan, c.urutan, c.nik, 'aktif_di_kk_lain', c.jenis OPERATOR(pg_catalog.<>) 'perbaikan' OR c.koreksi, NULL, NULL, NULL
      FROM cek c
     WHERE c.kk_aktif IS NOT NULL AND NOT c.aktif_luar AND NOT coalesce(c.kk_aktif OPERATOR(dtks.=) c.kk, false)
    UNION ALL
    SELECT c.usulan, c.urutan, c.nik, 'alamat_beda', b.alamat_menghalangi, NULL, NULL,
           pg_catalog.jsonb_build_object('desa_sama', c.wilayah_dukcapil OPERATOR(dtks.=) c.kode_wilayah,
                                         'kemiripan', pg_catalog.round(c.alamat_mirip::numeric, 2))
      FROM cek c CROSS JOIN ambang b
     WHERE c.l_nik IS NOT NULL AND NOT c.p_luar AND c.wilayah_dukcapil IS NOT NULL
       AND (NOT c.wilayah_dukcapil OPERATOR(dtks.=) c.kode_wilayah OR c.alamat_mirip OPERATOR(pg_catalog.<) b.alamat)
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
