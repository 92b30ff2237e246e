"""Pages of the overlap review: start a run and watch its progress, findings by score with
side-by-side evidence, decisions, one-click scenario operations and the unit × unit heat map.

Readers are org_analyst, admin and auditor (instansi-wide); writes are org_analyst and admin
(the services refuse the others). Findings and runs out of reach are 404."""

from __future__ import annotations

import re
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from penata.accounts.scope import reach_of
from penata.core.errors import ApplicationError, PermissionDenied, ValidationFailed
from penata.core.web import staff_view
from penata.restructure import overlap_selectors as selectors
from penata.restructure import overlap_services as services
from penata.restructure.models import OverlapFinding
from penata.restructure.overlap import DEFAULT_THRESHOLD
from penata.restructure.selectors import (
    can_read,
    can_write,
    restructure_instansi_for,
    scenario_get_for,
)


def highlight(text: str, terms: list[str]) -> SafeString:
    """The statement, escaped, with the shared key terms marked (whole words, any case)."""
    words = sorted({t for t in terms if t.strip()}, key=len, reverse=True)
    if not words:
        return escape(text)
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)
    parts: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        parts.append(escape(text[last : match.start()]))
        parts.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))


def _evidence(finding: OverlapFinding) -> list[dict[str, Any]]:
    return [
        {**duty, "marked": highlight(duty["statement"], finding.terms)} for duty in finding.duties
    ]


def _refuse_read_only(request: HttpRequest, message: str) -> None:
    """A reader without the right to write is refused (403) before any look-up; anybody else
    who cannot read the object then gets 404 from the getter."""
    reach = reach_of(request.user)
    readable = [i for i in reach.instansi_ids if can_read(request.user, i)]
    if readable and not any(can_write(request.user, i) for i in readable):
        raise PermissionDenied(message)


def _writable_finding(request: HttpRequest, pk: int) -> OverlapFinding:
    _refuse_read_only(
        request, _("Hanya analis organisasi atau admin yang dapat memutus temuan tumpang tindih.")
    )
    return selectors.overlap_finding_get_for(request.user, pk)


def _int(raw: str | None) -> int | None:
    try:
        return int(raw) if raw else None
    except ValueError:
        return None


@staff_view
def overlap_home(request: HttpRequest) -> HttpResponse:
    """The latest run (progress or results) with the unit and status filters."""
    instansi = restructure_instansi_for(request.user)
    latest = selectors.overlap_run_latest(request.user, instansi=instansi)
    done = selectors.overlap_run_latest_done(request.user, instansi=instansi)
    unit_id = _int(request.GET.get("unit"))
    status = request.GET.get("status", "")
    findings: list[OverlapFinding] = []
    units = []
    if done is not None:
        findings = list(
            selectors.overlap_finding_list(request.user, run=done, unit_id=unit_id, status=status)
        )
        units = selectors.overlap_units(done)
    decisions = selectors.overlap_decisions_for(findings)
    rows = [
        {"finding": f, "evidence": _evidence(f), "decision": decisions.get(f.key)} for f in findings
    ]
    context = {
        "instansi": instansi,
        "latest": latest,
        "run": done,
        "rows": rows,
        "units": units,
        "unit_id": unit_id,
        "status": status,
        "statuses": selectors.overlap_statuses(),
        "can_write": can_write(request.user, instansi.id),
        "default_threshold": DEFAULT_THRESHOLD,
    }
    return render(request, "restructure/overlap_home.html", context)


@staff_view
@require_POST
def overlap_start(request: HttpRequest) -> HttpResponse:
    instansi = restructure_instansi_for(request.user)
    raw = request.POST.get("threshold", "").replace(",", ".").strip()
    try:
        threshold = float(raw) if raw else DEFAULT_THRESHOLD
    except ValueError:
        threshold = -1.0
    try:
        services.overlap_run_start(actor=request.user, instansi=instansi, threshold=threshold)
    except ValidationFailed as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Pemeriksaan tumpang tindih tugas dimulai."))
    return redirect("restructure:overlap")


@staff_view
def overlap_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress bar of a run (htmx polls it; a finished run reloads the page)."""
    run = selectors.overlap_run_get_for(request.user, pk)
    context = {"latest": run, "can_write": can_write(request.user, run.instansi_id)}
    response = render(request, "restructure/_overlap_progress.html", context)
    if run.is_finished and request.headers.get("HX-Request"):
        response["HX-Refresh"] = "true"
    return response


@staff_view
@require_POST
def overlap_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Stop a run that is queued or running (e.g. started with the wrong threshold)."""
    _refuse_read_only(
        request, _("Hanya analis organisasi atau admin yang dapat membatalkan pemeriksaan.")
    )
    run = selectors.overlap_run_get_for(request.user, pk)
    try:
        services.overlap_run_cancel(actor=request.user, run=run)
    except PermissionDenied:
        raise
    except ApplicationError as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Pemeriksaan #%(n)s dibatalkan.") % {"n": run.pk})
    return redirect("restructure:overlap")


@staff_view
def overlap_finding(request: HttpRequest, pk: int) -> HttpResponse:
    """One finding: the statements side by side, its decision and the scenario action."""
    finding = selectors.overlap_finding_get_for(request.user, pk)
    decision = selectors.overlap_decisions_for([finding]).get(finding.key)
    instansi_id = finding.run.instansi_id
    context = {
        "finding": finding,
        "evidence": _evidence(finding),
        "decision": decision,
        "owners": [(d["unit_id"], d["unit"]) for d in finding.duties],
        "drafts": selectors.overlap_draft_scenarios(request.user, instansi_id=instansi_id),
        "can_write": can_write(request.user, instansi_id),
        "instansi": finding.run.instansi,
    }
    return render(request, "restructure/overlap_finding.html", context)


@staff_view
@require_POST
def overlap_decide(request: HttpRequest, pk: int) -> HttpResponse:
    finding = _writable_finding(request, pk)
    try:
        services.overlap_decide(
            actor=request.user,
            finding=finding,
            status=request.POST.get("status", ""),
            owner_unit_id=_int(request.POST.get("owner_unit")),
            reason=request.POST.get("reason", ""),
        )
    except ValidationFailed as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Keputusan atas temuan disimpan."))
    return redirect("restructure:overlap_finding", pk=finding.pk)


@staff_view
@require_POST
def overlap_to_scenario(request: HttpRequest, pk: int) -> HttpResponse:
    finding = _writable_finding(request, pk)
    scenario_id = _int(request.POST.get("scenario"))
    scenario = scenario_get_for(request.user, scenario_id) if scenario_id else None
    scenario, rows = services.overlap_to_scenario(
        actor=request.user,
        finding=finding,
        mode=request.POST.get("mode", "remove"),
        scenario=scenario,
    )
    messages.success(
        request,
        _("%(count)d operasi ditambahkan ke skenario “%(name)s”.")
        % {"count": len(rows), "name": scenario.name},
    )
    return redirect(reverse("restructure:scenario_editor", kwargs={"pk": scenario.pk}))


@staff_view
def overlap_heatmap(request: HttpRequest) -> HttpResponse:
    """Unit × unit counts of overlapping duty pairs of the latest finished run."""
    instansi = restructure_instansi_for(request.user)
    run = selectors.overlap_run_latest_done(request.user, instansi=instansi)
    data = (
        selectors.overlap_heatmap(request.user, run=run)
        if run
        else {"units": [], "cells": [], "max": 0}
    )
    return render(
        request,
        "restructure/overlap_heatmap.html",
        {"instansi": instansi, "run": run, "heatmap": data},
    )
