"""SKM use cases: a citizen answers the survey of a service; the unit enters its population."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from penata.core import audit
from penata.core.errors import PermissionDenied, ValidationFailed
from penata.participation import access, periods
from penata.participation.models import ServiceStandard, SkmPopulation, SkmResponse
from penata.participation.models.skm import PROFILE_FIELDS, SUGGESTION_MAX
from penata.participation.rules import UNSUR_BY_CODE, UNSUR_CODES, SkmError, parse_answer
from penata.participation.safety import Client
from penata.participation.selectors.common import settings_for

POPULATION_MAX = 10_000_000


def current_period(service: ServiceStandard) -> str:
    kind = settings_for(service.instansi_id).skm_period_kind
    return periods.period_of(timezone.localdate(), kind)


def has_answered(service: ServiceStandard, period: str, client: Client) -> bool:
    """Whether this device (cookie) or client fingerprint already answered in `period`."""
    match = Q(pk__in=[])
    if client.device_hash:
        match |= Q(device_hash=client.device_hash)
    if client.fingerprint_hash:
        match |= Q(fingerprint_hash=client.fingerprint_hash)
    return SkmResponse.objects.filter(match, service=service, period=period).exists()


def _answers(raw: Mapping[str, Any]) -> dict[str, int]:
    answers: dict[str, int] = {}
    errors = []
    for code in UNSUR_CODES:
        try:
            answers[code] = parse_answer(raw.get(code))
        except SkmError as error:
            name = UNSUR_BY_CODE[code].name
            errors.append(
                {"field": code, "code": error.code, "message": f"{name}: pilih salah satu jawaban."}
            )
    if errors:
        raise ValidationFailed("skm.answers", errors[0]["message"], {"errors": errors})
    return answers


def _profile(raw: Mapping[str, Any]) -> dict[str, str]:
    profile: dict[str, str] = {}
    for field, choices in PROFILE_FIELDS.items():
        value = str(raw.get(field) or "")
        if value and value not in choices.values:
            raise ValidationFailed("skm.profile", "Pilihan profil tidak dikenal.", {"field": field})
        profile[field] = value
    return profile


@transaction.atomic
def skm_submit(
    *,
    service: ServiceStandard,
    answers: Mapping[str, Any],
    profile: Mapping[str, Any] | None = None,
    suggestion: str = "",
    client: Client,
) -> SkmResponse:
    """Record one respondent's answers for the current period of the instansi.

    One response per device and per client fingerprint, per service and period, unless the
    service allows repeats (a kiosk tablet at the counter). Suggestions stay with the unit.
    """
    if not service.is_published:
        raise ValidationFailed("skm.service", "Layanan tidak dikenal.")
    clean = _answers(answers)
    profile_values = _profile(profile or {})
    text = "".join(ch for ch in suggestion if ch in "\n\t" or ch >= " ").strip()
    if len(text) > SUGGESTION_MAX:
        raise ValidationFailed(
            "skm.suggestion",
            f"Saran paling panjang {SUGGESTION_MAX} karakter.",
            {"field": "suggestion"},
        )
    period = current_period(service)
    if not service.allows_repeat_survey and has_answered(service, period, client):
        raise ValidationFailed(
            "skm.already_answered",
            f"Anda sudah mengisi survei layanan ini untuk {periods.label(period)}. Terima kasih.",
        )
    response = SkmResponse.objects.create(
        instansi_id=service.instansi_id,
        service=service,
        unit_id=service.unit_id,
        period=period,
        submitted_at=timezone.now(),
        suggestion=text,
        device_hash=client.device_hash,
        fingerprint_hash=client.fingerprint_hash,
        **clean,
        **profile_values,
    )
    audit.record(
        actor="warga",
        action="skm.submit",
        obj=response,
        after={"service": service.pk, "period": period},
    )
    return response


@transaction.atomic
def skm_population_set(
    *, actor: Any, service: ServiceStandard, period: str, population: int
) -> SkmPopulation:
    """Enter the number of service users in a period (for the Krejcie–Morgan target)."""
    if not access.manages_unit(actor, service.unit):
        raise PermissionDenied("Anda hanya dapat mengisi populasi layanan unit Anda.")
    if not periods.is_valid(period):
        raise ValidationFailed("skm.period", "Periode tidak sah.", {"field": "period"})
    if not 0 <= population <= POPULATION_MAX:
        raise ValidationFailed(
            "skm.population", "Populasi harus 0–10.000.000.", {"field": "population"}
        )
    found = SkmPopulation.objects.select_for_update().filter(service=service, period=period).first()
    before = {"population": found.population} if found else {}
    if found is None:
        found = SkmPopulation.objects.create(
            instansi_id=service.instansi_id, service=service, period=period, population=population
        )
    else:
        found.population = population
        found.save(update_fields=["population", "updated_at"])
    audit.record(
        actor=actor,
        action="skm.population",
        obj=found,
        before=before,
        after={"population": population, "period": period},
    )
    return found
