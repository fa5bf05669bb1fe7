-- Append-only history of every change to the registry tables: who (session user and the
-- application's own user from the dtks.petugas setting), when, and what changed.
--
-- One history table per registry table (dtks.riwayat_anggota, ...) keeps the old and the new
-- row whole, as a value of the table's own row type: copying a row costs little, where turning
-- a million wide rows into jsonb made a bulk load nine times slower.  The view dtks.riwayat
-- shows all four as one feed, with the key, and the changed columns of an UPDATE, as jsonb.

CREATE SEQUENCE dtks.riwayat_id_seq;
COMMENT ON SEQUENCE dtks.riwayat_id_seq IS 'Order of recording, shared by the four history tables';
SELECT pg_catalog.pg_extension_config_dump('dtks.riwayat_id_seq'::regclass, '');

-- Statement trigger: append the statement's rows, whole, from its transition tables.
-- SECURITY DEFINER so that any role changing the registry appends history without holding
-- INSERT on the history tables (which would let it write forged history); the path is pinned.
-- The table name and key column come from the trigger (TG_TABLE_NAME, TG_ARGV), never from data.
CREATE FUNCTION dtks.riwayat_catat() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    -- (pairing the transition tables needs a hash or merge join, whatever the caller turned off)
    SET enable_hashjoin = on SET enable_mergejoin = on
AS $$
DECLARE
    kolom_kunci text := TG_ARGV[0];
    tujuan text := pg_catalog.format('dtks.%I', 'riwayat_' || TG_TABLE_NAME);
    jenis text := pg_catalog.format('dtks.%I', TG_TABLE_NAME);
    waktu timestamptz := pg_catalog.clock_timestamp();
    -- (dtks.petugas is a defined setting: unset, it reads as '' and is recorded as NULL)
    petugas text := NULLIF(pg_catalog.current_setting('dtks.petugas', true), '');
    -- the key's equality: the dtks types' own operator, or the built-in one for bigint ids
    sama text := CASE WHEN kolom_kunci IN ('nik', 'no_kk') THEN 'OPERATOR(dtks.=)' ELSE 'OPERATOR(pg_catalog.=)' END;
BEGIN
    IF TG_OP = 'INSERT' THEN
        EXECUTE pg_catalog.format('INSERT INTO %s (waktu, petugas, operasi, baru) '
                                  'SELECT $1, $2, ''INSERT'', ROW(b.*)::%s FROM riwayat_baru b', tujuan, jenis)
            USING waktu, petugas;
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE pg_catalog.format('INSERT INTO %s (waktu, petugas, operasi, lama) '
                                  'SELECT $1, $2, ''DELETE'', ROW(l.*)::%s FROM riwayat_lama l', tujuan, jenis)
            USING waktu, petugas;
    ELSE
        -- old and new rows paired by key; a row whose key changed gives one row per side
        EXECUTE pg_catalog.format('INSERT INTO %1$s (waktu, petugas, operasi, lama, baru) '
                                  'SELECT $1, $2, ''UPDATE'', CASE WHEN l.%3$I IS NOT NULL THEN ROW(l.*)::%2$s END, '
                                  '       CASE WHEN b.%3$I IS NOT NULL THEN ROW(b.*)::%2$s END '
                                  '  FROM riwayat_lama l FULL JOIN riwayat_baru b ON l.%3$I %4$s b.%3$I',
                                  tujuan, jenis, kolom_kunci, sama)
            USING waktu, petugas;
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION dtks.riwayat_catat() IS
    'Statement trigger (argument: the key column): append the changed rows, whole, to the table''s history table';

-- Row and TRUNCATE trigger on the history tables: only a superuser may change or remove history.
CREATE FUNCTION dtks.riwayat_tolak_ubah() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = CURRENT_USER) THEN
        RAISE EXCEPTION 'registry history is append-only: % on dtks.% is not allowed', TG_OP, TG_TABLE_NAME
            USING ERRCODE = '42501', DETAIL = 'Only a superuser can update, delete or truncate the registry history.';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;
COMMENT ON FUNCTION dtks.riwayat_tolak_ubah() IS 'Trigger: refuse UPDATE, DELETE and TRUNCATE of history unless by a superuser';

-- Per registry table: its history table, and three statement triggers (transition tables allow
-- one event per trigger).
DO $riwayat$
DECLARE
    t record;
    r text;
BEGIN
    FOR t IN SELECT * FROM (VALUES ('rumah_tangga', 'id'), ('keluarga', 'no_kk'), ('anggota', 'nik'),
                                   ('keanggotaan', 'id')) AS v(tabel, kunci)
    LOOP
        r := 'riwayat_' || t.tabel;
        EXECUTE pg_catalog.format($f$
            CREATE TABLE dtks.%1$I (
                id bigint PRIMARY KEY DEFAULT pg_catalog.nextval('dtks.riwayat_id_seq'),
                waktu timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
                transaksi xid8 NOT NULL DEFAULT pg_catalog.pg_current_xact_id(),
                pengguna name NOT NULL DEFAULT SESSION_USER,
                petugas text DEFAULT NULLIF(pg_catalog.current_setting('dtks.petugas', true), ''),
                operasi text NOT NULL CHECK (operasi IN ('INSERT', 'UPDATE', 'DELETE')),
                lama dtks.%2$I,
                baru dtks.%2$I,
                CHECK (NOT (lama IS NULL AND baru IS NULL)))$f$, r, t.tabel);
        EXECUTE pg_catalog.format('CREATE INDEX %I ON dtks.%I (((coalesce(baru, lama)).%I))', r || '_kunci', r, t.kunci);
        EXECUTE pg_catalog.format('COMMENT ON TABLE dtks.%I IS %L', r,
                       pg_catalog.format('Append-only history of dtks.%s: the old and new rows whole; only a superuser can update or delete it', t.tabel));
        EXECUTE pg_catalog.format('COMMENT ON COLUMN dtks.%I.id IS %L', r, 'Order of recording (one sequence for all history tables)');
        EXECUTE pg_catalog.format('COMMENT ON COLUMN dtks.%I.waktu IS %L', r, 'When the change was recorded (one time per statement)');
        EXECUTE pg_catalog.format('COMMENT ON COLUMN dtks.%I.transaksi IS %L', r, 'The transaction that made the change');
        EXECUTE pg_catalog.format('COMMENT ON COLUMN dtks.%I.pengguna IS %L', r, 'Session user (the database login)');
        EXECUTE pg_catalog.format('COMMENT ON COLUMN dtks.%I.petugas IS %L', r, 'The application''s own user, from SET dtks.petugas');
        EXECUTE pg_catalog.format('COMMENT ON COLUMN dtks.%I.operasi IS %L', r, 'INSERT, UPDATE or DELETE');
        EXECUTE pg_catalog.format('COMMENT ON COLUMN dtks.%I.lama IS %L', r, 'The row before the change (NULL for INSERT)');
        EXECUTE pg_catalog.format('COMMENT ON COLUMN dtks.%I.baru IS %L', r, 'The row after the change (NULL for DELETE)');
        EXECUTE pg_catalog.format('COMMENT ON INDEX dtks.%I IS %L', r || '_pkey', 'One row per recorded change');
        EXECUTE pg_catalog.format('COMMENT ON INDEX dtks.%I IS %L', r || '_kunci',
                       pg_catalog.format('History of one row: WHERE (coalesce(baru, lama)).%s = ...', t.kunci));
        EXECUTE pg_catalog.format('REVOKE ALL ON dtks.%I FROM PUBLIC', r);
        PERFORM pg_catalog.pg_extension_config_dump(pg_catalog.format('dtks.%I', r)::regclass, '');
        EXECUTE pg_catalog.format('CREATE TRIGGER riwayat_tolak_ubah BEFORE UPDATE OR DELETE ON dtks.%I '
                       'FOR EACH ROW EXECUTE FUNCTION dtks.riwayat_tolak_ubah()', r);
        EXECUTE pg_catalog.format('COMMENT ON TRIGGER riwayat_tolak_ubah ON dtks.%I IS %L', r, 'History is append-only');
        EXECUTE pg_catalog.format('CREATE TRIGGER riwayat_tolak_kosongkan BEFORE TRUNCATE ON dtks.%I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION dtks.riwayat_tolak_ubah()', r);
        EXECUTE pg_catalog.format('COMMENT ON TRIGGER riwayat_tolak_kosongkan ON dtks.%I IS %L', r, 'History is append-only');
        EXECUTE pg_catalog.format('CREATE TRIGGER riwayat_insert AFTER INSERT ON dtks.%I REFERENCING NEW TABLE AS riwayat_baru '
                       'FOR EACH STATEMENT EXECUTE FUNCTION dtks.riwayat_catat(%L)', t.tabel, t.kunci);
        EXECUTE pg_catalog.format('CREATE TRIGGER riwayat_update AFTER UPDATE ON dtks.%I '
                       'REFERENCING OLD TABLE AS riwayat_lama NEW TABLE AS riwayat_baru '
                       'FOR EACH STATEMENT EXECUTE FUNCTION dtks.riwayat_catat(%L)', t.tabel, t.kunci);
        EXECUTE pg_catalog.format('CREATE TRIGGER riwayat_delete AFTER DELETE ON dtks.%I REFERENCING OLD TABLE AS riwayat_lama '
                       'FOR EACH STATEMENT EXECUTE FUNCTION dtks.riwayat_catat(%L)', t.tabel, t.kunci);
        EXECUTE pg_catalog.format('COMMENT ON TRIGGER riwayat_insert ON dtks.%I IS %L', t.tabel, 'Append inserted rows to dtks.riwayat');
        EXECUTE pg_catalog.format('COMMENT ON TRIGGER riwayat_update ON dtks.%I IS %L', t.tabel, 'Append changed columns to dtks.riwayat');
        EXECUTE pg_catalog.format('COMMENT ON TRIGGER riwayat_delete ON dtks.%I IS %L', t.tabel, 'Append deleted rows to dtks.riwayat');
    END LOOP;
END
$riwayat$;

-- What the changed columns of an UPDATE were: the entries of a that differ in b.
CREATE FUNCTION dtks.riwayat_beda(a jsonb, b jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT coalesce(pg_catalog.jsonb_object_agg(e.key, e.value), '{}'::jsonb)
      FROM pg_catalog.jsonb_each(a) AS e
     WHERE e.value IS DISTINCT FROM (b OPERATOR(pg_catalog.->) e.key);
END;
COMMENT ON FUNCTION dtks.riwayat_beda(jsonb, jsonb) IS
    'The entries of the first object whose value differs in the second: the changed columns of an UPDATE';

-- The four history tables as one feed, in jsonb.
CREATE VIEW dtks.riwayat AS
SELECT r.id, r.waktu, r.transaksi, r.pengguna, r.petugas, r.tabel, r.operasi, r.kunci,
       CASE WHEN r.operasi OPERATOR(pg_catalog.=) 'UPDATE' AND r.baru IS NOT NULL THEN dtks.riwayat_beda(r.lama, r.baru) ELSE r.lama END AS lama,
       CASE WHEN r.operasi OPERATOR(pg_catalog.=) 'UPDATE' AND r.lama IS NOT NULL THEN dtks.riwayat_beda(r.baru, r.lama) ELSE r.baru END AS baru
  FROM (SELECT h.id, h.waktu, h.transaksi, h.pengguna, h.petugas, 'rumah_tangga'::name AS tabel, h.operasi,
               pg_catalog.jsonb_build_object('id', (coalesce(h.baru, h.lama)).id) AS kunci,
               pg_catalog.to_jsonb(h.lama) AS lama, pg_catalog.to_jsonb(h.baru) AS baru
          FROM dtks.riwayat_rumah_tangga h
        UNION ALL
        SELECT h.id, h.waktu, h.transaksi, h.pengguna, h.petugas, 'keluarga'::name, h.operasi,
               pg_catalog.jsonb_build_object('no_kk', (coalesce(h.baru, h.lama)).no_kk),
               pg_catalog.to_jsonb(h.lama), pg_catalog.to_jsonb(h.baru)
          FROM dtks.riwayat_keluarga h
        UNION ALL
        SELECT h.id, h.waktu, h.transaksi, h.pengguna, h.petugas, 'anggota'::name, h.operasi,
               pg_catalog.jsonb_build_object('nik', (coalesce(h.baru, h.lama)).nik),
               pg_catalog.to_jsonb(h.lama), pg_catalog.to_jsonb(h.baru)
          FROM dtks.riwayat_anggota h
        UNION ALL
        SELECT h.id, h.waktu, h.transaksi, h.pengguna, h.petugas, 'keanggotaan'::name, h.operasi,
               pg_catalog.jsonb_build_object('id', (coalesce(h.baru, h.lama)).id),
               pg_catalog.to_jsonb(h.lama), pg_catalog.to_jsonb(h.baru)
          FROM dtks.riwayat_keanggotaan h) AS r;
COMMENT ON VIEW dtks.riwayat IS
    'Every recorded change of the registry as one feed: key, old and new values in jsonb (the changed columns only for an UPDATE); read one row''s history from its own table (dtks.riwayat_anggota ...) to use the key index';
COMMENT ON COLUMN dtks.riwayat.id IS 'Order of recording';
COMMENT ON COLUMN dtks.riwayat.waktu IS 'When the change was recorded';
COMMENT ON COLUMN dtks.riwayat.transaksi IS 'The transaction that made the change';
COMMENT ON COLUMN dtks.riwayat.pengguna IS 'Session user (the database login)';
COMMENT ON COLUMN dtks.riwayat.petugas IS 'The application''s own user, from SET dtks.petugas';
COMMENT ON COLUMN dtks.riwayat.tabel IS 'Registry table changed';
COMMENT ON COLUMN dtks.riwayat.operasi IS 'INSERT, UPDATE or DELETE';
COMMENT ON COLUMN dtks.riwayat.kunci IS 'Primary key of the row, e.g. {"nik": "..."}';
COMMENT ON COLUMN dtks.riwayat.lama IS 'Old values: the whole row for DELETE, the changed columns for UPDATE';
COMMENT ON COLUMN dtks.riwayat.baru IS 'New values: the whole row for INSERT, the changed columns for UPDATE';
REVOKE ALL ON dtks.riwayat FROM PUBLIC;
