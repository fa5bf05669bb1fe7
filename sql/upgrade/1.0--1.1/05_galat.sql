-- 1.1: the table of dtks's own SQLSTATEs, dtks.galat_kode (its rows follow at the end of the
-- script, generated from src/galat_kode.txt); the same as sql/install/87_galat_kode.sql.
CREATE TABLE dtks.galat_kode (
    kode text PRIMARY KEY CONSTRAINT galat_kode_bentuk CHECK (kode ~ '^DTK[0-9]{2}$'),
    nama text NOT NULL UNIQUE,
    makna text NOT NULL UNIQUE
);
COMMENT ON TABLE dtks.galat_kode IS
    'dtks''s own SQLSTATEs (class DTK): each code, its name and its one meaning, as in src/galat_kode.txt and README.md (section SQLSTATEs); fixed by the extension';
COMMENT ON COLUMN dtks.galat_kode.kode IS 'The SQLSTATE (DTK and two digits), as in the error''s SQLSTATE or a handler''s WHEN SQLSTATE';
COMMENT ON COLUMN dtks.galat_kode.nama IS 'Its name (the C code raises it as ERRCODE_DTKS_ and the name in capitals)';
COMMENT ON COLUMN dtks.galat_kode.makna IS 'What it means: the rule that was broken';
COMMENT ON CONSTRAINT galat_kode_bentuk ON dtks.galat_kode IS 'A code of class DTK: DTK and two digits';
COMMENT ON INDEX dtks.galat_kode_pkey IS 'One row per code';
COMMENT ON INDEX dtks.galat_kode_nama_key IS 'One code per name';
COMMENT ON INDEX dtks.galat_kode_makna_key IS 'One code per meaning';
REVOKE ALL ON dtks.galat_kode FROM PUBLIC;
GRANT SELECT ON dtks.galat_kode TO dtks_desa, dtks_kabkota, dtks_provinsi, dtks_pusat, dtks_pt, dtks_pembaca;
