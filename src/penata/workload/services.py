"""Writes of the workload analysis: a duty's ABK numbers and the instansi's ABK settings."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction

from penata.core import reference
from penata.core.audit import record, snapshot
from penata.core.errors import PermissionDenied, ValidationFailed
from penata.org.models import Duty, Instansi
from penata.workload import selectors
from penata.workload.errors import WorkloadErrorCode
from penata.workload.models import PJ_PRESET_CHOICES, ROUNDING_CHOICES, WorkloadSettings

DUTY_FIELDS = ("volume", "period", "time_norm_minutes")
SETTINGS_FIELDS = ("rounding", "round_up_from", "pj_preset", "custom_lower_bounds")
VOLUME_MAX = Decimal("9999999999.99")
NORM_MAX = Decimal("99999999.99")


def _decimal(raw: Any, code: WorkloadErrorCode, field: str, label: str) -> Decimal:
    try:
        value = Decimal(str(raw).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        raise ValidationFailed(code, f"{label} harus berupa angka.", {"field": field}) from None
    if not value.is_finite():
        raise ValidationFailed(code, f"{label} harus berupa angka.", {"field": field})
    return value


def _duty_values(volume: Any, period: str, time_norm_minutes: Any) -> tuple[Decimal, str, Decimal]:
    vol = _decimal(volume, WorkloadErrorCode.VOLUME, "volume", "Volume")
    if vol < 0 or vol > VOLUME_MAX or vol != vol.quantize(Decimal("0.01")):
        raise ValidationFailed(
            WorkloadErrorCode.VOLUME,
            "Volume harus 0 atau lebih, paling banyak dua angka di belakang koma.",
            {"field": "volume"},
        )
    if period not in reference.DUTY_PERIODS:
        raise ValidationFailed(
            WorkloadErrorCode.PERIOD,
            "Periode harus salah satu dari: " + ", ".join(reference.DUTY_PERIODS.values()) + ".",
            {"field": "period"},
        )
    norm = _decimal(
        time_norm_minutes, WorkloadErrorCode.TIME_NORM, "time_norm_minutes", "Norma waktu"
    )
    if norm <= 0 or norm > NORM_MAX or norm != norm.quantize(Decimal("0.01")):
        raise ValidationFailed(
            WorkloadErrorCode.TIME_NORM,
            "Norma waktu harus lebih dari 0 menit, paling banyak dua angka di belakang koma.",
            {"field": "time_norm_minutes"},
        )
    cents = Decimal("0.01")
    return vol.quantize(cents), period, norm.quantize(cents)


@transaction.atomic
def duty_update(
    *, actor: Any, duty: Duty, volume: Any, period: str, time_norm_minutes: Any
) -> Duty:
    """Set a duty's volume, period and time norm; audited with before and after.

    Only org_analyst and admin of the duty's instansi (or of a subtree holding it) may do
    this; invalid values are refused with the field named and nothing changes.
    """
    unit = duty.position.unit
    if not selectors.can_edit(actor, unit):
        raise PermissionDenied("Hanya analis organisasi atau admin yang dapat mengubah ABK.")
    vol, per, norm = _duty_values(volume, period, time_norm_minutes)
    locked = Duty.objects.select_for_update().get(pk=duty.pk)
    before = snapshot(locked, DUTY_FIELDS)
    locked.volume, locked.period, locked.time_norm_minutes = vol, per, norm
    locked.save(update_fields=list(DUTY_FIELDS))
    record(
        actor=actor,
        action="workload.duty_update",
        obj=locked,
        before=before,
        after=snapshot(locked, DUTY_FIELDS),
        instansi_id=locked.instansi_id,
    )
    duty.volume, duty.period, duty.time_norm_minutes = vol, per, norm
    return locked


@transaction.atomic
def settings_update(
    *,
    actor: Any,
    instansi: Instansi,
    effective_minutes: Any,
    rounding: str,
    round_up_from: Any,
    pj_preset: str,
    custom_lower_bounds: str = "",
) -> WorkloadSettings:
    """Save the instansi's WKE, rounding rule and PJ bands; audited."""
    if not selectors.can_configure(actor, instansi):
        raise PermissionDenied("Hanya analis organisasi atau admin yang dapat mengatur ABK.")
    wke = _decimal(effective_minutes, WorkloadErrorCode.SETTINGS, "effective_minutes", "WKE")
    if wke <= 0 or wke != wke.to_integral_value() or wke > 525_600:
        raise ValidationFailed(
            WorkloadErrorCode.SETTINGS,
            "WKE harus bilangan bulat menit, lebih dari 0 dan tidak melebihi satu tahun.",
            {"field": "effective_minutes"},
        )
    if rounding not in dict(ROUNDING_CHOICES):
        raise ValidationFailed(
            WorkloadErrorCode.SETTINGS, "Aturan pembulatan tidak dikenal.", {"field": "rounding"}
        )
    threshold = _decimal(round_up_from, WorkloadErrorCode.SETTINGS, "round_up_from", "Ambang")
    if not Decimal("0.01") <= threshold <= 1 or threshold != threshold.quantize(Decimal("0.01")):
        raise ValidationFailed(
            WorkloadErrorCode.SETTINGS,
            "Ambang pembulatan harus di antara 0,01 dan 1 (dua desimal).",
            {"field": "round_up_from"},
        )
    if pj_preset not in dict(PJ_PRESET_CHOICES):
        raise ValidationFailed(
            WorkloadErrorCode.SETTINGS,
            "Pita prestasi jabatan tidak dikenal.",
            {"field": "pj_preset"},
        )
    saved = WorkloadSettings.objects.select_for_update().filter(instansi=instansi).first()
    saved = saved or WorkloadSettings(instansi=instansi)
    before = {**snapshot(saved, SETTINGS_FIELDS), "effective_minutes": instansi.effective_minutes}
    saved.rounding = rounding
    saved.round_up_from = threshold
    saved.pj_preset = pj_preset
    saved.custom_lower_bounds = custom_lower_bounds.strip() if pj_preset == "custom" else ""
    try:
        selectors.config_for(instansi, saved)
    except ValueError as error:  # AbkError and malformed bounds
        message = getattr(error, "message", str(error))
        raise ValidationFailed(
            WorkloadErrorCode.SETTINGS, message, {"field": "custom_lower_bounds"}
        ) from None
    saved.save()
    instansi.effective_minutes = int(wke)
    instansi.save(update_fields=["effective_minutes"])
    record(
        actor=actor,
        action="workload.settings_update",
        obj=saved,
        before=before,
        after={**snapshot(saved, SETTINGS_FIELDS), "effective_minutes": int(wke)},
        instansi_id=instansi.id,
    )
    return saved
