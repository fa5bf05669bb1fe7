-- dtks install script, assembled by the Makefile from sql/install/*.sql in name order.
\echo Use "CREATE EXTENSION dtks CASCADE" to load this file. \quit

COMMENT ON SCHEMA dtks IS 'DTKS/DTSEN social welfare registry: identifier types, region reference, registry and rules';
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
-- Type dtks.nik: Nomor Induk Kependudukan (16 digits, 8 bytes, by value).

CREATE TYPE dtks.nik;

CREATE FUNCTION dtks.nik_in(cstring) RETURNS dtks.nik
    AS 'MODULE_PATHNAME', 'nik_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nik_in(cstring) IS 'Input of nik: 16 digits, checked structurally (region, date, serial)';

CREATE FUNCTION dtks.nik_out(dtks.nik) RETURNS cstring
    AS 'MODULE_PATHNAME', 'identitas_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nik_out(dtks.nik) IS 'Output of nik: its 16 digits';

CREATE FUNCTION dtks.nik_recv(internal) RETURNS dtks.nik
    AS 'MODULE_PATHNAME', 'nik_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nik_recv(internal) IS 'Binary input of nik (an int8), validated like text input';

CREATE FUNCTION dtks.nik_send(dtks.nik) RETURNS bytea
    AS 'int8send' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nik_send(dtks.nik) IS 'Binary output of nik: an int8 (int8send)';

CREATE TYPE dtks.nik (
    INPUT = dtks.nik_in,
    OUTPUT = dtks.nik_out,
    RECEIVE = dtks.nik_recv,
    SEND = dtks.nik_send,
    LIKE = pg_catalog.int8
);
COMMENT ON TYPE dtks.nik IS
    'Nomor Induk Kependudukan: 16 digits PPKKCC DDMMYY NNNN (day +40 for women), validated structurally; personal data';

CREATE FUNCTION dtks.nik(bigint) RETURNS dtks.nik
    AS 'MODULE_PATHNAME', 'nik_dari_bigint' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nik(bigint) IS 'Cast bigint to nik, validated like text input';

CREATE CAST (text AS dtks.nik) WITH INOUT;
COMMENT ON CAST (text AS dtks.nik) IS 'Parse and validate a NIK';
CREATE CAST (dtks.nik AS text) WITH INOUT;
COMMENT ON CAST (dtks.nik AS text) IS 'The 16 digits of a NIK';
CREATE CAST (dtks.nik AS bigint) WITHOUT FUNCTION;
COMMENT ON CAST (dtks.nik AS bigint) IS 'A NIK as the number its digits spell';
CREATE CAST (bigint AS dtks.nik) WITH FUNCTION dtks.nik(bigint);
COMMENT ON CAST (bigint AS dtks.nik) IS 'A number as a NIK, validated like text input';

CREATE FUNCTION dtks.nik_valid(text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'nik_valid' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nik_valid(text) IS 'Would the text be accepted as a nik? Never raises';

CREATE FUNCTION dtks.nik_alasan(text) RETURNS text
    AS 'MODULE_PATHNAME', 'nik_alasan' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nik_alasan(text) IS
    'NULL for a valid NIK, else the first failing rule in this order: panjang, bukan_angka, provinsi, kabkota, kecamatan, tanggal (day field), bulan, tanggal (day not in month), nomor_urut. Never raises';

CREATE FUNCTION dtks.nik_kode_wilayah(dtks.nik) RETURNS dtks.kode_wilayah
    AS 'MODULE_PATHNAME', 'identitas_kode_wilayah' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nik_kode_wilayah(dtks.nik) IS
    'The kecamatan of first registration (digits 1-6), e.g. 31.71.01; not the current address';

CREATE FUNCTION dtks.nik_jenis_kelamin(dtks.nik) RETURNS text
    AS 'MODULE_PATHNAME', 'nik_jenis_kelamin' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nik_jenis_kelamin(dtks.nik) IS 'Sex encoded in the NIK: L (day field 01-31) or P (41-71)';

CREATE FUNCTION dtks.nik_nomor_urut(dtks.nik) RETURNS integer
    AS 'MODULE_PATHNAME', 'nik_nomor_urut' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nik_nomor_urut(dtks.nik) IS 'Serial number of the NIK (digits 13-16)';

CREATE FUNCTION dtks.nik_tanggal_lahir(dtks.nik, acuan date) RETURNS date
    AS 'MODULE_PATHNAME', 'nik_tanggal_lahir' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nik_tanggal_lahir(dtks.nik, date) IS
    'Birth date in the NIK, its century chosen so that it is the latest such date not after acuan';

CREATE FUNCTION dtks.nik_tanggal_lahir(nik dtks.nik) RETURNS date
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN dtks.nik_tanggal_lahir(nik, CURRENT_DATE);
COMMENT ON FUNCTION dtks.nik_tanggal_lahir(dtks.nik) IS
    'Birth date in the NIK, the latest such date not after today (stable: depends on the current date)';
-- Type dtks.no_kk: nomor Kartu Keluarga (16 digits, 8 bytes, by value).

CREATE TYPE dtks.no_kk;

CREATE FUNCTION dtks.no_kk_in(cstring) RETURNS dtks.no_kk
    AS 'MODULE_PATHNAME', 'no_kk_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.no_kk_in(cstring) IS 'Input of no_kk: 16 digits with a valid issuing kecamatan';

CREATE FUNCTION dtks.no_kk_out(dtks.no_kk) RETURNS cstring
    AS 'MODULE_PATHNAME', 'identitas_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.no_kk_out(dtks.no_kk) IS 'Output of no_kk: its 16 digits';

CREATE FUNCTION dtks.no_kk_recv(internal) RETURNS dtks.no_kk
    AS 'MODULE_PATHNAME', 'no_kk_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.no_kk_recv(internal) IS 'Binary input of no_kk (an int8), validated like text input';

CREATE FUNCTION dtks.no_kk_send(dtks.no_kk) RETURNS bytea
    AS 'int8send' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.no_kk_send(dtks.no_kk) IS 'Binary output of no_kk: an int8 (int8send)';

CREATE TYPE dtks.no_kk (
    INPUT = dtks.no_kk_in,
    OUTPUT = dtks.no_kk_out,
    RECEIVE = dtks.no_kk_recv,
    SEND = dtks.no_kk_send,
    LIKE = pg_catalog.int8
);
COMMENT ON TYPE dtks.no_kk IS
    'Nomor Kartu Keluarga: 16 digits, the first 6 the issuing kecamatan (digits 7-12 believed DDMMYY, 13-16 a serial: unconfirmed, so only warned about)';

CREATE FUNCTION dtks.no_kk(bigint) RETURNS dtks.no_kk
    AS 'MODULE_PATHNAME', 'no_kk_dari_bigint' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.no_kk(bigint) IS 'Cast bigint to no_kk, validated like text input';

CREATE CAST (text AS dtks.no_kk) WITH INOUT;
COMMENT ON CAST (text AS dtks.no_kk) IS 'Parse and validate a KK number';
CREATE CAST (dtks.no_kk AS text) WITH INOUT;
COMMENT ON CAST (dtks.no_kk AS text) IS 'The 16 digits of a KK number';
CREATE CAST (dtks.no_kk AS bigint) WITHOUT FUNCTION;
COMMENT ON CAST (dtks.no_kk AS bigint) IS 'A KK number as the number its digits spell';
CREATE CAST (bigint AS dtks.no_kk) WITH FUNCTION dtks.no_kk(bigint);
COMMENT ON CAST (bigint AS dtks.no_kk) IS 'A number as a KK number, validated like text input';

CREATE FUNCTION dtks.no_kk_valid(text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'no_kk_valid' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.no_kk_valid(text) IS 'Would the text be accepted as a no_kk (warnings do not count)? Never raises';

CREATE FUNCTION dtks.no_kk_alasan(text) RETURNS text
    AS 'MODULE_PATHNAME', 'no_kk_alasan' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.no_kk_alasan(text) IS
    'NULL if clean, else the first finding in this order: panjang, bukan_angka, provinsi, kabkota, kecamatan (these reject), then tanggal, nomor_urut (these only warn). Never raises';

CREATE FUNCTION dtks.no_kk_kode_wilayah(dtks.no_kk) RETURNS dtks.kode_wilayah
    AS 'MODULE_PATHNAME', 'identitas_kode_wilayah' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.no_kk_kode_wilayah(dtks.no_kk) IS 'The issuing kecamatan (digits 1-6) of a KK number';

CREATE FUNCTION dtks.no_kk_tanggal_terbit(dtks.no_kk, acuan date) RETURNS date
    AS 'MODULE_PATHNAME', 'no_kk_tanggal_terbit' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.no_kk_tanggal_terbit(dtks.no_kk, date) IS
    'Digits 7-12 read as the recording date DDMMYY, the latest such date not after acuan; NULL where they are not a date';

CREATE FUNCTION dtks.no_kk_tanggal_terbit(no_kk dtks.no_kk) RETURNS date
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN dtks.no_kk_tanggal_terbit(no_kk, CURRENT_DATE);
COMMENT ON FUNCTION dtks.no_kk_tanggal_terbit(dtks.no_kk) IS
    'Digits 7-12 read as the recording date, the latest such date not after today; NULL where they are not a date (stable)';
-- Comparison operators, min/max and btree/hash operator classes for the three int8-backed types.
--
-- nik, no_kk and kode_wilayah are all stored as int8, so (as contrib/isn does)
-- their comparison and hash functions are bound to PostgreSQL's own int8
-- internals; the ordering is numeric, which is also digit-string order and,
-- for kode_wilayah, a region immediately before its descendants.  The three
-- types get the same set of objects, so one loop creates them.
DO $pembanding$
DECLARE
    tipe text;
    fungsi record;
    op record;
BEGIN
    FOREACH tipe IN ARRAY ARRAY['nik', 'no_kk', 'kode_wilayah'] LOOP
        FOR fungsi IN
            SELECT * FROM (VALUES
                ('eq', 'int8eq', 'boolean', 'Equality of'),
                ('ne', 'int8ne', 'boolean', 'Inequality of'),
                ('lt', 'int8lt', 'boolean', 'Less-than comparison of'),
                ('le', 'int8le', 'boolean', 'Less-or-equal comparison of'),
                ('gt', 'int8gt', 'boolean', 'Greater-than comparison of'),
                ('ge', 'int8ge', 'boolean', 'Greater-or-equal comparison of'),
                ('cmp', 'btint8cmp', 'integer', 'Three-way btree comparison (-1, 0, 1) of')
            ) AS f(akhiran, internal, hasil, arti)
        LOOP
            EXECUTE format(
                'CREATE FUNCTION dtks.%1$s_%2$s(dtks.%1$s, dtks.%1$s) RETURNS %3$s '
                'LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS %4$L',
                tipe, fungsi.akhiran, fungsi.hasil, fungsi.internal);
            EXECUTE format(
                'COMMENT ON FUNCTION dtks.%1$s_%2$s(dtks.%1$s, dtks.%1$s) IS %3$L',
                tipe, fungsi.akhiran, fungsi.arti || ' two ' || tipe || ' values (int8 internals)');
        END LOOP;

        EXECUTE format(
            'CREATE FUNCTION dtks.%1$s_hash(dtks.%1$s) RETURNS integer '
            'LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS ''hashint8''', tipe);
        EXECUTE format('COMMENT ON FUNCTION dtks.%1$s_hash(dtks.%1$s) IS %2$L',
                       tipe, 'Hash of a ' || tipe || ' (int8 internals)');
        EXECUTE format(
            'CREATE FUNCTION dtks.%1$s_hash_extended(dtks.%1$s, bigint) RETURNS bigint '
            'LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS ''hashint8extended''', tipe);
        EXECUTE format('COMMENT ON FUNCTION dtks.%1$s_hash_extended(dtks.%1$s, bigint) IS %2$L',
                       tipe, 'Seeded 64-bit hash of a ' || tipe || ', for hash partitioning (int8 internals)');

        FOR op IN
            SELECT * FROM (VALUES
                ('=',  'eq', '=',  '<>', 'eqsel', 'eqjoinsel', ', HASHES, MERGES'),
                ('<>', 'ne', '<>', '=',  'neqsel', 'neqjoinsel', ''),
                ('<',  'lt', '>',  '>=', 'scalarltsel', 'scalarltjoinsel', ''),
                ('<=', 'le', '>=', '>',  'scalarlesel', 'scalarlejoinsel', ''),
                ('>',  'gt', '<',  '<=', 'scalargtsel', 'scalargtjoinsel', ''),
                ('>=', 'ge', '<=', '<',  'scalargesel', 'scalargejoinsel', '')
            ) AS o(simbol, akhiran, komutator, negator, pembatas, gabung, ekstra)
        LOOP
            EXECUTE format(
                'CREATE OPERATOR dtks.%2$s (LEFTARG = dtks.%1$s, RIGHTARG = dtks.%1$s, '
                'FUNCTION = dtks.%1$s_%3$s, COMMUTATOR = OPERATOR(dtks.%4$s), '
                'NEGATOR = OPERATOR(dtks.%5$s), RESTRICT = %6$s, JOIN = %7$s%8$s)',
                tipe, op.simbol, op.akhiran, op.komutator, op.negator, op.pembatas, op.gabung, op.ekstra);
            EXECUTE format('COMMENT ON OPERATOR dtks.%2$s (dtks.%1$s, dtks.%1$s) IS %3$L',
                           tipe, op.simbol, 'Comparison ' || op.simbol || ' of two ' || tipe || ' values');
        END LOOP;

        -- min() and max(), parallel (the transition function is its own combine function)
        FOR fungsi IN
            SELECT * FROM (VALUES ('smaller', 'int8smaller', 'min', 'The smaller'),
                                  ('larger', 'int8larger', 'max', 'The larger')) AS f(akhiran, internal, agregat, arti)
        LOOP
            EXECUTE format(
                'CREATE FUNCTION dtks.%1$s_%2$s(dtks.%1$s, dtks.%1$s) RETURNS dtks.%1$s '
                'LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS %3$L',
                tipe, fungsi.akhiran, fungsi.internal);
            EXECUTE format('COMMENT ON FUNCTION dtks.%1$s_%2$s(dtks.%1$s, dtks.%1$s) IS %3$L',
                           tipe, fungsi.akhiran, fungsi.arti || ' of two ' || tipe || ' values (int8 internals)');
            EXECUTE format(
                'CREATE AGGREGATE dtks.%3$s(dtks.%1$s) (SFUNC = dtks.%1$s_%2$s, STYPE = dtks.%1$s, '
                'COMBINEFUNC = dtks.%1$s_%2$s, SORTOP = OPERATOR(dtks.%4$s), PARALLEL = SAFE)',
                tipe, fungsi.akhiran, fungsi.agregat, CASE fungsi.agregat WHEN 'min' THEN '<' ELSE '>' END);
            EXECUTE format('COMMENT ON AGGREGATE dtks.%2$s(dtks.%1$s) IS %3$L',
                           tipe, fungsi.agregat, initcap(fungsi.agregat) || 'imum of ' || tipe || ' values');
        END LOOP;

        EXECUTE format('CREATE OPERATOR FAMILY dtks.%1$s_ops USING btree', tipe);
        EXECUTE format('COMMENT ON OPERATOR FAMILY dtks.%1$s_ops USING btree IS %2$L',
                       tipe, 'btree ordering of ' || tipe || ' (numeric order of the digits)');
        EXECUTE format(
            'CREATE OPERATOR CLASS dtks.%1$s_ops DEFAULT FOR TYPE dtks.%1$s USING btree FAMILY dtks.%1$s_ops AS '
            'OPERATOR 1 dtks.<, OPERATOR 2 dtks.<=, OPERATOR 3 dtks.=, OPERATOR 4 dtks.>=, OPERATOR 5 dtks.>, '
            'FUNCTION 1 dtks.%1$s_cmp(dtks.%1$s, dtks.%1$s), '
            'FUNCTION 2 pg_catalog.btint8sortsupport(internal), '
            'FUNCTION 4 pg_catalog.btequalimage(oid)', tipe);
        EXECUTE format('COMMENT ON OPERATOR CLASS dtks.%1$s_ops USING btree IS %2$L',
                       tipe, 'Default btree operator class of ' || tipe || ' (sort support, deduplication)');

        EXECUTE format('CREATE OPERATOR FAMILY dtks.%1$s_ops USING hash', tipe);
        EXECUTE format('COMMENT ON OPERATOR FAMILY dtks.%1$s_ops USING hash IS %2$L',
                       tipe, 'Hashing of ' || tipe);
        EXECUTE format(
            'CREATE OPERATOR CLASS dtks.%1$s_ops DEFAULT FOR TYPE dtks.%1$s USING hash FAMILY dtks.%1$s_ops AS '
            'OPERATOR 1 dtks.=, FUNCTION 1 dtks.%1$s_hash(dtks.%1$s), '
            'FUNCTION 2 dtks.%1$s_hash_extended(dtks.%1$s, bigint)', tipe);
        EXECUTE format('COMMENT ON OPERATOR CLASS dtks.%1$s_ops USING hash IS %2$L',
                       tipe, 'Default hash operator class of ' || tipe || ' (hash joins, hash indexes, hash partitioning)');
    END LOOP;
END
$pembanding$;
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
-- Region reference: the editions of the Kemendagri code list, every code of every
-- edition, and the current edition with its hierarchy and boundaries.
-- Filled by scripts/load-wilayah; all rows are the user's data, so all are dumped.

CREATE TABLE dtks.wilayah_edisi (
    edisi smallint PRIMARY KEY CHECK (edisi BETWEEN 1945 AND 2999),
    terkini boolean NOT NULL DEFAULT false,
    sumber text,
    dimuat_pada timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE dtks.wilayah_edisi IS 'Editions of the Kemendagri region-code list that are loaded (one is terkini, the current one)';
COMMENT ON COLUMN dtks.wilayah_edisi.edisi IS 'Year of the edition, e.g. 2022 (Kepmendagri 050-145/2022) or 2025 (300.2.2-2138/2025)';
COMMENT ON COLUMN dtks.wilayah_edisi.terkini IS 'True for the current edition, whose codes are in dtks.wilayah';
COMMENT ON COLUMN dtks.wilayah_edisi.sumber IS 'Where the edition came from (regulation, file)';
COMMENT ON COLUMN dtks.wilayah_edisi.dimuat_pada IS 'When it was loaded';
CREATE UNIQUE INDEX wilayah_edisi_satu_terkini ON dtks.wilayah_edisi (terkini) WHERE terkini;
COMMENT ON INDEX dtks.wilayah_edisi_satu_terkini IS 'At most one current edition';

CREATE TABLE dtks.wilayah_riwayat (
    kode dtks.kode_wilayah NOT NULL,
    edisi smallint NOT NULL REFERENCES dtks.wilayah_edisi (edisi) ON DELETE CASCADE,
    nama text NOT NULL CHECK (nama <> ''),
    PRIMARY KEY (kode, edisi)
);
COMMENT ON TABLE dtks.wilayah_riwayat IS
    'Every code of every loaded edition, the current one included: "which editions contain X" and "what was X called in Y" are primary-key lookups';
COMMENT ON COLUMN dtks.wilayah_riwayat.kode IS 'Region code as it stood in that edition';
COMMENT ON COLUMN dtks.wilayah_riwayat.edisi IS 'The edition';
COMMENT ON COLUMN dtks.wilayah_riwayat.nama IS 'Name in that edition, spelled as the edition spells it';

CREATE TABLE dtks.wilayah (
    kode dtks.kode_wilayah PRIMARY KEY,
    nama text NOT NULL CHECK (nama <> ''),
    tingkat integer NOT NULL GENERATED ALWAYS AS (dtks.tingkat(kode)) STORED,
    induk dtks.kode_wilayah GENERATED ALWAYS AS (dtks.induk(kode)) STORED
        REFERENCES dtks.wilayah (kode),
    batas geometry(MultiPolygon, 4326)
);
COMMENT ON TABLE dtks.wilayah IS 'The current edition of the region codes: name, level, parent and (where loaded) boundary';
COMMENT ON COLUMN dtks.wilayah.kode IS 'Region code';
COMMENT ON COLUMN dtks.wilayah.nama IS 'Official name in the current edition';
COMMENT ON COLUMN dtks.wilayah.tingkat IS 'Level 1-4, derived from the code';
COMMENT ON COLUMN dtks.wilayah.induk IS 'Parent code, derived from the code; must exist';
COMMENT ON COLUMN dtks.wilayah.batas IS 'Boundary (simplified, approximate) in WGS 84; NULL where none is loaded';
CREATE INDEX wilayah_induk ON dtks.wilayah (induk);
COMMENT ON INDEX dtks.wilayah_induk IS 'Children of a region';
CREATE INDEX wilayah_batas ON dtks.wilayah USING gist (batas);
COMMENT ON INDEX dtks.wilayah_batas IS 'Point-in-region lookups (wilayah_di_titik)';

COMMENT ON INDEX dtks.wilayah_edisi_pkey IS 'One row per edition';
COMMENT ON INDEX dtks.wilayah_riwayat_pkey IS 'Which editions contain a code; its name in one edition';
COMMENT ON INDEX dtks.wilayah_pkey IS 'Lookups by code and containment ranges (kode <@ region)';

SELECT pg_catalog.pg_extension_config_dump('dtks.wilayah_edisi'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.wilayah_riwayat'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.wilayah'::regclass, '');

CREATE FUNCTION dtks.nik_wilayah_dikenal(nik dtks.nik) RETURNS boolean
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT EXISTS (SELECT 1 FROM dtks.wilayah_riwayat r
                    WHERE r.kode = dtks.nik_kode_wilayah(nik));
END;
COMMENT ON FUNCTION dtks.nik_wilayah_dikenal(dtks.nik) IS
    'Is the NIK''s 6-digit prefix a kecamatan in any loaded edition? (a NIK keeps its first-registration code for life)';

CREATE FUNCTION dtks.titik_wgs84_periksa(srid integer, jenis text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'titik_wgs84_periksa' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.titik_wgs84_periksa(integer, text) IS
    'True for a POINT in SRID 4326, else raises 22023 naming what is wrong (argument check of wilayah_di_titik)';

CREATE FUNCTION dtks.wilayah_di_titik(titik geometry) RETURNS dtks.kode_wilayah
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT w.kode
      FROM dtks.wilayah w
     WHERE dtks.titik_wgs84_periksa(ST_SRID(titik), GeometryType(titik))
       AND ST_Covers(w.batas, titik)
     ORDER BY w.tingkat DESC, ST_Area(w.batas), w.kode
     LIMIT 1;
END;
COMMENT ON FUNCTION dtks.wilayah_di_titik(geometry) IS
    'Deepest loaded region whose boundary covers a WGS 84 point; where simplified polygons overlap, the smallest, then the lowest code; NULL if none';
-- Code lists of the Regsosek 2022 / DTSEN questionnaire (domain.md 3.2) as domains: one place per list,
-- reusable in staging tables, and a violation names the list without echoing the row (which holds a NIK).

CREATE DOMAIN dtks.kode_status_bangunan AS smallint CHECK (VALUE BETWEEN 1 AND 6);
COMMENT ON DOMAIN dtks.kode_status_bangunan IS '301a: 1 milik sendiri, 2 kontrak/sewa, 3 bebas sewa, 4 dinas, 5 lainnya, 6 menumpang/kepemilikan bersama';
CREATE DOMAIN dtks.kode_bukti_lahan AS smallint CHECK (VALUE BETWEEN 1 AND 6);
COMMENT ON DOMAIN dtks.kode_bukti_lahan IS '301b: 1 SHM a.n. ART, 2 SHM bukan a.n. ART dengan perjanjian, 3 tanpa perjanjian, 4 sertifikat selain SHM, 5 surat bukti lain, 6 tidak punya';
CREATE DOMAIN dtks.luas_lantai_m2 AS integer CHECK (VALUE BETWEEN 1 AND 100000);
COMMENT ON DOMAIN dtks.luas_lantai_m2 IS '302: floor area in m2';
CREATE DOMAIN dtks.kode_jenis_lantai AS smallint CHECK (VALUE BETWEEN 1 AND 9);
COMMENT ON DOMAIN dtks.kode_jenis_lantai IS '303: 1 marmer/granit, 2 keramik, 3 parket/vinil/karpet, 4 ubin/tegel/teraso, 5 kayu/papan, 6 semen/bata merah, 7 bambu, 8 tanah, 9 lainnya';
CREATE DOMAIN dtks.kode_jenis_dinding AS smallint CHECK (VALUE BETWEEN 1 AND 7);
COMMENT ON DOMAIN dtks.kode_jenis_dinding IS '304: 1 tembok, 2 plesteran anyaman bambu/kawat, 3 kayu/papan/gypsum/GRC/calciboard, 4 anyaman bambu, 5 batang kayu, 6 bambu, 7 lainnya';
CREATE DOMAIN dtks.kode_jenis_atap AS smallint CHECK (VALUE BETWEEN 1 AND 8);
COMMENT ON DOMAIN dtks.kode_jenis_atap IS '305 (Regsosek order): 1 beton, 2 genteng, 3 seng, 4 asbes, 5 kayu/sirap, 6 bambu, 7 jerami/ijuk/daun/rumbia, 8 lainnya';
CREATE DOMAIN dtks.kode_sumber_air_minum AS smallint CHECK (VALUE BETWEEN 1 AND 13);
COMMENT ON DOMAIN dtks.kode_sumber_air_minum IS '306a: 1 air kemasan, 2 isi ulang, 3 leding, 4 sumur bor/pompa, 5 sumur terlindung, 6 sumur tak terlindung, 7 mata air terlindung, 8 mata air tak terlindung, 9 air permukaan, 10 air hujan, 11 lainnya, 12 PDAM, 13 PAMDES/PAMSIMAS';
CREATE DOMAIN dtks.kode_jarak_tinja AS smallint CHECK (VALUE BETWEEN 1 AND 3);
COMMENT ON DOMAIN dtks.kode_jarak_tinja IS '306b: distance from the water source to the septic tank: 1 <10 m, 2 >=10 m, 3 tidak tahu';
CREATE DOMAIN dtks.kode_sumber_penerangan AS smallint CHECK (VALUE BETWEEN 1 AND 4);
COMMENT ON DOMAIN dtks.kode_sumber_penerangan IS '307a: 1 PLN dengan meteran, 2 PLN tanpa meteran, 3 listrik non-PLN, 4 bukan listrik';
CREATE DOMAIN dtks.kode_bahan_bakar AS smallint CHECK (VALUE BETWEEN 1 AND 12);
COMMENT ON DOMAIN dtks.kode_bahan_bakar IS '308: 1 listrik, 2 elpiji 5,5 kg, 3 elpiji 12 kg, 4 elpiji 3 kg, 5 gas kota, 6 biogas, 7 minyak tanah, 8 briket, 9 arang, 10 kayu bakar, 11 lainnya, 12 tidak memasak di rumah';
CREATE DOMAIN dtks.kode_fasilitas_bab AS smallint CHECK (VALUE BETWEEN 1 AND 6);
COMMENT ON DOMAIN dtks.kode_fasilitas_bab IS '309a: 1 sendiri, 2 bersama keluarga tertentu, 3 MCK komunal, 4 MCK umum, 5 ada tapi tidak dipakai, 6 tidak ada';
CREATE DOMAIN dtks.kode_jenis_kloset AS smallint CHECK (VALUE BETWEEN 1 AND 4);
COMMENT ON DOMAIN dtks.kode_jenis_kloset IS '309b: 1 leher angsa, 2 plengsengan dengan tutup, 3 plengsengan tanpa tutup, 4 cemplung/cubluk';
CREATE DOMAIN dtks.kode_pembuangan_tinja AS smallint CHECK (VALUE BETWEEN 1 AND 6);
COMMENT ON DOMAIN dtks.kode_pembuangan_tinja IS '310: 1 tangki septik, 2 IPAL, 3 kolam/sawah/sungai/danau/laut, 4 lubang tanah, 5 pantai/tanah lapang/kebun, 6 lainnya';
CREATE DOMAIN dtks.kode_internet AS smallint CHECK (VALUE BETWEEN 0 AND 3);
COMMENT ON DOMAIN dtks.kode_internet IS 'Blok V: internet in the last month: 0 tidak, 1 internet + TV digital berlangganan, 2 wifi, 3 internet HP';
CREATE DOMAIN dtks.kode_rekening AS smallint CHECK (VALUE BETWEEN 1 AND 4);
COMMENT ON DOMAIN dtks.kode_rekening IS 'Blok V: active bank account: 1 usaha, 2 pribadi, 3 keduanya, 4 tidak';
CREATE DOMAIN dtks.kode_status_kawin AS smallint CHECK (VALUE BETWEEN 1 AND 4);
COMMENT ON DOMAIN dtks.kode_status_kawin IS '408: 1 belum kawin, 2 kawin, 3 cerai hidup, 4 cerai mati';
CREATE DOMAIN dtks.kode_kartu_identitas AS smallint CHECK (VALUE BETWEEN 0 AND 7);
COMMENT ON DOMAIN dtks.kode_kartu_identitas IS '411 bitmask: 1 akta kelahiran, 2 KIA, 4 KTP; 0 none';
CREATE DOMAIN dtks.kode_partisipasi_sekolah AS smallint CHECK (VALUE BETWEEN 1 AND 3);
COMMENT ON DOMAIN dtks.kode_partisipasi_sekolah IS '412: 1 tidak/belum pernah, 2 masih sekolah, 3 tidak sekolah lagi';
CREATE DOMAIN dtks.kode_jenjang_pendidikan AS smallint CHECK (VALUE BETWEEN 1 AND 22);
COMMENT ON DOMAIN dtks.kode_jenjang_pendidikan IS '413: highest level attended, 1 Paket A ... 8 SMP ... 13 SMA ... 15 SMK ... 18 D1-D3, 19 D4/S1, 20 profesi, 21 S2, 22 S3';
CREATE DOMAIN dtks.kode_ijazah_tertinggi AS smallint CHECK (VALUE BETWEEN 1 AND 23);
COMMENT ON DOMAIN dtks.kode_ijazah_tertinggi IS '415: the 413 list plus 23 tidak punya ijazah SD';
CREATE DOMAIN dtks.jam_kerja_seminggu AS smallint CHECK (VALUE BETWEEN 0 AND 168);
COMMENT ON DOMAIN dtks.jam_kerja_seminggu IS '416b: hours worked in the last week';
CREATE DOMAIN dtks.kode_lapangan_usaha AS smallint CHECK (VALUE BETWEEN 1 AND 26);
COMMENT ON DOMAIN dtks.kode_lapangan_usaha IS '417: 26 KBLI-based sectors (1 padi & palawija ... 26 badan internasional)';
CREATE DOMAIN dtks.kode_kedudukan_pekerjaan AS smallint CHECK (VALUE BETWEEN 1 AND 8);
COMMENT ON DOMAIN dtks.kode_kedudukan_pekerjaan IS '418: 1 berusaha sendiri ... 5 PNS/TNI/Polri/BUMN/BUMD/pejabat ... 8 pekerja keluarga';
CREATE DOMAIN dtks.kode_npwp AS smallint CHECK (VALUE BETWEEN 1 AND 3);
COMMENT ON DOMAIN dtks.kode_npwp IS '419: 1 ada dapat ditunjukkan, 2 ada tidak dapat ditunjukkan, 3 tidak ada';
CREATE DOMAIN dtks.kode_internet_usaha AS smallint CHECK (VALUE BETWEEN 0 AND 63);
COMMENT ON DOMAIN dtks.kode_internet_usaha IS '426 bitmask: internet use in the business, bits 1, 2, 4, 8, 16, 32 as in the form; 0 none';
CREATE DOMAIN dtks.kode_gizi_balita AS smallint CHECK (VALUE IN (1, 2, 3, 8));
COMMENT ON DOMAIN dtks.kode_gizi_balita IS '427 (under-fives): 1 wasting, 2 stunting, 3 tidak ada catatan, 8 tidak tahu';
CREATE DOMAIN dtks.kode_sulit_melihat AS smallint CHECK (VALUE BETWEEN 1 AND 4);
COMMENT ON DOMAIN dtks.kode_sulit_melihat IS '428a seeing: 1 cannot at all, 2 a lot of difficulty, 3 some difficulty, 4 none (same scale for 428b-i)';
CREATE DOMAIN dtks.kode_sulit_mendengar AS smallint CHECK (VALUE BETWEEN 1 AND 4);
COMMENT ON DOMAIN dtks.kode_sulit_mendengar IS '428b hearing';
CREATE DOMAIN dtks.kode_sulit_berjalan AS smallint CHECK (VALUE BETWEEN 1 AND 4);
COMMENT ON DOMAIN dtks.kode_sulit_berjalan IS '428c walking or climbing steps';
CREATE DOMAIN dtks.kode_sulit_tangan AS smallint CHECK (VALUE BETWEEN 1 AND 4);
COMMENT ON DOMAIN dtks.kode_sulit_tangan IS '428d using hands and fingers';
CREATE DOMAIN dtks.kode_sulit_belajar AS smallint CHECK (VALUE BETWEEN 1 AND 4);
COMMENT ON DOMAIN dtks.kode_sulit_belajar IS '428e learning/intellectual';
CREATE DOMAIN dtks.kode_sulit_perilaku AS smallint CHECK (VALUE BETWEEN 1 AND 4);
COMMENT ON DOMAIN dtks.kode_sulit_perilaku IS '428f behaviour/emotion';
CREATE DOMAIN dtks.kode_sulit_bicara AS smallint CHECK (VALUE BETWEEN 1 AND 4);
COMMENT ON DOMAIN dtks.kode_sulit_bicara IS '428g speaking/communicating';
CREATE DOMAIN dtks.kode_sulit_mengurus_diri AS smallint CHECK (VALUE BETWEEN 1 AND 4);
COMMENT ON DOMAIN dtks.kode_sulit_mengurus_diri IS '428h self-care';
CREATE DOMAIN dtks.kode_sulit_mengingat AS smallint CHECK (VALUE BETWEEN 1 AND 4);
COMMENT ON DOMAIN dtks.kode_sulit_mengingat IS '428i remembering/concentrating';
CREATE DOMAIN dtks.kode_sering_sedih AS smallint CHECK (VALUE BETWEEN 1 AND 4);
COMMENT ON DOMAIN dtks.kode_sering_sedih IS '428j: 1 sangat sering ... 4 tidak pernah';
CREATE DOMAIN dtks.kode_perawat AS smallint CHECK (VALUE BETWEEN 1 AND 3);
COMMENT ON DOMAIN dtks.kode_perawat IS '429: 1 ya, ART; 2 ya, bukan ART; 3 ya, tinggal sendiri';
CREATE DOMAIN dtks.kode_penyakit_kronis AS smallint CHECK (VALUE BETWEEN 1 AND 18);
COMMENT ON DOMAIN dtks.kode_penyakit_kronis IS '430: 1 tidak ada, 2 hipertensi, 3 rematik, 4 asma, 5 jantung, 6 diabetes, 7 TBC, 8 stroke, 9 kanker, 10 gagal ginjal, 11 haemophilia, 12 HIV/AIDS, 13 kolesterol, 14 sirosis, 15 thalasemia, 16 leukemia, 17 alzheimer, 18 lainnya';
CREATE DOMAIN dtks.kode_jaminan_kesehatan AS smallint CHECK (VALUE BETWEEN 0 AND 31);
COMMENT ON DOMAIN dtks.kode_jaminan_kesehatan IS '431a bitmask: 1 PBI-JKN, 2 JKN mandiri, 4 JKN pemberi kerja, 8 jamkes lain, 16 lainnya (the form''s 99); 0 tidak punya';
CREATE DOMAIN dtks.kode_prakerja AS smallint CHECK (VALUE IN (1, 2, 8));
COMMENT ON DOMAIN dtks.kode_prakerja IS '431b Kartu Prakerja: 1 ya, 2 tidak, 8 tidak tahu';
CREATE DOMAIN dtks.kode_kur AS smallint CHECK (VALUE IN (1, 2, 8));
COMMENT ON DOMAIN dtks.kode_kur IS '431c KUR: 1 ya, 2 tidak, 8 tidak tahu';
CREATE DOMAIN dtks.kode_umi AS smallint CHECK (VALUE IN (1, 2, 8));
COMMENT ON DOMAIN dtks.kode_umi IS '431d UMi: 1 ya, 2 tidak, 8 tidak tahu';
CREATE DOMAIN dtks.kode_pip AS smallint CHECK (VALUE IN (1, 2, 8));
COMMENT ON DOMAIN dtks.kode_pip IS '431e PIP: 1 ya, 2 tidak, 8 tidak tahu';
CREATE DOMAIN dtks.kode_jaminan_ketenagakerjaan AS smallint CHECK (VALUE BETWEEN 0 AND 63);
COMMENT ON DOMAIN dtks.kode_jaminan_ketenagakerjaan IS '431f bitmask: 1 JKK, 2 JKM, 4 JHT, 8 JP, 16 pensiun lain, 32 tidak tahu (the form''s 99); 0 none';
CREATE DOMAIN dtks.kode_daya_listrik AS smallint[] CHECK (cardinality(VALUE) BETWEEN 1 AND 3 AND 1 <= ALL (VALUE) AND 5 >= ALL (VALUE));
COMMENT ON DOMAIN dtks.kode_daya_listrik IS '307b1-b3: installed power per meter (1-3 meters): 1 450 W, 2 900 W, 3 1.300 W, 4 2.200 W, 5 >2.200 W';
CREATE DOMAIN dtks.kode_shdk AS smallint CHECK (VALUE BETWEEN 1 AND 11);
COMMENT ON DOMAIN dtks.kode_shdk IS 'Status hubungan dalam keluarga (Dukcapil, on the KK): 1 kepala keluarga, 2 suami, 3 istri, 4 anak, 5 menantu, 6 cucu, 7 orang tua, 8 mertua, 9 famili lain, 10 pembantu, 11 lainnya';
CREATE DOMAIN dtks.kode_jenis_kelamin AS char(1) CHECK (VALUE IN ('L', 'P'));
COMMENT ON DOMAIN dtks.kode_jenis_kelamin IS '405 as recorded: L laki-laki, P perempuan';
CREATE DOMAIN dtks.kode_status_hidup AS text CHECK (VALUE IN ('aktif', 'meninggal', 'pindah', 'nonaktif', 'ganda'));
COMMENT ON DOMAIN dtks.kode_status_hidup IS 'Life status of a person in the registry: aktif, meninggal, pindah, nonaktif, ganda (a duplicate record)';
CREATE DOMAIN dtks.nama_orang AS text CHECK (VALUE <> '' AND VALUE = btrim(VALUE));
COMMENT ON DOMAIN dtks.nama_orang IS 'A person''s name as on the KK: not empty, no surrounding spaces';
CREATE DOMAIN dtks.masa_berlaku AS daterange CHECK (NOT isempty(VALUE) AND NOT lower_inf(VALUE));
COMMENT ON DOMAIN dtks.masa_berlaku IS 'A validity period with a start; open-ended while current';
-- The registry: rumah tangga (households) -> keluarga (one Kartu Keluarga each) -> anggota (one NIK each),
-- with membership kept as history (dtks.keanggotaan).  Questionnaire variables follow Regsosek 2022 /
-- DTSEN (domain.md 3.2); each coded answer is checked against its code list.
-- The references between these tables (and to dtks.wilayah) are not declared as foreign keys, whose
-- row-by-row checks would dominate a bulk load: they are checked set-based at commit with the other
-- rules (41_registri_aturan.sql), with the same guarantee: a transaction that breaks one stores nothing.

CREATE TABLE dtks.rumah_tangga (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kode_wilayah dtks.kode_wilayah NOT NULL
        CONSTRAINT aturan_5_wilayah_desa CHECK (dtks.tingkat(kode_wilayah) = 4),
    alamat text NOT NULL CHECK (alamat <> ''),
    rt text CHECK (rt ~ '^[0-9]{3}$'),
    rw text CHECK (rw ~ '^[0-9]{3}$'),
    lokasi geometry(Point, 4326),
    kepala_nik dtks.nik,
    -- Blok III perumahan
    status_bangunan dtks.kode_status_bangunan,
    bukti_lahan dtks.kode_bukti_lahan,
    luas_lantai dtks.luas_lantai_m2,
    jenis_lantai dtks.kode_jenis_lantai,
    jenis_dinding dtks.kode_jenis_dinding,
    jenis_atap dtks.kode_jenis_atap,
    sumber_air_minum dtks.kode_sumber_air_minum,
    jarak_tinja dtks.kode_jarak_tinja,
    sumber_penerangan dtks.kode_sumber_penerangan,
    daya_listrik dtks.kode_daya_listrik,
    bahan_bakar dtks.kode_bahan_bakar,
    fasilitas_bab dtks.kode_fasilitas_bab,
    jenis_kloset dtks.kode_jenis_kloset,
    pembuangan_tinja dtks.kode_pembuangan_tinja
);
COMMENT ON TABLE dtks.rumah_tangga IS 'Household (rumah tangga): one dwelling sharing daily needs, with its housing (Regsosek Blok III)';
COMMENT ON COLUMN dtks.rumah_tangga.id IS 'Household id';
COMMENT ON COLUMN dtks.rumah_tangga.kode_wilayah IS 'Desa/kelurahan (level 4) of the current edition (rule 5)';
COMMENT ON COLUMN dtks.rumah_tangga.alamat IS 'Street address (107)';
COMMENT ON COLUMN dtks.rumah_tangga.rt IS 'Rukun tetangga, three digits';
COMMENT ON COLUMN dtks.rumah_tangga.rw IS 'Rukun warga, three digits';
COMMENT ON COLUMN dtks.rumah_tangga.lokasi IS 'Location of the dwelling (WGS 84), optional';
COMMENT ON COLUMN dtks.rumah_tangga.kepala_nik IS 'Kepala rumah tangga: a current member of one of its active families (rule 4)';
COMMENT ON COLUMN dtks.rumah_tangga.status_bangunan IS '301a: 1 milik sendiri, 2 kontrak/sewa, 3 bebas sewa, 4 dinas, 5 lainnya, 6 menumpang/kepemilikan bersama';
COMMENT ON COLUMN dtks.rumah_tangga.bukti_lahan IS '301b: 1 SHM a.n. ART, 2 SHM bukan a.n. ART dengan perjanjian, 3 tanpa perjanjian, 4 sertifikat selain SHM, 5 surat bukti lain, 6 tidak punya';
COMMENT ON COLUMN dtks.rumah_tangga.luas_lantai IS '302: floor area in m2';
COMMENT ON COLUMN dtks.rumah_tangga.jenis_lantai IS '303: 1 marmer/granit, 2 keramik, 3 parket/vinil/karpet, 4 ubin/tegel/teraso, 5 kayu/papan, 6 semen/bata merah, 7 bambu, 8 tanah, 9 lainnya';
COMMENT ON COLUMN dtks.rumah_tangga.jenis_dinding IS '304: 1 tembok, 2 plesteran anyaman bambu/kawat, 3 kayu/papan/gypsum/GRC/calciboard, 4 anyaman bambu, 5 batang kayu, 6 bambu, 7 lainnya';
COMMENT ON COLUMN dtks.rumah_tangga.jenis_atap IS '305 (Regsosek order): 1 beton, 2 genteng, 3 seng, 4 asbes, 5 kayu/sirap, 6 bambu, 7 jerami/ijuk/daun/rumbia, 8 lainnya';
COMMENT ON COLUMN dtks.rumah_tangga.sumber_air_minum IS '306a: 1 air kemasan, 2 isi ulang, 3 leding, 4 sumur bor/pompa, 5 sumur terlindung, 6 sumur tak terlindung, 7 mata air terlindung, 8 mata air tak terlindung, 9 air permukaan, 10 air hujan, 11 lainnya, 12 PDAM, 13 PAMDES/PAMSIMAS';
COMMENT ON COLUMN dtks.rumah_tangga.jarak_tinja IS '306b: distance from the water source to the septic tank: 1 <10 m, 2 >=10 m, 3 tidak tahu';
COMMENT ON COLUMN dtks.rumah_tangga.sumber_penerangan IS '307a: 1 PLN dengan meteran, 2 PLN tanpa meteran, 3 listrik non-PLN, 4 bukan listrik';
COMMENT ON COLUMN dtks.rumah_tangga.daya_listrik IS '307b1-b3: installed power per meter (1-3 meters): 1 450 W, 2 900 W, 3 1.300 W, 4 2.200 W, 5 >2.200 W';
COMMENT ON COLUMN dtks.rumah_tangga.bahan_bakar IS '308: 1 listrik, 2 elpiji 5,5 kg, 3 elpiji 12 kg, 4 elpiji 3 kg, 5 gas kota, 6 biogas, 7 minyak tanah, 8 briket, 9 arang, 10 kayu bakar, 11 lainnya, 12 tidak memasak di rumah';
COMMENT ON COLUMN dtks.rumah_tangga.fasilitas_bab IS '309a: 1 sendiri, 2 bersama keluarga tertentu, 3 MCK komunal, 4 MCK umum, 5 ada tapi tidak dipakai, 6 tidak ada';
COMMENT ON COLUMN dtks.rumah_tangga.jenis_kloset IS '309b: 1 leher angsa, 2 plengsengan dengan tutup, 3 plengsengan tanpa tutup, 4 cemplung/cubluk';
COMMENT ON COLUMN dtks.rumah_tangga.pembuangan_tinja IS '310: 1 tangki septik, 2 IPAL, 3 kolam/sawah/sungai/danau/laut, 4 lubang tanah, 5 pantai/tanah lapang/kebun, 6 lainnya';
COMMENT ON INDEX dtks.rumah_tangga_pkey IS 'One row per household id';
COMMENT ON SEQUENCE dtks.rumah_tangga_id_seq IS 'Household ids';
CREATE INDEX rumah_tangga_wilayah ON dtks.rumah_tangga (kode_wilayah);
COMMENT ON INDEX dtks.rumah_tangga_wilayah IS 'Households of a region (kode_wilayah <@ R is a range scan)';
CREATE INDEX rumah_tangga_lokasi ON dtks.rumah_tangga USING gist (lokasi);
COMMENT ON INDEX dtks.rumah_tangga_lokasi IS 'Households near a point';
CREATE INDEX rumah_tangga_kepala ON dtks.rumah_tangga (kepala_nik);
COMMENT ON INDEX dtks.rumah_tangga_kepala IS 'The household a person heads';

CREATE TABLE dtks.keluarga (
    no_kk dtks.no_kk PRIMARY KEY,
    rumah_tangga_id bigint NOT NULL,
    status text NOT NULL DEFAULT 'aktif' CHECK (status IN ('aktif', 'nonaktif')),
    asal_no_kk dtks.no_kk,
    alasan_terbit text CHECK (alasan_terbit IN ('baru', 'pindah', 'pecah_kk', 'kepala_meninggal', 'perceraian', 'perubahan_data', 'lainnya')),
    -- Blok V: programs received (the month they started; NULL = not received)
    bpnt_sejak date, pkh_sejak date, blt_dana_desa_sejak date, subsidi_listrik_sejak date,
    bantuan_pemda_sejak date, subsidi_pupuk_sejak date, subsidi_lpg_sejak date,
    -- Blok V: movable assets
    punya_tabung_gas boolean, punya_lemari_es boolean, punya_ac boolean, punya_pemanas_air boolean,
    punya_telepon_rumah boolean, punya_televisi boolean, punya_emas boolean, punya_komputer boolean,
    punya_sepeda_motor boolean, punya_sepeda boolean, punya_mobil boolean, punya_perahu boolean,
    punya_perahu_motor boolean, punya_smartphone boolean,
    -- Blok V: livestock and immovable assets
    jumlah_sapi smallint CHECK (jumlah_sapi >= 0), jumlah_kerbau smallint CHECK (jumlah_kerbau >= 0),
    jumlah_kuda smallint CHECK (jumlah_kuda >= 0), jumlah_babi smallint CHECK (jumlah_babi >= 0),
    jumlah_kambing smallint CHECK (jumlah_kambing >= 0),
    punya_lahan_lain boolean, punya_rumah_lain boolean,
    internet dtks.kode_internet,
    rekening dtks.kode_rekening
);
COMMENT ON TABLE dtks.keluarga IS 'Family: one Kartu Keluarga. A new KK number (move, pecah KK, loss of the head) is a new row; the old one becomes nonaktif';
COMMENT ON COLUMN dtks.keluarga.no_kk IS 'KK number';
COMMENT ON COLUMN dtks.keluarga.rumah_tangga_id IS 'The household the family lives in (must exist: checked at commit)';
COMMENT ON COLUMN dtks.keluarga.status IS 'aktif, or nonaktif once the KK is replaced or dissolved (its memberships are then closed)';
COMMENT ON COLUMN dtks.keluarga.asal_no_kk IS 'The KK this one replaced or split from (must exist: checked at commit)';
COMMENT ON COLUMN dtks.keluarga.alasan_terbit IS 'Why this KK was issued: baru, pindah, pecah_kk, kepala_meninggal, perceraian, perubahan_data, lainnya';
COMMENT ON COLUMN dtks.keluarga.bpnt_sejak IS 'Blok V: BPNT/sembako received since (month); NULL if not';
COMMENT ON COLUMN dtks.keluarga.pkh_sejak IS 'Blok V: PKH received since (month)';
COMMENT ON COLUMN dtks.keluarga.blt_dana_desa_sejak IS 'Blok V: BLT Dana Desa received since (month)';
COMMENT ON COLUMN dtks.keluarga.subsidi_listrik_sejak IS 'Blok V: electricity subsidy since (month)';
COMMENT ON COLUMN dtks.keluarga.bantuan_pemda_sejak IS 'Blok V: local government aid since (month)';
COMMENT ON COLUMN dtks.keluarga.subsidi_pupuk_sejak IS 'Blok V: fertiliser subsidy since (month)';
COMMENT ON COLUMN dtks.keluarga.subsidi_lpg_sejak IS 'Blok V: LPG subsidy since (month)';
COMMENT ON COLUMN dtks.keluarga.punya_tabung_gas IS 'Blok V: gas cylinder >= 5.5 kg';
COMMENT ON COLUMN dtks.keluarga.punya_lemari_es IS 'Blok V: refrigerator';
COMMENT ON COLUMN dtks.keluarga.punya_ac IS 'Blok V: air conditioner';
COMMENT ON COLUMN dtks.keluarga.punya_pemanas_air IS 'Blok V: water heater';
COMMENT ON COLUMN dtks.keluarga.punya_telepon_rumah IS 'Blok V: landline';
COMMENT ON COLUMN dtks.keluarga.punya_televisi IS 'Blok V: flat-screen television';
COMMENT ON COLUMN dtks.keluarga.punya_emas IS 'Blok V: gold/jewellery >= 10 g';
COMMENT ON COLUMN dtks.keluarga.punya_komputer IS 'Blok V: computer, laptop or tablet';
COMMENT ON COLUMN dtks.keluarga.punya_sepeda_motor IS 'Blok V: motorcycle';
COMMENT ON COLUMN dtks.keluarga.punya_sepeda IS 'Blok V: bicycle';
COMMENT ON COLUMN dtks.keluarga.punya_mobil IS 'Blok V: car';
COMMENT ON COLUMN dtks.keluarga.punya_perahu IS 'Blok V: boat';
COMMENT ON COLUMN dtks.keluarga.punya_perahu_motor IS 'Blok V: motor boat';
COMMENT ON COLUMN dtks.keluarga.punya_smartphone IS 'Blok V: smartphone';
COMMENT ON COLUMN dtks.keluarga.jumlah_sapi IS 'Blok V: cattle';
COMMENT ON COLUMN dtks.keluarga.jumlah_kerbau IS 'Blok V: buffalo';
COMMENT ON COLUMN dtks.keluarga.jumlah_kuda IS 'Blok V: horses';
COMMENT ON COLUMN dtks.keluarga.jumlah_babi IS 'Blok V: pigs';
COMMENT ON COLUMN dtks.keluarga.jumlah_kambing IS 'Blok V: goats/sheep';
COMMENT ON COLUMN dtks.keluarga.punya_lahan_lain IS 'Blok V: land other than the dwelling';
COMMENT ON COLUMN dtks.keluarga.punya_rumah_lain IS 'Blok V: a house elsewhere';
COMMENT ON COLUMN dtks.keluarga.internet IS 'Blok V: internet in the last month: 0 tidak, 1 internet + TV digital berlangganan, 2 wifi, 3 internet HP';
COMMENT ON COLUMN dtks.keluarga.rekening IS 'Blok V: active bank account: 1 usaha, 2 pribadi, 3 keduanya, 4 tidak';
COMMENT ON INDEX dtks.keluarga_pkey IS 'One row per KK number';
CREATE INDEX keluarga_rumah_tangga ON dtks.keluarga (rumah_tangga_id);
COMMENT ON INDEX dtks.keluarga_rumah_tangga IS 'Families of a household';
CREATE INDEX keluarga_asal ON dtks.keluarga (asal_no_kk);
COMMENT ON INDEX dtks.keluarga_asal IS 'KKs that replaced or split from a KK';

CREATE TABLE dtks.anggota (
    nik dtks.nik PRIMARY KEY,
    nama dtks.nama_orang NOT NULL,
    jenis_kelamin dtks.kode_jenis_kelamin NOT NULL,
    tanggal_lahir date NOT NULL,
    tempat_lahir text,
    status_kawin dtks.kode_status_kawin,
    status_hidup dtks.kode_status_hidup NOT NULL DEFAULT 'aktif',
    tanggal_meninggal date CONSTRAINT anggota_meninggal_setelah_lahir CHECK (tanggal_meninggal >= tanggal_lahir),
    -- Blok IV
    kartu_identitas dtks.kode_kartu_identitas,
    partisipasi_sekolah dtks.kode_partisipasi_sekolah,
    jenjang_pendidikan dtks.kode_jenjang_pendidikan,
    ijazah_tertinggi dtks.kode_ijazah_tertinggi,
    bekerja boolean,
    jam_kerja dtks.jam_kerja_seminggu,
    lapangan_usaha dtks.kode_lapangan_usaha,
    kedudukan_pekerjaan dtks.kode_kedudukan_pekerjaan,
    npwp dtks.kode_npwp,
    punya_usaha boolean,
    internet_usaha dtks.kode_internet_usaha,
    gizi_balita dtks.kode_gizi_balita,
    sulit_melihat dtks.kode_sulit_melihat,
    sulit_mendengar dtks.kode_sulit_mendengar,
    sulit_berjalan dtks.kode_sulit_berjalan,
    sulit_tangan dtks.kode_sulit_tangan,
    sulit_belajar dtks.kode_sulit_belajar,
    sulit_perilaku dtks.kode_sulit_perilaku,
    sulit_bicara dtks.kode_sulit_bicara,
    sulit_mengurus_diri dtks.kode_sulit_mengurus_diri,
    sulit_mengingat dtks.kode_sulit_mengingat,
    sering_sedih dtks.kode_sering_sedih,
    perawat dtks.kode_perawat,
    penyakit_kronis dtks.kode_penyakit_kronis,
    jaminan_kesehatan dtks.kode_jaminan_kesehatan,
    prakerja dtks.kode_prakerja,
    kur dtks.kode_kur,
    umi dtks.kode_umi,
    pip dtks.kode_pip,
    jaminan_ketenagakerjaan dtks.kode_jaminan_ketenagakerjaan,
    hamil boolean,
    CONSTRAINT anggota_meninggal_bertanggal CHECK ((status_hidup = 'meninggal') = (tanggal_meninggal IS NOT NULL))
);
COMMENT ON TABLE dtks.anggota IS 'Person (anggota keluarga), one per NIK, with demography, education, work, disability and health (Regsosek Blok IV)';
COMMENT ON COLUMN dtks.anggota.nik IS 'NIK';
COMMENT ON COLUMN dtks.anggota.nama IS 'Name as on the KK';
COMMENT ON COLUMN dtks.anggota.jenis_kelamin IS '405: L laki-laki, P perempuan (as recorded; the NIK may differ after a correction)';
COMMENT ON COLUMN dtks.anggota.tanggal_lahir IS 'Recorded birth date (the NIK may differ after a correction)';
COMMENT ON COLUMN dtks.anggota.tempat_lahir IS 'Place of birth';
COMMENT ON COLUMN dtks.anggota.status_kawin IS '408: 1 belum kawin, 2 kawin, 3 cerai hidup, 4 cerai mati';
COMMENT ON COLUMN dtks.anggota.status_hidup IS 'aktif, meninggal, pindah, nonaktif or ganda (a duplicate record)';
COMMENT ON COLUMN dtks.anggota.tanggal_meninggal IS 'Date of death; set exactly when status_hidup is meninggal';
COMMENT ON COLUMN dtks.anggota.kartu_identitas IS '411 bitmask: 1 akta kelahiran, 2 KIA, 4 KTP; 0 none';
COMMENT ON COLUMN dtks.anggota.partisipasi_sekolah IS '412: 1 tidak/belum pernah, 2 masih sekolah, 3 tidak sekolah lagi';
COMMENT ON COLUMN dtks.anggota.jenjang_pendidikan IS '413: highest level attended, 1 Paket A ... 8 SMP ... 13 SMA ... 15 SMK ... 18 D1-D3, 19 D4/S1, 20 profesi, 21 S2, 22 S3';
COMMENT ON COLUMN dtks.anggota.ijazah_tertinggi IS '415: the 413 list plus 23 tidak punya ijazah SD';
COMMENT ON COLUMN dtks.anggota.bekerja IS '416a: worked in the last week';
COMMENT ON COLUMN dtks.anggota.jam_kerja IS '416b: hours worked in the last week';
COMMENT ON COLUMN dtks.anggota.lapangan_usaha IS '417: 26 KBLI-based sectors (1 padi & palawija ... 26 badan internasional)';
COMMENT ON COLUMN dtks.anggota.kedudukan_pekerjaan IS '418: 1 berusaha sendiri ... 5 PNS/TNI/Polri/BUMN/BUMD/pejabat ... 8 pekerja keluarga';
COMMENT ON COLUMN dtks.anggota.npwp IS '419: 1 ada dapat ditunjukkan, 2 ada tidak dapat ditunjukkan, 3 tidak ada';
COMMENT ON COLUMN dtks.anggota.punya_usaha IS '420: runs a business';
COMMENT ON COLUMN dtks.anggota.internet_usaha IS '426 bitmask: internet use in the business, bits 1, 2, 4, 8, 16, 32 as in the form; 0 none';
COMMENT ON COLUMN dtks.anggota.hamil IS 'Pregnant (the SIKS-NG flag; a PKH component)';
COMMENT ON COLUMN dtks.anggota.gizi_balita IS '427 (under-fives): 1 wasting, 2 stunting, 3 tidak ada catatan, 8 tidak tahu';
COMMENT ON COLUMN dtks.anggota.sulit_melihat IS '428a seeing: 1 cannot at all, 2 a lot of difficulty, 3 some difficulty, 4 none (same scale for 428b-i)';
COMMENT ON COLUMN dtks.anggota.sulit_mendengar IS '428b hearing';
COMMENT ON COLUMN dtks.anggota.sulit_berjalan IS '428c walking or climbing steps';
COMMENT ON COLUMN dtks.anggota.sulit_tangan IS '428d using hands and fingers';
COMMENT ON COLUMN dtks.anggota.sulit_belajar IS '428e learning/intellectual';
COMMENT ON COLUMN dtks.anggota.sulit_perilaku IS '428f behaviour/emotion';
COMMENT ON COLUMN dtks.anggota.sulit_bicara IS '428g speaking/communicating';
COMMENT ON COLUMN dtks.anggota.sulit_mengurus_diri IS '428h self-care';
COMMENT ON COLUMN dtks.anggota.sulit_mengingat IS '428i remembering/concentrating';
COMMENT ON COLUMN dtks.anggota.sering_sedih IS '428j: 1 sangat sering ... 4 tidak pernah';
COMMENT ON COLUMN dtks.anggota.perawat IS '429: 1 ya, ART; 2 ya, bukan ART; 3 ya, tinggal sendiri';
COMMENT ON COLUMN dtks.anggota.penyakit_kronis IS '430: 1 tidak ada, 2 hipertensi, 3 rematik, 4 asma, 5 jantung, 6 diabetes, 7 TBC, 8 stroke, 9 kanker, 10 gagal ginjal, 11 haemophilia, 12 HIV/AIDS, 13 kolesterol, 14 sirosis, 15 thalasemia, 16 leukemia, 17 alzheimer, 18 lainnya';
COMMENT ON COLUMN dtks.anggota.jaminan_kesehatan IS '431a bitmask: 1 PBI-JKN, 2 JKN mandiri, 4 JKN pemberi kerja, 8 jamkes lain, 16 lainnya (the form''s 99); 0 tidak punya';
COMMENT ON COLUMN dtks.anggota.prakerja IS '431b Kartu Prakerja: 1 ya, 2 tidak, 8 tidak tahu';
COMMENT ON COLUMN dtks.anggota.kur IS '431c KUR: 1 ya, 2 tidak, 8 tidak tahu';
COMMENT ON COLUMN dtks.anggota.umi IS '431d UMi: 1 ya, 2 tidak, 8 tidak tahu';
COMMENT ON COLUMN dtks.anggota.pip IS '431e PIP: 1 ya, 2 tidak, 8 tidak tahu';
COMMENT ON INDEX dtks.anggota_pkey IS 'One row per NIK (integrity criterion 1: one record per person)';
COMMENT ON COLUMN dtks.anggota.jaminan_ketenagakerjaan IS '431f bitmask: 1 JKK, 2 JKM, 4 JHT, 8 JP, 16 pensiun lain, 32 tidak tahu (the form''s 99); 0 none';

CREATE TABLE dtks.keanggotaan (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    nik dtks.nik NOT NULL,
    no_kk dtks.no_kk NOT NULL,
    shdk dtks.kode_shdk NOT NULL,
    berlaku dtks.masa_berlaku NOT NULL DEFAULT daterange(CURRENT_DATE, NULL)
);
COMMENT ON TABLE dtks.keanggotaan IS
    'Membership of a person in a KK over time; rows are never overwritten: a move or a new KK closes the period and opens another';
COMMENT ON COLUMN dtks.keanggotaan.id IS 'Membership id';
COMMENT ON COLUMN dtks.keanggotaan.nik IS 'The member (a dtks.anggota: checked at commit)';
COMMENT ON COLUMN dtks.keanggotaan.no_kk IS 'The KK (a dtks.keluarga: checked at commit)';
COMMENT ON COLUMN dtks.keanggotaan.shdk IS 'Status hubungan dalam keluarga: 1 kepala keluarga, 2 suami, 3 istri, 4 anak, 5 menantu, 6 cucu, 7 orang tua, 8 mertua, 9 famili lain, 10 pembantu, 11 lainnya';
COMMENT ON COLUMN dtks.keanggotaan.berlaku IS 'Validity period; open-ended while current';
COMMENT ON INDEX dtks.keanggotaan_pkey IS 'One row per membership id';
COMMENT ON SEQUENCE dtks.keanggotaan_id_seq IS 'Membership ids';
CREATE INDEX keanggotaan_nik ON dtks.keanggotaan (nik);
COMMENT ON INDEX dtks.keanggotaan_nik IS 'Memberships of a person (which KK on a date)';
CREATE INDEX keanggotaan_no_kk ON dtks.keanggotaan (no_kk);
COMMENT ON INDEX dtks.keanggotaan_no_kk IS 'Members of a KK';

-- the registry is the user's data: pg_dump must keep its rows
SELECT pg_catalog.pg_extension_config_dump('dtks.rumah_tangga'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.rumah_tangga_id_seq'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.keluarga'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.anggota'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.keanggotaan'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.keanggotaan_id_seq'::regclass, '');

CREATE FUNCTION dtks.kk_pada(nik dtks.nik, tanggal date) RETURNS dtks.no_kk
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT m.no_kk FROM dtks.keanggotaan m WHERE m.nik = kk_pada.nik AND m.berlaku @> kk_pada.tanggal
     ORDER BY lower(m.berlaku) DESC LIMIT 1;
END;
COMMENT ON FUNCTION dtks.kk_pada(dtks.nik, date) IS 'The KK a person was in on a date (NULL if none)';
-- The integrity rules of the registry, enforced at commit.
--
-- After each statement a C trigger (dtks.registri_catat) reads the statement's
-- transition tables and records the keys it touched (NIK, KK, household) in
-- transaction-local sets; nothing runs per row.  The first statement of a
-- transaction also inserts one row into dtks.registri_tertunda, whose deferred
-- constraint trigger (dtks.registri_periksa) checks every recorded key with one
-- set-based query, dtks.registri_pelanggaran(), at commit, and raises on the
-- first violation, which rolls the whole transaction back.
-- SET CONSTRAINTS ALL IMMEDIATE checks at once instead.  When the keys outnumber
-- half of the memberships, the whole registry is checked instead (NULL arrays),
-- and a pass in C (src/registri_semua.c) first decides whether it is certainly
-- clean, so that the query runs only to find and word a violation.

CREATE FUNCTION dtks.registri_pelanggaran(nik_diubah dtks.nik[], kk_diubah dtks.no_kk[], rt_diubah bigint[])
    RETURNS TABLE (aturan integer, no_kk dtks.no_kk, nik dtks.nik, rumah_tangga_id bigint, pesan text, rincian text)
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
-- The rules read only the scoped sets below.  Each scoped set has a branch that
-- starts from the given keys (index probes) and a branch that reads the whole
-- table when that kind of key is NULL; the planner drops the branch whose
-- constant condition is false.
WITH
    nik_ubah AS (SELECT DISTINCT u AS nik FROM unnest(nik_diubah) AS u),
    -- the KKs given, and the current KK of every NIK given
    kk AS (SELECT DISTINCT x AS no_kk FROM (
              SELECT u FROM unnest(kk_diubah) AS u
              UNION ALL
              SELECT m.no_kk FROM nik_ubah n JOIN dtks.keanggotaan m ON m.nik = n.nik AND upper_inf(m.berlaku)) AS s(x)),
    -- every membership, current or closed, of the NIKs checked
    milik_nik AS NOT MATERIALIZED (
        SELECT m.id, m.nik, m.no_kk, m.shdk, m.berlaku FROM nik_ubah n JOIN dtks.keanggotaan m ON m.nik = n.nik
         WHERE nik_diubah IS NOT NULL
        UNION ALL
        SELECT m.id, m.nik, m.no_kk, m.shdk, m.berlaku FROM dtks.keanggotaan m WHERE nik_diubah IS NULL),
    -- every membership of the KKs checked
    milik_kk AS NOT MATERIALIZED (
        SELECT m.id, m.nik, m.no_kk, m.shdk, m.berlaku FROM kk JOIN dtks.keanggotaan m ON m.no_kk = kk.no_kk
         WHERE kk_diubah IS NOT NULL
        UNION ALL
        SELECT m.id, m.nik, m.no_kk, m.shdk, m.berlaku FROM dtks.keanggotaan m WHERE kk_diubah IS NULL),
    -- the families checked
    keluarga_kk AS NOT MATERIALIZED (
        SELECT f.no_kk, f.status, f.rumah_tangga_id, f.asal_no_kk FROM kk JOIN dtks.keluarga f ON f.no_kk = kk.no_kk
         WHERE kk_diubah IS NOT NULL
        UNION ALL
        SELECT f.no_kk, f.status, f.rumah_tangga_id, f.asal_no_kk FROM dtks.keluarga f WHERE kk_diubah IS NULL),
    -- their current kepala keluarga, suami and istri, with the recorded sex
    inti AS (SELECT k.no_kk, k.nik, k.shdk, a.jenis_kelamin
               FROM milik_kk k JOIN dtks.anggota a ON a.nik = k.nik
              WHERE upper_inf(k.berlaku) AND k.shdk IN (1, 2, 3)),
    -- their current membership counts
    ringkas AS (SELECT f.no_kk, f.status, f.rumah_tangga_id,
                       coalesce(h.kepala, 0) AS kepala, coalesce(h.suami, 0) AS suami,
                       coalesce(h.istri, 0) AS istri, coalesce(h.anggota, 0) AS anggota
                  FROM keluarga_kk f
                  LEFT JOIN (SELECT k.no_kk,
                                    count(*) FILTER (WHERE k.shdk = 1) AS kepala,
                                    count(*) FILTER (WHERE k.shdk = 2) AS suami,
                                    count(*) FILTER (WHERE k.shdk = 3) AS istri,
                                    count(*) AS anggota
                               FROM milik_kk k WHERE upper_inf(k.berlaku) GROUP BY k.no_kk) AS h ON h.no_kk = f.no_kk),
    -- the households given and those of the families checked
    rt AS (SELECT h.id, h.kepala_nik, h.kode_wilayah
             FROM (SELECT DISTINCT x AS id FROM (SELECT u FROM unnest(rt_diubah) AS u
                                                UNION ALL
                                                SELECT r.rumah_tangga_id FROM ringkas r) AS s(x)) AS d
             JOIN dtks.rumah_tangga h ON h.id = d.id
            WHERE rt_diubah IS NOT NULL
           UNION ALL
           SELECT h.id, h.kepala_nik, h.kode_wilayah FROM dtks.rumah_tangga h WHERE rt_diubah IS NULL)
SELECT 1, b.no_kk, a.nik, NULL::bigint,
       format('rule 1 (one family at a time): NIK %s is in KK %s and KK %s at the same time', a.nik, a.no_kk, b.no_kk),
       format('The memberships overlap on %s; close one (set the end of its berlaku) before opening the other.',
              a.berlaku * b.berlaku)
  FROM milik_nik a
  JOIN dtks.keanggotaan b ON b.nik = a.nik AND b.id > a.id AND b.berlaku && a.berlaku
UNION ALL
SELECT 2, r.no_kk, NULL, r.rumah_tangga_id,
       format('rule 2 (one kepala keluarga): active KK %s has %s kepala keluarga', r.no_kk, r.kepala),
       'An active family has exactly one current member with SHDK 1; the rule is checked at commit, so members can be added in any order.'
  FROM ringkas r WHERE r.status = 'aktif' AND r.kepala <> 1
UNION ALL
SELECT 2, r.no_kk, NULL, r.rumah_tangga_id,
       format('rule 2 (one kepala keluarga): KK %s is nonaktif but has %s current members', r.no_kk, r.anggota),
       'When a KK is replaced or dissolved, close the memberships of its members.'
  FROM ringkas r WHERE r.status = 'nonaktif' AND r.anggota > 0
UNION ALL
SELECT 3, r.no_kk, NULL, r.rumah_tangga_id,
       format('rule 3 (suami and istri): KK %s has %s suami', r.no_kk, r.suami),
       'A family has at most one member with SHDK 2 (suami).'
  FROM ringkas r WHERE r.suami > 1
UNION ALL
SELECT 3, k.no_kk, k.nik, NULL,
       format('rule 3 (suami and istri): NIK %s is %s in KK %s but is recorded as %s', k.nik,
              CASE k.shdk WHEN 2 THEN 'suami' ELSE 'istri' END, k.no_kk,
              CASE k.jenis_kelamin WHEN 'L' THEN 'male' ELSE 'female' END),
       'A suami (SHDK 2) is male and an istri (SHDK 3) is female.'
  FROM inti k WHERE (k.shdk = 2 AND k.jenis_kelamin <> 'L') OR (k.shdk = 3 AND k.jenis_kelamin <> 'P')
UNION ALL
SELECT 3, k.no_kk, k.nik, NULL,
       format('rule 3 (suami and istri): NIK %s is %s in KK %s whose kepala keluarga is also %s', k.nik,
              CASE k.shdk WHEN 2 THEN 'suami' ELSE 'istri' END, k.no_kk,
              CASE k.kepala_kelamin WHEN 'L' THEN 'male' ELSE 'female' END),
       'A suami or istri is only recorded where the kepala keluarga is of the other sex.'
  -- (the kepala's sex beside each member by a window, not a self-join the planner misjudges)
  FROM (SELECT i.*, max(i.jenis_kelamin) FILTER (WHERE i.shdk = 1) OVER (PARTITION BY i.no_kk) AS kepala_kelamin
          FROM inti i) k
 WHERE (k.shdk = 2 AND k.kepala_kelamin = 'L') OR (k.shdk = 3 AND k.kepala_kelamin = 'P')
UNION ALL
SELECT 4, NULL, NULL, h.id,
       format('rule 4 (one kepala rumah tangga): household %s has no kepala rumah tangga', h.id),
       'A household with active families names exactly one kepala rumah tangga (kepala_nik), a current member of one of them.'
  FROM rt h
 WHERE h.kepala_nik IS NULL
   AND EXISTS (SELECT 1 FROM dtks.keluarga f WHERE f.rumah_tangga_id = h.id AND f.status = 'aktif')
UNION ALL
SELECT 4, NULL, h.kepala_nik, h.id,
       format('rule 4 (one kepala rumah tangga): NIK %s heads household %s but is not a current member of its active families',
              h.kepala_nik, h.id),
       'A household with active families names exactly one kepala rumah tangga (kepala_nik), a current member of one of them.'
  FROM rt h
  LEFT JOIN (dtks.keanggotaan m JOIN dtks.keluarga f ON f.no_kk = m.no_kk AND f.status = 'aktif')
         ON m.nik = h.kepala_nik AND upper_inf(m.berlaku) AND f.rumah_tangga_id = h.id
 WHERE h.kepala_nik IS NOT NULL AND m.id IS NULL
UNION ALL
SELECT 0, m.no_kk, m.nik, NULL::bigint,
       format('references: membership %s points to NIK %s that does not exist', m.id, m.nik),
       'Every membership names an existing person (dtks.anggota) and an existing KK (dtks.keluarga).'
  FROM milik_nik m
 WHERE NOT EXISTS (SELECT 1 FROM dtks.anggota a WHERE a.nik = m.nik)
UNION ALL
SELECT 0, m.no_kk, m.nik, NULL::bigint,
       format('references: membership %s points to KK %s that does not exist', m.id, m.no_kk),
       'Every membership names an existing person (dtks.anggota) and an existing KK (dtks.keluarga).'
  FROM milik_kk m
 WHERE NOT EXISTS (SELECT 1 FROM dtks.keluarga f WHERE f.no_kk = m.no_kk)
UNION ALL
SELECT 0, f.no_kk, NULL, f.rumah_tangga_id,
       format('references: KK %s points to household %s that does not exist', f.no_kk, f.rumah_tangga_id),
       'A KK lives in an existing household, and the KK it came from (asal_no_kk) exists.'
  FROM (SELECT g.no_kk, g.rumah_tangga_id FROM keluarga_kk g
        UNION ALL
        SELECT g.no_kk, g.rumah_tangga_id FROM unnest(rt_diubah) AS u JOIN dtks.keluarga g ON g.rumah_tangga_id = u) AS f
 WHERE NOT EXISTS (SELECT 1 FROM dtks.rumah_tangga h WHERE h.id = f.rumah_tangga_id)
UNION ALL
SELECT 0, f.no_kk, NULL, f.rumah_tangga_id,
       format('references: KK %s points to KK %s that does not exist', f.no_kk, f.asal_no_kk),
       'A KK lives in an existing household, and the KK it came from (asal_no_kk) exists.'
  FROM (SELECT g.no_kk, g.rumah_tangga_id, g.asal_no_kk FROM keluarga_kk g
        UNION ALL
        SELECT g.no_kk, g.rumah_tangga_id, g.asal_no_kk FROM unnest(kk_diubah) AS u JOIN dtks.keluarga g ON g.asal_no_kk = u) AS f
 WHERE f.asal_no_kk IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dtks.keluarga g WHERE g.no_kk = f.asal_no_kk)
UNION ALL
SELECT 5, NULL, NULL, h.id,
       format('rule 5 (region of the current edition): household %s is in %s, which is not a code of the current edition',
              h.id, h.kode_wilayah),
       'A household''s kode_wilayah is a desa/kelurahan in dtks.wilayah (the current edition).'
  FROM rt h
 WHERE NOT EXISTS (SELECT 1 FROM dtks.wilayah w WHERE w.kode = h.kode_wilayah);
END;
COMMENT ON FUNCTION dtks.registri_pelanggaran(dtks.nik[], dtks.no_kk[], bigint[]) IS
    'Violations of the registry rules (0 references, 1-5) among the given NIKs, KKs and households and those they touch (all three NULL: the whole registry); what the commit-time check runs, and usable on its own after a load with triggers off';

CREATE UNLOGGED TABLE dtks.registri_tertunda (
    transaksi xid8 PRIMARY KEY DEFAULT pg_catalog.pg_current_xact_id()
);
COMMENT ON TABLE dtks.registri_tertunda IS
    'One row while a transaction has registry changes not yet checked; its deferred trigger runs the check at commit';
COMMENT ON COLUMN dtks.registri_tertunda.transaksi IS 'The transaction';
COMMENT ON INDEX dtks.registri_tertunda_pkey IS 'One row per transaction';

CREATE FUNCTION dtks.registri_catat() RETURNS trigger
    AS 'MODULE_PATHNAME', 'registri_catat' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION dtks.registri_catat() IS
    'Statement trigger: record the NIKs, KKs or households a statement touched, from its transition tables (arguments column:nik|kk|rt), for the commit-time check';

CREATE FUNCTION dtks.registri_periksa() RETURNS trigger
    AS 'MODULE_PATHNAME', 'registri_periksa' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION dtks.registri_periksa() IS
    'Deferred constraint trigger on dtks.registri_tertunda: check the registry rules for every key recorded in the transaction';

CREATE CONSTRAINT TRIGGER registri_aturan AFTER INSERT ON dtks.registri_tertunda
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dtks.registri_periksa();
COMMENT ON TRIGGER registri_aturan ON dtks.registri_tertunda IS 'The registry rules, at commit';

-- three statement triggers per table (a trigger with transition tables has one event)
DO $catat$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT * FROM (VALUES
                ('keanggotaan', ARRAY['nik:nik', 'no_kk:kk']),
                ('keluarga', ARRAY['no_kk:kk', 'rumah_tangga_id:rt', 'asal_no_kk:kk']),
                ('anggota', ARRAY['nik:nik']),
                ('rumah_tangga', ARRAY['id:rt'])) AS v(tabel, arg)
    LOOP
        EXECUTE format('CREATE TRIGGER registri_catat_insert AFTER INSERT ON dtks.%I REFERENCING NEW TABLE AS baru '
                       'FOR EACH STATEMENT EXECUTE FUNCTION dtks.registri_catat(%s)',
                       t.tabel, (SELECT string_agg(quote_literal(a), ', ') FROM unnest(t.arg) a));
        EXECUTE format('CREATE TRIGGER registri_catat_update AFTER UPDATE ON dtks.%I REFERENCING OLD TABLE AS lama NEW TABLE AS baru '
                       'FOR EACH STATEMENT EXECUTE FUNCTION dtks.registri_catat(%s)',
                       t.tabel, (SELECT string_agg(quote_literal(a), ', ') FROM unnest(t.arg) a));
        EXECUTE format('CREATE TRIGGER registri_catat_delete AFTER DELETE ON dtks.%I REFERENCING OLD TABLE AS lama '
                       'FOR EACH STATEMENT EXECUTE FUNCTION dtks.registri_catat(%s)',
                       t.tabel, (SELECT string_agg(quote_literal(a), ', ') FROM unnest(t.arg) a));
        EXECUTE format('COMMENT ON TRIGGER registri_catat_insert ON dtks.%I IS %L', t.tabel, 'Record the keys of inserted rows for the commit-time check');
        EXECUTE format('COMMENT ON TRIGGER registri_catat_update ON dtks.%I IS %L', t.tabel, 'Record the keys of updated rows (old and new) for the commit-time check');
        EXECUTE format('COMMENT ON TRIGGER registri_catat_delete ON dtks.%I IS %L', t.tabel, 'Record the keys of deleted rows for the commit-time check');
    END LOOP;
END
$catat$;

CREATE FUNCTION dtks.keanggotaan_hanya_ditutup() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NEW.nik OPERATOR(dtks.<>) OLD.nik OR NEW.no_kk OPERATOR(dtks.<>) OLD.no_kk OR NEW.shdk <> OLD.shdk
       OR lower(NEW.berlaku) <> lower(OLD.berlaku)
       OR (NOT upper_inf(OLD.berlaku) AND NEW.berlaku <> OLD.berlaku) THEN
        RAISE EXCEPTION 'membership % of KK % is history and cannot be rewritten', OLD.id, OLD.no_kk
            USING ERRCODE = '55000',
                  DETAIL = 'A membership can only be closed (the end of an open berlaku set); open a new membership for a new KK or SHDK.';
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION dtks.keanggotaan_hanya_ditutup() IS
    'Row trigger: a membership is never rewritten; the only change allowed is closing an open period';
CREATE TRIGGER keanggotaan_hanya_ditutup BEFORE UPDATE ON dtks.keanggotaan
    FOR EACH ROW EXECUTE FUNCTION dtks.keanggotaan_hanya_ditutup();
COMMENT ON TRIGGER keanggotaan_hanya_ditutup ON dtks.keanggotaan IS 'Memberships are history: only closing is allowed';
-- Append-only history of every change to the registry tables: who (session user and the
-- application's own user from the dtks.petugas setting), when, and what changed.
--
-- One history table per registry table (dtks.riwayat_anggota, ...) keeps the old and the new
-- row whole, as a value of the table's own row type: copying a row costs little, where turning
-- a million wide rows into jsonb made a bulk load nine times slower.  The view dtks.riwayat
-- shows all four as one feed, with the key, and the changed columns of an UPDATE, as jsonb.

CREATE SEQUENCE dtks.riwayat_id_seq;
COMMENT ON SEQUENCE dtks.riwayat_id_seq IS 'Order of recording, shared by the four history tables';
SELECT pg_catalog.pg_extension_config_dump('dtks.riwayat_id_seq'::regclass, '');

-- Statement trigger: append the statement's rows, whole, from its transition tables.
-- SECURITY DEFINER so that any role changing the registry appends history without holding
-- INSERT on the history tables (which would let it write forged history); the path is pinned.
-- The table name and key column come from the trigger (TG_TABLE_NAME, TG_ARGV), never from data.
CREATE FUNCTION dtks.riwayat_catat() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    -- (pairing the transition tables needs a hash or merge join, whatever the caller turned off)
    SET enable_hashjoin = on SET enable_mergejoin = on
AS $$
DECLARE
    kolom_kunci text := TG_ARGV[0];
    tujuan text := pg_catalog.format('dtks.%I', 'riwayat_' || TG_TABLE_NAME);
    jenis text := pg_catalog.format('dtks.%I', TG_TABLE_NAME);
    waktu timestamptz := pg_catalog.clock_timestamp();
    petugas text := pg_catalog.current_setting('dtks.petugas', true);
    -- the key's equality: the dtks types' own operator, or the built-in one for bigint ids
    sama text := CASE WHEN kolom_kunci IN ('nik', 'no_kk') THEN 'OPERATOR(dtks.=)' ELSE 'OPERATOR(pg_catalog.=)' END;
BEGIN
    IF TG_OP = 'INSERT' THEN
        EXECUTE pg_catalog.format('INSERT INTO %s (waktu, petugas, operasi, baru) '
                                  'SELECT $1, $2, ''INSERT'', ROW(b.*)::%s FROM riwayat_baru b', tujuan, jenis)
            USING waktu, petugas;
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE pg_catalog.format('INSERT INTO %s (waktu, petugas, operasi, lama) '
                                  'SELECT $1, $2, ''DELETE'', ROW(l.*)::%s FROM riwayat_lama l', tujuan, jenis)
            USING waktu, petugas;
    ELSE
        -- old and new rows paired by key; a row whose key changed gives one row per side
        EXECUTE pg_catalog.format('INSERT INTO %1$s (waktu, petugas, operasi, lama, baru) '
                                  'SELECT $1, $2, ''UPDATE'', CASE WHEN l.%3$I IS NOT NULL THEN ROW(l.*)::%2$s END, '
                                  '       CASE WHEN b.%3$I IS NOT NULL THEN ROW(b.*)::%2$s END '
                                  '  FROM riwayat_lama l FULL JOIN riwayat_baru b ON l.%3$I %4$s b.%3$I',
                                  tujuan, jenis, kolom_kunci, sama)
            USING waktu, petugas;
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION dtks.riwayat_catat() IS
    'Statement trigger (argument: the key column): append the changed rows, whole, to the table''s history table';

-- Row and TRUNCATE trigger on the history tables: only a superuser may change or remove history.
CREATE FUNCTION dtks.riwayat_tolak_ubah() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = CURRENT_USER) THEN
        RAISE EXCEPTION 'registry history is append-only: % on dtks.% is not allowed', TG_OP, TG_TABLE_NAME
            USING ERRCODE = '42501', DETAIL = 'Only a superuser can update, delete or truncate the registry history.';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;
COMMENT ON FUNCTION dtks.riwayat_tolak_ubah() IS 'Trigger: refuse UPDATE, DELETE and TRUNCATE of history unless by a superuser';

-- Per registry table: its history table, and three statement triggers (transition tables allow
-- one event per trigger).
DO $riwayat$
DECLARE
    t record;
    r text;
BEGIN
    FOR t IN SELECT * FROM (VALUES ('rumah_tangga', 'id'), ('keluarga', 'no_kk'), ('anggota', 'nik'),
                                   ('keanggotaan', 'id')) AS v(tabel, kunci)
    LOOP
        r := 'riwayat_' || t.tabel;
        EXECUTE format($f$
            CREATE TABLE dtks.%1$I (
                id bigint PRIMARY KEY DEFAULT pg_catalog.nextval('dtks.riwayat_id_seq'),
                waktu timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
                transaksi xid8 NOT NULL DEFAULT pg_catalog.pg_current_xact_id(),
                pengguna name NOT NULL DEFAULT SESSION_USER,
                petugas text DEFAULT pg_catalog.current_setting('dtks.petugas', true),
                operasi text NOT NULL CHECK (operasi IN ('INSERT', 'UPDATE', 'DELETE')),
                lama dtks.%2$I,
                baru dtks.%2$I,
                CHECK (NOT (lama IS NULL AND baru IS NULL)))$f$, r, t.tabel);
        EXECUTE format('CREATE INDEX %I ON dtks.%I (((coalesce(baru, lama)).%I))', r || '_kunci', r, t.kunci);
        EXECUTE format('COMMENT ON TABLE dtks.%I IS %L', r,
                       format('Append-only history of dtks.%s: the old and new rows whole; only a superuser can update or delete it', t.tabel));
        EXECUTE format('COMMENT ON COLUMN dtks.%I.id IS %L', r, 'Order of recording (one sequence for all history tables)');
        EXECUTE format('COMMENT ON COLUMN dtks.%I.waktu IS %L', r, 'When the change was recorded (one time per statement)');
        EXECUTE format('COMMENT ON COLUMN dtks.%I.transaksi IS %L', r, 'The transaction that made the change');
        EXECUTE format('COMMENT ON COLUMN dtks.%I.pengguna IS %L', r, 'Session user (the database login)');
        EXECUTE format('COMMENT ON COLUMN dtks.%I.petugas IS %L', r, 'The application''s own user, from SET dtks.petugas');
        EXECUTE format('COMMENT ON COLUMN dtks.%I.operasi IS %L', r, 'INSERT, UPDATE or DELETE');
        EXECUTE format('COMMENT ON COLUMN dtks.%I.lama IS %L', r, 'The row before the change (NULL for INSERT)');
        EXECUTE format('COMMENT ON COLUMN dtks.%I.baru IS %L', r, 'The row after the change (NULL for DELETE)');
        EXECUTE format('COMMENT ON INDEX dtks.%I IS %L', r || '_pkey', 'One row per recorded change');
        EXECUTE format('COMMENT ON INDEX dtks.%I IS %L', r || '_kunci',
                       format('History of one row: WHERE (coalesce(baru, lama)).%s = ...', t.kunci));
        EXECUTE format('REVOKE ALL ON dtks.%I FROM PUBLIC', r);
        PERFORM pg_catalog.pg_extension_config_dump(format('dtks.%I', r)::regclass, '');
        EXECUTE format('CREATE TRIGGER riwayat_tolak_ubah BEFORE UPDATE OR DELETE ON dtks.%I '
                       'FOR EACH ROW EXECUTE FUNCTION dtks.riwayat_tolak_ubah()', r);
        EXECUTE format('COMMENT ON TRIGGER riwayat_tolak_ubah ON dtks.%I IS %L', r, 'History is append-only');
        EXECUTE format('CREATE TRIGGER riwayat_tolak_kosongkan BEFORE TRUNCATE ON dtks.%I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION dtks.riwayat_tolak_ubah()', r);
        EXECUTE format('COMMENT ON TRIGGER riwayat_tolak_kosongkan ON dtks.%I IS %L', r, 'History is append-only');
        EXECUTE format('CREATE TRIGGER riwayat_insert AFTER INSERT ON dtks.%I REFERENCING NEW TABLE AS riwayat_baru '
                       'FOR EACH STATEMENT EXECUTE FUNCTION dtks.riwayat_catat(%L)', t.tabel, t.kunci);
        EXECUTE format('CREATE TRIGGER riwayat_update AFTER UPDATE ON dtks.%I '
                       'REFERENCING OLD TABLE AS riwayat_lama NEW TABLE AS riwayat_baru '
                       'FOR EACH STATEMENT EXECUTE FUNCTION dtks.riwayat_catat(%L)', t.tabel, t.kunci);
        EXECUTE format('CREATE TRIGGER riwayat_delete AFTER DELETE ON dtks.%I REFERENCING OLD TABLE AS riwayat_lama '
                       'FOR EACH STATEMENT EXECUTE FUNCTION dtks.riwayat_catat(%L)', t.tabel, t.kunci);
        EXECUTE format('COMMENT ON TRIGGER riwayat_insert ON dtks.%I IS %L', t.tabel, 'Append inserted rows to dtks.riwayat');
        EXECUTE format('COMMENT ON TRIGGER riwayat_update ON dtks.%I IS %L', t.tabel, 'Append changed columns to dtks.riwayat');
        EXECUTE format('COMMENT ON TRIGGER riwayat_delete ON dtks.%I IS %L', t.tabel, 'Append deleted rows to dtks.riwayat');
    END LOOP;
END
$riwayat$;

-- What the changed columns of an UPDATE were: the entries of a that differ in b.
CREATE FUNCTION dtks.riwayat_beda(a jsonb, b jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT coalesce(pg_catalog.jsonb_object_agg(e.key, e.value), '{}'::jsonb)
      FROM pg_catalog.jsonb_each(a) AS e
     WHERE e.value IS DISTINCT FROM (b OPERATOR(pg_catalog.->) e.key);
END;
COMMENT ON FUNCTION dtks.riwayat_beda(jsonb, jsonb) IS
    'The entries of the first object whose value differs in the second: the changed columns of an UPDATE';

-- The four history tables as one feed, in jsonb.
CREATE VIEW dtks.riwayat AS
SELECT r.id, r.waktu, r.transaksi, r.pengguna, r.petugas, r.tabel, r.operasi, r.kunci,
       CASE WHEN r.operasi = 'UPDATE' AND r.baru IS NOT NULL THEN dtks.riwayat_beda(r.lama, r.baru) ELSE r.lama END AS lama,
       CASE WHEN r.operasi = 'UPDATE' AND r.lama IS NOT NULL THEN dtks.riwayat_beda(r.baru, r.lama) ELSE r.baru END AS baru
  FROM (SELECT h.id, h.waktu, h.transaksi, h.pengguna, h.petugas, 'rumah_tangga'::name AS tabel, h.operasi,
               pg_catalog.jsonb_build_object('id', (coalesce(h.baru, h.lama)).id) AS kunci,
               pg_catalog.to_jsonb(h.lama) AS lama, pg_catalog.to_jsonb(h.baru) AS baru
          FROM dtks.riwayat_rumah_tangga h
        UNION ALL
        SELECT h.id, h.waktu, h.transaksi, h.pengguna, h.petugas, 'keluarga'::name, h.operasi,
               pg_catalog.jsonb_build_object('no_kk', (coalesce(h.baru, h.lama)).no_kk),
               pg_catalog.to_jsonb(h.lama), pg_catalog.to_jsonb(h.baru)
          FROM dtks.riwayat_keluarga h
        UNION ALL
        SELECT h.id, h.waktu, h.transaksi, h.pengguna, h.petugas, 'anggota'::name, h.operasi,
               pg_catalog.jsonb_build_object('nik', (coalesce(h.baru, h.lama)).nik),
               pg_catalog.to_jsonb(h.lama), pg_catalog.to_jsonb(h.baru)
          FROM dtks.riwayat_anggota h
        UNION ALL
        SELECT h.id, h.waktu, h.transaksi, h.pengguna, h.petugas, 'keanggotaan'::name, h.operasi,
               pg_catalog.jsonb_build_object('id', (coalesce(h.baru, h.lama)).id),
               pg_catalog.to_jsonb(h.lama), pg_catalog.to_jsonb(h.baru)
          FROM dtks.riwayat_keanggotaan h) AS r;
COMMENT ON VIEW dtks.riwayat IS
    'Every recorded change of the registry as one feed: key, old and new values in jsonb (the changed columns only for an UPDATE); read one row''s history from its own table (dtks.riwayat_anggota ...) to use the key index';
COMMENT ON COLUMN dtks.riwayat.id IS 'Order of recording';
COMMENT ON COLUMN dtks.riwayat.waktu IS 'When the change was recorded';
COMMENT ON COLUMN dtks.riwayat.transaksi IS 'The transaction that made the change';
COMMENT ON COLUMN dtks.riwayat.pengguna IS 'Session user (the database login)';
COMMENT ON COLUMN dtks.riwayat.petugas IS 'The application''s own user, from SET dtks.petugas';
COMMENT ON COLUMN dtks.riwayat.tabel IS 'Registry table changed';
COMMENT ON COLUMN dtks.riwayat.operasi IS 'INSERT, UPDATE or DELETE';
COMMENT ON COLUMN dtks.riwayat.kunci IS 'Primary key of the row, e.g. {"nik": "..."}';
COMMENT ON COLUMN dtks.riwayat.lama IS 'Old values: the whole row for DELETE, the changed columns for UPDATE';
COMMENT ON COLUMN dtks.riwayat.baru IS 'New values: the whole row for INSERT, the changed columns for UPDATE';
REVOKE ALL ON dtks.riwayat FROM PUBLIC;
-- Checks that do not block: findings about the members of families on a reference date.

CREATE FUNCTION dtks.kk_periksa_daftar(daftar dtks.no_kk[], acuan date)
    RETURNS TABLE (no_kk dtks.no_kk, nik dtks.nik, aturan text, tingkat text, keterangan text)
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
WITH
    kk AS (SELECT DISTINCT d AS no_kk FROM unnest(daftar) AS d),
    -- each member with the birth dates of its KK's kepala and the NIKs sharing its name and birth date in the KK,
    -- as window aggregates: a self-join of this CTE is a nested loop over its rows (the list's size is unknown to
    -- the planner), quadratic in the KKs checked
    kini AS (SELECT m.no_kk, m.nik, m.shdk, a.nama, a.jenis_kelamin, a.tanggal_lahir, a.status_kawin,
                    a.status_hidup, a.kartu_identitas, a.partisipasi_sekolah, a.jenjang_pendidikan, a.bekerja,
                    a.penyakit_kronis, a.jaminan_kesehatan,
                    array_agg(a.tanggal_lahir) FILTER (WHERE m.shdk = 1) OVER (PARTITION BY m.no_kk) AS lahir_kepala,
                    array_agg(m.nik) OVER (PARTITION BY m.no_kk, lower(a.nama), a.tanggal_lahir) AS sama
               FROM kk JOIN dtks.keanggotaan m ON m.no_kk = kk.no_kk AND m.berlaku @> acuan
               JOIN dtks.anggota a ON a.nik = m.nik)
SELECT k.no_kk, k.nik, 'nik_tanggal_lahir', 'peringatan',
       format('the birth date in the NIK (%s) differs from the recorded one (%s); legitimate after a correction',
              to_char(dtks.nik_tanggal_lahir(k.nik, acuan), 'DD-MM-YY'), to_char(k.tanggal_lahir, 'DD-MM-YY'))
  FROM kini k WHERE dtks.nik_tanggal_lahir(k.nik, k.tanggal_lahir) IS DISTINCT FROM k.tanggal_lahir
UNION ALL
SELECT k.no_kk, k.nik, 'nik_jenis_kelamin', 'peringatan',
       format('the NIK says %s, the record says %s', dtks.nik_jenis_kelamin(k.nik), k.jenis_kelamin)
  FROM kini k WHERE dtks.nik_jenis_kelamin(k.nik) <> k.jenis_kelamin
UNION ALL
SELECT k.no_kk, k.nik, 'anak_lebih_tua', 'galat',
       format('an anak (SHDK 4) born %s is not younger than the kepala keluarga (born %s)', k.tanggal_lahir, p.lahir)
  FROM kini k CROSS JOIN LATERAL unnest(k.lahir_kepala) AS p(lahir) WHERE k.shdk = 4 AND k.tanggal_lahir <= p.lahir
UNION ALL
SELECT k.no_kk, k.nik, 'anak_selisih_umur', 'peringatan',
       format('an anak (SHDK 4) is only %s years younger than the kepala keluarga (less than 12)',
              date_part('year', age(k.tanggal_lahir, p.lahir)))
  FROM kini k CROSS JOIN LATERAL unnest(k.lahir_kepala) AS p(lahir)
 WHERE k.shdk = 4 AND k.tanggal_lahir > p.lahir AND k.tanggal_lahir < p.lahir + interval '12 years'
UNION ALL
SELECT k.no_kk, k.nik, 'kawin_di_bawah_umur', 'peringatan',
       format('married status %s at age %s; the minimum age of marriage is 19 (UU 16/2019)', k.status_kawin,
              date_part('year', age(acuan, k.tanggal_lahir)))
  FROM kini k WHERE k.status_kawin IN (2, 3, 4) AND age(acuan, k.tanggal_lahir) < interval '19 years'
UNION ALL
SELECT k.no_kk, k.nik, 'wilayah_nik_tidak_dikenal', 'galat',
       format('the NIK prefix %s is not a kecamatan in any loaded edition of the region codes', dtks.nik_kode_wilayah(k.nik))
  FROM kini k WHERE NOT dtks.nik_wilayah_dikenal(k.nik)
UNION ALL
SELECT k.no_kk, k.nik, 'nama_lahir_ganda', 'galat',
       format('another member of the KK has the same name and birth date (NIK %s)', l.nik)
  FROM kini k CROSS JOIN LATERAL unnest(k.sama) AS l(nik)
 WHERE cardinality(k.sama) > 1 AND l.nik <> k.nik
UNION ALL
SELECT k.no_kk, k.nik, 'meninggal_masih_anggota', 'galat',
       'the person is recorded as dead but is still a current member of the KK'
  FROM kini k WHERE k.status_hidup = 'meninggal'
UNION ALL
SELECT k.no_kk, k.nik, 'tidak_lengkap', 'peringatan',
       'missing: ' || concat_ws(', ',
           CASE WHEN k.status_kawin IS NULL THEN 'status_kawin' END,
           CASE WHEN k.kartu_identitas IS NULL THEN 'kartu_identitas' END,
           CASE WHEN k.partisipasi_sekolah IS NULL AND age(acuan, k.tanggal_lahir) >= interval '5 years' THEN 'partisipasi_sekolah' END,
           CASE WHEN k.jenjang_pendidikan IS NULL AND k.partisipasi_sekolah IN (2, 3) THEN 'jenjang_pendidikan' END,
           CASE WHEN k.bekerja IS NULL AND age(acuan, k.tanggal_lahir) >= interval '10 years' THEN 'bekerja' END,
           CASE WHEN k.penyakit_kronis IS NULL THEN 'penyakit_kronis' END,
           CASE WHEN k.jaminan_kesehatan IS NULL THEN 'jaminan_kesehatan' END)
  FROM kini k
 WHERE k.status_kawin IS NULL OR k.kartu_identitas IS NULL OR k.penyakit_kronis IS NULL OR k.jaminan_kesehatan IS NULL
    OR (k.partisipasi_sekolah IS NULL AND age(acuan, k.tanggal_lahir) >= interval '5 years')
    OR (k.jenjang_pendidikan IS NULL AND k.partisipasi_sekolah IN (2, 3))
    OR (k.bekerja IS NULL AND age(acuan, k.tanggal_lahir) >= interval '10 years')
UNION ALL
SELECT f.no_kk, NULL, 'tidak_lengkap', 'peringatan',
       'household (Blok III) missing: ' || concat_ws(', ',
           CASE WHEN h.status_bangunan IS NULL THEN 'status_bangunan' END,
           CASE WHEN h.luas_lantai IS NULL THEN 'luas_lantai' END,
           CASE WHEN h.jenis_lantai IS NULL THEN 'jenis_lantai' END,
           CASE WHEN h.jenis_dinding IS NULL THEN 'jenis_dinding' END,
           CASE WHEN h.jenis_atap IS NULL THEN 'jenis_atap' END,
           CASE WHEN h.sumber_air_minum IS NULL THEN 'sumber_air_minum' END,
           CASE WHEN h.sumber_penerangan IS NULL THEN 'sumber_penerangan' END,
           CASE WHEN h.bahan_bakar IS NULL THEN 'bahan_bakar' END,
           CASE WHEN h.fasilitas_bab IS NULL THEN 'fasilitas_bab' END)
  FROM kk JOIN dtks.keluarga f ON f.no_kk = kk.no_kk JOIN dtks.rumah_tangga h ON h.id = f.rumah_tangga_id
 WHERE h.status_bangunan IS NULL OR h.luas_lantai IS NULL OR h.jenis_lantai IS NULL OR h.jenis_dinding IS NULL
    OR h.jenis_atap IS NULL OR h.sumber_air_minum IS NULL OR h.sumber_penerangan IS NULL OR h.bahan_bakar IS NULL
    OR h.fasilitas_bab IS NULL;
END;
COMMENT ON FUNCTION dtks.kk_periksa_daftar(dtks.no_kk[], date) IS
    'Non-blocking findings (galat or peringatan) about the members of the given KKs on a date; the core of kk_periksa and kk_periksa_wilayah';

CREATE FUNCTION dtks.kk_periksa(no_kk dtks.no_kk, acuan date DEFAULT CURRENT_DATE)
    RETURNS TABLE (nik dtks.nik, aturan text, tingkat text, keterangan text)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT p.nik, p.aturan, p.tingkat, p.keterangan
      FROM dtks.kk_periksa_daftar(ARRAY[kk_periksa.no_kk], acuan) p
     ORDER BY p.nik NULLS FIRST, p.aturan;
END;
COMMENT ON FUNCTION dtks.kk_periksa(dtks.no_kk, date) IS
    'One row per finding about a KK: NIK date/sex differing from the record, child age, marriage under 19, unknown NIK region, same name and birth date, dead but current, missing attributes';

CREATE FUNCTION dtks.kk_periksa_wilayah(wilayah dtks.kode_wilayah, acuan date DEFAULT CURRENT_DATE)
    RETURNS TABLE (no_kk dtks.no_kk, nik dtks.nik, aturan text, tingkat text, keterangan text)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT p.no_kk, p.nik, p.aturan, p.tingkat, p.keterangan
      FROM dtks.kk_periksa_daftar(ARRAY(SELECT f.no_kk FROM dtks.keluarga f
                                          JOIN dtks.rumah_tangga h ON h.id = f.rumah_tangga_id
                                         WHERE h.kode_wilayah OPERATOR(dtks.<@) wilayah AND f.status = 'aktif'), acuan) p
     ORDER BY p.no_kk, p.nik NULLS FIRST, p.aturan;
END;
COMMENT ON FUNCTION dtks.kk_periksa_wilayah(dtks.kode_wilayah, date) IS
    'kk_periksa over every active KK of the households in a region (any level)';
-- The KK graph: kinship edges inside a family, and families connected across time.

CREATE FUNCTION dtks.kk_graf(no_kk dtks.no_kk, acuan date DEFAULT CURRENT_DATE)
    RETURNS TABLE (nik_a dtks.nik, nik_b dtks.nik, hubungan text)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
WITH
    kini AS (SELECT m.nik, m.shdk FROM dtks.keanggotaan m
              WHERE m.no_kk = kk_graf.no_kk AND m.berlaku @> acuan),
    -- (SHDK of a, SHDK of b, how a relates to b): 1 kepala, 2 suami, 3 istri, 4 anak, 5 menantu,
    -- 6 cucu, 7 orang tua (of the kepala), 8 mertua (parent of the kepala's spouse)
    aturan (shdk_a, shdk_b, hubungan) AS (VALUES
        (1, 2, 'pasangan'), (1, 3, 'pasangan'),
        (1, 4, 'orang_tua-anak'), (2, 4, 'orang_tua-anak'), (3, 4, 'orang_tua-anak'),
        (7, 1, 'orang_tua-anak'), (8, 2, 'orang_tua-anak'), (8, 3, 'orang_tua-anak'),
        (1, 6, 'kakek_nenek-cucu'), (2, 6, 'kakek_nenek-cucu'), (3, 6, 'kakek_nenek-cucu'),
        (7, 4, 'kakek_nenek-cucu'), (8, 4, 'kakek_nenek-cucu'),
        (1, 5, 'mertua-menantu'), (2, 5, 'mertua-menantu'), (3, 5, 'mertua-menantu'),
        (8, 1, 'mertua-menantu'), (7, 2, 'mertua-menantu'), (7, 3, 'mertua-menantu'),
        (4, 4, 'saudara'))
SELECT a.nik, b.nik, r.hubungan
  FROM aturan r
  JOIN kini a ON a.shdk = r.shdk_a
  JOIN kini b ON b.shdk = r.shdk_b AND b.nik <> a.nik
 WHERE r.shdk_a <> r.shdk_b OR a.nik < b.nik
 ORDER BY 3, 1, 2;
END;
COMMENT ON FUNCTION dtks.kk_graf(dtks.no_kk, date) IS
    'Kinship edges among the members of a KK on a date, derived from SHDK: pasangan, orang_tua-anak, kakek_nenek-cucu, mertua-menantu (a is the elder), saudara. SHDK does not say which spouse is a child''s parent: a child is linked to the kepala and every spouse';

CREATE FUNCTION dtks.kk_komponen() RETURNS TABLE (no_kk dtks.no_kk, komponen dtks.no_kk, ukuran integer)
    AS 'MODULE_PATHNAME', 'kk_komponen' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION dtks.kk_komponen() IS
    'Connected components of all KKs, linked by people who were members of both at any time and by shared households (union-find in C); komponen is the smallest KK number of the component, ukuran its number of KKs';
-- Synthetic registry data, deterministic: the same seed gives the same data.  It lives in the
-- extension because the tests, the demo and the benchmarks all need it, and so that a DBA can build
-- a training registry in any database without outside tools.  Every random draw is a hash of
-- (row, field) under the seed, so the data does not depend on evaluation order or parallelism.

CREATE FUNCTION dtks.sintetis_acak(benih bigint, baris bigint, medan integer) RETURNS double precision
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN ((pg_catalog.hashint8extended(baris * 128 + medan, benih) & 9007199254740991)::double precision + 0.5)
           / 9007199254740992.0;
COMMENT ON FUNCTION dtks.sintetis_acak(bigint, bigint, integer) IS
    'A uniform number in (0, 1) determined by seed, row and field: the generator''s only source of randomness';

CREATE FUNCTION dtks.sintetis_pilih(u double precision, kode integer[], batas double precision[]) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN kode[pg_catalog.width_bucket(u, batas) + 1];
COMMENT ON FUNCTION dtks.sintetis_pilih(double precision, integer[], double precision[]) IS
    'Pick kode[i] for a uniform u given cumulative thresholds (one fewer than codes): a weighted draw';

CREATE TABLE dtks.sintetis_galat (
    benih bigint NOT NULL,
    jenis text NOT NULL CHECK (jenis IN ('nik_tanggal_beda', 'meninggal_aktif', 'dua_kk', 'nik_ganda')),
    nik dtks.nik NOT NULL,
    no_kk dtks.no_kk NOT NULL,
    dimuat boolean NOT NULL,
    shdk dtks.kode_shdk,
    nama text,
    jenis_kelamin dtks.kode_jenis_kelamin,
    tanggal_lahir date
);
COMMENT ON TABLE dtks.sintetis_galat IS
    'Faults the generator injected (to measure the checks): loaded ones are in the registry; dua_kk and nik_ganda rows, which the rules refuse, are kept here to be tried';
SELECT pg_catalog.pg_extension_config_dump('dtks.sintetis_galat'::regclass, '');
COMMENT ON COLUMN dtks.sintetis_galat.benih IS 'Seed of the run';
COMMENT ON COLUMN dtks.sintetis_galat.jenis IS 'nik_tanggal_beda (record differs from NIK date), meninggal_aktif (dead but current member), dua_kk (a second KK at the same time), nik_ganda (a second person with the same NIK)';
COMMENT ON COLUMN dtks.sintetis_galat.nik IS 'The NIK concerned';
COMMENT ON COLUMN dtks.sintetis_galat.no_kk IS 'The KK concerned (for dua_kk: the second KK)';
COMMENT ON COLUMN dtks.sintetis_galat.dimuat IS 'Whether the fault was loaded into the registry';
COMMENT ON COLUMN dtks.sintetis_galat.shdk IS 'For unloaded faults: the membership to try';
COMMENT ON COLUMN dtks.sintetis_galat.nama IS 'For nik_ganda: the second person''s name';
COMMENT ON COLUMN dtks.sintetis_galat.jenis_kelamin IS 'For nik_ganda: the second person''s sex';
COMMENT ON COLUMN dtks.sintetis_galat.tanggal_lahir IS 'For nik_ganda: the second person''s birth date';

CREATE FUNCTION dtks.sintetis_titik(batas geometry, benih bigint, baris bigint) RETURNS geometry
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN ST_SetSRID(ST_GeometryN(ST_GeneratePoints(batas, 1,
                                   1 + (pg_catalog.hashint8extended(baris, benih) & 2147483646)::integer), 1), 4326);
COMMENT ON FUNCTION dtks.sintetis_titik(geometry, bigint, bigint) IS
    'A deterministic point inside a boundary, for a synthetic household''s location';

CREATE FUNCTION dtks.sintetis_muat(benih bigint, jumlah_keluarga integer, wilayah dtks.kode_wilayah DEFAULT NULL,
                                   laju_galat jsonb DEFAULT '{}', acuan date DEFAULT DATE '2026-01-01')
    RETURNS TABLE (rumah_tangga bigint, keluarga bigint, anggota bigint, galat bigint)
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
    SET jit = off
AS $$
DECLARE
    desa dtks.kode_wilayah[];
    kecamatan dtks.kode_wilayah[];
    id_awal bigint;
    n_rt bigint; n_kk bigint; n_orang bigint; n_galat bigint;
    laju_tanggal double precision := coalesce((laju_galat ->> 'nik_tanggal_beda')::double precision, 0);
    laju_meninggal double precision := coalesce((laju_galat ->> 'meninggal_aktif')::double precision, 0);
    laju_dua_kk double precision := coalesce((laju_galat ->> 'dua_kk')::double precision, 0);
    laju_ganda double precision := coalesce((laju_galat ->> 'nik_ganda')::double precision, 0);
BEGIN
    IF jumlah_keluarga < 1 THEN
        RAISE EXCEPTION 'sintetis_muat needs at least one family' USING ERRCODE = '22023',
            DETAIL = format('jumlah_keluarga is %s.', jumlah_keluarga);
    END IF;
    desa := ARRAY(SELECT w.kode FROM dtks.wilayah w
                   WHERE w.tingkat = 4 AND (wilayah IS NULL OR w.kode OPERATOR(dtks.<@) wilayah) ORDER BY w.kode);
    IF cardinality(desa) = 0 THEN
        RAISE EXCEPTION 'sintetis_muat: no desa/kelurahan of the current edition in the region' USING ERRCODE = '22023',
            DETAIL = format('The region is %s; load the region reference first (scripts/load-wilayah).', coalesce(wilayah::text, 'all'));
    END IF;
    kecamatan := ARRAY(SELECT w.kode FROM dtks.wilayah w WHERE w.tingkat = 3 ORDER BY w.kode);
    id_awal := coalesce((SELECT max(h.id) FROM dtks.rumah_tangga h), 0);

    -- families: structure, household (5% share the previous family's), KK issue date
    CREATE TEMP TABLE sintetis_kk ON COMMIT DROP AS
    WITH dasar AS (
        SELECT f,
               dtks.sintetis_pilih(dtks.sintetis_acak(benih, f, 2), '{1,2,3,4,5}', '{0.10,0.25,0.75,0.85}') AS tipe,
               (f > 1 AND dtks.sintetis_acak(benih, f, 5) < 0.05) AS berbagi
          FROM generate_series(1, jumlah_keluarga) AS f),
    rt AS (
        SELECT d.*, max(CASE WHEN NOT d.berbagi THEN d.f END) OVER (ORDER BY d.f) AS rt FROM dasar d)
    SELECT r.f, r.tipe, id_awal + r.rt AS rt_id, NOT r.berbagi AS kepala_rt,
           desa[1 + floor(dtks.sintetis_acak(benih, r.rt, 1) * cardinality(desa))::int] AS desa,
           CASE r.tipe WHEN 1 THEN 0 WHEN 2 THEN 0 WHEN 3 THEN 1 + floor(dtks.sintetis_acak(benih, r.f, 3) * 4)::int
                       ELSE 1 + floor(dtks.sintetis_acak(benih, r.f, 3) * 3)::int END AS anak,
           r.tipe IN (2, 3, 5) AS berpasangan,
           CASE WHEN r.tipe = 4 THEN (CASE WHEN dtks.sintetis_acak(benih, r.f, 4) < 0.7 THEN 'P' ELSE 'L' END)
                WHEN r.tipe = 1 THEN (CASE WHEN dtks.sintetis_acak(benih, r.f, 4) < 0.5 THEN 'P' ELSE 'L' END)
                ELSE (CASE WHEN dtks.sintetis_acak(benih, r.f, 4) < 0.95 THEN 'L' ELSE 'P' END) END AS jk_kepala,
           acuan - (365.25 * (25 + 45 * dtks.sintetis_acak(benih, r.f, 6)))::int AS lahir_kepala,
           acuan - (30 + 15 * 365 * dtks.sintetis_acak(benih, r.f, 7))::int AS terbit,
           CASE WHEN dtks.sintetis_acak(benih, r.f, 8) < 0.5 THEN 7 ELSE 6 END AS tambahan
      FROM rt r;
    ANALYZE sintetis_kk;

    -- people: one row per member slot
    CREATE TEMP TABLE sintetis_orang ON COMMIT DROP AS
    WITH slot AS (
        SELECT k.*, s.slot, k.f * 16 + s.slot AS o,
               1 + k.berpasangan::int + k.anak + (k.tipe = 5)::int AS ukuran
          FROM sintetis_kk k, generate_series(1, 1 + k.berpasangan::int + k.anak + (k.tipe = 5)::int) AS s(slot)),
    peran AS (
        SELECT s.*,
               CASE WHEN s.slot = 1 THEN 1
                    WHEN s.slot = 2 AND s.berpasangan THEN CASE s.jk_kepala WHEN 'L' THEN 3 ELSE 2 END
                    WHEN s.slot = s.ukuran AND s.tipe = 5 THEN s.tambahan
                    ELSE 4 END AS shdk
          FROM slot s),
    lahir AS (
        SELECT p.*,
               CASE p.shdk
                    WHEN 1 THEN p.jk_kepala
                    WHEN 2 THEN 'L' WHEN 3 THEN 'P'
                    ELSE CASE WHEN dtks.sintetis_acak(benih, p.o, 10) < 0.5 THEN 'L' ELSE 'P' END END AS jk,
               CASE p.shdk
                    WHEN 1 THEN p.lahir_kepala
                    WHEN 3 THEN p.lahir_kepala + (365 * (-1 + 7 * dtks.sintetis_acak(benih, p.o, 11)))::int
                    WHEN 2 THEN p.lahir_kepala - (365 * (1 + 5 * dtks.sintetis_acak(benih, p.o, 11)))::int
                    WHEN 7 THEN p.lahir_kepala - (365 * (20 + 15 * dtks.sintetis_acak(benih, p.o, 11)))::int
                    WHEN 6 THEN least(p.lahir_kepala + (365 * (42 + 8 * dtks.sintetis_acak(benih, p.o, 11)))::int,
                                      acuan - (30 + 700 * dtks.sintetis_acak(benih, p.o, 12))::int)
                    ELSE least(p.lahir_kepala + (365 * (20 + 15 * dtks.sintetis_acak(benih, p.o, 11) + 2 * (p.slot - 2)))::int,
                               acuan - (30 + 3000 * dtks.sintetis_acak(benih, p.o, 12))::int) END AS lahir
          FROM peran p),
    nik AS (
        SELECT l.*,
               (CASE WHEN dtks.sintetis_acak(benih, l.o, 13) < 0.9 THEN dtks.leluhur(l.desa, 3)
                     ELSE kecamatan[1 + floor(dtks.sintetis_acak(benih, l.o, 14) * cardinality(kecamatan))::int] END)::text AS prefiks,
               (extract(day FROM l.lahir)::int + CASE l.jk WHEN 'P' THEN 40 ELSE 0 END) * 10000
                 + extract(month FROM l.lahir)::int * 100 + extract(year FROM l.lahir)::int % 100 AS ddmmyy
          FROM lahir l),
    kunci AS (
        SELECT n.*, (replace(n.prefiks, '.', '') || lpad(n.ddmmyy::text, 6, '0'))::bigint AS awalan FROM nik n),
    -- serials continue after those of the NIKs already in the registry with the same first 12 digits
    -- (one pass over the registry's NIKs, not one probe per prefix)
    terpakai AS (
        SELECT x.nik::bigint / 10000 AS awalan, max(x.nik::bigint % 10000) AS sudah
          FROM dtks.anggota x
         WHERE x.nik::bigint / 10000 IN (SELECT k.awalan FROM kunci k)
         GROUP BY 1)
    SELECT k.f, k.o, k.slot, k.shdk, k.jk, k.lahir, k.berpasangan, k.tipe,
           (k.awalan * 10000 + coalesce(t.sudah, 0) + row_number() OVER (PARTITION BY k.awalan ORDER BY k.o))::dtks.nik AS nik_orang
      FROM kunci k LEFT JOIN terpakai t ON t.awalan = k.awalan;
    ANALYZE sintetis_orang;

    -- KK numbers: the family's kecamatan, the issue date, a serial
    CREATE TEMP TABLE sintetis_no_kk ON COMMIT DROP AS
    WITH kunci AS (
        SELECT k.f, (replace(dtks.leluhur(k.desa, 3)::text, '.', '') || to_char(k.terbit, 'DDMMYY'))::bigint AS awalan
          FROM sintetis_kk k),
    terpakai AS (
        SELECT x.no_kk::bigint / 10000 AS awalan, max(x.no_kk::bigint % 10000) AS sudah
          FROM dtks.keluarga x
         WHERE x.no_kk::bigint / 10000 IN (SELECT k.awalan FROM kunci k)
         GROUP BY 1)
    SELECT k.f, (k.awalan * 10000 + coalesce(t.sudah, 0) + row_number() OVER (PARTITION BY k.awalan ORDER BY k.f))::dtks.no_kk AS no_kk
      FROM kunci k LEFT JOIN terpakai t ON t.awalan = k.awalan;
    ANALYZE sintetis_no_kk;

    INSERT INTO dtks.anggota (nik, nama, jenis_kelamin, tanggal_lahir, status_kawin, status_hidup, tanggal_meninggal,
                              kartu_identitas, partisipasi_sekolah, jenjang_pendidikan, bekerja, jam_kerja,
                              lapangan_usaha, penyakit_kronis, jaminan_kesehatan, sulit_melihat, sulit_berjalan)
    SELECT o.nik_orang,
           (CASE o.jk WHEN 'L' THEN (ARRAY['Agus','Budi','Bambang','Joko','Eko','Andi','Dedi','Hendra','Rudi','Slamet',
                                            'Wahyu','Yusuf','Ahmad','Muhammad','Rizky','Fajar','Dimas','Arif','Hadi','Iwan',
                                            'Teguh','Sugeng','Heru','Yohanes','Petrus','Made','Ketut','Nyoman','Putu','Yakobus'])
                                           [1 + floor(dtks.sintetis_acak(benih, o.o, 15) * 30)::int]
                      ELSE (ARRAY['Siti','Sri','Dewi','Wati','Ani','Yuni','Rina','Nur','Fitri','Lestari',
                                  'Sari','Indah','Maria','Ayu','Putri','Ratna','Endang','Suminah','Kartini','Nurul',
                                  'Dian','Wulan','Rini','Tuti','Yuliana','Agnes','Fatimah','Aisyah','Veronika','Margaretha'])
                                  [1 + floor(dtks.sintetis_acak(benih, o.o, 15) * 30)::int] END)
             || ' ' || (ARRAY['Santoso','Wijaya','Saputra','Hidayat','Nugroho','Pratama','Siregar','Nasution','Lubis',
                              'Harahap','Simanjuntak','Hutapea','Manurung','Tanjung','Kurniawan','Setiawan','Gunawan',
                              'Susanto','Purnomo','Rahman','Hasibuan','Ndun','Nenobais','Tefa','Banunaek','Nope','Taneo',
                              'Bria','Sulistyo','Wibowo'])[1 + floor(dtks.sintetis_acak(benih, o.o, 16) * 30)::int],
           o.jk,
           o.lahir - CASE WHEN dtks.sintetis_acak(benih, o.o, 40) < laju_tanggal THEN 365 ELSE 0 END,
           CASE WHEN o.shdk IN (2, 3) OR (o.shdk = 1 AND o.berpasangan) THEN 2
                WHEN o.shdk = 1 AND o.tipe = 4 THEN 3 + (dtks.sintetis_acak(benih, o.o, 17) < 0.6)::int
                WHEN o.shdk IN (7, 8) THEN 4
                ELSE 1 END,
           CASE WHEN dtks.sintetis_acak(benih, o.o, 41) < laju_meninggal AND acuan - o.lahir > 365 THEN 'meninggal' ELSE 'aktif' END,
           CASE WHEN dtks.sintetis_acak(benih, o.o, 41) < laju_meninggal AND acuan - o.lahir > 365 THEN acuan - 100 END,
           CASE WHEN acuan - o.lahir >= 17 * 365 THEN 5 ELSE 1 + 2 * (dtks.sintetis_acak(benih, o.o, 18) < 0.6)::int END,
           CASE WHEN acuan - o.lahir < 5 * 365 THEN NULL
                WHEN acuan - o.lahir < 19 * 365 THEN CASE WHEN dtks.sintetis_acak(benih, o.o, 19) < 0.92 THEN 2 ELSE 3 END
                ELSE CASE WHEN dtks.sintetis_acak(benih, o.o, 19) < 0.06 THEN 1 ELSE 3 END END,
           CASE WHEN acuan - o.lahir < 5 * 365 THEN NULL
                WHEN dtks.sintetis_acak(benih, o.o, 19) < 0.06 AND acuan - o.lahir >= 19 * 365 THEN NULL
                ELSE dtks.sintetis_pilih(dtks.sintetis_acak(benih, o.o, 20), '{1,5,8,13,15,18,19,21}',
                                         '{0.05,0.30,0.55,0.78,0.88,0.92,0.99}') END,
           CASE WHEN acuan - o.lahir < 10 * 365 THEN NULL ELSE dtks.sintetis_acak(benih, o.o, 21) < 0.55 END,
           CASE WHEN acuan - o.lahir >= 10 * 365 AND dtks.sintetis_acak(benih, o.o, 21) < 0.55
                THEN (20 + 40 * dtks.sintetis_acak(benih, o.o, 22))::int END,
           CASE WHEN acuan - o.lahir >= 10 * 365 AND dtks.sintetis_acak(benih, o.o, 21) < 0.55
                THEN 1 + floor(dtks.sintetis_acak(benih, o.o, 23) * 26)::int END,
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, o.o, 24), '{1,2,6,3,5,4,18}', '{0.82,0.90,0.94,0.96,0.98,0.99}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, o.o, 25), '{1,2,4,0}', '{0.45,0.63,0.80}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, o.o, 26), '{4,3,2,1}', '{0.93,0.985,0.997}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, o.o, 27), '{4,3,2,1}', '{0.95,0.99,0.998}')
      FROM sintetis_orang o;

    INSERT INTO dtks.rumah_tangga (id, kode_wilayah, alamat, rt, rw, lokasi, kepala_nik, status_bangunan, bukti_lahan,
                                   luas_lantai, jenis_lantai, jenis_dinding, jenis_atap, sumber_air_minum, jarak_tinja,
                                   sumber_penerangan, daya_listrik, bahan_bakar, fasilitas_bab, jenis_kloset, pembuangan_tinja)
    OVERRIDING SYSTEM VALUE
    SELECT k.rt_id, k.desa,
           'Jl. ' || (ARRAY['Merdeka','Sudirman','Diponegoro','Kartini','Pemuda','Mawar','Melati','Kenanga','Flamboyan',
                            'Cempaka','Anggrek','Masjid','Pasar','Sekolah','Raya'])[1 + floor(dtks.sintetis_acak(benih, k.f, 30) * 15)::int]
             || ' No. ' || (1 + floor(dtks.sintetis_acak(benih, k.f, 31) * 150)::int),
           lpad((1 + floor(dtks.sintetis_acak(benih, k.f, 32) * 15)::int)::text, 3, '0'),
           lpad((1 + floor(dtks.sintetis_acak(benih, k.f, 33) * 8)::int)::text, 3, '0'),
           (SELECT dtks.sintetis_titik(w.batas, benih, k.f) FROM dtks.wilayah w WHERE w.kode OPERATOR(dtks.=) k.desa AND w.batas IS NOT NULL),
           o.nik_orang,
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 34), '{1,2,3,6,4,5}', '{0.80,0.90,0.96,0.98,0.99}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 35), '{1,5,4,6,2,3}', '{0.45,0.65,0.75,0.92,0.96}'),
           (18 + 120 * dtks.sintetis_acak(benih, k.f, 36) ^ 2)::int,
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 37), '{2,6,4,8,5,1,7,3,9}', '{0.50,0.75,0.82,0.89,0.95,0.97,0.985,0.995}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 38), '{1,3,4,2,6,5,7}', '{0.75,0.85,0.92,0.96,0.98,0.99}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 39), '{2,3,4,1,5,7,6,8}', '{0.48,0.80,0.88,0.94,0.97,0.99,0.995}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 40), '{2,4,3,5,1,6,7,9,10,12,11,8,13}',
                               '{0.40,0.62,0.72,0.82,0.87,0.90,0.92,0.94,0.96,0.97,0.98,0.99}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 41), '{2,1,3}', '{0.70,0.95}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 42), '{1,2,3,4}', '{0.93,0.97,0.99}'),
           ARRAY[dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 43), '{1,2,3,4,5}', '{0.30,0.75,0.90,0.97}')]::smallint[],
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 44), '{4,3,10,1,7,2,12,11}', '{0.70,0.78,0.90,0.93,0.95,0.97,0.99}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 45), '{1,2,4,3,6,5}', '{0.82,0.88,0.92,0.95,0.98}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 46), '{1,2,3,4}', '{0.88,0.94,0.97}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 47), '{1,4,3,5,2,6}', '{0.70,0.82,0.92,0.96,0.99}')
      FROM sintetis_kk k JOIN sintetis_orang o ON o.f = k.f AND o.slot = 1
     WHERE k.kepala_rt;
    PERFORM pg_catalog.setval(pg_catalog.pg_get_serial_sequence('dtks.rumah_tangga', 'id'),
                              greatest(id_awal + jumlah_keluarga, 1));

    INSERT INTO dtks.keluarga (no_kk, rumah_tangga_id, alasan_terbit, bpnt_sejak, pkh_sejak, subsidi_listrik_sejak,
                               punya_tabung_gas, punya_lemari_es, punya_ac, punya_televisi, punya_emas, punya_komputer,
                               punya_sepeda_motor, punya_mobil, punya_smartphone, jumlah_sapi, jumlah_kambing,
                               punya_lahan_lain, internet, rekening)
    SELECT n.no_kk, k.rt_id, CASE WHEN k.kepala_rt THEN 'baru' ELSE 'pecah_kk' END,
           CASE WHEN dtks.sintetis_acak(benih, k.f, 50) < 0.20 THEN date_trunc('month', k.terbit + 60)::date END,
           CASE WHEN dtks.sintetis_acak(benih, k.f, 51) < 0.10 THEN date_trunc('month', k.terbit + 90)::date END,
           CASE WHEN dtks.sintetis_acak(benih, k.f, 52) < 0.35 THEN date_trunc('month', k.terbit + 30)::date END,
           dtks.sintetis_acak(benih, k.f, 53) < 0.30, dtks.sintetis_acak(benih, k.f, 54) < 0.55,
           dtks.sintetis_acak(benih, k.f, 55) < 0.10, dtks.sintetis_acak(benih, k.f, 56) < 0.45,
           dtks.sintetis_acak(benih, k.f, 57) < 0.15, dtks.sintetis_acak(benih, k.f, 58) < 0.20,
           dtks.sintetis_acak(benih, k.f, 59) < 0.75, dtks.sintetis_acak(benih, k.f, 60) < 0.08,
           dtks.sintetis_acak(benih, k.f, 61) < 0.80,
           CASE WHEN dtks.sintetis_acak(benih, k.f, 62) < 0.08 THEN (1 + floor(dtks.sintetis_acak(benih, k.f, 63) * 4))::int ELSE 0 END,
           CASE WHEN dtks.sintetis_acak(benih, k.f, 64) < 0.12 THEN (1 + floor(dtks.sintetis_acak(benih, k.f, 65) * 6))::int ELSE 0 END,
           dtks.sintetis_acak(benih, k.f, 66) < 0.25,
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 67), '{3,0,2,1}', '{0.55,0.80,0.96}'),
           dtks.sintetis_pilih(dtks.sintetis_acak(benih, k.f, 68), '{4,2,1,3}', '{0.45,0.90,0.95}')
      FROM sintetis_kk k JOIN sintetis_no_kk n ON n.f = k.f;

    INSERT INTO dtks.keanggotaan (nik, no_kk, shdk, berlaku)
    SELECT o.nik_orang, n.no_kk, o.shdk, daterange(greatest(k.terbit, o.lahir), NULL)
      FROM sintetis_orang o JOIN sintetis_kk k ON k.f = o.f JOIN sintetis_no_kk n ON n.f = o.f;

    -- the injected faults: loaded ones, and the two kinds the rules refuse, kept aside to be tried
    INSERT INTO dtks.sintetis_galat (benih, jenis, nik, no_kk, dimuat, shdk, nama, jenis_kelamin, tanggal_lahir)
    SELECT benih, 'nik_tanggal_beda', o.nik_orang, n.no_kk, true, NULL::integer, NULL::text, NULL::text, NULL::date
      FROM sintetis_orang o JOIN sintetis_no_kk n ON n.f = o.f WHERE dtks.sintetis_acak(benih, o.o, 40) < laju_tanggal
    UNION ALL
    SELECT benih, 'meninggal_aktif', o.nik_orang, n.no_kk, true, NULL, NULL, NULL, NULL
      FROM sintetis_orang o JOIN sintetis_no_kk n ON n.f = o.f
     WHERE dtks.sintetis_acak(benih, o.o, 41) < laju_meninggal AND acuan - o.lahir > 365
    UNION ALL
    SELECT benih, 'dua_kk', o.nik_orang, n.no_kk, false, 4, NULL, NULL, NULL
      FROM sintetis_orang o JOIN sintetis_no_kk n ON n.f = o.f % jumlah_keluarga + 1
     WHERE jumlah_keluarga > 1 AND dtks.sintetis_acak(benih, o.o, 42) < laju_dua_kk
    UNION ALL
    SELECT benih, 'nik_ganda', o.nik_orang, n.no_kk, false, 11, 'Ganda ' || o.o, o.jk, o.lahir
      FROM sintetis_orang o JOIN sintetis_no_kk n ON n.f = o.f % jumlah_keluarga + 1
     WHERE dtks.sintetis_acak(benih, o.o, 43) < laju_ganda;

    SELECT count(*) FILTER (WHERE k.kepala_rt), count(*) INTO n_rt, n_kk FROM sintetis_kk k;
    SELECT count(*) INTO n_orang FROM sintetis_orang;
    SELECT count(*) INTO n_galat FROM dtks.sintetis_galat g WHERE g.benih = sintetis_muat.benih;
    DROP TABLE sintetis_kk, sintetis_orang, sintetis_no_kk;
    RETURN QUERY SELECT n_rt, n_kk, n_orang, n_galat;
END
$$;
COMMENT ON FUNCTION dtks.sintetis_muat(bigint, integer, dtks.kode_wilayah, jsonb, date) IS
    'Load jumlah_keluarga synthetic families (same seed, same data) into the registry in a region''s desa, with realistic structure, valid NIKs and KK numbers, questionnaire answers and locations; laju_galat injects faults, e.g. {"nik_tanggal_beda": 0.01, "meninggal_aktif": 0.005, "dua_kk": 0.001, "nik_ganda": 0.001}';
-- Welfare score models as data: versioned, inspectable, replaceable.
--
-- A model (dtks.skor_model) has a version, a validity period and a constant; its weights
-- (dtks.skor_bobot) are per variable, and per code for coded answers; per-region overrides
-- (dtks.skor_bobot_wilayah) replace a weight inside a region, the most specific region winning.
-- The variables (dtks.skor_variabel) name the registry column each one reads.  The score is
-- the constant plus the sum of contributions: higher is better off; desil 1 is the lowest tenth.
-- Weights have three decimals and the scorer (C, src/skor.c) adds them as exact integers.

CREATE TABLE dtks.skor_variabel (
    nama text PRIMARY KEY CHECK (nama ~ '^[a-z][a-z0-9_]*$'),
    sumber text NOT NULL CHECK (sumber IN ('rumah_tangga', 'keluarga', 'kepala', 'ringkasan')),
    kolom text NOT NULL,
    jenis text NOT NULL CHECK (jenis IN ('kode', 'ya_tidak', 'angka')),
    kode_sah smallint[] CHECK ((jenis = 'kode') = (kode_sah IS NOT NULL)),
    keterangan text NOT NULL,
    bawaan boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE dtks.skor_variabel IS
    'Variables a score model can weigh: where each is read (household, family, the kepala keluarga, or the family summary) and how (a code, yes/no, a number)';
COMMENT ON COLUMN dtks.skor_variabel.nama IS 'Variable name used in the weights';
COMMENT ON COLUMN dtks.skor_variabel.sumber IS 'rumah_tangga, keluarga, kepala (the current kepala keluarga''s anggota row) or ringkasan (counts over the current members)';
COMMENT ON COLUMN dtks.skor_variabel.kolom IS 'Column of that row (for ringkasan: jumlah_anggota, balita, anak_sekolah, lansia, disabilitas, bekerja, luas_per_orang)';
COMMENT ON COLUMN dtks.skor_variabel.jenis IS 'kode: one weight per code; ya_tidak: a weight when true; angka: a weight per unit, up to batas';
COMMENT ON COLUMN dtks.skor_variabel.kode_sah IS 'For kode variables: the codes a weight may name';
COMMENT ON COLUMN dtks.skor_variabel.keterangan IS 'What the variable is (questionnaire item)';
COMMENT ON COLUMN dtks.skor_variabel.bawaan IS 'Shipped with the extension (pg_dump keeps only the others)';
COMMENT ON INDEX dtks.skor_variabel_pkey IS 'One row per variable';
SELECT pg_catalog.pg_extension_config_dump('dtks.skor_variabel'::regclass, 'WHERE NOT bawaan');

CREATE TABLE dtks.skor_model (
    versi text PRIMARY KEY CHECK (versi ~ '^[A-Za-z0-9._-]{1,63}$'),
    nama text NOT NULL,
    berlaku daterange NOT NULL CHECK (NOT isempty(berlaku) AND NOT lower_inf(berlaku)),
    konstanta numeric(10, 3) NOT NULL DEFAULT 0,
    keterangan text NOT NULL,
    bawaan boolean NOT NULL DEFAULT false,
    CONSTRAINT skor_model_berlaku_tumpang_tindih EXCLUDE USING gist (berlaku WITH &&) WHERE (NOT bawaan)
);
COMMENT ON TABLE dtks.skor_model IS
    'Score model versions; the validity periods of the agency''s models do not overlap, so one holds on any date, and the shipped model holds where none does';
COMMENT ON COLUMN dtks.skor_model.versi IS 'Version label, e.g. dtks-deprivasi-2026.1';
COMMENT ON COLUMN dtks.skor_model.nama IS 'What the model is';
COMMENT ON COLUMN dtks.skor_model.berlaku IS 'Dates on which this model is the one in force';
COMMENT ON COLUMN dtks.skor_model.konstanta IS 'Score before any contribution';
COMMENT ON COLUMN dtks.skor_model.keterangan IS 'Sources and method';
COMMENT ON COLUMN dtks.skor_model.bawaan IS 'Shipped with the extension: read-only (copy it with dtks.skor_model_salin), in force where no other model is; pg_dump keeps only the others';
COMMENT ON CONSTRAINT skor_model_berlaku_tumpang_tindih ON dtks.skor_model IS 'At most one of the agency''s models in force on any date';
COMMENT ON INDEX dtks.skor_model_pkey IS 'One row per version';
COMMENT ON INDEX dtks.skor_model_berlaku_tumpang_tindih IS 'Enforces non-overlapping validity';
SELECT pg_catalog.pg_extension_config_dump('dtks.skor_model'::regclass, 'WHERE NOT bawaan');

CREATE TABLE dtks.skor_bobot (
    versi text NOT NULL REFERENCES dtks.skor_model (versi) ON UPDATE RESTRICT ON DELETE CASCADE,
    variabel text NOT NULL REFERENCES dtks.skor_variabel (nama),
    kode smallint,
    bobot numeric(10, 3) NOT NULL,
    batas integer CHECK (batas > 0),
    UNIQUE NULLS NOT DISTINCT (versi, variabel, kode)
);
COMMENT ON TABLE dtks.skor_bobot IS
    'Weights of a model: per code for kode variables, kode NULL for ya_tidak (weight when true) and angka (weight per unit, counted up to batas)';
COMMENT ON COLUMN dtks.skor_bobot.versi IS 'Model version';
COMMENT ON COLUMN dtks.skor_bobot.variabel IS 'Variable (dtks.skor_variabel)';
COMMENT ON COLUMN dtks.skor_bobot.kode IS 'The answer code weighed (kode variables only)';
COMMENT ON COLUMN dtks.skor_bobot.bobot IS 'Contribution to the score';
COMMENT ON COLUMN dtks.skor_bobot.batas IS 'For angka variables: the value is counted up to this (NULL: no limit)';
COMMENT ON INDEX dtks.skor_bobot_versi_variabel_kode_key IS 'One weight per model, variable and code';
SELECT pg_catalog.pg_extension_config_dump('dtks.skor_bobot'::regclass,
    'WHERE versi NOT IN (SELECT m.versi FROM dtks.skor_model m WHERE m.bawaan)');

CREATE TABLE dtks.skor_bobot_wilayah (
    versi text NOT NULL REFERENCES dtks.skor_model (versi) ON UPDATE RESTRICT ON DELETE CASCADE,
    kode_wilayah dtks.kode_wilayah NOT NULL,
    variabel text NOT NULL REFERENCES dtks.skor_variabel (nama),
    kode smallint,
    bobot numeric(10, 3) NOT NULL,
    UNIQUE NULLS NOT DISTINCT (versi, kode_wilayah, variabel, kode)
);
COMMENT ON TABLE dtks.skor_bobot_wilayah IS
    'Per-region weights replacing the model''s inside a region; for a household the most specific region (desa over kecamatan over kab/kota over province) wins';
COMMENT ON COLUMN dtks.skor_bobot_wilayah.versi IS 'Model version';
COMMENT ON COLUMN dtks.skor_bobot_wilayah.kode_wilayah IS 'Region (a code of dtks.wilayah when written)';
COMMENT ON COLUMN dtks.skor_bobot_wilayah.variabel IS 'Variable';
COMMENT ON COLUMN dtks.skor_bobot_wilayah.kode IS 'The answer code (kode variables only)';
COMMENT ON COLUMN dtks.skor_bobot_wilayah.bobot IS 'Weight inside the region';
COMMENT ON INDEX dtks.skor_bobot_wilayah_versi_kode_wilayah_variabel_kode_key IS 'One override per model, region, variable and code';
SELECT pg_catalog.pg_extension_config_dump('dtks.skor_bobot_wilayah'::regclass, '');

-- Scores computed, with the model version and the date: rows are only added.
CREATE TABLE dtks.skor_keluarga (
    no_kk dtks.no_kk NOT NULL,
    versi text NOT NULL REFERENCES dtks.skor_model (versi),
    dihitung date NOT NULL,
    lingkup text NOT NULL CHECK (lingkup IN ('nasional', 'provinsi', 'kabkota')),
    kode_lingkup dtks.kode_wilayah,
    skor double precision NOT NULL,
    desil smallint NOT NULL CHECK (desil BETWEEN 1 AND 10),
    PRIMARY KEY (no_kk, versi, dihitung, lingkup)
);
COMMENT ON TABLE dtks.skor_keluarga IS
    'Each family''s score and desil as computed on a date with a model version and a ranking scope; a model with stored scores can no longer be changed';
COMMENT ON COLUMN dtks.skor_keluarga.no_kk IS 'The family';
COMMENT ON COLUMN dtks.skor_keluarga.versi IS 'Model version used';
COMMENT ON COLUMN dtks.skor_keluarga.dihitung IS 'Date of the computation (the registry as on that date)';
COMMENT ON COLUMN dtks.skor_keluarga.lingkup IS 'Ranking scope: nasional, provinsi or kabkota';
COMMENT ON COLUMN dtks.skor_keluarga.kode_lingkup IS 'The province or kab/kota ranked within (NULL for nasional)';
COMMENT ON COLUMN dtks.skor_keluarga.skor IS 'Welfare score (higher is better off)';
COMMENT ON COLUMN dtks.skor_keluarga.desil IS 'Desil within the scope, 1 the lowest scores; ties ordered by KK number';
COMMENT ON INDEX dtks.skor_keluarga_pkey IS 'One score per family, model, date and scope';
CREATE INDEX skor_keluarga_terbaru ON dtks.skor_keluarga (no_kk, dihitung DESC);
COMMENT ON INDEX dtks.skor_keluarga_terbaru IS 'A family''s latest scores';
SELECT pg_catalog.pg_extension_config_dump('dtks.skor_keluarga'::regclass, '');
-- What a score model may hold, checked when it is written, and the model cache's invalidation.

-- Row trigger on dtks.skor_bobot and dtks.skor_bobot_wilayah: the variable takes that code (or
-- none), batas only for angka, the region exists, and the model has no stored scores yet.
CREATE FUNCTION dtks.skor_bobot_periksa() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v record;
    baris record;
BEGIN
    IF TG_OP = 'DELETE' THEN baris := OLD; ELSE baris := NEW; END IF;
    IF EXISTS (SELECT 1 FROM dtks.skor_model m WHERE m.bawaan AND m.versi IN (baris.versi, OLD.versi)) THEN
        RAISE EXCEPTION 'score model %: the shipped model is read-only', baris.versi
            USING ERRCODE = '55000', HINT = 'Copy it into a new version with dtks.skor_model_salin(...) and change the copy.';
    END IF;
    IF TG_OP <> 'INSERT' AND EXISTS (SELECT 1 FROM dtks.skor_keluarga s WHERE s.versi = OLD.versi) THEN
        RAISE EXCEPTION 'score model %: its weights cannot change, scores computed with it are stored', OLD.versi
            USING ERRCODE = '55000',
                  DETAIL = 'dtks.skor_keluarga holds scores of this version; a penetapan may have used them.',
                  HINT = 'Create a new model version with the changed weights.';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    SELECT * INTO v FROM dtks.skor_variabel x WHERE x.nama = baris.variabel;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'score model %: unknown variable "%"', baris.versi, baris.variabel
            USING ERRCODE = '23503', DETAIL = 'The variables a model can weigh are listed in dtks.skor_variabel.';
    END IF;
    IF v.jenis = 'kode' AND (baris.kode IS NULL OR NOT baris.kode = ANY (v.kode_sah)) THEN
        RAISE EXCEPTION 'score model %: % is not a code of variable %', baris.versi, coalesce(baris.kode::text, 'NULL'), baris.variabel
            USING ERRCODE = '23514', DETAIL = format('The codes of %s are %s.', baris.variabel, v.kode_sah);
    ELSIF v.jenis <> 'kode' AND baris.kode IS NOT NULL THEN
        RAISE EXCEPTION 'score model %: variable % takes no code (it is %)', baris.versi, baris.variabel, v.jenis
            USING ERRCODE = '23514', DETAIL = format('Code %s was given; leave kode NULL.', baris.kode);
    END IF;
    IF TG_TABLE_NAME = 'skor_bobot' THEN
        IF NEW.batas IS NOT NULL AND v.jenis <> 'angka' THEN
            RAISE EXCEPTION 'score model %: batas is only for angka variables, not %', NEW.versi, NEW.variabel
                USING ERRCODE = '23514', DETAIL = format('%s is a %s variable.', NEW.variabel, v.jenis);
        END IF;
    ELSIF NOT EXISTS (SELECT 1 FROM dtks.wilayah w WHERE w.kode OPERATOR(dtks.=) NEW.kode_wilayah) THEN
        RAISE EXCEPTION 'score model %: region % is not a code of the current edition', NEW.versi, NEW.kode_wilayah
            USING ERRCODE = '23503', DETAIL = 'A region override names a province, kab/kota, kecamatan or desa of dtks.wilayah.';
    ELSIF NOT EXISTS (SELECT 1 FROM dtks.skor_bobot b WHERE b.versi = NEW.versi AND b.variabel = NEW.variabel
                         AND b.kode IS NOT DISTINCT FROM NEW.kode) THEN
        RAISE EXCEPTION 'score model %: region override of % % has no weight to replace', NEW.versi, NEW.variabel,
                        coalesce('code ' || NEW.kode, '')
            USING ERRCODE = '23503', DETAIL = 'An override replaces a weight of the model; give the model that weight first.';
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION dtks.skor_bobot_periksa() IS
    'Row trigger: a weight names a known variable and one of its codes, a region of the current edition, and a model without stored scores';
CREATE TRIGGER skor_bobot_periksa BEFORE INSERT OR UPDATE OR DELETE ON dtks.skor_bobot
    FOR EACH ROW EXECUTE FUNCTION dtks.skor_bobot_periksa();
COMMENT ON TRIGGER skor_bobot_periksa ON dtks.skor_bobot IS 'Weights are checked when written';
CREATE TRIGGER skor_bobot_periksa BEFORE INSERT OR UPDATE OR DELETE ON dtks.skor_bobot_wilayah
    FOR EACH ROW EXECUTE FUNCTION dtks.skor_bobot_periksa();
COMMENT ON TRIGGER skor_bobot_periksa ON dtks.skor_bobot_wilayah IS 'Region overrides are checked when written';

-- Row trigger on dtks.skor_model: the shipped model is read-only; a model with stored scores keeps
-- its constant and its start, and stays; only its name, description and the end of its validity may change.
CREATE FUNCTION dtks.skor_model_periksa() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF OLD.bawaan THEN
        RAISE EXCEPTION 'score model %: the shipped model is read-only', OLD.versi
            USING ERRCODE = '55000', HINT = 'Copy it into a new version with dtks.skor_model_salin(...) and change the copy.';
    END IF;
    IF EXISTS (SELECT 1 FROM dtks.skor_keluarga s WHERE s.versi = OLD.versi)
       AND (TG_OP = 'DELETE' OR NEW.konstanta <> OLD.konstanta OR lower(NEW.berlaku) <> lower(OLD.berlaku)) THEN
        RAISE EXCEPTION 'score model %: scores computed with it are stored, it cannot be %', OLD.versi,
                        CASE TG_OP WHEN 'DELETE' THEN 'removed' ELSE 'changed that way' END
            USING ERRCODE = '55000',
                  DETAIL = 'Only the name, the description and the end of the validity of a used model may change.',
                  HINT = 'Close its validity and create a new version.';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;
COMMENT ON FUNCTION dtks.skor_model_periksa() IS
    'Row trigger: a model with stored scores keeps its constant and start and is not removed';
CREATE TRIGGER skor_model_periksa BEFORE UPDATE OR DELETE ON dtks.skor_model
    FOR EACH ROW EXECUTE FUNCTION dtks.skor_model_periksa();
COMMENT ON TRIGGER skor_model_periksa ON dtks.skor_model IS 'A used model is not rewritten';

-- Statement trigger: tell every backend's model cache (src/skor.c) that the models changed.
CREATE FUNCTION dtks.skor_model_berubah() RETURNS trigger
    AS 'MODULE_PATHNAME', 'skor_model_berubah' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION dtks.skor_model_berubah() IS
    'Statement trigger on the model tables: invalidate the score model cached in every backend (at commit)';
DO $berubah$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['skor_variabel', 'skor_model', 'skor_bobot', 'skor_bobot_wilayah'] LOOP
        EXECUTE format('CREATE TRIGGER skor_model_berubah AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON dtks.%I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION dtks.skor_model_berubah()', t);
        EXECUTE format('COMMENT ON TRIGGER skor_model_berubah ON dtks.%I IS %L', t,
                       'The cached score models are read again after a change');
    END LOOP;
END
$berubah$;
-- Scoring functions: the C scorer on rows, and the forms by KK number.

CREATE FUNCTION dtks.skor_kesejahteraan(rumah_tangga dtks.rumah_tangga, keluarga dtks.keluarga, kepala dtks.anggota,
                                        ringkasan integer[], versi text) RETURNS double precision
    AS 'MODULE_PATHNAME', 'skor_kesejahteraan_baris' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION dtks.skor_kesejahteraan(dtks.rumah_tangga, dtks.keluarga, dtks.anggota, integer[], text) IS
    'Welfare score (higher is better off) of a family from its household, family and kepala rows and its summary (dtks.skor_ringkasan), with model versi; computed in C, the model cached per backend';

CREATE FUNCTION dtks.skor_rinci(rumah_tangga dtks.rumah_tangga, keluarga dtks.keluarga, kepala dtks.anggota,
                                ringkasan integer[], versi text)
    RETURNS TABLE (variabel text, nilai integer, bobot double precision, kontribusi double precision)
    AS 'MODULE_PATHNAME', 'skor_rinci_baris' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION dtks.skor_rinci(dtks.rumah_tangga, dtks.keluarga, dtks.anggota, integer[], text) IS
    'Each weighted variable of a family: its answer, the weight that applies (region overrides included) and its contribution; the contributions add up to the score';

-- The family summary the scorer reads: counts over the current, living members.
CREATE FUNCTION dtks.skor_ringkasan(no_kk dtks.no_kk, acuan date DEFAULT CURRENT_DATE) RETURNS integer[]
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT ARRAY[count(*),
                 count(*) FILTER (WHERE a.tanggal_lahir > acuan - interval '5 years'),
                 count(*) FILTER (WHERE a.partisipasi_sekolah = 2),
                 count(*) FILTER (WHERE a.tanggal_lahir <= acuan - interval '60 years'),
                 count(*) FILTER (WHERE 1 IN (a.sulit_melihat, a.sulit_mendengar, a.sulit_berjalan, a.sulit_tangan,
                                              a.sulit_belajar, a.sulit_perilaku, a.sulit_bicara,
                                              a.sulit_mengurus_diri, a.sulit_mengingat)
                                     OR 2 IN (a.sulit_melihat, a.sulit_mendengar, a.sulit_berjalan, a.sulit_tangan,
                                              a.sulit_belajar, a.sulit_perilaku, a.sulit_bicara,
                                              a.sulit_mengurus_diri, a.sulit_mengingat)),
                 count(*) FILTER (WHERE a.bekerja),
                 (SELECT h.luas_lantai FROM dtks.keluarga f JOIN dtks.rumah_tangga h ON h.id = f.rumah_tangga_id
                   WHERE f.no_kk OPERATOR(dtks.=) skor_ringkasan.no_kk) / nullif(count(*), 0)]::integer[]
      FROM dtks.keanggotaan m JOIN dtks.anggota a ON a.nik OPERATOR(dtks.=) m.nik
     WHERE m.no_kk OPERATOR(dtks.=) skor_ringkasan.no_kk AND m.berlaku @> acuan AND a.status_hidup = 'aktif';
END;
COMMENT ON FUNCTION dtks.skor_ringkasan(dtks.no_kk, date) IS
    'The family summary the scorer reads, over current living members on acuan: {jumlah_anggota, balita (under 5), anak_sekolah (in school), lansia (60+), disabilitas (a lot of difficulty or cannot, any 428 item), bekerja, luas_per_orang (floor m2 per member)}';

CREATE FUNCTION dtks.skor_model_pada(acuan date DEFAULT CURRENT_DATE) RETURNS text
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT m.versi FROM dtks.skor_model m WHERE m.berlaku @> acuan ORDER BY m.bawaan, m.versi LIMIT 1;
END;
COMMENT ON FUNCTION dtks.skor_model_pada(date) IS 'The model version in force on a date: the agency''s model valid then, else the shipped one (NULL if none)';

-- What the scorer reads for one family on a date: its household, the family, its current kepala
-- keluarga and its summary.
CREATE FUNCTION dtks.skor_masukan_kk(no_kk dtks.no_kk, acuan date DEFAULT CURRENT_DATE)
    RETURNS TABLE (rumah_tangga dtks.rumah_tangga, keluarga dtks.keluarga, kepala dtks.anggota, ringkasan integer[])
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT h, f, k, dtks.skor_ringkasan(f.no_kk, acuan)
      FROM dtks.keluarga f
      JOIN dtks.rumah_tangga h ON h.id = f.rumah_tangga_id
      LEFT JOIN (dtks.keanggotaan m JOIN dtks.anggota k ON k.nik OPERATOR(dtks.=) m.nik)
             ON m.no_kk OPERATOR(dtks.=) f.no_kk AND m.shdk = 1 AND m.berlaku @> acuan
     WHERE f.no_kk OPERATOR(dtks.=) skor_masukan_kk.no_kk;
END;
COMMENT ON FUNCTION dtks.skor_masukan_kk(dtks.no_kk, date) IS
    'What the scorer reads for one family on a date: household, family, current kepala keluarga (NULL if none) and summary (dtks.skor_ringkasan)';

CREATE FUNCTION dtks.skor_kesejahteraan(no_kk dtks.no_kk, versi text DEFAULT NULL, acuan date DEFAULT CURRENT_DATE)
    RETURNS double precision
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT dtks.skor_kesejahteraan(x.rumah_tangga, x.keluarga, x.kepala, x.ringkasan, coalesce(versi, dtks.skor_model_pada(acuan)))
      FROM dtks.skor_masukan_kk(no_kk, acuan) x;
END;
COMMENT ON FUNCTION dtks.skor_kesejahteraan(dtks.no_kk, text, date) IS
    'Welfare score of a family on a date, with the model in force then unless versi is given';

CREATE FUNCTION dtks.skor_rinci(no_kk dtks.no_kk, versi text DEFAULT NULL, acuan date DEFAULT CURRENT_DATE)
    RETURNS TABLE (variabel text, nilai integer, bobot double precision, kontribusi double precision)
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT r.variabel, r.nilai, r.bobot, r.kontribusi
      FROM dtks.skor_masukan_kk(no_kk, acuan) x,
           dtks.skor_rinci(x.rumah_tangga, x.keluarga, x.kepala, x.ringkasan, coalesce(versi, dtks.skor_model_pada(acuan))) AS r;
END;
COMMENT ON FUNCTION dtks.skor_rinci(dtks.no_kk, text, date) IS
    'Why a family has its score: each variable''s answer, weight and contribution (the first row is the model''s constant)';

-- The same model as one SQL expression over h (rumah_tangga), f (keluarga), k (kepala) and r
-- (the summary): what the scorer computes, for inspection and as the benchmark's baseline.
CREATE FUNCTION dtks.skor_sql(versi text) RETURNS text
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    WITH v AS (
        SELECT x.nama, x.jenis, x.sumber, x.kolom,
               CASE x.sumber WHEN 'rumah_tangga' THEN 'h.' WHEN 'keluarga' THEN 'f.' WHEN 'kepala' THEN 'k.' END
                 || quote_ident(x.kolom) AS ekspr_kolom,
               CASE x.kolom WHEN 'jumlah_anggota' THEN 1 WHEN 'balita' THEN 2 WHEN 'anak_sekolah' THEN 3
                            WHEN 'lansia' THEN 4 WHEN 'disabilitas' THEN 5 WHEN 'bekerja' THEN 6
                            WHEN 'luas_per_orang' THEN 7 END AS posisi
          FROM dtks.skor_variabel x),
    -- one weight expression per (variable, code): region overrides, most specific first, then the base
    bobot AS (
        SELECT b.variabel, b.kode, b.batas,
               CASE WHEN count(o.*) = 0 THEN b.bobot::text
                    ELSE 'CASE ' || string_agg(format('WHEN h.kode_wilayah OPERATOR(dtks.<@) %L::dtks.kode_wilayah THEN %s',
                                                      o.kode_wilayah, o.bobot), ' '
                                               ORDER BY dtks.tingkat(o.kode_wilayah) DESC, o.kode_wilayah)
                         || ' ELSE ' || b.bobot || ' END' END AS w
          FROM dtks.skor_bobot b
          LEFT JOIN dtks.skor_bobot_wilayah o ON o.versi = b.versi AND o.variabel = b.variabel
                                             AND o.kode IS NOT DISTINCT FROM b.kode
         WHERE b.versi = skor_sql.versi
         GROUP BY b.variabel, b.kode, b.batas, b.bobot),
    suku AS (
        SELECT v.nama,
               CASE v.jenis
                    WHEN 'kode' THEN 'CASE ' || (CASE WHEN v.sumber = 'ringkasan' THEN 'r[' || v.posisi || ']' ELSE v.ekspr_kolom END)
                                     || ' ' || string_agg(format('WHEN %s THEN %s', b.kode, b.w), ' ' ORDER BY b.kode) || ' ELSE 0 END'
                    WHEN 'ya_tidak' THEN format('CASE WHEN %s THEN %s ELSE 0 END', v.ekspr_kolom, min(b.w))
                    -- a missing answer counts 0 (least() would skip the NULL)
                    ELSE format('CASE WHEN %1$s IS NULL THEN 0 ELSE (%2$s) * %3$s END',
                                CASE WHEN v.sumber = 'ringkasan' THEN 'r[' || v.posisi || ']' ELSE v.ekspr_kolom END,
                                min(b.w),
                                CASE WHEN min(b.batas) IS NULL
                                     THEN (CASE WHEN v.sumber = 'ringkasan' THEN 'r[' || v.posisi || ']' ELSE v.ekspr_kolom END)
                                     ELSE format('least(%s, %s)', CASE WHEN v.sumber = 'ringkasan' THEN 'r[' || v.posisi || ']' ELSE v.ekspr_kolom END,
                                                 min(b.batas)) END)
               END AS ekspr
          FROM bobot b JOIN v ON v.nama = b.variabel
         GROUP BY v.nama, v.jenis, v.sumber, v.ekspr_kolom, v.posisi)
    SELECT '(' || (SELECT m.konstanta::text FROM dtks.skor_model m WHERE m.versi = skor_sql.versi)
           || coalesce(' + ' || string_agg(s.ekspr, E'\n + ' ORDER BY s.nama), '') || ')::double precision'
      FROM suku s;
END;
COMMENT ON FUNCTION dtks.skor_sql(text) IS
    'A model as one SQL expression over h (rumah_tangga), f (keluarga), k (the kepala''s anggota row) and r (dtks.skor_ringkasan): the same score as the C scorer, written out for inspection and comparison';
-- The variables a model can weigh, and the one model shipped: a transparent deprivation index.
--
-- It is NOT the official PMT, whose coefficients are not published (domain.md 5.1).  It is
-- built from what is public: the BPS 14 criteria of a poor household (floor, walls, toilet,
-- lighting, water, fuel, floor area per person, the head's education and work, saleable
-- assets), the 9 criteria of Kepmensos 262/HUK/2022 (floor, walls, latrine, lighting, the
-- head without work) and the Regsosek 2022 assets.  Each deprivation lowers the score and each
-- asset raises it, by round weights anyone can read in dtks.skor_bobot; an agency that owns
-- the real model loads it as a new version.

INSERT INTO dtks.skor_variabel (nama, sumber, kolom, jenis, kode_sah, keterangan, bawaan) SELECT v.*, true FROM (VALUES
    ('jenis_lantai',        'rumah_tangga', 'jenis_lantai',        'kode', '{1,2,3,4,5,6,7,8,9}'::smallint[], '303 floor (BPS 14 no. 2, Kepmensos 262 no. 6)'),
    ('jenis_dinding',       'rumah_tangga', 'jenis_dinding',       'kode', '{1,2,3,4,5,6,7}', '304 walls (BPS 14 no. 3, Kepmensos 262 no. 7)'),
    ('jenis_atap',          'rumah_tangga', 'jenis_atap',          'kode', '{1,2,3,4,5,6,7,8}', '305 roof'),
    ('fasilitas_bab',       'rumah_tangga', 'fasilitas_bab',       'kode', '{1,2,3,4,5,6}', '309a toilet (BPS 14 no. 4, Kepmensos 262 no. 8)'),
    ('sumber_penerangan',   'rumah_tangga', 'sumber_penerangan',   'kode', '{1,2,3,4}', '307a lighting (BPS 14 no. 5, Kepmensos 262 no. 9)'),
    ('sumber_air_minum',    'rumah_tangga', 'sumber_air_minum',    'kode', '{1,2,3,4,5,6,7,8,9,10,11,12,13}', '306a drinking water (BPS 14 no. 6)'),
    ('bahan_bakar',         'rumah_tangga', 'bahan_bakar',         'kode', '{1,2,3,4,5,6,7,8,9,10,11,12}', '308 cooking fuel (BPS 14 no. 7)'),
    ('status_bangunan',     'rumah_tangga', 'status_bangunan',     'kode', '{1,2,3,4,5,6}', '301a tenure (Kepmensos 262 no. 1)'),
    ('luas_per_orang',      'ringkasan',    'luas_per_orang',      'angka', NULL, '302 floor area per member, m2 (BPS 14 no. 1)'),
    ('punya_tabung_gas',    'keluarga',     'punya_tabung_gas',    'ya_tidak', NULL, 'Blok V gas cylinder 5.5 kg or more'),
    ('punya_lemari_es',     'keluarga',     'punya_lemari_es',     'ya_tidak', NULL, 'Blok V refrigerator'),
    ('punya_ac',            'keluarga',     'punya_ac',            'ya_tidak', NULL, 'Blok V air conditioner'),
    ('punya_pemanas_air',   'keluarga',     'punya_pemanas_air',   'ya_tidak', NULL, 'Blok V water heater'),
    ('punya_telepon_rumah', 'keluarga',     'punya_telepon_rumah', 'ya_tidak', NULL, 'Blok V landline'),
    ('punya_televisi',      'keluarga',     'punya_televisi',      'ya_tidak', NULL, 'Blok V flat television'),
    ('punya_emas',          'keluarga',     'punya_emas',          'ya_tidak', NULL, 'Blok V gold/jewellery of 10 g or more (BPS 14 no. 14)'),
    ('punya_komputer',      'keluarga',     'punya_komputer',      'ya_tidak', NULL, 'Blok V computer/laptop'),
    ('punya_sepeda_motor',  'keluarga',     'punya_sepeda_motor',  'ya_tidak', NULL, 'Blok V motorcycle (BPS 14 no. 14)'),
    ('punya_mobil',         'keluarga',     'punya_mobil',         'ya_tidak', NULL, 'Blok V car'),
    ('punya_perahu_motor',  'keluarga',     'punya_perahu_motor',  'ya_tidak', NULL, 'Blok V motor boat (BPS 14 no. 14)'),
    ('punya_smartphone',    'keluarga',     'punya_smartphone',    'ya_tidak', NULL, 'Blok V smartphone'),
    ('punya_lahan_lain',    'keluarga',     'punya_lahan_lain',    'ya_tidak', NULL, 'Blok V other land'),
    ('punya_rumah_lain',    'keluarga',     'punya_rumah_lain',    'ya_tidak', NULL, 'Blok V another house'),
    ('jumlah_sapi',         'keluarga',     'jumlah_sapi',         'angka', NULL, 'Blok V cattle (BPS 14 no. 14)'),
    ('jumlah_kerbau',       'keluarga',     'jumlah_kerbau',       'angka', NULL, 'Blok V buffalo'),
    ('jumlah_kuda',         'keluarga',     'jumlah_kuda',         'angka', NULL, 'Blok V horses'),
    ('jumlah_babi',         'keluarga',     'jumlah_babi',         'angka', NULL, 'Blok V pigs'),
    ('jumlah_kambing',      'keluarga',     'jumlah_kambing',      'angka', NULL, 'Blok V goats/sheep'),
    ('internet',            'keluarga',     'internet',            'kode', '{0,1,2,3}', 'Blok V internet access'),
    ('rekening',            'keluarga',     'rekening',            'kode', '{1,2,3,4}', 'Blok V bank account'),
    ('ijazah_kepala',       'kepala',       'ijazah_tertinggi',    'kode', '{1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23}', '415 the head''s highest certificate (BPS 14 no. 13)'),
    ('kepala_bekerja',      'kepala',       'bekerja',             'ya_tidak', NULL, '416a the head worked last week (BPS 14 no. 12, Kepmensos 262 no. 2)'),
    ('kedudukan_kepala',    'kepala',       'kedudukan_pekerjaan', 'kode', '{1,2,3,4,5,6,7,8}', '418 the head''s employment status'),
    ('jumlah_anggota',      'ringkasan',    'jumlah_anggota',      'angka', NULL, 'Current living members'),
    ('balita',              'ringkasan',    'balita',              'angka', NULL, 'Members under 5'),
    ('lansia',              'ringkasan',    'lansia',              'angka', NULL, 'Members 60 and over'),
    ('disabilitas',         'ringkasan',    'disabilitas',         'angka', NULL, 'Members with a lot of difficulty or unable in a 428 item'),
    ('anggota_bekerja',     'ringkasan',    'bekerja',             'angka', NULL, 'Members who worked last week'))
    AS v(nama, sumber, kolom, jenis, kode_sah, keterangan);

INSERT INTO dtks.skor_model (versi, nama, berlaku, konstanta, keterangan) VALUES
    ('dtks-deprivasi-2026.1', 'Indeks deprivasi transparan (BPS 14 kriteria, Kepmensos 262/HUK/2022, aset Regsosek 2022)',
     daterange(DATE '2020-01-01', NULL), 100,
     'Not the official PMT (its coefficients are not published). Deprivations from the BPS 14 criteria and the 9 criteria of Kepmensos 262/HUK/2022 lower the score, Regsosek 2022 assets raise it; round weights, readable in dtks.skor_bobot. Replace with a new version when an agency loads its own model.');

INSERT INTO dtks.skor_bobot (versi, variabel, kode, bobot, batas)
SELECT 'dtks-deprivasi-2026.1', b.variabel, b.kode, b.bobot, NULL::integer FROM (VALUES
    ('jenis_lantai', 8::smallint, -10.0), ('jenis_lantai', 7, -8), ('jenis_lantai', 5, -4), ('jenis_lantai', 6, -3),
    ('jenis_lantai', 9, -4), ('jenis_lantai', 1, 4), ('jenis_lantai', 2, 2),
    ('jenis_dinding', 4, -8), ('jenis_dinding', 6, -8), ('jenis_dinding', 5, -6), ('jenis_dinding', 3, -4),
    ('jenis_dinding', 2, -3), ('jenis_dinding', 7, -6),
    ('jenis_atap', 7, -6), ('jenis_atap', 6, -5), ('jenis_atap', 5, -2), ('jenis_atap', 3, -1), ('jenis_atap', 8, -3),
    ('fasilitas_bab', 6, -10), ('fasilitas_bab', 5, -8), ('fasilitas_bab', 4, -6), ('fasilitas_bab', 3, -5), ('fasilitas_bab', 2, -4),
    ('sumber_penerangan', 4, -10), ('sumber_penerangan', 3, -5), ('sumber_penerangan', 2, -3),
    ('sumber_air_minum', 6, -6), ('sumber_air_minum', 8, -6), ('sumber_air_minum', 9, -8), ('sumber_air_minum', 10, -6),
    ('sumber_air_minum', 11, -4), ('sumber_air_minum', 1, 2), ('sumber_air_minum', 3, 1), ('sumber_air_minum', 12, 1),
    ('bahan_bakar', 10, -8), ('bahan_bakar', 9, -6), ('bahan_bakar', 7, -4), ('bahan_bakar', 8, -4),
    ('bahan_bakar', 1, 3), ('bahan_bakar', 3, 3), ('bahan_bakar', 5, 2),
    ('status_bangunan', 6, -3)) AS b(variabel, kode, bobot)
UNION ALL
SELECT 'dtks-deprivasi-2026.1', b.variabel, NULL, b.bobot, b.batas FROM (VALUES
    ('luas_per_orang', 0.5, 30::integer), ('punya_tabung_gas', 2, NULL), ('punya_lemari_es', 3, NULL), ('punya_ac', 5, NULL),
    ('punya_pemanas_air', 3, NULL), ('punya_telepon_rumah', 1, NULL), ('punya_televisi', 2, NULL), ('punya_emas', 4, NULL),
    ('punya_komputer', 4, NULL), ('punya_sepeda_motor', 4, NULL), ('punya_mobil', 12, NULL), ('punya_perahu_motor', 4, NULL),
    ('punya_smartphone', 2, NULL), ('punya_lahan_lain', 5, NULL), ('punya_rumah_lain', 8, NULL),
    ('jumlah_sapi', 3, 5), ('jumlah_kerbau', 3, 5), ('jumlah_kuda', 2, 5), ('jumlah_babi', 1, 10), ('jumlah_kambing', 0.5, 10),
    ('kepala_bekerja', 3, NULL), ('jumlah_anggota', -1.5, 10), ('balita', -1, 3), ('lansia', -1, 3), ('disabilitas', -3, 3),
    ('anggota_bekerja', 2, 4)) AS b(variabel, bobot, batas)
UNION ALL
SELECT 'dtks-deprivasi-2026.1', b.variabel, b.kode, b.bobot, NULL FROM (VALUES
    ('internet', 0::smallint, -2.0), ('internet', 1, 3), ('internet', 2, 2),
    ('rekening', 4, -2), ('rekening', 1, 2), ('rekening', 3, 3),
    ('kedudukan_kepala', 5, 8)) AS b(variabel, kode, bobot)
UNION ALL
SELECT 'dtks-deprivasi-2026.1', 'ijazah_kepala', k::smallint,
       CASE WHEN k = 23 THEN -6 WHEN k <= 4 THEN -3 WHEN k <= 8 THEN 0 WHEN k <= 17 THEN 2 WHEN k = 18 THEN 4 ELSE 6 END, NULL
  FROM generate_series(1, 23) AS k WHERE k NOT BETWEEN 5 AND 8;
-- marked shipped (read-only, in force where no agency model is) once its weights are in
UPDATE dtks.skor_model SET bawaan = true WHERE versi = 'dtks-deprivasi-2026.1';

-- Copy a model's weights and overrides into a new version (to change a shipped or a used model).
CREATE FUNCTION dtks.skor_model_salin(versi_asal text, versi_baru text, nama text, berlaku daterange)
    RETURNS text
    LANGUAGE sql VOLATILE STRICT PARALLEL UNSAFE
BEGIN ATOMIC
    INSERT INTO dtks.skor_model (versi, nama, berlaku, konstanta, keterangan)
    SELECT versi_baru, skor_model_salin.nama, skor_model_salin.berlaku, m.konstanta, 'Copied from ' || m.versi || '. ' || m.keterangan
      FROM dtks.skor_model m WHERE m.versi = versi_asal;
    INSERT INTO dtks.skor_bobot (versi, variabel, kode, bobot, batas)
    SELECT versi_baru, b.variabel, b.kode, b.bobot, b.batas FROM dtks.skor_bobot b WHERE b.versi = versi_asal;
    INSERT INTO dtks.skor_bobot_wilayah (versi, kode_wilayah, variabel, kode, bobot)
    SELECT versi_baru, o.kode_wilayah, o.variabel, o.kode, o.bobot FROM dtks.skor_bobot_wilayah o WHERE o.versi = versi_asal;
    SELECT m.versi FROM dtks.skor_model m WHERE m.versi = versi_baru;
END;
COMMENT ON FUNCTION dtks.skor_model_salin(text, text, text, daterange) IS
    'Copy a model (constant, weights, region overrides) into a new version with its own name and validity; returns the new version (NULL if versi_asal does not exist)';
-- Scoring the whole registry and ranking it into desil.

-- What the scorer reads for every active family on a date, set-based: the household, the family,
-- the current kepala keluarga and the summary over current living members.
CREATE FUNCTION dtks.skor_masukan(acuan date DEFAULT CURRENT_DATE)
    RETURNS TABLE (no_kk dtks.no_kk, kode_wilayah dtks.kode_wilayah, rumah_tangga dtks.rumah_tangga,
                   keluarga dtks.keluarga, kepala dtks.anggota, ringkasan integer[])
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    WITH anggota_kini AS (
        SELECT m.no_kk, m.shdk, a
          FROM dtks.keanggotaan m JOIN dtks.anggota a ON a.nik OPERATOR(dtks.=) m.nik
         WHERE m.berlaku @> acuan AND a.status_hidup = 'aktif'),
    ringkas AS (
        SELECT x.no_kk,
               count(*) AS jumlah,
               count(*) FILTER (WHERE (x.a).tanggal_lahir > acuan - interval '5 years') AS balita,
               count(*) FILTER (WHERE (x.a).partisipasi_sekolah = 2) AS sekolah,
               count(*) FILTER (WHERE (x.a).tanggal_lahir <= acuan - interval '60 years') AS lansia,
               count(*) FILTER (WHERE least((x.a).sulit_melihat, (x.a).sulit_mendengar, (x.a).sulit_berjalan, (x.a).sulit_tangan,
                                            (x.a).sulit_belajar, (x.a).sulit_perilaku, (x.a).sulit_bicara,
                                            (x.a).sulit_mengurus_diri, (x.a).sulit_mengingat) <= 2) AS disabilitas,
               count(*) FILTER (WHERE (x.a).bekerja) AS bekerja,
               (array_agg(x.a) FILTER (WHERE x.shdk = 1))[1] AS kepala
          FROM anggota_kini x GROUP BY x.no_kk)
    SELECT f.no_kk, h.kode_wilayah, h, f, r.kepala,
           ARRAY[coalesce(r.jumlah, 0), coalesce(r.balita, 0), coalesce(r.sekolah, 0), coalesce(r.lansia, 0),
                 coalesce(r.disabilitas, 0), coalesce(r.bekerja, 0), h.luas_lantai / nullif(r.jumlah, 0)]::integer[]
      FROM dtks.keluarga f
      JOIN dtks.rumah_tangga h ON h.id = f.rumah_tangga_id
      LEFT JOIN ringkas r ON r.no_kk OPERATOR(dtks.=) f.no_kk
     WHERE f.status = 'aktif';
END;
COMMENT ON FUNCTION dtks.skor_masukan(date) IS
    'Every active family with what the scorer reads on a date (household, family, current kepala, summary as dtks.skor_ringkasan gives it), in one set-based pass';

-- Score every active family with a model and rank it into desil within a scope; stores the result.
CREATE FUNCTION dtks.hitung_desil(lingkup text DEFAULT 'nasional', versi text DEFAULT NULL, acuan date DEFAULT CURRENT_DATE)
    RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
    -- every family is read: hash joins, even when statistics are stale (a load in the same transaction)
    SET enable_nestloop = off
AS $$
DECLARE
    model text := coalesce(versi, dtks.skor_model_pada(acuan));
    tingkat integer := CASE lingkup WHEN 'nasional' THEN 0 WHEN 'provinsi' THEN 1 WHEN 'kabkota' THEN 2 END;
    n bigint;
BEGIN
    IF tingkat IS NULL THEN
        RAISE EXCEPTION 'desil: unknown scope "%"', lingkup
            USING ERRCODE = '22023', DETAIL = 'The scope is nasional, provinsi or kabkota.';
    END IF;
    IF model IS NULL OR NOT EXISTS (SELECT 1 FROM dtks.skor_model m WHERE m.versi = model) THEN
        RAISE EXCEPTION 'desil: no score model % on %', coalesce('"' || versi || '"', 'in force'), acuan
            USING ERRCODE = '22023', DETAIL = 'Give an existing version, or a date inside a model''s validity (dtks.skor_model).';
    END IF;
    IF EXISTS (SELECT 1 FROM dtks.skor_keluarga s WHERE s.versi = model AND s.dihitung = acuan AND s.lingkup = hitung_desil.lingkup) THEN
        RAISE EXCEPTION 'desil: already computed for % with % within % scope', acuan, model, lingkup
            USING ERRCODE = '23505', DETAIL = 'Scores once stored are kept as they are; compute on another date or with another version.';
    END IF;
    INSERT INTO dtks.skor_keluarga (no_kk, versi, dihitung, lingkup, kode_lingkup, skor, desil)
    SELECT s.no_kk, model, acuan, hitung_desil.lingkup, s.kode_lingkup, s.skor,
           ntile(10) OVER (PARTITION BY s.kode_lingkup ORDER BY s.skor, s.no_kk)
      FROM (SELECT x.no_kk,
                   CASE WHEN tingkat = 0 THEN NULL ELSE dtks.leluhur(x.kode_wilayah, tingkat) END AS kode_lingkup,
                   dtks.skor_kesejahteraan(x.rumah_tangga, x.keluarga, x.kepala, x.ringkasan, model) AS skor
              FROM dtks.skor_masukan(acuan) x) s;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;
COMMENT ON FUNCTION dtks.hitung_desil(text, text, date) IS
    'Score every active family on acuan with a model (the one in force if versi is NULL), rank into desil 1-10 within the scope (nasional, provinsi or kabkota; ties by KK number) and store it in dtks.skor_keluarga; returns the number of families';

-- A family's latest stored desil.
CREATE FUNCTION dtks.desil_terakhir(no_kk dtks.no_kk, lingkup text DEFAULT 'nasional')
    RETURNS TABLE (versi text, dihitung date, skor double precision, desil smallint)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT s.versi, s.dihitung, s.skor, s.desil FROM dtks.skor_keluarga s
     WHERE s.no_kk OPERATOR(dtks.=) desil_terakhir.no_kk AND s.lingkup = desil_terakhir.lingkup
     ORDER BY s.dihitung DESC, s.versi LIMIT 1;
END;
COMMENT ON FUNCTION dtks.desil_terakhir(dtks.no_kk, text) IS 'The latest stored score and desil of a family within a scope';
-- Aid programs as data, the outside data agencies match by NIK, and eligibility.

CREATE TABLE dtks.program (
    kode text PRIMARY KEY CHECK (kode ~ '^[A-Z][A-Z0-9_]*$'),
    nama text NOT NULL,
    desil_maks smallint CHECK (desil_maks BETWEEN 1 AND 10),
    lingkup_desil text NOT NULL DEFAULT 'nasional' CHECK (lingkup_desil IN ('nasional', 'provinsi', 'kabkota')),
    wilayah dtks.kode_wilayah,
    butuh_komponen_pkh boolean NOT NULL DEFAULT false,
    butuh_anak_sekolah boolean NOT NULL DEFAULT false,
    keterangan text NOT NULL,
    bawaan boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE dtks.program IS 'Aid programs and their rules: a desil ceiling, a region, required components; exclusions in dtks.program_pengecualian';
COMMENT ON COLUMN dtks.program.kode IS 'Program code, e.g. PKH';
COMMENT ON COLUMN dtks.program.nama IS 'Program name';
COMMENT ON COLUMN dtks.program.desil_maks IS 'Highest desil admitted (NULL: no ceiling)';
COMMENT ON COLUMN dtks.program.lingkup_desil IS 'Which stored desil the ceiling reads: nasional, provinsi or kabkota';
COMMENT ON COLUMN dtks.program.wilayah IS 'Region the program serves (NULL: the whole country), e.g. 31 for a DKI Jakarta program';
COMMENT ON COLUMN dtks.program.butuh_komponen_pkh IS 'At least one PKH component in the family: pregnant, child under 6, school-age child in school, elderly 60+, severe disability';
COMMENT ON COLUMN dtks.program.butuh_anak_sekolah IS 'At least one member aged 6-21 in school';
COMMENT ON COLUMN dtks.program.keterangan IS 'Source of the rules';
COMMENT ON COLUMN dtks.program.bawaan IS 'Shipped with the extension (pg_dump keeps only the others)';
COMMENT ON INDEX dtks.program_pkey IS 'One row per program';
SELECT pg_catalog.pg_extension_config_dump('dtks.program'::regclass, 'WHERE NOT bawaan');

-- Outside data matched by NIK (civil servants, vehicles, property values...), as agencies load it.
CREATE TABLE dtks.data_luar (
    nik dtks.nik NOT NULL,
    jenis text NOT NULL CHECK (jenis ~ '^[a-z][a-z0-9_]*$'),
    nilai numeric,
    sumber text NOT NULL,
    berlaku daterange NOT NULL DEFAULT daterange(CURRENT_DATE, NULL)
);
COMMENT ON TABLE dtks.data_luar IS 'Outside records matched by NIK that exclude from programs (e.g. pns_tni_polri from BKN, mobil from Bapenda, njop from the land registry); loadable by COPY';
COMMENT ON COLUMN dtks.data_luar.nik IS 'The person';
COMMENT ON COLUMN dtks.data_luar.jenis IS 'Kind of record: pns_tni_polri, mobil, njop, ...';
COMMENT ON COLUMN dtks.data_luar.nilai IS 'A value where the kind has one (e.g. NJOP in rupiah)';
COMMENT ON COLUMN dtks.data_luar.sumber IS 'Agency the record came from';
COMMENT ON COLUMN dtks.data_luar.berlaku IS 'When the record holds';
CREATE INDEX data_luar_nik ON dtks.data_luar (nik);
COMMENT ON INDEX dtks.data_luar_nik IS 'Records of a person';
SELECT pg_catalog.pg_extension_config_dump('dtks.data_luar'::regclass, '');

CREATE TABLE dtks.program_pengecualian (
    program text NOT NULL REFERENCES dtks.program (kode) ON DELETE CASCADE,
    jenis text NOT NULL,
    nilai_lebih_dari numeric,
    alasan text NOT NULL,
    bawaan boolean NOT NULL DEFAULT false,
    PRIMARY KEY (program, jenis)
);
COMMENT ON TABLE dtks.program_pengecualian IS 'A family is excluded from a program when a current member has an outside record of this kind (above the value, where one is given)';
COMMENT ON COLUMN dtks.program_pengecualian.program IS 'Program';
COMMENT ON COLUMN dtks.program_pengecualian.jenis IS 'Kind of record in dtks.data_luar';
COMMENT ON COLUMN dtks.program_pengecualian.nilai_lebih_dari IS 'Only records with a value above this exclude (NULL: any record)';
COMMENT ON COLUMN dtks.program_pengecualian.alasan IS 'The reason as shown to the operator';
COMMENT ON COLUMN dtks.program_pengecualian.bawaan IS 'Shipped with the extension (pg_dump keeps only the others)';
COMMENT ON INDEX dtks.program_pengecualian_pkey IS 'One rule per program and kind';
SELECT pg_catalog.pg_extension_config_dump('dtks.program_pengecualian'::regclass, 'WHERE NOT bawaan');

INSERT INTO dtks.program (kode, nama, desil_maks, wilayah, butuh_komponen_pkh, butuh_anak_sekolah, keterangan, bawaan) VALUES
    ('PKH', 'Program Keluarga Harapan', 4, NULL, true, false,
     'Conditional cash transfer; a family with at least one component. Ceiling desil 4 (bansos generally desil 1-4, domain.md 5.2).', true),
    ('BPNT', 'Bantuan Pangan Non Tunai / Sembako', 4, NULL, false, false, 'Food aid; ceiling desil 4.', true),
    ('PBI_JKN', 'Penerima Bantuan Iuran JKN', 4, NULL, false, false, 'Health insurance premium paid by the state; ceiling desil 4.', true),
    ('PIP', 'Program Indonesia Pintar', 4, NULL, false, true, 'School aid; a family with a child in school; ceiling desil 4.', true),
    ('KJP_PLUS', 'Kartu Jakarta Pintar Plus (DKI Jakarta)', 4, '31', false, true,
     'DKI Jakarta school aid for DTKS families, with the Dinas Sosial DKI exclusions (beritajakarta.id 2021; Kepgub DKI 1250/2021).', true);
INSERT INTO dtks.program_pengecualian (program, jenis, nilai_lebih_dari, alasan, bawaan) VALUES
    ('KJP_PLUS', 'pns_tni_polri', NULL, 'a member is a civil servant, soldier or police officer', true),
    ('KJP_PLUS', 'mobil', NULL, 'a member owns a car (Bapenda vehicle register)', true),
    ('KJP_PLUS', 'njop', 1000000000, 'a member owns land or a building with NJOP above Rp1 miliar', true);

-- Is a family eligible for a program on a date, and every reason it is not.
CREATE FUNCTION dtks.layak_program(no_kk dtks.no_kk, program text, acuan date DEFAULT CURRENT_DATE)
    RETURNS TABLE (layak boolean, alasan text[])
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    WITH p AS (SELECT * FROM dtks.program x WHERE x.kode = layak_program.program),
    f AS (SELECT k.no_kk, k.status, h.kode_wilayah FROM dtks.keluarga k JOIN dtks.rumah_tangga h ON h.id = k.rumah_tangga_id
           WHERE k.no_kk OPERATOR(dtks.=) layak_program.no_kk),
    orang AS (SELECT a.* FROM dtks.keanggotaan m JOIN dtks.anggota a ON a.nik OPERATOR(dtks.=) m.nik
               WHERE m.no_kk OPERATOR(dtks.=) layak_program.no_kk AND m.berlaku @> acuan AND a.status_hidup = 'aktif'),
    d AS (SELECT s.desil FROM dtks.skor_keluarga s, p
           WHERE s.no_kk OPERATOR(dtks.=) layak_program.no_kk AND s.lingkup = p.lingkup_desil AND s.dihitung <= acuan
           ORDER BY s.dihitung DESC, s.versi LIMIT 1),
    komponen AS (SELECT bool_or(o.hamil) AS hamil,
                        bool_or(o.tanggal_lahir > acuan - interval '6 years') AS anak_kecil,
                        bool_or(o.partisipasi_sekolah = 2 AND o.tanggal_lahir BETWEEN acuan - interval '21 years' AND acuan - interval '6 years') AS sekolah,
                        bool_or(o.tanggal_lahir <= acuan - interval '60 years') AS lansia,
                        bool_or(1 IN (o.sulit_melihat, o.sulit_mendengar, o.sulit_berjalan, o.sulit_tangan, o.sulit_belajar,
                                      o.sulit_perilaku, o.sulit_bicara, o.sulit_mengurus_diri, o.sulit_mengingat)) AS disabilitas_berat
                   FROM orang o),
    alasan AS (
        SELECT 1 AS urut, format('program %s does not exist', layak_program.program) AS teks WHERE NOT EXISTS (SELECT 1 FROM p)
        UNION ALL
        SELECT 2, format('KK %s is not in the registry', layak_program.no_kk) WHERE NOT EXISTS (SELECT 1 FROM f)
        UNION ALL
        SELECT 3, 'the family is not active' FROM f WHERE f.status <> 'aktif'
        UNION ALL
        SELECT 4, format('the household is outside %s, which the program serves', p.wilayah) FROM p, f
         WHERE p.wilayah IS NOT NULL AND NOT f.kode_wilayah OPERATOR(dtks.<@) p.wilayah
        UNION ALL
        SELECT 5, format('no desil computed (%s scope) on or before %s', p.lingkup_desil, acuan) FROM p
         WHERE p.desil_maks IS NOT NULL AND EXISTS (SELECT 1 FROM f) AND NOT EXISTS (SELECT 1 FROM d)
        UNION ALL
        SELECT 6, format('desil %s is above the program''s ceiling %s', d.desil, p.desil_maks) FROM p, d WHERE d.desil > p.desil_maks
        UNION ALL
        SELECT 7, 'no PKH component (pregnant member, child under 6, child in school, elderly 60+, severe disability)'
          FROM p, komponen c
         WHERE p.butuh_komponen_pkh AND EXISTS (SELECT 1 FROM f)
           AND NOT coalesce(c.hamil OR c.anak_kecil OR c.sekolah OR c.lansia OR c.disabilitas_berat, false)
        UNION ALL
        SELECT 8, 'no member aged 6-21 in school' FROM p, komponen c
         WHERE p.butuh_anak_sekolah AND EXISTS (SELECT 1 FROM f) AND NOT coalesce(c.sekolah, false)
        UNION ALL
        SELECT 9, format('%s (%s)', e.alasan, string_agg(DISTINCT l.sumber, ', '))
          FROM p JOIN dtks.program_pengecualian e ON e.program = p.kode
          JOIN dtks.data_luar l ON l.jenis = e.jenis AND l.berlaku @> acuan
                               AND (e.nilai_lebih_dari IS NULL OR l.nilai > e.nilai_lebih_dari)
          JOIN orang o ON o.nik OPERATOR(dtks.=) l.nik
         GROUP BY e.alasan)
    SELECT count(*) = 0, coalesce(array_agg(a.teks ORDER BY a.urut, a.teks), '{}') FROM alasan a;
END;
COMMENT ON FUNCTION dtks.layak_program(dtks.no_kk, text, date) IS
    'Whether a family is eligible for a program on a date, and every reason it is not: region, desil ceiling (latest stored desil), PKH components or a child in school where required, exclusions from outside data matched by NIK';
-- The BPS 14 criteria of a poor household and the 9 of Kepmensos 262/HUK/2022, from the registry's
-- answers.  Some criteria ask about consumption the Regsosek questionnaire does not record; they
-- are reported as not assessable (NULL), never counted as met.

-- Each of the 14 BPS criteria for a family on a date: met, not met, or NULL (not assessable).
CREATE FUNCTION dtks.kriteria_bps14_rinci(no_kk dtks.no_kk, acuan date DEFAULT CURRENT_DATE)
    RETURNS TABLE (nomor integer, kriteria text, terpenuhi boolean)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    WITH x AS (SELECT s.rumah_tangga AS h, s.keluarga AS f, s.kepala AS k, s.ringkasan AS r
                 FROM dtks.skor_masukan_kk(kriteria_bps14_rinci.no_kk, acuan) s)
    SELECT v.nomor, v.kriteria, v.terpenuhi FROM x, LATERAL (VALUES
        (1, 'floor area under 8 m2 per person', ((x.h).luas_lantai::numeric / nullif((x.r)[1], 0)) < 8),
        (2, 'floor of earth, bamboo or cheap wood', (x.h).jenis_lantai IN (5, 7, 8)),
        (3, 'walls of bamboo, rumbia, poor wood or unplastered', (x.h).jenis_dinding IN (4, 5, 6, 7)),
        (4, 'no toilet, or one shared with other households', (x.h).fasilitas_bab IN (2, 3, 4, 5, 6)),
        (5, 'lighting not electricity', (x.h).sumber_penerangan = 4),
        (6, 'drinking water from an unprotected well or spring, a river or rain', (x.h).sumber_air_minum IN (6, 8, 9, 10)),
        (7, 'cooking with firewood, charcoal or kerosene', (x.h).bahan_bakar IN (7, 9, 10)),
        (8, 'meat, milk or chicken at most once a week (not recorded)', NULL::boolean),
        (9, 'one new set of clothes a year (not recorded)', NULL),
        (10, 'one or two meals a day (not recorded)', NULL),
        (11, 'cannot pay for the puskesmas or a clinic (not recorded)', NULL),
        (12, 'the head does not work, or works as a casual or family worker',
             CASE WHEN (x.k).bekerja IS NULL THEN NULL
                  ELSE NOT (x.k).bekerja OR (x.k).kedudukan_pekerjaan IN (6, 7, 8) END),
        (13, 'the head has no certificate, or primary school at most', (x.k).ijazah_tertinggi = 23 OR (x.k).ijazah_tertinggi <= 4),
        (14, 'no saleable goods of Rp500.000 (motorcycle, gold, livestock, motor boat)',
             NOT (coalesce((x.f).punya_sepeda_motor, false) OR coalesce((x.f).punya_emas, false)
                  OR coalesce((x.f).punya_perahu_motor, false) OR coalesce((x.f).punya_mobil, false)
                  OR coalesce((x.f).jumlah_sapi, 0) + coalesce((x.f).jumlah_kerbau, 0) + coalesce((x.f).jumlah_kuda, 0)
                     + coalesce((x.f).jumlah_babi, 0) + coalesce((x.f).jumlah_kambing, 0) > 0))
    ) AS v(nomor, kriteria, terpenuhi);
END;
COMMENT ON FUNCTION dtks.kriteria_bps14_rinci(dtks.no_kk, date) IS
    'Each of the 14 BPS criteria of a poor household for a family: true, false, or NULL where the registry does not record it (8-11, consumption) or the answer is missing';

-- How many of the 14 BPS criteria a family meets; 9 or more is the BPS definition of poor.
CREATE FUNCTION dtks.kriteria_bps14(no_kk dtks.no_kk, acuan date DEFAULT CURRENT_DATE,
                                    OUT terpenuhi integer, OUT dinilai integer, OUT miskin boolean, OUT nomor integer[])
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT count(*) FILTER (WHERE r.terpenuhi)::integer, count(r.terpenuhi)::integer,
           count(*) FILTER (WHERE r.terpenuhi) >= 9,
           coalesce(array_agg(r.nomor ORDER BY r.nomor) FILTER (WHERE r.terpenuhi), '{}')
      FROM dtks.kriteria_bps14_rinci(no_kk, acuan) r
    HAVING count(*) > 0;
END;
COMMENT ON FUNCTION dtks.kriteria_bps14(dtks.no_kk, date) IS
    'The BPS 14 criteria for a family: how many are met, how many could be assessed (4 are not recorded), poor when 9 or more are met, and which';

-- Each of the 9 criteria of Kepmensos 262/HUK/2022 for a family on a date.
CREATE FUNCTION dtks.kriteria_kemensos262_rinci(no_kk dtks.no_kk, acuan date DEFAULT CURRENT_DATE)
    RETURNS TABLE (nomor integer, kriteria text, terpenuhi boolean)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    WITH x AS (SELECT s.rumah_tangga AS h, s.keluarga AS f, s.kepala AS k, s.ringkasan AS r
                 FROM dtks.skor_masukan_kk(kriteria_kemensos262_rinci.no_kk, acuan) s)
    SELECT v.nomor, v.kriteria, v.terpenuhi FROM x, LATERAL (VALUES
        (1, 'no dwelling of its own (lives with others)', (x.h).status_bangunan = 6),
        (2, 'the head or carer does not work', NOT (x.k).bekerja),
        (3, 'worried about food or went without in the past year (not recorded)', NULL::boolean),
        (4, 'food is over half of spending (not recorded)', NULL),
        (5, 'no spending on clothes in the past year (not recorded)', NULL),
        (6, 'floor mostly earth or cement', (x.h).jenis_lantai IN (6, 8)),
        (7, 'walls of bamboo, wire, board, tarpaulin, cardboard, unplastered brick, rumbia or zinc', (x.h).jenis_dinding IN (2, 3, 4, 5, 6, 7)),
        (8, 'no latrine of its own, or a shared one', (x.h).fasilitas_bab IN (2, 3, 4, 5, 6)),
        (9, 'lighting of 450 W or not electric', (x.h).sumber_penerangan = 4 OR (x.h).daya_listrik = '{1}')
    ) AS v(nomor, kriteria, terpenuhi);
END;
COMMENT ON FUNCTION dtks.kriteria_kemensos262_rinci(dtks.no_kk, date) IS
    'Each of the 9 criteria of Kepmensos 262/HUK/2022 for a family: true, false, or NULL where the registry does not record it (3-5) or the answer is missing';

-- How many of the 9 Kepmensos 262 criteria a family meets (how many must hold is not confirmed: no verdict).
CREATE FUNCTION dtks.kriteria_kemensos262(no_kk dtks.no_kk, acuan date DEFAULT CURRENT_DATE,
                                          OUT terpenuhi integer, OUT dinilai integer, OUT nomor integer[])
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT count(*) FILTER (WHERE r.terpenuhi)::integer, count(r.terpenuhi)::integer,
           coalesce(array_agg(r.nomor ORDER BY r.nomor) FILTER (WHERE r.terpenuhi), '{}')
      FROM dtks.kriteria_kemensos262_rinci(no_kk, acuan) r
    HAVING count(*) > 0;
END;
COMMENT ON FUNCTION dtks.kriteria_kemensos262(dtks.no_kk, date) IS
    'The 9 criteria of Kepmensos 262/HUK/2022 for a family: how many are met, how many could be assessed (3 are not recorded), and which; the regulation''s threshold is not confirmed, so no verdict is given';
-- Matching names against the civil registry.

CREATE FUNCTION dtks.nama_kunci(nama text) RETURNS text
    AS 'MODULE_PATHNAME', 'nama_kunci' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nama_kunci(text) IS
    'A matching key for an Indonesian personal name: upper case, letters only, degrees after a comma or written with dots and titles before the name dropped (H., Hj., Drs., S.Pd.), the old spelling read in words that carry it (oe/u, dj/j, tj/c, sj/sy, j/y; nj/ny only at the start of a word or beside another mark), CH/KH/DH/TH/PH/Q folded, doubled letters once, the forms of Muhammad as MUHAMAD';
-- Usulan (proposals) and the steps they may take: usulan -> verval -> penetapan.
--
-- The steps are data (dtks.usulan_langkah); a C row trigger (dtks.usulan_periksa) refuses any
-- other, by any client, and a statement trigger appends every step taken to dtks.usulan_riwayat.

-- The group roles of the offices, created where missing (they are cluster-wide: DROP EXTENSION
-- leaves them).
DO $peran$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['dtks_desa', 'dtks_kabkota', 'dtks_provinsi', 'dtks_pusat', 'dtks_pt', 'dtks_pembaca'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END
$peran$;

-- Which office a login role works for, and where.
CREATE TABLE dtks.petugas_peran (
    pengguna name PRIMARY KEY,
    peran text NOT NULL CHECK (peran IN ('desa', 'kabkota', 'provinsi', 'pusat', 'pt')),
    kode_wilayah dtks.kode_wilayah,
    CHECK ((peran IN ('pusat', 'pt')) = (kode_wilayah IS NULL)),
    CHECK (peran <> 'desa' OR dtks.tingkat(kode_wilayah) = 4),
    CHECK (peran <> 'kabkota' OR dtks.tingkat(kode_wilayah) = 2),
    CHECK (peran <> 'provinsi' OR dtks.tingkat(kode_wilayah) = 1)
);
COMMENT ON TABLE dtks.petugas_peran IS
    'The office of each login role (desa/kelurahan operator, kab/kota Dinas Sosial, province, ministry, university quality control) and its region';
COMMENT ON COLUMN dtks.petugas_peran.pengguna IS 'Login role';
COMMENT ON COLUMN dtks.petugas_peran.peran IS 'desa, kabkota, provinsi, pusat or pt';
COMMENT ON COLUMN dtks.petugas_peran.kode_wilayah IS 'The desa, kab/kota or province it works in (NULL for pusat and pt)';
COMMENT ON INDEX dtks.petugas_peran_pkey IS 'One office per login role';
SELECT pg_catalog.pg_extension_config_dump('dtks.petugas_peran'::regclass, '');

-- The steps an usulan may take, and who takes them.
CREATE TABLE dtks.usulan_langkah (
    dari text NOT NULL,
    ke text NOT NULL,
    peran text NOT NULL CHECK (peran IN ('desa', 'kabkota', 'pusat', 'pt', 'pemadanan', 'penetapan')),
    syarat text CHECK (syarat IN ('berita_acara', 'kunjungan', 'surat_pengesahan', 'alasan')),
    tahap text CHECK (tahap IN ('pendaftaran', 'verval')),
    PRIMARY KEY (dari, ke, peran)
);
COMMENT ON TABLE dtks.usulan_langkah IS
    'Allowed steps of an usulan (fixed by the extension, from Kepmensos 150/HUK/2022 as domain.md 4.7 sketches it): from, to, the office that takes it (pemadanan: the Dukcapil matching run by the kab/kota; penetapan: only the monthly penetapan) and what the step needs';
REVOKE ALL ON dtks.usulan_langkah FROM PUBLIC;
COMMENT ON COLUMN dtks.usulan_langkah.dari IS 'Status before';
COMMENT ON COLUMN dtks.usulan_langkah.ke IS 'Status after';
COMMENT ON COLUMN dtks.usulan_langkah.peran IS 'Who takes the step';
COMMENT ON COLUMN dtks.usulan_langkah.syarat IS 'What the step needs: berita_acara (musdes/muskel), kunjungan (visit date and officer), surat_pengesahan, alasan (a reason)';
COMMENT ON COLUMN dtks.usulan_langkah.tahap IS 'The schedule stage the step belongs to (dtks.usulan_jadwal): pendaftaran or verval; NULL if unscheduled';
COMMENT ON INDEX dtks.usulan_langkah_pkey IS 'One row per step and office';
INSERT INTO dtks.usulan_langkah (dari, ke, peran, syarat, tahap) VALUES
    ('draf', 'diajukan', 'desa', 'berita_acara', 'pendaftaran'),
    ('draf', 'dibatalkan', 'desa', NULL, NULL),
    ('diajukan', 'padan', 'pemadanan', NULL, NULL),
    ('diajukan', 'tidak_padan', 'pemadanan', 'alasan', NULL),
    ('tidak_padan', 'diajukan', 'desa', NULL, 'pendaftaran'),
    ('tidak_padan', 'ditolak', 'kabkota', 'alasan', NULL),
    ('dikembalikan', 'ditolak', 'kabkota', 'alasan', NULL),
    ('padan', 'layak', 'kabkota', 'kunjungan', 'verval'),
    ('padan', 'tidak_layak', 'kabkota', 'kunjungan', 'verval'),
    ('layak', 'disahkan', 'kabkota', 'surat_pengesahan', NULL),
    ('disahkan', 'dikirim', 'kabkota', NULL, NULL),
    ('dikirim', 'pengendalian', 'pusat', NULL, NULL),
    ('dikirim', 'dikembalikan', 'pusat', 'alasan', NULL),
    ('pengendalian', 'dikirim', 'pt', NULL, NULL),
    ('pengendalian', 'dikirim', 'pusat', NULL, NULL),
    ('pengendalian', 'dikembalikan', 'pt', 'alasan', NULL),
    ('pengendalian', 'dikembalikan', 'pusat', 'alasan', NULL),
    ('dikembalikan', 'diajukan', 'desa', NULL, 'pendaftaran'),
    ('dikirim', 'ditetapkan', 'penetapan', NULL, NULL);

-- Windows of the schedule per region (pendaftaran, verval), as in the DKI Jakarta instruction.
CREATE TABLE dtks.usulan_jadwal (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kode_wilayah dtks.kode_wilayah NOT NULL,
    tahap text NOT NULL CHECK (tahap IN ('pendaftaran', 'verval')),
    berlaku daterange NOT NULL CHECK (NOT isempty(berlaku)),
    keterangan text
);
COMMENT ON TABLE dtks.usulan_jadwal IS
    'Schedule windows per region: when dtks.tegakkan_jadwal is on, a step of a stage (dtks.usulan_langkah.tahap) is taken only inside a window of that stage of the usulan''s region or a region containing it; a stage with no window in the region is not restricted';
COMMENT ON COLUMN dtks.usulan_jadwal.id IS 'The window';
COMMENT ON COLUMN dtks.usulan_jadwal.kode_wilayah IS 'The region (any level) the window applies to, with everything inside it';
COMMENT ON COLUMN dtks.usulan_jadwal.tahap IS 'pendaftaran (submitting usulan) or verval (the home visit)';
COMMENT ON COLUMN dtks.usulan_jadwal.berlaku IS 'The dates of the window';
COMMENT ON COLUMN dtks.usulan_jadwal.keterangan IS 'Where it comes from (e.g. the instruction that sets it)';
COMMENT ON INDEX dtks.usulan_jadwal_pkey IS 'One row per window';
COMMENT ON SEQUENCE dtks.usulan_jadwal_id_seq IS 'Window numbers';
SELECT pg_catalog.pg_extension_config_dump('dtks.usulan_jadwal'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.usulan_jadwal_id_seq'::regclass, '');
CREATE INDEX usulan_jadwal_wilayah ON dtks.usulan_jadwal (kode_wilayah, tahap);
COMMENT ON INDEX dtks.usulan_jadwal_wilayah IS 'Windows of a region and stage';

-- The steps and windows are cached by every backend: a change reloads them everywhere.
CREATE FUNCTION dtks.usulan_aturan_berubah() RETURNS trigger
    AS 'MODULE_PATHNAME', 'usulan_aturan_berubah' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION dtks.usulan_aturan_berubah() IS
    'Statement trigger: the steps or the schedule changed; every backend reads them again before its next check';
CREATE TRIGGER usulan_aturan_berubah AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON dtks.usulan_langkah
    FOR EACH STATEMENT EXECUTE FUNCTION dtks.usulan_aturan_berubah();
COMMENT ON TRIGGER usulan_aturan_berubah ON dtks.usulan_langkah IS 'Reload the cached steps everywhere';
CREATE TRIGGER usulan_aturan_berubah AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON dtks.usulan_jadwal
    FOR EACH STATEMENT EXECUTE FUNCTION dtks.usulan_aturan_berubah();
COMMENT ON TRIGGER usulan_aturan_berubah ON dtks.usulan_jadwal IS 'Reload the cached windows everywhere';

CREATE TABLE dtks.usulan (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    jenis text NOT NULL CHECK (jenis IN ('baru', 'bansos', 'perbaikan', 'penghentian')),
    sumber text NOT NULL CHECK (sumber IN ('musdes', 'muskel', 'mandiri', 'kemensos', 'dinas')),
    kode_wilayah dtks.kode_wilayah NOT NULL CHECK (dtks.tingkat(kode_wilayah) = 4),
    no_kk dtks.no_kk,
    data jsonb NOT NULL DEFAULT '{}',
    program text REFERENCES dtks.program (kode),
    alasan_penghentian text CHECK (alasan_penghentian IN ('meninggal', 'pindah', 'mampu', 'ganda')),
    status text NOT NULL DEFAULT 'draf' CHECK (status IN ('draf', 'diajukan', 'padan', 'tidak_padan', 'layak', 'tidak_layak',
                                                         'disahkan', 'dikirim', 'pengendalian', 'dikembalikan',
                                                         'ditetapkan', 'ditolak', 'dibatalkan')),
    berita_acara text,
    tanggal_kunjungan date,
    petugas_verval text,
    surat_pengesahan text,
    alasan text,
    periode_penetapan date,
    dibuat timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    dibuat_oleh name NOT NULL DEFAULT CURRENT_USER,
    CHECK ((jenis = 'bansos') = (program IS NOT NULL)),
    CHECK ((jenis = 'penghentian') = (alasan_penghentian IS NOT NULL)),
    CHECK (jenis = 'baru' OR no_kk IS NOT NULL)
);
COMMENT ON TABLE dtks.usulan IS
    'Proposals to change DTKS: enter (baru), join a program (bansos), correct data (perbaikan) or deactivate (penghentian); every status change is checked by dtks.usulan_periksa and recorded in dtks.usulan_riwayat';
COMMENT ON COLUMN dtks.usulan.id IS 'The usulan';
COMMENT ON COLUMN dtks.usulan.jenis IS 'baru, bansos, perbaikan or penghentian';
COMMENT ON COLUMN dtks.usulan.sumber IS 'musdes, muskel, mandiri (self-registration), kemensos (the ministry) or dinas (other agencies'' lists)';
COMMENT ON COLUMN dtks.usulan.kode_wilayah IS 'The desa/kelurahan';
COMMENT ON COLUMN dtks.usulan.no_kk IS 'The family concerned (NULL for a new family)';
COMMENT ON COLUMN dtks.usulan.data IS
    'The proposed family and member data, or the corrections: {"no_kk": "...", "anggota": [{"nik", "nama", "tanggal_lahir" (YYYY-MM-DD), "jenis_kelamin", "shdk", ...}], ...}; without "anggota" the matching checks the family''s current members';
COMMENT ON COLUMN dtks.usulan.program IS 'For bansos: the program';
COMMENT ON COLUMN dtks.usulan.alasan_penghentian IS 'For penghentian: meninggal, pindah, mampu or ganda';
COMMENT ON COLUMN dtks.usulan.status IS 'Where the usulan is (dtks.usulan_langkah lists the steps)';
COMMENT ON COLUMN dtks.usulan.berita_acara IS 'Reference of the musyawarah desa/kelurahan minutes (needed to submit a musdes/muskel usulan)';
COMMENT ON COLUMN dtks.usulan.tanggal_kunjungan IS 'Date of the verval home visit';
COMMENT ON COLUMN dtks.usulan.petugas_verval IS 'Officer of the verval visit';
COMMENT ON COLUMN dtks.usulan.surat_pengesahan IS 'The bupati/wali kota''s pengesahan letter';
COMMENT ON COLUMN dtks.usulan.alasan IS 'Reason of the last step that needs one (tidak_padan, dikembalikan, ditolak)';
COMMENT ON COLUMN dtks.usulan.periode_penetapan IS 'Month of the penetapan the usulan goes to, set when it is sent (cut-off day dtks.hari_batas)';
COMMENT ON COLUMN dtks.usulan.dibuat IS 'When the usulan was created';
COMMENT ON COLUMN dtks.usulan.dibuat_oleh IS 'Who created it';
COMMENT ON INDEX dtks.usulan_pkey IS 'One row per usulan';
COMMENT ON SEQUENCE dtks.usulan_id_seq IS 'Usulan numbers';
CREATE INDEX usulan_wilayah_status ON dtks.usulan (kode_wilayah, status);
COMMENT ON INDEX dtks.usulan_wilayah_status IS 'Usulan of a region in a status (the matching and the penetapan read them)';
SELECT pg_catalog.pg_extension_config_dump('dtks.usulan'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.usulan_id_seq'::regclass, '');

-- Every step taken: from, to, by which office and user, when, why.
CREATE TABLE dtks.usulan_riwayat (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    usulan bigint NOT NULL,
    dari text NOT NULL,
    ke text NOT NULL,
    peran text NOT NULL,
    pengguna name NOT NULL DEFAULT SESSION_USER,
    pelaku name,
    petugas text DEFAULT pg_catalog.current_setting('dtks.petugas', true),
    waktu timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    alasan text
);
COMMENT ON TABLE dtks.usulan_riwayat IS 'Append-only history of the steps of every usulan; only a superuser can change or remove it';
COMMENT ON COLUMN dtks.usulan_riwayat.id IS 'Order of recording';
COMMENT ON COLUMN dtks.usulan_riwayat.usulan IS 'The usulan';
COMMENT ON COLUMN dtks.usulan_riwayat.dari IS 'Status before the step';
COMMENT ON COLUMN dtks.usulan_riwayat.ke IS 'Status after';
COMMENT ON COLUMN dtks.usulan_riwayat.peran IS 'The office that took it';
COMMENT ON COLUMN dtks.usulan_riwayat.pengguna IS 'Session user (the login)';
COMMENT ON COLUMN dtks.usulan_riwayat.pelaku IS 'The role that took the step (the current user, e.g. after SET ROLE; for the matching or the penetapan, who started it)';
COMMENT ON COLUMN dtks.usulan_riwayat.petugas IS 'The application''s own user, from SET dtks.petugas';
COMMENT ON COLUMN dtks.usulan_riwayat.waktu IS 'When';
COMMENT ON COLUMN dtks.usulan_riwayat.alasan IS 'The reason given, where the step has one';
COMMENT ON INDEX dtks.usulan_riwayat_pkey IS 'One row per step';
COMMENT ON SEQUENCE dtks.usulan_riwayat_id_seq IS 'Order of recording';
CREATE INDEX usulan_riwayat_usulan ON dtks.usulan_riwayat (usulan);
COMMENT ON INDEX dtks.usulan_riwayat_usulan IS 'The steps of one usulan';
SELECT pg_catalog.pg_extension_config_dump('dtks.usulan_riwayat'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.usulan_riwayat_id_seq'::regclass, '');
CREATE TRIGGER riwayat_tolak_ubah BEFORE UPDATE OR DELETE ON dtks.usulan_riwayat
    FOR EACH ROW EXECUTE FUNCTION dtks.riwayat_tolak_ubah();
COMMENT ON TRIGGER riwayat_tolak_ubah ON dtks.usulan_riwayat IS 'History is append-only';
CREATE TRIGGER riwayat_tolak_kosongkan BEFORE TRUNCATE ON dtks.usulan_riwayat
    FOR EACH STATEMENT EXECUTE FUNCTION dtks.riwayat_tolak_ubah();
COMMENT ON TRIGGER riwayat_tolak_kosongkan ON dtks.usulan_riwayat IS 'History is append-only';

-- The state machine, on the table itself: every client obeys the same steps.
CREATE FUNCTION dtks.usulan_periksa() RETURNS trigger
    AS 'MODULE_PATHNAME', 'usulan_periksa' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION dtks.usulan_periksa() IS
    'Row trigger: a new usulan starts as draf; a status change must be an allowed step (DTK01), of the user''s office and inside its region (42501), with what the step needs (23514), inside the schedule when enforced (DTK02); the proposal changes only while with the desa (DTK03); sets periode_penetapan when sent';
CREATE TRIGGER usulan_periksa BEFORE INSERT OR UPDATE ON dtks.usulan
    FOR EACH ROW EXECUTE FUNCTION dtks.usulan_periksa();
COMMENT ON TRIGGER usulan_periksa ON dtks.usulan IS 'The usulan steps, enforced';

CREATE FUNCTION dtks.usulan_pelaku() RETURNS name
    AS 'MODULE_PATHNAME', 'usulan_pelaku' LANGUAGE C STABLE PARALLEL RESTRICTED;
COMMENT ON FUNCTION dtks.usulan_pelaku() IS
    'The role that took the usulan steps just checked in this transaction (the current user, or who started the matching or penetapan run); NULL if none';

CREATE FUNCTION dtks.usulan_peran() RETURNS text
    AS 'MODULE_PATHNAME', 'usulan_peran' LANGUAGE C STABLE PARALLEL RESTRICTED;
COMMENT ON FUNCTION dtks.usulan_peran() IS
    'The office that took the usulan steps just checked in this transaction (the user''s in dtks.petugas_peran, or pemadanan/penetapan inside those runs); NULL if none';

-- Statement trigger: append every step the statement took, from its transition tables.
-- SECURITY DEFINER: offices append history without INSERT on it; the path is pinned.
CREATE FUNCTION dtks.usulan_catat() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    -- (pairing the transition tables by id is a hash join, whatever the caller turned off)
    SET enable_hashjoin = on
AS $$
BEGIN
    INSERT INTO dtks.usulan_riwayat (usulan, dari, ke, peran, pengguna, pelaku, alasan)
    SELECT b.id, l.status, b.status, coalesce(dtks.usulan_peran(), 'tanpa_peran'), SESSION_USER, dtks.usulan_pelaku(),
           CASE WHEN b.alasan IS DISTINCT FROM l.alasan THEN b.alasan END
      FROM usulan_baru b JOIN usulan_lama l ON l.id = b.id
     WHERE b.status <> l.status
     ORDER BY b.id;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION dtks.usulan_catat() IS 'Statement trigger: append the steps of an UPDATE on dtks.usulan to dtks.usulan_riwayat';
CREATE TRIGGER usulan_catat AFTER UPDATE ON dtks.usulan
    REFERENCING OLD TABLE AS usulan_lama NEW TABLE AS usulan_baru
    FOR EACH STATEMENT EXECUTE FUNCTION dtks.usulan_catat();
COMMENT ON TRIGGER usulan_catat ON dtks.usulan IS 'Every step lands in the history';

-- The same step as a function: move an usulan to a status, with a reason and other details.
CREATE FUNCTION dtks.ubah_status(usulan bigint, status_baru text, alasan text DEFAULT NULL, rincian jsonb DEFAULT '{}')
    RETURNS text
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    hasil text;
BEGIN
    UPDATE dtks.usulan u
       SET status = status_baru,
           alasan = coalesce(ubah_status.alasan, u.alasan),
           berita_acara = coalesce(rincian ->> 'berita_acara', u.berita_acara),
           tanggal_kunjungan = coalesce((rincian ->> 'tanggal_kunjungan')::date, u.tanggal_kunjungan),
           petugas_verval = coalesce(rincian ->> 'petugas_verval', u.petugas_verval),
           surat_pengesahan = coalesce(rincian ->> 'surat_pengesahan', u.surat_pengesahan)
     WHERE u.id = ubah_status.usulan
    RETURNING u.status INTO hasil;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'usulan % does not exist or is not visible to role %', ubah_status.usulan, CURRENT_USER
            USING ERRCODE = '42704',
                  DETAIL = 'Row-level security shows an office only the usulan of its own region.';
    END IF;
    RETURN hasil;
END
$$;
COMMENT ON FUNCTION dtks.ubah_status(bigint, text, text, jsonb) IS
    'Move an usulan to status_baru: the same rules as a plain UPDATE (the trigger checks it); alasan and the details (berita_acara, tanggal_kunjungan, petugas_verval, surat_pengesahan in rincian) are set in the same step';
-- Matching usulan with the civil registry (pemadanan Dukcapil, first level).
--
-- dtks.penduduk holds the agency's extract of Dukcapil; dtks.padankan_usulan moves every diajukan
-- usulan of a region to padan or tidak_padan and records what it found per member in
-- dtks.usulan_temuan.  Only the matching takes those steps (office pemadanan).

CREATE TABLE dtks.penduduk (
    nik dtks.nik PRIMARY KEY,
    no_kk dtks.no_kk,
    nama text NOT NULL,
    tempat_lahir text,
    tanggal_lahir date,
    jenis_kelamin dtks.kode_jenis_kelamin,
    alamat text,
    kode_wilayah dtks.kode_wilayah,
    hidup boolean NOT NULL DEFAULT true,
    tanggal_meninggal date,
    diperbarui date
);
COMMENT ON TABLE dtks.penduduk IS
    'The agency''s extract of the civil registry (Dukcapil), loadable by COPY; the Dukcapil matching of usulan reads it';
COMMENT ON COLUMN dtks.penduduk.nik IS 'NIK';
COMMENT ON COLUMN dtks.penduduk.no_kk IS 'The KK the person is on in Dukcapil';
COMMENT ON COLUMN dtks.penduduk.nama IS 'Name as in Dukcapil';
COMMENT ON COLUMN dtks.penduduk.tempat_lahir IS 'Place of birth';
COMMENT ON COLUMN dtks.penduduk.tanggal_lahir IS 'Date of birth';
COMMENT ON COLUMN dtks.penduduk.jenis_kelamin IS 'L or P';
COMMENT ON COLUMN dtks.penduduk.alamat IS 'Address';
COMMENT ON COLUMN dtks.penduduk.kode_wilayah IS 'Desa/kelurahan of the address';
COMMENT ON COLUMN dtks.penduduk.hidup IS 'False when Dukcapil records the person as dead';
COMMENT ON COLUMN dtks.penduduk.tanggal_meninggal IS 'Date of death, where recorded';
COMMENT ON COLUMN dtks.penduduk.diperbarui IS 'Date of the extract the row comes from';
COMMENT ON INDEX dtks.penduduk_pkey IS 'One row per NIK';
SELECT pg_catalog.pg_extension_config_dump('dtks.penduduk'::regclass, '');

-- What a matching run found, per usulan and member.
CREATE TABLE dtks.usulan_temuan (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    putaran bigint NOT NULL,
    usulan bigint NOT NULL REFERENCES dtks.usulan (id),
    urutan integer,
    nik dtks.nik,
    temuan text NOT NULL CHECK (temuan IN ('nik_tidak_sah', 'nik_tidak_ada', 'nama_beda', 'tanggal_lahir_beda',
                                           'meninggal', 'kk_beda', 'aktif_di_kk_lain', 'tanpa_anggota')),
    menghalangi boolean NOT NULL,
    waktu timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE dtks.usulan_temuan IS
    'Findings of the Dukcapil matching per usulan and member; an usulan with a blocking finding goes to tidak_padan';
COMMENT ON COLUMN dtks.usulan_temuan.id IS 'The finding';
COMMENT ON COLUMN dtks.usulan_temuan.putaran IS 'The matching run (one number per dtks.padankan_usulan call)';
COMMENT ON COLUMN dtks.usulan_temuan.usulan IS 'The usulan';
COMMENT ON COLUMN dtks.usulan_temuan.urutan IS 'Position of the member in data->''anggota'' (or among the family''s current members); NULL for the usulan as a whole';
COMMENT ON COLUMN dtks.usulan_temuan.nik IS 'The member''s NIK (NULL when it is not a valid NIK)';
COMMENT ON COLUMN dtks.usulan_temuan.temuan IS
    'nik_tidak_sah (not a valid NIK), nik_tidak_ada (not in Dukcapil), nama_beda (names differ after dtks.nama_kunci), tanggal_lahir_beda, meninggal (dead in Dukcapil), kk_beda (Dukcapil has another KK), aktif_di_kk_lain (already active in another DTKS family), tanpa_anggota (no member to match)';
COMMENT ON COLUMN dtks.usulan_temuan.menghalangi IS
    'Whether it blocks: meninggal does not for a penghentian because of death; aktif_di_kk_lain does not for a perbaikan (a move)';
COMMENT ON COLUMN dtks.usulan_temuan.waktu IS 'When the run took place';
COMMENT ON INDEX dtks.usulan_temuan_pkey IS 'One row per finding';
COMMENT ON SEQUENCE dtks.usulan_temuan_id_seq IS 'Finding numbers';
CREATE INDEX usulan_temuan_usulan ON dtks.usulan_temuan (usulan);
COMMENT ON INDEX dtks.usulan_temuan_usulan IS 'The findings of one usulan';
CREATE SEQUENCE dtks.usulan_temuan_putaran;
COMMENT ON SEQUENCE dtks.usulan_temuan_putaran IS 'Matching run numbers';
SELECT pg_catalog.pg_extension_config_dump('dtks.usulan_temuan'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.usulan_temuan_id_seq'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.usulan_temuan_putaran'::regclass, '');

-- The matching itself, set-based: called by dtks.padankan_usulan only, as the table owner.
CREATE FUNCTION dtks.pemadanan_jalankan(wilayah dtks.kode_wilayah,
                                        OUT diperiksa bigint, OUT padan bigint, OUT tidak_padan bigint)
    LANGUAGE sql VOLATILE PARALLEL UNSAFE
BEGIN ATOMIC
WITH dipilih AS MATERIALIZED (
    SELECT u.id, u.jenis, u.no_kk, u.alasan_penghentian,
           CASE WHEN pg_catalog.jsonb_typeof(u.data -> 'anggota') = 'array' THEN u.data -> 'anggota' END AS anggota,
           coalesce(u.data ->> 'no_kk', u.no_kk::text) AS kk_teks
      FROM dtks.usulan u
     WHERE u.status = 'diajukan' AND (wilayah IS NULL OR u.kode_wilayah OPERATOR(dtks.<@) wilayah)
       FOR UPDATE
),
anggota_usul AS MATERIALIZED (
    -- the members proposed in data->'anggota'
    SELECT d.id AS usulan, a.urutan::integer AS urutan, a.e ->> 'nik' AS nik_teks, a.e ->> 'nama' AS nama,
           a.e ->> 'tanggal_lahir' AS lahir_teks, d.kk_teks, d.jenis, d.alasan_penghentian
      FROM dipilih d CROSS JOIN LATERAL pg_catalog.jsonb_array_elements(d.anggota) WITH ORDINALITY AS a(e, urutan)
    UNION ALL
    -- else the family's current members in DTKS
    SELECT d.id, (pg_catalog.row_number() OVER (PARTITION BY d.id ORDER BY m.nik))::integer, m.nik::text, g.nama,
           pg_catalog.to_char(g.tanggal_lahir, 'YYYY-MM-DD'), d.kk_teks, d.jenis, d.alasan_penghentian
      FROM dipilih d
      JOIN dtks.keanggotaan m ON m.no_kk OPERATOR(dtks.=) d.no_kk AND m.berlaku @> CURRENT_DATE
      JOIN dtks.anggota g ON g.nik OPERATOR(dtks.=) m.nik
     WHERE d.anggota IS NULL
),
cek AS (
    SELECT a.*, n.nik, p.nik IS NOT NULL AS ada, p.nama AS nama_dukcapil, p.tanggal_lahir AS lahir_dukcapil,
           p.hidup, p.no_kk AS kk_dukcapil, n.kk, aktif.no_kk AS kk_aktif
      FROM anggota_usul a
     CROSS JOIN LATERAL (SELECT CASE WHEN dtks.nik_valid(a.nik_teks) THEN a.nik_teks::dtks.nik END AS nik,
                                CASE WHEN dtks.no_kk_valid(a.kk_teks) THEN a.kk_teks::dtks.no_kk END AS kk) n
      LEFT JOIN dtks.penduduk p ON p.nik OPERATOR(dtks.=) n.nik
      LEFT JOIN (SELECT m.nik, m.no_kk
                   FROM dtks.keanggotaan m JOIN dtks.keluarga k ON k.no_kk OPERATOR(dtks.=) m.no_kk
                  WHERE m.berlaku @> CURRENT_DATE AND k.status = 'aktif') aktif ON aktif.nik OPERATOR(dtks.=) n.nik
),
temuan AS (
    SELECT c.usulan, c.urutan, c.nik, t.temuan, t.menghalangi
      FROM cek c
     CROSS JOIN LATERAL (VALUES
        ('nik_tidak_sah', c.nik IS NULL, true),
        ('nik_tidak_ada', c.nik IS NOT NULL AND NOT c.ada, true),
        ('nama_beda', c.ada AND c.nama IS NOT NULL AND dtks.nama_kunci(c.nama) <> dtks.nama_kunci(c.nama_dukcapil), true),
        ('tanggal_lahir_beda', c.ada AND c.lahir_teks IS NOT NULL
                               AND c.lahir_teks IS DISTINCT FROM pg_catalog.to_char(c.lahir_dukcapil, 'YYYY-MM-DD'), true),
        ('meninggal', c.ada AND NOT c.hidup, NOT (c.jenis = 'penghentian' AND c.alasan_penghentian = 'meninggal')),
        ('kk_beda', c.ada AND c.kk IS NOT NULL AND NOT coalesce(c.kk_dukcapil OPERATOR(dtks.=) c.kk, false), true),
        ('aktif_di_kk_lain', c.kk_aktif IS NOT NULL AND NOT coalesce(c.kk_aktif OPERATOR(dtks.=) c.kk, false),
                             c.jenis <> 'perbaikan')
     ) AS t(temuan, ditemukan, menghalangi)
     WHERE t.ditemukan
    UNION ALL
    SELECT d.id, NULL, NULL, 'tanpa_anggota', true
      FROM dipilih d
     WHERE NOT EXISTS (SELECT 1 FROM anggota_usul a WHERE a.usulan = d.id)
),
putaran AS (
    SELECT pg_catalog.nextval('dtks.usulan_temuan_putaran') AS nomor
),
simpan AS (
    INSERT INTO dtks.usulan_temuan (putaran, usulan, urutan, nik, temuan, menghalangi)
    SELECT p.nomor, t.usulan, t.urutan, t.nik, t.temuan, t.menghalangi FROM temuan t, putaran p
),
ringkas AS (
    SELECT x.usulan, pg_catalog.string_agg(x.temuan || ' ' || x.jumlah, ', ' ORDER BY x.temuan) AS temuan
      FROM (SELECT t.usulan, t.temuan, count(*) AS jumlah FROM temuan t WHERE t.menghalangi GROUP BY 1, 2) x
     GROUP BY x.usulan
),
ubah AS (
    UPDATE dtks.usulan u
       SET status = CASE WHEN r.usulan IS NULL THEN 'padan' ELSE 'tidak_padan' END,
           alasan = CASE WHEN r.usulan IS NULL THEN u.alasan
                         ELSE 'pemadanan ' || p.nomor || ': ' || r.temuan END
      FROM dipilih d CROSS JOIN putaran p LEFT JOIN ringkas r ON r.usulan = d.id
     WHERE u.id = d.id
    RETURNING u.status
)
SELECT count(*), count(*) FILTER (WHERE status = 'padan'), count(*) FILTER (WHERE status = 'tidak_padan') FROM ubah;
END;
REVOKE ALL ON FUNCTION dtks.pemadanan_jalankan(dtks.kode_wilayah) FROM PUBLIC;
COMMENT ON FUNCTION dtks.pemadanan_jalankan(dtks.kode_wilayah) IS
    'The set-based Dukcapil matching behind dtks.padankan_usulan (which alone may call it, as the owner, taking the steps as pemadanan): findings per member into dtks.usulan_temuan, each usulan to padan or tidak_padan';

CREATE FUNCTION dtks.padankan_usulan(kode_wilayah dtks.kode_wilayah,
                                     OUT diperiksa bigint, OUT padan bigint, OUT tidak_padan bigint)
    AS 'MODULE_PATHNAME', 'padankan_usulan' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION dtks.padankan_usulan(dtks.kode_wilayah) IS
    'Dukcapil matching: every diajukan usulan in the region (NULL: everywhere, ministry only) goes to padan, or to tidak_padan with the blocking findings as its reason; per-member findings in dtks.usulan_temuan. Run by the kab/kota Dinas Sosial inside its region, the ministry or a superuser (42501 otherwise)';

CREATE FUNCTION dtks.jalankan_sebagai(peran text, perintah text) RETURNS bigint
    AS 'MODULE_PATHNAME', 'jalankan_sebagai' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
REVOKE ALL ON FUNCTION dtks.jalankan_sebagai(text, text) FROM PUBLIC;
COMMENT ON FUNCTION dtks.jalankan_sebagai(text, text) IS
    'Superuser only: run one statement taking usulan steps as a system office (pemadanan or penetapan), e.g. to apply results of Dukcapil''s online matching; the history records the office and the session user; returns the rows processed';
-- Who sees and changes what: privileges of the office group roles and row-level security by region.
--
-- An office (dtks.petugas_peran) sees and changes only rows inside its region; pusat and pt see
-- every region; dtks_pembaca holds no privilege on any table with personal data.  The table owner
-- (and the system runs that work as it: the commit-time registry check, the matching, the
-- penetapan) is not subject to these policies.

-- The region of the current user's office (NULL for pusat, pt or a role without an office).
CREATE FUNCTION dtks.wilayah_petugas() RETURNS dtks.kode_wilayah
    AS 'MODULE_PATHNAME', 'wilayah_petugas' LANGUAGE C STABLE PARALLEL RESTRICTED;
COMMENT ON FUNCTION dtks.wilayah_petugas() IS
    'The region of the current user''s office in dtks.petugas_peran (NULL for pusat and pt, or without an office); read as the owner, once per transaction';

-- Whether the current user's office sees every region (pusat, pt).
CREATE FUNCTION dtks.petugas_nasional() RETURNS boolean
    AS 'MODULE_PATHNAME', 'petugas_nasional' LANGUAGE C STABLE PARALLEL RESTRICTED;
COMMENT ON FUNCTION dtks.petugas_nasional() IS
    'Whether the current user''s office (pusat or pt) sees every region; read as the owner, once per transaction';

-- The office of the current user (NULL without one).
CREATE FUNCTION dtks.peran_petugas() RETURNS text
    AS 'MODULE_PATHNAME', 'peran_petugas' LANGUAGE C STABLE PARALLEL RESTRICTED;
COMMENT ON FUNCTION dtks.peran_petugas() IS
    'The office of the current user in dtks.petugas_peran (NULL without one); read as the owner, once per transaction';

-- A change of the offices is seen at once by the cached reads in this transaction.
CREATE TRIGGER usulan_aturan_berubah AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON dtks.petugas_peran
    FOR EACH STATEMENT EXECUTE FUNCTION dtks.usulan_aturan_berubah();
COMMENT ON TRIGGER usulan_aturan_berubah ON dtks.petugas_peran IS 'Read the offices again';

-- Give a login role its office and region, and the matching group role.
CREATE FUNCTION dtks.petugas_tetapkan(pengguna name, peran text, kode_wilayah dtks.kode_wilayah DEFAULT NULL)
    RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    grup text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = petugas_tetapkan.pengguna) THEN
        RAISE EXCEPTION 'role "%" does not exist', petugas_tetapkan.pengguna
            USING ERRCODE = '42704', DETAIL = 'Create the login role first; dtks only gives it an office.';
    END IF;
    INSERT INTO dtks.petugas_peran AS p (pengguna, peran, kode_wilayah)
    VALUES (petugas_tetapkan.pengguna, petugas_tetapkan.peran, petugas_tetapkan.kode_wilayah)
    ON CONFLICT ON CONSTRAINT petugas_peran_pkey
    DO UPDATE SET peran = excluded.peran, kode_wilayah = excluded.kode_wilayah;
    FOREACH grup IN ARRAY ARRAY['dtks_desa', 'dtks_kabkota', 'dtks_provinsi', 'dtks_pusat', 'dtks_pt'] LOOP
        IF grup = 'dtks_' || petugas_tetapkan.peran THEN
            EXECUTE format('GRANT %I TO %I', grup, petugas_tetapkan.pengguna);
        ELSIF pg_catalog.pg_has_role(petugas_tetapkan.pengguna, grup, 'MEMBER') THEN
            EXECUTE format('REVOKE %I FROM %I', grup, petugas_tetapkan.pengguna);
        END IF;
    END LOOP;
END
$$;
COMMENT ON FUNCTION dtks.petugas_tetapkan(name, text, dtks.kode_wilayah) IS
    'Give a login role its office (desa, kabkota, provinsi, pusat, pt) and region in dtks.petugas_peran, grant it the matching group role and revoke the others (needs the right to grant those roles)';

-- The schema and the reference tables: every office and the BI readers.
GRANT USAGE ON SCHEMA dtks TO dtks_desa, dtks_kabkota, dtks_provinsi, dtks_pusat, dtks_pt, dtks_pembaca;
GRANT SELECT ON dtks.wilayah_edisi, dtks.wilayah_riwayat, dtks.wilayah, dtks.program, dtks.skor_variabel,
    dtks.skor_model, dtks.skor_bobot, dtks.skor_bobot_wilayah, dtks.usulan_langkah, dtks.usulan_jadwal
    TO dtks_desa, dtks_kabkota, dtks_provinsi, dtks_pusat, dtks_pt, dtks_pembaca;

-- Each office reads its own row of the mapping.
GRANT SELECT ON dtks.petugas_peran TO dtks_desa, dtks_kabkota, dtks_provinsi, dtks_pusat, dtks_pt;
ALTER TABLE dtks.petugas_peran ENABLE ROW LEVEL SECURITY;
CREATE POLICY petugas_sendiri ON dtks.petugas_peran FOR SELECT USING (pengguna = CURRENT_USER);
COMMENT ON POLICY petugas_sendiri ON dtks.petugas_peran IS 'A login role sees its own office only';

-- Usulan: read inside the region (the province monitors); desa, kab/kota and pusat create them;
-- the offices that take steps update them (the trigger decides which step is whose).
GRANT SELECT ON dtks.usulan, dtks.usulan_riwayat, dtks.usulan_temuan
    TO dtks_desa, dtks_kabkota, dtks_provinsi, dtks_pusat, dtks_pt;
GRANT INSERT (jenis, sumber, kode_wilayah, no_kk, data, program, alasan_penghentian, berita_acara)
    ON dtks.usulan TO dtks_desa, dtks_kabkota, dtks_pusat;
GRANT UPDATE (jenis, sumber, kode_wilayah, no_kk, data, program, alasan_penghentian, status, berita_acara,
              tanggal_kunjungan, petugas_verval, surat_pengesahan, alasan)
    ON dtks.usulan TO dtks_desa, dtks_kabkota, dtks_pusat, dtks_pt;
ALTER TABLE dtks.usulan ENABLE ROW LEVEL SECURITY;
CREATE POLICY usulan_lihat ON dtks.usulan FOR SELECT
    USING ((SELECT dtks.petugas_nasional()) OR kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas()));
COMMENT ON POLICY usulan_lihat ON dtks.usulan IS 'Usulan inside the office''s region (every region for pusat and pt)';
CREATE POLICY usulan_tambah ON dtks.usulan FOR INSERT
    WITH CHECK ((SELECT dtks.peran_petugas()) = 'pusat'
                OR ((SELECT dtks.peran_petugas()) IN ('desa', 'kabkota')
                    AND kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas())));
COMMENT ON POLICY usulan_tambah ON dtks.usulan IS 'Desa and kab/kota create usulan inside their region, the ministry anywhere';
CREATE POLICY usulan_ubah ON dtks.usulan FOR UPDATE
    USING ((SELECT dtks.petugas_nasional()) OR kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas()))
    WITH CHECK ((SELECT dtks.petugas_nasional()) OR kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas()));
COMMENT ON POLICY usulan_ubah ON dtks.usulan IS 'Usulan are changed inside the office''s region only, and stay there';
ALTER TABLE dtks.usulan_riwayat ENABLE ROW LEVEL SECURITY;
CREATE POLICY usulan_riwayat_lihat ON dtks.usulan_riwayat FOR SELECT
    USING (EXISTS (SELECT 1 FROM dtks.usulan u WHERE u.id = usulan));
COMMENT ON POLICY usulan_riwayat_lihat ON dtks.usulan_riwayat IS 'The steps of the usulan the role may see';
ALTER TABLE dtks.usulan_temuan ENABLE ROW LEVEL SECURITY;
CREATE POLICY usulan_temuan_lihat ON dtks.usulan_temuan FOR SELECT
    USING (EXISTS (SELECT 1 FROM dtks.usulan u WHERE u.id = usulan));
COMMENT ON POLICY usulan_temuan_lihat ON dtks.usulan_temuan IS 'The findings of the usulan the role may see';

-- The registry: read inside the region.  Changes reach it through the penetapan only.
GRANT SELECT ON dtks.rumah_tangga, dtks.keluarga, dtks.anggota, dtks.keanggotaan, dtks.skor_keluarga
    TO dtks_desa, dtks_kabkota, dtks_provinsi, dtks_pusat, dtks_pt;
ALTER TABLE dtks.rumah_tangga ENABLE ROW LEVEL SECURITY;
CREATE POLICY wilayah_petugas ON dtks.rumah_tangga
    USING ((SELECT dtks.petugas_nasional()) OR kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas()));
COMMENT ON POLICY wilayah_petugas ON dtks.rumah_tangga IS 'Households inside the office''s region';
ALTER TABLE dtks.keluarga ENABLE ROW LEVEL SECURITY;
CREATE POLICY wilayah_petugas ON dtks.keluarga
    USING ((SELECT dtks.petugas_nasional())
           OR rumah_tangga_id IN (SELECT r.id FROM dtks.rumah_tangga r
                                   WHERE r.kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas())));
COMMENT ON POLICY wilayah_petugas ON dtks.keluarga IS 'Families whose household is inside the office''s region';
ALTER TABLE dtks.keanggotaan ENABLE ROW LEVEL SECURITY;
CREATE POLICY wilayah_petugas ON dtks.keanggotaan
    USING ((SELECT dtks.petugas_nasional())
           OR no_kk IN (SELECT k.no_kk FROM dtks.keluarga k JOIN dtks.rumah_tangga r ON r.id = k.rumah_tangga_id
                         WHERE r.kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas())));
COMMENT ON POLICY wilayah_petugas ON dtks.keanggotaan IS 'Memberships of families inside the office''s region';
ALTER TABLE dtks.anggota ENABLE ROW LEVEL SECURITY;
CREATE POLICY wilayah_petugas ON dtks.anggota
    USING ((SELECT dtks.petugas_nasional())
           OR nik IN (SELECT m.nik FROM dtks.keanggotaan m
                        JOIN dtks.keluarga k ON k.no_kk OPERATOR(dtks.=) m.no_kk
                        JOIN dtks.rumah_tangga r ON r.id = k.rumah_tangga_id
                       WHERE r.kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas())));
COMMENT ON POLICY wilayah_petugas ON dtks.anggota IS 'People who are or were members of a family inside the office''s region';
ALTER TABLE dtks.skor_keluarga ENABLE ROW LEVEL SECURITY;
CREATE POLICY wilayah_petugas ON dtks.skor_keluarga
    USING ((SELECT dtks.petugas_nasional())
           OR no_kk IN (SELECT k.no_kk FROM dtks.keluarga k JOIN dtks.rumah_tangga r ON r.id = k.rumah_tangga_id
                         WHERE r.kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas())));
COMMENT ON POLICY wilayah_petugas ON dtks.skor_keluarga IS 'Scores of families inside the office''s region';
-- The monthly penetapan: the ministry determines DTKS once a month (domain.md 4.6).
--
-- dtks.tetapkan(periode) takes every usulan sent (dikirim) for that month or earlier, moves it to
-- ditetapkan, applies it to the registry, and records who is in DTKS as validity periods by
-- month: a family's, a member's and a program membership's presence is one row from the month
-- it began until the month it ended (open while it lasts).  A month therefore writes rows only
-- for what changed, and "who was in DTKS in month M" is one indexed query
-- (dtks.penetapan_pada).  The monthly figures per region are kept up to date as each month is
-- determined (dtks.penetapan_agregat, 84_penetapan_agregat.sql; read through 86_penetapan_bi.sql).

-- The months determined, and what each did.
CREATE TABLE dtks.penetapan (
    periode date PRIMARY KEY CONSTRAINT penetapan_awal_bulan CHECK (extract(day FROM periode) = 1),
    ditetapkan timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    pengguna name NOT NULL DEFAULT SESSION_USER,
    pelaku name NOT NULL,
    model text NOT NULL REFERENCES dtks.skor_model (versi),
    acuan_desil date NOT NULL,
    usulan bigint NOT NULL,
    keluarga_masuk bigint NOT NULL,
    keluarga_keluar bigint NOT NULL,
    anggota_masuk bigint NOT NULL,
    anggota_keluar bigint NOT NULL,
    program_mulai bigint NOT NULL,
    program_selesai bigint NOT NULL,
    skor_dihitung bigint NOT NULL,
    desil_ulang boolean NOT NULL,
    riwayat_sampai bigint
);
COMMENT ON TABLE dtks.penetapan IS 'The months determined by dtks.tetapkan (each once, in order), with what each applied';
COMMENT ON COLUMN dtks.penetapan.periode IS 'The month determined (its first day)';
COMMENT ON COLUMN dtks.penetapan.ditetapkan IS 'When the penetapan ran';
COMMENT ON COLUMN dtks.penetapan.pengguna IS 'The session user who ran it';
COMMENT ON COLUMN dtks.penetapan.pelaku IS 'The role that called dtks.tetapkan (the current user under SET ROLE)';
COMMENT ON COLUMN dtks.penetapan.model IS 'The score model in force for the month';
COMMENT ON COLUMN dtks.penetapan.acuan_desil IS 'The month of the full national ranking whose desil cut points the month used (dtks.penetapan_desil_batas)';
COMMENT ON COLUMN dtks.penetapan.usulan IS 'Usulan determined (dikirim -> ditetapkan)';
COMMENT ON COLUMN dtks.penetapan.keluarga_masuk IS 'Families that entered DTKS';
COMMENT ON COLUMN dtks.penetapan.keluarga_keluar IS 'Families that left DTKS';
COMMENT ON COLUMN dtks.penetapan.anggota_masuk IS 'Members that entered DTKS';
COMMENT ON COLUMN dtks.penetapan.anggota_keluar IS 'Members that left DTKS';
COMMENT ON COLUMN dtks.penetapan.program_mulai IS 'Program memberships started';
COMMENT ON COLUMN dtks.penetapan.program_selesai IS 'Program memberships ended (the family left DTKS)';
COMMENT ON COLUMN dtks.penetapan.skor_dihitung IS 'Families scored this month';
COMMENT ON COLUMN dtks.penetapan.desil_ulang IS 'Whether every family was ranked again (the first month, or a new model in force)';
COMMENT ON COLUMN dtks.penetapan.riwayat_sampai IS 'The last registry history id (dtks.riwayat_id_seq) when the month was determined: the next month also re-reads the KKs of every direct registry edit after it';
COMMENT ON INDEX dtks.penetapan_pkey IS 'One penetapan per month';
COMMENT ON CONSTRAINT penetapan_awal_bulan ON dtks.penetapan IS 'A month is named by its first day';
SELECT pg_catalog.pg_extension_config_dump('dtks.penetapan'::regclass, '');

-- The desil cut points of a full national ranking: a family scored later takes the desil whose
-- range holds its score, so one month's changes do not re-rank the country.
CREATE TABLE dtks.penetapan_desil_batas (
    acuan date NOT NULL,
    versi text NOT NULL REFERENCES dtks.skor_model (versi),
    desil smallint NOT NULL CHECK (desil BETWEEN 1 AND 10),
    skor_atas double precision NOT NULL,
    PRIMARY KEY (acuan, versi, desil)
);
COMMENT ON TABLE dtks.penetapan_desil_batas IS
    'Cut points of a full national desil ranking made by the penetapan: the highest score of each desil; later months place a newly scored family by them';
COMMENT ON COLUMN dtks.penetapan_desil_batas.acuan IS 'The month of the ranking';
COMMENT ON COLUMN dtks.penetapan_desil_batas.versi IS 'The score model';
COMMENT ON COLUMN dtks.penetapan_desil_batas.desil IS 'Desil 1-10';
COMMENT ON COLUMN dtks.penetapan_desil_batas.skor_atas IS 'The highest score ranked into this desil (desil 10 takes every higher score)';
COMMENT ON INDEX dtks.penetapan_desil_batas_pkey IS 'One cut point per ranking, model and desil';
SELECT pg_catalog.pg_extension_config_dump('dtks.penetapan_desil_batas'::regclass, '');

-- Presence periods are whole months: [first month, month it ended).
CREATE DOMAIN dtks.masa_bulan AS daterange
    CHECK (NOT isempty(VALUE) AND NOT lower_inf(VALUE) AND extract(day FROM lower(VALUE)) = 1
           AND (upper_inf(VALUE) OR extract(day FROM upper(VALUE)) = 1));
COMMENT ON DOMAIN dtks.masa_bulan IS 'A presence in DTKS by month: from the first day of its first month until the first day of the month it ended (open while it lasts)';

-- Why a presence ended.
CREATE DOMAIN dtks.alasan_keluar AS text CHECK (VALUE IN ('meninggal', 'pindah', 'mampu', 'ganda', 'lainnya'));
COMMENT ON DOMAIN dtks.alasan_keluar IS 'Why a family, member or program membership left DTKS: the penghentian reasons (meninggal, pindah, mampu, ganda) or lainnya (e.g. left its KK)';

-- Each family's presence in DTKS, with its region, household, score and desil.
CREATE TABLE dtks.penetapan_keluarga (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    no_kk dtks.no_kk NOT NULL,
    rumah_tangga_id bigint NOT NULL,
    kode_wilayah dtks.kode_wilayah NOT NULL,
    skor double precision,
    desil smallint CHECK (desil BETWEEN 1 AND 10),
    berlaku dtks.masa_bulan NOT NULL,
    alasan_keluar dtks.alasan_keluar,
    usulan bigint,
    CONSTRAINT penetapan_keluarga_alasan CHECK (alasan_keluar IS NULL OR NOT upper_inf(berlaku))
);
COMMENT ON TABLE dtks.penetapan_keluarga IS
    'Families in DTKS by month: one row per unchanged stretch (a change of region, household, score or desil ends a row and opens the next; leaving ends it with a reason)';
COMMENT ON COLUMN dtks.penetapan_keluarga.id IS 'Row number';
COMMENT ON COLUMN dtks.penetapan_keluarga.no_kk IS 'The family';
COMMENT ON COLUMN dtks.penetapan_keluarga.rumah_tangga_id IS 'Its household';
COMMENT ON COLUMN dtks.penetapan_keluarga.kode_wilayah IS 'Its desa/kelurahan';
COMMENT ON COLUMN dtks.penetapan_keluarga.skor IS 'Welfare score with the month''s model';
COMMENT ON COLUMN dtks.penetapan_keluarga.desil IS 'National desil (by the full ranking, or its cut points for a family scored later)';
COMMENT ON COLUMN dtks.penetapan_keluarga.berlaku IS 'The months of this stretch';
COMMENT ON COLUMN dtks.penetapan_keluarga.alasan_keluar IS 'Why the family left DTKS when this row ended (NULL: still in, or followed by a changed row)';
COMMENT ON COLUMN dtks.penetapan_keluarga.usulan IS 'The usulan that caused this row (NULL: the first penetapan or a re-ranking)';
COMMENT ON CONSTRAINT penetapan_keluarga_alasan ON dtks.penetapan_keluarga IS 'Only an ended stretch has a reason to leave';
CREATE UNIQUE INDEX penetapan_keluarga_kini ON dtks.penetapan_keluarga (no_kk) WHERE upper_inf(berlaku);
COMMENT ON INDEX dtks.penetapan_keluarga_kini IS 'At most one current stretch per family';
CREATE INDEX penetapan_keluarga_kk ON dtks.penetapan_keluarga (no_kk, lower(berlaku));
COMMENT ON INDEX dtks.penetapan_keluarga_kk IS 'A family''s stretches';
CREATE INDEX penetapan_keluarga_rumah_tangga ON dtks.penetapan_keluarga (rumah_tangga_id);
COMMENT ON INDEX dtks.penetapan_keluarga_rumah_tangga IS 'The families of a household (household counts)';
CREATE INDEX penetapan_keluarga_wilayah ON dtks.penetapan_keluarga (kode_wilayah);
COMMENT ON INDEX dtks.penetapan_keluarga_wilayah IS 'The families of a region';
CREATE INDEX penetapan_keluarga_berlaku ON dtks.penetapan_keluarga USING gist (berlaku);
COMMENT ON INDEX dtks.penetapan_keluarga_berlaku IS 'The families in DTKS in a month';
COMMENT ON INDEX dtks.penetapan_keluarga_pkey IS 'Row number';
SELECT pg_catalog.pg_extension_config_dump('dtks.penetapan_keluarga'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.penetapan_keluarga_id_seq'::regclass, '');
COMMENT ON SEQUENCE dtks.penetapan_keluarga_id_seq IS 'Numbers the family presence rows';

-- Each member's presence in DTKS, with the family, SHDK, sex and birth date counted then.
CREATE TABLE dtks.penetapan_anggota (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    nik dtks.nik NOT NULL,
    no_kk dtks.no_kk NOT NULL,
    kode_wilayah dtks.kode_wilayah NOT NULL,
    shdk dtks.kode_shdk NOT NULL,
    jenis_kelamin dtks.kode_jenis_kelamin NOT NULL,
    tanggal_lahir date NOT NULL,
    berlaku dtks.masa_bulan NOT NULL,
    alasan_keluar dtks.alasan_keluar,
    usulan bigint,
    CONSTRAINT penetapan_anggota_alasan CHECK (alasan_keluar IS NULL OR NOT upper_inf(berlaku))
);
COMMENT ON TABLE dtks.penetapan_anggota IS
    'Members in DTKS by month: one row per unchanged stretch (a change of family, SHDK, region, sex or birth date ends a row and opens the next; leaving ends it with a reason)';
COMMENT ON COLUMN dtks.penetapan_anggota.id IS 'Row number';
COMMENT ON COLUMN dtks.penetapan_anggota.nik IS 'The member';
COMMENT ON COLUMN dtks.penetapan_anggota.no_kk IS 'The family';
COMMENT ON COLUMN dtks.penetapan_anggota.kode_wilayah IS 'The family''s desa/kelurahan';
COMMENT ON COLUMN dtks.penetapan_anggota.shdk IS 'Relationship to the kepala keluarga';
COMMENT ON COLUMN dtks.penetapan_anggota.jenis_kelamin IS 'Sex';
COMMENT ON COLUMN dtks.penetapan_anggota.tanggal_lahir IS 'Birth date (age bands are computed for each month)';
COMMENT ON COLUMN dtks.penetapan_anggota.berlaku IS 'The months of this stretch';
COMMENT ON COLUMN dtks.penetapan_anggota.alasan_keluar IS 'Why the member left DTKS when this row ended (NULL: still in, or followed by a changed row)';
COMMENT ON COLUMN dtks.penetapan_anggota.usulan IS 'The usulan that caused this row (NULL: the first penetapan)';
COMMENT ON CONSTRAINT penetapan_anggota_alasan ON dtks.penetapan_anggota IS 'Only an ended stretch has a reason to leave';
CREATE UNIQUE INDEX penetapan_anggota_kini ON dtks.penetapan_anggota (nik) WHERE upper_inf(berlaku);
COMMENT ON INDEX dtks.penetapan_anggota_kini IS 'At most one current stretch per member';
CREATE INDEX penetapan_anggota_kk_kini ON dtks.penetapan_anggota (no_kk) WHERE upper_inf(berlaku);
COMMENT ON INDEX dtks.penetapan_anggota_kk_kini IS 'The current members of a family';
CREATE INDEX penetapan_anggota_lahir_kini ON dtks.penetapan_anggota (tanggal_lahir) WHERE upper_inf(berlaku);
COMMENT ON INDEX dtks.penetapan_anggota_lahir_kini IS 'Current members by birth date: who moves to another age band in a month';
CREATE INDEX penetapan_anggota_nik ON dtks.penetapan_anggota (nik, lower(berlaku));
COMMENT ON INDEX dtks.penetapan_anggota_nik IS 'A member''s stretches';
CREATE INDEX penetapan_anggota_wilayah ON dtks.penetapan_anggota (kode_wilayah);
COMMENT ON INDEX dtks.penetapan_anggota_wilayah IS 'The members of a region';
CREATE INDEX penetapan_anggota_berlaku ON dtks.penetapan_anggota USING gist (berlaku);
COMMENT ON INDEX dtks.penetapan_anggota_berlaku IS 'The members in DTKS in a month';
COMMENT ON INDEX dtks.penetapan_anggota_pkey IS 'Row number';
SELECT pg_catalog.pg_extension_config_dump('dtks.penetapan_anggota'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.penetapan_anggota_id_seq'::regclass, '');
COMMENT ON SEQUENCE dtks.penetapan_anggota_id_seq IS 'Numbers the member presence rows';

-- Program memberships (started by a bansos usulan, ended when the family leaves DTKS).
CREATE TABLE dtks.penetapan_program (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    no_kk dtks.no_kk NOT NULL,
    program text NOT NULL REFERENCES dtks.program (kode),
    berlaku dtks.masa_bulan NOT NULL,
    alasan_selesai dtks.alasan_keluar,
    usulan bigint,
    CONSTRAINT penetapan_program_alasan CHECK (alasan_selesai IS NULL OR NOT upper_inf(berlaku))
);
COMMENT ON TABLE dtks.penetapan_program IS 'Program memberships by month: started by a determined bansos usulan, ended when the family leaves DTKS';
COMMENT ON COLUMN dtks.penetapan_program.id IS 'Row number';
COMMENT ON COLUMN dtks.penetapan_program.no_kk IS 'The family (keluarga penerima manfaat)';
COMMENT ON COLUMN dtks.penetapan_program.program IS 'The program (dtks.program)';
COMMENT ON COLUMN dtks.penetapan_program.berlaku IS 'The months of the membership';
COMMENT ON COLUMN dtks.penetapan_program.alasan_selesai IS 'Why it ended (the family''s reason to leave DTKS)';
COMMENT ON COLUMN dtks.penetapan_program.usulan IS 'The bansos usulan that started it';
COMMENT ON CONSTRAINT penetapan_program_alasan ON dtks.penetapan_program IS 'Only an ended membership has a reason';
CREATE UNIQUE INDEX penetapan_program_kini ON dtks.penetapan_program (no_kk, program) WHERE upper_inf(berlaku);
COMMENT ON INDEX dtks.penetapan_program_kini IS 'A family is in a program at most once at a time';
CREATE INDEX penetapan_program_kk ON dtks.penetapan_program (no_kk, lower(berlaku));
COMMENT ON INDEX dtks.penetapan_program_kk IS 'A family''s program memberships';
COMMENT ON INDEX dtks.penetapan_program_pkey IS 'Row number';
SELECT pg_catalog.pg_extension_config_dump('dtks.penetapan_program'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.penetapan_program_id_seq'::regclass, '');
COMMENT ON SEQUENCE dtks.penetapan_program_id_seq IS 'Numbers the program membership rows';

-- The age band of a person on the first day of a month (C: called for every member counted).
CREATE FUNCTION dtks.kelompok_umur(tanggal_lahir date, pada date) RETURNS text
    AS 'MODULE_PATHNAME', 'kelompok_umur' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.kelompok_umur(date, date) IS
    'Age band on a date (0_5: balita and pre-school, 6_17: school age, 18_59: working age, 60_lebih: elderly, the PKH components)';

-- Who was in DTKS in a month (optionally inside a region): every member, its family's desil and programs.
CREATE FUNCTION dtks.penetapan_pada(periode date, wilayah dtks.kode_wilayah DEFAULT NULL)
    RETURNS TABLE (nik dtks.nik, no_kk dtks.no_kk, kode_wilayah dtks.kode_wilayah, rumah_tangga_id bigint,
                   shdk smallint, jenis_kelamin char(1), tanggal_lahir date, desil smallint, skor double precision,
                   program text[])
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT a.nik, a.no_kk, a.kode_wilayah, k.rumah_tangga_id, a.shdk, a.jenis_kelamin, a.tanggal_lahir, k.desil, k.skor,
           coalesce((SELECT array_agg(p.program ORDER BY p.program) FROM dtks.penetapan_program p
                      WHERE p.no_kk OPERATOR(dtks.=) a.no_kk
                        AND p.berlaku @> date_trunc('month', penetapan_pada.periode)::date), '{}')
      FROM dtks.penetapan_anggota a
      JOIN dtks.penetapan_keluarga k ON k.no_kk OPERATOR(dtks.=) a.no_kk
                                     AND k.berlaku @> date_trunc('month', penetapan_pada.periode)::date
     WHERE a.berlaku @> date_trunc('month', penetapan_pada.periode)::date
       AND (penetapan_pada.wilayah IS NULL OR a.kode_wilayah OPERATOR(dtks.<@) penetapan_pada.wilayah);
END;
COMMENT ON FUNCTION dtks.penetapan_pada(date, dtks.kode_wilayah) IS
    'Who was in DTKS in the month of periode (as the latest penetapan on or before it left it), inside wilayah if given: each member with its family, SHDK, sex, birth date, the family''s desil and score, and its programs; row-level security shows an office its own region';

-- The penetapan itself, set-based: called by dtks.tetapkan only, as the owner, taking the steps as
-- the penetapan office.  Every statement reads and writes only what the month's usulan touch, except
-- the first month and a month with a new model in force, which rank every family.
CREATE FUNCTION dtks.penetapan_jalankan(bulan_diminta date)
    RETURNS TABLE (periode date, usulan bigint, keluarga_masuk bigint, keluarga_keluar bigint,
                   anggota_masuk bigint, anggota_keluar bigint, program_mulai bigint, program_selesai bigint,
                   skor_dihitung bigint, desil_ulang boolean)
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, dtks, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    bulan date := bulan_diminta;
    lalu dtks.penetapan;
    model text := dtks.skor_model_pada(bulan_diminta);
    acuan date;
    semua boolean;
    putaran integer;
    jumlah_putaran integer;
    n_usulan bigint;
    n_skor bigint;
    kolom_rt text;
    kolom_kel text;
    kolom_ang text;
    hasil record;
    sisa text;
BEGIN
    -- one penetapan at a time; a month once, in order; the registry holds still while the month reads it
    LOCK TABLE dtks.penetapan IN SHARE ROW EXCLUSIVE MODE;
    LOCK TABLE dtks.rumah_tangga, dtks.keluarga, dtks.anggota, dtks.keanggotaan IN SHARE ROW EXCLUSIVE MODE;
    IF EXISTS (SELECT 1 FROM dtks.penetapan p WHERE p.periode = bulan) THEN
        RAISE EXCEPTION 'penetapan of % is already made', to_char(bulan, 'YYYY-MM')
            USING ERRCODE = '23505', DETAIL = 'A month is determined once; what arrives later goes to the next month.';
    END IF;
    SELECT * INTO lalu FROM dtks.penetapan p ORDER BY p.periode DESC LIMIT 1;
    IF lalu.periode > bulan THEN
        RAISE EXCEPTION 'penetapan of % is earlier than the last one made (%)', to_char(bulan, 'YYYY-MM'), to_char(lalu.periode, 'YYYY-MM')
            USING ERRCODE = 'DTK04', DETAIL = 'Months are determined in order; a later month carries every earlier usulan still sent.';
    END IF;
    IF model IS NULL THEN
        RAISE EXCEPTION 'penetapan of %: no score model is in force', to_char(bulan, 'YYYY-MM')
            USING ERRCODE = '22023', DETAIL = 'Every month is scored with the model whose validity (dtks.skor_model.berlaku) holds its first day.';
    END IF;
    -- the first month and a new model rank everyone; other months place scores by the last cut points
    semua := lalu.periode IS NULL OR lalu.model <> model
             OR NOT EXISTS (SELECT 1 FROM dtks.penetapan_desil_batas b WHERE b.acuan = lalu.acuan_desil AND b.versi = model);
    acuan := CASE WHEN semua THEN bulan ELSE lalu.acuan_desil END;

    -- a month's few thousand touched keys probe the big tables through their indexes: the estimates
    -- (a third of the rows current, random_page_cost 4) would pick whole-table hash and merge joins;
    -- every join between the month's own temporary tables has an index to probe instead
    -- (a function with SET clauses restores every setting changed inside it when it returns)
    IF NOT semua THEN
        PERFORM set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true);
    END IF;

    -- the usulan of the month (and of earlier months still sent): determined now
    -- (left by an earlier penetapan in this transaction that failed inside a savepoint)
    FOR sisa IN SELECT c.oid::regclass::text FROM pg_catalog.pg_class c
                 WHERE c.relnamespace = pg_catalog.pg_my_temp_schema() AND c.relkind = 'r'
                   AND c.relname = ANY (ARRAY['penetapan_usulan', 'penetapan_kk', 'penetapan_riwayat_kk', 'penetapan_kk_anggota', 'penetapan_alasan', 'penetapan_ini',
                                              'penetapan_masuk', 'penetapan_masalah', 'penetapan_keluarga_kini',
                                              'penetapan_anggota_kini', 'penetapan_alasan_kk', 'penetapan_alasan_nik', 'penetapan_usulan_kk',
                                              'penetapan_keluarga_tutup', 'penetapan_keluarga_buka', 'penetapan_keluarga_tetap', 'penetapan_anggota_tetap',
                                              'penetapan_anggota_tutup', 'penetapan_anggota_buka',
                                              'penetapan_program_ubah', 'penetapan_program_tetap', 'penetapan_ubah',
                                              'penetapan_ubah_desa', 'penetapan_ubah_program', 'penetapan_agregat_baru']) LOOP
        EXECUTE 'DROP TABLE ' || sisa;
    END LOOP;
    CREATE TEMP TABLE penetapan_usulan (id bigint PRIMARY KEY, jenis text, sumber text, kode_wilayah dtks.kode_wilayah,
                                        no_kk dtks.no_kk, data jsonb, program text, alasan_penghentian text,
                                        putaran integer) ON COMMIT DROP;
    WITH u AS (
        UPDATE dtks.usulan u SET status = 'ditetapkan'
         WHERE u.status = 'dikirim' AND u.periode_penetapan <= bulan
        RETURNING u.id, u.jenis, u.sumber, u.kode_wilayah, coalesce(u.no_kk, (u.data ->> 'no_kk')::dtks.no_kk) AS no_kk,
                  u.data, u.program, u.alasan_penghentian)
    INSERT INTO pg_temp.penetapan_usulan
    SELECT u.*, row_number() OVER (PARTITION BY u.no_kk
                                   ORDER BY array_position(ARRAY['baru', 'perbaikan', 'bansos', 'penghentian'], u.jenis), u.id)
      FROM u;
    GET DIAGNOSTICS n_usulan = ROW_COUNT;
    CREATE INDEX ON pg_temp.penetapan_usulan (no_kk);
    ANALYZE pg_temp.penetapan_usulan;
    PERFORM dtks.penetapan_periksa_data(bulan);

    -- the registry's columns, for applying the proposed data whatever columns it carries
    SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FILTER (WHERE a.attrelid = 'dtks.rumah_tangga'::regclass AND a.attname <> 'id'),
           string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FILTER (WHERE a.attrelid = 'dtks.keluarga'::regclass AND a.attname NOT IN ('no_kk', 'rumah_tangga_id', 'status')),
           string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FILTER (WHERE a.attrelid = 'dtks.anggota'::regclass AND a.attname <> 'nik')
      INTO kolom_rt, kolom_kel, kolom_ang
      FROM pg_catalog.pg_attribute a
     WHERE a.attrelid IN ('dtks.rumah_tangga'::regclass, 'dtks.keluarga'::regclass, 'dtks.anggota'::regclass)
       AND a.attnum > 0 AND NOT a.attisdropped;

    -- the families whose presence may change, and why members and families leave
    CREATE TEMP TABLE penetapan_kk (no_kk dtks.no_kk PRIMARY KEY) ON COMMIT DROP;
    CREATE TEMP TABLE penetapan_alasan (no_kk dtks.no_kk, nik dtks.nik, alasan text, usulan bigint) ON COMMIT DROP;
    INSERT INTO pg_temp.penetapan_kk SELECT DISTINCT u.no_kk FROM pg_temp.penetapan_usulan u ON CONFLICT DO NOTHING;
    SELECT max(u.putaran) INTO jumlah_putaran FROM pg_temp.penetapan_usulan u;
    FOR putaran IN 1 .. coalesce(jumlah_putaran, 0) LOOP
        PERFORM dtks.penetapan_terapkan(bulan, putaran, kolom_rt, kolom_kel, kolom_ang);
    END LOOP;

    -- the KKs the registry history names since the last month (the month's own writes, and edits made outside the
    -- usulan such as a DBA's correction: the lock above lets no writer of the registry still be open), each marked
    -- when its members' presence may change: memberships, members' sex, birth date or life, family status or
    -- household, household region (so every family of a household that moved moves with it) or kepala (so the
    -- household is checked for a kepala below)
    CREATE TEMP TABLE penetapan_riwayat_kk (no_kk dtks.no_kk PRIMARY KEY, anggota boolean) ON COMMIT DROP;
    IF lalu.riwayat_sampai IS NOT NULL THEN
        INSERT INTO pg_temp.penetapan_riwayat_kk
        SELECT x.no_kk, bool_or(x.anggota) FROM (
            SELECT unnest(ARRAY[(r.lama).no_kk, (r.baru).no_kk]) AS no_kk, true AS anggota FROM dtks.riwayat_keanggotaan r
             WHERE r.id > lalu.riwayat_sampai
            UNION ALL
            SELECT unnest(ARRAY[(r.lama).no_kk, (r.baru).no_kk]),
                   ((r.lama).rumah_tangga_id, (r.lama).status) IS DISTINCT FROM ((r.baru).rumah_tangga_id, (r.baru).status)
              FROM dtks.riwayat_keluarga r WHERE r.id > lalu.riwayat_sampai
            UNION ALL
            SELECT k.no_kk, ((r.lama).jenis_kelamin, (r.lama).tanggal_lahir, (r.lama).status_hidup)
                            IS DISTINCT FROM ((r.baru).jenis_kelamin, (r.baru).tanggal_lahir, (r.baru).status_hidup)
              FROM dtks.riwayat_anggota r JOIN dtks.keanggotaan k ON k.nik = (coalesce(r.baru, r.lama)).nik AND upper_inf(k.berlaku)
             WHERE r.id > lalu.riwayat_sampai
            UNION ALL
            SELECT f.no_kk, ((r.lama).kode_wilayah, (r.lama).kepala_nik) IS DISTINCT FROM ((r.baru).kode_wilayah, (r.baru).kepala_nik)
              FROM dtks.riwayat_rumah_tangga r JOIN dtks.keluarga f ON f.rumah_tangga_id = (coalesce(r.baru, r.lama)).id
             WHERE r.id > lalu.riwayat_sampai) x
         WHERE x.no_kk IS NOT NULL
         GROUP BY x.no_kk;
        INSERT INTO pg_temp.penetapan_kk SELECT r.no_kk FROM pg_temp.penetapan_riwayat_kk r ON CONFLICT DO NOTHING;
    END IF;

    -- a household whose kepala left its families is headed by the kepala keluarga of one still active; only a
    -- household with a membership, family or kepala change can have lost its kepala (every KK of the month when
    -- there was no history bound to read from)
    UPDATE dtks.rumah_tangga h
       SET kepala_nik = (SELECT m.nik FROM dtks.keluarga f
                           JOIN dtks.keanggotaan m ON m.no_kk OPERATOR(dtks.=) f.no_kk AND upper_inf(m.berlaku) AND m.shdk = 1
                          WHERE f.rumah_tangga_id = h.id AND f.status = 'aktif'
                          ORDER BY f.no_kk LIMIT 1)
     WHERE h.id IN (SELECT f.rumah_tangga_id FROM pg_temp.penetapan_kk t JOIN dtks.keluarga f ON f.no_kk OPERATOR(dtks.=) t.no_kk
                     WHERE lalu.riwayat_sampai IS NULL
                        OR EXISTS (SELECT 1 FROM pg_temp.penetapan_riwayat_kk r WHERE r.no_kk = t.no_kk AND r.anggota))
       AND NOT EXISTS (SELECT 1 FROM dtks.keanggotaan m JOIN dtks.keluarga f ON f.no_kk OPERATOR(dtks.=) m.no_kk
                        WHERE m.nik OPERATOR(dtks.=) h.kepala_nik AND upper_inf(m.berlaku)
                          AND f.rumah_tangga_id = h.id AND f.status = 'aktif');

    -- the registry's rules now, so that a violation is named before anything else is computed
    SET CONSTRAINTS dtks.registri_aturan IMMEDIATE;
    SET CONSTRAINTS dtks.registri_aturan DEFERRED;

    -- every family, on the first month or a new model
    IF semua THEN
        INSERT INTO pg_temp.penetapan_kk
        SELECT f.no_kk FROM dtks.keluarga f
        UNION SELECT p.no_kk FROM dtks.penetapan_keluarga p WHERE upper_inf(p.berlaku)
        ON CONFLICT DO NOTHING;
    END IF;

    -- the families whose members' presence is compared: those the history marks (a family whose house or score alone
    -- changed keeps its members' rows unread); every family on the first month, a new model, or after a month that
    -- recorded no history bound
    IF semua OR lalu.riwayat_sampai IS NULL THEN
        CREATE TEMP TABLE penetapan_kk_anggota ON COMMIT DROP AS SELECT t.no_kk FROM pg_temp.penetapan_kk t;
    ELSE
        CREATE TEMP TABLE penetapan_kk_anggota ON COMMIT DROP AS
        SELECT r.no_kk FROM pg_temp.penetapan_riwayat_kk r WHERE r.anggota;
    END IF;
    CREATE UNIQUE INDEX ON pg_temp.penetapan_kk_anggota (no_kk);
    ANALYZE pg_temp.penetapan_kk, pg_temp.penetapan_kk_anggota;

    -- the families in DTKS after the month, scored
    n_skor := dtks.penetapan_skor(bulan, model, acuan);
    IF semua THEN
        INSERT INTO dtks.penetapan_desil_batas (acuan, versi, desil, skor_atas)
        SELECT bulan, model, s.desil, max(s.skor) FROM pg_temp.penetapan_keluarga_kini s GROUP BY s.desil;
    END IF;

    -- presence: end what changed or left, open what changed or entered; then the figures
    SELECT * INTO hasil FROM dtks.penetapan_selaraskan(bulan, lalu.periode);
    -- a month that filled the presence tables gives them statistics before the figures read them
    -- (on the first month they were empty when last analysed) and for the next month's plans
    IF semua THEN
        ANALYZE dtks.penetapan_keluarga, dtks.penetapan_anggota, dtks.penetapan_program;
    END IF;
    PERFORM dtks.penetapan_agregat_hitung(bulan, lalu.periode);
    IF semua THEN
        ANALYZE dtks.penetapan_agregat;
    END IF;

    INSERT INTO dtks.penetapan (periode, pelaku, model, acuan_desil, usulan, keluarga_masuk, keluarga_keluar,
                                anggota_masuk, anggota_keluar, program_mulai, program_selesai, skor_dihitung, desil_ulang,
                                riwayat_sampai)
    VALUES (bulan, coalesce(dtks.usulan_pelaku(), CURRENT_USER), model, acuan, n_usulan, hasil.keluarga_masuk,
            hasil.keluarga_keluar, hasil.anggota_masuk, hasil.anggota_keluar, hasil.program_mulai,
            hasil.program_selesai, n_skor, semua,
            (SELECT CASE WHEN q.is_called THEN q.last_value ELSE 0 END FROM dtks.riwayat_id_seq q));
    RETURN QUERY SELECT bulan, n_usulan, hasil.keluarga_masuk, hasil.keluarga_keluar, hasil.anggota_masuk,
                        hasil.anggota_keluar, hasil.program_mulai, hasil.program_selesai, n_skor, semua;
END
$$;
REVOKE ALL ON FUNCTION dtks.penetapan_jalankan(date) FROM PUBLIC;
COMMENT ON FUNCTION dtks.penetapan_jalankan(date) IS
    'The set-based penetapan behind dtks.tetapkan (which alone may call it, as the owner, taking the steps as penetapan): determines the sent usulan, applies them, scores, updates the presence periods and the monthly figures';

-- Refuse the month if an usulan's data cannot be applied: every problem found, the first named.
CREATE FUNCTION dtks.penetapan_periksa_data(bulan date) RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, dtks, pg_temp
AS $$
DECLARE
    n bigint;
    pertama record;
    daftar text;
BEGIN
    CREATE TEMP TABLE penetapan_masalah ON COMMIT DROP AS
    WITH anggota AS (
        SELECT u.id, u.jenis, e.value AS e,
               CASE WHEN dtks.nik_valid(e.value ->> 'nik') THEN (e.value ->> 'nik')::dtks.nik END AS nik
          FROM pg_temp.penetapan_usulan u, jsonb_array_elements(CASE jsonb_typeof(u.data -> 'anggota')
                                                                    WHEN 'array' THEN u.data -> 'anggota' ELSE '[]' END) e),
    -- the kepala rumah tangga an usulan names for the household it creates (baru) or corrects (perbaikan), and that
    -- household (NULL for a new one)
    kepala AS (
        SELECT u.id, u.jenis,
               CASE WHEN dtks.nik_valid(u.data #>> '{rumah_tangga,kepala_nik}') THEN (u.data #>> '{rumah_tangga,kepala_nik}')::dtks.nik END AS nik,
               CASE WHEN u.jenis = 'perbaikan' THEN (SELECT f.rumah_tangga_id FROM dtks.keluarga f WHERE f.no_kk = u.no_kk) END AS rt
          FROM pg_temp.penetapan_usulan u
         WHERE (u.jenis = 'perbaikan' OR (u.jenis = 'baru' AND NOT (u.data ? 'rumah_tangga_id')))
           AND jsonb_typeof(u.data -> 'rumah_tangga') = 'object' AND u.data -> 'rumah_tangga' ? 'kepala_nik'),
    -- where the usulan of the month bring that kepala as a member (not leaving): into a family of the household (or
    -- by the naming usulan itself), or into a family of another household
    bawa AS (
        SELECT k.id, bool_or(x.ke_rt) AS ke_rt, bool_or(NOT x.ke_rt) AS ke_luar
          FROM kepala k JOIN anggota a ON a.nik = k.nik AND a.jenis IN ('baru', 'perbaikan') AND NOT (a.e ? 'keluar')
          JOIN pg_temp.penetapan_usulan v ON v.id = a.id,
               LATERAL (SELECT v.id = k.id
                               OR EXISTS (SELECT 1 FROM dtks.keluarga g WHERE g.no_kk = v.no_kk AND g.rumah_tangga_id = k.rt)
                               OR coalesce(v.data ->> 'rumah_tangga_id' = k.rt::text, false) AS ke_rt) x
         GROUP BY k.id)
    SELECT u.id, u.jenis, 'it names no KK (no_kk, or data.no_kk)' AS masalah
      FROM pg_temp.penetapan_usulan u WHERE u.no_kk IS NULL
    UNION ALL
    SELECT u.id, u.jenis, 'data.anggota is not a non-empty list of members'
      FROM pg_temp.penetapan_usulan u
     WHERE u.jenis = 'baru' AND (jsonb_typeof(u.data -> 'anggota') IS DISTINCT FROM 'array' OR jsonb_array_length(u.data -> 'anggota') = 0)
    UNION ALL
    SELECT u.id, u.jenis, 'data.anggota is not a list of members'
      FROM pg_temp.penetapan_usulan u
     WHERE u.jenis <> 'baru' AND u.data ? 'anggota' AND jsonb_typeof(u.data -> 'anggota') <> 'array'
    UNION ALL
    SELECT DISTINCT a.id, a.jenis, 'a member has no nik'
      FROM anggota a WHERE jsonb_typeof(a.e) <> 'object' OR coalesce(a.e ->> 'nik', '') = ''
    UNION ALL
    SELECT DISTINCT a.id, a.jenis, 'a member''s nik is not a valid NIK'
      FROM anggota a WHERE coalesce(a.e ->> 'nik', '') <> '' AND a.nik IS NULL
    UNION ALL
    SELECT DISTINCT a.id, a.jenis, 'a new person lacks nama, jenis_kelamin or tanggal_lahir'
      FROM anggota a
     WHERE a.jenis IN ('baru', 'perbaikan') AND NOT (a.e ? 'keluar')
       AND a.nik IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dtks.anggota x WHERE x.nik = a.nik)
       AND NOT (a.e ?& ARRAY['nama', 'jenis_kelamin', 'tanggal_lahir'])
    UNION ALL
    SELECT DISTINCT a.id, a.jenis, 'a member joining the family has no shdk'
      FROM anggota a JOIN pg_temp.penetapan_usulan u ON u.id = a.id
     WHERE a.jenis IN ('baru', 'perbaikan') AND NOT (a.e ? 'keluar') AND NOT (a.e ? 'shdk')
       AND NOT EXISTS (SELECT 1 FROM dtks.keanggotaan m
                        WHERE m.nik = a.nik AND m.no_kk = u.no_kk AND upper_inf(m.berlaku))
    UNION ALL
    SELECT DISTINCT a.id, a.jenis, 'data.anggota.keluar is not meninggal, pindah, ganda or lainnya'
      FROM anggota a WHERE a.e ? 'keluar' AND a.e ->> 'keluar' NOT IN ('meninggal', 'pindah', 'ganda', 'lainnya')
    UNION ALL
    SELECT u.id, u.jenis, 'the household is neither given (data.rumah_tangga with alamat) nor an existing data.rumah_tangga_id'
      FROM pg_temp.penetapan_usulan u
     WHERE u.jenis = 'baru'
       AND NOT (jsonb_typeof(u.data -> 'rumah_tangga') = 'object' AND coalesce(u.data #>> '{rumah_tangga,alamat}', '') <> '')
       AND NOT EXISTS (SELECT 1 FROM dtks.rumah_tangga h WHERE h.id::text = u.data ->> 'rumah_tangga_id')
    UNION ALL
    SELECT u.id, u.jenis, 'the family is already active in DTKS'
      FROM pg_temp.penetapan_usulan u JOIN dtks.keluarga f ON f.no_kk = u.no_kk
     WHERE u.jenis = 'baru' AND f.status = 'aktif'
    UNION ALL
    SELECT u.id, u.jenis, 'the family is not active in DTKS'
      FROM pg_temp.penetapan_usulan u
     WHERE u.jenis <> 'baru'
       AND NOT EXISTS (SELECT 1 FROM dtks.keluarga f WHERE f.no_kk = u.no_kk AND f.status = 'aktif')
       AND NOT EXISTS (SELECT 1 FROM pg_temp.penetapan_usulan b WHERE b.no_kk = u.no_kk AND b.jenis = 'baru')
    UNION ALL
    SELECT DISTINCT a.id, a.jenis, 'a member to stop is not a current member of the family'
      FROM anggota a JOIN pg_temp.penetapan_usulan u ON u.id = a.id
     WHERE a.jenis = 'penghentian'
       AND NOT EXISTS (SELECT 1 FROM dtks.keanggotaan m
                        WHERE m.nik = a.nik AND m.no_kk = u.no_kk AND upper_inf(m.berlaku))
    UNION ALL
    SELECT k.id, k.jenis, 'data.rumah_tangga.kepala_nik is not a valid NIK' FROM kepala k WHERE k.nik IS NULL
    UNION ALL
    -- the kepala must be in the household after the month: a current member of one of its active families, or a member
    -- that this usulan or another of the month brings into one of them (a re-heading would otherwise replace it silently)
    SELECT k.id, k.jenis, 'data.rumah_tangga.kepala_nik is not a member of the household (now, or by an usulan of the month)'
      FROM kepala k
     WHERE k.nik IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM dtks.keluarga f
                         JOIN dtks.keanggotaan m ON m.no_kk = f.no_kk AND upper_inf(m.berlaku) AND m.nik = k.nik
                        WHERE f.rumah_tangga_id = k.rt AND f.status = 'aktif')
       AND NOT EXISTS (SELECT 1 FROM bawa b WHERE b.id = k.id AND b.ke_rt)
    UNION ALL
    -- nor may an usulan of the month take the kepala out (the re-heading would otherwise replace the kepala named,
    -- silently): out of DTKS (died, moved away, a duplicate), into a family of another household, or out of its
    -- family (stopped alone or with it) with no usulan of the month bringing it into another of the household's
    SELECT k.id, k.jenis, 'data.rumah_tangga.kepala_nik leaves the household by an usulan of the month'
      FROM kepala k LEFT JOIN bawa b ON b.id = k.id
     WHERE k.nik IS NOT NULL
       AND (EXISTS (SELECT 1 FROM anggota a JOIN pg_temp.penetapan_usulan v ON v.id = a.id
                     WHERE a.nik = k.nik
                       AND CASE WHEN a.jenis = 'penghentian' THEN v.alasan_penghentian ELSE a.e ->> 'keluar' END
                           IN ('meninggal', 'pindah', 'ganda'))
            OR coalesce(b.ke_luar, false)
            OR (NOT coalesce(b.ke_rt, false)
                AND (EXISTS (SELECT 1 FROM anggota a WHERE a.nik = k.nik AND (a.jenis = 'penghentian' OR a.e ? 'keluar'))
                     OR EXISTS (SELECT 1 FROM pg_temp.penetapan_usulan v
                                  JOIN dtks.keanggotaan m ON m.no_kk = v.no_kk AND upper_inf(m.berlaku) AND m.nik = k.nik
                                 WHERE v.jenis = 'penghentian' AND NOT (v.data ? 'anggota')))))
    UNION ALL
    SELECT u.id, u.jenis, 'a second baru for the same KK in one month'
      FROM pg_temp.penetapan_usulan u WHERE u.jenis = 'baru' AND u.putaran > 1;
    SELECT count(*) INTO n FROM pg_temp.penetapan_masalah;
    IF n > 0 THEN
        SELECT * INTO pertama FROM pg_temp.penetapan_masalah ORDER BY id, masalah LIMIT 1;
        SELECT string_agg(format('usulan %s (%s): %s', m.id, m.jenis, m.masalah), '; ' ORDER BY m.id, m.masalah)
          INTO daftar FROM (SELECT * FROM pg_temp.penetapan_masalah ORDER BY id, masalah LIMIT 10) m;
        RAISE EXCEPTION 'penetapan of %: usulan % (%) cannot be applied: %', to_char(bulan, 'YYYY-MM'),
                        pertama.id, pertama.jenis, pertama.masalah
            USING ERRCODE = 'DTK05',
                  DETAIL = format('%s problem(s): %s%s. Nothing was determined; return (dikembalikan) or correct these usulan and run the month again.',
                                  n, daftar, CASE WHEN n > 10 THEN '; ...' ELSE '' END);
    END IF;
    DROP TABLE pg_temp.penetapan_masalah;
END
$$;
REVOKE ALL ON FUNCTION dtks.penetapan_periksa_data(date) FROM PUBLIC;
COMMENT ON FUNCTION dtks.penetapan_periksa_data(date) IS
    'Part of dtks.penetapan_jalankan: refuses the month (DTK05) when an usulan''s data cannot be applied, listing every problem found';

-- Apply one round of the month's usulan (the r-th usulan of each KK) to the registry.
CREATE FUNCTION dtks.penetapan_terapkan(bulan date, putaran integer, kolom_rt text, kolom_kel text, kolom_ang text)
    RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, dtks, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    r_rt text := 'r.' || replace(kolom_rt, ', ', ', r.');
    r_kel text := 'r.' || replace(kolom_kel, ', ', ', r.');
    r_ang text := 'r.' || replace(kolom_ang, ', ', ', r.');
BEGIN
    IF to_regclass('pg_temp.penetapan_ini') IS NOT NULL THEN
        DROP TABLE pg_temp.penetapan_ini, pg_temp.penetapan_masuk;
    END IF;
    CREATE TEMP TABLE penetapan_ini ON COMMIT DROP AS
    SELECT u.id, u.jenis, u.no_kk, u.kode_wilayah, u.data, u.alasan_penghentian,
           CASE WHEN u.jenis = 'baru' THEN coalesce((u.data ->> 'rumah_tangga_id')::bigint,
                                                    nextval('dtks.rumah_tangga_id_seq'::regclass)) END AS rt_id,
           u.jenis = 'baru' AND NOT (u.data ? 'rumah_tangga_id') AS rt_baru
      FROM pg_temp.penetapan_usulan u WHERE u.putaran = penetapan_terapkan.putaran;
    ANALYZE pg_temp.penetapan_ini;

    -- baru: the household (new, in the usulan's desa), the family (new, or back in DTKS)
    EXECUTE format($q$
        INSERT INTO dtks.rumah_tangga (id, %1$s) OVERRIDING SYSTEM VALUE
        SELECT b.rt_id, %2$s
          FROM pg_temp.penetapan_ini b,
               LATERAL jsonb_populate_record(NULL::dtks.rumah_tangga,
                   b.data -> 'rumah_tangga'
                   || jsonb_build_object('kode_wilayah', b.kode_wilayah::text,
                                         'kepala_nik', coalesce(b.data #>> '{rumah_tangga,kepala_nik}',
                                             (SELECT e ->> 'nik' FROM jsonb_array_elements(b.data -> 'anggota') e
                                               WHERE e ->> 'shdk' = '1' LIMIT 1)))) r
         WHERE b.rt_baru$q$, kolom_rt, r_rt);
    EXECUTE format($q$
        UPDATE dtks.keluarga f SET (rumah_tangga_id, status, %1$s) =
               (SELECT b.rt_id, 'aktif', %2$s
                  FROM jsonb_populate_record(f, jsonb_build_object('alasan_terbit', 'baru') || coalesce(b.data -> 'keluarga', '{}')) r)
          FROM pg_temp.penetapan_ini b
         WHERE b.jenis = 'baru' AND f.no_kk = b.no_kk$q$, kolom_kel, r_kel);
    EXECUTE format($q$
        INSERT INTO dtks.keluarga (no_kk, rumah_tangga_id, status, %1$s)
        SELECT b.no_kk, b.rt_id, 'aktif', %2$s
          FROM pg_temp.penetapan_ini b,
               LATERAL jsonb_populate_record(NULL::dtks.keluarga,
                                             jsonb_build_object('alasan_terbit', 'baru') || coalesce(b.data -> 'keluarga', '{}')) r
         WHERE b.jenis = 'baru' AND NOT EXISTS (SELECT 1 FROM dtks.keluarga f WHERE f.no_kk = b.no_kk)$q$, kolom_kel, r_kel);

    -- perbaikan: corrections of the household and the family
    EXECUTE format($q$
        UPDATE dtks.rumah_tangga h SET (%1$s) = (SELECT %2$s FROM jsonb_populate_record(h, p.ubah) r)
          FROM (SELECT DISTINCT ON (f.rumah_tangga_id) f.rumah_tangga_id, b.data -> 'rumah_tangga' AS ubah
                  FROM pg_temp.penetapan_ini b JOIN dtks.keluarga f ON f.no_kk = b.no_kk
                 WHERE b.jenis = 'perbaikan' AND jsonb_typeof(b.data -> 'rumah_tangga') = 'object'
                 ORDER BY f.rumah_tangga_id, b.id DESC) p
         WHERE h.id = p.rumah_tangga_id$q$, kolom_rt, r_rt);
    EXECUTE format($q$
        UPDATE dtks.keluarga f SET (%1$s) = (SELECT %2$s FROM jsonb_populate_record(f, b.data -> 'keluarga') r)
          FROM pg_temp.penetapan_ini b
         WHERE b.jenis = 'perbaikan' AND f.no_kk = b.no_kk AND jsonb_typeof(b.data -> 'keluarga') = 'object'$q$,
        kolom_kel, r_kel);

    -- the members named: corrected or new persons (a member who leaves keeps the data it had)
    CREATE TEMP TABLE penetapan_masuk ON COMMIT DROP AS
    SELECT b.id, b.jenis, b.no_kk, b.alasan_penghentian, (e ->> 'nik')::dtks.nik AS nik,
           (e ->> 'shdk')::smallint AS shdk, coalesce((e ->> 'sejak')::date, bulan) AS sejak,
           CASE WHEN b.jenis = 'penghentian' THEN b.alasan_penghentian ELSE e ->> 'keluar' END AS keluar,
           e - ARRAY['nik', 'shdk', 'sejak', 'keluar'] AS ubah
      FROM pg_temp.penetapan_ini b, jsonb_array_elements(b.data -> 'anggota') e
     WHERE b.jenis IN ('baru', 'perbaikan', 'penghentian') AND jsonb_typeof(b.data -> 'anggota') = 'array';
    ANALYZE pg_temp.penetapan_masuk;
    EXECUTE format($q$
        UPDATE dtks.anggota a SET (%1$s) = (SELECT %2$s FROM jsonb_populate_record(a, m.ubah) r)
          FROM pg_temp.penetapan_masuk m
         WHERE a.nik = m.nik AND m.jenis <> 'penghentian' AND m.keluar IS NULL AND m.ubah <> '{}'$q$, kolom_ang, r_ang);
    EXECUTE format($q$
        INSERT INTO dtks.anggota (nik, %1$s)
        SELECT m.nik, %2$s
          FROM pg_temp.penetapan_masuk m,
               LATERAL jsonb_populate_record(NULL::dtks.anggota, jsonb_build_object('status_hidup', 'aktif') || m.ubah) r
         WHERE m.keluar IS NULL AND NOT EXISTS (SELECT 1 FROM dtks.anggota a WHERE a.nik = m.nik)$q$, kolom_ang, r_ang);

    -- penghentian of a whole family: every current member leaves, the KK is no longer active
    INSERT INTO pg_temp.penetapan_masuk (id, jenis, no_kk, alasan_penghentian, nik, shdk, sejak, keluar, ubah)
    SELECT b.id, b.jenis, b.no_kk, b.alasan_penghentian, m.nik, m.shdk, bulan, b.alasan_penghentian, '{}'
      FROM pg_temp.penetapan_ini b JOIN dtks.keanggotaan m ON m.no_kk = b.no_kk AND upper_inf(m.berlaku)
     WHERE b.jenis = 'penghentian' AND NOT (b.data ? 'anggota');
    UPDATE dtks.keluarga f SET status = 'nonaktif'
      FROM pg_temp.penetapan_ini b
     WHERE b.jenis = 'penghentian' AND NOT (b.data ? 'anggota') AND f.no_kk = b.no_kk;
    INSERT INTO pg_temp.penetapan_alasan (no_kk, nik, alasan, usulan)
    SELECT b.no_kk, NULL, b.alasan_penghentian, b.id
      FROM pg_temp.penetapan_ini b WHERE b.jenis = 'penghentian' AND NOT (b.data ? 'anggota');

    -- who leaves: the life status it leaves for, its membership closed at the month
    INSERT INTO pg_temp.penetapan_alasan (no_kk, nik, alasan, usulan)
    SELECT m.no_kk, m.nik, CASE WHEN m.keluar IN ('meninggal', 'pindah', 'mampu', 'ganda') THEN m.keluar ELSE 'lainnya' END, m.id
      FROM pg_temp.penetapan_masuk m WHERE m.keluar IS NOT NULL;
    UPDATE dtks.anggota a
       SET status_hidup = m.keluar,
           tanggal_meninggal = CASE WHEN m.keluar = 'meninggal'
                                    THEN coalesce(a.tanggal_meninggal, (m.ubah ->> 'tanggal_meninggal')::date, bulan - 1) END
      FROM pg_temp.penetapan_masuk m
     WHERE a.nik = m.nik AND m.keluar IN ('meninggal', 'pindah', 'ganda') AND a.status_hidup = 'aktif';
    UPDATE dtks.keanggotaan k SET berlaku = daterange(lower(k.berlaku), greatest(bulan, lower(k.berlaku) + 1))
      FROM pg_temp.penetapan_masuk m
     WHERE m.keluar IS NOT NULL AND k.nik = m.nik AND k.no_kk = m.no_kk AND upper_inf(k.berlaku);

    -- who joins or changes SHDK: a current membership elsewhere (or with another SHDK) ends, one opens
    INSERT INTO pg_temp.penetapan_kk
    SELECT DISTINCT k.no_kk FROM pg_temp.penetapan_masuk m JOIN dtks.keanggotaan k ON k.nik = m.nik AND upper_inf(k.berlaku)
     WHERE m.keluar IS NULL AND k.no_kk <> m.no_kk
    ON CONFLICT DO NOTHING;
    UPDATE dtks.keanggotaan k SET berlaku = daterange(lower(k.berlaku), greatest(m.sejak, lower(k.berlaku) + 1))
      FROM pg_temp.penetapan_masuk m
     WHERE m.keluar IS NULL AND k.nik = m.nik AND upper_inf(k.berlaku)
       AND (k.no_kk <> m.no_kk OR k.shdk <> coalesce(m.shdk, k.shdk));
    INSERT INTO dtks.keanggotaan (nik, no_kk, shdk, berlaku)
    SELECT m.nik, m.no_kk, m.shdk, daterange(m.sejak, NULL)
      FROM pg_temp.penetapan_masuk m
     WHERE m.keluar IS NULL AND m.shdk IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM dtks.keanggotaan k WHERE k.nik = m.nik AND k.no_kk = m.no_kk AND upper_inf(k.berlaku));
END
$$;
REVOKE ALL ON FUNCTION dtks.penetapan_terapkan(date, integer, text, text, text) FROM PUBLIC;
COMMENT ON FUNCTION dtks.penetapan_terapkan(date, integer, text, text, text) IS
    'Part of dtks.penetapan_jalankan: applies one round of the month''s usulan to the registry (baru adds the household, family and members; perbaikan corrects them and adds or ends members; penghentian ends members or the whole family with its reason)';

-- The families of the month in DTKS after it (an active KK with a current living member), scored
-- and placed in desil: all ranked again on the first month or a new model, else placed by the cut
-- points of the last full ranking.
CREATE FUNCTION dtks.penetapan_skor(bulan date, model text, acuan_desil date) RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, dtks, pg_temp
AS $$
DECLARE
    semua boolean := acuan_desil = bulan;
    n bigint;
BEGIN
    CREATE TEMP TABLE penetapan_keluarga_kini (no_kk dtks.no_kk PRIMARY KEY, rumah_tangga_id bigint,
                                               kode_wilayah dtks.kode_wilayah, skor double precision, desil smallint)
        ON COMMIT DROP;
    INSERT INTO pg_temp.penetapan_keluarga_kini (no_kk, rumah_tangga_id, kode_wilayah)
    SELECT f.no_kk, f.rumah_tangga_id, h.kode_wilayah
      FROM pg_temp.penetapan_kk t
      JOIN dtks.keluarga f ON f.no_kk = t.no_kk AND f.status = 'aktif'
      JOIN dtks.rumah_tangga h ON h.id = f.rumah_tangga_id
     WHERE EXISTS (SELECT 1 FROM dtks.keanggotaan m JOIN dtks.anggota a ON a.nik = m.nik
                    WHERE m.no_kk = f.no_kk AND upper_inf(m.berlaku) AND a.status_hidup = 'aktif');
    ANALYZE pg_temp.penetapan_keluarga_kini;
    IF semua THEN
        IF NOT EXISTS (SELECT 1 FROM dtks.skor_keluarga s WHERE s.versi = model AND s.dihitung = bulan AND s.lingkup = 'nasional') THEN
            PERFORM dtks.hitung_desil('nasional', model, bulan);
        END IF;
        UPDATE pg_temp.penetapan_keluarga_kini k SET skor = s.skor, desil = s.desil
          FROM dtks.skor_keluarga s
         WHERE s.no_kk = k.no_kk AND s.versi = model AND s.dihitung = bulan AND s.lingkup = 'nasional';
    ELSE
        -- what the scorer reads, for the touched families only (the same summary as dtks.skor_masukan), in one query
        -- (per family through the membership index: the month's families are few)
        WITH dinilai AS (
            SELECT f.no_kk,
                   dtks.skor_kesejahteraan(h, f, r.kepala,
                       ARRAY[r.jumlah, r.balita, r.sekolah, r.lansia, r.disabilitas, r.bekerja,
                             h.luas_lantai / nullif(r.jumlah, 0)]::integer[],
                       model) AS skor
              FROM pg_temp.penetapan_keluarga_kini t
              JOIN dtks.keluarga f ON f.no_kk = t.no_kk
              JOIN dtks.rumah_tangga h ON h.id = f.rumah_tangga_id
              CROSS JOIN LATERAL (
                  SELECT count(*) AS jumlah,
                         count(*) FILTER (WHERE a.tanggal_lahir > bulan - interval '5 years') AS balita,
                         count(*) FILTER (WHERE a.partisipasi_sekolah = 2) AS sekolah,
                         count(*) FILTER (WHERE a.tanggal_lahir <= bulan - interval '60 years') AS lansia,
                         count(*) FILTER (WHERE least(a.sulit_melihat, a.sulit_mendengar, a.sulit_berjalan, a.sulit_tangan,
                                                      a.sulit_belajar, a.sulit_perilaku, a.sulit_bicara,
                                                      a.sulit_mengurus_diri, a.sulit_mengingat) <= 2) AS disabilitas,
                         count(*) FILTER (WHERE a.bekerja) AS bekerja,
                         (array_agg(a) FILTER (WHERE m.shdk = 1))[1] AS kepala
                    FROM dtks.keanggotaan m JOIN dtks.anggota a ON a.nik = m.nik
                   WHERE m.no_kk = f.no_kk AND m.berlaku @> bulan AND a.status_hidup = 'aktif') r)
        UPDATE pg_temp.penetapan_keluarga_kini k SET skor = d.skor FROM dinilai d WHERE d.no_kk = k.no_kk;
        UPDATE pg_temp.penetapan_keluarga_kini k
           SET desil = coalesce((SELECT min(b.desil) FROM dtks.penetapan_desil_batas b
                                  WHERE b.acuan = penetapan_skor.acuan_desil AND b.versi = model AND k.skor <= b.skor_atas), 10)
         WHERE k.skor IS NOT NULL;
        INSERT INTO dtks.skor_keluarga (no_kk, versi, dihitung, lingkup, kode_lingkup, skor, desil)
        SELECT k.no_kk, model, bulan, 'nasional', NULL, k.skor, k.desil
          FROM pg_temp.penetapan_keluarga_kini k WHERE k.skor IS NOT NULL
        ON CONFLICT DO NOTHING;
    END IF;
    SELECT count(*) INTO n FROM pg_temp.penetapan_keluarga_kini k WHERE k.skor IS NOT NULL;
    RETURN n;
END
$$;
REVOKE ALL ON FUNCTION dtks.penetapan_skor(date, text, date) FROM PUBLIC;
COMMENT ON FUNCTION dtks.penetapan_skor(date, text, date) IS
    'Part of dtks.penetapan_jalankan: the touched families in DTKS after the month, with score and national desil (a full ranking when acuan_desil is the month itself, else the cut points of the ranking of acuan_desil); returns how many were scored';

-- End the presence rows that changed or left, open those that changed or entered, start and end
-- program memberships; keeps what it ended and opened for the monthly figures.
CREATE FUNCTION dtks.penetapan_selaraskan(bulan date, lalu date)
    RETURNS TABLE (keluarga_masuk bigint, keluarga_keluar bigint, anggota_masuk bigint, anggota_keluar bigint,
                   program_mulai bigint, program_selesai bigint)
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, dtks, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    tanpa record;
BEGIN
    -- why each family and member leaves, if it does: its own reason, else its family's, else lainnya
    CREATE TEMP TABLE penetapan_alasan_kk ON COMMIT DROP AS
    SELECT DISTINCT ON (a.no_kk) a.no_kk, a.alasan
      FROM pg_temp.penetapan_alasan a ORDER BY a.no_kk, (a.nik IS NULL) DESC, a.usulan DESC;
    CREATE TEMP TABLE penetapan_alasan_nik ON COMMIT DROP AS
    SELECT DISTINCT ON (a.nik) a.nik, a.alasan
      FROM pg_temp.penetapan_alasan a WHERE a.nik IS NOT NULL ORDER BY a.nik, a.usulan DESC;
    CREATE INDEX ON pg_temp.penetapan_alasan_nik (nik);
    CREATE INDEX ON pg_temp.penetapan_alasan_kk (no_kk);
    ANALYZE pg_temp.penetapan_alasan_nik, pg_temp.penetapan_alasan_kk;
    CREATE TEMP TABLE penetapan_usulan_kk ON COMMIT DROP AS
    SELECT u.no_kk, max(u.id) AS usulan FROM pg_temp.penetapan_usulan u GROUP BY u.no_kk;
    CREATE UNIQUE INDEX ON pg_temp.penetapan_usulan_kk (no_kk);
    ANALYZE pg_temp.penetapan_usulan_kk;

    -- members wanted: the current living members of the families in DTKS whose members may have changed
    CREATE TEMP TABLE penetapan_anggota_kini ON COMMIT DROP AS
    SELECT m.nik, m.no_kk, k.kode_wilayah, m.shdk, a.jenis_kelamin, a.tanggal_lahir
      FROM pg_temp.penetapan_keluarga_kini k
      JOIN pg_temp.penetapan_kk_anggota t ON t.no_kk = k.no_kk
      JOIN dtks.keanggotaan m ON m.no_kk = k.no_kk AND upper_inf(m.berlaku)
      JOIN dtks.anggota a ON a.nik = m.nik AND a.status_hidup = 'aktif';
    CREATE INDEX ON pg_temp.penetapan_anggota_kini (nik);
    ANALYZE pg_temp.penetapan_anggota_kini;

    -- families
    CREATE TEMP TABLE penetapan_keluarga_tutup ON COMMIT DROP AS
    WITH tutup AS (
        UPDATE dtks.penetapan_keluarga p
           SET berlaku = daterange(lower(p.berlaku), bulan),
               alasan_keluar = CASE WHEN NOT c.ada THEN coalesce(r.alasan, 'lainnya') END
          FROM (SELECT t.no_kk, k.no_kk IS NOT NULL AS ada, k.rumah_tangga_id, k.kode_wilayah, k.skor, k.desil
                  FROM pg_temp.penetapan_kk t LEFT JOIN pg_temp.penetapan_keluarga_kini k ON k.no_kk = t.no_kk) c
          LEFT JOIN pg_temp.penetapan_alasan_kk r ON r.no_kk = c.no_kk
         WHERE p.no_kk = c.no_kk AND upper_inf(p.berlaku)
           AND (NOT c.ada OR (c.rumah_tangga_id, c.kode_wilayah::text, c.skor, c.desil)
                              IS DISTINCT FROM (p.rumah_tangga_id, p.kode_wilayah::text, p.skor, p.desil))
        RETURNING p.no_kk, p.rumah_tangga_id, p.kode_wilayah, p.desil, p.alasan_keluar)
    SELECT * FROM tutup;
    CREATE INDEX ON pg_temp.penetapan_keluarga_tutup (no_kk);
    ANALYZE pg_temp.penetapan_keluarga_tutup;
    -- (which still have a current row is read before the insert: probing the table the insert grows
    -- would revisit its new rows for every row inserted)
    CREATE TEMP TABLE penetapan_keluarga_tetap ON COMMIT DROP AS
    SELECT k.no_kk FROM pg_temp.penetapan_keluarga_kini k
     WHERE EXISTS (SELECT 1 FROM dtks.penetapan_keluarga p WHERE p.no_kk = k.no_kk AND upper_inf(p.berlaku));
    CREATE UNIQUE INDEX ON pg_temp.penetapan_keluarga_tetap (no_kk);
    ANALYZE pg_temp.penetapan_keluarga_tetap;
    CREATE TEMP TABLE penetapan_keluarga_buka ON COMMIT DROP AS
    WITH buka AS (
        INSERT INTO dtks.penetapan_keluarga (no_kk, rumah_tangga_id, kode_wilayah, skor, desil, berlaku, usulan)
        SELECT k.no_kk, k.rumah_tangga_id, k.kode_wilayah, k.skor, k.desil, daterange(bulan, NULL), u.usulan
          FROM pg_temp.penetapan_keluarga_kini k
          LEFT JOIN pg_temp.penetapan_usulan_kk u ON u.no_kk = k.no_kk
          LEFT JOIN pg_temp.penetapan_keluarga_tetap x ON x.no_kk = k.no_kk
         WHERE x.no_kk IS NULL
        RETURNING no_kk, rumah_tangga_id, kode_wilayah, desil)
    SELECT b.*, NOT EXISTS (SELECT 1 FROM pg_temp.penetapan_keluarga_tutup x
                             WHERE x.no_kk = b.no_kk AND x.alasan_keluar IS NULL) AS masuk
      FROM buka b;

    -- members: those of the families whose members may have changed, and those now wanted (they may come from elsewhere)
    CREATE TEMP TABLE penetapan_anggota_tutup ON COMMIT DROP AS
    WITH calon AS (
        SELECT c.id, d.nik, d.no_kk, d.kode_wilayah, d.shdk, d.jenis_kelamin, d.tanggal_lahir
          FROM (SELECT p.id, p.nik FROM pg_temp.penetapan_kk_anggota t
                  JOIN dtks.penetapan_anggota p ON p.no_kk = t.no_kk AND upper_inf(p.berlaku)
                UNION
                SELECT p.id, p.nik FROM pg_temp.penetapan_anggota_kini d
                  JOIN dtks.penetapan_anggota p ON p.nik = d.nik AND upper_inf(p.berlaku)) c
          LEFT JOIN pg_temp.penetapan_anggota_kini d ON d.nik = c.nik),
    tutup AS (
        UPDATE dtks.penetapan_anggota p
           SET berlaku = daterange(lower(p.berlaku), bulan),
               alasan_keluar = CASE WHEN d.nik IS NULL
                                    THEN coalesce((SELECT a.alasan FROM pg_temp.penetapan_alasan_nik a WHERE a.nik = p.nik),
                                                  (SELECT r.alasan FROM pg_temp.penetapan_alasan_kk r WHERE r.no_kk = p.no_kk),
                                                  'lainnya') END
          FROM calon d
         WHERE p.id = d.id
           AND (d.nik IS NULL OR (d.no_kk::text, d.kode_wilayah::text, d.shdk, d.jenis_kelamin, d.tanggal_lahir)
                                  IS DISTINCT FROM (p.no_kk::text, p.kode_wilayah::text, p.shdk, p.jenis_kelamin, p.tanggal_lahir))
        RETURNING p.nik, p.kode_wilayah, p.jenis_kelamin, p.tanggal_lahir, p.alasan_keluar)
    SELECT * FROM tutup;
    CREATE INDEX ON pg_temp.penetapan_anggota_tutup (nik);
    ANALYZE pg_temp.penetapan_anggota_tutup;
    CREATE TEMP TABLE penetapan_anggota_tetap ON COMMIT DROP AS
    SELECT d.nik FROM pg_temp.penetapan_anggota_kini d
     WHERE EXISTS (SELECT 1 FROM dtks.penetapan_anggota p WHERE p.nik = d.nik AND upper_inf(p.berlaku));
    CREATE UNIQUE INDEX ON pg_temp.penetapan_anggota_tetap (nik);
    ANALYZE pg_temp.penetapan_anggota_tetap;
    CREATE TEMP TABLE penetapan_anggota_buka ON COMMIT DROP AS
    WITH buka AS (
        INSERT INTO dtks.penetapan_anggota (nik, no_kk, kode_wilayah, shdk, jenis_kelamin, tanggal_lahir, berlaku, usulan)
        SELECT d.nik, d.no_kk, d.kode_wilayah, d.shdk, d.jenis_kelamin, d.tanggal_lahir, daterange(bulan, NULL), u.usulan
          FROM pg_temp.penetapan_anggota_kini d
          LEFT JOIN pg_temp.penetapan_usulan_kk u ON u.no_kk = d.no_kk
          LEFT JOIN pg_temp.penetapan_anggota_tetap x ON x.nik = d.nik
         WHERE x.nik IS NULL
        RETURNING nik, kode_wilayah, jenis_kelamin, tanggal_lahir)
    SELECT b.*, NOT EXISTS (SELECT 1 FROM pg_temp.penetapan_anggota_tutup x
                             WHERE x.nik = b.nik AND x.alasan_keluar IS NULL) AS masuk
      FROM buka b;

    -- programs: a family that left ends them; a bansos usulan starts one
    SELECT u.id, u.program INTO tanpa
      FROM pg_temp.penetapan_usulan u
     WHERE u.jenis = 'bansos' AND NOT EXISTS (SELECT 1 FROM pg_temp.penetapan_keluarga_kini k WHERE k.no_kk = u.no_kk)
       AND NOT EXISTS (SELECT 1 FROM dtks.penetapan_keluarga p WHERE p.no_kk = u.no_kk AND upper_inf(p.berlaku)
                          AND NOT EXISTS (SELECT 1 FROM pg_temp.penetapan_kk t WHERE t.no_kk = u.no_kk))
     ORDER BY u.id LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'penetapan of %: usulan % (bansos) cannot be applied: the family is not in DTKS after the month', to_char(bulan, 'YYYY-MM'), tanpa.id
            USING ERRCODE = 'DTK05',
                  DETAIL = format('A program (%s) starts only for a family in DTKS; this month''s usulan end or do not add it. Nothing was determined.', tanpa.program);
    END IF;
    CREATE TEMP TABLE penetapan_program_tetap ON COMMIT DROP AS
    SELECT DISTINCT u.no_kk, u.program FROM pg_temp.penetapan_usulan u
     WHERE u.jenis = 'bansos'
       AND EXISTS (SELECT 1 FROM dtks.penetapan_program p WHERE p.no_kk = u.no_kk AND p.program = u.program AND upper_inf(p.berlaku));
    CREATE INDEX ON pg_temp.penetapan_program_tetap (no_kk, program);
    ANALYZE pg_temp.penetapan_program_tetap;
    CREATE TEMP TABLE penetapan_program_ubah ON COMMIT DROP AS
    WITH selesai AS (
        UPDATE dtks.penetapan_program p
           SET berlaku = daterange(lower(p.berlaku), bulan), alasan_selesai = t.alasan_keluar
          FROM pg_temp.penetapan_keluarga_tutup t
         WHERE p.no_kk = t.no_kk AND upper_inf(p.berlaku) AND t.alasan_keluar IS NOT NULL
        RETURNING p.no_kk, p.program, -1 AS n),
    mulai AS (
        INSERT INTO dtks.penetapan_program (no_kk, program, berlaku, usulan)
        SELECT DISTINCT ON (u.no_kk, u.program) u.no_kk, u.program, daterange(bulan, NULL), u.id
          FROM pg_temp.penetapan_usulan u
         WHERE u.jenis = 'bansos'
           AND NOT EXISTS (SELECT 1 FROM pg_temp.penetapan_program_tetap x WHERE x.no_kk = u.no_kk AND x.program = u.program)
         ORDER BY u.no_kk, u.program, u.id
        RETURNING no_kk, program, 1 AS n)
    SELECT * FROM selesai UNION ALL SELECT * FROM mulai;

    RETURN QUERY
    SELECT (SELECT count(*) FROM pg_temp.penetapan_keluarga_buka b WHERE b.masuk),
           (SELECT count(*) FROM pg_temp.penetapan_keluarga_tutup t WHERE t.alasan_keluar IS NOT NULL),
           (SELECT count(*) FROM pg_temp.penetapan_anggota_buka b WHERE b.masuk),
           (SELECT count(*) FROM pg_temp.penetapan_anggota_tutup t WHERE t.alasan_keluar IS NOT NULL),
           (SELECT count(*) FROM pg_temp.penetapan_program_ubah p WHERE p.n > 0),
           (SELECT count(*) FROM pg_temp.penetapan_program_ubah p WHERE p.n < 0);
END
$$;
REVOKE ALL ON FUNCTION dtks.penetapan_selaraskan(date, date) FROM PUBLIC;
COMMENT ON FUNCTION dtks.penetapan_selaraskan(date, date) IS
    'Part of dtks.penetapan_jalankan: ends the presence rows of families and members that changed or left (with the reason), opens those that changed or entered, ends the programs of families that left and starts the bansos ones; returns the counts';

-- The penetapan of a month, by the ministry.
CREATE FUNCTION dtks.tetapkan(periode date)
    RETURNS TABLE (periode date, usulan bigint, keluarga_masuk bigint, keluarga_keluar bigint,
                   anggota_masuk bigint, anggota_keluar bigint, program_mulai bigint, program_selesai bigint,
                   skor_dihitung bigint, desil_ulang boolean)
    AS 'MODULE_PATHNAME', 'tetapkan' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION dtks.tetapkan(date) IS
    'The monthly penetapan (pusat or a superuser; 42501 otherwise): every usulan dikirim for the month of periode or earlier becomes ditetapkan and is applied (baru adds the family and members, perbaikan corrects, penghentian ends with its reason, bansos starts the program); changed families are scored and placed in desil (all ranked again on the first month or a new model); presence periods and monthly figures are updated. A month once (23505), never before the last (DTK04); an usulan that cannot be applied refuses the month (DTK05); all or nothing';
GRANT EXECUTE ON FUNCTION dtks.tetapkan(date) TO dtks_pusat;

-- Offices read the presence history of their region; the figures are for everyone (86_penetapan_bi.sql).
GRANT SELECT ON dtks.penetapan, dtks.penetapan_keluarga, dtks.penetapan_anggota, dtks.penetapan_program,
                dtks.penetapan_desil_batas
    TO dtks_desa, dtks_kabkota, dtks_provinsi, dtks_pusat, dtks_pt;
ALTER TABLE dtks.penetapan_keluarga ENABLE ROW LEVEL SECURITY;
CREATE POLICY wilayah_petugas ON dtks.penetapan_keluarga FOR SELECT
    USING ((SELECT dtks.petugas_nasional()) OR kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas()));
COMMENT ON POLICY wilayah_petugas ON dtks.penetapan_keluarga IS 'Families in DTKS inside the office''s region (every region for pusat and pt)';
ALTER TABLE dtks.penetapan_anggota ENABLE ROW LEVEL SECURITY;
CREATE POLICY wilayah_petugas ON dtks.penetapan_anggota FOR SELECT
    USING ((SELECT dtks.petugas_nasional()) OR kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas()));
COMMENT ON POLICY wilayah_petugas ON dtks.penetapan_anggota IS 'Members in DTKS inside the office''s region (every region for pusat and pt)';
ALTER TABLE dtks.penetapan_program ENABLE ROW LEVEL SECURITY;
CREATE POLICY wilayah_petugas ON dtks.penetapan_program FOR SELECT
    USING (EXISTS (SELECT 1 FROM dtks.penetapan_keluarga k WHERE k.no_kk OPERATOR(dtks.=) penetapan_program.no_kk));
COMMENT ON POLICY wilayah_petugas ON dtks.penetapan_program IS 'Program memberships of the families the office sees';
GRANT EXECUTE ON FUNCTION dtks.penetapan_pada(date, dtks.kode_wilayah) TO dtks_desa, dtks_kabkota, dtks_provinsi, dtks_pusat, dtks_pt;
-- The monthly figures per region, kept as each month is determined (never a recount of the
-- registry).  A region's row is written only by a month that changed it: it holds the figures
-- from its month until the region's next row, and what that month changed (entries, exits by
-- reason).  So a month writes a row per region it touched, not per region of the country, and
-- the BI views (86_penetapan_bi.sql) expand the rows into one per month and region.

-- The figures per region at every level, from the month a penetapan changed them.
CREATE TABLE dtks.penetapan_agregat (
    kode_wilayah dtks.kode_wilayah NOT NULL,
    tingkat smallint NOT NULL CHECK (tingkat BETWEEN 1 AND 4),
    mulai date NOT NULL CONSTRAINT penetapan_agregat_awal_bulan CHECK (extract(day FROM mulai) = 1),
    keluarga bigint NOT NULL DEFAULT 0,
    anggota bigint NOT NULL DEFAULT 0,
    rumah_tangga bigint NOT NULL DEFAULT 0,
    desil_1 bigint NOT NULL DEFAULT 0,
    desil_2 bigint NOT NULL DEFAULT 0,
    desil_3 bigint NOT NULL DEFAULT 0,
    desil_4 bigint NOT NULL DEFAULT 0,
    desil_5 bigint NOT NULL DEFAULT 0,
    desil_6 bigint NOT NULL DEFAULT 0,
    desil_7 bigint NOT NULL DEFAULT 0,
    desil_8 bigint NOT NULL DEFAULT 0,
    desil_9 bigint NOT NULL DEFAULT 0,
    desil_10 bigint NOT NULL DEFAULT 0,
    desil_kosong bigint NOT NULL DEFAULT 0,
    laki_laki bigint NOT NULL DEFAULT 0,
    perempuan bigint NOT NULL DEFAULT 0,
    umur_0_5 bigint NOT NULL DEFAULT 0,
    umur_6_17 bigint NOT NULL DEFAULT 0,
    umur_18_59 bigint NOT NULL DEFAULT 0,
    umur_60_lebih bigint NOT NULL DEFAULT 0,
    program jsonb NOT NULL DEFAULT '{}',
    keluarga_masuk bigint NOT NULL DEFAULT 0,
    keluarga_keluar_meninggal bigint NOT NULL DEFAULT 0,
    keluarga_keluar_pindah bigint NOT NULL DEFAULT 0,
    keluarga_keluar_mampu bigint NOT NULL DEFAULT 0,
    keluarga_keluar_ganda bigint NOT NULL DEFAULT 0,
    keluarga_keluar_lainnya bigint NOT NULL DEFAULT 0,
    anggota_masuk bigint NOT NULL DEFAULT 0,
    anggota_keluar_meninggal bigint NOT NULL DEFAULT 0,
    anggota_keluar_pindah bigint NOT NULL DEFAULT 0,
    anggota_keluar_mampu bigint NOT NULL DEFAULT 0,
    anggota_keluar_ganda bigint NOT NULL DEFAULT 0,
    anggota_keluar_lainnya bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (kode_wilayah, mulai)
);
COMMENT ON TABLE dtks.penetapan_agregat IS
    'DTKS figures per region (desa, kecamatan, kab/kota, provinsi), written by dtks.tetapkan for each region a month changed: the figures hold from mulai until the region''s next row; the counts of entries and exits are those of the month mulai. Read through dtks.v_penetapan_bulanan and dtks.v_penetapan_perubahan';
COMMENT ON COLUMN dtks.penetapan_agregat.kode_wilayah IS 'The region';
COMMENT ON COLUMN dtks.penetapan_agregat.tingkat IS 'Its level: 1 provinsi, 2 kab/kota, 3 kecamatan, 4 desa/kelurahan';
COMMENT ON COLUMN dtks.penetapan_agregat.mulai IS 'The month whose penetapan wrote the row: the figures hold from it until the region''s next row';
COMMENT ON COLUMN dtks.penetapan_agregat.program IS 'Families per program: {"PKH": n, ...} (programs with none are left out)';
COMMENT ON COLUMN dtks.penetapan_agregat.keluarga IS 'Families in DTKS';
COMMENT ON COLUMN dtks.penetapan_agregat.anggota IS 'Members in DTKS';
COMMENT ON COLUMN dtks.penetapan_agregat.rumah_tangga IS 'Households with a family in DTKS';
COMMENT ON COLUMN dtks.penetapan_agregat.desil_1 IS 'Families in national desil 1';
COMMENT ON COLUMN dtks.penetapan_agregat.desil_2 IS 'Families in national desil 2';
COMMENT ON COLUMN dtks.penetapan_agregat.desil_3 IS 'Families in national desil 3';
COMMENT ON COLUMN dtks.penetapan_agregat.desil_4 IS 'Families in national desil 4';
COMMENT ON COLUMN dtks.penetapan_agregat.desil_5 IS 'Families in national desil 5';
COMMENT ON COLUMN dtks.penetapan_agregat.desil_6 IS 'Families in national desil 6';
COMMENT ON COLUMN dtks.penetapan_agregat.desil_7 IS 'Families in national desil 7';
COMMENT ON COLUMN dtks.penetapan_agregat.desil_8 IS 'Families in national desil 8';
COMMENT ON COLUMN dtks.penetapan_agregat.desil_9 IS 'Families in national desil 9';
COMMENT ON COLUMN dtks.penetapan_agregat.desil_10 IS 'Families in national desil 10';
COMMENT ON COLUMN dtks.penetapan_agregat.desil_kosong IS 'Families without a score';
COMMENT ON COLUMN dtks.penetapan_agregat.laki_laki IS 'Male members';
COMMENT ON COLUMN dtks.penetapan_agregat.perempuan IS 'Female members';
COMMENT ON COLUMN dtks.penetapan_agregat.umur_0_5 IS 'Members aged 0-5 on the first day of the month';
COMMENT ON COLUMN dtks.penetapan_agregat.umur_6_17 IS 'Members aged 6-17';
COMMENT ON COLUMN dtks.penetapan_agregat.umur_18_59 IS 'Members aged 18-59';
COMMENT ON COLUMN dtks.penetapan_agregat.umur_60_lebih IS 'Members aged 60 or more';
COMMENT ON COLUMN dtks.penetapan_agregat.keluarga_masuk IS 'Families that entered DTKS in the month this row starts';
COMMENT ON COLUMN dtks.penetapan_agregat.keluarga_keluar_meninggal IS 'Families that left in that month: died';
COMMENT ON COLUMN dtks.penetapan_agregat.keluarga_keluar_pindah IS 'Families that left in that month: moved away';
COMMENT ON COLUMN dtks.penetapan_agregat.keluarga_keluar_mampu IS 'Families that left in that month: no longer poor';
COMMENT ON COLUMN dtks.penetapan_agregat.keluarga_keluar_ganda IS 'Families that left in that month: duplicate';
COMMENT ON COLUMN dtks.penetapan_agregat.keluarga_keluar_lainnya IS 'Families that left in that month: another reason';
COMMENT ON COLUMN dtks.penetapan_agregat.anggota_masuk IS 'Members that entered DTKS in that month';
COMMENT ON COLUMN dtks.penetapan_agregat.anggota_keluar_meninggal IS 'Members that left in that month: died';
COMMENT ON COLUMN dtks.penetapan_agregat.anggota_keluar_pindah IS 'Members that left in that month: moved away';
COMMENT ON COLUMN dtks.penetapan_agregat.anggota_keluar_mampu IS 'Members that left in that month: their family no longer poor';
COMMENT ON COLUMN dtks.penetapan_agregat.anggota_keluar_ganda IS 'Members that left in that month: duplicate';
COMMENT ON COLUMN dtks.penetapan_agregat.anggota_keluar_lainnya IS 'Members that left in that month: another reason (e.g. left the family)';
COMMENT ON INDEX dtks.penetapan_agregat_pkey IS 'A region''s rows by month: the row in force in a month is the latest not after it';
COMMENT ON CONSTRAINT penetapan_agregat_awal_bulan ON dtks.penetapan_agregat IS 'A month is named by its first day';
SELECT pg_catalog.pg_extension_config_dump('dtks.penetapan_agregat'::regclass, '');

-- Add two {"key": count} objects key by key, leaving out the keys that come to zero.
CREATE FUNCTION dtks.jumlah_per_kunci(a jsonb, b jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT coalesce(jsonb_object_agg(x.key, x.n ORDER BY x.key) FILTER (WHERE x.n <> 0), '{}')
      FROM (SELECT e.key, sum(e.value::bigint) AS n
              FROM (SELECT * FROM jsonb_each_text(a) UNION ALL SELECT * FROM jsonb_each_text(b)) e
             GROUP BY e.key) x;
END;
COMMENT ON FUNCTION dtks.jumlah_per_kunci(jsonb, jsonb) IS
    'Add two {"key": count} objects key by key (keys that come to zero are left out); the per-program figures of dtks.penetapan_agregat';

-- This month's rows: for each region the month touched (at every level), the figures of its
-- latest row plus the changes, and the month's entries and exits.
CREATE FUNCTION dtks.penetapan_agregat_hitung(bulan date, lalu date) RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, dtks, pg_temp
    SET work_mem = '64MB'
AS $$
DECLARE
    angka text[];
    ubah text[];
    kolom text;
BEGIN
    -- the measures: figures, and the month's entries and exits (named *_masuk, *_keluar_*)
    SELECT array_agg(a.attname::text ORDER BY a.attnum) FILTER (WHERE a.attname !~ '_(masuk|keluar_[a-z]+)$'),
           array_agg(a.attname::text ORDER BY a.attnum) FILTER (WHERE a.attname ~ '_(masuk|keluar_[a-z]+)$')
      INTO angka, ubah
      FROM pg_catalog.pg_attribute a
     WHERE a.attrelid = 'dtks.penetapan_agregat'::regclass AND a.attnum > 0 AND NOT a.attisdropped
       AND a.atttypid = 'bigint'::regtype;
    -- the table's columns in its order: the new rows are built in it
    kolom := (SELECT string_agg(quote_ident(u), ', ')
                FROM unnest(ARRAY['kode_wilayah', 'tingkat', 'mulai'] || angka || 'program'::text || ubah) u);

    -- the month's changes per desa: -1 for what was counted last month, +1 for what counts now
    CREATE TEMP TABLE penetapan_ubah ON COMMIT DROP AS
    WITH rt_ubah AS (
        SELECT t.rumah_tangga_id AS id FROM pg_temp.penetapan_keluarga_tutup t
        UNION SELECT b.rumah_tangga_id FROM pg_temp.penetapan_keluarga_buka b),
    program_kk AS (
        SELECT t.no_kk FROM pg_temp.penetapan_keluarga_tutup t
        UNION SELECT b.no_kk FROM pg_temp.penetapan_keluarga_buka b
        UNION SELECT p.no_kk FROM pg_temp.penetapan_program_ubah p)
    -- families
    SELECT t.kode_wilayah, u.ukuran, u.n
      FROM pg_temp.penetapan_keluarga_tutup t,
           LATERAL (VALUES ('keluarga', -1), ('desil_' || coalesce(t.desil::text, 'kosong'), -1),
                           ('keluarga_keluar_' || t.alasan_keluar, 1)) u(ukuran, n)
     WHERE u.ukuran IS NOT NULL
    UNION ALL
    SELECT b.kode_wilayah, u.ukuran, u.n
      FROM pg_temp.penetapan_keluarga_buka b,
           LATERAL (VALUES ('keluarga', 1), ('desil_' || coalesce(b.desil::text, 'kosong'), 1),
                           (CASE WHEN b.masuk THEN 'keluarga_masuk' END, 1)) u(ukuran, n)
     WHERE u.ukuran IS NOT NULL
    -- members
    UNION ALL
    SELECT t.kode_wilayah, u.ukuran, u.n
      FROM pg_temp.penetapan_anggota_tutup t,
           LATERAL (VALUES ('anggota', -1), (CASE t.jenis_kelamin WHEN 'L' THEN 'laki_laki' ELSE 'perempuan' END, -1),
                           ('umur_' || dtks.kelompok_umur(t.tanggal_lahir, lalu), -1),
                           ('anggota_keluar_' || t.alasan_keluar, 1)) u(ukuran, n)
     WHERE u.ukuran IS NOT NULL
    UNION ALL
    SELECT b.kode_wilayah, u.ukuran, u.n
      FROM pg_temp.penetapan_anggota_buka b,
           LATERAL (VALUES ('anggota', 1), (CASE b.jenis_kelamin WHEN 'L' THEN 'laki_laki' ELSE 'perempuan' END, 1),
                           ('umur_' || dtks.kelompok_umur(b.tanggal_lahir, bulan), 1),
                           (CASE WHEN b.masuk THEN 'anggota_masuk' END, 1)) u(ukuran, n)
     WHERE u.ukuran IS NOT NULL
    -- members who stayed and crossed an age band (6, 18 or 60) since last month
    UNION ALL
    SELECT a.kode_wilayah, u.ukuran, u.n
      FROM dtks.penetapan_anggota a,
           LATERAL (VALUES ('umur_' || dtks.kelompok_umur(a.tanggal_lahir, lalu), -1),
                           ('umur_' || dtks.kelompok_umur(a.tanggal_lahir, bulan), 1)) u(ukuran, n)
     WHERE lalu IS NOT NULL AND upper_inf(a.berlaku) AND lower(a.berlaku) < bulan
       AND (a.tanggal_lahir BETWEEN (lalu - interval '6 years' - interval '1 day')::date AND (bulan - interval '6 years')::date
            OR a.tanggal_lahir BETWEEN (lalu - interval '18 years' - interval '1 day')::date AND (bulan - interval '18 years')::date
            OR a.tanggal_lahir BETWEEN (lalu - interval '60 years' - interval '1 day')::date AND (bulan - interval '60 years')::date)
       AND dtks.kelompok_umur(a.tanggal_lahir, lalu) <> dtks.kelompok_umur(a.tanggal_lahir, bulan)
    -- households with a family in DTKS, before and after, for the households touched
    UNION ALL
    SELECT x.kode_wilayah, 'rumah_tangga', -1
      FROM (SELECT DISTINCT p.rumah_tangga_id, p.kode_wilayah
              FROM rt_ubah r JOIN dtks.penetapan_keluarga p ON p.rumah_tangga_id = r.id AND p.berlaku @> lalu) x
    UNION ALL
    SELECT x.kode_wilayah, 'rumah_tangga', 1
      FROM (SELECT DISTINCT p.rumah_tangga_id, p.kode_wilayah
              FROM rt_ubah r JOIN dtks.penetapan_keluarga p ON p.rumah_tangga_id = r.id AND p.berlaku @> bulan) x
    -- programs of the families touched, where they were and where they are
    UNION ALL
    SELECT k.kode_wilayah, 'program:' || p.program, -1
      FROM program_kk c
      JOIN dtks.penetapan_program p ON p.no_kk = c.no_kk AND p.berlaku @> lalu
      JOIN dtks.penetapan_keluarga k ON k.no_kk = c.no_kk AND k.berlaku @> lalu
    UNION ALL
    SELECT k.kode_wilayah, 'program:' || p.program, 1
      FROM program_kk c
      JOIN dtks.penetapan_program p ON p.no_kk = c.no_kk AND p.berlaku @> bulan
      JOIN dtks.penetapan_keluarga k ON k.no_kk = c.no_kk AND k.berlaku @> bulan;

    -- per desa, every measure a column (a desa whose only change is a program gets zeros); a
    -- month's change in one desa fits an integer, whose sums add up in bigint without numeric
    EXECUTE format($q$
        CREATE TEMP TABLE penetapan_ubah_desa ON COMMIT DROP AS
        SELECT w.kode_wilayah AS kode, %s
          FROM (SELECT d.kode_wilayah, d.ukuran, sum(d.n) AS n FROM pg_temp.penetapan_ubah d GROUP BY 1, 2) w
         GROUP BY w.kode_wilayah$q$,
        (SELECT string_agg(format('coalesce(sum(w.n) FILTER (WHERE w.ukuran = %L), 0)::integer AS %I', u, u), ', ')
           FROM unnest(angka || ubah) u));
    -- the program counts per region at every level, as {"program": change}
    CREATE TEMP TABLE penetapan_ubah_program ON COMMIT DROP AS
    SELECT x.kode, jsonb_object_agg(x.program, x.n) AS program
      FROM (SELECT dtks.leluhur(d.kode_wilayah, t) AS kode, substr(d.ukuran, 9) AS program, sum(d.n) AS n
              FROM pg_temp.penetapan_ubah d, generate_series(1, 4) t
             WHERE d.ukuran LIKE 'program:%'
             GROUP BY 1, 2 HAVING sum(d.n) <> 0) x
     GROUP BY x.kode;
    CREATE UNIQUE INDEX ON pg_temp.penetapan_ubah_program (kode);
    ANALYZE pg_temp.penetapan_ubah_program;

    -- every region touched: its latest row plus the changes, where anything changed (computed
    -- before the insert: a probe of the table an insert grows would revisit its new rows)
    EXECUTE format($q$
        CREATE TEMP TABLE penetapan_agregat_baru ON COMMIT DROP AS
        SELECT w.kode AS kode_wilayah, w.tingkat, %5$L::date AS mulai, %1$s,
               CASE WHEN g.program IS NULL THEN coalesce(a.program, '{}')
                    ELSE dtks.jumlah_per_kunci(coalesce(a.program, '{}'), g.program) END AS program,
               %2$s
          FROM (SELECT dtks.leluhur(d.kode, t) AS kode, t::smallint AS tingkat, %3$s
                  FROM pg_temp.penetapan_ubah_desa d, generate_series(1, 4) t
                 GROUP BY 1, 2) w
          LEFT JOIN pg_temp.penetapan_ubah_program g ON g.kode = w.kode
          LEFT JOIN LATERAL (SELECT * FROM dtks.penetapan_agregat x WHERE x.kode_wilayah = w.kode
                              ORDER BY x.mulai DESC LIMIT 1) a ON true
         WHERE a.kode_wilayah IS NULL OR g.program IS NOT NULL OR %4$s$q$,
        (SELECT string_agg(format('coalesce(a.%1$I, 0) + w.%1$I AS %1$I', u), ', ') FROM unnest(angka) u),
        (SELECT string_agg(format('w.%1$I', u), ', ') FROM unnest(ubah) u),
        (SELECT string_agg(format('sum(d.%1$I) AS %1$I', u), ', ') FROM unnest(angka || ubah) u),
        (SELECT string_agg(format('w.%I <> 0', u), ' OR ') FROM unnest(angka || ubah) u),
        bulan);
    EXECUTE format('INSERT INTO dtks.penetapan_agregat (%1$s) SELECT %1$s FROM pg_temp.penetapan_agregat_baru', kolom);
    DROP TABLE pg_temp.penetapan_ubah, pg_temp.penetapan_ubah_desa, pg_temp.penetapan_ubah_program, pg_temp.penetapan_agregat_baru;
END
$$;
REVOKE ALL ON FUNCTION dtks.penetapan_agregat_hitung(date, date) FROM PUBLIC;
COMMENT ON FUNCTION dtks.penetapan_agregat_hitung(date, date) IS
    'Part of dtks.penetapan_jalankan: writes a row for each region (every level) the month changed: its latest figures plus the changes (rows ended count out at last month''s values, rows opened count in, members who crossed an age band move), with the month''s entries and exits';
-- Penggunaan: other agencies' use of DTKS data (Keputusan Wali Kota Bekasi 2023, juknis IKST,
-- "penggunaan" items 10-11): a written request (dtks.permohonan_data) to the Dinas Sosial, the
-- handover with a berita acara serah terima (dtks.berita_acara_serah_terima), and a laporan hasil
-- pemanfaatan (dtks.laporan_pemanfaatan) naming at least the NIK, name and address of every
-- recipient.  "Apabila belum menyampaikan laporan hasil pemanfaatan ... maka Permohonan
-- selanjutnya tidak diberikan": the database refuses a new request, its approval, its handover
-- and its export while the agency holds handed-over data it has not reported on.
--
-- A request: diajukan -> disetujui | ditolak; disetujui -> diserahkan (the berita acara takes the
-- step); diserahkan -> dilaporkan (the laporan takes the step).  It is handled by the kab/kota
-- Dinas Sosial whose region holds the request's region, by the ministry (pusat), or a superuser.
-- dtks.ekspor_data gives an approved request exactly its fields of the DTKS members of its region
-- in the latest determined month, and logs every export in dtks.ekspor_log.
--
-- SQLSTATEs of this file (DTK01-DTK03 are the usulan's, DTK04-DTK05 the penetapan's):
--   DTK06  the agency has not reported on data handed over to it (the rule above)
--   DTK07  a requested field is not in the export catalogue (dtks.ekspor_kolom)
--   DTK08  not a step of the permohonan process (or a new permohonan not starting as diajukan)
--   DTK09  the permohonan cannot change: its agency never, its content once decided, the
--          process columns by hand
--   DTK10  the permohonan is not open for export (not approved, or already closed)
-- and standard ones: 42501 another office or region, 23514 a step without what it needs, 23503
-- an unknown region, 42704 an unknown permohonan, 55000 no month determined yet.

-- The fields an agency may ask for, fixed by the extension (like dtks.usulan_langkah).
CREATE TABLE dtks.ekspor_kolom (
    kolom text PRIMARY KEY,
    urutan smallint NOT NULL UNIQUE,
    sumber text NOT NULL,
    pribadi boolean NOT NULL,
    keterangan text NOT NULL
);
COMMENT ON TABLE dtks.ekspor_kolom IS
    'The export catalogue: the fields a permohonan may ask for (fixed by the extension); dtks.ekspor_data builds each row with these keys and keeps only the requested ones';
COMMENT ON COLUMN dtks.ekspor_kolom.kolom IS 'The key of the field in the exported JSON object';
COMMENT ON COLUMN dtks.ekspor_kolom.urutan IS 'Order of the field (a request''s fields are kept in this order)';
COMMENT ON COLUMN dtks.ekspor_kolom.sumber IS 'Where the value comes from';
COMMENT ON COLUMN dtks.ekspor_kolom.pribadi IS 'Whether the field identifies a person (personal data: NIK, KK, name, birth date, address)';
COMMENT ON COLUMN dtks.ekspor_kolom.keterangan IS 'What the field holds';
COMMENT ON INDEX dtks.ekspor_kolom_pkey IS 'One row per field';
COMMENT ON INDEX dtks.ekspor_kolom_urutan_key IS 'One field per position';
REVOKE ALL ON dtks.ekspor_kolom FROM PUBLIC;
INSERT INTO dtks.ekspor_kolom (kolom, urutan, sumber, pribadi, keterangan) VALUES
    ('nik', 1, 'dtks.penetapan_pada: nik', true, 'NIK of the member'),
    ('no_kk', 2, 'dtks.penetapan_pada: no_kk', true, 'KK number of the member''s family'),
    ('nama', 3, 'dtks.anggota.nama', true, 'Name as on the KK'),
    ('jenis_kelamin', 4, 'dtks.penetapan_pada: jenis_kelamin', false, 'L or P'),
    ('tanggal_lahir', 5, 'dtks.penetapan_pada: tanggal_lahir', true, 'Date of birth (YYYY-MM-DD)'),
    ('shdk', 6, 'dtks.penetapan_pada: shdk', false, 'Relationship to the kepala keluarga (1 kepala keluarga ... 11 lainnya)'),
    ('alamat', 7, 'dtks.rumah_tangga.alamat', true, 'Street address of the household'),
    ('rt', 8, 'dtks.rumah_tangga.rt', false, 'Rukun tetangga'),
    ('rw', 9, 'dtks.rumah_tangga.rw', false, 'Rukun warga'),
    ('kode_wilayah', 10, 'dtks.penetapan_pada: kode_wilayah', false, 'Kemendagri code of the desa/kelurahan'),
    ('nama_desa', 11, 'dtks.wilayah.nama (level 4)', false, 'Name of the desa/kelurahan'),
    ('nama_kecamatan', 12, 'dtks.wilayah.nama (level 3)', false, 'Name of the kecamatan'),
    ('nama_kabkota', 13, 'dtks.wilayah.nama (level 2)', false, 'Name of the kabupaten/kota'),
    ('rumah_tangga_id', 14, 'dtks.penetapan_pada: rumah_tangga_id', false, 'The household (to group members by dwelling)'),
    ('desil', 15, 'dtks.penetapan_pada: desil', false, 'Welfare desil of the family in the month (1 poorest ... 10)'),
    ('program', 16, 'dtks.penetapan_pada: program', false, 'Programs the family is in that month (codes of dtks.program)');

-- The requesting agencies.  A request names a registered agency by id, so that "the same agency"
-- is one row however its name is typed; the normalised name keeps one row per agency.
CREATE TABLE dtks.instansi (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    nama text NOT NULL CONSTRAINT instansi_nama_isi CHECK (pg_catalog.btrim(nama) <> ''),
    nama_kunci text NOT NULL GENERATED ALWAYS AS
        (pg_catalog.btrim(pg_catalog.upper(pg_catalog.regexp_replace(nama, '[^[:alnum:]]+', ' ', 'g')))) STORED,
    jenis text NOT NULL CONSTRAINT instansi_jenis CHECK (jenis IN ('perangkat_daerah', 'instansi_pusat', 'lembaga', 'masyarakat')),
    keterangan text,
    dicatat timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    dicatat_oleh name NOT NULL DEFAULT CURRENT_USER,
    CONSTRAINT instansi_nama_kunci_unik UNIQUE (nama_kunci)
);
COMMENT ON TABLE dtks.instansi IS
    'Agencies (and persons) that ask for DTKS data; every permohonan names one, and the reporting rule (DTK06) holds per agency across all regions';
COMMENT ON COLUMN dtks.instansi.id IS 'The agency';
COMMENT ON COLUMN dtks.instansi.nama IS 'Its name as written';
COMMENT ON COLUMN dtks.instansi.nama_kunci IS 'The name upper-cased, punctuation and repeated spaces folded to one space: one agency per key';
COMMENT ON COLUMN dtks.instansi.jenis IS
    'perangkat_daerah (a local government office), instansi_pusat (a ministry or national agency), lembaga (another institution or organisation), masyarakat (a member of the public): the users of juknis item 9';
COMMENT ON COLUMN dtks.instansi.keterangan IS 'Address, contact or other notes';
COMMENT ON COLUMN dtks.instansi.dicatat IS 'When it was registered';
COMMENT ON COLUMN dtks.instansi.dicatat_oleh IS 'Who registered it';
COMMENT ON CONSTRAINT instansi_nama_isi ON dtks.instansi IS 'A name is not blank';
COMMENT ON CONSTRAINT instansi_jenis ON dtks.instansi IS 'The kinds of user of juknis item 9';
COMMENT ON INDEX dtks.instansi_pkey IS 'One row per agency';
COMMENT ON INDEX dtks.instansi_nama_kunci_unik IS 'One agency per normalised name';
COMMENT ON SEQUENCE dtks.instansi_id_seq IS 'Agency ids';
SELECT pg_catalog.pg_extension_config_dump('dtks.instansi'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.instansi_id_seq'::regclass, '');

-- The written requests.
CREATE TABLE dtks.permohonan_data (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    instansi bigint NOT NULL REFERENCES dtks.instansi (id),
    nomor_surat text NOT NULL CONSTRAINT permohonan_data_nomor_isi CHECK (pg_catalog.btrim(nomor_surat) <> ''),
    tanggal_surat date NOT NULL,
    tujuan text NOT NULL CONSTRAINT permohonan_data_tujuan CHECK (tujuan IN (
        'bantuan_sosial', 'subsidi', 'pemberdayaan_sosial', 'penanganan_fakir_miskin', 'rehabilitasi_sosial',
        'jaminan_sosial', 'perlindungan_sosial', 'perencanaan', 'penelitian', 'lainnya')),
    uraian text,
    kode_wilayah dtks.kode_wilayah NOT NULL,
    kolom text[] NOT NULL
        CONSTRAINT permohonan_data_kolom_isi CHECK (pg_catalog.cardinality(kolom) > 0 AND pg_catalog.array_position(kolom, NULL) IS NULL),
    status text NOT NULL DEFAULT 'diajukan'
        CONSTRAINT permohonan_data_status CHECK (status IN ('diajukan', 'disetujui', 'ditolak', 'diserahkan', 'dilaporkan')),
    alasan text,
    dicatat timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    dicatat_oleh name NOT NULL DEFAULT CURRENT_USER,
    diputuskan timestamptz,
    diputuskan_oleh name,
    CONSTRAINT permohonan_data_lainnya_diuraikan CHECK (tujuan <> 'lainnya' OR uraian IS NOT NULL),
    CONSTRAINT permohonan_data_ditolak_beralasan CHECK (status <> 'ditolak' OR alasan IS NOT NULL),
    CONSTRAINT permohonan_data_diputuskan CHECK ((status = 'diajukan') = (diputuskan IS NULL AND diputuskan_oleh IS NULL))
);
COMMENT ON TABLE dtks.permohonan_data IS
    'Written requests for DTKS data (juknis penggunaan item 10); every change is checked by dtks.permohonan_periksa: the steps diajukan -> disetujui | ditolak, disetujui -> diserahkan (berita acara), diserahkan -> dilaporkan (laporan), by the office of the region, and the reporting rule (DTK06)';
COMMENT ON COLUMN dtks.permohonan_data.id IS 'The permohonan';
COMMENT ON COLUMN dtks.permohonan_data.instansi IS 'The requesting agency (never changes)';
COMMENT ON COLUMN dtks.permohonan_data.nomor_surat IS 'Number of the request letter';
COMMENT ON COLUMN dtks.permohonan_data.tanggal_surat IS 'Date of the request letter';
COMMENT ON COLUMN dtks.permohonan_data.tujuan IS
    'Purpose: bantuan_sosial, subsidi, pemberdayaan_sosial, penanganan_fakir_miskin (juknis item 11), rehabilitasi_sosial, jaminan_sosial, perlindungan_sosial (UU 11/2009), perencanaan, penelitian or lainnya (described in uraian)';
COMMENT ON COLUMN dtks.permohonan_data.uraian IS 'The program or use the data is for, in the letter''s words';
COMMENT ON COLUMN dtks.permohonan_data.kode_wilayah IS 'The region asked for (any level; a region of dtks.wilayah when recorded)';
COMMENT ON COLUMN dtks.permohonan_data.kolom IS 'The fields asked for, from dtks.ekspor_kolom (kept without duplicates, in catalogue order)';
COMMENT ON COLUMN dtks.permohonan_data.status IS 'diajukan, disetujui, ditolak, diserahkan (handed over, report due) or dilaporkan (reported: closed)';
COMMENT ON COLUMN dtks.permohonan_data.alasan IS 'Why it was refused (needed for ditolak)';
COMMENT ON COLUMN dtks.permohonan_data.dicatat IS 'When it was recorded (set by the process)';
COMMENT ON COLUMN dtks.permohonan_data.dicatat_oleh IS 'The role that recorded it (set by the process)';
COMMENT ON COLUMN dtks.permohonan_data.diputuskan IS 'When it was approved or refused (set by the process)';
COMMENT ON COLUMN dtks.permohonan_data.diputuskan_oleh IS 'The role that approved or refused it (set by the process)';
COMMENT ON CONSTRAINT permohonan_data_nomor_isi ON dtks.permohonan_data IS 'A letter number is not blank';
COMMENT ON CONSTRAINT permohonan_data_tujuan ON dtks.permohonan_data IS 'The purposes of juknis item 11, UU 11/2009, planning, research, or other';
COMMENT ON CONSTRAINT permohonan_data_kolom_isi ON dtks.permohonan_data IS 'At least one field, none NULL';
COMMENT ON CONSTRAINT permohonan_data_status ON dtks.permohonan_data IS 'The statuses of a permohonan';
COMMENT ON CONSTRAINT permohonan_data_lainnya_diuraikan ON dtks.permohonan_data IS 'An other purpose is described';
COMMENT ON CONSTRAINT permohonan_data_ditolak_beralasan ON dtks.permohonan_data IS 'A refusal has a reason';
COMMENT ON CONSTRAINT permohonan_data_diputuskan ON dtks.permohonan_data IS 'Exactly a decided permohonan has its decision time and role';
COMMENT ON INDEX dtks.permohonan_data_pkey IS 'One row per permohonan';
COMMENT ON SEQUENCE dtks.permohonan_data_id_seq IS 'Permohonan numbers';
CREATE INDEX permohonan_data_instansi ON dtks.permohonan_data (instansi, status);
COMMENT ON INDEX dtks.permohonan_data_instansi IS 'The permohonan of an agency in a status (the reporting rule reads them)';
CREATE INDEX permohonan_data_wilayah ON dtks.permohonan_data (kode_wilayah, status);
COMMENT ON INDEX dtks.permohonan_data_wilayah IS 'The permohonan of a region in a status';
-- The rule's backstop at any isolation level: an agency holds at most one unreported handover.
CREATE UNIQUE INDEX permohonan_data_satu_diserahkan ON dtks.permohonan_data (instansi) WHERE status = 'diserahkan';
COMMENT ON INDEX dtks.permohonan_data_satu_diserahkan IS
    'An agency holds at most one handed-over permohonan without a laporan (the reporting rule, enforced even where two transactions race)';
SELECT pg_catalog.pg_extension_config_dump('dtks.permohonan_data'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.permohonan_data_id_seq'::regclass, '');

-- The handover: one berita acara serah terima per permohonan.
CREATE TABLE dtks.berita_acara_serah_terima (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    permohonan bigint NOT NULL UNIQUE REFERENCES dtks.permohonan_data (id),
    nomor text NOT NULL CONSTRAINT berita_acara_serah_terima_nomor_isi CHECK (pg_catalog.btrim(nomor) <> ''),
    tanggal date NOT NULL,
    diserahkan_oleh text NOT NULL CONSTRAINT berita_acara_serah_terima_penyerah_isi CHECK (pg_catalog.btrim(diserahkan_oleh) <> ''),
    diterima_oleh text NOT NULL CONSTRAINT berita_acara_serah_terima_penerima_isi CHECK (pg_catalog.btrim(diterima_oleh) <> ''),
    dicatat timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    dicatat_oleh name NOT NULL DEFAULT CURRENT_USER
);
COMMENT ON TABLE dtks.berita_acara_serah_terima IS
    'The handover of the data to the requester (juknis item 10); recording it takes the permohonan from disetujui to diserahkan';
COMMENT ON COLUMN dtks.berita_acara_serah_terima.id IS 'The berita acara';
COMMENT ON COLUMN dtks.berita_acara_serah_terima.permohonan IS 'The permohonan handed over';
COMMENT ON COLUMN dtks.berita_acara_serah_terima.nomor IS 'Number of the berita acara';
COMMENT ON COLUMN dtks.berita_acara_serah_terima.tanggal IS 'Date of the handover';
COMMENT ON COLUMN dtks.berita_acara_serah_terima.diserahkan_oleh IS 'The Dinas Sosial officer who handed the data over (name and position)';
COMMENT ON COLUMN dtks.berita_acara_serah_terima.diterima_oleh IS 'Who received it for the requester (name and position)';
COMMENT ON COLUMN dtks.berita_acara_serah_terima.dicatat IS 'When it was recorded';
COMMENT ON COLUMN dtks.berita_acara_serah_terima.dicatat_oleh IS 'The role that recorded it';
COMMENT ON CONSTRAINT berita_acara_serah_terima_nomor_isi ON dtks.berita_acara_serah_terima IS 'A number is not blank';
COMMENT ON CONSTRAINT berita_acara_serah_terima_penyerah_isi ON dtks.berita_acara_serah_terima IS 'Who handed over is named';
COMMENT ON CONSTRAINT berita_acara_serah_terima_penerima_isi ON dtks.berita_acara_serah_terima IS 'Who received is named';
COMMENT ON INDEX dtks.berita_acara_serah_terima_pkey IS 'One row per berita acara';
COMMENT ON INDEX dtks.berita_acara_serah_terima_permohonan_key IS 'One handover per permohonan';
COMMENT ON SEQUENCE dtks.berita_acara_serah_terima_id_seq IS 'Berita acara ids';
SELECT pg_catalog.pg_extension_config_dump('dtks.berita_acara_serah_terima'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.berita_acara_serah_terima_id_seq'::regclass, '');

-- The report on the use of the data: one per permohonan.
CREATE TABLE dtks.laporan_pemanfaatan (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    permohonan bigint NOT NULL UNIQUE REFERENCES dtks.permohonan_data (id),
    nomor text NOT NULL CONSTRAINT laporan_pemanfaatan_nomor_isi CHECK (pg_catalog.btrim(nomor) <> ''),
    tanggal date NOT NULL,
    pemanfaatan text NOT NULL CONSTRAINT laporan_pemanfaatan_pemanfaatan_isi CHECK (pg_catalog.btrim(pemanfaatan) <> ''),
    jumlah_penerima integer NOT NULL CONSTRAINT laporan_pemanfaatan_jumlah CHECK (jumlah_penerima >= 0),
    dokumen text,
    dicatat timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    dicatat_oleh name NOT NULL DEFAULT CURRENT_USER
);
COMMENT ON TABLE dtks.laporan_pemanfaatan IS
    'Laporan hasil pemanfaatan (juknis item 11): the requester''s report on how it used the data, with every recipient in dtks.laporan_pemanfaatan_penerima; recording it takes the permohonan from diserahkan to dilaporkan and lets the agency ask again';
COMMENT ON COLUMN dtks.laporan_pemanfaatan.id IS 'The laporan';
COMMENT ON COLUMN dtks.laporan_pemanfaatan.permohonan IS 'The permohonan whose data it reports on';
COMMENT ON COLUMN dtks.laporan_pemanfaatan.nomor IS 'Number of the report letter';
COMMENT ON COLUMN dtks.laporan_pemanfaatan.tanggal IS 'Date of the report';
COMMENT ON COLUMN dtks.laporan_pemanfaatan.pemanfaatan IS 'The program or use the data served (e.g. the aid given)';
COMMENT ON COLUMN dtks.laporan_pemanfaatan.jumlah_penerima IS
    'Number of recipients; exactly that many are listed in dtks.laporan_pemanfaatan_penerima (checked at commit)';
COMMENT ON COLUMN dtks.laporan_pemanfaatan.dokumen IS 'Reference of the signed report (archive number or file)';
COMMENT ON COLUMN dtks.laporan_pemanfaatan.dicatat IS 'When it was recorded';
COMMENT ON COLUMN dtks.laporan_pemanfaatan.dicatat_oleh IS 'The role that recorded it';
COMMENT ON CONSTRAINT laporan_pemanfaatan_nomor_isi ON dtks.laporan_pemanfaatan IS 'A number is not blank';
COMMENT ON CONSTRAINT laporan_pemanfaatan_pemanfaatan_isi ON dtks.laporan_pemanfaatan IS 'The use is described';
COMMENT ON CONSTRAINT laporan_pemanfaatan_jumlah ON dtks.laporan_pemanfaatan IS 'A count is not negative';
COMMENT ON INDEX dtks.laporan_pemanfaatan_pkey IS 'One row per laporan';
COMMENT ON INDEX dtks.laporan_pemanfaatan_permohonan_key IS 'One laporan per permohonan';
COMMENT ON SEQUENCE dtks.laporan_pemanfaatan_id_seq IS 'Laporan ids';
SELECT pg_catalog.pg_extension_config_dump('dtks.laporan_pemanfaatan'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.laporan_pemanfaatan_id_seq'::regclass, '');

-- The recipients of a laporan, one row each.  A child table rather than a jsonb list: the NIK is
-- a checked dtks.nik, a recipient is listed once per laporan (a key), the list is loadable by
-- COPY, indexed by NIK (which agencies reported giving aid to a person), and shielded row by row
-- by the region's row-level security.  Personal data.
CREATE TABLE dtks.laporan_pemanfaatan_penerima (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    laporan bigint NOT NULL REFERENCES dtks.laporan_pemanfaatan (id),
    nik dtks.nik NOT NULL,
    no_kk dtks.no_kk,
    nama text NOT NULL CONSTRAINT laporan_pemanfaatan_penerima_nama_isi CHECK (pg_catalog.btrim(nama) <> ''),
    alamat text NOT NULL CONSTRAINT laporan_pemanfaatan_penerima_alamat_isi CHECK (pg_catalog.btrim(alamat) <> ''),
    bantuan text,
    CONSTRAINT laporan_pemanfaatan_penerima_sekali UNIQUE (laporan, nik)
);
COMMENT ON TABLE dtks.laporan_pemanfaatan_penerima IS
    'The recipients reported in a laporan hasil pemanfaatan, with at least NIK, name and address as juknis item 11 requires (personal data)';
COMMENT ON COLUMN dtks.laporan_pemanfaatan_penerima.id IS 'The row';
COMMENT ON COLUMN dtks.laporan_pemanfaatan_penerima.laporan IS 'The laporan';
COMMENT ON COLUMN dtks.laporan_pemanfaatan_penerima.nik IS 'NIK of the recipient';
COMMENT ON COLUMN dtks.laporan_pemanfaatan_penerima.no_kk IS 'The recipient''s KK in DTKS (its identity in the data handed over), where the report gives it';
COMMENT ON COLUMN dtks.laporan_pemanfaatan_penerima.nama IS 'Name of the recipient';
COMMENT ON COLUMN dtks.laporan_pemanfaatan_penerima.alamat IS 'Address of the recipient';
COMMENT ON COLUMN dtks.laporan_pemanfaatan_penerima.bantuan IS 'What the recipient received, where the report says';
COMMENT ON CONSTRAINT laporan_pemanfaatan_penerima_nama_isi ON dtks.laporan_pemanfaatan_penerima IS 'A name is not blank';
COMMENT ON CONSTRAINT laporan_pemanfaatan_penerima_alamat_isi ON dtks.laporan_pemanfaatan_penerima IS 'An address is not blank';
COMMENT ON INDEX dtks.laporan_pemanfaatan_penerima_pkey IS 'One row per recipient row';
COMMENT ON INDEX dtks.laporan_pemanfaatan_penerima_sekali IS 'A recipient is listed once per laporan (and the recipients of a laporan are read by it)';
COMMENT ON SEQUENCE dtks.laporan_pemanfaatan_penerima_id_seq IS 'Recipient row ids';
CREATE INDEX laporan_pemanfaatan_penerima_nik ON dtks.laporan_pemanfaatan_penerima (nik);
COMMENT ON INDEX dtks.laporan_pemanfaatan_penerima_nik IS 'The reports that name a person';
SELECT pg_catalog.pg_extension_config_dump('dtks.laporan_pemanfaatan_penerima'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.laporan_pemanfaatan_penerima_id_seq'::regclass, '');

-- Every export: who, when, which permohonan, which month, fields and row count.  Append-only.
CREATE TABLE dtks.ekspor_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    permohonan bigint NOT NULL REFERENCES dtks.permohonan_data (id),
    waktu timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    pengguna name NOT NULL DEFAULT SESSION_USER,
    pelaku name NOT NULL,
    peran text NOT NULL,
    periode date NOT NULL,
    kode_wilayah dtks.kode_wilayah NOT NULL,
    kolom text[] NOT NULL,
    jumlah_baris bigint NOT NULL
);
COMMENT ON TABLE dtks.ekspor_log IS 'Append-only log of every dtks.ekspor_data call that gave data; only a superuser can change or remove it';
COMMENT ON COLUMN dtks.ekspor_log.id IS 'Order of recording';
COMMENT ON COLUMN dtks.ekspor_log.permohonan IS 'The permohonan exported';
COMMENT ON COLUMN dtks.ekspor_log.waktu IS 'When';
COMMENT ON COLUMN dtks.ekspor_log.pengguna IS 'Session user (the login)';
COMMENT ON COLUMN dtks.ekspor_log.pelaku IS 'The role that called the export (the current role under SET ROLE)';
COMMENT ON COLUMN dtks.ekspor_log.peran IS 'Its office (kabkota or pusat), or superuser';
COMMENT ON COLUMN dtks.ekspor_log.periode IS 'The month of DTKS exported (the latest in dtks.penetapan)';
COMMENT ON COLUMN dtks.ekspor_log.kode_wilayah IS 'The region exported (the permohonan''s)';
COMMENT ON COLUMN dtks.ekspor_log.kolom IS 'The fields exported';
COMMENT ON COLUMN dtks.ekspor_log.jumlah_baris IS 'Rows (members) exported';
COMMENT ON INDEX dtks.ekspor_log_pkey IS 'One row per export';
COMMENT ON SEQUENCE dtks.ekspor_log_id_seq IS 'Order of recording';
CREATE INDEX ekspor_log_permohonan ON dtks.ekspor_log (permohonan);
COMMENT ON INDEX dtks.ekspor_log_permohonan IS 'The exports of one permohonan';
SELECT pg_catalog.pg_extension_config_dump('dtks.ekspor_log'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.ekspor_log_id_seq'::regclass, '');
CREATE TRIGGER riwayat_tolak_ubah BEFORE UPDATE OR DELETE ON dtks.ekspor_log
    FOR EACH ROW EXECUTE FUNCTION dtks.riwayat_tolak_ubah();
COMMENT ON TRIGGER riwayat_tolak_ubah ON dtks.ekspor_log IS 'The export log is append-only';
CREATE TRIGGER riwayat_tolak_kosongkan BEFORE TRUNCATE ON dtks.ekspor_log
    FOR EACH STATEMENT EXECUTE FUNCTION dtks.riwayat_tolak_ubah();
COMMENT ON TRIGGER riwayat_tolak_kosongkan ON dtks.ekspor_log IS 'The export log is append-only';

-- The reporting rule, for the triggers and the export: lock the agency, refuse if it holds
-- handed-over data without a laporan (DTK06).  SECURITY DEFINER: an office sees only its own
-- region's permohonan, but the rule counts the agency's permohonan everywhere; the path is pinned.
-- The lock is an UPDATE of the agency's row: concurrent checks of one agency queue on it, and at
-- REPEATABLE READ or SERIALIZABLE the later one fails to serialise (40001) instead of missing the
-- other's step; dtks.permohonan_data_satu_diserahkan backs it for the handover.
CREATE FUNCTION dtks.laporan_tertunggak_periksa(instansi bigint, permohonan bigint, tindakan text) RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    tunggak record;
    judul text;
BEGIN
    judul := CASE tindakan
                 WHEN 'baru' THEN 'new permohonan refused'
                 WHEN 'disetujui' THEN format('permohonan %s cannot be approved', permohonan)
                 WHEN 'diserahkan' THEN format('permohonan %s cannot be handed over', permohonan)
                 WHEN 'ekspor' THEN format('permohonan %s cannot be exported', permohonan)
             END;
    IF judul IS NULL THEN
        RAISE EXCEPTION 'laporan_tertunggak_periksa: unknown action %', coalesce(quote_literal(tindakan), 'NULL')
            USING ERRCODE = '22023', DETAIL = 'The actions are baru, disetujui, diserahkan and ekspor.';
    END IF;
    UPDATE dtks.instansi i SET nama = i.nama WHERE i.id = laporan_tertunggak_periksa.instansi;
    SELECT d.id, d.nomor_surat INTO tunggak
      FROM dtks.permohonan_data d
     WHERE d.instansi = laporan_tertunggak_periksa.instansi AND d.status = 'diserahkan'
       AND d.id IS DISTINCT FROM laporan_tertunggak_periksa.permohonan
     ORDER BY d.id LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION '%: instansi % has not reported on the data handed over to it', judul, instansi
            USING ERRCODE = 'DTK06',
                  DETAIL = format('Permohonan %s (letter %s) was handed over and has no laporan hasil pemanfaatan.',
                                  tunggak.id, tunggak.nomor_surat),
                  HINT = 'Record its laporan in dtks.laporan_pemanfaatan first (juknis penggunaan: no further data before the report).';
    END IF;
END
$$;
REVOKE ALL ON FUNCTION dtks.laporan_tertunggak_periksa(bigint, bigint, text) FROM PUBLIC;
COMMENT ON FUNCTION dtks.laporan_tertunggak_periksa(bigint, bigint, text) IS
    'The reporting rule (DTK06): lock the agency''s row, then refuse the action (baru, disetujui, diserahkan, ekspor) of permohonan if the agency has another permohonan handed over without a laporan; reads every region (SECURITY DEFINER)';

-- Row trigger on dtks.permohonan_data: who handles it (42501), a new one starts as diajukan and
-- asks for known fields of a known region, the steps (DTK08) and what each needs (23514), the
-- lock on its content (DTK09), and the reporting rule (DTK06).  Runs as the user: the office
-- helpers read the current user's office.  With argument 'sama' (trigger
-- permohonan_langkah_sama) it only refuses a status set to itself.
CREATE FUNCTION dtks.permohonan_periksa() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    super boolean;
    peran text;
    wilayah dtks.kode_wilayah;
    asing text;
    berubah text;
    proses constant text[] := ARRAY['dicatat', 'dicatat_oleh', 'diputuskan', 'diputuskan_oleh'];
    isi constant text[] := ARRAY['nomor_surat', 'tanggal_surat', 'tujuan', 'uraian', 'kode_wilayah', 'kolom', 'alasan'];
BEGIN
    IF TG_WHEN <> 'BEFORE' OR TG_LEVEL <> 'ROW' OR TG_OP NOT IN ('INSERT', 'UPDATE') THEN
        RAISE EXCEPTION 'permohonan_periksa: must run BEFORE INSERT OR UPDATE FOR EACH ROW'
            USING ERRCODE = '39P01', DETAIL = format('It was fired %s %s for each %s.', TG_WHEN, TG_OP, TG_LEVEL);
    END IF;
    IF TG_NARGS > 0 AND TG_ARGV[0] = 'sama' THEN
        RAISE EXCEPTION 'permohonan % is already %', OLD.id, OLD.status
            USING ERRCODE = 'DTK08', DETAIL = 'Another session may have taken this step first.';
    END IF;

    -- who: a superuser, the ministry, or the kab/kota Dinas Sosial whose region holds the request's
    SELECT r.rolsuper INTO super FROM pg_catalog.pg_roles r WHERE r.rolname = CURRENT_USER;
    IF NOT coalesce(super, false) THEN
        peran := dtks.peran_petugas();
        wilayah := dtks.wilayah_petugas();
        IF peran IS NULL OR peran NOT IN ('kabkota', 'pusat') THEN
            RAISE EXCEPTION 'permohonan data is handled by a kab/kota Dinas Sosial or the ministry, not by %',
                            coalesce(peran, 'a role without a dtks office')
                USING ERRCODE = '42501',
                      DETAIL = CASE WHEN peran IS NULL THEN format('Role %s is not in dtks.petugas_peran.', CURRENT_USER)
                                    ELSE format('Role %s works for a %s office.', CURRENT_USER, peran) END;
        END IF;
        IF peran = 'kabkota' THEN
            IF TG_OP = 'UPDATE' AND NOT OLD.kode_wilayah OPERATOR(dtks.<@) wilayah THEN
                berubah := OLD.kode_wilayah::text;
            ELSIF NOT NEW.kode_wilayah OPERATOR(dtks.<@) wilayah THEN
                berubah := NEW.kode_wilayah::text;
            END IF;
            IF berubah IS NOT NULL THEN
                RAISE EXCEPTION 'permohonan for region % is outside the region of role %', berubah, CURRENT_USER
                    USING ERRCODE = '42501',
                          DETAIL = format('A kab/kota Dinas Sosial handles permohonan for regions inside %s only.', wilayah);
            END IF;
        END IF;
    END IF;

    IF TG_OP = 'INSERT' THEN
        IF NEW.status IS DISTINCT FROM 'diajukan' THEN
            RAISE EXCEPTION 'a new permohonan must start as diajukan'
                USING ERRCODE = 'DTK08',
                      DETAIL = format('The row was inserted with status %s; later statuses are reached only by the steps of the process.',
                                      coalesce(NEW.status, 'NULL'));
        END IF;
        NEW.dicatat := pg_catalog.clock_timestamp();
        NEW.dicatat_oleh := CURRENT_USER;
    ELSE
        IF NEW.instansi IS DISTINCT FROM OLD.instansi THEN
            RAISE EXCEPTION 'permohonan %: the requesting instansi cannot change', OLD.id
                USING ERRCODE = 'DTK09', DETAIL = 'A request of another agency is a new permohonan.';
        END IF;
        -- the first column (of a list) whose value the UPDATE changes
        SELECT b.key INTO berubah
          FROM pg_catalog.jsonb_each(pg_catalog.to_jsonb(NEW)) b JOIN pg_catalog.jsonb_each(pg_catalog.to_jsonb(OLD)) l USING (key)
         WHERE b.key = ANY (proses) AND b.value IS DISTINCT FROM l.value
         ORDER BY pg_catalog.array_position(proses, b.key) LIMIT 1;
        IF berubah IS NOT NULL THEN
            RAISE EXCEPTION 'permohonan %: column % is set by the process only', OLD.id, berubah
                USING ERRCODE = 'DTK09', DETAIL = 'It cannot be changed by UPDATE.';
        END IF;
        IF OLD.status <> 'diajukan' THEN
            SELECT b.key INTO berubah
              FROM pg_catalog.jsonb_each(pg_catalog.to_jsonb(NEW)) b JOIN pg_catalog.jsonb_each(pg_catalog.to_jsonb(OLD)) l USING (key)
             WHERE b.key = ANY (isi) AND b.value IS DISTINCT FROM l.value
             ORDER BY pg_catalog.array_position(isi, b.key) LIMIT 1;
            IF berubah IS NOT NULL THEN
                RAISE EXCEPTION 'permohonan %: column % cannot change once the permohonan is %', OLD.id, berubah, OLD.status
                    USING ERRCODE = 'DTK09', DETAIL = 'A permohonan is corrected only while diajukan; more data needs a new permohonan.';
            END IF;
        END IF;
    END IF;

    -- a region of dtks.wilayah, and fields of the catalogue (kept in its order, once each)
    IF NEW.kode_wilayah IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.kode_wilayah OPERATOR(dtks.<>) OLD.kode_wilayah)
       AND NOT EXISTS (SELECT 1 FROM dtks.wilayah w WHERE w.kode OPERATOR(dtks.=) NEW.kode_wilayah) THEN
        RAISE EXCEPTION 'permohonan: region % is not in dtks.wilayah', NEW.kode_wilayah
            USING ERRCODE = '23503', DETAIL = 'A permohonan asks for a region of the current edition, at any level.';
    END IF;
    IF TG_OP = 'INSERT' OR NEW.kolom IS DISTINCT FROM OLD.kolom THEN
        SELECT u.k INTO asing
          FROM pg_catalog.unnest(NEW.kolom) WITH ORDINALITY AS u(k, i)
         WHERE u.k IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dtks.ekspor_kolom e WHERE e.kolom = u.k)
         ORDER BY u.i LIMIT 1;
        IF asing IS NOT NULL THEN
            RAISE EXCEPTION 'permohonan: field "%" is not in the export catalogue', asing
                USING ERRCODE = 'DTK07',
                      DETAIL = format('The fields that may be asked for (dtks.ekspor_kolom) are: %s.',
                                      (SELECT pg_catalog.string_agg(e.kolom, ', ' ORDER BY e.urutan) FROM dtks.ekspor_kolom e));
        END IF;
        IF pg_catalog.array_position(NEW.kolom, NULL) IS NULL THEN
            NEW.kolom := ARRAY(SELECT e.kolom FROM dtks.ekspor_kolom e WHERE e.kolom = ANY (NEW.kolom) ORDER BY e.urutan);
        END IF;
    END IF;

    IF TG_OP = 'INSERT' THEN
        PERFORM dtks.laporan_tertunggak_periksa(NEW.instansi, NEW.id, 'baru');
        RETURN NEW;
    END IF;

    -- the step, if any
    IF NEW.status IS NOT DISTINCT FROM OLD.status THEN
        RETURN NEW;
    END IF;
    IF (OLD.status, NEW.status) NOT IN (('diajukan', 'disetujui'), ('diajukan', 'ditolak'),
                                        ('disetujui', 'diserahkan'), ('diserahkan', 'dilaporkan')) THEN
        RAISE EXCEPTION 'permohonan %: % -> % is not a step of the permohonan process', OLD.id, OLD.status, NEW.status
            USING ERRCODE = 'DTK08',
                  DETAIL = 'The steps are diajukan -> disetujui or ditolak, disetujui -> diserahkan (by recording the berita acara serah terima) and diserahkan -> dilaporkan (by recording the laporan hasil pemanfaatan).';
    END IF;
    IF NEW.status = 'ditolak' AND pg_catalog.btrim(coalesce(NEW.alasan, '')) = '' THEN
        RAISE EXCEPTION 'permohonan %: step diajukan -> ditolak needs a reason', OLD.id
            USING ERRCODE = '23514', DETAIL = 'Set alasan in the same UPDATE.';
    ELSIF NEW.status = 'diserahkan'
          AND NOT EXISTS (SELECT 1 FROM dtks.berita_acara_serah_terima b WHERE b.permohonan = NEW.id) THEN
        RAISE EXCEPTION 'permohonan %: step disetujui -> diserahkan needs the berita acara serah terima', OLD.id
            USING ERRCODE = '23514', DETAIL = 'Insert it into dtks.berita_acara_serah_terima, which takes the step.';
    ELSIF NEW.status = 'dilaporkan'
          AND NOT EXISTS (SELECT 1 FROM dtks.laporan_pemanfaatan l WHERE l.permohonan = NEW.id) THEN
        RAISE EXCEPTION 'permohonan %: step diserahkan -> dilaporkan needs the laporan hasil pemanfaatan', OLD.id
            USING ERRCODE = '23514', DETAIL = 'Insert it into dtks.laporan_pemanfaatan with its recipients, which takes the step.';
    END IF;
    IF NEW.status IN ('disetujui', 'ditolak') THEN
        NEW.diputuskan := pg_catalog.clock_timestamp();
        NEW.diputuskan_oleh := CURRENT_USER;
    END IF;
    IF NEW.status IN ('disetujui', 'diserahkan') THEN
        PERFORM dtks.laporan_tertunggak_periksa(NEW.instansi, NEW.id, NEW.status);
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION dtks.permohonan_periksa() IS
    'Row trigger: a permohonan is handled by the kab/kota Dinas Sosial of its region, the ministry or a superuser (42501); it starts as diajukan with a known region (23503) and catalogue fields (DTK07); only the steps of the process (DTK08), each with what it needs (23514); its agency never changes and its content only while diajukan (DTK09); no new, approved or handed-over permohonan while the agency owes a laporan (DTK06)';
CREATE TRIGGER permohonan_periksa BEFORE INSERT OR UPDATE ON dtks.permohonan_data
    FOR EACH ROW EXECUTE FUNCTION dtks.permohonan_periksa();
COMMENT ON TRIGGER permohonan_periksa ON dtks.permohonan_data IS 'The permohonan process, enforced for every client';
CREATE TRIGGER permohonan_langkah_sama BEFORE UPDATE OF status ON dtks.permohonan_data
    FOR EACH ROW WHEN (OLD.status = NEW.status) EXECUTE FUNCTION dtks.permohonan_periksa('sama');
COMMENT ON TRIGGER permohonan_langkah_sama ON dtks.permohonan_data IS
    'A status set to the one it has is refused (DTK08): the loser of two sessions taking the same step is told';

-- Row trigger: recording a berita acara or a laporan takes its permohonan's step (argument: the status).
CREATE FUNCTION dtks.permohonan_langkah_catat() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_WHEN <> 'AFTER' OR TG_LEVEL <> 'ROW' OR TG_OP <> 'INSERT' OR TG_NARGS <> 1
       OR TG_ARGV[0] NOT IN ('diserahkan', 'dilaporkan') THEN
        RAISE EXCEPTION 'permohonan_langkah_catat: must run AFTER INSERT FOR EACH ROW with the status to take'
            USING ERRCODE = '39P01', DETAIL = 'The argument is diserahkan or dilaporkan.';
    END IF;
    UPDATE dtks.permohonan_data d SET status = TG_ARGV[0] WHERE d.id = NEW.permohonan;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'permohonan % does not exist or is not visible to role %', NEW.permohonan, CURRENT_USER
            USING ERRCODE = '42704', DETAIL = 'Row-level security shows an office only the permohonan of its own region.';
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION dtks.permohonan_langkah_catat() IS
    'Row trigger (argument: diserahkan or dilaporkan): the recorded berita acara or laporan takes its permohonan''s step, checked by dtks.permohonan_periksa';
CREATE TRIGGER permohonan_langkah_catat AFTER INSERT ON dtks.berita_acara_serah_terima
    FOR EACH ROW EXECUTE FUNCTION dtks.permohonan_langkah_catat('diserahkan');
COMMENT ON TRIGGER permohonan_langkah_catat ON dtks.berita_acara_serah_terima IS 'The handover takes the permohonan to diserahkan';
CREATE TRIGGER permohonan_langkah_catat AFTER INSERT ON dtks.laporan_pemanfaatan
    FOR EACH ROW EXECUTE FUNCTION dtks.permohonan_langkah_catat('dilaporkan');
COMMENT ON TRIGGER permohonan_langkah_catat ON dtks.laporan_pemanfaatan IS 'The laporan takes the permohonan to dilaporkan';

-- The recipients of a laporan match its count: at commit exactly jumlah_penerima (deferred
-- constraint trigger on the laporan), and never more at any time (statement trigger on the list,
-- so no recipient is added once the laporan is committed).  SECURITY DEFINER: the count must not
-- depend on which role commits (a deferred check runs as the role current at COMMIT); path pinned.
CREATE FUNCTION dtks.laporan_penerima_periksa() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    l record;
BEGIN
    IF TG_LEVEL = 'ROW' AND TG_TABLE_NAME = 'laporan_pemanfaatan' THEN
        SELECT x.id, x.jumlah_penerima,
               (SELECT count(*) FROM dtks.laporan_pemanfaatan_penerima p WHERE p.laporan = x.id) AS tercatat
          INTO l
          FROM dtks.laporan_pemanfaatan x WHERE x.id = NEW.id;
        IF FOUND AND l.tercatat <> l.jumlah_penerima THEN
            RAISE EXCEPTION 'laporan pemanfaatan % declares % recipients but lists %', l.id, l.jumlah_penerima, l.tercatat
                USING ERRCODE = '23514',
                      DETAIL = 'Every recipient (at least NIK, nama and alamat) is listed in dtks.laporan_pemanfaatan_penerima, in the transaction that records the laporan.';
        END IF;
    ELSIF TG_LEVEL = 'STATEMENT' AND TG_TABLE_NAME = 'laporan_pemanfaatan_penerima' AND TG_OP = 'INSERT' THEN
        SELECT x.id, x.jumlah_penerima, c.tercatat INTO l
          FROM dtks.laporan_pemanfaatan x
         CROSS JOIN LATERAL (SELECT count(*) AS tercatat FROM dtks.laporan_pemanfaatan_penerima p WHERE p.laporan = x.id) c
         WHERE x.id IN (SELECT b.laporan FROM penerima_baru b) AND c.tercatat > x.jumlah_penerima
         ORDER BY x.id LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION 'laporan pemanfaatan % declares % recipients, not %', l.id, l.jumlah_penerima, l.tercatat
                USING ERRCODE = '23514', DETAIL = 'A recorded laporan is not extended; its recipients are listed with it.';
        END IF;
    ELSE
        RAISE EXCEPTION 'laporan_penerima_periksa: fired the wrong way (% % for each % on %)', TG_WHEN, TG_OP, TG_LEVEL, TG_TABLE_NAME
            USING ERRCODE = '39P01',
                  DETAIL = 'It is a deferred row trigger of dtks.laporan_pemanfaatan and an INSERT statement trigger of dtks.laporan_pemanfaatan_penerima.';
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION dtks.laporan_penerima_periksa() IS
    'Trigger: a laporan lists exactly jumlah_penerima recipients at commit (deferred constraint trigger on dtks.laporan_pemanfaatan) and never more (statement trigger on dtks.laporan_pemanfaatan_penerima); 23514';
CREATE CONSTRAINT TRIGGER laporan_penerima_periksa AFTER INSERT OR UPDATE ON dtks.laporan_pemanfaatan
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dtks.laporan_penerima_periksa();
COMMENT ON TRIGGER laporan_penerima_periksa ON dtks.laporan_pemanfaatan IS 'At commit: exactly jumlah_penerima recipients listed';
CREATE TRIGGER laporan_penerima_periksa AFTER INSERT ON dtks.laporan_pemanfaatan_penerima
    REFERENCING NEW TABLE AS penerima_baru
    FOR EACH STATEMENT EXECUTE FUNCTION dtks.laporan_penerima_periksa();
COMMENT ON TRIGGER laporan_penerima_periksa ON dtks.laporan_pemanfaatan_penerima IS 'Never more recipients than the laporan declares';
COMMENT ON CONSTRAINT laporan_penerima_periksa ON dtks.laporan_pemanfaatan IS
    'The deferred recipient count check (the constraint behind the constraint trigger)';

-- The export: the DTKS members of the permohonan's region in the latest determined month, each as
-- one JSON object with exactly the fields asked for; logged.  SECURITY DEFINER: it reads the
-- whole month regardless of the caller's row-level security and writes the log, which no office
-- may write; the path is pinned.  Inside it CURRENT_USER is the owner, so the caller is the
-- role set by SET ROLE, else the session user; that role must be a superuser, the ministry or
-- the kab/kota Dinas Sosial whose region holds the permohonan's.
CREATE FUNCTION dtks.ekspor_data(permohonan bigint) RETURNS SETOF jsonb
    LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    pemanggil name := CASE WHEN pg_catalog.current_setting('role') = 'none' THEN SESSION_USER
                           ELSE pg_catalog.current_setting('role')::name END;
    super boolean;
    kantor record;
    p record;
    periode_terakhir date;
    -- every key the row below is built with: all but the requested ones are removed
    semua constant text[] := ARRAY['nik', 'no_kk', 'nama', 'jenis_kelamin', 'tanggal_lahir', 'shdk', 'alamat', 'rt', 'rw',
                                   'kode_wilayah', 'nama_desa', 'nama_kecamatan', 'nama_kabkota', 'rumah_tangga_id',
                                   'desil', 'program'];
    hapus text[];
    n bigint;
BEGIN
    SELECT r.rolsuper INTO super FROM pg_catalog.pg_roles r WHERE r.rolname = pemanggil;
    SELECT o.peran, o.kode_wilayah INTO kantor FROM dtks.petugas_peran o WHERE o.pengguna = pemanggil;
    SELECT d.id, d.instansi, d.status, d.kode_wilayah, d.kolom INTO p
      FROM dtks.permohonan_data d WHERE d.id = ekspor_data.permohonan
       FOR SHARE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'permohonan % does not exist', ekspor_data.permohonan
            USING ERRCODE = '42704', DETAIL = 'dtks.permohonan_data has no such id.';
    END IF;
    IF NOT coalesce(super, false)
       AND NOT coalesce(kantor.peran = 'pusat'
                        OR (kantor.peran = 'kabkota' AND p.kode_wilayah OPERATOR(dtks.<@) kantor.kode_wilayah), false) THEN
        RAISE EXCEPTION 'permohonan % is exported by the kab/kota Dinas Sosial of region % or the ministry, not by role %',
                        p.id, p.kode_wilayah, pemanggil
            USING ERRCODE = '42501',
                  DETAIL = CASE WHEN kantor.peran IS NULL THEN format('Role %s is not in dtks.petugas_peran.', pemanggil)
                                WHEN kantor.peran = 'kabkota' THEN format('Role %s works for kab/kota %s.', pemanggil, kantor.kode_wilayah)
                                ELSE format('Role %s works for a %s office.', pemanggil, kantor.peran) END;
    END IF;
    IF p.status NOT IN ('disetujui', 'diserahkan') THEN
        RAISE EXCEPTION 'permohonan % is %: only an approved (disetujui) or handed-over (diserahkan) permohonan is exported', p.id, p.status
            USING ERRCODE = 'DTK10',
                  DETAIL = CASE p.status WHEN 'diajukan' THEN 'It has not been decided yet.'
                                         WHEN 'ditolak' THEN 'It was refused.'
                                         ELSE 'Its use has been reported, which closes it; more data needs a new permohonan.' END;
    END IF;
    PERFORM dtks.laporan_tertunggak_periksa(p.instansi, p.id, 'ekspor');
    SELECT max(t.periode) INTO periode_terakhir FROM dtks.penetapan t;
    IF periode_terakhir IS NULL THEN
        RAISE EXCEPTION 'permohonan % cannot be exported: no month of DTKS has been determined yet', p.id
            USING ERRCODE = '55000', DETAIL = 'dtks.penetapan is empty; the export gives the members of the latest determined month.';
    END IF;

    hapus := ARRAY(SELECT k FROM pg_catalog.unnest(semua) k WHERE k <> ALL (p.kolom));
    RETURN QUERY
    SELECT pg_catalog.jsonb_build_object(
               'nik', t.nik::text, 'no_kk', t.no_kk::text, 'nama', a.nama::text, 'jenis_kelamin', t.jenis_kelamin::text,
               'tanggal_lahir', t.tanggal_lahir, 'shdk', t.shdk, 'alamat', r.alamat, 'rt', r.rt, 'rw', r.rw,
               'kode_wilayah', t.kode_wilayah::text, 'nama_desa', wd.nama, 'nama_kecamatan', wc.nama, 'nama_kabkota', wk.nama,
               'rumah_tangga_id', t.rumah_tangga_id, 'desil', t.desil, 'program', pg_catalog.to_jsonb(t.program))
           OPERATOR(pg_catalog.-) hapus
      FROM dtks.penetapan_pada(periode_terakhir, p.kode_wilayah) t
      LEFT JOIN dtks.anggota a ON a.nik OPERATOR(dtks.=) t.nik
      LEFT JOIN dtks.rumah_tangga r ON r.id = t.rumah_tangga_id
      LEFT JOIN dtks.wilayah wd ON wd.kode OPERATOR(dtks.=) t.kode_wilayah
      LEFT JOIN dtks.wilayah wc ON wc.kode OPERATOR(dtks.=) dtks.leluhur(t.kode_wilayah, 3)
      LEFT JOIN dtks.wilayah wk ON wk.kode OPERATOR(dtks.=) dtks.leluhur(t.kode_wilayah, 2)
     WHERE t.kode_wilayah OPERATOR(dtks.<@) p.kode_wilayah
     ORDER BY t.kode_wilayah, t.no_kk, t.shdk, t.nik;
    GET DIAGNOSTICS n = ROW_COUNT;
    INSERT INTO dtks.ekspor_log (permohonan, pengguna, pelaku, peran, periode, kode_wilayah, kolom, jumlah_baris)
    VALUES (p.id, SESSION_USER, pemanggil, CASE WHEN coalesce(super, false) THEN 'superuser' ELSE kantor.peran END,
            periode_terakhir, p.kode_wilayah, p.kolom, n);
    RETURN;
END
$$;
REVOKE ALL ON FUNCTION dtks.ekspor_data(bigint) FROM PUBLIC;
COMMENT ON FUNCTION dtks.ekspor_data(bigint) IS
    'Export for an approved or handed-over permohonan (DTK10 otherwise): one JSON object per DTKS member of its region in the latest month of dtks.penetapan (55000 if none), with exactly its fields; logged in dtks.ekspor_log. Called by the kab/kota Dinas Sosial of the region, the ministry or a superuser (42501); refused while the agency owes a laporan (DTK06)';

-- Privileges.  The catalogue holds no personal data: every office and the BI readers read it.
-- Everything else here is personal data or about it: the handling offices (kab/kota, pusat)
-- record and read, the province monitors its region, dtks_pembaca gets nothing.
GRANT SELECT ON dtks.ekspor_kolom TO dtks_desa, dtks_kabkota, dtks_provinsi, dtks_pusat, dtks_pt, dtks_pembaca;
GRANT SELECT ON dtks.instansi, dtks.permohonan_data, dtks.berita_acara_serah_terima, dtks.laporan_pemanfaatan,
    dtks.laporan_pemanfaatan_penerima, dtks.ekspor_log
    TO dtks_kabkota, dtks_provinsi, dtks_pusat;
GRANT INSERT (nama, jenis, keterangan) ON dtks.instansi TO dtks_kabkota, dtks_pusat;
GRANT INSERT (instansi, nomor_surat, tanggal_surat, tujuan, uraian, kode_wilayah, kolom)
    ON dtks.permohonan_data TO dtks_kabkota, dtks_pusat;
GRANT UPDATE (nomor_surat, tanggal_surat, tujuan, uraian, kode_wilayah, kolom, status, alasan)
    ON dtks.permohonan_data TO dtks_kabkota, dtks_pusat;
GRANT INSERT (permohonan, nomor, tanggal, diserahkan_oleh, diterima_oleh)
    ON dtks.berita_acara_serah_terima TO dtks_kabkota, dtks_pusat;
GRANT INSERT (permohonan, nomor, tanggal, pemanfaatan, jumlah_penerima, dokumen)
    ON dtks.laporan_pemanfaatan TO dtks_kabkota, dtks_pusat;
GRANT INSERT (laporan, nik, no_kk, nama, alamat, bantuan)
    ON dtks.laporan_pemanfaatan_penerima TO dtks_kabkota, dtks_pusat;
GRANT EXECUTE ON FUNCTION dtks.ekspor_data(bigint), dtks.laporan_tertunggak_periksa(bigint, bigint, text)
    TO dtks_kabkota, dtks_pusat;

-- Row-level security by region: an office sees (and changes) the permohonan of its region and
-- what hangs on them; pusat every region.
ALTER TABLE dtks.permohonan_data ENABLE ROW LEVEL SECURITY;
CREATE POLICY permohonan_lihat ON dtks.permohonan_data FOR SELECT
    USING ((SELECT dtks.petugas_nasional()) OR kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas()));
COMMENT ON POLICY permohonan_lihat ON dtks.permohonan_data IS 'Permohonan for regions inside the office''s region (every region for pusat)';
CREATE POLICY permohonan_tambah ON dtks.permohonan_data FOR INSERT
    WITH CHECK ((SELECT dtks.peran_petugas()) = 'pusat'
                OR ((SELECT dtks.peran_petugas()) = 'kabkota'
                    AND kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas())));
COMMENT ON POLICY permohonan_tambah ON dtks.permohonan_data IS 'A kab/kota records permohonan for regions inside its own, the ministry for any';
CREATE POLICY permohonan_ubah ON dtks.permohonan_data FOR UPDATE
    USING ((SELECT dtks.peran_petugas()) = 'pusat'
           OR ((SELECT dtks.peran_petugas()) = 'kabkota' AND kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas())))
    WITH CHECK ((SELECT dtks.peran_petugas()) = 'pusat'
                OR ((SELECT dtks.peran_petugas()) = 'kabkota'
                    AND kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas())));
COMMENT ON POLICY permohonan_ubah ON dtks.permohonan_data IS 'Permohonan are decided and corrected by the kab/kota of their region or the ministry, and stay in that region';
ALTER TABLE dtks.berita_acara_serah_terima ENABLE ROW LEVEL SECURITY;
CREATE POLICY berita_acara_lihat ON dtks.berita_acara_serah_terima FOR SELECT
    USING (EXISTS (SELECT 1 FROM dtks.permohonan_data d WHERE d.id = permohonan));
COMMENT ON POLICY berita_acara_lihat ON dtks.berita_acara_serah_terima IS 'The handovers of the permohonan the role may see';
CREATE POLICY berita_acara_tambah ON dtks.berita_acara_serah_terima FOR INSERT
    WITH CHECK (EXISTS (SELECT 1 FROM dtks.permohonan_data d WHERE d.id = permohonan));
COMMENT ON POLICY berita_acara_tambah ON dtks.berita_acara_serah_terima IS 'A handover is recorded for a permohonan the role may see';
ALTER TABLE dtks.laporan_pemanfaatan ENABLE ROW LEVEL SECURITY;
CREATE POLICY laporan_lihat ON dtks.laporan_pemanfaatan FOR SELECT
    USING (EXISTS (SELECT 1 FROM dtks.permohonan_data d WHERE d.id = permohonan));
COMMENT ON POLICY laporan_lihat ON dtks.laporan_pemanfaatan IS 'The laporan of the permohonan the role may see';
CREATE POLICY laporan_tambah ON dtks.laporan_pemanfaatan FOR INSERT
    WITH CHECK (EXISTS (SELECT 1 FROM dtks.permohonan_data d WHERE d.id = permohonan));
COMMENT ON POLICY laporan_tambah ON dtks.laporan_pemanfaatan IS 'A laporan is recorded for a permohonan the role may see';
ALTER TABLE dtks.laporan_pemanfaatan_penerima ENABLE ROW LEVEL SECURITY;
CREATE POLICY penerima_lihat ON dtks.laporan_pemanfaatan_penerima FOR SELECT
    USING (EXISTS (SELECT 1 FROM dtks.laporan_pemanfaatan l WHERE l.id = laporan));
COMMENT ON POLICY penerima_lihat ON dtks.laporan_pemanfaatan_penerima IS 'The recipients of the laporan the role may see';
CREATE POLICY penerima_tambah ON dtks.laporan_pemanfaatan_penerima FOR INSERT
    WITH CHECK (EXISTS (SELECT 1 FROM dtks.laporan_pemanfaatan l WHERE l.id = laporan));
COMMENT ON POLICY penerima_tambah ON dtks.laporan_pemanfaatan_penerima IS 'Recipients are listed for a laporan the role may see';
ALTER TABLE dtks.ekspor_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY ekspor_log_lihat ON dtks.ekspor_log FOR SELECT
    USING (EXISTS (SELECT 1 FROM dtks.permohonan_data d WHERE d.id = permohonan));
COMMENT ON POLICY ekspor_log_lihat ON dtks.ekspor_log IS 'The exports of the permohonan the role may see';
-- Views for BI tools: the monthly DTKS figures per region, the changes, the programs and the
-- usulan funnel.  Names and types are stable; codes are text so that any client filters them
-- without the dtks types or operators.  dtks_pembaca reads these and nothing with personal data.

-- a region's series by its code as text (how BI tools filter)
CREATE INDEX penetapan_agregat_kode_teks ON dtks.penetapan_agregat ((kode_wilayah::text), mulai);
COMMENT ON INDEX dtks.penetapan_agregat_kode_teks IS 'A region''s rows by month, by the code as text (the BI views'' kode_wilayah)';

-- Every determined month and region with the figures row in force then (the latest not after it).
CREATE VIEW dtks.penetapan_agregat_bulan AS
SELECT p.periode, a.*
  FROM dtks.penetapan p
  JOIN dtks.penetapan_agregat a ON a.mulai <= p.periode
 WHERE NOT EXISTS (SELECT 1 FROM dtks.penetapan_agregat n
                    WHERE n.kode_wilayah OPERATOR(dtks.=) a.kode_wilayah AND n.mulai > a.mulai AND n.mulai <= p.periode);
COMMENT ON VIEW dtks.penetapan_agregat_bulan IS
    'Each determined month (periode) and region with the row of dtks.penetapan_agregat in force then; its entry and exit counts belong to the month mulai (the BI views count them only when mulai = periode)';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.periode IS 'The month (its first day)';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.kode_wilayah IS 'The region';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.tingkat IS 'Its level: 1 provinsi, 2 kab/kota, 3 kecamatan, 4 desa/kelurahan';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.mulai IS 'The month whose penetapan wrote the row in force (its entry and exit counts are of that month)';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.keluarga IS 'Families in DTKS';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.anggota IS 'Members in DTKS';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.rumah_tangga IS 'Households with a family in DTKS';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.desil_1 IS 'Families in national desil 1';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.desil_2 IS 'Families in national desil 2';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.desil_3 IS 'Families in national desil 3';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.desil_4 IS 'Families in national desil 4';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.desil_5 IS 'Families in national desil 5';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.desil_6 IS 'Families in national desil 6';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.desil_7 IS 'Families in national desil 7';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.desil_8 IS 'Families in national desil 8';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.desil_9 IS 'Families in national desil 9';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.desil_10 IS 'Families in national desil 10';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.desil_kosong IS 'Families without a score';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.laki_laki IS 'Male members';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.perempuan IS 'Female members';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.umur_0_5 IS 'Members aged 0-5 on the first day of the month';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.umur_6_17 IS 'Members aged 6-17';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.umur_18_59 IS 'Members aged 18-59';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.umur_60_lebih IS 'Members aged 60 or more';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.program IS 'Families per program: {"PKH": n, ...} (programs with none are left out)';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.keluarga_masuk IS 'Families that entered DTKS in the month this row starts';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.keluarga_keluar_meninggal IS 'Families that left in that month: died';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.keluarga_keluar_pindah IS 'Families that left in that month: moved away';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.keluarga_keluar_mampu IS 'Families that left in that month: no longer poor';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.keluarga_keluar_ganda IS 'Families that left in that month: duplicate';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.keluarga_keluar_lainnya IS 'Families that left in that month: another reason';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.anggota_masuk IS 'Members that entered DTKS in that month';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.anggota_keluar_meninggal IS 'Members that left in that month: died';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.anggota_keluar_pindah IS 'Members that left in that month: moved away';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.anggota_keluar_mampu IS 'Members that left in that month: their family no longer poor';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.anggota_keluar_ganda IS 'Members that left in that month: duplicate';
COMMENT ON COLUMN dtks.penetapan_agregat_bulan.anggota_keluar_lainnya IS 'Members that left in that month: another reason (e.g. left the family)';

CREATE VIEW dtks.v_penetapan_bulanan AS
SELECT a.periode, a.tingkat::integer AS tingkat,
       (ARRAY['provinsi', 'kabkota', 'kecamatan', 'desa'])[a.tingkat] AS tingkat_nama,
       a.kode_wilayah::text AS kode_wilayah, w.nama AS nama_wilayah,
       dtks.leluhur(a.kode_wilayah, 1)::text AS kode_provinsi, w1.nama AS nama_provinsi,
       dtks.leluhur(a.kode_wilayah, 2)::text AS kode_kabkota, w2.nama AS nama_kabkota,
       dtks.leluhur(a.kode_wilayah, 3)::text AS kode_kecamatan, w3.nama AS nama_kecamatan,
       dtks.leluhur(a.kode_wilayah, 4)::text AS kode_desa, CASE WHEN a.tingkat = 4 THEN w.nama END AS nama_desa,
       a.keluarga, a.anggota, a.rumah_tangga,
       a.desil_1, a.desil_2, a.desil_3, a.desil_4, a.desil_5, a.desil_6, a.desil_7, a.desil_8, a.desil_9, a.desil_10,
       a.desil_kosong,
       coalesce((a.program ->> 'PKH')::bigint, 0) AS program_pkh,
       coalesce((a.program ->> 'BPNT')::bigint, 0) AS program_bpnt,
       coalesce((a.program ->> 'PBI_JKN')::bigint, 0) AS program_pbi_jkn,
       coalesce((a.program ->> 'PIP')::bigint, 0) AS program_pip,
       coalesce((a.program ->> 'KJP_PLUS')::bigint, 0) AS program_kjp_plus,
       a.laki_laki, a.perempuan, a.umur_0_5, a.umur_6_17, a.umur_18_59, a.umur_60_lebih
  -- the region and its ancestors joined by primary key (not a per-row function the planner cannot inline), so that a
  -- filter on any code column is a cheap test made before a name is looked up
  FROM dtks.penetapan_agregat_bulan a
  LEFT JOIN dtks.wilayah w ON w.kode OPERATOR(dtks.=) a.kode_wilayah
  LEFT JOIN dtks.wilayah w1 ON w1.kode OPERATOR(dtks.=) dtks.leluhur(a.kode_wilayah, 1)
  LEFT JOIN dtks.wilayah w2 ON w2.kode OPERATOR(dtks.=) dtks.leluhur(a.kode_wilayah, 2)
  LEFT JOIN dtks.wilayah w3 ON w3.kode OPERATOR(dtks.=) dtks.leluhur(a.kode_wilayah, 3);
COMMENT ON VIEW dtks.v_penetapan_bulanan IS
    'DTKS as determined, per month and region at every level (maintained by each penetapan): families, members, households, desil, programs, sex and age band. Filter on kode_wilayah (text) and periode, or on tingkat and an ancestor''s code (kode_kabkota ...); a region''s series is one index range';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.periode IS 'The month determined (its first day)';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.tingkat IS 'Level of the region: 1 provinsi, 2 kab/kota, 3 kecamatan, 4 desa/kelurahan';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.tingkat_nama IS 'Level as a word: provinsi, kabkota, kecamatan, desa';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.kode_wilayah IS 'Kemendagri code of the region, e.g. 34.71';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.nama_wilayah IS 'Name of the region (current edition)';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.kode_provinsi IS 'Code of its province';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.nama_provinsi IS 'Name of its province';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.kode_kabkota IS 'Code of its kab/kota (NULL for a province)';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.nama_kabkota IS 'Name of its kab/kota';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.kode_kecamatan IS 'Code of its kecamatan (NULL above that level)';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.nama_kecamatan IS 'Name of its kecamatan';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.kode_desa IS 'Code of the desa/kelurahan (desa rows only)';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.nama_desa IS 'Name of the desa/kelurahan';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.keluarga IS 'Families (KK) in DTKS';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.anggota IS 'Members (persons) in DTKS';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.rumah_tangga IS 'Households with at least one family in DTKS';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.desil_1 IS 'Families in national desil 1 (the poorest tenth)';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.desil_2 IS 'Families in national desil 2';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.desil_3 IS 'Families in national desil 3';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.desil_4 IS 'Families in national desil 4';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.desil_5 IS 'Families in national desil 5';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.desil_6 IS 'Families in national desil 6';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.desil_7 IS 'Families in national desil 7';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.desil_8 IS 'Families in national desil 8';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.desil_9 IS 'Families in national desil 9';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.desil_10 IS 'Families in national desil 10 (the best-off tenth)';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.desil_kosong IS 'Families without a score';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.program_pkh IS 'Families in PKH (Program Keluarga Harapan)';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.program_bpnt IS 'Families in BPNT/Sembako';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.program_pbi_jkn IS 'Families in PBI-JKN';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.program_pip IS 'Families in PIP';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.program_kjp_plus IS 'Families in KJP Plus (DKI Jakarta)';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.laki_laki IS 'Male members';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.perempuan IS 'Female members';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.umur_0_5 IS 'Members aged 0-5 on the first day of the month';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.umur_6_17 IS 'Members aged 6-17';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.umur_18_59 IS 'Members aged 18-59';
COMMENT ON COLUMN dtks.v_penetapan_bulanan.umur_60_lebih IS 'Members aged 60 or more';

CREATE VIEW dtks.v_penetapan_program AS
SELECT a.periode, a.tingkat::integer AS tingkat, a.kode_wilayah::text AS kode_wilayah,
       (SELECT w.nama FROM dtks.wilayah w WHERE w.kode OPERATOR(dtks.=) a.kode_wilayah) AS nama_wilayah,
       p.key AS program, g.nama AS nama_program, p.value::bigint AS keluarga
  FROM dtks.penetapan_agregat_bulan a
  CROSS JOIN LATERAL jsonb_each_text(a.program) p
  LEFT JOIN dtks.program g ON g.kode = p.key;
COMMENT ON VIEW dtks.v_penetapan_program IS
    'Families per program, month and region at every level (every program in dtks.program, including those added later); a program with no family in a region has no row';
COMMENT ON COLUMN dtks.v_penetapan_program.periode IS 'The month';
COMMENT ON COLUMN dtks.v_penetapan_program.tingkat IS 'Level of the region (1-4)';
COMMENT ON COLUMN dtks.v_penetapan_program.kode_wilayah IS 'Code of the region';
COMMENT ON COLUMN dtks.v_penetapan_program.nama_wilayah IS 'Name of the region';
COMMENT ON COLUMN dtks.v_penetapan_program.program IS 'Program code (dtks.program.kode)';
COMMENT ON COLUMN dtks.v_penetapan_program.nama_program IS 'Program name';
COMMENT ON COLUMN dtks.v_penetapan_program.keluarga IS 'Families in the program (keluarga penerima manfaat)';

CREATE VIEW dtks.v_penetapan_perubahan AS
WITH u AS (
    SELECT a.periode, a.tingkat, a.kode_wilayah, a.keluarga, a.anggota,
           CASE WHEN a.mulai = a.periode THEN a.keluarga_masuk ELSE 0 END AS keluarga_masuk,
           CASE WHEN a.mulai = a.periode THEN a.keluarga_keluar_meninggal ELSE 0 END AS keluarga_keluar_meninggal,
           CASE WHEN a.mulai = a.periode THEN a.keluarga_keluar_pindah ELSE 0 END AS keluarga_keluar_pindah,
           CASE WHEN a.mulai = a.periode THEN a.keluarga_keluar_mampu ELSE 0 END AS keluarga_keluar_mampu,
           CASE WHEN a.mulai = a.periode THEN a.keluarga_keluar_ganda ELSE 0 END AS keluarga_keluar_ganda,
           CASE WHEN a.mulai = a.periode THEN a.keluarga_keluar_lainnya ELSE 0 END AS keluarga_keluar_lainnya,
           CASE WHEN a.mulai = a.periode THEN a.anggota_masuk ELSE 0 END AS anggota_masuk,
           CASE WHEN a.mulai = a.periode THEN a.anggota_keluar_meninggal ELSE 0 END AS anggota_keluar_meninggal,
           CASE WHEN a.mulai = a.periode THEN a.anggota_keluar_pindah ELSE 0 END AS anggota_keluar_pindah,
           CASE WHEN a.mulai = a.periode THEN a.anggota_keluar_mampu ELSE 0 END AS anggota_keluar_mampu,
           CASE WHEN a.mulai = a.periode THEN a.anggota_keluar_ganda ELSE 0 END AS anggota_keluar_ganda,
           CASE WHEN a.mulai = a.periode THEN a.anggota_keluar_lainnya ELSE 0 END AS anggota_keluar_lainnya
      FROM dtks.penetapan_agregat_bulan a)
SELECT a.periode, a.tingkat::integer AS tingkat, a.kode_wilayah::text AS kode_wilayah, w.nama AS nama_wilayah,
       dtks.leluhur(a.kode_wilayah, 1)::text AS kode_provinsi, dtks.leluhur(a.kode_wilayah, 2)::text AS kode_kabkota,
       a.keluarga - a.keluarga_masuk + a.keluarga_keluar_meninggal + a.keluarga_keluar_pindah + a.keluarga_keluar_mampu
         + a.keluarga_keluar_ganda + a.keluarga_keluar_lainnya AS keluarga_awal,
       a.keluarga_masuk,
       a.keluarga_keluar_meninggal + a.keluarga_keluar_pindah + a.keluarga_keluar_mampu + a.keluarga_keluar_ganda
         + a.keluarga_keluar_lainnya AS keluarga_keluar,
       a.keluarga_keluar_meninggal, a.keluarga_keluar_pindah, a.keluarga_keluar_mampu, a.keluarga_keluar_ganda,
       a.keluarga_keluar_lainnya,
       a.keluarga - a.keluarga_masuk AS keluarga_tetap,
       a.keluarga AS keluarga_akhir,
       a.anggota_masuk,
       a.anggota_keluar_meninggal + a.anggota_keluar_pindah + a.anggota_keluar_mampu + a.anggota_keluar_ganda
         + a.anggota_keluar_lainnya AS anggota_keluar,
       a.anggota_keluar_meninggal, a.anggota_keluar_pindah, a.anggota_keluar_mampu, a.anggota_keluar_ganda,
       a.anggota_keluar_lainnya,
       a.anggota - a.anggota_masuk AS anggota_tetap,
       a.anggota AS anggota_akhir
  FROM u a
  LEFT JOIN dtks.wilayah w ON w.kode OPERATOR(dtks.=) a.kode_wilayah;
COMMENT ON VIEW dtks.v_penetapan_perubahan IS
    'What each month''s penetapan changed per region at every level: families and members that entered, left (by reason) and stayed; awal + masuk - keluar = akhir';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.periode IS 'The month';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.tingkat IS 'Level of the region (1-4)';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.kode_wilayah IS 'Code of the region';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.nama_wilayah IS 'Name of the region';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.kode_provinsi IS 'Code of its province';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.kode_kabkota IS 'Code of its kab/kota (NULL for a province)';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.keluarga_awal IS 'Families in DTKS the month before';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.keluarga_masuk IS 'Families that entered';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.keluarga_keluar IS 'Families that left, for any reason';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.keluarga_keluar_meninggal IS 'Families that left: died';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.keluarga_keluar_pindah IS 'Families that left: moved away';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.keluarga_keluar_mampu IS 'Families that left: no longer poor';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.keluarga_keluar_ganda IS 'Families that left: duplicate';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.keluarga_keluar_lainnya IS 'Families that left for another reason';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.keluarga_tetap IS 'Families in DTKS both months (in the region: a family that moved between regions counts as staying in its new one)';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.keluarga_akhir IS 'Families in DTKS this month';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.anggota_masuk IS 'Members that entered';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.anggota_keluar IS 'Members that left, for any reason';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.anggota_keluar_meninggal IS 'Members that left: died';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.anggota_keluar_pindah IS 'Members that left: moved away';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.anggota_keluar_mampu IS 'Members that left: their family no longer poor';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.anggota_keluar_ganda IS 'Members that left: duplicate';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.anggota_keluar_lainnya IS 'Members that left for another reason (e.g. left their family)';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.anggota_tetap IS 'Members in DTKS both months';
COMMENT ON COLUMN dtks.v_penetapan_perubahan.anggota_akhir IS 'Members in DTKS this month';

-- The usulan funnel: per month an usulan was made, region (every level), kind and source.
CREATE VIEW dtks.v_usulan_rekap AS
WITH u AS (
    SELECT x.id, date_trunc('month', x.dibuat)::date AS bulan, x.kode_wilayah, x.jenis, x.sumber, x.status,
           (SELECT min(r.waktu) FROM dtks.usulan_riwayat r WHERE r.usulan = x.id AND r.ke = 'diajukan') AS diajukan,
           (SELECT max(r.waktu) FROM dtks.usulan_riwayat r WHERE r.usulan = x.id AND r.ke = 'ditetapkan') AS ditetapkan
      FROM dtks.usulan x)
SELECT u.bulan, t.tingkat, l.kode::text AS kode_wilayah,
       (SELECT w.nama FROM dtks.wilayah w WHERE w.kode OPERATOR(dtks.=) l.kode) AS nama_wilayah,
       u.jenis, u.sumber,
       count(*) AS jumlah,
       count(*) FILTER (WHERE u.status = 'draf') AS draf,
       count(*) FILTER (WHERE u.status = 'diajukan') AS diajukan,
       count(*) FILTER (WHERE u.status = 'padan') AS padan,
       count(*) FILTER (WHERE u.status = 'tidak_padan') AS tidak_padan,
       count(*) FILTER (WHERE u.status = 'layak') AS layak,
       count(*) FILTER (WHERE u.status = 'tidak_layak') AS tidak_layak,
       count(*) FILTER (WHERE u.status = 'disahkan') AS disahkan,
       count(*) FILTER (WHERE u.status = 'dikirim') AS dikirim,
       count(*) FILTER (WHERE u.status = 'pengendalian') AS pengendalian,
       count(*) FILTER (WHERE u.status = 'dikembalikan') AS dikembalikan,
       count(*) FILTER (WHERE u.status = 'ditetapkan') AS ditetapkan,
       count(*) FILTER (WHERE u.status = 'ditolak') AS ditolak,
       count(*) FILTER (WHERE u.status = 'dibatalkan') AS dibatalkan,
       (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM u.ditetapkan - u.diajukan) / 86400.0)
            FILTER (WHERE u.ditetapkan IS NOT NULL AND u.diajukan IS NOT NULL))::numeric(10, 1) AS median_hari_ditetapkan
  FROM u, (VALUES (1), (2), (3), (4)) t(tingkat), LATERAL (SELECT dtks.leluhur(u.kode_wilayah, t.tingkat) AS kode) l
 GROUP BY u.bulan, t.tingkat, l.kode, u.jenis, u.sumber;
COMMENT ON VIEW dtks.v_usulan_rekap IS
    'The usulan funnel: per month an usulan was made, region at every level, kind and source, how many sit in each status now, and the median days from first diajukan to ditetapkan';
COMMENT ON COLUMN dtks.v_usulan_rekap.bulan IS 'Month the usulan were made (first day)';
COMMENT ON COLUMN dtks.v_usulan_rekap.tingkat IS 'Level of the region (1 provinsi ... 4 desa)';
COMMENT ON COLUMN dtks.v_usulan_rekap.kode_wilayah IS 'Code of the region';
COMMENT ON COLUMN dtks.v_usulan_rekap.nama_wilayah IS 'Name of the region';
COMMENT ON COLUMN dtks.v_usulan_rekap.jenis IS 'Kind: baru, bansos, perbaikan, penghentian';
COMMENT ON COLUMN dtks.v_usulan_rekap.sumber IS 'Source: musdes, muskel, mandiri, kemensos, dinas';
COMMENT ON COLUMN dtks.v_usulan_rekap.jumlah IS 'Usulan made';
COMMENT ON COLUMN dtks.v_usulan_rekap.draf IS 'Now in draf';
COMMENT ON COLUMN dtks.v_usulan_rekap.diajukan IS 'Now diajukan (waiting for the Dukcapil matching)';
COMMENT ON COLUMN dtks.v_usulan_rekap.padan IS 'Now padan (waiting for verval)';
COMMENT ON COLUMN dtks.v_usulan_rekap.tidak_padan IS 'Now tidak_padan (back with the desa)';
COMMENT ON COLUMN dtks.v_usulan_rekap.layak IS 'Now layak (waiting for pengesahan)';
COMMENT ON COLUMN dtks.v_usulan_rekap.tidak_layak IS 'Ended tidak_layak at verval';
COMMENT ON COLUMN dtks.v_usulan_rekap.disahkan IS 'Now disahkan (waiting to be sent)';
COMMENT ON COLUMN dtks.v_usulan_rekap.dikirim IS 'Now dikirim (waiting for the penetapan)';
COMMENT ON COLUMN dtks.v_usulan_rekap.pengendalian IS 'Now in quality control';
COMMENT ON COLUMN dtks.v_usulan_rekap.dikembalikan IS 'Now returned by the ministry';
COMMENT ON COLUMN dtks.v_usulan_rekap.ditetapkan IS 'Determined';
COMMENT ON COLUMN dtks.v_usulan_rekap.ditolak IS 'Refused';
COMMENT ON COLUMN dtks.v_usulan_rekap.dibatalkan IS 'Cancelled by the desa';
COMMENT ON COLUMN dtks.v_usulan_rekap.median_hari_ditetapkan IS 'Median days from the first diajukan to ditetapkan, over the determined ones (NULL if none)';

GRANT SELECT ON dtks.v_penetapan_bulanan, dtks.v_penetapan_program, dtks.v_penetapan_perubahan, dtks.v_usulan_rekap
    TO dtks_pembaca, dtks_desa, dtks_kabkota, dtks_provinsi, dtks_pusat, dtks_pt;
