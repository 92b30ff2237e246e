"""Portal pages: the staff home and Penata's public face for citizens.

The public pages show the structure of the government with its heads' position titles only:
no names, NIP, birth dates or other personal data (DESIGN §7, UU 27/2022).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from penata.accounts.models import Role
from penata.accounts.scope import reach_of
from penata.accounts.selectors import role_grant_list
from penata.core.errors import NotFound
from penata.core.web import paginate, public_view, staff_view
from penata.org import selectors as org_selectors
from penata.people import selectors as people_selectors


def _greeting(hour: int) -> str:
    if hour < 4:
        return _("Selamat malam")
    if hour < 11:
        return _("Selamat pagi")
    if hour < 15:
        return _("Selamat siang")
    if hour < 18:
        return _("Selamat sore")
    return _("Selamat malam")


@staff_view
def home(request: HttpRequest) -> HttpResponse:
    """Greeting, the user's own employee card, quick links, instansi figures and roles."""
    instansi = org_selectors.instansi_for(request.user)
    employee = people_selectors.employee_of(request.user)
    current = people_selectors.current_assignments(employee) if employee else []
    grants = list(role_grant_list(request.user))
    context = {
        "greeting": _greeting(timezone.localtime().hour),
        "instansi": instansi,
        "employee": employee,
        "current": current,
        "summary": org_selectors.instansi_summary(request.user, instansi=instansi),
        "grants": grants,
        # Being linked to an employee record is itself the `employee` role (DESIGN §1).
        "implicit_employee": employee is not None
        and not any(g.role == Role.EMPLOYEE for g in grants),
        "is_superuser": reach_of(request.user).is_superuser,
    }
    return render(request, "portal/home.html", context)


@public_view
def public_home(request: HttpRequest) -> HttpResponse:
    instansi = org_selectors.instansi_default()
    units = org_selectors.public_unit_list(instansi) if instansi else []
    context = {
        "instansi": instansi,
        "perangkat_daerah": sum(1 for u in units if u.depth == 1),
        "kelurahan": sum(1 for u in units if u.kind == "kelurahan"),
        "kecamatan": sum(1 for u in units if u.kind == "kecamatan"),
    }
    return render(request, "portal/public_home.html", context)


@dataclass
class PublicGroup:
    """A Perangkat Daerah (or the government itself) and its public sub-units."""

    unit: org_selectors.PublicUnit
    members: list[org_selectors.PublicUnit] = field(default_factory=list)


def _matches(unit: org_selectors.PublicUnit, needle: str) -> bool:
    return needle in unit.name.lower() or needle in unit.head_title.lower()


@public_view
def public_units(request: HttpRequest) -> HttpResponse:
    """Perangkat Daerah and their sub-units with the head's position title (`?q=` filters)."""
    instansi = org_selectors.instansi_default()
    if instansi is None:
        raise NotFound("instansi")
    query = request.GET.get("q", "").strip()
    groups: list[PublicGroup] = []
    top: org_selectors.PublicUnit | None = None
    for unit in org_selectors.public_unit_list(instansi):
        if unit.depth == 0:
            top = unit
        elif unit.depth == 1 or not groups:
            groups.append(PublicGroup(unit))
        else:
            groups[-1].members.append(unit)
    if query:
        needle = query.lower()
        filtered: list[PublicGroup] = []
        for group in groups:
            if _matches(group.unit, needle):
                filtered.append(group)
            elif members := [m for m in group.members if _matches(m, needle)]:
                filtered.append(PublicGroup(group.unit, members))
        groups = filtered
    context = {
        "instansi": instansi,
        "top": top,
        "page": paginate(request, groups),
        "query": query,
    }
    return render(request, "portal/public_units.html", context)
