/*
 * usulan.h
 *		The usulan state machine (usulan.c).
 */
#ifndef DTKS_USULAN_H
#define DTKS_USULAN_H

/* The cut-off day of the month for the penetapan (GUC dtks.hari_batas). */
extern int	usulan_hari_batas;

/* Take the steps that follow as the matching or the penetapan (NULL: as the user again). */
extern void usulan_sebagai(const char *peran);

#endif
