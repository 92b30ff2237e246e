"""Staff pages of the catalog and SKM (services, population, results and export) and the
admin's settings: routing rules, categories, SLA targets and IKM weighting."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from penata.core.errors import ApplicationError, NotFound, PermissionDenied
from penata.core.web import paginate
from penata.org.models import Unit
from penata.participation import access, exports, periods
from penata.participation.forms import (
    CategoryForm,
    PopulationForm,
    RoutingRuleForm,
    ServiceForm,
    SettingsForm,
)
from penata.participation.models import SkmResponse
from penata.participation.rules import UNSUR_CODES, weighting_text
from penata.participation.selectors import catalog as catalog_selectors
from penata.participation.selectors import common
from penata.participation.selectors import complaints as complaint_selectors
from penata.participation.selectors import skm as skm_selectors
from penata.participation.services import catalog as catalog_services
from penata.participation.services import config as config_services
from penata.participation.services import routing as routing_services
from penata.participation.services import skm as skm_services
from penata.participation.views.common import XLSX, apply_error, int_param, participation_staff


def _manageable_units(request: HttpRequest, instansi: Any) -> Any:
    from penata.core.dating import valid_on

    return (
        Unit.objects.filter(valid_on(), instansi=instansi)
        .filter(access.unit_scope_q(request.user, instansi.pk))
        .exclude(kind__in=["sekolah", "kelompok_fungsional", "seksi", "subbagian"])
        .order_by("path")
    )


@participation_staff
def service_admin(request: HttpRequest) -> HttpResponse:
    instansi = common.staff_instansi(request.user)
    query = request.GET.get("q", "").strip()[:100]
    services = catalog_selectors.service_list_for(request.user, instansi, search=query)
    context = {
        "page": paginate(request, services),
        "query": query,
        "may_create": _manageable_units(request, instansi).exists(),
    }
    return render(request, "participation/staff/service_list.html", context)


def _service_input(data: dict[str, Any]) -> catalog_services.ServiceInput:
    return catalog_services.ServiceInput(
        **{
            k: data.get(k, "")
            for k in catalog_services.ServiceInput.__dataclass_fields__
            if k not in ("is_published", "allows_repeat_survey")
        },
        is_published=bool(data.get("is_published")),
        allows_repeat_survey=bool(data.get("allows_repeat_survey")),
    )


@participation_staff
@require_http_methods(["GET", "POST"])
def service_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    instansi = common.staff_instansi(request.user)
    service = catalog_selectors.service_get_for(request.user, instansi, pk) if pk else None
    if service is not None and not access.manages_unit(request.user, service.unit):
        raise PermissionDenied(_("Anda hanya dapat mengubah layanan unit Anda."))
    units = _manageable_units(request, instansi)
    initial: dict[str, Any] = {}
    if service is not None:
        initial = {f: getattr(service, f) for f in catalog_services.FIELDS if f != "unit"}
        initial["unit"] = service.unit_id
    form = ServiceForm(request.POST or None, initial=initial, units=units)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            unit = units.filter(pk=data["unit"]).first()
            if unit is None:
                raise NotFound("unit")
            if service is None:
                service = catalog_services.service_create(
                    actor=request.user, unit=unit, data=_service_input(data)
                )
            else:
                service = catalog_services.service_update(
                    actor=request.user, service=service, data=_service_input(data), unit=unit
                )
        except ApplicationError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("Standar pelayanan disimpan."))
            return redirect("participation:service_admin")
    return render(
        request, "participation/staff/service_form.html", {"form": form, "service": service}
    )


def _respondent_rows(instansi: Any, period: str, service: Any, unit: Any) -> list[list[Any]]:
    from penata.participation.models.skm import PROFILE_FIELDS

    qs = SkmResponse.objects.filter(instansi=instansi, period=period)
    qs = qs.filter(service=service) if service else qs.filter(unit__path__startswith=unit.path)
    labels = {f: dict(c.choices) for f, c in PROFILE_FIELDS.items()}
    rows = []
    for values in qs.order_by("submitted_at", "id").values_list(*UNSUR_CODES, *PROFILE_FIELDS):
        answers, profile = values[:9], values[9:]
        rows.append(
            [
                *answers,
                *(str(labels[f].get(v, "")) for f, v in zip(PROFILE_FIELDS, profile, strict=True)),
            ]
        )
    return rows


def _skm_scope(request: HttpRequest, pk: int, kind: str) -> tuple[Any, Any, Any]:
    instansi = common.staff_instansi(request.user)
    if kind == "service":
        service = catalog_selectors.service_get_for(request.user, instansi, pk)
        return instansi, service, None
    unit = common.unit_in_instansi(instansi, pk)
    if not (
        access.covers_unit_any(request.user, instansi.pk) or access.manages_unit(request.user, unit)
    ):
        raise NotFound("unit")
    return instansi, None, unit


@participation_staff
@require_http_methods(["GET", "POST"])
def skm_staff(request: HttpRequest, pk: int, kind: str = "service") -> HttpResponse:
    """SKM result for a service (or a unit subtree) with the population form and the
    suggestions respondents wrote."""
    instansi, service, unit = _skm_scope(request, pk, kind)
    raw = request.GET.get("periode", "")
    period = raw if periods.is_valid(raw) else skm_selectors.period_default(instansi, service, unit)
    form = PopulationForm(request.POST or None, initial={"period": period})
    if request.method == "POST" and service is not None and form.is_valid():
        try:
            skm_services.skm_population_set(
                actor=request.user,
                service=service,
                period=form.cleaned_data["period"],
                population=form.cleaned_data["population"],
            )
        except ApplicationError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("Populasi disimpan."))
            return redirect(f"{request.path}?periode={form.cleaned_data['period']}")
    result = skm_selectors.skm_result(instansi, period=period, service=service, unit=unit)
    trend = skm_selectors.skm_trend(instansi, until=period, count=4, service=service, unit=unit)
    context = {
        "service": service,
        "unit": unit,
        "kind": kind,
        "skm": result,
        "trend": trend,
        "chart": skm_selectors.chart_data(result, trend),
        "period": period,
        "periods": skm_selectors.periods_with_responses(instansi, service, unit),
        "form": form,
        "may_edit": service is not None and access.manages_unit(request.user, service.unit),
        "suggestions": skm_selectors.suggestion_list(
            instansi, period=period, service=service, unit=unit
        )[:200],
        "weighting": weighting_text(common.skm_config_for(instansi)),
    }
    return render(request, "participation/staff/skm.html", context)


@participation_staff
def skm_xlsx(request: HttpRequest, pk: int, kind: str = "service") -> HttpResponse:
    instansi, service, unit = _skm_scope(request, pk, kind)
    raw = request.GET.get("periode", "")
    period = raw if periods.is_valid(raw) else skm_selectors.period_default(instansi, service, unit)
    result = skm_selectors.skm_result(instansi, period=period, service=service, unit=unit)
    trend = skm_selectors.skm_trend(instansi, until=period, count=4, service=service, unit=unit)
    content = exports.skm_xlsx(
        result,
        trend,
        unit_name=(service.unit.name if service else unit.name),
        weighting=weighting_text(common.skm_config_for(instansi)),
        respondents=_respondent_rows(instansi, period, service, unit),
    )
    response = HttpResponse(content, content_type=XLSX)
    name = f"skm-{kind}-{pk}-{period}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _admin_only(request: HttpRequest) -> Any:
    instansi = common.staff_instansi(request.user)
    if not access.is_admin(request.user, instansi.pk):
        raise PermissionDenied(_("Halaman ini hanya untuk admin."))
    return instansi


def _rule_form(
    request: HttpRequest, instansi: Any, initial: dict[str, Any] | None = None
) -> RoutingRuleForm:
    return RoutingRuleForm(
        request.POST or None,
        initial=initial or {"priority": 100, "is_active": True},
        categories=complaint_selectors.category_list(instansi, active_only=False),
        services=catalog_selectors.published_services_for_select(instansi),
        kelurahan=common.kelurahan_list(instansi),
        units=complaint_selectors.assignable_units(request.user, instansi),
    )


@participation_staff
@require_http_methods(["GET", "POST"])
def routing(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Routing rules: category, service and/or kelurahan → unit; what none matches goes to
    the triage queue."""
    instansi = _admin_only(request)
    rule = complaint_selectors.routing_rule_get(instansi, pk) if pk else None
    initial = None
    if rule is not None:
        initial = {
            "category": rule.category_id,
            "service": rule.service_id,
            "kelurahan": rule.kelurahan_id,
            "unit": rule.unit_id,
            "priority": rule.priority,
            "is_active": rule.is_active,
            "note": rule.note,
        }
    form = _rule_form(request, instansi, initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            routing_services.routing_rule_save(
                actor=request.user,
                instansi=instansi,
                unit=common.unit_in_instansi(instansi, data["unit"]),
                category=complaint_selectors.category_get(
                    instansi, data["category"], active_only=False
                )
                if data.get("category")
                else None,
                service=catalog_selectors.public_service_get(instansi, data["service"])
                if data.get("service")
                else None,
                kelurahan=common.kelurahan_get(instansi, data["kelurahan"])
                if data.get("kelurahan")
                else None,
                priority=data["priority"],
                is_active=bool(data.get("is_active")),
                note=data.get("note", ""),
                rule=rule,
            )
        except ApplicationError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("Aturan penerusan disimpan."))
            return redirect("participation:routing")
    context = {
        "rules": complaint_selectors.routing_rule_list(instansi),
        "form": form,
        "rule": rule,
    }
    return render(request, "participation/staff/routing.html", context)


@participation_staff
@require_POST
def routing_delete(request: HttpRequest, pk: int) -> HttpResponse:
    instansi = _admin_only(request)
    rule = complaint_selectors.routing_rule_get(instansi, pk)
    routing_services.routing_rule_delete(actor=request.user, rule=rule)
    messages.success(request, _("Aturan penerusan dihapus."))
    return redirect("participation:routing")


@participation_staff
@require_http_methods(["GET", "POST"])
def categories(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    instansi = _admin_only(request)
    category = complaint_selectors.category_get(instansi, pk, active_only=False) if pk else None
    initial = (
        {"name": category.name, "sort_order": category.sort_order, "is_active": category.is_active}
        if category
        else {"is_active": True}
    )
    form = CategoryForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if request.POST.get("seed") == "1":
            created = routing_services.categories_seed(actor=request.user, instansi=instansi)
            messages.success(request, _("%(n)d kategori bawaan ditambahkan.") % {"n": created})
            return redirect("participation:categories")
        if form.is_valid():
            try:
                routing_services.category_save(
                    actor=request.user,
                    instansi=instansi,
                    name=form.cleaned_data["name"],
                    sort_order=form.cleaned_data.get("sort_order") or 0,
                    is_active=bool(form.cleaned_data.get("is_active")),
                    category=category,
                )
            except ApplicationError as error:
                apply_error(form, error)
            else:
                messages.success(request, _("Kategori disimpan."))
                return redirect("participation:categories")
    context = {
        "categories": complaint_selectors.category_list(instansi, active_only=False),
        "form": form,
        "category": category,
    }
    return render(request, "participation/staff/categories.html", context)


@participation_staff
@require_http_methods(["GET", "POST"])
def settings_page(request: HttpRequest) -> HttpResponse:
    instansi = _admin_only(request)
    current = common.settings_for(instansi)
    initial = {
        "response_hours": current.response_hours,
        "followup_hours": current.followup_hours,
        "skm_weighting": current.skm_weighting,
        "skm_period_kind": current.skm_period_kind,
        "forum_moderation": current.forum_moderation,
    }
    form = SettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            config_services.settings_update(
                actor=request.user, instansi=instansi, **form.cleaned_data
            )
        except ApplicationError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("Pengaturan disimpan."))
            return redirect("participation:settings")
    return render(request, "participation/staff/settings.html", {"form": form})


@participation_staff
def dashboard(request: HttpRequest) -> HttpResponse:
    """The unit dashboard: IKM trend, complaint volume, % resolved on time and median
    response time for a unit in scope (or the whole city), with a row per sub-unit."""
    from penata.participation.selectors import reports

    instansi = common.staff_instansi(request.user)
    citywide = access.covers_unit_any(request.user, instansi.pk)
    unit_id = int_param(request, "unit")
    units = complaint_selectors.assignable_units(request.user, instansi)
    unit = units.filter(pk=unit_id).first() if unit_id else None
    if unit is None and not citywide:
        unit = units.order_by("depth", "path").first()
        if unit is None:
            raise NotFound("unit")
    period = skm_selectors.period_default(instansi, None, unit)
    trend = skm_selectors.skm_trend(instansi, until=period, count=4, unit=unit)
    figures = reports.complaint_accountability(instansi, unit=unit, with_children=True)
    context = {
        "unit": unit,
        "citywide": citywide,
        "units": units.filter(depth__lte=(unit.depth + 1) if unit else 1),
        "trend": trend,
        "figures": figures,
        "chart": {
            "trend": [
                {"name": p.label, "value": float(p.ikm) if p.ikm is not None else None}
                for p in trend
            ],
            "months": [{"name": m.label, "value": m.received} for m in figures.months],
            "categories": [{"name": n, "value": c} for n, c in figures.top_categories],
        },
        "weighting": weighting_text(common.skm_config_for(instansi)),
        "is_moderator": access.is_moderator(request.user, instansi.pk),
        "is_admin": access.is_admin(request.user, instansi.pk),
    }
    return render(request, "participation/staff/dashboard.html", context)
