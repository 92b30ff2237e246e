"""Drill-down from a dashboard to one person: their plan's progress, evaluations and log."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from penata.core.errors import NotFound
from penata.people.models import Assignment, Employee
from penata.people.selectors import current_assignments
from penata.performance import rules
from penata.performance.models import Activity, Skp
from penata.performance.selectors.activity import DayTotal, day_totals
from penata.performance.selectors.common import calendar_for, reach_q
from penata.performance.selectors.evaluation import PeriodRow, period_rows
from penata.performance.selectors.skp import rhk_list, skp_of

DAYS_SHOWN = 28


@dataclass(frozen=True)
class RhkRow:
    rhk: Any
    progress: rules.Realisation | None


@dataclass(frozen=True)
class CalendarDay:
    day: dt.date
    is_working_day: bool
    total: DayTotal | None
    holiday: str


@dataclass
class PersonView:
    employee: Employee
    posts: list[Assignment]
    skp: Skp | None
    rhks: list[RhkRow]
    periods: list[PeriodRow]
    days: list[CalendarDay]
    recent: list[Activity]
    empty_days: int
    late: int


def person_get_for(actor: Any, employee_id: int) -> Employee:
    found = Employee.objects.filter(reach_q(actor, "pk"), pk=employee_id).first()
    if found is None:
        raise NotFound("pegawai")
    return found


def person_view(actor: Any, employee_id: int, day: dt.date) -> PersonView:
    """One person's year so far, for a viewer who reaches them."""
    employee = person_get_for(actor, employee_id)
    skp = skp_of(employee.pk, day.year)
    rows: list[RhkRow] = []
    periods: list[PeriodRow] = []
    if skp is not None:
        for rhk in rhk_list(skp):
            indicators = list(rhk.indicators.all())
            chosen = [i for i in indicators if i.aspect == "kuantitas"] or indicators
            progress = None
            if chosen and skp.has_been_approved:
                share = sum(
                    (
                        min(Fraction(i.realised or 0) / Fraction(i.target), Fraction(1))
                        for i in chosen
                    ),
                    Fraction(0),
                ) / len(chosen)
                progress = rules.realisation_vs_elapsed(
                    Decimal(share.numerator) / Decimal(share.denominator),
                    Decimal(1),
                    skp.start,
                    skp.end,
                    day,
                )
            rows.append(RhkRow(rhk, progress))
        periods = period_rows(skp, day)
    start = day - dt.timedelta(days=DAYS_SHOWN - 1)
    calendar = calendar_for(employee.instansi_id, start, day)
    totals = day_totals(employee, start, day)
    days = [
        CalendarDay(
            d,
            calendar.is_working_day(d),
            totals.get(d),
            calendar.names.get(d, ""),
        )
        for d in (start + dt.timedelta(days=n) for n in range(DAYS_SHOWN))
    ]
    recent = list(
        Activity.objects.filter(
            instansi_id=employee.instansi_id,
            employee=employee,
            date__gte=day - dt.timedelta(days=6),
            date__lte=day,
        )
        .select_related("rhk")
        .order_by("-date", "-id")
    )
    return PersonView(
        employee=employee,
        posts=current_assignments(employee, day),
        skp=skp,
        rhks=rows,
        periods=periods,
        days=days,
        recent=recent,
        empty_days=sum(1 for d in days if d.is_working_day and d.total is None),
        late=sum(1 for p in periods if p.is_late),
    )
