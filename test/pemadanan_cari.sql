-- pgTAP: the matching with Dukcapil by NIK, name and address.  The candidate search finds the person for
-- every error class of the issue (NIK: one digit, two adjacent swapped, day and month swapped, a digit
-- dropped or added, missing; name: old spelling, titles and degrees, Muhammad and Ahmad, a typing error, an
-- initial, a dropped or reordered word; birth date off by a day, a month, a year, swapped), finds nobody for
-- an absent person, keeps relatives apart; the weights are data and the thresholds settings; what an office
-- may see; the duplicates; the matching links, proposes and the desa takes the proposal in one step.
\ir lib/awal.psql
SELECT plan(96);

SET LOCAL dtks.tanggal_acuan = '2026-11-15';
-- the extract: a Jakarta Pusat kecamatan (31.71.01), a neighbour (31.71.02), and Sleman (34.04)
INSERT INTO dtks.penduduk (nik, no_kk, nama, tanggal_lahir, jenis_kelamin, alamat, kode_wilayah, hidup) VALUES
    ('3171011407850001', '3171010101100001', 'BUDI SANTOSO', '1985-07-14', 'L', 'JL. KEBON SIRIH 12 RT 002 RW 003', '31.71.01.1001', true),
    ('3171015203900002', '3171010101100001', 'SITI AMINAH', '1990-03-12', 'P', 'JL. KEBON SIRIH 12 RT 002 RW 003', '31.71.01.1001', true),
    ('3171011008150003', '3171010101100001', 'HASAN BASRI', '2015-08-10', 'L', 'JL. KEBON SIRIH 12 RT 002 RW 003', '31.71.01.1001', true),
    ('3171011008150004', '3171010101100001', 'HUSEN BASRI', '2015-08-10', 'L', 'JL. KEBON SIRIH 12 RT 002 RW 003', '31.71.01.1001', true),
    ('3171010505600005', '3171010201100002', 'AHMAD YUSUF', '1960-05-05', 'L', 'JL. TANAH ABANG 3', '31.71.01.1002', true),
    ('3171012011880006', '3171010201100002', 'AHMAD YUSUF', '1988-11-20', 'L', 'JL. TANAH ABANG 3', '31.71.01.1002', true),
    ('3171016707950007', '3171020301120003', 'DEWI LESTARI', '1995-07-27', 'P', 'JL. SALEMBA RAYA 40', '31.71.02.1001', true),
    ('3404011212700008', '3404010401080004', 'SUKARNO HADI', '1970-12-12', 'L', 'DUSUN NGENTAK', '34.04.01.2001', true),
    ('3171014101800009', '3171010501090005', 'NURHAYATI', '1980-01-01', 'P', 'JL. KEBON SIRIH 20', '31.71.01.1001', false),
    ('3171011502750010', '3171010601070006', 'MUHAMMAD RIDWAN', '1975-02-15', 'L', 'JL. KEBON SIRIH 30', '31.71.01.1001', true),
    ('3171022306820011', '3171020701050007', 'DJOKO WIDODO', '1982-06-23', 'L', 'JL. SALEMBA 7', '31.71.02.1001', true),
    ('3174012306820012', '3171020801160008', 'JOKO WIDODO', '1982-06-23', 'L', 'JL SALEMBA NO 7', '31.71.02.1001', true),
    ('3171011003920013', '3171010901110009', 'ANDI MAPPASESSU', '1992-03-10', 'L', 'JL. KEBON SIRIH 44', '31.71.01.1001', true),
    ('3171015508930014', '3171011001130010', 'NI MADE SUASTINI', '1993-08-15', 'P', 'JL. KEBON SIRIH 50', '31.71.01.1001', true);

-- The first candidate's NIK (NULL: none) and its level of one field.
CREATE FUNCTION pg_temp.pertama(nik_ketik text, nama text, lahir date, jk text, wilayah dtks.kode_wilayah)
    RETURNS text LANGUAGE sql AS $$
    SELECT c.nik::text FROM dtks.cari_penduduk(nik_ketik, nama, lahir, jk, wilayah) c LIMIT 1
$$;
CREATE FUNCTION pg_temp.tingkat(nik_ketik text, nama text, lahir date, jk text, wilayah dtks.kode_wilayah, bidang text)
    RETURNS text LANGUAGE sql AS $$
    SELECT c.rincian #>> ARRAY[bidang, 'tingkat'] FROM dtks.cari_penduduk(nik_ketik, nama, lahir, jk, wilayah) c LIMIT 1
$$;

-- the NIK error classes
SELECT is(pg_temp.pertama('3171011407850001', 'Budi Santoso', '1985-07-14', 'L', '31.71.01.1001'), '3171011407850001', 'the right NIK');
SELECT is(pg_temp.tingkat('3171011407850001', 'Budi Santoso', '1985-07-14', 'L', '31.71.01.1001', 'nik'), 'sama', 'compared sama');
SELECT is(pg_temp.pertama('3171011407850009', 'Budi Santoso', '1985-07-14', 'L', '31.71.01.1001'), '3171011407850001', 'one digit wrong');
SELECT is(pg_temp.tingkat('3171011407850009', 'Budi Santoso', '1985-07-14', 'L', '31.71.01.1001', 'nik'), 'satu_digit', 'compared satu_digit');
SELECT is(pg_temp.pertama('3171014107850001', 'Budi Santoso', '1985-07-14', 'L', '31.71.01.1001'), '3171011407850001', 'two adjacent digits swapped');
SELECT is(pg_temp.tingkat('3171014107850001', 'Budi Santoso', '1985-07-14', 'L', '31.71.01.1001', 'nik'), 'tukar_berdekatan', 'compared tukar_berdekatan');
SELECT is(pg_temp.pertama('3171010714850001', 'Budi Santoso', '1985-07-14', 'L', '31.71.01.1001'), '3171011407850001', 'day and month swapped (not a valid NIK as typed)');
SELECT is(pg_temp.tingkat('3171010714850001', 'Budi Santoso', '1985-07-14', 'L', '31.71.01.1001', 'nik'), 'tanggal_bulan_tertukar', 'compared tanggal_bulan_tertukar');
SELECT is(pg_temp.pertama('317101140785001', 'Budi Santoso', '1985-07-14', 'L', '31.71.01.1001'), '3171011407850001', 'a digit dropped');
SELECT is(pg_temp.tingkat('317101140785001', 'Budi Santoso', '1985-07-14', 'L', '31.71.01.1001', 'nik'), 'digit_hilang', 'compared digit_hilang');
SELECT is(pg_temp.pertama('31710114078500001', 'Budi Santoso', '1985-07-14', 'L', '31.71.01.1001'), '3171011407850001', 'a digit added');
SELECT is(pg_temp.tingkat('31710114078500001', 'Budi Santoso', '1985-07-14', 'L', '31.71.01.1001', 'nik'), 'digit_lebih', 'compared digit_lebih');
SELECT is(pg_temp.pertama(NULL, 'Budi Santoso', '1985-07-14', 'L', '31.71.01.1001'), '3171011407850001', 'the NIK missing');
SELECT is(pg_temp.pertama('', 'Budi Santoso', '1985-07-14', 'L', '31.71.01.1001'), '3171011407850001', 'the NIK empty');
SELECT is(pg_temp.pertama('3171O114O785OOO1', 'Budi Santoso', '1985-07-14', 'L', '31.71.01.1001'), '3171011407850001', 'letters O typed for zeros: the digits left are compared');
SELECT is(pg_temp.pertama('3171011407850001', NULL, NULL, NULL, NULL), NULL, 'the NIK alone shows nobody (a NIK is not enough)');
SELECT is(pg_temp.pertama('3171011407850001', 'Budi', NULL, NULL, NULL), '3171011407850001', 'the NIK and a name');
SELECT is(pg_temp.pertama('3171011008150004', 'Hasan Basri', '2015-08-10', 'L', '31.71.01.1001'), '3171011008150003',
          'a NIK that is another person''s (the twin''s): the person typed comes first');

-- the name
SELECT is(pg_temp.pertama(NULL, 'Soekarno Hadi', '1970-12-12', 'L', '34.04.01.2001'), '3404011212700008', 'old spelling oe');
SELECT is(pg_temp.tingkat(NULL, 'Soekarno Hadi', '1970-12-12', 'L', '34.04.01.2001', 'nama'), 'sama', 'read as the same name');
SELECT is(pg_temp.pertama(NULL, 'Djoko Widodo', '1982-06-23', 'L', '31.71.02.1001') IN ('3171022306820011', '3174012306820012'), true, 'old spelling dj');
SELECT is(pg_temp.pertama(NULL, 'H. Muhammad Ridwan, S.Pd.', '1975-02-15', 'L', '31.71.01.1001'), '3171011502750010', 'a title and a degree');
SELECT is(pg_temp.pertama(NULL, 'Muhammad Ridwan SE MM', '1975-02-15', 'L', '31.71.01.1001'), '3171011502750010', 'degrees without dots');
SELECT is(pg_temp.pertama(NULL, 'Mohammad Ridwan', '1975-02-15', 'L', '31.71.01.1001'), '3171011502750010', 'Mohammad for Muhammad');
SELECT is(pg_temp.pertama(NULL, 'Mhd Ridwan', '1975-02-15', 'L', '31.71.01.1001'), '3171011502750010', 'Mhd for Muhammad');
SELECT is(pg_temp.pertama(NULL, 'M. Ridwan', '1975-02-15', 'L', '31.71.01.1001'), '3171011502750010', 'an initial');
SELECT is(pg_temp.pertama(NULL, 'Achmad Yusuf', '1988-11-20', 'L', '31.71.01.1002'), '3171012011880006', 'Achmad for Ahmad');
SELECT is(pg_temp.pertama(NULL, 'Budi Santosa', '1985-07-14', 'L', '31.71.01.1001'), '3171011407850001', 'a typing error');
SELECT is(pg_temp.tingkat(NULL, 'Budi Santosa', '1985-07-14', 'L', '31.71.01.1001', 'nama'), 'hampir', 'compared hampir');
SELECT is(pg_temp.pertama(NULL, 'Siti', '1990-03-12', 'P', '31.71.01.1001'), '3171015203900002', 'a dropped word');
SELECT is(pg_temp.pertama(NULL, 'Aminah Siti', '1990-03-12', 'P', '31.71.01.1001'), '3171015203900002', 'reordered words');
SELECT is(pg_temp.pertama(NULL, 'Made Suastini', '1993-08-15', 'P', '31.71.01.1001'), '3171015508930014', 'Ni dropped from a Balinese name');
SELECT is(pg_temp.pertama(NULL, 'ANDI  MAPPASESU', '1992-03-10', 'L', '31.71.01.1001'), '3171011003920013', 'upper case, a double space, a letter dropped');

-- the birth date
SELECT is(pg_temp.pertama(NULL, 'Budi Santoso', '1985-07-15', 'L', '31.71.01.1001'), '3171011407850001', 'off by a day');
SELECT is(pg_temp.tingkat(NULL, 'Budi Santoso', '1985-07-15', 'L', '31.71.01.1001', 'tanggal_lahir'), 'hari', 'compared hari');
SELECT is(pg_temp.pertama(NULL, 'Budi Santoso', '1985-08-14', 'L', '31.71.01.1001'), '3171011407850001', 'off by a month');
SELECT is(pg_temp.pertama(NULL, 'Budi Santoso', '1986-07-14', 'L', '31.71.01.1001'), '3171011407850001', 'off by a year');
SELECT is(pg_temp.pertama(NULL, 'Siti Aminah', '1990-12-03', 'P', '31.71.01.1001'), '3171015203900002', 'day and month swapped');
SELECT is(pg_temp.tingkat(NULL, 'Siti Aminah', '1990-12-03', 'P', '31.71.01.1001', 'tanggal_lahir'), 'tertukar', 'compared tertukar');
SELECT is(pg_temp.pertama(NULL, 'Budi Santoso', NULL, 'L', '31.71.01.1001'), '3171011407850001', 'no date: the name index and the region');
SELECT is(pg_temp.pertama('3171011407850007', 'Budi Santosa', '1985-07-15', 'L', '31.71.01.1001'), '3171011407850001', 'NIK, name and date wrong at once');

-- relatives kept apart, and nobody for the absent
SELECT is(pg_temp.pertama(NULL, 'Ahmad Yusuf', '1988-11-21', 'L', '31.71.01.1002'), '3171012011880006', 'father and son of one name: the son by his date');
SELECT is(pg_temp.pertama(NULL, 'Ahmad Yusuf', '1960-05-05', 'L', '31.71.01.1002'), '3171010505600005', 'and the father by his');
SELECT is(pg_temp.pertama(NULL, 'Husen Basri', '2015-08-10', 'L', '31.71.01.1001'), '3171011008150004', 'twins by their names');
SELECT is((SELECT count(*)::int FROM dtks.cari_penduduk('3171012509990099', 'Rudi Hartono', '1999-09-25', 'L', '31.71.01.1001')), 0,
          'an absent person: no candidate');
SELECT is((SELECT count(*)::int FROM dtks.cari_penduduk(NULL, 'Rahmat Basri', '2017-01-05', 'L', '31.71.01.1001')), 0,
          'an absent child of a registered family: no candidate');
SELECT is((SELECT count(*)::int FROM dtks.cari_penduduk(NULL, 'Ahmad Yusuf', '2012-04-01', 'L', '31.71.01.1002')), 0,
          'an absent grandson with his grandfather''s name: no candidate');
SELECT is((SELECT count(*)::int FROM dtks.cari_penduduk(NULL, NULL, NULL, NULL, NULL)), 0, 'nothing typed: nobody');
SELECT is((SELECT count(*)::int FROM dtks.cari_penduduk('abc', '***', NULL, 'x', NULL)), 0, 'rubbish typed: nobody, no error');
SELECT is((SELECT (c.rincian ->> 'hidup')::boolean FROM dtks.cari_penduduk(NULL, 'Nurhayati', '1980-01-01', 'P', '31.71.01.1001') c), false,
          'a dead person is found, and shown dead');
SELECT ok((SELECT bool_and(c.skor >= current_setting('dtks.padan_ambang_calon')::float8)
             FROM dtks.cari_penduduk(NULL, 'Basri', '2015-08-10', 'L', '31.71.01.1001', 10) c), 'only credible candidates');
SELECT ok((SELECT array_agg(c.skor ORDER BY o) = array_agg(c.skor ORDER BY c.skor DESC)
             FROM dtks.cari_penduduk('3171011008150004', 'Hasan Basri', '2015-08-10', 'L', '31.71.01.1001', 10) WITH ORDINALITY c(nik, skor, rincian, o)),
          'best first');
SELECT is((SELECT (c.rincian ->> 'skor')::numeric = round(c.skor::numeric, 4)
             FROM dtks.cari_penduduk('3171011407850001', 'Budi Santoso', '1985-07-14', 'L', '31.71.01.1001') c LIMIT 1), true,
          'rincian adds up to the score');
SELECT is(pg_temp.sqlstate_dari($$SELECT * FROM dtks.cari_penduduk(NULL, 'Budi', NULL, NULL, NULL, 0)$$), '22023', 'batas 0: 22023');
SELECT is(pg_temp.sqlstate_dari($$SELECT * FROM dtks.cari_penduduk(NULL, 'Budi', NULL, NULL, NULL, 101)$$), '22023', 'batas 101: 22023');

-- the weights are data, the thresholds settings
SELECT is(pg_temp.sqlstate_dari($$SELECT dtks.padan_nilai('tidak_ada', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)$$),
          '42704', 'a model without weights: 42704');
SELECT is(dtks.padan_nilai(NULL, NULL, NULL, 'BUDI', 'BUDI', NULL, NULL, NULL, NULL, NULL, NULL, NULL)::numeric(8, 4),
          (SELECT (ln(m / u) / ln(2))::numeric(8, 4) FROM dtks.padan_bobot WHERE model = 'dukcapil' AND bidang = 'nama' AND tingkat = 'sama'),
          'a level weighs log2(m/u)');
UPDATE dtks.padan_bobot SET m = 0.9, u = 0.9 WHERE model = 'dukcapil' AND bidang = 'nama' AND tingkat = 'sama';
SELECT is(dtks.padan_nilai(NULL, NULL, NULL, 'BUDI', 'BUDI', NULL, NULL, NULL, NULL, NULL, NULL, NULL), 0::float8,
          'a changed weight counts at once');
UPDATE dtks.padan_bobot SET m = 0.60, u = 0.001 WHERE model = 'dukcapil' AND bidang = 'nama' AND tingkat = 'sama';
SET LOCAL dtks.padan_ambang_calon = 100;
SELECT is(pg_temp.pertama('3171011407850001', 'Budi Santoso', '1985-07-14', 'L', '31.71.01.1001'), NULL, 'dtks.padan_ambang_calon decides who is shown');
RESET dtks.padan_ambang_calon;

-- what an office may see: the kab/kota of its region
CREATE ROLE tap_desa;
CREATE ROLE tap_kabkota_lain;
CREATE ROLE tap_pusat;
CREATE ROLE tap_tanpa;
SELECT dtks.petugas_tetapkan('tap_desa', 'desa', '31.71.01.1001'), dtks.petugas_tetapkan('tap_kabkota_lain', 'kabkota', '34.04'),
       dtks.petugas_tetapkan('tap_pusat', 'pusat');
GRANT USAGE ON SCHEMA dtks TO tap_tanpa;
GRANT EXECUTE ON FUNCTION dtks.cari_penduduk(text, text, date, text, dtks.kode_wilayah, integer) TO tap_tanpa;
SELECT is(pg_temp.nilai_sebagai('tap_desa', $$SELECT nik::text FROM dtks.cari_penduduk(NULL, 'Dewi Lestari', '1995-07-27', 'P', '31.71.01.1001') LIMIT 1$$),
          '3171016707950007', 'a desa finds a person of its kab/kota living in another kecamatan');
SELECT is(pg_temp.nilai_sebagai('tap_desa', $$SELECT count(*) FROM dtks.cari_penduduk('3404011212700008', 'Sukarno Hadi', '1970-12-12', 'L', '31.71.01.1001')$$),
          '0', 'but learns nothing of a person of another kab/kota, even with the right NIK');
SELECT is(pg_temp.nilai_sebagai('tap_kabkota_lain', $$SELECT nik::text FROM dtks.cari_penduduk('3404011212700008', 'Sukarno Hadi', NULL, NULL, NULL) LIMIT 1$$),
          '3404011212700008', 'that kab/kota''s office does');
SELECT is(pg_temp.nilai_sebagai('tap_pusat', $$SELECT count(*) FROM dtks.cari_penduduk('3404011212700008', 'Sukarno Hadi', NULL, NULL, NULL)$$), '1', 'and the ministry');
SELECT is(pg_temp.sebagai('tap_tanpa', $$SELECT * FROM dtks.cari_penduduk('3171011407850001', NULL, NULL, NULL, NULL)$$), '42501',
          'a role without an office: 42501');
SELECT is(pg_temp.sebagai('tap_desa', $$SELECT * FROM dtks.penduduk$$), '42501', 'no office reads the extract itself');

-- duplicates
SELECT is((SELECT count(*)::int FROM dtks.calon_ganda(NULL) g
            WHERE g.sumber = 'dukcapil' AND (g.nik_a, g.nik_b) = ('3171022306820011', '3174012306820012')), 1,
          'one person under two NIKs in the extract (Djoko / Joko, another kecamatan of first registration)');
SELECT is((SELECT count(*)::int FROM dtks.calon_ganda(NULL) g WHERE g.nik_a = '3171011008150003' OR g.nik_b = '3171011008150003'), 0,
          'twins of one KK are not a duplicate');
SELECT is((SELECT count(*)::int FROM dtks.calon_ganda(NULL) g WHERE g.nik_a = '3171010505600005' OR g.nik_b = '3171010505600005'), 0,
          'nor a father and son of one name');
SELECT is(pg_temp.sebagai('tap_kabkota_lain', $$SELECT * FROM dtks.calon_ganda('31.71')$$), '42501', 'another kab/kota''s region: 42501');
SELECT is(pg_temp.sebagai('tap_desa', $$SELECT * FROM dtks.calon_ganda(NULL)$$), '42501', 'a desa does not search duplicates');

-- the matching: link, propose, take the proposal in one step
ALTER TABLE dtks.usulan DISABLE TRIGGER usulan_periksa;
INSERT INTO dtks.usulan (jenis, sumber, kode_wilayah, status, berita_acara, data) VALUES
    ('baru', 'musdes', '31.71.01.1001', 'diajukan', 'BA/19',
     '{"rumah_tangga": {"alamat": "Jl. Kebon Sirih 12 RT 002 RW 003"},
       "anggota": [{"nik": "3171011407850009", "nama": "Budi Santoso", "tanggal_lahir": "1985-07-14", "jenis_kelamin": "L"},
                   {"nama": "Siti Aminah", "tanggal_lahir": "1990-03-12", "jenis_kelamin": "P"},
                   {"nik": "3171011003920013", "nama": "Ni Made Suastini", "tanggal_lahir": "1993-08-15", "jenis_kelamin": "P"}]}'),
    ('baru', 'musdes', '31.71.01.1001', 'diajukan', 'BA/20',
     '{"rumah_tangga": {"alamat": "Jl. Kebon Sirih 99"},
       "anggota": [{"nik": "3404011212700008", "nama": "Bambang", "tanggal_lahir": "1970-12-12", "jenis_kelamin": "L"},
                   {"nik": "3171016707950007", "nama": "Dewi Lestari", "tanggal_lahir": "1995-07-27", "jenis_kelamin": "P"}]}');
ALTER TABLE dtks.usulan ENABLE TRIGGER usulan_periksa;
CREATE TEMP TABLE u AS SELECT id, berita_acara FROM dtks.usulan WHERE berita_acara IN ('BA/19', 'BA/20');
SELECT is((SELECT tidak_padan::int FROM dtks.padankan_usulan('31.71.01.1001')), 2, 'both usulan need the desa');
SELECT set_eq($$SELECT t.urutan, t.temuan, t.nik_usulan::text, t.menghalangi FROM dtks.usulan_temuan t JOIN u ON u.id = t.usulan
                 WHERE u.berita_acara = 'BA/19'$$,
              $$VALUES (1, 'nik_tidak_ada', '3171011407850001', true), (2, 'nik_tidak_sah', '3171015203900002', true),
                       (3, 'nik_salah', '3171015508930014', true)$$,
              'a mistyped, a missing and another person''s NIK: each finding with the proposed Dukcapil NIK');
SELECT ok((SELECT bool_and(t.skor >= current_setting('dtks.padan_ambang_tautan')::float8 AND t.rincian ? 'nama' AND t.rincian ? 'hidup')
             FROM dtks.usulan_temuan t JOIN u ON u.id = t.usulan WHERE t.nik_usulan IS NOT NULL),
          'each proposal with its score and the comparison');
SELECT set_eq($$SELECT p.urutan, p.nik::text, p.cara FROM dtks.usulan_padan p JOIN u ON u.id = p.usulan WHERE u.berita_acara = 'BA/19'$$,
              $$VALUES (1, '3171011407850001', 'calon'), (2, '3171015203900002', 'calon'), (3, '3171015508930014', 'calon')$$,
              'the members linked to their Dukcapil records');
SELECT set_eq($$SELECT t.urutan, t.temuan, t.menghalangi FROM dtks.usulan_temuan t JOIN u ON u.id = t.usulan
                 WHERE u.berita_acara = 'BA/20'$$,
              $$VALUES (1, 'luar_wilayah', true), (2, 'alamat_beda', false)$$,
              'a NIK of another kab/kota: luar_wilayah only (not the wrong name); another desa in Dukcapil: alamat_beda, not blocking by default');
SELECT is((SELECT p.nik FROM dtks.usulan_padan p JOIN u ON u.id = p.usulan WHERE u.berita_acara = 'BA/20' AND p.urutan = 1), NULL,
          'and the record outside is not named');
SELECT is(pg_temp.nilai_sebagai('tap_desa', format('SELECT dtks.usulan_pakai_nik(%s)', (SELECT id FROM u WHERE berita_acara = 'BA/19'))), '3',
          'the desa takes the three proposed NIKs in one step');
SELECT is((SELECT array_agg(e ->> 'nik' ORDER BY i) FROM dtks.usulan x, jsonb_array_elements(x.data -> 'anggota') WITH ORDINALITY a(e, i)
            WHERE x.id = (SELECT id FROM u WHERE berita_acara = 'BA/19')),
          ARRAY['3171011407850001', '3171015203900002', '3171015508930014'], 'the usulan now holds the Dukcapil NIKs');
SELECT is(pg_temp.sebagai('tap_desa', format('UPDATE dtks.usulan SET status = ''diajukan'' WHERE id = %s', (SELECT id FROM u WHERE berita_acara = 'BA/19'))),
          'ok 1', 'and sends it again');
SELECT is((SELECT padan::int FROM dtks.padankan_usulan('31.71.01.1001')), 1, 'which now matches');
SET LOCAL dtks.alamat_beda_menghalangi = on;
SELECT is(pg_temp.sebagai('tap_desa', format('UPDATE dtks.usulan SET status = ''diajukan'' WHERE id = %s', (SELECT id FROM u WHERE berita_acara = 'BA/20'))),
          'ok 1', 'the other usulan is sent again as it is');
SELECT is((SELECT tidak_padan::int FROM dtks.padankan_usulan('31.71.01.1001')), 1, 'the usulan matched again');
SELECT is((SELECT count(*)::int FROM dtks.usulan_temuan t JOIN u ON u.id = t.usulan
            WHERE u.berita_acara = 'BA/20' AND t.temuan = 'alamat_beda' AND t.menghalangi), 1, 'dtks.alamat_beda_menghalangi makes alamat_beda block');
-- the same person proposed twice in one month
SELECT is((SELECT count(*)::int FROM dtks.calon_ganda('31.71') g WHERE g.sumber = 'usulan'), 0, 'no usulan proposes a person twice yet');
ALTER TABLE dtks.usulan DISABLE TRIGGER usulan_periksa;
INSERT INTO dtks.usulan (jenis, sumber, kode_wilayah, status, berita_acara, data) VALUES
    ('baru', 'mandiri', '31.71.01.1001', 'diajukan', NULL,
     '{"anggota": [{"nama": "Budi Santosa", "tanggal_lahir": "1985-07-14", "jenis_kelamin": "L"}]}');
ALTER TABLE dtks.usulan ENABLE TRIGGER usulan_periksa;
SELECT is((SELECT count(*)::int FROM dtks.calon_ganda('31.71') g WHERE g.sumber = 'usulan'), 1,
          'a self-registration of a person the musdes proposed the same month is found');
-- a NIK correction (nik_lama -> nik) is checked as the registry's person: what the element does not give is the
-- registry record of nik_lama, compared with Dukcapil's record of the new NIK
SELECT count(*) FROM (SELECT dtks.sintetis_muat(19, 3, '31.71.01')) x;
CREATE TEMP TABLE lama AS
SELECT m.no_kk, g.nik, g.nama, g.tanggal_lahir, g.jenis_kelamin, h.kode_wilayah
  FROM dtks.keanggotaan m JOIN dtks.anggota g ON g.nik = m.nik JOIN dtks.keluarga f ON f.no_kk = m.no_kk
  JOIN dtks.rumah_tangga h ON h.id = f.rumah_tangga_id
 WHERE upper_inf(m.berlaku) ORDER BY g.nik LIMIT 1;
INSERT INTO dtks.penduduk (nik, no_kk, nama, tanggal_lahir, jenis_kelamin, kode_wilayah)
SELECT (left(l.nik::text, 12) || '9001')::dtks.nik, l.no_kk, l.nama, l.tanggal_lahir, l.jenis_kelamin, l.kode_wilayah FROM lama l
UNION ALL
SELECT (left(l.nik::text, 12) || '9002')::dtks.nik, l.no_kk, 'RAHMAT HIDAYAT', DATE '1950-01-01', l.jenis_kelamin, l.kode_wilayah FROM lama l;
ALTER TABLE dtks.usulan DISABLE TRIGGER usulan_periksa;
INSERT INTO dtks.usulan (jenis, sumber, kode_wilayah, no_kk, status, berita_acara, data)
SELECT 'perbaikan', 'musdes', l.kode_wilayah, l.no_kk, 'diajukan', 'BA/' || k.n,
       jsonb_build_object('no_kk', l.no_kk::text, 'anggota', jsonb_build_array(jsonb_build_object('nik_lama', l.nik::text, 'nik', left(l.nik::text, 12) || k.n)))
  FROM lama l, (VALUES ('9001'), ('9002')) k(n);
ALTER TABLE dtks.usulan ENABLE TRIGGER usulan_periksa;
SELECT lives_ok($$SELECT dtks.padankan_usulan(NULL)$$, 'the corrections are matched');
SELECT is((SELECT array_agg(t.temuan ORDER BY t.temuan) FROM dtks.usulan_temuan t JOIN dtks.usulan x ON x.id = t.usulan
            WHERE x.berita_acara = 'BA/9001' AND t.menghalangi), NULL, 'onto the NIK of the same person in Dukcapil: nothing blocks');
SELECT is((SELECT array_agg(t.temuan ORDER BY t.temuan) FROM dtks.usulan_temuan t JOIN dtks.usulan x ON x.id = t.usulan
            WHERE x.berita_acara = 'BA/9002' AND t.menghalangi), ARRAY['nik_salah'],
          'onto the NIK of someone else: that NIK is another person''s (and the person''s own record is proposed)');
DELETE FROM dtks.penduduk WHERE nik = (SELECT (left(l.nik::text, 12) || '9001')::dtks.nik FROM lama l);
ALTER TABLE dtks.usulan DISABLE TRIGGER usulan_periksa;
UPDATE dtks.usulan SET status = 'diajukan' WHERE berita_acara = 'BA/9002';
ALTER TABLE dtks.usulan ENABLE TRIGGER usulan_periksa;
SELECT is((SELECT tidak_padan::int FROM dtks.padankan_usulan(NULL)), 1, 'matched again without that record');
SELECT is((SELECT array_agg(t.temuan ORDER BY t.temuan) FROM dtks.usulan_temuan t JOIN dtks.usulan x ON x.id = t.usulan
            WHERE x.berita_acara = 'BA/9002' AND t.menghalangi
              AND t.putaran = (SELECT max(putaran) FROM dtks.usulan_temuan)), ARRAY['nama_beda', 'tanggal_lahir_beda'],
          'the registry''s name and date are compared with Dukcapil''s of the new NIK');
-- the matching asks for one candidate: the best of the full search, whichever dates it may skip
SELECT is_empty($$
  WITH q AS (SELECT overlay(p.nik::text placing ((substr(p.nik::text, 16, 1)::int + 1) % 10)::text from 16 for 1) AS nik_ketik,
                    dtks.nama_kunci(p.nama) AS kunci, p.tanggal_lahir + d.s AS lahir, p.jenis_kelamin::text AS jk, p.kode_wilayah
               FROM dtks.penduduk p, (VALUES (0), (1), (-1), (31), (365)) d(s) WHERE p.tanggal_lahir IS NOT NULL)
  SELECT q.* FROM q
   WHERE (SELECT row(c.nik, c.skor) FROM dtks.penduduk_calon(q.nik_ketik, q.kunci, q.lahir, q.jk, q.kode_wilayah, 1,
                                                             dtks.leluhur(q.kode_wilayah, 2), 14, 14, false, false) c)
         IS DISTINCT FROM
         (SELECT row(c.nik, c.skor) FROM dtks.penduduk_calon(q.nik_ketik, q.kunci, q.lahir, q.jk, q.kode_wilayah, 5,
                                                             dtks.leluhur(q.kode_wilayah, 2), 14, 14, false, false) c
           ORDER BY c.skor DESC, c.nik LIMIT 1)$$,
  'one candidate asked for is the best of the full search');
SELECT cmp_ok((SELECT count(*) FROM dtks.penduduk), '>=', 10::bigint, 'over a few people');
-- the link of usulan_padan to usulan, checked once per statement
SELECT throws_ok($$INSERT INTO dtks.usulan_padan (putaran, usulan, urutan, cara) VALUES (1, -1, 1, 'nik')$$,
                 '23503', 'a link of dtks.usulan_padan names no usulan', 'a link names an existing usulan');
SELECT throws_ok($$UPDATE dtks.usulan_padan SET usulan = -1 WHERE (usulan, putaran, urutan) IN (SELECT usulan, putaran, urutan FROM dtks.usulan_padan LIMIT 1)$$,
                 '23503', 'a link of dtks.usulan_padan names no usulan', 'and keeps naming one');
ALTER TABLE dtks.usulan DISABLE TRIGGER usulan_periksa;
INSERT INTO dtks.usulan (jenis, sumber, kode_wilayah, status, berita_acara, data)
VALUES ('baru', 'mandiri', '31.71.01.1001', 'diajukan', 'BA/TAUT', '{"anggota": []}');
ALTER TABLE dtks.usulan ENABLE TRIGGER usulan_periksa;
INSERT INTO dtks.usulan_padan (putaran, usulan, urutan, cara)
SELECT 1, id, 1, 'tidak_ada' FROM dtks.usulan WHERE berita_acara = 'BA/TAUT';
SELECT throws_ok($$DELETE FROM dtks.usulan WHERE berita_acara = 'BA/TAUT'$$, '23503', NULL, 'a linked usulan is not deleted');
SELECT throws_ok($$TRUNCATE dtks.usulan CASCADE$$, '23503', 'dtks.usulan cannot be emptied while dtks.usulan_padan links to it',
                 'nor truncated away');
SELECT * FROM finish();
ROLLBACK;
