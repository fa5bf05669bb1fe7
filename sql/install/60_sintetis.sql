-- Synthetic registry data, deterministic: the same seed gives the same data.  It lives in the
-- extension because the tests, the demo and the benchmarks all need it, and so that a DBA can build
-- a training registry in any database without outside tools.  Every random draw is a hash of
-- (row, field) under the seed, so the data does not depend on evaluation order or parallelism.

CREATE FUNCTION dtks.sintetis_acak(benih bigint, baris bigint, medan integer) RETURNS double precision
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN ((pg_catalog.hashint8extended(baris OPERATOR(pg_catalog.*) 128 OPERATOR(pg_catalog.+) medan, benih) OPERATOR(pg_catalog.&) 9007199254740991)::double precision OPERATOR(pg_catalog.+) 0.5)
           OPERATOR(pg_catalog./) 9007199254740992.0;
COMMENT ON FUNCTION dtks.sintetis_acak(bigint, bigint, integer) IS
    'A uniform number in (0, 1) determined by seed, row and field: the generator''s only source of randomness';

CREATE FUNCTION dtks.sintetis_pilih(u double precision, kode integer[], batas double precision[]) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN kode[pg_catalog.width_bucket(u, batas) OPERATOR(pg_catalog.+) 1];
COMMENT ON FUNCTION dtks.sintetis_pilih(double precision, integer[], double precision[]) IS
    'Pick kode[i] for a uniform u given cumulative thresholds (one fewer than codes): a weighted draw';

CREATE TABLE dtks.sintetis_galat (
    benih bigint NOT NULL,
    jenis text NOT NULL CHECK (jenis IN ('nik_tanggal_beda', 'meninggal_aktif', 'dua_kk', 'nik_ganda')),
    nik dtks.nik NOT NULL,
    no_kk dtks.no_kk NOT NULL,
    dimuat boolean NOT NULL,
    shdk dtks.kode_shdk,
    nama text,
    jenis_kelamin dtks.kode_jenis_kelamin,
    tanggal_lahir date
);
COMMENT ON TABLE dtks.sintetis_galat IS
    'Faults the generator injected (to measure the checks): loaded ones are in the registry; dua_kk and nik_ganda rows, which the rules refuse, are kept here to be tried';
SELECT pg_catalog.pg_extension_config_dump('dtks.sintetis_galat'::regclass, '');
COMMENT ON COLUMN dtks.sintetis_galat.benih IS 'Seed of the run';
COMMENT ON COLUMN dtks.sintetis_galat.jenis IS 'nik_tanggal_beda (record differs from NIK date), meninggal_aktif (dead but current member), dua_kk (a second KK at the same time), nik_ganda (a second person with the same NIK)';
COMMENT ON COLUMN dtks.sintetis_galat.nik IS 'The NIK concerned';
COMMENT ON COLUMN dtks.sintetis_galat.no_kk IS 'The KK concerned (for dua_kk: the second KK)';
COMMENT ON COLUMN dtks.sintetis_galat.dimuat IS 'Whether the fault was loaded into the registry';
COMMENT ON COLUMN dtks.sintetis_galat.shdk IS 'For unloaded faults: the membership to try';
COMMENT ON COLUMN dtks.sintetis_galat.nama IS 'For nik_ganda: the second person''s name';
COMMENT ON COLUMN dtks.sintetis_galat.jenis_kelamin IS 'For nik_ganda: the second person''s sex';
COMMENT ON COLUMN dtks.sintetis_galat.tanggal_lahir IS 'For nik_ganda: the second person''s birth date';

-- The boundary, once checked that a point can be generated inside it (22023 naming what is wrong).
CREATE FUNCTION dtks.sintetis_batas_periksa(batas geometry, srid integer, jenis text, kosong boolean,
                                            luas double precision) RETURNS geometry
    AS 'MODULE_PATHNAME', 'sintetis_batas_periksa' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.sintetis_batas_periksa(geometry, integer, text, boolean, double precision) IS
    'The boundary unchanged if it is a (multi)polygon, not empty, in SRID 4326, with a positive finite area (given its SRID, GeometryType, ST_IsEmpty and ST_Area); else raises 22023 naming what is wrong (argument check of sintetis_titik)';

CREATE FUNCTION dtks.sintetis_titik(batas geometry, benih bigint, baris bigint) RETURNS geometry
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN ST_SetSRID(ST_GeometryN(ST_GeneratePoints(
                          dtks.sintetis_batas_periksa(batas, ST_SRID(batas), GeometryType(batas), ST_IsEmpty(batas), ST_Area(batas)),
                          1, 1 OPERATOR(pg_catalog.+) (pg_catalog.hashint8extended(baris, benih) OPERATOR(pg_catalog.&) 2147483646)::integer), 1), 4326);
COMMENT ON FUNCTION dtks.sintetis_titik(geometry, bigint, bigint) IS
    'A deterministic point inside a boundary, for a synthetic household''s location; the boundary is a (multi)polygon with an area in SRID 4326 (22023 otherwise)';

CREATE FUNCTION dtks.sintetis_muat(benih bigint, jumlah_keluarga integer, wilayah dtks.kode_wilayah DEFAULT NULL,
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
    laju_tanggal double precision;
    laju_meninggal double precision;
    laju_dua_kk double precision;
    laju_ganda double precision;
    salah text;
BEGIN
    -- the arguments: a NULL region means every region, a NULL laju_galat no faults
    salah := CASE WHEN benih IS NULL THEN 'benih' WHEN jumlah_keluarga IS NULL THEN 'jumlah_keluarga'
                  WHEN acuan IS NULL THEN 'acuan' END;
    IF salah IS NOT NULL THEN
        RAISE EXCEPTION 'sintetis_muat needs a seed, a number of families and a reference date' USING ERRCODE = '22004',
            DETAIL = pg_catalog.format('%s is NULL.', salah);
    END IF;
    IF jumlah_keluarga < 1 THEN
        RAISE EXCEPTION 'sintetis_muat needs at least one family' USING ERRCODE = '22023',
            DETAIL = format('jumlah_keluarga is %s.', jumlah_keluarga);
    END IF;
    IF jumlah_keluarga > 10000000 THEN
        RAISE EXCEPTION 'sintetis_muat generates at most 10000000 families in one call' USING ERRCODE = '54000',
            DETAIL = pg_catalog.format('jumlah_keluarga is %s.', jumlah_keluarga),
            HINT = 'Call it again with another seed: each call adds to the registry.';
    END IF;
    IF NOT pg_catalog.isfinite(acuan) THEN
        RAISE EXCEPTION 'sintetis_muat needs a finite reference date' USING ERRCODE = '22023',
            DETAIL = pg_catalog.format('acuan is %s.', acuan);
    END IF;
    IF pg_catalog.jsonb_typeof(laju_galat) <> 'object' THEN
        RAISE EXCEPTION 'sintetis_muat: laju_galat must be a JSON object of fault rates' USING ERRCODE = '22023',
            DETAIL = pg_catalog.format('laju_galat is a JSON %s.', pg_catalog.jsonb_typeof(laju_galat));
    END IF;
    SELECT pg_catalog.format('%s is %s', e.key, e.value) INTO salah
      FROM pg_catalog.jsonb_each(laju_galat) e
     WHERE e.key NOT IN ('nik_tanggal_beda', 'meninggal_aktif', 'dua_kk', 'nik_ganda')
        OR CASE WHEN pg_catalog.jsonb_typeof(e.value) <> 'number' THEN true
                ELSE e.value::text::numeric NOT BETWEEN 0 AND 1 END
     ORDER BY e.key LIMIT 1;
    IF salah IS NOT NULL THEN
        RAISE EXCEPTION 'sintetis_muat: laju_galat takes rates between 0 and 1 of nik_tanggal_beda, meninggal_aktif, dua_kk and nik_ganda'
            USING ERRCODE = '22023', DETAIL = salah || '.';
    END IF;
    laju_tanggal := coalesce((laju_galat ->> 'nik_tanggal_beda')::double precision, 0);
    laju_meninggal := coalesce((laju_galat ->> 'meninggal_aktif')::double precision, 0);
    laju_dua_kk := coalesce((laju_galat ->> 'dua_kk')::double precision, 0);
    laju_ganda := coalesce((laju_galat ->> 'nik_ganda')::double precision, 0);
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
COMMENT ON FUNCTION dtks.sintetis_muat(bigint, integer, dtks.kode_wilayah, jsonb, date) IS
    'Load jumlah_keluarga synthetic families (same seed, same data) into the registry in a region''s desa, with realistic structure, valid NIKs and KK numbers, questionnaire answers and locations; laju_galat injects faults, e.g. {"nik_tanggal_beda": 0.01, "meninggal_aktif": 0.005, "dua_kk": 0.001, "nik_ganda": 0.001}';
