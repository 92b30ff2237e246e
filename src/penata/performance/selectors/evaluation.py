"""Reads for evaluations: one period of an SKP with its realisation and ratings, and the
list of an SKP's periods with what is due or late."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Q, Sum

from penata.core.errors import NotFound
from penata.performance import rules, schedule
from penata.performance.models import (
    ANNUAL_NUMBER,
    Activity,
    Evaluation,
    Indicator,
    OrgPredikat,
    Realisation,
    Rhk,
    RhkRating,
    Skp,
)
from penata.performance.selectors.common import reach_q, settings_for
from penata.performance.services.evaluation import Period, head_org_predikat, skp_period


@dataclass
class IndicatorLine:
    indicator: Indicator
    realisation: Realisation | None
    progress: rules.Realisation | None


@dataclass
class RhkLine:
    rhk: Rhk
    indicators: list[IndicatorLine] = field(default_factory=list)
    rating: RhkRating | None = None
    outputs: int = 0
    minutes: int = 0


@dataclass
class EvaluationView:
    skp: Skp
    period: Period
    evaluation: Evaluation | None
    lines: list[RhkLine]
    due: dt.date
    is_late: bool
    org_predikat: OrgPredikat | None
    angka_kredit_preview: dict[str, Decimal]

    @property
    def status(self) -> str:
        return self.evaluation.status if self.evaluation else Evaluation.Status.OPEN

    @property
    def is_complete(self) -> bool:
        return all(i.realisation is not None for line in self.lines for i in line.indicators)


def evaluation_view(skp: Skp, kind: str, number: int, on: dt.date) -> EvaluationView:
    """Everything the evaluation page of one period shows (a fixed number of queries)."""
    period = skp_period(skp, kind, number)
    evaluation = Evaluation.objects.filter(skp=skp, kind=kind, number=number).first()
    rhks = list(
        Rhk.objects.filter(skp=skp).select_related("parent").order_by("-kind", "sort_order", "id")
    )
    indicators = list(Indicator.objects.filter(rhk__skp=skp).order_by("rhk_id", "sort_order", "id"))
    realisations = (
        {r.indicator_id: r for r in Realisation.objects.filter(evaluation=evaluation)}
        if evaluation
        else {}
    )
    ratings = (
        {r.rhk_id: r for r in RhkRating.objects.filter(evaluation=evaluation)} if evaluation else {}
    )
    work = {
        row["rhk_id"]: row
        for row in Activity.objects.filter(
            instansi_id=skp.instansi_id,
            employee_id=skp.employee_id,
            date__gte=period.start,
            date__lte=period.end,
            rhk__skp=skp,
        )
        .values("rhk_id")
        .annotate(outputs=Sum("output_count"), minutes=Sum("minutes"))
    }
    lines = {r.pk: RhkLine(r, rating=ratings.get(r.pk)) for r in rhks}
    for indicator in indicators:
        found = realisations.get(indicator.pk)
        progress = None
        if indicator.aspect == "kuantitas":
            value = found.value if found else Decimal(0)
            progress = rules.realisation_vs_elapsed(
                value, indicator.target, skp.start, skp.end, min(on, period.end)
            )
        lines[indicator.rhk_id].indicators.append(IndicatorLine(indicator, found, progress))
    for rhk_id, row in work.items():
        if rhk_id in lines:
            lines[rhk_id].outputs = row["outputs"] or 0
            lines[rhk_id].minutes = row["minutes"] or 0
    config = settings_for(skp.instansi_id)
    due = schedule.due_date(period.end, config.grace_days)
    rated = evaluation is not None and evaluation.is_rated
    preview: dict[str, Decimal] = {}
    position = skp.position
    if kind == Evaluation.Kind.ANNUAL and position.kind == "fungsional":
        jenjang = position.jf_jenjang
        if jenjang in config.ak_config.coefficients:
            months = min(12, schedule.months_covered(skp.start, skp.end))
            preview = {
                p: rules.angka_kredit(p, jenjang, config.ak_config, months=months)
                for p in rules.PREDIKATS
            }
    return EvaluationView(
        skp=skp,
        period=period,
        evaluation=evaluation,
        lines=list(lines.values()),
        due=due,
        is_late=kind == Evaluation.Kind.PERIODIC and not rated and due < on,
        org_predikat=head_org_predikat(skp) if kind == Evaluation.Kind.ANNUAL else None,
        angka_kredit_preview=preview,
    )


@dataclass(frozen=True)
class PeriodRow:
    kind: str
    number: int
    label: str
    start: dt.date
    end: dt.date
    due: dt.date
    evaluation: Evaluation | None
    is_started: bool
    is_late: bool


def period_rows(skp: Skp, on: dt.date) -> list[PeriodRow]:
    """The SKP's periodic evaluations and its annual one, with their state on `on`."""
    grace = settings_for(skp.instansi_id).grace_days
    found = {(e.kind, e.number): e for e in Evaluation.objects.filter(skp=skp)}
    rows = []
    periods = [
        (Evaluation.Kind.PERIODIC, p.number, p.label, max(p.start, skp.start), p.end)
        for p in schedule.skp_periods(skp.year, skp.frequency, skp.start, skp.end)
    ]
    periods.append(
        (Evaluation.Kind.ANNUAL, ANNUAL_NUMBER, f"Tahunan {skp.year}", skp.start, skp.end)
    )
    for kind, number, label, start, end in periods:
        evaluation = found.get((kind, number))
        due = schedule.due_date(end, grace)
        rated = evaluation is not None and evaluation.is_rated
        rows.append(
            PeriodRow(
                kind=kind,
                number=number,
                label=label,
                start=start,
                end=end,
                due=due,
                evaluation=evaluation,
                is_started=start <= on,
                is_late=kind == Evaluation.Kind.PERIODIC and not rated and due < on,
            )
        )
    return rows


def evaluation_get_for(actor: Any, evaluation_id: int) -> Evaluation:
    found = (
        Evaluation.objects.select_related("skp", "skp__employee", "skp__position")
        .filter(Q(pk=evaluation_id), reach_q(actor))
        .first()
    )
    if found is None:
        raise NotFound("evaluasi")
    return found


def realisation_get_for(actor: Any, realisation_id: int) -> Realisation:
    found = (
        Realisation.objects.select_related("evaluation", "evaluation__skp")
        .filter(pk=realisation_id)
        .filter(evaluation__in=Evaluation.objects.filter(reach_q(actor)))
        .first()
    )
    if found is None:
        raise NotFound("bukti dukung")
    return found


def waiting_evaluations(evaluator_id: int, year: int) -> list[Evaluation]:
    """Evaluations submitted to `evaluator_id` and not rated yet, oldest period first."""
    return list(
        Evaluation.objects.filter(
            skp__evaluator_id=evaluator_id, skp__year=year, status=Evaluation.Status.SUBMITTED
        )
        .select_related("employee", "skp")
        .order_by("end", "employee__name")
    )
