#!/usr/bin/env bash
# The floor of a month: the rows a real dtks.tetapkan writes, written again with nothing else, against the month and
# the full copy, in one session.
#
#   BENCH_SIMPAN=1 bench/penetapan.sh        # once: the 1M registry with months 2026-12 ... 2027-12 determined, kept
#   bench/penetapan_lantai.sh                # then, on the same database
#
# Uses the database named by the PG* variables, as left by bench/penetapan.sh with BENCH_SIMPAN=1 (nothing here is
# committed except the next month's usulan, made once if none are waiting).
#   BENCH_ROUNDS    rounds (default 5)
#   BENCH_UBAH      families the month's usulan change (default: 1% of the families, as month 1 of penetapan.sh)
#   BENCH_SET       SQL run at the start of the session (e.g. "SET random_page_cost = 1.1")
#   BENCH_CHECKPOINT=0  no CHECKPOINT before the timed steps (pages already logged since the last one are not written
#                   whole to the WAL again: the cost of the writes without their full-page images)
#
# 1. The month after the last determined one gets usulan for BENCH_UBAH families (bench/penetapan_usulan.sql, as
#    month 1 of penetapan.sh), unless usulan are already waiting for it.
# 2. One untimed tetapkan of that month, rolled back: the rows it wrote per table (pg_stat_xact_user_tables).
# 3. BENCH_ROUNDS rounds in one session, the order of the steps rotating each round, each step after a VACUUM and a
#    CHECKPOINT (as in penetapan.sh; BENCH_CHECKPOINT=0: the VACUUM only):
#      tetapkan  BEGIN; dtks.tetapkan(month); SET CONSTRAINTS ALL IMMEDIATE; ROLLBACK (the time to the check)
#      lantai    BEGIN; triggers off; the rows of step 2 built in temporary tables (untimed; bench/penetapan_lantai.sql);
#                CHECKPOINT; those rows written into the same tables, each a plain INSERT ... SELECT or an UPDATE by
#                primary key (timed); ROLLBACK
#      lantai_unik  the same with every index that is not unique dropped first (inside the transaction): the writes
#                of a design that keeps no secondary index at all
#      salinan   the full copy (bench/penetapan_salinan.sql), CREATE TABLE AS, dropped after
# 4. Medians and ratios: each against the copy (the target of the issue is tetapkan / salinan <= 0.10).
set -euo pipefail
cd "$(dirname "$0")"
putaran=${BENCH_ROUNDS:-5}
atur=${BENCH_SET:-}
cp=$([ "${BENCH_CHECKPOINT:-1}" = 0 ] || echo "CHECKPOINT;")
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
log=$(mktemp /tmp/dtks-lantai.XXXXXX)
trap 'rm -f "$log"' EXIT
salin=$(cat penetapan_salinan.sql)
vakum='VACUUM dtks.usulan, dtks.usulan_riwayat, dtks.penetapan_keluarga, dtks.penetapan_anggota, dtks.penetapan_program,
  dtks.penetapan_agregat, dtks.skor_keluarga, dtks.keanggotaan, dtks.anggota, dtks.keluarga, dtks.rumah_tangga,
  dtks.riwayat_anggota, dtks.riwayat_keanggotaan, dtks.riwayat_keluarga, dtks.riwayat_rumah_tangga;'

bulan=$(psql -X -At -c "SELECT (max(periode) + interval '1 month')::date FROM dtks.penetapan")
[ -n "$bulan" ] || { echo "no month determined yet: run BENCH_SIMPAN=1 bench/penetapan.sh first" >&2; exit 1; }
# the month is determined as on its first day (dtks.tanggal_acuan: none beyond the coming month)
export PGOPTIONS="${PGOPTIONS:-} -c dtks.tanggal_acuan=$bulan"
psql -X -q -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" \
     -c "DROP FUNCTION IF EXISTS dtks_bench_penetapan.lantai_siapkan(date, jsonb), dtks_bench_penetapan.lantai_tulis(date)" \
     -f penetapan_lantai.sql
menunggu=$(psql -X -At -c "SELECT count(*) FROM dtks.usulan WHERE status = 'dikirim' AND periode_penetapan <= '$bulan'")
if [ "$menunggu" = 0 ]; then
  keluarga=$(psql -X -At -c "SELECT count(*) FROM dtks.keluarga WHERE status = 'aktif'")
  ubah=${BENCH_UBAH:-$((keluarga / 100))}
  psql -X -q -At -v ON_ERROR_STOP=1 <<SQL
ALTER TABLE dtks.usulan DISABLE TRIGGER usulan_periksa;
SELECT * FROM dtks_bench_penetapan.buat_usulan(DATE '$bulan', 113, $ubah) \\gset u_
ALTER TABLE dtks.usulan ENABLE TRIGGER usulan_periksa;
\\echo == 1. $bulan: :u_usulan usulan made for $ubah families, :u_anggota members in them
VACUUM ANALYZE dtks.usulan;
SQL
else
  echo "== 1. $bulan: $menunggu usulan already waiting"
fi
psql -X -At -c "SELECT format('   registry: %s members in DTKS (%s), %s families', count(*), max(p.periode), (SELECT count(*) FROM dtks.keluarga WHERE status = 'aktif'))
                  FROM dtks.keanggotaan m, (SELECT max(periode) AS periode FROM dtks.penetapan) p WHERE upper_inf(m.berlaku)"

echo "== 2. the rows tetapkan('$bulan') writes (one untimed run, rolled back)"
n=$(psql -X -q -At -v ON_ERROR_STOP=1 <<SQL
SET jit = off; $atur
BEGIN;
SELECT * FROM dtks.tetapkan('$bulan') \\g /dev/null
SET CONSTRAINTS ALL IMMEDIATE;
SELECT jsonb_object_agg(relname, jsonb_build_array(n_tup_ins, n_tup_upd) ORDER BY relname)
  FROM pg_stat_xact_user_tables
 WHERE schemaname = 'dtks' AND n_tup_ins + n_tup_upd > 0 AND relname <> 'registri_tertunda';
ROLLBACK;
SQL
)
echo "   $n" | sed 's/\], /],\n    /g'
echo "   in all: $(psql -X -At -c "SELECT sum((e.value ->> 0)::bigint + (e.value ->> 1)::bigint) FROM jsonb_each('$n') e") rows"
# the indexes a design without secondary ones would still keep: primary keys and unique indexes
tanpa_indeks=$(psql -X -At -c "SELECT 'DROP INDEX ' || string_agg(i.indexrelid::regclass::text, ', ') || ';'
                                FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
                               WHERE c.relnamespace = 'dtks'::regnamespace AND c.relname IN (SELECT jsonb_object_keys('$n'))
                                 AND NOT i.indisunique")

echo "== 3. $putaran rounds, one session"
langkah=(tetapkan lantai lantai_unik salinan)
{
  echo "SET jit = off; SET search_path = public, dtks; $atur"
  for ((p = 1; p <= putaran; p++)); do
    for ((j = 0; j < 4; j++)); do
      v=${langkah[$(((p + j) % 4))]}
      echo "$vakum"
      case $v in
        tetapkan)
          echo "$cp SELECT clock_timestamp() AS t0 \\gset"
          echo "BEGIN; SELECT * FROM dtks.tetapkan('$bulan') \\g /dev/null"
          echo "SET CONSTRAINTS ALL IMMEDIATE;"
          echo "SELECT round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000) AS ms \\gset"
          echo "ROLLBACK; \\echo MS $p tetapkan :ms" ;;
        lantai | lantai_unik)
          echo "BEGIN; SET LOCAL session_replication_role = replica;"
          [ "$v" = lantai_unik ] && echo "$tanpa_indeks"
          echo "SELECT dtks_bench_penetapan.lantai_siapkan('$bulan', '$n') \\g /dev/null"
          echo "$cp SELECT clock_timestamp() AS t0 \\gset"
          echo "SELECT dtks_bench_penetapan.lantai_tulis('$bulan') AS baris \\gset"
          echo "SELECT round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000) AS ms \\gset"
          echo "SELECT string_agg(bagian || '=' || round(ms), ' ' ORDER BY bagian) AS bagian
                  FROM (SELECT bagian, sum(ms) AS ms FROM pg_temp.lantai_waktu GROUP BY 1) x \\gset"
          echo "ROLLBACK;"
          echo "\\echo MS $p $v :ms :baris"
          echo "\\echo BAGIAN $p $v :bagian" ;;
        salinan)
          echo "$cp SELECT clock_timestamp() AS t0 \\gset"
          echo "CREATE TABLE dtks_bench_penetapan.salinan_lantai AS $salin;"
          echo "SELECT round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000) AS ms \\gset"
          echo "DROP TABLE dtks_bench_penetapan.salinan_lantai; \\echo MS $p salinan :ms" ;;
      esac
    done
  done
} | psql -X -q -v ON_ERROR_STOP=1 | tee "$log" | sed 's/^/   /'

echo
echo "== medians of $putaran rounds, against the full copy"
s=$(awk '$1 == "MS" && $3 == "salinan" {print $4}' "$log" | median)
for v in tetapkan lantai lantai_unik salinan; do
  m=$(awk -v v="$v" '$1 == "MS" && $3 == v {print $4}' "$log" | median)
  case $v in
    tetapkan) apa="tetapkan('$bulan'), the month (target <= 0.10 of the copy)" ;;
    lantai) apa="its rows written with nothing else (the floor)" ;;
    lantai_unik) apa="the floor with no index but unique ones" ;;
    salinan) apa="full copy of the active members" ;;
  esac
  awk -v a="$apa" -v m="$m" -v s="$s" 'BEGIN { printf "   %-62s %7d ms   %5.2f of the copy\n", a, m, m / s }'
done
echo "   the floor by part of the month (median ms; share of the copy):"
for v in lantai lantai_unik; do
  awk -v v="$v" -v s="$s" '
    $1 == "BAGIAN" && $3 == v { for (i = 4; i <= NF; i++) { split($i, a, "="); n[a[1]]++; x[a[1], n[a[1]]] = a[2] } }
    END { line = sprintf("   %-12s", v)
          for (b in n) { m = n[b]; for (i = 1; i <= m; i++) y[i] = x[b, i]
                         for (i = 2; i <= m; i++) { t = y[i]; for (j = i - 1; j >= 1 && y[j] > t; j--) y[j + 1] = y[j]; y[j + 1] = t }
                         line = line sprintf("  %s %d (%.2f)", b, y[int((m + 1) / 2)], y[int((m + 1) / 2)] / s) }
          print line }' "$log"
done
