-- Backup and restore: pg_dump keeps the registry's rows; a restore in one transaction with triggers
-- off (session_replication_role = replica) gives the same registry and history back, and the rules
-- hold again afterwards.  The DBA's edits of the tables of policy (a shipped row changed, a shipped
-- row deleted, a row added) come back exactly, whichever way the dump is restored: the recipe, a
-- plain pg_restore (as GUIs run it), psql loading a plain dump, or into a database where dtks is
-- installed first.
\setenv PGDATABASE :DBNAME
-- the DBA edits the tables of policy
DELETE FROM dtks.usulan_langkah WHERE dari = 'draf' AND ke = 'dibatalkan';
UPDATE dtks.usulan_langkah SET syarat = 'alasan' WHERE dari = 'dikirim' AND ke = 'pengendalian';
INSERT INTO dtks.usulan_langkah VALUES ('ditolak', 'diajukan', 'kabkota', 'alasan', NULL);
UPDATE dtks.ekspor_kolom SET urutan = CASE kolom WHEN 'rt' THEN 9 ELSE 8 END WHERE kolom IN ('rt', 'rw');
UPDATE dtks.ekspor_kolom SET keterangan = 'Nama sesuai KK' WHERE kolom = 'nama';
DELETE FROM dtks.ekspor_kolom WHERE kolom = 'rumah_tangga_id';
INSERT INTO dtks.ekspor_kolom VALUES ('nomor_hp', 17, 'dinas', true, 'Nomor HP kepala keluarga');
UPDATE dtks.program SET desil_maks = 3 WHERE kode = 'PKH';
DELETE FROM dtks.program WHERE kode = 'KJP_PLUS';
INSERT INTO dtks.program (kode, nama, desil_maks, keterangan) VALUES ('BLT_DESA', 'BLT Dana Desa', 2, 'Village cash aid');
INSERT INTO dtks.program_pengecualian VALUES ('BLT_DESA', 'pns_tni_polri', NULL, 'a member is a civil servant', false);
UPDATE dtks.skor_variabel SET keterangan = keterangan || ' (edited)' WHERE nama = 'jenis_atap';
INSERT INTO dtks.skor_variabel VALUES ('punya_sepeda', 'keluarga', 'punya_sepeda_motor', 'ya_tidak', NULL, 'Bicycle', false);
-- the deleted shipped rows are recorded (the program's exclusions went with it)
SELECT tabel, kunci FROM dtks.aturan_dihapus ORDER BY tabel, kunci::text;
-- only what is not as shipped is dumped
SELECT a.tabel, count(*) AS didump FROM dtks.aturan_tabel a,
       LATERAL (SELECT 1 FROM dtks.usulan_langkah x WHERE a.tabel = 'usulan_langkah' AND NOT dtks.aturan_utuh(a.tabel, x)
                UNION ALL SELECT 1 FROM dtks.ekspor_kolom x WHERE a.tabel = 'ekspor_kolom' AND NOT dtks.aturan_utuh(a.tabel, x)
                UNION ALL SELECT 1 FROM dtks.program x WHERE a.tabel = 'program' AND NOT dtks.aturan_utuh(a.tabel, x)
                UNION ALL SELECT 1 FROM dtks.program_pengecualian x WHERE a.tabel = 'program_pengecualian' AND NOT dtks.aturan_utuh(a.tabel, x)
                UNION ALL SELECT 1 FROM dtks.skor_variabel x WHERE a.tabel = 'skor_variabel' AND NOT dtks.aturan_utuh(a.tabel, x)
                UNION ALL SELECT 1 FROM dtks.skor_model x WHERE a.tabel = 'skor_model' AND NOT dtks.aturan_utuh(a.tabel, x)
                UNION ALL SELECT 1 FROM dtks.skor_bobot x WHERE a.tabel = 'skor_bobot' AND NOT dtks.aturan_utuh(a.tabel, x)) s
 GROUP BY a.tabel ORDER BY a.tabel;
\! pg_dump -Fc -f results/cadangan.pgc 2> results/cadangan.log && pg_dump -Fp -f results/cadangan.dump.sql 2>> results/cadangan.log && dropdb --if-exists dtks_pulih 2>/dev/null && createdb dtks_pulih
\! PGOPTIONS='-c session_replication_role=replica' pg_restore --single-transaction -d dtks_pulih results/cadangan.pgc
-- the same rows (counts and contents) in both databases
\! q="SELECT (SELECT count(*) FROM dtks.anggota), (SELECT count(*) FROM dtks.keluarga), (SELECT count(*) FROM dtks.keanggotaan), (SELECT count(*) FROM dtks.rumah_tangga), (SELECT count(*) FROM dtks.riwayat), (SELECT count(*) FROM dtks.wilayah), (SELECT count(*) FROM dtks.skor_model), (SELECT count(*) FROM dtks.skor_bobot), (SELECT count(*) FROM dtks.skor_keluarga), (SELECT md5(string_agg(a::text, ',' ORDER BY a.nik) || string_agg(r::text, ',' ORDER BY r.id)) FROM dtks.anggota a FULL JOIN dtks.riwayat r ON false)"; a=$(psql -X -At -c "$q"); b=$(PGDATABASE=dtks_pulih psql -X -At -c "$q"); if [ "$a" = "$b" ]; then echo "restored = original: ${a%|*}"; else echo "different: $a / $b"; fi
-- the restored registry breaks no rule, and its rules are on again
\! PGDATABASE=dtks_pulih psql -X -At -c "SELECT count(*) AS pelanggaran FROM dtks.registri_pelanggaran(ARRAY(SELECT nik FROM dtks.anggota), ARRAY(SELECT no_kk FROM dtks.keluarga), ARRAY(SELECT id FROM dtks.rumah_tangga))"
\! PGDATABASE=dtks_pulih psql -X -q -c "INSERT INTO dtks.keanggotaan (nik, no_kk, shdk, berlaku) VALUES ('3171011708750001', '3471090501880001', 4, '[2025-01-01,)')" 2>&1 | sed 's/^psql:[^E]*ERROR/ERROR/'
-- the tables of policy, every other table with a process (usulan, permohonan, their history) and the
-- deletions, compared whole; the same for every way of restoring
\o results/cadangan_isi.sql
\qecho 'SELECT ''usulan_langkah'', count(*), md5(string_agg(t::text, '';'' ORDER BY t::text)) FROM dtks.usulan_langkah t;'
\qecho 'SELECT ''ekspor_kolom'', count(*), md5(string_agg(t::text, '';'' ORDER BY t::text)) FROM dtks.ekspor_kolom t;'
\qecho 'SELECT ''program'', count(*), md5(string_agg(t::text, '';'' ORDER BY t::text)) FROM dtks.program t;'
\qecho 'SELECT ''program_pengecualian'', count(*), md5(string_agg(t::text, '';'' ORDER BY t::text)) FROM dtks.program_pengecualian t;'
\qecho 'SELECT ''skor_variabel'', count(*), md5(string_agg(t::text, '';'' ORDER BY t::text)) FROM dtks.skor_variabel t;'
\qecho 'SELECT ''skor_model'', count(*), md5(string_agg(t::text, '';'' ORDER BY t::text)) FROM dtks.skor_model t;'
\qecho 'SELECT ''skor_bobot'', count(*), md5(string_agg(t::text, '';'' ORDER BY t::text)) FROM dtks.skor_bobot t;'
\qecho 'SELECT ''skor_bobot_wilayah'', count(*), md5(string_agg(t::text, '';'' ORDER BY t::text)) FROM dtks.skor_bobot_wilayah t;'
\qecho 'SELECT ''aturan_dihapus'', count(*), md5(string_agg(t.tabel || t.kunci::text, '';'' ORDER BY t.tabel || t.kunci::text)) FROM dtks.aturan_dihapus t;'
\qecho 'SELECT ''usulan'', count(*), md5(string_agg(t::text, '';'' ORDER BY t.id)) FROM dtks.usulan t;'
\qecho 'SELECT ''usulan_riwayat'', count(*), md5(string_agg(t::text, '';'' ORDER BY t.id)) FROM dtks.usulan_riwayat t;'
\qecho 'SELECT ''permohonan_data'', count(*), md5(string_agg(t::text, '';'' ORDER BY t.id)) FROM dtks.permohonan_data t;'
\qecho 'SELECT ''laporan_pemanfaatan_penerima'', count(*), md5(string_agg(t::text, '';'' ORDER BY t.id)) FROM dtks.laporan_pemanfaatan_penerima t;'
\qecho 'SELECT ''registri'', (SELECT count(*) FROM dtks.anggota), (SELECT count(*) FROM dtks.keluarga), (SELECT count(*) FROM dtks.keanggotaan), (SELECT count(*) FROM dtks.rumah_tangga), (SELECT count(*) FROM dtks.riwayat), md5((SELECT string_agg(t::text, '';'' ORDER BY t.id) FROM dtks.keanggotaan t) || (SELECT string_agg(t::text, '';'' ORDER BY t.no_kk) FROM dtks.keluarga t) || (SELECT string_agg(t::text, '';'' ORDER BY t.id) FROM dtks.riwayat t));'
\o
\! psql -X -At -f results/cadangan_isi.sql > results/cadangan_isi.asli; cut -d'|' -f1,2 results/cadangan_isi.asli
\! PGDATABASE=dtks_pulih psql -X -At -f results/cadangan_isi.sql > results/cadangan_isi.pulih; cmp -s results/cadangan_isi.asli results/cadangan_isi.pulih && echo "the recipe: restored = original"
-- a plain pg_restore (no options), psql loading the plain dump, and a restore into a database where dtks
-- is installed first (pg_restore's only error there: the schema dtks exists)
\! dropdb dtks_pulih && createdb dtks_pulih && pg_restore -d dtks_pulih results/cadangan.pgc; echo "pg_restore: $?"; PGDATABASE=dtks_pulih psql -X -At -f results/cadangan_isi.sql > results/cadangan_isi.pulih; cmp -s results/cadangan_isi.asli results/cadangan_isi.pulih && echo "plain pg_restore: restored = original"
\! PGDATABASE=dtks_pulih psql -X -q -c "INSERT INTO dtks.keanggotaan (nik, no_kk, shdk, berlaku) VALUES ('3171011708750001', '3471090501880001', 4, '[2025-01-01,)')" 2>&1 | sed 's/^psql:[^E]*ERROR/ERROR/'
\! dropdb dtks_pulih && createdb dtks_pulih && psql -X -q -v ON_ERROR_STOP=1 -d dtks_pulih -f results/cadangan.dump.sql > /dev/null; echo "psql: $?"; PGDATABASE=dtks_pulih psql -X -At -f results/cadangan_isi.sql > results/cadangan_isi.pulih; cmp -s results/cadangan_isi.asli results/cadangan_isi.pulih && echo "psql with the plain dump: restored = original"
\! dropdb dtks_pulih && createdb dtks_pulih && psql -X -q -d dtks_pulih -c "SET client_min_messages = warning" -c "CREATE EXTENSION dtks CASCADE" && pg_restore -d dtks_pulih results/cadangan.pgc 2>&1 | grep -c 'ERROR:  schema "dtks" already exists'; PGDATABASE=dtks_pulih psql -X -At -f results/cadangan_isi.sql > results/cadangan_isi.pulih; cmp -s results/cadangan_isi.asli results/cadangan_isi.pulih && echo "into an installed dtks: restored = original"
\! dropdb dtks_pulih
-- a database of 1.0 with the DBA's edits: the update records what 1.0 shipped and the shipped rows
-- deleted under 1.0, and from then on a restore keeps those edits
\! dropdb --if-exists dtks_lama 2>/dev/null; createdb dtks_lama && psql -X -q -d dtks_lama -c "SET client_min_messages = warning" -c "CREATE EXTENSION dtks VERSION '1.0' CASCADE"
\! PGDATABASE=dtks_lama psql -X -q -v ON_ERROR_STOP=1 -c "DELETE FROM dtks.usulan_langkah WHERE dari = 'draf' AND ke = 'dibatalkan'" -c "UPDATE dtks.program SET desil_maks = 3 WHERE kode = 'PKH'" -c "DELETE FROM dtks.program_pengecualian WHERE jenis = 'njop'" -c "INSERT INTO dtks.ekspor_kolom VALUES ('nomor_hp', 17, 'dinas', true, 'Nomor HP')" -c "ALTER EXTENSION dtks UPDATE"
\! PGDATABASE=dtks_lama psql -X -At -c "SELECT tabel || ' ' || kunci FROM dtks.aturan_dihapus ORDER BY 1" -c "SELECT count(*) FROM dtks.aturan_bawaan"
\! pg_dump -Fc -d dtks_lama -f results/cadangan_lama.pgc 2>> results/cadangan.log && createdb dtks_pulih && pg_restore -d dtks_pulih results/cadangan_lama.pgc; PGDATABASE=dtks_lama psql -X -At -f results/cadangan_isi.sql > results/cadangan_isi.asli; PGDATABASE=dtks_pulih psql -X -At -f results/cadangan_isi.sql > results/cadangan_isi.pulih; cmp -s results/cadangan_isi.asli results/cadangan_isi.pulih && echo "updated from 1.0: restored = original"
\! dropdb dtks_pulih; dropdb dtks_lama
-- the rules stay: loading like a restore turns the triggers off only for a superuser
CREATE ROLE uji_pemulih;
GRANT USAGE ON SCHEMA dtks TO uji_pemulih;
GRANT INSERT ON dtks.skor_bobot_wilayah TO uji_pemulih;
SET ROLE uji_pemulih;
SELECT pg_catalog.set_config('search_path', '', false);
SET row_security = off;
SET check_function_bodies = false;
COPY dtks.skor_bobot_wilayah FROM stdin;
\.
RESET ALL;
RESET ROLE;
-- a superuser's such COPY: the triggers are off until its transaction ends
BEGIN;
SELECT pg_catalog.set_config('search_path', '', false);
SET row_security = off;
SET check_function_bodies = false;
COPY dtks.skor_bobot_wilayah FROM stdin;
\.
SHOW session_replication_role;
COMMIT;
RESET ALL;
SHOW session_replication_role;
DROP OWNED BY uji_pemulih;
DROP ROLE uji_pemulih;
