#!/usr/bin/python3
"""A test set of Indonesian addresses for dtks.wilayah_dari_alamat (issue 20), from the real region reference.

    bench/alamat/buat_set.py [--data DIR] [--seed N] [--jumlah N] > alamat.csv

Columns: id, kelas (the classes of what was done to the address, joined by '+'), alamat, kode (the region the
address names: a desa, or a kecamatan for kecamatan_saja).  Desa are drawn over all 38 provinces (each province as
likely, then a desa of it at random), from ../shared/data/wilayah.csv.gz (today's edition); old names from
wilayah_riwayat.csv.gz.  The error model, per address (independent draws, so classes combine):

  lengkap (base)    street, house number, RT/RW, desa, kecamatan, kab/kota, province, postcode; each level with
                    its word in the province's own usage (Gampong in Aceh, Nagari in Sumatera Barat, Kampung and
                    Distrik in Papua, Kalurahan/Kapanewon (Kemantren in Kota Yogyakarta) in DI Yogyakarta;
                    Kelurahan for a kelurahan (1xxx), Desa otherwise), written in full or short (Kel., Ds., Kec.,
                    Kab., Prov.)
  tanpa_penanda     25%: no level words at all
  huruf_besar       20%: all capitals
  salah_ketik       20%: one typing error (a letter changed, dropped, doubled or two swapped) in the desa or the
                    kecamatan name (names of 5 letters or more)
  level_hilang      15%: the kecamatan and the province left out (desa and kab/kota only)
  provinsi_dulu     10%: the levels written from the province down
  singkatan         wherever a common short form exists: Jaksel, Jakpus, DIY, Jogja, Jabar, Jateng, NTT, TTS ...
                    (50% of those addresses)
  dusun             20%: a sub-desa unit (Dusun, Banjar in Bali, Jorong in Sumatera Barat, Lingkungan) first
  nama_lama         where an earlier edition named the desa, kecamatan or kab/kota otherwise: 60% of those
                    addresses use the old name
  kecamatan_saja    8%: only "Kec. X, Kab. Y" (the answer is the kecamatan)
Names shared by many desa are left as they are: the rest of the text must place them.
"""
import argparse
import csv
import gzip
import os
import random
import sys

SINGKATAN = {'31.74': 'Jaksel', '31.71': 'Jakpus', '31.72': 'Jakut', '31.73': 'Jakbar', '31.75': 'Jaktim',
             '34': 'DIY', '32': 'Jabar', '33': 'Jateng', '35': 'Jatim', '53': 'NTT', '52': 'NTB', '12': 'Sumut',
             '13': 'Sumbar', '16': 'Sumsel', '73': 'Sulsel', '71': 'Sulut', '61': 'Kalbar', '64': 'Kaltim',
             '53.02': 'TTS', '53.03': 'TTU', '19': 'Babel', '21': 'Kepri', '31': 'DKI'}


def baca(path):
    with gzip.open(path, 'rt', encoding='utf-8') as f:
        return list(csv.DictReader(f))


def salah_ketik(r, s):
    """One typing error in a name of 5 letters or more."""
    idx = [i for i, c in enumerate(s) if c.isalpha()]
    if len(idx) < 5:
        return s
    i = r.choice(idx[1:-1])
    jenis = r.choice(['ganti', 'hilang', 'ganda', 'tukar'])
    if jenis == 'ganti':
        c = r.choice('aeioubdgkmnprst')
        return s[:i] + (c.upper() if s[i].isupper() else c) + s[i + 1:]
    if jenis == 'hilang':
        return s[:i] + s[i + 1:]
    if jenis == 'ganda':
        return s[:i] + s[i] + s[i:]
    if i + 1 < len(s) and s[i + 1].isalpha():
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    return s[:i] + s[i + 1:]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--data', default=os.environ.get('DTKS_DATA', os.path.join(os.path.dirname(__file__), '../../../shared/data')))
    ap.add_argument('--seed', type=int, default=20)
    ap.add_argument('--jumlah', type=int, default=3000)
    a = ap.parse_args()
    r = random.Random(a.seed)
    w = {x['kode']: x['nama'] for x in baca(os.path.join(a.data, 'wilayah.csv.gz'))}
    lama = {}
    for x in baca(os.path.join(a.data, 'wilayah_riwayat.csv.gz')):
        if x['kode'] in w and x['nama'].strip().upper() != w[x['kode']].strip().upper():
            lama.setdefault(x['kode'], set()).add(x['nama'].strip())
    desa_per_prov = {}
    for k in w:
        if k.count('.') == 3:
            desa_per_prov.setdefault(k[:2], []).append(k)
    prov = sorted(desa_per_prov)
    out = csv.writer(sys.stdout)
    out.writerow(['id', 'kelas', 'alamat', 'kode'])
    for n in range(1, a.jumlah + 1):
        p = r.choice(prov)
        d = r.choice(desa_per_prov[p])
        kec, kab = d[:8], d[:5]
        kelas = []

        def nama(k):
            if k in lama and r.random() < 0.6:
                if 'nama_lama' not in kelas:
                    kelas.append('nama_lama')
                return r.choice(sorted(lama[k]))
            return w[k]

        n_desa, n_kec, n_kab, n_prov = nama(d), nama(kec), nama(kab), w[p]
        kec_saja = r.random() < 0.08
        if r.random() < 0.20:
            kelas.append('salah_ketik')
            if kec_saja or r.random() < 0.5:
                n_kec = salah_ketik(r, n_kec)
            else:
                n_desa = salah_ketik(r, n_desa)
        pendek = r.random() < 0.5
        tanpa = r.random() < 0.25
        kel = d[9] == '1'
        if p == '11':
            w_desa = 'Gampong'
        elif p == '13':
            w_desa = 'Nagari'
        elif p in ('91', '92', '93', '94', '95', '96'):
            w_desa = 'Kampung' if not kel else 'Kelurahan'
        elif p == '34':
            w_desa = 'Kalurahan'
        else:
            w_desa = ('Kel.' if pendek else 'Kelurahan') if kel else ('Ds.' if pendek else 'Desa')
        if p in ('91', '92', '93', '94', '95', '96'):
            w_kec = 'Distrik'
        elif p == '34':
            w_kec = 'Kemantren' if kab == '34.71' else 'Kapanewon'
        else:
            w_kec = 'Kec.' if pendek else 'Kecamatan'
        # the kab/kota: its name as written in the list carries Kabupaten/Kota
        kab_kata = n_kab
        if pendek:
            kab_kata = kab_kata.replace('Kabupaten ', 'Kab. ').replace('Kota Administrasi ', 'Kota ')
        if kab in SINGKATAN and r.random() < 0.5:
            kelas.append('singkatan')
            kab_kata = SINGKATAN[kab]
        prov_kata = ('Prov. ' if pendek else 'Provinsi ') + n_prov
        if p in SINGKATAN and r.random() < 0.5:
            if 'singkatan' not in kelas:
                kelas.append('singkatan')
            prov_kata = SINGKATAN[p]
        if tanpa:
            kelas.append('tanpa_penanda')
            bag_desa, bag_kec = n_desa, n_kec
            kab_kata = kab_kata.replace('Kabupaten ', '').replace('Kab. ', '')
            prov_kata = prov_kata.replace('Provinsi ', '').replace('Prov. ', '')
        else:
            bag_desa, bag_kec = w_desa + ' ' + n_desa, w_kec + ' ' + n_kec
        if kec_saja:
            kelas = [k for k in kelas if k != 'salah_ketik' or True]
            kelas.insert(0, 'kecamatan_saja')
            bagian = [bag_kec, kab_kata]
            jawab = kec
        else:
            jalan = r.choice(['Jl. Merdeka', 'Jalan Raya Pos', 'Gg. Mawar', 'Jl. Sudirman', 'Jl. Diponegoro', 'Perum Griya Asri Blok C'])
            depan = ['%s No. %d RT %03d/RW %03d' % (jalan, r.randint(1, 200), r.randint(1, 20), r.randint(1, 12))]
            if r.random() < 0.20:
                kelas.append('dusun')
                unit = 'Banjar' if p == '51' else 'Jorong' if p == '13' else r.choice(['Dusun', 'Dsn.', 'Lingkungan'])
                depan = [unit + ' ' + r.choice(['Krajan', 'Sukamulya', 'Kembang', 'Tengah', 'Mekar', 'Barat'])] + depan
            if r.random() < 0.15:
                kelas.append('level_hilang')
                bagian = [bag_desa, kab_kata]
            else:
                bagian = [bag_desa, bag_kec, kab_kata, prov_kata]
            if r.random() < 0.10:
                kelas.append('provinsi_dulu')
                bagian = list(reversed(bagian))
            bagian = depan + bagian
            if r.random() < 0.5:
                bagian[-1] += ' %05d' % r.randint(10000, 99999)
            jawab = d
        teks = ', '.join(bagian)
        if r.random() < 0.20:
            kelas.append('huruf_besar')
            teks = teks.upper()
        if not kelas or kelas == ['kecamatan_saja']:
            kelas.append('lengkap')
        out.writerow([n, '+'.join(kelas), teks, jawab])


if __name__ == '__main__':
    main()
