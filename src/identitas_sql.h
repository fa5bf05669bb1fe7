/*
 * identitas_sql.h
 *		The SQL-facing half shared by the nik and no_kk types: parse or
 *		rebuild a value, report the failing rule, format it back.
 *
 * Privacy: a NIK is personal data.  No error shows the whole value: the
 * message names the type only and the detail shows at most the field that
 * failed (two digits, or day and month for a calendar error).
 */
#ifndef DTKS_IDENTITAS_SQL_H
#define DTKS_IDENTITAS_SQL_H

#include "postgres.h"
#include "fmgr.h"
#include "nodes/nodes.h"
#include "utils/date.h"

#include "identitas.h"

/* What distinguishes nik from no_kk: its name and its rejecting rules. */
typedef struct IdentitasJenis
{
	const char *tipe;			/* SQL type name, for messages */
	const char *label;			/* how a detail names one value */
	IdentitasAlasan (*periksa) (const Identitas *id);	/* rules that reject */
	IdentitasAlasan (*peringatan) (const Identitas *id);	/* rules that only warn */
} IdentitasJenis;

/* Parse text input; on failure report (or soft-save on PG16+) and return false. */
extern bool identitas_dari_cstring(const IdentitasJenis *jenis, const char *teks,
								   int64 *hasil, Node *escontext);

/* Validate a binary or bigint value exactly like text input; raise on failure. */
extern int64 identitas_dari_int64(const IdentitasJenis *jenis, int64 nilai);

/* The 16 digits of a stored value as a palloc'd C string. */
extern char *identitas_ke_cstring(int64 nilai);

/* The first failing rule of a text (rejecting rules, then warnings); IDENTITAS_SAH if none. */
extern IdentitasAlasan identitas_alasan_teks(const IdentitasJenis *jenis, text *t,
											 bool dengan_peringatan);

/* Raise 22023 unless the reference date of a century resolution is finite. */
extern void identitas_periksa_acuan(DateADT acuan, const char *fungsi);

#endif							/* DTKS_IDENTITAS_SQL_H */
