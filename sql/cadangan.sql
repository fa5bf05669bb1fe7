-- Backup and restore: pg_dump keeps the registry's rows; a restore in one transaction with triggers
-- off (session_replication_role = replica) gives the same registry and history back, and the rules
-- hold again afterwards.
\setenv PGDATABASE :DBNAME
\! pg_dump -Fc -f results/cadangan.pgc 2> results/cadangan.log && dropdb --if-exists dtks_pulih 2>/dev/null && createdb dtks_pulih
\! PGOPTIONS='-c session_replication_role=replica' pg_restore --single-transaction -d dtks_pulih results/cadangan.pgc
-- the same rows (counts and contents) in both databases
\! q="SELECT (SELECT count(*) FROM dtks.anggota), (SELECT count(*) FROM dtks.keluarga), (SELECT count(*) FROM dtks.keanggotaan), (SELECT count(*) FROM dtks.rumah_tangga), (SELECT count(*) FROM dtks.riwayat), (SELECT count(*) FROM dtks.wilayah), (SELECT count(*) FROM dtks.skor_model), (SELECT count(*) FROM dtks.skor_bobot), (SELECT count(*) FROM dtks.skor_keluarga), (SELECT md5(string_agg(a::text, ',' ORDER BY a.nik) || string_agg(r::text, ',' ORDER BY r.id)) FROM dtks.anggota a FULL JOIN dtks.riwayat r ON false)"; a=$(psql -X -At -c "$q"); b=$(PGDATABASE=dtks_pulih psql -X -At -c "$q"); if [ "$a" = "$b" ]; then echo "restored = original: ${a%|*}"; else echo "different: $a / $b"; fi
-- the restored registry breaks no rule, and its rules are on again
\! PGDATABASE=dtks_pulih psql -X -At -c "SELECT count(*) AS pelanggaran FROM dtks.registri_pelanggaran(ARRAY(SELECT nik FROM dtks.anggota), ARRAY(SELECT no_kk FROM dtks.keluarga), ARRAY(SELECT id FROM dtks.rumah_tangga))"
\! PGDATABASE=dtks_pulih psql -X -q -c "INSERT INTO dtks.keanggotaan (nik, no_kk, shdk, berlaku) VALUES ('3171011708750001', '3471090501880001', 4, '[2025-01-01,)')" 2>&1 | sed 's/^psql:[^E]*ERROR/ERROR/'
\! dropdb dtks_pulih
