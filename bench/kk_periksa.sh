#!/usr/bin/env bash
# The non-blocking KK checks over a region (dtks.kk_periksa_wilayah) against the same checks called once per KK
# (dtks.kk_periksa in a LATERAL over the region's KKs), in one run, at two sizes of the region.
#
#   bench/kk_periksa.sh [FAMILIES]      # default 4000 families in Kab. Timor Tengah Selatan (53.02)
#
# Uses the database named by the PG* variables (dtks and the region reference loaded: run it on a scratch database;
# it empties the registry at the start).  BENCH_ROUNDS rounds (default 3), BENCH_WILAYAH the kab/kota.
# 1. FAMILIES/4 families (seed 5, with NIK-date, dead-but-member and two-KK faults), then rounds of: the region call,
#    the per-KK calls; both must return the same findings (checked once, EXCEPT ALL both ways).
# 2. FAMILIES families, the same.
# Reports the medians, wilayah / per-KK at each size (target <= 1: the set-based call is never slower than the loop it
# replaces) and how the region call grows with 4x the KKs (linear is about 4; the self-joins it had were about 16).
set -euo pipefail
keluarga=${1:-4000}
putaran=${BENCH_ROUNDS:-3}
wilayah=${BENCH_WILAYAH:-53.02}
psql_q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
kosongkan='SET session_replication_role = replica;
  TRUNCATE dtks.keanggotaan, dtks.keluarga, dtks.anggota, dtks.rumah_tangga, dtks.riwayat_anggota, dtks.riwayat_keluarga,
           dtks.riwayat_rumah_tangga, dtks.riwayat_keanggotaan, dtks.sintetis_galat;'
galat='{"nik_tanggal_beda": 0.02, "meninggal_aktif": 0.01, "dua_kk": 0.005}'
declare -A hasil

for n in $((keluarga / 4)) "$keluarga"; do
  psql_q -c "$kosongkan" -c "SELECT * FROM dtks.sintetis_muat(5, $n, '$wilayah', '$galat')" -P footer=off -P tuples_only=on | grep -v '^$' \
    | sed 's/^/   loaded (households | families | members | faults):/'
  psql_q -c "VACUUM ANALYZE dtks.keanggotaan, dtks.keluarga, dtks.anggota, dtks.rumah_tangga"
  psql -X -q -At -v ON_ERROR_STOP=1 <<SQL | sed 's/^/   /'
CREATE TEMP TABLE wilayah_temuan AS
SELECT no_kk::text, nik::text, aturan, keterangan FROM dtks.kk_periksa_wilayah('$wilayah', DATE '2027-01-01');
CREATE TEMP TABLE per_kk_temuan AS
SELECT f.no_kk::text, p.nik::text, p.aturan, p.keterangan
  FROM dtks.keluarga f CROSS JOIN LATERAL dtks.kk_periksa(f.no_kk, DATE '2027-01-01') p WHERE f.status = 'aktif';
SELECT format('%s families in %s: %s findings by the region call, %s by the per-KK calls, %s differ', $n, '$wilayah',
              (SELECT count(*) FROM wilayah_temuan), (SELECT count(*) FROM per_kk_temuan),
              (SELECT count(*) FROM ((TABLE wilayah_temuan EXCEPT ALL TABLE per_kk_temuan)
                                     UNION ALL (TABLE per_kk_temuan EXCEPT ALL TABLE wilayah_temuan)) x));
SQL
  log=$(for ((p = 1; p <= putaran; p++)); do
    psql -X -q -At -v ON_ERROR_STOP=1 <<SQL
SELECT clock_timestamp() AS t0 \\gset
SELECT count(*) FROM dtks.kk_periksa_wilayah('$wilayah', DATE '2027-01-01') \\gset
SELECT round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000, 1) AS ms \\gset
\\echo wilayah :ms
SELECT clock_timestamp() AS t0 \\gset
SELECT count(*) FROM dtks.keluarga f CROSS JOIN LATERAL dtks.kk_periksa(f.no_kk, DATE '2027-01-01') WHERE f.status = 'aktif' \\gset
SELECT round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000, 1) AS ms \\gset
\\echo per_kk :ms
SQL
  done)
  echo "$log" | awk '{printf "   round: %s %s ms\n", $1, $2}'
  hasil[w$n]=$(echo "$log" | awk '$1 == "wilayah" {print $2}' | median)
  hasil[k$n]=$(echo "$log" | awk '$1 == "per_kk" {print $2}' | median)
  awk -v w="${hasil[w$n]}" -v k="${hasil[k$n]}" -v n="$n" 'BEGIN {
    printf "   %s families: region call %s ms, per-KK calls %s ms, region / per-KK = %.2f   target <= 1   %s\n",
           n, w, k, w / k, (w / k <= 1 ? "PASS" : "MISS") }'
done
kecil=$((keluarga / 4))
awk -v a="${hasil[w$kecil]}" -v b="${hasil[w$keluarga]}" -v c="${hasil[k$kecil]}" -v d="${hasil[k$keluarga]}" 'BEGIN {
  printf "   4x the families: region call x%.1f, per-KK calls x%.1f (linear is about 4)\n", b / a, d / c }'
psql_q -c "$kosongkan"
