"""Web faces of spreadsheet import and export (admin and org_analyst; exports also auditor).

Import: upload → preview (checked in the background) → confirm → applied in the background,
with a progress bar polled by htmx. Export: `/pegawai/ekspor/<kind>.<xlsx|csv>` with the list
pages' filters (`q`, `unit`, `kind`, `status`; docs/import.md).
"""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    StreamingHttpResponse,
)
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from penata.accounts.models import Role
from penata.accounts.scope import reach_of
from penata.core import errors
from penata.core.spreadsheets import csv_lines
from penata.org.selectors import instansi_for
from penata.people.imports import jobs
from penata.people.imports.columns import KINDS, SHEETS
from penata.people.imports.documents import error_report_bytes, template_bytes
from penata.people.imports.exporting import (
    ExportFilters,
    export_record,
    export_rows,
    export_to_path,
)
from penata.people.models import ImportJob

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The preview page lists this many problems; the error report has all of them.
ERRORS_SHOWN = 500


def _guarded(roles: tuple[str, ...]) -> Callable[[Callable[..., HttpResponseBase]], Any]:
    """Sign-in required (anonymous → login); other roles → 403; NotFound → 404."""

    def decorate(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not reach_of(request.user).has(*roles):
                raise PermissionDenied(_("Halaman ini untuk Admin BKPSDM dan Analis Organisasi."))
            try:
                return view(request, *args, **kwargs)
            except errors.NotFound as exc:
                raise Http404(exc.message) from exc
            except errors.PermissionDenied as exc:
                raise PermissionDenied(exc.message) from exc

        return wrapper

    return decorate


import_view = _guarded(jobs.IMPORT_ROLES)
export_view = _guarded(jobs.EXPORT_ROLES)


class UploadForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Jenis data"),
        choices=[(k, SHEETS[k].label) for k in KINDS],
    )
    file = forms.FileField(
        label=gettext_lazy("Berkas (.xlsx atau .csv)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.xls,.csv"}),
    )


def _kinds() -> list[dict[str, str]]:
    return [{"key": k, "label": SHEETS[k].label} for k in KINDS]


@import_view
@require_http_methods(["GET", "POST"])
def import_home(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = jobs.import_job_create(
                actor=request.user, kind=form.cleaned_data["kind"], upload=form.cleaned_data["file"]
            )
        except errors.ApplicationError as exc:
            if isinstance(exc, errors.PermissionDenied):
                raise PermissionDenied(exc.message) from exc
            form.add_error("file", exc.message)
        else:
            return redirect("people:import_job", pk=job.pk)
    context = {
        "form": form,
        "kinds": _kinds(),
        "jobs": jobs.import_job_list(request.user),
        "can_upload": jobs.import_instansi_for(request.user) is not None,
    }
    return render(request, "people/import_home.html", context, status=400 if form.errors else 200)


def _job_context(job: ImportJob) -> dict[str, Any]:
    result = job.summary or job.preview
    errors_all = result.get("errors", []) if result else []
    sheet = SHEETS.get(job.kind)
    titles = {c.key: c.title for c in sheet.columns} if sheet else {}
    changes = [
        {**c, "fields": [(titles.get(k, k), v[0], v[1]) for k, v in c.get("fields", {}).items()]}
        for c in (result.get("changes", []) if result else [])
    ]
    return {
        "job": job,
        "result": result,
        "errors": errors_all[:ERRORS_SHOWN],
        "errors_total": len(errors_all) + (result.get("errors_omitted", 0) if result else 0),
        "changes": changes,
        "has_changes": bool(result and (result.get("created") or result.get("updated"))),
    }


@import_view
@require_GET
def import_job(request: HttpRequest, pk: int) -> HttpResponse:
    job = jobs.import_job_get_for(request.user, pk)
    return render(request, "people/import_job.html", _job_context(job))


@import_view
@require_GET
def import_job_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """htmx poll target: the progress bar while running; a page refresh when finished."""
    job = jobs.import_job_get_for(request.user, pk)
    if not job.is_running:
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return render(request, "people/_import_progress.html", {"job": job})


@import_view
@require_POST
def import_job_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    job = jobs.import_job_get_for(request.user, pk)
    try:
        jobs.import_job_confirm(actor=request.user, job=job)
    except errors.PermissionDenied as exc:
        raise PermissionDenied(exc.message) from exc
    except errors.ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("people:import_job", pk=job.pk)


@import_view
@require_GET
def import_job_errors(request: HttpRequest, pk: int) -> HttpResponse:
    job = jobs.import_job_get_for(request.user, pk)
    result = job.summary or job.preview or {}
    response = HttpResponse(error_report_bytes(result.get("errors", [])), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="kesalahan-impor-{job.pk}.xlsx"'
    return response


@import_view
@require_GET
def import_template(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in SHEETS:
        raise Http404(kind)
    response = HttpResponse(template_bytes(kind), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="templat-{kind}.xlsx"'
    return response


@export_view
@require_GET
def export(request: HttpRequest, kind: str, fmt: str) -> HttpResponse | StreamingHttpResponse:
    """The kind's rows with the list page's filters, as xlsx (temporary file) or streamed csv."""
    if kind not in SHEETS or fmt not in ("xlsx", "csv"):
        raise Http404(kind)
    try:
        instansi = instansi_for(request.user)
    except errors.NotFound as exc:
        raise Http404(exc.message) from exc
    filters = ExportFilters.from_query(request.GET)
    include_nik = reach_of(request.user).has(Role.ADMIN)
    name = f"{kind}-{instansi.code}-{timezone.localdate():%Y%m%d}.{fmt}"
    if fmt == "csv":
        header, rows = export_rows(
            kind, instansi=instansi, actor=request.user, filters=filters, include_nik=include_nik
        )
        export_record(
            actor=request.user, kind=kind, instansi=instansi, rows=-1, fmt=fmt, filters=filters,
            include_nik=include_nik,
        )  # fmt: skip
        streamed = StreamingHttpResponse(csv_lines(header, rows), content_type="text/csv")
        streamed["Content-Disposition"] = f'attachment; filename="{name}"'
        return streamed
    handle, path = tempfile.mkstemp(suffix=".xlsx", prefix="penata-export-")
    os.close(handle)
    try:
        export_to_path(
            kind, path, instansi=instansi, actor=request.user, filters=filters,
            include_nik=include_nik,
        )  # fmt: skip
        stream = open(path, "rb")  # noqa: SIM115 — FileResponse closes it
    finally:
        os.unlink(path)
    return FileResponse(stream, as_attachment=True, filename=name, content_type=XLSX)
