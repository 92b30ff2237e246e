"""Reads of employee records, scoped to the acting user.

Who sees whom (DESIGN §1): admin, org_analyst and auditor — the whole instansi (or their unit
subtree when the grant names a unit); unit_head — people assigned inside their subtree;
supervisor — people whose position reports to the supervisor's position, transitively;
everybody linked to an employee record — themself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.db.models import (
    Case,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)

from penata.accounts.models import Role
from penata.accounts.scope import reach_of, unit_q
from penata.core import reference
from penata.core.dating import today
from penata.core.errors import NotFound
from penata.org.models import Instansi, Position
from penata.people.models import Assignment, Employee

UNIT_READERS = frozenset({Role.ADMIN, Role.ORG_ANALYST, Role.AUDITOR, Role.UNIT_HEAD})


def current_assignment_q(as_of: dt.date | None = None, prefix: str = "") -> Q:
    day = as_of or today()
    return Q(**{f"{prefix}start__lte": day}) & (
        Q(**{f"{prefix}end__isnull": True}) | Q(**{f"{prefix}end__gte": day})
    )


def supervised_position_ids(actor: Any) -> set[int]:
    """Positions reporting (transitively) to the positions the actor's employee holds now."""
    reach = reach_of(actor)
    if reach.employee_id is None or not reach.has(Role.SUPERVISOR):
        return set()
    held = set(
        Assignment.objects.filter(
            current_assignment_q(), employee_id=reach.employee_id
        ).values_list("position_id", flat=True)
    )
    if not held:
        return set()
    instansi_ids = list(reach.instansi_ids)
    children: dict[int, list[int]] = {}
    for pid, parent in Position.objects.filter(
        instansi_id__in=instansi_ids, reports_to__isnull=False
    ).values_list("id", "reports_to_id"):
        children.setdefault(parent, []).append(pid)
    found: set[int] = set()
    stack = list(held)
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


def employee_scope_q(actor: Any) -> Q:
    """Filter on Employee for the records `actor` may see."""
    reach = reach_of(actor)
    if reach.is_superuser:
        return Q()
    in_units = Assignment.objects.filter(
        current_assignment_q(),
        unit_q(actor, UNIT_READERS, path_field="position__unit__path"),
        employee_id=OuterRef("pk"),
    )
    q = Q(Exists(in_units))
    for role in (Role.ADMIN, Role.ORG_ANALYST, Role.AUDITOR):
        for instansi_id in reach.whole.get(role, ()):
            q |= Q(instansi_id=instansi_id)
    supervised = supervised_position_ids(actor)
    if supervised:
        q |= Q(
            Exists(
                Assignment.objects.filter(
                    current_assignment_q(),
                    position_id__in=supervised,
                    employee_id=OuterRef("pk"),
                )
            )
        )
    if reach.employee_id is not None:
        q |= Q(pk=reach.employee_id)
    return q


def employee_list(
    actor: Any,
    *,
    instansi: Instansi,
    search: str | None = None,
    unit_path: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    golongan: str | None = None,
    order_by: Sequence[str] = ("name", "id"),
) -> QuerySet[Employee]:
    """Employees the actor may see, filtered; each with `current` = assignments in force.

    `order_by` may name `name`, `nip`, `golongan_rank` (PNS I/a…IV/e, then PPPK I…XVII) and
    `id`, each optionally descending (`-`).
    """
    qs = Employee.objects.filter(employee_scope_q(actor), instansi=instansi)
    if any(f.removeprefix("-") == "golongan_rank" for f in order_by):
        qs = qs.annotate(golongan_rank=_golongan_rank())
    if search:
        qs = qs.filter(Q(name__icontains=search) | Q(nip__startswith=search.replace(" ", "")))
    if unit_path:
        qs = qs.filter(
            Exists(
                Assignment.objects.filter(
                    current_assignment_q(),
                    employee_id=OuterRef("pk"),
                    position__unit__path__startswith=unit_path,
                )
            )
        )
    if kind:
        qs = qs.filter(kind=kind)
    if status:
        qs = qs.filter(status=status)
    if golongan:
        qs = qs.filter(golongan=golongan)
    return qs.prefetch_related(
        Prefetch(
            "assignments",
            queryset=Assignment.objects.filter(current_assignment_q()).select_related(
                "position", "position__unit"
            ),
            to_attr="current",
        )
    ).order_by(*_employee_order(order_by))


_EMPLOYEE_ORDER_FIELDS = frozenset({"name", "nip", "golongan_rank", "id"})


def _employee_order(order_by: Sequence[str]) -> list[str]:
    fields = [f for f in order_by if f.removeprefix("-") in _EMPLOYEE_ORDER_FIELDS]
    return fields or ["name", "id"]


def _golongan_rank() -> Case:
    """PNS golongan by rank (1–17), then PPPK golongan (101–117): a sortable number."""
    whens = [
        When(golongan=g.label, kind__in=reference.PNS_LIKE_KINDS, then=Value(g.rank))
        for g in reference.PNS_GOLONGAN
    ]
    whens += [When(golongan=g.label, then=Value(100 + g.rank)) for g in reference.PPPK_GOLONGAN]
    return Case(*whens, default=Value(999), output_field=IntegerField())


def employee_get_for(actor: Any, employee_id: int) -> Employee:
    """One employee record the actor may see, or NotFound (no existence leak)."""
    employee = (
        Employee.objects.filter(employee_scope_q(actor), pk=employee_id)
        .select_related("instansi")
        .first()
    )
    if employee is None:
        raise NotFound("pegawai")
    return employee


def assignment_history(employee: Employee) -> QuerySet[Assignment]:
    return (
        Assignment.objects.filter(employee=employee)
        .select_related("position", "position__unit")
        .order_by("-start", "-id")
    )


def current_assignments(employee: Employee, as_of: dt.date | None = None) -> list[Assignment]:
    return list(assignment_history(employee).filter(current_assignment_q(as_of)))


# ---------------------------------------------------------------------------------------------
# Web pages


def employee_of(actor: Any) -> Employee | None:
    """The actor's own employee record (linked account), with nothing prefetched."""
    reach = reach_of(actor)
    if reach.employee_id is None:
        return None
    return Employee.objects.filter(pk=reach.employee_id).first()


def visible_employee_ids(actor: Any, ids: Iterable[int]) -> set[int]:
    """Which of `ids` the actor may open (one query): to link names only where allowed."""
    wanted = set(ids)
    if not wanted:
        return set()
    return set(
        Employee.objects.filter(employee_scope_q(actor), pk__in=wanted).values_list("pk", flat=True)
    )


def position_assignment_history(position: Position) -> QuerySet[Assignment]:
    """Everybody who held the position (newest first), with the employee loaded."""
    return (
        Assignment.objects.filter(position=position)
        .select_related("employee")
        .order_by("-start", "-id")
    )


# ---------------------------------------------------------------------------------------------
# API


def position_incumbents(position: Position, *, as_of: dt.date | None = None) -> list[Assignment]:
    """Who holds the position on `as_of` (definitive holders first), with the employee loaded.

    Unscoped: the caller shows names only for `visible_employee_ids` and counts the rest.
    """
    return list(
        Assignment.objects.filter(current_assignment_q(as_of), position=position)
        .select_related("employee")
        .order_by("acting", "employee__name", "id")
    )
