/*
 * spi_aman.h
 *		Running dtks's own internal queries immune to the caller's search_path
 *		(spi_aman.c).
 */
#ifndef DTKS_SPI_AMAN_H
#define DTKS_SPI_AMAN_H

/* What spi_aman_masuk changed, for spi_aman_keluar to restore. */
typedef struct SpiAman
{
	Oid			pengguna_asal;
	int			konteks_asal;
	int			tingkat_guc;
} SpiAman;

/* The search_path of every internal query: nothing a user can create in. */
#define SPI_AMAN_SEARCH_PATH "pg_catalog, pg_temp"

/*
 * Enter: pin the search_path in a new GUC nest level and, when pemilik is
 * valid, work as pemilik in a security-restricted operation (konteks_tambahan:
 * further SECURITY_* bits, e.g. SECURITY_NOFORCE_RLS).  InvalidOid: stay the
 * current user (konteks_tambahan is then unused).
 */
extern void spi_aman_masuk(SpiAman *s, Oid pemilik, int konteks_tambahan);

/*
 * Enter as pemilik without the security-restricted operation, the search_path
 * pinned all the same: only for a database still at 1.0, whose SQL needs what
 * such an operation refuses (its penetapan builds temporary tables, its
 * registry mark is the owner's to insert).  See spi_aman.c.
 */
extern void spi_aman_masuk_tak_terbatas(SpiAman *s, Oid pemilik, int konteks_tambahan);

/* Leave: restore every setting changed since spi_aman_masuk, and the user. */
extern void spi_aman_keluar(SpiAman *s);

#endif							/* DTKS_SPI_AMAN_H */
