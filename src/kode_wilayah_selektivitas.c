/*
 * kode_wilayah_selektivitas.c
 *		Row estimates for the region containment operators @> and <@.
 *
 * "kode <@ R" is the range [R, kode_wilayah_akhir(R)] of the int64 encoding,
 * so its selectivity is the share of the column's histogram inside that range
 * (interpolated within buckets, as scalarineqsel does for numbers) plus the
 * matching most-common values.  "kode @> X" is kode = ANY(ancestors of X):
 * at most four equality estimates added up.  Without statistics, or against
 * a non-constant, a fixed default is used.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_statistic.h"
#include "fmgr.h"
#include "nodes/pathnodes.h"
#include "utils/lsyscache.h"
#include "utils/selfuncs.h"
#include "utils/typcache.h"

#include "kode_wilayah.h"

/* Selectivity when no statistics help: about one kecamatan among all regions. */
#define SELEKTIVITAS_BAWAAN 0.005

/* Share of the histogram population inside [bawah, atas], interpolating within buckets; -1 if none. */
static double
bagian_histogram(VariableStatData *vardata, int64 bawah, int64 atas)
{
	AttStatsSlot slot;
	double		bagian = 0.0;
	int			ember;

	if (!HeapTupleIsValid(vardata->statsTuple) ||
		!get_attstatsslot(&slot, vardata->statsTuple, STATISTIC_KIND_HISTOGRAM, InvalidOid,
						  ATTSTATSSLOT_VALUES))
		return -1.0;
	if (slot.nvalues < 2)
	{
		free_attstatsslot(&slot);
		return -1.0;
	}
	ember = slot.nvalues - 1;
	for (int i = 0; i < ember; i++)
	{
		int64		a = DatumGetKodeWilayah(slot.values[i]);
		int64		b = DatumGetKodeWilayah(slot.values[i + 1]);
		int64		dari = Max(a, bawah);
		int64		sampai = Min(b, atas);

		if (dari > sampai)
			continue;
		bagian += (b == a) ? 1.0 : ((double) sampai - (double) dari) / ((double) b - (double) a);
	}
	free_attstatsslot(&slot);
	return bagian / ember;
}

/* Selectivity of "kolom inside region": MCVs that match plus the histogram share of the range. */
static double
sel_di_dalam(VariableStatData *vardata, Oid operator, Datum wilayah, bool varonleft)
{
	int64		bawah = DatumGetKodeWilayah(wilayah);
	FmgrInfo	proc;
	double		mcvsel,
				mcvsum,
				hist,
				nullfrac = 0.0,
				satu;
	bool		bawaan;

	fmgr_info(get_opcode(operator), &proc);
	mcvsel = mcv_selectivity(vardata, &proc, InvalidOid, wilayah, varonleft, &mcvsum);
	hist = bagian_histogram(vardata, bawah, kode_wilayah_akhir_dari(bawah));
	if (hist < 0.0)
		return mcvsum > 0.0 ? mcvsel + SELEKTIVITAS_BAWAAN * (1.0 - mcvsum) : SELEKTIVITAS_BAWAAN;
	if (HeapTupleIsValid(vardata->statsTuple))
		nullfrac = ((Form_pg_statistic) GETSTRUCT(vardata->statsTuple))->stanullfrac;

	/* a region holds at least itself: never estimate below one distinct value */
	satu = 1.0 / Max(get_variable_numdistinct(vardata, &bawaan), 1.0);
	return mcvsel + Max(hist, satu) * (1.0 - mcvsum - nullfrac);
}

/* Selectivity of "kolom contains region": the sum of equality estimates of its ancestors. */
static double
sel_memuat(VariableStatData *vardata, Oid tipe, Datum wilayah, bool varonleft)
{
	int64		kode = DatumGetKodeWilayah(wilayah);
	Oid			op_eq = lookup_type_cache(tipe, TYPECACHE_EQ_OPR)->eq_opr;
	double		sel = 0.0;

	if (!OidIsValid(op_eq))
		return SELEKTIVITAS_BAWAAN;
	for (int t = 1; t <= kode_wilayah_tingkat(kode); t++)
		sel += var_eq_const(vardata, op_eq, InvalidOid,
							KodeWilayahGetDatum(kode_wilayah_leluhur_pada(kode, t)),
							false, varonleft, false);
	return sel;
}

/* Restriction selectivity of @> and <@ */
PG_FUNCTION_INFO_V1(kode_wilayah_sel);
Datum
kode_wilayah_sel(PG_FUNCTION_ARGS)
{
	PlannerInfo *root = (PlannerInfo *) PG_GETARG_POINTER(0);
	Oid			operator = PG_GETARG_OID(1);
	List	   *args = (List *) PG_GETARG_POINTER(2);
	int			varRelid = PG_GETARG_INT32(3);
	VariableStatData vardata;
	Node	   *lain;
	bool		varonleft;
	bool		kolom_di_dalam;
	double		sel;
	char	   *nama;

	if (!get_restriction_variable(root, args, varRelid, &vardata, &lain, &varonleft))
		PG_RETURN_FLOAT8(SELEKTIVITAS_BAWAAN);
	if (!IsA(lain, Const))
	{
		ReleaseVariableStats(vardata);
		PG_RETURN_FLOAT8(SELEKTIVITAS_BAWAAN);
	}
	if (((Const *) lain)->constisnull)
	{
		ReleaseVariableStats(vardata);
		PG_RETURN_FLOAT8(0.0);
	}

	/* "kolom <@ R" and "R @> kolom" ask for R's descendants; the others for X's ancestors */
	nama = get_opname(operator);
	kolom_di_dalam = (strcmp(nama, "<@") == 0) == varonleft;
	if (kolom_di_dalam)
		sel = sel_di_dalam(&vardata, operator, ((Const *) lain)->constvalue, varonleft);
	else
		sel = sel_memuat(&vardata, vardata.vartype, ((Const *) lain)->constvalue, varonleft);
	ReleaseVariableStats(vardata);
	CLAMP_PROBABILITY(sel);
	PG_RETURN_FLOAT8(sel);
}
