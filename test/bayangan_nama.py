#!/usr/bin/env python3
"""Collect, mechanically, every function and operator name used in a query dtks
runs internally, for the shadow test (test/bayangan.sql).

Sources: the SQL string literals of src/*.c (adjacent literals joined; those that
start a query: SELECT, INSERT, UPDATE, DELETE, WITH), and, from a database with
dtks installed (psql's PG* environment; database as the first argument), the
source of every SQL and PL/pgSQL function of schema dtks (prosrc, or
pg_get_functiondef for a standard-SQL body; dynamic EXECUTE texts are string
literals in it and are read too), every view of dtks and every policy
expression on a dtks table.  A name counts when a function (pg_proc) or an
operator (pg_operator) of that name exists in pg_catalog, dtks or an extension
dtks depends on (postgis, pg_trgm); anything else that looks like one (a table
name before a column list, a LIKE pattern) is dropped.

Writes test/lib/bayangan_nama.psql (committed; scripts/test checks it is
current): usage  test/bayangan_nama.py DATABASE [--periksa]
"""
import glob
import os
import re
import subprocess
import sys

AKAR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KELUARAN = os.path.join(AKAR, 'test', 'lib', 'bayangan_nama.psql')
AWAL_KUERI = re.compile(r'^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b')
LITERAL_C = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
NAMA_FUNGSI = re.compile(r'(?<![\w$"])("?)([A-Za-z_][A-Za-z0-9_$]*)\1\s*\(')
OPERATOR_TERSEBUT = re.compile(r'OPERATOR\s*\(\s*(?:[\w"]+\s*\.\s*)?([^\s)]+)\s*\)')
OPERATOR_POLOS = re.compile(r'[+\-*/<>=~!@#%^&|`?]+')


def psql(db, kueri):
    """Rows of a query, fields split by the unit separator."""
    keluar = subprocess.run(['psql', '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-F', '\x1f',
                             '-R', '\x1e', '-d', db, '-c', kueri],
                            check=True, capture_output=True, text=True).stdout
    return [b.split('\x1f') for b in keluar.split('\x1e') if b.strip('\n') != '']


def teks_c():
    """The SQL query texts among the string literals of src/*.c."""
    hasil = []
    for berkas in sorted(glob.glob(os.path.join(AKAR, 'src', '*.c'))):
        isi = open(berkas, encoding='utf-8').read()
        isi = re.sub(r'/\*.*?\*/', ' ', isi, flags=re.S)
        # adjacent literals ("a" "b") are one string
        for m in re.finditer(r'(?:"(?:[^"\\\n]|\\.)*"\s*)+', isi):
            s = ''.join(LITERAL_C.findall(m.group(0)))
            if AWAL_KUERI.match(s):
                hasil.append(s)
    return hasil


def teks_basis_data(db):
    """Function bodies, views and policy expressions of dtks, from the database."""
    kueri = """
        SELECT CASE WHEN p.prosqlbody IS NOT NULL THEN pg_catalog.pg_get_functiondef(p.oid) ELSE p.prosrc END
          FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_language l ON l.oid = p.prolang
         WHERE p.pronamespace = 'dtks'::regnamespace AND l.lanname IN ('sql', 'plpgsql')
        UNION ALL
        SELECT pg_catalog.pg_get_viewdef(c.oid) FROM pg_catalog.pg_class c
         WHERE c.relnamespace = 'dtks'::regnamespace AND c.relkind IN ('v', 'm')
        UNION ALL
        SELECT pg_catalog.concat_ws(' ', pg_catalog.pg_get_expr(po.polqual, po.polrelid),
                                    pg_catalog.pg_get_expr(po.polwithcheck, po.polrelid))
          FROM pg_catalog.pg_policy po JOIN pg_catalog.pg_class c ON c.oid = po.polrelid
         WHERE c.relnamespace = 'dtks'::regnamespace"""
    return [b[0] for b in psql(db, kueri)]


def ada(db):
    """Function and operator names that exist in the schemas dtks resolves names in."""
    skema = """(SELECT 'pg_catalog'::regnamespace UNION SELECT 'dtks'::regnamespace
               UNION SELECT e.extnamespace FROM pg_catalog.pg_extension e WHERE e.extname IN ('postgis', 'pg_trgm'))"""
    fungsi = {b[0] for b in psql(db, f"SELECT DISTINCT proname FROM pg_catalog.pg_proc WHERE pronamespace IN {skema}")}
    operator = {b[0] for b in psql(db, f"SELECT DISTINCT oprname FROM pg_catalog.pg_operator WHERE oprnamespace IN {skema}")}
    return fungsi, operator


def kumpulkan(db):
    """The (kind, name) pairs used, sorted."""
    fungsi_ada, operator_ada = ada(db)
    fungsi, operator = set(), set()
    for t in teks_c() + teks_basis_data(db):
        t = re.sub(r'--[^\n]*', ' ', t)
        for kutip, nama in NAMA_FUNGSI.findall(t):
            nama = nama if kutip else nama.lower()
            if nama in fungsi_ada:
                fungsi.add(nama)
        for op in OPERATOR_TERSEBUT.findall(t):
            if op in operator_ada:
                operator.add(op)
        for op in OPERATOR_POLOS.findall(re.sub(r'OPERATOR\s*\([^)]*\)', ' ', t)):
            # an operator run may hold two ("=-1"); keep the longest known prefix of each
            while op:
                for n in range(len(op), 0, -1):
                    if op[:n] in operator_ada:
                        operator.add(op[:n])
                        op = op[n:]
                        break
                else:
                    op = op[1:]
    return sorted(('f', n) for n in fungsi) + sorted(('o', n) for n in operator)


def tulis(pasangan):
    """The psql include file the test reads."""
    baris = ['-- Generated by test/bayangan_nama.py: every function (f) and operator (o) name used in a query',
             '-- dtks runs internally (src/*.c query literals, dtks function bodies, views, policies).',
             '-- Do not edit; run the script (scripts/test fails when this file is stale).',
             'INSERT INTO pg_temp.nama_dipakai (jenis, nama) VALUES']
    nilai = ["    ('%s', '%s')" % (j, n.replace("'", "''")) for j, n in pasangan]
    return '\n'.join(baris) + '\n' + ',\n'.join(nilai) + ';\n'


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    isi = tulis(kumpulkan(sys.argv[1]))
    if '--periksa' in sys.argv[2:]:
        lama = open(KELUARAN, encoding='utf-8').read() if os.path.exists(KELUARAN) else ''
        if lama != isi:
            sys.exit('test/lib/bayangan_nama.psql is stale: run test/bayangan_nama.py %s' % sys.argv[1])
        print('test/lib/bayangan_nama.psql is current')
        return
    with open(KELUARAN, 'w', encoding='utf-8') as f:
        f.write(isi)
    print('wrote %s' % os.path.relpath(KELUARAN, AKAR))


if __name__ == '__main__':
    main()
