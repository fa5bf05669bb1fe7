-- Matching names against the civil registry.

CREATE FUNCTION dtks.nama_kunci(nama text) RETURNS text
    AS 'MODULE_PATHNAME', 'nama_kunci_11' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nama_kunci(text) IS
    'A matching key for an Indonesian personal name: upper case, letters only, degrees after a comma or written with dots and titles before the name dropped (H., Hj., Drs., S.Pd.), the old spelling read in words that carry it (oe/u, dj/j, tj/c, sj/sy, j/y; nj/ny only at the start of a word or beside another mark), CH/KH/DH/TH/PH/Q folded, doubled letters once, the forms of Muhammad as MUHAMAD';
