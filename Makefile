# PGXS build for dtks.  Build with: make PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config
PG_CONFIG ?= pg_config
EXTENSION  = dtks
EXTVERSION = $(shell sed -n "s/^default_version *= *'\(.*\)'/\1/p" $(EXTENSION).control)

MODULE_big = dtks
OBJS = src/dtks.o src/tanggal.o src/identitas.o src/identitas_sql.o src/nik.o src/no_kk.o \
       src/kode_wilayah.o src/kode_wilayah_planner.o \
       src/kode_wilayah_selektivitas.o src/titik.o src/registri_aturan.o \
       src/registri_semua.o src/kk_komponen.o src/skor.o src/nama_kunci.o src/nama_kunci_10.o src/usulan.o \
       src/usulan_sistem.o src/penetapan.o src/kelompok_umur.o \
       src/tanggal_acuan.o src/kemajuan.o src/spi_aman.o src/banding.o \
       src/padan.o src/cari_penduduk.o src/penduduk_calon.o src/alamat.o
PGFILEDESC = "dtks - DTKS social welfare registry types and rules"

# Warnings are errors by default; override with DTKS_WARN= for an unknown compiler.
# PostgreSQL's headers are included as system headers, in PGXS's order (server
# before internal): -Wextra then judges our code only (the headers' inline
# functions have unused parameters).
DTKS_WARN ?= -Wall -Wextra -Werror
PG_CFLAGS += $(DTKS_WARN)
PG_CPPFLAGS += -isystem $(shell $(PG_CONFIG) --includedir-server) \
               -isystem $(shell $(PG_CONFIG) --includedir)/internal

# Releases.  1.0 is released: its install script is kept as shipped in
# sql/release/ and never edited again.  The install script of the current
# version is assembled from the ordered fragments in sql/install/; the upgrade
# from 1.0 from the ordered fragments in sql/upgrade/1.0--$(EXTVERSION)/.  Every
# schema change goes into both (the upgrade test compares the two).
# The rows of dtks.galat_kode (generated, see below) come last in both.
INSTALL_PARTS = $(sort $(wildcard sql/install/*.sql)) src/galat_kode.sql
# The upgrade opens, after its header, with the install's schema guard (sql/install/01_jaga_skema.sql).
UPGRADE_FRAGMENTS = $(sort $(wildcard sql/upgrade/1.0--$(EXTVERSION)/*.sql))
UPGRADE_PARTS = $(firstword $(UPGRADE_FRAGMENTS)) sql/install/01_jaga_skema.sql \
                $(wordlist 2,$(words $(UPGRADE_FRAGMENTS)),$(UPGRADE_FRAGMENTS)) src/galat_kode.sql
# The assembled upgrade script is kept in the repository (sql/upgrade/dtks--1.0--1.1.sql, what
# ALTER EXTENSION runs, readable as one file): `make upgrade-script` rewrites it from the parts,
# `make upgrade-script-check` (run by scripts/test) fails when it differs from them.
UPGRADE_SCRIPT = sql/upgrade/$(EXTENSION)--1.0--$(EXTVERSION).sql
DATA_built = sql/$(EXTENSION)--$(EXTVERSION).sql
DATA = $(wildcard sql/release/$(EXTENSION)--*.sql) $(UPGRADE_SCRIPT)
DOCS = README.md CHANGELOG.md
EXTRA_CLEAN = src/galat_kode.h src/galat_kode.sql

# pg_regress: the tests in sql/ (every file there but the install and upgrade scripts);
# pasang creates the extension, the others run in this order after it.
REGRESS = pasang nik no_kk kode_wilayah penyimpanan wilayah alamat registri kk_periksa skor nama banding usulan usulan_akses penetapan penggunaan cadangan kemajuan nik_koreksi pemadanan_cari
REGRESS_OPTS = --inputdir=.

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

sql/$(EXTENSION)--$(EXTVERSION).sql: $(INSTALL_PARTS) $(EXTENSION).control
	cat $(INSTALL_PARTS) > $@

.PHONY: upgrade-script upgrade-script-check
upgrade-script: $(UPGRADE_PARTS)
	cat $(UPGRADE_PARTS) > $(UPGRADE_SCRIPT)

upgrade-script-check: $(UPGRADE_PARTS)
	@cat $(UPGRADE_PARTS) | cmp -s - $(UPGRADE_SCRIPT) || \
	  { echo "$(UPGRADE_SCRIPT) differs from its parts in sql/upgrade/1.0--$(EXTVERSION)/: run make upgrade-script" >&2; exit 1; }

# dtks's own SQLSTATEs: one catalogue, src/galat_kode.txt.  The C code's macros and the rows
# of dtks.galat_kode are generated from it (scripts/galat-kode also refuses a code listed twice);
# `scripts/galat-kode periksa` checks its uses and README.md's table against it.
src/galat_kode.h: src/galat_kode.txt scripts/galat-kode
	perl scripts/galat-kode h > $@.tmp || { rm -f $@.tmp; exit 1; }; mv $@.tmp $@

src/galat_kode.sql: src/galat_kode.txt scripts/galat-kode
	perl scripts/galat-kode sql > $@.tmp || { rm -f $@.tmp; exit 1; }; mv $@.tmp $@

$(OBJS) $(OBJS:.o=.bc): src/galat_kode.h

.PHONY: prove
prove:
	pg_prove --ext .sql -v test/
