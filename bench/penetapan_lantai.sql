-- Helpers of bench/penetapan_lantai.sh (scratch schema dtks_bench_penetapan): the floor of a month, that is the
-- rows a real dtks.tetapkan of the month wrote, table by table, written again with nothing else: no usulan read,
-- no rule checked, no trigger, no figure computed.  Whatever design computes the month, it writes at least these
-- rows (the registry and its history, the usulan and their history, the scores, the presence periods, the
-- figures), unless it gives one of them up.
--
-- n: {"table": [inserted, updated], ...} as pg_stat_xact_user_tables counted them in the real month.
-- lantai_siapkan (untimed) builds every row to insert and every key to update in temporary tables, from existing
-- rows picked by a seeded hash (spread over the table like the month's); lantai_tulis (timed) writes them: an
-- INSERT ... SELECT per table, and an UPDATE per table that finds each row by its primary key and changes what the
-- month changes (a presence period or membership ended, a status, a corrected indexed column: like the month's
-- own updates, most are not HOT).  The caller runs both inside a transaction it rolls back, with
-- session_replication_role = replica (no trigger fires).

SET search_path = pg_catalog, dtks, public;

-- The rows and keys of the floor, built before the timing (temporary tables lantai_*, dropped at commit or rollback).
CREATE FUNCTION dtks_bench_penetapan.lantai_siapkan(bulan date, n jsonb) RETURNS void
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, dtks, public
AS $$
DECLARE
    sampai date := (bulan + interval '1 month')::date;
    i_ integer;
    tabel text;
    nama text;
    benih integer;
BEGIN
    CREATE TEMP TABLE lantai_usulan ON COMMIT DROP AS
    SELECT u.id FROM dtks.usulan u WHERE u.status = 'dikirim' AND u.periode_penetapan <= bulan;
    -- new persons: copies of existing ones with fresh NIKs
    i_ := (n -> 'anggota' ->> 0)::integer;
    CREATE TEMP TABLE lantai_anggota_baru ON COMMIT DROP AS
    SELECT r.*
      FROM (SELECT x.*, row_number() OVER () AS r
              FROM (SELECT a.* FROM dtks.anggota a ORDER BY dtks_bench_penetapan.acak(7, hashtext(a.nik::text)) LIMIT i_) x) a
      JOIN dtks_bench_penetapan.nik_baru(
               ARRAY(SELECT g::bigint FROM generate_series(1, i_) g),
               ARRAY(SELECT '11.01.01.2001'::dtks.kode_wilayah FROM generate_series(1, i_)),
               ARRAY(SELECT 'L' FROM generate_series(1, i_)),
               ARRAY(SELECT DATE '2027-12-15' FROM generate_series(1, i_))) b ON b.kunci = a.r,
      LATERAL jsonb_populate_record(NULL::dtks.anggota, to_jsonb(a) - 'r' || jsonb_build_object('nik', b.nik::text)) r;
    CREATE TEMP TABLE lantai_anggota_ubah ON COMMIT DROP AS
    SELECT a.nik, a.nama FROM dtks.anggota a
     ORDER BY dtks_bench_penetapan.acak(8, hashtext(a.nik::text)) LIMIT (n -> 'anggota' ->> 1)::integer;
    CREATE TEMP TABLE lantai_keanggotaan_baru ON COMMIT DROP AS
    SELECT m.nik, m.no_kk, m.shdk, daterange(bulan, sampai) AS berlaku FROM dtks.keanggotaan m
     ORDER BY dtks_bench_penetapan.acak(9, m.id) LIMIT (n -> 'keanggotaan' ->> 0)::integer;
    CREATE TEMP TABLE lantai_keanggotaan_ubah ON COMMIT DROP AS
    SELECT m.id, daterange(lower(m.berlaku), bulan) AS berlaku FROM dtks.keanggotaan m
     WHERE upper_inf(m.berlaku) AND lower(m.berlaku) < bulan
     ORDER BY dtks_bench_penetapan.acak(10, m.id) LIMIT (n -> 'keanggotaan' ->> 1)::integer;
    -- families: the new ones stand in as updates of an indexed column (a new valid KK number is not needed for
    -- the cost of the write)
    CREATE TEMP TABLE lantai_keluarga_ubah ON COMMIT DROP AS
    SELECT f.no_kk FROM dtks.keluarga f ORDER BY dtks_bench_penetapan.acak(11, hashtext(f.no_kk::text))
     LIMIT (n -> 'keluarga' ->> 0)::integer + (n -> 'keluarga' ->> 1)::integer;
    CREATE TEMP TABLE lantai_rumah_tangga_baru ON COMMIT DROP AS
    SELECT h.kode_wilayah, h.alamat, h.rt, h.rw, h.lokasi, h.kepala_nik FROM dtks.rumah_tangga h
     ORDER BY dtks_bench_penetapan.acak(12, h.id) LIMIT (n -> 'rumah_tangga' ->> 0)::integer;
    CREATE TEMP TABLE lantai_rumah_tangga_ubah ON COMMIT DROP AS
    SELECT h.id, coalesce(lag(h.kepala_nik) OVER (ORDER BY h.id), h.kepala_nik) AS kepala_nik
      FROM (SELECT h.id, h.kepala_nik FROM dtks.rumah_tangga h ORDER BY dtks_bench_penetapan.acak(13, h.id)
             LIMIT (n -> 'rumah_tangga' ->> 1)::integer) h;
    -- the registry history
    CREATE TEMP TABLE lantai_riwayat_anggota ON COMMIT DROP AS
    SELECT a AS lama, a AS baru FROM dtks.anggota a LIMIT (n -> 'riwayat_anggota' ->> 0)::integer;
    CREATE TEMP TABLE lantai_riwayat_keanggotaan ON COMMIT DROP AS
    SELECT m AS lama, m AS baru FROM dtks.keanggotaan m LIMIT (n -> 'riwayat_keanggotaan' ->> 0)::integer;
    CREATE TEMP TABLE lantai_riwayat_keluarga ON COMMIT DROP AS
    SELECT f AS lama, f AS baru FROM dtks.keluarga f LIMIT (n -> 'riwayat_keluarga' ->> 0)::integer;
    CREATE TEMP TABLE lantai_riwayat_rumah_tangga ON COMMIT DROP AS
    SELECT h AS lama, h AS baru FROM dtks.rumah_tangga h LIMIT (n -> 'riwayat_rumah_tangga' ->> 0)::integer;
    -- the scores
    CREATE TEMP TABLE lantai_skor ON COMMIT DROP AS
    SELECT s.no_kk, s.versi, bulan AS dihitung, s.lingkup, s.kode_lingkup, s.skor, s.desil
      FROM (SELECT DISTINCT ON (x.no_kk, x.versi, x.lingkup) x.* FROM dtks.skor_keluarga x
             ORDER BY x.no_kk, x.versi, x.lingkup, x.dihitung DESC) s
     ORDER BY dtks_bench_penetapan.acak(14, hashtext(s.no_kk::text)) LIMIT (n -> 'skor_keluarga' ->> 0)::integer;
    -- presence periods: ended, and opened (copies of current ones as stretches of the month only)
    FOR tabel, nama, benih IN VALUES ('penetapan_keluarga', 'pk', 15), ('penetapan_anggota', 'pa', 17), ('penetapan_program', 'pp', 19) LOOP
        EXECUTE format('CREATE TEMP TABLE lantai_%s_ubah ON COMMIT DROP AS
                        SELECT p.id, daterange(lower(p.berlaku), %L) AS berlaku FROM dtks.%I p WHERE upper_inf(p.berlaku)
                         ORDER BY dtks_bench_penetapan.acak(%s, p.id) LIMIT %s',
                       nama, bulan, tabel, benih, (n -> tabel ->> 1)::integer);
    END LOOP;
    CREATE TEMP TABLE lantai_pk_baru ON COMMIT DROP AS
    SELECT p.no_kk, p.rumah_tangga_id, p.kode_wilayah, p.skor, p.desil, daterange(bulan, sampai) AS berlaku
      FROM dtks.penetapan_keluarga p
     ORDER BY dtks_bench_penetapan.acak(16, p.id) LIMIT (n -> 'penetapan_keluarga' ->> 0)::integer;
    CREATE TEMP TABLE lantai_pa_baru ON COMMIT DROP AS
    SELECT p.nik, p.no_kk, p.kode_wilayah, p.shdk, p.jenis_kelamin, p.tanggal_lahir, daterange(bulan, sampai) AS berlaku
      FROM dtks.penetapan_anggota p
     ORDER BY dtks_bench_penetapan.acak(18, p.id) LIMIT (n -> 'penetapan_anggota' ->> 0)::integer;
    CREATE TEMP TABLE lantai_pp_baru ON COMMIT DROP AS
    SELECT p.no_kk, p.program, daterange(bulan, sampai) AS berlaku FROM dtks.penetapan_program p
     ORDER BY dtks_bench_penetapan.acak(20, p.id) LIMIT (n -> 'penetapan_program' ->> 0)::integer;
    -- the figures: the latest row of as many regions as the month touched, for the month
    CREATE TEMP TABLE lantai_agregat ON COMMIT DROP AS
    SELECT r.*
      FROM (SELECT a.* FROM (SELECT DISTINCT ON (x.kode_wilayah) x.* FROM dtks.penetapan_agregat x
                              ORDER BY x.kode_wilayah, x.mulai DESC) a
             ORDER BY dtks_bench_penetapan.acak(21, hashtext(a.kode_wilayah::text))
             LIMIT (n -> 'penetapan_agregat' ->> 0)::integer) a,
           LATERAL jsonb_populate_record(NULL::dtks.penetapan_agregat, to_jsonb(a) || jsonb_build_object('mulai', bulan)) r;
    ANALYZE lantai_usulan, lantai_anggota_ubah, lantai_keanggotaan_ubah, lantai_keluarga_ubah, lantai_rumah_tangga_ubah,
            lantai_pk_ubah, lantai_pa_ubah, lantai_pp_ubah;
END
$$;

-- The floor's writes (timed by the caller), each statement's time and rows kept in pg_temp.lantai_waktu by part of
-- the month (usulan, registri, riwayat, skor, kehadiran, agregat); returns the rows written.
CREATE FUNCTION dtks_bench_penetapan.lantai_tulis(bulan date) RETURNS bigint
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, dtks, public
AS $$
DECLARE
    tulis bigint := 0;
    k bigint;
    t timestamptz;
    langkah record;
BEGIN
    CREATE TEMP TABLE IF NOT EXISTS lantai_waktu (bagian text, baris bigint, ms double precision) ON COMMIT DROP;
    FOR langkah IN SELECT * FROM (VALUES
        -- the usulan determined, and their history
        ('usulan', $q$UPDATE dtks.usulan u SET status = 'ditetapkan' FROM pg_temp.lantai_usulan l WHERE u.id = l.id$q$),
        ('usulan', $q$INSERT INTO dtks.usulan_riwayat (usulan, dari, ke, peran, pengguna, pelaku)
                      SELECT l.id, 'dikirim', 'ditetapkan', 'pusat', SESSION_USER, CURRENT_USER FROM pg_temp.lantai_usulan l$q$),
        -- the registry
        ('registri', $q$INSERT INTO dtks.anggota SELECT * FROM pg_temp.lantai_anggota_baru$q$),
        ('registri', $q$UPDATE dtks.anggota a SET nama = l.nama FROM pg_temp.lantai_anggota_ubah l WHERE a.nik = l.nik$q$),
        ('registri', $q$INSERT INTO dtks.keanggotaan (nik, no_kk, shdk, berlaku) SELECT * FROM pg_temp.lantai_keanggotaan_baru$q$),
        ('registri', $q$UPDATE dtks.keanggotaan m SET berlaku = l.berlaku FROM pg_temp.lantai_keanggotaan_ubah l WHERE m.id = l.id$q$),
        ('registri', $q$UPDATE dtks.keluarga f SET asal_no_kk = f.no_kk FROM pg_temp.lantai_keluarga_ubah l WHERE f.no_kk = l.no_kk$q$),
        ('registri', $q$INSERT INTO dtks.rumah_tangga (kode_wilayah, alamat, rt, rw, lokasi, kepala_nik)
                        SELECT * FROM pg_temp.lantai_rumah_tangga_baru$q$),
        ('registri', $q$UPDATE dtks.rumah_tangga h SET kepala_nik = l.kepala_nik FROM pg_temp.lantai_rumah_tangga_ubah l WHERE h.id = l.id$q$),
        -- its history
        ('riwayat', $q$INSERT INTO dtks.riwayat_anggota (waktu, petugas, operasi, lama, baru)
                       SELECT clock_timestamp(), CURRENT_USER, 'UPDATE', l.lama, l.baru FROM pg_temp.lantai_riwayat_anggota l$q$),
        ('riwayat', $q$INSERT INTO dtks.riwayat_keanggotaan (waktu, petugas, operasi, lama, baru)
                       SELECT clock_timestamp(), CURRENT_USER, 'UPDATE', l.lama, l.baru FROM pg_temp.lantai_riwayat_keanggotaan l$q$),
        ('riwayat', $q$INSERT INTO dtks.riwayat_keluarga (waktu, petugas, operasi, lama, baru)
                       SELECT clock_timestamp(), CURRENT_USER, 'UPDATE', l.lama, l.baru FROM pg_temp.lantai_riwayat_keluarga l$q$),
        ('riwayat', $q$INSERT INTO dtks.riwayat_rumah_tangga (waktu, petugas, operasi, lama, baru)
                       SELECT clock_timestamp(), CURRENT_USER, 'UPDATE', l.lama, l.baru FROM pg_temp.lantai_riwayat_rumah_tangga l$q$),
        -- the scores
        ('skor', $q$INSERT INTO dtks.skor_keluarga (no_kk, versi, dihitung, lingkup, kode_lingkup, skor, desil)
                    SELECT * FROM pg_temp.lantai_skor$q$),
        -- presence periods
        ('kehadiran', $q$UPDATE dtks.penetapan_keluarga p SET berlaku = l.berlaku FROM pg_temp.lantai_pk_ubah l WHERE p.id = l.id$q$),
        ('kehadiran', $q$INSERT INTO dtks.penetapan_keluarga (no_kk, rumah_tangga_id, kode_wilayah, skor, desil, berlaku)
                         SELECT * FROM pg_temp.lantai_pk_baru$q$),
        ('kehadiran', $q$UPDATE dtks.penetapan_anggota p SET berlaku = l.berlaku FROM pg_temp.lantai_pa_ubah l WHERE p.id = l.id$q$),
        ('kehadiran', $q$INSERT INTO dtks.penetapan_anggota (nik, no_kk, kode_wilayah, shdk, jenis_kelamin, tanggal_lahir, berlaku)
                         SELECT * FROM pg_temp.lantai_pa_baru$q$),
        ('kehadiran', $q$UPDATE dtks.penetapan_program p SET berlaku = l.berlaku, alasan_selesai = 'mampu'
                         FROM pg_temp.lantai_pp_ubah l WHERE p.id = l.id$q$),
        ('kehadiran', $q$INSERT INTO dtks.penetapan_program (no_kk, program, berlaku) SELECT * FROM pg_temp.lantai_pp_baru$q$),
        -- the figures, and the month
        ('agregat', $q$INSERT INTO dtks.penetapan_agregat SELECT * FROM pg_temp.lantai_agregat$q$),
        ('agregat', format($q$INSERT INTO dtks.penetapan (periode, pelaku, model, acuan_desil, usulan, keluarga_masuk, keluarga_keluar,
                                                          anggota_masuk, anggota_keluar, program_mulai, program_selesai, skor_dihitung, desil_ulang)
                              SELECT %L, CURRENT_USER, p.model, p.acuan_desil, 0, 0, 0, 0, 0, 0, 0, 0, false
                                FROM dtks.penetapan p ORDER BY p.periode DESC LIMIT 1$q$, bulan))
        ) AS x(bagian, sql) LOOP
        t := clock_timestamp();
        EXECUTE langkah.sql;
        GET DIAGNOSTICS k = ROW_COUNT;
        INSERT INTO pg_temp.lantai_waktu VALUES (langkah.bagian, k, extract(epoch FROM clock_timestamp() - t) * 1000);
        tulis := tulis + k;
    END LOOP;
    RETURN tulis;
END
$$;
