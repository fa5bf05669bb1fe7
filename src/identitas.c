/*
 * identitas.c
 *		Pure C validation of the 16-digit Indonesian identifiers NIK and No. KK.
 *
 * The order of the checks is the documented order of nik_alasan():
 * panjang, bukan_angka, provinsi, kabkota, kecamatan, tanggal (day field),
 * bulan, tanggal (day exists in that month), nomor_urut.
 */
#include "postgres.h"

#include "identitas.h"
#include "tanggal.h"

/* Kemendagri province codes (Kepmendagri 300.2.2-2138/2025), domain.md 1.4. */
static const bool provinsi_kemendagri[100] = {
	[11] = true,[12] = true,[13] = true,[14] = true,[15] = true,
	[16] = true,[17] = true,[18] = true,[19] = true,[21] = true,
	[31] = true,[32] = true,[33] = true,[34] = true,[35] = true,[36] = true,
	[51] = true,[52] = true,[53] = true,
	[61] = true,[62] = true,[63] = true,[64] = true,[65] = true,
	[71] = true,[72] = true,[73] = true,[74] = true,[75] = true,[76] = true,
	[81] = true,[82] = true,
	[91] = true,[92] = true,[93] = true,[94] = true,[95] = true,[96] = true,
};

/* Is c one of the whitespace characters that input trims? */
static inline bool
spasi(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* The two-digit number at 0-based offset i of the scanned digits. */
static inline int
dua_digit(const Identitas *id, int i)
{
	return (id->digit[i] - '0') * 10 + (id->digit[i + 1] - '0');
}

/* Count characters: bytes, or UTF-8 lead bytes when the text is UTF-8. */
static int
hitung_karakter(const char *s, int len, bool utf8)
{
	int			n = 0;

	if (!utf8)
		return len;
	for (int i = 0; i < len; i++)
		if (((unsigned char) s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* Trim surrounding whitespace and check for exactly 16 ASCII digits. */
IdentitasAlasan
identitas_pindai(const char *teks, int len, bool utf8, Identitas *id)
{
	const char *awal = teks;
	const char *akhir = teks + len;
	int64		nilai = 0;

	while (awal < akhir && spasi(*awal))
		awal++;
	while (akhir > awal && spasi(akhir[-1]))
		akhir--;
	len = (int) (akhir - awal);
	id->panjang = len;
	id->posisi = 0;

	if (len == IDENTITAS_DIGIT)
	{
		int			i;

		for (i = 0; i < IDENTITAS_DIGIT; i++)
		{
			char		c = awal[i];

			if (c < '0' || c > '9')
				break;
			id->digit[i] = c;
			nilai = nilai * 10 + (c - '0');
		}
		if (i == IDENTITAS_DIGIT)
		{
			id->nilai = nilai;
			return IDENTITAS_SAH;
		}
	}

	/* Not 16 digits: count characters, so 15 characters in 16 bytes are a length problem. */
	id->panjang = hitung_karakter(awal, len, utf8);
	if (id->panjang != IDENTITAS_DIGIT)
		return IDENTITAS_PANJANG;
	for (int i = 0, k = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) awal[i];

		if (utf8 && (c & 0xC0) == 0x80)
			continue;
		k++;
		if (c < '0' || c > '9')
		{
			id->posisi = k;
			break;
		}
	}
	return IDENTITAS_BUKAN_ANGKA;
}

/* Rebuild the digits of a stored or cast int64 value; PANJANG if not 16 digits. */
IdentitasAlasan
identitas_dari_nilai(int64 nilai, Identitas *id)
{
	uint64		sisa = nilai < 0 ? -(uint64) nilai : (uint64) nilai;
	int			n = nilai <= 0 ? 1 : 0; /* the sign or the lone zero of the text form */

	id->nilai = nilai;
	id->posisi = 0;
	for (uint64 v = sisa; v > 0; v /= 10)
		n++;
	id->panjang = n;			/* characters of the value's text form */
	if (nilai <= 0 || n != IDENTITAS_DIGIT)
		return IDENTITAS_PANJANG;
	for (int i = IDENTITAS_DIGIT - 1; i >= 0; i--)
	{
		id->digit[i] = (char) ('0' + sisa % 10);
		sisa /= 10;
	}
	return IDENTITAS_SAH;
}

/* The region rules shared by NIK and KK: province set, kab/kota and kecamatan not 00. */
IdentitasAlasan
identitas_periksa_wilayah(const Identitas *id)
{
	if (!provinsi_kemendagri[dua_digit(id, 0)])
		return IDENTITAS_PROVINSI;
	if (dua_digit(id, 2) == 0)
		return IDENTITAS_KABKOTA;
	if (dua_digit(id, 4) == 0)
		return IDENTITAS_KECAMATAN;
	return IDENTITAS_SAH;
}

/* The NIK rules after the region: day (+40 for women), month, calendar, serial. */
IdentitasAlasan
nik_periksa_isi(const Identitas *id)
{
	int			hari = dua_digit(id, 6);
	int			bulan = dua_digit(id, 8);

	if (hari > 40)
		hari -= 40;
	if (hari < 1 || hari > 31)
		return IDENTITAS_TANGGAL;
	if (bulan < 1 || bulan > 12)
		return IDENTITAS_BULAN;
	if (!tanggal_ada_dua_digit(hari, bulan, dua_digit(id, 10)))
		return IDENTITAS_TANGGAL_KALENDER;
	if (memcmp(id->digit + 12, "0000", 4) == 0)
		return IDENTITAS_NOMOR_URUT;
	return IDENTITAS_SAH;
}

/* The KK rules that only warn: DDMMYY is a date, serial not 0000. */
IdentitasAlasan
no_kk_periksa_peringatan(const Identitas *id)
{
	if (!tanggal_ada_dua_digit(dua_digit(id, 6), dua_digit(id, 8), dua_digit(id, 10)))
		return IDENTITAS_TANGGAL;
	if (memcmp(id->digit + 12, "0000", 4) == 0)
		return IDENTITAS_NOMOR_URUT;
	return IDENTITAS_SAH;
}

/* The SQL name of a rule ('panjang', 'tanggal', ...); NULL for IDENTITAS_SAH. */
const char *
identitas_alasan_nama(IdentitasAlasan alasan)
{
	switch (alasan)
	{
		case IDENTITAS_SAH:
			return NULL;
		case IDENTITAS_PANJANG:
			return "panjang";
		case IDENTITAS_BUKAN_ANGKA:
			return "bukan_angka";
		case IDENTITAS_PROVINSI:
			return "provinsi";
		case IDENTITAS_KABKOTA:
			return "kabkota";
		case IDENTITAS_KECAMATAN:
			return "kecamatan";
		case IDENTITAS_TANGGAL:
		case IDENTITAS_TANGGAL_KALENDER:
			return "tanggal";
		case IDENTITAS_BULAN:
			return "bulan";
		case IDENTITAS_NOMOR_URUT:
			return "nomor_urut";
	}
	return NULL;
}
