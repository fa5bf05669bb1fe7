/*
 * alamat.c
 *		dtks.alamat_pecah: an Indonesian address as the region search reads it.
 *
 * The text is cut into words (letters and digits; anything else separates),
 * upper-cased (ASCII; other bytes kept as they are).  A comma, a semicolon, a
 * line break or a parenthesis ends a part.  The words that name a level
 * become markers:
 *   <1>   PROVINSI, PROPINSI, PROV
 *   <2b>  KABUPATEN, KAB;  <2k> KOTA, KOTAMADYA, KOTA ADMINISTRASI, KOTA ADM, KOTIF
 *   <3>   KECAMATAN, KEC, KEC., DISTRIK, KAPANEWON, KEMANTREN
 *   <4>   KELURAHAN, KEL, DESA, DS, GAMPONG, NAGARI, KAMPUNG, KALURAHAN, DESA ADAT,
 *         LURAH
 * (each followed by the word itself: "<2k>KOTA"), and what never names a region is dropped with the words it governs up to the
 * end of its part: a street (JL, JALAN, GG, GANG, KOMPLEK, KOMP, PERUM, PERUMAHAN,
 * BLOK), a sub-desa unit (DUSUN, DSN, DUKUH, BANJAR, JORONG, LINGKUNGAN, LINGK, LK,
 * RT, RW, KAMPUNG is a desa word), a house number (NO, NOMOR); so are the words that
 * hold a digit (house numbers, RT/RW numbers, postcodes).  A level word ends
 * what such a word governed, and right after one a noise word starts the name
 * (Desa Banjar Anyar, Desa Dusun Tua).  A part break is "|".
 */
#include "postgres.h"

#include "catalog/pg_type_d.h"
#include "fmgr.h"
#include "utils/array.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"

/* What a word is to the search. */
typedef enum JenisKata
{
	KATA_NAMA,					/* part of a name */
	KATA_PENANDA,				/* a level marker */
	KATA_BUANG_BAGIAN,			/* drops itself and the rest of its part */
	KATA_BUANG					/* drops itself only */
} JenisKata;

typedef struct Penanda
{
	const char *kata;
	JenisKata	jenis;
	const char *tanda;			/* the marker token, for KATA_PENANDA */
} Penanda;

/* The level words and the noise words, upper case. */
static const Penanda penanda[] = {
	{"PROVINSI", KATA_PENANDA, "<1>"}, {"PROPINSI", KATA_PENANDA, "<1>"}, {"PROV", KATA_PENANDA, "<1>"},
	{"PROP", KATA_PENANDA, "<1>"},
	{"KABUPATEN", KATA_PENANDA, "<2b>"}, {"KAB", KATA_PENANDA, "<2b>"}, {"KABUPATIN", KATA_PENANDA, "<2b>"},
	{"KOTA", KATA_PENANDA, "<2k>"}, {"KOTAMADYA", KATA_PENANDA, "<2k>"}, {"KOTIF", KATA_PENANDA, "<2k>"},
	{"KODYA", KATA_PENANDA, "<2k>"},
	{"KECAMATAN", KATA_PENANDA, "<3>"}, {"KEC", KATA_PENANDA, "<3>"}, {"KCMTN", KATA_PENANDA, "<3>"},
	{"DISTRIK", KATA_PENANDA, "<3>"}, {"KAPANEWON", KATA_PENANDA, "<3>"}, {"KEMANTREN", KATA_PENANDA, "<3>"},
	{"KELURAHAN", KATA_PENANDA, "<4>"}, {"KEL", KATA_PENANDA, "<4>"}, {"KELUR", KATA_PENANDA, "<4>"},
	{"DESA", KATA_PENANDA, "<4>"}, {"DS", KATA_PENANDA, "<4>"}, {"GAMPONG", KATA_PENANDA, "<4>"},
	{"GAMPOENG", KATA_PENANDA, "<4>"}, {"NAGARI", KATA_PENANDA, "<4>"}, {"KAMPUNG", KATA_PENANDA, "<4>"},
	{"KAMPONG", KATA_PENANDA, "<4>"}, {"KALURAHAN", KATA_PENANDA, "<4>"}, {"LURAH", KATA_PENANDA, "<4>"},
	{"JALAN", KATA_BUANG_BAGIAN, NULL}, {"JL", KATA_BUANG_BAGIAN, NULL}, {"JLN", KATA_BUANG_BAGIAN, NULL},
	{"GANG", KATA_BUANG_BAGIAN, NULL}, {"GG", KATA_BUANG_BAGIAN, NULL}, {"KOMPLEK", KATA_BUANG_BAGIAN, NULL},
	{"KOMPLEKS", KATA_BUANG_BAGIAN, NULL}, {"KOMP", KATA_BUANG_BAGIAN, NULL}, {"PERUM", KATA_BUANG_BAGIAN, NULL},
	{"PERUMAHAN", KATA_BUANG_BAGIAN, NULL}, {"BLOK", KATA_BUANG_BAGIAN, NULL}, {"DUSUN", KATA_BUANG_BAGIAN, NULL},
	{"DSN", KATA_BUANG_BAGIAN, NULL}, {"DUKUH", KATA_BUANG_BAGIAN, NULL}, {"BANJAR", KATA_BUANG_BAGIAN, NULL},
	{"JORONG", KATA_BUANG_BAGIAN, NULL}, {"LINGKUNGAN", KATA_BUANG_BAGIAN, NULL}, {"LINGK", KATA_BUANG_BAGIAN, NULL},
	{"LK", KATA_BUANG_BAGIAN, NULL}, {"RT", KATA_BUANG_BAGIAN, NULL}, {"RW", KATA_BUANG_BAGIAN, NULL},
	{"NO", KATA_BUANG_BAGIAN, NULL}, {"NOMOR", KATA_BUANG_BAGIAN, NULL}, {"KODE", KATA_BUANG_BAGIAN, NULL},
	{"KODEPOS", KATA_BUANG_BAGIAN, NULL}, {"KP", KATA_BUANG, NULL}, {"POS", KATA_BUANG, NULL},
	{"ADMINISTRASI", KATA_BUANG, NULL}, {"ADM", KATA_BUANG, NULL}, {"ADAT", KATA_BUANG, NULL},
	{"INDONESIA", KATA_BUANG, NULL}, {"DAN", KATA_BUANG, NULL}, {NULL, KATA_NAMA, NULL}
};

/* The marker or noise entry of a word, or NULL for a word of a name. */
static const Penanda *
cari_penanda(const char *kata)
{
	for (const Penanda *p = penanda; p->kata != NULL; p++)
		if (strcmp(p->kata, kata) == 0)
			return p;
	return NULL;
}

/* Append a token to the array under construction. */
static void
tambah(ArrayBuildState **st, const char *s)
{
	*st = accumArrayResult(*st, PointerGetDatum(cstring_to_text(s)), false, TEXTOID, CurrentMemoryContext);
}

PG_FUNCTION_INFO_V1(alamat_pecah);

/* dtks.alamat_pecah(alamat text): the address's name words, level markers and part breaks, as text[]. */
Datum
alamat_pecah(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(t);
	int			len = VARSIZE_ANY_EXHDR(t);
	ArrayBuildState *st = NULL;
	char	   *kata = palloc(len + 1);
	bool		buang_bagian = false;	/* inside a part a noise word governs */
	bool		bagian_kosong = true;	/* nothing emitted since the last break */
	bool		setelah_penanda = false;	/* the last word emitted was a level word */
	int			i = 0;

	while (i <= len)
	{
		char		c = i < len ? s[i] : ',';

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (unsigned char) c >= 0x80 ||
			c == '\'')
		{
			int			n = 0;
			bool		digit = false;
			const Penanda *p;

			while (i < len && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') ||
							   (s[i] >= '0' && s[i] <= '9') || (unsigned char) s[i] >= 0x80 || s[i] == '\''))
			{
				char		d = s[i++];

				if (d == '\'')
					continue;	/* Ma'rang, Jum'at: one word */
				if (d >= 'a' && d <= 'z')
					d = d - 'a' + 'A';
				if (d >= '0' && d <= '9')
					digit = true;
				kata[n++] = d;
			}
			kata[n] = '\0';
			if (n == 0)
				continue;
			p = cari_penanda(kata);
			/* a level word ends what a street or a sub-desa unit governed */
			if (p != NULL && p->jenis == KATA_PENANDA)
				buang_bagian = false;
			if (buang_bagian)
				continue;
			/* right after a level word, a noise word begins the name (Desa Banjar Anyar, Desa Dusun Tua) */
			if (p != NULL && p->jenis != KATA_PENANDA && setelah_penanda)
				p = NULL;
			if (p != NULL && p->jenis == KATA_BUANG_BAGIAN)
			{
				buang_bagian = true;
				continue;
			}
			if (digit || (p != NULL && p->jenis == KATA_BUANG))
				continue;
			if (p != NULL)
			{
				/* the marker, with the word it was (a name may hold it: Kota Baru, Desa Baru) */
				char	   *m = psprintf("%s%s", p->tanda, kata);

				tambah(&st, m);
			}
			else
				tambah(&st, kata);
			setelah_penanda = p != NULL;
			bagian_kosong = false;
			continue;
		}
		/* a part ends at a comma, a semicolon, a line break, a parenthesis or the end (a slash is in names: Tiro/Truseb) */
		if (c == ',' || c == ';' || c == '\n' || c == '\r' || c == '(' || c == ')')
		{
			buang_bagian = false;
			setelah_penanda = false;
			if (!bagian_kosong)
				tambah(&st, "|");
			bagian_kosong = true;
		}
		i++;
	}
	if (st == NULL)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(TEXTOID));
	PG_RETURN_DATUM(makeArrayResult(st, CurrentMemoryContext));
}

PG_FUNCTION_INFO_V1(alamat_kunci);

/* dtks.alamat_kunci(nama text): a region name as the search compares it: its words upper case, one space apart. */
Datum
alamat_kunci(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(t);
	int			len = VARSIZE_ANY_EXHDR(t);
	StringInfoData b;

	initStringInfo(&b);
	for (int i = 0; i < len; i++)
	{
		char		c = s[i];

		if (c == '\'')
			continue;
		if (c >= 'a' && c <= 'z')
			c = c - 'a' + 'A';
		if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (unsigned char) c >= 0x80)
			appendStringInfoChar(&b, c);
		else if (b.len > 0 && b.data[b.len - 1] != ' ')
			appendStringInfoChar(&b, ' ');
	}
	while (b.len > 0 && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	PG_RETURN_TEXT_P(cstring_to_text_with_len(b.data, b.len));
}
