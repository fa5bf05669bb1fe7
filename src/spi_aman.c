/*
 * spi_aman.c
 *		Every query dtks runs internally (through SPI, as the caller or as the
 *		owner of a table) runs immune to the caller's search_path.
 *
 * A query text is parsed with the search_path in force when it runs.  A user
 * who can create in a schema of that path (CVE-2018-1058) could otherwise put
 * there a function or operator with an exact type match, say
 * lower(daterange), which beats pg_catalog's polymorphic one even with
 * pg_catalog first, and have it run as the owner.  So, as PostgreSQL's own
 * foreign-key checks and index builds do, around each internal query:
 *   - the search_path is pinned to pg_catalog, pg_temp in a new GUC nest
 *     level (pg_temp last: never searched for functions or operators, and
 *     every dtks table is named with its schema);
 *   - a switch to the owner is a security-restricted operation
 *     (SECURITY_LOCAL_USERID_CHANGE | SECURITY_RESTRICTED_OPERATION: no SET
 *     ROLE, no temporary objects or held cursors left behind for the session):
 *     always, in a database at 1.1 (the penetapan's work tables are created
 *     by the caller before the switch, dtks.penetapan_meja_kerja, and the
 *     registry's mark is inserted by the writer itself, no switch at all);
 *     spi_aman_masuk_tak_terbatas is left only for a database still at 1.0,
 *     whose SQL needs it (see there);
 *   - the query texts themselves name every function and operator with its
 *     schema (pg_catalog.lower, OPERATOR(pg_catalog.=), dtks.x).
 * An error inside needs no PG_TRY: the (sub)transaction abort restores the
 * user and security context and pops the GUC nest level, as for a SECURITY
 * DEFINER function.
 */
#include "postgres.h"

#include "miscadmin.h"
#include "utils/guc.h"

#include "spi_aman.h"

/* Switch (or not) to pemilik with the given bits, then pin the search_path. */
static void
masuk(SpiAman *s, Oid pemilik, int bit)
{
	GetUserIdAndSecContext(&s->pengguna_asal, &s->konteks_asal);
	if (OidIsValid(pemilik))
		SetUserIdAndSecContext(pemilik, s->konteks_asal | bit);
	s->tingkat_guc = NewGUCNestLevel();
	(void) set_config_option("search_path", SPI_AMAN_SEARCH_PATH, PGC_USERSET, PGC_S_SESSION,
							 GUC_ACTION_SAVE, true, 0, false);
}

/* Pin the search_path; as pemilik (if valid) in a security-restricted operation. */
void
spi_aman_masuk(SpiAman *s, Oid pemilik, int konteks_tambahan)
{
	masuk(s, pemilik, SECURITY_LOCAL_USERID_CHANGE | SECURITY_RESTRICTED_OPERATION | konteks_tambahan);
}

/*
 * Pin the search_path and work as pemilik, not restricted: only for a
 * database still at 1.0 running this library until ALTER EXTENSION dtks
 * UPDATE, whose SQL needs what a security-restricted operation refuses: its
 * dtks.penetapan_jalankan creates the month's temporary tables itself, and
 * its dtks.registri_tertunda takes the mark row (which queues the deferred
 * commit check) from the owner only.  At 1.1 neither path switches without
 * the restriction (penetapan.c, registri_aturan.c).  Only dtks's own code
 * runs inside: a constant query text naming its objects with their schema,
 * or a function whose own search_path is pinned.
 */
void
spi_aman_masuk_tak_terbatas(SpiAman *s, Oid pemilik, int konteks_tambahan)
{
	masuk(s, pemilik, SECURITY_LOCAL_USERID_CHANGE | konteks_tambahan);
}

/* Restore the settings of the nest level and the user. */
void
spi_aman_keluar(SpiAman *s)
{
	AtEOXact_GUC(true, s->tingkat_guc);
	SetUserIdAndSecContext(s->pengguna_asal, s->konteks_asal);
}
