#!/usr/bin/python3
"""A BI client (psycopg2, not psql) reading the dtks views as a dtks_pembaca login.

Runs against the database the pg_regress suites leave behind (contrib_regression), which holds
determined months.  Prints TAP; exits non-zero when a check fails.  Connection: PGHOST/PGPORT
from the environment; the login role is created here and dropped at the end.
"""
import datetime
import os
import sys
import time

import psycopg2
import psycopg2.errors

DB = os.environ.get("DTKS_BI_DB", "contrib_regression")
PERAN = "uji_bi_klien"
hasil = []


def cek(ok, pesan):
    hasil.append(ok)
    print(("ok" if ok else "not ok") + " %d - %s" % (len(hasil), pesan))


def ditolak(kur, sql):
    """The SQLSTATE a statement raises as the reader (None if it runs)."""
    try:
        kur.execute(sql)
        kur.fetchall()
        return None
    except psycopg2.Error as e:
        return e.pgcode


admin = psycopg2.connect(dbname=DB, user="postgres")
admin.autocommit = True
with admin.cursor() as k:
    k.execute("DROP ROLE IF EXISTS %s" % PERAN)
    k.execute("CREATE ROLE %s LOGIN IN ROLE dtks_pembaca" % PERAN)

try:
    pembaca = psycopg2.connect(dbname=DB, user=PERAN)
    pembaca.autocommit = True
    k = pembaca.cursor()

    # the monthly figures of one kab/kota, as a dashboard asks for them
    k.execute("SELECT kode_wilayah FROM dtks.v_penetapan_bulanan WHERE tingkat = 2 ORDER BY keluarga DESC LIMIT 1")
    kabkota = k.fetchone()[0]
    mulai = time.perf_counter()
    k.execute("SELECT * FROM dtks.v_penetapan_bulanan WHERE kode_wilayah = %s"
              " AND periode BETWEEN %s AND %s ORDER BY periode",
              (kabkota, datetime.date(2029, 1, 1), datetime.date(2031, 12, 1)))
    baris = k.fetchall()
    lama_ms = (time.perf_counter() - mulai) * 1000
    kolom = [d.name for d in k.description]
    cek(len(baris) >= 1, "v_penetapan_bulanan: %d month(s) of %s" % (len(baris), kabkota))
    for wajib in ("periode", "tingkat", "kode_wilayah", "nama_wilayah", "nama_provinsi", "keluarga", "anggota",
                  "rumah_tangga", "desil_1", "desil_10", "program_pkh", "program_bpnt", "program_pbi_jkn",
                  "laki_laki", "perempuan", "umur_0_5", "umur_60_lebih"):
        cek(wajib in kolom, "v_penetapan_bulanan has column %s" % wajib)
    r = dict(zip(kolom, baris[0]))
    cek(isinstance(r["periode"], datetime.date), "periode arrives as a date")
    cek(isinstance(r["kode_wilayah"], str) and isinstance(r["nama_wilayah"], str), "codes and names arrive as text")
    cek(all(isinstance(r[c], int) for c in ("keluarga", "anggota", "desil_1", "program_pkh")), "counts arrive as integers")
    cek(r["laki_laki"] + r["perempuan"] == r["anggota"], "members by sex add up")
    cek(sum(r["desil_%d" % i] for i in range(1, 11)) + r["desil_kosong"] == r["keluarga"], "families by desil add up")
    cek(lama_ms < 50, "one kab/kota's series in %.1f ms (< 50)" % lama_ms)
    # every column of every view has a type a client knows (no dtks types)
    k.execute("SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
              " JOIN pg_type t ON t.oid = a.atttypid"
              " WHERE c.relnamespace = 'dtks'::regnamespace AND c.relname LIKE 'v\\_%%' AND a.attnum > 0"
              " AND t.typnamespace <> 'pg_catalog'::regnamespace")
    cek(k.fetchone()[0] == 0, "every view column is a built-in type")

    for v in ("v_penetapan_perubahan", "v_penetapan_program", "v_usulan_rekap"):
        cek(ditolak(k, "SELECT * FROM dtks.%s" % v) is None, "%s is readable" % v)
    k.execute("SELECT bool_and(keluarga_awal + keluarga_masuk - keluarga_keluar = keluarga_akhir)"
              " FROM dtks.v_penetapan_perubahan")
    cek(k.fetchone()[0] is True, "v_penetapan_perubahan balances")

    # nothing with personal data
    for sql in ("SELECT * FROM dtks.penetapan_anggota", "SELECT * FROM dtks.penetapan_keluarga",
                "SELECT * FROM dtks.anggota", "SELECT * FROM dtks.usulan",
                "SELECT * FROM dtks.penetapan_pada('2030-01-01')", "SELECT * FROM dtks.laporan_pemanfaatan_penerima"):
        kode = ditolak(k, sql)
        cek(kode == "42501", "refused (%s): %s" % (kode, sql))
    pembaca.close()
finally:
    with admin.cursor() as k:
        k.execute("DROP OWNED BY %s" % PERAN)
        k.execute("DROP ROLE %s" % PERAN)
    admin.close()

print("1..%d" % len(hasil))
sys.exit(0 if all(hasil) else 1)
