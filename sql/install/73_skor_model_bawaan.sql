-- The variables a model can weigh, and the one model shipped: a transparent deprivation index.
--
-- It is NOT the official PMT, whose coefficients are not published (domain.md 5.1).  It is
-- built from what is public: the BPS 14 criteria of a poor household (floor, walls, toilet,
-- lighting, water, fuel, floor area per person, the head's education and work, saleable
-- assets), the 9 criteria of Kepmensos 262/HUK/2022 (floor, walls, latrine, lighting, the
-- head without work) and the Regsosek 2022 assets.  Each deprivation lowers the score and each
-- asset raises it, by round weights anyone can read in dtks.skor_bobot; an agency that owns
-- the real model loads it as a new version.

INSERT INTO dtks.skor_variabel (nama, sumber, kolom, jenis, kode_sah, keterangan, bawaan) SELECT v.*, true FROM (VALUES
    ('jenis_lantai',        'rumah_tangga', 'jenis_lantai',        'kode', '{1,2,3,4,5,6,7,8,9}'::smallint[], '303 floor (BPS 14 no. 2, Kepmensos 262 no. 6)'),
    ('jenis_dinding',       'rumah_tangga', 'jenis_dinding',       'kode', '{1,2,3,4,5,6,7}', '304 walls (BPS 14 no. 3, Kepmensos 262 no. 7)'),
    ('jenis_atap',          'rumah_tangga', 'jenis_atap',          'kode', '{1,2,3,4,5,6,7,8}', '305 roof'),
    ('fasilitas_bab',       'rumah_tangga', 'fasilitas_bab',       'kode', '{1,2,3,4,5,6}', '309a toilet (BPS 14 no. 4, Kepmensos 262 no. 8)'),
    ('sumber_penerangan',   'rumah_tangga', 'sumber_penerangan',   'kode', '{1,2,3,4}', '307a lighting (BPS 14 no. 5, Kepmensos 262 no. 9)'),
    ('sumber_air_minum',    'rumah_tangga', 'sumber_air_minum',    'kode', '{1,2,3,4,5,6,7,8,9,10,11,12,13}', '306a drinking water (BPS 14 no. 6)'),
    ('bahan_bakar',         'rumah_tangga', 'bahan_bakar',         'kode', '{1,2,3,4,5,6,7,8,9,10,11,12}', '308 cooking fuel (BPS 14 no. 7)'),
    ('status_bangunan',     'rumah_tangga', 'status_bangunan',     'kode', '{1,2,3,4,5,6}', '301a tenure (Kepmensos 262 no. 1)'),
    ('luas_per_orang',      'ringkasan',    'luas_per_orang',      'angka', NULL, '302 floor area per member, m2 (BPS 14 no. 1)'),
    ('punya_tabung_gas',    'keluarga',     'punya_tabung_gas',    'ya_tidak', NULL, 'Blok V gas cylinder 5.5 kg or more'),
    ('punya_lemari_es',     'keluarga',     'punya_lemari_es',     'ya_tidak', NULL, 'Blok V refrigerator'),
    ('punya_ac',            'keluarga',     'punya_ac',            'ya_tidak', NULL, 'Blok V air conditioner'),
    ('punya_pemanas_air',   'keluarga',     'punya_pemanas_air',   'ya_tidak', NULL, 'Blok V water heater'),
    ('punya_telepon_rumah', 'keluarga',     'punya_telepon_rumah', 'ya_tidak', NULL, 'Blok V landline'),
    ('punya_televisi',      'keluarga',     'punya_televisi',      'ya_tidak', NULL, 'Blok V flat television'),
    ('punya_emas',          'keluarga',     'punya_emas',          'ya_tidak', NULL, 'Blok V gold/jewellery of 10 g or more (BPS 14 no. 14)'),
    ('punya_komputer',      'keluarga',     'punya_komputer',      'ya_tidak', NULL, 'Blok V computer/laptop'),
    ('punya_sepeda_motor',  'keluarga',     'punya_sepeda_motor',  'ya_tidak', NULL, 'Blok V motorcycle (BPS 14 no. 14)'),
    ('punya_mobil',         'keluarga',     'punya_mobil',         'ya_tidak', NULL, 'Blok V car'),
    ('punya_perahu_motor',  'keluarga',     'punya_perahu_motor',  'ya_tidak', NULL, 'Blok V motor boat (BPS 14 no. 14)'),
    ('punya_smartphone',    'keluarga',     'punya_smartphone',    'ya_tidak', NULL, 'Blok V smartphone'),
    ('punya_lahan_lain',    'keluarga',     'punya_lahan_lain',    'ya_tidak', NULL, 'Blok V other land'),
    ('punya_rumah_lain',    'keluarga',     'punya_rumah_lain',    'ya_tidak', NULL, 'Blok V another house'),
    ('jumlah_sapi',         'keluarga',     'jumlah_sapi',         'angka', NULL, 'Blok V cattle (BPS 14 no. 14)'),
    ('jumlah_kerbau',       'keluarga',     'jumlah_kerbau',       'angka', NULL, 'Blok V buffalo'),
    ('jumlah_kuda',         'keluarga',     'jumlah_kuda',         'angka', NULL, 'Blok V horses'),
    ('jumlah_babi',         'keluarga',     'jumlah_babi',         'angka', NULL, 'Blok V pigs'),
    ('jumlah_kambing',      'keluarga',     'jumlah_kambing',      'angka', NULL, 'Blok V goats/sheep'),
    ('internet',            'keluarga',     'internet',            'kode', '{0,1,2,3}', 'Blok V internet access'),
    ('rekening',            'keluarga',     'rekening',            'kode', '{1,2,3,4}', 'Blok V bank account'),
    ('ijazah_kepala',       'kepala',       'ijazah_tertinggi',    'kode', '{1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23}', '415 the head''s highest certificate (BPS 14 no. 13)'),
    ('kepala_bekerja',      'kepala',       'bekerja',             'ya_tidak', NULL, '416a the head worked last week (BPS 14 no. 12, Kepmensos 262 no. 2)'),
    ('kedudukan_kepala',    'kepala',       'kedudukan_pekerjaan', 'kode', '{1,2,3,4,5,6,7,8}', '418 the head''s employment status'),
    ('jumlah_anggota',      'ringkasan',    'jumlah_anggota',      'angka', NULL, 'Current living members'),
    ('balita',              'ringkasan',    'balita',              'angka', NULL, 'Members under 5'),
    ('lansia',              'ringkasan',    'lansia',              'angka', NULL, 'Members 60 and over'),
    ('disabilitas',         'ringkasan',    'disabilitas',         'angka', NULL, 'Members with a lot of difficulty or unable in a 428 item'),
    ('anggota_bekerja',     'ringkasan',    'bekerja',             'angka', NULL, 'Members who worked last week'))
    AS v(nama, sumber, kolom, jenis, kode_sah, keterangan);

INSERT INTO dtks.skor_model (versi, nama, berlaku, konstanta, keterangan) VALUES
    ('dtks-deprivasi-2026.1', 'Indeks deprivasi transparan (BPS 14 kriteria, Kepmensos 262/HUK/2022, aset Regsosek 2022)',
     daterange(DATE '2020-01-01', NULL), 100,
     'Not the official PMT (its coefficients are not published). Deprivations from the BPS 14 criteria and the 9 criteria of Kepmensos 262/HUK/2022 lower the score, Regsosek 2022 assets raise it; round weights, readable in dtks.skor_bobot. Replace with a new version when an agency loads its own model.');

INSERT INTO dtks.skor_bobot (versi, variabel, kode, bobot, batas)
SELECT 'dtks-deprivasi-2026.1', b.variabel, b.kode, b.bobot, NULL::integer FROM (VALUES
    ('jenis_lantai', 8::smallint, -10.0), ('jenis_lantai', 7, -8), ('jenis_lantai', 5, -4), ('jenis_lantai', 6, -3),
    ('jenis_lantai', 9, -4), ('jenis_lantai', 1, 4), ('jenis_lantai', 2, 2),
    ('jenis_dinding', 4, -8), ('jenis_dinding', 6, -8), ('jenis_dinding', 5, -6), ('jenis_dinding', 3, -4),
    ('jenis_dinding', 2, -3), ('jenis_dinding', 7, -6),
    ('jenis_atap', 7, -6), ('jenis_atap', 6, -5), ('jenis_atap', 5, -2), ('jenis_atap', 3, -1), ('jenis_atap', 8, -3),
    ('fasilitas_bab', 6, -10), ('fasilitas_bab', 5, -8), ('fasilitas_bab', 4, -6), ('fasilitas_bab', 3, -5), ('fasilitas_bab', 2, -4),
    ('sumber_penerangan', 4, -10), ('sumber_penerangan', 3, -5), ('sumber_penerangan', 2, -3),
    ('sumber_air_minum', 6, -6), ('sumber_air_minum', 8, -6), ('sumber_air_minum', 9, -8), ('sumber_air_minum', 10, -6),
    ('sumber_air_minum', 11, -4), ('sumber_air_minum', 1, 2), ('sumber_air_minum', 3, 1), ('sumber_air_minum', 12, 1),
    ('bahan_bakar', 10, -8), ('bahan_bakar', 9, -6), ('bahan_bakar', 7, -4), ('bahan_bakar', 8, -4),
    ('bahan_bakar', 1, 3), ('bahan_bakar', 3, 3), ('bahan_bakar', 5, 2),
    ('status_bangunan', 6, -3)) AS b(variabel, kode, bobot)
UNION ALL
SELECT 'dtks-deprivasi-2026.1', b.variabel, NULL, b.bobot, b.batas FROM (VALUES
    ('luas_per_orang', 0.5, 30::integer), ('punya_tabung_gas', 2, NULL), ('punya_lemari_es', 3, NULL), ('punya_ac', 5, NULL),
    ('punya_pemanas_air', 3, NULL), ('punya_telepon_rumah', 1, NULL), ('punya_televisi', 2, NULL), ('punya_emas', 4, NULL),
    ('punya_komputer', 4, NULL), ('punya_sepeda_motor', 4, NULL), ('punya_mobil', 12, NULL), ('punya_perahu_motor', 4, NULL),
    ('punya_smartphone', 2, NULL), ('punya_lahan_lain', 5, NULL), ('punya_rumah_lain', 8, NULL),
    ('jumlah_sapi', 3, 5), ('jumlah_kerbau', 3, 5), ('jumlah_kuda', 2, 5), ('jumlah_babi', 1, 10), ('jumlah_kambing', 0.5, 10),
    ('kepala_bekerja', 3, NULL), ('jumlah_anggota', -1.5, 10), ('balita', -1, 3), ('lansia', -1, 3), ('disabilitas', -3, 3),
    ('anggota_bekerja', 2, 4)) AS b(variabel, bobot, batas)
UNION ALL
SELECT 'dtks-deprivasi-2026.1', b.variabel, b.kode, b.bobot, NULL FROM (VALUES
    ('internet', 0::smallint, -2.0), ('internet', 1, 3), ('internet', 2, 2),
    ('rekening', 4, -2), ('rekening', 1, 2), ('rekening', 3, 3),
    ('kedudukan_kepala', 5, 8)) AS b(variabel, kode, bobot)
UNION ALL
SELECT 'dtks-deprivasi-2026.1', 'ijazah_kepala', k::smallint,
       CASE WHEN k = 23 THEN -6 WHEN k <= 4 THEN -3 WHEN k <= 8 THEN 0 WHEN k <= 17 THEN 2 WHEN k = 18 THEN 4 ELSE 6 END, NULL
  FROM generate_series(1, 23) AS k WHERE k NOT BETWEEN 5 AND 8;
-- marked shipped (read-only, in force where no agency model is) once its weights are in
UPDATE dtks.skor_model SET bawaan = true WHERE versi = 'dtks-deprivasi-2026.1';

-- Copy a model's weights and overrides into a new version (to change a shipped or a used model).
CREATE FUNCTION dtks.skor_model_salin(versi_asal text, versi_baru text, nama text, berlaku daterange)
    RETURNS text
    LANGUAGE sql VOLATILE STRICT PARALLEL UNSAFE
BEGIN ATOMIC
    INSERT INTO dtks.skor_model (versi, nama, berlaku, konstanta, keterangan)
    SELECT versi_baru, skor_model_salin.nama, skor_model_salin.berlaku, m.konstanta, 'Copied from ' OPERATOR(pg_catalog.||) m.versi OPERATOR(pg_catalog.||) '. ' OPERATOR(pg_catalog.||) m.keterangan
      FROM dtks.skor_model m WHERE m.versi OPERATOR(pg_catalog.=) versi_asal;
    INSERT INTO dtks.skor_bobot (versi, variabel, kode, bobot, batas)
    SELECT versi_baru, b.variabel, b.kode, b.bobot, b.batas FROM dtks.skor_bobot b WHERE b.versi OPERATOR(pg_catalog.=) versi_asal;
    INSERT INTO dtks.skor_bobot_wilayah (versi, kode_wilayah, variabel, kode, bobot)
    SELECT versi_baru, o.kode_wilayah, o.variabel, o.kode, o.bobot FROM dtks.skor_bobot_wilayah o WHERE o.versi OPERATOR(pg_catalog.=) versi_asal;
    SELECT m.versi FROM dtks.skor_model m WHERE m.versi OPERATOR(pg_catalog.=) versi_baru;
END;
COMMENT ON FUNCTION dtks.skor_model_salin(text, text, text, daterange) IS
    'Copy a model (constant, weights, region overrides) into a new version with its own name and validity; returns the new version (NULL if versi_asal does not exist)';
