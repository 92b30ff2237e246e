"""Enactment page: review the crosswalk of affected employees, legal basis, effective date,
confirm. Only an approved scenario is enacted (approval by admin on the editor page)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from penata.core.dating import today
from penata.core.errors import ApplicationError, ValidationFailed
from penata.core.web import staff_view
from penata.restructure import selectors, services
from penata.restructure.graph import NodeId, parse_node_id
from penata.restructure.models import ScenarioStatus
from penata.restructure.views.common import role_flags

NO_POST = "-"  # the crosswalk choice "no post" (only for Plt/Plh)


def _effective(raw: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(raw.strip()) if raw.strip() else None
    except ValueError:
        return None


@staff_view
def enactment(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = selectors.scenario_get_for(request.user, pk)
    source = request.POST if request.method == "POST" else request.GET
    effective = _effective(source.get("tanggal_berlaku", "")) or today() + dt.timedelta(days=1)
    legal_basis = source.get("dasar_hukum", "").strip()
    error = ""
    if scenario.status == ScenarioStatus.ENACTED:
        return redirect("restructure:history")
    if request.method == "POST":
        crosswalk: dict[int, NodeId | None] = {}
        for key, value in request.POST.items():
            if key.startswith("target_") and key[7:].isdigit():
                crosswalk[int(key[7:])] = None if value == NO_POST else parse_node_id(value)
        if request.POST.get("confirm") != "on":
            error = _("Centang konfirmasi bahwa padanan pegawai sudah diperiksa.")
        else:
            try:
                done = services.scenario_enact(
                    actor=request.user,
                    scenario=scenario,
                    legal_basis=legal_basis,
                    effective_date=effective,
                    crosswalk=crosswalk,
                )
            except ValidationFailed as refused:
                error = refused.message
            except ApplicationError as refused:
                if refused.status_code in (403, 404):
                    raise
                error = refused.message
            else:
                messages.success(
                    request,
                    _("Struktur baru ditetapkan berlaku mulai %(day)s (%(basis)s).")
                    % {"day": f"{done.effective_date:%d-%m-%Y}", "basis": done.legal_basis},
                )
                day_before = done.effective_date - dt.timedelta(days=1)
                return redirect(
                    f"{reverse('restructure:history')}?tanggal={day_before:%Y-%m-%d}"
                    f"&banding={done.effective_date:%Y-%m-%d}"
                )
    context: dict[str, Any] = {
        "scenario": scenario,
        "effective": effective,
        "legal_basis": legal_basis,
        "error": error,
        "no_post": NO_POST,
        **role_flags(request.user, scenario.instansi_id),
    }
    try:
        proposal = services.scenario_crosswalk(scenario, effective_date=effective)
    except ApplicationError as refused:
        context["stale"] = refused.message
    else:
        after = proposal.plan.after
        posted = request.POST if request.method == "POST" else {}
        rows = []
        for row in proposal.rows:
            proposed = "" if row.target is None else str(row.target)
            chosen = posted.get(f"target_{row.assignment}", proposed) or proposed
            node = parse_node_id(chosen) if chosen != NO_POST else None
            rows.append(
                {
                    "row": row,
                    "field": f"target_{row.assignment}",
                    "chosen": "" if chosen == NO_POST else chosen,
                    "chosen_label": after.position_label(node) if node is not None else "",
                }
            )
        context.update(proposal=proposal, summary=proposal.plan.summary(), rows=rows)
    return render(request, "restructure/enactment.html", context, status=422 if error else 200)
