-- The KK graph: kinship edges inside a family, and families connected across time.

CREATE FUNCTION dtks.kk_graf(no_kk dtks.no_kk, acuan date DEFAULT CURRENT_DATE)
    RETURNS TABLE (nik_a dtks.nik, nik_b dtks.nik, hubungan text)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
WITH
    kini AS (SELECT m.nik, m.shdk FROM dtks.keanggotaan m
              WHERE m.no_kk OPERATOR(dtks.=) kk_graf.no_kk AND m.berlaku OPERATOR(pg_catalog.@>) acuan),
    -- (SHDK of a, SHDK of b, how a relates to b): 1 kepala, 2 suami, 3 istri, 4 anak, 5 menantu,
    -- 6 cucu, 7 orang tua (of the kepala), 8 mertua (parent of the kepala's spouse)
    aturan (shdk_a, shdk_b, hubungan) AS (VALUES
        (1, 2, 'pasangan'), (1, 3, 'pasangan'),
        (1, 4, 'orang_tua-anak'), (2, 4, 'orang_tua-anak'), (3, 4, 'orang_tua-anak'),
        (7, 1, 'orang_tua-anak'), (8, 2, 'orang_tua-anak'), (8, 3, 'orang_tua-anak'),
        (1, 6, 'kakek_nenek-cucu'), (2, 6, 'kakek_nenek-cucu'), (3, 6, 'kakek_nenek-cucu'),
        (7, 4, 'kakek_nenek-cucu'), (8, 4, 'kakek_nenek-cucu'),
        (1, 5, 'mertua-menantu'), (2, 5, 'mertua-menantu'), (3, 5, 'mertua-menantu'),
        (8, 1, 'mertua-menantu'), (7, 2, 'mertua-menantu'), (7, 3, 'mertua-menantu'),
        (4, 4, 'saudara'))
SELECT a.nik, b.nik, r.hubungan
  FROM aturan r
  JOIN kini a ON a.shdk OPERATOR(pg_catalog.=) r.shdk_a
  JOIN kini b ON b.shdk OPERATOR(pg_catalog.=) r.shdk_b AND b.nik OPERATOR(dtks.<>) a.nik
 WHERE r.shdk_a OPERATOR(pg_catalog.<>) r.shdk_b OR a.nik OPERATOR(dtks.<) b.nik
 ORDER BY 3, 1, 2;
END;
COMMENT ON FUNCTION dtks.kk_graf(dtks.no_kk, date) IS
    'Kinship edges among the members of a KK on a date, derived from SHDK: pasangan, orang_tua-anak, kakek_nenek-cucu, mertua-menantu (a is the elder), saudara. SHDK does not say which spouse is a child''s parent: a child is linked to the kepala and every spouse';

CREATE FUNCTION dtks.kk_komponen() RETURNS TABLE (no_kk dtks.no_kk, komponen dtks.no_kk, ukuran integer)
    AS 'MODULE_PATHNAME', 'kk_komponen' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION dtks.kk_komponen() IS
    'Connected components of all KKs, linked by people who were members of both at any time and by shared households (union-find in C); komponen is the smallest KK number of the component, ukuran its number of KKs';
