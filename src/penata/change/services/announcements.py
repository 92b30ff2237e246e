"""Write announcements, publish them to their audience, acknowledge, remind."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils import timezone

from penata.change import access, rules
from penata.change.audience import (
    audience_from_enactment,
    audience_from_scenario,
    audience_from_targets,
    current_units,
)
from penata.change.errors import ChangeError
from penata.change.models import Announcement, AnnouncementStatus, Recipient
from penata.core import markdown
from penata.core.audit import record, snapshot
from penata.core.errors import ApplicationError, NotFound, PermissionDenied, ValidationFailed
from penata.core.reference import POSITION_KINDS
from penata.org.models import Instansi, Unit
from penata.people.models import Employee
from penata.restructure.models import Enactment, Scenario

FIELDS = (
    "title",
    "body",
    "reason",
    "benefits",
    "what_changes",
    "effective_date",
    "scenario",
    "enactment",
    "target_unit",
    "target_kinds",
    "target_employees",
    "ack_due_days",
    "reminder_days",
    "status",
    "published_at",
)


def _check_targets(
    *,
    actor: Any,
    instansi: Instansi,
    scenario: Scenario | None,
    enactment: Enactment | None,
    target_unit: Unit | None,
    target_kinds: Sequence[str],
    target_employees: Sequence[int],
) -> None:
    if enactment is not None and scenario is None:
        scenario = enactment.scenario
    unknown = [k for k in target_kinds if k not in POSITION_KINDS]
    if unknown:
        raise ValidationFailed(
            ChangeError.INVALID, f"Jenis jabatan tidak dikenal: {', '.join(unknown)}."
        )
    if scenario is None and target_unit is None and not target_kinds and not target_employees:
        raise ValidationFailed(
            ChangeError.NO_AUDIENCE,
            "Pilih sasaran: skenario/penetapan penataan, unit, jenis jabatan atau daftar pegawai.",
        )
    for obj in (scenario, target_unit):
        if obj is not None and obj.instansi_id != instansi.pk:
            raise NotFound("sasaran")
    if access.composes_whole(actor, instansi.pk):
        return
    # A unit head targets only inside their own subtree, and never a whole scenario.
    paths = access.head_paths(actor)
    if scenario is not None or target_unit is None or not target_unit.path.startswith(paths):
        raise PermissionDenied("Kepala unit hanya dapat menyasar unit di bawah kewenangannya.")
    if target_employees:
        raise PermissionDenied("Kepala unit menyasar menurut unit dan jenis jabatan.")


@transaction.atomic
def announcement_create(
    *,
    actor: Any,
    instansi: Instansi,
    title: str,
    body: str,
    reason: str = "",
    benefits: str = "",
    what_changes: str = "",
    effective_date: dt.date | None = None,
    scenario: Scenario | None = None,
    enactment: Enactment | None = None,
    target_unit: Unit | None = None,
    target_kinds: Sequence[str] = (),
    target_employees: Sequence[int] = (),
    ack_due_days: int = 7,
    reminder_days: int = 3,
) -> Announcement:
    """Create a draft announcement; its audience is resolved when it is published."""
    if not access.can_compose(actor):
        raise PermissionDenied("Hanya admin, analis organisasi dan kepala unit yang menyusun.")
    title, body = title.strip(), body.strip()
    if not title or not body:
        raise ValidationFailed(ChangeError.INVALID, "Judul dan isi pengumuman wajib diisi.")
    if ack_due_days < 1 or reminder_days < 1:
        raise ValidationFailed(
            ChangeError.INVALID, "Batas konfirmasi dan jeda pengingat paling sedikit 1 hari."
        )
    if enactment is not None and scenario is not None:
        # One source names the audience; an enactment already carries its scenario.
        raise ValidationFailed(
            ChangeError.INVALID,
            "Pilih skenario penataan atau penetapan, tidak keduanya.",
        )
    _check_targets(
        actor=actor,
        instansi=instansi,
        scenario=scenario,
        enactment=enactment,
        target_unit=target_unit,
        target_kinds=target_kinds,
        target_employees=target_employees,
    )
    announcement = Announcement.objects.create(
        instansi=instansi,
        title=title[:200],
        body=body,
        body_html=markdown.render(body),
        reason=reason.strip(),
        benefits=benefits.strip(),
        what_changes=what_changes.strip(),
        effective_date=effective_date,
        scenario=scenario,
        enactment=enactment,
        target_unit=target_unit,
        target_kinds=list(target_kinds),
        target_employees=sorted(set(target_employees)),
        ack_due_days=ack_due_days,
        reminder_days=reminder_days,
        created_by=actor,
    )
    record(
        actor=actor,
        action="change.announcement.create",
        obj=announcement,
        after=snapshot(announcement, FIELDS),
    )
    return announcement


def announcement_audience(announcement: Announcement) -> dict[int, str]:
    """Employee id → reason the announcement reaches them (resolved now)."""
    found: dict[int, str] = {}
    if announcement.enactment is not None:
        found.update(audience_from_enactment(announcement.enactment))
    elif announcement.scenario is not None:
        found.update(audience_from_scenario(announcement.scenario))
    for employee_id, reason in audience_from_targets(
        instansi_id=announcement.instansi_id,
        unit=announcement.target_unit,
        kinds=list(announcement.target_kinds),
        employee_ids=[int(i) for i in announcement.target_employees],
    ).items():
        found.setdefault(employee_id, reason)
    return found


def _mail_notice(announcement: Announcement, employee_ids: list[int], *, reminder: bool) -> None:
    emails = list(
        Employee.objects.filter(pk__in=employee_ids, user__isnull=False)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )
    if not emails:
        return
    subject = (
        f"Pengingat: konfirmasi pengumuman {announcement.title}"
        if reminder
        else f"Pengumuman perubahan: {announcement.title}"
    )
    text = (
        f"{announcement.title}\n\n"
        "Silakan baca pengumuman ini di Penata (menu Perubahan) lalu tekan "
        "'Saya sudah membaca dan memahami'.\n"
    )
    sender = settings.DEFAULT_FROM_EMAIL
    send_mass_mail([(subject, text, sender, [email]) for email in emails], fail_silently=True)


@transaction.atomic
def announcement_publish(*, actor: Any, announcement: Announcement) -> int:
    """Publish a draft: store its recipients (in-app notice) and e-mail them after commit.
    Returns how many recipients were told."""
    locked = Announcement.objects.select_for_update().get(pk=announcement.pk)
    if locked.is_published():
        raise ApplicationError(ChangeError.ALREADY_PUBLISHED, "Pengumuman sudah diterbitkan.")
    before = snapshot(locked, FIELDS)
    audience = announcement_audience(locked)
    if not access.composes_whole(actor, locked.instansi_id):
        # Defensive: a unit head's targets are inside their subtree already.
        paths = access.head_paths(actor)
        if not paths:
            raise PermissionDenied("Anda tidak berwenang menerbitkan pengumuman ini.")
    if not audience:
        raise ValidationFailed(
            ChangeError.EMPTY_AUDIENCE, "Tidak ada pegawai yang menjadi sasaran pengumuman ini."
        )
    now = timezone.now()
    units = current_units(audience)
    Recipient.objects.bulk_create(
        [
            Recipient(
                instansi_id=locked.instansi_id,
                announcement=locked,
                employee_id=employee_id,
                unit_id=units.get(employee_id),
                reason=reason,
                notified_at=now,
            )
            for employee_id, reason in sorted(audience.items())
        ]
    )
    locked.status = AnnouncementStatus.PUBLISHED
    locked.published_at = now
    locked.save(update_fields=["status", "published_at"])
    record(
        actor=actor,
        action="change.announcement.publish",
        obj=locked,
        before=before,
        after=snapshot(locked, FIELDS),
        extra={"recipients": len(audience)},
    )
    ids = sorted(audience)
    transaction.on_commit(lambda: _mail_notice(locked, ids, reminder=False))
    announcement.status, announcement.published_at = locked.status, locked.published_at
    return len(audience)


@transaction.atomic
def announcement_acknowledge(*, actor: Any, announcement: Announcement) -> Recipient:
    """Record that the actor read and understood the announcement (idempotent)."""
    from penata.accounts.scope import reach_of

    employee_id = reach_of(actor).employee_id
    row = (
        Recipient.objects.select_for_update()
        .filter(announcement=announcement, employee_id=employee_id)
        .first()
        if employee_id
        else None
    )
    if row is None:
        raise ApplicationError(ChangeError.NOT_RECIPIENT, "Anda bukan penerima pengumuman ini.")
    if row.acknowledged_at is None:
        row.acknowledged_at = timezone.now()
        row.save(update_fields=["acknowledged_at"])
        record(
            actor=actor,
            action="change.announcement.acknowledge",
            obj=row,
            after={"acknowledged_at": row.acknowledged_at.isoformat()},
        )
    return row


@transaction.atomic
def reminders_send(*, actor: Any, announcement: Announcement | None = None) -> int:
    """Remind every recipient whose reminder is due (see `rules.reminder_due`); returns how
    many were reminded. Run daily by `penata change_reminders` or from the dashboard."""
    now = timezone.now()
    qs = Recipient.objects.select_related("announcement").filter(
        acknowledged_at__isnull=True, announcement__status=AnnouncementStatus.PUBLISHED
    )
    if announcement is not None:
        qs = qs.filter(announcement=announcement)
    due: dict[int, list[Recipient]] = {}
    for row in qs.order_by("id"):
        if rules.reminder_due(
            row.notified_at,
            row.last_reminded_at,
            row.acknowledged_at,
            row.announcement.reminder_days,
            now,
        ):
            due.setdefault(row.announcement_id, []).append(row)
    count = 0
    for rows in due.values():
        for row in rows:
            row.last_reminded_at = now
            row.reminder_count += 1
        Recipient.objects.bulk_update(rows, ["last_reminded_at", "reminder_count"])
        first = rows[0].announcement
        record(
            actor=actor,
            action="change.announcement.remind",
            obj=first,
            extra={"reminded": len(rows)},
        )
        transaction.on_commit(
            functools.partial(_mail_notice, first, [r.employee_id for r in rows], reminder=True)
        )
        count += len(rows)
    return count
