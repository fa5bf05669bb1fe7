#!/usr/bin/env bash
# nik_parse.sh: how fast is dtks.nik input, and how big is a nik index?
#
#   bench/nik_parse.sh [ROWS]          (ROWS defaults to 1000000)
#
# Runs against the database named by the standard PG* environment variables,
# which must have the dtks extension.  Everything is done in the scratch schema
# dtks_bench, which is created at the start and dropped at exit.
#
# 1. Generates ROWS valid NIK strings (text) with generate_series, seeded by
#    setseed() so that every run parses the same data.
# 2. Defines dtks_bench.nik_plpgsql(text), a PL/pgSQL version of the nik input
#    rules, and checks before any timing that
#      - the nik input, the ::bigint cast and nik_plpgsql accept every row and
#        give the same number;
#      - on ~20,000 mutated strings (digit flips, bad days/months, 29 February,
#        serial 0000, bad province, 00 regions, wrong length, non-digits,
#        whitespace), the nik input and nik_plpgsql accept exactly the strings
#        dtks.nik_valid accepts, with the same value, and reject the others
#        with SQLSTATE 22P02.  Any disagreement fails the script.
# 3. Times, in one psql session with parallel query and JIT off,
#      SELECT count(*) FROM t WHERE <expr> IS NOT NULL
#    for <expr> = s (the scan alone), s::bigint, s::dtks.nik and
#    dtks_bench.nik_plpgsql(s), interleaved in rounds (the order rotates each
#    round), and reports the median per method and the ratios against the
#    targets of the issue: nik/bigint <= 1.3 and plpgsql/nik >= 10.
# 4. Builds btree indexes on the ROWS values as nik, bigint and text and
#    reports their sizes.
#
# Environment: BENCH_ROUNDS (default 7) rounds for the fast methods,
# BENCH_PL_ROUNDS (default 3) of them also time PL/pgSQL.
# Exit status: 0 when the report was printed, a MISS included; 1 when the
# methods disagree or a query fails; 2 on bad usage.
set -euo pipefail
export LC_ALL=C     # "." decimals for awk and printf

rows="${1:-1000000}"
rounds="${BENCH_ROUNDS:-7}"
pl_rounds="${BENCH_PL_ROUNDS:-3}"
case "$rows$rounds$pl_rounds" in
  *[!0-9]*) echo "usage: nik_parse.sh [ROWS]  (ROWS, BENCH_ROUNDS, BENCH_PL_ROUNDS: positive integers)" >&2; exit 2 ;;
esac
if [ "$rows" -lt 1 ] || [ "$rounds" -lt 1 ] || [ "$pl_rounds" -lt 1 ] || [ "$pl_rounds" -gt "$rounds" ]; then
  echo "nik_parse.sh: need ROWS >= 1 and 1 <= BENCH_PL_ROUNDS <= BENCH_ROUNDS" >&2
  exit 2
fi

schema=dtks_bench
marker='scratch schema of bench/nik_parse.sh, dropped at exit'
psql_cmd=(psql -X -q -v ON_ERROR_STOP=1)

# One value (or |-separated row) from a query.
q() { "${psql_cmd[@]}" -At -c "$1"; }

if [ "$(q "SELECT count(*) FROM pg_extension WHERE extname = 'dtks'")" != 1 ]; then
  echo "nik_parse.sh: the database $(q 'SELECT current_database()') does not have the dtks extension" >&2
  exit 1
fi
existing="$(q "SELECT coalesce(obj_description(oid, 'pg_namespace') = '$marker', false) FROM pg_namespace WHERE nspname = '$schema'")"
if [ "$existing" = f ]; then
  echo "nik_parse.sh: schema $schema exists and is not this script's scratch schema; not touching it" >&2
  exit 1
fi

cleanup() { "${psql_cmd[@]}" -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true; }
trap cleanup EXIT

# Settings of every session: no parallel query (one backend does all the work
# for every method), no JIT (it would compile some queries and not others).
settings="SET max_parallel_workers_per_gather = 0; SET max_parallel_maintenance_workers = 0; SET jit = off;"

echo "== dtks nik parse benchmark: $rows rows, $(q 'SELECT current_database()') on $(q "SELECT split_part(version(), ' on ', 1)"), $(nproc 2>/dev/null || echo '?') CPUs"

# --------------------------------------------------------------------------
# 1-2. Data, the PL/pgSQL baseline, and the agreement checks.
# --------------------------------------------------------------------------
if ! "${psql_cmd[@]}" -v rows="$rows" -v schema="$schema" -v marker="$marker" <<'SQL'
SET max_parallel_workers_per_gather = 0;
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS :"schema" CASCADE;
CREATE SCHEMA :"schema";
COMMENT ON SCHEMA :"schema" IS :'marker';
SET search_path = :"schema", pg_catalog;

-- ROWS valid NIKs: PP KK CC DD MM YY NNNN, day 01-28 (+40 for half: women).
CREATE TABLE nik_teks (id integer NOT NULL, s text NOT NULL);
SELECT setseed(0.2025) \g /dev/null
INSERT INTO nik_teks (id, s)
SELECT g,
       (ARRAY[11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36,
              51, 52, 53, 61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82,
              91, 92, 93, 94, 95, 96])[1 + floor(random() * 38)::int]::text
       || lpad((1 + floor(random() * 99))::int::text, 2, '0')            -- kab/kota 01-99
       || lpad((1 + floor(random() * 99))::int::text, 2, '0')            -- kecamatan 01-99
       || lpad(((1 + floor(random() * 28))::int
                + CASE WHEN random() < 0.5 THEN 40 ELSE 0 END)::text, 2, '0') -- day
       || lpad((1 + floor(random() * 12))::int::text, 2, '0')            -- month
       || lpad(floor(random() * 100)::int::text, 2, '0')                 -- yy
       || lpad((1 + floor(random() * 9999))::int::text, 4, '0')          -- serial
FROM generate_series(1, :rows) AS g;
VACUUM (FREEZE, ANALYZE) nik_teks;

-- The nik input rules in PL/pgSQL, written plainly: the baseline to beat.
CREATE FUNCTION nik_plpgsql(masukan text) RETURNS bigint
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
DECLARE
    t     text := btrim(masukan, E' \t\n\r\f\013');   -- \013 is the vertical tab
    hari  int;
    bulan int;
    yy    int;
    hari_maks int;
BEGIN
    IF t !~ '^[0-9]{16}$' THEN
        RAISE EXCEPTION 'invalid input syntax for type nik: "%"', masukan
            USING ERRCODE = 'invalid_text_representation', DETAIL = 'A NIK has exactly 16 ASCII digits.';
    END IF;
    IF substr(t, 1, 2)::int NOT IN (11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36,
                                    51, 52, 53, 61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82,
                                    91, 92, 93, 94, 95, 96) THEN
        RAISE EXCEPTION 'invalid input syntax for type nik: "%"', masukan
            USING ERRCODE = 'invalid_text_representation', DETAIL = 'Not a Kemendagri province code.';
    END IF;
    IF substr(t, 3, 2) = '00' THEN
        RAISE EXCEPTION 'invalid input syntax for type nik: "%"', masukan
            USING ERRCODE = 'invalid_text_representation', DETAIL = 'The kabupaten/kota code is 00.';
    END IF;
    IF substr(t, 5, 2) = '00' THEN
        RAISE EXCEPTION 'invalid input syntax for type nik: "%"', masukan
            USING ERRCODE = 'invalid_text_representation', DETAIL = 'The kecamatan code is 00.';
    END IF;
    hari := substr(t, 7, 2)::int;
    IF hari > 40 THEN
        hari := hari - 40;                              -- women: day + 40
    END IF;
    IF hari < 1 OR hari > 31 THEN
        RAISE EXCEPTION 'invalid input syntax for type nik: "%"', masukan
            USING ERRCODE = 'invalid_text_representation', DETAIL = 'The day field must be 01-31 or 41-71.';
    END IF;
    bulan := substr(t, 9, 2)::int;
    IF bulan < 1 OR bulan > 12 THEN
        RAISE EXCEPTION 'invalid input syntax for type nik: "%"', masukan
            USING ERRCODE = 'invalid_text_representation', DETAIL = 'The month field must be 01-12.';
    END IF;
    yy := substr(t, 11, 2)::int;
    hari_maks := CASE WHEN bulan = 2 THEN CASE WHEN yy % 4 = 0 THEN 29 ELSE 28 END
                      WHEN bulan IN (4, 6, 9, 11) THEN 30
                      ELSE 31 END;
    IF hari > hari_maks THEN
        RAISE EXCEPTION 'invalid input syntax for type nik: "%"', masukan
            USING ERRCODE = 'invalid_text_representation', DETAIL = 'The day does not exist in that month.';
    END IF;
    IF substr(t, 13, 4) = '0000' THEN
        RAISE EXCEPTION 'invalid input syntax for type nik: "%"', masukan
            USING ERRCODE = 'invalid_text_representation', DETAIL = 'The serial number is 0000.';
    END IF;
    RETURN t::bigint;
END
$fn$;

-- Helpers for the checks: NULL when the method rejects the text with 22P02;
-- any other error propagates and fails the script.
CREATE FUNCTION coba_nik(s text) RETURNS bigint LANGUAGE plpgsql AS $fn$
BEGIN
    RETURN s::dtks.nik::bigint;
EXCEPTION WHEN invalid_text_representation THEN
    RETURN NULL;
END
$fn$;
CREATE FUNCTION coba_plpgsql(s text) RETURNS bigint LANGUAGE plpgsql AS $fn$
BEGIN
    RETURN nik_plpgsql(s);
EXCEPTION WHEN invalid_text_representation THEN
    RETURN NULL;
END
$fn$;

-- Check 1: every generated row is accepted by all three methods, same value.
-- (Any rejection raises here and stops the script.)  Also warms the cache.
SELECT count(*) AS n,
       count(*) FILTER (WHERE NOT dtks.nik_valid(s)) AS tidak_sah,
       count(*) FILTER (WHERE s::dtks.nik::bigint <> s::bigint) AS beda_nik,
       count(*) FILTER (WHERE nik_plpgsql(s) <> s::bigint) AS beda_plpgsql,
       count(DISTINCT s) AS unik,
       sum(hashtext(s)::bigint) AS checksum
FROM nik_teks \gset
SELECT (:tidak_sah + :beda_nik + :beda_plpgsql) = 0 AS ok1 \gset
\if :ok1
\echo == check 1: all :n generated strings accepted by nik, ::bigint and nik_plpgsql with equal values (:unik distinct, checksum :checksum)
\else
\echo == check 1 FAILED: nik_valid rejects :tidak_sah, nik differs from bigint on :beda_nik, nik_plpgsql on :beda_plpgsql
DO $$BEGIN RAISE EXCEPTION 'check 1 failed'; END$$;
\endif

-- Check 2: ~20,000 mutated strings; nik input and nik_plpgsql must agree with
-- dtks.nik_valid on every one (and on the value when valid).
SELECT setseed(0.42) \g /dev/null
CREATE TABLE mutasi AS
WITH asal AS (
    SELECT id, s, id % 16 AS jenis, random() AS r1, random() AS r2, random() AS r3,
           CASE WHEN getdatabaseencoding() = 'UTF8'
                THEN ARRAY[chr(65297), chr(1635), chr(233), chr(160), chr(8203), chr(12288)]  -- fullwidth 1, arabic-indic 3, e-acute, nbsp, zwsp, ideographic space
                ELSE ARRAY['x'] END AS bukan_ascii
    FROM nik_teks WHERE id <= 20000
)
SELECT id, jenis,
       CASE jenis
       WHEN 0 THEN overlay(s PLACING floor(r2 * 10)::int::text FROM 1 + floor(r1 * 16)::int FOR 1)         -- one random digit
       WHEN 1 THEN overlay(overlay(s PLACING floor(r2 * 10)::int::text FROM 1 + floor(r1 * 16)::int FOR 1)
                           PLACING floor(r1 * 10)::int::text FROM 1 + floor(r3 * 16)::int FOR 1)           -- two random digits
       WHEN 2 THEN overlay(s PLACING lpad(floor(r1 * 100)::int::text, 2, '0') FROM 7 FOR 2)               -- any day field
       WHEN 3 THEN overlay(s PLACING lpad(floor(r1 * 100)::int::text, 2, '0') FROM 9 FOR 2)               -- any month field
       WHEN 4 THEN overlay(s PLACING (ARRAY['2902', '6902', '3002', '7002', '3104', '7104', '3106', '7109',
                                            '3111', '3101', '7112', '0001', '4001', '3201', '7201', '2802',
                                            '6802', '3108', '3100', '3113'])[1 + floor(r1 * 20)::int]
                           FROM 7 FOR 4)                                                                  -- day/month edges
       WHEN 5 THEN overlay(s PLACING (ARRAY['2902', '6902'])[1 + floor(r1 * 2)::int]
                                     || lpad(floor(r2 * 100)::int::text, 2, '0') FROM 7 FOR 6)            -- 29 Feb, any yy
       WHEN 6 THEN overlay(s PLACING '0000' FROM 13 FOR 4)                                                -- serial 0000
       WHEN 7 THEN overlay(s PLACING lpad(floor(r1 * 100)::int::text, 2, '0') FROM 1 FOR 2)               -- any province
       WHEN 8 THEN overlay(s PLACING '00' FROM CASE WHEN r1 < 0.5 THEN 3 ELSE 5 END FOR 2)                -- kab/kota or kecamatan 00
       WHEN 9 THEN CASE WHEN r1 < 0.5
                        THEN overlay(s PLACING '' FROM 1 + floor(r2 * 16)::int FOR 1)                     -- 15 digits
                        ELSE overlay(s PLACING floor(r3 * 10)::int::text FROM 1 + floor(r2 * 17)::int FOR 0) -- 17 digits
                   END
       WHEN 10 THEN overlay(s PLACING (ARRAY[' ', 'a', '-', '+', '.', E'\t', '0x', 'O'] || bukan_ascii)
                                      [1 + floor(r1 * (8 + cardinality(bukan_ascii)))::int]
                            FROM 1 + floor(r2 * 16)::int FOR 1)                                           -- a non-digit inside
       WHEN 11 THEN (ARRAY[' ', E'\t', E'\n', E'\r', E'\f', E'\013', '  ', E' \t', ''])[1 + floor(r1 * 9)::int]
                    || s
                    || (ARRAY['', ' ', E'\n', E'\r\n', E'\013', E'\f '])[1 + floor(r2 * 6)::int]          -- trimmed whitespace
       WHEN 12 THEN (ARRAY['+', '-', '0', E'\034', E'\b'] || bukan_ascii)
                    [1 + floor(r1 * (5 + cardinality(bukan_ascii)))::int] || s                            -- untrimmed prefix
       WHEN 13 THEN (ARRAY['', ' ', E'\t\n', '0', repeat('9', 16), repeat('0', 16), '9999999999999999999',
                           '1234567890123456', '3171010101000001', '3171014101000001', '3171010000000000',
                           '31710129020 0001', '317101290200001'])[1 + floor(r1 * 13)::int]               -- fixed odd cases
       ELSE s                                                                                             -- unchanged (14, 15)
       END AS s
FROM asal;

CREATE TABLE hasil_mutasi AS
SELECT id, jenis, s, dtks.nik_valid(s) AS sah_c, coba_nik(s) AS v_nik, coba_plpgsql(s) AS v_plpgsql
FROM mutasi;

SELECT count(*) AS m,
       count(*) FILTER (WHERE sah_c) AS m_sah,
       count(*) FILTER (WHERE sah_c IS DISTINCT FROM (v_nik IS NOT NULL)
                           OR sah_c IS DISTINCT FROM (v_plpgsql IS NOT NULL)
                           OR v_nik IS DISTINCT FROM v_plpgsql) AS m_beda
FROM hasil_mutasi \gset
SELECT :m_beda = 0 AS ok2 \gset
\if :ok2
\echo == check 2: nik input, nik_plpgsql and dtks.nik_valid agree on all :m mutated strings (:m_sah valid, the rest rejected with 22P02)
\else
\echo == check 2 FAILED: :m_beda of :m mutated strings disagree; first ones:
SELECT jenis, format('%L', s) AS s, sah_c, v_nik, v_plpgsql
FROM hasil_mutasi
WHERE sah_c IS DISTINCT FROM (v_nik IS NOT NULL)
   OR sah_c IS DISTINCT FROM (v_plpgsql IS NOT NULL)
   OR v_nik IS DISTINCT FROM v_plpgsql
ORDER BY id LIMIT 20;
DO $$BEGIN RAISE EXCEPTION 'check 2 failed'; END$$;
\endif

-- Check 3: the query shape really evaluates each cast: on a one-row table
-- holding an invalid string every timed expression must raise 22P02.
CREATE TABLE satu AS SELECT 1 AS id, 'bukan NIK'::text AS s;
DO $do$
DECLARE
    e text;
BEGIN
    FOREACH e IN ARRAY ARRAY['s::bigint', 's::dtks.nik', 'dtks_bench.nik_plpgsql(s)'] LOOP
        BEGIN
            EXECUTE format('SELECT count(*) FROM dtks_bench.satu WHERE %s IS NOT NULL', e);
            RAISE EXCEPTION 'the timed query shape does not evaluate %', e;
        EXCEPTION WHEN invalid_text_representation THEN
            NULL;
        END;
    END LOOP;
END
$do$;
\echo == check 3: the timed query shape evaluates every cast (an invalid row raises 22P02 for each)
SQL
then
  echo "nik_parse.sh: the checks failed; no timing done" >&2
  exit 1
fi

echo "   per mutation kind (rows / accepted by nik_valid = nik = nik_plpgsql):"
q "SELECT string_agg(format('%s:%s/%s', jenis, n, s), '  ' ORDER BY jenis)
   FROM (SELECT jenis, count(*) AS n, count(*) FILTER (WHERE sah_c) AS s
         FROM $schema.hasil_mutasi GROUP BY jenis) x" | fold -s -w 76 | sed 's/^/     /'
echo "   plans (EXPLAIN VERBOSE filter of each timed query):"
for e in "s" "s::bigint" "s::dtks.nik" "$schema.nik_plpgsql(s)"; do
  "${psql_cmd[@]}" -At -c "$settings" \
    -c "EXPLAIN (VERBOSE, COSTS OFF) SELECT count(*) FROM $schema.nik_teks WHERE $e IS NOT NULL" \
    | grep 'Filter' | sed 's/^ */     /'
done

# --------------------------------------------------------------------------
# 3. Timing: one psql session, rounds of interleaved methods, rotating order.
# --------------------------------------------------------------------------
methods=(scan bigint nik plpgsql)
declare -A expr=(
  [scan]="s"
  [bigint]="s::bigint"
  [nik]="s::dtks.nik"
  [plpgsql]="$schema.nik_plpgsql(s)"
)

timing_sql() {
  echo "$settings"
  echo "CREATE TABLE $schema.waktu (putaran int, metode text, ms float8, n bigint);"
  # Warm-up: one untimed run of each fast method (check 1 already ran PL/pgSQL).
  for m in scan bigint nik; do
    echo "SELECT count(*) FROM $schema.nik_teks WHERE ${expr[$m]} IS NOT NULL \\g /dev/null"
  done
  for ((r = 1; r <= rounds; r++)); do
    for ((k = 0; k < ${#methods[@]}; k++)); do
      m="${methods[$(((k + r - 1) % ${#methods[@]}))]}"
      if [ "$m" = plpgsql ] && [ "$r" -gt "$pl_rounds" ]; then continue; fi
      echo "SELECT clock_timestamp() AS t0 \\gset"
      echo "SELECT count(*) AS n FROM $schema.nik_teks WHERE ${expr[$m]} IS NOT NULL \\gset"
      echo "INSERT INTO $schema.waktu VALUES ($r, '$m', 1000 * extract(epoch FROM clock_timestamp() - :'t0'::timestamptz), :n);"
    done
    echo "\\echo '   round $r/$rounds done'"
  done
}
busy() {
  q "SELECT count(*) FROM pg_stat_activity
     WHERE backend_type = 'client backend' AND state = 'active' AND pid <> pg_backend_pid()"
}
load() { cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?'; }
echo "== timing: $rounds rounds (PL/pgSQL in the first $pl_rounds), order rotates each round"
echo "   before: load average $(load), other active sessions on the cluster: $(busy)"
timing_sql | "${psql_cmd[@]}"
echo "   after:  load average $(load), other active sessions on the cluster: $(busy)"

if [ "$(q "SELECT count(*) FROM $schema.waktu WHERE n <> $rows")" != 0 ]; then
  echo "nik_parse.sh: a timed query did not count all $rows rows" >&2
  exit 1
fi

# every round, then median, min, max per method (ms)
echo "   ms per round:"
q "SELECT format('     %-8s %s', metode, string_agg(round(ms::numeric, 1)::text, ' ' ORDER BY putaran))
   FROM $schema.waktu GROUP BY metode ORDER BY min(ms)"

declare -A med mn mx cnt
while IFS='|' read -r m c a b d; do
  cnt[$m]=$c; med[$m]=$a; mn[$m]=$b; mx[$m]=$d
done < <(q "SELECT metode, count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), min(ms), max(ms)
            FROM $schema.waktu GROUP BY metode")

# --------------------------------------------------------------------------
# 4. Index sizes.
# --------------------------------------------------------------------------
"${psql_cmd[@]}" <<SQL
$settings
SET search_path = $schema, pg_catalog;
CREATE TABLE indeks AS SELECT s::dtks.nik AS n, s::bigint AS b, s AS s FROM nik_teks;
CREATE INDEX indeks_nik ON indeks (n);
CREATE INDEX indeks_bigint ON indeks (b);
CREATE INDEX indeks_text ON indeks (s);
SQL
read -r sz_nik sz_bigint sz_text < <(q "SELECT pg_relation_size('$schema.indeks_nik'), pg_relation_size('$schema.indeks_bigint'), pg_relation_size('$schema.indeks_text')" | tr '|' ' ')
collation="$(q "SELECT datcollate FROM pg_database WHERE datname = current_database()")"

# --------------------------------------------------------------------------
# Report.
# --------------------------------------------------------------------------
calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }
num() { awk "BEGIN { printf \"%.6f\", $1 }"; }
verdict() { awk "BEGIN { exit !($1) }" && echo PASS || echo MISS; }

echo
echo "== results: $rows rows, median of $rounds rounds ($pl_rounds for plpgsql), SELECT count(*) FROM t WHERE <expr> IS NOT NULL"
printf '   %-9s %-30s %6s %10s %10s %10s %9s\n' method expression rounds median_ms min_ms max_ms ns/row
for m in "${methods[@]}"; do
  printf '   %-9s %-30s %6s %10.1f %10.1f %10.1f %9.1f\n' "$m" "${expr[$m]}" "${cnt[$m]}" \
    "${med[$m]}" "${mn[$m]}" "${mx[$m]}" "$(num "${med[$m]} * 1000000 / $rows")"
done
r_nik_bigint="$(calc "${med[nik]} / ${med[bigint]}")"
r_pl_nik="$(calc "${med[plpgsql]} / ${med[nik]}")"
echo
printf '   nik / bigint     = %6s   target <= 1.3   %s\n' "$r_nik_bigint" "$(verdict "${med[nik]} / ${med[bigint]} <= 1.3")"
printf '   plpgsql / nik    = %6s   target >= 10    %s\n' "$r_pl_nik" "$(verdict "${med[plpgsql]} / ${med[nik]} >= 10")"
# The same ratios net of the scan: the time spent in the conversion itself.
net_b="$(num "${med[bigint]} - ${med[scan]}")"
net_n="$(num "${med[nik]} - ${med[scan]}")"
net_p="$(num "${med[plpgsql]} - ${med[scan]}")"
if awk "BEGIN { exit !($net_b > 0 && $net_n > 0) }"; then
  printf '   net of the scan (%.1f ms): bigint %.1f ms, nik %.1f ms, plpgsql %.1f ms; nik/bigint %s, plpgsql/nik %s (informational)\n' \
    "${med[scan]}" "$net_b" "$net_n" "$net_p" "$(calc "$net_n / $net_b")" "$(calc "$net_p / $net_n")"
fi
printf '   fastest rounds: nik/bigint %s, plpgsql/nik %s (informational: less sensitive to load from other processes)\n' \
  "$(calc "${mn[nik]} / ${mn[bigint]}")" "$(calc "${mn[plpgsql]} / ${mn[nik]}")"

echo
echo "== btree index on $rows values (pg_relation_size; database collation $collation)"
for t in nik bigint text; do
  v="sz_$t"
  printf '   %-7s %12d bytes  %8.1f MiB  %6.1f bytes/row\n' "$t" "${!v}" "$(num "${!v} / 1048576")" "$(num "${!v} / $rows")"
done
printf '   nik / bigint = %s   text / nik = %s\n' "$(calc "$sz_nik / $sz_bigint")" "$(calc "$sz_text / $sz_nik")"
