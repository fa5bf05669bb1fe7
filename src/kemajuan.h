/*
 * kemajuan.h
 *		Progress reports of long operations (GUC dtks.laporan_kemajuan).
 */
#ifndef DTKS_KEMAJUAN_H
#define DTKS_KEMAJUAN_H

#include "postgres.h"
#include "portability/instr_time.h"
#include "utils/guc.h"

/* The level reports go out at (dtks.laporan_kemajuan): 0 (off), NOTICE or LOG. */
extern int	kemajuan_tingkat;

/* The values of dtks.laporan_kemajuan. */
extern const struct config_enum_entry kemajuan_pilihan[];

/* Whether reports are asked for (callers skip counting rows only a report needs). */
#define KEMAJUAN_AKTIF() (kemajuan_tingkat != 0)

/* One operation being reported: its name, when it started and when its last phase ended. */
typedef struct Kemajuan
{
	char		operasi[NAMEDATALEN];
	instr_time	mulai;
	instr_time	terakhir;
} Kemajuan;

/* Start the clock of an operation and report it (keterangan: what it works on, or NULL); k starts zeroed. */
extern void kemajuan_mulai(Kemajuan *k, const char *operasi, const char *keterangan);

/* Report a phase that ended: its rows (when ada_baris), its time and the time since the start. */
extern void kemajuan_lapor(Kemajuan *k, const char *fase, int64 baris, bool ada_baris);

#endif							/* DTKS_KEMAJUAN_H */
