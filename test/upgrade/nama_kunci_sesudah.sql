-- After the update: the stored keys are the 1.1 ones, and the expression index finds them (no sequential scan).
SET enable_seqscan = off;
SET enable_bitmapscan = off;
DO $$
DECLARE
    n int;
BEGIN
    IF (SELECT pg_catalog.string_agg(kunci, ',' ORDER BY id) FROM public.orang) IS DISTINCT FROM 'TANJUNG,BUDI SANTOSO' THEN
        RAISE EXCEPTION 'nama_kunci upgrade test: the generated column was not recomputed: %',
            (SELECT pg_catalog.string_agg(kunci, ',' ORDER BY id) FROM public.orang);
    END IF;
    SELECT count(*) INTO n FROM public.nama WHERE dtks.nama_kunci(nama) = 'TANJUNG';
    IF n <> 1 THEN
        RAISE EXCEPTION 'nama_kunci upgrade test: the expression index was not rebuilt (% rows for TANJUNG)', n;
    END IF;
    SELECT count(*) INTO n FROM public.orang WHERE kunci = 'TANJUNG';
    IF n <> 1 THEN
        RAISE EXCEPTION 'nama_kunci upgrade test: the unique index on the generated column is stale';
    END IF;
    IF (SELECT pg_catalog.string_agg(kunci, ',' ORDER BY id) FROM public.orang_kunci) IS DISTINCT FROM 'TANJUNG,BUDI SANTOSO' THEN
        RAISE EXCEPTION 'nama_kunci upgrade test: the materialized view was not refreshed';
    END IF;
END $$;
SELECT 'upgrade: dtks.nama_kunci: stored keys, expression index, generated column and materialized view rebuilt';
