"""Reads of scenarios and of the structure (as graphs and metrics), scoped to the actor.

Who may do what (instansi-wide grants): org_analyst and admin read and write scenarios;
auditor reads; admin approves; org_analyst (or admin) enacts an approved scenario.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from penata.accounts.models import Role
from penata.accounts.scope import reach_of
from penata.core.dating import today
from penata.core.errors import ApplicationError, NotFound, PermissionDenied
from penata.org.models import Instansi
from penata.org.selectors import instansi_for
from penata.restructure.errors import RestructureError
from penata.restructure.graph import (
    Comparison,
    MetricsConfig,
    NodeId,
    OperationRefused,
    OrgGraph,
    StructureMetrics,
    compare,
    operation_from,
    structure_metrics,
)
from penata.restructure.graph import Scenario as Engine
from penata.restructure.graph.model import id_key, is_new_id, parse_node_id
from penata.restructure.graph.scenario import Replay
from penata.restructure.graph_loader import graph_from_db, metrics_config_for
from penata.restructure.models import Enactment, Scenario, ScenarioOperation, ScenarioStatus

READERS = (Role.ORG_ANALYST, Role.ADMIN, Role.AUDITOR)
WRITERS = (Role.ORG_ANALYST, Role.ADMIN)
APPROVERS = (Role.ADMIN,)
ENACTORS = (Role.ORG_ANALYST, Role.ADMIN)


def holds(actor: Any, instansi_id: int, roles: Iterable[str]) -> bool:
    """True when the actor has one of `roles` for the whole instansi (or is a superuser)."""
    reach = reach_of(actor)
    return reach.is_superuser or any(instansi_id in reach.whole.get(r, ()) for r in roles)


def holds_anywhere(actor: Any, roles: Iterable[str]) -> bool:
    """True when the actor has one of `roles` for a whole instansi (any), e.g. for menus."""
    reach = reach_of(actor)
    return reach.is_superuser or any(reach.whole.get(r) for r in roles)


def can_read(actor: Any, instansi_id: int) -> bool:
    return holds(actor, instansi_id, READERS)


def can_write(actor: Any, instansi_id: int) -> bool:
    return holds(actor, instansi_id, WRITERS)


def can_approve(actor: Any, instansi_id: int) -> bool:
    return holds(actor, instansi_id, APPROVERS)


def can_enact(actor: Any, instansi_id: int) -> bool:
    return holds(actor, instansi_id, ENACTORS)


def restructure_instansi_for(actor: Any) -> Instansi:
    """The instansi whose structure the actor analyses; PermissionDenied without a role."""
    instansi = instansi_for(actor)
    if not can_read(actor, instansi.id):
        raise PermissionDenied(
            _("Halaman penataan struktur hanya untuk analis organisasi, admin BKPSDM dan auditor.")
        )
    return instansi


def scenario_list(
    actor: Any, *, instansi: Instansi, status: str | None = None
) -> QuerySet[Scenario]:
    if not can_read(actor, instansi.id):
        return Scenario.objects.none()
    qs = Scenario.objects.filter(instansi=instansi).select_related("created_by")
    if status:
        qs = qs.filter(status=status)
    return qs.annotate(operation_count=Count("operations")).order_by("-updated_at", "-id")


def scenario_get_for(actor: Any, scenario_id: int) -> Scenario:
    """A scenario the actor may read, or NotFound (no existence leak)."""
    scenario = (
        Scenario.objects.select_related("instansi", "created_by", "submitted_by", "decided_by")
        .filter(pk=scenario_id)
        .first()
    )
    if scenario is None or not can_read(actor, scenario.instansi_id):
        raise NotFound("skenario")
    return scenario


def scenario_operations(scenario: Scenario) -> list[ScenarioOperation]:
    return list(scenario.operations.select_related("created_by").order_by("seq"))


def scenario_engine(
    scenario: Scenario, operations: list[ScenarioOperation] | None = None
) -> Engine:
    """The pure scenario (operations + cursor) of a stored one."""
    rows = operations if operations is not None else scenario_operations(scenario)
    try:
        ops = [operation_from(row.kind, row.params) for row in rows]
    except OperationRefused as refused:
        raise ApplicationError(
            RestructureError.STALE,
            _("Operasi tersimpan tidak dapat dibaca: %(errors)s") % {"errors": refused},
        ) from refused
    return Engine(ops, min(scenario.cursor, len(ops)))


@dataclass(frozen=True)
class ScenarioState:
    """A scenario computed against its baseline: the replay, both metrics, the comparison."""

    scenario: Scenario
    operations: list[ScenarioOperation]
    engine: Engine
    base: OrgGraph
    replay: Replay
    config: MetricsConfig
    base_metrics: StructureMetrics
    metrics: StructureMetrics
    comparison: Comparison

    @property
    def graph(self) -> OrgGraph:
        return self.replay.graph

    def descriptions(self, *, undone: bool = True) -> dict[int, str]:
        """What each operation does, by `seq`, in the active language (the stored
        `description` keeps the words of the day it was added): operations in force as the
        replay met them, undone ones as `redo` would bring them back."""
        steps = self.replay.steps
        if undone:
            steps += self.engine.preview_undone(self.replay.graph)
        return {step.index + 1: step.description for step in steps}


def scenario_state(scenario: Scenario, *, base: OrgGraph | None = None) -> ScenarioState:
    """Replay the scenario on the structure of its base date and compare the two."""
    config = metrics_config_for(scenario.instansi)
    base_graph = base or graph_from_db(scenario.instansi, scenario.base_date, abk=config.abk)
    operations = scenario_operations(scenario)
    engine = scenario_engine(scenario, operations)
    replay = engine.replay(base_graph)
    base_metrics = structure_metrics(base_graph, config)
    metrics = structure_metrics(replay.graph, config)
    comparison = compare(
        base_graph, replay.graph, config, base_metrics=base_metrics, other_metrics=metrics
    )
    return ScenarioState(
        scenario,
        operations,
        engine,
        base_graph,
        replay,
        config,
        base_metrics,
        metrics,
        comparison,
    )


def scenario_base(scenario: Scenario) -> OrgGraph:
    """The structure in force on the scenario's base date."""
    return graph_from_db(
        scenario.instansi, scenario.base_date, abk=metrics_config_for(scenario.instansi).abk
    )


def scenario_graph(scenario: Scenario) -> OrgGraph:
    """Only the structure the scenario produces (no metrics): for search selects."""
    config = metrics_config_for(scenario.instansi)
    base = graph_from_db(scenario.instansi, scenario.base_date, abk=config.abk)
    return scenario_engine(scenario).replay(base).graph


def _own_new_ids(graph: OrgGraph, prefix: str) -> OrgGraph:
    units = {u: f"{prefix}{u}" for u in graph.units if is_new_id(u)}
    positions = {p: f"{prefix}{p}" for p in graph.positions if is_new_id(p)}
    return graph.relabel(units, positions, {}) if units or positions else graph


def scenario_pair_comparison(first: ScenarioState, second: ScenarioState) -> Comparison:
    """Scenario vs scenario. Rows of the database keep their ids in both; nodes each scenario
    created (`new:N`) are told apart so that two different `new:1` are not taken as one."""
    left = _own_new_ids(first.graph, f"s{first.scenario.pk}:")
    right = _own_new_ids(second.graph, f"s{second.scenario.pk}:")
    return compare(
        left, right, first.config, base_metrics=first.metrics, other_metrics=second.metrics
    )


@dataclass(frozen=True)
class StructureSnapshot:
    day: dt.date
    graph: OrgGraph
    metrics: StructureMetrics


def structure_snapshot(instansi: Instansi, day: dt.date | None = None) -> StructureSnapshot:
    """The structure in force on `day` (default today) with its metrics, unscoped: for
    trusted callers (the CLI run by the operator, tasks). Faces use `structure_as_of`."""
    day = day or today()
    config = metrics_config_for(instansi)
    graph = graph_from_db(instansi, day, abk=config.abk)
    return StructureSnapshot(day, graph, structure_metrics(graph, config))


def structure_as_of(
    actor: Any, instansi: Instansi, day: dt.date | None = None
) -> StructureSnapshot:
    """The structure in force on `day` (default today) with its metrics, for an actor who
    may read it."""
    if not can_read(actor, instansi.id):
        raise NotFound("instansi")
    return structure_snapshot(instansi, day)


def instansi_by_code(code: str) -> Instansi:
    """An instansi by its Kemendagri code, for the CLI (which runs with full access)."""
    found = Instansi.objects.filter(code=code).first()
    if found is None:
        raise NotFound(f"instansi {code}")
    return found


def scenario_of_instansi(instansi: Instansi, scenario_id: int) -> Scenario:
    """A scenario of the instansi, unscoped (CLI)."""
    found = (
        Scenario.objects.select_related("instansi")
        .filter(pk=scenario_id, instansi=instansi)
        .first()
    )
    if found is None:
        raise NotFound(f"skenario {scenario_id}")
    return found


def lineage_between(
    instansi: Instansi, first: dt.date, second: dt.date
) -> tuple[dict[NodeId, NodeId], dict[NodeId, NodeId], dict[NodeId, NodeId]]:
    """Old row id → its successor on `second`, composed over the enactments effective after
    `first` up to `second` (units, positions, duties)."""
    maps: tuple[dict[NodeId, NodeId], dict[NodeId, NodeId], dict[NodeId, NodeId]] = ({}, {}, {})
    enactments = Enactment.objects.filter(
        instansi=instansi, effective_date__gt=first, effective_date__lte=second
    ).order_by("effective_date", "id")
    for enactment in enactments:
        for index, key in enumerate(("units", "positions", "duties")):
            step: dict[NodeId, NodeId] = {}
            for old_text, new_text in (enactment.lineage.get(key) or {}).items():
                old, new = parse_node_id(old_text), parse_node_id(new_text)
                if old is not None and new is not None:
                    step[old] = new
            current = maps[index]
            reached = set(current.values())
            for original, successor in current.items():
                if successor in step:
                    current[original] = step[successor]
            for old, new in step.items():
                if old not in reached and old not in current:
                    current[old] = new
    return maps


def structure_compare_dates(
    actor: Any, instansi: Instansi, first: dt.date, second: dt.date
) -> tuple[StructureSnapshot, StructureSnapshot, Comparison]:
    """The structures on two dates and what changed between them, rows lined up by the
    lineage that enactments recorded (a renamed unit shows as renamed, not removed + added)."""
    if first > second:
        first, second = second, first
    left = structure_as_of(actor, instansi, first)
    right = structure_as_of(actor, instansi, second)
    units, positions, duties = lineage_between(instansi, first, second)
    aligned = left.graph.relabel(units, positions, duties) if units or positions else left.graph
    config = metrics_config_for(instansi)
    comparison = compare(
        aligned, right.graph, config, base_metrics=left.metrics, other_metrics=right.metrics
    )
    # The earlier structure is returned under its successors' ids, as the comparison sees it.
    return StructureSnapshot(left.day, aligned, left.metrics), right, comparison


def enactment_list(actor: Any, *, instansi: Instansi) -> QuerySet[Enactment]:
    if not can_read(actor, instansi.id):
        return Enactment.objects.none()
    return (
        Enactment.objects.filter(instansi=instansi)
        .select_related("scenario", "enacted_by", "approved_by")
        .order_by("-effective_date", "-id")
    )


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    hint: str = ""


def graph_options(graph: OrgGraph, what: str, query: str = "", limit: int = 30) -> list[Option]:
    """Units, positions or duties of a (scenario) graph matching `query`, for search selects."""
    needle = query.strip().casefold()
    out: list[Option] = []
    if what == "unit":
        for uid in graph.tree_order():
            unit = graph.units[uid]
            if needle and needle not in unit.name.casefold() and needle not in unit.code.casefold():
                continue
            parent = graph.units.get(unit.parent) if unit.parent is not None else None
            out.append(Option(str(uid), unit.name, parent.name if parent else ""))
            if len(out) >= limit:
                break
    elif what == "position":
        for pid in sorted(graph.positions, key=id_key):
            node = graph.positions[pid]
            unit_name = graph.unit_label(node.unit)
            if (
                needle
                and needle not in node.title.casefold()
                and needle not in unit_name.casefold()
            ):
                continue
            holders = len(node.incumbents)
            hint = ngettext(
                "%(unit)s · %(count)d pemangku", "%(unit)s · %(count)d pemangku", holders
            ) % {"unit": unit_name, "count": holders}
            out.append(Option(str(pid), node.title, hint))
            if len(out) >= limit:
                break
    elif what == "duty":
        for did in sorted(graph.duties, key=id_key):
            duty = graph.duties[did]
            holder = graph.positions.get(duty.position)
            if (
                needle
                and needle not in duty.statement.casefold()
                and (holder is None or needle not in holder.title.casefold())
            ):
                continue
            out.append(Option(str(did), duty.statement[:120], graph.position_label(duty.position)))
            if len(out) >= limit:
                break
    return out


def scenario_statuses() -> list[tuple[str, str]]:
    return [(s.value, str(s.label)) for s in ScenarioStatus]
