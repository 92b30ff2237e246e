"""Pages of the workload analysis: per-unit Anjab-ABK, city summary, outlook, exports."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from penata.core import reference
from penata.core.errors import ApplicationError, PermissionDenied
from penata.core.web import as_of_date, staff_view
from penata.org.selectors import instansi_for
from penata.workload import exports, selectors, services
from penata.workload.models import PJ_PRESET_CHOICES, ROUNDING_CHOICES
from penata.workload.rules import rounding_rule_text

SUMMARY_COLUMNS = (
    ("name", gettext_lazy("Unit / jenis jabatan")),
    ("positions", gettext_lazy("Jabatan")),
    ("need", gettext_lazy("Kebutuhan (desimal)")),
    ("existing", gettext_lazy("Pegawai yang ada")),
    ("gap", gettext_lazy("Selisih")),
    ("shortage", gettext_lazy("Kurang")),
    ("surplus", gettext_lazy("Lebih")),
)


def _unit_context(request: HttpRequest, abk: selectors.UnitAbk) -> dict[str, Any]:
    return {
        "abk": abk,
        "unit": abk.unit,
        "can_edit": selectors.can_edit(request.user, abk.unit),
        "periods": [(code, _(label)) for code, label in reference.DUTY_PERIODS.items()],
        "wke": abk.config.effective_minutes,
    }


@staff_view
def unit_abk(request: HttpRequest, pk: int) -> HttpResponse:
    """The Anjab-ABK table of a unit and its subtree; editable by org_analyst and admin."""
    abk = selectors.unit_abk(request.user, pk, as_of=as_of_date(request))
    return render(request, "workload/unit.html", _unit_context(request, abk))


@require_POST
@staff_view
def duty_save(request: HttpRequest, pk: int) -> HttpResponse:
    """Save one duty's volume, period and norm; answer the position's rows and the totals."""
    if not selectors.may_edit_somewhere(request.user):
        raise PermissionDenied(_("Hanya analis organisasi atau admin yang dapat mengubah ABK."))
    duty = selectors.duty_get_for(request.user, pk)
    if not selectors.can_edit(request.user, duty.position.unit):
        raise PermissionDenied(_("Hanya analis organisasi atau admin yang dapat mengubah ABK."))
    error: ApplicationError | None = None
    try:
        services.duty_update(
            actor=request.user,
            duty=duty,
            volume=request.POST.get("volume", ""),
            period=request.POST.get("period", ""),
            time_norm_minutes=request.POST.get("time_norm_minutes", ""),
        )
    except ApplicationError as refused:
        if refused.status_code == 403:
            raise
        error = refused
    unit_id = int(request.POST.get("unit") or duty.position.unit_id)
    abk = selectors.unit_abk(request.user, unit_id)
    row = next((r for r in abk.rows if r.position.id == duty.position_id), None)
    if row is None:
        row = selectors.position_row(request.user, duty.position_id)
    context = {
        **_unit_context(request, abk),
        "row": row,
        "open": True,
        "error": error,
        "error_duty": duty.pk if error else None,
        "oob": True,
    }
    return render(request, "workload/_edit_response.html", context, status=422 if error else 200)


@staff_view
def unit_outlook(request: HttpRequest, pk: int) -> HttpResponse:
    """Five-year outlook per position: retirements (BUP) and the gap they leave."""
    abk = selectors.unit_abk(request.user, pk, as_of=as_of_date(request))
    outlook = selectors.outlook_lines(abk)
    return render(
        request, "workload/outlook.html", {"abk": abk, "unit": abk.unit, "outlook": outlook}
    )


@staff_view
def city_summary(request: HttpRequest) -> HttpResponse:
    """Shortage and surplus by Perangkat Daerah and by position kind, sortable, with a chart."""
    sort = request.GET.get("urut", "gap")
    descending = request.GET.get("arah", "turun") != "naik"
    summary = selectors.city_summary(
        request.user, as_of=as_of_date(request), sort=sort, descending=descending
    )
    chart = {
        # Every Perangkat Daerah, largest shortage first whatever the table's order: cutting
        # the list would hide the largest surpluses at its end.
        "units": [
            {"name": line.name, "value": line.gap}
            for line in sorted(summary.by_unit, key=lambda line: -line.gap)
        ],
        "kinds": [{"name": line.name, "value": line.gap} for line in summary.by_kind],
    }
    return render(
        request,
        "workload/summary.html",
        {
            "summary": summary,
            "chart": chart,
            "sort": sort if sort in selectors.SUMMARY_SORTS else "gap",
            "descending": descending,
            "wke": summary.config.effective_minutes,
            "columns": SUMMARY_COLUMNS,
        },
    )


@staff_view
def unit_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    """The Anjab-ABK workbook: a summary sheet and one sheet per unit of the subtree."""
    abk = selectors.unit_abk(request.user, pk, as_of=as_of_date(request))
    response = HttpResponse(
        exports.abk_workbook(abk),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="abk-{abk.unit.code}.xlsx"'
    return response


@staff_view
def unit_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The Anjab-ABK report of a unit, ready to sign (WeasyPrint)."""
    abk = selectors.unit_abk(request.user, pk, as_of=as_of_date(request))
    pdf = exports.abk_pdf(abk, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="abk-{abk.unit.code}.pdf"'
    return response


@staff_view
def settings_page(request: HttpRequest) -> HttpResponse:
    """WKE, rounding rule and PJ bands of the instansi (org_analyst and admin)."""
    instansi = instansi_for(request.user)
    if not selectors.can_configure(request.user, instansi):
        raise PermissionDenied(_("Hanya analis organisasi atau admin yang dapat mengatur ABK."))
    saved = selectors.settings_for(instansi)
    error: ApplicationError | None = None
    values: dict[str, Any] = {
        "effective_minutes": instansi.effective_minutes,
        "rounding": saved.rounding,
        "round_up_from": saved.round_up_from,
        "pj_preset": saved.pj_preset,
        "custom_lower_bounds": saved.custom_lower_bounds,
    }
    status = 200
    if request.method == "POST":
        values = {key: request.POST.get(key, "") for key in values}
        try:
            services.settings_update(actor=request.user, instansi=instansi, **values)
        except ApplicationError as refused:
            if refused.status_code == 403:
                raise
            error, status = refused, 422
        else:
            return redirect("workload:settings")
    config = selectors.config_for(instansi, saved)
    context = {
        "instansi": instansi,
        "values": values,
        "error": error,
        "roundings": ROUNDING_CHOICES,
        "presets": PJ_PRESET_CHOICES,
        "config": config,
        "rounding_rule": rounding_rule_text(config),
        "wke": config.effective_minutes,
    }
    return render(request, "workload/settings.html", context, status=status)
