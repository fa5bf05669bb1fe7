-- The baseline of bench/usulan.sh: dtks.usulan_periksa's checks written in PL/pgSQL, as an application
-- team would write them (per row: the step and the office read by query, plans cached by PL/pgSQL).
-- Installed in schema dtks_bench_usulan, its trigger disabled until the benchmark turns it on.
CREATE FUNCTION dtks_bench_usulan.usulan_periksa() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, dtks AS $$
DECLARE
    peran_kini text := dtks.usulan_peran();
    sistem boolean := peran_kini IN ('pemadanan', 'penetapan');
    kantor_wilayah dtks.kode_wilayah;
    l record;
    d date := CURRENT_DATE;
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.status <> 'draf' THEN
            RAISE EXCEPTION 'a new usulan must start as draf' USING ERRCODE = 'DTK01';
        END IF;
        RETURN NEW;
    END IF;
    IF (NEW.periode_penetapan, NEW.dibuat, NEW.dibuat_oleh) IS DISTINCT FROM (OLD.periode_penetapan, OLD.dibuat, OLD.dibuat_oleh) THEN
        RAISE EXCEPTION 'usulan %: a column set by the process only was changed', OLD.id USING ERRCODE = 'DTK03';
    END IF;
    IF OLD.status NOT IN ('draf', 'tidak_padan', 'dikembalikan')
       AND (NEW.jenis, NEW.sumber, NEW.kode_wilayah, NEW.no_kk, NEW.data, NEW.program, NEW.alasan_penghentian)
           IS DISTINCT FROM (OLD.jenis, OLD.sumber, OLD.kode_wilayah, OLD.no_kk, OLD.data, OLD.program, OLD.alasan_penghentian) THEN
        RAISE EXCEPTION 'usulan %: the proposal cannot change while %', OLD.id, OLD.status USING ERRCODE = 'DTK03';
    END IF;
    IF NEW.status = OLD.status THEN
        RAISE EXCEPTION 'usulan % is already %', OLD.id, OLD.status USING ERRCODE = 'DTK01';
    END IF;
    IF NOT sistem THEN
        SELECT p.peran, p.kode_wilayah INTO peran_kini, kantor_wilayah FROM dtks.petugas_peran p WHERE p.pengguna = current_user;
    END IF;
    SELECT * INTO l FROM dtks.usulan_langkah s WHERE s.dari = OLD.status AND s.ke = NEW.status AND s.peran = peran_kini;
    IF NOT FOUND THEN
        IF EXISTS (SELECT 1 FROM dtks.usulan_langkah s WHERE s.dari = OLD.status AND s.ke = NEW.status) THEN
            RAISE EXCEPTION 'usulan %: step % -> % is not taken by %', OLD.id, OLD.status, NEW.status, peran_kini USING ERRCODE = '42501';
        END IF;
        RAISE EXCEPTION 'usulan %: % -> % is not a step', OLD.id, OLD.status, NEW.status USING ERRCODE = 'DTK01';
    END IF;
    IF NOT sistem AND kantor_wilayah IS NOT NULL AND NOT NEW.kode_wilayah OPERATOR(dtks.<@) kantor_wilayah THEN
        RAISE EXCEPTION 'usulan % is outside the region of %', OLD.id, current_user USING ERRCODE = '42501';
    END IF;
    IF l.syarat = 'berita_acara' AND NEW.sumber IN ('musdes', 'muskel') AND NEW.berita_acara IS NULL
       OR l.syarat = 'kunjungan' AND (NEW.tanggal_kunjungan IS NULL OR NEW.petugas_verval IS NULL)
       OR l.syarat = 'surat_pengesahan' AND NEW.surat_pengesahan IS NULL
       OR l.syarat = 'alasan' AND (NEW.alasan IS NULL OR NEW.alasan IS NOT DISTINCT FROM OLD.alasan) THEN
        RAISE EXCEPTION 'usulan %: step % -> % needs %', OLD.id, OLD.status, NEW.status, l.syarat USING ERRCODE = '23514';
    END IF;
    IF l.tahap IS NOT NULL AND current_setting('dtks.tegakkan_jadwal')::boolean
       AND EXISTS (SELECT 1 FROM dtks.usulan_jadwal j WHERE j.tahap = l.tahap AND j.kode_wilayah OPERATOR(dtks.@>) NEW.kode_wilayah)
       AND NOT EXISTS (SELECT 1 FROM dtks.usulan_jadwal j WHERE j.tahap = l.tahap AND j.kode_wilayah OPERATOR(dtks.@>) NEW.kode_wilayah
                          AND j.berlaku @> d) THEN
        RAISE EXCEPTION 'usulan %: outside the % schedule', OLD.id, l.tahap USING ERRCODE = 'DTK02';
    END IF;
    IF NEW.status = 'dikirim' THEN
        NEW.periode_penetapan := (date_trunc('month', d) + CASE WHEN extract(day FROM d) > current_setting('dtks.hari_batas')::int
                                                               THEN interval '1 month' ELSE interval '0' END)::date;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER usulan_periksa_plpgsql BEFORE INSERT OR UPDATE ON dtks.usulan
    FOR EACH ROW EXECUTE FUNCTION dtks_bench_usulan.usulan_periksa();
ALTER TABLE dtks.usulan DISABLE TRIGGER usulan_periksa_plpgsql;
