-- Before the update (a 1.0 database): what a site may have stored from dtks.nama_kunci under the 1.0 rules,
-- an expression index, a stored generated column with a unique index, a materialized view.  1.0 keys
-- Tanjoeng as TANYUNG; the update (sql/upgrade/1.0--1.1/80_nama.sql) must rebuild all three to TANJUNG.
CREATE TABLE public.orang (id int PRIMARY KEY, nama text NOT NULL,
                           kunci text GENERATED ALWAYS AS (dtks.nama_kunci(nama)) STORED UNIQUE);
INSERT INTO public.orang (id, nama) VALUES (1, 'Tanjoeng'), (2, 'Budi Santoso SE');
-- the expression index on a table of its own (an UPDATE for the generated column would rewrite its entries too)
CREATE TABLE public.nama (id int PRIMARY KEY, nama text NOT NULL);
CREATE INDEX nama_nama_kunci ON public.nama (dtks.nama_kunci(nama));
INSERT INTO public.nama VALUES (1, 'Tanjoeng'), (2, 'Budi Santoso SE');
CREATE MATERIALIZED VIEW public.orang_kunci AS SELECT id, dtks.nama_kunci(nama) AS kunci FROM public.orang;
DO $$
BEGIN
    IF (SELECT kunci FROM public.orang WHERE id = 1) IS DISTINCT FROM 'TANYUNG' THEN
        RAISE EXCEPTION 'nama_kunci upgrade test: a 1.0 database running the new library must keep the 1.0 key, got %',
            (SELECT kunci FROM public.orang WHERE id = 1);
    END IF;
END $$;
