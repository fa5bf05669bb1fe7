-- pgTAP: dtks's own SQLSTATEs in the database.  dtks.galat_kode holds the catalogue
-- (src/galat_kode.txt, one meaning per code); every code a dtks function body, comment or C
-- trigger raises or names is in it, and each of its codes is raised by something; every office
-- and the BI reader can read it, nobody but the owner can change it.  (The source, the install
-- script and README.md are checked against the catalogue by scripts/galat-kode periksa.)
\ir lib/awal.psql

SELECT plan(16);

-- The codes a text names (DTK and two digits).
CREATE FUNCTION pg_temp.kode_dalam(teks text) RETURNS SETOF text
LANGUAGE sql AS $$ SELECT m[1] FROM regexp_matches(teks, '\m(DTK[0-9]{2})\M', 'g') m $$;
-- The function bodies of the extension dtks (the SQL and PL/pgSQL ones; a C function's is its symbol).
CREATE TEMP VIEW badan AS
SELECT p.oid::regprocedure AS fungsi, p.prosrc
  FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
 WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'dtks');

SELECT has_table('dtks', 'galat_kode', 'the table of dtks''s own SQLSTATEs exists');
SELECT col_is_pk('dtks', 'galat_kode', 'kode', 'one row per code: a code has one meaning');
SELECT col_is_unique('dtks', 'galat_kode', 'makna', 'and a meaning one code');
SELECT col_is_unique('dtks', 'galat_kode', 'nama', 'and a name one code');
SELECT is_empty($$SELECT kode FROM dtks.galat_kode
                   WHERE kode !~ '^DTK[0-9]{2}$' OR nama !~ '^[a-z][a-z0-9_]*$' OR length(makna) < 20$$,
                'every row is a DTK code, a lowercase name and a meaning written out');
SELECT isnt(obj_description('dtks.galat_kode'::regclass, 'pg_class'), NULL, 'the table has a comment');

-- what the extension raises and names is in the catalogue
SELECT is_empty($$SELECT b.fungsi, k FROM badan b, pg_temp.kode_dalam(b.prosrc) k
                   WHERE k NOT IN (SELECT kode FROM dtks.galat_kode)$$,
                'every DTK code a dtks function body names is in dtks.galat_kode');
SELECT is_empty($$SELECT d.objoid, k FROM pg_description d, pg_temp.kode_dalam(d.description) k
                   WHERE k NOT IN (SELECT kode FROM dtks.galat_kode)$$,
                'every DTK code a comment names is in dtks.galat_kode');
-- each code is raised: by a PL/pgSQL body, or else by the C trigger dtks.usulan_periksa (DTK01-DTK03)
SELECT set_eq($$SELECT kode FROM dtks.galat_kode
                EXCEPT SELECT m[1] FROM badan b, regexp_matches(b.prosrc, 'ERRCODE\s*=\s*''(DTK[0-9]{2})''', 'gi') m$$,
              $$VALUES ('DTK01'), ('DTK02'), ('DTK03')$$,
              'the codes no function body raises are the three of the C usulan trigger');
SELECT is(pg_temp.sqlstate_dari($$INSERT INTO dtks.usulan (jenis, sumber, kode_wilayah, status)
                                  VALUES ('baru', 'musdes', '31.71.01.1001', 'dikirim')$$),
          (SELECT kode FROM dtks.galat_kode WHERE nama = 'langkah_tidak_ada'),
          'the C trigger raises the code of langkah_tidak_ada (ERRCODE_DTKS_LANGKAH_TIDAK_ADA) for a new usulan past draf');
SELECT is(pg_temp.sqlstate_dari($$INSERT INTO dtks.usulan (jenis, sumber, kode_wilayah, periode_penetapan)
                                  VALUES ('baru', 'musdes', '31.71.01.1001', '2027-01-01')$$),
          (SELECT kode FROM dtks.galat_kode WHERE nama = 'usulan_terkunci'),
          'and the code of usulan_terkunci (ERRCODE_DTKS_USULAN_TERKUNCI) for a new usulan carrying periode_penetapan');

-- who reads it: every office and the BI reader; nobody writes it
SELECT is_empty($$SELECT r FROM unnest(ARRAY['dtks_desa', 'dtks_kabkota', 'dtks_provinsi', 'dtks_pusat', 'dtks_pt', 'dtks_pembaca']) r
                   WHERE pg_temp.sebagai(r, 'SELECT * FROM dtks.galat_kode') IS DISTINCT FROM 'ok ' || (SELECT count(*) FROM dtks.galat_kode)$$,
                'every dtks office role and dtks_pembaca reads every code');
SELECT is_empty($$SELECT r, p FROM unnest(ARRAY['dtks_desa', 'dtks_kabkota', 'dtks_provinsi', 'dtks_pusat', 'dtks_pt', 'dtks_pembaca', 'public']) r,
                                   unnest(ARRAY['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) p
                   WHERE has_table_privilege(r, 'dtks.galat_kode', p)$$,
                'none of them, nor PUBLIC, may change it');
SELECT is(pg_temp.sebagai('dtks_pusat', $$UPDATE dtks.galat_kode SET makna = 'something else' WHERE kode = 'DTK05'$$), '42501',
          'not even the ministry');
SELECT is(pg_temp.nilai_sebagai('dtks_pembaca', $$SELECT makna FROM dtks.galat_kode WHERE kode = 'DTK05'$$),
          (SELECT makna FROM dtks.galat_kode WHERE kode = 'DTK05'),
          'a BI reader looks up what DTK05 means');
-- the rows are the extension's, not the user's data: pg_dump leaves them to CREATE EXTENSION
SELECT ok(NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'dtks' AND 'dtks.galat_kode'::regclass = ANY (extconfig)),
          'dtks.galat_kode is not dumped (its rows come with the extension)');

SELECT * FROM finish();
ROLLBACK;
