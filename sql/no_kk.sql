-- dtks.no_kk: only what is certainly wrong rejects; the believed date and serial only warn.
SET search_path = dtks, public;

SELECT k::no_kk, no_kk_kode_wilayah(k::no_kk) AS wilayah,
       no_kk_tanggal_terbit(k::no_kk, DATE '2026-11-22') AS terbit, no_kk_alasan(k) AS peringatan
  FROM unnest(ARRAY['3171012505180003', '3404071201100015', '5302011709990001',
                    '3171014513180003', '3171010101180000']) AS k;

-- rejected: length, non-digit, province, kab/kota, kecamatan
SELECT ''::no_kk;
SELECT '317101250518000'::no_kk;
SELECT '31710125051800a3'::no_kk;
SELECT '9971012505180003'::no_kk;
SELECT '3100012505180003'::no_kk;
SELECT '3171002505180003'::no_kk;
SELECT 9971012505180003::bigint::no_kk;

-- reasons: rejecting ones first, then warnings (tanggal, nomor_urut)
SELECT x, no_kk_valid(x), no_kk_alasan(x)
  FROM unnest(ARRAY['3171012505180003', 'x', '9971012505180003', '3100012505180003', '3171002505180003',
                    '3171013202180003', '3171012513180003', '3171012902190003', '3171012505180000',
                    '3171019999990000', NULL]) AS x;

-- the recording date: NULL where digits 7-12 are not a date; century as for NIK
SELECT no_kk_tanggal_terbit('3171012902000003', DATE '2026-01-01') AS kabisat,
       no_kk_tanggal_terbit('3171013202180003', DATE '2026-01-01') AS bukan_tanggal,
       no_kk_tanggal_terbit('3171010101990003', DATE '2026-01-01') AS abad_lalu,
       no_kk_tanggal_terbit('3171010101260003', DATE '2026-01-01') AS tahun_ini;
SELECT no_kk_tanggal_terbit('3171010101260003', '-infinity');

SELECT 3171012505180003::bigint::no_kk::bigint, '3171012505180003'::no_kk::text;
