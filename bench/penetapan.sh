#!/usr/bin/env bash
# The monthly penetapan against a full monthly copy, and the dashboard series read from the maintained figures.
#
#   bench/penetapan.sh [FAMILIES]      # default 270000 families, about 1,000,000 members
#
# Uses the database named by the PG* variables (dtks and the region reference loaded: run it on a scratch database;
# it empties the registry, the usulan and the penetapan tables at the start and, unless BENCH_SIMPAN=1, at the end).
#   BENCH_ROUNDS    rounds of month 1 (default 5)
#   BENCH_UBAH      families changed in month 1 (default FAMILIES/100, about 1% of the members); with the default
#                   changed at a larger FAMILIES, it shows what the month costs when only the registry grows
#   BENCH_WILAYAH   region of the generated families (default: every desa of the country)
#   BENCH_SET       SQL run at the start of every timed session (e.g. "SET random_page_cost = 1.1")
#   BENCH_BULAN0_SEQSCAN=off  month 0 without sequential scans (it was the workaround for a quadratic first month,
#                   fixed since; default on)
#
# 1. Data: dtks.sintetis_muat (seed 21, triggers off), ANALYZE.
# 2. Month 0 (2026-12): bansos usulan for 8% (PKH) and 12% (BPNT) of the families, then dtks.tetapkan: the first
#    month takes the whole registry as the base and ranks everyone (timed, commit included; not the target).
# 3. Month 1 (2027-01): usulan for FAMILIES/100 families (BENCH_UBAH), their members about 1% of all (bench/penetapan_usulan.sql:
#    house perbaikan that move the score, newborns, whole-family and member penghentian, bansos, baru families).
#    Benchmark shortcut: the usulan are inserted directly in status dikirim with periode_penetapan set, with the
#    state-machine trigger dtks.usulan_periksa disabled around that INSERT (setup, not timed); it is on again for
#    the penetapan, which moves them dikirim -> ditetapkan.
# 4. Timed, BENCH_ROUNDS rounds in one session, order alternating each round:
#      tetapkan  BEGIN; dtks.tetapkan('2027-01-01'); SET CONSTRAINTS ALL IMMEDIATE (the registry's commit-time check,
#                run now); ROLLBACK.  A month can be determined once, and its work is all transactional, so each
#                round redoes the same month from the same state; the last round is the real one, ended by COMMIT
#                (timed to the end of the commit).
#      salinan   the baseline, what a system without validity periods does every month: CREATE TABLE AS a snapshot
#                of every active member with its family, region, household, SHDK, sex, birth date, latest national
#                desil and score and current programs (the columns of dtks.penetapan_pada), read from the registry
#                (committed; dropped after, untimed).
#    Before each timed step: VACUUM of the tables involved and CHECKPOINT (untimed), so that rounds start alike.
#    Reports every round, the medians, tetapkan / salinan (target <= 0.10), the rows each wrote, tetapkan's row, and
#    where tetapkan's time went: each PL/pgSQL function's and trigger's self time (track_functions = pl, superuser).
# 5. Months 2-12 (2027-02 ... 2027-12): usulan for FAMILIES/500 families each, each month's tetapkan timed (commit
#    included).  Then the dashboard query (one kab/kota's 12-month series from dtks.v_penetapan_bulanan, the kab/kota
#    with the most members) 50 times: median and max (target < 50 ms), and EXPLAIN ANALYZE once.
#    Then the other reads a BI tool makes of 2027-12 (every kab/kota, a province's and a kab/kota's desa, every desa,
#    the changes, the programs, the usulan funnel), 10 runs each: median and max (no target; reported).
# 6. Cross-check: the maintained figures in force in 2027-12 (dtks.penetapan_agregat_bulan) against a recount from dtks.penetapan_pada('2027-12-01'), every
#    region at every level, every figure (families, members, households, desil, sex, age bands, programs); and
#    dtks.penetapan_pada('2027-12-01') against the registry after the last month, member by member, every column.
set -euo pipefail
cd "$(dirname "$0")"
keluarga=${1:-270000}
putaran=${BENCH_ROUNDS:-5}
ubah=${BENCH_UBAH:-$((keluarga / 100))}
wilayah=${BENCH_WILAYAH:-}
atur=${BENCH_SET:-}
# the months 2026-12 .. 2027-12 are determined as on 2027-12-01 (dtks.tanggal_acuan: none beyond the coming month)
export PGOPTIONS="${PGOPTIONS:-} -c dtks.tanggal_acuan=2027-12-01"
psql_q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
log=$(mktemp /tmp/dtks-penetapan.XXXXXX)
# a read timed N times in one session after one warm-up run, every row sent to psql (unaligned): the ms of each run in $log
kali() {
  {
    echo "SET jit = off; $atur"
    echo "$2 \\g /dev/null"
    for ((i = 1; i <= $1; i++)); do
      echo "SELECT clock_timestamp() AS t0 \\gset"
      echo "$2 \\g /dev/null"
      echo "SELECT round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000, 2) AS ms \\gset"
      echo "\\echo KALI :ms"
    done
  } | psql -X -q -A -v ON_ERROR_STOP=1 | awk '$1 == "KALI" {print $2}' > "$log"
}
trap 'rm -f "$log"' EXIT
kosongkan='SET session_replication_role = replica;
  TRUNCATE dtks.penetapan, dtks.penetapan_desil_batas, dtks.penetapan_keluarga, dtks.penetapan_anggota,
           dtks.penetapan_program, dtks.penetapan_agregat, dtks.usulan, dtks.usulan_riwayat, dtks.usulan_temuan,
           dtks.keanggotaan, dtks.keluarga, dtks.anggota, dtks.rumah_tangga, dtks.riwayat_anggota, dtks.riwayat_keluarga,
           dtks.riwayat_rumah_tangga, dtks.riwayat_keanggotaan, dtks.sintetis_galat, dtks.skor_keluarga RESTART IDENTITY;'
vakum='VACUUM dtks.usulan, dtks.usulan_riwayat, dtks.penetapan_keluarga, dtks.penetapan_anggota, dtks.penetapan_program,
  dtks.penetapan_agregat, dtks.skor_keluarga, dtks.keanggotaan, dtks.anggota, dtks.keluarga, dtks.rumah_tangga;'
# usulan of a month (setup): the state-machine trigger off around the INSERT only
usulan() {
  psql -X -q -At -v ON_ERROR_STOP=1 <<SQL
ALTER TABLE dtks.usulan DISABLE TRIGGER usulan_periksa;
SELECT * FROM dtks_bench_penetapan.buat_usulan(DATE '$1', $2, $3) \\gset u_
SELECT format('%s usulan (%s), %s families, %s members in them', :'u_usulan',
              (SELECT string_agg(j || ' ' || c, ', ' ORDER BY j)
                 FROM (SELECT jenis || coalesce('/' || coalesce(alasan_penghentian, program), '') AS j, count(*) AS c
                         FROM dtks.usulan WHERE status = 'dikirim' GROUP BY 1) x), :'u_keluarga', :'u_anggota');
ALTER TABLE dtks.usulan ENABLE TRIGGER usulan_periksa;
VACUUM ANALYZE dtks.usulan;
SQL
}
ringkas="format('usulan %s, families in %s out %s, members in %s out %s, programs started %s ended %s, scored %s, re-ranked %s',
                :'r_usulan', :'r_keluarga_masuk', :'r_keluarga_keluar', :'r_anggota_masuk', :'r_anggota_keluar',
                :'r_program_mulai', :'r_program_selesai', :'r_skor_dihitung', :'r_desil_ulang')"

echo "== 1. data: $keluarga families (seed 21) in ${wilayah:-every desa}"
psql_q -c "SET client_min_messages = warning" -c "$kosongkan" -c "DROP SCHEMA IF EXISTS dtks_bench_penetapan CASCADE" -c "CREATE SCHEMA dtks_bench_penetapan" \
       -f penetapan_usulan.sql
psql_q -c "SET session_replication_role = replica" \
       -c "SELECT * FROM dtks.sintetis_muat(21, $keluarga, $([ -n "$wilayah" ] && echo "'$wilayah'" || echo NULL))" -P footer=off
psql_q -c "VACUUM ANALYZE"
psql -X -At -c "SELECT format('   %s members in %s families, %s households, %s desa, %s kab/kota', count(*),
                  count(DISTINCT m.no_kk), (SELECT count(*) FROM dtks.rumah_tangga),
                  (SELECT count(DISTINCT kode_wilayah) FROM dtks.rumah_tangga),
                  (SELECT count(DISTINCT dtks.leluhur(kode_wilayah, 2)) FROM dtks.rumah_tangga))
                FROM dtks.keanggotaan m WHERE upper_inf(m.berlaku)"

echo "== 2. month 0 (2026-12): the base"
psql -X -q -At -v ON_ERROR_STOP=1 <<SQL
ALTER TABLE dtks.usulan DISABLE TRIGGER usulan_periksa;
SELECT '   bansos usulan: ' || dtks_bench_penetapan.buat_program(DATE '2026-12-01', 1, 0.08, 0.12);
ALTER TABLE dtks.usulan ENABLE TRIGGER usulan_periksa;
VACUUM ANALYZE dtks.usulan;
SQL
psql -X -q -At -v ON_ERROR_STOP=1 <<SQL | sed 's/^/   /'
SET jit = off; $atur
SET enable_seqscan = ${BENCH_BULAN0_SEQSCAN:-on};
SELECT clock_timestamp() AS t0 \\gset
BEGIN;
SELECT * FROM dtks.tetapkan('2026-12-01') \\gset r_
COMMIT;
SELECT round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000) AS ms \\gset
\\echo tetapkan('2026-12-01'): :ms ms (enable_seqscan ${BENCH_BULAN0_SEQSCAN:-on})
SELECT $ringkas;
SQL
psql_q -c "VACUUM ANALYZE"

echo "== 3. month 1 (2027-01): the changes"
echo "   $(usulan 2027-01-01 101 "$ubah")"

echo "== 4. month 1: tetapkan against the full copy, $putaran rounds"
salin=$(cat penetapan_salinan.sql)
# where a round's time went: the PL/pgSQL functions of the month (trigger functions included), from the statistics
# of the open transaction (track_functions = pl); self times, so a statement's triggers count for the trigger function
# and penetapan_jalankan's own is its statements (the usulan state machine, the registry check, the month's families)
fungsi="SELECT string_agg(funcname || '=' || round(total_time) || '/' || round(self_time), ' ' ORDER BY funcname) AS fungsi
          FROM pg_stat_xact_user_functions WHERE schemaname = 'dtks'"
tulis="SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) AS baris,
              string_agg(relname || ' ' || (n_tup_ins + n_tup_upd + n_tup_del), ', ' ORDER BY relname) AS rincian
         FROM pg_stat_xact_user_tables WHERE schemaname = 'dtks' AND n_tup_ins + n_tup_upd + n_tup_del > 0"
{
  echo "SET jit = off; SET search_path = public, dtks; SET track_functions = 'pl'; $atur"
  echo "SELECT format('settings: work_mem %s, random_page_cost %s, max_parallel_workers_per_gather %s, shared_buffers %s',
               current_setting('work_mem'), current_setting('random_page_cost'),
               current_setting('max_parallel_workers_per_gather'), current_setting('shared_buffers')) AS s \\gset"
  echo "\\echo :s"
  for ((p = 1; p <= putaran; p++)); do
    if (( (putaran - p) % 2 == 0 )); then urutan="salinan tetapkan"; else urutan="tetapkan salinan"; fi
    for v in $urutan; do
      # (the statistics a backend keeps for its earlier transactions reach shared memory at most once a second:
      # flushed now, so the open transaction's counts are this round's alone)
      echo "$vakum CHECKPOINT; SELECT pg_stat_force_next_flush() \\g /dev/null"
      echo "SELECT clock_timestamp() AS t0 \\gset"
      if [ "$v" = salinan ]; then
        echo "CREATE TABLE dtks_bench_penetapan.salinan_2027_01 AS $salin;"
        echo "SELECT round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000) AS ms \\gset"
        echo "SELECT count(*) AS baris FROM dtks_bench_penetapan.salinan_2027_01 \\gset"
        echo "DROP TABLE dtks_bench_penetapan.salinan_2027_01;"
        echo "\\echo MS $p salinan :ms :baris"
      elif (( p < putaran )); then
        echo "BEGIN;"
        echo "SELECT * FROM dtks.tetapkan('2027-01-01') \\gset r_"
        echo "SET CONSTRAINTS ALL IMMEDIATE;"
        echo "SELECT round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000) AS ms \\gset"
        echo "$tulis \\gset"
        echo "$fungsi \\gset"
        echo "\\echo FUNGSI $p :fungsi"
        echo "ROLLBACK;"
        echo "\\echo MS $p tetapkan :ms :baris rolled back"
      else
        echo "BEGIN;"
        echo "SELECT * FROM dtks.tetapkan('2027-01-01') \\gset r_"
        echo "SELECT clock_timestamp() AS t1 \\gset"
        echo "$tulis \\gset"
        echo "$fungsi \\gset"
        echo "SELECT clock_timestamp() AS t2 \\gset"
        echo "\\echo FUNGSI $p :fungsi"
        echo "COMMIT;"
        echo "SELECT round(extract(epoch FROM (:'t1'::timestamptz - :'t0'::timestamptz) + (clock_timestamp() - :'t2'::timestamptz)) * 1000) AS ms \\gset"
        echo "\\echo MS $p tetapkan :ms :baris committed"
        echo "\\echo RINCIAN :rincian"
        echo "SELECT $ringkas AS ringkas \\gset"
        echo "\\echo HASIL :ringkas"
      fi
    done
  done
} | psql -X -q -v ON_ERROR_STOP=1 | tee "$log" | sed 's/^/   /'
t=$(awk '$1 == "MS" && $3 == "tetapkan" {print $4}' "$log" | median)
s=$(awk '$1 == "MS" && $3 == "salinan" {print $4}' "$log" | median)
bt=$(awk '$1 == "MS" && $3 == "tetapkan" && $6 == "committed" {print $5}' "$log")
bs=$(awk '$1 == "MS" && $3 == "salinan" {print $5}' "$log" | tail -1)
echo
echo "== month 1, median of $putaran rounds"
printf '   %-58s %8s ms  %9s rows written\n' "tetapkan('2027-01-01') (commit / its check included)" "$t" "$bt" \
       "full copy of the active members (CREATE TABLE AS)" "$s" "$bs"
awk -v t="$t" -v s="$s" 'BEGIN { printf "   tetapkan / full copy = %.2f   target <= 0.10   %s\n", t / s, (t / s <= 0.10 ? "PASS" : "MISS") }'
echo "   tetapkan wrote: $(sed -n 's/^RINCIAN //p' "$log")"
# per function: the median over the rounds of its self time (without the functions and triggers it called), its share
echo "   where tetapkan's time went (median of $putaran rounds; ms, share of tetapkan, against the full copy):"
awk -v t="$t" -v s="$s" '
  $1 == "FUNGSI" { for (i = 3; i <= NF; i++) { split($i, a, "[=/]"); v = a[3];
                                                n[a[1]]++; x[a[1], n[a[1]]] = v } }
  END { for (f in n) { m = n[f]; for (i = 1; i <= m; i++) y[i] = x[f, i];
                       for (i = 2; i <= m; i++) { v = y[i]; for (j = i - 1; j >= 1 && y[j] > v; j--) y[j + 1] = y[j]; y[j + 1] = v }
                       med = y[int((m + 1) / 2)]
                       printf "%d\t     %-40s %7d ms  %5.1f%%  %5.3f\n", med, (f == "penetapan_jalankan" ? f " (own statements)" : f), med, 100 * med / t, med / s } }' "$log" | sort -rn | cut -f2
echo "   tetapkan: $(sed -n 's/^HASIL //p' "$log")"
psql_q -c "VACUUM ANALYZE"

echo
echo "== 5. months 2-12, $((keluarga / 500)) families each"
for ((b = 2; b <= 12; b++)); do
  bulan=$(printf '2027-%02d-01' "$b")
  u=$(usulan "$bulan" $((100 + b)) $((keluarga / 500)))
  psql -X -q -At -v ON_ERROR_STOP=1 <<SQL | sed 's/^/   /'
SET jit = off; $atur
CHECKPOINT;
SELECT clock_timestamp() AS t0 \\gset
BEGIN;
SELECT * FROM dtks.tetapkan('$bulan') \\gset r_
COMMIT;
SELECT round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000) AS ms \\gset
SELECT $ringkas AS ringkas \\gset
\\echo BULAN $bulan :ms ms; $u; :ringkas
SQL
done | tee -a "$log"
echo "   median of months 2-12: $(awk '$1 == "BULAN" {print $3}' "$log" | median) ms"
psql_q -c "VACUUM ANALYZE dtks.penetapan_agregat"

kab=$(psql -X -At -c "SELECT kode_wilayah::text FROM dtks.penetapan_agregat_bulan WHERE periode = '2027-12-01' AND tingkat = 2
                      ORDER BY anggota DESC, kode_wilayah::text LIMIT 1")
seri="SELECT * FROM dtks.v_penetapan_bulanan WHERE kode_wilayah = '$kab' AND periode BETWEEN '2027-01-01' AND '2027-12-01' ORDER BY periode"
echo
echo "== dashboard: kab/kota $kab, 12 months, 50 runs"
kali 50 "$seri"
printf '   median %s ms, max %s ms   target < 50 ms   %s\n' "$(median < "$log")" "$(sort -n "$log" | tail -1)" \
       "$(median < "$log" | awk '{print ($1 < 50 ? "PASS" : "MISS")}')"
psql -X -At -c "SELECT format('   %s rows; %s: families %s -> %s, members %s -> %s', count(*), max(nama_wilayah),
                  (array_agg(keluarga ORDER BY periode))[1], (array_agg(keluarga ORDER BY periode DESC))[1],
                  (array_agg(anggota ORDER BY periode))[1], (array_agg(anggota ORDER BY periode DESC))[1])
                FROM ($seri) x"
psql -X -At -c "SET jit = off" -c "EXPLAIN (ANALYZE, BUFFERS) $seri" | sed 's/^/   /'

# the other reads a BI tool makes of one month: a whole level, a province's or a kab/kota's desa, the changes
prov=${kab%%.*}
echo
echo "== BI reads of 2027-12 (10 runs each; every row sent to psql, unaligned)"
baca() {
  kali 10 "$2"
  printf '   %-62s %6s rows   median %8s ms   max %8s ms\n' "$1" "$(psql -X -At -c "SELECT count(*) FROM ($2) x")" \
         "$(median < "$log")" "$(sort -n "$log" | tail -1)"
}
baca "v_penetapan_bulanan, every kab/kota" \
     "SELECT * FROM dtks.v_penetapan_bulanan WHERE periode = '2027-12-01' AND tingkat = 2"
baca "v_penetapan_bulanan, the desa of province $prov" \
     "SELECT * FROM dtks.v_penetapan_bulanan WHERE periode = '2027-12-01' AND tingkat = 4 AND kode_provinsi = '$prov'"
baca "v_penetapan_bulanan, the desa of kab/kota $kab" \
     "SELECT * FROM dtks.v_penetapan_bulanan WHERE periode = '2027-12-01' AND tingkat = 4 AND kode_kabkota = '$kab'"
baca "v_penetapan_bulanan, every desa of the country" \
     "SELECT * FROM dtks.v_penetapan_bulanan WHERE periode = '2027-12-01' AND tingkat = 4"
baca "v_penetapan_perubahan, every kab/kota" \
     "SELECT * FROM dtks.v_penetapan_perubahan WHERE periode = '2027-12-01' AND tingkat = 2"
baca "v_penetapan_program, every kab/kota" \
     "SELECT * FROM dtks.v_penetapan_program WHERE periode = '2027-12-01' AND tingkat = 2"
baca "v_usulan_rekap, every kab/kota" \
     "SELECT * FROM dtks.v_usulan_rekap WHERE tingkat = 2"

echo
echo "== 6. cross-check: the maintained figures of 2027-12 against a recount from penetapan_pada('2027-12-01')"
psql -X -q -At -v ON_ERROR_STOP=1 <<'SQL' | sed 's/^/   /'
SET jit = off; SET work_mem = '256MB';
CREATE TEMP TABLE p AS SELECT * FROM dtks.penetapan_pada(DATE '2027-12-01');
CREATE TEMP TABLE fam AS SELECT DISTINCT no_kk, kode_wilayah, rumah_tangga_id, desil, program FROM p;
CREATE TEMP TABLE hitung AS
WITH a AS (
    SELECT dtks.leluhur(p.kode_wilayah, t)::text AS kode, t AS tingkat, count(*) AS anggota,
           count(*) FILTER (WHERE p.jenis_kelamin = 'L') AS laki_laki, count(*) FILTER (WHERE p.jenis_kelamin = 'P') AS perempuan,
           count(*) FILTER (WHERE dtks.kelompok_umur(p.tanggal_lahir, DATE '2027-12-01') = '0_5') AS umur_0_5,
           count(*) FILTER (WHERE dtks.kelompok_umur(p.tanggal_lahir, DATE '2027-12-01') = '6_17') AS umur_6_17,
           count(*) FILTER (WHERE dtks.kelompok_umur(p.tanggal_lahir, DATE '2027-12-01') = '18_59') AS umur_18_59,
           count(*) FILTER (WHERE dtks.kelompok_umur(p.tanggal_lahir, DATE '2027-12-01') = '60_lebih') AS umur_60_lebih
      FROM p, generate_series(1, 4) t GROUP BY 1, 2),
k AS (
    SELECT dtks.leluhur(f.kode_wilayah, t)::text AS kode, count(*) AS keluarga,
           count(DISTINCT f.rumah_tangga_id) AS rumah_tangga,
           count(*) FILTER (WHERE f.desil = 1) AS desil_1, count(*) FILTER (WHERE f.desil = 2) AS desil_2,
           count(*) FILTER (WHERE f.desil = 3) AS desil_3, count(*) FILTER (WHERE f.desil = 4) AS desil_4,
           count(*) FILTER (WHERE f.desil = 5) AS desil_5, count(*) FILTER (WHERE f.desil = 6) AS desil_6,
           count(*) FILTER (WHERE f.desil = 7) AS desil_7, count(*) FILTER (WHERE f.desil = 8) AS desil_8,
           count(*) FILTER (WHERE f.desil = 9) AS desil_9, count(*) FILTER (WHERE f.desil = 10) AS desil_10,
           count(*) FILTER (WHERE f.desil IS NULL) AS desil_kosong
      FROM fam f, generate_series(1, 4) t GROUP BY 1),
g AS (
    SELECT x.kode, jsonb_object_agg(x.program, x.n) AS program
      FROM (SELECT dtks.leluhur(f.kode_wilayah, t)::text AS kode, u.program, count(*) AS n
              FROM fam f, unnest(f.program) u(program), generate_series(1, 4) t GROUP BY 1, 2) x GROUP BY 1)
SELECT a.*, k.keluarga, k.rumah_tangga, k.desil_1, k.desil_2, k.desil_3, k.desil_4, k.desil_5, k.desil_6, k.desil_7,
       k.desil_8, k.desil_9, k.desil_10, k.desil_kosong, coalesce(g.program, '{}') AS program
  FROM a JOIN k USING (kode) LEFT JOIN g USING (kode);
CREATE TEMP TABLE banding AS
SELECT coalesce(h.kode, x.kode_wilayah::text) AS kode, coalesce(h.tingkat, x.tingkat) AS tingkat,
       (ROW(h.keluarga, h.anggota, h.rumah_tangga, h.desil_1, h.desil_2, h.desil_3, h.desil_4, h.desil_5, h.desil_6,
            h.desil_7, h.desil_8, h.desil_9, h.desil_10, h.desil_kosong, h.laki_laki, h.perempuan, h.umur_0_5, h.umur_6_17,
            h.umur_18_59, h.umur_60_lebih)::text = ROW(x.keluarga, x.anggota, x.rumah_tangga, x.desil_1, x.desil_2,
            x.desil_3, x.desil_4, x.desil_5, x.desil_6, x.desil_7, x.desil_8, x.desil_9, x.desil_10, x.desil_kosong,
            x.laki_laki, x.perempuan, x.umur_0_5, x.umur_6_17, x.umur_18_59, x.umur_60_lebih)::text
        AND h.program = x.program)
       OR (h.kode IS NULL AND x.keluarga = 0 AND x.anggota = 0) AS sama,
       h.kode IS NULL AS hanya_agregat, x.kode_wilayah IS NULL AS hanya_hitung
  FROM hitung h FULL JOIN (SELECT * FROM dtks.penetapan_agregat_bulan WHERE periode = '2027-12-01') x ON x.kode_wilayah::text = h.kode;
SELECT format('level %s: %s regions, %s differ (%s only in the figures, %s only in the recount)', tingkat, count(*),
              count(*) FILTER (WHERE sama IS NOT TRUE), count(*) FILTER (WHERE hanya_agregat AND sama IS NOT TRUE),
              count(*) FILTER (WHERE hanya_hitung))
  FROM banding GROUP BY tingkat ORDER BY tingkat;
SELECT CASE WHEN count(*) FILTER (WHERE sama IS NOT TRUE) = 0 THEN 'MATCH: every figure of every region equals the recount'
            ELSE 'MISMATCH: ' || count(*) FILTER (WHERE sama IS NOT TRUE) || ' regions differ, e.g. '
                 || array_to_string((array_agg(kode ORDER BY tingkat, kode) FILTER (WHERE sama IS NOT TRUE))[1:5], ', ') END
  FROM banding;
SELECT format('national: %s families, %s members in the figures; %s families, %s members in penetapan_pada',
              (SELECT sum(keluarga) FROM dtks.penetapan_agregat_bulan WHERE periode = '2027-12-01' AND tingkat = 1),
              (SELECT sum(anggota) FROM dtks.penetapan_agregat_bulan WHERE periode = '2027-12-01' AND tingkat = 1),
              (SELECT count(*) FROM fam), (SELECT count(*) FROM p));
-- after the last month, who is in DTKS is exactly the registry now (member, family, region, household, SHDK,
-- sex, birth date, desil and score)
SET search_path = public, dtks;
CREATE TEMP TABLE registri AS
SELECT m.nik::text, m.no_kk::text, h.kode_wilayah::text, f.rumah_tangga_id, m.shdk::smallint, a.jenis_kelamin::char(1),
       a.tanggal_lahir, s.desil::smallint, s.skor
  FROM dtks.keanggotaan m JOIN dtks.anggota a ON a.nik = m.nik AND a.status_hidup = 'aktif'
  JOIN dtks.keluarga f ON f.no_kk = m.no_kk AND f.status = 'aktif'
  JOIN dtks.rumah_tangga h ON h.id = f.rumah_tangga_id
  LEFT JOIN (SELECT DISTINCT ON (x.no_kk) x.no_kk, x.desil, x.skor FROM dtks.skor_keluarga x
              WHERE x.lingkup = 'nasional' ORDER BY x.no_kk, x.dihitung DESC) s ON s.no_kk = m.no_kk
 WHERE upper_inf(m.berlaku);
CREATE TEMP TABLE hadir AS
SELECT nik::text, no_kk::text, kode_wilayah::text, rumah_tangga_id, shdk, jenis_kelamin, tanggal_lahir, desil, skor FROM p;
SELECT format('%s: %s members in penetapan_pada(''2027-12-01''), %s in the registry now; %s only in one of them',
              CASE WHEN x.n = 0 THEN 'MATCH' ELSE 'MISMATCH' END, (SELECT count(*) FROM hadir), (SELECT count(*) FROM registri), x.n)
  FROM (SELECT (SELECT count(*) FROM (TABLE registri EXCEPT ALL TABLE hadir) a)
             + (SELECT count(*) FROM (TABLE hadir EXCEPT ALL TABLE registri) b) AS n) x;
SQL
if [ "${BENCH_SIMPAN:-0}" != 1 ]; then
  psql_q -c "SET client_min_messages = warning" -c "$kosongkan" -c "DROP SCHEMA dtks_bench_penetapan CASCADE"
fi
