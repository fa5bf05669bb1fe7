/*
 * nama_kunci.c
 *		A matching key for Indonesian personal names: dtks.nama_kunci(text),
 *		the rules of 1.1 (C symbol nama_kunci_11; the 1.0 rules are frozen in
 *		nama_kunci_10.c under the symbol nama_kunci).
 *
 * Two records of one person often spell the name differently: case and
 * punctuation, titles and degrees (H., Hj., Drs., S.Pd., A.Md.Kep.), the old
 * spelling (Soeharto, Djoko, Tjahjono, Jusuf), and the many forms of Muhammad
 * and Ahmad.  The key keeps what identifies the name and folds the rest:
 *   1. upper case; letters A-Z only (anything else separates words); what
 *      follows the first comma is dropped (degrees are written there);
 *   2. degrees written with dots are dropped anywhere: those of the table
 *      gelar_titik (nama_gelar.h, with its sources) and every A.Md.*, A.Ma.*,
 *      A.P.*, S.Tr.*, M.Tr.*, Dr.Tr.*, Sp.*, Subsp.*; the degrees of the table
 *      marked POLOS also when written without dots as the last words
 *      (Budi Santoso SE MM);
 *   3. titles before the name (gelar_depan: H, HJ, KH, DRS, PROF, PDT, UST,
 *      SR, PASTOR, ROMO, KYAI, RADEN, ..., the two words TUAN GURU, and after
 *      RADEN its second word AJENG, AYU, BAGUS, MAS, RORO) are
 *      dropped; at least one word is kept;
 *   4. a word with a mark of the old spelling (OE, DJ, TJ, SJ, HJ inside it,
 *      NJ at its start) is read in it: OE -> U, DJ -> J, TJ -> C, SJ -> SY,
 *      and a J -> Y and NJ -> NY after an earlier mark (Soejono = Suyono,
 *      Soenjoto = Sunyoto); a J or NJ before every mark of the word stays
 *      (Tanjoeng = Tanjung, Joened = Juned: today's names with u written oe;
 *      the old spelling of Tanjung is Tandjoeng, of Juned Djoened); a word
 *      that is, once so read, in the list j_lama (Jusuf, Junus, Jakub, Jahja:
 *      Arabic names written today only with Y) has its J read as Y with or
 *      without a mark (Jusuf, Joesoef = Yusuf);
 *   5. then in every word: CH and KH -> H, DH -> D, TH -> T, PH -> F, Q -> K,
 *      a final Y -> I, and doubled letters are written once;
 *   6. the forms of Muhammad (MUHAMAD, MOHAMMED, MOCH, MOH, MUH, MHD, ...,
 *      and M. as the first word before another) become MUHAMAD, those of
 *      Ahmad (ACHMAD, AKHMAD, AHMAT, ACHMAT, AHMED, AMAD) AHMAD.
 * Words are joined by one space.  The key is for comparing; it is not a name.
 * It allocates the result and, for a name of more than 16 words, its word
 * list: nothing per word.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"

#include "nama_gelar.h"

#define KATA_MAKS 64			/* longest word kept (longer ones are cut) */
#define KATA_DI_TUMPUKAN 16		/* words held without an allocation */
#define PANJANG_DAFTAR(d) ((int) (sizeof(d) / sizeof((d)[0])))

/* One word of the name: where it is in the work buffer, and how it was written */
typedef struct Kata
{
	int			awal;			/* offset in the work buffer */
	int			panjang;		/* letters kept */
	bool		titik;			/* written with a dot (S.Pd, H.) */
	int			bagian1;		/* letters before its first inner dot (0: none) */
	int			bagian2;		/* letters of its second part (0: none) */
	int			bagian;			/* number of dotted parts */
} Kata;

/* Is word one of the sorted list? */
static bool
dalam_daftar(const char *kata, const char *const *daftar, int n)
{
	int			bawah = 0,
				atas = n - 1;

	while (bawah <= atas)
	{
		int			tengah = (bawah + atas) / 2;
		int			beda = strcmp(kata, daftar[tengah]);

		if (beda == 0)
			return true;
		if (beda < 0)
			atas = tengah - 1;
		else
			bawah = tengah + 1;
	}
	return false;
}

/* The entry of a word in the degree table, or NULL */
static const KataGelar *
cari_gelar(const char *kata)
{
	int			bawah = 0,
				atas = PANJANG_DAFTAR(gelar_titik) - 1;

	while (bawah <= atas)
	{
		int			tengah = (bawah + atas) / 2;
		int			beda = strcmp(kata, gelar_titik[tengah].kata);

		if (beda == 0)
			return &gelar_titik[tengah];
		if (beda < 0)
			atas = tengah - 1;
		else
			bawah = tengah + 1;
	}
	return NULL;
}

/* Fail loudly if a table of nama_gelar.h is not sorted (checked once per backend) */
static void
periksa_urutan(void)
{
	static bool diperiksa = false;
	const char *const *daftar[] = {gelar_depan, raden, j_lama, muhamad, ahmad};
	const int	panjang[] = {PANJANG_DAFTAR(gelar_depan), PANJANG_DAFTAR(raden), PANJANG_DAFTAR(j_lama), PANJANG_DAFTAR(muhamad),
	PANJANG_DAFTAR(ahmad)};

	if (diperiksa)
		return;
	for (int i = 1; i < PANJANG_DAFTAR(gelar_titik); i++)
		if (strcmp(gelar_titik[i - 1].kata, gelar_titik[i].kata) >= 0)
			elog(ERROR, "nama_gelar.h: gelar_titik is not sorted at \"%s\"", gelar_titik[i].kata);
	for (int d = 0; d < PANJANG_DAFTAR(daftar); d++)
		for (int i = 1; i < panjang[d]; i++)
			if (strcmp(daftar[d][i - 1], daftar[d][i]) >= 0)
				elog(ERROR, "nama_gelar.h: a word list is not sorted at \"%s\"", daftar[d][i]);
	diperiksa = true;
}

/* Is a word written with dots a degree (the table, or a prefix whose field initials follow)? */
static bool
gelar_bertitik(const char *k, const Kata *kata)
{
	const KataGelar *g;

	if (kata->bagian >= 2)
	{
		/* A.Md.*, A.Ma.*, and A.P. with a field (A.P. alone may be initials) */
		if (kata->bagian1 == 1 && k[0] == 'A' &&
			((kata->bagian2 == 2 && k[1] == 'M' && (k[2] == 'D' || k[2] == 'A')) ||
			 (kata->bagian2 == 1 && k[1] == 'P' && kata->bagian >= 3)))
			return true;
		/* S.Tr.*, M.Tr.*, Dr.Tr.* */
		if (((kata->bagian1 == 1 && (k[0] == 'S' || k[0] == 'M')) ||
			 (kata->bagian1 == 2 && k[0] == 'D' && k[1] == 'R')) &&
			kata->bagian2 == 2 && k[kata->bagian1] == 'T' && k[kata->bagian1 + 1] == 'R')
			return true;
		/* Sp.*, Subsp.* (the medical specialists) */
		if ((kata->bagian1 == 2 && k[0] == 'S' && k[1] == 'P') ||
			(kata->bagian1 == 5 && strncmp(k, "SUBSP", 5) == 0))
			return true;
	}
	g = cari_gelar(k);
	return g != NULL;
}

/*
 * Does a word carry a mark of the old spelling?  NJ counts only at the start of a word (Njoman, Njai): inside a word
 * it is today's spelling too (Tanjung, Panji, Banjar).  HJ counts inside a word (Wahju, Jahja): today's spelling has
 * no HJ (the title Hj. is a word of its own).
 */
static bool
ejaan_lama(const char *k)
{
	return strstr(k, "OE") != NULL || strstr(k, "DJ") != NULL || strstr(k, "TJ") != NULL ||
		strstr(k, "SJ") != NULL || strncmp(k, "NJ", 2) == 0 || (k[0] != '\0' && strstr(k + 1, "HJ") != NULL);
}

/* Rewrite one upper-case word into its key form (in place; the result is never longer); returns its length */
static int
kunci_kata(char *k, int panjang)
{
	char		hasil[KATA_MAKS + 1];
	int			n = 0;
	bool		lama = ejaan_lama(k);
	bool		tanda = false;	/* an old mark was read before this letter */

	/* old spelling, read left to right */
	for (int i = 0; i < panjang; i++)
	{
		char		c = k[i];
		char		d = i + 1 < panjang ? k[i + 1] : '\0';

		if (!lama)
			hasil[n++] = c;
		else if (c == 'O' && d == 'E')
		{
			hasil[n++] = 'U';
			i++;
			tanda = true;
		}
		else if (c == 'D' && d == 'J')
		{
			hasil[n++] = 'J';
			i++;
			tanda = true;
		}
		else if (c == 'T' && d == 'J')
		{
			hasil[n++] = 'C';
			i++;
			tanda = true;
		}
		else if (c == 'S' && d == 'J')
		{
			hasil[n++] = 'S';
			hasil[n++] = 'Y';
			i++;
			tanda = true;
		}
		else if (c == 'N' && d == 'J' && (i == 0 || tanda))
		{
			/* Njoman; Soenjoto (after OE); not Tanjoeng (its OE comes after: today's Tanjung half re-spelt) */
			hasil[n++] = 'N';
			hasil[n++] = 'Y';
			i++;
			tanda = true;
		}
		else if (c == 'N' && d == 'J')
		{
			hasil[n++] = 'N';
			hasil[n++] = 'J';
			i++;
		}
		else if (c == 'J' && tanda)
			hasil[n++] = 'Y';	/* Soejono, Tjahjono, Wahju */
		else if (c == 'J')
			hasil[n++] = 'J';	/* before every mark: Joened is today's Juned half re-spelt */
		else
		{
			if (c == 'H' && d == 'J')
				tanda = true;
			hasil[n++] = c;
		}
	}

	/* the names whose J is the old Y without a mark before it, also once spelt out (Jusuf; Joesoef -> JUSUF) */
	hasil[n] = '\0';
	if (hasil[0] == 'J' && dalam_daftar(hasil, j_lama, PANJANG_DAFTAR(j_lama)))
		for (int i = 0; i < n; i++)
			if (hasil[i] == 'J')
				hasil[i] = 'Y';

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
	return n;
}

/* The matching key of an Indonesian personal name (see the file header) */
PG_FUNCTION_INFO_V1(nama_kunci_11);
Datum
nama_kunci_11(PG_FUNCTION_ARGS)
{
	text	   *masuk = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(masuk);
	int			panjang = VARSIZE_ANY_EXHDR(masuk);
	char	   *kerja;			/* the words, each ended by '\0' */
	int			isi = 0;
	Kata		kata_tumpukan[KATA_DI_TUMPUKAN];
	Kata	   *kata = kata_tumpukan;
	int			kapasitas = KATA_DI_TUMPUKAN;
	int			jumlah = 0;
	Kata		kini = {0, 0, false, 0, 0, 1};
	int			awal = 0,
				akhir;
	int			ukuran = 0;
	text	   *hasil;
	char	   *tulis;

	periksa_urutan();
	for (int i = 0; i < panjang; i++)
		if (s[i] == ',')
		{
			panjang = i;
			break;
		}
	/* each word of at most KATA_MAKS letters, its '\0', and the final '\0' */
	kerja = palloc(panjang + panjang / 2 + 2);

	/* split into words of letters; note a word written with dots and the length of its first two parts */
	for (int i = 0; i <= panjang; i++)
	{
		char		c = i < panjang ? s[i] : ' ';

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		{
			if (kini.panjang < KATA_MAKS)
				kerja[isi + kini.panjang++] = (c >= 'a' && c <= 'z') ? c - 'a' + 'A' : c;
			continue;
		}
		if (c == '.' && kini.panjang > 0)
		{
			/* S.Pd: a dot inside a word joins its parts; a final dot ends it */
			kini.titik = true;
			if (i + 1 < panjang && ((s[i + 1] >= 'a' && s[i + 1] <= 'z') || (s[i + 1] >= 'A' && s[i + 1] <= 'Z')))
			{
				if (kini.bagian == 1)
					kini.bagian1 = kini.panjang;
				else if (kini.bagian == 2)
					kini.bagian2 = kini.panjang - kini.bagian1;
				kini.bagian++;
				continue;
			}
		}
		if (kini.panjang > 0)
		{
			kerja[isi + kini.panjang] = '\0';
			if (kini.bagian == 2)
				kini.bagian2 = kini.panjang - kini.bagian1;
			if (kini.titik && gelar_bertitik(kerja + isi, &kini))
			{
				/* the consultant mark of a specialist, Sp.OG(K), goes with its degree */
				if (c == '(' && i + 2 < panjang && (s[i + 1] == 'K' || s[i + 1] == 'k') && s[i + 2] == ')')
					i += 2;
			}
			else
			{
				if (jumlah == kapasitas)
				{
					kapasitas *= 2;
					if (kata == kata_tumpukan)
					{
						kata = palloc(sizeof(Kata) * kapasitas);
						memcpy(kata, kata_tumpukan, sizeof(kata_tumpukan));
					}
					else
						kata = repalloc(kata, sizeof(Kata) * kapasitas);
				}
				kini.awal = isi;
				kata[jumlah++] = kini;
				isi += kini.panjang + 1;
			}
		}
		kini.panjang = 0;
		kini.titik = false;
		kini.bagian1 = kini.bagian2 = 0;
		kini.bagian = 1;
	}

	/* titles before the name, and undotted degrees after it (keep at least one word) */
	for (;;)
	{
		if (awal < jumlah - 1 && dalam_daftar(kerja + kata[awal].awal, gelar_depan, PANJANG_DAFTAR(gelar_depan)))
			awal++;
		else if (awal < jumlah - 2 && strcmp(kerja + kata[awal].awal, "TUAN") == 0 &&
				 strcmp(kerja + kata[awal + 1].awal, "GURU") == 0)
			awal += 2;
		else if (awal > 0 && awal < jumlah - 1 && strcmp(kerja + kata[awal - 1].awal, "RADEN") == 0 &&
				 dalam_daftar(kerja + kata[awal].awal, raden, PANJANG_DAFTAR(raden)))
			awal++;
		else
			break;
	}
	akhir = jumlah;
	while (akhir - 1 > awal)
	{
		const KataGelar *g = cari_gelar(kerja + kata[akhir - 1].awal);

		if (g == NULL || !(g->sifat & POLOS))
			break;
		akhir--;
	}

	/* the key of each word, and the canonical forms of Muhammad and Ahmad */
	for (int i = awal; i < akhir; i++)
	{
		char	   *k = kerja + kata[i].awal;

		kata[i].panjang = kunci_kata(k, kata[i].panjang);
		if (k[0] == 'M' && (dalam_daftar(k, muhamad, PANJANG_DAFTAR(muhamad)) ||
							(k[1] == '\0' && i == awal && i + 1 < akhir)))
		{
			kata[i].awal = -1;	/* MUHAMAD */
			kata[i].panjang = 7;
		}
		else if (k[0] == 'A' && dalam_daftar(k, ahmad, PANJANG_DAFTAR(ahmad)))
		{
			kata[i].awal = -2;	/* AHMAD */
			kata[i].panjang = 5;
		}
		ukuran += kata[i].panjang + 1;
	}

	hasil = (text *) palloc(VARHDRSZ + ukuran);
	tulis = VARDATA(hasil);
	for (int i = awal; i < akhir; i++)
	{
		const char *k = kata[i].awal == -1 ? "MUHAMAD" : kata[i].awal == -2 ? "AHMAD" : kerja + kata[i].awal;

		if (tulis != VARDATA(hasil))
			*tulis++ = ' ';
		memcpy(tulis, k, kata[i].panjang);
		tulis += kata[i].panjang;
	}
	SET_VARSIZE(hasil, VARHDRSZ + (tulis - VARDATA(hasil)));
	pfree(kerja);
	if (kata != kata_tumpukan)
		pfree(kata);
	PG_RETURN_TEXT_P(hasil);
}
