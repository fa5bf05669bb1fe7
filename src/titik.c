/*
 * titik.c
 *		Argument checks for the point-in-region lookup wilayah_di_titik().
 *
 * The lookup itself is SQL over PostGIS (a GiST-indexed ST_Covers); this file
 * only gives it a clear error, since an SQL-standard function body cannot
 * raise one, and PostGIS's own "mixed SRID" error names neither dtks nor the
 * expected SRID.
 */
#include "postgres.h"

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
