-- Who sees and changes what: privileges of the office group roles and row-level security by region.
--
-- An office (dtks.petugas_peran) sees and changes only rows inside its region; pusat and pt see
-- every region; dtks_pembaca holds no privilege on any table with personal data.  The table owner
-- (and the system runs that work as it: the commit-time registry check, the matching, the
-- penetapan) is not subject to these policies.

-- The region of the current user's office (NULL for pusat, pt or a role without an office).
CREATE FUNCTION dtks.wilayah_petugas() RETURNS dtks.kode_wilayah
    AS 'MODULE_PATHNAME', 'wilayah_petugas' LANGUAGE C STABLE PARALLEL RESTRICTED;
COMMENT ON FUNCTION dtks.wilayah_petugas() IS
    'The region of the current user''s office in dtks.petugas_peran (NULL for pusat and pt, or without an office); read as the owner, once per transaction';

-- Whether the current user's office sees every region (pusat, pt).
CREATE FUNCTION dtks.petugas_nasional() RETURNS boolean
    AS 'MODULE_PATHNAME', 'petugas_nasional' LANGUAGE C STABLE PARALLEL RESTRICTED;
COMMENT ON FUNCTION dtks.petugas_nasional() IS
    'Whether the current user''s office (pusat or pt) sees every region; read as the owner, once per transaction';

-- The office of the current user (NULL without one).
CREATE FUNCTION dtks.peran_petugas() RETURNS text
    AS 'MODULE_PATHNAME', 'peran_petugas' LANGUAGE C STABLE PARALLEL RESTRICTED;
COMMENT ON FUNCTION dtks.peran_petugas() IS
    'The office of the current user in dtks.petugas_peran (NULL without one); read as the owner, once per transaction';

-- A change of the offices is seen at once by the cached reads in this transaction.
CREATE TRIGGER usulan_aturan_berubah AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON dtks.petugas_peran
    FOR EACH STATEMENT EXECUTE FUNCTION dtks.usulan_aturan_berubah();
COMMENT ON TRIGGER usulan_aturan_berubah ON dtks.petugas_peran IS 'Read the offices again';

-- Give a login role its office and region, and the matching group role.
CREATE FUNCTION dtks.petugas_tetapkan(pengguna name, peran text, kode_wilayah dtks.kode_wilayah DEFAULT NULL)
    RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    grup text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = petugas_tetapkan.pengguna) THEN
        RAISE EXCEPTION 'role "%" does not exist', petugas_tetapkan.pengguna
            USING ERRCODE = '42704', DETAIL = 'Create the login role first; dtks only gives it an office.';
    END IF;
    INSERT INTO dtks.petugas_peran AS p (pengguna, peran, kode_wilayah)
    VALUES (petugas_tetapkan.pengguna, petugas_tetapkan.peran, petugas_tetapkan.kode_wilayah)
    ON CONFLICT ON CONSTRAINT petugas_peran_pkey
    DO UPDATE SET peran = excluded.peran, kode_wilayah = excluded.kode_wilayah;
    FOREACH grup IN ARRAY ARRAY['dtks_desa', 'dtks_kabkota', 'dtks_provinsi', 'dtks_pusat', 'dtks_pt'] LOOP
        IF grup = 'dtks_' || petugas_tetapkan.peran THEN
            EXECUTE format('GRANT %I TO %I', grup, petugas_tetapkan.pengguna);
        ELSIF pg_catalog.pg_has_role(petugas_tetapkan.pengguna, grup, 'MEMBER') THEN
            EXECUTE format('REVOKE %I FROM %I', grup, petugas_tetapkan.pengguna);
        END IF;
    END LOOP;
END
$$;
COMMENT ON FUNCTION dtks.petugas_tetapkan(name, text, dtks.kode_wilayah) IS
    'Give a login role its office (desa, kabkota, provinsi, pusat, pt) and region in dtks.petugas_peran, grant it the matching group role and revoke the others (needs the right to grant those roles)';

-- The schema and the reference tables: every office and the BI readers.
GRANT USAGE ON SCHEMA dtks TO dtks_desa, dtks_kabkota, dtks_provinsi, dtks_pusat, dtks_pt, dtks_pembaca;
GRANT SELECT ON dtks.wilayah_edisi, dtks.wilayah_riwayat, dtks.wilayah, dtks.program, dtks.skor_variabel,
    dtks.skor_model, dtks.skor_bobot, dtks.skor_bobot_wilayah, dtks.usulan_langkah, dtks.usulan_jadwal,
    dtks.padan_tingkat, dtks.padan_bobot, dtks.wilayah_singkatan, dtks.wilayah_nama, dtks.wilayah_batas_bagian
    TO dtks_desa, dtks_kabkota, dtks_provinsi, dtks_pusat, dtks_pt, dtks_pembaca;

-- Each office reads its own row of the mapping.
GRANT SELECT ON dtks.petugas_peran TO dtks_desa, dtks_kabkota, dtks_provinsi, dtks_pusat, dtks_pt;
ALTER TABLE dtks.petugas_peran ENABLE ROW LEVEL SECURITY;
CREATE POLICY petugas_sendiri ON dtks.petugas_peran FOR SELECT USING (pengguna OPERATOR(pg_catalog.=) CURRENT_USER);
COMMENT ON POLICY petugas_sendiri ON dtks.petugas_peran IS 'A login role sees its own office only';

-- Usulan: read inside the region (the province monitors); desa, kab/kota and pusat create them;
-- the offices that take steps update them (the trigger decides which step is whose).
GRANT SELECT ON dtks.usulan, dtks.usulan_riwayat, dtks.usulan_temuan, dtks.usulan_padan
    TO dtks_desa, dtks_kabkota, dtks_provinsi, dtks_pusat, dtks_pt;
GRANT INSERT (jenis, sumber, kode_wilayah, no_kk, data, program, alasan_penghentian, berita_acara)
    ON dtks.usulan TO dtks_desa, dtks_kabkota, dtks_pusat;
GRANT UPDATE (jenis, sumber, kode_wilayah, no_kk, data, program, alasan_penghentian, status, berita_acara,
              tanggal_kunjungan, petugas_verval, surat_pengesahan, alasan)
    ON dtks.usulan TO dtks_desa, dtks_kabkota, dtks_pusat, dtks_pt;
ALTER TABLE dtks.usulan ENABLE ROW LEVEL SECURITY;
CREATE POLICY usulan_lihat ON dtks.usulan FOR SELECT
    USING ((SELECT dtks.petugas_nasional()) OR kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas()));
COMMENT ON POLICY usulan_lihat ON dtks.usulan IS 'Usulan inside the office''s region (every region for pusat and pt)';
CREATE POLICY usulan_tambah ON dtks.usulan FOR INSERT
    WITH CHECK ((SELECT dtks.peran_petugas()) OPERATOR(pg_catalog.=) 'pusat'
                OR ((SELECT dtks.peran_petugas()) OPERATOR(pg_catalog.=) ANY (ARRAY['desa', 'kabkota'])
                    AND kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas())));
COMMENT ON POLICY usulan_tambah ON dtks.usulan IS 'Desa and kab/kota create usulan inside their region, the ministry anywhere';
CREATE POLICY usulan_ubah ON dtks.usulan FOR UPDATE
    USING ((SELECT dtks.petugas_nasional()) OR kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas()))
    WITH CHECK ((SELECT dtks.petugas_nasional()) OR kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas()));
COMMENT ON POLICY usulan_ubah ON dtks.usulan IS 'Usulan are changed inside the office''s region only, and stay there';
ALTER TABLE dtks.usulan_riwayat ENABLE ROW LEVEL SECURITY;
CREATE POLICY usulan_riwayat_lihat ON dtks.usulan_riwayat FOR SELECT
    USING (EXISTS (SELECT 1 FROM dtks.usulan u WHERE u.id OPERATOR(pg_catalog.=) usulan));
COMMENT ON POLICY usulan_riwayat_lihat ON dtks.usulan_riwayat IS 'The steps of the usulan the role may see';
ALTER TABLE dtks.usulan_temuan ENABLE ROW LEVEL SECURITY;
CREATE POLICY usulan_temuan_lihat ON dtks.usulan_temuan FOR SELECT
    USING (EXISTS (SELECT 1 FROM dtks.usulan u WHERE u.id OPERATOR(pg_catalog.=) usulan));
COMMENT ON POLICY usulan_temuan_lihat ON dtks.usulan_temuan IS 'The findings of the usulan the role may see';
ALTER TABLE dtks.usulan_padan ENABLE ROW LEVEL SECURITY;
CREATE POLICY usulan_padan_lihat ON dtks.usulan_padan FOR SELECT
    USING (EXISTS (SELECT 1 FROM dtks.usulan u WHERE u.id OPERATOR(pg_catalog.=) usulan));
COMMENT ON POLICY usulan_padan_lihat ON dtks.usulan_padan IS 'The links of the usulan the role may see';

-- The registry: read inside the region.  Changes reach it through the penetapan only.
GRANT SELECT ON dtks.rumah_tangga, dtks.keluarga, dtks.anggota, dtks.keanggotaan, dtks.skor_keluarga
    TO dtks_desa, dtks_kabkota, dtks_provinsi, dtks_pusat, dtks_pt;
ALTER TABLE dtks.rumah_tangga ENABLE ROW LEVEL SECURITY;
CREATE POLICY wilayah_petugas ON dtks.rumah_tangga
    USING ((SELECT dtks.petugas_nasional()) OR kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas()));
COMMENT ON POLICY wilayah_petugas ON dtks.rumah_tangga IS 'Households inside the office''s region';
ALTER TABLE dtks.keluarga ENABLE ROW LEVEL SECURITY;
CREATE POLICY wilayah_petugas ON dtks.keluarga
    USING ((SELECT dtks.petugas_nasional())
           OR rumah_tangga_id IN (SELECT r.id FROM dtks.rumah_tangga r
                                   WHERE r.kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas())));
COMMENT ON POLICY wilayah_petugas ON dtks.keluarga IS 'Families whose household is inside the office''s region';
ALTER TABLE dtks.keanggotaan ENABLE ROW LEVEL SECURITY;
CREATE POLICY wilayah_petugas ON dtks.keanggotaan
    USING ((SELECT dtks.petugas_nasional())
           OR no_kk IN (SELECT k.no_kk FROM dtks.keluarga k JOIN dtks.rumah_tangga r ON r.id OPERATOR(pg_catalog.=) k.rumah_tangga_id
                         WHERE r.kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas())));
COMMENT ON POLICY wilayah_petugas ON dtks.keanggotaan IS 'Memberships of families inside the office''s region';
ALTER TABLE dtks.anggota ENABLE ROW LEVEL SECURITY;
CREATE POLICY wilayah_petugas ON dtks.anggota
    USING ((SELECT dtks.petugas_nasional())
           OR nik IN (SELECT m.nik FROM dtks.keanggotaan m
                        JOIN dtks.keluarga k ON k.no_kk OPERATOR(dtks.=) m.no_kk
                        JOIN dtks.rumah_tangga r ON r.id OPERATOR(pg_catalog.=) k.rumah_tangga_id
                       WHERE r.kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas())));
COMMENT ON POLICY wilayah_petugas ON dtks.anggota IS 'People who are or were members of a family inside the office''s region';
ALTER TABLE dtks.skor_keluarga ENABLE ROW LEVEL SECURITY;
CREATE POLICY wilayah_petugas ON dtks.skor_keluarga
    USING ((SELECT dtks.petugas_nasional())
           OR no_kk IN (SELECT k.no_kk FROM dtks.keluarga k JOIN dtks.rumah_tangga r ON r.id OPERATOR(pg_catalog.=) k.rumah_tangga_id
                         WHERE r.kode_wilayah OPERATOR(dtks.<@) (SELECT dtks.wilayah_petugas())));
COMMENT ON POLICY wilayah_petugas ON dtks.skor_keluarga IS 'Scores of families inside the office''s region';
