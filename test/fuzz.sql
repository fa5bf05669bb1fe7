-- Mutation fuzz of the three input functions: every mutated string is either
-- accepted or refused with 22P02 and a message naming the type; nik_valid and
-- nik_alasan agree with the input function; a NIK error never echoes the value.
\ir lib/awal.psql
SELECT plan(10);

SELECT setseed(0.4242);
CREATE TEMP TABLE benih (s text);
INSERT INTO benih VALUES ('3171011708450001'), ('3171015708450001'), ('3273012501990001'),
    ('9101011708450001'), ('3171012902001234'), ('3171012505180003'), ('31.71.01.1001'), ('3404'), ('91.03.01.3007');

-- 12,000 mutants: replace, insert, delete, truncate, repeat, pad with whitespace
CREATE TEMP TABLE mutan AS
SELECT CASE op
         WHEN 0 THEN overlay(s placing c from p for 1)
         WHEN 1 THEN overlay(s placing c from p for 0)
         WHEN 2 THEN overlay(s placing '' from p for 1)
         WHEN 3 THEN left(s, p - 1)
         WHEN 4 THEN s || s
         ELSE E' \t' || s || E'\n'
       END AS s
  FROM (SELECT b.s, (random() * 5.4)::int AS op, 1 + (random() * (length(b.s) - 1))::int AS p,
               (ARRAY['0','1','2','4','5','7','9',' ','-','.','a','O','٣','９',E'\t','00','99','40'])[1 + (random() * 17)::int] AS c
          FROM benih b, generate_series(1, 1334) g) x;

-- try each mutant as each type; record the outcome
CREATE TEMP TABLE hasil (tipe text, s text, diterima boolean, kode text, pesan text, rinci text);
DO $$
DECLARE
  m record; t text; ok boolean; st text; msg text; det text;
BEGIN
  FOR m IN SELECT s FROM mutan LOOP
    FOREACH t IN ARRAY ARRAY['nik', 'no_kk', 'kode_wilayah'] LOOP
      BEGIN
        EXECUTE format('SELECT %L::dtks.%s', m.s, t);
        ok := true; st := NULL; msg := NULL; det := NULL;
      EXCEPTION WHEN OTHERS THEN
        ok := false;
        GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL;
      END;
      INSERT INTO hasil VALUES (t, m.s, ok, st, msg, det);
    END LOOP;
  END LOOP;
END $$;

SELECT cmp_ok((SELECT count(*) FROM hasil), '>=', 36000::bigint, 'every mutant was tried as every type');
SELECT cmp_ok((SELECT count(*) FROM hasil WHERE diterima AND tipe = 'nik'), '>', 0::bigint, 'some mutants are valid NIKs');
SELECT cmp_ok((SELECT count(*) FROM hasil WHERE NOT diterima AND tipe = 'nik'), '>', 1000::bigint, 'many mutants are invalid NIKs');
SELECT is((SELECT count(*) FROM hasil WHERE NOT diterima AND kode <> '22P02'), 0::bigint,
          'every refusal is SQLSTATE 22P02');
SELECT is((SELECT count(*) FROM hasil WHERE NOT diterima AND pesan NOT LIKE 'invalid input syntax for type ' || tipe || '%'), 0::bigint,
          'every refusal names its type');
SELECT is((SELECT count(*) FROM hasil WHERE NOT diterima AND (rinci IS NULL OR rinci = '')), 0::bigint,
          'every refusal has an errdetail');
SELECT is((SELECT count(*) FROM hasil WHERE tipe = 'nik' AND diterima IS DISTINCT FROM nik_valid(s)), 0::bigint,
          'nik_valid agrees with the nik input function');
SELECT is((SELECT count(*) FROM hasil WHERE tipe = 'nik' AND diterima IS DISTINCT FROM (nik_alasan(s) IS NULL)), 0::bigint,
          'nik_alasan is NULL exactly for accepted NIKs');
SELECT is((SELECT count(*) FROM hasil WHERE tipe = 'no_kk' AND diterima IS DISTINCT FROM no_kk_valid(s)), 0::bigint,
          'no_kk_valid agrees with the no_kk input function');
SELECT is((SELECT count(*) FROM hasil
            WHERE tipe IN ('nik', 'no_kk') AND NOT diterima AND length(btrim(s)) >= 8
              AND (strpos(pesan || coalesce(rinci, ''), btrim(s)) > 0
                   OR strpos(pesan || coalesce(rinci, ''), left(btrim(s), 8)) > 0)), 0::bigint,
          'no NIK or KK error repeats the value (or its first 8 characters)');

SELECT * FROM finish();
ROLLBACK;
