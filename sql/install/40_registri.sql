-- The registry: rumah tangga (households) -> keluarga (one Kartu Keluarga each) -> anggota (one NIK each),
-- with membership kept as history (dtks.keanggotaan).  Questionnaire variables follow Regsosek 2022 /
-- DTSEN (domain.md 3.2); each coded answer is checked against its code list.
-- The references between these tables (and to dtks.wilayah) are not declared as foreign keys, whose
-- row-by-row checks would dominate a bulk load: they are checked set-based at commit with the other
-- rules (41_registri_aturan.sql), with the same guarantee: a transaction that breaks one stores nothing.

CREATE TABLE dtks.rumah_tangga (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kode_wilayah dtks.kode_wilayah NOT NULL
        CONSTRAINT aturan_5_wilayah_desa CHECK (dtks.tingkat(kode_wilayah) = 4),
    alamat text NOT NULL CHECK (alamat <> ''),
    rt text CHECK (rt ~ '^[0-9]{3}$'),
    rw text CHECK (rw ~ '^[0-9]{3}$'),
    lokasi geometry(Point, 4326),
    kepala_nik dtks.nik,
    -- Blok III perumahan
    status_bangunan dtks.kode_status_bangunan,
    bukti_lahan dtks.kode_bukti_lahan,
    luas_lantai dtks.luas_lantai_m2,
    jenis_lantai dtks.kode_jenis_lantai,
    jenis_dinding dtks.kode_jenis_dinding,
    jenis_atap dtks.kode_jenis_atap,
    sumber_air_minum dtks.kode_sumber_air_minum,
    jarak_tinja dtks.kode_jarak_tinja,
    sumber_penerangan dtks.kode_sumber_penerangan,
    daya_listrik dtks.kode_daya_listrik,
    bahan_bakar dtks.kode_bahan_bakar,
    fasilitas_bab dtks.kode_fasilitas_bab,
    jenis_kloset dtks.kode_jenis_kloset,
    pembuangan_tinja dtks.kode_pembuangan_tinja
);
COMMENT ON TABLE dtks.rumah_tangga IS 'Household (rumah tangga): one dwelling sharing daily needs, with its housing (Regsosek Blok III)';
COMMENT ON COLUMN dtks.rumah_tangga.id IS 'Household id';
COMMENT ON COLUMN dtks.rumah_tangga.kode_wilayah IS 'Desa/kelurahan (level 4) of the current edition (rule 5)';
COMMENT ON COLUMN dtks.rumah_tangga.alamat IS 'Street address (107)';
COMMENT ON COLUMN dtks.rumah_tangga.rt IS 'Rukun tetangga, three digits';
COMMENT ON COLUMN dtks.rumah_tangga.rw IS 'Rukun warga, three digits';
COMMENT ON COLUMN dtks.rumah_tangga.lokasi IS 'Location of the dwelling (WGS 84), optional';
COMMENT ON COLUMN dtks.rumah_tangga.kepala_nik IS 'Kepala rumah tangga: a current member of one of its active families (rule 4)';
COMMENT ON COLUMN dtks.rumah_tangga.status_bangunan IS '301a: 1 milik sendiri, 2 kontrak/sewa, 3 bebas sewa, 4 dinas, 5 lainnya, 6 menumpang/kepemilikan bersama';
COMMENT ON COLUMN dtks.rumah_tangga.bukti_lahan IS '301b: 1 SHM a.n. ART, 2 SHM bukan a.n. ART dengan perjanjian, 3 tanpa perjanjian, 4 sertifikat selain SHM, 5 surat bukti lain, 6 tidak punya';
COMMENT ON COLUMN dtks.rumah_tangga.luas_lantai IS '302: floor area in m2';
COMMENT ON COLUMN dtks.rumah_tangga.jenis_lantai IS '303: 1 marmer/granit, 2 keramik, 3 parket/vinil/karpet, 4 ubin/tegel/teraso, 5 kayu/papan, 6 semen/bata merah, 7 bambu, 8 tanah, 9 lainnya';
COMMENT ON COLUMN dtks.rumah_tangga.jenis_dinding IS '304: 1 tembok, 2 plesteran anyaman bambu/kawat, 3 kayu/papan/gypsum/GRC/calciboard, 4 anyaman bambu, 5 batang kayu, 6 bambu, 7 lainnya';
COMMENT ON COLUMN dtks.rumah_tangga.jenis_atap IS '305 (Regsosek order): 1 beton, 2 genteng, 3 seng, 4 asbes, 5 kayu/sirap, 6 bambu, 7 jerami/ijuk/daun/rumbia, 8 lainnya';
COMMENT ON COLUMN dtks.rumah_tangga.sumber_air_minum IS '306a: 1 air kemasan, 2 isi ulang, 3 leding, 4 sumur bor/pompa, 5 sumur terlindung, 6 sumur tak terlindung, 7 mata air terlindung, 8 mata air tak terlindung, 9 air permukaan, 10 air hujan, 11 lainnya, 12 PDAM, 13 PAMDES/PAMSIMAS';
COMMENT ON COLUMN dtks.rumah_tangga.jarak_tinja IS '306b: distance from the water source to the septic tank: 1 <10 m, 2 >=10 m, 3 tidak tahu';
COMMENT ON COLUMN dtks.rumah_tangga.sumber_penerangan IS '307a: 1 PLN dengan meteran, 2 PLN tanpa meteran, 3 listrik non-PLN, 4 bukan listrik';
COMMENT ON COLUMN dtks.rumah_tangga.daya_listrik IS '307b1-b3: installed power per meter (1-3 meters): 1 450 W, 2 900 W, 3 1.300 W, 4 2.200 W, 5 >2.200 W';
COMMENT ON COLUMN dtks.rumah_tangga.bahan_bakar IS '308: 1 listrik, 2 elpiji 5,5 kg, 3 elpiji 12 kg, 4 elpiji 3 kg, 5 gas kota, 6 biogas, 7 minyak tanah, 8 briket, 9 arang, 10 kayu bakar, 11 lainnya, 12 tidak memasak di rumah';
COMMENT ON COLUMN dtks.rumah_tangga.fasilitas_bab IS '309a: 1 sendiri, 2 bersama keluarga tertentu, 3 MCK komunal, 4 MCK umum, 5 ada tapi tidak dipakai, 6 tidak ada';
COMMENT ON COLUMN dtks.rumah_tangga.jenis_kloset IS '309b: 1 leher angsa, 2 plengsengan dengan tutup, 3 plengsengan tanpa tutup, 4 cemplung/cubluk';
COMMENT ON COLUMN dtks.rumah_tangga.pembuangan_tinja IS '310: 1 tangki septik, 2 IPAL, 3 kolam/sawah/sungai/danau/laut, 4 lubang tanah, 5 pantai/tanah lapang/kebun, 6 lainnya';
COMMENT ON INDEX dtks.rumah_tangga_pkey IS 'One row per household id';
COMMENT ON SEQUENCE dtks.rumah_tangga_id_seq IS 'Household ids';
CREATE INDEX rumah_tangga_wilayah ON dtks.rumah_tangga (kode_wilayah);
COMMENT ON INDEX dtks.rumah_tangga_wilayah IS 'Households of a region (kode_wilayah <@ R is a range scan)';
CREATE INDEX rumah_tangga_lokasi ON dtks.rumah_tangga USING gist (lokasi);
COMMENT ON INDEX dtks.rumah_tangga_lokasi IS 'Households near a point';
CREATE INDEX rumah_tangga_kepala ON dtks.rumah_tangga (kepala_nik);
COMMENT ON INDEX dtks.rumah_tangga_kepala IS 'The household a person heads';

CREATE TABLE dtks.keluarga (
    no_kk dtks.no_kk PRIMARY KEY,
    rumah_tangga_id bigint NOT NULL,
    status text NOT NULL DEFAULT 'aktif' CHECK (status IN ('aktif', 'nonaktif')),
    asal_no_kk dtks.no_kk,
    alasan_terbit text CHECK (alasan_terbit IN ('baru', 'pindah', 'pecah_kk', 'kepala_meninggal', 'perceraian', 'perubahan_data', 'lainnya')),
    -- Blok V: programs received (the month they started; NULL = not received)
    bpnt_sejak date, pkh_sejak date, blt_dana_desa_sejak date, subsidi_listrik_sejak date,
    bantuan_pemda_sejak date, subsidi_pupuk_sejak date, subsidi_lpg_sejak date,
    -- Blok V: movable assets
    punya_tabung_gas boolean, punya_lemari_es boolean, punya_ac boolean, punya_pemanas_air boolean,
    punya_telepon_rumah boolean, punya_televisi boolean, punya_emas boolean, punya_komputer boolean,
    punya_sepeda_motor boolean, punya_sepeda boolean, punya_mobil boolean, punya_perahu boolean,
    punya_perahu_motor boolean, punya_smartphone boolean,
    -- Blok V: livestock and immovable assets
    jumlah_sapi smallint CHECK (jumlah_sapi >= 0), jumlah_kerbau smallint CHECK (jumlah_kerbau >= 0),
    jumlah_kuda smallint CHECK (jumlah_kuda >= 0), jumlah_babi smallint CHECK (jumlah_babi >= 0),
    jumlah_kambing smallint CHECK (jumlah_kambing >= 0),
    punya_lahan_lain boolean, punya_rumah_lain boolean,
    internet dtks.kode_internet,
    rekening dtks.kode_rekening
);
COMMENT ON TABLE dtks.keluarga IS 'Family: one Kartu Keluarga. A new KK number (move, pecah KK, loss of the head) is a new row; the old one becomes nonaktif';
COMMENT ON COLUMN dtks.keluarga.no_kk IS 'KK number';
COMMENT ON COLUMN dtks.keluarga.rumah_tangga_id IS 'The household the family lives in (must exist: checked at commit)';
COMMENT ON COLUMN dtks.keluarga.status IS 'aktif, or nonaktif once the KK is replaced or dissolved (its memberships are then closed)';
COMMENT ON COLUMN dtks.keluarga.asal_no_kk IS 'The KK this one replaced or split from (must exist: checked at commit)';
COMMENT ON COLUMN dtks.keluarga.alasan_terbit IS 'Why this KK was issued: baru, pindah, pecah_kk, kepala_meninggal, perceraian, perubahan_data, lainnya';
COMMENT ON COLUMN dtks.keluarga.bpnt_sejak IS 'Blok V: BPNT/sembako received since (month); NULL if not';
COMMENT ON COLUMN dtks.keluarga.pkh_sejak IS 'Blok V: PKH received since (month)';
COMMENT ON COLUMN dtks.keluarga.blt_dana_desa_sejak IS 'Blok V: BLT Dana Desa received since (month)';
COMMENT ON COLUMN dtks.keluarga.subsidi_listrik_sejak IS 'Blok V: electricity subsidy since (month)';
COMMENT ON COLUMN dtks.keluarga.bantuan_pemda_sejak IS 'Blok V: local government aid since (month)';
COMMENT ON COLUMN dtks.keluarga.subsidi_pupuk_sejak IS 'Blok V: fertiliser subsidy since (month)';
COMMENT ON COLUMN dtks.keluarga.subsidi_lpg_sejak IS 'Blok V: LPG subsidy since (month)';
COMMENT ON COLUMN dtks.keluarga.punya_tabung_gas IS 'Blok V: gas cylinder >= 5.5 kg';
COMMENT ON COLUMN dtks.keluarga.punya_lemari_es IS 'Blok V: refrigerator';
COMMENT ON COLUMN dtks.keluarga.punya_ac IS 'Blok V: air conditioner';
COMMENT ON COLUMN dtks.keluarga.punya_pemanas_air IS 'Blok V: water heater';
COMMENT ON COLUMN dtks.keluarga.punya_telepon_rumah IS 'Blok V: landline';
COMMENT ON COLUMN dtks.keluarga.punya_televisi IS 'Blok V: flat-screen television';
COMMENT ON COLUMN dtks.keluarga.punya_emas IS 'Blok V: gold/jewellery >= 10 g';
COMMENT ON COLUMN dtks.keluarga.punya_komputer IS 'Blok V: computer, laptop or tablet';
COMMENT ON COLUMN dtks.keluarga.punya_sepeda_motor IS 'Blok V: motorcycle';
COMMENT ON COLUMN dtks.keluarga.punya_sepeda IS 'Blok V: bicycle';
COMMENT ON COLUMN dtks.keluarga.punya_mobil IS 'Blok V: car';
COMMENT ON COLUMN dtks.keluarga.punya_perahu IS 'Blok V: boat';
COMMENT ON COLUMN dtks.keluarga.punya_perahu_motor IS 'Blok V: motor boat';
COMMENT ON COLUMN dtks.keluarga.punya_smartphone IS 'Blok V: smartphone';
COMMENT ON COLUMN dtks.keluarga.jumlah_sapi IS 'Blok V: cattle';
COMMENT ON COLUMN dtks.keluarga.jumlah_kerbau IS 'Blok V: buffalo';
COMMENT ON COLUMN dtks.keluarga.jumlah_kuda IS 'Blok V: horses';
COMMENT ON COLUMN dtks.keluarga.jumlah_babi IS 'Blok V: pigs';
COMMENT ON COLUMN dtks.keluarga.jumlah_kambing IS 'Blok V: goats/sheep';
COMMENT ON COLUMN dtks.keluarga.punya_lahan_lain IS 'Blok V: land other than the dwelling';
COMMENT ON COLUMN dtks.keluarga.punya_rumah_lain IS 'Blok V: a house elsewhere';
COMMENT ON COLUMN dtks.keluarga.internet IS 'Blok V: internet in the last month: 0 tidak, 1 internet + TV digital berlangganan, 2 wifi, 3 internet HP';
COMMENT ON COLUMN dtks.keluarga.rekening IS 'Blok V: active bank account: 1 usaha, 2 pribadi, 3 keduanya, 4 tidak';
COMMENT ON INDEX dtks.keluarga_pkey IS 'One row per KK number';
CREATE INDEX keluarga_rumah_tangga ON dtks.keluarga (rumah_tangga_id);
COMMENT ON INDEX dtks.keluarga_rumah_tangga IS 'Families of a household';
CREATE INDEX keluarga_asal ON dtks.keluarga (asal_no_kk);
COMMENT ON INDEX dtks.keluarga_asal IS 'KKs that replaced or split from a KK';

CREATE TABLE dtks.anggota (
    nik dtks.nik PRIMARY KEY,
    nama dtks.nama_orang NOT NULL,
    jenis_kelamin dtks.kode_jenis_kelamin NOT NULL,
    tanggal_lahir date NOT NULL,
    tempat_lahir text,
    status_kawin dtks.kode_status_kawin,
    status_hidup dtks.kode_status_hidup NOT NULL DEFAULT 'aktif',
    tanggal_meninggal date CONSTRAINT anggota_meninggal_setelah_lahir CHECK (tanggal_meninggal >= tanggal_lahir),
    -- Blok IV
    kartu_identitas dtks.kode_kartu_identitas,
    partisipasi_sekolah dtks.kode_partisipasi_sekolah,
    jenjang_pendidikan dtks.kode_jenjang_pendidikan,
    ijazah_tertinggi dtks.kode_ijazah_tertinggi,
    bekerja boolean,
    jam_kerja dtks.jam_kerja_seminggu,
    lapangan_usaha dtks.kode_lapangan_usaha,
    kedudukan_pekerjaan dtks.kode_kedudukan_pekerjaan,
    npwp dtks.kode_npwp,
    punya_usaha boolean,
    internet_usaha dtks.kode_internet_usaha,
    gizi_balita dtks.kode_gizi_balita,
    sulit_melihat dtks.kode_sulit_melihat,
    sulit_mendengar dtks.kode_sulit_mendengar,
    sulit_berjalan dtks.kode_sulit_berjalan,
    sulit_tangan dtks.kode_sulit_tangan,
    sulit_belajar dtks.kode_sulit_belajar,
    sulit_perilaku dtks.kode_sulit_perilaku,
    sulit_bicara dtks.kode_sulit_bicara,
    sulit_mengurus_diri dtks.kode_sulit_mengurus_diri,
    sulit_mengingat dtks.kode_sulit_mengingat,
    sering_sedih dtks.kode_sering_sedih,
    perawat dtks.kode_perawat,
    penyakit_kronis dtks.kode_penyakit_kronis,
    jaminan_kesehatan dtks.kode_jaminan_kesehatan,
    prakerja dtks.kode_prakerja,
    kur dtks.kode_kur,
    umi dtks.kode_umi,
    pip dtks.kode_pip,
    jaminan_ketenagakerjaan dtks.kode_jaminan_ketenagakerjaan,
    hamil boolean,
    CONSTRAINT anggota_meninggal_bertanggal CHECK ((status_hidup = 'meninggal') = (tanggal_meninggal IS NOT NULL))
);
COMMENT ON TABLE dtks.anggota IS 'Person (anggota keluarga), one per NIK, with demography, education, work, disability and health (Regsosek Blok IV)';
COMMENT ON COLUMN dtks.anggota.nik IS 'NIK';
COMMENT ON COLUMN dtks.anggota.nama IS 'Name as on the KK';
COMMENT ON COLUMN dtks.anggota.jenis_kelamin IS '405: L laki-laki, P perempuan (as recorded; the NIK may differ after a correction)';
COMMENT ON COLUMN dtks.anggota.tanggal_lahir IS 'Recorded birth date (the NIK may differ after a correction)';
COMMENT ON COLUMN dtks.anggota.tempat_lahir IS 'Place of birth';
COMMENT ON COLUMN dtks.anggota.status_kawin IS '408: 1 belum kawin, 2 kawin, 3 cerai hidup, 4 cerai mati';
COMMENT ON COLUMN dtks.anggota.status_hidup IS 'aktif, meninggal, pindah, nonaktif or ganda (a duplicate record)';
COMMENT ON COLUMN dtks.anggota.tanggal_meninggal IS 'Date of death; set exactly when status_hidup is meninggal';
COMMENT ON COLUMN dtks.anggota.kartu_identitas IS '411 bitmask: 1 akta kelahiran, 2 KIA, 4 KTP; 0 none';
COMMENT ON COLUMN dtks.anggota.partisipasi_sekolah IS '412: 1 tidak/belum pernah, 2 masih sekolah, 3 tidak sekolah lagi';
COMMENT ON COLUMN dtks.anggota.jenjang_pendidikan IS '413: highest level attended, 1 Paket A ... 8 SMP ... 13 SMA ... 15 SMK ... 18 D1-D3, 19 D4/S1, 20 profesi, 21 S2, 22 S3';
COMMENT ON COLUMN dtks.anggota.ijazah_tertinggi IS '415: the 413 list plus 23 tidak punya ijazah SD';
COMMENT ON COLUMN dtks.anggota.bekerja IS '416a: worked in the last week';
COMMENT ON COLUMN dtks.anggota.jam_kerja IS '416b: hours worked in the last week';
COMMENT ON COLUMN dtks.anggota.lapangan_usaha IS '417: 26 KBLI-based sectors (1 padi & palawija ... 26 badan internasional)';
COMMENT ON COLUMN dtks.anggota.kedudukan_pekerjaan IS '418: 1 berusaha sendiri ... 5 PNS/TNI/Polri/BUMN/BUMD/pejabat ... 8 pekerja keluarga';
COMMENT ON COLUMN dtks.anggota.npwp IS '419: 1 ada dapat ditunjukkan, 2 ada tidak dapat ditunjukkan, 3 tidak ada';
COMMENT ON COLUMN dtks.anggota.punya_usaha IS '420: runs a business';
COMMENT ON COLUMN dtks.anggota.internet_usaha IS '426 bitmask: internet use in the business, bits 1, 2, 4, 8, 16, 32 as in the form; 0 none';
COMMENT ON COLUMN dtks.anggota.hamil IS 'Pregnant (the SIKS-NG flag; a PKH component)';
COMMENT ON COLUMN dtks.anggota.gizi_balita IS '427 (under-fives): 1 wasting, 2 stunting, 3 tidak ada catatan, 8 tidak tahu';
COMMENT ON COLUMN dtks.anggota.sulit_melihat IS '428a seeing: 1 cannot at all, 2 a lot of difficulty, 3 some difficulty, 4 none (same scale for 428b-i)';
COMMENT ON COLUMN dtks.anggota.sulit_mendengar IS '428b hearing';
COMMENT ON COLUMN dtks.anggota.sulit_berjalan IS '428c walking or climbing steps';
COMMENT ON COLUMN dtks.anggota.sulit_tangan IS '428d using hands and fingers';
COMMENT ON COLUMN dtks.anggota.sulit_belajar IS '428e learning/intellectual';
COMMENT ON COLUMN dtks.anggota.sulit_perilaku IS '428f behaviour/emotion';
COMMENT ON COLUMN dtks.anggota.sulit_bicara IS '428g speaking/communicating';
COMMENT ON COLUMN dtks.anggota.sulit_mengurus_diri IS '428h self-care';
COMMENT ON COLUMN dtks.anggota.sulit_mengingat IS '428i remembering/concentrating';
COMMENT ON COLUMN dtks.anggota.sering_sedih IS '428j: 1 sangat sering ... 4 tidak pernah';
COMMENT ON COLUMN dtks.anggota.perawat IS '429: 1 ya, ART; 2 ya, bukan ART; 3 ya, tinggal sendiri';
COMMENT ON COLUMN dtks.anggota.penyakit_kronis IS '430: 1 tidak ada, 2 hipertensi, 3 rematik, 4 asma, 5 jantung, 6 diabetes, 7 TBC, 8 stroke, 9 kanker, 10 gagal ginjal, 11 haemophilia, 12 HIV/AIDS, 13 kolesterol, 14 sirosis, 15 thalasemia, 16 leukemia, 17 alzheimer, 18 lainnya';
COMMENT ON COLUMN dtks.anggota.jaminan_kesehatan IS '431a bitmask: 1 PBI-JKN, 2 JKN mandiri, 4 JKN pemberi kerja, 8 jamkes lain, 16 lainnya (the form''s 99); 0 tidak punya';
COMMENT ON COLUMN dtks.anggota.prakerja IS '431b Kartu Prakerja: 1 ya, 2 tidak, 8 tidak tahu';
COMMENT ON COLUMN dtks.anggota.kur IS '431c KUR: 1 ya, 2 tidak, 8 tidak tahu';
COMMENT ON COLUMN dtks.anggota.umi IS '431d UMi: 1 ya, 2 tidak, 8 tidak tahu';
COMMENT ON COLUMN dtks.anggota.pip IS '431e PIP: 1 ya, 2 tidak, 8 tidak tahu';
COMMENT ON INDEX dtks.anggota_pkey IS 'One row per NIK (integrity criterion 1: one record per person)';
COMMENT ON COLUMN dtks.anggota.jaminan_ketenagakerjaan IS '431f bitmask: 1 JKK, 2 JKM, 4 JHT, 8 JP, 16 pensiun lain, 32 tidak tahu (the form''s 99); 0 none';

CREATE TABLE dtks.keanggotaan (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    nik dtks.nik NOT NULL,
    no_kk dtks.no_kk NOT NULL,
    shdk dtks.kode_shdk NOT NULL,
    berlaku dtks.masa_berlaku NOT NULL DEFAULT pg_catalog.daterange(CURRENT_DATE, NULL)
);
COMMENT ON TABLE dtks.keanggotaan IS
    'Membership of a person in a KK over time; rows are never overwritten: a move or a new KK closes the period and opens another';
COMMENT ON COLUMN dtks.keanggotaan.id IS 'Membership id';
COMMENT ON COLUMN dtks.keanggotaan.nik IS 'The member (a dtks.anggota: checked at commit)';
COMMENT ON COLUMN dtks.keanggotaan.no_kk IS 'The KK (a dtks.keluarga: checked at commit)';
COMMENT ON COLUMN dtks.keanggotaan.shdk IS 'Status hubungan dalam keluarga: 1 kepala keluarga, 2 suami, 3 istri, 4 anak, 5 menantu, 6 cucu, 7 orang tua, 8 mertua, 9 famili lain, 10 pembantu, 11 lainnya';
COMMENT ON COLUMN dtks.keanggotaan.berlaku IS 'Validity period; open-ended while current';
COMMENT ON INDEX dtks.keanggotaan_pkey IS 'One row per membership id';
COMMENT ON SEQUENCE dtks.keanggotaan_id_seq IS 'Membership ids';
CREATE INDEX keanggotaan_nik ON dtks.keanggotaan (nik);
COMMENT ON INDEX dtks.keanggotaan_nik IS 'Memberships of a person (which KK on a date)';
CREATE INDEX keanggotaan_no_kk ON dtks.keanggotaan (no_kk);
COMMENT ON INDEX dtks.keanggotaan_no_kk IS 'Members of a KK';

-- the registry is the user's data: pg_dump must keep its rows
SELECT pg_catalog.pg_extension_config_dump('dtks.rumah_tangga'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.rumah_tangga_id_seq'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.keluarga'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.anggota'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.keanggotaan'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.keanggotaan_id_seq'::regclass, '');

CREATE FUNCTION dtks.kk_pada(nik dtks.nik, tanggal date) RETURNS dtks.no_kk
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT m.no_kk FROM dtks.keanggotaan m WHERE m.nik OPERATOR(dtks.=) kk_pada.nik AND m.berlaku OPERATOR(pg_catalog.@>) kk_pada.tanggal
     ORDER BY pg_catalog.lower(m.berlaku) DESC LIMIT 1;
END;
COMMENT ON FUNCTION dtks.kk_pada(dtks.nik, date) IS 'The KK a person was in on a date (NULL if none)';
