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
            EXECUTE pg_catalog.format(
                'CREATE FUNCTION dtks.%1$s_%2$s(dtks.%1$s, dtks.%1$s) RETURNS %3$s '
                'LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS %4$L',
                tipe, fungsi.akhiran, fungsi.hasil, fungsi.internal);
            EXECUTE pg_catalog.format(
                'COMMENT ON FUNCTION dtks.%1$s_%2$s(dtks.%1$s, dtks.%1$s) IS %3$L',
                tipe, fungsi.akhiran, fungsi.arti || ' two ' || tipe || ' values (int8 internals)');
        END LOOP;

        EXECUTE pg_catalog.format(
            'CREATE FUNCTION dtks.%1$s_hash(dtks.%1$s) RETURNS integer '
            'LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS ''hashint8''', tipe);
        EXECUTE pg_catalog.format('COMMENT ON FUNCTION dtks.%1$s_hash(dtks.%1$s) IS %2$L',
                       tipe, 'Hash of a ' || tipe || ' (int8 internals)');
        EXECUTE pg_catalog.format(
            'CREATE FUNCTION dtks.%1$s_hash_extended(dtks.%1$s, bigint) RETURNS bigint '
            'LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS ''hashint8extended''', tipe);
        EXECUTE pg_catalog.format('COMMENT ON FUNCTION dtks.%1$s_hash_extended(dtks.%1$s, bigint) IS %2$L',
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
            EXECUTE pg_catalog.format(
                'CREATE OPERATOR dtks.%2$s (LEFTARG = dtks.%1$s, RIGHTARG = dtks.%1$s, '
                'FUNCTION = dtks.%1$s_%3$s, COMMUTATOR = OPERATOR(dtks.%4$s), '
                'NEGATOR = OPERATOR(dtks.%5$s), RESTRICT = %6$s, JOIN = %7$s%8$s)',
                tipe, op.simbol, op.akhiran, op.komutator, op.negator, op.pembatas, op.gabung, op.ekstra);
            EXECUTE pg_catalog.format('COMMENT ON OPERATOR dtks.%2$s (dtks.%1$s, dtks.%1$s) IS %3$L',
                           tipe, op.simbol, 'Comparison ' || op.simbol || ' of two ' || tipe || ' values');
        END LOOP;

        -- min() and max(), parallel (the transition function is its own combine function)
        FOR fungsi IN
            SELECT * FROM (VALUES ('smaller', 'int8smaller', 'min', 'The smaller'),
                                  ('larger', 'int8larger', 'max', 'The larger')) AS f(akhiran, internal, agregat, arti)
        LOOP
            EXECUTE pg_catalog.format(
                'CREATE FUNCTION dtks.%1$s_%2$s(dtks.%1$s, dtks.%1$s) RETURNS dtks.%1$s '
                'LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS %3$L',
                tipe, fungsi.akhiran, fungsi.internal);
            EXECUTE pg_catalog.format('COMMENT ON FUNCTION dtks.%1$s_%2$s(dtks.%1$s, dtks.%1$s) IS %3$L',
                           tipe, fungsi.akhiran, fungsi.arti || ' of two ' || tipe || ' values (int8 internals)');
            EXECUTE pg_catalog.format(
                'CREATE AGGREGATE dtks.%3$s(dtks.%1$s) (SFUNC = dtks.%1$s_%2$s, STYPE = dtks.%1$s, '
                'COMBINEFUNC = dtks.%1$s_%2$s, SORTOP = OPERATOR(dtks.%4$s), PARALLEL = SAFE)',
                tipe, fungsi.akhiran, fungsi.agregat, CASE fungsi.agregat WHEN 'min' THEN '<' ELSE '>' END);
            EXECUTE pg_catalog.format('COMMENT ON AGGREGATE dtks.%2$s(dtks.%1$s) IS %3$L',
                           tipe, fungsi.agregat, pg_catalog.initcap(fungsi.agregat) || 'imum of ' || tipe || ' values');
        END LOOP;

        EXECUTE pg_catalog.format('CREATE OPERATOR FAMILY dtks.%1$s_ops USING btree', tipe);
        EXECUTE pg_catalog.format('COMMENT ON OPERATOR FAMILY dtks.%1$s_ops USING btree IS %2$L',
                       tipe, 'btree ordering of ' || tipe || ' (numeric order of the digits)');
        EXECUTE pg_catalog.format(
            'CREATE OPERATOR CLASS dtks.%1$s_ops DEFAULT FOR TYPE dtks.%1$s USING btree FAMILY dtks.%1$s_ops AS '
            'OPERATOR 1 dtks.<, OPERATOR 2 dtks.<=, OPERATOR 3 dtks.=, OPERATOR 4 dtks.>=, OPERATOR 5 dtks.>, '
            'FUNCTION 1 dtks.%1$s_cmp(dtks.%1$s, dtks.%1$s), '
            'FUNCTION 2 pg_catalog.btint8sortsupport(internal), '
            'FUNCTION 4 pg_catalog.btequalimage(oid)', tipe);
        EXECUTE pg_catalog.format('COMMENT ON OPERATOR CLASS dtks.%1$s_ops USING btree IS %2$L',
                       tipe, 'Default btree operator class of ' || tipe || ' (sort support, deduplication)');

        EXECUTE pg_catalog.format('CREATE OPERATOR FAMILY dtks.%1$s_ops USING hash', tipe);
        EXECUTE pg_catalog.format('COMMENT ON OPERATOR FAMILY dtks.%1$s_ops USING hash IS %2$L',
                       tipe, 'Hashing of ' || tipe);
        EXECUTE pg_catalog.format(
            'CREATE OPERATOR CLASS dtks.%1$s_ops DEFAULT FOR TYPE dtks.%1$s USING hash FAMILY dtks.%1$s_ops AS '
            'OPERATOR 1 dtks.=, FUNCTION 1 dtks.%1$s_hash(dtks.%1$s), '
            'FUNCTION 2 dtks.%1$s_hash_extended(dtks.%1$s, bigint)', tipe);
        EXECUTE pg_catalog.format('COMMENT ON OPERATOR CLASS dtks.%1$s_ops USING hash IS %2$L',
                       tipe, 'Default hash operator class of ' || tipe || ' (hash joins, hash indexes, hash partitioning)');
    END LOOP;
END
$pembanding$;
