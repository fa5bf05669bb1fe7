#!/usr/bin/env bash
# Point to region at scale (issue 20): the query of dtks.wilayah_di_titik on the subdivided boundaries
# (dtks.wilayah_batas_bagian) against the same query with ST_Covers on the plain polygons of dtks.wilayah (what
# the function did before), each a subquery per point over the same points, one session, each timed over the
# whole set; and whether every answer is the same; and the function itself (its call adds a fixed cost).
#
#   bench/titik.sh [TITIK]      # default 1000000
#
# Points: each in the bounding box of a kab/kota drawn at random (seeded), so most fall on land and the desa
# boundaries of DKI Jakarta, DI Yogyakarta and Kab. Timor Tengah Selatan are hit in proportion.  Uses the
# database named by the PG* variables (dtks installed, ../shared/data loaded by scripts/load-wilayah).
# Target of issue 20: at least 5x, identical answers.
set -euo pipefail
n=${1:-1000000}
psql -X -q -v ON_ERROR_STOP=1 <<SQL
SET jit = off;
SELECT setseed(0.2026);
CREATE TEMP TABLE kab AS SELECT row_number() OVER (ORDER BY kode) AS i, ST_Envelope(batas) AS kotak
  FROM dtks.wilayah WHERE tingkat = 2 AND batas IS NOT NULL;
CREATE TEMP TABLE titik AS
SELECT g, ST_SetSRID(ST_MakePoint(ST_XMin(k.kotak) + random() * (ST_XMax(k.kotak) - ST_XMin(k.kotak)),
                                  ST_YMin(k.kotak) + random() * (ST_YMax(k.kotak) - ST_YMin(k.kotak))), 4326) AS t
  FROM (SELECT g, 1 + floor(random() * (SELECT count(*) FROM kab))::int AS i FROM generate_series(1, $n) g) s
  JOIN kab k USING (i);
ANALYZE titik;
SELECT clock_timestamp() AS t0 \gset
CREATE TEMP TABLE polos AS
SELECT t.g, (SELECT w.kode FROM dtks.wilayah w WHERE ST_Covers(w.batas, t.t)
              ORDER BY w.tingkat DESC, ST_Area(w.batas), w.kode LIMIT 1) AS kode FROM titik t;
SELECT extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) AS polos_s \gset
SELECT clock_timestamp() AS t0 \gset
-- the body of dtks.wilayah_di_titik, as the plain query is run (a subquery per point, no function call around it)
CREATE TEMP TABLE bagian AS
SELECT t.g, (SELECT b.kode FROM dtks.wilayah_batas_bagian b WHERE ST_Covers(b.bagian, t.t)
              ORDER BY b.tingkat DESC, b.luas, b.kode LIMIT 1) AS kode FROM titik t;
SELECT extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) AS bagian_s \gset
-- the floor: the same lookup on the pieces' boxes alone (the index probe and the subquery, no exact test)
SELECT clock_timestamp() AS t0 \gset
CREATE TEMP TABLE kotak AS
SELECT t.g, (SELECT b.kode FROM dtks.wilayah_batas_bagian b WHERE b.bagian && t.t
              ORDER BY b.tingkat DESC, b.luas, b.kode LIMIT 1) AS kode FROM titik t;
SELECT extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) AS kotak_s \gset
SELECT format('   floor (boxes only, no exact test): %s s (%s us a point); plain / floor = %sx',
              round(:kotak_s::numeric, 1), round(:kotak_s * 1e6 / $n), round((:polos_s / :kotak_s)::numeric, 2)) \g (tuples_only)
SELECT format('   %s points: plain polygons %s s (%s us a point), subdivided %s s (%s us); plain / subdivided = %sx (target >= 5: %s)',
              $n, round(:polos_s::numeric, 1), round(:polos_s * 1e6 / $n), round(:bagian_s::numeric, 1),
              round(:bagian_s * 1e6 / $n), round((:polos_s / :bagian_s)::numeric, 2),
              CASE WHEN :polos_s / :bagian_s >= 5 THEN 'PASS' ELSE 'MISS' END) \g (tuples_only)
SELECT clock_timestamp() AS t0 \gset
SELECT count(dtks.wilayah_di_titik(t.t)) FROM titik t \gset
SELECT format('   dtks.wilayah_di_titik itself: %s us a point', round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1e6 / $n)) \g (tuples_only)
SELECT format('   answers: %s the same, %s different, %s on land (a region), %s nowhere',
              count(*) FILTER (WHERE p.kode::text IS NOT DISTINCT FROM b.kode::text), count(*) FILTER (WHERE p.kode::text IS DISTINCT FROM b.kode::text),
              count(p.kode), count(*) FILTER (WHERE p.kode IS NULL))
  FROM polos p JOIN bagian b USING (g) \g (tuples_only)
SQL
