"""Staff pages of the forums: consultations of one's units, official replies and answers,
and the moderation queue (moderator: approve, hide and restore with a reason)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from penata.core.errors import ApplicationError, PermissionDenied
from penata.core.web import paginate
from penata.participation import access
from penata.participation.forms import ConsultationForm, ModerationForm, ReplyForm
from penata.participation.selectors import common
from penata.participation.selectors import forums as selectors
from penata.participation.services import forums as services
from penata.participation.views.common import apply_error, participation_staff
from penata.participation.views.staff_catalog import _manageable_units


@participation_staff
def consultations(request: HttpRequest) -> HttpResponse:
    instansi = common.staff_instansi(request.user)
    context = {
        "page": paginate(request, selectors.consultation_list_for(request.user, instansi)),
        "may_create": access.is_admin(request.user, instansi.pk)
        or _manageable_units(request, instansi).exists(),
        "counts": selectors.moderation_counts(instansi),
        "is_moderator": access.is_moderator(request.user, instansi.pk),
    }
    return render(request, "participation/staff/consultations.html", context)


def _local(value: dt.datetime) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%dT%H:%M")


@participation_staff
@require_http_methods(["GET", "POST"])
def consultation_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    instansi = common.staff_instansi(request.user)
    consultation = selectors.consultation_get_for(request.user, instansi, pk) if pk else None
    units = _manageable_units(request, instansi)
    is_admin = access.is_admin(request.user, instansi.pk)
    now = timezone.now()
    settings = common.settings_for(instansi)
    initial: dict[str, Any] = {
        "opens_at": _local(now),
        "closes_at": _local(now + dt.timedelta(days=30)),
        "moderation": settings.forum_moderation,
        "is_published": True,
    }
    if consultation is not None:
        initial = {
            "unit": consultation.unit_id,
            "title": consultation.title,
            "body": consultation.body,
            "opens_at": _local(consultation.opens_at),
            "closes_at": _local(consultation.closes_at),
            "moderation": consultation.moderation,
            "is_published": consultation.is_published,
        }
    form = ConsultationForm(
        request.POST or None, initial=initial, units=units, allow_instansi=is_admin
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            unit = units.filter(pk=data["unit"]).first() if data.get("unit") else None
            if data.get("unit") and unit is None:
                raise PermissionDenied()
            consultation = services.consultation_save(
                actor=request.user,
                instansi=instansi,
                unit=unit,
                title=data["title"],
                body=data["body"],
                opens_at=data["opens_at"],
                closes_at=data["closes_at"],
                moderation=data["moderation"],
                is_published=bool(data.get("is_published")),
                consultation=consultation,
            )
        except ApplicationError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("Konsultasi disimpan."))
            return redirect("participation:consultation_comments", consultation.pk)
    return render(
        request,
        "participation/staff/consultation_form.html",
        {"form": form, "consultation": consultation},
    )


@participation_staff
def consultation_comments(request: HttpRequest, pk: int) -> HttpResponse:
    instansi = common.staff_instansi(request.user)
    consultation = selectors.consultation_get_for(request.user, instansi, pk)
    manages = (
        access.manages_unit(request.user, consultation.unit)
        if consultation.unit
        else access.is_admin(request.user, instansi.pk)
    )
    context = {
        "consultation": consultation,
        "comments": selectors.staff_comments(consultation),
        "may_reply": manages,
        "is_moderator": access.is_moderator(request.user, instansi.pk),
        "reply_form": ReplyForm(),
    }
    return render(request, "participation/staff/consultation_comments.html", context)


@participation_staff
@require_POST
def comment_reply(request: HttpRequest, pk: int) -> HttpResponse:
    instansi = common.staff_instansi(request.user)
    comment = selectors.staff_comment_get(request.user, instansi, pk)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            services.comment_reply_official(
                actor=request.user, comment=comment, body=form.cleaned_data["body"]
            )
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Balasan resmi ditampilkan."))
    else:
        messages.error(request, _("Tuliskan balasan."))
    return redirect("participation:consultation_comments", comment.consultation_id)


@participation_staff
@require_POST
def comment_answer(request: HttpRequest, pk: int) -> HttpResponse:
    instansi = common.staff_instansi(request.user)
    comment = selectors.staff_comment_get(request.user, instansi, pk)
    try:
        services.comment_mark_answer(
            actor=request.user, comment=comment, is_answer=request.POST.get("is_answer") == "1"
        )
    except ApplicationError as error:
        messages.error(request, error.message)
    return redirect("participation:consultation_comments", comment.consultation_id)


@participation_staff
def moderation(request: HttpRequest) -> HttpResponse:
    instansi = common.staff_instansi(request.user)
    if not access.is_moderator(request.user, instansi.pk):
        raise PermissionDenied(_("Antrean moderasi hanya untuk moderator dan admin."))
    tab = request.GET.get("tab", "pending")
    if tab not in ("pending", "reported", "hidden"):
        tab = "pending"
    context = {
        "tab": tab,
        "page": paginate(request, selectors.moderation_queue(request.user, instansi, tab=tab)),
        "counts": selectors.moderation_counts(instansi),
    }
    return render(request, "participation/staff/moderation.html", context)


@participation_staff
@require_POST
def moderate(request: HttpRequest, pk: int) -> HttpResponse:
    instansi = common.staff_instansi(request.user)
    comment = selectors.staff_comment_get(request.user, instansi, pk)
    form = ModerationForm(request.POST)
    if form.is_valid():
        try:
            services.comment_moderate(
                actor=request.user,
                comment=comment,
                action=form.cleaned_data["action"],
                reason=form.cleaned_data.get("reason", ""),
            )
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Moderasi tercatat."))
    back = request.POST.get("next", "")
    if back.startswith("/") and not back.startswith("//"):
        return redirect(back)
    return redirect("participation:moderation")
