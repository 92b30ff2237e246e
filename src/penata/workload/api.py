"""/api/v1/workload: the ABK of a unit, the city summary and the edit of a duty.

Exact decimals are sent as strings ("1.08", not 1.0800000001) so a client can redo the sums.
Reading follows the structure's visibility (staff of the instansi); editing a duty is for
org_analyst and admin, like the web page.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Field, Path, Query, Router, Schema

from penata.core.api_auth import actor
from penata.core.api_shapes import ERRORS, MAX_ID, ErrorOut
from penata.workload import rules, selectors, services

router = Router(tags=["Analisis beban kerja"])
WRITE_ERRORS: dict[int, Any] = {**ERRORS, 400: ErrorOut}


class DutyIn(Schema):
    volume: str = Field(..., max_length=20, description="Volume per periode, mis. `12` atau `2.5`")
    period: str = Field(..., max_length=8, description="year, month, week atau day")
    time_norm_minutes: str = Field(..., max_length=20, description="Norma waktu dalam menit")


def _dec(value: Decimal | None) -> str | None:
    if value is None:
        return None
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return str(value.normalize())


def _position(row: selectors.PositionRow) -> dict[str, Any]:
    r = row.result
    return {
        "id": row.position.id,
        "title": row.position.title,
        "unit_id": row.position.unit_id,
        "unit": row.position.unit.name,
        "kind": row.position.kind,
        "duties": [
            {
                "id": duty.id,
                "statement": duty.statement,
                "output_unit": duty.output_unit,
                "volume": _dec(duty.volume),
                "period": duty.period,
                "time_norm_minutes": _dec(duty.time_norm_minutes),
            }
            for duty in row.duties
        ],
        "workload_minutes": _dec(r.workload_minutes),
        "need": _dec(rules.display(r.need, 4)),
        "need_rounded": r.need_rounded,
        "existing": r.existing,
        "gap": r.gap,
        "ej": _dec(rules.display(r.ej, 4)) if r.ej is not None else None,
        "pj": r.pj,
        "pj_label": str(r.pj_label) if r.pj_label is not None else None,
    }


def _totals(t: rules.AbkResult) -> dict[str, Any]:
    return {
        "workload_minutes": _dec(t.workload_minutes),
        "need": _dec(rules.display(t.need, 4)),
        "need_rounded": t.need_rounded,
        "existing": t.existing,
        "gap": t.gap,
        "ej": _dec(rules.display(t.ej, 4)) if t.ej is not None else None,
        "pj": t.pj,
        "pj_label": str(t.pj_label) if t.pj_label is not None else None,
    }


@router.get(
    "/workload/units/{unit_id}/abk",
    response={200: dict[str, Any], **ERRORS},
    summary="Anjab-ABK sebuah unit",
    description="Per jabatan di unit dan unit di bawahnya: tugas, beban kerja (menit/tahun), "
    "kebutuhan desimal dan dibulatkan, pegawai yang ada, selisih, EJ dan PJ; beserta jumlahnya.",
)
def unit_abk(
    request: HttpRequest,
    unit_id: int = Path(..., ge=1, le=MAX_ID),
    as_of: dt.date | None = Query(None, description="Tanggal acuan; bawaan hari ini"),
) -> Any:
    abk = selectors.unit_abk(actor(request), unit_id, as_of=as_of)
    return {
        "unit": {"id": abk.unit.id, "code": abk.unit.code, "name": abk.unit.name},
        "as_of": abk.as_of,
        "effective_minutes": int(abk.config.effective_minutes),
        "rounding_rule": abk.rounding_rule,
        "positions": [_position(row) for row in abk.rows],
        "totals": _totals(abk.totals),
    }


def _line(line: selectors.SummaryLine) -> dict[str, Any]:
    return {
        "key": line.key,
        "name": line.name,
        "positions": line.positions,
        "need": _dec(rules.display(line.need, 4)),
        "need_rounded": line.need_rounded,
        "existing": line.existing,
        "gap": line.gap,
        "shortage": line.shortage,
        "surplus": line.surplus,
    }


@router.get(
    "/workload/summary",
    response={200: dict[str, Any], **ERRORS},
    summary="Ringkasan kekurangan/kelebihan pegawai",
    description="Per Perangkat Daerah dan per jenis jabatan. Kekurangan dan kelebihan dijumlah "
    "per jabatan, sehingga kelebihan di satu jabatan tidak menutupi kekurangan di jabatan lain.",
)
def city_summary(
    request: HttpRequest,
    as_of: dt.date | None = Query(None, description="Tanggal acuan; bawaan hari ini"),
) -> Any:
    summary = selectors.city_summary(actor(request), as_of=as_of)
    return {
        "as_of": summary.as_of,
        "effective_minutes": int(summary.config.effective_minutes),
        "rounding_rule": summary.rounding_rule,
        "by_unit": [_line(line) for line in summary.by_unit],
        "by_kind": [_line(line) for line in summary.by_kind],
        "totals": _totals(summary.totals),
    }


@router.patch(
    "/workload/duties/{duty_id}",
    response={200: dict[str, Any], **WRITE_ERRORS},
    summary="Ubah volume, periode dan norma waktu sebuah tugas",
    description="Untuk analis organisasi dan admin. Nilai tidak valid ditolak (422) dengan "
    "`extra.field` yang menyebut isiannya; tidak ada yang berubah.",
)
def duty_update(
    request: HttpRequest, body: DutyIn, duty_id: int = Path(..., ge=1, le=MAX_ID)
) -> Any:
    who = actor(request)
    duty = selectors.duty_get_for(who, duty_id)
    services.duty_update(
        actor=who,
        duty=duty,
        volume=body.volume,
        period=body.period,
        time_norm_minutes=body.time_norm_minutes,
    )
    return {"position": _position(selectors.position_row(who, duty.position_id))}
