"""Helpers shared by the participation pages."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from penata.core.errors import ApplicationError, PermissionDenied
from penata.core.web import render_error, staff_view
from penata.participation import access
from penata.participation.safety import RateLimited

View = TypeVar("View", bound=Callable[..., HttpResponseBase])
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def apply_error(form: forms.Form, error: ApplicationError) -> None:
    """Show a refused request on the form: on its field when the error names one."""
    field = error.extra.get("field") if isinstance(error.extra, dict) else None
    form.add_error(field if field in form.fields else None, error.message)


def public_page(view: View) -> View:
    """A public participation page: refused requests become status pages (429 with
    Retry-After for rate limits); no page leaks its address to other sites (Referer)."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        try:
            response: HttpResponseBase = view(request, *args, **kwargs)
        except RateLimited as error:
            response = render_error(request, error)
            response["Retry-After"] = str(error.retry_after)
        except ApplicationError as error:
            response = render_error(request, error)
        # same-origin, not no-referrer: browsers then send "Origin: null" on form posts,
        # which the CSRF check refuses; other sites still never see a tracking code.
        response["Referrer-Policy"] = "same-origin"
        return response

    return wrapper  # type: ignore[return-value]


def participation_staff(view: View) -> View:
    """Staff pages of participation: signed in, with a participation role."""

    @functools.wraps(view)
    def inner(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not access.is_participation_staff(request.user):
            raise PermissionDenied("Halaman ini untuk admin, moderator, pimpinan unit dan auditor.")
        return view(request, *args, **kwargs)

    return staff_view(inner)  # type: ignore[return-value,type-var]


def int_param(request: HttpRequest, name: str) -> int | None:
    raw = request.GET.get(name, "").strip()
    return int(raw) if raw.isdigit() and len(raw) < 19 else None
