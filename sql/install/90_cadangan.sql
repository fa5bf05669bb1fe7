-- Backup and restore.
--
-- 1. The tables of policy a DBA may edit (steps, export fields, score variables and the shipped model,
-- programs and their exclusions) keep the DBA's edits through pg_dump/pg_restore.  The extension
-- records what it shipped (dtks.aturan_bawaan, written by CREATE EXTENSION, never dumped); pg_dump
-- dumps every row that is not a shipped row as shipped (edited shipped rows and new rows), and the
-- shipped rows the DBA deleted (dtks.aturan_dihapus, kept by a row trigger, dumped whole).  A restore
-- runs CREATE EXTENSION (the shipped rows again), then loads these: a loaded row whose key is a
-- shipped row still as shipped replaces it, and a loaded deletion deletes it.  The triggers fire
-- ALWAYS, so the recipe with session_replication_role = replica works the same way.  Whatever changes
-- the shipped rows later (an upgrade fragment, a new version) changes dtks.aturan_bawaan with them
-- (the upgrade test compares it with a fresh install's).
--
-- 2. A dump loaded with the tables' own triggers on (a plain pg_restore, as GUIs run it, or psql
-- loading a plain dump) would be refused table by table (the registry checked before all its tables
-- are in, usulan and permohonan rows not starting their process, the history recorded twice).  A
-- statement trigger on those tables recognises a COPY loading a dump: for a superuser it turns the
-- triggers off for that transaction (what the README's recipe does for the whole restore); anyone
-- else gets an error saying how to restore.

-- The tables of policy and the columns that identify a row of each.
CREATE TABLE dtks.aturan_tabel (
    tabel text PRIMARY KEY,
    kunci text[] NOT NULL
);
COMMENT ON TABLE dtks.aturan_tabel IS
    'The tables of policy shipped with rows a DBA may edit (all in schema dtks), and the columns that identify a row; their edits survive pg_dump/pg_restore';
COMMENT ON COLUMN dtks.aturan_tabel.tabel IS 'Table name in schema dtks';
COMMENT ON COLUMN dtks.aturan_tabel.kunci IS 'The columns of its primary or unique key';
COMMENT ON INDEX dtks.aturan_tabel_pkey IS 'One row per table';
INSERT INTO dtks.aturan_tabel (tabel, kunci) VALUES
    ('skor_variabel', '{nama}'),
    ('skor_model', '{versi}'),
    ('skor_bobot', '{versi,variabel,kode}'),
    ('program', '{kode}'),
    ('program_pengecualian', '{program,jenis}'),
    ('usulan_langkah', '{dari,ke,peran}'),
    ('ekspor_kolom', '{kolom}'),
    ('padan_bobot', '{model,bidang,tingkat}'),
    ('wilayah_singkatan', '{singkatan}');

-- The rows the extension shipped, as shipped.
CREATE TABLE dtks.aturan_bawaan (
    tabel text NOT NULL REFERENCES dtks.aturan_tabel (tabel),
    kunci jsonb NOT NULL,
    baris jsonb NOT NULL,
    PRIMARY KEY (tabel, kunci)
);
COMMENT ON TABLE dtks.aturan_bawaan IS
    'The rows of the tables of policy as the extension shipped them (written by CREATE EXTENSION and its updates, not dumped): pg_dump leaves out a row still equal to its shipped row, and a restored row replaces such a row';
COMMENT ON COLUMN dtks.aturan_bawaan.tabel IS 'Table (dtks.aturan_tabel)';
COMMENT ON COLUMN dtks.aturan_bawaan.kunci IS 'The key columns of the row (dtks.aturan_kunci)';
COMMENT ON COLUMN dtks.aturan_bawaan.baris IS 'The whole row as shipped (dtks.aturan_baris)';
COMMENT ON INDEX dtks.aturan_bawaan_pkey IS 'One row per table and key';

-- The shipped rows the DBA deleted.
CREATE TABLE dtks.aturan_dihapus (
    tabel text NOT NULL REFERENCES dtks.aturan_tabel (tabel),
    kunci jsonb NOT NULL,
    dihapus timestamptz NOT NULL DEFAULT pg_catalog.now(),
    PRIMARY KEY (tabel, kunci)
);
COMMENT ON TABLE dtks.aturan_dihapus IS
    'Shipped rows of the tables of policy that were deleted (kept by a trigger, dumped): loading a row here deletes that shipped row, which is how a restore deletes it again after CREATE EXTENSION; inserting the key again removes the row from here';
COMMENT ON COLUMN dtks.aturan_dihapus.tabel IS 'Table (dtks.aturan_tabel)';
COMMENT ON COLUMN dtks.aturan_dihapus.kunci IS 'The key of the deleted shipped row (dtks.aturan_kunci)';
COMMENT ON COLUMN dtks.aturan_dihapus.dihapus IS 'When it was deleted (for rows deleted before 1.1: when the update to 1.1 found them missing)';
COMMENT ON INDEX dtks.aturan_dihapus_pkey IS 'One row per table and key';
REVOKE ALL ON dtks.aturan_dihapus FROM PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('dtks.aturan_dihapus'::regclass, '');

-- A row as jsonb in one fixed text form (ISO dates whatever the session's DateStyle).
CREATE FUNCTION dtks.aturan_baris(baris anyelement) RETURNS jsonb
    LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    SET datestyle = 'ISO, YMD'
    SET intervalstyle = 'postgres'
AS $$
BEGIN
    RETURN pg_catalog.to_jsonb(baris);
END
$$;
COMMENT ON FUNCTION dtks.aturan_baris(anyelement) IS
    'A row as jsonb, with dates in ISO form whatever the session''s DateStyle: how shipped and current rows of the tables of policy are compared';

-- The key of a row of a table of policy (its key columns), as jsonb.
CREATE FUNCTION dtks.aturan_kunci(tabel text, baris jsonb) RETURNS jsonb
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT pg_catalog.jsonb_object_agg(k.kolom, baris OPERATOR(pg_catalog.->) k.kolom)
      FROM dtks.aturan_tabel t, pg_catalog.unnest(t.kunci) AS k(kolom)
     WHERE t.tabel OPERATOR(pg_catalog.=) aturan_kunci.tabel;
END;
COMMENT ON FUNCTION dtks.aturan_kunci(text, jsonb) IS
    'The key columns of a row (given as dtks.aturan_baris) of a table of policy, as a jsonb object; NULL for a table not in dtks.aturan_tabel';

-- Is this row a shipped row as shipped?  (pg_dump leaves such rows out.)
CREATE FUNCTION dtks.aturan_utuh(tabel text, baris anyelement) RETURNS boolean
    LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    j jsonb := dtks.aturan_baris(baris);
BEGIN
    RETURN EXISTS (SELECT 1 FROM dtks.aturan_bawaan b
                    WHERE b.tabel OPERATOR(pg_catalog.=) aturan_utuh.tabel
                      AND b.kunci OPERATOR(pg_catalog.=) dtks.aturan_kunci(aturan_utuh.tabel, j)
                      AND b.baris OPERATOR(pg_catalog.=) j);
END
$$;
COMMENT ON FUNCTION dtks.aturan_utuh(text, anyelement) IS
    'Whether a row of a table of policy is a shipped row exactly as shipped (the config-dump condition of these tables keeps every other row)';

-- The condition matching a table's row whose key equals that of a record (an SQL expression).
CREATE FUNCTION dtks.aturan_syarat(tabel text, rekaman text) RETURNS text
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT pg_catalog.string_agg(pg_catalog.format('t.%1$I IS NOT DISTINCT FROM (%2$s).%1$I', k.kolom, rekaman), ' AND ')
      FROM dtks.aturan_tabel t, pg_catalog.unnest(t.kunci) AS k(kolom)
     WHERE t.tabel OPERATOR(pg_catalog.=) aturan_syarat.tabel;
END;
COMMENT ON FUNCTION dtks.aturan_syarat(text, text) IS
    'The WHERE condition (on alias t) selecting the row of a table of policy whose key equals that of a record given as an SQL expression of the table''s row type';

-- Row trigger BEFORE INSERT on a table of policy: a row whose key is a shipped row still as shipped
-- replaces it (as an UPDATE: nothing referencing it cascades) instead of colliding with it.
CREATE FUNCTION dtks.aturan_pulihkan() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    baru jsonb := dtks.aturan_baris(NEW);
    kunci_baru jsonb := dtks.aturan_kunci(TG_TABLE_NAME, baru);
    bawaan jsonb;
    lama jsonb;
BEGIN
    SELECT b.baris INTO bawaan FROM dtks.aturan_bawaan b
     WHERE b.tabel OPERATOR(pg_catalog.=) TG_TABLE_NAME AND b.kunci OPERATOR(pg_catalog.=) kunci_baru;
    IF NOT FOUND THEN
        RETURN NEW;
    END IF;
    EXECUTE pg_catalog.format('SELECT dtks.aturan_baris(t) FROM dtks.%I AS t WHERE %s FOR UPDATE',
                              TG_TABLE_NAME, dtks.aturan_syarat(TG_TABLE_NAME, '$1'))
       INTO lama USING NEW;
    IF lama IS NULL OR lama OPERATOR(pg_catalog.<>) bawaan THEN
        RETURN NEW;    -- a deleted shipped row comes back; an edited one collides as any duplicate does
    ELSIF lama OPERATOR(pg_catalog.=) baru THEN
        RETURN NULL;   -- the same row: nothing to do
    END IF;
    EXECUTE pg_catalog.format('UPDATE dtks.%1$I AS t SET (%2$s) = (SELECT %2$s FROM (SELECT ($1).*) AS s) WHERE %3$s',
                              TG_TABLE_NAME,
                              (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname), ', ' ORDER BY a.attnum)
                                 FROM pg_catalog.pg_attribute a
                                WHERE a.attrelid OPERATOR(pg_catalog.=) TG_RELID AND a.attnum OPERATOR(pg_catalog.>) 0
                                  AND NOT a.attisdropped),
                              dtks.aturan_syarat(TG_TABLE_NAME, '$1'))
       USING NEW;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION dtks.aturan_pulihkan() IS
    'Row trigger BEFORE INSERT on a table of policy: a row whose key is a shipped row still as shipped replaces that row (how a restore brings an edited shipped row back after CREATE EXTENSION inserted the shipped one); a row equal to it is skipped';

-- Row trigger AFTER INSERT, UPDATE or DELETE on a table of policy: keep dtks.aturan_dihapus.
CREATE FUNCTION dtks.aturan_catat() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    kunci_lama jsonb;
    kunci_baru jsonb;
BEGIN
    IF TG_TABLE_SCHEMA OPERATOR(pg_catalog.<>) 'dtks' THEN
        RAISE EXCEPTION 'dtks.aturan_catat: only for the tables of policy in schema dtks' USING ERRCODE = '39P01';
    END IF;
    IF TG_OP OPERATOR(pg_catalog.<>) 'INSERT' THEN
        kunci_lama := dtks.aturan_kunci(TG_TABLE_NAME, dtks.aturan_baris(OLD));
    END IF;
    IF TG_OP OPERATOR(pg_catalog.<>) 'DELETE' THEN
        kunci_baru := dtks.aturan_kunci(TG_TABLE_NAME, dtks.aturan_baris(NEW));
        DELETE FROM dtks.aturan_dihapus d
         WHERE d.tabel OPERATOR(pg_catalog.=) TG_TABLE_NAME AND d.kunci OPERATOR(pg_catalog.=) kunci_baru;
    END IF;
    IF kunci_lama IS DISTINCT FROM kunci_baru THEN
        INSERT INTO dtks.aturan_dihapus (tabel, kunci)
        SELECT b.tabel, b.kunci FROM dtks.aturan_bawaan b
         WHERE b.tabel OPERATOR(pg_catalog.=) TG_TABLE_NAME AND b.kunci OPERATOR(pg_catalog.=) kunci_lama
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION dtks.aturan_catat() IS
    'Row trigger AFTER INSERT, UPDATE or DELETE on a table of policy: a shipped row deleted (or its key changed) is recorded in dtks.aturan_dihapus, a key inserted again is removed from it';

-- Statement trigger AFTER TRUNCATE on a table of policy: every shipped row of it is deleted.
CREATE FUNCTION dtks.aturan_kosongkan() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_TABLE_SCHEMA OPERATOR(pg_catalog.<>) 'dtks' THEN
        RAISE EXCEPTION 'dtks.aturan_kosongkan: only for the tables of policy in schema dtks' USING ERRCODE = '39P01';
    END IF;
    INSERT INTO dtks.aturan_dihapus (tabel, kunci)
    SELECT b.tabel, b.kunci FROM dtks.aturan_bawaan b WHERE b.tabel OPERATOR(pg_catalog.=) TG_TABLE_NAME
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION dtks.aturan_kosongkan() IS
    'Statement trigger AFTER TRUNCATE on a table of policy: every shipped row of the table is recorded in dtks.aturan_dihapus';
-- (they write dtks.aturan_dihapus as its owner: no one attaches them to a table of their own)
REVOKE ALL ON FUNCTION dtks.aturan_catat(), dtks.aturan_kosongkan() FROM PUBLIC;

-- Row trigger BEFORE INSERT on dtks.aturan_dihapus: a deletion loaded (by a restore) deletes the shipped row.
CREATE FUNCTION dtks.aturan_dihapus_terapkan() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    bawaan jsonb;
    contoh text;
    lama jsonb;
BEGIN
    SELECT b.baris INTO bawaan FROM dtks.aturan_bawaan b
     WHERE b.tabel OPERATOR(pg_catalog.=) NEW.tabel AND b.kunci OPERATOR(pg_catalog.=) NEW.kunci;
    IF NOT FOUND THEN
        RETURN NULL;   -- not a shipped row of this version: nothing to delete
    END IF;
    -- the key as a record of the table's type, to find its row
    contoh := pg_catalog.format('pg_catalog.jsonb_populate_record(NULL::dtks.%I, $1)', NEW.tabel);
    EXECUTE pg_catalog.format('SELECT dtks.aturan_baris(t) FROM dtks.%I AS t WHERE %s FOR UPDATE',
                              NEW.tabel, dtks.aturan_syarat(NEW.tabel, contoh))
       INTO lama USING NEW.kunci;
    IF lama IS NULL THEN
        -- already gone (a cascade from a deletion loaded before recorded it, or none did)
        IF EXISTS (SELECT 1 FROM dtks.aturan_dihapus d
                    WHERE d.tabel OPERATOR(pg_catalog.=) NEW.tabel AND d.kunci OPERATOR(pg_catalog.=) NEW.kunci) THEN
            RETURN NULL;
        END IF;
        RETURN NEW;
    ELSIF lama OPERATOR(pg_catalog.<>) bawaan THEN
        RAISE EXCEPTION 'dtks.%: the shipped row % was deleted in the dump but is changed here', NEW.tabel, NEW.kunci
            USING ERRCODE = '23505',
                  DETAIL = 'A restore deletes a shipped row only while it is as shipped.',
                  HINT = 'Restore into a new database, or delete the row first.';
    END IF;
    -- the delete records the deletion (dtks.aturan_catat)
    EXECUTE pg_catalog.format('DELETE FROM dtks.%I AS t WHERE %s', NEW.tabel, dtks.aturan_syarat(NEW.tabel, contoh))
      USING NEW.kunci;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION dtks.aturan_dihapus_terapkan() IS
    'Row trigger BEFORE INSERT on dtks.aturan_dihapus: a deletion loaded by a restore deletes that shipped row (still as shipped) again; deletions of rows this version does not ship are dropped';
CREATE TRIGGER aturan_dihapus_terapkan BEFORE INSERT ON dtks.aturan_dihapus
    FOR EACH ROW EXECUTE FUNCTION dtks.aturan_dihapus_terapkan();
COMMENT ON TRIGGER aturan_dihapus_terapkan ON dtks.aturan_dihapus IS 'A loaded deletion deletes the shipped row';
ALTER TABLE dtks.aturan_dihapus ENABLE ALWAYS TRIGGER aturan_dihapus_terapkan;

-- The triggers on every table of policy, fired also under session_replication_role = replica.
DO $aturan$
DECLARE
    t text;
BEGIN
    FOR t IN SELECT a.tabel FROM dtks.aturan_tabel a ORDER BY a.tabel LOOP
        EXECUTE pg_catalog.format('CREATE TRIGGER aturan_pulihkan BEFORE INSERT ON dtks.%I '
                                  'FOR EACH ROW EXECUTE FUNCTION dtks.aturan_pulihkan()', t);
        EXECUTE pg_catalog.format('COMMENT ON TRIGGER aturan_pulihkan ON dtks.%I IS %L', t,
                                  'A restored row replaces the shipped row of its key while that is as shipped');
        EXECUTE pg_catalog.format('CREATE TRIGGER aturan_catat AFTER INSERT OR UPDATE OR DELETE ON dtks.%I '
                                  'FOR EACH ROW EXECUTE FUNCTION dtks.aturan_catat()', t);
        EXECUTE pg_catalog.format('COMMENT ON TRIGGER aturan_catat ON dtks.%I IS %L', t,
                                  'Deleted shipped rows are recorded in dtks.aturan_dihapus');
        EXECUTE pg_catalog.format('CREATE TRIGGER aturan_kosongkan AFTER TRUNCATE ON dtks.%I '
                                  'FOR EACH STATEMENT EXECUTE FUNCTION dtks.aturan_kosongkan()', t);
        EXECUTE pg_catalog.format('COMMENT ON TRIGGER aturan_kosongkan ON dtks.%I IS %L', t,
                                  'A truncation deletes every shipped row');
        EXECUTE pg_catalog.format('ALTER TABLE dtks.%I ENABLE ALWAYS TRIGGER aturan_pulihkan, '
                                  'ENABLE ALWAYS TRIGGER aturan_catat, ENABLE ALWAYS TRIGGER aturan_kosongkan', t);
    END LOOP;
END
$aturan$;

-- What this version ships: the rows of the tables of policy as the install script left them.
DO $bawaan$
DECLARE
    t text;
BEGIN
    FOR t IN SELECT a.tabel FROM dtks.aturan_tabel a ORDER BY a.tabel LOOP
        EXECUTE pg_catalog.format('INSERT INTO dtks.aturan_bawaan (tabel, kunci, baris) '
                                  'SELECT %1$L, dtks.aturan_kunci(%1$L, s.j), s.j '
                                  'FROM (SELECT dtks.aturan_baris(x) AS j FROM dtks.%1$I AS x) AS s', t);
    END LOOP;
END
$bawaan$;

-- pg_dump keeps every row of the two lists that is not as shipped (the others are registered where they are created).
SELECT pg_catalog.pg_extension_config_dump('dtks.usulan_langkah'::regclass,
    'WHERE NOT dtks.aturan_utuh(''usulan_langkah'', usulan_langkah)');
SELECT pg_catalog.pg_extension_config_dump('dtks.ekspor_kolom'::regclass,
    'WHERE NOT dtks.aturan_utuh(''ekspor_kolom'', ekspor_kolom)');

-- Statement trigger BEFORE INSERT on the tables whose triggers check or record rows: a COPY that loads
-- a dump (pg_restore, or psql running a plain dump: COPY ... FROM stdin with pg_dump's session
-- settings) runs, for a superuser, with the tables' triggers off for the rest of its transaction, as
-- the README's recipe runs the whole restore; anyone else is told how to restore.  (No pinned
-- search_path: it reads the caller's; every name is qualified.)
CREATE FUNCTION dtks.pemulihan_periksa() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
AS $$
BEGIN
    IF pg_catalog.current_query() OPERATOR(pg_catalog.~*) '^[[:space:]]*COPY[[:space:]].*[[:space:]]FROM[[:space:]]+stdin'
       AND pg_catalog.current_setting('search_path') OPERATOR(pg_catalog.=) ''
       AND pg_catalog.current_setting('row_security') OPERATOR(pg_catalog.=) 'off'
       AND pg_catalog.current_setting('check_function_bodies') OPERATOR(pg_catalog.=) 'off' THEN
        IF pg_catalog.current_setting('is_superuser') OPERATOR(pg_catalog.=) 'on' THEN
            PERFORM pg_catalog.set_config('session_replication_role', 'replica', true);
            RAISE LOG 'dtks: a dump is loaded into dtks.%; the tables'' triggers are off for this transaction', TG_TABLE_NAME;
        ELSE
            RAISE EXCEPTION 'dtks: a dump is restored by a superuser, with the tables'' triggers off'
                USING ERRCODE = '42501',
                      DETAIL = pg_catalog.format('dtks.%s is loaded from a dump by %s, who is not a superuser; its triggers would check the rows again, before the tables they need are loaded.',
                                                 TG_TABLE_NAME, CURRENT_USER),
                      HINT = 'As a superuser: PGOPTIONS=''-c session_replication_role=replica'' pg_restore --single-transaction -d DB FILE (README, "Backup and restore").';
        END IF;
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION dtks.pemulihan_periksa() IS
    'Statement trigger BEFORE INSERT: a COPY loading a dump (pg_restore or psql, pg_dump''s session settings) runs for a superuser with the triggers off for its transaction (session_replication_role = replica, as the README''s recipe); others get 42501 with the recipe';
DO $pemulihan$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['rumah_tangga', 'keluarga', 'anggota', 'keanggotaan', 'skor_bobot', 'skor_bobot_wilayah',
                             'usulan', 'permohonan_data', 'berita_acara_serah_terima', 'laporan_pemanfaatan',
                             'laporan_pemanfaatan_penerima'] LOOP
        EXECUTE pg_catalog.format('CREATE TRIGGER pemulihan BEFORE INSERT ON dtks.%I '
                                  'FOR EACH STATEMENT EXECUTE FUNCTION dtks.pemulihan_periksa()', t);
        EXECUTE pg_catalog.format('COMMENT ON TRIGGER pemulihan ON dtks.%I IS %L', t,
                                  'A dump loaded with the triggers on: off for a superuser''s transaction, refused with the recipe for others');
    END LOOP;
END
$pemulihan$;
