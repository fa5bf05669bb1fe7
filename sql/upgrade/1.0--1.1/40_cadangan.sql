-- 1.1: backup and restore (sql/install/90_cadangan.sql, and the registrations and comments in
-- 70_skor.sql, 75_program.sql, 85_penggunaan.sql).  A 1.0 database may hold the DBA's edits of the
-- tables of policy: what 1.0 shipped is written here as it was shipped (1.0 is never changed), so an
-- edited shipped row is kept by pg_dump from now on and a shipped row already deleted is recorded
-- as deleted.

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
    ('ekspor_kolom', '{kolom}');

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

-- What 1.0 shipped (the same rows as 1.1 ships), as 1.0's install script left them.
INSERT INTO dtks.aturan_bawaan (tabel, kunci, baris)
SELECT v.tabel, dtks.aturan_kunci(v.tabel, v.baris::jsonb), v.baris::jsonb FROM (VALUES
    ('ekspor_kolom', '{"kolom": "alamat", "sumber": "dtks.rumah_tangga.alamat", "urutan": 7, "pribadi": true, "keterangan": "Street address of the household"}'),
    ('ekspor_kolom', '{"kolom": "desil", "sumber": "dtks.penetapan_pada: desil", "urutan": 15, "pribadi": false, "keterangan": "Welfare desil of the family in the month (1 poorest ... 10)"}'),
    ('ekspor_kolom', '{"kolom": "jenis_kelamin", "sumber": "dtks.penetapan_pada: jenis_kelamin", "urutan": 4, "pribadi": false, "keterangan": "L or P"}'),
    ('ekspor_kolom', '{"kolom": "kode_wilayah", "sumber": "dtks.penetapan_pada: kode_wilayah", "urutan": 10, "pribadi": false, "keterangan": "Kemendagri code of the desa/kelurahan"}'),
    ('ekspor_kolom', '{"kolom": "nama", "sumber": "dtks.anggota.nama", "urutan": 3, "pribadi": true, "keterangan": "Name as on the KK"}'),
    ('ekspor_kolom', '{"kolom": "nama_desa", "sumber": "dtks.wilayah.nama (level 4)", "urutan": 11, "pribadi": false, "keterangan": "Name of the desa/kelurahan"}'),
    ('ekspor_kolom', '{"kolom": "nama_kabkota", "sumber": "dtks.wilayah.nama (level 2)", "urutan": 13, "pribadi": false, "keterangan": "Name of the kabupaten/kota"}'),
    ('ekspor_kolom', '{"kolom": "nama_kecamatan", "sumber": "dtks.wilayah.nama (level 3)", "urutan": 12, "pribadi": false, "keterangan": "Name of the kecamatan"}'),
    ('ekspor_kolom', '{"kolom": "nik", "sumber": "dtks.penetapan_pada: nik", "urutan": 1, "pribadi": true, "keterangan": "NIK of the member"}'),
    ('ekspor_kolom', '{"kolom": "no_kk", "sumber": "dtks.penetapan_pada: no_kk", "urutan": 2, "pribadi": true, "keterangan": "KK number of the member''s family"}'),
    ('ekspor_kolom', '{"kolom": "program", "sumber": "dtks.penetapan_pada: program", "urutan": 16, "pribadi": false, "keterangan": "Programs the family is in that month (codes of dtks.program)"}'),
    ('ekspor_kolom', '{"kolom": "rt", "sumber": "dtks.rumah_tangga.rt", "urutan": 8, "pribadi": false, "keterangan": "Rukun tetangga"}'),
    ('ekspor_kolom', '{"kolom": "rumah_tangga_id", "sumber": "dtks.penetapan_pada: rumah_tangga_id", "urutan": 14, "pribadi": false, "keterangan": "The household (to group members by dwelling)"}'),
    ('ekspor_kolom', '{"kolom": "rw", "sumber": "dtks.rumah_tangga.rw", "urutan": 9, "pribadi": false, "keterangan": "Rukun warga"}'),
    ('ekspor_kolom', '{"kolom": "shdk", "sumber": "dtks.penetapan_pada: shdk", "urutan": 6, "pribadi": false, "keterangan": "Relationship to the kepala keluarga (1 kepala keluarga ... 11 lainnya)"}'),
    ('ekspor_kolom', '{"kolom": "tanggal_lahir", "sumber": "dtks.penetapan_pada: tanggal_lahir", "urutan": 5, "pribadi": true, "keterangan": "Date of birth (YYYY-MM-DD)"}'),
    ('program', '{"kode": "BPNT", "nama": "Bantuan Pangan Non Tunai / Sembako", "bawaan": true, "wilayah": null, "desil_maks": 4, "keterangan": "Food aid; ceiling desil 4.", "lingkup_desil": "nasional", "butuh_anak_sekolah": false, "butuh_komponen_pkh": false}'),
    ('program', '{"kode": "KJP_PLUS", "nama": "Kartu Jakarta Pintar Plus (DKI Jakarta)", "bawaan": true, "wilayah": "31", "desil_maks": 4, "keterangan": "DKI Jakarta school aid for DTKS families, with the Dinas Sosial DKI exclusions (beritajakarta.id 2021; Kepgub DKI 1250/2021).", "lingkup_desil": "nasional", "butuh_anak_sekolah": true, "butuh_komponen_pkh": false}'),
    ('program', '{"kode": "PBI_JKN", "nama": "Penerima Bantuan Iuran JKN", "bawaan": true, "wilayah": null, "desil_maks": 4, "keterangan": "Health insurance premium paid by the state; ceiling desil 4.", "lingkup_desil": "nasional", "butuh_anak_sekolah": false, "butuh_komponen_pkh": false}'),
    ('program', '{"kode": "PIP", "nama": "Program Indonesia Pintar", "bawaan": true, "wilayah": null, "desil_maks": 4, "keterangan": "School aid; a family with a child in school; ceiling desil 4.", "lingkup_desil": "nasional", "butuh_anak_sekolah": true, "butuh_komponen_pkh": false}'),
    ('program', '{"kode": "PKH", "nama": "Program Keluarga Harapan", "bawaan": true, "wilayah": null, "desil_maks": 4, "keterangan": "Conditional cash transfer; a family with at least one component. Ceiling desil 4 (bansos generally desil 1-4, domain.md 5.2).", "lingkup_desil": "nasional", "butuh_anak_sekolah": false, "butuh_komponen_pkh": true}'),
    ('program_pengecualian', '{"jenis": "mobil", "alasan": "a member owns a car (Bapenda vehicle register)", "bawaan": true, "program": "KJP_PLUS", "nilai_lebih_dari": null}'),
    ('program_pengecualian', '{"jenis": "njop", "alasan": "a member owns land or a building with NJOP above Rp1 miliar", "bawaan": true, "program": "KJP_PLUS", "nilai_lebih_dari": 1000000000}'),
    ('program_pengecualian', '{"jenis": "pns_tni_polri", "alasan": "a member is a civil servant, soldier or police officer", "bawaan": true, "program": "KJP_PLUS", "nilai_lebih_dari": null}'),
    ('skor_bobot', '{"kode": 0, "batas": null, "bobot": -2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "internet"}'),
    ('skor_bobot', '{"kode": 1, "batas": null, "bobot": 3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "bahan_bakar"}'),
    ('skor_bobot', '{"kode": 1, "batas": null, "bobot": -3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 1, "batas": null, "bobot": 3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "internet"}'),
    ('skor_bobot', '{"kode": 1, "batas": null, "bobot": 4.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_lantai"}'),
    ('skor_bobot', '{"kode": 1, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "rekening"}'),
    ('skor_bobot', '{"kode": 1, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "sumber_air_minum"}'),
    ('skor_bobot', '{"kode": 10, "batas": null, "bobot": -8.000, "versi": "dtks-deprivasi-2026.1", "variabel": "bahan_bakar"}'),
    ('skor_bobot', '{"kode": 10, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 10, "batas": null, "bobot": -6.000, "versi": "dtks-deprivasi-2026.1", "variabel": "sumber_air_minum"}'),
    ('skor_bobot', '{"kode": 11, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 11, "batas": null, "bobot": -4.000, "versi": "dtks-deprivasi-2026.1", "variabel": "sumber_air_minum"}'),
    ('skor_bobot', '{"kode": 12, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 12, "batas": null, "bobot": 1.000, "versi": "dtks-deprivasi-2026.1", "variabel": "sumber_air_minum"}'),
    ('skor_bobot', '{"kode": 13, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 14, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 15, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 16, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 17, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 18, "batas": null, "bobot": 4.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 19, "batas": null, "bobot": 6.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 2, "batas": null, "bobot": -4.000, "versi": "dtks-deprivasi-2026.1", "variabel": "fasilitas_bab"}'),
    ('skor_bobot', '{"kode": 2, "batas": null, "bobot": -3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 2, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "internet"}'),
    ('skor_bobot', '{"kode": 2, "batas": null, "bobot": -3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_dinding"}'),
    ('skor_bobot', '{"kode": 2, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_lantai"}'),
    ('skor_bobot', '{"kode": 2, "batas": null, "bobot": -3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "sumber_penerangan"}'),
    ('skor_bobot', '{"kode": 20, "batas": null, "bobot": 6.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 21, "batas": null, "bobot": 6.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 22, "batas": null, "bobot": 6.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 23, "batas": null, "bobot": -6.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 3, "batas": null, "bobot": 3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "bahan_bakar"}'),
    ('skor_bobot', '{"kode": 3, "batas": null, "bobot": -5.000, "versi": "dtks-deprivasi-2026.1", "variabel": "fasilitas_bab"}'),
    ('skor_bobot', '{"kode": 3, "batas": null, "bobot": -3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 3, "batas": null, "bobot": -1.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_atap"}'),
    ('skor_bobot', '{"kode": 3, "batas": null, "bobot": -4.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_dinding"}'),
    ('skor_bobot', '{"kode": 3, "batas": null, "bobot": 3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "rekening"}'),
    ('skor_bobot', '{"kode": 3, "batas": null, "bobot": 1.000, "versi": "dtks-deprivasi-2026.1", "variabel": "sumber_air_minum"}'),
    ('skor_bobot', '{"kode": 3, "batas": null, "bobot": -5.000, "versi": "dtks-deprivasi-2026.1", "variabel": "sumber_penerangan"}'),
    ('skor_bobot', '{"kode": 4, "batas": null, "bobot": -6.000, "versi": "dtks-deprivasi-2026.1", "variabel": "fasilitas_bab"}'),
    ('skor_bobot', '{"kode": 4, "batas": null, "bobot": -3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 4, "batas": null, "bobot": -8.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_dinding"}'),
    ('skor_bobot', '{"kode": 4, "batas": null, "bobot": -2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "rekening"}'),
    ('skor_bobot', '{"kode": 4, "batas": null, "bobot": -10.000, "versi": "dtks-deprivasi-2026.1", "variabel": "sumber_penerangan"}'),
    ('skor_bobot', '{"kode": 5, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "bahan_bakar"}'),
    ('skor_bobot', '{"kode": 5, "batas": null, "bobot": -8.000, "versi": "dtks-deprivasi-2026.1", "variabel": "fasilitas_bab"}'),
    ('skor_bobot', '{"kode": 5, "batas": null, "bobot": -2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_atap"}'),
    ('skor_bobot', '{"kode": 5, "batas": null, "bobot": -6.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_dinding"}'),
    ('skor_bobot', '{"kode": 5, "batas": null, "bobot": -4.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_lantai"}'),
    ('skor_bobot', '{"kode": 5, "batas": null, "bobot": 8.000, "versi": "dtks-deprivasi-2026.1", "variabel": "kedudukan_kepala"}'),
    ('skor_bobot', '{"kode": 6, "batas": null, "bobot": -10.000, "versi": "dtks-deprivasi-2026.1", "variabel": "fasilitas_bab"}'),
    ('skor_bobot', '{"kode": 6, "batas": null, "bobot": -5.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_atap"}'),
    ('skor_bobot', '{"kode": 6, "batas": null, "bobot": -8.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_dinding"}'),
    ('skor_bobot', '{"kode": 6, "batas": null, "bobot": -3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_lantai"}'),
    ('skor_bobot', '{"kode": 6, "batas": null, "bobot": -3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "status_bangunan"}'),
    ('skor_bobot', '{"kode": 6, "batas": null, "bobot": -6.000, "versi": "dtks-deprivasi-2026.1", "variabel": "sumber_air_minum"}'),
    ('skor_bobot', '{"kode": 7, "batas": null, "bobot": -4.000, "versi": "dtks-deprivasi-2026.1", "variabel": "bahan_bakar"}'),
    ('skor_bobot', '{"kode": 7, "batas": null, "bobot": -6.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_atap"}'),
    ('skor_bobot', '{"kode": 7, "batas": null, "bobot": -6.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_dinding"}'),
    ('skor_bobot', '{"kode": 7, "batas": null, "bobot": -8.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_lantai"}'),
    ('skor_bobot', '{"kode": 8, "batas": null, "bobot": -4.000, "versi": "dtks-deprivasi-2026.1", "variabel": "bahan_bakar"}'),
    ('skor_bobot', '{"kode": 8, "batas": null, "bobot": -3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_atap"}'),
    ('skor_bobot', '{"kode": 8, "batas": null, "bobot": -10.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_lantai"}'),
    ('skor_bobot', '{"kode": 8, "batas": null, "bobot": -6.000, "versi": "dtks-deprivasi-2026.1", "variabel": "sumber_air_minum"}'),
    ('skor_bobot', '{"kode": 9, "batas": null, "bobot": -6.000, "versi": "dtks-deprivasi-2026.1", "variabel": "bahan_bakar"}'),
    ('skor_bobot', '{"kode": 9, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "ijazah_kepala"}'),
    ('skor_bobot', '{"kode": 9, "batas": null, "bobot": -4.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jenis_lantai"}'),
    ('skor_bobot', '{"kode": 9, "batas": null, "bobot": -8.000, "versi": "dtks-deprivasi-2026.1", "variabel": "sumber_air_minum"}'),
    ('skor_bobot', '{"kode": null, "batas": 4, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "anggota_bekerja"}'),
    ('skor_bobot', '{"kode": null, "batas": 3, "bobot": -1.000, "versi": "dtks-deprivasi-2026.1", "variabel": "balita"}'),
    ('skor_bobot', '{"kode": null, "batas": 3, "bobot": -3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "disabilitas"}'),
    ('skor_bobot', '{"kode": null, "batas": 10, "bobot": -1.500, "versi": "dtks-deprivasi-2026.1", "variabel": "jumlah_anggota"}'),
    ('skor_bobot', '{"kode": null, "batas": 10, "bobot": 1.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jumlah_babi"}'),
    ('skor_bobot', '{"kode": null, "batas": 10, "bobot": 0.500, "versi": "dtks-deprivasi-2026.1", "variabel": "jumlah_kambing"}'),
    ('skor_bobot', '{"kode": null, "batas": 5, "bobot": 3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jumlah_kerbau"}'),
    ('skor_bobot', '{"kode": null, "batas": 5, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jumlah_kuda"}'),
    ('skor_bobot', '{"kode": null, "batas": 5, "bobot": 3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "jumlah_sapi"}'),
    ('skor_bobot', '{"kode": null, "batas": null, "bobot": 3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "kepala_bekerja"}'),
    ('skor_bobot', '{"kode": null, "batas": 3, "bobot": -1.000, "versi": "dtks-deprivasi-2026.1", "variabel": "lansia"}'),
    ('skor_bobot', '{"kode": null, "batas": 30, "bobot": 0.500, "versi": "dtks-deprivasi-2026.1", "variabel": "luas_per_orang"}'),
    ('skor_bobot', '{"kode": null, "batas": null, "bobot": 5.000, "versi": "dtks-deprivasi-2026.1", "variabel": "punya_ac"}'),
    ('skor_bobot', '{"kode": null, "batas": null, "bobot": 4.000, "versi": "dtks-deprivasi-2026.1", "variabel": "punya_emas"}'),
    ('skor_bobot', '{"kode": null, "batas": null, "bobot": 4.000, "versi": "dtks-deprivasi-2026.1", "variabel": "punya_komputer"}'),
    ('skor_bobot', '{"kode": null, "batas": null, "bobot": 5.000, "versi": "dtks-deprivasi-2026.1", "variabel": "punya_lahan_lain"}'),
    ('skor_bobot', '{"kode": null, "batas": null, "bobot": 3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "punya_lemari_es"}'),
    ('skor_bobot', '{"kode": null, "batas": null, "bobot": 12.000, "versi": "dtks-deprivasi-2026.1", "variabel": "punya_mobil"}'),
    ('skor_bobot', '{"kode": null, "batas": null, "bobot": 3.000, "versi": "dtks-deprivasi-2026.1", "variabel": "punya_pemanas_air"}'),
    ('skor_bobot', '{"kode": null, "batas": null, "bobot": 4.000, "versi": "dtks-deprivasi-2026.1", "variabel": "punya_perahu_motor"}'),
    ('skor_bobot', '{"kode": null, "batas": null, "bobot": 8.000, "versi": "dtks-deprivasi-2026.1", "variabel": "punya_rumah_lain"}'),
    ('skor_bobot', '{"kode": null, "batas": null, "bobot": 4.000, "versi": "dtks-deprivasi-2026.1", "variabel": "punya_sepeda_motor"}'),
    ('skor_bobot', '{"kode": null, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "punya_smartphone"}'),
    ('skor_bobot', '{"kode": null, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "punya_tabung_gas"}'),
    ('skor_bobot', '{"kode": null, "batas": null, "bobot": 1.000, "versi": "dtks-deprivasi-2026.1", "variabel": "punya_telepon_rumah"}'),
    ('skor_bobot', '{"kode": null, "batas": null, "bobot": 2.000, "versi": "dtks-deprivasi-2026.1", "variabel": "punya_televisi"}'),
    ('skor_model', '{"nama": "Indeks deprivasi transparan (BPS 14 kriteria, Kepmensos 262/HUK/2022, aset Regsosek 2022)", "versi": "dtks-deprivasi-2026.1", "bawaan": true, "berlaku": "[2020-01-01,)", "konstanta": 100.000, "keterangan": "Not the official PMT (its coefficients are not published). Deprivations from the BPS 14 criteria and the 9 criteria of Kepmensos 262/HUK/2022 lower the score, Regsosek 2022 assets raise it; round weights, readable in dtks.skor_bobot. Replace with a new version when an agency loads its own model."}'),
    ('skor_variabel', '{"nama": "anggota_bekerja", "jenis": "angka", "kolom": "bekerja", "bawaan": true, "sumber": "ringkasan", "kode_sah": null, "keterangan": "Members who worked last week"}'),
    ('skor_variabel', '{"nama": "bahan_bakar", "jenis": "kode", "kolom": "bahan_bakar", "bawaan": true, "sumber": "rumah_tangga", "kode_sah": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], "keterangan": "308 cooking fuel (BPS 14 no. 7)"}'),
    ('skor_variabel', '{"nama": "balita", "jenis": "angka", "kolom": "balita", "bawaan": true, "sumber": "ringkasan", "kode_sah": null, "keterangan": "Members under 5"}'),
    ('skor_variabel', '{"nama": "disabilitas", "jenis": "angka", "kolom": "disabilitas", "bawaan": true, "sumber": "ringkasan", "kode_sah": null, "keterangan": "Members with a lot of difficulty or unable in a 428 item"}'),
    ('skor_variabel', '{"nama": "fasilitas_bab", "jenis": "kode", "kolom": "fasilitas_bab", "bawaan": true, "sumber": "rumah_tangga", "kode_sah": [1, 2, 3, 4, 5, 6], "keterangan": "309a toilet (BPS 14 no. 4, Kepmensos 262 no. 8)"}'),
    ('skor_variabel', '{"nama": "ijazah_kepala", "jenis": "kode", "kolom": "ijazah_tertinggi", "bawaan": true, "sumber": "kepala", "kode_sah": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23], "keterangan": "415 the head''s highest certificate (BPS 14 no. 13)"}'),
    ('skor_variabel', '{"nama": "internet", "jenis": "kode", "kolom": "internet", "bawaan": true, "sumber": "keluarga", "kode_sah": [0, 1, 2, 3], "keterangan": "Blok V internet access"}'),
    ('skor_variabel', '{"nama": "jenis_atap", "jenis": "kode", "kolom": "jenis_atap", "bawaan": true, "sumber": "rumah_tangga", "kode_sah": [1, 2, 3, 4, 5, 6, 7, 8], "keterangan": "305 roof"}'),
    ('skor_variabel', '{"nama": "jenis_dinding", "jenis": "kode", "kolom": "jenis_dinding", "bawaan": true, "sumber": "rumah_tangga", "kode_sah": [1, 2, 3, 4, 5, 6, 7], "keterangan": "304 walls (BPS 14 no. 3, Kepmensos 262 no. 7)"}'),
    ('skor_variabel', '{"nama": "jenis_lantai", "jenis": "kode", "kolom": "jenis_lantai", "bawaan": true, "sumber": "rumah_tangga", "kode_sah": [1, 2, 3, 4, 5, 6, 7, 8, 9], "keterangan": "303 floor (BPS 14 no. 2, Kepmensos 262 no. 6)"}'),
    ('skor_variabel', '{"nama": "jumlah_anggota", "jenis": "angka", "kolom": "jumlah_anggota", "bawaan": true, "sumber": "ringkasan", "kode_sah": null, "keterangan": "Current living members"}'),
    ('skor_variabel', '{"nama": "jumlah_babi", "jenis": "angka", "kolom": "jumlah_babi", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V pigs"}'),
    ('skor_variabel', '{"nama": "jumlah_kambing", "jenis": "angka", "kolom": "jumlah_kambing", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V goats/sheep"}'),
    ('skor_variabel', '{"nama": "jumlah_kerbau", "jenis": "angka", "kolom": "jumlah_kerbau", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V buffalo"}'),
    ('skor_variabel', '{"nama": "jumlah_kuda", "jenis": "angka", "kolom": "jumlah_kuda", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V horses"}'),
    ('skor_variabel', '{"nama": "jumlah_sapi", "jenis": "angka", "kolom": "jumlah_sapi", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V cattle (BPS 14 no. 14)"}'),
    ('skor_variabel', '{"nama": "kedudukan_kepala", "jenis": "kode", "kolom": "kedudukan_pekerjaan", "bawaan": true, "sumber": "kepala", "kode_sah": [1, 2, 3, 4, 5, 6, 7, 8], "keterangan": "418 the head''s employment status"}'),
    ('skor_variabel', '{"nama": "kepala_bekerja", "jenis": "ya_tidak", "kolom": "bekerja", "bawaan": true, "sumber": "kepala", "kode_sah": null, "keterangan": "416a the head worked last week (BPS 14 no. 12, Kepmensos 262 no. 2)"}'),
    ('skor_variabel', '{"nama": "lansia", "jenis": "angka", "kolom": "lansia", "bawaan": true, "sumber": "ringkasan", "kode_sah": null, "keterangan": "Members 60 and over"}'),
    ('skor_variabel', '{"nama": "luas_per_orang", "jenis": "angka", "kolom": "luas_per_orang", "bawaan": true, "sumber": "ringkasan", "kode_sah": null, "keterangan": "302 floor area per member, m2 (BPS 14 no. 1)"}'),
    ('skor_variabel', '{"nama": "punya_ac", "jenis": "ya_tidak", "kolom": "punya_ac", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V air conditioner"}'),
    ('skor_variabel', '{"nama": "punya_emas", "jenis": "ya_tidak", "kolom": "punya_emas", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V gold/jewellery of 10 g or more (BPS 14 no. 14)"}'),
    ('skor_variabel', '{"nama": "punya_komputer", "jenis": "ya_tidak", "kolom": "punya_komputer", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V computer/laptop"}'),
    ('skor_variabel', '{"nama": "punya_lahan_lain", "jenis": "ya_tidak", "kolom": "punya_lahan_lain", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V other land"}'),
    ('skor_variabel', '{"nama": "punya_lemari_es", "jenis": "ya_tidak", "kolom": "punya_lemari_es", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V refrigerator"}'),
    ('skor_variabel', '{"nama": "punya_mobil", "jenis": "ya_tidak", "kolom": "punya_mobil", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V car"}'),
    ('skor_variabel', '{"nama": "punya_pemanas_air", "jenis": "ya_tidak", "kolom": "punya_pemanas_air", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V water heater"}'),
    ('skor_variabel', '{"nama": "punya_perahu_motor", "jenis": "ya_tidak", "kolom": "punya_perahu_motor", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V motor boat (BPS 14 no. 14)"}'),
    ('skor_variabel', '{"nama": "punya_rumah_lain", "jenis": "ya_tidak", "kolom": "punya_rumah_lain", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V another house"}'),
    ('skor_variabel', '{"nama": "punya_sepeda_motor", "jenis": "ya_tidak", "kolom": "punya_sepeda_motor", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V motorcycle (BPS 14 no. 14)"}'),
    ('skor_variabel', '{"nama": "punya_smartphone", "jenis": "ya_tidak", "kolom": "punya_smartphone", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V smartphone"}'),
    ('skor_variabel', '{"nama": "punya_tabung_gas", "jenis": "ya_tidak", "kolom": "punya_tabung_gas", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V gas cylinder 5.5 kg or more"}'),
    ('skor_variabel', '{"nama": "punya_telepon_rumah", "jenis": "ya_tidak", "kolom": "punya_telepon_rumah", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V landline"}'),
    ('skor_variabel', '{"nama": "punya_televisi", "jenis": "ya_tidak", "kolom": "punya_televisi", "bawaan": true, "sumber": "keluarga", "kode_sah": null, "keterangan": "Blok V flat television"}'),
    ('skor_variabel', '{"nama": "rekening", "jenis": "kode", "kolom": "rekening", "bawaan": true, "sumber": "keluarga", "kode_sah": [1, 2, 3, 4], "keterangan": "Blok V bank account"}'),
    ('skor_variabel', '{"nama": "status_bangunan", "jenis": "kode", "kolom": "status_bangunan", "bawaan": true, "sumber": "rumah_tangga", "kode_sah": [1, 2, 3, 4, 5, 6], "keterangan": "301a tenure (Kepmensos 262 no. 1)"}'),
    ('skor_variabel', '{"nama": "sumber_air_minum", "jenis": "kode", "kolom": "sumber_air_minum", "bawaan": true, "sumber": "rumah_tangga", "kode_sah": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], "keterangan": "306a drinking water (BPS 14 no. 6)"}'),
    ('skor_variabel', '{"nama": "sumber_penerangan", "jenis": "kode", "kolom": "sumber_penerangan", "bawaan": true, "sumber": "rumah_tangga", "kode_sah": [1, 2, 3, 4], "keterangan": "307a lighting (BPS 14 no. 5, Kepmensos 262 no. 9)"}'),
    ('usulan_langkah', '{"ke": "diajukan", "dari": "dikembalikan", "peran": "desa", "tahap": "pendaftaran", "syarat": null}'),
    ('usulan_langkah', '{"ke": "diajukan", "dari": "draf", "peran": "desa", "tahap": "pendaftaran", "syarat": "berita_acara"}'),
    ('usulan_langkah', '{"ke": "diajukan", "dari": "tidak_padan", "peran": "desa", "tahap": "pendaftaran", "syarat": null}'),
    ('usulan_langkah', '{"ke": "dibatalkan", "dari": "draf", "peran": "desa", "tahap": null, "syarat": null}'),
    ('usulan_langkah', '{"ke": "dikembalikan", "dari": "dikirim", "peran": "pusat", "tahap": null, "syarat": "alasan"}'),
    ('usulan_langkah', '{"ke": "dikembalikan", "dari": "pengendalian", "peran": "pt", "tahap": null, "syarat": "alasan"}'),
    ('usulan_langkah', '{"ke": "dikembalikan", "dari": "pengendalian", "peran": "pusat", "tahap": null, "syarat": "alasan"}'),
    ('usulan_langkah', '{"ke": "dikirim", "dari": "disahkan", "peran": "kabkota", "tahap": null, "syarat": null}'),
    ('usulan_langkah', '{"ke": "dikirim", "dari": "pengendalian", "peran": "pt", "tahap": null, "syarat": null}'),
    ('usulan_langkah', '{"ke": "dikirim", "dari": "pengendalian", "peran": "pusat", "tahap": null, "syarat": null}'),
    ('usulan_langkah', '{"ke": "disahkan", "dari": "layak", "peran": "kabkota", "tahap": null, "syarat": "surat_pengesahan"}'),
    ('usulan_langkah', '{"ke": "ditetapkan", "dari": "dikirim", "peran": "penetapan", "tahap": null, "syarat": null}'),
    ('usulan_langkah', '{"ke": "ditolak", "dari": "dikembalikan", "peran": "kabkota", "tahap": null, "syarat": "alasan"}'),
    ('usulan_langkah', '{"ke": "ditolak", "dari": "tidak_padan", "peran": "kabkota", "tahap": null, "syarat": "alasan"}'),
    ('usulan_langkah', '{"ke": "layak", "dari": "padan", "peran": "kabkota", "tahap": "verval", "syarat": "kunjungan"}'),
    ('usulan_langkah', '{"ke": "padan", "dari": "diajukan", "peran": "pemadanan", "tahap": null, "syarat": null}'),
    ('usulan_langkah', '{"ke": "pengendalian", "dari": "dikirim", "peran": "pusat", "tahap": null, "syarat": null}'),
    ('usulan_langkah', '{"ke": "tidak_layak", "dari": "padan", "peran": "kabkota", "tahap": "verval", "syarat": "kunjungan"}'),
    ('usulan_langkah', '{"ke": "tidak_padan", "dari": "diajukan", "peran": "pemadanan", "tahap": null, "syarat": "alasan"}')) AS v(tabel, baris);

-- The shipped rows deleted before this update.
DO $dihapus$
DECLARE
    t text;
BEGIN
    FOR t IN SELECT a.tabel FROM dtks.aturan_tabel a ORDER BY a.tabel LOOP
        EXECUTE pg_catalog.format('INSERT INTO dtks.aturan_dihapus (tabel, kunci) '
                                  'SELECT b.tabel, b.kunci FROM dtks.aturan_bawaan b '
                                  'WHERE b.tabel OPERATOR(pg_catalog.=) %1$L AND NOT EXISTS (SELECT 1 FROM dtks.%1$I AS x '
                                  'WHERE dtks.aturan_kunci(%1$L, dtks.aturan_baris(x)) OPERATOR(pg_catalog.=) b.kunci)', t);
    END LOOP;
END
$dihapus$;

-- pg_dump keeps every row of the tables of policy that is not as shipped (1.0 left out the shipped
-- rows whatever their edits, and the two lists whole).
SELECT pg_catalog.pg_extension_config_dump('dtks.skor_variabel'::regclass,
    'WHERE NOT dtks.aturan_utuh(''skor_variabel'', skor_variabel)');
SELECT pg_catalog.pg_extension_config_dump('dtks.skor_model'::regclass,
    'WHERE NOT dtks.aturan_utuh(''skor_model'', skor_model)');
SELECT pg_catalog.pg_extension_config_dump('dtks.skor_bobot'::regclass,
    'WHERE NOT dtks.aturan_utuh(''skor_bobot'', skor_bobot)');
SELECT pg_catalog.pg_extension_config_dump('dtks.program'::regclass,
    'WHERE NOT dtks.aturan_utuh(''program'', program)');
SELECT pg_catalog.pg_extension_config_dump('dtks.program_pengecualian'::regclass,
    'WHERE NOT dtks.aturan_utuh(''program_pengecualian'', program_pengecualian)');
COMMENT ON COLUMN dtks.skor_variabel.bawaan IS 'Shipped with the extension (pg_dump keeps every row not as shipped: see dtks.aturan_bawaan)';
COMMENT ON COLUMN dtks.skor_model.bawaan IS 'Shipped with the extension: read-only (copy it with dtks.skor_model_salin), in force where no other model is; pg_dump keeps every row not as shipped (dtks.aturan_bawaan)';
COMMENT ON COLUMN dtks.program.bawaan IS 'Shipped with the extension (pg_dump keeps every row not as shipped: see dtks.aturan_bawaan)';
COMMENT ON COLUMN dtks.program_pengecualian.bawaan IS 'Shipped with the extension (pg_dump keeps every row not as shipped: see dtks.aturan_bawaan)';

COMMENT ON TABLE dtks.usulan_langkah IS
    'Allowed steps of an usulan (shipped by the extension, editable by the DBA, edits kept by pg_dump; from Kepmensos 150/HUK/2022 as domain.md 4.7 sketches it): from, to, the office that takes it (pemadanan: the Dukcapil matching run by the kab/kota; penetapan: only the monthly penetapan) and what the step needs';
COMMENT ON TABLE dtks.ekspor_kolom IS
    'The export catalogue: the fields a permohonan may ask for (shipped by the extension, editable by the DBA, edits kept by pg_dump); dtks.ekspor_data builds each row with these keys and keeps only the requested ones';

-- The export fields can swap places (a restore replaces them one row at a time).
ALTER TABLE dtks.ekspor_kolom DROP CONSTRAINT ekspor_kolom_urutan_key,
    ADD CONSTRAINT ekspor_kolom_urutan_key UNIQUE (urutan) DEFERRABLE INITIALLY DEFERRED;
COMMENT ON INDEX dtks.ekspor_kolom_urutan_key IS 'One field per position (checked at commit: fields can swap places)';

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
