#!/usr/bin/env bash
# banding.sh: how fast is the comparison kernel (src/banding.c), against pg_trgm's similarity()?
#
#   bench/banding.sh [PAIRS]          (PAIRS defaults to 1000000)
#
# Runs against the database named by the standard PG* environment variables, which must have
# dtks (and so pg_trgm).  Everything is done in the scratch schema dtks_bench_banding, created at
# the start and dropped at exit.
# 1. Generates PAIRS pairs of name keys (two or three words drawn from common Indonesian names, the
#    second of each pair with the errors of data entry: a letter changed, two swapped, a word
#    dropped or reordered, or another name) and of NIKs (a valid NIK and a typed one: equal, one
#    digit wrong, two swapped, day and month swapped, a digit dropped), seeded by setseed().
# 2. Times, in one psql session with parallel query and JIT off,
#      SELECT count(*) FROM t WHERE <expr> IS NOT NULL
#    for the scan alone, pg_trgm's similarity(a, b) (the baseline), dtks.jaro_winkler,
#    dtks.damerau_levenshtein, dtks.nama_banding on the names and dtks.nik_banding, dtks.nik_jarak
#    on the NIKs, in BENCH_ROUNDS rounds (default 3; the order rotates each round), and reports the
#    median per expression and its ratio to similarity() measured in the same run.
set -euo pipefail
export LC_ALL=C

pairs="${1:-1000000}"
rounds="${BENCH_ROUNDS:-3}"
case "$pairs$rounds" in
  *[!0-9]*) echo "usage: banding.sh [PAIRS]  (PAIRS, BENCH_ROUNDS: positive integers)" >&2; exit 2 ;;
esac
schema=dtks_bench_banding
marker='scratch schema of bench/banding.sh, dropped at exit'
psql_cmd=(psql -X -q -v ON_ERROR_STOP=1)
q() { "${psql_cmd[@]}" -At -c "$1"; }

if [ "$(q "SELECT count(*) FROM pg_extension WHERE extname IN ('dtks', 'pg_trgm')")" != 2 ]; then
  echo "banding.sh: the database needs the dtks and pg_trgm extensions" >&2
  exit 1
fi
if [ "$(q "SELECT coalesce(obj_description(oid, 'pg_namespace') = '$marker', false) FROM pg_namespace WHERE nspname = '$schema'")" = f ]; then
  echo "banding.sh: schema $schema exists and is not this script's scratch schema; not touching it" >&2
  exit 1
fi
cleanup() { "${psql_cmd[@]}" -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true; }
trap cleanup EXIT
trgm="$(q "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'")"
settings="SET max_parallel_workers_per_gather = 0; SET jit = off;"

echo "== dtks comparison kernel benchmark: $pairs pairs, $(q "SELECT split_part(version(), ' on ', 1)"), $(nproc 2>/dev/null || echo '?') CPUs"
"${psql_cmd[@]}" -v pairs="$pairs" -v schema="$schema" -v marker="$marker" <<'SQL'
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS :"schema" CASCADE;
CREATE SCHEMA :"schema";
COMMENT ON SCHEMA :"schema" IS :'marker';
SET search_path = :"schema", pg_catalog;
SELECT setseed(0.19) \g /dev/null
CREATE TABLE kata (i int, k text);
INSERT INTO kata SELECT row_number() OVER (), k FROM unnest(string_to_array(
    'MUHAMAD AHMAD SITI NUR DEWI SRI BUDI AGUS EKO JOKO SUTRISNO SANTOSO HARTONO WAHYUDI SETIAWAN '
    'KURNIAWAN HIDAYAT RAHMAN HASAN AMINAH FATIMAH AISYAH RATNA PUTRI WULANDARI LESTARI SURYANI '
    'SUPRIYADI SUHARTO SUKARNO WIDODO PRABOWO NYOMAN KETUT MADE WAYAN PUTU KADEK YOHANES MARIA '
    'PETRUS PAULUS SIMANJUNTAK SIREGAR NASUTION HARAHAP LUBIS DAENG ANDI RIZKI FAJAR DIAN INDAH', ' ')) k;
-- a name: two or three words; its pair: one of the data-entry errors, or another name
CREATE TABLE nama AS
WITH n AS (
    SELECT g,
           (SELECT string_agg(k.k, ' ') FROM kata k
             WHERE k.i IN (1 + (g * 7919 + 13) % 50, 1 + (g * 104729 + 7) % 50,
                           CASE WHEN g % 3 = 0 THEN 1 + (g * 1299709 + 3) % 50 END)) AS a,
           random() AS r, random() AS r2
      FROM generate_series(1::bigint, :pairs) g)
SELECT g, a,
       CASE floor(r * 6)::int
       WHEN 0 THEN a
       WHEN 1 THEN overlay(a PLACING chr(65 + floor(r2 * 26)::int) FROM 1 + floor(r2 * length(a))::int FOR 1)
       WHEN 2 THEN overlay(a PLACING reverse(substr(a, 2, 2)) FROM 2 FOR 2)
       WHEN 3 THEN split_part(a, ' ', 1)
       WHEN 4 THEN split_part(a, ' ', 2) || ' ' || split_part(a, ' ', 1)
       ELSE (SELECT k.k FROM kata k WHERE k.i = 1 + (g * 31 + 5) % 50) || ' SARI'
       END AS b
  FROM n;
-- a valid NIK and what was typed
CREATE TABLE nik AS
WITH n AS (
    SELECT g, '3471' || lpad((1 + g % 14)::text, 2, '0') || lpad((1 + g % 28 + CASE WHEN g % 2 = 0 THEN 40 ELSE 0 END)::text, 2, '0')
              || lpad((1 + g % 12)::text, 2, '0') || lpad((g % 100)::text, 2, '0') || lpad((1 + g % 9999)::text, 4, '0') AS s,
           random() AS r, random() AS r2
      FROM generate_series(1::bigint, :pairs) g)
SELECT g, s::dtks.nik AS nik,
       CASE floor(r * 5)::int
       WHEN 0 THEN s
       WHEN 1 THEN overlay(s PLACING floor(r2 * 10)::int::text FROM 1 + floor(r2 * 16)::int FOR 1)
       WHEN 2 THEN overlay(s PLACING reverse(substr(s, 12, 2)) FROM 12 FOR 2)
       WHEN 3 THEN substr(s, 1, 6) || substr(s, 9, 2) || substr(s, 7, 2) || substr(s, 11)
       ELSE overlay(s PLACING '' FROM 1 + floor(r2 * 16)::int FOR 1)
       END AS diketik
  FROM n;
VACUUM (FREEZE, ANALYZE) nama, nik;
CREATE TABLE waktu (putaran int, metode text, ms float8, n bigint);
SQL

declare -A expr=(
  [scan_nama]="nama|a"
  [similarity]="nama|$trgm.similarity(a, b)"
  [jaro_winkler]="nama|dtks.jaro_winkler(a, b)"
  [damerau_levenshtein]="nama|dtks.damerau_levenshtein(a, b)"
  [nama_banding]="nama|dtks.nama_banding(a, b)"
  [scan_nik]="nik|diketik"
  [nik_banding]="nik|dtks.nik_banding(diketik, nik)"
  [nik_jarak]="nik|dtks.nik_jarak(diketik, nik)"
)
methods=(scan_nama similarity jaro_winkler damerau_levenshtein nama_banding scan_nik nik_banding nik_jarak)
timing_sql() {
  echo "$settings"
  for ((r = 1; r <= rounds; r++)); do
    for ((k = 0; k < ${#methods[@]}; k++)); do
      m="${methods[$(((k + r - 1) % ${#methods[@]}))]}"
      t="${expr[$m]%%|*}"; e="${expr[$m]#*|}"
      echo "SELECT clock_timestamp() AS t0 \\gset"
      echo "SELECT count(*) AS n FROM $schema.$t WHERE $e IS NOT NULL \\gset"
      echo "INSERT INTO $schema.waktu VALUES ($r, '$m', 1000 * extract(epoch FROM clock_timestamp() - :'t0'::timestamptz), :n);"
    done
  done
}
echo "== timing: $rounds rounds, order rotating; load average before $(cut -d' ' -f1 /proc/loadavg)"
timing_sql | "${psql_cmd[@]}"
echo "   load average after $(cut -d' ' -f1 /proc/loadavg)"
if [ "$(q "SELECT count(*) FROM $schema.waktu WHERE n <> $pairs")" != 0 ]; then
  echo "banding.sh: a timed query did not count all $pairs rows" >&2
  exit 1
fi
echo
echo "== results: median of $rounds rounds, SELECT count(*) FROM t WHERE <expr> IS NOT NULL over $pairs pairs"
"${psql_cmd[@]}" -c "
WITH m AS (SELECT metode, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS ms FROM $schema.waktu GROUP BY metode),
b AS (SELECT (SELECT ms FROM m WHERE metode = 'similarity') AS sim,
             (SELECT ms FROM m WHERE metode = 'scan_nama') AS scan_nama,
             (SELECT ms FROM m WHERE metode = 'scan_nik') AS scan_nik)
SELECT m.metode, round(m.ms::numeric, 1) AS median_ms,
       round((1e6 * m.ms / $pairs)::numeric, 1) AS ns_per_call,
       round((m.ms / b.sim)::numeric, 2) AS per_similarity,
       round(((m.ms - CASE WHEN m.metode LIKE 'nik%' OR m.metode = 'scan_nik' THEN b.scan_nik ELSE b.scan_nama END)
              / nullif(b.sim - b.scan_nama, 0))::numeric, 2) AS per_similarity_net_of_scan
  FROM m, b
 ORDER BY array_position(ARRAY['scan_nama', 'similarity', 'jaro_winkler', 'damerau_levenshtein', 'nama_banding',
                               'scan_nik', 'nik_banding', 'nik_jarak'], m.metode::text)"
echo "   the NIK functions read another table (nik): their net ratio is net of that table's scan"
echo "   class mix of the typed NIKs:"
q "SELECT string_agg(format('%s %s', k, n), ', ' ORDER BY n DESC) FROM (SELECT dtks.nik_banding(diketik, nik) k, count(*) n FROM $schema.nik GROUP BY 1) x" | sed 's/^/     /'
