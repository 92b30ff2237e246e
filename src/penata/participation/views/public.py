"""Public pages: participation home, service catalog, IKM results and unit accountability."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from penata.core.dating import valid_on
from penata.core.errors import NotFound
from penata.core.web import paginate
from penata.org.models import Unit
from penata.participation import periods
from penata.participation.rules import weighting_text
from penata.participation.selectors import catalog as catalog_selectors
from penata.participation.selectors import common, reports
from penata.participation.selectors import skm as skm_selectors
from penata.participation.selectors.common import skm_config_for
from penata.participation.views.common import int_param, public_page


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness probe and the benchmark's baseline: the smallest Django response."""
    return HttpResponse("ok", content_type="text/plain")


@public_page
def index(request: HttpRequest) -> HttpResponse:
    instansi = common.public_instansi()
    return render(request, "participation/index.html", {"instansi": instansi})


@public_page
def catalog(request: HttpRequest) -> HttpResponse:
    """Published services grouped by unit, with search (`?q=`) and a unit filter (`?unit=`)."""
    instansi = common.public_instansi()
    query = request.GET.get("q", "").strip()[:100]
    unit_id = int_param(request, "unit")
    unit = common.unit_in_instansi(instansi, unit_id) if unit_id else None
    services = catalog_selectors.public_service_list(instansi, search=query, unit=unit)
    page = paginate(request, services, per_page=40)
    context = {
        "instansi": instansi,
        "query": query,
        "unit": unit,
        "page": page,
        "groups": catalog_selectors.group_by_unit(list(page.object_list)),
    }
    return render(request, "participation/catalog.html", context)


@public_page
def service_detail(request: HttpRequest, pk: int) -> HttpResponse:
    instansi = common.public_instansi()
    service = catalog_selectors.public_service_get(instansi, pk)
    period = skm_selectors.period_default(instansi, service, None)
    result = skm_selectors.skm_result(instansi, period=period, service=service)
    return render(
        request,
        "participation/service_detail.html",
        {"service": service, "skm": result},
    )


def _period(request: HttpRequest, default: str) -> str:
    raw = request.GET.get("periode", "").strip()
    return raw if periods.is_valid(raw) else default


@public_page
def results_index(request: HttpRequest) -> HttpResponse:
    """IKM of the whole government and of every published service for a period."""
    instansi = common.public_instansi()
    period = _period(request, skm_selectors.period_default(instansi, None, None))
    overall = skm_selectors.skm_result(instansi, period=period)
    summaries = [
        (service, result)
        for service, result in skm_selectors.skm_service_summaries(instansi, period=period)
        if result.respondents
    ]
    context = {
        "instansi": instansi,
        "period": period,
        "period_label": periods.label(period),
        "periods": skm_selectors.periods_with_responses(instansi, None, None),
        "overall": overall,
        "summaries": summaries,
        "weighting": weighting_text(skm_config_for(instansi)),
    }
    return render(request, "participation/results_index.html", context)


def _results(request: HttpRequest, *, service_id: int | None, unit_id: int | None) -> HttpResponse:
    instansi = common.public_instansi()
    service = catalog_selectors.public_service_get(instansi, service_id) if service_id else None
    unit = common.unit_in_instansi(instansi, unit_id) if unit_id else None
    period = _period(request, skm_selectors.period_default(instansi, service, unit))
    result = skm_selectors.skm_result(instansi, period=period, service=service, unit=unit)
    trend = skm_selectors.skm_trend(instansi, until=period, count=4, service=service, unit=unit)
    context = {
        "service": service,
        "unit": unit,
        "period": period,
        "periods": skm_selectors.periods_with_responses(instansi, service, unit),
        "skm": result,
        "trend": trend,
        "chart": skm_selectors.chart_data(result, trend),
        "weighting": weighting_text(skm_config_for(instansi)),
    }
    return render(request, "participation/results.html", context)


@public_page
def results_service(request: HttpRequest, pk: int) -> HttpResponse:
    return _results(request, service_id=pk, unit_id=None)


@public_page
def results_unit(request: HttpRequest, pk: int) -> HttpResponse:
    return _results(request, service_id=None, unit_id=pk)


@public_page
def unit_public(request: HttpRequest, pk: int) -> HttpResponse:
    """A unit's public accountability page: services, IKM trend, complaint volume, % resolved
    on time and median response time (aggregates only)."""
    instansi = common.public_instansi()
    unit = Unit.objects.filter(valid_on(), instansi=instansi, pk=pk).first()
    if unit is None:
        raise NotFound("unit")
    period = skm_selectors.period_default(instansi, None, unit)
    trend = skm_selectors.skm_trend(instansi, until=period, count=4, unit=unit)
    figures = reports.complaint_accountability(instansi, unit=unit)
    services = list(catalog_selectors.public_service_list(instansi, unit=unit)[:50])
    context = {
        "unit": unit,
        "services": services,
        "trend": trend,
        "figures": figures,
        "chart": {
            "trend": [
                {"name": p.label, "value": float(p.ikm) if p.ikm is not None else None}
                for p in trend
            ],
            "months": [{"name": m.label, "value": m.received} for m in figures.months],
        },
        "weighting": weighting_text(skm_config_for(instansi)),
    }
    return render(request, "participation/unit_public.html", context)
