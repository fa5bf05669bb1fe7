-- Region reference: the editions of the Kemendagri code list, every code of every
-- edition, and the current edition with its hierarchy and boundaries.
-- Filled by scripts/load-wilayah; all rows are the user's data, so all are dumped.

CREATE TABLE dtks.wilayah_edisi (
    edisi smallint PRIMARY KEY CHECK (edisi BETWEEN 1945 AND 2999),
    terkini boolean NOT NULL DEFAULT false,
    sumber text,
    dimuat_pada timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE dtks.wilayah_edisi IS 'Editions of the Kemendagri region-code list that are loaded (one is terkini, the current one)';
COMMENT ON COLUMN dtks.wilayah_edisi.edisi IS 'Year of the edition, e.g. 2022 (Kepmendagri 050-145/2022) or 2025 (300.2.2-2138/2025)';
COMMENT ON COLUMN dtks.wilayah_edisi.terkini IS 'True for the current edition, whose codes are in dtks.wilayah';
COMMENT ON COLUMN dtks.wilayah_edisi.sumber IS 'Where the edition came from (regulation, file)';
COMMENT ON COLUMN dtks.wilayah_edisi.dimuat_pada IS 'When it was loaded';
CREATE UNIQUE INDEX wilayah_edisi_satu_terkini ON dtks.wilayah_edisi (terkini) WHERE terkini;
COMMENT ON INDEX dtks.wilayah_edisi_satu_terkini IS 'At most one current edition';

CREATE TABLE dtks.wilayah_riwayat (
    kode dtks.kode_wilayah NOT NULL,
    edisi smallint NOT NULL REFERENCES dtks.wilayah_edisi (edisi) ON DELETE CASCADE,
    nama text NOT NULL CHECK (nama <> ''),
    PRIMARY KEY (kode, edisi)
);
COMMENT ON TABLE dtks.wilayah_riwayat IS
    'Every code of every loaded edition, the current one included: "which editions contain X" and "what was X called in Y" are primary-key lookups';
COMMENT ON COLUMN dtks.wilayah_riwayat.kode IS 'Region code as it stood in that edition';
COMMENT ON COLUMN dtks.wilayah_riwayat.edisi IS 'The edition';
COMMENT ON COLUMN dtks.wilayah_riwayat.nama IS 'Name in that edition, spelled as the edition spells it';

CREATE TABLE dtks.wilayah (
    kode dtks.kode_wilayah PRIMARY KEY,
    nama text NOT NULL CHECK (nama <> ''),
    tingkat integer NOT NULL GENERATED ALWAYS AS (dtks.tingkat(kode)) STORED,
    induk dtks.kode_wilayah GENERATED ALWAYS AS (dtks.induk(kode)) STORED
        REFERENCES dtks.wilayah (kode),
    batas geometry(MultiPolygon, 4326)
);
COMMENT ON TABLE dtks.wilayah IS 'The current edition of the region codes: name, level, parent and (where loaded) boundary';
COMMENT ON COLUMN dtks.wilayah.kode IS 'Region code';
COMMENT ON COLUMN dtks.wilayah.nama IS 'Official name in the current edition';
COMMENT ON COLUMN dtks.wilayah.tingkat IS 'Level 1-4, derived from the code';
COMMENT ON COLUMN dtks.wilayah.induk IS 'Parent code, derived from the code; must exist';
COMMENT ON COLUMN dtks.wilayah.batas IS 'Boundary (simplified, approximate) in WGS 84; NULL where none is loaded';
CREATE INDEX wilayah_induk ON dtks.wilayah (induk);
COMMENT ON INDEX dtks.wilayah_induk IS 'Children of a region';
CREATE INDEX wilayah_batas ON dtks.wilayah USING gist (batas);
COMMENT ON INDEX dtks.wilayah_batas IS 'Point-in-region lookups (wilayah_di_titik)';

COMMENT ON INDEX dtks.wilayah_edisi_pkey IS 'One row per edition';
COMMENT ON INDEX dtks.wilayah_riwayat_pkey IS 'Which editions contain a code; its name in one edition';
COMMENT ON INDEX dtks.wilayah_pkey IS 'Lookups by code and containment ranges (kode <@ region)';

SELECT pg_catalog.pg_extension_config_dump('dtks.wilayah_edisi'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.wilayah_riwayat'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.wilayah'::regclass, '');

CREATE FUNCTION dtks.nik_wilayah_dikenal(nik dtks.nik) RETURNS boolean
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT EXISTS (SELECT 1 FROM dtks.wilayah_riwayat r
                    WHERE r.kode OPERATOR(dtks.=) dtks.nik_kode_wilayah(nik));
END;
COMMENT ON FUNCTION dtks.nik_wilayah_dikenal(dtks.nik) IS
    'Is the NIK''s 6-digit prefix a kecamatan in any loaded edition? (a NIK keeps its first-registration code for life)';

CREATE FUNCTION dtks.titik_wgs84_periksa(srid integer, jenis text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'titik_wgs84_periksa' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.titik_wgs84_periksa(integer, text) IS
    'True for a POINT in SRID 4326, else raises 22023 naming what is wrong (argument check of wilayah_di_titik)';

-- The boundaries cut into pieces of at most 64 vertices (ST_Subdivide) for the point lookups: a point is tested
-- against the few small pieces whose boxes hold it, not against whole provinces of thousands of vertices.  Rebuilt by
-- dtks.wilayah_batas_segarkan (scripts/load-wilayah calls it); the area is the whole region's.
CREATE TABLE dtks.wilayah_batas_bagian (
    kode dtks.kode_wilayah NOT NULL,
    tingkat smallint NOT NULL,
    luas double precision NOT NULL,
    bagian geometry(Polygon, 4326) NOT NULL
);
COMMENT ON TABLE dtks.wilayah_batas_bagian IS
    'dtks.wilayah.batas cut into pieces of at most 64 vertices, what dtks.wilayah_di_titik tests a point against; rebuilt by dtks.wilayah_batas_segarkan';
COMMENT ON COLUMN dtks.wilayah_batas_bagian.kode IS 'The region';
COMMENT ON COLUMN dtks.wilayah_batas_bagian.tingkat IS 'Its level';
COMMENT ON COLUMN dtks.wilayah_batas_bagian.luas IS 'The area of the whole region''s boundary (ST_Area, square degrees): the smaller of overlapping regions wins';
COMMENT ON COLUMN dtks.wilayah_batas_bagian.bagian IS 'One piece of the boundary';
CREATE INDEX wilayah_batas_bagian_bagian ON dtks.wilayah_batas_bagian USING gist (bagian);
COMMENT ON INDEX dtks.wilayah_batas_bagian_bagian IS 'The pieces whose box holds a point';
SELECT pg_catalog.pg_extension_config_dump('dtks.wilayah_batas_bagian'::regclass, '');

CREATE FUNCTION dtks.wilayah_batas_segarkan() RETURNS bigint
    LANGUAGE sql VOLATILE PARALLEL UNSAFE
BEGIN ATOMIC
    DELETE FROM dtks.wilayah_batas_bagian;
    INSERT INTO dtks.wilayah_batas_bagian (kode, tingkat, luas, bagian)
    SELECT w.kode, w.tingkat, ST_Area(w.batas), ST_Subdivide(w.batas, 64)
      FROM dtks.wilayah w WHERE w.batas IS NOT NULL;
    SELECT pg_catalog.count(*) FROM dtks.wilayah_batas_bagian;
END;
COMMENT ON FUNCTION dtks.wilayah_batas_segarkan() IS
    'Rebuild dtks.wilayah_batas_bagian from dtks.wilayah.batas (scripts/load-wilayah calls it after a load); returns its rows';

CREATE FUNCTION dtks.wilayah_di_titik(titik geometry) RETURNS dtks.kode_wilayah
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT b.kode
      FROM dtks.wilayah_batas_bagian b
     WHERE dtks.titik_wgs84_periksa(ST_SRID(titik), GeometryType(titik))
       AND ST_Covers(b.bagian, titik)
     ORDER BY b.tingkat DESC, b.luas, b.kode
     LIMIT 1;
END;
COMMENT ON FUNCTION dtks.wilayah_di_titik(geometry) IS
    'Deepest loaded region whose boundary covers a WGS 84 point (tested against the pieces of dtks.wilayah_batas_bagian); where simplified polygons overlap, the smallest, then the lowest code; NULL if none';

-- A point in the sea near the coast: the nearest region within dtks.laut_toleransi metres, flagged.
CREATE FUNCTION dtks.wilayah_di_titik_rinci(titik geometry, OUT kode_wilayah dtks.kode_wilayah, OUT di_laut boolean,
                                            OUT jarak double precision)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    WITH tepat AS (
        SELECT dtks.wilayah_di_titik(titik) AS kode
    ),
    dekat AS (
        -- the nearest pieces, then the deepest region among those within the tolerance
        SELECT x.kode, x.jarak
          FROM (SELECT b.kode, b.tingkat, b.luas, ST_Distance(b.bagian::geography, titik::geography) AS jarak
                  FROM dtks.wilayah_batas_bagian b, tepat t
                 WHERE t.kode IS NULL
                 ORDER BY b.bagian <-> titik
                 LIMIT 32) x
         WHERE x.jarak OPERATOR(pg_catalog.<=) pg_catalog.current_setting('dtks.laut_toleransi')::double precision
         ORDER BY x.tingkat DESC, x.jarak, x.luas, x.kode
         LIMIT 1
    )
    SELECT coalesce(t.kode, d.kode), t.kode IS NULL AND d.kode IS NOT NULL, CASE WHEN t.kode IS NOT NULL THEN 0 ELSE d.jarak END
      FROM tepat t LEFT JOIN dekat d ON true;
END;
COMMENT ON FUNCTION dtks.wilayah_di_titik_rinci(geometry) IS
    'dtks.wilayah_di_titik, and for a point no boundary covers (the sea, or a gap of the simplified polygons) the deepest region within dtks.laut_toleransi metres of it, nearest first: di_laut true and jarak its distance (metres on the spheroid); NULL when none is that near';
