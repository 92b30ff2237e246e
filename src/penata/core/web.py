"""What every web view shares: error pages, login, the as-of date, pagination and sorting.

Views stay thin: they call one selector or service and render. An `ApplicationError` raised
inside a view wrapped by `staff_view`/`public_view` becomes the matching status page
(404 for NotFound, 403 for PermissionDenied, 4xx otherwise) with the error's own message;
htmx requests get a small fragment instead of a whole page.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlsplit

from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from penata.accounts.scope import reach_of
from penata.core.errors import ApplicationError, PermissionDenied

PER_PAGE = 50

View = TypeVar("View", bound=Callable[..., HttpResponse])


def render_error(request: HttpRequest, error: ApplicationError) -> HttpResponse:
    """The status page (or htmx fragment) for a refused request."""
    status = error.status_code
    titles = {
        403: _("Akses ditolak"),
        404: _("Halaman tidak ditemukan"),
    }
    context = {
        "status": status,
        "title": titles.get(status, _("Permintaan tidak dapat diproses")),
        "message": error.message,
        "code": error.code,
    }
    template = (
        "core/_error_fragment.html" if request.headers.get("HX-Request") else "core/error.html"
    )
    return render(request, template, context, status=status)


def public_view(view: View) -> View:
    """Open to everybody; refused requests become status pages."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except ApplicationError as error:
            return render_error(request, error)

    return wrapper  # type: ignore[return-value]


def staff_view(view: View) -> View:
    """Signed-in staff only (anonymous → login page); refused requests become status pages.

    A signed-in account linked to no employee record and holding no role sees a 403 that
    tells them whom to ask, rather than empty pages.
    """

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            if request.headers.get("HX-Request"):
                # An expired session during an htmx swap: send the whole page to the login.
                page = urlsplit(request.headers.get("HX-Current-URL", ""))
                current = (
                    f"{page.path}?{page.query}" if page.query else page.path
                ) or request.get_full_path()
                response = HttpResponse(status=204)
                response["HX-Redirect"] = redirect_to_login(current)["Location"]
                return response
            return redirect_to_login(request.get_full_path())
        try:
            if not reach_of(request.user).is_staff_member():
                raise PermissionDenied(
                    _(
                        "Akun Anda belum terhubung dengan data pegawai atau peran apa pun. "
                        "Hubungi admin BKPSDM."
                    )
                )
            return view(request, *args, **kwargs)
        except ApplicationError as error:
            return render_error(request, error)

    return wrapper  # type: ignore[return-value]


def as_of_date(request: HttpRequest, param: str = "tanggal") -> dt.date | None:
    """`?tanggal=YYYY-MM-DD` as a date; None when absent or not a valid date (today)."""
    raw = request.GET.get(param, "").strip()
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        return None


def paginate(request: HttpRequest, items: Any, per_page: int = PER_PAGE) -> Page[Any]:
    """The requested page (`?halaman=N`); out-of-range numbers give the nearest page."""
    return Paginator(items, per_page).get_page(request.GET.get("halaman"))


@dataclass(frozen=True)
class Sort:
    """A column sort taken from `?urut=<key>` (ascending) or `?urut=-<key>` (descending)."""

    key: str
    descending: bool
    order_by: tuple[str, ...]

    @property
    def param(self) -> str:
        return f"-{self.key}" if self.descending else self.key


def sort_from(
    request: HttpRequest,
    columns: Mapping[str, Sequence[str]],
    default: str,
    param: str = "urut",
) -> Sort:
    """Pick the sort requested, limited to `columns` (key → order_by fields, ascending)."""
    raw = request.GET.get(param, default)
    descending = raw.startswith("-")
    key = raw.removeprefix("-")
    if key not in columns:
        descending = default.startswith("-")
        key = default.removeprefix("-")
    fields = tuple(columns[key])
    if descending:
        fields = tuple(f.removeprefix("-") if f.startswith("-") else f"-{f}" for f in fields)
    return Sort(key=key, descending=descending, order_by=fields)
