"""Learning API under /api/v1/pengembangan/ (login session or bearer token).

Self-service (my competencies, JP, recommendations, enrolment), the catalog and sessions,
and the admin/unit-head reads (gaps, JP compliance, 9-box, succession, training plan).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Field, Path, Query, Router, Schema

from penata.core.api_auth import actor
from penata.core.api_shapes import ERRORS, MAX_ID, ErrorOut
from penata.core.errors import NotFound
from penata.learning import ninebox, rules, selectors, services
from penata.learning.access import require_reader
from penata.org.selectors import instansi_for, position_get_for
from penata.people.selectors import employee_of

router = Router(tags=["Pengembangan kompetensi"])
WRITE: dict[int, Any] = {**ERRORS, 400: ErrorOut}
ID = Path(..., ge=1, le=MAX_ID)
YEAR = Query(None, ge=2000, le=2100)


class GapOut(Schema):
    code: str
    name: str
    required: int
    actual: int | None
    gap: int


class MyCompetencyOut(Schema):
    position: str | None
    jpm: Decimal | None
    gaps: list[GapOut]


class JpOut(Schema):
    year: int
    target_jp: Decimal
    achieved_jp: Decimal
    remaining_jp: Decimal
    months_left: int
    status: str


class ProgrammeOut(Schema):
    id: int
    code: str
    name: str
    kind: str
    mode: str
    jp: Decimal
    provider: str
    cost: Decimal
    develops: dict[str, int]


class SessionOut(Schema):
    id: int
    programme_id: int
    name: str
    starts_on: dt.date
    ends_on: dt.date
    place: str
    online_url: str
    capacity: int
    seats_taken: int
    waiting: int


class RecommendationOut(Schema):
    rank: int
    programme: ProgrammeOut
    closes: dict[str, int]
    reasons: list[str]
    session_ids: list[int]


class EnrolmentOut(Schema):
    id: int
    session_id: int
    employee_id: int
    status: str


class ComplianceOut(Schema):
    employee_id: int
    nip: str
    name: str
    unit: str | None
    achieved_jp: Decimal
    remaining_jp: Decimal
    months_left: int
    status: str


class BoxOut(Schema):
    box: int
    employee_ids: list[int]


class TalentSettingIn(Schema):
    year: int = Field(..., ge=2000, le=2100, description="Periode (tahun) penilaian")
    preset: str = Field(
        ..., max_length=20, description="Acuan bobot komponen: `default` atau `bkn_2025`"
    )
    kinerja_middle: Decimal = Field(..., description="Batas kinerja sesuai ekspektasi (0–100)")
    kinerja_high: Decimal = Field(..., description="Batas kinerja di atas ekspektasi (0–100)")
    potensial_middle: Decimal = Field(..., description="Batas potensial menengah (0–100)")
    potensial_high: Decimal = Field(..., description="Batas potensial tinggi (0–100)")
    kinerja_weight: Decimal = Field(..., description="Bobot kinerja dalam skor talenta (%)")
    potensial_weight: Decimal = Field(..., description="Bobot potensial dalam skor talenta (%)")


class PresetOut(Schema):
    code: str
    label: str


class TalentSettingOut(Schema):
    year: int
    preset: str
    kinerja_middle: Decimal
    kinerja_high: Decimal
    potensial_middle: Decimal
    potensial_high: Decimal
    kinerja_weight: Decimal
    potensial_weight: Decimal
    stored: bool = Field(description="false: periode ini memakai konfigurasi bawaan")
    updated_by: str | None
    updated_at: dt.datetime | None
    presets: list[PresetOut]


class TalentSettingSavedOut(TalentSettingOut):
    placed: int = Field(description="Pegawai yang ditempatkan ulang dengan konfigurasi ini")
    no_predikat: int
    no_potential: int


class SuccessionOut(Schema):
    rank: int
    employee_id: int
    name: str
    box: int
    jpm: Decimal
    gaps: dict[str, int]
    recommended: list[str]


class PlanOut(Schema):
    programme_id: int
    name: str
    count: int
    jp: Decimal
    cost: Decimal


def _programme(p: Any) -> dict[str, Any]:
    return {
        "id": p.pk,
        "code": p.code,
        "name": p.name,
        "kind": p.kind,
        "mode": p.mode,
        "jp": p.jp,
        "provider": p.provider,
        "cost": p.cost,
        "develops": {d.competency.code: d.target_level for d in p.developed.all()},
    }


def _me(request: HttpRequest) -> Any:
    employee = employee_of(actor(request))
    if employee is None:
        raise NotFound("pegawai")
    return employee


@router.get(
    "/pengembangan/saya/kompetensi",
    response={200: MyCompetencyOut, **ERRORS},
    summary="Kompetensi dan kesenjangan saya",
)
def my_competencies(request: HttpRequest) -> Any:
    gaps = selectors.employee_gaps(_me(request))
    return {
        "position": str(gaps.position) if gaps.position else None,
        "jpm": gaps.jpm,
        "gaps": [
            {
                "code": r.competency.code,
                "name": r.competency.name,
                "required": r.required,
                "actual": r.actual,
                "gap": r.gap,
            }
            for r in gaps.rows
        ],
    }


@router.get("/pengembangan/saya/jp", response={200: JpOut, **ERRORS}, summary="JP saya")
def my_jp(request: HttpRequest, year: int | None = YEAR) -> Any:
    return selectors.jp_status(_me(request), year or dt.date.today().year)


@router.get(
    "/pengembangan/saya/rekomendasi",
    response={200: list[RecommendationOut], **ERRORS},
    summary="Pelatihan yang disarankan untuk saya",
)
def my_recommendations(request: HttpRequest) -> Any:
    recs = selectors.recommendations_for(_me(request), dt.date.today().year)
    return [
        {
            "rank": r.rank,
            "programme": _programme(r.programme),
            "closes": r.closes,
            "reasons": r.reasons,
            "session_ids": [s.pk for s in r.sessions],
        }
        for r in recs
    ]


@router.get(
    "/pengembangan/program",
    response={200: list[ProgrammeOut], **ERRORS},
    summary="Katalog pelatihan",
)
def programme_list(request: HttpRequest) -> Any:
    return [_programme(p) for p in selectors.programme_list(instansi_for(actor(request)))]


@router.get(
    "/pengembangan/angkatan",
    response={200: list[SessionOut], **ERRORS},
    summary="Angkatan pelatihan mendatang",
)
def session_list(request: HttpRequest) -> Any:
    return list(selectors.session_list(instansi_for(actor(request)), upcoming_from=dt.date.today()))


@router.post(
    "/pengembangan/angkatan/{session_id}/daftar",
    response={200: EnrolmentOut, **WRITE},
    summary="Mendaftar angkatan (menunggu persetujuan atasan)",
)
def enrol(request: HttpRequest, session_id: int = ID) -> Any:
    who = actor(request)
    session = selectors.session_get(instansi_for(who), session_id)
    return services.enrolment_request(actor=who, employee=_me(request), session=session)


@router.post(
    "/pengembangan/pendaftaran/{enrolment_id}/putuskan",
    response={200: EnrolmentOut, **WRITE},
    summary="Menyetujui atau menolak pendaftaran",
)
def enrolment_decide(
    request: HttpRequest, enrolment_id: int = ID, approve: bool = Query(...)
) -> Any:
    who = actor(request)
    enrolment = selectors.enrolment_get_for(who, enrolment_id)
    return services.enrolment_decide(actor=who, enrolment=enrolment, approve=approve)


@router.get(
    "/pengembangan/kepatuhan-jp",
    response={200: list[ComplianceOut], **ERRORS},
    summary="Kepatuhan 20 JP (admin, kepala unit, auditor)",
)
def compliance(request: HttpRequest, year: int | None = YEAR, below: bool = False) -> Any:
    who = actor(request)
    rows = selectors.compliance_rows(
        who, instansi_for(who), year or dt.date.today().year, below_only=below
    )
    return [
        {
            "employee_id": r.employee.pk,
            "nip": r.employee.nip,
            "name": r.employee.full_name,
            "unit": r.position.unit.name if r.position else None,
            "achieved_jp": r.compliance.achieved_jp,
            "remaining_jp": r.compliance.remaining_jp,
            "months_left": r.compliance.months_left,
            "status": r.compliance.status,
        }
        for r in rows
    ]


@router.get(
    "/pengembangan/talenta", response={200: list[BoxOut], **ERRORS}, summary="9-box per periode"
)
def talent(request: HttpRequest, year: int | None = YEAR) -> Any:
    who = actor(request)
    grid = selectors.nine_box_grid(
        selectors.placements(who, instansi_for(who), year or dt.date.today().year)
    )
    return [{"box": b, "employee_ids": [p.employee_id for p in grid[b]]} for b in range(1, 10)]


def _talent_setting(year: int, setting: Any) -> dict[str, Any]:
    return {
        "year": year,
        **ninebox.talent_setting_values(setting),
        "stored": setting is not None,
        "updated_by": (
            setting.updated_by.get_full_name() or setting.updated_by.username
            if setting is not None and setting.updated_by
            else None
        ),
        "updated_at": setting.updated_at if setting is not None else None,
        "presets": [
            {"code": code, "label": str(label)}
            for code, label in rules.TALENT_PRESET_LABELS.items()
        ],
    }


@router.get(
    "/pengembangan/talenta/pengaturan",
    response={200: TalentSettingOut, **ERRORS},
    summary="Konfigurasi 9-box per periode",
    description="Acuan bobot, batas kotak dan bobot skor talenta yang berlaku untuk periode itu "
    "(bawaan bila admin belum memilih).",
)
def talent_setting(request: HttpRequest, year: int | None = YEAR) -> Any:
    who = actor(request)
    require_reader(who)
    period = year or dt.date.today().year
    return _talent_setting(period, ninebox.talent_setting_get(instansi_for(who), period))


@router.put(
    "/pengembangan/talenta/pengaturan",
    response={200: TalentSettingSavedOut, **WRITE},
    summary="Tetapkan konfigurasi 9-box",
    description="Admin BKPSDM. Menyimpan konfigurasi periode lalu menempatkan ulang pegawainya; "
    "nilai yang ditolak tidak mengubah apa pun dan galatnya menyebut kolomnya.",
)
def talent_setting_set(request: HttpRequest, body: TalentSettingIn) -> Any:
    who = actor(request)
    instansi = instansi_for(who)
    values = body.dict()
    year = values.pop("year")
    setting, summary = services.talent_setting_set(
        actor=who, instansi=instansi, year=year, **values
    )
    return {**_talent_setting(year, setting), **summary}


@router.get(
    "/pengembangan/suksesi/{position_id}",
    response={200: list[SuccessionOut], **ERRORS},
    summary="Daftar suksesi jabatan kritikal",
)
def succession(request: HttpRequest, position_id: int = ID, year: int | None = YEAR) -> Any:
    who = actor(request)
    require_reader(who)
    position = position_get_for(who, position_id)
    rows = selectors.succession_list(instansi_for(who), position, year or dt.date.today().year)
    return [
        {
            "rank": r.rank,
            "employee_id": r.employee.pk,
            "name": r.employee.full_name,
            "box": r.box,
            "jpm": r.jpm,
            "gaps": {g.code: g.shortfall for g in r.gaps},
            "recommended": [p.name for p in r.recommended],
        }
        for r in rows
    ]


@router.get(
    "/pengembangan/rencana",
    response={200: list[PlanOut], **ERRORS},
    summary="Rencana pelatihan tahunan",
)
def plan(request: HttpRequest, year: int | None = YEAR) -> Any:
    who = actor(request)
    lines = selectors.training_plan(who, instansi_for(who), year or dt.date.today().year)
    return [
        {
            "programme_id": x.programme.pk,
            "name": x.programme.name,
            "count": x.count,
            "jp": x.jp,
            "cost": x.cost,
        }
        for x in lines
    ]
