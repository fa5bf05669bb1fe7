#!/usr/bin/env bash
# Address text to region (issue 20): quality and speed of dtks.wilayah_dari_alamat on generated Indonesian
# addresses over all 38 provinces, against a plain trigram lookup (bench/alamat/nilai.py).
#
#   bench/alamat.sh [SEED] [JUMLAH] [DASAR]      # defaults 20, 3000, 500
#
# Uses the database named by the PG* variables (dtks installed, the region reference loaded by
# scripts/load-wilayah from ../shared/data); the set is made by bench/alamat/buat_set.py from the same data
# ($DTKS_DATA, default ../shared/data beside the checkout) and kept in a temporary file.
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${1:-20}
jumlah=${2:-3000}
dasar=${3:-500}
data=${DTKS_DATA:-../shared/data}
set_file=$(mktemp --suffix=.csv)
trap 'rm -f "$set_file"' EXIT
/usr/bin/python3 bench/alamat/buat_set.py --data "$data" --seed "$seed" --jumlah "$jumlah" > "$set_file"
/usr/bin/python3 bench/alamat/nilai.py --set "$set_file" --dasar "$dasar"
