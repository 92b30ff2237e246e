"""Structure metrics dashboard and history (the structure on a past date, two dates compared)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext

from penata.core.web import as_of_date, staff_view
from penata.restructure import selectors
from penata.restructure.graph import StructureMetrics
from penata.restructure.graph.chart import org_chart
from penata.restructure.views.common import comparison_context, role_flags


def metric_charts(metrics: StructureMetrics) -> dict[str, Any]:
    """Data for the dashboard's bar charts (core charts.js format)."""
    return {
        "span": [{"name": str(k), "value": n} for k, n in metrics.span_distribution],
        "layers": [
            {"name": gettext("Lapis %(n)s") % {"n": k}, "value": n} for k, n in metrics.layer_counts
        ],
        "kinds": [{"name": k.label, "value": k.positions} for k in metrics.by_kind],
        "paths": [
            {"name": p.name, "value": round(p.path_mean, 2)}
            for p in sorted(metrics.perangkat_daerah, key=lambda p: -(p.path_mean or 0))
            if p.path_mean is not None
        ][:15],
    }


@staff_view
def dashboard(request: HttpRequest) -> HttpResponse:
    """Metrics of the structure in force today (or `?tanggal=`)."""
    instansi = selectors.restructure_instansi_for(request.user)
    as_of = as_of_date(request)
    snapshot = selectors.structure_as_of(request.user, instansi, as_of)
    metrics = snapshot.metrics
    context = {
        "instansi": instansi,
        "as_of": as_of,
        "snapshot": snapshot,
        "m": metrics,
        "charts": metric_charts(metrics),
        "outside": sorted(
            metrics.outside_range, key=lambda s: (s.status != "above", -s.span_people)
        ),
        "big_units": sorted(
            (u for u in metrics.per_unit if u.perangkat_daerah == u.unit),
            key=lambda u: u.name,
        ),
        **role_flags(request.user, instansi.id),
    }
    return render(request, "restructure/dashboard.html", context)


def _date_param(request: HttpRequest, name: str) -> dt.date | None:
    raw = request.GET.get(name, "").strip()
    try:
        return dt.date.fromisoformat(raw) if raw else None
    except ValueError:
        return None


@staff_view
def history(request: HttpRequest) -> HttpResponse:
    """The structure on `?tanggal=`, and compared with `?banding=` when given."""
    instansi = selectors.restructure_instansi_for(request.user)
    first = _date_param(request, "tanggal")
    second = _date_param(request, "banding")
    context: dict[str, Any] = {
        "instansi": instansi,
        "first": first,
        "second": second,
        "enactments": [
            (e, e.effective_date - dt.timedelta(days=1))
            for e in selectors.enactment_list(request.user, instansi=instansi)
        ],
        **role_flags(request.user, instansi.id),
    }
    if first and second:
        left, right, comparison = selectors.structure_compare_dates(
            request.user, instansi, first, second
        )
        changed = comparison.changed_ids()
        context.update(
            left=left,
            right=right,
            left_name=f"{left.day:%d-%m-%Y}",
            right_name=f"{right.day:%d-%m-%Y}",
            charts={
                "left": org_chart(left.graph, changed, "base", title=instansi.name),
                "right": org_chart(right.graph, changed, "other", title=instansi.name),
            },
            **comparison_context(comparison),
        )
    elif first:
        snapshot = selectors.structure_as_of(request.user, instansi, first)
        context.update(
            snapshot=snapshot, m=snapshot.metrics, charts_single=metric_charts(snapshot.metrics)
        )
    return render(request, "restructure/history.html", context)
