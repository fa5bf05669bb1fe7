/*
 * registri_aturan.c
 *		Commit-time enforcement of the registry rules (dtks.registri_pelanggaran).
 *
 * Checking a rule per changed row would run one query per row; a bulk load of
 * a million members would run a million.  Instead, registri_catat (an AFTER
 * ... FOR EACH STATEMENT trigger) reads the statement's transition tables and
 * records the NIK, KK and household keys they hold in transaction-local hash
 * sets.  The first time a transaction records keys it also inserts one row
 * into dtks.registri_tertunda, whose deferred constraint trigger,
 * registri_periksa, checks all recorded keys with one set-based query at
 * commit (or at SET CONSTRAINTS IMMEDIATE) and deletes the row.  The writer
 * inserts the mark itself, with its own rights and the search_path pinned (no
 * switch to the owner: the table takes a row from anyone, naming only the
 * inserting transaction); while the penetapan runs, in a security-restricted
 * operation that refuses the mark's deferred event, no mark is inserted and
 * the penetapan checks the keys itself (registri_periksa_sekarang) before it
 * records the month.  Nothing runs per row but a hash insert.  Keys recorded
 * inside a subtransaction that rolls back stay in the set: checking them
 * again is harmless.  Keys are forgotten only after a check passes, and
 * inside a savepoint kept apart until it can no longer roll back, so that a
 * check that failed, or passed, inside a savepoint that was rolled back runs
 * again at commit on the keys it saw.  A small change probes indexes; many
 * keys switch the query to hash joins; keys outnumbering half of the
 * memberships check the whole registry, first with registri_semua_bersih()
 * (registri_semua.c), and with the query only if that pass is not sure.
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/namespace.h"
#include "parser/parse_func.h"
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
#include "utils/guc.h"
#include "access/relation.h"
#include "utils/rel.h"
#include "utils/tuplestore.h"
#include "executor/executor.h"

#include "registri_aturan.h"
#include "registri_semua.h"
#include "spi_aman.h"

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

/* Whether this transaction's row in dtks.registri_tertunda exists, and the subtransaction that owns it. */
static bool penanda_ada = false;
static SubTransactionId penanda_subxact = InvalidSubTransactionId;

/* Whether the penetapan is running (no mark: it checks the keys itself). */
static bool penetapan_berjalan = false;

/*
 * Keys a check passed inside a subtransaction: kept apart (a later check does
 * not read them again) until nothing can roll that subtransaction back; if it
 * aborts they are pending again, for PostgreSQL then fires the check's
 * deferred event again at commit, on a state the check did not see.
 */
typedef struct KunciDiperiksa
{
	SubTransactionId subxact;
	HTAB	   *himpunan[JUMLAH_JENIS_KUNCI];
	struct KunciDiperiksa *berikut;
} KunciDiperiksa;
static KunciDiperiksa *diperiksa = NULL;

static HTAB *himpunan(JenisKunci jenis);

/* Forget the sets and the marker when the transaction ends; their memory goes with it. */
static void
lupakan_tertunda(XactEvent event, void *arg)
{
	(void) arg;
	if (event == XACT_EVENT_COMMIT || event == XACT_EVENT_ABORT ||
		event == XACT_EVENT_PARALLEL_COMMIT || event == XACT_EVENT_PARALLEL_ABORT ||
		event == XACT_EVENT_PREPARE)
	{
		memset(tertunda, 0, sizeof(tertunda));
		diperiksa = NULL;
		penanda_ada = false;
		penanda_subxact = InvalidSubTransactionId;
		penetapan_berjalan = false;
	}
}

/*
 * Keys checked inside a subtransaction that ends: pending again if it aborts,
 * the parent's if it commits (dropped once the parent is the transaction).
 */
static void
ikuti_diperiksa(bool batal, SubTransactionId subxact, SubTransactionId induk)
{
	KunciDiperiksa **p = &diperiksa;

	while (*p != NULL)
	{
		KunciDiperiksa *k = *p;

		if (k->subxact != subxact)
		{
			p = &k->berikut;
			continue;
		}
		if (!batal && induk != TopSubTransactionId)
		{
			k->subxact = induk;
			p = &k->berikut;
			continue;
		}
		for (int j = 0; j < JUMLAH_JENIS_KUNCI; j++)
		{
			HASH_SEQ_STATUS seq;
			int64	   *kunci;

			if (k->himpunan[j] == NULL)
				continue;
			if (batal)
			{
				hash_seq_init(&seq, k->himpunan[j]);
				while ((kunci = (int64 *) hash_seq_search(&seq)) != NULL)
					hash_search(himpunan((JenisKunci) j), kunci, HASH_ENTER, NULL);
			}
			hash_destroy(k->himpunan[j]);
		}
		*p = k->berikut;
		pfree(k);
	}
}

/* The marker row follows its subtransaction: gone if it aborts, the parent's if it commits. */
static void
ikuti_subtransaksi(SubXactEvent event, SubTransactionId subxact, SubTransactionId induk, void *arg)
{
	(void) arg;
	if (event == SUBXACT_EVENT_ABORT_SUB || event == SUBXACT_EVENT_COMMIT_SUB)
		ikuti_diperiksa(event == SUBXACT_EVENT_ABORT_SUB, subxact, induk);
	if (!penanda_ada || subxact != penanda_subxact)
		return;
	if (event == SUBXACT_EVENT_ABORT_SUB)
	{
		penanda_ada = false;
		penanda_subxact = InvalidSubTransactionId;
	}
	else if (event == SUBXACT_EVENT_COMMIT_SUB)
		penanda_subxact = induk;
}

/* The set for one kind of key, created in the transaction's memory on first use. */
static HTAB *
himpunan(JenisKunci jenis)
{
	if (!panggilan_balik_terdaftar)
	{
		RegisterXactCallback(lupakan_tertunda, NULL);
		RegisterSubXactCallback(ikuti_subtransaksi, NULL);
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

/* Raise 39P01 unless called as an AFTER trigger, per row or per statement as required. */
static TriggerData *
periksa_pemanggilan(FunctionCallInfo fcinfo, const char *fungsi, bool per_baris)
{
	TriggerData *td;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				errmsg("%s: not called by the trigger manager", fungsi));
	td = (TriggerData *) fcinfo->context;
	if (!TRIGGER_FIRED_AFTER(td->tg_event) || (TRIGGER_FIRED_FOR_ROW(td->tg_event) != 0) != per_baris)
		ereport(ERROR,
				errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				errmsg("%s: must be fired AFTER ... FOR EACH %s", fungsi, per_baris ? "ROW" : "STATEMENT"));
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

/* The column and the set of each trigger argument ("column:nik|kk|rt"). */
typedef struct Kolom
{
	AttrNumber	attnum;
	JenisKunci	jenis;
} Kolom;

/* Resolve the trigger's arguments against the table's columns. */
static Kolom *
kolom_argumen(Trigger *pemicu, TupleDesc desc)
{
	Kolom	   *kolom = palloc(sizeof(Kolom) * Max(pemicu->tgnargs, 1));

	for (int i = 0; i < pemicu->tgnargs; i++)
	{
		char	   *arg = pemicu->tgargs[i];
		char	   *titik_dua = strchr(arg, ':');
		char	   *nama;

		if (titik_dua == NULL)
			ereport(ERROR,
					errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
					errmsg("registri_catat: invalid argument \"%s\"", arg),
					errdetail("Arguments are column:nik, column:kk or column:rt."));
		nama = pnstrdup(arg, titik_dua - arg);
		kolom[i].attnum = SPI_fnumber(desc, nama);
		if (kolom[i].attnum <= 0)
			ereport(ERROR,
					errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
					errmsg("registri_catat: no column \"%s\"", nama));
		kolom[i].jenis = jenis_dari_nama(titik_dua + 1, arg);
	}
	return kolom;
}

/* Record the keys of every row of a transition table. */
static void
catat_tabel(Tuplestorestate *tabel, TupleDesc desc, Kolom *kolom, int n)
{
	TupleTableSlot *slot;
	int			penunjuk;

	if (tabel == NULL)
		return;
	slot = MakeSingleTupleTableSlot(desc, &TTSOpsMinimalTuple);
	penunjuk = tuplestore_alloc_read_pointer(tabel, EXEC_FLAG_REWIND);
	tuplestore_select_read_pointer(tabel, penunjuk);
	tuplestore_rescan(tabel);
	while (tuplestore_gettupleslot(tabel, true, false, slot))
	{
		for (int i = 0; i < n; i++)
		{
			bool		isnull;
			Datum		nilai = slot_getattr(slot, kolom[i].attnum, &isnull);
			int64		kunci;

			if (isnull)
				continue;
			kunci = DatumGetInt64(nilai);
			hash_search(himpunan(kolom[i].jenis), &kunci, HASH_ENTER, NULL);
		}
	}
	ExecDropSingleTupleTableSlot(slot);
}

/* Whether a function of schema dtks exists (what a database at 1.1 has and one at 1.0 lacks). */
static bool
fungsi_dtks_ada(const char *nama)
{
	return OidIsValid(LookupFuncName(list_make2(makeString("dtks"), makeString(pstrdup(nama))), 0, NULL, true));
}

/*
 * Insert this transaction's row into dtks.registri_tertunda, once: as the
 * writer itself, the search_path pinned (the table takes from anyone a row
 * naming the inserting transaction, and nothing else).  A database still at
 * 1.0 (no dtks.registri_periksa_sekarang) grants no such insert: there the row
 * is inserted as the table's owner, not restricted (spi_aman.c).
 */
static void
tandai_tertunda(Oid pemilik)
{
	SpiAman		aman;

	if (penanda_ada)
		return;
	/* (set first: under SET CONSTRAINTS IMMEDIATE the check fires, and clears them, inside the insert) */
	penanda_ada = true;
	penanda_subxact = GetCurrentSubTransactionId();
	if (fungsi_dtks_ada("registri_periksa_sekarang"))
		spi_aman_masuk(&aman, InvalidOid, 0);
	else
		spi_aman_masuk_tak_terbatas(&aman, pemilik, SECURITY_NOFORCE_RLS);
	SPI_connect();
	if (SPI_execute("INSERT INTO dtks.registri_tertunda DEFAULT VALUES ON CONFLICT DO NOTHING", false, 0)
		!= SPI_OK_INSERT)
		elog(ERROR, "registri_catat: could not mark the transaction for checking");
	SPI_finish();
	spi_aman_keluar(&aman);
}

/* The penetapan starts (true) or ends (false): see registri_aturan.h. */
void
registri_penetapan_berjalan(bool berjalan)
{
	penetapan_berjalan = berjalan;
}

/* Statement trigger: record the NIKs, KKs or households a statement touched */
PG_FUNCTION_INFO_V1(registri_catat);
Datum
registri_catat(PG_FUNCTION_ARGS)
{
	TriggerData *td = periksa_pemanggilan(fcinfo, "registri_catat", false);
	TupleDesc	desc = RelationGetDescr(td->tg_relation);
	Kolom	   *kolom = kolom_argumen(td->tg_trigger, desc);

	if (td->tg_oldtable == NULL && td->tg_newtable == NULL)
		ereport(ERROR,
				errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				errmsg("registri_catat: the trigger needs REFERENCING OLD TABLE and/or NEW TABLE"));
	catat_tabel(td->tg_oldtable, desc, kolom, td->tg_trigger->tgnargs);
	catat_tabel(td->tg_newtable, desc, kolom, td->tg_trigger->tgnargs);
	/* (while the penetapan runs it checks the keys itself: no mark) */
	if (!penetapan_berjalan)
		tandai_tertunda(RelationGetForm(td->tg_relation)->relowner);
	return PointerGetDatum(NULL);
}

/* The OID of a type in schema dtks. */
static Oid
tipe_dtks(const char *nama)
{
	return typenameTypeId(NULL, makeTypeNameFromNameList(list_make2(makeString("dtks"),
																	makeString(pstrdup(nama)))));
}

/* Number of keys recorded in one set. */
static long
jumlah_kunci(JenisKunci jenis)
{
	return tertunda[jenis] ? hash_get_num_entries(tertunda[jenis]) : 0;
}

/* A set's keys as an array of the given element type (the set is kept). */
static Datum
ambil_larik(JenisKunci jenis, Oid elemen)
{
	Datum	   *nilai = palloc(sizeof(Datum) * Max(jumlah_kunci(jenis), 1));
	HASH_SEQ_STATUS seq;
	int64	   *kunci;
	int			i = 0;

	if (tertunda[jenis] != NULL)
	{
		hash_seq_init(&seq, tertunda[jenis]);
		while ((kunci = (int64 *) hash_seq_search(&seq)) != NULL)
			nilai[i++] = Int64GetDatum(*kunci);
	}
	return PointerGetDatum(construct_array(nilai, i, elemen, sizeof(int64), FLOAT8PASSBYVAL,
										   TYPALIGN_DOUBLE));
}

/* How the commit-time check runs. */
typedef enum CaraPeriksa
{
	PERIKSA_KUNCI,				/* the recorded keys, with index probes */
	PERIKSA_KUNCI_MASSAL,		/* the recorded keys, with hash joins */
	PERIKSA_SEMUA				/* the whole registry, with hash joins */
} CaraPeriksa;

/*
 * How to check this many keys.  When the keys are many next to the memberships
 * table, or the table has no statistics yet (a first load), index probes per
 * key lose to hash joins over whole tables, and without statistics the planner
 * would not know it.  When they are more than half of it, filtering the tables
 * by the keys costs more than checking every row, so the whole registry is
 * checked (which also finds any violation left by a load with triggers off).
 */
static CaraPeriksa
cara_periksa(long kunci)
{
	Oid			relid = get_relname_relid("keanggotaan", get_namespace_oid("dtks", false));
	Relation	rel;
	double		baris;

	if (kunci < 1000 || !OidIsValid(relid))
		return PERIKSA_KUNCI;
	rel = relation_open(relid, AccessShareLock);
	baris = rel->rd_rel->reltuples;
	relation_close(rel, AccessShareLock);
	if (baris < 0 || kunci * 2.0 > baris)
		return PERIKSA_SEMUA;
	if (kunci * 20.0 > baris)
		return PERIKSA_KUNCI_MASSAL;
	return PERIKSA_KUNCI;
}

/*
 * Check the rules for every key recorded, as pemilik (the owner of
 * dtks.registri_tertunda); raise on the first violation.  Then the keys are
 * no longer pending: forgotten at the top level of the transaction, kept
 * apart inside a subtransaction (KunciDiperiksa).
 */
static void
periksa_kunci(Oid pemilik)
{
	Oid			argtipe[3];
	Datum		args[3];
	int			ret;
	SpiAman		aman;
	CaraPeriksa cara;
	bool		ditemukan = false;
	char		kosong[4] = "   ";

	argtipe[0] = get_array_type(tipe_dtks("nik"));
	argtipe[1] = get_array_type(tipe_dtks("no_kk"));
	argtipe[2] = INT8ARRAYOID;
	cara = cara_periksa(jumlah_kunci(KUNCI_NIK) + jumlah_kunci(KUNCI_KK) + jumlah_kunci(KUNCI_RT));
	if (cara == PERIKSA_SEMUA)
	{
		/* NULL arrays: every row */
		memset(args, 0, sizeof(args));
		memset(kosong, 'n', 3);
	}
	else
	{
		args[0] = ambil_larik(KUNCI_NIK, get_element_type(argtipe[0]));
		args[1] = ambil_larik(KUNCI_KK, get_element_type(argtipe[1]));
		args[2] = ambil_larik(KUNCI_RT, INT8OID);
	}

	/*
	 * Check as the table's owner with row security not forced, as PostgreSQL's
	 * own foreign-key checks do: a rule spans rows the changing role may not
	 * be allowed to read (another region's families); in a security-restricted
	 * operation with the search_path pinned (spi_aman.c), the settings below
	 * in the same GUC nest level.  An error restores the user and the settings
	 * through transaction abort.
	 */
	spi_aman_masuk(&aman, pemilik, SECURITY_NOFORCE_RLS);

	/*
	 * The query joins its small key sets by hash whatever the caller turned
	 * off (the penetapan turns hash joins off for its own statements).
	 */
	(void) set_config_option("enable_hashjoin", "on", PGC_USERSET, PGC_S_SESSION,
							 GUC_ACTION_SAVE, true, 0, false);
	if (cara != PERIKSA_KUNCI)
	{
		char		memori[32];

		/* as RI_Initial_Check does for its one big query: hash joins, with room */
		snprintf(memori, sizeof(memori), "%d", Max(maintenance_work_mem, work_mem));
		(void) set_config_option("enable_nestloop", "off", PGC_USERSET, PGC_S_SESSION,
								 GUC_ACTION_SAVE, true, 0, false);
		(void) set_config_option("work_mem", memori, PGC_USERSET, PGC_S_SESSION,
								 GUC_ACTION_SAVE, true, 0, false);
	}
	SPI_connect();

	/*
	 * For the whole registry, a pass in C first: when it finds the registry
	 * certainly clean the query is not needed; otherwise the query finds the
	 * violation and words it.
	 */
	if (!(cara == PERIKSA_SEMUA && registri_semua_bersih()))
	{
		ret = SPI_execute_with_args("SELECT aturan, pesan, rincian FROM dtks.registri_pelanggaran($1, $2, $3) "
									"ORDER BY 1 LIMIT 1",
									3, argtipe, args, kosong, true, 1);
		if (ret != SPI_OK_SELECT)
			elog(ERROR, "registri_periksa: SPI_execute_with_args returned %d", ret);
		ditemukan = SPI_processed > 0;
	}
	if (ditemukan)
	{
		HeapTuple	baris = SPI_tuptable->vals[0];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		bool		isnull;
		int32		aturan = DatumGetInt32(SPI_getbinval(baris, desc, 1, &isnull));
		char	   *pesan = SPI_getvalue(baris, desc, 2);
		char	   *rincian = SPI_getvalue(baris, desc, 3);

		ereport(ERROR,
				errcode(aturan == 1 ? ERRCODE_EXCLUSION_VIOLATION :
						aturan == 0 || aturan == 5 ? ERRCODE_FOREIGN_KEY_VIOLATION : ERRCODE_CHECK_VIOLATION),
				errmsg("%s", pesan),
				errdetail("%s", rincian),
				errhint("The registry rules are checked when the transaction commits; nothing of it is stored."));
	}
	SPI_finish();
	spi_aman_keluar(&aman);

	/*
	 * Only once they passed: after a failed check rolled back to a savepoint,
	 * PostgreSQL fires the deferred events again at commit, and the keys must
	 * still be there to be checked again.
	 */
	if (GetCurrentTransactionNestLevel() > 1)
	{
		KunciDiperiksa *k = MemoryContextAllocZero(TopTransactionContext, sizeof(KunciDiperiksa));

		k->subxact = GetCurrentSubTransactionId();
		memcpy(k->himpunan, tertunda, sizeof(tertunda));
		k->berikut = diperiksa;
		diperiksa = k;
	}
	else
	{
		for (int j = 0; j < JUMLAH_JENIS_KUNCI; j++)
			if (tertunda[j] != NULL)
				hash_destroy(tertunda[j]);
	}
	memset(tertunda, 0, sizeof(tertunda));
}

/* Deferred constraint trigger: check the rules for every key recorded, once */
PG_FUNCTION_INFO_V1(registri_periksa);
Datum
registri_periksa(PG_FUNCTION_ARGS)
{
	TriggerData *td = periksa_pemanggilan(fcinfo, "registri_periksa", true);
	Oid			pemilik = RelationGetForm(td->tg_relation)->relowner;
	SpiAman		aman;

	periksa_kunci(pemilik);
	/* the mark has done its work; a later statement of this transaction inserts a new one */
	spi_aman_masuk(&aman, pemilik, SECURITY_NOFORCE_RLS);
	SPI_connect();
	if (SPI_execute("DELETE FROM dtks.registri_tertunda WHERE transaksi OPERATOR(pg_catalog.=) pg_catalog.pg_current_xact_id()",
					false, 0) != SPI_OK_DELETE)
		elog(ERROR, "registri_periksa: could not clear the transaction's mark");
	SPI_finish();
	spi_aman_keluar(&aman);
	penanda_ada = false;
	penanda_subxact = InvalidSubTransactionId;
	return PointerGetDatum(NULL);
}

/*
 * dtks.registri_periksa_sekarang(): the penetapan checks the keys recorded so
 * far (its own and any earlier statement's of the transaction), as the commit
 * check does, before it records the month.  A mark already queued stays (it
 * checks at commit what comes after, and what a savepoint rolled back gives
 * back); keys recorded after this check get theirs from registri_tandai_sisa.
 */
PG_FUNCTION_INFO_V1(registri_periksa_sekarang);
Datum
registri_periksa_sekarang(PG_FUNCTION_ARGS)
{
	Oid			relid = get_relname_relid("registri_tertunda", get_namespace_oid("dtks", false));
	Relation	rel;
	Oid			pemilik;

	(void) fcinfo;
	if (!OidIsValid(relid))
		elog(ERROR, "registri_periksa_sekarang: no table dtks.registri_tertunda");
	rel = relation_open(relid, AccessShareLock);
	pemilik = RelationGetForm(rel)->relowner;
	relation_close(rel, AccessShareLock);
	periksa_kunci(pemilik);
	PG_RETURN_VOID();
}

/* After the penetapan's run: mark the transaction if keys are recorded and not yet checked. */
void
registri_tandai_sisa(void)
{
	if (jumlah_kunci(KUNCI_NIK) + jumlah_kunci(KUNCI_KK) + jumlah_kunci(KUNCI_RT) > 0)
		tandai_tertunda(InvalidOid);
}
