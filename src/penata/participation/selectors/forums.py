"""Reads of consultations: public lists and threads (published comments only) and the
moderation queue."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import BooleanField, Count, ExpressionWrapper, Prefetch, Q, QuerySet
from django.utils import timezone

from penata.core.errors import NotFound
from penata.org.models import Instansi
from penata.participation import access
from penata.participation.models import Citizen, Consultation, ForumComment
from penata.participation.models.forums import CommentStatus


def _published_count() -> Count:
    return Count(
        "comments", filter=Q(comments__status=CommentStatus.PUBLISHED, comments__parent=None)
    )


def public_consultation_list(instansi: Instansi) -> QuerySet[Consultation]:
    now = timezone.now()
    return (
        Consultation.objects.filter(instansi=instansi, is_published=True, opens_at__lte=now)
        .select_related("unit")
        .annotate(
            comment_count=_published_count(),
            is_open=ExpressionWrapper(Q(closes_at__gt=now), output_field=BooleanField()),
        )
        .order_by("-opens_at", "-id")
    )


def public_consultation_get(instansi: Instansi, consultation_id: int) -> Consultation:
    found = public_consultation_list(instansi).filter(pk=consultation_id).first()
    if found is None:
        raise NotFound("konsultasi")
    return found


@dataclass(frozen=True)
class Thread:
    comment: ForumComment
    replies: list[ForumComment]


def public_threads(consultation: Consultation, *, order: str = "new") -> list[Thread]:
    """Published top-level comments with their published replies (two queries).

    `order`: "new" (newest first) or "support" (most supported first); answers lead.
    """
    replies = Prefetch(
        "replies",
        queryset=ForumComment.objects.filter(status=CommentStatus.PUBLISHED).order_by(
            "created_at", "id"
        ),
        to_attr="published_replies",
    )
    qs = ForumComment.objects.filter(
        consultation=consultation, parent=None, status=CommentStatus.PUBLISHED
    ).prefetch_related(replies)
    ordering = (
        ("-is_answer", "-support_count", "-created_at")
        if order == "support"
        else (
            "-is_answer",
            "-created_at",
        )
    )
    return [Thread(c, list(c.published_replies)) for c in qs.order_by(*ordering, "-id")]


def public_comment_get(consultation: Consultation, comment_id: int) -> ForumComment:
    found = ForumComment.objects.filter(
        consultation=consultation, pk=comment_id, status=CommentStatus.PUBLISHED
    ).first()
    if found is None:
        raise NotFound("komentar")
    return found


def citizen_get(instansi: Instansi, citizen_id: int | None) -> Citizen | None:
    if not citizen_id:
        return None
    return Citizen.objects.filter(
        instansi=instansi, pk=citizen_id, verified_at__isnull=False, is_blocked=False
    ).first()


def consultation_list_for(actor: Any, instansi: Instansi) -> QuerySet[Consultation]:
    """Consultations on the staff side: admin, moderator and auditor see all; unit heads
    those of their units."""
    qs = Consultation.objects.filter(instansi=instansi).select_related("unit")
    if not access.covers_unit_any(actor, instansi.pk):
        qs = qs.filter(access.unit_scope_q(actor, instansi.pk, path_field="unit__path"))
    return qs.annotate(
        comment_count=Count("comments"),
        pending_count=Count("comments", filter=Q(comments__status=CommentStatus.PENDING)),
    ).order_by("-opens_at", "-id")


def consultation_get_for(actor: Any, instansi: Instansi, consultation_id: int) -> Consultation:
    found = consultation_list_for(actor, instansi).filter(pk=consultation_id).first()
    if found is None:
        raise NotFound("konsultasi")
    return found


def staff_comments(consultation: Consultation) -> QuerySet[ForumComment]:
    return (
        ForumComment.objects.filter(consultation=consultation)
        .select_related("parent")
        .order_by("created_at", "id")
    )


def staff_comment_get(actor: Any, instansi: Instansi, comment_id: int) -> ForumComment:
    found = (
        ForumComment.objects.filter(instansi=instansi, pk=comment_id)
        .select_related("consultation", "consultation__unit", "parent")
        .first()
    )
    if found is None:
        raise NotFound("komentar")
    consultation_get_for(actor, instansi, found.consultation_id)  # scope check
    return found


def moderation_queue(
    actor: Any, instansi: Instansi, *, tab: str = "pending"
) -> QuerySet[ForumComment]:
    """pending: waiting for approval; reported: published with reports; hidden: hidden ones."""
    if not access.is_moderator(actor, instansi.pk) and not access.covers_unit_any(
        actor, instansi.pk
    ):
        return ForumComment.objects.none()
    qs = ForumComment.objects.filter(instansi=instansi).select_related("consultation")
    if tab == "reported":
        qs = qs.filter(status=CommentStatus.PUBLISHED, report_count__gt=0).order_by(
            "-report_count", "-created_at"
        )
    elif tab == "hidden":
        qs = qs.filter(status=CommentStatus.HIDDEN).order_by("-moderated_at", "-id")
    else:
        qs = qs.filter(status=CommentStatus.PENDING).order_by("created_at", "id")
    return qs.prefetch_related("reports")


def moderation_counts(instansi: Instansi) -> dict[str, int]:
    counts = ForumComment.objects.filter(instansi=instansi).aggregate(
        pending=Count("id", filter=Q(status=CommentStatus.PENDING)),
        reported=Count("id", filter=Q(status=CommentStatus.PUBLISHED, report_count__gt=0)),
        hidden=Count("id", filter=Q(status=CommentStatus.HIDDEN)),
    )
    return {k: int(v) for k, v in counts.items()}


def public_comment_by_id(instansi: Instansi, comment_id: int) -> ForumComment:
    """A published comment of a published consultation (for support and reports)."""
    found = (
        ForumComment.objects.filter(
            instansi=instansi,
            pk=comment_id,
            status=CommentStatus.PUBLISHED,
            consultation__is_published=True,
        )
        .select_related("consultation")
        .first()
    )
    if found is None:
        raise NotFound("komentar")
    return found
