-- pgTAP: behaviour and SQLSTATEs of dtks.no_kk.  Only the region part rejects
-- (panjang, bukan_angka, provinsi, kabkota, kecamatan); the believed date and
-- serial rules only warn through no_kk_alasan.
\ir lib/awal.psql

SELECT plan(176);

CREATE FUNCTION pg_temp.bigint_diterima(v bigint) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM v::dtks.no_kk;
    RETURN true;
EXCEPTION WHEN invalid_text_representation THEN
    RETURN false;
END $$;

------------------------------------------------------------------------------
-- 1. Cases: teks, alasan, accepted by input?, tanggal_terbit (acuan 2026-01-01)
------------------------------------------------------------------------------
CREATE TEMP TABLE kasus (teks text, alasan text, diterima boolean, terbit date, catatan text);
INSERT INTO kasus VALUES
    ('3171011501200001', NULL,         true,  '2020-01-15', 'clean KK'),
    (E' \t3171011501200001\n', NULL,   true,  '2020-01-15', 'surrounding whitespace'),
    (E'\r\x0b\x0c3171011501200001 ', NULL, true, '2020-01-15', 'CR, vertical tab, form feed'),
    ('3171013112990001', NULL,         true,  '1999-12-31', '31 December 99'),
    ('3171012902000001', NULL,         true,  '2000-02-29', '29 February 00'),
    ('3171014501200001', 'tanggal',    true,  NULL,         'day 45: not a date, only warned'),
    ('3171014101200001', 'tanggal',    true,  NULL,         'day 41: no +40 rule in a KK'),
    ('3171010001200001', 'tanggal',    true,  NULL,         'day 00'),
    ('3171013104200001', 'tanggal',    true,  NULL,         '31 April'),
    ('3171012902210001', 'tanggal',    true,  NULL,         '29 February 21'),
    ('3171011513200001', 'tanggal',    true,  NULL,         'month 13'),
    ('3171011500200001', 'tanggal',    true,  NULL,         'month 00'),
    ('3171011501200000', 'nomor_urut', true,  '2020-01-15', 'serial 0000: only warned'),
    ('3171014501200000', 'tanggal',    true,  NULL,         'order: date warning before serial warning'),
    ('31710115012000',   'panjang',    false, NULL,         '14 digits'),
    ('31710115012000011', 'panjang',   false, NULL,         '17 digits'),
    ('',                 'panjang',    false, NULL,         'empty'),
    ('3171 11501200001', 'bukan_angka', false, NULL,        'internal space'),
    (translate('3171011501200001', '0123456789', '０１２３４５６７８９'), 'bukan_angka', false, NULL, '16 fullwidth digits'),
    ('31710115O1200001', 'bukan_angka', false, NULL,        'letter O'),
    ('9971011501200001', 'provinsi',   false, NULL,         'province 99'),
    ('0071011501200001', 'provinsi',   false, NULL,         'province 00'),
    ('3100011501200001', 'kabkota',    false, NULL,         'kab/kota 00'),
    ('3171001501200001', 'kecamatan',  false, NULL,         'kecamatan 00'),
    ('9971014501200000', 'provinsi',   false, NULL,         'order: province before the warnings'),
    ('3100004501200000', 'kabkota',    false, NULL,         'order: kab/kota before kecamatan and warnings'),
    ('3171004513200000', 'kecamatan',  false, NULL,         'order: kecamatan before the warnings'),
    ('99x1011501200001', 'bukan_angka', false, NULL,        'order: digits before province'),
    ('997101150120000',  'panjang',    false, NULL,         'order: length before everything');

SELECT is(no_kk_alasan(teks), alasan, format('no_kk_alasan: %s -> %s', catatan, coalesce(alasan, 'clean')))
  FROM kasus ORDER BY catatan;
SELECT is(no_kk_valid(teks), diterima, format('no_kk_valid: %s', catatan))
  FROM kasus ORDER BY catatan;
SELECT CASE WHEN diterima
            THEN lives_ok(format('SELECT %L::dtks.no_kk', teks), format('::no_kk accepts: %s', catatan))
            ELSE throws_ok(format('SELECT %L::dtks.no_kk', teks), '22P02', NULL,
                           format('::no_kk raises 22P02: %s', catatan))
       END
  FROM kasus ORDER BY catatan;
SELECT CASE WHEN diterima
            THEN lives_ok(format('SELECT %s::bigint::dtks.no_kk', teks), format('::bigint::no_kk accepts: %s', catatan))
            ELSE throws_ok(format('SELECT %s::bigint::dtks.no_kk', teks), '22P02', NULL,
                           format('::bigint::no_kk raises 22P02: %s', catatan))
       END
  FROM kasus WHERE teks ~ '^[0-9]+$' ORDER BY catatan;
SELECT is(no_kk_tanggal_terbit(teks::no_kk, DATE '2026-01-01'), terbit,
          format('no_kk_tanggal_terbit: %s -> %s', catatan, coalesce(terbit::text, 'NULL')))
  FROM kasus WHERE diterima ORDER BY catatan;
SELECT is(no_kk_kode_wilayah(teks::no_kk), '31.71.01'::kode_wilayah, format('no_kk_kode_wilayah: %s', catatan))
  FROM kasus WHERE diterima ORDER BY catatan;

-- only the five region rules ever reject
SELECT set_eq('SELECT DISTINCT alasan FROM kasus WHERE NOT diterima',
              ARRAY['panjang', 'bukan_angka', 'provinsi', 'kabkota', 'kecamatan'],
              'the rejecting rules are panjang, bukan_angka, provinsi, kabkota, kecamatan');
SELECT set_eq('SELECT DISTINCT alasan FROM kasus WHERE diterima AND alasan IS NOT NULL',
              ARRAY['tanggal', 'nomor_urut'], 'the warning rules are tanggal and nomor_urut');

SELECT is(E' \t3171011501200001\n'::no_kk::text, '3171011501200001', 'whitespace is trimmed from the value');
SELECT throws_ok($$SELECT '9971011501200001'::dtks.no_kk$$, '22P02', 'invalid input syntax for type no_kk',
                 'the message names the type');
SELECT throws_ok('SELECT 0::bigint::dtks.no_kk', '22P02', NULL, '0::bigint::no_kk raises 22P02');
SELECT throws_ok('SELECT (-3171011501200001)::bigint::dtks.no_kk', '22P02', NULL, 'a negative bigint raises 22P02');
SELECT throws_ok('SELECT 9223372036854775807::bigint::dtks.no_kk', '22P02', NULL, 'the largest bigint raises 22P02');

------------------------------------------------------------------------------
-- 2. The century rule of no_kk_tanggal_terbit, and NULLs
------------------------------------------------------------------------------
SELECT is(no_kk_tanggal_terbit('3171011501200001'::no_kk, DATE '2020-01-15'), DATE '2020-01-15',
          'acuan on the date: that date');
SELECT is(no_kk_tanggal_terbit('3171011501200001'::no_kk, DATE '2020-01-14'), DATE '1920-01-15',
          'acuan one day before: the previous century');
SELECT is(no_kk_tanggal_terbit('3171012902000001'::no_kk, DATE '2100-03-01'), DATE '2000-02-29',
          '29 February 00 with acuan 2100-03-01: 2000');
SELECT is(no_kk_tanggal_terbit('3171014501200001'::no_kk, DATE '2026-01-01'), NULL, 'not a date: NULL');
SELECT throws_ok($$SELECT dtks.no_kk_tanggal_terbit('3171011501200001'::dtks.no_kk, 'infinity'::date)$$,
                 '22023', NULL, 'acuan infinity raises 22023');
SELECT throws_ok($$SELECT dtks.no_kk_tanggal_terbit('3171011501200001'::dtks.no_kk, '-infinity'::date)$$,
                 '22023', NULL, 'acuan -infinity raises 22023');
SELECT is(no_kk_tanggal_terbit('3171011501200001'::no_kk),
          no_kk_tanggal_terbit('3171011501200001'::no_kk, CURRENT_DATE), 'the one-argument form uses CURRENT_DATE');
SELECT is(no_kk_tanggal_terbit('3171014501200001'::no_kk), NULL, 'the one-argument form: NULL where not a date');
SELECT is(no_kk_tanggal_terbit(NULL::no_kk, DATE '2026-01-01'), NULL, 'NULL no_kk: NULL');
SELECT is(no_kk_tanggal_terbit('3171011501200001'::no_kk, NULL::date), NULL, 'NULL acuan: NULL');
SELECT is(no_kk_kode_wilayah(NULL), NULL, 'no_kk_kode_wilayah(NULL) is NULL');
SELECT is(no_kk_valid(NULL), NULL, 'no_kk_valid(NULL) is NULL');
SELECT is(no_kk_alasan(NULL), NULL, 'no_kk_alasan(NULL) is NULL');
SELECT is(NULL::text::no_kk, NULL, 'NULL::text::no_kk is NULL');
SELECT lives_ok($$
    SELECT count(no_kk_valid(s)), count(no_kk_alasan(s))
      FROM (SELECT repeat('9', 1000000) UNION ALL SELECT repeat(' ', 100000)
            UNION ALL SELECT string_agg(chr(i), '') FROM generate_series(1, 2000) i
            UNION ALL SELECT chr(i) || repeat('1', 15) FROM generate_series(1, 1000) i
            UNION ALL SELECT repeat(chr(i), 16) FROM generate_series(1, 1000) i
            UNION ALL SELECT md5(i::text) FROM generate_series(1, 1000) i
            UNION ALL SELECT U&'\+01F600' || repeat('1', 15)) s(s)$$,
    'no_kk_valid and no_kk_alasan do not raise on garbage');

------------------------------------------------------------------------------
-- 3. Every province code 00..99
------------------------------------------------------------------------------
CREATE TEMP TABLE provinsi_resmi (p int PRIMARY KEY);
INSERT INTO provinsi_resmi
SELECT unnest(ARRAY[11,12,13,14,15,16,17,18,19, 21, 31,32,33,34,35,36, 51,52,53,
                    61,62,63,64,65, 71,72,73,74,75,76, 81,82, 91,92,93,94,95,96]);
CREATE TEMP TABLE provinsi_uji AS
SELECT p, lpad(p::text, 2, '0') || '71011501200001' AS teks FROM generate_series(0, 99) p;

SELECT set_eq('SELECT p FROM provinsi_uji WHERE no_kk_valid(teks)', 'SELECT p FROM provinsi_resmi',
              'no_kk_valid accepts exactly the documented province codes');
SELECT is((SELECT count(*) FROM provinsi_uji WHERE no_kk_alasan(teks) = 'provinsi'), 62::bigint,
          'every other province code reports provinsi');
SELECT set_eq($$SELECT p FROM provinsi_uji WHERE pg_temp.sqlstate_dari(format('SELECT %L::dtks.no_kk', teks)) IS NULL$$,
              'SELECT p FROM provinsi_resmi', 'text input accepts exactly the documented province codes');
SELECT set_eq($$SELECT DISTINCT pg_temp.sqlstate_dari(format('SELECT %L::dtks.no_kk', teks)) FROM provinsi_uji
                 WHERE p NOT IN (SELECT p FROM provinsi_resmi)$$,
              ARRAY['22P02'], 'text input rejects every other province code with 22P02');
SELECT set_eq($$SELECT p FROM provinsi_uji WHERE pg_temp.bigint_diterima(teks::bigint)$$,
              'SELECT p FROM provinsi_resmi', 'the bigint cast accepts exactly the documented province codes');

------------------------------------------------------------------------------
-- 4. 10,000 random KK numbers (with warnings): round trips, ordering, differential
------------------------------------------------------------------------------
SELECT setseed(0.1945);
CREATE TEMP TABLE acak AS
SELECT g, prov, kab, kec, dd, mm, yy, urut,
       lpad(prov::text, 2, '0') || lpad(kab::text, 2, '0') || lpad(kec::text, 2, '0')
       || lpad(dd::text, 2, '0') || lpad(mm::text, 2, '0') || lpad(yy::text, 2, '0')
       || lpad(urut::text, 4, '0') AS teks
  FROM (SELECT g,
               (SELECT array_agg(p ORDER BY p) FROM provinsi_resmi)[1 + floor(random() * 38)::int] AS prov,
               1 + floor(random() * 99)::int AS kab,
               1 + floor(random() * 99)::int AS kec,
               floor(random() * 100)::int AS dd,
               floor(random() * 100)::int AS mm,
               floor(random() * 100)::int AS yy,
               floor(random() * 10000)::int AS urut
          FROM generate_series(1, 10000) g) s;
ALTER TABLE acak ADD COLUMN k no_kk;
UPDATE acak SET k = teks::no_kk;

SELECT is((SELECT count(*) FROM acak WHERE no_kk_valid(teks)), 10000::bigint,
          'all 10,000 KK numbers with a valid kecamatan are accepted, whatever digits 7-16 are');
SELECT cmp_ok((SELECT count(*) FROM acak WHERE no_kk_alasan(teks) IS NOT NULL), '>', 5000::bigint,
              'most of them carry a warning');
-- the warning and the date agree with an independent SQL reading of DDMMYY
SELECT is((SELECT count(*) FROM acak
            WHERE (no_kk_alasan(teks) = 'tanggal')
               <> NOT CASE WHEN mm BETWEEN 1 AND 12 AND dd >= 1
                           THEN dd <= extract(day FROM make_date(2000, mm, 1) + interval '1 month - 1 day')
                                AND NOT (mm = 2 AND dd = 29 AND yy % 4 <> 0)
                           ELSE false END),
          0::bigint, 'no_kk_alasan reports tanggal exactly where DDMMYY is not a date (yy % 4 rule for 29 February)');
SELECT is((SELECT count(*) FROM acak
            WHERE no_kk_alasan(teks) IS DISTINCT FROM 'tanggal' AND (no_kk_alasan(teks) = 'nomor_urut') <> (urut = 0)),
          0::bigint, 'no_kk_alasan reports nomor_urut exactly for serial 0000 when the date is fine');
SELECT is((SELECT count(*) FROM acak
            WHERE no_kk_alasan(teks) IS DISTINCT FROM 'tanggal'
              AND no_kk_tanggal_terbit(k, DATE '2026-01-01')
                  IS DISTINCT FROM make_date(CASE WHEN make_date(2000 + yy, mm, dd) <= DATE '2026-01-01'
                                                  THEN 2000 + yy ELSE 1900 + yy END, mm, dd)),
          0::bigint, 'no_kk_tanggal_terbit(k, 2026-01-01) is the latest such date not after the acuan');
SELECT is((SELECT count(*) FROM acak WHERE no_kk_alasan(teks) = 'tanggal' AND no_kk_tanggal_terbit(k, DATE '2026-01-01') IS NOT NULL),
          0::bigint, 'no_kk_tanggal_terbit is NULL wherever the date warning is given');
SELECT is((SELECT count(*) FROM acak WHERE k::text <> teks OR k::text::no_kk <> k OR k::bigint::no_kk <> k
                                        OR k::bigint <> teks::bigint),
          0::bigint, 'text and bigint round trips of 10,000 KK numbers');
SELECT is((SELECT count(*) FROM acak
            WHERE no_kk_kode_wilayah(k)::text <> format('%s.%s.%s', lpad(prov::text, 2, '0'),
                                                         lpad(kab::text, 2, '0'), lpad(kec::text, 2, '0'))),
          0::bigint, 'no_kk_kode_wilayah of 10,000 KK numbers');
SELECT results_eq('SELECT k FROM acak ORDER BY k', 'SELECT k FROM acak ORDER BY k::bigint',
                  'ORDER BY no_kk equals ORDER BY bigint');
SELECT results_eq('SELECT k FROM acak ORDER BY k', 'SELECT k FROM acak ORDER BY teks COLLATE "C"',
                  'ORDER BY no_kk equals ORDER BY text');
SELECT is((SELECT count(*) FROM acak a JOIN acak b ON b.g = 1 + (a.g * 7919) % 10000
            WHERE (a.k < b.k)  <> (a.k::bigint < b.k::bigint)
               OR (a.k <= b.k) <> (a.k::bigint <= b.k::bigint)
               OR (a.k = b.k)  <> (a.k::bigint = b.k::bigint)
               OR (a.k <> b.k) <> (a.k::bigint <> b.k::bigint)
               OR (a.k >= b.k) <> (a.k::bigint >= b.k::bigint)
               OR (a.k > b.k)  <> (a.k::bigint > b.k::bigint)
               OR sign(no_kk_cmp(a.k, b.k)) <> sign(btint8cmp(a.k::bigint, b.k::bigint))
               OR no_kk_hash(a.k) <> hashint8(a.k::bigint)),
          0::bigint, 'operators, no_kk_cmp and no_kk_hash agree with bigint on 10,000 pairs');

CREATE TEMP TABLE acak_bigint AS
SELECT overlay(teks PLACING floor(random() * 10)::int::text FROM 1 + floor(random() * 16)::int FOR 1) AS teks
  FROM acak
UNION ALL
SELECT (1000000000000000 + floor(random() * 9000000000000000))::bigint::text FROM generate_series(1, 10000);
SELECT is((SELECT count(*) FROM acak_bigint WHERE pg_temp.bigint_diterima(teks::bigint) <> no_kk_valid(teks)),
          0::bigint, 'bigint -> no_kk accepts exactly the 16-digit numbers no_kk_valid accepts (20,000 numbers)');

SELECT * FROM finish();
ROLLBACK;
