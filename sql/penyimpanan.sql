-- Storage: binary COPY round trips, binary input validation, hash partitioning and hash indexes.
SET search_path = dtks, public;

CREATE TABLE simpan (n nik, k no_kk, w kode_wilayah);
INSERT INTO simpan VALUES
    ('3171011708450001', '3171012505180003', '31'),
    ('3171015708450001', '3171014513180003', '31.71'),
    ('9101011708450001', '3171010101180000', '31.71.01'),
    ('3276055708900002', '3404071201100015', '31.71.01.1001');
\copy simpan TO 'results/simpan.bin' WITH (FORMAT binary)
CREATE TABLE simpan_balik (LIKE simpan);
\copy simpan_balik FROM 'results/simpan.bin' WITH (FORMAT binary)
SELECT count(*) AS sama FROM simpan JOIN simpan_balik USING (n, k, w);

-- binary input applies the same rules as text input
CREATE TABLE mentah (n bigint, k bigint, w bigint);
INSERT INTO mentah VALUES (9971011708450001, 3171012505180003, 3100000000);
\copy mentah (n) TO 'results/nik_salah.bin' WITH (FORMAT binary)
\copy simpan (n) FROM 'results/nik_salah.bin' WITH (FORMAT binary)
UPDATE mentah SET k = 3171002505180003;
\copy mentah (k) TO 'results/kk_salah.bin' WITH (FORMAT binary)
\copy simpan (k) FROM 'results/kk_salah.bin' WITH (FORMAT binary)
UPDATE mentah SET w = 3100010000;
\copy mentah (w) TO 'results/wilayah_salah.bin' WITH (FORMAT binary)
\copy simpan (w) FROM 'results/wilayah_salah.bin' WITH (FORMAT binary)
SELECT count(*) AS tidak_tersimpan_setengah FROM simpan;

-- hash partitioning needs the extended hash function
CREATE TABLE anggota_uji (nik nik PRIMARY KEY, nama text) PARTITION BY HASH (nik);
CREATE TABLE anggota_uji_0 PARTITION OF anggota_uji FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE anggota_uji_1 PARTITION OF anggota_uji FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO anggota_uji SELECT n, 'x' FROM simpan;
SELECT tableoid::regclass AS partisi, count(*) FROM anggota_uji GROUP BY 1 ORDER BY 1;
EXPLAIN (COSTS OFF) SELECT * FROM anggota_uji WHERE nik = '3171011708450001';

-- hash indexes
CREATE INDEX simpan_n_hash ON simpan USING hash (n);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT * FROM simpan WHERE n = '9101011708450001';
SELECT w FROM simpan WHERE n = '9101011708450001';
RESET enable_seqscan;
DROP TABLE simpan, simpan_balik, mentah, anggota_uji;
