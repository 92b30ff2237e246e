"""Daily activity log: the employee records, corrects and removes entries; the pejabat
penilai approves or returns them in bulk.

An entry keeps the unit and Perangkat Daerah of the employee's post on its day, so that
the dashboards count without joining the assignments (see models.Activity).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from penata.core import audit
from penata.core.dating import today
from penata.org.models import Unit
from penata.people.models import Employee
from penata.performance.errors import PerformanceError as E
from penata.performance.errors import conflict, invalid, refused
from penata.performance.models import Activity, Rhk
from penata.performance.models.activity import DESCRIPTION_MAX, MINUTES_PER_DAY
from penata.performance.selectors.common import settings_for
from penata.performance.selectors.evaluators import evaluator_map, own_posts
from penata.performance.services.common import (
    acting_employee_id,
    perangkat_daerah_id,
    require_employee,
)

OUTPUT_MAX = 100_000
ACTIVITY_FIELDS = ("date", "description", "minutes", "rhk", "output_count", "status")


@dataclass(frozen=True)
class ActivityInput:
    day: dt.date
    description: str
    minutes: int
    rhk_id: int | None = None
    output_count: int = 0


def _clean(text: str) -> str:
    return " ".join("".join(ch for ch in text if ch >= " " or ch in "\n\t").split())


def _validate(
    employee: Employee, data: ActivityInput, *, exclude: int | None = None
) -> tuple[str, Rhk | None]:
    on = today()
    window = settings_for(employee.instansi_id).backdate_days
    if data.day > on:
        raise invalid(E.ACTIVITY_DATE, "Tanggal kegiatan tidak boleh di masa depan.", "date")
    if data.day < on - dt.timedelta(days=window):
        raise invalid(
            E.ACTIVITY_DATE,
            f"Log harian hanya dapat diisi paling lama {window} hari ke belakang.",
            "date",
        )
    description = _clean(data.description)
    if not 3 <= len(description) <= DESCRIPTION_MAX:
        raise invalid(
            E.ACTIVITY_DESCRIPTION,
            f"Uraian kegiatan harus 3–{DESCRIPTION_MAX} karakter.",
            "description",
        )
    if not 1 <= data.minutes <= MINUTES_PER_DAY:
        raise invalid(E.ACTIVITY_MINUTES, "Durasi harus 1–1.440 menit.", "minutes")
    if not 0 <= data.output_count <= OUTPUT_MAX:
        raise invalid(E.ACTIVITY_OUTPUT, "Jumlah keluaran harus 0–100.000.", "output_count")
    rhk = None
    if data.rhk_id is not None:
        rhk = Rhk.objects.filter(
            pk=data.rhk_id, skp__employee=employee, skp__year=data.day.year
        ).first()
        if rhk is None:
            raise invalid(
                E.ACTIVITY_RHK, "RHK yang dipilih bukan bagian dari SKP Anda tahun itu.", "rhk"
            )
    logged = Activity.objects.filter(
        instansi_id=employee.instansi_id, employee=employee, date=data.day
    )
    if exclude is not None:
        logged = logged.exclude(pk=exclude)
    total = logged.aggregate(n=Sum("minutes"))["n"] or 0
    if total + data.minutes > MINUTES_PER_DAY:
        raise invalid(
            E.ACTIVITY_DAY_FULL,
            f"Jumlah durasi kegiatan pada hari itu sudah {total} menit; satu hari paling "
            "banyak 1.440 menit.",
            "minutes",
        )
    return description, rhk


@transaction.atomic
def activity_log(*, actor: Any, data: ActivityInput) -> Activity:
    """Record one activity of the actor's own day."""
    employee = require_employee(
        actor, E.ACTIVITY_NO_EMPLOYEE, "Log harian diisi oleh pegawai dengan akun yang terhubung."
    )
    description, rhk = _validate(employee, data)
    post = own_posts([employee.pk], data.day).get(employee.pk) or own_posts([employee.pk]).get(
        employee.pk
    )
    unit = Unit.objects.filter(pk=post.unit_id).first() if post else None
    activity = Activity.objects.create(
        instansi_id=employee.instansi_id,
        employee=employee,
        unit=unit,
        perangkat_daerah_id=perangkat_daerah_id(unit) if unit else None,
        date=data.day,
        description=description,
        minutes=data.minutes,
        rhk=rhk,
        output_count=data.output_count,
    )
    audit.record(
        actor=actor,
        action="activity.log",
        obj=activity,
        after=audit.snapshot(activity, ACTIVITY_FIELDS),
    )
    return activity


def _own_open(actor: Any, activity: Activity) -> Activity:
    locked = Activity.objects.select_for_update().get(pk=activity.pk)
    if acting_employee_id(actor) != locked.employee_id:
        raise refused(
            E.ACTIVITY_NOT_OWNER, "Hanya pegawai yang mencatat kegiatan ini yang dapat mengubahnya."
        )
    if locked.status == Activity.Status.APPROVED:
        raise conflict(E.ACTIVITY_NOT_PENDING, "Kegiatan yang sudah disetujui tidak dapat diubah.")
    return locked


@transaction.atomic
def activity_update(*, actor: Any, activity: Activity, data: ActivityInput) -> Activity:
    """Correct one's own entry that is not approved yet; a returned entry goes back to the
    pejabat penilai as pending."""
    activity = _own_open(actor, activity)
    employee = Employee.objects.get(pk=activity.employee_id)
    description, rhk = _validate(employee, data, exclude=activity.pk)
    before = audit.snapshot(activity, ACTIVITY_FIELDS)
    activity.date, activity.description, activity.minutes = data.day, description, data.minutes
    activity.rhk, activity.output_count = rhk, data.output_count
    activity.status = Activity.Status.PENDING
    activity.save()
    audit.record(
        actor=actor,
        action="activity.update",
        obj=activity,
        before=before,
        after=audit.snapshot(activity, ACTIVITY_FIELDS),
    )
    return activity


@transaction.atomic
def activity_delete(*, actor: Any, activity: Activity) -> None:
    """Remove one's own entry that is not approved yet."""
    activity = _own_open(actor, activity)
    before = audit.snapshot(activity, ACTIVITY_FIELDS)
    pk, instansi_id = activity.pk, activity.instansi_id
    activity.delete()
    audit.record(
        actor=actor,
        action="activity.delete",
        object_type="performance.activity",
        object_id=pk,
        instansi_id=instansi_id,
        before=before,
    )


@transaction.atomic
def activity_review(
    *, actor: Any, activity_ids: Sequence[int], approve: bool, note: str = ""
) -> int:
    """Approve (or return with a note) many pending entries at once; returns how many.

    All or nothing: refused when an entry is not pending or its employee is not evaluated by
    the actor (the pejabat penilai), or when the actor would review their own entries.
    """
    ids = sorted(set(activity_ids))
    if not ids:
        raise invalid(
            E.ACTIVITY_NOTHING_CHOSEN, "Pilih paling sedikit satu kegiatan.", "activities"
        )
    rows = list(
        Activity.objects.select_for_update()
        .filter(pk__in=ids)
        .values_list("pk", "instansi_id", "employee_id", "status")
    )
    if len(rows) != len(ids):
        raise invalid(
            E.ACTIVITY_NOTHING_CHOSEN, "Sebagian kegiatan yang dipilih tidak ada.", "activities"
        )
    not_pending = [pk for pk, _i, _e, status in rows if status != Activity.Status.PENDING]
    if not_pending:
        raise conflict(
            E.ACTIVITY_NOT_PENDING,
            "Sebagian kegiatan yang dipilih sudah diperiksa.",
            activities=not_pending,
        )
    me = acting_employee_id(actor)
    instansi_ids = {i for _pk, i, _e, _s in rows}
    employees = {e for _pk, _i, e, _s in rows}
    allowed = me is not None and me not in employees and len(instansi_ids) == 1
    if allowed:
        evaluators = evaluator_map(instansi_ids.pop(), employees)
        allowed = all(
            (found := evaluators.get(e)) is not None and found.employee_id == me for e in employees
        )
    if not allowed:
        raise refused(
            E.ACTIVITY_NOT_REVIEWER,
            "Kegiatan hanya diperiksa oleh pejabat penilai pegawai yang bersangkutan.",
        )
    cleaned = _clean(note)[:500]
    if not approve and len(cleaned) < 3:
        raise invalid(E.ACTIVITY_NOTE_REQUIRED, "Tuliskan alasan pengembalian.", "note")
    status = Activity.Status.APPROVED if approve else Activity.Status.RETURNED
    count = Activity.objects.filter(pk__in=ids).update(
        status=status,
        reviewed_by=actor if getattr(actor, "pk", None) else None,
        reviewed_at=timezone.now(),
        review_note=cleaned,
    )
    audit.record(
        actor=actor,
        action="activity.approve" if approve else "activity.return",
        object_type="performance.activity",
        instansi_id=rows[0][1],
        extra={"activities": ids, "note": cleaned},
    )
    return count
