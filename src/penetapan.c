/*
 * penetapan.c
 *		dtks.tetapkan: the ministry's monthly penetapan.
 *
 * Only the ministry (pusat) or a superuser determines a month.  The run then
 * works as the owner of dtks.usulan with the state machine's office set to
 * penetapan (the only office that takes dikirim -> ditetapkan), records the
 * month on every usulan it determines, and restores all of it whatever
 * happens.  The work itself is set-based SQL (dtks.penetapan_jalankan), which
 * nobody else may call, run by the owner in a security-restricted operation:
 * the month's temporary work tables, which such an operation may fill but not
 * create, are created first by the caller (dtks.penetapan_meja_kerja, called
 * here directly, granted to nobody).  The registry's rules are checked by the
 * run itself before it records the month (dtks.registri_periksa_sekarang: the
 * registry's mark, whose deferred event the restricted operation refuses, is
 * left out while it runs), and at commit for whatever comes after, so a month
 * that breaks one stores nothing.  A database still at 1.0 (no
 * penetapan_meja_kerja) runs its own penetapan_jalankan as before, the owner
 * not restricted, until ALTER EXTENSION dtks UPDATE.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type_d.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "parser/parse_func.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"

#include "registri_aturan.h"
#include "spi_aman.h"
#include "usulan.h"

/* Refuse a caller who is not the ministry or a superuser (42501). */
static void
periksa_pusat(DateADT periode)
{
	char		peran[NAMEDATALEN];
	int64		wilayah;
	bool		ada_wilayah;
	Oid			pengguna = GetUserId();
	bool		ada_kantor;
	int			y,
				m,
				d;

	if (superuser())
		return;
	ada_kantor = usulan_kantor(pengguna, peran, &wilayah, &ada_wilayah);
	if (ada_kantor && strcmp(peran, "pusat") == 0)
		return;
	j2date(periode + POSTGRES_EPOCH_JDATE, &y, &m, &d);
	ereport(ERROR,
			errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
			errmsg("the penetapan of %04d-%02d is made by the ministry (pusat) only", y, m),
			errdetail("Role %s is %s.", GetUserNameFromId(pengguna, false),
					  ada_kantor ? "not a pusat office" : "not in dtks.petugas_peran"));
}

/* The first day of the month of a date. */
static DateADT
awal_bulan(DateADT tanggal)
{
	int			y,
				m,
				d;

	if (DATE_NOT_FINITE(tanggal))
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("penetapan: the month must be a finite date"),
				errdetail("Give any day of the month to determine, e.g. 2026-12-01."));
	j2date(tanggal + POSTGRES_EPOCH_JDATE, &y, &m, &d);
	return date2j(y, m, 1) - POSTGRES_EPOCH_JDATE;
}

/* dtks.tetapkan(periode): determine a month: apply every dikirim usulan to DTKS and record the month */
PG_FUNCTION_INFO_V1(tetapkan);
Datum
tetapkan(PG_FUNCTION_ARGS)
{
	DateADT		periode = awal_bulan(PG_GETARG_DATEADT(0));
	Oid			argtipe[1] = {DATEOID};
	Datum		arg[1] = {DateADTGetDatum(periode)};
	TupleDesc	desc;
	HeapTuple	hasil;
	Datum	   *nilai;
	bool	   *null;
	int			n;
	Oid			meja_kerja = LookupFuncName(list_make2(makeString("dtks"), makeString("penetapan_meja_kerja")),
											0, NULL, true);
	bool		terbatas = OidIsValid(meja_kerja);

	periksa_pusat(periode);
	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "tetapkan: must return a record");
	n = desc->natts;
	nilai = palloc(n * sizeof(Datum));
	null = palloc(n * sizeof(bool));

	SPI_connect();
	if (terbatas)
	{
		SpiAman		aman;

		/* the work tables, as the caller (the search_path pinned, as in the function itself) */
		spi_aman_masuk(&aman, InvalidOid, 0);
		(void) OidFunctionCall0(meja_kerja);
		spi_aman_keluar(&aman);
	}
	usulan_periode_penetapan(periode, true);
	registri_penetapan_berjalan(terbatas);
	PG_TRY();
	{
		if ((terbatas ? usulan_jalankan_sistem : usulan_jalankan_sistem_1_0)
			("penetapan", "SELECT * FROM dtks.penetapan_jalankan($1)", 1, argtipe, arg, NULL) != SPI_OK_SELECT ||
			SPI_processed != 1 || SPI_tuptable->tupdesc->natts != n)
			elog(ERROR, "tetapkan: the penetapan returned no summary");
	}
	PG_FINALLY();
	{
		usulan_periode_penetapan(0, false);
		registri_penetapan_berjalan(false);
	}
	PG_END_TRY();
	for (int i = 0; i < n; i++)
	{
		nilai[i] = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, i + 1, &null[i]);
		if (!null[i])
			nilai[i] = SPI_datumTransfer(nilai[i], TupleDescAttr(desc, i)->attbyval,
										 TupleDescAttr(desc, i)->attlen);
	}
	/* what the run recorded after its own check is checked at commit */
	if (terbatas)
		registri_tandai_sisa();
	SPI_finish();
	hasil = heap_form_tuple(BlessTupleDesc(desc), nilai, null);
	return HeapTupleGetDatum(hasil);
}
