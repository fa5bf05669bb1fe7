/*
 * tanggal.h
 *		Calendar rules for the DDMMYY fields of NIK and KK numbers.
 *
 * A NIK or KK number carries a two-digit year with no century.  These
 * helpers decide whether a day/month exists and, given a reference date,
 * which century makes the date the latest one not after that reference.
 * They are pure C (no ereport) so that every caller can decide how to fail.
 */
#ifndef DTKS_TANGGAL_H
#define DTKS_TANGGAL_H

#include "postgres.h"
#include "utils/date.h"

/* Does day/month exist for a two-digit year (29 February only when yy % 4 == 0)? */
extern bool tanggal_ada_dua_digit(int hari, int bulan, int yy);

/*
 * Resolve the century: the latest date with this day, month and year mod 100
 * that is not after acuan.  Returns false when there is none (acuan before
 * year 1, or acuan not finite).
 */
extern bool tanggal_abad_terdekat(int hari, int bulan, int yy, DateADT acuan,
								  DateADT *hasil);

#endif							/* DTKS_TANGGAL_H */
