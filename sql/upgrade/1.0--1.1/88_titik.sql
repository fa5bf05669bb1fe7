-- 1.1: point to region at scale, and off the coast (issue 20; sql/install/30_wilayah.sql, 83_akses.sql, the same
-- text; the setting dtks.laut_toleransi is the module's).

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

CREATE OR REPLACE FUNCTION dtks.wilayah_di_titik(titik geometry) RETURNS dtks.kode_wilayah
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
GRANT SELECT ON dtks.wilayah_batas_bagian TO dtks_desa, dtks_kabkota, dtks_provinsi, dtks_pusat, dtks_pt, dtks_pembaca;
-- the boundaries already loaded
SELECT dtks.wilayah_batas_segarkan();
