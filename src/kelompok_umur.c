/*
 * kelompok_umur.c
 *		The age band of a person on a date (the PKH components' bands), for the
 *		monthly figures: called for every member who enters, leaves or crosses a
 *		band in a month, and for every member when the figures are recounted.
 *
 * The rule is PostgreSQL's own date arithmetic: a person is under N on day D
 * when D < birth date + interval 'N years', where 29 February plus N years is
 * 28 February in a common year.
 */
#include "postgres.h"

#include "datatype/timestamp.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"

/* The day a person born on y-m-d turns tahun years old (past the last date: never). */
static DateADT
ulang_tahun(int y, int m, int d, int tahun)
{
	y += tahun;
	if (m == 2 && d == 29 && !isleap(y))
		d = 28;
	if (!IS_VALID_JULIAN(y, m, d) || !IS_VALID_DATE(date2j(y, m, d) - POSTGRES_EPOCH_JDATE))
		return DATEVAL_NOEND;
	return date2j(y, m, d) - POSTGRES_EPOCH_JDATE;
}

/* dtks.kelompok_umur(tanggal_lahir date, pada date): '0_5', '6_17', '18_59' or '60_lebih' */
PG_FUNCTION_INFO_V1(kelompok_umur);
Datum
kelompok_umur(PG_FUNCTION_ARGS)
{
	DateADT		lahir = PG_GETARG_DATEADT(0);
	DateADT		pada = PG_GETARG_DATEADT(1);
	const char *kelompok;
	int			y,
				m,
				d;

	if (DATE_NOT_FINITE(lahir))
		/* every birthday of an infinite birth date is that date itself */
		kelompok = pada < lahir ? "0_5" : "60_lebih";
	else
	{
		j2date(lahir + POSTGRES_EPOCH_JDATE, &y, &m, &d);
		if (pada < ulang_tahun(y, m, d, 6))
			kelompok = "0_5";
		else if (pada < ulang_tahun(y, m, d, 18))
			kelompok = "6_17";
		else if (pada < ulang_tahun(y, m, d, 60))
			kelompok = "18_59";
		else
			kelompok = "60_lebih";
	}
	PG_RETURN_TEXT_P(cstring_to_text(kelompok));
}
