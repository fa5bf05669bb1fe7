/*
 * dtks.c
 *		Module entry point of the dtks extension: its settings.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/guc.h"

#include "kemajuan.h"
#include "padan.h"
#include "tanggal_acuan.h"
#include "usulan.h"

PG_MODULE_MAGIC;

/* dtks.lokasi_toleransi: read by SQL (kk_periksa) through current_setting. */
static double lokasi_toleransi = 100.0;

/* dtks.laut_toleransi: read by SQL (wilayah_di_titik_rinci) through current_setting. */
static double laut_toleransi = 2000.0;

void		_PG_init(void);

/* The application's own user recorded in the histories (dtks.petugas). */
static char *petugas = NULL;

/* Register the settings of the extension, and reserve its prefix for them. */
void
_PG_init(void)
{
	DefineCustomIntVariable("dtks.hari_batas",
							"Cut-off day of the month: an usulan sent after it goes to the next month's penetapan.",
							NULL, &usulan_hari_batas, 20, 1, 28, PGC_SUSET, 0, NULL, NULL, NULL);
	DefineCustomBoolVariable("dtks.tegakkan_jadwal",
							 "Enforce the schedule windows of dtks.usulan_jadwal on the usulan steps.",
							 NULL, &usulan_tegakkan_jadwal, false, PGC_SUSET, 0, NULL, NULL, NULL);
	DefineCustomStringVariable("dtks.tanggal_acuan",
							   "Reference date the penetapan and the usulan count months from (empty: today).",
							   "The latest month dtks.tetapkan determines is the one after it; an usulan sent goes to its month (or the next after dtks.hari_batas).",
							   &tanggal_acuan_teks, "", PGC_SUSET, 0,
							   tanggal_acuan_periksa, tanggal_acuan_tetapkan, NULL);
	DefineCustomEnumVariable("dtks.laporan_kemajuan",
							 "Report each phase of the long operations with its rows and time: off, notice or log.",
							 "tetapkan, sintetis_muat, hitung_desil, padankan_usulan and kk_komponen.",
							 &kemajuan_tingkat, 0, kemajuan_pilihan, PGC_USERSET, 0, NULL, NULL, NULL);
	/* set by the application (SET dtks.petugas), read by the history triggers */
	DefineCustomStringVariable("dtks.petugas",
							   "The application's own user, recorded in the registry and usulan histories.",
							   NULL, &petugas, "", PGC_USERSET, 0, NULL, NULL, NULL);
	DefineCustomRealVariable("dtks.padan_ambang_calon",
							 "Least score of a Dukcapil candidate that dtks.cari_penduduk shows at all.",
							 "Scores are sums of the log2 m/u weights of dtks.padan_bobot.",
							 &padan_ambang_calon, 14.0, -100.0, 100.0, PGC_SUSET, 0, NULL, NULL, NULL);
	DefineCustomRealVariable("dtks.padan_ambang_tautan",
							 "Least score of a Dukcapil candidate the matching links (and proposes) by itself.",
							 NULL, &padan_ambang_tautan, 14.0, -100.0, 100.0, PGC_SUSET, 0, NULL, NULL, NULL);
	DefineCustomRealVariable("dtks.padan_selisih",
							 "How far the linked Dukcapil candidate must lead the next one.",
							 NULL, &padan_selisih, 4.0, 0.0, 100.0, PGC_SUSET, 0, NULL, NULL, NULL);
	DefineCustomRealVariable("dtks.padan_ambang_nama",
							 "Least pg_trgm similarity of name keys that the name index of the candidate search looks up.",
							 NULL, &padan_ambang_nama, 0.5, 0.1, 1.0, PGC_SUSET, 0, NULL, NULL, NULL);
	DefineCustomRealVariable("dtks.padan_ambang_ganda",
							 "Least score of a pair of records dtks.calon_ganda reports as likely one person.",
							 "The pair is scored without the NIKs (two NIKs are what a duplicate has).",
							 &padan_ambang_ganda, 9.0, -100.0, 100.0, PGC_SUSET, 0, NULL, NULL, NULL);
	DefineCustomRealVariable("dtks.alamat_ambang",
							 "Least pg_trgm similarity of an usulan address and the Dukcapil one not reported as alamat_beda.",
							 NULL, &padan_alamat_ambang, 0.3, 0.0, 1.0, PGC_SUSET, 0, NULL, NULL, NULL);
	DefineCustomBoolVariable("dtks.alamat_beda_menghalangi",
							 "Whether the finding alamat_beda of the Dukcapil matching blocks the usulan.",
							 NULL, &padan_alamat_menghalangi, false, PGC_SUSET, 0, NULL, NULL, NULL);
	DefineCustomRealVariable("dtks.lokasi_toleransi",
							 "How far (metres) a household's location may lie outside its desa (or kecamatan) before kk_periksa reports it.",
							 "The boundaries are simplified; a desa without one is checked against its kecamatan.",
							 &lokasi_toleransi, 100.0, 0.0, 10000000.0, PGC_SUSET, 0, NULL, NULL, NULL);
	DefineCustomRealVariable("dtks.laut_toleransi",
							 "How far (metres) off the coast a point still maps to the nearest region (dtks.wilayah_di_titik_rinci).",
							 NULL, &laut_toleransi, 2000.0, 0.0, 1000000.0, PGC_SUSET, 0, NULL, NULL, NULL);
	MarkGUCPrefixReserved("dtks");
}
