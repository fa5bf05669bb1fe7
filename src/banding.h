/*
 * banding.h
 *		The comparison kernel (banding.c) as the score model (padan.c) uses it.
 */
#ifndef DTKS_BANDING_H
#define DTKS_BANDING_H

#include "postgres.h"

/* Similarity in [0, 1] of two name keys word by word (dtks.nama_banding). */
extern double banding_nama(text *a, text *b);

/* The digits of typed text, anything else skipped: how many (all counted), the first maks kept. */
extern int	banding_digit_ketik(text *t, char *digit, int maks);

/* The class of the difference of typed digits (n of them, at most 17 kept) from a NIK's 16 (dtks.nik_banding). */
extern const char *banding_kelas_nik(const char *ketik, int n, const char *nik);

#endif							/* DTKS_BANDING_H */
