-- Append-only history of every change to the registry tables: who (session user and the
-- application's own user from the dtks.petugas setting), when, and what changed.

CREATE TABLE dtks.riwayat (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    waktu timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    transaksi xid8 NOT NULL DEFAULT pg_catalog.pg_current_xact_id(),
    pengguna name NOT NULL DEFAULT SESSION_USER,
    petugas text DEFAULT pg_catalog.current_setting('dtks.petugas', true),
    tabel name NOT NULL,
    operasi text NOT NULL CHECK (operasi IN ('INSERT', 'UPDATE', 'DELETE')),
    kunci jsonb NOT NULL,
    lama jsonb,
    baru jsonb
);
COMMENT ON TABLE dtks.riwayat IS
    'Append-only history of the registry tables; only a superuser can update or delete it';
COMMENT ON COLUMN dtks.riwayat.id IS 'Order of recording';
COMMENT ON COLUMN dtks.riwayat.waktu IS 'When the change was recorded';
COMMENT ON COLUMN dtks.riwayat.transaksi IS 'The transaction that made the change';
COMMENT ON COLUMN dtks.riwayat.pengguna IS 'Session user (the database login)';
COMMENT ON COLUMN dtks.riwayat.petugas IS 'The application''s own user, from SET dtks.petugas = ''...''';
COMMENT ON COLUMN dtks.riwayat.tabel IS 'Registry table changed';
COMMENT ON COLUMN dtks.riwayat.operasi IS 'INSERT, UPDATE or DELETE';
COMMENT ON COLUMN dtks.riwayat.kunci IS 'Primary key of the row, e.g. {"nik": "..."}';
COMMENT ON COLUMN dtks.riwayat.lama IS 'Old values: the whole row for DELETE, the changed columns for UPDATE';
COMMENT ON COLUMN dtks.riwayat.baru IS 'New values: the whole row for INSERT, the changed columns for UPDATE';
CREATE INDEX riwayat_kunci ON dtks.riwayat (tabel, kunci);
COMMENT ON INDEX dtks.riwayat_kunci IS
    'History of one row: WHERE tabel = ''anggota'' AND kunci = ''{"nik": "..."}'' (a btree: a GIN index made bulk loads several times slower)';
COMMENT ON INDEX dtks.riwayat_pkey IS 'One row per recorded change';
COMMENT ON SEQUENCE dtks.riwayat_id_seq IS 'Order of recording';
REVOKE ALL ON dtks.riwayat FROM PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('dtks.riwayat'::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('dtks.riwayat_id_seq'::regclass, '');

-- Statement trigger: append the statement's rows from its transition tables, set-based.
-- SECURITY DEFINER so that any role changing the registry appends history without holding
-- INSERT on dtks.riwayat itself (which would let it write forged history); the path is pinned.
CREATE FUNCTION dtks.riwayat_catat() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    kolom_kunci text := TG_ARGV[0];
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO dtks.riwayat (tabel, operasi, kunci, baru)
        SELECT TG_TABLE_NAME, TG_OP, jsonb_build_object(kolom_kunci, j -> kolom_kunci), j
          FROM (SELECT to_jsonb(b) AS j FROM riwayat_baru b) s;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO dtks.riwayat (tabel, operasi, kunci, lama)
        SELECT TG_TABLE_NAME, TG_OP, jsonb_build_object(kolom_kunci, j -> kolom_kunci), j
          FROM (SELECT to_jsonb(l) AS j FROM riwayat_lama l) s;
    ELSE
        -- pair old and new rows by key; a row whose key itself changed is kept whole on both sides
        INSERT INTO dtks.riwayat (tabel, operasi, kunci, lama, baru)
        SELECT TG_TABLE_NAME, TG_OP, jsonb_build_object(kolom_kunci, coalesce(l.j, b.j) -> kolom_kunci),
               CASE WHEN b.j IS NULL THEN l.j
                    ELSE (SELECT jsonb_object_agg(e.key, e.value) FROM jsonb_each(l.j) e
                           WHERE e.value IS DISTINCT FROM b.j -> e.key) END,
               CASE WHEN l.j IS NULL THEN b.j
                    ELSE (SELECT jsonb_object_agg(e.key, e.value) FROM jsonb_each(b.j) e
                           WHERE e.value IS DISTINCT FROM l.j -> e.key) END
          FROM (SELECT to_jsonb(x) AS j FROM riwayat_lama x) l
          FULL JOIN (SELECT to_jsonb(y) AS j FROM riwayat_baru y) b ON (l.j -> kolom_kunci) = (b.j -> kolom_kunci);
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION dtks.riwayat_catat() IS
    'Statement trigger (argument: the key column): append the changed rows to dtks.riwayat';

-- Row trigger on dtks.riwayat: only a superuser may change or remove history.
CREATE FUNCTION dtks.riwayat_tolak_ubah() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = CURRENT_USER) THEN
        RAISE EXCEPTION 'dtks.riwayat is append-only: % is not allowed', TG_OP
            USING ERRCODE = '42501', DETAIL = 'Only a superuser can update, delete or truncate the registry history.';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;
COMMENT ON FUNCTION dtks.riwayat_tolak_ubah() IS 'Trigger: refuse UPDATE, DELETE and TRUNCATE of history unless by a superuser';
CREATE TRIGGER riwayat_tolak_ubah BEFORE UPDATE OR DELETE ON dtks.riwayat
    FOR EACH ROW EXECUTE FUNCTION dtks.riwayat_tolak_ubah();
COMMENT ON TRIGGER riwayat_tolak_ubah ON dtks.riwayat IS 'History is append-only';
CREATE TRIGGER riwayat_tolak_kosongkan BEFORE TRUNCATE ON dtks.riwayat
    FOR EACH STATEMENT EXECUTE FUNCTION dtks.riwayat_tolak_ubah();
COMMENT ON TRIGGER riwayat_tolak_kosongkan ON dtks.riwayat IS 'History is append-only';

-- Three statement triggers per registry table (transition tables allow one event per trigger).
DO $riwayat$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT * FROM (VALUES ('rumah_tangga', 'id'), ('keluarga', 'no_kk'), ('anggota', 'nik'),
                                   ('keanggotaan', 'id')) AS v(tabel, kunci)
    LOOP
        EXECUTE format('CREATE TRIGGER riwayat_insert AFTER INSERT ON dtks.%I REFERENCING NEW TABLE AS riwayat_baru '
                       'FOR EACH STATEMENT EXECUTE FUNCTION dtks.riwayat_catat(%L)', t.tabel, t.kunci);
        EXECUTE format('CREATE TRIGGER riwayat_update AFTER UPDATE ON dtks.%I '
                       'REFERENCING OLD TABLE AS riwayat_lama NEW TABLE AS riwayat_baru '
                       'FOR EACH STATEMENT EXECUTE FUNCTION dtks.riwayat_catat(%L)', t.tabel, t.kunci);
        EXECUTE format('CREATE TRIGGER riwayat_delete AFTER DELETE ON dtks.%I REFERENCING OLD TABLE AS riwayat_lama '
                       'FOR EACH STATEMENT EXECUTE FUNCTION dtks.riwayat_catat(%L)', t.tabel, t.kunci);
        EXECUTE format('COMMENT ON TRIGGER riwayat_insert ON dtks.%I IS %L', t.tabel, 'Append inserted rows to dtks.riwayat');
        EXECUTE format('COMMENT ON TRIGGER riwayat_update ON dtks.%I IS %L', t.tabel, 'Append changed columns to dtks.riwayat');
        EXECUTE format('COMMENT ON TRIGGER riwayat_delete ON dtks.%I IS %L', t.tabel, 'Append deleted rows to dtks.riwayat');
    END LOOP;
END
$riwayat$;
