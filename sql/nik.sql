-- dtks.nik: input, output, rules, accessors.  Errors never show the whole NIK.
SET search_path = dtks, public;

-- valid test vectors (domain.md 1.10)
SELECT n::nik, nik_jenis_kelamin(n::nik) AS jk, nik_tanggal_lahir(n::nik, DATE '2026-11-22') AS lahir,
       nik_kode_wilayah(n::nik) AS wilayah, nik_nomor_urut(n::nik) AS urut
  FROM unnest(ARRAY['3171011708450001', '3171015708450001', '3171012902001234', '3273012501990001',
                    '3276055708900002', '1101010101900001', '1107090101900001', '9101011708450001',
                    '9271011708450001']) AS n;

-- surrounding whitespace is ignored
SELECT E'\t 3171011708450001 \n'::nik;

-- one malformed form per statement, in nik_alasan() order
SELECT ''::nik;
SELECT '31710117084500'::nik;
SELECT '31710117084500011'::nik;
SELECT '3171 11708450001'::nik;
SELECT '317101170845000x'::nik;
SELECT '３１７１０１１７０８４５０００１'::nik;
SELECT 'é11111111111111'::nik;
SELECT 'é111111111111111'::nik;
SELECT '9971011708450001'::nik;
SELECT '0071011708450001'::nik;
SELECT '3100011708450001'::nik;
SELECT '3171001708450001'::nik;
SELECT '3171010008450001'::nik;
SELECT '3171013208450001'::nik;
SELECT '3171014008450001'::nik;
SELECT '3321053908775443'::nik;
SELECT '3171017208450001'::nik;
SELECT '3171018108450001'::nik;
SELECT '3273010119800002'::nik;
SELECT '3171011700450001'::nik;
SELECT '3171013002001234'::nik;
SELECT '3171017102001234'::nik;
SELECT '3171013104451234'::nik;
SELECT '3171012902011234'::nik;
SELECT '3171011708450000'::nik;

-- the same rules through bigint and binary input
SELECT 3171011708450001::bigint::nik, '3171011708450001'::nik::bigint;
SELECT 317101170845000::bigint::nik;
SELECT (-3171011708450001)::bigint::nik;
SELECT 9971011708450001::bigint::nik;
SELECT 3171011708450000::bigint::nik;

-- nik_valid and nik_alasan never raise
SELECT x, nik_valid(x), nik_alasan(x)
  FROM unnest(ARRAY['3171011708450001', '', 'abc', '31710117084500', '317101170845000x',
                    '9971011708450001', '3100011708450001', '3171001708450001', '3171013208450001',
                    '3273010119800002', '3171013002001234', '3171011708450000',
                    -- idnumbers issue 215 (domain.md 1.10): structurally valid, or a bad province
                    '1104040101900001', '1107100101900001', '0000000101900001', '9901010101900001',
                    '1001010101900001', NULL]) AS x;
-- a NIK failing several rules reports the first in the documented order
SELECT nik_alasan('9900009999990000'), nik_alasan('1100009999990000'), nik_alasan('1101009913990000'),
       nik_alasan('1101011513990000');

-- the century: the latest date not after the reference date
SELECT nik_tanggal_lahir('3171011708450001', DATE '2045-08-17') AS pada_hari,
       nik_tanggal_lahir('3171011708450001', DATE '2045-08-16') AS sehari_sebelum,
       nik_tanggal_lahir('3171012902001234', DATE '2026-01-01') AS kabisat_2000,
       nik_tanggal_lahir('3171012902001234', DATE '1999-12-31') AS kabisat_sebelumnya,
       nik_tanggal_lahir('3171015708050001') <= CURRENT_DATE AS tidak_di_masa_depan;
SELECT nik_tanggal_lahir('3171011708450001', 'infinity');

-- ordering and equality follow the digits
SELECT '3171011708450001'::nik < '3171015708450001'::nik, '3171011708450001'::nik = ' 3171011708450001'::nik,
       '9101011708450001'::nik > '1101010101900001'::nik;
SELECT n FROM unnest(ARRAY['9271011708450001', '1101010101900001', '3171015708450001', '3171011708450001']::nik[]) AS n ORDER BY n;
SELECT min(n), max(n) FROM unnest(ARRAY['9271011708450001', '1101010101900001', '3171015708450001']::nik[]) AS n;
