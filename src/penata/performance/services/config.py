"""Administration of the performance module: the instansi's settings, the organisational
predikat of units, and the working calendar (weekly pattern and holidays).

BKPSDM admin (for the whole instansi) changes them; the national holiday list belongs to
every instansi and is changed by the superuser only — an admin overrides a national date for
their own instansi with a working day instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction

from penata.accounts.scope import reach_of
from penata.core import audit
from penata.org.models import Instansi, Unit
from penata.performance import rules, schedule
from penata.performance.errors import PerformanceError as E
from penata.performance.errors import invalid, refused
from penata.performance.models import Holiday, OrgPredikat, PerformanceSettings, WorkCalendar
from penata.performance.selectors.common import is_admin
from penata.performance.values import FREQUENCY_LABELS

SETTINGS_FIELDS = (
    "frequency",
    "grace_days",
    "evidence_max_kb",
    "backdate_days",
    "reminders_enabled",
    "ak_coefficients",
)


def _require_admin(actor: Any, instansi_id: int) -> None:
    if not is_admin(actor, instansi_id):
        raise refused(
            E.SETTINGS_ADMIN_ONLY, "Hanya admin BKPSDM yang dapat mengubah pengaturan ini."
        )


def _bounded(value: int, low: int, high: int, field: str, label: str) -> int:
    if not low <= value <= high:
        raise invalid(E.SETTINGS_VALUE, f"{label} harus {low}–{high}.", field)
    return value


@transaction.atomic
def performance_settings_update(
    *,
    actor: Any,
    instansi: Instansi,
    frequency: str,
    grace_days: int,
    evidence_max_kb: int,
    backdate_days: int,
    reminders_enabled: bool,
    working_weekdays: str,
    ak_coefficients: Mapping[str, str],
) -> PerformanceSettings:
    """Change how the instansi runs the cycle. The frequency applies to SKPs opened later."""
    _require_admin(actor, instansi.pk)
    if frequency not in FREQUENCY_LABELS:
        raise invalid(E.SETTINGS_VALUE, "Frekuensi evaluasi tidak dikenal.", "frequency")
    _bounded(grace_days, 0, 90, "grace_days", "Batas waktu penilaian")
    _bounded(evidence_max_kb, 64, 20480, "evidence_max_kb", "Ukuran bukti dukung (KB)")
    _bounded(backdate_days, 0, 366, "backdate_days", "Batas pengisian mundur")
    try:
        weekdays = schedule.parse_weekdays(working_weekdays)
    except ValueError:
        raise invalid(
            E.SETTINGS_VALUE,
            "Hari kerja ditulis sebagai angka 0 (Senin) sampai 6 (Minggu).",
            "working_weekdays",
        ) from None
    coefficients: dict[str, str] = {}
    for jenjang, raw in ak_coefficients.items():
        if jenjang not in rules.DEFAULT_COEFFICIENTS:
            raise invalid(
                E.SETTINGS_VALUE, f"Jenjang JF tidak dikenal: {jenjang}.", "ak_coefficients"
            )
        text = str(raw).strip().replace(",", ".")
        if not text:
            continue
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise invalid(
                E.SETTINGS_VALUE, f"Koefisien {jenjang} bukan angka.", "ak_coefficients"
            ) from None
        if not Decimal(0) <= value <= Decimal(1000):
            raise invalid(E.SETTINGS_VALUE, f"Koefisien {jenjang} harus 0–1000.", "ak_coefficients")
        if value != rules.DEFAULT_COEFFICIENTS[jenjang]:
            coefficients[jenjang] = format(value.normalize(), "f")
    row, _ = PerformanceSettings.objects.select_for_update().get_or_create(instansi=instansi)
    calendar, _ = WorkCalendar.objects.select_for_update().get_or_create(instansi=instansi)
    before = {**audit.snapshot(row, SETTINGS_FIELDS), "working_weekdays": calendar.working_weekdays}
    row.frequency, row.grace_days, row.evidence_max_kb = frequency, grace_days, evidence_max_kb
    row.backdate_days, row.reminders_enabled = backdate_days, reminders_enabled
    row.ak_coefficients = coefficients
    row.updated_by = actor if getattr(actor, "pk", None) else None
    row.save()
    calendar.working_weekdays = "".join(str(d) for d in sorted(weekdays))
    calendar.save()
    audit.record(
        actor=actor,
        action="performance.settings",
        obj=row,
        before=before,
        after={
            **audit.snapshot(row, SETTINGS_FIELDS),
            "working_weekdays": calendar.working_weekdays,
        },
    )
    return row


@transaction.atomic
def org_predikat_set(
    *, actor: Any, unit: Unit, year: int, predikat: str, note: str = ""
) -> OrgPredikat | None:
    """Enter (or clear, with an empty `predikat`) the organisational predikat of a unit."""
    _require_admin(actor, unit.instansi_id)
    found = (
        OrgPredikat.objects.select_for_update()
        .filter(instansi_id=unit.instansi_id, unit=unit, year=year)
        .first()
    )
    before = {"predikat": found.predikat if found else ""}
    if not predikat:
        if found is not None:
            found.delete()
            audit.record(
                actor=actor,
                action="performance.org_predikat_clear",
                obj=unit,
                before=before,
                after={"predikat": ""},
                extra={"year": year},
            )
        return None
    try:
        code = rules.org_predikat_code(predikat)
    except rules.SkpError as error:
        raise invalid(E.ORG_PREDIKAT_VALUE, error.message, "predikat") from None
    if not 2000 <= year <= 2100:
        raise invalid(E.ORG_PREDIKAT_VALUE, "Tahun tidak sah.", "year")
    if found is None:
        found = OrgPredikat(instansi_id=unit.instansi_id, unit=unit, year=year)
    found.predikat = code
    found.note = " ".join(note.split())[:255]
    found.set_by = actor if getattr(actor, "pk", None) else None
    found.save()
    audit.record(
        actor=actor,
        action="performance.org_predikat",
        obj=found,
        before=before,
        after={"predikat": code},
        extra={"unit": unit.pk, "year": year},
    )
    return found


def _may_edit_holiday(actor: Any, instansi: Instansi | None) -> None:
    if instansi is None:
        if not reach_of(actor).is_superuser:
            raise refused(
                E.HOLIDAY_NATIONAL,
                "Daftar libur nasional hanya diubah superuser; tandai tanggal sebagai hari kerja "
                "untuk instansi Anda bila perlu.",
            )
        return
    _require_admin(actor, instansi.pk)


@transaction.atomic
def holiday_save(
    *,
    actor: Any,
    instansi: Instansi | None,
    day: dt.date,
    name: str,
    kind: str,
    is_estimate: bool = False,
    source: str = "",
) -> Holiday:
    """Add or change one day of the calendar: a national day (`instansi` None, superuser),
    or an instansi's local holiday or working day (admin)."""
    _may_edit_holiday(actor, instansi)
    national = (Holiday.Kind.NATIONAL, Holiday.Kind.JOINT_LEAVE)
    allowed = national if instansi is None else tuple(Holiday.Kind)
    if kind not in allowed:
        raise invalid(E.HOLIDAY_KIND, "Jenis hari tidak sesuai.", "kind")
    cleaned = " ".join(name.split())
    if not 3 <= len(cleaned) <= 150:
        raise invalid(E.HOLIDAY_NAME, "Keterangan hari harus 3–150 karakter.", "name")
    found = Holiday.objects.select_for_update().filter(instansi=instansi, date=day).first()
    before = audit.snapshot(found, ("name", "kind", "is_estimate")) if found else {}
    if found is None:
        found = Holiday(instansi=instansi, date=day)
    found.name, found.kind, found.is_estimate = cleaned, kind, is_estimate
    found.source = " ".join(source.split())[:200]
    found.save()
    audit.record(
        actor=actor,
        action="performance.holiday_save",
        obj=found,
        before=before,
        after=audit.snapshot(found, ("name", "kind", "is_estimate")),
        extra={"date": day.isoformat(), "national": instansi is None},
    )
    return found


@transaction.atomic
def holiday_delete(*, actor: Any, holiday: Holiday) -> None:
    """Remove one day from the calendar (national days: superuser only)."""
    instansi = holiday.instansi
    _may_edit_holiday(actor, instansi)
    before = audit.snapshot(holiday, ("date", "name", "kind"))
    pk = holiday.pk
    holiday.delete()
    audit.record(
        actor=actor,
        action="performance.holiday_delete",
        object_type="performance.holiday",
        object_id=pk,
        instansi_id=instansi.pk if instansi else None,
        before=before,
    )
