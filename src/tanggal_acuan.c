/*
 * tanggal_acuan.c
 *		The reference date of the process: dtks.tanggal_acuan, else today.
 *
 * The month an usulan sent goes to (with the cut-off day dtks.hari_batas)
 * and the latest month the penetapan may determine (the month after the
 * current one) are both counted from one "today".  A superuser sets
 * dtks.tanggal_acuan to run them as on another date: a data centre loading
 * or replaying earlier months, and the tests, benchmarks and demo, which
 * determine months ahead of the calendar.  Empty (the default) is the
 * current date.
 */
#include "postgres.h"

#include "datatype/timestamp.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"

#include "tanggal_acuan.h"

char	   *tanggal_acuan_teks = NULL;

/* The date set, parsed (valid when ada_acuan). */
static DateADT acuan;
static bool ada_acuan = false;

/* Parse YYYY-MM-DD (years 1-9999, a day that exists); false otherwise. */
static bool
baca_tanggal(const char *teks, DateADT *hasil)
{
	int			y,
				m,
				d,
				y2,
				m2,
				d2;

	if (strlen(teks) != 10 || teks[4] != '-' || teks[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (teks[i] < '0' || teks[i] > '9'))
			return false;
	y = atoi(teks);
	m = atoi(teks + 5);
	d = atoi(teks + 8);
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	j2date(date2j(y, m, d), &y2, &m2, &d2);
	if (y2 != y || m2 != m || d2 != d)
		return false;
	*hasil = date2j(y, m, d) - POSTGRES_EPOCH_JDATE;
	return true;
}

/* Check hook of dtks.tanggal_acuan: empty, or a date written YYYY-MM-DD. */
bool
tanggal_acuan_periksa(char **nilai_baru, void **extra, GucSource sumber)
{
	DateADT		tanggal;

	(void) extra;
	(void) sumber;
	if (*nilai_baru == NULL || (*nilai_baru)[0] == '\0' || baca_tanggal(*nilai_baru, &tanggal))
		return true;
	GUC_check_errdetail("The reference date is empty (today) or a date written YYYY-MM-DD, e.g. 2027-01-15.");
	return false;
}

/* Assign hook of dtks.tanggal_acuan (the value was checked). */
void
tanggal_acuan_tetapkan(const char *nilai_baru, void *extra)
{
	(void) extra;
	ada_acuan = nilai_baru != NULL && nilai_baru[0] != '\0' && baca_tanggal(nilai_baru, &acuan);
}

/* The reference date now: dtks.tanggal_acuan when set, else the current date. */
DateADT
tanggal_acuan_kini(void)
{
	return ada_acuan ? acuan : GetSQLCurrentDate();
}

/* dtks.tanggal_acuan(): the reference date the penetapan and the usulan count months from */
PG_FUNCTION_INFO_V1(tanggal_acuan);
Datum
tanggal_acuan(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATEADT(tanggal_acuan_kini());
}
