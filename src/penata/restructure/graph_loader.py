"""Build an `OrgGraph` from the database: the structure in force on a date, in five queries
whatever its size (plain rows, no model instances)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import CharField, QuerySet
from django.db.models.functions import Cast

from penata.core.dating import today, valid_on
from penata.core.gc_tuning import gc_paused
from penata.core.rows import fetch_rows
from penata.org.models import Duty, Instansi, Position, Unit
from penata.people.models import Assignment
from penata.restructure.graph import (
    DeferredDuties,
    DutyNode,
    MetricsConfig,
    NodeId,
    OrgGraph,
    PersonNode,
    PositionNode,
    UnitNode,
)
from penata.restructure.graph.metrics import abk_cache_key, post_abk_figures
from penata.restructure.models import PositionRole
from penata.workload.rules import AbkConfig, normalize_period


def abk_config_for(instansi: Instansi) -> AbkConfig:
    """The ABK settings of an instansi (its WKE; the other numbers keep their defaults)."""
    return AbkConfig(effective_minutes=Decimal(instansi.effective_minutes))


def metrics_config_for(instansi: Instansi) -> MetricsConfig:
    """Metric settings: the instansi's WKE and the span-of-control range of the settings
    (`PENATA_SPAN_OF_CONTROL = (min, max)`, default 3–12)."""
    span_min, span_max = getattr(settings, "PENATA_SPAN_OF_CONTROL", (3, 12))
    return MetricsConfig(span_min=span_min, span_max=span_max, abk=abk_config_for(instansi))


@dataclass(frozen=True)
class StructureQueries:
    """The five row queries a graph is built from (evaluated by `graph_from_db`; the
    benchmark evaluates them alone as its baseline)."""

    units: QuerySet[Any]
    assignments: QuerySet[Any]
    roles: QuerySet[Any]
    positions: QuerySet[Any]
    duties: QuerySet[Any]

    def all(self) -> tuple[QuerySet[Any], ...]:
        return (self.units, self.assignments, self.roles, self.positions, self.duties)


def structure_querysets(instansi: Instansi, day: dt.date) -> StructureQueries:
    return StructureQueries(
        units=Unit.objects.filter(valid_on(day), instansi=instansi).values_list(
            "id", "parent_id", "kind", "code", "name", "sort_order"
        ),
        assignments=Assignment.objects.filter(
            valid_on(day, "position__"), instansi=instansi, start__lte=day
        )
        .exclude(end__lt=day)
        .order_by("employee__name", "employee_id")
        .values_list(
            "position_id",
            "employee_id",
            "acting",
            "employee__name",
            "employee__front_title",
            "employee__back_title",
            "employee__nip",
        ),
        roles=PositionRole.objects.filter(
            valid_on(day, "position__"), position__instansi=instansi
        ).values_list("position_id", "role", "former_kind", "former_eselon"),
        positions=Position.objects.filter(valid_on(day), instansi=instansi).values_list(
            "id",
            "unit_id",
            "title",
            "kind",
            "jf_jenjang",
            "kelas_jabatan",
            "eselon",
            "reports_to_id",
            "is_unit_head",
            "is_penyetaraan",
            "sort_order",
        ),
        # Volume and norm come as text: Django's SQLite converter (float → Decimal → quantize)
        # costs more than the rest of loading 200,000 duties; Decimal(text) is exact and fast.
        duties=Duty.objects.filter(valid_on(day, "position__"), position__instansi=instansi)
        .order_by("position_id", "sort_order", "id")
        .annotate(
            volume_text=Cast("volume", CharField()),
            norm_text=Cast("time_norm_minutes", CharField()),
        )
        .values_list(
            "id", "position_id", "statement", "output_unit", "volume_text", "period", "norm_text"
        ),
    )


@gc_paused
def graph_from_db(
    instansi: Instansi, as_of: dt.date | None = None, *, abk: AbkConfig | None = None
) -> OrgGraph:
    """The structure of `instansi` in force on `as_of` (default today) as an OrgGraph.

    Incumbents are the assignments in force that day (Plt/Plh as `acting`). Duty volumes
    are annualised with the period factors of `abk` (default: the instansi's).
    """
    day = as_of or today()
    config = abk or abk_config_for(instansi)
    queries = structure_querysets(instansi, day)
    units = [
        UnitNode(uid, parent, kind, code, name, sort_order)
        for uid, parent, kind, code, name, sort_order in fetch_rows(queries.units)
    ]
    held: dict[int, list[int]] = {}
    acting: dict[int, list[int]] = {}
    people: dict[int, PersonNode] = {}
    for position_id, employee_id, acting_kind, name, front, back, nip in fetch_rows(
        queries.assignments
    ):
        (acting if acting_kind else held).setdefault(position_id, []).append(employee_id)
        if employee_id not in people:
            full = f"{front} {name}".strip()
            people[employee_id] = PersonNode(employee_id, f"{full}, {back}" if back else full, nip)
    roles = {
        position_id: (role, former_kind, former_eselon)
        for position_id, role, former_kind, former_eselon in fetch_rows(queries.roles)
    }
    positions = []
    for (
        pid,
        unit_id,
        title,
        kind,
        jenjang,
        kelas,
        eselon,
        reports_to,
        is_head,
        is_penyetaraan,
        sort_order,
    ) in fetch_rows(queries.positions):
        role, former_kind, former_eselon = roles.get(pid, ("", "", ""))
        positions.append(
            PositionNode(
                id=pid,
                unit=unit_id,
                title=title,
                kind=kind,
                jenjang=jenjang,
                kelas=kelas,
                eselon=eselon,
                reports_to=reports_to,
                is_unit_head=bool(is_head),
                incumbents=tuple(held.get(pid, ())),
                acting=tuple(acting.get(pid, ())),
                role=role,
                is_penyetaraan=bool(is_penyetaraan),
                former_kind=former_kind,
                former_eselon=former_eselon,
                sort_order=sort_order,
            )
        )
    # Volume, period and norm repeat a lot: convert each combination once, with its yearly
    # workload, and add up each post's workload on the way (the metrics' per-post ABK). The
    # duty nodes themselves are made only when something asks for them (`DeferredDuties`).
    numbers: dict[tuple[str, str, str], tuple[Decimal, Decimal, Decimal, Decimal]] = {}
    workload_of: dict[NodeId, Decimal] = {}
    zero = Decimal(0)
    duty_rows = fetch_rows(queries.duties)
    for _did, position_id, _statement, _output_unit, volume, period, norm in duty_rows:
        key = (volume, period, norm)
        converted = numbers.get(key)
        if converted is None:
            converted = numbers[key] = _duty_numbers(volume, period, norm, config)
        workload_of[position_id] = workload_of.get(position_id, zero) + converted[3]

    def duty_nodes() -> dict[NodeId, DutyNode]:
        nodes: dict[NodeId, DutyNode] = {}
        for did, position_id, statement, output_unit, volume, period, norm in duty_rows:
            volume_value, factor, norm_value, _workload = numbers[(volume, period, norm)]
            nodes[did] = DutyNode(
                did, position_id, statement, output_unit, volume_value, period, factor, norm_value
            )
        return nodes

    post_abk = post_abk_figures((p.id for p in positions), workload_of, config)
    return OrgGraph(
        {u.id: u for u in units},
        {p.id: p for p in positions},
        DeferredDuties(duty_nodes, len(duty_rows)),
        people,
        post_abk=(abk_cache_key(config), post_abk),
    )


def _duty_numbers(
    volume: str, period: str, norm: str, config: AbkConfig
) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    """Volume, annualising factor, norm and yearly workload minutes of a duty row."""
    code = normalize_period(period, config)
    factor = config.period_factors[code] if code else Decimal(1)
    volume_value, norm_value = Decimal(volume), Decimal(norm)
    return volume_value, factor, norm_value, volume_value * factor * norm_value
