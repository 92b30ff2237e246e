"""Who an announcement reaches: derived from a restructuring scenario or enactment (the
employees it affects, the staff of their units, their supervisors), or from targeting
(unit subtree, position kinds, a list of employees)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from penata.core.dating import today
from penata.org.models import Position, Unit
from penata.people.models import Assignment, Employee
from penata.people.selectors import current_assignment_q
from penata.restructure.models import Enactment, Scenario

# Why someone is in the audience; the first reason found wins, in this order.
# The labels are lazily translated; the stored reason is the key.
REASONS = {
    "affected": _("terdampak langsung"),
    "supervisor": _("atasan pegawai terdampak"),
    "unit": _("rekan satu unit"),
    "target": _("sasaran pengumuman"),
    "list": _("daftar penerima"),
}


def _db_ids(values: Iterable[object]) -> set[int]:
    # Nodes a scenario creates carry ids like "new:3"; only database rows reach people now.
    return {v for v in values if isinstance(v, int)}


def audience_from_scenario(scenario: Scenario) -> dict[int, str]:
    """Employee id → reason, for everybody a scenario's changes concern."""
    from penata.restructure.selectors import scenario_state

    # Read afresh: the cursor moves with every operation added or undone.
    fresh = Scenario.objects.select_related("instansi").get(pk=scenario.pk)
    affected = scenario_state(fresh).comparison.affected
    found: dict[int, str] = {a.employee: "affected" for a in affected}
    units: set[object] = set()
    posts: set[object] = set()
    for person in affected:
        for ref in (person.before, person.after):
            if ref is not None:
                units.add(ref.unit)
        if person.before is not None:
            posts.add(person.before.position)
    current = current_assignment_q()
    supervisor_posts = Position.objects.filter(
        id__in=_db_ids(posts), reports_to__isnull=False
    ).values("reports_to_id")
    for employee_id in (
        Assignment.objects.filter(current, position_id__in=supervisor_posts)
        .values_list("employee_id", flat=True)
        .distinct()
    ):
        found.setdefault(employee_id, "supervisor")
    for employee_id in (
        Assignment.objects.filter(current, position__unit_id__in=_db_ids(units))
        .values_list("employee_id", flat=True)
        .distinct()
    ):
        found.setdefault(employee_id, "unit")
    return found


def audience_from_enactment(enactment: Enactment) -> dict[int, str]:
    """Employee id → reason, for everybody an enactment concerns: the employees its confirmed
    crosswalk carried over (affected), the supervisors and staff of the posts they left and
    took, then whoever its scenario's own derivation adds."""
    carried = [row for row in enactment.crosswalk if isinstance(row, dict)]
    found: dict[int, str] = {
        int(row["employee"]): "affected" for row in carried if row.get("employee") is not None
    }
    posts = _db_ids(row.get(key) for row in carried for key in ("from_position", "to_position"))
    current = current_assignment_q()
    supervisor_posts = Position.objects.filter(id__in=posts, reports_to__isnull=False).values(
        "reports_to_id"
    )
    for employee_id in (
        Assignment.objects.filter(current, position_id__in=supervisor_posts)
        .values_list("employee_id", flat=True)
        .distinct()
    ):
        found.setdefault(employee_id, "supervisor")
    units = Position.objects.filter(id__in=posts).values("unit_id")
    for employee_id in (
        Assignment.objects.filter(current, position__unit_id__in=units)
        .values_list("employee_id", flat=True)
        .distinct()
    ):
        found.setdefault(employee_id, "unit")
    for employee_id, reason in audience_from_scenario(enactment.scenario).items():
        found.setdefault(employee_id, reason)
    return found


def audience_from_targets(
    *,
    instansi_id: int,
    unit: Unit | None,
    kinds: list[str],
    employee_ids: list[int],
) -> dict[int, str]:
    """Employee id → reason for a targeted announcement (unit subtree and/or position kinds,
    plus a list)."""
    found: dict[int, str] = {}
    if unit is not None or kinds:
        q = current_assignment_q() & Q(instansi_id=instansi_id)
        if unit is not None:
            q &= Q(position__unit__path__startswith=unit.path)
        if kinds:
            q &= Q(position__kind__in=kinds)
        for employee_id in (
            Assignment.objects.filter(q).values_list("employee_id", flat=True).distinct()
        ):
            found[employee_id] = "target"
    if employee_ids:
        for employee_id in Employee.objects.filter(
            instansi_id=instansi_id, pk__in=employee_ids
        ).values_list("pk", flat=True):
            found.setdefault(employee_id, "list")
    return found


def current_units(employee_ids: Iterable[int]) -> dict[int, int]:
    """Employee id → unit id of their current post (the definitive one when several)."""
    out: dict[int, int] = {}
    rows = (
        Assignment.objects.filter(current_assignment_q(today()), employee_id__in=list(employee_ids))
        .order_by("employee_id", "acting", "-start", "id")
        .values_list("employee_id", "position__unit_id")
    )
    for employee_id, unit_id in rows:
        out.setdefault(employee_id, unit_id)
    return out
