-- pgTAP: the comparison kernel (src/banding.c): Jaro-Winkler, OSA distance, the word-level name
-- comparison, the class and distance of a typed NIK from a real one, and the neighbourhood keys.
\ir lib/awal.psql

SELECT plan(86);

------------------------------------------------------------------------------
-- 1. dtks.jaro_winkler: the published values, identity, empty strings, NULL
------------------------------------------------------------------------------
SELECT is(round(dtks.jaro_winkler('MARTHA', 'MARHTA')::numeric, 3), 0.961, 'jaro_winkler MARTHA/MARHTA = 0.961');
SELECT is(round(dtks.jaro_winkler('DWAYNE', 'DUANE')::numeric, 3), 0.840, 'jaro_winkler DWAYNE/DUANE = 0.84');
SELECT is(round(dtks.jaro_winkler('DIXON', 'DICKSONX')::numeric, 3), 0.813, 'jaro_winkler DIXON/DICKSONX = 0.813');
SELECT is(round(dtks.jaro_winkler('JELLYFISH', 'SMELLYFISH')::numeric, 3), 0.896,
          'jaro_winkler JELLYFISH/SMELLYFISH = 0.896 (no common prefix: Jaro alone)');
SELECT is(round(dtks.jaro_winkler('ABCDEFGH', 'ABCDEFGX')::numeric, 4), 0.9500,
          'jaro_winkler counts at most 4 prefix characters: 0.9167 + 4 * 0.1 * 0.0833');
SELECT is(dtks.jaro_winkler('SUTRISNO', 'SUTRISNO'), 1::double precision, 'jaro_winkler of a string with itself is 1');
SELECT is(dtks.jaro_winkler('', ''), 1::double precision, 'jaro_winkler of two empty strings is 1');
SELECT is(dtks.jaro_winkler('', 'BUDI'), 0::double precision, 'jaro_winkler of an empty and a non-empty string is 0');
SELECT is(dtks.jaro_winkler('ABC', 'XYZ'), 0::double precision, 'jaro_winkler of strings without a common character is 0');
SELECT is(dtks.jaro_winkler('A', 'A'), 1::double precision, 'jaro_winkler of one equal character is 1');
SELECT is(dtks.jaro_winkler(NULL, 'A'), NULL, 'jaro_winkler of NULL is NULL (STRICT)');
SELECT is(round(dtks.jaro_winkler('ÉTIENNE', 'ÉTEINNE')::numeric, 6), round(dtks.jaro_winkler('ETIENNE', 'ETEINNE')::numeric, 6),
          'jaro_winkler counts characters, not bytes: an accented first letter is one character');

------------------------------------------------------------------------------
-- 2. dtks.damerau_levenshtein (optimal string alignment)
------------------------------------------------------------------------------
SELECT is(dtks.damerau_levenshtein('CA', 'ABC'), 3, 'OSA CA/ABC = 3 (not 2: a swapped pair is not edited again)');
SELECT is(dtks.damerau_levenshtein('KITTEN', 'SITTING'), 3, 'OSA KITTEN/SITTING = 3');
SELECT is(dtks.damerau_levenshtein('SUTRISNO', 'SUTRSINO'), 1, 'OSA: two adjacent characters swapped = 1');
SELECT is(dtks.damerau_levenshtein('SUTRISNO', 'SUTRISMO'), 1, 'OSA: one substitution = 1');
SELECT is(dtks.damerau_levenshtein('SUTRISNO', 'SUTRINO'), 1, 'OSA: one deletion = 1');
SELECT is(dtks.damerau_levenshtein('', 'BUDI'), 4, 'OSA from the empty string = the length');
SELECT is(dtks.damerau_levenshtein('', ''), 0, 'OSA of two empty strings = 0');
SELECT is(dtks.damerau_levenshtein('BUDI', 'BUDI'), 0, 'OSA of a string with itself = 0');
SELECT is(dtks.damerau_levenshtein('ÄB', 'BÄ'), 1, 'OSA on characters: a swap of a two-byte character and a letter = 1');
SELECT is(dtks.damerau_levenshtein('A', NULL), NULL, 'damerau_levenshtein of NULL is NULL (STRICT)');

------------------------------------------------------------------------------
-- 3. Symmetry of the three string measures over pairs of name keys
------------------------------------------------------------------------------
CREATE TEMP TABLE kunci_uji (k text);
INSERT INTO kunci_uji VALUES ('MARTHA'), ('MARHTA'), ('DWAYNE'), ('DUANE'), ('DIXON'), ('DICKSONX'), (''), ('A'),
    ('BUDI SANTOSO'), ('SANTOSO BUDI'), ('BUDI'), ('B SANTOSO'), ('SITI AMINAH'), ('SITI AMINAH BINTI SALEH'),
    ('MUHAMAD RIZKI'), ('M RIZKI'), ('I KETUT OKA'), ('NI MADE SARI'), ('ÉÄÖ Ü');
SELECT is_empty($$SELECT x.k, y.k FROM kunci_uji x, kunci_uji y
                   WHERE dtks.jaro_winkler(x.k, y.k) <> dtks.jaro_winkler(y.k, x.k)
                      OR dtks.damerau_levenshtein(x.k, y.k) <> dtks.damerau_levenshtein(y.k, x.k)
                      OR dtks.nama_banding(x.k, y.k) <> dtks.nama_banding(y.k, x.k)$$,
                'jaro_winkler, damerau_levenshtein and nama_banding are symmetric');
SELECT is_empty($$SELECT x.k, y.k FROM kunci_uji x, kunci_uji y
                   WHERE dtks.jaro_winkler(x.k, y.k) NOT BETWEEN 0 AND 1 OR dtks.nama_banding(x.k, y.k) NOT BETWEEN 0 AND 1
                      OR (x.k = y.k) <> (dtks.damerau_levenshtein(x.k, y.k) = 0)$$,
                'the similarities are within [0, 1]; the distance is 0 exactly for equal strings');
SELECT is_empty($$SELECT k FROM kunci_uji WHERE dtks.jaro_winkler(k, k) <> 1 OR dtks.nama_banding(k, k) <> 1$$,
                'identity: every key is 1 with itself');

------------------------------------------------------------------------------
-- 4. dtks.nama_banding: 2S / (2P + 0.5U)
------------------------------------------------------------------------------
SELECT is(dtks.nama_banding('SITI AMINAH', 'AMINAH SITI'), 1::double precision, 'nama_banding: reordered words = 1');
SELECT is(dtks.nama_banding('BUDI SANTOSO', 'BUDI'), 0.8::double precision,
          'nama_banding: a dropped word: 2 / (2 + 0.5) = 0.8');
SELECT is(dtks.nama_banding('BUDI SANTOSO', 'BUDI HARTONO'), 2 / 3::double precision,
          'nama_banding: a wrong word (JW 0.714, below 0.8: no pair): 2 / (2 + 1)');
SELECT cmp_ok(dtks.nama_banding('BUDI SANTOSO', 'BUDI'), '>', dtks.nama_banding('BUDI SANTOSO', 'BUDI HARTONO'),
              'nama_banding: a dropped word costs less than a wrong one');
SELECT is(dtks.nama_banding('M RIZKI', 'MUHAMAD RIZKI'), 0.95::double precision,
          'nama_banding: an initial matching a word: (2 * 0.9 + 2) / 4');
SELECT is(dtks.nama_banding('R RIZKI', 'MUHAMAD RIZKI'), 2 / 3::double precision,
          'nama_banding: an initial of another letter is no pair: 2 / (2 + 0.5 * 2)');
SELECT is(dtks.nama_banding('SUTRISNO', 'SUTRISMO'), dtks.jaro_winkler('SUTRISNO', 'SUTRISMO'),
          'nama_banding: a typing error in one word = that pair''s Jaro-Winkler');
SELECT is(round(dtks.nama_banding('SUTRISNO BUDI', 'BUDI SUTRSINO')::numeric, 4),
          round(((1 + dtks.jaro_winkler('SUTRISNO', 'SUTRSINO')) / 2)::numeric, 4),
          'nama_banding: reordered words with a typing error: the mean of the pair scores');
SELECT is(dtks.nama_banding('BUDI', 'ANTO'), 0::double precision, 'nama_banding: no word alike = 0');
SELECT is(dtks.nama_banding('', ''), 1::double precision, 'nama_banding: two keys without words = 1');
SELECT is(dtks.nama_banding('', 'BUDI'), 0::double precision, 'nama_banding: a key without words against a name = 0');
SELECT is(dtks.nama_banding('A B C D E F G H I J K L', 'L K J I H G F E D C B A'), 1::double precision,
          'nama_banding: twelve words in reverse order are paired');
SELECT is(dtks.nama_banding('BUDI', NULL), NULL, 'nama_banding of NULL is NULL (STRICT)');

------------------------------------------------------------------------------
-- 5. The length caps: refused with 54000 and fast on huge values
------------------------------------------------------------------------------
SELECT throws_ok($$SELECT dtks.jaro_winkler(pg_catalog.repeat('X', 256), 'X')$$, '54000',
                 'dtks.jaro_winkler compares strings of at most 255 characters', 'jaro_winkler refuses 256 characters');
SELECT lives_ok($$SELECT dtks.jaro_winkler(pg_catalog.repeat('é', 255), 'X')$$, 'jaro_winkler takes 255 two-byte characters');
SELECT throws_ok($$SELECT dtks.damerau_levenshtein('X', pg_catalog.repeat('X', 1000000))$$, '54000',
                 'dtks.damerau_levenshtein compares strings of at most 255 characters', 'damerau_levenshtein refuses 1 MB');
SELECT throws_ok($$SELECT dtks.nama_banding(pg_catalog.repeat('é', 256), 'X')$$, '54000',
                 'dtks.nama_banding compares strings of at most 255 characters', 'nama_banding refuses 256 characters');
SELECT throws_ok($$SELECT dtks.nama_banding('A B C D E F G H I J K L M', 'A')$$, '54000',
                 'dtks.nama_banding compares name keys of at most 12 words', 'nama_banding refuses 13 words');
SELECT is(dtks.damerau_levenshtein(pg_catalog.repeat('A', 255), pg_catalog.repeat('B', 255)), 255,
          'damerau_levenshtein at the cap: 255 substitutions');

------------------------------------------------------------------------------
-- 6. dtks.nik_banding and dtks.nik_jarak: every class, built from valid NIKs
------------------------------------------------------------------------------
-- 3171011708450001: Gambir, 17-08-45, male; 3171015708450001: the same, female (day 17 + 40)
CREATE TEMP TABLE kelas_uji (diketik text, nik dtks.nik, kelas text, jarak int);
INSERT INTO kelas_uji VALUES
    ('3171011708450001',      '3171011708450001', 'sama', 0),
    ('3171 0117 0845 0001',   '3171011708450001', 'sama', 0),          -- separators skipped
    ('31.71.01-170845-0001',  '3171011708450001', 'sama', 0),
    ('3171011708450007',      '3171011708450001', 'satu_digit', 1),    -- a serial digit wrong
    ('3171011788450001',      '3171011708450001', 'satu_digit', 1),    -- a month digit wrong (month 88: invalid)
    ('4171011708450001',      '3171011708450001', 'satu_digit', 1),    -- the first digit
    ('3171011708450010',      '3171011708450001', 'tukar_berdekatan', 1),
    ('1371011708450001',      '3171011708450001', 'tukar_berdekatan', 1),
    ('3171017108450001',      '3171011708450001', 'tukar_berdekatan', 1), -- 17 typed 71: a female day, still a swap
    ('3171010817450001',      '3171011708450001', 'tanggal_bulan_tertukar', 4), -- male 17-08 typed 08-17
    ('3171010857450001',      '3171015708450001', 'tanggal_bulan_tertukar', 4), -- female 57 08: fields swapped
    ('3171014817450001',      '3171015708450001', 'tanggal_bulan_tertukar', 4), -- female: date 08-17 typed, +40 on the 08
    ('3171011151450001',      '3171015111450001', 'tanggal_bulan_tertukar', 2), -- female 11-11: 51 11 typed 11 51
    ('3276054808900002',      '3276055708900002', 'lain', 2),          -- 57 08 -> 48 08: not a swap
    ('317101170845001',       '3171011708450001', 'digit_hilang', 1),
    ('171011708450001',       '3171011708450001', 'digit_hilang', 1),  -- the first digit dropped
    ('317101170845000',       '3171011708450001', 'digit_hilang', 1),  -- the last digit dropped
    ('31710117084500011',     '3171011708450001', 'digit_lebih', 1),
    ('31710117708450001',     '3171011708450001', 'digit_lebih', 1),
    ('',                      '3171011708450001', 'kosong', 16),
    ('-',                     '3171011708450001', 'kosong', 16),
    ('tidak ada',             '3171011708450001', 'kosong', 16),
    ('3171011708459999',      '3171011708450001', 'lain', 4),
    ('3273012501990001',      '3171011708450001', 'lain', 7),
    ('31710117084500',        '3171011708450001', 'lain', 2),          -- too short by two
    ('3171011708450001 3171011708450001', '3171011708450001', 'lain', 16),
    ('1708450001',            '3171011708450001', 'lain', 6);
SELECT is(dtks.nik_banding(u.diketik, u.nik), u.kelas, format('nik_banding %L: %s', u.diketik, u.kelas))
  FROM kelas_uji u ORDER BY u.kelas, u.diketik;
SELECT is_empty($$SELECT u.diketik, dtks.nik_jarak(u.diketik, u.nik), u.jarak FROM kelas_uji u
                   WHERE dtks.nik_jarak(u.diketik, u.nik) <> u.jarak$$,
                'nik_jarak: the OSA distance of the digits of every example');
SELECT is(dtks.nik_banding(NULL, '3171011708450001'), NULL, 'nik_banding of NULL is NULL (STRICT)');
SELECT is(dtks.nik_jarak(pg_catalog.repeat('3', 1000000), '3171011708450001'), 999999,
          'nik_jarak of a million digits: linear, not refused');

-- every single-digit change, adjacent swap, drop and insertion of a valid NIK is classed so, and its
-- neighbourhood keys meet the NIK's
CREATE TEMP TABLE ubahan AS
WITH n AS (SELECT '3276055708900002'::text AS nik)
SELECT 'satu_digit' AS kelas, overlay(n.nik PLACING ((substr(n.nik, p, 1)::int + d) % 10)::text FROM p FOR 1) AS diketik, n.nik
  FROM n, generate_series(1, 16) p, generate_series(1, 9) d
UNION ALL
SELECT 'tukar_berdekatan', overlay(n.nik PLACING substr(n.nik, p + 1, 1) || substr(n.nik, p, 1) FROM p FOR 2), n.nik
  FROM n, generate_series(1, 15) p WHERE substr(n.nik, p, 1) <> substr(n.nik, p + 1, 1)
UNION ALL
SELECT 'digit_hilang', overlay(n.nik PLACING '' FROM p FOR 1), n.nik FROM n, generate_series(1, 16) p
UNION ALL
SELECT 'digit_lebih', overlay(n.nik PLACING d::text FROM p FOR 0), n.nik FROM n, generate_series(1, 17) p, generate_series(0, 9) d;
SELECT is_empty($$SELECT kelas, diketik, dtks.nik_banding(diketik, nik::dtks.nik) FROM ubahan
                   WHERE dtks.nik_banding(diketik, nik::dtks.nik) <> kelas$$,
                'every one-digit change, adjacent swap, dropped and added digit of a NIK is classed so');
SELECT is((SELECT count(DISTINCT diketik) FROM ubahan WHERE kelas = 'satu_digit'), 144::bigint, '144 one-digit changes tried');
SELECT is_empty($$SELECT kelas, diketik FROM ubahan
                   WHERE NOT dtks.nik_kunci_sekitar(diketik) OPERATOR(pg_catalog.&&) dtks.nik_kunci_sekitar(nik)$$,
                'nik_kunci_sekitar: each of them shares a key with the NIK');
SELECT is_empty($$SELECT diketik FROM kelas_uji
                   WHERE kelas NOT IN ('lain', 'kosong')
                     AND NOT dtks.nik_kunci_sekitar(diketik) OPERATOR(pg_catalog.&&) dtks.nik_kunci_sekitar(nik::text)$$,
                'nik_kunci_sekitar: every example of a class but lain and kosong shares a key with its NIK');
SELECT ok(NOT dtks.nik_kunci_sekitar('3171011708459999') && dtks.nik_kunci_sekitar('3171011708450001'),
          'nik_kunci_sekitar: NIKs four digits apart share no key');
SELECT ok(NOT dtks.nik_kunci_sekitar('3273012501990001') && dtks.nik_kunci_sekitar('3171011708450001'),
          'nik_kunci_sekitar: unrelated NIKs share no key');
SELECT is(cardinality(dtks.nik_kunci_sekitar('3171011708450001')), 49, 'nik_kunci_sekitar: 49 keys for 16 digits');
SELECT is(dtks.nik_kunci_sekitar('317101170845000'), ARRAY['317101170845000'], 'nik_kunci_sekitar: 15 digits are their own key');
SELECT is(cardinality(dtks.nik_kunci_sekitar('31710117084500011')), 17, 'nik_kunci_sekitar: 17 keys for 17 digits');
SELECT is(dtks.nik_kunci_sekitar('abc'), '{}'::text[], 'nik_kunci_sekitar: no key without 15 to 17 digits');
SELECT is((dtks.nik_kunci_sekitar('3171011708450001'))[1:3], ARRAY['3171011708450001', '_171011708450001', '3_71011708450001'],
          'nik_kunci_sekitar: the digits first, then one position masked');
SELECT is((dtks.nik_kunci_sekitar('3171011708450001'))[33], '317101____450001', 'nik_kunci_sekitar: the day and month masked');

SELECT * FROM finish();
ROLLBACK;
