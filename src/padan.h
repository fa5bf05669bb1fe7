/*
 * padan.h
 *		The matching with Dukcapil: its score model (padan.c), its candidate
 *		search (cari_penduduk.c) and their settings (registered in dtks.c).
 */
#ifndef DTKS_PADAN_H
#define DTKS_PADAN_H

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

/* The region whose people a caller may learn about: true for every region, else *lingkup. */
extern bool padan_lingkup_pemanggil(int64 *lingkup);

#endif							/* DTKS_PADAN_H */
