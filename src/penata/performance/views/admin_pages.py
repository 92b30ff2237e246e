"""BKPSDM pages of the performance module: settings, organisational predikat of units and
the working calendar. Pages answer 403 to anybody but the instansi's admin."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from penata.accounts.scope import reach_of
from penata.core.dating import today
from penata.core.errors import ApplicationError
from penata.core.web import staff_view
from penata.org import selectors as org_selectors
from penata.org.models import Instansi
from penata.performance import forms, rules
from penata.performance.errors import PerformanceError, Refused, refused
from penata.performance.selectors import common as selectors
from penata.performance.services import config as services
from penata.performance.views.common import action, tabs, year_of


def _admin_instansi(request: HttpRequest) -> Instansi:
    instansi = org_selectors.instansi_for(request.user)
    if not selectors.is_admin(request.user, instansi.pk):
        raise refused(
            PerformanceError.SETTINGS_ADMIN_ONLY,
            _("Halaman ini untuk admin BKPSDM."),
        )
    return instansi


@staff_view
def settings_page(request: HttpRequest) -> HttpResponse:
    instansi = _admin_instansi(request)
    config = selectors.settings_for(instansi.pk)
    initial = {
        "frequency": config.frequency,
        "grace_days": config.grace_days,
        "evidence_max_kb": config.evidence_max_bytes // 1024,
        "backdate_days": config.backdate_days,
        "reminders_enabled": config.reminders_enabled,
        "working_weekdays": "".join(str(d) for d in sorted(selectors.weekdays_for(instansi.pk))),
    }
    form = forms.SettingsForm(request.POST or None, initial=initial)
    error = ""
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        coefficients = {
            jenjang: request.POST.get(f"ak-{jenjang}", "") for jenjang in rules.DEFAULT_COEFFICIENTS
        }
        try:
            services.performance_settings_update(
                actor=request.user, instansi=instansi, ak_coefficients=coefficients, **data
            )
        except Refused:
            raise
        except ApplicationError as exc:
            error, status = exc.message, exc.status_code
        else:
            messages.success(request, _("Pengaturan kinerja disimpan."))
            return redirect("performance:settings")
    elif request.method == "POST":
        status = 422
    context: dict[str, Any] = {
        **tabs(request, "admin", instansi.pk),
        "form": form,
        "error": error,
        "coefficients": [
            (j, config.ak_config.coefficients.get(j), rules.DEFAULT_COEFFICIENTS[j])
            for j in rules.DEFAULT_COEFFICIENTS
        ],
    }
    return render(request, "performance/settings.html", context, status=status)


@staff_view
def org_predikat(request: HttpRequest) -> HttpResponse:
    instansi = _admin_instansi(request)
    year = year_of(request)
    if request.method == "POST":
        form = forms.OrgPredikatForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Isian predikat organisasi tidak lengkap."))
            return redirect(reverse("performance:org_predikat") + f"?tahun={year}")
        data = form.cleaned_data
        unit = selectors.unit_in_instansi(instansi, data["unit"])
        return action(
            request,
            lambda: services.org_predikat_set(
                actor=request.user,
                unit=unit,
                year=data["year"],
                predikat=data["predikat"],
                note=data["note"],
            ),
            _("Predikat organisasi %(unit)s disimpan.") % {"unit": unit.name},
            reverse("performance:org_predikat") + f"?tahun={data['year']}",
        )
    context = {
        **tabs(request, "admin", instansi.pk),
        "year": year,
        "years": [today().year - 1, today().year],
        "rows": selectors.org_predikat_rows(instansi, year, today()),
        "choices": list(rules.ORG_PREDIKAT_LABELS.items()),
    }
    return render(request, "performance/org_predikat.html", context)


@staff_view
def calendar_page(request: HttpRequest) -> HttpResponse:
    instansi = _admin_instansi(request)
    year = year_of(request)
    form = forms.HolidayForm(request.POST or None)
    status = 200
    error = ""
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.holiday_save(
                    actor=request.user,
                    instansi=None if data["national"] else instansi,
                    day=data["date"],
                    name=data["name"],
                    kind=data["kind"],
                    is_estimate=data["is_estimate"],
                )
            except Refused:
                raise
            except ApplicationError as exc:
                error, status = exc.message, exc.status_code
            else:
                messages.success(request, _("Kalender kerja diperbarui."))
                return redirect(reverse("performance:calendar") + f"?tahun={data['date'].year}")
        else:
            status = 422
    holidays = selectors.holiday_list(instansi, year)
    context = {
        **tabs(request, "admin", instansi.pk),
        "year": year,
        "years": [today().year - 1, today().year, today().year + 1],
        "form": form,
        "error": error,
        "holidays": holidays,
        "working_days": len(
            selectors.calendar_for(instansi.pk, *_year_span(year)).working_days(*_year_span(year))
        ),
        "is_superuser": reach_of(request.user).is_superuser,
    }
    return render(request, "performance/calendar.html", context, status=status)


def _year_span(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


@staff_view
@require_POST
def holiday_delete(request: HttpRequest, pk: int) -> HttpResponse:
    _admin_instansi(request)
    holiday = selectors.holiday_get_for(request.user, pk)
    return action(
        request,
        lambda: services.holiday_delete(actor=request.user, holiday=holiday),
        _("Tanggal dihapus dari kalender."),
        reverse("performance:calendar") + f"?tahun={holiday.date.year}",
    )
