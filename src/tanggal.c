/*
 * tanggal.c
 *		Calendar helpers for the DDMMYY fields of NIK and KK numbers.
 */
#include "postgres.h"

#include "datatype/timestamp.h"
#include "utils/datetime.h"

#include "tanggal.h"

/* Days in each month of a leap year; February is adjusted by the caller's rule. */
static const int hari_per_bulan[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

/* Does day/month exist for a two-digit year (29 February only when yy % 4 == 0)? */
bool
tanggal_ada_dua_digit(int hari, int bulan, int yy)
{
	if (bulan < 1 || bulan > 12 || hari < 1)
		return false;
	if (bulan == 2 && hari == 29)
		return yy % 4 == 0;
	return hari <= hari_per_bulan[bulan - 1];
}

/* Does this full Gregorian date exist? */
static bool
tanggal_ada(int tahun, int bulan, int hari)
{
	if (bulan == 2 && hari == 29)
		return isleap(tahun);
	return hari <= hari_per_bulan[bulan - 1];
}

/* The latest date with this day, month and year mod 100 not after acuan. */
bool
tanggal_abad_terdekat(int hari, int bulan, int yy, DateADT acuan, DateADT *hasil)
{
	int			ay,
				am,
				ad;
	int			tahun;

	if (DATE_NOT_FINITE(acuan) || bulan < 1 || bulan > 12 || hari < 1 || yy < 0 || yy > 99)
		return false;
	j2date(acuan + POSTGRES_EPOCH_JDATE, &ay, &am, &ad);

	/* the largest year not after the reference year whose last two digits are yy */
	tahun = ay - (((ay - yy) % 100) + 100) % 100;

	/* at most four centuries back: 29 February recurs every 400 years */
	for (int langkah = 0; langkah <= 4 && tahun >= 1; langkah++, tahun -= 100)
	{
		if (!tanggal_ada(tahun, bulan, hari))
			continue;
		if (tahun == ay && (bulan > am || (bulan == am && hari > ad)))
			continue;
		*hasil = date2j(tahun, bulan, hari) - POSTGRES_EPOCH_JDATE;
		return true;
	}
	return false;
}
