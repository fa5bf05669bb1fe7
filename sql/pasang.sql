-- The install refuses to run while every role may create in a schema of its path (CVE-2018-1058):
-- an object planted there would be bound into dtks's stored bodies.
GRANT CREATE ON SCHEMA public TO PUBLIC;
CREATE EXTENSION dtks CASCADE;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
-- Installing dtks on a fresh database pulls in pg_trgm and PostGIS.
CREATE EXTENSION dtks CASCADE;
SELECT extname, extversion, extnamespace::regnamespace AS skema, extrelocatable
  FROM pg_extension WHERE extname IN ('dtks', 'pg_trgm', 'postgis') ORDER BY extname;
SELECT e.extname AS membutuhkan
  FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
 WHERE d.classid = 'pg_extension'::regclass AND d.objid = (SELECT oid FROM pg_extension WHERE extname = 'dtks')
   AND d.refclassid = 'pg_extension'::regclass ORDER BY 1;
-- every operator class validates
WITH kelas AS MATERIALIZED (SELECT oid, opcname, opcmethod FROM pg_opclass WHERE opcnamespace = 'dtks'::regnamespace)
SELECT opcname FROM kelas WHERE NOT amvalidate(oid);
SELECT amname, count(*) FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod
 WHERE opcnamespace = 'dtks'::regnamespace GROUP BY amname ORDER BY amname;
