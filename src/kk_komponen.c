/*
 * kk_komponen.c
 *		Connected components of families (union-find), for dtks.kk_komponen().
 *
 * Two KKs are connected when a person was a member of both at any time
 * (dtks.keanggotaan, all history) or when they share a household.  The tables
 * are read once each through SPI cursors; every family gets a dense index,
 * people and households map to the first family seen with them, and each
 * later sighting unions its family with that one.  Union by size with path
 * halving makes the whole pass near-linear.  A component is labelled by its
 * smallest KK number, so that any other method can be compared row for row.
 */
#include "postgres.h"

#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/hsearch.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"

#define BARIS_PER_AMBIL 10000

/* A key (KK, NIK or household) and the family index it maps to. */
typedef struct Peta
{
	int64		kunci;
	int32		indeks;
} Peta;

/* The union-find forest over the families. */
typedef struct Hutan
{
	int64	   *no_kk;			/* KK number of each family index */
	int32	   *induk;			/* parent in the forest */
	int32	   *ukuran;			/* component size, valid at roots */
	int32		jumlah;
	int32		kapasitas;
	HTAB	   *indeks_kk;		/* KK number -> family index */
} Hutan;

/* A hash map from int64 keys to family indexes. */
static HTAB *
peta_baru(const char *nama, long perkiraan)
{
	HASHCTL		ctl;

	ctl.keysize = sizeof(int64);
	ctl.entrysize = sizeof(Peta);
	ctl.hcxt = CurrentMemoryContext;
	return hash_create(nama, perkiraan, &ctl, HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
}

/* The index of a KK, adding it as its own component if new. */
static int32
indeks_keluarga(Hutan *h, int64 no_kk)
{
	bool		ada;
	Peta	   *p = hash_search(h->indeks_kk, &no_kk, HASH_ENTER, &ada);

	if (ada)
		return p->indeks;
	if (h->jumlah == h->kapasitas)
	{
		h->kapasitas *= 2;
		h->no_kk = repalloc_huge(h->no_kk, sizeof(int64) * h->kapasitas);
		h->induk = repalloc_huge(h->induk, sizeof(int32) * h->kapasitas);
		h->ukuran = repalloc_huge(h->ukuran, sizeof(int32) * h->kapasitas);
	}
	p->indeks = h->jumlah;
	h->no_kk[p->indeks] = no_kk;
	h->induk[p->indeks] = p->indeks;
	h->ukuran[p->indeks] = 1;
	h->jumlah++;
	return p->indeks;
}

/* The root of a family's component, halving the path on the way. */
static int32
akar(Hutan *h, int32 i)
{
	while (h->induk[i] != i)
	{
		h->induk[i] = h->induk[h->induk[i]];
		i = h->induk[i];
	}
	return i;
}

/* Join the components of two families, the smaller under the larger. */
static void
satukan(Hutan *h, int32 a, int32 b)
{
	a = akar(h, a);
	b = akar(h, b);
	if (a == b)
		return;
	if (h->ukuran[a] < h->ukuran[b])
	{
		int32		t = a;

		a = b;
		b = t;
	}
	h->induk[b] = a;
	h->ukuran[a] += h->ukuran[b];
}

/*
 * Read (key, no_kk) pairs from a query; each family joins the component of
 * the first family seen with the same key.
 */
static void
hubungkan(Hutan *h, const char *kueri, const char *nama_peta)
{
	HTAB	   *pertama = peta_baru(nama_peta, 65536);
	SPIPlanPtr	rencana = SPI_prepare(kueri, 0, NULL);
	Portal		kursor;

	if (rencana == NULL)
		elog(ERROR, "kk_komponen: SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
	kursor = SPI_cursor_open(NULL, rencana, NULL, NULL, true);
	for (;;)
	{
		SPI_cursor_fetch(kursor, true, BARIS_PER_AMBIL);
		if (SPI_processed == 0)
			break;
		for (uint64 r = 0; r < SPI_processed; r++)
		{
			HeapTuple	baris = SPI_tuptable->vals[r];
			TupleDesc	desc = SPI_tuptable->tupdesc;
			bool		null_kunci,
						null_kk;
			Datum		kunci = SPI_getbinval(baris, desc, 1, &null_kunci);
			Datum		no_kk = SPI_getbinval(baris, desc, 2, &null_kk);
			int32		i;
			int64		k;
			bool		ada;
			Peta	   *p;

			if (null_kk)
				continue;
			i = indeks_keluarga(h, DatumGetInt64(no_kk));
			if (null_kunci)
				continue;
			k = DatumGetInt64(kunci);
			p = hash_search(pertama, &k, HASH_ENTER, &ada);
			if (ada)
				satukan(h, p->indeks, i);
			else
				p->indeks = i;
		}
		SPI_freetuptable(SPI_tuptable);
	}
	SPI_cursor_close(kursor);
	SPI_freeplan(rencana);
	hash_destroy(pertama);
}

/* Connected components of all KKs, linked by shared members over time and shared households */
PG_FUNCTION_INFO_V1(kk_komponen);
Datum
kk_komponen(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MemoryContext kerja = AllocSetContextCreate(CurrentMemoryContext, "kk_komponen",
												ALLOCSET_DEFAULT_SIZES);
	MemoryContext asal;
	Hutan		h;
	int64	   *terkecil;

	InitMaterializedSRF(fcinfo, 0);
	asal = MemoryContextSwitchTo(kerja);

	h.kapasitas = 1024;
	h.jumlah = 0;
	h.no_kk = palloc(sizeof(int64) * h.kapasitas);
	h.induk = palloc(sizeof(int32) * h.kapasitas);
	h.ukuran = palloc(sizeof(int32) * h.kapasitas);
	h.indeks_kk = peta_baru("kk_komponen families", 65536);

	SPI_connect();
	hubungkan(&h, "SELECT f.rumah_tangga_id, f.no_kk FROM dtks.keluarga f", "kk_komponen households");
	hubungkan(&h, "SELECT m.nik, m.no_kk FROM dtks.keanggotaan m", "kk_komponen people");
	SPI_finish();

	/* label each component by its smallest KK number */
	terkecil = palloc_extended(sizeof(int64) * Max(h.jumlah, 1), MCXT_ALLOC_HUGE);
	for (int32 i = 0; i < h.jumlah; i++)
		terkecil[i] = PG_INT64_MAX;
	for (int32 i = 0; i < h.jumlah; i++)
	{
		int32		r = akar(&h, i);

		terkecil[r] = Min(terkecil[r], h.no_kk[i]);
	}

	MemoryContextSwitchTo(asal);
	for (int32 i = 0; i < h.jumlah; i++)
	{
		int32		r = akar(&h, i);
		Datum		nilai[3];
		bool		kosong[3] = {false, false, false};

		nilai[0] = Int64GetDatum(h.no_kk[i]);
		nilai[1] = Int64GetDatum(terkecil[r]);
		nilai[2] = Int32GetDatum(h.ukuran[r]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, nilai, kosong);
	}
	MemoryContextDelete(kerja);
	return (Datum) 0;
}
