"""The columns of each import kind: our template's names, SIASN's names, parsers, choices.

docs/import.md is generated from the same facts by hand; keep both in step.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from penata.core import reference
from penata.people.imports import cells
from penata.people.imports.cells import CellError, Parser


class _Keep:
    """Marks a blank cell that keeps the stored value (and takes the default on create)."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP: Any = _Keep()


@dataclass(frozen=True)
class Column:
    """One column of an import kind.

    `key` is the internal name, `title` the header in our template, `aliases` other headers
    we accept (SIASN "Export Data ASN" names among them). `choices` (code → label) feed the
    template's dropdown lists; exports write the label.
    """

    key: str
    title: str
    parse: Parser
    required: bool = False
    aliases: tuple[str, ...] = ()
    choices: Mapping[str, str] | None = None
    example: Any = ""
    # Value of a blank cell: "" or None clear the field; KEEP leaves it as stored.
    empty: Any = ""
    width: int = 18
    is_text: bool = False
    hint: str = ""


@dataclass(frozen=True)
class Sheet:
    """The columns of one kind and how its rows are keyed."""

    kind: str
    label: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    # Headers a foreign export carries that we knowingly do not import (SIASN has ~70).
    ignorable: frozenset[str] = field(default_factory=frozenset)
    # When any of these headers is present the file is treated as foreign (SIASN):
    # columns outside the mapping are then ignored instead of refused.
    foreign_markers: frozenset[str] = field(default_factory=frozenset)

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


_BOOL = {"ya": "Ya", "tidak": "Tidak"}

SEX_ALIASES = {
    "laki laki": "L", "laki": "L", "pria": "L", "m": "L", "male": "L", "1": "L",
    "wanita": "P", "f": "P", "female": "P", "2": "P",
}  # fmt: skip
EMPLOYEE_KIND_ALIASES = {
    "pns daerah": "pns", "pns pusat": "pns", "pegawai negeri sipil": "pns",
    "calon pns": "cpns", "calon pegawai negeri sipil": "cpns", "p3k": "pppk",
    "pppk penuh waktu": "pppk", "pegawai pemerintah dengan perjanjian kerja": "pppk",
    "p3k paruh waktu": "pppk_pw", "pppk pw": "pppk_pw",
}  # fmt: skip
EDUCATION_ALIASES = {
    "sekolah dasar": "sd", "sltp": "smp", "sekolah menengah pertama": "smp",
    "slta": "sma", "smk": "sma", "sma smk": "sma", "slta smk": "sma",
    "sekolah menengah atas": "sma",
    "d i": "d1", "diploma i": "d1", "d ii": "d2", "diploma ii": "d2", "d iii": "d3",
    "diploma iii": "d3", "d iv": "d4", "diploma iv": "d4", "s 1": "s1", "sarjana": "s1",
    "s 1 sarjana": "s1", "s1 sarjana": "s1", "strata 1": "s1", "s 2": "s2", "magister": "s2",
    "s 2 magister": "s2", "strata 2": "s2", "s 3": "s3", "doktor": "s3", "s 3 doktor": "s3",
    "strata 3": "s3", "profesi": "s1", "spesialis": "s2",
}  # fmt: skip
STATUS_ALIASES = {"pns": "aktif", "cpns": "aktif", "aktif bekerja": "aktif", "mpp": "aktif"}
PERIOD_ALIASES = {"tahunan": "year", "per tahun": "year", "bulanan": "month",
                  "per bulan": "month", "mingguan": "week", "harian": "day"}  # fmt: skip
ACTING = {"plt": "Plt", "plh": "Plh"}
ACTING_ALIASES = {"pelaksana tugas": "plt", "pelaksana harian": "plh"}

_ROMAN = {g.label.casefold(): g.label for g in reference.PPPK_GOLONGAN}
_ARABIC = {str(g.rank): g.label for g in reference.PPPK_GOLONGAN}
_PNS_GOLONGAN = re.compile(r"^(IV|III|II|I)\s*[/\-.]?\s*([A-Ea-e])$", re.IGNORECASE)


_GOLONGAN_SEEN: dict[str, str] = {}


def golongan_label(cell: Any) -> str:
    """Normalise how golongan are typed (`III/A`, `III-a`, `IIIa`, `9` for PPPK IX); the
    rule `golongan_for` then checks it against the employee kind."""
    if cell.__class__ is str and cell in _GOLONGAN_SEEN:
        return _GOLONGAN_SEEN[cell]
    label = _golongan_label(cell)
    if cell.__class__ is str and len(_GOLONGAN_SEEN) < 1000:
        _GOLONGAN_SEEN[cell] = label
    return label


def _golongan_label(cell: Any) -> str:
    raw = cells.as_text(cell)
    value = raw.replace(" ", "")
    match = _PNS_GOLONGAN.match(value)
    if match:
        return f"{match.group(1).upper()}/{match.group(2).lower()}"
    if value.casefold() in _ROMAN:
        return _ROMAN[value.casefold()]
    if value in _ARABIC:
        return _ARABIC[value]
    if not value:
        raise CellError("cell.required", "Golongan wajib diisi.")
    return raw


UNIT_COLUMNS = (
    Column("code", "Kode Unit", cells.one_line(40), required=True, example="3372.01.02",
           hint="Kode unik unit dalam instansi."),
    Column("parent_code", "Kode Unit Induk", cells.one_line(40), example="3372.01",
           hint="Kosongkan untuk unit puncak."),
    Column("name", "Nama Unit", cells.one_line(200), required=True,
           example="Bagian Organisasi", width=40),
    Column("short_name", "Singkatan", cells.one_line(60), example="Bag. Org"),
    Column("kind", "Jenis Unit", cells.choice(reference.UNIT_KINDS), required=True,
           choices=reference.UNIT_KINDS, example="Bagian", width=26),
    Column("sort_order", "Urutan", cells.integer(0, 2_000_000_000), empty=KEEP,
           example=2, width=10),
    Column("region_code", "Kode Wilayah", cells.one_line(20), example=""),
    Column("valid_from", "Berlaku Sejak", cells.date, empty=KEEP, example="2024-01-01",
           hint="Kosong: hari impor (unit baru) atau tetap (unit lama)."),
    Column("legal_basis", "Dasar Hukum", cells.one_line(200),
           example="Perwali Surakarta 43/2023", width=30),
)  # fmt: skip

POSITION_COLUMNS = (
    Column("unit_code", "Kode Unit", cells.one_line(40), required=True, example="3372.01.02"),
    Column("title", "Nama Jabatan", cells.one_line(200), required=True,
           example="Analis Kelembagaan Ahli Muda", width=40),
    Column("kind", "Jenis Jabatan", cells.choice(reference.POSITION_KINDS), required=True,
           choices=reference.POSITION_KINDS, example="Fungsional"),
    Column("jf_jenjang", "Jenjang JF", cells.choice(reference.JF_JENJANG),
           choices=reference.JF_JENJANG, example="Ahli Muda"),
    Column("kelas_jabatan", "Kelas Jabatan", cells.integer(1, 17), empty=None, example=9, width=12),
    Column("eselon", "Eselon", cells.choice({e: e for e in reference.ESELON}),
           choices={e: e for e in reference.ESELON}, width=10),
    Column("reports_to_unit", "Kode Unit Atasan", cells.one_line(40), example="3372.01.02"),
    Column("reports_to_title", "Jabatan Atasan", cells.one_line(200),
           example="Kepala Bagian Organisasi", width=40),
    Column("is_unit_head", "Kepala Unit", cells.boolean, choices=_BOOL, empty=KEEP, example="Tidak",
           width=12),
    Column("is_penyetaraan", "Hasil Penyetaraan", cells.boolean, choices=_BOOL, empty=KEEP,
           example="Ya", width=12),
    Column("is_critical", "Jabatan Kritikal", cells.boolean, choices=_BOOL, empty=KEEP,
           example="Tidak",
           width=12),
    Column("sort_order", "Urutan", cells.integer(0, 2_000_000_000), empty=KEEP,
           example=3, width=10),
    Column("valid_from", "Berlaku Sejak", cells.date, empty=KEEP, example="2024-01-01"),
    Column("legal_basis", "Dasar Hukum", cells.one_line(200),
           example="Perwali Surakarta 43/2023", width=30),
)  # fmt: skip

DUTY_COLUMNS = (
    Column("unit_code", "Kode Unit", cells.one_line(40), required=True, example="3372.01.02"),
    Column("position_title", "Nama Jabatan", cells.one_line(200), required=True,
           example="Analis Kelembagaan Ahli Muda", width=40),
    Column("statement", "Uraian Tugas", cells.text(4000), required=True, width=60,
           example="Menyusun rancangan evaluasi kelembagaan perangkat daerah"),
    Column("output_unit", "Satuan Hasil", cells.one_line(60), required=True,
           example="Dokumen"),
    Column("volume", "Volume", cells.decimal_number(max_digits=12, places=2), required=True,
           example=12, width=10),
    Column("period", "Periode", cells.choice(reference.DUTY_PERIODS, PERIOD_ALIASES), empty=KEEP,
           choices=reference.DUTY_PERIODS, example="Tahun", width=10),
    Column("time_norm_minutes", "Norma Waktu (menit)",
           cells.decimal_number(max_digits=10, places=2), required=True, example=300),
    Column("sort_order", "Urutan", cells.integer(0, 2_000_000_000), empty=KEEP,
           example=1, width=10),
)  # fmt: skip

EMPLOYEE_COLUMNS = (
    Column("nip", "NIP", cells.identifier("NIP", "nip", 18), required=True,
           aliases=("NIP BARU", "NIP/NI PPPK", "NI PPPK"), example="198609262015051001",
           is_text=True, width=22),
    Column("name", "Nama", cells.one_line(150), required=True, aliases=("NAMA",),
           example="Budi Santoso", width=30),
    Column("front_title", "Gelar Depan", cells.one_line(40), aliases=("GELAR DEPAN",),
           example="dr."),
    Column("back_title", "Gelar Belakang", cells.one_line(60), aliases=("GELAR BELAKANG",),
           example="M.Kes."),
    Column("birth_date", "Tanggal Lahir", cells.date, empty=KEEP,
           aliases=("TANGGAL LAHIR", "TGL LAHIR"),
           example="1986-09-26", hint="Kosong: diambil dari NIP."),
    Column("sex", "Jenis Kelamin", cells.choice(reference.SEXES, SEX_ALIASES), empty=KEEP,
           aliases=("JENIS KELAMIN",), choices=reference.SEXES, example="Laki-laki",
           hint="Kosong: diambil dari NIP."),
    Column("kind", "Jenis Pegawai", cells.choice(reference.EMPLOYEE_KINDS, EMPLOYEE_KIND_ALIASES),
           required=True, aliases=("JENIS PEGAWAI", "JENIS PEGAWAI NAMA"),
           choices=reference.EMPLOYEE_KINDS, example="PNS"),
    Column("golongan", "Golongan", golongan_label, required=True,
           aliases=("GOL AKHIR", "GOL AKHIR NAMA", "GOLONGAN AKHIR"), example="III/d",
           width=10),
    Column("tmt_golongan", "TMT Golongan", cells.date, empty=None, aliases=("TMT GOLONGAN",),
           example="2022-04-01"),
    Column("education", "Pendidikan", cells.choice(reference.EDUCATION_LEVELS, EDUCATION_ALIASES),
           required=True, aliases=("TINGKAT PENDIDIKAN", "TINGKAT PENDIDIKAN NAMA"),
           choices=reference.EDUCATION_LEVELS, example="S-1"),
    Column("education_major", "Jurusan", cells.one_line(120),
           aliases=("PENDIDIKAN NAMA",), example="Ilmu Administrasi Negara",
           width=30),
    Column("status", "Status", cells.choice(reference.EMPLOYEE_STATUSES, STATUS_ALIASES),
           empty=KEEP,
           aliases=("KEDUDUKAN HUKUM", "KEDUDUKAN HUKUM NAMA"),
           choices=reference.EMPLOYEE_STATUSES, example="Aktif",
           hint="Kosong: Aktif (pegawai baru) atau tetap."),
    Column("nik", "NIK", cells.identifier("NIK", "nik", 16),
           example="3372022609860002", is_text=True, width=20),
    Column("email", "Surel", cells.email, aliases=("EMAIL", "E-MAIL", "EMAIL GOV"),
           example="budi.santoso@surakarta.go.id", width=30),
    Column("phone", "Telepon", cells.one_line(20), aliases=("NOMOR HP", "NO HP", "TELEPON"),
           example="081234567890", is_text=True),
    Column("unit_code", "Kode Unit", cells.one_line(40), example="3372.01.02",
           hint="Unit jabatan saat ini; isi bersama Nama Jabatan."),
    Column("position_title", "Nama Jabatan", cells.one_line(200),
           example="Analis Kelembagaan Ahli Muda", width=40),
    Column("assignment_start", "TMT Jabatan", cells.date, empty=None, aliases=("TMT JABATAN",),
           example="2023-01-02"),
    Column("sk_number", "Nomor SK", cells.one_line(100), example="800/123/2023", width=20),
    Column("acting", "Status Penugasan", cells.choice(ACTING, ACTING_ALIASES),
           choices=ACTING, hint="Kosong: definitif; Plt atau Plh."),
)  # fmt: skip

# SIASN "Export Data ASN" headers that carry nothing Penata imports (or that Penata derives
# itself). Listed so a raw SIASN export imports without editing; see docs/import.md.
SIASN_IGNORED = frozenset(
    cells.fold(h)
    for h in (
        "PNS ID", "NIP LAMA", "TEMPAT LAHIR", "TEMPAT LAHIR ID", "TEMPAT LAHIR NAMA",
        "AGAMA", "AGAMA ID", "AGAMA NAMA", "JENIS KAWIN", "JENIS KAWIN ID", "JENIS KAWIN NAMA",
        "ALAMAT", "NPWP", "BPJS", "JENIS PEGAWAI ID", "KEDUDUKAN HUKUM ID",
        "STATUS CPNS PNS", "KARTU ASN VIRTUAL", "NOMOR SK CPNS", "TANGGAL SK CPNS", "TMT CPNS",
        "NOMOR SK PNS", "TANGGAL SK PNS", "TMT PNS", "GOL AWAL", "GOL AWAL ID",
        "GOL AWAL NAMA", "GOL AKHIR ID", "MK TAHUN", "MK BULAN", "JENIS JABATAN",
        "JENIS JABATAN ID", "JENIS JABATAN NAMA", "JABATAN", "JABATAN ID", "JABATAN NAMA",
        "TINGKAT PENDIDIKAN ID", "PENDIDIKAN ID", "TAHUN LULUS", "KPKN ID", "KPKN NAMA",
        "LOKASI KERJA ID", "LOKASI KERJA NAMA", "UNOR ID", "UNOR NAMA", "UNOR INDUK ID",
        "UNOR INDUK NAMA", "INSTANSI INDUK ID", "INSTANSI INDUK NAMA", "INSTANSI KERJA ID",
        "INSTANSI KERJA NAMA", "SATUAN KERJA INDUK ID", "SATUAN KERJA INDUK NAMA",
        "SATUAN KERJA KERJA ID", "SATUAN KERJA KERJA NAMA", "IS VALID NIK", "FLAG IKD",
        "NOMOR TELPON", "NOMOR BPJS", "NOMOR NPWP", "TASPEN", "KELAS JABATAN",
    )
)  # fmt: skip

SHEETS: dict[str, Sheet] = {
    "units": Sheet("units", "Unit organisasi", UNIT_COLUMNS, ("code",)),
    "positions": Sheet("positions", "Jabatan (peta jabatan)", POSITION_COLUMNS,
                       ("unit_code", "title")),
    "duties": Sheet("duties", "Uraian tugas", DUTY_COLUMNS,
                    ("unit_code", "position_title", "statement")),
    "employees": Sheet("employees", "Pegawai", EMPLOYEE_COLUMNS, ("nip",),
                       ignorable=SIASN_IGNORED,
                       foreign_markers=frozenset({cells.fold("NIP BARU")})),
}  # fmt: skip
KINDS: Sequence[str] = tuple(SHEETS)
