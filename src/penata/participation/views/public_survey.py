"""The public SKM survey of a service."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from penata.core.errors import ValidationFailed
from penata.participation import periods, safety
from penata.participation.forms import SurveyForm
from penata.participation.rules import UNSUR
from penata.participation.selectors import catalog as catalog_selectors
from penata.participation.selectors import common
from penata.participation.services import skm as services
from penata.participation.views.common import apply_error, public_page


@public_page
@require_http_methods(["GET", "POST"])
def survey(request: HttpRequest, pk: int) -> HttpResponse:
    """The 9 unsur with the regulation's answers, an optional profile and a suggestion box.
    One response per device per period unless the service allows more (kiosk)."""
    instansi = common.public_instansi()
    service = catalog_selectors.public_service_get(instansi, pk)
    token, is_new = safety.device_token(request)
    client = safety.client_of(request, token)
    period = services.current_period(service)
    answered = not service.allows_repeat_survey and services.has_answered(service, period, client)
    form = SurveyForm(request.POST or None)
    status = 200
    if request.method == "POST" and not answered:
        safety.check_honeypot(request.POST)
        safety.rate_limit(request, "skm")
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.skm_submit(
                    service=service,
                    answers={u.code: data[u.code] for u in UNSUR},
                    profile={
                        k: data.get(k, "") for k in ("age_band", "sex", "education", "occupation")
                    },
                    suggestion=data.get("suggestion", ""),
                    client=client,
                )
            except ValidationFailed as error:
                apply_error(form, error)
            else:
                done: HttpResponse = redirect("participation:survey_thanks", service.pk)
                return safety.remember_device(done, token)
        status = 422
    context = {
        "service": service,
        "form": form,
        "answered": answered,
        "period_label": periods.label(period),
    }
    response = render(request, "participation/survey.html", context, status=status)
    if is_new:
        safety.remember_device(response, token)
    return response


@public_page
def survey_thanks(request: HttpRequest, pk: int) -> HttpResponse:
    instansi = common.public_instansi()
    service = catalog_selectors.public_service_get(instansi, pk)
    return render(request, "participation/survey_thanks.html", {"service": service})
