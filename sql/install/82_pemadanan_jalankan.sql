-- The Dukcapil matching of usulan (pemadanan): the set-based run and the entry points that start it.

-- The matching itself, set-based: called by dtks.padankan_usulan only, as the table owner.  Per member: the
-- typed NIK's record scored (dtks.padan_nilai); where it is missing or differs in name or birth date, the
-- candidate search (dtks.penduduk_calon) inside the usulan's kab/kota; the member is linked to the top
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
