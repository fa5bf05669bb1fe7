/*
 * registri_aturan.h
 *		What the penetapan (penetapan.c) asks of the registry's commit-time
 *		check (registri_aturan.c).
 */
#ifndef DTKS_REGISTRI_ATURAN_H
#define DTKS_REGISTRI_ATURAN_H

/*
 * While the penetapan runs (set by dtks.tetapkan around its run, cleared
 * whatever happens): the registry triggers record the keys but insert no mark
 * (in the run's security-restricted operation the mark's deferred event would
 * be refused); the run checks the keys itself (dtks.registri_periksa_sekarang)
 * before the month is recorded.
 */
extern void registri_penetapan_berjalan(bool berjalan);

/* After the run: keys recorded and not yet checked get their mark, as the caller (checked at commit). */
extern void registri_tandai_sisa(void);

#endif							/* DTKS_REGISTRI_ATURAN_H */
