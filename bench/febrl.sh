#!/usr/bin/env bash
# FEBRL data set 4 (5,000 + 5,000 records, 5,000 true pairs) linked with dtks's matching machinery: the same
# comparison kernel and score model (dtks.padan_nilai, dtks.padan_rincian), the fields mapped, the weights of the
# model febrl estimated from the data without its labels (EM), candidates from indexes.  See bench/febrl.sql.
#
#   bench/febrl.sh [DATA_DIR]     # default: ../shared/data beside the checkout ($DTKS_DATA)
#
# Uses the database named by the PG* variables (dtks installed); leaves nothing behind (temporary tables, and the
# model's rows of dtks.padan_bobot removed at the end).  Target of issue 19: F1 >= 0.995 at precision >= 0.998.
set -euo pipefail
cd "$(dirname "$0")"
data=${1:-${DTKS_DATA:-$(cd .. && cd .. && pwd)/shared/data}}
psql -X -q -v ON_ERROR_STOP=1 -v a="$data/febrl_dataset4a.csv.gz" -v b="$data/febrl_dataset4b.csv.gz" -f febrl.sql
