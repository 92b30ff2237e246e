"""Whose numbers a dashboard shows: a unit subtree (unit_head, admin, auditor) or the actor's
reporting line (supervisor), and the people in it on a day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext

from penata.accounts.models import Role
from penata.accounts.scope import reach_of
from penata.core.dating import valid_on
from penata.core.errors import NotFound
from penata.core.reference import PERANGKAT_DAERAH_KINDS
from penata.org.models import Instansi, Unit
from penata.people.models import Assignment
from penata.people.selectors import current_assignment_q, supervised_position_ids
from penata.performance.errors import PerformanceError as E
from penata.performance.errors import refused
from penata.performance.selectors.common import covers_unit

DASHBOARD_ROLES = (Role.ADMIN, Role.AUDITOR, Role.UNIT_HEAD)


@dataclass(frozen=True)
class Scope:
    """Whose numbers a dashboard shows: a unit subtree, or the actor's reporting line."""

    kind: str  # "unit" or "line"
    instansi_id: int
    unit: Unit | None
    position_ids: frozenset[int]
    label: str

    @property
    def key(self) -> str:
        return str(self.unit.pk) if self.unit else "bawahan"


@dataclass(frozen=True)
class ScopeChoice:
    key: str
    label: str


def population(scope: Scope, day: dt.date) -> QuerySet[Assignment]:
    """Assignments in force on `day` of active employees in the scope."""
    qs = Assignment.objects.filter(
        current_assignment_q(day), instansi_id=scope.instansi_id, employee__status="aktif"
    )
    if scope.unit is not None:
        return qs.filter(position__unit__path__startswith=scope.unit.path)
    return qs.filter(position_id__in=sorted(scope.position_ids))


def perangkat_daerah_units(instansi: Instansi, day: dt.date) -> list[Unit]:
    return list(
        Unit.objects.filter(
            valid_on(day), instansi=instansi, kind__in=PERANGKAT_DAERAH_KINDS
        ).order_by("sort_order", "name")
    )


def scope_choices(actor: Any, instansi: Instansi, day: dt.date) -> list[ScopeChoice]:
    """The units (and the reporting line) the actor may open the unit dashboard for."""
    reach = reach_of(actor)
    choices: list[ScopeChoice] = []
    seen: set[int] = set()
    paths = [p for role in DASHBOARD_ROLES for p in reach.subtrees.get(role, ())]
    if paths:
        for unit in Unit.objects.filter(instansi=instansi, path__in=paths).order_by("path"):
            seen.add(unit.pk)
            choices.append(ScopeChoice(str(unit.pk), unit.name))
    if reach.is_superuser or any(instansi.pk in reach.whole.get(r, ()) for r in DASHBOARD_ROLES):
        for unit in perangkat_daerah_units(instansi, day):
            if unit.pk not in seen:
                choices.append(ScopeChoice(str(unit.pk), unit.name))
    if supervised_position_ids(actor):
        choices.insert(0, ScopeChoice("bawahan", gettext("Bawahan saya (garis pelaporan)")))
    return choices


def scope_for(actor: Any, instansi: Instansi, key: str | None, day: dt.date) -> Scope:
    """The scope named by `key` (a unit id or "bawahan"), or the actor's first one.

    A unit outside the actor's reach is NotFound; an actor without any scope is refused.
    """
    if key == "bawahan":
        supervised = supervised_position_ids(actor)
        if not supervised:
            raise refused(E.DASHBOARD_NO_SCOPE, "Anda tidak memiliki bawahan pada garis pelaporan.")
        return Scope("line", instansi.pk, None, frozenset(supervised), gettext("Bawahan saya"))
    if key:
        unit = (
            Unit.objects.filter(pk=int(key), instansi=instansi).first() if key.isdigit() else None
        )
        if unit is None or not covers_unit(actor, DASHBOARD_ROLES, unit):
            raise NotFound("unit")
        return Scope("unit", instansi.pk, unit, frozenset(), unit.name)
    choices = scope_choices(actor, instansi, day)
    if not choices:
        raise refused(
            E.DASHBOARD_NO_SCOPE,
            "Pantauan kinerja untuk kepala unit, atasan langsung, admin BKPSDM dan auditor.",
        )
    return scope_for(actor, instansi, choices[0].key, day)
