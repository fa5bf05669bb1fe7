-- The candidate search of the Dukcapil extract (src/cari_penduduk.c, src/penduduk_calon.c, src/padan.c): who in dtks.penduduk may be
-- the person a desa typed, and who in the extract, the registry and one month's usulan may be one person twice.
--
-- Candidates come from indexes only: the NIKs one typing error from the typed one (dtks.nik_sekitar, on the
-- primary key), the birth dates one entry error from the typed one (dtks.tanggal_sekitar, on
-- penduduk_tanggal_lahir, read from the index alone), and, when neither gives a record the matching would
-- link, the name keys alike by trigrams (penduduk_nama_kunci, pg_trgm).  Each is scored by dtks.padan_nilai
-- (model dukcapil); the thresholds are the settings dtks.padan_ambang_calon, dtks.padan_ambang_tautan and
-- dtks.padan_ambang_nama.
--
-- What a caller may learn: the people whose Dukcapil address is inside the kab/kota of its office's region
-- (the unit Dukcapil grants data access to by agreement), every region for pusat, pt and a superuser.

-- The search itself (src/penduduk_calon.c): called by dtks.cari_penduduk and the matching only, as the table
-- owner; it probes the indexes directly, one call per person.  The channels in turn, each only when those before
-- gave no record scoring ambang_tautan: the typed NIK itself and the typed birth date (inside lingkup, read from
-- penduduk_tanggal_lahir alone where the page is all visible), then the birth dates one entry error from it, then
-- the NIKs near the typed one, then (when cari_nama, or when no date was typed) the name keys alike by trigrams.
CREATE FUNCTION dtks.penduduk_calon(nik_ketik text, kunci text, tanggal_lahir date, jenis_kelamin text,
                                    kode_wilayah dtks.kode_wilayah, batas integer, lingkup dtks.kode_wilayah,
                                    ambang_calon double precision, ambang_tautan double precision, cari_nama boolean,
                                    dengan_rincian boolean)
    RETURNS TABLE (nik dtks.nik, skor double precision, skor_berikut double precision, rincian jsonb)
    AS 'MODULE_PATHNAME', 'penduduk_calon' LANGUAGE C STABLE PARALLEL UNSAFE ROWS 5;
REVOKE ALL ON FUNCTION dtks.penduduk_calon(text, text, date, text, dtks.kode_wilayah, integer, dtks.kode_wilayah,
                                           double precision, double precision, boolean, boolean) FROM PUBLIC;
COMMENT ON FUNCTION dtks.penduduk_calon(text, text, date, text, dtks.kode_wilayah, integer, dtks.kode_wilayah,
                                        double precision, double precision, boolean, boolean) IS
    'The candidate search behind dtks.cari_penduduk and the matching (which alone call it, as the owner; it reads dtks.penduduk through its indexes below the executor, refusing a role without SELECT or under row security): for the name key kunci (dtks.nama_kunci), the records of dtks.penduduk inside lingkup (NULL: everywhere) with the typed NIK or the typed birth date; when none of those scores ambang_tautan, with a birth date near it (dtks.tanggal_sekitar); when none of those does either, with a NIK near nik_ketik (dtks.nik_sekitar); when none of those does either, and cari_nama is true or no date was typed, with a name key alike by trigrams (pg_trgm %, at the threshold the caller set). Scored by dtks.padan_nilai (model dukcapil), those scoring ambang_calon or more, best first, at most batas; skor_berikut is the score of the record ranked next among all scored (NULL: none), rincian (when dengan_rincian) the dtks.padan_rincian of the record with hidup, whether Dukcapil has the person alive';

-- The candidate search for a DBA, an agency application or the desa's own screen.
CREATE FUNCTION dtks.cari_penduduk(nik_ketik text, nama text, tanggal_lahir date, jenis_kelamin text,
                                   kode_wilayah dtks.kode_wilayah, batas integer DEFAULT 5)
    RETURNS TABLE (nik dtks.nik, skor double precision, rincian jsonb)
    AS 'MODULE_PATHNAME', 'cari_penduduk' LANGUAGE C STABLE PARALLEL UNSAFE ROWS 5;
REVOKE ALL ON FUNCTION dtks.cari_penduduk(text, text, date, text, dtks.kode_wilayah, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dtks.cari_penduduk(text, text, date, text, dtks.kode_wilayah, integer)
    TO dtks_desa, dtks_kabkota, dtks_provinsi, dtks_pusat, dtks_pt;
COMMENT ON FUNCTION dtks.cari_penduduk(text, text, date, text, dtks.kode_wilayah, integer) IS
    'The people of the Dukcapil extract (dtks.penduduk) who may be the person typed, best first, at most batas (1-100; 22023 otherwise), only those scoring dtks.padan_ambang_calon or more: an empty result when nobody is credible.  Any argument may be NULL or wrong (the NIK is text: what was typed).  rincian gives each field''s level and weight (dtks.padan_rincian) and hidup.  A desa, kab/kota or provinsi office sees the people whose Dukcapil address is in the kab/kota of its region (its province for a provinsi office); pusat, pt and a superuser everywhere; a role without an office gets 42501';

-- Pairs that may be one person twice, inside a region.
CREATE FUNCTION dtks.ganda_cari(wilayah dtks.kode_wilayah, ambang double precision)
    RETURNS TABLE (sumber text, nik_a dtks.nik, nik_b dtks.nik, usulan_a bigint, usulan_b bigint,
                   skor double precision, alasan text)
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
WITH dukcapil AS (
    SELECT p.nik, p.no_kk, p.nama_kunci, p.tanggal_lahir, p.jenis_kelamin::text AS jk, p.kode_wilayah, p.hidup
      FROM dtks.penduduk p
     WHERE ganda_cari.wilayah IS NULL OR p.kode_wilayah OPERATOR(dtks.<@) ganda_cari.wilayah
),
registri AS (
    SELECT DISTINCT ON (g.nik) g.nik, m.no_kk, dtks.nama_kunci(g.nama) AS nama_kunci, g.tanggal_lahir,
           g.jenis_kelamin::text AS jk, r.kode_wilayah
      FROM dtks.anggota g
      JOIN dtks.keanggotaan m ON m.nik OPERATOR(dtks.=) g.nik AND m.berlaku OPERATOR(pg_catalog.@>) CURRENT_DATE
      JOIN dtks.keluarga k ON k.no_kk OPERATOR(dtks.=) m.no_kk AND k.status OPERATOR(pg_catalog.=) 'aktif'
      JOIN dtks.rumah_tangga r ON r.id OPERATOR(pg_catalog.=) k.rumah_tangga_id
     WHERE ganda_cari.wilayah IS NULL OR r.kode_wilayah OPERATOR(dtks.<@) ganda_cari.wilayah
     ORDER BY g.nik
),
usul AS (
    -- the members of the usulan still in process, by the month they go to (or were made in)
    SELECT u.id AS usulan, a.urutan,
           CASE WHEN dtks.nik_valid(a.e OPERATOR(pg_catalog.->>) 'nik') THEN (a.e OPERATOR(pg_catalog.->>) 'nik')::dtks.nik END AS nik,
           dtks.nama_kunci(a.e OPERATOR(pg_catalog.->>) 'nama') AS nama_kunci,
           dtks.tanggal_dari_teks(a.e OPERATOR(pg_catalog.->>) 'tanggal_lahir') AS tanggal_lahir,
           a.e OPERATOR(pg_catalog.->>) 'jenis_kelamin' AS jk, u.kode_wilayah,
           coalesce(u.periode_penetapan, pg_catalog.date_trunc('month', u.dibuat)::date) AS bulan
      FROM dtks.usulan u
     CROSS JOIN LATERAL pg_catalog.jsonb_array_elements(CASE WHEN pg_catalog.jsonb_typeof(u.data OPERATOR(pg_catalog.->) 'anggota') OPERATOR(pg_catalog.=) 'array'
                                                             THEN u.data OPERATOR(pg_catalog.->) 'anggota' ELSE '[]'::jsonb END) WITH ORDINALITY AS a(e, urutan)
     WHERE u.status OPERATOR(pg_catalog.<>) ALL (ARRAY['ditolak', 'dibatalkan', 'ditetapkan', 'tidak_layak'])
       AND u.jenis OPERATOR(pg_catalog.<>) 'penghentian'
       AND (ganda_cari.wilayah IS NULL OR u.kode_wilayah OPERATOR(dtks.<@) ganda_cari.wilayah)
),
pasangan AS (
    SELECT 'dukcapil'::text AS sumber, a.nik AS nik_a, b.nik AS nik_b, NULL::bigint AS usulan_a, NULL::bigint AS usulan_b,
           dtks.padan_nilai('dukcapil', NULL, NULL, a.nama_kunci, b.nama_kunci, a.tanggal_lahir, b.tanggal_lahir,
                            a.jk, b.jk, a.kode_wilayah, b.kode_wilayah, NULL) AS skor,
           a.nama_kunci, b.nama_kunci AS nama_kunci_b, a.tanggal_lahir, b.tanggal_lahir AS tanggal_lahir_b,
           a.kode_wilayah, b.kode_wilayah AS kode_wilayah_b,
           a.no_kk IS NOT NULL AND a.no_kk OPERATOR(dtks.=) b.no_kk AS satu_kk, NOT (a.hidup AND b.hidup) AS meninggal
      FROM dukcapil a CROSS JOIN LATERAL pg_catalog.unnest(dtks.tanggal_sekitar(a.tanggal_lahir)) AS d(tanggal)
      JOIN dukcapil b ON b.tanggal_lahir OPERATOR(pg_catalog.=) d.tanggal AND b.nik OPERATOR(dtks.>) a.nik
    UNION ALL
    SELECT 'registri', a.nik, b.nik, NULL, NULL,
           dtks.padan_nilai('dukcapil', NULL, NULL, a.nama_kunci, b.nama_kunci, a.tanggal_lahir, b.tanggal_lahir,
                            a.jk, b.jk, a.kode_wilayah, b.kode_wilayah, NULL),
           a.nama_kunci, b.nama_kunci, a.tanggal_lahir, b.tanggal_lahir, a.kode_wilayah, b.kode_wilayah,
           a.no_kk OPERATOR(dtks.=) b.no_kk, false
      FROM registri a CROSS JOIN LATERAL pg_catalog.unnest(dtks.tanggal_sekitar(a.tanggal_lahir)) AS d(tanggal)
      JOIN registri b ON b.tanggal_lahir OPERATOR(pg_catalog.=) d.tanggal AND b.nik OPERATOR(dtks.>) a.nik
    UNION ALL
    SELECT 'usulan', a.nik, b.nik, a.usulan, b.usulan,
           CASE WHEN a.nik OPERATOR(dtks.=) b.nik THEN 'Infinity'::double precision
                ELSE dtks.padan_nilai('dukcapil', NULL, NULL, a.nama_kunci, b.nama_kunci, a.tanggal_lahir, b.tanggal_lahir,
                                      a.jk, b.jk, a.kode_wilayah, b.kode_wilayah, NULL) END,
           a.nama_kunci, b.nama_kunci, a.tanggal_lahir, b.tanggal_lahir, a.kode_wilayah, b.kode_wilayah, false, false
      FROM usul a
      JOIN usul b ON b.bulan OPERATOR(pg_catalog.=) a.bulan AND b.usulan OPERATOR(pg_catalog.>) a.usulan
                 AND (b.nik OPERATOR(dtks.=) a.nik
                      OR b.tanggal_lahir OPERATOR(pg_catalog.=) ANY (dtks.tanggal_sekitar(a.tanggal_lahir)))
                 -- (the members of one month's usulan are few: this join stays small)
)
SELECT x.sumber, x.nik_a, x.nik_b, x.usulan_a, x.usulan_b, x.skor,
       CASE WHEN x.sumber OPERATOR(pg_catalog.=) 'usulan' AND x.nik_a OPERATOR(dtks.=) x.nik_b THEN 'the same NIK proposed in two usulan of one month'
            ELSE pg_catalog.concat_ws(', ',
                     'nama ' OPERATOR(pg_catalog.||) (r.j OPERATOR(pg_catalog.#>>) '{nama,tingkat}'),
                     'tanggal_lahir ' OPERATOR(pg_catalog.||) (r.j OPERATOR(pg_catalog.#>>) '{tanggal_lahir,tingkat}'),
                     'wilayah ' OPERATOR(pg_catalog.||) (r.j OPERATOR(pg_catalog.#>>) '{wilayah,tingkat}'),
                     CASE WHEN x.meninggal THEN 'one of the two recorded dead' END) END
  FROM pasangan x
 CROSS JOIN LATERAL (SELECT dtks.padan_rincian('dukcapil', NULL, NULL, x.nama_kunci, x.nama_kunci_b, x.tanggal_lahir,
                                               x.tanggal_lahir_b, NULL, NULL, x.kode_wilayah, x.kode_wilayah_b, NULL) AS j) r
 WHERE x.skor OPERATOR(pg_catalog.>=) ganda_cari.ambang
   -- two people of one KK are relatives (twins), not one person twice, unless their names are alike (a typing error)
   AND (NOT x.satu_kk OR dtks.nama_banding(x.nama_kunci, x.nama_kunci_b) OPERATOR(pg_catalog.>=) 0.93)
 ORDER BY x.skor DESC, x.sumber, x.nik_a, x.nik_b;
END;
REVOKE ALL ON FUNCTION dtks.ganda_cari(dtks.kode_wilayah, double precision) FROM PUBLIC;
COMMENT ON FUNCTION dtks.ganda_cari(dtks.kode_wilayah, double precision) IS
    'The search behind dtks.calon_ganda (which alone calls it, as the owner): pairs of people of the Dukcapil extract (one of them may be recorded dead), of members active in the registry, and of members proposed in two usulan going to one month, inside wilayah (NULL: everywhere), born on dates one entry error apart and scoring ambang or more on name, date, sex and desa (dtks.padan_nilai, model dukcapil, without the NIKs); two people of one KK only when their names are alike (dtks.nama_banding at least 0.93); the same NIK in two usulan of a month always';

-- Pairs that may be one person twice, for the kab/kota Dinas Sosial, the ministry or a DBA.
CREATE FUNCTION dtks.calon_ganda(kode_wilayah dtks.kode_wilayah)
    RETURNS TABLE (sumber text, nik_a dtks.nik, nik_b dtks.nik, usulan_a bigint, usulan_b bigint,
                   skor double precision, alasan text)
    AS 'MODULE_PATHNAME', 'calon_ganda' LANGUAGE C STABLE PARALLEL UNSAFE;
REVOKE ALL ON FUNCTION dtks.calon_ganda(dtks.kode_wilayah) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dtks.calon_ganda(dtks.kode_wilayah) TO dtks_kabkota, dtks_provinsi, dtks_pusat, dtks_pt;
COMMENT ON FUNCTION dtks.calon_ganda(dtks.kode_wilayah) IS
    'Pairs that are likely one person under two NIKs (sumber dukcapil: two records of the extract, one perhaps recorded dead; registri: two members active in DTKS) and the same person proposed twice in one month (sumber usulan, with the two usulan), inside the region, with the score (dtks.padan_nilai; Infinity for one NIK proposed twice) and the reason; those scoring dtks.padan_ambang_ganda or more.  Inside what the caller may see (dtks.cari_penduduk); NULL is that whole scope; 42501 for a region outside it';

-- The desa takes the NIKs the matching proposed: one step, then the usulan can go back to the matching.
CREATE FUNCTION dtks.usulan_pakai_nik(usulan bigint) RETURNS integer
    LANGUAGE sql VOLATILE STRICT PARALLEL UNSAFE
BEGIN ATOMIC
WITH usul AS (
    SELECT t.urutan, t.nik_usulan
      FROM dtks.usulan_temuan t
     WHERE t.usulan OPERATOR(pg_catalog.=) usulan_pakai_nik.usulan AND t.nik_usulan IS NOT NULL
       AND t.temuan OPERATOR(pg_catalog.=) ANY (ARRAY['nik_tidak_sah', 'nik_tidak_ada', 'nik_salah'])
       AND t.putaran OPERATOR(pg_catalog.=) (SELECT pg_catalog.max(s.putaran) FROM dtks.usulan_temuan s
                                              WHERE s.usulan OPERATOR(pg_catalog.=) usulan_pakai_nik.usulan)
),
ubah AS (
    UPDATE dtks.usulan u
       SET data = pg_catalog.jsonb_set(u.data, '{anggota}',
                      (SELECT pg_catalog.jsonb_agg(CASE WHEN s.nik_usulan IS NULL THEN a.e
                                                        ELSE a.e OPERATOR(pg_catalog.||) pg_catalog.jsonb_build_object('nik', s.nik_usulan::text) END
                                                   ORDER BY a.i)
                         FROM pg_catalog.jsonb_array_elements(u.data OPERATOR(pg_catalog.->) 'anggota') WITH ORDINALITY AS a(e, i)
                         LEFT JOIN usul s ON s.urutan OPERATOR(pg_catalog.=) a.i))
     WHERE u.id OPERATOR(pg_catalog.=) usulan_pakai_nik.usulan
       AND pg_catalog.jsonb_typeof(u.data OPERATOR(pg_catalog.->) 'anggota') OPERATOR(pg_catalog.=) 'array'
       AND EXISTS (SELECT 1 FROM usul)
    RETURNING u.id
)
SELECT CASE WHEN EXISTS (SELECT 1 FROM ubah) THEN (SELECT pg_catalog.count(*)::integer FROM usul) ELSE 0 END;
END;
GRANT EXECUTE ON FUNCTION dtks.usulan_pakai_nik(bigint) TO dtks_desa, dtks_kabkota, dtks_pusat;
COMMENT ON FUNCTION dtks.usulan_pakai_nik(bigint) IS
    'The desa''s one-step correction: every member NIK the last matching run of the usulan proposed (nik_usulan of its finding nik_tidak_sah, nik_tidak_ada or nik_salah) replaces the typed one in data->''anggota''; returns how many.  Runs with the caller''s rights: only usulan it may change, in a status that may be corrected (draf, tidak_padan, dikembalikan; the state machine refuses others); then submit it again (tidak_padan -> diajukan)';
