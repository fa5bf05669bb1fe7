-- Prints one query per table and sequence of the dtks extension; each query
-- returns the relation's name, its row count and an md5 of all its rows over the
-- columns it has NOW.  scripts/test-upgrade saves this output before the update
-- and runs the same queries before and after it: the user's data is kept when
-- both runs print the same, over the columns 1.0 had.
SET search_path = pg_catalog, pg_temp;
SELECT format('SELECT %L, count(*), md5(coalesce(string_agg(t::text, E''\n'' ORDER BY t::text), '''')) FROM (SELECT %s FROM %s) t;',
              c.oid::regclass::text,
              CASE WHEN c.relkind = 'S' THEN 'last_value, is_called'
                   ELSE (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)
                           FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) END,
              c.oid::regclass)
  FROM pg_class c
  JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND d.refclassid = 'pg_extension'::regclass AND e.extname = 'dtks'
 WHERE c.relkind IN ('r', 'p', 'S')
 ORDER BY c.oid::regclass::text;
