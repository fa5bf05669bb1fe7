-- The region reference: loading it with scripts/load-wilayah, editions, lookups.  The data is the
-- small fixture in the checkout (test/data/wilayah, cut from ../shared/data by scripts/buat-fixture:
-- the whole country down to kecamatan, and DKI Jakarta, DI Yogyakarta, Kab. Timor Tengah Selatan
-- and Kec. Sentani down to desa), which the later suites use too.
SET search_path = dtks, public;

\setenv PGDATABASE :DBNAME
\! scripts/load-wilayah test/data/wilayah

-- "which editions contain code X" and "what was X called in edition Y" are primary-key lookups
SELECT edisi, nama FROM wilayah_riwayat WHERE kode = '91.01' ORDER BY edisi;
SELECT nama FROM wilayah_riwayat WHERE kode = '93.01' AND edisi = 2025;
EXPLAIN (COSTS OFF) SELECT edisi FROM wilayah_riwayat WHERE kode = '91.01.01';
SELECT kode, nama FROM wilayah WHERE kode = '91.01.01';

-- a NIK keeps its first-registration kecamatan: known in any loaded edition
SELECT n, nik_wilayah_dikenal(n::nik) AS dikenal,
       EXISTS (SELECT 1 FROM wilayah w WHERE w.kode = nik_kode_wilayah(n::nik)) AS di_edisi_terkini
  FROM unnest(ARRAY['3171011708450001', '9101011708450001', '9271011708450001', '9301011708450001',
                    '3199011708450001', '1107090101900001', '1104040101900001', '1107100101900001']) AS n;

-- hierarchy: every parent exists, and containment agrees with the parent chain
SELECT count(*) AS tanpa_induk FROM wilayah w
 WHERE w.induk IS NOT NULL AND NOT EXISTS (SELECT 1 FROM wilayah p WHERE p.kode = w.induk);
SELECT tingkat, count(*) FROM wilayah WHERE kode <@ '34' GROUP BY tingkat ORDER BY tingkat;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT kode, nama FROM wilayah WHERE kode <@ '31.71';
RESET enable_bitmapscan;
SELECT kode, nama FROM wilayah WHERE kode <@ '31.71' AND tingkat = 3 ORDER BY kode;
SELECT kode, nama FROM wilayah WHERE kode @> '31.71.01.1001' ORDER BY kode;
SELECT jenis_desa(kode), count(*) FROM wilayah WHERE tingkat = 4 GROUP BY 1 ORDER BY 1;

-- point in region: the deepest loaded boundary
SELECT tempat, k AS kode, w.nama
  FROM (VALUES ('Monas', wilayah_di_titik(ST_SetSRID(ST_MakePoint(106.8272, -6.1754), 4326))),
               ('Kraton Yogyakarta', wilayah_di_titik(ST_SetSRID(ST_MakePoint(110.3644, -7.8053), 4326))),
               ('Pasar Soe', wilayah_di_titik(ST_SetSRID(ST_MakePoint(124.2779, -9.8611), 4326))),
               ('Gedung Sate, Bandung (kecamatan only)', wilayah_di_titik(ST_SetSRID(ST_MakePoint(107.6186, -6.9025), 4326))),
               ('Samudra Hindia', wilayah_di_titik(ST_SetSRID(ST_MakePoint(100.0, -12.0), 4326)))) AS v(tempat, k)
  LEFT JOIN wilayah w ON w.kode = v.k;
SELECT wilayah_di_titik(ST_SetSRID(ST_MakePoint(106.8272, -6.1754, 10), 4326)) AS titik_z,
       wilayah_di_titik(ST_SetSRID(ST_MakePointM(106.8272, -6.1754, 1), 4326)) AS titik_m;
SELECT wilayah_di_titik(ST_MakePoint(106.8272, -6.1754));
SELECT wilayah_di_titik(ST_Transform(ST_SetSRID(ST_MakePoint(106.8272, -6.1754), 4326), 3857));
SELECT wilayah_di_titik(ST_SetSRID(ST_MakeLine(ST_MakePoint(106.8, -6.1), ST_MakePoint(106.9, -6.1)), 4326));
-- a synthetic location needs a boundary with an area, in WGS 84
SELECT ST_Covers(b, sintetis_titik(b, 1, 1)) AS di_dalam, sintetis_titik(b, 1, 1) = sintetis_titik(b, 1, 1) AS sama
  FROM (SELECT 'SRID=4326;POLYGON((110 -8, 110.5 -8, 110.5 -7.5, 110 -7.5, 110 -8))'::geometry AS b) x;
SELECT sintetis_titik('SRID=4326;POINT(110.37 -7.8)', 1, 1);
SELECT sintetis_titik('SRID=4326;POLYGON EMPTY', 1, 1);
SELECT sintetis_titik('SRID=4326;POLYGON((110 -8, 110.5 -8, NaN -7.5, 110 -7.5, 110 -8))', 1, 1);
SELECT sintetis_titik('SRID=4326;POLYGON((0 0, 10 10, 10 0, 0 10, 0 0))', 1, 1);
SELECT sintetis_titik('SRID=3857;POLYGON((0 0, 1000 0, 1000 1000, 0 1000, 0 0))', 1, 1);

-- a reload replaces what an earlier load put there: codes that vanished go, with their boundaries
\! mkdir -p results/muat_kecil && gzip -dc test/data/wilayah/wilayah.csv.gz | awk -F, 'NR == 1 || $1 ~ /^34/' | gzip > results/muat_kecil/wilayah.csv.gz && cp test/data/wilayah/batas_desa_di_yogyakarta.csv.gz results/muat_kecil/
\! scripts/load-wilayah --edisi-terkini 2026 results/muat_kecil
SELECT min(kode), max(kode) FROM wilayah;
SELECT edisi, terkini, sumber FROM wilayah_edisi;
SELECT nik_wilayah_dikenal('9101011708450001') AS merauke_lama_dikenal;
-- a code still referenced elsewhere cannot vanish: the whole load fails and nothing changes
CREATE TABLE rujukan_uji (kode kode_wilayah REFERENCES wilayah (kode));
INSERT INTO rujukan_uji VALUES ('34.71.09.1002');
\! printf 'kode,nama,level\n34,Daerah Istimewa Yogyakarta,1\n' | gzip > results/muat_kecil/wilayah.csv.gz
\! scripts/load-wilayah results/muat_kecil 2>&1 | sed 's/^psql:.*ERROR/ERROR/'
SELECT count(*) AS kode, count(batas) AS dengan_batas FROM wilayah;
DROP TABLE rujukan_uji;
-- PostGIS is found through its own schema, whatever the caller's search_path
\! PGOPTIONS='-c search_path=pg_catalog' scripts/load-wilayah test/data/wilayah > /dev/null
SELECT count(*) AS kode, count(batas) AS dengan_batas FROM wilayah;

-- a failed load stores nothing of itself and leaves the previous reference in place
\! mkdir -p results/muat_salah && printf 'kode,nama,level\n31,Jakarta,1\n31.00,Salah,2\n' | gzip > results/muat_salah/wilayah.csv.gz
\! scripts/load-wilayah results/muat_salah 2>&1 | sed 's/^psql:.*ERROR/ERROR/'
\! printf 'kode,nama,level\n31,Jakarta,2\n' | gzip > results/muat_salah/wilayah.csv.gz
\! scripts/load-wilayah results/muat_salah 2>&1 | sed 's/^psql:.*ERROR/ERROR/'
\! scripts/load-wilayah results/tidak_ada 2>&1
SELECT count(*) AS kode, count(batas) AS dengan_batas FROM wilayah;
SELECT count(*) AS edisi FROM wilayah_edisi;
