"""Questions about an announcement: ask (optionally anonymously), answer, merge duplicates."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from penata.accounts.scope import reach_of
from penata.change.errors import ChangeError
from penata.change.models import Announcement, Question, Recipient
from penata.change.selectors import can_answer
from penata.core.audit import record
from penata.core.errors import ApplicationError, NotFound, ValidationFailed

QUESTION_MAX = 2000


@transaction.atomic
def question_ask(
    *, actor: Any, announcement: Announcement, text: str, is_anonymous: bool = False
) -> Question:
    """A recipient asks about the announcement. The audit event of an anonymous question
    names no asker beyond the acting account, which only admin and auditor read."""
    employee_id = reach_of(actor).employee_id
    if (
        employee_id is None
        or not Recipient.objects.filter(announcement=announcement, employee_id=employee_id).exists()
    ):
        raise ApplicationError(ChangeError.NOT_RECIPIENT, "Anda bukan penerima pengumuman ini.")
    text = text.strip()
    if len(text) < 5 or len(text) > QUESTION_MAX:
        raise ValidationFailed(
            ChangeError.INVALID, f"Pertanyaan harus 5 sampai {QUESTION_MAX} karakter."
        )
    question = Question.objects.create(
        instansi_id=announcement.instansi_id,
        announcement=announcement,
        asked_by_id=employee_id,
        is_anonymous=is_anonymous,
        text=text,
        asked_at=timezone.now(),
    )
    record(
        actor=actor,
        action="change.question.ask",
        obj=question,
        after={"announcement": announcement.pk, "is_anonymous": is_anonymous},
    )
    return question


@transaction.atomic
def question_answer(*, actor: Any, question: Question, answer: str) -> Question:
    """An official answers; the answered question joins the FAQ of the announcement."""
    locked = Question.objects.select_for_update().select_related("announcement").get(pk=question.pk)
    if not can_answer(actor, locked.announcement):
        raise NotFound("pertanyaan")
    answer = answer.strip()
    if len(answer) < 5:
        raise ValidationFailed(ChangeError.INVALID, "Jawaban paling sedikit 5 karakter.")
    before = {"answer": locked.answer}
    locked.answer = answer
    locked.answered_by = actor
    locked.answered_at = timezone.now()
    locked.save(update_fields=["answer", "answered_by", "answered_at"])
    record(
        actor=actor,
        action="change.question.answer",
        obj=locked,
        before=before,
        after={"answer": answer},
    )
    return locked


@transaction.atomic
def question_merge(*, actor: Any, question: Question, into: Question) -> Question:
    """Mark `question` as a duplicate of `into` (same announcement); it leaves the open list
    and shares the answer of `into`."""
    if not can_answer(actor, question.announcement):
        raise NotFound("pertanyaan")
    # Locked in id order so that two merges of the same pair cannot deadlock.
    rows = {
        q.pk: q
        for q in Question.objects.select_for_update()
        .filter(pk__in=[question.pk, into.pk])
        .order_by("pk")
    }
    into = rows[into.pk]
    if (
        into.pk == question.pk
        or into.announcement_id != question.announcement_id
        or into.duplicate_of_id is not None
    ):
        raise ValidationFailed(
            ChangeError.MERGE_INVALID,
            "Pertanyaan hanya dapat digabung ke pertanyaan lain (bukan duplikat) pada "
            "pengumuman yang sama.",
        )
    locked = rows[question.pk]
    locked.duplicate_of = into
    locked.save(update_fields=["duplicate_of"])
    Question.objects.filter(duplicate_of=locked).update(duplicate_of=into)
    record(
        actor=actor,
        action="change.question.merge",
        obj=locked,
        after={"duplicate_of": into.pk},
    )
    return locked
