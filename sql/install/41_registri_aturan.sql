-- The integrity rules of the registry, enforced at commit.
--
-- Per changed row an immediate C trigger (dtks.registri_catat) only records the
-- key it touched (NIK, KK, household) in a transaction-local set; a deferred
-- constraint trigger (dtks.registri_periksa) checks all recorded keys at once
-- with dtks.registri_pelanggaran() the first time it fires at commit, and
-- raises on the first violation, which rolls the whole transaction back.
-- SET CONSTRAINTS ALL IMMEDIATE checks at once instead.

CREATE FUNCTION dtks.registri_pelanggaran(nik_diubah dtks.nik[], kk_diubah dtks.no_kk[], rt_diubah bigint[])
    RETURNS TABLE (aturan integer, no_kk dtks.no_kk, nik dtks.nik, rumah_tangga_id bigint, pesan text, rincian text)
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
WITH
    nik_ubah AS (SELECT DISTINCT u AS nik FROM unnest(nik_diubah) AS u),
    kk AS (SELECT DISTINCT x AS no_kk FROM (
              SELECT u FROM unnest(kk_diubah) AS u
              UNION ALL
              SELECT m.no_kk FROM nik_ubah n JOIN dtks.keanggotaan m ON m.nik = n.nik AND upper_inf(m.berlaku)) AS s(x)),
    kini AS (SELECT m.no_kk, m.nik, m.shdk, a.jenis_kelamin
               FROM kk JOIN dtks.keanggotaan m ON m.no_kk = kk.no_kk AND upper_inf(m.berlaku)
               JOIN dtks.anggota a ON a.nik = m.nik),
    ringkas AS (SELECT f.no_kk, f.status, f.rumah_tangga_id,
                       count(k.nik) FILTER (WHERE k.shdk = 1) AS kepala,
                       count(k.nik) FILTER (WHERE k.shdk = 2) AS suami,
                       min(k.jenis_kelamin) FILTER (WHERE k.shdk = 1) AS jk_kepala,
                       count(k.nik) AS anggota
                  FROM kk JOIN dtks.keluarga f ON f.no_kk = kk.no_kk
                  LEFT JOIN kini k ON k.no_kk = f.no_kk
                 GROUP BY f.no_kk, f.status, f.rumah_tangga_id),
    rt AS (SELECT DISTINCT x AS id FROM (
              SELECT u FROM unnest(rt_diubah) AS u
              UNION ALL
              SELECT r.rumah_tangga_id FROM ringkas r) AS s(x))
SELECT 1, b.no_kk, a.nik, NULL::bigint,
       format('rule 1 (one family at a time): NIK %s is in KK %s and KK %s at the same time', a.nik, a.no_kk, b.no_kk),
       format('The memberships overlap on %s; close one (set the end of its berlaku) before opening the other.',
              a.berlaku * b.berlaku)
  FROM nik_ubah n
  JOIN dtks.keanggotaan a ON a.nik = n.nik
  JOIN dtks.keanggotaan b ON b.nik = a.nik AND b.id > a.id AND b.berlaku && a.berlaku
UNION ALL
SELECT 2, r.no_kk, NULL, r.rumah_tangga_id,
       format('rule 2 (one kepala keluarga): active KK %s has %s kepala keluarga', r.no_kk, r.kepala),
       'An active family has exactly one current member with SHDK 1; the rule is checked at commit, so members can be added in any order.'
  FROM ringkas r WHERE r.status = 'aktif' AND r.kepala <> 1
UNION ALL
SELECT 2, r.no_kk, NULL, r.rumah_tangga_id,
       format('rule 2 (one kepala keluarga): KK %s is nonaktif but has %s current members', r.no_kk, r.anggota),
       'When a KK is replaced or dissolved, close the memberships of its members.'
  FROM ringkas r WHERE r.status = 'nonaktif' AND r.anggota > 0
UNION ALL
SELECT 3, r.no_kk, NULL, r.rumah_tangga_id,
       format('rule 3 (suami and istri): KK %s has %s suami', r.no_kk, r.suami),
       'A family has at most one member with SHDK 2 (suami).'
  FROM ringkas r WHERE r.suami > 1
UNION ALL
SELECT 3, k.no_kk, k.nik, NULL,
       format('rule 3 (suami and istri): NIK %s is %s in KK %s but is recorded as %s', k.nik,
              CASE k.shdk WHEN 2 THEN 'suami' ELSE 'istri' END, k.no_kk,
              CASE k.jenis_kelamin WHEN 'L' THEN 'male' ELSE 'female' END),
       'A suami (SHDK 2) is male and an istri (SHDK 3) is female.'
  FROM kini k WHERE (k.shdk = 2 AND k.jenis_kelamin <> 'L') OR (k.shdk = 3 AND k.jenis_kelamin <> 'P')
UNION ALL
SELECT 3, k.no_kk, k.nik, NULL,
       format('rule 3 (suami and istri): NIK %s is %s in KK %s whose kepala keluarga is also %s', k.nik,
              CASE k.shdk WHEN 2 THEN 'suami' ELSE 'istri' END, k.no_kk,
              CASE r.jk_kepala WHEN 'L' THEN 'male' ELSE 'female' END),
       'A suami or istri is only recorded where the kepala keluarga is of the other sex.'
  FROM kini k JOIN ringkas r ON r.no_kk = k.no_kk
 WHERE (k.shdk = 2 AND r.jk_kepala = 'L') OR (k.shdk = 3 AND r.jk_kepala = 'P')
UNION ALL
SELECT 4, NULL, h.kepala_nik, h.id,
       CASE WHEN h.kepala_nik IS NULL
            THEN format('rule 4 (one kepala rumah tangga): household %s has no kepala rumah tangga', h.id)
            ELSE format('rule 4 (one kepala rumah tangga): NIK %s heads household %s but is not a current member of its active families',
                        h.kepala_nik, h.id) END,
       'A household with active families names exactly one kepala rumah tangga (kepala_nik), a current member of one of them.'
  FROM rt JOIN dtks.rumah_tangga h ON h.id = rt.id
 WHERE CASE WHEN h.kepala_nik IS NULL
            THEN EXISTS (SELECT 1 FROM dtks.keluarga f WHERE f.rumah_tangga_id = h.id AND f.status = 'aktif')
            ELSE NOT EXISTS (SELECT 1 FROM dtks.keluarga f
                               JOIN dtks.keanggotaan m ON m.no_kk = f.no_kk AND upper_inf(m.berlaku)
                              WHERE f.rumah_tangga_id = h.id AND f.status = 'aktif' AND m.nik = h.kepala_nik) END;
END;
COMMENT ON FUNCTION dtks.registri_pelanggaran(dtks.nik[], dtks.no_kk[], bigint[]) IS
    'Violations of registry rules 1-4 among the given NIKs, KKs and households (and the KKs and households they touch); what the commit-time check runs, and usable on its own after a load with triggers off';

CREATE FUNCTION dtks.registri_catat() RETURNS trigger
    AS 'MODULE_PATHNAME', 'registri_catat' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION dtks.registri_catat() IS
    'Row trigger: record the NIK, KK or household a change touched (arguments column:nik|kk|rt) for the commit-time check';

CREATE FUNCTION dtks.registri_periksa() RETURNS trigger
    AS 'MODULE_PATHNAME', 'registri_periksa' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION dtks.registri_periksa() IS
    'Deferred constraint trigger: check registry rules 1-4 for every key recorded in the transaction, once';

CREATE TRIGGER registri_catat AFTER INSERT OR UPDATE OR DELETE ON dtks.keanggotaan
    FOR EACH ROW EXECUTE FUNCTION dtks.registri_catat('nik:nik', 'no_kk:kk');
COMMENT ON TRIGGER registri_catat ON dtks.keanggotaan IS 'Record the NIK and KK of a changed membership';
CREATE CONSTRAINT TRIGGER registri_aturan AFTER INSERT OR UPDATE OR DELETE ON dtks.keanggotaan
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dtks.registri_periksa();
COMMENT ON TRIGGER registri_aturan ON dtks.keanggotaan IS 'Rules 1-4, at commit';

CREATE TRIGGER registri_catat AFTER INSERT OR UPDATE OR DELETE ON dtks.keluarga
    FOR EACH ROW EXECUTE FUNCTION dtks.registri_catat('no_kk:kk', 'rumah_tangga_id:rt');
COMMENT ON TRIGGER registri_catat ON dtks.keluarga IS 'Record the KK and household of a changed family';
CREATE CONSTRAINT TRIGGER registri_aturan AFTER INSERT OR UPDATE OR DELETE ON dtks.keluarga
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dtks.registri_periksa();
COMMENT ON TRIGGER registri_aturan ON dtks.keluarga IS 'Rules 1-4, at commit';

CREATE TRIGGER registri_catat AFTER UPDATE ON dtks.anggota
    FOR EACH ROW EXECUTE FUNCTION dtks.registri_catat('nik:nik');
COMMENT ON TRIGGER registri_catat ON dtks.anggota IS 'Record a person whose recorded data (e.g. sex) changed';
CREATE CONSTRAINT TRIGGER registri_aturan AFTER UPDATE ON dtks.anggota
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dtks.registri_periksa();
COMMENT ON TRIGGER registri_aturan ON dtks.anggota IS 'Rules 1-4, at commit';

CREATE TRIGGER registri_catat AFTER INSERT OR UPDATE ON dtks.rumah_tangga
    FOR EACH ROW EXECUTE FUNCTION dtks.registri_catat('id:rt');
COMMENT ON TRIGGER registri_catat ON dtks.rumah_tangga IS 'Record a changed household';
CREATE CONSTRAINT TRIGGER registri_aturan AFTER INSERT OR UPDATE ON dtks.rumah_tangga
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dtks.registri_periksa();
COMMENT ON TRIGGER registri_aturan ON dtks.rumah_tangga IS 'Rules 1-4, at commit';

CREATE FUNCTION dtks.keanggotaan_hanya_ditutup() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NEW.nik OPERATOR(dtks.<>) OLD.nik OR NEW.no_kk OPERATOR(dtks.<>) OLD.no_kk OR NEW.shdk <> OLD.shdk
       OR lower(NEW.berlaku) <> lower(OLD.berlaku)
       OR (NOT upper_inf(OLD.berlaku) AND NEW.berlaku <> OLD.berlaku) THEN
        RAISE EXCEPTION 'membership % of KK % is history and cannot be rewritten', OLD.id, OLD.no_kk
            USING ERRCODE = '55000',
                  DETAIL = 'A membership can only be closed (the end of an open berlaku set); open a new membership for a new KK or SHDK.';
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION dtks.keanggotaan_hanya_ditutup() IS
    'Row trigger: a membership is never rewritten; the only change allowed is closing an open period';
CREATE TRIGGER keanggotaan_hanya_ditutup BEFORE UPDATE ON dtks.keanggotaan
    FOR EACH ROW EXECUTE FUNCTION dtks.keanggotaan_hanya_ditutup();
COMMENT ON TRIGGER keanggotaan_hanya_ditutup ON dtks.keanggotaan IS 'Memberships are history: only closing is allowed';
