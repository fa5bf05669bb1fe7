/*
 * usulan_sistem.c
 *		Runs that take usulan steps as a system office: the Dukcapil matching
 *		(dtks.padankan_usulan) and, for a superuser, any statement as the
 *		matching or the penetapan (dtks.jalankan_sebagai).
 *
 * The steps diajukan -> padan / tidak_padan belong to the office
 * "pemadanan", which no login role has: only these runs take them.  The run
 * first checks who calls it (a kab/kota Dinas Sosial inside its own region,
 * the ministry, or a superuser), then works as the owner of dtks.usulan with
 * the state machine's office set to pemadanan, and restores both whatever
 * happens.  The matching itself is set-based SQL
 * (dtks.pemadanan_jalankan), which nobody else may call.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_type_d.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"

#include "kemajuan.h"
#include "kode_wilayah.h"
#include "padan.h"
#include "spi_aman.h"
#include "usulan.h"

extern Datum kode_wilayah_out(PG_FUNCTION_ARGS);

/* Refuse a caller who may not run the matching over this region (42501). */
static void
periksa_pemanggil(bool semua, int64 wilayah)
{
	char		peran[NAMEDATALEN];
	int64		wilayah_kantor;
	bool		ada_wilayah;
	Oid			pengguna = GetUserId();
	bool		ada_kantor;

	if (superuser())
		return;
	ada_kantor = usulan_kantor(pengguna, peran, &wilayah_kantor, &ada_wilayah);
	if (ada_kantor)
	{
		if (strcmp(peran, "pusat") == 0)
			return;
		if (strcmp(peran, "kabkota") == 0 && !semua && ada_wilayah &&
			kode_wilayah_memuat(wilayah_kantor, wilayah))
			return;
	}
	ereport(ERROR,
			errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
			errmsg("the Dukcapil matching of %s is run by its kab/kota Dinas Sosial or the ministry",
				   semua ? "every region" :
				   DatumGetCString(DirectFunctionCall1(kode_wilayah_out, Int64GetDatum(wilayah)))),
			errdetail("Role %s is %s.", GetUserNameFromId(pengguna, false),
					  !ada_kantor ? "not in dtks.petugas_peran" :
					  strcmp(peran, "kabkota") != 0 ? "not a kab/kota or pusat office" :
					  semua ? "a kab/kota office, which matches inside its own region only" :
					  "a kab/kota office of another region"));
}

/*
 * Run a query as the owner of dtks.usulan, taking usulan steps as a system
 * office; returns SPI's result code (SPI stays connected for the caller).
 * The owner works in a security-restricted operation, unless tak_terbatas
 * (the penetapan of a database still at 1.0, whose run creates its temporary
 * tables itself, see spi_aman.c); the search_path is pinned unless pemanggil
 * (a superuser's own statement, dtks.jalankan_sebagai, parsed with its own
 * path as any statement it types).  An error restores the user and the path
 * through abort; the office is reset here.
 */
static int
jalankan_sistem(const char *peran, const char *perintah, int nargs, Oid *argtipe, Datum *arg,
				const char *argnull, bool pemanggil, bool tak_terbatas)
{
	Oid			pemilik = usulan_pemilik();
	Oid			asal = GetUserId();
	SpiAman		aman;
	volatile int hasil = 0;
	int			konteks = 0;

	if (pemanggil)
	{
		/* the caller's own statement: its path, but still the owner in a restricted operation */
		GetUserIdAndSecContext(&aman.pengguna_asal, &konteks);
		SetUserIdAndSecContext(pemilik, konteks | SECURITY_LOCAL_USERID_CHANGE | SECURITY_RESTRICTED_OPERATION);
	}
	else if (tak_terbatas)
		spi_aman_masuk_tak_terbatas(&aman, pemilik, 0);
	else
		spi_aman_masuk(&aman, pemilik, 0);
	usulan_sebagai(peran, asal);
	PG_TRY();
	{
		hasil = SPI_execute_with_args(perintah, nargs, argtipe, arg, argnull, false, 0);
	}
	PG_CATCH();
	{
		usulan_sebagai(NULL, InvalidOid);
		PG_RE_THROW();
	}
	PG_END_TRY();
	usulan_sebagai(NULL, InvalidOid);
	if (pemanggil)
		SetUserIdAndSecContext(aman.pengguna_asal, konteks);
	else
		spi_aman_keluar(&aman);
	return hasil;
}

/* Run dtks's own query as the owner of dtks.usulan in a security-restricted operation, taking usulan steps as a system office. */
int
usulan_jalankan_sistem(const char *peran, const char *perintah, int nargs, Oid *argtipe, Datum *arg, const char *argnull)
{
	return jalankan_sistem(peran, perintah, nargs, argtipe, arg, argnull, false, false);
}

/* The same, the owner not restricted: only the penetapan of a database still at 1.0 (see spi_aman.c). */
int
usulan_jalankan_sistem_1_0(const char *peran, const char *perintah, int nargs, Oid *argtipe, Datum *arg,
						   const char *argnull)
{
	return jalankan_sistem(peran, perintah, nargs, argtipe, arg, argnull, false, true);
}

/* dtks.padankan_usulan(kode_wilayah): match every diajukan usulan of a region with Dukcapil */
PG_FUNCTION_INFO_V1(padankan_usulan);
Datum
padankan_usulan(PG_FUNCTION_ARGS)
{
	bool		semua = PG_ARGISNULL(0);
	int64		wilayah = semua ? 0 : PG_GETARG_INT64(0);
	Oid			argtipe[1];
	Datum		arg[1];
	char		argnull[1] = {semua ? 'n' : ' '};
	TupleDesc	desc;
	HeapTuple	hasil;
	Datum		nilai[3];
	bool		null[3];
	Kemajuan	kemajuan = {0};
	int			tingkat_guc;
	char		ambang[32];

	periksa_pemanggil(semua, wilayah);
	if (KEMAJUAN_AKTIF())
		kemajuan_mulai(&kemajuan, "padankan_usulan",
					   semua ? "every region" :
					   DatumGetCString(DirectFunctionCall1(kode_wilayah_out, Int64GetDatum(wilayah))));
	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "padankan_usulan: must return a record");
	argtipe[0] = get_fn_expr_argtype(fcinfo->flinfo, 0);
	arg[0] = Int64GetDatum(wilayah);

	SPI_connect();
	/* the name index of the candidate search looks up keys at least this similar (pg_trgm's %) */
	tingkat_guc = NewGUCNestLevel();
	snprintf(ambang, sizeof(ambang), "%g", padan_ambang_nama);
	(void) set_config_option("pg_trgm.similarity_threshold", ambang, PGC_USERSET, PGC_S_SESSION,
							 GUC_ACTION_SAVE, true, 0, false);
	if (usulan_jalankan_sistem("pemadanan", "SELECT diperiksa, padan, tidak_padan FROM dtks.pemadanan_jalankan($1)",
						1, argtipe, arg, argnull) != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "padankan_usulan: the matching returned no summary");
	for (int i = 0; i < 3; i++)
		nilai[i] = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, i + 1, &null[i]);
	AtEOXact_GUC(true, tingkat_guc);
	SPI_finish();
	if (KEMAJUAN_AKTIF())
		kemajuan_lapor(&kemajuan, "usulan matched with Dukcapil", null[0] ? 0 : DatumGetInt64(nilai[0]), true);
	hasil = heap_form_tuple(BlessTupleDesc(desc), nilai, null);
	return HeapTupleGetDatum(hasil);
}

/*
 * dtks.jalankan_sebagai(peran, perintah): a superuser runs a statement as the
 * matching or the penetapan.  The statement is the superuser's own, parsed
 * with its own search_path as anything it types (qualify its names when the
 * path holds a schema others can create in); it runs as the owner of
 * dtks.usulan in a security-restricted operation, and the queries dtks runs
 * for it (the state machine's caches) pin their own path.
 */
PG_FUNCTION_INFO_V1(jalankan_sebagai);
Datum
jalankan_sebagai(PG_FUNCTION_ARGS)
{
	char	   *peran = text_to_cstring(PG_GETARG_TEXT_PP(0));
	char	   *perintah = text_to_cstring(PG_GETARG_TEXT_PP(1));
	int			hasil;
	uint64		jumlah;

	if (!superuser())
		ereport(ERROR,
				errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				errmsg("only a superuser may take usulan steps as a system office"),
				errdetail("Role %s is not a superuser; the matching runs through dtks.padankan_usulan.",
						  GetUserNameFromId(GetUserId(), false)));
	if (strcmp(peran, "pemadanan") != 0 && strcmp(peran, "penetapan") != 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("\"%s\" is not a system office", peran),
				errdetail("The system offices are pemadanan and penetapan."));
	SPI_connect();
	hasil = jalankan_sistem(peran, perintah, 0, NULL, NULL, NULL, true, false);
	if (hasil == SPI_ERROR_TRANSACTION)
		ereport(ERROR,
				errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("jalankan_sebagai cannot run transaction control"),
				errdetail("The statement runs inside the caller's transaction: BEGIN, COMMIT, ROLLBACK and SAVEPOINT are the caller's."));
	if (hasil == SPI_ERROR_COPY)
		ereport(ERROR,
				errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("jalankan_sebagai cannot run COPY to or from the client"),
				errdetail("Copy the rows into a table first, then run INSERT ... SELECT or UPDATE through jalankan_sebagai."));
	if (hasil < 0)
		elog(ERROR, "jalankan_sebagai: %s", SPI_result_code_string(hasil));
	jumlah = SPI_processed;
	SPI_finish();
	PG_RETURN_INT64((int64) jumlah);
}
