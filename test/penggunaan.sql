-- pgTAP: penggunaan, other agencies' use of DTKS data.  Who records and decides a permohonan
-- (42501), its fields (DTK07) and region (23503), its steps (DTK08) and what each needs (23514),
-- its lock (DTK09); the handover and the laporan taking their steps; the reporting rule (DTK06)
-- across regions, with its unique-index backstop; the laporan's recipient count; the export:
-- exactly the rows of the region and the fields asked for, refused when not open (DTK10), by
-- another office (42501) or with no month determined (55000), each call in the append-only log;
-- row-level security and the BI readers.  (Two real sessions racing: sql/penggunaan.sql.)
\ir lib/awal.psql
SELECT plan(89);

-- A permohonan recorded as a role (NULL if refused).
CREATE FUNCTION pg_temp.mohon(peran name, instansi bigint, nomor text, wilayah text, kolom text[],
                              tujuan text DEFAULT 'bantuan_sosial') RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    hasil bigint;
BEGIN
    EXECUTE format('SET LOCAL ROLE %I', peran);
    INSERT INTO dtks.permohonan_data (instansi, nomor_surat, tanggal_surat, tujuan, kode_wilayah, kolom)
    VALUES (mohon.instansi, mohon.nomor, DATE '2026-02-02', mohon.tujuan, mohon.wilayah::dtks.kode_wilayah, mohon.kolom)
    RETURNING permohonan_data.id INTO hasil;
    RESET ROLE;
    RETURN hasil;
END $$;

-- the offices (created in this transaction, gone at its rollback)
CREATE ROLE tap_bekasi;
CREATE ROLE tap_jakpus;
CREATE ROLE tap_jabar;
CREATE ROLE tap_pusat;
CREATE ROLE tap_desa;
CREATE ROLE tap_tanpa;
CREATE ROLE tap_pembaca IN ROLE dtks_pembaca;
CREATE ROLE tap_bypass BYPASSRLS;
SELECT dtks.petugas_tetapkan('tap_bekasi', 'kabkota', '32.75'), dtks.petugas_tetapkan('tap_jakpus', 'kabkota', '31.71'),
       dtks.petugas_tetapkan('tap_jabar', 'provinsi', '32'), dtks.petugas_tetapkan('tap_pusat', 'pusat'),
       dtks.petugas_tetapkan('tap_desa', 'desa', '32.75.01.1001'), dtks.petugas_tetapkan('tap_bypass', 'kabkota', '31.71');
-- a role without an office, granted what an office has directly
GRANT USAGE ON SCHEMA dtks TO tap_tanpa;
GRANT SELECT, INSERT, UPDATE ON dtks.permohonan_data TO tap_tanpa;
GRANT SELECT ON dtks.ekspor_kolom, dtks.wilayah TO tap_tanpa;
GRANT EXECUTE ON FUNCTION dtks.ekspor_data(bigint) TO tap_tanpa;
GRANT INSERT, UPDATE ON dtks.permohonan_data TO tap_bypass;

-- the registry: families in Kota Bekasi and Jakarta Pusat
SELECT lives_ok($$SELECT dtks.sintetis_muat(8501, 80, '32.75.01'); SELECT dtks.sintetis_muat(8502, 40, '32.75.02');
                  SELECT dtks.sintetis_muat(8503, 40, '31.71')$$, 'families generated in Bekasi Timur, Bekasi Barat and Jakarta Pusat');

------------------------------------------------------------------------------
-- Agencies and the catalogue
------------------------------------------------------------------------------
CREATE TEMP TABLE instansi_uji (nama text PRIMARY KEY, id bigint);
GRANT SELECT ON instansi_uji TO PUBLIC;
SELECT is(pg_temp.sebagai('tap_bekasi', $$INSERT INTO dtks.instansi (nama, jenis) VALUES ('Dinas Kesehatan Kota Bekasi', 'perangkat_daerah'),
                                                                                        ('Baznas Kota Bekasi', 'lembaga')$$),
          'ok 2', 'a kab/kota registers agencies');
SELECT is(pg_temp.sebagai('tap_pusat', $$INSERT INTO dtks.instansi (nama, jenis) VALUES ('Kementerian Kesehatan', 'instansi_pusat')$$),
          'ok 1', 'so does the ministry');
INSERT INTO instansi_uji SELECT nama, id FROM dtks.instansi WHERE nama IN ('Dinas Kesehatan Kota Bekasi', 'Baznas Kota Bekasi', 'Kementerian Kesehatan');
SELECT is(pg_temp.sebagai('tap_jakpus', $$INSERT INTO dtks.instansi (nama, jenis) VALUES ('DINAS KESEHATAN  kota bekasi.', 'perangkat_daerah')$$),
          '23505', 'the same agency typed differently is refused: one row per normalised name');
SELECT is(pg_temp.sebagai('tap_desa', $$INSERT INTO dtks.instansi (nama, jenis) VALUES ('Karang Taruna', 'lembaga')$$),
          '42501', 'a desa does not register agencies');
SELECT is((SELECT array_agg(kolom ORDER BY urutan) FROM dtks.ekspor_kolom),
          ARRAY['nik', 'no_kk', 'nama', 'jenis_kelamin', 'tanggal_lahir', 'shdk', 'alamat', 'rt', 'rw', 'kode_wilayah',
                'nama_desa', 'nama_kecamatan', 'nama_kabkota', 'rumah_tangga_id', 'desil', 'program'],
          'the export catalogue has sixteen fields');

------------------------------------------------------------------------------
-- Recording a permohonan: who, where, which fields
------------------------------------------------------------------------------
CREATE TEMP TABLE mohon (nama text PRIMARY KEY, id bigint);
INSERT INTO mohon VALUES
    ('dinkes1', pg_temp.mohon('tap_bekasi', (SELECT id FROM instansi_uji WHERE nama = 'Dinas Kesehatan Kota Bekasi'),
                              '460/1/Dinkes', '32.75.01', ARRAY['alamat', 'nik', 'nama', 'nik'])),
    ('dinkes2', pg_temp.mohon('tap_bekasi', (SELECT id FROM instansi_uji WHERE nama = 'Dinas Kesehatan Kota Bekasi'),
                              '460/2/Dinkes', '32.75.02', ARRAY['nik', 'desil'])),
    ('baznas', pg_temp.mohon('tap_bekasi', (SELECT id FROM instansi_uji WHERE nama = 'Baznas Kota Bekasi'),
                             '12/Baznas', '32.75', ARRAY['no_kk', 'program'], 'pemberdayaan_sosial')),
    ('tolak', pg_temp.mohon('tap_bekasi', (SELECT id FROM instansi_uji WHERE nama = 'Baznas Kota Bekasi'),
                            '13/Baznas', '32.75.01', ARRAY['nama'], 'penelitian')),
    ('kemenkes', pg_temp.mohon('tap_pusat', (SELECT id FROM instansi_uji WHERE nama = 'Kementerian Kesehatan'),
                               'PR.01/1', '31.71', ARRAY['nik', 'jenis_kelamin', 'tanggal_lahir']));
SELECT is((SELECT count(*) FROM mohon WHERE id IS NOT NULL), 5::bigint, 'the kab/kota records permohonan in its region, the ministry anywhere');
SELECT is((SELECT kolom FROM dtks.permohonan_data WHERE id = (SELECT id FROM mohon WHERE nama = 'dinkes1')),
          ARRAY['nik', 'nama', 'alamat'], 'the fields are kept once each, in catalogue order');
SELECT results_eq($$SELECT status, dicatat_oleh::text COLLATE "default", diputuskan IS NULL FROM dtks.permohonan_data WHERE id = (SELECT id FROM mohon WHERE nama = 'dinkes1')$$,
                  $$VALUES ('diajukan', 'tap_bekasi', true)$$, 'it starts as diajukan, recorded by the role');
SELECT is(pg_temp.sebagai('tap_bekasi', $$INSERT INTO dtks.permohonan_data (instansi, nomor_surat, tanggal_surat, tujuan, kode_wilayah, kolom)
                                         SELECT id, 'x/1', '2026-02-02', 'subsidi', '32.75', '{nama,gaji}' FROM instansi_uji WHERE nama = 'Baznas Kota Bekasi'$$),
          'DTK07', 'a field outside the catalogue is refused (DTK07)');
SELECT is(pg_temp.sebagai('tap_bekasi', $$INSERT INTO dtks.permohonan_data (instansi, nomor_surat, tanggal_surat, tujuan, kode_wilayah, kolom)
                                         SELECT id, 'x/1', '2026-02-02', 'subsidi', '32.75.99', '{nama}' FROM instansi_uji WHERE nama = 'Baznas Kota Bekasi'$$),
          '23503', 'a region not in dtks.wilayah is refused');
SELECT is(pg_temp.sebagai('tap_bekasi', $$INSERT INTO dtks.permohonan_data (instansi, nomor_surat, tanggal_surat, tujuan, kode_wilayah, kolom)
                                         SELECT id, 'x/1', '2026-02-02', 'subsidi', '32.75', '{}' FROM instansi_uji WHERE nama = 'Baznas Kota Bekasi'$$),
          '23514', 'at least one field');
SELECT is(pg_temp.sebagai('tap_bekasi', $$INSERT INTO dtks.permohonan_data (instansi, nomor_surat, tanggal_surat, tujuan, kode_wilayah, kolom)
                                         SELECT id, 'x/1', '2026-02-02', 'lainnya', '32.75', '{nama}' FROM instansi_uji WHERE nama = 'Baznas Kota Bekasi'$$),
          '23514', 'an other purpose is described');
SELECT is(pg_temp.sebagai('tap_bekasi', $$INSERT INTO dtks.permohonan_data (instansi, nomor_surat, tanggal_surat, tujuan, kode_wilayah, kolom)
                                         SELECT id, 'x/1', '2026-02-02', 'subsidi', '32', '{nama}' FROM instansi_uji WHERE nama = 'Baznas Kota Bekasi'$$),
          '42501', 'a kab/kota cannot ask for its whole province');
SELECT is(pg_temp.sebagai('tap_jakpus', $$INSERT INTO dtks.permohonan_data (instansi, nomor_surat, tanggal_surat, tujuan, kode_wilayah, kolom)
                                         SELECT id, 'x/1', '2026-02-02', 'subsidi', '32.75', '{nama}' FROM instansi_uji WHERE nama = 'Baznas Kota Bekasi'$$),
          '42501', 'nor another kab/kota''s region');
SELECT is(pg_temp.sebagai('tap_bypass', $$INSERT INTO dtks.permohonan_data (instansi, nomor_surat, tanggal_surat, tujuan, kode_wilayah, kolom)
                                         SELECT id, 'x/1', '2026-02-02', 'subsidi', '32.75', '{nama}' FROM instansi_uji WHERE nama = 'Baznas Kota Bekasi'$$),
          '42501', 'a role bypassing row-level security is held to its region by the trigger');
SELECT is(pg_temp.sebagai('tap_tanpa', $$INSERT INTO dtks.permohonan_data (instansi, nomor_surat, tanggal_surat, tujuan, kode_wilayah, kolom)
                                        SELECT id, 'x/1', '2026-02-02', 'subsidi', '32.75', '{nama}' FROM instansi_uji WHERE nama = 'Baznas Kota Bekasi'$$),
          '42501', 'a role without an office is refused even with the privilege');
SELECT is(pg_temp.sebagai('tap_desa', $$INSERT INTO dtks.permohonan_data (instansi, nomor_surat, tanggal_surat, tujuan, kode_wilayah, kolom)
                                       SELECT 1, 'x/1', '2026-02-02', 'subsidi', '32.75.01.1001', '{nama}'$$),
          '42501', 'a desa records no permohonan');
SELECT is(pg_temp.sebagai('tap_jabar', $$INSERT INTO dtks.permohonan_data (instansi, nomor_surat, tanggal_surat, tujuan, kode_wilayah, kolom)
                                        SELECT 1, 'x/1', '2026-02-02', 'subsidi', '32.75', '{nama}'$$),
          '42501', 'nor does the province (it monitors)');
SELECT is(pg_temp.sqlstate_dari($$INSERT INTO dtks.permohonan_data (instansi, nomor_surat, tanggal_surat, tujuan, kode_wilayah, kolom, status)
                                  SELECT id, 'x/1', '2026-02-02', 'subsidi', '32.75', '{nama}', 'disetujui' FROM instansi_uji WHERE nama = 'Baznas Kota Bekasi'$$),
          'DTK08', 'even the owner cannot insert a permohonan past diajukan');

------------------------------------------------------------------------------
-- Steps, what they need, the lock
------------------------------------------------------------------------------
SELECT is(pg_temp.sebagai('tap_bekasi', format('UPDATE dtks.permohonan_data SET kolom = ''{nama,nik,nik,rt}'' WHERE id = %s',
          (SELECT id FROM mohon WHERE nama = 'tolak'))), 'ok 1', 'while diajukan the fields may be corrected');
SELECT is((SELECT kolom FROM dtks.permohonan_data WHERE id = (SELECT id FROM mohon WHERE nama = 'tolak')), ARRAY['nik', 'nama', 'rt'],
          'and are kept in catalogue order');
SELECT is(pg_temp.sebagai('tap_bekasi', format('UPDATE dtks.permohonan_data SET kolom = ''{gaji}'' WHERE id = %s',
          (SELECT id FROM mohon WHERE nama = 'tolak'))), 'DTK07', 'but only with catalogue fields');
SELECT is(pg_temp.sebagai('tap_bekasi', format('UPDATE dtks.permohonan_data SET status = ''diserahkan'' WHERE id = %s',
          (SELECT id FROM mohon WHERE nama = 'tolak'))), 'DTK08', 'diajukan -> diserahkan is not a step');
SELECT is(pg_temp.sebagai('tap_bekasi', format('UPDATE dtks.permohonan_data SET status = ''ditolak'' WHERE id = %s',
          (SELECT id FROM mohon WHERE nama = 'tolak'))), '23514', 'a refusal needs a reason');
SELECT is(pg_temp.sebagai('tap_bekasi', format('UPDATE dtks.permohonan_data SET status = ''ditolak'', alasan = ''tidak ada dasar hukum'' WHERE id = %s',
          (SELECT id FROM mohon WHERE nama = 'tolak'))), 'ok 1', 'with one it is refused');
SELECT results_eq(format('SELECT status, diputuskan_oleh::text COLLATE "default", diputuskan IS NOT NULL FROM dtks.permohonan_data WHERE id = %s',
                         (SELECT id FROM mohon WHERE nama = 'tolak')),
                  $$VALUES ('ditolak', 'tap_bekasi', true)$$, 'the decision records when and by whom');
SELECT is(pg_temp.sebagai('tap_bekasi', format('UPDATE dtks.permohonan_data SET status = ''disetujui'' WHERE id = %s',
          (SELECT id FROM mohon WHERE nama = 'tolak'))), 'DTK08', 'a refused permohonan stays refused');
SELECT is(pg_temp.sebagai('tap_bekasi', format('UPDATE dtks.permohonan_data SET status = ''disetujui'' WHERE id IN (%s, %s)',
          (SELECT id FROM mohon WHERE nama = 'dinkes1'), (SELECT id FROM mohon WHERE nama = 'baznas'))), 'ok 2', 'the kab/kota approves');
SELECT is(pg_temp.sebagai('tap_bekasi', format('UPDATE dtks.permohonan_data SET status = ''disetujui'' WHERE id = %s',
          (SELECT id FROM mohon WHERE nama = 'dinkes1'))), 'DTK08', 'approving twice: the second is told it is already approved');
SELECT is(pg_temp.sebagai('tap_jakpus', format('UPDATE dtks.permohonan_data SET status = ''disetujui'' WHERE id = %s',
          (SELECT id FROM mohon WHERE nama = 'dinkes2'))), 'ok 0', 'another kab/kota does not see it to approve it');
SELECT is(pg_temp.sebagai('tap_bekasi', format('UPDATE dtks.permohonan_data SET kolom = ''{nik,nama,alamat,tanggal_lahir}'' WHERE id = %s',
          (SELECT id FROM mohon WHERE nama = 'dinkes1'))), 'DTK09', 'an approved permohonan cannot widen its fields');
SELECT is(pg_temp.sebagai('tap_bekasi', format('UPDATE dtks.permohonan_data SET kode_wilayah = ''32.75'' WHERE id = %s',
          (SELECT id FROM mohon WHERE nama = 'dinkes1'))), 'DTK09', 'nor its region');
SELECT is(pg_temp.sqlstate_dari(format('UPDATE dtks.permohonan_data SET instansi = %s WHERE id = %s',
          (SELECT id FROM instansi_uji WHERE nama = 'Baznas Kota Bekasi'), (SELECT id FROM mohon WHERE nama = 'dinkes2'))),
          'DTK09', 'the agency never changes, even while diajukan and for the owner');
SELECT is(pg_temp.sqlstate_dari(format('UPDATE dtks.permohonan_data SET diputuskan_oleh = ''x'' WHERE id = %s',
          (SELECT id FROM mohon WHERE nama = 'dinkes1'))), 'DTK09', 'the decision columns are set by the process only');
SELECT is(pg_temp.sebagai('tap_bekasi', format('UPDATE dtks.permohonan_data SET status = ''diserahkan'' WHERE id = %s',
          (SELECT id FROM mohon WHERE nama = 'dinkes1'))), '23514', 'the handover needs its berita acara');
SELECT is(pg_temp.sebagai('tap_bekasi', format($$INSERT INTO dtks.berita_acara_serah_terima (permohonan, nomor, tanggal, diserahkan_oleh, diterima_oleh)
                                                 VALUES (%s, 'BA/9', '2026-02-09', 'Budi', 'Sari')$$, (SELECT id FROM mohon WHERE nama = 'dinkes2'))),
          'DTK08', 'a berita acara for a permohonan not yet approved is refused');
SELECT is(pg_temp.sebagai('tap_bekasi', format($$INSERT INTO dtks.laporan_pemanfaatan (permohonan, nomor, tanggal, pemanfaatan, jumlah_penerima)
                                                 VALUES (%s, 'L/9', '2026-03-09', 'BLT', 0)$$, (SELECT id FROM mohon WHERE nama = 'baznas'))),
          'DTK08', 'a laporan before the handover is refused');

------------------------------------------------------------------------------
-- The export
------------------------------------------------------------------------------
SELECT CASE WHEN EXISTS (SELECT 1 FROM dtks.penetapan)
            THEN skip('a month is already determined in this database', 1)
            ELSE is(pg_temp.nilai_sebagai('tap_bekasi', format('SELECT count(*) FROM dtks.ekspor_data(%s)', (SELECT id FROM mohon WHERE nama = 'dinkes1'))),
                    '55000', 'without a determined month there is nothing to export') END;
-- (as on the first day of that month, so that it is never beyond the coming month: dtks.tanggal_acuan)
SELECT set_config('dtks.tanggal_acuan', to_char(coalesce((SELECT max(periode) + interval '1 month' FROM dtks.penetapan), DATE '2026-01-01'), 'YYYY-MM-DD'), true)
  IS NOT NULL AS acuan;
SELECT lives_ok($$SELECT dtks.tetapkan(coalesce((SELECT max(periode) + interval '1 month' FROM dtks.penetapan), DATE '2026-01-01')::date)$$,
                'a month is determined');
CREATE TEMP TABLE periode_uji AS SELECT max(periode) AS periode FROM dtks.penetapan;
CREATE TEMP TABLE ekspor_bekasi (baris jsonb);
CREATE TEMP TABLE ekspor_penuh (baris jsonb);
GRANT INSERT ON ekspor_bekasi, ekspor_penuh TO PUBLIC;
SELECT is(pg_temp.sebagai('tap_bekasi', format('INSERT INTO ekspor_bekasi SELECT * FROM dtks.ekspor_data(%s)', (SELECT id FROM mohon WHERE nama = 'dinkes1'))),
          (SELECT 'ok ' || count(*) FROM dtks.penetapan_pada((SELECT periode FROM periode_uji), '32.75.01')),
          'the kab/kota exports an approved permohonan: one row per member of its region in the month');
SELECT cmp_ok((SELECT count(*) FROM ekspor_bekasi), '>', 0::bigint, 'Bekasi Timur has members in the month');
SELECT set_eq($$SELECT (baris ->> 'nik') FROM ekspor_bekasi$$,
              $$SELECT nik::text FROM dtks.penetapan_pada((SELECT periode FROM periode_uji), '32.75.01')$$,
              'exactly the members of the region: none missing, none from elsewhere');
SELECT is((SELECT count(*) FROM ekspor_bekasi WHERE NOT (SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(baris) k) = ARRAY['alamat', 'nama', 'nik']),
          0::bigint, 'every row has exactly the fields asked for (nik, nama, alamat)');
SELECT set_eq($$SELECT baris ->> 'nik' AS nik, baris ->> 'nama' AS nama, baris ->> 'alamat' AS alamat FROM ekspor_bekasi$$,
              $$SELECT t.nik::text, a.nama::text, r.alamat FROM dtks.penetapan_pada((SELECT periode FROM periode_uji), '32.75.01') t
                  JOIN dtks.anggota a ON a.nik = t.nik JOIN dtks.rumah_tangga r ON r.id = t.rumah_tangga_id$$,
              'with the registry''s name and the household''s address');
SELECT results_eq($$SELECT permohonan, pelaku::text COLLATE "default", peran, periode, kode_wilayah::text, kolom, jumlah_baris FROM dtks.ekspor_log ORDER BY id DESC LIMIT 1$$,
                  format($$VALUES (%s::bigint, 'tap_bekasi', 'kabkota', %L::date, '32.75.01', ARRAY['nik', 'nama', 'alamat'], %s::bigint)$$,
                         (SELECT id FROM mohon WHERE nama = 'dinkes1'), (SELECT periode FROM periode_uji), (SELECT count(*) FROM ekspor_bekasi)),
                  'the export is logged: permohonan, role, office, month, region, fields, rows');
-- every field of the catalogue, for the whole kab/kota, by the ministry
UPDATE dtks.permohonan_data SET kolom = (SELECT array_agg(kolom) FROM dtks.ekspor_kolom) WHERE id = (SELECT id FROM mohon WHERE nama = 'kemenkes');
SELECT is(pg_temp.sebagai('tap_pusat', format('UPDATE dtks.permohonan_data SET status = ''disetujui'' WHERE id = %s',
          (SELECT id FROM mohon WHERE nama = 'kemenkes'))), 'ok 1', 'the ministry approves');
SELECT is(pg_temp.sebagai('tap_pusat', format('INSERT INTO ekspor_penuh SELECT * FROM dtks.ekspor_data(%s)', (SELECT id FROM mohon WHERE nama = 'kemenkes'))),
          (SELECT 'ok ' || count(*) FROM dtks.penetapan_pada((SELECT periode FROM periode_uji), '31.71')), 'and exports Jakarta Pusat');
SELECT is((SELECT count(*) FROM ekspor_penuh
            WHERE NOT (SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(baris) k) = (SELECT array_agg(kolom ORDER BY kolom) FROM dtks.ekspor_kolom)),
          0::bigint, 'asking for every field gives exactly the catalogue''s keys');
SELECT set_eq($$SELECT baris ->> 'nik' AS nik, baris ->> 'no_kk' AS no_kk, baris ->> 'kode_wilayah' AS kode_wilayah,
                       (baris ->> 'rumah_tangga_id')::bigint AS rumah_tangga_id, (baris ->> 'shdk')::smallint AS shdk,
                       baris ->> 'jenis_kelamin' AS jenis_kelamin, (baris ->> 'tanggal_lahir')::date AS tanggal_lahir,
                       (baris ->> 'desil')::smallint AS desil, ARRAY(SELECT jsonb_array_elements_text(baris -> 'program')) AS program
                  FROM ekspor_penuh$$,
              $$SELECT nik::text, no_kk::text, kode_wilayah::text, rumah_tangga_id, shdk, jenis_kelamin::text, tanggal_lahir, desil, program
                  FROM dtks.penetapan_pada((SELECT periode FROM periode_uji), '31.71')$$,
              'the values are the month''s (penetapan_pada)');
SELECT is((SELECT count(*) FROM ekspor_penuh e JOIN dtks.wilayah w ON w.kode = (e.baris ->> 'kode_wilayah')::kode_wilayah
            WHERE w.nama <> e.baris ->> 'nama_desa' OR e.baris ->> 'nama_kabkota' <> (SELECT nama FROM dtks.wilayah WHERE kode = '31.71')
               OR e.baris ->> 'nama_kecamatan' <> (SELECT nama FROM dtks.wilayah WHERE kode = leluhur(w.kode, 3))),
          0::bigint, 'with the names of the desa, kecamatan and kab/kota');
SELECT is(pg_temp.nilai_sebagai('tap_jakpus', format('SELECT count(*) FROM dtks.ekspor_data(%s)', (SELECT id FROM mohon WHERE nama = 'dinkes1'))),
          '42501', 'another kab/kota cannot export it');
SELECT is(pg_temp.nilai_sebagai('tap_jabar', format('SELECT count(*) FROM dtks.ekspor_data(%s)', (SELECT id FROM mohon WHERE nama = 'dinkes1'))),
          '42501', 'nor the province');
SELECT is(pg_temp.nilai_sebagai('tap_tanpa', format('SELECT count(*) FROM dtks.ekspor_data(%s)', (SELECT id FROM mohon WHERE nama = 'dinkes1'))),
          '42501', 'nor a role without an office, even allowed to call it');
SELECT is(pg_temp.nilai_sebagai('tap_bekasi', format('SELECT count(*) FROM dtks.ekspor_data(%s)', (SELECT id FROM mohon WHERE nama = 'dinkes2'))),
          'DTK10', 'a permohonan not yet decided is not exported');
SELECT is(pg_temp.nilai_sebagai('tap_bekasi', format('SELECT count(*) FROM dtks.ekspor_data(%s)', (SELECT id FROM mohon WHERE nama = 'tolak'))),
          'DTK10', 'nor a refused one');
SELECT is(pg_temp.nilai_sebagai('tap_bekasi', 'SELECT count(*) FROM dtks.ekspor_data(-1)'), '42704', 'an unknown permohonan');
SELECT is((SELECT count(*) FROM dtks.ekspor_log WHERE permohonan IN (SELECT id FROM mohon)), 2::bigint, 'refused exports leave no log row');
GRANT UPDATE, DELETE, TRUNCATE ON dtks.ekspor_log TO tap_bypass;
SELECT is(pg_temp.sebagai('tap_bypass', 'UPDATE dtks.ekspor_log SET jumlah_baris = 0'), '42501', 'the log cannot be updated, even with the privilege');
SELECT is(pg_temp.sebagai('tap_bypass', 'DELETE FROM dtks.ekspor_log'), '42501', 'nor deleted');
SELECT is(pg_temp.sebagai('tap_bypass', 'TRUNCATE dtks.ekspor_log'), '42501', 'nor truncated');

------------------------------------------------------------------------------
-- Handover, the reporting rule, the laporan
------------------------------------------------------------------------------
SELECT is(pg_temp.sebagai('tap_bekasi', format($$INSERT INTO dtks.berita_acara_serah_terima (permohonan, nomor, tanggal, diserahkan_oleh, diterima_oleh)
                                                 VALUES (%s, 'BA/1', '2026-02-10', 'Budi (Kabid Linjamsos)', 'Sari (Dinkes)')$$, (SELECT id FROM mohon WHERE nama = 'dinkes1'))),
          'ok 1', 'the berita acara is recorded');
SELECT is((SELECT status FROM dtks.permohonan_data WHERE id = (SELECT id FROM mohon WHERE nama = 'dinkes1')), 'diserahkan', 'and takes the permohonan to diserahkan');
SELECT is(pg_temp.nilai_sebagai('tap_bekasi', format('SELECT count(*) FROM dtks.ekspor_data(%s)', (SELECT id FROM mohon WHERE nama = 'dinkes1'))),
          (SELECT count(*)::text FROM ekspor_bekasi), 'a handed-over permohonan can still be exported (its own data again)');
SELECT is(pg_temp.sebagai('tap_bekasi', format($$INSERT INTO dtks.permohonan_data (instansi, nomor_surat, tanggal_surat, tujuan, kode_wilayah, kolom)
                                                 VALUES (%s, '460/3/Dinkes', '2026-02-20', 'bantuan_sosial', '32.75.03', '{nik}')$$,
                                                (SELECT id FROM instansi_uji WHERE nama = 'Dinas Kesehatan Kota Bekasi'))),
          'DTK06', 'the agency owes a laporan: its new permohonan is refused (DTK06)');
SELECT is(pg_temp.sebagai('tap_pusat', format($$INSERT INTO dtks.permohonan_data (instansi, nomor_surat, tanggal_surat, tujuan, kode_wilayah, kolom)
                                                VALUES (%s, '460/4/Dinkes', '2026-02-20', 'bantuan_sosial', '31.71', '{nik}')$$,
                                               (SELECT id FROM instansi_uji WHERE nama = 'Dinas Kesehatan Kota Bekasi'))),
          'DTK06', 'wherever it asks, and whoever records it');
SELECT is(pg_temp.sebagai('tap_bekasi', format('UPDATE dtks.permohonan_data SET status = ''disetujui'' WHERE id = %s',
          (SELECT id FROM mohon WHERE nama = 'dinkes2'))), 'DTK06', 'its permohonan recorded earlier is not approved');
SELECT is(pg_temp.sebagai('tap_bekasi', format($$INSERT INTO dtks.permohonan_data (instansi, nomor_surat, tanggal_surat, tujuan, kode_wilayah, kolom)
                                                 VALUES (%s, '14/Baznas', '2026-02-20', 'pemberdayaan_sosial', '32.75.03', '{nik}')$$,
                                                (SELECT id FROM instansi_uji WHERE nama = 'Baznas Kota Bekasi'))),
          'ok 1', 'another agency is not affected');
-- the backstop: with the triggers off, a second handed-over permohonan of the agency is still refused
ALTER TABLE dtks.permohonan_data DISABLE TRIGGER permohonan_periksa;
SELECT is(pg_temp.sqlstate_dari(format('UPDATE dtks.permohonan_data SET status = ''diserahkan'', diputuskan = now(), diputuskan_oleh = ''uji'' WHERE id = %s',
                                       (SELECT id FROM mohon WHERE nama = 'dinkes2'))),
          '23505', 'the unique index holds an agency to one unreported handover whatever the triggers');
ALTER TABLE dtks.permohonan_data ENABLE TRIGGER permohonan_periksa;
-- the laporan: its recipients match its count at commit, and never exceed it
SELECT is(pg_temp.sebagai('tap_bekasi', format($$INSERT INTO dtks.laporan_pemanfaatan (permohonan, nomor, tanggal, pemanfaatan, jumlah_penerima, dokumen)
                                                 VALUES (%s, 'L/1', '2026-03-01', 'Bantuan gizi balita', 3, 'Arsip 2026/031')$$, (SELECT id FROM mohon WHERE nama = 'dinkes1'))),
          'ok 1', 'the laporan is recorded');
SELECT is(pg_temp.sqlstate_dari('SET CONSTRAINTS dtks.laporan_penerima_periksa IMMEDIATE'), '23514',
          'without its recipients it fails at commit (checked here by SET CONSTRAINTS IMMEDIATE)');
SET CONSTRAINTS dtks.laporan_penerima_periksa DEFERRED;
CREATE TEMP TABLE penerima_uji AS
SELECT (SELECT id FROM dtks.laporan_pemanfaatan WHERE permohonan = (SELECT id FROM mohon WHERE nama = 'dinkes1')) AS laporan,
       baris ->> 'nik' AS nik, baris ->> 'nama' AS nama, baris ->> 'alamat' AS alamat
  FROM ekspor_bekasi ORDER BY baris ->> 'nik' LIMIT 4;
GRANT SELECT ON penerima_uji TO PUBLIC;
SELECT is(pg_temp.sebagai('tap_bekasi', 'INSERT INTO dtks.laporan_pemanfaatan_penerima (laporan, nik, nama, alamat) SELECT laporan, nik::dtks.nik, nama, alamat FROM penerima_uji'),
          '23514', 'four recipients for a laporan of three are refused at once');
SELECT is(pg_temp.sebagai('tap_bekasi', $$INSERT INTO dtks.laporan_pemanfaatan_penerima (laporan, nik, nama, alamat)
                                         SELECT laporan, nik::dtks.nik, nama, alamat FROM penerima_uji UNION ALL
                                         SELECT laporan, nik::dtks.nik, nama, alamat FROM penerima_uji ORDER BY 2 LIMIT 2$$),
          '23505', 'a recipient is listed once');
SELECT is(pg_temp.sebagai('tap_bekasi', $$INSERT INTO dtks.laporan_pemanfaatan_penerima (laporan, nik, nama, alamat)
                                         SELECT laporan, '3275011708459999', 'Tanpa Alamat', ' ' FROM penerima_uji LIMIT 1$$),
          '23514', 'with an address');
SELECT is(pg_temp.sebagai('tap_bekasi', 'INSERT INTO dtks.laporan_pemanfaatan_penerima (laporan, nik, nama, alamat) SELECT laporan, nik::dtks.nik, nama, alamat FROM penerima_uji ORDER BY nik LIMIT 3'),
          'ok 3', 'three recipients with NIK, name and address');
SELECT lives_ok('SET CONSTRAINTS dtks.laporan_penerima_periksa IMMEDIATE', 'the count matches at commit');
SET CONSTRAINTS dtks.laporan_penerima_periksa DEFERRED;
SELECT is((SELECT status FROM dtks.permohonan_data WHERE id = (SELECT id FROM mohon WHERE nama = 'dinkes1')), 'dilaporkan', 'the laporan closes the permohonan');
SELECT is(pg_temp.nilai_sebagai('tap_bekasi', format('SELECT count(*) FROM dtks.ekspor_data(%s)', (SELECT id FROM mohon WHERE nama = 'dinkes1'))),
          'DTK10', 'a reported permohonan is not exported again');
SELECT is(pg_temp.sebagai('tap_bekasi', format('UPDATE dtks.permohonan_data SET status = ''disetujui'' WHERE id = %s',
          (SELECT id FROM mohon WHERE nama = 'dinkes2'))), 'ok 1', 'once reported, the agency''s next permohonan is approved');

------------------------------------------------------------------------------
-- Who sees what
------------------------------------------------------------------------------
SELECT is(pg_temp.nilai_sebagai('tap_jakpus', 'SELECT count(*) FROM dtks.permohonan_data WHERE kode_wilayah <@ ''32'''), '0',
          'a kab/kota sees no permohonan of another region');
SELECT is(pg_temp.nilai_sebagai('tap_jakpus', format('SELECT count(*) FROM dtks.laporan_pemanfaatan_penerima WHERE laporan = %s',
          (SELECT laporan FROM penerima_uji LIMIT 1))), '0', 'nor their recipients');
SELECT is(pg_temp.nilai_sebagai('tap_jabar', format('SELECT count(*) FROM dtks.laporan_pemanfaatan_penerima WHERE laporan = %s',
          (SELECT laporan FROM penerima_uji LIMIT 1))), '3', 'the province sees the recipients in its province');
SELECT is(pg_temp.nilai_sebagai('tap_jabar', 'SELECT count(*) FROM dtks.permohonan_data'),
          (SELECT count(*)::text FROM dtks.permohonan_data WHERE kode_wilayah <@ '32'), 'and the permohonan');
SELECT is(pg_temp.nilai_sebagai('tap_pusat', 'SELECT count(*) FROM dtks.ekspor_log'), (SELECT count(*)::text FROM dtks.ekspor_log),
          'the ministry sees every export');
SELECT is(pg_temp.nilai_sebagai('tap_pembaca', 'SELECT count(*) FROM dtks.laporan_pemanfaatan_penerima'), '42501', 'the BI reader reads no recipient');
SELECT is(pg_temp.nilai_sebagai('tap_pembaca', 'SELECT count(*) FROM dtks.permohonan_data'), '42501', 'no permohonan');
SELECT is(pg_temp.nilai_sebagai('tap_pembaca', 'SELECT count(*) FROM dtks.instansi'), '42501', 'no agency (a requester may be a person)');
SELECT is(pg_temp.nilai_sebagai('tap_pembaca', 'SELECT count(*) FROM dtks.ekspor_data(1)'), '42501', 'and cannot export');
SELECT is(pg_temp.nilai_sebagai('tap_pembaca', 'SELECT count(*) FROM dtks.ekspor_kolom'), '16', 'but reads the catalogue');

SELECT * FROM finish();
ROLLBACK;
