-- Region containment: @> (contains or equals) and <@ (inside or equal), served by
-- a btree index through planner support functions (src/kode_wilayah_planner.c).

CREATE FUNCTION dtks.kode_wilayah_memuat_dukungan(internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'kode_wilayah_memuat_dukungan' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.kode_wilayah_memuat_dukungan(internal) IS
    'Planner support for @>: turns "kode @> constant" into kode = ANY(ancestors) and "constant @> kode" into a btree range';

CREATE FUNCTION dtks.kode_wilayah_dimuat_dukungan(internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'kode_wilayah_dimuat_dukungan' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.kode_wilayah_dimuat_dukungan(internal) IS
    'Planner support for <@: turns "kode <@ region" into the btree range kode >= region AND kode <= kode_wilayah_akhir(region)';

CREATE FUNCTION dtks.kode_wilayah_sel(internal, oid, internal, integer) RETURNS double precision
    AS 'MODULE_PATHNAME', 'kode_wilayah_sel' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.kode_wilayah_sel(internal, oid, internal, integer) IS
    'Restriction selectivity of @> and <@ from column statistics (as ltree does)';

CREATE FUNCTION dtks.kode_wilayah_memuat(dtks.kode_wilayah, dtks.kode_wilayah) RETURNS boolean
    AS 'MODULE_PATHNAME', 'kode_wilayah_memuat_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF
    SUPPORT dtks.kode_wilayah_memuat_dukungan;
COMMENT ON FUNCTION dtks.kode_wilayah_memuat(dtks.kode_wilayah, dtks.kode_wilayah) IS
    'Does the first region contain (or equal) the second?';

CREATE FUNCTION dtks.kode_wilayah_dimuat(dtks.kode_wilayah, dtks.kode_wilayah) RETURNS boolean
    AS 'MODULE_PATHNAME', 'kode_wilayah_dimuat_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF
    SUPPORT dtks.kode_wilayah_dimuat_dukungan;
COMMENT ON FUNCTION dtks.kode_wilayah_dimuat(dtks.kode_wilayah, dtks.kode_wilayah) IS
    'Is the first region inside (or equal to) the second?';

CREATE OPERATOR dtks.@> (
    LEFTARG = dtks.kode_wilayah, RIGHTARG = dtks.kode_wilayah,
    FUNCTION = dtks.kode_wilayah_memuat,
    COMMUTATOR = OPERATOR(dtks.<@),
    RESTRICT = dtks.kode_wilayah_sel, JOIN = contjoinsel
);
COMMENT ON OPERATOR dtks.@> (dtks.kode_wilayah, dtks.kode_wilayah) IS 'Region contains or equals';

CREATE OPERATOR dtks.<@ (
    LEFTARG = dtks.kode_wilayah, RIGHTARG = dtks.kode_wilayah,
    FUNCTION = dtks.kode_wilayah_dimuat,
    COMMUTATOR = OPERATOR(dtks.@>),
    RESTRICT = dtks.kode_wilayah_sel, JOIN = contjoinsel
);
COMMENT ON OPERATOR dtks.<@ (dtks.kode_wilayah, dtks.kode_wilayah) IS 'Region is inside or equals';
