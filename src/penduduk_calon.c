/*
 * penduduk_calon.c
 *		dtks.penduduk_calon: the candidate search of the Dukcapil extract
 *		behind dtks.cari_penduduk and the matching, by probes of its indexes.
 *
 * The channels in turn, each only when those before gave no record scoring
 * ambang_tautan:
 *   1. the typed NIK itself (penduduk_pkey), and the typed birth date and the
 *      same with day and month swapped inside the region
 *      (penduduk_tanggal_lahir, read from the index alone where the visibility
 *      map allows, as an index-only scan);
 *   2. the other birth dates one entry error from the typed one, the same way
 *      (part of step 1 for the order of the channels; skipped only when batas
 *      is 1 and no record of those dates could change the best candidate or
 *      its lead over the next);
 *   3. the valid NIKs one typing error from the typed digits (penduduk_pkey);
 *   4. when cari_nama, or when no date was typed: the name keys alike by
 *      trigrams (penduduk_nama_kunci through pg_trgm's %, one SPI query).
 * Each record is scored once by the kernel of padan.c (model dukcapil).  One
 * call per member, no plan, no executor: the matching calls it for every
 * member its typed NIK does not settle.
 *
 * Only the owner of dtks.penduduk (or a superuser) may call it: it reads the
 * table below the executor, so it checks SELECT on the table itself and
 * refuses a table with row security.
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/itup.h"
#include "access/relscan.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/visibilitymap.h"
#include "access/stratnum.h"
#include "catalog/namespace.h"
#include "catalog/pg_type_d.h"
#include "executor/spi.h"
#include "executor/tuptable.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "storage/predicate.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/rls.h"
#include "utils/snapmgr.h"

#include "banding.h"
#include "kode_wilayah.h"
#include "padan.h"
#include "spi_aman.h"

/* The columns of dtks.penduduk the search reads, and their place in penduduk_tanggal_lahir. */
typedef enum Kolom
{
	K_NIK,
	K_KK,
	K_KUNCI,
	K_LAHIR,
	K_JK,
	K_WILAYAH,
	K_JUMLAH
} Kolom;

static const char *const kolom_nama[K_JUMLAH] = {
	"nik", "no_kk", "nama_kunci", "tanggal_lahir", "jenis_kelamin", "kode_wilayah"
};

/* What a query's calls share (fn_extra): the relations, the columns and the comparison functions of the keys. */
typedef struct Penyiapan
{
	Oid			penduduk;
	Oid			indeks_nik;
	Oid			indeks_tanggal;
	AttrNumber	kolom_tabel[K_JUMLAH];	/* attribute numbers in dtks.penduduk */
	AttrNumber	kolom_tanggal[K_JUMLAH];	/* in penduduk_tanggal_lahir; 0 when not there */
	AttrNumber	kolom_hidup;	/* dtks.penduduk.hidup, for the breakdown */
	FmgrInfo	nik_sama;
	FmgrInfo	tanggal_sama;
	FmgrInfo	wilayah_ge;
	FmgrInfo	wilayah_le;
	Oid			tipe_nik;
	Oid			tipe_wilayah;
	TupleDesc	hasil;			/* the result's row type */
} Penyiapan;

/* One scored record. */
typedef struct Calon
{
	int64		nik;
	double		skor;
	PadanSisi	sisi;			/* kept (copied) only when the breakdown is asked for */
} Calon;

/* The records scored so far for one call. */
typedef struct Daftar
{
	Calon	   *isi;
	int			n;
	int			ruang;
	bool		simpan_sisi;
} Daftar;

/* A NIK or KK number as a text of its 16 digits, in caller-provided room. */
typedef union TeksNomor
{
	int32		panjang;
	char		isi[VARHDRSZ + 20];
} TeksNomor;

static SPIPlanPtr rencana_nama = NULL;
static SPIPlanPtr rencana_nama_lingkup = NULL;

/* The 16 digits of a number as text in t. */
static text *
teks_nomor(int64 v, TeksNomor *t)
{
	char	   *d = t->isi + VARHDRSZ;

	for (int i = 15; i >= 0; i--)
	{
		d[i] = '0' + (char) (v % 10);
		v /= 10;
	}
	SET_VARSIZE(t->isi, VARHDRSZ + 16);
	return (text *) t->isi;
}

/* The operator function of a btree strategy on an index column. */
static void
fungsi_kunci(Relation indeks, int kolom, Oid tipe, int16 strategi, FmgrInfo *f, MemoryContext cxt)
{
	Oid			op = get_opfamily_member(indeks->rd_opfamily[kolom], indeks->rd_opcintype[kolom], tipe, strategi);

	if (!OidIsValid(op))
		elog(ERROR, "penduduk_calon: index %s has no operator of strategy %d", RelationGetRelationName(indeks), strategi);
	fmgr_info_cxt(get_opcode(op), f, cxt);
}

/* Look up the table, its indexes and columns once per query; refuse a caller who may not read the table. */
static Penyiapan *
siapkan(FunctionCallInfo fcinfo)
{
	Penyiapan  *p = (Penyiapan *) fcinfo->flinfo->fn_extra;
	Oid			ns;
	Relation	t;
	Relation	ix;

	if (p != NULL)
		return p;
	p = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(Penyiapan));
	ns = get_namespace_oid("dtks", false);
	p->penduduk = get_relname_relid("penduduk", ns);
	p->indeks_nik = get_relname_relid("penduduk_pkey", ns);
	p->indeks_tanggal = get_relname_relid("penduduk_tanggal_lahir", ns);
	if (!OidIsValid(p->penduduk) || !OidIsValid(p->indeks_nik) || !OidIsValid(p->indeks_tanggal))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("the candidate search needs dtks.penduduk and its indexes"),
				 errdetail("penduduk_pkey or penduduk_tanggal_lahir is missing; the install script creates both.")));
	if (pg_class_aclcheck(p->penduduk, GetUserId(), ACL_SELECT) != ACLCHECK_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("the candidate search reads dtks.penduduk below the executor"),
				 errdetail("Role %s may not read dtks.penduduk.", GetUserNameFromId(GetUserId(), false))));
	if (check_enable_rls(p->penduduk, InvalidOid, true) == RLS_ENABLED)
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("the candidate search does not apply row security"),
				 errdetail("dtks.penduduk has row security for role %s.", GetUserNameFromId(GetUserId(), false))));

	t = table_open(p->penduduk, AccessShareLock);
	for (int k = 0; k < K_JUMLAH; k++)
	{
		p->kolom_tabel[k] = get_attnum(p->penduduk, kolom_nama[k]);
		if (p->kolom_tabel[k] == InvalidAttrNumber)
			elog(ERROR, "penduduk_calon: dtks.penduduk has no column %s", kolom_nama[k]);
	}
	p->kolom_hidup = get_attnum(p->penduduk, "hidup");
	if (p->kolom_hidup == InvalidAttrNumber)
		elog(ERROR, "penduduk_calon: dtks.penduduk has no column hidup");
	p->tipe_nik = TupleDescAttr(RelationGetDescr(t), p->kolom_tabel[K_NIK] - 1)->atttypid;
	p->tipe_wilayah = TupleDescAttr(RelationGetDescr(t), p->kolom_tabel[K_WILAYAH] - 1)->atttypid;
	table_close(t, AccessShareLock);

	ix = index_open(p->indeks_nik, AccessShareLock);
	if (ix->rd_index->indkey.values[0] != p->kolom_tabel[K_NIK])
		elog(ERROR, "penduduk_calon: penduduk_pkey is not on nik");
	fungsi_kunci(ix, 0, p->tipe_nik, BTEqualStrategyNumber, &p->nik_sama, fcinfo->flinfo->fn_mcxt);
	index_close(ix, AccessShareLock);

	ix = index_open(p->indeks_tanggal, AccessShareLock);
	if (ix->rd_index->indkey.values[0] != p->kolom_tabel[K_LAHIR] ||
		ix->rd_index->indkey.values[1] != p->kolom_tabel[K_WILAYAH])
		elog(ERROR, "penduduk_calon: penduduk_tanggal_lahir is not on (tanggal_lahir, kode_wilayah)");
	for (int i = 0; i < ix->rd_index->indnatts; i++)
		for (int k = 0; k < K_JUMLAH; k++)
			if (ix->rd_index->indkey.values[i] == p->kolom_tabel[k])
				p->kolom_tanggal[k] = i + 1;
	fungsi_kunci(ix, 0, DATEOID, BTEqualStrategyNumber, &p->tanggal_sama, fcinfo->flinfo->fn_mcxt);
	fungsi_kunci(ix, 1, p->tipe_wilayah, BTGreaterEqualStrategyNumber, &p->wilayah_ge, fcinfo->flinfo->fn_mcxt);
	fungsi_kunci(ix, 1, p->tipe_wilayah, BTLessEqualStrategyNumber, &p->wilayah_le, fcinfo->flinfo->fn_mcxt);
	index_close(ix, AccessShareLock);

	{
		MemoryContext asal = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		TupleDesc	td;

		if (get_call_result_type(fcinfo, NULL, &td) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "penduduk_calon: the result is not a row type");
		p->hasil = CreateTupleDescCopy(td);
		MemoryContextSwitchTo(asal);
	}
	fcinfo->flinfo->fn_extra = p;
	return p;
}

/* A record's side of the comparison from its column values (isnull per Kolom); texts point into the values. */
static void
sisi_dari(const Datum *v, const bool *null, PadanSisi *s, TeksNomor *nik, TeksNomor *kk)
{
	s->nik = teks_nomor(DatumGetInt64(v[K_NIK]), nik);
	s->kk = null[K_KK] ? NULL : teks_nomor(DatumGetInt64(v[K_KK]), kk);
	s->kunci = null[K_KUNCI] ? NULL : DatumGetTextPP(v[K_KUNCI]);
	s->ada_lahir = !null[K_LAHIR];
	s->lahir = s->ada_lahir ? DatumGetDateADT(v[K_LAHIR]) : 0;
	s->jk = null[K_JK] ? 0 : padan_jenis_kelamin(DatumGetTextPP(v[K_JK]));
	s->ada_wilayah = !null[K_WILAYAH];
	s->wilayah = s->ada_wilayah ? DatumGetInt64(v[K_WILAYAH]) : 0;
}

/* Score a record and add it to the list, once per NIK. */
static void
tambah(Daftar *d, const PadanSisi *ketik, const Datum *v, const bool *null)
{
	int64		nik = DatumGetInt64(v[K_NIK]);
	TeksNomor	tn,
				tk;
	PadanSisi	s;
	Calon	   *c;

	for (int i = 0; i < d->n; i++)
		if (d->isi[i].nik == nik)
			return;
	sisi_dari(v, null, &s, &tn, &tk);
	if (d->n == d->ruang)
	{
		d->ruang = d->ruang == 0 ? 16 : d->ruang * 2;
		d->isi = d->isi == NULL ? palloc(sizeof(Calon) * d->ruang) : repalloc(d->isi, sizeof(Calon) * d->ruang);
	}
	c = &d->isi[d->n++];
	c->nik = nik;
	c->skor = padan_skor(ketik, &s);
	if (d->simpan_sisi)
	{
		/* the breakdown is built at the end: keep copies of what the buffers and index tuples held */
		c->sisi = s;
		c->sisi.nik = (text *) palloc(VARHDRSZ + 16);
		memcpy(c->sisi.nik, s.nik, VARHDRSZ + 16);
		if (s.kk != NULL)
		{
			c->sisi.kk = (text *) palloc(VARHDRSZ + 16);
			memcpy(c->sisi.kk, s.kk, VARHDRSZ + 16);
		}
		if (s.kunci != NULL)
			c->sisi.kunci = (text *) PG_DETOAST_DATUM_COPY(PointerGetDatum(s.kunci));
	}
}

/* Does any record of the list score at least the threshold? */
static bool
ada_tautan(const Daftar *d, double ambang)
{
	for (int i = 0; i < d->n; i++)
		if (d->isi[i].skor >= ambang)
			return true;
	return false;
}

/* The best score of the list (which is not empty). */
static double
skor_terbaik(const Daftar *d)
{
	double		s = d->isi[0].skor;

	for (int i = 1; i < d->n; i++)
		s = Max(s, d->isi[i].skor);
	return s;
}

/* The columns of a heap tuple in the slot. */
static void
baca_slot(const Penyiapan *p, TupleTableSlot *slot, Datum *v, bool *null)
{
	for (int k = 0; k < K_JUMLAH; k++)
		v[k] = slot_getattr(slot, p->kolom_tabel[k], &null[k]);
}

/* Probe the primary key for each NIK (sorted), adding the records inside the region. */
static void
cari_nik(const Penyiapan *p, Relation t, Snapshot snap, const int64 *nik, int n, bool ada_lingkup, int64 lingkup,
		 Daftar *d, const PadanSisi *ketik)
{
	Relation	ix;
	IndexScanDesc scan;
	TupleTableSlot *slot;
	ScanKeyData kunci;

	if (n == 0)
		return;
	ix = index_open(p->indeks_nik, AccessShareLock);
	slot = table_slot_create(t, NULL);
#if PG_VERSION_NUM >= 180000
	scan = index_beginscan(t, ix, snap, NULL, 1, 0);
#else
	scan = index_beginscan(t, ix, snap, 1, 0);
#endif
	for (int i = 0; i < n; i++)
	{
		ScanKeyEntryInitializeWithInfo(&kunci, 0, 1, BTEqualStrategyNumber, p->tipe_nik,
									   ix->rd_indcollation[0], (FmgrInfo *) &p->nik_sama, Int64GetDatum(nik[i]));
		index_rescan(scan, &kunci, 1, NULL, 0);
		while (index_getnext_slot(scan, ForwardScanDirection, slot))
		{
			Datum		v[K_JUMLAH];
			bool		null[K_JUMLAH];

			baca_slot(p, slot, v, null);
			if (ada_lingkup && (null[K_WILAYAH] || !kode_wilayah_memuat(lingkup, DatumGetInt64(v[K_WILAYAH]))))
				continue;
			tambah(d, ketik, v, null);
		}
		CHECK_FOR_INTERRUPTS();
	}
	index_endscan(scan);
	ExecDropSingleTupleTableSlot(slot);
	index_close(ix, AccessShareLock);
}

/* Whether Dukcapil has a NIK alive: 1 or 0, -1 when the record is not visible. */
static int
hidup_nik(const Penyiapan *p, Relation t, Snapshot snap, int64 nik)
{
	Relation	ix = index_open(p->indeks_nik, AccessShareLock);
	TupleTableSlot *slot = table_slot_create(t, NULL);
	IndexScanDesc scan;
	ScanKeyData kunci;
	int			hidup = -1;

#if PG_VERSION_NUM >= 180000
	scan = index_beginscan(t, ix, snap, NULL, 1, 0);
#else
	scan = index_beginscan(t, ix, snap, 1, 0);
#endif
	ScanKeyEntryInitializeWithInfo(&kunci, 0, 1, BTEqualStrategyNumber, p->tipe_nik,
								   ix->rd_indcollation[0], (FmgrInfo *) &p->nik_sama, Int64GetDatum(nik));
	index_rescan(scan, &kunci, 1, NULL, 0);
	if (index_getnext_slot(scan, ForwardScanDirection, slot))
	{
		bool		null;
		Datum		v = slot_getattr(slot, p->kolom_hidup, &null);

		hidup = null ? -1 : DatumGetBool(v) ? 1 : 0;
	}
	index_endscan(scan);
	ExecDropSingleTupleTableSlot(slot);
	index_close(ix, AccessShareLock);
	return hidup;
}

/* Scan penduduk_tanggal_lahir for each date (inside the region), from the index tuple where the page is all visible. */
static void
cari_tanggal(const Penyiapan *p, Relation t, Snapshot snap, const DateADT *tanggal, int n, bool ada_lingkup,
			 int64 lingkup, Daftar *d, const PadanSisi *ketik)
{
	Relation	ix;
	IndexScanDesc scan;
	TupleTableSlot *slot;
	ScanKeyData kunci[3];
	int			nkunci = ada_lingkup ? 3 : 1;
	Buffer		vm = InvalidBuffer;
	bool		dari_indeks = true;

	if (n == 0)
		return;
	/* every column the score compares must be in the index to skip the heap */
	for (int k = 0; k < K_JUMLAH; k++)
		if (p->kolom_tanggal[k] == 0)
			dari_indeks = false;
	ix = index_open(p->indeks_tanggal, AccessShareLock);
	slot = table_slot_create(t, NULL);
#if PG_VERSION_NUM >= 180000
	scan = index_beginscan(t, ix, snap, NULL, nkunci, 0);
#else
	scan = index_beginscan(t, ix, snap, nkunci, 0);
#endif
	scan->xs_want_itup = dari_indeks;
	for (int i = 0; i < n; i++)
	{
		ItemPointer tid;

		ScanKeyEntryInitializeWithInfo(&kunci[0], 0, 1, BTEqualStrategyNumber, DATEOID,
									   ix->rd_indcollation[0], (FmgrInfo *) &p->tanggal_sama, DateADTGetDatum(tanggal[i]));
		if (ada_lingkup)
		{
			ScanKeyEntryInitializeWithInfo(&kunci[1], 0, 2, BTGreaterEqualStrategyNumber, p->tipe_wilayah,
										   ix->rd_indcollation[1], (FmgrInfo *) &p->wilayah_ge, Int64GetDatum(lingkup));
			ScanKeyEntryInitializeWithInfo(&kunci[2], 0, 2, BTLessEqualStrategyNumber, p->tipe_wilayah,
										   ix->rd_indcollation[1], (FmgrInfo *) &p->wilayah_le,
										   Int64GetDatum(kode_wilayah_akhir_dari(lingkup)));
		}
		index_rescan(scan, kunci, nkunci, NULL, 0);
		while ((tid = index_getnext_tid(scan, ForwardScanDirection)) != NULL)
		{
			Datum		v[K_JUMLAH];
			bool		null[K_JUMLAH];

			if (dari_indeks && VM_ALL_VISIBLE(t, ItemPointerGetBlockNumber(tid), &vm))
			{
				/* as an index-only scan does: the index tuple is the row */
				for (int k = 0; k < K_JUMLAH; k++)
					v[k] = index_getattr(scan->xs_itup, p->kolom_tanggal[k], scan->xs_itupdesc, &null[k]);
				PredicateLockPage(t, ItemPointerGetBlockNumber(tid), snap);
			}
			else
			{
				if (!index_fetch_heap(scan, slot))
					continue;
				baca_slot(p, slot, v, null);
			}
			tambah(d, ketik, v, null);
		}
		CHECK_FOR_INTERRUPTS();
	}
	if (BufferIsValid(vm))
		ReleaseBuffer(vm);
	index_endscan(scan);
	ExecDropSingleTupleTableSlot(slot);
	index_close(ix, AccessShareLock);
}

/* Prepare one of the two name queries (with or without the region) with pg_trgm's % qualified by its schema. */
static SPIPlanPtr
siapkan_nama(const Penyiapan *p, bool ada_lingkup)
{
	char	   *skema;
	char	   *q;
	Oid			tipe[2];
	SPIPlanPtr	r;

	/* the schema pg_trgm is installed in (get_extension_schema is not exported before PostgreSQL 16) */
	if (SPI_execute("SELECT n.nspname FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n"
					" ON n.oid OPERATOR(pg_catalog.=) e.extnamespace WHERE e.extname OPERATOR(pg_catalog.=) 'pg_trgm'",
					true, 1) != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "penduduk_calon: pg_trgm is not installed");
	skema = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
	q = psprintf("SELECT p.nik, p.no_kk, p.nama_kunci, p.tanggal_lahir, p.jenis_kelamin, p.kode_wilayah"
				 " FROM dtks.penduduk p WHERE p.nama_kunci OPERATOR(%s.%%) $1%s",
				 quote_identifier(skema), ada_lingkup ? " AND p.kode_wilayah OPERATOR(dtks.<@) $2" : "");
	tipe[0] = TEXTOID;
	tipe[1] = p->tipe_wilayah;
	r = SPI_prepare(q, ada_lingkup ? 2 : 1, tipe);
	if (r == NULL || SPI_keepplan(r) != 0)
		elog(ERROR, "penduduk_calon: cannot prepare the name search: %s", SPI_result_code_string(SPI_result));
	return r;
}

/* The records whose name key is alike by trigrams (at pg_trgm.similarity_threshold), inside the region. */
static void
cari_nama(const Penyiapan *p, text *kunci, bool ada_lingkup, int64 lingkup, Daftar *d, const PadanSisi *ketik)
{
	SpiAman		aman;
	Datum		arg[2];
	SPIPlanPtr	r;
	MemoryContext asal = CurrentMemoryContext;

	SPI_connect();
	spi_aman_masuk(&aman, InvalidOid, 0);
	if (ada_lingkup)
	{
		if (rencana_nama_lingkup == NULL)
			rencana_nama_lingkup = siapkan_nama(p, true);
		r = rencana_nama_lingkup;
	}
	else
	{
		if (rencana_nama == NULL)
			rencana_nama = siapkan_nama(p, false);
		r = rencana_nama;
	}
	arg[0] = PointerGetDatum(kunci);
	arg[1] = Int64GetDatum(lingkup);
	if (SPI_execute_plan(r, arg, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "penduduk_calon: the name search failed");
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		Datum		v[K_JUMLAH];
		bool		null[K_JUMLAH];
		MemoryContext spi = MemoryContextSwitchTo(asal);

		for (int k = 0; k < K_JUMLAH; k++)
			v[k] = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, k + 1, &null[k]);
		tambah(d, ketik, v, null);
		MemoryContextSwitchTo(spi);
	}
	spi_aman_keluar(&aman);
	SPI_finish();
}

/* Best first, then by NIK. */
static int
banding_calon(const void *a, const void *b)
{
	const Calon *x = (const Calon *) a;
	const Calon *y = (const Calon *) b;

	if (x->skor != y->skor)
		return x->skor > y->skor ? -1 : 1;
	return x->nik < y->nik ? -1 : x->nik > y->nik ? 1 : 0;
}

PG_FUNCTION_INFO_V1(penduduk_calon);

/*
 * dtks.penduduk_calon(nik_ketik, kunci, tanggal_lahir, jenis_kelamin, kode_wilayah, batas, lingkup, ambang_calon,
 * ambang_tautan, cari_nama, dengan_rincian): the records scoring ambang_calon or more, best first, at most batas,
 * each with the score of the record ranked after it among all scored and (dengan_rincian) its breakdown.
 */
Datum
penduduk_calon(PG_FUNCTION_ARGS)
{
	Penyiapan  *p = siapkan(fcinfo);
	PadanSisi	ketik;
	Daftar		d = {NULL, 0, 0, false};
	int			batas = PG_ARGISNULL(5) ? 5 : PG_GETARG_INT32(5);
	bool		ada_lingkup = !PG_ARGISNULL(6);
	int64		lingkup = ada_lingkup ? PG_GETARG_INT64(6) : 0;
	double		ambang_calon = PG_ARGISNULL(7) ? padan_ambang_calon : PG_GETARG_FLOAT8(7);
	double		ambang_tautan = PG_ARGISNULL(8) ? padan_ambang_tautan : PG_GETARG_FLOAT8(8);
	bool		nama_selalu = !PG_ARGISNULL(9) && PG_GETARG_BOOL(9);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Snapshot	snap = GetActiveSnapshot();
	Relation	t;
	int			keluar = 0;

	d.simpan_sisi = !PG_ARGISNULL(10) && PG_GETARG_BOOL(10);
	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) || !(rsinfo->allowedModes & SFRM_Materialize) ||
		!(rsinfo->allowedModes & SFRM_ValuePerCall))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("dtks.penduduk_calon must be called in FROM"),
				 errdetail("It returns a set of candidates, materialized.")));
	/* no candidate asked for: an empty set at once (the matching asks so for the members it need not search) */
	if (batas <= 0)
	{
		rsinfo->isDone = ExprEndResult;
		PG_RETURN_NULL();
	}
	ketik.nik = PG_ARGISNULL(0) ? NULL : PG_GETARG_TEXT_PP(0);
	ketik.kunci = PG_ARGISNULL(1) ? NULL : PG_GETARG_TEXT_PP(1);
	ketik.ada_lahir = !PG_ARGISNULL(2);
	ketik.lahir = ketik.ada_lahir ? PG_GETARG_DATEADT(2) : 0;
	ketik.jk = PG_ARGISNULL(3) ? 0 : padan_jenis_kelamin(PG_GETARG_TEXT_PP(3));
	ketik.ada_wilayah = !PG_ARGISNULL(4);
	ketik.wilayah = ketik.ada_wilayah ? PG_GETARG_INT64(4) : 0;
	ketik.kk = NULL;

	t = table_open(p->penduduk, AccessShareLock);
	/* 1. the typed NIK itself and the typed date */
	if (ketik.nik != NULL)
	{
		int64		v;

		if (padan_nik_ketik_sah(ketik.nik, &v))
			cari_nik(p, t, snap, &v, 1, ada_lingkup, lingkup, &d, &ketik);
	}
	if (ketik.ada_lahir && !DATE_NOT_FINITE(ketik.lahir))
	{
		DateADT		pertama[2];
		int			n = 0;

		/* the typed date, and the same with day and month swapped (which weighs nearly as much) */
		pertama[n++] = ketik.lahir;
		if (padan_tanggal_tertukar(ketik.lahir, &pertama[n]))
			n++;
		cari_tanggal(p, t, snap, pertama, n, ada_lingkup, lingkup, &d, &ketik);
	}

	/*
	 * 2. the other dates one entry error from the typed one; skipped only when the best candidate alone is asked
	 * for and no record of those dates could outscore it or come within dtks.padan_selisih of it (the link
	 * decision is the same as after probing them)
	 */
	if (ketik.ada_lahir && !DATE_NOT_FINITE(ketik.lahir) &&
		!(batas == 1 && d.n > 0 && skor_terbaik(&d) - padan_selisih >= padan_skor_maks_tanggal_dekat(&ketik)))
	{
		DateADT		tanggal[PADAN_TANGGAL_MAKS];
		DateADT		tukar = 0;
		bool		ada_tukar = padan_tanggal_tertukar(ketik.lahir, &tukar);
		int			n = padan_tanggal_sekitar(ketik.lahir, tanggal);
		int			m = 0;

		for (int i = 0; i < n; i++)
			if (tanggal[i] != ketik.lahir && !(ada_tukar && tanggal[i] == tukar))
				tanggal[m++] = tanggal[i];
		cari_tanggal(p, t, snap, tanggal, m, ada_lingkup, lingkup, &d, &ketik);
	}
	/* 3. the NIKs near the typed one */
	if (ketik.nik != NULL && !ada_tautan(&d, ambang_tautan))
	{
		int64		sekitar[PADAN_SEKITAR_MAKS];

		cari_nik(p, t, snap, sekitar, padan_nik_sekitar(ketik.nik, sekitar), ada_lingkup, lingkup, &d, &ketik);
	}
	/* 4. the names alike */
	if (ketik.kunci != NULL && VARSIZE_ANY_EXHDR(ketik.kunci) > 0 && (nama_selalu || !ketik.ada_lahir) &&
		!ada_tautan(&d, ambang_tautan))
		cari_nama(p, ketik.kunci, ada_lingkup, lingkup, &d, &ketik);

	if (d.n > 1)
		qsort(d.isi, d.n, sizeof(Calon), banding_calon);
	/* the result set, as InitMaterializedSRF makes it, with the row type looked up once per query */
	{
		MemoryContext asal = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);

		rsinfo->returnMode = SFRM_Materialize;
		rsinfo->setResult = tuplestore_begin_heap(false, false, work_mem);
		/* a copy: the executor frees the descriptor a function returns */
		rsinfo->setDesc = CreateTupleDescCopy(p->hasil);
		MemoryContextSwitchTo(asal);
	}
	for (int i = 0; i < d.n && keluar < batas && d.isi[i].skor >= ambang_calon; i++, keluar++)
	{
		Datum		v[4];
		bool		null[4] = {false, false, false, false};

		v[0] = Int64GetDatum(d.isi[i].nik);
		v[1] = Float8GetDatum(d.isi[i].skor);
		if (i + 1 < d.n)
			v[2] = Float8GetDatum(d.isi[i + 1].skor);
		else
			null[2] = true;
		if (d.simpan_sisi)
			v[3] = JsonbPGetDatum(padan_rincian_sisi(&ketik, &d.isi[i].sisi, hidup_nik(p, t, snap, d.isi[i].nik)));
		else
			null[3] = true;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, v, null);
	}
	table_close(t, AccessShareLock);
	return (Datum) 0;
}
