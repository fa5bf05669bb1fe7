/*
 * kode_wilayah.c
 *		The dtks.kode_wilayah type: a Kemendagri region code at any level.
 *
 * Text forms: 'PP', 'PP.KK', 'PP.KK.CC', 'PP.KK.CC.DDDD', or the same digits
 * undotted (2, 4, 6 or 10 digits).  Stored as one int64 (kode_wilayah.h).
 */
#include "postgres.h"

#include "fmgr.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "galat.h"
#include "kode_wilayah.h"

/* Digits per group and the name of each level, for parsing and errors. */
static const int lebar_kelompok[4] = {2, 2, 2, 4};
static const char *const nama_kelompok[4] = {
	"province code", "kabupaten/kota code", "kecamatan code", "desa/kelurahan code"
};

/* Is an int64 a well-formed encoding (for binary input)? */
bool
kode_wilayah_bentuk_sah(int64 kode)
{
	int64		kk,
				cc,
				dddd;

	if (kode < KODE_WILAYAH_MIN || kode > KODE_WILAYAH_MAX)
		return false;
	kk = (kode / INT64CONST(1000000)) % 100;
	cc = (kode / 10000) % 100;
	dddd = kode % 10000;
	/* once a group is absent (zero) every lower group must be absent too */
	return !(kk == 0 && (cc != 0 || dddd != 0)) && !(cc == 0 && dddd != 0);
}

/* Is c one of the whitespace characters that input trims? */
static inline bool
spasi(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* The longest text a valid region code can have: PP.KK.CC.DDDD. */
#define KODE_WILAYAH_TEKS_MAKS 13

/*
 * Report a malformed region code.  A region code is public, so it is quoted;
 * but a longer text may be a NIK or KK number cast by mistake (personal data),
 * so a text longer than any region code is not repeated.
 */
#define GALAT_KODE(ctx, teks, ...) \
	LAPORKAN_MASUKAN(ctx, \
					 errcode(ERRCODE_INVALID_TEXT_REPRESENTATION), \
					 strlen(teks) <= KODE_WILAYAH_TEKS_MAKS ? \
					 errmsg("invalid input syntax for type kode_wilayah: \"%s\"", teks) : \
					 errmsg("invalid input syntax for type kode_wilayah"), \
					 errdetail(__VA_ARGS__))

/* Parse the text form; on failure report and return false. */
static bool
kode_wilayah_urai(const char *teks, int64 *hasil, Node *escontext)
{
	const char *p = teks;
	const char *akhir = teks + strlen(teks);
	bool		bertitik = false;
	int			kelompok[4] = {0, 0, 0, 0};
	int			n = 0;

	while (p < akhir && spasi(*p))
		p++;
	while (akhir > p && spasi(akhir[-1]))
		akhir--;
	if (p == akhir)
	{
		GALAT_KODE(escontext, teks, "A region code has 2, 4, 6 or 10 digits, optionally dotted as PP.KK.CC.DDDD.");
		return false;
	}
	for (const char *q = p; q < akhir; q++)
	{
		if (*q == '.')
			bertitik = true;
		else if (*q < '0' || *q > '9')
		{
			GALAT_KODE(escontext, teks, "Character %d is not a digit or a dot.",
					   pg_mbstrlen_with_len(p, (int) (q - p)) + 1);
			return false;
		}
	}

	if (!bertitik)
	{
		int			len = (int) (akhir - p);

		if (len != 2 && len != 4 && len != 6 && len != 10)
		{
			GALAT_KODE(escontext, teks, "An undotted region code has 2, 4, 6 or 10 digits, not %d.", len);
			return false;
		}
		for (; p < akhir; n++)
		{
			for (int i = 0; i < lebar_kelompok[n]; i++)
				kelompok[n] = kelompok[n] * 10 + (*p++ - '0');
		}
	}
	else
	{
		while (p <= akhir)
		{
			const char *titik = memchr(p, '.', akhir - p);
			const char *ujung = titik ? titik : akhir;

			if (n == 4)
			{
				GALAT_KODE(escontext, teks, "A region code has at most four groups (PP.KK.CC.DDDD).");
				return false;
			}
			if (ujung - p != lebar_kelompok[n])
			{
				GALAT_KODE(escontext, teks, "The %s (group %d) must have %d digits, not %d.",
						   nama_kelompok[n], n + 1, lebar_kelompok[n], (int) (ujung - p));
				return false;
			}
			for (; p < ujung; p++)
				kelompok[n] = kelompok[n] * 10 + (*p - '0');
			n++;
			p = ujung + 1;
		}
	}

	for (int i = 0; i < n; i++)
	{
		if (kelompok[i] == 0)
		{
			GALAT_KODE(escontext, teks, "The %s is %s.", nama_kelompok[i], i == 3 ? "0000" : "00");
			return false;
		}
	}
	*hasil = (int64) kelompok[0] * INT64CONST(100000000) + (int64) kelompok[1] * 1000000 +
		(int64) kelompok[2] * 10000 + kelompok[3];
	return true;
}

/* Convert the dotted or undotted text form to a kode_wilayah */
PG_FUNCTION_INFO_V1(kode_wilayah_in);
Datum
kode_wilayah_in(PG_FUNCTION_ARGS)
{
	int64		hasil;

	if (!kode_wilayah_urai(PG_GETARG_CSTRING(0), &hasil, fcinfo->context))
		PG_RETURN_NULL();
	PG_RETURN_KODE_WILAYAH(hasil);
}

/* Convert a kode_wilayah to its dotted form */
PG_FUNCTION_INFO_V1(kode_wilayah_out);
Datum
kode_wilayah_out(PG_FUNCTION_ARGS)
{
	int64		kode = PG_GETARG_KODE_WILAYAH(0);
	int			tingkat = kode_wilayah_tingkat(kode);
	int			pp = (int) (kode / INT64CONST(100000000));
	int			kk = (int) ((kode / 1000000) % 100);
	int			cc = (int) ((kode / 10000) % 100);
	int			dddd = (int) (kode % 10000);

	switch (tingkat)
	{
		case 1:
			PG_RETURN_CSTRING(psprintf("%02d", pp));
		case 2:
			PG_RETURN_CSTRING(psprintf("%02d.%02d", pp, kk));
		case 3:
			PG_RETURN_CSTRING(psprintf("%02d.%02d.%02d", pp, kk, cc));
		default:
			PG_RETURN_CSTRING(psprintf("%02d.%02d.%02d.%04d", pp, kk, cc, dddd));
	}
}

/* Binary input: the int8 encoding, checked for well-formedness */
PG_FUNCTION_INFO_V1(kode_wilayah_recv);
Datum
kode_wilayah_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int64		kode = pq_getmsgint64(buf);

	if (!kode_wilayah_bentuk_sah(kode))
		ereport(ERROR,
				errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid external binary value for type kode_wilayah"),
				errdetail("The value " INT64_FORMAT " is not PPKKCCDDDD with absent levels as trailing zeros.",
						  kode));
	PG_RETURN_KODE_WILAYAH(kode);
}

/* The level of a code: 1 provinsi, 2 kab/kota, 3 kecamatan, 4 desa/kelurahan */
PG_FUNCTION_INFO_V1(kode_wilayah_tingkat_sql);
Datum
kode_wilayah_tingkat_sql(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(kode_wilayah_tingkat(PG_GETARG_KODE_WILAYAH(0)));
}

/* The parent region, NULL for a province */
PG_FUNCTION_INFO_V1(kode_wilayah_induk);
Datum
kode_wilayah_induk(PG_FUNCTION_ARGS)
{
	int64		kode = PG_GETARG_KODE_WILAYAH(0);
	int			tingkat = kode_wilayah_tingkat(kode);

	if (tingkat == 1)
		PG_RETURN_NULL();
	PG_RETURN_KODE_WILAYAH(kode_wilayah_leluhur_pada(kode, tingkat - 1));
}

/* The ancestor (or the code itself) at a level; NULL if the level is deeper than the code */
PG_FUNCTION_INFO_V1(kode_wilayah_leluhur);
Datum
kode_wilayah_leluhur(PG_FUNCTION_ARGS)
{
	int64		kode = PG_GETARG_KODE_WILAYAH(0);
	int32		tingkat = PG_GETARG_INT32(1);

	if (tingkat < 1 || tingkat > 4)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("invalid level for leluhur: %d", tingkat),
				errdetail("Levels are 1 (provinsi), 2 (kabupaten/kota), 3 (kecamatan) and 4 (desa/kelurahan)."));
	if (tingkat > kode_wilayah_tingkat(kode))
		PG_RETURN_NULL();
	PG_RETURN_KODE_WILAYAH(kode_wilayah_leluhur_pada(kode, tingkat));
}

/* 'kelurahan' (1xxx), 'desa' (2xxx) or 'desa_adat' (3xxx); NULL above level 4 or for another first digit */
PG_FUNCTION_INFO_V1(kode_wilayah_jenis_desa);
Datum
kode_wilayah_jenis_desa(PG_FUNCTION_ARGS)
{
	int64		kode = PG_GETARG_KODE_WILAYAH(0);

	if (kode_wilayah_tingkat(kode) != 4)
		PG_RETURN_NULL();
	switch ((kode % 10000) / 1000)
	{
		case 1:
			PG_RETURN_TEXT_P(cstring_to_text("kelurahan"));
		case 2:
			PG_RETURN_TEXT_P(cstring_to_text("desa"));
		case 3:
			PG_RETURN_TEXT_P(cstring_to_text("desa_adat"));
		default:
			PG_RETURN_NULL();
	}
}

/* The last code inside a region (its deepest possible last descendant) */
PG_FUNCTION_INFO_V1(kode_wilayah_akhir);
Datum
kode_wilayah_akhir(PG_FUNCTION_ARGS)
{
	PG_RETURN_KODE_WILAYAH(kode_wilayah_akhir_dari(PG_GETARG_KODE_WILAYAH(0)));
}

/* a @> b: region a contains or equals region b */
PG_FUNCTION_INFO_V1(kode_wilayah_memuat_sql);
Datum
kode_wilayah_memuat_sql(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(kode_wilayah_memuat(PG_GETARG_KODE_WILAYAH(0), PG_GETARG_KODE_WILAYAH(1)));
}

/* a <@ b: region a lies inside or equals region b */
PG_FUNCTION_INFO_V1(kode_wilayah_dimuat_sql);
Datum
kode_wilayah_dimuat_sql(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(kode_wilayah_memuat(PG_GETARG_KODE_WILAYAH(1), PG_GETARG_KODE_WILAYAH(0)));
}
