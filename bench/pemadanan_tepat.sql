-- The exact-only Dukcapil matching as it was before issue 19 (sql/install/82_pemadanan.sql at 1.1's start, the
-- typed NIK only, no candidate search, no address): the baseline of bench/pemadanan_cepat.sh; and the same with
-- the one write per member that the matching of issue 19 adds (dtks.usulan_padan, the link), the floor under the
-- new matching without any search.  Created in schema dtks_bench_padan by the bench; run as the matching office
-- through dtks.jalankan_sebagai (superuser).

CREATE FUNCTION dtks_bench_padan.pemadanan_tepat(wilayah dtks.kode_wilayah,
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


CREATE FUNCTION dtks_bench_padan.pemadanan_tepat_tulis(wilayah dtks.kode_wilayah,
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
simpan_padan AS (
    -- the floor: the one write per member the matching of issue 19 adds (its link), without any search
    INSERT INTO dtks.usulan_padan (putaran, usulan, urutan, nik_ketik, nik, skor, cara)
    SELECT p.nomor, c.usulan, c.urutan, c.nik_teks, CASE WHEN c.ada THEN c.nik END, NULL,
           CASE WHEN c.ada THEN 'nik' ELSE 'tidak_ada' END
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


-- A run as the matching office and its summary, as dtks.padankan_usulan(NULL) returns it.
CREATE FUNCTION dtks_bench_padan.padankan(fungsi text, OUT diperiksa bigint, OUT padan bigint, OUT tidak_padan bigint)
    LANGUAGE plpgsql VOLATILE
AS $$
BEGIN
    PERFORM dtks.jalankan_sebagai('pemadanan', format('SELECT * FROM dtks_bench_padan.%I(NULL)', fungsi));
    SELECT count(*) FILTER (WHERE u.status IN ('padan', 'tidak_padan')), count(*) FILTER (WHERE u.status = 'padan'),
           count(*) FILTER (WHERE u.status = 'tidak_padan')
      INTO diperiksa, padan, tidak_padan FROM dtks.usulan u;
END
$$;
