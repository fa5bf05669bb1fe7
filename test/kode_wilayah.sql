-- pgTAP: dtks.kode_wilayah: input forms, rejections, output, ordering as a
-- depth-first pre-order, tingkat/induk/leluhur/jenis_desa/kode_wilayah_akhir,
-- the containment operators and their btree index support.
\ir lib/awal.psql

SELECT plan(140);

-- The text of an EXPLAIN, one string.
CREATE FUNCTION pg_temp.rencana(perintah text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    baris text;
    hasil text := '';
BEGIN
    FOR baris IN EXECUTE 'EXPLAIN (COSTS OFF) ' || perintah LOOP
        hasil := hasil || baris || E'\n';
    END LOOP;
    RETURN hasil;
END $$;

------------------------------------------------------------------------------
-- 1. Input: dotted and undotted forms, whitespace, output
------------------------------------------------------------------------------
SELECT is('31'::kode_wilayah, '31'::kode_wilayah, '31 = 31');
SELECT is('3171'::kode_wilayah, '31.71'::kode_wilayah, '3171 = 31.71');
SELECT is('317101'::kode_wilayah, '31.71.01'::kode_wilayah, '317101 = 31.71.01');
SELECT is('3171011001'::kode_wilayah, '31.71.01.1001'::kode_wilayah, '3171011001 = 31.71.01.1001');
SELECT is(E' \t31.71.01.1001\n'::kode_wilayah, '31.71.01.1001'::kode_wilayah, 'surrounding whitespace is trimmed (dotted)');
SELECT is(E'\r\x0b\x0c3171011001  '::kode_wilayah, '31.71.01.1001'::kode_wilayah, 'surrounding whitespace is trimmed (undotted)');

SELECT is(k::kode_wilayah::text, dotted, format('%s is output as %s', k, dotted))
  FROM (VALUES ('31', '31'), ('3171', '31.71'), ('317101', '31.71.01'), ('3171011001', '31.71.01.1001'),
               ('31.71.01.1001', '31.71.01.1001'), ('9999999999', '99.99.99.9999'), ('0101', '01.01'),
               ('11.01.01.2001', '11.01.01.2001')) v(k, dotted)
 ORDER BY k;
SELECT is(k::text::kode_wilayah, k, format('%s::text::kode_wilayah round trip', k))
  FROM (SELECT kode FROM dtks.wilayah WHERE kode IN ('11', '31.71', '31.71.01', '31.71.01.1001', '91.03.01.3001')) w(k)
 ORDER BY k;
SELECT is((SELECT count(*) FROM dtks.wilayah WHERE kode::text::kode_wilayah <> kode
                                               OR replace(kode::text, '.', '')::kode_wilayah <> kode),
          0::bigint, 'every code of dtks.wilayah round-trips through its dotted and undotted text');

------------------------------------------------------------------------------
-- 2. Rejections: 22P02
------------------------------------------------------------------------------
SELECT throws_ok(format('SELECT %L::dtks.kode_wilayah', k), '22P02', NULL, format('%L is rejected (%s)', k, why))
  FROM (VALUES
        ('', 'empty'), ('   ', 'only spaces'),
        ('3', '1 digit'), ('317', '3 digits'), ('31710', '5 digits'), ('3171011', '7 digits'),
        ('31710110', '8 digits'), ('317101100', '9 digits'), ('31710110011', '11 digits'),
        ('317101100101', '12 digits'),
        ('3a', 'a letter'), ('31-71', 'a hyphen'), ('+31', 'a plus sign'), ('-31', 'a minus sign'),
        ('31 71', 'an internal space'), ('31. 71', 'a space after a dot'), ('３１', 'fullwidth digits'),
        ('31.', 'a trailing dot'), ('.31', 'a leading dot'), ('31..71', 'two dots'), ('.', 'a lone dot'),
        ('31.71.01.1001.01', '5 groups'), ('31.71.01.1001.', '5 groups, the last empty'),
        ('317.1', 'group widths 3 and 1'), ('3.171', 'group widths 1 and 3'), ('3171.01', 'first group of 4'),
        ('31.7.01', 'second group of 1'), ('31.71.1.1001', 'third group of 1'), ('31.71.01.101', 'fourth group of 3'),
        ('31.71.01.10011', 'fourth group of 5'), ('31.7101', 'second group of 4'), ('31.71.011001', 'third group of 6'),
        ('00', 'province 00'), ('00.71', 'province 00 with a kab/kota'), ('31.00', 'kab/kota 00'),
        ('31.71.00', 'kecamatan 00'), ('31.71.01.0000', 'desa 0000'), ('31.00.01.1001', 'kab/kota 00 under a desa'),
        ('0000000000', 'undotted all zeros'), ('3100011001', 'undotted kab/kota 00'),
        ('3171001001', 'undotted kecamatan 00'), ('3171010000', 'undotted desa 0000'), ('0071', 'undotted province 00')
       ) v(k, why)
 ORDER BY k;
SELECT throws_ok($$SELECT '317.1'::dtks.kode_wilayah$$, '22P02',
                 'invalid input syntax for type kode_wilayah: "317.1"', 'the message quotes the (public) value');
SELECT is(NULL::text::kode_wilayah, NULL, 'NULL::text::kode_wilayah is NULL');

------------------------------------------------------------------------------
-- 3. Ordering: a region sorts immediately before all its descendants
------------------------------------------------------------------------------
CREATE TEMP TABLE urut AS
SELECT kode, tingkat, induk, row_number() OVER (ORDER BY kode) AS rn FROM dtks.wilayah;
CREATE UNIQUE INDEX ON urut (kode);
ANALYZE urut;

SELECT is((SELECT count(*) FROM urut c JOIN urut p ON p.kode = c.induk WHERE p.rn >= c.rn), 0::bigint,
          'every region sorts after its parent');
SELECT is((SELECT count(*) FROM urut c WHERE c.induk IS NOT NULL
                                         AND NOT EXISTS (SELECT 1 FROM urut p WHERE p.kode = c.induk)),
          0::bigint, 'every parent is there (so the pre-order check covers every row)');
-- for each region at level 1-3: its descendants occupy exactly the rows right after it
SELECT is((SELECT count(*) FROM (
              SELECT a.kode, a.rn, k.n, k.awal, k.akhir
                FROM urut a
                LEFT JOIN (SELECT leluhur(d.kode, t) AS kode, count(*) AS n, min(d.rn) AS awal, max(d.rn) AS akhir
                             FROM urut d, generate_series(1, 3) t
                            WHERE t < d.tingkat
                            GROUP BY 1) k ON k.kode = a.kode
               WHERE a.tingkat < 4) s
            WHERE awal IS DISTINCT FROM rn + 1 OR akhir - awal + 1 IS DISTINCT FROM n),
          0::bigint, 'each region is immediately followed by all its descendants and nothing else (pre-order)');
SELECT results_eq('SELECT kode FROM dtks.wilayah ORDER BY kode',
                  'SELECT kode FROM dtks.wilayah ORDER BY kode::text COLLATE "C"',
                  'ORDER BY kode equals the order of the dotted text (depth-first pre-order)');
SELECT results_eq($$WITH RECURSIVE pohon(kode, jalan) AS (
                       SELECT kode, ARRAY[kode::text] FROM dtks.wilayah WHERE induk IS NULL
                       UNION ALL
                       SELECT w.kode, p.jalan || w.kode::text FROM dtks.wilayah w JOIN pohon p ON w.induk = p.kode)
                    SELECT kode FROM pohon ORDER BY jalan COLLATE "C"$$,
                  'SELECT kode FROM dtks.wilayah ORDER BY kode',
                  'ORDER BY kode equals a depth-first walk of the induk tree');
SELECT ok('31'::kode_wilayah < '31.01' AND '31.01' < '31.01.01' AND '31.01.01' < '31.01.01.1001'
          AND '31.01.01.9999' < '31.01.02' AND '31.99.99.9999' < '32',
          'a region before its children, the last descendant before the next sibling');

------------------------------------------------------------------------------
-- 4. tingkat, induk, leluhur, jenis_desa, kode_wilayah_akhir
------------------------------------------------------------------------------
SELECT is(tingkat('31'), 1, 'tingkat 31 = 1');
SELECT is(tingkat('31.71'), 2, 'tingkat 31.71 = 2');
SELECT is(tingkat('31.71.01'), 3, 'tingkat 31.71.01 = 3');
SELECT is(tingkat('31.71.01.1001'), 4, 'tingkat 31.71.01.1001 = 4');
SELECT is(tingkat(NULL), NULL, 'tingkat(NULL) is NULL');
SELECT is(induk('31'), NULL, 'a province has no parent');
SELECT is(induk('31.71'), '31'::kode_wilayah, 'induk 31.71 = 31');
SELECT is(induk('31.71.01'), '31.71'::kode_wilayah, 'induk 31.71.01 = 31.71');
SELECT is(induk('31.71.01.1001'), '31.71.01'::kode_wilayah, 'induk 31.71.01.1001 = 31.71.01');
SELECT is(induk(NULL), NULL, 'induk(NULL) is NULL');
SELECT is(leluhur('31.71.01.1001', 1), '31'::kode_wilayah, 'leluhur(desa, 1)');
SELECT is(leluhur('31.71.01.1001', 2), '31.71'::kode_wilayah, 'leluhur(desa, 2)');
SELECT is(leluhur('31.71.01.1001', 3), '31.71.01'::kode_wilayah, 'leluhur(desa, 3)');
SELECT is(leluhur('31.71.01.1001', 4), '31.71.01.1001'::kode_wilayah, 'leluhur(desa, 4) is the desa itself');
SELECT is(leluhur('31', 1), '31'::kode_wilayah, 'leluhur(province, 1) is itself');
SELECT is(leluhur('31.71', 3), NULL, 'leluhur deeper than the code: NULL');
SELECT is(leluhur('31', 4), NULL, 'leluhur(province, 4): NULL');
SELECT is(leluhur(NULL, 1), NULL, 'leluhur(NULL, 1) is NULL');
SELECT is(leluhur('31.71', NULL), NULL, 'leluhur(x, NULL) is NULL');
SELECT throws_ok($$SELECT dtks.leluhur('31.71', 0)$$, '22023', NULL, 'leluhur with tingkat 0 raises 22023');
SELECT throws_ok($$SELECT dtks.leluhur('31.71', 5)$$, '22023', NULL, 'leluhur with tingkat 5 raises 22023');
SELECT throws_ok($$SELECT dtks.leluhur('31.71', -1)$$, '22023', NULL, 'leluhur with tingkat -1 raises 22023');
SELECT throws_ok($$SELECT dtks.leluhur('31', 5)$$, '22023', NULL, 'tingkat 5 raises even where the answer would be NULL');
SELECT is(jenis_desa('31.71.01.1001'), 'kelurahan', 'DDDD 1xxx: kelurahan');
SELECT is(jenis_desa('32.01.01.2001'), 'desa', 'DDDD 2xxx: desa');
SELECT is(jenis_desa('91.03.01.3001'), 'desa_adat', 'DDDD 3xxx: desa_adat');
SELECT is(jenis_desa('31.71.01.0001'), NULL, 'DDDD 0xxx: NULL');
SELECT is(jenis_desa('31.71.01.4001'), NULL, 'DDDD 4xxx: NULL');
SELECT is(jenis_desa('31.71.01.9999'), NULL, 'DDDD 9xxx: NULL');
SELECT is(jenis_desa('31.71.01'), NULL, 'a kecamatan: NULL');
SELECT is(jenis_desa('31'), NULL, 'a province: NULL');
SELECT is(jenis_desa(NULL), NULL, 'jenis_desa(NULL) is NULL');
SELECT results_eq($$SELECT jenis_desa(kode), count(*) FROM dtks.wilayah WHERE tingkat = 4
                     GROUP BY 1 ORDER BY 1$$,
                  $$VALUES ('desa', 75252::bigint), ('desa_adat', 14), ('kelurahan', 8496)$$,
                  'jenis_desa over the current edition: 75,252 desa, 14 desa adat, 8,496 kelurahan');
SELECT is(kode_wilayah_akhir('31'), '31.99.99.9999'::kode_wilayah, 'akhir of a province');
SELECT is(kode_wilayah_akhir('31.71'), '31.71.99.9999'::kode_wilayah, 'akhir of a kab/kota');
SELECT is(kode_wilayah_akhir('31.71.01'), '31.71.01.9999'::kode_wilayah, 'akhir of a kecamatan');
SELECT is(kode_wilayah_akhir('31.71.01.1001'), '31.71.01.1001'::kode_wilayah, 'akhir of a desa is itself');
SELECT is((SELECT count(*) FROM dtks.wilayah
            WHERE tingkat <> dtks.tingkat(kode)
               OR induk IS DISTINCT FROM CASE WHEN tingkat > 1 THEN leluhur(kode, tingkat - 1) END
               OR leluhur(kode, tingkat) <> kode),
          0::bigint, 'over dtks.wilayah: tingkat, induk = leluhur(tingkat - 1), leluhur(own level) = itself');

------------------------------------------------------------------------------
-- 5. @> and <@
------------------------------------------------------------------------------
SELECT ok('31'::kode_wilayah @> '31.71.01.1001', '31 @> 31.71.01.1001');
SELECT ok('31.71'::kode_wilayah @> '31.71', 'a region contains itself (@>)');
SELECT ok('31.71'::kode_wilayah <@ '31.71', 'a region is inside itself (<@)');
SELECT ok(NOT ('31.71'::kode_wilayah @> '31'), 'a child does not contain its parent');
SELECT ok(NOT ('31.71'::kode_wilayah @> '31.72.01'), 'no containment across siblings');
SELECT ok('31.71.99.9999'::kode_wilayah <@ '31.71', 'the last possible descendant is inside');
SELECT ok(NOT ('31.72'::kode_wilayah <@ '31.71'), 'the next sibling is not inside');
SELECT ok(NOT ('31.70.99.9999'::kode_wilayah <@ '31.71'), 'the previous sibling''s last descendant is not inside');
SELECT ok(NOT ('32'::kode_wilayah <@ '31'), 'the next province is not inside');
SELECT ok('31.71.01'::kode_wilayah <@ '31', '31.71.01 <@ 31');
SELECT is('31'::kode_wilayah @> NULL::kode_wilayah, NULL, '@> with NULL is NULL');
SELECT is(NULL::kode_wilayah <@ '31'::kode_wilayah, NULL, '<@ with NULL is NULL');

CREATE TEMP TABLE contoh AS
SELECT kode FROM dtks.wilayah
 WHERE kode IN ('31', '31.71', '31.71.01', '31.71.01.1001', '31.71.01.1002', '31.72', '32', '32.73', '32.73.19', '91.03.01.3001')
UNION ALL SELECT '31.71.99.9999'::kode_wilayah UNION ALL SELECT '01'::kode_wilayah UNION ALL SELECT '99.99.99.9999';
SELECT is((SELECT count(*) FROM contoh a, contoh b WHERE (a.kode @> b.kode) <> (b.kode <@ a.kode)), 0::bigint,
          'commutation: a @> b = b <@ a over all pairs of sample codes');
SELECT is((SELECT count(*) FROM contoh a, contoh b
            WHERE (a.kode @> b.kode AND b.kode @> a.kode) <> (a.kode = b.kode)), 0::bigint,
          'a @> b and b @> a exactly when a = b');
SELECT is((SELECT count(*) FROM contoh a, contoh b
            WHERE (b.kode <@ a.kode) <> coalesce(leluhur(b.kode, tingkat(a.kode)) = a.kode, false)), 0::bigint,
          'a <@ b iff leluhur(a, tingkat(b)) = b over all pairs of sample codes');

-- agreement with leluhur over all of dtks.wilayah, with a sequential scan and with the index
CREATE TEMP TABLE b_uji (b kode_wilayah);
INSERT INTO b_uji VALUES ('31'), ('31.71'), ('31.71.01'), ('31.71.01.1001'), ('91.01'), ('93.01'), ('11'), ('96.71.01');
SET LOCAL enable_indexscan = off;
SET LOCAL enable_bitmapscan = off;
SELECT is((SELECT count(*) FROM dtks.wilayah w, b_uji
            WHERE (w.kode <@ b) <> coalesce(leluhur(w.kode, tingkat(b)) = b, false)
               OR (b @> w.kode) <> coalesce(leluhur(w.kode, tingkat(b)) = b, false)),
          0::bigint, 'over all of dtks.wilayah, for 8 regions b: kode <@ b iff leluhur(kode, tingkat(b)) = b');
CREATE TEMP TABLE seq_3171 AS SELECT kode FROM dtks.wilayah WHERE kode <@ '31.71';
CREATE TEMP TABLE seq_9601 AS SELECT kode FROM dtks.wilayah WHERE '96.01' @> kode;
SELECT matches(pg_temp.rencana($$SELECT * FROM dtks.wilayah WHERE kode <@ '31.71'$$), 'Seq Scan',
               'with index scans off, the reference result comes from a sequential scan');
RESET enable_indexscan;
RESET enable_bitmapscan;
SELECT is((SELECT count(*) FROM seq_3171), (SELECT count(*) FROM dtks.wilayah WHERE kode::text LIKE '31.71%'),
          'the sequential scan finds every code whose text starts with 31.71');

------------------------------------------------------------------------------
-- 6. Index support
------------------------------------------------------------------------------
SET LOCAL enable_seqscan = off;
SELECT matches(pg_temp.rencana($$SELECT * FROM dtks.wilayah WHERE kode <@ '31.71'$$), 'Index',
               'kode <@ constant uses the index');
SELECT matches(pg_temp.rencana($$SELECT * FROM dtks.wilayah WHERE kode <@ '31.71'$$),
               $$Index Cond: \(\(kode >= '31\.71'::(dtks\.)?kode_wilayah\) AND \(kode <= '31\.71\.99\.9999'::(dtks\.)?kode_wilayah\)\)$$,
               'the Index Cond is the range 31.71 .. 31.71.99.9999');
SELECT results_eq($$SELECT kode FROM dtks.wilayah WHERE kode <@ '31.71' ORDER BY kode$$,
                  'SELECT kode FROM seq_3171 ORDER BY kode', 'the index scan gives the sequential scan''s rows');
SELECT matches(pg_temp.rencana($$SELECT * FROM dtks.wilayah WHERE '96.01' @> kode$$),
               $$Index Cond: \(\(kode >= '96\.01'::(dtks\.)?kode_wilayah\) AND \(kode <= '96\.01\.99\.9999'$$,
               'constant @> kode is served by the same range');
SELECT results_eq($$SELECT kode FROM dtks.wilayah WHERE '96.01' @> kode ORDER BY kode$$,
                  'SELECT kode FROM seq_9601 ORDER BY kode', 'constant @> kode: the index gives the sequential scan''s rows');
SELECT matches(pg_temp.rencana($$SELECT * FROM dtks.wilayah WHERE kode @> '31.71.01.1001'$$),
               $$Index Cond: \(kode = ANY \('\{31,31\.71,31\.71\.01,31\.71\.01\.1001\}'::(dtks\.)?kode_wilayah\[\]\)\)$$,
               'kode @> constant becomes kode = ANY(the ancestors)');
SELECT set_eq($$SELECT kode::text FROM dtks.wilayah WHERE kode @> '31.71.01.1001'$$,
              ARRAY['31', '31.71', '31.71.01', '31.71.01.1001'],
              'kode @> 31.71.01.1001 returns exactly its 4 ancestors-or-self');
SELECT set_eq($$SELECT kode::text FROM dtks.wilayah WHERE '31.71.01.1001' <@ kode$$,
              ARRAY['31', '31.71', '31.71.01', '31.71.01.1001'], 'constant <@ kode: the same 4 rows');

-- a prepared statement with a generic plan keeps the index (range up to kode_wilayah_akhir($1))
PREPARE dimuat(kode_wilayah) AS SELECT kode FROM dtks.wilayah WHERE kode <@ $1 ORDER BY kode;
SET LOCAL plan_cache_mode = force_generic_plan;
SELECT matches(pg_temp.rencana($$EXECUTE dimuat('31.71')$$), 'Index',
               'the generic plan of kode <@ $1 uses the index');
SELECT matches(pg_temp.rencana($$EXECUTE dimuat('31.71')$$),
               $$Index Cond: \(\(kode >= \$1\) AND \(kode <= (dtks\.)?kode_wilayah_akhir\(\$1\)\)\)$$,
               'the generic Index Cond is kode >= $1 AND kode <= kode_wilayah_akhir($1)');
SELECT results_eq($$EXECUTE dimuat('31.71')$$, 'SELECT kode FROM seq_3171 ORDER BY kode',
                  'the generic plan gives the sequential scan''s rows for 31.71');
SELECT results_eq($$EXECUTE dimuat('96.01')$$, 'SELECT kode FROM seq_9601 ORDER BY kode',
                  'the generic plan gives the sequential scan''s rows for 96.01');
SELECT results_eq($$EXECUTE dimuat('31.71.01.1001')$$, $$VALUES ('31.71.01.1001'::kode_wilayah)$$,
                  'the generic plan with a desa: the desa alone');
SELECT is_empty($$EXECUTE dimuat(NULL)$$, 'the generic plan with NULL: no rows');
RESET plan_cache_mode;
DEALLOCATE dimuat;
RESET enable_seqscan;

SELECT * FROM finish();
ROLLBACK;
