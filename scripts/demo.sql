-- The dtks demo (run by scripts/demo on a fresh database with the region reference loaded):
-- the types, then 100,000 synthetic families in DKI Jakarta, DI Yogyakarta and Kab. Timor Tengah
-- Selatan taken through three months of usulan -> verval -> pengesahan -> penetapan by the offices
-- that take each step, and what an analyst reads afterwards.
--
-- The statements that matter are echoed.  The demo's own helpers (schema demo: the plan of each
-- month's usulan and the loops that play the desa operators and the Dinas Sosial offices) are
-- defined below with echo off; read them here.
\pset footer off
\set VERBOSITY default

\echo
\echo '=== 1. The types: a NIK is parsed, checked and stored in 8 bytes'
SELECT n::nik AS nik, nik_jenis_kelamin(n::nik) AS jk, nik_tanggal_lahir(n::nik) AS lahir,
       nik_kode_wilayah(n::nik) AS kecamatan_daftar, w.nama
  FROM unnest(ARRAY['3171011708450001', '3404075708900002', '5302014101850003']) AS n
  LEFT JOIN wilayah w ON w.kode = nik_kode_wilayah(n::nik);
\echo '-- expected error: 30 February is not a date, refused with 22P02 (the message never repeats the NIK)'
SELECT '3171013002001234'::nik;
\echo '   SQLSTATE' :LAST_ERROR_SQLSTATE
\echo '    cleaning an import instead: why is each NIK wrong? (never raises)'
SELECT x AS masukan, nik_alasan(x) AS alasan
  FROM unnest(ARRAY['31710117084500', '3171O11708450001', '9971011708450001', '3171012902011234']) AS x;

\echo
\echo '=== 2. The region reference: codes ordered so a region comes right before its descendants; desa by coordinate'
SELECT k::kode_wilayah AS kode, tingkat(k::kode_wilayah), induk(k::kode_wilayah), jenis_desa(k::kode_wilayah),
       (SELECT nama FROM wilayah WHERE kode = k::kode_wilayah) AS nama
  FROM unnest(ARRAY['34', '3471', '34.71.09', '3471091002', '53.02']) AS k;
SELECT tempat, kode, (SELECT nama FROM wilayah w WHERE w.kode = v.kode) AS nama
  FROM (VALUES
    ('Monas, Jakarta', wilayah_di_titik(ST_SetSRID(ST_MakePoint(106.8272, -6.1754), 4326))),
    ('Kraton Yogyakarta', wilayah_di_titik(ST_SetSRID(ST_MakePoint(110.3644, -7.8053), 4326))),
    ('Pasar Soe, Timor Tengah Selatan', wilayah_di_titik(ST_SetSRID(ST_MakePoint(124.2779, -9.8611), 4326)))) AS v(tempat, kode);
\echo '    and by address text as forms write it (dtks.wilayah_dari_alamat): local level words, short forms, typing'
\echo '    errors, old names, a kecamatan only; the deepest level the text names, with the evidence per level'
SELECT a.alamat, w.kode_wilayah, (SELECT nama FROM wilayah x WHERE x.kode = w.kode_wilayah) AS nama,
       round(w.skor::numeric, 2) AS skor
  FROM (VALUES ('Dusun Kembang, Kalurahan Srihardjo, Kapanewon Imogri, Kab. Bantul, DIY'),
               ('JL. KEBON SIRIH NO. 12 RT 002/RW 003, KEL. KEBON SIRIH, KEC. MENTENG, JAKPUS 10340'),
               ('Gampong Lampeuneurut Gampong, Kec. Darul Imarah, Kab. Aceh Besar'),
               ('Desa Catuharjo, Kec. Pandak, Bantul'),
               ('Kec. Coblong, Kota Bdg'),
               ('Kab. Merauke, Papua')) AS a(alamat)
  LEFT JOIN LATERAL (SELECT * FROM wilayah_dari_alamat(a.alamat) LIMIT 1) w ON true;

\echo
\echo '=== 3. The registry: 100,000 synthetic families (seeded, so every run is the same), with a few injected'
\echo '    faults the checks should find (a birth date differing from the NIK, a dead person still in a KK)'
\echo '    (from here every long operation reports each phase with its rows and time: dtks.laporan_kemajuan)'
SET dtks.laporan_kemajuan = notice;
SELECT v.wilayah, (SELECT nama FROM wilayah WHERE kode = v.wilayah::kode_wilayah) AS nama, s.*
  FROM (VALUES (31, '31', 40000), (34, '34', 35000), (5302, '53.02', 25000)) AS v(benih, wilayah, keluarga),
       sintetis_muat(v.benih, v.keluarga, v.wilayah::kode_wilayah, '{"nik_tanggal_beda": 0.002, "meninggal_aktif": 0.002}') s;
-- statistics for the registry tables (not for the still-empty penetapan tables: statistics saying they are
-- empty lead the first penetapan into a plan quadratic in the number of families)
ANALYZE rumah_tangga, keluarga, anggota, keanggotaan, sintetis_galat;

\echo
\echo '=== 4. The offices: an operator for every desa/kelurahan, a Dinas Sosial for every kab/kota, the ministry'
DO $$
DECLARE r text;
BEGIN
    FOR r IN SELECT 'op_' || replace(kode_wilayah::text, '.', '') FROM (SELECT DISTINCT kode_wilayah FROM rumah_tangga) d
             UNION ALL SELECT 'dinsos_' || replace(kode::text, '.', '') FROM wilayah
                        WHERE tingkat = 2 AND (kode <@ '31' OR kode <@ '34' OR kode <@ '53.02')
             UNION ALL SELECT 'kemensos_pusdatin' LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN EXECUTE format('CREATE ROLE %I LOGIN', r); END IF;
    END LOOP;
END $$;
SET client_min_messages = warning;
SELECT count(petugas_tetapkan('op_' || replace(kode_wilayah::text, '.', ''), 'desa', kode_wilayah)) AS operator_desa
  FROM (SELECT DISTINCT kode_wilayah FROM rumah_tangga) d;
SELECT count(petugas_tetapkan('dinsos_' || replace(kode::text, '.', ''), 'kabkota', kode)) AS dinas_sosial
  FROM wilayah WHERE tingkat = 2 AND (kode <@ '31' OR kode <@ '34' OR kode <@ '53.02');
SELECT petugas_tetapkan('kemensos_pusdatin', 'pusat');
RESET client_min_messages;
SELECT peran, count(*) AS login, min(pengguna) AS contoh FROM petugas_peran GROUP BY 1 ORDER BY 2 DESC;

\echo
\echo '    the Dukcapil extract the matching reads: the registry as Dukcapil has it (upper case, some names in'
\echo '    the old spelling oe/dj/tj, the birth date the NIK carries, the dead recorded dead)'
INSERT INTO penduduk (nik, no_kk, nama, tanggal_lahir, jenis_kelamin, kode_wilayah, hidup, tanggal_meninggal)
SELECT a.nik, m.no_kk,
       CASE WHEN sintetis_acak(77, a.nik::bigint, 1) < 0.05 AND a.nama NOT LIKE '%nj%'
            THEN replace(replace(replace(upper(a.nama), 'U', 'OE'), 'J', 'DJ'), 'C', 'TJ') ELSE upper(a.nama) END,
       nik_tanggal_lahir(a.nik, a.tanggal_lahir + 366), a.jenis_kelamin, r.kode_wilayah,
       a.status_hidup = 'aktif', a.tanggal_meninggal
  FROM anggota a JOIN keanggotaan m ON m.nik = a.nik AND upper_inf(m.berlaku)
  JOIN keluarga k ON k.no_kk = m.no_kk JOIN rumah_tangga r ON r.id = k.rumah_tangga_id;
SELECT count(*) AS penduduk, count(*) FILTER (WHERE NOT hidup) AS meninggal,
       count(*) FILTER (WHERE nama LIKE '%OE%') AS ejaan_lama FROM penduduk;

-- the months: an usulan sent after the cut-off day (dtks.hari_batas) goes to next month's penetapan
SELECT date_trunc('month', CURRENT_DATE + CASE WHEN extract(day FROM CURRENT_DATE) > coalesce(current_setting('dtks.hari_batas', true), '20')::int
                                              THEN interval '1 month' ELSE interval '0' END)::date AS bulan1 \gset
SELECT (DATE :'bulan1' + interval '1 month')::date AS bulan2, (DATE :'bulan1' + interval '2 months')::date AS bulan3 \gset
\echo '    the three months determined below:' :bulan1 :bulan2 :bulan3

\set ECHO none
\echo
\echo '    (defining the demo helpers in schema demo; see scripts/demo.sql)'
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS demo CASCADE;
RESET client_min_messages;
CREATE SCHEMA demo;
-- what each desa proposes in each month, and what the demo makes happen to it (nasib)
CREATE TABLE demo.rencana (
    id bigserial PRIMARY KEY,
    gelombang integer NOT NULL,            -- the month (1, 2, 3)
    jenis text NOT NULL,
    macam text NOT NULL,                   -- what kind of change, for the summary
    sumber text NOT NULL,
    kode_wilayah dtks.kode_wilayah NOT NULL,
    no_kk dtks.no_kk NOT NULL,
    data jsonb NOT NULL DEFAULT '{}',
    data_benar jsonb,                      -- the corrected data when the first one has a typo
    program text,
    alasan_penghentian text,
    nasib text NOT NULL DEFAULT 'lancar',  -- lancar, typo, belum_dukcapil, tidak_layak, dikembalikan
    usulan bigint
);
CREATE INDEX ON demo.rencana (gelombang, kode_wilayah);
CREATE INDEX ON demo.rencana (no_kk);
CREATE INDEX ON demo.rencana (usulan);
-- people Dukcapil registers only next month (their usulan is tidak_padan until then)
CREATE TABLE demo.penduduk_tunda (LIKE dtks.penduduk, gelombang integer);
-- the example family followed through the months
CREATE TABLE demo.contoh (no_kk dtks.no_kk, desa dtks.kode_wilayah, kepala dtks.nik, istri dtks.nik);
GRANT USAGE ON SCHEMA demo TO dtks_desa, dtks_kabkota, dtks_pusat;
GRANT SELECT ON demo.rencana TO dtks_desa, dtks_kabkota, dtks_pusat;

CREATE FUNCTION demo.nama_depan(jk text, u double precision) RETURNS text LANGUAGE sql IMMUTABLE
RETURN CASE jk WHEN 'L' THEN (ARRAY['Agus','Budi','Bambang','Joko','Eko','Andi','Dedi','Hendra','Rudi','Slamet','Wahyu','Yusuf',
                                    'Ahmad','Rizky','Fajar','Dimas','Arif','Hadi','Iwan','Teguh'])[1 + floor(u * 20)::int]
               ELSE (ARRAY['Siti','Sri','Dewi','Wati','Ani','Yuni','Rina','Nur','Fitri','Lestari','Sari','Indah','Maria',
                           'Ayu','Putri','Ratna','Endang','Kartini','Nurul','Dian'])[1 + floor(u * 20)::int] END;
CREATE FUNCTION demo.marga(u double precision) RETURNS text LANGUAGE sql IMMUTABLE
RETURN (ARRAY['Santoso','Wijaya','Saputra','Hidayat','Nugroho','Pratama','Siregar','Lubis','Kurniawan','Setiawan',
              'Gunawan','Purnomo','Rahman','Ndun','Nenobais','Tefa','Banunaek','Nope','Sulistyo','Wibowo'])[1 + floor(u * 20)::int];
-- the six digits DDMMYY of a NIK (40 added to the day for a woman)
CREATE FUNCTION demo.ddmmyy(lahir date, jk text) RETURNS text LANGUAGE sql IMMUTABLE
RETURN lpad(((extract(day FROM lahir)::int + CASE jk WHEN 'P' THEN 40 ELSE 0 END) * 10000
             + extract(month FROM lahir)::int * 100 + extract(year FROM lahir)::int % 100)::text, 6, '0');
CREATE FUNCTION demo.sumber(desa dtks.kode_wilayah, boleh_mandiri boolean, u double precision) RETURNS text LANGUAGE sql STABLE
RETURN CASE WHEN boleh_mandiri AND u < 0.2 THEN 'mandiri' WHEN dtks.jenis_desa(desa) = 'kelurahan' THEN 'muskel' ELSE 'musdes' END;

-- The plan of month w: which families the desa propose, for what, and what happens to each
-- proposal (typos and people Dukcapil does not know yet make it tidak_padan, the verval finds some
-- not eligible, the ministry returns some).  skala scales the counts.
CREATE FUNCTION demo.rencanakan(w integer, skala numeric)
    RETURNS TABLE (jenis text, macam text, usulan bigint)
    LANGUAGE plpgsql SET search_path = dtks, public, pg_temp
AS $f$
#variable_conflict use_column
DECLARE
    p record;
    maks_rt bigint := (SELECT max(id) FROM dtks.rumah_tangga);
BEGIN
    -- Dukcapil registered last month's late people
    INSERT INTO dtks.penduduk SELECT nik, no_kk, nama, tempat_lahir, tanggal_lahir, jenis_kelamin, alamat, kode_wilayah,
                                     hidup, tanggal_meninggal, diperbarui
      FROM demo.penduduk_tunda t WHERE t.gelombang = w - 1;

    -- families not yet proposed for anything, without injected faults, with their latest national desil
    CREATE TEMP TABLE calon ON COMMIT DROP AS
    SELECT f.no_kk, h.kode_wilayah AS desa, leluhur(h.kode_wilayah, 1)::text AS prov, s.desil,
           sintetis_acak(700 + w, f.no_kk::bigint, 1) AS u, sintetis_acak(700 + w, f.no_kk::bigint, 2) AS u2,
           sintetis_acak(700 + w, f.no_kk::bigint, 3) AS u3
      FROM keluarga f JOIN rumah_tangga h ON h.id = f.rumah_tangga_id
      LEFT JOIN (SELECT DISTINCT ON (k.no_kk) k.no_kk, k.desil FROM skor_keluarga k
                  WHERE k.lingkup = 'nasional' ORDER BY k.no_kk, k.dihitung DESC) s ON s.no_kk = f.no_kk
     WHERE f.status = 'aktif'
       AND NOT EXISTS (SELECT 1 FROM demo.rencana r WHERE r.no_kk = f.no_kk)
       AND NOT EXISTS (SELECT 1 FROM sintetis_galat g WHERE g.no_kk = f.no_kk)
       AND NOT EXISTS (SELECT 1 FROM keanggotaan m JOIN anggota a ON a.nik = m.nik
                        WHERE m.no_kk = f.no_kk AND upper_inf(m.berlaku) AND a.status_hidup <> 'aktif');
    CREATE INDEX ON calon (u);
    ANALYZE calon;

    -- the example family (month 1: PKH, month 2: a baby, month 3: the father dies)
    IF w = 1 THEN
        INSERT INTO demo.contoh
        SELECT c.no_kk, c.desa, k.nik, i.nik
          FROM calon c
          JOIN keanggotaan k ON k.no_kk = c.no_kk AND upper_inf(k.berlaku) AND k.shdk = 1
          JOIN anggota ka ON ka.nik = k.nik AND ka.jenis_kelamin = 'L'
          JOIN keanggotaan i ON i.no_kk = c.no_kk AND upper_inf(i.berlaku) AND i.shdk = 3
          JOIN anggota ia ON ia.nik = i.nik AND ia.tanggal_lahir > CURRENT_DATE - interval '38 years'
         WHERE c.desa <@ '34.71' AND c.desil <= 3
           AND (SELECT count(*) FROM keanggotaan x WHERE x.no_kk = c.no_kk AND upper_inf(x.berlaku)) = 4
         ORDER BY c.u LIMIT 1;
        INSERT INTO demo.rencana (gelombang, jenis, macam, sumber, kode_wilayah, no_kk, program)
        SELECT 1, 'bansos', 'PKH', 'musdes', desa, no_kk, 'PKH' FROM demo.contoh;
    END IF;

    -- bansos: families in desil 1-4 (KJP Plus only in DKI Jakarta)
    FOR p IN SELECT * FROM (VALUES ('PKH', 600), ('BPNT', 700), ('PBI_JKN', 500), ('PIP', 150), ('KJP_PLUS', 250)) v(program, n) LOOP
        INSERT INTO demo.rencana (gelombang, jenis, macam, sumber, kode_wilayah, no_kk, program, nasib)
        SELECT w, 'bansos', p.program, demo.sumber(c.desa, true, c.u3), c.desa, c.no_kk, p.program,
               CASE WHEN c.u2 < 0.06 THEN 'tidak_layak' WHEN c.u2 < 0.09 THEN 'dikembalikan' ELSE 'lancar' END
          FROM calon c
         WHERE c.desil <= 4 AND (p.program <> 'KJP_PLUS' OR c.prov = '31')
           AND NOT EXISTS (SELECT 1 FROM demo.rencana r WHERE r.no_kk = c.no_kk)
         ORDER BY c.u LIMIT round(p.n * skala);
    END LOOP;

    -- penghentian of whole families: better off (from desil 7 up), moved away, duplicates
    FOR p IN SELECT * FROM (VALUES ('mampu', 120), ('pindah', 80), ('ganda', 40)) v(alasan, n) LOOP
        INSERT INTO demo.rencana (gelombang, jenis, macam, sumber, kode_wilayah, no_kk, alasan_penghentian, nasib)
        SELECT w, 'penghentian', 'keluarga: ' || p.alasan, demo.sumber(c.desa, false, 0), c.desa, c.no_kk, p.alasan,
               CASE WHEN p.alasan = 'mampu' AND c.u2 < 0.10 THEN 'tidak_layak' WHEN c.u2 > 0.97 THEN 'dikembalikan' ELSE 'lancar' END
          FROM calon c
         WHERE (p.alasan <> 'mampu' OR c.desil >= 7)
           AND NOT EXISTS (SELECT 1 FROM demo.rencana r WHERE r.no_kk = c.no_kk)
         ORDER BY c.u LIMIT round(p.n * skala);
    END LOOP;

    -- penghentian of one member who died (the oldest besides the kepala); Dukcapil has the death
    INSERT INTO demo.rencana (gelombang, jenis, macam, sumber, kode_wilayah, no_kk, data, alasan_penghentian)
    SELECT w, 'penghentian', 'anggota: meninggal', demo.sumber(c.desa, false, 0), c.desa, c.no_kk,
           jsonb_build_object('anggota', jsonb_build_array(jsonb_build_object(
               'nik', x.nik::text, 'tanggal_meninggal', CURRENT_DATE - (3 + floor(c.u2 * 40))::int))),
           'meninggal'
      FROM calon c
      CROSS JOIN LATERAL (SELECT m.nik FROM keanggotaan m JOIN anggota a ON a.nik = m.nik
                           WHERE m.no_kk = c.no_kk AND upper_inf(m.berlaku) AND m.shdk <> 1
                           ORDER BY a.tanggal_lahir LIMIT 1) x
     WHERE NOT EXISTS (SELECT 1 FROM demo.rencana r WHERE r.no_kk = c.no_kk)
     ORDER BY c.u LIMIT round(250 * skala);
    UPDATE dtks.penduduk d SET hidup = false, tanggal_meninggal = (e ->> 'tanggal_meninggal')::date
      FROM demo.rencana r, jsonb_array_elements(r.data -> 'anggota') e
     WHERE r.gelombang = w AND r.macam = 'anggota: meninggal' AND d.nik = (e ->> 'nik')::nik;

    -- perbaikan: the house (copied from another household: a renovation or a decline) ...
    INSERT INTO demo.rencana (gelombang, jenis, macam, sumber, kode_wilayah, no_kk, data, nasib)
    SELECT w, 'perbaikan', 'rumah', demo.sumber(c.desa, false, 0), c.desa, c.no_kk,
           jsonb_build_object('rumah_tangga', (
               SELECT jsonb_strip_nulls(jsonb_build_object('jenis_lantai', h.jenis_lantai, 'jenis_dinding', h.jenis_dinding,
                          'jenis_atap', h.jenis_atap, 'sumber_air_minum', h.sumber_air_minum,
                          'sumber_penerangan', h.sumber_penerangan, 'daya_listrik', h.daya_listrik))
                 FROM rumah_tangga h WHERE h.id = 1 + floor(c.u2 * maks_rt)::bigint)),
           CASE WHEN c.u3 < 0.02 THEN 'dikembalikan' ELSE 'lancar' END
      FROM calon c
     WHERE NOT EXISTS (SELECT 1 FROM demo.rencana r WHERE r.no_kk = c.no_kk)
     ORDER BY c.u LIMIT round(300 * skala);
    -- ... the assets ...
    INSERT INTO demo.rencana (gelombang, jenis, macam, sumber, kode_wilayah, no_kk, data)
    SELECT w, 'perbaikan', 'aset', demo.sumber(c.desa, false, 0), c.desa, c.no_kk,
           '{"keluarga": {"punya_sepeda_motor": true, "punya_lemari_es": true, "punya_smartphone": true}}'
      FROM calon c
     WHERE NOT EXISTS (SELECT 1 FROM demo.rencana r WHERE r.no_kk = c.no_kk)
     ORDER BY c.u LIMIT round(150 * skala);
    -- ... a death of the kepala keluarga: his wife becomes kepala (Dukcapil has not recorded it yet)
    INSERT INTO demo.rencana (gelombang, jenis, macam, sumber, kode_wilayah, no_kk, data)
    SELECT w, 'perbaikan', 'kepala meninggal', demo.sumber(c.desa, false, 0), c.desa, c.no_kk,
           jsonb_build_object('anggota', jsonb_build_array(
               jsonb_build_object('nik', k.nik::text, 'keluar', 'meninggal'),  -- no tanggal_meninggal: the penetapan takes the month before
               jsonb_build_object('nik', i.nik::text, 'shdk', 1)))
      FROM calon c
      JOIN keanggotaan k ON k.no_kk = c.no_kk AND upper_inf(k.berlaku) AND k.shdk = 1
      JOIN keanggotaan i ON i.no_kk = c.no_kk AND upper_inf(i.berlaku) AND i.shdk = 3
     WHERE NOT EXISTS (SELECT 1 FROM demo.rencana r WHERE r.no_kk = c.no_kk)
     ORDER BY c.u LIMIT round(40 * skala);
    IF w = 3 THEN
        INSERT INTO demo.rencana (gelombang, jenis, macam, sumber, kode_wilayah, no_kk, data)
        SELECT 3, 'perbaikan', 'kepala meninggal', 'musdes', desa, no_kk,
               jsonb_build_object('anggota', jsonb_build_array(
                   jsonb_build_object('nik', kepala::text, 'keluar', 'meninggal'),
                   jsonb_build_object('nik', istri::text, 'shdk', 1)))
          FROM demo.contoh;
    END IF;

    -- ... a birth (to a wife under 45; in the example family in month 2); one name in twenty mistyped
    CREATE TEMP TABLE lahir ON COMMIT DROP AS
    WITH ibu AS (
        SELECT c.no_kk, c.desa, c.u, c.u2, c.u3, split_part(ka.nama, ' ', 2) AS marga
          FROM calon c
          JOIN keanggotaan k ON k.no_kk = c.no_kk AND upper_inf(k.berlaku) AND k.shdk = 1
          JOIN anggota ka ON ka.nik = k.nik AND ka.jenis_kelamin = 'L'
          JOIN keanggotaan i ON i.no_kk = c.no_kk AND upper_inf(i.berlaku) AND i.shdk = 3
          JOIN anggota ia ON ia.nik = i.nik AND ia.tanggal_lahir > CURRENT_DATE - interval '45 years'
         WHERE NOT EXISTS (SELECT 1 FROM demo.rencana r WHERE r.no_kk = c.no_kk)
         ORDER BY c.u LIMIT round(120 * skala)),
    ibu_contoh AS (
        SELECT x.no_kk, x.desa, 0.5::float8 AS u, 0.5::float8 AS u2, 0.5::float8 AS u3, split_part(ka.nama, ' ', 2) AS marga
          FROM demo.contoh x JOIN anggota ka ON ka.nik = x.kepala WHERE w = 2),
    bayi AS (
        SELECT b.*, CASE WHEN b.u2 < 0.5 THEN 'L' ELSE 'P' END AS jk, CURRENT_DATE - (5 + floor(b.u3 * 40))::int AS tgl,
               replace(leluhur(b.desa, 3)::text, '.', '') AS kec
          FROM (SELECT * FROM ibu UNION ALL SELECT * FROM ibu_contoh) b)
    SELECT b.*, demo.nama_depan(b.jk, b.u) || ' ' || b.marga AS nama,
           (b.kec || demo.ddmmyy(b.tgl, b.jk)
            || lpad((6000 + w * 300 + row_number() OVER (PARTITION BY b.kec, b.tgl, b.jk ORDER BY b.no_kk))::text, 4, '0'))::nik AS nik
      FROM bayi b;
    INSERT INTO demo.rencana (gelombang, jenis, macam, sumber, kode_wilayah, no_kk, data, data_benar, nasib)
    SELECT w, 'perbaikan', 'kelahiran', demo.sumber(l.desa, false, 0), l.desa, l.no_kk,
           jsonb_build_object('anggota', jsonb_build_array(jsonb_build_object(
               'nik', l.nik::text, 'jenis_kelamin', l.jk, 'tanggal_lahir', l.tgl, 'shdk', 4, 'status_kawin', 1,
               'kartu_identitas', 1, 'penyakit_kronis', 1, 'jaminan_kesehatan', 1,
               'nama', CASE WHEN l.u3 < 0.05 THEN overlay(l.nama PLACING substr(l.nama, 3, 1) || substr(l.nama, 2, 1) FROM 2 FOR 2)
                            ELSE l.nama END))),
           CASE WHEN l.u3 < 0.05 THEN jsonb_build_object('anggota', jsonb_build_array(jsonb_build_object(
               'nik', l.nik::text, 'jenis_kelamin', l.jk, 'tanggal_lahir', l.tgl, 'shdk', 4, 'status_kawin', 1,
               'kartu_identitas', 1, 'penyakit_kronis', 1, 'jaminan_kesehatan', 1, 'nama', l.nama))) END,
           CASE WHEN l.u3 < 0.05 THEN 'typo' ELSE 'lancar' END
      FROM lahir l;
    INSERT INTO dtks.penduduk (nik, no_kk, nama, tanggal_lahir, jenis_kelamin, kode_wilayah, hidup)
    SELECT l.nik, l.no_kk, upper(l.nama), l.tgl, l.jk, l.desa, true FROM lahir l;

    -- baru: new families (a structure like a random registered family's; new people, NIKs, KK, house)
    CREATE TEMP TABLE baru_kk ON COMMIT DROP AS
    WITH sumber AS (
        SELECT row_number() OVER (ORDER BY c.u2) AS n, c.no_kk AS asal, c.desa
          FROM calon c ORDER BY c.u2 LIMIT round(500 * skala)),
    kk AS (
        SELECT s.*, replace(leluhur(s.desa, 3)::text, '.', '') AS kec,
               CURRENT_DATE - (1 + floor(sintetis_acak(900 + w, s.n, 1) * 60))::int AS terbit,
               demo.marga(sintetis_acak(900 + w, s.n, 2)) AS marga,
               sintetis_acak(900 + w, s.n, 3) AS u
          FROM sumber s)
    SELECT k.*, (k.kec || to_char(k.terbit, 'DDMMYY')
                 || lpad((5000 + w * 300 + row_number() OVER (PARTITION BY k.kec, k.terbit ORDER BY k.n))::text, 4, '0'))::no_kk AS no_kk,
           CASE WHEN k.u < 0.03 THEN 'typo' WHEN k.u < 0.06 THEN 'belum_dukcapil' WHEN k.u < 0.10 THEN 'tidak_layak'
                WHEN k.u < 0.13 THEN 'dikembalikan' ELSE 'lancar' END AS nasib
      FROM kk k;
    CREATE TEMP TABLE baru_orang ON COMMIT DROP AS
    WITH o AS (
        SELECT k.n, k.no_kk, k.desa, k.kec, k.marga, k.nasib, m.shdk, a.*,
               row_number() OVER (PARTITION BY k.n ORDER BY m.shdk, a.tanggal_lahir) AS urut,
               count(*) OVER (PARTITION BY k.n) AS ukuran
          FROM baru_kk k JOIN keanggotaan m ON m.no_kk = k.asal AND upper_inf(m.berlaku)
          JOIN anggota a ON a.nik = m.nik)
    SELECT o.*, demo.nama_depan(o.jenis_kelamin, sintetis_acak(950 + w, o.n * 16 + o.urut, 1)) || ' ' || o.marga AS nama_baru,
           (o.kec || demo.ddmmyy(o.tanggal_lahir, o.jenis_kelamin)
            || lpad((5000 + w * 300 + row_number() OVER (PARTITION BY o.kec, o.tanggal_lahir, o.jenis_kelamin ORDER BY o.n, o.urut))::text, 4, '0'))::nik AS nik_baru
      FROM o;
    INSERT INTO demo.rencana (gelombang, jenis, macam, sumber, kode_wilayah, no_kk, data, data_benar, nasib)
    SELECT w, 'baru', 'keluarga baru', demo.sumber(x.desa, true, sintetis_acak(900 + w, x.n, 4)), x.desa, x.no_kk,
           x.data || jsonb_build_object('anggota', x.anggota),
           CASE WHEN x.nasib = 'typo' THEN x.data || jsonb_build_object('anggota', x.anggota_benar) END,
           x.nasib
      FROM (SELECT k.n, k.desa, k.no_kk, k.nasib, a.anggota, a.anggota_benar,
                   jsonb_build_object(
                       'rumah_tangga', jsonb_strip_nulls(to_jsonb(h) - ARRAY['id', 'kode_wilayah', 'kepala_nik', 'lokasi'])
                           || jsonb_build_object('alamat', 'Gg. ' || demo.marga(sintetis_acak(900 + w, k.n, 5)) || ' No. ' || (1 + k.n % 90),
                                                 'lokasi', (SELECT ST_AsEWKT(sintetis_titik(wl.batas, 900 + w, k.n))
                                                              FROM wilayah wl WHERE wl.kode = k.desa)),
                       'keluarga', jsonb_strip_nulls(to_jsonb(f) - ARRAY['no_kk', 'rumah_tangga_id', 'status', 'asal_no_kk',
                           'alasan_terbit', 'bpnt_sejak', 'pkh_sejak', 'blt_dana_desa_sejak', 'subsidi_listrik_sejak',
                           'bantuan_pemda_sejak', 'subsidi_pupuk_sejak', 'subsidi_lpg_sejak'])) AS data
              FROM baru_kk k
              JOIN keluarga f ON f.no_kk = k.asal JOIN rumah_tangga h ON h.id = f.rumah_tangga_id
              CROSS JOIN LATERAL (
                  SELECT jsonb_agg(o.isi || jsonb_build_object('nama',
                                       CASE WHEN o.nasib = 'typo' AND o.urut = 1
                                            THEN overlay(o.nama_baru PLACING substr(o.nama_baru, 3, 1) || substr(o.nama_baru, 2, 1) FROM 2 FOR 2)
                                            ELSE o.nama_baru END) ORDER BY o.urut) AS anggota,
                         jsonb_agg(o.isi || jsonb_build_object('nama', o.nama_baru) ORDER BY o.urut) AS anggota_benar
                    FROM (SELECT o.*, jsonb_strip_nulls(to_jsonb(o) - ARRAY['n', 'no_kk', 'desa', 'kec', 'marga', 'nasib', 'urut',
                                          'ukuran', 'nik', 'nama', 'status_hidup', 'tanggal_meninggal', 'nik_baru', 'nama_baru'])
                                      || jsonb_build_object('nik', o.nik_baru::text) AS isi
                            FROM baru_orang o WHERE o.n = k.n) o) a) x;
    -- Dukcapil knows the new people, except the last member of some families (registered next month)
    INSERT INTO dtks.penduduk (nik, no_kk, nama, tanggal_lahir, jenis_kelamin, kode_wilayah, hidup)
    SELECT o.nik_baru, o.no_kk, upper(o.nama_baru), o.tanggal_lahir, o.jenis_kelamin, o.desa, true
      FROM baru_orang o WHERE NOT (o.nasib = 'belum_dukcapil' AND o.urut = o.ukuran);
    INSERT INTO demo.penduduk_tunda (nik, no_kk, nama, tanggal_lahir, jenis_kelamin, kode_wilayah, hidup, gelombang)
    SELECT o.nik_baru, o.no_kk, upper(o.nama_baru), o.tanggal_lahir, o.jenis_kelamin, o.desa, true, w
      FROM baru_orang o WHERE o.nasib = 'belum_dukcapil' AND o.urut = o.ukuran;

    -- month 2: the desa of Kota Yogyakarta fix what the integrity checks found (demo.temuan)
    IF w = 2 THEN
        INSERT INTO demo.rencana (gelombang, jenis, macam, sumber, kode_wilayah, no_kk, data, alasan_penghentian)
        SELECT DISTINCT ON (t.no_kk) 2, CASE t.aturan WHEN 'nik_tanggal_lahir' THEN 'perbaikan' ELSE 'penghentian' END,
               CASE t.aturan WHEN 'nik_tanggal_lahir' THEN 'temuan: tanggal lahir' ELSE 'temuan: meninggal' END,
               demo.sumber(h.kode_wilayah, false, 0), h.kode_wilayah, t.no_kk,
               CASE t.aturan WHEN 'nik_tanggal_lahir'
                    THEN jsonb_build_object('anggota', jsonb_build_array(jsonb_build_object('nik', t.nik::text, 'tanggal_lahir', d.tanggal_lahir)))
                    ELSE jsonb_build_object('anggota', jsonb_build_array(jsonb_build_object('nik', t.nik::text))) END,
               CASE WHEN t.aturan = 'meninggal_masih_anggota' THEN 'meninggal' END
          FROM demo.temuan t
          JOIN keluarga f ON f.no_kk = t.no_kk JOIN rumah_tangga h ON h.id = f.rumah_tangga_id
          JOIN keanggotaan m ON m.nik = t.nik AND m.no_kk = t.no_kk AND upper_inf(m.berlaku)
          JOIN penduduk d ON d.nik = t.nik
         WHERE t.aturan IN ('nik_tanggal_lahir', 'meninggal_masih_anggota') AND m.shdk <> 1
           AND NOT EXISTS (SELECT 1 FROM demo.rencana r WHERE r.no_kk = t.no_kk)
         ORDER BY t.no_kk, t.aturan;
    END IF;

    RETURN QUERY SELECT r.jenis, r.macam, count(*) FROM demo.rencana r WHERE r.gelombang = w GROUP BY 1, 2 ORDER BY 1, 2;
END
$f$;

-- The desa operators: each, as itself, proposes its desa's usulan of month w, corrects those that came
-- back (tidak_padan: a typo; dikembalikan by the ministry: checked again) and submits them.
CREATE FUNCTION demo.desa_ajukan(w integer)
    RETURNS TABLE (operator_desa bigint, usulan_dibuat bigint, dikoreksi bigint, diajukan bigint)
    LANGUAGE plpgsql SET search_path = dtks, public, pg_temp
AS $f$
#variable_conflict use_column
DECLARE
    d record;
    awal bigint := coalesce((SELECT max(id) FROM dtks.usulan), 0);
    n_op bigint := 0; n_buat bigint := 0; n_koreksi bigint := 0; n_aju bigint := 0; n bigint;
BEGIN
    FOR d IN SELECT x.kode_wilayah FROM (SELECT r.kode_wilayah FROM demo.rencana r WHERE r.gelombang = w
                                          UNION SELECT u.kode_wilayah FROM dtks.usulan u WHERE u.status IN ('tidak_padan', 'dikembalikan')) x
              ORDER BY 1 LOOP
        EXECUTE format('SET ROLE %I', 'op_' || replace(d.kode_wilayah::text, '.', ''));
        n_op := n_op + 1;
        INSERT INTO dtks.usulan (jenis, sumber, kode_wilayah, no_kk, data, program, alasan_penghentian, berita_acara)
        SELECT r.jenis, r.sumber, r.kode_wilayah, r.no_kk, r.data, r.program, r.alasan_penghentian,
               CASE WHEN r.sumber IN ('musdes', 'muskel')
                    THEN format('BA/%s/%s/%s', upper(r.sumber), replace(r.kode_wilayah::text, '.', ''), to_char(CURRENT_DATE, 'YYYY') || '-' || w) END
          FROM demo.rencana r WHERE r.gelombang = w AND r.kode_wilayah = d.kode_wilayah ORDER BY r.id;
        GET DIAGNOSTICS n = ROW_COUNT; n_buat := n_buat + n;
        UPDATE dtks.usulan u SET data = r.data_benar
          FROM demo.rencana r
         WHERE r.usulan = u.id AND u.kode_wilayah = d.kode_wilayah AND u.status = 'tidak_padan' AND r.data_benar IS NOT NULL;
        GET DIAGNOSTICS n = ROW_COUNT; n_koreksi := n_koreksi + n;
        UPDATE dtks.usulan u SET status = 'diajukan'
         WHERE u.kode_wilayah = d.kode_wilayah AND u.status IN ('draf', 'tidak_padan', 'dikembalikan');
        GET DIAGNOSTICS n = ROW_COUNT; n_aju := n_aju + n;
        RESET ROLE;
    END LOOP;
    UPDATE demo.rencana r SET usulan = u.id
      FROM dtks.usulan u
     WHERE r.gelombang = w AND r.usulan IS NULL AND u.id > awal AND u.no_kk = r.no_kk AND u.jenis = r.jenis;
    RETURN QUERY SELECT n_op, n_buat, n_koreksi, n_aju;
END
$f$;

-- Each kab/kota Dinas Sosial, as itself: the Dukcapil matching, the verval visits, the bupati's /
-- wali kota's pengesahan and the sending to the ministry.
CREATE FUNCTION demo.kabkota_proses(w integer)
    RETURNS TABLE (kabkota text, nama text, dipadankan bigint, padan bigint, tidak_padan bigint, layak bigint,
                   tidak_layak bigint, dikirim bigint)
    LANGUAGE plpgsql SET search_path = dtks, public, pg_temp
AS $f$
#variable_conflict use_column
DECLARE
    k record;
    m record;
    n_layak bigint; n_tidak bigint; n_kirim bigint;
BEGIN
    FOR k IN SELECT x.kode, x.nama FROM dtks.wilayah x
              WHERE x.tingkat = 2 AND (x.kode <@ '31' OR x.kode <@ '34' OR x.kode <@ '53.02') ORDER BY x.kode LOOP
        EXECUTE format('SET ROLE %I', 'dinsos_' || replace(k.kode::text, '.', ''));
        SELECT * INTO m FROM dtks.padankan_usulan(k.kode);
        WITH v AS (
            UPDATE dtks.usulan u
               SET status = CASE WHEN r.nasib = 'tidak_layak' THEN 'tidak_layak' ELSE 'layak' END,
                   tanggal_kunjungan = CURRENT_DATE, petugas_verval = 'Tim Verval ' || k.nama
              FROM demo.rencana r
             WHERE r.usulan = u.id AND u.status = 'padan' AND u.kode_wilayah <@ k.kode
            RETURNING u.status)
        SELECT count(*) FILTER (WHERE v.status = 'layak'), count(*) FILTER (WHERE v.status = 'tidak_layak')
          INTO n_layak, n_tidak FROM v;
        UPDATE dtks.usulan u SET status = 'disahkan',
               surat_pengesahan = format('SK %s %s No. 400.9/%s/%s',
                   CASE WHEN k.nama LIKE 'Kota%' THEN 'Wali Kota' ELSE 'Bupati' END,
                   regexp_replace(k.nama, '^(Kabupaten|Kota)( Administrasi)? ', ''), w, to_char(CURRENT_DATE, 'YYYY'))
         WHERE u.status = 'layak' AND u.kode_wilayah <@ k.kode;
        UPDATE dtks.usulan u SET status = 'dikirim' WHERE u.status = 'disahkan' AND u.kode_wilayah <@ k.kode;
        GET DIAGNOSTICS n_kirim = ROW_COUNT;
        RESET ROLE;
        kabkota := k.kode::text; nama := k.nama; dipadankan := m.diperiksa; padan := m.padan; tidak_padan := m.tidak_padan;
        layak := n_layak; tidak_layak := n_tidak; dikirim := n_kirim;
        RETURN NEXT;
    END LOOP;
END
$f$;
\set ECHO queries

\echo
\echo '=== 5. Month 1: the desa propose (bansos for desil 1-4, penghentian, perbaikan, new families), Dinas Sosial'
\echo '    matches them with Dukcapil, visits, has them signed and sends them; the ministry returns some and determines'
\echo '    the month.  The first penetapan also takes the whole registry as the base (everyone ranked into national desil).'
-- the national desil before the first penetapan (which bansos proposals the desa make)
SELECT hitung_desil('nasional', NULL, CURRENT_DATE) AS keluarga_diberi_desil;
SELECT * FROM demo.rencanakan(1, 1.0);
SELECT * FROM demo.desa_ajukan(1);
SELECT * FROM demo.kabkota_proses(1);
\echo '    the ministry (Pusdatin) returns what its checks doubt, then determines the month'
SET ROLE kemensos_pusdatin;
UPDATE usulan u SET status = 'dikembalikan', alasan = 'foto rumah tidak sesuai data; mohon verval ulang'
  FROM demo.rencana r
 WHERE r.usulan = u.id AND r.nasib = 'dikembalikan' AND u.status = 'dikirim'
   AND NOT EXISTS (SELECT 1 FROM usulan_riwayat h WHERE h.usulan = u.id AND h.ke = 'dikembalikan');
SELECT * FROM tetapkan(:'bulan1');
RESET ROLE;
-- fresh statistics on the presence tables the base month filled (autovacuum would take care of it
-- long before next month's penetapan; the demo does not wait)
ANALYZE penetapan_keluarga, penetapan_anggota, penetapan_program, penetapan_agregat, skor_keluarga;

\echo
\echo '=== 6. Month 2: fewer usulan; last month''s tidak_padan are corrected and resubmitted, the returned ones checked'
\echo '    again; and Dinas Sosial Kota Yogyakarta runs the integrity checks, its desa propose fixes for the findings'
-- the demo plays three months in minutes: from here it runs as on the first day of month 2 (dtks.tanggal_acuan,
-- superuser only), so that month 2 is the current month: its usulan go to it, and it may be determined
SET dtks.tanggal_acuan = :'bulan2';

\echo
\echo '--- Pemadanan by NIK, name and address: a desa in Kota Yogyakarta adds a baby Dukcapil has just registered,'
\echo '    typing the NIK with two digits swapped and the name the old way; the matching proposes the Dukcapil record'
-- the family and the baby as Dukcapil registered it (NIK: kecamatan, DDMMYY, serial)
CREATE TABLE demo.bayi AS
SELECT f.no_kk, h.kode_wilayah AS desa, 'MUHAMMAD RIZKY PRATAMA'::text AS nama, (DATE :'bulan1' - 20) AS lahir,
       (left(h.kode_wilayah::text, 2) || substr(h.kode_wilayah::text, 4, 2) || substr(h.kode_wilayah::text, 7, 2)
        || demo.ddmmyy(DATE :'bulan1' - 20, 'L') || '7001')::nik AS nik
  FROM keluarga f JOIN rumah_tangga h ON h.id = f.rumah_tangga_id
 WHERE h.kode_wilayah <@ '34.71' AND f.status = 'aktif' ORDER BY f.no_kk LIMIT 1;
INSERT INTO penduduk (nik, no_kk, nama, tanggal_lahir, jenis_kelamin, kode_wilayah, hidup)
SELECT nik, no_kk, nama, lahir, 'L', desa, true FROM demo.bayi;
SELECT 'op_' || replace(desa::text, '.', '') AS op_bayi, 'dinsos_' || replace(dtks.leluhur(desa, 2)::text, '.', '') AS dinsos_bayi,
       desa AS desa_bayi, nik AS nik_bayi, no_kk AS kk_bayi, lahir AS lahir_bayi,
       overlay(nik::text PLACING substr(nik::text, 16, 1) || substr(nik::text, 15, 1) FROM 15 FOR 2) AS nik_ketik
  FROM demo.bayi \gset
SET ROLE :op_bayi;
INSERT INTO usulan (jenis, sumber, kode_wilayah, no_kk, berita_acara, data)
VALUES ('perbaikan', 'musdes', :'desa_bayi', :'kk_bayi', 'BA/MUSDES/BAYI',
        jsonb_build_object('anggota', jsonb_build_array(jsonb_build_object(
            'nik', :'nik_ketik', 'nama', 'Moch. Rizki Pratama', 'jenis_kelamin', 'L', 'tanggal_lahir', :'lahir_bayi', 'shdk', 4,
            'status_kawin', 1, 'kartu_identitas', 1, 'penyakit_kronis', 1, 'jaminan_kesehatan', 1))));
UPDATE usulan SET status = 'diajukan' WHERE berita_acara = 'BA/MUSDES/BAYI';
SELECT id AS usulan_bayi FROM usulan WHERE berita_acara = 'BA/MUSDES/BAYI' \gset
RESET ROLE;
\echo '    the typed NIK' :nik_ketik 'is nobody''s; the Dinas Sosial runs the matching of the desa:'
SET ROLE :dinsos_bayi;
SELECT * FROM padankan_usulan(:'desa_bayi');
RESET ROLE;
SET ROLE :op_bayi;
\echo '    what the desa sees: the findings, and the Dukcapil NIK proposed with its score, field by field'
SELECT t.urutan, t.nik, t.temuan, t.menghalangi, t.nik_usulan, round(t.skor::numeric, 1) AS skor,
       t.rincian #>> '{nik,tingkat}' AS nik_cocok, t.rincian #>> '{nama,tingkat}' AS nama_cocok,
       t.rincian #>> '{tanggal_lahir,tingkat}' AS lahir_cocok
  FROM usulan_temuan t WHERE t.usulan = :usulan_bayi ORDER BY t.temuan;
\echo '    the desa checks the candidate itself (dtks.cari_penduduk, inside its kab/kota) and takes it in one step:'
SELECT nik, round(skor::numeric, 1) AS skor, rincian #>> '{nik,tingkat}' AS nik_cocok, rincian #>> '{nama,tingkat}' AS nama_cocok
  FROM cari_penduduk(:'nik_ketik', 'Moch. Rizki Pratama', :'lahir_bayi', 'L', :'desa_bayi');
SELECT usulan_pakai_nik(:usulan_bayi) AS nik_diganti;
SELECT data #>> '{anggota,0,nik}' AS nik_sekarang, status FROM usulan WHERE id = :usulan_bayi;
RESET ROLE;
\echo '    (the desa sends it again with month 2''s usulan below, and the matching runs on it again)'

\echo
\echo '--- One person twice in Dukcapil: a man of Kota Yogyakarta registered again in Sleman under another NIK, his'
\echo '    name in the old spelling; the Dinas Sosial searches its kab/kota for such pairs (dtks.calon_ganda)'
INSERT INTO penduduk (nik, no_kk, nama, tanggal_lahir, jenis_kelamin, kode_wilayah, hidup)
SELECT ('340401' || substr(p.nik::text, 7, 6) || '8001')::nik, NULL, replace(replace(p.nama, 'U', 'OE'), 'J', 'DJ'),
       p.tanggal_lahir, p.jenis_kelamin, p.kode_wilayah, true
  FROM penduduk p
 WHERE p.kode_wilayah <@ '34.71' AND p.hidup AND p.jenis_kelamin = 'L' AND p.nama ~ 'U' AND p.tanggal_lahir < DATE '1990-01-01'
 ORDER BY p.nik LIMIT 1;
SET ROLE :dinsos_bayi;
SELECT sumber, nik_a, nik_b, round(skor::numeric, 1) AS skor, alasan FROM calon_ganda('34.71') ORDER BY skor DESC LIMIT 5;
RESET ROLE;

CREATE TABLE demo.temuan AS
SELECT f.no_kk, p.nik, p.aturan, p.tingkat, p.keterangan
  FROM keluarga f JOIN rumah_tangga h ON h.id = f.rumah_tangga_id, kk_periksa(f.no_kk, :'bulan1') p
 WHERE h.kode_wilayah <@ '34.71' AND f.status = 'aktif';
SELECT aturan, tingkat, count(*) AS temuan, count(DISTINCT no_kk) AS keluarga FROM demo.temuan GROUP BY 1, 2 ORDER BY 2, 1;
SELECT no_kk, nik, aturan, keterangan FROM demo.temuan WHERE tingkat = 'galat' ORDER BY no_kk LIMIT 3;
SELECT * FROM demo.rencanakan(2, 0.6);
SELECT * FROM demo.desa_ajukan(2);
SELECT * FROM demo.kabkota_proses(2);
SET ROLE kemensos_pusdatin;
UPDATE usulan u SET status = 'dikembalikan', alasan = 'foto rumah tidak sesuai data; mohon verval ulang'
  FROM demo.rencana r
 WHERE r.usulan = u.id AND r.nasib = 'dikembalikan' AND u.status = 'dikirim'
   AND NOT EXISTS (SELECT 1 FROM usulan_riwayat h WHERE h.usulan = u.id AND h.ke = 'dikembalikan');
SELECT * FROM tetapkan(:'bulan2');
RESET ROLE;

\echo
\echo '=== 7. Month 3'
SET dtks.tanggal_acuan = :'bulan3';
SELECT * FROM demo.rencanakan(3, 0.4);
SELECT * FROM demo.desa_ajukan(3);
SELECT * FROM demo.kabkota_proses(3);
SET ROLE kemensos_pusdatin;
UPDATE usulan u SET status = 'dikembalikan', alasan = 'foto rumah tidak sesuai data; mohon verval ulang'
  FROM demo.rencana r
 WHERE r.usulan = u.id AND r.nasib = 'dikembalikan' AND u.status = 'dikirim'
   AND NOT EXISTS (SELECT 1 FROM usulan_riwayat h WHERE h.usulan = u.id AND h.ke = 'dikembalikan');
SELECT * FROM tetapkan(:'bulan3');
RESET ROLE;

\echo
\echo '=== 8. What the analyst sees (the BI views read only aggregates: role dtks_pembaca may read them)'
\echo '--- The months determined'
SELECT to_char(periode, 'YYYY-MM') AS bulan, usulan, keluarga_masuk, keluarga_keluar, anggota_masuk, anggota_keluar,
       program_mulai, skor_dihitung, desil_ulang, pelaku FROM penetapan ORDER BY periode;

\echo
\echo '--- DTKS per kab/kota and month (v_penetapan_bulanan): families, members, share in desil 1-4, programs'
SELECT kode_wilayah AS kode, regexp_replace(nama_wilayah, '^(Kabupaten|Kota)( Administrasi)? ', '') AS kabkota,
       to_char(periode, 'YYYY-MM') AS bulan, keluarga, anggota,
       round(100.0 * (desil_1 + desil_2 + desil_3 + desil_4) / nullif(keluarga, 0), 1) AS "desil_1_4_%",
       program_pkh AS pkh, program_bpnt AS bpnt, program_pbi_jkn AS pbi_jkn, program_pip AS pip, program_kjp_plus AS kjp_plus
  FROM v_penetapan_bulanan WHERE tingkat = 2 ORDER BY kode_wilayah, periode;

\echo
\echo '--- Families per program and province, month by month (v_penetapan_program)'
SELECT program, nama_wilayah AS provinsi,
       sum(keluarga) FILTER (WHERE periode = :'bulan1') AS bulan_1,
       sum(keluarga) FILTER (WHERE periode = :'bulan2') AS bulan_2,
       sum(keluarga) FILTER (WHERE periode = :'bulan3') AS bulan_3
  FROM v_penetapan_program WHERE tingkat = 1 GROUP BY program, kode_wilayah, nama_wilayah ORDER BY program, kode_wilayah;

\echo
\echo '--- What each month changed per province (v_penetapan_perubahan): awal + masuk - keluar = akhir'
SELECT to_char(periode, 'YYYY-MM') AS bulan, nama_wilayah AS provinsi, keluarga_awal AS awal, keluarga_masuk AS masuk,
       keluarga_keluar_meninggal AS "keluar:meninggal", keluarga_keluar_pindah AS "keluar:pindah",
       keluarga_keluar_mampu AS "keluar:mampu", keluarga_keluar_ganda AS "keluar:ganda", keluarga_akhir AS akhir,
       anggota_masuk, anggota_keluar_meninggal AS "anggota_keluar:meninggal", anggota_keluar AS anggota_keluar_semua, anggota_akhir
  FROM v_penetapan_perubahan WHERE tingkat = 1 ORDER BY kode_wilayah, periode;

\echo
\echo '--- The usulan funnel (v_usulan_rekap): where every usulan is now, per kab/kota'
SELECT kode_wilayah AS kode, regexp_replace(nama_wilayah, '^(Kabupaten|Kota)( Administrasi)? ', '') AS kabkota,
       sum(jumlah) AS usulan, sum(ditetapkan) AS ditetapkan, sum(tidak_layak) AS tidak_layak,
       sum(tidak_padan) AS tidak_padan, sum(dikembalikan) AS dikembalikan, sum(dikirim) AS dikirim
  FROM v_usulan_rekap WHERE tingkat = 2 GROUP BY kode_wilayah, nama_wilayah ORDER BY kode_wilayah;
\echo '    and per province and kind (the median days to ditetapkan are ~0 here: the demo runs the three months in minutes)'
SELECT nama_wilayah AS provinsi, jenis, sum(jumlah) AS usulan, sum(ditetapkan) AS ditetapkan, sum(tidak_layak) AS tidak_layak,
       sum(tidak_padan) AS tidak_padan, sum(dikembalikan) AS dikembalikan, max(median_hari_ditetapkan) AS median_hari
  FROM v_usulan_rekap WHERE tingkat = 1 GROUP BY kode_wilayah, nama_wilayah, jenis ORDER BY kode_wilayah, jenis;
\echo '    why usulan were tidak_padan (the Dukcapil matching, per member)'
SELECT temuan, menghalangi, count(*) FROM usulan_temuan GROUP BY 1, 2 ORDER BY 3 DESC;
\echo '    every step and which office took it (the append-only history)'
SELECT dari, ke, peran, count(*) AS langkah FROM usulan_riwayat GROUP BY 1, 2, 3 ORDER BY min(id);

\echo
\echo '--- One family through the months (penetapan_pada: who was in DTKS in a month): PKH in month 1,'
\echo '    a baby in month 2, the father died in month 3 and the mother became kepala keluarga'
SELECT to_char(b.periode, 'YYYY-MM') AS bulan, p.nik, a.nama, p.shdk, p.desil, p.program
  FROM demo.contoh c, (VALUES (DATE :'bulan1'), (DATE :'bulan2'), (DATE :'bulan3')) b(periode),
       penetapan_pada(b.periode, c.desa) p JOIN anggota a ON a.nik = p.nik
 WHERE p.no_kk = c.no_kk ORDER BY b.periode, p.shdk, a.tanggal_lahir;

\echo
\echo '--- The integrity checks in Kota Yogyakarta again, after the fixes were determined (before: above; a dead'
\echo '    kepala keluarga stays until the desa names the new kepala in a perbaikan, which these desa have not done yet)'
SELECT p.aturan, p.tingkat, count(*) AS temuan,
       (SELECT count(*) FROM demo.temuan t WHERE t.aturan = p.aturan) AS sebelumnya
  FROM keluarga f JOIN rumah_tangga h ON h.id = f.rumah_tangga_id, kk_periksa(f.no_kk, :'bulan3') p
 WHERE h.kode_wilayah <@ '34.71' AND f.status = 'aktif' GROUP BY 1, 2 ORDER BY 2, 1;

\echo
\echo '=== 9. Guard rails'
SET ROLE kemensos_pusdatin;
\echo '-- expected error: a month is determined once (23505)'
SELECT * FROM tetapkan(:'bulan3');
\echo '   SQLSTATE' :LAST_ERROR_SQLSTATE
\echo '-- expected error: months are determined in order: not one before the last (DTK04)'
SELECT * FROM tetapkan((DATE :'bulan1' - interval '1 month')::date);
\echo '   SQLSTATE' :LAST_ERROR_SQLSTATE
\echo '-- expected error: nor one beyond the coming month, the one after the reference date (DTK04)'
SELECT * FROM tetapkan('2999-12-01');
\echo '   SQLSTATE' :LAST_ERROR_SQLSTATE
RESET ROLE;
-- a month later (month 4 is the current one), month 5 still waits for month 4: every month is determined in turn
SELECT set_config('dtks.tanggal_acuan', to_char(DATE :'bulan3' + interval '1 month', 'YYYY-MM-DD'), false) AS tanggal_acuan;
SET ROLE kemensos_pusdatin;
\echo '-- expected error: nor one whose previous month is not determined (DTK04)'
SELECT * FROM tetapkan((DATE :'bulan3' + interval '2 months')::date);
\echo '   SQLSTATE' :LAST_ERROR_SQLSTATE
RESET ROLE;
SELECT 'op_' || replace(desa::text, '.', '') AS operator_desa FROM demo.contoh \gset
SET ROLE :operator_desa;
\echo '-- expected error: only the ministry determines a month (42501)'
SELECT * FROM tetapkan((DATE :'bulan3' + interval '1 month')::date);
\echo '   SQLSTATE' :LAST_ERROR_SQLSTATE
RESET ROLE;
