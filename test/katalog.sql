-- pgTAP: catalog properties of the dtks extension: types, comments,
-- volatility/strictness/parallel safety/leakproofness of every function,
-- operator classes (amvalidate), casts and the extension's requirements.
\ir lib/awal.psql

SELECT plan(379);

------------------------------------------------------------------------------
-- 1. Extension and types
------------------------------------------------------------------------------
SELECT has_extension('dtks', 'the dtks extension is installed');
SELECT has_type('dtks', 'nik', 'type dtks.nik exists');
SELECT has_type('dtks', 'no_kk', 'type dtks.no_kk exists');
SELECT has_type('dtks', 'kode_wilayah', 'type dtks.kode_wilayah exists');
SELECT results_eq($$SELECT typname::text COLLATE "default", typlen::int, typbyval, typalign::text FROM pg_type
                     WHERE typnamespace = 'dtks'::regnamespace AND typtype = 'b' AND typelem = 0 ORDER BY typname$$,
                  $$VALUES ('kode_wilayah', 8, true, 'd'), ('nik', 8, true, 'd'), ('no_kk', 8, true, 'd')$$,
                  'the three base types are 8-byte, by value, like int8');

------------------------------------------------------------------------------
-- 2. Comments
------------------------------------------------------------------------------
SELECT is_empty($$SELECT p.oid::regprocedure FROM pg_proc p
                   WHERE p.pronamespace = 'dtks'::regnamespace
                     AND obj_description(p.oid, 'pg_proc') IS NULL$$,
                'every function in schema dtks has a comment');
SELECT is_empty($$SELECT t.oid::regtype FROM pg_type t
                   WHERE t.typnamespace = 'dtks'::regnamespace AND t.typtype = 'b' AND t.typelem = 0
                     AND obj_description(t.oid, 'pg_type') IS NULL$$,
                'every base type in schema dtks has a comment');
SELECT is_empty($$SELECT c.oid::regclass FROM pg_class c
                   WHERE c.relnamespace = 'dtks'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                     AND obj_description(c.oid, 'pg_class') IS NULL$$,
                'every table and view in schema dtks has a comment');
SELECT is_empty($$SELECT c.oid::regclass, a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
                   WHERE c.relnamespace = 'dtks'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                     AND a.attnum > 0 AND NOT a.attisdropped
                     AND col_description(c.oid, a.attnum) IS NULL$$,
                'every column of those tables has a comment');
SELECT is_empty($$SELECT o.oid::regoperator FROM pg_operator o
                   WHERE (o.oprnamespace = 'dtks'::regnamespace
                          OR o.oprleft IN (SELECT oid FROM pg_type WHERE typnamespace = 'dtks'::regnamespace)
                          OR o.oprright IN (SELECT oid FROM pg_type WHERE typnamespace = 'dtks'::regnamespace))
                     AND obj_description(o.oid, 'pg_operator') IS NULL$$,
                'every operator on dtks types has a comment');
SELECT is_empty($$SELECT c.opcname FROM pg_opclass c
                   WHERE c.opcnamespace = 'dtks'::regnamespace AND obj_description(c.oid, 'pg_opclass') IS NULL$$,
                'every operator class in dtks has a comment');
SELECT is_empty($$SELECT f.opfname FROM pg_opfamily f
                   WHERE f.opfnamespace = 'dtks'::regnamespace AND obj_description(f.oid, 'pg_opfamily') IS NULL$$,
                'every operator family in dtks has a comment');
SELECT is_empty($$SELECT castsource::regtype, casttarget::regtype FROM pg_cast c
                   WHERE (castsource IN (SELECT oid FROM pg_type WHERE typnamespace = 'dtks'::regnamespace)
                          OR casttarget IN (SELECT oid FROM pg_type WHERE typnamespace = 'dtks'::regnamespace))
                     AND obj_description(c.oid, 'pg_cast') IS NULL$$,
                'every cast involving dtks types has a comment');
SELECT isnt(obj_description('dtks'::regnamespace, 'pg_namespace'), NULL, 'schema dtks has a comment');
SELECT is_empty($$SELECT c.relname FROM pg_class c
                   WHERE c.relnamespace = 'dtks'::regnamespace AND c.relkind IN ('i', 'S')
                     AND obj_description(c.oid, 'pg_class') IS NULL$$,
                'every index and sequence in dtks has a comment');
SELECT is_empty($$SELECT t.typname FROM pg_type t
                   WHERE t.typnamespace = 'dtks'::regnamespace AND t.typtype = 'd' AND obj_description(t.oid, 'pg_type') IS NULL$$,
                'every domain (code list) in dtks has a comment');
SELECT is_empty($$SELECT tgname, tgrelid::regclass FROM pg_trigger
                   WHERE tgrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'dtks'::regnamespace)
                     AND NOT tgisinternal AND obj_description(oid, 'pg_trigger') IS NULL$$,
                'every trigger on a dtks table has a comment');
-- pg_dump keeps the rows of every table (and sequence) that holds the user's data: all but the transient marker
SELECT set_eq($$SELECT c.oid::regclass::text FROM pg_class c
                 WHERE c.relnamespace = 'dtks'::regnamespace AND c.relkind IN ('r', 'S')$$,
              $$SELECT unnest(extconfig)::regclass::text FROM pg_extension WHERE extname = 'dtks'
                UNION ALL SELECT 'registri_tertunda' UNION ALL SELECT 'aturan_tabel' UNION ALL SELECT 'aturan_bawaan'
                UNION ALL SELECT 'galat_kode' UNION ALL SELECT 'padan_tingkat'$$,
              'every dtks table and sequence but registri_tertunda, the record of what the extension ships, the SQLSTATE list and the score model''s fixed levels is registered with pg_extension_config_dump');

------------------------------------------------------------------------------
-- 3. Every function: volatility, strictness, parallel safety, leakproofness
------------------------------------------------------------------------------
-- The expectation, written out: (name, argument types as regtype prints them
-- with search_path dtks, public, volatility, leakproof).
CREATE TEMP TABLE fungsi_harapan (nama name, args name[], vol text, bocor boolean);
INSERT INTO fungsi_harapan VALUES
    ('kode_wilayah_in',            '{cstring}',                        'IMMUTABLE', false),
    ('kode_wilayah_out',           '{kode_wilayah}',                   'IMMUTABLE', false),
    ('kode_wilayah_recv',          '{internal}',                       'IMMUTABLE', false),
    ('kode_wilayah_send',          '{kode_wilayah}',                   'IMMUTABLE', false),
    ('tingkat',                    '{kode_wilayah}',                   'IMMUTABLE', false),
    ('induk',                      '{kode_wilayah}',                   'IMMUTABLE', false),
    ('leluhur',                    '{kode_wilayah,integer}',           'IMMUTABLE', false),
    ('jenis_desa',                 '{kode_wilayah}',                   'IMMUTABLE', false),
    ('kode_wilayah_akhir',         '{kode_wilayah}',                   'IMMUTABLE', false),
    ('nik_in',                     '{cstring}',                        'IMMUTABLE', false),
    ('nik_out',                    '{nik}',                            'IMMUTABLE', false),
    ('nik_recv',                   '{internal}',                       'IMMUTABLE', false),
    ('nik_send',                   '{nik}',                            'IMMUTABLE', false),
    ('nik',                        '{bigint}',                         'IMMUTABLE', false),
    ('nik_valid',                  '{text}',                           'IMMUTABLE', false),
    ('nik_alasan',                 '{text}',                           'IMMUTABLE', false),
    ('nik_kode_wilayah',           '{nik}',                            'IMMUTABLE', false),
    ('nik_jenis_kelamin',          '{nik}',                            'IMMUTABLE', false),
    ('nik_nomor_urut',             '{nik}',                            'IMMUTABLE', false),
    ('nik_tanggal_lahir',          '{nik,date}',                       'IMMUTABLE', false),
    ('nik_tanggal_lahir',          '{nik}',                            'STABLE',    false),
    ('no_kk_in',                   '{cstring}',                        'IMMUTABLE', false),
    ('no_kk_out',                  '{no_kk}',                          'IMMUTABLE', false),
    ('no_kk_recv',                 '{internal}',                       'IMMUTABLE', false),
    ('no_kk_send',                 '{no_kk}',                          'IMMUTABLE', false),
    ('no_kk',                      '{bigint}',                         'IMMUTABLE', false),
    ('no_kk_valid',                '{text}',                           'IMMUTABLE', false),
    ('no_kk_alasan',               '{text}',                           'IMMUTABLE', false),
    ('no_kk_kode_wilayah',         '{no_kk}',                          'IMMUTABLE', false),
    ('no_kk_tanggal_terbit',       '{no_kk,date}',                     'IMMUTABLE', false),
    ('no_kk_tanggal_terbit',       '{no_kk}',                          'STABLE',    false),
    ('kode_wilayah_memuat_dukungan', '{internal}',                     'IMMUTABLE', false),
    ('kode_wilayah_dimuat_dukungan', '{internal}',                     'IMMUTABLE', false),
    ('kode_wilayah_sel',           '{internal,oid,internal,integer}',  'STABLE',    false),
    ('kode_wilayah_memuat',        '{kode_wilayah,kode_wilayah}',      'IMMUTABLE', true),
    ('kode_wilayah_dimuat',        '{kode_wilayah,kode_wilayah}',      'IMMUTABLE', true),
    ('nik_wilayah_dikenal',        '{nik}',                            'STABLE',    false),
    ('titik_wgs84_periksa',        '{integer,text}',                   'IMMUTABLE', false),
    ('wilayah_di_titik',           '{geometry}',                       'STABLE',    false),
    ('kk_pada',                    '{nik,date}',                       'STABLE',    false),
    ('registri_pelanggaran',       '{nik[],no_kk[],bigint[]}',         'STABLE',    false),
    ('kk_periksa_daftar',          '{no_kk[],date}',                   'STABLE',    false),
    ('kk_periksa',                 '{no_kk,date}',                     'STABLE',    false),
    ('kk_periksa_wilayah',         '{kode_wilayah,date}',              'STABLE',    false),
    ('kk_graf',                    '{no_kk,date}',                     'STABLE',    false),
    ('kk_komponen',                '{}',                               'STABLE',    false),
    ('riwayat_beda',               '{jsonb,jsonb}',                    'IMMUTABLE', false),
    ('skor_kesejahteraan',         '{rumah_tangga,keluarga,anggota,integer[],text}', 'STABLE', false),
    ('skor_rinci',                 '{rumah_tangga,keluarga,anggota,integer[],text}', 'STABLE', false),
    ('skor_kesejahteraan',         '{no_kk,text,date}',                'STABLE',    false),
    ('skor_rinci',                 '{no_kk,text,date}',                'STABLE',    false),
    ('skor_ringkasan',             '{no_kk,date}',                     'STABLE',    false),
    ('skor_model_pada',            '{date}',                           'STABLE',    false),
    ('skor_sql',                   '{text}',                           'STABLE',    false),
    ('skor_model_salin',           '{text,text,text,daterange}',       'VOLATILE',  false),
    ('skor_masukan',               '{date}',                           'STABLE',    false),
    ('skor_masukan_kk',            '{no_kk,date}',                     'STABLE',    false),
    ('nama_kunci',                 '{text}',                           'IMMUTABLE', false),
    ('jaro_winkler',               '{text,text}',                      'IMMUTABLE', false),
    ('damerau_levenshtein',        '{text,text}',                      'IMMUTABLE', false),
    ('nama_banding',               '{text,text}',                      'IMMUTABLE', false),
    ('nik_banding',                '{text,nik}',                       'IMMUTABLE', false),
    ('nik_jarak',                  '{text,nik}',                       'IMMUTABLE', false),
    ('nik_kunci_sekitar',          '{text}',                           'IMMUTABLE', false),
    ('nik_sekitar',                '{text}',                           'IMMUTABLE', false),
    ('tanggal_sekitar',            '{date}',                           'IMMUTABLE', false),
    ('tanggal_dari_teks',          '{text}',                           'IMMUTABLE', false),
    ('alamat_pecah',               '{text}',                           'IMMUTABLE', false),
    ('alamat_kunci',               '{text}',                           'IMMUTABLE', false),
    ('wilayah_nama_pisah',         '{text,integer}',                   'IMMUTABLE', false),
    ('wilayah_nama_segarkan',      '{}',                               'VOLATILE',  false),
    ('wilayah_dari_alamat',        '{text}',                           'STABLE',    false),
    ('wilayah_batas_segarkan',     '{}',                               'VOLATILE',  false),
    ('wilayah_di_titik_rinci',     '{geometry}',                       'STABLE',    false),
    ('padan_nilai',                '{text,text,text,text,text,date,date,text,text,kode_wilayah,kode_wilayah,"double precision",text}', 'STABLE', false),
    ('padan_rincian',              '{text,text,text,text,text,date,date,text,text,kode_wilayah,kode_wilayah,"double precision",text}', 'STABLE', false),
    ('penduduk_calon',             '{text,text,date,text,kode_wilayah,integer,kode_wilayah,"double precision","double precision",boolean,boolean}', 'STABLE', false),
    ('cari_penduduk',              '{text,text,date,text,kode_wilayah,integer}', 'STABLE', false),
    ('ganda_cari',                 '{kode_wilayah,"double precision"}', 'STABLE',   false),
    ('calon_ganda',                '{kode_wilayah}',                   'STABLE',    false),
    ('usulan_pakai_nik',           '{bigint}',                         'VOLATILE',  false),
    ('usulan_peran',               '{}',                               'STABLE',    false),
    ('usulan_pelaku',              '{}',                               'STABLE',    false),
    ('ubah_status',                '{bigint,text,text,jsonb}',         'VOLATILE',  false),
    ('pemadanan_jalankan',         '{kode_wilayah}',                   'VOLATILE',  false),
    ('padankan_usulan',            '{kode_wilayah}',                   'VOLATILE',  false),
    ('jalankan_sebagai',           '{text,text}',                      'VOLATILE',  false),
    ('wilayah_petugas',            '{}',                               'STABLE',    false),
    ('petugas_nasional',           '{}',                               'STABLE',    false),
    ('peran_petugas',              '{}',                               'STABLE',    false),
    ('petugas_tetapkan',           '{name,text,kode_wilayah}',         'VOLATILE',  false),
    ('hitung_desil',               '{text,text,date}',                 'VOLATILE',  false),
    ('desil_terakhir',             '{no_kk,text}',                     'STABLE',    false),
    ('layak_program',              '{no_kk,text,date}',                'STABLE',    false),
    ('kriteria_bps14',             '{no_kk,date}',                     'STABLE',    false),
    ('kriteria_bps14_rinci',       '{no_kk,date}',                     'STABLE',    false),
    ('kriteria_kemensos262',       '{no_kk,date}',                     'STABLE',    false),
    ('kriteria_kemensos262_rinci', '{no_kk,date}',                     'STABLE',    false),
    ('sintetis_acak',              '{bigint,bigint,integer}',          'IMMUTABLE', false),
    ('sintetis_pilih',             '{"double precision",integer[],"double precision[]"}', 'IMMUTABLE', false),
    ('sintetis_titik',             '{geometry,bigint,bigint}',         'IMMUTABLE', false),
    ('sintetis_batas_periksa',     '{geometry,integer,text,boolean,"double precision"}', 'IMMUTABLE', false),
    ('sintetis_muat',              '{bigint,integer,kode_wilayah,jsonb,date}', 'VOLATILE', false),
    ('tetapkan',                   '{date}',                           'VOLATILE',  false),
    ('penetapan_jalankan',         '{date}',                           'VOLATILE',  false),
    ('penetapan_periksa_data',     '{date}',                           'VOLATILE',  false),
    ('penetapan_terapkan',         '{date,integer,text,text,text}',    'VOLATILE',  false),
    ('penetapan_skor',             '{date,text,date}',                 'VOLATILE',  false),
    ('penetapan_selaraskan',       '{date,date}',                      'VOLATILE',  false),
    ('penetapan_agregat_hitung',   '{date,date}',                      'VOLATILE',  false),
    ('penetapan_meja_kerja',       '{}',                               'VOLATILE',  false),
    ('registri_periksa_sekarang',  '{}',                               'VOLATILE',  false),
    ('penetapan_pada',             '{date,kode_wilayah}',              'STABLE',    false),
    ('penetapan_koreksi_nik',      '{date,text}',                      'VOLATILE',  false),
    ('nik_rantai',                 '{nik}',                            'STABLE',    false),
    ('kelompok_umur',              '{date,date}',                      'IMMUTABLE', false),
    ('jumlah_per_kunci',           '{jsonb,jsonb}',                    'IMMUTABLE', false),
    ('ekspor_data',                '{bigint}',                         'VOLATILE',  false),
    ('laporan_tertunggak_periksa', '{bigint,bigint,text}',             'VOLATILE',  false),
    ('tanggal_acuan',              '{}',                               'STABLE',    false),
    ('kemajuan_mulai',             '{text,text}',                      'VOLATILE',  false),
    ('lapor_kemajuan',             '{text,text,bigint}',               'VOLATILE',  false),
    ('aturan_baris',               '{anyelement}',                     'STABLE',    false),
    ('aturan_kunci',               '{text,jsonb}',                     'STABLE',    false),
    ('aturan_utuh',                '{text,anyelement}',                'STABLE',    false),
    ('aturan_syarat',              '{text,text}',                      'STABLE',    false);
-- trigger functions: VOLATILE, not STRICT, PARALLEL UNSAFE (checked below, apart)
CREATE TEMP TABLE fungsi_pemicu (nama name);
INSERT INTO fungsi_pemicu VALUES ('registri_catat'), ('registri_periksa'), ('keanggotaan_hanya_ditutup'),
    ('riwayat_catat'), ('riwayat_tolak_ubah'), ('skor_bobot_periksa'), ('skor_model_periksa'), ('skor_model_berubah'),
    ('usulan_periksa'), ('usulan_catat'), ('usulan_aturan_berubah'),
    ('permohonan_periksa'), ('permohonan_langkah_catat'), ('laporan_penerima_periksa'),
    ('aturan_pulihkan'), ('aturan_catat'), ('aturan_kosongkan'), ('aturan_dihapus_terapkan'), ('pemulihan_periksa'),
    ('padan_bobot_berubah'), ('usulan_padan_periksa');
-- the comparison and hash support functions of the three types (int8 internals)
INSERT INTO fungsi_harapan
SELECT (tipe || '_' || akhiran)::name,
       CASE akhiran WHEN 'hash' THEN ARRAY[tipe]::name[]
                    WHEN 'hash_extended' THEN ARRAY[tipe, 'bigint']::name[]
                    ELSE ARRAY[tipe, tipe]::name[] END,
       'IMMUTABLE', true
  FROM unnest(ARRAY['nik', 'no_kk', 'kode_wilayah']) tipe,
       unnest(ARRAY['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'cmp', 'hash', 'hash_extended']) akhiran;
-- the transition functions of min() and max() (int8smaller/int8larger: never raise, but not marked LEAKPROOF)
INSERT INTO fungsi_harapan
SELECT (tipe || '_' || akhiran)::name, ARRAY[tipe, tipe]::name[], 'IMMUTABLE', false
  FROM unnest(ARRAY['nik', 'no_kk', 'kode_wilayah']) tipe, unnest(ARRAY['smaller', 'larger']) akhiran;

SELECT is((SELECT count(*) FROM fungsi_harapan), 159::bigint, '159 functions are expected');
SELECT set_eq($$SELECT proname, string_to_array(array_to_string(proargtypes::regtype[], ','), ',')::name[]
                  FROM pg_proc WHERE pronamespace = 'dtks'::regnamespace AND prokind = 'f'
                   AND prorettype <> 'trigger'::regtype$$,
              'SELECT nama, args FROM fungsi_harapan',
              'schema dtks has exactly the expected functions');

-- volatility of each, and STRICT for each but those listed (checked apart)
SELECT volatility_is('dtks', nama, args, vol, format('dtks.%s(%s) is %s', nama, array_to_string(args, ', '), vol))
  FROM fungsi_harapan ORDER BY nama, args;
SELECT is_strict('dtks', nama, args, format('dtks.%s(%s) is STRICT', nama, array_to_string(args, ', ')))
  FROM fungsi_harapan WHERE nama NOT IN ('registri_pelanggaran', 'kk_periksa_daftar', 'kk_komponen', 'sintetis_muat',
                                         'skor_kesejahteraan', 'skor_rinci', 'hitung_desil', 'usulan_peran', 'usulan_pelaku', 'ubah_status',
                                         'pemadanan_jalankan', 'padankan_usulan', 'wilayah_petugas', 'petugas_nasional', 'peran_petugas', 'petugas_tetapkan',
                                         'penetapan_jalankan', 'penetapan_periksa_data', 'penetapan_terapkan', 'penetapan_skor',
                                         'penetapan_selaraskan', 'penetapan_agregat_hitung', 'penetapan_pada', 'laporan_tertunggak_periksa',
                                         'kemajuan_mulai', 'lapor_kemajuan', 'penetapan_meja_kerja', 'registri_periksa_sekarang',
                                         'padan_nilai', 'padan_rincian', 'penduduk_calon', 'cari_penduduk', 'ganda_cari', 'calon_ganda',
                                         'penetapan_koreksi_nik', 'wilayah_nama_segarkan', 'wilayah_batas_segarkan') ORDER BY nama, args;
-- a NULL kepala or version has a meaning for the scorer (no kepala; the model in force); a NULL region
-- means everywhere for the matching and no region for pusat/pt offices; the office readers take no argument;
-- the penetapan's parts take NULL for "no previous month", penetapan_pada a NULL region for everywhere
SELECT isnt_strict('dtks', nama, args, format('dtks.%s(%s) is not STRICT', nama, array_to_string(args, ', ')))
  FROM fungsi_harapan WHERE nama IN ('skor_kesejahteraan', 'skor_rinci', 'hitung_desil', 'usulan_peran', 'usulan_pelaku', 'ubah_status',
                                         'pemadanan_jalankan', 'padankan_usulan', 'wilayah_petugas', 'petugas_nasional', 'peran_petugas', 'petugas_tetapkan',
                                         'penetapan_jalankan', 'penetapan_periksa_data', 'penetapan_terapkan', 'penetapan_skor',
                                         'penetapan_selaraskan', 'penetapan_agregat_hitung', 'penetapan_pada', 'laporan_tertunggak_periksa',
                                         'kemajuan_mulai', 'lapor_kemajuan', 'penetapan_meja_kerja', 'registri_periksa_sekarang',
                                         'padan_nilai', 'padan_rincian', 'penduduk_calon', 'cari_penduduk', 'ganda_cari', 'calon_ganda',
                                         'penetapan_koreksi_nik') ORDER BY nama, args;
-- NULL for any array means "none of that kind"; kk_komponen has no argument
SELECT isnt_strict('dtks', 'registri_pelanggaran', '{nik[],no_kk[],bigint[]}'::name[],
                   'dtks.registri_pelanggaran is not STRICT: a NULL array means none');
SELECT isnt_strict('dtks', 'kk_periksa_daftar', '{no_kk[],date}'::name[],
                   'dtks.kk_periksa_daftar is not STRICT: a NULL list means none');
SELECT isnt_strict('dtks', 'kk_komponen', '{}'::name[], 'dtks.kk_komponen takes no argument');
SELECT isnt_strict('dtks', 'wilayah_nama_segarkan', '{}'::name[], 'dtks.wilayah_nama_segarkan takes no argument');
SELECT isnt_strict('dtks', 'wilayah_batas_segarkan', '{}'::name[], 'dtks.wilayah_batas_segarkan takes no argument');
SELECT isnt_strict('dtks', 'sintetis_muat', '{bigint,integer,kode_wilayah,jsonb,date}'::name[],
                   'dtks.sintetis_muat is not STRICT: a NULL region means the whole country');

SELECT set_eq($$SELECT p.oid::regprocedure::text, a.aggcombinefn <> 0 FROM pg_proc p JOIN pg_aggregate a ON a.aggfnoid = p.oid
                  WHERE p.pronamespace = 'dtks'::regnamespace$$,
              $$SELECT format('%s(%s)', f, t), true FROM unnest(ARRAY['min', 'max']) f,
                       unnest(ARRAY['nik', 'no_kk', 'kode_wilayah']) t$$,
              'min() and max() for each type, each with a combine function (parallel aggregation)');
SELECT is_empty($$SELECT oid::regprocedure FROM pg_proc
                   WHERE pronamespace = 'dtks'::regnamespace AND proparallel <> 's' AND prorettype <> 'trigger'::regtype
                     AND proname NOT IN ('sintetis_muat', 'hitung_desil', 'skor_model_salin', 'usulan_peran', 'usulan_pelaku', 'ubah_status',
                                         'pemadanan_jalankan', 'padankan_usulan', 'jalankan_sebagai', 'petugas_tetapkan',
                                         'wilayah_petugas', 'petugas_nasional', 'peran_petugas', 'tetapkan', 'penetapan_jalankan',
                                         'penetapan_periksa_data', 'penetapan_terapkan', 'penetapan_skor', 'penetapan_selaraskan',
                                         'penetapan_agregat_hitung', 'ekspor_data', 'laporan_tertunggak_periksa',
                                         'kemajuan_mulai', 'lapor_kemajuan', 'penetapan_meja_kerja', 'registri_periksa_sekarang',
                                         'penduduk_calon', 'cari_penduduk', 'calon_ganda', 'usulan_pakai_nik', 'penetapan_koreksi_nik',
                                         'wilayah_nama_segarkan', 'wilayah_batas_segarkan')$$,
                'every dtks function and aggregate but the trigger functions, those that write and those that work as the owner is PARALLEL SAFE');
SELECT set_eq($$SELECT proname, provolatile, proisstrict, proparallel FROM pg_proc
                 WHERE pronamespace = 'dtks'::regnamespace AND prorettype = 'trigger'::regtype$$,
              $$SELECT nama, 'v'::"char" AS vol, false AS ketat, 'u'::"char" AS paralel FROM fungsi_pemicu$$,
              'the trigger functions are exactly these, VOLATILE, not STRICT, PARALLEL UNSAFE');
SELECT set_eq($$SELECT proname, string_to_array(array_to_string(proargtypes::regtype[], ','), ',')::name[]
                  FROM pg_proc WHERE pronamespace = 'dtks'::regnamespace AND proleakproof$$,
              'SELECT nama, args FROM fungsi_harapan WHERE bocor',
              'LEAKPROOF exactly on the comparison, containment and hash functions');
SELECT set_eq($$SELECT proname FROM pg_proc WHERE pronamespace = 'dtks'::regnamespace AND prosecdef$$,
              $$VALUES ('riwayat_catat'::name), ('usulan_catat'), ('ekspor_data'), ('laporan_tertunggak_periksa'), ('laporan_penerima_periksa'),
                       ('aturan_catat'), ('aturan_kosongkan'), ('usulan_padan_periksa')$$,
              'only the history triggers, the record of deleted shipped rows, the link check of usulan_padan and the data-use checks and export are SECURITY DEFINER (roles append history without INSERT on it; an export reads what the office may not)');
SELECT set_eq($$SELECT proname, proconfig FROM pg_proc
                 WHERE pronamespace = 'dtks'::regnamespace AND proconfig IS NOT NULL$$,
              $$VALUES ('keanggotaan_hanya_ditutup'::name, '{"search_path=pg_catalog, pg_temp"}'::text[]),
                       ('usulan_padan_periksa', '{"search_path=pg_catalog, pg_temp"}'),
                       ('wilayah_dari_alamat', '{jit=off,enable_hashjoin=off,enable_mergejoin=off}'),
                       ('riwayat_catat', '{"search_path=pg_catalog, pg_temp",enable_hashjoin=on,enable_mergejoin=on}'), ('riwayat_tolak_ubah', '{"search_path=pg_catalog, pg_temp"}'),
                       ('sintetis_muat', '{"search_path=pg_catalog, pg_temp",jit=off}'),
                       ('skor_bobot_periksa', '{"search_path=pg_catalog, pg_temp"}'), ('skor_model_periksa', '{"search_path=pg_catalog, pg_temp"}'),
                       ('hitung_desil', '{"search_path=pg_catalog, pg_temp",enable_nestloop=off}'),
                       ('usulan_catat', '{"search_path=pg_catalog, pg_temp",enable_hashjoin=on}'), ('ubah_status', '{"search_path=pg_catalog, pg_temp"}'),
                       ('petugas_tetapkan', '{"search_path=pg_catalog, pg_temp"}'),
                       ('penetapan_jalankan', '{"search_path=pg_catalog, dtks, pg_temp"}'), ('penetapan_periksa_data', '{"search_path=pg_catalog, dtks, pg_temp"}'),
                       ('penetapan_terapkan', '{"search_path=pg_catalog, dtks, pg_temp"}'), ('penetapan_koreksi_nik', '{"search_path=pg_catalog, dtks, pg_temp"}'),
                       ('penetapan_skor', '{"search_path=pg_catalog, dtks, pg_temp"}'),
                       ('penetapan_selaraskan', '{"search_path=pg_catalog, dtks, pg_temp"}'), ('penetapan_agregat_hitung', '{"search_path=pg_catalog, dtks, pg_temp",work_mem=64MB}'),
                       ('penetapan_meja_kerja', '{"search_path=pg_catalog, pg_temp"}'),
                       ('ekspor_data', '{"search_path=pg_catalog, pg_temp"}'), ('laporan_tertunggak_periksa', '{"search_path=pg_catalog, pg_temp"}'),
                       ('permohonan_periksa', '{"search_path=pg_catalog, pg_temp"}'), ('permohonan_langkah_catat', '{"search_path=pg_catalog, pg_temp"}'),
                       ('laporan_penerima_periksa', '{"search_path=pg_catalog, pg_temp"}'),
                       ('aturan_baris', '{"search_path=pg_catalog, pg_temp","DateStyle=ISO, YMD",IntervalStyle=postgres}'),
                       ('aturan_utuh', '{"search_path=pg_catalog, pg_temp"}'), ('aturan_pulihkan', '{"search_path=pg_catalog, pg_temp"}'),
                       ('aturan_catat', '{"search_path=pg_catalog, pg_temp"}'), ('aturan_kosongkan', '{"search_path=pg_catalog, pg_temp"}'),
                       ('aturan_dihapus_terapkan', '{"search_path=pg_catalog, pg_temp"}')$$,
              'only the PL/pgSQL functions pin their search_path (the generator turns JIT off; the history triggers pair rows by hash whatever the caller set)');
SELECT is_empty($$SELECT oid::regprocedure FROM pg_proc
                   WHERE pronamespace = 'dtks'::regnamespace
                     AND prolang = (SELECT oid FROM pg_language WHERE lanname = 'sql') AND prosqlbody IS NULL$$,
                'every SQL function has an SQL-standard body (bound at creation, immune to search_path)');

------------------------------------------------------------------------------
-- 4. Operator classes and families
------------------------------------------------------------------------------
-- (FILTER, so that amvalidate runs on the dtks operator classes only)
SELECT is((SELECT count(*) FILTER (WHERE NOT amvalidate(oid)) FROM pg_opclass WHERE opcnamespace = 'dtks'::regnamespace),
          0::bigint, 'amvalidate accepts every dtks operator class');
SELECT is((SELECT count(*) FILTER (WHERE amvalidate(oid)) FROM pg_opclass WHERE opcnamespace = 'dtks'::regnamespace),
          6::bigint, 'amvalidate accepts six dtks operator classes');
SELECT set_eq($$SELECT c.opcname::text COLLATE "default", a.amname::text COLLATE "default", f.opfname::text COLLATE "default", c.opcintype::regtype::text, c.opcdefault
                  FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod JOIN pg_opfamily f ON f.oid = c.opcfamily
                 WHERE c.opcnamespace = 'dtks'::regnamespace$$,
              $$VALUES ('nik_ops', 'btree', 'nik_ops', 'nik', true), ('nik_ops', 'hash', 'nik_ops', 'nik', true),
                       ('no_kk_ops', 'btree', 'no_kk_ops', 'no_kk', true), ('no_kk_ops', 'hash', 'no_kk_ops', 'no_kk', true),
                       ('kode_wilayah_ops', 'btree', 'kode_wilayah_ops', 'kode_wilayah', true),
                       ('kode_wilayah_ops', 'hash', 'kode_wilayah_ops', 'kode_wilayah', true)$$,
              'six default operator classes (btree and hash for each type), each in a family of its own name');
SELECT set_eq($$SELECT f.opfname::text COLLATE "default", a.amname::text COLLATE "default" FROM pg_opfamily f JOIN pg_am a ON a.oid = f.opfmethod
                 WHERE f.opfnamespace = 'dtks'::regnamespace$$,
              $$VALUES ('nik_ops', 'btree'), ('nik_ops', 'hash'), ('no_kk_ops', 'btree'), ('no_kk_ops', 'hash'),
                       ('kode_wilayah_ops', 'btree'), ('kode_wilayah_ops', 'hash')$$,
              'six operator families, no others');
SELECT set_eq($$SELECT f.opfname::text COLLATE "default", a.amname::text COLLATE "default",
                       (SELECT count(*) FROM pg_amop o WHERE o.amopfamily = f.oid),
                       (SELECT array_agg(p.amprocnum ORDER BY p.amprocnum) FROM pg_amproc p WHERE p.amprocfamily = f.oid)
                  FROM pg_opfamily f JOIN pg_am a ON a.oid = f.opfmethod
                 WHERE f.opfnamespace = 'dtks'::regnamespace$$,
              $$VALUES ('nik_ops', 'btree', 5::bigint, '{1,2,4}'::smallint[]), ('nik_ops', 'hash', 1, '{1,2}'),
                       ('no_kk_ops', 'btree', 5, '{1,2,4}'), ('no_kk_ops', 'hash', 1, '{1,2}'),
                       ('kode_wilayah_ops', 'btree', 5, '{1,2,4}'), ('kode_wilayah_ops', 'hash', 1, '{1,2}')$$,
              'btree families: 5 operators, cmp + sortsupport + equalimage; hash families: = with hash + extended hash');
SELECT is_empty($$SELECT hb.amopopr FROM pg_amop hb
                    JOIN pg_opfamily fh ON fh.oid = hb.amopfamily AND fh.opfnamespace = 'dtks'::regnamespace
                    JOIN pg_am ah ON ah.oid = fh.opfmethod AND ah.amname = 'hash'
                   WHERE NOT EXISTS (SELECT 1 FROM pg_amop bb
                                       JOIN pg_opfamily fb ON fb.oid = bb.amopfamily AND fb.opfname = fh.opfname
                                                          AND fb.opfnamespace = fh.opfnamespace
                                       JOIN pg_am ab ON ab.oid = fb.opfmethod AND ab.amname = 'btree'
                                      WHERE bb.amopopr = hb.amopopr AND bb.amopstrategy = 3)$$,
                'the hash = of each type is its btree = (strategy 3)');
SELECT is_empty($$SELECT oid::regoperator FROM pg_operator
                   WHERE oprnamespace = 'dtks'::regnamespace AND oprname = '=' AND NOT (oprcanhash AND oprcanmerge)$$,
                'every = of dtks is HASHES and MERGES');
SELECT is_empty($$SELECT oid::regoperator FROM pg_operator
                   WHERE oprnamespace = 'dtks'::regnamespace AND oprcom = 0$$,
                'every dtks operator has a commutator');
SELECT is_empty($$SELECT oid::regoperator FROM pg_operator
                   WHERE oprnamespace = 'dtks'::regnamespace AND oprname IN ('=', '<>', '<', '<=', '>', '>=')
                     AND oprnegate = 0$$,
                'every comparison operator has a negator');
SELECT set_eq($$SELECT oprname::text COLLATE "default", oprleft::regtype::text, oprright::regtype::text FROM pg_operator
                 WHERE oprnamespace = 'dtks'::regnamespace AND oprname IN ('@>', '<@')$$,
              $$VALUES ('@>', 'kode_wilayah', 'kode_wilayah'), ('<@', 'kode_wilayah', 'kode_wilayah')$$,
              'containment operators exist for kode_wilayah only');
SELECT is((SELECT count(*) FROM pg_operator WHERE oprnamespace = 'dtks'::regnamespace), 20::bigint,
          '20 operators: 6 comparisons for each of 3 types, @> and <@');

------------------------------------------------------------------------------
-- 5. Casts: all explicit
------------------------------------------------------------------------------
SELECT set_eq($$SELECT castsource::regtype::text, casttarget::regtype::text, castcontext::text, castmethod::text
                  FROM pg_cast
                 WHERE castsource IN (SELECT oid FROM pg_type WHERE typnamespace = 'dtks'::regnamespace)
                    OR casttarget IN (SELECT oid FROM pg_type WHERE typnamespace = 'dtks'::regnamespace)$$,
              $$VALUES ('text', 'nik', 'e', 'i'), ('nik', 'text', 'e', 'i'),
                       ('nik', 'bigint', 'e', 'b'), ('bigint', 'nik', 'e', 'f'),
                       ('text', 'no_kk', 'e', 'i'), ('no_kk', 'text', 'e', 'i'),
                       ('no_kk', 'bigint', 'e', 'b'), ('bigint', 'no_kk', 'e', 'f'),
                       ('text', 'kode_wilayah', 'e', 'i'), ('kode_wilayah', 'text', 'e', 'i')$$,
              'exactly these casts involve dtks types, all explicit (text I/O, binary nik/no_kk -> bigint, checked bigint -> nik/no_kk)');
SELECT cast_context_is(s, t, 'explicit')
  FROM (VALUES ('text', 'nik'), ('nik', 'text'), ('nik', 'bigint'), ('bigint', 'nik'),
               ('text', 'no_kk'), ('no_kk', 'text'), ('no_kk', 'bigint'), ('bigint', 'no_kk'),
               ('text', 'kode_wilayah'), ('kode_wilayah', 'text')) c(s, t)
 ORDER BY s, t;
SELECT is((SELECT castfunc::regprocedure::text FROM pg_cast WHERE castsource = 'bigint'::regtype AND casttarget = 'nik'::regtype),
          'nik(bigint)', 'bigint -> nik goes through the checking function nik(bigint)');
SELECT is((SELECT castfunc::regprocedure::text FROM pg_cast WHERE castsource = 'bigint'::regtype AND casttarget = 'no_kk'::regtype),
          'no_kk(bigint)', 'bigint -> no_kk goes through the checking function no_kk(bigint)');
SELECT throws_ok($$SELECT '3171011708450001'::dtks.nik = 3171011708450001::bigint$$, '42883', NULL,
                 'no implicit cast lets a nik be compared with a bigint');
SELECT throws_ok($$SELECT '3171011708450001'::dtks.nik = '3171011708450001'::dtks.no_kk$$, '42883', NULL,
                 'a nik cannot be compared with a no_kk');

------------------------------------------------------------------------------
-- 6. The extension and what it requires
------------------------------------------------------------------------------
SELECT has_extension('pg_trgm', 'pg_trgm is installed (required by dtks)');
SELECT has_extension('postgis', 'postgis is installed (required by dtks)');
SELECT set_eq($$SELECT r.extname::text COLLATE "default" FROM pg_depend d
                  JOIN pg_extension e ON e.oid = d.objid AND d.classid = 'pg_extension'::regclass
                  JOIN pg_extension r ON r.oid = d.refobjid AND d.refclassid = 'pg_extension'::regclass
                 WHERE e.extname = 'dtks'$$,
              ARRAY['pg_trgm', 'postgis'], 'pg_depend: dtks depends on pg_trgm and postgis');
SELECT results_eq($$SELECT extnamespace::regnamespace::text, extrelocatable, extversion COLLATE "default" FROM pg_extension WHERE extname = 'dtks'$$,
                  $$VALUES ('dtks', false, '1.1')$$, 'dtks 1.1 lives in schema dtks and is not relocatable');
SELECT results_eq($$SELECT superuser, trusted, relocatable, requires::text[] COLLATE "default" FROM pg_available_extension_versions
                     WHERE name = 'dtks' AND version = '1.1'$$,
                  $$VALUES (true, false, false, ARRAY['pg_trgm', 'postgis'])$$,
                  'the control file: superuser, not trusted, not relocatable, requires pg_trgm and postgis');
SELECT ok((SELECT extconfig::regclass[]::text[] @> ARRAY['wilayah_edisi', 'wilayah_riwayat', 'wilayah']
             FROM pg_extension WHERE extname = 'dtks'),
          'the three reference tables are dumped with the user''s data (pg_extension_config_dump)');
SELECT is_empty($$SELECT p.oid::regprocedure FROM pg_proc p
                   WHERE p.pronamespace = 'dtks'::regnamespace
                     AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                                        AND d.deptype = 'e' AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'dtks'))$$,
                'every dtks function is a member of the extension');
SELECT is_empty($$SELECT c.oid::regclass FROM pg_class c
                   WHERE c.relnamespace = 'dtks'::regnamespace AND c.relkind = 'r'
                     AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                        AND d.deptype = 'e' AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'dtks'))$$,
                'every dtks table is a member of the extension');

SELECT * FROM finish();
ROLLBACK;
