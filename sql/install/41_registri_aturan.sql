-- The integrity rules of the registry, enforced at commit.
--
-- After each statement a C trigger (dtks.registri_catat) reads the statement's
-- transition tables and records the keys it touched (NIK, KK, household) in
-- transaction-local sets; nothing runs per row.  The first statement of a
-- transaction also inserts one row into dtks.registri_tertunda, whose deferred
-- constraint trigger (dtks.registri_periksa) checks every recorded key with one
-- set-based query, dtks.registri_pelanggaran(), at commit, and raises on the
-- first violation, which rolls the whole transaction back.  The writer inserts
-- that row itself (no switch to the owner): anyone may, naming only its own
-- transaction, and nobody but the check removes it.  While the penetapan runs
-- (as the owner in a security-restricted operation, which refuses a deferred
-- trigger event) no row is inserted: the penetapan checks the recorded keys
-- itself (dtks.registri_periksa_sekarang) before it records the month.
-- SET CONSTRAINTS ALL IMMEDIATE checks at once instead.  When the keys outnumber
-- half of the memberships, the whole registry is checked instead (NULL arrays),
-- and a pass in C (src/registri_semua.c) first decides whether it is certainly
-- clean, so that the query runs only to find and word a violation.

CREATE FUNCTION dtks.registri_pelanggaran(nik_diubah dtks.nik[], kk_diubah dtks.no_kk[], rt_diubah bigint[])
    RETURNS TABLE (aturan integer, no_kk dtks.no_kk, nik dtks.nik, rumah_tangga_id bigint, pesan text, rincian text)
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
-- The rules read only the scoped sets below.  Each scoped set has a branch that
-- starts from the given keys (index probes) and a branch that reads the whole
-- table when that kind of key is NULL; the planner drops the branch whose
-- constant condition is false.
WITH
    nik_ubah AS (SELECT DISTINCT u AS nik FROM pg_catalog.unnest(nik_diubah) AS u),
    -- the KKs given, and the current KK of every NIK given
    kk AS (SELECT DISTINCT x AS no_kk FROM (
              SELECT u FROM pg_catalog.unnest(kk_diubah) AS u
              UNION ALL
              SELECT m.no_kk FROM nik_ubah n JOIN dtks.keanggotaan m ON m.nik OPERATOR(dtks.=) n.nik AND pg_catalog.upper_inf(m.berlaku)) AS s(x)),
    -- every membership, current or closed, of the NIKs checked
    milik_nik AS NOT MATERIALIZED (
        SELECT m.id, m.nik, m.no_kk, m.shdk, m.berlaku FROM nik_ubah n JOIN dtks.keanggotaan m ON m.nik OPERATOR(dtks.=) n.nik
         WHERE nik_diubah IS NOT NULL
        UNION ALL
        SELECT m.id, m.nik, m.no_kk, m.shdk, m.berlaku FROM dtks.keanggotaan m WHERE nik_diubah IS NULL),
    -- every membership of the KKs checked
    milik_kk AS NOT MATERIALIZED (
        SELECT m.id, m.nik, m.no_kk, m.shdk, m.berlaku FROM kk JOIN dtks.keanggotaan m ON m.no_kk OPERATOR(dtks.=) kk.no_kk
         WHERE kk_diubah IS NOT NULL
        UNION ALL
        SELECT m.id, m.nik, m.no_kk, m.shdk, m.berlaku FROM dtks.keanggotaan m WHERE kk_diubah IS NULL),
    -- the families checked
    keluarga_kk AS NOT MATERIALIZED (
        SELECT f.no_kk, f.status, f.rumah_tangga_id, f.asal_no_kk FROM kk JOIN dtks.keluarga f ON f.no_kk OPERATOR(dtks.=) kk.no_kk
         WHERE kk_diubah IS NOT NULL
        UNION ALL
        SELECT f.no_kk, f.status, f.rumah_tangga_id, f.asal_no_kk FROM dtks.keluarga f WHERE kk_diubah IS NULL),
    -- their current kepala keluarga, suami and istri, with the recorded sex
    inti AS (SELECT k.no_kk, k.nik, k.shdk, a.jenis_kelamin
               FROM milik_kk k JOIN dtks.anggota a ON a.nik OPERATOR(dtks.=) k.nik
              WHERE pg_catalog.upper_inf(k.berlaku) AND k.shdk OPERATOR(pg_catalog.=) ANY (ARRAY[1, 2, 3])),
    -- their current membership counts
    ringkas AS (SELECT f.no_kk, f.status, f.rumah_tangga_id,
                       coalesce(h.kepala, 0) AS kepala, coalesce(h.suami, 0) AS suami,
                       coalesce(h.istri, 0) AS istri, coalesce(h.anggota, 0) AS anggota
                  FROM keluarga_kk f
                  LEFT JOIN (SELECT k.no_kk,
                                    pg_catalog.count(*) FILTER (WHERE k.shdk OPERATOR(pg_catalog.=) 1) AS kepala,
                                    pg_catalog.count(*) FILTER (WHERE k.shdk OPERATOR(pg_catalog.=) 2) AS suami,
                                    pg_catalog.count(*) FILTER (WHERE k.shdk OPERATOR(pg_catalog.=) 3) AS istri,
                                    pg_catalog.count(*) AS anggota
                               FROM milik_kk k WHERE pg_catalog.upper_inf(k.berlaku) GROUP BY k.no_kk) AS h ON h.no_kk OPERATOR(dtks.=) f.no_kk),
    -- the households given and those of the families checked
    rt AS (SELECT h.id, h.kepala_nik, h.kode_wilayah
             FROM (SELECT DISTINCT x AS id FROM (SELECT u FROM pg_catalog.unnest(rt_diubah) AS u
                                                UNION ALL
                                                SELECT r.rumah_tangga_id FROM ringkas r) AS s(x)) AS d
             JOIN dtks.rumah_tangga h ON h.id OPERATOR(pg_catalog.=) d.id
            WHERE rt_diubah IS NOT NULL
           UNION ALL
           SELECT h.id, h.kepala_nik, h.kode_wilayah FROM dtks.rumah_tangga h WHERE rt_diubah IS NULL)
SELECT 1, b.no_kk, a.nik, NULL::bigint,
       pg_catalog.format('rule 1 (one family at a time): NIK %s is in KK %s and KK %s at the same time', a.nik, a.no_kk, b.no_kk),
       pg_catalog.format('The memberships overlap on %s; close one (set the end of its berlaku) before opening the other.',
              a.berlaku OPERATOR(pg_catalog.*) b.berlaku)
  FROM milik_nik a
  JOIN dtks.keanggotaan b ON b.nik OPERATOR(dtks.=) a.nik AND b.id OPERATOR(pg_catalog.>) a.id AND b.berlaku OPERATOR(pg_catalog.&&) a.berlaku
UNION ALL
SELECT 2, r.no_kk, NULL, r.rumah_tangga_id,
       pg_catalog.format('rule 2 (one kepala keluarga): active KK %s has %s kepala keluarga', r.no_kk, r.kepala),
       'An active family has exactly one current member with SHDK 1; the rule is checked at commit, so members can be added in any order.'
  FROM ringkas r WHERE r.status OPERATOR(pg_catalog.=) 'aktif' AND r.kepala OPERATOR(pg_catalog.<>) 1
UNION ALL
SELECT 2, r.no_kk, NULL, r.rumah_tangga_id,
       pg_catalog.format('rule 2 (one kepala keluarga): KK %s is nonaktif but has %s current members', r.no_kk, r.anggota),
       'When a KK is replaced or dissolved, close the memberships of its members.'
  FROM ringkas r WHERE r.status OPERATOR(pg_catalog.=) 'nonaktif' AND r.anggota OPERATOR(pg_catalog.>) 0
UNION ALL
SELECT 3, r.no_kk, NULL, r.rumah_tangga_id,
       pg_catalog.format('rule 3 (suami and istri): KK %s has %s suami', r.no_kk, r.suami),
       'A family has at most one member with SHDK 2 (suami).'
  FROM ringkas r WHERE r.suami OPERATOR(pg_catalog.>) 1
UNION ALL
SELECT 3, k.no_kk, k.nik, NULL,
       pg_catalog.format('rule 3 (suami and istri): NIK %s is %s in KK %s but is recorded as %s', k.nik,
              CASE WHEN k.shdk OPERATOR(pg_catalog.=) 2 THEN 'suami' ELSE 'istri' END, k.no_kk,
              CASE WHEN k.jenis_kelamin OPERATOR(pg_catalog.=) 'L' THEN 'male' ELSE 'female' END),
       'A suami (SHDK 2) is male and an istri (SHDK 3) is female.'
  FROM inti k WHERE (k.shdk OPERATOR(pg_catalog.=) 2 AND k.jenis_kelamin OPERATOR(pg_catalog.<>) 'L') OR (k.shdk OPERATOR(pg_catalog.=) 3 AND k.jenis_kelamin OPERATOR(pg_catalog.<>) 'P')
UNION ALL
SELECT 3, k.no_kk, k.nik, NULL,
       pg_catalog.format('rule 3 (suami and istri): NIK %s is %s in KK %s whose kepala keluarga is also %s', k.nik,
              CASE WHEN k.shdk OPERATOR(pg_catalog.=) 2 THEN 'suami' ELSE 'istri' END, k.no_kk,
              CASE WHEN k.kepala_kelamin OPERATOR(pg_catalog.=) 'L' THEN 'male' ELSE 'female' END),
       'A suami or istri is only recorded where the kepala keluarga is of the other sex.'
  -- (the kepala's sex beside each member by a window, not a self-join the planner misjudges)
  FROM (SELECT i.*, pg_catalog.max(i.jenis_kelamin) FILTER (WHERE i.shdk OPERATOR(pg_catalog.=) 1) OVER (PARTITION BY i.no_kk) AS kepala_kelamin
          FROM inti i) k
 WHERE (k.shdk OPERATOR(pg_catalog.=) 2 AND k.kepala_kelamin OPERATOR(pg_catalog.=) 'L') OR (k.shdk OPERATOR(pg_catalog.=) 3 AND k.kepala_kelamin OPERATOR(pg_catalog.=) 'P')
UNION ALL
SELECT 4, NULL, NULL, h.id,
       pg_catalog.format('rule 4 (one kepala rumah tangga): household %s has no kepala rumah tangga', h.id),
       'A household with active families names exactly one kepala rumah tangga (kepala_nik), a current member of one of them.'
  FROM rt h
 WHERE h.kepala_nik IS NULL
   AND EXISTS (SELECT 1 FROM dtks.keluarga f WHERE f.rumah_tangga_id OPERATOR(pg_catalog.=) h.id AND f.status OPERATOR(pg_catalog.=) 'aktif')
UNION ALL
SELECT 4, NULL, h.kepala_nik, h.id,
       pg_catalog.format('rule 4 (one kepala rumah tangga): NIK %s heads household %s but is not a current member of its active families',
              h.kepala_nik, h.id),
       'A household with active families names exactly one kepala rumah tangga (kepala_nik), a current member of one of them.'
  FROM rt h
  LEFT JOIN (dtks.keanggotaan m JOIN dtks.keluarga f ON f.no_kk OPERATOR(dtks.=) m.no_kk AND f.status OPERATOR(pg_catalog.=) 'aktif')
         ON m.nik OPERATOR(dtks.=) h.kepala_nik AND pg_catalog.upper_inf(m.berlaku) AND f.rumah_tangga_id OPERATOR(pg_catalog.=) h.id
 WHERE h.kepala_nik IS NOT NULL AND m.id IS NULL
UNION ALL
SELECT 0, m.no_kk, m.nik, NULL::bigint,
       pg_catalog.format('references: membership %s points to NIK %s that does not exist', m.id, m.nik),
       'Every membership names an existing person (dtks.anggota) and an existing KK (dtks.keluarga).'
  FROM milik_nik m
 WHERE NOT EXISTS (SELECT 1 FROM dtks.anggota a WHERE a.nik OPERATOR(dtks.=) m.nik)
UNION ALL
SELECT 0, m.no_kk, m.nik, NULL::bigint,
       pg_catalog.format('references: membership %s points to KK %s that does not exist', m.id, m.no_kk),
       'Every membership names an existing person (dtks.anggota) and an existing KK (dtks.keluarga).'
  FROM milik_kk m
 WHERE NOT EXISTS (SELECT 1 FROM dtks.keluarga f WHERE f.no_kk OPERATOR(dtks.=) m.no_kk)
UNION ALL
SELECT 0, f.no_kk, NULL, f.rumah_tangga_id,
       pg_catalog.format('references: KK %s points to household %s that does not exist', f.no_kk, f.rumah_tangga_id),
       'A KK lives in an existing household, and the KK it came from (asal_no_kk) exists.'
  FROM (SELECT g.no_kk, g.rumah_tangga_id FROM keluarga_kk g
        UNION ALL
        SELECT g.no_kk, g.rumah_tangga_id FROM pg_catalog.unnest(rt_diubah) AS u JOIN dtks.keluarga g ON g.rumah_tangga_id OPERATOR(pg_catalog.=) u) AS f
 WHERE NOT EXISTS (SELECT 1 FROM dtks.rumah_tangga h WHERE h.id OPERATOR(pg_catalog.=) f.rumah_tangga_id)
UNION ALL
SELECT 0, f.no_kk, NULL, f.rumah_tangga_id,
       pg_catalog.format('references: KK %s points to KK %s that does not exist', f.no_kk, f.asal_no_kk),
       'A KK lives in an existing household, and the KK it came from (asal_no_kk) exists.'
  FROM (SELECT g.no_kk, g.rumah_tangga_id, g.asal_no_kk FROM keluarga_kk g
        UNION ALL
        SELECT g.no_kk, g.rumah_tangga_id, g.asal_no_kk FROM pg_catalog.unnest(kk_diubah) AS u JOIN dtks.keluarga g ON g.asal_no_kk OPERATOR(dtks.=) u) AS f
 WHERE f.asal_no_kk IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dtks.keluarga g WHERE g.no_kk OPERATOR(dtks.=) f.asal_no_kk)
UNION ALL
SELECT 5, NULL, NULL, h.id,
       pg_catalog.format('rule 5 (region of the current edition): household %s is in %s, which is not a code of the current edition',
              h.id, h.kode_wilayah),
       'A household''s kode_wilayah is a desa/kelurahan in dtks.wilayah (the current edition).'
  FROM rt h
 WHERE NOT EXISTS (SELECT 1 FROM dtks.wilayah w WHERE w.kode OPERATOR(dtks.=) h.kode_wilayah);
END;
COMMENT ON FUNCTION dtks.registri_pelanggaran(dtks.nik[], dtks.no_kk[], bigint[]) IS
    'Violations of the registry rules (0 references, 1-5) among the given NIKs, KKs and households and those they touch (all three NULL: the whole registry); what the commit-time check runs, and usable on its own after a load with triggers off';

CREATE UNLOGGED TABLE dtks.registri_tertunda (
    transaksi xid8 PRIMARY KEY DEFAULT pg_catalog.pg_current_xact_id()
        CONSTRAINT registri_tertunda_transaksi_ini CHECK (transaksi OPERATOR(pg_catalog.=) pg_catalog.pg_current_xact_id())
);
COMMENT ON TABLE dtks.registri_tertunda IS
    'One row while a transaction has registry changes not yet checked; its deferred trigger runs the check at commit';
COMMENT ON COLUMN dtks.registri_tertunda.transaksi IS 'The transaction';
COMMENT ON INDEX dtks.registri_tertunda_pkey IS 'One row per transaction';
COMMENT ON CONSTRAINT registri_tertunda_transaksi_ini ON dtks.registri_tertunda IS
    'A row names the transaction that inserts it (the check deletes it before commit; the table is empty between transactions and not dumped)';
-- the writer marks its own transaction (dtks.registri_catat, no switch to the owner); no UPDATE, DELETE or TRUNCATE
GRANT INSERT ON dtks.registri_tertunda TO PUBLIC;

CREATE FUNCTION dtks.registri_catat() RETURNS trigger
    AS 'MODULE_PATHNAME', 'registri_catat' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION dtks.registri_catat() IS
    'Statement trigger: record the NIKs, KKs or households a statement touched, from its transition tables (arguments column:nik|kk|rt), for the commit-time check';

CREATE FUNCTION dtks.registri_periksa() RETURNS trigger
    AS 'MODULE_PATHNAME', 'registri_periksa' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION dtks.registri_periksa() IS
    'Deferred constraint trigger on dtks.registri_tertunda: check the registry rules for every key recorded in the transaction';

CREATE FUNCTION dtks.registri_periksa_sekarang() RETURNS void
    AS 'MODULE_PATHNAME', 'registri_periksa_sekarang' LANGUAGE C VOLATILE PARALLEL UNSAFE;
REVOKE ALL ON FUNCTION dtks.registri_periksa_sekarang() FROM PUBLIC;
COMMENT ON FUNCTION dtks.registri_periksa_sekarang() IS
    'Part of dtks.penetapan_jalankan: check the registry rules now for every key recorded in the transaction, as the commit check does (which the penetapan''s restricted operation cannot queue); raises as it does';

CREATE CONSTRAINT TRIGGER registri_aturan AFTER INSERT ON dtks.registri_tertunda
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dtks.registri_periksa();
COMMENT ON TRIGGER registri_aturan ON dtks.registri_tertunda IS 'The registry rules, at commit';

-- three statement triggers per table (a trigger with transition tables has one event)
DO $catat$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT * FROM (VALUES
                ('keanggotaan', ARRAY['nik:nik', 'no_kk:kk']),
                ('keluarga', ARRAY['no_kk:kk', 'rumah_tangga_id:rt', 'asal_no_kk:kk']),
                ('anggota', ARRAY['nik:nik']),
                ('rumah_tangga', ARRAY['id:rt'])) AS v(tabel, arg)
    LOOP
        EXECUTE pg_catalog.format('CREATE TRIGGER registri_catat_insert AFTER INSERT ON dtks.%I REFERENCING NEW TABLE AS baru '
                       'FOR EACH STATEMENT EXECUTE FUNCTION dtks.registri_catat(%s)',
                       t.tabel, (SELECT pg_catalog.string_agg(pg_catalog.quote_literal(a), ', ') FROM pg_catalog.unnest(t.arg) a));
        EXECUTE pg_catalog.format('CREATE TRIGGER registri_catat_update AFTER UPDATE ON dtks.%I REFERENCING OLD TABLE AS lama NEW TABLE AS baru '
                       'FOR EACH STATEMENT EXECUTE FUNCTION dtks.registri_catat(%s)',
                       t.tabel, (SELECT pg_catalog.string_agg(pg_catalog.quote_literal(a), ', ') FROM pg_catalog.unnest(t.arg) a));
        EXECUTE pg_catalog.format('CREATE TRIGGER registri_catat_delete AFTER DELETE ON dtks.%I REFERENCING OLD TABLE AS lama '
                       'FOR EACH STATEMENT EXECUTE FUNCTION dtks.registri_catat(%s)',
                       t.tabel, (SELECT pg_catalog.string_agg(pg_catalog.quote_literal(a), ', ') FROM pg_catalog.unnest(t.arg) a));
        EXECUTE pg_catalog.format('COMMENT ON TRIGGER registri_catat_insert ON dtks.%I IS %L', t.tabel, 'Record the keys of inserted rows for the commit-time check');
        EXECUTE pg_catalog.format('COMMENT ON TRIGGER registri_catat_update ON dtks.%I IS %L', t.tabel, 'Record the keys of updated rows (old and new) for the commit-time check');
        EXECUTE pg_catalog.format('COMMENT ON TRIGGER registri_catat_delete ON dtks.%I IS %L', t.tabel, 'Record the keys of deleted rows for the commit-time check');
    END LOOP;
END
$catat$;

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
