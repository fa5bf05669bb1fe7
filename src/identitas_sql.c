/*
 * identitas_sql.c
 *		Parsing, error reporting and formatting shared by nik and no_kk.
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#if PG_VERSION_NUM >= 160000
#include "varatt.h"			/* VARDATA_ANY moved out of postgres.h in 16 */
#endif

#include "galat.h"
#include "identitas_sql.h"
#include "kode_wilayah.h"

/* The two-digit field at 0-based offset i, for error details. */
static int
medan(const Identitas *id, int i)
{
	return (id->digit[i] - '0') * 10 + (id->digit[i + 1] - '0');
}

/* The errdetail naming the failing part; never more than that field of the value. */
static char *
rincian(const IdentitasJenis *jenis, IdentitasAlasan alasan, const Identitas *id)
{
	switch (alasan)
	{
		case IDENTITAS_SAH:
			break;
		case IDENTITAS_PANJANG:
			return psprintf("A %s has exactly 16 digits, not %d.", jenis->label, id->panjang);
		case IDENTITAS_BUKAN_ANGKA:
			return psprintf("Character %d is not an ASCII digit.", id->posisi);
		case IDENTITAS_PROVINSI:
			return psprintf("The province code (digits 1-2) %02d is not a Kemendagri province code.",
							medan(id, 0));
		case IDENTITAS_KABKOTA:
			return pstrdup("The kabupaten/kota code (digits 3-4) is 00.");
		case IDENTITAS_KECAMATAN:
			return pstrdup("The kecamatan code (digits 5-6) is 00.");
		case IDENTITAS_TANGGAL:
			return psprintf("The day field (digits 7-8) is %02d; it must be 01-31 (male) or 41-71 (female).",
							medan(id, 6));
		case IDENTITAS_BULAN:
			return psprintf("The month field (digits 9-10) is %02d; it must be 01-12.", medan(id, 8));
		case IDENTITAS_TANGGAL_KALENDER:
			return psprintf("Day %02d does not exist in month %02d (29 February only when the two-digit year is a multiple of 4).",
							medan(id, 6) > 40 ? medan(id, 6) - 40 : medan(id, 6), medan(id, 8));
		case IDENTITAS_NOMOR_URUT:
			return pstrdup("The serial number (digits 13-16) is 0000; serials start at 0001.");
	}
	return NULL;
}

/* Report the failing rule of one value (22P02); returns false for the caller to pass on. */
static bool
laporkan(const IdentitasJenis *jenis, IdentitasAlasan alasan, const Identitas *id,
		 Node *escontext)
{
	if (alasan == IDENTITAS_SAH)
		return true;
	LAPORKAN_MASUKAN(escontext,
					 errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s", jenis->tipe),
					 errdetail_internal("%s", rincian(jenis, alasan, id)));
	return false;
}

/* Parse text input; on failure report (or soft-save on PG16+) and return false. */
bool
identitas_dari_cstring(const IdentitasJenis *jenis, const char *teks, int64 *hasil,
					   Node *escontext)
{
	Identitas	id;
	IdentitasAlasan alasan;

	alasan = identitas_pindai(teks, (int) strlen(teks),
							  GetDatabaseEncoding() == PG_UTF8, &id);
	if (alasan == IDENTITAS_SAH)
		alasan = jenis->periksa(&id);
	if (alasan != IDENTITAS_SAH)
		return laporkan(jenis, alasan, &id, escontext);
	*hasil = id.nilai;
	return true;
}

/* Validate a binary or bigint value exactly like text input; raise on failure. */
int64
identitas_dari_int64(const IdentitasJenis *jenis, int64 nilai)
{
	Identitas	id;
	IdentitasAlasan alasan;

	alasan = identitas_dari_nilai(nilai, &id);
	if (alasan == IDENTITAS_SAH)
		alasan = jenis->periksa(&id);
	if (alasan != IDENTITAS_SAH)
		laporkan(jenis, alasan, &id, NULL);
	return nilai;
}

/* The 16 digits of a stored value as a palloc'd C string. */
char *
identitas_ke_cstring(int64 nilai)
{
	char	   *hasil = palloc(IDENTITAS_DIGIT + 1);
	uint64		sisa = (uint64) nilai;

	for (int i = IDENTITAS_DIGIT - 1; i >= 0; i--)
	{
		hasil[i] = (char) ('0' + sisa % 10);
		sisa /= 10;
	}
	hasil[IDENTITAS_DIGIT] = '\0';
	return hasil;
}

/* The first failing rule of a text (rejecting rules, then warnings); IDENTITAS_SAH if none. */
IdentitasAlasan
identitas_alasan_teks(const IdentitasJenis *jenis, text *t, bool dengan_peringatan)
{
	Identitas	id;
	IdentitasAlasan alasan;

	alasan = identitas_pindai(VARDATA_ANY(t), (int) VARSIZE_ANY_EXHDR(t),
							  GetDatabaseEncoding() == PG_UTF8, &id);
	if (alasan == IDENTITAS_SAH)
		alasan = jenis->periksa(&id);
	if (alasan == IDENTITAS_SAH && dengan_peringatan && jenis->peringatan != NULL)
		alasan = jenis->peringatan(&id);
	return alasan;
}

/* Raise 22023 unless the reference date of a century resolution is finite. */
void
identitas_periksa_acuan(DateADT acuan, const char *fungsi)
{
	if (DATE_NOT_FINITE(acuan))
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("%s needs a finite reference date", fungsi),
				errdetail("The reference date (acuan) is %s.",
						  DATE_IS_NOBEGIN(acuan) ? "-infinity" : "infinity"));
}

/* Output of nik and no_kk: the 16 digits */
PG_FUNCTION_INFO_V1(identitas_out);
Datum
identitas_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(identitas_ke_cstring(PG_GETARG_INT64(0)));
}

/* The kecamatan in digits 1-6 of a nik or no_kk, as a kode_wilayah */
PG_FUNCTION_INFO_V1(identitas_kode_wilayah);
Datum
identitas_kode_wilayah(PG_FUNCTION_ARGS)
{
	PG_RETURN_KODE_WILAYAH((PG_GETARG_INT64(0) / INT64CONST(10000000000)) * 10000);
}
