
-- 20_penetapan: the penetapan's month order, the reference date, and progress reports (issue 18).
-- The same objects as sql/install/05_kemajuan.sql, 06_tanggal_acuan.sql, and the functions below as
-- in 60_sintetis.sql, 74_skor_desil.sql and 84_penetapan.sql (copied verbatim).

-- Progress reports of the long operations (tetapkan, sintetis_muat, hitung_desil, padankan_usulan,
-- kk_komponen): each phase with its rows and time, when dtks.laporan_kemajuan (off, notice, log) asks.

-- Start the progress report of a long operation (C: returns at once while the setting is off).
CREATE FUNCTION dtks.kemajuan_mulai(operasi text, keterangan text DEFAULT NULL) RETURNS void
    AS 'MODULE_PATHNAME', 'kemajuan_mulai_sql' LANGUAGE C VOLATILE PARALLEL RESTRICTED;
COMMENT ON FUNCTION dtks.kemajuan_mulai(text, text) IS
    'Start the clock of a long operation and report "<operasi>: started (<keterangan>)" at the level dtks.laporan_kemajuan asks for (nothing while it is off)';

-- Report a phase of a long operation that ended: its rows, its time and the time since the start.
CREATE FUNCTION dtks.lapor_kemajuan(operasi text, fase text, baris bigint DEFAULT NULL) RETURNS void
    AS 'MODULE_PATHNAME', 'lapor_kemajuan' LANGUAGE C VOLATILE PARALLEL RESTRICTED;
COMMENT ON FUNCTION dtks.lapor_kemajuan(text, text, bigint) IS
    'Report a phase of a long operation that ended, "<operasi>: <fase>: <baris> rows", with its time and the time since dtks.kemajuan_mulai in the detail, at the level dtks.laporan_kemajuan asks for (nothing while it is off)';

-- The reference date the penetapan's coming month and the usulan's month are counted from:
-- dtks.tanggal_acuan (superuser only), else the current date.
CREATE FUNCTION dtks.tanggal_acuan() RETURNS date
    AS 'MODULE_PATHNAME', 'tanggal_acuan' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.tanggal_acuan() IS
    'The reference date of the process: the setting dtks.tanggal_acuan when a superuser set it (a data centre loading or replaying earlier months, tests), else the current date; dtks.tetapkan determines no month after the one following it, and an usulan sent goes to its month';

-- sintetis_muat reports its phases (60_sintetis.sql).
CREATE OR REPLACE FUNCTION dtks.sintetis_muat(benih bigint, jumlah_keluarga integer, wilayah dtks.kode_wilayah DEFAULT NULL,
                                   laju_galat jsonb DEFAULT '{}', acuan date DEFAULT DATE '2026-01-01')
    RETURNS TABLE (rumah_tangga bigint, keluarga bigint, anggota bigint, galat bigint)
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
    SET jit = off
AS $$
DECLARE
    desa dtks.kode_wilayah[];
    kecamatan dtks.kode_wilayah[];
    id_awal bigint;
    n_rt bigint; n_kk bigint; n_orang bigint; n_galat bigint; n_baris bigint;
    laju_tanggal double precision := coalesce((laju_galat ->> 'nik_tanggal_beda')::double precision, 0);
    laju_meninggal double precision := coalesce((laju_galat ->> 'meninggal_aktif')::double precision, 0);
    laju_dua_kk double precision := coalesce((laju_galat ->> 'dua_kk')::double precision, 0);
    laju_ganda double precision := coalesce((laju_galat ->> 'nik_ganda')::double precision, 0);
BEGIN
    IF jumlah_keluarga < 1 THEN
        RAISE EXCEPTION 'sintetis_muat needs at least one family' USING ERRCODE = '22023',
            DETAIL = format('jumlah_keluarga is %s.', jumlah_keluarga);
    END IF;
    desa := ARRAY(SELECT w.kode FROM dtks.wilayah w
                   WHERE w.tingkat = 4 AND (wilayah IS NULL OR w.kode OPERATOR(dtks.<@) wilayah) ORDER BY w.kode);
    IF cardinality(desa) = 0 THEN
        RAISE EXCEPTION 'sintetis_muat: no desa/kelurahan of the current edition in the region' USING ERRCODE = '22023',
            DETAIL = format('The region is %s; load the region reference first (scripts/load-wilayah).', coalesce(wilayah::text, 'all'));
    END IF;
    kecamatan := ARRAY(SELECT w.kode FROM dtks.wilayah w WHERE w.tingkat = 3 ORDER BY w.kode);
    id_awal := coalesce((SELECT max(h.id) FROM dtks.rumah_tangga h), 0);
    PERFORM dtks.kemajuan_mulai('sintetis_muat', pg_catalog.format('%s families, seed %s, region %s', jumlah_keluarga, benih,
                                                                   coalesce(wilayah::text, 'all')));

    -- families: structure, household (5% share the previous family's), KK issue date
    CREATE TEMP TABLE sintetis_kk ON COMMIT DROP AS
    WITH dasar AS (
        SELECT f,
               dtks.sintetis_pilih(dtks.sintetis_acak(benih, f, 2), '{1,2,3,4,5}', '{0.10,0.25,0.75,0.85}') AS tipe,
               (f > 1 AND dtks.sintetis_acak(benih, f, 5) < 0.05) AS berbagi
          FROM generate_series(1, jumlah_keluarga) AS f),
    rt AS (
        SELECT d.*, max(CASE WHEN NOT d.berbagi THEN d.f END) OVER (ORDER BY d.f) AS rt FROM dasar d)
    SELECT r.f, r.tipe, id_awal + r.rt AS rt_id, NOT r.berbagi AS kepala_rt,
           desa[1 + floor(dtks.sintetis_acak(benih, r.rt, 1) * cardinality(desa))::int] AS desa,
           CASE r.tipe WHEN 1 THEN 0 WHEN 2 THEN 0 WHEN 3 THEN 1 + floor(dtks.sintetis_acak(benih, r.f, 3) * 4)::int
                       ELSE 1 + floor(dtks.sintetis_acak(benih, r.f, 3) * 3)::int END AS anak,
           r.tipe IN (2, 3, 5) AS berpasangan,
           CASE WHEN r.tipe = 4 THEN (CASE WHEN dtks.sintetis_acak(benih, r.f, 4) < 0.7 THEN 'P' ELSE 'L' END)
                WHEN r.tipe = 1 THEN (CASE WHEN dtks.sintetis_acak(benih, r.f, 4) < 0.5 THEN 'P' ELSE 'L' END)
                ELSE (CASE WHEN dtks.sintetis_acak(benih, r.f, 4) < 0.95 THEN 'L' ELSE 'P' END) END AS jk_kepala,
           acuan - (365.25 * (25 + 45 * dtks.sintetis_acak(benih, r.f, 6)))::int AS lahir_kepala,
           acuan - (30 + 15 * 365 * dtks.sintetis_acak(benih, r.f, 7))::int AS terbit,
           CASE WHEN dtks.sintetis_acak(benih, r.f, 8) < 0.5 THEN 7 ELSE 6 END AS tambahan
      FROM rt r;
    GET DIAGNOSTICS n_baris = ROW_COUNT;
    ANALYZE sintetis_kk;
    PERFORM dtks.lapor_kemajuan('sintetis_muat', 'families drawn', n_baris);

    -- people: one row per member slot
    CREATE TEMP TABLE sintetis_orang ON COMMIT DROP AS
    WITH slot AS (
        SELECT k.*, s.slot, k.f * 16 + s.slot AS o,
               1 + k.berpasangan::int + k.anak + (k.tipe = 5)::int AS ukuran
          FROM sintetis_kk k, generate_series(1, 1 + k.berpasangan::int + k.anak + (k.tipe = 5)::int) AS s(slot)),
    peran AS (
        SELECT s.*,
               CASE WHEN s.slot = 1 THEN 1
                    WHEN s.slot = 2 AND s.berpasangan THEN CASE s.jk_kepala WHEN 'L' THEN 3 ELSE 2 END
                    WHEN s.slot = s.ukuran AND s.tipe = 5 THEN s.tambahan
                    ELSE 4 END AS shdk
          FROM slot s),
    lahir AS (
        SELECT p.*,
               CASE p.shdk
                    WHEN 1 THEN p.jk_kepala
                    WHEN 2 THEN 'L' WHEN 3 THEN 'P'
                    ELSE CASE WHEN dtks.sintetis_acak(benih, p.o, 10) < 0.5 THEN 'L' ELSE 'P' END END AS jk,
               CASE p.shdk
                    WHEN 1 THEN p.lahir_kepala
                    WHEN 3 THEN p.lahir_kepala + (365 * (-1 + 7 * dtks.sintetis_acak(benih, p.o, 11)))::int
                    WHEN 2 THEN p.lahir_kepala - (365 * (1 + 5 * dtks.sintetis_acak(benih, p.o, 11)))::int
                    WHEN 7 THEN p.lahir_kepala - (365 * (20 + 15 * dtks.sintetis_acak(benih, p.o, 11)))::int
                    WHEN 6 THEN least(p.lahir_kepala + (365 * (42 + 8 * dtks.sintetis_acak(benih, p.o, 11)))::int,
                                      acuan - (30 + 700 * dtks.sintetis_acak(benih, p.o, 12))::int)
                    ELSE least(p.lahir_kepala + (365 * (20 + 15 * dtks.sintetis_acak(benih, p.o, 11) + 2 * (p.slot - 2)))::int,
                               acuan - (30 + 3000 * dtks.sintetis_acak(benih, p.o, 12))::int) END AS lahir
          FROM peran p),
    nik AS (
        SELECT l.*,
               (CASE WHEN dtks.sintetis_acak(benih, l.o, 13) < 0.9 THEN dtks.leluhur(l.desa, 3)
                     ELSE kecamatan[1 + floor(dtks.sintetis_acak(benih, l.o, 14) * cardinality(kecamatan))::int] END)::text AS prefiks,
               (extract(day FROM l.lahir)::int + CASE l.jk WHEN 'P' THEN 40 ELSE 0 END) * 10000
                 + extract(month FROM l.lahir)::int * 100 + extract(year FROM l.lahir)::int % 100 AS ddmmyy
          FROM lahir l),
    kunci AS (
        SELECT n.*, (replace(n.prefiks, '.', '') || lpad(n.ddmmyy::text, 6, '0'))::bigint AS awalan FROM nik n),
    -- serials continue after those of the NIKs already in the registry with the same first 12 digits
    -- (one pass over the registry's NIKs, not one probe per prefix)
    terpakai AS (
        SELECT x.nik::bigint / 10000 AS awalan, max(x.nik::bigint % 10000) AS sudah
          FROM dtks.anggota x
         WHERE x.nik::bigint / 10000 IN (SELECT k.awalan FROM kunci k)
         GROUP BY 1)
    SELECT k.f, k.o, k.slot, k.shdk, k.jk, k.lahir, k.berpasangan, k.tipe,
           (k.awalan * 10000 + coalesce(t.sudah, 0) + row_number() OVER (PARTITION BY k.awalan ORDER BY k.o))::dtks.nik AS nik_orang
      FROM kunci k LEFT JOIN terpakai t ON t.awalan = k.awalan;
    GET DIAGNOSTICS n_baris = ROW_COUNT;
    ANALYZE sintetis_orang;
    PERFORM dtks.lapor_kemajuan('sintetis_muat', 'people drawn, with their NIKs', n_baris);

    -- KK numbers: the family's kecamatan, the issue date, a serial
    CREATE TEMP TABLE sintetis_no_kk ON COMMIT DROP AS
    WITH kunci AS (
        SELECT k.f, (replace(dtks.leluhur(k.desa, 3)::text, '.', '') || to_char(k.terbit, 'DDMMYY'))::bigint AS awalan
          FROM sintetis_kk k),
    terpakai AS (
        SELECT x.no_kk::bigint / 10000 AS awalan, max(x.no_kk::bigint % 10000) AS sudah
          FROM dtks.keluarga x
         WHERE x.no_kk::bigint / 10000 IN (SELECT k.awalan FROM kunci k)
         GROUP BY 1)
    SELECT k.f, (k.awalan * 10000 + coalesce(t.sudah, 0) + row_number() OVER (PARTITION BY k.awalan ORDER BY k.f))::dtks.no_kk AS no_kk
      FROM kunci k LEFT JOIN terpakai t ON t.awalan = k.awalan;
    GET DIAGNOSTICS n_baris = ROW_COUNT;
    ANALYZE sintetis_no_kk;
    PERFORM dtks.lapor_kemajuan('sintetis_muat', 'KK numbers drawn', n_baris);

    INSERT INTO dtks.anggota (nik, nama, jenis_kelamin, tanggal_lahir, status_kawin, status_hidup, tanggal_meninggal,
                              kartu_identitas, partisipasi_sekolah, jenjang_pendidikan, bekerja, jam_kerja,
                              lapangan_usaha, penyakit_kronis, jaminan_kesehatan, sulit_melihat, sulit_berjalan)
    SELECT o.nik_orang,
           (CASE o.jk WHEN 'L' THEN (ARRAY['Agus','Budi','Bambang','Joko','Eko','Andi','Dedi','Hendra','Rudi','Slamet',
                                            'Wahyu','Yusuf','Ahmad','Muhammad','Rizky','Fajar','Dimas','Arif','Hadi','Iwan',
                                            'Teguh','Sugeng','Heru','Yohanes','Petrus','Made','Ketut','Nyoman','Putu','Yakobus'])
                                           [1 + floor(dtks.sintetis_acak(benih, o.o, 15) * 30)::int]
                      ELSE (ARRAY['Siti','Sri','Dewi','Wati','Ani','Yuni','Rina','Nur','Fitri','Lestari',
                                  'Sari','Indah','Maria','Ayu','Putri','Ratna','Endang','Suminah','Kartini','Nurul',
                                  'Dian','Wulan','Rini','Tuti','Yuliana','Agnes','Fatimah','Aisyah','Veronika','Margaretha'])
                                  [1 + floor(dtks.sintetis_acak(benih, o.o, 15) * 30)::int] END)
             || ' ' || (ARRAY['Santoso','Wijaya','Saputra','Hidayat','Nugroho','Pratama','Siregar','Nasution','Lubis',
                              'Harahap','Simanjuntak','Hutapea','Manurung','Tanjung','Kurniawan','Setiawan','Gunawan',
                              'Susanto','Purnomo','Rahman','Hasibuan','Ndun','Nenobais','Tefa','Banunaek','Nope','Taneo',
                              'Bria','Sulistyo','Wibowo'])[1 + floor(dtks.sintetis_acak(benih, o.o, 16) * 30)::int],
           o.jk,
           o.lahir - CASE WHEN dtks.sintetis_acak(benih, o.o, 40) < laju_tanggal THEN 365 ELSE 0 END,
           CASE WHEN o.shdk IN (2, 3) OR (o.shdk = 1 AND o.berpasangan) THEN 2
                WHEN o.shdk = 1 AND o.tipe = 4 THEN 3 + (dtks.sintetis_acak(benih, o.o, 17) < 0.6)::int
                WHEN o.shdk IN (7, 8) THEN 4
                ELSE 1 END,
           CASE WHEN dtks.sintetis_acak(benih, o.o, 41) < laju_meninggal AND acuan - o.lahir > 365 THEN 'meninggal' ELSE 'aktif' END,
           CASE WHEN dtks.sintetis_acak(benih, o.o, 41) < laju_meninggal AND acuan - o.lahir > 365 THEN acuan - 100 END,
           CASE WHEN acuan - o.lahir >= 17 * 365 THEN 5 ELSE 1 + 2 * (dtks.sintetis_acak(benih, o.o, 18) < 0.6)::int END,
           CASE WHEN acuan - o.lahir < 5 * 365 THEN NULL
                WHEN acuan - o.lahir < 19 * 365 THEN CASE WHEN dtks.sintetis_acak(benih, o.o, 19) < 0.92 THEN 2 ELSE 3 END
                ELSE CASE WHEN dtks.sintetis_acak(benih, o.o, 19) < 0.06 THEN 1 ELSE 3 END END,
           CASE WHEN acuan - o.lahir < 5 * 365 THEN NULL
                WHEN dtks.sintetis_acak(benih, o.o, 19) < 0.06 AND acuan - o.lahir >= 19 * 365 THEN NULL
                ELSE dtks.sintetis_pilih(dtks.sintetis_acak(benih, o.o, 20), '{1,5,8,13,15,18,19,21}',
                                         '{0.05,0.30,0.55,0.78,0.88,0.92,0.99}') END,
           CASE WHEN acuan - o.lahir < 10 * 365 THEN NULL ELSE dtks.sintetis_acak(benih, o.o, 21) < 0.55 END,
           CASE WHEN acuan - o.lahir >= 10 * 365 AND dtks.sintetis_acak(benih, o.o, 21) < 0.55
                THEN (20 + 40 * dtks.sintetis_acak(benih, o.o, 22))::int END,
           CASE WHEN acuan - o.lahir >= 10 * 365 AND dtks.sintetis_acak(benih, o.o, 21) < 0.55
                THEN 1 + floor(dtks.sintetis_acak(benih, o.o, 23) * 26)::int END,
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, o.o, 24), '{1,2,6,3,5,4,18}', '{0.82,0.90,0.94,0.96,0.98,0.99}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, o.o, 25), '{1,2,4,0}', '{0.45,0.63,0.80}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, o.o, 26), '{4,3,2,1}', '{0.93,0.985,0.997}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, o.o, 27), '{4,3,2,1}', '{0.95,0.99,0.998}')
      FROM sintetis_orang o;
    GET DIAGNOSTICS n_baris = ROW_COUNT;
    PERFORM dtks.lapor_kemajuan('sintetis_muat', 'anggota stored', n_baris);

    INSERT INTO dtks.rumah_tangga (id, kode_wilayah, alamat, rt, rw, lokasi, kepala_nik, status_bangunan, bukti_lahan,
                                   luas_lantai, jenis_lantai, jenis_dinding, jenis_atap, sumber_air_minum, jarak_tinja,
                                   sumber_penerangan, daya_listrik, bahan_bakar, fasilitas_bab, jenis_kloset, pembuangan_tinja)
    OVERRIDING SYSTEM VALUE
    SELECT k.rt_id, k.desa,
           'Jl. ' || (ARRAY['Merdeka','Sudirman','Diponegoro','Kartini','Pemuda','Mawar','Melati','Kenanga','Flamboyan',
                            'Cempaka','Anggrek','Masjid','Pasar','Sekolah','Raya'])[1 + floor(dtks.sintetis_acak(benih, k.f, 30) * 15)::int]
             || ' No. ' || (1 + floor(dtks.sintetis_acak(benih, k.f, 31) * 150)::int),
           lpad((1 + floor(dtks.sintetis_acak(benih, k.f, 32) * 15)::int)::text, 3, '0'),
           lpad((1 + floor(dtks.sintetis_acak(benih, k.f, 33) * 8)::int)::text, 3, '0'),
           (SELECT dtks.sintetis_titik(w.batas, benih, k.f) FROM dtks.wilayah w WHERE w.kode OPERATOR(dtks.=) k.desa AND w.batas IS NOT NULL),
           o.nik_orang,
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 34), '{1,2,3,6,4,5}', '{0.80,0.90,0.96,0.98,0.99}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 35), '{1,5,4,6,2,3}', '{0.45,0.65,0.75,0.92,0.96}'),
           (18 + 120 * dtks.sintetis_acak(benih, k.f, 36) ^ 2)::int,
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 37), '{2,6,4,8,5,1,7,3,9}', '{0.50,0.75,0.82,0.89,0.95,0.97,0.985,0.995}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 38), '{1,3,4,2,6,5,7}', '{0.75,0.85,0.92,0.96,0.98,0.99}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 39), '{2,3,4,1,5,7,6,8}', '{0.48,0.80,0.88,0.94,0.97,0.99,0.995}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 40), '{2,4,3,5,1,6,7,9,10,12,11,8,13}',
                               '{0.40,0.62,0.72,0.82,0.87,0.90,0.92,0.94,0.96,0.97,0.98,0.99}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 41), '{2,1,3}', '{0.70,0.95}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 42), '{1,2,3,4}', '{0.93,0.97,0.99}'),
           ARRAY[dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 43), '{1,2,3,4,5}', '{0.30,0.75,0.90,0.97}')]::smallint[],
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 44), '{4,3,10,1,7,2,12,11}', '{0.70,0.78,0.90,0.93,0.95,0.97,0.99}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 45), '{1,2,4,3,6,5}', '{0.82,0.88,0.92,0.95,0.98}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 46), '{1,2,3,4}', '{0.88,0.94,0.97}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 47), '{1,4,3,5,2,6}', '{0.70,0.82,0.92,0.96,0.99}')
      FROM sintetis_kk k JOIN sintetis_orang o ON o.f = k.f AND o.slot = 1
     WHERE k.kepala_rt;
    GET DIAGNOSTICS n_baris = ROW_COUNT;
    PERFORM dtks.lapor_kemajuan('sintetis_muat', 'rumah_tangga stored', n_baris);
    PERFORM pg_catalog.setval(pg_catalog.pg_get_serial_sequence('dtks.rumah_tangga', 'id'),
                              greatest(id_awal + jumlah_keluarga, 1));

    INSERT INTO dtks.keluarga (no_kk, rumah_tangga_id, alasan_terbit, bpnt_sejak, pkh_sejak, subsidi_listrik_sejak,
                               punya_tabung_gas, punya_lemari_es, punya_ac, punya_televisi, punya_emas, punya_komputer,
                               punya_sepeda_motor, punya_mobil, punya_smartphone, jumlah_sapi, jumlah_kambing,
                               punya_lahan_lain, internet, rekening)
    SELECT n.no_kk, k.rt_id, CASE WHEN k.kepala_rt THEN 'baru' ELSE 'pecah_kk' END,
           CASE WHEN dtks.sintetis_acak(benih, k.f, 50) < 0.20 THEN date_trunc('month', k.terbit + 60)::date END,
           CASE WHEN dtks.sintetis_acak(benih, k.f, 51) < 0.10 THEN date_trunc('month', k.terbit + 90)::date END,
           CASE WHEN dtks.sintetis_acak(benih, k.f, 52) < 0.35 THEN date_trunc('month', k.terbit + 30)::date END,
           dtks.sintetis_acak(benih, k.f, 53) < 0.30, dtks.sintetis_acak(benih, k.f, 54) < 0.55,
           dtks.sintetis_acak(benih, k.f, 55) < 0.10, dtks.sintetis_acak(benih, k.f, 56) < 0.45,
           dtks.sintetis_acak(benih, k.f, 57) < 0.15, dtks.sintetis_acak(benih, k.f, 58) < 0.20,
           dtks.sintetis_acak(benih, k.f, 59) < 0.75, dtks.sintetis_acak(benih, k.f, 60) < 0.08,
           dtks.sintetis_acak(benih, k.f, 61) < 0.80,
           CASE WHEN dtks.sintetis_acak(benih, k.f, 62) < 0.08 THEN (1 + floor(dtks.sintetis_acak(benih, k.f, 63) * 4))::int ELSE 0 END,
           CASE WHEN dtks.sintetis_acak(benih, k.f, 64) < 0.12 THEN (1 + floor(dtks.sintetis_acak(benih, k.f, 65) * 6))::int ELSE 0 END,
           dtks.sintetis_acak(benih, k.f, 66) < 0.25,
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 67), '{3,0,2,1}', '{0.55,0.80,0.96}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 68), '{4,2,1,3}', '{0.45,0.90,0.95}')
      FROM sintetis_kk k JOIN sintetis_no_kk n ON n.f = k.f;
    GET DIAGNOSTICS n_baris = ROW_COUNT;
    PERFORM dtks.lapor_kemajuan('sintetis_muat', 'keluarga stored', n_baris);

    INSERT INTO dtks.keanggotaan (nik, no_kk, shdk, berlaku)
    SELECT o.nik_orang, n.no_kk, o.shdk, daterange(greatest(k.terbit, o.lahir), NULL)
      FROM sintetis_orang o JOIN sintetis_kk k ON k.f = o.f JOIN sintetis_no_kk n ON n.f = o.f;
    GET DIAGNOSTICS n_baris = ROW_COUNT;
    PERFORM dtks.lapor_kemajuan('sintetis_muat', 'keanggotaan stored', n_baris);

    -- the injected faults: loaded ones, and the two kinds the rules refuse, kept aside to be tried
    INSERT INTO dtks.sintetis_galat (benih, jenis, nik, no_kk, dimuat, shdk, nama, jenis_kelamin, tanggal_lahir)
    SELECT benih, 'nik_tanggal_beda', o.nik_orang, n.no_kk, true, NULL::integer, NULL::text, NULL::text, NULL::date
      FROM sintetis_orang o JOIN sintetis_no_kk n ON n.f = o.f WHERE dtks.sintetis_acak(benih, o.o, 40) < laju_tanggal
    UNION ALL
    SELECT benih, 'meninggal_aktif', o.nik_orang, n.no_kk, true, NULL, NULL, NULL, NULL
      FROM sintetis_orang o JOIN sintetis_no_kk n ON n.f = o.f
     WHERE dtks.sintetis_acak(benih, o.o, 41) < laju_meninggal AND acuan - o.lahir > 365
    UNION ALL
    SELECT benih, 'dua_kk', o.nik_orang, n.no_kk, false, 4, NULL, NULL, NULL
      FROM sintetis_orang o JOIN sintetis_no_kk n ON n.f = o.f % jumlah_keluarga + 1
     WHERE jumlah_keluarga > 1 AND dtks.sintetis_acak(benih, o.o, 42) < laju_dua_kk
    UNION ALL
    SELECT benih, 'nik_ganda', o.nik_orang, n.no_kk, false, 11, 'Ganda ' || o.o, o.jk, o.lahir
      FROM sintetis_orang o JOIN sintetis_no_kk n ON n.f = o.f % jumlah_keluarga + 1
     WHERE dtks.sintetis_acak(benih, o.o, 43) < laju_ganda;
    GET DIAGNOSTICS n_baris = ROW_COUNT;
    PERFORM dtks.lapor_kemajuan('sintetis_muat', 'faults recorded (dtks.sintetis_galat)', n_baris);

    SELECT count(*) FILTER (WHERE k.kepala_rt), count(*) INTO n_rt, n_kk FROM sintetis_kk k;
    SELECT count(*) INTO n_orang FROM sintetis_orang;
    SELECT count(*) INTO n_galat FROM dtks.sintetis_galat g WHERE g.benih = sintetis_muat.benih;
    DROP TABLE sintetis_kk, sintetis_orang, sintetis_no_kk;
    RETURN QUERY SELECT n_rt, n_kk, n_orang, n_galat;
END
$$;

-- hitung_desil reports its phase (74_skor_desil.sql).
CREATE OR REPLACE FUNCTION dtks.hitung_desil(lingkup text DEFAULT 'nasional', versi text DEFAULT NULL, acuan date DEFAULT CURRENT_DATE)
    RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
    -- every family is read: hash joins, even when statistics are stale (a load in the same transaction)
    SET enable_nestloop = off
AS $$
DECLARE
    model text := coalesce(versi, dtks.skor_model_pada(acuan));
    tingkat integer := CASE lingkup WHEN 'nasional' THEN 0 WHEN 'provinsi' THEN 1 WHEN 'kabkota' THEN 2 END;
    n bigint;
BEGIN
    IF tingkat IS NULL THEN
        RAISE EXCEPTION 'desil: unknown scope "%"', lingkup
            USING ERRCODE = '22023', DETAIL = 'The scope is nasional, provinsi or kabkota.';
    END IF;
    IF model IS NULL OR NOT EXISTS (SELECT 1 FROM dtks.skor_model m WHERE m.versi = model) THEN
        RAISE EXCEPTION 'desil: no score model % on %', coalesce('"' || versi || '"', 'in force'), acuan
            USING ERRCODE = '22023', DETAIL = 'Give an existing version, or a date inside a model''s validity (dtks.skor_model).';
    END IF;
    IF EXISTS (SELECT 1 FROM dtks.skor_keluarga s WHERE s.versi = model AND s.dihitung = acuan AND s.lingkup = hitung_desil.lingkup) THEN
        RAISE EXCEPTION 'desil: already computed for % with % within % scope', acuan, model, lingkup
            USING ERRCODE = '23505', DETAIL = 'Scores once stored are kept as they are; compute on another date or with another version.';
    END IF;
    PERFORM dtks.kemajuan_mulai('hitung_desil', pg_catalog.format('%s, model %s, %s', lingkup, model, pg_catalog.to_char(acuan, 'YYYY-MM-DD')));
    INSERT INTO dtks.skor_keluarga (no_kk, versi, dihitung, lingkup, kode_lingkup, skor, desil)
    SELECT s.no_kk, model, acuan, hitung_desil.lingkup, s.kode_lingkup, s.skor,
           ntile(10) OVER (PARTITION BY s.kode_lingkup ORDER BY s.skor, s.no_kk)
      FROM (SELECT x.no_kk,
                   CASE WHEN tingkat = 0 THEN NULL ELSE dtks.leluhur(x.kode_wilayah, tingkat) END AS kode_lingkup,
                   dtks.skor_kesejahteraan(x.rumah_tangga, x.keluarga, x.kepala, x.ringkasan, model) AS skor
              FROM dtks.skor_masukan(acuan) x) s;
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM dtks.lapor_kemajuan('hitung_desil', 'families scored and ranked into desil', n);
    RETURN n;
END
$$;

-- The penetapan refuses a month after the coming one or after a month not determined (DTK04), and reports
-- its phases (84_penetapan.sql).
CREATE OR REPLACE FUNCTION dtks.penetapan_jalankan(bulan_diminta date)
    RETURNS TABLE (periode date, usulan bigint, keluarga_masuk bigint, keluarga_keluar bigint,
                   anggota_masuk bigint, anggota_keluar bigint, program_mulai bigint, program_selesai bigint,
                   skor_dihitung bigint, desil_ulang boolean)
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, dtks, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    bulan date := bulan_diminta;
    lalu dtks.penetapan;
    model text := dtks.skor_model_pada(bulan_diminta);
    acuan date;
    semua boolean;
    putaran integer;
    jumlah_putaran integer;
    n_usulan bigint;
    n_skor bigint;
    kolom_rt text;
    kolom_kel text;
    kolom_ang text;
    hasil record;
    -- the coming month (the one after the reference date's): the latest that may be determined
    datang date := (pg_catalog.date_trunc('month', dtks.tanggal_acuan()::timestamp) OPERATOR(pg_catalog.+) interval '1 month')::date;
    n_baris bigint;
BEGIN
    PERFORM dtks.kemajuan_mulai('tetapkan', pg_catalog.to_char(bulan, 'YYYY-MM'));
    -- one penetapan at a time; a month once, in order; the registry holds still while the month reads it
    LOCK TABLE dtks.penetapan IN SHARE ROW EXCLUSIVE MODE;
    LOCK TABLE dtks.rumah_tangga, dtks.keluarga, dtks.anggota, dtks.keanggotaan IN SHARE ROW EXCLUSIVE MODE;
    IF EXISTS (SELECT 1 FROM dtks.penetapan p WHERE p.periode = bulan) THEN
        RAISE EXCEPTION 'penetapan of % is already made', to_char(bulan, 'YYYY-MM')
            USING ERRCODE = '23505', DETAIL = 'A month is determined once; what arrives later goes to the next month.';
    END IF;
    SELECT * INTO lalu FROM dtks.penetapan p ORDER BY p.periode DESC LIMIT 1;
    IF lalu.periode > bulan THEN
        RAISE EXCEPTION 'penetapan of % is earlier than the last one made (%)', to_char(bulan, 'YYYY-MM'), to_char(lalu.periode, 'YYYY-MM')
            USING ERRCODE = 'DTK04', DETAIL = 'Months are determined in order; a later month carries every earlier usulan still sent.';
    END IF;
    -- no month beyond the coming one, and none after a month not determined: every month is determined, one after
    -- another, a month without changes as it is (Permensos 3/2021 art. 12(3), 12(4)); the first month is free
    IF bulan OPERATOR(pg_catalog.>) datang THEN
        RAISE EXCEPTION 'penetapan of % is later than the coming month (%)', pg_catalog.to_char(bulan, 'YYYY-MM'), pg_catalog.to_char(datang, 'YYYY-MM')
            USING ERRCODE = 'DTK04',
                  DETAIL = pg_catalog.format('The latest month that may be determined is %s, the month after the reference date %s.',
                                             pg_catalog.to_char(datang, 'YYYY-MM'), pg_catalog.to_char(dtks.tanggal_acuan(), 'YYYY-MM-DD')),
                  HINT = 'A month is determined when it comes. The reference date is dtks.tanggal_acuan (empty: today), which a superuser sets to load or replay earlier months.';
    END IF;
    IF lalu.periode OPERATOR(pg_catalog.<) (bulan::timestamp OPERATOR(pg_catalog.-) interval '1 month')::date THEN
        RAISE EXCEPTION 'penetapan of % is out of sequence: the month before it is not determined', pg_catalog.to_char(bulan, 'YYYY-MM')
            USING ERRCODE = 'DTK04',
                  DETAIL = pg_catalog.format('Month %s is not determined; months are determined in order, one after another (the last one determined is %s).',
                                             pg_catalog.to_char(lalu.periode::timestamp OPERATOR(pg_catalog.+) interval '1 month', 'YYYY-MM'),
                                             pg_catalog.to_char(lalu.periode, 'YYYY-MM')),
                  HINT = pg_catalog.format('Determine %s first; a month without changes is determined as it is.',
                                           pg_catalog.to_char(lalu.periode::timestamp OPERATOR(pg_catalog.+) interval '1 month', 'YYYY-MM'));
    END IF;
    IF model IS NULL THEN
        RAISE EXCEPTION 'penetapan of %: no score model is in force', to_char(bulan, 'YYYY-MM')
            USING ERRCODE = '22023', DETAIL = 'Every month is scored with the model whose validity (dtks.skor_model.berlaku) holds its first day.';
    END IF;
    PERFORM dtks.lapor_kemajuan('tetapkan', 'registry locked, month checked', NULL);
    -- the first month and a new model rank everyone; other months place scores by the last cut points
    semua := lalu.periode IS NULL OR lalu.model <> model
             OR NOT EXISTS (SELECT 1 FROM dtks.penetapan_desil_batas b WHERE b.acuan = lalu.acuan_desil AND b.versi = model);
    acuan := CASE WHEN semua THEN bulan ELSE lalu.acuan_desil END;

    -- a month's few thousand touched keys probe the big tables through their indexes: the estimates
    -- (a third of the rows current, random_page_cost 4) would pick whole-table hash and merge joins;
    -- every join between the month's own temporary tables has an index to probe instead
    -- (a function with SET clauses restores every setting changed inside it when it returns)
    IF NOT semua THEN
        PERFORM set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true);
    END IF;

    -- the usulan of the month (and of earlier months still sent): determined now
    -- (every work table in pg_temp was created empty by the caller, dtks.penetapan_meja_kerja: a security-restricted
    -- operation fills temporary tables but creates none)
    WITH u AS (
        UPDATE dtks.usulan u SET status = 'ditetapkan'
         WHERE u.status = 'dikirim' AND u.periode_penetapan <= bulan
        RETURNING u.id, u.jenis, u.sumber, u.kode_wilayah, coalesce(u.no_kk, (u.data ->> 'no_kk')::dtks.no_kk) AS no_kk,
                  u.data, u.program, u.alasan_penghentian)
    INSERT INTO pg_temp.penetapan_usulan
    SELECT u.*, row_number() OVER (PARTITION BY u.no_kk
                                   ORDER BY array_position(ARRAY['baru', 'perbaikan', 'bansos', 'penghentian'], u.jenis), u.id)
      FROM u;
    GET DIAGNOSTICS n_usulan = ROW_COUNT;
    CREATE INDEX ON pg_temp.penetapan_usulan (no_kk);
    ANALYZE pg_temp.penetapan_usulan;
    PERFORM dtks.lapor_kemajuan('tetapkan', 'usulan taken (dikirim -> ditetapkan)', n_usulan);
    PERFORM dtks.penetapan_periksa_data(bulan);
    PERFORM dtks.lapor_kemajuan('tetapkan', 'usulan data checked', n_usulan);

    -- the registry's columns, for applying the proposed data whatever columns it carries
    SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FILTER (WHERE a.attrelid = 'dtks.rumah_tangga'::regclass AND a.attname <> 'id'),
           string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FILTER (WHERE a.attrelid = 'dtks.keluarga'::regclass AND a.attname NOT IN ('no_kk', 'rumah_tangga_id', 'status')),
           string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FILTER (WHERE a.attrelid = 'dtks.anggota'::regclass AND a.attname <> 'nik')
      INTO kolom_rt, kolom_kel, kolom_ang
      FROM pg_catalog.pg_attribute a
     WHERE a.attrelid IN ('dtks.rumah_tangga'::regclass, 'dtks.keluarga'::regclass, 'dtks.anggota'::regclass)
       AND a.attnum > 0 AND NOT a.attisdropped;

    -- the families whose presence may change, and why members and families leave
    INSERT INTO pg_temp.penetapan_kk SELECT DISTINCT u.no_kk FROM pg_temp.penetapan_usulan u ON CONFLICT DO NOTHING;
    SELECT max(u.putaran) INTO jumlah_putaran FROM pg_temp.penetapan_usulan u;
    FOR putaran IN 1 .. coalesce(jumlah_putaran, 0) LOOP
        PERFORM dtks.penetapan_terapkan(bulan, putaran, kolom_rt, kolom_kel, kolom_ang);
    END LOOP;
    PERFORM dtks.lapor_kemajuan('tetapkan', pg_catalog.format('usulan applied to the registry (rounds: %s)', coalesce(jumlah_putaran, 0)), n_usulan);

    -- the KKs the registry history names since the last month (the month's own writes, and edits made outside the
    -- usulan such as a DBA's correction: the lock above lets no writer of the registry still be open), each marked
    -- when its members' presence may change: memberships, members' sex, birth date or life, family status or
    -- household, household region (so every family of a household that moved moves with it) or kepala (so the
    -- household is checked for a kepala below)
    IF lalu.riwayat_sampai IS NOT NULL THEN
        INSERT INTO pg_temp.penetapan_riwayat_kk
        SELECT x.no_kk, bool_or(x.anggota) FROM (
            SELECT unnest(ARRAY[(r.lama).no_kk, (r.baru).no_kk]) AS no_kk, true AS anggota FROM dtks.riwayat_keanggotaan r
             WHERE r.id > lalu.riwayat_sampai
            UNION ALL
            SELECT unnest(ARRAY[(r.lama).no_kk, (r.baru).no_kk]),
                   ((r.lama).rumah_tangga_id, (r.lama).status) IS DISTINCT FROM ((r.baru).rumah_tangga_id, (r.baru).status)
              FROM dtks.riwayat_keluarga r WHERE r.id > lalu.riwayat_sampai
            UNION ALL
            SELECT k.no_kk, ((r.lama).jenis_kelamin, (r.lama).tanggal_lahir, (r.lama).status_hidup)
                            IS DISTINCT FROM ((r.baru).jenis_kelamin, (r.baru).tanggal_lahir, (r.baru).status_hidup)
              FROM dtks.riwayat_anggota r JOIN dtks.keanggotaan k ON k.nik = (coalesce(r.baru, r.lama)).nik AND upper_inf(k.berlaku)
             WHERE r.id > lalu.riwayat_sampai
            UNION ALL
            SELECT f.no_kk, ((r.lama).kode_wilayah, (r.lama).kepala_nik) IS DISTINCT FROM ((r.baru).kode_wilayah, (r.baru).kepala_nik)
              FROM dtks.riwayat_rumah_tangga r JOIN dtks.keluarga f ON f.rumah_tangga_id = (coalesce(r.baru, r.lama)).id
             WHERE r.id > lalu.riwayat_sampai) x
         WHERE x.no_kk IS NOT NULL
         GROUP BY x.no_kk;
        GET DIAGNOSTICS n_baris = ROW_COUNT;
        INSERT INTO pg_temp.penetapan_kk SELECT r.no_kk FROM pg_temp.penetapan_riwayat_kk r ON CONFLICT DO NOTHING;
        PERFORM dtks.lapor_kemajuan('tetapkan', 'registry history read (KKs named since the last month)', n_baris);
    END IF;

    -- a household whose kepala left its families is headed by the kepala keluarga of one still active; only a
    -- household with a membership, family or kepala change can have lost its kepala (every KK of the month when
    -- there was no history bound to read from)
    UPDATE dtks.rumah_tangga h
       SET kepala_nik = (SELECT m.nik FROM dtks.keluarga f
                           JOIN dtks.keanggotaan m ON m.no_kk OPERATOR(dtks.=) f.no_kk AND upper_inf(m.berlaku) AND m.shdk = 1
                          WHERE f.rumah_tangga_id = h.id AND f.status = 'aktif'
                          ORDER BY f.no_kk LIMIT 1)
     WHERE h.id IN (SELECT f.rumah_tangga_id FROM pg_temp.penetapan_kk t JOIN dtks.keluarga f ON f.no_kk OPERATOR(dtks.=) t.no_kk
                     WHERE lalu.riwayat_sampai IS NULL
                        OR EXISTS (SELECT 1 FROM pg_temp.penetapan_riwayat_kk r WHERE r.no_kk = t.no_kk AND r.anggota))
       AND NOT EXISTS (SELECT 1 FROM dtks.keanggotaan m JOIN dtks.keluarga f ON f.no_kk OPERATOR(dtks.=) m.no_kk
                        WHERE m.nik OPERATOR(dtks.=) h.kepala_nik AND upper_inf(m.berlaku)
                          AND f.rumah_tangga_id = h.id AND f.status = 'aktif');
    GET DIAGNOSTICS n_baris = ROW_COUNT;
    PERFORM dtks.lapor_kemajuan('tetapkan', 'households re-headed', n_baris);

    -- the registry's rules now, so that a violation is named before anything else is computed: every key recorded
    -- in the transaction (the registry's triggers insert no mark while the penetapan runs: its deferred event is
    -- refused in this security-restricted operation; what comes after is checked at commit)
    PERFORM dtks.registri_periksa_sekarang();
    PERFORM dtks.lapor_kemajuan('tetapkan', 'registry rules checked', NULL);

    -- every family, on the first month or a new model
    IF semua THEN
        INSERT INTO pg_temp.penetapan_kk
        SELECT f.no_kk FROM dtks.keluarga f
        UNION SELECT p.no_kk FROM dtks.penetapan_keluarga p WHERE upper_inf(p.berlaku)
        ON CONFLICT DO NOTHING;
    END IF;

    -- the families whose members' presence is compared: those the history marks (a family whose house or score alone
    -- changed keeps its members' rows unread); every family on the first month, a new model, or after a month that
    -- recorded no history bound
    IF semua OR lalu.riwayat_sampai IS NULL THEN
        INSERT INTO pg_temp.penetapan_kk_anggota SELECT t.no_kk FROM pg_temp.penetapan_kk t;
    ELSE
        INSERT INTO pg_temp.penetapan_kk_anggota
        SELECT r.no_kk FROM pg_temp.penetapan_riwayat_kk r WHERE r.anggota;
    END IF;
    CREATE UNIQUE INDEX ON pg_temp.penetapan_kk_anggota (no_kk);
    ANALYZE pg_temp.penetapan_kk, pg_temp.penetapan_kk_anggota;

    -- the families in DTKS after the month, scored
    n_skor := dtks.penetapan_skor(bulan, model, acuan);
    IF semua THEN
        INSERT INTO dtks.penetapan_desil_batas (acuan, versi, desil, skor_atas)
        SELECT bulan, model, s.desil, max(s.skor) FROM pg_temp.penetapan_keluarga_kini s GROUP BY s.desil;
    END IF;
    PERFORM dtks.lapor_kemajuan('tetapkan', CASE WHEN semua THEN 'families scored and ranked again' ELSE 'families scored' END, n_skor);

    -- presence: end what changed or left, open what changed or entered; then the figures
    SELECT * INTO hasil FROM dtks.penetapan_selaraskan(bulan, lalu.periode);
    -- a month that filled the presence tables gives them statistics before the figures read them
    -- (on the first month they were empty when last analysed) and for the next month's plans
    IF semua THEN
        ANALYZE dtks.penetapan_keluarga, dtks.penetapan_anggota, dtks.penetapan_program;
    END IF;
    PERFORM dtks.lapor_kemajuan('tetapkan', 'presence periods updated (families and members in and out, programs)',
                                hasil.keluarga_masuk OPERATOR(pg_catalog.+) hasil.keluarga_keluar OPERATOR(pg_catalog.+)
                                hasil.anggota_masuk OPERATOR(pg_catalog.+) hasil.anggota_keluar OPERATOR(pg_catalog.+)
                                hasil.program_mulai OPERATOR(pg_catalog.+) hasil.program_selesai);
    PERFORM dtks.penetapan_agregat_hitung(bulan, lalu.periode);
    IF semua THEN
        ANALYZE dtks.penetapan_agregat;
    END IF;
    PERFORM dtks.lapor_kemajuan('tetapkan', 'monthly figures updated', NULL);

    INSERT INTO dtks.penetapan (periode, pelaku, model, acuan_desil, usulan, keluarga_masuk, keluarga_keluar,
                                anggota_masuk, anggota_keluar, program_mulai, program_selesai, skor_dihitung, desil_ulang,
                                riwayat_sampai)
    VALUES (bulan, coalesce(dtks.usulan_pelaku(), CURRENT_USER), model, acuan, n_usulan, hasil.keluarga_masuk,
            hasil.keluarga_keluar, hasil.anggota_masuk, hasil.anggota_keluar, hasil.program_mulai,
            hasil.program_selesai, n_skor, semua,
            (SELECT CASE WHEN q.is_called THEN q.last_value ELSE 0 END FROM dtks.riwayat_id_seq q));
    PERFORM dtks.lapor_kemajuan('tetapkan', 'month recorded', NULL);
    RETURN QUERY SELECT bulan, n_usulan, hasil.keluarga_masuk, hasil.keluarga_keluar, hasil.anggota_masuk,
                        hasil.anggota_keluar, hasil.program_mulai, hasil.program_selesai, n_skor, semua;
END
$$;
COMMENT ON FUNCTION dtks.tetapkan(date) IS
    'The monthly penetapan (pusat or a superuser; 42501 otherwise): every usulan dikirim for the month of periode or earlier becomes ditetapkan and is applied (baru adds the family and members, perbaikan corrects, penghentian ends with its reason, bansos starts the program); changed families are scored and placed in desil (all ranked again on the first month or a new model); presence periods and monthly figures are updated. A month once (23505), in order (DTK04: not before the last, not after the coming month, i.e. the one after dtks.tanggal_acuan or today, not with the month before it not determined; the first month is free); an usulan that cannot be applied refuses the month (DTK05); all or nothing';
