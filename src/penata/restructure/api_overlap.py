"""/api/v1 operations of the overlap review (tumpang tindih tugas): runs, findings,
decisions, scenario operations and the unit × unit counts.

Access is the web's: org_analyst and admin start runs and decide, auditor reads; runs and
findings of another instansi are 404.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Path, Query, Router, Schema
from ninja.pagination import paginate

from penata.core.api_auth import actor
from penata.core.api_shapes import ERRORS, MAX_ID, ErrorOut, Pages
from penata.restructure import overlap_selectors as selectors
from penata.restructure import overlap_services as services
from penata.restructure.overlap import DEFAULT_THRESHOLD
from penata.restructure.selectors import restructure_instansi_for, scenario_get_for

router = Router(tags=["Tumpang tindih tugas"])
WRITE_ERRORS: dict[int, Any] = {**ERRORS, 400: ErrorOut, 403: ErrorOut}


class RunIn(Schema):
    threshold: float = Field(DEFAULT_THRESHOLD, gt=0, le=1, description="Ambang kemiripan")


class RunOut(Schema):
    id: int
    status: str = Field(description="queued, running, done atau failed")
    threshold: float
    progress_done: int
    progress_total: int
    percent: int
    duty_count: int
    finding_count: int
    pair_count: int
    created_at: dt.datetime
    started_at: dt.datetime | None
    finished_at: dt.datetime | None


class DutyOut(Schema):
    id: int
    statement: str
    unit_id: int
    unit: str
    position_id: int
    position: str


class FindingOut(Schema):
    id: int
    key: str = Field(description="Kunci dari id uraian tugas dan hash teksnya")
    score: float
    terms: list[str]
    status: str = Field(description="open, confirmed, dismissed atau resolved")
    unit_ids: list[int]
    duties: list[DutyOut]
    pairs: list[dict[str, Any]]


class DecisionIn(Schema):
    status: Literal["confirmed", "dismissed", "resolved"]
    owner_unit: int | None = Field(None, ge=1, le=MAX_ID, description="Wajib untuk confirmed")
    reason: str = Field("", max_length=2000, description="Wajib untuk dismissed")


class DecisionOut(Schema):
    key: str
    status: str
    owner_unit_id: int | None
    reason: str
    scenario_id: int | None
    decided_at: dt.datetime


class ScenarioIn(Schema):
    mode: Literal["remove", "move"] = "remove"
    scenario: int | None = Field(None, ge=1, le=MAX_ID, description="Draf tujuan; kosong: baru")


class ScenarioOut(Schema):
    scenario_id: int
    operations: list[int] = Field(description="Urutan operasi yang ditambahkan")


class HeatmapOut(Schema):
    units: list[str]
    cells: list[list[int]] = Field(description="[x, y, jumlah pasangan]")
    max: int


@router.post(
    "/overlap/runs",
    response={202: RunOut, **WRITE_ERRORS},
    summary="Mulai pemeriksaan tumpang tindih tugas",
    description="Berjalan di latar belakang; pantau kemajuannya di /overlap/runs/{id}.",
)
def overlap_run_start(request: HttpRequest, body: RunIn) -> Any:
    who = actor(request)
    instansi = restructure_instansi_for(who)
    return 202, services.overlap_run_start(actor=who, instansi=instansi, threshold=body.threshold)


@router.post(
    "/overlap/runs/{run_id}/cancel",
    response={200: RunOut, **WRITE_ERRORS},
    summary="Batalkan pemeriksaan yang masih antre atau berjalan",
    description="Temuan yang sedang dicari dibuang; pemeriksaan baru dapat segera dimulai.",
)
def overlap_run_cancel(request: HttpRequest, run_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    who = actor(request)
    run = selectors.overlap_run_get_for(who, run_id)
    return services.overlap_run_cancel(actor=who, run=run)


@router.get(
    "/overlap/runs/{run_id}",
    response={200: RunOut, **ERRORS},
    summary="Status dan kemajuan pemeriksaan",
)
def overlap_run_detail(request: HttpRequest, run_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    return selectors.overlap_run_get_for(actor(request), run_id)


@router.get(
    "/overlap/runs/{run_id}/findings",
    response={200: list[FindingOut], **ERRORS},
    summary="Temuan pemeriksaan, urut skor tertinggi",
)
@paginate(Pages)
def overlap_finding_list(
    request: HttpRequest,
    run_id: int = Path(..., ge=1, le=MAX_ID),
    unit: int | None = Query(None, ge=1, le=MAX_ID),
    status: str = Query("", max_length=10),
) -> Any:
    who = actor(request)
    run = selectors.overlap_run_get_for(who, run_id)
    return selectors.overlap_finding_list(who, run=run, unit_id=unit, status=status)


@router.get(
    "/overlap/runs/{run_id}/heatmap",
    response={200: HeatmapOut, **ERRORS},
    summary="Jumlah pasangan tumpang tindih unit × unit",
)
def overlap_heatmap(request: HttpRequest, run_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    who = actor(request)
    return selectors.overlap_heatmap(who, run=selectors.overlap_run_get_for(who, run_id))


@router.post(
    "/overlap/findings/{finding_id}/decision",
    response={200: DecisionOut, **WRITE_ERRORS},
    summary="Putuskan temuan (konfirmasi, abaikan, selesai)",
    description="Berlaku juga pada pemeriksaan berikutnya selama teks uraian tugasnya sama.",
)
def overlap_decide(
    request: HttpRequest, body: DecisionIn, finding_id: int = Path(..., ge=1, le=MAX_ID)
) -> Any:
    who = actor(request)
    finding = selectors.overlap_finding_get_for(who, finding_id)
    return services.overlap_decide(
        actor=who,
        finding=finding,
        status=body.status,
        owner_unit_id=body.owner_unit,
        reason=body.reason,
    )


@router.post(
    "/overlap/findings/{finding_id}/scenario",
    response={201: ScenarioOut, **WRITE_ERRORS},
    summary="Jadikan temuan terkonfirmasi operasi skenario",
    description="`remove`: volume uraian tugas di unit lain menjadi 0; `move`: dipindahkan ke "
    "jabatan unit pemilik.",
)
def overlap_to_scenario(
    request: HttpRequest, body: ScenarioIn, finding_id: int = Path(..., ge=1, le=MAX_ID)
) -> Any:
    who = actor(request)
    finding = selectors.overlap_finding_get_for(who, finding_id)
    scenario = scenario_get_for(who, body.scenario) if body.scenario else None
    scenario, rows = services.overlap_to_scenario(
        actor=who, finding=finding, mode=body.mode, scenario=scenario
    )
    return 201, {"scenario_id": scenario.pk, "operations": [row.seq for row in rows]}
