"""Web pages of employees: the scoped list and one employee's profile."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext

from penata.accounts.scope import reach_of
from penata.core import reference
from penata.core.dating import today
from penata.core.errors import NotFound
from penata.core.web import paginate, sort_from, staff_view
from penata.org import selectors as org_selectors
from penata.people import rules, selectors
from penata.people.models import Assignment, Employee
from penata.people.privacy import employee_personal_view

SORT_COLUMNS = {
    "nama": ("name", "id"),
    "nip": ("nip", "id"),
    "golongan": ("golongan_rank", "name", "id"),
}


@staff_view
def employee_list(request: HttpRequest) -> HttpResponse:
    """Employees the viewer may see: search by name/NIP, filter by unit subtree and kind."""
    instansi = org_selectors.instansi_for(request.user)
    sort = sort_from(request, SORT_COLUMNS, "nama")
    query = request.GET.get("q", "").strip()
    filters = {
        "kind": request.GET.get("jenis", "")
        if request.GET.get("jenis") in reference.EMPLOYEE_KINDS
        else "",
        "status": request.GET.get("status", "")
        if request.GET.get("status") in reference.EMPLOYEE_STATUSES
        else "",
        "golongan": request.GET.get("golongan", "").strip(),
    }
    unit = None
    unit_id = request.GET.get("unit", "")
    if unit_id.isdigit():
        try:
            unit = org_selectors.unit_get_for(request.user, int(unit_id))
        except NotFound:
            unit = None
    page = paginate(
        request,
        selectors.employee_list(
            request.user,
            instansi=instansi,
            search=query or None,
            unit_path=unit.path if unit else None,
            kind=filters["kind"] or None,
            status=filters["status"] or None,
            golongan=filters["golongan"] or None,
            order_by=sort.order_by,
        ),
    )
    units = list({a.position.unit_id: a.position.unit for e in page for a in e.current}.values())
    context = {
        "page": page,
        "perangkat_daerah": org_selectors.unit_perangkat_daerah_map(units),
        "query": query,
        "filters": filters,
        "unit": unit,
        "sort": sort,
        "is_filtered": bool(query or unit or any(filters.values())),
        "more_filters": bool(unit or any(filters.values())),
        "unit_choices": org_selectors.unit_list(
            request.user, instansi=instansi, kinds=sorted(reference.PERANGKAT_DAERAH_KINDS)
        ),
        "kind_choices": [(k, gettext(v)) for k, v in reference.EMPLOYEE_KINDS.items()],
        "status_choices": [(k, gettext(v)) for k, v in reference.EMPLOYEE_STATUSES.items()],
        "golongan_choices": [g.label for g in reference.PNS_GOLONGAN]
        + [g.label for g in reference.PPPK_GOLONGAN],
    }
    return render(request, "people/employee_list.html", context)


@dataclass(frozen=True)
class Retirement:
    age: int
    basis: str
    date: dt.date
    years_left: int
    months_left: int
    is_past: bool


def _retirement(employee: Employee, current: list[Assignment], on: dt.date) -> Retirement:
    """BUP by the employee's current position (the highest BUP when they hold several)."""
    table = getattr(settings, "PENATA_BUP", None)
    options = [
        (rules.bup_age(a.position.kind, a.position.jf_jenjang, table=table), a.position)
        for a in current
        if not a.acting  # a Plt/Plh post does not change the retirement age
    ]
    if options:
        age, position = max(options, key=lambda o: o[0])
        basis = position.get_kind_display() + (
            f" {position.get_jf_jenjang_display()}" if position.jf_jenjang else ""
        )
    else:
        age, basis = rules.bup_age(None, table=table), ""
    when = rules.retirement_date(employee.birth_date, age)
    left = rules.service_length(on, when) if when > on else rules.ServiceLength(0, 0)
    return Retirement(age, basis, when, left.years, left.months, when <= on)


def _profile(employee: Employee, current: list[Assignment], history: list[Assignment]) -> Any:
    """NIP decoded, golongan/pangkat, masa kerja: what the page shows besides the record."""
    on = today()
    decoded = None
    nip_error = ""
    try:
        decoded = rules.parse_nip(employee.nip, kind=employee.kind)
    except rules.RuleError as error:
        nip_error = error.message
    try:
        golongan = rules.golongan_for(employee.kind, employee.golongan)
    except rules.RuleError:
        golongan = None
    if decoded and decoded.tmt_cpns:
        service_start = decoded.tmt_cpns
    elif history:
        service_start = min(a.start for a in history)
    else:
        service_start = None
    return {
        "decoded": decoded,
        "nip_error": nip_error,
        "golongan": golongan,
        "service_start": service_start,
        "service": rules.service_length(service_start, on) if service_start else None,
        "age": rules.service_length(employee.birth_date, on).years,
        "retirement": _retirement(employee, current, on),
    }


@staff_view
def employee_detail(request: HttpRequest, pk: int) -> HttpResponse:
    employee = selectors.employee_get_for(request.user, pk)
    history = list(selectors.assignment_history(employee))
    day = today()
    current = [a for a in history if a.start <= day and (a.end is None or a.end >= day)]
    personal = employee_personal_view(request.user, employee, current=current, via="web")
    context = {
        "employee": employee,
        "history": history,
        "current": current,
        "shows_nik": personal["shows_specific"],
        "nik": personal["nik"],
        "is_self": reach_of(request.user).employee_id == employee.pk,
        **_profile(employee, current, history),
    }
    return render(request, "people/employee_detail.html", context)
