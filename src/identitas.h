/*
 * identitas.h
 *		Pure C validation of the 16-digit Indonesian identifiers NIK and No. KK.
 *
 * Both numbers share the layout PP KK CC (first-registration/issuing
 * kecamatan), DDMMYY, NNNN.  The functions here never raise: they return the
 * first failing rule as an IdentitasAlasan so that the SQL layer can either
 * report it (input functions) or hand it back as text (nik_alasan).
 */
#ifndef DTKS_IDENTITAS_H
#define DTKS_IDENTITAS_H

#include "postgres.h"

#define IDENTITAS_DIGIT 16

/* Rules in the order they are checked; the first failing one is reported. */
typedef enum IdentitasAlasan
{
	IDENTITAS_SAH = 0,			/* passes every rule */
	IDENTITAS_PANJANG,			/* not exactly 16 characters after trimming */
	IDENTITAS_BUKAN_ANGKA,		/* a character is not an ASCII digit */
	IDENTITAS_PROVINSI,			/* digits 1-2 are not a Kemendagri province */
	IDENTITAS_KABKOTA,			/* digits 3-4 are 00 */
	IDENTITAS_KECAMATAN,		/* digits 5-6 are 00 */
	IDENTITAS_TANGGAL,			/* day field (digits 7-8) out of range */
	IDENTITAS_BULAN,			/* month field (digits 9-10) not 01-12 */
	IDENTITAS_TANGGAL_KALENDER, /* the day does not exist in that month */
	IDENTITAS_NOMOR_URUT		/* serial (digits 13-16) is 0000 */
} IdentitasAlasan;

/* The scanned form of one identifier. */
typedef struct Identitas
{
	char		digit[IDENTITAS_DIGIT]; /* the 16 digits once scanned */
	int64		nilai;			/* the digits as a number */
	int			panjang;		/* characters after trimming (for errors) */
	int			posisi;			/* 1-based position of the first non-digit */
} Identitas;

/* Trim surrounding whitespace and check for exactly 16 ASCII digits. */
extern IdentitasAlasan identitas_pindai(const char *teks, int len, bool utf8,
										Identitas *id);

/* Rebuild the digits of a stored or cast int64 value; PANJANG if not 16 digits. */
extern IdentitasAlasan identitas_dari_nilai(int64 nilai, Identitas *id);

/* The region rules shared by NIK and KK: province set, kab/kota and kecamatan not 00. */
extern IdentitasAlasan identitas_periksa_wilayah(const Identitas *id);

/* The NIK rules after the region: day (+40 for women), month, calendar, serial. */
extern IdentitasAlasan nik_periksa_isi(const Identitas *id);

/* The KK rules that only warn: DDMMYY is a date, serial not 0000. */
extern IdentitasAlasan no_kk_periksa_peringatan(const Identitas *id);

/* The SQL name of a rule ('panjang', 'tanggal', ...); NULL for IDENTITAS_SAH. */
extern const char *identitas_alasan_nama(IdentitasAlasan alasan);

/* The two-digit field that starts at 1-based position pos of a stored value. */
static inline int
identitas_medan(int64 nilai, int pos)
{
	static const int64 pangkat[] = {
		INT64CONST(100000000000000), INT64CONST(1000000000000),
		INT64CONST(10000000000), INT64CONST(100000000),
		INT64CONST(1000000), INT64CONST(10000), INT64CONST(100), INT64CONST(1)
	};

	return (int) ((nilai / pangkat[(pos - 1) / 2]) % 100);
}

#endif							/* DTKS_IDENTITAS_H */
