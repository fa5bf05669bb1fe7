-- Type dtks.kode_wilayah: a Kemendagri region code at any of its four levels.

CREATE TYPE dtks.kode_wilayah;

CREATE FUNCTION dtks.kode_wilayah_in(cstring) RETURNS dtks.kode_wilayah
    AS 'MODULE_PATHNAME', 'kode_wilayah_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.kode_wilayah_in(cstring) IS
    'Input of kode_wilayah: PP, PP.KK, PP.KK.CC or PP.KK.CC.DDDD, dotted or as 2/4/6/10 digits';

CREATE FUNCTION dtks.kode_wilayah_out(dtks.kode_wilayah) RETURNS cstring
    AS 'MODULE_PATHNAME', 'kode_wilayah_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.kode_wilayah_out(dtks.kode_wilayah) IS 'Output of kode_wilayah in dotted form';

CREATE FUNCTION dtks.kode_wilayah_recv(internal) RETURNS dtks.kode_wilayah
    AS 'MODULE_PATHNAME', 'kode_wilayah_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.kode_wilayah_recv(internal) IS 'Binary input of kode_wilayah (int8 encoding, checked)';

CREATE FUNCTION dtks.kode_wilayah_send(dtks.kode_wilayah) RETURNS bytea
    AS 'int8send' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.kode_wilayah_send(dtks.kode_wilayah) IS 'Binary output of kode_wilayah: the int8 encoding (int8send)';

CREATE TYPE dtks.kode_wilayah (
    INPUT = dtks.kode_wilayah_in,
    OUTPUT = dtks.kode_wilayah_out,
    RECEIVE = dtks.kode_wilayah_recv,
    SEND = dtks.kode_wilayah_send,
    LIKE = pg_catalog.int8
);
COMMENT ON TYPE dtks.kode_wilayah IS
    'Kemendagri region code (provinsi PP, kab/kota PP.KK, kecamatan PP.KK.CC, desa/kelurahan PP.KK.CC.DDDD); a region sorts immediately before its descendants';

CREATE CAST (text AS dtks.kode_wilayah) WITH INOUT;
COMMENT ON CAST (text AS dtks.kode_wilayah) IS 'Parse a region code, dotted or undotted';
CREATE CAST (dtks.kode_wilayah AS text) WITH INOUT;
COMMENT ON CAST (dtks.kode_wilayah AS text) IS 'The dotted form of a region code';

CREATE FUNCTION dtks.tingkat(dtks.kode_wilayah) RETURNS integer
    AS 'MODULE_PATHNAME', 'kode_wilayah_tingkat_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.tingkat(dtks.kode_wilayah) IS
    'Level of a region code: 1 provinsi, 2 kabupaten/kota, 3 kecamatan, 4 desa/kelurahan';

CREATE FUNCTION dtks.induk(dtks.kode_wilayah) RETURNS dtks.kode_wilayah
    AS 'MODULE_PATHNAME', 'kode_wilayah_induk' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.induk(dtks.kode_wilayah) IS 'Parent region code; NULL for a province';

CREATE FUNCTION dtks.leluhur(dtks.kode_wilayah, tingkat integer) RETURNS dtks.kode_wilayah
    AS 'MODULE_PATHNAME', 'kode_wilayah_leluhur' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.leluhur(dtks.kode_wilayah, integer) IS
    'The region at level tingkat (1-4) that contains the code (the code itself at its own level); NULL when tingkat is deeper than the code';

CREATE FUNCTION dtks.jenis_desa(dtks.kode_wilayah) RETURNS text
    AS 'MODULE_PATHNAME', 'kode_wilayah_jenis_desa' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.jenis_desa(dtks.kode_wilayah) IS
    'kelurahan (DDDD = 1xxx), desa (2xxx) or desa_adat (3xxx); NULL above level 4 or for another first digit';

CREATE FUNCTION dtks.kode_wilayah_akhir(dtks.kode_wilayah) RETURNS dtks.kode_wilayah
    AS 'MODULE_PATHNAME', 'kode_wilayah_akhir' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.kode_wilayah_akhir(dtks.kode_wilayah) IS
    'The last code a region can contain (31.71 -> 31.71.99.9999): the upper bound of its index range';
