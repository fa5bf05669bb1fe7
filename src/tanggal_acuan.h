/*
 * tanggal_acuan.h
 *		The reference date of the process (GUC dtks.tanggal_acuan, else today).
 */
#ifndef DTKS_TANGGAL_ACUAN_H
#define DTKS_TANGGAL_ACUAN_H

#include "postgres.h"
#include "utils/date.h"
#include "utils/guc.h"

/* The text of dtks.tanggal_acuan (empty: today). */
extern char *tanggal_acuan_teks;

/* Check hook of dtks.tanggal_acuan: empty, or a date written YYYY-MM-DD. */
extern bool tanggal_acuan_periksa(char **nilai_baru, void **extra, GucSource sumber);

/* Assign hook of dtks.tanggal_acuan. */
extern void tanggal_acuan_tetapkan(const char *nilai_baru, void *extra);

/* The reference date now: dtks.tanggal_acuan when set, else the current date. */
extern DateADT tanggal_acuan_kini(void);

#endif							/* DTKS_TANGGAL_ACUAN_H */
