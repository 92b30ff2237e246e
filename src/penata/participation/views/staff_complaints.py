"""Staff pages of complaints: inbox with filters and SLA badges, triage queue, complaint page
with its actions, the reporter's contact on request (audited), the photo, and the weekly report
(page, xlsx, PDF)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from penata.core.downloads import file_response
from penata.core.errors import ApplicationError, NotFound, ValidationFailed
from penata.core.web import paginate
from penata.participation import access, exports
from penata.participation import complaint_rules as rules
from penata.participation.forms import ActionForm
from penata.participation.selectors import common, reports
from penata.participation.selectors import complaints as selectors
from penata.participation.services import complaints as services
from penata.participation.views.common import XLSX, int_param, participation_staff

ROUTING_LABELS = {
    "rule": gettext_lazy("aturan penerusan"),
    "service": gettext_lazy("unit penyelenggara layanan"),
    "chosen_unit": gettext_lazy("dipilih pelapor"),
    "triage": gettext_lazy("antrean triase"),
}


def _filters(request: HttpRequest, instansi: Any) -> selectors.ComplaintFilters:
    unit_id = int_param(request, "unit")
    unit = common.unit_in_instansi(instansi, unit_id) if unit_id else None

    def date(name: str) -> dt.date | None:
        try:
            return dt.date.fromisoformat(request.GET.get(name, ""))
        except ValueError:
            return None

    return selectors.ComplaintFilters(
        status=request.GET.get("status", ""),
        category_id=int_param(request, "kategori"),
        unit=unit,
        overdue=request.GET.get("terlambat") == "1",
        search=request.GET.get("q", "").strip()[:60],
        received_from=date("dari"),
        received_to=date("sampai"),
    )


def _with_sla(items: list[Any]) -> list[Any]:
    now = timezone.now()
    for complaint in items:
        complaint.sla = rules.sla_status(complaint.sla_facts(), now)
    return items


@participation_staff
def inbox(request: HttpRequest) -> HttpResponse:
    instansi = common.staff_instansi(request.user)
    filters = _filters(request, instansi)
    page = paginate(request, selectors.complaint_list_for(request.user, instansi, filters))
    _with_sla(list(page.object_list))
    context = {
        "page": page,
        "filters": filters,
        "categories": selectors.category_list(instansi, active_only=False),
        "statuses": list(rules.STATUS_LABELS.items()),
        "units": selectors.assignable_units(request.user, instansi).filter(depth__lte=2),
        "query": request.GET.urlencode(),
    }
    return render(request, "participation/staff/inbox.html", context)


@participation_staff
def triage(request: HttpRequest) -> HttpResponse:
    """Complaints no routing rule, service or choice placed with a unit (moderators, admin)."""
    instansi = common.staff_instansi(request.user)
    if not access.is_moderator(request.user, instansi.pk):
        raise NotFound("antrean triase")
    filters = selectors.ComplaintFilters(triage=True)
    items = selectors.complaint_list_for(request.user, instansi, filters)
    page = paginate(request, items)
    _with_sla(list(page.object_list))
    waiting = selectors.complaint_list_for(
        request.user, instansi, selectors.ComplaintFilters(status=rules.RECEIVED)
    ).filter(unit__isnull=False)
    context = {
        "page": page,
        "waiting_count": waiting.count(),
        "units": selectors.assignable_units(request.user, instansi),
    }
    return render(request, "participation/staff/triage.html", context)


@participation_staff
def complaint_detail(request: HttpRequest, pk: int) -> HttpResponse:
    instansi = common.staff_instansi(request.user)
    complaint = selectors.complaint_get_for(request.user, instansi, pk)
    actions = [
        a
        for a in rules.allowed_actions(complaint.status)
        if access.may_act_on_complaint(request.user, complaint, a)
    ]
    context = {
        "complaint": complaint,
        "sla": selectors.sla_of(complaint),
        "events": selectors.complaint_events(complaint),
        "actions": actions,
        "action_labels": rules.ACTION_LABELS,
        "units": selectors.assignable_units(request.user, instansi),
        "may_see_contact": access.may_act_on_complaint(request.user, complaint, "respond"),
        "routing_labels": ROUTING_LABELS,
    }
    return render(request, "participation/staff/complaint_detail.html", context)


@participation_staff
@require_POST
def complaint_action(request: HttpRequest, pk: int) -> HttpResponse:
    instansi = common.staff_instansi(request.user)
    complaint = selectors.complaint_get_for(request.user, instansi, pk)
    form = ActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tindakan tidak dikenal."))
        return redirect("participation:complaint_detail", pk)
    action = form.cleaned_data["action"]
    message = form.cleaned_data.get("message") or ""
    unit_id = form.cleaned_data.get("unit")
    try:
        unit = common.unit_in_instansi(instansi, unit_id) if unit_id else None
        if action == "verify":
            services.complaint_verify(
                actor=request.user, complaint=complaint, message=message, assign_to=unit
            )
        elif action == "assign":
            if unit is None:
                raise ValidationFailed("complaint.unit_required", _("Pilih unit tujuan."))
            services.complaint_assign(
                actor=request.user, complaint=complaint, unit=unit, message=message
            )
        elif action == "respond":
            services.complaint_respond(actor=request.user, complaint=complaint, message=message)
        else:
            services.complaint_act(
                actor=request.user, complaint=complaint, action=action, message=message
            )
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Tindakan “%(a)s” tercatat.") % {"a": rules.ACTION_LABELS[action]}
        )
    return redirect("participation:complaint_detail", pk)


@participation_staff
@require_POST
def complaint_contact(request: HttpRequest, pk: int) -> HttpResponse:
    """The reporter's name and contact (htmx fragment); each reveal is audited."""
    instansi = common.staff_instansi(request.user)
    complaint = selectors.complaint_get_for(request.user, instansi, pk)
    name, contact = services.complaint_contact_reveal(actor=request.user, complaint=complaint)
    return render(
        request,
        "participation/staff/_contact.html",
        {"name": name, "contact": contact},
    )


@participation_staff
def complaint_photo(request: HttpRequest, pk: int) -> FileResponse:
    """The complaint's photo, only for staff who may read the complaint (never public)."""
    instansi = common.staff_instansi(request.user)
    complaint = selectors.complaint_get_for(request.user, instansi, pk)
    name = f"foto-aduan-{complaint.pk}.jpg"
    return file_response(complaint.photo, download_name=name, inline_images=True, what="foto")


def _report(request: HttpRequest) -> reports.WeeklyReport:
    instansi = common.staff_instansi(request.user)
    week = (
        rules.parse_iso_week(request.GET.get("minggu", ""))
        or rules.week_bounds(timezone.localdate())[0]
    )
    unit_id = int_param(request, "unit")
    unit = common.unit_in_instansi(instansi, unit_id) if unit_id else None
    if unit is None and not access.covers_unit_any(request.user, instansi.pk):
        units = selectors.assignable_units(request.user, instansi)
        unit = units.order_by("depth", "path").first()
        if unit is None:
            raise NotFound("unit")
    if unit is not None and not (
        access.covers_unit_any(request.user, instansi.pk) or access.manages_unit(request.user, unit)
    ):
        raise NotFound("unit")
    return reports.weekly_report(instansi, week_start=week, unit=unit)


@participation_staff
def weekly_report(request: HttpRequest) -> HttpResponse:
    report = _report(request)
    instansi = common.staff_instansi(request.user)
    context = {
        "report": report,
        "status_labels": rules.STATUS_LABELS,
        "units": selectors.assignable_units(request.user, instansi).filter(depth__lte=1),
        "is_citywide_reader": access.covers_unit_any(request.user, instansi.pk),
    }
    return render(request, "participation/staff/report.html", context)


def _filename(report: reports.WeeklyReport, ext: str) -> str:
    scope = "kota" if report.unit is None else f"unit-{report.unit.pk}"
    return f"laporan-aduan-{report.week}-{scope}.{ext}"


@participation_staff
def weekly_report_xlsx(request: HttpRequest) -> HttpResponse:
    report = _report(request)
    response = HttpResponse(exports.weekly_report_xlsx(report), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{_filename(report, "xlsx")}"'
    return response


@participation_staff
def weekly_report_pdf(request: HttpRequest) -> HttpResponse:
    report = _report(request)
    html = render_to_string(
        "participation/staff/report_pdf.html",
        {"report": report, "status_labels": rules.STATUS_LABELS},
        request=request,
    )
    try:
        content = exports.html_to_pdf(html)
    except exports.PdfUnavailable as error:
        raise ApplicationError(
            "export.pdf_unavailable",
            _("PDF tidak dapat dibuat di server ini (WeasyPrint/Pango belum terpasang)."),
        ) from error
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(report, "pdf")}"'
    return response
