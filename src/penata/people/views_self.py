"""Personal-data pages: "Data saya" with correction requests and the download of everything
Penata holds about the employee (UU PDP access right); the admin's correction queue; and the
admin's breach look-up.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any, cast

import xlsxwriter
from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from penata.core import audit
from penata.core.downloads import file_response
from penata.core.errors import NotFound, PermissionDenied, ValidationFailed
from penata.core.safe_export import neutralise
from penata.core.views_audit import spreadsheet_response
from penata.core.web import paginate, staff_view
from penata.people import breach, privacy, selectors_corrections, services_corrections
from penata.people.models import CorrectionRequest
from penata.people.personal_data import label_of

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class CorrectionForm(forms.Form):
    field = forms.ChoiceField(
        label=gettext_lazy("Data yang dikoreksi"),
        choices=[(f, label_of(f)) for f in services_corrections.CORRECTABLE_FIELDS],
    )
    new_value = forms.CharField(label=gettext_lazy("Nilai yang benar"), max_length=255)
    reason = forms.CharField(
        label=gettext_lazy("Alasan"),
        max_length=services_corrections.TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Mis. tanggal lahir di SK CPNS tertulis 17-08-1990."),
    )
    attachment = forms.FileField(
        label=gettext_lazy("Lampiran bukti (PDF, JPG atau PNG; tidak wajib)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )


def _my_data_context(request: HttpRequest, form: CorrectionForm) -> dict[str, Any]:
    data = privacy.my_data(request.user)
    return {
        **data,
        "form": form,
        "correctable": [
            {
                "field": f,
                "label": label_of(f),
                "value": services_corrections.display_value(data["employee"], f),
            }
            for f in services_corrections.CORRECTABLE_FIELDS
        ],
        "max_mb": services_corrections.attachment_max_bytes() // (1024 * 1024),
    }


@staff_view
@require_GET
def my_data(request: HttpRequest) -> HttpResponse:
    """The employee's own record, role grants, correction requests and access log."""
    context = _my_data_context(request, CorrectionForm())
    return render(request, "people/self/my_data.html", context)


@staff_view
@require_POST
def correction_create(request: HttpRequest) -> HttpResponse:
    employee = privacy.my_employee(request.user)
    form = CorrectionForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services_corrections.correction_request_create(
                actor=request.user,
                employee=employee,
                field=form.cleaned_data["field"],
                new_value=form.cleaned_data["new_value"],
                reason=form.cleaned_data["reason"],
                attachment=form.cleaned_data.get("attachment"),
            )
        except ValidationFailed as error:
            field = error.extra.get("field")
            form.add_error(field if field in form.fields else None, error.message)
        else:
            messages.success(
                request,
                _("Permohonan koreksi terkirim. Admin BKPSDM akan memeriksanya; data Anda "
                  "berubah setelah permohonan disetujui."),
            )  # fmt: skip
            return redirect("privacy:my_data")
    context = _my_data_context(request, form)
    return render(request, "people/self/my_data.html", context, status=400)


def _workbook(sheets: list[tuple[str, list[str], list[list[Any]]]]) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    bold = book.add_format({"bold": True, "bg_color": "#DDEBF7"})
    for name, header, rows in sheets:
        sheet = book.add_worksheet(name[:31])
        sheet.write_row(0, 0, header, bold)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                if value is None or value == "":
                    continue
                if isinstance(value, int | float) and not isinstance(value, bool):
                    sheet.write_number(r, c, value)
                else:
                    sheet.write_string(r, c, neutralise(str(value)))
        sheet.set_column(0, len(header) - 1, 22)
    book.close()
    return buffer.getvalue()


@staff_view
@require_GET
def my_data_download(request: HttpRequest, fmt: str) -> HttpResponse:
    """Everything Penata holds about the employee, as JSON or xlsx."""
    data = privacy.my_data(request.user)
    stamp = f"{timezone.localdate():%Y%m%d}"
    name = f"data-saya-{data['employee'].nip}-{stamp}"
    if fmt == "json":
        body = json.dumps(privacy.my_data_json(data), ensure_ascii=False, indent=2)
        response: HttpResponse = HttpResponse(body, content_type="application/json")
        response["Content-Disposition"] = f'attachment; filename="{name}.json"'
        return response
    response = HttpResponse(_workbook(privacy.my_data_sheets(data)), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


@staff_view
@require_GET
def correction_attachment(request: HttpRequest, pk: int) -> HttpResponse:
    """The request's attachment, for its employee and the admins who decide on it."""
    found = selectors_corrections.correction_get_for(request.user, pk)
    if not found.attachment:
        raise NotFound("lampiran")
    if found.employee_id != privacy.reach_of(request.user).employee_id and (
        found.field in privacy.SPECIFIC_FIELDS
    ):
        privacy.record_specific_view(request.user, found.employee, via="correction.attachment")
    response = file_response(
        found.attachment, download_name=found.attachment_name or "lampiran", what="lampiran"
    )
    return cast(HttpResponse, response)


# ---------------------------------------------------------------------------------------------
# Admin: correction queue


def _require_reviewer(actor: Any) -> None:
    if not selectors_corrections.may_review_corrections(actor):
        raise PermissionDenied(_("Verifikasi koreksi data hanya untuk Admin BKPSDM."))


@staff_view
@require_GET
def correction_queue(request: HttpRequest) -> HttpResponse:
    _require_reviewer(request.user)
    status = request.GET.get("status", CorrectionRequest.Status.PENDING)
    if status not in CorrectionRequest.Status.values and status != "semua":
        status = CorrectionRequest.Status.PENDING
    page = paginate(
        request,
        selectors_corrections.correction_queue(
            request.user, status="" if status == "semua" else status
        ),
    )
    context = {"page": page, "status": status, "status_choices": CorrectionRequest.Status.choices}
    return render(request, "people/self/correction_queue.html", context)


def _review_context(request: HttpRequest, found: CorrectionRequest) -> dict[str, Any]:
    employee = found.employee
    if found.field in privacy.SPECIFIC_FIELDS:
        privacy.record_specific_view(request.user, employee, via="correction")
    return {
        "request_obj": found,
        "employee": employee,
        "field_label": label_of(found.field),
        "current_value": services_corrections.display_value(employee, found.field),
        "may_decide": found.is_pending and services_corrections.may_decide(request.user, found),
    }


@staff_view
@require_GET
def correction_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _require_reviewer(request.user)
    found = selectors_corrections.correction_get_for(request.user, pk)
    return render(request, "people/self/correction_detail.html", _review_context(request, found))


@staff_view
@require_POST
def correction_verify(request: HttpRequest, pk: int) -> HttpResponse:
    _require_reviewer(request.user)
    found = selectors_corrections.correction_get_for(request.user, pk)
    try:
        services_corrections.correction_request_verify(actor=request.user, request=found)
    except ValidationFailed as error:
        messages.error(
            request, _("Koreksi tidak dapat diterapkan: %(reason)s") % {"reason": error.message}
        )
        return redirect("privacy:correction_detail", pk=found.pk)
    messages.success(request, _("Koreksi disetujui dan data pegawai diperbarui."))
    return redirect("privacy:correction_queue")


@staff_view
@require_POST
def correction_reject(request: HttpRequest, pk: int) -> HttpResponse:
    _require_reviewer(request.user)
    found = selectors_corrections.correction_get_for(request.user, pk)
    try:
        services_corrections.correction_request_reject(
            actor=request.user, request=found, note=request.POST.get("note", "")
        )
    except ValidationFailed as error:
        context = {**_review_context(request, found), "reject_error": error.message}
        return render(request, "people/self/correction_detail.html", context, status=400)
    messages.success(request, _("Permohonan koreksi ditolak; pegawai dapat membaca alasannya."))
    return redirect("privacy:correction_queue")


# ---------------------------------------------------------------------------------------------
# Admin: breach look-up


def _moment(raw: str, *, field: str) -> dt.datetime | None:
    raw = raw.strip()
    if not raw:
        return None
    try:
        moment = dt.datetime.fromisoformat(raw)
    except ValueError as error:
        raise ValidationFailed(
            "breach.datetime", _("Waktu '%(raw)s' tidak sah.") % {"raw": raw}, {"field": field}
        ) from error
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


@staff_view
@require_http_methods(["GET", "POST"])
def breach_lookup(request: HttpRequest) -> HttpResponse:
    """Who is affected: by leaked records (NIP, NIK or id), or by accesses/changes in a window.

    POST, because a list of thousands of NIPs does not fit in a URL; `unduh=xlsx|csv`
    returns the result as a file for the notification letters.
    """
    breach.require_breach_admin(request.user)
    context: dict[str, Any] = {"post": request.POST, "mode": request.POST.get("mode", "data")}
    if request.method != "POST":
        return render(request, "people/self/breach.html", context)
    try:
        start = _moment(request.POST.get("dari", ""), field="dari")
        end = _moment(request.POST.get("sampai", ""), field="sampai")
        if context["mode"] == "waktu":
            if start is None or end is None:
                raise ValidationFailed(
                    "breach.window_required", _("Isi awal dan akhir rentang waktu.")
                )
            result = breach.breach_by_window(request.user, start=start, end=end)
        else:
            identifiers = breach.parse_identifiers(request.POST.get("nomor", ""))
            if not identifiers:
                raise ValidationFailed(
                    "breach.records_required", _("Tempel NIP, NIK atau ID pegawai yang bocor.")
                )
            if (start is None) != (end is None):
                raise ValidationFailed(
                    "breach.window_partial",
                    _("Isi awal dan akhir rentang waktu, atau keduanya kosong."),
                )
            result = breach.breach_by_records(request.user, identifiers, start=start, end=end)
    except ValidationFailed as error:
        context["error"] = error.message
        return render(request, "people/self/breach.html", context, status=400)
    fmt = request.POST.get("unduh", "")
    if fmt in ("xlsx", "csv"):
        audit.record(
            actor=request.user,
            action="breach.export",
            object_type="people.employee",
            instansi_id=min(breach.require_breach_admin(request.user), default=None),
            extra={"mode": result.mode, "people": len(result.people), "format": fmt},
        )
        response = spreadsheet_response(
            name=f"insiden-data-pribadi-{timezone.localdate():%Y%m%d}",
            fmt=fmt,
            header=[str(h) for h in breach.BREACH_HEADER],
            rows=breach.breach_rows(result),
            sheet=_("Terdampak"),
        )
        return cast(HttpResponse, response)
    context["result"] = result
    context["shown"] = result.people[: breach.BREACH_PAGE_LIMIT]
    context["page_limit"] = breach.BREACH_PAGE_LIMIT
    return render(request, "people/self/breach.html", context)
