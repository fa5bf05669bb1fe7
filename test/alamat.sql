-- pgTAP: address text to region (dtks.wilayah_dari_alamat, sql/install/80_wilayah_alamat.sql) on the real region
-- reference (../shared/data): one or more addresses per class of bench/alamat/buat_set.py, and what is noise; and a
-- household's location checked against its kecamatan where its desa has no boundary (dtks.kk_periksa).
\ir lib/awal.psql
SELECT plan(32);

CREATE FUNCTION pg_temp.pertama(alamat text) RETURNS text LANGUAGE sql AS
$$ SELECT kode_wilayah::text FROM dtks.wilayah_dari_alamat(alamat) LIMIT 1 $$;

SELECT cmp_ok((SELECT count(*) FROM dtks.wilayah_nama), '>', 90000::bigint, 'every region''s names are indexed after load-wilayah');
-- the words
SELECT is(dtks.alamat_pecah('Jl. Kebon Sirih No. 12 RT 002/RW 003, Kel. Kebon Sirih, Kec. Menteng, Jakarta Pusat 10340'),
          '{<4>KEL,KEBON,SIRIH,|,<3>KEC,MENTENG,|,JAKARTA,PUSAT,|}'::text[],
          'streets, numbers, RT/RW and postcodes are noise; level words become markers');
SELECT is(dtks.alamat_pecah('Desa Banjar Anyar, Banjar Kaja'), '{<4>DESA,BANJAR,ANYAR,|}'::text[],
          'a noise word right after a level word begins the name; elsewhere it drops its part');
-- the classes
SELECT is(pg_temp.pertama('Jl. Kebon Sirih No. 12 RT 002/RW 003, Kel. Kebon Sirih, Kec. Menteng, Jakarta Pusat 10340'),
          '31.71.06.1005', 'lengkap: a full address');
SELECT is(pg_temp.pertama('Kalurahan Sriharjo, Kapanewon Imogiri, Kabupaten Bantul, Daerah Istimewa Yogyakarta'),
          '34.02.10.2002', 'local words: Kalurahan and Kapanewon (DI Yogyakarta)');
SELECT is(pg_temp.pertama('Gampong Lampeuneurut Gampong, Kec. Darul Imarah, Kab. Aceh Besar'), '11.06.07.2002',
          'Gampong (Aceh), also as the last word of the name');
SELECT is(pg_temp.pertama('Nagari Koto Baru, Kec. Kubung, Kab. Solok, Sumbar'), '13.02.10.2001', 'Nagari (Sumatera Barat), a short province');
SELECT is(pg_temp.pertama('Kampung Waena, Distrik Heram, Kota Jayapura'), '91.71.05.1002', 'Kampung and Distrik (Papua)');
SELECT is(pg_temp.pertama('KEL. GAMBIR, KEC. GAMBIR, JAKPUS'), '31.71.01.1001', 'huruf_besar and singkatan: all capitals, Jakpus');
SELECT is(pg_temp.pertama('Dusun Kembang, Desa Sriharjo, Kapanewon Imogiri, Kab. Bantul, DIY'), '34.02.10.2002',
          'dusun: a sub-desa unit first; DIY');
SELECT is(pg_temp.pertama('SRIHARJO IMOGIRI BANTUL'), '34.02.10.2002', 'tanpa_penanda: no level words, no commas');
SELECT is(pg_temp.pertama('Ds. Srihardjo Kec. Imogri Bantul'), '34.02.10.2002', 'salah_ketik: the desa and the kecamatan mistyped');
SELECT is(pg_temp.pertama('Jl. Merdeka 7, Subter Agung, Tanjung Priok, Kota Jakarta Utara'), '31.72.02.1006',
          'salah_ketik: a name of two words with a typing error');
SELECT is(pg_temp.pertama('Ds. Caturtunggal, Sleman'), '34.04.07.2001', 'level_hilang: desa and kab/kota only');
SELECT is(pg_temp.pertama('Prov. DIY, Kab. Sleman, Kec. Depok, Desa Caturtunggal'), '34.04.07.2001', 'provinsi_dulu: the province first');
SELECT is(pg_temp.pertama('Kec. Coblong, Kota Bandung'), '32.73.02', 'kecamatan_saja: the kecamatan');
SELECT is(pg_temp.pertama('Namlea, KAB. BURU'), '81.04.01',
          'kecamatan_saja: a kecamatan whose main desa has its name is the kecamatan');
SELECT is(pg_temp.pertama('Desa Catuharjo, Kec. Pandak, Bantul'), '34.02.06.2001', 'nama_lama: a desa''s name of the 2016 edition');
SELECT is(pg_temp.pertama('Kab. Merauke, Papua'), '93.01', 'nama_lama: Papua before the 2022 split names Papua Selatan''s Merauke');
SELECT is(pg_temp.pertama('Kelurahan Sukamaju, Kota Depok'), '32.76.08.1001', 'a name of 65 desa made unique by the kab/kota');
SELECT is(pg_temp.pertama('Desa Gattareng Toa, Kecamatan Marioriwawo, KAB. SOPPENG, Sulsel'), '73.12.01.2012',
          'a name that covers its part whole beats the one that covers a word of it (Gattareng)');
-- nothing credible
SELECT is_empty($$SELECT * FROM dtks.wilayah_dari_alamat('Sukamaju')$$, 'a desa name shared by many, alone: nothing');
SELECT is_empty($$SELECT * FROM dtks.wilayah_dari_alamat('Jl. Merdeka No. 5 RT 01/RW 02')$$, 'a street only: nothing');
SELECT is((SELECT rincian -> 'bukti' FROM dtks.wilayah_dari_alamat('Kalurahan Sriharjo, Kapanewon Imogiri, Kabupaten Bantul, DIY') LIMIT 1),
          '{"1": 1.000, "2": 1.000, "3": 1.000, "4": 1.000}'::jsonb, 'rincian: the evidence per level');
-- locations checked (dtks.kk_periksa): a household of Kec. Coblong, Kota Bandung, whose desa has no boundary
INSERT INTO dtks.anggota (nik, nama, jenis_kelamin, tanggal_lahir, status_kawin, status_hidup, kartu_identitas,
                          partisipasi_sekolah, bekerja, penyakit_kronis, jaminan_kesehatan)
VALUES ('3273021708800001', 'Asep', 'L', '1980-08-17', 2, 'aktif', 4, 3, true, 1, 1);
INSERT INTO dtks.rumah_tangga (kode_wilayah, alamat, rt, rw, kepala_nik, status_bangunan, luas_lantai, jenis_lantai,
                               jenis_dinding, jenis_atap, sumber_air_minum, sumber_penerangan, bahan_bakar, fasilitas_bab, lokasi)
SELECT w.kode, 'Jl. Dago 1', '001', '001', '3273021708800001', 1, 40, 2, 1, 2, 3, 1, 4, 1,
       (SELECT ST_PointOnSurface(k.batas) FROM dtks.wilayah k WHERE k.kode = '32.73.02')
  FROM dtks.wilayah w WHERE w.kode <@ '32.73.02' AND w.tingkat = 4 ORDER BY w.kode LIMIT 1;
INSERT INTO dtks.keluarga (no_kk, rumah_tangga_id) VALUES ('3273020101200001', currval('dtks.rumah_tangga_id_seq'));
INSERT INTO dtks.keanggotaan (nik, no_kk, shdk, berlaku) VALUES ('3273021708800001', '3273020101200001', 1, '[2020-01-01,)');
SELECT is((SELECT count(*)::int FROM dtks.kk_periksa('3273020101200001') WHERE aturan = 'lokasi_luar_wilayah'), 0,
          'a location inside the kecamatan of a desa without a boundary: nothing');
UPDATE dtks.rumah_tangga SET lokasi = ST_SetSRID(ST_MakePoint(110.3644, -7.8053), 4326) WHERE kepala_nik = '3273021708800001';
SELECT matches((SELECT keterangan FROM dtks.kk_periksa('3273020101200001') WHERE aturan = 'lokasi_luar_wilayah'),
               '^the household''s location lies [0-9]+ m outside its kecamatan 32\.73\.02 \(tolerance 100 m\)$',
               'moved to the Kraton of Yogyakarta: outside its kecamatan, where the desa has no boundary');
SELECT is((SELECT tingkat FROM dtks.kk_periksa('3273020101200001') WHERE aturan = 'lokasi_luar_wilayah'), 'galat', 'as a galat');
SET LOCAL dtks.lokasi_toleransi = 1000000;
SELECT is((SELECT count(*)::int FROM dtks.kk_periksa('3273020101200001') WHERE aturan = 'lokasi_luar_wilayah'), 0,
          'within the tolerance (dtks.lokasi_toleransi): nothing');
-- points: the subdivided boundaries answer as the plain polygons did; a point off the coast maps to the nearest
-- region within dtks.laut_toleransi, flagged
SELECT is(dtks.wilayah_di_titik(ST_SetSRID(ST_MakePoint(106.8272, -6.1754), 4326))::text, '31.71.01.1001', 'Monas is in Gambir');
SELECT is((SELECT row(r.kode_wilayah::text, r.di_laut, r.jarak)::text
             FROM dtks.wilayah_di_titik_rinci(ST_SetSRID(ST_MakePoint(110.3644, -7.8053), 4326)) r),
          row((SELECT dtks.wilayah_di_titik(ST_SetSRID(ST_MakePoint(110.3644, -7.8053), 4326)))::text, false, 0::float8)::text,
          'a point on land: the region covering it, not in the sea');
CREATE TEMP TABLE laut AS
SELECT ST_SetSRID(ST_MakePoint(ST_X(p.geom), ST_Y(p.geom) + 0.004), 4326) AS t
  FROM dtks.wilayah w, LATERAL ST_DumpPoints(w.batas) p WHERE w.kode = '31.72.01.1001' ORDER BY ST_Y(p.geom) DESC LIMIT 1;
SELECT ok((SELECT r.di_laut AND r.kode_wilayah IS NOT NULL AND r.jarak BETWEEN 300 AND 700
             FROM laut, dtks.wilayah_di_titik_rinci(laut.t) r) AND (SELECT dtks.wilayah_di_titik(t) IS NULL FROM laut),
          'about 450 m off the coast of North Jakarta: no boundary covers it, the nearest desa is given, flagged');
SET LOCAL dtks.laut_toleransi = 100;
SELECT is((SELECT r.kode_wilayah FROM laut, dtks.wilayah_di_titik_rinci(laut.t) r), NULL, 'farther than dtks.laut_toleransi: nothing');
SELECT * FROM finish();
ROLLBACK;
