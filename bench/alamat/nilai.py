#!/usr/bin/python3
"""Quality and speed of dtks.wilayah_dari_alamat on a set made by buat_set.py, against a plain trigram lookup.

    bench/alamat/nilai.py --set alamat.csv [--dasar N]      # database from the PG* variables (region data loaded)

Top-1 accuracy: the first region returned is the one the address names.  Time: each call timed alone on the
server (clock_timestamp() around it in one PL/pgSQL loop), median and p95.  The baseline (on the first N
addresses, default 500): the desa or kecamatan whose full name (desa, kecamatan, kab/kota, province) is nearest
to the address by pg_trgm distance (<->, a GiST index), the plain trigram-similarity lookup of issue 20.
Targets of issue 20: overall >= 0.97, typing errors >= 0.92, kecamatan only and old names >= 0.95, median <= 15 ms.
"""
import argparse
import collections
import csv
import statistics
import sys

import psycopg2


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--set', required=True)
    ap.add_argument('--dasar', type=int, default=500)
    ap.add_argument('--periksa', action='store_true', help='exit 1 when a target is missed')
    a = ap.parse_args()
    baris = list(csv.DictReader(open(a.set, encoding='utf-8')))
    con = psycopg2.connect('')
    con.autocommit = True
    cur = con.cursor()
    cur.execute("SET search_path = pg_catalog, public")
    cur.execute("CREATE TEMP TABLE alamat_uji (id int, kelas text, alamat text, kode text)")
    cur.executemany("INSERT INTO alamat_uji VALUES (%s, %s, %s, %s)",
                    [(int(b['id']), b['kelas'], b['alamat'], b['kode']) for b in baris])
    cur.execute("""CREATE TEMP TABLE hasil (id int, metode text, kode text, ms double precision)""")
    cur.execute("""
DO $$
DECLARE q record; t0 timestamptz; k text;
BEGIN
    FOR putaran IN 1..2 LOOP
        FOR q IN SELECT * FROM alamat_uji ORDER BY id LOOP
            t0 := clock_timestamp();
            SELECT w.kode_wilayah::text INTO k FROM dtks.wilayah_dari_alamat(q.alamat) w LIMIT 1;
            IF putaran = 2 THEN
                INSERT INTO hasil VALUES (q.id, 'dtks', k, extract(epoch FROM clock_timestamp() - t0) * 1000);
            END IF;
        END LOOP;
    END LOOP;
END $$""")
    # the baseline: the nearest full name by trigrams
    cur.execute("""
CREATE TEMP TABLE nama_lengkap AS
SELECT w.kode::text AS kode, upper(concat_ws(' ', w.nama, c.nama, b.nama, p.nama)) AS nama
  FROM dtks.wilayah w
  LEFT JOIN dtks.wilayah c ON c.kode OPERATOR(dtks.=) dtks.leluhur(w.kode, 3) AND w.tingkat = 4
  JOIN dtks.wilayah b ON b.kode OPERATOR(dtks.=) dtks.leluhur(w.kode, 2)
  JOIN dtks.wilayah p ON p.kode OPERATOR(dtks.=) dtks.leluhur(w.kode, 1)
 WHERE w.tingkat >= 3""")
    cur.execute("CREATE INDEX ON nama_lengkap USING gist (nama gist_trgm_ops)")
    cur.execute("ANALYZE nama_lengkap")
    cur.execute("""
DO $$
DECLARE q record; t0 timestamptz; k text;
BEGIN
    FOR q IN SELECT * FROM alamat_uji ORDER BY id LIMIT %s LOOP
        t0 := clock_timestamp();
        SELECT n.kode INTO k FROM nama_lengkap n ORDER BY n.nama <-> upper(q.alamat) LIMIT 1;
        INSERT INTO hasil VALUES (q.id, 'pg_trgm', k, extract(epoch FROM clock_timestamp() - t0) * 1000);
    END LOOP;
END $$""" % int(a.dasar))
    cur.execute("SELECT h.metode, u.kelas, h.kode = u.kode, h.ms, h.kode IS NULL FROM hasil h JOIN alamat_uji u USING (id)")
    per = collections.defaultdict(lambda: collections.defaultdict(lambda: [0, 0]))
    ms = collections.defaultdict(list)
    kosong = collections.Counter()
    for metode, kelas, benar, t, nol in cur.fetchall():
        ms[metode].append(t)
        kosong[metode] += 1 if nol else 0
        for k in ['semua'] + kelas.split('+'):
            per[metode][k][0] += 1 if benar else 0
            per[metode][k][1] += 1
    kelas_semua = sorted({k for m in per.values() for k in m}, key=lambda k: (k != 'semua', k))
    print('== dtks.wilayah_dari_alamat on %s (%d addresses; baseline on the first %d)' % (a.set, len(baris), min(a.dasar, len(baris))))
    print('   %-18s %8s %10s %10s' % ('class', 'n', 'dtks', 'pg_trgm'))
    for k in kelas_semua:
        d = per['dtks'][k]
        b = per['pg_trgm'].get(k)
        print('   %-18s %8d %10.4f %10s' % (k, d[1], d[0] / d[1] if d[1] else 0,
                                          '%.4f' % (b[0] / b[1]) if b and b[1] else '-'))
    for m in ('dtks', 'pg_trgm'):
        if ms[m]:
            s = sorted(ms[m])
            print('   %-8s median %.2f ms, p95 %.2f ms, no answer %d' % (m, statistics.median(s), s[int(0.95 * (len(s) - 1))], kosong[m]))
    tgt = [('semua', 0.97), ('salah_ketik', 0.92), ('kecamatan_saja', 0.95), ('nama_lama', 0.95)]
    gagal = False
    print('== targets of issue 20')
    for k, t in tgt:
        d = per['dtks'].get(k)
        v = d[0] / d[1] if d and d[1] else 0
        print('   %-15s %.4f  >= %.2f  %s' % (k, v, t, 'PASS' if v >= t else 'MISS'))
        gagal |= v < t
    med = statistics.median(ms['dtks'])
    print('   median         %.2f ms <= 15 ms  %s' % (med, 'PASS' if med <= 15 else 'MISS'))
    gagal |= med > 15
    if a.periksa and gagal:
        sys.exit(1)


if __name__ == '__main__':
    main()
