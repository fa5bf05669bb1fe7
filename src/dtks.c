/*
 * dtks.c
 *		Module entry point of the dtks extension.
 */
#include "postgres.h"

#include "fmgr.h"

PG_MODULE_MAGIC;
