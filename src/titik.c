/*
 * titik.c
 *		Argument checks for the point-in-region lookup wilayah_di_titik() and
 *		the synthetic location generator sintetis_titik().
 *
 * Both are SQL over PostGIS (a GiST-indexed ST_Covers; ST_GeneratePoints);
 * this file only gives them clear errors, since an SQL-standard function body
 * cannot raise one, and PostGIS's own errors name neither dtks nor the
 * expected geometry (ST_GeneratePoints raises an internal error, XX000, for a
 * point, a line, a collection or a polygon without area).
 */
#include "postgres.h"

#include <math.h>

#include "fmgr.h"
#include "utils/builtins.h"

#define SRID_WGS84 4326

/* Raise 22023 unless a geometry's SRID and type make it a WGS 84 point; else true */
PG_FUNCTION_INFO_V1(titik_wgs84_periksa);
Datum
titik_wgs84_periksa(PG_FUNCTION_ARGS)
{
	int32		srid = PG_GETARG_INT32(0);
	char	   *jenis = text_to_cstring(PG_GETARG_TEXT_PP(1));

	/* GeometryType() says POINT for 2D and 3D points, POINTM for measured ones */
	if (strcmp(jenis, "POINT") != 0 && strcmp(jenis, "POINTM") != 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("wilayah_di_titik expects a point"),
				errdetail("The geometry is a %s.", jenis),
				errhint("Pass ST_PointOnSurface(geom) or ST_Centroid(geom) to locate another shape."));
	if (srid != SRID_WGS84)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("wilayah_di_titik expects a point in SRID 4326 (WGS 84 longitude/latitude)"),
				errdetail("The point has SRID %d.", srid),
				errhint("Transform it first: ST_Transform(geom, 4326), or ST_SetSRID(geom, 4326) if it is already longitude/latitude."));
	PG_RETURN_BOOL(true);
}

/*
 * Raise 22023 unless a boundary can hold a generated point: a (multi)polygon,
 * not empty, in SRID 4326, with a positive finite area; else the boundary
 */
PG_FUNCTION_INFO_V1(sintetis_batas_periksa);
Datum
sintetis_batas_periksa(PG_FUNCTION_ARGS)
{
	int32		srid = PG_GETARG_INT32(1);
	char	   *jenis = text_to_cstring(PG_GETARG_TEXT_PP(2));
	bool		kosong = PG_GETARG_BOOL(3);
	float8		luas = PG_GETARG_FLOAT8(4);

	/* GeometryType() adds M for measured shapes */
	if (strcmp(jenis, "POLYGON") != 0 && strcmp(jenis, "POLYGONM") != 0 &&
		strcmp(jenis, "MULTIPOLYGON") != 0 && strcmp(jenis, "MULTIPOLYGONM") != 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("sintetis_titik expects a polygon or multipolygon boundary"),
				errdetail("The boundary is a %s.", jenis));
	if (kosong)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("sintetis_titik expects a boundary that is not empty"),
				errdetail("The boundary is an empty %s.", jenis));
	if (srid != SRID_WGS84)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("sintetis_titik expects a boundary in SRID 4326 (WGS 84 longitude/latitude)"),
				errdetail("The boundary has SRID %d.", srid),
				errhint("Transform it first: ST_Transform(geom, 4326), or ST_SetSRID(geom, 4326) if it is already longitude/latitude."));
	if (isnan(luas) || isinf(luas) || luas <= 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("sintetis_titik expects a boundary with a positive, finite area"),
				isnan(luas) ? errdetail("The area is NaN: a coordinate is not a number.") :
				isinf(luas) ? errdetail("The area is infinite: a coordinate is too large.") :
				errdetail("The area is %g: the rings are degenerate (collinear, cancelling each other, or too small).", luas));
	PG_RETURN_DATUM(PG_GETARG_DATUM(0));
}
