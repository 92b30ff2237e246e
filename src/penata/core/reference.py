"""Reference tables of the Indonesian civil service (pure data, no Django import).

Sources are in `../shared/DOMAIN.md`-derived docs/glossary.md; tags: [C] confirmed,
[P] partly confirmed, [U] unconfirmed. [P]/[U] values are defaults that settings may override
(see `penata.core.config`).

Labels are the Indonesian source text: importers match spreadsheet cells against them and the
CLI prints them. Labels wrapped in `gettext_noop` are in the translation catalogue; pages show
them translated (`gettext(label)`, or the lazily translated model choices). Legal names of
kinds (UU 20/2023 position kinds, JF jenjang, unit kinds, golongan) stay as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from penata.core.i18n import gettext_noop


@dataclass(frozen=True)
class Golongan:
    code: str  # SIMPEG-style numeric code for PNS ("31"), roman numeral for PPPK ("IX")
    label: str  # "III/a" or "IX"
    pangkat: str  # empty for PPPK
    rank: int  # order within its scheme, 1 = lowest


# PNS golongan/ruang and pangkat [C] (codes 11…45 are the SIMPEG convention [P]).
PNS_GOLONGAN: Final[tuple[Golongan, ...]] = tuple(
    Golongan(code, label, pangkat, rank)
    for rank, (code, label, pangkat) in enumerate(
        [
            ("11", "I/a", "Juru Muda"),
            ("12", "I/b", "Juru Muda Tingkat I"),
            ("13", "I/c", "Juru"),
            ("14", "I/d", "Juru Tingkat I"),
            ("21", "II/a", "Pengatur Muda"),
            ("22", "II/b", "Pengatur Muda Tingkat I"),
            ("23", "II/c", "Pengatur"),
            ("24", "II/d", "Pengatur Tingkat I"),
            ("31", "III/a", "Penata Muda"),
            ("32", "III/b", "Penata Muda Tingkat I"),
            ("33", "III/c", "Penata"),
            ("34", "III/d", "Penata Tingkat I"),
            ("41", "IV/a", "Pembina"),
            ("42", "IV/b", "Pembina Tingkat I"),
            ("43", "IV/c", "Pembina Utama Muda"),
            ("44", "IV/d", "Pembina Utama Madya"),
            ("45", "IV/e", "Pembina Utama"),
        ],
        start=1,
    )
)

_ROMAN = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
    "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
]  # fmt: skip
# PPPK golongan I–XVII [C] (PermenPAN-RB 72/2020; Perpres 11/2024).
PPPK_GOLONGAN: Final[tuple[Golongan, ...]] = tuple(
    Golongan(roman, roman, "", rank) for rank, roman in enumerate(_ROMAN, start=1)
)

PNS_GOLONGAN_BY_LABEL: Final = {g.label: g for g in PNS_GOLONGAN}
PPPK_GOLONGAN_BY_LABEL: Final = {g.label: g for g in PPPK_GOLONGAN}

# Employee kinds (jenis pegawai). PPPK paruh waktu = part-time PPPK (UU 20/2023 era).
EMPLOYEE_KINDS: Final = {
    "pns": "PNS",
    "cpns": "CPNS",
    "pppk": "PPPK",
    "pppk_pw": gettext_noop("PPPK Paruh Waktu"),
}
PNS_LIKE_KINDS: Final = frozenset({"pns", "cpns"})

# Education levels, low to high.
EDUCATION_LEVELS: Final = {
    "sd": "SD",
    "smp": "SMP",
    "sma": "SMA/SMK",
    "d1": "D-I",
    "d2": "D-II",
    "d3": "D-III",
    "d4": "D-IV",
    "s1": "S-1",
    "s2": "S-2",
    "s3": "S-3",
}

# Entry golongan by education. PNS: the usual CPNS entry ranks (PP 99/2000 jo. 12/2002 [U]);
# PPPK: PermenPAN-RB 72/2020 [C].
PNS_ENTRY_GOLONGAN: Final = {
    "sd": "I/a",
    "smp": "I/c",
    "sma": "II/a",
    "d1": "II/a",
    "d2": "II/b",
    "d3": "II/c",
    "d4": "III/a",
    "s1": "III/a",
    "s2": "III/b",
    "s3": "III/c",
}
PPPK_ENTRY_GOLONGAN: Final = {
    "sd": "I",
    "smp": "IV",
    "sma": "V",
    "d1": "V",
    "d2": "VI",
    "d3": "VII",
    "d4": "IX",
    "s1": "IX",
    "s2": "X",
    "s3": "XI",
}
# Highest PNS golongan reachable by regular promotion from each education level [U]:
# used only to keep generated demo data plausible.
PNS_CEILING_GOLONGAN: Final = {
    "sd": "II/a",
    "smp": "II/c",
    "sma": "III/b",
    "d1": "III/b",
    "d2": "III/c",
    "d3": "III/d",
    "d4": "IV/e",
    "s1": "IV/e",
    "s2": "IV/e",
    "s3": "IV/e",
}

# Position kinds, UU 20/2023 Pasal 13–18 [C].
POSITION_KINDS: Final = {
    "jpt_utama": "JPT Utama",
    "jpt_madya": "JPT Madya",
    "jpt_pratama": "JPT Pratama",
    "administrator": "Administrator",
    "pengawas": "Pengawas",
    "fungsional": "Fungsional",
    "pelaksana": "Pelaksana",
}
MANAGERIAL_KINDS: Final = frozenset(
    {"jpt_utama", "jpt_madya", "jpt_pratama", "administrator", "pengawas"}
)
JPT_KINDS: Final = frozenset({"jpt_utama", "jpt_madya", "jpt_pratama"})

# JF jenjang [C]: keahlian and keterampilan ladders.
JF_JENJANG: Final = {
    "ahli_pertama": "Ahli Pertama",
    "ahli_muda": "Ahli Muda",
    "ahli_madya": "Ahli Madya",
    "ahli_utama": "Ahli Utama",
    "pemula": "Pemula",
    "terampil": "Terampil",
    "mahir": "Mahir",
    "penyelia": "Penyelia",
}
JF_KEAHLIAN: Final = frozenset({"ahli_pertama", "ahli_muda", "ahli_madya", "ahli_utama"})

# Legacy eselon (Keppres 9/1985), high to low [C].
ESELON: Final = ("Ia", "Ib", "IIa", "IIb", "IIIa", "IIIb", "IVa", "IVb", "Va", "Vb")
# Eselon equivalent of each managerial kind [C].
KIND_ESELON: Final = {
    "jpt_madya": ("Ia", "Ib"),
    "jpt_pratama": ("IIa", "IIb"),
    "administrator": ("IIIa", "IIIb"),
    "pengawas": ("IVa", "IVb"),
}
# Penyetaraan jabatan (PermenPAN-RB 17/2021) [P]: administrator → JF Ahli Madya,
# pengawas → JF Ahli Muda, eselon V → JF Ahli Pertama.
PENYETARAAN_JENJANG: Final = {
    "administrator": "ahli_madya",
    "pengawas": "ahli_muda",
    "eselon_v": "ahli_pertama",
}

# Batas usia pensiun (PP 11/2017 Pasal 239) [P] — overridable with settings.PENATA_BUP.
# Keys: a position kind, or "fungsional:<jenjang>".
BUP_DEFAULT: Final = {
    "jpt_utama": 60,
    "jpt_madya": 60,
    "jpt_pratama": 60,
    "administrator": 58,
    "pengawas": 58,
    "pelaksana": 58,
    "fungsional:ahli_pertama": 58,
    "fungsional:ahli_muda": 58,
    "fungsional:ahli_madya": 60,
    "fungsional:ahli_utama": 65,
    "fungsional:pemula": 58,
    "fungsional:terampil": 58,
    "fungsional:mahir": 58,
    "fungsional:penyelia": 58,
    "default": 58,
}

EMPLOYEE_STATUSES: Final = {
    "aktif": gettext_noop("Aktif"),
    "cuti": gettext_noop("Cuti di luar tanggungan negara"),
    "tugas_belajar": gettext_noop("Tugas belajar"),
    "diberhentikan_sementara": gettext_noop("Diberhentikan sementara"),
    "pensiun": gettext_noop("Pensiun"),
    "berhenti": gettext_noop("Berhenti"),
    "meninggal": gettext_noop("Meninggal dunia"),
}
ACTIVE_STATUSES: Final = frozenset({"aktif", "cuti", "tugas_belajar"})

UNIT_KINDS: Final = {
    "pemda": "Pemerintah Daerah",
    "sekretariat_daerah": "Sekretariat Daerah",
    "sekretariat_dprd": "Sekretariat DPRD",
    "inspektorat": "Inspektorat",
    "dinas": "Dinas",
    "badan": "Badan",
    "satpol_pp": "Satuan Polisi Pamong Praja",
    "rsud": "Rumah Sakit Umum Daerah",
    "kecamatan": "Kecamatan",
    "kelurahan": "Kelurahan",
    "asisten": "Asisten",
    "bagian": "Bagian",
    "sekretariat": "Sekretariat",
    "bidang": "Bidang",
    "seksi": "Seksi",
    "subbagian": "Subbagian",
    "inspektur_pembantu": "Inspektur Pembantu",
    "upt": "UPT",
    "puskesmas": "Puskesmas",
    "sekolah": "Sekolah",
    "kelompok_fungsional": "Kelompok Jabatan Fungsional",
}
# Perangkat Daerah: units whose head decides for the services below them.
PERANGKAT_DAERAH_KINDS: Final = frozenset(
    {
        "sekretariat_daerah",
        "sekretariat_dprd",
        "inspektorat",
        "dinas",
        "badan",
        "satpol_pp",
        "rsud",
        "kecamatan",
    }
)

DUTY_PERIODS: Final = {
    "year": gettext_noop("Tahun"),
    "month": gettext_noop("Bulan"),
    "week": gettext_noop("Minggu"),
    "day": gettext_noop("Hari"),
}
SEXES: Final = {"L": gettext_noop("Laki-laki"), "P": gettext_noop("Perempuan")}
ACTING_KINDS: Final = {
    "": gettext_noop("Definitif"),
    "plt": gettext_noop("Plt (pelaksana tugas)"),
    "plh": gettext_noop("Plh (pelaksana harian)"),
}
