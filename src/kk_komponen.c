/*
 * kk_komponen.c
 *		Connected components of families (union-find), for dtks.kk_komponen().
 *
 * Two KKs are connected when a person was a member of both at any time
 * (dtks.keanggotaan, all history) or when they share a household.  Each table
 * is read once with a plain sequential scan (after the SELECT privilege
 * check; a table under row-level security for the caller is refused, since a
 * partial view would give wrong components).  Every family gets a dense index,
 * people and households map to the first family seen with them, and each later
 * sighting unions its family with that one.  Union by size with path halving
 * makes the pass near-linear.  A component is labelled by its smallest KK
 * number, so that any other method can be compared row for row.
 */
#include "postgres.h"

#include "access/table.h"
#include "access/tableam.h"
#include "catalog/namespace.h"
#include "executor/tuptable.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "parser/parse_relation.h"
#include "utils/acl.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rls.h"
#include "utils/snapmgr.h"
#include "utils/tuplestore.h"

/* A key (KK, NIK or household) and the family index it maps to. */
typedef struct Peta
{
	int64		kunci;
	int32		indeks;
	char		status;
} Peta;

/* A 64-bit key to a 32-bit hash (the murmur3 finaliser). */
static inline uint32
hash_kunci(int64 kunci)
{
	uint64		h = (uint64) kunci;

	h ^= h >> 33;
	h *= UINT64CONST(0xff51afd7ed558ccd);
	h ^= h >> 33;
	h *= UINT64CONST(0xc4ceb9fe1a85ec53);
	h ^= h >> 33;
	return (uint32) h;
}

#define SH_PREFIX peta
#define SH_ELEMENT_TYPE Peta
#define SH_KEY_TYPE int64
#define SH_KEY kunci
#define SH_HASH_KEY(tb, key) hash_kunci(key)
#define SH_EQUAL(tb, a, b) ((a) == (b))
#define SH_SCOPE static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

/* The union-find forest over the families. */
typedef struct Hutan
{
	int64	   *no_kk;			/* KK number of each family index */
	int32	   *induk;			/* parent in the forest */
	int32	   *ukuran;			/* component size, valid at roots */
	int32		jumlah;
	int32		kapasitas;
	peta_hash  *indeks_kk;		/* KK number -> family index */
} Hutan;

/* The index of a KK, adding it as its own component if new. */
static int32
indeks_keluarga(Hutan *h, int64 no_kk)
{
	bool		ada;
	Peta	   *p = peta_insert(h->indeks_kk, no_kk, &ada);

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

/* Open a dtks table for a full read: SELECT privilege required, row-level security refused. */
static Relation
buka_tabel(const char *tabel)
{
	Oid			relid = get_relname_relid(tabel, get_namespace_oid("dtks", false));
	AclResult	hak;

	if (!OidIsValid(relid))
		ereport(ERROR,
				errcode(ERRCODE_UNDEFINED_TABLE),
				errmsg("kk_komponen: table dtks.%s does not exist", tabel));
	hak = pg_class_aclcheck(relid, GetUserId(), ACL_SELECT);
	if (hak != ACLCHECK_OK)
		aclcheck_error(hak, OBJECT_TABLE, get_rel_name(relid));
	if (check_enable_rls(relid, InvalidOid, false) == RLS_ENABLED)
		ereport(ERROR,
				errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				errmsg("kk_komponen needs all of dtks.%s, which row-level security limits for this role", tabel),
				errdetail("Components computed over part of the registry would be wrong."));
	return table_open(relid, AccessShareLock);
}

/*
 * Read (key, no_kk) from every row of a table; each family joins the component
 * of the first family seen with the same key.
 */
static void
hubungkan(Hutan *h, const char *tabel, const char *kolom_kunci)
{
	Relation	rel = buka_tabel(tabel);
	AttrNumber	a_kunci = attnameAttNum(rel, kolom_kunci, false);
	AttrNumber	a_kk = attnameAttNum(rel, "no_kk", false);
	peta_hash  *pertama = peta_create(CurrentMemoryContext, 65536, NULL);
	TupleTableSlot *slot = table_slot_create(rel, NULL);
	TableScanDesc scan = table_beginscan(rel, GetActiveSnapshot(), 0, NULL);

	while (table_scan_getnextslot(scan, ForwardScanDirection, slot))
	{
		bool		null_kunci,
					null_kk;
		Datum		kunci = slot_getattr(slot, a_kunci, &null_kunci);
		Datum		no_kk = slot_getattr(slot, a_kk, &null_kk);
		int32		i;
		bool		ada;
		Peta	   *p;

		CHECK_FOR_INTERRUPTS();
		if (null_kk)
			continue;
		i = indeks_keluarga(h, DatumGetInt64(no_kk));
		if (null_kunci)
			continue;
		p = peta_insert(pertama, DatumGetInt64(kunci), &ada);
		if (ada)
			satukan(h, p->indeks, i);
		else
			p->indeks = i;
	}
	table_endscan(scan);
	ExecDropSingleTupleTableSlot(slot);
	table_close(rel, AccessShareLock);
	peta_destroy(pertama);
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
	h.indeks_kk = peta_create(kerja, 65536, NULL);

	hubungkan(&h, "keluarga", "rumah_tangga_id");
	hubungkan(&h, "keanggotaan", "nik");

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
