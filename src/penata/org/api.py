"""/api/v1 operations on the organisation: units, positions, the org chart, public units.

Handlers validate the query, call selectors and shape the answer; they never touch models.
"""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Path, Query, Router
from ninja.pagination import paginate

from penata.core.api_auth import actor
from penata.core.api_shapes import ERRORS, MAX_ID, NO_NUL, PUBLIC_ERRORS, Pages
from penata.core.errors import NotFound
from penata.org import selectors
from penata.org.schemas import (
    AS_OF,
    ChartNodeOut,
    PositionDetailOut,
    PositionFilters,
    PositionOut,
    PublicUnitOut,
    UnitDetailOut,
    UnitFilters,
    UnitOut,
    UnitPositionFilters,
)
from penata.people import selectors as people_selectors

router = Router(tags=["Organisasi"])
public_router = Router(auth=None, tags=["Publik"])


def _kind(value: Any) -> str | None:
    return value.value if value is not None else None


@router.get(
    "/units",
    response={200: list[UnitOut], **ERRORS},
    summary="Daftar unit organisasi",
    description="Unit organisasi instansi Anda yang berlaku pada tanggal acuan, urut pohon.",
)
@paginate(Pages)
def unit_list(request: HttpRequest, filters: Query[UnitFilters]) -> Any:
    who = actor(request)
    instansi = selectors.instansi_for(who)
    parent = selectors.unit_get_for(who, filters.parent) if filters.parent else None
    subtree_of = selectors.unit_get_for(who, filters.subtree_of) if filters.subtree_of else None
    kind = _kind(filters.kind)
    return selectors.unit_list(
        who,
        instansi=instansi,
        as_of=filters.as_of,
        search=filters.q,
        kinds=[kind] if kind else None,
        parent=parent,
        subtree_of=subtree_of,
    )


@router.get(
    "/units/{unit_id}",
    response={200: UnitDetailOut, **ERRORS},
    summary="Rincian unit",
    description="Unit dengan unit atasannya, jumlah subunit, dan ringkasan pegawai dan jabatan.",
)
def unit_detail(
    request: HttpRequest,
    unit_id: int = Path(..., ge=1, le=MAX_ID, description="ID unit"),
    as_of: dt.date | None = Query(None, description=AS_OF),
) -> Any:
    unit: Any = selectors.unit_get_for(actor(request), unit_id)
    unit.ancestors = selectors.unit_ancestors(unit)
    unit.children_count = selectors.unit_children(unit, as_of=as_of).count()
    unit.headcount = selectors.unit_headcount(unit, as_of=as_of)
    return unit


@router.get(
    "/units/{unit_id}/positions",
    response={200: list[PositionOut], **ERRORS},
    summary="Jabatan pada unit",
    description="Peta jabatan unit (kepala unit lebih dulu), termasuk jabatan lowong.",
)
@paginate(Pages)
def unit_positions(
    request: HttpRequest,
    filters: Query[UnitPositionFilters],
    unit_id: int = Path(..., ge=1, le=MAX_ID, description="ID unit"),
) -> Any:
    who = actor(request)
    unit = selectors.unit_get_for(who, unit_id)
    return selectors.position_list(
        who,
        instansi=unit.instansi,
        unit=unit,
        subtree=filters.subtree,
        as_of=filters.as_of,
        kind=_kind(filters.kind),
        vacant=filters.vacant,
        with_incumbent_count=True,
    )


def _prune(node: dict[str, Any], levels: int) -> dict[str, Any]:
    if levels <= 0:
        return {**node, "children": []}
    return {**node, "children": [_prune(c, levels - 1) for c in node["children"]]}


@router.get(
    "/units/{unit_id}/chart",
    response={200: ChartNodeOut, **ERRORS},
    summary="Bagan organisasi unit",
    description=(
        "Pohon unit dan subunitnya untuk bagan organisasi: jabatan kepala unit, nama pejabat "
        "(data publik pejabat), jumlah jabatan dan pegawai per unit."
    ),
)
def unit_chart(
    request: HttpRequest,
    unit_id: int = Path(..., ge=1, le=MAX_ID, description="ID unit"),
    depth: int = Query(3, ge=0, le=20, description="Berapa tingkat subunit (0 = unit saja)"),
    as_of: dt.date | None = Query(None, description=AS_OF),
) -> Any:
    unit = selectors.unit_get_for(actor(request), unit_id)
    tree = selectors.unit_chart(unit, as_of=as_of)
    if not tree:
        raise NotFound("unit pada tanggal itu")
    return _prune(tree, depth)


@router.get(
    "/positions",
    response={200: list[PositionOut], **ERRORS},
    summary="Daftar jabatan",
    description="Jabatan (baris peta jabatan) instansi Anda yang berlaku pada tanggal acuan.",
)
@paginate(Pages)
def position_list(request: HttpRequest, filters: Query[PositionFilters]) -> Any:
    who = actor(request)
    instansi = selectors.instansi_for(who)
    unit = selectors.unit_get_for(who, filters.unit) if filters.unit else None
    return selectors.position_list(
        who,
        instansi=instansi,
        unit=unit,
        subtree=filters.subtree,
        as_of=filters.as_of,
        kind=_kind(filters.kind),
        search=filters.q,
        vacant=filters.vacant,
        with_incumbent_count=True,
    )


@router.get(
    "/positions/{position_id}",
    response={200: PositionDetailOut, **ERRORS},
    summary="Rincian jabatan",
    description=(
        "Jabatan dengan uraian tugas, pemangku (nama hanya untuk pegawai dalam kewenangan "
        "Anda; selebihnya dihitung) dan garis atasan sampai pimpinan tertinggi."
    ),
)
def position_detail(
    request: HttpRequest,
    position_id: int = Path(..., ge=1, le=MAX_ID, description="ID jabatan"),
    as_of: dt.date | None = Query(None, description=AS_OF),
) -> Any:
    who = actor(request)
    position: Any = selectors.position_get_for(who, position_id)
    held = people_selectors.position_incumbents(position, as_of=as_of)
    visible = people_selectors.visible_employee_ids(who, [a.employee_id for a in held])
    position.incumbent_count = len(held)
    position.incumbents = [
        {"employee_id": a.employee_id, "name": a.employee.full_name, "acting": a.acting}
        for a in held
        if a.employee_id in visible
    ]
    position.hidden_incumbent_count = len(held) - len(position.incumbents)
    position.duty_list = list(selectors.duty_list(position))
    position.reporting_chain = selectors.position_reporting_chain(position)
    return position


@public_router.get(
    "/units",
    response={200: list[PublicUnitOut], **PUBLIC_ERRORS},
    summary="Daftar Perangkat Daerah (publik)",
    description=(
        "Tanpa login. Perangkat Daerah dan unit di bawahnya dengan nama jabatan kepalanya "
        "saja — tanpa data pribadi (tanpa nama, NIP, NIK, tanggal lahir)."
    ),
)
@paginate(Pages)
def public_unit_list(
    request: HttpRequest,
    instansi: str | None = Query(
        None,
        max_length=20,
        pattern=NO_NUL,
        description="Kode instansi (Kemendagri, mis. 3372); bawaan: instansi utama",
    ),
    as_of: dt.date | None = Query(None, description=AS_OF),
) -> Any:
    found = selectors.instansi_by_code(instansi)
    return selectors.public_unit_list(found, as_of=as_of)
