"""Scenario list, editor (operations with inline validation, undo/redo, live comparison),
status decisions and the htmx search selects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from penata.core.errors import ApplicationError, ValidationFailed
from penata.core.web import staff_view
from penata.restructure import selectors, services
from penata.restructure.graph import OrgGraph
from penata.restructure.models import Scenario
from penata.restructure.operation_forms import (
    OPERATION_FORMS,
    OPERATION_GROUPS,
    bind,
    form_values,
    operation_label,
)
from penata.restructure.views.common import comparison_context, role_flags

DEFAULT_KIND = "unit.merge"
SEARCHABLE = ("unit", "position", "duty")


def _is_htmx(request: HttpRequest) -> bool:
    return bool(request.headers.get("HX-Request"))


@staff_view
def scenario_list(request: HttpRequest) -> HttpResponse:
    """Scenarios of the instansi; POST creates one (analyst/admin)."""
    instansi = selectors.restructure_instansi_for(request.user)
    form: dict[str, Any] = {"name": "", "description": "", "base_date": ""}
    error = ""
    if request.method == "POST":
        form = {k: request.POST.get(k, "").strip() for k in form}
        try:
            base_date = _parse_date(form["base_date"])
            scenario = services.scenario_create(
                actor=request.user,
                instansi=instansi,
                name=form["name"],
                description=form["description"],
                base_date=base_date,
            )
        except ValidationFailed as refused:
            error = refused.message
        else:
            messages.success(request, _("Skenario dibuat. Tambahkan operasi perubahan."))
            return redirect("restructure:scenario_editor", pk=scenario.pk)
    status = request.GET.get("status", "")
    context = {
        "instansi": instansi,
        "scenarios": selectors.scenario_list(request.user, instansi=instansi, status=status),
        "statuses": selectors.scenario_statuses(),
        "status": status,
        "form": form,
        "error": error,
        **role_flags(request.user, instansi.id),
    }
    return render(request, "restructure/scenario_list.html", context, status=422 if error else 200)


def _parse_date(raw: str) -> dt.date | None:
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError as error:
        raise ValidationFailed("scenario.base_date", _("Tanggal dasar tidak valid.")) from error


def _editor_context(
    request: HttpRequest,
    scenario: Scenario,
    kind: str,
    values: dict[str, Any] | None = None,
    errors: list[dict[str, Any]] | None = None,
    base: OrgGraph | None = None,
) -> dict[str, Any]:
    state = selectors.scenario_state(scenario, base=base)
    kind = kind if kind in OPERATION_FORMS else DEFAULT_KIND
    fields, general_errors = bind(kind, state.graph, values, errors)
    steps = {s.index: s for s in state.replay.steps}
    descriptions = state.descriptions()
    rows = [
        {
            "op": op,
            "active": op.seq <= scenario.cursor,
            "step": steps.get(op.seq - 1),
            "description": descriptions.get(op.seq, op.description),
        }
        for op in state.operations
    ]
    return {
        "scenario": scenario,
        "state": state,
        "rows": rows,
        "kind": kind,
        "kind_label": operation_label(kind),
        "groups": [
            (label, [(k, operation_label(k)) for k in kinds]) for label, kinds in OPERATION_GROUPS
        ],
        "fields": fields,
        "general_errors": general_errors,
        "failed": state.replay.failed,
        **comparison_context(state.comparison),
        **role_flags(request.user, scenario.instansi_id),
    }


@staff_view
def scenario_editor(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = selectors.scenario_get_for(request.user, pk)
    context = _editor_context(request, scenario, request.GET.get("jenis", DEFAULT_KIND))
    return render(request, "restructure/scenario_editor.html", context)


@staff_view
def operation_form(request: HttpRequest, pk: int) -> HttpResponse:
    """The form of one operation kind (htmx swap when the analyst picks another kind)."""
    scenario = selectors.scenario_get_for(request.user, pk)
    kind = request.GET.get("jenis", DEFAULT_KIND)
    kind = kind if kind in OPERATION_FORMS else DEFAULT_KIND
    fields, _general = bind(kind, selectors.scenario_graph(scenario))
    context = {
        "scenario": scenario,
        "kind": kind,
        "kind_label": operation_label(kind),
        "fields": fields,
        "general_errors": [],
    }
    return render(request, "restructure/_operation_form.html", context)


@require_POST
@staff_view
def operation_add(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = selectors.scenario_get_for(request.user, pk)
    kind = request.POST.get("kind", "")
    values = form_values(kind, request.POST)
    errors: list[dict[str, Any]] | None = None
    base = selectors.scenario_base(scenario)
    try:
        services.scenario_add_operation(
            actor=request.user, scenario=scenario, kind=kind, params=values, base=base
        )
    except ValidationFailed as refused:
        errors = refused.extra.get("errors") or [{"field": "", "message": refused.message}]
    scenario.refresh_from_db()
    if errors is None and not _is_htmx(request):
        messages.success(request, _("Operasi ditambahkan."))
        return redirect(f"{scenario_url(scenario)}?jenis={kind}")
    context = _editor_context(
        request, scenario, kind, values if errors else None, errors, base=base
    )
    template = (
        "restructure/_editor_body.html" if _is_htmx(request) else "restructure/scenario_editor.html"
    )
    status = 422 if errors and not _is_htmx(request) else 200
    return render(request, template, context, status=status)


def scenario_url(scenario: Scenario) -> str:
    return reverse("restructure:scenario_editor", args=[scenario.pk])


def _cursor_view(request: HttpRequest, pk: int, service: Any) -> HttpResponse:
    scenario = selectors.scenario_get_for(request.user, pk)
    error = ""
    try:
        service(actor=request.user, scenario=scenario)
    except ValidationFailed as refused:
        error = refused.message
    except ApplicationError as refused:
        if refused.status_code >= 403:
            raise
        error = refused.message
    scenario.refresh_from_db()
    kind = request.POST.get("kind", DEFAULT_KIND)
    if not _is_htmx(request):
        if error:
            messages.error(request, error)
        return redirect(f"{scenario_url(scenario)}?jenis={kind}")
    context = _editor_context(request, scenario, kind)
    context["cursor_error"] = error
    return render(request, "restructure/_editor_body.html", context)


@require_POST
@staff_view
def scenario_undo(request: HttpRequest, pk: int) -> HttpResponse:
    return _cursor_view(request, pk, services.scenario_undo)


@require_POST
@staff_view
def scenario_redo(request: HttpRequest, pk: int) -> HttpResponse:
    return _cursor_view(request, pk, services.scenario_redo)


DECISIONS: dict[str, tuple[Callable[..., Any], str]] = {
    "submit": (services.scenario_submit, _("Skenario diajukan untuk persetujuan admin.")),
    "approve": (services.scenario_approve, _("Skenario disetujui; analis dapat menetapkannya.")),
    "reject": (services.scenario_reject, _("Skenario dikembalikan kepada analis.")),
    "reopen": (services.scenario_reopen, _("Skenario dibuka kembali sebagai draf.")),
}


@require_POST
@staff_view
def scenario_decide(request: HttpRequest, pk: int) -> HttpResponse:
    """Submit, approve, reject or reopen (the service checks who may)."""
    scenario = selectors.scenario_get_for(request.user, pk)
    action = request.POST.get("action", "")
    if action not in DECISIONS:
        messages.error(request, _("Tindakan tidak dikenal."))
        return redirect(scenario_url(scenario))
    service, done = DECISIONS[action]
    kwargs: dict[str, Any] = {"actor": request.user, "scenario": scenario}
    if action in ("approve", "reject"):
        kwargs["note"] = request.POST.get("note", "")
    try:
        service(**kwargs)
    except ApplicationError as refused:
        if refused.status_code in (403, 404):
            raise
        messages.error(request, refused.message)
    else:
        messages.success(request, str(done))
    return redirect(scenario_url(scenario))


@staff_view
def search_options(request: HttpRequest, pk: int, what: str) -> HttpResponse:
    """Units, posts or duties of the scenario's structure matching `?q=`, as a select named
    `?field=` (htmx search select)."""
    scenario = selectors.scenario_get_for(request.user, pk)
    if what not in SEARCHABLE:
        what = "unit"
    graph: OrgGraph = selectors.scenario_graph(scenario)
    options = selectors.graph_options(graph, what, request.GET.get("q", ""))
    if request.GET.get("filter") == "convertible" and what == "position":
        convertible = {
            str(p.id) for p in graph.positions.values() if p.kind in ("administrator", "pengawas")
        }
        options = [
            o
            for o in selectors.graph_options(graph, what, request.GET.get("q", ""), limit=10_000)
            if o.value in convertible
        ][:30]
    field = request.GET.get("field", what)
    none_value = request.GET.get("kosong")
    context = {
        "options": options,
        "field": field,
        "query": request.GET.get("q", ""),
        "allow_none": none_value is not None,
        "none_value": none_value or "",
        "none_label": _("— tanpa jabatan (Plt/Plh berakhir) —")
        if none_value == "-"
        else _("— kosong —"),
    }
    return render(request, "restructure/_search_options.html", context)
