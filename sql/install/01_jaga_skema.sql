
-- Refuse to run where any role may plant objects on this script's path.  The script binds the
-- names in dtks's stored bodies (SQL-standard functions, views, policies, defaults) as it runs,
-- through the search_path that CREATE / ALTER EXTENSION gives it: dtks, the schemas of PostGIS and
-- pg_trgm (and pg_catalog, first).  A function or operator with an exact type match planted in a
-- schema of that path beats the built-in one and would be bound into dtks for good
-- (CVE-2018-1058).  So a schema of the path in which PUBLIC may create (as in public before
-- PostgreSQL 15) stops the install or update.  The same fragment opens the upgrade script.
DO $jaga$
DECLARE
    terbuka text;
BEGIN
    SELECT pg_catalog.string_agg(pg_catalog.quote_ident(n.nspname), ', ' ORDER BY n.nspname) INTO terbuka
      FROM pg_catalog.pg_namespace n
     WHERE n.nspname OPERATOR(pg_catalog.=) ANY (pg_catalog.current_schemas(false))
       AND pg_catalog.has_schema_privilege('public', n.oid, 'CREATE');
    IF terbuka IS NOT NULL THEN
        RAISE EXCEPTION 'dtks is not installed or updated while every role may create objects in schema %', terbuka
            USING ERRCODE = '42501',
                  DETAIL = 'The script binds the names of dtks''s function bodies, views and policies through that '
                           'schema: an object planted there would be bound into dtks (CVE-2018-1058).',
                  HINT = pg_catalog.format('REVOKE CREATE ON SCHEMA %s FROM PUBLIC; then run the command again.', terbuka);
    END IF;
END
$jaga$;
