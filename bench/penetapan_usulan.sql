-- Helpers of bench/penetapan.sh (scratch schema dtks_bench_penetapan): a month's usulan, and the full
-- monthly copy the penetapan is compared with.
--
-- The usulan are inserted as they reach the penetapan, in status dikirim with periode_penetapan set
-- (benchmark shortcut: the caller disables the trigger dtks.usulan_periksa around the INSERT, so that
-- the usulan need not walk draf -> ... -> dikirim; the penetapan itself then runs with the trigger on).

SET search_path = pg_catalog, dtks, public;

-- The n-th hash of a key: a stable pseudo-random order for a seed.
CREATE FUNCTION dtks_bench_penetapan.acak(benih integer, kunci bigint) RETURNS bigint
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN hashint8extended(kunci, benih);

-- New NIKs for people (key, desa, sex, birth date): the desa's kecamatan, DDMMYY (+40 for women), and
-- a serial after the highest already used with the same first 12 digits.
CREATE FUNCTION dtks_bench_penetapan.nik_baru(kunci bigint[], desa dtks.kode_wilayah[], jk text[], lahir date[])
    RETURNS TABLE (kunci bigint, nik dtks.nik)
    LANGUAGE sql VOLATILE
BEGIN ATOMIC
    WITH x AS (
        SELECT u.k, (replace(dtks.leluhur(u.d, 3)::text, '.', '')
                     || lpad(((extract(day FROM u.l)::int + CASE u.j WHEN 'P' THEN 40 ELSE 0 END) * 10000
                              + extract(month FROM u.l)::int * 100 + extract(year FROM u.l)::int % 100)::text, 6, '0'))::bigint AS awalan
          FROM unnest(nik_baru.kunci, nik_baru.desa, nik_baru.jk, nik_baru.lahir) AS u(k, d, j, l)),
    terpakai AS (
        SELECT a.nik::bigint / 10000 AS awalan, max(a.nik::bigint % 10000) AS sudah
          FROM dtks.anggota a WHERE a.nik::bigint / 10000 IN (SELECT x.awalan FROM x) GROUP BY 1)
    SELECT x.k, (x.awalan * 10000 + coalesce(t.sudah, 0) + row_number() OVER (PARTITION BY x.awalan ORDER BY x.k))::dtks.nik
      FROM x LEFT JOIN terpakai t ON t.awalan = x.awalan;
END;

-- The month's usulan for about n families in DTKS (and n/9 new ones), seeded:
--   37% perbaikan of the house (floor and walls: half worse, half better: the score moves)
--   15% perbaikan: a baby born last month joins (new NIK)
--   11% penghentian of the whole family (mampu or pindah)
--   15% penghentian of one member who died (not the kepala keluarga)
--   11% bansos (PKH or BPNT, a family not in it yet)
--   11% baru: a new family in a new household (a copy of an existing family's answers, new KK and NIKs)
-- Returns the usulan made and the members of the families concerned.
CREATE FUNCTION dtks_bench_penetapan.buat_usulan(bulan date, benih integer, n integer)
    RETURNS TABLE (usulan bigint, keluarga bigint, anggota bigint)
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, dtks, public, pg_temp
AS $$
BEGIN
    -- families in DTKS and active, in a seeded order, each given one kind of change
    CREATE TEMP TABLE bench_pilih ON COMMIT DROP AS
    SELECT k.no_kk, h.kode_wilayah, f.rumah_tangga_id, k.i,
           CASE WHEN k.i <= n * 37 / 100 THEN 'rumah'
                WHEN k.i <= n * 52 / 100 THEN 'bayi'
                WHEN k.i <= n * 63 / 100 THEN 'berhenti'
                WHEN k.i <= n * 78 / 100 THEN 'meninggal'
                WHEN k.i <= n * 89 / 100 THEN 'bansos'
                ELSE 'templat' END AS jenis
      FROM (SELECT p.no_kk, row_number() OVER (ORDER BY dtks_bench_penetapan.acak(benih, p.id)) AS i
              FROM dtks.penetapan_keluarga p WHERE upper_inf(p.berlaku)
             ORDER BY dtks_bench_penetapan.acak(benih, p.id) LIMIT n) k
      JOIN dtks.keluarga f ON f.no_kk = k.no_kk AND f.status = 'aktif'
      JOIN dtks.rumah_tangga h ON h.id = f.rumah_tangga_id;

    -- perbaikan of the house
    INSERT INTO dtks.usulan (jenis, sumber, kode_wilayah, no_kk, status, periode_penetapan, berita_acara, data)
    SELECT 'perbaikan', 'musdes', p.kode_wilayah, p.no_kk, 'dikirim', bulan, 'BA/bench',
           jsonb_build_object('no_kk', p.no_kk::text, 'rumah_tangga',
               CASE WHEN p.i % 2 = 0 THEN '{"jenis_lantai": 8, "jenis_dinding": 4}'::jsonb
                    ELSE '{"jenis_lantai": 2, "jenis_dinding": 1}'::jsonb END)
      FROM bench_pilih p WHERE p.jenis = 'rumah';

    -- a baby born last month
    INSERT INTO dtks.usulan (jenis, sumber, kode_wilayah, no_kk, status, periode_penetapan, berita_acara, data)
    SELECT 'perbaikan', 'musdes', p.kode_wilayah, p.no_kk, 'dikirim', bulan, 'BA/bench',
           jsonb_build_object('no_kk', p.no_kk::text, 'anggota', jsonb_build_array(jsonb_build_object(
               'nik', b.nik::text, 'nama', CASE WHEN p.i % 2 = 0 THEN 'Bayi Putra ' ELSE 'Bayi Putri ' END || p.i,
               'jenis_kelamin', CASE WHEN p.i % 2 = 0 THEN 'L' ELSE 'P' END,
               'tanggal_lahir', to_char(bulan - 1 - (p.i % 28)::int, 'YYYY-MM-DD'), 'shdk', 4)))
      FROM bench_pilih p
      JOIN dtks_bench_penetapan.nik_baru(
               ARRAY(SELECT q.i FROM bench_pilih q WHERE q.jenis = 'bayi' ORDER BY q.i),
               ARRAY(SELECT q.kode_wilayah FROM bench_pilih q WHERE q.jenis = 'bayi' ORDER BY q.i),
               ARRAY(SELECT CASE WHEN q.i % 2 = 0 THEN 'L' ELSE 'P' END FROM bench_pilih q WHERE q.jenis = 'bayi' ORDER BY q.i),
               ARRAY(SELECT bulan - 1 - (q.i % 28)::int FROM bench_pilih q WHERE q.jenis = 'bayi' ORDER BY q.i)) b
        ON b.kunci = p.i
     WHERE p.jenis = 'bayi';

    -- the whole family stops
    INSERT INTO dtks.usulan (jenis, sumber, kode_wilayah, no_kk, status, periode_penetapan, alasan_penghentian)
    SELECT 'penghentian', 'dinas', p.kode_wilayah, p.no_kk, 'dikirim', bulan,
           CASE WHEN p.i % 2 = 0 THEN 'mampu' ELSE 'pindah' END
      FROM bench_pilih p WHERE p.jenis = 'berhenti';

    -- one member died (the oldest who is not the kepala keluarga; families of one are skipped)
    INSERT INTO dtks.usulan (jenis, sumber, kode_wilayah, no_kk, status, periode_penetapan, alasan_penghentian, data)
    SELECT DISTINCT ON (p.no_kk) 'penghentian', 'musdes', p.kode_wilayah, p.no_kk, 'dikirim', bulan, 'meninggal',
           jsonb_build_object('no_kk', p.no_kk::text, 'anggota', jsonb_build_array(jsonb_build_object('nik', m.nik::text)))
      FROM bench_pilih p
      JOIN dtks.keanggotaan m ON m.no_kk = p.no_kk AND upper_inf(m.berlaku) AND m.shdk <> 1
      JOIN dtks.anggota a ON a.nik = m.nik AND a.status_hidup = 'aktif'
     WHERE p.jenis = 'meninggal'
     ORDER BY p.no_kk, a.tanggal_lahir, m.nik;

    -- bansos
    INSERT INTO dtks.usulan (jenis, sumber, kode_wilayah, no_kk, status, periode_penetapan, program)
    SELECT 'bansos', 'kemensos', p.kode_wilayah, p.no_kk, 'dikirim', bulan, g.program
      FROM bench_pilih p, LATERAL (SELECT CASE WHEN p.i % 3 = 0 THEN 'PKH' ELSE 'BPNT' END AS program) g
     WHERE p.jenis = 'bansos'
       AND NOT EXISTS (SELECT 1 FROM dtks.penetapan_program x WHERE x.no_kk = p.no_kk AND x.program = g.program AND upper_inf(x.berlaku));

    -- baru: a new family (new household in the same desa) answering like an existing one
    CREATE TEMP TABLE bench_orang ON COMMIT DROP AS
    SELECT p.i, p.kode_wilayah, m.shdk, a.*, row_number() OVER (ORDER BY p.i, m.shdk, a.nik) AS o
      FROM bench_pilih p
      JOIN dtks.keanggotaan m ON m.no_kk = p.no_kk AND upper_inf(m.berlaku)
      JOIN dtks.anggota a ON a.nik = m.nik AND a.status_hidup = 'aktif'
     WHERE p.jenis = 'templat';
    CREATE TEMP TABLE bench_nik ON COMMIT DROP AS
    SELECT * FROM dtks_bench_penetapan.nik_baru(ARRAY(SELECT o FROM bench_orang ORDER BY o),
                                                ARRAY(SELECT kode_wilayah FROM bench_orang ORDER BY o),
                                                ARRAY(SELECT jenis_kelamin::text FROM bench_orang ORDER BY o),
                                                ARRAY(SELECT tanggal_lahir FROM bench_orang ORDER BY o));
    INSERT INTO dtks.usulan (jenis, sumber, kode_wilayah, status, periode_penetapan, berita_acara, data)
    SELECT 'baru', 'musdes', p.kode_wilayah, 'dikirim', bulan, 'BA/bench',
           jsonb_build_object(
               'no_kk', kk.no_kk::text,
               'rumah_tangga', to_jsonb(h) - ARRAY['id', 'kode_wilayah', 'kepala_nik', 'lokasi']
                               || jsonb_build_object('alamat', 'Jl. Baru No. ' || p.i),
               'keluarga', to_jsonb(f) - ARRAY['no_kk', 'rumah_tangga_id', 'status', 'asal_no_kk', 'alasan_terbit'],
               'anggota', (SELECT jsonb_agg(to_jsonb(b) - ARRAY['i', 'o', 'kode_wilayah', 'status_hidup', 'tanggal_meninggal']
                                            || jsonb_build_object('nik', n.nik::text, 'nama', b.nama || ' Baru')
                                            ORDER BY b.o)
                             FROM bench_orang b JOIN bench_nik n ON n.kunci = b.o WHERE b.i = p.i))
      FROM bench_pilih p
      JOIN dtks.keluarga f ON f.no_kk = p.no_kk
      JOIN dtks.rumah_tangga h ON h.id = f.rumah_tangga_id
      JOIN (SELECT x.i, (x.awalan * 10000 + coalesce(t.sudah, 0) + row_number() OVER (PARTITION BY x.awalan ORDER BY x.i))::dtks.no_kk AS no_kk
              FROM (SELECT q.i, (replace(dtks.leluhur(q.kode_wilayah, 3)::text, '.', '') || to_char(bulan - 20, 'DDMMYY'))::bigint AS awalan
                      FROM bench_pilih q WHERE q.jenis = 'templat') x
              LEFT JOIN (SELECT g.no_kk::bigint / 10000 AS awalan, max(g.no_kk::bigint % 10000) AS sudah
                           FROM dtks.keluarga g GROUP BY 1) t ON t.awalan = x.awalan) kk ON kk.i = p.i
     WHERE p.jenis = 'templat' AND EXISTS (SELECT 1 FROM bench_orang o WHERE o.i = p.i);

    RETURN QUERY
    SELECT count(*),
           count(DISTINCT coalesce(u.no_kk, (u.data ->> 'no_kk')::dtks.no_kk)),
           (SELECT count(*) FROM dtks.keanggotaan m
             WHERE upper_inf(m.berlaku) AND m.no_kk IN (SELECT x.no_kk FROM dtks.usulan x WHERE x.status = 'dikirim' AND x.no_kk IS NOT NULL))
           + coalesce(sum(jsonb_array_length(u.data -> 'anggota')) FILTER (WHERE u.jenis IN ('baru', 'perbaikan')), 0)
      FROM dtks.usulan u WHERE u.status = 'dikirim' AND u.periode_penetapan = bulan;
    DROP TABLE bench_pilih, bench_orang, bench_nik;
END
$$;

-- The first month's program memberships: bansos usulan for a share of the families (seeded).
CREATE FUNCTION dtks_bench_penetapan.buat_program(bulan date, benih integer, pkh double precision, bpnt double precision)
    RETURNS bigint
    LANGUAGE sql VOLATILE
BEGIN ATOMIC
    WITH x AS (
        INSERT INTO dtks.usulan (jenis, sumber, kode_wilayah, no_kk, status, periode_penetapan, program)
        SELECT 'bansos', 'kemensos', h.kode_wilayah, f.no_kk, 'dikirim', bulan, g.program
          FROM dtks.keluarga f JOIN dtks.rumah_tangga h ON h.id = f.rumah_tangga_id,
               LATERAL (SELECT 'PKH' AS program WHERE (dtks_bench_penetapan.acak(benih, f.no_kk::bigint) % 1000 + 1000) % 1000 < pkh * 1000
                        UNION ALL
                        SELECT 'BPNT' WHERE (dtks_bench_penetapan.acak(benih + 1, f.no_kk::bigint) % 1000 + 1000) % 1000 < bpnt * 1000) g
         WHERE f.status = 'aktif'
        RETURNING 1)
    SELECT count(*) FROM x;
END;
