# ruff: noqa: E501  -- data tables: one row per line reads better than wrapped rows
"""The organisation of Pemerintah Kota Surakarta as the demo models it (DOMAIN.md §9).

Unit names of the Perangkat Daerah, kecamatan and kelurahan are the real ones; the inner
structure (bidang, seksi, subbagian, UPT) is a plausible one after penyederhanaan birokrasi:
some bidang keep seksi, others work as a kelompok jabatan fungsional (JF Ahli Muda from
penyetaraan plus JF Ahli Pertama). Staff weights are the formation at about 8,000 employees;
the generator scales them to the requested headcount.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any, Final

from penata.org.demo.catalog import FAMILIES, SKILL_ONLY

WILAYAH_PATH: Final = Path(__file__).resolve().parent.parent / "data" / "surakarta_wilayah.json"

# The open 'wilayah' dataset writes two kelurahan as one word; Pemerintah Kota Surakarta and
# DOMAIN.md §9 write them as two.
KELURAHAN_SPELLING: Final = {"Pasarkliwon": "Pasar Kliwon", "Kampungbaru": "Kampung Baru"}

PUSKESMAS: Final = (
    "Pajang", "Purwosari", "Penumping", "Jayengan", "Kratonan", "Gajahan", "Sangkrah",
    "Purwodiningratan", "Ngoresan", "Sibela", "Pucangsawit", "Setabelan", "Banyuanyar",
    "Gambirsari", "Manahan", "Nusukan", "Gilingan",
)  # fmt: skip
SMP_COUNT: Final = 27


@cache
def wilayah() -> dict[str, Any]:
    """The 5 kecamatan and 54 kelurahan with Kemendagri codes (copied from ../shared/data)."""
    with WILAYAH_PATH.open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def kelurahan_name(raw: str) -> str:
    return KELURAHAN_SPELLING.get(raw, raw)


def kelurahan_names() -> list[str]:
    return [kelurahan_name(k["nama"]) for kec in wilayah()["kecamatan"] for k in kec["kelurahan"]]


@dataclass(frozen=True)
class Staff:
    """A non-managerial position of a unit: a JF at a jenjang, or a pelaksana."""

    family: str
    jenjang: str = ""
    weight: float = 1.0
    penyetaraan: bool = False


@dataclass(frozen=True)
class Official:
    """A managerial post of a unit other than its head (staf ahli, sekretaris kelurahan)."""

    title: str
    level: str
    role: str
    topic: str = ""
    profile: str = "pimpinan"
    supervises_staff: bool = False  # the unit's staff report to this official, not the head


@dataclass(frozen=True)
class UnitSpec:
    name: str
    kind: str
    head_title: str
    level: str  # key of catalog.LEVELS
    role: str  # key of duties.HEAD_DUTIES
    code: str = ""  # absolute code (Perangkat Daerah, wilayah); children get parent.NN
    short_name: str = ""
    region_code: str = ""
    topic: str = ""
    duty_sets: tuple[str, ...] = ()
    profile: str = "pimpinan"  # education profile of the head
    staff: tuple[Staff, ...] = ()
    officials: tuple[Official, ...] = ()
    children: tuple[UnitSpec, ...] = ()


def s(family: str, jenjang: str = "", weight: float = 1.0, *, eq: bool = False) -> Staff:
    return Staff(family, jenjang, weight, eq)


def topic_of(name: str) -> str:
    """'Bidang Pelayanan Kesehatan' → 'pelayanan kesehatan' (acronyms keep their case)."""
    words = name.split()
    prefixes = {"Bidang", "Seksi", "Subbagian", "Subbidang", "Bagian", "UPT", "Dinas", "Badan"}
    if words and words[0] in prefixes:
        words = words[1:]
    return " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in words)


def _scaled(staff: tuple[Staff, ...], factor: float) -> tuple[Staff, ...]:
    return tuple(replace(x, weight=x.weight * factor) for x in staff)


def scale(spec: UnitSpec, factor: float) -> UnitSpec:
    """The unit and its subtree with every staff weight multiplied by `factor`."""
    if factor == 1:
        return spec
    return replace(
        spec,
        staff=_scaled(spec.staff, factor),
        children=tuple(scale(c, factor) for c in spec.children),
    )


def _first_jenjang(family: str) -> str:
    return "terampil" if family in SKILL_ONLY else "ahli_pertama"


def _senior_jenjang(family: str) -> str:
    return "mahir" if family in SKILL_ONLY else "ahli_muda"


def kjf_staff(families: tuple[str, ...]) -> tuple[Staff, ...]:
    """Staff of a bidang run as a kelompok jabatan fungsional: JF Ahli Muda from
    penyetaraan (former kepala seksi), JF Ahli Pertama, a penelaah and an administrator."""
    out: list[Staff] = []
    for fam in families:
        senior = _senior_jenjang(fam)
        out.append(s(fam, senior, 1.5, eq=senior == "ahli_muda"))
        out.append(s(fam, _first_jenjang(fam), 2))
    out += [s("penelaah_kebijakan", weight=1), s("pengadministrasi", weight=1)]
    return tuple(out)


def seksi_staff(families: tuple[str, ...]) -> tuple[Staff, ...]:
    out = [s(fam, _first_jenjang(fam), 1) for fam in families]
    out += [s("penata_layanan"), s("pengelola_layanan"), s("pengadministrasi", weight=0.7)]
    return tuple(out)


def seksi(
    name: str,
    families: tuple[str, ...] = (),
    staff: tuple[Staff, ...] = (),
    duty_sets: tuple[str, ...] = (),
    *,
    level: str = "pgw_a",
    sub: str = "Seksi",
) -> UnitSpec:
    full = f"{sub} {name}"
    kind = "subbagian" if sub == "Subbagian" else "seksi"
    return UnitSpec(
        full,
        kind,
        f"Kepala {full}",
        level,
        "kasi",
        topic=topic_of(full),
        duty_sets=duty_sets,
        staff=seksi_staff(families) + staff,
    )


def subbagian(
    name: str, staff: tuple[Staff, ...] = (), duty_sets: tuple[str, ...] = (), level: str = "pgw_a"
) -> UnitSpec:
    full = f"Subbagian {name}"
    return UnitSpec(
        full, "subbagian", f"Kepala {full}", level, "kasi",
        topic=topic_of(full), duty_sets=duty_sets, staff=staff,
    )  # fmt: skip


UMPEG_STAFF: Final = (
    s("pengadministrasi", weight=2.5),
    s("pengelola_umum", weight=2),
    s("operator_layanan", weight=1.5),
    s("arsiparis", "terampil", 1),
    s("analis_sdm", "ahli_pertama", 1),
    s("pranata_komputer", "terampil", 0.7),
)
KEUANGAN_STAFF: Final = (
    s("pengelola_layanan", weight=2),
    s("penata_layanan", weight=1),
    s("analis_keuangan", "ahli_pertama", 1),
)


def sekretariat(title: str = "Sekretaris Dinas", *, level: str = "adm_a") -> UnitSpec:
    sub_level = "pgw_b" if level == "adm_b" else "pgw_a"
    return UnitSpec(
        "Sekretariat",
        "sekretariat",
        title,
        level,
        "sekretaris",
        topic="kesekretariatan",
        staff=(s("perencana", "ahli_pertama", 1), s("perencana", "ahli_muda", 1, eq=True)),
        children=(
            subbagian("Umum dan Kepegawaian", UMPEG_STAFF, level=sub_level),
            subbagian("Keuangan", KEUANGAN_STAFF, level=sub_level),
        ),
    )


def bidang(
    name: str,
    families: tuple[str, ...] = (),
    *,
    seksi_units: tuple[UnitSpec, ...] = (),
    staff: tuple[Staff, ...] = (),
    duty_sets: tuple[str, ...] = (),
    prefix: str = "Bidang",
) -> UnitSpec:
    """A bidang with seksi (when given) or run as a kelompok jabatan fungsional."""
    full = f"{prefix} {name}"
    own = staff if seksi_units else kjf_staff(families) + staff
    return UnitSpec(
        full,
        "bidang",
        f"Kepala {full}",
        "adm_b",
        "kabid",
        topic=topic_of(full),
        duty_sets=duty_sets,
        staff=own,
        children=tuple(replace(c, duty_sets=c.duty_sets or duty_sets) for c in seksi_units),
    )


def upt(
    name: str, staff: tuple[Staff, ...], duty_sets: tuple[str, ...] = (), topic: str = ""
) -> UnitSpec:
    full = f"UPT {name}"
    return UnitSpec(
        full, "upt", f"Kepala {full}", "pgw_a", "kepala_upt",
        topic=topic or topic_of(name), duty_sets=duty_sets,
        staff=(*staff, s("pengadministrasi", weight=1), s("pengelola_umum", weight=1)),
    )  # fmt: skip


def perangkat(
    name: str,
    code: str,
    short: str,
    children: tuple[UnitSpec, ...],
    *,
    kind: str = "dinas",
    head_title: str = "",
    sekretaris: str = "",
    profile: str = "pimpinan",
    role: str = "kepala_pd",
    factor: float = 1.0,
) -> UnitSpec:
    """A Perangkat Daerah headed by a JPT pratama, with its sekretariat first."""
    sek_title = sekretaris or ("Sekretaris Badan" if kind == "badan" else "Sekretaris Dinas")
    spec = UnitSpec(
        name,
        kind,
        head_title or f"Kepala {name}",
        "jpt",
        role,
        code=code,
        short_name=short,
        topic=topic_of(name),
        profile=profile,
        children=(sekretariat(sek_title), *children),
    )
    return scale(spec, factor)


# ---------------------------------------------------------------------------------------------
# Sekretariat Daerah, Sekretariat DPRD, Inspektorat


def _bagian(
    name: str,
    subbags: tuple[UnitSpec, ...] = (),
    families: tuple[str, ...] = (),
    staff: tuple[Staff, ...] = (),
    duty_sets: tuple[str, ...] = (),
    profile: str = "pimpinan",
) -> UnitSpec:
    full = f"Bagian {name}"
    own = staff if subbags else kjf_staff(families) + staff
    return UnitSpec(
        full,
        "bagian",
        f"Kepala {full}",
        "adm_a",
        "kabag",
        topic=topic_of(full),
        duty_sets=duty_sets,
        profile=profile,
        staff=own,
        children=tuple(replace(c, duty_sets=c.duty_sets or duty_sets) for c in subbags),
    )


def _asisten(name: str, bagian: tuple[UnitSpec, ...]) -> UnitSpec:
    full = f"Asisten {name}"
    return UnitSpec(
        full, "asisten", full, "jpt", "asisten",
        topic=name.lower(), staff=(s("pengadministrasi", weight=1),), children=bagian,
    )  # fmt: skip


def _sub(name: str, *staff: Staff) -> UnitSpec:
    return subbagian(name, tuple(staff) or (s("penata_layanan"), s("pengadministrasi", weight=0.7)))


SETDA: Final = UnitSpec(
    "Sekretariat Daerah",
    "sekretariat_daerah",
    "Sekretaris Daerah",
    "sekda",
    "sekda",
    code="SETDA",
    short_name="Setda",
    topic="penyelenggaraan pemerintahan daerah",
    officials=(
        Official("Staf Ahli Wali Kota Bidang Hukum, Politik dan Pemerintahan", "jpt", "staf_ahli", "hukum, politik dan pemerintahan"),
        Official("Staf Ahli Wali Kota Bidang Ekonomi, Keuangan dan Pembangunan", "jpt", "staf_ahli", "ekonomi, keuangan dan pembangunan"),
        Official("Staf Ahli Wali Kota Bidang Kemasyarakatan dan Sumber Daya Manusia", "jpt", "staf_ahli", "kemasyarakatan dan sumber daya manusia"),
    ),
    children=(
        _asisten("Pemerintahan dan Kesejahteraan Rakyat", (
            _bagian("Pemerintahan", (
                _sub("Administrasi Pemerintahan", s("penata_layanan", weight=2), s("analis_kebijakan", "ahli_pertama")),
                _sub("Otonomi Daerah", s("penata_layanan"), s("penelaah_kebijakan")),
                _sub("Kerja Sama", s("analis_kebijakan", "ahli_pertama"), s("penelaah_kebijakan")),
            ), duty_sets=("pemerintahan",)),
            _bagian("Hukum", (
                _sub("Perundang-undangan", s("perancang_uu", "ahli_pertama", 2), s("perancang_uu", "ahli_muda")),
                _sub("Bantuan Hukum", s("analis_hukum", "ahli_pertama", 2), s("analis_hukum", "ahli_muda")),
                _sub("Dokumentasi dan Informasi Hukum", s("dokumentalis_hukum", weight=2), s("pengadministrasi")),
            ), profile="pimpinan_hukum"),
            _bagian("Kesejahteraan Rakyat", families=("analis_kebijakan",), duty_sets=("kesra",)),
        )),
        _asisten("Perekonomian dan Pembangunan", (
            _bagian("Perekonomian", families=("analis_kebijakan",), duty_sets=("perekonomian",)),
            _bagian("Administrasi Pembangunan", families=("analis_kebijakan",), staff=(s("pengolah_data"),), duty_sets=("adm_pembangunan",)),
            _bagian("Pengadaan Barang/Jasa", families=("pengelola_pbj",), staff=(s("pengelola_pbj", "ahli_pertama", 2),), duty_sets=("pbj",)),
        )),
        _asisten("Administrasi Umum", (
            _bagian("Umum", (
                _sub("Tata Usaha", s("pengadministrasi", weight=4), s("arsiparis", "terampil"), s("arsiparis", "ahli_pertama")),
                _sub("Rumah Tangga", s("operator_layanan", weight=8), s("pengelola_umum", weight=8), s("pengelola_layanan", weight=2)),
                _sub("Perlengkapan", s("pengelola_layanan", weight=2), s("penata_layanan")),
            ), duty_sets=("umum_setda",)),
            _bagian("Organisasi", (
                _sub("Kelembagaan dan Analisis Jabatan", s("analis_kebijakan", "ahli_pertama", 2), s("penelaah_kebijakan")),
                _sub("Pelayanan Publik dan Tata Laksana", s("analis_kebijakan", "ahli_pertama"), s("penelaah_kebijakan")),
                _sub("Kinerja dan Reformasi Birokrasi", s("analis_kebijakan", "ahli_pertama"), s("penelaah_kebijakan")),
            ), staff=(s("analis_kebijakan", "ahli_muda", 2, eq=True),), duty_sets=("organisasi",)),
            _bagian("Protokol dan Komunikasi Pimpinan", (
                _sub("Protokol", s("pengelola_layanan", weight=2), s("operator_layanan", weight=2)),
                _sub("Komunikasi Pimpinan", s("pranata_humas", "ahli_pertama", 2), s("penata_layanan")),
                _sub("Dokumentasi Pimpinan", s("pranata_humas", "terampil", 2), s("operator_layanan")),
            ), duty_sets=("protokol",)),
            _bagian("Perencanaan dan Keuangan", families=("perencana", "analis_keuangan"), staff=(s("pengelola_layanan", weight=2),), duty_sets=("keuangan_setda",), profile="pimpinan_keuangan"),
        )),
    ),
)  # fmt: skip

SETWAN: Final = UnitSpec(
    "Sekretariat DPRD",
    "sekretariat_dprd",
    "Sekretaris DPRD",
    "jpt",
    "sekwan",
    code="SETWAN",
    short_name="Setwan",
    topic="kesekretariatan DPRD",
    children=(
        _bagian("Umum dan Keuangan", (
            _sub("Tata Usaha dan Kepegawaian", *UMPEG_STAFF),
            _sub("Keuangan", *KEUANGAN_STAFF),
            _sub("Rumah Tangga", s("operator_layanan", weight=4), s("pengelola_umum", weight=4)),
        )),
        _bagian("Persidangan dan Perundang-undangan", families=("perancang_uu", "analis_hukum"), duty_sets=("dprd",)),
        _bagian("Fasilitasi Penganggaran dan Pengawasan", families=("analis_kebijakan", "analis_keuangan"), duty_sets=("dprd",)),
        _bagian("Hubungan Masyarakat dan Protokol", families=("pranata_humas",), staff=(s("pengelola_layanan", weight=2),)),
    ),
)  # fmt: skip


def _irban(name: str) -> UnitSpec:
    return UnitSpec(
        f"Inspektur Pembantu {name}",
        "inspektur_pembantu",
        f"Inspektur Pembantu {name}",
        "adm_a",
        "irban",
        topic="pengawasan penyelenggaraan pemerintahan daerah",
        staff=(
            s("auditor", "ahli_pertama", 2),
            s("auditor", "ahli_muda", 2, eq=True),
            s("auditor", "ahli_madya", 1),
            s("p2upd", "ahli_pertama", 1),
            s("p2upd", "ahli_muda", 1),
        ),
    )


INSPEKTORAT: Final = UnitSpec(
    "Inspektorat",
    "inspektorat",
    "Inspektur",
    "jpt",
    "inspektur",
    code="INSPEKTORAT",
    short_name="Inspektorat",
    topic="pengawasan internal",
    profile="pimpinan_keuangan",
    children=(
        replace(
            sekretariat("Sekretaris Inspektorat"),
            duty_sets=("pengawasan",),
        ),
        *(_irban(f"Wilayah {n}") for n in ("I", "II", "III", "IV")),
        _irban("Khusus"),
    ),
)


# ---------------------------------------------------------------------------------------------
# Dinas, Satpol PP and Badan


def _schools() -> tuple[UnitSpec, ...]:
    smp_staff = (
        s("guru_smp", "ahli_pertama", 10),
        s("guru_smp", "ahli_muda", 12),
        s("guru_smp", "ahli_madya", 6),
        s("pengadministrasi", weight=2),
        s("pengelola_umum", weight=2),
        s("pustakawan", "terampil", 0.5),
    )
    sd_staff = (
        s("guru_sd", "ahli_pertama", 3),
        s("guru_sd", "ahli_muda", 4),
        s("guru_sd", "ahli_madya", 2),
        s("pengelola_umum", weight=1),
        s("pengadministrasi", weight=0.5),
    )
    smp = tuple(
        UnitSpec(
            f"SMP Negeri {n} Surakarta", "sekolah", f"Kepala SMP Negeri {n} Surakarta",
            "kepsek", "kepala_sekolah", topic="pendidikan menengah pertama",
            duty_sets=("sekolah_tu",), profile="pimpinan_pendidikan", staff=smp_staff,
        )
        for n in range(1, SMP_COUNT + 1)
    )  # fmt: skip
    # Surakarta names its SD Negeri after the kampung with a roman numeral; the demo uses
    # two per kelurahan (the real list is longer and its names are not reproduced here).
    sd = tuple(
        UnitSpec(
            f"SD Negeri {kel} {n}", "sekolah", f"Kepala SD Negeri {kel} {n}",
            "kepsek", "kepala_sekolah", topic="pendidikan dasar",
            duty_sets=("sekolah_tu",), profile="pimpinan_pendidikan", staff=sd_staff,
        )
        for kel in sorted(kelurahan_names())
        for n in ("I", "II")
    )  # fmt: skip
    return smp + sd


def _puskesmas(name: str) -> UnitSpec:
    full = f"Puskesmas {name}"
    return UnitSpec(
        full,
        "puskesmas",
        f"Kepala {full}",
        "pgw_a",
        "kepala_puskesmas",
        topic="pelayanan kesehatan dasar",
        profile="pimpinan_kesehatan",
        staff=(
            s("dokter", "ahli_pertama", 2), s("dokter", "ahli_muda", 1),
            s("dokter_gigi", "ahli_pertama", 1),
            s("perawat", "terampil", 3), s("perawat", "mahir", 2), s("perawat", "ahli_pertama", 2),
            s("bidan", "terampil", 3), s("bidan", "mahir", 2), s("bidan", "ahli_pertama", 1),
            s("apoteker", "ahli_pertama", 1), s("ttk", "terampil", 1),
            s("pranata_lab", "terampil", 1), s("nutrisionis", "terampil", 1),
            s("sanitarian", "terampil", 1), s("penyuluh_kesmas", "ahli_pertama", 1),
            s("perekam_medis", "terampil", 1), s("epidemiolog", "terampil", 0.6),
            s("operator_kesehatan", weight=2),
        ),
        children=(
            subbagian(
                "Tata Usaha",
                (s("pengadministrasi", weight=1.5), s("pengelola_layanan"), s("operator_layanan"), s("pengelola_umum", weight=2)),
                ("puskesmas_tu",),
                level="pgw_b",
            ),
        ),
    )  # fmt: skip


DINAS: Final[tuple[UnitSpec, ...]] = (
    perangkat("Dinas Pendidikan", "DISDIK", "Disdik", (
        bidang("Pembinaan Pendidikan Anak Usia Dini dan Pendidikan Nonformal", ("analis_kebijakan", "pengembang_teknologi_pembelajaran"), duty_sets=("pendidikan_dinas",)),
        bidang("Pembinaan Sekolah Dasar", seksi_units=(
            seksi("Kurikulum Sekolah Dasar", ("analis_kebijakan",)),
            seksi("Peserta Didik Sekolah Dasar", staff=(s("pengolah_data"),)),
            seksi("Sarana dan Prasarana Sekolah Dasar", ("teknik_tata_bangunan",)),
        ), duty_sets=("pendidikan_dinas",)),
        bidang("Pembinaan Sekolah Menengah Pertama", seksi_units=(
            seksi("Kurikulum Sekolah Menengah Pertama", ("analis_kebijakan",)),
            seksi("Peserta Didik Sekolah Menengah Pertama", staff=(s("pengolah_data"),)),
            seksi("Sarana dan Prasarana Sekolah Menengah Pertama", ("teknik_tata_bangunan",)),
        ), duty_sets=("pendidikan_dinas",)),
        bidang("Guru dan Tenaga Kependidikan", ("analis_sdm", "analis_kebijakan"), duty_sets=("pendidikan_dinas",)),
        *_schools(),
    ), profile="pimpinan_pendidikan"),
    perangkat("Dinas Kesehatan", "DINKES", "Dinkes", (
        bidang("Kesehatan Masyarakat", ("penyuluh_kesmas", "nutrisionis", "sanitarian")),
        bidang("Pencegahan dan Pengendalian Penyakit", ("epidemiolog", "administrator_kesehatan")),
        bidang("Pelayanan dan Sumber Daya Kesehatan", seksi_units=(
            seksi("Pelayanan Kesehatan", ("administrator_kesehatan",), (s("penata_kelola_kesehatan", weight=2),), ("kesehatan_dinas",)),
            seksi("Kefarmasian dan Alat Kesehatan", ("apoteker",), (s("penata_kelola_kesehatan"),)),
            seksi("Sumber Daya Manusia Kesehatan", ("administrator_kesehatan",), (s("penata_kelola_kesehatan"),)),
        )),
        upt("Laboratorium Kesehatan Daerah", (s("pranata_lab", "terampil", 4), s("pranata_lab", "mahir", 2), s("pranata_lab", "ahli_pertama", 1)), ("labkesda",), "laboratorium kesehatan"),
        upt("Instalasi Farmasi", (s("apoteker", "ahli_pertama", 1), s("ttk", "terampil", 3), s("pengelola_layanan", weight=2), s("operator_layanan", weight=2)), ("instalasi_farmasi",), "pengelolaan obat dan perbekalan kesehatan"),
        *(_puskesmas(p) for p in PUSKESMAS),
    ), profile="pimpinan_kesehatan"),
    perangkat("Dinas Kependudukan dan Pencatatan Sipil", "DISPENDUKCAPIL", "Dispendukcapil", (
        bidang("Pelayanan Pendaftaran Penduduk", seksi_units=(
            seksi("Identitas Penduduk", ("adb",), (s("pengelola_layanan", weight=5), s("operator_layanan", weight=2))),
            seksi("Pindah Datang dan Pendataan Penduduk", staff=(s("pengelola_layanan", weight=3), s("pengolah_data", weight=2))),
        ), duty_sets=("kependudukan",)),
        bidang("Pelayanan Pencatatan Sipil", seksi_units=(
            seksi("Kelahiran dan Kematian", staff=(s("pengelola_layanan", weight=5), s("operator_layanan", weight=2))),
            seksi("Perkawinan, Perceraian dan Perubahan Status Anak", staff=(s("pengelola_layanan", weight=2),)),
        ), duty_sets=("capil",)),
        bidang("Pengelolaan Informasi Administrasi Kependudukan", ("adb", "pranata_komputer"), duty_sets=("data_kependudukan",)),
        bidang("Pemanfaatan Data dan Inovasi Pelayanan", ("analis_kebijakan",), staff=(s("pengolah_data", weight=2),), duty_sets=("data_kependudukan",)),
    )),
    perangkat("Dinas Kebudayaan dan Pariwisata", "DISBUDPAR", "Disbudpar", (
        bidang("Sejarah, Permuseuman dan Cagar Budaya", ("pelestari_cagar_budaya",)),
        bidang("Kesenian dan Nilai Budaya", ("pamong_budaya",), duty_sets=("budaya",)),
        bidang("Destinasi Pariwisata", ("adyatama",)),
        bidang("Pemasaran Pariwisata dan Ekonomi Kreatif", ("adyatama",)),
        upt("Museum", (s("pengelola_layanan", weight=3), s("pelestari_cagar_budaya", "ahli_pertama")), ("museum",), "permuseuman"),
    )),
    perangkat("Dinas Kepemudaan dan Olahraga", "DISPORA", "Dispora", (
        bidang("Kepemudaan", ("analis_kebijakan",), duty_sets=("olahraga",)),
        bidang("Olahraga", ("analis_kebijakan",), duty_sets=("olahraga",)),
        bidang("Sarana dan Prasarana Kepemudaan dan Olahraga", ("analis_kebijakan",), staff=(s("operator_layanan", weight=5), s("pengelola_umum", weight=7)), duty_sets=("olahraga",)),
    )),
    perangkat("Dinas Ketahanan Pangan dan Pertanian", "DKPP", "DKPP", (
        bidang("Ketahanan Pangan", ("analis_ketahanan_pangan",), duty_sets=("pangan",)),
        bidang("Pertanian", ("penyuluh_pertanian",)),
        bidang("Peternakan dan Kesehatan Hewan", ("medik_veteriner",), duty_sets=("pangan",)),
        upt("Rumah Potong Hewan", (s("medik_veteriner", "ahli_pertama"), s("operator_layanan", weight=6), s("pengelola_umum", weight=3)), ("rph",), "pemotongan hewan"),
    ), profile="pimpinan_pertanian"),
    perangkat("Dinas Komunikasi, Informatika, Statistik dan Persandian", "DISKOMINFOSP", "Diskominfo SP", (
        bidang("Informasi dan Komunikasi Publik", ("pranata_humas",), staff=(s("pengelola_layanan", weight=4), s("pranata_humas", "terampil", 2)), duty_sets=("publikasi", "pengaduan")),
        bidang("Aplikasi Informatika", ("pranata_komputer", "manggala_informatika"), duty_sets=("egov",)),
        bidang("Infrastruktur Teknologi Informasi dan Komunikasi", ("pranata_komputer",), staff=(s("pranata_komputer", "terampil", 3),), duty_sets=("infrastruktur_tik",)),
        bidang("Statistik", ("statistisi",), staff=(s("pengolah_data", weight=2),), duty_sets=("statistik",)),
        bidang("Persandian dan Keamanan Informasi", ("sandiman",)),
    ), profile="pimpinan_it"),
    perangkat("Dinas Koperasi, Usaha Kecil dan Menengah dan Perindustrian", "DISKOPUKMPERIN", "Diskopukmperin", (
        bidang("Koperasi", ("pengawas_koperasi",)),
        bidang("Usaha Mikro, Kecil dan Menengah", ("analis_kebijakan",), staff=(s("pengelola_layanan", weight=2),), duty_sets=("umkm",)),
        bidang("Perindustrian", ("analis_kebijakan",), duty_sets=("industri",)),
    ), profile="pimpinan_keuangan"),
    perangkat("Dinas Lingkungan Hidup", "DLH", "DLH", (
        bidang("Tata Lingkungan dan Peningkatan Kapasitas", ("pengendali_dampak",)),
        bidang("Pengelolaan Sampah dan Limbah Bahan Berbahaya dan Beracun", seksi_units=(
            seksi("Penanganan Sampah", staff=(s("operator_layanan", weight=45), s("pengelola_umum", weight=30))),
            seksi("Pengurangan Sampah", staff=(s("pengelola_layanan", weight=3), s("operator_layanan", weight=6))),
            seksi("Pengelolaan Limbah Bahan Berbahaya dan Beracun", ("pengendali_dampak",)),
        ), duty_sets=("kebersihan",)),
        bidang("Pengendalian Pencemaran dan Kerusakan Lingkungan", ("pengendali_dampak",), duty_sets=("lingkungan",)),
        upt("Tempat Pemrosesan Akhir Sampah Putri Cempo", (s("operator_layanan", weight=15), s("pengelola_umum", weight=8)), ("tpa",), "pemrosesan akhir sampah"),
        upt("Laboratorium Lingkungan", (s("pengendali_dampak", "ahli_pertama"), s("pengelola_layanan", weight=3)), ("lingkungan",), "pengujian kualitas lingkungan"),
    ), profile="pimpinan_teknik", factor=1.8),
    perangkat("Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", "DPUPR", (
        bidang("Bina Marga", seksi_units=(
            seksi("Pembangunan Jalan dan Jembatan", ("teknik_jalan",)),
            seksi("Pemeliharaan Jalan dan Jembatan", ("teknik_jalan",), (s("operator_layanan", weight=12), s("pengelola_umum", weight=8))),
        ), duty_sets=("jalan",)),
        bidang("Sumber Daya Air", ("teknik_pengairan",), staff=(s("operator_layanan", weight=10),), duty_sets=("jalan",)),
        bidang("Cipta Karya", ("teknik_tata_bangunan",)),
        bidang("Penataan Ruang", ("penata_ruang",)),
        bidang("Bina Konstruksi", ("teknik_tata_bangunan", "pengelola_pbj")),
    ), profile="pimpinan_teknik"),
    perangkat("Dinas Pemadam Kebakaran", "DAMKAR", "Damkar", (
        bidang("Pencegahan Kebakaran", ("analis_kebakaran",)),
        bidang("Pemadaman dan Penyelamatan", seksi_units=(
            seksi("Pemadaman", staff=(s("pemadam", "terampil", 25), s("pemadam", "mahir", 10), s("pemadam", "penyelia", 3), s("operator_layanan", weight=8))),
            seksi("Penyelamatan", staff=(s("pemadam", "terampil", 15), s("pemadam", "mahir", 6), s("pemadam", "penyelia", 2))),
        ), duty_sets=("damkar",)),
        bidang("Sarana dan Prasarana", ("analis_kebakaran",), staff=(s("operator_layanan", weight=4),), duty_sets=("damkar",)),
    ), profile="pimpinan_teknik", factor=1.3),
    perangkat("Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Pengendalian Penduduk dan Keluarga Berencana", "DP3AP2KB", "DP3AP2KB", (
        bidang("Pemberdayaan Perempuan dan Perlindungan Anak", ("analis_kebijakan",), duty_sets=("perlindungan_anak",)),
        bidang("Pemenuhan Hak Anak", ("analis_kebijakan",), duty_sets=("perlindungan_anak",)),
        bidang("Pengendalian Penduduk dan Keluarga Berencana", ("penyuluh_kb",), staff=(s("penyuluh_kb", "ahli_pertama", 8), s("penyuluh_kb", "ahli_muda", 3))),
        upt("Perlindungan Perempuan dan Anak", (s("pekerja_sosial", "ahli_pertama", 2), s("pengelola_layanan", weight=2)), ("perlindungan_anak",), "perlindungan perempuan dan anak"),
    )),
    perangkat("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", "DPMPTSP", (
        bidang("Perencanaan dan Promosi Penanaman Modal", ("analis_kebijakan",), duty_sets=("penanaman_modal",)),
        bidang("Pelayanan Perizinan dan Nonperizinan", seksi_units=(
            seksi("Pelayanan Perizinan Berusaha", ("penata_perizinan",), (s("penata_perizinan", "ahli_pertama", 2), s("pengelola_layanan", weight=4))),
            seksi("Pelayanan Perizinan Nonberusaha", ("penata_perizinan",), (s("pengelola_layanan", weight=3),)),
        ), duty_sets=("perizinan",)),
        bidang("Pengaduan, Kebijakan dan Pelaporan Layanan", ("penata_perizinan", "analis_kebijakan"), duty_sets=("perizinan",)),
        bidang("Pengendalian Pelaksanaan Penanaman Modal", ("analis_kebijakan",), duty_sets=("penanaman_modal",)),
    )),
    perangkat("Dinas Perdagangan", "DISDAG", "Disdag", (
        bidang("Perdagangan", ("pengawas_perdagangan",)),
        bidang("Pengelolaan Pasar", seksi_units=(
            seksi("Pendapatan Pasar", staff=(s("pengelola_layanan", weight=12),)),
            seksi("Ketertiban dan Kebersihan Pasar", staff=(s("operator_layanan", weight=12), s("pengelola_umum", weight=15))),
            seksi("Sarana dan Prasarana Pasar", staff=(s("pengelola_layanan", weight=3),)),
        ), duty_sets=("pasar",)),
        bidang("Stabilisasi Harga dan Distribusi", ("pengawas_perdagangan",), duty_sets=("pasar",)),
        upt("Metrologi Legal", (s("penera", "terampil", 3), s("penera", "ahli_pertama", 2)), topic="metrologi legal"),
    )),
    perangkat("Dinas Perhubungan", "DISHUB", "Dishub", (
        bidang("Lalu Lintas", seksi_units=(
            seksi("Manajemen dan Rekayasa Lalu Lintas", staff=(s("operator_layanan", weight=12),)),
            seksi("Pengendalian dan Operasional", staff=(s("operator_layanan", weight=15),)),
        ), duty_sets=("lalu_lintas",)),
        bidang("Angkutan", ("analis_kebijakan",), duty_sets=("angkutan",)),
        bidang("Perparkiran", seksi_units=(
            seksi("Pengelolaan Parkir", staff=(s("pengelola_layanan", weight=8), s("operator_layanan", weight=12))),
            seksi("Pengawasan Parkir", staff=(s("operator_layanan", weight=8),)),
        ), duty_sets=("parkir",)),
        upt("Pengujian Kendaraan Bermotor", (s("penguji_kendaraan", "terampil", 6), s("penguji_kendaraan", "mahir", 3), s("penguji_kendaraan", "ahli_pertama", 1)), topic="pengujian kendaraan bermotor"),
        upt("Penerangan Jalan Umum", (s("operator_layanan", weight=10), s("pengelola_layanan", weight=2)), ("pju",), "penerangan jalan umum"),
    ), factor=1.4),
    perangkat("Dinas Perpustakaan dan Kearsipan", "DISPUSIP", "Dispusip", (
        bidang("Perpustakaan", ("pustakawan",), staff=(s("pustakawan", "terampil", 3),), duty_sets=("perpustakaan",)),
        bidang("Kearsipan", ("arsiparis",), staff=(s("arsiparis", "terampil", 2),), duty_sets=("kearsipan",)),
    )),
    perangkat("Dinas Perumahan, Kawasan Permukiman dan Pertanahan", "DISPERUMKIMTAN", "Disperumkimtan", (
        bidang("Perumahan", ("teknik_tata_bangunan",), duty_sets=("perumahan",)),
        bidang("Kawasan Permukiman", ("teknik_tata_bangunan",), staff=(s("operator_layanan", weight=8), s("pengelola_umum", weight=10)), duty_sets=("perumahan",)),
        bidang("Pertanahan", ("analis_kebijakan", "penata_ruang"), duty_sets=("pertanahan",)),
    ), profile="pimpinan_teknik"),
    perangkat("Dinas Sosial", "DINSOS", "Dinsos", (
        bidang("Rehabilitasi Sosial", ("pekerja_sosial",), duty_sets=("sosial",)),
        bidang("Perlindungan dan Jaminan Sosial", ("penyuluh_sosial",), staff=(s("pengolah_data", weight=2),), duty_sets=("sosial",)),
        bidang("Pemberdayaan Sosial dan Penanganan Fakir Miskin", ("penyuluh_sosial", "pekerja_sosial"), duty_sets=("sosial",)),
    )),
    perangkat("Dinas Tenaga Kerja", "DISNAKER", "Disnaker", (
        bidang("Penempatan dan Perluasan Kesempatan Kerja", ("pengantar_kerja",)),
        bidang("Pelatihan dan Produktivitas Tenaga Kerja", ("instruktur",), duty_sets=("tenaga_kerja",)),
        bidang("Hubungan Industrial dan Jaminan Sosial Tenaga Kerja", ("mediator_hi",), duty_sets=("tenaga_kerja",)),
        upt("Balai Latihan Kerja", (s("instruktur", "terampil", 4), s("instruktur", "ahli_pertama", 2)), ("tenaga_kerja",), "pelatihan kerja"),
    )),
)  # fmt: skip

SATPOL_PP: Final = perangkat(
    "Satuan Polisi Pamong Praja", "SATPOLPP", "Satpol PP", (
        bidang("Penegakan Peraturan Daerah", seksi_units=(
            seksi("Penyelidikan dan Penyidikan", staff=(s("polpp", "ahli_pertama", 2), s("polpp", "ahli_muda", 1))),
            seksi("Pembinaan dan Pengawasan", staff=(s("polpp", "terampil", 10), s("polpp", "mahir", 4))),
        )),
        bidang("Ketertiban Umum dan Ketenteraman Masyarakat", seksi_units=(
            seksi("Operasi dan Pengendalian", staff=(s("polpp", "terampil", 25), s("polpp", "mahir", 10), s("polpp", "penyelia", 4))),
            seksi("Pengamanan dan Pengawalan", staff=(s("polpp", "terampil", 12), s("polpp", "mahir", 5), s("operator_layanan", weight=10))),
        ), duty_sets=("ketertiban",)),
        bidang("Perlindungan Masyarakat", ("polpp",), staff=(s("operator_layanan", weight=6),), duty_sets=("ketertiban",)),
        bidang("Sumber Daya Aparatur", ("polpp", "analis_sdm")),
    ),
    kind="satpol_pp", head_title="Kepala Satuan Polisi Pamong Praja", sekretaris="Sekretaris",
    role="kasatpol", profile="pimpinan_pamong", factor=1.5,
)  # fmt: skip


def _subbidang(name: str, *staff: Staff) -> UnitSpec:
    return seksi(name, staff=tuple(staff), sub="Subbidang")


BADAN: Final[tuple[UnitSpec, ...]] = (
    perangkat("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM", "BKPSDM", (
        bidang("Pengadaan, Pemberhentian dan Informasi Kepegawaian", ("analis_sdm", "pranata_sdm", "pranata_komputer"), duty_sets=("kepegawaian",)),
        bidang("Mutasi dan Promosi", ("analis_sdm", "pranata_sdm"), duty_sets=("kepegawaian",)),
        bidang("Pengembangan Kompetensi Aparatur", ("analis_sdm", "asesor_sdm"), duty_sets=("kepegawaian",)),
        bidang("Penilaian Kinerja Aparatur dan Penghargaan", ("analis_sdm",), duty_sets=("kepegawaian",)),
    ), kind="badan"),
    perangkat("Badan Kesatuan Bangsa dan Politik", "KESBANGPOL", "Kesbangpol", (
        bidang("Ideologi, Wawasan Kebangsaan dan Karakter Bangsa", ("analis_kebijakan",), duty_sets=("kesbangpol",)),
        bidang("Politik Dalam Negeri dan Organisasi Kemasyarakatan", ("analis_kebijakan",), duty_sets=("kesbangpol",)),
        bidang("Ketahanan Ekonomi, Sosial, Budaya, Agama dan Penanganan Konflik", ("analis_kebijakan",), duty_sets=("kesbangpol",)),
    ), kind="badan", profile="pimpinan_pamong"),
    perangkat("Badan Penanggulangan Bencana Daerah", "BPBD", "BPBD", (
        bidang("Pencegahan dan Kesiapsiagaan", ("penata_bencana",)),
        bidang("Kedaruratan dan Logistik", ("penata_bencana",), staff=(s("penata_bencana", "terampil", 3), s("operator_layanan", weight=8)), duty_sets=("bencana",)),
        bidang("Rehabilitasi dan Rekonstruksi", ("penata_bencana", "teknik_tata_bangunan")),
    ), kind="badan", head_title="Kepala Pelaksana Badan Penanggulangan Bencana Daerah"),
    perangkat("Badan Pendapatan Daerah", "BAPENDA", "Bapenda", (
        bidang("Pendaftaran, Pendataan dan Penetapan", seksi_units=(
            _subbidang("Pendaftaran dan Pendataan", s("pengelola_layanan", weight=4)),
            _subbidang("Penetapan", s("pengelola_layanan", weight=3), s("penata_layanan", weight=2)),
        ), duty_sets=("pendapatan",)),
        bidang("Penagihan dan Keberatan", seksi_units=(
            _subbidang("Penagihan", s("pengelola_layanan", weight=4)),
            _subbidang("Keberatan dan Pengurangan", s("penata_layanan", weight=2)),
        ), duty_sets=("pendapatan",)),
        bidang("PBB-P2 dan BPHTB", seksi_units=(
            _subbidang("Pendataan dan Penilaian PBB-P2", s("penata_layanan", weight=3), s("pengolah_data", weight=3)),
            _subbidang("Pelayanan BPHTB", s("pengelola_layanan", weight=4)),
        ), duty_sets=("pbb",)),
        bidang("Pengembangan dan Pengendalian Pendapatan", ("analis_keuangan", "analis_kebijakan"), duty_sets=("pendapatan",)),
    ), kind="badan", profile="pimpinan_keuangan"),
    perangkat("Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD", "BPKAD", (
        bidang("Anggaran", ("analis_keuangan",), duty_sets=("anggaran",)),
        bidang("Perbendaharaan", seksi_units=(
            _subbidang("Belanja", s("pengelola_layanan", weight=4), s("analis_keuangan", "ahli_pertama", 2)),
            _subbidang("Kas Daerah", s("pengelola_layanan", weight=3)),
        ), duty_sets=("perbendaharaan",)),
        bidang("Akuntansi", ("analis_keuangan",), staff=(s("analis_keuangan", "ahli_pertama", 2),), duty_sets=("akuntansi",)),
        bidang("Aset", seksi_units=(
            _subbidang("Penatausahaan Aset", s("pengelola_layanan", weight=3), s("pengolah_data", weight=2)),
            _subbidang("Pemanfaatan dan Pengamanan Aset", s("pengelola_layanan", weight=2)),
        ), duty_sets=("aset",)),
    ), kind="badan", profile="pimpinan_keuangan"),
    perangkat("Badan Perencanaan Pembangunan Daerah", "BAPPEDA", "Bappeda", (
        bidang("Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah", ("perencana", "statistisi"), duty_sets=("perencanaan_daerah",)),
        bidang("Pemerintahan dan Pembangunan Manusia", ("perencana",), duty_sets=("perencanaan_daerah",)),
        bidang("Perekonomian dan Sumber Daya Alam", ("perencana",)),
        bidang("Infrastruktur dan Kewilayahan", ("perencana", "penata_ruang")),
    ), kind="badan"),
    perangkat("Badan Riset dan Inovasi Daerah", "BRIDA", "BRIDA", (
        bidang("Riset dan Kajian", ("analis_kebijakan",), duty_sets=("riset_inovasi",)),
        bidang("Inovasi Daerah", ("analis_kebijakan",), duty_sets=("riset_inovasi",)),
    ), kind="badan"),
)  # fmt: skip


# ---------------------------------------------------------------------------------------------
# RSUD


def _rsud(name: str, short: str, code: str, factor: float, *, top_doctor: bool) -> UnitSpec:
    medik = [
        s("dokter_spesialis", "ahli_madya", 8),
        s("dokter_spesialis", "ahli_muda", 4),
        s("dokter", "ahli_pertama", 6),
        s("dokter_gigi", "ahli_pertama"),
    ]
    if top_doctor:
        medik.append(s("dokter_spesialis", "ahli_utama", 1 / factor))
    spec = UnitSpec(
        name, "rsud", f"Direktur {short}", "adm_a", "direktur_rsud",
        code=code, short_name=short, topic="pelayanan kesehatan rujukan",
        profile="pimpinan_kesehatan",
        children=(
            subbagian("Umum dan Kepegawaian", (s("pengadministrasi", weight=4), s("operator_layanan", weight=6), s("pengelola_umum", weight=10), s("analis_sdm", "ahli_pertama")), ("rsud_admin",)),
            subbagian("Keuangan dan Perencanaan", (s("pengelola_layanan", weight=4), s("analis_keuangan", "ahli_pertama"), s("perencana", "ahli_pertama")), ("rsud_admin",)),
            seksi("Pelayanan Medik", staff=tuple(medik)),
            seksi("Keperawatan", staff=(
                s("perawat", "terampil", 25), s("perawat", "mahir", 15), s("perawat", "penyelia", 5),
                s("perawat", "ahli_pertama", 15), s("perawat", "ahli_muda", 4),
                s("bidan", "terampil", 8), s("bidan", "mahir", 4), s("bidan", "ahli_pertama", 2),
            )),
            seksi("Penunjang Medik dan Nonmedik", staff=(
                s("apoteker", "ahli_pertama", 3), s("apoteker", "ahli_muda"), s("ttk", "terampil", 8),
                s("pranata_lab", "terampil", 8), s("radiografer", "terampil", 5),
                s("fisioterapis", "terampil", 3), s("nutrisionis", "terampil", 3),
                s("perekam_medis", "terampil", 6), s("sanitarian", "terampil", 2),
                s("pranata_komputer", "terampil", 2), s("operator_kesehatan", weight=10),
            )),
        ),
    )  # fmt: skip
    return scale(spec, factor)


RSUD: Final = (
    _rsud("Rumah Sakit Umum Daerah Bung Karno", "RSUD Bung Karno", "RSUDBK", 1.0, top_doctor=True),
    _rsud(
        "Rumah Sakit Umum Daerah Ibu Fatmawati Soekarno",
        "RSUD Ibu Fatmawati Soekarno",
        "RSUDIFS",
        0.6,
        top_doctor=False,
    ),
)


# ---------------------------------------------------------------------------------------------
# Kecamatan and kelurahan (from data/surakarta_wilayah.json)


KELURAHAN_STAFF: Final = (
    s("pengadministrasi", weight=2),
    s("pengelola_layanan", weight=2),
    s("penata_layanan", weight=1),
    s("operator_layanan", weight=1),
    s("pengolah_data", weight=1),
    s("penggerak_swadaya", "ahli_pertama", 1),
)


def _kelurahan(entry: dict[str, str]) -> UnitSpec:
    name = kelurahan_name(entry["nama"])
    return UnitSpec(
        f"Kelurahan {name}",
        "kelurahan",
        f"Lurah {name}",
        "pgw_a",
        "lurah",
        code=entry["kode"],
        region_code=entry["kode"],
        topic="pemerintahan kelurahan",
        duty_sets=("kelurahan",),
        profile="pimpinan_pamong",
        staff=KELURAHAN_STAFF,
        officials=(
            Official(
                "Sekretaris Kelurahan",
                "pgw_b",
                "sekkel",
                profile="pimpinan_pamong",
                supervises_staff=True,
            ),
        ),
    )


def _kecamatan(entry: dict[str, Any]) -> UnitSpec:
    name = entry["nama"]
    sek = UnitSpec(
        "Sekretariat Kecamatan",
        "sekretariat",
        "Sekretaris Kecamatan",
        "adm_b",
        "sekretaris",
        topic="kesekretariatan kecamatan",
        profile="pimpinan_pamong",
        children=(
            subbagian("Umum dan Kepegawaian", (s("pengadministrasi", weight=2), s("pengelola_umum", weight=2), s("operator_layanan")), level="pgw_b"),
            subbagian("Perencanaan dan Keuangan", (s("pengelola_layanan", weight=2), s("perencana", "ahli_pertama", 0.6)), level="pgw_b"),
        ),
    )  # fmt: skip
    sections = tuple(
        seksi(n, staff=extra, duty_sets=("kecamatan",))
        for n, extra in (
            ("Pemerintahan", (s("penggerak_swadaya", "ahli_pertama", 0.6),)),
            ("Ketenteraman dan Ketertiban Umum", (s("polpp", "terampil", 2),)),
            ("Pemberdayaan Masyarakat", (s("penggerak_swadaya", "ahli_pertama"),)),
            ("Pelayanan Umum", (s("pengelola_layanan", weight=2),)),
        )
    )
    return UnitSpec(
        f"Kecamatan {name}",
        "kecamatan",
        f"Camat {name}",
        "adm_a",
        "camat",
        code=entry["kode"],
        region_code=entry["kode"],
        topic="pemerintahan kecamatan",
        duty_sets=("kecamatan",),
        profile="pimpinan_pamong",
        children=(sek, *sections, *(_kelurahan(k) for k in entry["kelurahan"])),
    )


def kecamatan_units() -> tuple[UnitSpec, ...]:
    return tuple(_kecamatan(k) for k in wilayah()["kecamatan"])


ROOT_CODE: Final = "3372"
ROOT_NAME: Final = "Pemerintah Kota Surakarta"


def surakarta() -> UnitSpec:
    """The whole tree: the pemda root and every Perangkat Daerah under it, in SOTK order."""
    children = (SETDA, SETWAN, INSPEKTORAT, *DINAS, SATPOL_PP, *BADAN, *RSUD, *kecamatan_units())
    return UnitSpec(
        ROOT_NAME, "pemda", "", "", "", code=ROOT_CODE, short_name="Pemkot Surakarta",
        region_code="33.72", children=children,
    )  # fmt: skip


def validate(spec: UnitSpec) -> None:
    """Fail fast on a typo in the data above (unknown family, duplicate title in a unit)."""
    titles = [spec.head_title, *(o.title for o in spec.officials)]
    for family_key, jenjang in dict.fromkeys((st.family, st.jenjang) for st in spec.staff):
        family = FAMILIES[family_key]
        titles.append(family.position_title(jenjang))
        if family.kind == "fungsional" and not jenjang:
            raise ValueError(f"{spec.name}: JF {family_key} tanpa jenjang")
    if len(set(titles)) != len(titles):
        dupes = sorted({t for t in titles if titles.count(t) > 1})
        raise ValueError(f"{spec.name}: jabatan ganda {dupes}")
    for child in spec.children:
        validate(child)
