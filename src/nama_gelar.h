/*
 * nama_gelar.h
 *		The word tables of dtks.nama_kunci (nama_kunci.c): degrees, titles,
 *		the old-spelling J words, the forms of Muhammad and Ahmad.
 *
 * Every table is sorted by strcmp (bsearch) and holds upper-case letters only,
 * a dotted degree with its dots removed (S.Pd.I -> SPDI).  Keep them sorted:
 * nama_kunci.c checks the order once per backend.
 *
 * Provenance of the degrees (gelar_titik):
 *  - Permenristekdikti No. 59 Tahun 2018 "Ijazah, Sertifikat Kompetensi,
 *    Sertifikat Profesi, Gelar, dan Tata Cara Penulisan Gelar di Perguruan
 *    Tinggi" (text: https://123dok.com/document/qo1176jz-menteri-riset-teknologi-dan-pendidikan-tinggi-republik-indonesia.html):
 *    the vocational degrees are A.P. (D1), A.Ma. (D2), A.Md. (D3), S.Tr.
 *    (D4), M.Tr., Dr.Tr. followed by the field's initials, the academic ones
 *    S., M., Dr. followed by the field's initials, the professional ones
 *    (dr., drg., drh., Ns., Apt., Ir., Sp., Subsp.), written after the name
 *    behind a comma.  The field initials are open-ended (A.Md.Kep., A.Md.Keb.,
 *    A.Md.Akun., S.Tr.Kes.), so nama_kunci.c drops every dotted word that
 *    starts A.Md., A.Ma., S.Tr., M.Tr., Dr.Tr., Sp. or Subsp. (and A.P. with
 *    a field) whatever follows, and this table lists the rest.
 *  - The forms themselves: the SISTER/PDDikti gelar reference as published
 *    in github.com/SaktiDw/juned pages/api/referensi/gelar-akademik.js
 *    (M.MKes, M.Sos, S.Mat, S.Stat, S.Ars, S.M, M.M, S.K.H, drh., S.Gz,
 *    M.I.K, S.Ds, M.Akt, S.A.B, S.Kes, S.I.K, S.H, M.H, S.A.P, S.S, S.Fil,
 *    M.Psi, Ar, Ak, M.Ak., drg, S.K.G, M.K.G, ...); the vocational prefixes and
 *    examples (A.P.Kom., A.Ma.Pd., A.Md.Keb., A.Md.Pjk., S.Tr.Kep., S.STP.)
 *    from an-nur.ac.id/penulisan-gelar-akademik-yang-benar and
 *    edukasi.kompas.com 2022/02/18 "perbedaan vokasi dan sarjana"; the dotted
 *    spelling (M.Hum., M.Si., Ph.D., S.I.P., S.K.M., Sp.A.) from the PUEBI
 *    rule on abbreviations (github.com/gipsterya/eyd
 *    docs/penulisan-kata/singkatan.md); the degrees of Islamic higher
 *    education (S.Ag, S.Pd.I, S.H.I, S.Sy, S.E.I, M.Ag, M.Pd.I, Lc.) and the
 *    pre-1993 ones (Drs., Dra., B.A., B.Sc., Bc.Hk.) as written in DTKS and
 *    Dukcapil name fields.
 *
 * POLOS marks a degree that is also dropped when it is written without dots
 * as the last words of a name (Budi Santoso SE MM).  It is not set for the
 * short forms that are as often a person's trailing initials (AR, MS, SP, SS,
 * ...) or a name word (MA is a Chinese-Indonesian family name).  Left out
 * altogether, because written with dots they are as often a person's initials
 * (A.P. Sitorus, S.M. Amin): A.P., M.S., M.P., S.M., Ak., Ar.
 */
#ifndef NAMA_GELAR_H
#define NAMA_GELAR_H

#define POLOS 1

typedef struct KataGelar
{
	const char *kata;
	int			sifat;
} KataGelar;

/* Degrees, written with dots anywhere (or, POLOS, without dots at the end) */
static const KataGelar gelar_titik[] = {
	{"AMA", POLOS}, {"AMD", POLOS}, {"AMG", POLOS}, {"AMK", POLOS}, {"AMKEB", POLOS}, {"AMKEP", POLOS},
	{"APT", 0}, 
	{"BA", 0}, {"BC", 0}, {"BCHK", 0}, {"BSC", 0},
	{"DR", 0}, {"DRA", 0}, {"DRG", 0}, {"DRH", 0}, {"DRS", 0},
	{"H", 0}, {"HC", 0}, {"HJ", 0},
	{"IR", 0},
	{"KH", 0},
	{"LC", POLOS},
	{"MA", 0}, {"MAB", POLOS}, {"MAG", POLOS}, {"MAGR", POLOS}, {"MAK", 0}, {"MAKT", POLOS}, {"MAP", 0},
	{"MARS", 0}, {"MBA", POLOS}, {"MED", 0}, {"MENG", POLOS}, {"MFARM", POLOS}, {"MFIL", POLOS}, {"MGZ", POLOS},
	{"MH", POLOS}, {"MHI", POLOS}, {"MHUM", POLOS}, {"MIK", 0}, {"MIKOM", POLOS}, {"MIP", 0}, {"MKEB", POLOS},
	{"MKED", POLOS}, {"MKEP", POLOS}, {"MKES", POLOS}, {"MKG", POLOS}, {"MKM", POLOS}, {"MKN", POLOS},
	{"MKOM", POLOS}, {"MLING", POLOS}, {"MM", POLOS}, {"MMAT", POLOS}, {"MMKES", POLOS}, 
	{"MPD", POLOS}, {"MPDI", POLOS}, {"MPH", POLOS}, {"MPSI", POLOS}, {"MPWK", POLOS}, {"MSC", POLOS},
	{"MSI", POLOS}, {"MSOS", POLOS}, {"MSTAT", POLOS}, {"MT", POLOS}, {"MTH", POLOS}, {"MTI", POLOS},
	{"MVET", POLOS},
	{"NS", 0},
	{"PHD", POLOS}, {"PROF", 0},
	{"SAB", POLOS}, {"SAG", POLOS}, {"SAGR", POLOS}, {"SAK", 0}, {"SAP", 0}, {"SARS", POLOS}, {"SBNS", POLOS},
	{"SDS", POLOS}, {"SE", POLOS}, {"SEI", POLOS}, {"SFARM", POLOS}, {"SFIL", POLOS}, {"SGZ", POLOS}, {"SH", POLOS},
	{"SHI", POLOS}, {"SHUM", POLOS}, {"SHUT", POLOS}, {"SIK", 0}, {"SIKOM", POLOS}, {"SIP", POLOS}, {"SKEB", POLOS},
	{"SKED", POLOS}, {"SKEP", POLOS}, {"SKES", POLOS}, {"SKG", POLOS}, {"SKH", POLOS}, {"SKM", POLOS},
	{"SKOM", POLOS}, {"SMAT", POLOS}, {"SN", 0}, {"SP", 0}, {"SPD", POLOS}, {"SPDI", POLOS},
	{"SPI", POLOS}, {"SPSI", POLOS}, {"SPT", POLOS}, {"SS", 0}, {"SSI", POLOS}, {"SSN", POLOS}, {"SSOS", POLOS},
	{"SST", POLOS}, {"SSTAT", POLOS}, {"SSTP", POLOS}, {"SSY", POLOS}, {"ST", POLOS}, {"STH", POLOS},
	{"STHI", POLOS}, {"STP", POLOS},
};

/*
 * Titles dropped when they come before the name: address (Bpk., Ibu, Sdr.,
 * Ny., Tn.), the late (Alm., Almh.), academic and professional (Drs., Dr.,
 * dr., Ir., Prof.), the pilgrimage (H., Hj., Haji, Hajjah), religious (K.H.,
 * Kyai, Ust., Ustadz, Ustadzah, Pdt., Pendeta, Sr., Suster, Pastor, Romo,
 * TGH; Tuan Guru is two words, handled in nama_kunci.c) and the Javanese
 * noble titles Raden and R.A., R.M., Rr. (1.0 already dropped RA, RM, RR).
 * Kept as part of the name, because Dukcapil records them in the legal name
 * and they tell people apart: the Balinese birth-order and caste names
 * (I, Ni, Gede, Luh, Ida Bagus, Anak Agung, Cokorda), Andi (Bugis), Teuku
 * and Cut (Aceh), Habib (also a given name: Habib, Muhammad Habib), and a
 * single initial (P. may be Pastor or Paulus, R. Raden or Rudi).
 */
static const char *const gelar_depan[] = {
	"ALM", "ALMARHUM", "ALMARHUMAH", "ALMH", "BPK", "DR", "DRA", "DRG", "DRH", "DRS", "H", "HAJAH", "HAJI",
	"HAJJAH", "HJ", "IBU", "IR", "KH", "KIAI", "KYAI", "NY", "PASTOR", "PDT", "PENDETA", "PROF", "RA", "RADEN",
	"RM", "ROMO", "RR", "SDR", "SDRI", "SR", "SUSTER", "TGH", "TN", "UST", "USTAD", "USTADAH", "USTADZ",
	"USTADZAH", "USTAZ", "USTAZAH",
};

/* The second word of a Javanese noble title after RADEN (Raden Mas, Raden Ayu, Raden Ajeng) */
static const char *const raden[] = {
	"AJENG", "AYU", "BAGUS", "MAS", "RORO",
};

/*
 * Names whose J is the old spelling of Y though no old mark comes before it
 * (Jusuf, and Joesoef once its OE is read: JUSUF; Jahja once its HJ is read:
 * JAHYA): Arabic names whose only form today is with Y, so that no modern J
 * name is merged.  A general "J is Y" would merge Joko with Yoko and Jaya
 * with Yaya, and could not keep Joko = Djoko, so it is a list.
 */
static const char *const j_lama[] = {
	"JAHYA", "JAKUB", "JASIN", "JAZID", "JUNUS", "JUSUF", "JUSUP",
};

/* The forms of Muhammad, after the spelling rules (doubled letters once, CH/KH -> H, OE -> U) */
static const char *const muhamad[] = {
	"MHD", "MHMD", "MOH", "MOHAMAD", "MOHAMAT", "MOHAMED", "MOHD", "MUH", "MUHAMAD", "MUHAMAT", "MUHAMED",
	"MUHD",
};

/* The forms of Ahmad, after the spelling rules (Achmad, Akhmad -> AHMAD; Achmat -> AHMAT) */
static const char *const ahmad[] = {
	"AHMAT", "AHMED", "AHMET", "AMAD",
};

#endif							/* NAMA_GELAR_H */
