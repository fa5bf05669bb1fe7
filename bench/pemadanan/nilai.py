#!/usr/bin/env python3
"""The quality harness of the Dukcapil candidate search: loads a set made by buat_set.py into dtks.penduduk,
asks dtks.cari_penduduk (when it exists) and the pg_trgm baseline about every kueri row, and reports linkage
precision / recall / F1, the NIK-error cases, the absent people, a table per class, the Dukcapil duplicates
(dtks.calon_ganda) and the median time per call, against the targets of issue 19.

    bench/pemadanan/nilai.py --set DIR [--periksa] [--sampel N] [--batas 5] [--tanpa-muat]

The database comes from the standard PG* variables and must have dtks.  dtks.penduduk is emptied and loaded
from DIR/penduduk.csv (unless --tanpa-muat); the kueri and results go to the scratch schema dtks_bench_pemadanan
(dropped at the end); the baseline's trigram index on dtks.penduduk (nama) is built after cari_penduduk has run
and dropped at the end.  --periksa: exit 1 when cari_penduduk is missing or misses a target.
"""
import argparse
import collections
import csv
import os
import statistics
import sys
import time

import psycopg2

SKEMA = 'dtks_bench_pemadanan'
# the NIK-error classes: the typed NIK is not the person's
KELAS_NIK = ('nik_satu_digit', 'nik_tukar', 'nik_tgl_bln', 'nik_kurang_digit', 'nik_lebih_digit', 'nik_kosong',
             'nik_orang_lain', 'nik_keluarga', 'nik_no_kk')
TARGET = {'f1': 0.99, 'presisi': 0.995, 'nik_benar': 0.97, 'nik_salah': 0.005, 'absen_kosong': 0.97, 'ganda': 0.95}
KOLOM_PENDUDUK = 'nik,no_kk,nama,tempat_lahir,tanggal_lahir,jenis_kelamin,alamat,kode_wilayah,hidup,tanggal_meninggal'
ADA_CARI = "SELECT pg_catalog.to_regprocedure('dtks.cari_penduduk(text,text,date,text,dtks.kode_wilayah,integer)') IS NOT NULL"
ADA_GANDA = "SELECT pg_catalog.to_regprocedure('dtks.calon_ganda(dtks.kode_wilayah)') IS NOT NULL"


def satu(cur, sql, arg=None):
    cur.execute(sql, arg)
    return cur.fetchone()[0]


def muat(cur, d):
    t0 = time.time()
    cur.execute('TRUNCATE dtks.penduduk')
    with open(os.path.join(d, 'penduduk.csv'), encoding='utf-8') as f:
        cur.copy_expert('COPY dtks.penduduk (%s) FROM STDIN WITH (FORMAT csv, HEADER true)' % KOLOM_PENDUDUK, f)
    cur.execute('ANALYZE dtks.penduduk')
    return time.time() - t0


def siapkan(cur, d, trgm):
    cur.execute('DROP SCHEMA IF EXISTS %s CASCADE' % SKEMA)
    cur.execute('CREATE SCHEMA %s' % SKEMA)
    cur.execute("""CREATE TABLE %s.kueri (id integer PRIMARY KEY, orang integer, nik_ketik text, nama text,
                     tanggal_lahir date, jenis_kelamin text, kode_wilayah text, alamat text, kelas text,
                     nik_benar text)""" % SKEMA)
    with open(os.path.join(d, 'kueri.csv'), encoding='utf-8') as f:
        cur.copy_expert('COPY %s.kueri FROM STDIN WITH (FORMAT csv, HEADER true)' % SKEMA, f)
    cur.execute('CREATE TABLE %s.hasil (metode text, id integer, urutan bigint, nik text, skor double precision)' % SKEMA)
    cur.execute('CREATE TABLE %s.waktu (metode text, id integer, ms double precision)' % SKEMA)
    # the baseline: the typed NIK when Dukcapil has it, else the most similar names by pg_trgm
    cur.execute("""
CREATE FUNCTION {s}.dasar(nik_ketik text, nama text, batas integer)
    RETURNS TABLE (nik dtks.nik, skor double precision) LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF dtks.nik_valid(nik_ketik) AND EXISTS (SELECT 1 FROM dtks.penduduk p
                                              WHERE p.nik OPERATOR(dtks.=) nik_ketik::dtks.nik) THEN
        RETURN QUERY SELECT nik_ketik::dtks.nik, 1.0::double precision;
        RETURN;
    END IF;
    RETURN QUERY SELECT p.nik, {t}.similarity(p.nama, dasar.nama)::double precision
                   FROM dtks.penduduk p
                  WHERE p.nama OPERATOR({t}.%) dasar.nama
                  ORDER BY 2 DESC, p.nik LIMIT batas;
END $$""".format(s=SKEMA, t=trgm))
    # one loop per method, timed per call on the server
    cur.execute("""
CREATE FUNCTION {s}.jalankan(metode text, batas integer, sampel integer) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    q record;
    t0 timestamptz;
    n bigint := 0;
BEGIN
    FOR q IN SELECT * FROM {s}.kueri ORDER BY id LIMIT sampel LOOP
        t0 := pg_catalog.clock_timestamp();
        IF metode = 'cari_penduduk' THEN
            INSERT INTO {s}.hasil
            SELECT metode, q.id, c.o, c.nik::text, c.skor
              FROM dtks.cari_penduduk(q.nik_ketik, q.nama, q.tanggal_lahir, q.jenis_kelamin,
                                      q.kode_wilayah::dtks.kode_wilayah, batas)
                   WITH ORDINALITY AS c(nik, skor, rincian, o);
        ELSE
            INSERT INTO {s}.hasil
            SELECT metode, q.id, c.o, c.nik::text, c.skor
              FROM {s}.dasar(q.nik_ketik, q.nama, batas) WITH ORDINALITY AS c(nik, skor, o);
        END IF;
        INSERT INTO {s}.waktu VALUES (metode, q.id,
            extract(epoch FROM pg_catalog.clock_timestamp() - t0) * 1000);
        n := n + 1;
    END LOOP;
    RETURN n;
END $$""".format(s=SKEMA))


def baca_kueri(d):
    with open(os.path.join(d, 'kueri.csv'), encoding='utf-8') as f:
        return {int(r['id']): r for r in csv.DictReader(f)}


def baca_ganda(d):
    p = os.path.join(d, 'ganda.csv')
    if not os.path.exists(p):
        return set()
    with open(p, encoding='utf-8') as f:
        return {frozenset((r['nik_a'], r['nik_b'])) for r in csv.DictReader(f)}


def jalankan(cur, metode, batas, sampel):
    t0 = time.time()
    cur.execute('SELECT %s.jalankan(%%s, %%s, %%s)' % SKEMA, (metode, batas, sampel))
    n = cur.fetchone()[0]
    dur = time.time() - t0
    cur.execute('SELECT id, urutan, nik, skor FROM %s.hasil WHERE metode = %%s ORDER BY id, urutan' % SKEMA, (metode,))
    calon = collections.defaultdict(list)
    for i, _, nik, skor in cur.fetchall():
        calon[i].append((nik, skor))
    cur.execute('SELECT id, ms FROM %s.waktu WHERE metode = %%s' % SKEMA, (metode,))
    ms = dict(cur.fetchall())
    return {'calon': calon, 'ms': list(ms.values()), 'ms_id': ms, 'n': n, 'detik': dur}


def ukur(kueri, hasil):
    """Metrics of one method over the kueri it answered."""
    calon = hasil['calon']
    ids = sorted(kueri)[:hasil['n']]
    m = collections.Counter()
    kelas = collections.defaultdict(collections.Counter)
    salah = []
    for i in ids:
        q = kueri[i]
        benar = q['nik_benar']
        c = calon.get(i, [])
        top = c[0][0] if c else None
        ks = q['kelas'].split('+')
        if benar:
            m['ada'] += 1
            hasilnya = 'benar' if top == benar else ('salah' if top else 'kosong')
            if any(c2[0] == benar for c2 in c):
                m['ada_di_calon'] += 1
            if any(k in KELAS_NIK for k in ks):
                m['nik_err'] += 1
                m['nik_err_' + hasilnya] += 1
        else:
            m['absen'] += 1
            hasilnya = 'kosong' if not c else 'salah'
        m[hasilnya + ('_ada' if benar else '_absen')] += 1
        for k in ks:
            # the classes of the absent are counted apart: for them no candidate is the right answer
            if not benar and not k.startswith('absen_'):
                k = 'absen+' + k
            kelas[k]['n'] += 1
            kelas[k][hasilnya] += 1
        if hasilnya != 'benar' and not (not benar and hasilnya == 'kosong'):
            salah.append((q, c))
    tp = m['benar_ada']
    fp = m['salah_ada'] + m['salah_absen']
    r = {
        'tp': tp, 'fp': fp,
        'presisi': tp / (tp + fp) if tp + fp else 0.0,
        'recall': tp / m['ada'] if m['ada'] else 0.0,
        'nik_benar': m['nik_err_benar'] / m['nik_err'] if m['nik_err'] else 0.0,
        'nik_salah': m['nik_err_salah'] / m['nik_err'] if m['nik_err'] else 0.0,
        'absen_kosong': m['kosong_absen'] / m['absen'] if m['absen'] else 0.0,
        'di_calon': m['ada_di_calon'] / m['ada'] if m['ada'] else 0.0,
        'm': m, 'kelas': kelas, 'salah': salah, 'n': hasil['n'], 'detik': hasil['detik'],
        'median_nama_ms': hasil.get('median_nama_ms'), 'n_nama': hasil.get('n_nama'),
        'median_ms': statistics.median(hasil['ms']) if hasil['ms'] else float('nan'),
        'p90_ms': sorted(hasil['ms'])[int(0.9 * (len(hasil['ms']) - 1))] if hasil['ms'] else float('nan'),
    }
    p, rc = r['presisi'], r['recall']
    r['f1'] = 2 * p * rc / (p + rc) if p + rc else 0.0
    return r


def ganda_dtks(cur, ganda):
    t0 = time.time()
    cur.execute("SELECT nik_a::text, nik_b::text FROM dtks.calon_ganda(NULL) WHERE sumber = 'dukcapil'")
    dilapor = {frozenset(r) for r in cur.fetchall()}
    return {'dilapor': len(dilapor), 'kena': len(dilapor & ganda), 'detik': time.time() - t0,
            'lewat': ganda - dilapor, 'lebih': dilapor - ganda}


def ganda_dasar(cur, ganda, trgm):
    """Baseline for the duplicates: pairs of one sex whose names are similar (pg_trgm %) and whose birth dates
    are at most a year apart."""
    t0 = time.time()
    cur.execute("""SELECT a.nik::text, b.nik::text FROM dtks.penduduk a JOIN dtks.penduduk b
                     ON b.nama OPERATOR({t}.%) a.nama AND b.nik::bigint > a.nik::bigint
                    AND b.jenis_kelamin = a.jenis_kelamin
                    AND abs(b.tanggal_lahir - a.tanggal_lahir) <= 366""".format(t=trgm))
    dilapor = {frozenset(r) for r in cur.fetchall()}
    return {'dilapor': len(dilapor), 'kena': len(dilapor & ganda), 'detik': time.time() - t0,
            'lewat': ganda - dilapor, 'lebih': dilapor - ganda}


def tanda(ok):
    return 'PASS' if ok else 'MISS'


def laporan(hasil, ganda_n, ganda_hasil, kecepatan_saja, jumlah_penduduk):
    metode = list(hasil)
    lebar = 16
    print()
    if not kecepatan_saja:
        print('== Linkage (a kueri links to its top candidate)')
        baris = [
            ('precision', 'presisi', '%.4f', '>= %.3f' % TARGET['presisi']),
            ('recall', 'recall', '%.4f', ''),
            ('F1', 'f1', '%.4f', '>= %.2f' % TARGET['f1']),
            ('right NIK first, NIK errors', 'nik_benar', '%.4f', '>= %.2f' % TARGET['nik_benar']),
            ('wrong NIK first, NIK errors', 'nik_salah', '%.4f', '<= %.3f' % TARGET['nik_salah']),
            ('absent: no candidate', 'absen_kosong', '%.4f', '>= %.2f' % TARGET['absen_kosong']),
            ('right NIK among candidates', 'di_calon', '%.4f', ''),
        ]
        print('   %-30s' % '' + ''.join('%*s' % (lebar, m) for m in metode) + '   target')
        for label, k, fmt, tgt in baris:
            print('   %-30s' % label + ''.join('%*s' % (lebar, fmt % hasil[m][k]) for m in metode) + '   ' + tgt)
        r0 = hasil[metode[0]]['m']
        print('   (%d kueri: %d about people in Dukcapil, %d absent; %d with a NIK error)' % (
            r0['ada'] + r0['absen'], r0['ada'], r0['absen'], r0['nik_err']))
        for m in metode:
            mm = hasil[m]['m']
            print('   %-14s true links %d, wrong links to present %d, links for absent %d, no link for present %d' % (
                m, mm['benar_ada'], mm['salah_ada'], mm['salah_absen'], mm['kosong_ada']))
        if ganda_n:
            print()
            print('== Dukcapil duplicates (%d pairs in ganda.csv)' % ganda_n)
            for m, g in ganda_hasil.items():  # nik_tepat has no duplicate search
                if g is None:
                    print('   %-14s dtks.calon_ganda does not exist yet' % m)
                else:
                    print('   %-14s %d of %d found (%.4f), %d pairs reported (%.4f of them in ganda.csv), %.1f s   '
                          'target >= %.2f %s' % (
                        m, g['kena'], ganda_n, g['kena'] / ganda_n, g['dilapor'], g['kena'] / max(1, g['dilapor']),
                        g['detik'], TARGET['ganda'],
                        tanda(g['kena'] / ganda_n >= TARGET['ganda'])))
        print()
        print('== Per class (n; right first / wrong first / no candidate, as shares of the class; absen+X: the absent')
        print('   kueri of class X, for whom no candidate is right)')
        semua = sorted({k for m in metode for k in hasil[m]['kelas']},
                       key=lambda k: (k.startswith('absen'), not k.startswith('absen_'), -hasil[metode[0]]['kelas'][k]['n'], k))
        print('   %-24s %6s' % ('class', 'n') + ''.join('   %-22s' % m for m in metode))
        for k in semua:
            s = '   %-24s %6d' % (k, hasil[metode[0]]['kelas'][k]['n'])
            for m in metode:
                c = hasil[m]['kelas'][k]
                n = c['n'] or 1
                s += '   %6.1f %6.1f %6.1f    ' % (100.0 * c['benar'] / n, 100.0 * c['salah'] / n, 100.0 * c['kosong'] / n)
            print(s)
    print()
    print('== Time per call (server side, one session)')
    for m in metode:
        if not hasil[m]['n'] or m == 'nik_tepat':
            continue
        print('   %-14s median %.3f ms, p90 %.3f ms over %d calls (%.1f s in all)' % (
            m, hasil[m]['median_ms'], hasil[m]['p90_ms'], hasil[m]['n'], hasil[m]['detik']))
        print('   %-14s median %.3f ms over the %d calls whose typed NIK is not in penduduk (the name search)' % (
            '', hasil[m]['median_nama_ms'], hasil[m]['n_nama']))
    if 'cari_penduduk' in hasil and 'pg_trgm' in hasil:
        print('   cari_penduduk / pg_trgm median = %.2f (over the name searches %.2f)' % (
            hasil['cari_penduduk']['median_ms'] / hasil['pg_trgm']['median_ms'],
            hasil['cari_penduduk']['median_nama_ms'] / hasil['pg_trgm']['median_nama_ms']))
    if 'cari_penduduk' in hasil:
        if jumlah_penduduk >= 1000000:
            print('   cari_penduduk median target <= 1 ms at 1,000,000 penduduk: %s' % tanda(hasil['cari_penduduk']['median_ms'] <= 1.0))
        else:
            print('   (the 1 ms target is for 1,000,000 penduduk; this run has %d: bench/pemadanan.sh --kecepatan)' % jumlah_penduduk)


def periksa(h, g, ganda_n):
    gagal = []
    if h['f1'] < TARGET['f1']:
        gagal.append('F1 %.4f < %.2f' % (h['f1'], TARGET['f1']))
    if h['presisi'] < TARGET['presisi']:
        gagal.append('precision %.4f < %.3f' % (h['presisi'], TARGET['presisi']))
    if h['nik_benar'] < TARGET['nik_benar']:
        gagal.append('right NIK first %.4f < %.2f' % (h['nik_benar'], TARGET['nik_benar']))
    if h['nik_salah'] > TARGET['nik_salah']:
        gagal.append('wrong NIK first %.4f > %.3f' % (h['nik_salah'], TARGET['nik_salah']))
    if h['absen_kosong'] < TARGET['absen_kosong']:
        gagal.append('absent without candidate %.4f < %.2f' % (h['absen_kosong'], TARGET['absen_kosong']))
    if ganda_n:
        if g is None:
            gagal.append('dtks.calon_ganda does not exist')
        elif g['kena'] / ganda_n < TARGET['ganda']:
            gagal.append('duplicates found %.4f < %.2f' % (g['kena'] / ganda_n, TARGET['ganda']))
    return gagal


def tulis_salah(path, kueri_hasil):
    with open(path, 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['id', 'kelas', 'nik_ketik', 'nama', 'tanggal_lahir', 'jenis_kelamin', 'kode_wilayah',
                    'nik_benar', 'calon'])
        for q, c in kueri_hasil:
            w.writerow([q['id'], q['kelas'], q['nik_ketik'], q['nama'], q['tanggal_lahir'], q['jenis_kelamin'],
                        q['kode_wilayah'], q['nik_benar'], ' '.join('%s:%.3f' % (n, s or 0) for n, s in c)])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--set', required=True, help='directory made by buat_set.py')
    ap.add_argument('--batas', type=int, default=5, help='candidates asked for (default 5)')
    ap.add_argument('--sampel', type=int, default=None,
                    help='only the first N kueri by id (timing runs); quality figures then cover those N')
    ap.add_argument('--kecepatan', action='store_true', help='print the timings only')
    ap.add_argument('--tanpa-muat', action='store_true', help='dtks.penduduk is loaded already')
    ap.add_argument('--tanpa-dasar', action='store_true', help='skip the pg_trgm baseline')
    ap.add_argument('--salah', metavar='DIR', help='write the misses of each method to DIR/salah_<method>.csv')
    ap.add_argument('--periksa', action='store_true', help='exit 1 when cari_penduduk misses a target')
    a = ap.parse_args()

    conn = psycopg2.connect('')
    conn.autocommit = True
    cur = conn.cursor()
    cur.execute("SET client_min_messages = warning")
    trgm = satu(cur, "SELECT n.nspname FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n "
                     "ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'")
    if trgm is None:
        sys.exit('pg_trgm is not installed in this database')
    if not a.tanpa_muat:
        dt = muat(cur, a.set)
        print('loaded %d penduduk from %s in %.1f s' % (satu(cur, 'SELECT count(*) FROM dtks.penduduk'), a.set, dt))
    siapkan(cur, a.set, trgm)
    kueri = baca_kueri(a.set)
    ganda = baca_ganda(a.set)
    sampel = a.sampel or len(kueri)
    print('%d kueri (%d asked), %d duplicate pairs; %s' % (
        len(kueri), min(sampel, len(kueri)), len(ganda),
        satu(cur, "SELECT pg_catalog.format('dtks %s, PostgreSQL %s', extversion, current_setting('server_version')) "
                  "FROM pg_catalog.pg_extension WHERE extname = 'dtks'")))
    cur.execute('SET jit = off')
    cur.execute('SET max_parallel_workers_per_gather = 0')

    hasil = {}
    ganda_hasil = {}
    ada_cari = satu(cur, ADA_CARI)
    if ada_cari:
        hasil['cari_penduduk'] = jalankan(cur, 'cari_penduduk', a.batas, sampel)
        if not a.kecepatan and ganda:
            ganda_hasil['cari_penduduk'] = ganda_dtks(cur, ganda) if satu(cur, ADA_GANDA) else None
    else:
        print('dtks.cari_penduduk does not exist in this database: the baseline only')
    if not a.tanpa_dasar:
        cur.execute('CREATE INDEX penduduk_nama_trgm_dasar ON dtks.penduduk USING gin (nama %s.gin_trgm_ops)' % trgm)
        cur.execute('ANALYZE dtks.penduduk')
        hasil['pg_trgm'] = jalankan(cur, 'pg_trgm', a.batas, sampel)
        if not a.kecepatan and ganda:
            ganda_hasil['pg_trgm'] = ganda_dasar(cur, ganda, trgm)
        cur.execute('DROP INDEX dtks.penduduk_nama_trgm_dasar')
    cur.execute('DROP SCHEMA %s CASCADE' % SKEMA)

    cur.execute('SELECT nik::text FROM dtks.penduduk')
    ada = {r[0] for r in cur.fetchall()}
    nama_saja = {i for i, q in kueri.items() if q['nik_ketik'] not in ada}
    for m, h in hasil.items():
        t = [v for i, v in h['ms_id'].items() if i in nama_saja]
        h['median_nama_ms'] = statistics.median(t) if t else float('nan')
        h['n_nama'] = len(t)
    if not a.kecepatan:
        # what dtks 1.0 does (padankan_usulan): the typed NIK when Dukcapil has it, nothing otherwise
        hasil['nik_tepat'] = {'calon': {i: [(q['nik_ketik'], 1.0)] for i, q in kueri.items()
                                        if q['nik_ketik'] in ada}, 'ms': [], 'n': sampel, 'detik': 0.0}
    ukuran = {m: ukur(kueri, h) for m, h in hasil.items()}
    if not ukuran:
        sys.exit('nothing to measure')
    laporan(ukuran, len(ganda), ganda_hasil, a.kecepatan, len(ada))
    if a.salah:
        os.makedirs(a.salah, exist_ok=True)
        for m, u in ukuran.items():
            tulis_salah(os.path.join(a.salah, 'salah_%s.csv' % m), u['salah'])
        penduduk = {}
        with open(os.path.join(a.set, 'penduduk.csv'), encoding='utf-8') as f:
            for r in csv.DictReader(f):
                penduduk[r['nik']] = r
        for m, g in ganda_hasil.items():
            if g is None:
                continue
            with open(os.path.join(a.salah, 'ganda_%s.csv' % m), 'w', newline='', encoding='utf-8') as f:
                w = csv.writer(f, lineterminator='\n')
                w.writerow(['salah', 'nik_a', 'nama_a', 'tanggal_lahir_a', 'no_kk_a', 'kode_wilayah_a',
                            'nik_b', 'nama_b', 'tanggal_lahir_b', 'no_kk_b', 'kode_wilayah_b'])
                for jenis, pasangan in (('not_reported', g['lewat']), ('not_a_duplicate', g['lebih'])):
                    for p in sorted(tuple(sorted(x)) for x in pasangan):
                        baris = [jenis]
                        for nik in p:
                            r = penduduk.get(nik, {})
                            baris += [nik, r.get('nama'), r.get('tanggal_lahir'), r.get('no_kk'), r.get('kode_wilayah')]
                        w.writerow(baris)
        print('misses written to %s/salah_<method>.csv (kueri) and ganda_<method>.csv (duplicate pairs)' % a.salah)
    if not a.kecepatan:
        print()
        print('== Targets of issue 19')
        for m, u in ukuran.items():
            if m == 'nik_tepat':
                continue
            g = periksa(u, ganda_hasil.get(m), len(ganda))
            print('   %-14s %s' % (m, 'every target met' if not g else 'missed: ' + '; '.join(g)))
    if a.periksa:
        if 'cari_penduduk' not in ukuran:
            print('--periksa: dtks.cari_penduduk does not exist')
            sys.exit(1)
        if not a.kecepatan and periksa(ukuran['cari_penduduk'], ganda_hasil.get('cari_penduduk'), len(ganda)):
            sys.exit(1)
        if a.kecepatan and ukuran['cari_penduduk']['median_ms'] > 1.0:
            sys.exit(1)


if __name__ == '__main__':
    main()
