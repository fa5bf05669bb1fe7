#!/usr/bin/env bash
# Bulk load of registry members with every integrity trigger on, against a plain COPY of the same rows
# into the same tables with triggers off (session_replication_role = replica), in one run.
#
#   bench/muat_massal.sh [FAMILIES]      # default 270000 families, about 1,000,000 members
#
# Uses the database named by the PG* variables; it must have dtks and the region reference loaded, and an
# empty registry (the script empties it between runs: run it on a scratch database).  The rows come from
# dtks.sintetis_muat (seed 1) and are exported once to files in a temporary directory.
set -euo pipefail
keluarga=${1:-270000}
putaran=${BENCH_ROUNDS:-3}
dir=$(mktemp -d /tmp/dtks-muat.XXXXXX)
trap 'rm -rf "$dir"' EXIT
chmod 777 "$dir"
psql_q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

kosongkan='SET session_replication_role = replica;
  TRUNCATE dtks.keanggotaan, dtks.keluarga, dtks.anggota, dtks.rumah_tangga, dtks.riwayat_anggota, dtks.riwayat_keluarga, dtks.riwayat_rumah_tangga, dtks.riwayat_keanggotaan, dtks.sintetis_galat;'

echo "== generating $keluarga families (seed 1)"
psql_q -c "$kosongkan" -c "SELECT * FROM dtks.sintetis_muat(1, $keluarga)" -P footer=off
for t in anggota rumah_tangga keluarga keanggotaan; do
  psql_q -c "\\copy dtks.$t TO '$dir/$t.copy'"
done
anggota=$(psql -X -At -c "SELECT count(*) FROM dtks.anggota")
echo "   $anggota members; files: $(du -sh "$dir" | cut -f1)"

# one timed load: COPY the four tables in one transaction (commit included), in ms
muat() {
  local awal="$1"
  psql_q -c "$kosongkan" >/dev/null
  psql -X -q -v ON_ERROR_STOP=1 <<SQL | tail -1
\\set QUIET on
$awal
SELECT clock_timestamp() AS mulai \\gset
BEGIN;
\\copy dtks.anggota FROM '$dir/anggota.copy'
\\copy dtks.rumah_tangga FROM '$dir/rumah_tangga.copy'
\\copy dtks.keluarga FROM '$dir/keluarga.copy'
\\copy dtks.keanggotaan FROM '$dir/keanggotaan.copy'
COMMIT;
SELECT round(extract(epoch FROM clock_timestamp() - :'mulai'::timestamptz) * 1000) AS ms \\gset
RESET session_replication_role;
\\echo :ms
SQL
}

declare -A waktu
for ((r = 1; r <= putaran; r++)); do
  waktu[polos]+="$(muat 'SET session_replication_role = replica;') "
  waktu[integritas]+="$(muat 'ALTER TABLE dtks.anggota DISABLE TRIGGER riwayat_insert; ALTER TABLE dtks.rumah_tangga DISABLE TRIGGER riwayat_insert; ALTER TABLE dtks.keluarga DISABLE TRIGGER riwayat_insert; ALTER TABLE dtks.keanggotaan DISABLE TRIGGER riwayat_insert;') "
  psql_q -c "ALTER TABLE dtks.anggota ENABLE TRIGGER riwayat_insert; ALTER TABLE dtks.rumah_tangga ENABLE TRIGGER riwayat_insert;
             ALTER TABLE dtks.keluarga ENABLE TRIGGER riwayat_insert; ALTER TABLE dtks.keanggotaan ENABLE TRIGGER riwayat_insert;"
  waktu[semua]+="$(muat '') "
  echo "   round $r/$putaran (ms): plain $(echo ${waktu[polos]} | awk '{print $NF}') integrity $(echo ${waktu[integritas]} | awk '{print $NF}') all $(echo ${waktu[semua]} | awk '{print $NF}')"
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
p=$(echo "${waktu[polos]}" | median); i=$(echo "${waktu[integritas]}" | median); s=$(echo "${waktu[semua]}" | median)
echo
echo "== bulk load of $anggota members (4 tables, one transaction, commit included), median of $putaran"
printf '   %-52s %8s ms\n' "plain COPY, triggers off (baseline)" "$p" \
  "COPY with the integrity triggers (rules 0-5)" "$i" "COPY with integrity triggers and history" "$s"
awk -v p="$p" -v i="$i" -v s="$s" 'BEGIN {
  printf "   integrity / plain = %.2f   target <= 1.5   %s\n", i / p, (i / p <= 1.5 ? "PASS" : "MISS");
  printf "   with history / plain = %.2f (informational)\n", s / p }'
psql_q -c "$kosongkan"
