-- Row estimates of the containment operators follow the data, not a constant.
\ir lib/awal.psql
SELECT plan(8);

-- the planner's row estimate of a query, and the real count
CREATE FUNCTION pg_temp.perkiraan(q text) RETURNS double precision LANGUAGE plpgsql AS $$
DECLARE j json;
BEGIN
  EXECUTE 'EXPLAIN (FORMAT json) ' || q INTO j;
  RETURN (j -> 0 -> 'Plan' ->> 'Plan Rows')::double precision;
END $$;
CREATE FUNCTION pg_temp.nyata(q text) RETURNS double precision LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
  EXECUTE 'SELECT count(*) FROM (' || q || ') s' INTO n;
  RETURN n;
END $$;
ANALYZE wilayah;

SELECT cmp_ok(greatest(pg_temp.perkiraan(q), pg_temp.nyata(q)) / least(pg_temp.perkiraan(q), pg_temp.nyata(q)),
              '<=', 3.0::double precision, 'estimate of ' || q || ' is within 3x of the real count')
  FROM unnest(ARRAY[$$SELECT * FROM wilayah WHERE kode <@ '11'$$,
                    $$SELECT * FROM wilayah WHERE kode <@ '35'$$,
                    $$SELECT * FROM wilayah WHERE '33' @> kode$$,
                    $$SELECT * FROM wilayah WHERE kode <@ '34'$$]) AS q;
SELECT cmp_ok(pg_temp.perkiraan($$SELECT * FROM wilayah WHERE kode @> '31.71.01.1001'$$), '<=', 8.0::double precision,
              'ancestors of a desa: a handful of rows, not a range');
SELECT cmp_ok(pg_temp.perkiraan($$SELECT * FROM wilayah WHERE kode <@ '31'$$), '>', 30.0::double precision,
              'a small province is still estimated at tens of rows');

-- below province level: the geometric mean of estimate / actual over every kab/kota and
-- kecamatan of three provinces stays within 4x (linear interpolation of the sparse codes gave ~0.1)
SELECT cmp_ok((SELECT exp(avg(ln(pg_temp.perkiraan(format('SELECT * FROM dtks.wilayah WHERE kode OPERATOR(dtks.<@) %L', kode))
                                 / pg_temp.nyata(format('SELECT * FROM dtks.wilayah WHERE kode OPERATOR(dtks.<@) %L', kode)))))
                 FROM wilayah WHERE tingkat = t AND kode <@ ANY (ARRAY['31', '34', '53']::kode_wilayah[])),
              '>=', 0.25::double precision, 'level ' || t || ' estimates are not systematically low')
  FROM generate_series(2, 3) AS t;

SELECT * FROM finish();
ROLLBACK;
