/*
 * kode_wilayah_selektivitas.c
 *		Row estimates for the region containment operators @> and <@.
 *
 * "kode <@ R" is the range [R, kode_wilayah_akhir(R)] of the int64 encoding,
 * so its selectivity is the share of the column's histogram inside that range
 * plus the matching most-common values.  Within a bucket the share is counted
 * in region units, not numbers, because the encoding is sparse.  "kode @> X" is kode = ANY(ancestors of X):
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

/*
 * Typical number of children per region at each child level in the 2025
 * edition (514/38 kab/kota per province, 7285/514 kecamatan per kab/kota,
 * 83762/7285 desa per kecamatan).
 */
static const double anak_khas[5] = {0.0, 0.0, 13.5, 14.2, 11.5};

/* The group of a code at a level: PP, KK, CC or DDDD. */
static int
kelompok(int64 kode, int tingkat)
{
	switch (tingkat)
	{
		case 1:
			return (int) (kode / INT64CONST(100000000));
		case 2:
			return (int) ((kode / 1000000) % 100);
		case 3:
			return (int) ((kode / 10000) % 100);
		default:
			return (int) (kode % 10000);
	}
}

/*
 * Share of the histogram bucket [a, b] inside region r.  The encoding is
 * sparse, so instead of interpolating numbers: count the units of the first
 * level where a and b differ, give r one unit at that level, and divide by the
 * typical number of children for each level r lies below it.
 */
static double
bagian_ember(int64 a, int64 b, int64 r)
{
	int64		akhir = kode_wilayah_akhir_dari(r);
	int			tingkat = kode_wilayah_tingkat(r);
	int			beda = 1;
	double		bagian;

	if (akhir < a || r > b)
		return 0.0;
	if (r <= a && akhir >= b)
		return 1.0;
	while (beda < 4 && kelompok(a, beda) == kelompok(b, beda))
		beda++;
	if (tingkat < beda)
		return 1.0;
	bagian = 1.0 / (kelompok(b, beda) - kelompok(a, beda) + 1);
	for (int t = beda + 1; t <= tingkat; t++)
		bagian /= anak_khas[t];
	return bagian;
}

/* Share of the histogram population inside region r; -1 without a histogram. */
static double
bagian_histogram(VariableStatData *vardata, int64 r)
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
		bagian += bagian_ember(DatumGetKodeWilayah(slot.values[i]),
							   DatumGetKodeWilayah(slot.values[i + 1]), r);
	free_attstatsslot(&slot);
	return bagian / ember;
}

/* Selectivity of "kolom inside region": MCVs that match plus the histogram share of the range. */
static double
sel_di_dalam(VariableStatData *vardata, Oid operator, Datum wilayah, bool varonleft)
{
	FmgrInfo	proc;
	double		mcvsel,
				mcvsum,
				hist,
				nullfrac = 0.0,
				satu;
	bool		bawaan;

	fmgr_info(get_opcode(operator), &proc);
	mcvsel = mcv_selectivity(vardata, &proc, InvalidOid, wilayah, varonleft, &mcvsum);
	hist = bagian_histogram(vardata, DatumGetKodeWilayah(wilayah));
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
