"""API shapes of the performance module (SKP, evaluations, activity log, dashboards).

Field names are English; descriptions (shown in /api/v1/docs) are Indonesian. NIPs of
non-officials are left out of every response (DESIGN §7).
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Annotated, Any

from ninja import Field, Schema

from penata.core.api_shapes import MAX_ID, NO_NUL
from penata.performance import rules
from penata.performance.values import ASPECTS, BERAKHLAK, RHK_KINDS

Rating = enum.Enum("Rating", {k: k for k in rules.RATINGS}, type=str)  # type: ignore[misc]
Aspect = enum.Enum("Aspect", {k: k for k in ASPECTS}, type=str)  # type: ignore[misc]
RhkKind = enum.Enum("RhkKind", {k: k for k in RHK_KINDS}, type=str)  # type: ignore[misc]
Value = enum.Enum("Value", {k: k for k in BERAKHLAK}, type=str)  # type: ignore[misc]
OrgPredikatCode = enum.Enum(  # type: ignore[misc]
    "OrgPredikatCode", {k: k for k in rules.ORG_PREDIKATS}, type=str
)
SkpStatus = enum.Enum(  # type: ignore[misc]
    "SkpStatus", {k: k for k in ("draft", "submitted", "approved", "returned")}, type=str
)
ActivityStatus = enum.Enum(  # type: ignore[misc]
    "ActivityStatus", {k: k for k in ("pending", "approved", "returned")}, type=str
)


# An id inside a list: bounded like every other id, so that a wild value is a 422.
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


def _id(description: str) -> Any:
    return Field(..., ge=1, le=MAX_ID, description=description)


# --- input -------------------------------------------------------------------------------


class SkpCreateIn(Schema):
    year: int = Field(..., ge=2000, le=2100, description="Tahun SKP")


class IndicatorIn(Schema):
    id: int | None = Field(
        None, ge=1, le=MAX_ID, description="ID indikator yang diubah (kosong = baru)"
    )
    aspect: Aspect = Field(description="Aspek: kuantitas, kualitas atau waktu")
    text: str = Field(..., max_length=500, pattern=NO_NUL, description="Uraian indikator")
    target: Decimal = Field(..., gt=0, max_digits=12, decimal_places=2, description="Target")
    unit: str = Field(..., max_length=40, pattern=NO_NUL, description="Satuan target")


class RhkIn(Schema):
    text: str = Field(..., max_length=1000, pattern=NO_NUL, description="Rencana hasil kerja")
    kind: RhkKind = Field(RhkKind("utama"), description="utama atau tambahan")
    parent_id: int | None = Field(
        None, ge=1, le=MAX_ID, description="RHK pejabat penilai yang diintervensi (ID)"
    )
    indicators: list[IndicatorIn] = Field(..., min_length=1, max_length=10)


class NoteIn(Schema):
    note: str = Field(..., max_length=2000, pattern=NO_NUL, description="Catatan")


class ExpectationIn(Schema):
    value: Value = Field(description="Nilai BerAKHLAK")
    text: str = Field(..., max_length=500, pattern=NO_NUL, description="Ekspektasi khusus pimpinan")


class CascadeIn(Schema):
    employee_ids: list[Id] = Field(..., min_length=1, max_length=2000, description="ID bawahan")
    text: str = Field(..., max_length=1000, pattern=NO_NUL, description="RHK bawahan")
    kind: RhkKind = Field(RhkKind("utama"), description="utama atau tambahan")
    indicators: list[IndicatorIn] = Field(..., min_length=1, max_length=10)


class RealisationIn(Schema):
    indicator_id: int = _id("ID indikator")
    value: Decimal = Field(
        ..., ge=0, max_digits=12, decimal_places=2, description="Realisasi kumulatif"
    )
    note: str = Field("", max_length=2000, pattern=NO_NUL, description="Uraian capaian")
    evidence_link: str = Field(
        "", max_length=500, pattern=NO_NUL, description="Tautan bukti dukung (http/https)"
    )


class RealisationsIn(Schema):
    items: list[RealisationIn] = Field(..., min_length=1, max_length=200)


class RhkRatingIn(Schema):
    rhk_id: int = _id("ID RHK")
    rating: Rating = Field(description="di_bawah, sesuai atau di_atas")
    feedback: str = Field("", max_length=1000, pattern=NO_NUL, description="Umpan balik")


class RateIn(Schema):
    rhk: list[RhkRatingIn] = Field(default_factory=list, max_length=100)
    perilaku: Rating = Field(description="Rating perilaku kerja")
    feedback: str = Field("", max_length=2000, pattern=NO_NUL)
    perilaku_feedback: str = Field("", max_length=2000, pattern=NO_NUL)
    finalise: bool = Field(False, description="true = tetapkan (final), tidak dapat diubah lagi")


class ActivityIn(Schema):
    date: dt.date = Field(description="Tanggal kegiatan")
    description: str = Field(..., max_length=500, pattern=NO_NUL, description="Uraian kegiatan")
    minutes: int = Field(..., ge=1, le=1440, description="Durasi (menit)")
    rhk_id: int | None = Field(None, ge=1, le=MAX_ID, description="RHK terkait (ID)")
    output_count: int = Field(0, ge=0, le=100000, description="Jumlah keluaran")


class ReviewIn(Schema):
    activity_ids: list[Id] = Field(..., min_length=1, max_length=5000)
    approve: bool = Field(True, description="true = setujui; false = kembalikan (perlu catatan)")
    note: str = Field("", max_length=500, pattern=NO_NUL)


class OrgPredikatIn(Schema):
    unit_id: int = _id("ID unit")
    year: int = Field(..., ge=2000, le=2100)
    predikat: OrgPredikatCode | None = Field(None, description="Kosong = hapus")
    note: str = Field("", max_length=255, pattern=NO_NUL)


# --- filters -----------------------------------------------------------------------------


class SkpFilters(Schema):
    year: int | None = Field(None, ge=2000, le=2100, description="Tahun SKP")
    status: SkpStatus | None = Field(None, description="Status SKP")
    employee: int | None = Field(None, ge=1, le=MAX_ID, description="ID pegawai")


class ActivityFilters(Schema):
    employee: int | None = Field(None, ge=1, le=MAX_ID, description="ID pegawai")
    start: dt.date | None = Field(None, description="Sejak tanggal")
    end: dt.date | None = Field(None, description="Sampai tanggal")
    status: ActivityStatus | None = Field(None, description="Status")


class ScopeQuery(Schema):
    scope: str | None = Field(
        None, max_length=20, pattern=r"^(bawahan|\d+)$", description="ID unit, atau `bawahan`"
    )
    year: int | None = Field(None, ge=2000, le=2100)


# --- output ------------------------------------------------------------------------------


class PersonRef(Schema):
    id: int
    name: str

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return str(obj.full_name)


class NameRef(Schema):
    id: int = Field(description="ID pegawai")
    name: str = Field(description="Nama dan gelar")


class IndicatorOut(Schema):
    id: int
    aspect: str
    text: str
    target: Decimal
    unit: str
    realised: Decimal | None = Field(description="Realisasi kumulatif terakhir")
    realised_on: dt.date | None


class RhkOut(Schema):
    id: int
    kind: str
    text: str
    parent_id: int | None = Field(description="RHK atasan yang diintervensi")
    indicators: list[IndicatorOut]

    @staticmethod
    def resolve_indicators(obj: Any) -> list[Any]:
        return list(obj.indicators.all())


class SkpOut(Schema):
    id: int
    year: int
    status: str
    version: int = Field(description="Nomor versi yang disetujui (0 = belum)")
    employee: PersonRef
    position: str
    unit: str
    evaluator: PersonRef | None = Field(description="Pejabat penilai")
    evaluator_acting: str = Field(description="'' definitif, plt atau plh")
    evaluator_is_fallback: bool = Field(description="Jabatan atasan langsung kosong")
    frequency: str
    start: dt.date
    end: dt.date
    predikat: str = Field(description="Predikat terakhir (kode)")
    predikat_label: str = Field(description="Periode predikat terakhir")
    predikat_is_final: bool
    realisation_share: Decimal | None = Field(description="Capaian rata-rata indikator (0–1)")

    @staticmethod
    def resolve_position(obj: Any) -> str:
        return str(obj.position.title)

    @staticmethod
    def resolve_unit(obj: Any) -> str:
        return str(obj.unit.name)


class ExpectationOut(Schema):
    id: int
    value: str
    text: str


class SkpDetailOut(SkpOut):
    return_note: str
    revision_reason: str
    rhk: list[RhkOut]
    expectations: list[ExpectationOut]


class VersionOut(Schema):
    number: int
    reason: str
    created_at: dt.datetime
    snapshot: dict[str, Any]


class CascadeOut(Schema):
    created_rhk_ids: list[int]
    skps_opened: int
    skipped: dict[str, str] = Field(description="ID pegawai → alasan tidak diubah")


class RealisationOut(Schema):
    indicator_id: int
    value: Decimal
    note: str
    evidence_link: str
    has_file: bool


class RhkRatingOut(Schema):
    rhk_id: int
    rating: str
    feedback: str


class EvaluationOut(Schema):
    kind: str
    number: int
    label: str
    start: dt.date
    end: dt.date
    due: dt.date | None = Field(description="Batas penilaian (periodik)")
    status: str
    is_late: bool
    hasil_kerja_rating: str
    hasil_kerja_from_org: bool
    perilaku_rating: str
    predikat: str
    angka_kredit: Decimal | None
    feedback: str
    perilaku_feedback: str
    realisations: list[RealisationOut]
    ratings: list[RhkRatingOut]


class ActivityOut(Schema):
    id: int
    employee_id: int
    date: dt.date
    description: str
    minutes: int
    rhk_id: int | None
    output_count: int
    status: str
    review_note: str
    created_at: dt.datetime


class ReviewOut(Schema):
    count: int


class EvaluateeOut(Schema):
    employee: PersonRef
    acting: str
    is_fallback: bool
    skp_id: int | None
    skp_status: str | None


class LiveOut(Schema):
    total: int
    logged_today: int
    not_logged_today: int
    activities_today: int
    minutes_today: int
    pending: int
    realisations_today: int
    last_entry_at: dt.datetime | None


class ViolationOut(Schema):
    code: str
    message: str
    actual_percent: Decimal
    limit_percent: Decimal


class UnitDashboardOut(Schema):
    scope: str
    label: str
    day: dt.date
    year: int
    employees: int
    live: LiveOut
    skp_status: dict[str, int]
    logged_week: int
    not_logged_today: list[NameRef]
    not_logged_week: list[NameRef]
    progress: dict[str, int]
    elapsed_percent: Decimal
    predikat: dict[str, int]
    org_predikat: str
    violations: list[ViolationOut]
    late_evaluations: int


class CityRowOut(Schema):
    rank: int
    unit_id: int
    unit: str
    employees: int
    skp_status: dict[str, int]
    logged_today: int
    logged_week: int
    activities_today: int
    pending: int
    realisation_percent: Decimal
    predikat: dict[str, int]
    org_predikat: str
    violations: list[ViolationOut]
    late_evaluations: int


class CityDashboardOut(Schema):
    day: dt.date
    year: int
    elapsed_percent: Decimal
    rows: list[CityRowOut]


class OrgPredikatOut(Schema):
    unit_id: int
    unit: str
    year: int
    predikat: str


class HolidayOut(Schema):
    date: dt.date
    name: str
    kind: str
    is_estimate: bool
    national: bool
    source: str
