/*
 * usulan.h
 *		The usulan state machine (usulan.c) and the runs that take steps as a
 *		system office (usulan_sistem.c).
 */
#ifndef DTKS_USULAN_H
#define DTKS_USULAN_H

#include "utils/date.h"

/* The cut-off day of the month for the penetapan (GUC dtks.hari_batas). */
extern int	usulan_hari_batas;

/* Whether the schedule windows are enforced (GUC dtks.tegakkan_jadwal). */
extern bool usulan_tegakkan_jadwal;

/* Take the steps that follow as the matching or the penetapan, started by a user (NULL: as the user again). */
extern void usulan_sebagai(const char *peran, Oid pelaku);

/* The month the running penetapan determines (0: none; set by dtks.tetapkan around its run). */
extern void usulan_periode_penetapan(DateADT periode, bool ada);

/* Run a query as the owner of dtks.usulan taking steps as a system office; SPI's result code. */
extern int	usulan_jalankan_sistem(const char *peran, const char *perintah, int nargs, Oid *argtipe,
								   Datum *arg, const char *argnull);

/* The same, the owner not in a security-restricted operation: a database still at 1.0's penetapan only. */
extern int	usulan_jalankan_sistem_1_0(const char *peran, const char *perintah, int nargs, Oid *argtipe,
									   Datum *arg, const char *argnull);

/* The owner of dtks.usulan (the system runs and the cache reads work as it). */
extern Oid	usulan_pemilik(void);

/* The office and region of a user (read as the owner); false if it has none. */
extern bool usulan_kantor(Oid pengguna, char *peran, int64 *wilayah, bool *ada_wilayah);

#endif
