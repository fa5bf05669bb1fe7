/*
 * kode_wilayah_planner.c
 *		Planner support for the region containment operators @> and <@.
 *
 * A region's descendants are a contiguous range of the int64 encoding, so
 * "kode <@ R" is exactly "kode >= R AND kode <= kode_wilayah_akhir(R)".  The
 * support functions below hand the planner that pair of btree conditions
 * (SupportRequestIndexCondition), so a plain btree index on a kode_wilayah
 * column serves containment as an index range scan, with no lossy recheck.
 * The reverse question "kode @> X" (which regions contain X) becomes
 * "kode = ANY(the ancestors of X)" when X is a constant.
 *
 * Why a support function rather than an opclass or an inlined SQL wrapper:
 * btree strategies are fixed to < <= = >= >, so @> cannot be a btree member;
 * an SQL wrapper would expand every use of the operator and lose its name in
 * EXPLAIN and its estimator.  The support function keeps a cheap C operator
 * and adds the index path only where an index exists.
 */
#include "postgres.h"

#include "access/stratnum.h"
#include "catalog/pg_am.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/pathnodes.h"
#include "nodes/supportnodes.h"
#include "optimizer/optimizer.h"
#include "parser/parse_func.h"
#include "utils/array.h"
#include "utils/lsyscache.h"
#include "utils/typcache.h"

#include "kode_wilayah.h"

/*
 * The btree operator for one strategy, or InvalidOid unless the index uses the
 * type's default btree family: the range rewrite is only true in its order.
 */
static Oid
operator_btree(SupportRequestIndexCondition *req, Oid tipe, int strategi)
{
	if (req->index->relam != BTREE_AM_OID ||
		req->opfamily != lookup_type_cache(tipe, TYPECACHE_BTREE_OPFAMILY)->btree_opf)
		return InvalidOid;
	return get_opfamily_member(req->opfamily, tipe, tipe, strategi);
}

/* A Const of the kode_wilayah type holding an encoded value. */
static Const *
konstanta(Oid tipe, int64 nilai)
{
	return makeConst(tipe, -1, InvalidOid, sizeof(int64), Int64GetDatum(nilai),
					 false, FLOAT8PASSBYVAL);
}

/* A call of dtks.kode_wilayah_akhir(arg), looked up beside the operator's function. */
static Expr *
panggil_akhir(Oid fungsi_operator, Oid tipe, Node *arg)
{
	char	   *skema = get_namespace_name(get_func_namespace(fungsi_operator));
	Oid			argtipe[1] = {tipe};
	Oid			fungsi;

	fungsi = LookupFuncName(list_make2(makeString(skema), makeString("kode_wilayah_akhir")),
							1, argtipe, true);
	if (!OidIsValid(fungsi))
		return NULL;
	return (Expr *) makeFuncExpr(fungsi, tipe, list_make1(arg), InvalidOid, InvalidOid,
								 COERCE_EXPLICIT_CALL);
}

/* kolom inside region: kolom >= region AND kolom <= akhir(region). */
static List *
kondisi_rentang(SupportRequestIndexCondition *req, Node *kolom, Node *wilayah)
{
	Oid			tipe = exprType(kolom);
	Oid			op_ge = operator_btree(req, tipe, BTGreaterEqualStrategyNumber);
	Oid			op_le = operator_btree(req, tipe, BTLessEqualStrategyNumber);
	Expr	   *bawah;
	Expr	   *atas;

	if (!OidIsValid(op_ge) || !OidIsValid(op_le))
		return NIL;

	if (IsA(wilayah, Const))
	{
		Const	   *c = (Const *) wilayah;

		if (c->constisnull)
			return NIL;
		bawah = (Expr *) konstanta(tipe, DatumGetKodeWilayah(c->constvalue));
		atas = (Expr *) konstanta(tipe, kode_wilayah_akhir_dari(DatumGetKodeWilayah(c->constvalue)));
	}
	else
	{
		/* a parameter or other expression that is constant during the scan */
		if (!is_pseudo_constant_for_index(req->root, wilayah, req->index))
			return NIL;
		bawah = (Expr *) wilayah;
		atas = panggil_akhir(req->funcid, tipe, wilayah);
		if (atas == NULL)
			return NIL;
	}
	req->lossy = false;
	return list_make2(make_opclause(op_ge, BOOLOID, false, (Expr *) kolom, bawah,
									InvalidOid, InvalidOid),
					  make_opclause(op_le, BOOLOID, false, (Expr *) kolom, atas,
									InvalidOid, InvalidOid));
}

/* kolom contains a constant region: kolom = ANY(its ancestors and itself). */
static List *
kondisi_leluhur(SupportRequestIndexCondition *req, Node *kolom, Node *wilayah)
{
	Oid			tipe = exprType(kolom);
	Oid			op_eq = operator_btree(req, tipe, BTEqualStrategyNumber);
	Datum		leluhur[4];
	int			n;
	int64		kode;
	ArrayType  *larik;
	ScalarArrayOpExpr *saop;

	if (!OidIsValid(op_eq) || !IsA(wilayah, Const) || ((Const *) wilayah)->constisnull)
		return NIL;
	kode = DatumGetKodeWilayah(((Const *) wilayah)->constvalue);
	n = kode_wilayah_tingkat(kode);
	for (int t = 1; t <= n; t++)
		leluhur[t - 1] = KodeWilayahGetDatum(kode_wilayah_leluhur_pada(kode, t));
	larik = construct_array(leluhur, n, tipe, sizeof(int64), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE);

	saop = makeNode(ScalarArrayOpExpr);
	saop->opno = op_eq;
	saop->opfuncid = get_opcode(op_eq);
	saop->useOr = true;
	saop->inputcollid = InvalidOid;
	saop->args = list_make2(kolom,
							makeConst(get_array_type(tipe), -1, InvalidOid, -1,
									  PointerGetDatum(larik), false, false));
	saop->location = -1;
	req->lossy = false;
	return list_make1(saop);
}

/*
 * Shared body of both support functions.  arg_dalam is the argument position
 * of the contained region: 1 for a @> b, 0 for a <@ b.
 */
static Node *
dukungan(Node *permintaan, int arg_dalam)
{
	SupportRequestIndexCondition *req;
	List	   *args;
	Node	   *kolom;
	Node	   *lain;

	if (!IsA(permintaan, SupportRequestIndexCondition))
		return NULL;
	req = (SupportRequestIndexCondition *) permintaan;
	if (is_opclause(req->node))
		args = ((OpExpr *) req->node)->args;
	else if (is_funcclause(req->node))
		args = ((FuncExpr *) req->node)->args;
	else
		return NULL;
	if (list_length(args) != 2 || req->indexarg < 0 || req->indexarg > 1)
		return NULL;

	kolom = (Node *) list_nth(args, req->indexarg);
	lain = (Node *) list_nth(args, 1 - req->indexarg);
	if (req->indexarg == arg_dalam)
		return (Node *) kondisi_rentang(req, kolom, lain);
	return (Node *) kondisi_leluhur(req, kolom, lain);
}

/* Planner support for kode_wilayah_memuat (a @> b) */
PG_FUNCTION_INFO_V1(kode_wilayah_memuat_dukungan);
Datum
kode_wilayah_memuat_dukungan(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(dukungan((Node *) PG_GETARG_POINTER(0), 1));
}

/* Planner support for kode_wilayah_dimuat (a <@ b) */
PG_FUNCTION_INFO_V1(kode_wilayah_dimuat_dukungan);
Datum
kode_wilayah_dimuat_dukungan(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(dukungan((Node *) PG_GETARG_POINTER(0), 0));
}
