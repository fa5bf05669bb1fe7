#!/usr/bin/env bash
# The Dukcapil candidate search (issue 19): quality on a generated Indonesian test set, and speed.
#
#   bench/pemadanan.sh [--benih S] [--penduduk N] [--kueri M] [--set DIR] [--periksa] [--salah DIR]
#   bench/pemadanan.sh --kecepatan [--benih S] [--penduduk N] [--panggilan C]
#
# Builds and installs dtks, starts a throwaway PostgreSQL 15 cluster (scripts/lib.sh), makes a set with
# bench/pemadanan/buat_set.py (default seed 19, 20,000 penduduk, 5,000 kueri; --set DIR uses an existing set,
# such as a held-out one, instead), and runs bench/pemadanan/nilai.py against dtks.cari_penduduk (when the
# build has it) and the pg_trgm baseline.  --kecepatan: the speed sizes instead (1,000,000 penduduk, the
# median ms of C calls, default 2,000, for cari_penduduk and the baseline in the same run).
# --periksa: exit 1 when cari_penduduk misses a target.  The cluster is removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

benih=19
penduduk=
kueri=
set_dir=
kecepatan=
panggilan=2000
lain=()
while [ $# -gt 0 ]; do
  case $1 in
    --benih) benih=$2; shift 2;;
    --penduduk) penduduk=$2; shift 2;;
    --kueri) kueri=$2; shift 2;;
    --set) set_dir=$2; shift 2;;
    --kecepatan) kecepatan=1; shift;;
    --panggilan) panggilan=$2; shift 2;;
    --periksa) lain+=(--periksa); shift;;
    --salah) lain+=(--salah "$2"); shift 2;;
    -h|--help) sed -n '2,13p' "$0"; exit 0;;
    *) echo "pemadanan.sh: unknown option $1" >&2; exit 2;;
  esac
done
if [ -n "$kecepatan" ]; then
  penduduk=${penduduk:-1000000}; kueri=${kueri:-$panggilan}
  lain+=(--kecepatan --sampel "$panggilan")
else
  penduduk=${penduduk:-20000}; kueri=${kueri:-5000}
fi
# a python3 that has psycopg2 (python3-psycopg2 is a Debian package)
py=python3
"$py" -c 'import psycopg2' 2>/dev/null || py=/usr/bin/python3

[ -f "$DTKS_DATA/wilayah.csv.gz" ] || { echo "pemadanan.sh: no region data in $DTKS_DATA (set DTKS_DATA)" >&2; exit 2; }
pasang_paket
bangun
mulai_klaster
langkah "creating database dtks_pemadanan"
siapkan_basis_data dtks_pemadanan
export PGDATABASE=dtks_pemadanan
if [ -z "$set_dir" ]; then
  set_dir=$KLASTER_DIR/set
  langkah "making the test set: seed $benih, $penduduk penduduk, $kueri kueri"
  mulai=$SECONDS
  "$py" bench/pemadanan/buat_set.py --benih "$benih" --penduduk "$penduduk" --kueri "$kueri" --keluar "$set_dir" \
    $([ -n "$kecepatan" ] && echo --diam)
  echo "made in $(( SECONDS - mulai )) s"
fi
langkah "the harness: dtks.cari_penduduk and the pg_trgm baseline on $set_dir"
"$py" bench/pemadanan/nilai.py --set "$set_dir" "${lain[@]}"
