"""What the performance pages share: the section tabs, the year, errors on forms."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

from penata.accounts.models import Role
from penata.accounts.scope import reach_of
from penata.core.dating import today
from penata.core.errors import ApplicationError
from penata.performance.errors import Refused
from penata.performance.selectors.common import is_admin


def year_of(request: HttpRequest) -> int:
    raw = request.GET.get("tahun", "")
    on = today()
    if raw.isdigit() and on.year - 5 <= int(raw) <= on.year + 1:
        return int(raw)
    return on.year


def tabs(request: HttpRequest, active: str, instansi_id: int | None = None) -> dict[str, Any]:
    """Which section tabs the viewer gets (cheap: read from the cached reach)."""
    reach = reach_of(request.user)
    return {
        "tab": active,
        "tab_employee": reach.employee_id is not None,
        "tab_dashboard": reach.has(Role.UNIT_HEAD, Role.SUPERVISOR, Role.ADMIN, Role.AUDITOR),
        "tab_city": reach.is_superuser
        or bool(reach.whole.get(Role.ADMIN) or reach.whole.get(Role.AUDITOR)),
        "tab_admin": instansi_id is not None and is_admin(request.user, instansi_id),
        "today": today(),
    }


def back(request: HttpRequest, fallback: str) -> HttpResponse:
    """Redirect to the `next` field when it is a local address, else to `fallback`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect(fallback)


def action(request: HttpRequest, work: Any, success: str, fallback: str) -> HttpResponse:
    """Run a POST action: on success a message, on a refused state a message; both go back.

    A `Refused` (403) propagates to the status page: the actor may not do this at all.
    """
    try:
        work()
    except Refused:
        raise
    except ApplicationError as error:
        messages.error(request, error.message)
        return back(request, fallback)
    messages.success(request, success)
    return back(request, fallback)


def error_context(error: ApplicationError) -> dict[str, Any]:
    return {"error": error.message, "error_field": error.extra.get("field", "")}
