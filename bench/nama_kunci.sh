#!/usr/bin/env bash
# nama_kunci.sh: how fast is dtks.nama_kunci on realistic names?
#
#   bench/nama_kunci.sh [ROWS]          (ROWS defaults to 1000000)
#
# Runs against the database named by the standard PG* environment variables,
# which must have the dtks extension, in the scratch schema dtks_bench (dropped
# at exit).  Makes ROWS names from a seeded mix of given names, family names,
# titles and degrees (old spelling, Muhammad forms, dotted and undotted degrees),
# then times, in one session with parallel query and JIT off,
#   SELECT count(*) FROM t WHERE <expr> IS NOT NULL
# for <expr> = nama (the scan alone) and dtks.nama_kunci(nama), BENCH_ROUNDS
# rounds (default 5), and prints the medians and the cost per call of the key.
set -euo pipefail
export LC_ALL=C
rows="${1:-1000000}"
rounds="${BENCH_ROUNDS:-5}"
psql -X -q -v ON_ERROR_STOP=1 <<SQL
DROP SCHEMA IF EXISTS dtks_bench CASCADE;
CREATE SCHEMA dtks_bench;
SELECT setseed(0.19);
CREATE TABLE dtks_bench.t AS
SELECT concat_ws(' ',
         (ARRAY['', '', '', 'H.', 'Hj.', 'Drs.', 'Ir. H.', 'dr.', 'Pdt.', 'Ust.', 'Prof. Dr.'])[1 + floor(random() * 11)::int],
         (ARRAY['Muhammad', 'Moch.', 'Achmad', 'Siti', 'Budi', 'Soeharto', 'Djoko', 'Tjahjo', 'Yusuf', 'I Ketut',
                'Ni Made', 'Andi', 'Yohanes', 'Maria', 'Agus', 'Dewi', 'Sri', 'Wahju', 'Nyoman', 'Rina'])[1 + floor(random() * 20)::int],
         (ARRAY['Santoso', 'Susanto', 'Tanjoeng', 'Rahayu', 'Hidayat', 'Nenobais', 'Simanjuntak', 'Lestari', 'Setiawan',
                'Purnomo', 'Koesoemo', 'Wijaya', 'Kurniawan', 'Saputra', 'Nasution'])[1 + floor(random() * 15)::int],
         (ARRAY['', '', '', '', 'S.Pd.', 'SE', ', S.H., M.H.', 'A.Md.Kep.', 'S.Kom', 'M.Si'])[1 + floor(random() * 10)::int])
       AS nama
FROM generate_series(1, $rows);
VACUUM ANALYZE dtks_bench.t;
SQL
cat >/tmp/nama_kunci_bench.$$.sql <<SQL
SET max_parallel_workers_per_gather = 0;
SET jit = off;
\timing on
SQL
for r in $(seq "$rounds"); do
  echo "SELECT count(*) FROM dtks_bench.t WHERE nama IS NOT NULL;" >>/tmp/nama_kunci_bench.$$.sql
  echo "SELECT count(*) FROM dtks_bench.t WHERE dtks.nama_kunci(nama) IS NOT NULL;" >>/tmp/nama_kunci_bench.$$.sql
done
psql -X -q -f /tmp/nama_kunci_bench.$$.sql | awk '/^Time:/ { print $2 }' >/tmp/nama_kunci_bench.$$.t
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ms=$(awk 'NR % 2 == 1' /tmp/nama_kunci_bench.$$.t | median)
mk=$(awk 'NR % 2 == 0' /tmp/nama_kunci_bench.$$.t | median)
awk -v ms="$ms" -v mk="$mk" -v rows="$rows" -v rounds="$rounds" 'BEGIN {
  printf "scan median %.0f ms, nama_kunci median %.0f ms, key %.0f ns per call (%d rows, %d rounds)\n",
    ms, mk, (mk - ms) * 1e6 / rows, rows, rounds }'
rm -f /tmp/nama_kunci_bench.$$.t
rm -f /tmp/nama_kunci_bench.$$.sql
psql -X -q -c "DROP SCHEMA dtks_bench CASCADE"
