"""Reads of the overlap review, scoped to the actor: runs, findings, heat map, drafts.

Readers are the restructure readers (org_analyst, admin, auditor instansi-wide); a run or a
finding of another instansi, or seen by anybody else, is NotFound.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from penata.core.errors import NotFound
from penata.org.models import Instansi, Unit
from penata.restructure.models import (
    OverlapDecision,
    OverlapDecisionStatus,
    OverlapFinding,
    OverlapRun,
    OverlapRunStatus,
    Scenario,
    ScenarioStatus,
)
from penata.restructure.selectors import can_read


def overlap_run_latest(actor: Any, *, instansi: Instansi) -> OverlapRun | None:
    if not can_read(actor, instansi.id):
        return None
    return OverlapRun.objects.filter(instansi=instansi).select_related("started_by").first()


def overlap_run_latest_done(actor: Any, *, instansi: Instansi) -> OverlapRun | None:
    if not can_read(actor, instansi.id):
        return None
    return (
        OverlapRun.objects.filter(instansi=instansi, status=OverlapRunStatus.DONE)
        .select_related("started_by")
        .first()
    )


def overlap_run_get_for(actor: Any, run_id: int) -> OverlapRun:
    run = OverlapRun.objects.select_related("instansi", "started_by").filter(pk=run_id).first()
    if run is None or not can_read(actor, run.instansi_id):
        raise NotFound("pemeriksaan")
    return run


def overlap_finding_list(
    actor: Any, *, run: OverlapRun, unit_id: int | None = None, status: str = ""
) -> QuerySet[OverlapFinding]:
    """Findings of a run by score, highest first; `unit_id` keeps those touching the unit."""
    if not can_read(actor, run.instansi_id):
        return OverlapFinding.objects.none()
    qs = OverlapFinding.objects.filter(run=run)
    if status:
        qs = qs.filter(status=status)
    if unit_id is not None:
        ids = [pk for pk, units in qs.values_list("pk", "unit_ids") if unit_id in units]
        qs = qs.filter(pk__in=ids)
    return qs.order_by("-score", "id")


def overlap_finding_get_for(actor: Any, finding_id: int) -> OverlapFinding:
    finding = (
        OverlapFinding.objects.select_related("run", "run__instansi").filter(pk=finding_id).first()
    )
    if finding is None or not can_read(actor, finding.run.instansi_id):
        raise NotFound("temuan")
    return finding


def overlap_decisions_for(findings: list[OverlapFinding]) -> dict[str, OverlapDecision]:
    """The decisions of the findings by key (one query)."""
    if not findings:
        return {}
    instansi_id = findings[0].run.instansi_id
    rows = OverlapDecision.objects.filter(
        instansi_id=instansi_id, key__in=[f.key for f in findings]
    ).select_related("owner_unit", "decided_by", "scenario")
    return {d.key: d for d in rows}


def overlap_units(run: OverlapRun) -> list[Unit]:
    """The units that appear in the run's findings, by name (for the filter and heat map)."""
    ids: set[int] = set()
    for units in OverlapFinding.objects.filter(run=run).values_list("unit_ids", flat=True):
        ids.update(units)
    return list(Unit.objects.filter(pk__in=ids).order_by("path"))


def overlap_heatmap(actor: Any, *, run: OverlapRun) -> dict[str, Any]:
    """Unit × unit counts of overlapping duty pairs of a run (symmetric), for ECharts."""
    if not can_read(actor, run.instansi_id):
        return {"units": [], "cells": [], "max": 0}
    units = overlap_units(run)
    index = {unit.pk: i for i, unit in enumerate(units)}
    counts: dict[tuple[int, int], int] = {}
    rows = OverlapFinding.objects.filter(run=run).values_list("duties", "pairs")
    for duties, pairs in rows:
        unit_of = {d["id"]: d["unit_id"] for d in duties}
        for pair in pairs:
            a, b = index[unit_of[pair["a"]]], index[unit_of[pair["b"]]]
            for cell in {(a, b), (b, a)}:
                counts[cell] = counts.get(cell, 0) + 1
    cells = [[x, y, n] for (x, y), n in sorted(counts.items())]
    return {
        "units": [unit.name for unit in units],
        "cells": cells,
        "max": max(counts.values(), default=0),
    }


def overlap_draft_scenarios(actor: Any, *, instansi_id: int) -> QuerySet[Scenario]:
    if not can_read(actor, instansi_id):
        return Scenario.objects.none()
    return Scenario.objects.filter(instansi_id=instansi_id, status=ScenarioStatus.DRAFT).order_by(
        "-updated_at", "-id"
    )


def overlap_statuses() -> list[tuple[str, str]]:
    return [(str(value), str(label)) for value, label in OverlapDecisionStatus.choices]
