"""/api/v1 operations of penataan struktur: structure metrics and scenarios.

Handlers call one selector or service and shape the answer. Access is the web's: org_analyst
and admin read and write, auditor reads. Affected employees carry names only (no NIP of
non-officials in API responses, DESIGN §7).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Field, Path, Query, Router, Schema
from ninja.pagination import paginate

from penata.core.api_auth import actor
from penata.core.api_shapes import ERRORS, MAX_ID, NO_NUL, ErrorOut, Pages
from penata.restructure import selectors, services
from penata.restructure.graph import Comparison

router = Router(tags=["Penataan struktur"])
WRITE_ERRORS: dict[int, Any] = {**ERRORS, 400: ErrorOut, 403: ErrorOut}


class ScenarioOut(Schema):
    id: int
    name: str
    description: str
    base_date: dt.date
    status: str = Field(description="draft, submitted, approved, rejected atau enacted")
    cursor: int = Field(description="Jumlah operasi yang berlaku (sisanya dibatalkan)")
    updated_at: dt.datetime


class ScenarioIn(Schema):
    name: str = Field(..., min_length=1, max_length=200, pattern=NO_NUL)
    description: str = Field("", max_length=5000, pattern=NO_NUL)
    base_date: dt.date | None = Field(
        None, description="Struktur dasar per tanggal; bawaan hari ini"
    )


class OperationIn(Schema):
    kind: str = Field(
        ..., max_length=40, pattern=NO_NUL, description="Mis. `unit.merge`, `position.convert`"
    )
    params: dict[str, Any] = Field(
        default_factory=dict,
        description='Parameter operasi, mis. `{"source": 12, "target": 15}`; id baru '
        "(`new:N`) diberikan otomatis",
    )


class OperationOut(Schema):
    seq: int
    kind: str
    params: dict[str, Any]
    description: str
    active: bool = Field(description="False bila operasi sedang dibatalkan (dapat diulang)")


class ScenarioDetailOut(Schema):
    scenario: ScenarioOut
    operations: list[OperationOut]
    failed: list[dict[str, Any]] = Field(description="Operasi yang tidak lagi berlaku")
    comparison: dict[str, Any] = Field(
        description="Metrik dasar vs skenario, ABK, perubahan dan pegawai terdampak"
    )


def _comparison(comparison: Comparison) -> dict[str, Any]:
    data = comparison.as_dict()
    for person in data["affected"]:
        person.pop("nip", None)
    return data


@router.get(
    "/structure/metrics",
    response={200: dict[str, Any], **ERRORS},
    summary="Metrik struktur",
    description="Lapis manajerial, rentang kendali, jalur keputusan, rasio manajerial, "
    "jumlah per jenis dan eselon, ABK; per unit dan per perangkat daerah.",
)
def structure_metrics(
    request: HttpRequest, as_of: dt.date | None = Query(None, description="Tanggal acuan")
) -> Any:
    who = actor(request)
    instansi = selectors.restructure_instansi_for(who)
    snapshot = selectors.structure_as_of(who, instansi, as_of)
    return {"as_of": snapshot.day, "metrics": snapshot.metrics.as_dict()}


@router.get(
    "/scenarios",
    response={200: list[ScenarioOut], **ERRORS},
    summary="Daftar skenario penataan",
)
@paginate(Pages)
def scenario_list(
    request: HttpRequest, status: str | None = Query(None, max_length=12, pattern=NO_NUL)
) -> Any:
    who = actor(request)
    instansi = selectors.restructure_instansi_for(who)
    return selectors.scenario_list(who, instansi=instansi, status=status)


@router.post(
    "/scenarios",
    response={201: ScenarioOut, **WRITE_ERRORS},
    summary="Buat skenario",
)
def scenario_create(request: HttpRequest, body: ScenarioIn) -> Any:
    who = actor(request)
    instansi = selectors.restructure_instansi_for(who)
    scenario = services.scenario_create(
        actor=who,
        instansi=instansi,
        name=body.name,
        description=body.description,
        base_date=body.base_date,
    )
    return 201, scenario


def _detail(scenario_id: int, who: Any) -> dict[str, Any]:
    scenario = selectors.scenario_get_for(who, scenario_id)
    state = selectors.scenario_state(scenario)
    descriptions = state.descriptions()
    return {
        "scenario": scenario,
        "operations": [
            {
                "seq": op.seq,
                "kind": op.kind,
                "params": op.params,
                "description": descriptions.get(op.seq, op.description),
                "active": op.seq <= scenario.cursor,
            }
            for op in state.operations
        ],
        "failed": [
            {"seq": step.index + 1, "errors": [e.as_dict() for e in step.errors]}
            for step in state.replay.failed
        ],
        "comparison": _comparison(state.comparison),
    }


@router.get(
    "/scenarios/{scenario_id}",
    response={200: ScenarioDetailOut, **ERRORS},
    summary="Rincian skenario dan perbandingannya dengan struktur dasar",
)
def scenario_detail(request: HttpRequest, scenario_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    return _detail(scenario_id, actor(request))


@router.post(
    "/scenarios/{scenario_id}/operations",
    response={201: OperationOut, **WRITE_ERRORS},
    summary="Tambah operasi",
    description="Divalidasi pada struktur hasil operasi sebelumnya; ditolak dengan kode galat "
    "operasi (mis. `unit.not_empty`) dan pesan yang menyebut objeknya.",
)
def operation_add(
    request: HttpRequest, body: OperationIn, scenario_id: int = Path(..., ge=1, le=MAX_ID)
) -> Any:
    who = actor(request)
    scenario = selectors.scenario_get_for(who, scenario_id)
    row = services.scenario_add_operation(
        actor=who, scenario=scenario, kind=body.kind, params=body.params
    )
    return 201, {
        "seq": row.seq,
        "kind": row.kind,
        "params": row.params,
        "description": row.description,
        "active": True,
    }


@router.post(
    "/scenarios/{scenario_id}/undo",
    response={200: ScenarioOut, **WRITE_ERRORS},
    summary="Batalkan operasi terakhir",
)
def scenario_undo(request: HttpRequest, scenario_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    who = actor(request)
    return services.scenario_undo(actor=who, scenario=selectors.scenario_get_for(who, scenario_id))


@router.post(
    "/scenarios/{scenario_id}/redo",
    response={200: ScenarioOut, **WRITE_ERRORS},
    summary="Ulangi operasi yang dibatalkan",
)
def scenario_redo(request: HttpRequest, scenario_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    who = actor(request)
    return services.scenario_redo(actor=who, scenario=selectors.scenario_get_for(who, scenario_id))
