-- pgTAP: programs as data and eligibility (region, desil ceiling, PKH components, a child in school,
-- exclusions from outside data matched by NIK); the BPS 14 and Kepmensos 262 criteria.
\ir lib/awal.psql
SELECT plan(15);

SELECT lives_ok($$SELECT dtks.sintetis_muat(515, 200, '31.71'); SELECT dtks.sintetis_muat(516, 100, '34.71')$$,
                'generating families in Jakarta Pusat and Kota Yogyakarta');
-- statistics after the load, as a DBA would take them (a vacuumed empty table otherwise claims 0 rows)
ANALYZE dtks.keanggotaan;
ANALYZE dtks.anggota;
ANALYZE dtks.keluarga;
ANALYZE dtks.rumah_tangga;
SELECT is((SELECT (dtks.layak_program(f.no_kk, 'PKH', DATE '2026-02-01')).alasan FROM dtks.keluarga f ORDER BY f.no_kk LIMIT 1),
          ARRAY['no desil computed (nasional scope) on or before 2026-02-01'], 'without a stored desil, the ceiling cannot be checked');
SELECT lives_ok($$SELECT dtks.hitung_desil('nasional', NULL, DATE '2026-01-01')$$, 'desil computed');
CREATE TEMP TABLE hasil AS
SELECT f.no_kk, h.kode_wilayah, d.desil, p.kode, l.layak, l.alasan
  FROM dtks.keluarga f JOIN dtks.rumah_tangga h ON h.id = f.rumah_tangga_id
  JOIN dtks.skor_keluarga d ON d.no_kk = f.no_kk AND d.lingkup = 'nasional',
       dtks.program p, dtks.layak_program(f.no_kk, p.kode, DATE '2026-02-01') l;
SELECT is((SELECT count(*) FROM hasil WHERE desil > 4 AND layak), 0::bigint, 'no family above desil 4 is eligible');
SELECT is((SELECT count(*) FROM hasil WHERE desil > 4 AND NOT alasan @> ARRAY[format('desil %s is above the program''s ceiling 4', desil)]),
          0::bigint, 'each says its desil is above the ceiling');
SELECT cmp_ok((SELECT count(*) FROM hasil WHERE kode = 'BPNT' AND layak), '>', 0::bigint, 'some families are eligible for BPNT');
SELECT is((SELECT count(*) FROM hasil WHERE kode = 'KJP_PLUS' AND layak AND NOT kode_wilayah <@ '31'), 0::bigint,
          'KJP Plus serves DKI Jakarta only');
SELECT is((SELECT count(*) FROM hasil WHERE kode = 'KJP_PLUS' AND kode_wilayah <@ '34'
             AND NOT alasan @> ARRAY['the household is outside 31, which the program serves']), 0::bigint,
          'a Yogyakarta family is told it is outside the region');
-- an outside record excludes from KJP Plus only
CREATE TEMP TABLE calon AS
SELECT no_kk FROM hasil WHERE kode = 'KJP_PLUS' AND layak ORDER BY no_kk LIMIT 1;
SELECT isnt((SELECT count(*) FROM calon), 0::bigint, 'a family eligible for KJP Plus');
INSERT INTO dtks.data_luar (nik, jenis, sumber, berlaku)
SELECT m.nik, 'mobil', 'Bapenda DKI', daterange(DATE '2025-01-01', NULL)
  FROM dtks.keanggotaan m WHERE m.no_kk = (SELECT no_kk FROM calon) AND m.shdk = 1;
SELECT is((SELECT l.alasan FROM dtks.layak_program((SELECT no_kk FROM calon), 'KJP_PLUS', DATE '2026-02-01') l),
          ARRAY['a member owns a car (Bapenda vehicle register) (Bapenda DKI)'], 'a car in the vehicle register excludes from KJP Plus');
SELECT is((SELECT l.layak FROM dtks.layak_program((SELECT no_kk FROM calon), 'BPNT', DATE '2026-02-01') l), true,
          'but not from BPNT, which has no such rule');
-- PKH components: a family within the ceiling without one, then a member is pregnant
CREATE TEMP TABLE tanpa AS
SELECT no_kk FROM hasil
 WHERE kode = 'PKH' AND alasan = ARRAY['no PKH component (pregnant member, child under 6, child in school, elderly 60+, severe disability)']
 ORDER BY no_kk LIMIT 1;
SELECT isnt((SELECT count(*) FROM tanpa), 0::bigint, 'a family within the ceiling that has no PKH component');
UPDATE dtks.anggota SET hamil = true
 WHERE nik = (SELECT m.nik FROM dtks.keanggotaan m WHERE m.no_kk = (SELECT no_kk FROM tanpa) AND m.shdk = 1);
SELECT is((SELECT l.layak FROM dtks.layak_program((SELECT no_kk FROM tanpa), 'PKH', DATE '2026-02-01') l), true,
          'with a pregnant member it is eligible for PKH');
-- the BPS 14 criteria: counted from the detail, never over what can be assessed
SELECT is((SELECT count(*) FROM dtks.keluarga f, dtks.kriteria_bps14(f.no_kk, DATE '2026-01-01') k
            WHERE k.terpenuhi <> (SELECT count(*) FROM dtks.kriteria_bps14_rinci(f.no_kk, DATE '2026-01-01') r WHERE r.terpenuhi)
               OR k.dinilai > 10 OR k.miskin <> (k.terpenuhi >= 9)),
          0::bigint, 'kriteria_bps14: met = true rows of the detail; at most 10 of 14 assessable; poor at 9');
SELECT is((SELECT count(*) FROM dtks.keluarga f, dtks.kriteria_kemensos262(f.no_kk, DATE '2026-01-01') k WHERE k.dinilai > 6),
          0::bigint, 'kriteria_kemensos262: at most 6 of 9 assessable');

SELECT * FROM finish();
ROLLBACK;
