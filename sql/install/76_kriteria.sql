-- The BPS 14 criteria of a poor household and the 9 of Kepmensos 262/HUK/2022, from the registry's
-- answers.  Some criteria ask about consumption the Regsosek questionnaire does not record; they
-- are reported as not assessable (NULL), never counted as met.

-- Each of the 14 BPS criteria for a family on a date: met, not met, or NULL (not assessable).
CREATE FUNCTION dtks.kriteria_bps14_rinci(no_kk dtks.no_kk, acuan date DEFAULT CURRENT_DATE)
    RETURNS TABLE (nomor integer, kriteria text, terpenuhi boolean)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    WITH x AS (SELECT s.rumah_tangga AS h, s.keluarga AS f, s.kepala AS k, s.ringkasan AS r
                 FROM dtks.skor_masukan_kk(kriteria_bps14_rinci.no_kk, acuan) s)
    SELECT v.nomor, v.kriteria, v.terpenuhi FROM x, LATERAL (VALUES
        (1, 'floor area under 8 m2 per person', ((x.h).luas_lantai::numeric OPERATOR(pg_catalog./) nullif((x.r)[1], 0)) OPERATOR(pg_catalog.<) 8),
        (2, 'floor of earth, bamboo or cheap wood', (x.h).jenis_lantai OPERATOR(pg_catalog.=) ANY (ARRAY[5, 7, 8])),
        (3, 'walls of bamboo, rumbia, poor wood or unplastered', (x.h).jenis_dinding OPERATOR(pg_catalog.=) ANY (ARRAY[4, 5, 6, 7])),
        (4, 'no toilet, or one shared with other households', (x.h).fasilitas_bab OPERATOR(pg_catalog.=) ANY (ARRAY[2, 3, 4, 5, 6])),
        (5, 'lighting not electricity', (x.h).sumber_penerangan OPERATOR(pg_catalog.=) 4),
        (6, 'drinking water from an unprotected well or spring, a river or rain', (x.h).sumber_air_minum OPERATOR(pg_catalog.=) ANY (ARRAY[6, 8, 9, 10])),
        (7, 'cooking with firewood, charcoal or kerosene', (x.h).bahan_bakar OPERATOR(pg_catalog.=) ANY (ARRAY[7, 9, 10])),
        (8, 'meat, milk or chicken at most once a week (not recorded)', NULL::boolean),
        (9, 'one new set of clothes a year (not recorded)', NULL),
        (10, 'one or two meals a day (not recorded)', NULL),
        (11, 'cannot pay for the puskesmas or a clinic (not recorded)', NULL),
        (12, 'the head does not work, or works as a casual or family worker',
             CASE WHEN (x.k).bekerja IS NULL THEN NULL
                  ELSE NOT (x.k).bekerja OR (x.k).kedudukan_pekerjaan OPERATOR(pg_catalog.=) ANY (ARRAY[6, 7, 8]) END),
        (13, 'the head has no certificate, or primary school at most', (x.k).ijazah_tertinggi OPERATOR(pg_catalog.=) 23 OR (x.k).ijazah_tertinggi OPERATOR(pg_catalog.<=) 4),
        (14, 'no saleable goods of Rp500.000 (motorcycle, gold, livestock, motor boat)',
             NOT (coalesce((x.f).punya_sepeda_motor, false) OR coalesce((x.f).punya_emas, false)
                  OR coalesce((x.f).punya_perahu_motor, false) OR coalesce((x.f).punya_mobil, false)
                  OR coalesce((x.f).jumlah_sapi, 0) OPERATOR(pg_catalog.+) coalesce((x.f).jumlah_kerbau, 0) OPERATOR(pg_catalog.+) coalesce((x.f).jumlah_kuda, 0)
                     OPERATOR(pg_catalog.+) coalesce((x.f).jumlah_babi, 0) OPERATOR(pg_catalog.+) coalesce((x.f).jumlah_kambing, 0) OPERATOR(pg_catalog.>) 0))
    ) AS v(nomor, kriteria, terpenuhi);
END;
COMMENT ON FUNCTION dtks.kriteria_bps14_rinci(dtks.no_kk, date) IS
    'Each of the 14 BPS criteria of a poor household for a family: true, false, or NULL where the registry does not record it (8-11, consumption) or the answer is missing';

-- How many of the 14 BPS criteria a family meets; 9 or more is the BPS definition of poor.
CREATE FUNCTION dtks.kriteria_bps14(no_kk dtks.no_kk, acuan date DEFAULT CURRENT_DATE,
                                    OUT terpenuhi integer, OUT dinilai integer, OUT miskin boolean, OUT nomor integer[])
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT pg_catalog.count(*) FILTER (WHERE r.terpenuhi)::integer, pg_catalog.count(r.terpenuhi)::integer,
           pg_catalog.count(*) FILTER (WHERE r.terpenuhi) OPERATOR(pg_catalog.>=) 9,
           coalesce(pg_catalog.array_agg(r.nomor ORDER BY r.nomor) FILTER (WHERE r.terpenuhi), '{}')
      FROM dtks.kriteria_bps14_rinci(no_kk, acuan) r
    HAVING pg_catalog.count(*) OPERATOR(pg_catalog.>) 0;
END;
COMMENT ON FUNCTION dtks.kriteria_bps14(dtks.no_kk, date) IS
    'The BPS 14 criteria for a family: how many are met, how many could be assessed (4 are not recorded), poor when 9 or more are met, and which';

-- Each of the 9 criteria of Kepmensos 262/HUK/2022 for a family on a date.
CREATE FUNCTION dtks.kriteria_kemensos262_rinci(no_kk dtks.no_kk, acuan date DEFAULT CURRENT_DATE)
    RETURNS TABLE (nomor integer, kriteria text, terpenuhi boolean)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    WITH x AS (SELECT s.rumah_tangga AS h, s.keluarga AS f, s.kepala AS k, s.ringkasan AS r
                 FROM dtks.skor_masukan_kk(kriteria_kemensos262_rinci.no_kk, acuan) s)
    SELECT v.nomor, v.kriteria, v.terpenuhi FROM x, LATERAL (VALUES
        (1, 'no dwelling of its own (lives with others)', (x.h).status_bangunan OPERATOR(pg_catalog.=) 6),
        (2, 'the head or carer does not work', NOT (x.k).bekerja),
        (3, 'worried about food or went without in the past year (not recorded)', NULL::boolean),
        (4, 'food is over half of spending (not recorded)', NULL),
        (5, 'no spending on clothes in the past year (not recorded)', NULL),
        (6, 'floor mostly earth or cement', (x.h).jenis_lantai OPERATOR(pg_catalog.=) ANY (ARRAY[6, 8])),
        (7, 'walls of bamboo, wire, board, tarpaulin, cardboard, unplastered brick, rumbia or zinc', (x.h).jenis_dinding OPERATOR(pg_catalog.=) ANY (ARRAY[2, 3, 4, 5, 6, 7])),
        (8, 'no latrine of its own, or a shared one', (x.h).fasilitas_bab OPERATOR(pg_catalog.=) ANY (ARRAY[2, 3, 4, 5, 6])),
        (9, 'lighting of 450 W or not electric', (x.h).sumber_penerangan OPERATOR(pg_catalog.=) 4 OR (x.h).daya_listrik OPERATOR(pg_catalog.=) '{1}')
    ) AS v(nomor, kriteria, terpenuhi);
END;
COMMENT ON FUNCTION dtks.kriteria_kemensos262_rinci(dtks.no_kk, date) IS
    'Each of the 9 criteria of Kepmensos 262/HUK/2022 for a family: true, false, or NULL where the registry does not record it (3-5) or the answer is missing';

-- How many of the 9 Kepmensos 262 criteria a family meets (how many must hold is not confirmed: no verdict).
CREATE FUNCTION dtks.kriteria_kemensos262(no_kk dtks.no_kk, acuan date DEFAULT CURRENT_DATE,
                                          OUT terpenuhi integer, OUT dinilai integer, OUT nomor integer[])
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT pg_catalog.count(*) FILTER (WHERE r.terpenuhi)::integer, pg_catalog.count(r.terpenuhi)::integer,
           coalesce(pg_catalog.array_agg(r.nomor ORDER BY r.nomor) FILTER (WHERE r.terpenuhi), '{}')
      FROM dtks.kriteria_kemensos262_rinci(no_kk, acuan) r
    HAVING pg_catalog.count(*) OPERATOR(pg_catalog.>) 0;
END;
COMMENT ON FUNCTION dtks.kriteria_kemensos262(dtks.no_kk, date) IS
    'The 9 criteria of Kepmensos 262/HUK/2022 for a family: how many are met, how many could be assessed (3 are not recorded), and which; the regulation''s threshold is not confirmed, so no verdict is given';
