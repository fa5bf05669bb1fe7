-- 1.1: dtks.nama_kunci closes the gaps found with realistic names (issue 19): Tanjoeng keys as
-- TANJUNG again (an NJ or J inside a word is the old NY or Y only after an earlier old mark), HJ
-- and the old J of Jusuf, Junus, Jakub, Jasin, Jazid, Jahja read as Y, the degrees of Permenristekdikti 59/2018 with
-- dots (A.Md.*, S.Tr.*, Sp.*, ...) and without them at the end, religious and customary titles,
-- the forms of Ahmad.  The function moves to the C symbol nama_kunci_11; the symbol nama_kunci a
-- 1.0 database declares keeps the 1.0 rules, so that what such a database stored from the key
-- stays right while it runs the new library before this update.
--
-- The key is IMMUTABLE, so whatever was stored from it must be made again now that it changes:
-- 1.0 itself stores no key (dtks.instansi.nama_kunci is a generated column of its own, an
-- upper-cased regexp_replace of the agency's name that does not call dtks.nama_kunci, and no index
-- of 1.0 is on it; padankan_usulan compares the keys at run time), but a site may have built an
-- expression index, a stored generated column or a materialized view on it, and an earlier
-- fragment of this update may have.  Those are found through pg_depend and rebuilt below: indexes
-- REINDEXed, generated columns recomputed by an UPDATE of their table, materialized views
-- refreshed.  A CHECK constraint calling it is not re-checked (PostgreSQL does not re-validate a
-- valid constraint); a notice names it.  The findings of earlier matching runs (usulan_temuan
-- nama_beda) are not rewritten: they record what each run decided; the next padankan_usulan run
-- compares with the new key.  A UNIQUE index on the key fails the update (unique_violation, naming
-- the index) when two rows that differed under the 1.0 rules now meet (Budi Santoso SE and Budi
-- Santoso): such rows are one person under the new rules, and the site decides which stays.
-- Rebuilding needs the right to REINDEX and UPDATE those objects (their owner or a superuser).

CREATE OR REPLACE FUNCTION dtks.nama_kunci(nama text) RETURNS text
    AS 'MODULE_PATHNAME', 'nama_kunci_11' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nama_kunci(text) IS
    'A matching key for an Indonesian personal name: upper case, letters only; degrees after a comma, written with dots (S.Pd., A.Md.Kep., S.Tr.Kes., Sp.PD, Lc.) or without them at the end (SE, MM) dropped; titles before the name dropped (H., Hj., Drs., Prof., K.H., Kyai, Ust., Pdt., Sr., Pastor, Romo, Tuan Guru, Raden), names such as I, Ni, Ida Bagus, Andi, Teuku, Cut, Habib kept; the old spelling read in words that carry it (oe/u, dj/j, tj/c, sj/sy, hj/hy; j/y and nj/ny after an earlier mark, nj/ny also at the start of a word) and j/y in Jusuf, Junus, Jakub, Jasin, Jazid, Jahja; CH/KH/DH/TH/PH/Q folded, doubled letters once; the forms of Muhammad as MUHAMAD and of Ahmad as AHMAD';

DO $nama_kunci$
DECLARE
    fungsi oid := 'dtks.nama_kunci(text)'::pg_catalog.regprocedure;
    r record;
BEGIN
    -- expression and partial indexes on the key (their own dependency on the function)
    FOR r IN SELECT DISTINCT d.objid::pg_catalog.regclass AS indeks
               FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) d.objid
              WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
                AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
                AND d.refobjid OPERATOR(pg_catalog.=) fungsi AND c.relkind IN ('i', 'I')
    LOOP
        EXECUTE pg_catalog.format('REINDEX INDEX %s', r.indeks);
    END LOOP;
    -- stored generated columns computed from the key: an UPDATE that assigns the table's ordinary
    -- columns to themselves computes them again (PostgreSQL recomputes a generated column only when a
    -- column it reads is assigned), and its indexes follow
    FOR r IN SELECT DISTINCT a.adrelid::pg_catalog.regclass AS tabel,
                    (SELECT pg_catalog.string_agg(pg_catalog.format('%1$I = %1$I', k.attname), ', ' ORDER BY k.attnum)
                       FROM pg_catalog.pg_attribute k
                      WHERE k.attrelid OPERATOR(pg_catalog.=) a.adrelid AND k.attnum OPERATOR(pg_catalog.>) 0
                        AND NOT k.attisdropped AND k.attgenerated OPERATOR(pg_catalog.=) ''
                        AND k.attidentity OPERATOR(pg_catalog.<>) 'a') AS kolom
               FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_attrdef a ON a.oid OPERATOR(pg_catalog.=) d.objid
              WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_attrdef'::pg_catalog.regclass
                AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
                AND d.refobjid OPERATOR(pg_catalog.=) fungsi
    LOOP
        IF r.kolom IS NOT NULL THEN
            EXECUTE pg_catalog.format('UPDATE %s SET %s', r.tabel, r.kolom);
        END IF;
    END LOOP;
    -- materialized views reading the key
    FOR r IN SELECT DISTINCT w.ev_class::pg_catalog.regclass AS tampilan
               FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_rewrite w ON w.oid OPERATOR(pg_catalog.=) d.objid
               JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) w.ev_class
              WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_rewrite'::pg_catalog.regclass
                AND d.refobjid OPERATOR(pg_catalog.=) fungsi AND c.relkind OPERATOR(pg_catalog.=) 'm'
                AND c.relispopulated
    LOOP
        EXECUTE pg_catalog.format('REFRESH MATERIALIZED VIEW %s', r.tampilan);
    END LOOP;
    FOR r IN SELECT DISTINCT o.conname, o.conrelid::pg_catalog.regclass AS tabel
               FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_constraint o ON o.oid OPERATOR(pg_catalog.=) d.objid
              WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_constraint'::pg_catalog.regclass
                AND d.refobjid OPERATOR(pg_catalog.=) fungsi
    LOOP
        RAISE NOTICE 'constraint % on % calls dtks.nama_kunci, whose rules changed: it is not checked again', r.conname, r.tabel;
    END LOOP;
END
$nama_kunci$;
