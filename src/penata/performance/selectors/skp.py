"""Reads of SKP plans, scoped to the acting user."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, QuerySet

from penata.accounts.scope import reach_of
from penata.core.dating import today
from penata.core.errors import NotFound
from penata.people.models import Employee
from penata.performance.models import BehaviourExpectation, Indicator, Rhk, Skp, SkpVersion
from penata.performance.selectors.common import reach_q
from penata.performance.selectors.evaluators import PejabatPenilai, evaluatees_of
from penata.performance.values import BERAKHLAK, BERAKHLAK_BEHAVIOURS


def skp_queryset() -> QuerySet[Skp]:
    return Skp.objects.select_related(
        "employee", "position", "unit", "perangkat_daerah", "evaluator", "evaluator_position"
    )


def skp_list(
    actor: Any,
    *,
    instansi_id: int,
    year: int | None = None,
    status: str | None = None,
    employee_id: int | None = None,
) -> QuerySet[Skp]:
    """SKPs the actor reaches (own, evaluated, supervised, unit, instansi), newest first."""
    qs = skp_queryset().filter(reach_q(actor), instansi_id=instansi_id)
    if year:
        qs = qs.filter(year=year)
    if status:
        qs = qs.filter(status=status)
    if employee_id:
        qs = qs.filter(employee_id=employee_id)
    return qs.order_by("-year", "employee__name", "id")


def skp_get_for(actor: Any, skp_id: int) -> Skp:
    """One SKP the actor reaches, or NotFound (out of reach looks like missing)."""
    found = skp_queryset().filter(reach_q(actor), pk=skp_id).first()
    if found is None:
        raise NotFound("SKP")
    return found


def skp_of(employee_id: int, year: int) -> Skp | None:
    return skp_queryset().filter(employee_id=employee_id, year=year).first()


def rhk_list(skp: Skp) -> list[Rhk]:
    """The SKP's RHK (utama first) with indicators, the intervened RHK and how many
    subordinates' RHK intervene each."""
    return list(
        Rhk.objects.filter(skp=skp)
        .select_related("parent", "parent__skp__employee")
        .prefetch_related(
            Prefetch("indicators", queryset=Indicator.objects.order_by("sort_order", "id"))
        )
        .annotate(children_count=Count("children", distinct=True))
        .order_by("-kind", "sort_order", "id")
    )


def rhk_get_for(actor: Any, rhk_id: int) -> Rhk:
    found = (
        Rhk.objects.select_related("skp", "skp__employee", "parent")
        .filter(pk=rhk_id)
        .filter(skp__in=Skp.objects.filter(reach_q(actor)))
        .first()
    )
    if found is None:
        raise NotFound("RHK")
    return found


def superior_rhks(skp: Skp) -> list[Rhk]:
    """RHK of the pejabat penilai's SKP of the same year: what this SKP's RHK may intervene."""
    if skp.evaluator_id is None:
        return []
    return list(
        Rhk.objects.filter(skp__employee_id=skp.evaluator_id, skp__year=skp.year).order_by(
            "-kind", "sort_order", "id"
        )
    )


@dataclass(frozen=True)
class ExpectationRow:
    value: str
    label: str
    behaviour: str
    specific: list[BehaviourExpectation]


def expectation_rows(skp: Skp) -> list[ExpectationRow]:
    """The seven BerAKHLAK values, each with the leader's specific expectations."""
    by_value: dict[str, list[BehaviourExpectation]] = {}
    for item in BehaviourExpectation.objects.filter(skp=skp).order_by("id"):
        by_value.setdefault(item.value, []).append(item)
    return [
        ExpectationRow(code, label, BERAKHLAK_BEHAVIOURS[code], by_value.get(code, []))
        for code, label in BERAKHLAK.items()
    ]


def skp_versions(skp: Skp) -> QuerySet[SkpVersion]:
    return SkpVersion.objects.filter(skp=skp).select_related("approved_by").order_by("-number")


@dataclass(frozen=True)
class Evaluatee:
    employee: Employee
    how: PejabatPenilai
    skp: Skp | None


def evaluatee_list(actor: Any, year: int, on: dt.date | None = None) -> list[Evaluatee]:
    """People the actor evaluates (as pejabat penilai) with their SKP of `year`, by name."""
    reach = reach_of(actor)
    if reach.employee_id is None:
        return []
    me = Employee.objects.filter(pk=reach.employee_id).values_list("instansi_id", flat=True).first()
    if me is None:
        return []
    found = evaluatees_of(me, reach.employee_id, on or today())
    if not found:
        return []
    people = Employee.objects.filter(pk__in=found).order_by("name", "id")
    skps = {s.employee_id: s for s in skp_queryset().filter(employee_id__in=found, year=year)}
    return [Evaluatee(p, found[p.pk], skps.get(p.pk)) for p in people]


def cascade_candidates(parent: Rhk, evaluator_id: int) -> list[tuple[Employee, Skp | None]]:
    """The people `evaluator_id` evaluates, with their SKP of the parent RHK's year."""
    found = evaluatees_of(parent.skp.instansi_id, evaluator_id, today())
    people = Employee.objects.filter(pk__in=found).order_by("name", "id")
    skps = {
        s.employee_id: s for s in Skp.objects.filter(employee_id__in=found, year=parent.skp.year)
    }
    return [(p, skps.get(p.pk)) for p in people]


def expectation_get_for(actor: Any, expectation_id: int) -> BehaviourExpectation:
    found = (
        BehaviourExpectation.objects.select_related("skp")
        .filter(pk=expectation_id, skp__in=Skp.objects.filter(reach_q(actor)))
        .first()
    )
    if found is None:
        raise NotFound("ekspektasi")
    return found
