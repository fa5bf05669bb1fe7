#!/usr/bin/env bash
# The usulan state machine's cost, and the Dukcapil matching's time.
#
#   bench/usulan.sh [USULAN] [PENDUDUK]     # defaults 100000 and 1000000
#
# 1. USULAN usulan moved diajukan -> padan in one UPDATE, taken as the matching office (dtks.jalankan_sebagai):
#      c        with the C trigger dtks.usulan_periksa (and the history trigger)
#      tanpa    the same UPDATE with dtks.usulan_periksa disabled (history still on): the baseline, target c <= 2x
#      plpgsql  dtks.usulan_periksa replaced by the same checks written in PL/pgSQL (bench/usulan_plpgsql.sql)
#      kosong   every trigger disabled (informational)
#    Each variant starts from the same fresh, vacuumed table; the variants rotate order each round; median of
#    BENCH_ROUNDS (default 5) rounds, all in one session.
# 2. dtks.padankan_usulan(NULL) over USULAN usulan against PENDUDUK people in dtks.penduduk.  Data: a registry
#    from dtks.sintetis_muat (seed 11, triggers off), dtks.penduduk copied from its first PENDUDUK members by NIK
#    (0.5% left out, 0.5% recorded dead), and one perbaikan usulan per family for USULAN families, its members in
#    data->'anggota' (2% with a wrong birth date, about 2.75% with their name written another way: titles,
#    degrees, old spelling; 0.5% with another name).  Median of 3 runs.  (The rates come from a signed hash.)
#
# Uses the database named by the PG* variables (dtks and the region reference loaded; registry and usulan empty:
# run it on a scratch database; it empties them at the end).
set -euo pipefail
cd "$(dirname "$0")"
n=${1:-100000}
jumlah_penduduk=${2:-1000000}
putaran=${BENCH_ROUNDS:-5}
psql_q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
kosongkan='SET session_replication_role = replica;
  TRUNCATE dtks.usulan, dtks.usulan_riwayat, dtks.usulan_temuan, dtks.usulan_padan, dtks.nik_koreksi, dtks.penduduk, dtks.keanggotaan, dtks.keluarga,
           dtks.anggota, dtks.rumah_tangga, dtks.riwayat_anggota, dtks.riwayat_keluarga, dtks.riwayat_rumah_tangga,
           dtks.riwayat_keanggotaan, dtks.sintetis_galat, dtks.skor_keluarga RESTART IDENTITY;'
psql_q -c "$kosongkan"
psql_q -c "DROP SCHEMA IF EXISTS dtks_bench_usulan CASCADE" -c "CREATE SCHEMA dtks_bench_usulan" -f usulan_plpgsql.sql

echo "== 1. $n usulan diajukan -> padan in one UPDATE"
# fresh table: n usulan in diajukan across Jakarta Pusat's desa, vacuumed
segar="SET session_replication_role = replica;
  TRUNCATE dtks.usulan, dtks.usulan_riwayat, dtks.usulan_temuan, dtks.usulan_padan, dtks.nik_koreksi RESTART IDENTITY;
  INSERT INTO dtks.usulan (jenis, sumber, kode_wilayah, status, berita_acara, data)
  SELECT 'baru', 'musdes', w.kode, 'diajukan', 'BA/' || g, jsonb_build_object('no', g)
    FROM generate_series(1, $n) g
    JOIN (SELECT kode, row_number() OVER (ORDER BY kode) - 1 AS i, count(*) OVER () AS c
            FROM dtks.wilayah WHERE tingkat = 4 AND kode OPERATOR(dtks.<@) '31.71') w ON w.i = g % w.c;
  SET session_replication_role = origin;
  VACUUM ANALYZE dtks.usulan;"
langkah="SELECT dtks.jalankan_sebagai('pemadanan', 'UPDATE dtks.usulan SET status = ''padan'' WHERE status = ''diajukan''')"
varian=(c tanpa plpgsql kosong)
siapkan() {
  case $1 in
    c)       echo "ALTER TABLE dtks.usulan ENABLE TRIGGER usulan_periksa; ALTER TABLE dtks.usulan ENABLE TRIGGER usulan_catat;
                   ALTER TABLE dtks.usulan DISABLE TRIGGER usulan_periksa_plpgsql;";;
    tanpa)   echo "ALTER TABLE dtks.usulan DISABLE TRIGGER usulan_periksa; ALTER TABLE dtks.usulan ENABLE TRIGGER usulan_catat;
                   ALTER TABLE dtks.usulan DISABLE TRIGGER usulan_periksa_plpgsql;";;
    plpgsql) echo "ALTER TABLE dtks.usulan DISABLE TRIGGER usulan_periksa; ALTER TABLE dtks.usulan ENABLE TRIGGER usulan_catat;
                   ALTER TABLE dtks.usulan ENABLE TRIGGER usulan_periksa_plpgsql;";;
    kosong)  echo "ALTER TABLE dtks.usulan DISABLE TRIGGER usulan_periksa; ALTER TABLE dtks.usulan DISABLE TRIGGER usulan_catat;
                   ALTER TABLE dtks.usulan DISABLE TRIGGER usulan_periksa_plpgsql;";;
  esac
}
{
  echo "SET jit = off;"
  for ((p = 0; p < putaran; p++)); do
    for ((j = 0; j < ${#varian[@]}; j++)); do
      v=${varian[$(( (j + p) % ${#varian[@]} ))]}
      echo "$segar"
      siapkan "$v"
      echo "SELECT clock_timestamp() AS t0 \\gset"
      echo "$langkah AS jumlah \\gset"
      echo "SELECT round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000) AS ms \\gset"
      echo "SELECT count(*) AS riwayat FROM dtks.usulan_riwayat \\gset"
      echo "\\echo MS $v :ms :jumlah :riwayat"
    done
  done
  siapkan c
} | psql -X -q -v ON_ERROR_STOP=1 | tee /tmp/dtks-usulan.$$ | sed 's/^/   /'
for v in "${varian[@]}"; do
  eval "ms_$v=$(awk -v v="$v" '$1 == "MS" && $2 == v {print $3}' /tmp/dtks-usulan.$$ | median)"
done
salah=$(awk -v n="$n" '$1 == "MS" && ($4 != n || (($2 == "kosong") ? $5 != 0 : $5 != n)) {print}' /tmp/dtks-usulan.$$)
echo
echo "== $n usulan diajukan -> padan, median of $putaran rounds"
printf '   C trigger (usulan_periksa)      %8s ms\n   trigger disabled (baseline)     %8s ms\n' "$ms_c" "$ms_tanpa"
printf '   PL/pgSQL trigger                %8s ms\n   every trigger disabled          %8s ms\n' "$ms_plpgsql" "$ms_kosong"
awk -v c="$ms_c" -v t="$ms_tanpa" -v p="$ms_plpgsql" -v k="$ms_kosong" 'BEGIN {
  printf "   with trigger / disabled = %.2f   target <= 2   %s\n", c / t, (c / t <= 2 ? "PASS" : "MISS");
  if (c - t > 0) printf "   PL/pgSQL / C = %.2f (the trigger time alone, over the baseline: %.1f)\n", p / c, (p - t) / (c - t);
  else printf "   PL/pgSQL / C = %.2f (the C trigger time is within the noise of the baseline)\n", p / c;
  printf "   with both triggers / none = %.2f\n", c / k }'
echo "   every step taken ($n rows) and recorded once (history off only for 'kosong'): $([ -z "$salah" ] && echo yes || echo NO)"
rm -f /tmp/dtks-usulan.$$

echo
echo "== 2. padankan_usulan: $n usulan against $jumlah_penduduk penduduk"
keluarga=$(( jumlah_penduduk * 28 / 100 + 2000 ))
psql_q -c "SET session_replication_role = replica" -c "SELECT * FROM dtks.sintetis_muat(11, $keluarga)" -P footer=off -o /dev/null
psql_q <<SQL
SET session_replication_role = replica;
TRUNCATE dtks.usulan, dtks.usulan_riwayat, dtks.usulan_temuan, dtks.usulan_padan, dtks.nik_koreksi RESTART IDENTITY;
INSERT INTO dtks.penduduk (nik, no_kk, nama, tempat_lahir, tanggal_lahir, jenis_kelamin, kode_wilayah, hidup, diperbarui)
SELECT a.nik, m.no_kk, upper(a.nama), a.tempat_lahir, a.tanggal_lahir, a.jenis_kelamin, r.kode_wilayah,
       hashint8(a.nik::bigint) % 100 <> 7, DATE '2026-11-01'
  FROM dtks.anggota a
  JOIN dtks.keanggotaan m ON m.nik OPERATOR(dtks.=) a.nik AND upper_inf(m.berlaku)
  JOIN dtks.keluarga k ON k.no_kk OPERATOR(dtks.=) m.no_kk
  JOIN dtks.rumah_tangga r ON r.id = k.rumah_tangga_id
 WHERE hashint8(a.nik::bigint) % 100 <> 13          -- 1% of the registry is missing from the extract
 ORDER BY a.nik LIMIT $jumlah_penduduk;
INSERT INTO dtks.usulan (jenis, sumber, kode_wilayah, no_kk, status, data)
SELECT 'perbaikan', 'dinas', r.kode_wilayah, k.no_kk, 'diajukan',
       jsonb_build_object('no_kk', k.no_kk::text, 'anggota',
         (SELECT jsonb_agg(jsonb_build_object(
                   'nik', a.nik::text,
                   'nama', CASE hashint8(a.nik::bigint + 1) % 200 WHEN 0 THEN 'Siti ' || a.nama
                                WHEN 1 THEN 'H. ' || replace(a.nama, 'u', 'oe')
                                ELSE CASE WHEN hashint8(a.nik::bigint + 1) % 20 = 2 THEN replace(a.nama, 'u', 'oe') || ', S.Pd.'
                                          ELSE a.nama END END,
                   'tanggal_lahir', to_char(a.tanggal_lahir + CASE WHEN hashint8(a.nik::bigint + 2) % 50 = 0 THEN 1 ELSE 0 END, 'YYYY-MM-DD'))
                   ORDER BY m.shdk, a.nik)
            FROM dtks.keanggotaan m JOIN dtks.anggota a ON a.nik OPERATOR(dtks.=) m.nik
           WHERE m.no_kk OPERATOR(dtks.=) k.no_kk AND upper_inf(m.berlaku)))
  FROM dtks.keluarga k JOIN dtks.rumah_tangga r ON r.id = k.rumah_tangga_id
 ORDER BY k.no_kk LIMIT $n;
SET session_replication_role = origin;
VACUUM ANALYZE dtks.penduduk, dtks.usulan, dtks.anggota, dtks.keanggotaan, dtks.keluarga, dtks.rumah_tangga;
SQL
psql -X -At -c "SELECT format('   %s penduduk (%s dead); %s usulan with %s members', (SELECT count(*) FROM dtks.penduduk),
                  (SELECT count(*) FROM dtks.penduduk WHERE NOT hidup), count(*), sum(jsonb_array_length(data -> 'anggota')))
                FROM dtks.usulan"
for ((p = 1; p <= 3; p++)); do
  psql -X -q -v ON_ERROR_STOP=1 <<SQL
SET jit = off;
SET session_replication_role = replica;
UPDATE dtks.usulan SET status = 'diajukan', alasan = NULL WHERE status <> 'diajukan';
TRUNCATE dtks.usulan_temuan, dtks.usulan_riwayat, dtks.usulan_padan;
SET session_replication_role = origin;
VACUUM ANALYZE dtks.usulan;
SELECT clock_timestamp() AS t0 \gset
SELECT diperiksa, padan, tidak_padan FROM dtks.padankan_usulan(NULL) \gset
SELECT round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000) AS ms \gset
SELECT count(*) AS temuan FROM dtks.usulan_temuan \gset
\echo MS :ms :diperiksa :padan :tidak_padan :temuan
SQL
done | tee /tmp/dtks-padan.$$ | sed 's/^/   /'
ms=$(awk '$1 == "MS" {print $2}' /tmp/dtks-padan.$$ | median)
echo
echo "== padankan_usulan, median of 3 runs: $ms ms for $n usulan against $jumlah_penduduk penduduk"
psql -X -At -c "SELECT '   findings: ' || string_agg(temuan || ' ' || c, ', ' ORDER BY temuan)
                  FROM (SELECT temuan, count(*) AS c FROM dtks.usulan_temuan GROUP BY 1) x"
psql -X -At -c "SELECT '   usulan: ' || string_agg(status || ' ' || c, ', ' ORDER BY status)
                  FROM (SELECT status, count(*) AS c FROM dtks.usulan GROUP BY 1) x"
rm -f /tmp/dtks-padan.$$
psql_q -c "$kosongkan" -c "DROP SCHEMA dtks_bench_usulan CASCADE"
[ -z "$salah" ]
