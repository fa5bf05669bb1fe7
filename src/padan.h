/*
 * padan.h
 *		The matching with Dukcapil: its score model (padan.c), its candidate
 *		search (cari_penduduk.c) and their settings (registered in dtks.c).
 */
#ifndef DTKS_PADAN_H
#define DTKS_PADAN_H

#include "utils/date.h"
#include "utils/jsonb.h"

/* The model of dtks.padan_bobot the candidate search and the matching use. */
#define PADAN_MODEL_BAWAAN "dukcapil"

/* dtks.padan_ambang_calon: the least score of a candidate shown at all. */
extern double padan_ambang_calon;

/* dtks.padan_ambang_tautan: the least score of a candidate the matching links by itself. */
extern double padan_ambang_tautan;

/* dtks.padan_selisih: how far the linked candidate must lead the next one. */
extern double padan_selisih;

/* dtks.padan_ambang_nama: the least pg_trgm similarity of name keys the name index looks up. */
extern double padan_ambang_nama;

/* dtks.padan_ambang_ganda: the least score of a pair dtks.calon_ganda reports. */
extern double padan_ambang_ganda;

/* dtks.alamat_ambang: the least pg_trgm similarity of two addresses not reported alamat_beda. */
extern double padan_alamat_ambang;

/* dtks.alamat_beda_menghalangi: whether alamat_beda blocks the usulan. */
extern bool padan_alamat_menghalangi;

/* One side of a comparison: what a desa typed, or a record of dtks.penduduk (NULL text: absent). */
typedef struct PadanSisi
{
	text	   *nik;			/* the typed text, or the record's NIK as digits */
	text	   *kunci;			/* the name key (dtks.nama_kunci) */
	bool		ada_lahir;
	DateADT		lahir;
	char		jk;				/* 'L', 'P', or 0 when unknown */
	bool		ada_wilayah;
	int64		wilayah;		/* the desa (kode_wilayah) */
	text	   *kk;				/* the record's family card number as digits (a candidate's only) */
} PadanSisi;

/* L or P from what was typed (L, P, laki-laki, perempuan, pria, wanita, 1, 2); 0 when none. */
extern char padan_jenis_kelamin(text *t);

/* The score of model dukcapil (dtks.padan_nilai without the address) of a typed person against a candidate. */
extern double padan_skor(const PadanSisi *ketik, const PadanSisi *calon);

/* The date with day and month swapped, when it is another date of the calendar. */
extern bool padan_tanggal_tertukar(DateADT a, DateADT *b);

/* The highest score a record not seen yet may have when its birth date is one entry error from the typed one
 * (not the swapped one). */
extern double padan_skor_maks_tanggal_dekat(const PadanSisi *ketik);

/* The same comparison as dtks.padan_rincian returns it, with "hidup" (1 or 0; -1: left out). */
extern Jsonb *padan_rincian_sisi(const PadanSisi *ketik, const PadanSisi *calon, int hidup);

/* Room for the neighbourhoods below. */
#define PADAN_SEKITAR_MAKS (16 * 9 + 16 + 4 + 17 * 10)
#define PADAN_TANGGAL_MAKS 8

/* The value of typed text whose 16 digits are a valid NIK (anything but digits skipped); false otherwise. */
extern bool padan_nik_ketik_sah(text *teks, int64 *nilai);

/* The valid NIKs one typing error from typed digits (dtks.nik_sekitar), sorted: how many. */
extern int	padan_nik_sekitar(text *teks, int64 *nik);

/* The dates one entry error from a date (dtks.tanggal_sekitar), sorted: how many. */
extern int	padan_tanggal_sekitar(DateADT a, DateADT *t);

/* The region whose people a caller may learn about: true for every region, else *lingkup. */
extern bool padan_lingkup_pemanggil(int64 *lingkup);

#endif							/* DTKS_PADAN_H */
