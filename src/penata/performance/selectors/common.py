"""What every performance read shares: who reaches whom, the instansi's settings and calendar.

Reach over employees (DESIGN §1): admin and auditor — the instansi (or the unit subtree of
their grant); unit_head — people assigned in their subtree; supervisor — people whose
positions report to theirs, transitively; everybody — themself; and the pejabat penilai of
an SKP — its employee. org_analyst sees the structure, not performance.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db.models import Exists, OuterRef, Q

from penata.accounts.models import Role
from penata.accounts.scope import reach_of
from penata.core.dating import valid_on
from penata.core.errors import NotFound
from penata.core.reference import PERANGKAT_DAERAH_KINDS
from penata.org.models import Instansi, Unit
from penata.people.models import Assignment
from penata.people.selectors import current_assignment_q, supervised_position_ids
from penata.performance import rules, schedule
from penata.performance.models import Holiday, OrgPredikat, PerformanceSettings, Skp, WorkCalendar

READERS = (Role.ADMIN, Role.AUDITOR, Role.UNIT_HEAD)


def reach_q(actor: Any, employee_ref: str = "employee_id") -> Q:
    """Filter for rows whose employee (`employee_ref`, e.g. "employee_id" or "pk") the actor
    reaches for performance data."""
    reach = reach_of(actor)
    if reach.is_superuser:
        return Q()
    instansi_field = "instansi_id"
    q = Q(pk__in=[])
    paths: list[str] = []
    for role in READERS:
        for instansi_id in reach.whole.get(role, ()):
            q |= Q(**{instansi_field: instansi_id})
        paths.extend(reach.subtrees.get(role, ()))
    if paths:
        in_units = Q(pk__in=[])
        for path in paths:
            in_units |= Q(position__unit__path__startswith=path)
        q |= Q(
            Exists(
                Assignment.objects.filter(
                    in_units, current_assignment_q(), employee_id=OuterRef(employee_ref)
                )
            )
        )
    supervised = supervised_position_ids(actor)
    if supervised:
        q |= Q(
            Exists(
                Assignment.objects.filter(
                    current_assignment_q(),
                    position_id__in=supervised,
                    employee_id=OuterRef(employee_ref),
                )
            )
        )
    if reach.employee_id is not None:
        q |= Q(**{employee_ref: reach.employee_id})
        q |= Q(
            Exists(
                Skp.objects.filter(
                    evaluator_id=reach.employee_id, employee_id=OuterRef(employee_ref)
                )
            )
        )
    return q


def is_admin(actor: Any, instansi_id: int) -> bool:
    """BKPSDM admin for the whole instansi (or superuser)."""
    reach = reach_of(actor)
    return reach.is_superuser or instansi_id in reach.whole.get(Role.ADMIN, frozenset())


def covers_unit(actor: Any, roles: tuple[str, ...], unit: Unit) -> bool:
    """Whether one of `roles` applies to `unit` (whole instansi or a subtree above it)."""
    reach = reach_of(actor)
    if reach.is_superuser:
        return True
    for role in roles:
        if unit.instansi_id in reach.whole.get(role, frozenset()):
            return True
        if any(unit.path.startswith(path) for path in reach.subtrees.get(role, ())):
            return True
    return False


# ---------------------------------------------------------------------------------------------
# Settings


@dataclass(frozen=True)
class Settings:
    """The performance settings of an instansi, defaults filled in."""

    frequency: str
    grace_days: int
    evidence_max_bytes: int
    backdate_days: int
    reminders_enabled: bool
    ak_config: rules.AngkaKreditConfig
    row: PerformanceSettings | None


def settings_for(instansi_id: int) -> Settings:
    row = PerformanceSettings.objects.filter(instansi_id=instansi_id).first()
    defaults = PerformanceSettings()
    source = row or defaults
    coefficients = dict(rules.DEFAULT_COEFFICIENTS)
    for jenjang, value in (source.ak_coefficients or {}).items():
        try:
            coefficients[jenjang] = Decimal(str(value))
        except InvalidOperation:
            continue
    return Settings(
        frequency=source.frequency,
        grace_days=source.grace_days,
        evidence_max_bytes=source.evidence_max_kb * 1024,
        backdate_days=source.backdate_days,
        reminders_enabled=source.reminders_enabled,
        ak_config=rules.AngkaKreditConfig(coefficients=coefficients),
        row=row,
    )


# ---------------------------------------------------------------------------------------------
# Working calendar


@dataclass(frozen=True)
class Calendar:
    """The working calendar of an instansi over a date range."""

    weekdays: frozenset[int]
    days_off: dict[dt.date, bool]  # date → is a day off (national list overridden locally)
    names: dict[dt.date, str]

    def is_working_day(self, day: dt.date) -> bool:
        return schedule.is_working_day(day, self.weekdays, self.days_off)

    def working_days(self, start: dt.date, end: dt.date) -> list[dt.date]:
        return schedule.working_days(start, end, self.weekdays, self.days_off)


def weekdays_for(instansi_id: int) -> frozenset[int]:
    row = WorkCalendar.objects.filter(instansi_id=instansi_id).first()
    return row.weekdays() if row else frozenset({0, 1, 2, 3, 4})


def calendar_for(instansi_id: int, start: dt.date, end: dt.date) -> Calendar:
    """The calendar from `start` to `end`: two queries (weekly pattern, listed days)."""
    weekdays = weekdays_for(instansi_id)
    days_off: dict[dt.date, bool] = {}
    names: dict[dt.date, str] = {}
    rows = Holiday.objects.filter(
        Q(instansi__isnull=True) | Q(instansi_id=instansi_id), date__gte=start, date__lte=end
    ).order_by("date", "id")
    national = [h for h in rows if h.instansi_id is None]
    local = [h for h in rows if h.instansi_id is not None]
    for holiday in [*national, *local]:  # the instansi's own rows override the national list
        days_off[holiday.date] = holiday.is_day_off
        names[holiday.date] = holiday.name
    return Calendar(weekdays=weekdays, days_off=days_off, names=names)


def holiday_list(instansi: Instansi, year: int) -> list[Holiday]:
    """The national list and the instansi's own days of `year`, by date."""
    return list(
        Holiday.objects.filter(
            Q(instansi__isnull=True) | Q(instansi=instansi), date__year=year
        ).order_by("date", "instansi_id")
    )


def org_predikat_rows(instansi: Instansi, year: int, day: dt.date) -> list[tuple[Unit, str, str]]:
    """Every Perangkat Daerah (and any other unit with a predikat) with its organisational
    predikat of `year`: (unit, code, note)."""
    given = {
        o.unit_id: o
        for o in OrgPredikat.objects.filter(instansi=instansi, year=year).select_related("unit")
    }
    units = list(
        Unit.objects.filter(
            valid_on(day), instansi=instansi, kind__in=PERANGKAT_DAERAH_KINDS
        ).order_by("sort_order", "name")
    )
    listed = {u.pk for u in units}
    units += [o.unit for o in given.values() if o.unit_id not in listed]
    return [
        (
            u,
            given[u.pk].predikat if u.pk in given else "",
            given[u.pk].note if u.pk in given else "",
        )
        for u in units
    ]


def unit_in_instansi(instansi: Instansi, unit_id: int) -> Unit:
    found = Unit.objects.filter(pk=unit_id, instansi=instansi).first()
    if found is None:
        raise NotFound("unit")
    return found


def holiday_get_for(actor: Any, holiday_id: int) -> Holiday:
    reach = reach_of(actor)
    found = Holiday.objects.filter(pk=holiday_id).first()
    if found is None or (
        found.instansi_id is not None
        and not reach.is_superuser
        and found.instansi_id not in reach.instansi_ids
    ):
        raise NotFound("hari libur")
    return found
