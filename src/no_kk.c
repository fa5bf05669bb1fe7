/*
 * no_kk.c
 *		The dtks.no_kk type: nomor Kartu Keluarga, 16 digits in an int64.
 *
 * Only the first six digits (the issuing kecamatan) are certain; digits 7-12
 * are believed to be the recording date DDMMYY and 13-16 a family serial
 * (domain.md 1.11, unconfirmed).  Input therefore rejects only what is
 * certainly wrong; the believed date and serial rules are warnings that
 * no_kk_alasan() reports.
 */
#include "postgres.h"

#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "identitas_sql.h"
#include "tanggal.h"

static const IdentitasJenis jenis_no_kk = {
	"no_kk", "KK number", identitas_periksa_wilayah, no_kk_periksa_peringatan
};

/* Convert the textual form to a no_kk */
PG_FUNCTION_INFO_V1(no_kk_in);
Datum
no_kk_in(PG_FUNCTION_ARGS)
{
	char	   *teks = PG_GETARG_CSTRING(0);
	int64		hasil;

	if (!identitas_dari_cstring(&jenis_no_kk, teks, &hasil, fcinfo->context))
		PG_RETURN_NULL();
	PG_RETURN_INT64(hasil);
}

/* Binary input: an int8, validated exactly like text input */
PG_FUNCTION_INFO_V1(no_kk_recv);
Datum
no_kk_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);

	PG_RETURN_INT64(identitas_dari_int64(&jenis_no_kk, pq_getmsgint64(buf)));
}

/* Cast bigint to no_kk, validated like text input */
PG_FUNCTION_INFO_V1(no_kk_dari_bigint);
Datum
no_kk_dari_bigint(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(identitas_dari_int64(&jenis_no_kk, PG_GETARG_INT64(0)));
}

/* Would a text be accepted as a no_kk?  Warnings do not count.  Never raises */
PG_FUNCTION_INFO_V1(no_kk_valid);
Datum
no_kk_valid(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(identitas_alasan_teks(&jenis_no_kk, PG_GETARG_TEXT_PP(0), false) == IDENTITAS_SAH);
}

/* The first rule a text breaks as a KK number, rejecting rules before warnings.  Never raises */
PG_FUNCTION_INFO_V1(no_kk_alasan);
Datum
no_kk_alasan(PG_FUNCTION_ARGS)
{
	IdentitasAlasan alasan = identitas_alasan_teks(&jenis_no_kk, PG_GETARG_TEXT_PP(0), true);

	if (alasan == IDENTITAS_SAH)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(identitas_alasan_nama(alasan)));
}

/* Digits 7-12 as the recording date, latest century not after acuan; NULL if not a date */
PG_FUNCTION_INFO_V1(no_kk_tanggal_terbit);
Datum
no_kk_tanggal_terbit(PG_FUNCTION_ARGS)
{
	int64		no_kk = PG_GETARG_INT64(0);
	DateADT		acuan = PG_GETARG_DATEADT(1);
	DateADT		hasil;

	identitas_periksa_acuan(acuan, "no_kk_tanggal_terbit");
	if (!tanggal_abad_terdekat(identitas_medan(no_kk, 7), identitas_medan(no_kk, 9),
							   identitas_medan(no_kk, 11), acuan, &hasil))
		PG_RETURN_NULL();
	PG_RETURN_DATEADT(hasil);
}
