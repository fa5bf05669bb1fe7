-- 10_keamanan: no internal query resolves a name through the caller's search_path.
-- The fix itself is in the shared library (src/spi_aman.c: every query the C code runs pins
-- search_path = pg_catalog, pg_temp, names its functions and operators with their schema, and
-- switches to the owner in a security-restricted operation), which a 1.0 database runs as soon as
-- it is installed.  Every SQL and PL/pgSQL body of 1.0 was audited and needs no change (standard-SQL
-- bodies are stored parsed; every PL/pgSQL function has a pinned search_path): see the README.
-- What changes in the schema: the comment of dtks.jalankan_sebagai says how its statement is run.
COMMENT ON FUNCTION dtks.jalankan_sebagai(text, text) IS
    'Superuser only: run one statement taking usulan steps as a system office (pemadanan or penetapan), e.g. to apply results of Dukcapil''s online matching; the history records the office and the session user; returns the rows processed.  The statement is parsed with the caller''s own search_path (qualify its names) and runs as the owner of dtks.usulan in a security-restricted operation';
