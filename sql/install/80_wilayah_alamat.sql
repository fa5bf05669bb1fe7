-- Address text to region (issue 20): the words of an address (src/alamat.c), the names of every region as the
-- search compares them (current and earlier editions, and the short forms people write), and the search.

CREATE FUNCTION dtks.alamat_pecah(alamat text) RETURNS text[]
    AS 'MODULE_PATHNAME', 'alamat_pecah' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.alamat_pecah(text) IS
    'The words of an address as dtks.wilayah_dari_alamat reads them, upper case: level words as markers with their word (<1>PROVINSI, <2b>KAB, <2k>KOTA, <3>KEC, <4>DESA for every local word: Kelurahan, Gampong, Nagari, Kampung, Kalurahan, Kapanewon, Kemantren, Distrik ...), "|" where a part ends (comma, semicolon, slash, line break), streets, sub-desa units (Dusun, Banjar, Jorong, Lingkungan, RT, RW), house numbers and postcodes dropped';

CREATE FUNCTION dtks.alamat_kunci(nama text) RETURNS text
    AS 'MODULE_PATHNAME', 'alamat_kunci' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.alamat_kunci(text) IS
    'A region name as the address search compares it: its words upper case, one space apart, apostrophes dropped';

-- The short forms people write for region names: a table of policy (a DBA adds the local ones; pg_dump keeps them).
CREATE TABLE dtks.wilayah_singkatan (
    singkatan text PRIMARY KEY CHECK (singkatan OPERATOR(pg_catalog.=) dtks.alamat_kunci(singkatan) AND singkatan OPERATOR(pg_catalog.<>) ''
                                      AND pg_catalog.strpos(singkatan, ' ') OPERATOR(pg_catalog.=) 0),
    kepanjangan text NOT NULL CHECK (kepanjangan OPERATOR(pg_catalog.=) dtks.alamat_kunci(kepanjangan) AND kepanjangan OPERATOR(pg_catalog.<>) '')
);
COMMENT ON TABLE dtks.wilayah_singkatan IS
    'Short forms of region names in addresses (one word) and the words they stand for, read by dtks.wilayah_dari_alamat';
COMMENT ON COLUMN dtks.wilayah_singkatan.singkatan IS 'The short form, as dtks.alamat_kunci writes it (one word)';
COMMENT ON COLUMN dtks.wilayah_singkatan.kepanjangan IS 'What it stands for, as dtks.alamat_kunci writes it';
COMMENT ON INDEX dtks.wilayah_singkatan_pkey IS 'One meaning per short form';
SELECT pg_catalog.pg_extension_config_dump('dtks.wilayah_singkatan'::regclass,
    'WHERE NOT dtks.aturan_utuh(''wilayah_singkatan'', wilayah_singkatan)');
INSERT INTO dtks.wilayah_singkatan (singkatan, kepanjangan) VALUES
    ('DKI', 'DAERAH KHUSUS IBUKOTA JAKARTA'), ('JKT', 'JAKARTA'), ('JAKSEL', 'JAKARTA SELATAN'),
    ('JAKPUS', 'JAKARTA PUSAT'), ('JAKUT', 'JAKARTA UTARA'), ('JAKBAR', 'JAKARTA BARAT'), ('JAKTIM', 'JAKARTA TIMUR'),
    ('DIY', 'DAERAH ISTIMEWA YOGYAKARTA'), ('JOGJA', 'YOGYAKARTA'), ('JOGYA', 'YOGYAKARTA'), ('YOGYA', 'YOGYAKARTA'),
    ('JOGJAKARTA', 'YOGYAKARTA'), ('JOGYAKARTA', 'YOGYAKARTA'), ('DJOGJAKARTA', 'YOGYAKARTA'),
    ('JABAR', 'JAWA BARAT'), ('JATENG', 'JAWA TENGAH'), ('JATIM', 'JAWA TIMUR'), ('NAD', 'ACEH'),
    ('SUMUT', 'SUMATERA UTARA'), ('SUMBAR', 'SUMATERA BARAT'), ('SUMSEL', 'SUMATERA SELATAN'),
    ('BABEL', 'KEPULAUAN BANGKA BELITUNG'), ('KEPRI', 'KEPULAUAN RIAU'), ('NTB', 'NUSA TENGGARA BARAT'),
    ('NTT', 'NUSA TENGGARA TIMUR'), ('KALBAR', 'KALIMANTAN BARAT'), ('KALTENG', 'KALIMANTAN TENGAH'),
    ('KALSEL', 'KALIMANTAN SELATAN'), ('KALTIM', 'KALIMANTAN TIMUR'), ('KALTARA', 'KALIMANTAN UTARA'),
    ('SULUT', 'SULAWESI UTARA'), ('SULTENG', 'SULAWESI TENGAH'), ('SULSEL', 'SULAWESI SELATAN'),
    ('SULTRA', 'SULAWESI TENGGARA'), ('SULBAR', 'SULAWESI BARAT'), ('MALUT', 'MALUKU UTARA'),
    ('PABAR', 'PAPUA BARAT'), ('PBD', 'PAPUA BARAT DAYA'), ('TTS', 'TIMOR TENGAH SELATAN'), ('TTU', 'TIMOR TENGAH UTARA'),
    ('BDG', 'BANDUNG'), ('SBY', 'SURABAYA'), ('SMG', 'SEMARANG'), ('MKS', 'MAKASSAR'), ('MDN', 'MEDAN'),
    ('PLG', 'PALEMBANG'), ('BPN', 'BALIKPAPAN'), ('BJM', 'BANJARMASIN'),
    ('UJUNGPANDANG', 'MAKASSAR'), ('KULONPROGO', 'KULON PROGO');

-- The names of every region as the search compares them: today's names, earlier editions' names of codes that
-- still exist, and the provinces of earlier editions over the kab/kota they held (the 2022 Papua split). Rebuilt by
-- dtks.wilayah_nama_segarkan (scripts/load-wilayah calls it).
CREATE TABLE dtks.wilayah_nama (
    kunci text NOT NULL,
    kode dtks.kode_wilayah NOT NULL,
    tingkat smallint NOT NULL,
    jenis "char",
    lama boolean NOT NULL DEFAULT false,
    PRIMARY KEY (kunci, kode)
);
COMMENT ON TABLE dtks.wilayah_nama IS
    'The region names the address search compares (dtks.wilayah_dari_alamat), from dtks.wilayah and dtks.wilayah_riwayat; rebuilt by dtks.wilayah_nama_segarkan';
COMMENT ON COLUMN dtks.wilayah_nama.kunci IS 'The name as dtks.alamat_kunci writes it, without Kabupaten/Kota for a kab/kota';
COMMENT ON COLUMN dtks.wilayah_nama.kode IS 'Today''s code of the region';
COMMENT ON COLUMN dtks.wilayah_nama.tingkat IS 'Level 1-4';
COMMENT ON COLUMN dtks.wilayah_nama.jenis IS 'For a kab/kota: b (kabupaten) or k (kota)';
COMMENT ON COLUMN dtks.wilayah_nama.lama IS 'A name of an earlier edition';
COMMENT ON INDEX dtks.wilayah_nama_pkey IS 'Exact lookups of the words of an address';
CREATE INDEX wilayah_nama_kode ON dtks.wilayah_nama (kode);
COMMENT ON INDEX dtks.wilayah_nama_kode IS 'The names of the regions inside one (kode <@ region): the typing errors are looked for there';
CREATE INDEX wilayah_nama_trgm ON dtks.wilayah_nama USING gin (kunci gin_trgm_ops);
COMMENT ON INDEX dtks.wilayah_nama_trgm IS 'Trigrams of the names: a mistyped name with nothing else to place it';
SELECT pg_catalog.pg_extension_config_dump('dtks.wilayah_nama'::regclass, '');

-- A kab/kota name without its kind, and the kind: 'Kabupaten Bandung' -> (BANDUNG, b), 'Kota Administrasi Jakarta
-- Selatan' -> (JAKARTA SELATAN, k).
CREATE FUNCTION dtks.wilayah_nama_pisah(nama text, tingkat integer, OUT kunci text, OUT jenis "char")
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT CASE WHEN tingkat OPERATOR(pg_catalog.=) 2
                THEN pg_catalog.regexp_replace(dtks.alamat_kunci(nama), '^(KABUPATEN|KAB|KOTA ADMINISTRASI|KOTA ADM|KOTA) ', '')
                ELSE dtks.alamat_kunci(nama) END,
           CASE WHEN tingkat OPERATOR(pg_catalog.<>) 2 THEN NULL
                WHEN dtks.alamat_kunci(nama) OPERATOR(pg_catalog.~) '^KOTA ' THEN 'k'::"char" ELSE 'b'::"char" END;
END;
COMMENT ON FUNCTION dtks.wilayah_nama_pisah(text, integer) IS
    'A region name as dtks.wilayah_nama keeps it: the key (dtks.alamat_kunci; a kab/kota without Kabupaten/Kota) and, for a kab/kota, b or k';

-- Rebuild dtks.wilayah_nama from the region reference; returns the rows.
CREATE FUNCTION dtks.wilayah_nama_segarkan() RETURNS bigint
    LANGUAGE sql VOLATILE PARALLEL UNSAFE
BEGIN ATOMIC
    DELETE FROM dtks.wilayah_nama;
    INSERT INTO dtks.wilayah_nama (kunci, kode, tingkat, jenis, lama)
    SELECT DISTINCT ON (x.kunci, x.kode) x.kunci, x.kode, x.tingkat, x.jenis, x.lama
      FROM (SELECT p.kunci, w.kode, w.tingkat::smallint AS tingkat, p.jenis, false AS lama
              FROM dtks.wilayah w CROSS JOIN LATERAL dtks.wilayah_nama_pisah(w.nama, w.tingkat) p
            UNION ALL
            -- the names earlier editions gave codes that still exist
            SELECT p.kunci, w.kode, w.tingkat::smallint, p.jenis, true
              FROM dtks.wilayah_riwayat r JOIN dtks.wilayah w ON w.kode OPERATOR(dtks.=) r.kode
             CROSS JOIN LATERAL dtks.wilayah_nama_pisah(r.nama, w.tingkat) p
            UNION ALL
            -- a province of an earlier edition over the provinces that now hold its kab/kota (same name, new code)
            SELECT pl.kunci, dtks.leluhur(k.kode, 1), 1::smallint, NULL::"char", true
              FROM dtks.wilayah_riwayat kl
              JOIN dtks.wilayah_riwayat prl ON prl.edisi OPERATOR(pg_catalog.=) kl.edisi
                                           AND prl.kode OPERATOR(dtks.=) dtks.leluhur(kl.kode, 1)
             CROSS JOIN LATERAL dtks.wilayah_nama_pisah(kl.nama, 2) kp
             CROSS JOIN LATERAL dtks.wilayah_nama_pisah(prl.nama, 1) pl
              JOIN dtks.wilayah k ON k.tingkat OPERATOR(pg_catalog.=) 2
                                 AND (dtks.wilayah_nama_pisah(k.nama, 2)).kunci OPERATOR(pg_catalog.=) kp.kunci
                                 AND NOT dtks.leluhur(k.kode, 1) OPERATOR(dtks.=) dtks.leluhur(kl.kode, 1)
             WHERE dtks.tingkat(kl.kode) OPERATOR(pg_catalog.=) 2
               AND NOT EXISTS (SELECT 1 FROM dtks.wilayah c WHERE c.kode OPERATOR(dtks.=) kl.kode
                                  AND (dtks.wilayah_nama_pisah(c.nama, 2)).kunci OPERATOR(pg_catalog.=) kp.kunci)) x
     WHERE x.kunci OPERATOR(pg_catalog.<>) ''
     ORDER BY x.kunci, x.kode, x.lama;
    SELECT pg_catalog.count(*) FROM dtks.wilayah_nama;
END;
COMMENT ON FUNCTION dtks.wilayah_nama_segarkan() IS
    'Rebuild dtks.wilayah_nama from dtks.wilayah and dtks.wilayah_riwayat (scripts/load-wilayah calls it after a load); returns its rows';

-- The search.  The words of the address, short forms expanded, cut into parts at part breaks and level words
-- (a level word says which level the part names); every run of up to four words of a part is looked up
-- exactly; a part nothing matched is compared, by Jaro-Winkler, with the names inside the regions the rest of
-- the text found (or by trigrams over all names when it found none).  Each region found is scored with the
-- evidence for it and for each of its ancestors (levels weigh 1, 2, 2, 3 from the province down; an exact name
-- 1, a name matched at a level its level word does not say 0.85, a mistyped one its similarity); a region the
-- text names at a level where the candidate has another loses half that level's weight.  The deepest regions
-- named themselves, best first; skor is the share of what the text could support.
CREATE FUNCTION dtks.wilayah_dari_alamat(alamat text)
    RETURNS TABLE (kode_wilayah dtks.kode_wilayah, skor double precision, rincian jsonb)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 5
    -- a few dozen rows in each step, each name looked up on an index: the planner cannot know (it would hash all
    -- 97,000 names for a handful of lookups, and compile the query)
    SET jit = off SET enable_hashjoin = off SET enable_mergejoin = off
BEGIN ATOMIC
WITH token AS MATERIALIZED (
    -- the words, each short form replaced by its words
    SELECT pg_catalog.row_number() OVER (ORDER BY t.i, w.j) AS pos, w.kata AS tok
      FROM pg_catalog.unnest(dtks.alamat_pecah(wilayah_dari_alamat.alamat)) WITH ORDINALITY AS t(tok, i)
      LEFT JOIN dtks.wilayah_singkatan s ON s.singkatan OPERATOR(pg_catalog.=) t.tok
     CROSS JOIN LATERAL pg_catalog.unnest(pg_catalog.string_to_array(coalesce(s.kepanjangan, t.tok), ' ')) WITH ORDINALITY AS w(kata, j)
),
bagian AS MATERIALIZED (
    -- parts: a level word or a break starts one; its level (from the level word) and its words
    SELECT b.bagian, pg_catalog.min(b.tanda) FILTER (WHERE b.tanda IS NOT NULL) AS tanda,
           pg_catalog.array_agg(b.tok ORDER BY b.pos) FILTER (WHERE b.tanda IS NULL AND b.tok OPERATOR(pg_catalog.<>) '|') AS kata,
           pg_catalog.min(b.kata_tanda) AS kata_tanda
      FROM (SELECT t.pos, t.tok,
                   CASE WHEN t.tok OPERATOR(pg_catalog.~) '^<' THEN pg_catalog.substring(t.tok, '^<([0-9a-z]+)>') END AS tanda,
                   CASE WHEN t.tok OPERATOR(pg_catalog.~) '^<' THEN pg_catalog.substring(t.tok, '>(.*)$') END AS kata_tanda,
                   pg_catalog.sum(CASE WHEN t.tok OPERATOR(pg_catalog.~) '^<' OR t.tok OPERATOR(pg_catalog.=) '|' THEN 1 ELSE 0 END)
                       OVER (ORDER BY t.pos) AS bagian
              FROM token t) b
     GROUP BY b.bagian
),
gram AS MATERIALIZED (
    -- every run of up to four words of a part, with the part's level word (also with that word in front: Kota Baru)
    SELECT b.bagian, b.tanda, a AS mulai, d OPERATOR(pg_catalog.+) 1 AS panjang,
           pg_catalog.array_to_string(b.kata[a:x.e], ' ') AS kunci,
           a OPERATOR(pg_catalog.=) 1 AND x.e OPERATOR(pg_catalog.=) pg_catalog.cardinality(b.kata) AS utuh,
           pg_catalog.cardinality(b.kata) AS kata_bagian
      FROM bagian b, pg_catalog.generate_series(1, 16) a, pg_catalog.generate_series(0, 3) d,
           LATERAL (SELECT a OPERATOR(pg_catalog.+) d AS e) x
     WHERE b.kata IS NOT NULL AND x.e OPERATOR(pg_catalog.<=) pg_catalog.cardinality(b.kata)
    UNION ALL
    SELECT b.bagian, NULL, 0, e OPERATOR(pg_catalog.+) 1, b.kata_tanda OPERATOR(pg_catalog.||) ' ' OPERATOR(pg_catalog.||) pg_catalog.array_to_string(b.kata[1:e], ' '),
           e OPERATOR(pg_catalog.=) pg_catalog.cardinality(b.kata), pg_catalog.cardinality(b.kata) OPERATOR(pg_catalog.+) 1
      FROM bagian b, pg_catalog.generate_series(1, 3) e
     WHERE b.kata_tanda IS NOT NULL AND b.kata IS NOT NULL AND e OPERATOR(pg_catalog.<=) pg_catalog.cardinality(b.kata)
    UNION ALL
    -- and with the level word that follows it (Gampong Lampeuneurut Gampong, Desa Sumber Desa)
    SELECT b.bagian, b.tanda, pg_catalog.cardinality(b.kata) OPERATOR(pg_catalog.-) k OPERATOR(pg_catalog.+) 1, k OPERATOR(pg_catalog.+) 1,
           pg_catalog.array_to_string(b.kata[pg_catalog.cardinality(b.kata) OPERATOR(pg_catalog.-) k OPERATOR(pg_catalog.+) 1:pg_catalog.cardinality(b.kata)], ' ')
               OPERATOR(pg_catalog.||) ' ' OPERATOR(pg_catalog.||) c.kata_tanda,
           k OPERATOR(pg_catalog.=) pg_catalog.cardinality(b.kata), pg_catalog.cardinality(b.kata) OPERATOR(pg_catalog.+) 1
      FROM bagian b JOIN bagian c ON c.bagian OPERATOR(pg_catalog.=) (b.bagian OPERATOR(pg_catalog.+) 1) AND c.kata_tanda IS NOT NULL,
           pg_catalog.generate_series(1, 3) k
     WHERE b.kata IS NOT NULL AND k OPERATOR(pg_catalog.<=) pg_catalog.cardinality(b.kata)
),
tepat AS MATERIALIZED (
    -- the exact names: the first words of a part at the level its level word says (any level without one), later
    -- words of the part at that level or above (Kec. Imogiri Bantul)
    SELECT n.kode, n.tingkat, g.bagian, GREATEST(g.mulai, 1) AS mulai, g.panjang, g.utuh,
           -- a name of an earlier edition weighs a little less than today's (codes were renumbered)
           -- and a name that covers only some words of its part by the share it covers (half for none)
           CASE WHEN g.tanda IS NOT NULL OR g.panjang OPERATOR(pg_catalog.>=) 2 OR n.tingkat OPERATOR(pg_catalog.<=) 2 THEN 1.0
                ELSE 0.85 END::double precision OPERATOR(pg_catalog.*) CASE WHEN n.lama THEN 0.95 ELSE 1.0 END
                OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) (0.5 OPERATOR(pg_catalog.*) g.panjang OPERATOR(pg_catalog./) g.kata_bagian)) AS nilai
      FROM gram g JOIN dtks.wilayah_nama n ON n.kunci OPERATOR(pg_catalog.=) g.kunci
     CROSS JOIN LATERAL (SELECT CASE g.tanda WHEN '1' THEN 1 WHEN '2b' THEN 2 WHEN '2k' THEN 2 WHEN '3' THEN 3 WHEN '4' THEN 4 END AS t) h
     WHERE g.tanda IS NULL
        OR (g.mulai OPERATOR(pg_catalog.=) 1 AND n.tingkat OPERATOR(pg_catalog.=) h.t
            AND (h.t OPERATOR(pg_catalog.<>) 2 OR n.jenis OPERATOR(pg_catalog.=) pg_catalog.right(g.tanda, 1)::"char"))
        OR (g.mulai OPERATOR(pg_catalog.>) 1 AND n.tingkat OPERATOR(pg_catalog.<=) h.t)
),
konteks AS MATERIALIZED (
    -- the kab/kota and kecamatan the exact names place the address in, and which part says so
    SELECT DISTINCT dtks.leluhur(t.kode, LEAST(t.tingkat, 3)) AS kode, t.bagian
      FROM tepat t WHERE t.tingkat OPERATOR(pg_catalog.>=) 2
),
sisa AS MATERIALIZED (
    -- per part, the whole text (a mistyped name may share a word with another name) and the words no exact name
    -- covers, as one text
    SELECT b.bagian, b.tanda, pg_catalog.array_to_string(b.kata, ' ') AS kunci, 1 AS mulai, false AS tersisa
      FROM bagian b
     WHERE b.kata IS NOT NULL
       -- not a part whose whole text is the name of a region inside what another part found
       AND NOT EXISTS (SELECT 1 FROM tepat t JOIN konteks k ON k.bagian OPERATOR(pg_catalog.<>) t.bagian
                                                         AND t.kode OPERATOR(dtks.<@) k.kode
                        WHERE t.bagian OPERATOR(pg_catalog.=) b.bagian AND t.utuh)
    UNION
    SELECT b.bagian, b.tanda, pg_catalog.array_to_string(pg_catalog.array_agg(k.kata ORDER BY k.i), ' '),
           pg_catalog.min(k.i)::integer, true
      FROM bagian b CROSS JOIN LATERAL pg_catalog.unnest(b.kata) WITH ORDINALITY AS k(kata, i)
     WHERE NOT EXISTS (SELECT 1 FROM tepat t
                        WHERE t.bagian OPERATOR(pg_catalog.=) b.bagian AND k.i OPERATOR(pg_catalog.>=) t.mulai
                          AND k.i OPERATOR(pg_catalog.<) (t.mulai OPERATOR(pg_catalog.+) t.panjang))
     GROUP BY b.bagian, b.tanda
),
salah_ketik AS (
    -- those words against the names inside the regions found (or everywhere by trigrams)
    SELECT n.kode, n.tingkat, s.bagian, s.mulai,
           -- Jaro-Winkler 0.84 counts nearly nothing, 1 almost as an exact name
           0.95 OPERATOR(pg_catalog.*) (dtks.jaro_winkler(n.kunci, s.kunci) OPERATOR(pg_catalog.-) 0.8) OPERATOR(pg_catalog./) 0.2 AS nilai
      FROM sisa s CROSS JOIN (SELECT DISTINCT k.kode FROM konteks k) k
      JOIN dtks.wilayah_nama n ON n.kode OPERATOR(dtks.<@) k.kode AND NOT n.kode OPERATOR(dtks.=) k.kode
     WHERE (s.tanda IS NULL OR (s.tanda OPERATOR(pg_catalog.=) '3' AND n.tingkat OPERATOR(pg_catalog.=) 3)
            OR (s.tanda OPERATOR(pg_catalog.=) '4' AND n.tingkat OPERATOR(pg_catalog.=) 4))
       AND pg_catalog.length(s.kunci) OPERATOR(pg_catalog.>=) 4
       AND dtks.jaro_winkler(n.kunci, s.kunci) OPERATOR(pg_catalog.>=) 0.84
    UNION ALL
    SELECT n.kode, n.tingkat, s.bagian, s.mulai,
           0.9 OPERATOR(pg_catalog.*) similarity(n.kunci, s.kunci)
      FROM sisa s JOIN dtks.wilayah_nama n ON n.kunci % s.kunci
     WHERE NOT EXISTS (SELECT 1 FROM konteks) AND s.tersisa
       AND pg_catalog.length(s.kunci) OPERATOR(pg_catalog.>=) 4
       AND (s.tanda IS NULL OR (s.tanda OPERATOR(pg_catalog.=) '1' AND n.tingkat OPERATOR(pg_catalog.=) 1)
            OR (s.tanda OPERATOR(pg_catalog.~) '^2' AND n.tingkat OPERATOR(pg_catalog.=) 2)
            OR (s.tanda OPERATOR(pg_catalog.=) '3' AND n.tingkat OPERATOR(pg_catalog.=) 3)
            OR (s.tanda OPERATOR(pg_catalog.=) '4' AND n.tingkat OPERATOR(pg_catalog.=) 4))
),
bukti AS MATERIALIZED (
    -- every piece of evidence: a region, how well the text names it, and where
    SELECT kode, tingkat, nilai, bagian, mulai FROM tepat
    UNION ALL
    SELECT kode, tingkat, nilai, bagian, mulai FROM salah_ketik
),
terbaik AS MATERIALIZED (
    -- each region named: its best evidence, and where
    SELECT DISTINCT ON (b.kode) b.kode, b.tingkat, b.nilai, b.bagian OPERATOR(pg_catalog.*) 1000 OPERATOR(pg_catalog.+) b.mulai AS tempat
      FROM bukti b ORDER BY b.kode, b.nilai DESC, b.bagian, b.mulai
),
ditandai AS (
    -- the levels the text names with a level word or a name of two words and more: a candidate with another region there loses
    SELECT DISTINCT t.tingkat FROM tepat t WHERE t.nilai OPERATOR(pg_catalog.=) 1.0
),
per_tingkat AS MATERIALIZED (
    -- per candidate and each of its levels, the best evidence for its region there, and where in the text
    SELECT c.kode, c.tingkat AS tingkat_calon, w.tingkat, w.bobot, e.nilai, e.tempat, d.tingkat IS NOT NULL AS ditandai
      FROM terbaik c
      JOIN (VALUES (1, 1.0::double precision), (2, 2.0), (3, 2.0), (4, 3.0)) w(tingkat, bobot)
        ON w.tingkat OPERATOR(pg_catalog.<=) c.tingkat
      LEFT JOIN terbaik e ON e.kode OPERATOR(dtks.=) dtks.leluhur(c.kode, w.tingkat)
      LEFT JOIN ditandai d ON d.tingkat OPERATOR(pg_catalog.=) w.tingkat
),
sendiri AS (
    -- the candidates named by a place of their own: not where one of their ancestors is named (Namlea, Kab. Buru
    -- is the kecamatan Namlea, not its desa Namlea)
    SELECT a.kode FROM per_tingkat a
     WHERE a.tingkat OPERATOR(pg_catalog.=) a.tingkat_calon AND a.nilai IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM per_tingkat o
                        WHERE o.kode OPERATOR(dtks.=) a.kode AND o.tingkat OPERATOR(pg_catalog.<) a.tingkat
                          AND o.tempat OPERATOR(pg_catalog.=) a.tempat)
),
nilai AS (
    -- the sum; one place in the text counts for one level only, its best; a level the text names otherwise loses half
    SELECT p.kode, p.tingkat_calon AS tingkat,
           coalesce(q.jumlah, 0) OPERATOR(pg_catalog.-)
               pg_catalog.sum(CASE WHEN p.nilai IS NULL AND p.ditandai THEN 0.5 OPERATOR(pg_catalog.*) p.bobot ELSE 0 END) AS jumlah,
           pg_catalog.count(p.nilai) AS berbukti,
           pg_catalog.jsonb_object_agg(p.tingkat, pg_catalog.round(coalesce(p.nilai, 0)::numeric, 3)) AS tingkat_bukti
      FROM per_tingkat p JOIN sendiri s ON s.kode OPERATOR(dtks.=) p.kode
      LEFT JOIN (SELECT y.kode, pg_catalog.sum(y.m) AS jumlah
                   FROM (SELECT z.kode, pg_catalog.max(z.bobot OPERATOR(pg_catalog.*) z.nilai) AS m
                           FROM per_tingkat z WHERE z.nilai IS NOT NULL GROUP BY z.kode, z.tempat) y
                  GROUP BY y.kode) q ON q.kode OPERATOR(dtks.=) p.kode
     GROUP BY p.kode, p.tingkat_calon, q.jumlah
),
urut AS (
    -- how many candidates share each score (a name shared by many, alone, is not credible)
    SELECT n.*, pg_catalog.count(*) OVER (PARTITION BY n.jumlah) AS sama_banyak
      FROM nilai n
)
-- credible: named at two levels or more, or alone with its score; of equal scores the shallower (the deeper
-- added nothing)
SELECT u.kode, u.jumlah OPERATOR(pg_catalog./) 8.0,
       pg_catalog.jsonb_build_object('tingkat', u.tingkat, 'bukti', u.tingkat_bukti)
  FROM urut u
 WHERE u.jumlah OPERATOR(pg_catalog.>=) 2.5
   AND (u.berbukti OPERATOR(pg_catalog.>=) 2 OR u.sama_banyak OPERATOR(pg_catalog.=) 1)
 ORDER BY u.jumlah DESC, u.tingkat, u.kode
 LIMIT 5;
END;
COMMENT ON FUNCTION dtks.wilayah_dari_alamat(text) IS
    'The regions an address text names, best first (at most 5; empty when nothing is credible): each at the deepest level the text names itself (a desa where one is named, else the kecamatan or kab/kota), skor the share of the evidence (levels weigh 1, 2, 2, 3 from the province down, of 8) and rincian the evidence per level. Reads level words of every kind, short forms (dtks.wilayah_singkatan), names of earlier editions, typing errors inside the regions the rest of the text found; streets, RT/RW, numbers and sub-desa units are noise';
