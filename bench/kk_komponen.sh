#!/usr/bin/env bash
# dtks.kk_komponen() (union-find in C) against a recursive CTE computing the same connected components
# of families on the same data, in one session; the two results are compared row for row.
#
#   bench/kk_komponen.sh [FAMILIES]      # default 270000 families, about 1,000,000 members
#
# Uses the database named by the PG* variables (dtks and the region reference loaded, registry empty:
# run it on a scratch database; it empties the registry at the end).  Data: dtks.sintetis_muat (seed 5),
# then 8% of people move to another family at a date (their old membership closed, a new one opened),
# which links families across time as pecah KK and moves do.
set -euo pipefail
keluarga=${1:-270000}
putaran=${BENCH_ROUNDS:-3}
psql_q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
kosongkan='SET session_replication_role = replica;
  TRUNCATE dtks.keanggotaan, dtks.keluarga, dtks.anggota, dtks.rumah_tangga, dtks.riwayat_anggota, dtks.riwayat_keluarga, dtks.riwayat_rumah_tangga, dtks.riwayat_keanggotaan, dtks.sintetis_galat;'

echo "== data: $keluarga families (seed 5), 8% of people moved once"
psql_q -c "$kosongkan" -c "SELECT * FROM dtks.sintetis_muat(5, $keluarga)" -P footer=off
psql_q <<SQL
SET session_replication_role = replica;
CREATE TEMP TABLE kk_nomor AS SELECT (row_number() OVER (ORDER BY no_kk))::int AS i, no_kk FROM dtks.keluarga;
CREATE TEMP TABLE pindah AS
SELECT m.id, m.nik, m.shdk, k.no_kk AS tujuan
  FROM dtks.keanggotaan m
  JOIN kk_nomor k ON k.i = 1 + (dtks.sintetis_acak(5, m.id, 90) * ($keluarga - 1))::int
 WHERE m.shdk <> 1 AND dtks.sintetis_acak(5, m.id, 91) < 0.08;
UPDATE dtks.keanggotaan m SET berlaku = daterange(lower(m.berlaku), DATE '2025-07-01')
  FROM pindah p WHERE p.id = m.id AND lower(m.berlaku) < DATE '2025-07-01';
INSERT INTO dtks.keanggotaan (nik, no_kk, shdk, berlaku)
SELECT p.nik, p.tujuan, 4, daterange(DATE '2025-07-01', NULL) FROM pindah p
  JOIN dtks.keanggotaan m ON m.id = p.id AND upper(m.berlaku) = DATE '2025-07-01';
ANALYZE dtks.keanggotaan, dtks.keluarga;
SQL
psql -X -At -c "SELECT format('   %s members, %s memberships, %s families', (SELECT count(*) FROM dtks.anggota), (SELECT count(*) FROM dtks.keanggotaan), (SELECT count(*) FROM dtks.keluarga))"

for ((r = 1; r <= putaran; r++)); do
  psql -X -q -v ON_ERROR_STOP=1 <<'SQL'
SET max_parallel_workers_per_gather = 0; SET jit = off; SET work_mem = '256MB';
SELECT clock_timestamp() AS t0 \gset
CREATE TEMP TABLE hasil_c AS SELECT * FROM dtks.kk_komponen();
SELECT clock_timestamp() AS t1 \gset
CREATE TEMP TABLE hasil_cte AS
WITH RECURSIVE
    tepi AS (SELECT a.no_kk AS x, b.no_kk AS y FROM dtks.keanggotaan a
               JOIN dtks.keanggotaan b ON b.nik OPERATOR(dtks.=) a.nik AND b.no_kk OPERATOR(dtks.<>) a.no_kk
             UNION
             SELECT a.no_kk, b.no_kk FROM dtks.keluarga a
               JOIN dtks.keluarga b ON b.rumah_tangga_id = a.rumah_tangga_id AND b.no_kk OPERATOR(dtks.<>) a.no_kk),
    jangkau (kk, akar) AS (SELECT f.no_kk, f.no_kk FROM dtks.keluarga f
                           UNION
                           SELECT t.y, j.akar FROM jangkau j JOIN tepi t ON t.x OPERATOR(dtks.=) j.kk),
    label AS (SELECT kk AS no_kk, dtks.min(akar) AS komponen FROM jangkau GROUP BY kk)
SELECT no_kk, komponen, (count(*) OVER (PARTITION BY komponen))::int AS ukuran FROM label;
SELECT clock_timestamp() AS t2 \gset
SELECT (SELECT count(*) FROM hasil_c) AS n_c, (SELECT count(*) FROM hasil_cte) AS n_cte,
       (SELECT count(*) FROM hasil_c c FULL JOIN hasil_cte e ON e.no_kk OPERATOR(dtks.=) c.no_kk
         WHERE e.no_kk IS NULL OR c.no_kk IS NULL OR e.komponen OPERATOR(dtks.<>) c.komponen OR e.ukuran <> c.ukuran) AS beda,
       (SELECT count(DISTINCT komponen) FROM hasil_c) AS komponen, (SELECT max(ukuran) FROM hasil_c) AS terbesar \gset
\echo ROUND :n_c :n_cte :beda :komponen :terbesar
SELECT round(extract(epoch FROM :'t1'::timestamptz - :'t0'::timestamptz) * 1000) AS c,
       round(extract(epoch FROM :'t2'::timestamptz - :'t1'::timestamptz) * 1000) AS cte \gset
\echo MS :c :cte
SQL
done | tee /tmp/dtks-kk-komponen.$$ | sed 's/^/   /'
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
berkas=/tmp/dtks-kk-komponen.$$
c=$(awk '/^MS/ {print $2}' "$berkas" | median)
e=$(awk '/^MS/ {print $3}' "$berkas" | median)
read -r n n_cte beda komponen terbesar < <(awk '/^ROUND/ {print $2, $3, $4, $5, $6}' "$berkas" | tail -1)
buruk=$(awk '/^ROUND/ && ($4 != 0 || $2 != $3) {print "x"}' "$berkas" | head -1)
echo
echo "== kk_komponen on $n families ($komponen components, largest $terbesar), median of $putaran rounds"
printf '   union-find in C        %8s ms\n   recursive CTE          %8s ms\n' "$c" "$e"
awk -v c="$c" -v e="$e" 'BEGIN { printf "   CTE / C = %.1f   target >= 20   %s\n", e / c, (e / c >= 20 ? "PASS" : "MISS") }'
if [ -z "$buruk" ]; then echo "   same result: yes (every KK, its component and the component size are equal)"; else echo "   same result: NO"; fi
[ -z "$buruk" ]
rc=$?
rm -f /tmp/dtks-kk-komponen.$$
psql_q -c "$kosongkan"
exit $rc
