"""Monitoring pages: the unit dashboard with its polled live fragment, the drill-down to a
person, the city dashboard, and their xlsx exports."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from penata.core.dating import today
from penata.core.web import staff_view
from penata.org import selectors as org_selectors
from penata.performance import exports
from penata.performance.selectors import city as city_selectors
from penata.performance.selectors import dashboard as selectors
from penata.performance.selectors.person import person_view
from penata.performance.views.common import tabs, year_of

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# How often the live fragment asks for fresh numbers: a new entry shows within 5 seconds.
POLL_SECONDS = 2


def _scope(request: HttpRequest) -> tuple[Any, selectors.Scope]:
    instansi = org_selectors.instansi_for(request.user)
    scope = selectors.scope_for(request.user, instansi, request.GET.get("lingkup"), today())
    return instansi, scope


@staff_view
def dashboard(request: HttpRequest) -> HttpResponse:
    instansi, scope = _scope(request)
    day = today()
    data = selectors.unit_dashboard(scope, day, year_of(request))
    context = {
        **tabs(request, "pantauan", instansi.pk),
        "data": data,
        "live": data.live,
        "scope": scope,
        "choices": selectors.scope_choices(request.user, instansi, day),
        "chart": data.distribution.chart(),
        "poll_seconds": POLL_SECONDS,
    }
    return render(request, "performance/dashboard.html", context)


@staff_view
def dashboard_live(request: HttpRequest) -> HttpResponse:
    """The small fragment the dashboard polls (four aggregate queries)."""
    _instansi, scope = _scope(request)
    context = {
        "live": selectors.live_counts(scope, today()),
        "scope": scope,
        "poll_seconds": POLL_SECONDS,
    }
    return render(request, "performance/_live.html", context)


@staff_view
def dashboard_export(request: HttpRequest) -> HttpResponse:
    _instansi, scope = _scope(request)
    data = selectors.unit_dashboard(scope, today(), year_of(request))
    response = HttpResponse(exports.unit_xlsx(data), content_type=XLSX)
    name = f"pantauan-kinerja-{scope.key}-{data.day:%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@staff_view
def person(request: HttpRequest, pk: int) -> HttpResponse:
    instansi = org_selectors.instansi_for(request.user)
    view = person_view(request.user, pk, today())
    context = {**tabs(request, "pantauan", instansi.pk), "view": view}
    return render(request, "performance/person.html", context)


@staff_view
def city(request: HttpRequest) -> HttpResponse:
    instansi = org_selectors.instansi_for(request.user)
    data = city_selectors.city_dashboard(
        request.user, instansi, today(), year=year_of(request), sort=request.GET.get("urut", "log")
    )
    context = {
        **tabs(request, "kota", instansi.pk),
        "data": data,
        "totals": data.totals,
        "sorts": city_selectors.SORTS.items(),
        "chart": data.chart(),
    }
    return render(request, "performance/city.html", context)


@staff_view
def city_export(request: HttpRequest) -> HttpResponse:
    instansi = org_selectors.instansi_for(request.user)
    data = city_selectors.city_dashboard(
        request.user, instansi, today(), year=year_of(request), sort=request.GET.get("urut", "log")
    )
    response = HttpResponse(exports.city_xlsx(data), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="pantauan-kota-{data.day:%Y%m%d}.xlsx"'
    return response
