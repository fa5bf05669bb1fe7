
-- The reference date the penetapan's coming month and the usulan's month are counted from:
-- dtks.tanggal_acuan (superuser only), else the current date.
CREATE FUNCTION dtks.tanggal_acuan() RETURNS date
    AS 'MODULE_PATHNAME', 'tanggal_acuan' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.tanggal_acuan() IS
    'The reference date of the process: the setting dtks.tanggal_acuan when a superuser set it (a data centre loading or replaying earlier months, tests), else the current date; dtks.tetapkan determines no month after the one following it, and an usulan sent goes to its month';
