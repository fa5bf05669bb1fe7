/*
 * registri_aturan.c
 *		Commit-time enforcement of the registry rules (dtks.registri_pelanggaran).
 *
 * Checking a rule per changed row would run one query per row; a bulk load of
 * a million members would run a million.  Instead, registri_catat (an
 * immediate AFTER ROW trigger) only records the NIK, KK and household keys a
 * change touched in transaction-local hash sets, and registri_periksa (a
 * deferred constraint trigger) checks all recorded keys with one set-based
 * query the first time it fires, at commit or at SET CONSTRAINTS IMMEDIATE.
 * Later firings find the sets empty and return at once.  Keys recorded inside
 * a subtransaction that rolls back stay in the set: checking them again is
 * harmless.  Keys are forgotten only after a check passes.
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "parser/parse_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

/* The kinds of key a change can touch. */
typedef enum JenisKunci
{
	KUNCI_NIK,
	KUNCI_KK,
	KUNCI_RT,
	JUMLAH_JENIS_KUNCI
} JenisKunci;

/* Keys recorded in the current transaction, not yet checked (NULL: none). */
static HTAB *tertunda[JUMLAH_JENIS_KUNCI];
static bool panggilan_balik_terdaftar = false;

/* Forget the sets when the transaction ends; their memory goes with it. */
static void
lupakan_tertunda(XactEvent event, void *arg)
{
	(void) arg;
	if (event == XACT_EVENT_COMMIT || event == XACT_EVENT_ABORT ||
		event == XACT_EVENT_PARALLEL_COMMIT || event == XACT_EVENT_PARALLEL_ABORT ||
		event == XACT_EVENT_PREPARE)
		memset(tertunda, 0, sizeof(tertunda));
}

/* The set for one kind of key, created in the transaction's memory on first use. */
static HTAB *
himpunan(JenisKunci jenis)
{
	if (!panggilan_balik_terdaftar)
	{
		RegisterXactCallback(lupakan_tertunda, NULL);
		panggilan_balik_terdaftar = true;
	}
	if (tertunda[jenis] == NULL)
	{
		HASHCTL		ctl;

		ctl.keysize = sizeof(int64);
		ctl.entrysize = sizeof(int64);
		ctl.hcxt = TopTransactionContext;
		tertunda[jenis] = hash_create("dtks registry keys", 256, &ctl,
									  HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
	}
	return tertunda[jenis];
}

/* Raise 39P01 unless called as an AFTER ROW trigger. */
static TriggerData *
periksa_pemanggilan(FunctionCallInfo fcinfo, const char *fungsi)
{
	TriggerData *td;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				errmsg("%s: not called by the trigger manager", fungsi));
	td = (TriggerData *) fcinfo->context;
	if (!TRIGGER_FIRED_AFTER(td->tg_event) || !TRIGGER_FIRED_FOR_ROW(td->tg_event))
		ereport(ERROR,
				errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				errmsg("%s: must be fired AFTER ... FOR EACH ROW", fungsi));
	return td;
}

/* Which set an argument's suffix names ('nik', 'kk' or 'rt'). */
static JenisKunci
jenis_dari_nama(const char *nama, const char *arg)
{
	if (strcmp(nama, "nik") == 0)
		return KUNCI_NIK;
	if (strcmp(nama, "kk") == 0)
		return KUNCI_KK;
	if (strcmp(nama, "rt") == 0)
		return KUNCI_RT;
	ereport(ERROR,
			errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
			errmsg("registri_catat: invalid argument \"%s\"", arg),
			errdetail("Arguments are column:nik, column:kk or column:rt."));
	return KUNCI_NIK;			/* not reached */
}

/* Record the keys of one tuple named by the trigger's arguments. */
static void
catat_tuple(Trigger *pemicu, TupleDesc desc, HeapTuple tuple)
{
	for (int i = 0; i < pemicu->tgnargs; i++)
	{
		char	   *arg = pemicu->tgargs[i];
		char	   *titik_dua = strchr(arg, ':');
		char	   *kolom;
		int			attnum;
		bool		isnull;
		Datum		nilai;
		int64		kunci;

		if (titik_dua == NULL)
			jenis_dari_nama("", arg);
		kolom = pnstrdup(arg, titik_dua - arg);
		attnum = SPI_fnumber(desc, kolom);
		if (attnum <= 0)
			ereport(ERROR,
					errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
					errmsg("registri_catat: no column \"%s\"", kolom));
		nilai = SPI_getbinval(tuple, desc, attnum, &isnull);
		if (isnull)
			continue;
		kunci = DatumGetInt64(nilai);
		hash_search(himpunan(jenis_dari_nama(titik_dua + 1, arg)), &kunci, HASH_ENTER, NULL);
	}
}

/* Row trigger: record the NIK, KK or household a change touched */
PG_FUNCTION_INFO_V1(registri_catat);
Datum
registri_catat(PG_FUNCTION_ARGS)
{
	TriggerData *td = periksa_pemanggilan(fcinfo, "registri_catat");
	TupleDesc	desc = RelationGetDescr(td->tg_relation);

	/* the row as it was (UPDATE, DELETE) or is (INSERT), and the new row of an UPDATE */
	catat_tuple(td->tg_trigger, desc, td->tg_trigtuple);
	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
		catat_tuple(td->tg_trigger, desc, td->tg_newtuple);
	return PointerGetDatum(NULL);
}

/* The OID of a type in schema dtks. */
static Oid
tipe_dtks(const char *nama)
{
	return typenameTypeId(NULL, makeTypeNameFromNameList(list_make2(makeString("dtks"),
																	makeString(pstrdup(nama)))));
}

/* A set's keys as an array of the given element type (the set is kept). */
static Datum
ambil_larik(JenisKunci jenis, Oid elemen)
{
	HTAB	   *h = tertunda[jenis];
	long		n = h ? hash_get_num_entries(h) : 0;
	Datum	   *nilai = palloc(sizeof(Datum) * Max(n, 1));
	HASH_SEQ_STATUS seq;
	int64	   *kunci;
	int			i = 0;

	if (h != NULL)
	{
		hash_seq_init(&seq, h);
		while ((kunci = (int64 *) hash_seq_search(&seq)) != NULL)
			nilai[i++] = Int64GetDatum(*kunci);
	}
	return PointerGetDatum(construct_array(nilai, i, elemen, sizeof(int64), FLOAT8PASSBYVAL,
										   TYPALIGN_DOUBLE));
}

/* Deferred constraint trigger: check rules 1-4 for every key recorded, once */
PG_FUNCTION_INFO_V1(registri_periksa);
Datum
registri_periksa(PG_FUNCTION_ARGS)
{
	TriggerData *td = periksa_pemanggilan(fcinfo, "registri_periksa");
	Oid			argtipe[3];
	Datum		args[3];
	int			ret;
	Oid			pengguna_asal;
	int			konteks_asal;

	if ((tertunda[KUNCI_NIK] == NULL || hash_get_num_entries(tertunda[KUNCI_NIK]) == 0) &&
		(tertunda[KUNCI_KK] == NULL || hash_get_num_entries(tertunda[KUNCI_KK]) == 0) &&
		(tertunda[KUNCI_RT] == NULL || hash_get_num_entries(tertunda[KUNCI_RT]) == 0))
		return PointerGetDatum(NULL);

	argtipe[0] = get_array_type(tipe_dtks("nik"));
	argtipe[1] = get_array_type(tipe_dtks("no_kk"));
	argtipe[2] = INT8ARRAYOID;
	args[0] = ambil_larik(KUNCI_NIK, get_element_type(argtipe[0]));
	args[1] = ambil_larik(KUNCI_KK, get_element_type(argtipe[1]));
	args[2] = ambil_larik(KUNCI_RT, INT8OID);

	/*
	 * Check as the table's owner with row security not forced, as PostgreSQL's
	 * own foreign-key checks do: a rule spans rows the changing role may not
	 * be allowed to read (another region's families).  An error restores the
	 * user through transaction abort.
	 */
	GetUserIdAndSecContext(&pengguna_asal, &konteks_asal);
	SetUserIdAndSecContext(RelationGetForm(td->tg_relation)->relowner,
						   konteks_asal | SECURITY_LOCAL_USERID_CHANGE | SECURITY_NOFORCE_RLS);
	SPI_connect();
	ret = SPI_execute_with_args("SELECT aturan, pesan, rincian FROM dtks.registri_pelanggaran($1, $2, $3) "
								"ORDER BY 1 LIMIT 1",
								3, argtipe, args, NULL, true, 1);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "registri_periksa: SPI_execute_with_args returned %d", ret);
	if (SPI_processed > 0)
	{
		HeapTuple	baris = SPI_tuptable->vals[0];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		bool		isnull;
		int32		aturan = DatumGetInt32(SPI_getbinval(baris, desc, 1, &isnull));
		char	   *pesan = SPI_getvalue(baris, desc, 2);
		char	   *rincian = SPI_getvalue(baris, desc, 3);

		ereport(ERROR,
				errcode(aturan == 1 ? ERRCODE_EXCLUSION_VIOLATION : ERRCODE_CHECK_VIOLATION),
				errmsg("%s", pesan),
				errdetail("%s", rincian),
				errhint("The registry rules are checked when the transaction commits; nothing of it is stored."));
	}
	SPI_finish();
	SetUserIdAndSecContext(pengguna_asal, konteks_asal);

	/*
	 * Forget the keys only once they passed: after a failed check rolled back
	 * to a savepoint, PostgreSQL fires the deferred events again at commit,
	 * and the keys must still be there to be checked again.
	 */
	for (int j = 0; j < JUMLAH_JENIS_KUNCI; j++)
	{
		if (tertunda[j] != NULL)
			hash_destroy(tertunda[j]);
		tertunda[j] = NULL;
	}
	return PointerGetDatum(NULL);
}
