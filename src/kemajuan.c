/*
 * kemajuan.c
 *		Progress reports of long operations: each phase with its rows and time.
 *
 * dtks.laporan_kemajuan (off, notice, log; default off) asks the long
 * operations (tetapkan, sintetis_muat, hitung_desil, padankan_usulan,
 * kk_komponen) to say what they are doing:
 *
 *     NOTICE:  tetapkan: started (2027-01)
 *     NOTICE:  tetapkan: usulan taken: 2632 rows
 *     DETAIL:  120.4 ms (340.2 ms since the start).
 *
 * The time goes in the detail, so a test with VERBOSITY terse sees the
 * phases and rows alone.  C code keeps a Kemajuan of its own; SQL and
 * PL/pgSQL code reports through dtks.kemajuan_mulai and
 * dtks.lapor_kemajuan, whose clocks are kept here by operation name.  When
 * the setting is off every call returns at once.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"

#include "kemajuan.h"

int			kemajuan_tingkat = 0;

const struct config_enum_entry kemajuan_pilihan[] = {
	{"off", 0, false},
	{"notice", NOTICE, false},
	{"log", LOG, false},
	{NULL, 0, false}
};

/* The clocks of the operations reported from SQL, by name (the oldest start gives way). */
#define JUMLAH_JAM 8
static Kemajuan jam[JUMLAH_JAM];

/* Start the clock of an operation and report it (keterangan: what it works on, or NULL). */
void
kemajuan_mulai(Kemajuan *k, const char *operasi, const char *keterangan)
{
	if (!KEMAJUAN_AKTIF())
		return;
	strlcpy(k->operasi, operasi, sizeof(k->operasi));
	INSTR_TIME_SET_CURRENT(k->mulai);
	k->terakhir = k->mulai;
	if (keterangan != NULL)
		ereport(kemajuan_tingkat,
				errmsg("%s: started (%s)", k->operasi, keterangan),
				errhidestmt(true), errhidecontext(true));
	else
		ereport(kemajuan_tingkat,
				errmsg("%s: started", k->operasi),
				errhidestmt(true), errhidecontext(true));
}

/* Report a phase that ended: its rows (when ada_baris), its time and the time since the start. */
void
kemajuan_lapor(Kemajuan *k, const char *fase, int64 baris, bool ada_baris)
{
	instr_time	kini,
				fase_waktu,
				total;

	if (!KEMAJUAN_AKTIF() || k->operasi[0] == '\0')
		return;
	INSTR_TIME_SET_CURRENT(kini);
	fase_waktu = kini;
	INSTR_TIME_SUBTRACT(fase_waktu, k->terakhir);
	total = kini;
	INSTR_TIME_SUBTRACT(total, k->mulai);
	k->terakhir = kini;
	if (ada_baris)
		ereport(kemajuan_tingkat,
				errmsg_plural("%s: %s: " INT64_FORMAT " row", "%s: %s: " INT64_FORMAT " rows", (unsigned long) baris,
							  k->operasi, fase, baris),
				errdetail("%.1f ms (%.1f ms since the start).",
						  INSTR_TIME_GET_MILLISEC(fase_waktu), INSTR_TIME_GET_MILLISEC(total)),
				errhidestmt(true), errhidecontext(true));
	else
		ereport(kemajuan_tingkat,
				errmsg("%s: %s", k->operasi, fase),
				errdetail("%.1f ms (%.1f ms since the start).",
						  INSTR_TIME_GET_MILLISEC(fase_waktu), INSTR_TIME_GET_MILLISEC(total)),
				errhidestmt(true), errhidecontext(true));
}

/* The clock of an operation reported from SQL: the one of its name, else a free or the oldest one. */
static Kemajuan *
jam_operasi(const char *operasi, bool *baru)
{
	Kemajuan   *tertua = &jam[0];

	for (int i = 0; i < JUMLAH_JAM; i++)
	{
		if (strncmp(jam[i].operasi, operasi, NAMEDATALEN - 1) == 0)
		{
			*baru = false;
			return &jam[i];
		}
		if (jam[i].operasi[0] == '\0' || INSTR_TIME_GET_DOUBLE(jam[i].mulai) < INSTR_TIME_GET_DOUBLE(tertua->mulai))
			tertua = &jam[i];
	}
	*baru = true;
	return tertua;
}

/* dtks.kemajuan_mulai(operasi, keterangan): start the progress report of a long operation */
PG_FUNCTION_INFO_V1(kemajuan_mulai_sql);
Datum
kemajuan_mulai_sql(PG_FUNCTION_ARGS)
{
	char	   *operasi;
	bool		baru;

	if (!KEMAJUAN_AKTIF() || PG_ARGISNULL(0))
		PG_RETURN_VOID();
	operasi = text_to_cstring(PG_GETARG_TEXT_PP(0));
	kemajuan_mulai(jam_operasi(operasi, &baru), operasi,
				   PG_ARGISNULL(1) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(1)));
	PG_RETURN_VOID();
}

/* dtks.lapor_kemajuan(operasi, fase, baris): report a phase of a long operation that ended */
PG_FUNCTION_INFO_V1(lapor_kemajuan);
Datum
lapor_kemajuan(PG_FUNCTION_ARGS)
{
	char	   *operasi;
	Kemajuan   *k;
	bool		baru;

	if (!KEMAJUAN_AKTIF() || PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_VOID();
	operasi = text_to_cstring(PG_GETARG_TEXT_PP(0));
	k = jam_operasi(operasi, &baru);
	if (baru)
	{
		/* the setting was turned on after the operation started: its clock starts now */
		strlcpy(k->operasi, operasi, sizeof(k->operasi));
		INSTR_TIME_SET_CURRENT(k->mulai);
		k->terakhir = k->mulai;
	}
	kemajuan_lapor(k, text_to_cstring(PG_GETARG_TEXT_PP(1)),
				   PG_ARGISNULL(2) ? 0 : PG_GETARG_INT64(2), !PG_ARGISNULL(2));
	PG_RETURN_VOID();
}
