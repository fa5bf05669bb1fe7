/*
 * galat.h
 *		Input-error reporting that is soft where PostgreSQL allows it.
 *
 * On PostgreSQL 16+ an input function reports through errsave() so that
 * pg_input_is_valid() and pg_input_error_info() work; on 15 it raises.
 */
#ifndef DTKS_GALAT_H
#define DTKS_GALAT_H

#include "postgres.h"
#if PG_VERSION_NUM >= 160000
#include "nodes/miscnodes.h"
#define LAPORKAN_MASUKAN(ctx, ...) errsave(ctx, __VA_ARGS__)
#else
#define LAPORKAN_MASUKAN(ctx, ...) \
	do { (void) (ctx); ereport(ERROR, __VA_ARGS__); } while (0)
#endif

#endif							/* DTKS_GALAT_H */
