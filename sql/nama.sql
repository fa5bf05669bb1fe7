-- dtks.nama_kunci: one key for the ways one Indonesian name is written.
SET search_path = dtks, public;
SELECT v.nama, nama_kunci(v.nama) FROM (VALUES
    ('Budi Santoso'), ('BUDI  SANTOSO'), ('budi santoso.'),
    ('H. Muhammad Soeharto, S.Pd.'), ('MOCHAMAD SUHARTO'), ('Moh. Suharto'), ('M. Suharto'), ('Mohammed Soeharto'),
    ('Hj. Siti Aisyah, S.E., M.M.'), ('SITI AISYAH'), ('Siti Aisjah'),
    ('Drs. Djoko Tjahjono'), ('Joko Cahyono'), ('Soejono'), ('Suyono'), ('Joko'),
    ('Achmad Chairul'), ('Ahmad Khairul'), ('Ramadhan'), ('Ramadan'), ('Fathur Rahman'), ('Fatur Rachman'),
    ('Hendry'), ('Hendri'), ('Stephanus'), ('Stefanus'), ('Qomarudin'), ('Komarudin'),
    ('Ir. H. Bambang S.T.'), ('Dr. Ratna Dewi, M.Kes'), ('prof dr ratna dewi'),
    ('Ni Made Sari'), ('I Ketut Oka'), ('Yakobus Nenobais'), ('Jakobus Nenobais'),
    ('Tanjung'), ('Tandjung'), ('Panji Banjarnahor'), ('Njoman'), ('Nyoman'), ('Soenjoto'), ('Sunyoto'),
    (''), ('S.Pd.'), ('123'), ('O''Neil Ömer')) AS v(nama);
-- pairs that must meet, and pairs that must not
SELECT nama_kunci('H. Muhammad Soeharto, S.Pd.') = nama_kunci('MOCHAMAD SUHARTO') AS muhammad_suharto,
       nama_kunci('Drs. Djoko Tjahjono') = nama_kunci('Joko Cahyono') AS ejaan_lama,
       nama_kunci('Budi Santoso') = nama_kunci('Budi Susanto') AS beda_orang;
-- NJ is the old NY at the start of a word or beside another old mark, and today's NJ elsewhere
SELECT nama_kunci('Tanjung') = nama_kunci('Tandjung') AS tanjung_tandjung,
       nama_kunci('Njoman') = nama_kunci('Nyoman') AS njoman_nyoman,
       nama_kunci('Soenjoto') = nama_kunci('Sunyoto') AS soenjoto_sunyoto,
       nama_kunci('Tanjung') = nama_kunci('Tanyung') AS tanjung_tanyung;
SELECT nama_kunci(NULL) IS NULL AS strict;
