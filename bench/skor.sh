#!/usr/bin/env bash
# The C scorer against the same model written as one SQL expression (dtks.skor_sql), on 1,000,000 families,
# in one session, with identical scores checked; then the desil ranking of those families per kab/kota.
#
#   bench/skor.sh [FAMILIES]      # default 1000000 scored families
#
# Uses the database named by the PG* variables (dtks and the region reference loaded, registry empty: run it on a
# scratch database; it empties the registry at the end).  Data: dtks.sintetis_muat (seed 7) generates about
# FAMILIES/4 families (triggers off: the registry rules are not what is measured), and dtks.skor_masukan gives what
# the scorer reads for each; those rows are repeated four times (each copy its own id) to reach FAMILIES.  The C
# scorer reads them as rows (household, family, kepala, summary); the SQL expression reads the same values from a
# table with one plain column each (SQL at its best).  Model: the shipped dtks-deprivasi-2026.1.
set -euo pipefail
keluarga=${1:-1000000}
putaran=${BENCH_ROUNDS:-5}
versi=dtks-deprivasi-2026.1
psql_q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
kosongkan='SET session_replication_role = replica;
  TRUNCATE dtks.keanggotaan, dtks.keluarga, dtks.anggota, dtks.rumah_tangga, dtks.riwayat_anggota, dtks.riwayat_keluarga,
           dtks.riwayat_rumah_tangga, dtks.riwayat_keanggotaan, dtks.sintetis_galat, dtks.skor_keluarga;'
asli=$(( (keluarga + 3) / 4 ))

echo "== data: $asli generated families (seed 7), each scored 4 times: $keluarga rows"
psql_q -c "$kosongkan" -c "SET session_replication_role = replica" -c "SELECT * FROM dtks.sintetis_muat(7, $asli)" -P footer=off
psql_q <<SQL
DROP SCHEMA IF EXISTS dtks_bench_skor CASCADE;
CREATE SCHEMA dtks_bench_skor;
CREATE TABLE dtks_bench_skor.masukan AS
SELECT (row_number() OVER ())::bigint AS id, x.kode_wilayah, x.rumah_tangga AS h, x.keluarga AS f, x.kepala AS k, x.ringkasan AS r
  FROM dtks.skor_masukan(DATE '2026-01-01') x, generate_series(1, 4) AS salinan
 LIMIT $keluarga;
SQL
# the flat table: one plain column per value the model reads
kolom=$(psql -X -At -c "SELECT string_agg(DISTINCT format('(%s).%I AS %I', CASE sumber WHEN 'rumah_tangga' THEN 'h' WHEN 'keluarga' THEN 'f' ELSE 'k' END,
                                   kolom, CASE sumber WHEN 'rumah_tangga' THEN 'h_' WHEN 'keluarga' THEN 'f_' ELSE 'k_' END || kolom), ', ')
                        FROM dtks.skor_variabel WHERE sumber <> 'ringkasan'")
psql_q -c "CREATE TABLE dtks_bench_skor.rata AS SELECT id, (h).kode_wilayah AS h_kode_wilayah, $kolom, r FROM dtks_bench_skor.masukan" \
       -c "VACUUM ANALYZE dtks_bench_skor.masukan, dtks_bench_skor.rata"
ekspr=$(psql -X -At -c "SELECT dtks.skor_sql('$versi')" | sed -E 's/\b([hfk])\.([a-z_]+)/\1_\2/g')
psql -X -At -c "SELECT format('   %s rows, %s kab/kota; composite table %s, flat table %s', count(*), count(DISTINCT dtks.leluhur(kode_wilayah, 2)),
                  pg_size_pretty(pg_total_relation_size('dtks_bench_skor.masukan')), pg_size_pretty(pg_total_relation_size('dtks_bench_skor.rata')))
                FROM dtks_bench_skor.masukan"

echo "== same scores?"
beda=$(psql -X -At -v ON_ERROR_STOP=1 -c "SELECT count(*) FROM dtks_bench_skor.masukan m JOIN (SELECT id, $ekspr AS s FROM dtks_bench_skor.rata) x USING (id)
                                           WHERE dtks.skor_kesejahteraan(m.h, m.f, m.k, m.r, '$versi') IS DISTINCT FROM x.s")
echo "   rows whose C and SQL scores differ: $beda"

for ((p = 1; p <= putaran; p++)); do
  psql -X -q -v ON_ERROR_STOP=1 <<SQL
SET max_parallel_workers_per_gather = 0; SET jit = off; SET work_mem = '256MB';
SELECT count(*) FROM dtks_bench_skor.masukan WHERE dtks.skor_kesejahteraan(h, f, k, r, '$versi') IS NOT NULL \gset
SELECT clock_timestamp() AS t0 \gset
SELECT sum(dtks.skor_kesejahteraan(h, f, k, r, '$versi')) AS jumlah_c FROM dtks_bench_skor.masukan \gset
SELECT clock_timestamp() AS t1 \gset
SELECT sum($ekspr) AS jumlah_sql FROM dtks_bench_skor.rata \gset
SELECT clock_timestamp() AS t2 \gset
SELECT count(*) FROM (SELECT id, ntile(10) OVER (PARTITION BY dtks.leluhur(kode_wilayah, 2) ORDER BY skor, id) AS desil
                        FROM (SELECT id, kode_wilayah, dtks.skor_kesejahteraan(h, f, k, r, '$versi') AS skor
                                FROM dtks_bench_skor.masukan) s) d \gset
SELECT clock_timestamp() AS t3 \gset
SELECT round(extract(epoch FROM :'t1'::timestamptz - :'t0'::timestamptz) * 1000) AS c,
       round(extract(epoch FROM :'t2'::timestamptz - :'t1'::timestamptz) * 1000) AS s,
       round(extract(epoch FROM :'t3'::timestamptz - :'t2'::timestamptz) * 1000) AS d,
       (:'jumlah_c'::float8 = :'jumlah_sql'::float8) AS sama \gset
\echo MS :c :s :d :sama
SQL
done | tee /tmp/dtks-skor.$$ | sed 's/^/   /'
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
c=$(awk '/^MS/ {print $2}' /tmp/dtks-skor.$$ | median)
s=$(awk '/^MS/ {print $3}' /tmp/dtks-skor.$$ | median)
d=$(awk '/^MS/ {print $4}' /tmp/dtks-skor.$$ | median)
sama=$(awk '/^MS/ && $5 != "t" {print "x"}' /tmp/dtks-skor.$$ | head -1)
echo
echo "== scoring $keluarga families, median of $putaran rounds"
printf '   C scorer               %8s ms\n   SQL CASE expression    %8s ms\n' "$c" "$s"
awk -v c="$c" -v s="$s" 'BEGIN { printf "   SQL / C = %.2f   target >= 3   %s\n", s / c, (s / c >= 3 ? "PASS" : "MISS") }'
echo "   identical scores: $([ "$beda" = 0 ] && [ -z "$sama" ] && echo yes || echo NO)"
echo "   score + desil ranking per kab/kota: $d ms"

echo "== hitung_desil on the registry itself ($asli families, kab/kota scope)"
psql -X -q -v ON_ERROR_STOP=1 <<SQL
SELECT clock_timestamp() AS t0 \gset
SELECT dtks.hitung_desil('kabkota', '$versi', DATE '2026-01-01') AS n \gset
SELECT round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000) AS ms \gset
\echo '   ':n' families scored, ranked and stored in ':ms' ms'
SQL
rm -f /tmp/dtks-skor.$$
psql_q -c "DROP SCHEMA dtks_bench_skor CASCADE" -c "$kosongkan"
[ "$beda" = 0 ] && [ -z "$sama" ]
