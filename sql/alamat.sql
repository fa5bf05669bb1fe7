-- Address text to region (dtks.wilayah_dari_alamat) on the region fixture (test/data/wilayah): the words an
-- address is read as, and exact answers with their evidence.
SET search_path = dtks, public;
SELECT dtks.alamat_pecah('Jl. Kebon Sirih No. 12 RT 002/RW 003, Kel. Kebon Sirih, Kec. Menteng, Jakarta Pusat 10340');
SELECT dtks.alamat_pecah('Dusun Kembang, Kalurahan Sriharjo, Kapanewon Imogiri, Kab. Bantul, D.I. Yogyakarta');
SELECT dtks.alamat_pecah('Desa Banjar Anyar; Banjar Kaja (Kec. Kediri)');
SELECT dtks.alamat_kunci('Kota Administrasi Jakarta Selatan'), dtks.alamat_kunci('Ma''rang'), dtks.alamat_kunci('Tiro/Truseb');
SELECT * FROM dtks.wilayah_nama_pisah('Kabupaten Bantul', 2);
SELECT * FROM dtks.wilayah_nama_pisah('Kota Administrasi Jakarta Selatan', 2);
SELECT kode_wilayah, round(skor::numeric, 3) AS skor, rincian
  FROM dtks.wilayah_dari_alamat('Jl. Kebon Sirih No. 12 RT 002/RW 003, Kel. Kebon Sirih, Kec. Menteng, Jakarta Pusat 10340');
SELECT kode_wilayah, round(skor::numeric, 3) AS skor, rincian
  FROM dtks.wilayah_dari_alamat('Kalurahan Sriharjo, Kapanewon Imogiri, Kab. Bantul, DIY');
SELECT kode_wilayah, round(skor::numeric, 3) AS skor FROM dtks.wilayah_dari_alamat('SRIHARJO IMOGIRI BANTUL');
SELECT kode_wilayah, round(skor::numeric, 3) AS skor FROM dtks.wilayah_dari_alamat('Ds. Srihardjo Kec. Imogri Bantul');
SELECT kode_wilayah, round(skor::numeric, 3) AS skor FROM dtks.wilayah_dari_alamat('KEL. GAMBIR, KEC. GAMBIR, JAKPUS');
SELECT kode_wilayah, round(skor::numeric, 3) AS skor FROM dtks.wilayah_dari_alamat('Kec. Menteng, Jakarta Pusat');
SELECT kode_wilayah, round(skor::numeric, 3) AS skor FROM dtks.wilayah_dari_alamat('Jl. Merdeka No. 5');
SELECT kode_wilayah, round(skor::numeric, 3) AS skor FROM dtks.wilayah_dari_alamat(NULL);
-- a short form a DBA adds, as the search reads it at once
INSERT INTO dtks.wilayah_singkatan VALUES ('MTG', 'MENTENG');
SELECT kode_wilayah FROM dtks.wilayah_dari_alamat('Kec. Mtg, Jakarta Pusat') LIMIT 1;
DELETE FROM dtks.wilayah_singkatan WHERE singkatan = 'MTG';
INSERT INTO dtks.wilayah_singkatan VALUES ('dua kata', 'X');
