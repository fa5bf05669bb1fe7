/*
 * registri_semua.c
 *		A fast pass over the whole registry that finds whether any registry
 *		rule could be broken, for the commit-time check of a bulk change.
 *
 * When a transaction changed more than half of the registry, the commit-time
 * check looks at every row.  The set-based query dtks.registri_pelanggaran()
 * does that with a dozen hash joins over a million rows; this pass reads each
 * table once into hash tables and an array and answers one question: is the
 * registry certainly clean?  It is a detector, not a judge: when it answers no
 * (or meets anything it does not expect), the caller runs the query, which
 * finds the violation and words the error.  So it must never call a broken
 * registry clean; calling a clean one suspect only costs time.
 *
 * The rules mirror dtks.registri_pelanggaran (sql/install/41_registri_aturan.sql):
 * references (membership -> person and KK, KK -> household and asal_no_kk),
 * rule 1 (no overlapping memberships of one NIK), rule 2 (one current
 * kepala keluarga per active KK, no current member in a nonaktif KK), rule 3
 * (at most one suami; suami male, istri female, beside a kepala of the other
 * sex), rule 4 (a household with active families names a kepala who is a
 * current member of one of them) and rule 5 (the household's region is a code
 * of dtks.wilayah).
 */
#include "postgres.h"

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "catalog/namespace.h"
#include "catalog/pg_am_d.h"
#include "catalog/pg_type_d.h"
#include "miscadmin.h"
#include "parser/parse_relation.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/lsyscache.h"
#include "storage/bufmgr.h"
#include "utils/rangetypes.h"
#include "utils/snapmgr.h"
#include "utils/typcache.h"

#include "registri_semua.h"
#include "hash_kunci.h"

/* A region code of the current edition. */
typedef struct Kode
{
	int64		kunci;
	char		status;
} Kode;

#define SH_PREFIX kode
#define SH_ELEMENT_TYPE Kode
#define SH_KEY_TYPE int64
#define SH_KEY kunci
#define SH_HASH_KEY(tb, key) hash_kunci(key)
#define SH_EQUAL(tb, a, b) ((a) == (b))
#define SH_SCOPE static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

/* A household: its kepala and what the families and memberships say about it. */
typedef struct RumahTangga
{
	int64		kunci;			/* id */
	int64		kepala;			/* kepala_nik */
	bool		ada_kepala;
	bool		keluarga_aktif; /* has an active family */
	bool		kepala_sah;		/* the kepala is a current member of an active family of it */
	char		status;
} RumahTangga;

#define SH_PREFIX rt
#define SH_ELEMENT_TYPE RumahTangga
#define SH_KEY_TYPE int64
#define SH_KEY kunci
#define SH_HASH_KEY(tb, key) hash_kunci(key)
#define SH_EQUAL(tb, a, b) ((a) == (b))
#define SH_SCOPE static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

/* A KK and the counts of its current members. */
typedef struct Keluarga
{
	int64		kunci;			/* no_kk */
	int64		rumah_tangga;
	int64		asal;
	bool		ada_asal;
	bool		aktif;
	char		jk_kepala;		/* sex of a current kepala keluarga, or 0 */
	char		status;
	int32		kepala;
	int32		suami;
	int32		istri;
	int32		anggota;
} Keluarga;

#define SH_PREFIX kk
#define SH_ELEMENT_TYPE Keluarga
#define SH_KEY_TYPE int64
#define SH_KEY kunci
#define SH_HASH_KEY(tb, key) hash_kunci(key)
#define SH_EQUAL(tb, a, b) ((a) == (b))
#define SH_SCOPE static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

/* A person and the recorded sex. */
typedef struct Orang
{
	int64		kunci;			/* nik */
	char		jk;
	char		status;
} Orang;

#define SH_PREFIX orang
#define SH_ELEMENT_TYPE Orang
#define SH_KEY_TYPE int64
#define SH_KEY kunci
#define SH_HASH_KEY(tb, key) hash_kunci(key)
#define SH_EQUAL(tb, a, b) ((a) == (b))
#define SH_SCOPE static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"


/* One membership period of a NIK, for rule 1: [awal, akhir) in days. */
typedef struct Masa
{
	int64		nik;
	int32		awal;
	int32		akhir;			/* PG_INT32_MAX when open */
} Masa;

#define KOLOM_MAKS 4

/* A scan of one dtks table and the columns read from each row. */
typedef struct Pindai
{
	Relation	rel;
	TableScanDesc scan;
	TupleDesc	desc;
	int			jumlah_kolom;
	AttrNumber	kolom[KOLOM_MAKS];
	Datum		nilai[KOLOM_MAKS];
	bool		kosong[KOLOM_MAKS];
	uint32		baris;
} Pindai;

/* Open a dtks table for a heap scan of the named columns; false if it is missing or not a heap. */
static bool
pindai_buka(Pindai *p, const char *tabel, int n, const char *const *kolom)
{
	Oid			relid = get_relname_relid(tabel, get_namespace_oid("dtks", false));

	if (!OidIsValid(relid))
		return false;
	p->rel = table_open(relid, AccessShareLock);
	if (p->rel->rd_rel->relam != HEAP_TABLE_AM_OID)
	{
		table_close(p->rel, AccessShareLock);
		return false;
	}
	Assert(n <= KOLOM_MAKS);
	p->jumlah_kolom = n;
	for (int i = 0; i < n; i++)
		p->kolom[i] = attnameAttNum(p->rel, kolom[i], false);
	p->desc = RelationGetDescr(p->rel);
	p->scan = table_beginscan(p->rel, GetActiveSnapshot(), 0, NULL);
	p->baris = 0;
	return true;
}

/* Read the next row's columns into p->nilai / p->kosong; false at the end. */
static bool
pindai_baris(Pindai *p)
{
	HeapTuple	tup = heap_getnext(p->scan, ForwardScanDirection);

	if (tup == NULL)
		return false;
	if ((++p->baris & 4095) == 0)
		CHECK_FOR_INTERRUPTS();
	for (int i = 0; i < p->jumlah_kolom; i++)
		p->nilai[i] = heap_getattr(tup, p->kolom[i], p->desc, &p->kosong[i]);
	return true;
}

/* End a scan. */
static void
pindai_tutup(Pindai *p)
{
	table_endscan(p->scan);
	table_close(p->rel, AccessShareLock);
}

/* A hash table size for the rows of a table (from its statistics or its size). */
static uint32
ukuran_untuk(Pindai *p)
{
	double		n = p->rel->rd_rel->reltuples;

	if (n < 0)
		n = (double) RelationGetNumberOfBlocks(p->rel) * (BLCKSZ / 64);
	n = Max(n, 1024) * 1.25;
	return (uint32) Min(n, (double) (PG_UINT32_MAX / 4));
}

/* Order membership periods by NIK, then start. */
static int
banding_masa(const void *a, const void *b)
{
	const Masa *x = (const Masa *) a;
	const Masa *y = (const Masa *) b;

	if (x->nik != y->nik)
		return x->nik < y->nik ? -1 : 1;
	if (x->awal != y->awal)
		return x->awal < y->awal ? -1 : 1;
	return 0;
}

/* The first character of a char(1)/text datum. */
static char
huruf_pertama(Datum d)
{
	text	   *t = DatumGetTextPP(d);

	return VARSIZE_ANY_EXHDR(t) > 0 ? VARDATA_ANY(t)[0] : 0;
}

/*
 * Is the whole registry certainly clean?  Reads the five tables once; false as
 * soon as something could break a rule (the caller then runs the query).
 */
bool
registri_semua_bersih(void)
{
	MemoryContext kerja = AllocSetContextCreate(CurrentMemoryContext, "registri_semua",
												ALLOCSET_DEFAULT_SIZES);
	MemoryContext asal = MemoryContextSwitchTo(kerja);
	TypeCacheEntry *rentang = lookup_type_cache(DATERANGEOID, TYPECACHE_RANGE_INFO);
	Pindai		p;
	kode_hash  *kode;
	rt_hash    *rt;
	kk_hash    *kk;
	orang_hash *orang;
	Masa	   *masa;
	int64		n_masa = 0,
				kapasitas_masa;
	bool		bersih = false;

	/* rule 5: the codes of the current edition */
	if (!pindai_buka(&p, "wilayah", 1, (const char *[]) {"kode"}))
		goto selesai;
	kode = kode_create(kerja, ukuran_untuk(&p), NULL);
	while (pindai_baris(&p))
	{
		bool		ada;

		if (!p.kosong[0])
			kode_insert(kode, DatumGetInt64(p.nilai[0]), &ada);
	}
	pindai_tutup(&p);

	/* households: rule 5 at once, the kepala kept for rule 4 */
	if (!pindai_buka(&p, "rumah_tangga", 3, (const char *[]) {"id", "kode_wilayah", "kepala_nik"}))
		goto selesai;
	rt = rt_create(kerja, ukuran_untuk(&p), NULL);
	while (pindai_baris(&p))
	{
		bool		ada;
		RumahTangga *r;

		if (p.kosong[0] || p.kosong[1] || kode_lookup(kode, DatumGetInt64(p.nilai[1])) == NULL)
			goto tutup;
		r = rt_insert(rt, DatumGetInt64(p.nilai[0]), &ada);
		r->ada_kepala = !p.kosong[2];
		r->kepala = p.kosong[2] ? 0 : DatumGetInt64(p.nilai[2]);
		r->keluarga_aktif = false;
		r->kepala_sah = false;
	}
	pindai_tutup(&p);

	/* families: their household exists; counts start at zero */
	if (!pindai_buka(&p, "keluarga", 4, (const char *[]) {"no_kk", "rumah_tangga_id", "status", "asal_no_kk"}))
		goto selesai;
	kk = kk_create(kerja, ukuran_untuk(&p), NULL);
	while (pindai_baris(&p))
	{
		bool		ada;
		RumahTangga *r;
		Keluarga   *f;

		if (p.kosong[0] || p.kosong[1] || p.kosong[2] ||
			(r = rt_lookup(rt, DatumGetInt64(p.nilai[1]))) == NULL)
			goto tutup;
		f = kk_insert(kk, DatumGetInt64(p.nilai[0]), &ada);
		f->rumah_tangga = DatumGetInt64(p.nilai[1]);
		f->aktif = strcmp(TextDatumGetCString(p.nilai[2]), "aktif") == 0;
		f->ada_asal = !p.kosong[3];
		f->asal = p.kosong[3] ? 0 : DatumGetInt64(p.nilai[3]);
		f->jk_kepala = 0;
		f->kepala = f->suami = f->istri = f->anggota = 0;
		if (f->aktif)
			r->keluarga_aktif = true;
	}
	pindai_tutup(&p);

	/* people and their recorded sex */
	if (!pindai_buka(&p, "anggota", 2, (const char *[]) {"nik", "jenis_kelamin"}))
		goto selesai;
	orang = orang_create(kerja, ukuran_untuk(&p), NULL);
	while (pindai_baris(&p))
	{
		bool		ada;

		if (p.kosong[0] || p.kosong[1])
			goto tutup;
		orang_insert(orang, DatumGetInt64(p.nilai[0]), &ada)->jk = huruf_pertama(p.nilai[1]);
	}
	pindai_tutup(&p);

	/* memberships: references, current counts and sexes, rule 4's kepala, periods for rule 1 */
	if (!pindai_buka(&p, "keanggotaan", 4, (const char *[]) {"nik", "no_kk", "shdk", "berlaku"}))
		goto selesai;
	kapasitas_masa = Max(ukuran_untuk(&p), 1024);
	masa = palloc_extended(sizeof(Masa) * kapasitas_masa, MCXT_ALLOC_HUGE);
	{
		Keluarga   *f = NULL;
		int64		kk_terakhir = 0;

		while (pindai_baris(&p))
		{
			int64		nik = DatumGetInt64(p.nilai[0]);
			RangeBound	bawah,
						atas;
			bool		kosong;
			Orang	   *o;
			int16		shdk;

			if (p.kosong[0] || p.kosong[1] || p.kosong[2] || p.kosong[3])
				goto tutup;
			range_deserialize(rentang, DatumGetRangeTypeP(p.nilai[3]), &bawah, &atas, &kosong);
			o = orang_lookup(orang, nik);
			/* rows of one KK usually lie together: look it up once per run */
			if (f == NULL || DatumGetInt64(p.nilai[1]) != kk_terakhir)
			{
				kk_terakhir = DatumGetInt64(p.nilai[1]);
				f = kk_lookup(kk, kk_terakhir);
			}
			if (o == NULL || f == NULL || kosong || bawah.infinite)
				goto tutup;

			if (n_masa == kapasitas_masa)
			{
				kapasitas_masa *= 2;
				masa = repalloc_huge(masa, sizeof(Masa) * kapasitas_masa);
			}
			masa[n_masa].nik = nik;
			masa[n_masa].awal = DatumGetDateADT(bawah.val);
			masa[n_masa].akhir = atas.infinite ? PG_INT32_MAX : DatumGetDateADT(atas.val);
			n_masa++;

			if (!atas.infinite)
				continue;		/* closed: history, not a current member */
			shdk = DatumGetInt16(p.nilai[2]);
			f->anggota++;
			if (shdk == 1)
			{
				f->kepala++;
				f->jk_kepala = o->jk;
			}
			else if ((shdk == 2 && o->jk != 'L') || (shdk == 3 && o->jk != 'P'))
				goto tutup;		/* a suami or istri of the wrong sex */
			f->suami += shdk == 2;
			f->istri += shdk == 3;
			if (f->aktif)
			{
				RumahTangga *r = rt_lookup(rt, f->rumah_tangga);

				if (r != NULL && r->ada_kepala && r->kepala == nik)
					r->kepala_sah = true;
			}
		}
	}
	pindai_tutup(&p);

	/* rules 2 and 3 per KK, and the KK each came from */
	{
		kk_iterator it;
		Keluarga   *f;

		kk_start_iterate(kk, &it);
		while ((f = kk_iterate(kk, &it)) != NULL)
		{
			if ((f->aktif && f->kepala != 1) || (!f->aktif && f->anggota > 0) || f->suami > 1 ||
				(f->suami > 0 && f->jk_kepala != 'P') || (f->istri > 0 && f->jk_kepala != 'L') ||
				(f->ada_asal && kk_lookup(kk, f->asal) == NULL))
				goto selesai;
		}
	}

	/* rule 4 per household */
	{
		rt_iterator it;
		RumahTangga *r;

		rt_start_iterate(rt, &it);
		while ((r = rt_iterate(rt, &it)) != NULL)
		{
			if (r->ada_kepala ? !r->kepala_sah : r->keluarga_aktif)
				goto selesai;
		}
	}

	/* rule 1: periods of one NIK in start order never overlap */
	qsort(masa, n_masa, sizeof(Masa), banding_masa);
	for (int64 i = 1; i < n_masa; i++)
	{
		if ((i & 65535) == 0)
			CHECK_FOR_INTERRUPTS();
		if (masa[i].nik == masa[i - 1].nik && masa[i].awal < masa[i - 1].akhir)
			goto selesai;
		/* keep the furthest end seen for this NIK in the previous slot's place */
		if (masa[i].nik == masa[i - 1].nik && masa[i].akhir < masa[i - 1].akhir)
			masa[i].akhir = masa[i - 1].akhir;
	}
	bersih = true;
	goto selesai;

tutup:
	/* something may break a rule: stop reading */
	pindai_tutup(&p);
selesai:
	MemoryContextSwitchTo(asal);
	MemoryContextDelete(kerja);
	return bersih;
}
