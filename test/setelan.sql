-- pgTAP: the settings of dtks.  The dtks. prefix is reserved once the library is loaded (an unknown
-- dtks.* setting is refused, the ones dtks defines work); the reference date dtks.tanggal_acuan is
-- superuser-only, checked, and is the "today" the usulan's month is counted from; the progress
-- setting dtks.laporan_kemajuan takes off, notice or log.  (The penetapan's months against the
-- reference date: test/penetapan.sql; the progress messages: sql/kemajuan.sql.)
\ir lib/awal.psql
SELECT plan(16);

CREATE ROLE tap_biasa;
GRANT USAGE ON SCHEMA dtks TO tap_biasa;
CREATE ROLE tap_kabkota;
SELECT dtks.petugas_tetapkan('tap_kabkota', 'kabkota', '31.71');

-- the library is loaded (any C function of dtks loads it)
SELECT is(dtks.tanggal_acuan(), CURRENT_DATE, 'with dtks.tanggal_acuan empty the reference date is today');

-- the prefix is reserved
SELECT throws_ok($$SET dtks.nonexistent = 1$$, '42602', 'invalid configuration parameter name "dtks.nonexistent"',
                 'an unknown dtks. setting is refused once the library is loaded');
SELECT throws_ok($$SELECT pg_catalog.set_config('dtks.tidak_ada', 'x', true)$$, '42602', NULL, '... through set_config too');
SELECT is(pg_temp.sebagai('tap_biasa', $$SET LOCAL dtks.petugas = 'operator.gambir'$$), 'ok 0',
          'dtks.petugas, the application''s own user, is still set by any role');
SELECT is(pg_temp.sebagai('tap_biasa', $$SET LOCAL dtks.laporan_kemajuan = notice$$), 'ok 0',
          'any role may ask for progress reports');
SELECT is(pg_temp.sqlstate_dari($$SET LOCAL dtks.laporan_kemajuan = loud$$), '22023', '... which are off, notice or log');

-- the reference date
SELECT is(pg_temp.sebagai('tap_biasa', $$SET LOCAL dtks.tanggal_acuan = '2031-05-10'$$), '42501',
          'only a superuser sets the reference date');
SELECT is(pg_temp.sqlstate_dari($$SET LOCAL dtks.tanggal_acuan = '2031-02-30'$$), '22023', 'a day that does not exist is refused');
SELECT is(pg_temp.sqlstate_dari($$SET LOCAL dtks.tanggal_acuan = '10-05-2031'$$), '22023', '... and so is another way of writing it');
SET LOCAL dtks.tanggal_acuan = '2031-05-10';
SELECT is(dtks.tanggal_acuan(), DATE '2031-05-10', 'a superuser sets it');
SELECT is(pg_temp.nilai_sebagai('tap_biasa', 'SELECT dtks.tanggal_acuan()::text'), '2031-05-10', '... and every role of the session counts from it');

-- an usulan sent goes to the month of the reference date, or the next after the cut-off day
ALTER TABLE dtks.usulan DISABLE TRIGGER usulan_periksa;
CREATE TEMP TABLE kirim AS
WITH baru AS (
    INSERT INTO dtks.usulan (jenis, sumber, kode_wilayah, status, berita_acara, tanggal_kunjungan, petugas_verval, surat_pengesahan, data)
    SELECT 'baru', 'musdes', '31.71.01.1001', 'disahkan', 'BA/1', DATE '2031-05-02', 'Rina', 'SK 1', jsonb_build_object('nomor', n)
      FROM generate_series(1, 3) n
    RETURNING id, data)
SELECT (data ->> 'nomor')::int AS nomor, id FROM baru;
ALTER TABLE dtks.usulan ENABLE TRIGGER usulan_periksa;
GRANT SELECT ON kirim TO PUBLIC;
SELECT is(pg_temp.sebagai('tap_kabkota', $$UPDATE dtks.usulan SET status = 'dikirim' WHERE id = (SELECT id FROM kirim WHERE nomor = 1)$$),
          'ok 1', 'the kab/kota sends an usulan');
SELECT is((SELECT periode_penetapan FROM dtks.usulan WHERE id = (SELECT id FROM kirim WHERE nomor = 1)), DATE '2031-05-01',
          '... to the month of the reference date');
SET LOCAL dtks.tanggal_acuan = '2031-12-25';
SELECT is(pg_temp.sebagai('tap_kabkota', $$UPDATE dtks.usulan SET status = 'dikirim' WHERE id = (SELECT id FROM kirim WHERE nomor = 2)$$),
          'ok 1', 'another is sent after the cut-off day');
SELECT is((SELECT periode_penetapan FROM dtks.usulan WHERE id = (SELECT id FROM kirim WHERE nomor = 2)), DATE '2032-01-01',
          '... to the month after it');
RESET dtks.tanggal_acuan;
SELECT is(dtks.tanggal_acuan(), CURRENT_DATE, 'reset, it is today again');

SELECT * FROM finish();
ROLLBACK;
