/*
 * usulan.c
 *		The usulan state machine, enforced on the table: dtks.usulan_periksa.
 *
 * A BEFORE INSERT OR UPDATE row trigger checks each usulan against the
 * allowed steps (dtks.usulan_langkah) and the schedule windows
 * (dtks.usulan_jadwal), both read once per backend, and the office of the
 * current user (dtks.petugas_peran, read once per transaction and user).
 * A refused change raises:
 *   DTK01  the step does not exist (or the usulan is already in that status:
 *          the loser of two sessions racing on one usulan gets this), or a
 *          new usulan that does not start as draf;
 *   DTK02  the step falls outside the region's schedule window (only when
 *          dtks.tegakkan_jadwal is on);
 *   DTK03  the proposal itself changes while it is not with the desa (only
 *          draf, tidak_padan and dikembalikan may be corrected), or a column
 *          only the process sets is written;
 *   42501  the step is not this office's, or the usulan is outside its region;
 *   23514  the step lacks what it needs.
 * When an usulan is sent (dikirim) the trigger sets the month of the
 * penetapan it goes to: this month up to the cut-off day dtks.hari_batas,
 * else the next, counted from the reference date (dtks.tanggal_acuan, else
 * today).  The steps themselves are recorded by a statement trigger
 * (dtks.usulan_catat) from the transition tables.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_class.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "storage/proc.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/datum.h"
#include "utils/guc.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

#include "galat_kode.h"
#include "kode_wilayah.h"
#include "spi_aman.h"
#include "tanggal_acuan.h"
#include "usulan.h"

extern Datum kode_wilayah_out(PG_FUNCTION_ARGS);

#if PG_VERSION_NUM >= 170000
#define LXID_KINI (MyProc->vxid.lxid)
#else
#define LXID_KINI (MyProc->lxid)
#endif

/* The cut-off day of the month for the penetapan (dtks.hari_batas). */
int			usulan_hari_batas = 20;

/* Whether the schedule windows are enforced (dtks.tegakkan_jadwal). */
bool		usulan_tegakkan_jadwal = false;

/* One allowed step. */
typedef struct Langkah
{
	char		dari[NAMEDATALEN];
	char		ke[NAMEDATALEN];
	char		peran[NAMEDATALEN];
	char		syarat[NAMEDATALEN];	/* empty if none */
	char		tahap[NAMEDATALEN];		/* schedule stage, empty if none */
} Langkah;

/* One schedule window of a region. */
typedef struct Jadwal
{
	int64		wilayah;
	char		tahap[NAMEDATALEN];
	DateADT		mulai;			/* inclusive */
	DateADT		selesai;		/* exclusive */
} Jadwal;

/* The columns of dtks.usulan the trigger reads, by attribute number. */
typedef struct Kolom
{
	Oid			relid;
	int			id,
				status,
				sumber,
				kode_wilayah,
				berita_acara,
				tanggal_kunjungan,
				petugas_verval,
				surat_pengesahan,
				alasan,
				periode_penetapan;
	int			isi[16];		/* the proposal: changes only while with the desa */
	int			jumlah_isi;
	int			proses[4];		/* set by the process only */
	int			jumlah_proses;
} Kolom;

/* The steps and schedule (per backend) and the current user's office (per transaction). */
static struct
{
	bool		langkah_sah;
	bool		callback_terdaftar;
	Oid			oid_langkah;
	Oid			oid_petugas;
	Oid			oid_jadwal;
	int			jumlah;
	Langkah    *langkah;
	int			jumlah_jadwal;
	Jadwal	   *jadwal;
	/* the office of a user in a transaction */
	Oid			pengguna;
	LocalTransactionId lxid;
	bool		ada_peran;
	char		peran[NAMEDATALEN];
	int64		wilayah;
	bool		ada_wilayah;
	Kolom		kolom;
} cache;

/* An office taking a step as part of the matching or the penetapan (set by those runs only), and who started the run. */
static const char *peran_sistem = NULL;

/* The month the running penetapan determines (dtks.tetapkan), if any. */
static DateADT periode_sistem = 0;
static bool ada_periode_sistem = false;
static Oid	pelaku_sistem = InvalidOid;

/* Statuses in which the desa may correct the proposal. */
static const char *const status_koreksi[] = {"draf", "tidak_padan", "dikembalikan"};

/* Relcache callback: the steps, the schedule, the offices or the usulan table changed. */
static void
usulan_cache_basi(Datum arg pg_attribute_unused(), Oid relid)
{
	if (relid == InvalidOid || relid == cache.oid_langkah || relid == cache.oid_jadwal)
		cache.langkah_sah = false;
	if (relid == InvalidOid || relid == cache.oid_petugas)
		cache.lxid = InvalidLocalTransactionId;
	if (relid == InvalidOid || relid == cache.kolom.relid)
		cache.kolom.relid = InvalidOid;
}

/* Copy a column of an SPI result row into a fixed buffer ("" for NULL). */
static void
salin_kolom(char *tujuan, int baris, int kolom)
{
	char	   *v = SPI_getvalue(SPI_tuptable->vals[baris], SPI_tuptable->tupdesc, kolom);

	strlcpy(tujuan, v != NULL ? v : "", NAMEDATALEN);
}

/* Register the relcache callback once per backend. */
static void
daftar_callback(void)
{
	if (!cache.callback_terdaftar)
	{
		CacheRegisterRelcacheCallback(usulan_cache_basi, (Datum) 0);
		cache.callback_terdaftar = true;
	}
}

/* Read the allowed steps and the schedule windows (SPI must be connected). */
static void
muat_langkah(void)
{
	Oid			ns = get_namespace_oid("dtks", false);

	daftar_callback();
	cache.oid_langkah = get_relname_relid("usulan_langkah", ns);
	cache.oid_petugas = get_relname_relid("petugas_peran", ns);
	cache.oid_jadwal = get_relname_relid("usulan_jadwal", ns);
	if (SPI_execute("SELECT dari, ke, peran, syarat, tahap FROM dtks.usulan_langkah", true, 0) != SPI_OK_SELECT)
		elog(ERROR, "usulan: could not read dtks.usulan_langkah");
	if (cache.langkah != NULL)
		pfree(cache.langkah);
	cache.jumlah = (int) SPI_processed;
	cache.langkah = MemoryContextAllocZero(TopMemoryContext, sizeof(Langkah) * Max(cache.jumlah, 1));
	for (int i = 0; i < cache.jumlah; i++)
	{
		salin_kolom(cache.langkah[i].dari, i, 1);
		salin_kolom(cache.langkah[i].ke, i, 2);
		salin_kolom(cache.langkah[i].peran, i, 3);
		salin_kolom(cache.langkah[i].syarat, i, 4);
		salin_kolom(cache.langkah[i].tahap, i, 5);
	}

	if (SPI_execute("SELECT kode_wilayah, tahap, pg_catalog.lower(berlaku), pg_catalog.upper(berlaku)"
					" FROM dtks.usulan_jadwal ORDER BY pg_catalog.lower(berlaku)", true, 0) != SPI_OK_SELECT)
		elog(ERROR, "usulan: could not read dtks.usulan_jadwal");
	if (cache.jadwal != NULL)
		pfree(cache.jadwal);
	cache.jumlah_jadwal = (int) SPI_processed;
	cache.jadwal = MemoryContextAllocZero(TopMemoryContext, sizeof(Jadwal) * Max(cache.jumlah_jadwal, 1));
	for (int i = 0; i < cache.jumlah_jadwal; i++)
	{
		HeapTuple	t = SPI_tuptable->vals[i];
		TupleDesc	d = SPI_tuptable->tupdesc;
		bool		null;
		Datum		v;

		cache.jadwal[i].wilayah = DatumGetInt64(SPI_getbinval(t, d, 1, &null));
		salin_kolom(cache.jadwal[i].tahap, i, 2);
		v = SPI_getbinval(t, d, 3, &null);
		cache.jadwal[i].mulai = null ? DATEVAL_NOBEGIN : DatumGetDateADT(v);
		v = SPI_getbinval(t, d, 4, &null);
		cache.jadwal[i].selesai = null ? DATEVAL_NOEND : DatumGetDateADT(v);
	}
	cache.langkah_sah = true;
}

/* A user's office and region, read once per transaction (SPI must be connected). */
static void
muat_peran(Oid pengguna)
{
	Oid			argtipe[1] = {NAMEOID};
	Datum		arg[1];

	arg[0] = DirectFunctionCall1(namein, CStringGetDatum(GetUserNameFromId(pengguna, false)));
	if (SPI_execute_with_args("SELECT peran, kode_wilayah FROM dtks.petugas_peran WHERE pengguna OPERATOR(pg_catalog.=) $1",
							  1, argtipe, arg, NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "usulan: could not read dtks.petugas_peran");
	cache.ada_peran = SPI_processed > 0;
	cache.ada_wilayah = false;
	if (cache.ada_peran)
	{
		bool		null;
		Datum		w;

		salin_kolom(cache.peran, 0, 1);
		w = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &null);
		cache.ada_wilayah = !null;
		cache.wilayah = null ? 0 : DatumGetInt64(w);
	}
	cache.pengguna = pengguna;
	cache.lxid = LXID_KINI;
}

/*
 * Make sure the steps and the user's office are cached, reading them as the
 * owner of the usulan table (an office needs no privilege on them; InvalidOid:
 * look the owner up), in a security-restricted operation with the search_path
 * pinned (spi_aman.c).  SPI and catalog lookups run only on a cache miss.  An
 * error restores the user and the path through abort.
 */
static void
pastikan_cache(Oid pemilik, Oid pengguna)
{
	SpiAman		aman;

	if (cache.langkah_sah && cache.lxid == LXID_KINI && cache.pengguna == pengguna)
		return;
	if (!OidIsValid(pemilik))
		pemilik = usulan_pemilik();
	spi_aman_masuk(&aman, pemilik, 0);
	SPI_connect();
	if (!cache.langkah_sah)
		muat_langkah();
	if (cache.lxid != LXID_KINI || cache.pengguna != pengguna)
		muat_peran(pengguna);
	SPI_finish();
	spi_aman_keluar(&aman);
}

/* The attribute number of a column of dtks.usulan. */
static int
nomor_kolom(TupleDesc d, const char *nama)
{
	int			n = SPI_fnumber(d, nama);

	if (n <= 0)
		elog(ERROR, "usulan: no column %s", nama);
	return n;
}

/* Find the columns of the usulan table once per backend (again after ALTER TABLE). */
static Kolom *
kolom_usulan(Relation rel)
{
	Kolom	   *k = &cache.kolom;
	TupleDesc	d = RelationGetDescr(rel);
	static const char *const isi[] = {"jenis", "sumber", "kode_wilayah", "no_kk", "data", "program",
	"alasan_penghentian"};
	static const char *const proses[] = {"periode_penetapan", "dibuat", "dibuat_oleh"};

	if (k->relid == RelationGetRelid(rel))
		return k;
	daftar_callback();
	k->id = nomor_kolom(d, "id");
	k->status = nomor_kolom(d, "status");
	k->sumber = nomor_kolom(d, "sumber");
	k->kode_wilayah = nomor_kolom(d, "kode_wilayah");
	k->berita_acara = nomor_kolom(d, "berita_acara");
	k->tanggal_kunjungan = nomor_kolom(d, "tanggal_kunjungan");
	k->petugas_verval = nomor_kolom(d, "petugas_verval");
	k->surat_pengesahan = nomor_kolom(d, "surat_pengesahan");
	k->alasan = nomor_kolom(d, "alasan");
	k->periode_penetapan = nomor_kolom(d, "periode_penetapan");
	k->jumlah_isi = lengthof(isi);
	for (int i = 0; i < k->jumlah_isi; i++)
		k->isi[i] = nomor_kolom(d, isi[i]);
	k->jumlah_proses = lengthof(proses);
	for (int i = 0; i < k->jumlah_proses; i++)
		k->proses[i] = nomor_kolom(d, proses[i]);
	k->relid = RelationGetRelid(rel);
	return k;
}

/* The office taking steps now: the matching or the penetapan, else the user's (NULL if none). */
static const char *
peran_kini(void)
{
	if (peran_sistem != NULL)
		return peran_sistem;
	return cache.ada_peran ? cache.peran : NULL;
}

/* The month the running penetapan determines: a step to ditetapkan records it on the usulan. */
void
usulan_periode_penetapan(DateADT periode, bool ada)
{
	periode_sistem = periode;
	ada_periode_sistem = ada;
}

/* Take the steps that follow as the matching or the penetapan, started by a user (NULL: as the user again). */
void
usulan_sebagai(const char *peran, Oid pelaku)
{
	peran_sistem = peran;
	pelaku_sistem = peran != NULL ? pelaku : InvalidOid;
}

/* The owner of dtks.usulan (the system runs and the cache reads work as it). */
Oid
usulan_pemilik(void)
{
	Oid			usulan = get_relname_relid("usulan", get_namespace_oid("dtks", false));
	HeapTuple	t;
	Oid			pemilik;

	if (!OidIsValid(usulan))
		elog(ERROR, "usulan: no table dtks.usulan");
	t = SearchSysCache1(RELOID, ObjectIdGetDatum(usulan));
	if (!HeapTupleIsValid(t))
		elog(ERROR, "usulan: cache lookup failed for relation %u", usulan);
	pemilik = ((Form_pg_class) GETSTRUCT(t))->relowner;
	ReleaseSysCache(t);
	return pemilik;
}

/* The office and region of a user, read as the owner of dtks.usulan; false if it has none. */
bool
usulan_kantor(Oid pengguna, char *peran, int64 *wilayah, bool *ada_wilayah)
{
	pastikan_cache(InvalidOid, pengguna);
	if (!cache.ada_peran)
		return false;
	strlcpy(peran, cache.peran, NAMEDATALEN);
	*wilayah = cache.wilayah;
	*ada_wilayah = cache.ada_wilayah;
	return true;
}

/* A text column of a row, or NULL. */
static char *
teks(HeapTuple t, TupleDesc d, int kolom)
{
	return SPI_getvalue(t, d, kolom);
}

/* Is a column of a row NULL? */
static bool
kosong(HeapTuple t, TupleDesc d, int kolom)
{
	return heap_attisnull(t, kolom, d);
}

/* Do two rows hold the same value in a column (NULLs equal; varlenas compared detoasted)? */
static bool
sama(HeapTuple a, HeapTuple b, TupleDesc d, int kolom)
{
	bool		null_a,
				null_b;
	Datum		va = heap_getattr(a, kolom, d, &null_a);
	Datum		vb = heap_getattr(b, kolom, d, &null_b);
	Form_pg_attribute att = TupleDescAttr(d, kolom - 1);

	if (null_a || null_b)
		return null_a == null_b;
	if (datumIsEqual(va, vb, att->attbyval, att->attlen))
		return true;			/* same bytes (an unchanged column keeps its toast pointer) */
	if (att->attlen == -1)
	{
		struct varlena *x = pg_detoast_datum_packed((struct varlena *) DatumGetPointer(va));
		struct varlena *y = pg_detoast_datum_packed((struct varlena *) DatumGetPointer(vb));

		return VARSIZE_ANY_EXHDR(x) == VARSIZE_ANY_EXHDR(y) &&
			memcmp(VARDATA_ANY(x), VARDATA_ANY(y), VARSIZE_ANY_EXHDR(x)) == 0;
	}
	return false;
}

/* May the desa correct the proposal in this status? */
static bool
boleh_koreksi(const char *status)
{
	for (int i = 0; i < (int) lengthof(status_koreksi); i++)
		if (strcmp(status, status_koreksi[i]) == 0)
			return true;
	return false;
}

/* A date as text. */
static char *
tanggal_teks(DateADT t)
{
	return DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(t)));
}

/* A region code as text. */
static char *
wilayah_teks(int64 w)
{
	return DatumGetCString(DirectFunctionCall1(kode_wilayah_out, Int64GetDatum(w)));
}

/* Refuse a step of a scheduled stage outside every window of the usulan's region (DTK02). */
static void
periksa_jadwal(int64 id, const char *tahap, int64 wilayah, const char *dari, const char *ke)
{
	DateADT		hari_ini = GetSQLCurrentDate();
	bool		ada = false;
	DateADT		berikut = DATEVAL_NOEND;
	int64		wilayah_jadwal = 0;

	for (int i = 0; i < cache.jumlah_jadwal; i++)
	{
		Jadwal	   *j = &cache.jadwal[i];

		if (strcmp(j->tahap, tahap) != 0 || !kode_wilayah_memuat(j->wilayah, wilayah))
			continue;
		ada = true;
		wilayah_jadwal = j->wilayah;
		if (hari_ini >= j->mulai && hari_ini < j->selesai)
			return;
		if (j->mulai > hari_ini && j->mulai < berikut)
			berikut = j->mulai;
	}
	if (!ada)
		return;					/* the stage has no schedule in this region */
	ereport(ERROR,
			errcode(ERRCODE_DTKS_DI_LUAR_JADWAL),
			errmsg("usulan %lld: step %s -> %s is outside the %s schedule of its region", (long long) id, dari, ke, tahap),
			berikut == DATEVAL_NOEND ?
			errdetail("No %s window of %s (dtks.usulan_jadwal) covers today, and none is planned.", tahap,
					  wilayah_teks(wilayah_jadwal)) :
			errdetail("No %s window of %s (dtks.usulan_jadwal) covers today; the next opens on %s.", tahap,
					  wilayah_teks(wilayah_jadwal), tanggal_teks(berikut)));
}

/*
 * Refuse (23502) an UPDATE that sets a column the checks read to NULL: the
 * NOT NULL constraint would refuse the row too, but only after this trigger.
 */
static void
tolak_null(int64 id, HeapTuple baru, TupleDesc desc, int kolom)
{
	if (kosong(baru, desc, kolom))
		ereport(ERROR,
				errcode(ERRCODE_NOT_NULL_VIOLATION),
				errmsg("usulan %lld: column %s cannot be NULL", (long long) id,
					   NameStr(TupleDescAttr(desc, kolom - 1)->attname)),
				errdetail("The column is NOT NULL; an UPDATE keeps or replaces its value."));
}

/* A new usulan starts as draf and carries nothing the process sets. */
static HeapTuple
periksa_baru(Kolom *k, HeapTuple baru, TupleDesc desc)
{
	char	   *status = teks(baru, desc, k->status);

	if (status == NULL || strcmp(status, "draf") != 0)
		ereport(ERROR,
				errcode(ERRCODE_DTKS_LANGKAH_TIDAK_ADA),
				errmsg("a new usulan must start as draf"),
				errdetail("The row was inserted with status %s; later statuses are reached only by the steps in dtks.usulan_langkah.",
						  status != NULL ? status : "NULL"));
	if (!kosong(baru, desc, k->periode_penetapan))
		ereport(ERROR,
				errcode(ERRCODE_DTKS_USULAN_TERKUNCI),
				errmsg("a new usulan cannot carry periode_penetapan"),
				errdetail("The month is set when the usulan is sent (dikirim)."));
	return baru;
}

/* Row trigger on dtks.usulan: the status may change only by an allowed step of the user's office */
PG_FUNCTION_INFO_V1(usulan_periksa);
Datum
usulan_periksa(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	HeapTuple	lama,
				baru;
	TupleDesc	desc;
	Kolom	   *k;
	char	   *dari,
			   *ke;
	const char *peran;
	int64		id,
				wilayah;
	Langkah    *cocok = NULL;
	bool		ada_langkah = false;
	StringInfoData siapa;
	Oid			pemanggil = GetUserId();

	if (!CALLED_AS_TRIGGER(fcinfo) || TRIGGER_FIRED_BY_DELETE(td->tg_event) ||
		!TRIGGER_FIRED_BEFORE(td->tg_event) || !TRIGGER_FIRED_FOR_ROW(td->tg_event))
		ereport(ERROR,
				errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				errmsg("usulan_periksa: must run BEFORE INSERT OR UPDATE FOR EACH ROW"));
	desc = RelationGetDescr(td->tg_relation);
	k = kolom_usulan(td->tg_relation);
	if (TRIGGER_FIRED_BY_INSERT(td->tg_event))
		return PointerGetDatum(periksa_baru(k, td->tg_trigtuple, desc));

	lama = td->tg_trigtuple;
	baru = td->tg_newtuple;
	id = DatumGetInt64(heap_getattr(lama, k->id, desc, &(bool){false}));
	tolak_null(id, baru, desc, k->status);
	tolak_null(id, baru, desc, k->sumber);
	tolak_null(id, baru, desc, k->kode_wilayah);
	dari = teks(lama, desc, k->status);
	ke = teks(baru, desc, k->status);

	/* what only the process sets, and the proposal outside the desa's statuses */
	for (int i = 0; i < k->jumlah_proses; i++)
		if (!sama(lama, baru, desc, k->proses[i]))
			ereport(ERROR,
					errcode(ERRCODE_DTKS_USULAN_TERKUNCI),
					errmsg("usulan %lld: column %s is set by the process only", (long long) id,
						   NameStr(TupleDescAttr(desc, k->proses[i] - 1)->attname)),
					errdetail("It cannot be changed by UPDATE."));
	if (!boleh_koreksi(dari))
		for (int i = 0; i < k->jumlah_isi; i++)
			if (!sama(lama, baru, desc, k->isi[i]))
				ereport(ERROR,
						errcode(ERRCODE_DTKS_USULAN_TERKUNCI),
						errmsg("usulan %lld: column %s cannot change while the usulan is %s", (long long) id,
							   NameStr(TupleDescAttr(desc, k->isi[i] - 1)->attname), dari),
						errdetail("The proposal is corrected only in draf, tidak_padan or dikembalikan."));
	/* no step: an UPDATE of other columns (checked above); a status set to itself is a step refused below */
	if (strcmp(dari, ke) == 0 &&
		!bms_is_member(k->status - FirstLowInvalidHeapAttributeNumber, td->tg_updatedcols))
		return PointerGetDatum(baru);

	pastikan_cache(RelationGetForm(td->tg_relation)->relowner, pemanggil);
	peran = peran_kini();

	if (strcmp(dari, ke) == 0)
		ereport(ERROR,
				errcode(ERRCODE_DTKS_LANGKAH_TIDAK_ADA),
				errmsg("usulan %lld is already %s", (long long) id, dari),
				errdetail("Another session may have taken this step first."));
	for (int i = 0; i < cache.jumlah; i++)
	{
		Langkah    *l = &cache.langkah[i];

		if (strcmp(l->dari, dari) != 0 || strcmp(l->ke, ke) != 0)
			continue;
		ada_langkah = true;
		if (peran != NULL && strcmp(l->peran, peran) == 0)
			cocok = l;
	}
	if (!ada_langkah)
		ereport(ERROR,
				errcode(ERRCODE_DTKS_LANGKAH_TIDAK_ADA),
				errmsg("usulan %lld: %s -> %s is not a step of the usulan process", (long long) id, dari, ke),
				errdetail("The allowed steps are listed in dtks.usulan_langkah."));
	if (cocok == NULL)
	{
		initStringInfo(&siapa);
		for (int i = 0; i < cache.jumlah; i++)
			if (strcmp(cache.langkah[i].dari, dari) == 0 && strcmp(cache.langkah[i].ke, ke) == 0)
				appendStringInfo(&siapa, "%s%s", siapa.len > 0 ? " or " : "", cache.langkah[i].peran);
		ereport(ERROR,
				errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				errmsg("usulan %lld: step %s -> %s is taken by %s, not by %s", (long long) id, dari, ke, siapa.data,
					   peran != NULL ? peran : "a role without a dtks office"),
				errdetail("Role %s %s.", GetUserNameFromId(pemanggil, false),
						  peran != NULL ? "works for that office only" : "is not in dtks.petugas_peran"));
	}

	/* the office's region: desa and kab/kota act inside their own */
	wilayah = DatumGetInt64(heap_getattr(baru, k->kode_wilayah, desc, &(bool){false}));
	if (peran_sistem == NULL && cache.ada_wilayah &&
		kode_wilayah_leluhur_pada(wilayah, kode_wilayah_tingkat(cache.wilayah)) != cache.wilayah)
		ereport(ERROR,
				errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				errmsg("usulan %lld is outside the region of role %s", (long long) id,
					   GetUserNameFromId(pemanggil, false)),
				errdetail("The usulan is in %s; the role works in %s.", wilayah_teks(wilayah),
						  wilayah_teks(cache.wilayah)));

	/* what the step needs */
	if (strcmp(cocok->syarat, "berita_acara") == 0 && kosong(baru, desc, k->berita_acara))
	{
		char	   *sumber = teks(baru, desc, k->sumber);

		if (strcmp(sumber, "musdes") == 0 || strcmp(sumber, "muskel") == 0)
			ereport(ERROR,
					errcode(ERRCODE_CHECK_VIOLATION),
					errmsg("usulan %lld: step %s -> %s needs the berita acara of the %s", (long long) id, dari, ke, sumber),
					errdetail("Set berita_acara to the reference of the musyawarah minutes."));
	}
	if (strcmp(cocok->syarat, "kunjungan") == 0 &&
		(kosong(baru, desc, k->tanggal_kunjungan) || kosong(baru, desc, k->petugas_verval)))
		ereport(ERROR,
				errcode(ERRCODE_CHECK_VIOLATION),
				errmsg("usulan %lld: step %s -> %s needs the verval visit", (long long) id, dari, ke),
				errdetail("Set tanggal_kunjungan and petugas_verval."));
	if (strcmp(cocok->syarat, "surat_pengesahan") == 0 && kosong(baru, desc, k->surat_pengesahan))
		ereport(ERROR,
				errcode(ERRCODE_CHECK_VIOLATION),
				errmsg("usulan %lld: step %s -> %s needs the pengesahan letter", (long long) id, dari, ke),
				errdetail("Set surat_pengesahan to the bupati/wali kota's letter."));
	if (strcmp(cocok->syarat, "alasan") == 0 && (kosong(baru, desc, k->alasan) || sama(lama, baru, desc, k->alasan)))
		ereport(ERROR,
				errcode(ERRCODE_CHECK_VIOLATION),
				errmsg("usulan %lld: step %s -> %s needs a reason", (long long) id, dari, ke),
				errdetail("Set alasan to a new reason in the same UPDATE."));

	/* the schedule of the stage, when enforced */
	if (usulan_tegakkan_jadwal && cocok->tahap[0] != '\0')
		periksa_jadwal(id, cocok->tahap, wilayah, dari, ke);

	/* determined: the month of the penetapan that applied it */
	if (strcmp(ke, "ditetapkan") == 0 && ada_periode_sistem && peran_sistem != NULL &&
		strcmp(peran_sistem, "penetapan") == 0)
	{
		Datum		nilai[1] = {DateADTGetDatum(periode_sistem)};
		bool		null[1] = {false};
		int			kolom[1] = {k->periode_penetapan};

		baru = heap_modify_tuple_by_cols(baru, desc, 1, kolom, nilai, null);
	}

	/* sent: the month of the penetapan it goes to (counted from the reference date, dtks.tanggal_acuan) */
	if (strcmp(ke, "dikirim") == 0)
	{
		DateADT		hari_ini = tanggal_acuan_kini();
		int			y,
					m,
					d;
		Datum		nilai[1];
		bool		null[1] = {false};
		int			kolom[1] = {k->periode_penetapan};

		j2date(hari_ini + POSTGRES_EPOCH_JDATE, &y, &m, &d);
		if (d > usulan_hari_batas && ++m > 12)
		{
			m = 1;
			y++;
		}
		nilai[0] = DateADTGetDatum(date2j(y, m, 1) - POSTGRES_EPOCH_JDATE);
		baru = heap_modify_tuple_by_cols(baru, desc, 1, kolom, nilai, null);
	}
	return PointerGetDatum(baru);
}

/*
 * The office that took the steps of the statement just checked (for the
 * history trigger): the matching or the penetapan, else the office the row
 * trigger found for the user in this transaction; NULL if none.
 */
PG_FUNCTION_INFO_V1(usulan_peran);
Datum
usulan_peran(PG_FUNCTION_ARGS)
{
	const char *peran = peran_sistem;

	if (peran == NULL && cache.lxid == LXID_KINI && cache.ada_peran)
		peran = cache.peran;
	if (peran == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(peran));
}

/*
 * Statement trigger on dtks.usulan_langkah and dtks.usulan_jadwal: their
 * rows changed, so every backend reads the steps and windows again (a
 * relcache invalidation at commit; this backend at once).
 */
PG_FUNCTION_INFO_V1(usulan_aturan_berubah);
Datum
usulan_aturan_berubah(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				errmsg("usulan_aturan_berubah: not called as a trigger"),
				errdetail("It is a statement trigger function of dtks.usulan_langkah and dtks.usulan_jadwal."));
	CacheInvalidateRelcache(td->tg_relation);
	cache.langkah_sah = false;
	return PointerGetDatum(NULL);
}

/* The current user's office, read as the owner once per transaction; false if none. */
static bool
kantor_kini(void)
{
	char		peran[NAMEDATALEN];
	int64		wilayah;
	bool		ada_wilayah;

	return usulan_kantor(GetUserId(), peran, &wilayah, &ada_wilayah);
}

/* dtks.wilayah_petugas(): the region of the current user's office, or NULL */
PG_FUNCTION_INFO_V1(wilayah_petugas);
Datum
wilayah_petugas(PG_FUNCTION_ARGS)
{
	if (!kantor_kini() || !cache.ada_wilayah)
		PG_RETURN_NULL();
	PG_RETURN_INT64(cache.wilayah);
}

/* dtks.petugas_nasional(): does the current user's office (pusat, pt) see every region? */
PG_FUNCTION_INFO_V1(petugas_nasional);
Datum
petugas_nasional(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(kantor_kini() && (strcmp(cache.peran, "pusat") == 0 || strcmp(cache.peran, "pt") == 0));
}

/* dtks.peran_petugas(): the current user's office, or NULL */
PG_FUNCTION_INFO_V1(peran_petugas);
Datum
peran_petugas(PG_FUNCTION_ARGS)
{
	if (!kantor_kini())
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(cache.peran));
}

/*
 * The role that took the steps of the statement just checked (for the
 * history trigger): the user who started the matching or the penetapan, else
 * the current user the row trigger checked (under SET ROLE, not the session
 * user); NULL if none.
 */
PG_FUNCTION_INFO_V1(usulan_pelaku);
Datum
usulan_pelaku(PG_FUNCTION_ARGS)
{
	Oid			pelaku = peran_sistem != NULL ? pelaku_sistem :
		(cache.lxid == LXID_KINI ? cache.pengguna : InvalidOid);
	char	   *nama;

	if (!OidIsValid(pelaku) || (nama = GetUserNameFromId(pelaku, true)) == NULL)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(DirectFunctionCall1(namein, CStringGetDatum(nama)));
}
