-- Matching names against the civil registry.

-- The 1.1 rules are the C symbol nama_kunci_11 (src/nama_kunci.c); a database at 1.0 declares the
-- symbol nama_kunci, which keeps the 1.0 rules (src/nama_kunci_10.c) until it is updated.
CREATE FUNCTION dtks.nama_kunci(nama text) RETURNS text
    AS 'MODULE_PATHNAME', 'nama_kunci_11' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nama_kunci(text) IS
    'A matching key for an Indonesian personal name: upper case, letters only; degrees after a comma, written with dots (S.Pd., A.Md.Kep., S.Tr.Kes., Sp.PD, Lc.) or without them at the end (SE, MM) dropped; titles before the name dropped (H., Hj., Drs., Prof., K.H., Kyai, Ust., Pdt., Sr., Pastor, Romo, Tuan Guru, Raden), names such as I, Ni, Ida Bagus, Andi, Teuku, Cut, Habib kept; the old spelling read in words that carry it (oe/u, dj/j, tj/c, sj/sy, hj/hy; j/y and nj/ny after an earlier mark, nj/ny also at the start of a word) and j/y in Jusuf, Junus, Jakub, Jasin, Jazid, Jahja; CH/KH/DH/TH/PH/Q folded, doubled letters once; the forms of Muhammad as MUHAMAD and of Ahmad as AHMAD';
