/*
 * usulan.c
 *		The usulan state machine, enforced on the table: dtks.usulan_periksa.
 *
 * A BEFORE UPDATE OF status row trigger checks each status change against
 * the allowed steps (dtks.usulan_langkah, read once per backend), the office
 * of the current user (dtks.petugas_peran, read once per transaction and
 * user), the region of that office, and what the step needs (berita acara,
 * visit, pengesahan letter, a reason).  A refused step raises:
 *   DTK01  the step does not exist (or the usulan is already in that status:
 *          the loser of two sessions racing on one usulan gets this);
 *   42501  the step is not this office's, or the usulan is outside its region;
 *   23514  the step lacks what it needs.
 * When an usulan is sent (dikirim) the trigger sets the month of the
 * penetapan it goes to: this month up to the cut-off day dtks.hari_batas,
 * else the next.  The steps themselves are recorded by a statement trigger
 * (dtks.usulan_catat) from the transition tables.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "storage/proc.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/guc.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/timestamp.h"

#include "kode_wilayah.h"
#include "usulan.h"

extern Datum kode_wilayah_out(PG_FUNCTION_ARGS);

#define SQLSTATE_LANGKAH_TIDAK_ADA MAKE_SQLSTATE('D','T','K','0','1')

/* The cut-off day of the month for the penetapan (dtks.hari_batas). */
int			usulan_hari_batas = 20;

/* One allowed step. */
typedef struct Langkah
{
	char		dari[NAMEDATALEN];
	char		ke[NAMEDATALEN];
	char		peran[NAMEDATALEN];
	char		syarat[NAMEDATALEN];	/* empty if none */
} Langkah;

/* The steps (per backend) and the current user's office (per transaction). */
static struct
{
	bool		langkah_sah;
	bool		callback_terdaftar;
	Oid			oid_langkah;
	Oid			oid_petugas;
	int			jumlah;
	Langkah    *langkah;
	/* the office of a user in a transaction */
	Oid			pengguna;
	LocalTransactionId lxid;
	bool		ada_peran;
	char		peran[NAMEDATALEN];
	int64		wilayah;
	bool		ada_wilayah;
} cache;

/* An office taking a step as part of the matching or the penetapan (set by those functions only). */
static const char *peran_sistem = NULL;

/* Relcache callback: the steps or the offices changed. */
static void
usulan_cache_basi(Datum arg pg_attribute_unused(), Oid relid)
{
	if (relid == InvalidOid || relid == cache.oid_langkah)
		cache.langkah_sah = false;
	if (relid == InvalidOid || relid == cache.oid_petugas)
		cache.lxid = InvalidLocalTransactionId;
}

/* Read the allowed steps (SPI must be connected). */
static void
muat_langkah(void)
{
	Oid			ns = get_namespace_oid("dtks", false);

	if (!cache.callback_terdaftar)
	{
		CacheRegisterRelcacheCallback(usulan_cache_basi, (Datum) 0);
		cache.callback_terdaftar = true;
	}
	cache.oid_langkah = get_relname_relid("usulan_langkah", ns);
	cache.oid_petugas = get_relname_relid("petugas_peran", ns);
	if (SPI_execute("SELECT dari, ke, peran, coalesce(syarat, '') FROM dtks.usulan_langkah", true, 0) != SPI_OK_SELECT)
		elog(ERROR, "usulan: could not read dtks.usulan_langkah");
	if (cache.langkah != NULL)
		pfree(cache.langkah);
	cache.jumlah = (int) SPI_processed;
	cache.langkah = MemoryContextAllocZero(TopMemoryContext, sizeof(Langkah) * Max(cache.jumlah, 1));
	for (int i = 0; i < cache.jumlah; i++)
	{
		HeapTuple	t = SPI_tuptable->vals[i];
		TupleDesc	d = SPI_tuptable->tupdesc;

		strlcpy(cache.langkah[i].dari, SPI_getvalue(t, d, 1), NAMEDATALEN);
		strlcpy(cache.langkah[i].ke, SPI_getvalue(t, d, 2), NAMEDATALEN);
		strlcpy(cache.langkah[i].peran, SPI_getvalue(t, d, 3), NAMEDATALEN);
		strlcpy(cache.langkah[i].syarat, SPI_getvalue(t, d, 4), NAMEDATALEN);
	}
	cache.langkah_sah = true;
}

/* A user's office and region, read once per transaction (SPI must be connected). */
static void
muat_peran(Oid pengguna)
{
	Oid			argtipe[1] = {NAMEOID};
	Datum		arg[1];

	if (cache.lxid == MyProc->lxid && cache.pengguna == pengguna)
		return;
	arg[0] = DirectFunctionCall1(namein, CStringGetDatum(GetUserNameFromId(pengguna, false)));
	if (SPI_execute_with_args("SELECT peran, kode_wilayah FROM dtks.petugas_peran WHERE pengguna OPERATOR(pg_catalog.=) $1",
							  1, argtipe, arg, NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "usulan: could not read dtks.petugas_peran");
	cache.ada_peran = SPI_processed > 0;
	if (cache.ada_peran)
	{
		bool		null;
		Datum		w;

		strlcpy(cache.peran, SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1), NAMEDATALEN);
		w = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &null);
		cache.ada_wilayah = !null;
		cache.wilayah = null ? 0 : DatumGetInt64(w);
	}
	cache.pengguna = pengguna;
	cache.lxid = MyProc->lxid;
}

/* The office taking steps now: the matching or the penetapan, else the user's (NULL if none). */
static const char *
peran_kini(void)
{
	if (peran_sistem != NULL)
		return peran_sistem;
	return cache.ada_peran ? cache.peran : NULL;
}

/* Take the steps that follow as the matching or the penetapan (NULL: as the user again). */
void
usulan_sebagai(const char *peran)
{
	peran_sistem = peran;
}

/* A text column of the usulan row, or NULL. */
static char *
kolom_teks(HeapTuple t, TupleDesc d, const char *nama)
{
	int			n = SPI_fnumber(d, nama);

	if (n <= 0)
		elog(ERROR, "usulan: no column %s", nama);
	return SPI_getvalue(t, d, n);
}

/* Is a column of the usulan row NULL? */
static bool
kolom_kosong(HeapTuple t, TupleDesc d, const char *nama)
{
	bool		null;

	(void) SPI_getbinval(t, d, SPI_fnumber(d, nama), &null);
	return null;
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
	char	   *dari,
			   *ke,
			   *sumber;
	const char *peran;
	int64		id;
	bool		null;
	Langkah    *cocok = NULL;
	bool		ada_langkah = false;
	StringInfoData siapa;
	Oid			pemanggil;
	int			konteks_asal;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_BY_UPDATE(td->tg_event) ||
		!TRIGGER_FIRED_BEFORE(td->tg_event) || !TRIGGER_FIRED_FOR_ROW(td->tg_event))
		ereport(ERROR,
				errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				errmsg("usulan_periksa: must run BEFORE UPDATE FOR EACH ROW"));
	lama = td->tg_trigtuple;
	baru = td->tg_newtuple;
	desc = RelationGetDescr(td->tg_relation);

	/*
	 * The steps and the offices are read as the table's owner (an office
	 * needs no privilege on them), once per backend and per transaction and
	 * user.  An error restores the user through transaction abort.
	 */
	GetUserIdAndSecContext(&pemanggil, &konteks_asal);
	if (!cache.langkah_sah || cache.lxid != MyProc->lxid || cache.pengguna != pemanggil)
	{
		/* only on a cache miss: no SPI on the per-row path otherwise */
		SetUserIdAndSecContext(RelationGetForm(td->tg_relation)->relowner,
							   konteks_asal | SECURITY_LOCAL_USERID_CHANGE);
		SPI_connect();
		if (!cache.langkah_sah)
			muat_langkah();
		muat_peran(pemanggil);
		SPI_finish();
		SetUserIdAndSecContext(pemanggil, konteks_asal);
	}
	dari = kolom_teks(lama, desc, "status");
	ke = kolom_teks(baru, desc, "status");
	sumber = kolom_teks(baru, desc, "sumber");
	id = DatumGetInt64(SPI_getbinval(lama, desc, SPI_fnumber(desc, "id"), &null));
	peran = peran_kini();

	if (strcmp(dari, ke) == 0)
		ereport(ERROR,
				errcode(SQLSTATE_LANGKAH_TIDAK_ADA),
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
				errcode(SQLSTATE_LANGKAH_TIDAK_ADA),
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
	if (peran_sistem == NULL && cache.ada_wilayah)
	{
		int64		wilayah = DatumGetInt64(SPI_getbinval(baru, desc, SPI_fnumber(desc, "kode_wilayah"), &null));

		if (null || kode_wilayah_leluhur_pada(wilayah, kode_wilayah_tingkat(cache.wilayah)) != cache.wilayah)
			ereport(ERROR,
					errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					errmsg("usulan %lld is outside the region of role %s", (long long) id,
						   GetUserNameFromId(pemanggil, false)),
					errdetail("The usulan is in %s; the role works in %s.",
							  null ? "no region" : kolom_teks(baru, desc, "kode_wilayah"),
							  DatumGetCString(DirectFunctionCall1(kode_wilayah_out, Int64GetDatum(cache.wilayah)))));
	}

	/* what the step needs */
	if (strcmp(cocok->syarat, "berita_acara") == 0 && (strcmp(sumber, "musdes") == 0 || strcmp(sumber, "muskel") == 0) &&
		kolom_kosong(baru, desc, "berita_acara"))
		ereport(ERROR,
				errcode(ERRCODE_CHECK_VIOLATION),
				errmsg("usulan %lld: step %s -> %s needs the berita acara of the %s", (long long) id, dari, ke, sumber),
				errdetail("Set berita_acara to the reference of the musyawarah minutes."));
	if (strcmp(cocok->syarat, "kunjungan") == 0 &&
		(kolom_kosong(baru, desc, "tanggal_kunjungan") || kolom_kosong(baru, desc, "petugas_verval")))
		ereport(ERROR,
				errcode(ERRCODE_CHECK_VIOLATION),
				errmsg("usulan %lld: step %s -> %s needs the verval visit", (long long) id, dari, ke),
				errdetail("Set tanggal_kunjungan and petugas_verval."));
	if (strcmp(cocok->syarat, "surat_pengesahan") == 0 && kolom_kosong(baru, desc, "surat_pengesahan"))
		ereport(ERROR,
				errcode(ERRCODE_CHECK_VIOLATION),
				errmsg("usulan %lld: step %s -> %s needs the pengesahan letter", (long long) id, dari, ke),
				errdetail("Set surat_pengesahan to the bupati/wali kota's letter."));
	if (strcmp(cocok->syarat, "alasan") == 0)
	{
		char	   *a_lama = kolom_teks(lama, desc, "alasan");
		char	   *a_baru = kolom_teks(baru, desc, "alasan");

		if (a_baru == NULL || (a_lama != NULL && strcmp(a_lama, a_baru) == 0))
			ereport(ERROR,
					errcode(ERRCODE_CHECK_VIOLATION),
					errmsg("usulan %lld: step %s -> %s needs a reason", (long long) id, dari, ke),
					errdetail("Set alasan to a new reason in the same UPDATE."));
	}

	/* sent: the month of the penetapan it goes to */
	if (strcmp(ke, "dikirim") == 0)
	{
		int			kolom = SPI_fnumber(desc, "periode_penetapan");
		DateADT		hari_ini = GetSQLCurrentDate();
		int			y,
					m,
					d;
		Datum		nilai[1];
		bool		kosong[1] = {false};
		int			kolom_kolom[1] = {kolom};

		j2date(hari_ini + POSTGRES_EPOCH_JDATE, &y, &m, &d);
		if (d > usulan_hari_batas)
		{
			if (++m > 12)
			{
				m = 1;
				y++;
			}
		}
		nilai[0] = DateADTGetDatum(date2j(y, m, 1) - POSTGRES_EPOCH_JDATE);
		baru = heap_modify_tuple_by_cols(baru, desc, 1, kolom_kolom, nilai, kosong);
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

	if (peran == NULL && cache.lxid == MyProc->lxid && cache.ada_peran)
		peran = cache.peran;
	if (peran == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(peran));
}
