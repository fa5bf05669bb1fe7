/*
 * banding.c
 *		The comparison kernel of the matching with Dukcapil: how alike two name
 *		keys are and how a typed NIK differs from a real one.
 *
 * String measures (on the characters, i.e. the code points of the database
 * encoding, not the bytes; the keys of dtks.nama_kunci are ASCII upper case):
 *   dtks.jaro_winkler(a, b)          Jaro-Winkler similarity in [0, 1], prefix
 *                                    scale 0.1, at most 4 prefix characters, no
 *                                    boost threshold; 1 for two empty strings.
 *   dtks.damerau_levenshtein(a, b)   optimal string alignment distance: insert,
 *                                    delete, substitute, swap two adjacent
 *                                    characters (a swapped pair is not edited again).
 *   dtks.nama_banding(a, b)          the words of two keys paired one to one
 *                                    (see nama_banding below for the formula).
 * Inputs longer than BANDING_MAKS characters (or nama_banding keys of more
 * than NAMA_KATA_MAKS words) are refused with program_limit_exceeded: the
 * measures are quadratic, and no name key is that long.
 *
 * NIK measures (digits only: whatever else was typed, spaces, dots, dashes,
 * letters, is skipped):
 *   dtks.nik_banding(diketik, nik)   the class of the difference ('sama',
 *                                    'satu_digit', 'tukar_berdekatan',
 *                                    'tanggal_bulan_tertukar', 'digit_hilang',
 *                                    'digit_lebih', 'kosong', 'lain');
 *   dtks.nik_jarak(diketik, nik)     the OSA distance of the digit strings;
 *   dtks.nik_kunci_sekitar(teks)     the keys of the neighbourhood of typed or
 *                                    real digits (positions masked, a digit
 *                                    deleted): two digit strings of one of the
 *                                    classes but 'lain' and 'kosong' share a key,
 *                                    so a GIN index on the keys of dtks.penduduk
 *                                    finds the candidates of a typed NIK.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "banding.h"
#include "identitas.h"

#define BANDING_MAKS 255		/* longest string compared, in characters */
#define NAMA_KATA_MAKS 12		/* most words in one key for nama_banding */
#define JW_SKALA 0.1			/* Winkler's prefix scale */
#define JW_AWALAN 4				/* longest prefix that counts */
#define NAMA_INISIAL 0.9		/* an initial matching a word that starts with it */
#define NAMA_AMBANG 0.8			/* two words below this Jaro-Winkler are not paired */
#define NAMA_TANPA_PASANGAN 0.5 /* weight of a word left without a pair */
#define NAMA_BIN 0.95			/* the names before bin/binti on one side only */

/* Decode a text argument into code points; refuse more than BANDING_MAKS characters. */
static int
ambil_kode(text *t, pg_wchar *kode, const char *fungsi, const char *argumen)
{
	const char *s = VARDATA_ANY(t);
	int			len = VARSIZE_ANY_EXHDR(t);
	int			n;

	if (len > BANDING_MAKS * MAX_MULTIBYTE_CHAR_LEN ||
		(n = pg_mbstrlen_with_len(s, len)) > BANDING_MAKS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s compares strings of at most %d characters", fungsi, BANDING_MAKS),
				 errdetail("Argument %s is longer.", argumen)));
	n = pg_mb2wchar_with_len(s, kode, len);
	return n;
}

/* Jaro-Winkler similarity of two code point strings. */
static double
jaro_winkler_kode(const pg_wchar *a, int na, const pg_wchar *b, int nb)
{
	bool		cocok_a[BANDING_MAKS + 1];
	bool		cocok_b[BANDING_MAKS + 1];
	int			jendela;
	int			m = 0;
	int			t = 0;
	int			k = 0;
	int			awalan = 0;
	double		jaro;

	if (na == 0 && nb == 0)
		return 1.0;
	if (na == 0 || nb == 0)
		return 0.0;

	jendela = Max(na, nb) / 2 - 1;
	if (jendela < 0)
		jendela = 0;
	memset(cocok_a, 0, na);
	memset(cocok_b, 0, nb);
	for (int i = 0; i < na; i++)
	{
		int			dari = Max(0, i - jendela);
		int			sampai = Min(nb - 1, i + jendela);

		for (int j = dari; j <= sampai; j++)
			if (!cocok_b[j] && a[i] == b[j])
			{
				cocok_a[i] = cocok_b[j] = true;
				m++;
				break;
			}
	}
	if (m == 0)
		return 0.0;
	/* half the matched characters out of order are the transpositions */
	for (int i = 0; i < na; i++)
		if (cocok_a[i])
		{
			while (!cocok_b[k])
				k++;
			if (a[i] != b[k])
				t++;
			k++;
		}
	jaro = ((double) m / na + (double) m / nb + (double) (m - t / 2.0) / m) / 3.0;
	while (awalan < JW_AWALAN && awalan < na && awalan < nb && a[awalan] == b[awalan])
		awalan++;
	return jaro + awalan * JW_SKALA * (1.0 - jaro);
}

/* Optimal string alignment distance of two code point strings (three rolling rows). */
static int
osa_kode(const pg_wchar *a, int na, const pg_wchar *b, int nb)
{
	int			baris[3][BANDING_MAKS + 2];
	int		   *dua = baris[0];
	int		   *satu = baris[1];
	int		   *ini = baris[2];

	for (int j = 0; j <= nb; j++)
		satu[j] = j;
	for (int i = 1; i <= na; i++)
	{
		ini[0] = i;
		for (int j = 1; j <= nb; j++)
		{
			int			biaya = a[i - 1] == b[j - 1] ? 0 : 1;
			int			d = Min(satu[j] + 1, ini[j - 1] + 1);

			d = Min(d, satu[j - 1] + biaya);
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
				d = Min(d, dua[j - 2] + 1);
			ini[j] = d;
		}
		{
			int		   *lama = dua;

			dua = satu;
			satu = ini;
			ini = lama;
		}
	}
	return satu[nb];
}

PG_FUNCTION_INFO_V1(jaro_winkler);

/* dtks.jaro_winkler(a text, b text): Jaro-Winkler similarity of the characters. */
Datum
jaro_winkler(PG_FUNCTION_ARGS)
{
	pg_wchar	a[BANDING_MAKS * MAX_MULTIBYTE_CHAR_LEN + 1];
	pg_wchar	b[BANDING_MAKS * MAX_MULTIBYTE_CHAR_LEN + 1];
	int			na = ambil_kode(PG_GETARG_TEXT_PP(0), a, "dtks.jaro_winkler", "a");
	int			nb = ambil_kode(PG_GETARG_TEXT_PP(1), b, "dtks.jaro_winkler", "b");

	PG_RETURN_FLOAT8(jaro_winkler_kode(a, na, b, nb));
}

PG_FUNCTION_INFO_V1(damerau_levenshtein);

/* dtks.damerau_levenshtein(a text, b text): OSA edit distance of the characters. */
Datum
damerau_levenshtein(PG_FUNCTION_ARGS)
{
	pg_wchar	a[BANDING_MAKS * MAX_MULTIBYTE_CHAR_LEN + 1];
	pg_wchar	b[BANDING_MAKS * MAX_MULTIBYTE_CHAR_LEN + 1];
	int			na = ambil_kode(PG_GETARG_TEXT_PP(0), a, "dtks.damerau_levenshtein", "a");
	int			nb = ambil_kode(PG_GETARG_TEXT_PP(1), b, "dtks.damerau_levenshtein", "b");

	PG_RETURN_INT32(osa_kode(a, na, b, nb));
}

/* One word of a key: where it starts in the code points and how long it is. */
typedef struct Kata
{
	int			awal;
	int			panjang;
} Kata;

/* Split code points into words at spaces; refuse more than NAMA_KATA_MAKS words. */
static int
pecah_kata(const pg_wchar *k, int n, Kata *kata, const char *argumen)
{
	int			banyak = 0;

	for (int i = 0; i < n;)
	{
		int			j = i;

		if (k[i] == ' ')
		{
			i++;
			continue;
		}
		while (j < n && k[j] != ' ')
			j++;
		if (banyak == NAMA_KATA_MAKS)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("dtks.nama_banding compares name keys of at most %d words", NAMA_KATA_MAKS),
					 errdetail("Argument %s has more words.", argumen)));
		kata[banyak].awal = i;
		kata[banyak].panjang = j - i;
		banyak++;
		i = j;
	}
	return banyak;
}

/* The score of pairing two words: 1 equal, NAMA_INISIAL for an initial, Jaro-Winkler, 0 below NAMA_AMBANG. */
static double
skor_kata(const pg_wchar *x, int nx, const pg_wchar *y, int ny)
{
	double		s;

	if (nx == 1 || ny == 1)
	{
		if (x[0] != y[0])
			return 0.0;
		return nx == ny ? 1.0 : NAMA_INISIAL;
	}
	s = jaro_winkler_kode(x, nx, y, ny);
	return s >= NAMA_AMBANG ? s : 0.0;
}

PG_FUNCTION_INFO_V1(nama_banding);

/*
 * banding_nama (dtks.nama_banding): the words of two name keys paired one to one (order free) to maximise the sum
 * of the pair scores S (skor_kata; a pair scoring 0 is no pair); with P pairs and U words left without a pair,
 *		nama_banding = 2 S / (2 P + NAMA_TANPA_PASANGAN U)
 * so a dropped word (one word without a pair) costs less than a wrong one (two).  1 for two keys without words.
 * When only one key has BIN or BINTI (and the father's name after it), the words before it are compared too, and
 * 0.95 of that counts if higher.
 */
static double
banding_nama_kode(const pg_wchar *a, int na, const pg_wchar *b, int nb)
{
	Kata		ka[NAMA_KATA_MAKS];
	Kata		kb[NAMA_KATA_MAKS];
	double		skor[NAMA_KATA_MAKS][NAMA_KATA_MAKS];
	int			wa = pecah_kata(a, na, ka, "a");
	int			wb = pecah_kata(b, nb, kb, "b");
	int			himpunan = 1 << wb;
	double	   *terbaik;		/* best sum of scores per set of b's words used */
	int		   *pasangan;		/* the number of pairs of that best sum */
	double		hasil = 0.0;

	if (wa == 0 && wb == 0)
		return 1.0;
	if (wa == 0 || wb == 0)
		return 0.0;

	for (int i = 0; i < wa; i++)
		for (int j = 0; j < wb; j++)
			skor[i][j] = skor_kata(a + ka[i].awal, ka[i].panjang, b + kb[j].awal, kb[j].panjang);

	/* the best assignment: over a's words in turn, masks of b's words used (descending: in place) */
	terbaik = palloc(sizeof(double) * himpunan);
	pasangan = palloc(sizeof(int) * himpunan);
	for (int m = 0; m < himpunan; m++)
	{
		terbaik[m] = m == 0 ? 0.0 : -1.0;	/* -1: not reachable yet */
		pasangan[m] = 0;
	}
	for (int i = 0; i < wa; i++)
		for (int m = himpunan - 1; m > 0; m--)
			for (int j = 0; j < wb; j++)
			{
				int			tanpa = m & ~(1 << j);

				if ((m & (1 << j)) && skor[i][j] > 0.0 && terbaik[tanpa] >= 0.0 &&
					terbaik[tanpa] + skor[i][j] > terbaik[m])
				{
					terbaik[m] = terbaik[tanpa] + skor[i][j];
					pasangan[m] = pasangan[tanpa] + 1;
				}
			}
	for (int m = 0; m < himpunan; m++)
		if (terbaik[m] >= 0.0 && pasangan[m] > 0)
		{
			int			u = wa + wb - 2 * pasangan[m];
			double		h = 2.0 * terbaik[m] / (2.0 * pasangan[m] + NAMA_TANPA_PASANGAN * u);

			if (h > hasil)
				hasil = h;
		}
	pfree(terbaik);
	pfree(pasangan);
	return hasil;
}

/* Where a key's BIN or BINTI (the father's name after it) starts, as a count of code points; -1 without one. */
static int
awal_bin(const pg_wchar *k, int n)
{
	for (int i = 1; i + 4 < n; i++)
		if (k[i - 1] == ' ' && k[i] == 'B' && k[i + 1] == 'I' && k[i + 2] == 'N' &&
			(k[i + 3] == ' ' || (i + 5 < n && k[i + 3] == 'T' && k[i + 4] == 'I' && k[i + 5] == ' ')))
			return i - 1;
	return -1;
}

double
banding_nama(text *ta, text *tb)
{
	pg_wchar	a[BANDING_MAKS * MAX_MULTIBYTE_CHAR_LEN + 1];
	pg_wchar	b[BANDING_MAKS * MAX_MULTIBYTE_CHAR_LEN + 1];
	int			na = ambil_kode(ta, a, "dtks.nama_banding", "a");
	int			nb = ambil_kode(tb, b, "dtks.nama_banding", "b");
	double		hasil = banding_nama_kode(a, na, b, nb);
	int			ba = awal_bin(a, na);
	int			bb = awal_bin(b, nb);

	/* bin/binti and the father's name written on one side only: the names before it, a little less than equal */
	if (ba >= 0 && bb < 0)
		hasil = Max(hasil, NAMA_BIN * banding_nama_kode(a, ba, b, nb));
	else if (bb >= 0 && ba < 0)
		hasil = Max(hasil, NAMA_BIN * banding_nama_kode(a, na, b, bb));
	return hasil;
}

/* dtks.nama_banding(a text, b text): see banding_nama. */
Datum
nama_banding(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(banding_nama(PG_GETARG_TEXT_PP(0), PG_GETARG_TEXT_PP(1)));
}

/*
 * NIK measures.
 */

/* The 16 digits of a stored NIK, as characters. */
static void
digit_nik(Datum nik, char *digit)
{
	snprintf(digit, IDENTITAS_DIGIT + 1, "%016lld", (long long) DatumGetInt64(nik));
}

/* The digits of typed text, anything else skipped: how many (all counted), the first maks kept. */
int
banding_digit_ketik(text *t, char *digit, int maks)
{
	const char *s = VARDATA_ANY(t);
	int			len = VARSIZE_ANY_EXHDR(t);
	int			n = 0;

	for (int i = 0; i < len; i++)
		if (s[i] >= '0' && s[i] <= '9')
		{
			if (n < maks)
				digit[n] = s[i];
			n++;
		}
	return n;
}

/* Is ketik the NIK with its day and month fields swapped (as they stand, or with the female +40 moved to the new day)? */
static bool
tanggal_bulan_tertukar(const char *nik, const char *ketik)
{
	int			dd = (nik[6] - '0') * 10 + (nik[7] - '0');
	int			mm = (nik[8] - '0') * 10 + (nik[9] - '0');
	int			kd = (ketik[6] - '0') * 10 + (ketik[7] - '0');
	int			km = (ketik[8] - '0') * 10 + (ketik[9] - '0');
	int			hari = dd > 40 ? dd - 40 : dd;
	bool		perempuan = dd > 40;

	if (memcmp(nik, ketik, 6) != 0 || memcmp(nik + 10, ketik + 10, 6) != 0)
		return false;
	/* the fields swapped as they stand (also a woman's 51 11 typed 11 51), or the date swapped before the +40 was added */
	return (kd == mm && km == dd) || (kd == mm + (perempuan ? 40 : 0) && km == hari);
}

/* OSA distance of two digit strings, the second at most IDENTITAS_DIGIT long (linear in the first). */
static int
osa_digit(const char *a, int na, const char *b, int nb)
{
	int			baris[3][IDENTITAS_DIGIT + 2];
	int		   *dua = baris[0];
	int		   *satu = baris[1];
	int		   *ini = baris[2];

	for (int j = 0; j <= nb; j++)
		satu[j] = j;
	for (int i = 1; i <= na; i++)
	{
		ini[0] = i;
		for (int j = 1; j <= nb; j++)
		{
			int			d = Min(satu[j] + 1, ini[j - 1] + 1);

			d = Min(d, satu[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
				d = Min(d, dua[j - 2] + 1);
			ini[j] = d;
		}
		{
			int		   *lama = dua;

			dua = satu;
			satu = ini;
			ini = lama;
		}
	}
	return satu[nb];
}

/* The class of the difference between typed digits (n of them, the first 17 kept) and a NIK's 16. */
const char *
banding_kelas_nik(const char *ketik, int n, const char *nik)
{
	int			beda = 0;
	int			pertama = -1;
	int			kedua = -1;

	if (n == 0)
		return "kosong";
	if (n == IDENTITAS_DIGIT - 1 || n == IDENTITAS_DIGIT + 1)
	{
		const char *pendek = n < IDENTITAS_DIGIT ? ketik : nik;
		const char *panjang = n < IDENTITAS_DIGIT ? nik : ketik;
		int			lp = Min(n, IDENTITAS_DIGIT);
		int			i = 0;

		/* one digit dropped or one too many: the longer without its first differing digit is the shorter */
		while (i < lp && pendek[i] == panjang[i])
			i++;
		if (memcmp(pendek + i, panjang + i + 1, lp - i) == 0)
			return n < IDENTITAS_DIGIT ? "digit_hilang" : "digit_lebih";
		return "lain";
	}
	if (n != IDENTITAS_DIGIT)
		return "lain";
	for (int i = 0; i < IDENTITAS_DIGIT; i++)
		if (ketik[i] != nik[i])
		{
			beda++;
			if (pertama < 0)
				pertama = i;
			else if (kedua < 0)
				kedua = i;
		}
	if (beda == 0)
		return "sama";
	if (beda == 1)
		return "satu_digit";
	if (beda == 2 && kedua == pertama + 1 &&
		ketik[pertama] == nik[kedua] && ketik[kedua] == nik[pertama])
		return "tukar_berdekatan";
	if (tanggal_bulan_tertukar(nik, ketik))
		return "tanggal_bulan_tertukar";
	return "lain";
}

PG_FUNCTION_INFO_V1(nik_banding);

/* dtks.nik_banding(diketik text, nik dtks.nik): the class of the difference of the typed digits from the NIK. */
Datum
nik_banding(PG_FUNCTION_ARGS)
{
	char		ketik[IDENTITAS_DIGIT + 1];
	char		nik[IDENTITAS_DIGIT + 1];
	int			n = banding_digit_ketik(PG_GETARG_TEXT_PP(0), ketik, IDENTITAS_DIGIT + 1);

	digit_nik(PG_GETARG_DATUM(1), nik);
	PG_RETURN_TEXT_P(cstring_to_text(banding_kelas_nik(ketik, n, nik)));
}

PG_FUNCTION_INFO_V1(nik_jarak);

/* dtks.nik_jarak(diketik text, nik dtks.nik): OSA distance of the typed digits from the NIK's 16. */
Datum
nik_jarak(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	int			len = VARSIZE_ANY_EXHDR(t);
	char	   *ketik = palloc(len + 1);
	char		nik[IDENTITAS_DIGIT + 1];
	int			n = banding_digit_ketik(t, ketik, len);
	int			jarak;

	digit_nik(PG_GETARG_DATUM(1), nik);
	jarak = osa_digit(ketik, n, nik, IDENTITAS_DIGIT);
	pfree(ketik);
	PG_RETURN_INT32(jarak);
}

/* Append the text key s (n characters) to the keys. */
static void
tambah_kunci(Datum *kunci, int *k, const char *s, int n)
{
	kunci[(*k)++] = PointerGetDatum(cstring_to_text_with_len(s, n));
}

/* Append the digits with one digit deleted, for every position. */
static void
tambah_hapusan(Datum *kunci, int *k, const char *digit, int n)
{
	char		s[IDENTITAS_DIGIT + 1];

	for (int p = 0; p < n; p++)
	{
		memcpy(s, digit, p);
		memcpy(s + p, digit + p + 1, n - p - 1);
		tambah_kunci(kunci, k, s, n - 1);
	}
}

#define KUNCI_SEKITAR (1 + IDENTITAS_DIGIT + (IDENTITAS_DIGIT - 1) + 1 + IDENTITAS_DIGIT + 1)

PG_FUNCTION_INFO_V1(nik_kunci_sekitar);

/*
 * dtks.nik_kunci_sekitar(teks text): the keys of the neighbourhood of the digits of teks (others skipped), such
 * that two digit strings of one of the classes of nik_banding but 'lain' and 'kosong' share a key.  For 16
 * digits: the digits themselves, with one position written '_' (16 keys), with two adjacent ones (15), with the
 * day and month fields (digits 7-10), and with one digit deleted (16); for 15 digits the digits themselves; for
 * 17 the digits with one deleted (17); an empty array for any other count of digits.
 */
Datum
nik_kunci_sekitar(PG_FUNCTION_ARGS)
{
	char		digit[IDENTITAS_DIGIT + 2];
	int			n = banding_digit_ketik(PG_GETARG_TEXT_PP(0), digit, IDENTITAS_DIGIT + 1);
	Datum		kunci[KUNCI_SEKITAR + 1];
	int			k = 0;

	if (n == IDENTITAS_DIGIT - 1)
		tambah_kunci(kunci, &k, digit, n);
	else if (n == IDENTITAS_DIGIT + 1)
		tambah_hapusan(kunci, &k, digit, n);
	else if (n == IDENTITAS_DIGIT)
	{
		char		s[IDENTITAS_DIGIT];

		tambah_kunci(kunci, &k, digit, n);
		for (int lebar = 1; lebar <= 2; lebar++)
			for (int p = 0; p + lebar <= IDENTITAS_DIGIT; p++)
			{
				memcpy(s, digit, IDENTITAS_DIGIT);
				memset(s + p, '_', lebar);
				tambah_kunci(kunci, &k, s, IDENTITAS_DIGIT);
			}
		memcpy(s, digit, IDENTITAS_DIGIT);
		memset(s + 6, '_', 4);
		tambah_kunci(kunci, &k, s, IDENTITAS_DIGIT);
		tambah_hapusan(kunci, &k, digit, n);
	}
	if (k == 0)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(TEXTOID));
	PG_RETURN_ARRAYTYPE_P(construct_array(kunci, k, TEXTOID, -1, false, TYPALIGN_INT));
}
