/*
 * padan.c
 *		The score model of the matching with Dukcapil: field comparisons and
 *		their Fellegi-Sunter weights, and the neighbourhoods the candidate
 *		search looks up.
 *
 *   dtks.padan_nilai(model, ...)     the sum of the weights of each field's
 *                                    comparison level, the weights read from
 *                                    dtks.padan_bobot (log2 m/u per level)
 *   dtks.padan_rincian(model, ...)   the same as jsonb: per field its level,
 *                                    the measure behind it and its weight
 *   dtks.nik_sekitar(teks)           the valid NIKs one typing error away
 *                                    from typed digits (for the primary key)
 *   dtks.tanggal_sekitar(tanggal)    the dates one entry error away
 *
 * The weights are data: the rows of dtks.padan_bobot are read once per
 * backend and again after any change (a statement trigger invalidates the
 * table's relcache entry, whose callback drops the cache everywhere).
 */
#include "postgres.h"

#include <math.h>

#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_type_d.h"
#include "executor/spi.h"
#include "commands/trigger.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/inval.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"

#include "banding.h"
#include "identitas.h"
#include "kode_wilayah.h"
#include "padan.h"
#include "spi_aman.h"

/* The fields and their levels, in the order of dtks.padan_tingkat. */
typedef enum Bidang
{
	BIDANG_NIK,
	BIDANG_NAMA,
	BIDANG_TANGGAL,
	BIDANG_JK,
	BIDANG_WILAYAH,
	BIDANG_NIK_WILAYAH,
	BIDANG_ALAMAT,
	BIDANG_JUMLAH
} Bidang;

#define TINGKAT_MAKS 9

static const char *const bidang_nama[BIDANG_JUMLAH] = {
	"nik", "nama", "tanggal_lahir", "jenis_kelamin", "wilayah", "nik_wilayah", "alamat"
};

static const char *const tingkat_nama[BIDANG_JUMLAH][TINGKAT_MAKS] = {
	{"sama", "satu_digit", "tukar_berdekatan", "tanggal_bulan_tertukar", "digit_hilang", "digit_lebih", "no_kk", "lain", "kosong"},
	{"sama", "hampir", "mirip", "agak", "beda", "kosong"},
	{"sama", "tertukar", "hari", "bulan", "tahun", "baku", "beda", "kosong"},
	{"sama", "beda", "kosong"},
	{"desa", "kecamatan", "kabkota", "provinsi", "beda", "kosong"},
	{"kecamatan", "kabkota", "beda", "kosong"},
	{"sama", "mirip", "beda", "kosong"}
};

/* The cut points of the name and address levels (documented in dtks.padan_tingkat). */
#define NAMA_SAMA 0.999
#define NAMA_HAMPIR 0.93
#define NAMA_MIRIP 0.85
#define NAMA_AGAK 0.75
#define ALAMAT_SAMA 0.8
#define ALAMAT_MIRIP 0.45

/* The weights of one model. */
typedef struct Model
{
	char		nama[NAMEDATALEN];
	double		bobot[BIDANG_JUMLAH][TINGKAT_MAKS];
	struct Model *berikut;
} Model;

static Model *model_cache = NULL;
static bool cache_sah = false;
static bool callback_terdaftar = false;
static MemoryContext cache_konteks = NULL;
static Oid	bobot_relid = InvalidOid;

/* Relcache callback: the weights table (or everything) changed. */
static void
bobot_berubah(Datum arg pg_attribute_unused(), Oid relid)
{
	if (relid == InvalidOid || relid == bobot_relid)
		cache_sah = false;
}

/* The index of a level name in a field; -1 when unknown. */
static int
cari_tingkat(int bidang, const char *tingkat)
{
	for (int t = 0; t < TINGKAT_MAKS && tingkat_nama[bidang][t]; t++)
		if (strcmp(tingkat_nama[bidang][t], tingkat) == 0)
			return t;
	return -1;
}

/* Read every model's weights from dtks.padan_bobot (pinned search_path). */
static void
muat_bobot(void)
{
	SpiAman		aman;
	Model	   *daftar = NULL;

	if (!callback_terdaftar)
	{
		CacheRegisterRelcacheCallback(bobot_berubah, (Datum) 0);
		callback_terdaftar = true;
	}
	if (cache_konteks == NULL)
		cache_konteks = AllocSetContextCreate(TopMemoryContext, "dtks padan_bobot", ALLOCSET_SMALL_SIZES);
	MemoryContextReset(cache_konteks);
	model_cache = NULL;
	/* valid from now: a change during the read invalidates again */
	cache_sah = true;

	SPI_connect();
	spi_aman_masuk(&aman, InvalidOid, 0);
	bobot_relid = get_relname_relid("padan_bobot", get_namespace_oid("dtks", false));
	if (SPI_execute("SELECT model, bidang, tingkat, m, u FROM dtks.padan_bobot", true, 0) != SPI_OK_SELECT)
		elog(ERROR, "padan: cannot read dtks.padan_bobot");
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		char	   *model = SPI_getvalue(tup, desc, 1);
		char	   *bidang = SPI_getvalue(tup, desc, 2);
		char	   *tingkat = SPI_getvalue(tup, desc, 3);
		bool		null_m,
					null_u;
		double		m_nilai = DatumGetFloat8(SPI_getbinval(tup, desc, 4, &null_m));
		double		u_nilai = DatumGetFloat8(SPI_getbinval(tup, desc, 5, &null_u));
		Model	   *m;
		int			b = -1;
		int			t;

		for (int k = 0; k < BIDANG_JUMLAH; k++)
			if (strcmp(bidang_nama[k], bidang) == 0)
				b = k;
		if (b < 0 || (t = cari_tingkat(b, tingkat)) < 0)
			continue;			/* the table's foreign key to dtks.padan_tingkat keeps this from happening */
		for (m = daftar; m != NULL; m = m->berikut)
			if (strcmp(m->nama, model) == 0)
				break;
		if (m == NULL)
		{
			m = MemoryContextAllocZero(cache_konteks, sizeof(Model));
			strlcpy(m->nama, model, NAMEDATALEN);
			m->berikut = daftar;
			daftar = m;
		}
		/* the weight of the level: log2(m/u) (the table keeps both in (0, 1]) */
		m->bobot[b][t] = null_m || null_u ? 0.0 : log2(m_nilai / u_nilai);
	}
	spi_aman_keluar(&aman);
	SPI_finish();
	model_cache = daftar;
}

/* The weights of a model; an error when it has none. */
static const Model *
ambil_model(const char *n)
{
	if (!cache_sah)
		muat_bobot();
	for (Model *m = model_cache; m != NULL; m = m->berikut)
		if (strcmp(m->nama, n) == 0)
			return m;
	ereport(ERROR,
			(errcode(ERRCODE_UNDEFINED_OBJECT),
			 errmsg("padan model \"%s\" has no weights", n),
			 errdetail("dtks.padan_bobot has no row for the model.")));
	return NULL;
}

#define NOMOR_MAKS 32			/* the longest record number compared digit by digit */
#define NIK_NO_KK 6
#define NIK_LAIN 7
#define NIK_KOSONG 8

/* The class of typed digits against a number of another length than a NIK's (no date fields there). */
static int
kelas_nomor(const char *ketik, int n, const char *nomor, int m)
{
	int			beda = 0;
	int			pertama = -1;
	int			kedua = -1;

	if (n == 0)
		return NIK_KOSONG;
	if (n == m + 1 || n == m - 1)
	{
		const char *pendek = n < m ? ketik : nomor;
		const char *panjang = n < m ? nomor : ketik;
		int			lp = Min(n, m);
		int			i = 0;

		while (i < lp && pendek[i] == panjang[i])
			i++;
		if (memcmp(pendek + i, panjang + i + 1, lp - i) == 0)
			return n < m ? 4 : 5;
		return NIK_LAIN;
	}
	if (n != m)
		return NIK_LAIN;
	for (int i = 0; i < m; i++)
		if (ketik[i] != nomor[i])
		{
			beda++;
			if (pertama < 0)
				pertama = i;
			else if (kedua < 0)
				kedua = i;
		}
	if (beda == 0)
		return 0;
	if (beda == 1)
		return 1;
	if (beda == 2 && kedua == pertama + 1 && ketik[pertama] == nomor[kedua] && ketik[kedua] == nomor[pertama])
		return 2;
	return NIK_LAIN;
}

/* Are the first n typed digits one digit repeated (0000000000000000 typed for "none")? */
static bool
digit_berulang(const char *k, int n)
{
	for (int i = 1; i < n; i++)
		if (k[i] != k[0])
			return false;
	return n > 1;
}

/* The NIK level of typed text against a candidate's number (digits of its text form) and family card number. */
static int
tingkat_nik(text *ketik, text *calon, text *kk)
{
	char		k[IDENTITAS_DIGIT + 2];
	char		c[NOMOR_MAKS];
	int			n,
				m;
	int			t;

	if (ketik == NULL || calon == NULL)
		return NIK_KOSONG;
	n = banding_digit_ketik(ketik, k, IDENTITAS_DIGIT + 1);
	m = banding_digit_ketik(calon, c, NOMOR_MAKS);
	if (n == 0 || m == 0 || digit_berulang(k, Min(n, IDENTITAS_DIGIT + 1)))
		return NIK_KOSONG;
	if (m > NOMOR_MAKS)
		return NIK_LAIN;		/* no identity number is that long */
	if (m != IDENTITAS_DIGIT)
		return n > IDENTITAS_DIGIT + 1 ? NIK_LAIN : kelas_nomor(k, n, c, m);
	/* against a NIK, a few digits are no NIK typed */
	if (n < IDENTITAS_DIGIT - 2)
		return NIK_KOSONG;
	t = cari_tingkat(BIDANG_NIK, banding_kelas_nik(k, n, c));
	/* the family card's number typed for the NIK: it names the family, not the person */
	if (t == NIK_LAIN && kk != NULL && n == IDENTITAS_DIGIT)
	{
		char		d[IDENTITAS_DIGIT + 1];

		if (banding_digit_ketik(kk, d, IDENTITAS_DIGIT) == IDENTITAS_DIGIT && memcmp(d, k, IDENTITAS_DIGIT) == 0)
			return NIK_NO_KK;
	}
	return t;
}

/* Is a key empty or NULL? */
static bool
kunci_kosong(text *t)
{
	return t == NULL || VARSIZE_ANY_EXHDR(t) == 0;
}

/* Is a date a placeholder for an unknown day (1 January, 31 December)? */
static bool
tanggal_baku(int m, int d)
{
	return (m == 1 && d == 1) || (m == 12 && d == 31);
}

/* The date level; day, month and year of each. */
static int
tingkat_tanggal(bool ada_a, DateADT a, bool ada_b, DateADT b)
{
	int			ya,
				ma,
				da,
				yb,
				mb,
				db;

	if (!ada_a || !ada_b || DATE_NOT_FINITE(a) || DATE_NOT_FINITE(b))
		return 7;
	if (a == b)
		return 0;
	j2date(a + POSTGRES_EPOCH_JDATE, &ya, &ma, &da);
	j2date(b + POSTGRES_EPOCH_JDATE, &yb, &mb, &db);
	if (ya == yb && da == mb && ma == db)
		return 1;				/* day and month swapped */
	if ((ya == yb && ma == mb) || a - b == 1 || b - a == 1)
		return 2;				/* the day differs */
	if (ya == yb && da == db)
		return 3;				/* the month differs */
	if (ma == mb && da == db)
		return 4;				/* the year differs */
	if (ya == yb && (tanggal_baku(ma, da) || tanggal_baku(mb, db)))
		return 5;				/* one is the placeholder of an unknown day in the same year */
	return 6;
}

/* L or P from what was typed (L, P, laki-laki, perempuan, pria, wanita, 1, 2); 0 when none. */
char
padan_jenis_kelamin(text *t)
{
	const char *s;
	int			len;

	if (t == NULL)
		return 0;
	s = VARDATA_ANY(t);
	len = VARSIZE_ANY_EXHDR(t);
	while (len > 0 && (*s == ' ' || *s == '\t'))
		s++, len--;
	if (len == 0)
		return 0;
	switch (*s)
	{
		case 'L':
		case 'l':
		case '1':
			return 'L';
		case 'P':
		case 'p':
			/* pria is a man, perempuan a woman */
			if (len >= 2 && (s[1] == 'r' || s[1] == 'R'))
				return 'L';
			return 'P';
		case 'W':
		case 'w':
		case '2':
			return 'P';
		default:
			return 0;
	}
}

/* The region level of a candidate's desa against the typed one: the deepest level both share. */
static int
tingkat_wilayah(bool ada_a, int64 a, bool ada_b, int64 b)
{
	if (!ada_a || !ada_b)
		return 5;
	for (int t = Min(kode_wilayah_tingkat(a), kode_wilayah_tingkat(b)); t >= 1; t--)
		if (kode_wilayah_leluhur_pada(a, t) == kode_wilayah_leluhur_pada(b, t))
			return 4 - t;		/* 4 desa -> 0, 3 kecamatan -> 1, 2 kabkota -> 2, 1 provinsi -> 3 */
	return 4;
}

/* The level of a candidate NIK's kecamatan of first registration against the typed region. */
static int
tingkat_nik_wilayah(text *calon, bool ada_w, int64 w)
{
	char		c[IDENTITAS_DIGIT + 1];
	int64		kec = 0;

	if (calon == NULL || !ada_w || kode_wilayah_tingkat(w) < 2 ||
		banding_digit_ketik(calon, c, IDENTITAS_DIGIT) != IDENTITAS_DIGIT)
		return 3;
	for (int i = 0; i < 6; i++)
		kec = kec * 10 + (c[i] - '0');
	kec *= 10000;
	if (kode_wilayah_tingkat(w) >= 3 && kode_wilayah_leluhur_pada(w, 3) == kec)
		return 0;
	if (kode_wilayah_leluhur_pada(w, 2) == kode_wilayah_leluhur_pada(kec, 2))
		return 1;
	return 2;
}

/* Every field's level and measure of a typed person against a candidate (alamat: the address similarity, < 0 none). */
static void
banding_sisi(const PadanSisi *a, const PadanSisi *b, double alamat, int *tingkat, double *ukuran)
{
	for (int i = 0; i < BIDANG_JUMLAH; i++)
		ukuran[i] = -1.0;
	tingkat[BIDANG_NIK] = tingkat_nik(a->nik, b->nik, b->kk);
	if (kunci_kosong(a->kunci) || kunci_kosong(b->kunci))
		tingkat[BIDANG_NAMA] = 5;
	else
	{
		double		s = banding_nama(a->kunci, b->kunci);

		ukuran[BIDANG_NAMA] = s;
		tingkat[BIDANG_NAMA] = s >= NAMA_SAMA ? 0 : s >= NAMA_HAMPIR ? 1 : s >= NAMA_MIRIP ? 2 : s >= NAMA_AGAK ? 3 : 4;
	}
	tingkat[BIDANG_TANGGAL] = tingkat_tanggal(a->ada_lahir, a->lahir, b->ada_lahir, b->lahir);
	tingkat[BIDANG_JK] = a->jk == 0 || b->jk == 0 ? 2 : a->jk == b->jk ? 0 : 1;
	tingkat[BIDANG_WILAYAH] = tingkat_wilayah(a->ada_wilayah, a->wilayah, b->ada_wilayah, b->wilayah);
	/* the kecamatan of first registration counts only where the typed NIK says nothing of the candidate's */
	if (tingkat[BIDANG_NIK] == NIK_LAIN || tingkat[BIDANG_NIK] == NIK_KOSONG || tingkat[BIDANG_NIK] == NIK_NO_KK)
		tingkat[BIDANG_NIK_WILAYAH] = tingkat_nik_wilayah(b->nik, a->ada_wilayah, a->wilayah);
	else
		tingkat[BIDANG_NIK_WILAYAH] = 3;
	if (alamat < 0.0)
		tingkat[BIDANG_ALAMAT] = 3;
	else
	{
		ukuran[BIDANG_ALAMAT] = alamat;
		tingkat[BIDANG_ALAMAT] = alamat >= ALAMAT_SAMA ? 0 : alamat >= ALAMAT_MIRIP ? 1 : 2;
	}
}

/* The two sides and the address similarity from the twelve (or thirteen) arguments of padan_nilai / padan_rincian. */
static double
sisi_argumen(FunctionCallInfo fcinfo, PadanSisi *a, PadanSisi *b)
{
#define ARG_TEKS(i) (PG_ARGISNULL(i) ? NULL : PG_GETARG_TEXT_PP(i))
	a->nik = ARG_TEKS(1);
	b->nik = ARG_TEKS(2);
	a->kunci = ARG_TEKS(3);
	b->kunci = ARG_TEKS(4);
	a->ada_lahir = !PG_ARGISNULL(5);
	a->lahir = a->ada_lahir ? PG_GETARG_DATEADT(5) : 0;
	b->ada_lahir = !PG_ARGISNULL(6);
	b->lahir = b->ada_lahir ? PG_GETARG_DATEADT(6) : 0;
	a->jk = padan_jenis_kelamin(ARG_TEKS(7));
	b->jk = padan_jenis_kelamin(ARG_TEKS(8));
	a->ada_wilayah = !PG_ARGISNULL(9);
	a->wilayah = a->ada_wilayah ? PG_GETARG_INT64(9) : 0;
	b->ada_wilayah = !PG_ARGISNULL(10);
	b->wilayah = b->ada_wilayah ? PG_GETARG_INT64(10) : 0;
	a->kk = NULL;
	b->kk = PG_NARGS() > 12 ? ARG_TEKS(12) : NULL;
	return PG_ARGISNULL(11) ? -1.0 : PG_GETARG_FLOAT8(11);
#undef ARG_TEKS
}

/* The model named by argument 0 (a NULL model is the default, dukcapil). */
static const Model *
model_argumen(FunctionCallInfo fcinfo)
{
	if (PG_ARGISNULL(0))
		return ambil_model(PADAN_MODEL_BAWAAN);
	return ambil_model(text_to_cstring(PG_GETARG_TEXT_PP(0)));
}

/* The sum of a model's weights of the levels. */
static double
jumlah_bobot(const Model *m, const int *tingkat)
{
	double		jumlah = 0.0;

	for (int b = 0; b < BIDANG_JUMLAH; b++)
		jumlah += m->bobot[b][tingkat[b]];
	return jumlah;
}

/* The score of the default model (dukcapil) of a typed person against a candidate, without the address. */
double
padan_skor(const PadanSisi *ketik, const PadanSisi *calon)
{
	int			tingkat[BIDANG_JUMLAH];
	double		ukuran[BIDANG_JUMLAH];

	banding_sisi(ketik, calon, -1.0, tingkat, ukuran);
	return jumlah_bobot(ambil_model(PADAN_MODEL_BAWAAN), tingkat);
}

PG_FUNCTION_INFO_V1(padan_nilai);

/* dtks.padan_nilai(model, ...): the sum of the weights of every field's level. */
Datum
padan_nilai(PG_FUNCTION_ARGS)
{
	const Model *m = model_argumen(fcinfo);
	int			tingkat[BIDANG_JUMLAH];
	double		ukuran[BIDANG_JUMLAH];
	PadanSisi	a,
				b;
	double		alamat = sisi_argumen(fcinfo, &a, &b);

	banding_sisi(&a, &b, alamat, tingkat, ukuran);
	PG_RETURN_FLOAT8(jumlah_bobot(m, tingkat));
}

/* Push a string key and a string value. */
static void
jsonb_teks(JsonbParseState **st, const char *kunci, const char *nilai)
{
	JsonbValue	v;

	v.type = jbvString;
	v.val.string.val = (char *) kunci;
	v.val.string.len = strlen(kunci);
	pushJsonbValue(st, WJB_KEY, &v);
	v.val.string.val = (char *) nilai;
	v.val.string.len = strlen(nilai);
	pushJsonbValue(st, WJB_VALUE, &v);
}

/* Push a string key and a number (rounded to 4 decimals). */
static void
jsonb_angka(JsonbParseState **st, const char *kunci, double nilai)
{
	JsonbValue	v;
	char		buf[64];

	v.type = jbvString;
	v.val.string.val = (char *) kunci;
	v.val.string.len = strlen(kunci);
	pushJsonbValue(st, WJB_KEY, &v);
	snprintf(buf, sizeof(buf), "%.4f", nilai);
	v.type = jbvNumeric;
	v.val.numeric = DatumGetNumeric(DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
														ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1)));
	pushJsonbValue(st, WJB_VALUE, &v);
}

/* The largest weight of a field among levels lo..hi. */
static double
bobot_maks(const Model *m, int bidang, int lo, int hi)
{
	double		w = m->bobot[bidang][lo];

	for (int t = lo + 1; t <= hi; t++)
		w = Max(w, m->bobot[bidang][t]);
	return w;
}

/*
 * The highest score (model dukcapil, no address) that a record the search has not seen yet may have against what
 * was typed, when its birth date is one entry error from the typed one but not the typed date with day and month
 * swapped (level hari to baku) and its NIK is not the typed one (whose record the search looked up first): each
 * field at its best level given what was typed.
 */
double
padan_skor_maks_tanggal_dekat(const PadanSisi *ketik)
{
	const Model *m = ambil_model(PADAN_MODEL_BAWAAN);
	double		nik;
	double		nama;

	/* a NIK level that says something of the record, or one that lets the kecamatan of registration count */
	nik = Max(bobot_maks(m, BIDANG_NIK, 1, 5) + m->bobot[BIDANG_NIK_WILAYAH][3],
			  bobot_maks(m, BIDANG_NIK, NIK_NO_KK, NIK_KOSONG) + bobot_maks(m, BIDANG_NIK_WILAYAH, 0, 3));
	nama = kunci_kosong(ketik->kunci) ? m->bobot[BIDANG_NAMA][5] : bobot_maks(m, BIDANG_NAMA, 0, 5);
	return nik + nama + bobot_maks(m, BIDANG_TANGGAL, 2, 5) +
		(ketik->jk == 0 ? m->bobot[BIDANG_JK][2] : bobot_maks(m, BIDANG_JK, 0, 2)) +
		(ketik->ada_wilayah ? bobot_maks(m, BIDANG_WILAYAH, 0, 5) : m->bobot[BIDANG_WILAYAH][5]) +
		m->bobot[BIDANG_ALAMAT][3];
}

/* The breakdown of levels as jsonb: {"skor": total, "<field>": {"tingkat", "nilai", "bobot"}, ...}. */
static Jsonb *
rincian_jsonb(const Model *m, const int *tingkat, const double *ukuran, int hidup)
{
	JsonbParseState *st = NULL;
	JsonbValue *hasil;

	pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	for (int b = 0; b < BIDANG_JUMLAH; b++)
	{
		JsonbValue	k;

		k.type = jbvString;
		k.val.string.val = (char *) bidang_nama[b];
		k.val.string.len = strlen(bidang_nama[b]);
		pushJsonbValue(&st, WJB_KEY, &k);
		pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
		jsonb_teks(&st, "tingkat", tingkat_nama[b][tingkat[b]]);
		if (ukuran[b] >= 0.0)
			jsonb_angka(&st, "nilai", ukuran[b]);
		jsonb_angka(&st, "bobot", m->bobot[b][tingkat[b]]);
		pushJsonbValue(&st, WJB_END_OBJECT, NULL);
	}
	jsonb_angka(&st, "skor", jumlah_bobot(m, tingkat));
	if (hidup >= 0)
	{
		JsonbValue	k;

		k.type = jbvString;
		k.val.string.val = "hidup";
		k.val.string.len = 5;
		pushJsonbValue(&st, WJB_KEY, &k);
		k.type = jbvBool;
		k.val.boolean = hidup > 0;
		pushJsonbValue(&st, WJB_VALUE, &k);
	}
	hasil = pushJsonbValue(&st, WJB_END_OBJECT, NULL);
	return JsonbValueToJsonb(hasil);
}

/*
 * The breakdown (dtks.padan_rincian, default model, no address) of a typed person against a candidate, with
 * "hidup" whether Dukcapil has the candidate alive (hidup 1 or 0; -1 leaves it out).
 */
Jsonb *
padan_rincian_sisi(const PadanSisi *ketik, const PadanSisi *calon, int hidup)
{
	int			tingkat[BIDANG_JUMLAH];
	double		ukuran[BIDANG_JUMLAH];

	banding_sisi(ketik, calon, -1.0, tingkat, ukuran);
	return rincian_jsonb(ambil_model(PADAN_MODEL_BAWAAN), tingkat, ukuran, hidup);
}

PG_FUNCTION_INFO_V1(padan_rincian);

/*
 * dtks.padan_rincian(model, ...): {"skor": total, "<field>": {"tingkat": level, "nilai": measure (name and
 * address similarity), "bobot": weight}, ...} for every field.
 */
Datum
padan_rincian(PG_FUNCTION_ARGS)
{
	const Model *m = model_argumen(fcinfo);
	int			tingkat[BIDANG_JUMLAH];
	double		ukuran[BIDANG_JUMLAH];
	PadanSisi	a,
				b;
	double		alamat = sisi_argumen(fcinfo, &a, &b);

	banding_sisi(&a, &b, alamat, tingkat, ukuran);
	PG_RETURN_JSONB_P(rincian_jsonb(m, tingkat, ukuran, -1));
}

PG_FUNCTION_INFO_V1(padan_bobot_berubah);

/* Statement trigger on dtks.padan_bobot: every backend reads the weights again. */
Datum
padan_bobot_berubah(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		elog(ERROR, "padan_bobot_berubah: not called as a trigger");
	CacheInvalidateRelcache(td->tg_relation);
	return PointerGetDatum(NULL);
}

/*
 * Neighbourhoods.
 */

/* Is a 16-digit string a valid NIK?  Its value when so. */
static bool
nik_dari_digit(const char *d, int64 *nilai)
{
	Identitas	id;

	if (identitas_pindai(d, IDENTITAS_DIGIT, false, &id) != IDENTITAS_SAH ||
		identitas_periksa_wilayah(&id) != IDENTITAS_SAH || nik_periksa_isi(&id) != IDENTITAS_SAH)
		return false;
	*nilai = id.nilai;
	return true;
}

/* The value of typed text when its digits, 16 of them, are a valid NIK (anything but digits skipped). */
bool
padan_nik_ketik_sah(text *teks, int64 *nilai)
{
	char		d[IDENTITAS_DIGIT + 2];

	return banding_digit_ketik(teks, d, IDENTITAS_DIGIT + 1) == IDENTITAS_DIGIT && nik_dari_digit(d, nilai);
}

/* Add a 16-digit string to the set when it is a valid NIK. */
static void
tambah_nik(int64 *nik, int *n, const char *d)
{
	int64		v;

	if (nik_dari_digit(d, &v))
		nik[(*n)++] = v;
}

/* Order of int64 for qsort. */
static int
banding_int64(const void *a, const void *b)
{
	int64		x = *(const int64 *) a;
	int64		y = *(const int64 *) b;

	return x < y ? -1 : x > y ? 1 : 0;
}

/*
 * The valid NIKs whose difference from the typed digits is one of the classes of
 * dtks.nik_banding but lain and kosong: 16 digits give the digits themselves, every digit changed, every adjacent
 * pair swapped and the day and month fields swapped (as they stand, or with the woman's +40 moved); 15 digits a
 * digit inserted anywhere; 17 a digit deleted.  Into nik (room for PADAN_SEKITAR_MAKS), sorted, without repeats;
 * how many (none for any other count of digits).
 */
int
padan_nik_sekitar(text *teks, int64 *nik)
{
	char		d[IDENTITAS_DIGIT + 2];
	int			n = banding_digit_ketik(teks, d, IDENTITAS_DIGIT + 1);
	int			k = 0;
	int			u = 0;
	char		s[IDENTITAS_DIGIT];

	if (n == IDENTITAS_DIGIT)
	{
		int			kd = (d[6] - '0') * 10 + (d[7] - '0');

		tambah_nik(nik, &k, d);
		for (int p = 0; p < IDENTITAS_DIGIT; p++)
			for (char c = '0'; c <= '9'; c++)
				if (c != d[p])
				{
					memcpy(s, d, IDENTITAS_DIGIT);
					s[p] = c;
					tambah_nik(nik, &k, s);
				}
		for (int p = 0; p + 1 < IDENTITAS_DIGIT; p++)
			if (d[p] != d[p + 1])
			{
				memcpy(s, d, IDENTITAS_DIGIT);
				s[p] = d[p + 1];
				s[p + 1] = d[p];
				tambah_nik(nik, &k, s);
			}
		/* the day and month fields as typed swapped back */
		memcpy(s, d, IDENTITAS_DIGIT);
		s[6] = d[8];
		s[7] = d[9];
		s[8] = d[6];
		s[9] = d[7];
		tambah_nik(nik, &k, s);
		/* a woman's date swapped before the +40 was added: typed month field is the real month + 40 */
		if (kd > 40)
		{
			int			km = (d[8] - '0') * 10 + (d[9] - '0');
			int			hari = km + 40;
			int			bulan = kd - 40;

			if (hari < 100)
			{
				s[6] = '0' + hari / 10;
				s[7] = '0' + hari % 10;
				s[8] = '0' + bulan / 10;
				s[9] = '0' + bulan % 10;
				tambah_nik(nik, &k, s);
			}
		}
	}
	else if (n == IDENTITAS_DIGIT - 1)
	{
		for (int p = 0; p <= n; p++)
			for (char c = '0'; c <= '9'; c++)
			{
				memcpy(s, d, p);
				s[p] = c;
				memcpy(s + p + 1, d + p, n - p);
				tambah_nik(nik, &k, s);
			}
	}
	else if (n == IDENTITAS_DIGIT + 1)
	{
		for (int p = 0; p < n; p++)
		{
			memcpy(s, d, p);
			memcpy(s + p, d + p + 1, n - p - 1);
			tambah_nik(nik, &k, s);
		}
	}
	if (k > 1)
	{
		qsort(nik, k, sizeof(int64), banding_int64);
		for (int i = 0; i < k; i++)
			if (u == 0 || nik[i] != nik[u - 1])
				nik[u++] = nik[i];
	}
	else
		u = k;
	return u;
}

PG_FUNCTION_INFO_V1(nik_sekitar);

/* dtks.nik_sekitar(teks text): padan_nik_sekitar as an array of dtks.nik. */
Datum
nik_sekitar(PG_FUNCTION_ARGS)
{
	int64		nik[PADAN_SEKITAR_MAKS];
	int			u = padan_nik_sekitar(PG_GETARG_TEXT_PP(0), nik);
	Datum	   *isi = palloc(sizeof(Datum) * Max(u, 1));

	for (int i = 0; i < u; i++)
		isi[i] = Int64GetDatum(nik[i]);
	PG_RETURN_ARRAYTYPE_P(construct_array(isi, u, get_element_type(get_func_rettype(fcinfo->flinfo->fn_oid)),
										  sizeof(int64), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

/* Add a date to the list when the calendar has it. */
static void
tambah_tanggal(DateADT *t, int *n, int y, int m, int d)
{
	if (m < 1 || m > 12 || d < 1 || d > day_tab[isleap(y)][m - 1] || !IS_VALID_JULIAN(y, m, d))
		return;
	t[(*n)++] = date2j(y, m, d) - POSTGRES_EPOCH_JDATE;
}

/*
 * The date, the days before and after it, the same day of the months before and after, of the years before and
 * after, and the date with day and month swapped, each where the calendar has it: into t (room for
 * PADAN_TANGGAL_MAKS), sorted without repeats; how many (none for infinity).
 */
int
padan_tanggal_sekitar(DateADT a, DateADT *t)
{
	int			n = 0;
	int			u = 0;
	int			y,
				m,
				d;

	if (DATE_NOT_FINITE(a))
		return 0;
	j2date(a + POSTGRES_EPOCH_JDATE, &y, &m, &d);
	t[n++] = a;
	t[n++] = a - 1;
	t[n++] = a + 1;
	tambah_tanggal(t, &n, m == 1 ? y - 1 : y, m == 1 ? 12 : m - 1, d);
	tambah_tanggal(t, &n, m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, d);
	tambah_tanggal(t, &n, y - 1, m, d);
	tambah_tanggal(t, &n, y + 1, m, d);
	if (d != m)
		tambah_tanggal(t, &n, y, d, m);
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && t[j - 1] > t[j]; j--)
		{
			DateADT		x = t[j];

			t[j] = t[j - 1];
			t[j - 1] = x;
		}
	for (int i = 0; i < n; i++)
		if (u == 0 || t[i] != t[u - 1])
			t[u++] = t[i];
	return u;
}

/* The date with day and month swapped, where the calendar has it and it is another date. */
bool
padan_tanggal_tertukar(DateADT a, DateADT *b)
{
	DateADT		t[1];
	int			n = 0;
	int			y,
				m,
				d;

	if (DATE_NOT_FINITE(a))
		return false;
	j2date(a + POSTGRES_EPOCH_JDATE, &y, &m, &d);
	if (d == m)
		return false;
	tambah_tanggal(t, &n, y, d, m);
	if (n == 1)
		*b = t[0];
	return n == 1;
}

PG_FUNCTION_INFO_V1(tanggal_sekitar);

/* dtks.tanggal_sekitar(tanggal date): padan_tanggal_sekitar as an array. */
Datum
tanggal_sekitar(PG_FUNCTION_ARGS)
{
	DateADT		t[PADAN_TANGGAL_MAKS];
	Datum		isi[PADAN_TANGGAL_MAKS];
	int			n = padan_tanggal_sekitar(PG_GETARG_DATEADT(0), t);

	if (n == 0)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(DATEOID));
	for (int i = 0; i < n; i++)
		isi[i] = DateADTGetDatum(t[i]);
	PG_RETURN_ARRAYTYPE_P(construct_array(isi, n, DATEOID, sizeof(DateADT), true, TYPALIGN_INT));
}

PG_FUNCTION_INFO_V1(tanggal_dari_teks);

/* dtks.tanggal_dari_teks(teks text): the date of text written YYYY-MM-DD (surrounding spaces allowed), else NULL. */
Datum
tanggal_dari_teks(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(t);
	int			len = VARSIZE_ANY_EXHDR(t);
	int			y = 0,
				m = 0,
				d = 0;

	while (len > 0 && s[0] == ' ')
		s++, len--;
	while (len > 0 && s[len - 1] == ' ')
		len--;
	if (len != 10 || s[4] != '-' || s[7] != '-')
		PG_RETURN_NULL();
	for (int i = 0; i < 10; i++)
	{
		if (i == 4 || i == 7)
			continue;
		if (s[i] < '0' || s[i] > '9')
			PG_RETURN_NULL();
		if (i < 4)
			y = y * 10 + (s[i] - '0');
		else if (i < 7)
			m = m * 10 + (s[i] - '0');
		else
			d = d * 10 + (s[i] - '0');
	}
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > day_tab[isleap(y)][m - 1])
		PG_RETURN_NULL();
	PG_RETURN_DATEADT(date2j(y, m, d) - POSTGRES_EPOCH_JDATE);
}
