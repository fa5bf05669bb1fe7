-- What a score model may hold, checked when it is written, and the model cache's invalidation.

-- Row trigger on dtks.skor_bobot and dtks.skor_bobot_wilayah: the variable takes that code (or
-- none), batas only for angka, the region exists, and the model has no stored scores yet.
CREATE FUNCTION dtks.skor_bobot_periksa() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v record;
    baris record;
BEGIN
    IF TG_OP = 'DELETE' THEN baris := OLD; ELSE baris := NEW; END IF;
    IF EXISTS (SELECT 1 FROM dtks.skor_model m WHERE m.bawaan AND m.versi IN (baris.versi, OLD.versi)) THEN
        RAISE EXCEPTION 'score model %: the shipped model is read-only', baris.versi
            USING ERRCODE = '55000', HINT = 'Copy it into a new version with dtks.skor_model_salin(...) and change the copy.';
    END IF;
    IF TG_OP <> 'INSERT' AND EXISTS (SELECT 1 FROM dtks.skor_keluarga s WHERE s.versi = OLD.versi) THEN
        RAISE EXCEPTION 'score model %: its weights cannot change, scores computed with it are stored', OLD.versi
            USING ERRCODE = '55000',
                  DETAIL = 'dtks.skor_keluarga holds scores of this version; a penetapan may have used them.',
                  HINT = 'Create a new model version with the changed weights.';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    SELECT * INTO v FROM dtks.skor_variabel x WHERE x.nama = baris.variabel;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'score model %: unknown variable "%"', baris.versi, baris.variabel
            USING ERRCODE = '23503', DETAIL = 'The variables a model can weigh are listed in dtks.skor_variabel.';
    END IF;
    IF v.jenis = 'kode' AND (baris.kode IS NULL OR NOT baris.kode = ANY (v.kode_sah)) THEN
        RAISE EXCEPTION 'score model %: % is not a code of variable %', baris.versi, coalesce(baris.kode::text, 'NULL'), baris.variabel
            USING ERRCODE = '23514', DETAIL = format('The codes of %s are %s.', baris.variabel, v.kode_sah);
    ELSIF v.jenis <> 'kode' AND baris.kode IS NOT NULL THEN
        RAISE EXCEPTION 'score model %: variable % takes no code (it is %)', baris.versi, baris.variabel, v.jenis
            USING ERRCODE = '23514', DETAIL = format('Code %s was given; leave kode NULL.', baris.kode);
    END IF;
    IF TG_TABLE_NAME = 'skor_bobot' THEN
        IF NEW.batas IS NOT NULL AND v.jenis <> 'angka' THEN
            RAISE EXCEPTION 'score model %: batas is only for angka variables, not %', NEW.versi, NEW.variabel
                USING ERRCODE = '23514', DETAIL = format('%s is a %s variable.', NEW.variabel, v.jenis);
        END IF;
    ELSIF NOT EXISTS (SELECT 1 FROM dtks.wilayah w WHERE w.kode OPERATOR(dtks.=) NEW.kode_wilayah) THEN
        RAISE EXCEPTION 'score model %: region % is not a code of the current edition', NEW.versi, NEW.kode_wilayah
            USING ERRCODE = '23503', DETAIL = 'A region override names a province, kab/kota, kecamatan or desa of dtks.wilayah.';
    ELSIF NOT EXISTS (SELECT 1 FROM dtks.skor_bobot b WHERE b.versi = NEW.versi AND b.variabel = NEW.variabel
                         AND b.kode IS NOT DISTINCT FROM NEW.kode) THEN
        RAISE EXCEPTION 'score model %: region override of % % has no weight to replace', NEW.versi, NEW.variabel,
                        coalesce('code ' || NEW.kode, '')
            USING ERRCODE = '23503', DETAIL = 'An override replaces a weight of the model; give the model that weight first.';
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION dtks.skor_bobot_periksa() IS
    'Row trigger: a weight names a known variable and one of its codes, a region of the current edition, and a model without stored scores';
CREATE TRIGGER skor_bobot_periksa BEFORE INSERT OR UPDATE OR DELETE ON dtks.skor_bobot
    FOR EACH ROW EXECUTE FUNCTION dtks.skor_bobot_periksa();
COMMENT ON TRIGGER skor_bobot_periksa ON dtks.skor_bobot IS 'Weights are checked when written';
CREATE TRIGGER skor_bobot_periksa BEFORE INSERT OR UPDATE OR DELETE ON dtks.skor_bobot_wilayah
    FOR EACH ROW EXECUTE FUNCTION dtks.skor_bobot_periksa();
COMMENT ON TRIGGER skor_bobot_periksa ON dtks.skor_bobot_wilayah IS 'Region overrides are checked when written';

-- Row trigger on dtks.skor_model: the shipped model is read-only; a model with stored scores keeps
-- its constant and its start, and stays; only its name, description and the end of its validity may change.
CREATE FUNCTION dtks.skor_model_periksa() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF OLD.bawaan THEN
        RAISE EXCEPTION 'score model %: the shipped model is read-only', OLD.versi
            USING ERRCODE = '55000', HINT = 'Copy it into a new version with dtks.skor_model_salin(...) and change the copy.';
    END IF;
    IF EXISTS (SELECT 1 FROM dtks.skor_keluarga s WHERE s.versi = OLD.versi)
       AND (TG_OP = 'DELETE' OR NEW.konstanta <> OLD.konstanta OR lower(NEW.berlaku) <> lower(OLD.berlaku)) THEN
        RAISE EXCEPTION 'score model %: scores computed with it are stored, it cannot be %', OLD.versi,
                        CASE TG_OP WHEN 'DELETE' THEN 'removed' ELSE 'changed that way' END
            USING ERRCODE = '55000',
                  DETAIL = 'Only the name, the description and the end of the validity of a used model may change.',
                  HINT = 'Close its validity and create a new version.';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;
COMMENT ON FUNCTION dtks.skor_model_periksa() IS
    'Row trigger: a model with stored scores keeps its constant and start and is not removed';
CREATE TRIGGER skor_model_periksa BEFORE UPDATE OR DELETE ON dtks.skor_model
    FOR EACH ROW EXECUTE FUNCTION dtks.skor_model_periksa();
COMMENT ON TRIGGER skor_model_periksa ON dtks.skor_model IS 'A used model is not rewritten';

-- Statement trigger: tell every backend's model cache (src/skor.c) that the models changed.
CREATE FUNCTION dtks.skor_model_berubah() RETURNS trigger
    AS 'MODULE_PATHNAME', 'skor_model_berubah' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION dtks.skor_model_berubah() IS
    'Statement trigger on the model tables: invalidate the score model cached in every backend (at commit)';
DO $berubah$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['skor_variabel', 'skor_model', 'skor_bobot', 'skor_bobot_wilayah'] LOOP
        EXECUTE pg_catalog.format('CREATE TRIGGER skor_model_berubah AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON dtks.%I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION dtks.skor_model_berubah()', t);
        EXECUTE pg_catalog.format('COMMENT ON TRIGGER skor_model_berubah ON dtks.%I IS %L', t,
                       'The cached score models are read again after a change');
    END LOOP;
END
$berubah$;
