/*
 * nama_kunci_10.c
 *		The 1.0 rules of dtks.nama_kunci(text), frozen: C symbol nama_kunci.
 *
 * dtks.nama_kunci is IMMUTABLE, so a database may keep what it returns
 * (an index on it, a stored column).  A database created at 1.0 declares it
 * with the C symbol nama_kunci and runs the newest library until it is
 * updated: this file keeps that symbol answering exactly as 1.0 did, so such
 * a database's stored keys stay right until ALTER EXTENSION dtks UPDATE moves
 * the function to the 1.1 rules (nama_kunci.c, symbol nama_kunci_11) and
 * rebuilds what was stored.  Do not change the rules here.
 *
 * The 1.0 header follows.
 *
 * Two records of one person often spell the name differently: case and
 * punctuation, titles and degrees (H., Hj., Drs., S.Pd.), the old spelling
 * (Soeharto, Djoko, Tjahjono), and the many forms of Muhammad.  The key keeps
 * what identifies the name and folds the rest:
 *   1. upper case; letters A-Z only (anything else separates words); what
 *      follows the first comma is dropped (degrees are written there);
 *   2. titles before the name (H, HJ, KH, DRS, DRA, DR, IR, PROF, ...) and
 *      dotted degrees anywhere (S.PD, M.SI, A.MD, ...) are dropped;
 *   3. a word with a mark of the old spelling (OE, DJ, TJ, SJ, NJ) is read in
 *      it: OE -> U, DJ -> J, TJ -> C, SJ -> SY, NJ -> NY, and any other J -> Y;
 *   4. then in every word: CH and KH -> H, DH -> D, TH -> T, PH -> F, Q -> K,
 *      a final Y -> I, and doubled letters are written once;
 *   5. the forms of Muhammad (MUHAMAD, MOHAMAD, MUHAMMED, MOCH, MOH, MUH, MHD,
 *      and M. before another word) become MUHAMAD.
 * Words are joined by one space.  The key is for comparing; it is not a name.
 */
#include "postgres.h"

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"

#define KATA_MAKS 64			/* longest word kept */

/* Titles dropped when they come before the name. */
static const char *const gelar_depan[] = {
	"H", "HJ", "HAJI", "HAJJAH", "KH", "TGH", "DRS", "DRA", "DR", "IR", "PROF", "ALM", "ALMH",
	"ALMARHUM", "ALMARHUMAH", "NY", "TN", "BPK", "IBU", "SDR", "SDRI", "RA", "RR", "RM", NULL
};

/* Degrees dropped wherever they are written with a dot (S.Pd., M.Si.). */
static const char *const gelar_titik[] = {
	"SPD", "SPDI", "SH", "SE", "SKOM", "SAG", "SSOS", "SKEP", "ST", "SSI", "SP", "SKM", "SIP", "SPT", "SIKOM",
	"SKED", "SPSI", "SSTP", "SFARM", "STP", "SHI", "SHUT", "SS", "SN", "SKG", "SPOG", "SPA", "SPB", "SPPD",
	"MPD", "MSI", "MAG", "MM", "MH", "MKES", "MT", "MKOM", "MSC", "MBA", "MA", "AMD", "AMK", "AMKEB", "AMG",
	"BA", "BSC", "PHD", "DRS", "DRA", "DR", "IR", "PROF", "H", "HJ", "KH", "NS", "BC", "APT", NULL
};

/* The forms of Muhammad, after the spelling rules. */
static const char *const muhamad[] = {
	"MUHAMAD", "MOHAMAD", "MUHAMED", "MOHAMED", "MUHAMAT", "MOHAMAT", "MUHAMMED", "MOHAMMED",
	"MUHD", "MOHD", "MOH", "MUH", "MHD", "MOHAMAD", "MUHAMAD", "MUHAMMAD", "MOHAMMAD", "MOHAMMAT", NULL
};

/* Is word one of the list? */
static bool
dalam_daftar(const char *kata, const char *const *daftar)
{
	for (int i = 0; daftar[i] != NULL; i++)
		if (strcmp(kata, daftar[i]) == 0)
			return true;
	return false;
}

/*
 * Does a word carry a mark of the old spelling?  NJ counts only at the start of a word (Njoman, Njai): inside a word
 * it is today's spelling too (Tanjung, Panji, Banjar), so there it is read as the old NY only beside another mark
 * (Soenjoto).
 */
static bool
ejaan_lama(const char *k)
{
	return strstr(k, "OE") != NULL || strstr(k, "DJ") != NULL || strstr(k, "TJ") != NULL ||
		strstr(k, "SJ") != NULL || strncmp(k, "NJ", 2) == 0;
}

/* Rewrite one upper-case word into its key form (in place; the result is never longer). */
static void
kunci_kata(char *k)
{
	char		hasil[KATA_MAKS * 2 + 1];
	int			n = 0;
	int			panjang = (int) strlen(k);
	bool		lama = ejaan_lama(k);

	/* old spelling, read left to right */
	for (int i = 0; i < panjang; i++)
	{
		char		c = k[i];
		char		d = i + 1 < panjang ? k[i + 1] : '\0';

		if (lama && c == 'O' && d == 'E')
		{
			hasil[n++] = 'U';
			i++;
		}
		else if (lama && c == 'D' && d == 'J')
		{
			hasil[n++] = 'J';
			i++;
		}
		else if (lama && c == 'T' && d == 'J')
		{
			hasil[n++] = 'C';
			i++;
		}
		else if (lama && (c == 'S' || c == 'N') && d == 'J')
		{
			hasil[n++] = c;
			hasil[n++] = 'Y';
			i++;
		}
		else if (lama && c == 'J')
			hasil[n++] = 'Y';
		else
			hasil[n++] = c;
	}
	hasil[n] = '\0';

	/* every word: CH, KH -> H; DH -> D; TH -> T; PH -> F; Q -> K; doubled letters once */
	panjang = n;
	n = 0;
	for (int i = 0; i < panjang; i++)
	{
		char		c = hasil[i];
		char		d = i + 1 < panjang ? hasil[i + 1] : '\0';
		char		keluar;

		if ((c == 'C' || c == 'K') && d == 'H')
		{
			keluar = 'H';
			i++;
		}
		else if ((c == 'D' || c == 'T') && d == 'H')
		{
			keluar = c;
			i++;
		}
		else if (c == 'P' && d == 'H')
		{
			keluar = 'F';
			i++;
		}
		else if (c == 'Q')
			keluar = 'K';
		else
			keluar = c;
		if (n > 0 && k[n - 1] == keluar)
			continue;
		k[n++] = keluar;
	}
	/* a final Y is written I (Hendry, Hendri) */
	if (n > 1 && k[n - 1] == 'Y')
		k[n - 1] = 'I';
	k[n] = '\0';
}

/* The matching key of an Indonesian personal name (see the file header) */
PG_FUNCTION_INFO_V1(nama_kunci);
Datum
nama_kunci(PG_FUNCTION_ARGS)
{
	text	   *masuk = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(masuk);
	int			panjang = VARSIZE_ANY_EXHDR(masuk);
	char		kata[KATA_MAKS + 1];
	int			n_kata = 0;
	int			jumlah_kata = 0;
	bool		ada_titik = false;
	StringInfoData hasil;
	char	  **kata_kata;
	int			kapasitas = 8;

	kata_kata = palloc(sizeof(char *) * kapasitas);
	initStringInfo(&hasil);

	/* split into words of letters; stop at the first comma; note a word written with dots */
	for (int i = 0; i <= panjang; i++)
	{
		char		c = i < panjang ? s[i] : ' ';
		bool		huruf = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

		if (c == ',')
			panjang = i, c = ' ';
		if (huruf)
		{
			if (n_kata < KATA_MAKS)
				kata[n_kata++] = (c >= 'a' && c <= 'z') ? c - 'a' + 'A' : c;
			continue;
		}
		if (c == '.' && n_kata > 0)
		{
			/* S.Pd: a dot inside a word joins its parts; a final dot ends it */
			ada_titik = true;
			if (i + 1 < panjang && ((s[i + 1] >= 'a' && s[i + 1] <= 'z') || (s[i + 1] >= 'A' && s[i + 1] <= 'Z')))
				continue;
		}
		if (n_kata > 0)
		{
			kata[n_kata] = '\0';
			if (!(ada_titik && dalam_daftar(kata, gelar_titik)))
			{
				if (jumlah_kata == kapasitas)
				{
					kapasitas *= 2;
					kata_kata = repalloc(kata_kata, sizeof(char *) * kapasitas);
				}
				kata_kata[jumlah_kata++] = pstrdup(kata);
			}
		}
		n_kata = 0;
		ada_titik = false;
	}

	/* titles before the name (keep at least one word) */
	{
		int			awal = 0;

		while (awal < jumlah_kata - 1 && dalam_daftar(kata_kata[awal], gelar_depan))
			awal++;
		for (int i = awal; i < jumlah_kata; i++)
		{
			char	   *k = kata_kata[i];

			kunci_kata(k);
			if (dalam_daftar(k, muhamad) ||
				(strcmp(k, "M") == 0 && i == awal && i + 1 < jumlah_kata))
				k = "MUHAMAD";
			if (hasil.len > 0)
				appendStringInfoChar(&hasil, ' ');
			appendStringInfoString(&hasil, k);
		}
	}
	PG_RETURN_TEXT_P(cstring_to_text_with_len(hasil.data, hasil.len));
}
