"""Daily activity log pages: record quickly from a phone, correct, see empty days; the
pejabat penilai approves in bulk."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from penata.core.dating import today
from penata.core.errors import ApplicationError, NotFound
from penata.core.web import as_of_date, staff_view
from penata.people.models import Employee
from penata.people.selectors import employee_of
from penata.performance import forms
from penata.performance.errors import Refused
from penata.performance.selectors import activity as selectors
from penata.performance.selectors.common import settings_for
from penata.performance.services import activity as services
from penata.performance.services import reminders as reminder_services
from penata.performance.views.common import action, error_context, tabs

WEEK = 7
EMPTY_DAYS_WINDOW = 14


def _require_me(request: HttpRequest) -> Employee:
    me = employee_of(request.user)
    if me is None:
        raise NotFound("pegawai")
    return me


def _page(request: HttpRequest, me: Employee, **extra: Any) -> dict[str, Any]:
    on = today()
    day = as_of_date(request) or on
    entries = selectors.own_entries(me, on - dt.timedelta(days=WEEK - 1), on)
    by_day: dict[dt.date, list[Any]] = {}
    for entry in entries:
        by_day.setdefault(entry.date, []).append(entry)
    window = settings_for(me.instansi_id).backdate_days
    return {
        **tabs(request, "log", me.instansi_id),
        "me": me,
        "day": day if on - dt.timedelta(days=window) <= day <= on else on,
        "min_day": on - dt.timedelta(days=window),
        "rhks": selectors.rhk_choices(me, on.year),
        "by_day": sorted(by_day.items(), reverse=True),
        "minutes_today": sum(e.minutes for e in by_day.get(on, [])),
        "empty_days": selectors.empty_working_days(
            me, on - dt.timedelta(days=EMPTY_DAYS_WINDOW), on - dt.timedelta(days=1)
        ),
        "reminders": selectors.open_reminders(me),
        "posted": {},
        **extra,
    }


@staff_view
def activity_log(request: HttpRequest) -> HttpResponse:
    me = _require_me(request)
    if request.method == "POST":
        try:
            services.activity_log(actor=request.user, data=forms.activity_input(request.POST))
        except Refused:
            raise
        except ApplicationError as error:
            context = _page(request, me, posted=request.POST, **error_context(error))
            return render(
                request, "performance/activity_log.html", context, status=error.status_code
            )
        messages.success(request, _("Kegiatan dicatat."))
        return redirect("performance:activity_log")
    return render(request, "performance/activity_log.html", _page(request, me))


@staff_view
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    me = _require_me(request)
    activity = selectors.activity_get_for(request.user, pk)
    if activity.employee_id != me.pk:
        raise NotFound("kegiatan")
    if request.method == "POST":
        try:
            services.activity_update(
                actor=request.user, activity=activity, data=forms.activity_input(request.POST)
            )
        except Refused:
            raise
        except ApplicationError as error:
            context = _page(
                request, me, editing=activity, posted=request.POST, **error_context(error)
            )
            return render(
                request, "performance/activity_log.html", context, status=error.status_code
            )
        messages.success(request, _("Kegiatan diperbarui."))
        return redirect("performance:activity_log")
    posted = {
        "date": activity.date.isoformat(),
        "description": activity.description,
        "minutes": activity.minutes,
        "rhk": activity.rhk_id or "",
        "output_count": activity.output_count,
    }
    return render(
        request,
        "performance/activity_log.html",
        _page(request, me, editing=activity, posted=posted),
    )


@staff_view
@require_POST
def activity_delete(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.activity_get_for(request.user, pk)
    return action(
        request,
        lambda: services.activity_delete(actor=request.user, activity=activity),
        _("Kegiatan dihapus."),
        reverse("performance:activity_log"),
    )


@staff_view
@require_POST
def reminder_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    reminder = selectors.reminder_get_for(request.user, pk)
    return action(
        request,
        lambda: reminder_services.reminder_dismiss(actor=request.user, reminder=reminder),
        _("Pengingat ditutup."),
        reverse("performance:activity_log"),
    )


@staff_view
def activity_review(request: HttpRequest) -> HttpResponse:
    """Pending entries of the people I evaluate; approve the chosen ones or all at once."""
    me = employee_of(request.user)
    queue = selectors.review_queue(request.user)
    if request.method == "POST":
        data = request.POST
        if data.get("all") == "1":
            ids = [a.pk for a in queue]
        else:
            ids = [int(v) for v in data.getlist("activities") if v.isdigit()]
        approve = data.get("decision", "approve") != "return"
        try:
            count = services.activity_review(
                actor=request.user, activity_ids=ids, approve=approve, note=data.get("note", "")
            )
        except Refused:
            raise
        except ApplicationError as error:
            messages.error(request, error.message)
            return redirect("performance:activity_review")
        done = _("%(n)d kegiatan disetujui.") if approve else _("%(n)d kegiatan dikembalikan.")
        messages.success(request, done % {"n": count})
        return redirect("performance:activity_review")
    by_person: dict[int, dict[str, Any]] = {}
    for entry in queue:
        group = by_person.setdefault(
            entry.employee_id, {"employee": entry.employee, "entries": [], "minutes": 0}
        )
        group["entries"].append(entry)
        group["minutes"] += entry.minutes
    context = {
        **tabs(request, "bawahan", me.instansi_id if me else None),
        "groups": list(by_person.values()),
        "count": len(queue),
    }
    return render(request, "performance/activity_review.html", context)
