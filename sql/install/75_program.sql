-- Aid programs as data, the outside data agencies match by NIK, and eligibility.

CREATE TABLE dtks.program (
    kode text PRIMARY KEY CHECK (kode ~ '^[A-Z][A-Z0-9_]*$'),
    nama text NOT NULL,
    desil_maks smallint CHECK (desil_maks BETWEEN 1 AND 10),
    lingkup_desil text NOT NULL DEFAULT 'nasional' CHECK (lingkup_desil IN ('nasional', 'provinsi', 'kabkota')),
    wilayah dtks.kode_wilayah,
    butuh_komponen_pkh boolean NOT NULL DEFAULT false,
    butuh_anak_sekolah boolean NOT NULL DEFAULT false,
    keterangan text NOT NULL,
    bawaan boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE dtks.program IS 'Aid programs and their rules: a desil ceiling, a region, required components; exclusions in dtks.program_pengecualian';
COMMENT ON COLUMN dtks.program.kode IS 'Program code, e.g. PKH';
COMMENT ON COLUMN dtks.program.nama IS 'Program name';
COMMENT ON COLUMN dtks.program.desil_maks IS 'Highest desil admitted (NULL: no ceiling)';
COMMENT ON COLUMN dtks.program.lingkup_desil IS 'Which stored desil the ceiling reads: nasional, provinsi or kabkota';
COMMENT ON COLUMN dtks.program.wilayah IS 'Region the program serves (NULL: the whole country), e.g. 31 for a DKI Jakarta program';
COMMENT ON COLUMN dtks.program.butuh_komponen_pkh IS 'At least one PKH component in the family: pregnant, child under 6, school-age child in school, elderly 60+, severe disability';
COMMENT ON COLUMN dtks.program.butuh_anak_sekolah IS 'At least one member aged 6-21 in school';
COMMENT ON COLUMN dtks.program.keterangan IS 'Source of the rules';
COMMENT ON COLUMN dtks.program.bawaan IS 'Shipped with the extension (pg_dump keeps every row not as shipped: see dtks.aturan_bawaan)';
COMMENT ON INDEX dtks.program_pkey IS 'One row per program';
SELECT pg_catalog.pg_extension_config_dump('dtks.program'::regclass,
    'WHERE NOT dtks.aturan_utuh(''program'', program)');

-- Outside data matched by NIK (civil servants, vehicles, property values...), as agencies load it.
CREATE TABLE dtks.data_luar (
    nik dtks.nik NOT NULL,
    jenis text NOT NULL CHECK (jenis ~ '^[a-z][a-z0-9_]*$'),
    nilai numeric,
    sumber text NOT NULL,
    berlaku daterange NOT NULL DEFAULT pg_catalog.daterange(CURRENT_DATE, NULL)
);
COMMENT ON TABLE dtks.data_luar IS 'Outside records matched by NIK that exclude from programs (e.g. pns_tni_polri from BKN, mobil from Bapenda, njop from the land registry); loadable by COPY';
COMMENT ON COLUMN dtks.data_luar.nik IS 'The person';
COMMENT ON COLUMN dtks.data_luar.jenis IS 'Kind of record: pns_tni_polri, mobil, njop, ...';
COMMENT ON COLUMN dtks.data_luar.nilai IS 'A value where the kind has one (e.g. NJOP in rupiah)';
COMMENT ON COLUMN dtks.data_luar.sumber IS 'Agency the record came from';
COMMENT ON COLUMN dtks.data_luar.berlaku IS 'When the record holds';
CREATE INDEX data_luar_nik ON dtks.data_luar (nik);
COMMENT ON INDEX dtks.data_luar_nik IS 'Records of a person';
SELECT pg_catalog.pg_extension_config_dump('dtks.data_luar'::regclass, '');

CREATE TABLE dtks.program_pengecualian (
    program text NOT NULL REFERENCES dtks.program (kode) ON DELETE CASCADE,
    jenis text NOT NULL,
    nilai_lebih_dari numeric,
    alasan text NOT NULL,
    bawaan boolean NOT NULL DEFAULT false,
    PRIMARY KEY (program, jenis)
);
COMMENT ON TABLE dtks.program_pengecualian IS 'A family is excluded from a program when a current member has an outside record of this kind (above the value, where one is given)';
COMMENT ON COLUMN dtks.program_pengecualian.program IS 'Program';
COMMENT ON COLUMN dtks.program_pengecualian.jenis IS 'Kind of record in dtks.data_luar';
COMMENT ON COLUMN dtks.program_pengecualian.nilai_lebih_dari IS 'Only records with a value above this exclude (NULL: any record)';
COMMENT ON COLUMN dtks.program_pengecualian.alasan IS 'The reason as shown to the operator';
COMMENT ON COLUMN dtks.program_pengecualian.bawaan IS 'Shipped with the extension (pg_dump keeps every row not as shipped: see dtks.aturan_bawaan)';
COMMENT ON INDEX dtks.program_pengecualian_pkey IS 'One rule per program and kind';
SELECT pg_catalog.pg_extension_config_dump('dtks.program_pengecualian'::regclass,
    'WHERE NOT dtks.aturan_utuh(''program_pengecualian'', program_pengecualian)');

INSERT INTO dtks.program (kode, nama, desil_maks, wilayah, butuh_komponen_pkh, butuh_anak_sekolah, keterangan, bawaan) VALUES
    ('PKH', 'Program Keluarga Harapan', 4, NULL, true, false,
     'Conditional cash transfer; a family with at least one component. Ceiling desil 4 (bansos generally desil 1-4, domain.md 5.2).', true),
    ('BPNT', 'Bantuan Pangan Non Tunai / Sembako', 4, NULL, false, false, 'Food aid; ceiling desil 4.', true),
    ('PBI_JKN', 'Penerima Bantuan Iuran JKN', 4, NULL, false, false, 'Health insurance premium paid by the state; ceiling desil 4.', true),
    ('PIP', 'Program Indonesia Pintar', 4, NULL, false, true, 'School aid; a family with a child in school; ceiling desil 4.', true),
    ('KJP_PLUS', 'Kartu Jakarta Pintar Plus (DKI Jakarta)', 4, '31', false, true,
     'DKI Jakarta school aid for DTKS families, with the Dinas Sosial DKI exclusions (beritajakarta.id 2021; Kepgub DKI 1250/2021).', true);
INSERT INTO dtks.program_pengecualian (program, jenis, nilai_lebih_dari, alasan, bawaan) VALUES
    ('KJP_PLUS', 'pns_tni_polri', NULL, 'a member is a civil servant, soldier or police officer', true),
    ('KJP_PLUS', 'mobil', NULL, 'a member owns a car (Bapenda vehicle register)', true),
    ('KJP_PLUS', 'njop', 1000000000, 'a member owns land or a building with NJOP above Rp1 miliar', true);

-- Is a family eligible for a program on a date, and every reason it is not.
CREATE FUNCTION dtks.layak_program(no_kk dtks.no_kk, program text, acuan date DEFAULT CURRENT_DATE)
    RETURNS TABLE (layak boolean, alasan text[])
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    WITH p AS (SELECT * FROM dtks.program x WHERE x.kode OPERATOR(pg_catalog.=) layak_program.program),
    f AS (SELECT k.no_kk, k.status, h.kode_wilayah FROM dtks.keluarga k JOIN dtks.rumah_tangga h ON h.id OPERATOR(pg_catalog.=) k.rumah_tangga_id
           WHERE k.no_kk OPERATOR(dtks.=) layak_program.no_kk),
    orang AS (SELECT a.* FROM dtks.keanggotaan m JOIN dtks.anggota a ON a.nik OPERATOR(dtks.=) m.nik
               WHERE m.no_kk OPERATOR(dtks.=) layak_program.no_kk AND m.berlaku OPERATOR(pg_catalog.@>) acuan AND a.status_hidup OPERATOR(pg_catalog.=) 'aktif'),
    d AS (SELECT s.desil FROM dtks.skor_keluarga s, p
           WHERE s.no_kk OPERATOR(dtks.=) layak_program.no_kk AND s.lingkup OPERATOR(pg_catalog.=) p.lingkup_desil AND s.dihitung OPERATOR(pg_catalog.<=) acuan
           ORDER BY s.dihitung DESC, s.versi LIMIT 1),
    komponen AS (SELECT pg_catalog.bool_or(o.hamil) AS hamil,
                        pg_catalog.bool_or(o.tanggal_lahir OPERATOR(pg_catalog.>) (acuan OPERATOR(pg_catalog.-) interval '6 years')) AS anak_kecil,
                        pg_catalog.bool_or(o.partisipasi_sekolah OPERATOR(pg_catalog.=) 2 AND o.tanggal_lahir BETWEEN acuan OPERATOR(pg_catalog.-) interval '21 years' AND acuan OPERATOR(pg_catalog.-) interval '6 years') AS sekolah,
                        pg_catalog.bool_or(o.tanggal_lahir OPERATOR(pg_catalog.<=) (acuan OPERATOR(pg_catalog.-) interval '60 years')) AS lansia,
                        pg_catalog.bool_or(1 OPERATOR(pg_catalog.=) ANY (ARRAY[o.sulit_melihat, o.sulit_mendengar, o.sulit_berjalan, o.sulit_tangan, o.sulit_belajar,
                                      o.sulit_perilaku, o.sulit_bicara, o.sulit_mengurus_diri, o.sulit_mengingat])) AS disabilitas_berat
                   FROM orang o),
    alasan AS (
        SELECT 1 AS urut, pg_catalog.format('program %s does not exist', layak_program.program) AS teks WHERE NOT EXISTS (SELECT 1 FROM p)
        UNION ALL
        SELECT 2, pg_catalog.format('KK %s is not in the registry', layak_program.no_kk) WHERE NOT EXISTS (SELECT 1 FROM f)
        UNION ALL
        SELECT 3, 'the family is not active' FROM f WHERE f.status OPERATOR(pg_catalog.<>) 'aktif'
        UNION ALL
        SELECT 4, pg_catalog.format('the household is outside %s, which the program serves', p.wilayah) FROM p, f
         WHERE p.wilayah IS NOT NULL AND NOT f.kode_wilayah OPERATOR(dtks.<@) p.wilayah
        UNION ALL
        SELECT 5, pg_catalog.format('no desil computed (%s scope) on or before %s', p.lingkup_desil, acuan) FROM p
         WHERE p.desil_maks IS NOT NULL AND EXISTS (SELECT 1 FROM f) AND NOT EXISTS (SELECT 1 FROM d)
        UNION ALL
        SELECT 6, pg_catalog.format('desil %s is above the program''s ceiling %s', d.desil, p.desil_maks) FROM p, d WHERE d.desil OPERATOR(pg_catalog.>) p.desil_maks
        UNION ALL
        SELECT 7, 'no PKH component (pregnant member, child under 6, child in school, elderly 60+, severe disability)'
          FROM p, komponen c
         WHERE p.butuh_komponen_pkh AND EXISTS (SELECT 1 FROM f)
           AND NOT coalesce(c.hamil OR c.anak_kecil OR c.sekolah OR c.lansia OR c.disabilitas_berat, false)
        UNION ALL
        SELECT 8, 'no member aged 6-21 in school' FROM p, komponen c
         WHERE p.butuh_anak_sekolah AND EXISTS (SELECT 1 FROM f) AND NOT coalesce(c.sekolah, false)
        UNION ALL
        SELECT 9, pg_catalog.format('%s (%s)', e.alasan, pg_catalog.string_agg(DISTINCT l.sumber, ', '))
          FROM p JOIN dtks.program_pengecualian e ON e.program OPERATOR(pg_catalog.=) p.kode
          JOIN dtks.data_luar l ON l.jenis OPERATOR(pg_catalog.=) e.jenis AND l.berlaku OPERATOR(pg_catalog.@>) acuan
                               AND (e.nilai_lebih_dari IS NULL OR l.nilai OPERATOR(pg_catalog.>) e.nilai_lebih_dari)
          JOIN orang o ON o.nik OPERATOR(dtks.=) l.nik
         GROUP BY e.alasan)
    SELECT pg_catalog.count(*) OPERATOR(pg_catalog.=) 0, coalesce(pg_catalog.array_agg(a.teks ORDER BY a.urut, a.teks), '{}') FROM alasan a;
END;
COMMENT ON FUNCTION dtks.layak_program(dtks.no_kk, text, date) IS
    'Whether a family is eligible for a program on a date, and every reason it is not: region, desil ceiling (latest stored desil), PKH components or a child in school where required, exclusions from outside data matched by NIK';
