/*
 * registri_semua.h
 *		The whole-registry pass used by the commit-time check of a bulk change.
 */
#ifndef DTKS_REGISTRI_SEMUA_H
#define DTKS_REGISTRI_SEMUA_H

/* Is the whole registry certainly clean of rule violations?  (false: run the query) */
extern bool registri_semua_bersih(void);

#endif
