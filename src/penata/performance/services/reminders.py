"""Reminders for working days left without a log entry (`penata activity remind`).

For each instansi whose calendar makes `day` a working day, every active employee with a
post and no entry on that day gets one in-app reminder (shown on their log page until the
day is filled in or the reminder is dismissed) and, when an e-mail address is known, one
e-mail. Re-running for the same day writes and sends nothing new.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from penata.core import audit
from penata.org.models import Instansi
from penata.people.models import Assignment, Employee
from penata.people.selectors import current_assignment_q
from penata.performance.errors import PerformanceError, refused
from penata.performance.models import Activity, ActivityReminder
from penata.performance.rules import MONTH_NAMES
from penata.performance.schedule import WEEKDAYS
from penata.performance.selectors.common import calendar_for, settings_for
from penata.performance.services.common import acting_employee_id

LOG_PATH = "/kinerja/log/"


@dataclass(frozen=True)
class ReminderRun:
    instansi: str
    day: str
    working_day: bool
    enabled: bool
    empty: int  # employees without an entry and without a reminder yet
    created: int
    emailed: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _day_text(day: dt.date) -> str:
    return f"{WEEKDAYS[day.weekday()]}, {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def _message(name: str, day: dt.date, address: str, site_url: str) -> EmailMessage:
    link = f"{site_url.rstrip('/')}{LOG_PATH}" if site_url else "menu Kinerja › Log harian"
    body = (
        f"Yth. {name},\n\n"
        f"Belum ada kegiatan yang tercatat pada log harian Anda untuk hari kerja "
        f"{_day_text(day)}.\nSilakan isi log harian melalui {link}.\n\n"
        "Pesan ini dikirim otomatis oleh Penata; abaikan bila Anda sedang cuti atau dinas luar."
    )
    return EmailMessage(
        subject=f"Pengingat: log harian {day:%d-%m-%Y} belum diisi",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[address],
    )


def _empty_employees(instansi_id: int, day: dt.date) -> list[tuple[int, str, str]]:
    """(id, name, e-mail) of active employees with a post, no entry and no reminder on `day`."""
    rows = (
        Employee.objects.filter(instansi_id=instansi_id, status="aktif")
        .filter(
            Exists(Assignment.objects.filter(current_assignment_q(day), employee_id=OuterRef("pk")))
        )
        .exclude(
            Exists(
                Activity.objects.filter(
                    instansi_id=instansi_id, employee_id=OuterRef("pk"), date=day
                )
            )
        )
        .exclude(
            Exists(
                ActivityReminder.objects.filter(
                    instansi_id=instansi_id, employee_id=OuterRef("pk"), date=day
                )
            )
        )
        .order_by("pk")
        .values_list("pk", "name", "email", "user__email")
    )
    return [(pk, name, email or user_email or "") for pk, name, email, user_email in rows]


def activity_remind(
    *,
    day: dt.date,
    instansi_codes: Iterable[str] | None = None,
    dry_run: bool = False,
    site_url: str = "",
) -> list[ReminderRun]:
    """Remind everybody whose working `day` is empty; returns one summary per instansi."""
    instansi = Instansi.objects.order_by("code")
    if instansi_codes is not None:
        instansi = instansi.filter(code__in=list(instansi_codes))
    runs = []
    for inst in instansi:
        runs.append(_remind_instansi(inst, day, dry_run=dry_run, site_url=site_url))
    return runs


def _remind_instansi(inst: Instansi, day: dt.date, *, dry_run: bool, site_url: str) -> ReminderRun:
    enabled = settings_for(inst.pk).reminders_enabled
    working = calendar_for(inst.pk, day, day).is_working_day(day)
    if not (enabled and working):
        return ReminderRun(inst.code, day.isoformat(), working, enabled, 0, 0, 0)
    empty = _empty_employees(inst.pk, day)
    if dry_run or not empty:
        return ReminderRun(inst.code, day.isoformat(), True, True, len(empty), 0, 0)
    with transaction.atomic():
        ActivityReminder.objects.bulk_create(
            [
                ActivityReminder(instansi_id=inst.pk, employee_id=pk, date=day)
                for pk, _n, _e in empty
            ],
            ignore_conflicts=True,
        )
        audit.record(
            actor="penata activity remind",
            action="activity.remind",
            obj=inst,
            extra={"day": day.isoformat(), "employees": len(empty)},
        )
    # Mail leaves after the reminders are stored; `emailed_at` only marks what was sent.
    addressed = [(pk, name, email) for pk, name, email in empty if email]
    sent: list[int] = []
    if addressed:
        with get_connection(fail_silently=True) as connection:
            for pk, name, email in addressed:
                if connection.send_messages([_message(name, day, email, site_url)]):
                    sent.append(pk)
    if sent:
        ActivityReminder.objects.filter(instansi_id=inst.pk, employee_id__in=sent, date=day).update(
            emailed_at=timezone.now()
        )
    return ReminderRun(inst.code, day.isoformat(), True, True, len(empty), len(empty), len(sent))


@transaction.atomic
def reminder_dismiss(*, actor: Any, reminder: ActivityReminder) -> None:
    """The employee closes one in-app reminder (e.g. a day of leave)."""
    if acting_employee_id(actor) != reminder.employee_id:
        raise refused(PerformanceError.ACTIVITY_NOT_OWNER, "Pengingat ini bukan milik Anda.")
    reminder.dismissed_at = timezone.now()
    reminder.save(update_fields=["dismissed_at"])
    audit.record(actor=actor, action="activity.reminder_dismiss", obj=reminder)
