/*
 * nik.c
 *		The dtks.nik type: Nomor Induk Kependudukan, 16 digits in an int64.
 *
 * Layout (domain.md 1.1): PP KK CC (kecamatan of first registration),
 * DD (+40 for women) MM YY (birth date, no century), NNNN (serial from 0001).
 * Comparison and hashing reuse the int8 internals (see the install script).
 */
#include "postgres.h"

#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "identitas_sql.h"
#include "tanggal.h"

/* Every rule that makes a NIK invalid, in nik_alasan() order. */
static IdentitasAlasan
nik_periksa(const Identitas *id)
{
	IdentitasAlasan alasan = identitas_periksa_wilayah(id);

	return alasan != IDENTITAS_SAH ? alasan : nik_periksa_isi(id);
}

static const IdentitasJenis jenis_nik = {"nik", "NIK", nik_periksa, NULL};

/* The real day of birth: the day field less 40 for women. */
static inline int
nik_hari(int64 nik)
{
	int			dd = identitas_medan(nik, 7);

	return dd > 40 ? dd - 40 : dd;
}

/* Convert the textual form to a nik */
PG_FUNCTION_INFO_V1(nik_in);
Datum
nik_in(PG_FUNCTION_ARGS)
{
	char	   *teks = PG_GETARG_CSTRING(0);
	int64		hasil;

	if (!identitas_dari_cstring(&jenis_nik, teks, &hasil, fcinfo->context))
		PG_RETURN_NULL();
	PG_RETURN_INT64(hasil);
}

/* Binary input: an int8, validated exactly like text input */
PG_FUNCTION_INFO_V1(nik_recv);
Datum
nik_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);

	PG_RETURN_INT64(identitas_dari_int64(&jenis_nik, pq_getmsgint64(buf)));
}

/* Cast bigint to nik, validated like text input */
PG_FUNCTION_INFO_V1(nik_dari_bigint);
Datum
nik_dari_bigint(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(identitas_dari_int64(&jenis_nik, PG_GETARG_INT64(0)));
}

/* Is a text a valid NIK?  Never raises */
PG_FUNCTION_INFO_V1(nik_valid);
Datum
nik_valid(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(identitas_alasan_teks(&jenis_nik, PG_GETARG_TEXT_PP(0), false) == IDENTITAS_SAH);
}

/* The first rule a text breaks as a NIK, NULL if valid.  Never raises */
PG_FUNCTION_INFO_V1(nik_alasan);
Datum
nik_alasan(PG_FUNCTION_ARGS)
{
	IdentitasAlasan alasan = identitas_alasan_teks(&jenis_nik, PG_GETARG_TEXT_PP(0), false);

	if (alasan == IDENTITAS_SAH)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(identitas_alasan_nama(alasan)));
}

/* 'L' for a male NIK, 'P' for a female one (day field above 40) */
PG_FUNCTION_INFO_V1(nik_jenis_kelamin);
Datum
nik_jenis_kelamin(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(identitas_medan(PG_GETARG_INT64(0), 7) > 40 ? "P" : "L"));
}

/* The serial number (digits 13-16) */
PG_FUNCTION_INFO_V1(nik_nomor_urut);
Datum
nik_nomor_urut(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32((int32) (PG_GETARG_INT64(0) % 10000));
}

/* The birth date in the NIK, with the century that makes it the latest date not after acuan */
PG_FUNCTION_INFO_V1(nik_tanggal_lahir);
Datum
nik_tanggal_lahir(PG_FUNCTION_ARGS)
{
	int64		nik = PG_GETARG_INT64(0);
	DateADT		acuan = PG_GETARG_DATEADT(1);
	DateADT		hasil;

	identitas_periksa_acuan(acuan, "nik_tanggal_lahir");
	if (!tanggal_abad_terdekat(nik_hari(nik), identitas_medan(nik, 9),
							   identitas_medan(nik, 11), acuan, &hasil))
		PG_RETURN_NULL();
	PG_RETURN_DATEADT(hasil);
}
