"""Public consultations: list, thread with comments, support, report, citizen sign-in."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from penata.core.errors import ApplicationError
from penata.core.web import paginate
from penata.participation import safety
from penata.participation.forms import CitizenLinkForm, CommentForm, ReportForm
from penata.participation.models import Citizen
from penata.participation.selectors import common
from penata.participation.selectors import forums as selectors
from penata.participation.services import forums as services
from penata.participation.views.common import apply_error, public_page

CITIZEN_SESSION_KEY = "penata_citizen"


def _citizen(request: HttpRequest) -> Citizen | None:
    return selectors.citizen_get(common.public_instansi(), request.session.get(CITIZEN_SESSION_KEY))


@public_page
def forum_list(request: HttpRequest) -> HttpResponse:
    instansi = common.public_instansi()
    page = paginate(request, selectors.public_consultation_list(instansi), per_page=20)
    return render(request, "participation/forum_list.html", {"page": page})


def _detail(
    request: HttpRequest,
    pk: int,
    form: CommentForm | None = None,
    status: int = 200,
) -> HttpResponse:
    instansi = common.public_instansi()
    consultation = selectors.public_consultation_get(instansi, pk)
    order = "support" if request.GET.get("urut") == "dukungan" else "new"
    token, is_new = safety.device_token(request)
    context = {
        "consultation": consultation,
        "threads": selectors.public_threads(consultation, order=order),
        "order": order,
        "is_open": services.is_open(consultation),
        "form": form or CommentForm(),
        "report_form": ReportForm(),
        "citizen": _citizen(request),
    }
    response = render(request, "participation/forum_detail.html", context, status=status)
    if is_new:
        safety.remember_device(response, token)
    return response


@public_page
def forum_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, pk)


@public_page
@require_POST
def forum_comment(request: HttpRequest, pk: int) -> HttpResponse:
    safety.check_honeypot(request.POST)
    safety.rate_limit(request, "comment")
    instansi = common.public_instansi()
    consultation = selectors.public_consultation_get(instansi, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        token, _is_new = safety.device_token(request)
        parent_id = form.cleaned_data.get("parent")
        try:
            parent = selectors.public_comment_get(consultation, parent_id) if parent_id else None
            comment = services.comment_post(
                consultation=consultation,
                body=form.cleaned_data["body"],
                client=safety.client_of(request, token),
                citizen=_citizen(request),
                parent=parent,
            )
        except ApplicationError as error:
            apply_error(form, error)
        else:
            if comment.status == "pending":
                messages.info(
                    request, _("Terima kasih. Komentar Anda tampil setelah diperiksa moderator.")
                )
            else:
                messages.success(request, _("Komentar Anda sudah tampil."))
            return safety.remember_device(
                redirect(reverse("participation:forum_detail", args=[pk]) + "#komentar"), token
            )
    return _detail(request, pk, form, status=422)


@public_page
@require_POST
def forum_support(request: HttpRequest, pk: int) -> HttpResponse:
    safety.rate_limit(request, "support")
    instansi = common.public_instansi()
    comment = selectors.public_comment_by_id(instansi, pk)
    token, _is_new = safety.device_token(request)
    counted = services.comment_support(comment=comment, client=safety.client_of(request, token))
    if not counted:
        messages.info(request, _("Anda sudah mendukung komentar ini."))
    url = reverse("participation:forum_detail", args=[comment.consultation_id])
    return safety.remember_device(redirect(f"{url}#c{comment.pk}"), token)


@public_page
@require_POST
def forum_report(request: HttpRequest, pk: int) -> HttpResponse:
    safety.check_honeypot(request.POST)
    safety.rate_limit(request, "report")
    instansi = common.public_instansi()
    comment = selectors.public_comment_by_id(instansi, pk)
    form = ReportForm(request.POST)
    token, _is_new = safety.device_token(request)
    if form.is_valid():
        services.comment_report(
            comment=comment,
            reason=form.cleaned_data["reason"],
            note=form.cleaned_data.get("note", ""),
            client=safety.client_of(request, token),
        )
        messages.success(request, _("Terima kasih, laporan Anda akan diperiksa moderator."))
    url = reverse("participation:forum_detail", args=[comment.consultation_id])
    return safety.remember_device(redirect(f"{url}#c{comment.pk}"), token)


@public_page
@require_http_methods(["GET", "POST"])
def citizen_login(request: HttpRequest) -> HttpResponse:
    """Ask for a one-time sign-in link by e-mail (same answer whether the address is known)."""
    form = CitizenLinkForm(request.POST or None)
    sent = False
    if request.method == "POST":
        safety.check_honeypot(request.POST)
        safety.rate_limit(request, "citizen")
        if form.is_valid():
            try:
                services.citizen_request_link(
                    instansi=common.public_instansi(),
                    email=form.cleaned_data["email"],
                    display_name=form.cleaned_data["display_name"],
                    link_for=lambda token: request.build_absolute_uri(
                        reverse("participation:citizen_verify", args=[token])
                    ),
                )
            except ApplicationError as error:
                apply_error(form, error)
            else:
                sent = True
    context = {"form": form, "sent": sent, "next": request.GET.get("next", "")}
    return render(request, "participation/citizen_login.html", context)


@public_page
@require_http_methods(["GET", "POST"])
def citizen_verify(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (mail scanners that open links must not use them up); POST signs in."""
    if request.method == "POST":
        try:
            citizen = services.citizen_verify(token=token)
        except ApplicationError as error:
            return render(
                request, "participation/citizen_verify.html", {"error": error.message}, status=400
            )
        request.session.cycle_key()
        request.session[CITIZEN_SESSION_KEY] = citizen.pk
        messages.success(
            request, _("Anda masuk sebagai %(name)s.") % {"name": citizen.display_name}
        )
        return redirect("participation:forum_list")
    return render(request, "participation/citizen_verify.html", {"token": token})


@public_page
@require_POST
def citizen_logout(request: HttpRequest) -> HttpResponse:
    request.session.pop(CITIZEN_SESSION_KEY, None)
    return redirect("participation:forum_list")
