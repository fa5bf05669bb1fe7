/*
 * cari_penduduk.c
 *		dtks.cari_penduduk: the people of the Dukcapil extract who may be the
 *		person a desa typed, best first, only credible ones.
 *
 * The caller's office decides whom it may learn about (padan_lingkup_pemanggil:
 * every region for a superuser, pusat and pt; otherwise the kab/kota of the
 * office's region, the unit Dukcapil grants data access to); the search then
 * runs as the owner of the tables in a security-restricted operation with the
 * search_path pinned (dtks.penduduk_calon, which nobody else may call).
 */
#include "postgres.h"

#include "catalog/pg_type_d.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/tuplestore.h"

#include "kode_wilayah.h"
#include "padan.h"
#include "spi_aman.h"
#include "usulan.h"

#define BATAS_MAKS 100

double		padan_ambang_calon = 14.0;
double		padan_ambang_tautan = 14.0;
double		padan_selisih = 4.0;
double		padan_ambang_nama = 0.5;
double		padan_ambang_ganda = 9.0;
double		padan_alamat_ambang = 0.3;
bool		padan_alamat_menghalangi = false;

static SPIPlanPtr rencana = NULL;

/* The region whose people the current user may learn about: true for every region, else *lingkup. */
bool
padan_lingkup_pemanggil(int64 *lingkup)
{
	char		peran[NAMEDATALEN];
	int64		wilayah;
	bool		ada_wilayah;

	if (superuser())
		return true;
	if (!usulan_kantor(GetUserId(), peran, &wilayah, &ada_wilayah))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("the candidate search of dtks.penduduk is for the offices of dtks"),
				 errdetail("Role %s is not in dtks.petugas_peran.", GetUserNameFromId(GetUserId(), false))));
	if (strcmp(peran, "pusat") == 0 || strcmp(peran, "pt") == 0)
		return true;
	if (!ada_wilayah)
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("the candidate search of dtks.penduduk is for the offices of dtks"),
				 errdetail("The %s office of role %s has no region.", peran, GetUserNameFromId(GetUserId(), false))));
	*lingkup = kode_wilayah_tingkat(wilayah) >= 2 ? kode_wilayah_leluhur_pada(wilayah, 2) : wilayah;
	return false;
}

/* Copy every row SPI returned into the function's result set. */
static void
simpan_hasil(ReturnSetInfo *rsinfo)
{
	int			kolom = rsinfo->setDesc->natts;
	Datum	   *nilai = palloc(sizeof(Datum) * kolom);
	bool	   *null = palloc(sizeof(bool) * kolom);

	for (uint64 i = 0; i < SPI_processed; i++)
	{
		for (int k = 0; k < kolom; k++)
			nilai[k] = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, k + 1, &null[k]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, nilai, null);
	}
}

PG_FUNCTION_INFO_V1(cari_penduduk);

/*
 * dtks.cari_penduduk(nik_ketik, nama, tanggal_lahir, jenis_kelamin, kode_wilayah, batas): the candidates of
 * dtks.penduduk_calon inside what the caller may see, with the thresholds of the settings.
 */
Datum
cari_penduduk(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int			batas = PG_ARGISNULL(5) ? 5 : PG_GETARG_INT32(5);
	int64		lingkup = 0;
	bool		semua;
	Datum		arg[10];
	char		argnull[10];
	SpiAman		aman;
	char		ambang[32];

	if (batas < 1 || batas > BATAS_MAKS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("dtks.cari_penduduk returns between 1 and %d candidates", BATAS_MAKS),
				 errdetail("batas is %d.", batas)));
	semua = padan_lingkup_pemanggil(&lingkup);
	InitMaterializedSRF(fcinfo, 0);

	for (int i = 0; i < 5; i++)
	{
		arg[i] = PG_GETARG_DATUM(i);
		argnull[i] = PG_ARGISNULL(i) ? 'n' : ' ';
	}
	arg[5] = Int32GetDatum(batas);
	argnull[5] = ' ';
	arg[6] = Int64GetDatum(lingkup);
	argnull[6] = semua ? 'n' : ' ';
	arg[7] = Float8GetDatum(padan_ambang_calon);
	argnull[7] = ' ';
	arg[8] = Float8GetDatum(padan_ambang_tautan);
	argnull[8] = ' ';
	arg[9] = BoolGetDatum(true);	/* the names alike whenever the NIKs and dates gave nobody to link */
	argnull[9] = ' ';

	SPI_connect();
	spi_aman_masuk(&aman, usulan_pemilik(), 0);
	/* the name index looks up keys at least this similar (pg_trgm's % operator) */
	snprintf(ambang, sizeof(ambang), "%g", padan_ambang_nama);
	(void) set_config_option("pg_trgm.similarity_threshold", ambang, PGC_USERSET, PGC_S_SESSION,
							 GUC_ACTION_SAVE, true, 0, false);
	if (rencana == NULL)
	{
		Oid			tipe[10];

		/* the argument types of dtks.penduduk_calon, as declared */
		tipe[0] = TEXTOID;
		tipe[1] = TEXTOID;
		tipe[2] = DATEOID;
		tipe[3] = TEXTOID;
		tipe[4] = get_fn_expr_argtype(fcinfo->flinfo, 4);
		if (tipe[4] == InvalidOid)
			elog(ERROR, "cari_penduduk: the type of kode_wilayah is unknown");
		tipe[5] = INT4OID;
		tipe[6] = tipe[4];
		tipe[7] = FLOAT8OID;
		tipe[8] = FLOAT8OID;
		tipe[9] = BOOLOID;
		/* the search with its breakdown (which says whether Dukcapil has the person alive) */
		rencana = SPI_prepare("SELECT c.nik, c.skor, c.rincian"
							  " FROM dtks.penduduk_calon($1, dtks.nama_kunci($2), $3, $4, $5, $6, $7, $8, $9, $10, true) c",
							  10, tipe);
		if (rencana == NULL || SPI_keepplan(rencana) != 0)
			elog(ERROR, "cari_penduduk: cannot prepare the search: %s", SPI_result_code_string(SPI_result));
	}
	if (SPI_execute_plan(rencana, arg, argnull, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "cari_penduduk: the search failed");
	simpan_hasil(rsinfo);
	spi_aman_keluar(&aman);
	SPI_finish();
	return (Datum) 0;
}

static SPIPlanPtr rencana_ganda = NULL;

PG_FUNCTION_INFO_V1(calon_ganda);

/*
 * dtks.calon_ganda(kode_wilayah): the pairs of dtks.ganda_cari inside the region, which must lie inside what
 * the caller may see (NULL: all of that); the threshold is dtks.padan_ambang_ganda.
 */
Datum
calon_ganda(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int64		lingkup = 0;
	bool		semua = padan_lingkup_pemanggil(&lingkup);
	bool		ada = !PG_ARGISNULL(0);
	int64		wilayah = ada ? PG_GETARG_INT64(0) : 0;
	Datum		arg[2];
	char		argnull[2];
	SpiAman		aman;

	if (!semua && ada && !kode_wilayah_memuat(lingkup, wilayah))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("the duplicate search of dtks is inside the kab/kota of the office's region"),
				 errdetail("Role %s may not see the region asked for.", GetUserNameFromId(GetUserId(), false))));
	if (!semua && !ada)
	{
		wilayah = lingkup;
		ada = true;
	}
	InitMaterializedSRF(fcinfo, 0);
	arg[0] = Int64GetDatum(wilayah);
	argnull[0] = ada ? ' ' : 'n';
	arg[1] = Float8GetDatum(padan_ambang_ganda);
	argnull[1] = ' ';

	SPI_connect();
	spi_aman_masuk(&aman, usulan_pemilik(), 0);
	if (rencana_ganda == NULL)
	{
		Oid			tipe[2];

		tipe[0] = get_fn_expr_argtype(fcinfo->flinfo, 0);
		if (tipe[0] == InvalidOid)
			elog(ERROR, "calon_ganda: the type of kode_wilayah is unknown");
		tipe[1] = FLOAT8OID;
		rencana_ganda = SPI_prepare("SELECT g.sumber, g.nik_a, g.nik_b, g.usulan_a, g.usulan_b, g.skor, g.alasan "
									"FROM dtks.ganda_cari($1, $2) g", 2, tipe);
		if (rencana_ganda == NULL || SPI_keepplan(rencana_ganda) != 0)
			elog(ERROR, "calon_ganda: cannot prepare the search: %s", SPI_result_code_string(SPI_result));
	}
	if (SPI_execute_plan(rencana_ganda, arg, argnull, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "calon_ganda: the search failed");
	simpan_hasil(rsinfo);
	spi_aman_keluar(&aman);
	SPI_finish();
	return (Datum) 0;
}
