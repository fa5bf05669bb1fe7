-- The monthly figures per region, kept as each month is determined (never a recount of the
-- registry).  A region's row is written only by a month that changed it: it holds the figures
-- from its month until the region's next row, and what that month changed (entries, exits by
-- reason).  So a month writes a row per region it touched, not per region of the country, and
-- the BI views (86_penetapan_bi.sql) expand the rows into one per month and region.

-- The figures per region at every level, from the month a penetapan changed them.
CREATE TABLE dtks.penetapan_agregat (
    kode_wilayah dtks.kode_wilayah NOT NULL,
    tingkat smallint NOT NULL CHECK (tingkat BETWEEN 1 AND 4),
    mulai date NOT NULL CONSTRAINT penetapan_agregat_awal_bulan CHECK (extract(day FROM mulai) OPERATOR(pg_catalog.=) 1),
    keluarga bigint NOT NULL DEFAULT 0,
    anggota bigint NOT NULL DEFAULT 0,
    rumah_tangga bigint NOT NULL DEFAULT 0,
    desil_1 bigint NOT NULL DEFAULT 0,
    desil_2 bigint NOT NULL DEFAULT 0,
    desil_3 bigint NOT NULL DEFAULT 0,
    desil_4 bigint NOT NULL DEFAULT 0,
    desil_5 bigint NOT NULL DEFAULT 0,
    desil_6 bigint NOT NULL DEFAULT 0,
    desil_7 bigint NOT NULL DEFAULT 0,
    desil_8 bigint NOT NULL DEFAULT 0,
    desil_9 bigint NOT NULL DEFAULT 0,
    desil_10 bigint NOT NULL DEFAULT 0,
    desil_kosong bigint NOT NULL DEFAULT 0,
    laki_laki bigint NOT NULL DEFAULT 0,
    perempuan bigint NOT NULL DEFAULT 0,
    umur_0_5 bigint NOT NULL DEFAULT 0,
    umur_6_17 bigint NOT NULL DEFAULT 0,
    umur_18_59 bigint NOT NULL DEFAULT 0,
    umur_60_lebih bigint NOT NULL DEFAULT 0,
    program jsonb NOT NULL DEFAULT '{}',
    keluarga_masuk bigint NOT NULL DEFAULT 0,
    keluarga_keluar_meninggal bigint NOT NULL DEFAULT 0,
    keluarga_keluar_pindah bigint NOT NULL DEFAULT 0,
    keluarga_keluar_mampu bigint NOT NULL DEFAULT 0,
    keluarga_keluar_ganda bigint NOT NULL DEFAULT 0,
    keluarga_keluar_lainnya bigint NOT NULL DEFAULT 0,
    anggota_masuk bigint NOT NULL DEFAULT 0,
    anggota_keluar_meninggal bigint NOT NULL DEFAULT 0,
    anggota_keluar_pindah bigint NOT NULL DEFAULT 0,
    anggota_keluar_mampu bigint NOT NULL DEFAULT 0,
    anggota_keluar_ganda bigint NOT NULL DEFAULT 0,
    anggota_keluar_lainnya bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (kode_wilayah, mulai)
);
COMMENT ON TABLE dtks.penetapan_agregat IS
    'DTKS figures per region (desa, kecamatan, kab/kota, provinsi), written by dtks.tetapkan for each region a month changed: the figures hold from mulai until the region''s next row; the counts of entries and exits are those of the month mulai. Read through dtks.v_penetapan_bulanan and dtks.v_penetapan_perubahan';
COMMENT ON COLUMN dtks.penetapan_agregat.kode_wilayah IS 'The region';
COMMENT ON COLUMN dtks.penetapan_agregat.tingkat IS 'Its level: 1 provinsi, 2 kab/kota, 3 kecamatan, 4 desa/kelurahan';
COMMENT ON COLUMN dtks.penetapan_agregat.mulai IS 'The month whose penetapan wrote the row: the figures hold from it until the region''s next row';
COMMENT ON COLUMN dtks.penetapan_agregat.program IS 'Families per program: {"PKH": n, ...} (programs with none are left out)';
COMMENT ON COLUMN dtks.penetapan_agregat.keluarga IS 'Families in DTKS';
COMMENT ON COLUMN dtks.penetapan_agregat.anggota IS 'Members in DTKS';
COMMENT ON COLUMN dtks.penetapan_agregat.rumah_tangga IS 'Households with a family in DTKS';
COMMENT ON COLUMN dtks.penetapan_agregat.desil_1 IS 'Families in national desil 1';
COMMENT ON COLUMN dtks.penetapan_agregat.desil_2 IS 'Families in national desil 2';
COMMENT ON COLUMN dtks.penetapan_agregat.desil_3 IS 'Families in national desil 3';
COMMENT ON COLUMN dtks.penetapan_agregat.desil_4 IS 'Families in national desil 4';
COMMENT ON COLUMN dtks.penetapan_agregat.desil_5 IS 'Families in national desil 5';
COMMENT ON COLUMN dtks.penetapan_agregat.desil_6 IS 'Families in national desil 6';
COMMENT ON COLUMN dtks.penetapan_agregat.desil_7 IS 'Families in national desil 7';
COMMENT ON COLUMN dtks.penetapan_agregat.desil_8 IS 'Families in national desil 8';
COMMENT ON COLUMN dtks.penetapan_agregat.desil_9 IS 'Families in national desil 9';
COMMENT ON COLUMN dtks.penetapan_agregat.desil_10 IS 'Families in national desil 10';
COMMENT ON COLUMN dtks.penetapan_agregat.desil_kosong IS 'Families without a score';
COMMENT ON COLUMN dtks.penetapan_agregat.laki_laki IS 'Male members';
COMMENT ON COLUMN dtks.penetapan_agregat.perempuan IS 'Female members';
COMMENT ON COLUMN dtks.penetapan_agregat.umur_0_5 IS 'Members aged 0-5 on the first day of the month';
COMMENT ON COLUMN dtks.penetapan_agregat.umur_6_17 IS 'Members aged 6-17';
COMMENT ON COLUMN dtks.penetapan_agregat.umur_18_59 IS 'Members aged 18-59';
COMMENT ON COLUMN dtks.penetapan_agregat.umur_60_lebih IS 'Members aged 60 or more';
COMMENT ON COLUMN dtks.penetapan_agregat.keluarga_masuk IS 'Families that entered DTKS in the month this row starts';
COMMENT ON COLUMN dtks.penetapan_agregat.keluarga_keluar_meninggal IS 'Families that left in that month: died';
COMMENT ON COLUMN dtks.penetapan_agregat.keluarga_keluar_pindah IS 'Families that left in that month: moved away';
COMMENT ON COLUMN dtks.penetapan_agregat.keluarga_keluar_mampu IS 'Families that left in that month: no longer poor';
COMMENT ON COLUMN dtks.penetapan_agregat.keluarga_keluar_ganda IS 'Families that left in that month: duplicate';
COMMENT ON COLUMN dtks.penetapan_agregat.keluarga_keluar_lainnya IS 'Families that left in that month: another reason';
COMMENT ON COLUMN dtks.penetapan_agregat.anggota_masuk IS 'Members that entered DTKS in that month';
COMMENT ON COLUMN dtks.penetapan_agregat.anggota_keluar_meninggal IS 'Members that left in that month: died';
COMMENT ON COLUMN dtks.penetapan_agregat.anggota_keluar_pindah IS 'Members that left in that month: moved away';
COMMENT ON COLUMN dtks.penetapan_agregat.anggota_keluar_mampu IS 'Members that left in that month: their family no longer poor';
COMMENT ON COLUMN dtks.penetapan_agregat.anggota_keluar_ganda IS 'Members that left in that month: duplicate';
COMMENT ON COLUMN dtks.penetapan_agregat.anggota_keluar_lainnya IS 'Members that left in that month: another reason (e.g. left the family)';
COMMENT ON INDEX dtks.penetapan_agregat_pkey IS 'A region''s rows by month: the row in force in a month is the latest not after it';
COMMENT ON CONSTRAINT penetapan_agregat_awal_bulan ON dtks.penetapan_agregat IS 'A month is named by its first day';
SELECT pg_catalog.pg_extension_config_dump('dtks.penetapan_agregat'::regclass, '');

-- Add two {"key": count} objects key by key, leaving out the keys that come to zero.
CREATE FUNCTION dtks.jumlah_per_kunci(a jsonb, b jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT coalesce(pg_catalog.jsonb_object_agg(x.key, x.n ORDER BY x.key) FILTER (WHERE x.n OPERATOR(pg_catalog.<>) 0), '{}')
      FROM (SELECT e.key, pg_catalog.sum(e.value::bigint) AS n
              FROM (SELECT * FROM pg_catalog.jsonb_each_text(a) UNION ALL SELECT * FROM pg_catalog.jsonb_each_text(b)) e
             GROUP BY e.key) x;
END;
COMMENT ON FUNCTION dtks.jumlah_per_kunci(jsonb, jsonb) IS
    'Add two {"key": count} objects key by key (keys that come to zero are left out); the per-program figures of dtks.penetapan_agregat';

-- This month's rows: for each region the month touched (at every level), the figures of its
-- latest row plus the changes, and the month's entries and exits.
CREATE FUNCTION dtks.penetapan_agregat_hitung(bulan date, lalu date) RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, dtks, pg_temp
    SET work_mem = '64MB'
AS $$
DECLARE
    angka text[];
    ubah text[];
    kolom text;
BEGIN
    -- the measures: figures, and the month's entries and exits (named *_masuk, *_keluar_*)
    SELECT array_agg(a.attname::text ORDER BY a.attnum) FILTER (WHERE a.attname !~ '_(masuk|keluar_[a-z]+)$'),
           array_agg(a.attname::text ORDER BY a.attnum) FILTER (WHERE a.attname ~ '_(masuk|keluar_[a-z]+)$')
      INTO angka, ubah
      FROM pg_catalog.pg_attribute a
     WHERE a.attrelid = 'dtks.penetapan_agregat'::regclass AND a.attnum > 0 AND NOT a.attisdropped
       AND a.atttypid = 'bigint'::regtype;
    -- the table's columns in its order: the new rows are built in it
    kolom := (SELECT string_agg(quote_ident(u), ', ')
                FROM unnest(ARRAY['kode_wilayah', 'tingkat', 'mulai'] || angka || 'program'::text || ubah) u);

    -- the month's changes per desa: -1 for what was counted last month, +1 for what counts now
    INSERT INTO pg_temp.penetapan_ubah
    WITH rt_ubah AS (
        SELECT t.rumah_tangga_id AS id FROM pg_temp.penetapan_keluarga_tutup t
        UNION SELECT b.rumah_tangga_id FROM pg_temp.penetapan_keluarga_buka b),
    program_kk AS (
        SELECT t.no_kk FROM pg_temp.penetapan_keluarga_tutup t
        UNION SELECT b.no_kk FROM pg_temp.penetapan_keluarga_buka b
        UNION SELECT p.no_kk FROM pg_temp.penetapan_program_ubah p)
    -- families
    SELECT t.kode_wilayah, u.ukuran, u.n
      FROM pg_temp.penetapan_keluarga_tutup t,
           LATERAL (VALUES ('keluarga', -1), ('desil_' || coalesce(t.desil::text, 'kosong'), -1),
                           ('keluarga_keluar_' || t.alasan_keluar, 1)) u(ukuran, n)
     WHERE u.ukuran IS NOT NULL
    UNION ALL
    SELECT b.kode_wilayah, u.ukuran, u.n
      FROM pg_temp.penetapan_keluarga_buka b,
           LATERAL (VALUES ('keluarga', 1), ('desil_' || coalesce(b.desil::text, 'kosong'), 1),
                           (CASE WHEN b.masuk THEN 'keluarga_masuk' END, 1)) u(ukuran, n)
     WHERE u.ukuran IS NOT NULL
    -- members
    UNION ALL
    SELECT t.kode_wilayah, u.ukuran, u.n
      FROM pg_temp.penetapan_anggota_tutup t,
           LATERAL (VALUES ('anggota', -1), (CASE t.jenis_kelamin WHEN 'L' THEN 'laki_laki' ELSE 'perempuan' END, -1),
                           ('umur_' || dtks.kelompok_umur(t.tanggal_lahir, lalu), -1),
                           ('anggota_keluar_' || t.alasan_keluar, 1)) u(ukuran, n)
     WHERE u.ukuran IS NOT NULL
    UNION ALL
    SELECT b.kode_wilayah, u.ukuran, u.n
      FROM pg_temp.penetapan_anggota_buka b,
           LATERAL (VALUES ('anggota', 1), (CASE b.jenis_kelamin WHEN 'L' THEN 'laki_laki' ELSE 'perempuan' END, 1),
                           ('umur_' || dtks.kelompok_umur(b.tanggal_lahir, bulan), 1),
                           (CASE WHEN b.masuk THEN 'anggota_masuk' END, 1)) u(ukuran, n)
     WHERE u.ukuran IS NOT NULL
    -- members who stayed and crossed an age band (6, 18 or 60) since last month
    UNION ALL
    SELECT a.kode_wilayah, u.ukuran, u.n
      FROM dtks.penetapan_anggota a,
           LATERAL (VALUES ('umur_' || dtks.kelompok_umur(a.tanggal_lahir, lalu), -1),
                           ('umur_' || dtks.kelompok_umur(a.tanggal_lahir, bulan), 1)) u(ukuran, n)
     WHERE lalu IS NOT NULL AND upper_inf(a.berlaku) AND lower(a.berlaku) < bulan
       AND (a.tanggal_lahir BETWEEN (lalu - interval '6 years' - interval '1 day')::date AND (bulan - interval '6 years')::date
            OR a.tanggal_lahir BETWEEN (lalu - interval '18 years' - interval '1 day')::date AND (bulan - interval '18 years')::date
            OR a.tanggal_lahir BETWEEN (lalu - interval '60 years' - interval '1 day')::date AND (bulan - interval '60 years')::date)
       AND dtks.kelompok_umur(a.tanggal_lahir, lalu) <> dtks.kelompok_umur(a.tanggal_lahir, bulan)
    -- households with a family in DTKS, before and after, for the households touched
    UNION ALL
    SELECT x.kode_wilayah, 'rumah_tangga', -1
      FROM (SELECT DISTINCT p.rumah_tangga_id, p.kode_wilayah
              FROM rt_ubah r JOIN dtks.penetapan_keluarga p ON p.rumah_tangga_id = r.id AND p.berlaku @> lalu) x
    UNION ALL
    SELECT x.kode_wilayah, 'rumah_tangga', 1
      FROM (SELECT DISTINCT p.rumah_tangga_id, p.kode_wilayah
              FROM rt_ubah r JOIN dtks.penetapan_keluarga p ON p.rumah_tangga_id = r.id AND p.berlaku @> bulan) x
    -- programs of the families touched, where they were and where they are
    UNION ALL
    SELECT k.kode_wilayah, 'program:' || p.program, -1
      FROM program_kk c
      JOIN dtks.penetapan_program p ON p.no_kk = c.no_kk AND p.berlaku @> lalu
      JOIN dtks.penetapan_keluarga k ON k.no_kk = c.no_kk AND k.berlaku @> lalu
    UNION ALL
    SELECT k.kode_wilayah, 'program:' || p.program, 1
      FROM program_kk c
      JOIN dtks.penetapan_program p ON p.no_kk = c.no_kk AND p.berlaku @> bulan
      JOIN dtks.penetapan_keluarga k ON k.no_kk = c.no_kk AND k.berlaku @> bulan;

    -- per desa, every measure a column (a desa whose only change is a program gets zeros); a
    -- month's change in one desa fits an integer, whose sums add up in bigint without numeric
    EXECUTE format($q$
        INSERT INTO pg_temp.penetapan_ubah_desa
        SELECT w.kode_wilayah AS kode, %s
          FROM (SELECT d.kode_wilayah, d.ukuran, sum(d.n) AS n FROM pg_temp.penetapan_ubah d GROUP BY 1, 2) w
         GROUP BY w.kode_wilayah$q$,
        (SELECT string_agg(format('coalesce(sum(w.n) FILTER (WHERE w.ukuran = %L), 0)::integer AS %I', u, u), ', ')
           FROM unnest(angka || ubah) u));
    -- the program counts per region at every level, as {"program": change}
    INSERT INTO pg_temp.penetapan_ubah_program
    SELECT x.kode, jsonb_object_agg(x.program, x.n) AS program
      FROM (SELECT dtks.leluhur(d.kode_wilayah, t) AS kode, substr(d.ukuran, 9) AS program, sum(d.n) AS n
              FROM pg_temp.penetapan_ubah d, generate_series(1, 4) t
             WHERE d.ukuran LIKE 'program:%'
             GROUP BY 1, 2 HAVING sum(d.n) <> 0) x
     GROUP BY x.kode;
    CREATE UNIQUE INDEX ON pg_temp.penetapan_ubah_program (kode);
    ANALYZE pg_temp.penetapan_ubah_program;

    -- every region touched: its latest row plus the changes, where anything changed (computed
    -- before the insert: a probe of the table an insert grows would revisit its new rows)
    EXECUTE format($q$
        INSERT INTO pg_temp.penetapan_agregat_baru
        SELECT w.kode AS kode_wilayah, w.tingkat, %5$L::date AS mulai, %1$s,
               CASE WHEN g.program IS NULL THEN coalesce(a.program, '{}')
                    ELSE dtks.jumlah_per_kunci(coalesce(a.program, '{}'), g.program) END AS program,
               %2$s
          FROM (SELECT dtks.leluhur(d.kode, t) AS kode, t::smallint AS tingkat, %3$s
                  FROM pg_temp.penetapan_ubah_desa d, generate_series(1, 4) t
                 GROUP BY 1, 2) w
          LEFT JOIN pg_temp.penetapan_ubah_program g ON g.kode = w.kode
          LEFT JOIN LATERAL (SELECT * FROM dtks.penetapan_agregat x WHERE x.kode_wilayah = w.kode
                              ORDER BY x.mulai DESC LIMIT 1) a ON true
         WHERE a.kode_wilayah IS NULL OR g.program IS NOT NULL OR %4$s$q$,
        (SELECT string_agg(format('coalesce(a.%1$I, 0) + w.%1$I AS %1$I', u), ', ') FROM unnest(angka) u),
        (SELECT string_agg(format('w.%1$I', u), ', ') FROM unnest(ubah) u),
        (SELECT string_agg(format('sum(d.%1$I) AS %1$I', u), ', ') FROM unnest(angka || ubah) u),
        (SELECT string_agg(format('w.%I <> 0', u), ' OR ') FROM unnest(angka || ubah) u),
        bulan);
    EXECUTE format('INSERT INTO dtks.penetapan_agregat (%1$s) SELECT %1$s FROM pg_temp.penetapan_agregat_baru', kolom);
    DROP TABLE pg_temp.penetapan_ubah, pg_temp.penetapan_ubah_desa, pg_temp.penetapan_ubah_program, pg_temp.penetapan_agregat_baru;
END
$$;
REVOKE ALL ON FUNCTION dtks.penetapan_agregat_hitung(date, date) FROM PUBLIC;
COMMENT ON FUNCTION dtks.penetapan_agregat_hitung(date, date) IS
    'Part of dtks.penetapan_jalankan: writes a row for each region (every level) the month changed: its latest figures plus the changes (rows ended count out at last month''s values, rows opened count in, members who crossed an age band move), with the month''s entries and exits';
