"""ADKAR readiness pulses: open one for an announcement, answer it anonymously, close it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from penata.accounts.scope import reach_of
from penata.change import access, rules
from penata.change.errors import ChangeError
from penata.change.models import Announcement, Pulse, PulseParticipation, PulseResponse, Recipient
from penata.core.audit import record
from penata.core.errors import ApplicationError, PermissionDenied, ValidationFailed


@transaction.atomic
def pulse_open(
    *,
    actor: Any,
    announcement: Announcement,
    title: str,
    questions: Sequence[tuple[str, str]] = rules.DEFAULT_QUESTIONS,
) -> Pulse:
    """Open a readiness pulse for the recipients of a published announcement; `questions`
    are (ADKAR dimension, statement) pairs, editable, at least one per dimension."""
    if not access.can_compose(actor):
        raise PermissionDenied(
            "Hanya admin, analis organisasi dan kepala unit yang membuka survei."
        )
    if not announcement.is_published():
        raise ValidationFailed(ChangeError.INVALID, "Terbitkan pengumuman sebelum membuka survei.")
    cleaned = [(d, t.strip()) for d, t in questions if t.strip()]
    if any(d not in rules.ADKAR for d, _ in cleaned) or {d for d, _ in cleaned} != set(rules.ADKAR):
        raise ValidationFailed(
            ChangeError.INVALID, "Setiap dimensi ADKAR perlu paling sedikit satu pernyataan."
        )
    pulse = Pulse.objects.create(
        instansi_id=announcement.instansi_id,
        announcement=announcement,
        title=title.strip() or f"Kesiapan: {announcement.title}"[:200],
        questions=[{"dimension": d, "text": t} for d, t in cleaned],
        opened_at=timezone.now(),
        created_by=actor,
    )
    record(actor=actor, action="change.pulse.open", obj=pulse, after={"title": pulse.title})
    return pulse


@transaction.atomic
def pulse_answer(*, actor: Any, pulse: Pulse, answers: Sequence[int]) -> None:
    """Store one anonymous response: the answers keep only the unit, the participation only
    the person, and nothing links the two. The audit event names the pulse, not the answers."""
    employee_id = reach_of(actor).employee_id
    recipient = (
        Recipient.objects.filter(announcement_id=pulse.announcement_id, employee_id=employee_id)
        .only("unit_id")
        .first()
        if employee_id
        else None
    )
    if recipient is None or employee_id is None:
        raise ApplicationError(ChangeError.NOT_RECIPIENT, "Survei ini bukan untuk Anda.")
    if not pulse.is_open:
        raise ValidationFailed(ChangeError.INVALID, "Survei sudah ditutup.")
    try:
        scores = rules.response_scores(pulse.questions, [int(a) for a in answers])
    except (ValueError, TypeError) as error:
        raise ValidationFailed(
            ChangeError.INVALID, "Jawab setiap pernyataan dengan nilai 1 sampai 5."
        ) from error
    try:
        with transaction.atomic():
            PulseParticipation.objects.create(
                instansi_id=pulse.instansi_id, pulse=pulse, employee_id=employee_id
            )
    except IntegrityError as error:
        raise ValidationFailed(ChangeError.INVALID, "Anda sudah mengisi survei ini.") from error
    PulseResponse.objects.create(
        instansi_id=pulse.instansi_id, pulse=pulse, unit_id=recipient.unit_id, scores=scores
    )
    record(actor=actor, action="change.pulse.answer", obj=pulse)


@transaction.atomic
def pulse_close(*, actor: Any, pulse: Pulse) -> Pulse:
    if not access.can_compose(actor):
        raise PermissionDenied()
    pulse.is_open = False
    pulse.save(update_fields=["is_open"])
    record(actor=actor, action="change.pulse.close", obj=pulse, after={"is_open": False})
    return pulse
