"""JSON API of the change app: feed, announcement with FAQ, acknowledge, ask, pulse answers;
acknowledgement and readiness reports for those who follow up. Anonymous askers and pulse
respondents are never named (askers only to admin)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Path, Router, Schema

from penata.change import readiness, selectors, selectors_attachments, services
from penata.change.services.attachments import ALLOWED
from penata.core.api_auth import actor
from penata.core.api_shapes import ERRORS, MAX_ID
from penata.core.downloads import content_type_for, file_response

router = Router(tags=["Pengelolaan perubahan"])
ID = Path(..., ge=1, le=MAX_ID)


class FeedItemOut(Schema):
    announcement_id: int
    title: str
    published_at: dt.datetime | None
    acknowledged_at: dt.datetime | None
    reminder_count: int


class QuestionOut(Schema):
    id: int
    text: str
    asker: str | None = Field(description="Nama penanya; kosong bila anonim (kecuali admin)")
    asked_at: dt.datetime
    answer: str
    answered_at: dt.datetime | None
    duplicate_of_id: int | None
    age_days: int


class AttachmentOut(Schema):
    id: int
    name: str
    size: int = Field(description="Ukuran dalam bita")
    download_url: str = Field(description="Alamat unduhan di situs web (perlu masuk)")
    api_url: str = Field(description="Alamat unduhan lewat API (token atau sesi)")


class AnnouncementOut(Schema):
    id: int
    title: str
    body_html: str
    reason: str
    benefits: str
    what_changes: str
    effective_date: dt.date | None
    published_at: dt.datetime | None
    acknowledged_at: dt.datetime | None
    questions: list[QuestionOut]
    attachments: list[AttachmentOut]


class QuestionIn(Schema):
    text: str = Field(..., min_length=5, max_length=2000, pattern=r"^[^\x00]*$")
    anonymous: bool = False


class PulseIn(Schema):
    answers: list[int] = Field(..., min_length=1, max_length=50)


@router.get("/change/feed", response={200: list[FeedItemOut], **ERRORS}, summary="Pengumuman saya")
def feed(request: HttpRequest) -> Any:
    return [
        {
            "announcement_id": r.announcement_id,
            "title": r.announcement.title,
            "published_at": r.announcement.published_at,
            "acknowledged_at": r.acknowledged_at,
            "reminder_count": r.reminder_count,
        }
        for r in selectors.feed_list(actor(request))
    ]


@router.get(
    "/change/announcements/{announcement_id}",
    response={200: AnnouncementOut, **ERRORS},
    summary="Pengumuman dengan tanya jawab",
)
def announcement_detail(request: HttpRequest, announcement_id: int = ID) -> Any:
    who = actor(request)
    announcement, mine = selectors.announcement_read_get(who, announcement_id)
    views = selectors.question_views(who, announcement)
    answerer = selectors.can_answer(who, announcement)
    return {
        "id": announcement.pk,
        "title": announcement.title,
        "body_html": announcement.body_html,
        "reason": announcement.reason,
        "benefits": announcement.benefits,
        "what_changes": announcement.what_changes,
        "effective_date": announcement.effective_date,
        "published_at": announcement.published_at,
        "acknowledged_at": mine.acknowledged_at if mine else None,
        "questions": [q.__dict__ for q in views if q.answered_at or q.is_mine or answerer],
        "attachments": [
            {
                "id": a.pk,
                "name": a.original_name,
                "size": a.size,
                "download_url": reverse("change:attachment_download", args=[a.pk]),
                "api_url": reverse("api:change_attachment_download", args=[a.pk]),
            }
            for a in selectors_attachments.attachment_list(announcement)
        ],
    }


# The file types an attachment can have, for the schema of the download.
_ATTACHMENT_TYPES = sorted({content_type_for(f"x.{suffix}") for suffix in ALLOWED})


@router.get(
    "/change/attachments/{attachment_id}",
    response=ERRORS,
    url_name="change_attachment_download",
    summary="Unduh lampiran pengumuman",
    description="Berkas lampiran pengumuman yang boleh dibaca pemanggil (penerima atau yang "
    "menindaklanjuti); 404 untuk lampiran lain.",
    openapi_extra={
        "responses": {
            "200": {
                "description": "Isi berkas, sebagai lampiran (Content-Disposition)",
                "content": {
                    kind: {"schema": {"type": "string", "format": "binary"}}
                    for kind in _ATTACHMENT_TYPES
                },
            }
        }
    },
)
def attachment_download(request: HttpRequest, attachment_id: int = ID) -> Any:
    attachment = selectors_attachments.attachment_get_for(actor(request), attachment_id)
    return file_response(attachment.file, download_name=attachment.original_name, what="lampiran")


@router.post(
    "/change/announcements/{announcement_id}/acknowledge",
    response={200: FeedItemOut, **ERRORS},
    summary="Konfirmasi sudah membaca dan memahami",
)
def acknowledge(request: HttpRequest, announcement_id: int = ID) -> Any:
    who = actor(request)
    announcement, _mine = selectors.announcement_read_get(who, announcement_id)
    row = services.announcement_acknowledge(actor=who, announcement=announcement)
    return {
        "announcement_id": announcement.pk,
        "title": announcement.title,
        "published_at": announcement.published_at,
        "acknowledged_at": row.acknowledged_at,
        "reminder_count": row.reminder_count,
    }


@router.post(
    "/change/announcements/{announcement_id}/questions",
    response={201: dict[str, int], **ERRORS},
    summary="Ajukan pertanyaan",
)
def ask(request: HttpRequest, body: QuestionIn, announcement_id: int = ID) -> Any:
    who = actor(request)
    announcement, _mine = selectors.announcement_read_get(who, announcement_id)
    question = services.question_ask(
        actor=who, announcement=announcement, text=body.text, is_anonymous=body.anonymous
    )
    return 201, {"id": question.pk}


@router.get(
    "/change/announcements/{announcement_id}/acknowledgements",
    response={200: dict[str, Any], **ERRORS},
    summary="Rekap konfirmasi per unit",
)
def acknowledgements(request: HttpRequest, announcement_id: int = ID) -> Any:
    who = actor(request)
    announcement = selectors.announcement_follow_get(who, announcement_id)
    board = selectors.ack_dashboard(who, announcement)
    return {
        "recipients": board.recipients,
        "acknowledged": board.acknowledged,
        "overdue": board.overdue,
        "rate": board.rate,
        "due_at": board.due_at,
        "units": [
            {
                "unit_id": u.unit_id,
                "unit": u.unit_name,
                "recipients": u.recipients,
                "acknowledged": u.acknowledged,
                "overdue": u.overdue,
                "rate": u.rate,
            }
            for u in board.units
        ],
        "pending": [
            {"employee_id": r.employee_id, "name": r.employee.name, "unit": r.unit_id}
            for r in board.pending
        ],
    }


@router.get(
    "/change/announcements/{announcement_id}/readiness",
    response={200: dict[str, Any], **ERRORS},
    summary="Kesiapan ADKAR per unit, tren dan titik rawan",
    description="`units`: per unit penerima; `perangkat_daerah`: semua unit satu perangkat "
    "daerah digabung. Kelompok dengan kurang dari 5 responden tanpa nilai (`suppressed`).",
)
def readiness_report(request: HttpRequest, announcement_id: int = ID) -> Any:
    who = actor(request)
    announcement = selectors.announcement_follow_get(who, announcement_id)
    report = readiness.readiness_report(who, announcement)

    def shown(r: Any) -> dict[str, Any]:
        if r.suppressed:
            return {"suppressed": True, "index": None, "dimensions": None}
        return {
            "suppressed": False,
            "respondents": r.respondents,
            "index": r.index,
            "dimensions": r.dimensions,
        }

    def row(u: Any) -> dict[str, Any]:
        return {
            "unit_id": u.unit_id,
            "unit": u.unit_name,
            **shown(u.readiness),
            "ack_rate": u.ack_rate,
            "open_questions": u.open_questions,
            "hotspot": None
            if u.hotspot is None
            else {
                "reasons": list(u.hotspot.reasons),
                "weakest": u.hotspot.weakest,
                "actions": list(u.hotspot.actions),
            },
        }

    return {
        "pulses": [{"id": p.pk, "title": p.title, **shown(r)} for p, r in report.overall],
        "units": [{**row(u), "perangkat_daerah_id": u.perangkat_daerah} for u in report.units],
        "perangkat_daerah": [row(g) for g in report.groups],
    }


@router.post(
    "/change/pulses/{pulse_id}/answers",
    response={201: dict[str, bool], **ERRORS},
    summary="Isi survei kesiapan (tanpa nama)",
)
def pulse_answer(request: HttpRequest, body: PulseIn, pulse_id: int = ID) -> Any:
    who = actor(request)
    pulse, _answered = readiness.pulse_get_for_answer(who, pulse_id)
    services.pulse_answer(actor=who, pulse=pulse, answers=body.answers)
    return 201, {"saved": True}
