"""Pages of the change app: the staff feed, an announcement with acknowledgement and Q&A,
composing and publishing, and the acknowledgement dashboard."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from penata.change import access, readiness, rules, selectors, selectors_attachments, services
from penata.change.audience import REASONS
from penata.change.errors import ChangeError
from penata.change.exports import ack_workbook
from penata.change.forms import AnnouncementForm
from penata.change.services import attachments
from penata.change.views_attachments import FIELD as ATTACHMENTS_FIELD
from penata.core.errors import ApplicationError, ValidationFailed
from penata.core.web import staff_view
from penata.restructure.selectors import can_read as restructure_can_read


@staff_view
def feed(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "change/feed.html",
        {
            "items": selectors.feed_list(request.user),
            "pulses": readiness.open_pulses_for(request.user),
            "can_follow": access.can_follow(request.user),
        },
    )


@staff_view
def feed_fragment(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "change/_feed.html",
        {
            "items": selectors.feed_list(request.user),
            "pulses": readiness.open_pulses_for(request.user),
        },
    )


@staff_view
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    announcement, mine = selectors.announcement_read_get(request.user, pk)
    questions = selectors.question_views(request.user, announcement)
    answerer = selectors.can_answer(request.user, announcement)
    faq = [q for q in questions if q.answered_at and q.duplicate_of_id is None]
    open_questions = [q for q in questions if not q.answered_at and q.duplicate_of_id is None]
    return render(
        request,
        "change/detail.html",
        {
            "announcement": announcement,
            "mine": mine,
            "reason_label": REASONS.get(mine.reason, "") if mine else "",
            "faq": faq,
            "open_questions": open_questions if answerer else [],
            "my_questions": [q for q in questions if q.is_mine and not q.answered_at],
            "duplicates": {q.id: q.duplicate_of_id for q in questions if q.duplicate_of_id},
            "can_answer": answerer,
            "can_follow": access.can_follow(request.user),
            "links_restructure": restructure_can_read(request.user, announcement.instansi_id),
            "attachments": selectors_attachments.attachment_list(announcement),
            "edits_attachments": attachments.may_edit_attachments(request.user, announcement),
            "open_pulses": [
                p for p in readiness.open_pulses_for(request.user) if p.announcement_id == pk
            ],
        },
    )


@staff_view
@require_POST
def acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    announcement, _mine = selectors.announcement_read_get(request.user, pk)
    services.announcement_acknowledge(actor=request.user, announcement=announcement)
    messages.success(request, _("Terima kasih, konfirmasi Anda sudah tercatat."))
    return redirect("change:detail", pk=pk)


@staff_view
@require_POST
def ask(request: HttpRequest, pk: int) -> HttpResponse:
    announcement, _mine = selectors.announcement_read_get(request.user, pk)
    try:
        services.question_ask(
            actor=request.user,
            announcement=announcement,
            text=request.POST.get("text", ""),
            is_anonymous=request.POST.get("anonymous") == "1",
        )
    except ValidationFailed as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Pertanyaan Anda sudah terkirim."))
    return redirect(reverse("change:detail", kwargs={"pk": pk}) + "#tanya")


@staff_view
def manage(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "change/manage.html",
        {
            "announcements": selectors.announcement_manage_list(request.user)[:100],
            "can_compose": access.can_compose(request.user),
        },
    )


@staff_view
@require_http_methods(["GET", "POST"])
def compose(request: HttpRequest) -> HttpResponse:
    instansi = selectors.compose_instansi(request.user)
    choices = selectors.compose_choices(request.user, instansi)
    form = AnnouncementForm(
        request.POST or None,
        scenarios=choices.scenarios,
        units=choices.units,
        enactments=choices.enactments,
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            targets = selectors.compose_targets(
                request.user,
                instansi,
                scenario_id=data.get("scenario"),
                enactment_id=data.get("enactment"),
                unit_id=data.get("target_unit"),
                nips=form.nips(),
            )
            try:
                if targets.unknown_nips:
                    raise ValidationFailed(
                        ChangeError.INVALID,
                        _("NIP tidak dikenal: %s") % ", ".join(targets.unknown_nips),
                    )
                # The draft and its files are saved together, or neither is.
                with transaction.atomic():
                    announcement = services.announcement_create(
                        actor=request.user,
                        instansi=instansi,
                        title=data["title"],
                        body=data["body"],
                        reason=data["reason"],
                        benefits=data["benefits"],
                        what_changes=data["what_changes"],
                        effective_date=data["effective_date"],
                        scenario=targets.scenario,
                        enactment=targets.enactment,
                        target_unit=targets.unit,
                        target_kinds=data["target_kinds"],
                        target_employees=targets.employee_ids,
                        ack_due_days=data["ack_due_days"],
                        reminder_days=data["reminder_days"],
                    )
                    attachments.attachments_add(
                        actor=request.user,
                        announcement=announcement,
                        files=request.FILES.getlist(ATTACHMENTS_FIELD),
                    )
            except ApplicationError as error:
                form.add_error(None, error.message)
            else:
                return redirect("change:dashboard", pk=announcement.pk)
    return render(request, "change/compose.html", {"form": form}, status=status)


@staff_view
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    announcement = selectors.announcement_follow_get(request.user, pk)
    if not access.can_compose(request.user):
        raise ApplicationError(ChangeError.INVALID, _("Auditor tidak menerbitkan pengumuman."))
    count = services.announcement_publish(actor=request.user, announcement=announcement)
    messages.success(request, _("Pengumuman terbit untuk %(n)d pegawai.") % {"n": count})
    return redirect("change:dashboard", pk=pk)


@staff_view
def dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    announcement = selectors.announcement_follow_get(request.user, pk)
    board = selectors.ack_dashboard(request.user, announcement)
    audience = None if announcement.is_published() else services.announcement_audience(announcement)
    return render(
        request,
        "change/dashboard.html",
        {
            "announcement": announcement,
            "board": board,
            "audience_size": len(audience) if audience is not None else None,
            "can_compose": access.can_compose(request.user),
            "reasons": REASONS,
        },
    )


@staff_view
def export(request: HttpRequest, pk: int) -> HttpResponse:
    announcement = selectors.announcement_follow_get(request.user, pk)
    content = ack_workbook(announcement, selectors.ack_rows(request.user, announcement))
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="konfirmasi-{announcement.pk}.xlsx"'
    return response


@staff_view
@require_POST
def remind(request: HttpRequest, pk: int) -> HttpResponse:
    announcement = selectors.announcement_follow_get(request.user, pk)
    if not access.can_compose(request.user):
        raise ApplicationError(ChangeError.INVALID, _("Auditor tidak mengirim pengingat."))
    count = services.reminders_send(actor=request.user, announcement=announcement)
    messages.success(request, _("Pengingat terkirim ke %(n)d pegawai.") % {"n": count})
    return redirect("change:dashboard", pk=pk)


@staff_view
@require_POST
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    question = selectors.question_get_for_answer(request.user, pk)
    try:
        services.question_answer(
            actor=request.user, question=question, answer=request.POST.get("answer", "")
        )
    except ValidationFailed as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Jawaban tersimpan dan tampil di FAQ."))
    return redirect(reverse("change:detail", kwargs={"pk": question.announcement_id}) + "#faq")


@staff_view
@require_POST
def merge(request: HttpRequest, pk: int) -> HttpResponse:
    question = selectors.question_get_for_answer(request.user, pk)
    try:
        into = selectors.question_get_for_answer(request.user, int(request.POST.get("into", 0)))
        services.question_merge(actor=request.user, question=question, into=into)
    except (ValueError, ApplicationError) as error:
        messages.error(request, getattr(error, "message", _("Pilih pertanyaan tujuan.")))
    else:
        messages.success(request, _("Pertanyaan digabung."))
    return redirect("change:detail", pk=question.announcement_id)


@staff_view
@require_POST
def pulse_open(request: HttpRequest, pk: int) -> HttpResponse:
    announcement = selectors.announcement_follow_get(request.user, pk)
    questions = [
        (dimension, request.POST.get(f"q_{dimension}", default))
        for dimension, default in rules.DEFAULT_QUESTIONS
    ]
    services.pulse_open(
        actor=request.user,
        announcement=announcement,
        title=request.POST.get("title", ""),
        questions=questions,
    )
    messages.success(request, _("Survei kesiapan dibuka untuk penerima pengumuman."))
    return redirect("change:readiness", pk=pk)


@staff_view
@require_http_methods(["GET", "POST"])
def pulse_answer(request: HttpRequest, pk: int) -> HttpResponse:
    pulse, answered = readiness.pulse_get_for_answer(request.user, pk)
    error = ""
    if request.method == "POST" and not answered:
        answers = [request.POST.get(f"a{i}", "") for i in range(len(pulse.questions))]
        try:
            services.pulse_answer(
                actor=request.user,
                pulse=pulse,
                answers=[int(a) if a.isdigit() else 0 for a in answers],
            )
        except ValidationFailed as refused:
            error = refused.message
        else:
            messages.success(request, _("Terima kasih. Jawaban Anda tersimpan tanpa nama."))
            return redirect("change:detail", pk=pulse.announcement_id)
    return render(
        request,
        "change/pulse_answer.html",
        {
            "pulse": pulse,
            "answered": answered,
            "error": error,
            "labels": rules.ADKAR_LABELS,
            "scale": range(1, 6),
        },
        status=422 if error else 200,
    )


@staff_view
def readiness_page(request: HttpRequest, pk: int) -> HttpResponse:
    announcement = selectors.announcement_follow_get(request.user, pk)
    report = readiness.readiness_report(request.user, announcement)
    wanted = request.GET.get("pd", "")
    level = readiness.readiness_level(report, int(wanted) if wanted.isdigit() else None)
    hotspots = [
        u
        for u in report.hotspots
        if level.perangkat_daerah is None or u.perangkat_daerah == level.perangkat_daerah.unit_id
    ]
    return render(
        request,
        "change/readiness.html",
        {
            "announcement": announcement,
            "report": report,
            "level": level,
            "hotspots": hotspots,
            "pd_names": {g.unit_id: g.unit_name for g in report.groups},
            "heatmap": {
                **readiness.heatmap_chart(report, level, index_label=_("Indeks")),
                "texts": {
                    "small": _("kurang dari {n} responden"),
                    "none": _("tidak ada pertanyaan untuk dimensi ini"),
                    "mean": _("rata-rata {mean} dari 5 · indeks {index}"),
                    "open_hotspot": _("klik untuk melihat titik rawan"),
                    "open_units": _("klik untuk melihat unit-unitnya"),
                },
            },
            "labels": rules.ADKAR_LABELS,
            "defaults": rules.DEFAULT_QUESTIONS,
            "can_compose": access.can_compose(request.user),
            "min_group": rules.MIN_GROUP,
            "reason_labels": {
                "low_readiness": _("kesiapan rendah"),
                "late_ack": _("konfirmasi terlambat"),
                "questions": _("pertanyaan menumpuk"),
            },
        },
    )
