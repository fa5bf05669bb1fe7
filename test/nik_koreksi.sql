-- pgTAP: perbaikan NIK (sql/install/88_nik_koreksi.sql).  A perbaikan naming {"nik_lama", "nik"} replaces
-- a member's NIK at the penetapan: the person, its membership, the household it heads, its family's program
-- and its presence continue under the new NIK; dtks.nik_koreksi records it; penetapan_pada answers with the
-- NIK of each month (also over a chain of corrections, across months and within one); each refusal (DTK11)
-- names the usulan and the check, never the NIK, and refuses the whole month with nothing stored.
\ir lib/awal.psql
SELECT plan(57);
SET LOCAL dtks.tanggal_acuan = '2027-06-15';

-- An usulan already sent for a month (the steps before are tested in test/usulan.sql).
CREATE FUNCTION pg_temp.dikirim(jenis text, no_kk dtks.no_kk, data jsonb, program text, bulan date)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    id bigint;
BEGIN
    ALTER TABLE dtks.usulan DISABLE TRIGGER usulan_periksa;
    INSERT INTO dtks.usulan (jenis, sumber, kode_wilayah, no_kk, data, program, status, periode_penetapan)
    VALUES (jenis, 'musdes',
            (SELECT h.kode_wilayah FROM dtks.keluarga f JOIN dtks.rumah_tangga h ON h.id = f.rumah_tangga_id
              WHERE f.no_kk = dikirim.no_kk),
            no_kk, data, program, 'dikirim', bulan)
    RETURNING usulan.id INTO id;
    ALTER TABLE dtks.usulan ENABLE TRIGGER usulan_periksa;
    RETURN id;
END $$;
-- A perbaikan correcting NIKs: pairs of (nik_lama, nik), with more fields for each member where given.
CREATE FUNCTION pg_temp.koreksi(no_kk dtks.no_kk, bulan date, VARIADIC pasangan text[]) RETURNS bigint
LANGUAGE sql AS $$
    SELECT pg_temp.dikirim('perbaikan', no_kk,
        jsonb_build_object('anggota', (SELECT jsonb_agg(jsonb_build_object('nik_lama', pasangan[i], 'nik', pasangan[i + 1]) ORDER BY i)
                                         FROM generate_series(1, array_length(pasangan, 1), 2) i)),
        NULL, bulan);
$$;
-- The ministry returns an usulan.
CREATE FUNCTION pg_temp.kembalikan(id bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    ALTER TABLE dtks.usulan DISABLE TRIGGER usulan_periksa;
    UPDATE dtks.usulan u SET status = 'dikembalikan', alasan = 'NIK belum benar' WHERE u.id = kembalikan.id;
    ALTER TABLE dtks.usulan ENABLE TRIGGER usulan_periksa;
END $$;
-- Determine a month as the ministry: 'ok', or the SQLSTATE with the detail.
CREATE FUNCTION pg_temp.tetapkan(bulan date) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    rinci text;
BEGIN
    SET LOCAL ROLE tap_pusat;
    PERFORM dtks.tetapkan(bulan);
    RESET ROLE;
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    RESET ROLE;
    GET STACKED DIAGNOSTICS rinci = PG_EXCEPTION_DETAIL;
    RETURN SQLSTATE || ': ' || rinci;
END $$;
-- A valid NIK nobody has: the person's NIK with another serial number.
CREATE FUNCTION pg_temp.nik_lain(nik dtks.nik, nomor integer) RETURNS text LANGUAGE sql AS $$
    SELECT left(nik::text, 12) || (9000 + nomor)::text
$$;

CREATE ROLE tap_pusat;
CREATE ROLE tap_desa;
CREATE ROLE tap_desa_lain;
CREATE ROLE tap_pembaca IN ROLE dtks_pembaca;
SELECT dtks.petugas_tetapkan('tap_pusat', 'pusat');

SELECT count(*) FROM (SELECT dtks.sintetis_muat(81, 120, '34.71')) x;
-- three families with a kepala keluarga (who heads the household) and at least two more members
CREATE TEMP TABLE kk AS
SELECT f.no_kk, h.kode_wilayah, row_number() OVER (ORDER BY f.no_kk) AS r,
       (SELECT m.nik FROM dtks.keanggotaan m WHERE m.no_kk = f.no_kk AND upper_inf(m.berlaku) AND m.shdk = 1) AS kepala,
       (SELECT m.nik FROM dtks.keanggotaan m WHERE m.no_kk = f.no_kk AND upper_inf(m.berlaku) AND m.shdk <> 1 ORDER BY m.nik LIMIT 1) AS anggota
  FROM dtks.keluarga f JOIN dtks.rumah_tangga h ON h.id = f.rumah_tangga_id
 WHERE f.status = 'aktif' AND h.kepala_nik IS NOT NULL
   AND h.kepala_nik = (SELECT m.nik FROM dtks.keanggotaan m WHERE m.no_kk = f.no_kk AND upper_inf(m.berlaku) AND m.shdk = 1)
   AND (SELECT count(*) FROM dtks.keanggotaan m JOIN dtks.anggota a USING (nik)
         WHERE m.no_kk = f.no_kk AND upper_inf(m.berlaku) AND a.status_hidup = 'aktif') >= 3
   AND (SELECT count(*) FROM dtks.keluarga g WHERE g.rumah_tangga_id = f.rumah_tangga_id) = 1
 ORDER BY f.no_kk LIMIT 3;
SELECT is((SELECT count(*) FROM kk), 3::bigint, 'three families to correct');
SELECT no_kk AS kk1, kepala AS k, anggota AS x FROM kk WHERE r = 1 \gset
SELECT no_kk AS kk2, anggota AS y FROM kk WHERE r = 2 \gset
SELECT no_kk AS kk3, anggota AS z FROM kk WHERE r = 3 \gset
SELECT pg_temp.nik_lain(:'x', 1) AS x2, pg_temp.nik_lain(:'x', 2) AS x3, pg_temp.nik_lain(:'k', 1) AS k2,
       pg_temp.nik_lain(:'y', 1) AS y2, pg_temp.nik_lain(:'y', 2) AS y3, pg_temp.nik_lain(:'y', 3) AS y4,
       pg_temp.nik_lain(:'y', 4) AS y_asing, pg_temp.nik_lain(:'z', 1) AS z2 \gset
SELECT is((SELECT count(*) FROM dtks.anggota WHERE nik::text IN (:'x2', :'x3', :'k2', :'y2', :'y3', :'y4', :'y_asing')), 0::bigint,
          'the new NIKs are nobody''s in the registry');
-- Dukcapil knows the new NIKs (and the members' current ones), not y_asing
INSERT INTO dtks.penduduk (nik, nama)
SELECT n::dtks.nik, 'Penduduk ' || n FROM unnest(ARRAY[:'x2', :'x3', :'k2', :'y2', :'y3', :'y4', :'z', :'x', :'z2']) n;
SELECT dtks.petugas_tetapkan('tap_desa', 'desa', (SELECT kode_wilayah FROM kk WHERE r = 1));
SELECT dtks.petugas_tetapkan('tap_desa_lain', 'desa',
                             (SELECT w.kode FROM dtks.wilayah w WHERE dtks.tingkat(w.kode) = 4 AND w.kode <@ '34.71'
                                 AND w.kode NOT IN (SELECT kode_wilayah FROM kk) ORDER BY w.kode LIMIT 1));

-- month 1 (2027-01): the base, and the first family joins PKH
SELECT pg_temp.dikirim('bansos', :'kk1', '{}', 'PKH', '2027-01-01');
SELECT is(pg_temp.tetapkan('2027-01-01'), 'ok', 'month 1 is determined');
CREATE TEMP TABLE nik_awal AS SELECT a.nik, a.nama, a.tanggal_lahir, a.jenis_kelamin FROM dtks.anggota a
 WHERE a.nik::text IN (:'x', :'k', :'y');

-- month 2 (2027-02): each refusal, with its own check named, the whole month refused and nothing stored
SELECT pg_temp.koreksi(:'kk1', '2027-02-01', :'x', :'x2', :'k', :'k2') AS u1 \gset
SELECT pg_temp.koreksi(:'kk2', '2027-02-01', :'y', :'y_asing') AS salah \gset
SELECT matches(pg_temp.tetapkan('2027-02-01'),
               '^DTK11: 1 problem\(s\): usulan ' || :salah || ', member 1 of data.anggota: the new NIK \(nik\) is not in dtks.penduduk \(unknown to Dukcapil\)\. Nothing was determined',
               'a new NIK unknown to Dukcapil refuses the month (DTK11), naming the usulan, the member and the check');
SELECT doesnt_match(pg_temp.tetapkan('2027-02-01'), :'y_asing', '... and the detail does not echo the NIK');
SELECT pg_temp.kembalikan(:salah);
SELECT pg_temp.koreksi(:'kk2', '2027-02-01', :'y', :'z') AS salah \gset
SELECT matches(pg_temp.tetapkan('2027-02-01'), '^DTK11: .*member 1 of data.anggota: the new NIK \(nik\) is active in another family\.',
               'a new NIK active in another family refuses the month');
SELECT pg_temp.kembalikan(:salah);
SELECT pg_temp.koreksi(:'kk2', '2027-02-01', :'x', :'y2') AS salah \gset
SELECT matches(pg_temp.tetapkan('2027-02-01'), '^DTK11: .*member 1 of data.anggota: nik_lama is not a current member of the usulan''s family\.',
               'a nik_lama that is not a current member of the usulan''s family refuses the month');
SELECT pg_temp.kembalikan(:salah);
SELECT pg_temp.koreksi(:'kk2', '2027-02-01', :'y', :'y') AS salah \gset
SELECT matches(pg_temp.tetapkan('2027-02-01'), '^DTK11: .*member 1 of data.anggota: nik_lama and the new NIK \(nik\) are the same NIK',
               'a nik_lama equal to the new NIK refuses the month');
SELECT pg_temp.kembalikan(:salah);
SELECT pg_temp.koreksi(:'kk2', '2027-02-01', :'y', (SELECT m.nik::text FROM dtks.keanggotaan m
                                                    WHERE m.no_kk = :'kk2' AND upper_inf(m.berlaku) AND m.nik <> :'y' LIMIT 1)) AS salah \gset
INSERT INTO dtks.penduduk (nik, nama)
SELECT m.nik, 'Penduduk' FROM dtks.keanggotaan m WHERE m.no_kk = :'kk2' AND upper_inf(m.berlaku) ON CONFLICT DO NOTHING;
SELECT matches(pg_temp.tetapkan('2027-02-01'), '^DTK11: .*the new NIK \(nik\) is already another member of the family\.',
               'a new NIK of another member of the family refuses the month');
SELECT pg_temp.kembalikan(:salah);
SELECT pg_temp.koreksi(:'kk2', '2027-02-01', :'y', :'x2') AS salah \gset
SELECT matches(pg_temp.tetapkan('2027-02-01'), '^DTK11: .*the new NIK \(nik\) is given by another correction of the month too\.',
               'two corrections to one new NIK in a month refuse it');
SELECT pg_temp.kembalikan(:salah);
-- a bad correction in a later round, after the first round applied the good one: still nothing stored
SELECT pg_temp.koreksi(:'kk1', '2027-02-01', :'x', :'x3') AS salah \gset
SELECT matches(pg_temp.tetapkan('2027-02-01'), '^DTK11: 1 problem\(s\): usulan ' || :salah || ', member 1 of data.anggota: nik_lama is not a current member',
               'a correction of a NIK the month already corrected (a second round) refuses the month');
SELECT pg_temp.kembalikan(:salah);
SELECT is((SELECT count(*) FROM dtks.nik_koreksi), 0::bigint, 'nothing of a refused month is stored: no correction recorded');
SELECT is((SELECT count(*) FROM dtks.anggota WHERE nik::text IN (:'x2', :'x3', :'k2', :'y2')), 0::bigint, '... no new record');
SELECT is((SELECT count(*) FROM dtks.keanggotaan WHERE nik::text IN (:'x', :'k') AND no_kk = :'kk1' AND upper_inf(berlaku)), 2::bigint,
          '... the memberships as they were');
SELECT is((SELECT status FROM dtks.usulan WHERE id = :u1), 'dikirim', '... the usulan still sent');
SELECT is((SELECT max(periode) FROM dtks.penetapan), '2027-01-01'::date, '... and the month not recorded');

-- the month with two usulan correcting three NIKs (the kepala's among them), and the data corrected with it
SELECT pg_temp.dikirim('perbaikan', :'kk2', jsonb_build_object('anggota', jsonb_build_array(
           jsonb_build_object('nik_lama', :'y', 'nik', :'y2', 'nama', 'Nama Dibetulkan'))), NULL, '2027-02-01') AS u2 \gset
SELECT is(pg_temp.tetapkan('2027-02-01'), 'ok', 'month 2 applies the corrections');
SELECT results_eq($$SELECT nik_lama::text, nik::text, usulan, periode, no_kk::text, shdk::integer FROM dtks.nik_koreksi ORDER BY id$$,
                  format($$VALUES (%L, %L, %s::bigint, '2027-02-01'::date, %L, %s), (%L, %L, %s, '2027-02-01', %L, 1), (%L, %L, %s, '2027-02-01', %L, %s)$$,
                         :'x', :'x2', :u1, :'kk1', (SELECT shdk FROM dtks.keanggotaan WHERE nik = :'x' AND no_kk = :'kk1'),
                         :'k', :'k2', :u1, :'kk1',
                         :'y', :'y2', :u2, :'kk2', (SELECT shdk FROM dtks.keanggotaan WHERE nik = :'y' AND no_kk = :'kk2')),
                  'dtks.nik_koreksi records old, new, usulan, month, family and SHDK of each');
SELECT results_eq($$SELECT a.nama::text, a.tanggal_lahir, a.jenis_kelamin::text, a.status_hidup::text FROM dtks.anggota a WHERE a.nik = $$ || quote_literal(:'x2'),
                  $$SELECT a.nama::text, a.tanggal_lahir, a.jenis_kelamin::text, 'aktif' FROM nik_awal a WHERE a.nik = $$ || quote_literal(:'x'),
                  'the person continues under the new NIK with its data');
SELECT is((SELECT nama::text FROM dtks.anggota WHERE nik = :'y2'), 'Nama Dibetulkan', '... and what the usulan corrects with it is applied');
SELECT is((SELECT array_agg(status_hidup::text ORDER BY nik) FROM dtks.anggota WHERE nik::text IN (:'x', :'k', :'y')), ARRAY['ganda', 'ganda', 'ganda'],
          'the old records are kept, superseded (ganda)');
SELECT results_eq(format($$SELECT nik::text, lower(berlaku), upper(berlaku) FROM dtks.keanggotaan WHERE nik::text IN (%L, %L) ORDER BY lower(berlaku)$$, :'x', :'x2'),
                  format($$SELECT %L, lower(m.berlaku), '2027-02-01'::date FROM dtks.keanggotaan m WHERE m.nik = %L
                           UNION ALL SELECT %L, '2027-02-01'::date, NULL::date$$, :'x', :'x', :'x2'),
                  'the membership continues: the old NIK''s closes where the new NIK''s opens');
SELECT is((SELECT count(*) FROM dtks.keanggotaan WHERE nik = :'x2' AND no_kk = :'kk1' AND shdk = (SELECT shdk FROM dtks.keanggotaan WHERE nik = :'x')),
          1::bigint, '... in the same family with the same SHDK');
SELECT is((SELECT h.kepala_nik::text FROM dtks.keluarga f JOIN dtks.rumah_tangga h ON h.id = f.rumah_tangga_id WHERE f.no_kk = :'kk1'), :'k2',
          'the household is headed by the kepala under the new NIK');
SELECT is(dtks.kk_pada(:'x'::dtks.nik, '2027-01-15'), :'kk1'::dtks.no_kk, 'kk_pada answers the old NIK for its time');
SELECT is(dtks.kk_pada(:'x2'::dtks.nik, '2027-02-15'), :'kk1'::dtks.no_kk, '... and the new NIK from the month');
-- the registry history continues: the old record superseded, the new one created, in the same transaction as the membership
SELECT is((SELECT count(*) FROM dtks.riwayat_anggota r WHERE (r.baru).nik = :'x2' AND r.operasi = 'INSERT'), 1::bigint,
          'the registry history records the new record');
SELECT is((SELECT (r.baru).status_hidup::text FROM dtks.riwayat_anggota r WHERE (r.lama).nik = :'x' AND r.operasi = 'UPDATE'), 'ganda',
          '... and the old one superseded');
SELECT is((SELECT count(DISTINCT r.transaksi) FROM dtks.riwayat_keanggotaan r WHERE (coalesce(r.baru, r.lama)).nik::text IN (:'x', :'x2')
              AND r.id > (SELECT riwayat_sampai FROM dtks.penetapan WHERE periode = '2027-01-01')), 1::bigint,
          '... with the membership closed and opened, in one transaction');

-- presence: the NIK of each month; a correction is neither an exit nor an entry
SELECT is((SELECT array_agg(nik::text ORDER BY nik) FROM dtks.penetapan_pada('2027-01-01') WHERE nik::text IN (:'x', :'x2', :'k', :'k2', :'y', :'y2')),
          (SELECT array_agg(n ORDER BY n) FROM unnest(ARRAY[:'x', :'k', :'y']) n), 'penetapan_pada of the month before answers the old NIKs');
SELECT is((SELECT array_agg(nik::text ORDER BY nik) FROM dtks.penetapan_pada('2027-02-01') WHERE nik::text IN (:'x', :'x2', :'k', :'k2', :'y', :'y2')),
          (SELECT array_agg(n ORDER BY n) FROM unnest(ARRAY[:'x2', :'k2', :'y2']) n), '... that of the month the new ones');
SELECT is((SELECT count(*) FROM dtks.penetapan_pada('2027-02-01')), (SELECT count(*) FROM dtks.penetapan_pada('2027-01-01')),
          'as many members in DTKS as before');
SELECT results_eq($$SELECT anggota_masuk, anggota_keluar, keluarga_masuk, keluarga_keluar FROM dtks.penetapan WHERE periode = '2027-02-01'$$,
                  $$VALUES (0::bigint, 0::bigint, 0::bigint, 0::bigint)$$, 'the month counts no member in or out');
SELECT is((SELECT count(*) FROM dtks.penetapan_anggota WHERE nik = :'x' AND upper(berlaku) = '2027-02-01' AND alasan_keluar IS NULL), 1::bigint,
          'the old NIK''s presence ends as a changed row (no reason to leave)');
SELECT results_eq($$SELECT anggota, anggota_masuk, anggota_keluar_lainnya + anggota_keluar_ganda FROM dtks.penetapan_agregat_bulan WHERE kode_wilayah = '34.71' AND periode = '2027-02-01'$$,
                  $$SELECT anggota, 0::bigint, 0::bigint FROM dtks.penetapan_agregat_bulan WHERE kode_wilayah = '34.71' AND periode = '2027-01-01'$$,
                  'the figures: the same members, none in, none out');
SELECT is((SELECT program FROM dtks.penetapan_pada('2027-02-01') WHERE nik = :'x2'), ARRAY['PKH'], 'the family''s program continues');
SELECT is((SELECT count(*) FROM dtks.penetapan_program WHERE no_kk = :'kk1'), 1::bigint, '... as the one membership it was');

-- who reads the corrections: the desa of the family, not another desa, not the BI reader
SELECT is(pg_temp.nilai_sebagai('tap_desa', 'SELECT count(*) FROM dtks.nik_koreksi'),
          (SELECT count(*)::text FROM dtks.nik_koreksi WHERE kode_wilayah = (SELECT kode_wilayah FROM kk WHERE r = 1)),
          'the desa office reads the corrections of its desa');
SELECT is(pg_temp.nilai_sebagai('tap_desa_lain', 'SELECT count(*) FROM dtks.nik_koreksi'), '0', '... another desa none');
SELECT is(pg_temp.nilai_sebagai('tap_pembaca', 'SELECT count(*) FROM dtks.nik_koreksi'), '42501', 'the BI reader cannot read them (personal data)');

-- month 3: a member corrected and leaving at once (died): it leaves under the new NIK, with its reason
SELECT pg_temp.dikirim('perbaikan', :'kk3', jsonb_build_object('anggota', jsonb_build_array(
           jsonb_build_object('nik_lama', :'z', 'nik', :'z2', 'keluar', 'meninggal', 'tanggal_meninggal', '2027-02-20'))), NULL, '2027-03-01');
SELECT is(pg_temp.tetapkan('2027-03-01'), 'ok', 'month 3 is determined');
SELECT results_eq($$SELECT anggota_masuk, anggota_keluar FROM dtks.penetapan WHERE periode = '2027-03-01'$$,
                  $$VALUES (0::bigint, 1::bigint)$$, 'a member corrected and dying in one usulan: one member out, none in');
SELECT results_eq(format('SELECT a.status_hidup::text, a.tanggal_meninggal FROM dtks.anggota a WHERE a.nik IN (%L, %L) ORDER BY a.nik = %L', :'z', :'z2', :'z2'),
                  $$VALUES ('ganda'::text, NULL::date), ('meninggal', '2027-02-20')$$, '... the death recorded under the new NIK');
SELECT is((SELECT alasan_keluar::text FROM dtks.penetapan_anggota WHERE nik = :'z' AND upper(berlaku) = '2027-03-01'), 'meninggal',
          '... and the old NIK''s presence ends with that reason');
-- month 4: the corrected NIK corrected again, and a chain within one month
SELECT pg_temp.koreksi(:'kk1', '2027-04-01', :'x2', :'x3');
SELECT pg_temp.koreksi(:'kk2', '2027-04-01', :'y2', :'x') AS salah \gset
SELECT matches(pg_temp.tetapkan('2027-04-01'), '^DTK11: .*the new NIK \(nik\) is already a person in the registry, not active',
               'a new NIK that is a record of the registry already (here: one corrected away) refuses the month');
SELECT pg_temp.kembalikan(:salah);
SELECT pg_temp.koreksi(:'kk2', '2027-04-01', :'y2', :'y3');
SELECT pg_temp.koreksi(:'kk2', '2027-04-01', :'y3', :'y4');
-- a later usulan of the month naming a member by the NIK the month corrected finds the person
SELECT pg_temp.dikirim('perbaikan', :'kk2', jsonb_build_object('anggota', jsonb_build_array(
           jsonb_build_object('nik', :'y2', 'nama', 'Nama Akhir'))), NULL, '2027-04-01');
SELECT is(pg_temp.tetapkan('2027-04-01'), 'ok', 'month 4 applies the corrections');
SELECT is((SELECT array_agg(format('%s>%s', nik_lama, nik) ORDER BY id) FROM dtks.nik_koreksi WHERE periode = '2027-04-01'),
          ARRAY[format('%s>%s', :'x2', :'x3'), format('%s>%s', :'y2', :'y3'), format('%s>%s', :'y3', :'y4')],
          'the month records each correction, the chain within it as two');
SELECT is((SELECT array_agg(p.nik::text ORDER BY b.bulan) FROM generate_series(1, 4) b(bulan),
                  LATERAL dtks.penetapan_pada(make_date(2027, b.bulan, 1)) p WHERE p.nik::text IN (:'x', :'x2', :'x3')),
          ARRAY[:'x', :'x2', :'x2', :'x3'], 'a chain over months: penetapan_pada answers A, B, B, C');
SELECT is((SELECT array_agg(p.nik::text ORDER BY b.bulan) FROM generate_series(1, 4) b(bulan),
                  LATERAL dtks.penetapan_pada(make_date(2027, b.bulan, 1)) p WHERE p.nik::text IN (:'y', :'y2', :'y3', :'y4')),
          ARRAY[:'y', :'y2', :'y2', :'y4'], 'a chain within a month: the month answers its last NIK');
SELECT is((SELECT count(*) FROM dtks.penetapan_anggota WHERE nik = :'y3'), 0::bigint, '... and the NIK between had no presence');
SELECT is((SELECT nama::text FROM dtks.anggota WHERE nik = :'y4'), 'Nama Akhir', 'an usulan naming a NIK corrected earlier in the month applies to the person');
SELECT results_eq($$SELECT anggota_masuk, anggota_keluar FROM dtks.penetapan WHERE periode = '2027-04-01'$$,
                  $$VALUES (0::bigint, 0::bigint)$$, 'month 4 counts no member in or out');
SELECT results_eq(format('SELECT nik::text, sejak, sampai FROM dtks.nik_rantai(%L)', :'x2'),
                  format($$VALUES (%L, NULL::date, '2027-02-01'::date), (%L, '2027-02-01', '2027-04-01'), (%L, '2027-04-01', NULL)$$, :'x', :'x2', :'x3'),
                  'nik_rantai: every NIK of the person, with the months of each, from any of them');
SELECT is((SELECT count(*) FROM dtks.riwayat_anggota r WHERE (coalesce(r.baru, r.lama)).nik IN (SELECT nik FROM dtks.nik_rantai(:'x3'))),
          (SELECT count(*) FROM dtks.riwayat_anggota r WHERE (coalesce(r.baru, r.lama)).nik::text IN (:'x', :'x2', :'x3')),
          '... through which the registry history of the person is read');
SELECT is((SELECT count(*) FROM dtks.penetapan_anggota p WHERE upper_inf(p.berlaku) AND NOT EXISTS (
              SELECT 1 FROM dtks.keanggotaan m JOIN dtks.anggota a USING (nik) WHERE m.nik = p.nik AND upper_inf(m.berlaku) AND a.status_hidup = 'aktif')),
          0::bigint, 'every member present now is a current living member of the registry');

SELECT is((SELECT count(*) FROM dtks.v_penetapan_perubahan WHERE keluarga_awal + keluarga_masuk - keluarga_keluar <> keluarga_akhir
              OR anggota_tetap + anggota_masuk <> anggota_akhir), 0::bigint, 'the changes view balances every month: awal + masuk - keluar = akhir');
SELECT is((SELECT sum(anggota)::bigint FROM dtks.penetapan_agregat_bulan WHERE periode = '2027-04-01' AND tingkat = 1),
          (SELECT count(*) FROM dtks.penetapan_pada('2027-04-01')), 'the figures of the last month count who is in DTKS');
SELECT * FROM finish();
ROLLBACK;
