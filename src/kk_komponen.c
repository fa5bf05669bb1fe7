/*
 * kk_komponen.c
 *		Connected components of families (union-find), for dtks.kk_komponen().
 *
 * Two KKs are connected when a person was a member of both at any time
 * (dtks.keanggotaan, all history) or when they share a household.  Each table
 * is read once with a plain sequential scan (after the SELECT privilege
 * check; a table under row-level security for the caller is refused, since a
 * partial view would give wrong components).  Every keluarga row gets a dense
 * family index.  The pairs read, (KK, family), (household, family) and
 * (KK, NIK), are split by hash into partitions of a few thousand, so that
 * every hash table built afterwards fits in cache: one random lookup per row
 * into a table of a million keys was most of the cost.  Partition by
 * partition, memberships get their family index, then each person or
 * household maps to the first family seen with it and every later sighting
 * unions its family with that one.  Union by size with path halving makes
 * the pass near-linear.  A component is labelled by its smallest KK number,
 * kept at its root, so that any other method can be compared row for row.
 */
#include "postgres.h"

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/genam.h"
#include "access/itup.h"
#include "access/table.h"
#include "catalog/pg_am_d.h"
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
#include "storage/bufmgr.h"
#include "hash_kunci.h"
#include "kemajuan.h"

/* A hash table entry: a key (KK, NIK or household) and the family index it maps to. */
typedef struct Peta
{
	int64		kunci;
	int32		indeks;
	char		status;
} Peta;

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
	int64	   *terkecil;		/* smallest KK number of the component, valid at roots */
	int32		jumlah;
	int32		kapasitas;
} Hutan;

/* Add a KK as a family of its own and return its index. */
static int32
tambah_keluarga(Hutan *h, int64 no_kk)
{
	if (h->jumlah == h->kapasitas)
	{
		if (h->kapasitas >= PG_INT32_MAX / 2)
			elog(ERROR, "kk_komponen: too many families");
		h->kapasitas = h->kapasitas == 0 ? 1024 : h->kapasitas * 2;
		if (h->no_kk == NULL)
		{
			h->no_kk = palloc_extended(sizeof(int64) * h->kapasitas, MCXT_ALLOC_HUGE);
			h->induk = palloc_extended(sizeof(int32) * h->kapasitas, MCXT_ALLOC_HUGE);
			h->ukuran = palloc_extended(sizeof(int32) * h->kapasitas, MCXT_ALLOC_HUGE);
			h->terkecil = palloc_extended(sizeof(int64) * h->kapasitas, MCXT_ALLOC_HUGE);
		}
		else
		{
			h->no_kk = repalloc_huge(h->no_kk, sizeof(int64) * h->kapasitas);
			h->induk = repalloc_huge(h->induk, sizeof(int32) * h->kapasitas);
			h->ukuran = repalloc_huge(h->ukuran, sizeof(int32) * h->kapasitas);
			h->terkecil = repalloc_huge(h->terkecil, sizeof(int64) * h->kapasitas);
		}
	}
	h->no_kk[h->jumlah] = no_kk;
	h->induk[h->jumlah] = h->jumlah;
	h->ukuran[h->jumlah] = 1;
	h->terkecil[h->jumlah] = no_kk;
	return h->jumlah++;
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
	h->terkecil[a] = Min(h->terkecil[a], h->terkecil[b]);
}

/* A key and a value: (household, family index), (KK, family index), (KK, NIK) or (NIK, family index). */
typedef struct Pasangan
{
	int64		kunci;
	int64		nilai;
} Pasangan;

/*
 * Pairs split by the top bits of their key's hash into partitions of about
 * 16k pairs, so that the hash table built over one partition stays in cache.
 * Random lookups into one big table were most of the cost at 1M members.
 */
typedef struct Sekat
{
	int			bit;			/* log2 of the number of partitions */
	Pasangan  **isi;
	int32	   *jumlah;
	int32	   *kapasitas;
} Sekat;

/* The number of partition bits for about n pairs. */
static int
bit_sekat(double n)
{
	int			bit = 0;

	while (bit < 12 && 4096.0 * (1 << bit) < n)
		bit++;
	return bit;
}

/* Empty partitions (2^bit of them) for about n pairs. */
static void
sekat_buat(Sekat *s, int bit, double n)
{
	int			bagian = 1 << bit;
	int32		awal = (int32) Min(Max(n / bagian * 1.2, 64), 1 << 20);

	s->bit = bit;
	s->isi = palloc(sizeof(Pasangan *) * bagian);
	s->jumlah = palloc0(sizeof(int32) * bagian);
	s->kapasitas = palloc(sizeof(int32) * bagian);
	for (int b = 0; b < bagian; b++)
	{
		s->kapasitas[b] = awal;
		s->isi[b] = palloc_extended(sizeof(Pasangan) * awal, MCXT_ALLOC_HUGE);
	}
}

/* Append a pair to its key's partition. */
static inline void
sekat_tambah(Sekat *s, int64 kunci, int64 nilai)
{
	int			b = s->bit == 0 ? 0 : (int) (hash_kunci(kunci) >> (32 - s->bit));

	if (unlikely(s->jumlah[b] == s->kapasitas[b]))
	{
		if (s->kapasitas[b] >= PG_INT32_MAX / 2)
			elog(ERROR, "kk_komponen: too many rows in one partition");
		s->kapasitas[b] *= 2;
		s->isi[b] = repalloc_huge(s->isi[b], sizeof(Pasangan) * s->kapasitas[b]);
	}
	s->isi[b][s->jumlah[b]].kunci = kunci;
	s->isi[b][s->jumlah[b]].nilai = nilai;
	s->jumlah[b]++;
}

/* Release one partition. */
static void
sekat_lepas(Sekat *s, int b)
{
	pfree(s->isi[b]);
	s->isi[b] = NULL;
}

/* The pairs in every partition (for the progress report). */
static int64
sekat_jumlah(const Sekat *s)
{
	int64		n = 0;

	for (int b = 0; b < (1 << s->bit); b++)
		n += s->isi[b] != NULL ? s->jumlah[b] : 0;
	return n;
}

/* Union every family with the first family seen with the same key ((key, family index) pairs). */
static void
sekat_satukan(Hutan *h, Sekat *s)
{
	for (int b = 0; b < (1 << s->bit); b++)
	{
		peta_hash  *pertama;

		CHECK_FOR_INTERRUPTS();
		pertama = peta_create(CurrentMemoryContext, Max(s->jumlah[b] * 1.25, 64), NULL);
		for (int32 j = 0; j < s->jumlah[b]; j++)
		{
			bool		ada;
			Peta	   *p = peta_insert(pertama, s->isi[b][j].kunci, &ada);

			if (ada)
				satukan(h, p->indeks, (int32) s->isi[b][j].nilai);
			else
				p->indeks = (int32) s->isi[b][j].nilai;
		}
		peta_destroy(pertama);
		sekat_lepas(s, b);
	}
}

/*
 * Turn (KK, NIK) membership pairs into (NIK, family index) pairs, partition by
 * partition: kk holds (KK, family index) and anggota (KK, NIK), split the same
 * way.  A KK with members but no keluarga row becomes a family of its own.
 */
static void
sekat_petakan(Hutan *h, Sekat *kk, Sekat *anggota, Sekat *nik)
{
	Assert(kk->bit == anggota->bit);
	for (int b = 0; b < (1 << kk->bit); b++)
	{
		peta_hash  *indeks;

		CHECK_FOR_INTERRUPTS();
		indeks = peta_create(CurrentMemoryContext, Max(kk->jumlah[b] * 1.25, 64), NULL);
		for (int32 j = 0; j < kk->jumlah[b]; j++)
		{
			bool		ada;

			peta_insert(indeks, kk->isi[b][j].kunci, &ada)->indeks = (int32) kk->isi[b][j].nilai;
		}
		for (int32 j = 0; j < anggota->jumlah[b]; j++)
		{
			bool		ada;
			Peta	   *p = peta_insert(indeks, anggota->isi[b][j].kunci, &ada);

			if (!ada)
				p->indeks = tambah_keluarga(h, anggota->isi[b][j].kunci);
			sekat_tambah(nik, anggota->isi[b][j].nilai, p->indeks);
		}
		peta_destroy(indeks);
		sekat_lepas(kk, b);
		sekat_lepas(anggota, b);
	}
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

/* About how many rows a table has: its statistics, or its size when it was never analysed. */
static double
perkiraan_baris(Relation rel)
{
	double		n = rel->rd_rel->reltuples;

	if (n < 0)
		n = (double) RelationGetNumberOfBlocks(rel) * (BLCKSZ / 64);
	return n;
}

/*
 * Read every row of a table and hand its two bigint-like columns to olah
 * (a NULL is passed as absent).
 */
static void
baca_tabel(Relation rel, const char *kolom_a, const char *kolom_b,
		   void (*olah) (void *arg, int64 a, bool ada_a, int64 b, bool ada_b), void *arg)
{
	AttrNumber	attr_a = attnameAttNum(rel, kolom_a, false);
	AttrNumber	attr_b = attnameAttNum(rel, kolom_b, false);
	TableScanDesc scan = table_beginscan(rel, GetActiveSnapshot(), 0, NULL);
	TupleDesc	desc = RelationGetDescr(rel);
	uint32		baris = 0;

	if (rel->rd_rel->relam == HEAP_TABLE_AM_OID)
	{
		/* heap: read tuples in place, without a slot's per-row buffer pin */
		HeapTuple	tuple;

		while ((tuple = heap_getnext(scan, ForwardScanDirection)) != NULL)
		{
			bool		null_a,
						null_b;
			Datum		a = heap_getattr(tuple, attr_a, desc, &null_a);
			Datum		b = heap_getattr(tuple, attr_b, desc, &null_b);

			if ((++baris & 4095) == 0)
				CHECK_FOR_INTERRUPTS();
			olah(arg, null_a ? 0 : DatumGetInt64(a), !null_a, null_b ? 0 : DatumGetInt64(b), !null_b);
		}
	}
	else
	{
		TupleTableSlot *slot = table_slot_create(rel, NULL);

		while (table_scan_getnextslot(scan, ForwardScanDirection, slot))
		{
			bool		null_a,
						null_b;
			Datum		a = slot_getattr(slot, attr_a, &null_a);
			Datum		b = slot_getattr(slot, attr_b, &null_b);

			if ((++baris & 4095) == 0)
				CHECK_FOR_INTERRUPTS();
			olah(arg, null_a ? 0 : DatumGetInt64(a), !null_a, null_b ? 0 : DatumGetInt64(b), !null_b);
		}
		ExecDropSingleTupleTableSlot(slot);
	}
	table_endscan(scan);
}

/* What the keluarga pass fills: the families, and their KK and household pairs. */
typedef struct BacaKeluarga
{
	Hutan	   *h;
	Sekat	   *kk;				/* (KK, family index) */
	Sekat	   *rumah_tangga;	/* (household, family index) */
} BacaKeluarga;

/* One keluarga row (no_kk, rumah_tangga_id): a new family, filed by KK and by household. */
static void
olah_keluarga(void *arg, int64 no_kk, bool ada_kk, int64 rumah_tangga, bool ada_rt)
{
	BacaKeluarga *bk = (BacaKeluarga *) arg;
	int32		i;

	if (!ada_kk)
		return;
	i = tambah_keluarga(bk->h, no_kk);
	sekat_tambah(bk->kk, no_kk, i);
	if (ada_rt)
		sekat_tambah(bk->rumah_tangga, rumah_tangga, i);
}

/* One keanggotaan row (no_kk, nik), filed by KK. */
static void
olah_keanggotaan(void *arg, int64 no_kk, bool ada_kk, int64 nik, bool ada_nik)
{
	if (ada_kk && ada_nik)
		sekat_tambah((Sekat *) arg, no_kk, nik);
}

/* A membership to read from the heap: where the index points, and its NIK. */
typedef struct Rujukan
{
	ItemPointerData tid;
	int64		nik;
} Rujukan;

/* The memberships found through the index, and the NIK group being read. */
typedef struct Rujukan_daftar
{
	Rujukan    *isi;
	int64		jumlah;
	int64		kapasitas;
	int64		awal_kelompok;	/* first entry of the current NIK */
} Rujukan_daftar;

/* Order heap references by block and offset, so each page is read once. */
static int
banding_rujukan(const void *a, const void *b)
{
	const ItemPointerData *x = &((const Rujukan *) a)->tid;
	const ItemPointerData *y = &((const Rujukan *) b)->tid;
	BlockNumber bx = ItemPointerGetBlockNumberNoCheck(x);
	BlockNumber by = ItemPointerGetBlockNumberNoCheck(y);

	if (bx != by)
		return bx < by ? -1 : 1;
	return (int) ItemPointerGetOffsetNumberNoCheck(x) - (int) ItemPointerGetOffsetNumberNoCheck(y);
}

/* Close the current NIK group: a NIK with a single index entry links nothing and is dropped. */
static void
kelompok_tutup(Rujukan_daftar *d)
{
	if (d->jumlah - d->awal_kelompok < 2)
		d->jumlah = d->awal_kelompok;
	d->awal_kelompok = d->jumlah;
}

/*
 * Read the memberships that can link families through the NIK index: the
 * index lists NIKs in order, so a NIK with a single entry (most people) is
 * skipped without reading the heap.  The others are read from the heap in
 * physical order, following HOT chains, with the snapshot's visibility.
 * false when there is no usable btree index on keanggotaan (nik) or the table
 * is not a heap (the caller scans the table).
 */
static bool
baca_lewat_indeks_nik(Relation rel, Sekat *anggota)
{
	Oid			indeks_oid = get_relname_relid("keanggotaan_nik", RelationGetNamespace(rel));
	AttrNumber	a_nik = attnameAttNum(rel, "nik", false);
	AttrNumber	a_kk = attnameAttNum(rel, "no_kk", false);
	TupleDesc	desc = RelationGetDescr(rel);
	Snapshot	snapshot = GetActiveSnapshot();
	Relation	indeks;
	IndexScanDesc scan;
	ItemPointer tid;
	Rujukan_daftar d;
	uint32		baris = 0;
	int64		nik_kini = 0;
	Buffer		buf = InvalidBuffer;

	if (!OidIsValid(indeks_oid) || rel->rd_rel->relam != HEAP_TABLE_AM_OID)
		return false;
	indeks = index_open(indeks_oid, AccessShareLock);
	if (indeks->rd_rel->relam != BTREE_AM_OID || indeks->rd_index->indrelid != RelationGetRelid(rel) ||
		!indeks->rd_index->indisvalid || indeks->rd_index->indkey.values[0] != a_nik)
	{
		index_close(indeks, AccessShareLock);
		return false;
	}

	d.kapasitas = 65536;
	d.jumlah = 0;
	d.awal_kelompok = 0;
	d.isi = palloc_extended(sizeof(Rujukan) * d.kapasitas, MCXT_ALLOC_HUGE);
	scan = index_beginscan(rel, indeks, snapshot, 0, 0);
	scan->xs_want_itup = true;
	index_rescan(scan, NULL, 0, NULL, 0);
	while ((tid = index_getnext_tid(scan, ForwardScanDirection)) != NULL)
	{
		bool		null_nik;
		int64		nik = DatumGetInt64(index_getattr(scan->xs_itup, 1, scan->xs_itupdesc, &null_nik));

		if ((++baris & 4095) == 0)
			CHECK_FOR_INTERRUPTS();
		if (null_nik)
			continue;
		if (d.jumlah > d.awal_kelompok && nik != nik_kini)
			kelompok_tutup(&d);
		nik_kini = nik;
		if (d.jumlah == d.kapasitas)
		{
			d.kapasitas *= 2;
			d.isi = repalloc_huge(d.isi, sizeof(Rujukan) * d.kapasitas);
		}
		d.isi[d.jumlah].tid = *tid;
		d.isi[d.jumlah].nik = nik;
		d.jumlah++;
	}
	kelompok_tutup(&d);
	index_endscan(scan);
	index_close(indeks, AccessShareLock);

	/* the heap, page by page */
	qsort(d.isi, d.jumlah, sizeof(Rujukan), banding_rujukan);
	for (int64 i = 0; i < d.jumlah; i++)
	{
		BlockNumber blok = ItemPointerGetBlockNumber(&d.isi[i].tid);
		HeapTupleData tuple;
		bool		semua_mati;

		if ((i & 4095) == 0)
			CHECK_FOR_INTERRUPTS();
		if (!BufferIsValid(buf) || BufferGetBlockNumber(buf) != blok)
		{
			if (BufferIsValid(buf))
				UnlockReleaseBuffer(buf);
			buf = ReadBuffer(rel, blok);
			LockBuffer(buf, BUFFER_LOCK_SHARE);
		}
		if (heap_hot_search_buffer(&d.isi[i].tid, rel, buf, snapshot, &tuple, &semua_mati, true))
		{
			bool		null_kk;
			Datum		no_kk = heap_getattr(&tuple, a_kk, desc, &null_kk);

			if (!null_kk)
				sekat_tambah(anggota, DatumGetInt64(no_kk), d.isi[i].nik);
		}
	}
	if (BufferIsValid(buf))
		UnlockReleaseBuffer(buf);
	pfree(d.isi);
	return true;
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
	Relation	keluarga,
				keanggotaan;
	double		n_keluarga,
				n_keanggotaan;
	int			bit;
	Hutan		h = {0};
	Sekat		kk,
				anggota,
				rumah_tangga,
				nik;
	BacaKeluarga bk = {&h, &kk, &rumah_tangga};
	Kemajuan	kemajuan = {0};

	kemajuan_mulai(&kemajuan, "kk_komponen", NULL);
	InitMaterializedSRF(fcinfo, 0);
	asal = MemoryContextSwitchTo(kerja);

	keluarga = buka_tabel("keluarga");
	keanggotaan = buka_tabel("keanggotaan");
	n_keluarga = perkiraan_baris(keluarga);
	n_keanggotaan = perkiraan_baris(keanggotaan);

	/* KK pairs of both tables share one split, so a partition's memberships meet its families */
	bit = bit_sekat(Max(n_keluarga, n_keanggotaan));
	sekat_buat(&kk, bit, n_keluarga);
	sekat_buat(&anggota, bit, n_keanggotaan);
	sekat_buat(&rumah_tangga, bit_sekat(n_keluarga), n_keluarga);
	sekat_buat(&nik, bit_sekat(n_keanggotaan), n_keanggotaan);

	baca_tabel(keluarga, "no_kk", "rumah_tangga_id", olah_keluarga, &bk);
	kemajuan_lapor(&kemajuan, "families read", h.jumlah, true);
	if (!baca_lewat_indeks_nik(keanggotaan, &anggota))
		baca_tabel(keanggotaan, "no_kk", "nik", olah_keanggotaan, &anggota);
	if (KEMAJUAN_AKTIF())
		kemajuan_lapor(&kemajuan, "memberships read (those that can link families)", sekat_jumlah(&anggota), true);
	table_close(keanggotaan, AccessShareLock);
	table_close(keluarga, AccessShareLock);

	if (KEMAJUAN_AKTIF())
	{
		int64		n = sekat_jumlah(&rumah_tangga);

		sekat_satukan(&h, &rumah_tangga);
		kemajuan_lapor(&kemajuan, "families joined by household", n, true);
	}
	else
		sekat_satukan(&h, &rumah_tangga);
	sekat_petakan(&h, &kk, &anggota, &nik);
	if (KEMAJUAN_AKTIF())
	{
		int64		n = sekat_jumlah(&nik);

		sekat_satukan(&h, &nik);
		kemajuan_lapor(&kemajuan, "families joined by shared members", n, true);
	}
	else
		sekat_satukan(&h, &nik);

	MemoryContextSwitchTo(asal);
	for (int32 i = 0; i < h.jumlah; i++)
	{
		int32		r = akar(&h, i);
		Datum		nilai[3];
		bool		kosong[3] = {false, false, false};

		nilai[0] = Int64GetDatum(h.no_kk[i]);
		nilai[1] = Int64GetDatum(h.terkecil[r]);
		nilai[2] = Int32GetDatum(h.ukuran[r]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, nilai, kosong);
	}
	kemajuan_lapor(&kemajuan, "components written", h.jumlah, true);
	MemoryContextDelete(kerja);
	return (Datum) 0;
}
