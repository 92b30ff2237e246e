"""Reads of the daily activity log: one's own days, the reviewer's queue, empty days."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum

from penata.accounts.scope import reach_of
from penata.core.errors import NotFound
from penata.core.inline import Inline
from penata.people.models import Employee
from penata.performance.models import Activity, ActivityReminder, Rhk
from penata.performance.selectors.common import calendar_for, reach_q
from penata.performance.selectors.evaluators import evaluatees_of


def activity_list(
    actor: Any,
    *,
    instansi_id: int,
    employee_id: int | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    status: str | None = None,
) -> QuerySet[Activity]:
    """Entries the actor reaches, newest first (filters by employee and dates use the
    (instansi, employee, date) index)."""
    qs = Activity.objects.filter(reach_q(actor), instansi_id=instansi_id).select_related(
        "employee", "rhk"
    )
    if employee_id:
        qs = qs.filter(employee_id=employee_id)
    if start:
        qs = qs.filter(date__gte=start)
    if end:
        qs = qs.filter(date__lte=end)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-date", "-id")


def activity_get_for(actor: Any, activity_id: int) -> Activity:
    found = Activity.objects.filter(reach_q(actor), pk=activity_id).select_related("rhk").first()
    if found is None:
        raise NotFound("kegiatan")
    return found


def own_entries(employee: Employee, start: dt.date, end: dt.date) -> list[Activity]:
    return list(
        Activity.objects.filter(
            instansi_id=employee.instansi_id, employee=employee, date__gte=start, date__lte=end
        )
        .select_related("rhk")
        .order_by("-date", "-id")
    )


@dataclass(frozen=True)
class DayTotal:
    day: dt.date
    entries: int
    minutes: int


def day_totals(employee: Employee, start: dt.date, end: dt.date) -> dict[dt.date, DayTotal]:
    rows = (
        Activity.objects.filter(
            instansi_id=employee.instansi_id, employee=employee, date__gte=start, date__lte=end
        )
        .values("date")
        .annotate(n=Count("*"), minutes=Sum("minutes"))
    )
    return {r["date"]: DayTotal(r["date"], r["n"], r["minutes"] or 0) for r in rows}


def empty_working_days(employee: Employee, start: dt.date, end: dt.date) -> list[dt.date]:
    """Working days from `start` to `end` (the instansi's calendar) without any entry."""
    calendar = calendar_for(employee.instansi_id, start, end)
    logged = set(day_totals(employee, start, end))
    return [d for d in calendar.working_days(start, end) if d not in logged]


def open_reminders(employee: Employee) -> list[ActivityReminder]:
    """Reminders not dismissed whose day is still empty, newest first."""
    logged = Activity.objects.filter(
        instansi_id=employee.instansi_id, employee_id=employee.pk
    ).values("date")
    return list(
        ActivityReminder.objects.filter(
            instansi_id=employee.instansi_id, employee=employee, dismissed_at__isnull=True
        )
        .exclude(date__in=logged)
        .order_by("-date")[:20]
    )


def reminder_get_for(actor: Any, reminder_id: int) -> ActivityReminder:
    employee_id = reach_of(actor).employee_id
    if employee_id is None:
        raise NotFound("pengingat")
    found = ActivityReminder.objects.filter(pk=reminder_id, employee_id=employee_id).first()
    if found is None:
        raise NotFound("pengingat")
    return found


def rhk_choices(employee: Employee, year: int) -> list[Rhk]:
    """RHK of the employee's SKP of `year`, to link an entry to."""
    return list(
        Rhk.objects.filter(skp__employee=employee, skp__year=year).order_by(
            "-kind", "sort_order", "id"
        )
    )


def review_queue(actor: Any, *, limit: int = 500) -> list[Activity]:
    """Pending entries of the people the actor evaluates, oldest first (partial index)."""
    reach = reach_of(actor)
    if reach.employee_id is None:
        return []
    instansi_id = (
        Employee.objects.filter(pk=reach.employee_id).values_list("instansi_id", flat=True).first()
    )
    if instansi_id is None:
        return []
    people = list(evaluatees_of(instansi_id, reach.employee_id))
    if not people:
        return []
    return list(
        Activity.objects.filter(
            Q(instansi_id=instansi_id),
            employee_id__in=people,
            status=Inline(Activity.Status.PENDING),
        )
        .select_related("employee", "rhk")
        .order_by("date", "employee__name", "id")[:limit]
    )
