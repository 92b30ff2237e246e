"""API shapes of employee records, by personal-data class (UU 27/2022, docs/glossary.md).

Public for officials: name and titles. General personal data (birth date, sex, education,
golongan): only in records the caller may see at all. Specific (NIK): masked unless the
caller is an admin covering the employee or the employee themself.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any, Literal

from ninja import Field, Schema

from penata.core import reference
from penata.core.api_shapes import NO_NUL, id_field, search_field

EmployeeKind = enum.Enum(  # type: ignore[misc]
    "EmployeeKind", {key: key for key in reference.EMPLOYEE_KINDS}, type=str
)
EmployeeStatus = enum.Enum(  # type: ignore[misc]
    "EmployeeStatus", {key: key for key in reference.EMPLOYEE_STATUSES}, type=str
)


class EmployeeFilters(Schema):
    q: str | None = search_field("Cari pada nama, atau awal NIP")
    unit: int | None = id_field(
        "Hanya pegawai yang kini menduduki jabatan di unit ini atau bawahannya"
    )
    kind: EmployeeKind | None = Field(None, description="Jenis pegawai")
    status: EmployeeStatus | None = Field(None, description="Status kepegawaian")
    golongan: str | None = Field(
        None, max_length=6, pattern=NO_NUL, description="Golongan, mis. `III/a` atau `IX`"
    )


class CurrentPositionOut(Schema):
    position_id: int = Field(description="ID jabatan")
    title: str = Field(description="Nama jabatan")
    unit_id: int = Field(description="ID unit")
    unit_name: str = Field(description="Nama unit")
    acting: str = Field(description="Kosong = definitif; `plt` atau `plh`")
    start: dt.date = Field(description="TMT jabatan")

    @staticmethod
    def resolve_position_id(obj: Any) -> int:
        return int(obj.position_id)

    @staticmethod
    def resolve_title(obj: Any) -> str:
        return str(obj.position.title)

    @staticmethod
    def resolve_unit_id(obj: Any) -> int:
        return int(obj.position.unit_id)

    @staticmethod
    def resolve_unit_name(obj: Any) -> str:
        return str(obj.position.unit.name)


class EmployeeOut(Schema):
    id: int = Field(description="ID pegawai")
    nip: str = Field(description="NIP (PNS/CPNS) atau NI PPPK, 18 digit")
    name: str = Field(description="Nama tanpa gelar")
    front_title: str = Field(description="Gelar depan")
    back_title: str = Field(description="Gelar belakang")
    full_name: str = Field(description="Nama lengkap dengan gelar")
    kind: str = Field(description="Jenis pegawai: pns, cpns, pppk, pppk_pw")
    status: str = Field(description="Status kepegawaian (kode), mis. `aktif`")
    golongan: str = Field(description="Golongan/ruang (PNS I/a…IV/e; PPPK I…XVII)")
    positions: list[CurrentPositionOut] = Field(description="Jabatan yang diduduki saat ini")

    @staticmethod
    def resolve_positions(obj: Any) -> list[Any]:
        return list(getattr(obj, "current", []))


class EmployeeDetailOut(EmployeeOut):
    """Read from an employee on which the handler has set `current` (assignments in force),
    `nik_shown` and `nik_masked`; without them serialisation fails rather than leak the NIK."""

    birth_date: dt.date = Field(description="Tanggal lahir (data pribadi umum)")
    sex: str = Field(description="Jenis kelamin: L atau P (data pribadi umum)")
    education: str = Field(description="Pendidikan terakhir (kode), mis. `s1`")
    education_major: str = Field(description="Jurusan")
    tmt_golongan: dt.date | None = Field(description="TMT golongan")
    nik: str | None = Field(
        description=(
            "NIK (data pribadi spesifik): tersamar, mis. `3372**********01`, kecuali untuk "
            "admin yang berwenang atas pegawai ini dan pegawai itu sendiri; kosong bila belum ada"
        )
    )
    nik_masked: bool = Field(description="True bila NIK ditampilkan tersamar")

    @staticmethod
    def resolve_nik(obj: Any) -> str | None:
        return str(obj.nik_shown) or None

    @staticmethod
    def resolve_nik_masked(obj: Any) -> bool:
        return bool(obj.nik_masked)


class NipOut(Schema):
    valid: bool = Field(description="Selalu true; NIP tidak sah dijawab 422")
    kind: Literal["PNS", "PPPK"] = Field(description="PNS (NIP) atau PPPK (NI PPPK)")
    birth_date: dt.date = Field(description="Tanggal lahir (digit 1–8)")
    tmt_cpns: dt.date | None = Field(None, description="TMT CPNS (digit 9–14), hanya PNS")
    appointment_year: int | None = Field(
        None, description="Tahun pengangkatan (digit 9–12), hanya PPPK"
    )
    sex: Literal["L", "P"] = Field(description="Jenis kelamin (digit 15): L atau P")
    serial: int = Field(description="Nomor urut (digit 16–18)")
