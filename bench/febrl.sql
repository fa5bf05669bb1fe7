-- FEBRL data set 4 linked with dtks's matching machinery (run by bench/febrl.sh, psql variables a and b:
-- the paths of febrl_dataset4a.csv.gz and febrl_dataset4b.csv.gz).
--
-- Fields mapped onto the score model: soc_sec_id -> the number (the digit classes of dtks.nik_banding),
-- given_name + surname -> the name key (dtks.nama_kunci, compared by dtks.nama_banding), date_of_birth -> the
-- birth date, street_number + address_1 + address_2 + suburb + postcode + state -> the address (pg_trgm
-- similarity).  The weights of model febrl are estimated from the data without its labels, as Splink does:
-- u first from random pairs (almost all of them two people), then m and u by expectation-maximisation over
-- the candidate pairs (Fellegi-Sunter's EM: the candidates are not random pairs).
-- Candidates come from indexes as in dtks.penduduk_calon: the same number, a birth date near
-- (dtks.tanggal_sekitar), a name key alike by trigrams (pg_trgm %).  A record of 4b is linked to its best
-- candidate of 4a when both are each other's best and the match probability (from the score and the share of
-- matches EM found) is at least 0.99, the criterion of Splink's published figure.
\set ON_ERROR_STOP 1
\timing off
SET client_min_messages = warning;

CREATE TEMP TABLE mentah (rec_id text, given_name text, surname text, street_number text, address_1 text,
                          address_2 text, suburb text, postcode text, state text, date_of_birth text, soc_sec_id text);
CREATE TEMP TABLE rekaman (sisi text, id text, nomor text, kunci text, lahir date, alamat text);

\set muat_a '\\copy mentah FROM PROGRAM ''gzip -dc ' :a ''' WITH (FORMAT csv, HEADER true)'
:muat_a
INSERT INTO rekaman SELECT 'a', pg_catalog.split_part(pg_catalog.btrim(rec_id), '-', 2), NULLIF(pg_catalog.btrim(soc_sec_id), ''),
       dtks.nama_kunci(pg_catalog.concat_ws(' ', pg_catalog.btrim(given_name), pg_catalog.btrim(surname))),
       dtks.tanggal_dari_teks(pg_catalog.regexp_replace(pg_catalog.btrim(date_of_birth), '^(\d{4})(\d{2})(\d{2})$', '\1-\2-\3')),
       NULLIF(pg_catalog.upper(pg_catalog.concat_ws(' ', pg_catalog.btrim(street_number), pg_catalog.btrim(address_1), pg_catalog.btrim(address_2),
                                     pg_catalog.btrim(suburb), pg_catalog.btrim(postcode), pg_catalog.btrim(state))), '')
  FROM mentah;
TRUNCATE mentah;
\set muat_b '\\copy mentah FROM PROGRAM ''gzip -dc ' :b ''' WITH (FORMAT csv, HEADER true)'
:muat_b
INSERT INTO rekaman SELECT 'b', pg_catalog.split_part(pg_catalog.btrim(rec_id), '-', 2), NULLIF(pg_catalog.btrim(soc_sec_id), ''),
       dtks.nama_kunci(pg_catalog.concat_ws(' ', pg_catalog.btrim(given_name), pg_catalog.btrim(surname))),
       dtks.tanggal_dari_teks(pg_catalog.regexp_replace(pg_catalog.btrim(date_of_birth), '^(\d{4})(\d{2})(\d{2})$', '\1-\2-\3')),
       NULLIF(pg_catalog.upper(pg_catalog.concat_ws(' ', pg_catalog.btrim(street_number), pg_catalog.btrim(address_1), pg_catalog.btrim(address_2),
                                     pg_catalog.btrim(suburb), pg_catalog.btrim(postcode), pg_catalog.btrim(state))), '')
  FROM mentah;
CREATE TEMP TABLE a AS SELECT id, nomor, kunci, lahir, alamat FROM rekaman WHERE sisi = 'a';
CREATE TEMP TABLE b AS SELECT id, nomor, kunci, lahir, alamat FROM rekaman WHERE sisi = 'b';
CREATE INDEX ON a USING gin (kunci gin_trgm_ops);
CREATE INDEX ON a (lahir);
CREATE INDEX ON a (nomor);
ANALYZE a;
ANALYZE b;
SELECT (SELECT count(*) FROM a) AS rekaman_a, (SELECT count(*) FROM b) AS rekaman_b;

-- The model febrl: levels only at first (m = u = 1), to read the levels of pairs.
DELETE FROM dtks.padan_bobot WHERE model = 'febrl';
INSERT INTO dtks.padan_bobot (model, bidang, tingkat, m, u, keterangan)
SELECT 'febrl', t.bidang, t.tingkat, 1, 1, 'bench/febrl.sql'
  FROM dtks.padan_tingkat t WHERE t.bidang IN ('nik', 'nama', 'tanggal_lahir', 'alamat');

-- The level of every field of a pair.
CREATE FUNCTION pg_temp.tingkat(x a, y b) RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT dtks.padan_rincian('febrl', y.nomor, x.nomor, y.kunci, x.kunci, y.lahir, x.lahir, NULL, NULL, NULL, NULL,
                              CASE WHEN x.alamat IS NOT NULL AND y.alamat IS NOT NULL THEN similarity(x.alamat, y.alamat) END)
$$;

-- u: level frequencies over 200,000 random pairs.
SELECT setseed(0.19);
CREATE TEMP TABLE acak AS
SELECT pg_temp.tingkat(x, y) AS j
  FROM (SELECT (random() * 4999)::int AS i, (random() * 4999)::int AS k FROM generate_series(1, 200000)) r
  JOIN (SELECT a.id, row_number() OVER (ORDER BY a.id) - 1 AS n FROM a) xi ON xi.n = r.i
  JOIN a x ON x.id = xi.id
  JOIN (SELECT b.id, row_number() OVER (ORDER BY b.id) - 1 AS n FROM b) yi ON yi.n = r.k
  JOIN b y ON y.id = yi.id;
UPDATE dtks.padan_bobot w
   SET u = (f.jumlah + 0.5) / (200000 + 0.5 * f.tingkat_ada)
  FROM (SELECT t.bidang, t.tingkat, count(x.j) AS jumlah, count(*) OVER (PARTITION BY t.bidang) AS tingkat_ada
          FROM dtks.padan_tingkat t
          LEFT JOIN acak x ON x.j #>> ARRAY[t.bidang, 'tingkat'] = t.tingkat
         WHERE t.bidang IN ('nik', 'nama', 'tanggal_lahir', 'alamat')
         GROUP BY t.bidang, t.tingkat) f
 WHERE w.model = 'febrl' AND w.bidang = f.bidang AND w.tingkat = f.tingkat;
UPDATE dtks.padan_bobot SET m = 1, u = 1 WHERE model = 'febrl' AND tingkat = 'kosong';

-- The candidate pairs, from the indexes.
SET pg_trgm.similarity_threshold = 0.5;
CREATE TEMP TABLE calon AS
SELECT p.id_b, p.id_a, pg_temp.tingkat(x, y) AS j
  FROM (SELECT DISTINCT y.id AS id_b, x.id AS id_a
          FROM b y
          JOIN LATERAL (SELECT a.id FROM a WHERE a.nomor = y.nomor
                        UNION ALL SELECT a.id FROM a WHERE a.lahir = ANY (dtks.tanggal_sekitar(y.lahir))
                        UNION ALL SELECT a.id FROM a WHERE a.kunci % y.kunci) x ON true) p
  JOIN a x ON x.id = p.id_a JOIN b y ON y.id = p.id_b;
SELECT count(*) AS pasangan_calon, count(*) FILTER (WHERE id_a = id_b) AS benar_di_antaranya FROM calon;

-- m: expectation-maximisation over the candidate pairs, starting from agreement on most fields.
UPDATE dtks.padan_bobot SET m = CASE WHEN tingkat IN ('sama') THEN 0.9 WHEN tingkat IN ('lain', 'beda') THEN 0.02 ELSE 0.05 END
 WHERE model = 'febrl' AND tingkat <> 'kosong';
CREATE TEMP TABLE em (putaran int, lambda double precision);
DO $em$
DECLARE
    lambda double precision := 0.05;
    n bigint := (SELECT count(*) FROM calon);
BEGIN
    FOR i IN 1..10 LOOP
        -- E: the chance each candidate pair is one person, from the weights and the share of matches
        CREATE TEMP TABLE IF NOT EXISTS peluang (id_b text, id_a text, j jsonb, p double precision);
        TRUNCATE peluang;
        INSERT INTO peluang
        SELECT c.id_b, c.id_a, c.j, 1 / (1 + (1 - lambda) / lambda * power(2, -s.skor))
          FROM calon c,
               LATERAL (SELECT sum(ln(w.m / w.u) / ln(2)) AS skor
                          FROM dtks.padan_bobot w
                         WHERE w.model = 'febrl' AND w.tingkat = c.j #>> ARRAY[w.bidang, 'tingkat']) s;
        -- M: m from the expected matches, lambda their share
        lambda := (SELECT sum(p) FROM peluang) / n;
        UPDATE dtks.padan_bobot w
           SET m = LEAST(1, GREATEST(1e-6, (f.jumlah + 0.01) / (f.total + 0.01 * f.tingkat_ada))),
               u = LEAST(1, GREATEST(1e-6, (f.jumlah_u + 0.01) / (f.total_u + 0.01 * f.tingkat_ada)))
          FROM (SELECT t.bidang, t.tingkat, coalesce(sum(x.p), 0) AS jumlah, coalesce(sum(1 - x.p), 0) AS jumlah_u,
                       (SELECT sum(p) FROM peluang) AS total, (SELECT sum(1 - p) FROM peluang) AS total_u,
                       count(*) OVER (PARTITION BY t.bidang) AS tingkat_ada
                  FROM dtks.padan_tingkat t
                  LEFT JOIN peluang x ON x.j #>> ARRAY[t.bidang, 'tingkat'] = t.tingkat
                 WHERE t.bidang IN ('nik', 'nama', 'tanggal_lahir', 'alamat') AND t.tingkat <> 'kosong'
                 GROUP BY t.bidang, t.tingkat) f
         WHERE w.model = 'febrl' AND w.bidang = f.bidang AND w.tingkat = f.tingkat;
        INSERT INTO em VALUES (i, lambda);
    END LOOP;
END
$em$;
SELECT putaran, round(lambda::numeric, 4) AS bagian_cocok FROM em ORDER BY putaran DESC LIMIT 1;
SELECT bidang, tingkat, round(m::numeric, 4) AS m, round(u::numeric, 6) AS u, round(log(2, (m / u)::numeric), 2) AS bobot
  FROM dtks.padan_bobot w JOIN dtks.padan_tingkat t USING (bidang, tingkat)
 WHERE model = 'febrl' ORDER BY bidang, t.urutan;

-- The scores with the estimated weights, and the links: each other's best, at least the threshold.
CREATE TEMP TABLE nilai AS
SELECT c.id_b, c.id_a, dtks.padan_nilai('febrl', y.nomor, x.nomor, y.kunci, x.kunci, y.lahir, x.lahir, NULL, NULL, NULL, NULL,
                                         CASE WHEN x.alamat IS NOT NULL AND y.alamat IS NOT NULL THEN similarity(x.alamat, y.alamat) END) AS skor
  FROM calon c JOIN a x ON x.id = c.id_a JOIN b y ON y.id = c.id_b;
-- The match probability of a pair, as Splink reports it: 1 / (1 + (1 - lambda) / lambda * 2^-score).
CREATE TEMP TABLE tautan AS
SELECT n.id_b, n.id_a, n.skor,
       1 / (1 + (1 - e.lambda) / e.lambda * power(2, -n.skor)) AS peluang
  FROM nilai n, (SELECT lambda FROM em ORDER BY putaran DESC LIMIT 1) e
 WHERE n.skor = (SELECT max(skor) FROM nilai z WHERE z.id_b = n.id_b)
   AND n.skor = (SELECT max(skor) FROM nilai z WHERE z.id_a = n.id_a);
SELECT x.aturan, count(*) AS ditautkan,
       count(*) FILTER (WHERE id_a = id_b) AS benar,
       round(count(*) FILTER (WHERE id_a = id_b)::numeric / NULLIF(count(*), 0), 4) AS presisi,
       round(count(*) FILTER (WHERE id_a = id_b)::numeric / 5000, 4) AS recall,
       round(2 * count(*) FILTER (WHERE id_a = id_b)::numeric / (count(*) + 5000), 4) AS f1
  FROM (VALUES ('match probability >= 0.99', 0.99), ('match probability >= 0.5', 0.5)) x(aturan, p)
  JOIN tautan t ON t.peluang >= x.p
 GROUP BY x.aturan, x.p ORDER BY x.p DESC;
DELETE FROM dtks.padan_bobot WHERE model = 'febrl';
