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

CREATE FUNCTION dtks.wilayah_di_titik(titik geometry) RETURNS dtks.kode_wilayah
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT w.kode
      FROM dtks.wilayah w
     WHERE dtks.titik_wgs84_periksa(ST_SRID(titik), GeometryType(titik))
       AND ST_Covers(w.batas, titik)
     ORDER BY w.tingkat DESC, ST_Area(w.batas), w.kode
     LIMIT 1;
END;
COMMENT ON FUNCTION dtks.wilayah_di_titik(geometry) IS
    'Deepest loaded region whose boundary covers a WGS 84 point; where simplified polygons overlap, the smallest, then the lowest code; NULL if none';
