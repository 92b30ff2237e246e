"""API shapes of the organisation: units, positions, duties, the org chart.

Field names are English; descriptions (shown in /api/v1/docs) are Indonesian.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from ninja import Field, Schema

from penata.core import reference
from penata.core.api_shapes import id_field, search_field

UnitKind = enum.Enum(  # type: ignore[misc]
    "UnitKind", {key: key for key in reference.UNIT_KINDS}, type=str
)
PositionKind = enum.Enum(  # type: ignore[misc]
    "PositionKind", {key: key for key in reference.POSITION_KINDS}, type=str
)


# --- filters (query parameters) ---

AS_OF = "Tanggal acuan TTTT-BB-HH (bawaan: hari ini); struktur yang berlaku pada tanggal itu"


class UnitFilters(Schema):
    q: str | None = search_field("Cari pada nama atau kode unit")
    kind: UnitKind | None = Field(None, description="Jenis unit")
    parent: int | None = id_field("Hanya subunit langsung dari unit ini (ID)")
    subtree_of: int | None = id_field("Hanya unit ini beserta seluruh unit di bawahnya (ID)")
    as_of: dt.date | None = Field(None, description=AS_OF)


class PositionFilters(Schema):
    unit: int | None = id_field("Hanya jabatan pada unit ini (ID)")
    subtree: bool = Field(
        False, description="Bersama `unit`: sertakan jabatan di seluruh unit bawahannya"
    )
    kind: PositionKind | None = Field(None, description="Jenis jabatan")
    q: str | None = search_field("Cari pada nama jabatan")
    vacant: bool | None = Field(
        None, description="true = hanya jabatan lowong; false = hanya yang ada pemangkunya"
    )
    as_of: dt.date | None = Field(None, description=AS_OF)


class UnitPositionFilters(Schema):
    subtree: bool = Field(False, description="Sertakan jabatan di seluruh unit bawahan")
    kind: PositionKind | None = Field(None, description="Jenis jabatan")
    vacant: bool | None = Field(None, description="true = hanya lowong; false = hanya terisi")
    as_of: dt.date | None = Field(None, description=AS_OF)


# --- responses ---


class UnitRef(Schema):
    id: int = Field(description="ID unit")
    name: str = Field(description="Nama unit")
    kind: str = Field(description="Jenis unit (kode), mis. `dinas`, `bidang`, `seksi`")


class UnitOut(Schema):
    id: int = Field(description="ID unit")
    code: str = Field(description="Kode unit di instansi")
    name: str = Field(description="Nama unit")
    short_name: str = Field(description="Singkatan, mis. BKPSDM (boleh kosong)")
    kind: str = Field(description="Jenis unit (kode)")
    kind_label: str = Field(description="Jenis unit (nama)")
    parent_id: int | None = Field(description="ID unit induk; kosong untuk unit puncak")
    depth: int = Field(description="Kedalaman di pohon organisasi (0 = puncak)")
    region_code: str = Field(description="Kode wilayah Kemendagri (kecamatan/kelurahan)")
    valid_from: dt.date = Field(description="Berlaku sejak")
    valid_to: dt.date | None = Field(description="Berlaku sampai (eksklusif); kosong = masih")
    legal_basis: str = Field(description="Dasar hukum, mis. Perda atau Perwali")

    @staticmethod
    def resolve_kind_label(obj: Any) -> str:
        return str(reference.UNIT_KINDS.get(obj.kind, obj.kind))


class HeadcountOut(Schema):
    total: int = Field(description="Jumlah pegawai yang menduduki jabatan di unit dan bawahannya")
    by_kind: dict[str, int] = Field(description="Per jenis pegawai (pns, cpns, pppk, pppk_pw)")
    by_golongan: dict[str, int] = Field(description="Per golongan")
    by_position_kind: dict[str, int] = Field(description="Per jenis jabatan")
    positions: int = Field(description="Jumlah jabatan di unit dan bawahannya")
    vacant_positions: int = Field(description="Jumlah jabatan yang lowong")


class UnitDetailOut(UnitOut):
    ancestors: list[UnitRef] = Field(description="Unit atasan dari puncak sampai unit induk")
    children_count: int = Field(description="Jumlah subunit langsung yang berlaku")
    headcount: HeadcountOut = Field(description="Ringkasan pegawai dan jabatan (per tanggal)")


class PositionOut(Schema):
    id: int = Field(description="ID jabatan")
    title: str = Field(description="Nama jabatan")
    kind: str = Field(description="Jenis jabatan (kode), mis. `administrator`, `fungsional`")
    kind_label: str = Field(description="Jenis jabatan (nama)")
    jf_jenjang: str = Field(description="Jenjang jabatan fungsional (kode); kosong bila bukan JF")
    kelas_jabatan: int | None = Field(description="Kelas jabatan 1–17")
    eselon: str = Field(description="Eselon lama (Keppres 9/1985); boleh kosong")
    is_unit_head: bool = Field(description="Jabatan kepala unit")
    is_penyetaraan: bool = Field(description="JF hasil penyetaraan jabatan administrasi")
    unit: UnitRef = Field(description="Unit tempat jabatan berada")
    reports_to_id: int | None = Field(description="ID jabatan atasan langsung")
    incumbent_count: int = Field(description="Jumlah pemangku jabatan per tanggal")
    is_vacant: bool = Field(description="Lowong (tidak ada pemangku) per tanggal")
    valid_from: dt.date = Field(description="Berlaku sejak")
    valid_to: dt.date | None = Field(description="Berlaku sampai (eksklusif)")

    @staticmethod
    def resolve_kind_label(obj: Any) -> str:
        return str(reference.POSITION_KINDS.get(obj.kind, obj.kind))

    @staticmethod
    def resolve_is_vacant(obj: Any) -> bool:
        return not obj.incumbent_count


class DutyOut(Schema):
    id: int = Field(description="ID uraian tugas")
    statement: str = Field(description="Uraian tugas")
    output_unit: str = Field(description="Satuan hasil, mis. Dokumen, Laporan")
    volume: float = Field(description="Volume (jumlah satuan hasil) per periode")
    period: str = Field(description="Periode volume: year, month, week, day")
    time_norm_minutes: float = Field(description="Norma waktu (menit per satuan hasil)")


class IncumbentOut(Schema):
    employee_id: int = Field(description="ID pegawai")
    name: str = Field(description="Nama lengkap dengan gelar")
    acting: str = Field(description="Kosong = definitif; `plt` atau `plh`")


class ChainLinkOut(Schema):
    id: int = Field(description="ID jabatan atasan")
    title: str = Field(description="Nama jabatan atasan")
    unit: UnitRef = Field(description="Unit jabatan atasan")


class PositionDetailOut(PositionOut):
    """Read from a position on which the handler has set `incumbent_count`, `incumbents`,
    `hidden_incumbent_count`, `duty_list` and `reporting_chain` (from selectors)."""

    duties: list[DutyOut] = Field(description="Uraian tugas jabatan")
    incumbents: list[IncumbentOut] = Field(
        description="Pemangku yang boleh Anda lihat (pegawai di luar kewenangan hanya dihitung)"
    )
    hidden_incumbent_count: int = Field(
        description="Jumlah pemangku di luar kewenangan Anda (tidak ditampilkan namanya)"
    )
    reporting_chain: list[ChainLinkOut] = Field(
        description="Garis atasan dari atasan langsung sampai pimpinan tertinggi"
    )

    @staticmethod
    def resolve_duties(obj: Any) -> list[Any]:
        return list(obj.duty_list)


class ChartNodeOut(Schema):
    id: int = Field(description="ID unit")
    name: str = Field(description="Nama unit")
    kind: str = Field(description="Jenis unit (kode)")
    kind_label: str = Field(description="Jenis unit (nama)")
    head_title: str = Field(description="Nama jabatan kepala unit; kosong bila tidak ada")
    holder: str = Field(
        description="Nama pejabat kepala unit (data publik pejabat); kosong bila lowong"
    )
    acting: str = Field(description="Kosong = definitif; `plt` atau `plh`")
    positions: int = Field(description="Jumlah jabatan di unit ini (tanpa subunit)")
    people: int = Field(description="Jumlah pegawai di unit ini (tanpa subunit)")
    children: list[ChartNodeOut] = Field(description="Subunit")


class PublicUnitOut(Schema):
    id: int = Field(description="ID unit")
    name: str = Field(description="Nama unit")
    kind: str = Field(description="Jenis unit (kode)")
    kind_label: str = Field(description="Jenis unit (nama)")
    depth: int = Field(description="Kedalaman di pohon organisasi (0 = puncak)")
    head_title: str = Field(description="Nama jabatan kepala unit (tanpa nama orang)")
