# ruff: noqa: E501  -- data tables: one row per line reads better than wrapped rows
"""Education of demo employees: majors, academic and professional titles, by profile.

A profile says which education levels and majors fit a position family (a Perawat Terampil
holds a D-III Keperawatan, a Guru an S-1 Pendidikan); `title_for` writes the titles a civil
servant with that education carries (`S.Kep., Ns.`, `dr.`, `Drs.` for older graduates).
"""

from __future__ import annotations

from dataclasses import dataclass
from random import Random
from typing import Final


@dataclass(frozen=True)
class Major:
    name: str
    s1: str = ""  # back title of the S-1 (or profession) degree
    s2: str = "M.Si."
    d3: str = "A.Md."
    d4: str = "S.Tr."
    front: str = ""  # professional front title: dr., drg., apt., drh.
    old_front: bool = False  # S-1 before ~1993 wrote Drs./Dra. (social) or Ir. (technical)
    engineering: bool = False
    specialist: bool = False  # dokter spesialis: the S-2 level title is the specialty


MAJORS: Final[dict[str, Major]] = {
    m.name: m
    for m in (
        Major("Ilmu Administrasi Negara", "S.Sos.", "M.Si.", old_front=True),
        Major("Administrasi Publik", "S.AP.", "M.AP."),
        Major("Ilmu Pemerintahan", "S.IP.", "M.Si.", old_front=True),
        Major("Ilmu Pemerintahan (IPDN)", "S.STP.", "M.Si.", d4="S.STP."),
        Major("Manajemen", "S.E.", "M.M.", old_front=True),
        Major("Akuntansi", "S.E.", "M.Ak.", d3="A.Md.Ak.", d4="S.Tr.Ak.", old_front=True),
        Major("Ekonomi Pembangunan", "S.E.", "M.E.", old_front=True),
        Major("Ilmu Hukum", "S.H.", "M.H."),
        Major("Sosiologi", "S.Sos.", "M.Si.", old_front=True),
        Major("Kesejahteraan Sosial", "S.Sos.", "M.Si."),
        Major("Ilmu Komunikasi", "S.I.Kom.", "M.I.Kom."),
        Major("Psikologi", "S.Psi.", "M.Psi."),
        Major("Administrasi Perkantoran", "S.AB.", "M.AB.", d3="A.Md."),
        Major("Manajemen Informatika", "S.Kom.", "M.Kom.", d3="A.Md.Kom."),
        Major("Teknik Informatika", "S.Kom.", "M.Kom.", d3="A.Md.Kom.", d4="S.Tr.Kom."),
        Major("Sistem Informasi", "S.Kom.", "M.Kom.", d3="A.Md.Kom."),
        Major("Statistika", "S.Stat.", "M.Si.", d3="A.Md.Stat."),
        Major("Matematika", "S.Si.", "M.Si."),
        Major("Teknik Sipil", "S.T.", "M.T.", d3="A.Md.T.", old_front=True, engineering=True),
        Major("Arsitektur", "S.Ars.", "M.Ars.", old_front=True, engineering=True),
        Major("Perencanaan Wilayah dan Kota", "S.T.", "M.T.", old_front=True, engineering=True),
        Major("Teknik Lingkungan", "S.T.", "M.T.", d3="A.Md.T.", engineering=True),
        Major("Teknik Elektro", "S.T.", "M.T.", d3="A.Md.T.", engineering=True),
        Major("Teknik Mesin", "S.T.", "M.T.", d3="A.Md.T.", engineering=True),
        Major("Geodesi", "S.T.", "M.T.", d3="A.Md.T.", engineering=True),
        Major("Transportasi", "S.Tr.", "M.T.", d3="A.Md.Tra.", d4="S.Tr."),
        Major("Agribisnis", "S.P.", "M.P.", old_front=True, engineering=True),
        Major("Agroteknologi", "S.P.", "M.P.", engineering=True),
        Major("Kedokteran Hewan", "", "M.Sc.", front="drh."),
        Major("Ilmu Perpustakaan", "S.I.P.", "M.Hum.", d3="A.Md.Pus."),
        Major("Kearsipan", "S.I.P.", "M.Hum.", d3="A.Md.Ars."),
        Major("Sejarah", "S.S.", "M.Hum."),
        Major("Sastra Jawa", "S.S.", "M.Hum."),
        Major("Pariwisata", "S.Par.", "M.Par.", d3="A.Md.Par."),
        Major("Seni Karawitan", "S.Sn.", "M.Sn."),
        Major("Pendidikan Guru Sekolah Dasar", "S.Pd.", "M.Pd."),
        Major("Pendidikan Matematika", "S.Pd.", "M.Pd."),
        Major("Pendidikan Bahasa Indonesia", "S.Pd.", "M.Pd."),
        Major("Pendidikan Bahasa Inggris", "S.Pd.", "M.Pd."),
        Major("Pendidikan Bahasa Jawa", "S.Pd.", "M.Pd."),
        Major("Pendidikan Ilmu Pengetahuan Alam", "S.Pd.", "M.Pd."),
        Major("Pendidikan Ilmu Pengetahuan Sosial", "S.Pd.", "M.Pd."),
        Major("Pendidikan Pancasila dan Kewarganegaraan", "S.Pd.", "M.Pd."),
        Major("Pendidikan Jasmani", "S.Pd.", "M.Or."),
        Major("Pendidikan Seni", "S.Pd.", "M.Pd."),
        Major("Pendidikan Agama Islam", "S.Pd.", "M.Pd.I."),
        Major("Bimbingan dan Konseling", "S.Pd.", "M.Pd."),
        Major("Manajemen Pendidikan", "S.Pd.", "M.Pd."),
        Major("Pendidikan Dokter", "", "M.Kes.", front="dr."),
        Major("Pendidikan Dokter Spesialis", "", "", front="dr.", specialist=True),
        Major("Pendidikan Dokter Gigi", "", "M.Kes.", front="drg."),
        Major("Keperawatan", "S.Kep., Ns.", "M.Kep.", d3="A.Md.Kep."),
        Major("Kebidanan", "S.Keb., Bd.", "M.Keb.", d3="A.Md.Keb.", d4="S.Tr.Keb."),
        Major("Farmasi", "S.Farm.", "M.Farm.", d3="A.Md.Farm.", front="apt."),
        Major("Teknologi Laboratorium Medis", "S.Tr.Kes.", "M.Si.", d3="A.Md.A.K."),
        Major("Gizi", "S.Gz.", "M.Gizi", d3="A.Md.Gz."),
        Major("Kesehatan Lingkungan", "S.K.L.", "M.Kes.", d3="A.Md.K.L."),
        Major("Kesehatan Masyarakat", "S.K.M.", "M.Kes.", d3="A.Md.Kes."),
        Major("Rekam Medis dan Informasi Kesehatan", "S.Tr.Kes.", "M.Kes.", d3="A.Md.RMIK"),
        Major("Radiologi", "S.Tr.Rad.", "M.Kes.", d3="A.Md.Rad."),
        Major("Fisioterapi", "S.Ft.", "M.Fis.", d3="A.Md.Ftr."),
        Major("Umum", "", "", d3="", d4=""),
    )
}

# Specialists of an RSUD (education S-2/Sp-1): the back title is the specialty.
SPECIALTIES: Final = (
    "Sp.PD",
    "Sp.A",
    "Sp.OG",
    "Sp.B",
    "Sp.An",
    "Sp.Rad",
    "Sp.P",
    "Sp.JP",
    "Sp.N",
    "Sp.M",
    "Sp.THT-BKL",
    "Sp.KFR",
    "Sp.PK",
    "Sp.DVE",
    "Sp.OT",
)

_SOCIAL = (
    "Ilmu Administrasi Negara",
    "Administrasi Publik",
    "Ilmu Pemerintahan",
    "Manajemen",
    "Akuntansi",
    "Ekonomi Pembangunan",
    "Ilmu Hukum",
    "Sosiologi",
    "Ilmu Komunikasi",
    "Psikologi",
    "Teknik Informatika",
)

# profile -> ((weight, education, major), ...)
Profile = tuple[tuple[int, str, str], ...]


def _spread(weight: int, education: str, majors: tuple[str, ...]) -> Profile:
    return tuple((weight, education, m) for m in majors)


PROFILES: Final[dict[str, Profile]] = {
    # Officials: mostly S-2 after years in office, some S-1, a few doctors.
    "pimpinan": _spread(7, "s2", _SOCIAL) + _spread(3, "s1", _SOCIAL) + ((2, "s3", "Ilmu Administrasi Negara"),),
    "pimpinan_pamong": ((10, "s2", "Ilmu Pemerintahan (IPDN)"), (6, "d4", "Ilmu Pemerintahan (IPDN)"), (5, "s2", "Ilmu Administrasi Negara"), (4, "s1", "Ilmu Pemerintahan"), (2, "s1", "Ilmu Hukum")),
    "pimpinan_hukum": ((8, "s2", "Ilmu Hukum"), (3, "s1", "Ilmu Hukum")),
    "pimpinan_teknik": _spread(6, "s2", ("Teknik Sipil", "Perencanaan Wilayah dan Kota", "Arsitektur", "Teknik Lingkungan")) + _spread(3, "s1", ("Teknik Sipil", "Arsitektur", "Teknik Elektro")),
    "pimpinan_kesehatan": ((8, "s2", "Pendidikan Dokter"), (2, "s2", "Pendidikan Dokter Spesialis"), (6, "s2", "Kesehatan Masyarakat"), (3, "s1", "Kesehatan Masyarakat"), (2, "s1", "Keperawatan")),
    "pimpinan_pendidikan": _spread(6, "s2", ("Manajemen Pendidikan", "Pendidikan Matematika", "Pendidikan Bahasa Indonesia", "Pendidikan Guru Sekolah Dasar")) + _spread(2, "s1", ("Pendidikan Ilmu Pengetahuan Sosial", "Pendidikan Guru Sekolah Dasar")),
    "pimpinan_keuangan": _spread(6, "s2", ("Akuntansi", "Manajemen", "Ekonomi Pembangunan")) + _spread(3, "s1", ("Akuntansi", "Manajemen")),
    "pimpinan_it": _spread(4, "s2", ("Teknik Informatika", "Ilmu Komunikasi", "Sistem Informasi")) + _spread(3, "s1", ("Teknik Informatika", "Statistika", "Ilmu Komunikasi")),
    "pimpinan_pertanian": (*_spread(5, "s2", ("Agribisnis", "Agroteknologi")), (3, "s1", "Agribisnis"), (2, "s1", "Kedokteran Hewan")),
    "ahli": _spread(8, "s1", _SOCIAL) + _spread(2, "s2", ("Ilmu Administrasi Negara", "Manajemen", "Ilmu Hukum")) + ((1, "d4", "Akuntansi"),),
    "ahli_perencana": _spread(5, "s1", ("Perencanaan Wilayah dan Kota", "Ekonomi Pembangunan", "Ilmu Administrasi Negara")) + _spread(2, "s2", ("Perencanaan Wilayah dan Kota", "Ekonomi Pembangunan")),
    "ahli_hukum": ((9, "s1", "Ilmu Hukum"), (3, "s2", "Ilmu Hukum")),
    "ahli_keuangan": (*_spread(6, "s1", ("Akuntansi", "Manajemen", "Ekonomi Pembangunan")), (2, "s2", "Akuntansi"), (2, "d4", "Akuntansi")),
    "ahli_it": (*_spread(6, "s1", ("Teknik Informatika", "Sistem Informasi")), (2, "s2", "Teknik Informatika"), (1, "d4", "Teknik Informatika")),
    "ahli_humas": (*_spread(6, "s1", ("Ilmu Komunikasi", "Sosiologi")), (1, "s2", "Ilmu Komunikasi")),
    "ahli_statistik": ((6, "s1", "Statistika"), (3, "s1", "Matematika"), (2, "s2", "Statistika")),
    "ahli_sdm": (*_spread(5, "s1", ("Psikologi", "Manajemen", "Ilmu Administrasi Negara", "Ilmu Hukum")), (2, "s2", "Psikologi")),
    "ahli_teknik": (*_spread(6, "s1", ("Teknik Sipil", "Arsitektur", "Perencanaan Wilayah dan Kota", "Teknik Lingkungan", "Geodesi")), (2, "s2", "Teknik Sipil")),
    "ahli_lingkungan": ((6, "s1", "Teknik Lingkungan"), (3, "s1", "Kesehatan Lingkungan"), (2, "s2", "Teknik Lingkungan")),
    "ahli_pertanian": ((6, "s1", "Agribisnis"), (4, "s1", "Agroteknologi")),
    "ahli_veteriner": ((1, "s1", "Kedokteran Hewan"),),
    "ahli_sosial": ((6, "s1", "Kesejahteraan Sosial"), (3, "s1", "Sosiologi"), (2, "s1", "Psikologi")),
    "ahli_budaya": _spread(4, "s1", ("Sejarah", "Sastra Jawa", "Seni Karawitan", "Pariwisata")),
    "ahli_pustaka": ((5, "s1", "Ilmu Perpustakaan"), (1, "s2", "Ilmu Perpustakaan")),
    "ahli_arsip": ((5, "s1", "Kearsipan"), (2, "s1", "Ilmu Administrasi Negara")),
    "ahli_kesmas": ((6, "s1", "Kesehatan Masyarakat"), (2, "s2", "Kesehatan Masyarakat")),
    "ahli_transportasi": ((5, "d4", "Transportasi"), (3, "s1", "Teknik Sipil"), (2, "s1", "Teknik Mesin")),
    "guru_sd": ((16, "s1", "Pendidikan Guru Sekolah Dasar"), (2, "s1", "Pendidikan Agama Islam"), (2, "s1", "Pendidikan Jasmani"), (2, "s2", "Pendidikan Guru Sekolah Dasar")),
    "guru_smp": _spread(3, "s1", ("Pendidikan Matematika", "Pendidikan Bahasa Indonesia", "Pendidikan Bahasa Inggris", "Pendidikan Ilmu Pengetahuan Alam", "Pendidikan Ilmu Pengetahuan Sosial")) + _spread(1, "s1", ("Pendidikan Bahasa Jawa", "Pendidikan Pancasila dan Kewarganegaraan", "Pendidikan Jasmani", "Pendidikan Seni", "Pendidikan Agama Islam", "Bimbingan dan Konseling", "Teknik Informatika")) + _spread(1, "s2", ("Pendidikan Matematika", "Pendidikan Bahasa Inggris")),
    "dokter": ((1, "s1", "Pendidikan Dokter"),),
    "dokter_gigi": ((1, "s1", "Pendidikan Dokter Gigi"),),
    "dokter_spesialis": ((1, "s2", "Pendidikan Dokter Spesialis"),),
    "ners": ((1, "s1", "Keperawatan"),),
    "perawat_vokasi": ((9, "d3", "Keperawatan"), (1, "s1", "Keperawatan")),
    "bidan_ahli": ((3, "d4", "Kebidanan"), (2, "s1", "Kebidanan")),
    "bidan_vokasi": ((9, "d3", "Kebidanan"), (1, "d4", "Kebidanan")),
    "apoteker": ((1, "s1", "Farmasi"),),
    "farmasi_vokasi": ((1, "d3", "Farmasi"),),
    "lab_vokasi": ((1, "d3", "Teknologi Laboratorium Medis"),),
    "gizi_vokasi": ((1, "d3", "Gizi"),),
    "sanitasi_vokasi": ((1, "d3", "Kesehatan Lingkungan"),),
    "rekam_medis_vokasi": ((1, "d3", "Rekam Medis dan Informasi Kesehatan"),),
    "radiografer_vokasi": ((1, "d3", "Radiologi"),),
    "fisioterapi_vokasi": ((1, "d3", "Fisioterapi"),),
    "vokasi": (*_spread(3, "d3", ("Administrasi Perkantoran", "Akuntansi", "Manajemen Informatika")), (2, "s1", "Ilmu Administrasi Negara"), (1, "s1", "Manajemen")),
    "vokasi_it": ((5, "d3", "Manajemen Informatika"), (3, "s1", "Teknik Informatika")),
    "vokasi_teknik": (*_spread(3, "d3", ("Teknik Sipil", "Teknik Mesin", "Teknik Elektro")), (2, "sma", "Umum")),
    "vokasi_arsip": ((4, "d3", "Kearsipan"), (2, "d3", "Administrasi Perkantoran")),
    "vokasi_pustaka": ((4, "d3", "Ilmu Perpustakaan"), (1, "s1", "Ilmu Perpustakaan")),
    "lapangan": ((7, "sma", "Umum"), (2, "d3", "Administrasi Perkantoran"), (1, "s1", "Ilmu Hukum")),
    "pelaksana_sarjana": (*_spread(3, "s1", _SOCIAL), (1, "d4", "Akuntansi")),
    "pelaksana_madya": _spread(2, "d3", ("Administrasi Perkantoran", "Akuntansi", "Manajemen Informatika")) + _spread(1, "s1", ("Manajemen", "Ilmu Administrasi Negara", "Akuntansi")),
    "pelaksana_sma": ((8, "sma", "Umum"), (2, "d3", "Administrasi Perkantoran"), (1, "s1", "Ilmu Administrasi Negara")),
    "pelaksana_dasar": ((3, "sd", "Umum"), (4, "smp", "Umum"), (5, "sma", "Umum")),
}  # fmt: skip


def pick_education(rng: Random, profile: str) -> tuple[str, Major]:
    """An (education level, major) drawn from the profile's weights."""
    options = PROFILES[profile]
    weights = [w for w, _, _ in options]
    _, education, major = rng.choices(options, weights=weights)[0]
    return education, MAJORS[major]


def title_for(
    rng: Random, *, education: str, major: Major, sex: str, birth_year: int
) -> tuple[str, str]:
    """(front title, back title) for the education, e.g. ("dr.", "M.Kes.") or ("", "S.T.")."""
    if education in ("sd", "smp", "sma", "d1", "d2"):
        return "", ""
    if education == "d3":
        return "", major.d3
    if education == "d4":
        return major.front, major.d4
    # S-1 before about 1993 wrote Drs./Dra. (social sciences) or Ir. (engineering, farming).
    old_front = ""
    if major.old_front and birth_year <= 1968 and not major.front:
        old_front = "Ir." if major.engineering else ("Drs." if sex == "L" else "Dra.")
    front = major.front or old_front
    s1 = "" if old_front else major.s1
    if education == "s1":
        return front, s1
    second = rng.choice(SPECIALTIES) if major.specialist else major.s2
    back = ", ".join(t for t in (s1, second) if t)
    if education == "s3":
        return ("Dr. " + front).strip(), back
    return front, back
