-- dtks.petugas is a defined setting in 1.1 (the dtks. prefix is reserved, so it must be): unset, it
-- reads as '' instead of NULL.  The histories keep recording NULL for "no application user", as 1.0
-- did: the history trigger and the column defaults take NULLIF(..., '').
CREATE OR REPLACE FUNCTION dtks.riwayat_catat() RETURNS trigger
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
ALTER TABLE dtks.riwayat_rumah_tangga ALTER COLUMN petugas SET DEFAULT NULLIF(pg_catalog.current_setting('dtks.petugas', true), '');
ALTER TABLE dtks.riwayat_keluarga ALTER COLUMN petugas SET DEFAULT NULLIF(pg_catalog.current_setting('dtks.petugas', true), '');
ALTER TABLE dtks.riwayat_anggota ALTER COLUMN petugas SET DEFAULT NULLIF(pg_catalog.current_setting('dtks.petugas', true), '');
ALTER TABLE dtks.riwayat_keanggotaan ALTER COLUMN petugas SET DEFAULT NULLIF(pg_catalog.current_setting('dtks.petugas', true), '');
ALTER TABLE dtks.usulan_riwayat ALTER COLUMN petugas SET DEFAULT NULLIF(pg_catalog.current_setting('dtks.petugas', true), '');
