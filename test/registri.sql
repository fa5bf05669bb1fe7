-- pgTAP: the registry rules raise specific SQLSTATEs at commit (here: at SET CONSTRAINTS ALL IMMEDIATE,
-- inside savepoints), and a valid family passes whatever the order of its rows.
\ir lib/awal.psql
SELECT plan(19);

INSERT INTO anggota (nik, nama, jenis_kelamin, tanggal_lahir) VALUES
    ('3404011708750001', 'Bambang', 'L', '1975-08-17'), ('3404015708780001', 'Sri', 'P', '1978-08-17'),
    ('3404010101050001', 'Agus', 'L', '2005-01-01'), ('3404014101080001', 'Dewi', 'P', '2008-01-01');
INSERT INTO rumah_tangga (kode_wilayah, alamat, kepala_nik) VALUES ('34.04.01.2001', 'Dusun Satu', '3404011708750001');
INSERT INTO keluarga (no_kk, rumah_tangga_id) VALUES ('3404011201100015', currval('rumah_tangga_id_seq'));
INSERT INTO keanggotaan (nik, no_kk, shdk) VALUES ('3404014101080001', '3404011201100015', 4),
    ('3404010101050001', '3404011201100015', 4), ('3404015708780001', '3404011201100015', 3);
SELECT throws_ok('SET CONSTRAINTS ALL IMMEDIATE', '23514', NULL, 'a family without its kepala yet fails rule 2 when checked');
INSERT INTO keanggotaan (nik, no_kk, shdk) VALUES ('3404011708750001', '3404011201100015', 1);
SELECT lives_ok('SET CONSTRAINTS ALL IMMEDIATE', 'members added in any order pass once the kepala is there');
SET CONSTRAINTS ALL DEFERRED;

-- each rule in a savepoint that is rolled back
SELECT throws_ok($$INSERT INTO keluarga (no_kk, rumah_tangga_id) VALUES ('3404010101190001', currval('rumah_tangga_id_seq'));
                   INSERT INTO keanggotaan (nik, no_kk, shdk) VALUES ('3404010101050001', '3404010101190001', 1);
                   SET CONSTRAINTS ALL IMMEDIATE$$, '23P01', NULL, 'rule 1: a NIK in two KKs at once is an exclusion violation');
SET CONSTRAINTS ALL DEFERRED;
SELECT throws_ok($$UPDATE anggota SET jenis_kelamin = 'L' WHERE nik = '3404015708780001'; SET CONSTRAINTS ALL IMMEDIATE$$,
                 '23514', NULL, 'rule 3: an istri recorded as male');
SET CONSTRAINTS ALL DEFERRED;
SELECT throws_ok($$UPDATE rumah_tangga SET kepala_nik = '3171011708450001' WHERE alamat = 'Dusun Satu'; SET CONSTRAINTS ALL IMMEDIATE$$,
                 '23514', NULL, 'rule 4: a kepala rumah tangga outside the household');
SET CONSTRAINTS ALL DEFERRED;
SELECT throws_ok($$INSERT INTO rumah_tangga (kode_wilayah, alamat) VALUES ('34.04.01', 'x')$$, '23514', NULL,
                 'rule 5: a household in a kecamatan, not a desa');
SELECT throws_ok($$INSERT INTO rumah_tangga (kode_wilayah, alamat) VALUES ('92.01.01.2001', 'x'); SET CONSTRAINTS ALL IMMEDIATE$$,
                 '23503', NULL, 'rule 5: a household in a code of an earlier edition only (checked at commit)');
SET CONSTRAINTS ALL DEFERRED;
SELECT throws_ok($$UPDATE keanggotaan SET shdk = 9 WHERE nik = '3404010101050001'$$, '55000', NULL,
                 'a membership cannot be rewritten');
SELECT lives_ok($$UPDATE keanggotaan SET berlaku = daterange(lower(berlaku), CURRENT_DATE + 1) WHERE nik = '3404010101050001'$$,
                'a membership can be closed');
SELECT throws_ok($$UPDATE keanggotaan SET berlaku = daterange(lower(berlaku), CURRENT_DATE + 2) WHERE nik = '3404010101050001'$$,
                 '55000', NULL, 'a closed membership stays closed');
SELECT throws_ok($$UPDATE anggota SET jenis_lantai = 1$$, '42703', NULL, 'housing is on the household, not the person');
-- references between the registry tables are checked at commit, set-based
SELECT throws_ok($$INSERT INTO keanggotaan (nik, no_kk, shdk) VALUES ('3404011708990009', '3404011201100015', 4);
                   SET CONSTRAINTS ALL IMMEDIATE$$, '23503', NULL, 'a membership of a person who is not in dtks.anggota');
SET CONSTRAINTS ALL DEFERRED;
SELECT throws_ok($$DELETE FROM anggota WHERE nik = '3404014101080001'; SET CONSTRAINTS ALL IMMEDIATE$$,
                 '23503', NULL, 'deleting a person who still has memberships');
SET CONSTRAINTS ALL DEFERRED;
SELECT throws_ok($$DELETE FROM keluarga WHERE no_kk = '3404011201100015'; SET CONSTRAINTS ALL IMMEDIATE$$,
                 '23503', NULL, 'deleting a KK that still has members');
SET CONSTRAINTS ALL DEFERRED;
SELECT throws_ok($$INSERT INTO keluarga (no_kk, rumah_tangga_id) VALUES ('3404010101190009', -1); SET CONSTRAINTS ALL IMMEDIATE$$,
                 '23503', NULL, 'a KK in a household that does not exist');
SET CONSTRAINTS ALL DEFERRED;
SELECT throws_ok($$DELETE FROM rumah_tangga WHERE alamat = 'Dusun Satu'; SET CONSTRAINTS ALL IMMEDIATE$$,
                 '23503', NULL, 'deleting a household that still has families');
SET CONSTRAINTS ALL DEFERRED;
-- with the checks immediate, each statement is checked at its end: the second as well as the first
SELECT throws_ok($$SET CONSTRAINTS ALL IMMEDIATE;
                   UPDATE anggota SET nama = nama WHERE nik = '3404015708780001';
                   DELETE FROM anggota WHERE nik = '3404014101080001'$$,
                 '23503', NULL, 'under SET CONSTRAINTS IMMEDIATE a later statement of the transaction is checked too');
SET CONSTRAINTS ALL DEFERRED;
-- a check that passed inside a savepoint that is then rolled back: at commit the keys are checked again
SAVEPOINT luar;
INSERT INTO anggota (nik, nama, jenis_kelamin, tanggal_lahir) VALUES ('3404011708800001', 'Budi', 'L', '1980-08-17');
INSERT INTO keanggotaan (nik, no_kk, shdk) VALUES ('3404011708800001', '3404011201100015', 1);
SAVEPOINT pulih;
UPDATE keanggotaan SET berlaku = daterange(lower(berlaku), lower(berlaku) + 1) WHERE nik = '3404011708800001';
SET CONSTRAINTS ALL IMMEDIATE;
ROLLBACK TO SAVEPOINT pulih;
SELECT coalesce(pg_temp.sqlstate_dari('SET CONSTRAINTS ALL IMMEDIATE'), 'passed') AS hasil \gset savepoint_
ROLLBACK TO SAVEPOINT luar;
SET CONSTRAINTS ALL DEFERRED;
SELECT is(:'savepoint_hasil'::text, '23514',
          'two kepala keluarga, fixed inside a savepoint that passed the check and was then rolled back, still fail at commit');
SELECT is((SELECT count(*) FROM registri_pelanggaran(ARRAY(SELECT nik FROM anggota), ARRAY(SELECT no_kk FROM keluarga),
                                                      ARRAY(SELECT id FROM rumah_tangga))), 0::bigint,
          'the registry as it stands breaks no rule');

SELECT * FROM finish();
ROLLBACK;
