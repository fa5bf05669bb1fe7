#!/usr/bin/env python3
"""Make an Indonesian test set for the Dukcapil matching (pemadanan): a Dukcapil extract, what desa offices
typed for people, and the Dukcapil duplicates.  Standard library only; the same --benih gives the same files.

    bench/pemadanan/buat_set.py --benih 19 --penduduk 20000 --kueri 5000 --keluar DIR

Writes DIR/penduduk.csv, DIR/kueri.csv and DIR/ganda.csv (README.md beside this file describes the columns and
the error model with its rates) and prints a summary of the classes.
"""
import argparse
import collections
import csv
import datetime
import gzip
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
WILAYAH = os.path.join(os.environ.get('DTKS_DATA') or os.path.join(HERE, '..', '..', '..', 'shared', 'data'),
                       'wilayah.csv.gz')
HARI_EKSTRAK = datetime.date(2026, 11, 1)          # the date of the extract: nobody is born after it

# ---------------------------------------------------------------------------------------------------------
# Names by community.  Each list is (name, weight); weights are rough frequencies (a steep head: SITI, SRI,
# MUHAMMAD, NUR are very common, so many people are named alike).

def W(s):
    """'A:5 B C:2' -> [('A', 5), ('B', 1), ('C', 2)]"""
    out = []
    for tok in s.split():
        n, _, w = tok.partition(':')
        out.append((n.replace('_', ' '), int(w or 1)))
    return out

MUSLIM_L1 = W('MUHAMMAD:40 AHMAD:18 ABDUL:10 NUR:4 MOHAMMAD:4 MUHAMAD:4 RIZKI:3 ANDI:2 FAJAR:2 ARIF:2 HASAN:2 '
              'IBRAHIM:2 YUSUF:3 ILHAM:2 SYAIFUL:2 ZAINAL:2 IMAM:2 AGUS:4 RAHMAT:3 HIDAYAT:2 FIRMAN:2 ABDULLAH:3')
MUSLIM_L2 = W('RIZKI:6 FAUZI:5 HIDAYAT:5 RAHMAN:6 SALEH:3 IQBAL:3 RIDWAN:3 SYAHRIR:2 FIRDAUS:3 HAKIM:3 AZIZ:3 '
              'ALI:3 YUSUF:3 IRFAN:3 ARIFIN:4 HASAN:2 AMIN:3 MAULANA:3 SAPUTRA:4 RAMADHAN:4 ABIDIN:2 ZAKARIA:2 '
              'HAMZAH:2 KHOIRUL_ANAM:2 NUR_HUDA:2 SYAMSUDIN:2 JUNAIDI:2 SOLEH:2 FAKHRUDIN:1 KHAIRUL:2')
MUSLIM_P1 = W('SITI:40 NUR:12 NURUL:5 DEWI:4 FITRI:3 AISYAH:3 FATIMAH:4 ANI:2 RINA:2 YULI:2 KHADIJAH:2 ZAHRA:1 '
              'NAILA:1 SRI:6 INDAH:2 RATNA:2 LAILA:2 HALIMAH:2 MARYAM:2 SALMA:1 ANNISA:2')
MUSLIM_P2 = W('AMINAH:10 FATIMAH:6 KHOTIMAH:4 ROHMAH:4 AISYAH:4 HALIMAH:4 NURHAYATI:5 MASITOH:3 ZULAIKHA:3 '
              'MUNAWAROH:3 NURJANAH:4 HIDAYAH:4 SAFITRI:4 RAHMAWATI:5 LESTARI:3 WAHYUNI:3 MARYAM:3 KHASANAH:3 '
              'SAADAH:2 SUNDARI:2 ANISA:2 MUTMAINAH:2 ZAHROTUN:1 UMAYAH:2 ROHIMAH:2')

JAWA_L1 = W('AGUS:12 BUDI:8 EKO:8 JOKO:6 BAMBANG:6 SLAMET:8 SUGENG:4 WAHYU:6 HERU:4 HADI:3 TEGUH:4 DWI:5 TRI:4 '
            'SRI:2 ADI:3 ARIS:3 BAYU:3 DIMAS:3 RUDI:3 YUDI:3 ANDI:3 ANTON:2 DIDIK:3 SUPARMAN:3 SUTRISNO:3 '
            'SUYANTO:2 SUKIRMAN:2 SUMARNO:2 TUKIMAN:2 PAIJO:2 PAIMAN:2 KARYO:2 WARSITO:2 SUPRIYADI:3 SUHARTO:2 '
            'SUKARNO:1 SUPARNO:2 JUMADI:2 JUNED:1 YUSUF:1 YOGA:2 GALIH:2')
JAWA_L2 = W('SANTOSO:10 SUSANTO:8 SETIAWAN:8 KURNIAWAN:8 PRASETYO:8 NUGROHO:8 WIDODO:7 PURNOMO:6 HARYANTO:5 '
            'SULISTYO:4 YULIANTO:4 WIBOWO:6 RAHARJO:4 SAPUTRO:5 HIDAYAT:3 UTOMO:4 PRIYANTO:4 SUPRIYANTO:4 '
            'SETYAWAN:3 CAHYONO:3 WALUYO:3 SUGIARTO:3 JATMIKO:2 PAMUNGKAS:2 WICAKSONO:2 PRABOWO:2 SUJARWO:2 '
            'JOYO:1 DARMAWAN:2 TRIYONO:2 ')
JAWA_P1 = W('SRI:30 SITI:14 DWI:6 TRI:5 ENDANG:4 YULI:3 RINI:3 DEWI:5 RATNA:3 WULAN:2 LESTARI:2 SUWARNI:3 '
            'SUMIYATI:3 TUKINAH:2 PAINEM:2 SUMARNI:3 WARSINI:2 SUPARMI:2 SUKINEM:2 SUNARTI:2 TUTIK:2 NANIK:2 '
            'ANIK:2 ERNA:2 PUJI:2 WIWIK:2 YUYUN:1 JUMINAH:2 CAHYANI:1')
JAWA_P2 = W('WAHYUNI:10 RAHAYU:10 LESTARI:8 MULYANI:6 SUSILOWATI:4 HANDAYANI:6 PURWATI:4 ASTUTI:6 WIDAYATI:3 '
            'SUSANTI:5 UTAMI:5 SETYANINGSIH:4 PURWANINGSIH:3 SULISTYOWATI:3 NINGSIH:4 YULIANI:3 KUSUMAWATI:3 '
            'PRATIWI:3 WULANDARI:4 JUMIATI:2 SUJIATI:1 CAHYANINGRUM:2 ')
SUNDA_L1 = W('ASEP:14 UJANG:8 DEDI:8 DADANG:6 CECEP:5 YAYAN:4 AGUS:5 IWAN:4 ADE:5 ENCEP:3 AEP:3 USEP:3 DEDE:4 '
             'JAJANG:3 OMAN:2 ENDANG:3 DENI:3 RIDWAN:2 HENDRA:2 ACENG:2 UDIN:3 MAMAN:3 JAJA:2 YUDI:2 ')
SUNDA_L2 = W('SUNARYA:5 HIDAYAT:8 SAEPUDIN:5 SURYANA:5 PERMANA:5 NUGRAHA:5 KURNIA:4 SUPRIATNA:4 RAHMAT:4 '
             'SETIADI:3 SOPIAN:3 MULYANA:4 SUHERMAN:4 KOSASIH:3 SUPARDI:3 HERMAWAN:3 JUANDA:2 SAMSUDIN:3 '
             'GUNAWAN:3 SUKMANA:2 ')
SUNDA_P1 = W('EUIS:8 NENENG:7 IIS:5 IMAS:5 YATI:4 ENUNG:3 CUCU:3 ELIS:4 TATI:4 NINING:3 LILIS:4 SITI:10 '
             'NENG:4 EUTIK:1 ROSITA:2 WINA:2 RINA:3 ENOK:2 YAYAH:2 ')
SUNDA_P2 = W('SUMARNI:4 ROHAETI:5 NURHAYATI:6 KOMALASARI:3 SOPIAH:4 ROSMIATI:3 KURNIASIH:3 MARLIANA:3 '
             'HERAWATI:3 SUKAESIH:3 JUBAEDAH:3 YULIANI:3 RAHAYU:3 NURLAELA:3 AISAH:2 ')
BATAK_MARGA = W('SIMANJUNTAK:6 SIREGAR:8 NASUTION:8 HARAHAP:6 HUTAPEA:4 SITOMPUL:4 PANJAITAN:5 SINAGA:7 '
                'SITUMORANG:6 SIMATUPANG:4 LUBIS:6 PARDEDE:4 MANURUNG:5 TAMBUNAN:4 SIHOMBING:5 HUTAGALUNG:4 '
                'SILALAHI:4 SITORUS:5 PASARIBU:4 SIAHAAN:4 NAPITUPULU:4 SIMANGUNSONG:3 GULTOM:4 HUTABARAT:3 '
                'MARPAUNG:4 SIMAMORA:3 TAMPUBOLON:3 SIBURIAN:3 PURBA:3 SARAGIH:3')
BATAK_L = W('JOHANNES:4 MARTIN:4 ROBERT:4 RUDI:4 HOTMAN:4 POLTAK:4 TOGAR:3 JONATHAN:2 DANIEL:4 SAMUEL:3 '
            'BONAR:3 PARLINDUNGAN:3 MANGARA:2 SAHAT:2 HORAS:2 TUMPAL:2 ROY:2 ANDREAS:3 BENNY:2 JUNIOR:1 '
            'FERDINAND:2 HENDRA:2 MARULI:2 PANDAPOTAN:2 JANSEN:2 ')
BATAK_P = W('MARIA:6 ROSMAWATI:4 TIURMA:3 ROTUA:3 LAMRIA:3 SARMA:3 NURMALA:3 ROSDIANA:3 LASMA:2 DORIS:2 '
            'MELDA:2 ROSLINA:3 SRIMAWATI:2 DUMARIA:3 HOTNIDA:2 RISMA:2 MASTIUR:2 ERNI:2 YANTI:2 LINDA:2 ')
MINANG_L = W('AFRIZAL:5 SYAFRIZAL:4 ZULKIFLI:5 YUSRIZAL:4 ILHAM:3 HENDRI:3 RIZAL:4 FADLI:3 ERWIN:3 '
             'SYAHRIAL:3 EFENDI:4 DASRIL:2 ZULFIKAR:3 ANDRIANTO:2 YONDRI:2 ALFIAN:2 DEDI:2 MASRIL:2 NOFRIZAL:2 '
             'JASRIL:2 ')
MINANG_P = W('YUSNIMAR:3 NURHAYATI:4 YENNI:3 ELFI:3 ROSMANIAR:3 DESMAWATI:3 FITRI:3 NELLY:2 YUSNITA:3 '
             'ASMAWATI:3 RAHMI:3 ERNAWATI:3 NOVITA:2 SUSILAWATI:2 ZURAIDA:2 YUSMANIDAR:1 DEWI:2 ')
BUGIS_L1 = W('ANDI:10 MUH.:6 MUHAMMAD:8 ABDUL:5 H.:0')
BUGIS_L2 = W('BASO:3 AMIR:4 ARFAH:3 SYAMSUDDIN:4 BAHARUDDIN:4 JAMALUDDIN:4 NASRUDDIN:3 HASANUDDIN:4 '
             'SUDIRMAN:3 AKBAR:3 SYAHRIR:3 RUSLI:3 MAKMUR:3 RAHMAN:3 ASRI:2 IRWAN:3 ALIMUDDIN:2 SALAHUDDIN:2 '
             'KAHAR:2 TAKDIR:2 ')
BUGIS_P1 = W('ANDI:8 SITTI:8 ST.:2 NUR:4 HJ.:0')
BUGIS_P2 = W('NURHAYATI:4 HASNAH:4 HASMAWATI:4 NURHAEDAH:3 RAHMAWATI:4 BECCE:2 NURMIATI:3 KASMAWATI:3 '
             'SUMARNI:3 HADIJAH:3 SUHARTINI:2 MARWAH:2 ASMA:2 RATNASARI:2 MUSDALIFAH:2 HASRIANI:2 ')
BALI_URUT_L = [['WAYAN', 'PUTU', 'GEDE'], ['MADE', 'KADEK', 'NENGAH'], ['NYOMAN', 'KOMANG'], ['KETUT']]
BALI_URUT_P = [['WAYAN', 'PUTU', 'LUH'], ['MADE', 'KADEK', 'NENGAH'], ['NYOMAN', 'KOMANG'], ['KETUT']]
BALI_L = W('SUDARSANA:3 SUARTANA:3 ARTAWAN:3 MERTAYASA:2 SUKERTA:3 WIDIANA:3 ADI_PUTRA:2 SUARDANA:3 SUDIARTA:3 '
           'DARMAWAN:2 SUTAMA:2 SUMADA:2 ARDIKA:2 WIRAWAN:3 SUPARTA:3 ASTAWA:2 SUASTIKA:2 KARIASA:2 ')
BALI_P = W('SRI_ARDANI:2 SUKERTI:3 ARIANI:3 WARTINI:3 SUMERTI:2 BUDIASIH:2 SUARNI:3 SUARTINI:3 ARSINI:2 '
           'DEWI_ASTUTI:2 MURNIASIH:2 ARYANI:2 SUDIARI:2 KARIANI:2 WIDIASIH:2 ')
BALI_KASTA_L = ['IDA BAGUS', 'ANAK AGUNG', 'I GUSTI', 'I GUSTI NGURAH']
BALI_KASTA_P = ['IDA AYU', 'ANAK AGUNG ISTRI', 'I GUSTI AYU', 'DESAK']
NTT_L = W('YOHANES:6 YOSEF:5 FRANSISKUS:5 AGUSTINUS:4 PETRUS:4 PAULUS:4 YAKOBUS:3 MARKUS:3 MARTHEN:3 YULIUS:3 '
          'ALEKSANDER:3 DOMINGGUS:3 SEMUEL:2 DANIEL:2 YUNUS:2 ARNOLDUS:2 KORNELIS:2 MIKHAEL:2 STEFANUS:2 ')
NTT_P = W('MARIA:8 YULIANA:4 MAGDALENA:4 KATARINA:3 AGUSTINA:4 MARGARETHA:3 ELISABETH:3 FERDERIKA:2 '
          'YOSEFINA:3 MARTHA:3 APRIANA:2 SERLI:2 MERI:2 ADRIANA:2 ROSALINA:2 YASINTA:2 ')
NTT_FAM = W('NENOBAIS:3 BENU:4 TEFA:3 BANUNAEK:2 NUBATONIS:2 TANEO:3 SELAN:3 TALLO:3 BRIA:3 SERAN:3 NAHAK:3 '
            'MANEK:3 KOLO:3 FANGGIDAE:2 NDUN:2 LAKAPU:2 RATU:2 PAH:2 NOPE:2 OEMATAN:2 LAY:2 NENABU:2 '
            'BAUN:2 TAUS:2 BOLING:1 NABUASA:2 SAU:1')
PAPUA_L = W('YOHANIS:5 YULIUS:4 MARKUS:4 OTNIEL:3 YANCE:3 MELKIAS:3 DEMIANUS:3 OBED:3 NELSON:2 FRANS:3 '
            'YAKOB:3 ELIAS:3 NIKOLAUS:2 ANDREAS:2 SEPNAT:2 YOSIAS:2 BENYAMIN:2 ')
PAPUA_P = W('YULIANA:4 MARIA:5 ESTER:3 DEBORA:3 YOHANA:3 SELFINA:3 DORKAS:2 NAOMI:2 MINCE:2 OKTOVINA:2 '
            'AGUSTINA:3 MARTHA:2 LINCE:2 YOSINA:2 ')
PAPUA_FAM = W('WENDA:4 TABUNI:4 WONDA:3 KOGOYA:4 YIKWA:3 MURIB:3 ENEMBE:2 RUMBIAK:3 RUMBEWAS:2 WANGGAI:2 '
              'KAISIEPO:2 MANDOWEN:2 SAWAKI:2 YOKU:2 ITAAR:2 WAKERKWA:2 KAROBA:2 KOSSAY:2 MABEL:2 GOBAY:3 '
              'PIGAI:3 TEBAI:2 MOTE:2 HUBI:2 LOKOBAL:2 ')
CINA_MARGA = W('WIJAYA:8 GUNAWAN:6 HALIM:5 SALIM:5 TANOTO:2 SUGIANTO:3 KURNIAWAN:3 LIE:3 TAN:5 LIM:5 OEI:2 '
               'GO:2 LIEM:3 SETIADI:3 HARTONO:4 TJAHJADI:2 KUSUMA:4 WIBOWO:3 TANUDJAJA:2 SANTOSO:4 '
               'TANUWIJAYA:2 HALIMAN:1 ONG:2 SUSANTO:2 LIMANTO:2')
CINA_L = W('HENDRA:5 BUDI:4 ANDY:4 STEVEN:4 KEVIN:4 FELIX:3 WILLIAM:3 JOHAN:3 HENDRIK:3 ROBERT:2 SURYA:2 '
           'DJOKO:2 EDDY:3 HARRY:2 JIMMY:2 RICHARD:2 TONNY:2 ALBERT:2 VINCENT:2 ')
CINA_P = W('LINA:4 YENNY:4 SUSI:3 MELINDA:3 JESSICA:3 CINDY:3 MARIA:3 LILY:3 FENNY:3 LINDA:3 LANNY:3 '
           'MEILINA:3 NOVI:2 ELISA:2 VIVIAN:2 SANDRA:2 ')
CINA_TIGA = W('SIOK_LAN:2 KIM_HOK:2 TJOE_LIANG:2 SWIE_KING:1 BOEN_HWA:1 GIOK_NIO:2 SIAUW_LING:1 HONG_DJIN:1 '
              'MEI_LING:2 AI_LIAN:2 TJIN_HWA:1 KOK_LIONG:1')
ARAB_L = W('ABDULLAH:5 UMAR:4 HASAN:4 HUSEIN:4 ALI:4 SALIM:3 MUHAMMAD:8 AHMAD:5 THOHA:2 HAMID:3 SAID:3 '
           'ABUBAKAR:3 ALWI:3 IDRUS:2 ZEIN:2 FAHMI:2 ')
ARAB_P = W('FATIMAH:5 AISYAH:4 KHADIJAH:4 SYARIFAH:5 NUR:3 ZAHRA:3 MAIMUNAH:2 SALMA:3 RUGAYAH:2 NABILA:2 '
           'FAIZAH:2 SALWA:2 ')
ARAB_FAM = W('ALATAS:3 ASSEGAF:3 ALAYDRUS:2 AL_HABSYI:3 BAHASUAN:2 BASWEDAN:2 SHAHAB:2 BAFADAL:2 BAGIR:2 '
             'ALKAFF:2 BAMUKMIN:1 JAMALULLAIL:1')
ACEH_L1 = W('MUHAMMAD:14 T.:2 TEUKU:2 ZULFIKAR:2 ISKANDAR:2 MUKHLIS:2 SAIFUL:2 NASRUL:2 FAISAL:3 MAULIDAR:2')
ACEH_P1 = W('CUT:3 NURUL:3 SITI:8 RAUDHATUL:2 ZAHRATUL:2 NURLAILA:2 MARDIANA:2 RAHMI:2')

# Communities with their region pools (kab/kota codes in the newest edition) and shares.
KOMUNITAS = {
    # name      regions                              share
    'jawa':    (['33.10', '34.04', '35.07', '35.78', '33.09'], 30),
    'sunda':   (['32.04', '32.05'], 14),
    'batak':   (['12.02', '12.71'], 7),
    'minang':  (['13.71', '13.06'], 5),
    'bugis':   (['73.08', '73.13', '73.71'], 6),
    'bali':    (['51.03', '51.71'], 5),
    'ntt':     (['53.02', '53.71', '53.10'], 6),
    'papua':   (['91.71', '95.01', '91.03'], 4),
    'cina':    (['31.73', '12.71', '61.71'], 5),
    'arab':    (['31.75', '35.78'], 3),
    'melayu':  (['11.71', '31.73', '31.75', '61.71'], 15),   # Muslim names (bin/binti) in Aceh, Jakarta, Pontianak
}
KRISTEN = {'batak', 'ntt', 'papua'}

# Old spelling (ejaan lama, before 1972) and its reverse; applied word by word.
def ke_ejaan_lama(kata, rng):
    """A word in old spelling: kh ch, sy sj, c tj, j dj, y j, u oe (the last for most words)."""
    oe = rng.random() < 0.9
    out, i = [], 0
    while i < len(kata):
        dua = kata[i:i + 2]
        if dua == 'KH':
            out.append('CH'); i += 2; continue
        if dua == 'SY':
            out.append('SJ'); i += 2; continue
        c = kata[i]
        out.append({'C': 'TJ', 'J': 'DJ', 'Y': 'J', 'U': 'OE' if oe else 'U'}.get(c, c))
        i += 1
    return ''.join(out)


def ke_ejaan_baru(kata):
    """The reverse: oe u, tj c, dj j, sj sy, ch kh; a lone j is y when the word has another old mark."""
    tanda = any(m in kata for m in ('OE', 'TJ', 'DJ', 'SJ', 'CH'))
    out, i = [], 0
    while i < len(kata):
        dua = kata[i:i + 2]
        if dua in ('OE', 'TJ', 'DJ', 'SJ', 'CH'):
            out.append({'OE': 'U', 'TJ': 'C', 'DJ': 'J', 'SJ': 'SY', 'CH': 'KH'}[dua]); i += 2; continue
        c = kata[i]
        out.append('Y' if c == 'J' and tanda else c)
        i += 1
    return ''.join(out)

MUHAMMAD_BENTUK = ['MUHAMMAD', 'MUHAMAD', 'MOHAMMAD', 'MOHAMAD', 'MOH.', 'MOCH.', 'MOCHAMMAD', 'MUHAMMAD',
                   'MHD.', 'M.', 'MUH.', 'MOHD.', 'MUCHAMMAD', 'MOHAMED']
AHMAD_BENTUK = ['AHMAD', 'ACHMAD', 'AKHMAD', 'AHMAT', 'ACHMAT', 'AHMED', 'AMAD', 'AKHMAT']
GELAR_DEPAN_L = ['H.', 'H', 'DR.', 'DR', 'IR.', 'IR', 'DRS.', 'DRS', 'USTADZ', 'UST.', 'KH.', 'PROF. DR.', 'dr.',
                 'Drs.', 'H.Ir.', 'Ir. H.']
GELAR_DEPAN_P = ['HJ.', 'HJ', 'Hj.', 'DRA.', 'DR.', 'IR.', 'UST.', 'USTADZAH', 'dr.', 'Dra.']
GELAR_DEPAN_KRISTEN = ['PDT.', 'Pdt.', 'PDT', 'SR.', 'Sr.', 'PASTOR', 'Pnt.', 'DR.', 'IR.', 'Drs.']
GELAR_BELAKANG = [', S.Pd.', ', S.Pd', ' S.Pd', ' SPd', ', S.E.', ' S.E', ' SE', ', SE', ', A.Md.Kep.', ' A.Md.Kep',
                  ' AMd.Kep', ', A.Md.', ' AMD', ', S.Kom', ' S.Kom.', ' SKom', ', M.Si', ' M.Si.', ', S.H.',
                  ', S.H., M.H.', ' SH MH', ', S.Sos.', ' S.Sos', ', S.Ag.', ' S.Ag', ', S.Kep., Ns.', ', S.T.',
                  ' ST', ', S.Th.', ' S.Th', ', S.Pd.I', ', M.Pd.', ', Amd.Keb', ', S.Farm., Apt.', ', S.IP',
                  ', S.Kes', ', M.M.', ' MM', ', S.Psi.']

KETIK_TETANGGA = {  # qwerty neighbours
    'A': 'SQWZ', 'B': 'VNGH', 'C': 'XVDF', 'D': 'SFER', 'E': 'WRD', 'F': 'DGRT', 'G': 'FHTY', 'H': 'GJYU',
    'I': 'UOK', 'J': 'HKUI', 'K': 'JLIO', 'L': 'KOP', 'M': 'NJK', 'N': 'BMHJ', 'O': 'IPL', 'P': 'OL',
    'Q': 'WA', 'R': 'ETF', 'S': 'ADWE', 'T': 'RYG', 'U': 'YIJ', 'V': 'CBF', 'W': 'QES', 'X': 'ZCS',
    'Y': 'TUH', 'Z': 'XAS'}

# ---------------------------------------------------------------------------------------------------------
# Error model rates (README.md repeats them; keep the two in step).

# NIK as typed, for a person present in Dukcapil
NIK_KELAS = [('nik_benar', 58), ('nik_satu_digit', 9), ('nik_tukar', 6), ('nik_tgl_bln', 3),
             ('nik_kurang_digit', 3), ('nik_lebih_digit', 2), ('nik_kosong', 12), ('nik_orang_lain', 3),
             ('nik_keluarga', 1.5), ('nik_no_kk', 2.5)]
NAMA_KELAS = [('nama_benar', 52), ('nama_ejaan_lama', 6), ('nama_gelar', 8), ('nama_muhammad', 4),
              ('nama_ketik', 9), ('nama_singkat', 4), ('nama_kata_hilang', 3), ('nama_urutan', 2),
              ('nama_huruf', 8), ('nama_bin_binti', 2), ('nama_panggilan', 2)]
NAMA_KEDUA = 0.10           # a second name error on top of the first
TGL_KELAS = [('tgl_benar', 82), ('tgl_hari', 5), ('tgl_bulan', 3), ('tgl_tahun', 4), ('tgl_tukar', 3),
             ('tgl_kosong', 1.5), ('tgl_01_01', 1.5)]
JK_SALAH = 0.015
JK_KOSONG = 0.01
WIL_KELAS = [('wil_sama', 85), ('pindah_desa', 7), ('pindah_kec', 5), ('pindah_kab', 3)]
MAJEMUK = 0.03              # NIK, name and date all wrong at once
# kueri: who is asked about
KUERI_ABSEN = 0.11          # share of kueri about people absent from Dukcapil, split as:
ABSEN_JENIS = [('absen_dengan_nik', 40), ('absen_tanpa_nik', 30), ('absen_kerabat', 30)]
KUERI_SULIT = [('kembar', 0.05), ('ayah_anak_senama', 0.03), ('nama_umum', 0.06), ('meninggal', 0.02),
               ('ganda', 0.03), ('nik_tetangga', 0.03)]
# nik_tetangga: a person whose NIK is one typing error away from another real NIK; that kueri is typed with the
# other NIK (class nik_orang_lain)   # shares of present kueri drawn on purpose from these hard groups
DUA_KALI = 0.04             # a person proposed a second time (another row, the same orang)
# Dukcapil extract
KEMBAR = 0.012              # a birth is twins
AYAH_ANAK = 0.006           # the eldest son has his father's name
GANDA = 0.012               # a person is in Dukcapil twice (another NIK)
MENINGGAL = 0.015
TGL_NIK_BEDA = 0.01         # the birth date was corrected after the NIK was issued
LAHIR_LAIN = 0.15           # NIK first registered in another kecamatan (born or first registered elsewhere)
GELAR_DI_DUKCAPIL = 0.015   # the Dukcapil name carries a title or degree
ABSEN_ANGGOTA = 0.03        # a family member not in Dukcapil (pool for the absent kueri)


AWALAN = {'SRI', 'SITI', 'SITTI', 'ST.', 'DWI', 'TRI', 'NUR', 'NURUL', 'MUHAMMAD', 'MUH.', 'AHMAD', 'ABDUL',
          'ANDI', 'MOHAMMAD', 'MUHAMAD', 'NENG', 'T.', 'TEUKU', 'CUT'}


def pilih(rng, daftar):
    total = sum(w for _, w in daftar)
    x = rng.random() * total
    for v, w in daftar:
        x -= w
        if x < 0:
            return v
    return daftar[-1][0]


class Wilayah:
    def __init__(self, path, rng, n_penduduk):
        desa = collections.defaultdict(list)
        nama = {}
        with gzip.open(path, 'rt', encoding='utf-8') as f:
            for r in csv.DictReader(f):
                nama[r['kode']] = r['nama']
                if r['level'] == '4':
                    desa[r['kode'][:8]].append(r['kode'])
        self.nama = nama
        kab_all = sorted({k for v in KOMUNITAS.values() for k in v[0]})
        # kecamatan per kab/kota: enough for about 350 people per kecamatan, at least 3
        per_kab = max(3, n_penduduk // (len(kab_all) * 350))
        self.kec = {}
        for kab in kab_all:
            semua = sorted(k for k in desa if k.startswith(kab + '.'))
            if not semua:
                raise SystemExit('no kecamatan for %s in %s' % (kab, path))
            self.kec[kab] = sorted(rng.sample(semua, min(per_kab, len(semua))))
        self.desa = {k: desa[k] for kab in self.kec for k in self.kec[kab]}
        # all kecamatan in the country: NIKs first registered far away
        self.semua_kec = sorted(desa)

    @staticmethod
    def digit(kode):
        return kode.replace('.', '')


def nik_dari(kec6, tgl, perempuan, serial):
    dd = tgl.day + (40 if perempuan else 0)
    return '%s%02d%02d%02d%04d' % (kec6, dd, tgl.month, tgl.year % 100, serial)


def tanggal_sah(d, m, y):
    try:
        return datetime.date(y, m, d)
    except ValueError:
        return None


def nik_sah(s):
    """The structural rules of dtks.nik (src/identitas.c): 16 digits, province known, kab and kec not 00, day
    (+40), month, the day exists (29 Feb when yy % 4 = 0), serial not 0000."""
    if len(s) != 16 or not s.isdigit():
        return False
    if s[:2] not in PROVINSI or s[2:4] == '00' or s[4:6] == '00':
        return False
    d, m, y = int(s[6:8]), int(s[8:10]), int(s[10:12])
    if d > 40:
        d -= 40
    if not (1 <= d <= 31 and 1 <= m <= 12):
        return False
    if tanggal_sah(d, m, 2000 + y if y % 4 == 0 else 2001) is None:
        return False
    return s[12:] != '0000'


PROVINSI = set('11 12 13 14 15 16 17 18 19 21 31 32 33 34 35 36 51 52 53 61 62 63 64 65 71 72 73 74 75 76 81 82 '
               '91 92 93 94 95 96'.split())


class Generator:
    def __init__(self, benih, n_penduduk, n_kueri):
        self.rng = random.Random(benih)
        self.n_penduduk = n_penduduk
        self.n_kueri = n_kueri
        self.wil = Wilayah(WILAYAH, random.Random(benih * 7 + 1), n_penduduk)
        self.orang = []          # every person made: dict
        self.penduduk = []       # rows of the extract (dict), also duplicates
        self.nik_dipakai = set()
        self.serial = collections.Counter()
        self.kk_serial = collections.Counter()
        self.ganda = []
        self.keluarga = []

    # --- names ---------------------------------------------------------------------------------------
    def nama_muslim(self, perempuan, ayah=None):
        r = self.rng
        if perempuan:
            n = [pilih(r, MUSLIM_P1)]
            if r.random() < 0.85:
                n.append(pilih(r, MUSLIM_P2))
        else:
            n = [pilih(r, MUSLIM_L1)]
            if r.random() < 0.8:
                n.append(pilih(r, MUSLIM_L2))
            if n[0] in ('MUHAMMAD', 'AHMAD') and len(n) == 2 and r.random() < 0.3:
                n.append(pilih(r, MUSLIM_L2))
        n = dedup(n)
        return n

    def buat_nama(self, kom, perempuan, ayah=None, urut=None, kasta=None):
        n = self._buat_nama(kom, perempuan, ayah, urut, kasta)
        if len(n) == 1 and n[0] in AWALAN:
            # SRI, SITI, DWI, MUHAMMAD ... are not a whole name
            n.append(pilih(self.rng, (JAWA_P2 if kom == 'jawa' else MUSLIM_P2) if perempuan
                           else (JAWA_L2 if kom == 'jawa' else MUSLIM_L2)))
        return n

    def _buat_nama(self, kom, perempuan, ayah=None, urut=None, kasta=None):
        """A name (list of words) for community kom; ayah is the father's name (list) where a community
        passes a family name on."""
        r = self.rng
        if kom == 'jawa':
            if r.random() < 0.25:
                return self.nama_muslim(perempuan)
            if perempuan:
                n = [pilih(r, JAWA_P1)] + ([pilih(r, JAWA_P2)] if r.random() < 0.7 else [])
            else:
                n = [pilih(r, JAWA_L1)] + ([pilih(r, JAWA_L2)] if r.random() < 0.65 else [])
        elif kom == 'sunda':
            if r.random() < 0.3:
                return self.nama_muslim(perempuan)
            if perempuan:
                n = [pilih(r, SUNDA_P1)] + ([pilih(r, SUNDA_P2)] if r.random() < 0.7 else [])
            else:
                n = [pilih(r, SUNDA_L1)] + ([pilih(r, SUNDA_L2)] if r.random() < 0.75 else [])
        elif kom == 'batak':
            marga = ayah[-1] if ayah and ayah[-1] in dict(BATAK_MARGA) else pilih(r, BATAK_MARGA)
            if marga in ('NASUTION', 'HARAHAP', 'LUBIS', 'SIREGAR') and r.random() < 0.5:
                depan = self.nama_muslim(perempuan)[:2]
            else:
                depan = [pilih(r, BATAK_P if perempuan else BATAK_L)]
                if r.random() < 0.25:
                    depan.append(pilih(r, BATAK_P if perempuan else BATAK_L))
            n = dedup(depan) + (['BR.'] if perempuan and r.random() < 0.3 else []) + [marga]
        elif kom == 'minang':
            n = [pilih(r, MINANG_P if perempuan else MINANG_L)]
            if r.random() < 0.3:
                n = self.nama_muslim(perempuan)
        elif kom == 'bugis':
            if perempuan:
                n = [pilih(r, BUGIS_P1), pilih(r, BUGIS_P2)]
            else:
                n = [pilih(r, BUGIS_L1), pilih(r, BUGIS_L2)]
            if ayah and ayah[0] == 'ANDI' and n[0] != 'ANDI':
                n[0] = 'ANDI'
        elif kom == 'bali':
            if urut is None:                 # an adult: birth order unknown here
                urut = self.rng.randint(1, 4)
            urutan = (BALI_URUT_P if perempuan else BALI_URUT_L)[(urut - 1) % 4]
            if kasta:
                depan = (BALI_KASTA_P if perempuan else BALI_KASTA_L)[kasta - 1].split()
                n = depan + [r.choice(urutan)] * (r.random() < 0.3) + [pilih(r, BALI_P if perempuan else BALI_L)]
            else:
                n = ['NI' if perempuan else 'I', r.choice(urutan)] + pilih(r, BALI_P if perempuan else BALI_L).split()
        elif kom == 'ntt':
            fam = ayah[-1] if ayah and ayah[-1] in dict(NTT_FAM) else pilih(r, NTT_FAM)
            depan = [pilih(r, NTT_P if perempuan else NTT_L)]
            if r.random() < 0.3:
                depan.append(pilih(r, NTT_P if perempuan else NTT_L))
            n = dedup(depan) + [fam]
        elif kom == 'papua':
            fam = ayah[-1] if ayah and ayah[-1] in dict(PAPUA_FAM) else pilih(r, PAPUA_FAM)
            n = [pilih(r, PAPUA_P if perempuan else PAPUA_L), fam]
        elif kom == 'cina':
            marga = ayah[-1] if ayah and ayah[-1] in dict(CINA_MARGA) else pilih(r, CINA_MARGA)
            if marga in ('TAN', 'LIM', 'LIE', 'OEI', 'GO', 'LIEM', 'ONG') and r.random() < 0.5:
                n = [marga] + pilih(r, CINA_TIGA).split()
            else:
                n = [pilih(r, CINA_P if perempuan else CINA_L), marga]
        elif kom == 'arab':
            fam = ayah[-1] if ayah and ayah[-1] in dict(ARAB_FAM) else pilih(r, ARAB_FAM)
            n = [pilih(r, ARAB_P if perempuan else ARAB_L)]
            if r.random() < 0.4:
                n.append(pilih(r, MUSLIM_P2 if perempuan else MUSLIM_L2))
            n = dedup(n) + fam.split()
        else:  # melayu: Aceh, Jakarta, Pontianak Muslims, often bin/binti
            n = self.nama_muslim(perempuan)
            if r.random() < 0.2:
                n[0] = pilih(r, ACEH_P1 if perempuan else ACEH_L1)
                n = dedup(n)
            if ayah and r.random() < 0.25:
                n = n[:2] + ['BINTI' if perempuan else 'BIN', ayah[0] if ayah[0] not in ('MUHAMMAD', 'T.') else ayah[-1]]
        return n

    # --- families ------------------------------------------------------------------------------------
    def tanggal_acak(self, y0, y1):
        r = self.rng
        a = datetime.date(y0, 1, 1).toordinal()
        b = min(datetime.date(y1, 12, 31), HARI_EKSTRAK - datetime.timedelta(days=1)).toordinal()
        return datetime.date.fromordinal(r.randint(a, b))

    def kec_lahir(self, kab, kec):
        r = self.rng
        x = r.random()
        if x < 1 - LAHIR_LAIN:
            return kec
        if x < 1 - LAHIR_LAIN / 3:
            return r.choice(self.wil.kec[kab])
        return r.choice(self.wil.semua_kec)

    def beri_nik(self, kec, tgl, perempuan):
        kec6 = Wilayah.digit(kec)
        while True:
            kunci = (kec6, tgl.day, tgl.month, tgl.year % 100, perempuan)
            self.serial[kunci] += 1
            nik = nik_dari(kec6, tgl, perempuan, self.serial[kunci])
            if nik not in self.nik_dipakai:
                self.nik_dipakai.add(nik)
                return nik

    def no_kk(self, kec, tgl):
        kec6 = Wilayah.digit(kec)
        kunci = (kec6, tgl)
        self.kk_serial[kunci] += 1
        return '%s%02d%02d%02d%04d' % (kec6, tgl.day, tgl.month, tgl.year % 100, self.kk_serial[kunci])

    def alamat(self, desa):
        r = self.rng
        rt, rw = r.randint(1, 15), r.randint(1, 12)
        kelurahan = desa.split('.')[3].startswith('1')
        if kelurahan:
            jalan = r.choice(['MERDEKA', 'SUDIRMAN', 'DIPONEGORO', 'AHMAD YANI', 'GATOT SUBROTO', 'KARTINI',
                              'PAHLAWAN', 'MELATI', 'MAWAR', 'KENANGA', 'CEMPAKA', 'ANGGREK', 'FLAMBOYAN',
                              'BUDI UTOMO', 'IMAM BONJOL', 'HASANUDDIN', 'PATTIMURA', 'KH. AGUS SALIM'])
            return ('JL. %s %s NO. %d RT %03d RW %03d' % (jalan, r.choice(['', 'GG. I', 'GG. II', 'GG. BUNTU', '']),
                                                          r.randint(1, 150), rt, rw)).replace('  ', ' ')
        dusun = r.choice(['KRAJAN', 'SUKAMAJU', 'SUKARAME', 'MEKARSARI', 'TEGALSARI', 'KARANGANYAR', 'SIDOREJO',
                          'TANJUNG', 'BATU', 'LEMBAH', 'BUKIT', 'SUMBER', 'WONOREJO', 'MULYOREJO', 'I', 'II', 'III'])
        return 'DUSUN %s RT %03d RW %03d' % (dusun, rt, rw)

    def tambah_orang(self, kel, peran, nama, tgl, perempuan, kec_nik, di_dukcapil=True):
        o = {
            'id': len(self.orang) + 1, 'kel': kel, 'peran': peran, 'nama': nama, 'tgl': tgl,
            'perempuan': perempuan, 'di_dukcapil': di_dukcapil, 'nik': None, 'tanda': set(),
        }
        if di_dukcapil:
            o['nik'] = self.beri_nik(kec_nik, tgl, perempuan)
        else:
            o['kec_nik'] = kec_nik
        self.orang.append(o)
        kel['anggota'].append(o)
        return o

    def buat_keluarga(self):
        r = self.rng
        kom = pilih(r, [(k, v[1]) for k, v in KOMUNITAS.items()])
        kab = r.choice(KOMUNITAS[kom][0])
        kec = r.choice(self.wil.kec[kab])
        desa = r.choice(self.wil.desa[kec])
        kel = {'kom': kom, 'kab': kab, 'kec': kec, 'desa': desa, 'anggota': [], 'alamat': self.alamat(desa)}
        kasta = r.randint(1, 4) if kom == 'bali' and r.random() < 0.1 else None
        lahir_kepala = self.tanggal_acak(1935, 2002)
        jenis = r.random()
        if jenis < 0.08:      # a widow or single woman heads the KK
            ibu = self.tambah_orang(kel, 'kepala', self.buat_nama(kom, True, kasta=kasta), lahir_kepala, True,
                                    self.kec_lahir(kab, kec))
            ayah = None
        elif jenis < 0.13:    # a man alone (single, widowed)
            ayah = self.tambah_orang(kel, 'kepala', self.buat_nama(kom, False, kasta=kasta), lahir_kepala, False,
                                     self.kec_lahir(kab, kec))
            ibu = None
        else:
            ayah = self.tambah_orang(kel, 'kepala', self.buat_nama(kom, False, kasta=kasta), lahir_kepala, False,
                                     self.kec_lahir(kab, kec))
            kom_istri = kom if r.random() < 0.9 else pilih(r, [(k, v[1]) for k, v in KOMUNITAS.items()])
            # the wife born up to 3 years before her husband or 10 after, and by 2005 (at least 21 now)
            batas = min(10 * 365, (datetime.date(2005, 12, 31) - lahir_kepala).days)
            lahir_istri = lahir_kepala + datetime.timedelta(days=r.randint(-3 * 365, batas))
            ibu = self.tambah_orang(kel, 'istri', self.buat_nama(kom_istri, True), lahir_istri, True,
                                    self.kec_lahir(kab, kec))
        kel['ayah'], kel['ibu'] = ayah, ibu
        # children
        ortu = ibu or ayah
        awal = ortu['tgl'].year + r.randint(19, 30)
        n_anak = min(pilih(r, [(0, 12), (1, 20), (2, 28), (3, 20), (4, 10), (5, 6), (6, 4)]),
                     max(0, (min(HARI_EKSTRAK.year, ortu['tgl'].year + 45) - awal) // 2 + 1))
        t = awal
        urut = 0
        anak_laki = 0
        for i in range(n_anak):
            if t > HARI_EKSTRAK.year:
                break
            tgl = self.tanggal_acak(t, t)
            kembar = r.random() < KEMBAR
            for k in range(2 if kembar else 1):
                urut += 1
                perempuan = r.random() < 0.49
                nama_ayah = ayah['nama'] if ayah else None
                if (not perempuan and anak_laki == 0 and ayah and r.random() < AYAH_ANAK / 0.5):
                    nama = list(ayah['nama'])
                    senama = True
                else:
                    nama = self.buat_nama(kom, perempuan, nama_ayah, urut, kasta)
                    senama = False
                    if kembar and k == 1:
                        nama = self.nama_kembar(kel['anggota'][-1], perempuan, kom, nama)
                if not perempuan:
                    anak_laki += 1
                di = r.random() >= ABSEN_ANGGOTA
                o = self.tambah_orang(kel, 'anak', nama, tgl, perempuan, self.kec_lahir(kab, kec), di)
                if senama:
                    o['tanda'].add('ayah_anak_senama')
                    ayah['tanda'].add('ayah_anak_senama')
                if kembar:
                    o['tanda'].add('kembar')
                    if k == 1:
                        kel['anggota'][-2]['tanda'].add('kembar')
                        o['kembar_dengan'] = kel['anggota'][-2]
                        kel['anggota'][-2]['kembar_dengan'] = o
                        # twins are registered together: the same kecamatan of first registration
                        if o['nik'] and kel['anggota'][-2]['nik']:
                            self.nik_dipakai.discard(o['nik'])
                            o['nik'] = self.beri_nik(kel['anggota'][-2]['nik'][:6], tgl, perempuan)
            t += r.randint(1, 5)
        # a grandparent living in the KK
        if r.random() < 0.07 and ortu['tgl'].year > 1950:
            self.tambah_orang(kel, 'orang_tua', self.buat_nama(kom, r.random() < 0.6),
                              self.tanggal_acak(1930, ortu['tgl'].year - 18), r.random() < 0.6,
                              self.kec_lahir(kab, kec))
        # the KK
        tgl_kk = self.tanggal_acak(max(2005, ortu['tgl'].year + 18), 2025)
        kel['no_kk'] = self.no_kk(kec, tgl_kk)
        self.keluarga.append(kel)
        return kel

    def nama_kembar(self, saudara, perempuan, kom, nama):
        """Twins get similar names: Hasan/Husein, Dwi/Tri X, a shared second word, or one letter apart."""
        r = self.rng
        sn = saudara['nama']
        x = r.random()
        if x < 0.25 and len(sn) >= 2:
            return [nama[0]] + sn[1:] if nama[0] != sn[0] else nama
        if x < 0.4 and not perempuan and sn[0] in ('HASAN', 'HUSEIN'):
            return ['HUSEIN' if sn[0] == 'HASAN' else 'HASAN'] + sn[1:]
        if x < 0.55:
            pas = {'HASAN': 'HUSEIN', 'RAMA': 'SHINTA', 'DWI': 'TRI', 'PUTRA': 'PUTRI', 'ANDI': 'ANDA',
                   'NANDA': 'NINDA', 'RINA': 'RINI', 'YUDA': 'YUDI', 'DIMAS': 'DIAN'}
            for i, w in enumerate(sn):
                if w in pas:
                    return sn[:i] + [pas[w]] + sn[i + 1:]
            return sn[:-1] + [sn[-1][:-1] + ('I' if sn[-1][-1] != 'I' else 'A')] if len(sn[-1]) > 3 else nama
        return nama

    def ke_penduduk(self, o, nama=None, nik=None, tgl=None, kk=None, desa=None, alamat=None, sumber=None):
        kel = o['kel']
        tgl = tgl or o['tgl']
        nik = nik or o['nik']
        # the Dukcapil name: upper case, in old spelling for some old people, with a title for a few
        nama = nama or self.nama_dukcapil(o)
        if sumber is None and self.rng.random() < TGL_NIK_BEDA:
            # the birth date was corrected after the NIK was issued: the NIK keeps the old date
            geser = tgl + datetime.timedelta(days=self.rng.choice([-365, -31, -1, 1, 31, 365, -3650]))
            if geser < HARI_EKSTRAK:
                tgl = geser
                o['tanda'].add('tgl_nik_beda')
        row = {
            'nik': nik, 'no_kk': kk or kel['no_kk'], 'nama': nama, 'tempat_lahir': self.tempat(o),
            'tanggal_lahir': tgl,
            'jenis_kelamin': 'P' if o['perempuan'] else 'L', 'alamat': alamat or kel['alamat'],
            'kode_wilayah': Wilayah.digit(desa or kel['desa']), 'hidup': 'true', 'tanggal_meninggal': '',
        }
        self.penduduk.append(row)
        return row

    def nama_dukcapil(self, o):
        r = self.rng
        kata = list(o['nama'])
        if o['tgl'].year < 1965 and o['kel']['kom'] in ('jawa', 'sunda', 'cina', 'melayu') and r.random() < 0.35:
            kata = [ke_ejaan_lama(k, r) for k in kata]
            o['tanda'].add('ejaan_lama_di_dukcapil')
        if r.random() < GELAR_DI_DUKCAPIL and o['tgl'].year < 1998:
            kata = self.tambah_gelar(kata, o)
            o['tanda'].add('gelar_di_dukcapil')
        return ' '.join(kata).upper()

    def tempat(self, o):
        kec = o['nik'][:6] if o['nik'] else Wilayah.digit(o['kel']['kec'])
        for k in (kec[:2] + '.' + kec[2:4],):
            n = self.wil.nama.get(k)
            if n:
                return n.replace('Kabupaten ', '').replace('Kota Administrasi ', '').replace('Kota ', '').upper()
        return ''

    def tambah_gelar(self, kata, o):
        r = self.rng
        kom = o['kel']['kom']
        if r.random() < 0.5:
            if kom in KRISTEN:
                g = r.choice(GELAR_DEPAN_KRISTEN)
            else:
                g = r.choice(GELAR_DEPAN_P if o['perempuan'] else GELAR_DEPAN_L)
            return g.split() + kata
        g = r.choice(GELAR_BELAKANG)
        return kata[:-1] + [kata[-1] + g.split(' ')[0]] + g.split(' ')[1:] if g.startswith(',') else kata + g.split()

    # --- the extract --------------------------------------------------------------------------------
    def buat_penduduk(self):
        r = self.rng
        while len(self.penduduk) < self.n_penduduk:
            kel = self.buat_keluarga()
            for o in kel['anggota']:
                if o['di_dukcapil'] and len(self.penduduk) < self.n_penduduk:
                    o['row'] = self.ke_penduduk(o)
                elif o['di_dukcapil']:
                    o['di_dukcapil'] = False      # the extract is full: this one is absent
                    self.nik_dipakai.discard(o['nik'])
                    o['kec_nik'] = o['nik'][:6]
                    o['nik'] = None
            # Dukcapil holds a person twice
            for o in kel['anggota']:
                if o.get('row') and r.random() < GANDA and len(self.penduduk) < self.n_penduduk:
                    self.buat_ganda(o)
        # the dead
        for o in self.orang:
            if o.get('row') and o['tgl'].year < 2024 and r.random() < MENINGGAL * (3 if o['tgl'].year < 1960 else 1):
                o['row']['hidup'] = 'false'
                if r.random() < 0.8:
                    o['row']['tanggal_meninggal'] = self.tanggal_acak(max(2015, o['tgl'].year + 1), 2026).isoformat()
                o['tanda'].add('meninggal')
        # hard groups: many people named alike, born the same year in one kecamatan
        hit = collections.Counter()
        for o in self.orang:
            if o.get('row'):
                hit[(norm_nama(o['row']['nama']), o['kel']['kec'], o['tgl'].year)] += 1
        for o in self.orang:
            if o.get('row') and hit[(norm_nama(o['row']['nama']), o['kel']['kec'], o['tgl'].year)] > 1:
                o['tanda'].add('nama_umum')
        for row in self.penduduk:
            row['tanggal_lahir'] = row['tanggal_lahir'].isoformat()

    def buat_ganda(self, o):
        r = self.rng
        kel = o['kel']
        tgl = o['tgl']
        x = r.random()
        if x < 0.3:
            tgl = tgl + datetime.timedelta(days=r.choice([-1, 1]))
        elif x < 0.4 and tgl.day <= 12 and tgl.day != tgl.month:
            tgl = datetime.date(tgl.year, tgl.day, tgl.month) if tanggal_sah(tgl.month, tgl.day, tgl.year) else tgl
        elif x < 0.5:
            tgl = tanggal_sah(tgl.day, tgl.month, tgl.year + r.choice([-1, 1])) or tgl
        kec_nik = o['nik'][:6] if r.random() < 0.35 else Wilayah.digit(r.choice(
            self.wil.kec[kel['kab']] if r.random() < 0.6 else self.wil.semua_kec))
        kec_nik = '%s.%s.%s' % (kec_nik[:2], kec_nik[2:4], kec_nik[4:6])
        nik = self.beri_nik(kec_nik, tgl, o['perempuan'])
        kata = o['row']['nama'].split()
        v = r.random()
        if v < 0.3:
            pass
        elif v < 0.5:
            kata = [ke_ejaan_lama(k, r) if r.random() < 0.5 else ke_ejaan_baru(k) for k in kata]
        elif v < 0.65:
            kata = typo(' '.join(kata), r).split()
        elif v < 0.75 and len(kata) > 1:
            i = r.randrange(1, len(kata))
            kata[i] = kata[i][0] + '.'
        elif v < 0.85:
            kata = self.tambah_gelar(kata, o)
        else:
            kata = [bentuk_muhammad(k, r) for k in kata]
            if kata == o['row']['nama'].split():
                kata = typo(' '.join(kata), r).split()
        lain_kk = r.random() < 0.7
        if lain_kk:
            kec_kk = r.choice(self.wil.kec[kel['kab']])
            desa = r.choice(self.wil.desa[kec_kk])
            kk = self.no_kk(kec_kk, self.tanggal_acak(2008, 2025))
            alamat = self.alamat(desa)
        else:
            desa, kk, alamat = None, None, None
        row = self.ke_penduduk(o, nama=' '.join(kata).upper(), nik=nik, tgl=tgl, kk=kk, desa=desa, alamat=alamat,
                               sumber='ganda')
        o['tanda'].add('ganda')
        o['ganda_row'] = row
        self.ganda.append((o['row']['nik'], nik))

    # --- what desa offices typed --------------------------------------------------------------------
    def buat_kueri(self):
        r = self.rng
        ada = [o for o in self.orang if o.get('row')]
        absen = [o for o in self.orang if not o['di_dukcapil']]
        kelompok = {t: [o for o in ada if t in o['tanda']] for t, _ in KUERI_SULIT}
        contoh = ada if len(ada) <= 40000 else r.sample(ada, 40000)
        kelompok['nik_tetangga'] = [o for o in contoh if [x for x in tetangga_nik(o['row']['nik'], self.nik_dipakai)
                                                          if x != o.get('ganda_row', {}).get('nik')]]
        kueri = []
        n_pertama = int(round(self.n_kueri / (1 + DUA_KALI)))
        dipakai = set()
        while len(kueri) < n_pertama:
            if r.random() < KUERI_ABSEN:
                jenis = pilih(r, ABSEN_JENIS)
                if jenis == 'absen_kerabat':
                    o = self.kerabat_absen(r.choice(ada))
                else:
                    o = r.choice(absen) if absen and r.random() < 0.7 else self.orang_absen()
                    if o['id'] in dipakai:
                        continue
                dipakai.add(o['id'])
                kueri.append(self.ketik_absen(o, jenis))
                continue
            o, grup = None, None
            x = r.random()
            for t, p in KUERI_SULIT:
                x -= p
                if x < 0:
                    if kelompok[t]:
                        o, grup = r.choice(kelompok[t]), t
                    break
            if o is None or o['id'] in dipakai:
                o, grup = r.choice(ada), None
                if o['id'] in dipakai:
                    continue
            dipakai.add(o['id'])
            kueri.append(self.ketik(o, 'nik_orang_lain' if grup == 'nik_tetangga' else None))
        # the same person proposed twice (another usulan, typed again with its own errors)
        pertama = list(kueri)
        while len(kueri) < self.n_kueri:
            q = r.choice(pertama)
            o = q['_orang']
            if o.get('row'):
                q2 = self.ketik(o)
            else:
                q2 = self.ketik_absen(o, q['_jenis'])
            q2['kelas'] = q2['kelas'] + '+diusulkan_dua_kali'
            kueri.append(q2)
        r.shuffle(kueri)
        for i, q in enumerate(kueri, 1):
            q['id'] = i
        return kueri

    def orang_absen(self):
        """A person of a family not in Dukcapil at all (never registered)."""
        r = self.rng
        kel = self.buat_keluarga_bayangan()
        o = r.choice(kel['anggota'])
        return o

    def buat_keluarga_bayangan(self):
        # a family made like the others but left out of the extract
        kel = self.buat_keluarga()
        self.keluarga.pop()
        for o in kel['anggota']:
            if o['nik']:
                self.nik_dipakai.discard(o['nik'])
                o['kec_nik'] = o['nik'][:6]
                o['nik'] = None
            o['di_dukcapil'] = False
        return kel

    def kerabat_absen(self, saudara):
        """An absent sibling of a registered person: the same KK, a similar name, a near birth date."""
        r = self.rng
        kel = saudara['kel']
        if r.random() < 0.15:
            tgl = saudara['tgl']
        else:
            tgl = tanggal_sah(min(saudara['tgl'].day, 28), saudara['tgl'].month, saudara['tgl'].year) + \
                datetime.timedelta(days=r.choice([1, -1, 300, -300, 400, 700, -700, 1000]))
            if tgl >= HARI_EKSTRAK:
                tgl = saudara['tgl'] - datetime.timedelta(days=400)
        perempuan = saudara['perempuan'] if r.random() < 0.6 else not saudara['perempuan']
        nama = self.nama_kembar(saudara, perempuan, kel['kom'], self.buat_nama(kel['kom'], perempuan,
                                                                                 kel['ayah']['nama'] if kel['ayah'] else None))
        for _ in range(10):
            if nama != saudara['nama']:
                break
            nama = self.buat_nama(kel['kom'], perempuan, kel['ayah']['nama'] if kel['ayah'] else None)
        o = {'id': len(self.orang) + 1, 'kel': kel, 'peran': 'anak', 'nama': nama, 'tgl': tgl,
             'perempuan': perempuan, 'di_dukcapil': False, 'nik': None, 'tanda': {'kerabat_absen'},
             'kec_nik': saudara['nik'][:6]}
        self.orang.append(o)
        return o

    def nik_palsu(self, o):
        """A plausible NIK for an absent person: their kecamatan and birth date, a serial nobody has."""
        kec6 = o.get('kec_nik') or Wilayah.digit(o['kel']['kec'])
        kec6 = Wilayah.digit(kec6)
        s = self.rng.randint(1, 40)
        while True:
            nik = nik_dari(kec6, o['tgl'], o['perempuan'], s)
            if nik not in self.nik_dipakai:
                return nik
            s += 1

    def ketik_absen(self, o, jenis):
        r = self.rng
        kelas = [jenis]
        nik = self.nik_palsu(o) if jenis != 'absen_tanpa_nik' and (jenis != 'absen_kerabat' or r.random() < 0.6) else ''
        if jenis == 'absen_kerabat':
            kelas.append('dengan_nik' if nik else 'tanpa_nik')
        nama, kn = self.ketik_nama(o, list(o['nama']))
        tgl, kt = self.ketik_tgl(o['tgl'])
        kelas += [k for k in kn + kt if not k.endswith('_benar')]
        q = self.baris_kueri(o, nik, nama, tgl, o['kel']['desa'], o['kel']['alamat'], kelas, '')
        q['_jenis'] = jenis
        return q

    def ketik(self, o, paksa_nik=None):
        r = self.rng
        kelas = []
        majemuk = r.random() < MAJEMUK
        row = o['row']
        # NIK
        kn = paksa_nik or pilih(r, NIK_KELAS)
        if majemuk:
            while kn in ('nik_benar', 'nik_kosong'):
                kn = pilih(r, NIK_KELAS)
        nik, kn = self.ketik_nik(o, kn)
        kelas.append(kn)
        # name: what Dukcapil has; where Dukcapil writes it in old spelling or with a title, half the time the
        # family gives today's spelling or the bare name
        dasar = row['nama'].split()
        tambah = []
        if ('ejaan_lama_di_dukcapil' in o['tanda'] or 'gelar_di_dukcapil' in o['tanda']) and r.random() < 0.5:
            dasar = list(o['nama'])
            tambah = [t for t, m in (('nama_ejaan_lama', 'ejaan_lama_di_dukcapil'),
                                     ('nama_gelar', 'gelar_di_dukcapil')) if m in o['tanda']]
        nama, kelas_nama = self.ketik_nama(o, dasar, paksa=majemuk and not tambah)
        if tambah:
            kelas_nama = [k for k in kelas_nama if k != 'nama_benar' and k not in tambah] + tambah
        kelas += kelas_nama
        # date: from the person (the NIK's date where the record was corrected is a separate mark)
        tgl, kt = self.ketik_tgl(datetime.date.fromisoformat(row['tanggal_lahir']), paksa=majemuk)
        kelas += kt
        # sex
        jk = 'P' if o['perempuan'] else 'L'
        x = r.random()
        if x < JK_SALAH:
            jk = 'L' if jk == 'P' else 'P'
            kelas.append('jk_salah')
        elif x < JK_SALAH + JK_KOSONG:
            jk = ''
            kelas.append('jk_kosong')
        # region
        kw = pilih(r, WIL_KELAS)
        kel = o['kel']
        desa_pd = row['kode_wilayah']
        desa_pd = '%s.%s.%s.%s' % (desa_pd[:2], desa_pd[2:4], desa_pd[4:6], desa_pd[6:])
        alamat = row['alamat']
        if kw == 'pindah_desa':
            lain = [d for d in self.wil.desa[desa_pd[:8]] if d != desa_pd]
            if lain:
                desa_pd = r.choice(lain)
                alamat = self.alamat(desa_pd)
            else:
                kw = 'wil_sama'
        elif kw == 'pindah_kec':
            kab = desa_pd[:5]
            lain = [k for k in self.wil.kec.get(kab, []) if k != desa_pd[:8]]
            if lain:
                desa_pd = r.choice(self.wil.desa[r.choice(lain)])
                alamat = self.alamat(desa_pd)
            else:
                kw = 'wil_sama'
        elif kw == 'pindah_kab':
            kab = r.choice([k for k in self.wil.kec if k != desa_pd[:5]])
            desa_pd = r.choice(self.wil.desa[r.choice(self.wil.kec[kab])])
            alamat = self.alamat(desa_pd)
        kelas.append(kw)
        if majemuk:
            kelas.append('majemuk')
        kelas += sorted(t for t in o['tanda'] if t in ('kembar', 'ayah_anak_senama', 'nama_umum', 'meninggal',
                                                        'ganda', 'tgl_nik_beda', 'ejaan_lama_di_dukcapil',
                                                        'gelar_di_dukcapil'))
        kelas = [k for k in kelas if k not in ('nik_benar', 'nama_benar', 'tgl_benar', 'wil_sama')] or ['bersih']
        return self.baris_kueri(o, nik, nama, tgl, desa_pd, ketik_alamat(alamat, r), kelas, row['nik'], jk)

    def baris_kueri(self, o, nik, nama, tgl, desa, alamat, kelas, nik_benar, jk=None):
        return {'id': 0, 'orang': o['id'], 'nik_ketik': nik, 'nama': nama,
                'tanggal_lahir': tgl.isoformat() if tgl else '',
                'jenis_kelamin': jk if jk is not None else ('P' if o['perempuan'] else 'L'),
                'kode_wilayah': Wilayah.digit(desa), 'alamat': alamat, 'kelas': '+'.join(kelas),
                'nik_benar': nik_benar, '_orang': o}

    def ketik_nik(self, o, kn):
        r = self.rng
        nik = o['row']['nik']
        d = list(nik)
        if kn == 'nik_benar':
            return nik, kn
        if kn == 'nik_kosong':
            return r.choice(['', '', '', '-', '0', '0000000000000000']), kn
        if kn == 'nik_satu_digit':
            i = r.randrange(16)
            d[i] = r.choice([c for c in '0123456789' if c != d[i]])
            s = ''.join(d)
            return (s, kn) if s not in self.nik_dipakai else self.ketik_nik(o, 'nik_tukar')
        if kn == 'nik_tukar':
            pos = [i for i in range(15) if d[i] != d[i + 1]]
            i = r.choice(pos)
            d[i], d[i + 1] = d[i + 1], d[i]
            s = ''.join(d)
            return (s, kn) if s not in self.nik_dipakai else self.ketik_nik(o, 'nik_kurang_digit')
        if kn == 'nik_tgl_bln':
            dd, mm = int(nik[6:8]), int(nik[8:10])
            hari = dd - 40 if dd > 40 else dd
            if hari <= 12 and hari != mm:
                s = nik[:6] + '%02d%02d' % (mm + (40 if dd > 40 else 0), hari) + nik[10:]
            else:
                s = nik[:6] + nik[8:10] + nik[6:8] + nik[10:]    # swapped as written: not a valid NIK
            return (s, kn) if s not in self.nik_dipakai else self.ketik_nik(o, 'nik_lebih_digit')
        if kn == 'nik_kurang_digit':
            i = r.randrange(16)
            return nik[:i] + nik[i + 1:], kn
        if kn == 'nik_lebih_digit':
            i = r.randrange(17)
            return nik[:i] + r.choice('0123456789') + nik[i:], kn
        if kn == 'nik_orang_lain':
            # a typing error that gives another real person's NIK (twins, serials 0001/0002 of one date)
            lain = [x for x in tetangga_nik(nik, self.nik_dipakai) if x != o.get('ganda_row', {}).get('nik')]
            if lain:
                return r.choice(lain), kn
            return self.ketik_nik(o, 'nik_satu_digit')
        if kn == 'nik_keluarga':
            lain = [x['row']['nik'] for x in o['kel']['anggota'] if x is not o and x.get('row')]
            if lain:
                return r.choice(lain), kn
            return self.ketik_nik(o, 'nik_satu_digit')
        if kn == 'nik_no_kk':
            kk = o['row']['no_kk']
            return (kk, kn) if kk not in self.nik_dipakai else self.ketik_nik(o, 'nik_satu_digit')
        raise ValueError(kn)

    def ketik_nama(self, o, kata, paksa=False):
        r = self.rng
        kelas = []
        kn = pilih(r, NAMA_KELAS)
        if any(k in MUHAMMAD_BENTUK or k in AHMAD_BENTUK for k in kata) and r.random() < 0.2:
            kn = 'nama_muhammad'       # most names with Muhammad or Ahmad are written in some other form
        while paksa and kn == 'nama_benar':
            kn = pilih(r, NAMA_KELAS)
        jenis = [kn]
        if kn != 'nama_benar' and r.random() < NAMA_KEDUA:
            k2 = pilih(r, NAMA_KELAS)
            if k2 not in jenis and k2 != 'nama_benar':
                jenis.append(k2)
        for kn in jenis:
            for _ in range(6):
                baru, kn2 = self.salah_nama(o, kata, kn)
                if kn2 is not None:
                    break
                kn = pilih(r, [x for x in NAMA_KELAS if x[0] != 'nama_benar'])   # not applicable: another
            if kn2 is not None and (baru != kata or kn2 == 'nama_benar'):
                kata = baru
                kelas.append(kn2)
        s = ' '.join(kata)
        if 'nama_huruf' not in kelas:
            # how desa offices type a name when nothing else goes wrong: upper case mostly, or Title Case
            s = s.upper() if r.random() < 0.75 else s.title()
        return s, (kelas or ['nama_benar'])

    def salah_nama(self, o, kata, kn):
        r = self.rng
        kata = list(kata)
        if kn == 'nama_benar':
            return kata, kn
        if kn == 'nama_ejaan_lama':
            if o['tgl'].year >= 1975 and not any(ke_ejaan_baru(k) != k for k in kata):
                return kata, None      # nobody writes a young person's name in the old spelling
            if any(ke_ejaan_baru(k) != k for k in kata):
                return [ke_ejaan_baru(k) for k in kata], kn
            baru = [ke_ejaan_lama(k, r) for k in kata]
            return (baru, kn) if baru != kata else (kata, None)
        if kn == 'nama_gelar':
            if o['tgl'].year > 2003:
                return kata, None      # no titles or degrees before 23
            return self.tambah_gelar(kata, o), kn
        if kn == 'nama_muhammad':
            baru = [bentuk_muhammad(k, r) for k in kata]
            if baru != kata:
                return baru, kn
            return (kata, None)
        if kn == 'nama_ketik':
            return typo(' '.join(kata), r).split(), kn
        if kn == 'nama_singkat':
            pos = [i for i, k in enumerate(kata) if len(k) > 2 and k not in ('BIN', 'BINTI', 'BR.', 'I', 'NI')]
            if len(kata) < 2 or not pos:
                return (kata, None)
            i = r.choice(pos[1:] if len(pos) > 1 and r.random() < 0.75 else pos)
            kata[i] = kata[i][0] + r.choice(['.', '.', ''])
            return kata, kn
        if kn == 'nama_kata_hilang':
            if len(kata) < 2:
                return (kata, None)
            if len(kata) == 2 and r.random() < 0.5:
                return (kata, None)
            i = r.randrange(len(kata))
            if kata[0] in ('I', 'NI') and i == 0:
                i = 1
            return kata[:i] + kata[i + 1:], kn
        if kn == 'nama_urutan':
            if len(kata) < 2:
                return (kata, None)
            if len(kata) == 2:
                return [kata[1], kata[0]], kn
            i = r.randrange(len(kata) - 1)
            kata[i], kata[i + 1] = kata[i + 1], kata[i]
            return kata, kn
        if kn == 'nama_huruf':
            s = ' '.join(kata)
            x = r.random()
            if x < 0.3:
                s = s.lower()
            elif x < 0.6:
                s = s.title()
            s = s.replace(' ', r.choice(['  ', ' ', '   '])) if r.random() < 0.7 else s
            s = (' ' if r.random() < 0.3 else '') + s + (' ' if r.random() < 0.4 else '')
            if r.random() < 0.2:
                s = s.replace(' ', '', 1) if s.count(' ') > 1 else s
            return [s], kn     # one 'word': the spacing is the error
        if kn == 'nama_bin_binti':
            if 'BIN' in kata or 'BINTI' in kata:
                i = kata.index('BIN') if 'BIN' in kata else kata.index('BINTI')
                return kata[:i], kn
            ayah = o['kel'].get('ayah')
            if ayah and ayah is not o:
                a = ayah['nama'][0] if ayah['nama'][0] not in ('MUHAMMAD', 'I', 'ANDI') else ayah['nama'][-1]
                return kata + ['BINTI' if o['perempuan'] else 'BIN', a], kn
            return (kata, None)
        if kn == 'nama_panggilan':
            # the name as the village knows it: a nickname ending or a dropped syllable (SUTRISNO -> TRISNO)
            pos = [i for i, k in enumerate(kata) if len(k) >= 6 and k[:2] in ('SU', 'SI', 'MU', 'NU', 'SR')]
            if pos:
                i = r.choice(pos)
                kata[i] = kata[i][2:]
                return kata, kn
            return (kata, None)
        raise ValueError(kn)

    def ketik_tgl(self, tgl, paksa=False):
        r = self.rng
        kt = pilih(r, TGL_KELAS)
        while paksa and kt in ('tgl_benar', 'tgl_kosong', 'tgl_01_01'):
            kt = pilih(r, TGL_KELAS)
        if kt == 'tgl_benar':
            return tgl, [kt]
        if kt == 'tgl_hari':
            return tgl + datetime.timedelta(days=r.choice([-1, 1])), [kt]
        if kt == 'tgl_bulan':
            m = tgl.month + r.choice([-1, 1])
            m = 12 if m == 0 else 1 if m == 13 else m
            return (tanggal_sah(tgl.day, m, tgl.year) or tanggal_sah(28, m, tgl.year)), [kt]
        if kt == 'tgl_tahun':
            y = tgl.year + r.choice([-1, 1, -1, 1, 10, -10])
            t = tanggal_sah(tgl.day, tgl.month, y) or tanggal_sah(28, tgl.month, y)
            return (t, [kt]) if t < HARI_EKSTRAK else (tanggal_sah(tgl.day, tgl.month, tgl.year - 1) or tgl, [kt])
        if kt == 'tgl_tukar':
            if tgl.day <= 12 and tgl.day != tgl.month:
                return datetime.date(tgl.year, tgl.day, tgl.month), [kt]
            return self.ketik_tgl(tgl, paksa=True)
        if kt == 'tgl_kosong':
            return None, [kt]
        if kt == 'tgl_01_01':
            # the year only is known: entered as 1 January (or 31 December)
            return datetime.date(tgl.year, *r.choice([(1, 1), (1, 1), (12, 31)])), [kt]
        raise ValueError(kt)


def dedup(n):
    out = []
    for w in n:
        if w not in out:
            out.append(w)
    return out


def norm_nama(s):
    return ' '.join(s.upper().split())


def typo(s, r):
    """One typing error: a letter replaced by a keyboard neighbour, dropped, doubled, or two letters swapped."""
    pos = [i for i, c in enumerate(s) if c.isalpha()]
    if len(pos) < 3:
        return s
    i = r.choice(pos[1:])
    c = s[i].upper()
    x = r.random()
    if x < 0.35 and c in KETIK_TETANGGA:
        return s[:i] + r.choice(KETIK_TETANGGA[c]) + s[i + 1:]
    if x < 0.6:
        return s[:i] + s[i + 1:]
    if x < 0.8:
        return s[:i] + s[i] + s[i:]
    if i + 1 < len(s) and s[i + 1].isalpha() and s[i + 1] != s[i]:
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    return s[:i] + s[i + 1:]


def bentuk_muhammad(k, r):
    if k in MUHAMMAD_BENTUK:
        return r.choice([b for b in MUHAMMAD_BENTUK if b != k])
    if k in AHMAD_BENTUK:
        return r.choice([b for b in AHMAD_BENTUK if b != k])
    return k


def tetangga_nik(nik, ada):
    out = []
    for i in range(16):
        for c in '0123456789':
            if c != nik[i]:
                s = nik[:i] + c + nik[i + 1:]
                if s in ada:
                    out.append(s)
    for i in range(15):
        s = nik[:i] + nik[i + 1] + nik[i] + nik[i + 2:]
        if s != nik and s in ada:
            out.append(s)
    return out


def ketik_alamat(a, r):
    """The address as the desa typed it: abbreviations, RT/RW written another way, case."""
    s = a
    if r.random() < 0.3:
        s = s.replace('JL. ', r.choice(['JLN ', 'JALAN ', 'JL ']))
    if r.random() < 0.4:
        import re
        s = re.sub(r'RT (\d+) RW (\d+)', lambda m: 'RT.%s/RW.%s' % (m.group(1)[-2:], m.group(2)[-2:]), s)
    if r.random() < 0.3:
        s = s.title()
    return s


def tulis(path, kolom, rows):
    with open(path, 'w', newline='', encoding='utf-8') as f:
        w = csv.DictWriter(f, fieldnames=kolom, extrasaction='ignore', lineterminator='\n')
        w.writeheader()
        for row in rows:
            w.writerow(row)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--benih', type=int, default=19, help='seed (default 19)')
    ap.add_argument('--penduduk', type=int, default=20000, help='rows of penduduk.csv (default 20000)')
    ap.add_argument('--kueri', type=int, default=5000, help='rows of kueri.csv (default 5000)')
    ap.add_argument('--keluar', required=True, help='output directory')
    ap.add_argument('--diam', action='store_true', help='no summary')
    a = ap.parse_args()
    os.makedirs(a.keluar, exist_ok=True)
    g = Generator(a.benih, a.penduduk, a.kueri)
    g.buat_penduduk()
    kueri = g.buat_kueri()
    # every NIK in the extract is valid and unique; every kode_wilayah is a desa of the newest edition
    niks = [p['nik'] for p in g.penduduk]
    assert len(set(niks)) == len(niks), 'duplicate NIK'
    bad = [n for n in niks if not nik_sah(n)]
    assert not bad, 'invalid NIK %s' % bad[:3]
    ada = set(niks)
    for q in kueri:
        assert (q['nik_benar'] == '') == (q['kelas'].startswith('absen_')), q
        if q['kelas'].startswith('absen_'):
            assert q['nik_ketik'] not in ada, q
    tulis(os.path.join(a.keluar, 'penduduk.csv'),
          'nik,no_kk,nama,tempat_lahir,tanggal_lahir,jenis_kelamin,alamat,kode_wilayah,hidup,tanggal_meninggal'.split(','),
          g.penduduk)
    tulis(os.path.join(a.keluar, 'kueri.csv'),
          'id,orang,nik_ketik,nama,tanggal_lahir,jenis_kelamin,kode_wilayah,alamat,kelas,nik_benar'.split(','), kueri)
    tulis(os.path.join(a.keluar, 'ganda.csv'), ['nik_a', 'nik_b'],
          [{'nik_a': x, 'nik_b': y} for x, y in g.ganda])
    if a.diam:
        return
    n_kel = len(g.keluarga)
    print('set: seed %d, %d penduduk (%d KK, %d dead, %d duplicate pairs), %d kueri -> %s' % (
        a.benih, len(g.penduduk), n_kel, sum(p['hidup'] == 'false' for p in g.penduduk), len(g.ganda),
        len(kueri), a.keluar))
    kom = collections.Counter(k['kom'] for k in g.keluarga)
    print('communities (KK): ' + ', '.join('%s %d' % kv for kv in sorted(kom.items())))
    print('regions: %d kab/kota in %d provinces, %d kecamatan, %d desa' % (
        len(g.wil.kec), len({k[:2] for k in g.wil.kec}), len(g.wil.desa),
        sum(len(v) for v in g.wil.desa.values())))
    tanda = collections.Counter(t for o in g.orang if o.get('row') for t in o['tanda'])
    print('penduduk marks: ' + ', '.join('%s %d' % kv for kv in sorted(tanda.items())))
    hit = collections.Counter(k for q in kueri for k in q['kelas'].split('+'))
    absen = sum(1 for q in kueri if not q['nik_benar'])
    print('kueri: %d about people in Dukcapil, %d absent, %d persons proposed twice' % (
        len(kueri) - absen, absen, hit['diusulkan_dua_kali']))
    print('classes (a kueri counts in each of its classes):')
    for k, v in sorted(hit.items(), key=lambda kv: (-kv[1], kv[0])):
        print('  %-24s %6d  %5.1f%%' % (k, v, 100.0 * v / len(kueri)))


if __name__ == '__main__':
    main()
