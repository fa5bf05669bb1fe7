/*
 * skor.c
 *		The welfare scorer: score models read once per backend, scores in C.
 *
 * The models (dtks.skor_model, skor_bobot, skor_bobot_wilayah, skor_variabel)
 * are read with SPI the first time a backend scores, into a cache in
 * CacheMemoryContext.  A statement trigger on the model tables
 * (skor_model_berubah) sends a relcache invalidation for dtks.skor_model at
 * commit; every backend's callback then marks the cache stale and the next
 * call reads the models again.  A change to the registry tables' definition
 * (ALTER TABLE; also their statistics) reloads it too, so the cached row
 * types always match the rows scored.
 *
 * A score is the model's constant plus, for each weighted variable, the
 * contribution of the family's answer: the weight of its code (kode), the
 * weight if true (ya_tidak), or the weight per unit up to a limit (angka).
 * Weights have three decimals; they are added as integers in thousandths, so
 * the result is exact and equals the same sum done in numeric.  A region
 * override replaces a weight for households inside the region, the most
 * specific region winning.  A missing answer contributes nothing.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_type_d.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/typcache.h"

#include "kode_wilayah.h"
#include "spi_aman.h"

#define KODE_MAKS 128			/* codes 0..127 can be weighed */

/* Where a variable is read. */
typedef enum Sumber
{
	SUMBER_RUMAH_TANGGA,
	SUMBER_KELUARGA,
	SUMBER_KEPALA,
	SUMBER_RINGKASAN,
	JUMLAH_SUMBER
} Sumber;

/* The family summary's items, in the order of the ringkasan array. */
static const char *const ringkasan_nama[] = {
	"jumlah_anggota", "balita", "anak_sekolah", "lansia", "disabilitas", "bekerja", "luas_per_orang"
};
#define JUMLAH_RINGKASAN lengthof(ringkasan_nama)

/* How a variable is weighed. */
typedef enum Jenis
{
	JENIS_KODE,
	JENIS_YA_TIDAK,
	JENIS_ANGKA
} Jenis;

/* A weighted variable of one model, resolved to where its value is. */
typedef struct VariabelModel
{
	char	   *nama;
	Sumber		sumber;
	AttrNumber	attnum;			/* column of the row, or index in ringkasan (from 1) */
	Oid			tipe;			/* base type of the column: int2, int4 or bool */
	Jenis		jenis;
	int64		bobot;			/* thousandths: ya_tidak and angka */
	int32		batas;			/* angka: counted up to this; 0 = no limit */
	int64	   *bobot_kode;		/* thousandths per code (kode), KODE_MAKS entries */
	bool	   *ada_kode;		/* which codes have a weight */
} VariabelModel;

/* A region override: in this region, this variable (and code) weighs that much. */
typedef struct Pengganti
{
	int64		kode_wilayah;
	int			variabel;		/* index in the model's variables */
	int32		kode;			/* -1 for ya_tidak and angka */
	int64		bobot;
} Pengganti;

/* One model version. */
typedef struct Model
{
	char	   *versi;
	int64		konstanta;		/* thousandths */
	int			jumlah_variabel;
	VariabelModel *variabel;
	int			jumlah_pengganti;
	Pengganti  *pengganti;		/* sorted by region */
} Model;

/* The cache of every model, and the row types the variables are read from. */
static struct
{
	bool		sah;
	bool		callback_terdaftar;
	Oid			oid_skor_model;
	MemoryContext konteks;
	int			jumlah_model;
	Model	   *model;
	TupleDesc	desc[3];		/* rumah_tangga, keluarga, anggota */
	Oid			oid_tabel[3];	/* their relations: a change of their definition reloads */
	AttrNumber	attnum_wilayah; /* rumah_tangga.kode_wilayah */
	uint64		generasi;		/* bumped at every load, to validate per-call-site caches */
} cache;

/* Relcache callback: the model tables changed (or everything was invalidated). */
static void
skor_cache_basi(Datum arg pg_attribute_unused(), Oid relid)
{
	if (relid == InvalidOid || relid == cache.oid_skor_model ||
		relid == cache.oid_tabel[0] || relid == cache.oid_tabel[1] || relid == cache.oid_tabel[2])
		cache.sah = false;
}

/* The base type of a column of a dtks table, by name; error if missing. */
static AttrNumber
kolom_tabel(TupleDesc desc, const char *tabel, const char *kolom, Oid *tipe, const char *variabel)
{
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute a = TupleDescAttr(desc, i);

		if (!a->attisdropped && strcmp(NameStr(a->attname), kolom) == 0)
		{
			*tipe = getBaseType(a->atttypid);
			if (*tipe != INT2OID && *tipe != INT4OID && *tipe != BOOLOID)
				ereport(ERROR,
						errcode(ERRCODE_DATATYPE_MISMATCH),
						errmsg("score variable %s: column dtks.%s.%s is not a smallint, integer or boolean",
							   variabel, tabel, kolom),
						errdetail("The scorer reads codes, yes/no answers and counts; the column is %s.",
								  format_type_be(a->atttypid)));
			return a->attnum;
		}
	}
	ereport(ERROR,
			errcode(ERRCODE_UNDEFINED_COLUMN),
			errmsg("score variable %s: dtks.%s has no column %s", variabel, tabel, kolom),
			errdetail("Fix the variable's kolom in dtks.skor_variabel."));
	return InvalidAttrNumber;	/* not reached */
}

/* Order region overrides by region. */
static int
banding_pengganti(const void *a, const void *b)
{
	int64		x = ((const Pengganti *) a)->kode_wilayah;
	int64		y = ((const Pengganti *) b)->kode_wilayah;

	return x < y ? -1 : x > y ? 1 : 0;
}

/* The model with this version, or NULL. */
static Model *
cari_model(const char *versi)
{
	for (int i = 0; i < cache.jumlah_model; i++)
		if (strcmp(cache.model[i].versi, versi) == 0)
			return &cache.model[i];
	return NULL;
}

/* The variable index of a model, or -1. */
static int
cari_variabel(Model *m, const char *nama)
{
	for (int i = 0; i < m->jumlah_variabel; i++)
		if (strcmp(m->variabel[i].nama, nama) == 0)
			return i;
	return -1;
}

/* Read every model into the cache (SPI, as the caller, the search_path pinned: spi_aman.c). */
static void
muat_model(void)
{
	static const char *const tabel[3] = {"rumah_tangga", "keluarga", "anggota"};
	MemoryContext asal;
	SpiAman		aman;
	Oid			ns = get_namespace_oid("dtks", false);

	if (!cache.callback_terdaftar)
	{
		CacheRegisterRelcacheCallback(skor_cache_basi, (Datum) 0);
		cache.callback_terdaftar = true;
	}
	if (cache.konteks != NULL)
		MemoryContextDelete(cache.konteks);
	cache.konteks = AllocSetContextCreate(CacheMemoryContext, "dtks skor model", ALLOCSET_DEFAULT_SIZES);
	cache.sah = false;
	cache.oid_skor_model = get_relname_relid("skor_model", ns);

	spi_aman_masuk(&aman, InvalidOid, 0);
	SPI_connect();
	asal = MemoryContextSwitchTo(cache.konteks);
	for (int t = 0; t < 3; t++)
	{
		cache.oid_tabel[t] = get_relname_relid(tabel[t], ns);
		cache.desc[t] = lookup_rowtype_tupdesc_copy(get_rel_type_id(cache.oid_tabel[t]), -1);
	}
	MemoryContextSwitchTo(asal);
	cache.attnum_wilayah = InvalidAttrNumber;
	for (int i = 0; i < cache.desc[0]->natts; i++)
		if (!TupleDescAttr(cache.desc[0], i)->attisdropped &&
			strcmp(NameStr(TupleDescAttr(cache.desc[0], i)->attname), "kode_wilayah") == 0)
			cache.attnum_wilayah = i + 1;

	/* models and their constants */
	if (SPI_execute("SELECT versi, (konstanta OPERATOR(pg_catalog.*) 1000)::bigint FROM dtks.skor_model", true, 0) != SPI_OK_SELECT)
		elog(ERROR, "skor: could not read dtks.skor_model");
	cache.jumlah_model = (int) SPI_processed;
	cache.model = MemoryContextAllocZero(cache.konteks, sizeof(Model) * Max(cache.jumlah_model, 1));
	for (int i = 0; i < cache.jumlah_model; i++)
	{
		bool		null;

		cache.model[i].versi = MemoryContextStrdup(cache.konteks, SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1));
		cache.model[i].konstanta = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2, &null));
	}

	/* the variables each model weighs, with their base weights */
	if (SPI_execute("SELECT b.versi, b.variabel, v.sumber, v.kolom, v.jenis, b.kode, "
					"(b.bobot OPERATOR(pg_catalog.*) 1000)::bigint, b.batas "
					"FROM dtks.skor_bobot b JOIN dtks.skor_variabel v ON v.nama OPERATOR(pg_catalog.=) b.variabel "
					"ORDER BY b.versi, b.variabel, b.kode",
					true, 0) != SPI_OK_SELECT)
		elog(ERROR, "skor: could not read dtks.skor_bobot");
	for (uint64 r = 0; r < SPI_processed; r++)
	{
		HeapTuple	tup = SPI_tuptable->vals[r];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		bool		null_kode,
					null_batas,
					null;
		Model	   *m = cari_model(SPI_getvalue(tup, desc, 1));
		char	   *nama = SPI_getvalue(tup, desc, 2);
		char	   *sumber = SPI_getvalue(tup, desc, 3);
		char	   *kolom = SPI_getvalue(tup, desc, 4);
		char	   *jenis = SPI_getvalue(tup, desc, 5);
		int32		kode = DatumGetInt16(SPI_getbinval(tup, desc, 6, &null_kode));
		int64		bobot = DatumGetInt64(SPI_getbinval(tup, desc, 7, &null));
		int32		batas = DatumGetInt32(SPI_getbinval(tup, desc, 8, &null_batas));
		int			i;
		VariabelModel *v;

		if (m == NULL)
			continue;
		i = cari_variabel(m, nama);
		if (i < 0)
		{
			m->variabel = m->variabel == NULL
				? MemoryContextAllocZero(cache.konteks, sizeof(VariabelModel) * 8)
				: (m->jumlah_variabel % 8 == 0
				   ? repalloc(m->variabel, sizeof(VariabelModel) * (m->jumlah_variabel + 8))
				   : m->variabel);
			i = m->jumlah_variabel++;
			v = &m->variabel[i];
			memset(v, 0, sizeof(VariabelModel));
			v->nama = MemoryContextStrdup(cache.konteks, nama);
			v->jenis = strcmp(jenis, "kode") == 0 ? JENIS_KODE : strcmp(jenis, "ya_tidak") == 0 ? JENIS_YA_TIDAK : JENIS_ANGKA;
			if (strcmp(sumber, "ringkasan") == 0)
			{
				v->sumber = SUMBER_RINGKASAN;
				v->tipe = INT4OID;
				for (int j = 0; j < (int) JUMLAH_RINGKASAN; j++)
					if (strcmp(ringkasan_nama[j], kolom) == 0)
						v->attnum = j + 1;
				if (v->attnum == 0)
					ereport(ERROR,
							errcode(ERRCODE_UNDEFINED_COLUMN),
							errmsg("score variable %s: the family summary has no item %s", nama, kolom),
							errdetail("The items are jumlah_anggota, balita, anak_sekolah, lansia, disabilitas, bekerja and luas_per_orang."));
			}
			else
			{
				v->sumber = strcmp(sumber, "rumah_tangga") == 0 ? SUMBER_RUMAH_TANGGA
					: strcmp(sumber, "keluarga") == 0 ? SUMBER_KELUARGA : SUMBER_KEPALA;
				v->attnum = kolom_tabel(cache.desc[v->sumber], v->sumber == SUMBER_KEPALA ? "anggota" : sumber,
										kolom, &v->tipe, nama);
			}
			if (v->jenis == JENIS_KODE)
			{
				v->bobot_kode = MemoryContextAllocZero(cache.konteks, sizeof(int64) * KODE_MAKS);
				v->ada_kode = MemoryContextAllocZero(cache.konteks, sizeof(bool) * KODE_MAKS);
			}
		}
		v = &m->variabel[i];
		if (v->jenis == JENIS_KODE)
		{
			if (null_kode || kode < 0 || kode >= KODE_MAKS)
				ereport(ERROR,
						errcode(ERRCODE_CHECK_VIOLATION),
						errmsg("score model %s: code of variable %s outside 0-%d", m->versi, nama, KODE_MAKS - 1),
						errdetail("The code is %s.", null_kode ? "NULL" : psprintf("%d", kode)));
			v->bobot_kode[kode] = bobot;
			v->ada_kode[kode] = true;
		}
		else
		{
			v->bobot = bobot;
			v->batas = null_batas ? 0 : batas;
		}
	}

	/* region overrides */
	if (SPI_execute("SELECT versi, kode_wilayah, variabel, kode, (bobot OPERATOR(pg_catalog.*) 1000)::bigint "
					"FROM dtks.skor_bobot_wilayah", true, 0) != SPI_OK_SELECT)
		elog(ERROR, "skor: could not read dtks.skor_bobot_wilayah");
	for (uint64 r = 0; r < SPI_processed; r++)
	{
		HeapTuple	tup = SPI_tuptable->vals[r];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		bool		null,
					null_kode;
		Model	   *m = cari_model(SPI_getvalue(tup, desc, 1));
		int			i;
		Pengganti  *p;

		if (m == NULL)
			continue;
		i = cari_variabel(m, SPI_getvalue(tup, desc, 3));
		if (i < 0)
			ereport(ERROR,
					errcode(ERRCODE_INVALID_OBJECT_DEFINITION),
					errmsg("score model %s: a region override weighs %s, which the model itself does not weigh",
						   m->versi, SPI_getvalue(tup, desc, 3)),
					errdetail("The override is in region %s.", SPI_getvalue(tup, desc, 2)),
					errhint("Give the variable a weight in dtks.skor_bobot first."));
		m->pengganti = m->pengganti == NULL
			? MemoryContextAlloc(cache.konteks, sizeof(Pengganti) * (SPI_processed + 1))
			: m->pengganti;
		p = &m->pengganti[m->jumlah_pengganti++];
		p->kode_wilayah = DatumGetInt64(SPI_getbinval(tup, desc, 2, &null));
		p->variabel = i;
		p->kode = DatumGetInt16(SPI_getbinval(tup, desc, 4, &null_kode));
		if (null_kode)
			p->kode = -1;
		p->bobot = DatumGetInt64(SPI_getbinval(tup, desc, 5, &null));
	}
	for (int i = 0; i < cache.jumlah_model; i++)
		if (cache.model[i].jumlah_pengganti > 1)
			qsort(cache.model[i].pengganti, cache.model[i].jumlah_pengganti, sizeof(Pengganti), banding_pengganti);
	SPI_finish();
	spi_aman_keluar(&aman);
	cache.generasi++;
	cache.sah = true;
}

/* The model of a version, reading the models again if they changed; error if unknown. */
static Model *
model_versi(const char *versi)
{
	Model	   *m;

	if (!cache.sah)
		muat_model();
	m = cari_model(versi);
	if (m == NULL)
		ereport(ERROR,
				errcode(ERRCODE_UNDEFINED_OBJECT),
				errmsg("score model \"%s\" does not exist", versi),
				errdetail("The versions are in dtks.skor_model."));
	return m;
}

/* The rows a family is scored from. */
typedef struct Masukan
{
	Datum	   *nilai[3];		/* deformed columns of rumah_tangga, keluarga, kepala (anggota) */
	bool	   *kosong[3];
	bool		ada[3];
	int32		ringkasan[JUMLAH_RINGKASAN];
	bool		ada_ringkasan[JUMLAH_RINGKASAN];
	int64		kode_wilayah;
	bool		ada_wilayah;
} Masukan;

/* Per call site: the model last used and the arrays the rows are deformed into. */
typedef struct SkorPanggilan
{
	uint64		generasi;
	Model	   *model;
	text	   *versi;			/* copy of the versi argument the model was found for */
	Masukan		in;
} SkorPanggilan;

/* The call site's state: the model for the versi argument (found again only when it or the cache changes). */
static SkorPanggilan *
panggilan(FunctionCallInfo fcinfo)
{
	SkorPanggilan *p = (SkorPanggilan *) fcinfo->flinfo->fn_extra;
	text	   *versi = PG_GETARG_TEXT_PP(4);

	if (p == NULL)
	{
		p = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(SkorPanggilan));
		fcinfo->flinfo->fn_extra = p;
	}
	if (!cache.sah || p->model == NULL || p->generasi != cache.generasi ||
		VARSIZE_ANY_EXHDR(versi) != VARSIZE_ANY_EXHDR(p->versi) ||
		memcmp(VARDATA_ANY(versi), VARDATA_ANY(p->versi), VARSIZE_ANY_EXHDR(versi)) != 0)
	{
		char	   *nama = text_to_cstring(versi);

		p->model = model_versi(nama);
		p->generasi = cache.generasi;
		if (p->versi != NULL)
			pfree(p->versi);
		p->versi = (text *) MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, VARSIZE_ANY(versi));
		memcpy(p->versi, versi, VARSIZE_ANY(versi));
		for (int t = 0; t < 3; t++)
		{
			if (p->in.nilai[t] == NULL)
			{
				p->in.nilai[t] = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(Datum) * MaxTupleAttributeNumber);
				p->in.kosong[t] = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(bool) * MaxTupleAttributeNumber);
			}
		}
	}
	return p;
}

/* Read the arguments (rumah_tangga, keluarga, kepala, ringkasan int[]) into a Masukan: each row deformed once. */
static void
baca_masukan(FunctionCallInfo fcinfo, Masukan *in)
{
	for (int t = 0; t < 3; t++)
	{
		in->ada[t] = !PG_ARGISNULL(t);
		if (in->ada[t])
		{
			HeapTupleHeader h = PG_GETARG_HEAPTUPLEHEADER(t);
			HeapTupleData baris;

			if (HeapTupleHeaderGetNatts(h) > cache.desc[t]->natts)
				ereport(ERROR,
						errcode(ERRCODE_DATATYPE_MISMATCH),
						errmsg("score: argument %d does not have the row type the models were read for", t + 1),
						errdetail("It has %d columns; the table has %d.", HeapTupleHeaderGetNatts(h), cache.desc[t]->natts));
			baris.t_len = HeapTupleHeaderGetDatumLength(h);
			ItemPointerSetInvalid(&baris.t_self);
			baris.t_tableOid = InvalidOid;
			baris.t_data = h;
			heap_deform_tuple(&baris, cache.desc[t], in->nilai[t], in->kosong[t]);
		}
	}
	memset(in->ada_ringkasan, 0, sizeof(in->ada_ringkasan));
	if (!PG_ARGISNULL(3))
	{
		ArrayType  *a = PG_GETARG_ARRAYTYPE_P(3);
		int			n;

		if (ARR_ELEMTYPE(a) != INT4OID || ARR_NDIM(a) > 1)
			ereport(ERROR,
					errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					errmsg("score: ringkasan must be a one-dimensional integer array"),
					errdetail("Pass dtks.skor_ringkasan(no_kk, acuan)."));
		n = ARR_NDIM(a) == 0 ? 0 : Min(ARR_DIMS(a)[0], (int) JUMLAH_RINGKASAN);
		if (!ARR_HASNULL(a))
		{
			int32	   *isi = (int32 *) ARR_DATA_PTR(a);

			for (int i = 0; i < n; i++)
			{
				in->ada_ringkasan[i] = true;
				in->ringkasan[i] = isi[i];
			}
		}
		else
		{
			Datum	   *nilai;
			bool	   *kosong;
			int			m;

			deconstruct_array(a, INT4OID, 4, true, TYPALIGN_INT, &nilai, &kosong, &m);
			for (int i = 0; i < n; i++)
			{
				in->ada_ringkasan[i] = !kosong[i];
				in->ringkasan[i] = kosong[i] ? 0 : DatumGetInt32(nilai[i]);
			}
		}
	}
	in->ada_wilayah = in->ada[0] && cache.attnum_wilayah != InvalidAttrNumber &&
		!in->kosong[0][cache.attnum_wilayah - 1];
	in->kode_wilayah = in->ada_wilayah ? DatumGetInt64(in->nilai[0][cache.attnum_wilayah - 1]) : 0;
}

/* A variable's answer for the family: false if missing. */
static bool
nilai_variabel(VariabelModel *v, Masukan *in, int32 *nilai)
{
	Datum		d;

	if (v->sumber == SUMBER_RINGKASAN)
	{
		*nilai = in->ringkasan[v->attnum - 1];
		return in->ada_ringkasan[v->attnum - 1];
	}
	if (!in->ada[v->sumber] || in->kosong[v->sumber][v->attnum - 1])
		return false;
	d = in->nilai[v->sumber][v->attnum - 1];
	*nilai = v->tipe == INT2OID ? DatumGetInt16(d) : v->tipe == INT4OID ? DatumGetInt32(d) : (int32) DatumGetBool(d);
	return true;
}

/* The weight (thousandths) a variable's answer gets, overrides applied; false if none. */
static bool
bobot_jawaban(Model *m, int i, int32 nilai, Pengganti **berlaku, int n_berlaku, int64 *bobot)
{
	VariabelModel *v = &m->variabel[i];
	int32		kode = v->jenis == JENIS_KODE ? nilai : -1;
	bool		ada = false;

	if (v->jenis == JENIS_KODE)
	{
		if (nilai >= 0 && nilai < KODE_MAKS && v->ada_kode[nilai])
		{
			*bobot = v->bobot_kode[nilai];
			ada = true;
		}
	}
	else
	{
		*bobot = v->bobot;
		ada = true;
	}
	/* overrides, least specific region first, so the most specific is applied last */
	for (int j = 0; j < n_berlaku; j++)
		if (berlaku[j]->variabel == i && berlaku[j]->kode == kode)
		{
			*bobot = berlaku[j]->bobot;
			ada = true;
		}
	return ada;
}

/* The overrides that hold for a household's region, least specific first. */
static int
pengganti_wilayah(Model *m, Masukan *in, Pengganti **hasil, int maks)
{
	int			n = 0;

	if (m->jumlah_pengganti == 0 || !in->ada_wilayah)
		return 0;
	for (int tingkat = 1; tingkat <= 4; tingkat++)
	{
		int64		leluhur = kode_wilayah_leluhur_pada(in->kode_wilayah, tingkat);
		int			lo = 0,
					hi = m->jumlah_pengganti;

		if (tingkat > kode_wilayah_tingkat(in->kode_wilayah))
			break;
		while (lo < hi)
		{
			int			mid = (lo + hi) / 2;

			if (m->pengganti[mid].kode_wilayah < leluhur)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < m->jumlah_pengganti && m->pengganti[lo].kode_wilayah == leluhur && n < maks; lo++)
			hasil[n++] = &m->pengganti[lo];
	}
	return n;
}

/* A variable's contribution (thousandths) for its answer and weight. */
static inline int64
kontribusi(VariabelModel *v, int32 nilai, int64 bobot)
{
	if (v->jenis == JENIS_ANGKA)
		return bobot * (int64) (v->batas > 0 ? Min(nilai, v->batas) : nilai);
	if (v->jenis == JENIS_YA_TIDAK)
		return nilai ? bobot : 0;
	return bobot;
}

#define PENGGANTI_MAKS 256

/* Welfare score of one family: skor_kesejahteraan(rumah_tangga, keluarga, kepala, ringkasan, versi) */
PG_FUNCTION_INFO_V1(skor_kesejahteraan_baris);
Datum
skor_kesejahteraan_baris(PG_FUNCTION_ARGS)
{
	SkorPanggilan *p;
	Model	   *m;
	Pengganti  *berlaku[PENGGANTI_MAKS];
	int			n_berlaku;
	int64		jumlah;

	if (PG_ARGISNULL(4))
		PG_RETURN_NULL();
	p = panggilan(fcinfo);
	m = p->model;
	baca_masukan(fcinfo, &p->in);
	n_berlaku = pengganti_wilayah(m, &p->in, berlaku, PENGGANTI_MAKS);
	jumlah = m->konstanta;
	for (int i = 0; i < m->jumlah_variabel; i++)
	{
		int32		nilai;
		int64		bobot;

		if (nilai_variabel(&m->variabel[i], &p->in, &nilai) &&
			bobot_jawaban(m, i, nilai, berlaku, n_berlaku, &bobot))
			jumlah += kontribusi(&m->variabel[i], nilai, bobot);
	}
	PG_RETURN_FLOAT8((double) jumlah / 1000.0);
}

/* Each variable's answer, weight and contribution: skor_rinci(rumah_tangga, keluarga, kepala, ringkasan, versi) */
PG_FUNCTION_INFO_V1(skor_rinci_baris);
Datum
skor_rinci_baris(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	SkorPanggilan *p;
	Model	   *m;
	Pengganti  *berlaku[PENGGANTI_MAKS];
	int			n_berlaku;

	InitMaterializedSRF(fcinfo, 0);
	if (PG_ARGISNULL(4))
		return (Datum) 0;
	p = panggilan(fcinfo);
	m = p->model;
	baca_masukan(fcinfo, &p->in);
	n_berlaku = pengganti_wilayah(m, &p->in, berlaku, PENGGANTI_MAKS);
	{
		Datum		v[4] = {CStringGetTextDatum("konstanta"), 0, Float8GetDatum(m->konstanta / 1000.0),
		Float8GetDatum(m->konstanta / 1000.0)};
		bool		n[4] = {false, true, false, false};

		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, v, n);
	}
	for (int i = 0; i < m->jumlah_variabel; i++)
	{
		int32		nilai = 0;
		int64		bobot = 0;
		bool		ada_nilai = nilai_variabel(&m->variabel[i], &p->in, &nilai);
		bool		ada_bobot = ada_nilai && bobot_jawaban(m, i, nilai, berlaku, n_berlaku, &bobot);
		Datum		v[4];
		bool		n[4] = {false, !ada_nilai, !ada_bobot, false};

		v[0] = CStringGetTextDatum(m->variabel[i].nama);
		v[1] = Int32GetDatum(nilai);
		v[2] = Float8GetDatum(bobot / 1000.0);
		v[3] = Float8GetDatum(ada_bobot ? kontribusi(&m->variabel[i], nilai, bobot) / 1000.0 : 0.0);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, v, n);
	}
	return (Datum) 0;
}

/* Statement trigger on the model tables: every backend reads the models again after commit */
PG_FUNCTION_INFO_V1(skor_model_berubah);
Datum
skor_model_berubah(PG_FUNCTION_ARGS)
{
	Oid			relid;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				errmsg("skor_model_berubah: not called as a trigger"),
				errdetail("It is a statement trigger function of the model tables."));
	relid = get_relname_relid("skor_model", get_namespace_oid("dtks", false));
	if (OidIsValid(relid))
		CacheInvalidateRelcacheByRelid(relid);
	cache.sah = false;			/* this backend at once, before commit too */
	return PointerGetDatum(NULL);
}
