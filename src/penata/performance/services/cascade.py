"""Cascading: a supervisor turns one of their RHK into RHK of many subordinates at once.

One service call for any number of subordinates: the SKPs that do not exist yet are opened as
drafts, and every new RHK (linked to the supervisor's RHK) and its indicators are written
with bulk inserts, so the number of queries does not grow with the number of people.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Max

from penata.core import audit
from penata.core.dating import today
from penata.org.models import Unit
from penata.org.selectors import unit_perangkat_daerah_map
from penata.people.models import Employee
from penata.performance.errors import PerformanceError as E
from penata.performance.errors import invalid, refused
from penata.performance.models import Indicator, Rhk, Skp
from penata.performance.selectors.common import settings_for
from penata.performance.selectors.evaluators import evaluatees_of, own_posts
from penata.performance.services.common import acting_employee_id
from penata.performance.services.rhk import IndicatorInput, clean_indicators, clean_rhk_text


@dataclass
class CascadeResult:
    created: list[Rhk] = field(default_factory=list)
    skps_opened: int = 0
    # employee id → why that subordinate's SKP was left unchanged
    skipped: dict[int, str] = field(default_factory=dict)


SKIP_REASONS: dict[str, str] = {
    "submitted": "SKP sedang diajukan",
    "approved": "SKP sudah disetujui (perlu revisi lebih dulu)",
}


@transaction.atomic
def rhk_cascade(
    *,
    actor: Any,
    parent: Rhk,
    employee_ids: Sequence[int],
    text: str,
    kind: str,
    indicators: Sequence[IndicatorInput],
) -> CascadeResult:
    """Give each chosen subordinate an RHK that intervenes `parent` (one of the actor's RHK).

    Targets must be people the actor evaluates (pejabat penilai) this year; a target whose
    SKP is submitted or approved is skipped (listed in the result), one without an SKP gets
    a new draft. Refuses everything when a target is not the actor's subordinate.
    """
    me = acting_employee_id(actor)
    parent_skp = parent.skp
    if me is None or parent_skp.employee_id != me:
        raise refused(E.CASCADE_NOT_OWNER, "Hanya pemilik RHK yang dapat menurunkannya ke bawahan.")
    wanted = sorted(set(employee_ids))
    if not wanted:
        raise invalid(E.CASCADE_NO_TARGETS, "Pilih paling sedikit satu bawahan.", "employees")
    cleaned_text = clean_rhk_text(text, kind)
    items = clean_indicators(indicators)
    day = _day_in(parent_skp.year)
    mine = evaluatees_of(parent_skp.instansi_id, me, day)
    strangers = [e for e in wanted if e not in mine]
    if strangers:
        raise refused(
            E.CASCADE_NOT_SUBORDINATE,
            "Sebagian pegawai yang dipilih bukan bawahan yang Anda nilai.",
            employees=strangers,
        )
    result = CascadeResult()
    skps = {
        s.employee_id: s
        for s in Skp.objects.select_for_update().filter(
            instansi_id=parent_skp.instansi_id, year=parent_skp.year, employee_id__in=wanted
        )
    }
    missing = [e for e in wanted if e not in skps]
    if missing:
        opened = _open_skps(actor, parent_skp.instansi_id, missing, parent_skp.year, day, mine)
        result.skps_opened = len(opened)
        skps.update({s.employee_id: s for s in opened})
    targets: list[Skp] = []
    for employee_id in wanted:
        skp = skps[employee_id]
        if skp.is_editable:
            targets.append(skp)
        else:
            result.skipped[employee_id] = SKIP_REASONS.get(skp.status, skp.get_status_display())
    orders = dict(
        Rhk.objects.filter(skp__in=targets).values_list("skp_id").annotate(n=Max("sort_order"))
    )
    rhks = Rhk.objects.bulk_create(
        [
            Rhk(
                instansi_id=skp.instansi_id,
                skp=skp,
                parent=parent,
                kind=kind,
                text=cleaned_text,
                sort_order=(orders.get(skp.pk) or 0) + 1,
            )
            for skp in targets
        ]
    )
    Indicator.objects.bulk_create(
        [
            Indicator(
                instansi_id=rhk.instansi_id,
                rhk=rhk,
                aspect=item.aspect,
                text=item.text,
                target=item.target,
                unit=item.unit,
                sort_order=order,
            )
            for rhk in rhks
            for order, item in enumerate(items, start=1)
        ]
    )
    result.created = rhks
    audit.record(
        actor=actor,
        action="skp.rhk_cascade",
        obj=parent,
        after={
            "text": cleaned_text,
            "kind": kind,
            "indicators": [f"{i.aspect}: {i.text} = {i.target} {i.unit}" for i in items],
        },
        extra={
            "rhk": [r.pk for r in rhks],
            "skp_opened": result.skps_opened,
            "skipped": sorted(result.skipped),
        },
    )
    return result


def _day_in(year: int) -> dt.date:
    on = today()
    if on.year == year:
        return on
    return dt.date(year, 1, 1) if year > on.year else dt.date(year, 12, 31)


def _open_skps(
    actor: Any,
    instansi_id: int,
    employee_ids: list[int],
    year: int,
    day: dt.date,
    evaluators: dict[int, Any],
) -> list[Skp]:
    """Draft SKPs for subordinates who have none yet, in bulk (a fixed number of queries)."""
    posts = own_posts(employee_ids, day)
    units = {u.pk: u for u in Unit.objects.filter(pk__in={p.unit_id for p in posts.values()})}
    pd_of = unit_perangkat_daerah_map(list(units.values()))
    employees = Employee.objects.in_bulk(employee_ids)
    frequency = settings_for(instansi_id).frequency
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    rows = []
    for employee_id in employee_ids:
        post = posts[employee_id]
        evaluator = evaluators[employee_id]
        pd = pd_of.get(post.unit_id)
        rows.append(
            Skp(
                instansi_id=instansi_id,
                employee=employees[employee_id],
                year=year,
                position_id=post.position_id,
                unit_id=post.unit_id,
                perangkat_daerah_id=pd.pk if pd else None,
                start=max(first, min(post.start, last)),
                end=last,
                frequency=frequency,
                evaluator_id=evaluator.employee_id,
                evaluator_position_id=evaluator.position_id,
                evaluator_acting=evaluator.acting,
                evaluator_is_fallback=evaluator.is_fallback,
            )
        )
    created = Skp.objects.bulk_create(rows)
    audit.record(
        actor=actor,
        action="skp.create_by_cascade",
        object_type="performance.skp",
        instansi_id=instansi_id,
        extra={"skp": [s.pk for s in created], "year": year},
    )
    return created
