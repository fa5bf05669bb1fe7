-- pgTAP: behaviour and SQLSTATEs of dtks.nik (input, casts, rule order,
-- accessors, century rule, round trips, ordering).
\ir lib/awal.psql

SELECT plan(335);

-- Does bigint -> nik accept the value?  (no EXECUTE: cheap enough for 20,000 rows)
CREATE FUNCTION pg_temp.bigint_diterima(v bigint) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM v::dtks.nik;
    RETURN true;
EXCEPTION WHEN invalid_text_representation THEN
    RETURN false;
END $$;

------------------------------------------------------------------------------
-- 1. The reference vectors
------------------------------------------------------------------------------
CREATE TEMP TABLE vektor (teks text PRIMARY KEY, alasan text, lahir date, jk text, urut int, kode text);
INSERT INTO vektor VALUES
    ('3171011708450001', NULL,         '1945-08-17', 'L', 1,    '31.71.01'),
    ('3171015708450001', NULL,         '1945-08-17', 'P', 1,    '31.71.01'),
    ('31710117084500',   'panjang',    NULL, NULL, NULL, NULL),
    ('9971011708450001', 'provinsi',   NULL, NULL, NULL, NULL),
    ('3171013002001234', 'tanggal',    NULL, NULL, NULL, NULL),
    ('3171012902001234', NULL,         '2000-02-29', 'L', 1234, '31.71.01'),
    ('3273012501990001', NULL,         '1999-01-25', 'L', 1,    '32.73.01'),
    ('3273010119800002', 'bulan',      NULL, NULL, NULL, NULL),
    ('3321053908775443', 'tanggal',    NULL, NULL, NULL, NULL),
    ('3276055708900002', NULL,         '1990-08-17', 'P', 2,    '32.76.05'),
    ('1101010101900001', NULL,         '1990-01-01', 'L', 1,    '11.01.01'),
    ('1107090101900001', NULL,         '1990-01-01', 'L', 1,    '11.07.09'),
    ('3171018108450001', 'tanggal',    NULL, NULL, NULL, NULL),
    ('3171011708450000', 'nomor_urut', NULL, NULL, NULL, NULL),
    ('9101011708450001', NULL,         '1945-08-17', 'L', 1,    '91.01.01'),
    ('9271011708450001', NULL,         '1945-08-17', 'L', 1,    '92.71.01');

-- 16 + 16
SELECT is(nik_alasan(teks), alasan, format('nik_alasan(%s) is %s', teks, coalesce(alasan, 'NULL')))
  FROM vektor ORDER BY teks;
SELECT is(nik_valid(teks), alasan IS NULL, format('nik_valid(%s) is %s', teks, alasan IS NULL))
  FROM vektor ORDER BY teks;

-- valid vectors: input and output (9)
SELECT lives_ok(format('SELECT %L::dtks.nik', teks), format('%s is accepted by nik input', teks))
  FROM vektor WHERE alasan IS NULL ORDER BY teks;

-- invalid vectors: text and bigint casts raise 22P02 (7 + 7)
SELECT throws_ok(format('SELECT %L::dtks.nik', teks), '22P02', NULL,
                 format('%s::nik raises 22P02 (%s)', teks, alasan))
  FROM vektor WHERE alasan IS NOT NULL ORDER BY teks;
SELECT throws_ok(format('SELECT %s::bigint::dtks.nik', teks), '22P02', NULL,
                 format('%s::bigint::nik raises 22P02 (%s)', teks, alasan))
  FROM vektor WHERE alasan IS NOT NULL ORDER BY teks;

-- valid vectors through bigint (9)
SELECT is(teks::bigint::nik, teks::nik, format('%s::bigint::nik = %s::nik', teks, teks))
  FROM vektor WHERE alasan IS NULL ORDER BY teks;

-- accessors of the valid vectors (birth date with acuan 2026-01-01, sex, serial, region)
SELECT results_eq(
    $$SELECT teks, nik_tanggal_lahir(teks::nik, DATE '2026-01-01'), nik_jenis_kelamin(teks::nik),
             nik_nomor_urut(teks::nik), nik_kode_wilayah(teks::nik)::text
        FROM vektor WHERE alasan IS NULL ORDER BY teks$$,
    $$SELECT teks, lahir, jk, urut, kode FROM vektor WHERE alasan IS NULL ORDER BY teks$$,
    'accessors of the valid reference vectors');

SELECT is(nik_tanggal_lahir('3171011708450001'::nik, DATE '2026-01-01'), DATE '1945-08-17',
          '3171011708450001 was born 1945-08-17 (acuan 2026-01-01)');
SELECT is(nik_jenis_kelamin('3171011708450001'), 'L', '3171011708450001 is male');
SELECT is(nik_jenis_kelamin('3171015708450001'), 'P', '3171015708450001 is female');
SELECT is(nik_kode_wilayah('3171011708450001'), '31.71.01'::kode_wilayah, '3171011708450001 comes from 31.71.01');
SELECT is(nik_tanggal_lahir('3171012902001234'::nik, DATE '2026-01-01'), DATE '2000-02-29',
          '3171012902001234 was born 2000-02-29');
SELECT is(nik_tanggal_lahir('3273012501990001'::nik, DATE '2026-01-01'), DATE '1999-01-25',
          '3273012501990001 was born 1999-01-25');
SELECT is(nik_jenis_kelamin('3273012501990001'), 'L', '3273012501990001 is male');
SELECT is(nik_tanggal_lahir('3276055708900002'::nik, DATE '2026-01-01'), DATE '1990-08-17',
          '3276055708900002 was born 1990-08-17');
SELECT is(nik_jenis_kelamin('3276055708900002'), 'P', '3276055708900002 is female');

-- historical region codes
SELECT ok(nik_wilayah_dikenal('9101011708450001'), '9101011708450001: 91.01.01 (old Merauke) is known from an earlier edition');
SELECT ok(NOT EXISTS (SELECT 1 FROM dtks.wilayah WHERE kode = '91.01.01'), '91.01.01 is not in the current edition');
SELECT ok(nik_wilayah_dikenal('9271011708450001'), '9271011708450001: 92.71.01 is known');
SELECT ok(nik_wilayah_dikenal('3171011708450001'), '3171011708450001: 31.71.01 is known');
SELECT is(nik_wilayah_dikenal('1199011708450001'), false, '11.99.01 is in no edition');
SELECT is(nik_wilayah_dikenal(NULL), NULL, 'nik_wilayah_dikenal(NULL) is NULL');

------------------------------------------------------------------------------
-- 2. Edge cases of input: whitespace, length, characters, day/month rules, region
------------------------------------------------------------------------------
CREATE TEMP TABLE tepi (teks text, alasan text, catatan text);
INSERT INTO tepi VALUES
    (E' \t3171011708450001\n ',        NULL,          'spaces, tab and newline around'),
    (E'\r\n3171011708450001\t',        NULL,          'CR LF before, tab after'),
    (E'\x0b\x0c3171011708450001  ',    NULL,          'vertical tab and form feed before'),
    ('3171 11708450001',               'bukan_angka', 'internal space'),
    ('317101170845000 ',               'panjang',     '15 digits and a space'),
    ('',                               'panjang',     'empty string'),
    ('   ',                            'panjang',     'only spaces'),
    ('31710117084500011',              'panjang',     '17 digits'),
    (translate('3171011708450001', '0123456789', '０１２３４５６７８９'), 'bukan_angka', '16 fullwidth digits'),
    (translate('317101170845000', '0123456789', '０１２３４５６７８９'), 'panjang',     '15 fullwidth digits'),
    ('31710117O8450001',               'bukan_angka', 'letter O for zero'),
    ('+171011708450001',               'bukan_angka', 'leading plus sign'),
    ('-171011708450001',               'bukan_angka', 'leading minus sign'),
    ('3171013104900001',               'tanggal',     '31 April (30-day month)'),
    ('3171017104900001',               'tanggal',     'female 31 April'),
    ('3171013006900001',               NULL,          '30 June'),
    ('3171013106900001',               'tanggal',     '31 June'),
    ('3171013109900001',               'tanggal',     '31 September'),
    ('3171013111900001',               'tanggal',     '31 November'),
    ('3171013112900001',               NULL,          '31 December'),
    ('3171012902010001',               'tanggal',     '29 February, yy 01'),
    ('3171016902010001',               'tanggal',     'female 29 February, yy 01'),
    ('3171012902990001',               'tanggal',     '29 February, yy 99'),
    ('3171012902040001',               NULL,          '29 February, yy 04'),
    ('3171016902000001',               NULL,          'female 29 February, yy 00'),
    ('3171013002040001',               'tanggal',     '30 February'),
    ('3171017101900001',               NULL,          'day 71: female 31st'),
    ('3171014101900001',               NULL,          'day 41: female 1st'),
    ('3171014001900001',               'tanggal',     'day 40'),
    ('3171017201900001',               'tanggal',     'day 72'),
    ('3171010001900001',               'tanggal',     'day 00'),
    ('3171013201900001',               'tanggal',     'day 32'),
    ('3171019901900001',               'tanggal',     'day 99'),
    ('3171011700900001',               'bulan',       'month 00'),
    ('3171011713900001',               'bulan',       'month 13'),
    ('3171015799900001',               'bulan',       'female, month 99'),
    ('3100011708450001',               'kabkota',     'kabupaten/kota 00'),
    ('3171001708450001',               'kecamatan',   'kecamatan 00'),
    ('0071011708450001',               'provinsi',    'province 00'),
    ('1071011708450001',               'provinsi',    'province 10'),
    ('9999999999999999',               'provinsi',    'all nines'),
    ('3171011708459999',               NULL,          'serial 9999'),
    -- rule order: the first failing rule is reported
    ('9971011708450000',               'provinsi',    'order: province before serial'),
    ('99710117084500',                 'panjang',     'order: length before province'),
    ('99x1011708450001',               'bukan_angka', 'order: digits before province'),
    ('3100001708450001',               'kabkota',     'order: kab/kota before kecamatan'),
    ('3171009908450001',               'kecamatan',   'order: kecamatan before day'),
    ('3171019913450001',               'tanggal',     'order: day field before month'),
    ('3171013113450001',               'bulan',       'order: month before day-in-month'),
    ('3171013002450000',               'tanggal',     'order: day-in-month before serial'),
    ('3171011713450000',               'bulan',       'order: month before serial'),
    ('0000000000000000',               'provinsi',    'order: sixteen zeros fail the province first');

-- 52 + 52 + 52
SELECT is(nik_alasan(teks), alasan, format('nik_alasan: %s -> %s', catatan, coalesce(alasan, 'valid')))
  FROM tepi ORDER BY catatan;
SELECT is(nik_valid(teks), alasan IS NULL, format('nik_valid: %s', catatan))
  FROM tepi ORDER BY catatan;
SELECT CASE WHEN alasan IS NULL
            THEN lives_ok(format('SELECT %L::dtks.nik', teks), format('::nik accepts: %s', catatan))
            ELSE throws_ok(format('SELECT %L::dtks.nik', teks), '22P02', NULL,
                           format('::nik raises 22P02: %s', catatan))
       END
  FROM tepi ORDER BY catatan;

-- the bigint cast agrees on every all-digit edge case (26)
SELECT CASE WHEN alasan IS NULL
            THEN lives_ok(format('SELECT %s::bigint::dtks.nik', teks), format('::bigint::nik accepts: %s', catatan))
            ELSE throws_ok(format('SELECT %s::bigint::dtks.nik', teks), '22P02', NULL,
                           format('::bigint::nik raises 22P02: %s', catatan))
       END
  FROM tepi WHERE teks ~ '^[0-9]{16,17}$' ORDER BY catatan;

SELECT is(E' \t3171011708450001\n '::nik::text, '3171011708450001', 'surrounding whitespace is trimmed from the value');
SELECT is(E' \t3171011708450001\n '::nik, '3171011708450001'::nik, 'trimmed input equals the plain input');
SELECT is(nik_tanggal_lahir('3171017101900001'::nik, DATE '2026-01-01'), DATE '1990-01-31', 'day 71 is the 31st');
SELECT is(nik_jenis_kelamin('3171017101900001'), 'P', 'day 71 is female');
SELECT is(nik_tanggal_lahir('3171014101900001'::nik, DATE '2026-01-01'), DATE '1990-01-01', 'day 41 is the 1st');
SELECT is(nik_jenis_kelamin('3171014101900001'), 'P', 'day 41 is female');
SELECT is(nik_jenis_kelamin('3171013112900001'), 'L', 'day 31 is male');
SELECT is(nik_nomor_urut('3171011708459999'), 9999, 'serial 9999');

-- bigint values that are not 16 digits
SELECT throws_ok('SELECT 0::bigint::dtks.nik', '22P02', NULL, '0::bigint::nik raises 22P02');
SELECT throws_ok('SELECT (-3171011708450001)::bigint::dtks.nik', '22P02', NULL, 'a negative bigint raises 22P02');
SELECT throws_ok('SELECT 9223372036854775807::bigint::dtks.nik', '22P02', NULL, 'the largest bigint raises 22P02');
SELECT throws_ok('SELECT (-9223372036854775807 - 1)::bigint::dtks.nik', '22P02', NULL, 'the smallest bigint raises 22P02');
SELECT throws_ok('SELECT 171011708450001::bigint::dtks.nik', '22P02', NULL, 'a 15-digit bigint raises 22P02');

-- messages name the rule (and never quote the value)
SELECT throws_ok($$SELECT '9971011708450001'::dtks.nik$$, '22P02', 'invalid input syntax for type nik',
                 'the message names the type');
SELECT throws_like($$SELECT dtks.nik(9971011708450001)$$, '%invalid input syntax for type nik%',
                   'the bigint cast reports like text input');

-- Length is counted in characters: 15 characters in 16 bytes (one 2-byte
-- character) fail the first rule, panjang, not bukan_angka.
SELECT is(nik_alasan('é' || repeat('1', 14)), 'panjang', '15 characters in 16 bytes: panjang comes first');

------------------------------------------------------------------------------
-- 3. Every province code 00..99 against the documented set
------------------------------------------------------------------------------
CREATE TEMP TABLE provinsi_resmi (p int PRIMARY KEY);
INSERT INTO provinsi_resmi
SELECT unnest(ARRAY[11,12,13,14,15,16,17,18,19, 21, 31,32,33,34,35,36, 51,52,53,
                    61,62,63,64,65, 71,72,73,74,75,76, 81,82, 91,92,93,94,95,96]);
SELECT is((SELECT count(*) FROM provinsi_resmi), 38::bigint, 'the documented set has 38 provinces');

CREATE TEMP TABLE provinsi_uji AS
SELECT p, lpad(p::text, 2, '0') || '71011708450001' AS teks FROM generate_series(0, 99) p;

SELECT set_eq('SELECT p FROM provinsi_uji WHERE nik_valid(teks)', 'SELECT p FROM provinsi_resmi',
              'nik_valid accepts exactly the documented province codes');
SELECT is((SELECT count(*) FROM provinsi_uji WHERE nik_alasan(teks) = 'provinsi'), 62::bigint,
          'every other province code (62 of 00..99) reports provinsi');
SELECT set_eq($$SELECT p FROM provinsi_uji WHERE pg_temp.sqlstate_dari(format('SELECT %L::dtks.nik', teks)) IS NULL$$,
              'SELECT p FROM provinsi_resmi', 'text input accepts exactly the documented province codes');
SELECT set_eq($$SELECT DISTINCT pg_temp.sqlstate_dari(format('SELECT %L::dtks.nik', teks)) FROM provinsi_uji
                 WHERE p NOT IN (SELECT p FROM provinsi_resmi)$$,
              ARRAY['22P02'], 'text input rejects every other province code with 22P02');
SELECT set_eq($$SELECT p FROM provinsi_uji WHERE pg_temp.bigint_diterima(teks::bigint)$$,
              'SELECT p FROM provinsi_resmi', 'the bigint cast accepts exactly the documented province codes');
SELECT set_eq($$SELECT DISTINCT pg_temp.sqlstate_dari(format('SELECT %s::bigint::dtks.nik', teks)) FROM provinsi_uji
                 WHERE p NOT IN (SELECT p FROM provinsi_resmi)$$,
              ARRAY['22P02'], 'the bigint cast rejects every other province code with 22P02');

------------------------------------------------------------------------------
-- 4. nik_valid and nik_alasan never raise
------------------------------------------------------------------------------
SELECT is(nik_valid(NULL), NULL, 'nik_valid(NULL) is NULL');
SELECT is(nik_alasan(NULL), NULL, 'nik_alasan(NULL) is NULL');
SELECT is(NULL::text::nik, NULL, 'NULL::text::nik is NULL');
SELECT lives_ok($$
    SELECT count(nik_valid(s)), count(nik_alasan(s))
      FROM (SELECT repeat('9', 1000000) UNION ALL SELECT repeat(' ', 100000)
            UNION ALL SELECT string_agg(chr(i), '') FROM generate_series(1, 2000) i
            UNION ALL SELECT chr(i) || repeat('1', 15) FROM generate_series(1, 1000) i
            UNION ALL SELECT repeat(chr(i), 16) FROM generate_series(1, 1000) i
            UNION ALL SELECT md5(i::text) FROM generate_series(1, 1000) i
            UNION ALL SELECT left(md5(i::text), 16) FROM generate_series(1, 1000) i
            UNION ALL SELECT E'\u00e9\u00e9' || repeat('1', 12)
            UNION ALL SELECT U&'\+01F600' || repeat('1', 15)) s(s)$$,
    'nik_valid and nik_alasan do not raise on garbage');
SELECT is((SELECT count(*) FROM (SELECT chr(i) || repeat('1', 15) AS s FROM generate_series(1, 1000) i
                                   WHERE chr(i) !~ '[0-9]') x
            WHERE nik_valid(s)), 0::bigint, 'no garbage is valid');
SELECT is(nik_alasan(repeat('9', 1000000)), 'panjang', 'a million digits: panjang');

------------------------------------------------------------------------------
-- 5. The century rule of nik_tanggal_lahir
------------------------------------------------------------------------------
SELECT is(nik_tanggal_lahir('3171011708450001'::nik, DATE '2045-08-17'), DATE '2045-08-17',
          'acuan on the birthday in the same century: that date');
SELECT is(nik_tanggal_lahir('3171011708450001'::nik, DATE '2045-08-16'), DATE '1945-08-17',
          'acuan one day before: the previous century');
SELECT is(nik_tanggal_lahir('3171011708450001'::nik, DATE '2026-01-01'), DATE '1945-08-17', 'acuan 2026-01-01');
SELECT is(nik_tanggal_lahir('3171011708450001'::nik, DATE '1945-08-17'), DATE '1945-08-17', 'acuan equal to the date');
SELECT is(nik_tanggal_lahir('3171011708450001'::nik, DATE '1945-08-16'), DATE '1845-08-17', 'acuan just before 1945');
SELECT is(nik_tanggal_lahir('3171015708450001'::nik, DATE '2045-08-17'), DATE '2045-08-17',
          'female: the day field less 40, same century rule');
SELECT is(nik_tanggal_lahir('3171012902001234'::nik, DATE '2100-03-01'), DATE '2000-02-29',
          '29 February 00 with acuan 2100-03-01: 2100 is not a leap year, so 2000');
SELECT is(nik_tanggal_lahir('3171012902001234'::nik, DATE '2000-02-29'), DATE '2000-02-29',
          '29 February 00 with acuan on that day');
SELECT is(nik_tanggal_lahir('3171012902001234'::nik, DATE '2000-02-28'), DATE '1600-02-29',
          '29 February 00 with acuan 2000-02-28: the latest 29 February of a year ending in 00 is 1600');
SELECT is(nik_tanggal_lahir('3171011708450001'::nik, DATE '0044-12-31'), NULL,
          'no such date in year 1 or later: NULL');
SELECT throws_ok($$SELECT dtks.nik_tanggal_lahir('3171011708450001'::dtks.nik, 'infinity'::date)$$, '22023', NULL,
                 'acuan infinity raises 22023');
SELECT throws_ok($$SELECT dtks.nik_tanggal_lahir('3171011708450001'::dtks.nik, '-infinity'::date)$$, '22023', NULL,
                 'acuan -infinity raises 22023');
SELECT is(nik_tanggal_lahir('3171011708450001'::nik), nik_tanggal_lahir('3171011708450001'::nik, CURRENT_DATE),
          'the one-argument form uses CURRENT_DATE');
SELECT is(nik_tanggal_lahir(NULL::nik, DATE '2026-01-01'), NULL, 'NULL nik: NULL');
SELECT is(nik_tanggal_lahir('3171011708450001'::nik, NULL::date), NULL, 'NULL acuan: NULL');

------------------------------------------------------------------------------
-- 6. 10,000 random valid NIKs: accessors, round trips, ordering
------------------------------------------------------------------------------
SELECT setseed(0.2026);
CREATE TEMP TABLE acak AS
SELECT g, d, perempuan, urut, prov, kab, kec,
       lpad(prov::text, 2, '0') || lpad(kab::text, 2, '0') || lpad(kec::text, 2, '0')
       || lpad((extract(day FROM d)::int + CASE WHEN perempuan THEN 40 ELSE 0 END)::text, 2, '0')
       || to_char(d, 'MMYY') || lpad(urut::text, 4, '0') AS teks
  FROM (SELECT g,
               DATE '1926-01-02' + floor(random() * 36524)::int AS d,
               random() < 0.5 AS perempuan,
               1 + floor(random() * 9999)::int AS urut,
               (SELECT array_agg(p ORDER BY p) FROM provinsi_resmi)[1 + floor(random() * 38)::int] AS prov,
               1 + floor(random() * 99)::int AS kab,
               1 + floor(random() * 99)::int AS kec
          FROM generate_series(1, 10000) g) s;
ALTER TABLE acak ADD COLUMN n nik;
UPDATE acak SET n = teks::nik;

SELECT is((SELECT count(*) FROM acak WHERE nik_valid(teks) AND nik_alasan(teks) IS NULL), 10000::bigint,
          '10,000 generated NIKs are all valid');
SELECT is((SELECT count(*) FROM acak WHERE n::text <> teks), 0::bigint, 'x::nik::text = x for 10,000 NIKs');
SELECT is((SELECT count(*) FROM acak WHERE n::text::nik <> n), 0::bigint, 'n::text::nik = n for 10,000 NIKs');
SELECT is((SELECT count(*) FROM acak WHERE n::bigint::nik <> n), 0::bigint, 'n::bigint::nik = n for 10,000 NIKs');
SELECT is((SELECT count(*) FROM acak WHERE n::bigint <> teks::bigint), 0::bigint, 'n::bigint is the number its digits spell');
SELECT is((SELECT count(*) FROM acak WHERE nik_tanggal_lahir(n, DATE '2026-01-01') IS DISTINCT FROM d), 0::bigint,
          'nik_tanggal_lahir(n, 2026-01-01) gives back every generated birth date (1926-01-02..2026-01-01)');
SELECT is((SELECT count(*) FROM acak WHERE nik_jenis_kelamin(n) <> CASE WHEN perempuan THEN 'P' ELSE 'L' END),
          0::bigint, 'nik_jenis_kelamin of 10,000 NIKs');
SELECT is((SELECT count(*) FROM acak WHERE nik_nomor_urut(n) <> urut), 0::bigint, 'nik_nomor_urut of 10,000 NIKs');
SELECT is((SELECT count(*) FROM acak
            WHERE nik_kode_wilayah(n)::text <> format('%s.%s.%s', lpad(prov::text, 2, '0'),
                                                       lpad(kab::text, 2, '0'), lpad(kec::text, 2, '0'))),
          0::bigint, 'nik_kode_wilayah of 10,000 NIKs');

SELECT results_eq('SELECT n FROM acak ORDER BY n', 'SELECT n FROM acak ORDER BY n::bigint',
                  'ORDER BY nik equals ORDER BY the same values as bigint');
SELECT results_eq('SELECT n FROM acak ORDER BY n', 'SELECT n FROM acak ORDER BY teks COLLATE "C"',
                  'ORDER BY nik equals ORDER BY the same values as text');
SELECT results_eq('SELECT n FROM acak ORDER BY n DESC', 'SELECT n FROM acak ORDER BY n::bigint DESC',
                  'ORDER BY nik DESC equals ORDER BY bigint DESC');

-- every comparison operator agrees with bigint on 10,000 random pairs
SELECT is((SELECT count(*) FROM acak a JOIN acak b ON b.g = 1 + (a.g * 7919) % 10000
            WHERE (a.n < b.n)  <> (a.n::bigint < b.n::bigint)
               OR (a.n <= b.n) <> (a.n::bigint <= b.n::bigint)
               OR (a.n = b.n)  <> (a.n::bigint = b.n::bigint)
               OR (a.n <> b.n) <> (a.n::bigint <> b.n::bigint)
               OR (a.n >= b.n) <> (a.n::bigint >= b.n::bigint)
               OR (a.n > b.n)  <> (a.n::bigint > b.n::bigint)
               OR sign(nik_cmp(a.n, b.n)) <> sign(btint8cmp(a.n::bigint, b.n::bigint))),
          0::bigint, 'all six operators and nik_cmp agree with bigint on 10,000 pairs');
SELECT is((SELECT count(*) FROM acak WHERE nik_hash(n) <> hashint8(n::bigint)
                                        OR nik_hash_extended(n, 42) <> hashint8extended(n::bigint, 42)),
          0::bigint, 'nik hashes are the int8 hashes');

-- a btree index returns the same order
CREATE INDEX acak_n ON acak (n);
ANALYZE acak;
SET LOCAL enable_seqscan = off;
SET LOCAL enable_sort = off;
SELECT results_eq('SELECT n FROM acak ORDER BY n', 'SELECT teks::nik FROM acak ORDER BY teks::bigint',
                  'an index scan returns NIKs in bigint order');
RESET enable_seqscan;
RESET enable_sort;

-- differential: the bigint cast accepts exactly what nik_valid accepts, over
-- 20,000 numbers: the 10,000 valid NIKs each with one digit changed, and
-- 10,000 uniformly random 16-digit numbers
CREATE TEMP TABLE acak_bigint AS
SELECT overlay(teks PLACING floor(random() * 10)::int::text FROM 1 + floor(random() * 16)::int FOR 1) AS teks
  FROM acak
UNION ALL
SELECT (1000000000000000 + floor(random() * 9000000000000000))::bigint::text FROM generate_series(1, 10000);
SELECT is((SELECT count(*) FROM acak_bigint WHERE pg_temp.bigint_diterima(teks::bigint) <> nik_valid(teks)),
          0::bigint, 'bigint -> nik accepts exactly the 16-digit numbers nik_valid accepts (20,000 numbers)');
SELECT cmp_ok((SELECT count(*) FROM acak_bigint WHERE nik_valid(teks)), '>', 1000::bigint,
              'the differential sample has valid and invalid numbers');

SELECT * FROM finish();
ROLLBACK;
