/*
 * kode_wilayah.h
 *		Encoding of Kemendagri region codes as one int64.
 *
 * PP.KK.CC.DDDD is stored as the number PPKKCCDDDD with absent lower levels
 * as zeros: '31' = 3100000000, '31.71' = 3171000000, '31.71.01.1001' =
 * 3171011001.  No group may be 00 (or 0000), so zeros mean "absent", and
 * plain integer order puts a region immediately before all its descendants.
 * The descendants of k are exactly the values in [k, kode_wilayah_akhir(k)].
 */
#ifndef DTKS_KODE_WILAYAH_H
#define DTKS_KODE_WILAYAH_H

#include "postgres.h"
#include "fmgr.h"

#define KODE_WILAYAH_MIN INT64CONST(100000000)	/* '01' */
#define KODE_WILAYAH_MAX INT64CONST(9999999999) /* '99.99.99.9999' */

#define DatumGetKodeWilayah(d) DatumGetInt64(d)
#define KodeWilayahGetDatum(k) Int64GetDatum(k)
#define PG_GETARG_KODE_WILAYAH(n) PG_GETARG_INT64(n)
#define PG_RETURN_KODE_WILAYAH(k) PG_RETURN_INT64(k)

/* How many values a region of this level spans (itself and all descendants). */
static inline int64
kode_wilayah_rentang(int tingkat)
{
	static const int64 rentang[5] = {
		0, INT64CONST(100000000), INT64CONST(1000000), INT64CONST(10000), INT64CONST(1)
	};

	return rentang[tingkat];
}

/* The level of a code: 1 provinsi, 2 kab/kota, 3 kecamatan, 4 desa/kelurahan. */
static inline int
kode_wilayah_tingkat(int64 kode)
{
	if (kode % INT64CONST(100000000) == 0)
		return 1;
	if (kode % INT64CONST(1000000) == 0)
		return 2;
	if (kode % INT64CONST(10000) == 0)
		return 3;
	return 4;
}

/* The ancestor at a level not deeper than the code's own. */
static inline int64
kode_wilayah_leluhur_pada(int64 kode, int tingkat)
{
	return kode - kode % kode_wilayah_rentang(tingkat);
}

/* The last value inside a region: its deepest possible last descendant. */
static inline int64
kode_wilayah_akhir_dari(int64 kode)
{
	return kode + kode_wilayah_rentang(kode_wilayah_tingkat(kode)) - 1;
}

/* Does region a contain (or equal) region b? */
static inline bool
kode_wilayah_memuat(int64 a, int64 b)
{
	return b >= a && b <= kode_wilayah_akhir_dari(a);
}

/* Is an int64 a well-formed encoding (for binary input)? */
extern bool kode_wilayah_bentuk_sah(int64 kode);

#endif							/* DTKS_KODE_WILAYAH_H */
