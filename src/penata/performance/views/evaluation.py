"""Evaluation pages: one period of an SKP — the employee fills in realisation with evidence
and submits; the pejabat penilai rates each RHK and the perilaku kerja."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from penata.accounts.scope import reach_of
from penata.core.dating import today
from penata.core.downloads import file_response
from penata.core.errors import ApplicationError, NotFound
from penata.core.web import staff_view
from penata.performance import forms, rules
from penata.performance.errors import Refused
from penata.performance.models import ANNUAL_NUMBER, Evaluation, Skp
from penata.performance.selectors import evaluation as selectors
from penata.performance.selectors.skp import expectation_rows, skp_get_for
from penata.performance.services import evaluation as services
from penata.performance.views.common import action, error_context, tabs


def _kind(number: int) -> str:
    return Evaluation.Kind.ANNUAL if number == ANNUAL_NUMBER else Evaluation.Kind.PERIODIC


def _context(request: HttpRequest, skp: Skp, number: int, **extra: Any) -> dict[str, Any]:
    view = selectors.evaluation_view(skp, _kind(number), number, today())
    me = reach_of(request.user).employee_id
    is_owner = me == skp.employee_id
    is_evaluator = me is not None and me == skp.evaluator_id and not is_owner
    status = view.status
    return {
        **tabs(request, "skp" if is_owner else "bawahan", skp.instansi_id),
        "skp": skp,
        "view": view,
        "number": number,
        "is_owner": is_owner,
        "is_evaluator": is_evaluator,
        "can_fill": is_owner and skp.has_been_approved and status in ("open", "submitted"),
        "can_submit": is_owner and status == "open" and view.evaluation is not None,
        "can_rate": is_evaluator and status in ("submitted", "rated"),
        "ratings": forms.RATING_CHOICES,
        "expectations": expectation_rows(skp),
        "predikat_matrix": [
            (p, [rules.PREDIKAT_MATRIX[(p, h)] for h in rules.RATINGS])
            for p in reversed(rules.RATINGS)
        ],
        "posted": request.POST if request.method == "POST" else {},
        **extra,
    }


@staff_view
def evaluation(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    skp = skp_get_for(request.user, pk)
    try:
        context = _context(request, skp, number)
    except ApplicationError as error:
        raise NotFound("periode evaluasi") from error
    return render(request, "performance/evaluation.html", context)


def _url(skp: Skp, number: int) -> str:
    return reverse("performance:evaluation", args=[skp.pk, number])


@staff_view
@require_POST
def evaluation_realisation(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    skp = skp_get_for(request.user, pk)
    view = selectors.evaluation_view(skp, _kind(number), number, today())
    ids = [i.indicator.pk for line in view.lines for i in line.indicators]
    try:
        services.realisation_save(
            actor=request.user,
            skp=skp,
            kind=_kind(number),
            number=number,
            entries=forms.realisation_rows(request.POST, request.FILES, ids),
        )
    except Refused:
        raise
    except ApplicationError as error:
        context = _context(request, skp, number, **error_context(error))
        return render(request, "performance/evaluation.html", context, status=error.status_code)
    messages.success(request, _("Realisasi disimpan."))
    return redirect(_url(skp, number))


@staff_view
@require_POST
def evaluation_submit(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    skp = skp_get_for(request.user, pk)
    return action(
        request,
        lambda: services.evaluation_submit(
            actor=request.user, skp=skp, kind=_kind(number), number=number
        ),
        _("Evaluasi diajukan kepada pejabat penilai."),
        _url(skp, number),
    )


@staff_view
@require_POST
def evaluation_rate(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    skp = skp_get_for(request.user, pk)
    found = selectors.evaluation_view(skp, _kind(number), number, today())
    if found.evaluation is None:
        raise NotFound("evaluasi")
    data = request.POST
    try:
        services.evaluation_rate(
            actor=request.user,
            evaluation=found.evaluation,
            rhk_ratings=forms.rating_rows(data, [line.rhk.pk for line in found.lines]),
            perilaku_rating=data.get("perilaku", ""),
            feedback=data.get("feedback", ""),
            perilaku_feedback=data.get("perilaku_feedback", ""),
            finalise=data.get("finalise") == "1",
        )
    except Refused:
        raise
    except ApplicationError as error:
        context = _context(request, skp, number, **error_context(error))
        return render(request, "performance/evaluation.html", context, status=error.status_code)
    messages.success(request, _("Penilaian disimpan."))
    return redirect(_url(skp, number))


@staff_view
def evidence(request: HttpRequest, pk: int) -> HttpResponse:
    """A realisation's evidence file, for those who reach the employee."""
    found = selectors.realisation_get_for(request.user, pk)
    name = found.evidence_name or "bukti"
    response = file_response(found.evidence_file, download_name=name, what="bukti dukung")
    return cast(HttpResponse, response)
