"""SKM results: IKM per service or unit subtree and period, computed by `rules.ikm_compute`.

Suggestions (free text) are read only on staff pages; public results hold answers' averages
and respondent-profile counts, never a single response.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.db.models import Count, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from penata.org.models import Instansi, Unit
from penata.participation import periods
from penata.participation.models import ServiceStandard, SkmPopulation, SkmResponse
from penata.participation.models.skm import PROFILE_FIELDS
from penata.participation.rules import (
    UNSUR,
    UNSUR_CODES,
    IkmResult,
    SampleStatus,
    Unsur,
    display,
    ikm_compute,
    sample_status,
    weights_of,
)
from penata.participation.selectors.common import settings_for, skm_config_for

PROFILE_LABELS = {
    "age_band": gettext_lazy("Usia"),
    "sex": gettext_lazy("Jenis kelamin"),
    "education": gettext_lazy("Pendidikan"),
    "occupation": gettext_lazy("Pekerjaan"),
}


@dataclass(frozen=True)
class UnsurRow:
    unsur: Unsur
    nrr: Decimal
    weight: Decimal
    nrr_weighted: Decimal
    counts: tuple[int, int, int, int]  # how many answered 1, 2, 3, 4


@dataclass(frozen=True)
class ProfileCount:
    field: str
    label: str
    rows: list[tuple[str, int]]  # (choice label, count), "Tidak diisi" last


@dataclass(frozen=True)
class SkmResult:
    scope_name: str
    period: str
    period_label: str
    respondents: int
    result: IkmResult | None
    unsur_rows: list[UnsurRow]
    population: int | None
    sample: SampleStatus | None
    profile: list[ProfileCount]

    @property
    def ikm_unit(self) -> Decimal | None:
        return display(self.result.ikm_unit) if self.result else None


@dataclass(frozen=True)
class TrendPoint:
    period: str
    label: str
    respondents: int
    ikm: Decimal | None
    mutu: str


def _responses(
    instansi: Instansi, service: ServiceStandard | None, unit: Unit | None
) -> QuerySet[SkmResponse]:
    qs = SkmResponse.objects.filter(instansi=instansi)
    if service is not None:
        qs = qs.filter(service=service)
    elif unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    return qs


def period_default(instansi: Instansi, service: ServiceStandard | None, unit: Unit | None) -> str:
    """The latest period with responses, else the current one."""
    latest = _responses(instansi, service, unit).order_by("-submitted_at").values("period").first()
    if latest:
        return str(latest["period"])
    return periods.period_of(timezone.localdate(), settings_for(instansi).skm_period_kind)


def periods_with_responses(
    instansi: Instansi, service: ServiceStandard | None, unit: Unit | None
) -> list[str]:
    found = {
        p
        for p in _responses(instansi, service, unit).values_list("period", flat=True).distinct()
        if periods.is_valid(p)
    }
    return sorted(found, key=lambda p: periods.bounds(p)[0], reverse=True)


def _population(
    instansi: Instansi, service: ServiceStandard | None, unit: Unit | None, period: str
) -> int | None:
    qs = SkmPopulation.objects.filter(instansi=instansi, period=period)
    if service is not None:
        qs = qs.filter(service=service)
    elif unit is not None:
        qs = qs.filter(service__unit__path__startswith=unit.path)
    total = qs.aggregate(n=Sum("population"), rows=Count("id"))
    return int(total["n"]) if total["rows"] else None


def skm_result(
    instansi: Instansi,
    *,
    period: str,
    service: ServiceStandard | None = None,
    unit: Unit | None = None,
) -> SkmResult:
    """NRR per unsur, IKM (1–4 and 25–100), mutu, sample vs target and respondent profile
    for a service, or a unit's whole subtree, or the whole instansi."""
    config = skm_config_for(instansi)
    qs = _responses(instansi, service, unit).filter(period=period)
    answers = [dict(zip(UNSUR_CODES, row, strict=True)) for row in qs.values_list(*UNSUR_CODES)]
    result = ikm_compute(answers, config) if answers else None
    rows: list[UnsurRow] = []
    if result is not None:
        weights = weights_of(config)
        for unsur in UNSUR:
            values = [a[unsur.code] for a in answers]
            counts = (values.count(1), values.count(2), values.count(3), values.count(4))
            rows.append(
                UnsurRow(
                    unsur=unsur,
                    nrr=display(result.nrr[unsur.code]),
                    weight=display(Fraction(weights[unsur.code]), 4),
                    nrr_weighted=display(result.nrr_weighted[unsur.code]),
                    counts=counts,
                )
            )
    profile: list[ProfileCount] = []
    for field, choices in PROFILE_FIELDS.items():
        counted = dict(qs.values_list(field).annotate(n=Count("id")).order_by())
        entries = [(str(label), int(counted.get(value, 0))) for value, label in choices.choices]
        entries.append((gettext("Tidak diisi"), int(counted.get("", 0))))
        profile.append(ProfileCount(field, str(PROFILE_LABELS[field]), entries))
    population = _population(instansi, service, unit, period)
    sample = sample_status(population, len(answers)) if population is not None else None
    scope = service.name if service else (unit.name if unit else instansi.name)
    return SkmResult(
        scope_name=scope,
        period=period,
        period_label=periods.label(period),
        respondents=len(answers),
        result=result,
        unsur_rows=rows,
        population=population,
        sample=sample,
        profile=profile,
    )


def skm_trend(
    instansi: Instansi,
    *,
    until: str,
    count: int = 4,
    service: ServiceStandard | None = None,
    unit: Unit | None = None,
) -> list[TrendPoint]:
    """IKM of the `count` periods ending with `until` (None where nobody answered)."""
    config = skm_config_for(instansi)
    wanted = periods.previous(until, count)
    rows = (
        _responses(instansi, service, unit)
        .filter(period__in=wanted)
        .values_list("period", *UNSUR_CODES)
    )
    by_period: dict[str, list[dict[str, int]]] = {p: [] for p in wanted}
    for period, *values in rows:
        by_period[period].append(dict(zip(UNSUR_CODES, values, strict=True)))
    points = []
    for period in wanted:
        answers = by_period[period]
        result = ikm_compute(answers, config) if answers else None
        points.append(
            TrendPoint(
                period=period,
                label=periods.label(period),
                respondents=len(answers),
                ikm=result.ikm if result else None,
                mutu=result.mutu if result else "",
            )
        )
    return points


def chart_data(result: SkmResult, trend: list[TrendPoint]) -> dict[str, Any]:
    """What the ECharts charts of the results page draw (passed through json_script)."""
    return {
        "unsur": [
            {"name": f"{r.unsur.code.upper()} {r.unsur.name}", "value": float(r.nrr)}
            for r in result.unsur_rows
        ],
        "trend": [
            {"name": p.label, "value": float(p.ikm) if p.ikm is not None else None} for p in trend
        ],
    }


def suggestion_list(
    instansi: Instansi, *, period: str, service: ServiceStandard | None, unit: Unit | None
) -> QuerySet[SkmResponse]:
    """Suggestions written by respondents (staff pages only)."""
    return (
        _responses(instansi, service, unit)
        .filter(period=period)
        .exclude(suggestion="")
        .select_related("service")
        .order_by("-submitted_at")
    )


def skm_service_summaries(
    instansi: Instansi, *, period: str, unit: Unit | None = None
) -> list[tuple[ServiceStandard, SkmResult]]:
    """The result of every published service (in `unit`'s subtree) for `period`."""
    services = ServiceStandard.objects.filter(instansi=instansi, is_published=True).select_related(
        "unit"
    )
    if unit is not None:
        services = services.filter(unit__path__startswith=unit.path)
    return [
        (s, skm_result(instansi, period=period, service=s))
        for s in services.order_by("unit__path", "name")
    ]
